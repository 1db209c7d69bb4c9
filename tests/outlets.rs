//! Accuracy on other outlets' wording: synthetic articles about the seeds'
//! story in other outlets' styles, and claims whose verdict on each article
//! was decided from the text before the tool was run (`per_source` in the
//! claims files). Three independent audits: eight articles and 103 claims
//! in `tests/outlets`, six articles and 100 claims in `tests/outlets2`, six
//! articles and 123 claims in `tests/outlets3`.
//!
//! The tool does not yet agree on every cell. These tests pin which cells
//! it gets wrong, so that a change that breaks one more fails here, and a
//! change that fixes one fails too, until the cell is taken off the list.

use std::collections::BTreeSet;
use std::path::Path;

/// The cells the tool gets wrong, as `claim source expected got`, each
/// with why.
const WRONG: &[&str] = &[
    // "four attack helicopters", tied to "the Mi-35 helicopters" only a
    // paragraph later.
    "mi35-count ap supported not-mentioned",
    // "became the first Russian defence chief to visit Islamabad … when he
    // travelled there in November": the visit's date is in another clause.
    "shoigu-nov2014 indian supported not-mentioned",
    "shoigu-2013 indian contradicted not-mentioned",
    // "Dr. Sana Qureshi is a Senior Research Fellow in the South Asia
    // Programme.": only her title (doctor) is read as a role.
    "qureshi thinktank supported not-mentioned",
    // "The signing of a contract … in Rawalpindi": an agentless signing
    // placed in Pakistan stands in for Pakistan.
    "pakistan-signed thinktank not-mentioned supported",
    "did-not-sign thinktank not-mentioned contradicted",
    // "Russia did not, however, sell Pakistan any weapons": a claim's
    // "refused to sell" is read as "did not sell", but not selling is no
    // refusal.
    "refused-to-sell thinktank not-mentioned supported",
    // "some Pakistani reports claimed it could be worth around $153
    // million": this audit took the sum as stated (its note calls that
    // debatable); the tool holds a sum stated as possible hedged, as the
    // second audit does ("could be worth about 150 million dollars") and
    // as it holds a hedged event.
    "value-153m indian supported not-mentioned",
    "value-1bn indian contradicted not-mentioned",
];

#[test]
fn other_outlets_wording_is_read_as_a_reader_reads_it() {
    assert_cells("tests/outlets", 824, WRONG);
}

/// The cells of the second audit (`tests/outlets2`: six articles in the
/// styles of an explainer, a quote-heavy report, a Pakistani daily, Russian
/// state media, a defence-trade newsletter and a column; 100 claims) the
/// tool gets wrong, as `claim source expected got`, each with why.
const WRONG2: &[&str] = &[
    // "A twelve-member Russian delegation": the count is of members.
    "delegation-12 nation supported not-mentioned",
    // "valued at USD153 million …, or roughly USD38 million per airframe":
    // a price per piece in the sentence keeps a sum from contradicting.
    "value-200m newsletter contradicted not-mentioned",
    // "had held a meeting with … Shoigu in Islamabad in November last
    // year": a reader infers the visit.
    "shoigu-nov2014 nation supported not-mentioned",
    // "a year after Russia lifted …" beside "in June 2014 that the embargo
    // had been lifted": the date is in another clause.
    "embargo-2014 aljazeera supported not-mentioned",
    // "Deliveries: from mid-2017, over 12 months": a fact sheet's line.
    "deliver-2017 newsletter supported not-mentioned",
    "deliver-2016 newsletter contradicted not-mentioned",
    // "shall be delivered … by the end of 2016": a deadline, not a date.
    "deliver-2016 nation supported not-mentioned",
    // "the first machine is not expected before 2017".
    "deliver-2016 opinion contradicted not-mentioned",
    // A venue (General Headquarters) is found where its words follow `at`,
    // but never compared with another venue (`at the Ministry of Defence`)
    // or with a city, nor with `army headquarters`, other words.
    "signed-ghq aljazeera contradicted not-mentioned",
    "signed-ghq opinion supported not-mentioned",
    // "The exercise will take place on the territory of Russia": take
    // place is no hold.
    "exercise-russia ria supported not-mentioned",
    // Army chief against a claimed Prime Minister: another office alone
    // never contradicts a role (by design).
    "raheel-pm bbc contradicted not-mentioned",
    "raheel-pm aljazeera contradicted not-mentioned",
    "raheel-pm nation contradicted not-mentioned",
    // "Officials from the two countries put their signatures": the
    // officials, not Pakistan, are the agent; "The signing last Wednesday
    // of a contract" names no party.
    "signed-agreement bbc supported not-mentioned",
    "signed-agreement opinion supported not-mentioned",
    "not-signed bbc contradicted not-mentioned",
    "not-signed opinion contradicted not-mentioned",
    // "procurement of four", "a contract for four": a buy named by a noun.
    "will-buy nation supported not-mentioned",
    "will-buy ria supported not-mentioned",
    "will-buy newsletter supported not-mentioned",
    "will-buy opinion supported not-mentioned",
    // "joint military exercises, which the two countries have never held";
    // "plan to hold their first joint exercise": the object of a relative
    // clause, and an inference.
    "exercise-held bbc contradicted not-mentioned",
    "exercise-held ria contradicted not-mentioned",
];

