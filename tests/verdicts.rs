//! Every claim kind against small articles that are not the seeds, with every
//! verdict: one table, one `check` helper.

use claimcheck::{Analysis, ClaimSet, Published, Source, Verdict, verify};

/// Checks `claim` against `article` (published on `published`, if given).
fn check(article: &str, published: Option<&str>, claim: &str) -> Verdict {
    let published = published.map_or(Published::Unknown, |d| Published::On(d.parse().unwrap()));
    let source = Source::from_string("t", published, article);
    let toml = format!("[claims]\nc = {}\n", toml_string(claim));
    let set = ClaimSet::from_toml("t.toml", &toml).unwrap_or_else(|e| panic!("{claim}: {e:?}"));
    let out = verify(&set, &[Analysis::of(&source)]);
    out.outcomes[0]
        .verdicts()
        .next()
        .expect("one source")
        .verdict
}

/// Checks every `(article, claim, expected verdict)` of a table, articles
/// published on `published`, and fails listing every row that is wrong.
fn assert_table(published: Option<&str>, cases: &[(&str, &str, Verdict)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|&(article, claim, want)| {
            let got = check(article, published, claim);
            (got != want).then(|| format!("{claim} in {article:?}: {got:?}, not {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

fn toml_string(s: &str) -> String {
    format!("'{s}'")
}

const DEAL: &str = "KARACHI: India and France on Tuesday signed an agreement in New Delhi for the sale of 36 Rafale fighter jets, officials said.\n\
The deal, worth about $8.7bn, was finalised after talks lasting more than two years.\n\
\"This is a historic day for our air force,\" said Defence Minister Manohar Parrikar.\n\
France will deliver the first jets in 2019. The two sides did not agree on a price for spare parts.\n\
Read more: France wins Indian fighter deal\n";

#[test]
fn verdicts_on_an_unseen_article() {
    use Verdict::*;
    let pub_date = Some("2016-09-23");
    let cases: &[(&str, Verdict)] = &[
        // quantity
        ("jet count = 36", Supported),
        ("Rafale jet count = 36", Supported),
        ("jet count = 40", Contradicted),
        ("jet count >= 30", Supported),
        ("helicopter count = 36", NotMentioned),
        ("year count > 2", Supported),
        // place of an event; the dateline is not where it happened
        ("signed in New Delhi", Supported),
        ("signed in India", Supported),
        ("signed in Karachi", Contradicted),
        ("signed in Paris", Contradicted),
        ("delivered in Paris", NotMentioned),
        // date of an event, resolved against the publication date
        ("signed on Tuesday", Supported),
        ("signed on Monday", Contradicted),
        ("signed in September 2016", Supported),
        ("signed on 2016-09-20", Supported),
        // a day without a year: the day decides too
        ("signed on September 20", Supported),
        ("signed on 20th September", Supported),
        ("signed on September 21", Contradicted),
        ("signed on 19 September", Contradicted),
        ("signed on October 20", Contradicted),
        ("signed on Tuesday, September 20", Supported),
        ("signed on Tuesday, September 27", Contradicted),
        ("signed in October 2016", Contradicted),
        // role
        ("Manohar Parrikar is Defence Minister", Supported),
        ("Manohar Parrikar is Finance Minister", Contradicted),
        ("Narendra Modi is Prime Minister", NotMentioned),
        // quote
        (
            "Manohar Parrikar said \"a historic day for our air force\"",
            Supported,
        ),
        (
            "Narendra Modi said \"a historic day for our air force\"",
            Contradicted,
        ),
        (
            "Manohar Parrikar said \"we will buy more jets\"",
            NotMentioned,
        ),
        // events and factuality
        ("India signed an agreement", Supported),
        ("India did not sign the agreement", Contradicted),
        ("France will deliver jets", Supported),
        ("France delivered jets", NotMentioned),
        ("sides agreed on a price", Contradicted),
        // mention, phrase, regex
        ("mentions Rafale", Supported),
        ("mentions Dassault", NotMentioned),
        ("contains \"spare parts\"", Supported),
        ("contains \"France wins\"", NotMentioned),
        ("matches /\\$\\d+(\\.\\d+)?bn/", Supported),
    ];
    let mut failures = Vec::new();
    for (claim, want) in cases {
        let got = check(DEAL, pub_date, claim);
        if got != *want {
            failures.push(format!("{claim}: expected {want}, got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unknown_publication_date_leaves_relative_dates_unresolved() {
    // Without a date, "on Tuesday" still supports a weekday claim but cannot
    // support or contradict a calendar date.
    assert_eq!(check(DEAL, None, "signed on Tuesday"), Verdict::Supported);
    assert_eq!(
        check(DEAL, None, "signed on 2016-09-20"),
        Verdict::NotMentioned
    );
    assert_eq!(
        check(DEAL, None, "signed on 2016-09-19"),
        Verdict::Contradicted
    );
}

#[test]
fn a_time_of_one_event_never_dates_another() {
    let a = "Officials said on Monday that the two countries signed the treaty.";
    assert_eq!(
        check(a, Some("2020-03-04"), "signed on Monday"),
        Verdict::NotMentioned
    );
    assert_eq!(
        check(a, Some("2020-03-04"), "said on Monday"),
        Verdict::Supported
    );
}

#[test]
fn planned_hedged_and_denied_events_do_not_support() {
    for (article, claim, want) in [
        (
            "The two sides are expected to sign the accord next week.",
            "sides signed the accord",
            Verdict::NotMentioned,
        ),
        (
            "The rebels allegedly attacked the convoy.",
            "rebels attacked the convoy",
            Verdict::NotMentioned,
        ),
        (
            "The ministry denied signing the contract.",
            "ministry signed the contract",
            Verdict::Contradicted,
        ),
        (
            "The company reportedly bought two tankers.",
            "company bought tankers",
            Verdict::Supported,
        ),
    ] {
        assert_eq!(check(article, None, claim), want, "{article} / {claim}");
    }
}

#[test]
fn boilerplate_and_vague_amounts_are_not_evidence() {
    let a = "The army bought a number of drones.\nRead more: Army buys 12 drones\n";
    assert_eq!(check(a, None, "drone count = 12"), Verdict::NotMentioned);
    assert_eq!(check(a, None, "drone count = 3"), Verdict::NotMentioned);
}

#[test]
fn another_day_for_the_same_event_contradicts() {
    for published in [None, Some("2021-05-06")] {
        let a = "The two firms signed the merger agreement on Tuesday, the companies said.";
        assert_eq!(
            check(a, published, "signed on Monday"),
            Verdict::Contradicted,
            "{published:?}"
        );
        assert_eq!(
            check(a, published, "signed on Tuesday"),
            Verdict::Supported,
            "{published:?}"
        );
    }
}

#[test]
fn money_claims_and_numbers_inside_dates() {
    let a = "The contract was signed on Aug. 19. Officials declined to give the value of the deal, estimated at $153 million.";
    let p = Some("2015-08-20");
    assert_eq!(check(a, p, "deal value = $153m"), Verdict::Supported);
    assert_eq!(
        check(a, p, "deal value = $200m"),
        Verdict::Contradicted,
        "the deal's value, stated as such (`estimated at`), excludes another"
    );
    assert_eq!(check(a, p, "signed on 2015-08-19"), Verdict::Supported);
    // "19" in "Aug. 19" is part of a date, not a count of anything.
    assert_eq!(check(a, p, "official count = 19"), Verdict::NotMentioned);
    // "declined to give" is not a fall of anything.
    assert_eq!(check(a, p, "value fell"), Verdict::NotMentioned);
}

/// A source reports many statements: one made on another day does not
/// exclude the one a claim means (a date claim names no speaker). Statements
/// still support a claim they match; other events still contradict.
#[test]
fn statements_on_other_days_do_not_contradict_one_another() {
    use Verdict::*;
    let published = Some("2020-03-04");
    for (article, claim, want) in [
        (
            "Officials said on Monday that the two countries signed the treaty.",
            "said on Tuesday",
            NotMentioned,
        ),
        (
            "Officials said on Monday that the two countries signed the treaty.",
            "said on Monday",
            Supported,
        ),
        (
            "The minister announced the plan in Berlin on Monday.",
            "announced on Friday",
            NotMentioned,
        ),
        (
            "The minister announced the plan in Berlin on Monday.",
            "announced on Monday",
            Supported,
        ),
        (
            "The ministry denied the report on Monday.",
            "denied on Friday",
            NotMentioned,
        ),
        (
            "The minister signed the plan in Berlin on Monday.",
            "signed in Paris",
            Contradicted,
        ),
        (
            "The minister signed the plan in Berlin on Monday.",
            "signed on Friday",
            Contradicted,
        ),
    ] {
        assert_eq!(
            check(article, published, claim),
            want,
            "{article} / {claim}"
        );
    }
}

/// A place or date claim says whether the event happened or will: `will be
/// delivered in 2017` is decided by a delivery the source plans, and `was
/// delivered in 2017` only by one it says happened.
#[test]
fn place_and_date_claims_keep_their_tense() {
    use Verdict::*;
    let published = Some("2015-08-20");
    let planned = "Russia will deliver the helicopters to Pakistan in 2017, officials said.";
    let done = "Russia delivered the helicopters to Pakistan in 2017, officials said.";
    let port = "The helicopters will be delivered in Karachi, the ministry said.";
    for (article, claim, want) in [
        (
            planned,
            "Russia will deliver helicopters in 2017",
            Supported,
        ),
        (
            planned,
            "Russia will deliver helicopters in 2019",
            Contradicted,
        ),
        (
            planned,
            "Russia delivered helicopters in 2017",
            NotMentioned,
        ),
        (done, "Russia delivered helicopters in 2017", Supported),
        (
            done,
            "Russia will deliver helicopters in 2017",
            NotMentioned,
        ),
        (port, "helicopters will be delivered in Karachi", Supported),
        (
            port,
            "helicopters will be delivered in Lahore",
            Contradicted,
        ),
        (port, "helicopters were delivered in Karachi", NotMentioned),
    ] {
        assert_eq!(
            check(article, published, claim),
            want,
            "{article} / {claim}"
        );
    }
}

/// The verdict of `claim` against `article` with the notes of its
/// candidates.
fn check_with_notes(article: &str, claim: &str) -> (Verdict, Vec<String>) {
    let source = Source::from_string("t", Published::On("2015-08-19".parse().unwrap()), article);
    let toml = format!("[claims]\nc = {}\n", toml_string(claim));
    let set = ClaimSet::from_toml("t.toml", &toml).unwrap();
    let out = verify(&set, &[Analysis::of(&source)]);
    let v = out.outcomes[0].verdicts().next().expect("one source");
    let notes = v
        .candidates
        .iter()
        .map(|e| format!("{}: {}", e.fact, e.note.unwrap_or("")))
        .collect();
    (v.verdict, notes)
}

/// A count of what someone holds (a fleet, an inventory) is another set
/// than the one a claim naming only the thing means: it neither supports
/// nor contradicts such a claim, and shows as a near miss with a note. It
/// still decides a claim that names its kind, and a changed count of the
/// story's own sentence still contradicts.
#[test]
fn held_counts_decide_only_claims_that_name_their_kind() {
    use Verdict::*;
    let fleet = "Pakistan signed a deal with Russia on Wednesday.\n\
                 Pakistan already operates 30 Mi-17 helicopters, and the army has a fleet of 40 Cobra helicopters.\n";
    let (v, notes) = check_with_notes(fleet, "helicopter count = 4");
    assert_eq!(v, NotMentioned);
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[0].starts_with("quantity 30 helicopter [mi-17] (held): counts what is held"),
        "{notes:?}"
    );
    assert_eq!(
        check_with_notes(fleet, "helicopter count = 30").0,
        NotMentioned
    );
    assert_eq!(
        check_with_notes(fleet, "Mi-17 helicopter count = 30").0,
        Supported
    );
    assert_eq!(
        check_with_notes(fleet, "Mi-17 helicopter count = 25").0,
        Contradicted
    );
    // A claim that counts the model names its kind too.
    assert_eq!(check_with_notes(fleet, "Mi-17 count = 30").0, Supported);
    assert_eq!(check_with_notes(fleet, "Mi-17 count = 25").0, Contradicted);
    // The story's own count, edited, still contradicts; a held count next
    // to it does not rescue the claim.
    let sale = "Pakistan and Russia on Wednesday signed a deal that includes the sale of six Mi-35 'Hind E' attack helicopters to Pakistan.\n\
                Pakistan currently operates 4 Mi-17 transport helicopters.\n";
    assert_eq!(
        check_with_notes(sale, "helicopter count = 4").0,
        Contradicted
    );
    assert_eq!(check_with_notes(sale, "helicopter count = 6").0, Supported);
}

/// A claim that counts a model (`Mi-35 count`) is about a count that names
/// the model before its noun (`20 Mi-35 helicopters`), as it is about one
/// that counts the model itself (`20 Mi-35s`), or a variant of it (`four
/// Mi-35M helicopters`); a count of another model, or of the noun alone,
/// is not about it.
#[test]
fn a_model_is_counted_where_it_qualifies_the_noun() {
    use Verdict::*;
    let story = "Pakistan will buy 20 Mi-35 helicopters from Russia, officials said on Wednesday.\n\
                 India flies 16 F-16 jets and four helicopters.\n";
    let sale = "Pakistan signed a deal for four Mi-35M helicopters.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (story, "Mi-35 count = 20", Supported),
            (story, "Mi-35 count >= 10", Supported),
            (story, "Mi-35 count = 4", Contradicted),
            (story, "F-16 count = 16", Supported),
            (story, "F-16 count = 20", Contradicted),
            (story, "Mi-17 count = 20", NotMentioned),
            (story, "Mi-17 count = 4", NotMentioned),
            (sale, "Mi-35M count = 4", Supported),
            (sale, "Mi-35M count = 6", Contradicted),
            // A variant of the model is of the model; not the reverse.
            (sale, "Mi-35 count = 4", Supported),
            (sale, "Mi-35 count = 6", Contradicted),
            (sale, "Mi-35 helicopter count = 4", Supported),
            (sale, "Mi-35MK count = 4", NotMentioned),
            (sale, "Mi-3 count = 4", NotMentioned),
            (story, "Mi-35M count = 20", NotMentioned),
        ],
    );
}

/// A name's possessive names it (`Shoigu's`, normalized `shoigus`, which
/// no plural rule takes back), and the possessor of a visit is its visitor.
#[test]
fn a_possessive_names_its_owner() {
    use Verdict::*;
    let story = "A defence pact was signed during Russian Defence Minister Sergei Shoigu's visit to Islamabad in November 2014.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (
                story,
                "Sergei Shoigu visited Islamabad in November 2014",
                Supported,
            ),
            (
                story,
                "Sergei Shoigu visited Islamabad in December 2014",
                Contradicted,
            ),
            (story, "Sergei Shoigu visited Pakistan", Supported),
            (story, "Raheel Sharif visited Islamabad", NotMentioned),
        ],
    );
}

/// Who travelled to a place, flew to it or arrived in it visited it; to
/// fly something is no visit. Offers, requests, inductions and obtaining
/// are events too.
#[test]
fn travel_to_a_place_is_a_visit() {
    use Verdict::*;
    let story = "Russia's Defence Minister, Sergei Shoigu, travelled to Islamabad last November, the first such visit in decades.\n\
                 The Pakistani air force still flies American F-16 jets.\n\
                 Gen Raheel Sharif arrived in Moscow on Monday.\n\
                 Khawaja Asif went to Beijing in May.\n\
                 Russia offered Su-35 fighters to Pakistan in March.\n\
                 The army has obtained licence rights and will induct the helicopters next year.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (
                story,
                "Sergei Shoigu visited Islamabad in November 2014",
                Supported,
            ),
            (story, "Sergei Shoigu visited Pakistan", Supported),
            (
                story,
                "Sergei Shoigu visited Islamabad in December 2014",
                Contradicted,
            ),
            (story, "Sergei Shoigu visited Moscow", NotMentioned),
            (
                story,
                "Raheel Sharif visited Moscow on 2015-08-17",
                Supported,
            ),
            (
                story,
                "Raheel Sharif visited Moscow on Tuesday",
                Contradicted,
            ),
            (story, "air force visited F-16 jets", NotMentioned),
            (story, "Khawaja Asif visited Beijing in May 2015", Supported),
            (
                story,
                "Khawaja Asif visited Beijing in June 2015",
                Contradicted,
            ),
            (
                story,
                "Russia offered Su-35 fighters to Pakistan",
                Supported,
            ),
            (
                story,
                "Russia offered Su-35 fighters in March 2015",
                Supported,
            ),
            (story, "army obtained licence rights", Supported),
            (story, "army will induct helicopters", Supported),
            (story, "army inducted helicopters", NotMentioned),
        ],
    );
}

