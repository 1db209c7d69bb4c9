//! The lock file: what every source said when someone last reviewed it.
//!
//! `claimcheck lock` writes `seeds/claimcheck.lock` (TOML, committed beside
//! the seeds); `claimcheck check --locked` compares the sources and verdicts
//! of the run with it and says what moved. One `[[source]]` entry per source:
//!
//! ```toml
//! version = 1
//!
//! [[source]]
//! id = "dawn"
//! file = "000_8f0059a5e111d940.txt"
//! extractor = 1                          # EXTRACTOR_VERSION that made it
//! bytes = "fnv1a64:…"                    # the file exactly as read
//! content = "fnv1a64:…"                  # Text::content(): cosmetic edits do not move it
//! facts = "fnv1a64:…"                    # the position-free facts + extractor version
//! sentences = ["…"]                      # the fact-bearing sentences
//! fact = [{ kind = "quantity", key = "helicopter [mi-35]", value = "4", fact = "…", sentence = 0 }]
//! verdict = [{ claim = "deal::helicopters", statement = "…", verdict = "supported", evidence = ["…"] }]
//! ```
//!
//! Digests are FNV-1a 64-bit: stable across platforms and releases, and
//! **not cryptographic** (they detect edits, not tampering).
//!
//! What `--locked` decides, per source:
//! - bytes equal: unchanged;
//! - bytes differ, facts digest equal: a cosmetic edit (or a rewording that
//!   carries no fact): reported, does not fail;
//! - facts differ: fails, with the semantic diff (facts added, removed,
//!   changed; claims whose verdict moved; the changed sentences word by word);
//! - a claim's verdict differs from the locked one: fails (a claim changed);
//! - a source without a lock entry, or a lock entry, claim verdict or
//!   snapshot without a source or claim (an orphan): fails.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Value, json};

use crate::check::Run;
use crate::claims::Verdict;
use crate::diff::{self, FactRecord, SourceDiff, VerdictRecord};
use crate::error::{Error, ErrorKind, Result};
use crate::extract::EXTRACTOR_VERSION;
use crate::source::Source;
use crate::span::LineCol;
use crate::verify::Analysis;

/// The lock file's name inside the sources directory.
pub const LOCK_FILE: &str = "claimcheck.lock";

/// The version of the lock file layout. Layout 2 leaves out *not mentioned*
/// verdicts (most of them, on an archive); layout 1 files are still read.
pub const LOCK_VERSION: u32 = 2;

/// FNV-1a, 64 bits. Stable and fast; not cryptographic.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A digest as written in the lock: `fnv1a64:` and 16 hex digits.
pub fn digest(bytes: &[u8]) -> String {
    format!("fnv1a64:{:016x}", fnv1a64(bytes))
}

/// The facts digest of an analysis: the sorted position-free fact records
/// (see [`diff::FactRecord::digest_line`]) and [`EXTRACTOR_VERSION`]. It moves
/// exactly when a fact does (or the extractors change).
pub fn facts_digest(a: &Analysis) -> String {
    facts_digest_of(&diff::records(a))
}

fn facts_digest_of(records: &[FactRecord]) -> String {
    let mut lines: Vec<String> = records.iter().map(FactRecord::digest_line).collect();
    lines.sort();
    let mut s = format!("extractor {EXTRACTOR_VERSION}\n");
    for l in lines {
        s.push_str(&l);
        s.push('\n');
    }
    digest(s.as_bytes())
}

/// The fingerprint of one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Digest of the file's bytes.
    pub bytes: String,
    /// Digest of [`crate::Text::content`].
    pub content: String,
    /// [`facts_digest`].
    pub facts: String,
    /// The extractor version.
    pub extractor: u32,
}

/// Fingerprints a source and its analysis.
pub fn fingerprint(source: &Source, a: &Analysis) -> Fingerprint {
    Fingerprint {
        bytes: digest(source.text().as_bytes()),
        content: digest(a.text.content().as_bytes()),
        facts: facts_digest(a),
        extractor: EXTRACTOR_VERSION,
    }
}

/// What the lock needs of one source's analysis: its fingerprint,
/// fact-bearing sentences (with where each starts in the file) and
/// position-free facts. A run made for the lock keeps these instead of
/// whole analyses ([`crate::Keep::LockViews`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceView {
    /// The source's fingerprint.
    pub fingerprint: Fingerprint,
    /// Its fact-bearing sentences ([`diff::content_lines`]).
    pub sentences: Vec<String>,
    /// Where each of `sentences` starts in the file.
    pub at: Vec<LineCol>,
    /// Its facts ([`diff::records`]).
    pub facts: Vec<FactRecord>,
}

impl SourceView {
    /// The view of `source`, analysed as `a`.
    pub fn of(source: &Source, a: &Analysis) -> SourceView {
        let at = a
            .text
            .sentences()
            .iter()
            .filter(|s| s.kind.has_facts())
            .map(|s| a.text.line_col(s.span.start))
            .collect();
        SourceView {
            fingerprint: fingerprint(source, a),
            sentences: diff::content_lines(a),
            at,
            facts: diff::records(a),
        }
    }
}

