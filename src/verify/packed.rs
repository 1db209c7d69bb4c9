//! A claims file's verdicts held in memory, compactly, from the time a
//! source is checked until a report asks for a claim's outcome.
//!
//! A thousand claims over a hundred megabytes of articles give millions of
//! verdicts that say something, and millions of pieces of evidence. As
//! [`SourceVerdict`]s they take about 150 bytes each, plus an allocation
//! per list of evidence: gigabytes. Packed, a verdict is a few bytes in its
//! claim's byte string, and a piece of evidence a number or two: the
//! evidence itself (span, position, sentence, fact) is stored once per
//! source however many claims cite it, as an *atom* of 24 bytes, and only
//! its note varies from claim to claim. The sentences and fact
//! descriptions atoms cite are copied into one table of strings, each
//! distinct string once for the whole run (generated and wire-copied
//! articles repeat many sentences), in blocks of a megabyte: nothing of a
//! source's analysis is kept once it is checked. 1,000 claims over 100 MB
//! of articles: 6.8 million verdicts in 35.9 MB of bytes, 0.93 million
//! atoms (22.4 MB), 0.31 million strings (31.3 MB with their lengths,
//! their index about 4.5 MB while packing).
//!
//! Nothing held is ever copied to grow or shrink it, and little memory is
//! freed while packing: atoms and strings are kept in blocks, and a
//! claim's bytes in chunks that are never grown, all of one size past the
//! first few (a thousand vectors grown by turns left freed memory of every
//! size behind: 30 MB more at the peak). Packing every verdict from a
//! run's start then costs no more than keeping it whole (hashing the
//! pieces of evidence of a source, and each new string once), and that
//! run peaks at 1.6 times the size of its articles (0.16 GB), the packed
//! tables most of it.
//!
//! Reports read a claim's verdicts straight from the packed bytes
//! ([`Packed::verdicts`], through [`super::ClaimView`]): each piece of
//! evidence is borrowed (`&str`s into the tables), nothing is allocated or
//! shared. [`Packed::unpack`] gives back the very verdicts packed, for
//! callers that want [`SourceVerdict`]s; either way a report written from
//! packed outcomes is byte-identical to one written from outcomes kept
//! whole.

use std::collections::HashMap;
use std::sync::Arc;

use crate::claims::Verdict;
use crate::extract::FxBuild;
use crate::span::{LineCol, SourceId, Span};

use super::{Evidence, EvidenceRef, SourceVerdict};

/// The verdicts of some claims, packed.
#[derive(Default, Clone)]
pub(crate) struct Packed {
    /// Per claim, its verdicts.
    claims: Vec<ClaimBytes>,
    /// Every distinct piece of evidence of every source, source after
    /// source.
    atoms: Atoms,
    /// The first atom of the source being packed.
    base: u32,
    /// The first atom of each source, in the order packed.
    sources: Vec<u32>,
    /// The atoms of the source being packed, by what tells them apart.
    this_source: HashMap<AtomKey, u32, FxBuild>,
    /// The strings of the source being packed, by address and length,
    /// with where they are in `strings`; `alive` keeps each of them, so
    /// that no address is that of another string while the source is
    /// packed.
    this_source_strings: HashMap<(usize, usize), StrRef, FxBuild>,
    alive: Vec<Arc<str>>,
    /// Every sentence and fact description atoms cite.
    strings: Strings,
    /// Every distinct note, numbered.
    notes: Vec<Arc<str>>,
    /// The number of a note by its hash ([`hash_str`]; a note whose hash
    /// is that of another is numbered apart, not listed here).
    note_numbers: HashMap<u64, u32, FxBuild>,
}

impl std::fmt::Debug for Packed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Not the bytes: millions of them on an archive run.
        f.debug_struct("Packed")
            .field("claims", &self.claims.len())
            .field("verdicts", &self.held())
            .field(
                "verdict_bytes",
                &self.claims.iter().map(ClaimBytes::len).sum::<usize>(),
            )
            .field(
                "verdict_capacity",
                &self
                    .claims
                    .iter()
                    .flat_map(|c| &c.chunks)
                    .map(Vec::capacity)
                    .sum::<usize>(),
            )
            .field("string_map_capacity", &self.strings.numbers.capacity())
            .field("string_map_len", &self.strings.numbers.len())
            .field("string_blocks", &self.strings.blocks.len())
            .field("atoms", &self.atoms.len())
            .field("strings", &self.strings.numbers.len())
            .field("string_bytes", &self.strings.bytes())
            .field("notes", &self.notes.len())
            .finish()
    }
}

