//! Quantities: a number and what it counts.
//!
//! `four Mi-35 'Hind E' attack helicopters` counts `helicopter`, with the
//! qualifier `mi-35`; `$153m` is money; `15 hours` counts `hour`.
//!
//! A count is *held* when it counts what someone has rather than what an
//! event of the story involves: the object of a verb of holding
//! (`Pakistan already operates 30 Mi-17 helicopters`, `owns`, `possesses`,
//! `maintains`, `already has`), a stock (`a fleet of 40`, `an arsenal of`,
//! `an inventory of`), or things `in service`, `in its fleet`. Bare `has`
//! is not enough (`the plane had 150 passengers on board` is the story's
//! count): it needs an adverb of state (`already`, `currently`, `now`,
//! `still`). A capacity is taken as held too: what something can carry
//! (`can carry up to eight troops`, `capable of carrying 12 missiles`).
//! The verifier does not take such a count as the one a claim that names
//! only the thing means.

use std::ops::Range;

use super::number::{Amount, Unit, designation_prefix, recognize_numbers_lowered};

/// A change rather than a level (`rose by 5%`, `fell 2%`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Change {
    /// Went up by the amount.
    Increase,
    /// Went down by the amount.
    Decrease,
}

/// A number with the thing it counts, found in one sentence.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuantityMention {
    /// Byte range of the number expression in the sentence.
    pub span: Range<usize>,
    /// The amount.
    pub amount: Amount,
    /// The head noun counted, singular and lowercase (`helicopter`), when
    /// there is one.
    pub counted: Option<String>,
    /// Byte range of the counted noun, when there is one.
    pub counted_span: Option<Range<usize>>,
    /// Lowercase modifiers between number and head that name a kind or model
    /// (`mi-35`, `hind e`, `attack`).
    pub qualifiers: Vec<String>,
    /// Whether it is a change rather than a level.
    pub change: Option<Change>,
    /// Whether it counts what someone holds (a fleet, an inventory, things
    /// in service) rather than what an event of the story involves.
    pub held: bool,
}

/// Finds the quantities in one sentence.
///
/// The counted noun is the head of the noun phrase after the number: the
/// first plural noun (or, for `one`, the last noun before a stop word),
/// skipping determiners and adjectives; designations (`Mi-35`), quoted names
/// and noun modifiers before it are qualifiers. `four of the jets` counts
/// `jet`; a missing or generic head (`four in total`, `4 pieces`) takes the
/// nearest noun counted or plural noun earlier in the sentence. Money counts
/// nothing unless `worth of X`; percentages count nothing. Plurals are
/// singularized with a small table and suffix rules (`people` stays
/// `people`).
pub fn quantities(sentence: &str) -> Vec<QuantityMention> {
    quantities_lowered(sentence, None)
}

/// [`quantities`], with `sentence` in ASCII lowercase (`lower`) when the
/// caller has it.
pub(crate) fn quantities_lowered(sentence: &str, lower: Option<&str>) -> Vec<QuantityMention> {
    let nums = recognize_numbers_lowered(sentence, lower);
    let mut out: Vec<QuantityMention> = Vec::with_capacity(nums.len());
    let mut plurals = PluralScan::default();
    // The last mention that counts something specific, for `antecedent`.
    let mut last_counted: Option<usize> = None;
    for n in nums {
        let change = change_before(sentence, n.span.start);
        let np = match &n.amount.unit {
            Unit::Count => head_after(sentence, n.span.end, n.amount.value),
            Unit::Currency(_) => worth_of(sentence, n.span.end),
            _ => Np::default(),
        };
        let mut counted = np.head.as_ref().map(|(h, _)| h.clone());
        let mut counted_span = np.head.map(|(_, r)| r);
        if n.amount.unit == Unit::Count && counted.as_deref().is_none_or(is_generic) {
            let earlier = last_counted.map(|i| &out[i]);
            if let Some((h, r)) = antecedent(sentence, n.span.start, earlier, &mut plurals) {
                counted = Some(h);
                counted_span = Some(r);
            }
        }
        if counted.as_deref().is_some_and(|c| !is_generic(c)) {
            last_counted = Some(out.len());
        }
        let held = n.amount.unit == Unit::Count && {
            // What follows the noun phrase: `40 helicopters in service`.
            let end = counted_span
                .as_ref()
                .filter(|r| r.start >= n.span.end)
                .map_or(n.span.end, |r| r.end);
            held_before(sentence, n.span.start)
                || held_after(sentence, end)
                || capacity_before(sentence, n.span.start)
                || out
                    .last()
                    .is_some_and(|p| joined_to_held(sentence, p, n.span.start))
        };
        out.push(QuantityMention {
            span: n.span,
            amount: n.amount,
            counted,
            counted_span,
            qualifiers: np.qualifiers,
            change,
            held,
        });
    }
    share_heads(sentence, &mut out);
    out
}

