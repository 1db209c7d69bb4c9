//! A claims file's verdicts held in memory, compactly, from the time a
//! source is checked until a report asks for a claim's outcome.
//!
//! A thousand claims over a hundred megabytes of articles give millions of
//! verdicts that say something, and millions of pieces of evidence. As
//! [`SourceVerdict`]s they take about 150 bytes each, plus an allocation
//! per list of evidence: gigabytes. Packed, a verdict is a few bytes in its
//! claim's byte string, and a piece of evidence a number or two: the
//! evidence itself (span, position, sentence, fact) is stored once per
//! source however many claims cite it, as an *atom*, and only its note
//! varies from claim to claim.
//!
//! Unpacking gives back the very verdicts packed ([`Packed::unpack`]), so a
//! report written from packed outcomes is byte-identical to one written
//! from outcomes kept whole. It is not free: each piece of evidence
//! unpacked clones its sentence and fact (shared strings, so an atomic
//! increment on memory that is rarely in cache), and packing hashes it.
//! A run therefore packs only once it holds millions of verdicts
//! ([`super::Kept::pack`], called by `check` with `Keep::Packed`).

use std::collections::HashMap;
use std::sync::Arc;

use crate::claims::Verdict;
use crate::extract::FxBuild;
use crate::span::{LineCol, SourceId, Span};

use super::{Evidence, SourceVerdict};

/// The verdicts of some claims, packed.
#[derive(Debug, Default, Clone)]
pub(crate) struct Packed {
    /// Per claim, its verdicts in the order packed, each as varints: its
    /// source's place (after the last one's), the first atom of its source
    /// (after the last one's), the verdict and number of pieces of
    /// evidence, the number of candidates, then for each piece its atom
    /// (from the source's first) and note (0 for none, else its number + 1).
    claims: Vec<Vec<u8>>,
    /// Per claim, the place after that of its last verdict and the first
    /// atom of that verdict's source: what the next verdict is packed from.
    last: Vec<(u32, u32)>,
    /// Per claim, how many verdicts.
    said: Vec<u32>,
    /// Every distinct piece of evidence of every source, source after
    /// source.
    atoms: Vec<Atom>,
    /// The first atom of the source being packed.
    base: u32,
    /// The atoms of the source being packed, by what tells them apart.
    this_source: HashMap<AtomKey, u32, FxBuild>,
    /// Every distinct note, numbered.
    notes: Vec<Arc<str>>,
    note_numbers: HashMap<Arc<str>, u32, FxBuild>,
}

/// One piece of evidence, without its note.
#[derive(Debug, Clone)]
struct Atom {
    span: Span,
    pos: LineCol,
    sentence: Arc<str>,
    fact: Arc<str>,
}

/// An atom's span and position, and the addresses of its shared strings:
/// within a source, two pieces of evidence with the same key are the same.
type AtomKey = (usize, usize, usize, usize, usize, usize);

impl Packed {
    /// No verdicts yet for `claims` claims.
    pub(crate) fn new(claims: usize) -> Packed {
        Packed {
            claims: vec![Vec::new(); claims],
            last: vec![(0, 0); claims],
            said: vec![0; claims],
            ..Packed::default()
        }
    }

    /// How many verdicts are held, for all claims.
    pub(crate) fn held(&self) -> usize {
        self.said.iter().map(|&n| n as usize).sum()
    }

    /// How many verdicts claim `k` has.
    pub(crate) fn said(&self, k: usize) -> usize {
        self.said[k] as usize
    }

    /// Starts the verdicts of another source: those [`push`](Packed::push)ed
    /// from now on are of that source.
    pub(crate) fn start_source(&mut self) {
        self.base = to_u32(self.atoms.len());
        self.this_source.clear();
    }

    /// Packs verdict `v` of claim `k` on the source being packed, the
    /// source at place `at` among those the claim is checked against
    /// (after the place of the claim's last verdict).
    pub(crate) fn push(&mut self, k: usize, at: u32, v: &SourceVerdict) {
        let (next, base) = self.last[k];
        let mut bytes = std::mem::take(&mut self.claims[k]);
        put(&mut bytes, at.wrapping_sub(next));
        put(&mut bytes, self.base.wrapping_sub(base));
        let verdict = match v.verdict {
            Verdict::Supported => 0,
            Verdict::Contradicted => 1,
            Verdict::NotMentioned => 2,
        };
        put(&mut bytes, (to_u32(v.evidence.len()) << 2) | verdict);
        put(&mut bytes, to_u32(v.candidates.len()));
        for e in v.evidence.iter().chain(&v.candidates) {
            let atom = self.atom(e);
            put(&mut bytes, atom - self.base);
            let note = e.note.as_ref().map_or(0, |n| self.note(n) + 1);
            put(&mut bytes, note);
        }
        self.claims[k] = bytes;
        self.last[k] = (at.wrapping_add(1), self.base);
        self.said[k] += 1;
    }

