//! Bad input never panics and always names the file, line and column and
//! what was expected. Each case builds a small project in a temporary
//! directory, breaks one thing, and checks the error.

mod common;

use common::TempDir;
use std::fs;
use std::path::Path;

const ARTICLE: &str =
    "Headline of the story\nLONDON: The two sides signed a deal in Paris on Monday.\n";
const MANIFEST: &str = "[[source]]\nid = \"a\"\nfile = \"a.txt\"\npublished = \"2020-01-02\"\n";
const CLAIMS: &str = "[claims]\nplace = \"signed in Paris\"\n";

/// A fresh project directory with one good source and one good claims file.
fn project(name: &str) -> TempDir {
    let dir = TempDir::new("bad-input", name);
    fs::create_dir_all(dir.join("seeds")).unwrap();
    fs::create_dir_all(dir.join("claims")).unwrap();
    fs::write(dir.join("seeds/a.txt"), ARTICLE).unwrap();
    fs::write(dir.join("seeds/sources.toml"), MANIFEST).unwrap();
    fs::write(dir.join("claims/c.toml"), CLAIMS).unwrap();
    dir
}

fn errors_of(dir: &Path) -> String {
    match claimcheck::check(dir.join("claims"), dir.join("seeds")) {
        Ok(_) => panic!("expected an error for {}", dir.display()),
        Err(e) => e.to_string(),
    }
}

/// Breaks one file (`path` relative to the project) and expects each of
/// `needles` in the error text.
fn check(name: &str, path: &str, contents: &[u8], needles: &[&str]) {
    let dir = project(name);
    fs::write(dir.join(path), contents).unwrap();
    let err = errors_of(&dir);
    for n in needles {
        assert!(err.contains(n), "{name}: expected {n:?} in:\n{err}");
    }
}

#[test]
fn good_project_loads() {
    let dir = project("good");
    let run = claimcheck::check(dir.join("claims"), dir.join("seeds")).unwrap();
    assert_eq!(run.outcomes[0].outcomes.len(), 1);
}

#[test]
fn claims_files() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "malformed",
            "[claims]\nplace = \"signed in Paris\n",
            &["c.toml:2:", "string"],
        ),
        (
            "unknown-key",
            "[claims]\nx = \"signed in Paris\"\n[[claim]]\nid = \"y\"\nclaim = \"signed in Paris\"\ncolour = \"red\"\n",
            &["c.toml:6:1", "unknown field `colour`", "expected"],
        ),
        (
            "unknown-top-key",
            "[claimz]\nx = \"signed in Paris\"\n",
            &["c.toml:1:", "unknown field `claimz`"],
        ),
        (
            "duplicate-id",
            "[claims]\nx = \"signed in Paris\"\n[[claim]]\nid = \"x\"\nclaim = \"signed in Paris\"\n",
            &["c.toml:4:6", "duplicate claim id `x`", "line 2"],
        ),
        (
            "unknown-kind",
            "[[claim]]\nid = \"x\"\nkind = \"colour\"\n",
            &[
                "c.toml:3:8",
                "unknown claim kind `colour`",
                "expected quantity",
            ],
        ),
        (
            "unknown-source",
            "[[claim]]\nid = \"x\"\nclaim = \"signed in Paris\"\nsources = [\"nope\"]\n",
            &["c.toml:3:9", "unknown source `nope`", "expected one of a"],
        ),
        (
            "unreadable-statement",
            "[claims]\nx = \"the sky is blue and green\"\n",
            &["c.toml:2:5", "cannot read", "expected one of"],
        ),
        (
            "bad-operator",
            "[claims]\nx = \"helicopter count 4\"\n",
            &["c.toml:2:5", "expected an operator"],
        ),
        (
            "bad-expectation",
            "[[claim]]\nid = \"x\"\nclaim = \"signed in Paris\"\nexpect = \"maybe\"\n",
            &["c.toml:4:10", "unknown expectation `maybe`"],
        ),
        (
            "bad-regex",
            "[claims]\nx = \"matches /(/\"\n",
            &["c.toml:2:5", "invalid regex"],
        ),
        ("empty", "", &["c.toml", "no claims"]),
        (
            "bad-id",
            "[[claim]]\nid = \"a b\"\nclaim = \"signed in Paris\"\n",
            &["c.toml:2:6", "invalid claim id"],
        ),
    ];
    for (name, text, needles) in cases {
        check(name, "claims/c.toml", text.as_bytes(), needles);
    }
    check(
        "claims-not-utf8",
        "claims/c.toml",
        b"[claims]\nx = \"\xff\"\n",
        &["c.toml", "not UTF-8"],
    );
}