/// `22 AH-64E Apache and 15 CH-47F Chinook helicopters`: a count of models
/// named only by designations and capitalized names, joined by `and` or
/// `or` to the next count, counts that count's noun; the name it had taken
/// for its noun (`apache`) is a qualifier.
fn share_heads(s: &str, out: &mut [QuantityMention]) {
    for i in (0..out.len().saturating_sub(1)).rev() {
        let (a, b) = (&out[i], &out[i + 1]);
        if a.amount.unit != Unit::Count || b.amount.unit != Unit::Count || a.change.is_some() {
            continue;
        }
        let (Some(head), Some(span)) = (&b.counted, &b.counted_span) else {
            continue;
        };
        let Some(between) = s.get(a.span.end..b.span.start) else {
            continue;
        };
        let Some(names) = between
            .trim_end()
            .strip_suffix(" and")
            .or_else(|| between.trim_end().strip_suffix(" or"))
        else {
            continue;
        };
        let mut words = names.split_whitespace().peekable();
        if words.peek().is_none()
            || !words.all(|w| designation(w) || w.starts_with(|c: char| c.is_uppercase()))
        {
            continue;
        }
        // Its own noun, when it took one, must be one of those names.
        let own = a
            .counted_span
            .clone()
            .filter(|r| r.start >= a.span.end && r.end <= b.span.start);
        // A plural (`20 Mi-35s and …`) counts itself.
        match (&a.counted, own) {
            (Some(_), None) => continue,
            (Some(c), Some(r)) if designation(c) || plural_like(&s[r.clone()]) => continue,
            _ => {}
        }
        let (head, span) = (head.clone(), span.clone());
        let a = &mut out[i];
        if let Some(name) = a.counted.take() {
            if !a.qualifiers.contains(&name) && !designation(&name) {
                a.qualifiers.push(name);
            }
        }
        a.counted = Some(head);
        a.counted_span = Some(span);
    }
}

#[derive(Default)]
struct Np {
    head: Option<(String, Range<usize>)>,
    qualifiers: Vec<String>,
}

/// Words that end a noun phrase: prepositions, conjunctions, auxiliaries,
/// pronouns, determiners, common adverbs.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "from"
            | "by"
            | "about"
            | "into"
            | "onto"
            | "over"
            | "under"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "between"
            | "against"
            | "among"
            | "through"
            | "across"
            | "per"
            | "via"
            | "than"
            | "as"
            | "like"
            | "near"
            | "without"
            | "within"
            | "including"
            | "off"
            | "up"
            | "down"
            | "out"
            | "around"
            | "of"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "while"
            | "whereas"
            | "because"
            | "if"
            | "though"
            | "although"
            | "when"
            | "where"
            | "whether"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "said"
            | "says"
            | "say"
            | "i"
            | "you"
            | "he"
            | "she"
            | "it"
            | "we"
            | "they"
            | "me"
            | "him"
            | "her"
            | "us"
            | "them"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "what"
            | "this"
            | "these"
            | "those"
            | "the"
            | "a"
            | "an"
            | "each"
            | "every"
            | "any"
            | "all"
            | "both"
            | "some"
            | "no"
            | "its"
            | "their"
            | "his"
            | "our"
            | "your"
            | "my"
            | "also"
            | "only"
            | "just"
            | "still"
            | "already"
            | "not"
            | "now"
            | "then"
            | "ago"
            | "later"
            | "earlier"
            | "here"
            | "there"
            | "too"
            | "very"
            | "apiece"
            | "respectively"
            | "total"
            | "altogether"
            | "instead"
            | "again"
            | "ever"
            | "never"
            | "away"
            | "back"
            | "last"
            | "next"
            | "such"
            | "how"
            | "why"
    )
}

/// Determiner-like adjectives between a number and its noun: skipped, not
/// qualifiers.
fn is_skip(w: &str) -> bool {
    matches!(
        w,
        "other"
            | "more"
            | "additional"
            | "new"
            | "extra"
            | "further"
            | "same"
            | "different"
            | "various"
            | "separate"
            | "remaining"
            | "first"
            | "previous"
            | "full"
            | "whole"
            | "entire"
            | "consecutive"
            | "straight"
            | "successive"
            | "top"
            | "major"
            | "key"
            | "main"
            | "big"
            | "small"
            | "large"
            | "own"
            | "old"
            | "many"
            | "few"
            | "fewer"
            | "less"
            | "least"
            | "most"
            | "several"
            | "likely"
            | "possible"
            | "estimated"
            | "alleged"
            | "so-called"
            | "odd"
            | "plus"
            | "or"
            | "so"
    )
}

fn is_generic(h: &str) -> bool {
    matches!(
        h,
        "piece" | "unit" | "item" | "one" | "other" | "others" | "ones"
    )
}

/// Adjective-looking words (`military` is not one; `armed`, `modernised`,
/// `combined`, `additional`, `massive` are).
fn adjective_like(w: &str) -> bool {
    w.len() > 4
        && [
            "ed", "ing", "al", "ive", "ous", "ful", "less", "able", "ible", "ic", "ly",
        ]
        .iter()
        .any(|s| w.ends_with(s))
}

/// Irregular plurals (and nouns that do not change), with their singular.
fn irregular(w: &str) -> Option<&'static str> {
    Some(match w {
        "men" => "man",
        "women" => "woman",
        "children" => "child",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "lives" => "life",
        "wives" => "wife",
        "knives" => "knife",
        "thieves" => "thief",
        "halves" => "half",
        "wolves" => "wolf",
        "shelves" => "shelf",
        "leaves" => "leaf",
        "crises" => "crisis",
        "analyses" => "analysis",
        "theses" => "thesis",
        "bases" => "base",
        "indices" => "index",
        "criteria" => "criterion",
        "phenomena" => "phenomenon",
        "buses" => "bus",
        "gases" => "gas",
        "heroes" => "hero",
        "potatoes" => "potato",
        "tomatoes" => "tomato",
        "vetoes" => "veto",
        "echoes" => "echo",
        "torpedoes" => "torpedo",
        "series" => "series",
        "species" => "species",
        "news" => "news",
        "people" => "people",
        "police" => "police",
        "personnel" => "personnel",
        "staff" => "staff",
        "aircraft" => "aircraft",
        "sheep" => "sheep",
        "fish" => "fish",
        "deer" => "deer",
        "data" => "data",
        _ => return None,
    })
}

