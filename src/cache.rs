//! The caches of a run, kept on disk between runs: facts, so that an
//! unchanged source is not extracted again, and verdicts, so that an
//! unchanged source is not even analysed or judged again when the claims
//! file and the code are unchanged too.
//!
//! Facts: the key is the FNV-1a 64 digest of the source's bytes, its
//! publication date, the extractor version and a build-time hash of the
//! extractor's own source and data files and of this file (see `build.rs`).
//! Any change to any of them is a miss. Value: the source's normalized text
//! (its paragraphs, sentences and offsets; a source read back from the cache
//! is not normalized again, which took as long as judging it against a
//! thousand claims) and its [`Facts`], in postcard's compact binary serde
//! format (3x faster to read back than JSON, 5.5x smaller), one file per
//! key.
//!
//! Verdicts ([`CachedVerdicts`]): one file per claims file, holding each
//! source's non-silent verdicts under a key that adds the source's id and a
//! build-time hash of all the code to the facts key, and the fingerprint of
//! each claim they were judged for ([`crate::Verifier::claim_fingerprints`]:
//! what it asserts, the sources it names, the aliases). Editing a source
//! judges that source again; editing, adding or moving claims judges only
//! the claims whose fingerprint the file does not hold, and the verdicts of
//! the others are taken over (renumbered when claims moved). Since the key
//! holds the source's exact bytes, cached evidence positions are those of
//! the text as it is now.
//!
//! Writes go to a temporary file renamed into place, so parallel runs never
//! see half a file; a file that does not read back is a miss, never an
//! error. The caches are a private format of this build, not a wire format:
//! they are written and read only by the same binary.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::claims::Verdict;
use crate::extract::{EXTRACTOR_VERSION, Facts};
use crate::source::Source;
use crate::span::{LineCol, SourceId, Span};
use crate::verify::{Evidence, KeyFilter, SourceRow, SourceVerdict, shared_note};

/// The build-time hash of the extractor's code and data.
const EXTRACTOR_HASH: &str = env!("CLAIMCHECK_EXTRACTOR_HASH");

/// A directory of cached facts.
#[derive(Debug, Clone)]
pub struct FactsCache {
    dir: PathBuf,
}

impl FactsCache {
    /// A cache in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> FactsCache {
        FactsCache { dir: dir.into() }
    }

    /// The default place: `target/claimcheck-cache` under the current
    /// directory.
    pub fn default_dir() -> PathBuf {
        Path::new("target").join("claimcheck-cache")
    }

    /// Where the cache lives.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The directory of this build's facts: one per extractor version and
    /// fingerprint, so that those of other builds can be told apart and
    /// deleted ([`prune`](FactsCache::prune)).
    fn facts_dir(&self) -> PathBuf {
        let version = format!("{EXTRACTOR_VERSION}\0{EXTRACTOR_HASH}");
        self.dir.join(format!(
            "facts-{:016x}",
            crate::lock::fnv1a64(version.as_bytes())
        ))
    }

    /// The directory of this build's verdicts files (see
    /// [`facts_dir`](FactsCache::facts_dir)).
    fn verdicts_dir(&self) -> PathBuf {
        self.dir.join(format!(
            "verdicts-{:016x}",
            crate::lock::fnv1a64(CODE_HASH.as_bytes())
        ))
    }

    fn path(&self, source: &Source) -> PathBuf {
        self.facts_dir()
            .join(format!("{:016x}.facts", digest(source, "")))
    }

    /// Deletes what other builds of claimcheck left in the cache: their
    /// facts and verdicts directories, and the entries of the older flat
    /// layout (`<16 hex digits>.facts`, `.verdicts` or `.json`). Nothing
    /// else in the directory is touched. A check with a cache calls this
    /// once it has written its own entries, so the cache holds one build's
    /// entries, not one set per build ever run. Returns how many entries it
    /// deleted; failures are skipped (they only leave garbage behind).
    pub fn prune(&self) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return 0;
        };
        let keep = [self.facts_dir(), self.verdicts_dir()];
        let mut deleted = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let hex16 = |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit());
            let gone = if kind.is_dir() {
                let version = name
                    .strip_prefix("facts-")
                    .or_else(|| name.strip_prefix("verdicts-"));
                version.is_some_and(hex16)
                    && !keep.contains(&path)
                    && std::fs::remove_dir_all(&path).is_ok()
            } else {
                name.rsplit_once('.').is_some_and(|(stem, ext)| {
                    hex16(stem) && matches!(ext, "facts" | "verdicts" | "json")
                }) && std::fs::remove_file(&path).is_ok()
            };
            deleted += usize::from(gone);
        }
        deleted
    }

    /// The cached facts of `source`, if any were stored by this build.
    pub fn load(&self, source: &Source) -> Option<Facts> {
        self.load_entry(source).map(|entry| entry.facts)
    }

    /// The analysis of `source` from the cache, if this build stored one:
    /// its facts and its normalized text, so that the source is neither
    /// extracted nor normalized again.
    pub fn load_analysis(&self, source: &Source) -> Option<crate::Analysis> {
        let entry = self.load_entry(source)?;
        let text = crate::text::Text::from_normalized(source, entry.text)?;
        Some(crate::Analysis::from_parts(text, entry.facts))
    }

    fn load_entry(&self, source: &Source) -> Option<StoredAnalysis> {
        let bytes = std::fs::read(self.path(source)).ok()?;
        let entry: StoredAnalysis = postcard::from_bytes(&bytes).ok()?;
        // A hash collision between two sources would show as another id.
        (entry.facts.source() == source.id()).then_some(entry)
    }

    /// Stores the facts of `source` with its normalized `text` (that of
    /// [`crate::normalize`]). Failure to write only costs a later
    /// re-extraction, so it is ignored.
    pub fn store(&self, source: &Source, text: &crate::Text, facts: &Facts) {
        let path = self.path(source);
        let entry = StoredAnalysisRef {
            text: text.normalized(),
            facts,
        };
        if let Ok(bytes) = postcard::to_stdvec(&entry) {
            write_whole(&path, &bytes);
        }
    }
}