    /// The number of the atom of `e`, a piece of evidence of the source
    /// being packed.
    fn atom(&mut self, e: &Evidence) -> u32 {
        let key = (
            e.span.start,
            e.span.end,
            e.pos.line,
            e.pos.col,
            Arc::as_ptr(&e.sentence).cast::<u8>() as usize,
            Arc::as_ptr(&e.fact).cast::<u8>() as usize,
        );
        let atoms = &mut self.atoms;
        *self.this_source.entry(key).or_insert_with(|| {
            atoms.push(Atom {
                span: e.span,
                pos: e.pos,
                sentence: Arc::clone(&e.sentence),
                fact: Arc::clone(&e.fact),
            });
            to_u32(atoms.len() - 1)
        })
    }

    /// The number of note `n`.
    fn note(&mut self, n: &Arc<str>) -> u32 {
        if let Some(&i) = self.note_numbers.get(n) {
            return i;
        }
        let i = to_u32(self.notes.len());
        self.notes.push(Arc::clone(n));
        self.note_numbers.insert(Arc::clone(n), i);
        i
    }

    /// The verdicts of claim `k` as packed, each with its source's place
    /// among `checked` (the sources the claim is checked against) and its
    /// source from there.
    ///
    /// # Panics
    ///
    /// Never on bytes [`push`](Packed::push) wrote with places within
    /// `checked`.
    pub(crate) fn unpack(&self, k: usize, checked: &[SourceId]) -> (Vec<u32>, Vec<SourceVerdict>) {
        self.unpack_with(k, checked, true)
    }

    /// [`unpack`](Packed::unpack) without the evidence: each verdict and
    /// its source only, what tells whether the claim holds.
    pub(crate) fn unpack_verdicts(
        &self,
        k: usize,
        checked: &[SourceId],
    ) -> (Vec<u32>, Vec<SourceVerdict>) {
        self.unpack_with(k, checked, false)
    }

    fn unpack_with(
        &self,
        k: usize,
        checked: &[SourceId],
        with_evidence: bool,
    ) -> (Vec<u32>, Vec<SourceVerdict>) {
        let n = self.said(k);
        let (mut at, mut said) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut r = Reader(&self.claims[k]);
        let (mut next, mut base) = (0u32, 0u32);
        for _ in 0..n {
            let place = next.wrapping_add(r.get());
            base = base.wrapping_add(r.get());
            let head = r.get();
            let candidates = r.get();
            let mut evidence = |n: u32| -> Vec<Evidence> {
                if !with_evidence {
                    (0..2 * n).for_each(|_| {
                        r.get();
                    });
                    return Vec::new();
                }
                (0..n)
                    .map(|_| {
                        let atom = &self.atoms[(base + r.get()) as usize];
                        let note = r.get();
                        Evidence {
                            span: atom.span,
                            pos: atom.pos,
                            sentence: Arc::clone(&atom.sentence),
                            fact: Arc::clone(&atom.fact),
                            note: note
                                .checked_sub(1)
                                .map(|i| Arc::clone(&self.notes[i as usize])),
                        }
                    })
                    .collect()
            };
            let verdict = match head & 3 {
                0 => Verdict::Supported,
                1 => Verdict::Contradicted,
                _ => Verdict::NotMentioned,
            };
            let evidence_list = evidence(head >> 2);
            let candidates = evidence(candidates);
            said.push(SourceVerdict {
                source: checked[place as usize].clone(),
                verdict,
                evidence: evidence_list,
                candidates,
            });
            at.push(place);
            next = place.wrapping_add(1);
        }
        (at, said)
    }

    /// Drops every verdict held, as [`new`](Packed::new) for as many
    /// claims.
    pub(crate) fn clear(&mut self) {
        *self = Packed::new(self.claims.len());
    }

    /// Gives back memory grown but not used.
    pub(crate) fn shrink(&mut self) {
        self.claims.iter_mut().for_each(Vec::shrink_to_fit);
        self.atoms.shrink_to_fit();
        self.this_source = HashMap::default();
    }
}

