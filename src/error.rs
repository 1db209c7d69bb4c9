//! The crate's one error type.
//!
//! An [`Error`] means the run could not happen: a file could not be read or
//! parsed, a claim names a source that does not exist. A claim that does not
//! hold is never an error; it is a [`crate::Verdict`].

use std::fmt;
use std::path::{Path, PathBuf};

use crate::span::LineCol;

/// What went wrong, for callers that branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or directory could not be read (missing, permissions, ...).
    Io,
    /// A file is not UTF-8 text, is binary, empty, or too large.
    BadSource,
    /// TOML syntax error or a value of the wrong shape.
    Syntax,
    /// A key that the format does not know.
    UnknownKey,
    /// Two items with the same id.
    Duplicate,
    /// A reference to something that does not exist (a source id, an alias).
    UnknownReference,
    /// A claim statement that the claim grammar cannot read.
    BadClaim,
    /// A path that leaves the directory it must stay in.
    PathEscape,
    /// A lock file that does not match the sources.
    Lock,
}

/// An error with the file, position and expectation it is about.
///
/// Displayed as `path:line:col: message` (or `path: message` when no position
/// is known), lowercase, without a trailing period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    pos: Option<LineCol>,
    message: String,
}

impl Error {
    /// A new error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            path: None,
            pos: None,
            message: message.into(),
        }
    }

    /// The same error, about `path`.
    #[must_use = "with_path returns a new error"]
    pub fn with_path(mut self, path: impl AsRef<Path>) -> Error {
        self.path = Some(path.as_ref().to_path_buf());
        self
    }

    /// The same error, at `pos` in its file.
    #[must_use = "at returns a new error"]
    pub fn at(mut self, pos: LineCol) -> Error {
        self.pos = Some(pos);
        self
    }

    /// The kind of error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The line and column in that file, if known.
    pub fn position(&self) -> Option<LineCol> {
        self.pos
    }

    /// The message without the location.
    pub fn message(&self) -> &str {
        &self.message
    }

    pub(crate) fn io(path: &Path, err: &std::io::Error) -> Error {
        Error::io_doing("read", path, err)
    }

    /// An I/O error writing `path`.
    pub(crate) fn io_write(path: &Path, err: &std::io::Error) -> Error {
        Error::io_doing("write", path, err)
    }

    fn io_doing(verb: &str, path: &Path, err: &std::io::Error) -> Error {
        let what = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
            _ => err.to_string().to_lowercase(),
        };
        Error::new(ErrorKind::Io, format!("cannot {verb}: {what}")).with_path(path)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.pos) {
            (Some(p), Some(pos)) => write!(f, "{}:{pos}: ", p.display())?,
            (Some(p), None) => write!(f, "{}: ", p.display())?,
            (None, _) => {}
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Several errors found in one pass (every bad claim of a file, not just the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl std::error::Error for Errors {}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {e}")?;
        }
        Ok(())
    }
}
