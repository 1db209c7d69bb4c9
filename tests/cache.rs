//! The facts and verdicts caches give exactly the results of a fresh run,
//! hits for unchanged sources, misses for changed sources and claims, and
//! shrug off damage.

mod common;

use common::TempDir;
use std::path::Path;

use claimcheck::{FactsCache, Published, Source, report};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn temp_cache(name: &str) -> FactsCache {
    let dir = std::env::temp_dir().join(format!(
        "claimcheck-cache-test-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    FactsCache::new(dir)
}

/// Every file under `dir`, one level of directories down (the cache keeps
/// its entries in one directory per build).
fn entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            out.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn reports(cache: Option<&FactsCache>) -> (String, String) {
    let run = claimcheck::check_cached(root().join("claims"), root().join("seeds"), cache).unwrap();
    let facts: String = run.analyses.iter().map(report::snapshot::facts).collect();
    (report::json::render(&run.outcomes), facts)
}

#[test]
fn cached_runs_match_fresh_runs() {
    let cache = temp_cache("same");
    let fresh = reports(None);
    assert_eq!(reports(Some(&cache)), fresh, "first run fills the cache");
    let count = |ext: &str| {
        entries(cache.dir())
            .iter()
            .filter(|p| p.extension() == Some(ext.as_ref()))
            .count()
    };
    assert_eq!(count("facts"), 2, "one facts entry per source");
    assert_eq!(count("verdicts"), 1, "one verdicts file per claims file");
    assert_eq!(reports(Some(&cache)), fresh, "second run reads it");
    // Damaged entries are misses, not errors.
    for path in entries(cache.dir()) {
        std::fs::write(path, b"{ not facts").unwrap();
    }
    assert_eq!(reports(Some(&cache)), fresh, "damaged entries are rebuilt");
    let _ = std::fs::remove_dir_all(cache.dir());
}

#[test]
fn hit_for_the_same_source_miss_for_an_edit() {
    let cache = temp_cache("edit");
    let text = "PARIS: The two sides signed a deal in Lyon on Monday.";
    let a = Source::from_string("a", Published::Unknown, text);
    let facts = claimcheck::extract(&claimcheck::normalize(&a));
    assert!(cache.load(&a).is_none());
    cache.store(&a, &claimcheck::normalize(&a), &facts);
    let back = cache.load(&a).expect("a hit after a store");
    let describe = |f: &claimcheck::Facts| f.iter().map(|f| f.describe()).collect::<Vec<_>>();
    assert_eq!(describe(&back), describe(&facts));
    assert_eq!(
        back.iter().map(|f| f.span).collect::<Vec<_>>(),
        facts.iter().map(|f| f.span).collect::<Vec<_>>()
    );
    let edited = Source::from_string("a", Published::Unknown, text.replace("Lyon", "Nice"));
    assert!(cache.load(&edited).is_none(), "an edited source misses");
    let dated = Source::from_string("a", Published::On("2020-01-01".parse().unwrap()), text);
    assert!(
        cache.load(&dated).is_none(),
        "another publication date misses"
    );
    let _ = std::fs::remove_dir_all(cache.dir());
}

const ARTICLE: &str = "LONDON: The two sides signed a deal in Paris on Monday. \
                       It covers four helicopters.\n";
const OTHER: &str = "LONDON: Nothing was signed in Berlin, officials said.\n";

/// Writes the project's manifest: each source `id` is in `id.txt`.
fn manifest(dir: &Path, sources: &[(&str, &str)]) {
    let text: String = sources
        .iter()
        .map(|(id, date)| {
            format!("[[source]]\nid = \"{id}\"\nfile = \"{id}.txt\"\npublished = \"{date}\"\n")
        })
        .collect();
    std::fs::write(dir.join("seeds/sources.toml"), text).unwrap();
}

/// A small project: two sources and one claims file.
fn project(name: &str) -> TempDir {
    let dir = TempDir::new("verdicts-cache-test", name);
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::write(dir.join("seeds/a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("seeds/b.txt"), OTHER).unwrap();
    manifest(&dir, &[("a", "2020-01-02"), ("b", "2020-01-02")]);
    std::fs::write(
        dir.join("claims/c.toml"),
        "[claims]\nplace = \"signed in Paris\"\ncount = \"helicopter count = 4\"\n",
    )
    .unwrap();
    dir
}

/// The JSON report of the project, through `cache` (and without the
/// analyses, as the binary runs), with the same run without a cache.
fn both(dir: &Path, cache: &FactsCache) -> (String, String) {
    let run = |cache| {
        let run = claimcheck::check_with(
            dir.join("claims"),
            dir.join("seeds"),
            cache,
            claimcheck::Keep::Outcomes,
            &claimcheck::NoProgress,
        )
        .unwrap();
        report::json::render(&run.outcomes)
    };
    (run(Some(cache)), run(None))
}

#[test]
fn cached_verdicts_follow_every_edit() {
    let dir = project("edits");
    let cache = FactsCache::new(dir.join("cache"));
    let check = |what: &str| {
        let (cached, fresh) = both(&dir, &cache);
        assert_eq!(cached, fresh, "{what}");
        fresh
    };
    let first = check("first run, cache empty");
    assert!(first.contains("\"verdict\": \"supported\""));
    assert_eq!(check("second run, verdicts from the cache"), first);

    // A source edited: its verdicts move, the other source's are kept.
    std::fs::write(dir.join("seeds/a.txt"), ARTICLE.replace("four", "five")).unwrap();
    let edited = check("one source edited");
    assert_ne!(edited, first);
    assert!(edited.contains("the source says 5"));

    // A claim edited: every source is judged again.
    std::fs::write(
        dir.join("claims/c.toml"),
        "[claims]\nplace = \"signed in Berlin\"\ncount = \"helicopter count = 5\"\n",
    )
    .unwrap();
    let claims_edited = check("a claim edited");
    assert!(claims_edited.contains("signed in Berlin"));

    // Claims added (one a copy of another under a new id), moved, renamed
    // and removed, one restricted to a source, the aliases edited: the
    // verdicts of the claims not edited are taken over, renumbered.
    for (what, claims) in [
        (
            "a claim added first",
            "[claims]\nwhen = \"signed on Monday\"\nplace = \"signed in Berlin\"\ncount = \"helicopter count = 5\"\n",
        ),
        (
            "a copy under another id, claims swapped",
            "[claims]\ncount = \"helicopter count = 5\"\nwhen = \"signed on Monday\"\nplace = \"signed in Berlin\"\nagain = \"helicopter count = 5\"\n",
        ),
        (
            "one renamed, one removed",
            "[claims]\ncount = \"helicopter count = 5\"\nmonday = \"signed on Monday\"\nagain = \"helicopter count = 5\"\n",
        ),
        (
            "one checked against one source only",
            "[claims]\ncount = \"helicopter count = 5\"\nmonday = \"signed on Monday\"\n\n[[claim]]\nid = \"again\"\nclaim = \"helicopter count = 5\"\nsources = [\"b\"]\n",
        ),
        (
            "aliases edited",
            "[aliases]\nhelicopter = [\"chopper\"]\n\n[claims]\ncount = \"helicopter count = 5\"\nmonday = \"signed on Monday\"\n",
        ),
    ] {
        std::fs::write(dir.join("claims/c.toml"), claims).unwrap();
        check(what);
    }

    // A source gone, then back: its verdicts are judged again.
    std::fs::remove_file(dir.join("seeds/b.txt")).unwrap();
    manifest(&dir, &[("a", "2020-01-02")]);
    check("a source removed");
    std::fs::write(dir.join("seeds/b.txt"), OTHER).unwrap();
    manifest(&dir, &[("b", "2020-01-02"), ("a", "2020-01-03")]);
    check("sources reordered, one redated");

    // A damaged verdicts file is a miss, not an error.
    for path in entries(cache.dir()) {
        if path.extension() == Some("verdicts".as_ref()) {
            std::fs::write(&path, b"not verdicts").unwrap();
        }
    }
    check("damaged verdicts file");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_run_deletes_what_other_builds_left_and_nothing_else() {
    let cache = temp_cache("prune");
    let dir = cache.dir().to_path_buf();
    let old = [
        "facts-0123456789abcdef/0000000000000001.facts",
        "verdicts-0123456789abcdef/0000000000000002.verdicts",
        "00000000000000ff.facts",
        "00000000000000ff.verdicts",
        "00000000000000ff.json",
    ];
    let others = ["notes.txt", "facts-mine/keep.facts", "0ff.facts"];
    for name in old.iter().chain(&others) {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, b"x").unwrap();
    }
    let fresh = reports(None);
    assert_eq!(reports(Some(&cache)), fresh);
    for name in old {
        assert!(!dir.join(name).exists(), "{name} kept");
    }
    assert!(!dir.join("facts-0123456789abcdef").exists());
    for name in others {
        assert!(dir.join(name).exists(), "{name} deleted");
    }
    // This build's entries stay, and the next run reads them.
    assert_eq!(
        entries(&dir)
            .iter()
            .filter(|p| p.extension() == Some("facts".as_ref()))
            .count(),
        2 + 2,
        "the two sources' facts, facts-mine/keep.facts and 0ff.facts"
    );
    assert_eq!(cache.prune(), 0, "nothing more to delete");
    assert_eq!(reports(Some(&cache)), fresh);
    let _ = std::fs::remove_dir_all(dir);
}

/// Sources of [`an_edited_claim_analyses_only_the_sources_it_may_concern`]:
/// each speaks of different things.
const SOURCES: [(&str, &str); 5] = [
    ("a", ARTICLE),
    ("b", OTHER),
    (
        "c",
        "ROME: The army bought three drones from Turkey on Friday, officials said.\n",
    ),
    (
        "d",
        "MADRID: \"We will not sell tanks,\" said Ana Ruiz, the defence minister.\n",
    ),
    (
        "e",
        "OSLO: Heavy rain closed two roads in the north on Sunday.\n",
    ),
];

#[test]
fn an_edited_claim_analyses_only_the_sources_it_may_concern() {
    let dir = project("concern");
    for (id, text) in SOURCES {
        std::fs::write(dir.join(format!("seeds/{id}.txt")), text).unwrap();
    }
    manifest(&dir, &SOURCES.map(|(id, _)| (id, "2020-01-02")));
    let cache = FactsCache::new(dir.join("cache"));
    // The number of sources analysed by a run with the claims `claims`,
    // whose report must be that of a run without a cache.
    // The same, the cached run keeping its verdicts (and the rows it
    // judges for the cache) as `keep` says.
    let analysed_keeping = |keep, what: &str, claims: &str| -> usize {
        std::fs::write(dir.join("claims/c.toml"), claims).unwrap();
        let run = |cache, keep| {
            claimcheck::check_with(
                dir.join("claims"),
                dir.join("seeds"),
                cache,
                keep,
                &claimcheck::NoProgress,
            )
            .unwrap()
        };
        let cached = run(Some(&cache), keep);
        let fresh = run(None, claimcheck::Keep::Outcomes);
        assert_eq!(fresh.analysed, SOURCES.len(), "{what}: without a cache");
        let json = |run: &claimcheck::Run| {
            let mut out = Vec::new();
            match &run.spilled {
                Some(spilled) => report::json::write_outcomes(spilled, &mut out),
                None => report::json::write_outcomes(&run.outcomes.as_slice(), &mut out),
            }
            .unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            cached.spilled.is_some(),
            keep == claimcheck::Keep::Spilled,
            "{what}"
        );
        assert_eq!(json(&cached), json(&fresh), "{what}");
        cached.analysed
    };
    let analysed =
        |what: &str, claims: &str| analysed_keeping(claimcheck::Keep::Outcomes, what, claims);
    let base = "[claims]\nplace = \"signed in Paris\"\ncount = \"helicopter count = 4\"\n";
    assert_eq!(analysed("cache empty", base), 5);
    assert_eq!(analysed("nothing changed", base), 0);
    // Spilling the verdicts changes nothing of that.
    let spilled = claimcheck::check_with(
        dir.join("claims"),
        dir.join("seeds"),
        Some(&cache),
        claimcheck::Keep::Spilled,
        &claimcheck::NoProgress,
    )
    .unwrap();
    assert_eq!(spilled.analysed, 0, "a spilling run analysed sources");
    // Only the source that counts drones can speak to a drone count.
    let drones = format!("{base}drones = \"drone count = 3\"\n");
    // Judged by a spilling run, whose judged rows go through its
    // temporary file to the cache: the next run finds them there.
    let spilling = claimcheck::Keep::Spilled;
    assert_eq!(
        analysed_keeping(spilling, "a drone count added", &drones),
        1
    );
    assert_eq!(analysed("nothing changed again", &drones), 0);
    // Edited in place: still only that source (the others' stored rows
    // are kept as they are).
    let drones = drones.replace("= 3", "= 7");
    assert_eq!(analysed("the drone count edited", &drones), 1);
    // Claims moved and a new one first: its key, a quote, is in one source.
    let quote = format!(
        "[claims]\nq = 'Ana Ruiz said \"not sell tanks\"'\n{}",
        &drones[9..]
    );
    assert_eq!(analysed("a quote claim added first", &quote), 1);
    // A claim about a thing no source counts, and one whose key is in a
    // source it is not checked against: nothing to analyse.
    let none = format!(
        "{quote}ships = \"ship count = 12\"\n\n[[claim]]\nid = \"roads\"\nclaim = \"road count = 9\"\nsources = [\"a\"]\n"
    );
    assert_eq!(analysed("claims no source can speak to", &none), 0);
    // The first mention claim: the sources' words were not kept, every
    // source is analysed; the next one needs only the source naming it.
    let berlin = none.replacen("[claims]\n", "[claims]\nberlin = \"mentions Berlin\"\n", 1);
    assert_eq!(analysed("a first mention claim", &berlin), 5);
    let turkey = berlin.replacen("[claims]\n", "[claims]\nturkey = \"mentions Turkey\"\n", 1);
    assert_eq!(analysed("a second mention claim", &turkey), 1);
    // Aliases change every key: every source is analysed again.
    let aliases = format!("[aliases]\ndrone = [\"UAV\"]\n\n{turkey}");
    assert_eq!(analysed("aliases added", &aliases), 5);
    let _ = std::fs::remove_dir_all(&dir);
}