/// The views of a run's sources: those it kept, or else made from its
/// analyses.
fn views(run: &Run) -> std::borrow::Cow<'_, [SourceView]> {
    use rayon::prelude::*;
    if run.views.len() == run.sources.len() {
        return std::borrow::Cow::Borrowed(&run.views);
    }
    std::borrow::Cow::Owned(
        run.sources
            .as_slice()
            .par_iter()
            .zip(&run.analyses)
            .map(|(s, a)| SourceView::of(s, a))
            .collect(),
    )
}

/// One source as locked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedSource {
    /// Source id.
    pub id: String,
    /// File name in the manifest.
    pub file: String,
    /// Its fingerprint.
    pub fingerprint: Fingerprint,
    /// Its fact-bearing sentences.
    pub sentences: Vec<String>,
    /// Its facts.
    pub facts: Vec<FactRecord>,
    /// Every claim's verdict against it.
    pub verdicts: Vec<VerdictRecord>,
}

/// A whole lock file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    /// One entry per source, in manifest order.
    sources: Vec<LockedSource>,
    /// Where each source's entry is in `sources`.
    at: std::collections::HashMap<String, usize>,
}

fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

impl Lock {
    /// The lock of a run: what `claimcheck lock` writes.
    pub fn of(run: &Run) -> Lock {
        let ids: Vec<&str> = run.sources.iter().map(|s| s.id().as_str()).collect();
        let verdicts = diff::verdict_records_by_source(&run.outcomes, &ids);
        let sources = run
            .sources
            .iter()
            .zip(views(run).iter())
            .zip(verdicts)
            .map(|((s, v), verdicts)| LockedSource {
                id: s.id().to_string(),
                file: s.file().to_string(),
                fingerprint: v.fingerprint.clone(),
                sentences: v.sentences.clone(),
                facts: v.facts.clone(),
                verdicts,
            })
            .collect();
        Lock::new(sources)
    }

    /// A lock of these entries (of two with the same id, [`Lock::get`]
    /// gives the first).
    pub fn new(sources: Vec<LockedSource>) -> Lock {
        let mut at = std::collections::HashMap::new();
        for (i, s) in sources.iter().enumerate() {
            at.entry(s.id.clone()).or_insert(i);
        }
        Lock { sources, at }
    }