/// The unit an abbreviation after a number stands for (`15 hrs` counts
/// hours, `40 km` kilometres): the noun a claim names.
fn unit_abbreviation(w: &str) -> Option<&'static str> {
    Some(match w {
        "hr" | "hrs" => "hour",
        "min" | "mins" => "minute",
        "sec" | "secs" => "second",
        "yr" | "yrs" => "year",
        "wk" | "wks" => "week",
        "mth" | "mths" => "month",
        "km" | "kms" => "kilometre",
        "kg" | "kgs" => "kilogram",
        _ => return None,
    })
}

/// Singular, lowercase form of a noun (`helicopters` -> `helicopter`).
pub(crate) fn lemma(w: &str) -> String {
    // `MPs`, `NGOs`: acronym plurals.
    if let Some(stem) = w.strip_suffix('s') {
        if stem.len() >= 2
            && stem
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return stem.to_lowercase();
        }
    }
    let w = super::lowercase(w);
    if let Some(s) = irregular(&w) {
        return s.to_string();
    }
    if let Some(s) = unit_abbreviation(&w) {
        return s.to_string();
    }
    let n = w.len();
    if n > 4 && w.ends_with("ies") && !w.ends_with("eies") {
        return format!("{}y", &w[..n - 3]);
    }
    if w.ends_with("sses")
        || w.ends_with("xes")
        || w.ends_with("ches")
        || w.ends_with("shes")
        || w.ends_with("zzes")
    {
        return w[..n - 2].to_string();
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..n - 1].to_string();
    }
    w.into_owned()
}