/// A facts entry as read: the source's normalized text, then its facts.
#[derive(Deserialize)]
struct StoredAnalysis {
    text: crate::text::Normalized,
    facts: Facts,
}

/// A facts entry as written ([`StoredAnalysis`], borrowed).
#[derive(Serialize)]
struct StoredAnalysisRef<'a> {
    text: crate::text::NormalizedRef<'a>,
    facts: &'a Facts,
}

/// The build-time hash of all the code and data: a verdict can change with
/// any of it.
const CODE_HASH: &str = env!("CLAIMCHECK_CODE_HASH");

/// The cached verdicts of one claims file: one file per claims file, read
/// before a run and written after it when anything changed, holding the
/// [`SourceRow`] of each source of the last run, so that an unchanged source
/// is neither analysed nor judged again.
///
/// A row's key holds everything the key of the source's facts holds, plus
/// the source's id and the build-time hash of all the code; the file holds
/// the claims file's fingerprint ([`crate::Verifier::fingerprint`]), and a
/// file with another fingerprint has no rows. A row names the sentences,
/// fact descriptions and notes its evidence cites once each, so that
/// evidence read back shares them as evidence made by `verify` does. Rows
/// of sources that are gone are dropped when the file is written again.
#[derive(Debug)]
pub(crate) struct CachedVerdicts {
    path: PathBuf,
    /// The fingerprint of each claim of the file now.
    claims: Vec<u64>,
    /// For each claim of the stored file, the claims of the file now with
    /// its fingerprint (whose verdicts are its verdicts).
    renumber: Vec<Vec<usize>>,
    /// Whether the stored claims are those of the file now, in order.
    same_claims: bool,
    /// The claims of the file now that the stored file has no verdicts for.
    missing: Vec<usize>,
    /// What key filters are made under now.
    filter_key: u64,
    /// The digest the stored key filters were made under
    /// ([`crate::Verifier::filter_key`]) is the one now.
    same_filters: bool,
    /// The verdicts file, open: rows are read from it when asked for, not
    /// held in memory (it is about twice the size of an archive's articles
    /// with a thousand claims).
    file: Option<std::fs::File>,
    /// Source key → where its row and the [`KeyFilter`] of its index are in
    /// `file`, encoded.
    rows: HashMap<u64, (Range<u64>, Range<u64>)>,
}

/// A row for [`RowsWriter::push`].
#[derive(Debug)]
#[cfg_attr(test, derive(Clone))]
pub(crate) enum EncodedRow {
    /// Encoded anew, with the key filter of its source's index (empty when
    /// there is none).
    New { row: Vec<u8>, filter: Vec<u8> },
    /// The stored row, whose bytes still hold (see
    /// [`CachedVerdicts::get`]).
    Stored,
}

/// The verdicts file of one claims file, written again as a run goes: the
/// row of each source in turn, in source order, as it is kept, so that no
/// run holds a verdicts file's worth of rows (about twice the size of an
/// archive's articles with a thousand claims) until it ends.
///
/// Nothing is written until a row is new: a run that judged nothing leaves
/// the file as it is, unless sources are gone (or claims changed), when it
/// is written again at the end, every row read from the old file as it is
/// written. The file is written under another name and renamed when whole,
/// so a run stopped part way leaves the old file.
///
/// The layout, which [`index_file`] reads: the claims' fingerprints (a
/// varint count, then each as a varint), the key filters' key (a varint);
/// then for each row a 1, its source's key (a varint), the row and the key
/// filter of the source's index (each a varint length, then its bytes,
/// the filter empty when there is none); then a 0 and the number of rows
/// (a varint). Postcard lays out the rows and filters the same way.
pub(crate) struct RowsWriter<'a> {
    cached: &'a CachedVerdicts,
    /// Rows not written yet, as nothing new was met yet: each source's key
    /// and whether its stored row is written with its key filter (`true`)
    /// or without.
    waiting: Vec<(u64, bool)>,
    /// How many sources were pushed.
    sources: usize,
    /// The file being written, once a row was new, and how many rows are
    /// in it; `None` in it once a write failed (nothing more is written).
    out: Option<Option<Out>>,
}

/// A verdicts file being written under a temporary name.
struct Out {
    tmp: PathBuf,
    w: std::io::BufWriter<std::fs::File>,
    rows: u64,
}

