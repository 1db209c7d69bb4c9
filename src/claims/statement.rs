//! The compact claim grammar: one short line that reads like the claim.
//!
//! | form | kind | example |
//! |---|---|---|
//! | `<thing> count <op> <amount>` | quantity | `helicopter count = 4`, `Mi-35 helicopter count = 4`, `hour count ~ 15`, `people killed count >= 8` |
//! | `<verb> in/at/near <place>` | place | `signed in Rawalpindi`, `deal signed in Rawalpindi`, `will be delivered in Karachi` |
//! | `<verb> on/in <date>` | date | `signed on Wednesday`, `signed in August 2015`, `signed on 2015-08-19`, `will deliver helicopters in 2017` |
//! | `<Name> is <role>` | role | `Sergei Shoigu is Defence Minister`, `Zafar Hilaly is a former diplomat` |
//! | `<Name> said "<words>"` | quote | `Zafar Hilaly said "no longer an American client state"` |
//! | `mentions <term>` | mention | `mentions Rostec` |
//! | `contains "<phrase>"` | phrase | `contains "landmark defence deal"` |
//! | `matches /<regex>/` | regex | `matches /Mi-3\d/` |
//! | `<subject> <verb> <object>` | event | `Pakistan signed a defence deal`, `Pakistan will buy helicopters`, `Russia did not lift the embargo` |
//!
//! Place and date claims keep the factuality their words state (`will`,
//! `did not`, `reportedly`), as event claims do.
//!
//! Operators: `=` exact, `~` or `≈` approximately, `>=` at least, `<=` at
//! most, `>` more than, `<` less than. Amounts may be words or carry a
//! currency or percent sign (`$153m`, `15%`).

use crate::extract::{
    Amount, Bound, DateValue, Factuality, Granularity, Unit, canonical_predicate, lookup_place,
    recognize_dates, recognize_numbers,
};

use super::{ClaimKind, PlaceName, normalize_term};

/// Parses one compact statement.
///
/// # Errors
///
/// A message saying which forms are expected, when the statement fits none.
pub fn parse_statement(statement: &str) -> Result<ClaimKind, String> {
    let s = statement.trim();
    if s.is_empty() {
        return Err("empty claim: expected a statement such as \"helicopter count = 4\"".into());
    }
    let lower = s.to_lowercase();
    if let Some(rest) = strip_word(s, "mentions") {
        return Ok(ClaimKind::Mention {
            term: unquote(rest).to_string(),
        });
    }
    if let Some(rest) = strip_word(s, "contains") {
        let text = quoted(rest)
            .ok_or("expected a quoted phrase after `contains`, e.g. contains \"defence deal\"")?;
        return Ok(ClaimKind::Phrase {
            text: text.to_string(),
        });
    }
    if let Some(rest) = strip_word(s, "matches") {
        let rest = rest.trim();
        let pat = rest
            .strip_prefix('/')
            .and_then(|r| r.strip_suffix('/'))
            .ok_or("expected a pattern between slashes after `matches`, e.g. matches /Mi-3\\d/")?;
        let regex = regex::Regex::new(pat).map_err(|e| format!("invalid regex: {e}"))?;
        return Ok(ClaimKind::Pattern { regex });
    }
    if let Some((speaker, text)) = quote_claim(s) {
        return Ok(ClaimKind::Quote { speaker, text });
    }
    let measure = MEASURE_WORDS
        .iter()
        .any(|m| lower.contains(&format!(" {m} ")) || lower.starts_with(&format!("{m} ")));
    let has_operator = s.contains(['=', '~', '<', '>', '\u{2248}', '\u{2264}', '\u{2265}']);
    if (measure || lower.starts_with("number of ")) && (has_operator || lower.contains(" count ")) {
        return quantity_claim(s);
    }
    if let Some(k) = role_claim(s) {
        return Ok(k);
    }
    event_claim(s)
}

fn strip_word<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let head = s.get(..word.len())?;
    let rest = &s[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(' ')).then(|| rest.trim())
}

const QUOTES: &[char] = &['"', '\u{201c}', '\u{201d}'];