/// A claim's demonym (`Russian embassy`) is named by its country's
/// possessive (`Russia's embassy`), not by the country alone.
#[test]
fn a_demonym_is_named_by_its_countrys_possessive() {
    use Verdict::*;
    let story = "Russia's embassy in Islamabad confirmed the signing on Thursday.\n";
    let other = "Russia confirmed the signing at an embassy on Thursday.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (story, "Russian embassy confirmed the signing", Supported),
            (
                story,
                "Pakistani embassy confirmed the signing",
                NotMentioned,
            ),
            (other, "Russian embassy confirmed the signing", NotMentioned),
        ],
    );
}

/// A photo caption's events, dates and counts are the picture's, not the
/// story's: they decide no claim and show as near misses; its names still
/// count.
#[test]
fn captions_do_not_decide_the_story() {
    use Verdict::*;
    let a = "Russia to sell helicopters to Pakistan\n\
             RAWALPINDI, Pakistan (AP) \u{2014} Pakistan and Russia signed a deal on Wednesday.\n\
             FILE - In this Aug. 12, 2015 photo, two Russian Mi-35 helicopters fly during an air show near Moscow. (AP Photo/Ivan Sekretarev, File)\n\
             Officials did not disclose the price.\n";
    let (v, notes) = check_with_notes(a, "helicopter count = 4");
    assert_eq!(v, NotMentioned);
    assert_eq!(
        notes,
        [
            "quantity 2 helicopter [russian, mi-35]: in a photo caption: about the picture, not the story"
        ]
    );
    assert_eq!(
        check_with_notes(a, "helicopters flew near Moscow").0,
        NotMentioned
    );
    assert_eq!(check_with_notes(a, "mentions Moscow").0, Supported);
    // A credit alone makes a caption too.
    let b = "Pakistan and Russia signed a deal on Wednesday.\n\
             Three Mi-35 helicopters fly over Rawalpindi. (Reuters/Faisal Mahmood)\n";
    assert_eq!(check_with_notes(b, "helicopter count = 4").0, NotMentioned);
}

