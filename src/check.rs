//! The whole job in one call: load sources and claims, analyse every
//! source, verify every claims file.
//!
//! Used by the binary (`claimcheck check`) and by the `cargo test` harness,
//! so both see exactly the same verdicts.

use std::collections::BTreeSet;
use std::path::Path;

use rayon::prelude::*;

use std::sync::Arc;

use crate::cache::{CachedVerdicts, EncodedRow, FactsCache, RowsWriter};
use crate::claims::ClaimSet;
use crate::error::Errors;
use crate::lock::SourceView;
use crate::progress::{NoProgress, Progress};
use crate::source::Sources;
use crate::span::SourceId;
use crate::spill::SpillFile;
use crate::verify::{Analysis, SOURCES_PER_CHUNK, SetOutcome, SourceRow, Verifier};

/// Everything one run loaded and found.
#[derive(Debug, Clone)]
pub struct Run {
    /// The sources, in manifest order (without their texts when the run
    /// kept only the outcomes: [`Keep::Outcomes`]).
    pub sources: Sources,
    /// One analysis per source, in the same order; empty unless the run
    /// kept them ([`Keep::Analyses`]).
    pub analyses: Vec<Analysis>,
    /// What the lock needs of each source, in the same order; empty unless
    /// the run kept it ([`Keep::LockViews`]).
    pub views: Vec<SourceView>,
    /// The claims files, sorted by path.
    pub sets: Vec<ClaimSet>,
    /// How many sources this run analysed (normalized, their facts
    /// extracted or read from the cache). With a verdicts cache, a source
    /// is analysed only when it changed, or when a claim the cache has no
    /// verdicts for could find something in it.
    pub analysed: usize,
    /// One outcome per claims file, in the same order (empty when the run
    /// spilled them: [`Keep::Spilled`]).
    pub outcomes: Vec<SetOutcome>,
    /// The outcomes, when the run spilled them to a temporary file
    /// ([`Keep::Spilled`]).
    pub spilled: Option<crate::SpilledOutcomes>,
    /// The outcomes, when the run kept them packed ([`Keep::Packed`]).
    pub packed: Option<crate::PackedOutcomes>,
}

impl Run {
    /// Whether every claim of every file holds.
    pub fn all_hold(&self) -> bool {
        self.outcomes.iter().all(SetOutcome::all_hold)
            && self
                .spilled
                .as_ref()
                .is_none_or(crate::SpilledOutcomes::all_hold)
            && self
                .packed
                .as_ref()
                .is_none_or(crate::PackedOutcomes::all_hold)
    }

    /// The outcomes, wherever the run kept them: for the reports that
    /// write them claim by claim.
    pub fn report_outcomes(&self) -> &dyn crate::report::Outcomes {
        match (&self.spilled, &self.packed) {
            (Some(spilled), _) => spilled,
            (None, Some(packed)) => packed,
            (None, None) => &self.outcomes,
        }
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
        Some(cache) => cache.load_analysis(s).unwrap_or_else(|| {
            let text = crate::text::normalize(s);
            let facts = crate::extract::extract(&text);
            cache.store(s, &text, &facts);
            Analysis::from_parts(text, facts)
        }),
    }
}

/// Loads the claims of `claims_dir` and the sources of `seeds_dir`, checking
/// that every source a claim names exists.
///
/// # Errors
///
/// Every problem of both directories together, so one run shows them all.
pub fn load(claims_dir: &Path, seeds_dir: &Path) -> Result<(Sources, Vec<ClaimSet>), Errors> {
    load_with(claims_dir, seeds_dir, true, |_| ()).map(|(sources, _, sets)| (sources, sets))
}

