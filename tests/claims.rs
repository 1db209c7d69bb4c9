//! One test per claim: `cargo test --test claims -- <filter>`.
//!
//! The claims and sources are read when the test binary runs, not when it is
//! built, so editing `claims/` or `seeds/` never triggers a recompile. Test
//! names are `claims::<file>::<id>`; `--list`, `--exact`, filters and
//! cargo-nextest work as for any test. If the claims or sources cannot be
//! loaded, a single test `claims::load` fails with every error.

use std::path::Path;
use std::process::ExitCode;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let trials = match claimcheck::check(root.join("claims"), root.join("seeds")) {
        Ok(run) => {
            let mut trials = Vec::new();
            for set in run.outcomes {
                for o in set.outcomes {
                    let name = format!("claims::{}::{}", set.name, o.claim.id);
                    trials.push(Trial::test(name, move || {
                        if o.holds {
                            Ok(())
                        } else {
                            Err(Failed::from(claimcheck::report::human::render_claim(&o)))
                        }
                    }));
                }
            }
            if trials.is_empty() {
                trials.push(Trial::test("claims::load", || {
                    Err(Failed::from("no claims found in claims/"))
                }));
            }
            trials
        }
        Err(errors) => {
            let msg = errors.to_string();
            vec![Trial::test("claims::load", move || Err(Failed::from(msg)))]
        }
    };
    libtest_mimic::run(&args, trials).exit_code()
}
