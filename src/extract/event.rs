//! Events: verb-centred frames with factuality, participants, place and time.
//!
//! Input: one sentence (and the reference date for relative dates). Output:
//! one [`EventFrame`] per event verb of the lexicon found in it.
//!
//! How it works, and why: there is no part-of-speech tagger here (nothing
//! may download a model), so events are found through a lexicon of news
//! verbs grouped into canonical predicates (`sign` ← signed, inked,
//! concluded, sealed). Each verb's inflections are generated from its base
//! form plus an irregular table. A few nouns name events too, but only as
//! the subject of a verb of time (`Deliveries are expected to begin in
//! 2017`: a planned deliver event; see `nominal_events`), or, for visits and
//! signings, with the participants that make them one event (`paid a visit
//! to Islamabad`, `a visit to Pakistan by Shoigu`, `the signing of a
//! contract`; see `noun_events`): a noun alone (`the delivery of arms`,
//! `during the visit`) says nothing of when or whether it happened.
//! The sentence is cut into clauses at commas,
//! semicolons and clause words (`which`, `that`, `after`, `while`, ...); the
//! dates and places of a clause attach to the nearest event verb of that
//! clause only, so a time or place of one event never lands on another
//! (`said on Wednesday that they signed` dates the saying, not the signing).
//! A place attaches as the event's location only after a locative
//! preposition (`in`, `at`, `near`) or as the destination of a movement verb
//! (`visited Russia`, `arrived in`, `a visit to Pakistan`); a place named as
//! a party (`Moscow and Islamabad concluded`) is no location.
//!
//! Factuality comes from the verb group and a few words around it: `will`,
//! `is set to`, `is expected to`, `plans to` → future; `not`, `never`,
//! `failed to`, `denied` → negated; `allegedly`, `may`, `is believed to`,
//! a bare `would`, a clause opened by `if` or `whether` → hedged;
//! `reportedly`, `apparently`, `X reported`, `according to` → reported;
//! `would` after a past reporting verb (`officials said the helicopters
//! would be delivered`) → future.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::date::{DateMention, recognize_dates_lowered};
use super::person::{FxBuild, LexTable};
use super::place::{PlaceMention, country_of_demonym, find_places};

/// Whether the text says an event happened.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
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

impl Factuality {
    /// A lowercase name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Factuality::Asserted => "asserted",
            Factuality::Reported => "reported",
            Factuality::Hedged => "hedged",
            Factuality::Future => "future",
            Factuality::Negated => "negated",
        }
    }

    /// Whether the text commits to the event having happened.
    pub fn is_factual(self) -> bool {
        matches!(self, Factuality::Asserted | Factuality::Reported)
    }
}

/// One event in a sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EventFrame {
    /// The canonical predicate (`sign` for signed, inked, concluded, sealed).
    pub predicate: String,
    /// The verb as written.
    pub verb: String,
    /// Byte range of the verb in the sentence.
    pub span: Range<usize>,
    /// Whether it happened.
    pub factuality: Factuality,
    /// Who did it, when found (the subject, lowercase).
    pub agent: Option<String>,
    /// What it was done to, when found (the object, lowercase).
    pub object: Option<String>,
    /// Places where the event happened, within its clause.
    pub places: Vec<PlaceMention>,
    /// Places of its clause that are not its location (parties, origins,
    /// destinations of goods).
    pub other_places: Vec<PlaceMention>,
    /// Dates of the event, within its clause.
    pub dates: Vec<DateMention>,
}

/// Predicate groups: the canonical name first, then its synonyms (base forms).
const PREDICATES: &[&[&str]] = &[
    &["sign", "ink", "conclude", "seal", "finalize", "finalise"],
    &["agree"],
    &["buy", "purchase", "acquire", "procure", "obtain"],
    &["sell"],
    &["deliver", "supply", "transfer"],
    &["send", "dispatch"],
    &["visit", "tour"],
    &["arrive"],
    &["travel", "fly"],
    &["meet"],
    &["negotiate"],
    &[
        "say", "state", "tell", "add", "told", "claim", "quote", "announce", "report", "declare",
        "confirm",
    ],
    &["deny"],
    &["comment"],
    &["disclose", "reveal", "divulge", "specify"],
    &["kill", "slay"],
    &["attack", "bomb", "raid"],
    &["injure", "wound"],
    &["die"],
    &["arrest", "detain"],
    &["lift", "remove"],
    &["impose"],
    &["approve", "authorize", "authorise", "endorse"],
    &["reject", "veto"],
    &["launch", "unveil", "introduce"],
    &["hold", "host"],
    &["spend"],
    &["inspect"],
    &["decide"],
    &["appoint", "name", "nominate"],
    &["elect"],
    &["resign", "quit"],
    &["win"],
    &["lose"],
    &["open"],
    &["close", "shut"],
    &["raise", "increase", "boost"],
    &["cut", "reduce", "lower"],
    &["rise", "grow", "climb", "jump", "soar"],
    &["fall", "drop", "decline", "slump", "plunge"],
    &["build", "construct"],
    &["produce", "manufacture"],
    &["export"],
    &["import"],
    &["invest"],
    &["pay"],
    &["order"],
    &["test"],
    &["fire"],
    &["shoot"],
    &["capture", "seize"],
    &["withdraw", "pull out"],
    &["deploy"],
    &["invade"],
    &["threaten"],
    &["warn"],
    &["condemn"],
    &["welcome"],
    &["criticize", "criticise"],
    &["discuss"],
    &["promise", "pledge"],
    &["plan"],
    &["cancel", "scrap"],
    &["suspend"],
    &["release", "free"],
    &["sentence"],
    &["convict"],
    &["charge"],
    &["accuse"],
    &["offer"],
    &["request"],
    &["induct"],
    &["crash"],
    &["explode"],
    &["collapse"],
];

/// Irregular forms: base, then past, participle (and other irregular forms).
const IRREGULAR: &[(&str, &[&str])] = &[
    ("buy", &["bought"]),
    ("sell", &["sold"]),
    ("send", &["sent"]),
    ("meet", &["met"]),
    ("say", &["said"]),
    ("tell", &["told"]),
    ("hold", &["held"]),
    ("spend", &["spent"]),
    ("fly", &["flew", "flown"]),
    ("win", &["won", "winning"]),
    ("lose", &["lost"]),
    ("rise", &["rose", "risen"]),
    ("grow", &["grew", "grown"]),
    ("fall", &["fell", "fallen"]),
    ("build", &["built"]),
    ("pay", &["paid"]),
    ("shoot", &["shot", "shooting"]),
    ("slay", &["slew", "slain"]),
    ("cut", &["cut", "cutting"]),
    ("quit", &["quit", "quitting"]),
    ("shut", &["shut", "shutting"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("drop", &["dropped", "dropping"]),
    ("plan", &["planned", "planning"]),
    ("ban", &["banned", "banning"]),
    ("scrap", &["scrapped", "scrapping"]),
    ("transfer", &["transferred", "transferring"]),
    ("jump", &["jumped"]),
    ("plunge", &["plunged"]),
    ("free", &["freed", "freeing"]),
    ("deny", &["denied", "denies", "denying"]),
    ("die", &["died", "dies", "dying"]),
    ("lie", &["lay", "lain", "lying"]),
    ("tour", &["toured"]),
    (
        "travel",
        &["travelled", "traveled", "travelling", "traveling"],
    ),
    (
        "cancel",
        &["cancelled", "canceled", "cancelling", "canceling"],
    ),
    ("quote", &["quoted"]),
    ("veto", &["vetoed", "vetoes"]),
];

/// Verb forms that are far more often nouns or adjectives in news text and
/// only count as verbs after an auxiliary or a subject pronoun.
fn is_nouny(w: &str) -> bool {
    matches!(
        w,
        "sign"
            | "signs"
            | "order"
            | "orders"
            | "test"
            | "tests"
            | "fire"
            | "plan"
            | "plans"
            | "attack"
            | "attacks"
            | "raid"
            | "raids"
            | "report"
            | "reports"
            | "visit"
            | "visits"
            | "tour"
            | "tours"
            | "claim"
            | "claims"
            | "charge"
            | "charges"
            | "release"
            | "cut"
            | "cuts"
            | "rise"
            | "fall"
            | "drop"
            | "increase"
            | "decline"
            | "import"
            | "imports"
            | "export"
            | "exports"
            | "promise"
            | "pledge"
            | "name"
            | "names"
            | "free"
            | "open"
            | "close"
            | "state"
            | "states"
            | "deal"
            | "hold"
            | "pay"
            | "quote"
            | "supply"
            | "supplies"
            | "transfer"
            | "launch"
            | "bomb"
            | "bombs"
            | "crash"
            | "jump"
            | "sentence"
            | "lift"
            | "welcome"
            | "discuss"
            | "win"
            | "lower"
            | "boost"
            | "produce"
    )
}
static LEXICON: LazyLock<HashMap<String, &'static str, FxBuild>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for group in PREDICATES {
        let canonical = group[0];
        for &base in group.iter() {
            for form in inflect(base) {
                map.entry(form).or_insert(canonical);
            }
        }
    }
    map
});

fn inflect(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    if let Some((_, forms)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        out.extend(forms.iter().map(|s| s.to_string()));
    }
    let (third, past, ing) = if let Some(stem) = base.strip_suffix('e') {
        (format!("{base}s"), format!("{base}d"), format!("{stem}ing"))
    } else if let Some(stem) = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        (
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{base}ing"),
        )
    } else if base.ends_with(['s', 'x', 'z']) || base.ends_with("ch") || base.ends_with("sh") {
        (
            format!("{base}es"),
            format!("{base}ed"),
            format!("{base}ing"),
        )
    } else {
        (
            format!("{base}s"),
            format!("{base}ed"),
            format!("{base}ing"),
        )
    };
    let irregular_past = IRREGULAR.iter().any(|(b, _)| *b == base);
    for f in [third, ing] {
        if !out.contains(&f) {
            out.push(f);
        }
    }
    if !irregular_past && !out.contains(&past) {
        out.push(past);
    }
    out
}

/// What the event lexicon says of a lowercase word: the canonical predicate
/// of a verb form, the kinds of event noun it is (bits of [`cue`]), and
/// whether it is an irregular form of [`IRREGULAR`].
#[derive(Debug, Clone, Copy, Default)]
struct Lex {
    predicate: Option<&'static str>,
    nouns: u8,
    irregular: bool,
}

/// The kinds of event noun, as bits of [`Lex::nouns`]: a sentence whose
/// words are none of a kind skips the search for its events.
mod cue {
    /// [`super::NOMINAL_NOUNS`].
    pub(super) const NOMINAL: u8 = 1;
    /// [`super::EVENT_NOUNS`].
    pub(super) const NOUN_EVENT: u8 = 2;
    /// [`super::PURCHASE_NOUNS`].
    pub(super) const PURCHASE: u8 = 4;
}

/// [`LEXICON`] and the event nouns in one table: one look-up per word of a
/// sentence answers both.
static LEX: LazyLock<LexTable<Lex>> = LazyLock::new(|| {
    let mut words: HashMap<&str, Lex, FxBuild> = HashMap::default();
    for (w, &predicate) in LEXICON.iter() {
        words.entry(w).or_default().predicate = Some(predicate);
    }
    let nouns = NOMINAL_NOUNS
        .iter()
        .map(|&(w, _)| (w, cue::NOMINAL))
        .chain(EVENT_NOUNS.iter().map(|&(w, _)| (w, cue::NOUN_EVENT)))
        .chain(PURCHASE_NOUNS.iter().map(|&(w, _)| (w, cue::PURCHASE)));
    for (w, kind) in nouns {
        words.entry(w).or_default().nouns |= kind;
    }
    for w in IRREGULAR.iter().flat_map(|(_, forms)| forms.iter()) {
        words.entry(w).or_default().irregular = true;
    }
    LexTable::new(words.into_iter())
});

/// Whether `w` (lowercase) is a verb form of the lexicon.
fn in_lexicon(w: &str) -> bool {
    LEX.get(w).predicate.is_some()
}

/// The canonical predicate of a verb form (`inked` → `sign`), case-insensitive.
pub fn canonical_predicate(word: &str) -> Option<&'static str> {
    LEX.get(&word.to_lowercase()).predicate
}

/// A word token with its byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Splits `s` into word tokens (letters, digits, inner `'` `-` `.`) and single
/// punctuation tokens; spaces are dropped.
///
/// Works on bytes and decodes a character only where one is not ASCII: most
/// news text is, and this runs on every sentence.
pub(crate) fn tokens(s: &str) -> Vec<Tok<'_>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 4);
    let mut i = 0;
    while i < bytes.len() {
        let n = alnum_len(s, i);
        if n == 0 {
            // Whitespace or a single punctuation token (`char::is_whitespace`
            // of an ASCII byte tested on the byte).
            let (len, white) = match bytes[i] {
                b if b.is_ascii() => (1, matches!(b, b' ' | b'\t'..=b'\r')),
                _ => s[i..]
                    .chars()
                    .next()
                    .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace())),
            };
            if !white {
                out.push(Tok {
                    text: &s[i..i + len],
                    start: i,
                    end: i + len,
                });
            }
            i += len;
            continue;
        }
        let mut end = i + n;
        loop {
            // Runs of ASCII letters and digits, the bulk of words.
            end = super::ascii_run_end(bytes, end, super::Run::Alphanumeric);
            let m = alnum_len(s, end);
            if m > 0 {
                end += m;
            } else if matches!(bytes.get(end), Some(b'\'' | b'-' | b'.'))
                && alnum_len(s, end + 1) > 0
            {
                // An inner joiner: the alphanumeric after it comes next.
                end += 1;
            } else {
                break;
            }
        }
        out.push(Tok {
            text: &s[i..end],
            start: i,
            end,
        });
        i = end;
    }
    out
}

/// Which bytes are ASCII letters or digits.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The byte length of the character at byte `i` of `s` if it is alphanumeric
/// (`char::is_alphanumeric`), else 0 (also at the end). `i` is at a character
/// boundary or at the end.
#[inline]
fn alnum_len(s: &str, i: usize) -> usize {
    match s.as_bytes().get(i) {
        None => 0,
        Some(&b) if b.is_ascii() => usize::from(ASCII_ALNUM[usize::from(b)]),
        Some(_) => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_alphanumeric())
            .map_or(0, char::len_utf8),
    }
}

// The word lists below are `match`es rather than slices: they are asked
// about nearly every token of every sentence, and a `match` on strings
// compiles to a test of the length and a few comparisons instead of a scan
// of the whole list.

/// Auxiliaries and the infinitive `to`.
fn is_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "'ll"
            | "to"
    )
}

/// Determiners and words that, like them, start a noun phrase.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "every"
            | "each"
            | "no"
            | "any"
            | "another"
            | "some"
            | "such"
            | "what"
            | "which"
            | "whose"
            | "of"
            | "first"
            | "new"
            | "major"
            | "final"
            | "big"
            | "landmark"
            | "key"
    )
}

fn is_pronoun(w: &str) -> bool {
    matches!(w, "i" | "we" | "they" | "he" | "she" | "it" | "you" | "who")
}

/// Words that start a new clause.
fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "which"
            | "that"
            | "who"
            | "whom"
            | "whose"
            | "after"
            | "before"
            | "while"
            | "when"
            | "whereas"
            | "because"
            | "but"
            | "although"
            | "though"
            | "as"
            | "since"
            | "until"
            | "unless"
            | "if"
            | "where"
            | "whether"
            | "how"
            | "why"
    )
}

/// Whether the `and` at `i` joins two clauses, each with its own subject
/// and verb (`The deal was signed on Wednesday and deliveries will follow
/// next year`), so that the second one's dates and places are not the
/// first one's: the clause before it (from `start`) has an auxiliary or an
/// event verb, and after it come a few words, none a verb, then an
/// auxiliary. Not two subjects (`Pakistan and Russia have signed`: no verb
/// before) nor two verbs of one subject (`signed the deal and will buy`).
fn and_joins_clauses(lowers: &[&str], start: usize, i: usize) -> bool {
    let verb_before = lowers[start..i]
        .iter()
        .any(|w| (is_aux(w) && *w != "to") || in_lexicon(w));
    let first = lowers.get(i + 1).copied().unwrap_or("");
    if !verb_before
        || !first.starts_with(char::is_alphanumeric)
        || is_aux(first)
        || in_lexicon(first)
    {
        return false;
    }
    for &w in lowers.iter().skip(i + 2).take(4) {
        if !w.starts_with(char::is_alphanumeric) || in_lexicon(w) {
            return false;
        }
        if is_aux(w) && w != "to" {
            return true;
        }
    }
    false
}

/// Conjunctions and subordinators that open a clause before its subject.
fn is_clause_joiner(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "or"
            | "nor"
            | "yet"
            | "so"
            | "then"
            | "that"
            | "which"
            | "after"
            | "before"
            | "while"
            | "when"
            | "whereas"
            | "because"
            | "although"
            | "though"
            | "as"
            | "since"
            | "until"
            | "unless"
            | "if"
            | "where"
            | "whether"
            | "once"
    )
}

