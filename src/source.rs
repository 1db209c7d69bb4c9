//! Stage 1: the article files and their manifest. The only module that reads
//! article files.
//!
//! A sources directory holds plain-text articles and `sources.toml`:
//!
//! ```toml
//! [[source]]
//! id = "dawn"                              # short name used by claims
//! file = "000_8f0059a5e111d940.txt"        # relative to the directory
//! outlet = "Dawn"
//! url = "https://www.dawn.com/news/1201473"
//! published = "2015-08-20"                 # or "unknown" / omitted
//! ```
//!
//! Every source file is checked before anything else happens: it must exist,
//! stay inside the directory, be non-empty UTF-8 text without NUL bytes and
//! at most [`MAX_SOURCE_BYTES`] long. A text file in the directory that the
//! manifest does not list is an error too, so nothing is skipped silently.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};
use crate::span::{LineIndex, SourceId, Span};

/// The name of the manifest inside a sources directory.
pub const MANIFEST: &str = "sources.toml";

/// Larger source files are refused: a news article is a few kilobytes.
pub const MAX_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

/// When a source was published: a date, or explicitly unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Published {
    /// Published on this day.
    On(jiff::civil::Date),
    /// Not known: relative dates in the text stay unresolved.
    Unknown,
}

impl Published {
    /// The date, if known.
    pub fn date(self) -> Option<jiff::civil::Date> {
        match self {
            Published::On(d) => Some(d),
            Published::Unknown => None,
        }
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Published::On(d) => write!(f, "{d}"),
            Published::Unknown => f.write_str("unknown"),
        }
    }
}

/// One article and what the manifest says about it.
#[derive(Debug, Clone)]
pub struct Source {
    id: SourceId,
    path: PathBuf,
    file: String,
    outlet: Option<String>,
    url: Option<String>,
    published: Published,
    text: String,
}

impl Source {
    /// A source made from a string, for tests and tools that do not read a
    /// manifest.
    pub fn from_string(id: &str, published: Published, text: impl Into<String>) -> Source {
        Source {
            id: SourceId::new(id),
            path: PathBuf::from(format!("{id}.txt")),
            file: format!("{id}.txt"),
            outlet: None,
            url: None,
            published,
            text: text.into(),
        }
    }

    /// A source read from `path` without a manifest entry: its positions
    /// name the path as given.
    pub fn from_file(id: &str, path: &Path, published: Published, text: String) -> Source {
        Source {
            id: SourceId::new(id),
            path: path.to_path_buf(),
            file: path.display().to_string(),
            outlet: None,
            url: None,
            published,
            text,
        }
    }

    /// Its short name.
    pub fn id(&self) -> &SourceId {
        &self.id
    }

    /// The path it was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file name as the manifest gives it.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The outlet that published it.
    pub fn outlet(&self) -> Option<&str> {
        self.outlet.as_deref()
    }

    /// Its URL.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }

    /// When it was published.
    pub fn published_state(&self) -> Published {
        self.published
    }

    /// The publication date, if known.
    pub fn published(&self) -> Option<jiff::civil::Date> {
        self.published.date()
    }

    /// The article text exactly as read.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// All sources of a directory, in manifest order.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    dir: PathBuf,
    /// `dir` canonicalized, which texts read again must stay inside.
    root: Option<PathBuf>,
    sources: Vec<Source>,
}

impl Sources {
    /// Sources built in memory, in the given order.
    pub fn from_vec(sources: Vec<Source>) -> Sources {
        Sources {
            dir: PathBuf::new(),
            root: None,
            sources,
        }
    }

    /// Reads `dir/sources.toml` and every file it lists.
    ///
    /// # Errors
    ///
    /// Every problem of the manifest and of each file, each naming the file
    /// (and line and column in the manifest): missing, empty, binary, not
    /// UTF-8, too large, outside `dir`, listed twice, or present but unlisted.
    pub fn load(dir: impl AsRef<Path>) -> std::result::Result<Sources, Vec<Error>> {
        Sources::load_with(dir.as_ref(), true, |_| ()).map(|(sources, _)| sources)
    }

