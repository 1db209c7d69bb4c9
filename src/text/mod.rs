//! Stage 2: article bytes to normalized [`Text`] with paragraphs and sentences.
//!
//! `normalize(&Source) -> Text`. What goes in is the article exactly as read;
//! what comes out is a canonical text in which every cosmetic difference is
//! gone: line endings, a byte-order mark, curly versus straight quotes,
//! non-breaking and repeated spaces, trailing spaces, blank lines and hard
//! line wraps inside a paragraph. Paragraphs are separated by exactly one
//! `\n`; inside a paragraph, words are separated by exactly one space.
//!
//! Every byte of the normalized text maps back to the original through an
//! offset map, so evidence is still shown at the original line and column.
//!
//! Each paragraph gets a [`ParagraphKind`]: body text, a heading, a photo code,
//! a caption, or boilerplate (`Read more:` links, the headlines listed
//! under `Related:`, share and contact prompts). Boilerplate carries no
//! facts, so adding or removing it changes nothing.
//!
//! Key decision: line breaks. A source may put one paragraph on each line,
//! or hard-wrap paragraphs at a fixed width. A block of lines is taken as
//! wrapped when its lines are short (at most [`WRAP_MAX`] characters) and most
//! of them end mid-sentence; a break in such a block is a paragraph end only
//! where the next line's first word would have fit on the line (a wrapper
//! would have put it there). Otherwise every line is a paragraph.

mod sentence;

use std::sync::LazyLock;

use regex::Regex;

pub use sentence::split_sentences;

use crate::source::Source;
use crate::span::{LineCol, LineIndex, SourceId, Span};

/// Lines longer than this many characters are never taken as hard-wrapped.
pub const WRAP_MAX: usize = 100;

/// Blocks whose longest line is shorter than this are lists, not wrapped prose.
pub const WRAP_MIN: usize = 40;

/// What a paragraph is, by its shape and wording.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum ParagraphKind {
    /// Running article text.
    Body,
    /// A headline or sub-heading: short, no closing punctuation.
    Heading,
    /// A photo or wire code alone on its line (`RTX1JW5P`).
    PhotoCode,
    /// A photo caption: after a photo code, with a photo credit
    /// (`(AP Photo/Name)`, `Reuters/Name`, `Photo: ...`), or opening as the
    /// wires open one (`FILE - `, `In this Aug. 12, 2015 photo, ...`).
    Caption,
    /// Navigation and boilerplate: `Read more:` links, contact, share and
    /// follow prompts, advertisements, copyright lines, a time stamp alone
    /// on its line (`Updated August 21, 2015 10:30pm`), and the headlines
    /// listed under a header alone on its line (`Related:`, `ALSO READ`),
    /// which are other stories'.
    Boilerplate,
    /// An editor's correction or clarification note (`Correction: An
    /// earlier version of this story said five helicopters.`, `This article
    /// has been corrected to ...`). What it reports is what the story used
    /// to say, wrongly: it carries no facts.
    Correction,
}

impl ParagraphKind {
    /// Whether facts are extracted from paragraphs of this kind.
    pub fn has_facts(self) -> bool {
        matches!(
            self,
            ParagraphKind::Body | ParagraphKind::Heading | ParagraphKind::Caption
        )
    }

    /// A lowercase name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphKind::Body => "body",
            ParagraphKind::Heading => "heading",
            ParagraphKind::PhotoCode => "photo-code",
            ParagraphKind::Caption => "caption",
            ParagraphKind::Boilerplate => "boilerplate",
            ParagraphKind::Correction => "correction",
        }
    }
}

/// One paragraph of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Paragraph {
    /// Span in the normalized text, without the separating `\n`.
    pub span: Span,
    /// What kind of paragraph this is.
    pub kind: ParagraphKind,
    /// A dateline at its start (`ISLAMABAD:`, `NEW DELHI, August 21, 2015:`),
    /// the place the story was filed from: the span of the place names only
    /// (`ISLAMABAD/MOSCOW` for two). A paragraph that is only a dateline
    /// (`NEW DELHI, August 21, 2015` on its own line before the story) has
    /// one too, and no sentence.
    pub dateline: Option<Span>,
}