/// `n` as a `u32`: every count and number packed is one (a run has fewer
/// than four billion sources, atoms, notes or pieces of evidence).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Appends `n` as a varint: seven bits a byte, low bits first.
fn put(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads back what [`put`] wrote.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn get(&mut self) -> u32 {
        let mut n = 0u32;
        let mut shift = 0;
        while let Some((&b, rest)) = self.0.split_first() {
            self.0 = rest;
            n |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::Packed;
    use crate::claims::Verdict;
    use crate::span::{LineCol, SourceId, Span};
    use crate::verify::{Evidence, SourceVerdict};

    fn evidence(sentence: &Arc<str>, fact: &Arc<str>, at: usize, note: Option<&str>) -> Evidence {
        Evidence {
            span: Span::new(at, at + 3),
            pos: LineCol {
                line: 1,
                col: at + 1,
            },
            sentence: Arc::clone(sentence),
            fact: Arc::clone(fact),
            note: note.map(Arc::from),
        }
    }

    /// Verdicts of many claims on many sources, with evidence shared
    /// between claims, candidates, notes and large places, unpack to what
    /// was packed, each claim's in order.
    #[test]
    fn verdicts_unpack_as_packed() {
        let sources: Vec<SourceId> = (0..300).map(|i| SourceId::new(format!("s{i}"))).collect();
        let claims = 5;
        let mut packed = Packed::new(claims);
        let mut want: Vec<(Vec<u32>, Vec<SourceVerdict>)> = vec![Default::default(); claims];
        for (i, source) in sources.iter().enumerate() {
            packed.start_source();
            let sentence: Arc<str> = Arc::from(format!("Sentence of {source}."));
            let facts: Vec<Arc<str>> = (0..200).map(|f| Arc::from(format!("fact {f}"))).collect();
            for k in 0..claims {
                // Claim k says something about every (k + 1)th source.
                if i % (k + 1) != 0 {
                    continue;
                }
                let n = (i + k) % 4;
                let v = SourceVerdict {
                    source: source.clone(),
                    verdict: [
                        Verdict::Supported,
                        Verdict::Contradicted,
                        Verdict::NotMentioned,
                    ][(i + k) % 3],
                    evidence: (0..n)
                        .map(|e| {
                            let f = (i * 7 + e * 61) % 200;
                            evidence(&sentence, &facts[f], f * 3, (e == 1).then_some("why"))
                        })
                        .collect(),
                    candidates: (0..(k % 2))
                        .map(|_| evidence(&sentence, &facts[199], 1000, Some("near")))
                        .collect(),
                };
                let at = u32::try_from(i).expect("small");
                packed.push(k, at, &v);
                want[k].0.push(at);
                want[k].1.push(v);
            }
        }
        assert_eq!(packed.held(), want.iter().map(|w| w.1.len()).sum::<usize>());
        for (k, want) in want.iter().enumerate() {
            assert_eq!(packed.said(k), want.1.len());
            assert_eq!(&packed.unpack(k, &sources), want, "claim {k}");
            let (at, said) = packed.unpack_verdicts(k, &sources);
            assert_eq!(at, want.0);
            let bare = |v: &SourceVerdict| (v.source.clone(), v.verdict);
            assert!(
                said.iter()
                    .all(|v| v.evidence.is_empty() && v.candidates.is_empty())
            );
            assert!(
                said.iter().map(bare).eq(want.1.iter().map(bare)),
                "claim {k}"
            );
        }
        packed.clear();
        assert_eq!(packed.held(), 0);
        assert!(packed.unpack(0, &sources).1.is_empty());
    }

    /// Evidence citing the same fact in the same sentence is stored once
    /// per source, whatever the number of claims citing it.
    #[test]
    fn evidence_cited_by_many_claims_is_stored_once() {
        let source = SourceId::new("a");
        let sentence: Arc<str> = Arc::from("Four helicopters.");
        let fact: Arc<str> = Arc::from("4 helicopter");
        let mut packed = Packed::new(100);
        packed.start_source();
        for k in 0..100 {
            let v = SourceVerdict {
                source: source.clone(),
                verdict: Verdict::Supported,
                evidence: vec![evidence(&sentence, &fact, 0, None)],
                candidates: Vec::new(),
            };
            packed.push(k, 0, &v);
        }
        assert_eq!(packed.atoms.len(), 1);
        assert!(
            packed.claims.iter().all(|c| c.len() == 6),
            "{:?}",
            packed.claims[0]
        );
    }
}
