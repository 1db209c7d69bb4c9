//! An index of each source's facts by kind and normalized key, so that a
//! claim is judged only against the sources that could speak to it.
//!
//! For fact claims the index never decides a verdict. It answers one
//! question, "could [`matching::judge`](super::matching::judge) find any
//! evidence or candidate for this claim in this source?", conservatively: it
//! says no only when every fact `judge` would look at is certain to be
//! skipped, in which case `judge` would return *not mentioned* with no
//! evidence and no candidates: a silent verdict, which a row does not
//! keep, so the index gives none ([`Lookup::Silent`]). Otherwise `judge`
//! runs as before. Mention and phrase claims are
//! looked up in a word index that gives exactly what `judge`'s word search
//! gives (the first occurrence in text order), without re-tokenizing every
//! sentence for every claim. Verdicts are identical with and without the
//! index (tested in `tests/determinism.rs` on the seeds and on a generated
//! corpus).
//!
//! Keys are 64-bit FNV-1a hashes of the normalized strings `judge` compares
//! for equality (or whose first letter it requires to agree); a collision
//! only makes the index say "maybe", never "no".

use std::borrow::Cow;
use std::collections::HashMap;

use crate::claims::{
    Aliases, Claim, ClaimKind, ClaimSet, Verdict, normalize_term, normalize_term_into, singular_of,
};
use crate::extract::{FactKind, Unit, canonical_predicate};

use super::matching::{base_model, is_designation, stands_for};
use super::{Analysis, Evidence, FactTerms, SourceVerdict};

/// The keys of one source's facts, for one claims file (keys depend on its
/// aliases).
#[derive(Debug, Default)]
pub(crate) struct SourceIndex {
    /// `singular_of(canon(counted))` of every quantity → the indices of the
    /// quantity facts with that key, increasing (as are all lists below).
    counted: HashMap<u64, Vec<u32>, KeyHash>,
    /// The value of every quantity (bits, with -0 as 0) → its facts.
    values: HashMap<u64, Vec<u32>, KeyHash>,
    /// The unit of every quantity that counts nothing and is not a plain
    /// count (money, percentages) → its facts: `judge` may take such a fact
    /// as about the claim's thing when its sentence names it.
    uncounted_units: HashMap<u64, Vec<u32>, KeyHash>,
    /// `canon(predicate)` and `canonical_predicate(canon(verb))` of every
    /// event → the event facts with that key.
    events: HashMap<u64, EventList, KeyHash>,
    /// First letter of the surname of every person (0 for none) → the
    /// person facts with that initial: `judge` compares surnames, and names
    /// with different first letters never match.
    surname_initials: HashMap<u32, Vec<u32>, KeyHash>,
    /// The quote facts.
    quotes: Vec<u32>,
    /// The word tokens of fact-bearing sentences, when the claims file has
    /// mention or phrase claims.
    words: Option<Words>,
}

/// The events of a source under one key of [`SourceIndex::events`].
#[derive(Debug)]
struct EventList {
    /// The predicate the key is the hash of, that of the first event
    /// listed.
    predicate: Box<str>,
    /// Whether an event with another predicate of the same hash is listed
    /// too (a collision: the list then holds events of both).
    mixed: bool,
    /// The indices of the event facts, increasing.
    facts: Vec<u32>,
}

/// Word tokens in text order, as `find_words` in `matching` sees them, with
/// where each normalized word occurs.
///
/// Words are told apart by a 64-bit hash of their normalized form, not
/// stored: a match is confirmed on the text before it is returned, so a
/// collision can never make a false match, only a wasted look.
#[derive(Debug, Default)]
struct Words {
    /// Per token: sentence ordinal, start and end in the normalized text,
    /// word id, and the next token with the same word id (`u32::MAX` for
    /// none).
    tokens: Vec<[u32; 5]>,
    /// Hash of a normalized word → its id.
    ids: HashMap<u64, u32, KeyHash>,
    /// Word id → its first and last tokens.
    ends: Vec<(u32, u32)>,
}

