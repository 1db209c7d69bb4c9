//! Dates and times of day-or-coarser granularity, absolute and relative.
//!
//! Relative expressions (`on Wednesday`, `last year`, `next month`) are
//! resolved against a reference date (the source's publication date); with
//! no reference they stay unresolved, never guessed.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use jiff::civil::{Date, Weekday};
use regex::{Captures, Regex};

/// How precise a date is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum Granularity {
    /// One day.
    Day,
    /// A week.
    Week,
    /// A calendar month.
    Month,
    /// A quarter or a season.
    Quarter,
    /// Part of a year (`late last year`, `early 2015`).
    PartOfYear,
    /// A calendar year.
    Year,
    /// A decade or longer.
    Decade,
}

/// A date or a date range, resolved or not.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct DateValue {
    /// First day covered, when resolved; `None` with an `end` for a
    /// deadline (`by 2017`: no later than `end`, from any time before).
    pub start: Option<Date>,
    /// Last day covered (inclusive), when resolved.
    pub end: Option<Date>,
    /// Precision.
    pub granularity: Granularity,
    /// The day of the week named, if any (kept even when unresolved).
    #[serde(with = "weekday_number")]
    pub weekday: Option<Weekday>,
    /// The month named (1–12), if any (kept even when the year is unknown).
    pub month: Option<i8>,
    /// Whether it is relative to the reference date (`yesterday`, `last year`).
    pub relative: bool,
}

impl DateValue {
    /// Whether `start` and `end` are known.
    pub fn is_resolved(&self) -> bool {
        self.start.is_some() && self.end.is_some()
    }

    /// Whether it is a deadline (`by 2017`): an end and no start.
    pub fn is_deadline(&self) -> bool {
        self.start.is_none() && self.end.is_some()
    }
}

/// One date mention in a string.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DateMention {
    /// Byte range of the expression, including a leading preposition
    /// (`on Wednesday`, `in June`).
    pub span: Range<usize>,
    /// What it means.
    pub value: DateValue,
}

/// Finds the dates in `text`, resolving relative ones against `reference`.
///
/// Conventions (news prose reports past events):
/// - A month without a year (`in June`) is the most recent such month not
///   after the reference month, or the next one not before it when its
///   sentence speaks of the future (`will`, `is to`, `is expected to`, ...).
/// - `on Wednesday` is the most recent Wednesday on or before the reference
///   (the reference itself when it is a Wednesday), or the first one after it
///   in a future sentence; `last Wednesday` is strictly before and
///   `next Wednesday` strictly after the reference.
/// - A day and month without a year (`June 10`) take the reference's year.
/// - Weeks run Monday to Sunday; `the past week`/`the past year`/`the last
///   3 months` are the units just before the reference (the reference day
///   excluded), with the granularity of the unit.
/// - `early`/`mid`/`late` a year are Jan–Apr, May–Aug and Sep–Dec
///   ([`Granularity::PartOfYear`]); the first/second half are Jan–Jun and
///   Jul–Dec. `early`/`mid`/`late` a month are days 1–10, 11–20 and 21–end,
///   with [`Granularity::Month`].
/// - `two years ago` is the calendar year two years before the reference
///   (likewise months, weeks; days give the day).
/// - Seasons are northern-hemisphere meteorological seasons (spring Mar–May,
///   summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb; `winter 2015` starts in
///   December 2015), with [`Granularity::Quarter`].
/// - Decades and centuries have [`Granularity::Decade`].
/// - `by` a date is a deadline: no start, the end of that date as the end
///   ([`DateValue::is_deadline`]).
/// - Vague spans (`in recent years`, `recently`) are not returned.
/// - Numeric dates `a/b/yyyy` are read day/month or month/day only when one
///   of the two numbers is above 12 (or both are equal); otherwise they are
///   ambiguous across outlets and not returned.
///
/// With no reference, anything needing one is returned unresolved (`start`
/// and `end` `None`, `relative: true`) with its granularity, month and
/// weekday kept.
pub fn recognize_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    // The rules match an ASCII-lowercased copy (same byte offsets), which
    // lets the regex engine use fast literal prefilters; handlers look at
    // the original text where case matters (`May` the month).
    recognize_dates_lowered(text, &text.to_ascii_lowercase(), reference)
}

/// [`recognize_dates`] with `text` in ASCII lowercase (`lower`) already
/// made, as the events of a sentence have it.
pub(super) fn recognize_dates_lowered(
    text: &str,
    lower: &str,
    reference: Option<Date>,
) -> Vec<DateMention> {
    let ctx = Ctx {
        text,
        reference,
        future: std::cell::Cell::new(None),
        boundaries: std::cell::OnceCell::new(),
    };
    let mut cands: Vec<(usize, usize, usize, DateValue)> = Vec::new();
    // One pass over the text finds the words and digits some rule needs
    // (its cues); only the rules whose cues are all there are run.
    let cues = cues(lower);
    if cues == 0 {
        return Vec::new();
    }
    for (order, rule) in RULES.iter().enumerate() {
        if !rule.needs.iter().all(|&any| cues & any != 0) {
            continue;
        }
        for caps in rule.re().captures_iter(lower) {
            let Some(m) = caps.get(0) else { continue };
            if m.is_empty() {
                continue;
            }
            if let Some(value) = (rule.handle)(&caps, &ctx, m.start(), m.end()) {
                cands.push((m.start(), m.end(), order, value));
            }
        }
    }
    // Leftmost-longest, earlier rule first on ties.
    cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut out: Vec<DateMention> = Vec::new();
    let mut last_end = 0usize;
    for (start, end, _, value) in cands {
        if start < last_end {
            continue;
        }
        last_end = end;
        let end = trim_sentence_period(text, start, end);
        out.push(DateMention {
            span: start..end,
            value,
        });
    }
    let mut out = merge_ranges(text, out);
    share_years(text, &mut out);
    for m in &mut out {
        m.span.start = extend_preposition(text, m.span.start);
        // "by 2017" is a deadline: no later than the end of 2017, from
        // any time before.
        let by = text
            .get(m.span.start..m.span.start + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case("by "));
        if by && m.value.end.is_some() {
            m.value.start = None;
        }
    }
    out
}

/// A bare month coordinated with a month of a stated year shares it:
/// `in September and October 2016` is September 2016, not the September
/// nearest the publication date (`December and January 2016`: December
/// 2015). Only `and`, `or` and `and again` join them; a month further off
/// has its own year.
fn share_years(text: &str, ms: &mut [DateMention]) {
    for k in 1..ms.len() {
        let (head, tail) = ms.split_at_mut(k);
        let (a, b) = (&mut head[k - 1], &tail[0]);
        let joined = text.get(a.span.end..b.span.start).is_some_and(|gap| {
            matches!(
                gap.trim().to_ascii_lowercase().as_str(),
                "and" | "or" | "and again in" | "and in" | "or in"
            )
        });
        let bare = a.value.relative && a.value.granularity == Granularity::Month;
        let stated = !b.value.relative && b.value.granularity == Granularity::Month;
        let (Some(m1), Some(m2), Some(end)) = (a.value.month, b.value.month, b.value.start) else {
            continue;
        };
        if !(joined && bare && stated) {
            continue;
        }
        let year = i32::from(end.year()) - i32::from(m1 > m2);
        if let Some(v) = month_value(year, m1, false) {
            a.value = v;
        }
    }
}

/// Drops a final `.` that ends the sentence rather than an abbreviation
/// (`in June.` but `Aug.`).
fn trim_sentence_period(text: &str, start: usize, end: usize) -> usize {
    let Some(t) = text.get(start..end) else {
        return end;
    };
    let Some(body) = t.strip_suffix('.') else {
        return end;
    };
    let last: String = body
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let last: String = last.chars().rev().collect::<String>().to_ascii_lowercase();
    if matches!(
        last.as_str(),
        "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    ) {
        end
    } else {
        end - 1
    }
}

/// Whether the text between two dates can join them into a range: a dash,
/// `to`, `through`, `till`, `until` or `and`, in any case, with only
/// whitespace around it.
fn is_range_join(gap: &str) -> bool {
    let word = gap.trim();
    ["-", "–", "—", "to", "through", "till", "until", "and"]
        .iter()
        .any(|j| word.eq_ignore_ascii_case(j))
}

/// Joins `from A to B`, `between A and B`, `A-B` into one range mention
/// (start of A to end of B, the coarser granularity of the two).
fn merge_ranges(text: &str, ms: Vec<DateMention>) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::with_capacity(ms.len());
    let mut it = ms.into_iter().peekable();
    while let Some(a) = it.next() {
        let Some(b) = it.peek() else {
            out.push(a);
            break;
        };
        let gap = text.get(a.span.end..b.span.start).unwrap_or("x");
        let joined = is_range_join(gap) && {
            let word = gap.trim().to_ascii_lowercase();
            let opener = prev_word(text, a.span.start).map(str::to_ascii_lowercase);
            match word.as_str() {
                "and" => opener.as_deref() == Some("between"),
                "to" | "till" | "until" | "through" => {
                    opener
                        .as_deref()
                        .is_some_and(|o| matches!(o, "from" | "between"))
                        || a.value.granularity == b.value.granularity
                }
                _ => a.value.granularity == b.value.granularity,
            }
        };
        // A first end without its own year takes the second's ("from May to
        // Oct 2020"): the latest such day or month not after the second.
        let mut a = a;
        let yearless = joined
            && a.value.relative
            && a.value.month.is_some()
            && matches!(a.value.granularity, Granularity::Day | Granularity::Month);
        if let (true, Some(s1), Some(e1), Some(s2)) =
            (yearless, a.value.start, a.value.end, b.value.start)
        {
            let mut years = i64::from(s2.year()) - i64::from(s1.year());
            let shifted = |d: Date, n: i64| shift_unit_n(d, "year", n);
            if shifted(s1, years).is_some_and(|d| d > s2) {
                years -= 1;
            }
            if let (Some(ns), Some(ne)) = (shifted(s1, years), shifted(e1, years)) {
                a.value.start = Some(ns);
                a.value.end = Some(if e1 == e1.last_of_month() {
                    ne.last_of_month()
                } else {
                    ne
                });
            }
        }
        let ok = joined
            && match (a.value.start, b.value.start, a.value.end, b.value.end) {
                (Some(s1), Some(s2), Some(_), Some(_)) => s1 < s2,
                _ => false,
            };
        if !ok {
            out.push(a);
            continue;
        }
        let Some(b) = it.next() else { break };
        let granularity = a.value.granularity.max(b.value.granularity);
        let start = match prev_word_at(text, a.span.start) {
            Some((i, w)) if w.eq_ignore_ascii_case("between") => i,
            _ => a.span.start,
        };
        out.push(DateMention {
            span: start..b.span.end,
            value: DateValue {
                start: a.value.start,
                end: b.value.end,
                granularity,
                weekday: None,
                month: None,
                relative: a.value.relative || b.value.relative,
            },
        });
    }
    out
}

// ---------------------------------------------------------------------------
// Rules.

struct Ctx<'a> {
    text: &'a str,
    reference: Option<Date>,
    /// The last clause [`is_future`] looked at (its byte range) and the
    /// answer: the dates of one clause share it, and a clause with no
    /// boundary in it (a table, a page on one line) can hold thousands.
    future: std::cell::Cell<Option<(usize, usize, bool)>>,
    /// Where the clause boundaries of `text` are, found the first time
    /// [`is_future`] asks, so that each date looks its clause up rather
    /// than scanning for it.
    boundaries: std::cell::OnceCell<Vec<usize>>,
}

type Handler = fn(&Captures<'_>, &Ctx<'_>, usize, usize) -> Option<DateValue>;

struct Rule {
    /// The expanded pattern (see [`expand`]).
    pattern: String,
    /// Its regex, compiled the first time a text has the rule's cues: a
    /// run that meets few kinds of date compiles few rules.
    re: OnceLock<Regex>,
    handle: Handler,
    /// What a text must have for the rule to match in it: for each mask,
    /// one of its [cues](cues) at least.
    needs: &'static [Cues],
}

