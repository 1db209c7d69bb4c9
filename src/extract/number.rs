//! Numbers in running text: digits, number words, scales, currencies,
//! percentages, ranges, approximations and bounds.
//!
//! Input: any string (usually one sentence). Output: [`NumberMention`]s with
//! byte ranges into that string, in order, not overlapping.
//! Not numbers: years used as years, ordinals, dates, model designations
//! (`Mi-35`, `F-16`), and vague amounts (`a number of`, `several`).
//!
//! Decisions:
//! - `one` counts as 1 (`one of the ministers`, `one soldier`), except after a
//!   determiner (`the one`, `this one`, `which one`) or before `another`.
//! - A 4-digit integer 1800-2100 with no separator, scale, currency or bound
//!   is a year unless a plural noun follows it (`2000 people`).
//! - `hundreds of`, `thousands of`, `dozens of`, `several`, `a number of` are
//!   vague: no number. `a dozen` is 12, `a couple`/`a pair` are 2.
//! - `$` alone is USD, `Rs` is the generic `rupee` (it is used in Pakistan,
//!   India, Sri Lanka and Nepal); `pounds` is GBP only with a scale or
//!   `sterling` (else it is a weight); `cents`/`pence` are `cent`/`penny`.
//! - Dates (`July 10`, `10/7/2015`, `2015-08-20`), times (`10:30`, `9am`),
//!   ordinals (`21st`) and numbers glued to letters (`Mi-35`, `A320`, `4G`,
//!   `29km`, `1990s`) are not returned.

use std::ops::Range;
use std::sync::LazyLock;

/// How an amount relates to its value.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum Bound {
    /// Exactly the value (`four`, `4`).
    Exact,
    /// Roughly the value (`about`, `some`, `around`).
    Approx,
    /// The value or more (`at least`).
    AtLeast,
    /// The value or less (`at most`, `up to`).
    AtMost,
    /// Strictly more (`more than`, `over`).
    MoreThan,
    /// Strictly less (`less than`, `under`, `fewer than`).
    LessThan,
    /// Just under the value (`nearly`, `almost`): close to it, and not
    /// reaching it.
    Nearly,
}

/// What an amount is measured in.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum Unit {
    /// A plain count or number.
    Count,
    /// A percentage (`15%`, `15 percent`); the value is 15, not 0.15.
    Percent,
    /// Money, with an ISO 4217 code where known (`USD`, `PKR`, `EUR`), else
    /// the currency word as written, lowercased.
    Currency(String),
}

/// A number as found: value, bound, optional range end, unit.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Amount {
    /// The value (for a range, its low end).
    pub value: f64,
    /// The high end of a range (`252 to 287 miles`).
    pub upper: Option<f64>,
    /// How the amount relates to the value.
    pub bound: Bound,
    /// What it is measured in.
    pub unit: Unit,
}

/// One number mention in a string.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte range of the whole expression, modifiers included
    /// (`about 15`, `$153m`, `at least eight`).
    pub span: Range<usize>,
    /// What it says.
    pub amount: Amount,
}

/// Finds the numbers in `text`.
pub fn recognize_numbers(text: &str) -> Vec<NumberMention> {
    recognize_numbers_lowered(text, None)
}

/// [`recognize_numbers`], with `text` in ASCII lowercase (`lower`) when the
/// caller has it.
pub(crate) fn recognize_numbers_lowered(text: &str, lower: Option<&str>) -> Vec<NumberMention> {
    // Most sentences hold no number: say so after one pass over their bytes.
    if !may_hold_number(text) {
        return Vec::new();
    }
    match lower {
        Some(lower) => parse_numbers(text, lower),
        None => parse_numbers(text, &text.to_ascii_lowercase()),
    }
}

/// [`recognize_numbers`] without the look for what numbers need first.
fn parse_numbers(text: &str, lower: &str) -> Vec<NumberMention> {
    let toks = tokenize(text);
    let cx = Cx {
        text,
        lower,
        toks: &toks,
    };
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match cx.parse_at(i) {
            Step::Found(f) => {
                i = f.te.max(i + 1);
                found.push(f);
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
    }
    cx.merge_ranges(&mut found);
    found
        .into_iter()
        .map(|f| NumberMention {
            span: f.s..f.e,
            amount: Amount {
                value: f.value,
                upper: f.upper,
                bound: f.bound,
                unit: f.unit,
            },
        })
        .collect()
}

/// Fraction characters, each a number by itself ([`Cx::core`]).
const VULGAR_FRACTIONS: [char; 8] = ['½', '⅓', '⅔', '¼', '¾', '⅕', '⅙', '⅛'];

/// Whether `text` may hold a number: false only when it has none of what
/// every number starts with or needs ([`Cx::core`]): a digit, a fraction
/// character, or a word (ASCII letters, any case) that is a number word
/// (`one`, `twenty`), a scale or dozen (`a hundred`, `a dozen`), `half`,
/// `quarter`, `couple`, `pair`, or an ordinal other than `first` and
/// `second` (`a third`; `first` and `second` are denominators only after a
/// number word).
fn may_hold_number(text: &str) -> bool {
    let starts = &*NUMBER_STARTS;
    let b = text.as_bytes();
    let mut ascii = true;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            return true;
        }
        if !c.is_ascii_alphabetic() {
            ascii &= c.is_ascii();
            i += 1;
            continue;
        }
        // A run of ASCII letters: a word token that is one of those words
        // is such a run (its neighbours are not letters at all).
        let start = i;
        i = super::ascii_run_end(b, i, super::Run::Letters);
        let run = &b[start..i];
        if starts.letters.may_have(run.len(), c.to_ascii_lowercase()) {
            let key = run
                .iter()
                .fold(0, |k, &b| word_key_step(k, b.to_ascii_lowercase()));
            if starts
                .keys
                .binary_search(&word_key_end(key, run.len()))
                .is_ok()
            {
                return true;
            }
        }
    }
    !ascii && text.contains(VULGAR_FRACTIONS)
}

/// Whether a lowercase word is one that [`may_hold_number`] looks for.
fn may_start_number(w: &str) -> bool {
    !matches!(word_class(w), W::Other | W::And)
        || matches!(w, "couple" | "pair")
        || ordinal_value(w)
            .is_some_and(|_| !matches!(w.strip_suffix('s').unwrap_or(w), "first" | "second"))
}

// ---------------------------------------------------------------- tokens

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum K {
    Word,
    /// A numeric literal; `frac` when it is `a/b`.
    Num {
        plain: bool,
        frac: bool,
        digits: u8,
        decimal: bool,
    },
    /// Dates, times, IP addresses, phone numbers: never numbers.
    Code,
    Sym,
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    s: usize,
    e: usize,
    k: K,
    v: f64,
}

fn is_digit_at(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(u8::is_ascii_digit)
}

fn digits_end(b: &[u8], mut i: usize) -> usize {
    while is_digit_at(b, i) {
        i += 1;
    }
    i
}

fn tokenize(text: &str) -> Vec<Tok> {
    let b = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 4);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let prev_alnum = i > 0 && b[i - 1].is_ascii_alphanumeric();
        if c.is_ascii_digit()
            || (c == b'.' && is_digit_at(b, i + 1) && !prev_alnum && !(i > 0 && b[i - 1] == b'.'))
        {
            let t = scan_number(text, i);
            i = t.e.max(i + 1);
            toks.push(t);
            continue;
        }
        let Some(ch) = text.get(i..).and_then(|s| s.chars().next()) else {
            i += 1;
            continue;
        };
        let n = ch.len_utf8();
        if ch.is_alphabetic() {
            let mut j = i + n;
            loop {
                // ASCII letters, most of them, byte by byte.
                j = super::ascii_run_end(b, j, super::Run::Letters);
                let Some(c2) = text.get(j..).and_then(|s| s.chars().next()) else {
                    break;
                };
                let apostrophe = (c2 == '\'' || c2 == '’')
                    && text
                        .get(j + c2.len_utf8()..)
                        .and_then(|s| s.chars().next())
                        .is_some_and(char::is_alphabetic);
                if c2.is_alphabetic() || apostrophe {
                    j += c2.len_utf8();
                } else {
                    break;
                }
            }
            toks.push(Tok {
                s: i,
                e: j,
                k: K::Word,
                v: 0.0,
            });
            i = j;
        } else if ch.is_whitespace() {
            i += n;
        } else {
            toks.push(Tok {
                s: i,
                e: i + n,
                k: K::Sym,
                v: 0.0,
            });
            i += n;
        }
    }
    toks
}

/// Whether the digit chain starting at `i` (`10/7/2015`, `10:30`,
/// `192.168.1.2`, `2015-08-20`) is a code rather than numbers; returns its end.
fn code_chain(b: &[u8], i: usize) -> Option<usize> {
    let mut j = digits_end(b, i);
    let (mut dash, mut slash, mut dot, mut colon) = (0, 0, 0, 0);
    let mut dot_in_group = 0;
    let mut slash_in_group = 0;
    let mut code = false;
    while j + 1 < b.len() && matches!(b[j], b'.' | b'/' | b':' | b'-') && b[j + 1].is_ascii_digit()
    {
        match b[j] {
            b'-' => {
                dash += 1;
                dot_in_group = 0;
                slash_in_group = 0;
            }
            b'/' => {
                slash += 1;
                slash_in_group += 1;
                dot_in_group = 0;
            }
            b'.' => {
                dot += 1;
                dot_in_group += 1;
            }
            _ => colon += 1,
        }
        if dash >= 2
            || slash_in_group >= 2
            || dot_in_group >= 2
            || colon >= 1
            || (slash >= 1 && dash >= 1)
        {
            code = true;
        }
        j = digits_end(b, j + 1);
    }
    let _ = dot;
    code.then_some(j)
}