/// One sentence of the normalized text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    /// Span in the normalized text; never crosses a paragraph.
    pub span: Span,
    /// Index of its paragraph in [`Text::paragraphs`].
    pub paragraph: usize,
    /// The kind of its paragraph.
    pub kind: ParagraphKind,
}

/// A source's text, normalized, split into paragraphs and sentences.
#[derive(Debug, Clone)]
pub struct Text {
    id: SourceId,
    published: Option<jiff::civil::Date>,
    original: String,
    lines: LineIndex,
    norm: String,
    /// `(normalized offset, original offset)` pairs, sorted, at every point
    /// where the two texts stop advancing together.
    anchors: Vec<(usize, usize)>,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
}

impl Text {
    /// The source this text came from.
    pub fn id(&self) -> &SourceId {
        &self.id
    }

    /// The publication date from the manifest, if known.
    pub fn published(&self) -> Option<jiff::civil::Date> {
        self.published
    }

    /// The whole normalized text.
    pub fn as_str(&self) -> &str {
        &self.norm
    }

    /// The normalized text under `span`.
    pub fn slice(&self, span: Span) -> &str {
        &self.norm[span.range()]
    }

    /// The original text, exactly as read.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// Paragraphs in order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Sentences in order.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// Index of the sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Maps a normalized offset to the original text.
    pub fn to_original(&self, offset: usize) -> usize {
        let i = self.anchors.partition_point(|&(n, _)| n <= offset);
        if i == 0 {
            return offset;
        }
        let (n, o) = self.anchors[i - 1];
        let mapped = o + (offset - n);
        // Inside a replaced character: clamp to a boundary of the original.
        let mut m = mapped.min(self.original.len());
        while !self.original.is_char_boundary(m) {
            m -= 1;
        }
        m
    }

    /// The line and column in the original file of a normalized offset.
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines
            .line_col(&self.original, self.to_original(offset))
    }

    /// The canonical content: the sentences of every paragraph that carries
    /// facts, one per line. Cosmetic edits and boilerplate do not change it.
    pub fn content(&self) -> String {
        let mut out = String::with_capacity(self.norm.len());
        for s in &self.sentences {
            if s.kind.has_facts() {
                out.push_str(self.slice(s.span));
                out.push('\n');
            }
        }
        out
    }
}

/// What [`normalize`] makes of a source besides the source itself, as the
/// facts cache keeps it ([`crate::FactsCache`]) so that a cached source is
/// not normalized again. Serialized as [`NormalizedRef`], field by field.
#[derive(serde::Deserialize)]
pub(crate) struct Normalized {
    norm: String,
    anchors: Vec<(usize, usize)>,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
}

/// [`Normalized`], borrowed from a [`Text`] to be written.
#[derive(serde::Serialize)]
pub(crate) struct NormalizedRef<'a> {
    norm: &'a str,
    anchors: &'a [(usize, usize)],
    paragraphs: &'a [Paragraph],
    sentences: &'a [Sentence],
}

impl Text {
    /// What the cache keeps of this text.
    pub(crate) fn normalized(&self) -> NormalizedRef<'_> {
        NormalizedRef {
            norm: &self.norm,
            anchors: &self.anchors,
            paragraphs: &self.paragraphs,
            sentences: &self.sentences,
        }
    }

    /// The text of `source` from what the cache kept of it, or `None` when
    /// that cannot be this text's (a damaged entry): every span must lie on
    /// character boundaries of the text, every anchor inside both texts,
    /// and every sentence in a paragraph. (The line index is made again:
    /// it is quick to make and could not be checked for less.)
    pub(crate) fn from_normalized(source: &Source, kept: Normalized) -> Option<Text> {
        let Normalized {
            norm,
            anchors,
            paragraphs,
            sentences,
        } = kept;
        let original = source.text();
        let fits = |span: Span| {
            span.start <= span.end
                && norm.is_char_boundary(span.start)
                && norm.is_char_boundary(span.end)
        };
        let sound = paragraphs
            .iter()
            .all(|p| fits(p.span) && p.dateline.is_none_or(fits))
            && sentences
                .iter()
                .all(|s| fits(s.span) && s.paragraph < paragraphs.len())
            && anchors
                .iter()
                .all(|&(n, o)| n <= norm.len() && o <= original.len());
        sound.then(|| Text {
            id: source.id().clone(),
            published: source.published(),
            original: original.to_string(),
            lines: LineIndex::new(original),
            norm,
            anchors,
            paragraphs,
            sentences,
        })
    }
}