/// Prepositions that make the place after them a location.
fn is_locative(w: &str) -> bool {
    matches!(
        w,
        "in" | "at" | "near" | "outside" | "inside" | "on" | "across" | "around" | "within"
    )
}

/// Predicates whose direct object or `to` phrase is a destination.
fn is_movement(pred: &str) -> bool {
    matches!(pred, "visit" | "arrive" | "travel" | "hold" | "meet")
}

/// Predicates of speech: a place with them is no location of theirs.
fn is_speech(pred: &str) -> bool {
    matches!(pred, "say" | "deny" | "warn" | "announce")
}

fn is_word(t: &Tok<'_>) -> bool {
    // An ASCII first char (most tokens') tested on its byte.
    match t.text.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => t.text.chars().next().is_some_and(char::is_alphanumeric),
    }
}

/// The lowercase form of each token, as `super::lowercase` gives it (ASCII
/// lowercasing for ASCII words, `str::to_lowercase` for others), without a
/// string per capitalized word: an ASCII word is borrowed from `lower`, the
/// sentence in ASCII lowercase (same byte offsets, as the tokens'), and the
/// few others are lowercased into `buf`.
fn lowercase_tokens<'a>(lower: &'a str, toks: &[Tok<'_>], buf: &'a mut String) -> Vec<&'a str> {
    // Most sentences are ASCII: one slice per token.
    if lower.is_ascii() {
        return toks.iter().map(|t| &lower[t.start..t.end]).collect();
    }
    // Otherwise the non-ASCII words go to `buf` first, then each token is
    // read from where its form is.
    let mut in_buf = Vec::new();
    for t in toks {
        if !t.text.is_ascii() {
            let at = buf.len();
            buf.push_str(&t.text.to_lowercase());
            in_buf.push(at..buf.len());
        }
    }
    let buf: &'a str = buf;
    let mut in_buf = in_buf.into_iter();
    toks.iter()
        .map(|t| {
            if t.text.is_ascii() {
                &lower[t.start..t.end]
            } else {
                in_buf.next().map_or("", |r| &buf[r])
            }
        })
        .collect()
}

/// The events of one sentence, plus the dates and places that attach to
/// none of them.
#[derive(Debug, Default)]
pub(crate) struct SentenceEvents {
    pub(crate) frames: Vec<EventFrame>,
    pub(crate) loose_dates: Vec<DateMention>,
    pub(crate) loose_places: Vec<PlaceMention>,
    /// A locative `here` (`signed at the General Headquarters here`): the
    /// index of the frame it places and its byte range. Where `here` is,
    /// only the article knows (its dateline).
    pub(crate) here: Vec<(usize, Range<usize>)>,
}

/// Finds the events of one sentence.
#[cfg(test)]
pub(crate) fn frames(sentence: &str, reference: Option<jiff::civil::Date>) -> Vec<EventFrame> {
    analyse(sentence, reference).frames
}

/// Finds the events of one sentence and what is left over.
#[cfg(test)]
pub(crate) fn analyse(sentence: &str, reference: Option<jiff::civil::Date>) -> SentenceEvents {
    analyse_lowered(sentence, &sentence.to_ascii_lowercase(), reference)
}

