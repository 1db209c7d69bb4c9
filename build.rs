//! Two jobs at compile time:
//!
//! - Fingerprints the code: a hash of every file whose change can change
//!   the facts or how they are stored (text normalization, extractors,
//!   gazetteer data, the cache), which the
//!   facts cache keys on, and a hash of all the code and data, which the
//!   verdicts cache keys on. So a cache made by other code is never used,
//!   even when nobody remembered to bump `EXTRACTOR_VERSION`.
//! - Compiles the gazetteer (`data/places.tsv`, `data/english-words.txt`)
//!   into the hash tables `src/extract/place.rs` reads in place, so no
//!   process spends its start-up building them (layout in
//!   `src/extract/gazetteer_table.rs`).

use std::collections::HashMap;
use std::path::Path;

#[allow(dead_code)] // The reading half is the extractor's.
#[path = "src/extract/gazetteer_table.rs"]
mod table;

fn main() {
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=data");
    // The cache's own code too: it decides the layout of a facts entry.
    let extractor = hash_files(&["src/text", "src/extract", "src/cache.rs", "data"]);
    println!("cargo:rustc-env=CLAIMCHECK_EXTRACTOR_HASH={extractor:016x}");
    let code = hash_files(&["src", "data"]);
    println!("cargo:rustc-env=CLAIMCHECK_CODE_HASH={code:016x}");

    let places = std::fs::read_to_string("data/places.tsv").expect("data/places.tsv is readable");
    let words = std::fs::read_to_string("data/english-words.txt")
        .expect("data/english-words.txt is readable");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let blob = gazetteer(&places, &words);
    std::fs::write(Path::new(&out).join("gazetteer.bin"), blob).expect("OUT_DIR is writable");
}

