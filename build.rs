//! Fingerprints the extractor: a hash of every file whose change can change
//! the facts (text normalization, extractors, gazetteer data). The facts
//! cache keys on it, so a cache made by other extractor code is never used,
//! even when nobody remembered to bump `EXTRACTOR_VERSION`.

use std::path::Path;

fn main() {
    let mut files = Vec::new();
    for dir in ["src/text", "src/extract", "data"] {
        println!("cargo:rerun-if-changed={dir}");
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
    println!("cargo:rustc-env=CLAIMCHECK_EXTRACTOR_HASH={hash:016x}");
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