    /// [`load`](Sources::load), calling `visit` on each source as it is
    /// read (in parallel; the results in manifest order), and keeping each
    /// text only when `keep_text` (else [`Source::text`] is empty and
    /// [`with_text`](Sources::with_text) reads it again). Every file is read
    /// and checked either way.
    pub(crate) fn load_with<T: Send>(
        dir: &Path,
        keep_text: bool,
        visit: impl Fn(&Source) -> T + Sync,
    ) -> std::result::Result<(Sources, Vec<T>), Vec<Error>> {
        let manifest_path = dir.join(MANIFEST);
        let manifest = std::fs::read_to_string(&manifest_path)
            .map_err(|e| vec![Error::io(&manifest_path, &e)])?;
        let entries = parse_manifest(&manifest_path, &manifest).map_err(|e| vec![e])?;
        let lines = LineIndex::new(&manifest);
        let at = |span: Span| lines.line_col(&manifest, span.start);
        // The manifest's entries in order, each a problem or a file to read;
        // the files are then read in parallel, and problems reported in
        // manifest order.
        let mut listed: Vec<std::result::Result<Source, Error>> = Vec::new();
        let mut seen_ids: BTreeMap<String, ()> = BTreeMap::new();
        let mut seen_files: BTreeMap<String, ()> = BTreeMap::new();
        for e in entries {
            let fail = |kind, msg: String, span| {
                Error::new(kind, msg).with_path(&manifest_path).at(at(span))
            };
            if !valid_id(&e.id.0) {
                listed.push(Err(fail(
                    ErrorKind::Syntax,
                    format!("invalid source id {:?}: expected letters, digits, '-' or '_', starting with a letter", e.id.0),
                    e.id.1,
                )));
                continue;
            }
            if seen_ids.insert(e.id.0.clone(), ()).is_some() {
                listed.push(Err(fail(
                    ErrorKind::Duplicate,
                    format!("duplicate source id `{}`", e.id.0),
                    e.id.1,
                )));
                continue;
            }
            if seen_files.insert(e.file.0.clone(), ()).is_some() {
                listed.push(Err(fail(
                    ErrorKind::Duplicate,
                    format!("file `{}` is listed twice", e.file.0),
                    e.file.1,
                )));
                continue;
            }
            if let Err(why) = check_relative(&e.file.0) {
                listed.push(Err(fail(ErrorKind::PathEscape, why, e.file.1)));
                continue;
            }
            let published = match &e.published {
                None => Published::Unknown,
                Some((s, _)) if s == "unknown" => Published::Unknown,
                Some((s, span)) => match s.parse::<jiff::civil::Date>() {
                    Ok(d) => Published::On(d),
                    Err(_) => {
                        listed.push(Err(fail(
                            ErrorKind::Syntax,
                            format!("invalid date {s:?}: expected YYYY-MM-DD or \"unknown\""),
                            *span,
                        )));
                        continue;
                    }
                },
            };
            listed.push(Ok(Source {
                id: SourceId::new(e.id.0),
                path: dir.join(&e.file.0),
                file: e.file.0,
                outlet: e.outlet,
                url: e.url,
                published,
                text: String::new(),
            }));
        }
        // Links are followed once for the directory, not once per file.
        let root = dir.canonicalize().ok();
        let read: Vec<std::result::Result<(Source, T), Error>> = listed
            .into_par_iter()
            .map(|entry| {
                let mut source = entry?;
                source.text = read_source_file(root.as_deref(), &source.path)?;
                let seen = visit(&source);
                if !keep_text {
                    source.text = String::new();
                }
                Ok((source, seen))
            })
            .collect();
        let mut errors = Vec::new();
        let mut sources = Vec::with_capacity(read.len());
        let mut seen = Vec::with_capacity(read.len());
        for r in read {
            match r {
                Ok((source, t)) => {
                    sources.push(source);
                    seen.push(t);
                }
                Err(e) => errors.push(e),
            }
        }
        // Unlisted text files would be silently ignored: refuse them.
        if let Ok(rd) = std::fs::read_dir(dir) {
            let mut unlisted: Vec<String> = rd
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".txt") && !seen_files.contains_key(n))
                .collect();
            unlisted.sort();
            for n in unlisted {
                errors.push(
                    Error::new(
                        ErrorKind::UnknownReference,
                        format!("article `{n}` is not listed in {MANIFEST}: add a [[source]] entry for it"),
                    )
                    .with_path(dir.join(&n)),
                );
            }
        }
        if errors.is_empty() {
            Ok((
                Sources {
                    dir: dir.to_path_buf(),
                    root,
                    sources,
                },
                seen,
            ))
        } else {
            Err(errors)
        }
    }

    /// `source` (one of these, loaded without its text) with its text read
    /// again, as [`load`](Sources::load) reads it.
    ///
    /// # Errors
    ///
    /// As `load`'s for that file: it may have changed since.
    pub(crate) fn with_text(&self, source: &Source) -> Result<Source> {
        Ok(Source {
            text: read_source_file(self.root.as_deref(), &source.path)?,
            ..source.clone()
        })
    }

    /// The directory they were read from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The sources in manifest order.
    pub fn iter(&self) -> std::slice::Iter<'_, Source> {
        self.sources.iter()
    }

    /// The sources in manifest order, as a slice.
    pub fn as_slice(&self) -> &[Source] {
        &self.sources
    }

    /// How many sources there are.
    pub fn len(&self) -> usize {
        self.sources.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
    }

    /// The source named `id`.
    pub fn get(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id.as_str() == id)
    }
}

