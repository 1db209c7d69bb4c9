//! Sentence boundaries inside one paragraph.
//!
//! [`split_sentences`] is a rule-based splitter for English news prose. It is
//! one linear pass over the bytes; every decision looks only at a bounded
//! neighbourhood (the word before a terminator, a few words after it), so the
//! cost is linear in the input with small constants. There is no regex.
//!
//! How a boundary is decided:
//!
//! - A *candidate* is a cluster of terminators (`.` `!` `?` `…`, runs such as
//!   `?!` or `....`, and spaced ellipses `. . .`), then any closing quotes or
//!   brackets (`"` `'` `”` `’` `)` `]`), then white space. A terminator glued to
//!   the next character (`3.5`, `U.S.-led`, `Jr.'s`, `example.com`) is never a
//!   candidate.
//! - The word before a period is classified: titles that always take a
//!   complement (`Mr.`, `Gen.`, `Lt. Col.`, `e.g.`, `vs.`) never end a
//!   sentence; number prefixes (`No. 5`, `p. 55`, `Rs. 10`) and months
//!   (`Aug. 20`) do not end one before a number; other abbreviations (`Inc.`,
//!   `Co.`, `etc.`, `Jr.`), dotted acronyms (`U.S.`, `a.m.`, `Ph.D.`) and
//!   initials (`George W. Bush`) end a sentence only when the next word is a
//!   common sentence starter (`The`, `He`, `But`, `In`, `Mr.`, ...: function
//!   words, not names or nouns, so `the U.S. Government` stays whole and
//!   `in the U.S. How about you?` splits), or when the abbreviation is followed
//!   by a closing quote or the next sentence opens with a quote (a bracket
//!   is not enough: `Apple Inc. (AAPL.O) rose`). An
//!   abbreviation never ends a sentence that would be only a short
//!   prepositional phrase (`At 5 a.m. Mr. Smith went ...`).
//! - Any other word ends a sentence when the next word starts with a capital
//!   letter, a digit, a currency sign, or an opening quote or bracket. A
//!   lowercase next word never starts a sentence (`"Great." she said`,
//!   `Yahoo! in`), except camel-case names (`eBay`, `iPhone`).
//! - After a closing quote, `“Why?” Khan asked.` stays one sentence: a
//!   capitalized name followed by a speech verb that closes the clause is an
//!   attribution, not a new sentence.
//! - Ellipses: a spaced three-dot ellipsis (`is . . . I`, `really ... well`)
//!   and a bracketed one (`[...]`) never end a sentence; an ellipsis glued to
//!   its word (`that... She`) and a four-dot ellipsis end one before a
//!   capital. In `word. . . . Next` the glued period ends the sentence and the
//!   spaced ellipsis opens the next one.
//! - Lists: a paragraph that starts with a marker (`1.`, `1)`, `1.)`, `(1)`,
//!   `a.`) is split before each following marker in sequence (`2.`, `3.` or
//!   `b.`, `c.`), and a list marker is never a sentence end. Bullets (`•`,
//!   `⁃`, ...) after white space always start a new item.
//!
//! Known limits: after an abbreviation, a new sentence that starts with a
//! name or a number is not split (`in the U.S. Obama said` stays one
//! sentence), since those follow abbreviations inside sentences far more
//! often. A quote holding several sentences is split inside the quote
//! (`“We are ready. We will fight,” he said.` gives two sentences, the
//! attribution going with the last).
//!
//! Decision on line breaks: the caller passes one paragraph with white space
//! collapsed, but any `\n` (or other Unicode white space) that does reach this
//! function is treated exactly like a space. Nothing in the benchmarks asks
//! for more, and a hard-wrapped paragraph must split the same as an unwrapped
//! one.

use std::ops::Range;
use std::sync::LazyLock;

/// Splits one paragraph into sentences.
///
/// Returns byte ranges into `paragraph`, in order, not overlapping, each
/// trimmed of surrounding white space and never empty. Newlines inside the
/// paragraph count as white space.
pub fn split_sentences(paragraph: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let items = list_items(paragraph);
    for (k, &start) in items.iter().enumerate() {
        let end = items.get(k + 1).copied().unwrap_or(paragraph.len());
        let body = item_marker_end(paragraph, start, end).unwrap_or(start);
        split_segment(paragraph, start, body, end, &mut out);
    }
    out
}

const ELLIPSIS: &[u8] = "…".as_bytes();

/// Longest word looked at before a terminator; longer tokens (URLs) are
/// ordinary words.
const MAX_WORD: usize = 64;

