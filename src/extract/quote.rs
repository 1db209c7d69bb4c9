//! Direct quotes and who said them.
//!
//! A quote is text between straight double quotes (curly ones are already
//! straightened by normalization) inside one paragraph of a kind that
//! carries facts. Quote marks pair from the left; an unclosed quote ends at
//! the paragraph end. The span is the quoted words, trimmed of white space
//! and of a trailing comma (`"It was signed,"` → `It was signed`); a final
//! `.`/`?`/`!` is kept. Single-quoted phrases are never quotes (they are
//! scare quotes or names, `'Hind E'`).
//!
//! The speaker, in order of preference:
//! 1. right after the quote: `"...," said X`, `"...," X said`, `"...," X told
//!    Y` (X), `"...," the WSJ quoted X` (X, not the WSJ);
//! 2. right before it: `X said: "..."`, `X said "..."`, `X told reporters: "..."`,
//!    `X, a former diplomat, told reporters: "..."` (X), `according to X,
//!    "..."`; whom X tells (`reporters`, `the WSJ`) is never the speaker;
//! 3. anywhere else in the same sentence: `... "mend fences" ..., the
//!    newspaper reported`, `The WSJ has said ... the "..."`;
//! 4. a continuation: a quote with no speaker of its own that follows a
//!    quote in the same paragraph, or opens the next paragraph, gets that
//!    quote's speaker. Short phrases (three words or fewer) never inherit.
//!
//! A speaker that is a person's mention is given as [`Person::name`], an
//! organisation's as [`Organisation::name`]; `he`/`she` is the most recent
//! person mentioned before, in its paragraph or the two before (or the
//! previous quote's speaker), unless an unnamed person is introduced
//! after that mention as a speaker (`A senior official ..., said that
//! ... "...," he said`: `senior official`); `it`/`they` is the previous
//! quote's speaker. A speaker phrase holds no finite verb (`said India
//! was "..."` names no `India was`); a speech verb with no subject of its
//! own (`X, talking to reporters ..., welcomed the deal and said that`)
//! has the person the sentence opens with, after a short opening phrase
//! (`Earlier, X, ..., had stated that`). A role before a name in
//! apposition gives the person (`Pakistan's military spokesman, Major
//! General Asim Bajwa, said`; `said the army's spokesman, X.`); a short
//! bracket inside a title is read through (`said Lt Col (retd) X`); a
//! passive `quoted`/`cited` has its subject speak (`the COAS was quoted
//! as saying by the ISPR`: the COAS); a naming verb right before the
//! quote is speech (`termed the agreement "..."`); an acronym spelling
//! the role of exactly one person is that person (`COAS`: the `chief of
//! army staff`). `he`/`she` after an unnamed source introduced with
//! `the source` or `according to a/the official` is that source.
//! Anything else (an unnamed source) is kept as written, lowercase, without a
//! leading article (`a military source` → `military source`, `the
//! newspaper` → `newspaper`, `officials`); a capitalized name that links to
//! no person or organisation is kept as written (`Sharif`). A phrase quote
//! with no speaker in its sentence is still a quote, with no speaker.

use super::person::{Organisation, Person, Tok, is_speech_verb, tokenize};
use crate::span::Span;
use crate::text::Text;

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub span: Span,
    /// The quoted words as text (normalized).
    pub text: String,
    /// The speaker's name as in [`Person::name`] or [`Organisation::name`]
    /// (or as written, for an unnamed source such as `a military source`).
    pub speaker: Option<String>,
    /// Where the speaker is named for this quote.
    pub speaker_span: Option<Span>,
}

/// Words between a subject and its speech verb (`has said`, `also said`).
#[rustfmt::skip]
const AUX: &[&str] = &[
    "has", "had", "have", "also", "reportedly", "was", "is", "earlier", "later", "further",
    "once", "then", "previously", "had", "would", "will", "recently", "separately", "quickly",
];

/// Words that end a speaker phrase read to the right (`a military source
/// in Islamabad`).
#[rustfmt::skip]
const NP_STOP_RIGHT: &[&str] = &[
    "who", "in", "on", "at", "when", "after", "while", "during", "that", "adding", "as", "to",
    "from", "with", "for", "and", "but", "which", "before", "last", "this", "yesterday",
    "today", "earlier", "late", "by", "said", "says", "told",
];

/// Words that end a speaker phrase read to the left (`... and officials said`).
#[rustfmt::skip]
const NP_STOP_LEFT: &[&str] = &[
    "that", "and", "but", "which", "as", "while", "when", "because", "so", "since", "though",
    "although", "if", "where", "after", "before", "meanwhile", "however",
];

const VERBS_OBJECT_SPEAKER: &[&str] = &["quoted", "quoting", "quotes", "cited", "citing"];

/// Speech verbs whose object is the listener: `told reporters`.
const TELL: &[&str] = &["told", "tells", "tell", "telling"];

/// Finite verbs that never stand in a speaker phrase: `said India was
/// "aware of the reports"` names no speaker `India was`.
#[rustfmt::skip]
const FINITE: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "would", "will", "could", "should",
    "did", "does", "can", "may", "might", "must",
];

/// Nouns of an unnamed person that an indefinite article introduces (`A
/// senior official of the ministry ... said`): a later `he` is that
/// person, not anyone named before.
#[rustfmt::skip]
const UNNAMED: &[&str] = &[
    "official", "spokesman", "spokeswoman", "spokesperson", "source", "diplomat", "officer",
    "analyst", "aide", "lawyer", "expert", "executive", "minister", "member", "commander",
    "resident", "witness",
];