    /// The TOML text, stable: the same run gives the same bytes.
    pub fn to_toml(&self) -> String {
        let mut out = Vec::new();
        // Writing to a vector cannot fail, and every entry is a `String`.
        let _ = self.write_toml(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    /// [`Lock::to_toml`], written to `w` an entry at a time (the lock of
    /// an archive is hundreds of megabytes).
    ///
    /// # Errors
    ///
    /// When `w` fails.
    pub fn write_toml(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        w.write_all(Lock::header().as_bytes())?;
        let mut entry = String::new();
        for s in &self.sources {
            entry.clear();
            Lock::push_entry(&mut entry, s);
            w.write_all(entry.as_bytes())?;
        }
        Ok(())
    }

    /// Writes the lock to `path`: to a temporary file beside it, then
    /// renamed over it, so that a failed write leaves the old lock whole.
    ///
    /// # Errors
    ///
    /// When the file cannot be written, naming it.
    pub fn save(&self, path: &Path) -> Result<()> {
        use std::io::Write as _;
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = PathBuf::from(tmp);
        let written = std::fs::File::create(&tmp).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            self.write_toml(&mut w)?;
            w.flush()
        });
        written
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                Error::io_write(path, &e)
            })
    }

    /// The lines before the first entry.
    fn header() -> String {
        let mut out = String::from(
            "# claimcheck lock file: what every source said when it was last reviewed.\n\
             # Written by `claimcheck lock`; checked by `claimcheck check --locked`.\n\
             # Digests are FNV-1a 64 (not cryptographic). Do not edit by hand.\n",
        );
        let _ = writeln!(out, "version = {LOCK_VERSION}");
        out
    }

    /// Appends the `[[source]]` table of `s`.
    fn push_entry(out: &mut String, s: &LockedSource) {
        let f = &s.fingerprint;
        let _ = writeln!(out, "\n[[source]]");
        let _ = writeln!(out, "id = {}", q(&s.id));
        let _ = writeln!(out, "file = {}", q(&s.file));
        let _ = writeln!(out, "extractor = {}", f.extractor);
        let _ = writeln!(out, "bytes = {}", q(&f.bytes));
        let _ = writeln!(out, "content = {}", q(&f.content));
        let _ = writeln!(out, "facts = {}", q(&f.facts));
        out.push_str("sentences = [\n");
        for l in &s.sentences {
            let _ = writeln!(out, "  {},", q(l));
        }
        out.push_str("]\nfact = [\n");
        for r in &s.facts {
            let sentence = r
                .sentence
                .map(|i| format!(", sentence = {i}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {{ kind = {}, key = {}, value = {}, fact = {}{sentence} }},",
                q(&r.kind),
                q(&r.key),
                q(&r.value),
                q(&r.fact)
            );
        }
        out.push_str("]\nverdict = [\n");
        for v in &s.verdicts {
            let ev: Vec<String> = v.evidence.iter().map(|e| q(e)).collect();
            let _ = writeln!(
                out,
                "  {{ claim = {}, statement = {}, verdict = {}, evidence = [{}] }},",
                q(&v.claim),
                q(&v.statement),
                q(v.verdict.as_str()),
                ev.join(", ")
            );
        }
        out.push_str("]\n");
    }

    /// Parses a lock file.
    ///
    /// # Errors
    ///
    /// Bad TOML, an unknown key, a newer layout version or an unknown verdict,
    /// naming the file (and line and column for TOML errors).
    pub fn parse(path: &Path, text: &str) -> Result<Lock> {
        Lock::parse_lines(path, text.as_bytes())
    }

    /// [`Lock::parse`] of the lines `r` gives. A lock of an archive is
    /// hundreds of megabytes: each `[[source]]` table is parsed on its own,
    /// a batch of tables at a time in parallel, and only that batch of the
    /// text is held. Every table is itself a TOML document (the lock writes
    /// one-line strings only), and errors are placed in the whole file.
    fn parse_lines(path: &Path, mut r: impl std::io::BufRead) -> Result<Lock> {
        use rayon::prelude::*;
        /// Tables parsed together.
        const BATCH: usize = 256;
        let parse_batch = |batch: &mut Vec<(usize, String)>, sources: &mut Vec<LockedSource>| {
            let parsed: Vec<Result<Vec<LockedSource>>> = batch
                .par_iter()
                .map(|(line, piece)| {
                    let raw: RawPiece = crate::claims::from_toml_at(path, piece, *line)?;
                    raw.source
                        .into_iter()
                        .map(|s| s.into_locked(path))
                        .collect()
                })
                .collect();
            batch.clear();
            for p in parsed {
                sources.extend(p?);
            }
            Ok::<(), Error>(())
        };
        let mut sources = Vec::new();
        let mut header_read = false;
        let mut batch: Vec<(usize, String)> = Vec::new();
        // The piece being read and the line it starts on (1-based).
        let (mut piece, mut first) = (String::new(), 1);
        let (mut line, mut n_lines) = (String::new(), 0);
        loop {
            line.clear();
            let read = r.read_line(&mut line).map_err(|e| Error::io(path, &e))?;
            let at_end = read == 0;
            if at_end || line.trim_end_matches(['\r', '\n']) == "[[source]]" {
                let done = std::mem::take(&mut piece);
                if !header_read {
                    // What comes before the first table: the version.
                    let raw: RawLock = crate::claims::from_toml_at(path, &done, first)?;
                    if !(1..=LOCK_VERSION).contains(&raw.version) {
                        return Err(Error::new(
                            ErrorKind::Syntax,
                            format!(
                                "lock file version {}: expected {LOCK_VERSION} (regenerate it with `claimcheck lock`)",
                                raw.version
                            ),
                        )
                        .with_path(path));
                    }
                    for s in raw.source {
                        sources.push(s.into_locked(path)?);
                    }
                    header_read = true;
                } else if !done.is_empty() {
                    batch.push((first, done));
                }
                if at_end || batch.len() >= BATCH {
                    parse_batch(&mut batch, &mut sources)?;
                }
                if at_end {
                    break;
                }
                first = n_lines + 1;
            }
            n_lines += 1;
            piece.push_str(&line);
        }
        Ok(Lock::new(sources))
    }

    /// Reads and parses a lock file.
    ///
    /// # Errors
    ///
    /// When it cannot be read or parsed (see [`Lock::parse`]).
    pub fn load(path: &Path) -> Result<Lock> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
        Lock::parse_lines(path, std::io::BufReader::new(file))
    }

    /// The entry of source `id`.
    pub fn get(&self, id: &str) -> Option<&LockedSource> {
        self.at.get(id).map(|&i| &self.sources[i])
    }

    /// Every entry, in manifest order.
    pub fn sources(&self) -> &[LockedSource] {
        &self.sources
    }
}

impl RawSource {
    /// The entry, without its *not mentioned* verdicts (a lock of layout 1
    /// lists them; layout 2 leaves them out).
    fn into_locked(self, path: &Path) -> Result<LockedSource> {
        let mut verdicts = Vec::new();
        for v in self.verdict {
            let verdict = parse_verdict(&v.verdict).ok_or_else(|| {
                Error::new(
                    ErrorKind::Syntax,
                    format!(
                        "unknown verdict {:?} for {}: expected supported, contradicted or not-mentioned",
                        v.verdict, v.claim
                    ),
                )
                .with_path(path)
            })?;
            if verdict == Verdict::NotMentioned {
                continue;
            }
            verdicts.push(VerdictRecord {
                claim: v.claim,
                statement: v.statement,
                verdict,
                evidence: v.evidence,
            });
        }
        Ok(LockedSource {
            id: self.id,
            file: self.file,
            fingerprint: Fingerprint {
                bytes: self.bytes,
                content: self.content,
                facts: self.facts,
                extractor: self.extractor,
            },
            sentences: self.sentences,
            facts: self
                .fact
                .into_iter()
                .map(|f| FactRecord {
                    kind: f.kind,
                    key: f.key,
                    value: f.value,
                    fact: f.fact,
                    sentence: f.sentence,
                })
                .collect(),
            verdicts,
        })
    }
}