/// Titles and connectives that always take a complement: never sentence-final.
const NEVER_FINAL: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Cols", "Cpl", "Det", "Dr", "Drs",
    "E.g", "Engr", "Flt", "Fr", "Ft", "Gen", "Gens", "Gov", "Govs", "Hon", "I.e", "Insp", "Ldr",
    "Lieut", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Mt", "Mx",
    "Pres", "Prof", "Profs", "Pt", "Pvt", "Rep", "Reps", "Rev", "Revd", "Rt", "Sen", "Sens", "Sgt",
    "Sheikh", "Sqn", "Supt", "Vs", "Wg", "cf", "e.g", "i.e", "viz", "vs",
];

/// Abbreviations that do not end a sentence before a number.
const NUMBER_PREFIX: &[&str] = &[
    "Art", "Arts", "Ch", "Fig", "Figs", "No", "Nos", "Nr", "N°", "Op", "Para", "Ref", "Rs", "Sec",
    "Tel", "Vol", "Vols", "art", "ch", "fig", "no", "nos", "p", "para", "pp", "sec", "tel", "vol",
    "№",
];

/// Months and weekdays: not sentence-final before a number (`Aug. 20`).
const DATE_ABBREVS: &[&str] = &[
    "Apr", "Aug", "Dec", "Feb", "Fri", "Jan", "Jul", "Jun", "Mar", "Nov", "Oct", "Sep", "Sept",
    "Thu", "Thur", "Thurs", "Tue", "Tues", "Wed",
];

/// Other abbreviations: sentence-final only before a sentence starter.
const ABBREVS: &[&str] = &[
    "Ala", "Approx", "Ariz", "Ark", "Assn", "Asst", "Ave", "Bldg", "Blvd", "Bros", "Calif", "Co",
    "Colo", "Conn", "Corp", "Cos", "Del", "Dept", "Dist", "Div", "Esq", "Est", "Fla", "Ga", "Govt",
    "Hwy", "Ill", "Inc", "Ind", "Inst", "Intl", "Jr", "Kan", "Kans", "Ky", "La", "Ltd", "Mass",
    "Md", "Mich", "Minn", "Miss", "Mo", "Mohd", "Mont", "Natl", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Penn", "Plc", "Pty", "Rd", "Retd", "Sq", "Sr", "St", "Tenn", "Tex", "Univ", "Va", "Vt",
    "Wash", "Wis", "Wyo", "al", "approx", "co", "dept", "est", "etc", "ft", "govt", "hr", "hrs",
    "lb", "lbs", "max", "mi", "min", "mins", "oz", "retd", "rtd", "sq", "st", "yd", "yds",
];

/// Words that commonly open a sentence: function words, pronouns,
/// connectives, auxiliaries. No nouns or names, which follow abbreviations
/// inside a sentence (`U.S. Army`, `Gen. Raheel`).
const STARTERS: &[&str] = &[
    "A",
    "According",
    "Additionally",
    "After",
    "Afterwards",
    "Against",
    "All",
    "Already",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Besides",
    "Between",
    "Both",
    "But",
    "By",
    "Could",
    "Currently",
    "Despite",
    "Did",
    "Do",
    "Does",
    "Dr",
    "During",
    "Each",
    "Earlier",
    "Eight",
    "Either",
    "Even",
    "Every",
    "Everyone",
    "Few",
    "Finally",
    "Five",
    "Following",
    "For",
    "Four",
    "From",
    "Furthermore",
    "Had",
    "Has",
    "Have",
    "He",
    "Hence",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Into",
    "Is",
    "It",
    "Its",
    "Just",
    "Last",
    "Later",
    "Let",
    "Many",
    "Meanwhile",
    "Messrs",
    "Might",
    "Moreover",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "Must",
    "My",
    "Neither",
    "Nevertheless",
    "Nine",
    "No",
    "Nobody",
    "Nonetheless",
    "Nor",
    "Not",
    "Nothing",
    "Now",
    "On",
    "Once",
    "Only",
    "Or",
    "Other",
    "Otherwise",
    "Our",
    "Overall",
    "Please",
    "Recently",
    "Separately",
    "Seven",
    "Several",
    "She",
    "Should",
    "Since",
    "Six",
    "So",
    "Some",
    "Someone",
    "Still",
    "Such",
    "Ten",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "Therefore",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "Through",
    "Throughout",
    "Thus",
    "To",
    "Today",
    "Tomorrow",
    "Two",
    "Unless",
    "Until",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Whom",
    "Whose",
    "Why",
    "With",
    "Without",
    "Would",
    "Yes",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// First words of a prepositional phrase that cannot stand as a sentence.
const PREPOSITIONS: &[&str] = &[
    "About", "After", "Around", "At", "Before", "By", "Circa", "During", "Early", "From", "In",
    "Just", "Late", "Near", "On", "Shortly", "Since", "Till", "Until",
];

/// Verbs of a quote attribution (`“Why?” Khan asked.`).
const SPEECH_VERBS: &[&str] = &[
    "added",
    "adds",
    "admits",
    "admitted",
    "announced",
    "argued",
    "argues",
    "asked",
    "asks",
    "claimed",
    "claims",
    "concluded",
    "continued",
    "cried",
    "declared",
    "declares",
    "explained",
    "explains",
    "insisted",
    "insists",
    "noted",
    "notes",
    "quipped",
    "recalled",
    "remarked",
    "replied",
    "replies",
    "said",
    "says",
    "shouted",
    "stated",
    "states",
    "tells",
    "told",
    "tweeted",
    "tweets",
    "warned",
    "warns",
    "writes",
    "wrote",
];

/// Whether `word` is in `list` (sorted, see the `lists_are_sorted` test).
fn in_list(list: &[&str], word: &str) -> bool {
    // No entry is longer than 12 bytes; most looked-up words are.
    !word.is_empty() && word.len() <= 12 && list.binary_search(&word).is_ok()
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '●' | '■' | '◆' | '►')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₨' | '#')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(s) = text.get(r.clone()) else { return };
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if r.start + lead < r.end - trail {
        out.push(r.start + lead..r.end - trail);
    }
}