/// Nouns of a source unnamed by nature: even after `the` (`the source
/// said`, `according to the source`) they are nobody named before.
const ANONYMOUS: &[&str] = &["source", "sources", "insider", "insiders"];

/// Verbs that put words in quotes as what the subject called something
/// (`termed the agreement "a new chapter"`); read only right before a
/// quote.
const NAMING: &[&str] = &[
    "termed",
    "terms",
    "dubbed",
    "described",
    "describes",
    "called",
    "calls",
    "labelled",
    "labeled",
    "branded",
];

/// Auxiliaries of a passive `quoted`/`cited` (`X was quoted as saying by
/// Y`: X speaks, not Y).
const PASSIVE: &[&str] = &["was", "were", "is", "are", "been", "being"];

/// The named things of the text: (span, name, is a person).
struct Names {
    ents: Vec<(Span, String, bool)>,
    /// The initials of each person's roles (`coas` of `chief of army
    /// staff`) with the person's name.
    role_initials: Vec<(String, String)>,
    /// Where the second paragraph before the current one starts: `he`
    /// and `she` look no further back for whom they mean.
    floor: usize,
}

impl Names {
    fn new(people: &[Person], orgs: &[Organisation]) -> Names {
        let mut ents = Vec::new();
        for p in people {
            ents.extend(p.mentions.iter().map(|m| (*m, p.name.clone(), true)));
        }
        for o in orgs {
            ents.extend(o.mentions.iter().map(|m| (*m, o.name.clone(), false)));
        }
        ents.sort_by_key(|e| e.0);
        let mut role_initials = Vec::new();
        for p in people {
            for r in &p.roles {
                let words: Vec<&str> = r.title.split([' ', '-']).collect();
                if words.len() >= 2 {
                    let init: String = words.iter().filter_map(|w| w.chars().next()).collect();
                    role_initials.push((init, p.name.clone()));
                }
            }
        }
        Names {
            ents,
            role_initials,
            floor: 0,
        }
    }

    /// The one person whose role the acronym `low` (lowercase) spells
    /// (`COAS`: the person who is `chief of army staff`).
    fn by_role_initials(&self, low: &str) -> Option<&str> {
        let mut found = self
            .role_initials
            .iter()
            .filter(|(init, _)| init == low)
            .map(|(_, name)| name.as_str());
        let first = found.next()?;
        found.all(|n| n == first).then_some(first)
    }

    /// Named things overlapping `span`, people first, in text order.
    fn within(&self, span: Span) -> Vec<&(Span, String, bool)> {
        // mentions are short: look a little before `span` only
        let from = self
            .ents
            .partition_point(|(s, _, _)| s.start + 300 < span.start);
        let to = self.ents.partition_point(|(s, _, _)| s.start < span.end);
        let mut v: Vec<&(Span, String, bool)> = self.ents[from..to.max(from)]
            .iter()
            .filter(|(s, _, _)| s.start < span.end && span.start < s.end)
            .collect();
        v.sort_by_key(|e| (!e.2, e.0));
        v
    }

    /// The most recent person mention before `at`.
    fn person_before(&self, at: usize) -> Option<&(Span, String, bool)> {
        let to = self.ents.partition_point(|(s, _, _)| s.start < at);
        self.ents[..to]
            .iter()
            .rev()
            .find(|(s, _, p)| *p && s.end <= at)
    }
}

/// Resolves a speaker phrase made of `toks` (in text order).
fn resolve(
    s: &str,
    toks: &[&Tok],
    names: &Names,
    prev: Option<&(String, Option<Span>)>,
    nearest_last: bool,
) -> Option<(String, Span)> {
    let (first, last) = (toks.first()?, toks.last()?);
    let span = Span::new(first.span.start, last.span.end);
    let found = names.within(span);
    let pick = if nearest_last {
        // people first, then the one nearest the verb
        found.iter().rfind(|e| e.2).or_else(|| found.last())
    } else {
        found.first()
    };
    if let Some(e) = pick {
        return Some((e.1.clone(), e.0));
    }
    if toks.len() == 1 {
        match first.low.as_ref() {
            "he" | "she" => {
                // the nearest person before, in this paragraph or the two
                // before, unless an unnamed one (`a senior official`) comes
                // between
                let at = first.span.start;
                let named = names
                    .person_before(at)
                    .filter(|e| e.0.start >= names.floor || prev.is_some_and(|p| p.0 == e.1));
                let from = named.map_or(names.floor, |e| e.0.end);
                if let Some(unnamed) = unnamed_between(s, from, at) {
                    return Some(unnamed);
                }
                return named.map(|e| (e.1.clone(), first.span));
            }
            "it" | "they" => return prev.map(|p| (p.0.clone(), first.span)),
            "i" | "we" | "you" => return None,
            _ => {}
        }
    }
    let mut words: Vec<&Tok> = toks.iter().copied().filter(|t| t.word).collect();
    while words
        .first()
        .is_some_and(|t| ["a", "an", "the"].contains(&t.low.as_ref()))
    {
        words.remove(0);
    }
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    // `Khawaja Asif, who called it "a milestone"`: the person the relative
    // clause hangs on, just before its comma
    if let [w] = words.as_slice() {
        if w.is("who") {
            let at = w.span.start;
            let named = names.person_before(at).filter(|e| {
                s.get(e.0.end..at)
                    .is_some_and(|gap| matches!(gap.trim(), "," | ""))
            });
            return named.map(|e| (e.1.clone(), w.span));
        }
    }
    // a speaker phrase ends in a noun-like word, not a verb or date
    if words
        .iter()
        .any(|t| is_speech_verb(&t.low) || FINITE.contains(&t.low.as_ref()))
    {
        return None;
    }
    // `retired Air Marshal K.S.`: titles and initials cut from a name are
    // no speaker
    if words
        .last()
        .is_some_and(|t| t.cap && t.low.split('.').all(|p| p.chars().count() == 1))
    {
        return None;
    }
    let sp = Span::new(words[0].span.start, words[words.len() - 1].span.end);
    // `the COAS`: an acronym of the role of one person of the text
    if let [w] = words.as_slice() {
        let raw = &s[w.span.range()];
        if raw.len() >= 3 && raw.bytes().all(|b| b.is_ascii_uppercase()) {
            if let Some(name) = names.by_role_initials(&w.low) {
                return Some((name.to_string(), sp));
            }
        }
    }
    // a proper name nobody linked (`Sharif` with two Sharifs about) stays
    // as written; an unnamed source is lowercased
    let written = &s[sp.range()];
    if words.iter().all(|t| t.cap) && words[0].low != "officials" {
        return Some((written.to_string(), sp));
    }
    Some((written.to_lowercase(), sp))
}

