use super::matching::{Relation, compare_amounts, compare_dates, same_person, within};
use crate::extract::{Amount, Bound, DateValue, Granularity, Unit};

fn amount(value: f64, bound: Bound) -> Amount {
    Amount {
        value,
        upper: None,
        bound,
        unit: Unit::Count,
    }
}

#[test]
fn amounts() {
    use Bound::*;
    use Relation::*;
    let cases = [
        // (claim, fact, relation)
        ((4.0, Exact), (4.0, Exact), Match),
        ((4.0, Exact), (5.0, Exact), Conflict),
        ((15.0, Approx), (15.0, Approx), Match),
        ((15.0, Exact), (15.0, Approx), Match),
        ((8.0, AtLeast), (8.0, AtLeast), Match),
        ((8.0, AtLeast), (10.0, Exact), Match),
        ((10.0, Exact), (8.0, AtLeast), Neither),
        ((10.0, Exact), (12.0, AtLeast), Conflict),
        ((5.0, LessThan), (5.0, Exact), Conflict),
        ((5.0, AtMost), (5.0, Exact), Match),
        // `nearly 8` is just under 8: it supports `< 8`, `<= 8` and `~ 8`,
        // never `= 8`; it contradicts neither 8 nor the whole number below
        // (a writer rounds up), but does what lies beyond.
        ((8.0, Exact), (8.0, Nearly), Neither),
        ((8.0, LessThan), (8.0, Nearly), Match),
        ((8.0, AtMost), (8.0, Nearly), Match),
        ((8.0, Approx), (8.0, Nearly), Match),
        ((7.0, Exact), (8.0, Nearly), Neither),
        ((8.0, AtLeast), (8.0, Nearly), Neither),
        ((6.0, Exact), (8.0, Nearly), Conflict),
        ((9.0, Exact), (8.0, Nearly), Conflict),
        ((8.0, MoreThan), (8.0, Nearly), Conflict),
        ((7600.0, Exact), (8000.0, Nearly), Neither),
        ((7600.0, MoreThan), (8000.0, Nearly), Neither),
        ((8000.0, LessThan), (8000.0, Nearly), Match),
        ((7000.0, Exact), (8000.0, Nearly), Conflict),
        // `about 8` is either side of it, and supports `= 8`.
        ((8.0, LessThan), (8.0, Approx), Neither),
        // Both approximate: the source's figure within the claim's range
        // supports it (`about $153 million` of `~ $150m`), one outside
        // does not.
        ((150.0, Approx), (153.0, Approx), Match),
        ((150.0, Approx), (170.0, Approx), Neither),
        ((150.0, Approx), (200.0, Approx), Conflict),
    ];
    for ((cv, cb), (fv, fb), want) in cases {
        let (got, _) = compare_amounts(&amount(cv, cb), &amount(fv, fb));
        assert_eq!(got, want, "claim {cv} {cb:?} vs fact {fv} {fb:?}");
    }
    let usd = Amount {
        value: 4.0,
        upper: None,
        bound: Exact,
        unit: Unit::Currency("USD".into()),
    };
    assert_eq!(
        compare_amounts(&usd, &amount(4.0, Exact)).0,
        Neither,
        "units differ"
    );
}

fn day(s: &str) -> DateValue {
    let d: jiff::civil::Date = s.parse().unwrap();
    DateValue {
        start: Some(d),
        end: Some(d),
        granularity: Granularity::Day,
        weekday: Some(d.weekday()),
        month: Some(d.month()),
        relative: false,
    }
}

fn weekday(w: jiff::civil::Weekday) -> DateValue {
    DateValue {
        start: None,
        end: None,
        granularity: Granularity::Day,
        weekday: Some(w),
        month: None,
        relative: true,
    }
}

fn month(y: i16, m: i8) -> DateValue {
    let s = jiff::civil::date(y, m, 1);
    DateValue {
        start: Some(s),
        end: Some(s.last_of_month()),
        granularity: Granularity::Month,
        weekday: None,
        month: Some(m),
        relative: false,
    }
}