/// [`load`], calling `visit` on each source as it is read and keeping its
/// text only when `keep_text` (see [`Sources::load_with`]).
fn load_with<T: Send>(
    claims_dir: &Path,
    seeds_dir: &Path,
    keep_text: bool,
    visit: impl Fn(&crate::Source) -> T + Sync,
) -> Result<(Sources, Vec<T>, Vec<ClaimSet>), Errors> {
    // Claims are parsed with the gazetteer and the date patterns: have them
    // built while the files are read.
    crate::extract::warm_up();
    let sources = Sources::load_with(seeds_dir, keep_text, visit);
    let sets = ClaimSet::load_dir(claims_dir);
    let mut errors = Vec::new();
    if let (Ok((sources, _)), Ok(sets)) = (&sources, &sets) {
        let known: BTreeSet<SourceId> = sources.iter().map(|s| s.id().clone()).collect();
        for set in sets {
            if let Err(es) = set.check_sources(&known) {
                errors.extend(es);
            }
        }
    }
    match (sources, sets) {
        (Ok((sources, seen)), Ok(sets)) if errors.is_empty() => Ok((sources, seen, sets)),
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
    /// has been checked, and [`Run::analyses`] is empty. Sources' texts are
    /// not kept either (in [`Run::sources`], [`crate::Source::text`] is
    /// empty): each is read once to be checked and keyed, and again only if
    /// the source is analysed. An archive run then holds its verdicts and a
    /// chunk of texts, never every source's text or facts.
    Outcomes,
    /// The outcomes only, as [`Keep::Outcomes`], but each verdict packed
    /// as it is kept, a few bytes (evidence cited by many claims stored
    /// once, each distinct sentence and fact once), and read in place by
    /// the reports, claim by claim ([`crate::PackedOutcomes::view`]):
    /// [`Run::outcomes`] is empty and [`Run::packed`] holds them. A
    /// seventh of the memory of [`Keep::Outcomes`] on an archive, in
    /// about the same time.
    Packed,
    /// The outcomes only, as [`Keep::Outcomes`] keeps them, but moved to a
    /// temporary file chunk by chunk as sources are checked, and read back
    /// a claim at a time: [`Run::outcomes`] is empty and
    /// [`Run::spilled`] holds them. For archive runs whose verdicts would
    /// not fit in memory (a thousand claims over a hundred megabytes of
    /// articles hold gigabytes of verdicts and evidence). When no
    /// temporary file can be made, the run keeps them in memory as
    /// [`Keep::Outcomes`] does.
    Spilled,
    /// What the lock needs of each source, in [`Run::views`]: its digests,
    /// fact-bearing sentences and position-free facts, made on the thread
    /// that analysed it, the analysis then dropped. A fraction of the
    /// analyses' size, for `check --locked` and `lock` on an archive.
    LockViews,
}

/// [`check_cached`], telling `progress` how it goes (sources checked: each
/// analysed, then checked against every claims file), keeping what `keep`
/// says.
///
/// Sources go a chunk at a time: each source of a chunk is analysed and
/// checked against every claim on one thread, chunks one after the other,
/// each chunk's verdicts kept while the next chunk is checked.
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
    check_moving_at(
        claims_dir.as_ref(),
        seeds_dir.as_ref(),
        cache,
        keep,
        progress,
        SPILL_AT,
    )
}