/// The last unnamed person introduced with an indefinite article between
/// bytes `from` and `to` of `s` as the subject of a speech verb (`A
/// senior official of the Ministry ..., said`): the words after the
/// article up to the noun, lowercase (`senior official`).
fn unnamed_between(s: &str, from: usize, to: usize) -> Option<(String, Span)> {
    let between = s.get(from..to)?;
    let toks = tokenize(between, from);
    let mut found = None;
    for (i, t) in toks.iter().enumerate() {
        // `the source` is unnamed by nature; `the official` may be a
        // person named before
        let definite = t.is("the")
            && toks
                .get(i + 1)
                .is_some_and(|x| ANONYMOUS.contains(&x.low.as_ref()));
        if !(t.word && (t.is("a") || t.is("an") || definite)) {
            continue;
        }
        // `Arvind Mathur, a former member of the Board, argued`: an
        // apposition describes the named person `from` ends, who speaks
        if i == 1 && toks[0].is(",") {
            continue;
        }
        let Some(n) = (i + 1..toks.len().min(i + 4))
            .take_while(|&k| toks[k].word)
            .find(|&k| UNNAMED.contains(&toks[k].low.as_ref()))
        else {
            continue;
        };
        // `according to a diplomat, ...` introduces a speaker as a verb
        // after the noun does
        let according = i >= 2 && toks[i - 1].is("to") && toks[i - 2].is("according");
        let speaks = according
            || toks[n + 1..]
                .iter()
                .take_while(|x| !x.is(".") && !x.is("\""))
                .any(is_speech);
        if speaks {
            let sp = Span::new(toks[i + 1].span.start, toks[n].span.end);
            found = Some((s[sp.range()].to_lowercase(), sp));
        }
    }
    found
}

/// The speaker of a sentence whose speech verb at `v` has no subject of
/// its own (`X, talking to reporters ..., welcomed the deal and said that
/// ...`, `X, in a message posted on Twitter, said that ...`): the person
/// the sentence opens with, followed by a comma, no comma before it.
fn sentence_subject(toks: &[Tok], v: usize, names: &Names) -> Option<(String, Span)> {
    // `X, ..., had stated that`: auxiliaries are part of the verb
    let v = aux_start(toks, v);
    let before = toks.get(v.checked_sub(1)?)?;
    if !(before.is(",") || before.is("and")) {
        return None;
    }
    let first = toks.first()?;
    let span = Span::new(first.span.start, toks[v].span.start);
    let e = names.within(span).into_iter().find(|e| e.2)?;
    // the person opens the sentence: no comma before, a comma after; a
    // short opening phrase with no name in it may come first (`Earlier,`,
    // `Meanwhile,`, `On Monday,`)
    let k = toks.iter().position(|t| t.span.start >= e.0.end)?;
    let lead = toks[..k.min(5)]
        .iter()
        .position(|t| t.is(","))
        .filter(|&c| c > 0 && toks[..c].iter().all(|t| t.word) && toks[c].span.end <= e.0.start)
        .map_or(0, |c| c + 1);
    let opens = toks[lead..k]
        .iter()
        .all(|t| t.word || t.is("(") || t.is(")"));
    (opens && toks[k].is(",")).then(|| (e.1.clone(), e.0))
}

/// Where the verb at `v` starts with the auxiliaries before it (`had
/// stated`, `has also said`).
fn aux_start(toks: &[Tok], v: usize) -> usize {
    let mut k = v;
    while k > 0 && toks[k - 1].word && AUX.contains(&toks[k - 1].low.as_ref()) {
        k -= 1;
    }
    k
}

/// A person named alone in an apposition right after the comma at `c`
/// (`Pakistan's military spokesman, Major General Asim Bajwa, said`,
/// `said the army's spokesman, Asim Bajwa.`): the apposition is titles
/// and the name only (capitalized words, a bracketed `(retd)`), and the
/// person's mention ends it.
fn named_apposition(toks: &[Tok], c: usize, names: &Names) -> Option<(String, Span)> {
    if !toks.get(c)?.is(",") {
        return None;
    }
    let mut k = c + 1;
    let mut depth = 0usize;
    while k < toks.len() && k - c <= 9 {
        let t = &toks[k];
        if t.is("(") {
            depth += 1;
        } else if t.is(")") && depth > 0 {
            depth -= 1;
        } else if !t.word || (depth == 0 && !t.cap) {
            break;
        }
        k += 1;
    }
    if depth > 0 || k == c + 1 || toks.get(k).is_some_and(|t| t.word) {
        return None;
    }
    let last = &toks[k - 1];
    let span = Span::new(toks[c + 1].span.start, last.span.end);
    names
        .within(span)
        .into_iter()
        .find(|e| e.2 && e.0.end >= last.span.end && e.0.start >= span.start)
        .map(|e| (e.1.clone(), e.0))
}

