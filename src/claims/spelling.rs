//! British and American spellings of one word compared as one.
//!
//! Outlets spell by house style: Dawn writes `defence minister`, an American
//! wire `defense minister`; a claim may be written in either. Matching
//! compares words after [`super::normalize_term`], which folds the British
//! spelling of a closed list of words (and their inflections) into the
//! American one, so both sides of every comparison are folded alike. Only
//! comparisons see the folded form: facts are shown as the source spells
//! them.
//!
//! The list is closed on purpose: a suffix rule (`-our` → `-or`, `-ise` →
//! `-ize`) would fold `four`, `hour`, `rise`, `wise` and `premise`.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Stems whose British `-our` forms are American `-or` (`honour`,
/// `honoured`, `honourable`, `favourite`, `neighbourhood`).
const OUR_STEMS: &[&str] = &[
    "arm", "behavi", "cand", "clam", "col", "demean", "dishon", "endeav", "fav", "flav", "harb",
    "hon", "hum", "lab", "neighb", "od", "parl", "rig", "rum", "sav", "savi", "splend", "tum",
    "val", "vap", "vig",
];

const OUR_SUFFIXES: &[&str] = &[
    "", "s", "ed", "ing", "able", "ably", "er", "ers", "ite", "ites", "ful", "less", "hood",
    "hoods", "ly",
];

/// Stems whose British `-ise` / `-isation` forms are American `-ize` /
/// `-ization` (`organise`, `organisation`, `modernised`).
const ISE_STEMS: &[&str] = &[
    "agon",
    "antagon",
    "apolog",
    "author",
    "capital",
    "categor",
    "central",
    "character",
    "civil",
    "colon",
    "commercial",
    "critic",
    "decentral",
    "demilitar",
    "democrat",
    "destabil",
    "digit",
    "econom",
    "emphas",
    "energ",
    "equal",
    "familiar",
    "fantas",
    "fertil",
    "final",
    "formal",
    "global",
    "harmon",
    "hospital",
    "immun",
    "industrial",
    "initial",
    "internal",
    "legal",
    "legitim",
    "liberal",
    "local",
    "marginal",
    "maxim",
    "memor",
    "militar",
    "minim",
    "mobil",
    "modern",
    "monopol",
    "national",
    "neutral",
    "normal",
    "optim",
    "organ",
    "penal",
    "personal",
    "polar",
    "popular",
    "priorit",
    "privat",
    "public",
    "radical",
    "rational",
    "real",
    "recogn",
    "regular",
    "revital",
    "revolution",
    "sanit",
    "scandal",
    "scrutin",
    "social",
    "special",
    "stabil",
    "standard",
    "steril",
    "subsid",
    "summar",
    "symbol",
    "sympath",
    "synchron",
    "terror",
    "theor",
    "trivial",
    "union",
    "urban",
    "util",
    "visual",
    "vocal",
    "weapon",
    "western",
];

const ISE_SUFFIXES: &[(&str, &str)] = &[
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("isation", "ization"),
    ("isations", "izations"),
];

/// Stems whose British `-re` forms are American `-er` (`centre`,
/// `centred`, `kilometres`).
const RE_STEMS: &[&str] = &[
    "calib", "cent", "centimet", "fib", "kilomet", "lit", "lust", "meag", "met", "millimet", "sab",
    "somb", "spect", "theat",
];

const RE_SUFFIXES: &[(&str, &str)] = &[("re", "er"), ("res", "ers"), ("red", "ered")];