/// Normalizes a source's text and splits it into paragraphs and sentences.
pub fn normalize(source: &Source) -> Text {
    normalize_str(source.id().clone(), source.published(), source.text())
}

/// [`normalize`] for a string that did not come from a [`Source`].
pub fn normalize_str(id: SourceId, published: Option<jiff::civil::Date>, original: &str) -> Text {
    let raw_lines = split_lines(original);
    let breaks = paragraph_breaks(original, &raw_lines);
    let mut b = Builder {
        norm: String::with_capacity(original.len()),
        anchors: Vec::new(),
    };
    let mut para_spans = Vec::new();
    // Whether each paragraph follows a blank line (the first does).
    let mut after_blank = Vec::new();
    let mut blank = true;
    let mut para_start: Option<usize> = None;
    for (i, line) in raw_lines.iter().enumerate() {
        let content = trim_span(original, *line);
        if content.is_empty() {
            if let Some(s) = para_start.take() {
                para_spans.push(Span::new(s, b.norm.len()));
            }
            blank = true;
            continue;
        }
        match para_start {
            None => {
                if !b.norm.is_empty() {
                    b.push_synthetic('\n', content.start);
                }
                para_start = Some(b.norm.len());
                after_blank.push(blank);
                blank = false;
            }
            Some(_) => b.push_synthetic(' ', content.start),
        }
        b.push_normalized(original, content);
        if breaks[i] {
            if let Some(s) = para_start.take() {
                para_spans.push(Span::new(s, b.norm.len()));
            }
        }
    }
    if let Some(s) = para_start.take() {
        para_spans.push(Span::new(s, b.norm.len()));
    }
    let Builder { norm, anchors } = b;
    let paragraphs = classify(&norm, &para_spans, &after_blank);
    let mut sentences = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let start = p
            .dateline
            .map_or(p.span.start, |_| dateline_end(&norm, p.span));
        let body = &norm[start..p.span.end];
        if matches!(
            p.kind,
            ParagraphKind::Heading
                | ParagraphKind::PhotoCode
                | ParagraphKind::Boilerplate
                | ParagraphKind::Correction
        ) {
            // One unit: headings and boilerplate are not prose to split.
            let t = trim_span(&norm, Span::new(start, p.span.end));
            if !t.is_empty() {
                sentences.push(Sentence {
                    span: t,
                    paragraph: pi,
                    kind: p.kind,
                });
            }
            continue;
        }
        for r in split_sentences(body) {
            sentences.push(Sentence {
                span: Span::new(start + r.start, start + r.end),
                paragraph: pi,
                kind: p.kind,
            });
        }
    }
    Text {
        id,
        published,
        lines: LineIndex::new(original),
        original: original.to_string(),
        norm,
        anchors,
        paragraphs,
        sentences,
    }
}

struct Builder {
    norm: String,
    anchors: Vec<(usize, usize)>,
}

impl Builder {
    fn anchor(&mut self, orig: usize) {
        let n = self.norm.len();
        if let Some(last) = self.anchors.last_mut() {
            if last.0 == n {
                last.1 = orig;
                return;
            }
            if n - last.0 == orig.wrapping_sub(last.1) {
                return; // still in step: no anchor needed
            }
        } else if n == orig {
            return;
        }
        self.anchors.push((n, orig));
    }

    /// A character the original does not have at this point (a space for a
    /// line break, a paragraph `\n`): it maps to `orig`.
    fn push_synthetic(&mut self, c: char, orig: usize) {
        self.anchor(orig);
        self.norm.push(c);
        self.anchor(orig);
    }

