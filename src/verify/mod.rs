//! Stage 4: claims against facts, giving a [`Verdict`] with evidence for every
//! claim and source.
//!
//! `verify(&ClaimSet, &[Analysis]) -> SetOutcome`. Nothing here reads files or
//! renders text; reports do that.
//!
//! For one claim and one source, the facts that could speak to the claim are
//! the *candidates* (same kind, same counted thing or event). Each candidate
//! either matches the claim, conflicts with it, or neither (a bound that
//! neither implies nor excludes the value, a month where the claim names a
//! day). The verdict is **supported** when some candidate matches,
//! **contradicted** when none matches and some conflicts, and **not
//! mentioned** otherwise. A missing word never contradicts: only a stated
//! conflicting value for the same thing does. Events count only when the
//! source commits to them (asserted or reported); planned, hedged or denied
//! events are shown as nearest candidates instead.

mod index;
mod matching;
mod packed;

pub(crate) use index::KeyFilter;

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

use crate::claims::{Claim, ClaimSet, Expectation, Verdict};
use crate::extract::{Fact, Facts};
use crate::progress::{NoProgress, Progress};
use crate::span::{LineCol, SourceId, Span};
use crate::text::Text;

/// A source's text and the facts taken from it.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The normalized text.
    pub text: Text,
    /// Its facts.
    pub facts: Facts,
    /// Each sentence as normalized words ([`crate::normalize_term`]), made
    /// the first time a claim looks at the sentence rather than once per
    /// claim (most sentences are never looked at).
    sentence_words: Vec<OnceLock<Box<str>>>,
    /// Each sentence's text, made the first time a piece of evidence quotes
    /// it and shared by every later one.
    sentence_texts: Vec<OnceLock<Arc<str>>>,
    /// For each fact, in order: the terms claims compare it on, normalized
    /// ([`crate::normalize_term`]) once rather than once per claim.
    fact_terms: Vec<FactTerms>,
    /// For each fact, in order: what evidence citing it holds besides its
    /// note, made the first time a claim cites the fact and shared by
    /// every later piece of evidence (a fact is cited by every claim it
    /// speaks to).
    cited: Vec<OnceLock<Cited>>,
    /// Whether a sentence names a claim's term, by term
    /// ([`matching::share_terms`]) and sentence: asked by every claim that
    /// names the term.
    namings: Namings,
    /// The names of the source's people, normalized, made the first time
    /// a claim asks (for every event it weighs: [`matching`]'s
    /// `other_agent`).
    people: OnceLock<Vec<String>>,
    /// For each sentence, how much of it asks ([`matching::asks`]), worked
    /// out the first time a claim weighs a fact.
    asks: OnceLock<Box<[matching::Asks]>>,
    /// For each fact, in order: an event's agent, normalized, and whether
    /// it is a country's name, made the first time a claim weighs the
    /// event (every claim of its kind does: [`matching`]'s `other_agent`).
    agents: Vec<OnceLock<(String, bool)>>,
}

/// Remembered answers of [`Analysis::remembered_naming`]: a cache, so a
/// clone starts empty.
#[derive(Debug, Default)]
struct Namings(Mutex<HashMap<u64, bool, crate::extract::FxBuild>>);

impl Clone for Namings {
    fn clone(&self) -> Self {
        Namings::default()
    }
}

/// What every piece of evidence citing one fact holds (see
/// [`Analysis::cited`]).
#[derive(Debug, Clone)]
struct Cited {
    /// Where the fact is in the original file.
    pos: LineCol,
    /// What it quotes of the fact's sentence ([`Analysis::quoted`]).
    sentence: Arc<str>,
    /// [`Fact::describe`].
    fact: Arc<str>,
}

/// The normalized terms of one fact (see [`Analysis::fact_terms`]).
#[derive(Debug, Clone)]
pub(crate) enum FactTerms {
    /// An event: predicate, verb, and the canonical predicate of the verb.
    Event(String, String, Option<&'static str>),
    /// A person: the name.
    Person(String),
    /// A quantity: what it counts (if anything) and the singular of that.
    Quantity(Option<(String, String)>),
    /// A quote: what was said, and the speaker if known.
    Quote(String, Option<String>),
    /// Nothing precomputed.
    Other,
}

impl Analysis {
    /// Normalizes and extracts one source.
    pub fn of(source: &crate::Source) -> Analysis {
        let text = crate::text::normalize(source);
        let facts = crate::extract::extract(&text);
        Analysis::from_parts(text, facts)
    }

    /// An analysis from a text and the facts extracted from it (for
    /// instance, facts from the cache).
    pub fn from_parts(text: Text, facts: Facts) -> Analysis {
        let sentence_words = text.sentences().iter().map(|_| OnceLock::new()).collect();
        let sentence_texts = text.sentences().iter().map(|_| OnceLock::new()).collect();
        let fact_terms = facts
            .iter()
            .map(|f| match &f.kind {
                crate::extract::FactKind::Event(e) => {
                    let verb = crate::claims::normalize_term(&e.verb);
                    let canonical = crate::extract::canonical_predicate(&verb);
                    FactTerms::Event(crate::claims::normalize_term(&e.predicate), verb, canonical)
                }
                crate::extract::FactKind::Person(p) => {
                    FactTerms::Person(crate::claims::normalize_term(&p.name))
                }
                crate::extract::FactKind::Quantity(q) => {
                    FactTerms::Quantity(q.counted.as_deref().map(|c| {
                        let c = crate::claims::normalize_term(c);
                        let single = crate::claims::singular_of(&c);
                        (c, single)
                    }))
                }
                crate::extract::FactKind::Quote(q) => FactTerms::Quote(
                    crate::claims::normalize_term(text.slice(q.span)),
                    q.speaker.as_deref().map(crate::claims::normalize_term),
                ),
                _ => FactTerms::Other,
            })
            .collect();
        let cited = facts.iter().map(|_| OnceLock::new()).collect();
        let agents = facts.iter().map(|_| OnceLock::new()).collect();
        Analysis {
            text,
            facts,
            sentence_words,
            sentence_texts,
            fact_terms,
            cited,
            namings: Namings::default(),
            people: OnceLock::new(),
            asks: OnceLock::new(),
            agents,
        }
    }

    /// The agent of event fact `i`, normalized; `None` when the fact is
    /// no event or its event has no agent.
    pub(crate) fn event_agent(&self, i: usize) -> Option<&str> {
        let crate::extract::FactKind::Event(e) = &self.facts.iter().nth(i)?.kind else {
            return None;
        };
        Some(self.agent_entry(i, e)?.0.as_str())
    }

    /// Whether the agent of event fact `i` is a country (`pakistan`).
    pub(crate) fn event_agent_is_country(&self, i: usize) -> bool {
        let Some(crate::extract::FactKind::Event(e)) = self.facts.iter().nth(i).map(|f| &f.kind)
        else {
            return false;
        };
        self.agent_entry(i, e).is_some_and(|a| a.1)
    }

    /// The agent of event `e` (fact `i`), normalized, and whether it is a
    /// country's name; made once.
    fn agent_entry(&self, i: usize, e: &crate::extract::EventFrame) -> Option<&(String, bool)> {
        let agent = e.agent.as_deref()?;
        Some(self.agents.get(i)?.get_or_init(|| {
            let normalized = crate::normalize_term(agent);
            let country = crate::extract::lookup_place(&normalized)
                .is_some_and(|p| p.kind == crate::extract::PlaceKind::Country);
            (normalized, country)
        }))
    }

