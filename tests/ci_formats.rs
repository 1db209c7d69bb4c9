//! The CI side of the binary: `--format junit|github|json`, `lock`,
//! `check --locked` (cosmetic edits pass, fact changes and orphans fail) and
//! `diff OLD NEW`.

mod common;

use common::TempDir;
use std::path::Path;
use std::process::{Command, Output};

fn claimcheck(args: &[&str], dir: &Path) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("cannot run claimcheck: {e}"),
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const ARTICLE: &str = "PARIS: The two sides signed a deal in Paris on Monday.\n\
The talks lasted two days, officials said.\n";

const CLAIMS: &str = "[claims]\n\
phrase = 'contains \"signed a deal\"'\n\
monday = \"signed on Monday\"\n\
missing = 'contains \"signed a treaty\"'\n";

/// A throwaway project: seeds/a.txt, its manifest and one claims file.
fn project(name: &str, claims: &str) -> TempDir {
    let dir = TempDir::new("ci", name);
    for sub in ["seeds", "claims", "tests/snapshots"] {
        std::fs::create_dir_all(dir.join(sub)).expect("temp dir");
    }
    write(&dir, "seeds/a.txt", ARTICLE);
    write(
        &dir,
        "seeds/sources.toml",
        "[[source]]\nid = \"a\"\nfile = \"a.txt\"\npublished = \"2024-03-06\"\n",
    );
    write(&dir, "claims/c.toml", claims);
    dir
}

/// [`project`] with `n` sources, `a00` to `a{n-1}`, all holding [`ARTICLE`].
fn project_with_sources(name: &str, claims: &str, n: usize) -> TempDir {
    let dir = project(name, claims);
    let mut manifest = String::new();
    for i in 0..n {
        write(&dir, &format!("seeds/a{i:02}.txt"), ARTICLE);
        manifest.push_str(&format!(
            "[[source]]\nid = \"a{i:02}\"\nfile = \"a{i:02}.txt\"\npublished = \"2024-03-06\"\n"
        ));
    }
    std::fs::remove_file(dir.join("seeds/a.txt")).expect("remove a.txt");
    write(&dir, "seeds/sources.toml", &manifest);
    dir
}

fn write(dir: &Path, file: &str, text: &str) {
    std::fs::write(dir.join(file), text).expect("write temp file");
}

/// A minimal well-formedness check: tags balance, attributes are quoted,
/// every `&` starts an entity.
fn assert_well_formed_xml(xml: &str) {
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
        "{xml}"
    );
    let mut stack: Vec<String> = Vec::new();
    let body = &xml[xml.find("?>").map_or(0, |i| i + 2)..];
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        for (k, _) in text.match_indices('&') {
            let ent = &text[k..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#"]
                    .iter()
                    .any(|e| ent.starts_with(e)),
                "bare & in {text:?}"
            );
        }
        let Some(j) = rest[i..].find('>') else {
            panic!("unclosed tag in {rest}")
        };
        let tag = &rest[i + 1..i + j];
        assert!(!tag.contains('<'), "'<' inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or("").to_string();
            stack.push(name);
        }
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "unbalanced quotes in <{tag}>"
        );
        rest = &rest[i + j + 1..];
    }
    assert!(stack.is_empty(), "unclosed {stack:?}");
}

#[test]
fn junit_has_one_testcase_per_claim_and_is_well_formed() {
    let out = claimcheck(&["check", "--format", "junit"], root());
    let xml = stdout(&out);
    assert_well_formed_xml(&xml);
    let json = claimcheck(&["check", "--format", "json"], root());
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    let claims = doc["claims"].as_array().map_or(0, Vec::len);
    let fails = doc["summary"]["fail"].as_u64().unwrap_or(0) as usize;
    assert_eq!(xml.matches("<testcase ").count(), claims, "{xml}");
    assert_eq!(xml.matches("<failure ").count(), fails, "{xml}");
    assert!(
        xml.contains("<testsuite name=\"claims/pakistan-russia-deal.toml\""),
        "{xml}"
    );
    assert_eq!(out.status.code(), json.status.code());
}