/// Whether the phrase `toks` names a person or organisation of the text.
fn names_someone(toks: &[&Tok], names: &Names) -> bool {
    match (toks.first(), toks.last()) {
        (Some(f), Some(l)) => !names.within(Span::new(f.span.start, l.span.end)).is_empty(),
        _ => false,
    }
}

/// The phrase right of `v` (exclusive), up to punctuation.
fn np_right<'t, 'a>(toks: &'t [Tok<'a>], v: usize) -> Vec<&'t Tok<'a>> {
    let mut out = Vec::new();
    let mut k = v + 1;
    while k < toks.len() && out.len() < 12 {
        if toks[k].word {
            out.push(&toks[k]);
            k += 1;
            continue;
        }
        // `Lt Col (retd) Naveed Akhtar`: a short bracket inside a title,
        // with the name going on after it
        let close = (k + 2..toks.len().min(k + 5)).find(|&j| toks[j].is(")"));
        match close {
            Some(j)
                if toks[k].is("(")
                    && !out.is_empty()
                    && toks[k + 1..j].iter().all(|t| t.word)
                    && toks.get(j + 1).is_some_and(|t| t.word && t.cap) =>
            {
                out.extend(&toks[k..=j]);
                k = j + 1;
            }
            _ => break,
        }
    }
    out
}

/// The phrase left of `v` (exclusive), back to punctuation, skipping auxiliaries.
fn np_left<'t, 'a>(toks: &'t [Tok<'a>], v: usize) -> Vec<&'t Tok<'a>> {
    let mut k = v;
    while k > 0 && toks[k - 1].word && AUX.contains(&toks[k - 1].low.as_ref()) {
        k -= 1;
    }
    let end = k;
    while k > 0
        && end - k < 8
        && toks[k - 1].word
        && !NP_STOP_LEFT.contains(&toks[k - 1].low.as_ref())
    {
        k -= 1;
    }
    toks[k..end].iter().collect()
}

/// Where the comma opening an apposition that ends right before the verb
/// at `v` is (`Zafar Hilaly, a former senior diplomat, told`): the verb is
/// after a comma, the comma before it is at most eight words back, with
/// only words between.
fn apposition_start(toks: &[Tok], v: usize) -> Option<usize> {
    let v = aux_start(toks, v);
    if v < 2 || !toks[v - 1].is(",") {
        return None;
    }
    let mut k = v - 1;
    while k > 0 && toks[k - 1].word && v - 1 - k < 8 {
        k -= 1;
    }
    (k > 0 && k < v - 1 && toks[k - 1].is(",")).then_some(k - 1)
}

/// Cuts a right phrase at its first stop word, unless a name lies in it.
fn trim_right<'t, 'a>(phrase: Vec<&'t Tok<'a>>, names: &Names) -> Vec<&'t Tok<'a>> {
    if let (Some(f), Some(l)) = (phrase.first(), phrase.last()) {
        if !names.within(Span::new(f.span.start, l.span.end)).is_empty() {
            return phrase;
        }
    }
    let cut = phrase
        .iter()
        .position(|t| NP_STOP_RIGHT.contains(&t.low.as_ref()) || (t.cap && is_calendar(&t.low)))
        .unwrap_or(phrase.len());
    phrase[..cut].to_vec()
}

fn is_calendar(w: &str) -> bool {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .contains(&w)
}

/// Whether `quoted`/`cited` at `v` is passive (`the COAS was quoted as
/// saying by the ISPR`): its subject, not its object, is the speaker.
fn passive(toks: &[Tok], v: usize) -> bool {
    v > 0 && PASSIVE.contains(&toks[v - 1].low.as_ref())
}

fn is_speech(t: &Tok) -> bool {
    t.word && is_speech_verb(&t.low) && t.low != "according"
}

/// A speaker from the tokens after a quote. `adjacent`: only a verb at the
/// very start (after a comma) or a short subject before a verb counts.
fn right_speaker(
    s: &str,
    toks: &[Tok],
    names: &Names,
    prev: Option<&(String, Option<Span>)>,
    adjacent: bool,
) -> Option<(String, Span)> {
    let start = usize::from(toks.first().is_some_and(|t| t.low == ","));
    // Commas of an apposition before the verb (`"…," Russia's ambassador
    // in Islamabad, Alexey Dedov, told reporters`).
    let mut commas = 0;
    for v in start..toks.len() {
        let t = &toks[v];
        if t.is("according") && toks.get(v + 1).is_some_and(|x| x.is("to")) {
            let np = trim_right(np_right(toks, v + 1), names);
            return resolve(s, &np, names, prev, false);
        }
        if !is_speech(t) {
            if t.is(",") && v > start {
                commas += 1;
            }
            let reach = if commas > 0 { 14 } else { 6 };
            if adjacent && ((!t.word && !t.is(",")) || commas > 2 || v - start >= reach) {
                return None;
            }
            continue;
        }
        if commas > 0 && v > start {
            // The person the apposition names, nearest the verb.
            let between: Vec<&Tok> = toks[start..v].iter().collect();
            let people = names.within(Span::new(
                between.first().map_or(0, |t| t.span.start),
                between.last().map_or(0, |t| t.span.end),
            ));
            if let Some(p) = people.iter().rfind(|e| e.2) {
                return Some((p.1.clone(), p.0));
            }
        }
        if v == start || (VERBS_OBJECT_SPEAKER.contains(&t.low.as_ref()) && !passive(toks, v)) {
            let np = trim_right(np_right(toks, v), names);
            // `said the army's spokesman, Asim Bajwa.`
            if !names_someone(&np, names) {
                if let Some(r) = named_apposition(toks, v + 1 + np.len(), names) {
                    return Some(r);
                }
            }
            if let Some(r) = resolve(s, &np, names, prev, false) {
                return Some(r);
            }
            if v == start {
                return None;
            }
        }
        let np = np_left(toks, if passive(toks, v) { v - 1 } else { v });
        if let Some(r) = resolve(s, &np, names, prev, true) {
            return Some(r);
        }
        if adjacent {
            return None;
        }
    }
    None
}

