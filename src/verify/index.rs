//! An index of each source's facts by kind and normalized key, so that a
//! claim is judged only against the sources that could speak to it.
//!
//! The index never decides a verdict. It answers one question, "could
//! [`matching::judge`](super::matching::judge) find any evidence or candidate
//! for this claim in this source?", conservatively: it says no only when
//! every fact `judge` would look at is certain to be skipped, in which case
//! `judge` would return *not mentioned* with no evidence and no candidates,
//! which is exactly what [`not_mentioned`] returns. Otherwise `judge` runs as
//! before. So verdicts are identical with and without the index (tested in
//! `tests/determinism.rs` on the seeds and on a generated corpus).
//!
//! Keys are 64-bit FNV-1a hashes of the normalized strings `judge` compares
//! for equality (or whose first letter it requires to agree); a collision
//! only makes the index say "maybe", never "no".

use std::collections::HashSet;

use rayon::prelude::*;

use crate::claims::{Aliases, Claim, ClaimKind, ClaimSet, Verdict, normalize_term, singular_of};
use crate::extract::{FactKind, canonical_predicate};

use super::{Analysis, SourceVerdict};

/// The keys of one source's facts, for one claims file (keys depend on its
/// aliases).
#[derive(Debug, Default)]
pub(crate) struct SourceIndex {
    /// `singular_of(canon(counted))` of every quantity.
    counted: HashSet<u64>,
    /// The value of every quantity (bits, with -0 as 0).
    values: HashSet<u64>,
    /// `canon(predicate)` and `canonical_predicate(canon(verb))` of every event.
    events: HashSet<u64>,
    /// First letter of the surname of every person (0 for none).
    surname_initials: HashSet<u32>,
    /// Whether the source has any quote.
    has_quotes: bool,
    /// Normalized word tokens of fact-bearing sentences, when the claims
    /// file has mention or phrase claims.
    words: Option<HashSet<u64>>,
}

/// What a claim needs a source to have before it is worth judging.
#[derive(Debug)]
pub(crate) enum ClaimKey {
    /// A quantity fact counting this thing, or stating this value.
    Quantity { counted: u64, value: u64 },
    /// An event with this canonical predicate.
    Event(u64),
    /// A person whose surname starts with this letter.
    Person(u32),
    /// Any quote.
    Quote,
    /// Every word of one of these needles (normalized words).
    Words(Vec<Vec<u64>>),
    /// Cannot be indexed (a regex, a new kind): always judge.
    Always,
}

/// The indexes of every analysis, in order.
#[derive(Debug)]
pub(crate) struct SetIndex {
    sources: Vec<SourceIndex>,
}

impl SetIndex {
    /// Indexes every analysis for the claims of `set`.
    pub(crate) fn new(set: &ClaimSet, analyses: &[Analysis]) -> SetIndex {
        let want_words = set
            .iter()
            .any(|c| matches!(c.kind, ClaimKind::Mention { .. } | ClaimKind::Phrase { .. }));
        let aliases = set.aliases();
        SetIndex {
            sources: analyses
                .par_iter()
                .map(|a| SourceIndex::new(aliases, a, want_words))
                .collect(),
        }
    }

    /// Whether the claim could find anything in analysis number `i`.
    pub(crate) fn may_match(&self, i: usize, key: &ClaimKey) -> bool {
        self.sources.get(i).is_none_or(|s| s.may_match(key))
    }
}

/// What `judge` returns when no fact speaks to the claim.
pub(crate) fn not_mentioned(a: &Analysis) -> SourceVerdict {
    SourceVerdict {
        source: a.id().clone(),
        verdict: Verdict::NotMentioned,
        evidence: Vec::new(),
        candidates: Vec::new(),
    }
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn value_key(v: f64) -> u64 {
    if v == 0.0 { 0 } else { v.to_bits() }
}

fn counted_key(aliases: &Aliases, counted: &str) -> u64 {
    fnv(&singular_of(&aliases.canon(counted)))
}

fn surname_initial(name: &str) -> u32 {
    normalize_term(name)
        .split(' ')
        .next_back()
        .and_then(|w| w.chars().next())
        .map_or(0, u32::from)
}

impl SourceIndex {
    fn new(aliases: &Aliases, a: &Analysis, want_words: bool) -> SourceIndex {
        let mut ix = SourceIndex::default();
        for f in a.facts.iter() {
            match &f.kind {
                FactKind::Quantity(q) => {
                    if let Some(c) = &q.counted {
                        ix.counted.insert(counted_key(aliases, c));
                    }
                    ix.values.insert(value_key(q.amount.value));
                }
                FactKind::Event(e) => {
                    ix.events.insert(fnv(&aliases.canon(&e.predicate)));
                    if let Some(p) = canonical_predicate(&aliases.canon(&e.verb)) {
                        ix.events.insert(fnv(p));
                    }
                }
                FactKind::Person(p) => {
                    ix.surname_initials.insert(surname_initial(&p.name));
                }
                FactKind::Quote(_) => ix.has_quotes = true,
                _ => {}
            }
        }
        if want_words {
            let mut words = HashSet::new();
            for s in a.text.sentences().iter().filter(|s| s.kind.has_facts()) {
                let sent = a.text.slice(s.span);
                for r in crate::extract::word_spans(sent) {
                    if let Some(w) = sent.get(r) {
                        words.insert(fnv(&normalize_term(w)));
                    }
                }
            }
            ix.words = Some(words);
        }
        ix
    }

    fn may_match(&self, key: &ClaimKey) -> bool {
        match key {
            ClaimKey::Quantity { counted, value } => {
                self.counted.contains(counted) || self.values.contains(value)
            }
            ClaimKey::Event(e) => self.events.contains(e),
            ClaimKey::Person(initial) => self.surname_initials.contains(initial),
            ClaimKey::Quote => self.has_quotes,
            ClaimKey::Words(needles) => match &self.words {
                Some(words) => needles
                    .iter()
                    .any(|n| !n.is_empty() && n.iter().all(|w| words.contains(w))),
                None => true,
            },
            ClaimKey::Always => true,
        }
    }
}

impl ClaimKey {
    /// The key of a claim under the aliases of its file.
    pub(crate) fn of(aliases: &Aliases, claim: &Claim) -> ClaimKey {
        let words = |needle: &str| -> Vec<u64> {
            needle
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(fnv)
                .collect()
        };
        match &claim.kind {
            ClaimKind::Quantity {
                counted, amount, ..
            } => ClaimKey::Quantity {
                counted: counted_key(aliases, counted),
                value: value_key(amount.value),
            },
            ClaimKind::Place { event, .. }
            | ClaimKind::Date { event, .. }
            | ClaimKind::Event { event, .. } => ClaimKey::Event(fnv(&aliases.canon(event))),
            ClaimKind::Role { person, .. } => ClaimKey::Person(surname_initial(person)),
            ClaimKind::Quote { .. } => ClaimKey::Quote,
            ClaimKind::Mention { term } => {
                ClaimKey::Words(aliases.variants(term).iter().map(|v| words(v)).collect())
            }
            ClaimKind::Phrase { text } => ClaimKey::Words(vec![words(&normalize_term(text))]),
            // A regex (or a kind added later): no index, always judge.
            _ => ClaimKey::Always,
        }
    }
}