    fn push_normalized(&mut self, original: &str, span: Span) {
        let s = &original[span.range()];
        let bytes = s.as_bytes();
        let mut prev_space = false;
        let mut off = 0;
        while off < bytes.len() {
            // Fast path: a run of printable ASCII that maps to itself, with
            // single spaces between its words, is copied whole. It is what
            // the loop below would do byte by byte (no anchor is needed
            // while the two texts stay in step).
            if is_plain(bytes[off]) {
                let mut end = off + 1;
                while end < bytes.len()
                    && (is_plain(bytes[end]) || bytes[end] == b' ' && is_plain(bytes[end - 1]))
                {
                    end += 1;
                }
                self.anchor(span.start + off);
                self.norm.push_str(&s[off..end]);
                prev_space = bytes[end - 1] == b' ';
                off = end;
                continue;
            }
            let Some(c) = s[off..].chars().next() else {
                break;
            };
            let at = span.start + off;
            off += c.len_utf8();
            let mapped = map_char(c);
            match mapped {
                Mapped::Drop => {
                    self.anchor(at + c.len_utf8());
                }
                Mapped::Space => {
                    if !prev_space {
                        self.anchor(at);
                        self.norm.push(' ');
                    }
                    prev_space = true;
                    self.anchor(at + c.len_utf8());
                }
                Mapped::Keep => {
                    prev_space = false;
                    self.anchor(at);
                    self.norm.push(c);
                }
                Mapped::To(t) => {
                    prev_space = false;
                    self.anchor(at);
                    self.norm.push_str(t);
                    self.anchor(at + c.len_utf8());
                }
            }
        }
    }
}

/// A byte [`map_char`] keeps as it is: printable ASCII but for the
/// backtick (a quote mark) and the space (which runs collapse).
fn is_plain(b: u8) -> bool {
    matches!(b, 0x21..=0x7e) && b != b'`'
}

enum Mapped {
    Keep,
    Drop,
    Space,
    To(&'static str),
}

fn map_char(c: char) -> Mapped {
    match c {
        '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{ad}' => Mapped::Drop,
        ' ' | '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Mapped::Space
        }
        c if c.is_control() => Mapped::Space,
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => {
            Mapped::To("'")
        }
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => {
            Mapped::To("\"")
        }
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => Mapped::To("-"),
        '\u{2026}' => Mapped::To("..."),
        _ => Mapped::Keep,
    }
}

/// Byte spans of the lines of `text`, without their line breaks
/// (`\n`, `\r\n` or a lone `\r`).
fn split_lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(Span::new(start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push(Span::new(start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

fn is_blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || matches!(map_char(c), Mapped::Drop | Mapped::Space))
}

/// `s` without leading and trailing white space (in the wide sense of
/// [`map_char`]).
fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.range()];
    let ws = |c: char| c.is_whitespace() || matches!(map_char(c), Mapped::Drop | Mapped::Space);
    let t = s.trim_start_matches(ws);
    let start = span.start + (s.len() - t.len());
    let t = t.trim_end_matches(ws);
    Span::new(start, start + t.len())
}

/// For each line, whether a paragraph ends after it.
fn paragraph_breaks(text: &str, lines: &[Span]) -> Vec<bool> {
    let mut breaks = vec![true; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        // A block: consecutive non-blank lines.
        if is_blank(&text[lines[i].range()]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !is_blank(&text[lines[i].range()]) {
            i += 1;
        }
        let block = &lines[start..i];
        if block.len() < 2 {
            continue;
        }
        let widths: Vec<usize> = block
            .iter()
            .map(|l| collapsed_len(&text[trim_span(text, *l).range()]))
            .collect();
        let width = widths.iter().copied().max().unwrap_or(0);
        let open_ends = block[..block.len() - 1]
            .iter()
            .filter(|l| !ends_sentence(&text[trim_span(text, **l).range()]))
            .count();
        let wrapped = (WRAP_MIN..=WRAP_MAX).contains(&width) && open_ends * 2 >= block.len() - 1;
        if !wrapped {
            continue;
        }
        // Inside a list of links (`Related:` alone on its line, then
        // headlines), up to a line that ends a sentence or runs on into a
        // line opening in lower case, each line stands alone.
        let mut in_list = false;
        for k in 0..block.len() - 1 {
            let line = &text[trim_span(text, block[k]).range()];
            let next = &text[trim_span(text, block[k + 1]).range()];
            if LIST_HEADER.is_match(line) {
                in_list = true;
                breaks[start + k] = true;
                continue;
            }
            in_list &= !ends_sentence(line) && !next.starts_with(char::is_lowercase);
            if in_list {
                breaks[start + k] = true;
                continue;
            }
            let first_word = next.split(is_space).next().unwrap_or("").chars().count();
            let would_fit = widths[k] + 1 + first_word <= width;
            // Lines that stand alone whatever the width: boilerplate, photo
            // codes, and the line before a dateline (a headline).
            // A boilerplate line (`Read more: ...`) takes only a short
            // tail: a long line after it is the next paragraph.
            let long_next = widths[k + 1] * 10 > width * 6;
            let alone = BOILERPLATE.is_match(next)
                || (BOILERPLATE.is_match(line) && long_next)
                || is_photo_code(line)
                || is_photo_code(next)
                || (DATELINE.regex(next).is_match(next)
                    && !ends_sentence(line)
                    && !line.ends_with(','));
            breaks[start + k] = would_fit || alone;
        }
    }
    breaks
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(map_char(c), Mapped::Space)
}

/// Length in characters once runs of white space count as one space.
fn collapsed_len(s: &str) -> usize {
    let mut n = 0;
    let mut prev_space = false;
    for c in s.chars() {
        if matches!(map_char(c), Mapped::Drop) {
            continue;
        }
        let space = is_space(c);
        if !(space && prev_space) {
            n += 1;
        }
        prev_space = space;
    }
    n
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}'])
        .ends_with(['.', '!', '?', ':'])
}

