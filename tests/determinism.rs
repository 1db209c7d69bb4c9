//! Output does not depend on how the work is done: the thread count, or
//! whether claims are judged through the fact index.
//!
//! The generated-corpus variants are `#[ignore]`d (the corpus lives under
//! `target/` and is made by `cargo run --release --example gen_corpus`); run
//! them with `cargo test --release --test determinism -- --ignored`, with
//! `CLAIMCHECK_CORPUS=target/corpus/1MB` (the default) pointing at a corpus
//! directory next to its `-claims` directory.

mod common;

use common::TempDir;
use std::path::{Path, PathBuf};

use claimcheck::report::{self, human, json};

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a rayon pool")
        .install(f)
}

/// Every report of a whole run: verdicts (human and JSON) and the facts of
/// every source.
fn reports(claims: &Path, seeds: &Path) -> (String, String, String) {
    let run = claimcheck::check(claims, seeds).expect("the run loads");
    let mut facts = String::new();
    for (a, s) in run.analyses.iter().zip(run.sources.iter()) {
        facts.push_str(&json::facts(a, s));
    }
    (
        human::render(&run.outcomes),
        json::render(&run.outcomes),
        facts,
    )
}

fn same_whatever_the_threads(claims: &Path, seeds: &Path) {
    let one = in_pool(1, || reports(claims, seeds));
    let two = in_pool(2, || reports(claims, seeds));
    let four = in_pool(4, || reports(claims, seeds));
    assert!(!one.0.is_empty() && !one.1.is_empty() && !one.2.is_empty());
    for (n, other) in [(2, &two), (4, &four)] {
        assert!(one.0 == other.0, "human report differs with {n} threads");
        assert!(one.1 == other.1, "JSON report differs with {n} threads");
        assert!(one.2 == other.2, "facts differ with {n} threads");
    }
}

/// `verify` (indexed, parallel) gives exactly what judging every claim
/// against every source one by one gives.
fn index_changes_nothing(claims: &Path, seeds: &Path) -> usize {
    let (sources, sets) = claimcheck::load(claims, seeds).expect("the run loads");
    let analyses = claimcheck::analyse(&sources);
    let mut checked = 0;
    for set in &sets {
        let indexed = claimcheck::verify(set, &analyses);
        let plain: Vec<claimcheck::ClaimOutcome> = set
            .iter()
            .map(|c| claimcheck::verify_claim(set, c, &analyses))
            .collect();
        assert_eq!(indexed.outcomes.len(), plain.len());
        for (i, p) in indexed.outcomes.iter().zip(&plain) {
            assert_eq!(
                format!("{i:?}"),
                format!("{p:?}"),
                "claim {} differs through the index",
                p.claim.id
            );
            checked += p.verdicts().len();
        }
    }
    checked
}

#[test]
fn seeds_same_with_one_two_and_four_threads() {
    same_whatever_the_threads(Path::new("claims"), Path::new("seeds"));
}

#[test]
fn seeds_index_gives_the_plain_verdicts() {
    let n = index_changes_nothing(Path::new("claims"), Path::new("seeds"));
    assert!(n > 0, "no verdict was compared");
}

fn corpus() -> (PathBuf, PathBuf) {
    let seeds = PathBuf::from(
        std::env::var("CLAIMCHECK_CORPUS").unwrap_or_else(|_| "target/corpus/1MB".into()),
    );
    let mut claims = seeds.clone().into_os_string();
    claims.push("-claims");
    (PathBuf::from(claims), seeds)
}

#[test]
#[ignore = "needs a generated corpus: cargo run --release --example gen_corpus"]
fn corpus_same_with_one_two_and_four_threads() {
    let (claims, seeds) = corpus();
    same_whatever_the_threads(&claims, &seeds);
}

#[test]
#[ignore = "needs a generated corpus: cargo run --release --example gen_corpus"]
fn corpus_index_gives_the_plain_verdicts() {
    let (claims, seeds) = corpus();
    let n = index_changes_nothing(&claims, &seeds);
    assert!(n > 0, "no verdict was compared");
}