fn parse_verdict(s: &str) -> Option<Verdict> {
    match s {
        "supported" => Some(Verdict::Supported),
        "contradicted" => Some(Verdict::Contradicted),
        "not-mentioned" => Some(Verdict::NotMentioned),
        _ => None,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLock {
    version: u32,
    #[serde(default)]
    source: Vec<RawSource>,
}

/// A `[[source]]` table of the lock, parsed on its own.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPiece {
    source: Vec<RawSource>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    file: String,
    extractor: u32,
    bytes: String,
    content: String,
    facts: String,
    #[serde(default)]
    sentences: Vec<String>,
    #[serde(default)]
    fact: Vec<RawFact>,
    #[serde(default)]
    verdict: Vec<RawVerdict>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    kind: String,
    key: String,
    value: String,
    fact: String,
    sentence: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVerdict {
    claim: String,
    #[serde(default)]
    statement: String,
    verdict: String,
    #[serde(default)]
    evidence: Vec<String>,
}

/// How a source compares with its lock entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockState {
    /// Same bytes, same verdicts.
    Unchanged,
    /// Bytes differ but no fact and no verdict moved: does not fail.
    Cosmetic,
    /// Same facts, but the extractor version differs: does not fail
    /// (refresh the lock with `claimcheck lock`).
    ExtractorChanged,
    /// A fact moved (and perhaps verdicts): fails.
    FactsMoved,
    /// Only verdicts moved (claims were edited): fails.
    VerdictsMoved,
    /// The source has no lock entry: fails.
    NotLocked,
}

impl LockState {
    /// Whether this state fails `check --locked`.
    pub fn fails(self) -> bool {
        matches!(
            self,
            LockState::FactsMoved | LockState::VerdictsMoved | LockState::NotLocked
        )
    }
}

/// One source against its lock entry.
#[derive(Debug, Clone)]
pub struct SourceStatus {
    /// Source id.
    pub id: String,
    /// The file as loaded (for annotations).
    pub path: PathBuf,
    /// The verdict on it.
    pub state: LockState,
    /// What moved.
    pub diff: SourceDiff,
    /// Where in the current file the first changed sentence starts.
    pub at: Option<LineCol>,
    /// Whether the fact-bearing text changed (wording, not only cosmetics).
    pub reworded: bool,
}

/// Something recorded for a source or claim that no longer exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// The file holding the stale entry.
    pub path: PathBuf,
    /// What it is: `lock entry for source `x``, `snapshot facts@x`, ...
    pub what: String,
    /// How to fix it.
    pub fix: String,
}

/// Everything `check --locked` found.
#[derive(Debug, Clone)]
pub struct LockReport {
    /// The lock file compared against.
    pub lock_path: PathBuf,
    /// One status per current source, in manifest order.
    pub sources: Vec<SourceStatus>,
    /// Stale lock entries, verdicts and snapshots.
    pub orphans: Vec<Orphan>,
}

impl LockReport {
    /// Whether the lock matches the run (cosmetic changes allowed).
    pub fn ok(&self) -> bool {
        self.orphans.is_empty() && !self.sources.iter().any(|s| s.state.fails())
    }
}