/// The parts a dateline is made of. A dateline opens the first body
/// paragraph: the place the story was filed from, in capitals (one or more,
/// joined by `/`), then optionally a region or country and the date, each
/// after a comma, then the agency and a separator: `ISLAMABAD:`,
/// `ISLAMABAD/MOSCOW (Reuters) -`, `WASHINGTON, Aug 20 (Reuters) -`,
/// `RAWALPINDI, Pakistan (AP) —`, `NEW DELHI, August 21, 2015:`,
/// `MOSCOW, August 20. /TASS/.`, `LONDON — `. A place in title case
/// (`New Delhi, Aug 21 (PTI)`) is a dateline only with a date after it, and
/// a dateline with no separator only with a date and an agency in brackets:
/// an ordinary sentence opens with a place and a comma far more often
/// (`Moscow, which has armed India for decades, ...`), never with those.
mod dateline {
    /// A place in capitals: up to four words (`NEW DELHI`, `ST. LOUIS`).
    pub const CAPS: &str = r"\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}";
    /// Several places filed from: `ISLAMABAD/MOSCOW`.
    pub const CAPS_MANY: &str = r"\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}(?:/\p{Lu}[\p{Lu}'.\-]+(?: \p{Lu}[\p{Lu}'.\-]+){0,3}){0,3}";
    /// A place in title case: up to three words (`New Delhi`).
    pub const TITLE: &str = r"\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}";
    /// A region or country after the place: `Pakistan`, `Calif.`, `D.C.`,
    /// `New York`.
    pub const REGION: &str = r"(?:\p{Lu}\p{Ll}+\.?|\p{Lu}\.(?:\p{Lu}\.)+)(?: \p{Lu}\p{Ll}+){0,2}";
    /// A day of a month, with or without its year: `Aug 20`, `Aug. 20`,
    /// `August 21, 2015`, `21 August 2015`.
    pub const DATE: &str = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)(?:,? \d{4})?";
    /// An agency: `Reuters`, `AP`, `ITAR-TASS`, `Xinhua`.
    pub const AGENCY: &str = r"\p{L}[\p{L}.&\-]*(?: [\p{L}.&\-]+){0,3}";
    /// The separator before the story: a colon or a dash.
    pub const SEP: &str = r"(?::|-{1,2}|\u{2013}|\u{2014})";
}

/// A dateline at the start of a paragraph (see [`dateline`]); the first
/// group that takes part is the place, the match ends where the story
/// starts (past the space after the separator, or at the paragraph's end
/// for a dateline alone on its line).
fn dateline_pattern() -> String {
    use dateline::*;
    let end = r"(?: |$)";
    [
        // ISLAMABAD: / NEW DELHI, August 21, 2015: / WASHINGTON, Aug 20 (Reuters) -
        format!(r"({CAPS_MANY})(?:, (?:{DATE}|{REGION})){{0,2}}\.?(?: ?\({AGENCY}\))? ?{SEP}{end}"),
        // MOSCOW, August 20. /TASS/.
        format!(r"({CAPS_MANY})(?:, (?:{DATE}|{REGION})){{0,2}}\.? ?/{AGENCY}/\.?{end}"),
        // New Delhi, Aug 21 (PTI) / NEW DELHI, Aug 21 (IANS) The ... / Moscow, Aug 20:
        format!(
            r"({CAPS}|{TITLE})(?:, {REGION})?, {DATE}\.?(?: ?\({AGENCY}\)(?: ?{SEP})?| ?{SEP}| ?/{AGENCY}/\.?){end}"
        ),
    ]
    .map(|p| format!("^(?:{p})"))
    .join("|")
}

