//! Where a warm run's time goes, phase by phase: loading files,
//! normalizing, reading facts from the cache, preparing analyses, verifying.
//! A measuring aid for `BENCHMARKS.md`, not a benchmark (one run, wall
//! time).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --size 10MB --out target/corpus
//! cargo run --release -- check --claims target/corpus/10MB-claims --seeds target/corpus/10MB > /dev/null  # fills the cache
//! RAYON_NUM_THREADS=1 cargo run --release --example phases -- target/corpus/10MB-claims target/corpus/10MB
//! ```
//!
//! Normalizing, reading the cache and preparing run one source after the
//! other here (the binary does them in parallel); verifying uses the rayon
//! pool (`RAYON_NUM_THREADS`). After each phase, the process's resident
//! memory (on Linux).

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [claims, seeds] = args.as_slice() else {
        eprintln!("usage: phases CLAIMS_DIR SEEDS_DIR");
        return ExitCode::from(2);
    };
    let t = Instant::now();
    let (sources, sets) = match claimcheck::load(claims.as_ref(), seeds.as_ref()) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    eprintln!("load       {:>10.1?}  {}", t.elapsed(), rss());
    let cache = claimcheck::FactsCache::new(claimcheck::FactsCache::default_dir());
    let list: Vec<&claimcheck::Source> = sources.iter().collect();

    let t = Instant::now();
    let texts: Vec<_> = list.iter().map(|s| claimcheck::normalize(s)).collect();
    eprintln!("normalize  {:>10.1?}  {}", t.elapsed(), rss());

    let t = Instant::now();
    let mut misses = 0;
    let facts: Vec<_> = list
        .iter()
        .zip(&texts)
        .map(|(s, text)| {
            cache.load(s).unwrap_or_else(|| {
                misses += 1;
                claimcheck::extract(text)
            })
        })
        .collect();
    eprintln!(
        "cache      {:>10.1?}  {} ({misses} misses extracted)",
        t.elapsed(),
        rss()
    );

    let t = Instant::now();
    let analyses: Vec<_> = texts
        .into_iter()
        .zip(facts)
        .map(|(text, facts)| claimcheck::Analysis::from_parts(text, facts))
        .collect();
    eprintln!("prepare    {:>10.1?}  {}", t.elapsed(), rss());

    let t = Instant::now();
    let outcomes: Vec<_> = sets
        .iter()
        .map(|s| claimcheck::verify(s, &analyses))
        .collect();
    let verdicts: usize = outcomes
        .iter()
        .flat_map(|o| &o.outcomes)
        .map(|o| o.verdicts().len())
        .sum();
    eprintln!(
        "verify     {:>10.1?}  {} ({verdicts} verdicts)",
        t.elapsed(),
        rss()
    );
    ExitCode::SUCCESS
}

/// The process's resident memory, from `/proc/self/status` (empty elsewhere).
fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .map(|v| format!("rss {}", v.trim()))
        })
        .unwrap_or_default()
}