/// Compares a run with its lock. `snapshots` is the insta snapshot directory
/// to scan for orphans (`None` or a missing directory: skipped).
pub fn compare(lock: &Lock, lock_path: &Path, run: &Run, snapshots: Option<&Path>) -> LockReport {
    use rayon::prelude::*;
    let claims: BTreeSet<String> = run
        .outcomes
        .iter()
        .flat_map(|s| {
            s.outcomes
                .iter()
                .map(move |o| format!("{}::{}", s.name, o.claim.id))
        })
        .collect();
    let ids: Vec<&str> = run.sources.iter().map(|s| s.id().as_str()).collect();
    // Made into records one source at a time, in the closure below.
    let said = diff::said_by_source(&run.outcomes, &ids);
    let views = views(run);
    // Sources are compared in parallel and collected in manifest order.
    let status = |((s, view), said): ((&Source, &SourceView), &Vec<diff::Said>)| {
        let id = s.id().as_str();
        let new_verdicts = diff::records_of(said);
        let new_lines = &view.sentences;
        let new_records = &view.facts;
        let Some(old) = lock.get(id) else {
            return SourceStatus {
                id: id.to_string(),
                path: s.path().to_path_buf(),
                state: LockState::NotLocked,
                diff: SourceDiff::default(),
                at: None,
                reworded: false,
            };
        };
        let fp = &view.fingerprint;
        // Verdicts of claims that no longer exist are orphans, not moves.
        let old_verdicts: Vec<&VerdictRecord> = old
            .verdicts
            .iter()
            .filter(|v| claims.contains(&v.claim))
            .collect();
        let facts = if fp.facts == old.fingerprint.facts {
            Vec::new()
        } else {
            diff::diff_facts(&old.facts, &old.sentences, new_records, new_lines)
        };
        let sentences = if fp.content == old.fingerprint.content {
            Vec::new()
        } else {
            diff::diff_sentences(&old.sentences, new_lines)
        };
        let d = SourceDiff {
            facts,
            verdicts: diff::diff_verdicts(id, old_verdicts, &new_verdicts),
            sentences,
        };
        let state = if !d.facts.is_empty() {
            LockState::FactsMoved
        } else if !d.verdicts.is_empty() {
            LockState::VerdictsMoved
        } else if old.fingerprint.extractor != fp.extractor || old.fingerprint.facts != fp.facts {
            LockState::ExtractorChanged
        } else if old.fingerprint.bytes != fp.bytes {
            LockState::Cosmetic
        } else {
            LockState::Unchanged
        };
        let at = first_changed(view, &d);
        SourceStatus {
            id: id.to_string(),
            path: s.path().to_path_buf(),
            state,
            diff: d,
            at,
            reworded: fp.content != old.fingerprint.content,
        }
    };
    let statuses: Vec<SourceStatus> = run
        .sources
        .as_slice()
        .par_iter()
        .zip(&views[..])
        .zip(&said)
        .map(status)
        .collect();
    let mut orphans = Vec::new();
    let known: BTreeSet<&str> = run.sources.iter().map(|s| s.id().as_str()).collect();
    for old in &lock.sources {
        if !known.contains(old.id.as_str()) {
            orphans.push(Orphan {
                path: lock_path.to_path_buf(),
                what: format!(
                    "lock entry for source `{}` ({}), which is no longer in the manifest",
                    old.id, old.file
                ),
                fix: "run `claimcheck lock`".into(),
            });
            continue;
        }
        let mut stale: Vec<&str> = old
            .verdicts
            .iter()
            .filter(|v| !claims.contains(&v.claim))
            .map(|v| v.claim.as_str())
            .collect();
        stale.dedup();
        for c in stale {
            orphans.push(Orphan {
                path: lock_path.to_path_buf(),
                what: format!(
                    "lock verdict of claim `{c}` against `{}`, which no longer exists",
                    old.id
                ),
                fix: "run `claimcheck lock`".into(),
            });
        }
    }
    if let Some(dir) = snapshots {
        orphans.extend(snapshot_orphans(dir, run));
    }
    LockReport {
        lock_path: lock_path.to_path_buf(),
        sources: statuses,
        orphans,
    }
}

/// The position in the current file of the first changed sentence.
fn first_changed(view: &SourceView, d: &SourceDiff) -> Option<LineCol> {
    let lines = &view.sentences;
    let target = d
        .facts
        .iter()
        .find_map(|c| match c {
            diff::FactChange::Added(r) | diff::FactChange::Changed { new: r, .. } => r.sentence,
            diff::FactChange::Removed(_) => None,
        })
        .and_then(|i| lines.get(i))
        .or_else(|| d.sentences.iter().find_map(|s| s.new.as_ref()))?;
    let i = lines.iter().position(|l| l == target)?;
    view.at.get(i).copied()
}

/// Snapshots (`<test>__facts@<source>.snap`, `<test>__verdicts@<claims>.snap`)
/// naming a source or claims file that no longer exists.
pub fn snapshot_orphans(dir: &Path, run: &Run) -> Vec<Orphan> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let sources: BTreeSet<&str> = run.sources.iter().map(|s| s.id().as_str()).collect();
    let sets: BTreeSet<&str> = run.outcomes.iter().map(|s| s.name.as_str()).collect();
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".snap"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for n in names {
        let stem = n.trim_end_matches(".snap");
        let name = stem.split_once("__").map_or(stem, |(_, r)| r);
        let stale = if let Some(id) = name.strip_prefix("facts@") {
            (!sources.contains(id))
                .then(|| format!("snapshot of the facts of source `{id}`, which no longer exists"))
        } else if let Some(set) = name.strip_prefix("verdicts@") {
            (!sets.contains(set)).then(|| {
                format!("snapshot of the verdicts of claims file `{set}`, which no longer exists")
            })
        } else {
            None
        };
        if let Some(what) = stale {
            out.push(Orphan {
                path: dir.join(&n),
                what,
                fix: "delete it (`cargo insta test --unreferenced=delete`)".into(),
            });
        }
    }
    out
}

/// The lock report for people: [`render_changes`] and a summary line.
pub fn render(r: &LockReport) -> String {
    let mut out = render_changes(r);
    let failing = r.sources.iter().filter(|s| s.state.fails()).count();
    if r.ok() {
        let _ = writeln!(out, "lock: ok, no fact moved");
    } else {
        let _ = writeln!(
            out,
            "lock: FAILED, {failing} source(s) moved, {} orphan(s); review, then `claimcheck lock`",
            r.orphans.len()
        );
    }
    out
}

