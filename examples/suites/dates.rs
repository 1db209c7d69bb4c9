//! Dates: Microsoft Recognizers-Text `DateTimeModel.json` (English).
//!
//! Scored subset: the cases whose expected results are all of TypeName
//! `datetimeV2.date` or `datetimeV2.daterange` (at least one result), minus
//! those whose every resolution is open-ended (`since ...`, `before ...`:
//! only a start or only an end) or `not resolved`, which claimcheck does not
//! claim to model. Cases without results are not scored (they are mostly
//! time-of-day or non-date inputs, not a "must find nothing" set).
//!
//! A case passes when, for every expected result, claimcheck returns a
//! mention whose text equals the expected text after normalization
//! (lowercase, whitespace collapsed, a leading preposition and then a
//! leading `the` removed from both), and whose resolution matches one of the
//! expected values: for `date`, `value` equals our start and end (one day);
//! for `daterange`, `start` equals our start and `end` equals our end plus
//! one day (Recognizers periods are end-exclusive). For explicit ranges
//! (expected text with `to`/`through`/`and`/`-`), Recognizers ends the range
//! at the first day of its last unit (`2014 to 2018` ends on 2018-01-01,
//! `April 9th through 17th` on April 17), so there our end's first day of
//! its day/month/year unit is accepted as well.

use std::path::Path;

use claimcheck::{DateMention, Granularity, recognize_dates};
use jiff::civil::Date;
use serde_json::Value;

use crate::Score;

const SUITE: &str = "recognizers-text/Specs/DateTime/English/DateTimeModel.json";

pub fn score(dir: &Path, verbose: bool) -> Result<Score, String> {
    let path = dir.join(SUITE);
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(&raw);
    let cases: Vec<Value> =
        serde_json::from_str(raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let (mut passed, mut total) = (0, 0);
    for case in &cases {
        let Some(results) = case["Results"].as_array() else {
            continue;
        };
        if results.is_empty() || !results.iter().all(in_scope) {
            continue;
        }
        let Some(input) = case["Input"].as_str() else {
            continue;
        };
        let reference = case["Context"]["ReferenceDateTime"]
            .as_str()
            .and_then(|s| s.get(..10))
            .and_then(|s| s.parse::<Date>().ok());
        total += 1;
        let found = recognize_dates(input, reference);
        let failures: Vec<String> = results
            .iter()
            .filter(|r| !matched(r, input, &found))
            .map(describe)
            .collect();
        if failures.is_empty() {
            passed += 1;
        } else if verbose {
            let got: Vec<String> = found
                .iter()
                .map(|m| {
                    format!(
                        "{:?} {:?}..{:?} {:?}",
                        input.get(m.span.clone()).unwrap_or(""),
                        m.value.start,
                        m.value.end,
                        m.value.granularity
                    )
                })
                .collect();
            println!(
                "FAIL [{}] {input}\n    expected: {}\n    got: {}",
                reference.map_or("-".into(), |d| d.to_string()),
                failures.join(" ## "),
                got.join(" ## ")
            );
        }
    }
    Ok(Score {
        name: "recognizers DateTimeModel date+daterange cases (closed ranges)",
        passed,
        total,
        target: None,
    })
}

/// A result claimcheck claims to cover: a date or a closed date range.
fn in_scope(r: &Value) -> bool {
    let ty = r["TypeName"].as_str().unwrap_or("");
    if ty != "datetimeV2.date" && ty != "datetimeV2.daterange" {
        return false;
    }
    let Some(values) = r["Resolution"]["values"].as_array() else {
        return false;
    };
    values.iter().any(|v| {
        if ty == "datetimeV2.date" {
            v["value"]
                .as_str()
                .is_some_and(|s| s.parse::<Date>().is_ok())
        } else {
            v["start"].is_string() && v["end"].is_string()
        }
    })
}

const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "since", "by", "during", "from", "until", "till",
];

fn normalize(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 1 && PREPOSITIONS.contains(&words[0]) {
        words.remove(0);
    }
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

fn matched(r: &Value, input: &str, found: &[DateMention]) -> bool {
    let want = normalize(r["Text"].as_str().unwrap_or(""));
    let date_type = r["TypeName"].as_str() == Some("datetimeV2.date");
    let Some(values) = r["Resolution"]["values"].as_array() else {
        return false;
    };
    found
        .iter()
        .filter(|m| {
            input
                .get(m.span.clone())
                .is_some_and(|t| normalize(t) == want)
        })
        .any(|m| {
            let (Some(start), Some(end)) = (m.value.start, m.value.end) else {
                return false;
            };
            values.iter().any(|v| {
                let parse = |k: &str| v[k].as_str().and_then(|s| s.parse::<Date>().ok());
                if date_type {
                    start == end && parse("value") == Some(start)
                } else {
                    parse("start") == Some(start)
                        && (parse("end") == end.tomorrow().ok()
                            || (is_range(&want) && parse("end") == last_unit_start(m)))
                }
            })
        })
}

/// Whether the expected text is an explicit range (`from A to B`, `A-B`).
fn is_range(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| matches!(w, "to" | "through" | "till" | "until" | "and" | "-"))
        || text.contains(['-', '–', '~'])
}

/// The first day of the last unit of a range: Recognizers ends explicit
/// ranges there (`2014 to 2018` ends on 2018-01-01, `April 9-17` on April 17).
fn last_unit_start(m: &DateMention) -> Option<Date> {
    let end = m.value.end?;
    Some(match m.value.granularity {
        Granularity::Day => end,
        Granularity::Month => end.first_of_month(),
        Granularity::Year => end.first_of_year(),
        _ => return None,
    })
}

fn describe(r: &Value) -> String {
    let values: Vec<String> = r["Resolution"]["values"]
        .as_array()
        .map(|vs| {
            vs.iter()
                .map(|v| match v["value"].as_str() {
                    Some(x) => x.to_string(),
                    None => format!(
                        "{}..{}",
                        v["start"].as_str().unwrap_or("?"),
                        v["end"].as_str().unwrap_or("?")
                    ),
                })
                .collect()
        })
        .unwrap_or_default();
    format!(
        "{:?} {}",
        r["Text"].as_str().unwrap_or(""),
        values.join(" | ")
    )
}