/// Counts what a run tells its progress hook.
#[derive(Default)]
struct Counting {
    stages: std::sync::Mutex<Vec<(&'static str, usize)>>,
    steps: std::sync::atomic::AtomicUsize,
    done: std::sync::atomic::AtomicUsize,
}

impl claimcheck::Progress for Counting {
    fn stage(&self, name: &'static str, total: usize) {
        self.stages.lock().unwrap().push((name, total));
    }
    fn advance(&self, n: usize) {
        self.steps
            .fetch_add(n, std::sync::atomic::Ordering::Relaxed);
    }
    fn done(&self) {
        self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
}

#[test]
fn progress_counts_every_source_and_changes_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (claims, seeds) = (root.join("claims"), root.join("seeds"));
    let progress = Counting::default();
    let with = in_pool(2, || {
        claimcheck::check_with(&claims, &seeds, None, claimcheck::Keep::Outcomes, &progress)
            .expect("the run loads")
    });
    let without = claimcheck::check(&claims, &seeds).expect("the run loads");
    let n_sources = without.sources.iter().count();
    assert_eq!(
        *progress.stages.lock().unwrap(),
        vec![("checking sources", n_sources)]
    );
    assert_eq!(
        progress.steps.load(std::sync::atomic::Ordering::Relaxed),
        n_sources
    );
    assert_eq!(progress.done.load(std::sync::atomic::Ordering::Relaxed), 1);
    assert!(with.analyses.is_empty(), "Keep::Outcomes kept the analyses");
    assert_eq!(without.analyses.len(), n_sources);
    assert_eq!(
        json::render(&with.outcomes),
        json::render(&without.outcomes)
    );
}

/// A run for the lock keeps each source's view, not its analysis, and
/// gives the same outcomes and the same lock as a run keeping analyses.
#[test]
fn lock_views_are_kept_instead_of_analyses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (claims, seeds) = (root.join("claims"), root.join("seeds"));
    let viewed = in_pool(2, || {
        claimcheck::check_with(
            &claims,
            &seeds,
            None,
            claimcheck::Keep::LockViews,
            &claimcheck::NoProgress,
        )
        .expect("the run loads")
    });
    let full = claimcheck::check(&claims, &seeds).expect("the run loads");
    assert!(
        viewed.analyses.is_empty(),
        "Keep::LockViews kept the analyses"
    );
    assert_eq!(viewed.views.len(), full.sources.len());
    assert!(full.views.is_empty(), "Keep::Analyses kept views too");
    assert_eq!(json::render(&viewed.outcomes), json::render(&full.outcomes));
    assert_eq!(
        claimcheck::Lock::of(&viewed).to_toml(),
        claimcheck::Lock::of(&full).to_toml()
    );
}

/// A project of `n` small articles, each saying something a little
/// different, and claims that each speak to some of them.
fn many_sources(name: &str, n: usize) -> TempDir {
    let dir = TempDir::new("determinism", name);
    std::fs::create_dir_all(dir.join("seeds")).expect("seeds directory");
    std::fs::create_dir_all(dir.join("claims")).expect("claims directory");
    let cities = ["Paris", "Rawalpindi", "Moscow", "Lima"];
    let mut manifest = String::new();
    for i in 0..n {
        let text = format!(
            "Deal number {i}\nThe deal for {} helicopters was signed in {} on Monday, officials said.\n",
            i % 7,
            cities[i % cities.len()]
        );
        std::fs::write(dir.join(format!("seeds/a{i}.txt")), text).expect("an article");
        manifest.push_str(&format!(
            "[[source]]\nid = \"a{i}\"\nfile = \"a{i}.txt\"\npublished = \"2020-01-0{}\"\n",
            1 + i % 9
        ));
    }
    std::fs::write(dir.join("seeds/sources.toml"), manifest).expect("the manifest");
    std::fs::write(
        dir.join("claims/c.toml"),
        "[claims]\nfive = \"helicopter count = 5\"\nparis = \"signed in Paris\"\n\
         monday = \"signed on Monday\"\nmore = \"helicopter count > 2\"\n\
         [[claim]]\nid = \"some\"\nclaim = \"signed in Lima\"\nsources = [\"a3\", \"a200\", \"a299\"]\n",
    )
    .expect("the claims");
    dir
}

