//! Verdicts moved out of memory while a run goes on, for archive runs whose
//! verdicts outgrow their sources ([`crate::Keep::Spilled`]).
//!
//! Sources are checked a chunk at a time, and every claim's verdicts are
//! collected source by source; a report is written claim by claim. With a
//! thousand claims over a hundred megabytes of articles, the verdicts held
//! between the two are gigabytes. Spilled, each chunk's verdicts on each
//! claim are encoded (as the verdicts cache encodes rows) and appended to a
//! temporary file, and only where they lie stays in memory; a report reads
//! one claim's verdicts back at a time ([`SpilledOutcomes::outcome`]).
//!
//! The file is removed as soon as it is open where the system allows it
//! (Unix), so that nothing is left behind even when the process is killed;
//! elsewhere it is removed when the outcomes are dropped.

use std::io::Write;
#[cfg(not(unix))]
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::claims::{Claim, ClaimSet};
use crate::span::SourceId;
use crate::verify::{ClaimOutcome, SetOutcome, SourceVerdict};

/// Where one piece of spilled verdicts lies in the file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Segment {
    offset: u64,
    len: u32,
}

/// The temporary file verdicts are spilled to.
#[derive(Debug)]
pub(crate) struct SpillFile {
    path: PathBuf,
    /// Whether the file was removed once open (it then goes with the
    /// process).
    unlinked: bool,
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    file: std::io::BufWriter<std::fs::File>,
    len: u64,
}

impl SpillFile {
    /// A new, empty temporary file in the system's temporary directory.
    ///
    /// # Errors
    ///
    /// When it cannot be created.
    pub(crate) fn create() -> std::io::Result<SpillFile> {
        static N: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "claimcheck-spill-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)?;
        let unlinked = cfg!(unix) && std::fs::remove_file(&path).is_ok();
        Ok(SpillFile {
            path,
            unlinked,
            inner: Mutex::new(Inner {
                file: std::io::BufWriter::with_capacity(1 << 16, file),
                len: 0,
            }),
        })
    }

    /// Where the file is (or was, once removed).
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Appends `bytes`, giving where they lie.
    pub(crate) fn append(&self, bytes: &[u8]) -> std::io::Result<Segment> {
        let mut inner = self.lock();
        let len = u32::try_from(bytes.len()).map_err(std::io::Error::other)?;
        inner.file.write_all(bytes)?;
        let offset = inner.len;
        inner.len += u64::from(len);
        Ok(Segment { offset, len })
    }

