//! Stage 5: rendering only. Reports turn verdicts and facts into text; they
//! never decide a verdict.
//!
//! - [`human`]: for people at a terminal (`check --format human`).
//! - [`json`]: one JSON document for tools (`check --format json`), specified
//!   in its module docs.
//! - [`snapshot`]: position-free renderings of facts and verdicts for insta
//!   snapshots: they change only when meaning changes, never when a cosmetic
//!   edit moves text around.
//! - [`junit`]: JUnit XML, one testsuite per claims file, one testcase per
//!   claim (`check --format junit`).
//! - [`github`]: GitHub Actions `::error` annotations at each failing claim's
//!   line, capped, with a summary (`check --format github`).
//!
//! With `check --locked`, every format also reports what moved since the
//! lock file (see [`crate::lock`]); in JSON as a `"lock"` member of the
//! document ([`json_locked`], schema in [`crate::lock::to_json`]).

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod snapshot;

use std::path::Path;

use crate::span::SourceId;
use crate::verify::{ClaimOutcome, ClaimView, SetOutcome, VerdictRef};

/// The outcomes a report is written from: in memory (a run's
/// [`SetOutcome`]s, or its packed verdicts, [`crate::PackedOutcomes`],
/// read in place) or read back a claim at a time from a run that spilled
/// them ([`crate::SpilledOutcomes`], [`crate::Keep::Spilled`]). Reports
/// written from any are byte-identical.
pub trait Outcomes: Sync {
    /// How many claims files.
    fn sets(&self) -> usize;
    /// The path and stem of claims file `set`.
    fn set_path(&self, set: usize) -> (&Path, &str);
    /// How many claims file `set` has.
    fn claims(&self, set: usize) -> usize;
    /// Whether claim `k` of claims file `set` holds.
    fn holds(&self, set: usize, k: usize) -> bool;
    /// How many sources say something about claim `k` of claims file
    /// `set` ([`ClaimOutcome::said`]): about how large its outcome is.
    fn said(&self, set: usize, k: usize) -> usize;
    /// The outcome of claim `k` of claims file `set`.
    ///
    /// # Errors
    ///
    /// When it cannot be read back.
    fn outcome(&self, set: usize, k: usize) -> std::io::Result<OutcomeRef<'_>>;
}

/// A claim's outcome as [`Outcomes::outcome`] gives it: a view of outcomes
/// in memory, or an outcome read back.
#[derive(Debug)]
pub enum OutcomeRef<'a> {
    /// Borrowed from outcomes in memory, whole or packed.
    View(ClaimView<'a>),
    /// Read back from where a run spilled it.
    Read(Box<ClaimOutcome>),
}

impl OutcomeRef<'_> {
    /// The outcome, borrowed.
    pub fn view(&self) -> ClaimView<'_> {
        match self {
            OutcomeRef::View(v) => *v,
            OutcomeRef::Read(o) => o.view(),
        }
    }
}

impl Outcomes for &[SetOutcome] {
    fn sets(&self) -> usize {
        self.len()
    }
    fn set_path(&self, set: usize) -> (&Path, &str) {
        (&self[set].path, &self[set].name)
    }
    fn claims(&self, set: usize) -> usize {
        self[set].outcomes.len()
    }
    fn holds(&self, set: usize, k: usize) -> bool {
        self[set].outcomes[k].holds
    }
    fn said(&self, set: usize, k: usize) -> usize {
        self[set].outcomes[k].said().len()
    }
    fn outcome(&self, set: usize, k: usize) -> std::io::Result<OutcomeRef<'_>> {
        Ok(OutcomeRef::View(self[set].outcomes[k].view()))
    }
}

impl Outcomes for Vec<SetOutcome> {
    fn sets(&self) -> usize {
        self.as_slice().sets()
    }
    fn set_path(&self, set: usize) -> (&Path, &str) {
        (&self[set].path, &self[set].name)
    }
    fn claims(&self, set: usize) -> usize {
        self.as_slice().claims(set)
    }
    fn holds(&self, set: usize, k: usize) -> bool {
        self.as_slice().holds(set, k)
    }
    fn said(&self, set: usize, k: usize) -> usize {
        self.as_slice().said(set, k)
    }
    fn outcome(&self, set: usize, k: usize) -> std::io::Result<OutcomeRef<'_>> {
        Ok(OutcomeRef::View(self[set].outcomes[k].view()))
    }
}

impl Outcomes for crate::SpilledOutcomes {
    fn sets(&self) -> usize {
        crate::SpilledOutcomes::sets(self)
    }
    fn set_path(&self, set: usize) -> (&Path, &str) {
        crate::SpilledOutcomes::set_path(self, set)
    }
    fn claims(&self, set: usize) -> usize {
        crate::SpilledOutcomes::claims(self, set)
    }
    fn holds(&self, set: usize, k: usize) -> bool {
        crate::SpilledOutcomes::holds(self, set, k)
    }
    fn said(&self, set: usize, k: usize) -> usize {
        crate::SpilledOutcomes::said(self, set, k)
    }
    fn outcome(&self, set: usize, k: usize) -> std::io::Result<OutcomeRef<'_>> {
        crate::SpilledOutcomes::outcome(self, set, k).map(|o| OutcomeRef::Read(Box::new(o)))
    }
}