/// A dateline is where the story was filed from, in every outlet's style:
/// a place with the dateline role, no event's place, and its date is the
/// filing date, no fact of the story.
#[test]
fn datelines_of_other_outlets_place_no_event() {
    use Verdict::*;
    for (article, places) in [
        (
            "NEW DELHI, August 21, 2015: Pakistan and Russia signed a deal.\n",
            &["New Delhi"][..],
        ),
        (
            "MOSCOW, August 20. /TASS/. Russia and Pakistan signed a contract.\n",
            &["Moscow"],
        ),
        (
            "NEW DELHI/MOSCOW, Aug 20 (Reuters) - Pakistan and Russia signed a deal.\n",
            &["New Delhi", "Moscow"],
        ),
        (
            "NEW DELHI, August 21, 2015\nPakistan and Russia signed a deal.\n",
            &["New Delhi"],
        ),
    ] {
        let source =
            Source::from_string("t", Published::On("2015-08-21".parse().unwrap()), article);
        let facts: Vec<String> = Analysis::of(&source)
            .facts
            .iter()
            .map(|f| f.describe())
            .filter(|f| f.contains("New Delhi") || f.contains("Moscow") || f.starts_with("date"))
            .collect();
        let want: Vec<String> = places
            .iter()
            .map(|p| {
                let country = if *p == "Moscow" { "RU" } else { "IN" };
                format!("place {p} (city, {country}) dateline")
            })
            .collect();
        assert_eq!(facts, want, "{article}");
        for claim in [
            "signed in New Delhi",
            "signed in Moscow",
            "signed on 21 August 2015",
            "signed on 20 August 2015",
        ] {
            assert_eq!(
                check_with_notes(article, claim).0,
                NotMentioned,
                "{article} / {claim}"
            );
        }
    }
}

/// `by 2017` is a deadline: no later than the end of 2017. A claim dated
/// after it is contradicted; a claim dated within it is neither supported
/// nor contradicted, since the source does not say when before it.
#[test]
fn by_a_date_is_a_deadline() {
    use Verdict::*;
    let published = Some("2015-08-20");
    let article = "The helicopters will be delivered by 2017, sources said.";
    for (claim, want) in [
        ("helicopters will be delivered in 2017", NotMentioned),
        ("helicopters will be delivered in 2016", NotMentioned),
        ("helicopters will be delivered in 2018", Contradicted),
        ("helicopters will be delivered in March 2018", Contradicted),
    ] {
        assert_eq!(check(article, published, claim), want, "{claim}");
    }
    let planned = "Russia will deliver the helicopters in 2016, officials said.";
    for (claim, want) in [
        ("Russia will deliver helicopters by 2017", Supported),
        ("Russia will deliver helicopters by 2015", Contradicted),
    ] {
        assert_eq!(check(planned, published, claim), want, "{claim}");
    }
}

/// The verdict of `claim` against `article` under `aliases` (a TOML
/// `[aliases]` body), with each piece of evidence as `fact: note`.
fn check_with_evidence(article: &str, aliases: &str, claim: &str) -> (Verdict, Vec<String>) {
    let source = Source::from_string("t", Published::On("2015-08-20".parse().unwrap()), article);
    let toml = format!(
        "[aliases]\n{aliases}\n[claims]\nc = {}\n",
        toml_string(claim)
    );
    let set = ClaimSet::from_toml("t.toml", &toml).unwrap();
    let out = verify(&set, &[Analysis::of(&source)]);
    let v = out.outcomes[0].verdicts().next().expect("one source");
    let evidence = v
        .evidence
        .iter()
        .map(|e| format!("{}: {}", e.fact, e.note.unwrap_or("")))
        .collect();
    (v.verdict, evidence)
}

const MI35: &str = "\"Mi-35\" = [\"Hind E\", \"Mi-35M\"]";

/// A source that states the claim's value for a thing in one sentence and
/// another value for the same thing in another disagrees with itself: the
/// claim is not backed by the source as a whole. The Dawn article with its
/// lead edited to six helicopters, its later sentence still saying four.
#[test]
fn a_source_that_disagrees_with_itself_about_a_count_contradicts() {
    use Verdict::*;
    let edited = "ISLAMABAD: Pakistan and Russia on Wednesday signed a landmark defence deal that includes the sale of six Mi-35 'Hind E' attack helicopters to Pakistan.\n\
                  Chief of Army Staff General Raheel Sharif had also visited Russia in June, after which a draft contract for the delivery of four Mi-35M 'Hind E' combat helicopters was sent to Pakistan from Russia.\n";
    let (v, evidence) = check_with_evidence(edited, MI35, "helicopter count = 4");
    assert_eq!(v, Contradicted);
    assert_eq!(
        evidence,
        [
            "quantity 6 helicopter [mi-35, hind e, attack]: the source says 6",
            "quantity 4 helicopter [mi-35m, hind e, combat]: as the claim says, but the source also says 6 (mi-35) for the same thing: it disagrees with itself",
        ]
    );
    for claim in [
        "helicopter count = 6",
        "Mi-35 helicopter count = 4",
        "Hind E helicopter count = 6",
    ] {
        assert_eq!(
            check_with_evidence(edited, MI35, claim).0,
            Contradicted,
            "{claim}"
        );
    }
    // Without the aliases the quoted name is shared all the same.
    assert_eq!(
        check_with_evidence(edited, "", "helicopter count = 4").0,
        Contradicted
    );
    // Unedited, both sentences say four.
    let unedited = edited.replace("six", "four");
    assert_eq!(
        check_with_evidence(&unedited, MI35, "helicopter count = 4").0,
        Supported
    );
}

/// The same event dated twice, days apart: the lead says Wednesday, the
/// quote Tuesday.
#[test]
fn a_source_that_disagrees_with_itself_about_a_day_contradicts() {
    use Verdict::*;
    let days = "ISLAMABAD: Pakistan and Russia on Wednesday signed a landmark defence deal.\n\
                \"The agreement was signed by top defence officials from Pakistan and Russia in Rawalpindi on Tuesday,\" said a military source.\n";
    let (v, evidence) = check_with_evidence(days, MI35, "signed on Wednesday");
    assert_eq!(v, Contradicted);
    assert_eq!(evidence.len(), 2, "{evidence:?}");
    assert!(
        evidence[1].ends_with(
            "as the claim says, but the source also dates the same event 2015-08-18 (Tuesday): it disagrees with itself"
        ),
        "{evidence:?}"
    );
    assert_eq!(
        check_with_evidence(days, MI35, "signed on Tuesday").0,
        Contradicted
    );
    assert_eq!(
        check_with_evidence(days, MI35, "signed in Rawalpindi").0,
        Supported
    );
}

/// The same event, on the same day, placed twice.
#[test]
fn a_source_that_disagrees_with_itself_about_a_place_contradicts() {
    use Verdict::*;
    let places = "ISLAMABAD: Pakistan and Russia on Wednesday signed the agreement in Rawalpindi.\n\
                  The agreement was signed in Islamabad on Wednesday, officials said.\n";
    let (v, evidence) = check_with_evidence(places, MI35, "signed in Rawalpindi");
    assert_eq!(v, Contradicted);
    assert!(
        evidence[1].ends_with(
            "as the claim says, but the source also places the same event in Islamabad: it disagrees with itself"
        ),
        "{evidence:?}"
    );
    assert_eq!(
        check_with_evidence(places, MI35, "signed in Islamabad").0,
        Contradicted
    );
    assert_eq!(
        check_with_evidence(places, MI35, "signed on Wednesday").0,
        Supported
    );
}

