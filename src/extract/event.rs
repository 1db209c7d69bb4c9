//! Events: verb-centred frames with factuality, participants, place and time.

use std::ops::Range;

use super::date::DateMention;
use super::place::PlaceMention;

/// Whether the text says an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Factuality {
    /// Stated as having happened or as true.
    Asserted,
    /// Reported on someone's word (`reportedly`, `X reported`).
    Reported,
    /// Stated with doubt (`allegedly`, `may have`, `is believed to`).
    Hedged,
    /// Planned or expected (`will`, `is set to`, `is expected to`).
    Future,
    /// Denied (`did not`, `failed to`, `denied`).
    Negated,
}

/// One event in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFrame {
    /// The canonical predicate (`sign` for signed, inked, concluded, sealed).
    pub predicate: String,
    /// The verb as written.
    pub verb: String,
    /// Byte range of the verb group in the sentence.
    pub span: Range<usize>,
    /// Whether it happened.
    pub factuality: Factuality,
    /// Who did it, when found (the subject, lowercase).
    pub agent: Option<String>,
    /// What it was done to, when found (the object, lowercase).
    pub object: Option<String>,
    /// Places of the event, within its clause.
    pub places: Vec<PlaceMention>,
    /// Dates of the event, within its clause.
    pub dates: Vec<DateMention>,
}

/// The canonical predicate of a verb form (`inked` → `sign`).
pub fn canonical_predicate(word: &str) -> Option<&'static str> {
    let _ = word;
    None
}

/// Finds the events of one sentence.
pub(crate) fn frames(sentence: &str, reference: Option<jiff::civil::Date>) -> Vec<EventFrame> {
    let _ = (sentence, reference);
    Vec::new()
}