    /// How much of sentence `i` asks (see [`matching::asks`]).
    pub(crate) fn asks(&self, i: usize) -> matching::Asks {
        let all = self.asks.get_or_init(|| {
            (0..self.text.sentences().len())
                .map(|k| matching::asks(&self.text, k))
                .collect()
        });
        all.get(i).copied().unwrap_or(matching::Asks::Nothing)
    }

    /// The names of the source's people, normalized.
    pub(crate) fn people_names(&self) -> &[String] {
        self.people.get_or_init(|| {
            self.facts
                .iter()
                .filter_map(|f| match &f.kind {
                    crate::extract::FactKind::Person(p) => Some(crate::normalize_term(&p.name)),
                    _ => None,
                })
                .collect()
        })
    }

    /// `named()`, remembered under term `term` and sentence `i`: whether
    /// the sentence names the term.
    pub(crate) fn remembered_naming(
        &self,
        term: u32,
        i: usize,
        named: impl FnOnce() -> bool,
    ) -> bool {
        let key = (u64::from(term) << 32) | (i as u64 & 0xffff_ffff);
        // A poisoned lock only means another claim's judging panicked; the
        // answers in it are still right.
        let known = self
            .namings
            .0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
            .copied();
        known.unwrap_or_else(|| {
            let answer = named();
            self.namings
                .0
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(key, answer);
            answer
        })
    }

    /// The normalized terms of fact `i`.
    pub(crate) fn fact_terms(&self, i: usize) -> &FactTerms {
        self.fact_terms.get(i).unwrap_or(&FactTerms::Other)
    }

    /// What evidence citing fact number `i`, `fact`, holds besides its
    /// note, shared.
    fn cited(&self, i: usize, fact: &Fact) -> Cited {
        let cite = || Cited {
            pos: self.text.line_col(fact.span.start),
            sentence: self.quoted(fact.sentence, fact.span).unwrap_or_default(),
            fact: Arc::from(fact.describe()),
        };
        match self.cited.get(i) {
            Some(c) => c.get_or_init(cite).clone(),
            None => cite(),
        }
    }

    /// The text of sentence `i`, shared.
    fn sentence_text(&self, i: usize) -> Option<Arc<str>> {
        let text = self.sentence_texts.get(i)?;
        let span = self.text.sentences()[i].span;
        Some(Arc::clone(
            text.get_or_init(|| Arc::from(self.text.slice(span))),
        ))
    }

    /// What evidence at `span` in sentence `i` quotes: the sentence, shared,
    /// or, when it is longer than [`MAX_QUOTED`], the words around `span`.
    fn quoted(&self, i: usize, span: Span) -> Option<Arc<str>> {
        let sentence = self.text.sentences().get(i)?.span;
        if sentence.len() <= MAX_QUOTED {
            return self.sentence_text(i);
        }
        Some(Arc::from(excerpt(self.text.as_str(), sentence, span)))
    }

    /// Sentence `i` as normalized words (empty when out of range).
    pub(crate) fn sentence_words(&self, i: usize) -> &str {
        let Some(words) = self.sentence_words.get(i) else {
            return "";
        };
        let span = self.text.sentences()[i].span;
        words.get_or_init(|| crate::claims::normalize_term(self.text.slice(span)).into())
    }

    /// The source's id.
    pub fn id(&self) -> &SourceId {
        self.text.id()
    }
}

/// Where a claim's verdict comes from: a fact in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The fact's span in the normalized text.
    pub span: Span,
    /// Line and column of the fact in the original file.
    pub pos: LineCol,
    /// The sentence, normalized (shared with the source's analysis).
    pub sentence: Arc<str>,
    /// What the fact says ([`Fact::describe`]), shared with every other
    /// piece of evidence citing the same fact.
    pub fact: Arc<str>,
    /// Why it supports, contradicts, or was a near miss: one of a few
    /// hundred sentences, shared by every piece of evidence that gives it.
    pub note: Option<Arc<str>>,
}

/// Why a piece of evidence supports, contradicts or was a near miss, as
/// `judge` gives it: one of the tool's fixed sentences (most notes), or
/// one made for the fact (`the source says 6`).
pub(crate) type Note = std::borrow::Cow<'static, str>;

/// `note` as a shared string ([`shared_note`]); a fixed sentence is found
/// by its address, not hashed and compared.
fn note_of(note: Note) -> Arc<str> {
    use std::cell::RefCell;
    /// Past this many the map starts again (as [`shared_note`]'s set).
    const MAX_FIXED: usize = 1 << 10;
    thread_local! {
        static FIXED: RefCell<HashMap<(usize, usize), Arc<str>, crate::extract::FxBuild>> =
            RefCell::new(HashMap::default());
    }
    match note {
        std::borrow::Cow::Borrowed(fixed) => FIXED.with_borrow_mut(|notes| {
            let key = (fixed.as_ptr() as usize, fixed.len());
            if let Some(shared) = notes.get(&key) {
                return Arc::clone(shared);
            }
            if notes.len() >= MAX_FIXED {
                notes.clear();
            }
            let shared = shared_note(fixed);
            notes.insert(key, Arc::clone(&shared));
            shared
        }),
        std::borrow::Cow::Owned(made) => shared_note(&made),
    }
}

/// `note` as a shared string: the one already made on this thread when
/// there is one. A large run gives millions of notes but only hundreds of
/// distinct ones; sharing them saves one allocation per piece of evidence.
pub(crate) fn shared_note(note: &str) -> Arc<str> {
    use std::cell::RefCell;
    use std::collections::HashSet;
    /// Past this many distinct notes the set starts again: sharing saves
    /// memory, it is never needed for a result.
    const MAX_NOTES: usize = 1 << 14;
    thread_local! {
        // Notes are short and trusted (the tool's own words around a
        // source's terms): a fast hash, not a DoS-resistant one.
        static NOTES: RefCell<HashSet<Arc<str>, crate::extract::FxBuild>> =
            RefCell::new(HashSet::default());
    }
    NOTES.with_borrow_mut(|notes| {
        if let Some(shared) = notes.get(note) {
            return Arc::clone(shared);
        }
        if notes.len() >= MAX_NOTES {
            notes.clear();
        }
        let shared: Arc<str> = Arc::from(note);
        notes.insert(Arc::clone(&shared));
        shared
    })
}

/// Sentences longer than this many bytes are quoted in part: evidence in a
/// text with no sentence breaks (a table, a scraped page on one line)
/// would otherwise quote the whole text, once per piece of evidence.
pub(crate) const MAX_QUOTED: usize = 600;

/// About this many bytes of a long sentence are quoted on each side of the
/// evidence.
const QUOTED_CONTEXT: usize = 240;

