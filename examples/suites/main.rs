//! Scores claimcheck's recognizers against public test suites.
//!
//! ```text
//! cargo run --release --example suites -- ../shared/suites
//! ```
//!
//! Prints one line per suite (`name: passed/total = pct% (target pct%)`) and
//! exits non-zero when any suite scores below its target.

mod dates;
mod numbers;
mod sbd;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One suite's result.
pub struct Score {
    /// Suite name as printed.
    pub name: &'static str,
    /// Cases passed.
    pub passed: usize,
    /// Cases scored.
    pub total: usize,
    /// Minimum fraction to pass, if the suite has a target.
    pub target: Option<f64>,
}

impl Score {
    fn fraction(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.passed as f64 / self.total as f64
        }
    }
}

/// A suite scorer: the suites directory and verbosity in, a score out.
type Scorer = fn(&Path, bool) -> Result<Score, String>;

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("../shared/suites"), PathBuf::from);
    let verbose = std::env::args().any(|a| a == "--verbose" || a == "-v");
    let scorers: [Scorer; 4] = [
        sbd::score,
        numbers::score_numbers,
        numbers::score_currency,
        dates::score,
    ];
    let mut ok = true;
    for scorer in scorers {
        match scorer(&dir, verbose) {
            Ok(s) => {
                let target = s
                    .target
                    .map_or(String::new(), |t| format!(" (target {:.0}%)", t * 100.0));
                let below = s.target.is_some_and(|t| s.fraction() < t);
                println!(
                    "{}: {}/{} = {:.1}%{}{}",
                    s.name,
                    s.passed,
                    s.total,
                    s.fraction() * 100.0,
                    target,
                    if below { "  BELOW TARGET" } else { "" }
                );
                ok &= !below && s.total > 0;
            }
            Err(e) => {
                eprintln!("error: {e}");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