/// Each source's state and semantic diff, then the orphans.
pub fn render_changes(r: &LockReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\nlock: {}", r.lock_path.display());
    for s in &r.sources {
        let line = match s.state {
            LockState::Unchanged => "unchanged".to_string(),
            LockState::Cosmetic if s.reworded => {
                "reworded, no fact moved (does not fail; `claimcheck lock` to accept)".to_string()
            }
            LockState::Cosmetic => "cosmetic change, no fact moved".to_string(),
            LockState::ExtractorChanged => {
                "extractor version changed, no fact moved (`claimcheck lock` to refresh)"
                    .to_string()
            }
            LockState::FactsMoved => format!("CHANGED: {} fact(s) moved", s.diff.facts.len()),
            LockState::VerdictsMoved => format!(
                "CHANGED: {} verdict(s) moved (claims changed since the lock)",
                s.diff.verdicts.len()
            ),
            LockState::NotLocked => "NOT LOCKED: new source, run `claimcheck lock`".to_string(),
        };
        let at = s.at.map(|p| format!(":{p}")).unwrap_or_default();
        let _ = writeln!(out, "  {} ({}{at}): {line}", s.id, s.path.display());
        if s.state != LockState::Unchanged && !s.diff.is_empty() {
            for l in diff::render(&s.diff).lines() {
                let _ = writeln!(out, "    {l}");
            }
        }
    }
    for o in &r.orphans {
        let _ = writeln!(out, "  ORPHAN {}: {} ({})", o.path.display(), o.what, o.fix);
    }
    out
}

