//! Claims declared in TOML: `ClaimSet::from_toml(path, &str) -> Result<ClaimSet>`.
//!
//! A claims file has three optional parts:
//!
//! ```toml
//! [aliases]                       # canonical = [variants], for matching
//! "Mi-35" = ["Hind E", "Mi-35M"]
//!
//! [claims]                        # compact: id = "statement"
//! helicopters = "helicopter count = 4"
//! place = "signed in Rawalpindi"
//!
//! [[claim]]                       # explicit: every field, one table a claim
//! id = "islamabad"
//! claim = "signed in Islamabad"   # a compact statement, or `kind` + fields
//! expect = "contradicted"         # holds | contradicted | not-mentioned
//! sources = ["dawn"]              # default: every source
//! per_source = { dawn = "contradicted" }
//! ```
//!
//! The compact statement grammar is in [`statement`]; the explicit form
//! (`kind = "quantity"`, `counted = ...`) builds the same [`ClaimKind`].
//! Every error names the file, line and column and says what was expected;
//! all errors of a file are reported, not only the first.

mod spelling;
mod statement;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};
use crate::extract::{Amount, Bound, DateValue, Factuality, PlaceInfo, Unit, lookup_place};
use crate::span::{LineCol, LineIndex, SourceId};

pub use statement::parse_statement;

/// A claim's id, unique within its file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimId(String);

impl ClaimId {
    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A place named by a claim: the gazetteer entry when known, else the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceName {
    /// The name as the claim writes it.
    pub name: String,
    /// The gazetteer entry, when the name is known.
    pub info: Option<PlaceInfo>,
}

/// What a claim asserts.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ClaimKind {
    /// `helicopter count = 4`: how many of something.
    Quantity {
        /// The counted noun, singular, lowercase.
        counted: String,
        /// Qualifiers that must match (`mi-35`), lowercase.
        qualifiers: Vec<String>,
        /// The amount claimed.
        amount: Amount,
    },
    /// `signed in Rawalpindi`: where an event happened.
    Place {
        /// Canonical predicate of the event.
        event: String,
        /// Other words that must appear with the event (`deal`).
        participants: Vec<String>,
        /// The place.
        place: PlaceName,
        /// The factuality the claim states (`will be delivered in
        /// Karachi` is future): only events the source states the same way
        /// decide it.
        factuality: Factuality,
    },
    /// `signed on Wednesday`: when an event happened.
    Date {
        /// Canonical predicate of the event.
        event: String,
        /// Other words that must appear with the event.
        participants: Vec<String>,
        /// The date.
        date: DateValue,
        /// The date as written in the claim.
        written: String,
        /// The factuality the claim states, as for [`ClaimKind::Place`].
        factuality: Factuality,
    },
    /// `Sergei Shoigu is Defence Minister`: a person's role.
    Role {
        /// The person's name.
        person: String,
        /// The role, lowercase.
        role: String,
    },
    /// `Zafar Hilaly said "..."`: a quote and its speaker.
    Quote {
        /// Who said it.
        speaker: String,
        /// What was said.
        text: String,
    },
    /// `Pakistan will buy helicopters`: that an event happened (or is
    /// planned, or was denied: the factuality the claim states).
    Event {
        /// Canonical predicate.
        event: String,
        /// Words that must appear with the event.
        participants: Vec<String>,
        /// The factuality the claim states.
        factuality: Factuality,
    },
    /// `mentions Rostec`: the source names something.
    Mention {
        /// The term.
        term: String,
    },
    /// `contains "landmark defence deal"`: the text has the phrase.
    Phrase {
        /// The phrase.
        text: String,
    },
    /// `matches /Mi-3\d/`: the text matches a regular expression.
    Pattern {
        /// The compiled expression.
        regex: regex::Regex,
    },
}

impl ClaimKind {
    /// A short lowercase name of the kind.
    pub fn name(&self) -> &'static str {
        match self {
            ClaimKind::Quantity { .. } => "quantity",
            ClaimKind::Place { .. } => "place",
            ClaimKind::Date { .. } => "date",
            ClaimKind::Role { .. } => "role",
            ClaimKind::Quote { .. } => "quote",
            ClaimKind::Event { .. } => "event",
            ClaimKind::Mention { .. } => "mention",
            ClaimKind::Phrase { .. } => "phrase",
            ClaimKind::Pattern { .. } => "regex",
        }
    }
}