const NONE: u32 = u32::MAX;

impl Words {
    /// Exactly `find_words`: the first place in text order where the words
    /// of `needle` follow each other inside one sentence.
    fn find(&self, needle: &[String], text: &crate::Text) -> Option<crate::Span> {
        let id = |w: &String| self.ids.get(&fnv(w)).copied();
        // Most needles are not in most sources: their first word says so,
        // before anything is collected.
        let first = id(needle.first()?)?;
        let ids: Vec<u32> = std::iter::once(Some(first))
            .chain(needle[1..].iter().map(id))
            .collect::<Option<_>>()?;
        let mut i = self.ends.get(first as usize)?.0;
        let mut word = String::new();
        while i != NONE {
            let at = i as usize;
            i = self.tokens[at][4];
            let Some(last) = self.tokens.get(at + ids.len() - 1) else {
                continue;
            };
            let sentence = self.tokens[at][0];
            let all = ids.iter().zip(needle).enumerate().all(|(k, (&id, w))| {
                self.tokens.get(at + k).is_some_and(|t| {
                    t[0] == sentence && t[3] == id && {
                        // Confirmed on the text: equal hashes are not
                        // equal words.
                        let span = crate::Span::new(t[1] as usize, t[2] as usize);
                        normalize_term_into(text.slice(span), &mut word);
                        word == *w
                    }
                })
            });
            if all {
                return Some(crate::Span::new(
                    self.tokens[at][1] as usize,
                    last[2] as usize,
                ));
            }
        }
        None
    }

    /// Adds a token of sentence `n` at `start..end`, normalized `word`.
    fn push(&mut self, n: usize, start: usize, end: usize, word: &str) {
        // Sources are at most `MAX_SOURCE_BYTES`, far below `u32::MAX`.
        let at = self.tokens.len() as u32;
        let next_id = self.ends.len() as u32;
        let id = *self.ids.entry(fnv(word)).or_insert(next_id);
        if id == next_id {
            self.ends.push((at, at));
        } else {
            let last = self.ends[id as usize].1;
            self.tokens[last as usize][4] = at;
            self.ends[id as usize].1 = at;
        }
        self.tokens
            .push([n as u32, start as u32, end as u32, id, NONE]);
    }
}

/// What a claim needs a source to have before it is worth judging.
#[derive(Debug)]
pub(crate) enum ClaimKey {
    /// A quantity fact counting this thing, or stating this value, or
    /// counting nothing in this unit (when it is not a plain count).
    Quantity {
        counted: u64,
        value: u64,
        unit: Option<u64>,
    },
    /// An event with this canonical predicate (`event`, its hash `key`).
    Event { key: u64, event: String },
    /// A person whose surname starts with this letter.
    Person(u32),
    /// Any quote.
    Quote,
    /// The first of these needles (normalized words) found in the text, as
    /// evidence described by the label (`mention of Rostec`).
    Words(Vec<Vec<String>>, std::sync::Arc<str>),
    /// Cannot be indexed (a regex, a new kind): always judge.
    Always,
}