fn scan_number(text: &str, i: usize) -> Tok {
    let b = text.as_bytes();
    if let Some(e) = code_chain(b, i) {
        return Tok {
            s: i,
            e,
            k: K::Code,
            v: 0.0,
        };
    }
    let mut buf = String::with_capacity(24);
    let int_end = digits_end(b, i);
    let int_len = int_end - i;
    buf.push_str(&text[i..int_end]);
    let mut j = int_end;
    let mut plain = true;
    // Thousands groups: 1,234,567 or Indian 12,34,567.
    if (1..=3).contains(&int_len) && b.get(j) == Some(&b',') {
        let mut k = j;
        let mut groups: Vec<usize> = Vec::new();
        while b.get(k) == Some(&b',') && is_digit_at(b, k + 1) {
            let e = digits_end(b, k + 1);
            groups.push(e - k - 1);
            k = e;
        }
        let western = !groups.is_empty() && groups.iter().all(|&g| g == 3);
        let indian = int_len <= 2
            && groups.len() >= 2
            && groups.last() == Some(&3)
            && groups[..groups.len() - 1].iter().all(|&g| g == 2);
        if western || indian {
            for c in text[j..k].chars().filter(char::is_ascii_digit) {
                buf.push(c);
            }
            j = k;
            plain = false;
        } else if groups.first() == Some(&3) && int_len <= 3 {
            // `1,234,56`: take the valid prefix.
            let e = j + 4;
            buf.push_str(&text[j + 1..e]);
            j = e;
            plain = false;
        }
    } else if (1..=3).contains(&int_len) {
        // Space groups: 1 234 567, 40 000 (also no-break and narrow spaces).
        let mut k = j;
        let mut merged = false;
        while let Some(sp) = text.get(k..).and_then(|s| s.chars().next()) {
            if !matches!(sp, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}') {
                break;
            }
            let g = k + sp.len_utf8();
            let ge = digits_end(b, g);
            let after = text.get(ge..).and_then(|s| s.chars().next());
            if ge - g != 3
                || after.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == ':' || c == ',')
            {
                break;
            }
            buf.push_str(&text[g..ge]);
            k = ge;
            merged = true;
        }
        if merged {
            j = k;
            plain = false;
        }
    }
    let digits = u8::try_from(buf.len()).unwrap_or(u8::MAX);
    let mut decimal = false;
    if b.get(j) == Some(&b'.') && is_digit_at(b, j + 1) {
        let e = digits_end(b, j + 1);
        buf.push_str(&text[j..e]);
        j = e;
        plain = false;
        decimal = true;
    }
    let mut v: f64 = buf.parse().unwrap_or(0.0);
    // Fractions 3/4 (small denominators only: 24/7, 9/11, 10/7 are not).
    if plain && b.get(j) == Some(&b'/') && is_digit_at(b, j + 1) {
        let e = digits_end(b, j + 1);
        let den: f64 = text[j + 1..e].parse().unwrap_or(0.0);
        if (2.0..=10.0).contains(&den) && v >= 1.0 && v < den {
            return Tok {
                s: i,
                e,
                k: K::Num {
                    plain: false,
                    frac: true,
                    digits,
                    decimal: true,
                },
                v: v / den,
            };
        }
        return Tok {
            s: i,
            e,
            k: K::Code,
            v: 0.0,
        };
    }
    // Exponents: 1e10, 12.32e+14, 1.1^23, 1.3x10^6.
    let exp_at = |k: usize| -> Option<(i32, usize)> {
        let mut k2 = k;
        let neg = match b.get(k2) {
            Some(b'-') => {
                k2 += 1;
                true
            }
            Some(b'+') => {
                k2 += 1;
                false
            }
            _ => false,
        };
        let e = digits_end(b, k2);
        if e == k2 || e - k2 > 3 || b.get(e).is_some_and(u8::is_ascii_alphanumeric) {
            return None;
        }
        let x: i32 = text[k2..e].parse().ok()?;
        Some((if neg { -x } else { x }, e))
    };
    if matches!(b.get(j), Some(b'e' | b'E')) {
        if let Some((x, e)) = exp_at(j + 1) {
            v *= 10f64.powi(x);
            j = e;
            plain = false;
        }
    } else if b.get(j) == Some(&b'^') {
        if let Some((x, e)) = exp_at(j + 1) {
            v = v.powi(x);
            j = e;
            plain = false;
        }
    } else if text.get(j..j + 4) == Some("x10^") {
        if let Some((x, e)) = exp_at(j + 4) {
            v *= 10f64.powi(x);
            j = e;
            plain = false;
        }
    }
    Tok {
        s: i,
        e: j,
        k: K::Num {
            plain,
            frac: false,
            digits,
            decimal,
        },
        v,
    }
}

// ---------------------------------------------------------------- words

#[derive(Clone, Copy, PartialEq, Debug)]
enum W {
    Unit(f64),
    Teen(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    And,
    Other,
}

/// The words [`word_class`] knows, with their class (every other word is
/// [`W::Other`]).
const WORD_CLASSES: &[(&str, W)] = &[
    ("zero", W::Unit(0.0)),
    ("nought", W::Unit(0.0)),
    ("naught", W::Unit(0.0)),
    ("one", W::Unit(1.0)),
    ("two", W::Unit(2.0)),
    ("three", W::Unit(3.0)),
    ("four", W::Unit(4.0)),
    ("five", W::Unit(5.0)),
    ("six", W::Unit(6.0)),
    ("seven", W::Unit(7.0)),
    ("eight", W::Unit(8.0)),
    ("nine", W::Unit(9.0)),
    ("ten", W::Teen(10.0)),
    ("eleven", W::Teen(11.0)),
    ("twelve", W::Teen(12.0)),
    ("thirteen", W::Teen(13.0)),
    ("fourteen", W::Teen(14.0)),
    ("fifteen", W::Teen(15.0)),
    ("sixteen", W::Teen(16.0)),
    ("seventeen", W::Teen(17.0)),
    ("eighteen", W::Teen(18.0)),
    ("nineteen", W::Teen(19.0)),
    ("twenty", W::Tens(20.0)),
    ("thirty", W::Tens(30.0)),
    ("forty", W::Tens(40.0)),
    ("fourty", W::Tens(40.0)),
    ("fifty", W::Tens(50.0)),
    ("sixty", W::Tens(60.0)),
    ("seventy", W::Tens(70.0)),
    ("eighty", W::Tens(80.0)),
    ("ninety", W::Tens(90.0)),
    ("hundred", W::Hundred),
    ("hundreds", W::Hundred),
    ("thousand", W::Scale(1e3)),
    ("thousands", W::Scale(1e3)),
    ("million", W::Scale(1e6)),
    ("millions", W::Scale(1e6)),
    ("mn", W::Scale(1e6)),
    ("mln", W::Scale(1e6)),
    ("billion", W::Scale(1e9)),
    ("billions", W::Scale(1e9)),
    ("bn", W::Scale(1e9)),
    ("bln", W::Scale(1e9)),
    ("trillion", W::Scale(1e12)),
    ("trillions", W::Scale(1e12)),
    ("tn", W::Scale(1e12)),
    ("tln", W::Scale(1e12)),
    ("trn", W::Scale(1e12)),
    ("lakh", W::Scale(1e5)),
    ("lakhs", W::Scale(1e5)),
    ("lac", W::Scale(1e5)),
    ("lacs", W::Scale(1e5)),
    ("crore", W::Scale(1e7)),
    ("crores", W::Scale(1e7)),
    ("dozen", W::Dozen),
    ("dozens", W::Dozen),
    ("dz", W::Dozen),
    ("dzs", W::Dozen),
    ("doz", W::Dozen),
    ("dozs", W::Dozen),
    ("and", W::And),
];

/// Whether `w` (lowercase) is a number word or a scale: `four`, `fifteen`,
/// `hundred`, `million`, `dozen`.
pub(crate) fn is_spelled_number(w: &str) -> bool {
    !matches!(word_class(w), W::Other | W::And)
}

fn word_class(w: &str) -> W {
    WORDS.class(w).unwrap_or(W::Other)
}

/// Ordinals as denominators: the value, and whether it is a scale
/// (`hundredth`).
const ORDINALS: &[(&str, f64, bool)] = &[
    ("first", 1.0, false),
    ("second", 2.0, false),
    ("half", 2.0, false),
    ("halve", 2.0, false),
    ("third", 3.0, false),
    ("fourth", 4.0, false),
    ("quarter", 4.0, false),
    ("fifth", 5.0, false),
    ("sixth", 6.0, false),
    ("seventh", 7.0, false),
    ("eighth", 8.0, false),
    ("ninth", 9.0, false),
    ("tenth", 10.0, false),
    ("eleventh", 11.0, false),
    ("twelfth", 12.0, false),
    ("thirteenth", 13.0, false),
    ("fourteenth", 14.0, false),
    ("fifteenth", 15.0, false),
    ("sixteenth", 16.0, false),
    ("seventeenth", 17.0, false),
    ("eighteenth", 18.0, false),
    ("nineteenth", 19.0, false),
    ("twentieth", 20.0, false),
    ("thirtieth", 30.0, false),
    ("fortieth", 40.0, false),
    ("fiftieth", 50.0, false),
    ("sixtieth", 60.0, false),
    ("seventieth", 70.0, false),
    ("eightieth", 80.0, false),
    ("ninetieth", 90.0, false),
    ("hundredth", 100.0, true),
    ("thousandth", 1e3, true),
    ("millionth", 1e6, true),
    ("billionth", 1e9, true),
    ("trillionth", 1e12, true),
];

/// Denominators: `third(s)` 3, `quarter(s)` 4, `hundredth(s)` 100. `first` and
/// `second` only inside compounds (`twenty-first`).
fn ordinal_value(w: &str) -> Option<(f64, bool)> {
    let w = w.strip_suffix('s').unwrap_or(w);
    WORDS.ordinal(w)
}

/// A word of at most 15 bytes as one integer (its bytes, then its length),
/// so that tables of words are sorted integers.
fn word_key(w: &[u8]) -> Option<u128> {
    (w.len() < 16).then(|| word_key_end(w.iter().fold(0, |k, &b| word_key_step(k, b)), w.len()))
}

/// [`word_key`] built byte by byte: the key of the bytes so far and one more.
fn word_key_step(k: u128, b: u8) -> u128 {
    k << 8 | u128::from(b)
}

/// [`word_key`] of a word of `len` bytes from the steps over its bytes.
fn word_key_end(k: u128, len: usize) -> u128 {
    k << 8 | len as u128
}

/// [`WORD_CLASSES`] and [`ORDINALS`] by [`word_key`]: a look-up is a binary
/// search of integers, not a string compared with each word in turn (it is
/// made for every word of a sentence that may hold a number).
struct WordTable {
    classes: Vec<(u128, W)>,
    ordinals: Vec<(u128, (f64, bool))>,
    /// [`FirstLetters`] of each list: most words are ruled out by them alone.
    class_letters: FirstLetters,
    ordinal_letters: FirstLetters,
}

/// By length (up to 15), the first bytes that a list's words have (bit
/// `b % 64`, so letters and apostrophes each have their own bit).
#[derive(Default)]
struct FirstLetters([u64; 16]);

impl FirstLetters {
    fn new<'a>(words: impl Iterator<Item = &'a str>) -> FirstLetters {
        let mut f = FirstLetters::default();
        for w in words {
            if let (Some(m), Some(&c)) = (f.0.get_mut(w.len()), w.as_bytes().first()) {
                *m |= 1 << (c % 64);
            }
        }
        f
    }

    /// Whether some word of the list has `len` bytes and starts with `first`.
    fn may_have(&self, len: usize, first: u8) -> bool {
        self.0.get(len).is_some_and(|m| m >> (first % 64) & 1 == 1)
    }

    /// Whether some word of the list has the length and first byte of `w`.
    fn may_have_word(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&c| self.may_have(w.len(), c))
    }
}