impl Rule {
    fn re(&self) -> &Regex {
        self.re.get_or_init(|| {
            // The patterns are constants: a failure here is a bug caught by
            // the tests (`every_rule_compiles`).
            Regex::new(&self.pattern)
                .unwrap_or_else(|e| panic!("bad date pattern {}: {e}", self.pattern))
        })
    }
}

/// A month word: a full name or a standard abbreviation (`sep`, `sept`),
/// nothing else (`sept?(?:ember)?` would take `sepember`). The rules follow
/// it with `\b` or a day number (`Dec31`), never a letter: `Marthe 3` is a
/// name and a number, not March 3.
macro_rules! month_words {
    () => {
        r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    };
}
const MON: &str = concat!("(?P<mon>", month_words!(), ")");
const MON2: &str = concat!("(?P<mon2>", month_words!(), ")");
const WDANY: &str = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)";
const WDFULL: &str = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const DAY: &str = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?P<year>(?:1\d|20)\d\d)";
const NUM: &str = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|\d{1,3})";
const REL_YEAR: &str = r"(?P<rel>last|this|next|the\s+previous|the\s+following|the\s+same)\s+year";

fn build_ci(pattern: &str) -> Regex {
    build_with(pattern, "(?i)")
}

fn build_with(pattern: &str, flags: &str) -> Regex {
    let p = expand(pattern, flags);
    // The patterns are constants: a failure here is a bug caught by the tests.
    Regex::new(&p).unwrap_or_else(|e| panic!("bad date pattern {pattern}: {e}"))
}

/// A rule pattern with its `{MON}`-style pieces filled in, ASCII word
/// boundaries, ASCII digits and `flags` prefixed: the source of its
/// [`Regex`].
///
/// `\d` is `[0-9]`: the handlers parse numbers with `str::parse`, which reads
/// ASCII digits only, and Unicode's `\d` (some 70 ranges) made the rules
/// take two thirds longer to compile.
fn expand(pattern: &str, flags: &str) -> String {
    let p = pattern
        .replace("{MON}", MON)
        .replace("{MON2}", MON2)
        .replace("{WDANY}", WDANY)
        .replace("{WDFULL}", WDFULL)
        .replace("{DAY}", DAY)
        .replace("{YEAR}", YEAR)
        .replace("{NUM}", NUM)
        .replace("{REL_YEAR}", REL_YEAR)
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]");
    format!("{flags}{p}")
}

/// The date rules, in priority order.
static RULES: LazyLock<Vec<Rule>> = LazyLock::new(rule_list);

/// Makes the date rules ready now (see [`super::warm_up`]): reading claims
/// needs them. Each rule's regex is compiled the first time a text has its
/// cues; the future pattern is left to the first extraction that asks, as
/// a run whose verdicts are all cached extracts nothing.
pub(super) fn warm_up() {
    LazyLock::force(&RULES);
}

/// A set of cues, one bit each: what a text has that some date rule needs.
type Cues = u32;

/// The cues. Digits are read in runs (a maximal run of ASCII digits),
/// letters in words (a maximal run of ASCII letters: the rules' `\b` is
/// ASCII, and they read the text in ASCII lowercase).
mod cue {
    use super::Cues;

    /// An ASCII digit.
    pub(super) const DIGIT: Cues = 1;
    /// A run of one or two digits (a day).
    pub(super) const SHORT_RUN: Cues = 1 << 1;
    /// A run of four digits or more (a year: `(?:1\d|20)\d\d`).
    pub(super) const Y4: Cues = 1 << 2;
    /// Two such runs (`2014-2018`).
    pub(super) const Y4_PAIR: Cues = 1 << 3;
    /// Such a run before `-`, `/` or `.` and a digit (`2015-08-19`).
    pub(super) const Y4_SEP: Cues = 1 << 4;
    /// Such a run after `-`, `/` or `.` (`10/7/2015`).
    pub(super) const SEP_Y4: Cues = 1 << 5;
    /// A run of four digits, or two after `'`, ending in `0`, before an
    /// `s` that ends a word, maybe after spaces and `'` (`1990s`, `'90s`,
    /// `1980 's`).
    pub(super) const DECADE_DIGITS: Cues = 1 << 6;
    /// `q` or `h` right before a digit from 1 to 4 (`Q2`, `2015-H2`).
    pub(super) const QH: Cues = 1 << 7;
    /// A month word (see [`month_words!`]), or one after a day's suffix
    /// (`4thjuly`).
    pub(super) const MON: Cues = 1 << 8;
    /// `twenties` to `nineties`.
    pub(super) const TIES: Cues = 1 << 9;
    /// `year`, `years`.
    pub(super) const YEAR: Cues = 1 << 10;
    pub(super) const CENTURY: Cues = 1 << 11;
    /// `monday` to `sunday`.
    pub(super) const WEEKDAY: Cues = 1 << 12;
    /// `today`, `tonight`, `yesterday`, `tomorrow`, `tmrw`.
    pub(super) const DAY_WORD: Cues = 1 << 13;
    /// `day`, `days`.
    pub(super) const DAY: Cues = 1 << 14;
    /// `week`, `weeks`, `weekend`.
    pub(super) const WEEK: Cues = 1 << 15;
    /// `month`, `months`.
    pub(super) const MONTH: Cues = 1 << 16;
    pub(super) const QUARTER: Cues = 1 << 17;
    /// `decade`, `decades`.
    pub(super) const DECADE: Cues = 1 << 18;
    /// `earlier`, `later`, before spaces and `this` or `in`.
    pub(super) const EARLIER_LATER: Cues = 1 << 19;
    pub(super) const AGO: Cues = 1 << 20;
    /// `spring`, `summer`, `autumn`, `fall`, `winter`.
    pub(super) const SEASON: Cues = 1 << 21;
    /// `past`, `last`, `previous`, `next`, `coming`, `following`, before
    /// spaces and a number (digits, or a number word a rule knows).
    pub(super) const DEM: Cues = 1 << 22;
    /// `early`, `late`, `mid`, `middle`, `end`, `beginning`, `start`,
    /// `half`.
    pub(super) const PART: Cues = 1 << 23;
    /// A month word before a run of one or two digits, across what is no
    /// letter or digit and the words `the`, `of`, `in` (`Aug. 20`, `Dec31`,
    /// `July the 4th`).
    pub(super) const MON_DAY_AFTER: Cues = 1 << 24;
    /// A month word before a run of four digits or more, across the same
    /// (`August 2015`, `April of 1987`).
    pub(super) const MON_YEAR_AFTER: Cues = 1 << 25;
    /// A month word after a day's digits, its suffix, and what is no
    /// letter or digit and the word `of` (`10 July`, `4th of July`,
    /// `4thjuly`).
    pub(super) const MON_DAY_BEFORE: Cues = 1 << 26;
    /// Two month words.
    pub(super) const MON_PAIR: Cues = 1 << 27;
    /// [`MON_DAY_AFTER`] with a range of days after the day
    /// (`November 19-20`).
    pub(super) const MON_DAYS: Cues = 1 << 28;
    /// `morning`, `afternoon`, `evening`.
    pub(super) const DAY_PART: Cues = 1 << 29;
}

/// The cues of one word (a maximal run of ASCII letters, in lowercase).
/// Every word of a rule's pattern stands between `\b`s or spaces, or
/// between a hyphen, a day's digits or a dot and such (`mid-june`,
/// `10july`, `sept.`), so it is a whole word of the text; but for a month
/// after a day's suffix (`4thjuly`).
fn word_cues(w: &[u8]) -> Cues {
    use cue::*;
    match w {
        b"jan" | b"january" | b"feb" | b"february" | b"mar" | b"march" | b"apr" | b"april"
        | b"may" | b"jun" | b"june" | b"jul" | b"july" | b"aug" | b"august" | b"sep" | b"sept"
        | b"september" | b"oct" | b"october" | b"nov" | b"november" | b"dec" | b"december" => MON,
        b"twenties" | b"thirties" | b"forties" | b"fifties" | b"sixties" | b"seventies"
        | b"eighties" | b"nineties" => TIES,
        b"year" | b"years" => YEAR,
        b"century" => CENTURY,
        b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday"
        | b"sunday" => WEEKDAY,
        b"today" | b"tonight" | b"yesterday" | b"tomorrow" | b"tmrw" => DAY_WORD,
        b"morning" | b"afternoon" | b"evening" => DAY_PART,
        b"day" | b"days" => DAY,
        b"week" | b"weeks" | b"weekend" => WEEK,
        b"month" | b"months" => MONTH,
        b"quarter" => QUARTER,
        b"decade" | b"decades" => DECADE,
        b"earlier" => EARLIER_LATER,
        b"later" => EARLIER_LATER,
        b"ago" => AGO,
        b"spring" | b"summer" | b"autumn" | b"fall" | b"winter" => SEASON,
        b"past" | b"last" | b"previous" | b"next" | b"coming" | b"following" => DEM,
        b"early" | b"late" | b"mid" | b"middle" | b"end" | b"beginning" | b"start" | b"half" => {
            PART
        }
        [b's', b't', rest @ ..]
        | [b'n', b'd', rest @ ..]
        | [b'r', b'd', rest @ ..]
        | [b't', b'h', rest @ ..]
            if rest.len() >= 3 && word_cues(rest) == MON =>
        {
            MON
        }
        _ => 0,
    }
}

