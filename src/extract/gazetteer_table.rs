//! The layout of the gazetteer's compiled tables, and the hashes and key
//! comparisons both sides use.
//!
//! `build.rs` includes this file (`#[path]`) to write the tables from
//! `data/places.tsv` and `data/english-words.txt` at compile time; the
//! extractor includes it to read them. One file, so the table is probed with
//! the same hash it was filled with.
//!
//! The table is a sequence of little-endian `u32` words: a header of
//! [`SECTIONS`] word counts, then the sections in that order.
//!
//! - **entries**: [`ENTRY_WORDS`] words per place (kind, country, admin1,
//!   name, population low and high). Strings are [`pack`]ed byte ranges of
//!   `places.tsv`.
//! - **names**: an open-addressing hash table (linear probing, a power of two
//!   of slots) of [`NAME_WORDS`] words per slot: the packed name as first
//!   written, its [`fingerprint`], the first of its aliases in **aliases**,
//!   and how many. Names are compared by [`key_eq`] (only where the
//!   fingerprints agree) and hashed by [`key_hash`]; an empty slot starts
//!   with [`EMPTY`].
//! - **aliases**: one word per alias, `entry << 1 | abbrev`, grouped by name
//!   in file order.
//! - **demonyms**: a hash table of [`DEMONYM_WORDS`] words per slot (packed
//!   demonym, fingerprint, entry of its country), same probing; the last
//!   line naming a demonym wins.
//! - **words**: a hash table of [`WORD_WORDS`] words per slot, the packed
//!   word (a range of `english-words.txt`) and its fingerprint, hashed by
//!   [`word_hash`] and compared exactly.
//! - **prefixes**: a hash set of one word per slot, the [`prefix_mark`] of
//!   every name's proper prefixes that end before a space of its
//!   [`key_chars`] (`united`, `united arab` of `United Arab Emirates`),
//!   same probing. Only marks are kept, so it may answer yes for a prefix of
//!   no name (rarely), never no for a real one: a matcher reading running
//!   text asks it whether a name could go on past a word, and stops there
//!   when none can.

/// Number of sections, and so of header words.
pub(crate) const SECTIONS: usize = 6;
/// Words per entry.
pub(crate) const ENTRY_WORDS: usize = 6;
/// Words per slot of the names table.
pub(crate) const NAME_WORDS: usize = 4;
/// Words per slot of the demonyms table.
pub(crate) const DEMONYM_WORDS: usize = 3;
/// Words per slot of the words table.
pub(crate) const WORD_WORDS: usize = 2;
/// Words per slot of the prefixes table.
pub(crate) const PREFIX_WORDS: usize = 1;
/// An empty slot.
pub(crate) const EMPTY: u32 = u32::MAX;

/// Entry kinds, as stored.
pub(crate) const KIND_COUNTRY: u32 = 0;
pub(crate) const KIND_REGION: u32 = 1;
pub(crate) const KIND_CITY: u32 = 2;
#[allow(dead_code)] // Written by build.rs; read as the fallback kind.
pub(crate) const KIND_AREA: u32 = 3;

/// A byte range of a data file as one word: offset (24 bits) and length
/// (8 bits). `None` when it does not fit.
#[allow(dead_code)] // Used by build.rs.
pub(crate) fn pack(offset: usize, len: usize) -> Option<u32> {
    (offset < 1 << 24 && len < 1 << 8).then_some(((offset as u32) << 8) | len as u32)
}

/// The byte range of a [`pack`]ed word.
pub(crate) fn unpack(word: u32) -> std::ops::Range<usize> {
    let start = (word >> 8) as usize;
    start..start + (word & 0xff) as usize
}

/// The number of slots for `n` keys: a power of two, at most 75% full.
#[allow(dead_code)] // Used by build.rs.
pub(crate) fn slots_for(n: usize) -> usize {
    (n * 4 / 3 + 1).next_power_of_two()
}

/// A name's characters as compared: lowercase, hyphens and dashes as
/// spaces, curly apostrophes straight.
pub(crate) fn key_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(char::to_lowercase).map(|c| match c {
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => ' ',
        '\u{2019}' | '\u{2018}' => '\'',
        c => c,
    })
}

/// [`key_chars`] of an ASCII byte: lowercase, hyphen as space.
pub(crate) fn key_byte(b: u8) -> u8 {
    if b == b'-' {
        b' '
    } else {
        b.to_ascii_lowercase()
    }
}

/// Multiplier of the FxHash-style hashes below: tables are built once, at
/// compile time, from shipped data, so no key is chosen by an attacker.
const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

fn mix(h: u64, c: u32) -> u64 {
    (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(FX_SEED)
}

/// Hash of a name as [`key_eq`] compares it.
pub(crate) fn key_hash(s: &str) -> u64 {
    key_hash_from(0, s)
}

/// [`key_hash`] continued over `s` from `h`, the hash of what precedes it:
/// `key_hash(a + b) == key_hash_from(key_hash(a), b)` (the hash is a fold
/// over [`key_chars`], which maps char by char).
pub(crate) fn key_hash_from(h: u64, s: &str) -> u64 {
    if s.is_ascii() {
        key_hash_ascii_from(h, s.as_bytes())
    } else {
        key_chars(s).fold(h, |h, c| mix(h, c as u32))
    }
}

/// [`key_hash_from`] of an ASCII string, byte by byte (same result as
/// [`key_chars`]).
pub(crate) fn key_hash_ascii_from(h: u64, s: &[u8]) -> u64 {
    s.iter().fold(h, |h, &b| mix(h, u32::from(key_byte(b))))
}

/// What the prefixes table keeps of a prefix's [`key_hash`]: its
/// [`fingerprint`], never [`EMPTY`].
pub(crate) fn prefix_mark(hash: u64) -> u32 {
    fingerprint(hash).min(EMPTY - 1)
}

/// The [`key_hash`]es of the proper prefixes of `name` that end before a
/// space of its [`key_chars`] (what the prefixes table holds).
#[allow(dead_code)] // Used by build.rs and the tests.
pub(crate) fn prefix_hashes(name: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut h = 0;
    for c in key_chars(name) {
        if c == ' ' {
            out.push(h);
        }
        h = mix(h, c as u32);
    }
    out
}

/// Whether two names are the same key: equal by [`key_chars`].
pub(crate) fn key_eq(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        // ASCII fast path, same result as `key_chars`.
        return a.len() == b.len()
            && a.bytes()
                .zip(b.bytes())
                .all(|(x, y)| key_byte(x) == key_byte(y));
    }
    key_chars(a).eq(key_chars(b))
}

/// Hash of an English word, compared exactly.
pub(crate) fn word_hash(s: &str) -> u64 {
    s.bytes().fold(0, |h, b| mix(h, u32::from(b)))
}

/// The bits of `hash` a slot keeps, so that a probe compares strings only
/// where they agree (the low bits: [`home`] uses the high ones).
pub(crate) fn fingerprint(hash: u64) -> u32 {
    hash as u32
}

/// The first slot to probe for `hash` in a table of `slots` slots.
pub(crate) fn home(hash: u64, slots: usize) -> usize {
    // The high bits: the low bits of an Fx hash of short keys are weak.
    (hash >> 32) as usize & (slots - 1)
}

/// A name written in capitals: "US", "U.S.", "KPK". It matches only in
/// capitals in running text.
#[allow(dead_code)] // Used by build.rs.
pub(crate) fn is_abbrev(a: &str) -> bool {
    let letters = a.chars().filter(|c| c.is_alphabetic()).count();
    letters <= 5 && !a.chars().any(|c| c.is_lowercase() || c == ' ')
}