impl CachedVerdicts {
    /// A writer of this claims file's verdicts file, for this run.
    pub(crate) fn writer(&self) -> RowsWriter<'_> {
        RowsWriter {
            cached: self,
            waiting: Vec::new(),
            sources: 0,
            out: None,
        }
    }
}

impl RowsWriter<'_> {
    /// Adds the row of the next source, whose key is `key`: `row` when it
    /// was judged or kept as stored, `None` when it was read from the
    /// cache as it is (or could not be judged: it is left out).
    pub(crate) fn push(&mut self, key: u64, row: Option<EncodedRow>) {
        self.sources += 1;
        let c = self.cached;
        let with_filter = match row {
            Some(EncodedRow::New { row, filter }) => {
                if let Some(out) = self.started() {
                    out.write(key, &row, &filter);
                }
                return;
            }
            Some(EncodedRow::Stored) => c.same_filters,
            None if c.same_claims => true,
            // Its stored verdicts are of other claims.
            None => return,
        };
        if !c.rows.contains_key(&key) {
            return;
        }
        match &mut self.out {
            None => self.waiting.push((key, with_filter)),
            Some(out) => Self::write_stored(c, out, key, with_filter),
        }
    }

    /// Finishes the file: written whole and renamed over the old one when
    /// anything changed.
    pub(crate) fn finish(mut self) {
        let c = self.cached;
        let unchanged = self.out.is_none() && self.sources == c.rows.len() && c.same_claims;
        if unchanged {
            return;
        }
        let path = c.path.clone();
        match self.started().take() {
            Some(out) if out.rows == u64::MAX => out.fail(),
            Some(out) => out.end(&path),
            None => {}
        }
    }

    /// The file being written, started now (its head and the rows waiting
    /// written) if it was not; `None` once a write failed.
    fn started(&mut self) -> &mut Option<Out> {
        let c = self.cached;
        let waiting = std::mem::take(&mut self.waiting);
        self.out.get_or_insert_with(|| {
            let mut out = Out::create(&c.path)?;
            let head = put_varint(&mut out.w, c.claims.len() as u64)
                .and_then(|()| c.claims.iter().try_for_each(|&f| put_varint(&mut out.w, f)))
                .and_then(|()| put_varint(&mut out.w, c.filter_key));
            if head.is_err() {
                out.fail();
                return None;
            }
            let mut out = Some(out);
            for (key, with_filter) in waiting {
                Self::write_stored(c, &mut out, key, with_filter);
            }
            out
        })
    }

    /// Writes the stored row of `key`, with its stored key filter or
    /// without, read from the old file.
    fn write_stored(c: &CachedVerdicts, out: &mut Option<Out>, key: u64, with_filter: bool) {
        let Some(o) = out.as_mut().filter(|o| o.rows != u64::MAX) else {
            return;
        };
        let read = c.rows.get(&key).and_then(|(row, filter)| {
            let row = c.read(row.clone())?;
            let filter = match with_filter {
                true => c.read(filter.clone())?,
                false => Vec::new(),
            };
            Some((row, filter))
        });
        match read {
            Some((row, filter)) => o.write(key, &row, &filter),
            // The old file changed under the run: this one would lack a
            // row, so none is written.
            None => o.rows = u64::MAX,
        }
    }
}

impl Out {
    /// A file beside `path`, under a name of this process.
    fn create(path: &Path) -> Option<Out> {
        std::fs::create_dir_all(path.parent()?).ok()?;
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let file = std::fs::File::create(&tmp).ok()?;
        Some(Out {
            tmp,
            w: std::io::BufWriter::with_capacity(1 << 16, file),
            rows: 0,
        })
    }

    /// Writes one row; a failure marks the file failed (`rows` is then
    /// `u64::MAX`).
    fn write(&mut self, key: u64, row: &[u8], filter: &[u8]) {
        if self.rows == u64::MAX {
            return;
        }
        let written = std::io::Write::write_all(&mut self.w, &[1])
            .and_then(|()| put_varint(&mut self.w, key))
            .and_then(|()| put_varint(&mut self.w, row.len() as u64))
            .and_then(|()| std::io::Write::write_all(&mut self.w, row))
            .and_then(|()| put_varint(&mut self.w, filter.len() as u64))
            .and_then(|()| std::io::Write::write_all(&mut self.w, filter));
        self.rows = if written.is_ok() {
            self.rows + 1
        } else {
            u64::MAX
        };
    }

    /// Ends the file (a 0, then the number of rows) and renames it to
    /// `path`.
    fn end(mut self, path: &Path) {
        let ended = std::io::Write::write_all(&mut self.w, &[0])
            .and_then(|()| put_varint(&mut self.w, self.rows))
            .and_then(|()| std::io::Write::flush(&mut self.w));
        if ended.is_err() || std::fs::rename(&self.tmp, path).is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }

    /// Gives up on the file: it is removed.
    fn fail(self) {
        drop(self.w);
        let _ = std::fs::remove_file(&self.tmp);
    }
}

/// Writes `n` as postcard writes an unsigned varint (seven bits a byte,
/// low first).
fn put_varint(w: &mut impl std::io::Write, mut n: u64) -> std::io::Result<()> {
    let mut buf = [0u8; 10];
    let mut i = 0;
    while n >= 0x80 {
        buf[i] = (n as u8) | 0x80;
        n >>= 7;
        i += 1;
    }
    buf[i] = n as u8;
    w.write_all(&buf[..=i])
}

