//! Stage 3: normalized [`Text`] to [`Facts`].
//!
//! `extract(&Text) -> Facts` runs every extractor over the sentences of
//! paragraphs that carry facts and gathers what they find. It never does I/O.
//! Each extractor lives in its own file and works on a sentence (numbers,
//! quantities, dates, places, events) or on the whole text (people,
//! organisations, quotes, which link mentions across sentences).

mod date;
mod event;
mod gazetteer_table;
mod number;
mod person;
mod place;
mod quantity;
mod quote;

pub use date::{DateMention, DateValue, Granularity, recognize_dates};
pub use event::{EventFrame, Factuality, canonical_predicate};
pub use number::{Amount, Bound, NumberMention, Unit, recognize_numbers};
pub(crate) use person::{FxBuild, PARTICLES as NAME_PARTICLES};
pub use person::{Organisation, Person, Role, organisations, people};
pub use place::{
    PlaceInfo, PlaceKind, PlaceMention, country_of_demonym, find_places, lookup_place,
};
pub use quantity::{Change, QuantityMention, quantities};
pub use quote::{Quote, quotes};

use crate::span::{SourceId, Span};
use crate::text::Text;

/// The version of the extractors: bump it whenever their output may change,
/// so that caches and lock files made by an older version are not trusted.
pub const EXTRACTOR_VERSION: u32 = 22;

/// What a place is to the story.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[non_exhaustive]
pub enum PlaceRole {
    /// Where the story was filed from (`ISLAMABAD:`): not where anything happened.
    Dateline,
    /// Where an event of the sentence happened (`signed ... in Rawalpindi`).
    EventLocation,
    /// Named as a party or a topic, not as a location (`Moscow and Islamabad
    /// concluded ...`, `sale to Pakistan`).
    Mention,
}

/// One fact, with where it was found.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Fact {
    /// What the fact says.
    pub kind: FactKind,
    /// Where it is in the normalized text.
    pub span: Span,
    /// Index of its sentence in [`Text::sentences`].
    pub sentence: usize,
    /// Who says it, when it is inside a quote or reported (`said a military
    /// source`, `IANS reported`).
    pub said_by: Option<String>,
}

/// The kinds of fact.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub enum FactKind {
    /// A number and what it counts.
    Quantity(QuantityMention),
    /// A date; `event` is the canonical predicate of the event it dates.
    Date {
        /// The date.
        value: DateValue,
        /// The event it is attached to, if any.
        event: Option<String>,
    },
    /// A place and its role.
    Place {
        /// The place.
        place: PlaceInfo,
        /// What it is to the story.
        role: PlaceRole,
        /// The event it is attached to, if any.
        event: Option<String>,
    },
    /// A person with roles.
    Person(Person),
    /// An organisation.
    Organisation(Organisation),
    /// A direct quote.
    Quote(Quote),
    /// An event with its participants and factuality.
    Event(EventFrame),
}

impl FactKind {
    /// A short lowercase name of the kind.
    pub fn name(&self) -> &'static str {
        match self {
            FactKind::Quantity(_) => "quantity",
            FactKind::Date { .. } => "date",
            FactKind::Place { .. } => "place",
            FactKind::Person(_) => "person",
            FactKind::Organisation(_) => "organisation",
            FactKind::Quote(_) => "quote",
            FactKind::Event(_) => "event",
        }
    }
}

/// Every fact of one source, in text order.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Facts {
    source: SourceId,
    facts: Vec<Fact>,
}

impl Facts {
    /// The source the facts come from.
    pub fn source(&self) -> &SourceId {
        &self.source
    }

    /// The facts in text order.
    pub fn iter(&self) -> std::slice::Iter<'_, Fact> {
        self.facts.iter()
    }

    /// How many facts there are.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}

