//! Mutation tests: cosmetic edits of the seed articles move nothing; semantic
//! edits are reported with the right fact change.
//!
//! Every edit is made in memory (`Source::from_string`), never in `seeds/`.
//! For a **cosmetic** edit (CRLF, re-wrapping, quote style, non-breaking and
//! double spaces, blank lines, trailing spaces, boilerplate lines added or
//! removed) the facts snapshot, every verdicts snapshot, the content and
//! facts digests must be byte-identical, the semantic diff empty, and
//! `check --locked` must call it cosmetic. For a **semantic** edit (a number,
//! a place, a day, a negation, a future, a speaker, a role, a dropped
//! sentence) the facts digest and snapshot must change, the diff must hold a
//! change of the expected kind naming the new value, and `check --locked`
//! must fail.
//!
//! Semantic edits are generic find-and-replace operations: each applies to
//! the first occurrence of its word inside a fact-bearing sentence of
//! whichever seed has one, and is skipped for seeds without it (a test fails
//! if no seed has it at all, so it never passes vacuously).

use std::path::{Path, PathBuf};

use claimcheck::report::snapshot;
use claimcheck::{Analysis, ClaimSet, Run, SetOutcome, Source, Sources, verify};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

struct World {
    sources: Vec<Source>,
    sets: Vec<ClaimSet>,
}

fn world() -> World {
    let sources = match Sources::load(root().join("seeds")) {
        Ok(s) => s,
        Err(e) => panic!("cannot load seeds: {}", claimcheck::Errors(e)),
    };
    let sets = match ClaimSet::load_dir(root().join("claims")) {
        Ok(s) => s,
        Err(e) => panic!("cannot load claims: {}", claimcheck::Errors(e)),
    };
    World {
        sources: sources.iter().cloned().collect(),
        sets,
    }
}

/// The run with source `i`'s text replaced by `text` (or unchanged).
fn run_with(w: &World, i: usize, text: Option<&str>) -> Run {
    let sources: Vec<Source> = w
        .sources
        .iter()
        .enumerate()
        .map(|(k, s)| match text {
            Some(t) if k == i => Source::from_string(s.id().as_str(), s.published_state(), t),
            _ => Source::from_string(s.id().as_str(), s.published_state(), s.text()),
        })
        .collect();
    let sources = Sources::from_vec(sources);
    let analyses = claimcheck::analyse(&sources);
    let outcomes: Vec<SetOutcome> = w.sets.iter().map(|s| verify(s, &analyses)).collect();
    Run {
        sources,
        analysed: analyses.len(),
        analyses,
        views: Vec::new(),
        sets: w.sets.clone(),
        outcomes,
        spilled: None,
        packed: None,
    }
}

fn verdict_snapshots(run: &Run) -> Vec<String> {
    run.outcomes.iter().map(snapshot::verdicts).collect()
}

// ---------------------------------------------------------------- cosmetic