/// [`check_with`], a spilling run moving its verdicts to the temporary
/// file once it holds `move_at` of them.
fn check_moving_at(
    claims_dir: &Path,
    seeds_dir: &Path,
    cache: Option<&FactsCache>,
    keep: Keep,
    progress: &dyn Progress,
    move_at: usize,
) -> Result<Run, Errors> {
    // Keeping only the outcomes, the sources' texts are not kept either:
    // each is read again when its source is analysed (an archive run holds
    // a chunk of texts, not all of them). The key of each source's cached
    // verdicts is taken as it is first read.
    let streamed = matches!(keep, Keep::Outcomes | Keep::Packed | Keep::Spilled);
    // Without a temporary file, the outcomes stay in memory.
    let spill = match keep {
        Keep::Spilled => SpillFile::create().ok(),
        _ => None,
    };
    let (sources, keys, sets) = load_with(claims_dir, seeds_dir, !streamed, |s| {
        cache.map(|_| CachedVerdicts::key(s))
    })?;
    let keys: Vec<u64> = keys.into_iter().flatten().collect();
    let all = streamed.then_some(&sources);
    let list: Vec<&crate::Source> = sources.iter().collect();
    progress.stage("checking sources", list.len());
    let verifiers: Vec<Verifier> = sets.iter().map(Verifier::new).collect();
    // With a cache: each claims file's verdicts of the last run, and the key
    // of each source's verdicts in them.
    let stored: Vec<CachedVerdicts> = match cache {
        Some(c) => verifiers
            .iter()
            .zip(&sets)
            .map(|(v, set)| c.verdicts(set.path(), v.claim_fingerprints(), v.filter_key()))
            .collect(),
        None => Vec::new(),
    };
    // What the run keeps, filled a chunk at a time in source order.
    let mut kept = Kept {
        // A packing run packs every verdict as it is kept.
        verdicts: verifiers
            .iter()
            .map(|v| match keep {
                Keep::Packed => v.packing_keeper(),
                _ => v.keeper(),
            })
            .collect(),
        // Per claims file, its verdicts file written again as the run
        // goes.
        writers: stored.iter().map(CachedVerdicts::writer).collect(),
        analyses: Vec::new(),
        views: Vec::new(),
        errors: Vec::new(),
        analysed: 0,
        spill: spill.as_ref(),
        move_at,
    };
    // Each chunk is checked while the one before is kept: keeping is a
    // scatter into every claim's verdicts, slow on memory, and would
    // otherwise leave the other threads idle.
    let mut pending: Option<(usize, &[&crate::Source], Vec<Checked>)> = None;
    for (n, chunk) in list.chunks(SOURCES_PER_CHUNK).enumerate() {
        let first = n * SOURCES_PER_CHUNK;
        let (done, ()) = rayon::join(
            || {
                chunk
                    .par_iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let key = keys.get(first + i).copied();
                        let checked = check_one(s, all, key, &verifiers, &stored, cache, keep);
                        progress.advance(1);
                        checked
                    })
                    .collect::<Vec<Checked>>()
            },
            || {
                if let Some((first, sources, done)) = pending.take() {
                    kept.add(first, sources, done, &verifiers, &keys);
                }
            },
        );
        pending = Some((first, chunk, done));
    }
    if let Some((first, sources, done)) = pending.take() {
        kept.add(first, sources, done, &verifiers, &keys);
    }
    let Kept {
        verdicts,
        writers,
        analyses,
        views,
        mut errors,
        analysed,
        ..
    } = kept;
    for w in writers {
        w.finish();
    }
    if let Some(cache) = cache {
        cache.prune();
    }
    if !errors.is_empty() {
        return Err(Errors(errors));
    }
    let (outcomes, spilled, packed) = match spill {
        None if verdicts.iter().any(crate::verify::Kept::is_packed) => {
            let sets = verifiers
                .iter()
                .zip(verdicts)
                .map(|(v, kept)| v.finish_packed(kept))
                .collect();
            (Vec::new(), None, Some(crate::PackedOutcomes { sets }))
        }
        None => (
            verifiers
                .iter()
                .zip(verdicts)
                .map(|(v, kept)| v.finish_kept(kept))
                .collect(),
            None,
            None,
        ),
        Some(file) => {
            let spilled = verifiers
                .iter()
                .zip(verdicts)
                .map(|(v, kept)| v.finish_spilled(kept, &file))
                .collect::<std::io::Result<Vec<_>>>();
            match spilled {
                Ok(sets) => (
                    Vec::new(),
                    Some(crate::SpilledOutcomes::new(Arc::new(file), sets)),
                    None,
                ),
                Err(e) => {
                    errors.push(spill_error(&file, &e));
                    return Err(Errors(errors));
                }
            }
        }
    };
    progress.done();
    Ok(Run {
        sources,
        analysed,
        analyses,
        views,
        sets,
        outcomes,
        spilled,
        packed,
    })
}

/// A spilling run moves its verdicts to the temporary file once it holds
/// this many (a few megabytes with their evidence).
const SPILL_AT: usize = 1 << 15;

/// A failure to write or read back the temporary file of spilled
/// verdicts.
fn spill_error(file: &SpillFile, e: &std::io::Error) -> crate::Error {
    crate::Error::new(
        crate::ErrorKind::Io,
        format!("cannot keep verdicts in a temporary file: {e}"),
    )
    .with_path(file.path())
}