/// What [`SourceIndex::lookup`] found.
pub(crate) enum Lookup<'a> {
    /// Nothing in the source speaks to the claim: its verdict is a silent
    /// *not mentioned* (no evidence, no candidate), which is never kept,
    /// so none is made.
    Silent,
    /// The verdict, with no judging needed (never a silent one).
    Decided(SourceVerdict),
    /// Judge on these facts (all of them when `None`).
    Judge(Option<Cow<'a, [u32]>>),
    /// Judge on these events: exactly those with the claim's predicate
    /// (see [`super::matching::Looked::Events`]).
    JudgeEvents(&'a [u32]),
}

/// Whether the claims of `set` need the words index (they have mention or
/// phrase claims).
pub(crate) fn wants_words(set: &ClaimSet) -> bool {
    set.iter()
        .any(|c| matches!(c.kind, ClaimKind::Mention { .. } | ClaimKind::Phrase { .. }))
}

impl SourceIndex {
    /// What the index can tell of a claim with `key` in its analysis `a`:
    /// the verdict itself (nothing to judge, or a mention or phrase looked
    /// up in the words), or the facts `judge` must look at (`None`: all).
    pub(crate) fn lookup(&self, key: &ClaimKey, a: &Analysis) -> Lookup<'_> {
        if let (ClaimKey::Words(needles, label), Some(words)) = (key, &self.words) {
            let found = needles.iter().find_map(|n| words.find(n, &a.text));
            return match found {
                Some(span) => Lookup::Decided(SourceVerdict {
                    source: a.id().clone(),
                    verdict: Verdict::Supported,
                    evidence: vec![Evidence::of_span(a, span, label.clone(), None)],
                    candidates: Vec::new(),
                }),
                None => Lookup::Silent,
            };
        }
        if let ClaimKey::Event { key, event } = key {
            return match self.events.get(key) {
                None => Lookup::Silent,
                // The key's own predicate, alone under it: the list is
                // exactly the events `judge` would pick out.
                Some(list) if !list.mixed && *list.predicate == **event => {
                    Lookup::JudgeEvents(&list.facts)
                }
                Some(list) => Lookup::Judge(Some(Cow::Borrowed(&list.facts))),
            };
        }
        match self.facts_for(key) {
            // No fact `judge` would look at: it would say not mentioned,
            // with nothing to show.
            Some(facts) if facts.is_empty() => Lookup::Silent,
            facts => Lookup::Judge(facts),
        }
    }

    /// The facts that a claim with `key` can be about: a superset of those
    /// `judge` looks at, in increasing order. `None` when the key does not
    /// narrow them (mentions, phrases, patterns).
    fn facts_for(&self, key: &ClaimKey) -> Option<Cow<'_, [u32]>> {
        fn list<'m>(map: &'m HashMap<u64, Vec<u32>, KeyHash>, k: &u64) -> &'m [u32] {
            map.get(k).map_or(&[][..], Vec::as_slice)
        }
        match key {
            ClaimKey::Quantity {
                counted,
                value,
                unit,
            } => {
                let lists = [
                    list(&self.counted, counted),
                    list(&self.values, value),
                    unit.as_ref()
                        .map_or(&[][..], |u| list(&self.uncounted_units, u)),
                ];
                let mut found = lists.iter().filter(|l| !l.is_empty());
                // Most sources have no fact under any of the keys, or under
                // one only: a list of the index's own, not a new one.
                match (found.next(), found.next()) {
                    (None, _) => Some(Cow::Borrowed(&[][..])),
                    (Some(&one), None) => Some(Cow::Borrowed(one)),
                    _ => {
                        let mut all = lists.concat();
                        all.sort_unstable();
                        all.dedup();
                        Some(Cow::Owned(all))
                    }
                }
            }
            ClaimKey::Event { key, .. } => Some(Cow::Borrowed(
                self.events.get(key).map_or(&[][..], |l| l.facts.as_slice()),
            )),
            ClaimKey::Person(initial) => Some(Cow::Borrowed(
                self.surname_initials
                    .get(initial)
                    .map_or(&[][..], Vec::as_slice),
            )),
            ClaimKey::Quote => Some(Cow::Borrowed(&self.quotes)),
            ClaimKey::Words(..) | ClaimKey::Always => None,
        }
    }
}

/// Hashes keys that are already hashes ([`fnv`], float bits, code points)
/// with one multiplication instead of SipHash: the index is probed once per
/// claim and source.
#[derive(Debug, Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

type KeyHash = std::hash::BuildHasherDefault<KeyHasher>;

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