/// The verdict of one claim against one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Verdict {
    /// The source states what the claim says.
    Supported,
    /// The source states a conflicting value for the same thing.
    Contradicted,
    /// The source says nothing either way.
    NotMentioned,
}

impl Verdict {
    /// The kebab-case name used in TOML and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::NotMentioned => "not-mentioned",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the claim's author expects across its sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Expectation {
    /// Supported by at least one source and contradicted by none (default).
    Holds,
    /// Contradicted by at least one source and supported by none.
    Contradicted,
    /// Neither supported nor contradicted by any source.
    NotMentioned,
    /// Only the per-source expectations are checked.
    PerSourceOnly,
}

impl Expectation {
    /// The kebab-case name used in TOML and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Expectation::Holds => "holds",
            Expectation::Contradicted => "contradicted",
            Expectation::NotMentioned => "not-mentioned",
            Expectation::PerSourceOnly => "per-source",
        }
    }
}

/// Where a claim is declared.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClaimLocation {
    /// The claims file.
    pub path: PathBuf,
    /// Line and column of the claim's statement (or its table) in the file.
    pub pos: LineCol,
}

/// One claim.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Its id.
    pub id: ClaimId,
    /// The statement as the author wrote it.
    pub statement: String,
    /// What it asserts.
    pub kind: ClaimKind,
    /// The sources it is checked against; `None` means every source.
    pub sources: Option<Vec<SourceId>>,
    /// What is expected over all its sources.
    pub expect: Expectation,
    /// Exact verdicts expected from particular sources.
    pub per_source: BTreeMap<SourceId, Verdict>,
    /// Where it is declared.
    pub location: ClaimLocation,
}

/// A claims-level vocabulary: variants that mean the same thing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aliases {
    /// Normalized variant → normalized canonical term.
    map: BTreeMap<String, String>,
}

impl Aliases {
    /// The canonical form of a term: normalized (lowercase, quotes and
    /// repeated spaces removed), then mapped through the aliases.
    pub fn canon(&self, term: &str) -> String {
        let n = normalize_term(term);
        self.map.get(&n).cloned().unwrap_or(n)
    }

    /// [`Aliases::canon`] of a term that is already normalized: no
    /// allocation.
    pub fn canon_normalized<'a>(&'a self, term: &'a str) -> &'a str {
        self.map.get(term).map_or(term, String::as_str)
    }

    /// Every variant (canonical included) of the canonical form of `term`.
    pub fn variants(&self, term: &str) -> Vec<String> {
        let c = self.canon(term);
        let mut out = vec![c.clone()];
        out.extend(
            self.map
                .iter()
                .filter(|(_, v)| **v == c)
                .map(|(k, _)| k.clone()),
        );
        out.sort();
        out.dedup();
        out
    }

    fn insert(&mut self, canonical: &str, variant: &str) {
        self.map
            .insert(normalize_term(variant), normalize_term(canonical));
    }

    /// Adds every alias of `other`.
    pub fn extend(&mut self, other: &Aliases) {
        self.map
            .extend(other.map.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
}

/// Lowercase, straight quotes dropped, dots dropped from abbreviations
/// (`U.S.` → `us`), white space collapsed, British spellings of a closed
/// list of words folded into American ones (`defence` → `defense`,
/// `organisation` → `organization`), so either spelling matches the other.
pub fn normalize_term(s: &str) -> String {
    let mut out = String::new();
    normalize_term_into(s, &mut out);
    out
}

/// [`normalize_term`] of `s` into `out` (cleared first), reusing its
/// allocation.
pub(crate) fn normalize_term_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        normalize_ascii(s, out);
    } else {
        out.push_str(&normalize_chars(s));
    }
    spelling::fold(out);
}

/// [`normalize_term`] of any string, character by character.
fn normalize_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        let w: String = w
            .chars()
            .filter(|c| {
                !matches!(
                    c,
                    '\'' | '"'
                        | '\u{2018}'
                        | '\u{2019}'
                        | '\u{201c}'
                        | '\u{201d}'
                        | '.'
                        | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | '('
                        | ')'
                )
            })
            .flat_map(char::to_lowercase)
            .collect();
        let w = w.strip_suffix("'s").unwrap_or(&w).to_string();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// [`normalize_term`] of an ASCII string, byte by byte (same result: the
