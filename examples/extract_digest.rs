//! Every fact of a corpus, digested: a check that a change to the extractors
//! left their output as it was, and a steady load for profilers and
//! instruction counters (one thread, extraction only, repeated).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --size 1MB --out target/corpus
//! cargo run --release --example extract_digest -- target/corpus/1MB
//! perf stat -e instructions:u target/release/examples/extract_digest target/corpus/1MB 5
//! ```
//!
//! Prints the number of facts, a 64-bit FNV-1a digest of their debug
//! rendering (kinds, values, spans, sentences, speakers, in order) and the
//! extraction time per round. With `--dump FILE`, writes every fact's debug
//! rendering to FILE, one per line, to find what changed.

use std::hash::Hasher;
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// FNV-1a: stable across builds and platforms, unlike `DefaultHasher`.
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut rounds = 1usize;
    let mut dump = None;
    while let Some(a) = args.next() {
        if a == "--dump" {
            dump = args.next();
        } else if dir.is_none() {
            dir = Some(a);
        } else if let Ok(n) = a.parse() {
            rounds = n;
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: extract_digest CORPUS_DIR [ROUNDS] [--dump FILE]");
        return ExitCode::from(2);
    };
    let sources = match claimcheck::Sources::load(&dir) {
        Ok(s) => s,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            return ExitCode::from(2);
        }
    };
    let bytes: usize = sources.iter().map(|s| s.text().len()).sum();
    let texts: Vec<claimcheck::Text> = sources.iter().map(claimcheck::normalize).collect();
    let mut digest = 0;
    let mut count = 0;
    for round in 0..rounds.max(1) {
        let t = Instant::now();
        let all: Vec<claimcheck::Facts> = texts.iter().map(claimcheck::extract).collect();
        let took = t.elapsed();
        eprintln!(
            "round {round}: {took:.1?}, {:.1} MB/s",
            bytes as f64 / 1e6 / took.as_secs_f64()
        );
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        count = 0;
        let mut out = dump
            .as_ref()
            .filter(|_| round == 0)
            .map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("dump file")));
        for facts in &all {
            for f in facts {
                let line = format!("{} {f:?}", facts.source());
                h.write(line.as_bytes());
                h.write(b"\n");
                count += 1;
                if let Some(o) = out.as_mut() {
                    writeln!(o, "{line}").expect("dump written");
                }
            }
        }
        digest = h.finish();
    }
    println!(
        "{} sources, {bytes} bytes, {count} facts, digest {digest:016x}",
        sources.len()
    );
    ExitCode::SUCCESS
}