impl<'a> IntoIterator for &'a Facts {
    type Item = &'a Fact;
    type IntoIter = std::slice::Iter<'a, Fact>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Starts making the date rules ready on a background thread and returns
/// at once: each rule's regex is compiled the first time a text has the
/// words and digits it needs (see `date::cues`), so a process that meets
/// few kinds of date compiles few rules, and no process compiles a set of
/// them all. They are made ready on first use anyway; a process that will
/// need them soon (claims are parsed with them) calls this first. Only the
/// first call does anything.
pub fn warm_up() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| {
        // A thread that cannot be spawned only means the patterns are built
        // on first use, as without this call.
        let _ = std::thread::Builder::new().spawn(date::warm_up);
    });
}

/// `s` in lowercase, borrowed when it already is (most words are).
pub(super) fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if s.is_ascii() {
        if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        }
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// Which ASCII bytes a run is made of (see [`ascii_run_end`]).
#[derive(Debug, Clone, Copy)]
pub(super) enum Run {
    /// `a` to `z`.
    Lowercase,
    /// ASCII letters of either case.
    Letters,
    /// ASCII letters and digits.
    Alphanumeric,
}

impl Run {
    fn holds(self, b: u8) -> bool {
        match self {
            Run::Lowercase => b.is_ascii_lowercase(),
            Run::Letters => b.is_ascii_alphabetic(),
            Run::Alphanumeric => b.is_ascii_alphanumeric(),
        }
    }
}

/// The end of the run of `class` bytes of `b` from `i`: the first index at
/// or after `i` of a byte of another kind, or `b.len()`. The tokenizers
/// skip over every word with it: eight bytes are tested at once (a word
/// fits in one or two such steps), where a loop byte by byte spends a test
/// and a branch on each.
pub(super) fn ascii_run_end(b: &[u8], mut i: usize, class: Run) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // (`| CASE` lowercases an ASCII letter and makes no other byte one)
    const CASE: u64 = 0x2020_2020_2020_2020;
    // Of each byte of `low7` (seven bits: no sum carries into the next
    // byte), the high bit of the result says whether it is `at` or more.
    let at_least = |low7: u64, at: u8| low7 + (0x80 - u64::from(at)) * ONES;
    let within = |low7: u64, lo: u8, hi: u8| at_least(low7, lo) & !at_least(low7, hi + 1);
    while let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let v = u64::from_le_bytes(chunk);
        let low7 = v & !HIGH;
        let held = match class {
            Run::Lowercase => within(low7, b'a', b'z'),
            Run::Letters => within(low7 | CASE, b'a', b'z'),
            Run::Alphanumeric => within(low7 | CASE, b'a', b'z') | within(low7, b'0', b'9'),
        };
        // A byte of another kind, or not ASCII, ends the run.
        let stops = !(held & !v) & HIGH;
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b.get(i).is_some_and(|&x| class.holds(x)) {
        i += 1;
    }
    i
}