#[test]
fn a_second_set_of_outlets_is_read_as_a_reader_reads_it() {
    assert_cells("tests/outlets2", 600, WRONG2);
}

/// The cells of the third audit (`tests/outlets3`: six articles in the
/// styles of a wire item, an Indian outlet's skeptical analysis, a Foreign
/// Office briefing transcript, a long-form magazine piece with background,
/// an edited copy of the Dawn seed, and a corrected and updated web story;
/// 123 claims) the tool gets wrong, as `claim source expected got`, each
/// with why.
const WRONG3: &[&str] = &[
    // Roles the people reader does not take: a name after its role in a
    // transcript label (`Spokesperson: Mr. Faisal Naeem`), a long title with
    // `on` (`The Adviser to the Prime Minister on National Security …, Mr.
    // Sartaj Aziz`), a nationality inside the role (`a former Pakistani air
    // force officer`), and roles of organisations (`Rosoboronexport, the
    // state arms exporter`).
    "naeem-spox briefing supported not-mentioned",
    "aziz-adviser briefing supported not-mentioned",
    "durrani-officer magazine supported not-mentioned",
    "rosob-exporter corrections supported not-mentioned",
    "rosob-exporter magazine supported not-mentioned",
    "rosob-exporter wire supported not-mentioned",
    // Inferences a reader makes: `his Pakistani counterpart` is Defence
    // Minister; `was not present at the signing` did not sign; an agentless
    // `an agreement was signed` in a Pakistani spokesman's answer is
    // Pakistan's.
    "asif-dm magazine supported not-mentioned",
    "asif-fm magazine contradicted not-mentioned",
    "asif-signed briefing contradicted not-mentioned",
    "pak-signed briefing supported not-mentioned",
    "pak-not-signed briefing contradicted not-mentioned",
    // Transcript turns: an answer's speaker is its label (`SPOKESPERSON:`),
    // with or without quote marks.
    "q-naeem-prism briefing supported not-mentioned",
    "q-asif-prism briefing contradicted not-mentioned",
    "q-naeem-su35 briefing supported not-mentioned",
    // `a Russian diplomat in Islamabad told this magazine`: the audit takes
    // the diplomat for Dedov (debatable); the tool takes another speaker.
    "q-dedov-modest magazine not-mentioned contradicted",
    // Dates and arguments in complex clauses: `agreed to hold …, expected
    // next year`; `since launching an offensive, known as Zarb-e-Azb, in
    // June 2014`; `met the Ambassador …, Mr. Alexey Dedov, on Tuesday`.
    "exercise-2016 magazine supported not-mentioned",
    "offensive-jun2014 corrections supported not-mentioned",
    "aziz-met briefing supported not-mentioned",
    // Visits named by a noun: the date after the visitor's apposition
    // (`the visit of the Russian Defence Minister, General Sergei Shoigu,
    // in November 2014`), `that November`, `his June visit to Moscow`.
    "shoigu-nov2014 briefing supported not-mentioned",
    "shoigu-nov2014 indian supported not-mentioned",
    "raheel-june indian supported not-mentioned",
    "raheel-july indian contradicted not-mentioned",
    // A buy by a first-person quote (`We are buying four helicopters`, a
    // Pakistani speaking) or only asked about in a question turn.
    "will-buy briefing supported not-mentioned",
    "will-buy indian supported not-mentioned",
    // Verbs the events reader does not know or attach: `left Afghanistan`
    // (withdrew), `invoked … and cut off military aid`.
    "soviet-1989 magazine supported not-mentioned",
    "pressler-1990 magazine supported not-mentioned",
    "pressler-1991 magazine contradicted not-mentioned",
    // Arguments: `Russia has still not sold Pakistan any fighter aircraft`
    // takes `still` for the agent; `approved the sale of 15 … helicopters
    // to Pakistan` cuts the object to `the sale`.
    "sold-fighters magazine contradicted not-mentioned",
    "not-sold-fighters magazine supported not-mentioned",
    "us-approved magazine supported not-mentioned",
    // A venue is never compared with a city (`signed in Karachi`): where
    // General Headquarters stands is not known.
    "signed-ghq edited contradicted not-mentioned",
    // Amounts: `estimated the contract at about $150 million` is not read
    // as a stated value;
    // `four Mi-35M helicopter gunships` counts gunships, not Mi-35
    // helicopters.
    "value-200 corrections contradicted not-mentioned",
    "mi35-4 indian supported not-mentioned",
];