/// What a run keeps of the sources checked so far.
struct Kept<'a> {
    /// Per claims file, the verdicts.
    verdicts: Vec<crate::verify::Kept>,
    /// Per claims file, the writer of its verdicts file.
    writers: Vec<RowsWriter<'a>>,
    /// How many sources were analysed.
    analysed: usize,
    analyses: Vec<Analysis>,
    views: Vec<SourceView>,
    /// Sources that could not be read again.
    errors: Vec<crate::Error>,
    /// Where verdicts go after each chunk, when they are spilled.
    spill: Option<&'a SpillFile>,
    /// How many verdicts are held before they are spilled.
    move_at: usize,
}

impl Kept<'_> {
    /// Keeps `done`, what was found of `sources`, the sources numbered from
    /// `first` in the run.
    fn add(
        &mut self,
        first: usize,
        sources: &[&crate::Source],
        done: Vec<Checked>,
        verifiers: &[Verifier],
        keys: &[u64],
    ) {
        for (i, (s, checked)) in sources.iter().zip(done).enumerate() {
            for ((v, kept), row) in verifiers.iter().zip(&mut self.verdicts).zip(checked.rows) {
                v.keep(kept, s.id(), row);
            }
            if let Some(&key) = keys.get(first + i) {
                for (w, encoded) in self.writers.iter_mut().zip(checked.judged) {
                    w.push(key, encoded);
                }
            }
            self.analysed += usize::from(checked.analysed);
            self.analyses.extend(checked.analysis);
            self.views.extend(checked.view);
            self.errors.extend(checked.error);
        }
        // Spilled once enough verdicts are held, not after every chunk:
        // fewer, larger pieces to read back per claim.
        let held = || -> usize { self.verdicts.iter().map(crate::verify::Kept::held).sum() };
        if let Some(file) = self.spill.filter(|_| held() >= self.move_at) {
            for kept in &mut self.verdicts {
                if let Err(e) = kept.spill(file) {
                    self.errors.push(spill_error(file, &e));
                    // Nothing more is written once a write failed.
                    self.spill = None;
                    break;
                }
            }
        }
    }
}

/// One source checked: its analysis when kept, its verdicts on each claims
/// file, and those just judged (not read from the cache), encoded for it.
struct Checked {
    /// Why the source could not be analysed: its text, not kept, could not
    /// be read again (its rows are then empty, and the run fails).
    error: Option<crate::Error>,
    /// Whether the source was analysed.
    analysed: bool,
    analysis: Option<Analysis>,
    view: Option<SourceView>,
    rows: Vec<SourceRow>,
    judged: Vec<Option<EncodedRow>>,
}

/// Checks source `s` against every claims file: its verdicts from the
/// cache when they are there (`key` is the source's key in `stored`), else
/// judged on its analysis, which is made only then, or when it is to be
/// kept.
fn check_one(
    s: &crate::Source,
    all: Option<&Sources>,
    key: Option<u64>,
    verifiers: &[Verifier],
    stored: &[CachedVerdicts],
    cache: Option<&FactsCache>,
    keep: Keep,
) -> Checked {
    let mut a = None;
    let mut error = None;
    let mut rows = Vec::with_capacity(verifiers.len());
    let mut judged = Vec::with_capacity(verifiers.len());
    for (f, v) in verifiers.iter().enumerate() {
        let cached = stored
            .get(f)
            .zip(key)
            .and_then(|(c, k)| Some((c, c.get(k, s)?)));
        let cached = cached.map(|(c, (row, as_stored))| (c, row, as_stored));
        match cached {
            Some((c, row, _)) if c.is_current() && c.missing().is_empty() => {
                rows.push(row);
                judged.push(None);
            }
            // Claims were edited, added or moved: only those the cache has
            // no verdicts for are judged, and only when the keys of the
            // source's index say one of them could find something there.
            Some((c, row, as_stored)) => {
                let filter = key.and_then(|k| c.filter(k));
                let missing = c.missing();
                let concerned = !missing.is_empty()
                    && filter
                        .as_ref()
                        .is_none_or(|f| v.may_concern(f, missing, s.id()));
                if !concerned && as_stored {
                    judged.push(Some(EncodedRow::Stored));
                    rows.push(row);
                    continue;
                }
                let (row, filter) = if concerned {
                    match analysis(&mut a, &mut error, s, all, cache) {
                        Some(a) => {
                            let (new, filter) = v.row_filtered(a, Some(missing), true);
                            (row.merge(new), filter)
                        }
                        None => (row, None),
                    }
                } else {
                    (row, filter)
                };
                judged.push(Some(CachedVerdicts::encode(s, &row, filter.as_ref())));
                rows.push(row);
            }
            None => {
                let row = match analysis(&mut a, &mut error, s, all, cache) {
                    Some(a) => {
                        let (row, filter) = v.row_filtered(a, None, key.is_some());
                        judged.push(key.map(|_| CachedVerdicts::encode(s, &row, filter.as_ref())));
                        row
                    }
                    None => {
                        judged.push(None);
                        SourceRow(Vec::new())
                    }
                };
                rows.push(row);
            }
        }
    }
    if matches!(keep, Keep::Analyses | Keep::LockViews) {
        analysis(&mut a, &mut error, s, all, cache);
    }
    if error.is_some() {
        // Nothing judged is kept for next time.
        judged.iter_mut().for_each(|j| *j = None);
    }
    let view = match (&a, keep) {
        (Some(a), Keep::LockViews) => Some(SourceView::of(s, a)),
        _ => None,
    };
    Checked {
        analysed: a.is_some(),
        error,
        // Dropped here, on this thread, when not kept.
        analysis: a.filter(|_| keep == Keep::Analyses),
        view,
        rows,
        judged,
    }
}