/// Atoms, numbered in the order pushed, in blocks of [`ATOM_BLOCK`] (a
/// vector of them all would be copied each time it grows, and hold up to
/// twice what it needs).
#[derive(Debug, Default, Clone)]
struct Atoms {
    blocks: Vec<Vec<Atom>>,
}

/// Atoms are stored this many to a block (512 KB).
const ATOM_BLOCK: usize = 1 << 14;

impl Atoms {
    /// How many atoms, and the number of the next.
    fn len(&self) -> u32 {
        let full = self.blocks.len().saturating_sub(1) * ATOM_BLOCK;
        to_u32(full + self.blocks.last().map_or(0, Vec::len))
    }

    /// Adds `atom`, giving its number.
    fn push(&mut self, atom: Atom) -> u32 {
        let n = self.len();
        match self.blocks.last_mut() {
            Some(block) if block.len() < ATOM_BLOCK => block.push(atom),
            _ => {
                let mut block = Vec::with_capacity(ATOM_BLOCK);
                block.push(atom);
                self.blocks.push(block);
            }
        }
        n
    }

    /// Atom number `n`.
    fn get(&self, n: u32) -> Atom {
        let n = n as usize;
        self.blocks[n / ATOM_BLOCK][n % ATOM_BLOCK]
    }
}

/// One claim's verdicts, packed.
#[derive(Debug, Default, Clone)]
struct ClaimBytes {
    /// Its verdicts in the order packed, each as varints: its source's
    /// place among those the claim is checked against (after the last
    /// one's); for a claim that names its sources only, the source's
    /// number among all (after the last one's: for the others it is the
    /// place); the number of pieces of evidence, whether there are
    /// candidates and the verdict (`n << 3 | c << 2 | v`); the number of
    /// candidates if there are; then for each piece its atom (from the
    /// source's first) and note (0 for none, else its number + 1).
    ///
    /// In chunks, each verdict whole in one: a chunk is never grown, so
    /// nothing is copied, and chunks past the first few are all of
    /// [`CHUNK`] bytes, which the allocator hands out again as they are
    /// (growing a thousand vectors by turns would leave freed memory of
    /// every size behind).
    chunks: Vec<Vec<u8>>,
    /// Whether the claim names its sources.
    named: bool,
    /// The place after that of its last verdict, and the number of the
    /// source after that verdict's: what the next verdict is packed
    /// from.
    next: u32,
    next_source: u32,
    /// How many verdicts.
    said: u32,
}

/// A claim's first chunk of verdicts takes 64 bytes, each next one four
/// times as many up to this (a claim that says little takes little).
const CHUNK: usize = 4096;

/// The chunk of `chunks` to write a verdict of at most `most` bytes in:
/// the last, or a new one when it has no room for them.
fn room(chunks: &mut Vec<Vec<u8>>, most: usize) -> &mut Vec<u8> {
    if chunks.last().is_none_or(|c| c.capacity() - c.len() < most) {
        let size = (64 << (2 * chunks.len().min(3))).min(CHUNK);
        chunks.push(Vec::with_capacity(size.max(most)));
    }
    let n = chunks.len() - 1;
    &mut chunks[n]
}

impl ClaimBytes {
    /// How many bytes its verdicts take.
    fn len(&self) -> usize {
        self.chunks.iter().map(Vec::len).sum()
    }
}

/// One piece of evidence, without its note, in 24 bytes: span, position
/// and where its sentence and fact are in [`Packed::strings`] (there, not a number
/// looked up in a table: a report reads millions of them, each from
/// memory no cache holds). Every number fits in 32 bits: sources are at
/// most [`crate::source::MAX_SOURCE_BYTES`] long.
#[derive(Debug, Clone, Copy)]
struct Atom {
    start: u32,
    end: u32,
    line: u32,
    col: u32,
    sentence: StrRef,
    fact: StrRef,
}

