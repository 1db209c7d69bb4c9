//! JUnit XML for CI dashboards (`check --format junit`).
//!
//! One `<testsuite>` per claims file (named after its file), one
//! `<testcase>` per claim (`classname` = the claims file stem, `name` = the
//! claim id, `file` and `line` = where the claim is declared). A claim that
//! does not hold gets a `<failure>` whose message lists what was expected
//! and what was found per source, with evidence in the body. With
//! `--locked`, a last `<testsuite name="claimcheck.lock">` holds one testcase
//! per source (failing when its facts or verdicts moved since the lock) and
//! one failing testcase per orphan. The XML is hand-written and escaped.

use std::fmt::Write as _;

use crate::lock::LockReport;
use crate::verify::{ClaimOutcome, SetOutcome};

/// Escapes text for an XML attribute or element: `& < > " '` and control
/// characters (which XML 1.0 cannot hold) become entities or `?`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('?'),
            c => out.push(c),
        }
    }
    out
}

/// Renders every claims file (and the lock report, if any) as JUnit XML.
pub fn render(sets: &[SetOutcome], lock: Option<&LockReport>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let total: usize = sets.iter().map(|s| s.outcomes.len()).sum::<usize>()
        + lock.map_or(0, |l| l.sources.len() + l.orphans.len());
    let failed: usize = sets
        .iter()
        .map(|s| s.outcomes.iter().filter(|o| !o.holds).count())
        .sum::<usize>()
        + lock.map_or(0, |l| {
            l.sources.iter().filter(|s| s.state.fails()).count() + l.orphans.len()
        });
    let _ = writeln!(
        out,
        "<testsuites name=\"claimcheck\" tests=\"{total}\" failures=\"{failed}\" errors=\"0\">"
    );
    for set in sets {
        let fails = set.outcomes.iter().filter(|o| !o.holds).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{fails}\" errors=\"0\" skipped=\"0\">",
            escape(&set.path.display().to_string()),
            set.outcomes.len()
        );
        for o in &set.outcomes {
            out.push_str(&testcase(&set.name, o));
        }
        out.push_str("  </testsuite>\n");
    }
    if let Some(l) = lock {
        out.push_str(&lock_suite(l));
    }
    out.push_str("</testsuites>\n");
    out
}

fn testcase(set: &str, o: &ClaimOutcome) -> String {
    let c = &o.claim;
    let mut out = format!(
        "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"",
        escape(set),
        escape(c.id.as_str()),
        escape(&c.location.path.display().to_string()),
        c.location.pos.line
    );
    if o.holds {
        out.push_str("/>\n");
        return out;
    }
    let found: Vec<String> = o
        .verdicts()
        .map(|v| format!("{}: {}", v.source, v.verdict))
        .collect();
    let message = format!(
        "\"{}\": expected {}, found {}; {}",
        c.statement,
        c.expect.as_str(),
        found.join(", "),
        o.failures.join("; ")
    );
    let body = super::human::render_claim(o);
    let _ = write!(
        out,
        ">\n      <failure message=\"{}\" type=\"claim\">{}</failure>\n    </testcase>\n",
        escape(&message),
        escape(&body)
    );
    out
}

fn lock_suite(l: &LockReport) -> String {
    let fails = l.sources.iter().filter(|s| s.state.fails()).count() + l.orphans.len();
    let mut out = format!(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{fails}\" errors=\"0\" skipped=\"0\">\n",
        escape(&l.lock_path.display().to_string()),
        l.sources.len() + l.orphans.len()
    );
    for s in &l.sources {
        let _ = write!(
            out,
            "    <testcase classname=\"lock\" name=\"{}\" file=\"{}\"",
            escape(&s.id),
            escape(&s.path.display().to_string())
        );
        if !s.state.fails() {
            out.push_str("/>\n");
            continue;
        }
        let summary = match s.state {
            crate::lock::LockState::NotLocked => "source not in the lock file".to_string(),
            _ => format!(
                "{} fact(s) and {} verdict(s) moved since the lock",
                s.diff.facts.len(),
                s.diff.verdicts.len()
            ),
        };
        let _ = write!(
            out,
            ">\n      <failure message=\"{}: {}\" type=\"lock\">{}</failure>\n    </testcase>\n",
            escape(&s.id),
            escape(&summary),
            escape(&crate::diff::render(&s.diff))
        );
    }
    for (i, o) in l.orphans.iter().enumerate() {
        let _ = write!(
            out,
            "    <testcase classname=\"lock\" name=\"orphan-{}\" file=\"{}\">\n      <failure message=\"{}\" type=\"orphan\">{}</failure>\n    </testcase>\n",
            i + 1,
            escape(&o.path.display().to_string()),
            escape(&o.what),
            escape(&o.fix)
        );
    }
    out.push_str("  </testsuite>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_table() {
        let cases = [
            ("plain", "plain"),
            ("a<b>&c", "a&lt;b&gt;&amp;c"),
            ("say \"hi\" it's", "say &quot;hi&quot; it&apos;s"),
            ("l1\nl2\r", "l1&#10;l2&#13;"),
            ("bell\u{7}", "bell?"),
            ("Mi-35 ‘Hind E’", "Mi-35 ‘Hind E’"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }
}