    /// Reads the bytes of `segment` into `buf` (replacing what it held).
    pub(crate) fn read(&self, segment: Segment, buf: &mut Vec<u8>) -> std::io::Result<()> {
        let mut inner = self.lock();
        if !inner.file.buffer().is_empty() {
            inner.file.flush()?;
        }
        buf.clear();
        buf.resize(segment.len as usize, 0);
        read_at(inner.file.get_ref(), segment.offset, buf)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while the lock was held leaves the file as it was: the
        // length is updated only after a write succeeded.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Reads `buf.len()` bytes of `file` at `offset`, leaving where the next
/// write goes as it was.
#[cfg(unix)]
pub(crate) fn read_at(file: &std::fs::File, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

/// Reads `buf.len()` bytes of `file` at `offset`, leaving where the next
/// write goes as it was.
#[cfg(not(unix))]
pub(crate) fn read_at(file: &std::fs::File, offset: u64, buf: &mut [u8]) -> std::io::Result<()> {
    // Shared reads of one file move one cursor: they take turns.
    static TURN: Mutex<()> = Mutex::new(());
    let _turn = TURN
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    let read = file.read_exact(buf);
    // Appends go on at the end whatever the read did.
    file.seek(SeekFrom::End(0))?;
    read
}

impl Drop for SpillFile {
    fn drop(&mut self) {
        if !self.unlinked {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The outcomes of a run whose verdicts were spilled: each claim's outcome
/// is read back when it is asked for ([`outcome`](SpilledOutcomes::outcome));
/// whether each claim holds is kept in memory.
#[derive(Debug, Clone)]
pub struct SpilledOutcomes {
    file: Arc<SpillFile>,
    pub(crate) sets: Vec<SpilledSet>,
}

/// One claims file's spilled outcomes.
#[derive(Debug, Clone)]
pub(crate) struct SpilledSet {
    path: PathBuf,
    name: String,
    claims: Vec<Claim>,
    /// Per claim, the sources it was checked against.
    checked: Vec<Arc<[SourceId]>>,
    /// Per claim, where its verdicts lie, in source order.
    pub(crate) segments: Vec<Vec<Segment>>,
    holds: Vec<bool>,
    /// Per claim, how many sources say something about it.
    said: Vec<usize>,
}

/// How a piece of spilled verdicts is decoded (see
/// [`crate::cache::decode_said`]).
type Decode = fn(&[u8], &[SourceId], &mut Vec<u32>, &mut Vec<SourceVerdict>) -> Option<()>;

impl SpilledSet {
    /// The spilled verdicts of `set`'s claims (`claims`, in file order):
    /// per claim, the sources it was checked against and where its
    /// verdicts lie. Whether each claim holds is worked out here, claims in
    /// parallel.
    ///
    /// # Errors
    ///
    /// When the file cannot be read back.
    pub(crate) fn new(
        file: &SpillFile,
        set: &ClaimSet,
        claims: &[&Claim],
        checked: Vec<Arc<[SourceId]>>,
        segments: Vec<Vec<Segment>>,
    ) -> std::io::Result<SpilledSet> {
        let mut spilled = SpilledSet {
            path: set.path().to_path_buf(),
            name: set.name().to_string(),
            claims: claims.iter().map(|&c| c.clone()).collect(),
            checked,
            segments,
            holds: Vec::new(),
            said: Vec::new(),
        };
        (spilled.holds, spilled.said) = (0..claims.len())
            .into_par_iter()
            .map(|k| {
                spilled
                    .read(file, k, crate::cache::decode_said_verdicts)
                    .map(|o| (o.holds, o.said().len()))
            })
            .collect::<std::io::Result<Vec<_>>>()?
            .into_iter()
            .unzip();
        Ok(spilled)
    }

    /// The outcome of claim `k`, its verdicts read back from `file`.
    fn outcome(&self, file: &SpillFile, k: usize) -> std::io::Result<ClaimOutcome> {
        self.read(file, k, crate::cache::decode_said)
    }

    /// The outcome of claim `k`, its verdicts read back from `file` by
    /// `decode` (with their evidence or without).
    fn read(&self, file: &SpillFile, k: usize, decode: Decode) -> std::io::Result<ClaimOutcome> {
        let damaged = || {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "spilled verdicts in {} do not read back",
                    file.path().display()
                ),
            )
        };
        let (claim, checked) = (&self.claims[k], &self.checked[k]);
        let mut at: Vec<u32> = Vec::new();
        let mut said: Vec<SourceVerdict> = Vec::new();
        let mut buf = Vec::new();
        for &segment in &self.segments[k] {
            file.read(segment, &mut buf)?;
            decode(&buf, checked, &mut at, &mut said).ok_or_else(damaged)?;
        }
        Ok(crate::verify::outcome(claim, Arc::clone(checked), said, at))
    }
}

impl SpilledOutcomes {
    pub(crate) fn new(file: Arc<SpillFile>, sets: Vec<SpilledSet>) -> SpilledOutcomes {
        SpilledOutcomes { file, sets }
    }

    /// How many claims files.
    pub fn sets(&self) -> usize {
        self.sets.len()
    }

    /// The path and stem of claims file `set`.
    pub fn set_path(&self, set: usize) -> (&Path, &str) {
        let s = &self.sets[set];
        (&s.path, &s.name)
    }

    /// How many claims claims file `set` has.
    pub fn claims(&self, set: usize) -> usize {
        self.sets[set].claims.len()
    }

    /// Whether claim `k` of claims file `set` holds.
    pub fn holds(&self, set: usize, k: usize) -> bool {
        self.sets[set].holds[k]
    }

    /// How many sources say something about claim `k` of claims file
    /// `set`.
    pub fn said(&self, set: usize, k: usize) -> usize {
        self.sets[set].said[k]
    }

    /// Whether every claim of every file holds.
    pub fn all_hold(&self) -> bool {
        self.sets.iter().all(|s| s.holds.iter().all(|&h| h))
    }

    /// The outcome of claim `k` of claims file `set`, read back: what the
    /// same run without spilling has in
    /// `Run::outcomes[set].outcomes[k]`.
    ///
    /// # Errors
    ///
    /// When the temporary file cannot be read.
    pub fn outcome(&self, set: usize, k: usize) -> std::io::Result<ClaimOutcome> {
        self.sets[set].outcome(&self.file, k)
    }

    /// Every outcome read back into memory, as a run without spilling
    /// keeps them.
    ///
    /// # Errors
    ///
    /// When the temporary file cannot be read.
    pub fn to_sets(&self) -> std::io::Result<Vec<SetOutcome>> {
        (0..self.sets.len())
            .map(|set| {
                let s = &self.sets[set];
                Ok(SetOutcome {
                    path: s.path.clone(),
                    name: s.name.clone(),
                    outcomes: (0..s.claims.len())
                        .into_par_iter()
                        .map(|k| self.outcome(set, k))
                        .collect::<std::io::Result<_>>()?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::SpillFile;

    /// What is appended reads back where it was put, whatever was
    /// appended and read in between; on Unix the file is gone from the
    /// directory as soon as it is open.
    #[test]
    fn segments_read_back_as_appended() {
        let file = SpillFile::create().expect("a temporary file");
        if cfg!(unix) {
            assert!(!file.path().exists(), "removed once open");
        }
        let a = file.append(b"first").expect("appends");
        let b = file.append(b"").expect("appends");
        let mut buf = Vec::new();
        file.read(a, &mut buf).expect("reads");
        assert_eq!(buf, b"first");
        let c = file.append(&[7; 100_000]).expect("appends");
        file.read(b, &mut buf).expect("reads");
        assert!(buf.is_empty());
        file.read(c, &mut buf).expect("reads");
        assert_eq!(buf, vec![7; 100_000]);
        file.read(a, &mut buf).expect("reads");
        assert_eq!(buf, b"first");
        // Past the end: an error, not a panic or garbage.
        let past = super::Segment {
            offset: c.offset + 1,
            len: 100_000,
        };
        assert!(file.read(past, &mut buf).is_err());
    }
}
