//! The whole job in one call: load sources and claims, analyse every
//! source, verify every claims file.
//!
//! Used by the binary (`claimcheck check`) and by the `cargo test` harness,
//! so both see exactly the same verdicts.

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;

use crate::cache::FactsCache;
use crate::claims::ClaimSet;
use crate::error::Errors;
use crate::progress::{NoProgress, Progress};
use crate::source::Sources;
use crate::span::SourceId;
use crate::verify::{Analysis, SetOutcome, verify_with};

/// Everything one run loaded and found.
#[derive(Debug, Clone)]
pub struct Run {
    /// The sources, in manifest order.
    pub sources: Sources,
    /// One analysis per source, in the same order.
    pub analyses: Vec<Analysis>,
    /// The claims files, sorted by path.
    pub sets: Vec<ClaimSet>,
    /// One outcome per claims file, in the same order.
    pub outcomes: Vec<SetOutcome>,
}

impl Run {
    /// Whether every claim of every file holds.
    pub fn all_hold(&self) -> bool {
        self.outcomes.iter().all(SetOutcome::all_hold)
    }
}

/// Normalizes and extracts every source, in parallel; the result is in
/// source order whatever the thread count.
pub fn analyse(sources: &Sources) -> Vec<Analysis> {
    analyse_cached(sources, None)
}

/// [`analyse`], taking the facts of unchanged sources from `cache` and
/// storing the facts of the others there. The result is the same as
/// without a cache.
pub fn analyse_cached(sources: &Sources, cache: Option<&FactsCache>) -> Vec<Analysis> {
    analyse_with(sources, cache, &NoProgress)
}

fn analyse_with(
    sources: &Sources,
    cache: Option<&FactsCache>,
    progress: &dyn Progress,
) -> Vec<Analysis> {
    let list: Vec<&crate::Source> = sources.iter().collect();
    progress.stage("analysing sources", list.len());
    let out = list
        .par_iter()
        .map(|s| {
            let a = match cache {
                None => Analysis::of(s),
                Some(cache) => {
                    let text = crate::text::normalize(s);
                    let facts = cache.load(s).unwrap_or_else(|| {
                        let facts = crate::extract::extract(&text);
                        cache.store(s, &facts);
                        facts
                    });
                    Analysis::from_parts(text, facts)
                }
            };
            progress.advance(1);
            a
        })
        .collect();
    progress.done();
    out
}

/// Loads the claims of `claims_dir` and the sources of `seeds_dir`, checking
/// that every source a claim names exists.
///
/// # Errors
///
/// Every problem of both directories together, so one run shows them all.
pub fn load(claims_dir: &Path, seeds_dir: &Path) -> Result<(Sources, Vec<ClaimSet>), Errors> {
    // Claims are parsed with the gazetteer and the date patterns: have them
    // built while the files are read.
    crate::extract::warm_up();
    let sources = Sources::load(seeds_dir);
    let sets = ClaimSet::load_dir(claims_dir);
    let mut errors = Vec::new();
    if let (Ok(sources), Ok(sets)) = (&sources, &sets) {
        let known: BTreeSet<SourceId> = sources.iter().map(|s| s.id().clone()).collect();
        for set in sets {
            if let Err(es) = set.check_sources(&known) {
                errors.extend(es);
            }
        }
    }
    match (sources, sets) {
        (Ok(sources), Ok(sets)) if errors.is_empty() => Ok((sources, sets)),
        (s, c) => {
            if let Err(es) = s {
                errors.extend(es);
            }
            if let Err(es) = c {
                errors.extend(es);
            }
            Err(Errors(errors))
        }
    }
}

/// Loads, analyses and verifies.
///
/// # Errors
///
/// When the run cannot happen (see [`load`]). A claim that does not hold is
/// not an error: see [`Run::all_hold`].
pub fn check(claims_dir: impl AsRef<Path>, seeds_dir: impl AsRef<Path>) -> Result<Run, Errors> {
    check_cached(claims_dir, seeds_dir, None)
}

/// [`check`] with a facts cache (see [`FactsCache`]).
///
/// # Errors
///
/// As [`check`].
pub fn check_cached(
    claims_dir: impl AsRef<Path>,
    seeds_dir: impl AsRef<Path>,
    cache: Option<&FactsCache>,
) -> Result<Run, Errors> {
    check_with(claims_dir, seeds_dir, cache, &NoProgress)
}

/// [`check_cached`], telling `progress` how it goes (sources analysed,
/// then sources checked against each claims file).
///
/// # Errors
///
/// As [`check`].
pub fn check_with(
    claims_dir: impl AsRef<Path>,
    seeds_dir: impl AsRef<Path>,
    cache: Option<&FactsCache>,
    progress: &dyn Progress,
) -> Result<Run, Errors> {
    let (sources, sets) = load(claims_dir.as_ref(), seeds_dir.as_ref())?;
    let analyses = analyse_with(&sources, cache, progress);
    progress.stage("checking sources", sets.len() * analyses.len());
    let outcomes = sets
        .iter()
        .map(|set| verify_with(set, &analyses, progress))
        .collect();
    progress.done();
    Ok(Run {
        sources,
        analyses,
        sets,
        outcomes,
    })
}