/// Where a string is in [`Strings`]: below [`APART`], its offset in the
/// blocks (the block's number times [`STRING_BLOCK`], plus its start
/// there), where its length comes first; from [`APART`] on, its number
/// among the strings kept apart. Four bytes, so that an atom takes 24.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct StrRef(u32);

/// The first reference to a string kept apart: blocks address the two
/// gigabytes below.
const APART: u32 = 1 << 31;

/// An atom's span and position, and the addresses of its shared strings:
/// within a source, two pieces of evidence with the same key are the same.
type AtomKey = (usize, usize, usize, usize, usize, usize);

/// Strings stored once each: in blocks of [`STRING_BLOCK`] bytes (no
/// block is ever grown, so none is copied), each after its length; a
/// string longer than a block, or met once the blocks' two gigabytes are
/// full, is kept apart.
#[derive(Debug, Clone)]
struct Strings {
    blocks: Vec<String>,
    apart: Vec<Box<str>>,
    /// How many blocks there may be (the blocks' address space: less in
    /// tests).
    most_blocks: usize,
    /// Where a string is, by its hash (a string whose hash is that of
    /// another is stored apart, not listed here). Keys of 32 bits: the
    /// strings are compared anyway, and the index takes half the memory.
    numbers: HashMap<u32, StrRef, FxBuild>,
}

impl Default for Strings {
    fn default() -> Strings {
        Strings {
            blocks: Vec::new(),
            apart: Vec::new(),
            most_blocks: (APART as usize) / STRING_BLOCK,
            numbers: HashMap::default(),
        }
    }
}

/// Strings are stored in blocks of this many bytes.
const STRING_BLOCK: usize = 1 << 20;

impl Strings {
    /// Where `s` is: where the same string was stored before, else where
    /// it is stored now.
    fn store(&mut self, s: &str) -> StrRef {
        // The low half of the hash: the high half is folded into it.
        let hash = hash_str(s) as u32;
        match self.numbers.get(&hash) {
            Some(&at) if self.get(at) == s => at,
            Some(_) => self.push(s),
            None => {
                let at = self.push(s);
                self.numbers.insert(hash, at);
                at
            }
        }
    }

    fn push(&mut self, s: &str) -> StrRef {
        let mut len = [0; 4];
        let len = put_ascii(&mut len, s.len().min(STRING_BLOCK));
        let need = len.len() + s.len();
        let fits = self
            .blocks
            .last()
            .is_some_and(|b| b.len() + need <= STRING_BLOCK);
        if !fits && (need > STRING_BLOCK || self.blocks.len() == self.most_blocks) {
            self.apart.push(s.into());
            return StrRef(APART + to_u32(self.apart.len() - 1));
        }
        if !fits {
            self.blocks.push(String::with_capacity(STRING_BLOCK));
        }
        let n = self.blocks.len() - 1;
        let block = &mut self.blocks[n];
        let start = block.len();
        block.push_str(len);
        block.push_str(s);
        StrRef(to_u32(n * STRING_BLOCK + start))
    }

    /// The string at `at`.
    fn get(&self, at: StrRef) -> &str {
        if at.0 >= APART {
            return &self.apart[(at.0 - APART) as usize];
        }
        let at = at.0 as usize;
        let block = &self.blocks[at / STRING_BLOCK];
        let start = at % STRING_BLOCK;
        let (len, skip) = get_ascii(&block.as_bytes()[start..]);
        &block[start + skip..start + skip + len]
    }

    /// How many bytes the strings take (their lengths included).
    fn bytes(&self) -> usize {
        self.blocks.iter().map(String::len).sum::<usize>()
            + self.apart.iter().map(|s| s.len()).sum::<usize>()
    }
}