/// Extracts every fact of `text`.
pub fn extract(text: &Text) -> Facts {
    // About four facts a sentence: reserved up front, as growing a vector of
    // facts (large values) copies them all each time.
    let mut facts = Vec::with_capacity(4 * text.sentences().len());
    // The text in ASCII lowercase (same byte offsets), made once: people,
    // events and numbers all read words in lowercase.
    let lowered = text.as_str().to_ascii_lowercase();
    let (ppl, orgs) = person::people_and_organisations_lowered(text, &lowered);
    let qs = quotes(text, &ppl, &orgs);
    // People and organisations are moved into their facts, not cloned: the
    // quotes were their last reader. (The order facts are pushed in only
    // matters among facts of one kind, sentence and span: see the sort.)
    for p in ppl {
        if let Some(&first) = p.mentions.first() {
            push(text, &mut facts, FactKind::Person(p), first, None);
        }
    }
    for o in orgs {
        if let Some(&first) = o.mentions.first() {
            push(text, &mut facts, FactKind::Organisation(o), first, None);
        }
    }
    let here = dateline_city(text);
    // The spans of a sentence's dates, kept from one sentence to the next.
    let mut date_spans: Vec<std::ops::Range<usize>> = Vec::new();
    for (si, s) in text.sentences().iter().enumerate() {
        if !s.kind.has_facts() {
            continue;
        }
        let base = s.span.start;
        let at = |r: &std::ops::Range<usize>| Span::new(base + r.start, base + r.end);
        // Facts inside a quote are the speaker's.
        let said_by = |span: Span| {
            qs.iter()
                .find(|q| q.span.contains(span))
                .and_then(|q| q.speaker.clone())
        };
        let mut add = |kind: FactKind, span: Span| {
            facts.push(Fact {
                kind,
                span,
                sentence: si,
                said_by: said_by(span),
            });
        };
        let sent = text.slice(s.span);
        let lower = &lowered[s.span.range()];
        let found = event::analyse_lowered(sent, lower, text.published());
        // A number inside a date expression (`Aug. 19`) counts nothing.
        date_spans.clear();
        date_spans.extend(
            found
                .frames
                .iter()
                .flat_map(|e| e.dates.iter().map(|d| d.span.clone()))
                .chain(found.loose_dates.iter().map(|d| d.span.clone())),
        );
        for (k, mut e) in found.frames.into_iter().enumerate() {
            // `signed at the General Headquarters here`: in the dateline's
            // city, when the article has one and the event no other place.
            if let Some(place) = &here
                && e.places.is_empty()
            {
                e.places.extend(
                    found
                        .here
                        .iter()
                        .filter(|h| h.0 == k)
                        .map(|h| PlaceMention {
                            span: h.1.clone(),
                            place: place.clone(),
                        }),
                );
            }
            for d in &e.dates {
                add(
                    FactKind::Date {
                        value: d.value.clone(),
                        event: Some(e.predicate.clone()),
                    },
                    at(&d.span),
                );
            }
            for p in &e.places {
                let kind = FactKind::Place {
                    place: p.place.clone(),
                    role: PlaceRole::EventLocation,
                    event: Some(e.predicate.clone()),
                };
                add(kind, at(&p.span));
            }
            for p in &e.other_places {
                add(
                    FactKind::Place {
                        place: p.place.clone(),
                        role: PlaceRole::Mention,
                        event: None,
                    },
                    at(&p.span),
                );
            }
            let span = at(&e.span);
            add(FactKind::Event(e), span);
        }
        for d in found.loose_dates {
            add(
                FactKind::Date {
                    value: d.value,
                    event: None,
                },
                at(&d.span),
            );
        }
        for p in found.loose_places {
            add(
                FactKind::Place {
                    place: p.place,
                    role: PlaceRole::Mention,
                    event: None,
                },
                at(&p.span),
            );
        }
        let counts = quantity::quantities_lowered(sent, Some(lower))
            .into_iter()
            .filter(|q| {
                !date_spans
                    .iter()
                    .any(|d| d.start < q.span.end && q.span.start < d.end)
            });
        for q in counts {
            let span = at(&q.span);
            add(FactKind::Quantity(q), span);
        }
    }
    for (pi, p) in text.paragraphs().iter().enumerate() {
        let Some(d) = p.dateline else { continue };
        // The dateline belongs to the first sentence of its paragraph, or
        // of the story when it stands alone on its line.
        let sentence = text
            .sentences()
            .iter()
            .position(|s| s.paragraph >= pi)
            .unwrap_or(0);
        // `ISLAMABAD/MOSCOW`: filed from both.
        let mut start = d.start;
        for name in text.slice(d).split('/') {
            let span = Span::new(start, start + name.len());
            start = span.end + 1;
            let Some(place) = lookup_place(name) else {
                continue;
            };
            facts.push(Fact {
                kind: FactKind::Place {
                    place,
                    role: PlaceRole::Dateline,
                    event: None,
                },
                span,
                sentence,
                said_by: None,
            });
        }
    }
    // The quotes, read by `said_by` above, are moved into their facts last.
    for q in qs {
        // The speaker is part of the quote fact itself, not an attribution.
        let span = q.span;
        push(text, &mut facts, FactKind::Quote(q), span, None);
    }
    // A stable sort by a small key: `sort_by_cached_key` sorts the keys and
    // then moves each fact at most once, where sorting the facts themselves
    // (a few hundred bytes each) moved them at every step.
    facts.sort_by_cached_key(|f| (f.sentence, f.span, f.kind.name()));
    Facts {
        source: text.id().clone(),
        facts,
    }
}

