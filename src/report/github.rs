//! GitHub Actions workflow commands (`check --format github`).
//!
//! Each claim that does not hold becomes
//! `::error file=claims/x.toml,line=N,col=C,title=claim x::message`, pointing
//! at the claim's line in its TOML file, so it shows on the pull request.
//! With `--locked`, each source whose facts or verdicts moved becomes an
//! error at the first changed sentence of the source file, a verdict that
//! moved an error at its claim, and each orphan an error at its file; a
//! cosmetic change is a `::notice`. GitHub shows at most 10 error
//! annotations per step, so at most [`MAX_ERRORS`] are printed, followed by a
//! `::notice::` summary saying how many more there are (always printed, so a
//! run ends with one summary line). Properties and messages are escaped as
//! GitHub requires: `%`, `\r`, `\n` everywhere, and `:` and `,` in properties.

use std::fmt::Write as _;

use super::{Listing, MAX_NAMED, Outcomes};
use crate::lock::{LockReport, LockState};
use crate::verify::{ClaimView, SetOutcome};

/// At most this many `::error` annotations are printed.
pub const MAX_ERRORS: usize = 10;

/// Escapes a message (the part after `::`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

struct Annotation {
    level: &'static str,
    file: String,
    line: Option<usize>,
    col: Option<usize>,
    title: String,
    message: String,
}

/// Longest message kept, in lines; GitHub truncates long annotations.
const MAX_LINES: usize = 20;

fn clip(message: &str) -> String {
    let lines: Vec<&str> = message.lines().collect();
    if lines.len() <= MAX_LINES {
        return message.to_string();
    }
    format!(
        "{}\n… {} more line(s): run `claimcheck check --locked`",
        lines[..MAX_LINES].join("\n"),
        lines.len() - MAX_LINES
    )
}

impl Annotation {
    fn render(&self) -> String {
        let mut props = vec![format!("file={}", escape_property(&self.file))];
        if let Some(l) = self.line {
            props.push(format!("line={l}"));
        }
        if let Some(c) = self.col {
            props.push(format!("col={c}"));
        }
        props.push(format!("title={}", escape_property(&self.title)));
        format!(
            "::{} {}::{}\n",
            self.level,
            props.join(","),
            escape_data(&clip(&self.message))
        )
    }
}

/// What each source says about a failing claim, for its message: the
/// first sources that say something, each with its first piece of evidence,
/// then how many more there are and the silent sources.
fn found(o: ClaimView) -> Vec<String> {
    Listing::of(o).summary(MAX_NAMED, |v| {
        let ev = v
            .evidence
            .first()
            .map(|e| format!(" ({}: \"{}\")", e.fact, e.sentence))
            .unwrap_or_default();
        format!("{}: {}{ev}", v.source, v.verdict)
    })
}

/// Renders failing claims (and the lock report, if any) as workflow commands.
pub fn render(sets: &[SetOutcome], lock: Option<&LockReport>) -> String {
    // Outcomes in memory are never read back, so this never fails; were
    // it to, the failure is an annotation, not a panic.
    render_outcomes(&sets, lock).unwrap_or_else(|e| {
        format!(
            "::error title=claimcheck::{}\n",
            escape_data(&format!("cannot read outcomes: {e}"))
        )
    })
}