#[test]
fn junit_escapes_failure_messages() {
    let dir = project("junit", "[claims]\nx = 'contains \"a <b> & \\\"c\\\"\"'\n");
    let out = claimcheck(&["check", "--format", "junit"], &dir);
    let xml = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{xml}");
    assert_well_formed_xml(&xml);
    assert!(xml.contains("a &lt;b&gt; &amp; "), "{xml}");
}

#[test]
fn github_annotations_point_at_the_claim_line() {
    let dir = project("github", CLAIMS);
    let out = claimcheck(&["check", "--format", "github"], &dir);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("::error ")).collect();
    assert_eq!(errors.len(), 1, "{text}");
    // `missing` is on line 4 of claims/c.toml.
    assert!(
        errors[0].starts_with("::error file=claims/c.toml,line=4,col="),
        "{text}"
    );
    assert!(
        CLAIMS
            .lines()
            .nth(3)
            .is_some_and(|l| l.starts_with("missing"))
    );
    assert!(
        errors[0].contains(",title=claim missing does not hold::"),
        "{text}"
    );
    assert!(!errors[0].contains('\n'));
    let last = text.lines().last().unwrap_or("");
    assert!(
        last.starts_with("::notice title=claimcheck summary::claimcheck: 3 claims, 2 hold, 1 fail"),
        "{text}"
    );
}

#[test]
fn github_annotations_are_capped_with_a_summary() {
    let claims: String = (0..14)
        .map(|i| format!("c{i} = 'contains \"absent phrase {i}\"'\n"))
        .collect();
    let dir = project("cap", &format!("[claims]\n{claims}"));
    let out = claimcheck(&["check", "--format", "github"], &dir);
    let text = stdout(&out);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("::error ")).count(),
        10,
        "{text}"
    );
    let last = text.lines().last().unwrap_or("");
    assert!(
        last.contains("14 fail") && last.contains("4 more error(s)"),
        "{text}"
    );
    // Without a lock, the command to run for all of them has no `--locked`.
    assert!(last.ends_with("run `claimcheck check` for all"), "{text}");
    let locked = {
        assert_eq!(claimcheck(&["lock"], &dir).status.code(), Some(0));
        claimcheck(&["check", "--locked", "--format", "github"], &dir)
    };
    let last = stdout(&locked).lines().last().unwrap_or("").to_string();
    assert!(
        last.ends_with("run `claimcheck check --locked` for all"),
        "{last}"
    );
}

/// On an archive, a failing claim's one-line summaries (GitHub message,
/// JUnit failure message) name the first ten sources that say something
/// and count the rest, and sum up the silent sources as the human report
/// does; failure messages name ten sources and count the rest. The human
/// report and the JUnit body still list every source's verdict.
#[test]
fn summaries_of_claims_checked_against_many_sources_are_capped() {
    let claims = "[claims]\n\
                  tuesday = \"signed on Tuesday\"\n\
                  absent = 'contains \"signed a treaty\"'\n";
    let dir = project_with_sources("many", claims, 12);
    let silent = "12 sources: not-mentioned (a00, a01, a02, a03, a04 and 7 more)";

    let gh = claimcheck(&["check", "--format", "github"], &dir);
    let text = stdout(&gh);
    assert_eq!(gh.status.code(), Some(1), "{text}");
    let error = |id: &str| {
        text.lines()
            .find(|l| l.contains(&format!("title=claim {id} does not hold")))
            .unwrap_or_else(|| panic!("no annotation for {id}: {text}"))
    };
    let tuesday = error("tuesday");
    assert_eq!(tuesday.matches(": contradicted (").count(), 10, "{tuesday}");
    assert!(tuesday.contains("a09: contradicted ("), "{tuesday}");
    assert!(!tuesday.contains("a10:"), "{tuesday}");
    assert!(
        tuesday.contains("; 2 more source(s): run `claimcheck check` for all"),
        "{tuesday}"
    );
    let absent = error("absent");
    assert!(absent.contains(&format!("found {silent}")), "{absent}");
    assert!(!absent.contains("a05"), "{absent}");

    let junit = claimcheck(&["check", "--format", "junit"], &dir);
    let xml = stdout(&junit);
    assert_well_formed_xml(&xml);
    let messages: Vec<&str> = xml
        .split("<failure message=\"")
        .skip(1)
        .filter_map(|m| m.split('"').next())
        .collect();
    assert_eq!(messages.len(), 2, "{xml}");
    assert!(
        messages[0].contains("a09: contradicted, 2 more source(s)"),
        "{xml}"
    );
    assert!(messages[1].contains(silent), "{xml}");
    // The failure body is the human report's: every source that speaks.
    assert!(xml.contains("a11: contradicted&#10;"), "{xml}");

    let human = claimcheck(&["check"], &dir);
    let text = stdout(&human);
    assert!(text.contains(&format!("       {silent}\n")), "{text}");
    assert_eq!(text.matches(": contradicted\n").count(), 12, "{text}");
    assert!(
        text.contains(
            "! expected no contradiction, contradicted by a00, a01, a02, a03, a04, a05, a06, a07, a08, a09 and 2 more\n"
        ),
        "{text}"
    );
}

