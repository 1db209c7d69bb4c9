//! The whole pipeline never panics, whatever the text: deterministic
//! pseudo-random articles built from news-like pieces and odd characters.

use claimcheck::{Analysis, ClaimSet, Published, Source, verify};

const PIECES: &[&str] = &[
    "Pakistan",
    "Russia",
    " signed ",
    " on Wednesday",
    "four",
    "Mi-35",
    " 'Hind E' ",
    "\u{201c}",
    "\u{201d}",
    "\"",
    "'",
    ",",
    ".",
    ". ",
    "? ",
    "!",
    ":",
    "ISLAMABAD: ",
    "\n",
    "\r\n",
    "\n\n",
    " ",
    "\u{a0}",
    "\t",
    "$153m",
    "15%",
    "about",
    "at least",
    "Gen.",
    "U.S.",
    "Mr. ",
    "said",
    " told ",
    "Read more: ",
    "Follow us",
    "(R)",
    "RTX1JW5P",
    "July 10, 2015",
    "late last year",
    "2015-08-19",
    "é",
    "\u{feff}",
    "\u{200b}",
    "\u{2026}",
    "—",
    "-",
    "0",
    "1,000",
    "CEO of Rostec, ",
    "Sergey Chemezov",
    " a former diplomat",
    " in Rawalpindi",
    " did not ",
    " will ",
    "(",
    ")",
    "\u{1f600}",
    "\u{0301}",
    "ß",
    "İ",
    "\u{2028}",
    "according to ",
    " the WSJ quoted ",
    "Q2 2015",
    "½",
    "3/4",
];

fn article(seed: u64, len: usize) -> String {
    let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut out = String::new();
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.push_str(PIECES[(x % PIECES.len() as u64) as usize]);
    }
    out
}

#[test]
fn random_articles_do_not_panic() {
    let claims = ClaimSet::from_toml(
        "t.toml",
        "[claims]\na = \"helicopter count = 4\"\nb = \"signed in Rawalpindi\"\nc = \"signed on Wednesday\"\n\
         d = \"Sergey Chemezov is CEO of Rostec\"\ne = 'Zafar Hilaly said \"client state\"'\nf = \"mentions Rostec\"\n\
         g = \"Pakistan did not sign the deal\"\nh = \"deal value = $153m\"\n",
    )
    .unwrap();
    for seed in 0..300u64 {
        let published = if seed % 2 == 0 {
            Published::Unknown
        } else {
            Published::On("2015-08-20".parse().unwrap())
        };
        let text = article(seed, 64 + (seed as usize % 7) * 300);
        let a = Analysis::of(&Source::from_string("r", published, text.clone()));
        for s in a.text.sentences() {
            assert!(s.span.start <= s.span.end && s.span.end <= a.text.as_str().len());
        }
        for f in a.facts.iter() {
            assert!(
                a.text.as_str().is_char_boundary(f.span.start)
                    && a.text.as_str().is_char_boundary(f.span.end)
            );
            let _ = a.text.line_col(f.span.start);
        }
        let out = verify(&claims, &[a]);
        assert_eq!(out.outcomes.len(), 8, "seed {seed}");
    }
}