/// Where the gap starting at `k` ends: past every byte that is no ASCII
/// letter or digit (a space, punctuation, any character beyond ASCII)
/// and every word of `words`.
fn skip_gap(lower: &[u8], mut k: usize, words: &[&[u8]]) -> usize {
    loop {
        while k < lower.len() && !lower[k].is_ascii_alphanumeric() {
            k += 1;
        }
        let end = k + lower[k..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if end == k || !words.contains(&&lower[k..end]) {
            return k;
        }
        k = end;
    }
}

/// Where the gap ending at `k` starts, as [`skip_gap`] reads it backwards.
fn skip_gap_back(lower: &[u8], mut k: usize, words: &[&[u8]]) -> usize {
    loop {
        while k > 0 && !lower[k - 1].is_ascii_alphanumeric() {
            k -= 1;
        }
        let start = k - lower[..k]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if start == k || !words.contains(&&lower[start..k]) {
            return k;
        }
        k = start;
    }
}

/// The length of the run of ASCII digits at `k`.
fn digits_at(lower: &[u8], k: usize) -> usize {
    lower[k.min(lower.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The cues a month word at `start..end` gives, with what stands around
/// it; `month` is where the month itself starts (after a day's suffix:
/// `4thjuly`).
fn month_cues(text: &str, start: usize, month: usize, end: usize) -> Cues {
    let lower = text.as_bytes();
    let mut cues = cue::MON;
    let after = skip_gap(lower, end, &[b"the", b"of", b"in"]);
    match digits_at(lower, after) {
        n @ (1 | 2) => {
            cues |= cue::MON_DAY_AFTER;
            if range_after_day(text, after + n) {
                cues |= cue::MON_DAYS;
            }
        }
        n if n >= 4 => cues |= cue::MON_YEAR_AFTER,
        _ => {}
    }
    let before = if month > start {
        start
    } else {
        skip_gap_back(lower, start, &[b"of"])
    };
    let digit = |k: usize| k > 0 && lower[k - 1].is_ascii_digit();
    let suffix = before >= 2
        && matches!(&lower[before - 2..before], b"st" | b"nd" | b"rd" | b"th")
        && digit(before - 2);
    if digit(before) || suffix {
        cues |= cue::MON_DAY_BEFORE;
    }
    cues
}

/// Whether a range of days goes on after a day's digits ending at `k`: a
/// suffix maybe (`19th`), spaces, `-`, `–`, `to`, `through` or `and`,
/// spaces and a digit (`November 19-20`, `Aug 3 to 5`).
fn range_after_day(text: &str, k: usize) -> bool {
    let b = text.as_bytes();
    let spaces = |k: usize| {
        k + text[k..]
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let suffix = b
        .get(k..k + 2)
        .is_some_and(|s| matches!(s, b"st" | b"nd" | b"rd" | b"th"));
    // With the suffix and without: `20through` has none.
    [Some(k), suffix.then_some(k + 2)]
        .into_iter()
        .flatten()
        .any(|k| {
            let k = spaces(k);
            let sep = ["-", "\u{2013}", "to", "through", "and"]
                .iter()
                .find(|sep| text[k..].starts_with(**sep));
            sep.is_some_and(|sep| digits_at(b, spaces(k + sep.len())) > 0)
        })
}

/// The cues of `lower` (a text in ASCII lowercase, as the rules read it).
/// A rule only matches a text that has each of its `needs`, so a rule is
/// never skipped where it would have matched: a rule's regex decides.
fn cues(text: &str) -> Cues {
    let lower = text.as_bytes();
    let mut cues = 0;
    let mut years = 0;
    let mut months = 0;
    let mut i = 0;
    while i < lower.len() {
        let b = lower[i];
        if b.is_ascii_lowercase() {
            let start = i;
            i = super::ascii_run_end(lower, i, super::Run::Lowercase);
            // The shortest cue word has three letters, the longest nine
            // (eleven after a day's suffix).
            if !(3..=11).contains(&(i - start)) {
                continue;
            }
            let word = word_cues(&lower[start..i]);
            if word == cue::MON {
                months += 1;
                if months >= 2 {
                    cues |= cue::MON_PAIR;
                }
                let month = if word_cues(&lower[start + 2..i]) == cue::MON {
                    start + 2
                } else {
                    start
                };
                cues |= month_cues(text, start, month, i);
            } else if word == cue::DEM {
                let next = skip_gap(lower, i, &[]);
                let number = &lower[next..];
                let number = &number[..number
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count()];
                if number.first().is_some_and(u8::is_ascii_digit) || is_number_word(number) {
                    cues |= cue::DEM;
                }
            } else if word == cue::EARLIER_LATER {
                let next = skip_gap(lower, i, &[]);
                let w = &lower[next..];
                let w = &w[..w.iter().take_while(|b| b.is_ascii_lowercase()).count()];
                if w == b"this" || w == b"in" {
                    cues |= cue::EARLIER_LATER;
                }
            } else {
                cues |= word;
            }
            continue;
        }
        if !b.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lower.len() && lower[i].is_ascii_digit() {
            i += 1;
        }
        let len = i - start;
        let before = start.checked_sub(1).map(|k| lower[k]);
        let after = lower.get(i).copied();
        cues |= cue::DIGIT;
        if len <= 2 {
            cues |= cue::SHORT_RUN;
        }
        if len >= 4 {
            years += 1;
            cues |= cue::Y4;
            if years >= 2 {
                cues |= cue::Y4_PAIR;
            }
            if matches!(after, Some(b'-' | b'/' | b'.'))
                && lower.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                cues |= cue::Y4_SEP;
            }
            if matches!(before, Some(b'-' | b'/' | b'.')) {
                cues |= cue::SEP_Y4;
            }
        }
        // Four digits, or two after `'`, ending in a zero, then `\s?'?s`
        // and a word boundary (`1990s`, `1980 's`, `'90s`).
        if (len == 4 || (len == 2 && before == Some(b'\''))) && lower[i - 1] == b'0' {
            let mut k = i;
            while k < lower.len() && (lower[k].is_ascii_whitespace() || lower[k] >= 0x80) {
                k += 1;
            }
            if lower.get(k) == Some(&b'\'') {
                k += 1;
            }
            let word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
            if lower.get(k) == Some(&b's') && !lower.get(k + 1).is_some_and(word) {
                cues |= cue::DECADE_DIGITS;
            }
        }
        if matches!(before, Some(b'q' | b'h')) && matches!(lower[start], b'1'..=b'4') {
            cues |= cue::QH;
        }
    }
    cues
}

/// A number word of the rules' `{NUM}`.
fn is_number_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"a" | b"an"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"fifteen"
            | b"twenty"
    )
}

fn rule_list() -> Vec<Rule> {
    use cue::{
        AGO, CENTURY, DAY, DAY_PART, DAY_WORD, DECADE, DECADE_DIGITS, DEM, DIGIT, EARLIER_LATER,
        MON, MON_DAY_AFTER, MON_DAY_BEFORE, MON_DAYS, MON_PAIR, MON_YEAR_AFTER, MONTH, PART, QH,
        QUARTER, SEASON, SEP_Y4, TIES, WEEK, WEEKDAY, Y4, Y4_PAIR, Y4_SEP, YEAR,
    };
    let r = |p: &str, handle: Handler, needs: &'static [Cues]| Rule {
        pattern: expand(p, ""),
        re: OnceLock::new(),
        handle,
        needs,
    };
    vec![
        // 2015-08-19, 2015/8/19
        r(
            r"\b(?P<y>(?:1\d|20)\d\d)(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P<sep2>[-/.])(?P<d>3[01]|[12]\d|0?[1-9])\b",
            h_iso,
            &[Y4_SEP],
        ),
        // 10/7/2015
        r(
            r"\b(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P<sep2>[/.-])(?P<y>(?:1\d|20)\d\d)\b",
            h_numeric,
            &[SEP_Y4],
        ),
        // (Wednesday,) July 10, 2015 / Aug. 20 / Dec31 , 1994
        r(
            r"\b(?:{WDANY}\.?,?\s+(?:the\s+)?)?{MON}(?:\b\.?\s*(?:the\s+)?)?{DAY}\b(?:\s*,?\s*{YEAR}\b)?",
            h_month_day,
            &[MON_DAY_AFTER],
        ),
        // (Wednesday,) 10 July 2015 / 19 Aug 2015 / the 4th of July
        r(
            r"\b(?:{WDANY}\.?,?\s+)?(?:the\s+)?{DAY}\s*(?:of\s+)?{MON}\b\.?(?:,?\s*(?:of\s+)?{YEAR}\b)?",
            h_day_month,
            &[MON_DAY_BEFORE],
        ),
        // November 19-20(, 2015)
        r(
            r"\b{MON}\.?\s*(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|to|through|and)\s*{DAY}\b(?:\s*,?\s*{YEAR}\b)?",
            h_month_days,
            &[MON_DAYS],
        ),
        // 10-12 June(, 2015)
        r(
            r"\b(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*{DAY}\s+(?:of\s+)?{MON}\b\.?(?:,?\s*{YEAR}\b)?",
            h_month_days,
            &[MON_DAY_BEFORE],
        ),
        // Jan-Feb 2017, Nov 18-Dec 19, 2015
        r(
            r"\b{MON}(?:\b\.?\s*)?(?:(?P<d1>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)?\s*(?:-|–|\bto\b|\bthrough\b|\buntil\b)\s*{MON2}\.?\s*(?:(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)?,?\s+{YEAR}\b",
            h_month_month,
            &[MON_PAIR, Y4],
        ),
        // 2014-2018
        r(
            r"\b{YEAR}\s*[-–]\s*(?P<y2>(?:1\d|20)\d\d)\b",
            h_year_range,
            &[Y4_PAIR],
        ),
        // the nineties
        r(
            r"\bthe\s+(?:nineteen[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
            h_decade_word,
            &[TIES],
        ),
        // August 2015 / Dec-2018 / April of 1987
        r(
            r"\b{MON}\b\.?(?:\s*,\s*|\s+of\s+|\s+in\s+|\s*-\s*|\s+){YEAR}\b",
            h_month_year,
            &[MON_YEAR_AFTER],
        ),
        // November last year
        r(
            r"\b{MON}\b\.?,?\s+(?:of\s+)?{REL_YEAR}\b",
            h_month_rel_year,
            &[MON, YEAR],
        ),
        // early/mid/late June (2015)
        r(
            r"\b(?P<part>early|late|mid|the\s+middle\s+of|middle\s+of|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of)(?:\s+|\s*-\s*){MON}\b\.?(?:,?\s*(?:of\s+)?{YEAR}\b)?",
            h_part_month,
            &[PART, MON],
        ),
        // this/last/next June, June
        r(
            r"\b(?:(?P<dem>this\s+past|this\s+coming|this|last|next|coming|previous|past)\s+)?{MON}\b\.?",
            h_bare_month,
            &[MON],
        ),
        // in 2015, the year 2015
        r(
            r"\b(?:(?:the\s+)?(?:calendar\s+)?(?P<kw>year)\s+(?:of\s+)?)?{YEAR}\b",
            h_year,
            &[Y4],
        ),
        // the 1990s, '90s
        r(
            r"(?:\b(?:the\s+)?(?P<c>(?:1\d|20)\d0)\s?'?s|(?:\bthe\s+)?'(?P<d>\d)0s)\b",
            h_decade,
            &[DECADE_DIGITS],
        ),
        // the 15th century
        r(
            r"\b(?:the\s+)?(?P<n>2[01]|1\d|[1-9])(?:st|nd|rd|th)\s+century\b",
            h_century,
            &[CENTURY, DIGIT],
        ),
        // (last/next/this) Wednesday
        r(
            r"\b(?:(?P<dem>last|next|this\s+past|this\s+coming|this\s+upcoming|this|previous|following|coming)\s+)?{WDFULL}\b",
            h_weekday,
            &[WEEKDAY],
        ),
        // today, yesterday, tomorrow
        r(
            r"\b(?P<w>today|tonight|yesterday|tomorrow|tmrw)\b",
            h_day_word,
            &[DAY_WORD],
        ),
        // this morning, this afternoon, this evening: today
        r(
            r"\bthis\s+(?P<w>morning|afternoon|evening)\b",
            h_day_word,
            &[DAY_PART],
        ),
        // last week, this month, the past year, next quarter
        r(
            r"\b(?P<dem>last|this|next|past|previous|coming|current|following|the\s+past|the\s+previous|the\s+coming|the\s+current|the\s+last|the\s+next|the\s+following|this\s+past|this\s+coming)\s+(?P<unit>week|weekend|month|year|quarter|decade)\b",
            h_rel_unit,
            &[WEEK | MONTH | YEAR | QUARTER | DECADE],
        ),
        // earlier this month, later this year
        r(
            r"\b(?P<when>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year)\b",
            h_earlier_later,
            &[EARLIER_LATER, WEEK | MONTH | YEAR],
        ),
        // late last year, mid-2014, the first half of 2015
        r(
            r"\b(?P<part>early|late|mid|the\s+middle\s+of|middle\s+of|the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|start\s+of|the\s+first\s+half\s+of|first\s+half\s+of|the\s+second\s+half\s+of|second\s+half\s+of)(?:\s+|\s*-\s*)(?:{REL_YEAR}|{YEAR})\b",
            h_part_year,
            &[PART, YEAR | Y4],
        ),
        // two years ago
        r(
            r"\b{NUM}\s+(?P<unit>day|week|month|year|decade)s?\s+ago\b",
            h_ago,
            &[AGO, DAY | WEEK | MONTH | YEAR | DECADE],
        ),
        // the past three days, the next 2 weeks
        r(
            r"\b(?:the\s+)?(?P<dem>past|last|previous|next|coming|following)\s+{NUM}\s+(?P<unit>day|week|month|year)s?\b",
            h_past_n,
            &[DEM, DAY | WEEK | MONTH | YEAR],
        ),
        // last summer, summer 2015, the summer of 2015
        r(
            r"\b(?:(?P<dem>last|this|next|the\s+past|this\s+past|this\s+coming|the\s+coming|previous|the\s+previous)\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?{YEAR})?\b",
            h_season,
            &[SEASON],
        ),
        // the second quarter of 2015
        r(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?:fiscal\s+|calendar\s+)?quarter\b(?:\s*(?:of\s+|,\s*|in\s+)?(?:{YEAR}\b|{REL_YEAR}\b|(?P<the>the|this)\s+year\b))?",
            h_quarter,
            &[QUARTER],
        ),
        // Q2 2015, 2015 Q2, 2015-H2
        r(
            r"\b(?:(?P<qh>[qh])(?P<q>[1-4])\s*(?:of\s+)?'?{YEAR}|(?P<y2>(?:1\d|20)\d\d)\s*-?\s*(?P<qh2>[qh])(?P<q2>[1-4]))\b",
            h_q_short,
            &[QH, Y4],
        ),
    ]
}

// ---------------------------------------------------------------------------
// Handlers.

fn h_iso(c: &Captures<'_>, _: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    if c.name("sep")?.as_str() != c.name("sep2")?.as_str() {
        return None;
    }
    let d = ymd(num(c, "y")?, num(c, "m")?, num(c, "d")?)?;
    Some(day_value(d, false))
}