/// The words of `sentence` (a span of `text`) around `span`, with `…` where
/// the sentence goes on: at most [`MAX_QUOTED`] bytes of it, cut between
/// words where there are words to cut between.
fn excerpt(text: &str, sentence: Span, span: Span) -> String {
    let start = span.start.clamp(sentence.start, sentence.end);
    // The evidence itself, cut if it is longer than a quote allows.
    let mut end = span
        .end
        .clamp(start, sentence.end)
        .min(start + MAX_QUOTED - QUOTED_CONTEXT);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut from = start.saturating_sub(QUOTED_CONTEXT).max(sentence.start);
    let mut to = (end + QUOTED_CONTEXT).min(sentence.end);
    // On character boundaries (`to` stays at or after `end`, itself one),
    // then after a space and before one.
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if from > sentence.start {
        if let Some(space) = text[from..start].find(' ') {
            from += space + 1;
        }
    }
    if to < sentence.end {
        if let Some(space) = text[end..to].rfind(' ') {
            to = end + space;
        }
    }
    let mut out = String::with_capacity(to - from + 8);
    if from > sentence.start {
        out.push('…');
    }
    out.push_str(text[from..to].trim());
    if to < sentence.end {
        out.push('…');
    }
    out
}

impl Evidence {
    /// The evidence of fact number `i` of `a`, `fact`.
    pub(crate) fn of(a: &Analysis, i: usize, fact: &Fact, note: Option<Note>) -> Evidence {
        let Cited {
            pos,
            sentence,
            fact: described,
        } = a.cited(i, fact);
        Evidence {
            span: fact.span,
            pos,
            sentence,
            fact: described,
            note: note.map(note_of),
        }
    }

    pub(crate) fn of_span(
        a: &Analysis,
        span: Span,
        fact: Arc<str>,
        note: Option<Note>,
    ) -> Evidence {
        let sentence = a
            .text
            .sentence_at(span.start)
            .and_then(|i| a.quoted(i, span))
            .unwrap_or_else(|| Arc::from(a.text.slice(span)));
        Evidence {
            span,
            pos: a.text.line_col(span.start),
            sentence,
            fact,
            note: note.map(note_of),
        }
    }
}

/// A claim's verdict against one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceVerdict {
    /// The source.
    pub source: SourceId,
    /// The verdict.
    pub verdict: Verdict,
    /// The facts that decided it (matching ones, or conflicting ones).
    pub evidence: Vec<Evidence>,
    /// When nothing decided it: the nearest facts, to help the author.
    pub candidates: Vec<Evidence>,
}

impl SourceVerdict {
    /// Whether the source says nothing at all about the claim: not
    /// mentioned, with no evidence and no candidate.
    pub fn is_silent(&self) -> bool {
        VerdictRef::from(self).is_silent()
    }
}

/// One source's verdict on a claim, borrowed from a [`ClaimOutcome`] or
/// read from a run's packed verdicts ([`ClaimView::verdicts`]): the fields
/// of a [`SourceVerdict`], which a silent source does not store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerdictRef<'a> {
    /// The source.
    pub source: &'a SourceId,
    /// The verdict.
    pub verdict: Verdict,
    /// The facts that decided it.
    pub evidence: EvidenceList<'a>,
    /// When nothing decided it: the nearest facts.
    pub candidates: EvidenceList<'a>,
}

impl<'a> VerdictRef<'a> {
    /// Whether the source says nothing at all about the claim.
    pub fn is_silent(&self) -> bool {
        self.verdict == Verdict::NotMentioned
            && self.evidence.is_empty()
            && self.candidates.is_empty()
    }

    /// The verdict of a source that says nothing about the claim.
    fn silent(source: &'a SourceId) -> Self {
        VerdictRef {
            source,
            verdict: Verdict::NotMentioned,
            evidence: EvidenceList::default(),
            candidates: EvidenceList::default(),
        }
    }
}

impl<'a> From<&'a SourceVerdict> for VerdictRef<'a> {
    fn from(v: &'a SourceVerdict) -> Self {
        VerdictRef {
            source: &v.source,
            verdict: v.verdict,
            evidence: EvidenceList::from(v.evidence.as_slice()),
            candidates: EvidenceList::from(v.candidates.as_slice()),
        }
    }
}

/// A piece of evidence, borrowed: from an [`Evidence`], or read from a
/// run's packed verdicts (nothing copied or shared then).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidenceRef<'a> {
    /// The fact's span in the normalized text.
    pub span: Span,
    /// Line and column of the fact in the original file.
    pub pos: LineCol,
    /// The sentence, normalized (or the words around the fact in a long
    /// one).
    pub sentence: &'a str,
    /// What the fact says ([`Fact::describe`]).
    pub fact: &'a str,
    /// Why it supports, contradicts, or was a near miss.
    pub note: Option<&'a str>,
}

impl<'a> From<&'a Evidence> for EvidenceRef<'a> {
    fn from(e: &'a Evidence) -> Self {
        EvidenceRef {
            span: e.span,
            pos: e.pos,
            sentence: &e.sentence,
            fact: &e.fact,
            note: e.note.as_deref(),
        }
    }
}

/// The evidence (or the candidates) of a [`VerdictRef`]: a list of
/// [`EvidenceRef`]s, borrowed from [`Evidence`] or read from packed
/// verdicts as it is iterated.
#[derive(Clone, Copy)]
pub struct EvidenceList<'a>(Pieces<'a>);

#[derive(Clone, Copy)]
enum Pieces<'a> {
    Whole(&'a [Evidence]),
    Packed(packed::PackedEvidence<'a>),
}

impl<'a> EvidenceList<'a> {
    /// The pieces of evidence, in order.
    pub fn iter(&self) -> EvidenceIter<'a> {
        EvidenceIter(match self.0 {
            Pieces::Whole(list) => PiecesIter::Whole(list.iter()),
            Pieces::Packed(list) => PiecesIter::Packed(list),
        })
    }

    /// How many pieces.
    pub fn len(&self) -> usize {
        match self.0 {
            Pieces::Whole(list) => list.len(),
            Pieces::Packed(list) => list.len(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first piece, if any.
    pub fn first(&self) -> Option<EvidenceRef<'a>> {
        self.iter().next()
    }
}

impl Default for EvidenceList<'_> {
    fn default() -> Self {
        EvidenceList(Pieces::Whole(&[]))
    }
}

impl<'a> From<&'a [Evidence]> for EvidenceList<'a> {
    fn from(list: &'a [Evidence]) -> Self {
        EvidenceList(Pieces::Whole(list))
    }
}

impl std::fmt::Debug for EvidenceList<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for EvidenceList<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for EvidenceList<'_> {}

impl<'a> IntoIterator for EvidenceList<'a> {
    type Item = EvidenceRef<'a>;
    type IntoIter = EvidenceIter<'a>;

    fn into_iter(self) -> EvidenceIter<'a> {
        self.iter()
    }
}

/// The iterator of [`EvidenceList::iter`].
#[derive(Debug, Clone)]
pub struct EvidenceIter<'a>(PiecesIter<'a>);

