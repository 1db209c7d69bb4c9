use super::*;

fn text(s: &str) -> Text {
    normalize_str(SourceId::new("t"), None, s)
}

fn kinds(s: &str) -> Vec<(ParagraphKind, String)> {
    let t = text(s);
    t.paragraphs()
        .iter()
        .map(|p| (p.kind, t.slice(p.span).to_string()))
        .collect()
}

const ARTICLE: &str = "Pakistan, Russia sign landmark defence deal\n\
ISLAMABAD: Pakistan and Russia on Wednesday signed a landmark defence deal that includes the sale of four helicopters.\n\
\u{201c}The agreement was signed in Rawalpindi,\u{201d} said a military source.\n\
Read more: Russian minister arrives in Pakistan\n\
Both countries were negotiating the deal for the past year.\n";

#[test]
fn paragraph_kinds() {
    use ParagraphKind::*;
    let cases: &[(&str, &[ParagraphKind])] = &[
        (ARTICLE, &[Heading, Body, Body, Boilerplate, Body]),
        (
            "RTX1JW5P\nPresident Putin (R) shakes hands in Ufa. Reuters/Photohost\n\nThe deal was signed.",
            &[PhotoCode, Caption, Body],
        ),
        (
            "The deal was signed.\nFollow us on Twitter\nShare this article\nAdvertisement\nContact the writer at x@y.com.",
            &[Body, Boilerplate, Boilerplate, Boilerplate, Boilerplate],
        ),
        (
            "https://example.com/a\nThe deal was signed.",
            &[Boilerplate, Body],
        ),
        // Captions in the wires' styles: a file-photo mark, a sentence
        // about the picture, a photographer's credit.
        (
            "The deal was signed.\nFILE - In this Aug. 12, 2015 photo, a Russian Mi-35 helicopter flies over Moscow. (AP Photo/Ivan Sekretarev, File)\nIt was sold.",
            &[Body, Caption, Body],
        ),
        (
            "The deal was signed.\nIn this photo released by the army, soldiers stand guard.\nFour Mi-35 helicopters fly over Rawalpindi. (Reuters/Faisal Mahmood)\nPakistani soldiers stand guard. Photo: AFP",
            &[Body, Caption, Caption, Caption],
        ),
        // An editor's correction note states what the story wrongly said;
        // a time stamp alone on its line is page furniture.
        (
            "The deal covers four helicopters.\nCorrection: An earlier version of this story said five helicopters.\nAn earlier version of this article misstated the place.\n(This story has been corrected to show the deal was signed on Wednesday.)\nEditor's note: This story was updated.",
            &[Body, Correction, Correction, Correction, Correction],
        ),
        (
            "Updated August 21, 2015 10:30pm\nThe deal was signed.\nLast updated: 21 Aug 2015\nPublished on Thursday 20 August 2015\nUpdated: Aug. 21, 2015 09:14 PKT",
            &[Boilerplate, Body, Boilerplate, Boilerplate, Boilerplate],
        ),
        // A list of links after a header alone on its line: each
        // headline is boilerplate, set line by line or between blank
        // lines, up to what is not a headline or is set otherwise.
        (
            "The deal was signed.\nRelated:\nPakistan signs deal for eight jets\nIndia to buy 12 drones from Israel\nThe talks ended on Friday.",
            &[Body, Boilerplate, Boilerplate, Boilerplate, Body],
        ),
        (
            "The deal was signed.\n\nRead more:\n\nPakistan signs deal for eight jets\n\nIndia to buy 12 drones from Israel\n\nThe talks ended on Friday.",
            &[Body, Boilerplate, Boilerplate, Boilerplate, Body],
        ),
        (
            "The deal was signed.\nALSO READ\n- Army chief meets Russian commander\n- Pak-Russia ties entering a new era: FO\n\nTalks in Moscow\nThe talks ended.",
            &[Body, Boilerplate, Boilerplate, Boilerplate, Heading, Body],
        ),
        (
            "Related Topics\nPakistan\nRussia\n\nMore on this story:\nWhy is Pakistan cosying up to Russia?",
            &[Boilerplate, Boilerplate, Boilerplate, Boilerplate, Body],
        ),
        // A link on the header's line, then more headlines line by line.
        (
            "The deal was signed.\nRelated: Pakistan signs deal for eight jets\nIndia to buy 12 drones from Israel\nChina tests new missile\nThe talks ended on Friday.",
            &[Body, Boilerplate, Boilerplate, Boilerplate, Body],
        ),
        // Not a list: a link given on its line (then a subheading, or one
        // set apart), a header before prose, words that only open like a
        // header.
        (
            "Read more: Minister in Pakistan\n\nTalks in Moscow\nTalks in Kabul\nThe talks ended.",
            &[Boilerplate, Heading, Heading, Body],
        ),
        (
            "Read more: Minister in Pakistan\nTalks in Moscow\nThe talks ended.",
            &[Boilerplate, Heading, Body],
        ),
        (
            "Related:\nThe deal was signed in Rawalpindi, officials said.\nTalks in Moscow",
            &[Boilerplate, Body, Heading],
        ),
        (
            "More helicopters\n\nRelated to the deal, Russia lifted its embargo.\n\nRead more about the deal\n\nTalks in Moscow",
            &[Heading, Body, Heading, Heading],
        ),
        // Body text that only looks like one.
        (
            "In this picture-perfect town, the deal was signed.\nIn this case, the photo was not taken.\nSpeeds reached 300 km/h on the track.\nUpdated figures published on Monday show 300 deaths.\nThe correction of prices in 2015 was sharp.\nAn earlier version of the deal covered five helicopters.\nPublished on Monday, the report says 300 died.",
            &[Body, Body, Body, Body, Body, Body, Body],
        ),
    ];
    for (input, want) in cases {
        let got: Vec<ParagraphKind> = kinds(input).into_iter().map(|(k, _)| k).collect();
        assert_eq!(&got, want, "{input}");
    }
}