impl FactsCache {
    /// The cached verdicts of the claims file at `claims_path`, whose claims
    /// now have the fingerprints `claims` and whose key filters are made
    /// under `filter_key` (none when there are none, or they are of another
    /// version of the code, or damaged).
    pub(crate) fn verdicts(
        &self,
        claims_path: &Path,
        claims: &[u64],
        filter_key: u64,
    ) -> CachedVerdicts {
        let name = format!("{}\0{CODE_HASH}", claims_path.display());
        let path = self.verdicts_dir().join(format!(
            "{:016x}.verdicts",
            crate::lock::fnv1a64(name.as_bytes())
        ));
        // Where each row lies is read, not the rows: they stay on disk.
        let file = std::fs::File::open(&path).ok();
        let (stored, stored_filters, rows) = file
            .as_ref()
            .and_then(|f| index_file(std::io::BufReader::with_capacity(1 << 16, f)))
            .unwrap_or_default();
        // Each claim now takes the verdicts of the first stored claim with
        // its fingerprint.
        let mut first: HashMap<u64, usize> = HashMap::with_capacity(stored.len());
        for (i, &f) in stored.iter().enumerate() {
            first.entry(f).or_insert(i);
        }
        let mut renumber = vec![Vec::new(); stored.len()];
        let mut missing = Vec::new();
        for (k, f) in claims.iter().enumerate() {
            match first.get(f) {
                Some(&i) => renumber[i].push(k),
                None => missing.push(k),
            }
        }
        CachedVerdicts {
            path,
            same_filters: stored_filters == filter_key,
            filter_key,
            same_claims: stored == claims,
            claims: claims.to_vec(),
            renumber,
            missing,
            file,
            rows,
        }
    }
}

impl CachedVerdicts {
    /// The key of `source`'s row.
    pub(crate) fn key(source: &Source) -> u64 {
        digest(source, &format!("\0{CODE_HASH}\0{}", source.id()))
    }

    /// The cached row of `source`, whose key is `key`, numbered by the
    /// claims of the file now, and whether its stored bytes are that row
    /// (the claims it has verdicts for kept their numbers), so that it can
    /// be saved as [`EncodedRow::Stored`] while no verdict is added to it.
    /// It lacks the verdicts of the claims
    /// [`missing`](CachedVerdicts::missing) from the cache.
    pub(crate) fn get(&self, key: u64, source: &Source) -> Option<(SourceRow, bool)> {
        let bytes = self.read(self.rows.get(&key)?.0.clone())?;
        let row: StoredRow = postcard::from_bytes(&bytes).ok()?;
        // A hash collision between two sources would show as another id.
        let row = (row.source == source.id().as_str()).then(|| row.into_row(source.id()))??;
        let as_stored = row
            .0
            .iter()
            .all(|(i, _)| self.renumber.get(*i).is_some_and(|to| to[..] == [*i]));
        if self.same_claims || as_stored {
            return Some((row, true));
        }
        let mut renumbered = Vec::with_capacity(row.0.len());
        for (i, verdict) in row.0 {
            // A claim number past the stored claims is a damaged file.
            if let Some((&last, rest)) = self.renumber.get(i)?.split_last() {
                renumbered.extend(rest.iter().map(|&k| (k, verdict.clone())));
                renumbered.push((last, verdict));
            }
        }
        renumbered.sort_by_key(|(k, _)| *k);
        Some((SourceRow(renumbered), false))
    }

    /// The claims (by number, increasing) that rows from
    /// [`get`](CachedVerdicts::get) have no verdicts for: new or edited
    /// since the file was written.
    pub(crate) fn missing(&self) -> &[usize] {
        &self.missing
    }

    /// Whether rows from [`get`](CachedVerdicts::get) are as stored: the
    /// claims are those of the file, in order. When not, a row used must be
    /// encoded again for [`RowsWriter::push`].
    pub(crate) fn is_current(&self) -> bool {
        self.same_claims
    }

    /// The key filter stored with the row under `key`, when there is one
    /// and it was made under the aliases of the file now.
    pub(crate) fn filter(&self, key: u64) -> Option<KeyFilter> {
        let at = self.rows.get(&key)?.1.clone();
        self.same_filters
            .then(|| KeyFilter::from_bytes(&self.read(at)?))
            .flatten()
    }

    /// The bytes of the file at `at`, or `None` when they cannot be read.
    fn read(&self, at: Range<u64>) -> Option<Vec<u8>> {
        let mut buf = vec![0; usize::try_from(at.end.checked_sub(at.start)?).ok()?];
        crate::spill::read_at(self.file.as_ref()?, at.start, &mut buf).ok()?;
        Some(buf)
    }

    /// `row`, encoded for [`RowsWriter::push`] with the key
    /// filter of its source's index.
    pub(crate) fn encode(
        source: &Source,
        row: &SourceRow,
        filter: Option<&KeyFilter>,
    ) -> EncodedRow {
        EncodedRow::New {
            row: postcard::to_stdvec(&StoredRow::of(source.id(), row)).unwrap_or_default(),
            filter: filter.map(KeyFilter::to_bytes).unwrap_or_default(),
        }
    }
}