impl<'a> IntoIterator for &'a Sources {
    type Item = &'a Source;
    type IntoIter = std::slice::Iter<'a, Source>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

fn valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn check_relative(file: &str) -> std::result::Result<(), String> {
    let p = Path::new(file);
    if file.is_empty() {
        return Err("empty file name: expected a file inside the sources directory".into());
    }
    for c in p.components() {
        match c {
            Component::Normal(_) | Component::CurDir => {}
            _ => {
                return Err(format!(
                    "path `{file}` leaves the sources directory: expected a relative path without `..`"
                ));
            }
        }
    }
    Ok(())
}

/// Reads one article, checking it is text. `root` is the directory it must
/// stay inside after following links, canonicalized (`None` when it could
/// not be: then nothing is checked).
fn read_source_file(root: Option<&Path>, path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::BadSource, "not a regular file").with_path(path));
    }
    if let (Ok(real), Some(root)) = (path.canonicalize(), root) {
        if !real.starts_with(root) {
            return Err(Error::new(
                ErrorKind::PathEscape,
                format!(
                    "resolves to {} outside the sources directory",
                    real.display()
                ),
            )
            .with_path(path));
        }
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(Error::new(
            ErrorKind::BadSource,
            format!(
                "file is {} bytes: expected an article of at most {MAX_SOURCE_BYTES} bytes",
                meta.len()
            ),
        )
        .with_path(path));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, &e))?;
    decode_article(&bytes).map_err(|e| e.with_path(path))
}

/// Checks that `bytes` is a non-empty UTF-8 text article.
///
/// # Errors
///
/// [`ErrorKind::BadSource`] with the line and column of the first bad byte.
pub fn decode_article(bytes: &[u8]) -> Result<String> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let prefix = String::from_utf8_lossy(&bytes[..nul]);
        let pos = LineIndex::new(&prefix).line_col(&prefix, prefix.len());
        return Err(Error::new(
            ErrorKind::BadSource,
            "binary file (NUL byte): expected UTF-8 text",
        )
        .at(pos));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let pos = LineIndex::new(good).line_col(good, good.len());
            return Err(Error::new(
                ErrorKind::BadSource,
                format!(
                    "invalid UTF-8 at byte {}: expected UTF-8 text",
                    e.valid_up_to()
                ),
            )
            .at(pos));
        }
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(Error::new(
            ErrorKind::BadSource,
            "empty article: expected text",
        ));
    }
    Ok(text.to_string())
}

#[derive(Debug)]
struct Entry {
    id: (String, Span),
    file: (String, Span),
    outlet: Option<String>,
    url: Option<String>,
    published: Option<(String, Span)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    source: Vec<toml::Spanned<RawEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: toml::Spanned<String>,
    file: toml::Spanned<String>,
    outlet: Option<String>,
    url: Option<String>,
    published: Option<toml::Spanned<String>>,
}