fn quoted(s: &str) -> Option<&str> {
    let s = s.trim();
    let inner = s.strip_prefix(QUOTES)?.strip_suffix(QUOTES)?;
    (!inner.trim().is_empty()).then_some(inner)
}

fn unquote(s: &str) -> &str {
    quoted(s).unwrap_or(s.trim())
}

fn quote_claim(s: &str) -> Option<(String, String)> {
    let q = s.find(QUOTES)?;
    let head = s[..q].trim();
    let text = quoted(&s[q..])?;
    let lower = head.to_lowercase();
    for verb in [" said", " says", " told", " stated", " wrote"] {
        if let Some(speaker) = lower.strip_suffix(verb).map(|p| &head[..p.len()]) {
            return Some((
                speaker.trim().trim_end_matches(':').to_string(),
                text.trim().to_string(),
            ));
        }
    }
    None
}

/// Words that make a claim a quantity: `helicopter count = 4`,
/// `deal value = $153m`, `turnout share = 52%`.
const MEASURE_WORDS: &[&str] = &[
    "count", "value", "worth", "cost", "price", "amount", "total", "share", "rate",
];

fn quantity_claim(s: &str) -> Result<ClaimKind, String> {
    const OPS: &[(&str, Bound)] = &[
        (">=", Bound::AtLeast),
        ("\u{2265}", Bound::AtLeast),
        ("<=", Bound::AtMost),
        ("\u{2264}", Bound::AtMost),
        ("~=", Bound::Approx),
        ("\u{2248}", Bound::Approx),
        ("~", Bound::Approx),
        ("=", Bound::Exact),
        (">", Bound::MoreThan),
        ("<", Bound::LessThan),
    ];
    let (at, op, bound) = OPS
        .iter()
        .filter_map(|&(op, b)| s.find(op).map(|i| (i, op, b)))
        .min_by_key(|&(i, op, _)| (i, std::cmp::Reverse(op.len())))
        .ok_or("expected an operator in a count claim: `=`, `~`, `>=`, `<=`, `>` or `<` (e.g. helicopter count = 4)")?;
    let lhs = s[..at].trim();
    let rhs = s[at + op.len()..].trim();
    let mut amount = parse_amount(rhs).ok_or_else(|| {
        format!("cannot read the amount `{rhs}`: expected a number such as 4, four, 15%, $153m")
    })?;
    if amount.bound == Bound::Exact {
        amount.bound = bound;
    }
    let lower = lhs.to_lowercase();
    let thing = lower
        .strip_prefix("count of ")
        .or_else(|| lower.strip_prefix("number of "))
        .unwrap_or(&lower);
    let thing = if MEASURE_WORDS.contains(&thing) {
        ""
    } else {
        MEASURE_WORDS
            .iter()
            .find_map(|m| thing.strip_suffix(&format!(" {m}")))
            .unwrap_or(thing)
            .trim()
    };
    // The head is the last word before a preposition: "hours at the expo" → hours.
    let words: Vec<&str> = thing.split_whitespace().collect();
    let cut = words
        .iter()
        .position(|w| {
            matches!(
                *w,
                "at" | "in"
                    | "of"
                    | "on"
                    | "for"
                    | "to"
                    | "from"
                    | "by"
                    | "with"
                    | "killed"
                    | "sold"
                    | "delivered"
                    | "bought"
            )
        })
        .unwrap_or(words.len());
    if cut == 0 {
        return Err(format!(
            "expected what is counted before `count`, e.g. helicopter count = 4 (got `{lhs}`)"
        ));
    }
    let head = singular(&normalize_term(words[cut - 1]));
    let qualifiers = words[..cut - 1]
        .iter()
        .map(|w| normalize_term(w))
        .filter(|w| !w.is_empty())
        .collect();
    Ok(ClaimKind::Quantity {
        counted: head,
        qualifiers,
        amount,
    })
}