/// The verdicts of one claim on some of its sources, each with its
/// source's place (`at`) among those the claim is checked against, encoded
/// as a cached row is (for [`crate::spill`]). Empty when there are none.
pub(crate) fn encode_said(at: &[u32], said: Vec<SourceVerdict>) -> Vec<u8> {
    let Some(source) = said.first().map(|v| v.source.clone()) else {
        return Vec::new();
    };
    let row = SourceRow(at.iter().map(|&a| a as usize).zip(said).collect());
    postcard::to_stdvec(&StoredRow::of(&source, &row)).unwrap_or_default()
}

/// [`decode_said`] without the evidence: each verdict and its source only
/// (what [`crate::verify`] needs to tell whether a claim holds), with no
/// string copied.
pub(crate) fn decode_said_verdicts(
    bytes: &[u8],
    checked: &[crate::span::SourceId],
    at: &mut Vec<u32>,
    said: &mut Vec<SourceVerdict>,
) -> Option<()> {
    let row: StoredRow = postcard::from_bytes(bytes).ok()?;
    for v in &row.verdicts {
        let verdict = v.verdict()?;
        at.push(v.claim);
        said.push(SourceVerdict {
            source: checked.get(v.claim as usize)?.clone(),
            verdict,
            evidence: Vec::new(),
            candidates: Vec::new(),
        });
    }
    Some(())
}

/// Appends the verdicts [`encode_said`] encoded in `bytes` to `at` and
/// `said`, each with its source from `checked`; `None` when the bytes do
/// not hang together.
pub(crate) fn decode_said(
    bytes: &[u8],
    checked: &[crate::span::SourceId],
    at: &mut Vec<u32>,
    said: &mut Vec<SourceVerdict>,
) -> Option<()> {
    let row: StoredRow = postcard::from_bytes(bytes).ok()?;
    let placeholder = checked.first()?.clone();
    for (a, mut v) in row.into_row(&placeholder)?.0 {
        v.source = checked.get(a)?.clone();
        at.push(u32::try_from(a).ok()?);
        said.push(v);
    }
    Some(())
}

/// The claims, the filter key and where each row lies of a verdicts file
/// (as [`RowsWriter`] lays it out), read from `r` without holding the rows; `None`
/// when it is not one.
fn index_file(mut r: impl std::io::BufRead) -> Option<RowsIndex> {
    let mut at = 0u64;
    let mut claims = Vec::new();
    for _ in 0..varint(&mut r, &mut at)? {
        claims.push(varint(&mut r, &mut at)?);
    }
    let filter_key = varint(&mut r, &mut at)?;
    let mut rows = HashMap::new();
    let mut count = 0u64;
    loop {
        let mut tag = [0u8];
        r.read_exact(&mut tag).ok()?;
        at += 1;
        match tag[0] {
            1 => {
                let key = varint(&mut r, &mut at)?;
                let row = skip_bytes(&mut r, &mut at)?;
                let filter = skip_bytes(&mut r, &mut at)?;
                rows.insert(key, (row, filter));
                count += 1;
            }
            // The end: the number of rows, which a file cut short after a
            // row would not have.
            0 if varint(&mut r, &mut at)? == count => break,
            _ => return None,
        }
    }
    // Nothing may follow.
    r.fill_buf()
        .ok()?
        .is_empty()
        .then_some((claims, filter_key, rows))
}

/// What [`index_file`] reads of a verdicts file.
type RowsIndex = (Vec<u64>, u64, HashMap<u64, (Range<u64>, Range<u64>)>);

/// One of postcard's unsigned varints (seven bits a byte, low first) from
/// `r`, whose position `at` is moved past it.
fn varint(r: &mut impl std::io::Read, at: &mut u64) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let mut byte = [0u8];
        r.read_exact(&mut byte).ok()?;
        *at += 1;
        value |= u64::from(byte[0] & 0x7f).checked_shl(shift)?;
        if byte[0] & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

/// Skips a byte string (a varint length, then the bytes) in `r`, giving
/// where its bytes lie.
fn skip_bytes(r: &mut impl std::io::BufRead, at: &mut u64) -> Option<Range<u64>> {
    let len = varint(r, at)?;
    let start = *at;
    let skipped =
        std::io::copy(&mut std::io::Read::take(&mut *r, len), &mut std::io::sink()).ok()?;
    (skipped == len).then_some(())?;
    *at += len;
    Some(start..*at)
}

/// The FNV-1a 64 digest of what a facts key holds (the source's bytes, its
/// publication date, the extractor's version and fingerprint), then `more`.
fn digest(source: &Source, more: &str) -> u64 {
    let mut key = Vec::with_capacity(source.text().len() + 64 + more.len());
    key.extend_from_slice(source.text().as_bytes());
    key.extend_from_slice(
        format!(
            "\0{}\0{EXTRACTOR_VERSION}\0{EXTRACTOR_HASH}",
            source.published_state()
        )
        .as_bytes(),
    );
    key.extend_from_slice(more.as_bytes());
    crate::lock::fnv1a64(&key)
}

/// Writes `bytes` to a temporary file renamed to `path` (its directory made
/// if need be), so that no reader ever sees half a file. A failure is
/// ignored: it only costs doing the work again next time.
fn write_whole(path: &Path, bytes: &[u8]) {
    write_whole_with(path, |w| std::io::Write::write_all(w, bytes));
}