fn parse_manifest(path: &Path, text: &str) -> Result<Vec<Entry>> {
    let raw = match parse_in_pieces(text) {
        Some(raw) => raw,
        None => {
            let whole: RawManifest = crate::claims::from_toml_str(path, text)?;
            whole.source.into_iter().map(|e| (0, e)).collect()
        }
    };
    if raw.is_empty() {
        return Err(Error::new(
            ErrorKind::Syntax,
            "no [[source]] entries: expected at least one",
        )
        .with_path(path));
    }
    Ok(raw
        .into_iter()
        .map(|(offset, e)| {
            let e = e.into_inner();
            let sp = |s: std::ops::Range<usize>| Span::new(offset + s.start, offset + s.end);
            Entry {
                id: (e.id.get_ref().clone(), sp(e.id.span())),
                file: (e.file.get_ref().clone(), sp(e.file.span())),
                outlet: e.outlet,
                url: e.url,
                published: e.published.map(|p| (p.get_ref().clone(), sp(p.span()))),
            }
        })
        .collect())
}

/// Manifest entries, each with the offset of the text its spans are in.
type Placed = Vec<(usize, toml::Spanned<RawEntry>)>;

/// `[[source]]` tables parsed together by [`parse_in_pieces`].
const TABLES_PER_PIECE: usize = 256;