#[test]
fn dateline_is_split_off() {
    for (input, place, first) in [
        (ARTICLE, "ISLAMABAD", "Pakistan and Russia on Wednesday"),
        (
            "MOSCOW (Reuters) - Russia said on Monday it would sell jets.",
            "MOSCOW",
            "Russia said",
        ),
        (
            "NEW DELHI, Aug 20 (Reuters) - India bought two ships.",
            "NEW DELHI",
            "India bought",
        ),
    ] {
        let t = text(input);
        let p = t
            .paragraphs()
            .iter()
            .find(|p| p.dateline.is_some())
            .expect("a dateline");
        assert_eq!(t.slice(p.dateline.unwrap()), place);
        let s = t
            .sentences()
            .iter()
            .find(|s| s.paragraph == t.paragraphs().iter().position(|q| q == p).unwrap())
            .unwrap();
        assert!(t.slice(s.span).starts_with(first), "{}", t.slice(s.span));
    }
    // No dateline in ordinary sentences that start with a capitalised word.
    assert!(
        text("Officials said: the deal is done.").paragraphs()[0]
            .dateline
            .is_none()
    );
}

/// The dateline forms of other outlets: the place (every place of
/// `ISLAMABAD/MOSCOW`), and the story's first words after it.
#[test]
fn dateline_forms() {
    for (input, place, first) in [
        // Indian press: city, date, colon.
        (
            "NEW DELHI, August 21, 2015: Russia's decision marks a break.",
            "NEW DELHI",
            "Russia's decision",
        ),
        // TASS.
        (
            "MOSCOW, August 20. /TASS/. Russia and Pakistan have signed a contract.",
            "MOSCOW",
            "Russia and Pakistan",
        ),
        (
            "ISLAMABAD/MOSCOW (Reuters) - Pakistan has agreed to buy four helicopters.",
            "ISLAMABAD/MOSCOW",
            "Pakistan has agreed",
        ),
        (
            "WASHINGTON, Aug 20 (Reuters) - The talks ended.",
            "WASHINGTON",
            "The talks",
        ),
        (
            "RAWALPINDI, Pakistan (AP) \u{2014} Pakistan and Russia signed a deal.",
            "RAWALPINDI",
            "Pakistan and Russia",
        ),
        ("LONDON \u{2014} The talks ended.", "LONDON", "The talks"),
        (
            "BEIJING, Aug. 20 (Xinhua) -- China said it was ready.",
            "BEIJING",
            "China said",
        ),
        (
            "WASHINGTON, D.C. \u{2014} The talks ended.",
            "WASHINGTON",
            "The talks",
        ),
        // Title case only with a date: the wire services of South Asia.
        (
            "New Delhi, Aug 21 (PTI) The government said it was ready.",
            "New Delhi",
            "The government",
        ),
        (
            "Karachi, 20 August 2015: The deal was signed.",
            "Karachi",
            "The deal",
        ),
    ] {
        let t = text(&format!("Headline of the story\n{input}"));
        let p = &t.paragraphs()[1];
        let d = p
            .dateline
            .unwrap_or_else(|| panic!("no dateline in {input:?}"));
        assert_eq!(t.slice(d), place, "{input}");
        let s = t.sentences().iter().find(|s| s.paragraph == 1).unwrap();
        assert!(t.slice(s.span).starts_with(first), "{}", t.slice(s.span));
    }
    // A dateline alone on its line, before the story: no sentence of its
    // own (its date is the filing date, not the story's).
    let t =
        text("Headline of the story\nNEW DELHI, August 21, 2015\nRussia sold four helicopters.");
    assert_eq!(t.slice(t.paragraphs()[1].dateline.unwrap()), "NEW DELHI");
    assert!(t.sentences().iter().all(|s| s.paragraph != 1));
    // Ordinary sentences that start with a place and a comma, or with a
    // capitalised word and a colon or dash, are not datelines.
    for input in [
        "Moscow, which has armed India for decades, said nothing.",
        "Moscow, Russia's capital, hosted the talks.",
        "Islamabad, Rawalpindi and Lahore - the three cities - were closed.",
        "NATO, the alliance - which met on Monday - said nothing.",
        "NATO (North Atlantic Treaty Organization) said nothing.",
        "Moscow, August 20 was the day the deal was signed.",
        "PAKISTAN, RUSSIA SIGN DEAL",
    ] {
        let t = text(&format!("Headline of the story\n{input}"));
        assert!(
            t.paragraphs().iter().all(|p| p.dateline.is_none()),
            "{input}"
        );
    }
}

