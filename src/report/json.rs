//! JSON report for tools.
//!
//! One document:
//!
//! ```json
//! {
//!   "version": 1,
//!   "summary": {"claims": 30, "hold": 29, "fail": 1},
//!   "claims": [
//!     {
//!       "file": "claims/deal.toml", "line": 12, "column": 15,
//!       "id": "helicopters", "statement": "helicopter count = 4", "kind": "quantity",
//!       "expect": "holds", "holds": true, "failures": [],
//!       "sources": [
//!         {
//!           "source": "dawn", "verdict": "supported", "expected": null,
//!           "evidence": [{"line": 2, "column": 95, "fact": "...", "note": null, "sentence": "..."}],
//!           "candidates": []
//!         }
//!       ]
//!     }
//!   ]
//! }
//! ```
//!
//! `verdict` is one of `supported`, `contradicted`, `not-mentioned`;
//! `expect` one of `holds`, `contradicted`, `not-mentioned`, `per-source`;
//! `expected` is the per-source expectation or `null`. `candidates` lists
//! near misses and is filled only for `not-mentioned`. Lines and columns are
//! 1-based, columns count characters; evidence positions are in the source
//! file as it is on disk. Fields are only ever added, never renamed, within
//! one `version`.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

use crate::verify::{ClaimView, EvidenceList, EvidenceRef, SetOutcome};

/// The version of the JSON layout.
pub const VERSION: u32 = 1;

// The document is serialized from borrowed structs, not built as a
// `serde_json::Value` first: on an archive run it is claims x sources
// entries. Fields are declared in alphabetical order, the order the keys
// have always had.

#[derive(Serialize)]
struct Doc<'a> {
    /// Always empty when serialized: `render` puts the claims in.
    claims: Vec<JClaim<'a>>,
    summary: Summary,
    version: u32,
}

#[derive(Serialize)]
struct Summary {
    claims: usize,
    fail: usize,
    hold: usize,
}

#[derive(Serialize)]
struct JClaim<'a> {
    column: usize,
    expect: &'a str,
    failures: &'a [String],
    file: String,
    holds: bool,
    id: &'a str,
    kind: &'a str,
    line: usize,
    sources: Sources<'a>,
    statement: &'a str,
}

#[derive(Serialize)]
struct JSource<'a> {
    candidates: Evidences<'a>,
    evidence: Evidences<'a>,
    expected: Option<&'a str>,
    source: &'a str,
    verdict: &'a str,
}

#[derive(Serialize)]
struct JEvidence<'a> {
    column: usize,
    fact: &'a str,
    line: usize,
    note: Option<&'a str>,
    sentence: &'a str,
}

