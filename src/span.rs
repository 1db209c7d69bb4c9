//! Positions: [`Span`] (byte ranges), [`SourceId`], and [`LineIndex`]
//! (byte offset to 1-based line and character column).

use std::fmt;
use std::ops::Range;

/// A half-open byte range `start..end` into one text.
///
/// Invariant: `start <= end`, and both lie on UTF-8 character boundaries of
/// the text the span was made for. Spans of facts and sentences index the
/// *normalized* text of a source ([`crate::Text::as_str`]); they are mapped
/// back to the original bytes only when evidence is rendered.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    ///
    /// When `start > end`: a span the other way round is a bug in the caller.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies wholly inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The same span moved right by `by` bytes.
    pub fn shift(self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// As a `Range` for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// The short name of a source in `seeds/sources.toml` (e.g. `dawn`).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct SourceId(std::sync::Arc<str>);

impl SourceId {
    /// Wraps a name; the manifest loader checks it is a valid identifier.
    /// Clones are cheap (a shared string): every verdict and piece of
    /// evidence names its source.
    pub fn new(name: impl Into<String>) -> SourceId {
        SourceId(name.into().into())
    }

    /// The name as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A 1-based line and 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineCol {
    /// Line number, from 1.
    pub line: usize,
    /// Column in Unicode scalar values, from 1.
    pub col: usize,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Maps byte offsets of one text to [`LineCol`]s.
///
/// Lines end at `\n`; a `\r` before it belongs to the line it ends.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// For each block of [`BLOCK`] bytes, how many characters the text has
    /// before it: a column far into a long line (a whole article on one
    /// line) is counted from the nearest block, not from the line's start,
    /// so that each lookup costs at most a block.
    chars_before_block: Vec<usize>,
}

/// The size of the blocks of [`LineIndex::chars_before_block`].
const BLOCK: usize = 4096;

/// How many characters start in `bytes`: the bytes that are not UTF-8
/// continuation bytes (exact for any byte range of valid UTF-8 that starts
/// and ends on character boundaries).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text).map(|i| i + 1));
        let mut chars_before_block = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut chars = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            chars_before_block.push(chars);
            chars += chars_in(block);
        }
        LineIndex {
            line_starts,
            chars_before_block,
        }
    }

    /// How many characters `text` has before byte `offset` (a character
    /// boundary).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / BLOCK;
        let before = self.chars_before_block.get(block).copied().unwrap_or(0);
        before + chars_in(&text.as_bytes()[block * BLOCK..offset])
    }

    /// The line and column of byte `offset` in `text` (the text this index
    /// was built from). Offsets past the end map to the end.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = match text.get(start..offset) {
            Some(s) if s.len() <= BLOCK => s.chars().count(),
            Some(_) => self.chars_before(text, offset) - self.chars_before(text, start),
            None => offset - start,
        } + 1;
        LineCol {
            line: line + 1,
            col,
        }
    }

    /// The byte range of line `line` (1-based), without its line break.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_starts[line - 1];
        let mut end = self
            .line_starts
            .get(line)
            .map_or(text.len(), |&next| next - 1);
        if text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'\r') && end > start {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// How many lines the text has (a final line without `\n` counts).
    pub fn len(&self) -> usize {
        self.line_starts.len()
    }

    /// Whether the index is empty (never: an empty text has one empty line).
    pub fn is_empty(&self) -> bool {
        false
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter(|&(_, b)| b == b'\n')
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_chars_from_one() {
        let text = "ab\n“cd”\r\nx";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, col: 1 });
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, col: 1 });
        // after the 3-byte curly quote
        assert_eq!(idx.line_col(text, 6), LineCol { line: 2, col: 2 });
        assert_eq!(
            idx.line_col(text, text.len() - 1),
            LineCol { line: 3, col: 1 }
        );
        assert_eq!(idx.line_span(text, 2), Span::new(3, 11));
        assert_eq!(idx.len(), 3);
    }

    #[test]
    fn columns_far_into_long_lines_count_chars() {
        // Lines longer than a block, with characters of every UTF-8 length
        // straddling block edges.
        let mut text = String::new();
        for i in 0..9000 {
            text.push(['a', 'é', '“', '𝄞', ' '][i % 5]);
            if i % 4000 == 3999 {
                text.push('\n');
            }
        }
        let idx = LineIndex::new(&text);
        let mut line = 1;
        let mut col = 1;
        for (offset, c) in text.char_indices() {
            assert_eq!(
                idx.line_col(&text, offset),
                LineCol { line, col },
                "at {offset}"
            );
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        assert_eq!(idx.line_col(&text, text.len()), LineCol { line, col });
    }
}
