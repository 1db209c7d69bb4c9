//! The binary: exit codes, formats and the `facts` subcommand.

mod common;

use common::TempDir;
use std::path::Path;
use std::process::{Command, Output};

fn claimcheck(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn temp_project(name: &str, claims: &str) -> TempDir {
    let dir = TempDir::new("cli", name);
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    std::fs::write(
        dir.join("seeds/a.txt"),
        "PARIS: The two sides signed a deal in Paris on Monday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("seeds/sources.toml"),
        "[[source]]\nid = \"a\"\nfile = \"a.txt\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("claims/c.toml"), claims).unwrap();
    dir
}

#[test]
fn exit_0_when_every_claim_holds() {
    let dir = temp_project("ok", "[claims]\nphrase = 'contains \"signed a deal\"'\n");
    let out = claimcheck(&["check"], &dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("1 claims: 1 hold, 0 fail"), "{stdout}");
}

#[test]
fn exit_1_when_a_claim_fails() {
    let dir = temp_project(
        "fail",
        "[claims]\nphrase = 'contains \"signed a treaty\"'\n",
    );
    let out = claimcheck(&["check"], &dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("FAILED") && stdout.contains("expected support"),
        "{stdout}"
    );
}

#[test]
fn exit_2_on_bad_input_without_panic() {
    let dir = temp_project("bad", "[claims]\nx = \n");
    let out = claimcheck(&["check"], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("c.toml:2:") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

#[test]
fn json_report_is_valid_json() {
    let out = claimcheck(&["check", "--format", "json"], root());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    let claims = doc["claims"].as_array().unwrap();
    assert!(
        claims.len() >= 25,
        "the shipped claim set has at least 25 claims"
    );
    for c in claims {
        for s in c["sources"].as_array().unwrap() {
            let v = s["verdict"].as_str().unwrap();
            assert!(
                ["supported", "contradicted", "not-mentioned"].contains(&v),
                "{v}"
            );
        }
    }
}

#[test]
fn facts_subcommand_prints_positions() {
    let out = claimcheck(&["facts", "dawn"], root());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout.starts_with("dawn (seeds/000_8f0059a5e111d940.txt), published 2015-08-20"),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .skip(1)
            .all(|l| l.starts_with("seeds/000_8f0059a5e111d940.txt:")),
        "{stdout}"
    );
    let out = claimcheck(&["facts", "nope"], root());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown source `nope`"));
}

#[test]
fn facts_of_a_file_use_its_manifest_entry_or_no_date() {
    let by_id = claimcheck(&["facts", "dawn"], root());
    let by_path = claimcheck(&["facts", "seeds/000_8f0059a5e111d940.txt"], root());
    assert_eq!(by_path.status.code(), Some(0));
    assert_eq!(by_path.stdout, by_id.stdout);

    let dir = temp_project("facts-file", "");
    std::fs::write(dir.join("loose.txt"), "They met in Paris on Monday.\n").unwrap();
    let out = claimcheck(&["facts", "loose.txt"], &dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.starts_with("loose (loose.txt), published unknown"),
        "{stdout}"
    );
    assert!(stdout.contains("loose.txt:1:13 place Paris"), "{stdout}");

    std::fs::write(dir.join("bin.txt"), b"a\0b").unwrap();
    let out = claimcheck(&["facts", "bin.txt"], &dir);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bin.txt") && stderr.contains("NUL"),
        "{stderr}"
    );
}

#[test]
fn many_silent_sources_are_summed_up_in_one_line() {
    let dir = temp_project(
        "silent",
        "[claims]\nphrase = 'contains \"signed a treaty\"'\n",
    );
    let mut manifest = String::from("[[source]]\nid = \"a\"\nfile = \"a.txt\"\n");
    for i in 0..7 {
        std::fs::write(
            dir.join(format!("seeds/s{i}.txt")),
            "ROME: Talks went on in Rome on Tuesday.\n",
        )
        .unwrap();
        manifest.push_str(&format!("[[source]]\nid = \"s{i}\"\nfile = \"s{i}.txt\"\n"));
    }
    std::fs::write(dir.join("seeds/sources.toml"), manifest).unwrap();
    let out = claimcheck(&["check"], &dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("8 sources: not-mentioned (a, s0, s1, s2, s3 and 3 more)"),
        "{stdout}"
    );
    assert!(!stdout.contains("s4: not-mentioned"), "{stdout}");
}

/// `--low-memory` gives the same report; with no usable temporary
/// directory, such a run keeps its verdicts in memory: the same report, no
/// error.
#[cfg(unix)]
#[test]
fn no_temporary_directory_keeps_verdicts_in_memory() {
    let dir = temp_project(
        "no-tmp",
        "[claims]\nphrase = 'contains \"signed a deal\"'\n",
    );
    let normal = claimcheck(&["check", "--no-cache"], &dir);
    let spilled = claimcheck(&["check", "--no-cache", "--low-memory"], &dir);
    assert_eq!(
        spilled.stdout, normal.stdout,
        "spilled or not, the same report"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["check", "--no-cache", "--low-memory"])
        .current_dir(&dir)
        .env("TMPDIR", dir.join("no-such-directory"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, normal.stdout);
}