/// Renders every outcome as one JSON document (pretty-printed).
pub fn render(sets: &[SetOutcome]) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail, and serde_json writes UTF-8.
    let _ = write(sets, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render`], written to `w` as it is made: claims are serialized a few at
/// a time, in parallel, so an archive run never holds the whole document.
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
    let outcomes = super::every_claim(o);
    let total = outcomes.len();
    let fail = super::failed(o);
    let doc = Doc {
        claims: Vec::new(),
        summary: Summary {
            claims: total,
            fail,
            hold: total - fail,
        },
        version: VERSION,
    };
    let s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    // Each claim is serialized as serde_json pretty-prints it two levels
    // deep (every line indented four spaces) and put in the empty array, in
    // file order: the same bytes as one serialization of the whole.
    const EMPTY: &str = "\"claims\": []";
    match s.find(EMPTY) {
        Some(at) if !outcomes.is_empty() => {
            w.write_all(&s.as_bytes()[..at])?;
            w.write_all(b"\"claims\": [\n")?;
            for (n, chunk) in super::chunks(o, &outcomes, CHUNK).into_iter().enumerate() {
                // A claim alone in its chunk is one many sources speak to:
                // serialized straight to `w`, never held whole.
                if let [(set, k)] = *chunk {
                    if n > 0 {
                        w.write_all(b",\n")?;
                    }
                    write_indented(o.outcome(set, k)?.view(), w)?;
                    continue;
                }
                let parts: Vec<String> = chunk
                    .par_iter()
                    .map(|&(set, k)| Ok(indented(o.outcome(set, k)?.view())))
                    .collect::<std::io::Result<_>>()?;
                for (k, p) in parts.iter().enumerate() {
                    if n > 0 || k > 0 {
                        w.write_all(b",\n")?;
                    }
                    w.write_all(p.as_bytes())?;
                }
            }
            w.write_all(b"\n  ]")?;
            w.write_all(&s.as_bytes()[at + EMPTY.len()..])?;
        }
        _ => w.write_all(s.as_bytes())?,
    }
    w.write_all(b"\n")
}

/// Claims serialized together, in parallel, before they are written.
const CHUNK: usize = 32;

/// One claim, pretty-printed as it is inside the document's `claims` array
/// (each line indented by four spaces).
fn indented(o: ClaimView) -> String {
    let mut out = Vec::new();
    // Serializing into a vector cannot fail: every key is a string.
    let _ = write_indented(o, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`indented`], written to `w`.
fn write_indented(o: ClaimView, mut w: &mut dyn std::io::Write) -> std::io::Result<()> {
    w.write_all(b"    ")?;
    let mut ser = serde_json::Serializer::with_formatter(
        &mut w,
        Nested {
            level: 2,
            has_value: false,
        },
    );
    claim(o).serialize(&mut ser).map_err(std::io::Error::from)
}

/// serde_json's `PrettyFormatter` (two spaces), starting `level` levels
/// deep, so that a claim is written once, already indented.
struct Nested {
    level: usize,
    has_value: bool,
}

impl Nested {
    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }

    fn indent<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn claim(o: ClaimView<'_>) -> JClaim<'_> {
    let c = &o.claim;
    JClaim {
        column: c.location.pos.col,
        expect: c.expect.as_str(),
        failures: o.failures,
        file: c.location.path.display().to_string(),
        holds: o.holds,
        id: c.id.as_str(),
        kind: c.kind.name(),
        line: c.location.pos.line,
        sources: Sources(o),
        statement: &c.statement,
    }
}

/// A claim's verdicts, serialized as they are read from the outcome.
struct Sources<'a>(ClaimView<'a>);

impl Serialize for Sources<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let per_source = &self.0.claim.per_source;
        s.collect_seq(self.0.verdicts().map(|v| JSource {
            candidates: Evidences(v.candidates),
            evidence: Evidences(v.evidence),
            expected: per_source.get(v.source).map(|w| w.as_str()),
            source: v.source.as_str(),
            verdict: v.verdict.as_str(),
        }))
    }
}

/// A list of evidence, serialized as it is read.
struct Evidences<'a>(EvidenceList<'a>);

impl Serialize for Evidences<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(evidence))
    }
}

fn evidence(e: EvidenceRef<'_>) -> JEvidence<'_> {
    JEvidence {
        column: e.pos.col,
        fact: e.fact,
        line: e.pos.line,
        note: e.note,
        sentence: e.sentence,
    }
}

/// Every fact of a source as JSON:
/// `{"source", "file", "published", "facts": [{"line", "column", "kind", "fact", "text", "sentence"}]}`.
pub fn facts(a: &crate::verify::Analysis, source: &crate::Source) -> String {
    let facts: Vec<Value> = a
        .facts
        .iter()
        .map(|f| {
            let pos = a.text.line_col(f.span.start);
            json!({
                "line": pos.line,
                "column": pos.col,
                "kind": f.kind.name(),
                "fact": f.describe(),
                "text": a.text.slice(f.span),
                "sentence": a.text.sentences().get(f.sentence).map(|s| a.text.slice(s.span)),
            })
        })
        .collect();
    let doc = json!({
        "source": a.id().as_str(),
        "file": source.path().display().to_string(),
        "published": source.published_state().to_string(),
        "facts": facts,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use crate::claims::ClaimSet;
    use crate::source::{Published, Source};
    use crate::verify::{Analysis, verify};

    /// Claims are serialized one by one, already indented: the document
    /// must be byte for byte serde_json's own pretty printing of it.
    #[test]
    fn streamed_document_is_serde_jsons_pretty_printing() {
        let analyses: Vec<Analysis> = [
            ("a", "Nothing here at all.\n"),
            (
                "b",
                "The deal for four helicopters was signed in Lyon on Monday, officials said.\n",
            ),
        ]
        .into_iter()
        .map(|(id, text)| Analysis::of(&Source::from_string(id, Published::Unknown, text)))
        .collect();
        let toml = r#"
[claims]
lyon = "signed in Lyon"
paris = "signed in Paris"
helicopters = "helicopter count = 5"
"#;
        let set = ClaimSet::from_toml("t.toml", toml).expect("valid claims");
        let out = [verify(&set, &analyses)];
        let streamed = super::render(&out);
        let value: serde_json::Value = serde_json::from_str(&streamed).expect("valid JSON");
        let whole = serde_json::to_string_pretty(&value).expect("serializes") + "\n";
        assert_eq!(streamed, whole);
        assert!(streamed.contains("\"candidates\": []") && streamed.contains("\"failures\": [\n"));
    }
}