impl Outcomes for crate::PackedOutcomes {
    fn sets(&self) -> usize {
        self.sets.len()
    }
    fn set_path(&self, set: usize) -> (&Path, &str) {
        self.sets[set].path()
    }
    fn claims(&self, set: usize) -> usize {
        self.sets[set].claims()
    }
    fn holds(&self, set: usize, k: usize) -> bool {
        self.sets[set].holds(k)
    }
    fn said(&self, set: usize, k: usize) -> usize {
        self.sets[set].said(k)
    }
    fn outcome(&self, set: usize, k: usize) -> std::io::Result<OutcomeRef<'_>> {
        Ok(OutcomeRef::View(self.sets[set].view(k)))
    }
}

/// Every claim of `o` as (claims file, claim), in report order.
pub(crate) fn every_claim(o: &dyn Outcomes) -> Vec<(usize, usize)> {
    (0..o.sets())
        .flat_map(|set| (0..o.claims(set)).map(move |k| (set, k)))
        .collect()
}

/// `claims` of `o` in runs of at most `max` claims, each run's claims
/// together said by at most [`MAX_SAID_TOGETHER`] sources (or one claim):
/// the claims a report renders at once, in parallel. An archive's claims
/// render to megabytes each; rendering many such at once would hold them
/// all.
pub(crate) fn chunks<'c>(
    o: &dyn Outcomes,
    claims: &'c [(usize, usize)],
    max: usize,
) -> Vec<&'c [(usize, usize)]> {
    let mut out = Vec::new();
    let (mut start, mut said) = (0, 0);
    for (i, &(set, k)) in claims.iter().enumerate() {
        let n = o.said(set, k);
        if i > start && (i - start == max || said + n > MAX_SAID_TOGETHER) {
            out.push(&claims[start..i]);
            (start, said) = (i, 0);
        }
        said += n;
    }
    if start < claims.len() {
        out.push(&claims[start..]);
    }
    out
}

/// At most this many verdicts (with their evidence) are rendered at once,
/// unless one claim has more.
pub(crate) const MAX_SAID_TOGETHER: usize = 16_384;

/// A claim rendered alone (one many sources speak to) is written out in
/// pieces of about this many bytes as it is rendered (a few hundred in
/// unit tests, so that their claims are written in many pieces).
pub(crate) const STREAMED_PIECE: usize = if cfg!(test) { 300 } else { 1 << 16 };

/// Writes `buf` to `w` and empties it once it holds a
/// [`STREAMED_PIECE`]'s worth: how a claim alone in its chunk is written
/// as it is rendered.
pub(crate) fn write_piece(w: &mut dyn std::io::Write, buf: &mut String) -> std::io::Result<()> {
    if buf.len() >= STREAMED_PIECE {
        w.write_all(buf.as_bytes())?;
        buf.clear();
    }
    Ok(())
}

/// A buffer a report renders claims into, kept from claim to claim, but
/// not past this many bytes.
pub(crate) const MAX_KEPT_BUFFER: usize = 1 << 20;

/// How many claims of `o` do not hold.
pub(crate) fn failed(o: &dyn Outcomes) -> usize {
    every_claim(o)
        .into_iter()
        .filter(|&(set, k)| !o.holds(set, k))
        .count()
}

/// Beyond this many sources that say nothing about a claim, reports sum
/// them up in one entry instead of one per source (an archive run checks a
/// claim against thousands of sources, most of them silent on it).
pub const MAX_SILENT_LISTED: usize = 5;

/// At most this many sources are named in a one-line summary of a failing
/// claim (a GitHub annotation, a JUnit failure message); the full reports
/// list them all.
pub const MAX_NAMED: usize = 10;

/// How a report lists a claim's verdicts: every source that says something
/// (or that the claim expects a verdict from), and the silent rest either
/// one by one or, past [`MAX_SILENT_LISTED`], summed up.
pub(crate) struct Listing<'a> {
    o: ClaimView<'a>,
    /// Sources summed up, when they are.
    summed: Option<Silent<'a>>,
}

/// The silent sources of a claim, summed up.
pub(crate) struct Silent<'a> {
    /// How many there are.
    pub count: usize,
    /// The first few, in source order.
    pub first: Vec<&'a SourceId>,
}

