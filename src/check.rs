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
use crate::verify::{Analysis, SOURCES_PER_CHUNK, SetOutcome, SourceRow, Verifier};

/// Everything one run loaded and found.
#[derive(Debug, Clone)]
pub struct Run {
    /// The sources, in manifest order.
    pub sources: Sources,
    /// One analysis per source, in the same order; empty when the run
    /// kept only its outcomes ([`Keep::Outcomes`]).
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
    let list: Vec<&crate::Source> = sources.iter().collect();
    list.par_iter().map(|s| analyse_one(s, cache)).collect()
}

/// One source's analysis, its facts from `cache` when they are there (and
/// stored there when they are not).
fn analyse_one(s: &crate::Source, cache: Option<&FactsCache>) -> Analysis {
    match cache {
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
    }
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
    check_with(claims_dir, seeds_dir, cache, Keep::Analyses, &NoProgress)
}

/// What a run keeps besides the outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Every source's analysis, in [`Run::analyses`]: what the lock and
    /// the facts snapshots are made from.
    Analyses,
    /// The outcomes only: each source's analysis is dropped once the source
    /// has been checked, and [`Run::analyses`] is empty. An archive run
    /// then holds its sources and verdicts, never every source's facts.
    Outcomes,
}

/// [`check_cached`], telling `progress` how it goes (sources checked: each
/// analysed, then checked against every claims file), keeping what `keep`
/// says.
///
/// Sources go a chunk at a time: each source of a chunk is analysed and
/// checked against every claim on one thread, chunks one after the other.
///
/// # Errors
///
/// As [`check`].
pub fn check_with(
    claims_dir: impl AsRef<Path>,
    seeds_dir: impl AsRef<Path>,
    cache: Option<&FactsCache>,
    keep: Keep,
    progress: &dyn Progress,
) -> Result<Run, Errors> {
    let (sources, sets) = load(claims_dir.as_ref(), seeds_dir.as_ref())?;
    let list: Vec<&crate::Source> = sources.iter().collect();
    progress.stage("checking sources", list.len());
    let mut verifiers: Vec<Verifier> = sets.iter().map(Verifier::new).collect();
    let mut analyses = Vec::new();
    for chunk in list.chunks(SOURCES_PER_CHUNK) {
        let done: Vec<(Option<Analysis>, Vec<SourceRow>)> = chunk
            .par_iter()
            .map(|s| {
                let a = analyse_one(s, cache);
                let rows = verifiers.iter().map(|v| v.row(&a)).collect();
                progress.advance(1);
                // Dropped here, on this thread, when not kept.
                ((keep == Keep::Analyses).then_some(a), rows)
            })
            .collect();
        for (s, (a, rows)) in chunk.iter().zip(done) {
            for (v, row) in verifiers.iter_mut().zip(rows) {
                v.push(s.id(), row);
            }
            analyses.extend(a);
        }
    }
    let outcomes = verifiers.into_iter().map(Verifier::finish).collect();
    progress.done();
    Ok(Run {
        sources,
        analyses,
        sets,
        outcomes,
    })
}