/// A speaker from the tokens before a quote (`X said:`, `according to X,`).
fn left_speaker(
    s: &str,
    toks: &[Tok],
    names: &Names,
    prev: Option<&(String, Option<Span>)>,
    adjacent: bool,
) -> Option<(String, Span)> {
    for v in (0..toks.len()).rev() {
        let t = &toks[v];
        if adjacent && toks.len() - v > 5 {
            return None;
        }
        if t.is("according") && toks.get(v + 1).is_some_and(|x| x.is("to")) {
            let np = trim_right(np_right(toks, v + 1), names);
            return resolve(s, &np, names, prev, false);
        }
        // `termed the agreement "a new chapter"`: only with the quote
        // right after the verb's object; a participle naming a thing (`a
        // helicopter called "Hind"`) or a passive (`was described as
        // "historic"`) has no speaker there
        let naming = t.word
            && NAMING.contains(&t.low.as_ref())
            && (2..=6).contains(&(toks.len() - v))
            && !toks[v + 1].is("as")
            && !passive(toks, v)
            && toks[v + 1..].iter().all(|x| x.word);
        if !is_speech(t) && !naming {
            continue;
        }
        if VERBS_OBJECT_SPEAKER.contains(&t.low.as_ref()) && !passive(toks, v) {
            let np = trim_right(np_right(toks, v), names);
            return resolve(s, &np, names, prev, false);
        }
        let np = np_left(toks, if passive(toks, v) { v - 1 } else { v });
        if let Some(r) = resolve(s, &np, names, prev, true) {
            return Some(r);
        }
        if np.is_empty() {
            if let Some(r) = sentence_subject(toks, v, names) {
                return Some(r);
            }
        }
        // `X, a former diplomat, told reporters: "..."`: the speaker is
        // before the apposition; but in `Pakistan's military spokesman,
        // Major General Asim Bajwa, said` a role comes before a name in
        // apposition, and the person speaks
        if let Some(c) = apposition_start(toks, v) {
            let before = np_left(toks, c);
            if !names_someone(&before, names) {
                if let Some(r) = named_apposition(toks, c, names) {
                    return Some(r);
                }
            }
            if let Some(r) = resolve(s, &before, names, prev, true) {
                return Some(r);
            }
        }
        // `said X:` before the quote; whom one tells is the listener
        // (`told reporters:`, `told the WSJ that`), never the speaker
        if !TELL.contains(&t.low.as_ref()) && !naming {
            let np = trim_right(np_right(toks, v), names);
            if let Some(r) = resolve(s, &np, names, prev, false) {
                return Some(r);
            }
        }
        if adjacent {
            return None;
        }
    }
    None
}

/// Byte offset of the start of the sentence holding `at`, searching back to `floor`.
fn sentence_start(s: &str, floor: usize, at: usize) -> usize {
    let b = s.as_bytes();
    let mut i = at;
    while i > floor + 1 {
        if b[i - 1] == b' '
            && matches!(b[i - 2], b'.' | b'?' | b'!')
            && b.get(i).is_some_and(u8::is_ascii_uppercase)
            && !(b[i - 2] == b'.' && abbreviation_before(s, i - 2))
        {
            return i;
        }
        i -= 1;
    }
    floor
}

/// Whether the full stop at byte `dot` ends an initial or a title's
/// abbreviation (`C. Raja Mohan`, `Lt. Gen. Asim Bajwa`), not a sentence.
fn abbreviation_before(s: &str, dot: usize) -> bool {
    let word = s[..dot].rsplit(' ').next().unwrap_or("");
    let word = word.trim_start_matches(['(', '"', ',']);
    (word.len() == 1 && word.bytes().all(|c| c.is_ascii_uppercase()))
        || matches!(
            word,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "Prof"
                | "Gen"
                | "Lt"
                | "Col"
                | "Maj"
                | "Capt"
                | "Sgt"
                | "Adm"
                | "Brig"
                | "Sen"
                | "Rep"
                | "Gov"
                | "St"
        )
}

/// Byte offset of the end of the sentence holding `at`, searching up to `ceil`.
fn sentence_end(s: &str, at: usize, ceil: usize) -> usize {
    let b = s.as_bytes();
    let mut i = at;
    while i + 2 < ceil {
        if matches!(b[i], b'.' | b'?' | b'!')
            && b[i + 1] == b' '
            && b[i + 2].is_ascii_uppercase()
            && !(b[i] == b'.' && abbreviation_before(s, i))
        {
            return i + 1;
        }
        i += 1;
    }
    ceil
}