/// The manifest's entries, each with the offset in `text` of the piece it
/// was parsed in (its spans are within the piece), parsed
/// [`TABLES_PER_PIECE`] tables at a time, in parallel. `toml` holds a
/// document's whole parse at some thirty times its size: 115 MB for the
/// 3.4 MB manifest of 35,000 articles, more than the rest of an archive
/// run.
///
/// `None` when the file cannot be read that way, and is to be parsed
/// whole: when it has no line `[[source]]`, when what comes before the
/// first one holds any key, or when a piece does not parse alone (a line
/// `[[source]]` inside a multi-line string or array, or any error: the
/// whole parse then places it in the file). A piece starts with a table
/// header, and any header but `[[source]]` is refused by every piece as by
/// the whole file, so pieces that all parse give the whole file's entries.
fn parse_in_pieces(text: &str) -> Option<Placed> {
    let mut starts = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim() == "[[source]]" {
            starts.push(at);
        }
        at += line.len();
    }
    let first = *starts.first()?;
    let before: toml::Table = toml::from_str(&text[..first]).ok()?;
    if !before.is_empty() {
        return None;
    }
    let mut bounds: Vec<usize> = starts.iter().copied().step_by(TABLES_PER_PIECE).collect();
    bounds.push(text.len());
    let pieces: Option<Vec<Placed>> = bounds
        .par_windows(2)
        .map(|w| {
            let raw: RawManifest = toml::from_str(&text[w[0]..w[1]]).ok()?;
            Some(raw.source.into_iter().map(|e| (w[0], e)).collect())
        })
        .collect();
    Some(pieces?.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::{Sources, TABLES_PER_PIECE, parse_in_pieces, parse_manifest};

    /// A manifest of `n` entries, entry `bad` with an invalid id.
    fn manifest(n: usize, bad: usize) -> String {
        let mut m = String::from("# a comment\n\n");
        for i in 0..n {
            let id = if i == bad {
                format!("-{i}")
            } else {
                format!("a{i}")
            };
            m.push_str(&format!(
                "[[source]]\nid = \"{id}\"\nfile = \"a{i}.txt\"\npublished = \"2015-08-2{}\"\n\n",
                i % 10
            ));
        }
        m
    }

    /// A manifest of many tables parsed in pieces gives the entries of the
    /// whole parse, their spans placed in the whole file.
    #[test]
    fn manifest_in_pieces_as_whole() {
        let path = Path::new("sources.toml");
        let text = manifest(3 * TABLES_PER_PIECE + 5, usize::MAX);
        let pieces = parse_in_pieces(&text).expect("read in pieces");
        assert_eq!(pieces.len(), 3 * TABLES_PER_PIECE + 5);
        let entries = parse_manifest(path, &text).expect("parses");
        let whole: super::RawManifest = toml::from_str(&text).expect("parses whole");
        for (e, w) in entries.iter().zip(&whole.source) {
            let w = w.get_ref();
            assert_eq!(e.id.0, *w.id.get_ref());
            assert_eq!(e.id.1.start..e.id.1.end, w.id.span());
            assert_eq!(e.file.1.start..e.file.1.end, w.file.span());
            let published = e.published.as_ref().map(|p| p.1.start..p.1.end);
            assert_eq!(published, w.published.as_ref().map(toml::Spanned::span));
            assert_eq!(&text[e.id.1.start..e.id.1.end], format!("\"{}\"", e.id.0));
        }
    }

    /// What pieces cannot be trusted with is parsed whole: a line
    /// `[[source]]` inside a multi-line string, a key before the first
    /// table, no table header at all.
    #[test]
    fn manifest_pieces_give_way_to_the_whole_file() {
        let path = Path::new("sources.toml");
        // The line inside the string is where a piece would start.
        let mut inside = manifest(TABLES_PER_PIECE - 1, usize::MAX);
        inside.push_str(
            "[[source]]\nid = \"x\"\nfile = \"x.txt\"\noutlet = \"\"\"\n[[source]]\n\"\"\"\n",
        );
        inside.push_str("[[source]]\nid = \"y\"\nfile = \"y.txt\"\n");
        assert!(parse_in_pieces(&inside).is_none());
        let entries = parse_manifest(path, &inside).expect("valid TOML");
        assert_eq!(entries.len(), TABLES_PER_PIECE + 1);
        let x = &entries[TABLES_PER_PIECE - 1];
        assert_eq!(
            (x.id.0.as_str(), x.outlet.as_deref()),
            ("x", Some("[[source]]\n"))
        );
        let before = "source = []\n[[source]]\nid = \"a\"\nfile = \"a.txt\"\n";
        assert!(parse_in_pieces(before).is_none());
        assert!(
            parse_manifest(path, before).is_err(),
            "a static array cannot be extended"
        );
        let inline = "source = [{ id = \"a\", file = \"a.txt\" }]\n";
        assert!(parse_in_pieces(inline).is_none());
        assert_eq!(parse_manifest(path, inline).expect("valid").len(), 1);
    }

    /// An error in a late piece is placed in the whole file, and a TOML
    /// error there too (the whole file parsed again).
    #[test]
    fn manifest_errors_placed_in_the_whole_file() {
        let bad = 2 * TABLES_PER_PIECE + 7;
        let text = manifest(3 * TABLES_PER_PIECE, bad);
        let entries = parse_manifest(Path::new("sources.toml"), &text).expect("parses");
        let at = entries[bad].id.1.start;
        assert_eq!(&text[at..at + 3], "\"-5");
        let line = text[..at].lines().count();
        assert_eq!(line, 2 + 5 * bad + 2, "the id line of entry {bad}");
        let mut broken = manifest(3 * TABLES_PER_PIECE, usize::MAX);
        let cut = broken.rfind("file =").expect("an entry");
        broken.insert_str(cut, "oops\n");
        let err = parse_manifest(Path::new("sources.toml"), &broken).expect_err("bad TOML");
        let want_line = broken[..cut].lines().count() + 1;
        assert!(err.to_string().contains(&format!(":{want_line}:")), "{err}");
    }

    /// Sources loaded without their texts read them again when asked; a
    /// file gone since is an error naming it, not a panic or an empty text.
    #[test]
    fn texts_not_kept_are_read_again() {
        let dir = std::env::temp_dir().join(format!("claimcheck-lean-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a directory");
        std::fs::write(dir.join("a.txt"), "Text of a.\n").expect("an article");
        std::fs::write(dir.join("b.txt"), "Text of b.\n").expect("an article");
        std::fs::write(
            dir.join("sources.toml"),
            "[[source]]\nid = \"a\"\nfile = \"a.txt\"\n[[source]]\nid = \"b\"\nfile = \"b.txt\"\n",
        )
        .expect("a manifest");
        let (sources, lengths) =
            Sources::load_with(&dir, false, |s| s.text().len()).expect("loads");
        assert_eq!(lengths, [11, 11], "each seen with its text");
        assert!(sources.iter().all(|s| s.text().is_empty()));
        let a = sources.get("a").expect("a");
        assert_eq!(
            sources.with_text(a).expect("read again").text(),
            "Text of a.\n"
        );
        std::fs::remove_file(dir.join("b.txt")).expect("removed");
        let err = sources
            .with_text(sources.get("b").expect("b"))
            .expect_err("b is gone");
        assert!(err.to_string().contains("b.txt"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