fn h_numeric(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    if c.name("sep")?.as_str() != c.name("sep2")?.as_str() {
        return None;
    }
    // Part of a longer number or code (1.2.2015.3, 10/7/2015/...)?
    let after = &ctx.text[e..];
    if after.starts_with(|ch: char| ch == '/' || ch == '-' || ch.is_ascii_digit())
        || (after.starts_with('.') && after[1..].starts_with(|ch: char| ch.is_ascii_digit()))
    {
        return None;
    }
    let before = &ctx.text[..s];
    if before.ends_with(['/', '.', '-', '$']) {
        return None;
    }
    let (a, b, y) = (num(c, "a")?, num(c, "b")?, num(c, "y")?);
    let (m, d) = if a > 12 {
        (b, a)
    } else if b > 12 || a == b {
        (a, b)
    } else {
        return None;
    };
    Some(day_value(ymd(y, m, d)?, false))
}

fn h_month_day(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    let mon = c.name("mon")?;
    let m = month_ok(&ctx.text[mon.range()])?;
    if followed_by_number_stuff(ctx.text, e) {
        return None;
    }
    let dn = num(c, "day")?;
    // "June 10" may be a time or a score ("Mar 3-1"): keep it simple, reject "10:" and "10-".
    let after = &ctx.text[e..];
    if c.name("year").is_none() && after.starts_with([':', '-', '–']) {
        return None;
    }
    let wd = c.name("wd").and_then(|w| weekday_of(w.as_str()));
    let _ = s;
    with_day(
        c.name("year").and_then(|y| y.as_str().parse().ok()),
        m,
        dn,
        wd,
        ctx,
    )
}

fn h_day_month(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    let mon = c.name("mon")?;
    let m = month_ok(&ctx.text[mon.range()])?;
    let day = c.name("day")?;
    // "the 10 May" fine; but "$20 Mar" or "1.5 May" or "20,000 Jan" are not dates.
    let before = &ctx.text[..s];
    if before.ends_with(|ch: char| {
        ch.is_ascii_digit() || matches!(ch, '$' | '£' | '€' | '.' | ',' | '-' | '/')
    }) {
        return None;
    }
    if c.name("year").is_some() && followed_by_number_stuff(ctx.text, e) {
        return None;
    }
    let _ = day.start();
    let wd = c.name("wd").and_then(|w| weekday_of(w.as_str()));
    with_day(
        c.name("year").and_then(|y| y.as_str().parse().ok()),
        m,
        num(c, "day")?,
        wd,
        ctx,
    )
}

fn h_month_days(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    let mon = c.name("mon")?;
    let m = month_ok(&ctx.text[mon.range()])?;
    if followed_by_number_stuff(ctx.text, e)
        || ctx.text[..s].ends_with(|ch: char| ch.is_ascii_digit() || ch == '$')
    {
        return None;
    }
    let (d1, d2): (i32, i32) = (num(c, "d1")?, num(c, "day")?);
    if d1 >= d2 {
        return None;
    }
    let year = c.name("year").and_then(|y| y.as_str().parse().ok());
    let a = with_day(year, m, d1, None, ctx)?;
    let b = with_day(year, m, d2, None, ctx)?;
    Some(DateValue {
        start: a.start,
        end: b.end,
        ..a
    })
}

fn h_month_month(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, e: usize) -> Option<DateValue> {
    let (m1, m2) = (c.name("mon")?, c.name("mon2")?);
    let m1 = month_ok(&ctx.text[m1.range()])?;
    let m2 = month_ok(&ctx.text[m2.range()])?;
    if followed_by_number_stuff(ctx.text, e) || c.name("d1").is_some() != c.name("d2").is_some() {
        return None;
    }
    let y2: i32 = num(c, "year")?;
    let y1 = if m1 <= m2 { y2 } else { y2 - 1 };
    let (start, end, granularity) = match (num::<i32>(c, "d1"), num::<i32>(c, "d2")) {
        (Some(d1), Some(d2)) => (
            ymd(y1, i32::from(m1), d1)?,
            ymd(y2, i32::from(m2), d2)?,
            Granularity::Day,
        ),
        _ => (
            ymd(y1, i32::from(m1), 1)?,
            ymd(y2, i32::from(m2), 1)?.last_of_month(),
            Granularity::Month,
        ),
    };
    (start < end).then(|| range_value(start, end, granularity, false))
}

fn h_year_range(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    let (y1, y2): (i32, i32) = (num(c, "year")?, num(c, "y2")?);
    if y1 >= y2 || y2 - y1 > 200 || followed_by_number_stuff(ctx.text, e) {
        return None;
    }
    if ctx.text[..s].ends_with(|ch: char| {
        ch.is_ascii_alphanumeric() || matches!(ch, '$' | '£' | '€' | '-' | '.' | ',' | '/')
    }) {
        return None;
    }
    Some(range_value(
        ymd(y1, 1, 1)?,
        ymd(y2, 12, 31)?,
        Granularity::Year,
        false,
    ))
}

fn h_decade_word(c: &Captures<'_>, _: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let w = c.name("w")?.as_str().to_ascii_lowercase();
    let tens = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ]
    .iter()
    .position(|t| *t == w)?;
    let y = 1920 + 10 * i32::try_from(tens).ok()?;
    Some(DateValue {
        start: ymd(y, 1, 1),
        end: ymd(y + 9, 12, 31),
        granularity: Granularity::Decade,
        weekday: None,
        month: None,
        relative: false,
    })
}

fn h_month_year(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, e: usize) -> Option<DateValue> {
    let mon = c.name("mon")?;
    let m = month_ok(&ctx.text[mon.range()])?;
    if followed_by_number_stuff(ctx.text, e) {
        return None;
    }
    let y = num(c, "year")?;
    month_value(y, m, false)
}

fn h_month_rel_year(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let mon = c.name("mon")?;
    let m = month_ok(&ctx.text[mon.range()])?;
    let off = rel_offset(c.name("rel")?.as_str());
    let Some(r) = ctx.reference else {
        return Some(unresolved(Granularity::Month, Some(m), None));
    };
    let mut v = month_value(i32::from(r.year()) + off, m, true)?;
    v.relative = true;
    Some(v)
}

fn h_part_month(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, e: usize) -> Option<DateValue> {
    let mon = c.name("mon")?;
    let m = month_ok(&ctx.text[mon.range()])?;
    if c.name("year").is_some() && followed_by_number_stuff(ctx.text, e) {
        return None;
    }
    let (y, relative) = match c.name("year").and_then(|y| y.as_str().parse::<i32>().ok()) {
        Some(y) => (y, false),
        None => match ctx.reference {
            Some(r) => (month_year_for(r, m, is_future(ctx, mon.start(), e)), true),
            None => return Some(unresolved(Granularity::Month, Some(m), None)),
        },
    };
    let first = ymd(y, i32::from(m), 1)?;
    let part = c.name("part")?.as_str().to_ascii_lowercase();
    let (a, b) = if part.contains("early") || part.contains("beginning") || part.contains("start") {
        (1, 10)
    } else if part.contains("mid") {
        (11, 20)
    } else {
        (21, i32::from(first.days_in_month()))
    };
    Some(DateValue {
        start: ymd(y, i32::from(m), a),
        end: ymd(y, i32::from(m), b),
        granularity: Granularity::Month,
        weekday: None,
        month: Some(m),
        relative,
    })
}

fn h_bare_month(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    let mon = c.name("mon")?;
    let word = &ctx.text[mon.range()];
    let dem = c.name("dem").map(|d| d.as_str().to_ascii_lowercase());
    // A bare month must be a full name (or an abbreviation after a
    // preposition), capitalized in prose, and introduced by a preposition or
    // a determiner.
    let prev = prev_word(ctx.text, s);
    let prev_l = prev.map(str::to_ascii_lowercase);
    let introduced = dem.is_some()
        || prev_l.as_deref().is_some_and(|p| {
            matches!(
                p,
                "in" | "on"
                    | "since"
                    | "by"
                    | "during"
                    | "from"
                    | "until"
                    | "till"
                    | "through"
                    | "before"
                    | "after"
                    | "of"
                    | "between"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "next"
                    | "this"
            ) || (!matches!(word.to_ascii_lowercase().as_str(), "may" | "march" | "mar")
                && matches!(p, "and" | "or" | "to"))
        });
    if !introduced {
        return None;
    }
    // "In this Aug. 12, 2015 photo": the demonstrative introduces a day of
    // the month, which the month-day rule reads; taking "this Aug." as a
    // month would shadow it (the leftmost match wins).
    let after = ctx.text[e..].trim_start_matches(['.', ' ', '\u{a0}']);
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if dem.is_some() && (1..=2).contains(&digits) {
        return None;
    }
    // "April Jones and June Smith": a capitalized word after a month that
    // only a conjunction introduces is a name.
    let next_cap = ctx.text[e..]
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(|ch: char| ch.is_ascii_uppercase());
    if next_cap
        && dem.is_none()
        && (ctx.text[e..].starts_with(' ') || ctx.text[e..].starts_with('\u{a0}'))
        && prev_l
            .as_deref()
            .is_some_and(|p| matches!(p, "and" | "or" | "of" | "to"))
    {
        return None;
    }
    let full = word.len() >= 4
        || word.eq_ignore_ascii_case("may")
        || word.eq_ignore_ascii_case("june")
        || word.eq_ignore_ascii_case("july");
    if !full && dem.is_none() && prev_l.is_none() {
        return None;
    }
    let m = month_ok(word)?;
    // "in August's" fine; "in May-June" fine.
    let Some(r) = ctx.reference else {
        return Some(unresolved(Granularity::Month, Some(m), None));
    };
    let ry = i32::from(r.year());
    let rm = r.month();
    let y = match dem.as_deref() {
        Some("this") => ry,
        Some("last" | "previous" | "past" | "this past") => {
            if m < rm {
                ry
            } else {
                ry - 1
            }
        }
        Some("next" | "coming" | "this coming") => {
            if m > rm {
                ry
            } else {
                ry + 1
            }
        }
        _ => month_year_for(r, m, is_future(ctx, s, e)),
    };
    let mut v = month_value(y, m, true)?;
    v.relative = true;
    Some(v)
}

const YEAR_NEXT_OK: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "or",
    "to",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "saw",
    "had",
    "has",
    "have",
    "when",
    "after",
    "before",
    "as",
    "but",
    "while",
    "where",
    "which",
    "that",
    "with",
    "for",
    "from",
    "in",
    "on",
    "at",
    "by",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "its",
    "his",
    "her",
    "their",
    "alone",
    "itself",
    "only",
    "also",
    "until",
    "through",
    "following",
    "compared",
    "versus",
    "vs",
    "against",
    "amid",
    "over",
    "under",
    "season",
    "election",
    "elections",
    "polls",
    "census",
    "budget",
    "edition",
    "summit",
    "olympics",
    "world",
    "general",
    "presidential",
    "parliamentary",
    "attack",
    "attacks",
    "war",
    "deal",
    "agreement",
    "accord",
    "report",
    "survey",
    "levels",
    "level",
    "figures",
    "data",
    "there",
    "this",
    "these",
    "those",
    "so",
    "if",
    "because",
    "despite",
    "then",
    "already",
    "again",
    "onwards",
    "onward",
    "ago",
    "till",
    "not",
    "no",
    "nor",
    "up",
    "about",
    "between",
    "during",
    "since",
    "via",
    "per",
    "did",
    "could",
    "can",
    "should",
    "may",
    "might",
    "must",
    "been",
    "being",
    "be",
    "all",
    "both",
    "each",
    "some",
    "many",
    "most",
    "lol",
];