#[test]
fn a_third_set_of_outlets_is_read_as_a_reader_reads_it() {
    assert_cells("tests/outlets3", 738, WRONG3);
}

/// Checks every cell of the audit in `dir` (its `claims` and `seeds`):
/// `cells` cells in all, wrong exactly in `known_wrong`.
fn assert_cells(dir: &str, cells_expected: usize, known_wrong: &[&str]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let run = claimcheck::check(root.join("claims"), root.join("seeds")).expect("the audit loads");
    let mut cells = 0;
    let mut wrong = BTreeSet::new();
    for set in &run.outcomes {
        for o in &set.outcomes {
            for v in o.verdicts() {
                let Some(want) = o.claim.per_source.get(v.source) else {
                    continue;
                };
                cells += 1;
                if *want != v.verdict {
                    wrong.insert(format!(
                        "{} {} {} {}",
                        o.claim.id,
                        v.source.as_str(),
                        want.as_str(),
                        v.verdict.as_str()
                    ));
                }
            }
        }
    }
    assert_eq!(
        cells, cells_expected,
        "every claim has an expectation for every source"
    );
    let known: BTreeSet<String> = known_wrong.iter().map(|s| (*s).to_string()).collect();
    let new: Vec<_> = wrong.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&wrong).collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "cells now wrong: {new:#?}\ncells now right (take them off WRONG): {fixed:#?}"
    );
}

