//! Snapshots of the facts of every source and the verdicts of every claims
//! file. They hold no positions, so they change exactly when meaning does.
//! Review changes with `cargo insta review`; on CI (`CI=true`) new snapshots
//! are never written.

use std::path::Path;

fn run() -> claimcheck::Run {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match claimcheck::check(root.join("claims"), root.join("seeds")) {
        Ok(run) => run,
        Err(e) => panic!("cannot load claims and seeds:\n{e}"),
    }
}

#[test]
fn facts_of_every_source() {
    let run = run();
    assert!(!run.analyses.is_empty(), "no sources in seeds/");
    for a in &run.analyses {
        insta::assert_snapshot!(
            format!("facts@{}", a.id()),
            claimcheck::report::snapshot::facts(a)
        );
    }
}

#[test]
fn verdicts_of_every_claims_file() {
    let run = run();
    assert!(!run.outcomes.is_empty(), "no claims files in claims/");
    for set in &run.outcomes {
        insta::assert_snapshot!(
            format!("verdicts@{}", set.name),
            claimcheck::report::snapshot::verdicts(set)
        );
    }
}
