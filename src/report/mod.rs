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

use crate::span::SourceId;
use crate::verify::{ClaimOutcome, VerdictRef};

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
    o: &'a ClaimOutcome,
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
    pub(crate) fn of(o: &'a ClaimOutcome) -> Self {
        let count = o.verdicts().filter(|v| silent(o, v)).count();
        let summed = (count > MAX_SILENT_LISTED).then(|| Silent {
            count,
            first: o
                .verdicts()
                .filter(|v| silent(o, v))
                .take(MAX_SILENT_LISTED)
                .map(|v| v.source)
                .collect(),
        });
        Listing { o, summed }
    }

    /// The verdicts listed one by one, in source order.
    pub(crate) fn listed(&self) -> impl Iterator<Item = VerdictRef<'a>> + use<'a, '_> {
        let o = self.o;
        let summing = self.summed.is_some();
        o.verdicts().filter(move |v| !(summing && silent(o, v)))
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
fn silent(o: &ClaimOutcome, v: &VerdictRef) -> bool {
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