/// The fourth audit (`tests/outlets4`): eight articles in other styles (a
/// broadcast transcript, a live blog, a military press release, an op-ed,
/// an explainer, a roundup of several deals, a dispute of accounts, a
/// Russian state wire), 122 claims, every verdict decided before the tool
/// was run (`expectations.frozen.toml`; the working claims file respells
/// one name, `el-Sisi`, that the claim parser then refused). `FINDINGS.md` is
/// the audit's report of its first run: 822 of 976 cells right, 18 false
/// supports and 17 false contradictions. The cells still wrong:
const WRONG4: &[&str] = &[
    // By design: a claim that names no party takes any event or count of its
    // kind, and a roundup of several deals holds other countries' (`Egypt
    // signed a contract … in Moscow on Tuesday`, Nigeria's two Mi-35Ms,
    // Egypt's 45 Apaches); the audit takes such a claim to be about the
    // story's deal.
    "apache-45 broadcast not-mentioned contradicted",
    "apache-45 roundup supported contradicted",
    "delivered-makurdi roundup not-mentioned supported",
    "heli-46 roundup contradicted supported",
    "mi35-2 roundup contradicted supported",
    "signed-27aug roundup contradicted supported",
    "signed-astana roundup contradicted supported",
    "signed-islamabad explainer contradicted supported",
    "signed-moscow roundup contradicted supported",
    "signed-russia roundup contradicted supported",
    "signed-thu roundup contradicted supported",
    "signed-tue roundup contradicted supported",
    // Retractions and refutations the tool does not link to what they
    // retract: a live blog's correction of an earlier post left in place, an
    // anchor's `That order has not yet been signed`, a ministry rejecting a
    // senator's count, a writer's `It is not` after a channel's figure, two
    // reports of the signing's place; and `the Egyptian contract`'s value.
    "asif-dm liveblog supported contradicted",
    "asif-fm liveblog contradicted supported",
    "deal-3bn oped not-mentioned contradicted",
    "heli-20 dispute contradicted supported",
    "heli-250m oped contradicted not-mentioned",
    "heli-4 liveblog supported contradicted",
    "india-ordered broadcast contradicted supported",
    "mi35-4 liveblog supported contradicted",
    "signed-islamabad liveblog contradicted supported",
    "value-150 oped not-mentioned contradicted",
    "value-153 oped not-mentioned contradicted",
    "value-1bn oped contradicted supported",
    "value-1bn roundup contradicted supported",
    // Dates the events reader does not attach: `on Wednesday last`, `Three
    // days after Pakistan signed`.
    "signed-19aug dispute supported not-mentioned",
    "signed-19aug oped supported not-mentioned",
    "signed-27aug dispute contradicted not-mentioned",
    "signed-27aug oped contradicted not-mentioned",
    "signed-aug2015 dispute supported not-mentioned",
    "signed-aug2015 oped supported not-mentioned",
    "signed-thu dispute contradicted not-mentioned",
    "signed-thu oped contradicted not-mentioned",
    "signed-tue dispute contradicted not-mentioned",
    "signed-tue oped contradicted not-mentioned",
    "signed-wed dispute supported not-mentioned",
    "signed-wed oped supported not-mentioned",
    // Events named by nouns or verbs the reader does not take (`signatures
    // were put to paper`, `Officials I've spoken to say the first deliveries
    // are expected in 2017`, `was in`, `came to`, `a visit by`, `flew` in a
    // clause it does not attach).
    "deliver-2016 broadcast contradicted not-mentioned",
    "deliver-2017 broadcast supported not-mentioned",
    "pak-not-signed oped contradicted not-mentioned",
    "pak-signed oped supported not-mentioned",
    "raheel-aug broadcast contradicted not-mentioned",
    "raheel-aug dispute contradicted not-mentioned",
    "raheel-aug sputnik contradicted not-mentioned",
    "raheel-june broadcast supported not-mentioned",
    "raheel-june dispute supported not-mentioned",
    "raheel-june sputnik supported not-mentioned",
    "shoigu-nov2014 broadcast supported not-mentioned",
    "shoigu-nov2014 explainer supported not-mentioned",
    "shoigu-nov2014 ispr supported not-mentioned",
    "shoigu-nov2014 liveblog supported not-mentioned",
    "signed-astana explainer contradicted not-mentioned",
    "signed-astana oped contradicted not-mentioned",
    "signed-islamabad oped contradicted not-mentioned",
    "signed-moscow explainer contradicted not-mentioned",
    "signed-moscow oped contradicted not-mentioned",
    "signed-pakistan oped supported not-mentioned",
    "signed-rawalpindi explainer supported not-mentioned",
    "signed-rawalpindi oped supported not-mentioned",
    "signed-russia explainer contradicted not-mentioned",
    "signed-russia oped contradicted not-mentioned",
    // A press release's register: titles after honorifics (`Lieutenant
    // General Nazir Ahmed Butt, HI(M), Chief of Logistics Staff`), speakers
    // named by title only, `a ceremony held at General Headquarters` for a
    // venue claim.
    "butt-cls ispr supported not-mentioned",
    "coop-nov2014 ispr supported not-mentioned",
    "lavrushin-ddg ispr supported not-mentioned",
    "lavrushin-dg ispr contradicted not-mentioned",
    "q-butt ispr supported not-mentioned",
    "q-dedov-trust ispr supported not-mentioned",
    "raheel-coas ispr supported not-mentioned",
    // A venue is never compared with another venue (`at the Ministry of
    // Defence`).
    "signed-ghq broadcast contradicted not-mentioned",
    "signed-ghq dispute contradicted not-mentioned",
    "signed-ghq explainer contradicted not-mentioned",
    "signed-ghq liveblog contradicted not-mentioned",
    // A signing with no agent never contradicts a claim that names the signer
    // (`Pakistan signed in Astana`).
    "pak-astana broadcast contradicted not-mentioned",
    "pak-astana dispute contradicted not-mentioned",
    "pak-astana explainer contradicted not-mentioned",
    "pak-astana oped contradicted not-mentioned",
    "pak-astana sputnik contradicted not-mentioned",
    // Transcript speaker tags (`correspondent (tariq naseem, islamabad):`, lower case) and clips (`[CLIP: khawaja asif, defence minister, …]` before the words).
    "farooqui-lecturer broadcast supported not-mentioned",
    "q-asif-moving broadcast supported not-mentioned",
    "q-asif-step broadcast supported not-mentioned",
    "q-farooqui broadcast supported not-mentioned",
    "q-naseem-symbolic broadcast contradicted not-mentioned",
    // Roles: a tagline (`The writer is a retired air commodore`),
    // `Director of the Federal Service … (FSMTC) Alexander Fomin`.
    "chaudhry-commodore oped supported not-mentioned",
    "fomin-fsmtc sputnik supported not-mentioned",
    // Counts: bare numbers (`for five -- I'm sorry, for four`, `It bought
    // four.`), gunships and Cobras for helicopters, a fact box's lines, `a
    // crew of two`.
    "cobra-40 broadcast supported not-mentioned",
    "cobra-40 explainer supported not-mentioned",
    "cobra-40 oped supported not-mentioned",
    "crew-2 explainer supported not-mentioned",
    "crew-2 liveblog supported not-mentioned",
    "mi35-12 broadcast contradicted not-mentioned",
    "mi35-12 oped contradicted not-mentioned",
    "mi35-2 broadcast contradicted not-mentioned",
    "mi35-2 oped contradicted not-mentioned",
    "mi35-4 broadcast supported not-mentioned",
    "mi35-4 oped supported not-mentioned",
    "troops-8 explainer supported not-mentioned",
    "troops-8 liveblog supported not-mentioned",
    // Amounts: `put the value at about USD 153 million` after a question
    // heading, a package's value.
    "deal-3bn explainer contradicted not-mentioned",
    "deal-3bn roundup contradicted not-mentioned",
    "value-150 explainer supported not-mentioned",
    "value-153 explainer supported not-mentioned",
    "value-1bn explainer contradicted not-mentioned",
    // Denied fighter deals (`no contract on the fighters has been signed`,
    // `never sold … a combat aircraft`) not read as the claim's denial.
    "sold-fighters explainer contradicted not-mentioned",
    "su35-bought dispute contradicted not-mentioned",
    "su35-bought explainer contradicted not-mentioned",
    "su35-bought liveblog contradicted not-mentioned",
    "su35-bought sputnik contradicted not-mentioned",
    "su35-not dispute supported not-mentioned",
    "su35-not explainer supported not-mentioned",
    "su35-not liveblog supported not-mentioned",
    "su35-not sputnik supported not-mentioned",
    // Buys named only by a contract or an order.
    "egypt-buy roundup supported not-mentioned",
    "will-buy broadcast supported not-mentioned",
    "will-buy dispute supported not-mentioned",
    "will-buy oped supported not-mentioned",
    "will-buy roundup supported not-mentioned",
    "will-buy sputnik supported not-mentioned",
    // Inferences and arguments: `He did not.`, `The two countries`, `an
    // agreement on military cooperation`, an agent read as `moscow refused
    // for decades`, a US approval named by a noun.
    "asif-signed dispute contradicted not-mentioned",
    "asif-signed explainer contradicted not-mentioned",
    "asif-signed ispr contradicted not-mentioned",
    "asif-signed oped contradicted not-mentioned",
    "coop-nov2014 sputnik supported not-mentioned",
    "embargo-2015 sputnik contradicted not-mentioned",
    "exercise-will sputnik supported not-mentioned",
    "india-ordered roundup contradicted not-mentioned",
    "refused oped supported not-mentioned",
    "us-approved explainer supported not-mentioned",
    "us-approved roundup supported not-mentioned",
    // An unnamed source's quote against a named speaker: the audit calls its
    // own cell debatable; the other audits read such a quote as another
    // speaker's.
    "q-fomin-source sputnik not-mentioned contradicted",
];

#[test]
fn a_fourth_set_of_outlets_is_read_as_a_reader_reads_it() {
    assert_cells("tests/outlets4", 976, WRONG4);
}