/// A line that is only a dateline, with no separator, before the story's
/// first paragraph: `NEW DELHI, August 21, 2015`. It needs the date.
fn dateline_alone_pattern() -> String {
    use dateline::*;
    format!(r"^({CAPS_MANY})(?:, {REGION})?, {DATE}(?: \({AGENCY}\))?$")
}

/// A dateline pattern, compiled twice: as written (Unicode letters and
/// digits), and with ASCII classes, which compiles in a fraction of the time
/// (a Unicode class is hundreds of ranges, and the pattern repeats them
/// dozens of times: compiling it was three quarters of checking the seeds
/// without a cache). The two give the same match on any text whose possible
/// match holds no letter or digit beyond ASCII ([`ascii_will_do`]), so the
/// Unicode one is compiled only for a text that needs it.
struct Dateline {
    ascii: LazyLock<Regex>,
    unicode: LazyLock<Regex>,
}

impl Dateline {
    /// The compiled pattern that gives the match on `s`.
    fn regex(&self, s: &str) -> &Regex {
        if ascii_will_do(s) {
            &self.ascii
        } else {
            &self.unicode
        }
    }
}

static DATELINE: Dateline = Dateline {
    ascii: LazyLock::new(|| {
        Regex::new(&ascii_classes(&dateline_pattern())).expect("valid dateline pattern")
    }),
    unicode: LazyLock::new(|| Regex::new(&dateline_pattern()).expect("valid dateline pattern")),
};

static DATELINE_ALONE: Dateline = Dateline {
    ascii: LazyLock::new(|| {
        Regex::new(&ascii_classes(&dateline_alone_pattern())).expect("valid dateline pattern")
    }),
    unicode: LazyLock::new(|| {
        Regex::new(&dateline_alone_pattern()).expect("valid dateline pattern")
    }),
};

/// `pattern` (of [`dateline`]'s parts) with its Unicode classes narrowed to
/// ASCII: `\p{Lu}` to `A-Z`, `\p{Ll}` to `a-z`, `\p{L}` to both, `\d` to
/// `0-9`.
fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"[\p{Lu}", "[A-Z")
        .replace(r"[\p{L}", "[A-Za-z")
        .replace(r"\p{Lu}", "[A-Z]")
        .replace(r"\p{Ll}", "[a-z]")
        .replace(r"\p{L}", "[A-Za-z]")
        .replace(r"\d", "[0-9]")
}

/// Whether a dateline pattern matches `s` as its ASCII form does: every
/// character a match could take in, from the start (letters, digits,
/// spaces, `'.-,/()&:` and the two dashes; a match ends at the first
/// other), is ASCII or a dash. Where the text is ASCII, each Unicode class
/// of the patterns takes exactly what its ASCII form takes.
fn ascii_will_do(s: &str) -> bool {
    for c in s.chars() {
        if c.is_ascii() {
            if !(c.is_ascii_alphanumeric() || " '.-,/()&:".contains(c)) {
                return true;
            }
        } else if c != '\u{2013}' && c != '\u{2014}' {
            // A letter or digit only Unicode classes take; anything else
            // ends every match.
            return !c.is_alphanumeric();
        }
    }
    true
}

/// The place of a dateline at the start of `s` and where the story starts
/// after it, both relative to `s`.
fn find_dateline(s: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let c = DATELINE.regex(s).captures(s)?;
    let place = c.iter().skip(1).flatten().next()?;
    Some((place.range(), c.get(0)?.end()))
}

static BOILERPLATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:also\ )?read(?:\ more|\ also)?\s*:|see\ also\s*:|related\s*:|related\ (?:articles|stories|coverage)\b|
            more\ on\ this\b|recommended\s*:|watch\s*:|listen\s*:|
            contact\ the\ (?:writer|author|reporter)|(?:please\ )?follow\ us\b|follow\ @|like\ us\ on|
            share\ (?:this|on|via)\b|click\ here\b|sign\ up\b|subscribe\b|advertisement\b|sponsored\b|
            copyright\b|\(c\)\ |\u{a9}|all\ rights\ reserved|download\ (?:the|our)\ app|
            join\ (?:us|our)\ on\b|let\ us\ know\ what\ you\ think|get\ the\ latest\b|
            for\ more\ (?:news|stories)\b|this\ (?:article|story)\ (?:was|is)\ (?:first|originally)\ published
        )",
    )
    .expect("valid boilerplate pattern")
});

/// A line that only announces a list of links to other stories, one
/// headline a line after it: `Related:`, `Read more:`, `ALSO READ`,
/// `Related Topics`, `More on this story`, `You may also like`.
static LIST_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:related|recommended|trending|read|more|see\ also)\s*:|
            (?:also\ read|read\ (?:more|also|next)|see\ also|
            related\ (?:articles?|stories|story|coverage|news|content|links|reading|topics|posts|videos?)|
            more\ (?:on\ this(?:\ story|\ topic)?|stories|news)|
            recommended\ (?:stories|reading|for\ you)|you\ (?:may|might)\ also\ (?:like|read)|
            editor'?s\ picks|most\ (?:read|popular|viewed)|top\ stories|trending\ now)\s*:?
        )\s*$",
    )
    .expect("valid list header pattern")
});

/// A link given after a list header on its line: `Related: A headline`,
/// `Read more: ...`, `ALSO READ: ...`.
static LINK_WITH_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:also )?read(?: more| also| next)?|see also|related(?: [a-z]+)?|more on this(?: story)?|recommended)\s*:\s*\S",
    )
    .expect("valid link pattern")
});

/// A time stamp alone on its line: `Updated August 21, 2015`, `Last
/// updated: 21 Aug 2015 10:30pm`, `Published on Thursday 20 August 2015`.
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:(?:last |first )?(?:updated|published|posted|modified)(?: on| at)?:?)(?:[ ,:./+()-]+(?:\d+(?i:st|nd|rd|th|am|pm|h)?|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?i:a\.m|p\.m|am|pm|at|on|hrs)|[A-Z]{2,5}))+[ .]*$",
    )
    .expect("valid time stamp pattern")
});

/// How an editor's correction note opens: `Correction:`, `Clarification:`,
/// `Editor's note:`, `An earlier version of this story ...`, `This article
/// has been corrected ...`, `(This story corrects ...)`.
static CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[(\[*]*\s*(?:
            (?:corrections?|clarifications?|editor'?s'?\ note|note\ to\ readers)\s*[:\-\u{2013}\u{2014}]|
            (?:an?\ |the\ )?(?:earlier|previous|original|prior)\ version\ of\ this\ (?:story|article|report|post|piece)\b|
            this\ (?:story|article|report|post|piece|version)\ (?:has\ been|was|had\ been)\ (?:corrected|amended|clarified)\b|
            this\ (?:story|article|report|version)\ (?:corrects|clarifies)\b
        )",
    )
    .expect("valid correction pattern")
});

/// A photo credit anywhere in a paragraph: an agency or a photo desk before
/// a photographer's name (`Reuters/Faisal Mahmood`, `(AP Photo/Ivan
/// Sekretarev, File)`, `AFP Photo/...`, `Getty Images/...`), an agency or
/// `File` after one (`— AFP/File`), `Photo:`, or the positions of people
/// in the picture (`(R)`, `(2nd L)`).
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b(?:Reuters|REUTERS|AFP|AP|EPA|Getty Images|Photohost|Xinhua|Anadolu)/|\b(?:Photo|Photos|PHOTO|Photograph|Pictures|Images)/\p{Lu}|/(?:Reuters|REUTERS|AFP|AP|EPA|File)\b|\bPhoto(?:graph)?:|\bPhoto credit\b|\bFile photo\b|\((?:L|R|C|2nd L|2nd R|left|right|centre|center)\))",
    )
    .expect("valid photo credit pattern")
});