/// With more sources than one chunk, `check` (chunks checked in parallel,
/// each chunk's verdicts kept while the next is checked) gives every
/// claim's verdicts in source order, as judging each claim against each
/// source one by one does, whatever the thread count.
#[test]
fn many_chunks_keep_source_order() {
    let dir = many_sources("chunks", 300);
    let (claims, seeds) = (dir.join("claims"), dir.join("seeds"));
    same_whatever_the_threads(&claims, &seeds);
    let run = in_pool(2, || {
        claimcheck::check(&claims, &seeds).expect("the run loads")
    });
    // In manifest order: the reference below judges the analyses in the
    // order the run kept them.
    let ids: Vec<&claimcheck::SourceId> = run.sources.iter().map(|s| s.id()).collect();
    assert_eq!(ids.len(), 300);
    let analysed: Vec<&claimcheck::SourceId> = run.analyses.iter().map(|a| a.id()).collect();
    assert_eq!(analysed, ids, "every source analysed and kept, in order");
    let set = &run.sets[0];
    for (o, c) in run.outcomes[0].outcomes.iter().zip(set.iter()) {
        let applies: Vec<&claimcheck::SourceId> = ids
            .iter()
            .copied()
            .filter(|id| c.sources.as_ref().is_none_or(|s| s.contains(id)))
            .collect();
        let checked: Vec<&claimcheck::SourceId> = o.checked().iter().collect();
        assert_eq!(checked, applies, "claim {} checked in order", c.id);
        let plain = claimcheck::verify_claim(set, c, &run.analyses);
        assert_eq!(format!("{o:?}"), format!("{plain:?}"), "claim {}", c.id);
    }
    let said: usize = run.outcomes[0]
        .outcomes
        .iter()
        .map(|o| o.said().len())
        .sum();
    assert!(said > 600, "the claims speak to many sources: {said}");
    // Keeping only the outcomes, texts are read again chunk by chunk and
    // not kept: the same verdicts.
    let lean = in_pool(2, || {
        claimcheck::check_with(
            &claims,
            &seeds,
            None,
            claimcheck::Keep::Outcomes,
            &claimcheck::NoProgress,
        )
        .expect("the run loads")
    });
    assert!(lean.sources.iter().all(|s| s.text().is_empty()));
    assert_eq!(json::render(&lean.outcomes), json::render(&run.outcomes));
    // Spilled to a temporary file chunk by chunk and read back claim by
    // claim: the same outcomes, and the same reports in every format that
    // can be written from them.
    let spilled = in_pool(2, || {
        claimcheck::check_with(
            &claims,
            &seeds,
            None,
            claimcheck::Keep::Spilled,
            &claimcheck::NoProgress,
        )
        .expect("the run loads")
    });
    assert!(spilled.outcomes.is_empty(), "spilled outcomes are not kept");
    let back = spilled.spilled.as_ref().expect("the outcomes were spilled");
    let sets = back.to_sets().expect("they read back");
    assert_eq!(format!("{sets:?}"), format!("{:?}", run.outcomes));
    assert_eq!(spilled.all_hold(), run.all_hold());
    let reports = |o: &dyn report::Outcomes| {
        let mut out: [Vec<u8>; 4] = Default::default();
        report::human::write_outcomes(o, &mut out[0]).expect("writes");
        report::json::write_outcomes(o, &mut out[1]).expect("writes");
        report::junit::write_outcomes(o, None, &mut out[2]).expect("writes");
        out[3] = report::github::render_outcomes(o, None)
            .expect("renders")
            .into_bytes();
        out
    };
    let in_memory = run.outcomes.as_slice();
    assert_eq!(reports(back), reports(&in_memory));
    assert_eq!(
        String::from_utf8(reports(back)[3].clone()).expect("UTF-8"),
        report::github::render(&run.outcomes, None)
    );
    assert_eq!(
        String::from_utf8(reports(back)[1].clone()).expect("UTF-8"),
        json::render(&run.outcomes)
    );
    // A packing run (the binary's default): the same outcomes unpacked,
    // and the same reports read in place.
    let packed = in_pool(2, || {
        claimcheck::check_with(
            &claims,
            &seeds,
            None,
            claimcheck::Keep::Packed,
            &claimcheck::NoProgress,
        )
        .expect("the run loads")
    });
    assert!(packed.outcomes.is_empty(), "packed outcomes are not kept");
    let unpacked = packed.packed.as_ref().expect("packed").to_sets();
    assert_eq!(format!("{unpacked:?}"), format!("{:?}", run.outcomes));
    assert_eq!(packed.all_hold(), run.all_hold());
    assert_eq!(reports(packed.report_outcomes()), reports(&in_memory));
}