#[derive(Debug, Clone)]
enum PiecesIter<'a> {
    Whole(std::slice::Iter<'a, Evidence>),
    Packed(packed::PackedEvidence<'a>),
}

impl<'a> Iterator for EvidenceIter<'a> {
    type Item = EvidenceRef<'a>;

    fn next(&mut self) -> Option<EvidenceRef<'a>> {
        match &mut self.0 {
            PiecesIter::Whole(list) => list.next().map(EvidenceRef::from),
            PiecesIter::Packed(list) => list.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match &self.0 {
            PiecesIter::Whole(list) => list.size_hint(),
            PiecesIter::Packed(list) => list.size_hint(),
        }
    }
}

impl ExactSizeIterator for EvidenceIter<'_> {}

/// A claim checked against its sources, with the expectation applied.
///
/// Most sources of a large run say nothing about most claims; only the
/// verdicts of the sources that do are stored ([`ClaimOutcome::said`]).
/// [`ClaimOutcome::verdicts`] gives every source's.
#[derive(Debug, Clone)]
pub struct ClaimOutcome {
    /// The claim.
    pub claim: Claim,
    /// Every source the claim was checked against, in source order (one
    /// list shared by the claims checked against the same sources).
    checked: Arc<[SourceId]>,
    /// The verdicts of the checked sources that say something, in source
    /// order, each with its source's place in `checked`.
    said: Vec<SourceVerdict>,
    at: Vec<u32>,
    /// Whether the expectation holds.
    pub holds: bool,
    /// Why not, when it does not hold: one line per unmet expectation.
    pub failures: Vec<String>,
}

impl ClaimOutcome {
    /// One verdict per source checked, in source order.
    pub fn verdicts(&self) -> Verdicts<'_> {
        self.view().verdicts()
    }

    /// Every source the claim was checked against, in source order.
    pub fn checked(&self) -> &[SourceId] {
        &self.checked
    }

    /// The verdicts of the checked sources that say something about the
    /// claim, in source order; every other checked source is silent (see
    /// [`SourceVerdict::is_silent`]).
    pub fn said(&self) -> &[SourceVerdict] {
        &self.said
    }

    /// The outcome, borrowed, as reports read it.
    pub fn view(&self) -> ClaimView<'_> {
        ClaimView {
            claim: &self.claim,
            holds: self.holds,
            failures: &self.failures,
            checked: &self.checked,
            said: SaidIn::Whole {
                said: &self.said,
                at: &self.at,
            },
        }
    }
}

/// A claim's outcome, borrowed: from a [`ClaimOutcome`], or read straight
/// from a run's packed verdicts ([`crate::PackedOutcomes::view`]), no
/// evidence copied. What the reports render.
#[derive(Debug, Clone, Copy)]
pub struct ClaimView<'a> {
    /// The claim.
    pub claim: &'a Claim,
    /// Whether the expectation holds.
    pub holds: bool,
    /// Why not, when it does not hold: one line per unmet expectation.
    pub failures: &'a [String],
    checked: &'a [SourceId],
    said: SaidIn<'a>,
}

/// Where a [`ClaimView`]'s verdicts that say something are.
#[derive(Clone, Copy)]
enum SaidIn<'a> {
    /// In a [`ClaimOutcome`].
    Whole {
        said: &'a [SourceVerdict],
        at: &'a [u32],
    },
    /// Those of claim `k` of packed verdicts.
    Packed {
        packed: &'a packed::Packed,
        k: usize,
    },
}

impl std::fmt::Debug for SaidIn<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaidIn::Whole { said, .. } => f.debug_list().entries(said.iter()).finish(),
            SaidIn::Packed { packed, k } => f
                .debug_struct("Packed")
                .field("said", &packed.said(*k))
                .finish_non_exhaustive(),
        }
    }
}

impl<'a> ClaimView<'a> {
    /// One verdict per source checked, in source order.
    pub fn verdicts(&self) -> Verdicts<'a> {
        Verdicts {
            checked: self.checked,
            next: 0,
            said: self.said_iter(),
        }
    }

    /// The verdicts of the checked sources that say something about the
    /// claim, in source order: [`verdicts`](ClaimView::verdicts) without
    /// the silent ones (see [`SourceVerdict::is_silent`]), and without
    /// going through them.
    pub fn said(&self) -> SaidVerdicts<'a> {
        SaidVerdicts {
            checked: self.checked,
            said: self.said_iter(),
        }
    }

    /// How many sources say something about the claim: the length of
    /// [`said`](ClaimView::said).
    pub fn said_len(&self) -> usize {
        match self.said {
            SaidIn::Whole { said, .. } => said.len(),
            SaidIn::Packed { packed, k } => packed.said(k),
        }
    }

    /// Every source the claim was checked against, in source order.
    pub fn checked(&self) -> &'a [SourceId] {
        self.checked
    }

    fn said_iter(&self) -> SaidIter<'a> {
        match self.said {
            SaidIn::Whole { said, at } => SaidIter::Whole { said, at },
            SaidIn::Packed { packed, k } => SaidIter::Packed {
                verdicts: packed.verdicts(k),
                peeked: None,
            },
        }
    }
}

/// The iterator of [`ClaimOutcome::verdicts`] and [`ClaimView::verdicts`].
#[derive(Debug, Clone)]
pub struct Verdicts<'a> {
    checked: &'a [SourceId],
    /// The place of the next source.
    next: usize,
    said: SaidIter<'a>,
}

/// The iterator of [`ClaimView::said`].
#[derive(Debug, Clone)]
pub struct SaidVerdicts<'a> {
    checked: &'a [SourceId],
    said: SaidIter<'a>,
}

/// The verdicts that say something, as they are read.
#[derive(Debug, Clone)]
enum SaidIter<'a> {
    Whole {
        said: &'a [SourceVerdict],
        at: &'a [u32],
    },
    Packed {
        verdicts: packed::PackedVerdicts<'a>,
        /// The next verdict read, not yet given.
        peeked: Option<packed::PackedVerdict<'a>>,
    },
}

impl<'a> SaidIter<'a> {
    /// The place of the next verdict's source among those checked.
    fn peek(&mut self) -> Option<usize> {
        match self {
            SaidIter::Whole { at, .. } => at.first().map(|&a| a as usize),
            SaidIter::Packed { verdicts, peeked } => {
                if peeked.is_none() {
                    *peeked = verdicts.next();
                }
                peeked.as_ref().map(|v| v.place as usize)
            }
        }
    }

    /// The next verdict, its source one of `checked`.
    fn next(&mut self, checked: &'a [SourceId]) -> Option<VerdictRef<'a>> {
        match self {
            SaidIter::Whole { said, at } => {
                let (v, rest) = said.split_first()?;
                *said = rest;
                *at = at.get(1..).unwrap_or_default();
                Some(VerdictRef::from(v))
            }
            SaidIter::Packed { verdicts, peeked } => {
                let v = peeked.take().or_else(|| verdicts.next())?;
                Some(VerdictRef {
                    source: &checked[v.place as usize],
                    verdict: v.verdict,
                    evidence: EvidenceList(Pieces::Packed(v.evidence)),
                    candidates: EvidenceList(Pieces::Packed(v.candidates)),
                })
            }
        }
    }
}

impl<'a> Iterator for Verdicts<'a> {
    type Item = VerdictRef<'a>;

    fn next(&mut self) -> Option<VerdictRef<'a>> {
        let i = self.next;
        let source = self.checked.get(i)?;
        self.next += 1;
        if self.said.peek() == Some(i) {
            return self.said.next(self.checked);
        }
        Some(VerdictRef::silent(source))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.checked.len() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Verdicts<'_> {}

impl<'a> Iterator for SaidVerdicts<'a> {
    type Item = VerdictRef<'a>;