/// How a caption opens: the wires' file-photo mark (`FILE -`, `FILE PHOTO:`)
/// or a sentence about the picture (`In this Aug. 12, 2015 photo, ...`,
/// `In this image taken from video, ...`).
static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:FILE(?: PHOTO)? ?(?:[-:\u{2013}\u{2014}]|$)|(?:FILE ?[-:\u{2013}\u{2014}] ?)?In this [^,;]{0,40}?\b(?:photo|image|picture|photograph|video grab|frame grab)[,. ])",
    )
    .expect("valid caption pattern")
});

fn is_photo_code(s: &str) -> bool {
    s.len() >= 5
        && s.len() <= 20
        && !s.contains(' ')
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes().any(|b| b.is_ascii_uppercase())
}

/// Whether a paragraph is shaped like a headline: short, no closing
/// punctuation.
fn headline_shaped(s: &str) -> bool {
    !ends_sentence(s) && s.chars().count() <= 200 && !s.ends_with(',')
}

/// Classifies each paragraph; `after_blank` says which follow a blank line.
///
/// The headlines listed after a list header (`Related:`, `Read more:`
/// alone on its line) are boilerplate: links to other stories, whose
/// counts, places and events are not this story's. The list is the
/// paragraphs after the header that are shaped like headlines (no closing
/// punctuation), each set as the first one is (on the next line, or after
/// a blank line); it ends at the first paragraph that is not one, or that
/// is set apart otherwise. A link given on the header's line (`Related: A
/// headline`) opens a list only when two more headlines follow it line by
/// line: one alone may be the story's next subheading.
fn classify(norm: &str, spans: &[Span], after_blank: &[bool]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::with_capacity(spans.len());
    let mut seen_body = false;
    // In a list of links: whether its items follow blank lines, once the
    // first item is seen.
    let mut list: Option<Option<bool>> = None;
    let tight_headline = |k: usize| {
        spans.get(k).is_some_and(|sp| {
            !after_blank.get(k).copied().unwrap_or(true) && headline_shaped(&norm[sp.range()])
        })
    };
    for (n, &span) in spans.iter().enumerate() {
        let s = &norm[span.range()];
        let prev = out.last().map(|p| p.kind);
        let blank = after_blank.get(n).copied().unwrap_or(true);
        let header = LIST_HEADER.is_match(s);
        let item =
            !header && list.is_some_and(|set| set.is_none_or(|b| b == blank)) && headline_shaped(s);
        list = if header {
            Some(None)
        } else if item {
            Some(Some(blank))
        } else if LINK_WITH_HEADER.is_match(s) && tight_headline(n + 1) && tight_headline(n + 2) {
            Some(Some(false))
        } else {
            None
        };
        let kind = if is_photo_code(s) {
            ParagraphKind::PhotoCode
        } else if header
            || item
            || BOILERPLATE.is_match(s)
            || is_bare_link(s)
            || TIMESTAMP.is_match(s)
        {
            ParagraphKind::Boilerplate
        } else if CORRECTION.is_match(s) {
            ParagraphKind::Correction
        } else if prev == Some(ParagraphKind::PhotoCode)
            || PHOTO_CREDIT.is_match(s)
            || CAPTION_START.is_match(s)
        {
            ParagraphKind::Caption
        } else if headline_shaped(s) {
            ParagraphKind::Heading
        } else {
            ParagraphKind::Body
        };
        let dateline = if seen_body {
            None
        } else if kind == ParagraphKind::Body {
            find_dateline(s).map(|(place, _)| place)
        } else if kind == ParagraphKind::Heading {
            // A dateline alone on its line, before the first paragraph.
            DATELINE_ALONE
                .regex(s)
                .captures(s)
                .and_then(|c| c.get(1))
                .map(|m| m.range())
        } else {
            None
        }
        .map(|place| Span::new(span.start + place.start, span.start + place.end));
        seen_body |= kind == ParagraphKind::Body;
        out.push(Paragraph {
            span,
            kind,
            dateline,
        });
    }
    out
}

fn is_bare_link(s: &str) -> bool {
    !s.contains(' ')
        && (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
}

/// Where the body starts after a dateline: past the separator and space
/// (the paragraph's end for a dateline alone on its line).
fn dateline_end(norm: &str, para: Span) -> usize {
    let s = &norm[para.range()];
    if DATELINE_ALONE.regex(s).is_match(s) {
        return para.end;
    }
    find_dateline(s).map_or(para.start, |(_, end)| para.start + end)
}

#[cfg(test)]
mod tests;