static WORDS: LazyLock<WordTable> = LazyLock::new(|| {
    fn sorted<T>(list: impl Iterator<Item = (&'static str, T)>) -> Vec<(u128, T)> {
        let mut v: Vec<(u128, T)> = list
            .filter_map(|(w, x)| Some((word_key(w.as_bytes())?, x)))
            .collect();
        // Stable: of a word listed twice, the first stays, as in a `match`.
        v.sort_by_key(|&(k, _)| k);
        v.dedup_by_key(|&mut (k, _)| k);
        v
    }
    WordTable {
        classes: sorted(WORD_CLASSES.iter().map(|&(w, c)| (w, c))),
        ordinals: sorted(ORDINALS.iter().map(|&(w, v, s)| (w, (v, s)))),
        class_letters: FirstLetters::new(WORD_CLASSES.iter().map(|&(w, _)| w)),
        ordinal_letters: FirstLetters::new(ORDINALS.iter().map(|&(w, _, _)| w)),
    }
});

impl WordTable {
    fn find<T: Copy>(table: &[(u128, T)], w: &str) -> Option<T> {
        let k = word_key(w.as_bytes())?;
        let i = table.binary_search_by_key(&k, |&(k, _)| k).ok()?;
        Some(table[i].1)
    }

    /// The class of a listed word.
    fn class(&self, w: &str) -> Option<W> {
        if !self.class_letters.may_have_word(w) {
            return None;
        }
        Self::find(&self.classes, w)
    }

    /// The denominator of a listed ordinal (as written there).
    fn ordinal(&self, w: &str) -> Option<(f64, bool)> {
        if !self.ordinal_letters.may_have_word(w) {
            return None;
        }
        Self::find(&self.ordinals, w)
    }
}

/// The words [`may_hold_number`] looks for: each listed word, plural
/// ordinal, `couple` and `pair` that is [`may_start_number`] (no other word
/// is).
struct NumberStarts {
    /// Their [`word_key`]s, sorted.
    keys: Vec<u128>,
    /// Their first letters: most words of a sentence are ruled out by these
    /// alone.
    letters: FirstLetters,
}

static NUMBER_STARTS: LazyLock<NumberStarts> = LazyLock::new(|| {
    let plurals = ORDINALS.iter().map(|(w, _, _)| format!("{w}s"));
    let words: Vec<String> = WORD_CLASSES
        .iter()
        .map(|(w, _)| w.to_string())
        .chain(ORDINALS.iter().map(|(w, _, _)| w.to_string()))
        .chain(plurals)
        .chain(["couple".to_string(), "pair".to_string()])
        .filter(|w| may_start_number(w))
        .collect();
    let mut keys: Vec<u128> = words
        .iter()
        .filter_map(|w| word_key(w.as_bytes()))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    let letters = FirstLetters::new(words.iter().map(String::as_str));
    NumberStarts { keys, letters }
});

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Currency symbols written before or after the amount.
fn symbol_currency(c: &str) -> Option<&'static str> {
    Some(match c {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₨" => "rupee",
        "₽" => "RUB",
        "₩" => "KRW",
        "₺" => "TRY",
        "₿" => "BTC",
        "₦" => "NGN",
        "₱" => "PHP",
        "₪" => "ILS",
        "₫" => "VND",
        "₴" => "UAH",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "฿" => "THB",
        "元" => "CNY",
        _ => return None,
    })
}

/// Whether `w` (as written) may be the letters of a model designation
/// written with a space before its number (`Mi 35`, `Su 30`, `MiG 29`,
/// `Tu 160`, `AK 47`, `JF 17`, `KSE 100`): two or three ASCII letters, the
/// first a capital, that are not an English word (`At 35`, `In 2015`, `UP
/// TO 35`) unless they are the prefix of a design bureau that is one (`Mi`,
/// `Yak`), nor an abbreviation that stands before numbers for another
/// reason: a month or weekday (`Aug 19`, `Fri 21`), a title or label (`Dr`,
/// `St`, `No`, `Vol`), a currency (`Rs`, `Tk`, `Sh`, `PKR`) or a country or
/// bloc (`US`, `UK`, `EU`, `UN`).
///
/// The letters alone say little: [`Cx::spaced_designation`] also wants a
/// whole number after them and no amount word after that.
pub(crate) fn designation_prefix(w: &str) -> bool {
    let b = w.as_bytes();
    if !(2..=3).contains(&b.len())
        || !b[0].is_ascii_uppercase()
        || !b.iter().all(u8::is_ascii_alphabetic)
    {
        return false;
    }
    let lower = w.to_ascii_lowercase();
    if matches!(lower.as_str(), "mi" | "yak") {
        return true;
    }
    !NOT_DESIGNATION_PREFIXES.contains(&lower.as_str())
        && iso_code(w).is_none()
        && !super::place::is_english_word(&lower)
}

/// Short abbreviations, lowercase, that stand before numbers without
/// naming a model ([`designation_prefix`]), and that the English word list
/// does not hold.
const NOT_DESIGNATION_PREFIXES: &[&str] = &[
    // Months and weekdays.
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", // Titles, ranks and labels.
    "mr", "mrs", "ms", "dr", "st", "mt", "ft", "lt", "sgt", "cpl", "pvt", "maj", "adm", "cdr",
    "rev", "hon", "jr", "sr", "sen", "rep", "gov", "no", "nos", "vol", "ch", "pg", "pp", "fig",
    "ref", "art", "sec", "ok", "km", // Currencies written before the amount.
    "rs", "re", "tk", "rp", "sh", "ksh", "dh", "dhs", "rm", "sr", "qr", "kd", "bd", "nu", "le",
    "br", "kr", "gs", "bs", // Countries and blocs, and the clock.
    "us", "uk", "eu", "un", "uae", "usa", "gcc", "am", "pm",
];

/// Letters glued before `$` (`US$`, `HK$`, `C$`).
fn dollar_prefix(w: &str) -> Option<&'static str> {
    Some(match w {
        "us" | "usd" => "USD",
        "hk" | "hkd" => "HKD",
        "c" | "ca" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "nz" | "nzd" => "NZD",
        "s" | "sgd" => "SGD",
        "mex" | "mxn" => "MXN",
        "r" => "BRL",
        _ => return None,
    })
}

/// ISO 4217 codes recognised, by [`iso_code`].
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "PKR", "INR", "RUB", "CNY", "JPY", "AUD", "CAD", "CHF", "SAR", "AED",
    "HKD", "SGD", "NZD", "KRW", "TRY", "ZAR", "BRL", "MXN", "SEK", "NOK", "DKK", "EGP", "NGN",
    "KES", "BDT", "LKR", "NPR", "AFN", "IRR", "IQD", "QAR", "KWD", "OMR", "BHD", "JOD", "MYR",
    "IDR", "THB", "PHP", "VND", "UAH", "PLN", "CZK", "HUF", "ILS", "BTC", "ARS", "CLP", "COP",
    "PEN", "TWD", "KZT", "UZS", "AZN", "GEL", "AMD", "BYN", "MAD", "TND", "DZD", "LBP", "SYP",
    "YER", "SDG", "ETB", "GHS", "TZS", "UGX", "XOF", "XAF",
];

/// ISO 4217 codes recognised (written in capitals).
fn iso_code(w: &str) -> Option<&'static str> {
    // All are three capitals: most words are not, and need no search.
    if w.len() != 3 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if w == "RMB" {
        return Some("CNY");
    }
    ISO_CODES.iter().find(|c| **c == w).copied()
}

/// Currency words after the amount; longest first. The flag says the word is
/// ambiguous and needs a scale (`361 million pounds`, not `500 pounds`).
const CURRENCY_WORDS: &[(&[&str], &str, bool)] = &[
    (&["hong", "kong", "dollars"], "HKD", false),
    (&["hong", "kong", "dollar"], "HKD", false),
    (&["new", "zealand", "dollars"], "NZD", false),
    (&["sri", "lankan", "rupees"], "LKR", false),
    (&["south", "african", "rand"], "ZAR", false),
    (&["us", "dollars"], "USD", false),
    (&["us", "dollar"], "USD", false),
    (&["american", "dollars"], "USD", false),
    (&["australian", "dollars"], "AUD", false),
    (&["canadian", "dollars"], "CAD", false),
    (&["singapore", "dollars"], "SGD", false),
    (&["pakistani", "rupees"], "PKR", false),
    (&["pakistan", "rupees"], "PKR", false),
    (&["indian", "rupees"], "INR", false),
    (&["swiss", "francs"], "CHF", false),
    (&["french", "francs"], "franc", false),
    (&["chinese", "yuan"], "CNY", false),
    (&["japanese", "yen"], "JPY", false),
    (&["saudi", "riyals"], "SAR", false),
    (&["turkish", "lira"], "TRY", false),
    (&["finnish", "markka"], "FIM", false),
    (&["dutch", "guilders"], "NLG", false),
    (&["pounds", "sterling"], "GBP", false),
    (&["dollars"], "USD", false),
    (&["dollar"], "USD", false),
    (&["euros"], "EUR", false),
    (&["euro"], "EUR", false),
    (&["sterling"], "GBP", false),
    (&["pounds"], "GBP", true),
    (&["rupees"], "rupee", false),
    (&["rupee"], "rupee", false),
    (&["yuan"], "CNY", false),
    (&["renminbi"], "CNY", false),
    (&["rmb"], "CNY", false),
    (&["kuai"], "CNY", false),
    (&["yen"], "JPY", false),
    (&["roubles"], "RUB", false),
    (&["rubles"], "RUB", false),
    (&["rouble"], "RUB", false),
    (&["ruble"], "RUB", false),
    (&["rupiah"], "IDR", false),
    (&["ringgit"], "MYR", false),
    (&["baht"], "THB", false),
    (&["naira"], "NGN", false),
    (&["rand"], "ZAR", true),
    (&["shekels"], "ILS", false),
    (&["dirhams"], "AED", false),
    (&["riyals"], "SAR", false),
    (&["dinars"], "dinar", false),
    (&["pesos"], "peso", false),
    (&["francs"], "franc", false),
    (&["lira"], "TRY", false),
    (&["taka"], "BDT", false),
    (&["afghanis"], "AFN", false),
    (&["pesetas"], "ESP", false),
    (&["won"], "KRW", true),
    (&["marks"], "mark", true),
    (&["cents"], "cent", false),
    (&["cent"], "cent", false),
    (&["pence"], "penny", false),
    (&["penny"], "penny", false),
    (&["bitcoins"], "BTC", false),
    (&["bitcoin"], "BTC", false),
];

/// Capitalized words naming the number after them (`Article 370`).
const LABELS: &[&str] = &[
    "section",
    "article",
    "clause",
    "chapter",
    "resolution",
    "flight",
    "route",
    "highway",
    "room",
    "page",
    "no",
    "vol",
    "volume",
    "paragraph",
    "rule",
    "bill",
    "amendment",
    "gate",
    "platform",
    "terminal",
    "channel",
    "level",
    "phase",
    "block",
    "sector",
    "unit",
    "ward",
    "district",
    "precinct",
    "lot",
    "batch",
    "stage",
    "version",
];

/// Words after which `one` is a pronoun, not a count.
const ONE_DETERMINERS: &[&str] = &[
    "the", "this", "that", "which", "any", "each", "every", "no", "another", "some", "a", "no-one",
    "such", "last",
];

// ---------------------------------------------------------------- parsing

#[derive(Debug, Clone)]
struct Found {
    s: usize,
    e: usize,
    /// Token index range of the whole mention.
    ts: usize,
    te: usize,
    value: f64,
    upper: Option<f64>,
    bound: Bound,
    unit: Unit,
    /// Scale applied (1 when none), for range inheritance.
    scale: f64,
}