/// whitespace `char::is_whitespace` knows in ASCII, the same punctuation
/// dropped, and no `'s` left to strip once apostrophes are gone).
fn normalize_ascii(s: &str, out: &mut String) {
    // A word of letters, digits and hyphens (most terms, nearly every word
    // of a source's sentences): nothing to drop or space out, so copied
    // whole, then lowercased.
    if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        let at = out.len();
        out.push_str(s);
        out[at..].make_ascii_lowercase();
        return;
    }
    out.reserve(s.len());
    let mut space = false;
    for &b in s.as_bytes() {
        match b {
            b'\t'..=b'\r' | b' ' => space = !out.is_empty(),
            b'\'' | b'"' | b'.' | b',' | b';' | b':' | b'!' | b'?' | b'(' | b')' => {}
            _ => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
    }
}

/// The claims of one file.
#[derive(Debug, Clone)]
pub struct ClaimSet {
    path: PathBuf,
    name: String,
    aliases: Aliases,
    claims: Vec<Claim>,
}

impl ClaimSet {
    /// Parses the claims file `path` whose contents are `text`.
    ///
    /// # Errors
    ///
    /// Every problem found, each at `path:line:col`: TOML syntax, unknown
    /// keys, duplicate ids, statements the grammar cannot read, bad values.
    pub fn from_toml(
        path: impl AsRef<Path>,
        text: &str,
    ) -> std::result::Result<ClaimSet, Vec<Error>> {
        let path = path.as_ref();
        let raw: RawFile = from_toml_str(path, text).map_err(|e| vec![e])?;
        let lines = LineIndex::new(text);
        let pos = |offset: usize| lines.line_col(text, offset);
        let mut errors = Vec::new();
        let mut aliases = Aliases::default();
        for (canonical, variants) in &raw.aliases {
            for v in variants {
                aliases.insert(canonical, v);
            }
        }
        let mut claims = Vec::new();
        let mut ids: BTreeMap<String, LineCol> = BTreeMap::new();
        let mut check_id = |id: &str, at: LineCol, errors: &mut Vec<Error>| -> bool {
            if !valid_id(id) {
                errors.push(
                    Error::new(
                        ErrorKind::Syntax,
                        format!("invalid claim id {id:?}: expected letters, digits, '-' or '_'"),
                    )
                    .with_path(path)
                    .at(at),
                );
                return false;
            }
            if let Some(first) = ids.get(id) {
                errors.push(
                    Error::new(
                        ErrorKind::Duplicate,
                        format!(
                            "duplicate claim id `{id}` (first defined at line {})",
                            first.line
                        ),
                    )
                    .with_path(path)
                    .at(at),
                );
                return false;
            }
            ids.insert(id.to_string(), at);
            true
        };
        let mut compact: Vec<_> = raw.claims.into_iter().collect();
        compact.sort_by_key(|(k, _)| k.span().start);
        for (key, value) in compact {
            let at = pos(key.span().start);
            if !check_id(key.get_ref(), at, &mut errors) {
                continue;
            }
            let vpos = pos(value.span().start);
            match parse_statement(value.get_ref()) {
                Ok(kind) => claims.push(Claim {
                    id: ClaimId(key.into_inner()),
                    statement: value.get_ref().clone(),
                    kind,
                    sources: None,
                    expect: Expectation::Holds,
                    per_source: BTreeMap::new(),
                    location: ClaimLocation {
                        path: path.to_path_buf(),
                        pos: vpos,
                    },
                }),
                Err(why) => errors.push(
                    Error::new(ErrorKind::BadClaim, why)
                        .with_path(path)
                        .at(vpos),
                ),
            }
        }
        for table in raw.claim {
            let tpos = pos(table.span().start);
            let t = table.into_inner();
            let at = pos(t.id.span().start);
            if !check_id(t.id.get_ref(), at, &mut errors) {
                continue;
            }
            match explicit_claim(path, &t, &pos) {
                Ok(kind) => {
                    let (expect, per_source) = expectations(path, &t, &pos, &mut errors);
                    let statement = t
                        .claim
                        .as_ref()
                        .or(t.statement.as_ref())
                        .map(|s| s.get_ref().clone())
                        .unwrap_or_else(|| describe(&kind));
                    let sources = t
                        .sources
                        .as_ref()
                        .map(|v| v.iter().map(|s| SourceId::new(s.clone())).collect());
                    let stmt_pos = t.claim.as_ref().map_or(tpos, |c| pos(c.span().start));
                    claims.push(Claim {
                        id: ClaimId(t.id.into_inner()),
                        statement,
                        kind,
                        sources,
                        expect,
                        per_source,
                        location: ClaimLocation {
                            path: path.to_path_buf(),
                            pos: stmt_pos,
                        },
                    });
                }
                Err(e) => errors.push(e),
            }
        }
        if claims.is_empty() && errors.is_empty() {
            errors.push(
                Error::new(
                    ErrorKind::Syntax,
                    "no claims: expected a [claims] table or [[claim]] entries",
                )
                .with_path(path),
            );
        }
        claims.sort_by_key(|c| (c.location.pos.line, c.location.pos.col));
        if !errors.is_empty() {
            return Err(errors);
        }
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Ok(ClaimSet {
            path: path.to_path_buf(),
            name,
            aliases,
            claims,
        })
    }