/// A key for every unit but a plain count.
fn unit_key(unit: &Unit) -> Option<u64> {
    match unit {
        Unit::Count => None,
        other => Some(fnv(&format!("{other:?}"))),
    }
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
    /// Indexes analysis `a` for a claims file with `aliases`; with the
    /// words index when `want_words`.
    pub(crate) fn new(aliases: &Aliases, a: &Analysis, want_words: bool) -> SourceIndex {
        let mut ix = SourceIndex::default();
        /// Adds fact `i` to the list of `key`, once.
        fn add(map: &mut HashMap<u64, Vec<u32>, KeyHash>, key: u64, i: u32) {
            let list = map.entry(key).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
        /// Adds event `i` to the list of `predicate`, once.
        fn add_event(map: &mut HashMap<u64, EventList, KeyHash>, predicate: &str, i: u32) {
            let list = map.entry(fnv(predicate)).or_insert_with(|| EventList {
                predicate: predicate.into(),
                mixed: false,
                facts: Vec::new(),
            });
            list.mixed |= *list.predicate != *predicate;
            if list.facts.last() != Some(&i) {
                list.facts.push(i);
            }
        }
        for (n, f) in a.facts.iter().enumerate() {
            // Facts are far fewer than `u32::MAX` (sources are at most
            // `MAX_SOURCE_BYTES`).
            let i = n as u32;
            match &f.kind {
                FactKind::Quantity(q) => {
                    if let Some(c) = &q.counted {
                        add(&mut ix.counted, counted_key(aliases, c), i);
                    }
                    // `20 Mi-35 helicopters` counts Mi-35s too (see
                    // `matching::counts_designation`).
                    for d in q.qualifiers.iter().filter(|d| is_designation(d)) {
                        add(&mut ix.counted, counted_key(aliases, d), i);
                        // `Mi-35M` counts Mi-35s too.
                        if let Some(base) = base_model(d) {
                            add(&mut ix.counted, counted_key(aliases, base), i);
                        }
                    }
                    add(&mut ix.values, value_key(q.amount.value), i);
                    if let (None, Some(u)) = (&q.counted, unit_key(&q.amount.unit)) {
                        add(&mut ix.uncounted_units, u, i);
                    }
                }
                FactKind::Event(_) => {
                    // The keys `matching::events` compares, from the same
                    // normalized terms.
                    if let FactTerms::Event(predicate, verb, _) = a.fact_terms(n) {
                        let predicate = aliases.canon_normalized(predicate);
                        add_event(&mut ix.events, predicate, i);
                        if let Some(p) = canonical_predicate(aliases.canon_normalized(verb)) {
                            add_event(&mut ix.events, p, i);
                        }
                        if let (FactKind::Event(e), Some(stood)) = (&f.kind, stands_for(predicate))
                        {
                            if !e.places.is_empty() {
                                add_event(&mut ix.events, stood, i);
                            }
                        }
                    }
                }
                FactKind::Person(p) => {
                    ix.surname_initials
                        .entry(surname_initial(&p.name))
                        .or_default()
                        .push(i);
                }
                FactKind::Quote(_) => ix.quotes.push(i),
                _ => {}
            }
        }
        if want_words {
            // Sized for the text up front (news prose has a word every six
            // bytes or so, a new one every thirty): growing the maps and
            // lists a word at a time rehashed and copied them a dozen times
            // per source.
            let bytes = a.text.as_str().len();
            let mut words = Words {
                tokens: Vec::with_capacity(bytes / 6),
                ids: HashMap::with_capacity_and_hasher(bytes / 30, KeyHash::default()),
                ends: Vec::with_capacity(bytes / 30),
            };
            let mut word = String::new();
            for (n, s) in a
                .text
                .sentences()
                .iter()
                .filter(|s| s.kind.has_facts())
                .enumerate()
            {
                let sent = a.text.slice(s.span);
                for r in super::matching::word_pieces(sent) {
                    if let Some(w) = sent.get(r.clone()) {
                        normalize_term_into(w, &mut word);
                        words.push(n, s.span.start + r.start, s.span.start + r.end, &word);
                    }
                }
            }
            ix.words = Some(words);
        }
        ix
    }
}

/// The keys of one source's index in a few bits per key: what a run with a
/// verdicts cache keeps of a source it judged, so that a later run whose
/// claims were edited can tell, without analysing the source again, that
/// none of the new claims could find anything in it.
///
/// A Bloom filter over the keys [`SourceIndex::lookup`] probes, each tagged
/// with the map it is in: it can say "maybe" for a key the index lacks (one
/// probe in a hundred), never "no" for one it has. Words are in it only when
/// the index had them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct KeyFilter {
    /// Whether the words of the fact-bearing sentences are in the filter.
    words: bool,
    /// The filter, a power of two bits long (at least 64).
    bits: Vec<u64>,
}