// ---------------------------------------------------------------- lists

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerValue {
    Num(u32),
    Lower(u8),
    Upper(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    /// `1.`
    Dot,
    /// `1)`
    Paren,
    /// `1.)`
    DotParen,
    /// `(1)`
    Enclosed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    value: MarkerValue,
    style: MarkerStyle,
}

impl Marker {
    /// The marker expected for the next item, if this one can open a list.
    /// `A.` does not (it is an initial far more often than a list marker).
    fn successor(self) -> Option<Marker> {
        let value = match self.value {
            MarkerValue::Num(n) => MarkerValue::Num(n.checked_add(1)?),
            MarkerValue::Lower(c) if c < b'z' => MarkerValue::Lower(c + 1),
            MarkerValue::Upper(c) if c < b'Z' && self.style != MarkerStyle::Dot => {
                MarkerValue::Upper(c + 1)
            }
            _ => return None,
        };
        Some(Marker {
            value,
            style: self.style,
        })
    }
}

/// Parses a list marker starting exactly at `p`; returns it and its end.
fn parse_marker(text: &str, p: usize, end: usize) -> Option<(Marker, usize)> {
    let b = text.as_bytes().get(..end)?;
    let mut j = p;
    let enclosed = b.get(j) == Some(&b'(');
    if enclosed {
        j += 1;
    }
    let value = match *b.get(j)? {
        c if c.is_ascii_digit() => {
            let s = j;
            let mut n: u32 = 0;
            while let Some(&d) = b.get(j).filter(|d| d.is_ascii_digit()) {
                n = n * 10 + u32::from(d - b'0');
                j += 1;
                if j - s > 3 {
                    return None;
                }
            }
            MarkerValue::Num(n)
        }
        c if c.is_ascii_lowercase() => {
            j += 1;
            MarkerValue::Lower(c)
        }
        c if c.is_ascii_uppercase() => {
            j += 1;
            MarkerValue::Upper(c)
        }
        _ => return None,
    };
    let style = match (enclosed, b.get(j), b.get(j + 1)) {
        (true, Some(b')'), _) => {
            j += 1;
            MarkerStyle::Enclosed
        }
        (true, _, _) => return None,
        (false, Some(b'.'), Some(b')')) => {
            j += 2;
            MarkerStyle::DotParen
        }
        (false, Some(b'.'), _) => {
            j += 1;
            MarkerStyle::Dot
        }
        (false, Some(b')'), _) => {
            j += 1;
            MarkerStyle::Paren
        }
        _ => return None,
    };
    match char_at(&text[..end], j) {
        None => Some((Marker { value, style }, j)),
        Some(c) if c.is_whitespace() => Some((Marker { value, style }, j)),
        _ => None,
    }
}

/// Skips white space and bullets from `p`; returns the first other position.
fn skip_bullets(text: &str, p: usize, end: usize) -> usize {
    let mut j = p;
    while let Some(c) = char_at(&text[..end], j) {
        if c.is_whitespace() || is_bullet(c) {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    j
}

/// End of the bullet and list marker opening the item at `start`, if any.
fn item_marker_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let p = skip_bullets(text, start, end);
    parse_marker(text, p, end).map(|(_, e)| e)
}

/// Start offsets of the list items of a paragraph (just `[0]` for prose).
fn list_items(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let first = skip_bullets(text, 0, text.len());
    let mut expect = parse_marker(text, first, text.len()).and_then(|(m, _)| m.successor());
    let after_space =
        |pos: usize| pos > first && char_before(text, pos).is_some_and(char::is_whitespace);
    if expect.is_none() {
        // Prose: only bullets can start items, and every bullet starts with
        // the byte 0xE2, so look at those alone.
        for (pos, _) in text.bytes().enumerate().filter(|&(_, b)| b == 0xE2) {
            if char_at(text, pos).is_some_and(is_bullet) && after_space(pos) {
                starts.push(pos);
            }
        }
        return starts;
    }
    for (pos, c) in text.char_indices() {
        if !(is_bullet(c) || c.is_ascii_alphanumeric() || c == '(') || !after_space(pos) {
            continue;
        }
        let bullet = is_bullet(c);
        let p = if bullet {
            skip_bullets(text, pos, text.len())
        } else {
            pos
        };
        let found = parse_marker(text, p, text.len()).map(|(m, _)| m);
        if found.is_some() && found == expect {
            expect = expect.and_then(Marker::successor);
            if !bullet {
                starts.push(pos);
            }
        }
        if bullet {
            starts.push(pos);
        }
    }
    starts
}

// ---------------------------------------------------------------- sentences

/// A run of terminators with the closing quotes and brackets after it.
struct Cluster {
    /// First terminator.
    start: usize,
    /// After the last closing quote or bracket.
    end: usize,
    /// Number of dots (`…` counts three).
    dots: usize,
    /// Contains `!` or `?`.
    exclaim: bool,
    /// A spaced ellipsis (`. . .`).
    spaced: bool,
    /// The first dot is followed by a space and more dots (`word. . . .`).
    first_gap: bool,
    /// A closing quote follows the terminators.
    quote: bool,
    /// Any closing quote or bracket follows the terminators.
    closed: bool,
}

fn cluster(text: &str, i: usize, end: usize) -> Cluster {
    let b = &text.as_bytes()[..end];
    let mut c = Cluster {
        start: i,
        end: i,
        dots: 0,
        exclaim: false,
        spaced: false,
        first_gap: false,
        quote: false,
        closed: false,
    };
    let mut j = i;
    let mut last_dot = false;
    while j < end {
        match b[j] {
            b'.' => {
                c.dots += 1;
                last_dot = true;
                j += 1;
            }
            b'!' | b'?' => {
                c.exclaim = true;
                last_dot = false;
                j += 1;
            }
            b' ' if last_dot && b.get(j + 1) == Some(&b'.') => {
                if j == i + 1 {
                    c.first_gap = true;
                }
                c.spaced = true;
                j += 1;
            }
            _ if b[j..].starts_with(ELLIPSIS) => {
                c.dots += 3;
                last_dot = true;
                j += ELLIPSIS.len();
            }
            _ => break,
        }
    }
    while let Some(ch) = char_at(&text[..end], j).filter(|&ch| is_closing(ch)) {
        c.closed = true;
        c.quote |= is_quote(ch);
        j += ch.len_utf8();
    }
    c.end = j;
    c
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    Digit,
    Other,
}

/// The token after a candidate boundary.
struct Next<'a> {
    /// Token without its opening quotes or brackets.
    word: &'a str,
    /// Start of the token (with its opening punctuation).
    start: usize,
    /// It opened with a quote or bracket.
    opened: bool,
    /// It opened with a quote.
    quoted: bool,
    class: Class,
}

fn next_token(text: &str, from: usize, end: usize) -> Option<Next<'_>> {
    let rest = text.get(from..end)?;
    let trimmed = rest.trim_start();
    let start = from + (rest.len() - trimmed.len());
    let tok = trimmed
        .split(char::is_whitespace)
        .next()
        .filter(|t| !t.is_empty())?;
    let word = tok.trim_start_matches(is_opening);
    let opened = word.len() != tok.len();
    let quoted = tok[..tok.len() - word.len()].contains(['"', '\'', '“', '‘', '«', '‹']);
    let class = match word.chars().next() {
        Some(c) if c.is_uppercase() => Class::Upper,
        Some(c) if c.is_lowercase() => {
            if word.chars().take(4).any(char::is_uppercase) {
                Class::Upper // eBay, iPhone
            } else {
                Class::Lower
            }
        }
        Some(c) if c.is_ascii_digit() || is_currency(c) => Class::Digit,
        _ => Class::Other,
    };
    Some(Next {
        word,
        start,
        opened,
        quoted,
        class,
    })
}