/// [`render`] from any [`Outcomes`]: only the claims it annotates are
/// unpacked or read back (at most [`MAX_ERRORS`]), and, with a lock
/// report, every claim's id and location once.
///
/// # Errors
///
/// When an outcome cannot be read back ([`crate::SpilledOutcomes`]).
pub fn render_outcomes(o: &dyn Outcomes, lock: Option<&LockReport>) -> std::io::Result<String> {
    // Order: what moved in the sources first (the cap must not hide it),
    // then orphans, then failing claims (with their verdict moves folded
    // in), then verdict moves of claims that still hold.
    let mut errors = Vec::new();
    let mut notices = Vec::new();
    let mut moves: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
    let mut move_errors = Vec::new();
    // What the lock's verdict moves need: where each claim is, and which
    // fail.
    let mut claims = std::collections::BTreeMap::new();
    let mut failing = std::collections::BTreeSet::new();
    if lock.is_some() {
        for set in 0..o.sets() {
            let name = o.set_path(set).1;
            for k in 0..o.claims(set) {
                let outcome = o.outcome(set, k)?;
                let c = outcome.view().claim;
                let key = format!("{name}::{}", c.id);
                if !o.holds(set, k) {
                    failing.insert(key.clone());
                }
                claims.insert(key, c.location.clone());
            }
        }
    }
    if let Some(l) = lock {
        for s in &l.sources {
            let file = s.path.display().to_string();
            match s.state {
                LockState::Unchanged => {}
                LockState::Cosmetic | LockState::ExtractorChanged => notices.push(Annotation {
                    level: "notice",
                    file,
                    line: s.at.map(|p| p.line),
                    col: None,
                    title: format!("{}: no fact moved", s.id),
                    message: if s.state == LockState::Cosmetic {
                        "cosmetic change since the lock, no fact moved".to_string()
                    } else {
                        "extractor version changed, no fact moved: run `claimcheck lock`"
                            .to_string()
                    },
                }),
                LockState::NotLocked => errors.push(Annotation {
                    level: "error",
                    file,
                    line: None,
                    col: None,
                    title: format!("{}: not in the lock file", s.id),
                    message: "new source: review its facts, then run `claimcheck lock`".into(),
                }),
                LockState::FactsMoved | LockState::VerdictsMoved => {
                    if !s.diff.facts.is_empty() {
                        let lines: Vec<String> = s.diff.facts.iter().map(|c| c.line()).collect();
                        let sentences: Vec<String> =
                            s.diff.sentences.iter().map(|c| c.inline()).collect();
                        errors.push(Annotation {
                            level: "error",
                            file,
                            line: s.at.map(|p| p.line),
                            col: s.at.map(|p| p.col),
                            title: format!(
                                "{}: {} fact(s) moved since the lock",
                                s.id,
                                lines.len()
                            ),
                            message: format!("{}\n{}", lines.join("\n"), sentences.join("\n")),
                        });
                    }
                    for v in &s.diff.verdicts {
                        if failing.contains(&v.claim) {
                            moves.entry(v.claim.as_str()).or_default().push(v.line());
                            continue;
                        }
                        let at = claims.get(v.claim.as_str());
                        move_errors.push(Annotation {
                            level: "error",
                            file: at.map_or_else(
                                || l.lock_path.display().to_string(),
                                |a| a.path.display().to_string(),
                            ),
                            line: at.map(|a| a.pos.line),
                            col: at.map(|a| a.pos.col),
                            title: format!("verdict moved: {}", v.claim),
                            message: format!("{}\n{}", v.line(), v.after_evidence.join("\n")),
                        });
                    }
                }
            }
        }
        for o in &l.orphans {
            errors.push(Annotation {
                level: "error",
                file: o.path.display().to_string(),
                line: None,
                col: None,
                title: "orphan".into(),
                message: format!("{}: {}", o.what, o.fix),
            });
        }
    }
    let total: usize = (0..o.sets()).map(|set| o.claims(set)).sum();
    let mut failed_claims = 0;
    // Failing claims past the cap: counted, not rendered.
    let mut capped = 0;
    for set in 0..o.sets() {
        let name = o.set_path(set).1;
        for k in (0..o.claims(set)).filter(|&k| !o.holds(set, k)) {
            failed_claims += 1;
            // Past the cap a failing claim is only counted: on an archive
            // its message would list thousands of sources for nothing.
            if errors.len() >= MAX_ERRORS {
                capped += 1;
                continue;
            }
            let outcome = o.outcome(set, k)?;
            let o = outcome.view();
            let c = o.claim;
            let moved = moves
                .get(format!("{name}::{}", c.id).as_str())
                .map(|m| format!("\nsince the lock: {}", m.join("; ")))
                .unwrap_or_default();
            errors.push(Annotation {
                level: "error",
                file: c.location.path.display().to_string(),
                line: Some(c.location.pos.line),
                col: Some(c.location.pos.col),
                title: format!("claim {} does not hold", c.id),
                message: format!(
                    "\"{}\" expected {}; found {}\n{}{moved}",
                    c.statement,
                    c.expect.as_str(),
                    found(o).join("; "),
                    o.failures.join("\n")
                ),
            });
        }
    }
    errors.extend(move_errors);
    let mut out = String::new();
    for a in errors.iter().take(MAX_ERRORS) {
        out.push_str(&a.render());
    }
    for a in &notices {
        out.push_str(&a.render());
    }
    let more = (errors.len() + capped).saturating_sub(MAX_ERRORS);
    let mut summary = format!(
        "claimcheck: {total} claims, {} hold, {failed_claims} fail",
        total - failed_claims
    );
    if let Some(l) = lock {
        let moved = l.sources.iter().filter(|s| s.state.fails()).count();
        let _ = write!(
            summary,
            "; lock: {moved} source(s) moved, {} orphan(s)",
            l.orphans.len()
        );
    }
    if more > 0 {
        let _ = write!(
            summary,
            "; {more} more error(s) not annotated (GitHub shows at most {MAX_ERRORS}): run `claimcheck check{}` for all",
            if lock.is_some() { " --locked" } else { "" }
        );
    }
    let _ = writeln!(
        out,
        "::notice title=claimcheck summary::{}",
        escape_data(&summary)
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_table() {
        let cases = [
            ("50% up", "50%25 up", "50%25 up"),
            ("a\nb\r", "a%0Ab%0D", "a%0Ab%0D"),
            ("claims/x.toml", "claims/x.toml", "claims/x.toml"),
            ("a: b, c", "a: b, c", "a%3A b%2C c"),
        ];
        for (input, data, prop) in cases {
            assert_eq!(escape_data(input), data, "{input:?}");
            assert_eq!(escape_property(input), prop, "{input:?}");
        }
    }

    #[test]
    fn long_messages_are_clipped() {
        let cases = [(3, 3, false), (20, 20, false), (25, 21, true)];
        for (n, want, clipped) in cases {
            let msg: Vec<String> = (0..n).map(|i| format!("line {i}")).collect();
            let out = clip(&msg.join("\n"));
            assert_eq!(out.lines().count(), want, "{out}");
            assert_eq!(out.contains("more line(s)"), clipped, "{out}");
        }
    }

    #[test]
    fn summary_only_when_nothing_fails() {
        let out = render(&[], None);
        assert_eq!(
            out,
            "::notice title=claimcheck summary::claimcheck: 0 claims, 0 hold, 0 fail\n"
        );
    }
}
