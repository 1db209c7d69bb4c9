//! claimcheck keeps factual claims true to their news sources.
//!
//! The pipeline runs one way: article files ([`Sources`]) are normalized into
//! [`Text`] (paragraphs, sentences, an offset map back to the original), from
//! which extractors take [`Facts`] (quantities, dates, places, people, quotes,
//! events with factuality). Claims declared in TOML ([`ClaimSet`]) are checked
//! against the facts of every source ([`verify`]), giving a [`Verdict`] with
//! evidence for each claim and source; reports render those verdicts.
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]

mod check;
mod claims;
mod error;
mod extract;
pub mod report;
mod source;
mod span;
mod text;
mod verify;

pub use check::{Run, analyse, check, load};
pub use claims::{
    Aliases, Claim, ClaimId, ClaimKind, ClaimLocation, ClaimSet, Expectation, PlaceName, Verdict,
    normalize_term, parse_statement, singular_of,
};
pub use error::{Error, ErrorKind, Errors, Result};
pub use extract::*;
pub use source::{MANIFEST, MAX_SOURCE_BYTES, Published, Source, Sources, decode_article};
pub use span::{LineCol, LineIndex, SourceId, Span};
pub use text::{
    Paragraph, ParagraphKind, Sentence, Text, WRAP_MAX, WRAP_MIN, normalize, normalize_str,
    split_sentences,
};
pub use verify::{
    Analysis, ClaimOutcome, Evidence, SetOutcome, SourceVerdict, verify, verify_claim,
};