/// News text mentions other sets of the same kind of thing and other
/// events of the same kind: none of them is the source disagreeing with
/// itself, and the claim stays supported.
#[test]
fn other_sets_and_other_events_do_not_contradict() {
    let lead =
        "Pakistan will buy four Mi-35 helicopters from Russia, officials said on Wednesday.\n";
    for (later, claim) in [
        // Another buyer's helicopters, of no model or of the same.
        (
            "India bought 12 helicopters last year.",
            "helicopter count = 4",
        ),
        (
            "India bought 12 Mi-35 helicopters last year.",
            "Mi-35 helicopter count = 4",
        ),
        (
            "India will buy 12 Mi-35 helicopters.",
            "helicopter count = 4",
        ),
        // Part of the set, or more of it.
        (
            "The first two Mi-35 helicopters will arrive next year.",
            "helicopter count = 4",
        ),
        (
            "Two of the Mi-35 helicopters will be delivered in 2016.",
            "helicopter count = 4",
        ),
        (
            "Russia will supply 20 more Mi-35 helicopters.",
            "helicopter count = 4",
        ),
        // A fleet, even of the same model.
        (
            "Pakistan already operates 30 Mi-35 helicopters.",
            "Mi-35 helicopter count = 4",
        ),
        // A caption.
        (
            "FILE - In this Aug. 12, 2015 photo, two Mi-35 helicopters fly near Moscow. (AP Photo/Ivan Sekretarev, File)",
            "helicopter count = 4",
        ),
        // Hedged amounts and bounds.
        (
            "Pakistan may later buy eight Mi-35 helicopters.",
            "helicopter count = 4",
        ),
        (
            "Pakistan could eventually buy as many as 20 Mi-35 helicopters.",
            "helicopter count = 4",
        ),
        (
            "The deal could grow to more than 10 Mi-35 helicopters.",
            "helicopter count = 4",
        ),
        // Another set described alike, with nothing naming it the same.
        (
            "India will buy 12 attack helicopters from France.",
            "helicopter count = 4",
        ),
    ] {
        let article = format!("{lead}{later}\n");
        assert_eq!(
            check_with_evidence(&article, MI35, claim).0,
            Verdict::Supported,
            "{later} / {claim}"
        );
    }
    // Both stated as fact: a past sale of the same model to another buyer.
    let past = "Pakistan bought four Mi-35 helicopters from Russia on Wednesday.\n\
                India bought 12 Mi-35 helicopters from Russia in 2010.\n";
    assert_eq!(
        check_with_evidence(past, MI35, "helicopter count = 4").0,
        Verdict::Supported
    );
    // An earlier agreement of the same kind, dated months apart (the Dawn
    // article's `had signed … in November last year`).
    let earlier = "Pakistan and Russia on Wednesday signed a landmark defence deal in Rawalpindi.\n\
                   Pakistan and Russia had signed a defence cooperation agreement in November last year.\n\
                   India signed a deal with France in Paris on Monday.\n";
    for claim in [
        "signed in August 2015",
        "signed on Wednesday",
        "signed in Rawalpindi",
    ] {
        assert_eq!(
            check_with_evidence(earlier, MI35, claim).0,
            Verdict::Supported,
            "{claim}"
        );
    }
}

/// American and British spellings of a title are one role: `Defense
/// Minister` supports `Defence Minister` and never contradicts it.
#[test]
fn american_and_british_spellings_name_one_role() {
    let a = "Russian Defense Minister Sergei Shoigu visited Islamabad in November 2014.";
    let p = Some("2015-08-20");
    assert_eq!(
        check(a, p, "Sergei Shoigu is Defence Minister"),
        Verdict::Supported
    );
    assert_eq!(
        check(a, p, "Sergei Shoigu is Foreign Minister"),
        Verdict::Contradicted
    );
    let b = "Chief of the Defence Staff Sir Nicholas Houghton said the review would take a year.";
    assert_eq!(
        check(b, p, "Nicholas Houghton is Chief of the Defense Staff"),
        Verdict::Supported
    );
}

/// A sum in the sentence after the one naming the thing (`… the value of
/// the contract. Media put it at $153m`: a pronoun or `the value` points
/// back) supports the claim it matches; like any sum, it never contradicts.
#[test]
fn a_value_named_in_the_sentence_after_the_thing_supports() {
    let p = Some("2015-08-20");
    let after = "Neither side disclosed the value of the contract. Pakistani media have put it at about $153m, a figure officials did not confirm.";
    assert_eq!(
        check(after, p, "contract value = $153m"),
        Verdict::Supported
    );
    assert_eq!(
        check(after, p, "contract value = $1 billion"),
        Verdict::Contradicted,
        "the value pointed back to (`put it at`) excludes another"
    );
    let value =
        "The contract was signed on Aug. 19. Industry sources put the value at $153 million.";
    assert_eq!(
        check(value, p, "contract value = $153m"),
        Verdict::Supported
    );
    // Not stated as a value: a sum that follows.
    let beside = "The contract was signed on Aug. 19. A day later the $153 million budget passed.";
    assert_eq!(
        check(beside, p, "contract value = $153m"),
        Verdict::NotMentioned
    );
    let apart = "The contract was signed Aug. 19.\nIndustry sources put the value at $153 million.";
    assert_eq!(
        check(apart, p, "contract value = $153m"),
        Verdict::NotMentioned,
        "another paragraph"
    );
}

/// A sum tied to the claim's thing only by sharing its sentence supports a
/// value claim but never contradicts one; it contradicts only as the
/// thing's stated value: a valuation cue just before it, the thing named
/// before it, no other sum in the sentence, no price per piece.
#[test]
fn only_a_stated_value_contradicts_a_value_claim() {
    use Verdict::*;
    let p = Some("2015-08-20");
    let cases: &[(&str, &str, Verdict)] = &[
        (
            "The contract was estimated at about $153 million.",
            "contract value = $1 billion",
            Contradicted,
        ),
        (
            "The contract, which was signed in Rawalpindi, is said to be worth around $150 million.",
            "contract value = $1 billion",
            Contradicted,
        ),
        (
            "The contract was estimated at about $153 million.",
            "contract value = $153m",
            Supported,
        ),
        // A bound does not exclude it.
        (
            "The contract is said to be worth over $150 million.",
            "contract value = $1 billion",
            NotMentioned,
        ),
        // Two sums: either may be the contract's.
        (
            "The contract, worth $153m, is part of a $1bn modernisation plan.",
            "contract value = $500m",
            NotMentioned,
        ),
        // A price per piece is not the contract's value.
        (
            "Under the contract the helicopters cost $40m each.",
            "contract value = $153m",
            NotMentioned,
        ),
        (
            "Under the contract the helicopters are priced at $40m per helicopter.",
            "contract value = $153m",
            NotMentioned,
        ),
        // The sum comes before the thing: it values something else.
        (
            "The army's budget was estimated at $7bn when it signed the contract.",
            "contract value = $1bn",
            NotMentioned,
        ),
        // The cue values another noun, or `put` another thing.
        (
            "The contract is part of a modernisation drive estimated at $5bn.",
            "contract value = $153m",
            NotMentioned,
        ),
        (
            "After the contract, analysts put the budget at $5bn.",
            "contract value = $153m",
            NotMentioned,
        ),
        (
            "Industry sources put the contract at $153 million.",
            "contract value = $1bn",
            Contradicted,
        ),
        // The thing is named only in a relative clause on another.
        (
            "The army's budget, which covers the contract, is estimated at $7bn.",
            "contract value = $1bn",
            NotMentioned,
        ),
        // No valuation cue: a sum beside the thing.
        (
            "The contract comes as the army receives $7bn.",
            "contract value = $1bn",
            NotMentioned,
        ),
    ];
    assert_table(p, cases);
}

/// A claim spelled the American way matches a source spelled the British
/// way, and the other way round: `Defense Minister` is no other role than
/// `Defence Minister`.
#[test]
fn british_and_american_spellings_are_one_word() {
    use Verdict::*;
    let pub_date = Some("2016-09-23");
    let american = DEAL
        .replace("Defence Minister", "Defense Minister")
        .replace("finalised", "finalized");
    let cases: &[(&str, &str, Verdict)] = &[
        (DEAL, "Manohar Parrikar is Defense Minister", Supported),
        (DEAL, "Manohar Parrikar is Defence Minister", Supported),
        (&american, "Manohar Parrikar is Defence Minister", Supported),
        (
            &american,
            "Manohar Parrikar is Finance Minister",
            Contradicted,
        ),
        (DEAL, "mentions defense minister", Supported),
        (&american, "mentions defence minister", Supported),
        (DEAL, "the deal was finalized", Supported),
        (&american, "the deal was finalised", Supported),
    ];
    assert_table(pub_date, cases);
}