/// `lock` reads and fills the facts cache as `check` does, and writes the
/// same file either way.
#[test]
fn lock_with_or_without_the_cache_writes_the_same_file() {
    let dir = project_with_sources("lockcache", CLAIMS, 3);
    let cache = dir.join("cache");
    let cache = cache.to_str().expect("UTF-8 temp path");
    let mut locks = Vec::new();
    for (i, args) in [
        vec!["--no-cache"],
        vec!["--cache", cache],
        vec!["--cache", cache],
    ]
    .iter()
    .enumerate()
    {
        let file = format!("l{i}.lock");
        let mut all = vec!["lock", "--lock", &file];
        all.extend(args);
        let out = claimcheck(&all, &dir);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        locks.push(std::fs::read_to_string(dir.join(&file)).expect("lock written"));
    }
    assert!(
        locks[0].contains("\n[[source]]\nid = \"a02\""),
        "{}",
        locks[0]
    );
    assert_eq!(locks[1], locks[0]);
    assert_eq!(locks[2], locks[0]);
    let cached = std::fs::read_dir(dir.join("cache")).map_or(0, Iterator::count);
    assert!(cached > 0, "the cache was filled");
}

#[test]
fn locked_passes_on_cosmetic_edits_and_fails_when_a_fact_moves() {
    let dir = project("locked", "[claims]\nmonday = \"signed on Monday\"\n");
    let lock = claimcheck(&["lock"], &dir);
    assert_eq!(lock.status.code(), Some(0), "{}", stdout(&lock));
    assert!(dir.join("seeds/claimcheck.lock").is_file());
    let ok = claimcheck(&["check", "--locked"], &dir);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));

    // Cosmetic: CRLF, curly quotes, trailing spaces, a boilerplate line.
    write(
        &dir,
        "seeds/a.txt",
        "PARIS: The two sides signed a deal in Paris on Monday.  \r\n\r\nFollow us on Twitter\r\n\
         The talks lasted two days, officials said.\r\n",
    );
    let cosmetic = claimcheck(&["check", "--locked"], &dir);
    let text = stdout(&cosmetic);
    assert_eq!(cosmetic.status.code(), Some(0), "{text}");
    assert!(
        text.contains("a (seeds/a.txt): cosmetic change, no fact moved"),
        "{text}"
    );

    // Semantic: the day moves; the claim and the lock both fail.
    write(&dir, "seeds/a.txt", &ARTICLE.replace("Monday", "Tuesday"));
    let moved = claimcheck(&["check", "--locked"], &dir);
    let text = stdout(&moved);
    assert_eq!(moved.status.code(), Some(1), "{text}");
    assert!(text.contains("CHANGED"), "{text}");
    assert!(text.contains("on [-Monday.-]{+Tuesday.+}"), "{text}");
    assert!(
        text.contains("c::monday (\"signed on Monday\") in a: supported → "),
        "{text}"
    );

    let gh = claimcheck(&["check", "--locked", "--format", "github"], &dir);
    let text = stdout(&gh);
    assert!(text.contains("::error file=seeds/a.txt,line=1,"), "{text}");
    assert!(
        text.contains("::error file=claims/c.toml,line=2,"),
        "{text}"
    );

    let json = claimcheck(&["check", "--locked", "--format", "json"], &dir);
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(doc["lock"]["ok"], false);
    assert_eq!(doc["lock"]["sources"][0]["state"], "facts-moved");

    let junit = claimcheck(&["check", "--locked", "--format", "junit"], &dir);
    let xml = stdout(&junit);
    assert_well_formed_xml(&xml);
    assert!(
        xml.contains("<testcase classname=\"lock\" name=\"a\""),
        "{xml}"
    );

    // Accepting the new state makes --locked pass again (the claim still fails).
    let relock = claimcheck(&["lock"], &dir);
    assert!(stdout(&relock).contains("CHANGED"), "{}", stdout(&relock));
    let after = claimcheck(&["check", "--locked", "--format", "json"], &dir);
    let doc: serde_json::Value = serde_json::from_slice(&after.stdout).expect("valid JSON");
    assert_eq!(doc["lock"]["ok"], true);
}