/// Datelines whose place is spelt with letters beyond ASCII are found as
/// others are (by the Unicode form of the pattern).
#[test]
fn datelines_beyond_ascii() {
    for (input, place) in [
        (
            "S\u{c3}O PAULO (Reuters) - Brazil bought two jets.",
            "S\u{c3}O PAULO",
        ),
        (
            "Z\u{dc}RICH, Aug 20 (Reuters) - The talks ended.",
            "Z\u{dc}RICH",
        ),
        (
            "Qu\u{e9}bec, Aug 21 (CP) The province said it was ready.",
            "Qu\u{e9}bec",
        ),
        ("M\u{dc}NCHEN, 20 August 2015", "M\u{dc}NCHEN"),
    ] {
        let t = text(&format!(
            "Headline of the story\n{input}\nThe story goes on."
        ));
        let d = t.paragraphs()[1]
            .dateline
            .unwrap_or_else(|| panic!("no dateline in {input:?}"));
        assert_eq!(t.slice(d), place, "{input}");
    }
}

/// The ASCII form of each dateline pattern matches as the Unicode form on
/// every text that [`super::ascii_will_do`] gives to it, and the texts it
/// refuses are those with a letter or digit beyond ASCII where a match
/// could reach.
#[test]
fn ascii_dateline_patterns_match_as_unicode_ones() {
    use super::{ascii_classes, ascii_will_do, dateline_alone_pattern, dateline_pattern};
    let texts = [
        "ISLAMABAD: Pakistan and Russia on Wednesday signed a deal.",
        "ISLAMABAD/MOSCOW (Reuters) - Pakistan has agreed to buy four helicopters.",
        "NEW DELHI, August 21, 2015: Russia's decision marks a break.",
        "MOSCOW, August 20. /TASS/. Russia and Pakistan have signed a contract.",
        "RAWALPINDI, Pakistan (AP) \u{2014} Pakistan and Russia signed a deal.",
        "BEIJING, Aug. 20 (Xinhua) -- China said it was ready.",
        "WASHINGTON, D.C. \u{2014} The talks ended.",
        "New Delhi, Aug 21 (PTI) The government said it was ready.",
        "Karachi, 20 August 2015: The deal was signed.",
        "NEW DELHI, August 21, 2015",
        "ST. LOUIS, Mo. (AP) - A storm hit.",
        "Moscow, which has armed India for decades, said nothing.",
        "NATO (North Atlantic Treaty Organization) said nothing.",
        "PAKISTAN, RUSSIA SIGN DEAL",
        "Officials said: the deal is done.",
        "LONDON \u{2014} \u{201c}We are ready,\u{201d} he said in Z\u{fc}rich.",
        "",
    ];
    for pattern in [dateline_pattern(), dateline_alone_pattern()] {
        let unicode = regex::Regex::new(&pattern).unwrap();
        let ascii = regex::Regex::new(&ascii_classes(&pattern)).unwrap();
        assert!(!ascii_classes(&pattern).contains(r"\p"), "{pattern}");
        for t in texts {
            assert!(ascii_will_do(t), "{t}");
            let found = |r: &regex::Regex| {
                r.captures(t)
                    .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect::<Vec<_>>())
            };
            assert_eq!(found(&ascii), found(&unicode), "{t}");
        }
    }
    for t in [
        "S\u{c3}O PAULO (Reuters) - Brazil bought two jets.",
        "Qu\u{e9}bec, Aug 21 (CP) The province said it was ready.",
        "CAIRO, Aug \u{661}\u{662} (Reuters) - The talks ended.",
    ] {
        assert!(!ascii_will_do(t), "{t}");
    }
}

