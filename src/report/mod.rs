//! Stage 5: rendering only. Reports turn verdicts and facts into text; they
//! never decide a verdict.
//!
//! - [`human`]: for people at a terminal (`check --format human`).
//! - [`json`]: one JSON document for tools (`check --format json`), specified
//!   in its module docs.
//! - [`snapshot`]: position-free renderings of facts and verdicts for insta
//!   snapshots: they change only when meaning changes, never when a cosmetic
//!   edit moves text around.

pub mod human;
pub mod json;
pub mod snapshot;