/// The analysis of `s` in `a`, made the first time it is asked for (its
/// text read again first when the run did not keep it: `all` are the
/// sources then). `None` when the text could not be read, the reason in
/// `error`.
fn analysis<'a>(
    a: &'a mut Option<Analysis>,
    error: &mut Option<crate::Error>,
    s: &crate::Source,
    all: Option<&Sources>,
    cache: Option<&FactsCache>,
) -> Option<&'a Analysis> {
    if a.is_none() && error.is_none() {
        match all.map(|all| all.with_text(s)) {
            None => *a = Some(analyse_one(s, cache)),
            Some(Ok(s)) => *a = Some(analyse_one(&s, cache)),
            Some(Err(e)) => *error = Some(e),
        }
    }
    a.as_ref()
}

#[cfg(test)]
mod tests {
    use super::{Keep, check_moving_at, check_with};
    use crate::progress::NoProgress;

    /// Verdicts spilled after every chunk, in many pieces per claim, read
    /// back as the run kept them in memory, in source order.
    #[test]
    fn verdicts_spilled_in_pieces_read_back_in_order() {
        let dir = std::env::temp_dir().join(format!("claimcheck-spill-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("seeds")).expect("a directory");
        std::fs::create_dir_all(dir.join("claims")).expect("a directory");
        let mut manifest = String::new();
        for i in 0..400 {
            let text = format!(
                "The deal for {} helicopters was signed in Lima on Monday, officials said.\n",
                i % 7
            );
            std::fs::write(dir.join(format!("seeds/a{i}.txt")), text).expect("an article");
            manifest.push_str(&format!("[[source]]\nid = \"a{i}\"\nfile = \"a{i}.txt\"\n"));
        }
        std::fs::write(dir.join("seeds/sources.toml"), manifest).expect("the manifest");
        std::fs::write(
            dir.join("claims/c.toml"),
            "[claims]\nfive = \"helicopter count = 5\"\nlima = \"signed in Lima\"\n\
             [[claim]]\nid = \"some\"\nclaim = \"signed in Lima\"\nsources = [\"a3\", \"a399\"]\n",
        )
        .expect("the claims");
        let (claims, seeds) = (dir.join("claims"), dir.join("seeds"));
        let kept = check_with(&claims, &seeds, None, Keep::Outcomes, &NoProgress).expect("runs");
        let spilled =
            check_moving_at(&claims, &seeds, None, Keep::Spilled, &NoProgress, 1).expect("runs");
        let back = spilled.spilled.as_ref().expect("spilled");
        assert!(
            back.sets[0].segments[0].len() > 2,
            "one piece per chunk: {:?}",
            back.sets[0].segments[0]
        );
        let sets = back.to_sets().expect("reads back");
        assert_eq!(format!("{sets:?}"), format!("{:?}", kept.outcomes));
        // Packed, unpacked: the same again.
        let packed = check_with(&claims, &seeds, None, Keep::Packed, &NoProgress).expect("runs");
        assert!(packed.outcomes.is_empty());
        let unpacked = packed.packed.as_ref().expect("packed").to_sets();
        assert_eq!(format!("{unpacked:?}"), format!("{:?}", kept.outcomes));
        assert_eq!(packed.all_hold(), kept.all_hold());
        let reports = |o: &dyn crate::report::Outcomes| {
            let mut out: [Vec<u8>; 4] = Default::default();
            crate::report::human::write_outcomes(o, &mut out[0]).expect("writes");
            crate::report::json::write_outcomes(o, &mut out[1]).expect("writes");
            crate::report::junit::write_outcomes(o, None, &mut out[2]).expect("writes");
            out[3] = crate::report::github::render_outcomes(o, None)
                .expect("renders")
                .into_bytes();
            out
        };
        assert_eq!(
            reports(packed.report_outcomes()),
            reports(kept.report_outcomes())
        );
        assert!(
            !packed.all_hold(),
            "`some` is checked against two sources only"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Outcomes kept whole, and the other kinds of report, one claim at
    /// a time: every claim alone in its chunk (so written as it is
    /// rendered, in pieces), whatever its size.
    struct Alone<'a>(&'a dyn crate::report::Outcomes);

    impl crate::report::Outcomes for Alone<'_> {
        fn sets(&self) -> usize {
            self.0.sets()
        }
        fn set_path(&self, set: usize) -> (&std::path::Path, &str) {
            self.0.set_path(set)
        }
        fn claims(&self, set: usize) -> usize {
            self.0.claims(set)
        }
        fn holds(&self, set: usize, k: usize) -> bool {
            self.0.holds(set, k)
        }
        fn said(&self, _: usize, _: usize) -> usize {
            crate::report::MAX_SAID_TOGETHER + 1
        }
        fn outcome(&self, set: usize, k: usize) -> std::io::Result<crate::report::OutcomeRef<'_>> {
            self.0.outcome(set, k)
        }
    }

    /// Every report in every format, from `o`.
    fn reports(o: &dyn crate::report::Outcomes) -> [String; 4] {
        let mut out: [Vec<u8>; 3] = Default::default();
        crate::report::human::write_outcomes(o, &mut out[0]).expect("writes");
        crate::report::json::write_outcomes(o, &mut out[1]).expect("writes");
        crate::report::junit::write_outcomes(o, None, &mut out[2]).expect("writes");
        let [human, json, junit] = out.map(|o| String::from_utf8(o).expect("UTF-8"));
        let github = crate::report::github::render_outcomes(o, None).expect("renders");
        [human, json, junit, github]
    }

    /// Reports read a packed run's verdicts in place (no outcome unpacked)
    /// and write a claim alone in its chunk as they render it: the same
    /// bytes as from outcomes kept whole, in every format, with evidence,
    /// notes, near misses, per-source expectations, silent sources listed
    /// and summed up, and claims named to a few sources.
    #[test]
    fn packed_reports_read_in_place_as_whole() {
        let dir = std::env::temp_dir().join(format!("claimcheck-view-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("seeds")).expect("a directory");
        std::fs::create_dir_all(dir.join("claims")).expect("a directory");
        let mut manifest = String::new();
        let cities = ["Lima", "Paris", "Quito"];
        for i in 0..300 {
            let text = match i % 10 {
                // Nothing a claim speaks to.
                0..=3 => "Rain is expected over the weekend.\n".to_string(),
                4 => "A fleet of 30 Mi-17 helicopters is held by the army, officials said.\n"
                    .to_string(),
                _ => format!(
                    "The deal for {} helicopters was signed in {} on Monday, officials said. \
                     It follows a deal for {} drones.\n",
                    3 + i % 4,
                    cities[i % 3],
                    i % 5
                ),
            };
            std::fs::write(dir.join(format!("seeds/a{i}.txt")), text).expect("an article");
            manifest.push_str(&format!(
                "[[source]]\nid = \"a{i}\"\nfile = \"a{i}.txt\"\npublished = \"2020-01-06\"\n"
            ));
        }
        std::fs::write(dir.join("seeds/sources.toml"), manifest).expect("the manifest");
        std::fs::write(
            dir.join("claims/a.toml"),
            "[claims]\nfour = \"helicopter count = 4\"\nlima = \"signed in Lima\"\n\
             tuesday = \"signed on Tuesday\"\n\
             [[claim]]\nid = \"few\"\nclaim = \"signed in Paris\"\n\
             sources = [\"a0\", \"a5\", \"a6\", \"a7\"]\n\
             per_source = { a5 = \"contradicted\", a0 = \"supported\" }\n\
             [[claim]]\nid = \"none\"\nclaim = \"signed in Lima\"\nexpect = \"not-mentioned\"\n",
        )
        .expect("the claims");
        std::fs::write(
            dir.join("claims/b.toml"),
            "[claims]\ndrones = \"drone count > 2\"\n",
        )
        .expect("the claims");
        let (claims, seeds) = (dir.join("claims"), dir.join("seeds"));
        let whole = check_with(&claims, &seeds, None, Keep::Outcomes, &NoProgress).expect("runs");
        let packed = check_with(&claims, &seeds, None, Keep::Packed, &NoProgress).expect("runs");
        let in_place = packed.packed.as_ref().expect("packed");
        let want = reports(whole.report_outcomes());
        let [human, ..] = &want;
        for part in [
            "(expected contradicted)",
            "nearest: ",
            "sources: not-mentioned (",
            " (",
        ] {
            assert!(human.contains(part), "{part:?} in\n{human}");
        }
        assert!(
            want[2].contains("<failure") && want[3].contains("::error"),
            "claims fail"
        );
        // From outcomes kept whole, the reports are what rendering each
        // claim on its own gives (a claim alone is written in pieces).
        let every: Vec<&crate::ClaimOutcome> =
            whole.outcomes.iter().flat_map(|s| &s.outcomes).collect();
        let rendered: Vec<String> = every
            .iter()
            .map(|o| crate::report::human::render_claim(o))
            .collect();
        assert!(human.starts_with(&rendered.concat()));
        for (o, r) in every.iter().zip(&rendered) {
            let body = format!(">{}</failure>", crate::report::junit::escape(r));
            assert_eq!(want[2].contains(&body), !o.holds, "{}", o.claim.id);
        }
        // Verdict by verdict, evidence by evidence.
        for (set, outcomes) in whole.outcomes.iter().enumerate() {
            for (k, o) in outcomes.outcomes.iter().enumerate() {
                // The sources listed: all but the silent ones when they
                // are summed up, those a claim expects a verdict of kept.
                let listing = crate::report::Listing::of(o.view());
                let summed = listing.summed().map(|s| (s.count, s.first.clone()));
                let silent = |v: &crate::VerdictRef| {
                    v.is_silent() && !o.claim.per_source.contains_key(v.source)
                };
                let listed: Vec<_> = o
                    .verdicts()
                    .filter(|v| summed.is_none() || !silent(v))
                    .collect();
                assert!(listing.listed().eq(listed), "claim {}", o.claim.id);
                let quiet: Vec<_> = o.verdicts().filter(silent).map(|v| v.source).collect();
                if let Some((count, first)) = summed {
                    assert_eq!((count, &first[..]), (quiet.len(), &quiet[..5]));
                } else {
                    assert!(quiet.len() <= 5, "claim {}", o.claim.id);
                }
                let view = in_place.view(set, k);
                assert!(view.verdicts().eq(o.verdicts()), "claim {}", o.claim.id);
                assert!(view.said().eq(o.view().said()), "claim {}", o.claim.id);
                assert_eq!(view.said_len(), o.said().len());
                assert_eq!((view.holds, view.failures), (o.holds, &o.failures[..]));
            }
        }
        assert_eq!(reports(in_place), want, "read in place");
        assert_eq!(reports(&Alone(in_place)), want, "claims alone, in place");
        assert_eq!(
            reports(&Alone(whole.report_outcomes())),
            want,
            "claims alone, whole"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