/// Reads an amount: digits, number words, currency, percent.
pub(crate) fn parse_amount(s: &str) -> Option<Amount> {
    if let Some(m) = recognize_numbers(s).into_iter().next() {
        return Some(m.amount);
    }
    // Plain digits even where the recognizer takes them for something else.
    let t = s.trim().trim_end_matches('%');
    let value: f64 = t.replace(',', "").parse().ok()?;
    let unit = if s.trim().ends_with('%') {
        Unit::Percent
    } else {
        Unit::Count
    };
    Some(Amount {
        value,
        upper: None,
        bound: Bound::Exact,
        unit,
    })
}

/// The name of a bound in the explicit form.
pub(crate) fn parse_bound_name(s: &str) -> Option<Bound> {
    Some(match s {
        "exact" => Bound::Exact,
        "approx" | "about" => Bound::Approx,
        "at-least" => Bound::AtLeast,
        "at-most" => Bound::AtMost,
        "more-than" => Bound::MoreThan,
        "less-than" => Bound::LessThan,
        _ => return None,
    })
}

/// The name of a factuality in the explicit form.
pub(crate) fn parse_factuality(s: &str) -> Option<Factuality> {
    Some(match s {
        "asserted" => Factuality::Asserted,
        "reported" => Factuality::Reported,
        "hedged" => Factuality::Hedged,
        "future" => Factuality::Future,
        "negated" => Factuality::Negated,
        _ => return None,
    })
}

/// Reads a date as a claim writes it: ISO, news formats, a month, a weekday.
pub(crate) fn parse_date(s: &str) -> Option<DateValue> {
    if let Ok(d) = s.trim().parse::<jiff::civil::Date>() {
        return Some(DateValue {
            start: Some(d),
            end: Some(d),
            granularity: Granularity::Day,
            weekday: Some(d.weekday()),
            month: Some(d.month()),
            relative: false,
        });
    }
    let found = recognize_dates(s, None).into_iter().next()?;
    usable_in_claim(&found.value).then_some(found.value)
}

/// A claim's date must mean the same whatever day it is read: absolute, or
/// a bare weekday or month (`on Wednesday`, `in June`). `last year` is not.
fn usable_in_claim(d: &DateValue) -> bool {
    !d.relative || (!d.is_resolved() && (d.weekday.is_some() || d.month.is_some()))
}

/// Singular of a lowercase noun: a small irregular table plus suffix rules.
pub(crate) fn singular(word: &str) -> String {
    const IRREGULAR: &[(&str, &str)] = &[
        ("people", "person"),
        ("men", "man"),
        ("women", "woman"),
        ("children", "child"),
        ("aircraft", "aircraft"),
        ("personnel", "personnel"),
        ("troops", "troop"),
        ("series", "series"),
        ("news", "news"),
        ("mice", "mouse"),
        ("feet", "foot"),
        ("teeth", "tooth"),
        ("lives", "life"),
        ("wives", "wife"),
        ("knives", "knife"),
    ];
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == word) {
        return s.to_string();
    }
    if word.len() > 4 {
        if let Some(stem) = word.strip_suffix("ies") {
            return format!("{stem}y");
        }
        for suf in ["ches", "shes", "sses", "xes", "zes"] {
            if word.ends_with(suf) {
                return word[..word.len() - 2].to_string();
            }
        }
    }
    if word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        return word[..word.len() - 1].to_string();
    }
    word.to_string()
}

const ROLE_VERBS: &[&str] = &[" is ", " was ", " is the ", " was the "];

/// Whether `w` is a word of a name: capitalized, or a lowercase particle
/// joined by a hyphen or apostrophe to a capitalized rest (`el-Sisi`,
/// `al-Assad`, `d'Estaing`).
fn name_word(w: &str) -> bool {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    capital(w)
        || w.split_once(['-', '\'', '\u{2019}'])
            .is_some_and(|(particle, rest)| {
                (is_name_particle(particle) || particle.len() == 1) && capital(rest)
            })
}

/// Whether `w` is a lowercase particle of a name (the people reader's
/// list).
fn is_name_particle(w: &str) -> bool {
    crate::extract::NAME_PARTICLES.contains(&w)
}

