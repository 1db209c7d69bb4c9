//! Plain-text report for people.

use std::fmt::Write as _;

use rayon::prelude::*;

use crate::claims::Verdict;
use crate::span::SourceId;
use crate::verify::{ClaimOutcome, ClaimView, EvidenceRef, SetOutcome};

/// Renders the outcome of every claims file, then a summary line.
pub fn render(sets: &[SetOutcome]) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail, and every part is a `String`.
    let _ = write(sets, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`], written to `w` as it is made: claims are rendered a few at a
/// time, in parallel, and written in file order.
///
/// # Errors
///
/// When `w` fails.
pub fn write(sets: &[SetOutcome], w: &mut dyn std::io::Write) -> std::io::Result<()> {
    write_outcomes(&sets, w)
}

/// [`write()`], from outcomes in memory, packed or spilled (see
/// [`Outcomes`](super::Outcomes)).
///
/// # Errors
///
/// When `w` fails, or a spilled outcome cannot be read back.
pub fn write_outcomes(o: &dyn super::Outcomes, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    let claims = super::every_claim(o);
    // One buffer per claim of a chunk, kept from chunk to chunk: on an
    // archive run a claim renders to megabytes, which would otherwise be
    // grown by copying and asked of the system afresh for every claim.
    let mut parts: Vec<String> = vec![String::new(); CHUNK.min(claims.len())];
    for chunk in super::chunks(o, &claims, CHUNK) {
        // A claim alone in its chunk is one many sources speak to: written
        // as it is rendered, a few verdicts at a time (on an archive, tens
        // of megabytes, held twice while its buffer grows).
        if let [(set, k)] = *chunk {
            let buf = &mut parts[0];
            buf.clear();
            render_claim_with(buf, o.outcome(set, k)?.view(), &mut |buf| {
                super::write_piece(w, buf)
            })?;
            w.write_all(buf.as_bytes())?;
            continue;
        }
        chunk
            .par_iter()
            .zip(&mut parts)
            .try_for_each(|(&(set, k), out)| {
                out.clear();
                render_claim_into(out, o.outcome(set, k)?.view());
                Ok::<(), std::io::Error>(())
            })?;
        for p in &mut parts[..chunk.len()] {
            w.write_all(p.as_bytes())?;
            if p.capacity() > super::MAX_KEPT_BUFFER {
                *p = String::new();
            }
        }
    }
    let total = claims.len();
    let failed = super::failed(o);
    writeln!(
        w,
        "\n{} claims: {} hold, {} fail",
        total,
        total - failed,
        failed
    )
}

/// Claims rendered together, in parallel, before they are written (each
/// keeps its buffer).
const CHUNK: usize = 8;

/// Renders one claim: a status line, then one line per source with its
/// evidence; on failure, what was expected and the nearest candidates.
pub fn render_claim(o: &ClaimOutcome) -> String {
    let mut out = String::new();
    render_claim_into(&mut out, o.view());
    out
}

/// [`render_claim`], appended to `out`.
pub(crate) fn render_claim_into(out: &mut String, o: ClaimView) {
    // Never fails: nothing is written but to `out`.
    let _ = render_claim_with(out, o, &mut |_| Ok(()));
}

/// [`render_claim_into`], calling `flush` on `out` after each source's
/// lines (to write out what is rendered so far).
pub(crate) fn render_claim_with(
    out: &mut String,
    o: ClaimView,
    flush: &mut dyn FnMut(&mut String) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let c = &o.claim;
    let status = if o.holds { "ok" } else { "FAILED" };
    let _ = writeln!(
        out,
        "{status:6} {}:{} {} — \"{}\" (expect {})",
        c.location.path.display(),
        c.location.pos,
        c.id,
        c.statement,
        c.expect.as_str()
    );
    for f in o.failures {
        let _ = writeln!(out, "       ! {f}");
    }
    // Sources that say nothing at all about the claim: listed one per line
    // when few, summed up in one line when many (an archive run).
    let listing = super::Listing::of(o);
    for v in listing.listed() {
        out.push_str("       ");
        out.push_str(v.source.as_str());
        out.push_str(": ");
        out.push_str(v.verdict.as_str());
        if let Some(w) = c.per_source.get(v.source) {
            out.push_str(" (expected ");
            out.push_str(w.as_str());
            out.push(')');
        }
        out.push('\n');
        for e in v.evidence {
            evidence_line(out, v.source, e, "         ");
        }
        if v.verdict == Verdict::NotMentioned && !o.holds {
            if v.candidates.is_empty() {
                let _ = writeln!(out, "         no candidate fact of this kind");
            }
            for e in v.candidates {
                evidence_line(out, v.source, e, "         nearest: ");
            }
        }
        flush(out)?;
    }
    if let Some(silent) = listing.summed() {
        let _ = writeln!(out, "       {}", silent.line());
        if !o.holds {
            let _ = writeln!(
                out,
                "         no candidate fact of this kind in any of them"
            );
        }
    }
    Ok(())
}

/// Appends two lines: the evidence's position in `source`, fact and note;
/// then its sentence, quoted, under the fact.
fn evidence_line(out: &mut String, source: &SourceId, e: EvidenceRef, indent: &str) {
    // Pieces pushed one by one: an archive run writes millions of these.
    out.push_str(indent);
    out.push_str(source.as_str());
    out.push(':');
    push_number(out, e.pos.line);
    out.push(':');
    push_number(out, e.pos.col);
    out.push(' ');
    out.push_str(e.fact);
    if let Some(n) = e.note {
        out.push_str(" (");
        out.push_str(n);
        out.push(')');
    }
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', indent.len()));
    out.push_str("  \"");
    out.push_str(e.sentence);
    out.push_str("\"\n");
}

/// Appends `n` in decimal, as `write!` would, without the formatting
/// machinery (a large report writes millions of positions).
fn push_number(out: &mut String, n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut n = n;
    loop {
        i -= 1;
        // `n % 10` is below 10.
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// Every fact of a source, one per line, at `file:line:col`.
pub fn facts(a: &crate::verify::Analysis, source: &crate::Source) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), published {}: {} facts",
        a.id(),
        source.path().display(),
        source.published_state(),
        a.facts.len()
    );
    for f in a.facts.iter() {
        let _ = writeln!(
            out,
            "{}:{} {}",
            source.path().display(),
            a.text.line_col(f.span.start),
            f.describe()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_are_pushed_as_formatted() {
        for n in [0, 7, 10, 99, 100, 1_234_567, usize::MAX] {
            let mut out = String::from("x");
            super::push_number(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }
}