/// Finds the events of one sentence and what is left over, given the
/// sentence in ASCII lowercase (`lower`: the tokens' lowercase forms and the
/// date rules read it), as [`super::extract`] has it.
pub(crate) fn analyse_lowered(
    sentence: &str,
    lower: &str,
    reference: Option<jiff::civil::Date>,
) -> SentenceEvents {
    let toks = tokens(sentence);
    let mut buf = String::new();
    let lowers = lowercase_tokens(lower, &toks, &mut buf);
    // Clause boundaries, as token indices where a new clause starts.
    let mut clause_of = vec![0usize; toks.len()];
    let mut clause = 0;
    // A short parenthesis of words (an acronym or a gloss: "the General
    // Headquarters (GHQ) in Rawalpindi") is part of its clause, not a
    // clause of its own, and neither is what follows it.
    // (A sentence without a bracket has none: most are not looked through.)
    let glosses = if memchr::memchr(b'(', lower.as_bytes()).is_some() {
        short_parentheses(&lowers)
    } else {
        Vec::new()
    };
    let mut clause_start = 0;
    for i in 0..toks.len() {
        let t = lowers[i];
        let boundary = matches!(
            t,
            "," | ";" | ":" | "(" | ")" | "\"" | "-" | "\u{2013}" | "\u{2014}"
        ) || (is_clause_word(t) && i > 0)
            || (t == "and" && and_joins_clauses(&lowers, clause_start, i));
        if boundary && !glosses.contains(&i) {
            clause += 1;
            clause_start = i;
        }
        clause_of[i] = clause;
    }
    let places = find_places(sentence);
    let dates = recognize_dates_lowered(sentence, lower, reference);
    // Tokens inside a date expression are never participants. Tokens are in
    // order and do not overlap, so those inside a span are a run from the
    // first one starting in it.
    let mut in_date = vec![false; toks.len()];
    for d in &dates {
        let first = toks.partition_point(|t| t.start < d.span.start);
        for (k, t) in toks.iter().enumerate().skip(first) {
            if t.end > d.span.end {
                break;
            }
            in_date[k] = true;
        }
    }
    let ctx = Ctx {
        toks: &toks,
        lowers: &lowers,
        clause_of: &clause_of,
        in_date: &in_date,
    };
    let report_tail = reported_tail(&lowers);
    // A lead whose subject has a relative clause (`The deal, which was
    // announced on Wednesday, was signed in Rawalpindi`).
    let lead = ctx.lead_relative();
    let first_speech = first_speech_verb(&lowers, lead.as_ref().map(|l| l.opens..l.closes));
    let mut verbs: Vec<(usize, &'static str)> = Vec::new();
    // The kinds of event noun among the words (outside dates, where the
    // searches for them look).
    let mut nouns_held = 0;
    for (i, t) in toks.iter().enumerate() {
        if !is_word(t) || in_date[i] {
            continue;
        }
        let lex = LEX.get(lowers[i]);
        nouns_held |= lex.nouns;
        let pred = match lex.predicate {
            Some(pred) => pred,
            // `went to Moscow`: travel. `go` is no verb of the lexicon,
            // its other senses (`going to`, `go ahead`) being far commoner.
            None if went_to_a_name(&toks, &lowers, i) => "travel",
            None => continue,
        };
        if !looks_verbal(&toks, &lowers, &in_date, i) {
            continue;
        }
        if pred == "sign" && !signs_only_a_deal(lowers[i]) && !deal_near(&lowers, i) {
            continue;
        }
        if attack_modifier(&lowers, i) {
            continue;
        }
        verbs.push((i, pred));
    }
    // Events named by a noun that a verb of time governs (`Deliveries are
    // expected to begin in 2017`).
    let mut nominal = if nouns_held & cue::NOMINAL != 0 {
        nominal_events(&ctx, &verbs, report_tail)
    } else {
        Vec::new()
    };
    // A plan called off later in the sentence did not happen: `was due to
    // visit Islamabad in October 2012 but cancelled the trip`.
    let called_off: Vec<usize> = verbs
        .iter()
        .filter(|(v, p)| *p == "cancel" && (0..*v).any(|j| lowers[j] == "but"))
        .map(|(v, _)| *v)
        .collect();
    // A deal's purchase takes no place or date of its own: `signed an
    // agreement for the purchase of four helicopters at GHQ on Wednesday`
    // places and dates the signing.
    let purchases = if nouns_held & cue::PURCHASE != 0 {
        deal_purchases(&ctx, &verbs)
    } else {
        Vec::new()
    };
    let adjunctless: Vec<usize> = purchases.iter().map(|n| n.at).collect();
    nominal.extend(purchases);
    let (nouns, light) = if nouns_held & cue::NOUN_EVENT != 0 {
        noun_events(&ctx, &verbs, report_tail)
    } else {
        (Vec::new(), Vec::new())
    };
    verbs.retain(|(v, _)| !light.contains(v));
    let noun_at: Vec<usize> = nouns.iter().map(|n| n.at).collect();
    let during_at: Vec<usize> = nouns.iter().filter(|n| n.during).map(|n| n.at).collect();
    let hosts: Vec<(usize, usize)> = nouns.iter().filter_map(|n| Some((n.at, n.host?))).collect();
    nominal.extend(nouns);
    for n in &nominal {
        let at = verbs.partition_point(|&(v, _)| v < n.at);
        verbs.insert(at, (n.at, n.predicate));
    }
    if verbs.is_empty() {
        return SentenceEvents {
            frames: Vec::new(),
            loose_dates: dates,
            loose_places: places,
            here: Vec::new(),
        };
    }
    let tok_at = |byte: usize| {
        toks.partition_point(|t| t.end <= byte)
            .min(toks.len().saturating_sub(1))
    };
    let mut out: Vec<EventFrame> = verbs
        .iter()
        .map(|&(i, pred)| {
            if let Some(n) = nominal.iter().find(|n| n.at == i) {
                return EventFrame {
                    predicate: pred.to_string(),
                    verb: toks[i].text.to_string(),
                    span: toks[i].start..toks[i].end,
                    factuality: n.factuality,
                    agent: n.agent.clone(),
                    object: n.object.clone(),
                    places: Vec::new(),
                    other_places: Vec::new(),
                    dates: Vec::new(),
                };
            }
            // "signed by top officials": the agent follows `by` (a date
            // after `by` is a deadline, no agent).
            let by_agent = lowers.get(i + 1).is_some_and(|&w| w == "by") && !in_date[i + 1];
            let passive = by_agent || is_passive(&lowers, i);
            let inverted = is_speech(pred)
                && i > 0
                && matches!(lowers[i - 1], "," | "\"")
                && i + 1 < toks.len()
                && !(lowers[i - 1] == "," && clause_after_speech(&lowers, i));
            // The subject of the verb, or of the verb that controls it
            // (`declined to comment`), read past a name's apposition or
            // bracket (`The Federal Service … (FSMTC) declined`).
            let subject = |v: usize| {
                ctx.phrase_before(v)
                    .or_else(|| ctx.before_bracket(v))
                    .or_else(|| (v != i).then(|| ctx.name_before_apposition(v)).flatten())
            };
            let before = ctx
                .listed_subject(i)
                .or_else(|| subject(ctx.controller(i).unwrap_or(i)));
            // The first verb after the relative clause of a lead has the
            // lead as its subject.
            let before = before.or_else(|| {
                let l = lead.as_ref()?;
                let first = verbs.iter().find(|&&(v, _)| v > l.closes)?.0;
                (first == i && clause_of[i] == clause_of[l.closes]).then(|| l.subject.clone())
            });
            let before = before
                .or_else(|| ctx.apposition_before(i))
                .or_else(|| ctx.name_before_apposition(i));
            let (agent, object) = if inverted {
                (ctx.phrase_after(i + 1), None)
            } else if passive {
                // The subject of a passive is what was acted on; the agent
                // is only the one a `by` phrase names.
                (by_agent.then(|| ctx.phrase_after(i + 2)).flatten(), before)
            } else {
                (before, ctx.phrase_after(i + 1))
            };
            EventFrame {
                predicate: pred.to_string(),
                verb: toks[i].text.to_string(),
                span: toks[i].start..toks[i].end,
                factuality: factuality(
                    &lowers,
                    i,
                    report_tail || (pred != "say" && first_speech.is_some_and(|s| s < i)),
                ),
                agent,
                object,
                places: Vec::new(),
                other_places: Vec::new(),
                dates: Vec::new(),
            }
        })
        .collect();
    for &c in &called_off {
        let Some(m) = verbs.iter().position(|&(v, _)| v == c) else {
            continue;
        };
        // What was called off is the plan: `the trip`, `it`, or nothing
        // said; not another thing (`cancelled talks in Delhi`).
        let the_plan = out[m].object.as_deref().is_none_or(|o| {
            o.split(' ').any(|w| {
                matches!(
                    w,
                    "it" | "trip" | "visit" | "tour" | "plan" | "plans" | "journey" | "signing"
                )
            })
        });
        if !the_plan {
            continue;
        }
        for (k, &(v, pred)) in verbs.iter().enumerate() {
            let but_between = (v..c).any(|j| lowers[j] == "but");
            if v < c && pred != "cancel" && but_between && out[k].factuality == Factuality::Future {
                out[k].factuality = Factuality::Negated;
            }
        }
    }
    // An infinitive of purpose after a verb's object ("Pakistan signed an
    // agreement with Russia to buy four helicopters") has the subject of
    // that verb as its agent, not the object read back from `to`; unless
    // the verb's object is the one meant to act ("told officials to
    // leave", "sent troops to fight").
    for k in 1..verbs.len() {
        let (i, _) = verbs[k];
        if lowers[i - 1] != "to" || ctx.controller(i).is_some() || !infinitive(&lowers, i) {
            continue;
        }
        let Some(m) = (0..k)
            .rev()
            .find(|&m| clause_of[verbs[m].0] == clause_of[i])
        else {
            continue;
        };
        let (vi, pred) = verbs[m];
        let has_object = vi + 2 < i;
        if has_object && !object_controls(pred, lowers[vi]) {
            out[k].agent = out[m].agent.clone();
        }
    }
    // Attach each date and place to the nearest verb of its clause.
    let nearest = |ti: usize| -> Option<usize> {
        verbs
            .iter()
            .enumerate()
            .filter(|(_, (vi, _))| clause_of[*vi] == clause_of[ti] && !adjunctless.contains(vi))
            .min_by_key(|(_, (vi, _))| (vi.abs_diff(ti), *vi))
            .map(|(k, _)| k)
    };
    // A date right before an infinitive ("signed a deal on Wednesday to buy
    // helicopters") dates the verb before it, when its clause has one.
    let before_infinitive = |d: &DateMention| -> Option<usize> {
        let after = toks.partition_point(|t| t.start < d.span.end);
        if lowers.get(after) != Some(&"to") {
            return None;
        }
        let c = clause_of[tok_at(d.span.start)];
        let infinitive = verbs.iter().any(|(vi, _)| *vi == after + 1);
        let earlier = verbs
            .iter()
            .rposition(|(vi, _)| *vi < after && clause_of[*vi] == c);
        earlier.filter(|_| infinitive)
    };
    // A fronted adverbial ("Late last year, X arrived") has no verb of its
    // own: it belongs to the first verb after it. A clause with more words
    // than the date ("Deliveries are expected to begin next year, the
    // official said") has a verb the lexicon does not know.
    let clause_has_verb = |c: usize| verbs.iter().any(|(vi, _)| clause_of[*vi] == c);
    // Whether the clauses before token `ti`'s own have no verb (`On August
    // 19, in a conference room …, officials signed`): adverbials fronted
    // before it, or nothing.
    let only_adverbials_before = |ti: usize| {
        let c = clause_of[ti];
        (0..ti).all(|j| clause_of[j] == c || !is_word(&toks[j]) || !clause_has_verb(clause_of[j]))
    };
    let fronted = |ti: usize| -> Option<usize> {
        let c = clause_of[ti];
        // Not after other adverbials: a dateline's date (`ISLAMABAD, Aug
        // 20 (Reuters) - Pakistan has signed`) is the filing's.
        let starts_sentence = (0..ti).all(|j| clause_of[j] == c || !is_word(&toks[j]));
        let other_words = (0..toks.len())
            .filter(|&j| clause_of[j] == c && is_word(&toks[j]) && !in_date[j])
            .count();
        (starts_sentence && !clause_has_verb(c) && other_words <= 1)
            .then(|| verbs.iter().position(|(vi, _)| *vi > ti))
            .flatten()
    };
    // A fronted place phrase (`In Rawalpindi, officials signed`, `On August
    // 19, in a conference room at the army's General Headquarters in
    // Rawalpindi, officials … signed`): a verbless clause opened by a
    // preposition of place, with only such adverbials before it, places
    // the first verb after it.
    let fronted_place = |ti: usize| -> Option<usize> {
        let c = clause_of[ti];
        let first = (0..toks.len()).find(|&j| clause_of[j] == c && is_word(&toks[j]))?;
        (matches!(lowers[first], "in" | "at" | "inside")
            && only_adverbials_before(ti)
            && !clause_has_verb(c))
        .then(|| verbs.iter().position(|(vi, _)| *vi > ti))
        .flatten()
    };
    // A date followed by `when` ("That began to change last year, when
    // Russia lifted its embargo") is the time of the clause `when` opens:
    // it dates that clause's first verb, when its own clause has none the
    // lexicon knows.
    let when_after = |d: &DateMention| -> Option<usize> {
        let mut after = toks.partition_point(|t| t.start < d.span.end);
        if lowers.get(after) == Some(&",") {
            after += 1;
        }
        if lowers.get(after) != Some(&"when") {
            return None;
        }
        let c = clause_of.get(after + 1)?;
        verbs
            .iter()
            .position(|(vi, _)| *vi > after && clause_of[*vi] == *c)
    };
    // An event noun's phrase ends at the verb of its clause: `The signing
    // of a contract in Rawalpindi has been hailed in Islamabad` places the
    // signing in Rawalpindi only.
    let past_noun_phrase = |k: usize, ti: usize| {
        let vi = verbs[k].0;
        noun_at.contains(&vi)
            && (vi.min(ti)..vi.max(ti)).any(|j| is_aux(lowers[j]) && lowers[j] != "to")
    };
    let mut loose_dates = Vec::new();
    let mut fronted_dates = Vec::new();
    for d in dates {
        let ti = tok_at(d.span.start);
        let attached = before_infinitive(&d)
            .or_else(|| nearest(ti))
            .filter(|&k| !past_noun_phrase(k, ti));
        let front = attached.is_none().then(|| fronted(ti)).flatten();
        match attached.or(front).or_else(|| when_after(&d)) {
            Some(k) => {
                if front.is_some() {
                    fronted_dates.push((k, d.clone()));
                }
                out[k].dates.push(d);
            }
            None => loose_dates.push(d),
        }
    }
    // A fronted date dates the whole sentence: also the verbs of clauses
    // joined to the first one by `and` (`In November 2014, Shoigu flew to
    // Islamabad, and he and Asif signed an agreement`), when they have no
    // date of their own, are no speech, and are told alike (a planned
    // verb after a past one is another time).
    for (k, d) in fronted_dates {
        let vk = verbs[k].0;
        for m in k + 1..verbs.len() {
            let vm = verbs[m].0;
            let joined = (vk..vm).any(|j| lowers[j] == "and");
            let subordinate = (vk..vm).any(|j| is_clause_word(lowers[j]));
            if joined
                && !subordinate
                && out[m].dates.is_empty()
                && !is_speech(verbs[m].1)
                && out[m].factuality == out[k].factuality
            {
                out[m].dates.push(d.clone());
            }
        }
    }
    let mut loose_places = Vec::new();
    for p in places {
        let ti = tok_at(p.span.start);
        // `at General Headquarters (GHQ), Rawalpindi`: the venue's clause.
        let venue = (p.place.kind == crate::extract::PlaceKind::City && city_of_venue(&lowers, ti))
            .then(|| ti - 2);
        let Some(k) = nearest(venue.unwrap_or(ti))
            .filter(|&k| !past_noun_phrase(k, ti))
            .or_else(|| fronted_place(ti))
        else {
            loose_places.push(p);
            continue;
        };
        let vi = verbs[k].0;
        let pred = verbs[k].1;
        let prev = ti.checked_sub(1).map(|j| lowers[j]);
        let prev2 = ti.checked_sub(2).map(|j| lowers[j]);
        let locative = prev.is_some_and(|w| is_locative(w) && w != "on")
            || (is_movement(pred)
                && ti > vi
                && (prev == Some("to") || ti == vi + 1 || (prev == Some("the") && ti == vi + 2)))
            || (prev == Some("the") && prev2.is_some_and(|w| is_locative(w) && w != "on"))
            || in_the_city_of(&lowers, ti)
            || venue.is_some();
        if locative && !is_speech(pred) {
            let host = hosts
                .iter()
                .find(|h| h.0 == vi)
                .and_then(|h| verbs.iter().position(|v| v.0 == h.1))
                .or_else(|| ceremony_of(&lowers, &verbs, k));
            if let Some(h) = host {
                out[h].places.push(p.clone());
            }
            out[k].places.push(p);
        } else {
            out[k].other_places.push(p);
        }
    }
    // `the signing in November 2014 of an agreement during a visit to
    // Islamabad`: the visit was under way then.
    for &at in &during_at {
        let Some(k) = verbs.iter().position(|v| v.0 == at) else {
            continue;
        };
        if !out[k].dates.is_empty() {
            continue;
        }
        let inside = (0..k)
            .rev()
            .take_while(|&m| clause_of[verbs[m].0] == clause_of[at])
            .find(|&m| !out[m].dates.is_empty());
        if let Some(m) = inside {
            out[k].dates = out[m].dates.clone();
        }
    }
    let here = (0..toks.len())
        .filter(|&i| lowers[i] == "here" && !in_date[i] && locative_here(&lowers, i))
        .filter_map(|i| {
            let k = nearest(i)?;
            (!is_speech(verbs[k].1)).then(|| (k, toks[i].start..toks[i].end))
        })
        .collect();
    SentenceEvents {
        frames: out,
        loose_dates,
        loose_places,
        here,
    }
}

/// Whether `attack` at `i` names a kind of craft rather than an act
/// (`15 Bell AH-1Z Viper attack helicopters`): a craft's noun follows it,
/// and no modal, `to` or negation comes before it (`will attack
/// helicopters` is an act).
fn attack_modifier(lowers: &[&str], i: usize) -> bool {
    lowers[i] == "attack"
        && lowers.get(i + 1).is_some_and(|w| {
            matches!(
                *w,
                "helicopter"
                    | "helicopters"
                    | "aircraft"
                    | "jet"
                    | "jets"
                    | "plane"
                    | "planes"
                    | "drone"
                    | "drones"
                    | "submarine"
                    | "submarines"
                    | "boat"
                    | "boats"
                    | "craft"
                    | "gunship"
                    | "gunships"
                    | "variant"
                    | "version"
                    | "role"
            )
        })
        && !i.checked_sub(1).is_some_and(|j| {
            matches!(
                lowers[j],
                "to" | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "shall"
                    | "should"
                    | "can"
                    | "did"
                    | "not"
                    | "n't"
            )
        })
}

/// Whether the place at token `ti` is the city of a venue named before it
/// after a comma (`held at General Headquarters (GHQ), Rawalpindi`, `at
/// the Foreign Office, Islamabad`): `at`, `in` or `inside` at most eight
/// tokens before the comma, with no other comma, clause word or verb of
/// the lexicon, `and`, `between`, `with`, `from`, `to`, `for` or `by`
/// between, and no possessive after the place (`…, Russia's state
/// exporter`).
fn city_of_venue(lowers: &[&str], ti: usize) -> bool {
    if ti < 3
        || lowers[ti - 1] != ","
        || lowers.get(ti + 1).is_some_and(|w| *w == "'s" || *w == "'")
    {
        return false;
    }
    (ti.saturating_sub(10)..ti - 1)
        .rev()
        .take_while(|&j| {
            let w = lowers[j];
            !matches!(
                w,
                "," | "and" | "between" | "with" | "from" | "to" | "for" | "by"
            ) && !is_clause_word(w)
                && LEXICON.get(w).is_none()
        })
        .any(|j| matches!(lowers[j], "at" | "in" | "inside"))
}

/// The event a ceremony's place is also the place of: `was signed today at
/// a ceremony held at General Headquarters`, where verb `k` is `held`
/// right after `ceremony`, is the verb before it (not a speech verb).
fn ceremony_of(lowers: &[&str], verbs: &[(usize, &'static str)], k: usize) -> Option<usize> {
    let (vi, pred) = verbs[k];
    let ceremony = pred == "hold" && vi >= 1 && lowers[vi - 1] == "ceremony";
    let m = k.checked_sub(1)?;
    (ceremony && !is_speech(verbs[m].1)).then_some(m)
}

/// Whether the `here` at `i` names where something happens (`signed at the
/// headquarters here`, `held here on Monday`): not `here is`, not `from
/// here`, not the text's own here (`to mention here that`, `noted here`).
fn locative_here(lowers: &[&str], i: usize) -> bool {
    let prev = i.checked_sub(1).map_or("", |j| lowers[j]);
    let next = lowers.get(i + 1).copied().unwrap_or("");
    i > 0
        && !matches!(
            prev,
            "from" | "mention" | "mentioned" | "note" | "noted" | "noting" | "recall" | "over"
        )
        && !matches!(
            next,
            "is" | "are" | "was" | "were" | "'s" | "comes" | "come" | "that"
        )
}

/// Nouns that name an event of a predicate (`deliveries` are deliver
/// events).
fn nominal_predicate(w: &str) -> Option<&'static str> {
    noun_predicate(NOMINAL_NOUNS, w)
}

/// The nouns of [`nominal_predicate`], with their predicates.
const NOMINAL_NOUNS: &[(&str, &str)] = &[("delivery", "deliver"), ("deliveries", "deliver")];

/// The predicate of the noun `w` in `list`.
fn noun_predicate(list: &[(&str, &'static str)], w: &str) -> Option<&'static str> {
    list.iter().find(|&&(n, _)| n == w).map(|&(_, p)| p)
}

/// Verbs that say when an event named by a noun happens (`Deliveries
/// began`, `are expected to start`).
fn is_phase_verb(w: &str) -> bool {
    matches!(
        w,
        "begin"
            | "begins"
            | "began"
            | "begun"
            | "start"
            | "starts"
            | "started"
            | "commence"
            | "commences"
            | "commenced"
            | "resume"
            | "resumes"
            | "resumed"
            // what is done: `deliveries were completed`, `are to be carried
            // out`, `were made`
            | "carried"
            | "completed"
            | "complete"
            | "made"
            | "effected"
            | "executed"
    )
}

/// An event named by a noun: where the noun is, its predicate, whether it
/// happened, and what it is of.
#[derive(Debug)]
struct Nominal {
    at: usize,
    predicate: &'static str,
    factuality: Factuality,
    agent: Option<String>,
    object: Option<String>,
    /// The verb whose adjunct the noun is (`arrived` on a visit): it
    /// shares the noun's place.
    host: Option<usize>,
    /// Whether `during` governs it (`signed ... during a visit to
    /// Islamabad`): the event before it in its clause took place within
    /// it.
    during: bool,
}

/// How many words may stand before an event noun in its clause (`the
/// first`), or in the `of` phrase after it (`of the four helicopters`).
const MAX_NOMINAL_LEAD: usize = 3;
const MAX_NOMINAL_OF: usize = 6;

/// The events of a sentence named by a noun that heads its clause's
/// subject and that a verb of time governs: `Deliveries are expected to
/// begin in 2017`, `The first deliveries began last year`, `Delivery of
/// the helicopters is due in 2018`. The lexicon's verbs find events only
/// in verbs, and these sentences have none the lexicon knows, so their
/// dates would date nothing. The factuality is that of the verb of time
/// (`are expected to begin`: planned; `began`: asserted; `is due`:
/// planned); the object is the `of` phrase. Not when a word before the
/// noun in its clause is a verb or auxiliary (`said deliveries`), nor
/// without a verb of time right after the subject (`Deliveries of arms to
/// Syria worry the West`).
fn nominal_events(ctx: &Ctx<'_, '_>, verbs: &[(usize, &str)], reported: bool) -> Vec<Nominal> {
    let lowers = ctx.lowers;
    let mut out = Vec::new();
    for (i, &w) in lowers.iter().enumerate() {
        let Some(predicate) = nominal_predicate(w) else {
            continue;
        };
        if ctx.in_date[i] || verbs.iter().any(|&(v, _)| v == i) {
            continue;
        }
        let c = ctx.clause_of[i];
        if let Some(object) = planned_by_verb(ctx, i) {
            out.push(Nominal {
                at: i,
                predicate,
                factuality: Factuality::Future,
                agent: None,
                object,
                host: None,
                during: false,
            });
            continue;
        }
        let lead = (0..i).filter(|&j| ctx.clause_of[j] == c).count();
        let plain_lead = (0..i)
            .filter(|&j| ctx.clause_of[j] == c)
            .all(|j| is_word(&ctx.toks[j]) && !is_aux(lowers[j]) && !in_lexicon(lowers[j]));
        if lead > MAX_NOMINAL_LEAD || !plain_lead {
            continue;
        }
        let mut j = i + 1;
        let mut object = None;
        if lowers.get(j) == Some(&"of") {
            let from = j + 1;
            let mut e = from;
            while e < lowers.len()
                && e - from < MAX_NOMINAL_OF
                && ctx.clause_of[e] == c
                && is_word(&ctx.toks[e])
                && !ctx.in_date[e]
                && !is_aux(lowers[e])
                && !in_lexicon(lowers[e])
            {
                e += 1;
            }
            if e == from {
                continue;
            }
            object = Some(lowers[from..e].join(" "));
            j = e;
        }
        while lowers
            .get(j)
            .is_some_and(|w| is_aux(w) || matches!(*w, "will" | "would" | "not"))
        {
            j += 1;
        }
        let marker = lowers.get(j).copied().filter(|w| {
            matches!(
                *w,
                "expected" | "scheduled" | "set" | "due" | "likely" | "planned" | "slated"
            )
        });
        if marker.is_some() {
            j += 1;
            if lowers.get(j) == Some(&"to") {
                j += 1;
            }
        }
        // `Deliveries are to be carried out in 2017`: a plan.
        let to_be =
            marker.is_none() && j > i + 1 && lowers.get(j..j + 2) == Some(&["to", "be"][..]);
        if to_be {
            j += 2;
        }
        // `is due in 2018`, `are scheduled for 2017`, `are expected by
        // 2017`: the time is the plan's.
        let plan_time = marker.is_some()
            && (marker == Some("due")
                || lowers
                    .get(j)
                    .is_some_and(|w| matches!(*w, "in" | "for" | "by")));
        let phase = if lowers.get(j).is_some_and(|w| is_phase_verb(w)) {
            j
        } else if plan_time {
            j - 1
        } else {
            continue;
        };
        if ctx.clause_of[phase] != c {
            continue;
        }
        let factuality = match factuality(lowers, phase, reported) {
            Factuality::Asserted | Factuality::Reported
                if to_be
                    || (plan_time && phase == j - 1)
                    || matches!(marker, Some("due" | "scheduled" | "slated" | "planned")) =>
            {
                Factuality::Future
            }
            f => f,
        };
        out.push(Nominal {
            at: i,
            predicate,
            factuality,
            agent: None,
            object,
            host: None,
            during: false,
        });
    }
    out
}

/// Whether the event noun at `i` is the object of a verb that plans it (`the
/// document provides for deliveries in 2016`, `the contract envisages the
/// delivery of four helicopters`): at most a determiner and an adjective
/// between them, all in one clause. Returns the noun's `of` phrase, if any.
fn planned_by_verb(ctx: &Ctx<'_, '_>, i: usize) -> Option<Option<String>> {
    let lowers = ctx.lowers;
    let c = ctx.clause_of[i];
    let mut j = i;
    while j > 0
        && i - j < 2
        && ctx.clause_of[j - 1] == c
        && (is_determiner(lowers[j - 1])
            || matches!(lowers[j - 1], "first" | "initial" | "further"))
    {
        j -= 1;
    }
    let before = |k: usize| {
        j.checked_sub(k)
            .filter(|&x| ctx.clause_of[x] == c)
            .map(|x| lowers[x])
    };
    let planned = match (before(2), before(1)) {
        (Some("provides" | "provide" | "provided" | "calls" | "call" | "called"), Some("for")) => {
            true
        }
        (_, Some(v)) => matches!(
            v,
            "envisages"
                | "envisage"
                | "envisaged"
                | "stipulates"
                | "stipulate"
                | "stipulated"
                | "foresees"
                | "foresee"
                | "schedules"
                | "scheduled"
        ),
        _ => false,
    };
    if !planned {
        return None;
    }
    let of = (lowers.get(i + 1) == Some(&"of"))
        .then(|| ctx.phrase_after(i + 2))
        .flatten();
    Some(of)
}

/// A purchase a deal provides for, named by a noun (`an agreement for the
/// procurement of four Mi-35M helicopters`, `a deal that includes the sale
/// of four Mi-35 helicopters to Pakistan`, `approved the purchase of 15
/// helicopters by Pakistan`): a planned `buy` of the `of` phrase. Its
/// buyer is whom the sale is to, or the purchase's possessor or `by`
/// phrase (`Pakistan's purchase of`); none else. The noun must hang on a
/// deal noun through a word that says the deal holds it (`for`,
/// `includes`, `covering`), or be the object of a verb that approves it:
/// a purchase told of otherwise (`the purchase of helicopters was a
/// mistake`) is left alone.
fn deal_purchases(ctx: &Ctx<'_, '_>, verbs: &[(usize, &str)]) -> Vec<Nominal> {
    let lowers = ctx.lowers;
    let mut out = Vec::new();
    for (i, &w) in lowers.iter().enumerate() {
        let Some(&(_, sale)) = PURCHASE_NOUNS.iter().find(|&&(n, _)| n == w) else {
            continue;
        };
        if ctx.in_date[i] || verbs.iter().any(|&(v, _)| v == i) || lowers.get(i + 1) != Some(&"of")
        {
            continue;
        }
        // Back over a determiner or a possessive to the word the noun
        // hangs on.
        let mut j = i;
        if j > 0
            && (is_determiner(lowers[j - 1])
                || lowers[j - 1].ends_with("'s")
                || lowers[j - 1].ends_with("\u{2019}s"))
        {
            j -= 1;
        }
        let before = |k: usize| j.checked_sub(k).map(|x| lowers[x]);
        let holds = matches!(
            before(1),
            Some(
                "for"
                    | "includes"
                    | "include"
                    | "including"
                    | "included"
                    | "covering"
                    | "covers"
                    | "cover"
                    | "covered"
                    | "involving"
                    | "involves"
                    | "on"
            )
        );
        let deal = (2..=4).filter_map(before).any(|d| {
            matches!(
                d,
                "deal"
                    | "deals"
                    | "agreement"
                    | "agreements"
                    | "contract"
                    | "contracts"
                    | "accord"
                    | "pact"
                    | "mou"
            )
        });
        let approved = matches!(
            before(1),
            Some(
                "approved"
                    | "approves"
                    | "approve"
                    | "cleared"
                    | "clears"
                    | "authorised"
                    | "authorized"
                    | "sanctioned"
            )
        );
        if !((holds && deal) || approved) {
            continue;
        }
        let Some(object) = ctx.phrase_after(i + 2) else {
            continue;
        };
        // The phrases after the object, in its clause: `to Pakistan`,
        // `by Pakistan`.
        let c = ctx.clause_of[i];
        let after = |word: &str| {
            (i + 2..lowers.len().min(i + 16))
                .take_while(|&k| ctx.clause_of[k] == c && !ctx.in_date[k])
                .find(|&k| lowers[k] == word)
                .and_then(|k| ctx.phrase_after(k + 1))
        };
        let agent = if sale {
            after("to")
        } else {
            after("by").or_else(|| ctx.possessor_before(i))
        };
        out.push(Nominal {
            at: i,
            predicate: "buy",
            factuality: Factuality::Future,
            agent,
            object: Some(object),
            host: None,
            during: false,
        });
    }
    out
}

/// Who visits in `the visit of …` (the words from `from` on): a
/// capitalized name (`Sergei Shoigu`), or, after a title, the name in
/// apposition to it (`the Russian Defence Minister, General Sergei Shoigu,`
/// gives `general sergei shoigu`); lowercase. `None` when no capitalized
/// name follows (`the visit of the delegation`).
fn visitor_after_of(ctx: &Ctx<'_, '_>, from: usize) -> Option<String> {
    let mut k = from;
    if ctx.lowers.get(k) == Some(&"the") {
        k += 1;
    }
    let run = |k: usize| {
        let mut e = k;
        while e < ctx.toks.len() && e - k < 6 && ctx.name_word(e) {
            e += 1;
        }
        e
    };
    let e = run(k);
    if e == k {
        return None;
    }
    // A title, then its bearer in apposition.
    if ctx.lowers.get(e) == Some(&",") {
        let n = run(e + 1);
        let closes = n == ctx.toks.len() || ctx.lowers[n] == ",";
        if n > e + 1 && closes {
            return Some(ctx.lowers[e + 1..n].join(" "));
        }
    }
    Some(ctx.lowers[k..e].join(" "))
}

/// Whether verb form `w` of the signing group means a signing whatever its
/// object (`signed`, `inked`); `concluded`, `sealed` and `finalised` do
/// only with a deal ([`deal_near`]): `The briefing concluded at 12:10`,
/// `sealed the border`, `finalised the schedule` are no signings.
fn signs_only_a_deal(w: &str) -> bool {
    w.starts_with("sign") || w.starts_with("ink")
}

/// Whether a deal noun (`deal`, `agreement`, `contract`, …) is the object
/// of the verb at `i` or, in a passive, its subject: among the five
/// tokens after it or the eight before (`The deal, worth about $8.7bn, was
/// finalised`).
fn deal_near(lowers: &[&str], i: usize) -> bool {
    let lo = i.saturating_sub(8);
    let hi = (i + 6).min(lowers.len());
    (lo..hi).filter(|&j| j != i).any(|j| {
        matches!(
            lowers[j],
            "deal"
                | "deals"
                | "agreement"
                | "agreements"
                | "contract"
                | "contracts"
                | "accord"
                | "accords"
                | "pact"
                | "treaty"
                | "memorandum"
                | "mou"
                | "protocol"
                | "sale"
                | "purchase"
                | "arrangement"
        )
    })
}

/// Nouns that name an event when the sentence says whose it is and where
/// or of what (`a visit to Islamabad by Shoigu`, `paid a visit to
/// Pakistan`, `the signing of a contract`).
fn noun_event_predicate(w: &str) -> Option<&'static str> {
    noun_predicate(EVENT_NOUNS, w)
}

/// The nouns of [`noun_event_predicate`], with their predicates.
const EVENT_NOUNS: &[(&str, &str)] = &[
    ("visit", "visit"),
    ("visits", "visit"),
    ("signing", "sign"),
    ("signature", "sign"),
    ("signatures", "sign"),
];

/// The nouns of a purchase [`deal_purchases`] reads, each with whether it
/// is a sale (whose buyer is whom it is to).
const PURCHASE_NOUNS: &[(&str, bool)] = &[
    ("sale", true),
    ("sales", true),
    ("purchase", false),
    ("purchases", false),
    ("procurement", false),
    ("acquisition", false),
];

/// Verbs that take `signature` as their object and mean that the signing
/// took place (`put their signatures to the contract`).
fn is_signature_verb(w: &str) -> bool {
    matches!(
        w,
        "put" | "puts" | "putting" | "affix" | "affixes" | "affixed" | "affixing"
    )
}

/// Verbs that take an event noun as their object and mean only that the
/// event took place (`paid a visit`, `made a visit`).
fn is_light_verb(w: &str) -> bool {
    matches!(
        w,
        "pay"
            | "pays"
            | "paid"
            | "paying"
            | "make"
            | "makes"
            | "made"
            | "making"
            | "undertake"
            | "undertakes"
            | "undertook"
            | "undertaken"
            | "undertaking"
    )
}

/// How many words may stand between a light verb and its event noun (`paid
/// an official state visit`).
const MAX_LIGHT_GAP: usize = 4;

/// Events named by a noun with its participants (see
/// [`noun_event_predicate`]): `Shoigu paid an official visit to Islamabad
/// on November 20` (a visit with Shoigu as agent: the light verb's
/// subject), `during a visit to Islamabad by Defence Minister Sergei
/// Shoigu` (the `by` phrase), `the signing of a contract` (the `of`
/// phrase). A noun alone (`during the visit`, `the signing ceremony`)
/// names no new event. The factuality is the light verb's, else the
/// noun's own cues, and a modifier of plans or doubt wins (`a planned
/// visit`: future; `a possible visit`: hedged; `a cancelled visit`:
/// negated). Also returns the light verbs, which are no event of their own
/// (`paid` a visit is no payment).
fn noun_events(
    ctx: &Ctx<'_, '_>,
    verbs: &[(usize, &str)],
    reported: bool,
) -> (Vec<Nominal>, Vec<usize>) {
    let lowers = ctx.lowers;
    let (mut out, mut light_verbs) = (Vec::new(), Vec::new());
    for (i, &w) in lowers.iter().enumerate() {
        let Some(predicate) = noun_event_predicate(w) else {
            continue;
        };
        if ctx.in_date[i] || verbs.iter().any(|&(v, _)| v == i) {
            continue;
        }
        let c = ctx.clause_of[i];
        // A signature is a signing only with its verb: `put their
        // signatures to the deal`, not `the signature of the minister`.
        let signature = w.starts_with("signature");
        // The words before the noun in its clause, back to a light verb or
        // the start of the noun phrase.
        let mut light = None;
        let mut host = None;
        let mut modifiers: Vec<&str> = Vec::new();
        for j in (i.saturating_sub(MAX_LIGHT_GAP + 1)..i).rev() {
            let m = lowers[j];
            if ctx.clause_of[j] != c || !is_word(&ctx.toks[j]) || ctx.in_date[j] {
                break;
            }
            if is_light_verb(m) || (signature && is_signature_verb(m)) {
                light = Some(j);
                break;
            }
            // `arrived on a visit to Pakistan`: the verb's subject visits.
            if m == "on" && j > 0 && verbs.iter().any(|&(v, _)| v == j - 1) {
                host = Some(j - 1);
                break;
            }
            if m.ends_with("ed") && !is_aux(m) {
                // A participle modifies the noun (`a planned visit`).
                modifiers.push(m);
                continue;
            }
            if is_aux(m) || is_preposition(m) || in_lexicon(m) {
                break;
            }
            modifiers.push(m);
        }
        let (agent, object) = match predicate {
            "sign" if signature => {
                let Some(l) = light else {
                    continue;
                };
                let to = matches!(lowers.get(i + 1), Some(&("to" | "on")));
                (
                    ctx.phrase_before(l),
                    to.then(|| ctx.phrase_after(i + 2)).flatten(),
                )
            }
            "sign" => {
                // `the signing in November 2014 of an agreement`: a date
                // may stand before the `of` phrase.
                let mut of = i + 1;
                while ctx.in_date.get(of) == Some(&true) {
                    of += 1;
                }
                if lowers.get(of) != Some(&"of")
                    || !i.checked_sub(1).is_some_and(|j| is_determiner(lowers[j]))
                {
                    continue;
                }
                (None, ctx.phrase_after(of + 1))
            }
            "visit" if lowers.get(i + 1) == Some(&"of") && light.is_none() => {
                // `the visit of Sergei Shoigu to Islamabad`, `the visit of
                // the Russian Defence Minister, General Sergei Shoigu,`:
                // the visitor, named after `of` or in apposition to it.
                let Some(visitor) = visitor_after_of(ctx, i + 2) else {
                    continue;
                };
                let to = (i + 2..lowers.len().min(i + 14))
                    .take_while(|&k| ctx.clause_of[k] == c)
                    .find(|&k| lowers[k] == "to")
                    .and_then(|k| ctx.phrase_after(k + 1));
                (Some(visitor), to)
            }
            _ => {
                let to = lowers.get(i + 1) == Some(&"to");
                let by = (i + 1..lowers.len().min(i + 12))
                    .take_while(|&k| ctx.clause_of[k] == c)
                    .find(|&k| {
                        lowers[k] == "by" && !ctx.in_date.get(k + 1).copied().unwrap_or(true)
                    });
                if light.is_none() && !to && by.is_none() {
                    continue;
                }
                let agent = match light.or(host) {
                    Some(l) => ctx.phrase_before(l),
                    None => by
                        .and_then(|k| ctx.phrase_after(k + 1))
                        .or_else(|| ctx.possessor_before(i)),
                };
                (agent, to.then(|| ctx.phrase_after(i + 2)).flatten())
            }
        };
        let planned = modifiers.iter().any(|m| {
            matches!(
                *m,
                "planned"
                    | "proposed"
                    | "upcoming"
                    | "forthcoming"
                    | "expected"
                    | "scheduled"
                    | "future"
                    | "next"
            )
        });
        let doubtful = modifiers
            .iter()
            .any(|m| matches!(*m, "possible" | "potential" | "rumoured" | "rumored"));
        let called_off = modifiers.iter().any(|m| {
            matches!(
                *m,
                "cancelled" | "canceled" | "postponed" | "aborted" | "called-off"
            )
        });
        // `ahead of a visit`, `invited for a visit`: still to come.
        let opener = i.checked_sub(modifiers.len() + 1).map(|j| lowers[j]);
        let ahead = opener == Some("for")
            || (opener == Some("of")
                && i >= modifiers.len() + 2
                && lowers[i - modifiers.len() - 2] == "ahead");
        let factuality = if called_off {
            Factuality::Negated
        } else if planned || ahead {
            Factuality::Future
        } else if doubtful {
            Factuality::Hedged
        } else {
            factuality(lowers, light.unwrap_or(i), reported)
        };
        let during = opener == Some("during");
        light_verbs.extend(light);
        out.push(Nominal {
            during,
            at: i,
            predicate,
            factuality,
            agent,
            object,
            host,
        });
    }
    (out, light_verbs)
}

/// The token indices of the brackets of every short parenthesis of words:
/// `(` then at most four words, no punctuation, then `)` (`(GHQ)`,
/// `(local time)`, `(Army)`). A longer one, or one holding a comma, may be
/// a clause.
fn short_parentheses(lowers: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, &w) in lowers.iter().enumerate() {
        if w != "(" {
            continue;
        }
        let close = lowers
            .iter()
            .enumerate()
            .skip(i + 1)
            .take(5)
            .find(|(_, w)| !w.chars().next().is_some_and(char::is_alphanumeric))
            .filter(|(_, w)| **w == ")")
            .map(|(j, _)| j);
        if let Some(j) = close.filter(|&j| j > i + 1) {
            out.extend([i, j]);
        }
    }
    out
}

/// Whether the place at token `ti` ends a locative phrase naming its kind
/// first: "in the garrison city of Rawalpindi", "at the port of Karachi"
/// (at most three words between `the` and the kind).
fn in_the_city_of(lowers: &[&str], ti: usize) -> bool {
    if ti < 4 || lowers[ti - 1] != "of" || !is_place_kind(lowers[ti - 2]) {
        return false;
    }
    let Some(the) = (ti.saturating_sub(6)..ti - 2)
        .rev()
        .find(|&j| lowers[j] == "the")
    else {
        return false;
    };
    let modifiers_are_words = lowers[the + 1..ti - 2]
        .iter()
        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
    modifiers_are_words && the > 0 && is_locative(lowers[the - 1]) && lowers[the - 1] != "on"
}

/// Nouns naming a kind of place, as in "the city of X".
fn is_place_kind(w: &str) -> bool {
    matches!(
        w,
        "city"
            | "town"
            | "village"
            | "capital"
            | "province"
            | "state"
            | "district"
            | "region"
            | "port"
            | "county"
            | "valley"
            | "island"
            | "suburb"
    )
}

/// Whether the speech verb at `i`, after a comma, is followed by what was
/// said or by an adverbial rather than by its subject ("Asim Bajwa, the
/// army spokesman, said the helicopters would be used", "ISPR, said in a
/// statement"; but "The talks were useful, said Ahmed Khan."): a
/// preposition right after it, or `that` or an auxiliary before the next
/// comma.
fn clause_after_speech(lowers: &[&str], i: usize) -> bool {
    let next = lowers.get(i + 1).copied().unwrap_or("");
    if matches!(
        next,
        "in" | "on" | "at" | "during" | "after" | "late" | "earlier" | "last" | "this"
    ) {
        return true;
    }
    lowers[i + 1..]
        .iter()
        .take_while(|w| !matches!(**w, "," | ";" | "\""))
        .any(|w| *w == "that" || (is_aux(w) && *w != "to"))
}

/// Whether token `i` is `went` followed by `to` and a capitalized word
/// (`went to Moscow`, not `went to court`).
fn went_to_a_name(toks: &[Tok<'_>], lowers: &[&str], i: usize) -> bool {
    lowers[i] == "went"
        && lowers.get(i + 1) == Some(&"to")
        && toks
            .get(i + 2)
            .is_some_and(|t| is_word(t) && t.text.starts_with(|c: char| c.is_uppercase()))
}

/// Whether token `i`, a lexicon word, is used as a verb here.
fn looks_verbal(toks: &[Tok<'_>], lowers: &[&str], in_date: &[bool], i: usize) -> bool {
    let w = lowers[i];
    let prev = i.checked_sub(1).map(|j| lowers[j]);
    if prev.is_some_and(|p| is_determiner(p) || p.ends_with("'s") || p.ends_with("s'")) {
        return false;
    }
    if lowers.get(i + 1).is_some_and(|&n| n == "of") && !w.ends_with("ed") {
        return false;
    }
    // A capitalized lexicon word inside a sentence is usually part of a name.
    let cap = toks[i].text.chars().next().is_some_and(char::is_uppercase);
    if cap && i > 0 && toks[i - 1].text != "\"" {
        return false;
    }
    // After a model designation or a lone letter ("Mi-35 Hind E attack
    // helicopters") the word modifies a noun; the day of a date is no
    // designation ("on August 19 signed").
    let after_code = prev
        .is_some_and(|p| p.chars().count() == 1 || p.chars().any(|c| c.is_ascii_digit()))
        && !in_date[i - 1];
    if after_code && is_word(&toks[i - 1]) {
        return false;
    }
    // "declined to comment", "failed to": a negation of the next verb.
    if lowers.get(i + 1).is_some_and(|&n| n == "to")
        && matches!(w, "declined" | "declines" | "declining" | "decline")
    {
        return false;
    }
    // "declined to be named", "asked not to be named": a source kept
    // anonymous, nobody appointed.
    if w == "named"
        && i >= 3
        && lowers[i - 1] == "be"
        && lowers[i - 2] == "to"
        && matches!(
            lowers[i - 3],
            "declined" | "refused" | "not" | "asked" | "requested"
        )
    {
        return false;
    }
    if is_nouny(w) {
        // After an auxiliary, a pronoun or a name it is a verb; not after a
        // nationality adjective ("Russian attack helicopters", "Chinese
        // state media"), and `state` not after a name either ("the Rostec
        // state conglomerate"): a name before it is a modifier far more
        // often than a subject.
        let after_name = |p: &str| {
            toks[i - 1]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                && !matches!(w, "state" | "states")
                && (p.ends_with('s') || country_of_demonym(p).is_none())
        };
        return prev.is_some_and(|p| {
            is_aux(p) || is_pronoun(p) || p == "not" || p == "n't" || p == "," || after_name(p)
        });
    }
    if w.ends_with("ing") {
        // A gerund after a preposition is an event noun: still an event, but
        // "the signing" is caught above by the determiner rule.
        return true;
    }
    true
}

/// Whether the verb at token `i` is a passive participle: a form of `be`
/// before it, with only adverbs and negations between ("was signed",
/// "will be delivered", "were not sent", "has been quietly sold").
fn is_passive(lowers: &[&str], i: usize) -> bool {
    if !is_participle(lowers[i]) {
        return false;
    }
    for &w in lowers[..i].iter().rev() {
        if matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being") {
            return true;
        }
        let adverb = w.ends_with("ly")
            || matches!(
                w,
                "not" | "n't" | "never" | "also" | "already" | "since" | "then"
            );
        if !adverb {
            return false;
        }
    }
    false
}

/// Whether a verb form can be a past participle: regular (`signed`) or
/// irregular (`sold`, `cut`, `withdrawn`).
fn is_participle(w: &str) -> bool {
    w.ends_with("ed") || (LEX.get(w).irregular && !w.ends_with("ing") && !w.ends_with('s'))
}

/// The first speech verb (`said`, `told`) of the sentence: an event after
/// it is part of what someone said.
fn first_speech_verb(lowers: &[&str], skip: Option<Range<usize>>) -> Option<usize> {
    let skipped = |k: usize| skip.as_ref().is_some_and(|r| r.contains(&k));
    lowers.iter().enumerate().position(|(k, &w)| {
        !skipped(k)
            && matches!(
                w,
                "said"
                    | "says"
                    | "told"
                    | "tells"
                    | "stated"
                    | "announced"
                    | "claimed"
                    | "added"
                    | "reported"
                    | "reporting"
                    | "quoted"
            )
    })
}

/// Whether the sentence ends in a reporting clause (`..., Reuters reported.`).
fn reported_tail(lowers: &[&str]) -> bool {
    let n = lowers.len();
    let tail = &lowers[n.saturating_sub(5)..];
    tail.iter()
        .any(|w| matches!(*w, "reported" | "reports" | "quoted"))
        || lowers
            .windows(2)
            .any(|w| w[0] == "according" && w[1] == "to")
}

/// Sentence adverbs written between commas inside a clause (`did not,
/// however, sell`).
fn is_parenthetical(w: &str) -> bool {
    matches!(
        w,
        "however"
            | "though"
            | "moreover"
            | "therefore"
            | "nonetheless"
            | "nevertheless"
            | "indeed"
            | "meanwhile"
            | "instead"
            | "also"
            | "too"
    )
}

/// The factuality of the verb at token `i` from the words before it in its
/// clause (at most six, past an adverb set off by commas): negation first, then future, hedging, reporting.
/// A clause opened by `if` or `whether` is hedged: it tells what might
/// be, not what is (`asked whether Russia signed the deal`).
///
/// One pass over the window notes which cue words and pairs it holds.
fn factuality(lowers: &[&str], i: usize, reported: bool) -> Factuality {
    let from = i.saturating_sub(9);
    let mut window = &lowers[from..i];
    // `did not, however, sell`: an adverb set off by commas just before
    // the verb is no clause boundary.
    while let [rest @ .., ",", adverb, ","] = window {
        if !is_parenthetical(adverb) {
            break;
        }
        window = rest;
    }
    let window = &window[window.len().saturating_sub(6)..];
    // Stop at a clause boundary before the verb.
    let boundary = window
        .iter()
        .rposition(|w| matches!(*w, "," | ";" | ":" | "\"") || is_clause_word(w));
    let conditional = boundary.is_some_and(|p| matches!(window[p], "if" | "whether"));
    let window = &window[boundary.map_or(0, |p| p + 1)..];
    let (mut negated, mut future, mut reportedly) = (false, false, false);
    let mut hedged = conditional;
    let (mut would_be, mut expected, mut would) = (false, false, false);
    for (k, &w) in window.iter().enumerate() {
        negated |= matches!(w, "not" | "n't" | "never" | "neither" | "nor" | "without");
        // `denied the report and said …`: a denial joined by `and` denies
        // its own object, not the next verb.
        negated |= matches!(w, "denied" | "denies")
            && !window[k + 1..]
                .iter()
                .any(|w| matches!(*w, "and" | "but" | "or"));
        future |= matches!(w, "will" | "'ll" | "shall");
        hedged |= matches!(
            w,
            "allegedly"
                | "may"
                | "might"
                | "could"
                | "possibly"
                | "purportedly"
                | "supposedly"
                | "believed"
                | "thought"
                | "rumoured"
                | "rumored"
                | "likely"
                | "appears"
                | "seems"
                | "unlikely"
        );
        reportedly |= matches!(w, "reportedly" | "apparently");
        // `would have signed` is a counterfactual, never a reported plan.
        would |= w == "would" && window.get(k + 1) != Some(&"have");
        hedged |= w == "would" && window.get(k + 1) == Some(&"have");
        expected |= w == "expected";
        let Some(&next) = window.get(k + 1) else {
            continue;
        };
        if next == "to" {
            // "failed to sign": the negation is of the verb right after
            // `to` (past `be`, `have` and adverbs), not of a later one ("an
            // official who declined to be named said").
            negated |= matches!(w, "failed" | "refused" | "declined")
                && first_verb_slot(window, k + 2) == window.len();
            future |= matches!(
                w,
                "agreed"
                    | "agrees"
                    | "decided"
                    | "decides"
                    | "promised"
                    | "pledged"
                    | "vowed"
                    | "wants"
                    | "seeks"
                    | "ready"
                    | "set"
                    | "expected"
                    | "plans"
                    | "plan"
                    | "planning"
                    | "due"
                    | "going"
                    | "scheduled"
                    | "intends"
                    | "aims"
                    | "poised"
                    | "is"
                    | "are"
                    | "hopes"
            );
        }
        negated |= w == "no" && next == "longer";
        would_be |= w == "would" && next == "be";
    }
    // `would` under a past reporting verb is the future of the past ("officials
    // said the helicopters would be delivered in 2017"); a bare or
    // conditional `would` is a hedge ("it would be a mistake", "would sign
    // if").
    let would_future = would && !hedged && reported_would(lowers, i);
    hedged |= would && !would_future;
    // `Pakistan expected the first helicopters to be delivered in 2017`: an
    // infinitive after a verb of expecting or planning and its object is
    // what is expected.
    let to_infinitive = matches!(lowers[..i], [.., "to", "be"] | [.., "to"]);
    future |= to_infinitive
        && window.iter().any(|w| {
            matches!(
                *w,
                "expected"
                    | "expects"
                    | "expect"
                    | "wants"
                    | "wanted"
                    | "want"
                    | "planned"
                    | "plans"
                    | "intends"
                    | "intended"
                    | "hopes"
                    | "hoped"
            )
        });
    // `no contract has been signed`: a subject no one or nothing fills.
    negated |= matches!(
        window,
        [.., "no", _]
            | [
                ..,
                "no",
                _,
                "has" | "have" | "had" | "was" | "were" | "is" | "are" | "been"
            ]
            | [.., "no", _, "has" | "have" | "had", "been"]
    ) && !window.contains(&"doubt");
    // `did not fly to Moscow merely to shop`: what is denied is the
    // purpose, not the trip.
    negated = negated && !purpose_denied(lowers, i);
    // `is interested in buying`, `is considering buying`: a wish.
    hedged |= matches!(
        lowers[..i],
        [.., "interested" | "keen", "in" | "on"] | [.., "considering" | "mulling" | "weighing"]
    );
    let said_by_others = reported_complement(lowers, i);
    if said_by_others == Some(Factuality::Negated) {
        return Factuality::Negated;
    }
    if negated {
        Factuality::Negated
    } else if said_by_others == Some(Factuality::Hedged) && !future {
        Factuality::Hedged
    } else if future || (would_be && expected) || would_future {
        Factuality::Future
    } else if hedged {
        Factuality::Hedged
    } else if infinitive(lowers, i) {
        Factuality::Future
    } else if reportedly || reported || said_by_others.is_some() {
        Factuality::Reported
    } else {
        Factuality::Asserted
    }
}

/// Whether a negation before the verb at `i` denies the purpose the
/// clause gives after it rather than the verb: `merely`, `only`, `just`,
/// `simply` or `solely` and then `to`, `because` or `for`, within ten
/// words and before any `;` (`did not fly to Moscow merely to shop`).
fn purpose_denied(lowers: &[&str], i: usize) -> bool {
    let end = lowers.len().min(i + 12);
    let after = &lowers[(i + 1).min(end)..end];
    let stop = after
        .iter()
        .position(|w| matches!(*w, ";" | ":" | "." | "\""))
        .unwrap_or(after.len());
    after[..stop].windows(2).any(|w| {
        matches!(w[0], "merely" | "only" | "just" | "simply" | "solely")
            && matches!(w[1], "to" | "because" | "for")
    })
}

/// The factuality a clause has for being the content of a report, claim or
/// rumour the source names (`reports that`, `a claim on several websites
/// that`, `rumours that`), for the verb at `i`: reported for a report,
/// hedged for a claim, rumour, speculation or allegation, denied when the
/// source says it was denied or dismissed (`denied reports circulating on
/// social media that Pakistan has also signed`). `None` when the clause is
/// no such content. The noun is at most six words before `that`, with no
/// comma, `and`, `but` or speech verb between; `that` is at most twelve
/// words before the verb, with no `;`, `:` or quote mark between.
fn reported_complement(lowers: &[&str], i: usize) -> Option<Factuality> {
    let from = i.saturating_sub(12);
    let that = (from..i)
        .rev()
        .take_while(|&k| !matches!(lowers[k], ";" | ":" | "\"" | "said" | "says" | "told"))
        .find(|&k| lowers[k] == "that")?;
    let stops = |w: &str| {
        matches!(
            w,
            "," | ";" | ":" | "\"" | "and" | "but" | "said" | "says" | "told" | "that"
        )
    };
    let noun = (that.saturating_sub(6)..that)
        .rev()
        .take_while(|&k| !stops(lowers[k]))
        .find(|&k| {
            matches!(
                lowers[k],
                "report"
                    | "reports"
                    | "claim"
                    | "claims"
                    | "rumour"
                    | "rumours"
                    | "rumor"
                    | "rumors"
                    | "speculation"
                    | "allegation"
                    | "allegations"
                    | "suggestion"
                    | "suggestions"
            )
        })?;
    let denied = (noun.saturating_sub(4)..noun).any(|k| {
        matches!(
            lowers[k],
            "denied"
                | "denies"
                | "deny"
                | "denying"
                | "dismissed"
                | "dismisses"
                | "rejected"
                | "rejects"
                | "refuted"
                | "refutes"
                | "debunked"
                | "quashed"
        )
    });
    Some(if denied {
        Factuality::Negated
    } else if lowers[noun].starts_with("report") {
        Factuality::Reported
    } else {
        Factuality::Hedged
    })
}

/// Whether a `would` before the verb at `i` is backshifted by a reporting
/// verb in the past in its sentence (`said`, `told`, `announced`,
/// `confirmed`; before it or in a closing attribution), with no `if`,
/// `unless` or `whether` in the sentence: reported speech of a plan, not a
/// conditional.
fn reported_would(lowers: &[&str], i: usize) -> bool {
    let reporting = lowers.iter().enumerate().any(|(k, w)| {
        k != i
            && matches!(
                *w,
                "said"
                    | "told"
                    | "announced"
                    | "added"
                    | "stated"
                    | "confirmed"
                    | "reported"
                    | "claimed"
                    | "insisted"
                    | "explained"
                    | "indicated"
                    | "revealed"
                    | "disclosed"
                    | "wrote"
                    | "promised"
                    | "pledged"
                    | "assured"
            )
    });
    reporting
        && !lowers
            .iter()
            .any(|w| matches!(*w, "if" | "unless" | "whether"))
}

/// Whether the verb at `i` is an infinitive (`to sell`, `to be signed`)
/// that no cue before it qualifies: what it names is still to happen
/// ("Russia to sell attack helicopters to Pakistan", "an agreement to buy
/// four helicopters"), except after verbs saying it did happen (`managed
/// to`, `went on to`, `began to`). A noun after `to` (`in response to
/// attacks`) is none.
fn infinitive(lowers: &[&str], i: usize) -> bool {
    let w = lowers[i];
    if w.ends_with("ing") || w.ends_with("ed") || (is_nouny(w) && w.ends_with('s')) {
        return false;
    }
    let mut j = i;
    if j > 0 && lowers[j - 1] == "be" {
        j -= 1;
    }
    if j == 0 || lowers[j - 1] != "to" {
        return false;
    }
    let before = j.checked_sub(2).map_or("", |k| lowers[k]);
    !matches!(
        before,
        "managed"
            | "manages"
            | "on"
            | "used"
            | "began"
            | "begins"
            | "started"
            | "starts"
            | "continued"
            | "continues"
            | "came"
            | "helped"
            | "according"
    )
}

/// The index of the verb of an infinitive whose first word is at `j`:
/// auxiliaries (`be`, `have`, `been`) and adverbs (`publicly`) skipped.
fn first_verb_slot(window: &[&str], mut j: usize) -> usize {
    while window
        .get(j)
        .is_some_and(|&w| matches!(w, "be" | "have" | "been") || w.ends_with("ly"))
    {
        j += 1;
    }
    j
}

/// Verbs whose object, not their subject, does what an infinitive after
/// it names ("ordered troops to withdraw", "told Pakistan to buy").
fn object_controls(pred: &str, verb: &str) -> bool {
    matches!(
        pred,
        "order" | "warn" | "send" | "deploy" | "appoint" | "elect" | "pay" | "approve"
    ) || matches!(verb, "tell" | "tells" | "told" | "telling")
}

/// Verbs and adjectives whose subject is also the subject of the
/// infinitive after them (`agreed to buy`, `is expected to sign`, `is
/// believed to have sold`).
fn is_control(w: &str) -> bool {
    matches!(
        w,
        "interested"
            | "keen"
            | "considering"
            | "mulling"
            | "weighing"
            | "agreed"
            | "agrees"
            | "decided"
            | "decides"
            | "expected"
            | "set"
            | "due"
            | "likely"
            | "unlikely"
            | "going"
            | "plans"
            | "planned"
            | "planning"
            | "wants"
            | "wanted"
            | "hopes"
            | "hoped"
            | "seeks"
            | "sought"
            | "intends"
            | "aims"
            | "promised"
            | "pledged"
            | "vowed"
            | "refused"
            | "failed"
            | "declined"
            | "tried"
            | "ready"
            | "poised"
            | "scheduled"
            | "believed"
            | "thought"
            | "said"
            | "reported"
            | "alleged"
            | "known"
            | "understood"
            | "rumoured"
            | "rumored"
            | "appears"
            | "appeared"
            | "seems"
            | "seemed"
    )
}

/// Words that end a subject phrase read backwards from its verb (skipped
/// when right before the verb).
fn is_subject_stop(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "reportedly"
            | "allegedly"
            | "already"
            | "yesterday"
            | "today"
            | "had"
            | "has"
            | "have"
            | "was"
            | "were"
            | "is"
            | "are"
            | "will"
            | "would"
            | "did"
            | "not"
            | "never"
            | "been"
            | "be"
            | "then"
            | "later"
            | "earlier"
            | "lately"
            | "still"
            | "now"
            | "just"
            | "yet"
            | "again"
            | "soon"
            | "ever"
    )
}

/// Words that end an object phrase (prepositions, conjunctions).
fn is_phrase_stop(w: &str) -> bool {
    matches!(
        w,
        "to" | "with"
            | "in"
            | "on"
            | "at"
            | "from"
            | "for"
            | "by"
            | "of"
            | "and"
            | "or"
            | "near"
            | "after"
            | "before"
            | "during"
            | "into"
            | "over"
            | "under"
            | "since"
            | "about"
            | "among"
            | "between"
            | "against"
            | "as"
            | "than"
            | "also"
            | "that"
            | "which"
            | "who"
    )
}

/// Prepositions: a phrase opened by one is never a verb's object.
fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "to" | "with"
            | "in"
            | "on"
            | "at"
            | "from"
            | "for"
            | "by"
            | "of"
            | "near"
            | "after"
            | "before"
            | "during"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "since"
            | "about"
            | "among"
            | "between"
            | "against"
            | "across"
            | "around"
            | "within"
            | "without"
            | "through"
            | "throughout"
            | "toward"
            | "towards"
            | "amid"
            | "despite"
            | "upon"
            | "via"
            | "inside"
            | "outside"
            | "until"
    )
}

/// Whether a word is a number: digits, or a number word (`fifteen`,
/// `dozens`, `half`).
fn is_number_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || w == "half"
        || super::number::is_spelled_number(w)
}