#[test]
fn locked_reports_orphans_and_missing_lock() {
    let dir = project("orphans", "[claims]\nmonday = \"signed on Monday\"\n");
    let missing = claimcheck(&["check", "--locked"], &dir);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("claimcheck lock"));

    assert_eq!(claimcheck(&["lock"], &dir).status.code(), Some(0));
    // A claim removed, a snapshot of a source that does not exist.
    write(
        &dir,
        "claims/c.toml",
        "[claims]\nother = 'contains \"deal\"'\n",
    );
    write(&dir, "tests/snapshots/snapshots__facts@gone.snap", "---\n");
    write(&dir, "tests/snapshots/snapshots__facts@a.snap", "---\n");
    let out = claimcheck(&["check", "--locked"], &dir);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("lock verdict of claim `c::monday`"), "{text}");
    assert!(text.contains("snapshots__facts@gone.snap"), "{text}");
    assert!(!text.contains("snapshots__facts@a.snap"), "{text}");
    assert!(
        text.contains("c::other"),
        "a new claim is not locked yet: {text}"
    );

    // A source dropped from the manifest leaves an orphan lock entry.
    write(&dir, "seeds/b.txt", "LONDON: Talks ended on Friday.\n");
    write(
        &dir,
        "seeds/sources.toml",
        "[[source]]\nid = \"b\"\nfile = \"b.txt\"\n",
    );
    let _ = std::fs::remove_file(dir.join("seeds/a.txt"));
    let out = claimcheck(&["check", "--locked"], &dir);
    let text = stdout(&out);
    assert!(text.contains("lock entry for source `a`"), "{text}");
    assert!(text.contains("NOT LOCKED"), "{text}");
}

#[test]
fn diff_subcommand_reports_what_moved() {
    let dir = project("diff", CLAIMS);
    write(&dir, "old.txt", ARTICLE);
    write(&dir, "same.txt", &ARTICLE.replace('\n', "\r\n\r\n"));
    write(&dir, "new.txt", &ARTICLE.replace("Monday", "Tuesday"));
    let same = claimcheck(&["diff", "old.txt", "same.txt", "--source", "a"], &dir);
    assert_eq!(same.status.code(), Some(0), "{}", stdout(&same));
    assert!(stdout(&same).contains("no change"), "{}", stdout(&same));
    let out = claimcheck(&["diff", "old.txt", "new.txt", "--source", "a"], &dir);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("source a, published 2024-03-06"), "{text}");
    assert!(
        text.contains("~ date of `sign`: 2024-03-04 (Monday) → 2024-03-05 (Tuesday)"),
        "{text}"
    );
    assert!(
        text.contains("c::monday (\"signed on Monday\") in a: supported → "),
        "{text}"
    );
    let bad = claimcheck(&["diff", "old.txt", "nope.txt"], &dir);
    assert_eq!(bad.status.code(), Some(2));
}