fn h_year(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    let y: i32 = num(c, "year")?;
    let yr = c.name("year")?;
    let text = ctx.text;
    // Not a year inside a number, amount, code or model name.
    let before = &text[..yr.start()];
    let bad_before = match before.chars().next_back() {
        None => false,
        // "-2015" after a space is fine; "F-2015" is a code.
        Some('-') => before[..before.len() - 1].ends_with(|ch: char| ch.is_ascii_alphanumeric()),
        Some(ch) => {
            ch.is_ascii_alphanumeric()
                || matches!(
                    ch,
                    '$' | '£' | '€' | '¥' | '₹' | '.' | ',' | '#' | '/' | '+' | '–' | '_' | '\''
                )
        }
    };
    if bad_before {
        return None;
    }
    let after = &text[e..];
    if after.starts_with(['%', '/', '-', '–', '_', '+', '$'])
        || after.starts_with(|ch: char| ch.is_ascii_alphanumeric())
        || ((after.starts_with('.') || after.starts_with(',') || after.starts_with(':'))
            && after[1..].starts_with(|ch: char| ch.is_ascii_digit()))
    {
        return None;
    }
    let prev = prev_word(text, s).map(str::to_ascii_lowercase);
    let strong = c.name("kw").is_some()
        || prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "since"
                    | "during"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "early"
                    | "late"
                    | "mid"
                    | "year"
            )
        });
    if !strong {
        // The next word decides: "in 2000 deaths" is not a year.
        let rest = after.trim_start();
        let word: String = rest
            .chars()
            .take_while(|ch| ch.is_ascii_alphabetic())
            .collect();
        if !word.is_empty() && word.starts_with(|ch: char| ch.is_ascii_lowercase()) {
            let lw = word.to_ascii_lowercase();
            if !YEAR_NEXT_OK.contains(&lw.as_str()) {
                return None;
            }
        }
        if prev.is_none() && !(1900..=2099).contains(&y) {
            return None;
        }
        // Bare four-digit numbers outside any preposition: only plausible years.
        let introduced = prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "in" | "of"
                    | "by"
                    | "from"
                    | "to"
                    | "and"
                    | "or"
                    | "through"
                    | "between"
                    | "for"
                    | "on"
            )
        });
        if !introduced && !(1900..=2099).contains(&y) {
            return None;
        }
        // "Room 2015", "Windows 2000", "at 1990 Main Street": names and addresses.
        let prev_orig = prev_word(text, s);
        if prev.as_deref() == Some("at")
            || (!introduced
                && prev_orig.is_some_and(|p| p.starts_with(|ch: char| ch.is_ascii_uppercase())))
        {
            return None;
        }
        if prev.as_deref().is_some_and(|p| {
            matches!(
                p,
                "about"
                    | "around"
                    | "over"
                    | "nearly"
                    | "almost"
                    | "some"
                    | "than"
                    | "least"
                    | "most"
                    | "to"
                    | "killed"
                    | "only"
                    | "just"
                    | "approximately"
                    | "roughly"
                    | "estimated"
                    | "of"
            )
        }) && !(1900..=2099).contains(&y)
        {
            return None;
        }
    }
    year_value(y)
}

fn h_decade(c: &Captures<'_>, _: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let y = if let Some(cy) = c.name("c") {
        cy.as_str().parse::<i32>().ok()?
    } else {
        1900 + 10 * c.name("d")?.as_str().parse::<i32>().ok()?
    };
    Some(DateValue {
        start: ymd(y, 1, 1),
        end: ymd(y + 9, 12, 31),
        granularity: Granularity::Decade,
        weekday: None,
        month: None,
        relative: false,
    })
}

fn h_century(c: &Captures<'_>, _: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let n: i32 = num(c, "n")?;
    Some(DateValue {
        start: ymd((n - 1) * 100, 1, 1),
        end: ymd(n * 100 - 1, 12, 31),
        granularity: Granularity::Decade,
        weekday: None,
        month: None,
        relative: false,
    })
}

fn h_weekday(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    let wd = weekday_of(c.name("wd")?.as_str())?;
    let dem = c.name("dem").map(|d| d.as_str().to_ascii_lowercase());
    // "Black Friday", "Good Friday", "Super Tuesday", "Bloody Sunday": named
    // days (no attempt to resolve them); "on Wednesdays" is not matched.
    if dem.is_none()
        && prev_word(ctx.text, s).is_some_and(|p| {
            p.starts_with(|ch: char| ch.is_ascii_uppercase())
                && !matches!(
                    p,
                    "On" | "By"
                        | "Since"
                        | "Until"
                        | "From"
                        | "Last"
                        | "Next"
                        | "This"
                        | "During"
                        | "Before"
                        | "After"
                        | "And"
                        | "Or"
                        | "Till"
                        | "Through"
                )
        })
    {
        return None;
    }
    let Some(r) = ctx.reference else {
        let mut v = unresolved(Granularity::Day, None, Some(wd));
        v.month = None;
        return Some(v);
    };
    let rwd = r.weekday();
    let back = i64::from(wd.until(rwd)); // days from wd forward to reference
    let fwd = i64::from(rwd.until(wd));
    // "Wednesday next" (the next one), "Wednesday next week" (the one of
    // next week): `next` after the weekday modifies it.
    let after = ctx.text[e..].trim_start_matches([' ', '\u{a0}']);
    let postposed = after
        .get(..4)
        .filter(|w| w.eq_ignore_ascii_case("next"))
        .map(|_| after[4..].trim_start_matches([' ', '\u{a0}']))
        .filter(|_| !ctx.text[e..].starts_with(|c: char| c.is_alphanumeric()));
    let d = match (dem.as_deref(), postposed) {
        (None, Some(rest))
            if rest
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("week"))
                && !rest[4..].starts_with(|c: char| c.is_alphanumeric()) =>
        {
            let monday = add_days(r, 7 - i64::from(rwd.to_monday_zero_offset()))?;
            add_days(monday, i64::from(wd.to_monday_zero_offset()))?
        }
        (None, Some(rest))
            if !rest.starts_with(|c: char| c.is_alphanumeric()) || rest.is_empty() =>
        {
            add_days(r, if fwd == 0 { 7 } else { fwd })?
        }
        _ => match dem.as_deref() {
            Some("last" | "this past" | "previous") => {
                add_days(r, -(if back == 0 { 7 } else { back }))?
            }
            Some("next" | "this coming" | "this upcoming" | "following" | "coming") => {
                add_days(r, if fwd == 0 { 7 } else { fwd })?
            }
            _ => {
                if is_future(ctx, s, e) {
                    add_days(r, if fwd == 0 { 7 } else { fwd })?
                } else {
                    add_days(r, -back)?
                }
            }
        },
    };
    let mut v = day_value(d, true);
    v.weekday = Some(wd);
    v.month = None;
    Some(v)
}

fn h_day_word(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let w = c.name("w")?.as_str().to_ascii_lowercase();
    let off = match w.as_str() {
        "yesterday" => -1,
        "tomorrow" | "tmrw" => 1,
        _ => 0,
    };
    let Some(r) = ctx.reference else {
        let mut v = unresolved(Granularity::Day, None, None);
        v.month = None;
        return Some(v);
    };
    let mut v = day_value(add_days(r, off)?, true);
    v.month = None;
    Some(v)
}

fn h_rel_unit(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let dem = c.name("dem")?.as_str().to_ascii_lowercase();
    let dem = dem.split_whitespace().collect::<Vec<_>>().join(" ");
    let unit = c.name("unit")?.as_str().to_ascii_lowercase();
    let gran = unit_granularity(&unit);
    let Some(r) = ctx.reference else {
        return Some(unresolved(gran, None, None));
    };
    // "the past year", "the last month", "this past week": the span just before.
    let rolling = matches!(dem.as_str(), "past" | "the past" | "the last" | "this past");
    let (start, end) = if rolling && unit != "weekend" && unit != "quarter" {
        let start = shift_unit(r, &unit, -1)?;
        (start, add_days(r, -1)?.max(start))
    } else {
        let k = match dem.as_str() {
            "last" | "previous" | "the previous" | "past" | "the past" | "the last"
            | "this past" => -1,
            "next" | "coming" | "the coming" | "the next" | "following" | "the following"
            | "this coming" => 1,
            _ => 0,
        };
        period_of(r, &unit, k)?
    };
    Some(range_value(start, end, gran, true))
}

fn h_earlier_later(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let unit = c.name("unit")?.as_str().to_ascii_lowercase();
    let gran = unit_granularity(&unit);
    let Some(r) = ctx.reference else {
        return Some(unresolved(gran, None, None));
    };
    let (a, b) = period_of(r, &unit, 0)?;
    let (start, end) = if c.name("when")?.as_str().eq_ignore_ascii_case("earlier") {
        (a, add_days(r, -1)?.max(a))
    } else {
        (r, b)
    };
    Some(range_value(start, end, gran, true))
}

fn h_part_year(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, e: usize) -> Option<DateValue> {
    let part = c.name("part")?.as_str().to_ascii_lowercase();
    let (y, relative) = if let Some(y) = c.name("year") {
        if followed_by_number_stuff(ctx.text, e) {
            return None;
        }
        (y.as_str().parse::<i32>().ok()?, false)
    } else {
        let off = rel_offset(c.name("rel")?.as_str());
        match ctx.reference {
            Some(r) => (i32::from(r.year()) + off, true),
            None => return Some(unresolved(Granularity::PartOfYear, None, None)),
        }
    };
    let (m1, m2) = if part.contains("first half") {
        (1, 6)
    } else if part.contains("second half") {
        (7, 12)
    } else if part.contains("early") || part.contains("beginning") || part.contains("start") {
        (1, 4)
    } else if part.contains("mid") {
        (5, 8)
    } else {
        (9, 12)
    };
    let start = ymd(y, m1, 1)?;
    let end = ymd(y, m2, 1)?.last_of_month();
    Some(range_value(start, end, Granularity::PartOfYear, relative))
}

fn h_ago(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let n = count(c.name("n")?.as_str())?;
    let unit = c.name("unit")?.as_str().to_ascii_lowercase();
    let gran = unit_granularity(&unit);
    let Some(r) = ctx.reference else {
        return Some(unresolved(gran, None, None));
    };
    let point = shift_unit_n(r, &unit, -n)?;
    let (start, end) = if unit == "day" {
        (point, point)
    } else {
        period_of(point, &unit, 0)?
    };
    Some(range_value(start, end, gran, true))
}

fn h_past_n(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let n = count(c.name("n")?.as_str())?;
    let unit = c.name("unit")?.as_str().to_ascii_lowercase();
    let gran = unit_granularity(&unit);
    let Some(r) = ctx.reference else {
        return Some(unresolved(gran, None, None));
    };
    let dem = c.name("dem")?.as_str().to_ascii_lowercase();
    let (start, end) = if matches!(dem.as_str(), "past" | "last" | "previous") {
        let start = shift_unit_n(r, &unit, -n)?;
        (start, add_days(r, -1)?.max(start))
    } else {
        let start = add_days(r, 1)?;
        (start, shift_unit_n(r, &unit, n)?)
    };
    Some(range_value(start, end, gran, true))
}

fn h_season(c: &Captures<'_>, ctx: &Ctx<'_>, s: usize, e: usize) -> Option<DateValue> {
    let season = c.name("season")?.as_str().to_ascii_lowercase();
    let m1: i32 = match season.as_str() {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        _ => 12,
    };
    let dem = c.name("dem").map(|d| d.as_str().to_ascii_lowercase());
    let season_at = |y: i32| -> Option<(Date, Date)> {
        let start = ymd(y, m1, 1)?;
        let end = start
            .checked_add(jiff::Span::new().months(3))
            .ok()?
            .yesterday()
            .ok()?;
        Some((start, end))
    };
    if let Some(y) = c.name("year") {
        if followed_by_number_stuff(ctx.text, e) {
            return None;
        }
        let (a, b) = season_at(y.as_str().parse().ok()?)?;
        return Some(range_value(a, b, Granularity::Quarter, false));
    }
    if dem.is_none() {
        // Bare season: only after a temporal preposition ("in (the) summer"),
        // never "fall" (a verb).
        if season == "fall" {
            return None;
        }
        let core = c.name("season")?.start();
        let mut p = prev_word_at(ctx.text, core).map(|(i, w)| (i, w.to_ascii_lowercase()));
        if let Some((i, "the")) = p.as_ref().map(|(i, w)| (*i, w.as_str())) {
            p = prev_word_at(ctx.text, i).map(|(i, w)| (i, w.to_ascii_lowercase()));
        }
        let p = p.map(|(_, w)| w);
        if !p.as_deref().is_some_and(|p| {
            matches!(
                p,
                "in" | "during" | "since" | "by" | "until" | "over" | "this" | "last" | "next"
            )
        }) {
            return None;
        }
    }
    let Some(r) = ctx.reference else {
        return Some(unresolved(Granularity::Quarter, None, None));
    };
    let ry = i32::from(r.year());
    // Seasons starting in ry-2..=ry+1, sorted.
    let all: Vec<(Date, Date)> = ((ry - 2)..=(ry + 1)).filter_map(season_at).collect();
    let current = all.iter().copied().find(|(a, b)| *a <= r && r <= *b);
    let last_ended = all.iter().copied().rev().find(|(_, b)| *b < r);
    let next_start = all.iter().copied().find(|(a, _)| *a > r);
    let chosen = match dem.as_deref() {
        Some("last" | "the past" | "this past" | "previous" | "the previous") => last_ended,
        Some("next" | "this coming" | "the coming") => next_start,
        Some(_) => current.or(if is_future(ctx, s, e) {
            next_start
        } else {
            last_ended
        }),
        None => current.or(if is_future(ctx, s, e) {
            next_start
        } else {
            last_ended
        }),
    };
    let (a, b) = chosen?;
    Some(range_value(a, b, Granularity::Quarter, true))
}