/// Cosmetic edits that must not change the canonical content.
fn cosmetic_variants(s: &str) -> Vec<(&'static str, String)> {
    vec![
        ("crlf", s.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{s}")),
        ("blank lines", s.replace('\n', "\n\n")),
        ("trailing spaces", s.replace('\n', "  \n")),
        ("double spaces", s.replace(' ', "  ")),
        ("nbsp", s.replacen(' ', "\u{a0}", 5)),
        ("straight quotes", s.replace(['\u{201c}', '\u{201d}'], "\"")),
        ("rewrap 60", rewrap(s, 60)),
        (
            "rewrap 72 with blank lines",
            rewrap(s, 72).replace("\n\n", "\n\n\n"),
        ),
        (
            "boilerplate added",
            s.replace("\nBoth", "\nFollow us on Facebook\nAdvertisement\nBoth"),
        ),
    ]
}

/// Hard-wraps every paragraph at `width` columns, separating paragraphs by a
/// blank line (as a wire service or email would).
fn rewrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    for para in s.lines().filter(|l| !l.trim().is_empty()) {
        let mut line = String::new();
        for w in para.split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + w.chars().count() > width {
                out.push_str(&line);
                out.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(w);
        }
        out.push_str(&line);
        out.push_str("\n\n");
    }
    out
}

