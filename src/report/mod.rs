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
