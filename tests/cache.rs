//! The facts cache gives exactly the results of a fresh extraction, hits
//! for unchanged sources, misses for changed ones, and shrugs off damage.

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
    let files = std::fs::read_dir(cache.dir()).unwrap().count();
    assert_eq!(files, 2, "one entry per source");
    assert_eq!(reports(Some(&cache)), fresh, "second run reads it");
    // Damaged entries are misses, not errors.
    for e in std::fs::read_dir(cache.dir()).unwrap() {
        std::fs::write(e.unwrap().path(), b"{ not facts").unwrap();
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
    cache.store(&a, &facts);
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
