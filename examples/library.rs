// The library in a few lines: one article, two claims, their verdicts.
// Run with `cargo run --example library`; `tests/library_example.rs` runs
// it under `cargo test`, and the crate documentation shows it.

use claimcheck::{Analysis, ClaimSet, Errors, Published, Source, Verdict, verify};

fn main() -> Result<(), Errors> {
    let source = Source::from_string(
        "wire",
        Published::Unknown,
        "PARIS: The two sides signed a deal in Lyon on Monday, officials said.",
    );
    let claims = ClaimSet::from_toml(
        "claims.toml",
        "[claims]\nplace = \"signed in Lyon\"\nday = \"signed on Tuesday\"\n",
    )
    .map_err(Errors)?;
    let outcome = verify(&claims, &[Analysis::of(&source)]);
    assert_eq!(
        outcome.outcomes[0].verdicts().next().map(|v| v.verdict),
        Some(Verdict::Supported)
    );
    assert_eq!(
        outcome.outcomes[1].verdicts().next().map(|v| v.verdict),
        Some(Verdict::Contradicted)
    );
    println!("place: supported, day: contradicted");
    Ok(())
}