/// The city an article is filed from: its first dateline, when it names
/// one place (`RAWALPINDI:`; not `ISLAMABAD/MOSCOW`).
fn dateline_city(text: &Text) -> Option<PlaceInfo> {
    let d = text.paragraphs().iter().find_map(|p| p.dateline)?;
    let name = text.slice(d);
    if name.contains('/') {
        return None;
    }
    lookup_place(name)
}

fn push(text: &Text, facts: &mut Vec<Fact>, kind: FactKind, span: Span, said_by: Option<String>) {
    let sentence = text.sentence_at(span.start).unwrap_or(0);
    facts.push(Fact {
        kind,
        span,
        sentence,
        said_by,
    });
}

impl Fact {
    /// A one-line description of what the fact says, without positions, so
    /// that it only changes when the meaning does.
    pub fn describe(&self) -> String {
        let mut s = match &self.kind {
            FactKind::Quantity(q) => {
                let mut s = format!("quantity {}", describe_amount(&q.amount));
                if let Some(c) = &q.counted {
                    s.push_str(&format!(" {c}"));
                }
                if !q.qualifiers.is_empty() {
                    s.push_str(&format!(" [{}]", q.qualifiers.join(", ")));
                }
                match q.change {
                    Some(Change::Increase) => s.push_str(" (increase)"),
                    Some(Change::Decrease) => s.push_str(" (decrease)"),
                    None => {}
                }
                if q.held {
                    s.push_str(" (held)");
                }
                s
            }
            FactKind::Date { value, event } => {
                let mut s = format!("date {}", describe_date(value));
                if let Some(e) = event {
                    s.push_str(&format!(" of `{e}`"));
                }
                s
            }
            FactKind::Place { place, role, event } => {
                let role = match role {
                    PlaceRole::Dateline => "dateline",
                    PlaceRole::EventLocation => "location",
                    PlaceRole::Mention => "mention",
                };
                let mut s = format!(
                    "place {} ({}, {}) {role}",
                    place.name,
                    place_kind(place.kind),
                    place.country
                );
                if let Some(e) = event {
                    s.push_str(&format!(" of `{e}`"));
                }
                s
            }
            FactKind::Person(p) => {
                let roles: Vec<String> = p
                    .roles
                    .iter()
                    .map(|r| match &r.of {
                        Some(of) => format!("{} of {of}", r.title),
                        None => r.title.clone(),
                    })
                    .collect();
                if roles.is_empty() {
                    format!("person {}", p.name)
                } else {
                    format!("person {} ({})", p.name, roles.join("; "))
                }
            }
            FactKind::Organisation(o) => {
                if o.aliases.is_empty() {
                    format!("organisation {}", o.name)
                } else {
                    format!("organisation {} (also {})", o.name, o.aliases.join(", "))
                }
            }
            FactKind::Quote(q) => {
                let by = q.speaker.as_deref().unwrap_or("(unknown)");
                format!("quote by {by}: \"{}\"", q.text)
            }
            FactKind::Event(e) => {
                let mut s = format!(
                    "event `{}` ({}) {}",
                    e.predicate,
                    e.verb,
                    e.factuality.as_str()
                );
                if let Some(a) = &e.agent {
                    s.push_str(&format!(" agent=\"{a}\""));
                }
                if let Some(o) = &e.object {
                    s.push_str(&format!(" object=\"{o}\""));
                }
                for p in &e.places {
                    s.push_str(&format!(" in={}", p.place.name));
                }
                for d in &e.dates {
                    s.push_str(&format!(" when={}", describe_date(&d.value)));
                }
                s
            }
        };
        if let Some(by) = &self.said_by {
            s.push_str(&format!(" — said by {by}"));
        }
        s
    }
}

fn place_kind(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Region => "region",
        PlaceKind::City => "city",
    }
}