fn h_quarter(c: &Captures<'_>, ctx: &Ctx<'_>, _: usize, e: usize) -> Option<DateValue> {
    let ord = c.name("ord")?.as_str().to_ascii_lowercase();
    let q: i32 = match ord.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    };
    let (y, relative) = if let Some(y) = c.name("year") {
        if followed_by_number_stuff(ctx.text, e) {
            return None;
        }
        (y.as_str().parse::<i32>().ok()?, false)
    } else {
        let off = c.name("rel").map_or(0, |r| rel_offset(r.as_str()));
        match ctx.reference {
            Some(r) => (i32::from(r.year()) + off, true),
            None => return Some(unresolved(Granularity::Quarter, None, None)),
        }
    };
    let start = ymd(y, 3 * q - 2, 1)?;
    let end = ymd(y, 3 * q, 1)?.last_of_month();
    Some(range_value(start, end, Granularity::Quarter, relative))
}

fn h_q_short(c: &Captures<'_>, _: &Ctx<'_>, _: usize, _: usize) -> Option<DateValue> {
    let (kind, q, y) = if let Some(y) = c.name("year") {
        (
            c.name("qh")?.as_str().to_ascii_lowercase(),
            num::<i32>(c, "q")?,
            y.as_str().parse::<i32>().ok()?,
        )
    } else {
        (
            c.name("qh2")?.as_str().to_ascii_lowercase(),
            num::<i32>(c, "q2")?,
            num::<i32>(c, "y2")?,
        )
    };
    if kind == "h" {
        if q > 2 {
            return None;
        }
        let start = ymd(y, 6 * q - 5, 1)?;
        let end = ymd(y, 6 * q, 1)?.last_of_month();
        return Some(range_value(start, end, Granularity::PartOfYear, false));
    }
    let start = ymd(y, 3 * q - 2, 1)?;
    let end = ymd(y, 3 * q, 1)?.last_of_month();
    Some(range_value(start, end, Granularity::Quarter, false))
}

// ---------------------------------------------------------------------------
// Helpers.

fn num<T: std::str::FromStr>(c: &Captures<'_>, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

fn shift_unit_n(d: Date, unit: &str, n: i64) -> Option<Date> {
    let span = match unit {
        "day" => jiff::Span::new().try_days(n).ok()?,
        "week" | "weekend" => jiff::Span::new().try_weeks(n).ok()?,
        "month" => jiff::Span::new().try_months(n).ok()?,
        "quarter" => jiff::Span::new().try_months(n.checked_mul(3)?).ok()?,
        "year" => jiff::Span::new().try_years(n).ok()?,
        "decade" => jiff::Span::new().try_years(n.checked_mul(10)?).ok()?,
        _ => return None,
    };
    d.checked_add(span).ok()
}

fn shift_unit(d: Date, unit: &str, n: i64) -> Option<Date> {
    shift_unit_n(d, unit, n)
}

/// The calendar period (`unit`) containing `d`, moved by `k` periods.
fn period_of(d: Date, unit: &str, k: i64) -> Option<(Date, Date)> {
    match unit {
        "week" => {
            let monday = add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))?;
            let start = add_days(monday, 7 * k)?;
            Some((start, add_days(start, 6)?))
        }
        "weekend" => {
            let monday = add_days(d, -i64::from(d.weekday().to_monday_zero_offset()))?;
            let sat = add_days(monday, 7 * k + 5)?;
            Some((sat, add_days(sat, 1)?))
        }
        "month" => {
            let start = shift_unit_n(d.first_of_month(), "month", k)?;
            Some((start, start.last_of_month()))
        }
        "quarter" => {
            let q0 = (i32::from(d.month()) - 1) / 3;
            let base = ymd(i32::from(d.year()), q0 * 3 + 1, 1)?;
            let start = shift_unit_n(base, "quarter", k)?;
            let end = shift_unit_n(start, "month", 3)?.yesterday().ok()?;
            Some((start, end))
        }
        "year" => {
            let y = i32::from(d.year()) + i32::try_from(k).ok()?;
            Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
        }
        "decade" => {
            let y = i32::from(d.year()) / 10 * 10 + 10 * i32::try_from(k).ok()?;
            Some((ymd(y, 1, 1)?, ymd(y + 9, 12, 31)?))
        }
        "day" => {
            let x = add_days(d, k)?;
            Some((x, x))
        }
        _ => None,
    }
}

fn unit_granularity(unit: &str) -> Granularity {
    match unit {
        "day" => Granularity::Day,
        "week" | "weekend" => Granularity::Week,
        "month" => Granularity::Month,
        "quarter" => Granularity::Quarter,
        "decade" => Granularity::Decade,
        _ => Granularity::Year,
    }
}

fn count(s: &str) -> Option<i64> {
    Some(match s.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        other => other.parse().ok()?,
    })
}

fn rel_offset(rel: &str) -> i32 {
    let r = rel.to_ascii_lowercase();
    if r.starts_with("last") || r.contains("previous") {
        -1
    } else if r.starts_with("next") || r.contains("following") {
        1
    } else {
        0
    }
}

fn month_number(word: &str) -> Option<i8> {
    let w = word.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

/// The month of a month word, refusing the verbs `may` and `march` (and the
/// abbreviation `mar`) unless capitalized.
fn month_ok(word: &str) -> Option<i8> {
    let lower = word.to_ascii_lowercase();
    if matches!(lower.as_str(), "may" | "march" | "mar")
        && !word.starts_with(|c: char| c.is_ascii_uppercase())
    {
        return None;
    }
    month_number(word)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    let w = word.to_ascii_lowercase();
    Some(match w.get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// The year of month `m` told about at reference `r`: the most recent not
/// after the reference month, or (future) the next not before it.
fn month_year_for(r: Date, m: i8, future: bool) -> i32 {
    let ry = i32::from(r.year());
    if future {
        if m >= r.month() { ry } else { ry + 1 }
    } else if m <= r.month() {
        ry
    } else {
        ry - 1
    }
}

fn with_day(
    year: Option<i32>,
    m: i8,
    d: i32,
    wd: Option<Weekday>,
    ctx: &Ctx<'_>,
) -> Option<DateValue> {
    let (y, relative) = match year {
        Some(y) => (y, false),
        None => match ctx.reference {
            Some(r) => (i32::from(r.year()), true),
            None => {
                // Check the day exists in some year (Feb 29 does).
                ymd(2000, i32::from(m), d)?;
                return Some(DateValue {
                    start: None,
                    end: None,
                    granularity: Granularity::Day,
                    weekday: wd,
                    month: Some(m),
                    relative: true,
                });
            }
        },
    };
    let date = ymd(y, i32::from(m), d)?;
    let mut v = day_value(date, relative);
    v.weekday = wd;
    Some(v)
}

fn day_value(d: Date, relative: bool) -> DateValue {
    DateValue {
        start: Some(d),
        end: Some(d),
        granularity: Granularity::Day,
        weekday: None,
        month: Some(d.month()),
        relative,
    }
}

fn month_value(y: i32, m: i8, relative: bool) -> Option<DateValue> {
    let start = ymd(y, i32::from(m), 1)?;
    Some(DateValue {
        start: Some(start),
        end: Some(start.last_of_month()),
        granularity: Granularity::Month,
        weekday: None,
        month: Some(m),
        relative,
    })
}

fn year_value(y: i32) -> Option<DateValue> {
    Some(range_value(
        ymd(y, 1, 1)?,
        ymd(y, 12, 31)?,
        Granularity::Year,
        false,
    ))
}

fn range_value(start: Date, end: Date, granularity: Granularity, relative: bool) -> DateValue {
    DateValue {
        start: Some(start),
        end: Some(end),
        granularity,
        weekday: None,
        month: None,
        relative,
    }
}

fn unresolved(granularity: Granularity, month: Option<i8>, weekday: Option<Weekday>) -> DateValue {
    DateValue {
        start: None,
        end: None,
        granularity,
        weekday,
        month,
        relative: true,
    }
}

/// The word just before byte `at` (separated from it by spaces), if any,
/// with its start.
fn prev_word_at(text: &str, at: usize) -> Option<(usize, &str)> {
    let head = text.get(..at)?;
    let before = head.trim_end_matches([' ', '\t', '\u{a0}']);
    if before.len() == head.len() {
        return None;
    }
    let word_start = before.len()
        - before
            .bytes()
            .rev()
            .take_while(u8::is_ascii_alphabetic)
            .count();
    if word_start == before.len() {
        return None;
    }
    Some((word_start, &before[word_start..]))
}

/// The word just before byte `at`, if any.
fn prev_word(text: &str, at: usize) -> Option<&str> {
    prev_word_at(text, at).map(|(_, w)| w)
}

/// Whether a number, unit or amount follows (so "May 2015" is not "May 2015bn").
fn followed_by_number_stuff(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("");
    after.starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '%' | '/' | '$'))
        || ((after.starts_with('.') || after.starts_with(','))
            && after[1..].starts_with(|c: char| c.is_ascii_digit()))
}

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    build_ci(
        r"\b(?:will|shall|(?:is|are|was|were)\s+(?:set\s+|expected\s+|due\s+|scheduled\s+|slated\s+|likely\s+)?to\s+(?:be\s+)?\w+|plans?\s+to|planning\s+to)\b|[’']ll\b",
    )
});

/// A verb in the past before a date in its clause (`was signed on
/// Wednesday`, `said on Wednesday`, `arrived in March`): the date is behind
/// the reference, whatever later clauses plan. Participles of plans
/// (`scheduled`, `expected`) are no past.
static PAST: LazyLock<Regex> =
    LazyLock::new(|| build_ci(r"\b(?:was|were|had|did|said|told|[a-z]{2,}ed)\b"));

/// How far around a date its own clause is looked for, in bytes: the
/// work per date stays bounded in a sentence with no comma.
const LOCAL_CLAUSE: usize = 160;

/// The clause of a date within its sentence `from..to`: from the last
/// comma or clause word (`and`, `but`, `that`, `which`, ...) before `s` to
/// the first after `e` (within
/// [`LOCAL_CLAUSE`] bytes each way).
fn local_clause(text: &str, from: usize, to: usize, s: usize, e: usize) -> (usize, usize) {
    let mut lf = s.saturating_sub(LOCAL_CLAUSE).max(from);
    while !text.is_char_boundary(lf) {
        lf += 1;
    }
    let mut lt = (e + LOCAL_CLAUSE).min(to);
    while !text.is_char_boundary(lt) {
        lt -= 1;
    }
    let (Some(left), Some(right)) = (text.get(lf..s), text.get(e..lt)) else {
        return (s, e);
    };
    // The last separator to start ends last (one can only start inside
    // another at its closing space, and then ends after it): read from the
    // end, the first found.
    let start = (0..left.len())
        .rev()
        .find_map(|k| clause_sep_at(left.as_bytes(), k).map(|n| lf + k + n))
        .unwrap_or(lf);
    let end = (0..right.len())
        .find(|&k| clause_sep_at(right.as_bytes(), k).is_some())
        .map_or(lt, |k| e + k);
    (start, end)
}