    fn next(&mut self) -> Option<VerdictRef<'a>> {
        self.said.next(self.checked)
    }
}

/// The outcomes of one claims file.
#[derive(Debug, Clone)]
pub struct SetOutcome {
    /// The claims file.
    pub path: std::path::PathBuf,
    /// The file's stem.
    pub name: String,
    /// One outcome per claim, in file order.
    pub outcomes: Vec<ClaimOutcome>,
}

impl SetOutcome {
    /// Whether every claim holds.
    pub fn all_hold(&self) -> bool {
        self.outcomes.iter().all(|o| o.holds)
    }
}

/// Checks every claim of `set` against the analyses it names.
///
/// Sources are checked in parallel, each against every claim while its facts
/// are in cache, and each claim only against the sources whose indexed facts
/// could speak to it; the outcomes are those of [`verify_claim`] for every
/// claim, in file order.
pub fn verify(set: &ClaimSet, analyses: &[Analysis]) -> SetOutcome {
    verify_with(set, analyses, &NoProgress)
}

/// [`verify`], telling `progress` of every source checked against the
/// claims.
pub fn verify_with(set: &ClaimSet, analyses: &[Analysis], progress: &dyn Progress) -> SetOutcome {
    let mut v = Verifier::new(set);
    v.add(analyses, progress);
    v.finish()
}

/// [`verify`] a few sources at a time: the verdicts of each batch of
/// analyses [`add`](Verifier::add)ed are kept, the analyses need not be.
/// [`finish`](Verifier::finish) gives what [`verify`] gives for all the
/// analyses added, in the order added.
#[derive(Debug)]
pub struct Verifier<'a> {
    set: &'a ClaimSet,
    claims: Vec<&'a Claim>,
    keys: Vec<index::ClaimKey>,
    prepared: Vec<matching::Prepared>,
    want_words: bool,
    /// The claims that name their sources.
    restricted: Vec<usize>,
    /// The verdicts of the sources pushed so far.
    kept: Kept,
    fingerprint: u64,
    claim_fingerprints: Vec<u64>,
    /// For each claim, the first claim of the file that asserts the same
    /// (the same kind, sources and aliases: what its fingerprint digests,
    /// compared whole), itself when none before it does: its verdict on
    /// every source is that claim's, judged once.
    same_as: Vec<usize>,
}

/// The verdicts of a [`Verifier`]'s claims on the sources pushed so far,
/// kept apart from the verifier so that sources can be judged (which reads
/// the verifier) while the verdicts of others are kept.
#[derive(Debug)]
pub(crate) struct Kept {
    /// Every source added.
    all: Vec<SourceId>,
    /// For each claim that names its sources, those added; `None` for the
    /// claims checked against all.
    named: Vec<Option<Vec<SourceId>>>,
    /// For each claim, the verdicts that are not silent, and each one's
    /// source's place among those the claim is checked against (two lists,
    /// as [`ClaimOutcome`] keeps them), when they are not packed.
    said: Vec<Vec<SourceVerdict>>,
    at: Vec<Vec<u32>>,
    /// Every verdict, in a packing `Kept` ([`Kept::packing`]), which then
    /// holds none whole.
    packed: Option<packed::Packed>,
    /// For each claim, where the verdicts moved to a spill file lie (see
    /// [`Kept::spill`]); they come before those in `said`.
    spilled: Vec<Vec<crate::spill::Segment>>,
}

/// The verdicts of one source that are not silent, by claim number.
#[derive(Debug)]
pub struct SourceRow(pub(crate) Vec<(usize, SourceVerdict)>);

impl SourceRow {
    /// This row with the verdicts of `other` (of other claims) added, in
    /// claim order.
    pub(crate) fn merge(mut self, other: SourceRow) -> SourceRow {
        self.0.extend(other.0);
        self.0.sort_by_key(|(k, _)| *k);
        self
    }
}

impl<'a> Verifier<'a> {
    /// Ready to check the claims of `set`: each claim prepared and keyed
    /// once.
    pub fn new(set: &'a ClaimSet) -> Self {
        let claims: Vec<&Claim> = set.iter().collect();
        // The aliases are written out once, not once per claim.
        let aliases = format!("{:?}", set.aliases());
        let asserted: Vec<String> = claims
            .iter()
            .map(|c| format!("{aliases}\0{:?}\0{:?}", c.kind, c.sources))
            .collect();
        let mut first: HashMap<&str, usize> = HashMap::new();
        let same_as = asserted
            .iter()
            .enumerate()
            .map(|(k, what)| *first.entry(what.as_str()).or_insert(k))
            .collect();
        Verifier {
            set,
            keys: claims
                .iter()
                .map(|c| index::ClaimKey::of(set.aliases(), c))
                .collect(),
            prepared: {
                let mut prepared: Vec<_> = claims
                    .iter()
                    .map(|c| matching::Prepared::new(set.aliases(), c))
                    .collect();
                matching::share_terms(&mut prepared);
                prepared
            },
            want_words: index::wants_words(set),
            kept: Kept::of(&claims),
            restricted: (0..claims.len())
                .filter(|&k| claims[k].sources.is_some())
                .collect(),
            claim_fingerprints: asserted
                .iter()
                .map(|what| crate::lock::fnv1a64(what.as_bytes()))
                .collect(),
            same_as,
            claims,
            fingerprint: crate::lock::fnv1a64(format!("{set:?}").as_bytes()),
        }
    }

    /// For each claim, in file order, a digest of everything its verdicts
    /// depend on: what it asserts, the sources it names, and the aliases
    /// (not its id, expectations or place in the file). The verdicts cache
    /// keeps a claim's verdicts while its digest is unchanged, so that
    /// editing one claim judges only that claim again.
    pub fn claim_fingerprints(&self) -> &[u64] {
        &self.claim_fingerprints
    }

    /// A digest of everything in the claims file that a verdict depends on
    /// (every claim, in order, and the aliases): the verdicts cache's key
    /// for the file.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// Checks `analyses` against every claim, in parallel, and keeps their
    /// verdicts, telling `progress` of each source checked.
    pub fn add(&mut self, analyses: &[Analysis], progress: &dyn Progress) {
        // Source by source (one source's facts and index are read by every
        // claim in turn, so they stay in cache), then appended claim by
        // claim, in source order. A chunk of sources at a time, so that
        // only one chunk's verdicts are ever held twice.
        for chunk in analyses.chunks(SOURCES_PER_CHUNK) {
            let rows: Vec<SourceRow> = chunk
                .par_iter()
                .map(|a| {
                    let row = self.row(a);
                    progress.advance(1);
                    row
                })
                .collect();
            for (a, row) in chunk.iter().zip(rows) {
                self.push(a.id(), row);
            }
        }
    }

    /// Every claim judged against one source (which can be done on any
    /// thread); [`push`](Verifier::push) keeps the result.
    pub fn row(&self, a: &Analysis) -> SourceRow {
        self.row_of(a, None)
    }

    /// The claims numbered in `only` (increasing; all when `None`) judged
    /// against one source.
    pub(crate) fn row_of(&self, a: &Analysis, only: Option<&[usize]>) -> SourceRow {
        self.row_filtered(a, only, false).0
    }