fn role_claim(s: &str) -> Option<ClaimKind> {
    let (at, verb) = ROLE_VERBS
        .iter()
        .filter_map(|v| s.find(v).map(|i| (i, *v)))
        .min_by_key(|&(i, _)| i)?;
    let person = s[..at].trim();
    // A person's name: capitalized words (or particles between them:
    // `Abdel Fattah el-Sisi`, `Ursula von der Leyen`), none of them a verb.
    let words: Vec<&str> = person.split_whitespace().collect();
    let is_name = words.first().is_some_and(|w| name_word(w))
        && words.last().is_some_and(|w| name_word(w))
        && words.iter().all(|w| name_word(w) || is_name_particle(w))
        && words.iter().all(|w| canonical_predicate(w).is_none());
    if !is_name {
        return None;
    }
    let mut role = s[at + verb.len()..].trim();
    // `Tashkent Declaration was signed in January 1966` is a passive
    // event, not a role: an event verb right after `is`/`was`
    if !verb.ends_with("the ")
        && role
            .split_whitespace()
            .next()
            .is_some_and(|w| canonical_predicate(w).is_some() && is_participle(w))
    {
        return None;
    }
    for article in ["a ", "an ", "the "] {
        if let Some(r) = role.strip_prefix(article) {
            role = r;
        }
    }
    if role.is_empty() {
        return None;
    }
    Some(ClaimKind::Role {
        person: person.to_string(),
        role: normalize_term(role),
    })
}

/// Whether `w` looks like a past participle (`signed`, `sold`, `held`):
/// an `-ed`/`-en` form, or an irregular one the event lexicon knows that
/// is not its base form.
fn is_participle(w: &str) -> bool {
    let w = w.to_lowercase();
    w.ends_with("ed")
        || w.ends_with("en")
        || canonical_predicate(&w)
            .is_some_and(|p| p != w && !w.ends_with('s') && !w.ends_with("ing"))
}

/// Verbs that deny the verb after `to`: `Russia refused to sell weapons` is
/// read as sources are, as a negated `sell`.
const REFUSALS: &[&str] = &[
    "refused", "refuses", "refuse", "declined", "declines", "decline", "failed", "fails", "fail",
];

const MODAL_FUTURE: &[&str] = &["will", "shall", "'ll"];
const NEGATORS: &[&str] = &[
    "not", "never", "didn't", "did not", "hasn't", "haven't", "won't",
];
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "did",
    "does",
    "do",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "to",
    "not",
    "never",
    "will",
    "shall",
    "reportedly",
    "allegedly",
    "also",
    "with",
    "and",
    "of",
    "for",
    "by",
    // Possessive and demonstrative determiners: `Russia lifted its
    // embargo` is about an embargo, whatever determiner the source gives
    // it (`a self-imposed embargo`, `the embargo`).
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "these",
    "those",
];