impl<'a> Listing<'a> {
    pub(crate) fn of(o: ClaimView<'a>) -> Self {
        // Without per-source expectations, the silent sources are those
        // checked that say nothing: counted without going through them
        // (an archive's claim is checked against thousands of sources).
        let count = if o.claim.per_source.is_empty() {
            o.checked().len() - o.said().filter(|v| !v.is_silent()).count()
        } else {
            o.verdicts().filter(|v| silent(&o, v)).count()
        };
        let summed = (count > MAX_SILENT_LISTED).then(|| Silent {
            count,
            first: o
                .verdicts()
                .filter(|v| silent(&o, v))
                .take(MAX_SILENT_LISTED)
                .map(|v| v.source)
                .collect(),
        });
        Listing { o, summed }
    }

    /// The verdicts listed one by one, in source order.
    pub(crate) fn listed(&self) -> Box<dyn Iterator<Item = VerdictRef<'a>> + 'a> {
        let o = self.o;
        match self.summed {
            // Only the sources that say something are listed.
            Some(_) if o.claim.per_source.is_empty() => {
                Box::new(o.said().filter(|v| !v.is_silent()))
            }
            Some(_) => Box::new(o.verdicts().filter(move |v| !silent(&o, v))),
            None => Box::new(o.verdicts()),
        }
    }

    /// One entry per source for a one-line summary: the first `max` listed
    /// sources as `item` renders them, then how many more there are, then
    /// the silent sources when they are summed up.
    pub(crate) fn summary(&self, max: usize, item: impl Fn(&VerdictRef) -> String) -> Vec<String> {
        let mut out: Vec<String> = self.listed().take(max).map(|v| item(&v)).collect();
        let more = self.listed().count().saturating_sub(max);
        if more > 0 {
            out.push(format!(
                "{more} more source(s): run `claimcheck check` for all"
            ));
        }
        if let Some(silent) = &self.summed {
            out.push(silent.line());
        }
        out
    }

    /// The silent sources, when they are summed up.
    pub(crate) fn summed(&self) -> Option<&Silent<'a>> {
        self.summed.as_ref()
    }
}

impl Silent<'_> {
    /// `"N sources: not-mentioned (a, b, c, d, e and M more)"`.
    pub(crate) fn line(&self) -> String {
        let names: Vec<&str> = self.first.iter().map(|s| s.as_str()).collect();
        format!(
            "{} sources: not-mentioned ({} and {} more)",
            self.count,
            names.join(", "),
            self.count - names.len()
        )
    }
}

/// A source that says nothing at all about the claim, and of which the
/// claim expects no verdict of its own.
fn silent(o: &ClaimView, v: &VerdictRef) -> bool {
    v.is_silent() && !o.claim.per_source.contains_key(v.source)
}

/// The JSON report of [`json::render`] with a `"lock"` member holding
/// [`crate::lock::to_json`] (for `check --locked --format json`).
pub fn json_locked(sets: &[crate::verify::SetOutcome], lock: &crate::lock::LockReport) -> String {
    let mut doc: serde_json::Value =
        serde_json::from_str(&json::render(sets)).unwrap_or_else(|_| serde_json::json!({}));
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("lock".to_string(), crate::lock::to_json(lock));
    }
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{MAX_SAID_TOGETHER, Outcomes, chunks};

    /// Claims of one file that only know how many sources said something.
    struct Said(Vec<usize>);

    impl Outcomes for Said {
        fn sets(&self) -> usize {
            1
        }
        fn set_path(&self, _: usize) -> (&Path, &str) {
            (Path::new("c.toml"), "c")
        }
        fn claims(&self, _: usize) -> usize {
            self.0.len()
        }
        fn holds(&self, _: usize, _: usize) -> bool {
            true
        }
        fn said(&self, _: usize, k: usize) -> usize {
            self.0[k]
        }
        fn outcome(&self, _: usize, _: usize) -> std::io::Result<super::OutcomeRef<'_>> {
            Err(std::io::Error::other("not in this test"))
        }
    }

    /// Claims rendered at once: at most `max`, together said by at most
    /// `MAX_SAID_TOGETHER` sources unless one claim alone is, in order,
    /// each once.
    #[test]
    fn large_claims_are_rendered_fewer_at_once() {
        let lens = |said: Vec<usize>, max: usize| -> Vec<usize> {
            let o = Said(said);
            let claims = super::every_claim(&o);
            let chunks = chunks(&o, &claims, max);
            let flat: Vec<(usize, usize)> = chunks.concat();
            assert_eq!(flat, claims, "every claim once, in order");
            chunks.iter().map(|c| c.len()).collect()
        };
        let big = MAX_SAID_TOGETHER;
        assert_eq!(lens(vec![0; 10], 8), [8, 2]);
        assert_eq!(lens(vec![10, big + 1, 5, 5, big, 1], 8), [1, 1, 2, 1, 1]);
        assert_eq!(lens(vec![big / 2; 5], 8), [2, 2, 1]);
        assert_eq!(lens(Vec::new(), 8), Vec::<usize>::new());
    }
}