/// Whether the next word is a common sentence opener.
fn is_starter(word: &str) -> bool {
    let run_len = word
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(word.len());
    let run = &word[..run_len];
    let after = word[run_len..].chars().next();
    if after == Some('-') || (after == Some('.') && run.chars().count() == 1) {
        return false;
    }
    in_list(STARTERS, run)
}

/// The word before a terminator at `i`, without quotes and brackets around it.
fn word_before(text: &str, lo: usize, i: usize) -> Option<&str> {
    let s = text.get(lo..i)?;
    let mut start = i;
    for (n, (pos, c)) in s.char_indices().rev().enumerate() {
        if c.is_whitespace() {
            break;
        }
        if n >= MAX_WORD {
            return None;
        }
        start = lo + pos;
    }
    Some(
        text[start..i]
            .trim_start_matches(is_opening)
            .trim_end_matches(is_closing),
    )
}

/// The kind of a listed abbreviation: one binary search over all the lists.
fn known_abbreviation(word: &str) -> Option<Kind> {
    static TABLE: LazyLock<Vec<(&str, Kind)>> = LazyLock::new(|| {
        let mut t: Vec<(&str, Kind)> = Vec::new();
        t.extend(NEVER_FINAL.iter().map(|&w| (w, Kind::Never)));
        t.extend(
            NUMBER_PREFIX
                .iter()
                .chain(DATE_ABBREVS)
                .map(|&w| (w, Kind::BeforeNumber)),
        );
        t.extend(ABBREVS.iter().map(|&w| (w, Kind::Abbrev)));
        // Stable: where lists overlap, the first (stronger) kind is kept.
        t.sort_by_key(|&(w, _)| w);
        t.dedup_by_key(|&mut (w, _)| w);
        t
    });
    if word.is_empty() || word.len() > 12 {
        return None;
    }
    let i = TABLE.binary_search_by_key(&word, |&(w, _)| w).ok()?;
    TABLE.get(i).map(|&(_, k)| k)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An ordinary word: the period ends the sentence before a capital.
    Word,
    /// Never sentence-final.
    Never,
    /// Not final before a number, otherwise [`Kind::Abbrev`].
    BeforeNumber,
    /// Final only before a sentence starter.
    Abbrev,
}

