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

use rayon::prelude::*;

use super::{Listing, MAX_NAMED};
use crate::lock::LockReport;
use crate::verify::{ClaimView, SetOutcome};

/// Escapes text for an XML attribute or element: `& < > " '` and control
/// characters (which XML 1.0 cannot hold) become entities or `?`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// [`escape`], appended to `out`.
fn escape_into(out: &mut String, s: &str) {
    let mut rest = s;
    // Runs of bytes that need no escaping are copied whole (a failure body
    // can be megabytes of evidence). Every character escaped is ASCII but
    // U+FFFE and U+FFFF, whose UTF-8 starts with 0xEF.
    while let Some(i) = rest.bytes().position(|b| SPECIAL[usize::from(b)]) {
        out.push_str(&rest[..i]);
        let mut chars = rest[i..].chars();
        if let Some(c) = chars.next() {
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
        rest = chars.as_str();
    }
    out.push_str(rest);
}

/// The bytes that may start a character [`escape`] rewrites.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[0xEF] = true;
    t
};

/// Renders every claims file (and the lock report, if any) as JUnit XML.
pub fn render(sets: &[SetOutcome], lock: Option<&LockReport>) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail, and every part is a `String`.
    let _ = write(sets, lock, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`], written to `w` as it is made: testcases are rendered a few
/// at a time, in parallel, and written in file order (a failing claim's
/// body holds its evidence from every source, megabytes on an archive).
///
/// # Errors
///
/// When `w` fails.
pub fn write(
    sets: &[SetOutcome],
    lock: Option<&LockReport>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_outcomes(&sets, lock, w)
}

/// [`write()`], from outcomes in memory, packed or spilled (see
/// [`Outcomes`](super::Outcomes)).
///
/// # Errors
///
/// When `w` fails, or a spilled outcome cannot be read back.
pub fn write_outcomes(
    o: &dyn super::Outcomes,
    lock: Option<&LockReport>,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let total: usize =
        super::every_claim(o).len() + lock.map_or(0, |l| l.sources.len() + l.orphans.len());
    let failed: usize = super::failed(o)
        + lock.map_or(0, |l| {
            l.sources.iter().filter(|s| s.state.fails()).count() + l.orphans.len()
        });
    writeln!(
        w,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"claimcheck\" tests=\"{total}\" failures=\"{failed}\" errors=\"0\">"
    )?;
    for set in 0..o.sets() {
        let (path, name) = o.set_path(set);
        let claims = o.claims(set);
        let fails = (0..claims).filter(|&k| !o.holds(set, k)).count();
        writeln!(
            w,
            "  <testsuite name=\"{}\" tests=\"{claims}\" failures=\"{fails}\" errors=\"0\" skipped=\"0\">",
            escape(&path.display().to_string()),
        )?;
        let all: Vec<(usize, usize)> = (0..claims).map(|k| (set, k)).collect();
        for chunk in super::chunks(o, &all, CHUNK) {
            // A claim alone in its chunk is one many sources speak to:
            // written as it is rendered, never held whole.
            if let [(set, k)] = *chunk {
                let mut out = String::new();
                testcase_with(&mut out, name, o.outcome(set, k)?.view(), &mut |out| {
                    super::write_piece(w, out)
                })?;
                w.write_all(out.as_bytes())?;
                continue;
            }
            let cases: Vec<String> = chunk
                .par_iter()
                .map(|&(set, k)| Ok(testcase(name, o.outcome(set, k)?.view())))
                .collect::<std::io::Result<_>>()?;
            for case in &cases {
                w.write_all(case.as_bytes())?;
            }
        }
        w.write_all(b"  </testsuite>\n")?;
    }
    if let Some(l) = lock {
        w.write_all(lock_suite(l).as_bytes())?;
    }
    w.write_all(b"</testsuites>\n")
}

/// Testcases rendered together, in parallel, before they are written.
const CHUNK: usize = 8;

fn testcase(set: &str, o: ClaimView) -> String {
    let mut out = String::new();
    // Never fails: nothing is written but to `out`.
    let _ = testcase_with(&mut out, set, o, &mut |_| Ok(()));
    out
}

/// [`testcase`], appended to `out`, calling `flush` on `out` as the
/// failure's body is rendered (to write out what is rendered so far).
fn testcase_with(
    out: &mut String,
    set: &str,
    o: ClaimView,
    flush: &mut dyn FnMut(&mut String) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let c = &o.claim;
    let _ = write!(
        out,
        "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\"",
        escape(set),
        escape(c.id.as_str()),
        escape(&c.location.path.display().to_string()),
        c.location.pos.line
    );
    if o.holds {
        out.push_str("/>\n");
        return Ok(());
    }
    let found = Listing::of(o).summary(MAX_NAMED, |v| format!("{}: {}", v.source, v.verdict));
    let message = format!(
        "\"{}\": expected {}, found {}; {}",
        c.statement,
        c.expect.as_str(),
        found.join(", "),
        o.failures.join("; ")
    );
    out.push_str(">\n      <failure message=\"");
    escape_into(out, &message);
    out.push_str("\" type=\"claim\">");
    let mut body = String::new();
    super::human::render_claim_with(&mut body, o, &mut |body| {
        if body.len() >= super::STREAMED_PIECE {
            escape_into(out, body);
            body.clear();
            flush(out)?;
        }
        Ok(())
    })?;
    escape_into(out, &body);
    out.push_str("</failure>\n    </testcase>\n");
    Ok(())
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
            ("", ""),
            ("<<", "&lt;&lt;"),
            ("é&\u{fffe}ü\u{0}", "é&amp;?ü?"),
            ("end>", "end&gt;"),
            ("\u{feff}\u{fffd}\u{ffff}", "\u{feff}\u{fffd}?"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }
}