#[test]
fn dates() {
    use Relation::*;
    use jiff::civil::Weekday::*;
    let cases = [
        (day("2015-08-19"), day("2015-08-19"), Match),
        (day("2015-08-19"), day("2015-08-18"), Conflict),
        (month(2015, 8), day("2015-08-19"), Match),
        (day("2015-08-19"), month(2015, 8), Neither),
        (month(2015, 7), day("2015-08-19"), Conflict),
        (weekday(Wednesday), day("2015-08-19"), Match),
        (weekday(Tuesday), day("2015-08-19"), Conflict),
        (weekday(Wednesday), weekday(Wednesday), Match),
        (weekday(Tuesday), weekday(Wednesday), Conflict),
        (day("2015-08-19"), weekday(Wednesday), Neither),
        (day("2015-08-18"), weekday(Wednesday), Conflict),
    ];
    for (claim, fact, want) in cases {
        assert_eq!(compare_dates(&claim, &fact), want, "{claim:?} vs {fact:?}");
    }
}

#[test]
fn person_names() {
    for (claim, fact, want) in [
        ("Sergei Shoigu", "Sergei Shoigu", true),
        ("Sergey Shoigu", "Sergei Shoigu", true),
        ("Shoigu", "Sergei Shoigu", true),
        ("Nawaz Sharif", "Raheel Sharif", false),
        ("Zafar Hilaly", "Sergei Shoigu", false),
        ("sergei shoigu", "Sergei Shoigu", true),
    ] {
        assert_eq!(same_person(claim, fact), want, "{claim} vs {fact}");
    }
}

/// The bounded edit distance that names are compared with (given up once
/// a row of the table exceeds the bound, rows kept on the stack for short
/// names) says what the whole table says, for every bound, name length and
/// alphabet.
#[test]
fn bounded_edit_distance_is_the_whole_one() {
    fn whole(a: &[char], b: &[char]) -> usize {
        let mut table = vec![vec![0; b.len() + 1]; a.len() + 1];
        for (i, row) in table.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in table[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                table[i][j] = (table[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]))
                    .min(table[i - 1][j] + 1)
                    .min(table[i][j - 1] + 1);
            }
        }
        table[a.len()][b.len()]
    }
    let long = "abcdefghijklmnopqrstuvwxyz0123456789";
    let words = [
        "",
        "a",
        "ab",
        "ba",
        "shoigu",
        "shoygu",
        "sharif",
        "shaikh",
        "sergei",
        "sergey",
        "sergeyy",
        "hilaly",
        "hilali",
        "abcdefgh",
        "abdcefhg",
        "xbcdefgz",
        long,
        "abcdefghijklmnopqrstuvwxyz0123456798",
        "dmitriy",
        "дмитрий",
        "дмитрии",
    ];
    for a in words {
        for b in words {
            let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let distance = whole(&ca, &cb);
            for limit in 0..4 {
                assert_eq!(
                    within(&ca, &cb, limit),
                    distance <= limit,
                    "{a} vs {b} within {limit}"
                );
                assert_eq!(
                    within(a.as_bytes(), b.as_bytes(), limit),
                    whole(
                        &a.bytes().map(char::from).collect::<Vec<_>>(),
                        &b.bytes().map(char::from).collect::<Vec<_>>()
                    ) <= limit,
                    "{a} vs {b} within {limit}, by the byte"
                );
            }
        }
    }
}