fn classify(word: &str) -> Kind {
    let last = word.rsplit(['-', '.']).next().unwrap_or(word);
    let known = known_abbreviation(word).or_else(|| {
        (last.len() != word.len())
            .then(|| known_abbreviation(last))
            .flatten()
    });
    if let Some(kind) = known {
        return kind;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return if c.is_alphabetic() {
            Kind::Abbrev
        } else {
            Kind::Word
        };
    }
    // Dotted acronyms: U.S, a.m, Ph.D, U.S.A (the final period is not in `word`).
    let mut parts = 0;
    let dotted = word.split('.').all(|p| {
        parts += 1;
        (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic())
    });
    if dotted && parts >= 2 {
        return Kind::Abbrev;
    }
    // Short capitalized words without vowels: Bldg, Hwy, Mgr.
    let b = word.as_bytes();
    if (2..=4).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
        && !b.iter().any(|c| b"aeiouyAEIOUY".contains(c))
    {
        return Kind::Abbrev;
    }
    Kind::Word
}

/// Whether the sentence from `sent` to `to` is a short prepositional phrase
/// (`At 5 a.m.`), which cannot be a sentence of its own.
fn is_fragment(text: &str, sent: usize, to: usize) -> bool {
    let Some(s) = text.get(sent..to) else {
        return false;
    };
    let mut words = s.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = first.trim_start_matches(is_opening);
    in_list(PREPOSITIONS, first) && words.take(4).count() <= 3
}