/// Writes `n`, at most [`STRING_BLOCK`], into `out` in ASCII, so that a
/// block stays a `String`: six bits a byte, low bits first, `0x40` on
/// every byte but the last.
fn put_ascii(out: &mut [u8; 4], mut n: usize) -> &str {
    let mut i = 0;
    while n >= 0x40 && i < 3 {
        out[i] = (n & 0x3f) as u8 | 0x40;
        n >>= 6;
        i += 1;
    }
    out[i] = n as u8 & 0x3f;
    // Every byte is below 0x80.
    std::str::from_utf8(&out[..=i]).unwrap_or_default()
}

/// Reads what [`put_ascii`] wrote at the start of `bytes`: the number and
/// how many bytes it took.
fn get_ascii(bytes: &[u8]) -> (usize, usize) {
    let mut n = 0;
    for (i, &b) in bytes.iter().enumerate().take(4) {
        n |= usize::from(b & 0x3f) << (6 * i);
        if b & 0x40 == 0 {
            return (n, i + 1);
        }
    }
    (n, bytes.len().min(4))
}

impl Packed {
    /// No verdicts yet for `claims` claims.
    /// No verdicts yet for claims that each name their sources (`true`)
    /// or not: those that do not are checked against every source, so
    /// that their verdicts' places are their sources' numbers.
    pub(crate) fn new(named: impl IntoIterator<Item = bool>) -> Packed {
        Packed {
            claims: named
                .into_iter()
                .map(|named| ClaimBytes {
                    named,
                    ..ClaimBytes::default()
                })
                .collect(),
            ..Packed::default()
        }
    }

    /// How many verdicts are held, for all claims.
    pub(crate) fn held(&self) -> usize {
        self.claims.iter().map(|c| c.said as usize).sum()
    }

    /// How many verdicts claim `k` has.
    pub(crate) fn said(&self, k: usize) -> usize {
        self.claims[k].said as usize
    }

    /// Starts the verdicts of another source: those [`push`](Packed::push)ed
    /// from now on are of that source.
    pub(crate) fn start_source(&mut self) {
        self.base = self.atoms.len();
        self.sources.push(self.base);
        self.this_source.clear();
        self.this_source_strings.clear();
        self.alive.clear();
    }

    /// Packs verdict `v` of claim `k` on the source being packed, the
    /// source at place `at` among those the claim is checked against
    /// (after the place of the claim's last verdict).
    pub(crate) fn push(&mut self, k: usize, at: u32, v: &SourceVerdict) {
        let mut claim = std::mem::take(&mut self.claims[k]);
        let most = 4 * 5 + (v.evidence.len() + v.candidates.len()) * 2 * 5;
        let bytes = room(&mut claim.chunks, most);
        put(bytes, at.wrapping_sub(claim.next));
        let source = to_u32(self.sources.len()).wrapping_sub(1);
        if claim.named {
            put(bytes, source.wrapping_sub(claim.next_source));
        }
        let verdict = match v.verdict {
            Verdict::Supported => 0,
            Verdict::Contradicted => 1,
            Verdict::NotMentioned => 2,
        };
        let candidates = to_u32(v.candidates.len());
        put(
            bytes,
            (to_u32(v.evidence.len()) << 3) | (u32::from(candidates > 0) << 2) | verdict,
        );
        if candidates > 0 {
            put(bytes, candidates);
        }
        for e in v.evidence.iter().chain(&v.candidates) {
            let atom = self.atom(e);
            put(bytes, atom - self.base);
            let note = e.note.as_ref().map_or(0, |n| self.note(n) + 1);
            put(bytes, note);
        }
        claim.next = at.wrapping_add(1);
        claim.next_source = source.wrapping_add(1);
        claim.said += 1;
        self.claims[k] = claim;
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
        if let Some(&atom) = self.this_source.get(&key) {
            return atom;
        }
        let atom = Atom {
            start: to_u32(e.span.start),
            end: to_u32(e.span.end),
            line: to_u32(e.pos.line),
            col: to_u32(e.pos.col),
            sentence: self.string(&e.sentence),
            fact: self.string(&e.fact),
        };
        let n = self.atoms.push(atom);
        self.this_source.insert(key, n);
        n
    }

