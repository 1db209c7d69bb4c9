//! Position-free renderings for snapshot tests and fact digests.
//!
//! Nothing here prints a line, column or byte offset: a snapshot must change
//! when a fact or verdict changes and stay byte-identical under cosmetic
//! edits (line endings, wrapping, quotes, spaces, boilerplate).

use std::fmt::Write as _;

use crate::verify::{Analysis, SetOutcome};

/// Every fact of a source, one per line, grouped under its sentence.
pub fn facts(a: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "source: {}", a.id());
    let _ = writeln!(
        out,
        "published: {}",
        a.text
            .published()
            .map_or_else(|| "unknown".to_string(), |d| d.to_string())
    );
    let mut last_sentence = None;
    for f in a.facts.iter() {
        if last_sentence != Some(f.sentence) {
            let s = a
                .text
                .sentences()
                .get(f.sentence)
                .map(|s| a.text.slice(s.span))
                .unwrap_or("");
            let _ = writeln!(out, "\n> {s}");
            last_sentence = Some(f.sentence);
        }
        let _ = writeln!(out, "  - {}", f.describe());
    }
    out
}

/// Every verdict of a claims file, with its evidence facts and sentences.
pub fn verdicts(set: &SetOutcome) -> String {
    let mut out = String::new();
    for o in &set.outcomes {
        let c = &o.claim;
        let _ = writeln!(
            out,
            "{} [{}] \"{}\" expect {} => {}",
            c.id,
            c.kind.name(),
            c.statement,
            c.expect.as_str(),
            if o.holds { "holds" } else { "FAILS" }
        );
        for f in &o.failures {
            let _ = writeln!(out, "  ! {f}");
        }
        for v in o.verdicts() {
            let _ = writeln!(out, "  {}: {}", v.source, v.verdict);
            for e in v.evidence {
                let note = e
                    .note
                    .as_ref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default();
                let _ = writeln!(out, "    {}{note}\n      \"{}\"", e.fact, e.sentence);
            }
        }
    }
    out
}
