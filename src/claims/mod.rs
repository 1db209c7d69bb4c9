//! Stage 4 input: claims declared in TOML.

use std::path::Path;

use crate::error::{Error, ErrorKind, Result};
use crate::span::LineIndex;

/// Deserializes TOML, turning errors into [`Error`]s at `path:line:col`.
pub(crate) fn from_toml_str<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| {
        let kind = if e.message().starts_with("unknown field") || e.message().starts_with("unknown variant") {
            ErrorKind::UnknownKey
        } else {
            ErrorKind::Syntax
        };
        let mut err = Error::new(kind, e.message().trim_end_matches('\n').trim_end_matches('.').to_string())
            .with_path(path);
        if let Some(span) = e.span() {
            err = err.at(LineIndex::new(text).line_col(text, span.start));
        }
        err
    })
}