/// `4`, `about 15`, `at least 8`, `USD 153000000`, `15%`, `252–287`.
pub fn describe_amount(a: &Amount) -> String {
    let num = |v: f64| {
        if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    let mut v = num(a.value);
    if let Some(u) = a.upper {
        v = format!("{v}–{}", num(u));
    }
    let v = match &a.unit {
        Unit::Count => v,
        Unit::Percent => format!("{v}%"),
        Unit::Currency(c) => format!("{c} {v}"),
    };
    match a.bound {
        Bound::Exact => v,
        Bound::Approx => format!("about {v}"),
        Bound::AtLeast => format!("at least {v}"),
        Bound::AtMost => format!("at most {v}"),
        Bound::MoreThan => format!("more than {v}"),
        Bound::LessThan => format!("less than {v}"),
        Bound::Nearly => format!("nearly {v}"),
    }
}

/// `2015-08-19 (Wednesday)`, `2014-09-01..2014-12-31 (part of year)`,
/// `by 2017-12-31 (year)` (a deadline), `Wednesday (unresolved)`.
pub fn describe_date(d: &DateValue) -> String {
    let gran = match d.granularity {
        Granularity::Day => "day",
        Granularity::Week => "week",
        Granularity::Month => "month",
        Granularity::Quarter => "quarter",
        Granularity::PartOfYear => "part of year",
        Granularity::Year => "year",
        Granularity::Decade => "decade",
    };
    match (d.start, d.end) {
        (Some(s), Some(e)) if s == e => format!("{s} ({})", s.weekday_name()),
        (Some(s), Some(e)) => format!("{s}..{e} ({gran})"),
        (None, Some(e)) => format!("by {e} ({gran})"),
        _ => {
            let mut parts = Vec::new();
            if let Some(w) = d.weekday {
                parts.push(format!("{w:?}"));
            }
            if let Some(m) = d.month {
                parts.push(format!("month {m}"));
            }
            if parts.is_empty() {
                parts.push(gran.to_string());
            }
            format!(
                "{} (unresolved{})",
                parts.join(" "),
                if d.relative { ", relative" } else { "" }
            )
        }
    }
}

trait WeekdayName {
    fn weekday_name(&self) -> String;
}

impl WeekdayName for jiff::civil::Date {
    fn weekday_name(&self) -> String {
        format!("{:?}", self.weekday())
    }
}

/// Byte ranges of the word tokens of `s` (letters and digits with inner
/// `'`, `-`, `.`), for matching phrases on word boundaries.
pub fn word_spans(s: &str) -> Vec<std::ops::Range<usize>> {
    event::tokens(s)
        .into_iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_alphanumeric))
        .map(|t| t.start..t.end)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Run, ascii_run_end};

    /// [`ascii_run_end`] byte by byte.
    fn run_end_bytewise(b: &[u8], mut i: usize, class: Run) -> usize {
        while b.get(i).is_some_and(|&x| class.holds(x)) {
            i += 1;
        }
        i
    }

    #[test]
    fn ascii_runs_end_where_a_byte_loop_ends_them() {
        // Every byte value at every offset of a run, and runs of every
        // length around the eight bytes read at once.
        let mut texts: Vec<Vec<u8>> = Vec::new();
        for x in 0..=255u8 {
            for at in 0..12 {
                let mut t = b"abcdefghijKLMNOPQR09".to_vec();
                t.insert(at, x);
                texts.push(t);
            }
        }
        for n in 0..20 {
            texts.push("wordS9".repeat(4).as_bytes()[..n].to_vec());
        }
        texts.push("Caf\u{e9} r\u{e9}sum\u{e9}s, 1999".as_bytes().to_vec());
        for t in &texts {
            for class in [Run::Lowercase, Run::Letters, Run::Alphanumeric] {
                for i in 0..=t.len() + 1 {
                    assert_eq!(
                        ascii_run_end(t, i, class),
                        run_end_bytewise(t, i, class),
                        "{t:?} from {i}, {class:?}"
                    );
                }
            }
        }
    }
}