    /// [`row_of`](Verifier::row_of), with the [`KeyFilter`] of the source's
    /// index when `filter`: what the verdicts cache keeps so that a later
    /// run can tell which new claims need the source analysed again
    /// ([`may_concern`](Verifier::may_concern)).
    pub(crate) fn row_filtered(
        &self,
        a: &Analysis,
        only: Option<&[usize]>,
        filter: bool,
    ) -> (SourceRow, Option<KeyFilter>) {
        // Indexed just before it is used, dropped just after.
        let index = index::SourceIndex::new(self.set.aliases(), a, self.want_words);
        let filter = filter.then(|| KeyFilter::of(&index));
        // Only the verdicts that say something are kept.
        let judge = |k: usize| {
            let c = self.claims[k];
            if !applies(c, a) {
                return None;
            }
            judge_indexed(self.set, c, &self.prepared[k], &index, &self.keys[k], a)
        };
        // A claim that asserts the same as one judged before it in this row
        // has its verdict (or is silent as it is) without being judged again.
        // Per claim: where its verdict is in the row, `SILENT`, or
        // `UNJUDGED`.
        const UNJUDGED: u32 = u32::MAX;
        const SILENT: u32 = u32::MAX - 1;
        let mut placed = vec![UNJUDGED; self.claims.len()];
        let mut row: Vec<(usize, SourceVerdict)> = Vec::new();
        let mut one = |k: usize| {
            let j = self.same_as.get(k).copied().unwrap_or(k);
            let verdict = match placed.get(j).copied() {
                Some(SILENT) if j != k => None,
                Some(at) if j != k && at != UNJUDGED => {
                    row.get(at as usize).map(|(_, v)| v.clone())
                }
                _ => judge(k),
            };
            let at = match verdict {
                Some(v) => {
                    row.push((k, v));
                    // A row holds a verdict per claim at most, far fewer
                    // than `SILENT`.
                    u32::try_from(row.len() - 1).unwrap_or(SILENT)
                }
                None => SILENT,
            };
            if let Some(p) = placed.get_mut(k) {
                *p = at;
            }
        };
        match only {
            None => (0..self.claims.len()).for_each(&mut one),
            Some(only) => only
                .iter()
                .filter(|&&k| k < self.claims.len())
                .for_each(|&k| one(k)),
        }
        (SourceRow(row), filter)
    }

    /// Whether any of the claims numbered in `claims` could have a verdict
    /// other than a silent *not mentioned* on source `id`, whose index's
    /// keys are in `filter` (made under the aliases of
    /// [`filter_key`](Verifier::filter_key)). `false` means judging them
    /// there would add nothing to its row.
    pub(crate) fn may_concern(&self, filter: &KeyFilter, claims: &[usize], id: &SourceId) -> bool {
        claims.iter().any(|&k| {
            self.claims.get(k).is_some_and(|c| {
                c.sources.as_ref().is_none_or(|s| s.contains(id)) && filter.may_match(&self.keys[k])
            })
        })
    }

    /// A digest of what a [`KeyFilter`] made for this claims file depends
    /// on besides the source: the aliases (the words of the claims only
    /// decide whether words are in it, which the filter records).
    pub(crate) fn filter_key(&self) -> u64 {
        crate::lock::fnv1a64(format!("{:?}", self.set.aliases()).as_bytes())
    }

    /// Keeps the [`row`](Verifier::row) of source `id`, checked after every
    /// source pushed before it.
    pub fn push(&mut self, id: &SourceId, row: SourceRow) {
        self.kept.add(&self.claims, &self.restricted, id, row);
    }

    /// The outcome of every claim, in file order.
    pub fn finish(self) -> SetOutcome {
        let Verifier {
            set, claims, kept, ..
        } = self;
        kept.finish(set, &claims)
    }

    /// Empty verdicts for [`keep`](Verifier::keep) to fill apart from the
    /// verifier.
    pub(crate) fn keeper(&self) -> Kept {
        Kept::of(&self.claims)
    }

    /// [`keeper`](Verifier::keeper), packing every verdict as it is kept.
    pub(crate) fn packing_keeper(&self) -> Kept {
        Kept::packing(&self.claims)
    }

    /// [`push`](Verifier::push), into `kept` (from
    /// [`keeper`](Verifier::keeper)).
    pub(crate) fn keep(&self, kept: &mut Kept, id: &SourceId, row: SourceRow) {
        kept.add(&self.claims, &self.restricted, id, row);
    }

    /// [`finish`](Verifier::finish), with the verdicts in `kept`.
    pub(crate) fn finish_kept(&self, kept: Kept) -> SetOutcome {
        kept.finish(self.set, &self.claims)
    }

    /// [`finish_kept`](Verifier::finish_kept), the verdicts left packed
    /// (`kept` from [`packing_keeper`](Verifier::packing_keeper)).
    pub(crate) fn finish_packed(&self, kept: Kept) -> PackedSet {
        kept.finish_packed(self.set, &self.claims)
    }

    /// [`finish_kept`](Verifier::finish_kept), the verdicts spilled to
    /// `file`.
    ///
    /// # Errors
    ///
    /// When the file cannot be written or read back.
    pub(crate) fn finish_spilled(
        &self,
        kept: Kept,
        file: &crate::spill::SpillFile,
    ) -> std::io::Result<crate::spill::SpilledSet> {
        kept.finish_spilled(self.set, &self.claims, file)
    }
}

impl Kept {
    /// No verdicts yet for `claims`.
    fn of(claims: &[&Claim]) -> Kept {
        Kept {
            all: Vec::new(),
            named: claims
                .iter()
                .map(|c| c.sources.as_ref().map(|_| Vec::new()))
                .collect(),
            said: claims.iter().map(|_| Vec::new()).collect(),
            at: claims.iter().map(|_| Vec::new()).collect(),
            packed: None,
            spilled: claims.iter().map(|_| Vec::new()).collect(),
        }
    }

    /// How many verdicts are held (not spilled).
    pub(crate) fn held(&self) -> usize {
        self.said.iter().map(Vec::len).sum::<usize>()
            + self.packed.as_ref().map_or(0, packed::Packed::held)
    }

    /// Whether the verdicts are packed.
    pub(crate) fn is_packed(&self) -> bool {
        self.packed.is_some()
    }

    /// [`Kept::of`], packing every verdict as it is added (see [`packed`]):
    /// a few bytes each rather than a [`SourceVerdict`] and its lists of
    /// evidence, for the cost of packing them (reports read them in place).
    fn packing(claims: &[&Claim]) -> Kept {
        let mut kept = Kept::of(claims);
        kept.packed = Some(packed::Packed::new(kept.named.iter().map(Option::is_some)));
        kept
    }

    /// The sources claim `k` is checked against, of those added so far.
    fn checked(&self, k: usize) -> &[SourceId] {
        self.named[k].as_deref().unwrap_or(&self.all)
    }