/// The length of the clause separator starting at byte `k` of `hay` and
/// ending within it, if one does: a comma, or one of the clause words
/// `and`, `but`, `that`, `which`, `who`, `when`, `where`, `while`,
/// `because`, `if`, `whether` between two spaces. (One pass over a window
/// finds every separator, where a substring search per separator read the
/// window a dozen times each way.)
fn clause_sep_at(hay: &[u8], k: usize) -> Option<usize> {
    match hay[k] {
        b',' => Some(1),
        b' ' => {
            let rest = &hay[k + 1..];
            let n = rest.iter().take(8).position(|&b| b == b' ')?;
            matches!(
                &rest[..n],
                b"and"
                    | b"but"
                    | b"that"
                    | b"which"
                    | b"who"
                    | b"when"
                    | b"where"
                    | b"while"
                    | b"because"
                    | b"if"
                    | b"whether"
            )
            .then_some(n + 2)
        }
        _ => None,
    }
}

/// Whether the date at `s..e` speaks of the future: its own clause plans
/// (`will be signed on Wednesday`), or, when its clause has no verb in the
/// past before it, its sentence does. A `next` or `upcoming` elsewhere in
/// the sentence (`the city next to the capital`, `deliveries will follow
/// next year`) moves nothing: those words act only on the date they
/// modify (`next Wednesday`).
fn is_future(ctx: &Ctx<'_>, s: usize, e: usize) -> bool {
    let text = ctx.text;
    let (from, to) = sentence_around(ctx, s, e);
    let (lf, lt) = local_clause(text, from, to, s, e);
    if text.get(lf..lt).is_some_and(plans) {
        return true;
    }
    // The sentence first: it is asked once for all its dates, and most
    // sentences plan nothing, which leaves the clause unread.
    sentence_is_future(ctx, s, e)
        && !text.get(lf..s).is_some_and(|c| {
            PAST.find_iter(c).any(|m| {
                !matches!(
                    m.as_str().to_ascii_lowercase().as_str(),
                    "scheduled" | "expected" | "planned" | "slated" | "proposed" | "intended"
                )
            })
        })
}

/// The bounds of the sentence (or `;` clause) around `s..e`.
fn sentence_around(ctx: &Ctx<'_>, s: usize, e: usize) -> (usize, usize) {
    let text = ctx.text;
    let boundaries = ctx.boundaries.get_or_init(|| {
        text.bytes()
            .enumerate()
            .filter(|(_, b)| matches!(b, b'.' | b'!' | b'?' | b';' | b'\n'))
            .map(|(i, _)| i)
            .collect()
    });
    let before = boundaries.partition_point(|&i| i < s);
    let from = before.checked_sub(1).map_or(0, |b| boundaries[b] + 1);
    let to = boundaries
        .get(boundaries.partition_point(|&i| i < e))
        .map_or(text.len(), |&i| i);
    (from, to)
}

/// Whether the sentence around `s..e` speaks of the future.
fn sentence_is_future(ctx: &Ctx<'_>, s: usize, e: usize) -> bool {
    let (from, to) = sentence_around(ctx, s, e);
    if let Some((f, t, future)) = ctx.future.get()
        && (f, t) == (from, to)
    {
        return future;
    }
    let future = ctx.text.get(from..to).is_some_and(plans);
    ctx.future.set(Some((from, to, future)));
    future
}

/// Whether `window` holds a cue of the future.
fn plans(window: &str) -> bool {
    FUTURE.find_iter(window).any(|m| {
        let w = m.as_str();
        // "is to blame" or "was to" in reported past are rare; "is set to"
        // etc. are the forms the pattern catches.
        !(w.ends_with("blame"))
    })
}

const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "since", "by", "during", "from", "until", "till",
];