#[test]
fn cosmetic_edits_keep_content() {
    let base = text(ARTICLE).content();
    for (name, variant) in cosmetic_variants(ARTICLE) {
        assert_eq!(text(&variant).content(), base, "{name}:\n{variant}");
    }
}

/// A list of links in a hard-wrapped story: its headlines are not joined
/// into one paragraph, and are boilerplate however the story is set.
#[test]
fn link_lists_stand_apart_in_wrapped_text() {
    let article = "ISLAMABAD: Pakistan and Russia on Wednesday signed a landmark defence deal that includes the sale of four helicopters.\n\
Related:\n\
Pakistan signs deal with China for eight new fighter jets\n\
India to buy 12 drones from Israel in $400m agreement\n\
China tests new missile in Xinjiang\n\
Both countries were negotiating the deal for the past year, officials said.\n";
    let wrapped = "ISLAMABAD: Pakistan and Russia on Wednesday signed a\n\
landmark defence deal that includes the sale of four\n\
helicopters.\n\
\n\
Related:\n\
Pakistan signs deal with China for eight new fighter jets\n\
India to buy 12 drones from Israel in $400m agreement\n\
China tests new missile in Xinjiang\n\
\n\
Both countries were negotiating the deal for the past\n\
year, officials said.\n";
    let t = text(wrapped);
    let got: Vec<(ParagraphKind, &str)> = t
        .paragraphs()
        .iter()
        .map(|p| (p.kind, t.slice(p.span)))
        .collect();
    use ParagraphKind::*;
    assert_eq!(
        got,
        [
            (
                Body,
                "ISLAMABAD: Pakistan and Russia on Wednesday signed a landmark defence deal that includes the sale of four helicopters."
            ),
            (Boilerplate, "Related:"),
            (
                Boilerplate,
                "Pakistan signs deal with China for eight new fighter jets"
            ),
            (
                Boilerplate,
                "India to buy 12 drones from Israel in $400m agreement"
            ),
            (Boilerplate, "China tests new missile in Xinjiang"),
            (
                Body,
                "Both countries were negotiating the deal for the past year, officials said."
            ),
        ]
    );
    let base = text(article).content();
    assert!(!base.contains("drones"), "{base}");
    for (name, variant) in cosmetic_variants(article) {
        assert_eq!(text(&variant).content(), base, "{name}:\n{variant}");
    }
}

#[test]
fn rewrapped_paragraphs_join_without_blank_lines() {
    // Wrapped at 50 columns with no blank lines between paragraphs: the
    // short last line of each paragraph ends it.
    let wrapped = rewrap(ARTICLE, 50).replace("\n\n", "\n");
    assert_eq!(
        text(&wrapped).content(),
        text(ARTICLE).content(),
        "{wrapped}"
    );
}

#[test]
fn normalize_is_idempotent_and_maps_back() {
    let t = text(&ARTICLE.replace('\n', "\r\n").replace(' ', "  "));
    let again = text(t.as_str());
    assert_eq!(again.as_str(), t.as_str());
    // Every sentence maps back to the same words in the original.
    for s in t.sentences() {
        let start = t.to_original(s.span.start);
        let first_word = t.slice(s.span).split(' ').next().unwrap();
        let first_word = first_word.trim_start_matches('"');
        assert!(
            t.original()[start..]
                .trim_start_matches(['\u{201c}', '"'])
                .starts_with(first_word),
            "{first_word}"
        );
        assert!(t.original().is_char_boundary(start));
    }
    // Line and column are those of the original file.
    let s = t
        .sentences()
        .iter()
        .find(|s| t.slice(s.span).starts_with("\"The agreement"))
        .unwrap();
    assert_eq!(t.line_col(s.span.start), LineCol { line: 3, col: 1 });
}