    /// Moves the verdicts kept so far to `file`, each claim's encoded
    /// apart.
    ///
    /// # Errors
    ///
    /// When the file cannot be written.
    pub(crate) fn spill(&mut self, file: &crate::spill::SpillFile) -> std::io::Result<()> {
        for k in 0..self.spilled.len() {
            let (at, said) = match &self.packed {
                Some(p) if p.said(k) > 0 => p.unpack(k, self.checked(k)),
                Some(_) => continue,
                None if self.said[k].is_empty() => continue,
                None => (
                    std::mem::take(&mut self.at[k]),
                    std::mem::take(&mut self.said[k]),
                ),
            };
            let bytes = crate::cache::encode_said(&at, said);
            self.spilled[k].push(file.append(&bytes)?);
        }
        if let Some(p) = &mut self.packed {
            p.clear();
        }
        Ok(())
    }

    /// [`finish`](Kept::finish) for verdicts all [`spill`](Kept::spill)ed
    /// to `file`.
    ///
    /// # Errors
    ///
    /// When the file cannot be read back.
    pub(crate) fn finish_spilled(
        mut self,
        set: &ClaimSet,
        claims: &[&Claim],
        file: &crate::spill::SpillFile,
    ) -> std::io::Result<crate::spill::SpilledSet> {
        self.spill(file)?;
        let checked = checked_lists(self.all, self.named);
        crate::spill::SpilledSet::new(file, set, claims, checked, self.spilled)
    }

    /// Adds the verdicts of source `id` on `claims` (those numbered in
    /// `restricted` name their sources).
    fn add(&mut self, claims: &[&Claim], restricted: &[usize], id: &SourceId, row: SourceRow) {
        self.all.push(id.clone());
        if let Some(p) = &mut self.packed {
            p.start_source();
        }
        for &k in restricted {
            if let (Some(named), Some(only)) = (&mut self.named[k], &claims[k].sources)
                && only.contains(id)
            {
                named.push(id.clone());
            }
        }
        // The source was just added to the list the claim is checked
        // against: it is the last.
        let at = |named: &[Option<Vec<SourceId>>], k: usize| {
            let checked = named[k].as_ref().map_or(self.all.len(), Vec::len);
            u32::try_from(checked - 1).unwrap_or(u32::MAX)
        };
        match &mut self.packed {
            Some(p) => {
                for (k, v) in &row.0 {
                    p.push(*k, at(&self.named, *k), v);
                }
            }
            None => {
                for (k, mut v) in row.0 {
                    // Kept until the run ends, claims x sources of them: a
                    // list grown by pushes has room for at least four.
                    v.evidence.shrink_to_fit();
                    v.candidates.shrink_to_fit();
                    self.at[k].push(at(&self.named, k));
                    self.said[k].push(v);
                }
            }
        }
    }

    /// The outcome of each of `claims` of `set`, in order.
    fn finish(self, set: &ClaimSet, claims: &[&Claim]) -> SetOutcome {
        let outcomes = if self.packed.is_some() {
            let packed = self.into_packed(set, claims);
            (0..claims.len())
                .into_par_iter()
                .map(|k| packed.outcome(k))
                .collect()
        } else {
            claims
                .par_iter()
                .zip(checked_lists(self.all, self.named))
                .zip(self.said)
                .zip(self.at)
                .map(|(((c, checked), said), at)| outcome(c, checked, said, at))
                .collect()
        };
        SetOutcome {
            path: set.path().to_path_buf(),
            name: set.name().to_string(),
            outcomes,
        }
    }

    /// The outcomes of `claims` of `set`, left packed: each claim's is
    /// unpacked when asked for ([`PackedSet::outcome`]).
    fn finish_packed(self, set: &ClaimSet, claims: &[&Claim]) -> PackedSet {
        let mut packed = self.into_packed(set, claims);
        (packed.holds, packed.failures) = (0..claims.len())
            .into_par_iter()
            .map(|k| {
                let checked = &packed.checked[k];
                let said = packed
                    .packed
                    .verdicts(k)
                    .map(|v| (&checked[v.place as usize], v.verdict));
                apply_expectation(&packed.claims[k], checked, said)
            })
            .unzip();
        packed
    }

    /// [`finish_packed`](Kept::finish_packed), whether each claim holds
    /// not worked out.
    fn into_packed(self, set: &ClaimSet, claims: &[&Claim]) -> PackedSet {
        // Only a packing `Kept` ends packed: it holds no verdict whole.
        debug_assert!(self.said.iter().all(Vec::is_empty));
        let mut packed = self.packed.unwrap_or_default();
        packed.seal();
        let checked = checked_lists(self.all, self.named);
        PackedSet {
            path: set.path().to_path_buf(),
            name: set.name().to_string(),
            claims: claims.iter().map(|&c| c.clone()).collect(),
            checked,
            packed,
            holds: Vec::new(),
            failures: Vec::new(),
        }
    }
}

/// Per claim, the sources it was checked against: those it names
/// (`named`), or `all` sources added, one list shared by every claim
/// checked against all.
fn checked_lists(all: Vec<SourceId>, named: Vec<Option<Vec<SourceId>>>) -> Vec<Arc<[SourceId]>> {
    let all: Arc<[SourceId]> = all.into();
    named
        .into_iter()
        .map(|named| named.map_or_else(|| Arc::clone(&all), Arc::from))
        .collect()
}

/// The outcomes of a run that kept its verdicts packed
/// ([`crate::Keep::Packed`]), a few bytes per verdict rather than a
/// [`SourceVerdict`] and its evidence lists: each claim's outcome is read
/// in place ([`view`](PackedOutcomes::view)), or unpacked
/// ([`outcome`](PackedOutcomes::outcome)), when it is asked for.
#[derive(Debug, Clone)]
pub struct PackedOutcomes {
    pub(crate) sets: Vec<PackedSet>,
}

impl PackedOutcomes {
    /// Whether every claim of every file holds.
    pub fn all_hold(&self) -> bool {
        self.sets.iter().all(|s| s.holds.iter().all(|&h| h))
    }

    /// The outcome of claim `k` of claims file `set` (both numbered from
    /// 0, files sorted by path and claims in file order).
    ///
    /// # Panics
    ///
    /// When there is no such claim.
    pub fn outcome(&self, set: usize, k: usize) -> ClaimOutcome {
        self.sets[set].outcome(k)
    }

    /// The outcome of claim `k` of claims file `set`, read in place: what
    /// [`outcome`](PackedOutcomes::outcome) gives, without copying
    /// anything.
    ///
    /// # Panics
    ///
    /// When there is no such claim.
    pub fn view(&self, set: usize, k: usize) -> ClaimView<'_> {
        self.sets[set].view(k)
    }

    /// Every claims file's outcomes, unpacked: what a run keeping them
    /// whole gives.
    pub fn to_sets(&self) -> Vec<SetOutcome> {
        self.sets
            .iter()
            .map(|s| SetOutcome {
                path: s.path.clone(),
                name: s.name.clone(),
                outcomes: (0..s.claims()).map(|k| s.outcome(k)).collect(),
            })
            .collect()
    }
}

/// One claims file's outcomes, their verdicts packed (see [`packed`]).
#[derive(Debug, Clone)]
pub(crate) struct PackedSet {
    path: std::path::PathBuf,
    name: String,
    claims: Vec<Claim>,
    /// Per claim, the sources it was checked against.
    checked: Vec<Arc<[SourceId]>>,
    packed: packed::Packed,
    /// Per claim, whether it holds, and why not (empty until
    /// [`Kept::finish_packed`] works them out).
    holds: Vec<bool>,
    failures: Vec<Vec<String>>,
}