fn event_claim(s: &str) -> Result<ClaimKind, String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // `refused to sell`, `declined to comment`: the verb after `to`, denied
    let refusal = lower.iter().enumerate().position(|(i, w)| {
        REFUSALS.contains(&w.as_str()) && lower.get(i + 1).is_some_and(|n| n == "to")
    });
    if let Some(r) = refusal {
        // a verb the lexicon does not know (`declined to comment`) is kept
        // as written, denied: no source event has it, so the claim is not
        // mentioned rather than read as another verb (`decline` as a fall)
        if let Some(v) = lower
            .get(r + 2)
            .filter(|v| canonical_predicate(v).is_none() && v.chars().all(char::is_alphabetic))
        {
            let subject = content_words(&words[..r].join(" "));
            let mut participants = subject;
            participants.extend(content_words(&words[r + 3..].join(" ")));
            return Ok(ClaimKind::Event {
                event: v.clone(),
                participants,
                factuality: Factuality::Negated,
            });
        }
    }
    let Some(vi) = lower
        .iter()
        .enumerate()
        .position(|(i, w)| canonical_predicate(w).is_some() && refusal.is_none_or(|r| i > r + 1))
    else {
        return Err(format!(
            "cannot read `{s}`: expected one of `<thing> count = N`, `<verb> in <place>`, `<verb> on <date>`, \
             `<Name> is <role>`, `<Name> said \"...\"`, `mentions <term>`, `contains \"...\"`, `matches /.../` \
             or `<subject> <verb> <object>` with a known event verb"
        ));
    };
    let event = canonical_predicate(&lower[vi])
        .unwrap_or_default()
        .to_string();
    let before: Vec<&str> = lower[..vi].iter().map(String::as_str).collect();
    let factuality = if refusal.is_some()
        || before
            .iter()
            .any(|w| NEGATORS.contains(w) || w.ends_with("n't"))
    {
        Factuality::Negated
    } else if before.iter().any(|w| MODAL_FUTURE.contains(w)) {
        Factuality::Future
    } else if before.contains(&"reportedly") {
        Factuality::Reported
    } else {
        Factuality::Asserted
    };
    let rest = words[vi + 1..].join(" ");
    let subject: Vec<String> = words[..vi]
        .iter()
        .map(|w| normalize_term(w))
        .filter(|w| {
            !w.is_empty()
                && !FUNCTION_WORDS.contains(&w.as_str())
                && !REFUSALS.contains(&w.as_str())
        })
        .collect();
    // Place: "in/at/near <Place>" right after the verb (or after its object).
    for prep in ["in ", "at ", "near "] {
        if let Some(i) = rest
            .find(prep)
            .filter(|&i| i == 0 || rest.as_bytes()[i - 1] == b' ')
        {
            let name = rest[i + prep.len()..].trim().trim_end_matches('.');
            if let Some(info) = lookup_place(name) {
                let mut participants = subject.clone();
                participants.extend(content_words(&rest[..i]));
                return Ok(ClaimKind::Place {
                    event,
                    participants,
                    place: PlaceName {
                        name: name.to_string(),
                        info: Some(info),
                    },
                    factuality,
                });
            }
            // `in June` is when, not where: a month or weekday is a date
            // only after its preposition.
            let when = parse_date(name).or_else(|| parse_date(&rest[i..]));
            // A name the gazetteer does not know is a venue (`General
            // Headquarters`, `the Kremlin`).
            let proper = name.strip_prefix("the ").unwrap_or(name);
            if proper.chars().next().is_some_and(char::is_uppercase) && when.is_none() {
                let mut participants = subject.clone();
                participants.extend(content_words(&rest[..i]));
                let place = PlaceName {
                    name: name.to_string(),
                    info: None,
                };
                return Ok(ClaimKind::Place {
                    event,
                    participants,
                    place,
                    factuality,
                });
            }
        }
    }
    // Date: the first date expression after the verb.
    if let Some(d) = recognize_dates(&rest, None)
        .into_iter()
        .find(|d| usable_in_claim(&d.value))
    {
        let written = rest[d.span.clone()].to_string();
        let written = ["on ", "in ", "during "].iter().fold(written, |w, p| {
            w.strip_prefix(p).map(str::to_string).unwrap_or(w)
        });
        let mut participants = subject;
        participants.extend(content_words(&rest[..d.span.start]));
        return Ok(ClaimKind::Date {
            event,
            participants,
            date: d.value,
            written,
            factuality,
        });
    }
    let mut participants = subject;
    participants.extend(content_words(&rest));
    Ok(ClaimKind::Event {
        event,
        participants,
        factuality,
    })
}