/// Every other pair, each inflection spelled out.
const PAIRS: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("defences", "defenses"),
    ("defenceless", "defenseless"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("pretence", "pretense"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("practises", "practices"),
    ("practising", "practicing"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("grey", "gray"),
    ("aluminium", "aluminum"),
    ("sceptic", "skeptic"),
    ("sceptics", "skeptics"),
    ("sceptical", "skeptical"),
    ("scepticism", "skepticism"),
    ("judgement", "judgment"),
    ("judgements", "judgments"),
    ("acknowledgement", "acknowledgment"),
    ("ageing", "aging"),
    ("analyse", "analyze"),
    ("analysed", "analyzed"),
    ("analysing", "analyzing"),
    ("paralyse", "paralyze"),
    ("paralysed", "paralyzed"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("manoeuvred", "maneuvered"),
    ("manoeuvring", "maneuvering"),
    ("paediatric", "pediatric"),
    ("anaesthetic", "anesthetic"),
    ("foetus", "fetus"),
    ("haemorrhage", "hemorrhage"),
    ("leukaemia", "leukemia"),
    ("diarrhoea", "diarrhea"),
    ("jewellery", "jewelry"),
    ("enrol", "enroll"),
    ("enrolment", "enrollment"),
    ("fulfil", "fulfill"),
    ("fulfils", "fulfills"),
    ("fulfilment", "fulfillment"),
    ("instalment", "installment"),
    ("skilful", "skillful"),
    ("wilful", "willful"),
    ("marvellous", "marvelous"),
    ("counsellor", "counselor"),
    ("counsellors", "counselors"),
    ("traveller", "traveler"),
    ("travellers", "travelers"),
];

/// Verbs that double their final `l` in British inflections (`travelled`,
/// `cancelling`).
const LL_VERBS: &[&str] = &[
    "cancel", "channel", "counsel", "fuel", "label", "level", "marshal", "marvel", "model",
    "quarrel", "signal", "total", "travel",
];

static TABLE: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut t: HashMap<String, String> = HashMap::new();
    for stem in OUR_STEMS {
        for suffix in OUR_SUFFIXES {
            t.insert(format!("{stem}our{suffix}"), format!("{stem}or{suffix}"));
        }
    }
    for stem in ISE_STEMS {
        for (brit, us) in ISE_SUFFIXES {
            t.insert(format!("{stem}{brit}"), format!("{stem}{us}"));
        }
    }
    for stem in RE_STEMS {
        for (brit, us) in RE_SUFFIXES {
            t.insert(format!("{stem}{brit}"), format!("{stem}{us}"));
        }
    }
    for verb in LL_VERBS {
        for suffix in ["ed", "ing"] {
            t.insert(format!("{verb}l{suffix}"), format!("{verb}{suffix}"));
        }
    }
    for (brit, us) in PAIRS {
        t.insert((*brit).to_string(), (*us).to_string());
    }
    t
});

/// A 16-bit sketch of every word in the table (its length, first two and
/// last two bytes): a word whose sketch is not among them is not looked up.
/// English words end in `-ed`, `-er` and `-ing` as often as the table's do;
/// with their starts and lengths too, about one word in thirty is looked
/// up.
static SKETCHES: LazyLock<Box<[u64; 1024]>> = LazyLock::new(|| {
    let mut bits = Box::new([0u64; 1024]);
    for k in TABLE.keys() {
        let i = sketch(k.as_bytes());
        bits[i / 64] |= 1 << (i % 64);
    }
    bits
});

/// The sketch of a word of at least two bytes (see [`SKETCHES`]).
fn sketch(w: &[u8]) -> usize {
    let n = w.len();
    let mixed = (u32::from(w[0]) << 24 | u32::from(w[1]) << 16)
        ^ (u32::from(w[n - 2]) << 8 | u32::from(w[n - 1]))
        ^ (n as u32).wrapping_mul(0x9e37_79b9);
    (mixed.wrapping_mul(0x85eb_ca6b) >> 16) as usize
}

/// The American spelling of a normalized word, when it is a British one
/// (`sketches` is [`SKETCHES`], dereferenced once by the caller).
#[inline]
fn american(w: &str, sketches: &[u64; 1024]) -> Option<&'static str> {
    // No table word is shorter. Most words have a sketch no table word
    // has: only the others are looked up.
    if w.len() < 4 {
        return None;
    }
    let i = sketch(w.as_bytes());
    if sketches[i / 64] & (1 << (i % 64)) == 0 {
        return None;
    }
    TABLE.get(w).map(String::as_str)
}

/// Folds the British spellings among the words of `s` (normalized: words
/// separated by one space; parts of hyphenated words count as words) into
/// American ones, in place. Every term compared goes through here (every
/// word of a source's sentences, one at a time, when a claims file has
/// mention claims), so `s` is rebuilt only when one of its words folds.
pub(super) fn fold(s: &mut String) {
    if s.len() < 4 {
        return;
    }
    let sketches: &[u64; 1024] = &SKETCHES;
    // One word, the common case (a source's words are folded one by one):
    // looked up whole, with none of the splitting below.
    if !s.bytes().any(|b| b == b' ' || b == b'-') {
        if let Some(us) = american(s, sketches) {
            s.replace_range(.., us);
        }
        return;
    }
    let may_fold = |w: &str| american(w, sketches).is_some();
    // Words found by the spaces between them (a fast search), their parts
    // by hyphens only in the few words that have one.
    let mut first = None;
    let mut at = 0;
    for w in s.split(' ') {
        let part = if w.contains('-') {
            let mut part_at = at;
            w.split('-').find_map(|p| {
                let found = may_fold(p).then_some(part_at);
                part_at += p.len() + 1;
                found
            })
        } else {
            may_fold(w).then_some(at)
        };
        if part.is_some() {
            first = part;
            break;
        }
        at += w.len() + 1;
    }
    let Some(first) = first else {
        return;
    };
    let mut out = String::with_capacity(s.len() + 4);
    out.push_str(&s[..first]);
    let mut start = first;
    for (i, c) in s[first..]
        .char_indices()
        .map(|(i, c)| (first + i, c))
        .chain(std::iter::once((s.len(), ' ')))
    {
        if c == ' ' || c == '-' {
            let w = &s[start..i];
            out.push_str(american(w, sketches).unwrap_or(w));
            if i < s.len() {
                out.push(c);
            }
            start = i + c.len_utf8();
        }
    }
    *s = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        let mut s = s.to_string();
        fold(&mut s);
        s
    }

    /// The sketches never turn away a word of the table, alone or among
    /// others.
    #[test]
    fn every_word_of_the_table_folds() {
        for (brit, us) in TABLE.iter() {
            assert_eq!(folded(brit), *us);
            assert_eq!(folded(&format!("the {brit}-led")), format!("the {us}-led"));
        }
    }

    #[test]
    fn british_spellings_fold_into_american_ones() {
        let cases = [
            ("defence minister", "defense minister"),
            ("the defence deal", "the defense deal"),
            ("honourable member", "honorable member"),
            ("neighbouring countries", "neighboring countries"),
            ("organisation", "organization"),
            ("a modernised version", "a modernized version"),
            ("city centre", "city center"),
            ("centre-left party", "center-left party"),
            ("they travelled far", "they traveled far"),
            ("programme", "program"),
        ];
        for (brit, us) in cases {
            assert_eq!(folded(brit), us, "{brit}");
            assert_eq!(folded(us), us, "{us}");
        }
    }

    #[test]
    fn look_alikes_are_left_alone() {
        for s in [
            "four hours",
            "our tour",
            "the rise",
            "wise premise",
            "exercise",
            "enterprise",
            "compromise",
            "surprise",
            "advise",
            "more",
            "are",
            "fire",
            "a b",
        ] {
            assert_eq!(folded(s), s, "{s}");
        }
    }
}