#[test]
fn source_files() {
    check(
        "empty-source",
        "seeds/a.txt",
        b"  \n\n",
        &["a.txt", "empty article"],
    );
    check(
        "binary-source",
        "seeds/a.txt",
        b"ab\ncd\x00ef",
        &["a.txt:2:3", "binary file", "expected UTF-8 text"],
    );
    check(
        "non-utf8-source",
        "seeds/a.txt",
        b"line one\nbad \xff byte",
        &["a.txt:2:5", "invalid UTF-8", "expected UTF-8 text"],
    );
    let huge = vec![b'a'; (claimcheck::MAX_SOURCE_BYTES + 1) as usize];
    check(
        "huge-source",
        "seeds/a.txt",
        &huge,
        &["a.txt", "expected an article of at most"],
    );
}

/// Every problem of every source is reported, in manifest order, whatever
/// order the files are read in (they are read in parallel).
#[test]
fn source_problems_come_in_manifest_order() {
    let dir = project("many-bad-sources");
    let mut manifest = String::new();
    let files: &[(&str, &[u8])] = &[
        (
            "e.txt",
            b"ok text
",
        ),
        ("d.txt", b"bad \xff byte"),
        ("c.txt", b""),
        ("b.txt", b"nul\x00"),
    ];
    for (n, (file, bytes)) in files.iter().enumerate() {
        fs::write(dir.join("seeds").join(file), bytes).unwrap();
        manifest.push_str(&format!("[[source]]\nid = \"s{n}\"\nfile = \"{file}\"\n"));
        // A problem of the manifest itself between two files.
        if n == 1 {
            manifest.push_str("[[source]]\nid = \"s0\"\nfile = \"x.txt\"\n");
        }
    }
    manifest.push_str("[[source]]\nid = \"gone\"\nfile = \"missing.txt\"\n");
    fs::write(dir.join("seeds/sources.toml"), manifest).unwrap();
    fs::remove_file(dir.join("seeds/a.txt")).unwrap();
    let err = errors_of(&dir);
    let at = |needle: &str| {
        err.find(needle)
            .unwrap_or_else(|| panic!("expected {needle:?} in:\n{err}"))
    };
    let order = [
        at("d.txt"),
        at("duplicate source id `s0`"),
        at("c.txt"),
        at("b.txt"),
        at("missing.txt"),
    ];
    assert!(order.is_sorted(), "not in manifest order:\n{err}");
    assert!(!err.contains("e.txt"), "e.txt is fine:\n{err}");
}

#[test]
fn manifests() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "missing-file",
            "[[source]]\nid = \"a\"\nfile = \"a.txt\"\n[[source]]\nid = \"b\"\nfile = \"b.txt\"\n",
            &["b.txt", "no such file"],
        ),
        (
            "escape",
            "[[source]]\nid = \"a\"\nfile = \"a.txt\"\n[[source]]\nid = \"b\"\nfile = \"../claims/c.toml\"\n",
            &["sources.toml:6:8", "leaves the sources directory"],
        ),
        (
            "absolute",
            "[[source]]\nid = \"a\"\nfile = \"a.txt\"\n[[source]]\nid = \"b\"\nfile = \"/etc/passwd\"\n",
            &["sources.toml:6:8", "leaves the sources directory"],
        ),
        (
            "duplicate-source",
            "[[source]]\nid = \"a\"\nfile = \"a.txt\"\n[[source]]\nid = \"a\"\nfile = \"a.txt\"\n",
            &["sources.toml:5:6", "duplicate source id `a`"],
        ),
        (
            "bad-date",
            "[[source]]\nid = \"a\"\nfile = \"a.txt\"\npublished = \"20 Aug\"\n",
            &["sources.toml:4:13", "invalid date", "expected YYYY-MM-DD"],
        ),
        (
            "unknown-manifest-key",
            "[[source]]\nid = \"a\"\nfile = \"a.txt\"\nauthor = \"x\"\n",
            &["sources.toml:4:1", "unknown field `author`"],
        ),
        ("no-sources", "", &["sources.toml", "no [[source]] entries"]),
    ];
    for (name, text, needles) in cases {
        check(name, "seeds/sources.toml", text.as_bytes(), needles);
    }
}

#[test]
fn unlisted_article_is_not_skipped() {
    let dir = project("unlisted");
    fs::write(dir.join("seeds/extra.txt"), ARTICLE).unwrap();
    let err = errors_of(&dir);
    assert!(
        err.contains("extra.txt") && err.contains("not listed"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_out_of_seeds_is_refused() {
    let dir = project("symlink");
    fs::write(dir.join("outside.txt"), ARTICLE).unwrap();
    fs::remove_file(dir.join("seeds/a.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("outside.txt"), dir.join("seeds/a.txt")).unwrap();
    let err = errors_of(&dir);
    assert!(
        err.contains("a.txt") && err.contains("outside the sources directory"),
        "{err}"
    );
}

#[test]
fn missing_directories() {
    let dir = project("missing-dirs");
    let err = match claimcheck::check(dir.join("nope"), dir.join("seeds")) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    };
    assert!(
        err.contains("nope") && err.contains("no such file"),
        "{err}"
    );
    fs::remove_dir_all(dir.join("claims")).unwrap();
    fs::create_dir_all(dir.join("claims")).unwrap();
    let err = errors_of(&dir);
    assert!(err.contains("no claims files"), "{err}");
}