#[test]
fn spans_stay_on_char_boundaries() {
    for input in [
        "\u{201c}a\u{201d} b",
        "\u{feff}\u{a0}x\u{2026}y",
        "\u{ad}\u{200b}",
        "é\r\n\r\nü",
        "",
    ] {
        let t = text(input);
        for s in t.sentences() {
            assert!(
                t.as_str().is_char_boundary(s.span.start)
                    && t.as_str().is_char_boundary(s.span.end)
            );
            let o = t.to_original(s.span.start);
            assert!(t.original().is_char_boundary(o), "{input:?}");
        }
    }
}

#[test]
fn every_normalized_character_maps_back_to_its_original() {
    for (input, norm) in [
        (
            "a  b\tc`d\u{a0}\u{a0}e \u{201c}f\u{201d} g\u{2026}h",
            "a b c'd e \"f\" g...h",
        ),
        ("x \u{200b} y  z", "x y z"),
        ("\u{feff}  lead  on", "lead on"),
        ("one, two;  three,\r\nfour", "one, two; three,\nfour"),
        ("ÉCOLE  rue-de  l'Ouest", "ÉCOLE rue-de l'Ouest"),
    ] {
        let t = text(input);
        assert_eq!(t.as_str(), norm, "{input:?}");
        for (k, c) in t.as_str().char_indices() {
            let o = t.to_original(k);
            // Inside a character expanded to several (`…` to `...`), the
            // offset may fall inside the original character.
            let orig = t.original().get(o..).and_then(|s| s.chars().next());
            match c {
                // A line break stands for the break before the next line.
                ' ' | '\n' => assert!(
                    orig.is_some_and(|o| o.is_whitespace() || o == '\u{200b}')
                        || t.original()[..o].ends_with('\n'),
                    "{input:?} at {k}"
                ),
                '\'' | '"' | '.' if orig != Some(c) => {
                    assert!(
                        orig.is_none_or(|o| !o.is_ascii() || o == '`'),
                        "{input:?} at {k}"
                    );
                }
                _ => assert_eq!(orig, Some(c), "{input:?} at {k}"),
            }
        }
    }
}

/// A text read back from the cache is the text normalized; an entry whose
/// spans could not be this text's is turned away, not trusted.
#[test]
fn cached_texts_read_back_whole_and_damaged_ones_are_refused() {
    let original = "Pakistan, Russia sign landmark defence deal\r\n\r\n\
ISLAMABAD: Pakistan and Russia on Wednesday signed a deal \u{2014} \u{201c}a landmark,\u{201d} officials said.\r\n\
Both   countries\twere negotiating it in Z\u{fc}rich.\n";
    let source = crate::Source::from_string("t", crate::Published::Unknown, original);
    let made = normalize(&source);
    let bytes = postcard::to_stdvec(&made.normalized()).unwrap();
    let kept = || postcard::from_bytes::<Normalized>(&bytes).unwrap();
    let back = Text::from_normalized(&source, kept()).expect("a sound entry");
    assert_eq!(back.as_str(), made.as_str());
    assert_eq!(back.paragraphs(), made.paragraphs());
    assert_eq!(back.sentences(), made.sentences());
    assert_eq!(back.original(), made.original());
    assert_eq!(back.id(), made.id());
    for offset in 0..=made.as_str().len() {
        assert_eq!(back.line_col(offset), made.line_col(offset), "{offset}");
    }
    // A byte inside the `ü`, a boundary of no character.
    let inside = made.as_str().find('\u{fc}').unwrap() + 1;
    let damaged: [fn(&mut Normalized, usize); 5] = [
        |n, _| n.sentences[0].span.end = n.norm.len() + 1,
        |n, inside| n.sentences[0].span.end = inside,
        |n, _| n.sentences[0].paragraph = n.paragraphs.len(),
        |n, inside| n.paragraphs[0].dateline = Some(Span::new(0, inside)),
        |n, _| n.anchors.push((0, usize::MAX)),
    ];
    for (i, damage) in damaged.iter().enumerate() {
        let mut n = kept();
        damage(&mut n, inside);
        assert!(Text::from_normalized(&source, n).is_none(), "damage {i}");
    }
}
