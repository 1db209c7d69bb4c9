//! What several test files share: a temporary directory that is removed
//! when the test ends, whether it passed or panicked.

use std::ops::Deref;
use std::path::{Path, PathBuf};

/// A directory under the system's temporary directory, named after the
/// test file, the process and the test, emptied when made and removed on
/// drop (so a failing test does not leave it behind either).
pub struct TempDir(PathBuf);

impl TempDir {
    /// `$TMPDIR/claimcheck-{file}-{pid}-{name}`, made empty.
    pub fn new(file: &str, name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("claimcheck-{file}-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary directory");
        TempDir(dir)
    }
}

impl Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
