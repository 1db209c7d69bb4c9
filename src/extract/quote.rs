//! Direct quotes and who said them.

use super::person::{Organisation, Person};
use crate::span::Span;
use crate::text::Text;

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub span: Span,
    /// The speaker's name as in [`Person::name`] or [`Organisation::name`]
    /// (or as written, for an unnamed source such as `a military source`).
    pub speaker: Option<String>,
    /// Where the speaker is named for this quote.
    pub speaker_span: Option<Span>,
}

/// Finds the direct quotes of `text` with their speakers.
pub fn quotes(text: &Text, people: &[Person], orgs: &[Organisation]) -> Vec<Quote> {
    let _ = (text, people, orgs);
    Vec::new()
}