/// [`write_whole`], the bytes written by `write`.
fn write_whole_with(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) {
    if let Some(dir) = path.parent()
        && std::fs::create_dir_all(dir).is_err()
    {
        return;
    }
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let written = std::fs::File::create(&tmp).and_then(|f| {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, f);
        write(&mut w)?;
        std::io::Write::flush(&mut w)
    });
    if written.is_err() || std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// A [`SourceRow`] on disk: strings once each, evidence by number, the
/// evidence of every verdict in one list (read back with one allocation
/// per row, not two per verdict).
#[derive(Serialize, Deserialize)]
struct StoredRow<'a> {
    source: &'a str,
    #[serde(borrow)]
    sentences: Vec<&'a str>,
    #[serde(borrow)]
    facts: Vec<&'a str>,
    #[serde(borrow)]
    notes: Vec<&'a str>,
    verdicts: Vec<StoredVerdict>,
    /// For each verdict in turn, its evidence, then its candidates.
    evidence: Vec<StoredEvidence>,
}

#[derive(Serialize, Deserialize)]
struct StoredVerdict {
    claim: u32,
    /// 0 supported, 1 contradicted, 2 not mentioned.
    verdict: u8,
    /// How many pieces of evidence, then of candidates, it has.
    evidence: u32,
    candidates: u32,
}

impl StoredVerdict {
    /// The verdict, `None` for a byte no verdict is written as.
    fn verdict(&self) -> Option<Verdict> {
        match self.verdict {
            0 => Some(Verdict::Supported),
            1 => Some(Verdict::Contradicted),
            2 => Some(Verdict::NotMentioned),
            _ => None,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct StoredEvidence {
    span: (usize, usize),
    pos: (usize, usize),
    sentence: u32,
    fact: u32,
    note: Option<u32>,
}

/// Numbers distinct strings in the order first met. A row of a thousand
/// claims cites a few hundred strings, mostly the same shared string again
/// (a sentence, a fact, a note cited by many claims): found by its address
/// first, not compared with a window of others.
#[derive(Default)]
struct Interner<'a> {
    strings: Vec<&'a str>,
    /// The number of each string met, by address and length (the strings
    /// all live while the row is encoded, so one address is one string).
    by_address: HashMap<(usize, usize), u32, crate::extract::FxBuild>,
}

impl<'a> Interner<'a> {
    /// The number of `s`: that of the string at the same address if one
    /// was met, else that of an equal string among the last
    /// [`INTERNED_WINDOW`] numbered, else a new one. A row's evidence cites
    /// equal strings close together (a verdict's evidence and
    /// candidates); a spilled claim's verdicts come from thousands of
    /// sources, each citing its own, and a scan of them all would be
    /// quadratic.
    fn number(&mut self, s: &'a str) -> u32 {
        let address = (s.as_ptr() as usize, s.len());
        if let Some(&i) = self.by_address.get(&address) {
            return i;
        }
        let from = self.strings.len().saturating_sub(INTERNED_WINDOW);
        let i = match self.strings[from..].iter().position(|t| *t == s) {
            Some(i) => from + i,
            None => {
                self.strings.push(s);
                self.strings.len() - 1
            }
        };
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        self.by_address.insert(address, i);
        i
    }
}

/// How far back [`Interner::number`] looks for the same string.
const INTERNED_WINDOW: usize = 32;

impl<'a> StoredRow<'a> {
    fn of(source: &'a SourceId, row: &'a SourceRow) -> StoredRow<'a> {
        let (mut sentences, mut facts, mut notes) = (
            Interner::default(),
            Interner::default(),
            Interner::default(),
        );
        let mut evidence = Vec::new();
        let mut store = |list: &'a [Evidence]| -> u32 {
            evidence.extend(list.iter().map(|e| StoredEvidence {
                span: (e.span.start, e.span.end),
                pos: (e.pos.line, e.pos.col),
                sentence: sentences.number(&e.sentence),
                fact: facts.number(&e.fact),
                note: e.note.as_deref().map(|n| notes.number(n)),
            }));
            u32::try_from(list.len()).unwrap_or(u32::MAX)
        };
        let verdicts = row
            .0
            .iter()
            .map(|(k, v)| StoredVerdict {
                claim: u32::try_from(*k).unwrap_or(u32::MAX),
                verdict: match v.verdict {
                    Verdict::Supported => 0,
                    Verdict::Contradicted => 1,
                    _ => 2,
                },
                evidence: store(&v.evidence),
                candidates: store(&v.candidates),
            })
            .collect();
        StoredRow {
            source: source.as_str(),
            sentences: sentences.strings,
            facts: facts.strings,
            notes: notes.strings,
            verdicts,
            evidence,
        }
    }