/// The lock report as JSON (the `lock` member of `check --locked --format json`):
/// `{"file", "ok", "sources": [{"source", "file", "state", "line", "facts":
/// [{"change": "added|removed|changed", "kind", "key", "old", "new"}],
/// "verdicts": [{"claim", "before", "after", "evidence"}], "sentences":
/// ["[-old-]{+new+}"]}], "orphans": [{"file", "what", "fix"}]}`.
pub fn to_json(r: &LockReport) -> Value {
    let state = |s: LockState| match s {
        LockState::Unchanged => "unchanged",
        LockState::Cosmetic => "cosmetic",
        LockState::ExtractorChanged => "extractor-changed",
        LockState::FactsMoved => "facts-moved",
        LockState::VerdictsMoved => "verdicts-moved",
        LockState::NotLocked => "not-locked",
    };
    let fact = |c: &diff::FactChange| match c {
        diff::FactChange::Added(n) => {
            json!({"change": "added", "kind": n.kind, "key": n.key, "old": null, "new": n.value, "fact": n.fact})
        }
        diff::FactChange::Removed(o) => {
            json!({"change": "removed", "kind": o.kind, "key": o.key, "old": o.value, "new": null, "fact": o.fact})
        }
        diff::FactChange::Changed { old, new } => {
            json!({"change": "changed", "kind": new.kind, "key": new.key, "old": old.value, "new": new.value, "fact": new.fact})
        }
    };
    let verdict = |v: Option<Verdict>| v.map(Verdict::as_str);
    json!({
        "file": r.lock_path.display().to_string(),
        "ok": r.ok(),
        "sources": r.sources.iter().map(|s| json!({
            "source": s.id,
            "file": s.path.display().to_string(),
            "state": state(s.state),
            "line": s.at.map(|p| p.line),
            "facts": s.diff.facts.iter().map(fact).collect::<Vec<_>>(),
            "verdicts": s.diff.verdicts.iter().map(|v| json!({
                "claim": v.claim,
                "before": verdict(v.before),
                "after": verdict(v.after),
                "evidence": v.after_evidence,
            })).collect::<Vec<_>>(),
            "sentences": s.diff.sentences.iter().map(diff::SentenceChange::inline).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "orphans": r.orphans.iter().map(|o| json!({
            "file": o.path.display().to_string(),
            "what": o.what,
            "fix": o.fix,
        })).collect::<Vec<_>>(),
    })
}

/// Claims keyed `<file stem>::<id>` to their claims file and line, for
/// annotations.
pub fn claim_locations_of(
    sets: &[crate::verify::SetOutcome],
) -> BTreeMap<String, crate::claims::ClaimLocation> {
    sets.iter()
        .flat_map(|s| {
            s.outcomes.iter().map(move |o| {
                (
                    format!("{}::{}", s.name, o.claim.id),
                    o.claim.location.clone(),
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_reference_values() {
        // Published FNV-1a 64 test vectors.
        let cases: [(&[u8], u64); 3] = [
            (b"", 0xcbf2_9ce4_8422_2325),
            (b"a", 0xaf63_dc4c_8601_ec8c),
            (b"foobar", 0x8594_4171_f739_67e8),
        ];
        for (input, want) in cases {
            assert_eq!(fnv1a64(input), want, "{input:?}");
        }
        assert_eq!(digest(b"a"), "fnv1a64:af63dc4c8601ec8c");
    }

    /// A lock entry for source `id`, with one sentence and no fact or
    /// verdict.
    fn entry(id: &str) -> LockedSource {
        LockedSource {
            id: id.into(),
            file: format!("{id}.txt"),
            fingerprint: Fingerprint {
                bytes: digest(b"x"),
                content: digest(b"y"),
                facts: digest(b"z"),
                extractor: EXTRACTOR_VERSION,
            },
            sentences: vec!["One.".into()],
            facts: Vec::new(),
            verdicts: Vec::new(),
        }
    }

    #[test]
    fn lock_round_trips_through_toml() {
        let lock = Lock::new(vec![LockedSource {
            sentences: vec!["He said \"yes\" \\ no.\u{a0}".into()],
            facts: vec![FactRecord {
                kind: "quantity".into(),
                key: "helicopter [mi-35]".into(),
                value: "4".into(),
                fact: "quantity 4 helicopter [mi-35]".into(),
                sentence: Some(0),
            }],
            verdicts: vec![VerdictRecord {
                claim: "c::x".into(),
                statement: "helicopter count = 4".into(),
                verdict: Verdict::Supported,
                evidence: vec!["quantity 4 — \"q\"".into()],
            }],
            ..entry("a")
        }]);
        let text = lock.to_toml();
        let back = Lock::parse(Path::new("l.lock"), &text);
        assert_eq!(back.as_ref().ok(), Some(&lock), "{text}\n{back:?}");
        // CRLF line endings (a checkout on Windows) read the same.
        let crlf = Lock::parse(Path::new("l.lock"), &text.replace('\n', "\r\n"));
        assert_eq!(crlf.as_ref().ok(), Some(&lock), "{crlf:?}");
        // Tables are parsed a batch at a time: more than a batch, in order.
        let many = Lock::new(
            (0..600)
                .map(|i| LockedSource {
                    id: format!("s{i}"),
                    file: format!("s{i}.txt"),
                    ..lock.sources()[0].clone()
                })
                .collect(),
        );
        let back = Lock::parse(Path::new("l.lock"), &many.to_toml());
        assert_eq!(back.as_ref().ok(), Some(&many));
        assert_eq!(
            back.ok()
                .and_then(|l| l.get("s599").map(|s| s.file.clone())),
            Some("s599.txt".into())
        );
        // Of two entries with one id, the first is the one found.
        let twice = Lock::new(vec![
            entry("a"),
            LockedSource {
                file: "b.txt".into(),
                ..entry("a")
            },
        ]);
        assert_eq!(twice.get("a").map(|s| s.file.as_str()), Some("a.txt"));
    }

    #[test]
    fn a_lock_is_saved_whole_or_not_at_all() {
        let lock = Lock::new(vec![entry("a")]);
        let mut streamed = Vec::new();
        lock.write_toml(&mut streamed).expect("write to a vector");
        assert_eq!(String::from_utf8(streamed).ok(), Some(lock.to_toml()));
        let dir = std::env::temp_dir().join(format!("claimcheck-save-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("claimcheck.lock");
        std::fs::write(&path, "old").expect("old lock");
        lock.save(&path).expect("saved");
        assert_eq!(std::fs::read_to_string(&path).ok(), Some(lock.to_toml()));
        // Into a directory that does not exist: an error naming the file.
        let nowhere = dir.join("missing").join("claimcheck.lock");
        match lock.save(&nowhere) {
            Err(e) => assert!(
                e.to_string()
                    .contains(&format!("{}: cannot write", nowhere.display())),
                "{e}"
            ),
            Ok(()) => panic!("saved into a missing directory"),
        }
        let left: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.count())
            .into_iter()
            .collect();
        assert_eq!(left, vec![1], "no temporary file is left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_lock_that_is_not_utf8_is_an_error_naming_it() {
        let path =
            std::env::temp_dir().join(format!("claimcheck-lock-{}.lock", std::process::id()));
        std::fs::write(&path, b"version = 2\n[[source]]\nid = '\xff'\n").expect("temp file");
        let err = Lock::load(&path).map(|_| ()).map_err(|e| e.to_string());
        let _ = std::fs::remove_file(&path);
        match err {
            Err(e) => assert!(e.contains(&path.display().to_string()), "{e}"),
            Ok(()) => panic!("a lock that is not UTF-8 was read"),
        }
    }

    #[test]
    fn bad_lock_files_are_errors_not_panics() {
        let cases = [
            ("version = 3\n", "version 3"),
            ("version = 0\n", "version 0"),
            ("version = 1\n[[source]]\nid = 1\n", "l.lock"),
            // Each `[[source]]` is parsed on its own; errors still point
            // into the whole file.
            (
                "version = 2\n[[source]]\nid='a'\nfile='a'\nextractor=1\nbytes=''\ncontent=''\nfacts=''\n\
                 [[source]]\nid='b'\nfile='b'\nbogus = 3\n",
                "l.lock:12:1",
            ),
            (
                "version = 2\n[[source]]\nid='a'\nfile='a'\nextractor=1\nbytes=''\ncontent=''\nfacts=''\n\
                 [[source]]\nid='b'\nfile='b'\nextractor=1\nbytes=''\ncontent=''\nfacts=''\nsentences = [\n",
                "l.lock:16:14: unclosed array",
            ),
            ("version = 1\nbogus = 3\n", "unknown"),
            (
                "version = 1\n[[source]]\nid='a'\nfile='a'\nextractor=1\nbytes=''\ncontent=''\nfacts=''\nverdict=[{claim='c', verdict='maybe'}]\n",
                "unknown verdict",
            ),
        ];
        for (text, want) in cases {
            match Lock::parse(Path::new("l.lock"), text) {
                Ok(l) => panic!("{text:?} parsed as {l:?}"),
                Err(e) => assert!(e.to_string().contains(want), "{text:?}: {e}"),
            }
        }
    }

    /// A lock of layout 1 lists *not mentioned* verdicts; they are read as
    /// layout 2 leaves them: out.
    #[test]
    fn layout_1_locks_are_read_without_their_not_mentioned_verdicts() {
        let text = "version = 1\n[[source]]\nid='a'\nfile='a'\nextractor=1\nbytes=''\ncontent=''\nfacts=''\n\
                    verdict=[{claim='c::x', verdict='not-mentioned'}, {claim='c::y', verdict='supported'}]\n\
                    [[source]]\nid='b'\nfile='b'\nextractor=1\nbytes=''\ncontent=''\nfacts=''\n\
                    verdict=[{claim='c::x', verdict='contradicted'}]\n";
        let lock = match Lock::parse(Path::new("l.lock"), text) {
            Ok(l) => l,
            Err(e) => panic!("{e}"),
        };
        let claims = |id: &str| -> Vec<(String, Verdict)> {
            lock.get(id)
                .map(|s| {
                    s.verdicts
                        .iter()
                        .map(|v| (v.claim.clone(), v.verdict))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(claims("a"), vec![("c::y".to_string(), Verdict::Supported)]);
        assert_eq!(
            claims("b"),
            vec![("c::x".to_string(), Verdict::Contradicted)]
        );
        assert_eq!(lock.sources().len(), 2);
    }

    fn run(text: &str, claims: &str) -> Run {
        let src = Source::from_string(
            "a",
            crate::Published::On(jiff::civil::date(2024, 3, 6)),
            text,
        );
        let sources = crate::Sources::from_vec(vec![src]);
        let analyses = crate::check::analyse(&sources);
        let sets: Vec<crate::ClaimSet> = crate::ClaimSet::from_toml("c.toml", claims)
            .into_iter()
            .collect();
        let outcomes = sets
            .iter()
            .map(|s| crate::verify::verify(s, &analyses))
            .collect();
        Run {
            sources,
            analysed: analyses.len(),
            analyses,
            views: Vec::new(),
            sets,
            outcomes,
            spilled: None,
            packed: None,
        }
    }

    /// `run` keeping each source's view instead of its analysis.
    fn views_only(mut run: Run) -> Run {
        run.views = run
            .sources
            .iter()
            .zip(&run.analyses)
            .map(|(s, a)| SourceView::of(s, a))
            .collect();
        run.analyses.clear();
        run
    }

    /// (edited text, edited claims, expected state, fails)
    #[test]
    fn compare_states_table() {
        let text =
            "PARIS: The two sides signed a deal in Paris on Monday.\nThe talks lasted two days.\n";
        let claims = "[claims]\nmonday = \"signed on Monday\"\n";
        let base = run(text, claims);
        assert!(base.sets.len() == 1, "claims must parse");
        let lock = Lock::of(&base);
        let cases: Vec<(String, &str, LockState, bool)> = vec![
            (text.to_string(), claims, LockState::Unchanged, false),
            (
                text.replace('\n', "\r\n\r\n"),
                claims,
                LockState::Cosmetic,
                false,
            ),
            (
                format!("{text}Share this article\n"),
                claims,
                LockState::Cosmetic,
                false,
            ),
            (
                text.replace("Monday", "Tuesday"),
                claims,
                LockState::FactsMoved,
                true,
            ),
            (
                text.replace("two days", "three days"),
                claims,
                LockState::FactsMoved,
                true,
            ),
            (
                text.to_string(),
                "[claims]\nmonday = \"signed on Monday\"\nparis = \"signed in Paris\"\n",
                LockState::VerdictsMoved,
                true,
            ),
        ];
        for (t, c, want, fails) in cases {
            let r = compare(&lock, Path::new("l.lock"), &run(&t, c), None);
            assert_eq!(r.sources[0].state, want, "{t:?} {c:?}\n{}", render(&r));
            assert_eq!(!r.ok(), fails, "{t:?} {c:?}\n{}", render(&r));
            // A run that kept only the lock's views of its sources gives
            // the same lock and the same report, positions included.
            let viewed = views_only(run(&t, c));
            let rv = compare(&lock, Path::new("l.lock"), &viewed, None);
            assert_eq!(render(&rv), render(&r));
            assert_eq!(to_json(&rv), to_json(&r));
            assert_eq!(Lock::of(&viewed), Lock::of(&run(&t, c)));
        }
        // The report points at the first changed sentence in the file.
        let moved = run(&text.replace("two days", "three days"), claims);
        for r in [&moved, &views_only(moved.clone())] {
            let r = compare(&lock, Path::new("l.lock"), r, None);
            assert_eq!(
                r.sources[0].at,
                Some(LineCol { line: 2, col: 1 }),
                "{}",
                render(&r)
            );
        }
        // A removed claim leaves an orphan verdict in the lock.
        let r = compare(&lock, Path::new("l.lock"), &run(text, "[claims]\n"), None);
        assert_eq!(r.orphans.len(), 1, "{}", render(&r));
        assert!(r.orphans[0].what.contains("c::monday"));
    }
}