fn content_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(normalize_term)
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str) -> String {
        match parse_statement(s) {
            Ok(k) => format!("{k:?}"),
            Err(e) => format!("error: {e}"),
        }
    }

    #[test]
    fn compact_forms() {
        let cases: &[(&str, &str)] = &[
            (
                "helicopter count = 4",
                "Quantity { counted: \"helicopter\", qualifiers: [], amount: Amount { value: 4.0, upper: None, bound: Exact, unit: Count } }",
            ),
            (
                "Mi-35 helicopters count >= 4",
                "Quantity { counted: \"helicopter\", qualifiers: [\"mi-35\"], amount: Amount { value: 4.0, upper: None, bound: AtLeast, unit: Count } }",
            ),
            (
                "hours at the expo count ~ 15",
                "Quantity { counted: \"hour\", qualifiers: [], amount: Amount { value: 15.0, upper: None, bound: Approx, unit: Count } }",
            ),
            ("mentions Rostec", "Mention { term: \"Rostec\" }"),
            (
                "contains \"defence deal\"",
                "Phrase { text: \"defence deal\" }",
            ),
            (
                "Zafar Hilaly said \"client state\"",
                "Quote { speaker: \"Zafar Hilaly\", text: \"client state\" }",
            ),
            (
                "Sergei Shoigu is Defence Minister",
                // Normalized: lowercase, British spellings folded.
                "Role { person: \"Sergei Shoigu\", role: \"defense minister\" }",
            ),
            (
                "Zafar Hilaly is a former diplomat",
                "Role { person: \"Zafar Hilaly\", role: \"former diplomat\" }",
            ),
            // Lowercase particles inside a name.
            (
                "Abdel Fattah el-Sisi is President",
                "Role { person: \"Abdel Fattah el-Sisi\", role: \"president\" }",
            ),
            (
                "Ursula von der Leyen is President",
                "Role { person: \"Ursula von der Leyen\", role: \"president\" }",
            ),
            (
                "Pakistan will buy helicopters",
                "Event { event: \"buy\", participants: [\"pakistan\", \"helicopters\"], factuality: Future }",
            ),
            (
                "Russia did not lift the embargo",
                "Event { event: \"lift\", participants: [\"russia\", \"embargo\"], factuality: Negated }",
            ),
            (
                "Russia lifted its embargo",
                "Event { event: \"lift\", participants: [\"russia\", \"embargo\"], factuality: Asserted }",
            ),
            // a passive event is no role
            (
                "Tashkent Declaration was signed in January 1966",
                "Date { event: \"sign\", participants: [\"tashkent\", \"declaration\"], date: DateValue { start: Some(1966-01-01), end: Some(1966-01-31), granularity: Month, weekday: None, month: Some(1), relative: false }, written: \"January 1966\", factuality: Asserted }",
            ),
            // `refused to V` denies V, as sources are read
            (
                "Russia refused to sell weapons to Pakistan",
                "Event { event: \"sell\", participants: [\"russia\", \"weapons\", \"pakistan\"], factuality: Negated }",
            ),
            (
                "Rosoboronexport declined to comment",
                "Event { event: \"comment\", participants: [\"rosoboronexport\"], factuality: Negated }",
            ),
            (
                "Their leaders signed this deal",
                "Event { event: \"sign\", participants: [\"leaders\", \"deal\"], factuality: Asserted }",
            ),
        ];
        for (s, want) in cases {
            assert_eq!(kind(s), *want, "{s}");
        }
    }

    /// A month or a weekday after `in` or `on` is when, not where, even
    /// after a place: `visited Moscow in June` is a date claim.
    #[test]
    fn when_after_a_place_is_a_date() {
        for (s, want) in [
            ("Raheel Sharif visited Moscow in June", "Date"),
            ("Sharif visited Russia in June 2015", "Date"),
            ("the deal was signed in Rawalpindi", "Place"),
            ("signed in Rawalpindi", "Place"),
            ("signed in August 2015", "Date"),
        ] {
            let got = kind(s);
            assert!(got.starts_with(want), "{s}: {got}");
        }
        assert!(
            kind("Raheel Sharif visited Moscow in June").contains("\"moscow\""),
            "the place named before the date is a participant"
        );
    }

    #[test]
    fn errors_say_what_is_expected() {
        for (s, needle) in [
            ("", "empty claim"),
            ("helicopter count 4", "expected an operator"),
            ("count = 4", "expected what is counted"),
            ("the sky is blue and green", "cannot read"),
            ("matches /(/", "invalid regex"),
            ("contains defence", "expected a quoted phrase"),
        ] {
            let got = kind(s);
            assert!(
                got.starts_with("error: ") && got.contains(needle),
                "{s}: {got}"
            );
        }
    }

    #[test]
    fn singulars() {
        for (p, s) in [
            ("helicopters", "helicopter"),
            ("people", "person"),
            ("agencies", "agency"),
            ("boxes", "box"),
            ("glass", "glass"),
            ("hours", "hour"),
        ] {
            assert_eq!(singular(p), s);
        }
    }
}