    /// The row, or `None` when it does not hang together (a damaged file).
    fn into_row(self, source: &SourceId) -> Option<SourceRow> {
        let sentences: Vec<Arc<str>> = self.sentences.iter().map(|&s| Arc::from(s)).collect();
        let facts: Vec<Arc<str>> = self.facts.iter().map(|&s| Arc::from(s)).collect();
        let notes: Vec<Arc<str>> = self.notes.iter().map(|&s| shared_note(s)).collect();
        let one = |e: &StoredEvidence| -> Option<Evidence> {
            Some(Evidence {
                span: Span {
                    start: e.span.0,
                    end: e.span.1,
                },
                pos: LineCol {
                    line: e.pos.0,
                    col: e.pos.1,
                },
                sentence: Arc::clone(sentences.get(e.sentence as usize)?),
                fact: Arc::clone(facts.get(e.fact as usize)?),
                note: match e.note {
                    Some(n) => Some(Arc::clone(notes.get(n as usize)?)),
                    None => None,
                },
            })
        };
        // The next `n` pieces of the row's evidence, in a vector of exactly
        // that length (kept until the run ends).
        let mut rest = self.evidence.as_slice();
        let mut take = |n: u32| -> Option<Vec<Evidence>> {
            let (these, after) = rest.split_at_checked(n as usize)?;
            rest = after;
            let mut out = Vec::with_capacity(these.len());
            for e in these {
                out.push(one(e)?);
            }
            Some(out)
        };
        let mut verdicts = Vec::with_capacity(self.verdicts.len());
        for v in &self.verdicts {
            let verdict = v.verdict()?;
            let sv = SourceVerdict {
                source: source.clone(),
                verdict,
                evidence: take(v.evidence)?,
                candidates: take(v.candidates)?,
            };
            verdicts.push((v.claim as usize, sv));
        }
        Some(SourceRow(verdicts))
    }
}

#[cfg(test)]
mod tests {

    use super::{CachedVerdicts, FactsCache};
    use crate::claims::ClaimSet;
    use crate::source::{Published, Source};
    use crate::verify::{Analysis, Verifier};

