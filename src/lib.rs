//! claimcheck keeps factual claims true to their news sources.
//!
//! The pipeline runs one way: article files ([`Sources`]) are normalized into
//! [`Text`] (paragraphs, sentences, an offset map back to the original), from
//! which extractors take [`Facts`] (quantities, dates, places, people, quotes,
//! events with factuality). Claims declared in TOML ([`ClaimSet`]) are checked
//! against the facts of every source ([`verify`]), giving a [`Verdict`] with
//! [`Evidence`] for each claim and source; [`report`] renders the outcomes.
//! [`check`] runs all of it over a claims directory and a sources directory.
//!
//! In code (this is `examples/library.rs`, run by `cargo test` through
//! `tests/library_example.rs`):
//!
#![doc = concat!("```rust,ignore\n", include_str!("../examples/library.rs"), "```")]
//!
//! Main types: [`Source`] → [`Text`] → [`Facts`] of [`Fact`]s; [`ClaimSet`]
//! of [`Claim`]s; [`SetOutcome`] of [`ClaimOutcome`]s, each with one
//! [`SourceVerdict`] per source. Errors are one [`Error`] type carrying the
//! file, line and column.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod cache;
mod check;
mod claims;
pub mod diff;
mod error;
mod extract;
pub mod lock;
mod progress;
pub mod report;
mod source;
mod span;
mod spill;
mod text;
mod verify;

pub use cache::FactsCache;
pub use check::{Keep, Run, analyse, analyse_cached, check, check_cached, check_with, load};
pub use claims::{
    Aliases, Claim, ClaimId, ClaimKind, ClaimLocation, ClaimSet, Expectation, PlaceName, Verdict,
    normalize_term, parse_statement, singular_of,
};
pub use diff::{FactChange, FactRecord, SourceDiff, diff_analyses};
pub use error::{Error, ErrorKind, Errors, Result};
pub use extract::*;
pub use lock::{LOCK_FILE, Lock, LockReport, LockState, SourceView};
pub use progress::{NoProgress, Progress};
pub use source::{MANIFEST, MAX_SOURCE_BYTES, Published, Source, Sources, decode_article};
pub use span::{LineCol, LineIndex, SourceId, Span};
pub use spill::SpilledOutcomes;
pub use text::{
    Paragraph, ParagraphKind, Sentence, Text, WRAP_MAX, WRAP_MIN, normalize, normalize_str,
    split_sentences,
};
pub use verify::PackedOutcomes;
pub use verify::{
    Analysis, ClaimOutcome, ClaimView, Evidence, EvidenceIter, EvidenceList, EvidenceRef,
    SaidVerdicts, SetOutcome, SourceRow, SourceVerdict, VerdictRef, Verdicts, Verifier, verify,
    verify_claim, verify_with,
};