/// Roles as wire copy writes them: an owner word opening the sentence, a
/// possessive title with the name between commas, a bracketed acronym, a
/// title of an owner before a rank, a copula. A rank is no role: a claim
/// of another role of the same kind is not contradicted by it.
#[test]
fn roles_of_wire_copy_decide_role_claims() {
    use Verdict::*;
    let p = Some("2015-08-20");
    let rostec = "Rostec CEO Sergei Chemezov said in 2014 that Russia had lifted its embargo.";
    let army = "Pakistan's army chief, General Raheel Sharif, visited Moscow in June.";
    let coas = "Chief of Army Staff (COAS) General Raheel Sharif was also present.";
    let ground = "He met Commander-in-Chief of Russian Ground Forces Col Gen Oleg Salyukov.";
    let editor = "Franz-Stefan Gady is an Associate Editor with The Diplomat. He wrote it.";
    let analyst = "It matters, said Hasan Askari Rizvi, a Lahore-based defence analyst.";
    let owner = "Director of National Intelligence James Clapper said the deal was worrying.";
    let cases = [
        (
            owner,
            "James Clapper is Director of National Intelligence",
            Supported,
        ),
        (rostec, "Sergei Chemezov is CEO of Rostec", Supported),
        (army, "Raheel Sharif is army chief", Supported),
        (army, "Raheel Sharif is police chief", Contradicted),
        // `Chief of Army Staff` is the army chief; `Chief of Staff` is not.
        (army, "Raheel Sharif is Chief of Army Staff", Supported),
        (
            army,
            "Raheel Sharif is Chief of the Naval Staff",
            Contradicted,
        ),
        (army, "Raheel Sharif is Chief of Staff", NotMentioned),
        (coas, "Raheel Sharif is Chief of Army Staff", Supported),
        (
            ground,
            "Oleg Salyukov is Commander-in-Chief of Russian Ground Forces",
            Supported,
        ),
        (editor, "Franz-Stefan Gady is Associate Editor", Supported),
        (
            analyst,
            "Hasan Askari Rizvi is a defence analyst",
            Supported,
        ),
    ];
    assert_table(p, &cases);
}

/// An office one person holds at a time is not the claimed person's when
/// the source names another holder of it for the same country as one of
/// the person's roles; other roles alone, a holder of another country, a
/// former holder or an office several hold contradict nothing.
#[test]
fn an_office_held_by_another_contradicts_a_role_claim() {
    use Verdict::*;
    let p = Some("2015-08-19");
    let bbc = "Pakistan's army chief, Gen Raheel Sharif, visited Russia in June. \
               Pakistan's Prime Minister Nawaz Sharif met President Vladimir Putin in July.";
    let alone = "Pakistan's army chief, Gen Raheel Sharif, visited Russia in June.";
    let india = "Pakistan's army chief, Gen Raheel Sharif, visited Russia in June. \
                 India's Prime Minister Narendra Modi visited Moscow in July.";
    let former = "Pakistan's army chief, Gen Raheel Sharif, visited Russia in June. \
                  Pakistan's former Prime Minister Benazir Bhutto was killed in 2007.";
    let ministers = "Pakistan's army chief, Gen Raheel Sharif, visited Russia in June. \
                     Pakistan's Defence Minister Khawaja Asif was there too.";
    let cases = [
        (bbc, "Raheel Sharif is Prime Minister", Contradicted),
        (bbc, "Nawaz Sharif is Prime Minister", Supported),
        (bbc, "Raheel Sharif is army chief", Supported),
        (alone, "Raheel Sharif is Prime Minister", NotMentioned),
        (alone, "Raheel Sharif is President", NotMentioned),
        (india, "Raheel Sharif is Prime Minister", NotMentioned),
        (former, "Raheel Sharif is Prime Minister", NotMentioned),
        (ministers, "Raheel Sharif is Defence Minister", Contradicted),
        (ministers, "Raheel Sharif is minister", NotMentioned),
        (
            ministers,
            "Raheel Sharif is Deputy Defence Minister",
            NotMentioned,
        ),
    ];
    assert_table(p, &cases);
}

/// A qualifier of the source's title that the claim leaves out makes it
/// another role: a lower rank of the office contradicts (`Deputy Director
/// General` is not `Director General`); a past, future or stand-in holder
/// neither supports nor contradicts a claim that someone holds it.
#[test]
fn a_qualified_title_is_not_the_plain_role() {
    use Verdict::*;
    let p = Some("2015-08-20");
    let deputy = "The Russian side was represented by Mr. Viktor Dronov, Deputy Director General \
                  of Rosoboronexport.";
    let plain = "The Russian side was represented by Mr. Viktor Dronov, Director General of \
                 Rosoboronexport.";
    let former = "Sameer Aftab is a former ambassador and writes on foreign affairs.";
    let vice = "Vice President Joe Biden visited Kiev on Monday.";
    let retired = "Omar Farooq, a retired brigadier, told Al Jazeera the deal was good.";
    let bhutto = "Pakistan's former Prime Minister Benazir Bhutto was killed in 2007.";
    let cases = [
        (
            deputy,
            "Viktor Dronov is Director General of Rosoboronexport",
            Contradicted,
        ),
        (
            deputy,
            "Viktor Dronov is Deputy Director General of Rosoboronexport",
            Supported,
        ),
        (
            plain,
            "Viktor Dronov is Director General of Rosoboronexport",
            Supported,
        ),
        (former, "Sameer Aftab is an ambassador", NotMentioned),
        (former, "Sameer Aftab is a former ambassador", Supported),
        (vice, "Joe Biden is President", Contradicted),
        (vice, "Joe Biden is Vice President", Supported),
        (retired, "Omar Farooq is a brigadier", NotMentioned),
        (retired, "Omar Farooq is a retired brigadier", Supported),
        (bhutto, "Benazir Bhutto is Prime Minister", NotMentioned),
        (bhutto, "Benazir Bhutto is former Prime Minister", Supported),
    ];
    assert_table(p, &cases);
}

/// A later, agentless mention of an event with a definite object (`the
/// helicopters were transferred earlier this year`) goes on telling of
/// the earlier event of its kind with the same head noun (`Russia has
/// delivered four Mi-35M helicopters`): it has that event's participants.
#[test]
fn a_definite_later_mention_continues_the_event() {
    use Verdict::*;
    let p = Some("2017-11-21");
    let told = "Russia has delivered four Mi-35M helicopters to Pakistan.\n\
                The source said the helicopters were transferred earlier this year.\n";
    let by_another = "Russia has delivered four Mi-35M helicopters to Pakistan.\n\
                      The helicopters were delivered by the US in 2010.\n";
    let indefinite = "Russia has delivered four Mi-35M helicopters to Pakistan.\n\
                      Helicopters were transferred to India in 2010.\n";
    let other_head = "Russia has delivered four Mi-35M helicopters to Pakistan.\n\
                      The jets were transferred in 2010.\n";
    let other_place = "Russia has sold four Mi-35M helicopters to Pakistan.\n\
                       The helicopters were sold to India in 2010.\n";
    let cases = [
        (other_place, "Russia sold helicopters in 2010", NotMentioned),
        (told, "Russia delivered helicopters in 2017", Supported),
        (told, "Russia delivered helicopters in 2015", Contradicted),
        (
            "Pakistan and Russia have signed an agreement for four helicopters.\n\
             The agreement was signed on Wednesday in Rawalpindi.\n",
            "Pakistan signed in Rawalpindi",
            Supported,
        ),
        (
            by_another,
            "Russia delivered helicopters in 2010",
            NotMentioned,
        ),
        (
            indefinite,
            "Russia delivered helicopters in 2010",
            NotMentioned,
        ),
        (
            other_head,
            "Russia delivered helicopters in 2010",
            NotMentioned,
        ),
    ];
    assert_table(p, &cases);
}

/// A model written with a space (`Mi 35`, `Su 30MKI`) or run together
/// from digits (`9M120`) is a designation, as `Mi-35` is: the count is of
/// the helicopters, with the model as their kind, and the model's number
/// counts nothing.
#[test]
fn designations_written_with_a_space_or_digits_are_no_counts() {
    use Verdict::*;
    let article = "Russia will sell four Mi 35 helicopters to Pakistan, officials said on Wednesday.\n\
                   The helicopters will carry 9M120 Ataka missiles, and India flies the Mi 35M.\n";
    for (claim, want) in [
        ("helicopter count = 4", Supported),
        ("Mi-35 helicopter count = 4", Supported),
        ("Mi-35M helicopter count = 4", Supported),
        ("helicopter count = 35", Contradicted),
        ("mi count = 4", NotMentioned),
        ("missile count = 9000000", NotMentioned),
    ] {
        assert_eq!(check_with_evidence(article, MI35, claim).0, want, "{claim}");
    }
    // Letters that are a word, and an amount after the number, keep it.
    assert_eq!(
        check(
            "At 35 helicopters, the fleet is small.",
            None,
            "helicopter count = 35"
        ),
        Supported
    );
}

