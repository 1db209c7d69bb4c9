//! pySBD's English golden rules: each case's input is split whole and the
//! stripped segments must equal the expected list exactly.

use std::path::Path;

use serde::Deserialize;

use crate::Score;

#[derive(Deserialize)]
struct Case {
    input: String,
    expected: Vec<String>,
    #[serde(default)]
    rule: String,
}

pub fn score(dir: &Path, verbose: bool) -> Result<Score, String> {
    let path = dir.join("pysbd/benchmarks/english_golden_rules.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let cases: Vec<Case> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut passed = 0;
    for case in &cases {
        let got: Vec<&str> = claimcheck::split_sentences(&case.input)
            .into_iter()
            .map(|r| case.input[r].trim())
            .collect();
        let expected: Vec<&str> = case.expected.iter().map(|s| s.trim()).collect();
        if got == expected {
            passed += 1;
        } else if verbose {
            println!(
                "sbd FAIL {}\n  input:    {:?}\n  expected: {expected:?}\n  got:      {got:?}",
                case.rule, case.input
            );
        }
    }
    Ok(Score {
        name: "sbd (pySBD golden rules)",
        passed,
        total: cases.len(),
        target: Some(0.96),
    })
}