/// Finds the direct quotes of `text` with their speakers.
pub fn quotes(text: &Text, people: &[Person], orgs: &[Organisation]) -> Vec<Quote> {
    let s = text.as_str();
    let mut names = Names::new(people, orgs);
    // the starts of the two fact paragraphs before the current one
    let mut para_starts = [0, 0];
    let mut out = Vec::new();
    // the previous quote's speaker, and the paragraph it was in
    let mut prev: Option<(String, Option<Span>)> = None;
    let mut prev_para: Option<usize> = None;
    let mut last_fact_para: Option<usize> = None;
    for (pi, p) in text.paragraphs().iter().enumerate() {
        if !p.kind.has_facts() {
            continue;
        }
        let ps = p.span;
        names.floor = para_starts[0];
        para_starts = [para_starts[1], ps.start];
        let marks: Vec<usize> = s[ps.range()]
            .match_indices('"')
            .map(|(i, _)| ps.start + i)
            .collect();
        let mut k = 0;
        let mut floor = ps.start;
        while k < marks.len() {
            let open = marks[k];
            let close = marks.get(k + 1).copied();
            k += 2;
            let next_open = marks.get(k).copied().unwrap_or(ps.end);
            let inner_end = close.unwrap_or(ps.end);
            let inner = &s[open + 1..inner_end];
            let lead = inner.len() - inner.trim_start().len();
            let trimmed = inner.trim().trim_end_matches(',').trim_end();
            let span = Span::new(open + 1 + lead, open + 1 + lead + trimmed.len());
            let after = close.map_or(ps.end, |c| c + 1);
            let this_floor = floor;
            floor = after;
            if span.is_empty() {
                continue;
            }
            let words = trimmed.split(' ').count();
            let prev_ref = prev.as_ref();
            // tokens right of the quote, in its sentence, up to the next quote
            // a quote ending its sentence (`... Afghanistan."  It says`)
            // has nothing of its sentence on its right
            let ends_sentence = trimmed.ends_with(['.', '?', '!'])
                && s[after..]
                    .strip_prefix(' ')
                    .is_some_and(|r| r.starts_with(|c: char| c.is_uppercase()));
            let r_end = if ends_sentence {
                after
            } else {
                sentence_end(s, after, next_open).max(after)
            };
            let right = tokenize(&s[after..r_end], after);
            let l_start = sentence_start(s, this_floor, open).min(open);
            let left = tokenize(&s[l_start..open], l_start);
            let found = right_speaker(s, &right, &names, prev_ref, true)
                .or_else(|| left_speaker(s, &left, &names, prev_ref, true))
                .or_else(|| right_speaker(s, &right, &names, prev_ref, false))
                .or_else(|| left_speaker(s, &left, &names, prev_ref, false));
            let (speaker, speaker_span) = match found {
                Some((name, sp)) => (Some(name), Some(sp)),
                None => {
                    let continues = words > 3
                        && (prev_para == Some(pi)
                            || (prev_para.is_some()
                                && prev_para == last_fact_para
                                && open == ps.start));
                    match (&prev, continues) {
                        (Some((name, sp)), true) => (Some(name.clone()), *sp),
                        _ => (None, None),
                    }
                }
            };
            if let Some(name) = &speaker {
                prev = Some((name.clone(), speaker_span));
                prev_para = Some(pi);
            } else if words > 3 {
                prev = None;
                prev_para = None;
            }
            out.push(Quote {
                span,
                text: text.slice(span).to_string(),
                speaker,
                speaker_span,
            });
        }
        last_fact_para = Some(pi);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{organisations, people};
    use crate::span::SourceId;
    use crate::text::normalize_str;

    type Row<'a> = (&'a str, Option<&'a str>);

    /// (text, [(quoted words, speaker)])
    const QUOTES: &[(&str, &[Row])] = &[
        // initials are no speaker; the person is
        (
            "Others disagree. \"It could end with jets,\" warned retired Air Marshal K.S. Verma, \
             a former deputy chief of the Indian Air Force.",
            &[("It could end with jets", Some("K.S. Verma"))],
        ),
        // a speaker phrase holds no finite verb; the subject before an
        // interjection is the speaker
        (
            "Ministry of External Affairs spokesperson Vikas Swarup, asked about the sale at the \
             weekly briefing, said India was \"aware of the reports\" but declined to comment.",
            &[("aware of the reports", Some("Vikas Swarup"))],
        ),
        (
            "Defence Minister Khawaja Muhammad Asif, talking to reporters outside Parliament House \
             in Islamabad on Thursday, welcomed the deal and said that Pakistan's relations with \
             Russia were \"not at the cost of any other country\".",
            &[(
                "not at the cost of any other country",
                Some("Khawaja Muhammad Asif"),
            )],
        ),
        // `he` after an unnamed official is the official, not a person named
        // paragraphs before
        (
            "Defence Minister Sergei Shoigu visited Islamabad in November.\n\
             The deal was signed on Wednesday.\n\
             A senior official of the Ministry of Defence Production, requesting anonymity, said \
             that Pakistan wanted more. \"We will go for more once these four are inducted,\" he \
             said.",
            &[(
                "We will go for more once these four are inducted",
                Some("senior official"),
            )],
        ),
        (
            "Defence Minister Sergei Shoigu visited Islamabad in November.\n\
             The deal was signed on Wednesday.\n\
             \"We will go for more once these four are inducted,\" he said.",
            &[(
                "We will go for more once these four are inducted",
                Some("Sergei Shoigu"),
            )],
        ),
        (
            "Defence Minister Sergei Shoigu visited Islamabad in November.\n\
             The deal was signed on Wednesday.\n\
             The helicopters arrive next year.\n\
             \"We will go for more once these four are inducted,\" he said.",
            &[("We will go for more once these four are inducted", None)],
        ),
        (
            "\"The agreement was signed in Rawalpindi on Wednesday,\" said a military source.",
            &[(
                "The agreement was signed in Rawalpindi on Wednesday",
                Some("military source"),
            )],
        ),
        (
            "\"We are ready to buy more,\" Defence Minister Khawaja Asif said.",
            &[("We are ready to buy more", Some("Khawaja Asif"))],
        ),
        (
            "The deal is \"not a game-changer\", analyst C. Raja Mohan told The Hindu.",
            &[("not a game-changer", Some("C. Raja Mohan"))],
        ),
        (
            "Lt. Gen. Asim Bajwa said: \"The helicopters will be used at home.\"",
            &[("The helicopters will be used at home.", Some("Asim Bajwa"))],
        ),
        (
            "Defence Minister Khawaja Asif said: \"We are ready to buy more.\"",
            &[("We are ready to buy more.", Some("Khawaja Asif"))],
        ),
        (
            "\"Pakistan has decided it is no longer a client state,\" the WSJ quoted Zafar Hilaly, \
             a former senior Pakistani diplomat. \"Pakistan must have other alternatives.\"",
            &[
                (
                    "Pakistan has decided it is no longer a client state",
                    Some("Zafar Hilaly"),
                ),
                (
                    "Pakistan must have other alternatives.",
                    Some("Zafar Hilaly"),
                ),
            ],
        ),
        (
            "\"Talks will continue next month,\" Ahmed Khan told Reuters.",
            &[("Talks will continue next month", Some("Ahmed Khan"))],
        ),
        // The speaker before an apposition; whom one tells is no speaker.
        (
            "Zafar Hilaly, a former senior Pakistani diplomat, told reporters: \"We are ready to talk.\"",
            &[("We are ready to talk.", Some("Zafar Hilaly"))],
        ),
        (
            "The former diplomat told the WSJ that the deal was done. \"We are ready to talk to everyone.\"",
            &[("We are ready to talk to everyone.", Some("former diplomat"))],
        ),
        (
            "The chief of the agency, in a rare interview on Monday with a local television \
             station and a newspaper, told Reuters: \"We are ready to sell more helicopters.\"",
            &[("We are ready to sell more helicopters.", None)],
        ),
        (
            "According to Reuters, \"the deal is worth a billion dollars.\"",
            &[("the deal is worth a billion dollars.", Some("Reuters"))],
        ),
        (
            "Prime Minister Nawaz Sharif says \"Pakistan wants peace with all neighbours.\"",
            &[(
                "Pakistan wants peace with all neighbours.",
                Some("Nawaz Sharif"),
            )],
        ),
        (
            "The two countries are trying to \"mend fences\" as the U.S. administration looks to India, \
             the newspaper reported.",
            &[("mend fences", Some("newspaper"))],
        ),
        (
            "The WSJ has said both are concerned about the \"export of extremism from Afghanistan.\" \
             It says trade may help.",
            &[("export of extremism from Afghanistan.", Some("WSJ"))],
        ),
        (
            "\"The deal is done,\" Russia's Foreign Ministry said.",
            &[("The deal is done", Some("Foreign Ministry"))],
        ),
        (
            "Defence Minister Khawaja Asif visited Moscow. \"It went very well indeed,\" he said.",
            &[("It went very well indeed", Some("Khawaja Asif"))],
        ),
        (
            "\"We will buy four helicopters,\" said Defence Minister Khawaja Asif.\n\n\
             \"Delivery will start next year and end in 2018.\"",
            &[
                ("We will buy four helicopters", Some("Khawaja Asif")),
                (
                    "Delivery will start next year and end in 2018.",
                    Some("Khawaja Asif"),
                ),
            ],
        ),
        (
            "\"Nothing has been decided yet,\" officials said on Monday.",
            &[("Nothing has been decided yet", Some("officials"))],
        ),
        (
            "In a statement, the ministry said: \"We reject the report.\"",
            &[("We reject the report.", Some("ministry"))],
        ),
        (
            "\"We will respond,\" the Foreign Office spokesman told a weekly briefing.",
            &[("We will respond", Some("Foreign Office"))],
        ),
        (
            "\"It was a mistake,\" he said.",
            &[("It was a mistake", None)],
        ),
        (
            "Sharif told the assembly: \"We want peace.\" Chief Minister Shahbaz Sharif agreed. \
             \"So do we,\" said Prime Minister Nawaz Sharif.",
            &[
                ("We want peace.", Some("Sharif")),
                ("So do we", Some("Nawaz Sharif")),
            ],
        ),
        // a role before a name in apposition: the person speaks
        (
            "Pakistan's military spokesman, Major General Asim Bajwa, said on Twitter that the \
             army chief, General Raheel Sharif, had \"welcomed the agreement as a milestone\".",
            &[("welcomed the agreement as a milestone", Some("Asim Bajwa"))],
        ),
        (
            "The talks will go on. The ministry's spokesman, Ahmed Khan Durrani, told reporters \
             that the deal was \"almost done\".",
            &[("almost done", Some("Ahmed Khan Durrani"))],
        ),
        (
            "\"We are ready to sign,\" said the army's chief spokesman, Major General Asim Bajwa.",
            &[("We are ready to sign", Some("Asim Bajwa"))],
        ),
        // not a name in the apposition: the phrase before it speaks
        (
            "The minister, a close ally of Nawaz Sharif, told reporters that talks were \
             \"going well\".",
            &[("going well", Some("minister"))],
        ),
        // a bracket inside a title
        (
            "\"It fills a capability gap,\" said Lt Col (retd) Naveed Akhtar, a Karachi-based \
             defence consultant. \"Expect a follow-on order.\"",
            &[
                ("It fills a capability gap", Some("Naveed Akhtar")),
                ("Expect a follow-on order.", Some("Naveed Akhtar")),
            ],
        ),
        // a passive `quoted`: its subject speaks, not the agent
        (
            "\"The induction is a manifestation of trust,\" the minister was quoted as saying by \
             the ISPR.",
            &[(
                "The induction is a manifestation of trust",
                Some("minister"),
            )],
        ),
        (
            "\"We will buy more,\" Defence Minister Khawaja Asif was quoted by Reuters as saying.",
            &[("We will buy more", Some("Khawaja Asif"))],
        ),
        (
            "\"We will buy more,\" Reuters quoted the minister as saying.",
            &[("We will buy more", Some("minister"))],
        ),
        // a naming verb right before the quote; auxiliaries and a short
        // opening phrase before the subject
        (
            "Meanwhile, Prime Minister Muhammad Nawaz Sharif, in his message, termed the \
             agreement \"a new chapter in relations\".",
            &[("a new chapter in relations", Some("Muhammad Nawaz Sharif"))],
        ),
        (
            "Earlier, Ambassador Alexey Dedov, while talking to media persons, had stated that \
             the relations were \"on an upward trajectory\".",
            &[("on an upward trajectory", Some("Alexey Dedov"))],
        ),
        (
            "Critics have called the deal, signed in secret after years of talks with Moscow, a \
             \"sell-out\".",
            &[("sell-out", None)],
        ),
        (
            "Russia sells a helicopter called \"Hind E\" to many air forces.",
            &[("Hind E", None)],
        ),
        (
            "The deal was described as \"historic\" in the capital.",
            &[("historic", None)],
        ),
        (
            "The deal has been dubbed \"the sale of the decade\" in Moscow.",
            &[("the sale of the decade", None)],
        ),
        // `the source` introduced after the last name takes `he`; `the
        // minister` may be the person named before
        (
            "Defence Minister Sergei Shoigu visited Islamabad in November.\n\
             The deal was signed on Wednesday.\n\
             According to the source, the sides plan a joint exercise next year. \"The exercise \
             will take place in Russia,\" he said.",
            &[("The exercise will take place in Russia", Some("source"))],
        ),
        (
            "Defence Minister Khawaja Asif visited Moscow. The minister said the talks went well. \
             \"It went very well indeed,\" he said.",
            &[("It went very well indeed", Some("Khawaja Asif"))],
        ),
        // an acronym of one person's role is that person
        (
            "Chief of Army Staff General Raheel Sharif attended. \"The induction is a \
             manifestation of trust,\" the COAS was quoted as saying by the ISPR.",
            &[(
                "The induction is a manifestation of trust",
                Some("Raheel Sharif"),
            )],
        ),
        (
            "\"The induction is a manifestation of trust,\" the COAS said.",
            &[("The induction is a manifestation of trust", Some("COAS"))],
        ),
        // phrases and negatives
        (
            "The helicopters are known as \"flying tanks\" in the region.",
            &[("flying tanks", None)],
        ),
        (
            "The deal had to be followed by another 'technical cooperation agreement' soon.",
            &[],
        ),
        ("Nobody said anything about the deal.", &[]),
        ("\"This never ends", &[("This never ends", None)]),
        ("\"\" and \" \"", &[]),
        ("He said \"a \"b\" c", &[("a", None), ("c", None)]),
        (
            "\"We are ready,\" said Khawaja Asif.\n\nThe deal was signed.\n\n\"It is a good day for both.\"",
            &[
                ("We are ready", Some("Khawaja Asif")),
                ("It is a good day for both.", None),
            ],
        ),
        // an apposition of the person before it is no other speaker
        (
            "Retired Lieutenant General Arvind Mathur, a former member of the Board, argued \
             that four gunships could matter. \"In the mountains it matters,\" he said.",
            &[("In the mountains it matters", Some("Arvind Mathur"))],
        ),
        (
            "The official did not give his name. A senior official said the deal was done. \
             \"It is done,\" he said.",
            &[("It is done", Some("senior official"))],
        ),
        // a speaker in apposition after the quote, before `told`
        (
            "Officials met. \"Pakistan is a partner,\" Russia's ambassador in Islamabad, \
             Alexey Dedov, told reporters.",
            &[("Pakistan is a partner", Some("Alexey Dedov"))],
        ),
        (
            "Officials met. \"Pakistan is a partner,\" Alexey Dedov, Russia's ambassador, \
             told reporters.",
            &[("Pakistan is a partner", Some("Alexey Dedov"))],
        ),
        // a relative clause's `who` is the person it hangs on
        (
            "The deal was welcomed by the Defence Minister, Khawaja Asif, who called it \
             \"a milestone.\" The army did not comment.",
            &[("a milestone.", Some("Khawaja Asif"))],
        ),
    ];

    fn check(input: &str, want: &[(&str, Option<&str>)]) -> bool {
        let text = normalize_str(SourceId::new("t"), None, input);
        let ppl = people(&text);
        let orgs = organisations(&text);
        let got: Vec<(String, Option<String>)> = quotes(&text, &ppl, &orgs)
            .into_iter()
            .map(|q| (text.slice(q.span).to_string(), q.speaker))
            .collect();
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(q, s)| ((*q).to_string(), s.map(str::to_string)))
            .collect();
        if got != want {
            eprintln!("quotes of {input:?}:\n  got  {got:?}\n  want {want:?}");
        }
        got == want
    }

    #[test]
    fn quotes_table() {
        let failed = QUOTES.iter().filter(|(i, w)| !check(i, w)).count();
        assert_eq!(failed, 0, "{failed} rows failed");
    }
}