/// `nearly eight` is just under eight: it does not support `= 8`, nor
/// contradict it (a writer rounds up to say it), supports `< 8` and
/// `~ 8`, and contradicts what lies beyond it.
#[test]
fn nearly_is_just_under() {
    use Verdict::*;
    let article =
        "Pakistan will buy nearly eight helicopters and almost 2,000 rifles, officials said.\n";
    for (claim, want) in [
        ("helicopter count = 8", NotMentioned),
        ("helicopter count < 8", Supported),
        ("helicopter count ~ 8", Supported),
        ("helicopter count = 7", NotMentioned),
        ("helicopter count = 5", Contradicted),
        ("helicopter count > 8", Contradicted),
        ("rifle count < 2000", Supported),
        ("rifle count = 2000", NotMentioned),
        ("rifle count = 1000", Contradicted),
    ] {
        assert_eq!(check(article, None, claim), want, "{claim}");
    }
    // `about eight` is either side of it, and supports `= 8`.
    assert_eq!(
        check(
            "Pakistan will buy about eight helicopters.",
            None,
            "helicopter count = 8"
        ),
        Supported
    );
}

/// The headlines listed under `Related:` are other stories': their counts,
/// places and events decide nothing, however the article is set.
#[test]
fn headlines_under_related_decide_nothing() {
    use Verdict::*;
    let story = "ISLAMABAD: Pakistan will buy four helicopters from Russia, officials\n\
                 said on Wednesday, in a deal signed in Rawalpindi by senior defence\n\
                 officials of both countries.\n\
                 \n\
                 Related:\n\
                 Pakistan signs deal with China for eight new fighter jets\n\
                 India to buy 12 helicopters from Israel in $400m agreement\n\
                 China tests new missile in Xinjiang\n";
    let one_a_line = "Pakistan will buy four helicopters from Russia, officials said on Wednesday.\n\
                      Related:\n\
                      Pakistan signs deal with China for eight new fighter jets\n\
                      India to buy 12 helicopters from Israel\n\
                      The deal was signed in Rawalpindi.\n";
    for article in [story, one_a_line] {
        for (claim, want) in [
            ("helicopter count = 4", Supported),
            ("jet count = 8", NotMentioned),
            ("China tested a missile", NotMentioned),
            ("mentions Xinjiang", NotMentioned),
            ("signed in Rawalpindi", Supported),
        ] {
            assert_eq!(check(article, None, claim), want, "{claim}\n{article}");
        }
    }
}

/// A date claim of the story's time means the story's event: an earlier
/// event of the same kind, told in the past perfect or dated long before
/// the article, is another occurrence and does not contradict it, even
/// when the story's own event is only planned and so the background one
/// is the only dated one (an edited seed: `are expected to sign`). A
/// conflict within the story's time, or a claim about another time,
/// still contradicts, and so does a background event that is the source's
/// only one of the kind. A background event does not contradict a place
/// claim either when the source tells of the story's own event; when it
/// tells of none, the background event may be what the claim is about.
#[test]
fn earlier_events_of_the_kind_do_not_date_the_story() {
    use Verdict::*;
    let published = Some("2015-08-20");
    let planned = "Pakistan and Russia are expected to sign a landmark defence deal.\n\
                   The two countries had signed a defence cooperation agreement in November 2014.\n";
    let simple_past = "Pakistan and Russia are expected to sign a landmark defence deal.\n\
                       The two countries signed a defence cooperation agreement in November 2014.\n";
    let recent = "Pakistan and Russia are expected to sign a landmark defence deal.\n\
                  The two countries had signed a memorandum on Monday.\n";
    let cases: &[(&str, Option<&str>, &str, Verdict)] = &[
        // The background event is another signing than the story's.
        (planned, published, "signed in August 2015", NotMentioned),
        (planned, published, "signed in 2015", NotMentioned),
        (planned, published, "signed in August", NotMentioned),
        (planned, None, "signed in August", NotMentioned),
        (
            simple_past,
            published,
            "signed in August 2015",
            NotMentioned,
        ),
        (recent, published, "signed on Wednesday", NotMentioned),
        // Alone, the earlier signing is the source's only one: it dates
        // the claim's.
        (
            "The accord had already been signed on Monday.",
            published,
            "signed on Wednesday",
            Contradicted,
        ),
        // It still dates itself, and a claim about its time.
        (planned, published, "signed in November 2014", Supported),
        (planned, published, "signed in October 2014", Contradicted),
        (
            simple_past,
            published,
            "signed in October 2014",
            Contradicted,
        ),
        // Without a publication date, a simple past is not placed in time.
        (simple_past, None, "signed in August 2015", Contradicted),
        // Within the story's time a conflict still contradicts, and a
        // past perfect reported by someone is the story's event.
        (
            "Pakistan and Russia signed the deal on Thursday.",
            published,
            "signed on Wednesday",
            Contradicted,
        ),
        (
            "Officials said Pakistan and Russia had signed the deal on Tuesday.",
            published,
            "signed on Wednesday",
            Contradicted,
        ),
    ];
    let moscow = "Pakistan and Russia are expected to sign a landmark defence deal in Rawalpindi on Wednesday.\n\
                  The two countries had signed a defence cooperation agreement in Moscow in November 2014.\n";
    let history = "Russia has delivered four Mi-35M helicopters to Pakistan.\n\
                   In August 2015, Russia and Pakistan signed a contract for them in Rawalpindi.\n";
    let places: &[(&str, Option<&str>, &str, Verdict)] = &[
        (moscow, published, "signed in Islamabad", NotMentioned),
        (moscow, published, "signed in Moscow", Supported),
        (
            moscow,
            published,
            "will be signed in Islamabad",
            Contradicted,
        ),
        // The story is history: its only signing may be the claim's.
        (
            history,
            Some("2017-11-21"),
            "signed in Islamabad",
            Contradicted,
        ),
        (
            history,
            Some("2017-11-21"),
            "signed in August 2015",
            Supported,
        ),
        (
            history,
            Some("2017-11-21"),
            "signed in July 2015",
            Contradicted,
        ),
        // An undated signing may be background too.
        (
            "Russia and Pakistan signed an agreement.\n\
             The two countries had signed a defence cooperation agreement in Moscow in November 2014.\n",
            published,
            "signed in Islamabad",
            Contradicted,
        ),
    ];
    // Without a publication date, the claim's date stands in for the
    // story's time when the source also tells of an undated signing.
    let unplaced = "The contract, which was signed in Rawalpindi, covers four helicopters.\n\
                    Russia and Pakistan signed a defence cooperation agreement in November 2014.\n";
    let unplaced_cases: &[(&str, Option<&str>, &str, Verdict)] = &[
        (unplaced, None, "signed in August 2015", NotMentioned),
        (unplaced, None, "signed on 19 August 2015", NotMentioned),
        (unplaced, None, "signed in November 2014", Supported),
        (unplaced, None, "signed in January 2015", Contradicted),
        (unplaced, None, "signed in 2013", Contradicted),
        // A known publication date decides as before.
        (
            unplaced,
            Some("2015-03-01"),
            "signed in August 2015",
            Contradicted,
        ),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .chain(places)
        .chain(unplaced_cases)
        .filter_map(|&(article, published, claim, want)| {
            let got = check(article, published, claim);
            (got != want)
                .then(|| format!("{claim} ({published:?}) in {article:?}: {got:?}, not {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// Whether a sentence names a claim's term is worked out once per source for
/// all the claims of a file that name it; two claims files judged on the
/// same analysis each keep their own answer, as their aliases differ.
#[test]
fn claims_files_sharing_an_analysis_keep_their_own_aliases() {
    let source = Source::from_string(
        "t",
        Published::On("2015-08-20".parse().unwrap()),
        "Moscow signed the agreement in Rawalpindi on Wednesday, officials said.\n",
    );
    let analyses = [Analysis::of(&source)];
    let with_alias = ClaimSet::from_toml(
        "a.toml",
        "[aliases]\nRussia = [\"Moscow\"]\n\n[claims]\nc = 'Russia signed in Rawalpindi'\nd = 'Russia signed on Wednesday'\n",
    )
    .unwrap();
    let without = ClaimSet::from_toml(
        "b.toml",
        "[claims]\nc = 'Russia signed in Rawalpindi'\nd = 'Russia signed on Wednesday'\n",
    )
    .unwrap();
    let verdicts = |set: &ClaimSet| -> Vec<Verdict> {
        verify(set, &analyses)
            .outcomes
            .iter()
            .map(|o| o.verdicts().next().expect("one source").verdict)
            .collect()
    };
    use Verdict::*;
    // Both orders: the first file's answers must not be the second's.
    for _ in 0..2 {
        assert_eq!(verdicts(&with_alias), [Supported, Supported]);
        assert_eq!(verdicts(&without), [NotMentioned, NotMentioned]);
    }
    assert_eq!(verdicts(&without), [NotMentioned, NotMentioned]);
    assert_eq!(verdicts(&with_alias), [Supported, Supported]);
}

/// Audit 3 (outlet-style articles): a speaker named by part of the claimed
/// name, another person's event, history, a city inside the claimed
/// country, refusals, hyphenated phrases and the chief executive.
#[test]
fn people_quotes_and_other_events_of_outlet_copy() {
    use Verdict::*;
    const ASIF: &str = "Federal Minister for Defence Khawaja Muhammad Asif welcomed the deal.\n\
        \"We want good relations with all major powers,\" Mr Asif said.\n";
    const SURNAME: &str = "\"We want good relations with all major powers,\" Asif said.\n";
    const OTHER: &str = "Chief of Army Staff General Raheel Sharif visited Moscow in June, \
        while Russian Defence Minister Sergei Shoigu paid a visit to Pakistan in November last year.\n";
    const TOLD: &str = "General Raheel Sharif said Defence Minister Sergei Shoigu visited \
        Pakistan in November last year.\n";
    const CITY: &str =
        "Russian Defence Minister Sergei Shoigu visited Islamabad in November last year.\n";
    const DEAL: &str = "The helicopter deal was signed at General Headquarters in Rawalpindi.\n";
    const HISTORY: &str = "Premier Alexei Kosygin brokered the Tashkent Declaration, which was \
        signed in Tashkent in January 1966.\n\
        It is the first sale since the Soviet Union supplied Mi-8 transport helicopters in the 1960s.\n";
    const REFUSED: &str = "Russia had long refused to sell weapons to Pakistan.\n";
    const HIND: &str = "The Mi-35M 'Hind-E' is a gunship. The Mi-24 'Hind D' is older.\n";
    const CEO: &str = "Rostec chief executive Sergei Chemezov said so.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (
                ASIF,
                "Khawaja Asif said \"We want good relations\"",
                Supported,
            ),
            (
                SURNAME,
                "Khawaja Asif said \"We want good relations\"",
                NotMentioned,
            ),
            (
                SURNAME,
                "Zafar Hilaly said \"We want good relations\"",
                Contradicted,
            ),
            // Shoigu's own visit (`paid a visit`), not Sharif's June one,
            // dates it; Sharif's does not date his to November either.
            (
                OTHER,
                "Sergei Shoigu visited Pakistan in November 2014",
                Supported,
            ),
            (
                OTHER,
                "Raheel Sharif visited Moscow in November 2014",
                Contradicted,
            ),
            (OTHER, "Raheel Sharif visited Moscow", Supported),
            // Shoigu's visit is not Sharif's, though the sentence names him.
            (TOLD, "Sergei Shoigu visited Pakistan", Supported),
            (TOLD, "Raheel Sharif visited Pakistan", NotMentioned),
            (
                CITY,
                "Sergei Shoigu visited Pakistan in November 2014",
                Supported,
            ),
            (
                CITY,
                "Sergei Shoigu visited Pakistan in December 2013",
                Contradicted,
            ),
            (DEAL, "Pakistan signed an agreement", NotMentioned),
            (HISTORY, "signed in Rawalpindi", NotMentioned),
            (HISTORY, "signed in August 2015", NotMentioned),
            (HISTORY, "delivered in August 2017", NotMentioned),
            (
                HISTORY,
                "Tashkent Declaration was signed in January 1966",
                Supported,
            ),
            (
                HISTORY,
                "Tashkent Declaration was signed in 1965",
                Contradicted,
            ),
            (
                REFUSED,
                "Russia refused to sell weapons to Pakistan",
                Supported,
            ),
            (REFUSED, "Russia sold weapons to Pakistan", Contradicted),
            (HIND, "contains \"Hind E\"", Supported),
            (HIND, "contains \"Hind-E\"", Supported),
            (HIND, "contains \"Hind-D\"", Supported),
            (CEO, "Sergei Chemezov is CEO of Rostec", Supported),
            (
                CEO,
                "Sergei Chemezov is chief executive officer of Rostec",
                Supported,
            ),
        ],
    );
}

/// `here` in an article with a dateline is the dateline's city (`signed
/// at the General Headquarters here`, Pakistani dailies' style); without
/// a dateline it places nothing.
#[test]
fn here_is_the_dateline_city() {
    use Verdict::*;
    let filed = "RAWALPINDI: Pakistan and Russia on Wednesday signed an agreement at the General Headquarters (GHQ) here, officials said.\n";
    let unfiled = "Pakistan and Russia on Wednesday signed an agreement at the General Headquarters (GHQ) here, officials said.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (filed, "signed in Rawalpindi", Supported),
            (filed, "signed in Moscow", Contradicted),
            (unfiled, "signed in Rawalpindi", NotMentioned),
            (unfiled, "signed in Moscow", NotMentioned),
        ],
    );
}

/// Reported speech and reportative adverbs: `officials said X would be
/// delivered in 2017` is a reported plan, `apparently inked` a reported
/// signing; a conditional `would` decides nothing.
#[test]
fn reported_plans_and_apparent_events() {
    use Verdict::*;
    let plan = "Two Pakistani officials said the helicopters would be delivered in 2017.\n";
    let cond =
        "Officials said the helicopters would be delivered in 2017 if the money was found.\n";
    let apparent =
        "The deal was apparently inked on Wednesday in Rawalpindi, according to media reports.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (plan, "helicopters will be delivered in 2017", Supported),
            (plan, "helicopters will be delivered in 2016", Contradicted),
            (cond, "helicopters will be delivered in 2017", NotMentioned),
            (apparent, "the deal was signed on 2015-08-19", Supported),
            (apparent, "the deal was signed in Rawalpindi", Supported),
        ],
    );
}