    /// Where `s`, a string of the source being packed, is stored.
    fn string(&mut self, s: &Arc<str>) -> StrRef {
        let key = (Arc::as_ptr(s).cast::<u8>() as usize, s.len());
        if let Some(&at) = self.this_source_strings.get(&key) {
            return at;
        }
        let at = self.strings.store(s);
        self.this_source_strings.insert(key, at);
        self.alive.push(Arc::clone(s));
        at
    }

    /// The number of note `n`.
    fn note(&mut self, n: &Arc<str>) -> u32 {
        let hash = hash_str(n);
        match self.note_numbers.get(&hash) {
            Some(&i) if self.notes[i as usize] == *n => i,
            known => {
                let i = to_u32(self.notes.len());
                self.notes.push(Arc::clone(n));
                if known.is_none() {
                    self.note_numbers.insert(hash, i);
                }
                i
            }
        }
    }

    /// The verdicts of claim `k`, read from their bytes in order, each
    /// with its source's place among those the claim is checked against.
    pub(crate) fn verdicts(&self, k: usize) -> PackedVerdicts<'_> {
        PackedVerdicts {
            packed: self,
            chunks: &self.claims[k].chunks,
            r: Reader(&[]),
            named: self.claims[k].named,
            left: self.claims[k].said,
            next: 0,
            next_source: 0,
        }
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
        // Each string made once per claim, shared by the evidence citing
        // it, as it was when packed.
        let mut made: HashMap<StrRef, Arc<str>, FxBuild> = HashMap::default();
        let mut evidence = |mut list: PackedEvidence<'_>| -> Vec<Evidence> {
            let mut out = Vec::with_capacity(list.left as usize);
            while let Some((atom, note)) = list.next_atom() {
                let mut shared = |at: StrRef| {
                    let s = made
                        .entry(at)
                        .or_insert_with(|| Arc::from(self.strings.get(at)));
                    Arc::clone(s)
                };
                out.push(Evidence {
                    span: atom.span(),
                    pos: atom.pos(),
                    sentence: shared(atom.sentence),
                    fact: shared(atom.fact),
                    note: note
                        .checked_sub(1)
                        .map(|n| Arc::clone(&self.notes[n as usize])),
                });
            }
            out
        };
        self.verdicts(k)
            .map(|v| {
                let verdict = SourceVerdict {
                    source: checked[v.place as usize].clone(),
                    verdict: v.verdict,
                    evidence: evidence(v.evidence),
                    candidates: evidence(v.candidates),
                };
                (v.place, verdict)
            })
            .unzip()
    }

    /// Drops every verdict held, as [`new`](Packed::new) for as many
    /// claims.
    pub(crate) fn clear(&mut self) {
        *self = Packed::new(self.claims.iter().map(|c| c.named));
    }

    /// Drops what only packing needs. Nothing held is shrunk: the copies
    /// would need as much memory again, and the memory of the originals
    /// stays with the allocator.
    pub(crate) fn seal(&mut self) {
        self.this_source = HashMap::default();
        self.this_source_strings = HashMap::default();
        self.alive = Vec::new();
        self.strings.numbers = HashMap::default();
    }
}

impl Atom {
    fn span(&self) -> Span {
        Span {
            start: self.start as usize,
            end: self.end as usize,
        }
    }

    fn pos(&self) -> LineCol {
        LineCol {
            line: self.line as usize,
            col: self.col as usize,
        }
    }
}

/// The iterator of [`Packed::verdicts`].
#[derive(Clone)]
pub(crate) struct PackedVerdicts<'a> {
    packed: &'a Packed,
    /// The claim's chunks not yet read, and what is left of the one read.
    chunks: &'a [Vec<u8>],
    r: Reader<'a>,
    /// How many verdicts are left to read.
    left: u32,
    named: bool,
    /// The place after the last verdict's, and the number of the source
    /// after its.
    next: u32,
    next_source: u32,
}

/// One verdict read by [`PackedVerdicts`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct PackedVerdict<'a> {
    /// Its source's place among those the claim is checked against.
    pub(crate) place: u32,
    pub(crate) verdict: Verdict,
    pub(crate) evidence: PackedEvidence<'a>,
    pub(crate) candidates: PackedEvidence<'a>,
}