fn crlf(t: &str) -> String {
    t.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// Hard-wraps every line longer than `width` at word boundaries; paragraphs
/// stay one block each (separated as before).
fn rewrap(t: &str, width: usize) -> String {
    let mut out = String::new();
    for line in t.split('\n') {
        let mut col = 0;
        for (k, w) in line.split(' ').enumerate() {
            let len = w.chars().count();
            if k > 0 {
                if col + 1 + len > width {
                    out.push('\n');
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
            }
            out.push_str(w);
            col += len;
        }
        out.push('\n');
    }
    out.pop();
    out
}

fn straight_quotes(t: &str) -> String {
    t.replace(['\u{2018}', '\u{2019}'], "'")
        .replace(['\u{201c}', '\u{201d}'], "\"")
}

fn curly_quotes(t: &str) -> String {
    let mut out = String::new();
    let mut open_double = true;
    let mut prev = ' ';
    for c in t.chars() {
        match c {
            '"' => {
                out.push(if open_double { '\u{201c}' } else { '\u{201d}' });
                open_double = !open_double;
            }
            '\'' if prev.is_alphanumeric() => out.push('\u{2019}'),
            '\'' => out.push('\u{2018}'),
            '\n' => {
                open_double = true;
                out.push(c);
            }
            c => out.push(c),
        }
        prev = c;
    }
    out
}

fn nbsp(t: &str) -> String {
    let mut n = 0;
    t.chars()
        .map(|c| {
            if c == ' ' {
                n += 1;
                if n % 3 == 0 {
                    return '\u{a0}';
                }
            }
            c
        })
        .collect()
}

fn double_spaces(t: &str) -> String {
    let mut n = 0;
    let mut out = String::new();
    for c in t.chars() {
        out.push(c);
        if c == ' ' {
            n += 1;
            if n % 4 == 0 {
                out.push(' ');
            }
        }
    }
    out.replace(". ", ".  ")
}

fn uses_blank_lines(t: &str) -> bool {
    t.replace("\r\n", "\n").contains("\n\n")
}

fn blank_lines(t: &str) -> String {
    let t = t.replace("\r\n", "\n");
    if uses_blank_lines(&t) {
        // Remove them (one paragraph a line) ...
        let lines: Vec<&str> = t.split('\n').filter(|l| !l.trim().is_empty()).collect();
        lines.join("\n")
    } else {
        // ... or add them.
        t.split('\n').collect::<Vec<_>>().join("\n\n")
    }
}

fn extra_blank_lines(t: &str) -> String {
    format!("\n\n{}\n\n\n", t.replace('\n', "\n\n\n"))
}

fn trailing_spaces(t: &str) -> String {
    t.split('\n')
        .enumerate()
        .map(|(k, l)| format!("{l}{}", if k % 2 == 0 { "  " } else { " \t" }))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Inserts `lines` as paragraphs after the second paragraph.
fn insert_after_second(t: &str, lines: &[&str]) -> String {
    let sep = if uses_blank_lines(t) { "\n\n" } else { "\n" };
    let paras: Vec<&str> = t.split(sep).collect();
    let mut out: Vec<String> = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        out.push(p.to_string());
        if k == 1 || (paras.len() < 2 && k + 1 == paras.len()) {
            out.extend(lines.iter().map(|l| l.to_string()));
        }
    }
    out.join(sep)
}

const BOILERPLATE: [&str; 6] = [
    "Read more: Floods displace thousands across the region",
    "Follow us on Twitter",
    "Share this article",
    "Advertisement",
    "Follow us on Facebook and Instagram for the latest updates",
    "Read more: Five things to know about the new budget",
];

fn add_boilerplate(t: &str) -> String {
    insert_after_second(t, &BOILERPLATE)
}

fn add_each_boilerplate(t: &str, k: usize) -> String {
    insert_after_second(t, &[BOILERPLATE[k % BOILERPLATE.len()]])
}

/// Removes the lines of every paragraph the normalizer calls boilerplate.
fn remove_boilerplate(t: &str, a: &Analysis) -> String {
    let mut drop = std::collections::BTreeSet::new();
    for p in a.text.paragraphs() {
        if p.kind == claimcheck::ParagraphKind::Boilerplate {
            let (s, e) = (
                a.text.line_col(p.span.start).line,
                // The span ends before the separating newline.
                a.text
                    .line_col(p.span.end.saturating_sub(1).max(p.span.start))
                    .line,
            );
            drop.extend(s..=e);
        }
    }
    t.split('\n')
        .enumerate()
        .filter(|(k, _)| !drop.contains(&(k + 1)))
        .map(|(_, l)| l)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Appends an editor's correction note that restates wrong values: what a
/// story used to say decides nothing.
fn add_correction_note(t: &str) -> String {
    let sep = if uses_blank_lines(t) { "\n\n" } else { "\n" };
    format!(
        "{}{sep}Correction: An earlier version of this story said five helicopters were sold \
         and that the agreement was signed in Islamabad on Tuesday.",
        t.trim_end()
    )
}

/// Adds a time stamp line after the second paragraph.
fn add_time_stamp(t: &str) -> String {
    insert_after_second(t, &["Updated August 21, 2015 10:30pm"])
}

type Edit = Box<dyn Fn(&str, &Analysis) -> String>;

fn cosmetic_edits() -> Vec<(&'static str, Edit)> {
    vec![
        ("crlf", Box::new(|t, _| crlf(t))),
        ("rewrap-60", Box::new(|t, _| rewrap(t, 60))),
        ("rewrap-72", Box::new(|t, _| rewrap(t, 72))),
        ("straight-quotes", Box::new(|t, _| straight_quotes(t))),
        (
            "curly-quotes",
            Box::new(|t, _| curly_quotes(&straight_quotes(t))),
        ),
        ("nbsp", Box::new(|t, _| nbsp(t))),
        ("double-spaces", Box::new(|t, _| double_spaces(t))),
        ("blank-lines", Box::new(|t, _| blank_lines(t))),
        ("extra-blank-lines", Box::new(|t, _| extra_blank_lines(t))),
        ("trailing-spaces", Box::new(|t, _| trailing_spaces(t))),
        ("read-more", Box::new(|t, _| add_each_boilerplate(t, 0))),
        ("follow-us", Box::new(|t, _| add_each_boilerplate(t, 1))),
        ("share", Box::new(|t, _| add_each_boilerplate(t, 2))),
        ("advertisement", Box::new(|t, _| add_each_boilerplate(t, 3))),
        ("all-boilerplate", Box::new(|t, _| add_boilerplate(t))),
        ("remove-boilerplate", Box::new(remove_boilerplate)),
        ("correction-note", Box::new(|t, _| add_correction_note(t))),
        ("time-stamp", Box::new(|t, _| add_time_stamp(t))),
        (
            "everything",
            Box::new(|t, a| {
                let t = remove_boilerplate(t, a);
                crlf(&trailing_spaces(&nbsp(&rewrap(
                    &curly_quotes(&straight_quotes(&add_boilerplate(&t))),
                    60,
                ))))
            }),
        ),
    ]
}

fn assert_cosmetic(name: &str, edit: &Edit) {
    let w = world();
    let base = run_with(&w, 0, None);
    let base_verdicts = verdict_snapshots(&base);
    let lock = claimcheck::Lock::of(&base);
    let mut changed = 0;
    for (i, src) in w.sources.iter().enumerate() {
        let a = &base.analyses[i];
        let edited = edit(src.text(), a);
        if edited == src.text() {
            continue;
        }
        changed += 1;
        let run = run_with(&w, i, Some(&edited));
        let b = &run.analyses[i];
        let id = src.id();
        let d = claimcheck::diff_analyses(a, b, &base.outcomes, &run.outcomes);
        assert!(
            d.is_empty(),
            "{name} on {id}: a cosmetic edit moved something:\n{}",
            claimcheck::diff::render(&d)
        );
        assert_eq!(
            snapshot::facts(a),
            snapshot::facts(b),
            "{name} on {id}: facts snapshot moved"
        );
        assert_eq!(
            base_verdicts,
            verdict_snapshots(&run),
            "{name} on {id}: verdicts snapshot moved"
        );
        assert_eq!(
            a.text.content(),
            b.text.content(),
            "{name} on {id}: content moved"
        );
        assert_eq!(
            claimcheck::lock::facts_digest(a),
            claimcheck::lock::facts_digest(b),
            "{name} on {id}: facts digest moved"
        );
        let report = claimcheck::lock::compare(&lock, Path::new("test.lock"), &run, None);
        assert!(
            report.ok(),
            "{name} on {id}:\n{}",
            claimcheck::lock::render(&report)
        );
        assert_eq!(
            report.sources[i].state,
            claimcheck::LockState::Cosmetic,
            "{name} on {id}"
        );
    }
    assert!(
        changed > 0,
        "{name}: the edit changed no seed: the test would be vacuous"
    );
}

fn cosmetic(name: &str) {
    let edits = cosmetic_edits();
    let Some((_, edit)) = edits.iter().find(|(n, _)| *n == name) else {
        panic!("no cosmetic edit {name}")
    };
    assert_cosmetic(name, edit);
}

macro_rules! cosmetic {
    ($($(#[$m:meta])* $test:ident: $name:literal;)*) => {
        $(
            #[test]
            $(#[$m])*
            fn $test() {
                cosmetic($name);
            }
        )*
        /// Every edit of the table has its test.
        #[test]
        fn every_cosmetic_edit_is_tested() {
            let tested = [$($name),*];
            for (name, _) in cosmetic_edits() {
                assert!(tested.contains(&name), "cosmetic edit {name} has no test");
            }
        }
    };
}

cosmetic! {
    cosmetic_crlf: "crlf";
    cosmetic_rewrap_60: "rewrap-60";
    cosmetic_rewrap_72: "rewrap-72";
    cosmetic_straight_quotes: "straight-quotes";
    cosmetic_curly_quotes: "curly-quotes";
    cosmetic_nbsp: "nbsp";
    cosmetic_double_spaces: "double-spaces";
    cosmetic_blank_lines: "blank-lines";
    cosmetic_extra_blank_lines: "extra-blank-lines";
    cosmetic_trailing_spaces: "trailing-spaces";
    cosmetic_read_more: "read-more";
    cosmetic_follow_us: "follow-us";
    cosmetic_share: "share";
    cosmetic_advertisement: "advertisement";
    cosmetic_all_boilerplate: "all-boilerplate";
    cosmetic_remove_boilerplate: "remove-boilerplate";
    cosmetic_correction_note: "correction-note";
    cosmetic_time_stamp: "time-stamp";
    cosmetic_everything: "everything";
}

// ---------------------------------------------------------------- semantic

/// The original byte ranges of the fact-bearing sentences of `a`.
fn fact_ranges(a: &Analysis) -> Vec<std::ops::Range<usize>> {
    a.text
        .sentences()
        .iter()
        .filter(|s| s.kind.has_facts())
        .map(|s| a.text.to_original(s.span.start)..a.text.to_original(s.span.end))
        .collect()
}

/// Replaces the first whole-word occurrence of `from` that lies in a
/// fact-bearing sentence.
fn replace_in_facts(t: &str, a: &Analysis, from: &str, to: &str) -> Option<String> {
    let re = regex::Regex::new(&format!(r"\b{}\b", regex::escape(from))).ok()?;
    let ranges = fact_ranges(a);
    let m = re.find_iter(t).find(|m| {
        ranges
            .iter()
            .any(|r| r.start <= m.start() && m.end() <= r.end)
    })?;
    Some(format!("{}{to}{}", &t[..m.start()], &t[m.end()..]))
}

/// Applies `from -> to` to every seed that has it and checks the diff holds
/// a change of `kind` whose line contains `want` (lowercase).
fn assert_semantic(from: &str, to: &str, kind: &str, want: &str) {
    let w = world();
    let base = run_with(&w, 0, None);
    let lock = claimcheck::Lock::of(&base);
    let mut applied = 0;
    for (i, src) in w.sources.iter().enumerate() {
        let a = &base.analyses[i];
        let Some(edited) = replace_in_facts(src.text(), a, from, to) else {
            continue;
        };
        applied += 1;
        let run = run_with(&w, i, Some(&edited));
        let b = &run.analyses[i];
        let id = src.id();
        let d = claimcheck::diff_analyses(a, b, &base.outcomes, &run.outcomes);
        let shown = claimcheck::diff::render(&d);
        assert_ne!(
            claimcheck::lock::facts_digest(a),
            claimcheck::lock::facts_digest(b),
            "{from} -> {to} in {id}: facts digest did not move\n{shown}"
        );
        assert_ne!(
            snapshot::facts(a),
            snapshot::facts(b),
            "{from} -> {to} in {id}: facts snapshot did not move"
        );
        let hit = d.facts.iter().any(|c| {
            c.kind() == kind
                && !matches!(c, claimcheck::FactChange::Removed(_))
                && c.line().to_lowercase().contains(want)
        });
        assert!(
            hit,
            "{from} -> {to} in {id}: expected a {kind} change showing {want:?}, got:\n{shown}"
        );
        assert!(
            d.sentences.iter().any(|s| {
                s.old.as_ref().is_some_and(|o| o.contains(from))
                    && s.new.as_ref().is_some_and(|n| n.contains(to))
                    && s.inline().contains("{+")
            }),
            "{from} -> {to} in {id}: the word diff does not show the edit:\n{shown}"
        );
        let report = claimcheck::lock::compare(&lock, Path::new("test.lock"), &run, None);
        assert!(
            !report.ok(),
            "{from} -> {to} in {id}: check --locked would pass"
        );
        assert_eq!(report.sources[i].state, claimcheck::LockState::FactsMoved);
        // The lock keeps enough to show the same diff without the old file.
        let lines = |cs: &[claimcheck::FactChange]| cs.iter().map(|c| c.line()).collect::<Vec<_>>();
        assert_eq!(
            lines(&report.sources[i].diff.facts),
            lines(&d.facts),
            "{from} -> {to} in {id}: the lock's diff differs from the live one"
        );
        assert_eq!(
            report.sources[i].diff.verdicts, d.verdicts,
            "{from} -> {to} in {id}"
        );
    }
    assert!(
        applied > 0,
        "no seed has {from:?} in a fact-bearing sentence"
    );
}

macro_rules! semantic {
    ($($(#[$m:meta])* $name:ident: $from:literal => $to:literal, $kind:literal shows $want:literal;)*) => {
        $(
            #[test]
            $(#[$m])*
            fn $name() {
                assert_semantic($from, $to, $kind, $want);
            }
        )*
    };
}

semantic! {
    number_four_to_five: "four" => "five", "quantity" shows "5";
    number_eight_to_nine: "eight" => "nine", "quantity" shows "9";
    number_digits: "15" => "16", "quantity" shows "16";
    place_rawalpindi_to_islamabad: "Rawalpindi" => "Islamabad", "place" shows "islamabad";
    place_ufa_to_moscow: "Ufa" => "Moscow", "place" shows "moscow";
    weekday_wednesday_to_tuesday: "Wednesday" => "Tuesday", "date" shows "tuesday";
    month_june_to_july: "June" => "July", "date" shows "2015-07";
    year_2007_to_2008: "2007" => "2008", "date" shows "2008";
    negation_signed: "signed" => "did not sign", "event" shows "negated";
    negation_lifted: "lifted" => "did not lift", "event" shows "negated";
    future_signed: "signed" => "will sign", "event" shows "future";
    speaker_swapped: "Zafar Hilaly" => "Imran Khan", "quote" shows "imran khan";
    speaker_military_source: "a military source" => "a foreign ministry spokesman", "quote" shows "spokesman";
    role_defence_to_foreign: "Defence Minister" => "Foreign Minister", "person" shows "foreign minister";
    role_diplomat_to_ambassador: "diplomat" => "ambassador", "person" shows "ambassador";
    person_renamed: "Shoigu" => "Lavrov", "person" shows "lavrov";
    bound_at_least_to_at_most: "at least" => "at most", "quantity" shows "at most";
    month_november_to_december: "November" => "December", "date" shows "2014-12";
    future_visited: "visited" => "will visit", "event" shows "future";
    negation_killed: "killed" => "did not kill", "event" shows "negated";
    role_ceo_to_chairman: "CEO" => "Chairman", "person" shows "chairman";
    place_moscow_to_minsk: "Moscow" => "Minsk", "place" shows "minsk";
    quote_words_changed: "client state" => "ally", "quote" shows "ally";
}

/// Dropping any sentence that carries a quantity, date, place or event fact
/// removes that fact from the diff.
#[test]
fn dropped_sentences_are_reported() {
    let w = world();
    let base = run_with(&w, 0, None);
    let mut checked = 0;
    let mut missed = Vec::new();
    for (i, src) in w.sources.iter().enumerate() {
        let a = &base.analyses[i];
        for (si, s) in a.text.sentences().iter().enumerate() {
            let kinds: Vec<&str> = a
                .facts
                .iter()
                .filter(|f| f.sentence == si)
                .map(|f| f.kind.name())
                .filter(|k| ["quantity", "date", "place", "event"].contains(k))
                .collect();
            if !s.kind.has_facts() || kinds.is_empty() {
                continue;
            }
            let (start, end) = (
                a.text.to_original(s.span.start),
                a.text.to_original(s.span.end),
            );
            let t = src.text();
            let Some(edited) = t
                .get(..start)
                .zip(t.get(end..))
                .map(|(x, y)| format!("{x}{y}"))
            else {
                continue;
            };
            checked += 1;
            let run = run_with(&w, i, Some(&edited));
            let d = claimcheck::diff_analyses(a, &run.analyses[i], &base.outcomes, &run.outcomes);
            let reported = d.facts.iter().any(|c| {
                matches!(
                    c,
                    claimcheck::FactChange::Removed(_) | claimcheck::FactChange::Changed { .. }
                ) && kinds.contains(&c.kind())
            });
            if !reported {
                missed.push(format!(
                    "{}: \"{}\" ({kinds:?}):\n{}",
                    src.id(),
                    a.text.slice(s.span),
                    claimcheck::diff::render(&d)
                ));
            }
        }
    }
    assert!(checked > 0, "no sentence with facts to drop");
    assert!(
        missed.is_empty(),
        "dropped sentences not reported:\n{}",
        missed.join("\n")
    );
}

/// The lock written for the seeds matches them: `check --locked` passes on
/// the repository as committed.
#[test]
fn committed_lock_matches_the_seeds() {
    let w = world();
    let run = run_with(&w, 0, None);
    let path: PathBuf = root().join("seeds").join(claimcheck::LOCK_FILE);
    let lock = match claimcheck::Lock::load(&path) {
        Ok(l) => l,
        Err(e) => panic!("{e}: run `cargo run -- lock`"),
    };
    let report =
        claimcheck::lock::compare(&lock, &path, &run, Some(&root().join("tests/snapshots")));
    assert!(
        report.ok(),
        "{}\nrun `cargo run -- lock` after review",
        claimcheck::lock::render(&report)
    );
}