fn plural_like(w: &str) -> bool {
    if let Some(stem) = w.strip_suffix('s') {
        if stem.len() >= 2
            && stem
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        {
            return true;
        }
    }
    let w = super::lowercase(w);
    if let Some(s) = irregular(&w) {
        return w != s || matches!(&*w, "people" | "police" | "personnel" | "aircraft");
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
        && !w.ends_with("’s")
}

/// One piece of text after a number.
enum Piece<'a> {
    Word(&'a str, Range<usize>),
    Quoted(&'a str),
    Punct,
}

fn is_quote_open(c: char) -> bool {
    matches!(c, '\'' | '"' | '‘' | '“')
}

/// The next piece at or after `pos`, and where it ends.
fn next_piece(s: &str, pos: usize) -> Option<(Piece<'_>, usize)> {
    let rest = s.get(pos..)?;
    let off = rest.len() - rest.trim_start().len();
    let start = pos + off;
    let mut chars = s.get(start..)?.char_indices();
    let (_, c) = chars.next()?;
    if is_quote_open(c) {
        let inner = start + c.len_utf8();
        let close = s
            .get(inner..)?
            .char_indices()
            .take(60)
            .find(|&(_, d)| matches!(d, '\'' | '"' | '’' | '”'));
        if let Some((ci, d)) = close {
            let content = &s[inner..inner + ci];
            if !content.is_empty() && content.chars().next().is_some_and(char::is_alphanumeric) {
                return Some((Piece::Quoted(content), inner + ci + d.len_utf8()));
            }
        }
        return Some((Piece::Punct, start + c.len_utf8()));
    }
    if c.is_alphanumeric() {
        let mut end = start;
        let bytes_rest = &s[start..];
        let mut it = bytes_rest.char_indices().peekable();
        while let Some((i, ch)) = it.next() {
            let ok = ch.is_alphanumeric()
                || (matches!(ch, '-' | '\'' | '’')
                    && it.peek().is_some_and(|&(_, n)| n.is_alphanumeric()));
            if !ok {
                break;
            }
            end = start + i + ch.len_utf8();
        }
        return Some((Piece::Word(&s[start..end], start..end), end));
    }
    Some((Piece::Punct, start + c.len_utf8()))
}

/// Whether the count starting at `start` is the second of a pair joined to
/// a held one (`operates 40 Cobra helicopters and more than 30 Mi-17s`):
/// only `and` (or a comma) between the first's noun and it.
fn joined_to_held(s: &str, prev: &QuantityMention, start: usize) -> bool {
    let end = prev
        .counted_span
        .as_ref()
        .filter(|r| r.start >= prev.span.end)
        .map_or(prev.span.end, |r| r.end);
    prev.held
        && prev.amount.unit == Unit::Count
        && end <= start
        && matches!(
            s[end..start].trim(),
            "and" | "," | ", and" | "as well as" | "plus"
        )
}

/// The names in a short bracket that opens at `open` (just after its `(`)
/// and only names things: quoted names and designations are pushed to
/// `qualifiers`, other words (`NATO`, `reporting`, `name`) are passed
/// over. Where the bracket ends, or `None` (and nothing pushed) when it is
/// long, unclosed, or holds a number or anything but words, quotes, `:`
/// and `,`.
fn names_in_bracket(s: &str, open: usize, qualifiers: &mut Vec<String>) -> Option<usize> {
    let inner = s.get(open..)?;
    let close = inner.char_indices().take(48).find(|&(_, c)| c == ')')?.0;
    let body = &inner[..close];
    let mut names = Vec::new();
    let mut pos = 0;
    while let Some((piece, next)) = next_piece(body, pos) {
        match piece {
            Piece::Quoted(q) => names.push(
                q.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase(),
            ),
            Piece::Word(w, _) if designation(w) => names.push(w.to_lowercase()),
            Piece::Word(w, _) if w.chars().all(char::is_alphabetic) => {}
            Piece::Punct if matches!(body[..next].chars().next_back(), Some(':' | ',')) => {}
            _ => return None,
        }
        pos = next;
    }
    if names.is_empty() {
        return None;
    }
    qualifiers.extend(names);
    Some(open + close + 1)
}

/// Model designations: `Mi-35`, `F-16`, `A320`, `Mi-35M`, `S-400`,
/// `Mi-17V5`, and those that open with digits (`9M120`, `3M22`, `2S19`).
fn designation(w: &str) -> bool {
    let lead = w.chars().take_while(char::is_ascii_digit).count();
    let w = if (1..=2).contains(&lead) {
        &w[lead..]
    } else {
        w
    };
    let letters = w.chars().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = &w[letters..];
    let rest = rest.strip_prefix('-').unwrap_or(rest);
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let tail = &rest[digits..];
    (1..=5).contains(&letters)
        && digits >= 1
        && tail.len() <= 3
        && tail.chars().all(|c| c.is_ascii_alphanumeric())
        && !tail.starts_with(|c: char| c.is_ascii_digit())
}

/// The designation a plural designation names (`Mi-35s`, `F-16s`,
/// `Su-30MKIs`: `Mi-35`, `F-16`, `Su-30MKI`).
fn plural_designation(w: &str) -> Option<&str> {
    let stem = w.strip_suffix('s')?;
    (stem.ends_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase()) && designation(stem))
        .then_some(stem)
}

/// The variants written after a designation with slashes (`AH-1F/S`,
/// `Mi-35/35M`), from `at` just after it: where they end, if there are
/// any.
fn variants_after(s: &str, at: usize) -> Option<usize> {
    let mut end = at;
    while let Some(rest) = s.get(end..).and_then(|r| r.strip_prefix('/')) {
        let len = rest
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .unwrap_or(rest.len());
        if !(1..=4).contains(&len) {
            break;
        }
        end += 1 + len;
    }
    (end > at).then_some(end)
}

fn head_after(s: &str, end: usize, value: f64) -> Np {
    let mut np = Np::default();
    // `10-year`, `15-year-old`: the glued word is the unit counted.
    if s.get(end..).is_some_and(|r| r.starts_with('-')) {
        if let Some((Piece::Word(w, r), _)) = next_piece(s, end + 1) {
            if r.start == end + 1 && w.chars().next().is_some_and(char::is_alphabetic) {
                let first = w.split('-').next().unwrap_or(w);
                np.head = Some((lemma(first), r.start..r.start + first.len()));
                return np;
            }
        }
    }
    let mut pos = end;
    let mut cand: Option<(&str, Range<usize>)> = None;
    let mut took_of = false;
    let mut prev_cap = false;
    let mut n = 0;
    while let Some((piece, next)) = next_piece(s, pos) {
        n += 1;
        if n > 12 {
            break;
        }
        pos = next;
        match piece {
            Piece::Quoted(q) => {
                if let Some((c, _)) = cand.take() {
                    np.qualifiers.push(c.to_lowercase());
                }
                np.qualifiers.push(
                    q.split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .to_lowercase(),
                );
            }
            Piece::Punct => {
                // `four Mi-35M (NATO: 'Hind-E') attack helicopters`: a
                // bracket after the model that names it again is read
                // through, its names kept as qualifiers.
                if cand.is_none() && !np.qualifiers.is_empty() && s[..pos].ends_with('(') {
                    if let Some(after) = names_in_bracket(s, pos, &mut np.qualifiers) {
                        pos = after;
                        continue;
                    }
                }
                break;
            }
            Piece::Word(w, r) => {
                let lw = w.to_lowercase();
                // `Mi 35`, `Su 30MKI`: a designation written with a space,
                // kept as it is written with a hyphen (`mi-35`).
                if let Some((Piece::Word(d, _), after)) =
                    designation_prefix(w).then(|| next_piece(s, pos)).flatten()
                {
                    if d.starts_with(|c: char| c.is_ascii_digit())
                        && designation(&format!("{w}-{d}"))
                    {
                        if let Some((c, _)) = cand.take() {
                            np.qualifiers.push(c.to_lowercase());
                        }
                        np.qualifiers.push(format!("{lw}-{}", d.to_lowercase()));
                        prev_cap = false;
                        pos = after;
                        continue;
                    }
                }
                // `20 Mi-35s`: the designation is what is counted.
                if let Some(stem) = plural_designation(w) {
                    if let Some((c, _)) = cand.take() {
                        np.qualifiers.push(c.to_lowercase());
                    }
                    np.head = Some((stem.to_lowercase(), r.start..r.start + stem.len()));
                    return np;
                }
                if designation(w) {
                    if let Some((c, _)) = cand.take() {
                        np.qualifiers.push(c.to_lowercase());
                    }
                    np.qualifiers.push(lw);
                    prev_cap = false;
                    // `AH-1F/S`: the variants go with it.
                    if let Some(end) = variants_after(s, r.end) {
                        pos = end;
                    }
                    continue;
                }
                if w.chars().any(|c| c.is_ascii_digit()) {
                    break;
                }
                if lw == "of" && cand.is_none() && np.qualifiers.is_empty() && !took_of {
                    took_of = true;
                    // `four of the jets`, `one of Pakistan's ministers`.
                    while let Some((Piece::Word(d, _), after)) = next_piece(s, pos) {
                        let ld = d.to_lowercase();
                        if matches!(
                            ld.as_str(),
                            "the"
                                | "these"
                                | "those"
                                | "its"
                                | "their"
                                | "his"
                                | "her"
                                | "our"
                                | "your"
                                | "my"
                        ) || ld.ends_with("'s")
                            || ld.ends_with("’s")
                        {
                            pos = after;
                        } else {
                            break;
                        }
                    }
                    continue;
                }
                if is_stop(&lw) || lw.ends_with("'s") || lw.ends_with("’s") {
                    break;
                }
                if cand.is_none() && is_skip(&lw) {
                    continue;
                }
                if adjective_like(&lw) && !plural_like(&lw) {
                    if cand.is_some() {
                        // `one helicopter arrived`.
                        break;
                    }
                    continue;
                }
                if let Some((c, _)) = cand.take() {
                    // `Hind E`: capitalized words run together into one name.
                    let cap = c.chars().next().is_some_and(char::is_uppercase);
                    match np.qualifiers.last_mut() {
                        Some(last) if cap && prev_cap => {
                            last.push(' ');
                            last.push_str(&c.to_lowercase());
                        }
                        _ => np.qualifiers.push(c.to_lowercase()),
                    }
                    prev_cap = cap;
                }
                let plural = plural_like(w);
                cand = Some((w, r));
                if plural && value != 1.0 {
                    break;
                }
            }
        }
    }
    np.head = cand.map(|(w, r)| (lemma(w), r));
    np
}

/// Money counts something only in `$5m worth of arms`.
fn worth_of(s: &str, end: usize) -> Np {
    if let Some((Piece::Word(w, _), p1)) = next_piece(s, end) {
        if w.eq_ignore_ascii_case("worth") {
            if let Some((Piece::Word(o, _), p2)) = next_piece(s, p1) {
                if o.eq_ignore_ascii_case("of") {
                    return head_after(s, p2, 2.0);
                }
            }
        }
    }
    Np::default()
}

/// The noun counted by `earlier`, the last mention before this one that
/// counts something specific, else the nearest plural noun before `start`
/// in the sentence.
fn antecedent(
    s: &str,
    start: usize,
    earlier: Option<&QuantityMention>,
    plurals: &mut PluralScan,
) -> Option<(String, Range<usize>)> {
    if let Some(q) = earlier {
        if let (Some(c), Some(r)) = (&q.counted, &q.counted_span) {
            return Some((c.clone(), r.clone()));
        }
    }
    plurals.last_before(s, start).cloned()
}

/// The last plural noun before a place in a sentence, found by one scan
/// that resumes where the previous question left it: the numbers of a
/// sentence come in text order, and rescanning from the start for each one
/// made a sentence of n numbers cost n² (a results table with no full stop
/// took minutes).
#[derive(Default)]
struct PluralScan {
    /// Where the next piece starts.
    pos: usize,
    /// The last plural noun of the pieces that end at or before `pos`.
    best: Option<(String, Range<usize>)>,
}

impl PluralScan {
    /// The last plural noun (lemma and span) among the pieces of `s` that
    /// end at or before `start`.
    fn last_before(&mut self, s: &str, start: usize) -> Option<&(String, Range<usize>)> {
        if start < self.pos {
            // Asked about an earlier place: scan again from the start.
            *self = PluralScan::default();
        }
        while let Some((piece, next)) = next_piece(s, self.pos) {
            if next > start {
                break;
            }
            if let Piece::Word(w, r) = piece {
                let lw = w.to_lowercase();
                let first_upper = w.chars().next().is_some_and(char::is_uppercase);
                if !is_stop(&lw) && !first_upper && plural_like(w) && !adjective_like(&lw) {
                    self.best = Some((lemma(w), r));
                }
            }
            self.pos = next;
        }
        self.best.as_ref()
    }
}

/// Adverbs of state: with them `has` is holding (`already has 30 jets`).
fn is_state_adverb(w: &str) -> bool {
    matches!(w, "already" | "currently" | "now" | "still" | "presently")
}

/// Nouns of a stock: `a fleet of 40`, `in its inventory`.
fn is_stock(w: &str) -> bool {
    matches!(
        w,
        "fleet" | "fleets" | "inventory" | "arsenal" | "stockpile" | "stock" | "stocks"
    )
}

/// Whether the words just before a count (at `start`) make it a holding:
/// a verb of holding (`operates`, `owns`, `already has`) or a stock
/// (`fleet of`), with only adverbs between. A clause boundary (a word
/// ending in punctuation) stops the search.
fn held_before(s: &str, start: usize) -> bool {
    let Some(before) = s.get(..start) else {
        return false;
    };
    let mut words = before.split_whitespace().rev();
    let mut state = false;
    while let Some(w) = words.next() {
        if w.ends_with(|c: char| !c.is_alphanumeric()) {
            return false;
        }
        let lw = super::lowercase(w);
        match &*lw {
            w if is_state_adverb(w) => state = true,
            "also" | "reportedly" | "only" | "just" | "together" | "jointly" => {}
            "operates" | "operate" | "operating" | "owns" | "own" | "owning" | "possesses"
            | "possess" | "possessing" | "maintains" | "maintain" | "maintaining" => {
                return true;
            }
            // `already has 30`, `has currently 30`; not `had 150 passengers`.
            "has" | "have" | "had" | "having" => {
                return state
                    || words
                        .next()
                        .is_some_and(|p| is_state_adverb(&p.to_lowercase()));
            }
            "of" => {
                return words.next().is_some_and(|p| is_stock(&p.to_lowercase()));
            }
            _ => return false,
        }
    }
    false
}

/// Whether the words just before a count (at `start`) make it a
/// capacity, what something can hold rather than what the story counts:
/// `can carry up to eight troops`, `could seat 150 passengers`, `is able
/// to transport 30 tonnes`, `capable of carrying 12 missiles`. Like a
/// holding, a claim that names only the thing does not mean it.
fn capacity_before(s: &str, start: usize) -> bool {
    let Some(before) = s.get(..start) else {
        return false;
    };
    let mut words = before
        .split_whitespace()
        .rev()
        .map(str::to_lowercase)
        .peekable();
    // `up to`, `as many as`, an adverb.
    loop {
        match words.peek().map(String::as_str) {
            Some("to") => {
                words.next();
                if words.next().as_deref() != Some("up") {
                    return false;
                }
            }
            Some("as") => {
                words.next();
                let many = words.next();
                if !matches!(many.as_deref(), Some("many" | "much"))
                    || words.next().as_deref() != Some("as")
                {
                    return false;
                }
            }
            Some("about" | "around" | "roughly" | "nearly" | "almost" | "over" | "some") => {
                words.next();
            }
            _ => break,
        }
    }
    let Some(verb) = words.next() else {
        return false;
    };
    let base = matches!(
        verb.as_str(),
        "carry" | "seat" | "accommodate" | "transport" | "hold" | "ferry" | "lift" | "house"
    );
    let ing = matches!(
        verb.as_str(),
        "carrying"
            | "seating"
            | "accommodating"
            | "transporting"
            | "holding"
            | "ferrying"
            | "lifting"
            | "housing"
    );
    match words.next().as_deref() {
        Some("can" | "could") => base,
        Some("to") => base && words.next().as_deref() == Some("able"),
        Some("of") => ing && words.next().as_deref() == Some("capable"),
        _ => false,
    }
}

/// Whether the words after a count's noun (from `end`) place it in a
/// holding: `in service`, `in operation`, `in its fleet`, `in their
/// possession`, optionally after an adverb of state.
fn held_after(s: &str, end: usize) -> bool {
    let Some(after) = s.get(end..) else {
        return false;
    };
    let mut raw = after.split_whitespace().peekable();
    // The rest of a noun phrase whose head was not found (`40 F-16s`): a
    // few words, none ending in punctuation, then maybe an adverb.
    for _ in 0..3 {
        match raw.peek() {
            Some(x)
                if x.ends_with(char::is_alphanumeric)
                    && !is_stop(&super::lowercase(x))
                    && !is_state_adverb(&super::lowercase(x)) =>
            {
                raw.next();
            }
            _ => break,
        }
    }
    let mut words = raw.map(|w| {
        w.trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let mut w = words.next();
    if w.as_deref().is_some_and(is_state_adverb) {
        w = words.next();
    }
    if w.as_deref() != Some("in") {
        return false;
    }
    match words.next().as_deref() {
        Some("service" | "operation") => true,
        Some("its" | "their" | "the" | "his" | "her" | "our") => words
            .next()
            .is_some_and(|n| is_stock(&n) || matches!(n.as_str(), "service" | "possession")),
        _ => false,
    }
}

/// `rose by 5%`, `fell 2%`, `down 4%`, `an increase of 3 million`.
fn change_before(s: &str, start: usize) -> Option<Change> {
    let before = s.get(..start)?;
    let mut words = before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase());
    let mut w1 = words.next()?;
    if w1 == "by" || w1 == "of" {
        let of = w1 == "of";
        w1 = words.next()?;
        if of {
            return match w1.as_str() {
                "increase" | "rise" | "jump" | "gain" | "growth" | "hike" => Some(Change::Increase),
                "decrease" | "drop" | "decline" | "fall" | "cut" | "reduction" | "loss" => {
                    Some(Change::Decrease)
                }
                _ => None,
            };
        }
    }
    match w1.as_str() {
        "rose" | "rise" | "rises" | "rising" | "risen" | "increased" | "increase" | "increases"
        | "increasing" | "grew" | "grow" | "grows" | "growing" | "grown" | "gained" | "gains"
        | "jumped" | "jumps" | "climbed" | "climbs" | "soared" | "surged" | "up" | "raised"
        | "boosted" | "hiked" | "expanded" => Some(Change::Increase),
        "fell" | "fall" | "falls" | "falling" | "fallen" | "dropped" | "drops" | "declined"
        | "declines" | "decreased" | "decreases" | "down" | "slipped" | "plunged" | "slumped"
        | "shrank" | "shrunk" | "reduced" | "tumbled" | "sank" | "slid" | "dipped" | "lowered" => {
            Some(Change::Decrease)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::number::Bound;

    /// Expected: value, counted, qualifiers, bound, change.
    type Want<'a> = (f64, Option<&'a str>, &'a [&'a str], Bound, Option<Change>);
    type Row<'a> = (f64, Option<&'a str>, Vec<&'a str>, Bound, Option<Change>);

    fn check(sentence: &str, want: &[Want<'_>]) {
        let got = quantities(sentence);
        let got: Vec<Row<'_>> = got
            .iter()
            .map(|q| {
                if let (Some(c), Some(r)) = (&q.counted, &q.counted_span) {
                    // The span points at the word the noun was taken from.
                    assert!(
                        sentence[r.clone()]
                            .to_lowercase()
                            .starts_with(&c[..c.len().min(1)]),
                        "{sentence:?}"
                    );
                }
                (
                    q.amount.value,
                    q.counted.as_deref(),
                    q.qualifiers.iter().map(String::as_str).collect(),
                    q.amount.bound,
                    q.change,
                )
            })
            .collect();
        let want: Vec<Row<'_>> = want
            .iter()
            .map(|(v, c, q, b, ch)| (*v, *c, q.to_vec(), *b, *ch))
            .collect();
        assert_eq!(got, want, "sentence: {sentence:?}");
    }

    #[test]
    fn table() {
        use Bound::*;
        use Change::*;
        let cases: &[(&str, &[Want<'_>])] = &[
            (
                "Moscow agreed to sell four Mi-35 'Hind E' attack helicopters to Islamabad.",
                &[(
                    4.0,
                    Some("helicopter"),
                    &["mi-35", "hind e", "attack"],
                    Exact,
                    None,
                )],
            ),
            (
                "The deal covers four MI-35M ‘Hind E’ combat helicopters.",
                &[(
                    4.0,
                    Some("helicopter"),
                    &["mi-35m", "hind e", "combat"],
                    Exact,
                    None,
                )],
            ),
            // Designations: plural ones are what is counted, variants
            // after a slash go with them, and a tail may hold digits.
            (
                "The army flies around 20 Mi-35s and 139 Mi-17V5 medium-lift helicopters.",
                &[
                    (20.0, Some("mi-35"), &[], Approx, None),
                    (
                        139.0,
                        Some("helicopter"),
                        &["mi-17v5", "medium-lift"],
                        Exact,
                        None,
                    ),
                ],
            ),
            // A bracket after the model that names it again is read
            // through; one that says more ends the noun phrase.
            (
                "Pakistan will buy four Mi-35M (NATO: 'Hind-E') attack helicopters.",
                &[(
                    4.0,
                    Some("helicopter"),
                    &["mi-35m", "hind-e", "attack"],
                    Exact,
                    None,
                )],
            ),
            (
                "Pakistan will buy four Mi-35M (worth $150m in all) helicopters.",
                &[
                    (4.0, None, &["mi-35m"], Exact, None),
                    (150e6, None, &[], Exact, None),
                ],
            ),
            // Models joined by `and` share the noun after the last.
            (
                "India ordered 22 AH-64E Apache and 15 CH-47F Chinook helicopters.",
                &[
                    (22.0, Some("helicopter"), &["ah-64e", "apache"], Exact, None),
                    (
                        15.0,
                        Some("helicopter"),
                        &["ch-47f", "chinook"],
                        Exact,
                        None,
                    ),
                ],
            ),
            (
                "Pakistan ordered two Su-35 and four Mi-35 helicopters.",
                &[
                    (2.0, Some("helicopter"), &["su-35"], Exact, None),
                    (4.0, Some("helicopter"), &["mi-35"], Exact, None),
                ],
            ),
            (
                "It bought 12 tanks and two jets.",
                &[
                    (12.0, Some("tank"), &[], Exact, None),
                    (2.0, Some("jet"), &[], Exact, None),
                ],
            ),
            (
                "It bought 18 F-16s and 40 Su-30MKIs.",
                &[
                    (18.0, Some("f-16"), &[], Exact, None),
                    (40.0, Some("su-30mki"), &[], Exact, None),
                ],
            ),
            (
                "Pakistan flies 38 Bell AH-1F/S Cobra attack helicopters.",
                &[(
                    38.0,
                    Some("helicopter"),
                    &["bell", "ah-1f", "cobra", "attack"],
                    Exact,
                    None,
                )],
            ),
            (
                "The general spent about 15 hours at the show.",
                &[(15.0, Some("hour"), &[], Approx, None)],
            ),
            (
                "He spent about 15 hrs at the expo.",
                &[(15.0, Some("hour"), &[], Approx, None)],
            ),
            // A clock time is no count of hours.
            ("Talks began at 0900 hrs in the capital.", &[]),
            (
                "At least eight other people died.",
                &[(8.0, Some("people"), &[], AtLeast, None)],
            ),
            (
                "The $153m deal was signed on Monday.",
                &[(153e6, None, &[], Exact, None)],
            ),
            (
                "They bought $5m worth of rifles.",
                &[(5e6, Some("rifle"), &[], Exact, None)],
            ),
            (
                "Only four of the jets flew.",
                &[(4.0, Some("jet"), &[], Exact, None)],
            ),
            (
                "One of Pakistan's ministers resigned.",
                &[(1.0, Some("minister"), &[], Exact, None)],
            ),
            (
                "Russia will supply helicopters, four in total.",
                &[(4.0, Some("helicopter"), &[], Exact, None)],
            ),
            (
                "The army ordered 12 tanks, and all four arrived.",
                &[
                    (12.0, Some("tank"), &[], Exact, None),
                    (4.0, Some("tank"), &[], Exact, None),
                ],
            ),
            (
                "The company shipped drones, 4 pieces a month.",
                &[(4.0, Some("drone"), &[], Exact, None)],
            ),
            (
                "Prices rose by 5% last year.",
                &[(5.0, None, &[], Exact, Some(Increase))],
            ),
            (
                "Exports fell 2% in May.",
                &[(2.0, None, &[], Exact, Some(Decrease))],
            ),
            (
                "Sales were down 4% on the year.",
                &[(4.0, None, &[], Exact, Some(Decrease))],
            ),
            (
                "The population increased by 3 million people.",
                &[(3e6, Some("people"), &[], Exact, Some(Increase))],
            ),
            (
                "Two army officers and three children were hurt.",
                &[
                    (2.0, Some("officer"), &["army"], Exact, None),
                    (3.0, Some("child"), &[], Exact, None),
                ],
            ),
            (
                "One helicopter arrived yesterday.",
                &[(1.0, Some("helicopter"), &[], Exact, None)],
            ),
            (
                "Some 200 armed men attacked the post.",
                &[(200.0, Some("man"), &[], Approx, None)],
            ),
            (
                "The five countries signed.",
                &[(5.0, Some("country"), &[], Exact, None)],
            ),
            (
                "It took 3 weeks and 2 buses.",
                &[
                    (3.0, Some("week"), &[], Exact, None),
                    (2.0, Some("bus"), &[], Exact, None),
                ],
            ),
            (
                "He made 6 speeches in 4 churches.",
                &[
                    (6.0, Some("speech"), &[], Exact, None),
                    (4.0, Some("church"), &[], Exact, None),
                ],
            ),
            (
                "a 10-year contract",
                &[(10.0, Some("year"), &[], Exact, None)],
            ),
            (
                "Turnout was 15 per cent.",
                &[(15.0, None, &[], Exact, None)],
            ),
            // A designation written with a space is one qualifier, written
            // as with a hyphen; so is one that opens with digits.
            (
                "Russia will sell four Mi 35 helicopters and two Su 30MKI jets.",
                &[
                    (4.0, Some("helicopter"), &["mi-35"], Exact, None),
                    (2.0, Some("jet"), &["su-30mki"], Exact, None),
                ],
            ),
            (
                "The deal covers four Mi 35M 'Hind E' helicopters.",
                &[(4.0, Some("helicopter"), &["mi-35m", "hind e"], Exact, None)],
            ),
            (
                "It fired two 9M120 Ataka missiles.",
                &[(2.0, Some("missile"), &["9m120", "ataka"], Exact, None)],
            ),
            // Letters that name no model keep the noun after them.
            (
                "Pakistan ordered 20 Tu tanks.",
                &[(20.0, Some("tank"), &["tu"], Exact, None)],
            ),
            // Not quantities at all.
            ("The Mi 35 helicopter first flew in 1972.", &[]),
            ("The 9M120 missile was shown.", &[]),
            ("The Mi-35 helicopter first flew in 1972.", &[]),
            ("It was signed on August 20, 2015 in Rawalpindi.", &[]),
            ("Pakistan has a number of Mi-17 helicopters.", &[]),
            ("Several F-16 jets were there for the first time.", &[]),
        ];
        for (s, want) in cases {
            check(s, want);
        }
    }

    /// Counts of what someone holds, and counts that only look like them.
    #[test]
    fn held_counts() {
        let cases: &[(&str, &[bool])] = &[
            ("Pakistan already operates 30 Mi-17 helicopters.", &[true]),
            (
                "Pakistan currently operates 20 to 25 Mi-17 transport helicopters, most of them supplied by the U.S.",
                &[true],
            ),
            ("The army has a fleet of 40 Cobra helicopters.", &[true]),
            ("The navy owns about 12 frigates.", &[true]),
            ("India already has 272 Su-30 jets.", &[true]),
            ("The air force has 40 F-16s in service.", &[true]),
            ("It keeps 300 tanks in its inventory.", &[true]),
            ("Some 90 warheads remain in their arsenal.", &[true]),
            // The story's own counts.
            (
                "Pakistan and Russia signed a deal that includes the sale of six Mi-35 'Hind E' attack helicopters.",
                &[false],
            ),
            (
                "Pakistan has agreed to buy four Mi-35 attack helicopters.",
                &[false],
            ),
            ("The plane had 150 passengers on board.", &[false]),
            ("The attack has killed 8 people.", &[false]),
            ("Russia will deliver four helicopters in 2017.", &[false]),
            // A money amount is not a count.
            ("The group owns $5m in property.", &[false]),
            // A clause boundary between the verb and the number.
            ("The army, which operates, bought 12 tanks.", &[false]),
            (
                "The air force bought 40 F-16s, in service since 2010.",
                &[false],
            ),
            // A capacity is held too: no count of the story.
            (
                "The Mi-35 can carry up to eight troops in its cabin.",
                &[true],
            ),
            ("The jet could seat as many as 150 passengers.", &[true]),
            ("The ship is able to transport 30 tanks.", &[true]),
            ("It is capable of carrying 12 missiles.", &[true]),
            (
                "The helicopters will carry eight troops into the valley.",
                &[false],
            ),
            ("Police said they can confirm 12 deaths.", &[false]),
            // The second of a pair joined to a held count is held too.
            (
                "The army operates some 40 Cobra helicopters and more than 30 Mi-17 transport helicopters.",
                &[true, true],
            ),
            (
                "The army operates 40 Cobra helicopters and will buy four Mi-35s.",
                &[true, false],
            ),
            (
                "Pakistan bought 12 tanks and the army operates 40 Cobra helicopters and 30 Mi-17s.",
                &[false, true, true],
            ),
        ];
        for (s, want) in cases {
            let got: Vec<bool> = quantities(s).iter().map(|q| q.held).collect();
            assert_eq!(&got, want, "{s}");
        }
    }

    #[test]
    fn lemmas() {
        let cases = [
            ("helicopters", "helicopter"),
            ("Helicopters", "helicopter"),
            ("people", "people"),
            ("countries", "country"),
            ("classes", "class"),
            ("boxes", "box"),
            ("churches", "church"),
            ("bushes", "bush"),
            ("cases", "case"),
            ("men", "man"),
            ("crises", "crisis"),
            ("bus", "bus"),
            ("hour", "hour"),
            ("aircraft", "aircraft"),
            ("MPs", "mp"),
            ("NGOs", "ngo"),
            // Abbreviated units are the nouns they stand for.
            ("hrs", "hour"),
            ("yrs", "year"),
            ("km", "kilometre"),
        ];
        for (w, want) in cases {
            assert_eq!(lemma(w), want, "{w}");
        }
    }
}