    /// Reads every `*.toml` file of `dir`, sorted by name.
    ///
    /// # Errors
    ///
    /// Every problem of every file; an unreadable or empty directory.
    pub fn load_dir(dir: impl AsRef<Path>) -> std::result::Result<Vec<ClaimSet>, Vec<Error>> {
        let dir = dir.as_ref();
        let rd = std::fs::read_dir(dir).map_err(|e| vec![Error::io(dir, &e)])?;
        let mut paths: Vec<PathBuf> = rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(vec![
                Error::new(
                    ErrorKind::Io,
                    "no claims files: expected at least one *.toml file",
                )
                .with_path(dir),
            ]);
        }
        let mut sets = Vec::new();
        let mut errors = Vec::new();
        for p in paths {
            let text = match std::fs::read(&p) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(t) => t,
                    Err(_) => {
                        errors.push(
                            Error::new(ErrorKind::Syntax, "not UTF-8: expected a TOML text file")
                                .with_path(&p),
                        );
                        continue;
                    }
                },
                Err(e) => {
                    errors.push(Error::io(&p, &e));
                    continue;
                }
            };
            match ClaimSet::from_toml(&p, &text) {
                Ok(s) => sets.push(s),
                Err(es) => errors.extend(es),
            }
        }
        if errors.is_empty() {
            Ok(sets)
        } else {
            Err(errors)
        }
    }

    /// Checks that every source a claim names exists.
    ///
    /// # Errors
    ///
    /// One error per unknown source id, at the claim's location.
    pub fn check_sources(&self, known: &BTreeSet<SourceId>) -> std::result::Result<(), Vec<Error>> {
        let mut errors = Vec::new();
        for c in &self.claims {
            let named = c.sources.iter().flatten().chain(c.per_source.keys());
            for s in named {
                if !known.contains(s) {
                    let list: Vec<&str> = known.iter().map(SourceId::as_str).collect();
                    errors.push(
                        Error::new(
                            ErrorKind::UnknownReference,
                            format!(
                                "claim `{}` names unknown source `{s}`: expected one of {}",
                                c.id,
                                list.join(", ")
                            ),
                        )
                        .with_path(&self.path)
                        .at(c.location.pos),
                    );
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The file it was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file's stem (`deal` for `claims/deal.toml`), used in test names.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's aliases.
    pub fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    /// The claims in file order.
    pub fn iter(&self) -> std::slice::Iter<'_, Claim> {
        self.claims.iter()
    }

    /// How many claims there are.
    pub fn len(&self) -> usize {
        self.claims.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty()
    }
}

impl<'a> IntoIterator for &'a ClaimSet {
    type Item = &'a Claim;
    type IntoIter = std::slice::Iter<'a, Claim>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    claims: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    #[serde(default)]
    claim: Vec<toml::Spanned<RawClaim>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: toml::Spanned<String>,
    claim: Option<toml::Spanned<String>>,
    statement: Option<toml::Spanned<String>>,
    kind: Option<toml::Spanned<String>>,
    // quantity
    counted: Option<String>,
    value: Option<f64>,
    upper: Option<f64>,
    bound: Option<toml::Spanned<String>>,
    unit: Option<String>,
    qualifier: Option<String>,
    // place, date, event
    event: Option<String>,
    place: Option<String>,
    date: Option<toml::Spanned<String>>,
    participants: Option<Vec<String>>,
    factuality: Option<toml::Spanned<String>>,
    // role
    person: Option<String>,
    role: Option<String>,
    // quote
    speaker: Option<String>,
    quote: Option<String>,
    // mention, phrase, regex
    term: Option<String>,
    phrase: Option<String>,
    regex: Option<toml::Spanned<String>>,
    // checking
    sources: Option<Vec<String>>,
    expect: Option<toml::Spanned<String>>,
    per_source: Option<BTreeMap<String, toml::Spanned<String>>>,
}

fn explicit_claim(path: &Path, t: &RawClaim, pos: &dyn Fn(usize) -> LineCol) -> Result<ClaimKind> {
    let err = |kind, msg: String, at: usize| Error::new(kind, msg).with_path(path).at(pos(at));
    let id_at = t.id.span().start;
    if let Some(c) = &t.claim {
        if let Some(k) = &t.kind {
            return Err(err(
                ErrorKind::Syntax,
                "a claim has either `claim = \"...\"` or `kind = ...` with fields, not both".into(),
                k.span().start,
            ));
        }
        return parse_statement(c.get_ref())
            .map_err(|why| err(ErrorKind::BadClaim, why, c.span().start));
    }
    let Some(kind) = &t.kind else {
        return Err(err(
            ErrorKind::Syntax,
            "missing `claim` or `kind`: expected a compact statement (`claim = \"helicopter count = 4\"`) or `kind = \"quantity\"` with its fields".into(),
            id_at,
        ));
    };
    let need = |field: &Option<String>, name: &str| -> Result<String> {
        field.clone().ok_or_else(|| {
            err(
                ErrorKind::Syntax,
                format!("kind `{}` needs field `{name}`", kind.get_ref()),
                kind.span().start,
            )
        })
    };
    let words = |v: &Option<Vec<String>>| {
        v.iter()
            .flatten()
            .map(|w| normalize_term(w))
            .collect::<Vec<_>>()
    };
    // Of event, place and date claims.
    let factuality = || -> Result<Factuality> {
        match &t.factuality {
            None => Ok(Factuality::Asserted),
            Some(f) => statement::parse_factuality(f.get_ref()).ok_or_else(|| {
                err(
                    ErrorKind::Syntax,
                    format!("unknown factuality `{}`: expected asserted, reported, hedged, future or negated", f.get_ref()),
                    f.span().start,
                )
            }),
        }
    };
    let event_of = |e: String| -> Result<String> {
        crate::extract::canonical_predicate(&e)
            .map(str::to_string)
            .ok_or_else(|| {
                err(
                    ErrorKind::BadClaim,
                    format!("unknown event verb `{e}`: expected a verb such as sign, buy, visit"),
                    kind.span().start,
                )
            })
    };
    match kind.get_ref().as_str() {
        "quantity" => {
            let counted = statement::singular(&normalize_term(&need(&t.counted, "counted")?));
            let value = t.value.ok_or_else(|| {
                err(
                    ErrorKind::Syntax,
                    "kind `quantity` needs field `value`".into(),
                    kind.span().start,
                )
            })?;
            let bound = match &t.bound {
                None => Bound::Exact,
                Some(b) => statement::parse_bound_name(b.get_ref()).ok_or_else(|| {
                    err(
                        ErrorKind::Syntax,
                        format!("unknown bound `{}`: expected exact, approx, at-least, at-most, more-than or less-than", b.get_ref()),
                        b.span().start,
                    )
                })?,
            };
            let unit = match t.unit.as_deref() {
                None | Some("count") => Unit::Count,
                Some("percent") | Some("%") => Unit::Percent,
                Some(code) => Unit::Currency(code.to_uppercase()),
            };
            Ok(ClaimKind::Quantity {
                counted,
                qualifiers: t.qualifier.iter().map(|q| normalize_term(q)).collect(),
                amount: Amount {
                    value,
                    upper: t.upper,
                    bound,
                    unit,
                },
            })
        }
        "place" => {
            let place = need(&t.place, "place")?;
            Ok(ClaimKind::Place {
                event: event_of(need(&t.event, "event")?)?,
                participants: words(&t.participants),
                place: PlaceName {
                    info: lookup_place(&place),
                    name: place,
                },
                factuality: factuality()?,
            })
        }
        "date" => {
            let d = t.date.as_ref().ok_or_else(|| {
                err(
                    ErrorKind::Syntax,
                    "kind `date` needs field `date`".into(),
                    kind.span().start,
                )
            })?;
            let date = statement::parse_date(d.get_ref()).ok_or_else(|| {
                err(
                    ErrorKind::BadClaim,
                    format!(
                        "cannot read date `{}`: expected e.g. 2015-08-19, Wednesday, August 2015",
                        d.get_ref()
                    ),
                    d.span().start,
                )
            })?;
            Ok(ClaimKind::Date {
                event: event_of(need(&t.event, "event")?)?,
                participants: words(&t.participants),
                date,
                written: d.get_ref().clone(),
                factuality: factuality()?,
            })
        }
        "role" => Ok(ClaimKind::Role {
            person: need(&t.person, "person")?,
            role: normalize_term(&need(&t.role, "role")?),
        }),
        "quote" => Ok(ClaimKind::Quote {
            speaker: need(&t.speaker, "speaker")?,
            text: need(&t.quote, "quote")?,
        }),
        "event" => {
            let factuality = factuality()?;
            Ok(ClaimKind::Event {
                event: event_of(need(&t.event, "event")?)?,
                participants: words(&t.participants),
                factuality,
            })
        }
        "mention" => Ok(ClaimKind::Mention {
            term: need(&t.term, "term")?,
        }),
        "phrase" => Ok(ClaimKind::Phrase {
            text: need(&t.phrase, "phrase")?,
        }),
        "regex" => {
            let r = t.regex.as_ref().ok_or_else(|| {
                err(
                    ErrorKind::Syntax,
                    "kind `regex` needs field `regex`".into(),
                    kind.span().start,
                )
            })?;
            let regex = regex::Regex::new(r.get_ref()).map_err(|e| {
                err(
                    ErrorKind::BadClaim,
                    format!("invalid regex: {e}"),
                    r.span().start,
                )
            })?;
            Ok(ClaimKind::Pattern { regex })
        }
        other => Err(err(
            ErrorKind::UnknownKey,
            format!(
                "unknown claim kind `{other}`: expected quantity, place, date, role, quote, event, mention, phrase or regex"
            ),
            kind.span().start,
        )),
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

fn expectations(
    path: &Path,
    t: &RawClaim,
    pos: &dyn Fn(usize) -> LineCol,
    errors: &mut Vec<Error>,
) -> (Expectation, BTreeMap<SourceId, Verdict>) {
    let mut per_source = BTreeMap::new();
    for (source, v) in t.per_source.iter().flatten() {
        match parse_verdict(v.get_ref()) {
            Some(verdict) => {
                per_source.insert(SourceId::new(source.clone()), verdict);
            }
            None => errors.push(
                Error::new(
                    ErrorKind::Syntax,
                    format!(
                        "unknown verdict `{}`: expected supported, contradicted or not-mentioned",
                        v.get_ref()
                    ),
                )
                .with_path(path)
                .at(pos(v.span().start)),
            ),
        }
    }
    let expect = match &t.expect {
        None if !per_source.is_empty() => Expectation::PerSourceOnly,
        None => Expectation::Holds,
        Some(e) => match e.get_ref().as_str() {
            "holds" | "supported" => Expectation::Holds,
            "contradicted" => Expectation::Contradicted,
            "not-mentioned" => Expectation::NotMentioned,
            other => {
                errors.push(
                    Error::new(
                        ErrorKind::Syntax,
                        format!("unknown expectation `{other}`: expected holds, contradicted or not-mentioned"),
                    )
                    .with_path(path)
                    .at(pos(e.span().start)),
                );
                Expectation::Holds
            }
        },
    };
    (expect, per_source)
}

/// A readable statement for a claim given in explicit form.
fn describe(kind: &ClaimKind) -> String {
    match kind {
        ClaimKind::Quantity {
            counted, amount, ..
        } => format!("{counted} count = {}", amount.value),
        ClaimKind::Place { event, place, .. } => format!("{event} in {}", place.name),
        ClaimKind::Date { event, written, .. } => format!("{event} on {written}"),
        ClaimKind::Role { person, role } => format!("{person} is {role}"),
        ClaimKind::Quote { speaker, text } => format!("{speaker} said \"{text}\""),
        ClaimKind::Event {
            event,
            participants,
            ..
        } => format!("{event} {}", participants.join(" ")),
        ClaimKind::Mention { term } => format!("mentions {term}"),
        ClaimKind::Phrase { text } => format!("contains \"{text}\""),
        ClaimKind::Pattern { regex } => format!("matches /{}/", regex.as_str()),
    }
}

/// Deserializes TOML, turning errors into [`Error`]s at `path:line:col`.
pub(crate) fn from_toml_str<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T> {
    from_toml_at(path, text, 1)
}

/// [`from_toml_str`] of `text`, a piece of a file that starts on line
/// `first_line` of it: an error is placed in the whole file.
pub(crate) fn from_toml_at<T: serde::de::DeserializeOwned>(
    path: &Path,
    text: &str,
    first_line: usize,
) -> Result<T> {
    toml::from_str(text).map_err(|e| {
        let kind = if e.message().starts_with("unknown field")
            || e.message().starts_with("unknown variant")
        {
            ErrorKind::UnknownKey
        } else {
            ErrorKind::Syntax
        };
        let mut err = Error::new(
            kind,
            e.message()
                .trim_end_matches('\n')
                .trim_end_matches('.')
                .to_string(),
        )
        .with_path(path);
        if let Some(span) = e.span() {
            let at = LineIndex::new(text).line_col(text, span.start);
            err = err.at(LineCol {
                line: at.line + first_line - 1,
                col: at.col,
            });
        }
        err
    })
}

/// The singular of a lowercase noun (`helicopters` → `helicopter`).
pub fn singular_of(word: &str) -> String {
    statement::singular(word)
}

#[cfg(test)]
mod tests {
    use super::{normalize_ascii, normalize_chars};

    /// The explicit place and date forms take `factuality` as the event
    /// form does, asserted when absent; an unknown one names its position.
    #[test]
    fn explicit_place_and_date_claims_take_a_factuality() {
        use crate::claims::{ClaimKind, ClaimSet};
        use crate::extract::Factuality;
        let toml = "[[claim]]\nid = 'd'\nkind = 'date'\nevent = 'deliver'\ndate = '2017'\n\
                    factuality = 'future'\n\
                    [[claim]]\nid = 'p'\nkind = 'place'\nevent = 'sign'\nplace = 'Rawalpindi'\n";
        let set = ClaimSet::from_toml("c.toml", toml).expect("valid claims");
        let got: Vec<Factuality> = set
            .iter()
            .map(|c| match &c.kind {
                ClaimKind::Date { factuality, .. } | ClaimKind::Place { factuality, .. } => {
                    *factuality
                }
                other => panic!("not a place or date claim: {other:?}"),
            })
            .collect();
        assert_eq!(got, [Factuality::Future, Factuality::Asserted]);
        let bad = toml.replace("'future'", "'someday'");
        let err = format!(
            "{:?}",
            ClaimSet::from_toml("c.toml", &bad).expect_err("unknown")
        );
        assert!(
            err.contains("unknown factuality `someday`") && err.contains("line: 6"),
            "{err}"
        );
    }

    /// The ASCII fast path of `normalize_term` gives what the general path
    /// gives.
    fn ascii(s: &str) -> String {
        let mut out = String::new();
        normalize_ascii(s, &mut out);
        out
    }

    #[test]
    fn ascii_normalization_equals_general() {
        let cases = [
            "",
            "   ",
            "U.S.",
            "  Pakistan's  \"deal\"  ",
            "a . b",
            "\t\ttabs\nand\r\nlines\x0b\x0cfeeds ",
            "(Mi-35) helicopters; four!",
            "' \" . , ; : ! ? ( )",
            "Rawalpindi's 'talks' x\x1fy",
            "CAPS and MiXeD 123 4.5 1,000",
            "it's    o'clock?",
        ];
        for c in cases {
            assert_eq!(ascii(c), normalize_chars(c), "{c:?}");
        }
        // Every single byte, and every pair, alone and between words.
        for a in 0u8..128 {
            for b in [b' ', b'a', b'\'', b'.', b'\n', b'Z', a] {
                let s = String::from_utf8(vec![b'x', a, b, b'y', b' ', a]).unwrap_or_default();
                assert_eq!(ascii(&s), normalize_chars(&s), "{s:?}");
            }
        }
    }
}