enum Step {
    Found(Found),
    Skip(usize),
}

/// The number core, before unit, scale suffix and modifiers.
#[derive(Debug, Clone, Copy)]
struct Core {
    v: f64,
    /// Token index after the core.
    end: usize,
    scale: f64,
    /// A bare integer literal with no separators (year candidate).
    plain_digits: Option<u8>,
}

struct Cx<'a> {
    text: &'a str,
    lower: &'a str,
    toks: &'a [Tok],
}

impl Cx<'_> {
    fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.k == K::Word => self.lower.get(t.s..t.e).unwrap_or(""),
            _ => "",
        }
    }

    fn sym(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.k == K::Sym => self.text.get(t.s..t.e).unwrap_or(""),
            _ => "",
        }
    }

    fn raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.s..t.e))
            .unwrap_or("")
    }

    /// Tokens `i` and `i + 1` touch (no space between).
    fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.e == b.s,
            _ => false,
        }
    }

    fn is_num(&self, i: usize) -> bool {
        matches!(
            self.toks.get(i),
            Some(Tok {
                k: K::Num { .. },
                ..
            })
        )
    }

    fn class(&self, i: usize) -> W {
        let w = self.w(i);
        if w.is_empty() {
            W::Other
        } else {
            word_class(w)
        }
    }

    fn is_number_word(&self, i: usize) -> bool {
        matches!(self.class(i), W::Unit(_) | W::Teen(_) | W::Tens(_))
    }

    /// Parses a cardinal (`one hundred and five`, `3 hundred and 21`,
    /// `twenty-one trillion`, `4 thousand 3 hundred`) starting at `i`.
    fn cardinal(&self, i: usize, limit: usize) -> Option<Core> {
        let (mut total, mut hund, mut rest) = (0.0f64, 0.0f64, 0.0f64);
        let (mut has_h, mut has_t, mut has_u, mut any) = (false, false, false, false);
        let mut last_scale = f64::INFINITY;
        let mut scale_seen: f64 = 1.0;
        let mut k = i;
        let mut end = i;
        let mut after_link = true; // a digit literal may come here
        let mut plain_digits = None;
        let mut words = 0;
        let mut from_digit = false;
        if matches!(self.w(i), "a" | "an")
            && matches!(self.class(i + 1), W::Hundred | W::Scale(_) | W::Dozen)
        {
            rest = 1.0;
            has_u = true;
            has_t = true;
            any = true;
            k += 1;
            after_link = false;
        }
        while k < limit {
            let t = self.toks[k];
            if let K::Num {
                frac: false,
                plain,
                digits,
                ..
            } = t.k
            {
                if !(after_link && rest == 0.0) || (any && self.glued(k.saturating_sub(1)) && k > i)
                {
                    break;
                }
                // After a scale, a literal only in `and 21` or `3 hundred`.
                if any && self.w(k - 1) != "and" && self.class(k + 1) != W::Hundred {
                    break;
                }
                if any
                    && self.w(k - 1) == "and"
                    && matches!(self.class(k + 1), W::Hundred | W::Scale(_))
                {
                    break;
                }
                from_digit = true;
                if any && (t.v >= 1000.0 || (has_h && t.v >= 100.0)) {
                    break;
                }
                rest += t.v;
                has_u = true;
                has_t = true;
                if !any && plain {
                    plain_digits = Some(digits);
                }
                any = true;
                k += 1;
                end = k;
                after_link = false;
                // A suffix glued to the literal is handled by the caller.
                if self.glued(k - 1) && self.toks.get(k).is_some_and(|t| t.k == K::Word) {
                    break;
                }
                continue;
            }
            if t.k == K::Sym {
                let s = self.sym(k);
                if matches!(s, "-" | "‐" | "–")
                    && has_t
                    && !has_u
                    && rest >= 20.0
                    && matches!(self.class(k + 1), W::Unit(v) if v > 0.0)
                {
                    k += 1;
                    continue;
                }
                break;
            }
            match self.class(k) {
                W::Unit(v)
                    if !has_u
                        && !(v == 0.0 && (any || has_t))
                        && !(has_t && rest == 0.0 && any) =>
                {
                    from_digit = false;
                    if v == 0.0 && self.is_number_word(k + 1) {
                        // `three-nought-four`: digits read out, one by one.
                        rest = 0.0;
                    }
                    rest += v;
                    has_u = true;
                    if v == 0.0 {
                        has_t = true;
                    }
                }
                W::Teen(v) if !has_u && !has_t => {
                    rest += v;
                    has_u = true;
                    has_t = true;
                }
                W::Tens(v) if !has_u && !has_t => {
                    rest += v;
                    has_t = true;
                }
                W::Hundred if rest > 0.0 && !has_h && (rest < 100.0 || from_digit) => {
                    hund = rest * 100.0;
                    rest = 0.0;
                    has_h = true;
                    from_digit = false;
                    has_t = false;
                    has_u = false;
                    after_link = true;
                    k += 1;
                    end = k;
                    scale_seen = scale_seen.max(100.0);
                    continue;
                }
                W::Scale(s) if any => {
                    let g = hund + rest;
                    if g > 0.0 && s < last_scale {
                        total += g * s;
                        last_scale = s;
                    } else if g == 0.0 && total > 0.0 {
                        total *= s;
                        last_scale = total;
                    } else {
                        break;
                    }
                    scale_seen = scale_seen.max(s);
                    hund = 0.0;
                    rest = 0.0;
                    has_h = false;
                    has_t = false;
                    has_u = false;
                    after_link = true;
                    k += 1;
                    end = k;
                    continue;
                }
                W::Dozen if any && hund + rest > 0.0 => {
                    if rest > 0.0 {
                        rest *= 12.0;
                    } else {
                        hund *= 12.0;
                    }
                    k += 1;
                    end = k;
                    break;
                }
                W::And if any && (has_h || total > 0.0) && rest == 0.0 => {
                    let next_ok = self.is_number_word(k + 1)
                        || matches!(
                            self.toks.get(k + 1),
                            Some(Tok {
                                k: K::Num { frac: false, .. },
                                ..
                            })
                        );
                    // `and a half`, `and two thirds` are fractions, not terms.
                    let frac_next = k + 2 < limit && ordinal_value(self.w(k + 2)).is_some();
                    if !next_ok || frac_next {
                        break;
                    }
                    after_link = true;
                    k += 1;
                    continue;
                }
                _ => break,
            }
            words += 1;
            any = true;
            after_link = false;
            k += 1;
            end = k;
        }
        let _ = words;
        if !any || end == i {
            return None;
        }
        if end > i + 1 {
            plain_digits = None;
        }
        Some(Core {
            v: total + hund + rest,
            end,
            scale: scale_seen,
            plain_digits,
        })
    }

    /// A cardinal covering exactly tokens `i..j` (or `a`/`an` alone = 1).
    fn cardinal_exact(&self, i: usize, j: usize) -> Option<f64> {
        if j == i + 1 && matches!(self.w(i), "a" | "an") {
            return Some(1.0);
        }
        let c = self.cardinal(i, j)?;
        (c.end == j).then_some(c.v)
    }

    /// An ordinal denominator covering exactly tokens `i..j`.
    fn denominator(&self, i: usize, j: usize) -> Option<(f64, bool)> {
        if j <= i {
            return None;
        }
        let (ov, scale_ord) = ordinal_value(self.w(j - 1))?;
        let last = self.w(j - 1);
        if j == i + 1 {
            // `first`/`second` alone are not denominators.
            return (!matches!(last.trim_end_matches('s'), "first" | "second"))
                .then_some((ov, scale_ord));
        }
        if matches!(last, "half" | "halves" | "quarter" | "quarters") {
            return None;
        }
        // `twenty-first`, `thirty fifth`.
        let mut k = j - 1;
        if matches!(self.sym(k - 1), "-" | "‐" | "–") {
            k -= 1;
        }
        if ov < 10.0 && k == i + 1 {
            if let W::Tens(t) = self.class(i) {
                return Some((t + ov, false));
            }
            return None;
        }
        // `one hundred fifth`, `one thousand fifths`, `one hundred and fifth`.
        if !self.is_number_word(i) {
            return None;
        }
        let mut head_end = k;
        if self.w(head_end - 1) == "and" {
            head_end -= 1;
        }
        let tail = if ov < 10.0 && k >= i + 2 {
            if let W::Tens(t) = self.class(k - 1) {
                head_end = k - 1;
                t + ov
            } else {
                ov
            }
        } else {
            ov
        };
        let head = self.cardinal(i, head_end)?;
        if head.end != head_end || head.scale < 100.0 || head.v % 100.0 != 0.0 || scale_ord {
            return None;
        }
        Some((head.v + tail, false))
    }

    /// Fractions made of words: `two thirds`, `a half`, `one hundred and
    /// three and two thirds`, `three twenty-firsts`, `one and a half`.
    fn word_fraction(&self, i: usize) -> Option<(f64, usize)> {
        // The run of number words ending at the first ordinal.
        let mut j = i;
        let mut ord_end = None;
        while j < self.toks.len() && j < i + 16 {
            let w = self.w(j);
            if j > i
                && ordinal_value(w).is_some()
                && !(matches!(w, "first" | "second") && j == i + 1)
            {
                ord_end = Some(j + 1);
                break;
            }
            let ok = self.is_number_word(j)
                || matches!(self.class(j), W::Hundred | W::Scale(_) | W::And)
                || (j == i && matches!(w, "a" | "an"))
                || (matches!(w, "a" | "an") && self.w(j.wrapping_sub(1)) == "and")
                || (matches!(self.sym(j), "-" | "‐" | "–") && j > i);
            if !ok {
                return None;
            }
            j += 1;
        }
        let n = ord_end?;
        let last = n - 1;
        // A singular denominator other than `half` needs `of` or nothing
        // after it: `a third of`, but `a third term`, `one fifth grade`.
        let lw = self.w(last);
        let singular = !lw.ends_with('s') && lw != "half";
        if singular
            && self.toks.get(n).is_some_and(|t| t.k == K::Word)
            && self.w(n) != "of"
            && !matches!(self.class(n), W::Scale(_))
        {
            return None;
        }
        let mut result = None;
        // Mixed number: `X and <fraction>`.
        for a in (i + 1..last).rev() {
            if self.w(a) != "and" {
                continue;
            }
            let Some((fv, scale_ord, num_start)) = self.split_fraction(a + 1, n, true) else {
                continue;
            };
            let Some(left) = self.cardinal(i, a) else {
                continue;
            };
            if left.end != a {
                continue;
            }
            let unit_num = num_start == a + 2
                && (matches!(self.class(a + 1), W::Unit(_)) || matches!(self.w(a + 1), "a" | "an"));
            if !(scale_ord || unit_num) {
                continue;
            }
            result = Some((left.v, left.scale, fv));
            break;
        }
        let (lv, lscale, fv) = match result {
            Some(r) => r,
            None => {
                let (v, _, _) = self.split_fraction(i, n, false)?;
                (0.0, 1.0, v)
            }
        };
        // `five and a half million`, `one billion and a half million`.
        if let W::Scale(sc) = self.class(n) {
            if !self.w(n).ends_with('s') {
                let v = if lscale >= 1000.0 {
                    lv + fv * sc
                } else {
                    (lv + fv) * sc
                };
                return Some((v, n + 1));
            }
        }
        let big = if lscale >= 1000.0 { lscale } else { 1.0 };
        Some((lv + fv * big, n))
    }

    /// `and a half`, `and two thirds` after a number: the fraction and the
    /// token after it.
    fn and_fraction(&self, at: usize) -> Option<(f64, usize)> {
        if self.w(at) != "and" {
            return None;
        }
        let num_ok =
            matches!(self.w(at + 1), "a" | "an") || matches!(self.class(at + 1), W::Unit(_));
        let (_, scale_ord) = ordinal_value(self.w(at + 2))?;
        if !num_ok || scale_ord {
            return None;
        }
        let lw = self.w(at + 2);
        let singular = !lw.ends_with('s') && lw != "half";
        if singular
            && self.toks.get(at + 3).is_some_and(|t| t.k == K::Word)
            && self.w(at + 3) != "of"
        {
            return None;
        }
        let (fv, _, _) = self.split_fraction(at + 1, at + 3, true)?;
        Some((fv, at + 3))
    }

    /// Splits tokens `i..n` into numerator and denominator, longest
    /// denominator first. Returns the value, whether the denominator is a
    /// scale (`hundredths`), and where the denominator starts.
    fn split_fraction(&self, i: usize, n: usize, mixed: bool) -> Option<(f64, bool, usize)> {
        for k in i + 1..n {
            let dash_before = matches!(self.sym(k - 1), "-" | "‐" | "–");
            if matches!(self.sym(k), "-" | "‐" | "–") || (dash_before && k + 1 != n) {
                continue;
            }
            if self.w(k) == "and" || self.w(k - 1) == "and" {
                continue;
            }
            let Some((den, scale_ord)) = self.denominator(k, n) else {
                continue;
            };
            let num_end = if dash_before { k - 1 } else { k };
            if num_end <= i {
                continue;
            }
            let Some(num) = self.cardinal_exact(i, num_end) else {
                continue;
            };
            if scale_ord && !mixed && !matches!(self.w(i), "a" | "an") {
                continue;
            }
            if den == 0.0 {
                continue;
            }
            return Some((num / den, scale_ord, k));
        }
        None
    }

    /// `point seventy-one`, `point zero three`: decimals read as words.
    fn point_decimals(&self, i: usize) -> Option<(f64, usize)> {
        if self.w(i) != "point" {
            return None;
        }
        let mut digits = String::new();
        let mut k = i + 1;
        loop {
            match self.class(k) {
                W::Unit(v) => {
                    digits.push_str(&format!("{}", v as u8));
                    k += 1;
                }
                W::Teen(v) => {
                    digits.push_str(&format!("{}", v as u8));
                    k += 1;
                }
                W::Tens(v) => {
                    let mut t = v as u8;
                    if matches!(self.sym(k + 1), "-") {
                        if let W::Unit(u) = self.class(k + 2) {
                            t += u as u8;
                            k += 2;
                        }
                    } else if let W::Unit(u) = self.class(k + 1) {
                        if u > 0.0 {
                            t += u as u8;
                            k += 1;
                        }
                    }
                    digits.push_str(&format!("{t}"));
                    k += 1;
                }
                _ => break,
            }
        }
        if digits.is_empty() {
            return None;
        }
        let v: f64 = format!("0.{digits}").parse().ok()?;
        Some((v, k))
    }

    /// The number core at token `i`, if any. Returns `Err(next)` to skip.
    fn core(&self, i: usize) -> Result<Option<Core>, usize> {
        let t = self.toks[i];
        match t.k {
            K::Code => Err(i + 1),
            K::Num { frac: true, .. } => Ok(Some(Core {
                v: t.v,
                end: i + 1,
                scale: 1.0,
                plain_digits: None,
            })),
            K::Num { .. } => {
                let Some(mut c) = self.cardinal(i, self.toks.len()) else {
                    return Ok(None);
                };
                // `3 million and a half`.
                if let Some((fv, e)) = self.and_fraction(c.end) {
                    c.v += fv * if c.scale >= 1000.0 { c.scale } else { 1.0 };
                    c.end = e;
                    c.plain_digits = None;
                }
                // `2 1/4`.
                if c.end == i + 1 {
                    if let Some(n) = self.toks.get(i + 1) {
                        if matches!(n.k, K::Num { frac: true, .. }) && !self.glued(i) {
                            c.v += n.v;
                            c.end += 1;
                            c.plain_digits = None;
                        }
                    }
                }
                Ok(Some(c))
            }
            K::Word => {
                let w = self.w(i);
                // `half a million`, `a quarter million`, `half a dozen`.
                let (lead, hw) = if matches!(w, "a" | "an") {
                    (i + 1, self.w(i + 1))
                } else {
                    (i, w)
                };
                if matches!(hw, "half" | "quarter") {
                    let f = if hw == "half" { 0.5 } else { 0.25 };
                    let mut k = lead + 1;
                    if matches!(self.w(k), "a" | "an") {
                        k += 1;
                    }
                    match self.class(k) {
                        W::Scale(s) if !self.w(k).ends_with('s') => {
                            return Ok(Some(Core {
                                v: f * s,
                                end: k + 1,
                                scale: s,
                                plain_digits: None,
                            }));
                        }
                        W::Dozen if self.w(k) == "dozen" => {
                            return Ok(Some(Core {
                                v: f * 12.0,
                                end: k + 1,
                                scale: 1.0,
                                plain_digits: None,
                            }));
                        }
                        _ => {}
                    }
                }
                if w == "half" && self.bound_before(i).0 != Bound::Exact {
                    return Ok(Some(Core {
                        v: 0.5,
                        end: i + 1,
                        scale: 1.0,
                        plain_digits: None,
                    }));
                }
                if matches!(w, "a" | "an") && matches!(self.w(i + 1), "couple" | "pair") {
                    return Ok(Some(Core {
                        v: 2.0,
                        end: i + 2,
                        scale: 1.0,
                        plain_digits: None,
                    }));
                }
                if w == "one" {
                    let prev = self.w(i.wrapping_sub(1));
                    if i > 0 && ONE_DETERMINERS.contains(&prev) && self.toks[i - 1].k == K::Word {
                        return Err(i + 1);
                    }
                    if matches!(self.w(i + 1), "another" | "anothers") {
                        return Err(i + 2);
                    }
                }
                let starts = self.is_number_word(i) || matches!(w, "a" | "an");
                if !starts {
                    return Ok(None);
                }
                if let Some((v, end)) = self.word_fraction(i) {
                    return Ok(Some(Core {
                        v,
                        end,
                        scale: 1.0,
                        plain_digits: None,
                    }));
                }
                if matches!(w, "a" | "an")
                    && !matches!(self.class(i + 1), W::Hundred | W::Scale(_) | W::Dozen)
                {
                    return Ok(None);
                }
                if matches!(w, "a" | "an") && self.w(i + 1).ends_with('s') {
                    return Ok(None);
                }
                let Some(mut c) = self.cardinal(i, self.toks.len()) else {
                    return Ok(None);
                };
                // `twenty-first`, `twenty first`: an ordinal, not a number.
                let dash = matches!(self.sym(c.end), "-" | "‐" | "–") && self.glued(c.end);
                let ord_at = if dash { c.end + 1 } else { c.end };
                if let Some((ov, false)) = ordinal_value(self.w(ord_at)) {
                    let tens_before = matches!(self.class(c.end - 1), W::Tens(_));
                    if ov < 10.0 && (dash || tens_before) && !self.w(ord_at).ends_with('s') {
                        return Err(ord_at + 1);
                    }
                }
                if let Some((d, end)) = self.point_decimals(c.end) {
                    if c.v.fract() == 0.0 {
                        c.v += d;
                        c.end = end;
                    }
                }
                Ok(Some(c))
            }
            K::Sym => {
                // Each in `VULGAR_FRACTIONS`.
                let v = match self.sym(i) {
                    "½" => 0.5,
                    "⅓" => 1.0 / 3.0,
                    "⅔" => 2.0 / 3.0,
                    "¼" => 0.25,
                    "¾" => 0.75,
                    "⅕" => 0.2,
                    "⅙" => 1.0 / 6.0,
                    "⅛" => 0.125,
                    _ => return Ok(None),
                };
                Ok(Some(Core {
                    v,
                    end: i + 1,
                    scale: 1.0,
                    plain_digits: None,
                }))
            }
        }
    }

    fn parse_at(&self, i: usize) -> Step {
        let t = self.toks[i];
        // Designations and glued prefixes: Mi-35, F-16, A320, COVID-19, '90s.
        let mut cur: Option<String> = None;
        if matches!(t.k, K::Num { .. }) && i > 0 && self.glued(i - 1) {
            let p = self.toks[i - 1];
            if p.k == K::Word {
                let raw = self.raw(i - 1);
                if let Some(c) = iso_code(raw) {
                    cur = Some(c.to_string());
                } else if matches!(raw, "Rs" | "RS" | "rs") {
                    cur = Some("rupee".into());
                } else {
                    return Step::Skip(self.skip_glued(i));
                }
            } else if self.sym(i - 1) == "-" || self.sym(i - 1) == "‐" {
                // `F-16`, `COVID-19` (but `10-20` is a range, `-1` a sign).
                if i >= 2 && self.glued(i - 2) && self.toks[i - 2].k == K::Word {
                    return Step::Skip(self.skip_glued(i));
                }
                // `2015-16`: a fiscal year.
                if i >= 2 && self.glued(i - 2) {
                    let p = self.toks[i - 2];
                    if matches!(
                        p.k,
                        K::Num {
                            plain: true,
                            digits: 4,
                            ..
                        }
                    ) && (1800.0..=2100.0).contains(&p.v)
                    {
                        return Step::Skip(self.skip_glued(i));
                    }
                }
            } else if matches!(self.sym(i - 1), "'" | "’" | "#") {
                return Step::Skip(self.skip_glued(i));
            }
        }
        // `four Mi 35 helicopters`, `the Su 30MKI`: a designation with a
        // space.
        if self.spaced_designation(i) {
            return Step::Skip(self.skip_glued(i));
        }
        // `Section 144`, `Article 370`, `Flight 370`, `No. 10`: labels.
        if matches!(t.k, K::Num { .. }) && i > 0 {
            let label = if self.sym(i - 1) == "." {
                i.checked_sub(2)
            } else {
                Some(i - 1)
            };
            if let Some(l) = label {
                let capital = self.raw(l).chars().next().is_some_and(char::is_uppercase);
                if capital && LABELS.contains(&self.w(l)) {
                    return Step::Skip(self.skip_glued(i));
                }
            }
        }
        let core = match self.core(i) {
            Ok(Some(c)) => c,
            Ok(None) => return Step::Skip(i + 1),
            Err(n) => return Step::Skip(n),
        };
        let mut v = core.v;
        let mut end = core.end;
        let mut scale = core.scale;
        let mut plain = core.plain_digits;
        let mut unit = Unit::Count;
        // Glued suffix: 153m, 2.4bn, 10k, 21st, 1990s, 29km, 9am.
        let last_num = end - 1;
        if self.is_num(last_num) && self.glued(last_num) {
            if let Some(nt) = self.toks.get(end) {
                if nt.k == K::Word {
                    // `9M120`, `3M22`, `2S19`: digits, letters and digits
                    // run together name a model, not an amount (`9M` alone
                    // is nine million).
                    if self.glued(end) && self.is_num(end + 1) {
                        return Step::Skip(self.skip_glued(last_num));
                    }
                    let raw = self.raw(end);
                    let lw = self.w(end);
                    let is_dec = matches!(self.toks[last_num].k, K::Num { decimal: true, .. });
                    if let Some(c) = symbol_currency(raw) {
                        // `100元`.
                        cur = Some(c.to_string());
                        end += 1;
                    }
                    let suffix_scale = match lw {
                        _ if cur.is_some() && end > last_num + 1 => None,
                        "k" => Some(1e3),
                        "m" if raw == "M" || cur.is_some() || self.prefix_currency(i).is_some() => {
                            Some(1e6)
                        }
                        "mm" if raw == "MM"
                            || cur.is_some()
                            || self.prefix_currency(i).is_some() =>
                        {
                            Some(1e6)
                        }
                        "mn" | "mln" | "mil" => Some(1e6),
                        "bn" | "bln" => Some(1e9),
                        "b" if raw == "B"
                            || is_dec
                            || cur.is_some()
                            || self.prefix_currency(i).is_some() =>
                        {
                            Some(1e9)
                        }
                        "tn" | "tln" | "trn" => Some(1e12),
                        "cr" => Some(1e7),
                        _ => match word_class(lw) {
                            W::Scale(s) => Some(s),
                            _ => None,
                        },
                    };
                    if let Some(s) = suffix_scale {
                        v *= s;
                        scale = scale.max(s);
                        end += 1;
                        plain = None;
                    } else if end > last_num + 1 {
                    } else if let Some(c) = iso_code(raw) {
                        cur = Some(c.to_string());
                        end += 1;
                        plain = None;
                    } else if matches!(lw, "dozen" | "dozens" | "dz" | "dzs") {
                        v *= 12.0;
                        end += 1;
                    } else {
                        return Step::Skip(end + 1);
                    }
                }
            }
        }
        // Scale words after a scaled suffix are not repeated; `k` alone.
        let dec_last = matches!(
            self.toks.get(end - 1),
            Some(Tok {
                k: K::Num { decimal: true, .. },
                ..
            })
        );
        if self.is_num(end - 1)
            && !self.glued(end - 1)
            && dec_last
            && matches!(self.raw(end), "M" | "G" | "B")
        {
            v *= match self.raw(end) {
                "M" => 1e6,
                "G" => 1e9,
                _ => 1e9,
            };
            end += 1;
            plain = None;
        }
        if self.is_num(end - 1) && !self.glued(end - 1) && self.w(end) == "k" && !self.glued(end) {
            v *= 1e3;
            end += 1;
            plain = None;
        }
        // Times: 9 am, 10 p.m., 1430 GMT, 0900 hrs. `hrs` after a number of
        // one or two digits is a duration (`15 hrs`): hours counted.
        let clock_hrs = self.w(end) == "hrs"
            && (self.raw(end - 1).len() == 4 || self.sym(end.wrapping_sub(2)) == ":");
        if matches!(
            self.w(end),
            "am" | "pm" | "gmt" | "utc" | "pst" | "est" | "pkt" | "ist"
        ) || clock_hrs
            || (matches!(self.w(end), "a" | "p")
                && self.sym(end + 1) == "."
                && self.w(end + 2) == "m")
        {
            return Step::Skip(end + 1);
        }
        // Ordinal words glued after a number written in words are not ours.
        // Dates: `July 10`, `10 July`.
        if v.fract() == 0.0 && (1.0..=31.0).contains(&v) && self.is_num(i) {
            let prev = self.w(i.wrapping_sub(1));
            let prev_is_month = i > 0
                && MONTHS.contains(&prev)
                && (prev != "may" || self.raw(i - 1) == "May")
                && prev != "mar";
            let next = self.w(end);
            let next_is_month = MONTHS.contains(&next)
                && (next != "may" || self.raw(end) == "May")
                && next != "mar"
                && next != "jan";
            if prev_is_month || next_is_month {
                return Step::Skip(end);
            }
        }
        // Currency before.
        let mut start_tok = i;
        if cur.is_none() {
            if let Some((c, st)) = self.prefix_currency(i) {
                cur = Some(c);
                start_tok = st;
                plain = None;
            }
        } else if i > 0 {
            start_tok = i - 1;
        }
        // Sign: `-1`, `minus one`, `negative five`.
        let mut neg = false;
        if start_tok > 0 {
            let p = start_tok - 1;
            let s = self.sym(p);
            let dash_sign = matches!(s, "-" | "−")
                && !(p > 0 && (self.is_num(p - 1) || self.toks[p - 1].k == K::Word))
                && (self.glued(p) || p == 0);
            if dash_sign || matches!(self.w(p), "minus" | "negative") {
                neg = true;
                start_tok = p;
            }
        }
        if neg {
            v = -v;
            plain = None;
        }
        // Currency or percent after.
        if cur.is_none() {
            if let Some(s) = symbol_currency(self.sym(end)) {
                if s != "USD"
                    || self
                        .toks
                        .get(end + 1)
                        .is_none_or(|n| !matches!(n.k, K::Num { .. }))
                {
                    cur = Some(s.to_string());
                    end += 1;
                }
            } else if let Some(c) = self.raw_iso_after(end) {
                cur = Some(c.to_string());
                end += 1;
            } else if let Some((c, e)) = self.currency_words_after(end, scale >= 1e6) {
                cur = Some(c.to_string());
                end = e;
            }
        } else if let Some(c) = self.raw_iso_after(end) {
            // `$ 15 USD`: keep the more specific code.
            cur = Some(c.to_string());
            end += 1;
        }
        if let Some(c) = cur {
            unit = Unit::Currency(c);
            plain = None;
        } else if self.sym(end) == "%" {
            unit = Unit::Percent;
            end += 1;
        } else if matches!(self.w(end), "percent" | "pct" | "per-cent")
            || (self.w(end) == "per" && self.w(end + 1) == "cent")
        {
            unit = Unit::Percent;
            end += if self.w(end) == "per" { 2 } else { 1 };
            if matches!(self.w(end), "point" | "points") && self.w(end - 1) == "percentage" {
                end += 1;
            }
        } else if self.w(end) == "percentage" && matches!(self.w(end + 1), "point" | "points") {
            unit = Unit::Percent;
            end += 2;
        }
        if unit != Unit::Count {
            plain = None;
        }
        // `over 3`: `one over three` is a fraction at the end of a text.
        if unit == Unit::Count && self.w(end) == "over" {
            if let Ok(Some(d)) = self.core(end + 1) {
                let at_end =
                    d.end >= self.toks.len() || self.sym(d.end) == "?" || self.sym(d.end) == ".";
                if at_end && d.v != 0.0 {
                    v /= d.v;
                    end = d.end;
                    plain = None;
                }
            }
        }
        // Bound before.
        let (bound, bstart) = self.bound_before(start_tok);
        let mut bound = bound;
        if bound != Bound::Exact {
            plain = None;
        }
        // Bound after: `or more`, `or so`.
        if self.w(end) == "or" {
            let nb = match self.w(end + 1) {
                "more" => Some(Bound::AtLeast),
                "so" => Some(Bound::Approx),
                "less" | "fewer" => Some(Bound::AtMost),
                _ => None,
            };
            if let Some(nb) = nb {
                if bound == Bound::Exact {
                    bound = nb;
                }
                end += 2;
            }
        }
        // Years.
        if let Some(d) = plain {
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let year_prep = matches!(
                prev,
                "in" | "since"
                    | "by"
                    | "until"
                    | "till"
                    | "from"
                    | "of"
                    | "during"
                    | "before"
                    | "after"
                    | "between"
                    | "and"
                    | "early"
                    | "late"
                    | "mid"
                    | "year"
                    | "the"
                    | "to"
                    | "through"
                    | "circa"
                    | "fiscal"
            );
            if d == 4 && (1800.0..=2100.0).contains(&v) && (year_prep || !self.counted_after(end)) {
                return Step::Skip(end);
            }
        }
        let (Some(st), Some(et)) = (self.toks.get(bstart), self.toks.get(end - 1)) else {
            return Step::Skip(end);
        };
        Step::Found(Found {
            s: st.s,
            e: et.e,
            ts: bstart,
            te: end,
            value: v,
            upper: None,
            bound,
            unit,
            scale,
        })
    }

    /// Whether the literal at token `i` is the number of a model designation
    /// written with a space after its letters: `four Mi 35 helicopters`,
    /// `two Su 30MKI jets`, `the Tu 160`, `the KSE 100 index` (see
    /// [`designation_prefix`] for the letters). The number is whole digits,
    /// with at most a few capitals glued after it (`35M`, `30MKI`, or a
    /// plural `s`), and no amount word follows: `US 35% tariff`, `Sh 35
    /// million`, `Tk 50 crore` and `Ali 35-year-old` stay amounts.
    fn spaced_designation(&self, i: usize) -> bool {
        if !matches!(
            self.toks.get(i),
            Some(Tok {
                k: K::Num {
                    plain: true,
                    frac: false,
                    ..
                },
                ..
            })
        ) || i == 0
            || self.glued(i - 1)
            || self.toks[i - 1].k != K::Word
        {
            return false;
        }
        // The letters stand alone: not the end of `PML-N` or `S&P`.
        if i >= 2 && self.glued(i - 2) && !matches!(self.sym(i - 2), "(" | "\"" | "'" | "‘" | "“")
        {
            return false;
        }
        if !designation_prefix(self.raw(i - 1)) {
            return false;
        }
        let e = i + 1;
        if self.glued(i) {
            match self.toks.get(e) {
                Some(t) if t.k == K::Word => {
                    // `35M`, `30MKI`: a variant, whatever follows.
                    let raw = self.raw(e);
                    let capitals = raw.len() <= 3 && raw.bytes().all(|b| b.is_ascii_uppercase());
                    return (capitals || raw == "s") && !(self.glued(e) && self.is_num(e + 1));
                }
                Some(t) if t.k == K::Sym => {
                    if !matches!(
                        self.sym(e),
                        "," | "." | ";" | ")" | "'" | "’" | "\"" | "”" | "?" | "!"
                    ) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        // Then a noun, or (after letters not all capitals) the end of the
        // phrase: `the Mi 35.`, but `BJP 282, Congress 44` is a tally.
        if self.toks.get(e).is_none_or(|t| t.k != K::Word) {
            return self
                .raw(i - 1)
                .bytes()
                .skip(1)
                .any(|b| b.is_ascii_lowercase());
        }
        // No amount word after it.
        let next = self.w(e);
        !(self.is_number_word(e)
            || matches!(self.class(e), W::Scale(_) | W::Hundred | W::Dozen)
            || matches!(
                next,
                "percent" | "pct" | "per" | "percentage" | "am" | "pm" | "gmt" | "utc" | "hrs"
            )
            || self.currency_words_after(e, true).is_some()
            || self.raw_iso_after(e).is_some())
    }

    /// Skips a literal glued to letters and the letters after it.
    fn skip_glued(&self, i: usize) -> usize {
        let mut k = i + 1;
        while k < self.toks.len() && self.glued(k - 1) && self.toks[k].k != K::Sym {
            k += 1;
        }
        k
    }

    fn raw_iso_after(&self, end: usize) -> Option<&'static str> {
        let t = self.toks.get(end)?;
        if t.k != K::Word {
            return None;
        }
        iso_code(self.raw(end))
    }

    fn currency_words_after(&self, end: usize, scaled: bool) -> Option<(&'static str, usize)> {
        // `12-cent`, `one-yen`.
        let mut k = end;
        if matches!(self.sym(k), "-") && self.glued(k - 1) && self.glued(k) {
            k += 1;
        }
        // Every entry starts with a word: most numbers have none after them,
        // or not one of those.
        let first = self.w(k);
        if first.is_empty() {
            return None;
        }
        for (words, code, needs_scale) in CURRENCY_WORDS {
            if words[0] != first
                || *needs_scale && !(scaled || self.w(k + words.len()) == "sterling")
            {
                continue;
            }
            if words[1..]
                .iter()
                .enumerate()
                .all(|(n, w)| self.w(k + 1 + n) == *w)
            {
                let mut e = k + words.len();
                if self.w(e) == "sterling" {
                    e += 1;
                }
                return Some((code, e));
            }
        }
        None
    }

    /// A currency written before the number at token `i`: returns the code
    /// and the first token of the prefix.
    fn prefix_currency(&self, i: usize) -> Option<(String, usize)> {
        if i == 0 {
            return None;
        }
        let p = i - 1;
        let s = self.sym(p);
        if let Some(code) = symbol_currency(s) {
            let mut st = p;
            let mut code = code.to_string();
            if s == "$" && p > 0 {
                let q = p - 1;
                let lw = self.w(q);
                let near = self.glued(q) || matches!(lw, "us" | "c" | "hk" | "usd");
                if self.toks[q].k == K::Word && near {
                    if let Some(c) = dollar_prefix(lw) {
                        code = c.to_string();
                        st = q;
                    }
                } else if self.sym(q) == "."
                    && self.w(q.wrapping_sub(1)) == "s"
                    && self.sym(q.wrapping_sub(2)) == "."
                {
                    if q >= 3 && self.w(q - 3) == "u" {
                        code = "USD".into();
                        st = q - 3;
                    }
                } else if q >= 2
                    && self.w(q) == "s"
                    && self.sym(q - 1) == "."
                    && self.w(q - 2) == "u"
                {
                    code = "USD".into();
                    st = q - 2;
                }
            }
            return Some((code, st));
        }
        if self.toks[p].k == K::Word {
            let raw = self.raw(p);
            if let Some(c) = iso_code(raw) {
                return Some((c.to_string(), p));
            }
            if matches!(raw, "Rs" | "RS") {
                return Some(("rupee".into(), p));
            }
        }
        if s == "." && p > 0 && matches!(self.raw(p - 1), "Rs" | "RS" | "rs") {
            return Some(("rupee".into(), p - 1));
        }
        None
    }

    /// Modifiers before token `st`: returns the bound and the first token.
    fn bound_before(&self, st: usize) -> (Bound, usize) {
        let w1 = if st >= 1 { self.w(st - 1) } else { "" };
        let w2 = if st >= 2 { self.w(st - 2) } else { "" };
        let w3 = if st >= 3 { self.w(st - 3) } else { "" };
        let three = match (w3, w2, w1) {
            ("no", "more", "than") => Some(Bound::AtMost),
            ("no", "fewer" | "less", "than") => Some(Bound::AtLeast),
            ("as", "many" | "much", "as") => Some(Bound::AtMost),
            ("in", "excess", "of") => Some(Bound::MoreThan),
            _ => None,
        };
        if let Some(b) = three {
            return (b, st - 3);
        }
        let two = match (w2, w1) {
            ("at", "least") => Some(Bound::AtLeast),
            ("more" | "greater" | "higher", "than") => Some(Bound::MoreThan),
            ("up", "to") => Some(Bound::AtMost),
            ("at", "most") => Some(Bound::AtMost),
            ("less" | "fewer" | "lower", "than") => Some(Bound::LessThan),
            ("upwards" | "upward", "of") => Some(Bound::MoreThan),
            ("close", "to") => Some(Bound::Approx),
            ("an", "estimated") => Some(Bound::Approx),
            ("just" | "well" | "slightly", "over" | "above") => Some(Bound::MoreThan),
            ("just" | "slightly", "under" | "below") => Some(Bound::LessThan),
            _ => None,
        };
        if let Some(b) = two {
            return (b, st - 2);
        }
        let one = match w1 {
            "about" | "around" | "roughly" | "some" | "approximately" | "estimated" | "approx"
            | "circa" | "c" | "~" => Some(Bound::Approx),
            "nearly" | "almost" => Some(Bound::Nearly),
            // A verb of passing a mark: `exports exceeded $15bn`.
            "over" | "above" | "exceeding" | "exceeded" | "exceeds" | "topped" | "tops"
            | "surpassed" | "surpasses" => Some(Bound::MoreThan),
            "under" | "below" => Some(Bound::LessThan),
            "upto" => Some(Bound::AtMost),
            _ => None,
        };
        if let Some(b) = one {
            if w1 != "c" || self.glued(st - 1) {
                return (b, st - 1);
            }
        }
        if self.sym(st.wrapping_sub(1)) == "~" {
            return (Bound::Approx, st - 1);
        }
        (Bound::Exact, st)
    }

    /// Whether a counted plural noun follows token `end` (`2000 people`).
    fn counted_after(&self, end: usize) -> bool {
        let Some(t) = self.toks.get(end) else {
            return false;
        };
        if t.k != K::Word {
            return false;
        }
        let w = self.w(end);
        const PLURALS: &[&str] = &[
            "people",
            "men",
            "women",
            "children",
            "police",
            "personnel",
            "staff",
            "troops",
        ];
        if PLURALS.contains(&w) {
            return true;
        }
        if MONTHS.contains(&w) {
            return false;
        }
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            && !w.contains('\'')
            && !w.contains('’')
            && !matches!(
                w,
                "was" | "has" | "does" | "its" | "this" | "thus" | "whereas" | "unless" | "across"
            )
            && self.toks.get(end).is_some_and(|t| {
                self.text
                    .get(t.s..t.s + 1)
                    .is_some_and(|c| c.chars().all(|c| c.is_lowercase()))
            })
    }

    /// Joins `252 to 287`, `10-20`, `between 10 and 20` into ranges.
    fn merge_ranges(&self, found: &mut Vec<Found>) {
        let mut out: Vec<Found> = Vec::with_capacity(found.len());
        let mut k = 0;
        while k < found.len() {
            let a = found[k].clone();
            if let Some(b) = found.get(k + 1) {
                let gap_tok = b.ts.checked_sub(a.te);
                let sep = if gap_tok == Some(1) {
                    let s = self.sym(a.te);
                    let w = self.w(a.te);
                    let between = w == "and" && a.ts > 0 && self.w(a.ts - 1) == "between";
                    (matches!(s, "-" | "–" | "—") || w == "to" || between).then_some(w)
                } else {
                    None
                };
                if sep.is_some() && a.bound != Bound::LessThan && b.bound == Bound::Exact {
                    let compatible =
                        a.unit == b.unit || a.unit == Unit::Count || b.unit == Unit::Count;
                    let mut lo = a.value;
                    if a.scale < b.scale && b.scale >= 1e3 && lo * b.scale <= b.value {
                        lo *= b.scale;
                    }
                    if compatible && lo < b.value && lo >= 0.0 {
                        let unit = if a.unit == Unit::Count {
                            b.unit.clone()
                        } else {
                            a.unit.clone()
                        };
                        let mut s = a.s;
                        let mut ts = a.ts;
                        if a.ts > 0
                            && matches!(self.w(a.ts - 1), "between" | "from")
                            && a.bound == Bound::Exact
                        {
                            ts = a.ts - 1;
                            s = self.toks[ts].s;
                        }
                        out.push(Found {
                            s,
                            e: b.e,
                            ts,
                            te: b.te,
                            value: lo,
                            upper: Some(b.value),
                            bound: a.bound,
                            unit,
                            scale: b.scale,
                        });
                        k += 2;
                        continue;
                    }
                }
            }
            out.push(a);
            k += 1;
        }
        *found = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`iso_code`] rules out at once what is not three capitals.
    #[test]
    fn iso_codes_are_three_capitals() {
        for c in ISO_CODES.iter().chain(&["RMB"]) {
            assert!(
                c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()),
                "{c}"
            );
            assert!(iso_code(c).is_some(), "{c}");
        }
    }

    /// The sorted tables answer as a look-up in their lists would.
    #[test]
    fn word_tables_answer_as_their_lists() {
        let listed = WORD_CLASSES
            .iter()
            .map(|(w, _)| *w)
            .chain(ORDINALS.iter().map(|(w, _, _)| *w));
        let mut words: Vec<String> = Vec::new();
        for w in listed.chain(["", "a", "the", "onee", "tenths", "'s", "zzzzzzzzzzzzzzzzzz"]) {
            words.extend([
                w.to_string(),
                format!("{w}s"),
                format!("{w}ss"),
                w.to_uppercase(),
                w[..w.len() / 2].to_string(),
            ]);
        }
        for w in &words {
            let class = WORD_CLASSES
                .iter()
                .find(|(x, _)| x == w)
                .map_or(W::Other, |&(_, c)| c);
            assert_eq!(word_class(w), class, "{w}");
            let stem = w.strip_suffix('s').unwrap_or(w);
            let ordinal = ORDINALS
                .iter()
                .find(|(x, _, _)| *x == stem)
                .map(|&(_, v, s)| (v, s));
            assert_eq!(ordinal_value(w), ordinal, "{w}");
        }
    }

    /// A text with none of what numbers start with holds none; each such
    /// word, in any case, is seen.
    #[test]
    fn may_hold_number_misses_no_number() {
        let starts = WORD_CLASSES
            .iter()
            .map(|(w, _)| w.to_string())
            .chain(ORDINALS.iter().map(|(w, _, _)| w.to_string()))
            .chain(ORDINALS.iter().map(|(w, _, _)| format!("{w}s")))
            .chain(["couple".to_string(), "pair".to_string()])
            .filter(|w| may_start_number(w));
        for w in starts {
            for t in [format!("they sold {w}, not all"), w.to_uppercase()] {
                assert!(may_hold_number(&t), "{t:?}");
            }
        }
        for t in [
            "The deal was signed on Monday in Moscow.",
            "He came first and second; a second look, a first.",
            "Onerous, twentyish and tenthly: \u{2019}tis known.",
        ] {
            assert!(!may_hold_number(t), "{t:?}");
        }
        for t in ["It is 5.", "a \u{bd} share", "a third of them", "a dozen"] {
            assert!(may_hold_number(t), "{t:?}");
        }
        // Every text the look rules out holds no number by the full parse.
        let pieces = [
            "a",
            "an",
            "A",
            "third",
            "thirds",
            "first",
            "second",
            "seconds",
            "-",
            "and",
            "half",
            "dozen",
            "couple",
            "pair",
            "one",
            "point",
            "minus",
            "over",
            "fifth",
            "of",
            "the",
            "$",
            "%",
            "percent",
            "million",
            "k",
            "or",
            "more",
            "at",
            "least",
            "Rs",
            ".",
            "pounds",
            "hundredths",
            "firstly",
            "Second",
            "twenty-first",
            "\u{e9}",
            "\u{2019}",
        ];
        for a in pieces {
            for b in pieces {
                for c in ["a", "second", "and", "-"] {
                    for t in [format!("{a} {b} {c}"), format!("{c} {a}-{b}")] {
                        if !may_hold_number(&t) {
                            assert!(
                                parse_numbers(&t, &t.to_ascii_lowercase()).is_empty(),
                                "{t:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    /// `~15`, `>=8`, `153000000 USD`, `252..287`, `15 %`.
    fn describe(m: &NumberMention) -> String {
        let a = &m.amount;
        let b = match a.bound {
            Bound::Exact => "",
            Bound::Approx => "~",
            Bound::AtLeast => ">=",
            Bound::AtMost => "<=",
            Bound::MoreThan => ">",
            Bound::LessThan => "<",
            Bound::Nearly => "~<",
        };
        let mut s = format!("{b}{}", a.value);
        if let Some(u) = a.upper {
            s.push_str(&format!("..{u}"));
        }
        match &a.unit {
            Unit::Count => {}
            Unit::Percent => s.push_str(" %"),
            Unit::Currency(c) => s.push_str(&format!(" {c}")),
        }
        s
    }

    fn check(input: &str, want: &[&str]) {
        let got = recognize_numbers(input);
        for m in &got {
            assert!(
                input.is_char_boundary(m.span.start) && input.is_char_boundary(m.span.end),
                "{input:?}"
            );
        }
        let got: Vec<String> = got.iter().map(describe).collect();
        assert_eq!(got, want, "input: {input:?}");
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            // Number words.
            ("The navy bought four frigates.", &["4"]),
            ("Twenty-one soldiers were hurt.", &["21"]),
            ("It has one hundred and five rooms.", &["105"]),
            ("She ordered a dozen eggs.", &["12"]),
            (
                "He gave a pair of shoes and a couple of books.",
                &["2", "2"],
            ),
            ("The city has half a million people.", &["500000"]),
            ("Two thirds of voters agreed.", &["0.6666666666666666"]),
            ("A half of the budget went on salaries.", &["0.5"]),
            ("One-third of the area flooded.", &["0.3333333333333333"]),
            ("Mix 3/4 of the flour.", &["0.75"]),
            ("two and a half days", &["2.5"]),
            // Digits.
            ("The project cost 1,250 workers their jobs.", &["1250"]),
            ("Output grew 3.5 times.", &["3.5"]),
            ("There were 40 000 fans.", &["40000"]),
            // Scales and currencies.
            ("The $153m deal was signed.", &["153000000 USD"]),
            ("a USD153 million contract", &["153000000 USD"]),
            ("It will cost Rs 5bn over a year.", &["5000000000 rupee"]),
            ("It will cost Rs5bn.", &["5000000000 rupee"]),
            ("Tickets cost €15 each.", &["15 EUR"]),
            ("The plan costs £2.4bn.", &["2400000000 GBP"]),
            ("They paid 15 million dollars.", &["15000000 USD"]),
            ("a US$ 3 billion loan", &["3000000000 USD"]),
            ("The PKR 20 billion budget", &["20000000000 PKR"]),
            ("about 20 billion rupees", &["~20000000000 rupee"]),
            (
                "India has 13 lakh teachers and 2 crore pupils.",
                &["1300000", "20000000"],
            ),
            (
                "a 10k run and 2.5 trillion yen",
                &["10000", "2500000000000 JPY"],
            ),
            // Percentages.
            ("Inflation hit 15% in May.", &["15 %"]),
            ("Turnout was 15 per cent.", &["15 %"]),
            ("Turnout was 15 percent.", &["15 %"]),
            // Ranges.
            ("Its range is 252 to 287 miles.", &["252..287"]),
            ("between 10 and 20 people", &["10..20"]),
            ("10-20 people", &["10..20"]),
            ("$10-20 million", &["10000000..20000000 USD"]),
            // Approximations and bounds.
            ("about 15 hours", &["~15"]),
            ("around 300 troops and nearly 40 tanks", &["~300", "~<40"]),
            (
                "almost 12, roughly 9, some 200, approximately 7",
                &["~<12", "~9", "~200", "~7"],
            ),
            (
                "nearly eight helicopters, nearly 8,000 troops, almost 20",
                &["~<8", "~<8000", "~<20"],
            ),
            (
                "an estimated 3,000 people and close to 90 others",
                &["~3000", "~90"],
            ),
            ("at least eight other people", &[">=8"]),
            (
                "more than 50 and over 60 and upwards of 70",
                &[">50", ">60", ">70"],
            ),
            (
                "up to 30, at most 20, no more than 10",
                &["<=30", "<=20", "<=10"],
            ),
            ("under 5, less than 6, fewer than 7", &["<5", "<6", "<7"]),
            (
                "exports exceeded $15bn; sales topped 40 and surpassed 30",
                &[">15000000000 USD", ">40", ">30"],
            ),
            ("more than half of them", &[">0.5"]),
            ("100 or more people", &[">=100"]),
            ("20 or so boats", &["~20"]),
            // `one` counts, except as a pronoun.
            ("one of Pakistan's ministers", &["1"]),
            ("the one on the left", &[]),
            ("Which one do you prefer?", &[]),
            // Years are not numbers.
            ("It happened in 2007.", &[]),
            ("2015 was a good year.", &[]),
            ("Music of the 1990s", &[]),
            ("from 2010 to 2015", &[]),
            ("In 2000 people marched.", &[]),
            ("2000 people marched.", &["2000"]),
            ("about 1900 soldiers", &["~1900"]),
            // Ordinals.
            ("the first time", &[]),
            ("on the 21st floor", &[]),
            ("for the second time", &[]),
            ("the twenty-first century", &[]),
            ("She came third.", &[]),
            ("seeking a third term", &[]),
            // Dates and times.
            ("on July 10, 2015", &[]),
            ("on 10 July 2015", &[]),
            ("on 10/7/2015", &[]),
            ("on 2015-08-20", &[]),
            ("at 10:30 today", &[]),
            ("at 9am and 10 p.m.", &[]),
            ("It was 24/7 work.", &[]),
            // Designations.
            ("four Mi-35 helicopters", &["4"]),
            ("F-16 jets and S-400 systems", &[]),
            ("the MFI-17 trainer", &[]),
            ("Mi-35M and MI-35M", &[]),
            ("an A320 and the G7", &[]),
            ("COVID-19 cases", &[]),
            ("GDP grew in 2015-16.", &[]),
            ("Section 144 and Article 370 and Flight No. 8", &[]),
            ("a 4G network", &[]),
            ("a 29km road", &[]),
            // Designations written with a space: the letters, a whole
            // number, then a noun or a variant's capitals.
            ("four Mi 35 helicopters", &["4"]),
            ("two Su 35 jets and the MiG 29", &["2"]),
            ("the Mi 35M and the Su 30MKI", &[]),
            ("Pakistan wants the Mi 35, India the Tu 160.", &[]),
            ("three JF 17 fighters and AK 47 rifles", &["3"]),
            ("The KSE 100 index rose.", &[]),
            ("two Mi 17s", &["2"]),
            // Letters that are not a designation's: words, months,
            // titles, currencies, countries; or an amount after the number.
            ("At 35 helicopters, the fleet is small.", &["35"]),
            ("UP TO 35 HELICOPTERS", &["<=35"]),
            ("An 18 month delay", &["18"]),
            ("on Aug 19 the deal was signed", &[]),
            (
                "Tk 500 crore and Sh 40 million",
                &["5000000000", "40000000"],
            ),
            ("a US 25% tariff", &["25 %"]),
            ("The US 10-year yield", &["10"]),
            ("BJP 282, Congress 44", &["282", "44"]),
            ("the Su 35 million deal", &["35000000"]),
            ("the PML-N 35 seats", &["35"]),
            // Digits, letters and digits run together: a missile's name.
            ("two 9M120 Ataka missiles and the 3M22", &["2"]),
            ("the 2S19 howitzer", &[]),
            // Not designations: a scale, a calibre.
            (
                "a 9M budget and $9M and $9m",
                &["9000000", "9000000 USD", "9000000 USD"],
            ),
            ("9mm pistols", &[]),
            // Vague amounts.
            ("a number of helicopters", &[]),
            ("several helicopters", &[]),
            ("many people", &[]),
            ("dozens of people", &[]),
            ("hundreds of people and thousands of troops", &[]),
            ("tens of thousands", &[]),
            ("a few people", &[]),
            // Odd inputs.
            ("", &[]),
            ("a", &[]),
            ("-", &[]),
            ("$", &[]),
            ("½", &["0.5"]),
            ("a\u{301} 5 é", &["5"]),
        ];
        for (input, want) in cases {
            check(input, want);
        }
    }

    #[test]
    fn spans_cover_modifiers() {
        let cases: &[(&str, &str)] = &[
            ("He said at least eight died", "at least eight"),
            ("The $153m deal", "$153m"),
            ("spent about 15 hours", "about 15"),
            ("a US$ 3 billion loan", "US$ 3 billion"),
        ];
        for (input, span) in cases {
            let got = recognize_numbers(input);
            assert_eq!(got.len(), 1, "{input:?}");
            assert_eq!(&input[got[0].span.clone()], *span, "{input:?}");
        }
    }

    #[test]
    fn never_panics_on_odd_text() {
        let cases = [
            "1,",
            "1,2",
            ".",
            "..5",
            "5.",
            "1e",
            "1e999",
            "1^",
            "9^999",
            "3/0",
            "0/0",
            "- -",
            "$-",
            "£",
            "Rs.",
            "a a a",
            "and and",
            "one and",
            "twenty -",
            "point",
            "two point",
            "½½",
            "1 234 5678",
            "1,23,456",
            "１２３",
            "٣",
            "x10^",
            "5x10^",
            "’90s",
            "'",
            "‘",
            "“one”",
        ];
        for c in cases {
            let got = recognize_numbers(c);
            for m in got {
                assert!(m.span.start <= m.span.end && m.span.end <= c.len(), "{c:?}");
            }
        }
    }
}