impl PackedSet {
    /// The outcome of claim `k`, unpacked.
    pub(crate) fn outcome(&self, k: usize) -> ClaimOutcome {
        let checked = Arc::clone(&self.checked[k]);
        let (at, said) = self.packed.unpack(k, &checked);
        match (self.holds.get(k), self.failures.get(k)) {
            (Some(&holds), Some(failures)) => ClaimOutcome {
                claim: self.claims[k].clone(),
                checked,
                said,
                at,
                holds,
                failures: failures.clone(),
            },
            _ => outcome(&self.claims[k], checked, said, at),
        }
    }

    /// The outcome of claim `k`, read in place.
    pub(crate) fn view(&self, k: usize) -> ClaimView<'_> {
        ClaimView {
            claim: &self.claims[k],
            holds: self.holds[k],
            failures: &self.failures[k],
            checked: &self.checked[k],
            said: SaidIn::Packed {
                packed: &self.packed,
                k,
            },
        }
    }

    pub(crate) fn path(&self) -> (&std::path::Path, &str) {
        (&self.path, &self.name)
    }

    pub(crate) fn claims(&self) -> usize {
        self.claims.len()
    }

    pub(crate) fn holds(&self, k: usize) -> bool {
        self.holds[k]
    }

    pub(crate) fn said(&self, k: usize) -> usize {
        self.packed.said(k)
    }
}

/// Whether `claim` is checked against the source of `a`.
fn applies(claim: &Claim, a: &Analysis) -> bool {
    claim.sources.as_ref().is_none_or(|s| s.contains(a.id()))
}

/// Sources checked against every claim before their verdicts are sorted
/// out by claim.
pub(crate) const SOURCES_PER_CHUNK: usize = 128;

/// The verdict of one claim in analysis `a`, `None` when it is silent
/// ([`SourceVerdict::is_silent`]): from its index when that can tell, else
/// judged on the facts the index lists for the claim.
fn judge_indexed(
    set: &ClaimSet,
    claim: &Claim,
    prepared: &matching::Prepared,
    index: &index::SourceIndex,
    key: &index::ClaimKey,
    a: &Analysis,
) -> Option<SourceVerdict> {
    match index.lookup(key, a) {
        index::Lookup::Silent => None,
        index::Lookup::Decided(verdict) => Some(verdict),
        index::Lookup::Judge(only) => {
            let looked = only
                .as_deref()
                .map_or(matching::Looked::All, matching::Looked::Only);
            Some(matching::judge(set.aliases(), claim, prepared, a, looked))
                .filter(|v| !v.is_silent())
        }
        index::Lookup::JudgeEvents(events) => {
            let looked = matching::Looked::Events(events);
            Some(matching::judge(set.aliases(), claim, prepared, a, looked))
                .filter(|v| !v.is_silent())
        }
    }
}

/// A claim's outcome from the sources it was checked against and the
/// verdicts of those that say something, in source order, with their
/// sources' places among them.
pub(crate) fn outcome(
    claim: &Claim,
    checked: Arc<[SourceId]>,
    said: Vec<SourceVerdict>,
    at: Vec<u32>,
) -> ClaimOutcome {
    let verdicts = said.iter().map(|v| (&v.source, v.verdict));
    let (holds, failures) = apply_expectation(claim, &checked, verdicts);
    ClaimOutcome {
        claim: claim.clone(),
        checked,
        said,
        at,
        holds,
        failures,
    }
}

/// Checks one claim, against every source it names, with no index: the
/// reference the indexed [`verify`] must equal.
pub fn verify_claim(set: &ClaimSet, claim: &Claim, analyses: &[Analysis]) -> ClaimOutcome {
    let prepared = matching::Prepared::new(set.aliases(), claim);
    let applying: Vec<&Analysis> = analyses.iter().filter(|a| applies(claim, a)).collect();
    let checked = applying.iter().map(|a| a.id().clone()).collect();
    let (at, said) = applying
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut v = matching::judge(set.aliases(), claim, &prepared, a, matching::Looked::All);
            v.evidence.shrink_to_fit();
            v.candidates.shrink_to_fit();
            (u32::try_from(i).unwrap_or(u32::MAX), v)
        })
        .filter(|(_, v)| !v.is_silent())
        .unzip();
    outcome(claim, checked, said, at)
}

/// At most this many sources are named in a failure message.
const MAX_FAILURE_NAMES: usize = 10;

/// Whether `claim` holds, and why not, from the verdicts of the sources
/// that say something about it (each source and its verdict, in source
/// order) among `checked`.
fn apply_expectation<'a>(
    claim: &Claim,
    checked: &[SourceId],
    verdicts: impl Iterator<Item = (&'a SourceId, Verdict)> + Clone,
) -> (bool, Vec<String>) {
    let mut failures = Vec::new();
    let count = |v: Verdict| verdicts.clone().filter(|s| s.1 == v).count();
    // The first few sources by name, the rest counted: every verdict is in
    // the report beside the message, and an archive run would otherwise
    // name thousands of sources in one line.
    let names = |v: Verdict| {
        let with = verdicts.clone().filter(|s| s.1 == v);
        let mut names = with
            .clone()
            .take(MAX_FAILURE_NAMES)
            .map(|s| s.0.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let more = with.count().saturating_sub(MAX_FAILURE_NAMES);
        if more > 0 {
            names.push_str(&format!(" and {more} more"));
        }
        names
    };
    let (sup, con) = (count(Verdict::Supported), count(Verdict::Contradicted));
    match claim.expect {
        Expectation::Holds => {
            if sup == 0 {
                failures.push("expected support from at least one source, found none".to_string());
            }
            if con > 0 {
                failures.push(format!(
                    "expected no contradiction, contradicted by {}",
                    names(Verdict::Contradicted)
                ));
            }
        }
        Expectation::Contradicted => {
            if con == 0 {
                failures.push(
                    "expected a contradiction from at least one source, found none".to_string(),
                );
            }
            if sup > 0 {
                failures.push(format!(
                    "expected no support, supported by {}",
                    names(Verdict::Supported)
                ));
            }
        }
        Expectation::NotMentioned => {
            if sup + con > 0 {
                failures.push(format!(
                    "expected no source to mention it, supported by [{}], contradicted by [{}]",
                    names(Verdict::Supported),
                    names(Verdict::Contradicted)
                ));
            }
        }
        Expectation::PerSourceOnly => {}
    }
    let by_source: BTreeMap<&SourceId, Verdict> = if claim.per_source.is_empty() {
        BTreeMap::new()
    } else {
        verdicts.collect()
    };
    for (source, want) in &claim.per_source {
        let got = by_source
            .get(source)
            .copied()
            .or_else(|| checked.contains(source).then_some(Verdict::NotMentioned));
        match got {
            Some(got) if got == *want => {}
            Some(got) => failures.push(format!("expected {want} in {source}, found {got}")),
            None => failures.push(format!(
                "expected {want} in {source}, but the claim is not checked against it"
            )),
        }
    }
    if checked.is_empty() {
        failures.push("no source to check against".to_string());
    }
    (failures.is_empty(), failures)
}

#[cfg(test)]
mod tests;