struct Ctx<'a, 'b> {
    toks: &'a [Tok<'b>],
    lowers: &'a [&'b str],
    clause_of: &'a [usize],
    in_date: &'a [bool],
}

/// A sentence's lead noun phrase with a relative clause on it, and the
/// clause after (`The deal, which was announced on Wednesday, was signed`).
#[derive(Debug)]
struct LeadRelative {
    /// The comma that opens the relative clause.
    opens: usize,
    /// The comma that closes it, before the lead's own verb.
    closes: usize,
    /// The lead, lowercase (`the deal`).
    subject: String,
}

/// How many tokens a lead's relative clause may run to before its
/// closing comma.
const MAX_RELATIVE: usize = 40;

impl<'b> Ctx<'_, 'b> {
    /// Whether token `k` is a capitalized word outside a date: a word of a
    /// name (`Sergei`, `Pakistan`).
    fn name_word(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| is_word(t) && t.text.starts_with(char::is_uppercase))
            && !self.in_date.get(k).copied().unwrap_or(true)
    }

    /// The sentence's lead noun phrase with a relative clause on it:
    /// the sentence opens with a noun phrase (at most six words, no verb,
    /// no date), then `, which` or `, who`, and a later comma followed by
    /// a verb or an auxiliary (`, was signed`, `, signed`, `, has
    /// reportedly agreed`), which closes the relative clause. The verb
    /// after it is the lead's: its subject is otherwise out of its clause
    /// (`The helicopters, which are built in Rostov, were bought by
    /// Pakistan`: what was bought is the helicopters).
    fn lead_relative(&self) -> Option<LeadRelative> {
        let opens = self.lowers.iter().take(8).position(|&w| w == ",")?;
        if opens == 0 || !matches!(self.lowers.get(opens + 1), Some(&"which" | &"who")) {
            return None;
        }
        let noun_phrase = (0..opens).all(|j| {
            let w = self.lowers[j];
            let capitalized = self.toks[j]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            self.clause_of[j] == 0
                && !self.in_date[j]
                && !is_aux(w)
                && !is_subject_stop(w)
                && !is_clause_joiner(w)
                && !(in_lexicon(w) && !capitalized && !is_nouny(w))
        });
        if !noun_phrase {
            return None;
        }
        let end = self.lowers.len().min(opens + 2 + MAX_RELATIVE);
        let closes = (opens + 2..end).find(|&k| {
            if self.lowers[k] != "," {
                return false;
            }
            let next = (k + 1..self.lowers.len()).find(|&m| !self.lowers[m].ends_with("ly"));
            next.is_some_and(|m| {
                let w = self.lowers[m];
                is_aux(w)
                    || (in_lexicon(w) && looks_verbal(self.toks, self.lowers, self.in_date, m))
            })
        })?;
        let subject = self.phrase_before_in(opens, 0)?;
        Some(LeadRelative {
            opens,
            closes,
            subject,
        })
    }

    /// Where the verb governing the infinitive at token `i` starts, when
    /// it is one whose subject is also the infinitive's ("Pakistan has
    /// agreed to buy", "Modi is expected to raise it"): the agent is read
    /// before it.
    fn controller(&self, i: usize) -> Option<usize> {
        // The `to` of the infinitive, past a passive's `be` or a perfect's
        // `have` ("is expected to be signed", "is believed to have sold").
        let to = match self.lowers[..i] {
            [.., "to", "have", "been"] => i - 3,
            [.., "to", "be" | "have"] => i - 2,
            [.., "to"] => i - 1,
            // `is interested in buying`, `is considering buying`: a wish,
            // whose subject is the one who wishes.
            [.., "interested" | "keen", "in" | "on"] => i - 1,
            [.., "considering" | "mulling" | "weighing"] => i,
            _ => return None,
        };
        if to == 0 {
            return None;
        }
        let c = self.clause_of[i];
        let mut j = to;
        let mut start = None;
        while j > 0 && self.clause_of[j - 1] == c {
            let w = self.lowers[j - 1];
            if is_control(w) {
                start = Some(j - 1);
            } else if !(is_aux(w) || is_subject_stop(w) || w.ends_with("ly")) {
                break;
            }
            j -= 1;
        }
        start.map(|_| j)
    }

    /// The subject-like words before token `i` in its clause.
    fn phrase_before(&self, i: usize) -> Option<String> {
        self.phrase_before_in(i, self.clause_of[i])
    }

    /// The owner of the noun at `i` named by a possessive just before it,
    /// perhaps with a modifier or two between (`Sergei Shoigu's official
    /// visit`: `sergei shoigu`): the capitalized words that end in `'s`,
    /// at most six.
    fn possessor_before(&self, i: usize) -> Option<String> {
        let c = self.clause_of[i];
        let owner = (i.saturating_sub(3)..i).rev().find(|&j| {
            self.clause_of[j] == c
                && (self.lowers[j].ends_with("'s") || self.lowers[j].ends_with("’s"))
        })?;
        let between_are_modifiers = (owner + 1..i).all(|j| {
            is_word(&self.toks[j])
                && !is_aux(self.lowers[j])
                && !is_preposition(self.lowers[j])
                && !in_lexicon(self.lowers[j])
        });
        let capitalized = |j: usize| {
            self.clause_of[j] == c
                && is_word(&self.toks[j])
                && self.toks[j].text.starts_with(|ch: char| ch.is_uppercase())
        };
        if !between_are_modifiers || !capitalized(owner) {
            return None;
        }
        let mut start = owner;
        while start > 0 && owner - start < 5 && capitalized(start - 1) {
            start -= 1;
        }
        let mut words: Vec<&str> = self.lowers[start..=owner].to_vec();
        let last = words.last_mut()?;
        *last = last
            .strip_suffix("'s")
            .or_else(|| last.strip_suffix("’s"))
            .unwrap_or(last);
        Some(words.join(" "))
    }

    /// The name set off by commas just before the verb at `i`, when the
    /// words before it describe its bearer: `Russia's Defence Minister,
    /// Sergei Shoigu, travelled` (`sergei shoigu`). Two to four
    /// capitalized words, each comma right beside them.
    fn apposition_before(&self, i: usize) -> Option<String> {
        let comma = i.checked_sub(1).filter(|&k| self.lowers[k] == ",")?;
        let mut start = comma;
        while start > 0
            && comma - start < 4
            && is_word(&self.toks[start - 1])
            && self.toks[start - 1]
                .text
                .starts_with(|c: char| c.is_uppercase())
        {
            start -= 1;
        }
        let opens = start.checked_sub(1).filter(|&k| self.lowers[k] == ",")?;
        let described = opens.checked_sub(1).is_some_and(|k| is_word(&self.toks[k]));
        (comma - start >= 2 && described).then(|| self.lowers[start..comma].join(" "))
    }

    /// A headline's list of names opening the sentence before the verb at
    /// `i` (`Pakistan, Russia sign landmark defence deal`): `pakistan,
    /// russia`. Two runs of capitalized words joined by a comma, nothing
    /// before them.
    fn listed_subject(&self, i: usize) -> Option<String> {
        let mut second = i;
        while second > 0 && i - second < 3 && self.name_word(second - 1) {
            second -= 1;
        }
        let comma = second
            .checked_sub(1)
            .filter(|&k| second < i && self.lowers[k] == ",")?;
        let mut first = comma;
        while first > 0 && comma - first < 3 && self.name_word(first - 1) {
            first -= 1;
        }
        (first == 0 && first < comma).then(|| {
            format!(
                "{}, {}",
                self.lowers[first..comma].join(" "),
                self.lowers[second..i].join(" ")
            )
        })
    }

    /// The subject before a bracket just before the verb at `i` (`The
    /// Federal Service for Military-Technical Cooperation (FSMTC)
    /// declined`): the words before the opening bracket, at most six tokens
    /// back.
    fn before_bracket(&self, i: usize) -> Option<String> {
        let close = i.checked_sub(1).filter(|&k| self.lowers[k] == ")")?;
        let open = (close.saturating_sub(6)..close)
            .rev()
            .find(|&k| self.lowers[k] == "(")?;
        let c = self.clause_of[open.checked_sub(1)?];
        self.phrase_before_in(open, c)
    }

    /// The name an apposition describes, just before the verb at `i`:
    /// `Sergei Shoigu, Russia's defence minister since 2012, flew`
    /// (`sergei shoigu`). One to four capitalized words opening the
    /// sentence or after a comma, then the apposition set off by commas:
    /// at most ten words, no verb of the lexicon, no relative word.
    fn name_before_apposition(&self, i: usize) -> Option<String> {
        let close = i.checked_sub(1).filter(|&k| self.lowers[k] == ",")?;
        let mut open = close;
        loop {
            open = open.checked_sub(1)?;
            let w = self.lowers[open];
            if w == "," {
                break;
            }
            let date = self.in_date[open];
            if close - open > 10
                || !is_word(&self.toks[open]) && w != "'" && w != "\u{2019}"
                || (!date && (in_lexicon(w) || is_clause_word(w)))
            {
                return None;
            }
        }
        if close - open < 2 {
            return None;
        }
        let mut start = open;
        while start > 0 && open - start < 4 && self.name_word(start - 1) {
            start -= 1;
        }
        let opens_here = start == 0 || self.lowers[start - 1] == ",";
        (start < open && opens_here).then(|| self.lowers[start..open].join(" "))
    }

    /// The subject-like words before token `i` in clause `c`.
    fn phrase_before_in(&self, i: usize, c: usize) -> Option<String> {
        let mut j = i;
        let mut words: Vec<&str> = Vec::new();
        // Whether the words were cut short by a verb, an auxiliary or a
        // preposition, rather than by the start of the clause.
        let mut after_verb = false;
        while j > 0 && self.clause_of[j - 1] == c {
            j -= 1;
            let w = self.lowers[j];
            if self.in_date[j] {
                if words.is_empty() {
                    continue;
                }
                break;
            }
            if !is_word(&self.toks[j]) {
                break;
            }
            let capitalized = self.toks[j]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if in_lexicon(w) && !capitalized {
                after_verb = true;
                break;
            }
            if is_subject_stop(w) || is_aux(w) || w.ends_with("ly") || w == "on" {
                if words.is_empty() {
                    continue;
                }
                after_verb = !w.ends_with("ly");
                break;
            }
            words.push(w);
            if words.len() >= 6 {
                break;
            }
        }
        words.reverse();
        // Read back to an earlier verb (or its auxiliary or a preposition
        // of its phrase), the words hold the end of that verb phrase first:
        // the subject starts after the conjunction joining the two clauses
        // ("lifted its embargo and negotiations were held", "armaments to
        // Pakistan and negotiations were held").
        if after_verb {
            if let Some(k) = words.iter().position(|w| matches!(*w, "and" | "but")) {
                words.drain(..=k);
            }
        }
        // A subject never starts with the word joining its clause to the
        // one before ("..., and Shoigu visited", "after Sharif met").
        let joiners = words.iter().take_while(|w| is_clause_joiner(w)).count();
        words.drain(..joiners);
        (!words.is_empty()).then(|| words.join(" "))
    }

    /// The object-like words from token `from` on, in the clause of the
    /// token before it.
    fn phrase_after(&self, from: usize) -> Option<String> {
        let c = self.clause_of.get(from.saturating_sub(1)).copied()?;
        // A prepositional phrase ("signed in Rawalpindi", "said in a
        // statement", "sent to Islamabad") is no object; `about`, `over`
        // before a number say how many ("spent about 12 hours").
        let approximate = self
            .lowers
            .get(from + 1)
            .is_some_and(|&n| is_number_word(n));
        if self
            .lowers
            .get(from)
            .is_some_and(|&w| is_preposition(w) && !approximate)
        {
            return None;
        }
        let mut words: Vec<&str> = Vec::new();
        let mut j = from;
        while j < self.toks.len() && self.clause_of[j] == c && words.len() < 8 {
            let w = self.lowers[j];
            if self.in_date[j] || (!is_word(&self.toks[j]) && w != "'") {
                break;
            }
            if is_phrase_stop(w) && !words.is_empty() {
                break;
            }
            let capitalized = self.toks[j]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if in_lexicon(w) && !words.is_empty() && !w.ends_with("ing") && !capitalized {
                break;
            }
            if w != "'" {
                words.push(w);
            }
            j += 1;
        }
        while words
            .last()
            .is_some_and(|w| is_determiner(w) || is_phrase_stop(w))
        {
            words.pop();
        }
        (!words.is_empty()).then(|| words.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The frame of predicate `pred` in `sentence` (the first, when there
    /// are several).
    fn frame(sentence: &str, pred: &str) -> EventFrame {
        frames(sentence, None)
            .into_iter()
            .find(|f| f.predicate == pred)
            .unwrap_or_else(|| panic!("no {pred} in {sentence}"))
    }

    fn check(sentence: &str, expected: &[(&str, Factuality)]) {
        let got: Vec<(String, Factuality)> = frames(sentence, None)
            .into_iter()
            .map(|f| (f.predicate, f.factuality))
            .collect();
        let want: Vec<(String, Factuality)> =
            expected.iter().map(|(p, f)| (p.to_string(), *f)).collect();
        assert_eq!(got, want, "{sentence}");
    }

    #[test]
    fn predicates_and_factuality() {
        use Factuality::*;
        let cases: &[(&str, &[(&str, Factuality)])] = &[
            (
                "The two countries inked the agreement.",
                &[("sign", Asserted)],
            ),
            (
                "Officials concluded a deal on Monday.",
                &[("sign", Asserted)],
            ),
            ("The deal will be signed next week.", &[("sign", Future)]),
            // `attack` before a craft's noun names the craft.
            (
                "Pakistan is awaiting 15 Bell AH-1Z Viper attack helicopters.",
                &[],
            ),
            (
                "The army will attack helicopters on the ground.",
                &[("attack", Future)],
            ),
            // A delivery named by a noun and planned.
            ("Deliveries are scheduled for 2017.", &[("deliver", Future)]),
            (
                "Deliveries are to be carried out in 2017.",
                &[("deliver", Future)],
            ),
            (
                "Deliveries were completed in 2016.",
                &[("deliver", Asserted)],
            ),
            // The content of a report, claim or rumour the source names,
            // and of a denied one.
            (
                "Channels are reporting that Pakistan and Russia have signed a deal in Islamabad.",
                &[("say", Asserted), ("sign", Reported)],
            ),
            (
                "Reports that Pakistan bought four helicopters surfaced on Monday.",
                &[("buy", Reported)],
            ),
            (
                "A claim on several websites that Sharif had flown to Moscow was dismissed.",
                &[("travel", Hedged)],
            ),
            (
                "An official denied reports circulating on social media that Pakistan has signed for Su-35 jets.",
                &[("deny", Asserted), ("sign", Negated)],
            ),
            // A wish; a subject no one fills; a denied purpose.
            (
                "Pakistan is interested in purchasing Su-35 jets.",
                &[("buy", Hedged)],
            ),
            ("No contract has been signed.", &[("sign", Negated)]),
            (
                "Asif denied the reports and said that Pakistan signed the deal.",
                &[("deny", Asserted), ("say", Asserted), ("sign", Reported)],
            ),
            (
                "Officials denied having signed it.",
                &[("deny", Asserted), ("sign", Negated)],
            ),
            (
                "There is no doubt Pakistan signed the deal.",
                &[("sign", Asserted)],
            ),
            (
                "Sharif did not fly to Moscow merely to shop for helicopters.",
                &[("travel", Asserted)],
            ),
            (
                "Sharif did not fly to Moscow in June.",
                &[("travel", Negated)],
            ),
            // `went to` a name is travel; `go` is no verb otherwise.
            ("Sharif went to Moscow in June.", &[("travel", Asserted)]),
            ("The case went to court and is going to trial.", &[]),
            (
                "The deal is expected to be sealed soon.",
                &[("sign", Future)],
            ),
            ("They did not sign the accord.", &[("sign", Negated)]),
            (
                "Russia did not, however, sell Pakistan any weapons.",
                &[("sell", Negated)],
            ),
            (
                "Russia, however, sold weapons to India.",
                &[("sell", Asserted)],
            ),
            ("The ministers failed to sign a deal.", &[("sign", Negated)]),
            (
                "They refused to publicly endorse the accord.",
                &[("approve", Negated)],
            ),
            (
                "An official who declined to be named said the deal was signed.",
                &[("say", Asserted), ("sign", Reported)],
            ),
            (
                "An official, who asked not to be named, said the deal was sealed.",
                &[("say", Asserted), ("sign", Reported)],
            ),
            // A plan called off later in the sentence did not happen.
            (
                "Putin was due to visit Islamabad in October 2012 but cancelled the trip.",
                &[("visit", Negated), ("cancel", Asserted)],
            ),
            (
                "Putin will visit Islamabad in October, but cancelled talks in Delhi.",
                &[("visit", Future), ("cancel", Asserted)],
            ),
            // An infinitive after a verb of expecting and its object.
            (
                "Pakistan expected the first helicopters to be delivered in 2017.",
                &[("deliver", Future)],
            ),
            (
                "Pakistan wants Russia to supply engines.",
                &[("deliver", Future)],
            ),
            // `concluded`, `sealed`, `finalised` sign only a deal.
            ("The briefing concluded at 12:10 pm.", &[]),
            ("The army sealed the border.", &[]),
            (
                "The contract was concluded on Monday.",
                &[("sign", Asserted)],
            ),
            (
                "He is expected to be named minister.",
                &[("appoint", Future)],
            ),
            (
                "The company reportedly bought two jets.",
                &[("buy", Reported)],
            ),
            (
                "The group allegedly attacked a convoy.",
                &[("attack", Hedged)],
            ),
            // `apparently` tells what reports say, as `reportedly` does.
            (
                "The deal was apparently inked on Wednesday, according to media reports.",
                &[("sign", Reported)],
            ),
            // `would` under a past reporting verb is a reported plan; bare
            // or conditional, a hedge.
            (
                "Two officials said the helicopters would be delivered in 2017.",
                &[("say", Asserted), ("deliver", Future)],
            ),
            (
                "The helicopters would be delivered in 2017, officials told reporters.",
                &[("deliver", Future), ("say", Asserted)],
            ),
            (
                "It would be a mistake to sign the deal.",
                &[("sign", Hedged)],
            ),
            (
                "Officials said Russia would have sold more jets.",
                &[("say", Asserted), ("sell", Hedged)],
            ),
            (
                "Officials said Russia would sell more jets if the deal went well.",
                &[("say", Asserted), ("sell", Hedged)],
            ),
            ("The treaty is believed to be signed.", &[("sign", Hedged)]),
            ("It was a sign of progress.", &[]),
            ("The signing ceremony took place.", &[]),
            ("Pakistan, Russia sign landmark deal", &[("sign", Asserted)]),
            (
                "Russia to sell attack helicopters to Pakistan",
                &[("sell", Future)],
            ),
            (
                "They signed an agreement to buy four jets.",
                &[("sign", Asserted), ("buy", Future)],
            ),
            ("The firm managed to sell two jets.", &[("sell", Asserted)]),
            (
                "The deal is believed to have been signed.",
                &[("sign", Hedged)],
            ),
            (
                "Pakistan buys Russian attack helicopters",
                &[("buy", Asserted)],
            ),
            (
                "Rosoboronexport, a unit of the Rostec state conglomerate, declined to comment.",
                &[("comment", Negated)],
            ),
            (
                "Chinese state media reported the crash.",
                &[("say", Reported)],
            ),
            ("Afghans attack a convoy", &[("attack", Asserted)]),
            (
                "A militant attack killed five people, police said.",
                &[("kill", Asserted), ("say", Asserted)],
            ),
        ];
        for (s, e) in cases {
            check(s, e);
        }
    }

    /// Withholding information is an event of its own, negated when the
    /// text says it was not done ("did not disclose", "declined to
    /// reveal", "neither side disclosed").
    #[test]
    fn not_disclosing_is_a_negated_event() {
        use Factuality::*;
        let cases: &[(&str, &[(&str, Factuality)])] = &[
            (
                "Officials did not disclose the value of the deal.",
                &[("disclose", Negated)],
            ),
            (
                "The ministry declined to disclose the price.",
                &[("disclose", Negated)],
            ),
            (
                "The company declined to reveal how many jets it bought.",
                &[("disclose", Negated), ("buy", Asserted)],
            ),
            (
                "Neither side disclosed the value of the contract.",
                &[("disclose", Negated)],
            ),
            (
                "The source did not specify the delivery dates.",
                &[("disclose", Negated)],
            ),
            (
                "The army would not say where it struck.",
                &[("say", Negated)],
            ),
            (
                "The minister disclosed the price on Monday.",
                &[("disclose", Asserted)],
            ),
        ];
        for (s, e) in cases {
            check(s, e);
        }
        let f = &frames("Officials did not disclose the value of the deal.", None)[0];
        assert_eq!(
            (f.agent.as_deref(), f.object.as_deref()),
            (Some("officials"), Some("the value"))
        );
    }

    /// An event in a clause opened by `if` or `whether` is not stated as
    /// having happened; the clause word also cuts off the cues before it.
    #[test]
    fn if_and_whether_clauses_are_hedged() {
        use Factuality::*;
        let cases: &[(&str, &[(&str, Factuality)])] = &[
            (
                "It is unclear whether the two countries signed the accord.",
                &[("sign", Hedged)],
            ),
            (
                "Pakistan will buy the jets if Russia signs the deal.",
                &[("buy", Future), ("sign", Hedged)],
            ),
            (
                "If the rebels attacked the convoy, nobody saw it.",
                &[("attack", Hedged)],
            ),
            (
                "Officials did not say whether Russia signed the deal.",
                &[("say", Negated), ("sign", Hedged)],
            ),
            (
                "Bajwa did not say how much Pakistan paid for the aircraft.",
                &[("say", Negated), ("pay", Asserted)],
            ),
            (
                "The minister refused to explain why Russia sold the jets.",
                &[("sell", Asserted)],
            ),
            (
                "The deal, which Russia signed in Moscow, is final.",
                &[("sign", Asserted)],
            ),
        ];
        for (s, e) in cases {
            check(s, e);
        }
    }

    #[test]
    fn inflections() {
        for (form, canonical) in [
            ("signed", "sign"),
            ("inks", "sign"),
            ("concluding", "sign"),
            ("bought", "buy"),
            ("purchased", "buy"),
            ("denied", "deny"),
            ("sold", "sell"),
            ("visited", "visit"),
            ("arrives", "arrive"),
        ] {
            assert_eq!(canonical_predicate(form), Some(canonical), "{form}");
        }
        assert_eq!(canonical_predicate("helicopter"), None);
    }

    /// The subject of "agreed to", "is expected to" is the infinitive's
    /// agent too, and what was agreed or decided is still to happen.
    #[test]
    fn infinitive_takes_the_subject_of_its_controller() {
        let cases: &[(&str, &str, Option<&str>, Factuality)] = &[
            (
                "Pakistan has agreed to buy four helicopters from Russia.",
                "buy",
                Some("pakistan"),
                Factuality::Future,
            ),
            // A wish: the one who wishes is the subject.
            (
                "Pakistan is also interested in purchasing Su-35 fighter jets.",
                "buy",
                Some("pakistan"),
                Factuality::Hedged,
            ),
            (
                "Pakistan is considering buying more helicopters.",
                "buy",
                Some("pakistan"),
                Factuality::Hedged,
            ),
            (
                "Prime Minister Narendra Modi is expected to raise it with Putin.",
                "raise",
                Some("prime minister narendra modi"),
                Factuality::Future,
            ),
            (
                "The ministers failed to sign a deal.",
                "sign",
                Some("the ministers"),
                Factuality::Negated,
            ),
            (
                "Russia ready to sell four helicopters to Pakistan",
                "sell",
                Some("russia"),
                Factuality::Future,
            ),
            (
                "Russia decided to lift the embargo.",
                "lift",
                Some("russia"),
                Factuality::Future,
            ),
        ];
        for (sentence, pred, agent, factuality) in cases {
            let f = frame(sentence, pred);
            assert_eq!(
                (f.agent.as_deref(), f.factuality),
                (*agent, *factuality),
                "{sentence}"
            );
        }
    }

    /// A speech verb after a comma has its subject after it only when no
    /// clause or adverbial follows it.
    #[test]
    fn speaker_before_or_after_a_speech_verb() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "The talks were useful, said Ahmed Khan.",
                Some("ahmed khan"),
            ),
            // The name an apposition describes, not the words after.
            (
                "Asim Bajwa, the army spokesman, said the helicopters would be used at home.",
                Some("asim bajwa"),
            ),
            (
                "It was signed, the media wing, ISPR, said in a statement.",
                None,
            ),
            // A name set off by commas before the verb is its subject.
            (
                "Russia's ambassador, Alexey Dedov, told reporters last month that talks went on.",
                Some("alexey dedov"),
            ),
        ];
        for (sentence, agent) in cases {
            let f = frames(sentence, None);
            let f = f
                .iter()
                .find(|f| f.predicate == "say")
                .unwrap_or_else(|| panic!("no say in {sentence}"));
            assert_eq!(f.agent.as_deref(), *agent, "{sentence}");
        }
    }

    #[test]
    fn participants() {
        let f = &frames(
            "Top officials signed a landmark defence deal in the capital.",
            None,
        )[0];
        assert_eq!(f.agent.as_deref(), Some("top officials"));
        assert_eq!(f.object.as_deref(), Some("a landmark defence deal"));
        let f = &frames("The agreement was signed by defence officials.", None)[0];
        assert_eq!(f.agent.as_deref(), Some("defence officials"));
    }

    /// A sentence, a predicate, and the agent, object and factuality of
    /// its event.
    type FrameRow<'a> = (
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Factuality,
    );

    /// A sentence and the factuality, object and date text of its event
    /// named by a noun, if any.
    type NominalRow<'a> = (&'a str, Option<(Factuality, Option<&'a str>, &'a str)>);

    /// Checks the agent, object and factuality of every row's event.
    fn assert_frames(cases: &[FrameRow]) {
        for (sentence, pred, agent, object, factuality) in cases {
            let f = frame(sentence, pred);
            assert_eq!(
                (f.agent.as_deref(), f.object.as_deref(), f.factuality),
                (*agent, *object, *factuality),
                "{sentence}"
            );
        }
    }

    /// A name before its apposition is the verb's subject; the visitor of
    /// `the visit of …` is the name after `of`, or its apposition's.
    #[test]
    fn a_name_before_its_apposition_acts() {
        use Factuality::*;
        assert_frames(&[
            (
                "In November 2014, Sergei Shoigu, Russia's defence minister since 2012, flew to Islamabad.",
                "travel",
                Some("sergei shoigu"),
                None,
                Asserted,
            ),
            (
                "Relations improved after the visit of Sergei Shoigu to Islamabad.",
                "visit",
                Some("sergei shoigu"),
                Some("islamabad"),
                Asserted,
            ),
            (
                "Relations improved after the visit of the Russian Defence Minister, General Sergei Shoigu, in November.",
                "visit",
                Some("general sergei shoigu"),
                None,
                Asserted,
            ),
        ]);
        // An adverb before the verb is no subject.
        for (sentence, pred, agent) in [
            (
                "Russia has still not sold Pakistan any fighter aircraft.",
                "sell",
                "russia",
            ),
            (
                "Pakistan now plans to buy more helicopters.",
                "buy",
                "pakistan",
            ),
        ] {
            assert_eq!(
                frame(sentence, pred).agent.as_deref(),
                Some(agent),
                "{sentence}"
            );
        }
        // A list is no apposition; a headline's two names are its subject.
        let listed = frame(
            "Pakistan, Russia, China and India signed the accord.",
            "sign",
        );
        assert_ne!(listed.agent.as_deref(), Some("pakistan"));
        let headline = frame("Pakistan, Russia sign landmark defence deal", "sign");
        assert_eq!(headline.agent.as_deref(), Some("pakistan, russia"));
        assert!(
            frames(
                "Relations improved after the visit of the delegation.",
                None
            )
            .iter()
            .all(|f| f.predicate != "visit")
        );
    }

    /// A purchase a deal provides for is a planned buy, by whom the sale
    /// is to or whose purchase it is; a purchase told of otherwise is no
    /// event, and the deal's places and dates stay the signing's.
    #[test]
    fn a_deal_for_a_purchase_plans_a_buy() {
        use Factuality::*;
        assert_frames(&[
            (
                "Pakistan and Russia signed a defence deal that includes the sale of four helicopters to Pakistan.",
                "buy",
                Some("pakistan"),
                Some("four helicopters"),
                Future,
            ),
            (
                "An agreement for the procurement of four helicopters from Russia was signed.",
                "buy",
                None,
                Some("four helicopters"),
                Future,
            ),
            (
                "The cabinet approved Pakistan's purchase of 15 helicopters.",
                "buy",
                Some("pakistan"),
                Some("15 helicopters"),
                Future,
            ),
        ]);
        for none in [
            "The purchase of helicopters was a mistake.",
            "The deal had to be followed by another agreement to pave the way for sale of equipment.",
        ] {
            assert!(
                frames(none, None).iter().all(|f| f.predicate != "buy"),
                "{none}"
            );
        }
        let f = frame(
            "Pakistan and Russia signed an agreement for the purchase of four helicopters at the General Headquarters in Rawalpindi on Wednesday.",
            "sign",
        );
        assert_eq!(f.places.len(), 1);
        assert_eq!(f.dates.len(), 1);
    }

    /// A lead whose subject has a relative clause: the verb after the
    /// clause is the lead's (a passive's object, an active verb's agent),
    /// and a speech verb inside the clause reports nothing after it.
    #[test]
    fn a_lead_with_a_relative_clause_is_the_subject_of_its_verb() {
        use Factuality::*;
        let cases: &[FrameRow] = &[
            (
                "The deal, which was announced on Wednesday, was signed by officials in Rawalpindi.",
                "sign",
                Some("officials"),
                Some("the deal"),
                Asserted,
            ),
            (
                "The helicopters, which are built in Rostov, were bought by Pakistan on Wednesday.",
                "buy",
                Some("pakistan"),
                Some("the helicopters"),
                Asserted,
            ),
            (
                "Pakistan, which has long relied on US arms, signed a deal with Russia.",
                "sign",
                Some("pakistan"),
                Some("a deal"),
                Asserted,
            ),
            (
                "The contract, which officials said includes training, spares and support, was signed on Wednesday.",
                "sign",
                None,
                Some("the contract"),
                Asserted,
            ),
            // Not a lead's relative clause: the verb's clause has its own
            // subject, or the sentence opens with a clause.
            (
                "The deal, which covers four helicopters, was signed as Russia sold jets to India.",
                "sell",
                Some("russia"),
                Some("jets"),
                Asserted,
            ),
            (
                "Officials said that the deal, which covers four helicopters, was signed.",
                "sign",
                None,
                None,
                Reported,
            ),
        ];
        assert_frames(cases);
    }

    /// A name set off by commas just before the verb, after words that
    /// describe its bearer, is the verb's subject; a lowercase description
    /// or a single word between the commas is not.
    #[test]
    fn a_name_in_apposition_is_the_subject_of_its_verb() {
        use Factuality::*;
        let cases: &[FrameRow] = &[
            (
                "Russia's Defence Minister, Sergei Shoigu, travelled to Islamabad in November.",
                "travel",
                Some("sergei shoigu"),
                None,
                Asserted,
            ),
            (
                "The army chief, Gen Raheel Sharif, visited Moscow in June.",
                "visit",
                Some("gen raheel sharif"),
                Some("moscow"),
                Asserted,
            ),
            // Never the last name of a list.
            (
                "The two sides, Pakistan and Russia, signed a deal.",
                "sign",
                None,
                Some("a deal"),
                Asserted,
            ),
        ];
        assert_frames(cases);
    }

    /// An event named by a noun that a verb of time governs is an event,
    /// stated as that verb states it and dated by its clause.
    #[test]
    fn a_noun_that_a_verb_of_time_governs_is_an_event() {
        use Factuality::*;
        let reference = jiff::civil::date(2015, 8, 21);
        let cases: &[NominalRow] = &[
            (
                "Deliveries are expected to begin in 2017, one of the sources said.",
                Some((Future, None, "in 2017")),
            ),
            (
                "The first deliveries began last year.",
                Some((Asserted, None, "last year")),
            ),
            (
                "Delivery of the helicopters is due in 2018.",
                Some((Future, Some("the helicopters"), "in 2018")),
            ),
            (
                "Deliveries will not start in 2016.",
                Some((Negated, None, "in 2016")),
            ),
            // No verb of time: a noun, no event.
            ("Deliveries of arms to Syria worry the West.", None),
            ("Officials said deliveries were a problem in 2016.", None),
            // The object of a verb that plans it: still to come.
            (
                "The document provides for deliveries in 2016.",
                Some((Future, None, "in 2016")),
            ),
            (
                "The contract envisages the delivery of four helicopters in 2017.",
                Some((Future, Some("four helicopters"), "in 2017")),
            ),
            ("The document describes deliveries in 2016.", None),
        ];
        for (sentence, want) in cases {
            let f = frames(sentence, Some(reference));
            let got = f.iter().find(|f| f.predicate == "deliver").map(|f| {
                let date = f.dates.first().map_or("", |d| &sentence[d.span.clone()]);
                (f.factuality, f.object.as_deref(), date)
            });
            assert_eq!(got, *want, "{sentence}");
        }
    }

    /// Visits and signings named by a noun with their participants: the
    /// light verb's subject or the `by` phrase is the agent, the `to`
    /// phrase the destination, the `of` phrase what was signed; a noun
    /// alone is no event.
    #[test]
    fn a_noun_with_its_participants_is_an_event() {
        use Factuality::*;
        type Row<'a> = (
            &'a str,
            &'a str,
            Option<(
                Factuality,
                Option<&'a str>,
                Option<&'a str>,
                &'a [&'a str],
                &'a [&'a str],
            )>,
        );
        let cases: &[Row] = &[
            (
                "Shoigu paid an official visit to Islamabad on November 20, 2014.",
                "visit",
                Some((
                    Asserted,
                    Some("shoigu"),
                    Some("islamabad"),
                    &["Islamabad"],
                    &["on November 20, 2014"],
                )),
            ),
            (
                "The pact was signed during a visit to Islamabad by Defence Minister Sergei Shoigu.",
                "visit",
                Some((
                    Asserted,
                    Some("defence minister sergei shoigu"),
                    Some("islamabad"),
                    &["Islamabad"],
                    &[],
                )),
            ),
            // An event `during` a visit dates it.
            (
                "It follows the signing in November 2014 of a pact during a visit to Islamabad by Sergei Shoigu.",
                "visit",
                Some((
                    Asserted,
                    Some("sergei shoigu"),
                    Some("islamabad"),
                    &["Islamabad"],
                    &["in November 2014"],
                )),
            ),
            (
                "It follows the signing in November 2014 of a pact during a visit to Islamabad by Sergei Shoigu.",
                "sign",
                Some((Asserted, None, Some("a pact"), &[], &["in November 2014"])),
            ),
            (
                "The deal follows a visit to Pakistan last November by Defense Minister Sergei Shoigu.",
                "visit",
                Some((
                    Asserted,
                    Some("defense minister sergei shoigu"),
                    Some("pakistan"),
                    &["Pakistan"],
                    &["last November"],
                )),
            ),
            (
                "The minister will make a visit to Moscow in October.",
                "visit",
                Some((
                    Future,
                    Some("the minister"),
                    Some("moscow"),
                    &["Moscow"],
                    &["in October"],
                )),
            ),
            (
                "Officials discussed a planned visit to Moscow by the army chief.",
                "visit",
                Some((
                    Future,
                    Some("the army chief"),
                    Some("moscow"),
                    &["Moscow"],
                    &[],
                )),
            ),
            (
                "The signing of a contract in Rawalpindi has been hailed in Islamabad.",
                "sign",
                Some((Asserted, None, Some("a contract"), &["Rawalpindi"], &[])),
            ),
            ("During the visit, the ministers met.", "visit", None),
            (
                "Putin invited Sharif for a visit to Moscow.",
                "visit",
                Some((Future, None, Some("moscow"), &["Moscow"], &[])),
            ),
            (
                "Talks were held ahead of a visit to Moscow by Sharif.",
                "visit",
                Some((Future, Some("sharif"), Some("moscow"), &["Moscow"], &[])),
            ),
            ("The signing ceremony took place.", "sign", None),
            // A possessive before the noun names who visits.
            (
                "The pact was signed during Sergei Shoigu's official visit to Islamabad.",
                "visit",
                Some((
                    Asserted,
                    Some("sergei shoigu"),
                    Some("islamabad"),
                    &["Islamabad"],
                    &[],
                )),
            ),
            (
                "The pact was signed during the minister's visit to Islamabad.",
                "visit",
                Some((Asserted, None, Some("islamabad"), &["Islamabad"], &[])),
            ),
            // Signatures put to a document are its signing.
            (
                "Officials from both countries put their signatures to the contract in Rawalpindi on Wednesday.",
                "sign",
                Some((
                    Asserted,
                    Some("officials from both countries"),
                    Some("the contract"),
                    &["Rawalpindi"],
                    &["on Wednesday"],
                )),
            ),
            ("The signature of the minister was forged.", "sign", None),
            // `paid` a visit is no payment.
            ("Shoigu paid a visit to Pakistan.", "pay", None),
            // A visit its verb arrives on: the verb's subject visits, and
            // the verb keeps the place.
            (
                "Shoigu arrived on a visit to Pakistan.",
                "visit",
                Some((
                    Asserted,
                    Some("shoigu"),
                    Some("pakistan"),
                    &["Pakistan"],
                    &[],
                )),
            ),
            (
                "Shoigu arrived on a visit to Pakistan.",
                "arrive",
                Some((Asserted, Some("shoigu"), None, &["Pakistan"], &[])),
            ),
        ];
        for (sentence, pred, want) in cases {
            let f = frames(sentence, Some(jiff::civil::date(2015, 8, 20)));
            let got = f.iter().find(|f| f.predicate == *pred).map(|f| {
                let places: Vec<&str> = f.places.iter().map(|p| p.place.name.as_str()).collect();
                let dates: Vec<&str> = f.dates.iter().map(|d| &sentence[d.span.clone()]).collect();
                (
                    f.factuality,
                    f.agent.clone(),
                    f.object.clone(),
                    places,
                    dates,
                )
            });
            let want = want.map(|(fa, a, o, p, d)| {
                (
                    fa,
                    a.map(String::from),
                    o.map(String::from),
                    p.to_vec(),
                    d.to_vec(),
                )
            });
            assert_eq!(got, want, "{sentence} / {pred}");
        }
    }

    /// A verb stressed on its last syllable doubles its final consonant
    /// (`transferred`, `transferring`), as the irregular table says.
    #[test]
    fn doubled_final_consonants_are_verbs() {
        for (sentence, object) in [
            (
                "The helicopters were transferred to Pakistan earlier this year.",
                "the helicopters",
            ),
            (
                "Russia is transferring four helicopters to Pakistan.",
                "four helicopters",
            ),
        ] {
            let f = frames(sentence, None);
            let f = f
                .iter()
                .find(|f| f.predicate == "deliver")
                .unwrap_or_else(|| panic!("no deliver in {sentence}"));
            assert_eq!(f.object.as_deref(), Some(object), "{sentence}");
        }
    }

    /// The subject of a passive is what was acted on: the agent is only
    /// the one a `by` phrase names (a date after `by` names none).
    #[test]
    fn passive_subject_is_the_object() {
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "The agreement was signed in the garrison city of Rawalpindi on Wednesday.",
                "sign",
                None,
                Some("the agreement"),
            ),
            (
                "The contract for four Mi-35M helicopters was signed on August 19 in Rawalpindi.",
                "sign",
                None,
                Some("the contract for four mi-35m helicopters"),
            ),
            (
                "The agreement was signed by top defence officials.",
                "sign",
                Some("top defence officials"),
                Some("the agreement"),
            ),
            (
                "The helicopters will be delivered by 2017.",
                "deliver",
                None,
                Some("the helicopters"),
            ),
            (
                "The draft contract was reportedly sent to Islamabad.",
                "send",
                None,
                Some("the draft contract"),
            ),
            (
                "The deal is expected to be signed next week.",
                "sign",
                None,
                Some("the deal"),
            ),
            (
                "The treaty is believed to have been signed in Moscow.",
                "sign",
                None,
                Some("the treaty"),
            ),
            (
                "Russia is believed to have sold four jets to India.",
                "sell",
                Some("russia"),
                Some("four jets"),
            ),
            (
                "Two officials have signed the agreement.",
                "sign",
                Some("two officials"),
                Some("the agreement"),
            ),
        ];
        for (sentence, pred, agent, object) in cases {
            let f = frame(sentence, pred);
            assert_eq!(
                (f.agent.as_deref(), f.object.as_deref()),
                (*agent, *object),
                "{sentence}"
            );
        }
    }

    /// An object never starts with a preposition: a place, a manner or a
    /// destination after the verb is not what it acted on; `about` or
    /// `over` before a number is an amount.
    #[test]
    fn a_prepositional_phrase_is_no_object() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "The deal, signed in Rawalpindi on Wednesday, covers four helicopters.",
                "sign",
                None,
            ),
            (
                "The media wing said in a statement that talks went on.",
                "say",
                None,
            ),
            ("The minister arrived in Karachi late.", "arrive", None),
            (
                "A helicopter flies during an air show near Moscow.",
                "travel",
                None,
            ),
            (
                "The general spent about 12 hours at the expo.",
                "spend",
                Some("about 12 hours"),
            ),
            (
                "Militants killed over 20 soldiers.",
                "kill",
                Some("over 20 soldiers"),
            ),
            // A spelled-out number is an amount as digits are.
            (
                "The general spent about fifteen hours at the expo.",
                "spend",
                Some("about fifteen hours"),
            ),
        ];
        for (sentence, pred, object) in cases {
            let f = frame(sentence, pred);
            assert_eq!(f.object.as_deref(), *object, "{sentence}");
        }
    }

    /// The day of a calendar date before a verb ("on August 19 signed") is
    /// no model designation ("Mi-35 attack helicopters"): the verb is one.
    #[test]
    fn a_verb_after_a_calendar_date_is_a_verb() {
        let reference = jiff::civil::date(2015, 8, 20);
        for sentence in [
            "Pakistan and Russia on August 19 signed a landmark defence deal.",
            "Pakistan and Russia on Aug. 19 signed a deal.",
            "Pakistan and Russia on 19 August signed a deal.",
        ] {
            let f = frames(sentence, Some(reference));
            let sign = f
                .iter()
                .find(|f| f.predicate == "sign")
                .unwrap_or_else(|| panic!("no sign in {sentence}"));
            assert_eq!(
                sign.agent.as_deref(),
                Some("pakistan and russia"),
                "{sentence}"
            );
            assert!(!sign.dates.is_empty(), "{sentence}: no date");
        }
    }

    /// A subject never starts with the conjunction or subordinator that
    /// joins its clause to the one before, and never takes in the object
    /// of the verb before that conjunction.
    #[test]
    fn a_subject_starts_after_its_clause_joiner() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Moscow lifted an embargo on arms supplies to Pakistan last year, and Russian Defence Minister Sergei Shoigu visited Islamabad in November.",
                "visit",
                Some("russian defence minister sergei shoigu"),
            ),
            (
                "India did not oppose the deal publicly, and Prime Minister Narendra Modi is expected to raise it with Putin.",
                "raise",
                Some("prime minister narendra modi"),
            ),
            (
                "The deal comes two days after Nawaz Sharif met Putin's envoy.",
                "meet",
                Some("nawaz sharif"),
            ),
            (
                "Russia had lifted its embargo and negotiations were held on helicopters.",
                "hold",
                None,
            ),
            (
                "Russia sold arms to Pakistan and China has signed a deal.",
                "sign",
                Some("china"),
            ),
            (
                "India has expressed concern, but Russian officials have said the helicopters will be used against militants.",
                "say",
                Some("russian officials"),
            ),
            (
                "Pakistan and Russia signed the deal.",
                "sign",
                Some("pakistan and russia"),
            ),
        ];
        for (sentence, pred, agent) in cases {
            let f = frame(sentence, pred);
            assert_eq!(f.agent.as_deref(), *agent, "{sentence}");
        }
        let f = frames(
            "Russia had lifted its embargo and negotiations were held on helicopters.",
            None,
        );
        assert_eq!(f[1].object.as_deref(), Some("negotiations"));
    }

    /// An infinitive of purpose has the subject of the verb before it as
    /// its agent, unless that verb's object is the one meant to act.
    #[test]
    fn purpose_infinitive_takes_the_main_subject() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Pakistan signed an agreement with Russia on Wednesday to buy four Mi-35 helicopters.",
                "buy",
                Some("pakistan"),
            ),
            (
                "Russia lifted the embargo last year to sell arms to Pakistan.",
                "sell",
                Some("russia"),
            ),
            (
                "The deal was signed in Rawalpindi to buy four helicopters.",
                "buy",
                None,
            ),
            (
                "The general ordered the troops to withdraw from the border.",
                "withdraw",
                Some("the troops"),
            ),
            (
                "Pakistan has agreed to buy four helicopters.",
                "buy",
                Some("pakistan"),
            ),
        ];
        for (sentence, pred, agent) in cases {
            let f = frame(sentence, pred);
            assert_eq!(f.agent.as_deref(), *agent, "{sentence}");
        }
    }

    /// (sentence, predicate, locations, dates as text)
    #[test]
    fn attachment() {
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            (
                "The deal was signed in Rawalpindi on Wednesday.",
                "sign",
                &["Rawalpindi"],
                &["on Wednesday"],
            ),
            // A short parenthesis (an acronym) does not end the clause.
            (
                "The agreement was signed on Wednesday at the army's General Headquarters (GHQ) in Rawalpindi, the statement said.",
                "sign",
                &["Rawalpindi"],
                &["on Wednesday"],
            ),
            ("Moscow and Islamabad concluded the deal.", "sign", &[], &[]),
            // A venue's city after a comma; a ceremony's place is the
            // signing's; not a party named after a comma.
            (
                "A contract was signed today at a ceremony held at General Headquarters (GHQ), Rawalpindi.",
                "sign",
                &["Rawalpindi"],
                &["today"],
            ),
            (
                "The talks were held at the Foreign Office, Islamabad.",
                "hold",
                &["Islamabad"],
                &[],
            ),
            (
                "The contract was signed at GHQ in Rawalpindi between the army and Rosoboronexport, Russia's arms exporter.",
                "sign",
                &["Rawalpindi"],
                &[],
            ),
            (
                "He said on Wednesday that they signed the deal in Lahore.",
                "sign",
                &["Lahore"],
                &[],
            ),
            (
                "He said on Wednesday that they signed the deal in Lahore.",
                "say",
                &[],
                &["on Wednesday"],
            ),
            (
                "Late last year, the minister arrived in Karachi.",
                "arrive",
                &["Karachi"],
                &["Late last year"],
            ),
            (
                "The general visited Russia in June.",
                "visit",
                &["Russia"],
                &["in June"],
            ),
            (
                "Pakistan signed an agreement with Russia on Wednesday to buy four helicopters.",
                "sign",
                &[],
                &["on Wednesday"],
            ),
            (
                "Pakistan signed an agreement with Russia on Wednesday to buy four helicopters.",
                "buy",
                &[],
                &[],
            ),
            (
                "Deliveries are expected to begin next year, the official said.",
                "say",
                &[],
                &[],
            ),
            (
                "Earlier this month, the minister arrived in Karachi.",
                "arrive",
                &["Karachi"],
                &["Earlier this month"],
            ),
            (
                "The deal was signed in the garrison city of Rawalpindi on Wednesday.",
                "sign",
                &["Rawalpindi"],
                &["on Wednesday"],
            ),
            (
                "Troops were deployed in the restive southwestern province of Balochistan.",
                "deploy",
                &["Balochistan"],
                &[],
            ),
            (
                "He signed the deal with the government of Pakistan.",
                "sign",
                &[],
                &[],
            ),
            (
                "Helicopters were sent to Pakistan from Russia.",
                "send",
                &[],
                &[],
            ),
            // A date followed by `when` dates the clause it opens, when
            // its own clause has no known verb.
            (
                "That began to change last year when Russia lifted its arms embargo.",
                "lift",
                &[],
                &["last year"],
            ),
            (
                "Ties warmed in 2014, when Russia lifted its arms embargo.",
                "lift",
                &[],
                &["in 2014"],
            ),
            (
                "Russia signed a deal in 2014 when it lifted its arms embargo.",
                "lift",
                &[],
                &[],
            ),
            // An `and` between two clauses, each with its subject and verb:
            // the second one's date is not the first one's.
            (
                "The deal was signed on Wednesday and deliveries will follow next year.",
                "sign",
                &[],
                &["on Wednesday"],
            ),
            (
                "Pakistan and Russia signed the deal on Wednesday.",
                "sign",
                &[],
                &["on Wednesday"],
            ),
            // A fronted date dates the verbs joined by `and`, not a
            // planned one, nor one with its own date, nor speech.
            (
                "In November 2014, Shoigu flew to Islamabad, and he and Asif signed an agreement in Islamabad.",
                "sign",
                &["Islamabad"],
                &["In November 2014"],
            ),
            (
                "In 2014, Russia lifted its embargo, and Pakistan will buy helicopters.",
                "buy",
                &[],
                &[],
            ),
            (
                "In 2014, Russia lifted its embargo, and Pakistan bought helicopters in 2015.",
                "buy",
                &[],
                &["in 2015"],
            ),
            (
                "Last year, Russia lifted its embargo, officials said.",
                "say",
                &[],
                &[],
            ),
            // A fronted place phrase places the first verb after it, also
            // after a fronted date; a dateline's date dates nothing.
            (
                "On August 19, in a conference room at the army's General Headquarters in Rawalpindi, officials signed a contract.",
                "sign",
                &["Rawalpindi"],
                &["On August 19"],
            ),
            (
                "In Karachi, officials signed a contract.",
                "sign",
                &["Karachi"],
                &[],
            ),
            (
                "ISLAMABAD, Aug 20 (Reuters) - Pakistan has signed a deal.",
                "sign",
                &[],
                &[],
            ),
        ];
        for (sentence, pred, places, dates) in cases {
            let f = frame(sentence, pred);
            let got_places: Vec<&str> = f.places.iter().map(|p| p.place.name.as_str()).collect();
            let got_dates: Vec<&str> = f.dates.iter().map(|d| &sentence[d.span.clone()]).collect();
            assert_eq!(
                (&got_places[..], &got_dates[..]),
                (*places, *dates),
                "{sentence} / {pred}"
            );
        }
    }
}