/// Whether `“...” Name Name verb.` follows: a quote attribution.
fn is_attribution(text: &str, from: usize, end: usize) -> bool {
    let Some(rest) = text.get(from..end) else {
        return false;
    };
    let mut toks = rest.split_whitespace().take(6).peekable();
    while let Some(t) = toks.next() {
        let core = t.trim_end_matches([',', '.', ';', ':']);
        if in_list(SPEECH_VERBS, core) {
            return core.len() != t.len() || toks.peek().is_none();
        }
        if !t.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// Where the sentence ends for the candidate `c`, if it does.
fn decide(text: &str, sent: usize, lo: usize, c: &Cluster, end: usize) -> Option<usize> {
    let after = char_at(&text[..end], c.end)?;
    if !after.is_whitespace() {
        return None;
    }
    let next = next_token(text, c.end, end)?;
    let capital = next.class == Class::Upper;
    let opens =
        capital || next.class == Class::Digit || (next.opened && next.class != Class::Lower);
    let attribution = || c.quote && capital && is_attribution(text, next.start, end);
    let brk = Some(c.end);

    if c.exclaim {
        return if opens && !attribution() { brk } else { None };
    }
    let glued = char_before(text, c.start).is_some_and(|ch| !ch.is_whitespace());
    if c.dots >= 3 {
        if char_before(text, c.start) == Some('[') || !opens {
            return None;
        }
        if c.dots >= 4 {
            // `word. . . . Next`: the glued period ends the sentence and the
            // spaced ellipsis opens the next one.
            return if glued && c.first_gap && !c.closed {
                Some(c.start + 1)
            } else {
                brk
            };
        }
        return if glued && !c.spaced { brk } else { None };
    }

    let word = if glued {
        word_before(text, lo, c.start)
    } else {
        Some("")
    };
    let kind = word.map_or(Kind::Word, classify);
    let abbrev_ends = || {
        let ends = is_starter(next.word) || ((c.quote || next.quoted) && capital);
        ends && !is_fragment(text, sent, c.start)
    };
    let ends = match kind {
        Kind::Word => opens && !attribution(),
        Kind::Never => false,
        Kind::BeforeNumber if next.class == Class::Digit => false,
        Kind::BeforeNumber | Kind::Abbrev => abbrev_ends() && !attribution(),
    };
    if ends { brk } else { None }
}

/// The first position at or after `i` that is not white space.
fn skip_space(text: &str, i: usize, end: usize) -> usize {
    let rest = text.get(i..end).unwrap_or("");
    end - rest.trim_start().len()
}

fn split_segment(text: &str, start: usize, body: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut sent = skip_space(text, start, end);
    let mut i = body;
    while i < end {
        let b = bytes[i];
        if !(matches!(b, b'.' | b'!' | b'?') || bytes[i..end].starts_with(ELLIPSIS)) {
            i += 1;
            continue;
        }
        let c = cluster(text, i, end);
        if let Some(at) = decide(text, sent, start, &c, end) {
            push_trimmed(text, sent..at, out);
            sent = skip_space(text, at, end);
        }
        i = c.end.max(i + 1);
    }
    push_trimmed(text, sent..end, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        let got: Vec<&str> = split_sentences(input)
            .into_iter()
            .map(|r| &input[r])
            .collect();
        assert_eq!(got, expected, "input: {input:?}");
    }

    #[test]
    fn news_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("Lt. Col. Ahmed said.", &["Lt. Col. Ahmed said."]),
            (
                "Lt. Col. Ahmed said. He left.",
                &["Lt. Col. Ahmed said.", "He left."],
            ),
            (
                "Lt.-Gen. Asim Bajwa spoke.",
                &["Lt.-Gen. Asim Bajwa spoke."],
            ),
            (
                "Gen. Raheel Sharif and Maj. Gen. Khan met Adm. Zakaullah.",
                &["Gen. Raheel Sharif and Maj. Gen. Khan met Adm. Zakaullah."],
            ),
            (
                "Sgt. Smith and Capt. Jones arrived.",
                &["Sgt. Smith and Capt. Jones arrived."],
            ),
            (
                "Mr. and Mrs. Smith met Ms. Lee and Dr. Khan.",
                &["Mr. and Mrs. Smith met Ms. Lee and Dr. Khan."],
            ),
            (
                "Prof. Hoodbhoy spoke at St. Patrick's.",
                &["Prof. Hoodbhoy spoke at St. Patrick's."],
            ),
            (
                "It was sent to the U.S. administration.",
                &["It was sent to the U.S. administration."],
            ),
            (
                "It was sent to the U.S. Congress.",
                &["It was sent to the U.S. Congress."],
            ),
            (
                "Ties with the U.S. The deal is new.",
                &["Ties with the U.S.", "The deal is new."],
            ),
            (
                "It irked the U.S. But Russia agreed.",
                &["It irked the U.S.", "But Russia agreed."],
            ),
            (
                "The U.K. and the U.N. agreed.",
                &["The U.K. and the U.N. agreed."],
            ),
            (
                "The U.N. Security Council met.",
                &["The U.N. Security Council met."],
            ),
            (
                "“The agreement was signed in Rawalpindi on Wednesday,” said a military source.",
                &["“The agreement was signed in Rawalpindi on Wednesday,” said a military source."],
            ),
            (
                "“The agreement was signed, ” said a military source. Both sides agreed.",
                &[
                    "“The agreement was signed, ” said a military source.",
                    "Both sides agreed.",
                ],
            ),
            (
                "It bought four Mi-35 helicopters. The F-16 and S-400 were not.",
                &[
                    "It bought four Mi-35 helicopters.",
                    "The F-16 and S-400 were not.",
                ],
            ),
            (
                "It bought four Mi-35. The deal followed.",
                &["It bought four Mi-35.", "The deal followed."],
            ),
            (
                "The deal is worth $1.5 billion. It was signed.",
                &["The deal is worth $1.5 billion.", "It was signed."],
            ),
            (
                "Growth was 3.5 percent in 2015. 2016 was better.",
                &["Growth was 3.5 percent in 2015.", "2016 was better."],
            ),
            (
                "The deal was signed on Aug. 20. It took a year.",
                &["The deal was signed on Aug. 20.", "It took a year."],
            ),
            (
                "It fell in Sept. 2014 and Jan. 2015.",
                &["It fell in Sept. 2014 and Jan. 2015."],
            ),
            (
                "He arrived at 10 a.m. Tuesday.",
                &["He arrived at 10 a.m. Tuesday."],
            ),
            (
                "He arrived at 10 a.m. He left at 5 p.m. on Friday.",
                &["He arrived at 10 a.m.", "He left at 5 p.m. on Friday."],
            ),
            (
                "Apple Inc. and Pitt & Co. Ltd. merged.",
                &["Apple Inc. and Pitt & Co. Ltd. merged."],
            ),
            (
                "He works for Apple Inc. The firm grew.",
                &["He works for Apple Inc.", "The firm grew."],
            ),
            (
                "Guns, tanks, etc. were shown.",
                &["Guns, tanks, etc. were shown."],
            ),
            (
                "Guns, tanks, etc. The show ended.",
                &["Guns, tanks, etc.", "The show ended."],
            ),
            (
                "Big states, e.g. Punjab, i.e. the core.",
                &["Big states, e.g. Punjab, i.e. the core."],
            ),
            (
                "It was Pakistan vs. India.",
                &["It was Pakistan vs. India."],
            ),
            (
                "Resolution No. 2231 passed.",
                &["Resolution No. 2231 passed."],
            ),
            (
                "The price was Rs. 500 per unit.",
                &["The price was Rs. 500 per unit."],
            ),
            (
                "J. R. R. Tolkien wrote it.",
                &["J. R. R. Tolkien wrote it."],
            ),
            (
                "George W. Bush visited. He spoke.",
                &["George W. Bush visited.", "He spoke."],
            ),
            (
                "Martin Luther King Jr. spoke.",
                &["Martin Luther King Jr. spoke."],
            ),
            (
                "The talks stalled... Then they resumed.",
                &["The talks stalled...", "Then they resumed."],
            ),
            (
                "The talks stalled… Then they resumed.",
                &["The talks stalled…", "Then they resumed."],
            ),
            (
                "We will ... see what happens.",
                &["We will ... see what happens."],
            ),
            (
                "He said: “We are ready.” The army agreed.",
                &["He said: “We are ready.”", "The army agreed."],
            ),
            (
                "“We are ready. We will fight.” he said.",
                &["“We are ready.", "We will fight.” he said."],
            ),
            (
                "\"We are ready.\" he said.",
                &["\"We are ready.\" he said."],
            ),
            (
                "“Why?” Khan asked. Nobody answered.",
                &["“Why?” Khan asked.", "Nobody answered."],
            ),
            (
                "“We won.” Khan said the army was ready.",
                &["“We won.”", "Khan said the army was ready."],
            ),
            (
                "He asked why? Nobody knew.",
                &["He asked why?", "Nobody knew."],
            ),
            (
                "The Mi-24 (Hind) is old. It flies.",
                &["The Mi-24 (Hind) is old.", "It flies."],
            ),
            (
                "He left (he was tired.) and slept.",
                &["He left (he was tired.) and slept."],
            ),
            (
                "He left. (He was tired.) Then he slept.",
                &["He left.", "(He was tired.)", "Then he slept."],
            ),
            (
                "Contact feedback@ibtimes.com.au. We reply.",
                &["Contact feedback@ibtimes.com.au.", "We reply."],
            ),
            (
                "Visit www.dawn.com. It has news.",
                &["Visit www.dawn.com.", "It has news."],
            ),
            ("He left.\nShe stayed.", &["He left.", "She stayed."]),
            ("  He left.   She stayed.  ", &["He left.", "She stayed."]),
            (
                "1. Pakistan 2. Russia 3. China",
                &["1. Pakistan", "2. Russia", "3. China"],
            ),
            ("It said so. eBay fell.", &["It said so.", "eBay fell."]),
            (
                "In the U.S. Mr. Obama is popular.",
                &["In the U.S. Mr. Obama is popular."],
            ),
            (
                "He was in the U.S. Mr. Obama met him.",
                &["He was in the U.S.", "Mr. Obama met him."],
            ),
            (
                "Kim Jong-un met U.S. Sen. John McCain.",
                &["Kim Jong-un met U.S. Sen. John McCain."],
            ),
            (
                "He is with the U.S. Under Secretary.",
                &["He is with the U.S. Under Secretary."],
            ),
            ("Col. (retd.) Ahmed spoke.", &["Col. (retd.) Ahmed spoke."]),
            (
                "Approx. 200 people came. Ch. Nisar and Engr. Khan spoke.",
                &[
                    "Approx. 200 people came.",
                    "Ch. Nisar and Engr. Khan spoke.",
                ],
            ),
            (
                "He was born in St. Louis, Mo. He died on Jan. 3, 2010.",
                &["He was born in St. Louis, Mo.", "He died on Jan. 3, 2010."],
            ),
            (
                "\"It's over,\" said Mr. Khan. \"We lost.\" The P.M. later resigned.",
                &[
                    "\"It's over,\" said Mr. Khan.",
                    "\"We lost.\"",
                    "The P.M. later resigned.",
                ],
            ),
            (
                "Shares of Apple Inc. (AAPL.O) rose. Microsoft Corp. (MSFT.O) fell.",
                &[
                    "Shares of Apple Inc. (AAPL.O) rose.",
                    "Microsoft Corp. (MSFT.O) fell.",
                ],
            ),
            (
                "He called it 'a win.' Others disagreed.",
                &["He called it 'a win.'", "Others disagreed."],
            ),
            (
                "Talks were held in Washington, D.C. He said more would follow.",
                &[
                    "Talks were held in Washington, D.C.",
                    "He said more would follow.",
                ],
            ),
            (
                "The vessel, the U.S.S. Cole, was attacked. Seventeen sailors died.",
                &[
                    "The vessel, the U.S.S. Cole, was attacked.",
                    "Seventeen sailors died.",
                ],
            ),
            (
                "“Is this the end?” asked one protester. “No!” shouted another.",
                &[
                    "“Is this the end?” asked one protester.",
                    "“No!” shouted another.",
                ],
            ),
            (
                "It was written by Prof. A. B. Jones et al. The team had 12 members.",
                &[
                    "It was written by Prof. A. B. Jones et al.",
                    "The team had 12 members.",
                ],
            ),
            (
                "By 5 p.m. the streets were empty. At 3 p.m. ET on Friday, markets closed.",
                &[
                    "By 5 p.m. the streets were empty.",
                    "At 3 p.m. ET on Friday, markets closed.",
                ],
            ),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn lists_are_sorted() {
        for list in [STARTERS, PREPOSITIONS, SPEECH_VERBS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.len() <= 12), "{list:?}");
        }
        for list in [NEVER_FINAL, NUMBER_PREFIX, DATE_ABBREVS, ABBREVS] {
            assert!(list.iter().all(|w| w.len() <= 12), "{list:?}");
        }
        assert_eq!(known_abbreviation("Gen"), Some(Kind::Never));
        assert_eq!(known_abbreviation("Aug"), Some(Kind::BeforeNumber));
        assert_eq!(known_abbreviation("Inc"), Some(Kind::Abbrev));
        assert_eq!(known_abbreviation("Pakistan"), None);
    }

    #[test]
    fn edge_cases() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("   ", &[]),
            (".", &["."]),
            ("...", &["..."]),
            ("? ! .", &["? ! ."]),
            ("No punctuation at all", &["No punctuation at all"]),
            (
                "Ends with an abbreviation Inc.",
                &["Ends with an abbreviation Inc."],
            ),
            ("“", &["“"]),
            ("a. b. c.", &["a.", "b.", "c."]),
            ("He said “Go.”", &["He said “Go.”"]),
            ("Wow!! Really?! Yes.", &["Wow!!", "Really?!", "Yes."]),
            ("Cost: ₨ 5. £6. €7.", &["Cost: ₨ 5.", "£6.", "€7."]),
        ];
        for (input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn ranges_are_well_formed_on_odd_input() {
        let inputs = [
            "a.\u{a0}B. c…“D”. ‘e’! (F?) [G.] ",
            "1.) x 2.) y 3.)",
            "• • ⁃ 1. •",
            "(1) One. (2) Two.",
            "é. É. ü… Ü? x.y. Z",
        ];
        for input in inputs {
            let rs = split_sentences(input);
            let mut last = 0;
            for r in &rs {
                assert!(r.start >= last && r.start < r.end, "{input:?}: {rs:?}");
                let s = &input[r.clone()];
                assert_eq!(s, s.trim(), "{input:?}: {rs:?}");
                last = r.end;
            }
        }
    }
}
