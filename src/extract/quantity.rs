//! Quantities: a number and what it counts.
//!
//! `four Mi-35 'Hind E' attack helicopters` counts `helicopter`, with the
//! qualifier `mi-35`; `$153m` is money; `15 hours` counts `hour`.

use std::ops::Range;

use super::number::Amount;

/// A change rather than a level (`rose by 5%`, `fell 2%`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    /// Went up by the amount.
    Increase,
    /// Went down by the amount.
    Decrease,
}

/// A number with the thing it counts, found in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantityMention {
    /// Byte range of the number expression in the sentence.
    pub span: Range<usize>,
    /// The amount.
    pub amount: Amount,
    /// The head noun counted, singular and lowercase (`helicopter`), when
    /// there is one.
    pub counted: Option<String>,
    /// Byte range of the counted noun, when there is one.
    pub counted_span: Option<Range<usize>>,
    /// Lowercase modifiers between number and head that name a kind or model
    /// (`mi-35`, `hind e`, `attack`).
    pub qualifiers: Vec<String>,
    /// Whether it is a change rather than a level.
    pub change: Option<Change>,
}

/// Finds the quantities in one sentence.
pub fn quantities(sentence: &str) -> Vec<QuantityMention> {
    let _ = sentence;
    Vec::new()
}