/// Extends a mention back over a leading preposition (`on Wednesday`).
fn extend_preposition(text: &str, start: usize) -> usize {
    match prev_word_at(text, start) {
        Some((ws, word))
            if PREPOSITIONS.iter().any(|p| p.eq_ignore_ascii_case(word))
                && !text[..ws].ends_with(|c: char| c.is_alphanumeric() || c == '-') =>
        {
            ws
        }
        _ => start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Granularity::*;

    /// `local_clause` finds the separators a substring search for each
    /// one finds (the way it once looked for them), at every place of a
    /// date in sentences full of near misses.
    #[test]
    fn local_clause_agrees_with_a_search_per_separator() {
        let seps = [
            ",",
            " and ",
            " but ",
            " that ",
            " which ",
            " who ",
            " when ",
            " where ",
            " while ",
            " because ",
            " if ",
            " whether ",
        ];
        let reference = |text: &str, from: usize, to: usize, s: usize, e: usize| {
            let lf = s.saturating_sub(LOCAL_CLAUSE).max(from);
            let lt = (e + LOCAL_CLAUSE).min(to);
            let (left, right) = (&text[lf..s], &text[e..lt]);
            let start = seps
                .iter()
                .filter_map(|p| left.rfind(p).map(|k| lf + k + p.len()))
                .max()
                .unwrap_or(lf);
            let end = seps
                .iter()
                .filter_map(|p| right.find(p).map(|k| e + k))
                .min()
                .unwrap_or(lt);
            (start, end)
        };
        let texts = [
            "He said that the deal, which was signed on Monday and ratified later, \
             stands whether or not they agree because it is binding, while others wait.",
            "andy whom butter thatch whichever whose whence whereas whiles becauses iffy \
             and  but,, who when where  if whether",
            " and a b c , d because e whether f if g while h ",
            "no separators at all in this one",
        ];
        for text in texts {
            for s in 0..=text.len() {
                for e in s..=text.len().min(s + 12) {
                    assert_eq!(
                        local_clause(text, 0, text.len(), s, e),
                        reference(text, 0, text.len(), s, e),
                        "{text:?} at {s}..{e}"
                    );
                }
            }
        }
    }

    /// Rules compile on first use: make sure every one does.
    #[test]
    fn every_rule_compiles() {
        for rule in RULES.iter() {
            assert!(!rule.re().as_str().is_empty());
        }
    }

    /// A rule is skipped only where it cannot match: wherever a rule
    /// matches, the text has its cues (`10july` and `4thjuly` after a
    /// day's digits, `Dec31` before them).
    #[test]
    fn a_rule_matches_only_where_its_cues_are() {
        let extra = [
            "10july 2015",
            "the 4thjuly 2015",
            "the 4th of july, 2015",
            "july the 4th",
            "Dec31 , 1994",
            "nov 18-dec 19, 2015",
            "Nov. 18 - Dec. 19 2015",
            "mid-june",
            "mid-2014 and the first half of 2015",
            "late last year",
            "jan-feb 2017",
            "april of 1987, june in 2016",
            "sept. 5",
            "\u{a0}on\u{a0}Monday",
            "the '90s and the 1980 's",
            "2015-h2 and q3 of '2016",
            "ten days ago, a decade ago",
            "earlier this year, later in the week",
            "the past three days, the next 2 weeks",
            "2015/8/19 and 10.7.2015",
            "1990-2000",
            "Aug 20th-21st, November 19\u{2013}20, 2015",
            "aug 3 to 5, aug 20through 25, sept. 1 and\u{a0}2",
        ];
        let texts = CASES.iter().map(|c| c.0).chain(extra);
        let mut checked = 0;
        for text in texts {
            let lower = text.to_ascii_lowercase();
            let cues = cues(&lower);
            for (k, rule) in RULES.iter().enumerate() {
                if rule.re().is_match(&lower) {
                    checked += 1;
                    assert!(
                        rule.needs.iter().all(|&any| cues & any != 0),
                        "rule {k} matches {text:?} without its cues"
                    );
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    /// (text, reference, expected mentions as (span text, start, end,
    /// granularity)); "" for an unresolved start/end.
    type Case = (
        &'static str,
        Option<&'static str>,
        &'static [(&'static str, &'static str, &'static str, Granularity)],
    );

    const REF: Option<&str> = Some("2015-08-20"); // a Thursday

    const CASES: &[Case] = &[
        // A bare month coordinated with a month of a stated year shares it.
        (
            "It took place in September and October 2016.",
            Some("2017-11-21"),
            &[
                ("in September", "2016-09-01", "2016-09-30", Month),
                ("October 2016", "2016-10-01", "2016-10-31", Month),
            ],
        ),
        (
            "It took place in December and January 2016.",
            None,
            &[
                ("in December", "2015-12-01", "2015-12-31", Month),
                ("January 2016", "2016-01-01", "2016-01-31", Month),
            ],
        ),
        // Weekdays: news past tense, future sentences, no reference.
        (
            "Pakistan and Russia on Wednesday signed a deal.",
            REF,
            &[("on Wednesday", "2015-08-19", "2015-08-19", Day)],
        ),
        (
            "Pakistan and Russia on Wednesday signed a deal.",
            None,
            &[("on Wednesday", "", "", Day)],
        ),
        (
            "The deal was signed on Thursday.",
            REF,
            &[("on Thursday", "2015-08-20", "2015-08-20", Day)],
        ),
        (
            "The minister will visit Moscow on Wednesday.",
            REF,
            &[("on Wednesday", "2015-08-26", "2015-08-26", Day)],
        ),
        (
            "Talks are expected to resume on Monday.",
            REF,
            &[("on Monday", "2015-08-24", "2015-08-24", Day)],
        ),
        // `next` moves only the date it modifies, and a later clause's
        // plan does not move a date its own clause puts in the past.
        (
            "It was signed on Wednesday in Rawalpindi, the city next to the capital.",
            REF,
            &[("on Wednesday", "2015-08-19", "2015-08-19", Day)],
        ),
        (
            "It was signed on Wednesday and deliveries will follow in 2016.",
            REF,
            &[
                ("on Wednesday", "2015-08-19", "2015-08-19", Day),
                ("in 2016", "2016-01-01", "2016-12-31", Year),
            ],
        ),
        (
            "Officials said on Monday that the deal will be signed.",
            REF,
            &[("on Monday", "2015-08-17", "2015-08-17", Day)],
        ),
        (
            "The talks resume on Wednesday next.",
            REF,
            &[("on Wednesday", "2015-08-26", "2015-08-26", Day)],
        ),
        (
            "The talks resume on Friday next week.",
            REF,
            &[
                ("on Friday", "2015-08-28", "2015-08-28", Day),
                ("next week", "2015-08-24", "2015-08-30", Week),
            ],
        ),
        (
            "They met last Thursday.",
            REF,
            &[("last Thursday", "2015-08-13", "2015-08-13", Day)],
        ),
        (
            "They meet next Friday.",
            REF,
            &[("next Friday", "2015-08-21", "2015-08-21", Day)],
        ),
        ("He died on Good Friday.", REF, &[]),
        // Absolute dates.
        (
            "the summit in Ufa, Russia, July 10, 2015",
            REF,
            &[("July 10, 2015", "2015-07-10", "2015-07-10", Day)],
        ),
        (
            "It opened on 10 July 2015 in Ufa.",
            None,
            &[("on 10 July 2015", "2015-07-10", "2015-07-10", Day)],
        ),
        (
            "Published 19 Aug 2015",
            None,
            &[("19 Aug 2015", "2015-08-19", "2015-08-19", Day)],
        ),
        (
            "In this Aug. 12, 2015 photo, a helicopter flies.",
            REF,
            &[("Aug. 12, 2015", "2015-08-12", "2015-08-12", Day)],
        ),
        (
            "It happened this August.",
            REF,
            &[("this August", "2015-08-01", "2015-08-31", Month)],
        ),
        (
            "Filed Aug. 20 from Lahore",
            REF,
            &[("Aug. 20", "2015-08-20", "2015-08-20", Day)],
        ),
        (
            "Filed Aug 20, 2015 from Lahore",
            None,
            &[("Aug 20, 2015", "2015-08-20", "2015-08-20", Day)],
        ),
        (
            "Posted 2015-08-19 08:00",
            None,
            &[("2015-08-19", "2015-08-19", "2015-08-19", Day)],
        ),
        (
            "Sales fell in August 2015.",
            None,
            &[("in August 2015", "2015-08-01", "2015-08-31", Month)],
        ),
        (
            "He visited Russia in June, after which",
            REF,
            &[("in June", "2015-06-01", "2015-06-30", Month)],
        ),
        (
            "He visited Russia in November.",
            REF,
            &[("in November", "2014-11-01", "2014-11-30", Month)],
        ),
        (
            "Elections will be held in November.",
            REF,
            &[("in November", "2015-11-01", "2015-11-30", Month)],
        ),
        (
            "He visited Russia in June.",
            None,
            &[("in June", "", "", Month)],
        ),
        (
            "The vote is on June 10.",
            REF,
            &[("on June 10", "2015-06-10", "2015-06-10", Day)],
        ),
        (
            "signed in 2007 by Benazir Bhutto",
            REF,
            &[("in 2007", "2007-01-01", "2007-12-31", Year)],
        ),
        (
            "music of the 1990s was",
            None,
            &[("the 1990s", "1990-01-01", "1999-12-31", Decade)],
        ),
        ("On 10/7/2015 nothing", None, &[]),
        (
            "On 25/7/2015 it rained",
            None,
            &[("On 25/7/2015", "2015-07-25", "2015-07-25", Day)],
        ),
        (
            "Wednesday, August 19, 2015",
            None,
            &[(
                "Wednesday, August 19, 2015",
                "2015-08-19",
                "2015-08-19",
                Day,
            )],
        ),
        (
            "the talks on November 19-20 in Paris",
            REF,
            &[("on November 19-20", "2015-11-19", "2015-11-20", Day)],
        ),
        (
            "from 2010 to 2014 the economy grew",
            None,
            &[("from 2010 to 2014", "2010-01-01", "2014-12-31", Year)],
        ),
        (
            "between 2007 and 2009",
            None,
            &[("between 2007 and 2009", "2007-01-01", "2009-12-31", Year)],
        ),
        (
            "during 2014-2016",
            None,
            &[("during 2014-2016", "2014-01-01", "2016-12-31", Year)],
        ),
        (
            "the 15th century fort",
            None,
            &[("the 15th century", "1400-01-01", "1499-12-31", Decade)],
        ),
        // Relative expressions.
        (
            "Late last year, Shoigu arrived",
            REF,
            &[("Late last year", "2014-09-01", "2014-12-31", PartOfYear)],
        ),
        (
            "Late last year, Shoigu arrived",
            None,
            &[("Late last year", "", "", PartOfYear)],
        ),
        (
            "early this year",
            REF,
            &[("early this year", "2015-01-01", "2015-04-30", PartOfYear)],
        ),
        (
            "by mid-2014",
            None,
            &[("by mid-2014", "", "2014-08-31", PartOfYear)],
        ),
        (
            "relations in November last year",
            REF,
            &[("in November last year", "2014-11-01", "2014-11-30", Month)],
        ),
        (
            "negotiating the deal for the past year",
            REF,
            &[("the past year", "2014-08-20", "2015-08-19", Year)],
        ),
        (
            "in the past week",
            REF,
            &[("in the past week", "2015-08-13", "2015-08-19", Week)],
        ),
        (
            "It happened yesterday.",
            REF,
            &[("yesterday", "2015-08-19", "2015-08-19", Day)],
        ),
        (
            "today and tomorrow",
            REF,
            &[
                ("today", "2015-08-20", "2015-08-20", Day),
                ("tomorrow", "2015-08-21", "2015-08-21", Day),
            ],
        ),
        (
            "signed late this morning",
            REF,
            &[("this morning", "2015-08-20", "2015-08-20", Day)],
        ),
        (
            "last week",
            REF,
            &[("last week", "2015-08-10", "2015-08-16", Week)],
        ),
        (
            "this week",
            REF,
            &[("this week", "2015-08-17", "2015-08-23", Week)],
        ),
        (
            "next month",
            REF,
            &[("next month", "2015-09-01", "2015-09-30", Month)],
        ),
        (
            "earlier this month",
            REF,
            &[("earlier this month", "2015-08-01", "2015-08-19", Month)],
        ),
        (
            "later this month",
            REF,
            &[("later this month", "2015-08-20", "2015-08-31", Month)],
        ),
        (
            "last year",
            REF,
            &[("last year", "2014-01-01", "2014-12-31", Year)],
        ),
        ("next year", None, &[("next year", "", "", Year)]),
        (
            "two years ago",
            REF,
            &[("two years ago", "2013-01-01", "2013-12-31", Year)],
        ),
        (
            "three days ago",
            REF,
            &[("three days ago", "2015-08-17", "2015-08-17", Day)],
        ),
        (
            "last summer",
            REF,
            &[("last summer", "2014-06-01", "2014-08-31", Quarter)],
        ),
        (
            "in the second quarter of 2015",
            None,
            &[(
                "in the second quarter of 2015",
                "2015-04-01",
                "2015-06-30",
                Quarter,
            )],
        ),
        (
            "profit in Q2 2015 rose",
            None,
            &[("in Q2 2015", "2015-04-01", "2015-06-30", Quarter)],
        ),
        (
            "last quarter",
            REF,
            &[("last quarter", "2015-04-01", "2015-06-30", Quarter)],
        ),
        (
            "in early June",
            REF,
            &[("in early June", "2015-06-01", "2015-06-10", Month)],
        ),
        // Vague: not returned.
        ("in recent years", REF, &[]),
        // Not dates.
        ("four Mi-35 helicopters", REF, &[]),
        ("a deal worth $153m", REF, &[]),
        ("Pakistan may be interested", REF, &[]),
        ("They march to the capital", REF, &[]),
        ("wait a second", REF, &[]),
        ("2000 people died", REF, &[]),
        ("resulted in 2000 deaths", REF, &[]),
        ("it costs $2015 and 2,015 rupees", REF, &[]),
        ("Theresa May met Merkel", REF, &[]),
        ("Prime Minister May said", REF, &[]),
        ("a 2015-16 budget", REF, &[]),
        ("in their forties", REF, &[]),
        ("Room 2015 at the Marriott", REF, &[]),
        ("April Jones and June Smith came", REF, &[]),
        ("he lives at 1990 Main Street", REF, &[]),
    ];

    fn date(s: &str) -> Option<Date> {
        if s.is_empty() {
            None
        } else {
            Some(s.parse().unwrap())
        }
    }

    fn check(text: &str, reference: Option<&str>, expected: &[(&str, &str, &str, Granularity)]) {
        let found = recognize_dates(text, reference.and_then(date));
        let got: Vec<(&str, Option<Date>, Option<Date>, Granularity)> = found
            .iter()
            .map(|m| {
                (
                    &text[m.span.clone()],
                    m.value.start,
                    m.value.end,
                    m.value.granularity,
                )
            })
            .collect();
        let want: Vec<(&str, Option<Date>, Option<Date>, Granularity)> = expected
            .iter()
            .map(|&(t, s, e, g)| (t, date(s), date(e), g))
            .collect();
        assert_eq!(got, want, "{text:?} with reference {reference:?}");
        for m in &found {
            assert_eq!(m.value.is_resolved(), m.value.start.is_some(), "{text:?}");
            if !m.value.is_resolved() && !m.value.is_deadline() {
                assert!(m.value.relative, "{text:?}: unresolved must be relative");
            }
        }
    }

    /// `by` a date is a deadline: no start, the end of the date as its end.
    #[test]
    fn by_a_date_is_a_deadline() {
        let cases: &[Case] = &[
            (
                "The helicopters will be delivered by 2017.",
                REF,
                &[("by 2017", "", "2017-12-31", Year)],
            ),
            (
                "The fleet will double by August 2016.",
                REF,
                &[("by August 2016", "", "2016-08-31", Month)],
            ),
            (
                "By the end of 2017, all four will fly.",
                REF,
                &[("By the end of 2017", "", "2017-12-31", PartOfYear)],
            ),
            (
                "The helicopters will be delivered in 2017.",
                REF,
                &[("in 2017", "2017-01-01", "2017-12-31", Year)],
            ),
            (
                "The deal was signed by Benazir Bhutto in 2007.",
                REF,
                &[("in 2007", "2007-01-01", "2007-12-31", Year)],
            ),
        ];
        for (text, reference, expected) in cases {
            check(text, *reference, expected);
        }
        let m = &recognize_dates("delivered by 2017", None)[0];
        assert!(m.value.is_deadline() && !m.value.is_resolved());
    }

    #[test]
    fn table() {
        let failures: Vec<String> = CASES
            .iter()
            .filter_map(|&(text, reference, expected)| {
                std::panic::catch_unwind(|| check(text, reference, expected))
                    .err()
                    .map(|_| text.to_string())
            })
            .collect();
        assert!(
            failures.is_empty(),
            "{} failing: {failures:#?}",
            failures.len()
        );
    }

    #[test]
    fn range_joins_are_single_words_in_any_case() {
        for gap in [
            "-",
            " – ",
            "\u{a0}TO ",
            "Through",
            "\ttill\n",
            " until ",
            " and ",
        ] {
            assert!(is_range_join(gap), "{gap:?}");
        }
        for gap in ["", " ", "to be", "or", " andover ", "- and"] {
            assert!(!is_range_join(gap), "{gap:?}");
        }
    }

    /// A month is a real month name or a standard abbreviation ending at a
    /// word boundary (or running straight into its day, `Dec31`): not a
    /// misspelling (`Sepember`), nor the start of another word (`Marthe 3`
    /// is a name and a number).
    #[test]
    fn month_words_are_whole_real_names() {
        for (text, want) in [
            ("on Sept. 3, 2015", "on Sept. 3, 2015"),
            ("on Sep 3, 2015", "on Sep 3, 2015"),
            ("on September 3, 2015", "on September 3, 2015"),
            ("Dec31 , 1994", "Dec31 , 1994"),
            ("from Mar. 3 to June 5, 2015", "from Mar. 3 to June 5, 2015"),
            ("signed on Sepember 3, 2015", "2015"),
            ("in Sepember 2015", ""),
            ("in Sepember", ""),
            ("Marthe 3 scored twice", ""),
            ("Marthe 12 and Junea 4", ""),
            ("Marth - June 2015", "June 2015"),
            ("Jan to Marth 2015", ""),
        ] {
            let got: Vec<&str> = recognize_dates(text, REF.and_then(date))
                .into_iter()
                .map(|m| &text[m.span])
                .collect();
            assert_eq!(got.join(" | "), want, "{text:?}");
        }
    }

    #[test]
    fn unresolved_keep_what_is_named() {
        let m = recognize_dates("signed on Wednesday", None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value.weekday, Some(Weekday::Wednesday));
        let m = recognize_dates("visited in June", None);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value.month, Some(6));
        assert!(m[0].value.relative);
        let m = recognize_dates("in November last year", None);
        assert_eq!(m[0].value.month, Some(11));
        assert_eq!(m[0].value.start, None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let inputs = [
            "",
            "May",
            "on",
            "31 February 2015",
            "Feb 29",
            "2015-13-45",
            "é on Wednesday é",
            "9999-99-99",
            "in 1",
            "mid-",
            "the 0s",
            "Q9 2015",
            "Aug. 32, 2015",
            "日本 in June 2015 ü",
            "\u{a0}on\u{a0}Monday",
        ];
        for text in inputs {
            for m in recognize_dates(text, date("2015-08-20")) {
                assert!(
                    text.get(m.span.clone()).is_some(),
                    "{text:?}: bad span {:?}",
                    m.span
                );
            }
        }
        // No impossible day is made up.
        assert!(
            recognize_dates("31 February 2015", None)
                .iter()
                .all(|m| m.value.granularity != Granularity::Day)
        );
    }
}

/// Weekdays as 1 (Monday) to 7 (Sunday) in the facts cache: jiff's
/// `Weekday` has no serde support of its own.
mod weekday_number {
    use jiff::civil::Weekday;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(w: &Option<Weekday>, s: S) -> Result<S::Ok, S::Error> {
        match w {
            Some(w) => s.serialize_some(&w.to_monday_one_offset()),
            None => s.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Weekday>, D::Error> {
        match Option::<i8>::deserialize(d)? {
            None => Ok(None),
            Some(n) => Weekday::from_monday_one_offset(n)
                .map(Some)
                .map_err(serde::de::Error::custom),
        }
    }
}