/// Tags that keep keys of different maps apart in a [`KeyFilter`].
mod tag {
    pub(super) const COUNTED: u64 = 1;
    pub(super) const VALUE: u64 = 2;
    pub(super) const UNIT: u64 = 3;
    pub(super) const EVENT: u64 = 4;
    pub(super) const INITIAL: u64 = 5;
    pub(super) const QUOTE: u64 = 6;
    pub(super) const WORD: u64 = 7;
}

/// Bits of a [`KeyFilter`] per key, and probes per key: about one false
/// "maybe" in a hundred.
const BITS_PER_KEY: usize = 12;
const PROBES: usize = 3;

impl KeyFilter {
    /// The filter of `index`'s keys.
    pub(crate) fn of(index: &SourceIndex) -> KeyFilter {
        let mut keys: Vec<u64> = Vec::new();
        let mut put = |t: u64, k: u64| keys.push(mix(t, k));
        index.counted.keys().for_each(|&k| put(tag::COUNTED, k));
        index.values.keys().for_each(|&k| put(tag::VALUE, k));
        index
            .uncounted_units
            .keys()
            .for_each(|&k| put(tag::UNIT, k));
        index.events.keys().for_each(|&k| put(tag::EVENT, k));
        index
            .surname_initials
            .keys()
            .for_each(|&k| put(tag::INITIAL, u64::from(k)));
        if !index.quotes.is_empty() {
            put(tag::QUOTE, 0);
        }
        if let Some(words) = &index.words {
            words.ids.keys().for_each(|&k| put(tag::WORD, k));
        }
        let len = (keys.len() * BITS_PER_KEY).next_power_of_two().max(64) / 64;
        let mut filter = KeyFilter {
            words: index.words.is_some(),
            bits: vec![0; len],
        };
        for k in keys {
            for (word, bit) in filter.probes(k) {
                filter.bits[word] |= bit;
            }
        }
        filter
    }

    /// The word and bit of each probe of the tagged key `k`.
    fn probes(&self, k: u64) -> [(usize, u64); PROBES] {
        let mask = (self.bits.len() * 64 - 1) as u64;
        // Double hashing from the two halves of a well-mixed key.
        let (a, b) = (k, (k >> 32) | 1);
        std::array::from_fn(|i| {
            let at = a.wrapping_add((i as u64).wrapping_mul(b)) & mask;
            ((at / 64) as usize, 1 << (at % 64))
        })
    }

    /// Whether the tagged key `k` may be in the filter.
    fn has(&self, t: u64, k: u64) -> bool {
        self.probes(mix(t, k))
            .iter()
            .all(|&(word, bit)| self.bits[word] & bit != 0)
    }

    /// Whether a claim with `key` may find evidence or a candidate in the
    /// source: `false` only when [`SourceIndex::lookup`] would decide it
    /// is not mentioned there, with nothing to show.
    pub(crate) fn may_match(&self, key: &ClaimKey) -> bool {
        match key {
            ClaimKey::Quantity {
                counted,
                value,
                unit,
            } => {
                self.has(tag::COUNTED, *counted)
                    || self.has(tag::VALUE, *value)
                    || unit.is_some_and(|u| self.has(tag::UNIT, u))
            }
            ClaimKey::Event { key, .. } => self.has(tag::EVENT, *key),
            ClaimKey::Person(initial) => self.has(tag::INITIAL, u64::from(*initial)),
            ClaimKey::Quote => self.has(tag::QUOTE, 0),
            ClaimKey::Words(needles, _) => {
                !self.words
                    || needles
                        .iter()
                        .any(|n| n.iter().all(|w| self.has(tag::WORD, fnv(w))))
            }
            ClaimKey::Always => true,
        }
    }