/// FNV-1a 64 of the names and bytes of every file under `dirs`.
fn hash_files(dirs: &[&str]) -> u64 {
    let mut files = Vec::new();
    for dir in dirs {
        collect(Path::new(dir), &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        for b in f
            .to_string_lossy()
            .bytes()
            .chain(std::fs::read(f).unwrap_or_default())
        {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// `s`, a slice of `file`, packed as a range of it.
fn pack_in(file: &str, s: &str) -> u32 {
    let offset = s.as_ptr() as usize - file.as_ptr() as usize;
    table::pack(offset, s.len())
        .unwrap_or_else(|| panic!("gazetteer string {s:?} at byte {offset} too long or too far"))
}

/// The tables described in `gazetteer_table.rs`.
fn gazetteer(places: &str, words: &str) -> Vec<u8> {
    let mut entries: Vec<[u32; table::ENTRY_WORDS]> = Vec::new();
    // Names in first-seen order, each with its aliases in file order.
    let mut names: Vec<(&str, Vec<u32>)> = Vec::new();
    let mut name_at: HashMap<String, usize> = HashMap::new();
    let mut demonyms: Vec<(&str, u32)> = Vec::new();
    let mut demonym_at: HashMap<String, usize> = HashMap::new();
    let mut country_of: HashMap<&str, u32> = HashMap::new();
    let key = |s: &str| table::key_chars(s).collect::<String>();
    for line in places.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(kind), Some(country), Some(admin1), Some(pop), Some(name), aliases) = (
            f.next(),
            f.next(),
            f.next(),
            f.next(),
            f.next(),
            f.next().unwrap_or(""),
        ) else {
            continue;
        };
        let kind = match kind {
            "C" => table::KIND_COUNTRY,
            "R" => table::KIND_REGION,
            "T" => table::KIND_CITY,
            "X" => table::KIND_AREA,
            "D" => {
                if let Some(&c) = country_of.get(country) {
                    for a in aliases.split('|').filter(|a| !a.is_empty()) {
                        // A later line naming the same demonym wins.
                        match demonym_at.get(&key(a)) {
                            Some(&i) => demonyms[i].1 = c,
                            None => {
                                demonym_at.insert(key(a), demonyms.len());
                                demonyms.push((a, c));
                            }
                        }
                    }
                }
                continue;
            }
            _ => continue,
        };
        let id = u32::try_from(entries.len()).expect("fewer than 2^31 places");
        if kind == table::KIND_COUNTRY {
            country_of.insert(country, id);
        }
        let population: u64 = pop.parse().unwrap_or(0);
        entries.push([
            kind,
            pack_in(places, country),
            pack_in(places, admin1),
            pack_in(places, name),
            population as u32,
            (population >> 32) as u32,
        ]);
        for a in std::iter::once(name)
            .chain(aliases.split('|'))
            .filter(|a| !a.is_empty())
        {
            let alias = id << 1 | u32::from(table::is_abbrev(a));
            match name_at.get(&key(a)) {
                Some(&i) => names[i].1.push(alias),
                None => {
                    name_at.insert(key(a), names.len());
                    names.push((a, vec![alias]));
                }
            }
        }
    }

    let mut name_slots = vec![[table::EMPTY; table::NAME_WORDS]; table::slots_for(names.len())];
    let mut aliases: Vec<u32> = Vec::new();
    for (name, list) in &names {
        let start = u32::try_from(aliases.len()).expect("fewer than 2^32 aliases");
        aliases.extend(list);
        let count = u32::try_from(list.len()).expect("fewer than 2^32 aliases");
        let hash = table::key_hash(name);
        let slot = free_slot(&name_slots, hash, |s| s[0]);
        name_slots[slot] = [
            pack_in(places, name),
            table::fingerprint(hash),
            start,
            count,
        ];
    }
    let mut demonym_slots =
        vec![[table::EMPTY; table::DEMONYM_WORDS]; table::slots_for(demonyms.len())];
    for (d, entry) in &demonyms {
        let hash = table::key_hash(d);
        let slot = free_slot(&demonym_slots, hash, |s| s[0]);
        demonym_slots[slot] = [pack_in(places, d), table::fingerprint(hash), *entry];
    }
    let word_list: Vec<&str> = {
        let mut seen = std::collections::HashSet::new();
        words.lines().filter(|w| seen.insert(*w)).collect()
    };
    let mut word_slots = vec![[table::EMPTY; table::WORD_WORDS]; table::slots_for(word_list.len())];
    for w in &word_list {
        let hash = table::word_hash(w);
        let slot = free_slot(&word_slots, hash, |s| s[0]);
        word_slots[slot] = [pack_in(words, w), table::fingerprint(hash)];
    }

    let prefixes: std::collections::BTreeSet<u64> = names
        .iter()
        .flat_map(|(name, _)| table::prefix_hashes(name))
        .collect();
    let mut prefix_slots =
        vec![[table::EMPTY; table::PREFIX_WORDS]; table::slots_for(prefixes.len())];
    for &hash in &prefixes {
        let slot = free_slot(&prefix_slots, hash, |s| s[0]);
        prefix_slots[slot] = [table::prefix_mark(hash)];
    }

    let sections: [Vec<u32>; table::SECTIONS] = [
        entries.concat(),
        name_slots.concat(),
        aliases,
        demonym_slots.concat(),
        word_slots.concat(),
        prefix_slots.concat(),
    ];
    let mut out = Vec::new();
    for s in &sections {
        out.extend(u32::try_from(s.len()).expect("small tables").to_le_bytes());
    }
    for s in &sections {
        for w in s {
            out.extend(w.to_le_bytes());
        }
    }
    out
}

/// The first empty slot on the probe sequence of `hash`.
fn free_slot<const N: usize>(
    slots: &[[u32; N]],
    hash: u64,
    first: impl Fn(&[u32; N]) -> u32,
) -> usize {
    let mut i = table::home(hash, slots.len());
    while first(&slots[i]) != table::EMPTY {
        i = (i + 1) & (slots.len() - 1);
    }
    i
}