/// What the source only reports others said gives way to what it states in
/// its own voice: a report it corrects is contradicted, a report it leaves
/// standing supports, and a quote does not overrule a report.
#[test]
fn a_report_the_source_corrects_is_contradicted() {
    use Verdict::*;
    let corrected = "One foreign wire briefly reported that the deal had been signed in Moscow. \
                     It was not: it was signed in Rawalpindi on Wednesday.\n";
    let standing = "One foreign wire reported that the deal had been signed in Moscow.\n";
    let quoted = "One foreign wire reported that the deal had been signed in Moscow. \
                  \"It was signed in Rawalpindi,\" an official said.\n";
    let dated = "Local media reported that the deal was signed on Tuesday. \
                 The deal was signed on Wednesday, the ministry's records show.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (corrected, "signed in Moscow", Contradicted),
            (corrected, "signed in Rawalpindi", Supported),
            (standing, "signed in Moscow", Supported),
            (standing, "signed in Rawalpindi", Contradicted),
            (quoted, "signed in Moscow", Supported),
            (dated, "the deal was signed on 2015-08-18", Contradicted),
            (dated, "the deal was signed on 2015-08-19", Supported),
        ],
    );
}

/// An amount stated as possible (`could be worth`, `may buy up to`) is
/// hedged: it neither supports nor contradicts; the same amount stated as
/// fact does both, and the month May is no modal.
#[test]
fn an_amount_stated_as_possible_decides_nothing() {
    use Verdict::*;
    let could = "The source did not specify the amount of the contract. \
                 Media reported that it could be worth about 150 million dollars.\n";
    let region = "Neither government has disclosed the price of the contract, although \
                  reports suggest it could be in the region of $150m.\n";
    let stated = "The contract is worth about 150 million dollars.\n";
    let may = "Pakistan may buy up to 20 helicopters.\n";
    let month = "The May deal covers 20 helicopters.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (could, "contract value = $200m", NotMentioned),
            (could, "contract value = $150m", NotMentioned),
            (region, "contract value = $150m", NotMentioned),
            (stated, "contract value = $200m", Contradicted),
            (stated, "contract value = $150m", Supported),
            (may, "helicopter count = 20", NotMentioned),
            (month, "helicopter count = 20", Supported),
        ],
    );
}

/// A question asks, it does not state: its events and amounts decide
/// nothing, and neither does a transcript's question turn, premise and
/// all; the answer decides.
#[test]
fn questions_state_nothing() {
    use Verdict::*;
    let asked = "Is Pakistan also buying Su-35 fighter aircraft from Russia?\n";
    let turn = "QUESTION (Rina Saeed, Express Tribune): Some Indian reports say the deal is worth \
                $200 million. Is that correct?\n\
                SPOKESPERSON: The contract is worth $153 million.\n";
    let q = "Q: Will Pakistan and Russia hold joint military exercises?\n";
    let quoted = "\"Will Pakistan buy more helicopters?\" the minister asked.\n";
    let stated = "Pakistan is also buying Su-35 fighter aircraft from Russia.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (asked, "Pakistan bought Su-35 fighters", NotMentioned),
            (turn, "contract value = $200m", Contradicted),
            (turn, "contract value = $153m", Supported),
            (
                q,
                "Russia and Pakistan will hold a joint exercise",
                NotMentioned,
            ),
            (quoted, "Pakistan will buy helicopters", NotMentioned),
            (stated, "Pakistan bought Su-35 fighters", Supported),
        ],
    );
}