impl<'a> Iterator for PackedVerdicts<'a> {
    type Item = PackedVerdict<'a>;

    fn next(&mut self) -> Option<PackedVerdict<'a>> {
        self.left = self.left.checked_sub(1)?;
        // A verdict is whole in one chunk: the next starts where this one
        // ends, or in the next chunk.
        while self.r.0.is_empty() {
            let (first, rest) = self.chunks.split_first()?;
            (self.r, self.chunks) = (Reader(first), rest);
        }
        let place = self.next.wrapping_add(self.r.get());
        let source = if self.named {
            self.next_source.wrapping_add(self.r.get())
        } else {
            place
        };
        let base = self.packed.sources[source as usize];
        let head = self.r.get();
        let candidates = if head & 4 != 0 { self.r.get() } else { 0 };
        let mut list = |n: u32| {
            let list = PackedEvidence {
                packed: self.packed,
                r: self.r,
                left: n,
                base,
            };
            // Two varints a piece: its atom and its note.
            self.r.skip(2 * n);
            list
        };
        let evidence = list(head >> 3);
        let candidates = list(candidates);
        self.next = place.wrapping_add(1);
        self.next_source = source.wrapping_add(1);
        Some(PackedVerdict {
            place,
            verdict: match head & 3 {
                0 => Verdict::Supported,
                1 => Verdict::Contradicted,
                _ => Verdict::NotMentioned,
            },
            evidence,
            candidates,
        })
    }
}

impl std::fmt::Debug for PackedVerdicts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackedVerdicts")
            .field("left", &self.left)
            .finish_non_exhaustive()
    }
}

/// The evidence (or candidates) of one packed verdict, borrowed from the
/// tables as it is read.
#[derive(Clone, Copy)]
pub(crate) struct PackedEvidence<'a> {
    packed: &'a Packed,
    r: Reader<'a>,
    /// How many pieces are left to read.
    left: u32,
    /// The first atom of the verdict's source.
    base: u32,
}

impl<'a> PackedEvidence<'a> {
    /// How many pieces are left.
    pub(crate) fn len(&self) -> usize {
        self.left as usize
    }

    /// The next piece's atom and note number (0 for none, else its
    /// number + 1).
    fn next_atom(&mut self) -> Option<(Atom, u32)> {
        self.left = self.left.checked_sub(1)?;
        let atom = self.packed.atoms.get(self.base.wrapping_add(self.r.get()));
        Some((atom, self.r.get()))
    }
}

impl<'a> Iterator for PackedEvidence<'a> {
    type Item = EvidenceRef<'a>;

    fn next(&mut self) -> Option<EvidenceRef<'a>> {
        let (atom, note) = self.next_atom()?;
        let p = self.packed;
        Some(EvidenceRef {
            span: atom.span(),
            pos: atom.pos(),
            sentence: p.strings.get(atom.sentence),
            fact: p.strings.get(atom.fact),
            note: note.checked_sub(1).map(|n| &*p.notes[n as usize]),
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.len(), Some(self.len()))
    }
}

impl ExactSizeIterator for PackedEvidence<'_> {}

impl std::fmt::Debug for PackedEvidence<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(*self).finish()
    }
}