    /// The filter as bytes, for the verdicts cache.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 + self.bits.len() * 8);
        out.push(u8::from(self.words));
        for w in &self.bits {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// A filter from [`to_bytes`](KeyFilter::to_bytes); `None` when the
    /// bytes are not one.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Option<KeyFilter> {
        let (&words, rest) = bytes.split_first()?;
        let chunks = rest.chunks_exact(8);
        let n = chunks.len();
        if words > 1 || !chunks.remainder().is_empty() || !n.is_power_of_two() {
            return None;
        }
        let bits = chunks
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or_default()))
            .collect();
        Some(KeyFilter {
            words: words == 1,
            bits,
        })
    }
}

/// Key `k` of the map tagged `t`, mixed so that every bit depends on every
/// bit of both (the splitmix64 finalizer).
fn mix(t: u64, k: u64) -> u64 {
    let mut z = k ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl ClaimKey {
    /// The key of a claim under the aliases of its file.
    pub(crate) fn of(aliases: &Aliases, claim: &Claim) -> ClaimKey {
        let words = |needle: &str| -> Vec<String> {
            super::matching::phrase_words(needle)
                .map(str::to_string)
                .collect()
        };
        match &claim.kind {
            ClaimKind::Quantity {
                counted, amount, ..
            } => ClaimKey::Quantity {
                counted: counted_key(aliases, counted),
                value: value_key(amount.value),
                unit: unit_key(&amount.unit),
            },
            ClaimKind::Place { event, .. }
            | ClaimKind::Date { event, .. }
            | ClaimKind::Event { event, .. } => {
                // What `matching::judge` compares events with: the same
                // string (`Prepared`), so that an exact list needs no check.
                let event = aliases.canon(event);
                ClaimKey::Event {
                    key: fnv(&event),
                    event,
                }
            }
            ClaimKind::Role { person, .. } => ClaimKey::Person(surname_initial(person)),
            ClaimKind::Quote { .. } => ClaimKey::Quote,
            ClaimKind::Mention { term } => ClaimKey::Words(
                aliases.variants(term).iter().map(|v| words(v)).collect(),
                format!("mention of {term}").into(),
            ),
            ClaimKind::Phrase { text } => ClaimKey::Words(
                vec![words(&normalize_term(text))],
                format!("phrase \"{text}\"").into(),
            ),
            // A regex (or a kind added later): no index, always judge.
            _ => ClaimKey::Always,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::claims::{ClaimSet, Verdict};
    use crate::source::{Published, Source};
    use crate::verify::{Analysis, verify, verify_claim};

    const ARTICLE: &str = "ISLAMABAD: Pakistan signed a defence deal with Russia in Rawalpindi on \
        Wednesday, officials said.\n\nThe United States sold four helicopters to the army.\n\n\
        \"We are no longer a client state,\" said Zafar Hilaly, a former diplomat.\n";

    /// Claim statement → the verdict in ARTICLE; indexed and plain must
    /// agree on everything, evidence and candidates included.
    fn check(statement: &str, want: Verdict) {
        let toml = format!(
            "[aliases]\nagreement = [\"deal\"]\n\"United States\" = [\"US\"]\n\n[claims]\nc = '{statement}'\n"
        );
        let set = ClaimSet::from_toml("t.toml", &toml).expect("claim parses");
        let analyses = vec![
            Analysis::of(&Source::from_string("a", Published::Unknown, ARTICLE)),
            Analysis::of(&Source::from_string(
                "b",
                Published::Unknown,
                "Nothing here at all.\n",
            )),
        ];
        let indexed = verify(&set, &analyses);
        let claim = set.iter().next().expect("one claim");
        let plain = verify_claim(&set, claim, &analyses);
        assert_eq!(
            format!("{:?}", indexed.outcomes[0]),
            format!("{plain:?}"),
            "{statement}: the index changed the outcome"
        );
        let verdicts: Vec<Verdict> = plain.verdicts().map(|v| v.verdict).collect();
        assert_eq!(verdicts[0], want, "{statement} in the article");
        assert_eq!(
            verdicts[1],
            Verdict::NotMentioned,
            "{statement} in the empty source"
        );
    }

    #[test]
    fn indexed_equals_plain() {
        let cases = [
            ("mentions Rawalpindi", Verdict::Supported),
            ("mentions US", Verdict::Supported), // through the alias
            ("mentions Zafar Hilaly", Verdict::Supported),
            ("mentions Hilaly Zafar", Verdict::NotMentioned), // words out of order
            ("mentions Moscow", Verdict::NotMentioned),
            ("contains \"defence deal\"", Verdict::Supported),
            ("contains \"deal defence\"", Verdict::NotMentioned),
            ("contains \"said Zafar\"", Verdict::Supported),
            ("contains \"officials said the\"", Verdict::NotMentioned), // crosses a sentence
            ("helicopter count = 4", Verdict::Supported),
            ("helicopter count = 5", Verdict::Contradicted),
            ("tank count = 4", Verdict::NotMentioned),
            ("signed in Rawalpindi", Verdict::Supported),
            ("signed in Moscow", Verdict::Contradicted),
            ("opened in Moscow", Verdict::NotMentioned),
            ("Zafar Hilaly is a former diplomat", Verdict::Supported),
            ("Nawaz Sharif is Prime Minister", Verdict::NotMentioned),
            ("matches /Rawal[a-z]+/", Verdict::Supported),
            ("matches /Lahore/", Verdict::NotMentioned),
        ];
        for (statement, want) in cases {
            check(statement, want);
        }
    }

    /// A key filter says "maybe" for the key of every claim that has
    /// something in the source, survives its bytes, and refuses bytes that
    /// are not a filter.
    #[test]
    fn key_filters_never_say_no_to_a_claim_with_evidence() {
        use super::{ClaimKey, KeyFilter, SourceIndex};
        let analysis = Analysis::of(&Source::from_string("a", Published::Unknown, ARTICLE));
        let claims = [
            "mentions Rawalpindi",
            "mentions US",
            "contains \"defence deal\"",
            "helicopter count = 4",
            "helicopter count = 5",
            "signed in Moscow",
            "Zafar Hilaly is a former diplomat",
            "Zafar Hilaly said \"client state\"",
        ];
        for words in [true, false] {
            for statement in claims {
                let toml = format!(
                    "[aliases]\n\"United States\" = [\"US\"]\n\n[claims]\nc = '{statement}'\n"
                );
                let set = ClaimSet::from_toml("t.toml", &toml).expect("claim parses");
                let claim = set.iter().next().expect("one claim");
                let index = SourceIndex::new(set.aliases(), &analysis, words);
                let filter = KeyFilter::of(&index);
                let key = ClaimKey::of(set.aliases(), claim);
                assert!(filter.may_match(&key), "{statement} (words: {words})");
                assert_eq!(KeyFilter::from_bytes(&filter.to_bytes()), Some(filter));
            }
        }
        // Keys the source lacks: a filter this small has no false "maybe".
        let set = ClaimSet::from_toml(
            "t.toml",
            "[claims]\nt = 'tank count = 17'\no = 'opened in Moscow'\nm = 'mentions Lahore'\n",
        )
        .expect("claims parse");
        let index = SourceIndex::new(set.aliases(), &analysis, true);
        let filter = KeyFilter::of(&index);
        for claim in set.iter() {
            let key = ClaimKey::of(set.aliases(), claim);
            assert!(!filter.may_match(&key), "{}", claim.id);
        }
        for bytes in [&[][..], &[2, 0, 0, 0, 0, 0, 0, 0, 0], &[1, 0, 0, 0]] {
            assert_eq!(KeyFilter::from_bytes(bytes), None, "{bytes:?}");
        }
    }
}