    /// A row read back is the row stored; other sources miss, and claims
    /// that were edited, added or moved are renumbered or missing.
    #[test]
    fn verdicts_read_back_as_stored() {
        let dir = std::env::temp_dir().join(format!("claimcheck-rows-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = FactsCache::new(&dir);
        let a = Source::from_string(
            "a",
            Published::Unknown,
            "The deal for four helicopters was signed in Lyon on Monday, officials said.\n",
        );
        let b = Source::from_string("b", Published::Unknown, "Nothing here.\n");
        let set = ClaimSet::from_toml(
            "c.toml",
            "[claims]\nlyon = \"signed in Lyon\"\nfive = \"helicopter count = 5\"\n",
        )
        .expect("valid claims");
        let v = Verifier::new(&set);
        let (row, filter) = v.row_filtered(&Analysis::of(&a), None, true);
        let filter = filter.expect("a filter was asked for");
        assert_eq!(row.0.len(), 2, "both claims speak to a");
        let key = v.filter_key();

        let (ka, kb) = (CachedVerdicts::key(&a), CachedVerdicts::key(&b));
        let claims = v.claim_fingerprints();
        let stored = cache.verdicts(set.path(), claims, key);
        assert!(stored.get(ka, &a).is_none(), "nothing cached yet");
        let mut w = stored.writer();
        w.push(ka, Some(CachedVerdicts::encode(&a, &row, Some(&filter))));
        w.push(kb, None);
        w.finish();

        let back = cache.verdicts(set.path(), claims, key);
        assert!(back.is_current() && back.missing().is_empty());
        let (got, as_stored) = back.get(ka, &a).expect("a hit after a save");
        assert_eq!(format!("{got:?}"), format!("{row:?}"));
        assert!(as_stored);
        assert_eq!(back.filter(ka), Some(filter.clone()));
        assert_eq!(back.filter(kb), None, "b was never stored");
        let other_aliases = cache.verdicts(set.path(), claims, key ^ 1);
        assert_eq!(other_aliases.filter(ka), None, "made under other aliases");
        assert!(back.get(kb, &b).is_none(), "b was never stored");
        assert!(back.get(ka, &b).is_none(), "a's row is not b's");

        // A new claim first, the two stored ones swapped: theirs are
        // renumbered, the new one is missing.
        let (lyon, five) = (claims[0], claims[1]);
        let moved = cache.verdicts(set.path(), &[lyon ^ 1, five, lyon], key);
        assert!(!moved.is_current());
        assert_eq!(moved.missing(), [0]);
        let (got, as_stored) = moved.get(ka, &a).expect("the stored claims' verdicts");
        assert!(!as_stored, "renumbered");
        let claims_of =
            |r: &crate::verify::SourceRow| r.0.iter().map(|(k, _)| *k).collect::<Vec<_>>();
        assert_eq!(claims_of(&got), [1, 2]);
        assert_eq!(format!("{:?}", got.0[0].1), format!("{:?}", row.0[1].1));
        assert_eq!(format!("{:?}", got.0[1].1), format!("{:?}", row.0[0].1));
        // Every claim edited: nothing to take over.
        let edited = cache.verdicts(set.path(), &[lyon ^ 1, five ^ 1], key);
        assert_eq!(edited.missing(), [0, 1]);
        let (got, as_stored) = edited.get(ka, &a).expect("an empty row");
        assert!(claims_of(&got).is_empty());
        assert!(!as_stored, "its stored verdicts are of other claims");
        // A claim added last: the stored row is still the row.
        let added = cache.verdicts(set.path(), &[lyon, five, lyon ^ 1], key);
        assert_eq!(added.missing(), [2]);
        let (got, as_stored) = added.get(ka, &a).expect("the stored claims' verdicts");
        assert_eq!(claims_of(&got), [0, 1]);
        assert!(as_stored);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Rows are written as the run goes, source after source: nothing is
    /// written while nothing is new and no source is gone; rows stored
    /// before the first new one are written when it comes; a file written
    /// again without new rows drops the sources that are gone; and no
    /// temporary file is left behind.
    #[test]
    fn rows_are_written_as_the_run_goes() {
        let dir = std::env::temp_dir().join(format!("claimcheck-writer-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let cache = FactsCache::new(&dir);
        let sources: Vec<Source> = ["Lyon", "Nice", "Lille"]
            .iter()
            .enumerate()
            .map(|(i, place)| {
                let text = format!("The deal for {i} helicopters was signed in {place}.\n");
                Source::from_string(place, Published::Unknown, &text)
            })
            .collect();
        let set = ClaimSet::from_toml("c.toml", "[claims]\nlyon = \"signed in Lyon\"\n")
            .expect("valid claims");
        let v = Verifier::new(&set);
        let keys: Vec<u64> = sources.iter().map(CachedVerdicts::key).collect();
        let encoded = |i: usize| {
            let (row, filter) = v.row_filtered(&Analysis::of(&sources[i]), None, true);
            let encoded = CachedVerdicts::encode(&sources[i], &row, filter.as_ref());
            (row, encoded)
        };
        let open = || cache.verdicts(set.path(), v.claim_fingerprints(), v.filter_key());
        let file = || {
            let files: Vec<_> = std::fs::read_dir(cache.verdicts_dir())
                .expect("a verdicts directory")
                .map(|e| e.expect("an entry").path())
                .collect();
            assert_eq!(files.len(), 1, "one file, no temporary one: {files:?}");
            std::fs::read(&files[0]).expect("readable")
        };
        let write = |rows: &[(usize, Option<super::EncodedRow>)]| {
            let stored = open();
            let mut w = stored.writer();
            for (i, row) in rows {
                w.push(keys[*i], row.clone());
            }
            w.finish();
        };
        let rows_back = |want: &[Option<usize>]| {
            let back = open();
            for (i, s) in sources.iter().enumerate() {
                let got = back.get(keys[i], s).map(|(r, _)| format!("{r:?}"));
                let want = want[i].map(|j| format!("{:?}", encoded(j).0));
                assert_eq!(got, want, "source {i}");
            }
        };

        write(&[(0, Some(encoded(0).1)), (1, Some(encoded(1).1)), (2, None)]);
        let first = file();
        rows_back(&[Some(0), Some(1), None]);
        // Nothing new, the same sources: the file is left as it is.
        write(&[(0, None), (1, None), (2, None)]);
        assert_eq!(file(), first);
        // Stored rows first, then a new one: all of them written.
        write(&[
            (0, None),
            (1, Some(super::EncodedRow::Stored)),
            (2, Some(encoded(2).1)),
        ]);
        rows_back(&[Some(0), Some(1), Some(2)]);
        // A source gone, nothing new: written again without it.
        write(&[(0, None), (2, None)]);
        rows_back(&[Some(0), None, Some(2)]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// The index of a verdicts file finds each row and filter where they
    /// were written, and refuses a file cut short anywhere, followed by
    /// anything, or with a row count that is not its number of rows.
    #[test]
    fn the_index_finds_rows_where_they_were_written() {
        use super::{index_file, put_varint};
        let big = vec![7u8; 300];
        let claims = [1, u64::MAX, 300];
        let rows: [(u64, &[u8], &[u8]); 2] =
            [(5, b"first row", b""), (u64::MAX - 1, &big, b"filter")];
        let file = |count: u64| {
            let mut bytes = Vec::new();
            put_varint(&mut bytes, claims.len() as u64).expect("written");
            for &c in &claims {
                put_varint(&mut bytes, c).expect("written");
            }
            put_varint(&mut bytes, 1 << 40).expect("written");
            for (key, row, filter) in rows {
                bytes.push(1);
                put_varint(&mut bytes, key).expect("written");
                put_varint(&mut bytes, row.len() as u64).expect("written");
                bytes.extend_from_slice(row);
                put_varint(&mut bytes, filter.len() as u64).expect("written");
                bytes.extend_from_slice(filter);
            }
            bytes.push(0);
            put_varint(&mut bytes, count).expect("written");
            bytes
        };
        let bytes = file(2);
        let (got_claims, key, index) = index_file(&bytes[..]).expect("an index");
        assert_eq!(got_claims, claims);
        assert_eq!(key, 1 << 40);
        let slice = |r: &std::ops::Range<u64>| &bytes[r.start as usize..r.end as usize];
        for (k, row, filter) in rows {
            let (r, f) = &index[&k];
            assert_eq!(slice(r), row);
            assert_eq!(slice(f), filter);
        }
        for cut in 0..bytes.len() {
            assert!(index_file(&bytes[..cut]).is_none(), "cut short at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(index_file(&longer[..]).is_none(), "followed by more");
        assert!(
            index_file(&file(1)[..]).is_none(),
            "a row more than counted"
        );
        assert!(
            index_file(&file(3)[..]).is_none(),
            "a row less than counted"
        );
        assert!(index_file(&b"\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"[..]).is_none());
    }
}