/// `n` as a `u32`: every count and number packed is one (a run has fewer
/// than four billion sources, atoms, notes or pieces of evidence, and a
/// source is at most [`crate::source::MAX_SOURCE_BYTES`] long).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A hash of `s`, eight bytes at a time (the crate's `Fx` takes one at a
/// time: packing hashes every new sentence and every note it meets).
fn hash_str(s: &str) -> u64 {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let add = |h: u64, v: u64| (h.rotate_left(5) ^ v).wrapping_mul(SEED);
    let mut chunks = s.as_bytes().chunks_exact(8);
    let mut h = s.len() as u64;
    for c in &mut chunks {
        let mut v = [0; 8];
        v.copy_from_slice(c);
        h = add(h, u64::from_le_bytes(v));
    }
    let mut v = [0; 8];
    v[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = add(h, u64::from_le_bytes(v));
    // The low bits of a product are weak, and tables index by them.
    h ^ (h >> 32)
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
#[derive(Clone, Copy)]
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

    /// Skips `n` varints.
    fn skip(&mut self, n: u32) {
        for _ in 0..n {
            match self.0.iter().position(|&b| b < 0x80) {
                Some(i) => self.0 = &self.0[i + 1..],
                None => self.0 = &[],
            }
        }
    }
}
#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::Packed;
    use crate::claims::Verdict;
    use crate::span::{LineCol, SourceId, Span};
    use crate::verify::{Evidence, EvidenceRef, SourceVerdict};

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
        let mut packed = Packed::new((0..claims).map(|k| k == 3));
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
            // Read in place: the same verdicts, evidence and candidates.
            let read: Vec<_> = packed.verdicts(k).collect();
            assert!(read.iter().map(|v| v.place).eq(want.0.iter().copied()));
            for (v, w) in read.iter().zip(&want.1) {
                assert_eq!(v.verdict, w.verdict, "claim {k}");
                let same = |list: super::PackedEvidence, whole: &[Evidence]| {
                    list.len() == whole.len()
                        && list.zip(whole).all(|(e, w)| e == EvidenceRef::from(w))
                };
                assert!(same(v.evidence, &w.evidence), "claim {k}");
                assert!(same(v.candidates, &w.candidates), "claim {k}");
            }
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
        let mut packed = Packed::new([false; 100]);
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
        // Another source quoting the same sentence: a new atom, the same
        // strings (copies of them, as another analysis makes them).
        packed.start_source();
        let v = SourceVerdict {
            source: SourceId::new("b"),
            verdict: Verdict::Supported,
            evidence: vec![evidence(
                &Arc::from(&*sentence),
                &Arc::from(&*fact),
                4,
                None,
            )],
            candidates: Vec::new(),
        };
        packed.push(0, 1, &v);
        assert_eq!((packed.atoms.len(), packed.strings.numbers.len()), (2, 2));
        // Each after its length (a byte).
        assert_eq!(packed.strings.bytes(), sentence.len() + fact.len() + 2);
        assert!(
            packed.claims[1..].iter().all(|c| c.len() == 4),
            "{:?}",
            packed.claims[0].chunks
        );
    }

    /// Strings read back as stored: across blocks, with lengths of one to
    /// four bytes, one filling a block to its end, one longer than a
    /// block, and some met once the blocks are full (kept apart); the
    /// same string is stored once wherever it is.
    #[test]
    fn strings_read_back_as_stored() {
        let mut strings = super::Strings {
            most_blocks: 3,
            ..super::Strings::default()
        };
        let block = super::STRING_BLOCK;
        let long = "x".repeat(block + 5);
        // With its four bytes of length, exactly a block.
        let whole = "w".repeat(block - 4);
        let mut want = Vec::new();
        for i in 0..3000 {
            let s = format!("{i:0>500}");
            want.push((strings.store(&s), s));
            if i == 1000 {
                for s in [
                    long.clone(),
                    whole.clone(),
                    String::new(),
                    "é".into(),
                    "y".repeat(63),
                    "y".repeat(64),
                    "y".repeat(4096),
                    "y".repeat(300_000),
                ] {
                    want.push((strings.store(&s), s));
                }
            }
        }
        assert_eq!(strings.blocks.len(), 3);
        assert!(strings.blocks.iter().any(|b| b.len() == block));
        assert!(strings.blocks.iter().all(|b| b.len() <= block));
        // The long one and those after the blocks filled up.
        assert!(strings.apart.len() > 100, "{}", strings.apart.len());
        for (at, s) in &want {
            assert_eq!(strings.get(*at), s);
        }
        assert_eq!(strings.store(&want[5].1), want[5].0, "stored once");
        assert_eq!(strings.store(&long), want[1001].0, "stored once");
        assert_eq!(strings.store(&want[2990].1), want[2990].0, "stored once");
        assert!(want[2990].0.0 >= super::APART);
    }

    /// An atom takes 24 bytes: a million of them on an archive run.
    #[test]
    fn atoms_are_small() {
        assert_eq!(std::mem::size_of::<super::Atom>(), 24);
    }
}