/// Silent sources are not stored, yet every checked source has a verdict, in
/// source order, and per-source expectations see the silent ones.
#[test]
fn silent_sources_are_listed_not_stored() {
    use crate::claims::{ClaimSet, Verdict};
    use crate::source::{Published, Source};
    use crate::verify::{Analysis, verify, verify_claim};

    let analyses: Vec<Analysis> = [
        ("a", "Nothing here at all.\n"),
        (
            "b",
            "The deal was signed in Lyon on Monday, officials said.\n",
        ),
        ("c", "Nothing there either.\n"),
    ]
    .into_iter()
    .map(|(id, text)| Analysis::of(&Source::from_string(id, Published::Unknown, text)))
    .collect();
    let toml = r#"
[[claim]]
id = "lyon"
claim = "signed in Lyon"
per_source = { a = "not-mentioned", c = "supported" }

[[claim]]
id = "paris"
claim = "signed in Paris"
sources = ["a", "c"]
expect = "not-mentioned"
"#;
    let set = ClaimSet::from_toml("t.toml", toml).expect("valid claims");
    let out = verify(&set, &analyses);

    let lyon = &out.outcomes[0];
    let got: Vec<(&str, Verdict)> = lyon
        .verdicts()
        .map(|v| (v.source.as_str(), v.verdict))
        .collect();
    assert_eq!(
        got,
        [
            ("a", Verdict::NotMentioned),
            ("b", Verdict::Supported),
            ("c", Verdict::NotMentioned)
        ]
    );
    assert_eq!(lyon.said().len(), 1, "only b says something");
    assert!(
        lyon.verdicts()
            .filter(|v| v.source.as_str() != "b")
            .all(|v| v.is_silent())
    );
    assert_eq!(
        lyon.failures,
        ["expected supported in c, found not-mentioned"],
        "a's expectation holds, c's does not"
    );

    let paris = &out.outcomes[1];
    let checked: Vec<&str> = paris.verdicts().map(|v| v.source.as_str()).collect();
    assert_eq!(checked, ["a", "c"], "only the sources the claim names");
    assert!(paris.said().is_empty() && paris.holds);

    for (o, c) in out.outcomes.iter().zip(set.iter()) {
        let plain = verify_claim(&set, c, &analyses);
        assert_eq!(format!("{o:?}"), format!("{plain:?}"));
    }

    // Sources added in batches, some by rows: the same outcomes.
    let mut v = crate::verify::Verifier::new(&set);
    v.add(&analyses[..1], &crate::progress::NoProgress);
    let row = v.row(&analyses[1]);
    v.push(analyses[1].id(), row);
    v.add(&analyses[2..], &crate::progress::NoProgress);
    assert_eq!(format!("{:?}", v.finish()), format!("{out:?}"));
}

/// The bytes `excerpt` quotes, without its ellipses.
fn unclipped(quote: &str) -> &str {
    quote.trim_start_matches('…').trim_end_matches('…')
}

#[test]
fn long_sentences_are_quoted_around_the_evidence_between_words() {
    use super::{MAX_QUOTED, excerpt};
    use crate::span::Span;
    let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
    let text = words.join(" ");
    let sentence = Span::new(0, text.len());
    let at = text.find("w200").unwrap();
    let quote = excerpt(&text, sentence, Span::new(at, at + 4));
    assert!(quote.starts_with('…') && quote.ends_with('…'), "{quote}");
    let inner = unclipped(&quote);
    assert!(inner.contains("w199 w200 w201"), "{quote}");
    assert!(inner.len() <= MAX_QUOTED, "{} bytes", inner.len());
    // Cut between words: what is quoted starts and ends with whole words.
    let first = inner.split(' ').next().unwrap();
    let last = inner.split(' ').next_back().unwrap();
    assert!(words.iter().any(|w| w == first) && words.iter().any(|w| w == last));

    // At the start of the sentence, nothing is cut before.
    let quote = excerpt(&text, sentence, Span::new(0, 2));
    assert!(
        quote.starts_with("w0 w1 ") && quote.ends_with('…'),
        "{quote}"
    );
    // At its end, nothing is cut after.
    let quote = excerpt(&text, sentence, Span::new(text.len() - 4, text.len()));
    assert!(
        quote.starts_with('…') && quote.ends_with("w398 w399"),
        "{quote}"
    );
}

#[test]
fn long_evidence_and_text_without_spaces_are_clipped_on_char_boundaries() {
    use super::{MAX_QUOTED, excerpt};
    use crate::span::Span;
    // Characters of two, three and four bytes, and no space to cut at.
    let text: String = ['é', '“', '𝄞'].iter().cycle().take(3000).collect();
    let sentence = Span::new(0, text.len());
    for (start, len) in [(1500, 3), (0, 4000), (4, 9)] {
        let start = (start..).find(|&i| text.is_char_boundary(i)).unwrap();
        let end = (start + len..).find(|&i| text.is_char_boundary(i)).unwrap();
        let quote = excerpt(&text, sentence, Span::new(start, end));
        assert!(
            unclipped(&quote).len() <= MAX_QUOTED,
            "{} bytes",
            quote.len()
        );
        // The evidence is quoted from its start.
        let evidence = &text[start..end];
        assert!(quote.contains(&evidence[..evidence.floor_char_boundary(40)]));
    }
}