/// An event dated far from a claimed day, beside one the source dates as
/// the claim allows (a month), is another occurrence of the kind: it does
/// not contradict; a date near the claim's still does.
#[test]
fn a_far_dated_event_beside_a_compatible_one_is_another() {
    use Verdict::*;
    let two = "The helicopters were ordered under a contract signed with Russia in August 2015. \
               In November 2014, Russian Defence Minister Sergei Shoigu visited Islamabad and \
               signed a defence cooperation agreement.\n";
    let near = "The contract was signed with Russia in August 2015. \
                Officials said it was signed on August 18, 2015.\n";
    let alone = "In November 2014, the two countries signed a defence cooperation agreement.\n";
    assert_table(
        Some("2017-09-14"),
        &[
            (two, "signed on August 19, 2015", NotMentioned),
            (two, "signed in November 2014", Supported),
            (near, "signed on August 19, 2015", Contradicted),
            (alone, "signed on August 19, 2015", Contradicted),
        ],
    );
}

/// A speaker placed by the source (`the Russian embassy in Islamabad
/// said`) is the claimed speaker (`Russian embassy`); another embassy is
/// not.
#[test]
fn a_placed_speaker_is_the_speaker() {
    use Verdict::*;
    let placed = "The Russian embassy in Islamabad said in a statement that the contract \
                  covered \"four Mi-35M helicopters and training of crews.\"\n";
    assert_table(
        Some("2015-08-21"),
        &[
            (
                placed,
                "Russian embassy said \"training of crews\"",
                Supported,
            ),
            (
                placed,
                "Pakistani embassy said \"training of crews\"",
                Contradicted,
            ),
        ],
    );
}

/// Declining to comment is not commenting: a claim that someone declined
/// is supported by `declined to comment` and `did not comment`, and
/// contradicted by a comment.
#[test]
fn declining_to_comment_is_not_commenting() {
    use Verdict::*;
    let declined = "The Federal Service for Military-Technical Cooperation (FSMTC) declined to \
                    comment on the contract.\n";
    let did_not = "Rosoboronexport did not comment on the deal.\n";
    let commented = "Rosoboronexport commented on the deal on Thursday.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (
                declined,
                "Federal Service for Military-Technical Cooperation declined to comment",
                Supported,
            ),
            (did_not, "Rosoboronexport declined to comment", Supported),
            (
                commented,
                "Rosoboronexport declined to comment",
                Contradicted,
            ),
            (
                declined,
                "Rosoboronexport declined to comment",
                NotMentioned,
            ),
        ],
    );
}

/// An event the source denies with the claim's own date or place
/// contradicts it, and so does a plan called off; a denial with another
/// date or place, or of another person, says nothing of the claim's.
#[test]
fn a_denial_with_the_claims_date_or_place_contradicts() {
    use Verdict::*;
    let cancelled = "Vladimir Putin was due to visit Islamabad in October 2012 but cancelled \
                     the trip at the last minute.\n";
    let denied = "Vladimir Putin did not visit Islamabad in October 2012.\n";
    let other_day = "The deal was not signed on Tuesday. The deal was signed on Wednesday.\n";
    let other_person = "Dmitry Medvedev did not visit Islamabad in October 2012.\n";
    assert_table(
        Some("2015-09-14"),
        &[
            (
                cancelled,
                "Vladimir Putin visited Pakistan in October 2012",
                Contradicted,
            ),
            (cancelled, "Vladimir Putin visited Pakistan", Contradicted),
            (
                denied,
                "Vladimir Putin visited Islamabad in October 2012",
                Contradicted,
            ),
            (denied, "Vladimir Putin visited Islamabad", Contradicted),
            (other_day, "the deal was signed on 2015-09-09", Supported),
            (
                other_person,
                "Vladimir Putin visited Islamabad in October 2012",
                NotMentioned,
            ),
        ],
    );
}

/// A country that acts in the sentence is the event's party, not another
/// country the sentence names: the sale to Pakistan is Pakistan's buy,
/// not Japan's.
#[test]
fn another_country_does_not_act_for_the_claims() {
    use Verdict::*;
    let sale = "Pakistan and Japan on Friday signed a landmark defence deal that includes the \
                sale of four attack helicopters to Pakistan.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (sale, "Pakistan will buy helicopters", Supported),
            (sale, "Japan will buy helicopters", NotMentioned),
            (sale, "Japan signed a defence deal", Supported),
        ],
    );
}

/// An earlier event of the kind is another occurrence beside one that is
/// the story's, but when it is the source's only one it dates the claim's
/// event: a date claim of the story's time is then contradicted.
#[test]
fn the_only_event_of_its_kind_dates_the_claims() {
    use Verdict::*;
    let only = "In June 2014, Russia quietly lifted its embargo on arms supplies to Pakistan.\n";
    let beside = "Pakistan and Russia signed a helicopter deal on Wednesday. The two countries \
                  had signed a defence cooperation agreement in November last year.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (only, "Russia lifted its embargo in 2015", Contradicted),
            (only, "Russia lifted its embargo in June 2014", Supported),
            (beside, "signed in August 2015", Supported),
            (beside, "signed on Wednesday", Supported),
        ],
    );
}

/// A place the gazetteer does not know is a venue: found where its words
/// follow `at`, `in` or `inside` in the event's clause, never compared
/// with a city (where a building stands is not known).
#[test]
fn a_venue_is_found_in_the_events_clause() {
    use Verdict::*;
    let ghq = "The contract was signed on Wednesday at the army's General Headquarters in \
               Rawalpindi, two officials said.\n";
    let met = "The two ministers met at the Kremlin and later signed a protocol in Moscow.\n";
    let fronted = "At the Kremlin, Putin signed the decree on Friday.\n";
    let named = "Officials at General Headquarters said the deal was signed in Moscow.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (ghq, "signed at General Headquarters", Supported),
            (ghq, "signed in Rawalpindi", Supported),
            (ghq, "signed at the Kremlin", NotMentioned),
            // Where they met, not where they signed.
            (met, "signed at the Kremlin", NotMentioned),
            (met, "met at the Kremlin", Supported),
            (fronted, "signed at the Kremlin", Supported),
            // Not after `at` in the signing's clause: the officials' place.
            (named, "signed at General Headquarters", NotMentioned),
            (named, "signed in Moscow", Supported),
        ],
    );
}

/// A sentence that opens with a condition supposes what it tells: its
/// events and amounts decide nothing, as a question's do not.
#[test]
fn a_condition_states_nothing() {
    use Verdict::*;
    let amount = "If the deal is worth $1 billion, then each helicopter costs $250 million.\n";
    let had = "Had Pakistan bought twenty Mi-35 helicopters, India would have protested.\n";
    let even = "Even if the price was high, Pakistan bought four Mi-35 helicopters.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (amount, "deal value = $1bn", NotMentioned),
            (amount, "deal value = $153m", NotMentioned),
            (had, "Pakistan bought helicopters", NotMentioned),
            (had, "Mi-35 count = 4", NotMentioned),
            (even, "Pakistan bought helicopters", Supported),
            (even, "Mi-35 count = 4", Supported),
        ],
    );
}

/// Two counts in sentences that name countries, none the same, count two
/// countries' sets: no disagreement (a roundup of several deals).
#[test]
fn counts_of_other_countries_are_other_sets() {
    use Verdict::*;
    let roundup = "Pakistan and Russia signed a contract for four Mi-35M helicopters in \
                   Rawalpindi on Wednesday.\n\nTwo Mi-35M helicopters were delivered to the \
                   air force at Makurdi on August 12.\n";
    let edited = "Pakistan and Russia signed a contract for four Mi-35M helicopters in \
                  Rawalpindi on Wednesday.\n\nThe contract with Russia covers six Mi-35M \
                  helicopters.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (roundup, "helicopter count = 4", Supported),
            // The same country in both: one set, told two ways.
            (edited, "helicopter count = 4", Contradicted),
        ],
    );
}

/// A body speaks through its spokesman: `an embassy spokesman said` is the
/// claimed `Russian embassy`, not another speaker; another country's
/// embassy spokesman is.
#[test]
fn a_spokesman_speaks_for_the_claimed_body() {
    use Verdict::*;
    let ours = "\"No contract has been signed,\" an embassy spokesman said.\n";
    let theirs = "\"No contract has been signed,\" an Indian embassy spokesman said.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (
                ours,
                "Russian embassy said \"No contract has been signed\"",
                Supported,
            ),
            (
                theirs,
                "Russian embassy said \"No contract has been signed\"",
                Contradicted,
            ),
        ],
    );
}

/// A role the people reader cuts (`Our Islamabad correspondent Tariq
/// Naseem` gives `correspondent`) matches a claim whose whole role the
/// sentence writes; another role of the same kind still conflicts.
#[test]
fn a_role_written_whole_in_the_sentence_matches() {
    use Verdict::*;
    let text = "Our Islamabad correspondent Tariq Naseem joins me now.\n";
    assert_table(
        Some("2015-08-20"),
        &[
            (text, "Tariq Naseem is Islamabad correspondent", Supported),
            (text, "Tariq Naseem is Moscow correspondent", Contradicted),
        ],
    );
}
