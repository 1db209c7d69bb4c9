//! Per-kind matching of a claim against one source's facts.
//!
//! A fact decides a claim (supports or contradicts it) only when it is
//! about the same thing the claim is about; otherwise it is at most a near
//! miss, shown as a candidate with a note saying why it decided nothing.
//! Two rules of that kind are not about words but about what a sentence is
//! doing:
//!
//! - **Held counts.** A count of what someone holds (the extractor marks it
//!   held: `Pakistan already operates 30 Mi-17 helicopters`, `a fleet of 40
//!   Cobra helicopters`, `40 F-16s in service`) is a stock, another set than
//!   the things the story's event involves. A claim that names only the
//!   thing (`helicopter count = 4`) means the story's set, so a held count
//!   neither supports nor contradicts it; a claim that names the kind
//!   (`Mi-17 helicopter count = 30`) is decided by a held count that states
//!   that kind, like any other. The story's own counts are not held (`the
//!   sale of six Mi-35 helicopters` still contradicts `helicopter count =
//!   4`). The alternative, ignoring counts whose modifiers the claim does
//!   not share, would also drop the story's own count, which names a model
//!   (`six Mi-35 'Hind E' attack helicopters`) as often as a fleet does.
//! - **Captions.** The events, dates and counts of a photo caption are the
//!   picture's (`FILE - In this Aug. 12, 2015 photo, two Mi-35 helicopters
//!   fly near Moscow`), not the story's: they decide no quantity, place,
//!   date or event claim. A caption's names, roles, words and quotes still
//!   count (`Vladimir Putin is President`, `mentions Ufa`).
//! - **Earlier events of the kind.** A date claim of the story's time
//!   (`signed on Wednesday`, `signed in August 2015` of an article of
//!   2015-08-20) means the story's event; an event of the same kind that
//!   the narrator tells in the past perfect (`had signed … in November
//!   last year`) or dates more than half a year before the article is
//!   background, another occurrence: it does not contradict such a claim
//!   (it shows as a near miss), though it supports one that dates it as
//!   it does. This matters most when the
//!   story's own event is undated or only planned (`are expected to sign`),
//!   so that the background one is the only dated one. It does not
//!   contradict a place claim either when the source also tells of the
//!   story's own event of the kind (see `another_occurrence`). In a source
//!   whose publication date is unknown the claim's date stands in for the
//!   story's time, when the source also tells of an undated event of the
//!   kind that the claim may mean (see `unplaced_earlier`).
//! - **Sums.** A sum of money its sentence ties to the claim's thing
//!   (`The contract … is said to be worth $150m`, or `put it at $153m`
//!   after a sentence naming the contract) supports a value claim; it
//!   contradicts one only as the thing's stated value: a valuation cue
//!   just before it, the thing named before it, no other sum in the
//!   sentence, no price per piece (see `stated_value`). A sentence with
//!   several sums may value several things.
//! - **Sources that disagree with themselves.** A fact that matches the
//!   claim makes it supported even when others conflict with it, since news
//!   text mentions many sets and events of the same kind; but when a
//!   conflicting fact is about the very thing a matching one is about, the
//!   source as a whole does not back the claim: it is contradicted, with
//!   those conflicting facts and every matching one as evidence, the
//!   matching ones noted `as the claim says, but the source also says 6
//!   (mi-35) for the same thing: it disagrees with itself`. The same thing
//!   is:
//!   - for counts, two counts in two sentences that share a modifier naming
//!     the kind (a designation with a digit such as `mi-35`, a term of the
//!     aliases such as `mi-35m` for `Mi-35`, one of the claim's qualifiers,
//!     or a capitalized name such as `'Hind E'`; never `attack` or
//!     `combat`, nor a nationality), both exact, neither held nor a change,
//!     neither a part of or an addition to a set (`the first two`, `two of
//!     the`, `20 more`, `another six`), both sentences stated alike (as
//!     fact, or both as planned; neither with a hedged or denied event),
//!     and, when an event of each takes the count as its object, events
//!     with a common agent not dated apart (`Pakistan bought four Mi-35s`
//!     and `India bought 12 Mi-35s in 2010` count two sets);
//!   - for places, two events with the claim's predicate, stated as the
//!     claim states it, placed apart on the same day (`signed in Rawalpindi
//!     on Wednesday`, `signed in Islamabad on Wednesday`);
//!   - for dates, two such events dated to days at most a week apart (two
//!     weekdays the source could not place count as one week), not placed
//!     apart (`on Wednesday signed`, `signed in Rawalpindi on Tuesday`).
//!     An earlier event of the same kind (`had signed an agreement in
//!     November last year`) is another event, not a disagreement.
//!
//!   A stated date is what ties two mentions of an event together; without
//!   one (`signed in Rawalpindi`, then `a deal signed in Islamabad`) the
//!   two may be two signings and the claim stays supported. The
//!   alternative, any conflicting fact beside a matching one, would make
//!   every article that mentions another buyer's helicopters or an earlier
//!   agreement contradict itself.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

use crate::claims::{Aliases, Claim, ClaimKind, PlaceName, Verdict, normalize_term};
use crate::extract::{
    Amount, Bound, DateValue, EventFrame, Fact, FactKind, Factuality, Granularity, PlaceKind,
    PlaceMention, Unit, canonical_predicate,
};

use super::{Analysis, Evidence, FactTerms, Note, SourceVerdict};

/// How one fact relates to a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    Match,
    Conflict,
    Neither,
}

/// At most this many near-miss candidates are shown.
const MAX_CANDIDATES: usize = 3;

/// What `judge` needs of a claim whatever the source, made once per claim.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// The counted thing of a quantity claim, or the participants of an
    /// event, place or date claim.
    terms: Vec<Term>,
    /// The claim's own terms, normalized once.
    side: Side,
}

/// The terms of a claim that `judge` compares with every source's facts.
#[derive(Debug)]
enum Side {
    /// A quantity's counted thing, canonical, and its singular.
    Quantity { canon: String, single: String },
    /// A quote's words and speaker, normalized.
    Quote { text: String, speaker: String },
    /// A role's person, normalized.
    Role { person: String },
    /// An event's (place's, date's) event, canonical.
    Event { event: String },
    /// Nothing to prepare.
    Other,
}

impl Prepared {
    /// The canonical event of an event, place or date claim ("" for others).
    fn event(&self) -> &str {
        match &self.side {
            Side::Event { event } => event,
            _ => "",
        }
    }

    pub(crate) fn new(aliases: &Aliases, claim: &Claim) -> Prepared {
        let side = match &claim.kind {
            ClaimKind::Quantity { counted, .. } => {
                let canon = aliases.canon(counted);
                let single = crate::claims::singular_of(&canon);
                Side::Quantity { canon, single }
            }
            ClaimKind::Quote { speaker, text } => Side::Quote {
                text: normalize_term(text),
                speaker: normalize_term(speaker),
            },
            ClaimKind::Role { person, .. } => Side::Role {
                person: normalize_term(person),
            },
            ClaimKind::Place { event, .. }
            | ClaimKind::Date { event, .. }
            | ClaimKind::Event { event, .. } => Side::Event {
                event: aliases.canon(event),
            },
            _ => Side::Other,
        };
        let terms = match &claim.kind {
            ClaimKind::Quantity { counted, .. } => vec![Term::new(aliases, counted)],
            ClaimKind::Place { participants, .. }
            | ClaimKind::Date { participants, .. }
            | ClaimKind::Event { participants, .. } => {
                participants.iter().map(|p| Term::new(aliases, p)).collect()
            }
            _ => Vec::new(),
        };
        Prepared { terms, side }
    }
}

/// The [`Term::id`] of a term whose namings are not shared.
const UNSHARED: u32 = u32::MAX;

/// Numbers the terms of `prepared` (the claims of one claims file) so that
/// terms with the same forms share a number: whether a sentence names one
/// is then worked out once per source, not once per claim.
///
/// Numbers are never reused within a process, so an analysis judged for
/// several claims files (each with its own aliases) never takes one file's
/// answer for another's; should they run out, terms go unshared.
pub(crate) fn share_terms(prepared: &mut [Prepared]) {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let mut ids: HashMap<(&[String], &[String], &str), usize> = HashMap::new();
    let mut numbered = Vec::new();
    for t in prepared.iter().flat_map(|p| &p.terms) {
        let next = ids.len();
        numbered.push(
            *ids.entry((&t.variants[..], &t.same_canon[..], &t.single[..]))
                .or_insert(next),
        );
    }
    let count = u32::try_from(ids.len()).unwrap_or(UNSHARED);
    // Numbers below `UNSHARED` only, taken once each.
    let base = NEXT
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |next| {
            next.checked_add(count).filter(|&end| end < UNSHARED)
        })
        .ok();
    for (t, n) in prepared.iter_mut().flat_map(|p| &mut p.terms).zip(numbered) {
        // `n` is below `count`, itself a `u32`.
        t.id = base.map_or(UNSHARED, |base| base + n as u32);
    }
}

/// The facts of a source that [`judge`] looks at.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Looked<'a> {
    /// Every fact.
    All,
    /// Only these facts (increasing): a superset of those the claim can be
    /// about (the index's).
    Only(&'a [u32]),
    /// Only these events (increasing): exactly the source's events whose
    /// predicate, or whose verb's canonical predicate, is the claim's
    /// event (canonical), which [`events`] then need not check again.
    Events(&'a [u32]),
}

/// The verdict of `claim` in one source, the claim [`Prepared`] beforehand,
/// looking at the facts `looked` says; the others are not looked at.
pub(crate) fn judge(
    aliases: &Aliases,
    claim: &Claim,
    prepared: &Prepared,
    a: &Analysis,
    only: Looked<'_>,
) -> SourceVerdict {
    let mut support = Vec::new();
    let mut conflict = Vec::new();
    let mut near = Vec::new();
    // Matching and conflicting evidence keep the index of the fact they
    // cite, for `disagreeing` to compare them with one another.
    let mut add = |rel: Relation, i: Option<usize>, ev: Evidence| match rel {
        Relation::Match => support.push((i, ev)),
        Relation::Conflict => conflict.push((i, ev)),
        Relation::Neither => near.push(ev),
    };
    match &claim.kind {
        ClaimKind::Quantity {
            counted,
            qualifiers,
            amount,
        } => {
            let (canon, single) = match &prepared.side {
                Side::Quantity { canon, single } => (canon.as_str(), single.as_str()),
                _ => ("", ""),
            };
            let mut names_terms = NamesAll::new(&prepared.terms);
            for (i, f) in numbered(a, only) {
                let FactKind::Quantity(q) = &f.kind else {
                    continue;
                };
                let same_thing = match a.fact_terms(i) {
                    FactTerms::Quantity(c) => c.as_ref().is_some_and(|(c, c_single)| {
                        let fc = aliases.canon_normalized(c);
                        // The singular is precomputed unless an alias maps the term.
                        fc == canon
                            || if std::ptr::eq(fc, c.as_str()) {
                                c_single == single
                            } else {
                                crate::claims::singular_of(fc) == *single
                            }
                    }),
                    _ => q
                        .counted
                        .as_deref()
                        .is_some_and(|c| same_term(aliases, c, counted)),
                } || counts_designation(aliases, counted, &q.qualifiers);
                let quals_ok = qualifiers_match(aliases, qualifiers, &q.qualifiers);
                // Money and percentages count nothing themselves: they are
                // about the thing the claim names when their sentence names it.
                let money = q.counted.is_none()
                    && q.amount.unit == amount.unit
                    && amount.unit != Unit::Count;
                let named_here = money && names_terms.in_sentence(a, f.sentence);
                // A value given in the sentence after the one that names the
                // thing (`… the value of the contract. Media put it at
                // $153m`): a pronoun or `the value` points back.
                let named_before = money
                    && !named_here
                    && valuation_cue(a, f, VALUE_CUES)
                    && previous_in_paragraph(a, f.sentence)
                        .is_some_and(|p| names_terms.in_sentence(a, p));
                let measured = named_here || named_before;
                let unstated = unstated(a, f);
                if ((same_thing && quals_ok) || measured)
                    && q.change.is_none()
                    && unstated.is_some()
                {
                    add(
                        Relation::Neither,
                        Some(i),
                        Evidence::of(a, i, f, unstated.map(Note::from)),
                    );
                } else if ((same_thing && quals_ok) || measured)
                    && q.change.is_none()
                    && possible_only(a, f)
                {
                    add(
                        Relation::Neither,
                        Some(i),
                        Evidence::of(a, i, f, Some(POSSIBLE.into())),
                    );
                } else if same_thing && quals_ok && q.change.is_none() {
                    let (rel, note) = if q.held && qualifiers.is_empty() && !is_designation(canon) {
                        // A fleet is another set than the one a claim
                        // that names only the thing means.
                        (Relation::Neither, Some(HELD.into()))
                    } else {
                        compare_amounts(amount, &q.amount)
                    };
                    add(rel, Some(i), Evidence::of(a, i, f, note));
                } else if measured && q.change.is_none() {
                    // Supports, but contradicts only as the thing's stated
                    // value: the sentence may hold several amounts about
                    // several things.
                    let (rel, note) = compare_amounts(amount, &q.amount);
                    let rel = match rel {
                        Relation::Match => rel,
                        Relation::Conflict if stated_value(a, f, &prepared.terms, named_here) => {
                            rel
                        }
                        _ => Relation::Neither,
                    };
                    add(rel, Some(i), Evidence::of(a, i, f, note));
                } else if same_thing
                    || (q.amount.value == amount.value && q.amount.unit == amount.unit)
                {
                    let why = if same_thing {
                        "counts the same thing with other qualifiers"
                    } else {
                        "same number, another thing"
                    };
                    add(
                        Relation::Neither,
                        Some(i),
                        Evidence::of(a, i, f, Some(why.into())),
                    );
                }
            }
        }
        ClaimKind::Place {
            place, factuality, ..
        } => {
            let found = events(a, aliases, prepared.event(), &prepared.terms, only);
            // Whether the source tells of the story's own event (see
            // `another_occurrence`), asked only of a conflicting place.
            let mut story_told: Option<bool> = None;
            // A place the gazetteer does not know is a venue (`General
            // Headquarters`, `the Kremlin`): looked for in the words of the
            // event's sentence.
            let venue: Vec<Vec<String>> = if place.info.is_none() {
                venue_words(aliases, &place.name)
            } else {
                Vec::new()
            };
            for &(i, f, e) in &found {
                let rels: Vec<Relation> = e
                    .places
                    .iter()
                    .map(|p| compare_places(aliases, place, p))
                    .collect();
                let at_venue = !venue.is_empty() && at_venue(a, f, e, &venue);
                let rel = if at_venue {
                    Relation::Match
                } else {
                    best(&rels)
                };
                if let Some(note) = denied_as_claimed(a, i, e, (*factuality, rel), &prepared.terms)
                {
                    add(Relation::Conflict, Some(i), Evidence::of(a, i, f, note));
                    continue;
                }
                if let Some(note) = cannot_decide(a, f, e, *factuality) {
                    add(Relation::Neither, Some(i), Evidence::of(a, i, f, note));
                    continue;
                }
                if e.places.is_empty() && !at_venue {
                    continue;
                }
                // Another person's event in a sentence that names the
                // claim's person too supports nothing.
                if rel == Relation::Match
                    && !prepared.terms.is_empty()
                    && other_agent(a, i, e, &prepared.terms)
                {
                    add(
                        Relation::Neither,
                        Some(i),
                        Evidence::of(a, i, f, Some(OTHER_AGENT.into())),
                    );
                    continue;
                }
                if rel == Relation::Conflict {
                    let other = if prepared.terms.is_empty() {
                        history(a, e, None)
                    } else {
                        other_agent(a, i, e, &prepared.terms).then_some(OTHER_AGENT.into())
                    };
                    if let Some(note) = other {
                        add(
                            Relation::Neither,
                            Some(i),
                            Evidence::of(a, i, f, Some(note)),
                        );
                        continue;
                    }
                    if let Some(note) = background(a, f, e) {
                        let told = *story_told.get_or_insert_with(|| {
                            found.iter().any(|&(_, g, d)| {
                                unstated(a, g).is_none()
                                    && d.dates.iter().any(|t| story_time(a, &t.value))
                                    && background(a, g, d).is_none()
                            })
                        });
                        if told {
                            add(
                                Relation::Neither,
                                Some(i),
                                Evidence::of(a, i, f, Some(note)),
                            );
                            continue;
                        }
                    }
                }
                let note = match rel {
                    Relation::Match => factuality_note(e.factuality),
                    Relation::Conflict => Some(
                        format!(
                            "the source places it in {}",
                            e.places
                                .iter()
                                .map(|p| p.place.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                        .into(),
                    ),
                    Relation::Neither => Some(
                        "a place of the event that neither matches nor excludes the claim".into(),
                    ),
                };
                add(rel, Some(i), Evidence::of(a, i, f, note));
            }
        }
        ClaimKind::Date {
            date,
            factuality,
            written,
            ..
        } => {
            let speech = is_speech(prepared.event());
            let day = yearless_day(date, written);
            let found = events(a, aliases, prepared.event(), &prepared.terms, only);
            for &(i, f, e) in &found {
                let rels: Vec<Relation> = e
                    .dates
                    .iter()
                    .map(|d| compare_day(compare_dates(date, &d.value), day, &d.value))
                    .collect();
                let rel = best(&rels);
                if let Some(note) = denied_as_claimed(a, i, e, (*factuality, rel), &prepared.terms)
                {
                    add(Relation::Conflict, Some(i), Evidence::of(a, i, f, note));
                    continue;
                }
                if let Some(note) = cannot_decide(a, f, e, *factuality) {
                    add(Relation::Neither, Some(i), Evidence::of(a, i, f, note));
                    continue;
                }
                if e.dates.is_empty() {
                    continue;
                }
                if rel == Relation::Match && other_agent(a, i, e, &prepared.terms) {
                    add(
                        Relation::Neither,
                        Some(i),
                        Evidence::of(a, i, f, Some(OTHER_AGENT.into())),
                    );
                    continue;
                }
                if rel == Relation::Conflict && speech {
                    add(
                        Relation::Neither,
                        Some(i),
                        Evidence::of(a, i, f, Some(OTHER_STATEMENT.into())),
                    );
                    continue;
                }
                if rel == Relation::Conflict {
                    // Background is another occurrence only beside an
                    // event of the kind that is not: the source's only
                    // one (`In June 2014, Russia lifted its embargo`)
                    // dates the claim's event.
                    let others = found.iter().any(|&(j, g, d)| {
                        j != i && unstated(a, g).is_none() && background(a, g, d).is_none()
                    });
                    if let Some(note) = another_occurrence(a, f, e, date)
                        .filter(|_| others)
                        .or_else(|| unplaced_earlier(a, e, date, *factuality, &found))
                        .or_else(|| {
                            let alike = (day, *factuality);
                            far_beside_compatible(a, i, e, date, alike, &prepared.terms, &found)
                        })
                        .or_else(|| history(a, e, Some(date)))
                        .or_else(|| {
                            other_agent(a, i, e, &prepared.terms).then_some(OTHER_AGENT.into())
                        })
                    {
                        add(
                            Relation::Neither,
                            Some(i),
                            Evidence::of(a, i, f, Some(note)),
                        );
                        continue;
                    }
                }
                let note = match rel {
                    Relation::Match => factuality_note(e.factuality),
                    Relation::Conflict => Some("the source dates it differently".into()),
                    Relation::Neither => Some(
                        "a date of the event that neither matches nor excludes the claim".into(),
                    ),
                };
                add(rel, Some(i), Evidence::of(a, i, f, note));
            }
        }
        ClaimKind::Role { person, role } => {
            let claimed = match &prepared.side {
                Side::Role { person } => person.as_str(),
                _ => "",
            };
            for (i, f) in numbered(a, only) {
                let FactKind::Person(p) = &f.kind else {
                    continue;
                };
                let named = match a.fact_terms(i) {
                    FactTerms::Person(n) => same_person_normalized(claimed, n),
                    _ => same_person(person, &p.name),
                };
                if !named {
                    continue;
                }
                let titles: Vec<String> = p
                    .roles
                    .iter()
                    .map(|r| {
                        fold_title(&normalize_term(&format!(
                            "{} {}",
                            r.of.as_deref().unwrap_or(""),
                            r.title
                        )))
                    })
                    .collect();
                let role = &fold_title(role);
                // Titles and roles are normalized (`normalize_term`), so in
                // one spelling: `Defense Minister` is `Defence Minister`.
                let mut claim_words: Vec<String> = title_words(aliases, role)
                    .into_iter()
                    .filter(|w| {
                        !matches!(w.as_str(), "of" | "the" | "a" | "an" | "at" | "for" | "in")
                    })
                    .collect();
                // `Chief of Army Staff` is the army's chief, and sources
                // write it so (`Pakistan's army chief`): the staff is the
                // title's own word. Only with a service between: `Chief of
                // Staff` stays whole.
                let chief_of_staff = {
                    let r: Vec<&str> = role.split(' ').collect();
                    r.len() >= 4 && r[..2] == ["chief", "of"] && r.last() == Some(&"staff")
                };
                if chief_of_staff {
                    claim_words.pop();
                    // `chief`, the title's head, comes first.
                    claim_words.rotate_left(1);
                }
                let covers = |t: &str| {
                    let words = title_words(aliases, t);
                    claim_words
                        .iter()
                        .all(|cw| words.contains(cw) || words.iter().any(|w| demonym_match(w, cw)))
                };
                // `Deputy Director General` is not `Director General`, nor
                // `former ambassador` an ambassador: a qualifier of the
                // source's title the claim leaves out makes it another role
                let unclaimed = |t: &str| {
                    title_words(aliases, t)
                        .into_iter()
                        .find(|w| ROLE_QUALIFIERS.contains(&w.as_str()) && !claim_words.contains(w))
                };
                let matches = titles.iter().any(|t| covers(t) && unclaimed(t).is_none());
                let qualified = (!matches)
                    .then(|| {
                        titles
                            .iter()
                            .zip(&p.roles)
                            .find_map(|(t, r)| Some((unclaimed(t).filter(|_| covers(t))?, r)))
                    })
                    .flatten();
                let head = claim_words.last().cloned().unwrap_or_default();
                let mut holder = None;
                if let Some((q, r)) = qualified {
                    // another rank of the office contradicts; a past or
                    // future holder says nothing of the present
                    let rel = if RANK_QUALIFIERS.contains(&q.as_str()) {
                        Relation::Conflict
                    } else {
                        Relation::Neither
                    };
                    let note = format!("the source gives the role as {}", r.title);
                    add(rel, Some(i), Evidence::of(a, i, f, Some(note.into())));
                    continue;
                }
                let same_head = titles
                    .iter()
                    .any(|t| t.split(' ').next_back() == Some(head.as_str()));
                let rel = if matches {
                    Relation::Match
                } else if same_head && role_written_whole(a, f.sentence, &claim_words) {
                    // `Our Islamabad correspondent Tariq Naseem`: the title
                    // read is `correspondent`, the sentence has the claim's
                    // whole role.
                    Relation::Match
                } else if same_head {
                    Relation::Conflict
                } else {
                    holder = office_held_by_another(aliases, a, p, &claim_words);
                    if holder.is_some() {
                        Relation::Conflict
                    } else {
                        Relation::Neither
                    }
                };
                let note = match (rel, holder) {
                    (Relation::Conflict, Some(other)) => Some(other.into()),
                    (Relation::Conflict, None) => {
                        Some("the source gives this person another role of the same kind".into())
                    }
                    (Relation::Neither, _) => Some("the person is named with other roles".into()),
                    (Relation::Match, _) => None,
                };
                add(rel, Some(i), Evidence::of(a, i, f, note));
            }
        }
        ClaimKind::Quote { .. } => {
            let (want, claimed) = match &prepared.side {
                Side::Quote { text, speaker } => (text.as_str(), speaker.as_str()),
                _ => ("", ""),
            };
            for (i, f) in numbered(a, only) {
                let FactKind::Quote(q) = &f.kind else {
                    continue;
                };
                let FactTerms::Quote(said, said_by) = a.fact_terms(i) else {
                    continue;
                };
                if !said.contains(want) {
                    if said_by
                        .as_deref()
                        .is_some_and(|s| same_person_normalized(claimed, s))
                    {
                        add(
                            Relation::Neither,
                            Some(i),
                            Evidence::of(a, i, f, Some("another quote by the same speaker".into())),
                        );
                    }
                    continue;
                }
                let rel = match said_by.as_deref() {
                    Some(s) if same_person_normalized(claimed, s) || s == claimed => {
                        Relation::Match
                    }
                    // `Khawaja Asif said` of `Khawaja Muhammad Asif said`:
                    // a given name and the surname are the same speaker;
                    // `Asif said` alone is no other speaker either
                    Some(s) if name_within(claimed, s) && s.contains(' ') => Relation::Match,
                    // `the Russian embassy in Islamabad said` of a claimed
                    // `Russian embassy`: the speaker, placed
                    Some(s)
                        if s.strip_prefix(claimed).is_some_and(|rest| {
                            rest.starts_with(" in ") || rest.starts_with(" to ")
                        }) =>
                    {
                        Relation::Match
                    }
                    Some(s) if name_within(claimed, s) => Relation::Neither,
                    // `an embassy spokesman said` of a claimed `Russian
                    // embassy`: the body speaks through its spokesman
                    Some(s) if speaks_for(claimed, s) => Relation::Match,
                    Some(_) => Relation::Conflict,
                    None => Relation::Neither,
                };
                let note = match rel {
                    Relation::Conflict => Some(
                        format!(
                            "the source attributes it to {}",
                            q.speaker.as_deref().unwrap_or("")
                        )
                        .into(),
                    ),
                    Relation::Neither if said_by.is_some() => Some(
                        format!(
                            "the source names the speaker only {}",
                            q.speaker.as_deref().unwrap_or("")
                        )
                        .into(),
                    ),
                    Relation::Neither => Some("the quote has no speaker in the source".into()),
                    Relation::Match => None,
                };
                add(rel, Some(i), Evidence::of(a, i, f, note));
            }
        }
        ClaimKind::Event { factuality, .. } => {
            for (i, f, e) in events(a, aliases, prepared.event(), &prepared.terms, only) {
                if let Some(note) = unstated(a, f) {
                    add(
                        Relation::Neither,
                        Some(i),
                        Evidence::of(a, i, f, Some(note.into())),
                    );
                    continue;
                }
                if other_agent(a, i, e, &prepared.terms) {
                    add(
                        Relation::Neither,
                        Some(i),
                        Evidence::of(a, i, f, Some(OTHER_AGENT.into())),
                    );
                    continue;
                }
                let rel = match (factuality, e.factuality) {
                    (want, got) if want.is_factual() && got.is_factual() => Relation::Match,
                    (want, got) if want == &got => Relation::Match,
                    (want, Factuality::Negated) if want.is_factual() => Relation::Conflict,
                    (Factuality::Negated, got) if got.is_factual() => Relation::Conflict,
                    _ => Relation::Neither,
                };
                let note = match rel {
                    Relation::Match => factuality_note(e.factuality),
                    _ => unfactual_note(e),
                };
                add(rel, Some(i), Evidence::of(a, i, f, note));
            }
        }
        ClaimKind::Mention { term } => {
            for v in aliases.variants(term) {
                if let Some(span) = find_words(&a.text, &v) {
                    add(
                        Relation::Match,
                        None,
                        Evidence::of_span(a, span, format!("mention of {term}").into(), None),
                    );
                    break;
                }
            }
        }
        ClaimKind::Phrase { text } => {
            if let Some(span) = find_words(&a.text, &normalize_term(text)) {
                add(
                    Relation::Match,
                    None,
                    Evidence::of_span(a, span, format!("phrase \"{text}\"").into(), None),
                );
            }
        }
        ClaimKind::Pattern { regex } => {
            for s in a.text.sentences().iter().filter(|s| s.kind.has_facts()) {
                if let Some(m) = regex.find(a.text.slice(s.span)) {
                    let span = crate::Span::new(s.span.start + m.start(), s.span.start + m.end());
                    add(
                        Relation::Match,
                        None,
                        Evidence::of_span(
                            a,
                            span,
                            format!("match of /{}/", regex.as_str()).into(),
                            None,
                        ),
                    );
                    break;
                }
            }
        }
    }
    let both = !support.is_empty() && !conflict.is_empty();
    let overruled = both && overruled_report(a, &support, &conflict);
    // The other way round, the source's own word stands against what it
    // reports: the claim is supported, with no disagreement.
    let upheld = both && !overruled && overruled_report(a, &conflict, &support);
    let disagreement = if !both || overruled || upheld {
        None
    } else {
        disagreeing(aliases, claim, a, &support, &conflict)
    };
    let (verdict, evidence, candidates) = if overruled {
        // The source's own statement first: it is why the claim fails.
        let mut evidence: Vec<Evidence> = conflict.into_iter().map(|(_, ev)| ev).collect();
        evidence.extend(support.into_iter().map(|(_, mut ev)| {
            ev.note = Some(OVERRULED.into());
            ev
        }));
        (Verdict::Contradicted, evidence, Vec::new())
    } else if let Some((pinned, also)) = disagreement {
        // The conflicting statements first: they are why the claim fails;
        // then what the claim says, with what else the source says.
        let mut evidence: Vec<Evidence> = conflict
            .into_iter()
            .zip(pinned)
            .filter_map(|((_, ev), same)| same.then_some(ev))
            .collect();
        evidence.extend(support.into_iter().map(|(_, mut ev)| {
            let note = match &ev.note {
                Some(n) => format!("{n}; {also}"),
                None => also.clone(),
            };
            ev.note = Some(super::shared_note(&note));
            ev
        }));
        (Verdict::Contradicted, evidence, Vec::new())
    } else if !support.is_empty() {
        (
            Verdict::Supported,
            support.into_iter().map(|(_, ev)| ev).collect(),
            Vec::new(),
        )
    } else if !conflict.is_empty() {
        (
            Verdict::Contradicted,
            conflict.into_iter().map(|(_, ev)| ev).collect(),
            Vec::new(),
        )
    } else {
        near.truncate(MAX_CANDIDATES);
        (Verdict::NotMentioned, Vec::new(), near)
    };
    // Packed as soon as it is kept, most often: a verdict held whole until
    // the run ends is shrunk when it is kept (`Kept::add`).
    SourceVerdict {
        source: a.id().clone(),
        verdict,
        evidence,
        candidates,
    }
}

/// The note of a reported event that the source states otherwise in its
/// own voice ([`overruled_report`]).
const OVERRULED: &str = "reported by the source as others' word, and stated otherwise in its own";

/// Whether every fact of `reports` is an event the source only reports
/// (`One foreign wire reported that the deal had been signed in Moscow`)
/// and some fact of `own` is one it states as fact in its own voice, not in
/// a quote (`It was not: it was signed in Rawalpindi`): the source's word
/// then stands, whatever others said. Asked both ways: matching reports
/// against conflicting own statements (the claim is contradicted), and
/// conflicting reports against matching own statements (supported). A
/// report against a quote, or against another report, is left to
/// [`disagreeing`].
fn overruled_report(
    a: &Analysis,
    reports: &[(Option<usize>, Evidence)],
    own: &[(Option<usize>, Evidence)],
) -> bool {
    let facts = a.facts.iter().as_slice();
    let event = |i: &Option<usize>| {
        let f = facts.get((*i)?)?;
        match &f.kind {
            FactKind::Event(e) => Some((f, e)),
            _ => None,
        }
    };
    reports
        .iter()
        .all(|(i, _)| event(i).is_some_and(|(_, e)| e.factuality == Factuality::Reported))
        && own.iter().any(|(i, _)| {
            event(i)
                .is_some_and(|(f, e)| e.factuality == Factuality::Asserted && f.said_by.is_none())
        })
}

/// Whether the source disagrees with itself about what the claim is about:
/// some conflicting fact is about the very thing a matching fact is about
/// (see the module doc). Gives, for each conflicting fact, whether it is
/// one of those, and the note for the matching facts; `None` when no
/// conflicting fact is.
fn disagreeing(
    aliases: &Aliases,
    claim: &Claim,
    a: &Analysis,
    support: &[(Option<usize>, Evidence)],
    conflict: &[(Option<usize>, Evidence)],
) -> Option<(Vec<bool>, String)> {
    let facts = a.facts.iter().as_slice();
    let fact = |i: Option<usize>| i.and_then(|i| facts.get(i).map(|f| (i, f)));
    let mut also: Vec<String> = Vec::new();
    let pinned: Vec<bool> = conflict
        .iter()
        .map(|(c, _)| {
            let Some((ci, fc)) = fact(*c) else {
                return false;
            };
            let said = support.iter().find_map(|(m, _)| {
                let (mi, fm) = fact(*m)?;
                (mi != ci).then_some(())?;
                same_thing_otherwise_stated(aliases, claim, a, fm, fc)
            });
            match said {
                Some(s) => {
                    if !also.contains(&s) {
                        also.push(s);
                    }
                    true
                }
                None => false,
            }
        })
        .collect();
    if also.is_empty() {
        return None;
    }
    const MAX_LISTED: usize = 3;
    let more = also.len().saturating_sub(MAX_LISTED);
    also.truncate(MAX_LISTED);
    let mut listed = match also.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    };
    if more > 0 {
        listed.push_str(&format!(" (and {more} more)"));
    }
    let said = match &claim.kind {
        ClaimKind::Quantity { .. } => format!("says {listed} for the same thing"),
        ClaimKind::Place { .. } => format!("places the same event in {listed}"),
        _ => format!("dates the same event {listed}"),
    };
    Some((
        pinned,
        format!("as the claim says, but the source also {said}: it disagrees with itself"),
    ))
}

/// What the source says about the claim's thing in `fc` (`6 (mi-35)`,
/// `Islamabad`, `2015-08-18 (Tuesday)`), when `fc`,
/// a fact that conflicts with the claim, is about the same thing as `fm`,
/// one that matches it.
fn same_thing_otherwise_stated(
    aliases: &Aliases,
    claim: &Claim,
    a: &Analysis,
    fm: &Fact,
    fc: &Fact,
) -> Option<String> {
    match (&claim.kind, &fm.kind, &fc.kind) {
        (
            ClaimKind::Quantity { qualifiers, .. },
            FactKind::Quantity(qm),
            FactKind::Quantity(qc),
        ) => {
            let shared = same_set(aliases, qualifiers, a, (fm, qm), (fc, qc))?;
            Some(format!(
                "{} ({shared})",
                crate::extract::describe_amount(&qc.amount)
            ))
        }
        (ClaimKind::Place { .. }, FactKind::Event(em), FactKind::Event(ec)) => {
            // Two places on the same day: the same event placed twice.
            let same_day = em.dates.iter().any(|dm| {
                ec.dates
                    .iter()
                    .any(|dc| days_apart(&dm.value, &dc.value, 0))
            });
            same_day.then(|| {
                let places: Vec<&str> = ec.places.iter().map(|p| p.place.name.as_str()).collect();
                places.join(", ")
            })
        }
        (ClaimKind::Date { .. }, FactKind::Event(em), FactKind::Event(ec)) => {
            // Two days within a week of each other, in no two places: the
            // same event dated twice.
            let near = em.dates.iter().any(|dm| {
                ec.dates
                    .iter()
                    .any(|dc| days_apart(&dm.value, &dc.value, 7))
            });
            let placed_apart = !em.places.is_empty()
                && !ec.places.is_empty()
                && !em.places.iter().any(|pm| {
                    ec.places
                        .iter()
                        .any(|pc| aliases.canon(&pm.place.name) == aliases.canon(&pc.place.name))
                });
            (near && !placed_apart).then(|| {
                let dates: Vec<String> = ec
                    .dates
                    .iter()
                    .map(|d| crate::extract::describe_date(&d.value))
                    .collect();
                dates.join(", ")
            })
        }
        _ => None,
    }
}

/// How long before its publication an event is history rather than the
/// story's news (see [`another_occurrence`]): half a year.
const BACKGROUND_DAYS: i64 = 180;

/// Why event `e` (fact `f` of `a`), which dates the claim's event
/// otherwise than date claim `claim`, is another occurrence of that kind of
/// event than the one the claim means, so that it cannot contradict it;
/// `None` when nothing marks it as another.
///
/// A date claim names no particular deal or visit: when its date is the
/// story's time it means the story's event (`signed on Wednesday`, `signed
/// in August 2015` of an article published on 2015-08-20). News text also
/// tells of earlier events of the same kind, as background (`The two
/// countries had signed a defence cooperation agreement in November last
/// year`); when the story's own event is stated without a date, or only as
/// planned (`are expected to sign … on Wednesday`), that background event
/// is the only dated one, and it dates another signing. It is marked as
/// another occurrence when the claim's date is the story's time and
///
/// - the narrator tells it in the past perfect (`had signed`, `had been
///   signed`, `had already signed`): an event before the story's. Not when
///   someone reports it (`said the deal had been signed on Tuesday` is the
///   story's event in reported speech), nor in a quote;
/// - or every date of it ends more than [`BACKGROUND_DAYS`] before the
///   source was published (`signed a deal in November 2014` in an article
///   of August 2015): history, not the story's news.
///
/// Its caller asks this only when the source also tells of an event of
/// the kind that is not background: a background event that is the
/// source's only one of the kind (`In June 2014, Russia lifted its
/// embargo`) dates the claim's event and contradicts `lifted its embargo
/// in 2015`.
///
/// The claim's date is the story's time ([`story_time`]) when it is a bare
/// weekday or month (`on Wednesday`, `in August`: of the story's week or
/// year) or its days come within a week of the publication date (`in August 2015`, `in
/// 2015`, `on 2015-08-19`). A claim about another time (`signed in October
/// 2014`, or `signed in August 2015` against an article of 2017) is still
/// contradicted by an event dated otherwise, background or not, and within
/// the story's time a conflict still contradicts (`signed on Thursday`
/// against a claimed Wednesday).
///
/// A place claim names no time, so nothing in it says that it means the
/// story's event rather than an earlier one that a later article tells
/// of (`In August 2015, Russia and Pakistan signed a contract … in
/// Rawalpindi`, published in 2017, is that article's story). A background
/// event (as above) places another occurrence than a place claim's only
/// when the source also tells of the story's own event of the kind: one
/// that is not background and is dated to the story's time, as fact or as
/// planned (`are expected to sign … in Rawalpindi on Wednesday` beside
/// `had signed an agreement in Moscow in November 2014`): `signed in
/// Islamabad` is then not mentioned rather than contradicted by Moscow.
/// An undated event does not tell of the story's own (`the two countries
/// signed an agreement` may be background too). The alternative, telling occurrences apart by
/// their objects (`a defence cooperation agreement` against `a landmark
/// defence deal`), is not reliable: a story names its own deal with
/// several words (`the deal`, `the agreement`, `the contract`).
fn another_occurrence(a: &Analysis, f: &Fact, e: &EventFrame, claim: &DateValue) -> Option<Note> {
    if story_time(a, claim) {
        background(a, f, e)
    } else {
        None
    }
}

/// Why event `e` (fact `i`), which dates the claim's event otherwise than
/// date claim `date` (its yearless `day`, stated as `factuality`, about
/// `participants`), is another occurrence of the kind: all its dates lie
/// more than [`BACKGROUND_DAYS`] from the claim's, and the source also
/// dates another event of the kind (`found`), not another person's, as the
/// claim allows, though too coarsely to
/// decide it (`a contract signed with Russia in August 2015` beside `In
/// November 2014, Shoigu visited Islamabad and signed a defence
/// cooperation agreement`, against `signed on August 19, 2015`). The
/// source then tells of the claim's event and of another one; a date near
/// the claim's (`signed on August 18`) still contradicts.
fn far_beside_compatible(
    a: &Analysis,
    i: usize,
    e: &EventFrame,
    date: &DateValue,
    (day, factuality): (Option<i8>, Factuality),
    participants: &[Term],
    found: &[(usize, &Fact, &EventFrame)],
) -> Option<Note> {
    let (start, end) = (date.start?, date.end?);
    let span = jiff::Span::new().days(BACKGROUND_DAYS);
    let (lo, hi) = (start.checked_sub(span).ok()?, end.checked_add(span).ok()?);
    let far = !e.dates.is_empty()
        && e.dates
            .iter()
            .all(|d| d.value.end.is_some_and(|x| x < lo) || d.value.start.is_some_and(|x| x > hi));
    if !far {
        return None;
    }
    let compatible = found.iter().any(|&(j, g, d)| {
        j != i
            && unstated(a, g).is_none()
            && stated_alike(factuality, d.factuality)
            && !other_agent(a, j, d, participants)
            && d.dates.iter().any(|t| {
                compare_day(compare_dates(date, &t.value), day, &t.value) != Relation::Conflict
            })
    });
    compatible.then(|| {
        "dated far from the claim, beside an event of the kind the source dates as the claim \
         allows: another occurrence"
            .into()
    })
}

/// Why event `e`, which dates the claim's event otherwise than date claim
/// `claim` (stated as `factuality`), is another occurrence than the one the
/// claim may mean in a source whose publication date is unknown; `None`
/// when nothing marks it as another. `found` are the source's events of
/// the claim's kind.
///
/// Without a publication date there is no story's time to tell background
/// from news ([`another_occurrence`]), so an article that tells of its own
/// deal without a date (`The contract, which was signed in Rawalpindi`)
/// and of an earlier one with a date (`Russia and Pakistan signed a
/// defense cooperation agreement in November 2014`) would contradict every
/// date claim about its own deal. The claim's date stands in for the
/// story's time: an event dated only more than [`BACKGROUND_DAYS`] before
/// it is another occurrence when the source also tells, as the claim
/// states it, of an undated event of the kind (not in a caption, not in
/// the past perfect), which the claim may mean. An event dated within half
/// a year of the claim (`signed on 18 August 2015` against `on 19
/// August`), or after it, still contradicts; so does a dated event that is
/// the source's only one of the kind.
fn unplaced_earlier(
    a: &Analysis,
    e: &EventFrame,
    claim: &DateValue,
    factuality: Factuality,
    found: &[(usize, &Fact, &EventFrame)],
) -> Option<Note> {
    if a.text.published().is_some() {
        return None;
    }
    let limit = claim
        .start?
        .checked_sub(jiff::Span::new().days(BACKGROUND_DAYS))
        .ok()?;
    let earlier = dated_before(e, limit);
    let undated_told = || {
        found.iter().any(|&(_, g, d)| {
            d.dates.is_empty()
                && unstated(a, g).is_none()
                && stated_alike(factuality, d.factuality)
                && background(a, g, d).is_none()
        })
    };
    (earlier && undated_told()).then(|| {
        format!(
            "dated more than {BACKGROUND_DAYS} days before the claim's date, in a source \
             whose publication date is unknown and which also tells of an undated event \
             of the kind: an earlier event, not the one the claim may mean"
        )
        .into()
    })
}

/// Whether date `d` is the story's time in `a`: a bare weekday or month
/// (`on Wednesday`, `in August`), or days that come within a week of the
/// publication date.
fn story_time(a: &Analysis, d: &DateValue) -> bool {
    match (d.start, d.end) {
        (Some(s), Some(end)) => a.text.published().is_some_and(|p| {
            let week = jiff::Span::new().days(7);
            p.checked_sub(week).is_ok_and(|lo| end >= lo)
                && p.checked_add(week).is_ok_and(|hi| s <= hi)
        }),
        (None, None) => d.weekday.is_some() || d.month.is_some(),
        _ => false,
    }
}

/// Why event `e` (fact `f` of `a`) is background, an earlier event than
/// the story's (see [`another_occurrence`]): the narrator tells it in the
/// past perfect, or every date of it ends more than [`BACKGROUND_DAYS`]
/// before the source was published; `None` when neither.
fn background(a: &Analysis, f: &Fact, e: &EventFrame) -> Option<Note> {
    if f.said_by.is_none() && e.factuality == Factuality::Asserted && past_perfect(a, f, e) {
        return Some(
            "told in the past perfect (`had …`): an earlier event of the kind, \
             not the story's one the claim means"
                .into(),
        );
    }
    let published = a.text.published();
    let long_before = |d: &DateValue| {
        d.end.zip(published).is_some_and(|(end, p)| {
            p.checked_sub(jiff::Span::new().days(BACKGROUND_DAYS))
                .is_ok_and(|limit| end < limit)
        })
    };
    (!e.dates.is_empty() && e.dates.iter().all(|d| long_before(&d.value))).then(|| {
        format!(
            "dated more than {BACKGROUND_DAYS} days before the source was published: \
             an earlier event of the kind, not the story's one the claim means"
        )
        .into()
    })
}

/// Whether event `e` (fact `f` of `a`) is in the past perfect: `had` just
/// before its verb, with at most `been` and adverbs between (`had signed`,
/// `had been signed`, `had earlier signed`, `had formally been signed`).
fn past_perfect(a: &Analysis, f: &Fact, e: &EventFrame) -> bool {
    let Some(sentence) = a.text.sentences().get(f.sentence) else {
        return false;
    };
    let text = a.text.slice(sentence.span);
    let Some(before) = text.get(..e.span.start) else {
        return false;
    };
    for word in before.split_whitespace().rev().take(4) {
        let w = word.to_ascii_lowercase();
        if w == "had" {
            return true;
        }
        let adverb = w.ends_with("ly")
            || matches!(
                w.as_str(),
                "been" | "already" | "also" | "earlier" | "previously" | "once" | "just" | "first"
            );
        if !adverb {
            return false;
        }
    }
    false
}

/// Whether two dates are single days at most `window` days apart: both
/// resolved, or both weekdays the source could not place in time (a
/// weekday names a day of the story's week: any two are within a week, and
/// the same day only when they are the same weekday).
fn days_apart(x: &DateValue, y: &DateValue, window: i64) -> bool {
    let day = |d: &DateValue| match (d.start, d.end) {
        (Some(s), Some(e)) if s == e => Some(Ok(s)),
        (None, None) if d.granularity == Granularity::Day => d.weekday.map(Err),
        _ => None,
    };
    match (day(x), day(y)) {
        (Some(Ok(p)), Some(Ok(q))) => {
            let within = |p: jiff::civil::Date, q: jiff::civil::Date| {
                jiff::Span::new()
                    .try_days(window)
                    .ok()
                    .and_then(|w| p.checked_add(w).ok())
                    .is_some_and(|limit| q <= limit)
            };
            within(p, q) && within(q, p)
        }
        (Some(Err(p)), Some(Err(q))) => window >= 7 || p == q,
        _ => false,
    }
}

/// Whether two counts of the claim's thing, one matching the claim and one
/// conflicting with it, count the same set, and the modifier that says so.
///
/// They do when they share a distinguishing modifier (see
/// [`distinguishing`]), are stated in two sentences, alike (both as fact or
/// both as planned, neither hedged nor denied), each as an exact amount of
/// a set that is not held, and neither is a part of or an addition to
/// another (`the first two`, `two of the`, `20 more`, `another six`); and
/// when an event of each sentence takes the count as its object, the two
/// have a common agent and are not dated apart (`Pakistan bought four
/// Mi-35s` is not the set `India bought 12 Mi-35s last year` counts).
fn same_set(
    aliases: &Aliases,
    claim_quals: &[String],
    a: &Analysis,
    (fm, qm): (&Fact, &crate::extract::QuantityMention),
    (fc, qc): (&Fact, &crate::extract::QuantityMention),
) -> Option<String> {
    let exact = |q: &crate::extract::QuantityMention| {
        q.amount.bound == Bound::Exact && q.amount.upper.is_none()
    };
    if fm.sentence == fc.sentence
        || qm.held
        || qc.held
        || qm.change.is_some()
        || qc.change.is_some()
        || !exact(qm)
        || !exact(qc)
        || part_or_addition(a, fm)
        || part_or_addition(a, fc)
    {
        return None;
    }
    let mood = mood(a, fm.sentence)?;
    if self::mood(a, fc.sentence)? != mood {
        return None;
    }
    // Sentences that name countries, none of them the same, tell of two
    // countries' sets (`Pakistan and Russia signed a contract for four
    // Mi-35M helicopters`, `Two Mi-35M helicopters were delivered … at
    // Makurdi`).
    let (cm, cc) = (
        sentence_countries(a, fm.sentence),
        sentence_countries(a, fc.sentence),
    );
    if !cm.is_empty() && !cc.is_empty() && !cm.iter().any(|c| cc.contains(c)) {
        return None;
    }
    if let (Some(em), Some(ec)) = (holder(a, fm), holder(a, fc)) {
        let words = |e: &EventFrame| -> Vec<String> {
            e.agent
                .as_deref()
                .map(normalize_term)
                .unwrap_or_default()
                .split(' ')
                .filter(|w| !w.is_empty() && !matches!(*w, "the" | "a" | "an" | "and" | "of"))
                .map(|w| aliases.canon(w))
                .collect()
        };
        let (wm, wc) = (words(em), words(ec));
        if !wm.is_empty() && !wc.is_empty() && !wm.iter().any(|w| wc.contains(w)) {
            return None;
        }
        let dated_apart = em.dates.iter().any(|dm| {
            ec.dates
                .iter()
                .any(|dc| compare_dates(&dm.value, &dc.value) == Relation::Conflict)
        });
        if dated_apart {
            return None;
        }
    }
    qm.qualifiers.iter().find_map(|m| {
        qc.qualifiers
            .iter()
            .find(|c| {
                same_qualifier(aliases, m, c)
                    && (distinguishing(aliases, claim_quals, a, fm, m)
                        || distinguishing(aliases, claim_quals, a, fc, c))
            })
            .cloned()
    })
}

/// The countries of the places sentence `sentence` names (not its
/// dateline's), as ISO codes.
fn sentence_countries(a: &Analysis, sentence: usize) -> Vec<&str> {
    sentence_facts(a, sentence)
        .iter()
        .filter_map(|f| match &f.kind {
            FactKind::Place { place, role, .. } if *role != crate::extract::PlaceRole::Dateline => {
                Some(place.country.as_str())
            }
            _ => None,
        })
        .collect()
}

/// Whether a count's modifier names what it counts rather than describing
/// it: a designation (`mi-35`, `f-16`: it has a digit), a term of the
/// claims' aliases (`hind e`, declared a name of `Mi-35`), one of the
/// claim's own qualifiers, or a name (capitalized in its sentence, `'Hind
/// E'`, `Cobra`, not a nationality such as `Russian`). `attack`, `combat`
/// and `new` describe many sets and name none.
fn distinguishing(
    aliases: &Aliases,
    claim_quals: &[String],
    a: &Analysis,
    f: &Fact,
    q: &str,
) -> bool {
    if q.bytes().any(|b| b.is_ascii_digit())
        || aliases.variants(q).len() > 1
        || claim_quals.iter().any(|c| same_qualifier(aliases, q, c))
    {
        return true;
    }
    if q.split(' ')
        .any(|w| crate::extract::country_of_demonym(w).is_some())
    {
        return false;
    }
    let Some(s) = a.text.sentences().get(f.sentence) else {
        return false;
    };
    let text = a.text.slice(s.span);
    let lower = text.to_ascii_lowercase();
    lower.match_indices(q).any(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + q.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric())
            && after.is_none_or(|c| !c.is_alphanumeric())
            && text[i..].chars().next().is_some_and(char::is_uppercase)
            && i > 0
    })
}

/// Whether a count is a part of a set or an addition to one: `the first
/// two`, `the remaining two`, `another six`, `two of the`, `20 more`.
fn part_or_addition(a: &Analysis, f: &Fact) -> bool {
    let Some(s) = a.text.sentences().get(f.sentence) else {
        return false;
    };
    let text = a.text.as_str();
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let before = text
        .get(s.span.start..f.span.start)
        .and_then(|t| t.split_whitespace().next_back())
        .map(word);
    let after = text
        .get(f.span.end..s.span.end)
        .and_then(|t| t.split_whitespace().next())
        .map(word);
    before.is_some_and(|w| {
        matches!(
            w.as_str(),
            "first"
                | "last"
                | "remaining"
                | "initial"
                | "final"
                | "next"
                | "other"
                | "another"
                | "further"
                | "additional"
                | "extra"
                | "second"
                | "third"
        )
    }) || after.is_some_and(|w| {
        matches!(
            w.as_str(),
            "more" | "additional" | "extra" | "other" | "further" | "of" | "out"
        )
    })
}

/// How a sentence states what it says, from the events in it: `None` when
/// one is hedged or denied, else planned when one is, else as fact. A
/// planned event named by a noun after a determiner (`signed a deal that
/// includes the sale of six helicopters`: what the deal provides for) does
/// not make the sentence planned: its verb does.
fn mood(a: &Analysis, sentence: usize) -> Option<Factuality> {
    let text = a
        .text
        .sentences()
        .get(sentence)
        .map_or("", |s| a.text.slice(s.span));
    let by_noun = |e: &EventFrame| {
        text.get(..e.span.start)
            .and_then(|t| t.split_whitespace().next_back())
            .is_some_and(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "its" | "their" | "his" | "her"
                )
            })
    };
    let mut mood = Factuality::Asserted;
    for e in sentence_events(a, sentence) {
        match e.factuality {
            Factuality::Hedged | Factuality::Negated => return None,
            Factuality::Future if !by_noun(e) => mood = Factuality::Future,
            Factuality::Future | Factuality::Asserted | Factuality::Reported => {}
        }
    }
    Some(mood)
}

/// The event of a count's sentence that takes the count as its object
/// (`Pakistan will buy four Mi-35 helicopters`), if any.
fn holder<'a>(a: &'a Analysis, f: &Fact) -> Option<&'a EventFrame> {
    let number = normalize_term(a.text.slice(f.span));
    sentence_events(a, f.sentence).find(|e| {
        e.object
            .as_deref()
            .is_some_and(|o| contains_words(&normalize_term(o), &number))
    })
}

/// The words of a venue a place claim names, and of each of its aliases
/// (normalized, a leading `the` dropped: `the Kremlin` is `kremlin`).
fn venue_words(aliases: &Aliases, venue: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = aliases
        .variants(&normalize_term(venue))
        .iter()
        .map(|v| {
            let words = phrase_words(v).map(str::to_string).collect::<Vec<_>>();
            match words.split_first() {
                Some((the, rest)) if the == "the" && !rest.is_empty() => rest.to_vec(),
                _ => words,
            }
        })
        .filter(|w| !w.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// How many words may stand between a locative preposition and the venue
/// it introduces (`at the Pakistan Army's General Headquarters`: the,
/// pakistan, army, s).
const VENUE_LEAD: usize = 4;

/// Whether event `e` (fact `f` of `a`) takes place at a venue, a place the
/// gazetteer does not know (one of `venue`'s word lists): its sentence has
/// the venue's words after `at`, `in` or `inside`, with at most
/// [`VENUE_LEAD`] words and no comma between (`signed at the army's
/// General Headquarters in Rawalpindi`), and no other event's verb stands
/// between the event's verb and the venue (in `met at the Kremlin and
/// later signed the deal`, the Kremlin is where they met). A venue is
/// never compared with a city or country: where a building stands is not
/// known, so a venue claim is supported or not mentioned, never
/// contradicted by another place.
fn at_venue(a: &Analysis, f: &Fact, e: &EventFrame, venue: &[Vec<String>]) -> bool {
    let Some(s) = a.text.sentences().get(f.sentence) else {
        return false;
    };
    let sent = a.text.slice(s.span);
    let (toks, norm) = normalized_pieces(sent);
    // `signed today at a ceremony held at General Headquarters`: the
    // ceremony's place is the signing's.
    let ceremony = |o: &EventFrame| {
        o.predicate == "hold"
            && sent.get(..o.span.start).is_some_and(|b| {
                let b = b.trim_end().as_bytes();
                b.len() >= 8 && b[b.len() - 8..].eq_ignore_ascii_case(b"ceremony")
            })
    };
    let others: Vec<&std::ops::Range<usize>> = sentence_events(a, f.sentence)
        .filter(|o| !std::ptr::eq(*o, e) && !ceremony(o))
        .map(|o| &o.span)
        .collect();
    let introduced = |i: usize| {
        (1..=VENUE_LEAD + 1).any(|back| {
            i >= back
                && matches!(norm[i - back].as_str(), "at" | "in" | "inside")
                && !sent[toks[i - back].end..toks[i].start].contains(',')
        })
    };
    venue.iter().any(|words| {
        (0..toks.len().saturating_sub(words.len() - 1)).any(|i| {
            if !words.iter().enumerate().all(|(k, w)| norm[i + k] == *w) || !introduced(i) {
                return false;
            }
            let (from, to) = (toks[i].start, toks[i + words.len() - 1].end);
            // After the verb, the venue is its place unless another verb
            // comes between; before it, only when no verb comes first
            // (`At the Kremlin, Putin signed …`).
            let (between, before) = if from >= e.span.end {
                (e.span.end..from, false)
            } else {
                (to..e.span.start, true)
            };
            !others.iter().any(|o| {
                (o.start >= between.start && o.end <= between.end) || (before && o.end <= from)
            })
        })
    })
}

/// Whether sentence `sentence` has the words of a claimed role, in order
/// and together (`islamabad correspondent`).
fn role_written_whole(a: &Analysis, sentence: usize, claim_words: &[String]) -> bool {
    claim_words.len() > 1 && contains_words(a.sentence_words(sentence), &claim_words.join(" "))
}

/// Whether speaker `said_by` (normalized) is the spokesman of the claimed
/// speaker `claimed`, a body: every word of `said_by` before its noun is a
/// word of `claimed` or a determiner, and one is not (`embassy spokesman`
/// of `russian embassy`; not `indian embassy spokesman`).
fn speaks_for(claimed: &str, said_by: &str) -> bool {
    let words: Vec<&str> = said_by.split(' ').collect();
    let Some((noun, before)) = words.split_last() else {
        return false;
    };
    if !matches!(
        *noun,
        "spokesman" | "spokeswoman" | "spokesperson" | "representative"
    ) {
        return false;
    }
    let body: Vec<&&str> = before
        .iter()
        .filter(|w| !matches!(**w, "a" | "an" | "the"))
        .collect();
    let claimed: Vec<&str> = claimed.split(' ').collect();
    !body.is_empty() && body.iter().all(|w| claimed.contains(w))
}

/// The facts of sentence `sentence` (facts are in sentence order).
fn sentence_facts(a: &Analysis, sentence: usize) -> &[Fact] {
    let facts = a.facts.iter().as_slice();
    let lo = facts.partition_point(|f| f.sentence < sentence);
    let hi = facts.partition_point(|f| f.sentence <= sentence);
    &facts[lo..hi]
}

/// The events of sentence `sentence`.
fn sentence_events(a: &Analysis, sentence: usize) -> impl Iterator<Item = &EventFrame> {
    sentence_facts(a, sentence)
        .iter()
        .filter_map(|f| match &f.kind {
            FactKind::Event(e) => Some(e),
            _ => None,
        })
}

/// The note of a fact of a photo caption.
const CAPTION: &str = "in a photo caption: about the picture, not the story";

/// The note of a held count next to a claim that names only the thing.
const HELD: &str = "counts what is held (a fleet, an inventory), another set than the claim's: \
     it decides only a claim that names the kind (`Mi-17 helicopter count = 30`)";

/// The note of a fact of a sentence that opens with a condition.
const HYPOTHETICAL: &str = "in a condition or supposition: the source supposes, it does not state";

/// The note of a fact of a question.
const QUESTION: &str = "in a question: the source asks, it does not state";

/// Why fact `f` states nothing about the story, if it does not: the note
/// of its near miss.
///
/// - A photo caption's events, dates and counts are those of the picture
///   (`FILE - In this Aug. 12, 2015 photo, a Mi-35 flies near Moscow`),
///   not the story's.
/// - A question asks (`Is Pakistan also buying Su-35 fighter aircraft from
///   Russia?`, a headline's `Is Russia Pakistan's new arms supplier?`), and
///   so does all of a transcript's question turn (`QUESTION (Name,
///   Outlet): Some reports say the deal is worth $200 million. Is that
///   correct?`, `Q: …`): its premise is the asker's, not the source's.
///
/// Such facts decide no quantity, place, date or event claim, and show as
/// near misses. Their names, roles and quotes still count (`Vladimir Putin
/// is President`, `mentions Ufa`).
fn unstated(a: &Analysis, f: &Fact) -> Option<&'static str> {
    let s = a.text.sentences().get(f.sentence)?;
    if s.kind == crate::text::ParagraphKind::Caption {
        return Some(CAPTION);
    }
    match a.asks(f.sentence) {
        Asks::Nothing => None,
        Asks::Whole => Some(QUESTION),
        Asks::Supposes => Some(HYPOTHETICAL),
        Asks::InPart => {
            quoted_question(a.text.slice(s.span), f.span.start - s.span.start).then_some(QUESTION)
        }
    }
}

/// How much of a sentence asks ([`unstated`]), worked out once per source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asks {
    /// No question mark, no question turn: most sentences.
    Nothing,
    /// The sentence asks (it ends in a question mark), or its paragraph is
    /// a transcript's question turn.
    Whole,
    /// A question mark inside: a quote in it may ask.
    InPart,
    /// The sentence opens with a condition (`If the deal is worth $1
    /// billion, then …`, `Had Pakistan bought twenty …`): it supposes,
    /// it does not state.
    Supposes,
}

/// How much sentence `i` of `text` asks.
pub(crate) fn asks(text: &crate::Text, i: usize) -> Asks {
    let Some(s) = text.sentences().get(i) else {
        return Asks::Nothing;
    };
    let turn = text
        .paragraphs()
        .get(s.paragraph)
        .is_some_and(|p| question_turn(text.slice(p.span)));
    let sentence = text.slice(s.span);
    if turn {
        return Asks::Whole;
    }
    if !sentence.as_bytes().contains(&b'?') {
        return if supposes(sentence) {
            Asks::Supposes
        } else {
            Asks::Nothing
        };
    }
    let ends = sentence
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
        })
        .ends_with('?');
    if ends { Asks::Whole } else { Asks::InPart }
}

/// Whether a sentence opens with a condition, so that what it tells is
/// supposed, not stated: `If …` (not `If anything`), `Unless …`,
/// `Suppose`, `Supposing`, `Imagine`, `Assuming`, `In the event that`, or
/// an inverted condition, `Had` or `Were` and then a subject (`Had Pakistan
/// bought twenty Mi-35s, …`, `Were Russia to sell …`). Quote marks before
/// the first word are skipped. `Even if` does not open the sentence and
/// concedes rather than supposes.
fn supposes(sentence: &str) -> bool {
    let opening = sentence.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201c}' | '\u{2018}' | '(' | '-')
    });
    let mut words = opening
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let (Some(first), second) = (words.next(), words.next()) else {
        return false;
    };
    match first {
        "If" => second.is_some_and(|w| w != "anything"),
        "Unless" | "Suppose" | "Supposing" | "Imagine" | "Assuming" => true,
        "In" => second == Some("the") && words.next() == Some("event"),
        // An inverted condition: `Had` or `Were` before a subject, then a
        // comma later (`Had the deal been larger, …`), not a question or
        // `Had` as a verb (`Had enough?`).
        "Had" | "Were" => {
            second.is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic))
                && opening.contains(',')
        }
        _ => false,
    }
}

/// Whether byte `at` of `sentence` is inside a quote that asks (`"Will
/// Pakistan buy more helicopters?" the minister asked.`).
fn quoted_question(sentence: &str, at: usize) -> bool {
    let Some((before, after)) = sentence.split_at_checked(at) else {
        return false;
    };
    let straight = before.matches('"').count() % 2 == 1;
    let curly = before.rfind('\u{201c}') > before.rfind('\u{201d}');
    if !straight && !curly {
        return false;
    }
    let close = if curly { '\u{201d}' } else { '"' };
    after
        .find(close)
        .is_some_and(|end| after[..end].trim_end().ends_with('?'))
}

/// Whether a paragraph is a transcript's question turn: it opens with a
/// question label (`Q:`, `Q.`, `QUESTION:`, `Question:`, `QUESTION (Name,
/// Outlet):`).
fn question_turn(paragraph: &str) -> bool {
    let rest = if let Some(r) = paragraph.strip_prefix("QUESTION") {
        r
    } else if let Some(r) = paragraph.strip_prefix("Question") {
        r
    } else if let Some(r) = paragraph.strip_prefix('Q') {
        // `Q.` or `Q:` only: not `Qatar` nor `Q. Why …` in a list.
        return r.starts_with(':') || r.starts_with(". ");
    } else {
        return false;
    };
    let rest = rest.trim_start();
    if rest.starts_with(':') {
        return true;
    }
    // `QUESTION (Name, Outlet):`, the asker's name in brackets.
    rest.strip_prefix('(')
        .and_then(|r| r.find(')').map(|close| &r[close + 1..]))
        .is_some_and(|after| after.trim_start().starts_with(':'))
}

/// Why event `e` (fact `f` of `a`) cannot decide a place or date claim
/// stated as `claim`: the note of its near miss when it is in a photo
/// caption or a question ([`unstated`]), or stated otherwise than the claim; `None` when it can decide.
fn cannot_decide(
    a: &Analysis,
    f: &Fact,
    e: &EventFrame,
    claim: Factuality,
) -> Option<Option<Note>> {
    if let Some(note) = unstated(a, f) {
        return Some(Some(note.into()));
    }
    (!stated_alike(claim, e.factuality)).then(|| unfactual_note(e))
}

/// The note of an event the source denies as the claim states it.
const DENIED: &str = "the source says it did not happen so";

/// The note of event `e` (fact `i`) when the source denies it (`did not
/// visit Islamabad in October 2012`, `was due to visit … but cancelled the
/// trip`) with the claim's own date or place (`rel` is a match), the claim
/// stating (`claim`) that it happened, about `participants`: the source
/// then contradicts it. A denial with another date or place says nothing
/// of the claim's (`did not sign on Tuesday` of `signed on Wednesday`),
/// and neither does another person's.
fn denied_as_claimed(
    a: &Analysis,
    i: usize,
    e: &EventFrame,
    (claim, rel): (Factuality, Relation),
    participants: &[Term],
) -> Option<Option<Note>> {
    let f = a.facts.iter().as_slice().get(i)?;
    (claim.is_factual()
        && e.factuality == Factuality::Negated
        && rel == Relation::Match
        && unstated(a, f).is_none()
        && !other_agent(a, i, e, participants))
    .then(|| Some(DENIED.into()))
}

/// Whether an event the source states as `event` can decide a place or
/// date claim stated as `claim`: a claim that something happened is decided
/// by events the source commits to (asserted or reported); one that it will
/// happen (or was denied, or may have) only by events stated the same way.
fn stated_alike(claim: Factuality, event: Factuality) -> bool {
    if claim.is_factual() {
        event.is_factual()
    } else {
        claim == event
    }
}

/// Why an event the source does not commit to decides nothing.
fn unfactual_note(e: &EventFrame) -> Option<Note> {
    Some(format!("the event is {}", e.factuality.as_str()).into())
}

fn factuality_note(f: Factuality) -> Option<Note> {
    (f == Factuality::Reported).then_some("reported by the source, not stated as its own".into())
}

fn best(rels: &[Relation]) -> Relation {
    if rels.contains(&Relation::Match) {
        Relation::Match
    } else if rels.contains(&Relation::Conflict) {
        Relation::Conflict
    } else {
        Relation::Neither
    }
}

/// Words that, just before an amount of money, give it as the value of
/// something: `worth (about) $8bn`, `valued at`, `priced at`, `cost`,
/// `estimated at`, `put the value at`, `put it at`.
const VALUE_CUES: &[&str] = &[
    "worth",
    "valued",
    "priced",
    "cost",
    "costs",
    "costing",
    "value",
    "price",
    "estimated",
    "put",
    "puts",
    "putting",
];

/// The note of an amount stated as possible ([`possible_only`]).
const POSSIBLE: &str = "stated as possible (could, may, might), not as fact";

/// Whether amount `f` is stated only as possible: `could`, `may` or
/// `might` among the six words just before it, in its clause (`it could
/// be worth about 150 million dollars`, `could be in the region of $150m`,
/// `Pakistan may buy up to 20`). A reader holds such a sum hedged: it
/// neither supports nor contradicts, as a hedged event does not. `may` is
/// taken only in lowercase (`in May 20 helicopters` is a month).
fn possible_only(a: &Analysis, f: &Fact) -> bool {
    let Some(sentence) = a.text.sentences().get(f.sentence) else {
        return false;
    };
    let text = a.text.as_str();
    let start = ceil_char_boundary(
        text,
        sentence.span.start.max(f.span.start.saturating_sub(80)),
    )
    .min(f.span.start);
    let before = &text[start..f.span.start];
    // The clause only: a comma or a semicolon ends the look back.
    let clause = before.rsplit([',', ';', ':']).next().unwrap_or(before);
    clause
        .split_whitespace()
        .rev()
        .take(6)
        .any(|w| matches!(w, "could" | "may" | "might" | "Could" | "Might"))
}

/// Whether one of `cues` is among the five words just before an amount
/// (approximators such as `about` or `over` between them are allowed).
fn valuation_cue(a: &Analysis, f: &Fact, cues: &[&str]) -> bool {
    let Some(sentence) = a.text.sentences().get(f.sentence) else {
        return false;
    };
    let start = sentence.span.start.min(f.span.start);
    let before = a.text.slice(crate::Span::new(start, f.span.start));
    // The last few words only: a long sentence is not searched whole.
    let tail = before
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(5)
        .map_or(before, |(at, _)| &before[at..]);
    normalize_term(tail)
        .split(' ')
        .rev()
        .take(5)
        .any(|w| cues.contains(&w))
}

/// Whether money or percentage fact `f` of `a`, which its sentence (or,
/// with `named_here` false, the one before) ties to the claim's thing
/// `terms`, is that thing's stated value, so that it contradicts another
/// value: a valuation cue just before it (`was estimated at about $153
/// million`, `put it at $153m`, `is said to be worth $150m`), the thing
/// named before it in its sentence (or pointed back to, as `measured`
/// found), no other amount of its unit in the sentence, and no price per
/// piece after it (`$20m each`, `apiece`, `per helicopter`). Otherwise
/// the sentence may value another thing than the claim's (`The deal
/// comes as the army's budget rises to $7bn`, `The deal, worth $153m, is
/// part of a $1bn plan`), and the amount only supports. The thing named
/// only inside a relative clause before the sum is not what it values
/// (`The budget, which covers the deal, is estimated at $7bn`).
fn stated_value(a: &Analysis, f: &Fact, terms: &[Term], named_here: bool) -> bool {
    let FactKind::Quantity(q) = &f.kind else {
        return false;
    };
    let Some(sentence) = a.text.sentences().get(f.sentence) else {
        return false;
    };
    if !valuation_cue(a, f, VALUE_CUES) {
        return false;
    }
    // A few words either side only: a long sentence is not searched whole.
    let text = a.text.as_str();
    let end = floor_char_boundary(text, sentence.span.end.min(f.span.end + 24)).max(f.span.end);
    let per_piece = normalize_term(&text[f.span.end..end])
        .split(' ')
        .filter(|w| !w.is_empty())
        .take(2)
        .any(|w| matches!(w, "each" | "apiece" | "per" | "a-piece"));
    if per_piece || !cue_of_the_thing(a, f, terms) {
        return false;
    }
    if named_here {
        let start = sentence
            .span
            .start
            .max(f.span.start.saturating_sub(VALUED_REACH));
        let start = ceil_char_boundary(text, start).min(f.span.start);
        let raw = &text[start..f.span.start];
        // A thing named only inside a relative clause is not what is
        // valued (`The budget, which covers the deal, is estimated at $7bn`).
        let before = match raw
            .rfind(", which ")
            .or_else(|| raw.rfind(", who "))
            .and_then(|open| Some((open, open + 2 + raw[open + 2..].find(',')?)))
        {
            Some((open, close)) => {
                normalize_term(&format!("{} {}", &raw[..open], &raw[close + 1..]))
            }
            None => normalize_term(raw),
        };
        if !terms.iter().all(|t| t.named_in(&before)) {
            return false;
        }
    }
    // Stops at the second amount of the unit.
    sentence_facts(a, f.sentence)
        .iter()
        .filter(|g| match &g.kind {
            FactKind::Quantity(o) => o.counted.is_none() && o.amount.unit == q.amount.unit,
            _ => false,
        })
        .nth(1)
        .is_none()
}

/// Whether the valuation cue just before money fact `f` values the
/// claim's thing (`terms`) rather than another noun: the word before the
/// cue is a form of `be`, a determiner or the thing itself (`the contract
/// was estimated at`, `is said to be worth`, `a deal worth`, `the value of
/// the deal, estimated at`), not another noun the cue follows (`part of a
/// modernisation drive estimated at $5bn`); after `put`, what is put at
/// the sum is `it`, the value, cost or price, or the thing (`sources put
/// the value at`, `have put it at`), not something else (`put the budget
/// at $7bn`).
fn cue_of_the_thing(a: &Analysis, f: &Fact, terms: &[Term]) -> bool {
    let Some(sentence) = a.text.sentences().get(f.sentence) else {
        return false;
    };
    let text = a.text.as_str();
    let start = sentence
        .span
        .start
        .max(f.span.start.saturating_sub(VALUED_REACH));
    let start = ceil_char_boundary(text, start).min(f.span.start);
    let before = normalize_term(&text[start..f.span.start]);
    let words: Vec<&str> = before.split(' ').filter(|w| !w.is_empty()).collect();
    let from = words.len().saturating_sub(5);
    let Some(cue) = (from..words.len())
        .rev()
        .find(|&k| VALUE_CUES.contains(&words[k]))
    else {
        return false;
    };
    let the_thing = |w: &str| terms.iter().all(|t| t.named_in(w));
    if matches!(words[cue], "put" | "puts" | "putting") {
        return words[cue + 1..]
            .iter()
            .any(|&w| matches!(w, "it" | "value" | "cost" | "price" | "worth") || the_thing(w));
    }
    match cue.checked_sub(1).map(|k| words[k]) {
        None => true,
        Some(prev) => {
            matches!(
                prev,
                "is" | "was"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "the"
                    | "its"
                    | "their"
                    | "a"
                    | "an"
                    | "total"
                    | "overall"
                    | "combined"
                    | "estimated"
                    | "reported"
            ) || the_thing(prev)
        }
    }
}

/// How far before a stated value (in bytes) its thing is looked for.
const VALUED_REACH: usize = 200;

/// The largest char boundary of `s` at or before `i`.
fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or after `i`.
fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The sentence before sentence `i`, when it is in the same paragraph.
fn previous_in_paragraph(a: &Analysis, i: usize) -> Option<usize> {
    let sentences = a.text.sentences();
    let prev = i.checked_sub(1)?;
    (sentences.get(prev)?.paragraph == sentences.get(i)?.paragraph).then_some(prev)
}

/// The facts of `a` that `only` looks at, with their indices.
fn numbered<'a>(a: &'a Analysis, only: Looked<'a>) -> impl Iterator<Item = (usize, &'a Fact)> + 'a {
    let facts = a.facts.iter().as_slice();
    let (all, listed) = match only {
        Looked::All => (Some(facts.iter().enumerate()), None),
        Looked::Only(list) | Looked::Events(list) => (None, Some(list)),
    };
    let listed = listed
        .into_iter()
        .flatten()
        .filter_map(move |&i| Some((i as usize, facts.get(i as usize)?)));
    all.into_iter().flatten().chain(listed)
}

/// The note of a role claim contradicted because the source names another
/// person as the holder of its office, when it does; `None` when not.
/// `person` is the claim's person, named in the source with other roles;
/// `claim_words` the claim's role as `judge` compares it (canonical words,
/// the head last).
///
/// An office one person holds at a time (`Prime Minister`, `President`,
/// `Defence Minister`, `army chief`: a head among [`SINGLE_HEADS`], and
/// `minister` or `chief` only with a word saying which) is not the claimed
/// person's when the source names someone else as its holder for the same
/// country or organisation as one of the person's own roles (`Pakistan's
/// army chief, Gen Raheel Sharif` and `Pakistan's Prime Minister Nawaz
/// Sharif` contradict `Raheel Sharif is Prime Minister`). Other roles alone
/// never contradict (`army chief` does not exclude `President`), nor does a
/// holder of another country, a former or deputy holder (the holder's
/// title must be the claim's, give or take `acting`), or an office several
/// hold (`minister`, `general`, `deputy prime minister`, `vice president`).
fn office_held_by_another(
    aliases: &Aliases,
    a: &Analysis,
    person: &crate::extract::Person,
    claim_words: &[String],
) -> Option<String> {
    let (head, modifiers) = claim_words.split_last()?;
    let single = SINGLE_HEADS.contains(&head.as_str())
        && (!matches!(head.as_str(), "minister" | "chief") || !modifiers.is_empty())
        && !modifiers
            .iter()
            .any(|w| SHARED_MODIFIERS.contains(&w.as_str()));
    if !single {
        return None;
    }
    let own: Vec<&str> = person
        .roles
        .iter()
        .filter_map(|r| r.of.as_deref())
        .collect();
    if own.is_empty() {
        return None;
    }
    a.facts.iter().find_map(|f| {
        let FactKind::Person(other) = &f.kind else {
            return None;
        };
        if other.name == person.name || same_person(&person.name, &other.name) {
            return None;
        }
        other.roles.iter().find_map(|r| {
            let of = r.of.as_deref().filter(|of| own.contains(of))?;
            let words: Vec<String> = normalize_term(&r.title)
                .split(' ')
                .filter(|w| !matches!(*w, "of" | "the" | "a" | "an" | "at" | "for" | "in"))
                .map(|w| aliases.canon(w))
                .filter(|w| !matches!(w.as_str(), "acting" | "interim"))
                .collect();
            let same =
                words.len() == claim_words.len() && claim_words.iter().all(|cw| words.contains(cw));
            same.then(|| {
                format!(
                    "the source names {} as {} of {of}: an office one person holds",
                    other.name, r.title
                )
            })
        })
    })
}

/// The words of a role's title (normalized, folded), canonical, with a
/// prefix `ex-` and a suffix `-elect` or `-designate` cut off as words of
/// their own (`ex-ambassador`, `president-elect`).
fn title_words(aliases: &Aliases, t: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in t.split(' ') {
        let (w, prefix) = match w.strip_prefix("ex-") {
            Some(rest) if !rest.is_empty() => (rest, Some("ex")),
            _ => (w, None),
        };
        let (w, suffix) = match w.rsplit_once('-') {
            Some((rest, end)) if !rest.is_empty() && matches!(end, "elect" | "designate") => {
                (rest, Some(end))
            }
            _ => (w, None),
        };
        out.extend(prefix.map(str::to_string));
        out.push(aliases.canon(w));
        out.extend(suffix.map(str::to_string));
    }
    out
}

/// Words that make a title another role than the title without them: a
/// lower rank of the office (`deputy director general`) or a holder at
/// another time (`former ambassador`, `president-elect`).
const ROLE_QUALIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "assistant",
    "associate",
    "under",
    "acting",
    "interim",
    "former",
    "ex",
    "retired",
    "late",
    "outgoing",
    "designate",
    "elect",
];

/// The qualifiers of [`ROLE_QUALIFIERS`] that name another office than
/// the claim's, held now: the claim is contradicted. The others (a holder
/// at another time, or for the time being) neither support nor contradict
/// a claim that someone holds the office.
const RANK_QUALIFIERS: &[&str] = &["deputy", "vice", "assistant", "associate", "under"];

/// The heads of titles that name an office one person holds at a time
/// (`minister` and `chief` only with a word saying which).
const SINGLE_HEADS: &[&str] = &[
    "president",
    "premier",
    "chancellor",
    "king",
    "queen",
    "minister",
    "chief",
];

/// Modifiers of titles that several people hold at once, or that are not
/// the office itself.
const SHARED_MODIFIERS: &[&str] = &[
    "deputy",
    "vice",
    "assistant",
    "associate",
    "junior",
    "state",
    "former",
    "late",
    "senior",
    "outgoing",
    "incoming",
];

/// Whether `predicate` (canonical) is saying something. A source reports
/// many statements, and a date claim names no speaker: a statement made on
/// another day does not exclude the one the claim means, so it can support
/// such a claim but never contradict it. (Places are not given to
/// statements at all: `said in Moscow` is as often where the news was
/// heard as where it was said.)
fn is_speech(predicate: &str) -> bool {
    matches!(predicate, "say" | "deny")
}

/// The note of a statement dated otherwise than a date claim about a
/// statement.
const OTHER_STATEMENT: &str =
    "another statement, made on another day: it does not exclude the one claimed";

/// The note of an event done by another person than the claim names
/// ([`other_agent`]).
const OTHER_AGENT: &str =
    "done by another person or country than the claim names: another event, not the claim's";

/// The events of a source with the claim's predicate whose sentence has
/// every participant word (or an alias of it), or that go on telling of an
/// earlier event whose sentence has them (see [`continues`]).
fn events<'a>(
    a: &'a Analysis,
    aliases: &Aliases,
    want: &str,
    participants: &[Term],
    only: Looked<'a>,
) -> Vec<(usize, &'a Fact, &'a EventFrame)> {
    // The index listed exactly the events with the claim's predicate.
    let keyed = matches!(only, Looked::Events(_));
    numbered(a, only)
        .filter_map(|(i, f)| match &f.kind {
            FactKind::Event(e) => Some((i, f, e)),
            _ => None,
        })
        .filter(|&(i, _, e)| {
            if keyed {
                return true;
            }
            let FactTerms::Event(predicate, verb, canonical) = a.fact_terms(i) else {
                return false;
            };
            let predicate = aliases.canon_normalized(predicate);
            if predicate == want || (stands_for(predicate) == Some(want) && !e.places.is_empty()) {
                return true;
            }
            let v = aliases.canon_normalized(verb);
            // The verb's canonical predicate is precomputed unless an alias maps the verb.
            let p = if std::ptr::eq(v, verb.as_str()) {
                *canonical
            } else {
                canonical_predicate(v)
            };
            p.is_some_and(|p| p == want)
        })
        .filter({
            let mut names_participants = NamesAll::new(participants);
            move |&(i, f, e)| {
                names_participants.in_sentence(a, f.sentence)
                    || continues(a, f, e, participants)
                    || placed_in_named_country(a, i, f, e, participants)
            }
        })
        .collect()
}

/// The predicate an event with `predicate` also stands for when it has a
/// place: who travelled to a city, or arrived in it, visited it.
pub(crate) fn stands_for(predicate: &str) -> Option<&'static str> {
    matches!(predicate, "travel" | "arrive").then_some("visit")
}

/// Whether event `e` (fact `f` of `a`) takes place in a country the claim
/// names, its sentence naming the claim's other participants and its agent
/// one of them: `Sergei Shoigu visited Islamabad in November` is a visit
/// to Pakistan (`Sergei Shoigu visited Pakistan in November 2014`). A city
/// is inside its country; the sentence need not name the country. Without
/// an agent named by the claim the country may be the claim's actor
/// (`Pakistan signed an agreement`), not where the event was: `the deal
/// was signed in Rawalpindi` does not say Pakistan signed it.
fn placed_in_named_country(
    a: &Analysis,
    i: usize,
    f: &Fact,
    e: &EventFrame,
    participants: &[Term],
) -> bool {
    let Some(agent) = a.event_agent(i) else {
        return false;
    };
    if !participants
        .iter()
        .any(|t| t.country.is_none() && t.named_in(agent))
    {
        return false;
    }
    let mut country = false;
    participants.iter().all(|t| {
        if t.named_in_sentence(a, f.sentence) {
            return true;
        }
        let inside = t.country.as_deref().is_some_and(|c| {
            e.places
                .iter()
                .chain(&e.other_places)
                .any(|p| p.place.country == c)
        });
        country |= inside;
        inside
    }) && country
}

/// Whether event `e` is done by another person than the one a claim
/// names: the claim names a person of the source (`Sergei Shoigu visited
/// Pakistan in November 2014`), and the event's agent names a person of
/// the source and none of the claim's participants (`General Raheel
/// Sharif visited Moscow in June`). Such an event is not the claim's:
/// neither its date nor its place contradicts it, nor supports it (`Raheel
/// Sharif visited Moscow in June, while Sergei Shoigu paid a visit to
/// Pakistan in November last year` does not date Sharif's visit to
/// November).
fn other_agent(a: &Analysis, i: usize, e: &EventFrame, participants: &[Term]) -> bool {
    if e.agent.is_none() {
        return false;
    }
    let Some(agent) = a.event_agent(i) else {
        return false;
    };
    if participants.iter().any(|t| t.named_in(agent)) {
        return false;
    }
    // A country acts for the claim's country (`Japan will buy helicopters`
    // against `the sale of four helicopters to Pakistan` in a sentence
    // that names Japan as the seller).
    if participants.iter().any(|t| t.country.is_some()) && a.event_agent_is_country(i) {
        return true;
    }
    let people = a.people_names();
    if people.is_empty() {
        return false;
    }
    let claim_names_person = people.iter().any(|name| {
        participants
            .iter()
            .any(|t| name.split(' ').any(|w| w.len() > 2 && t.named_in(w)))
    });
    claim_names_person
        && people
            .iter()
            .any(|name| contains_words(agent, last_token(name)))
}

/// How long before the source's time an event is history: a decade.
const HISTORY_DAYS: i64 = 3650;

/// Why event `e` is history, long before the story the source tells: every
/// date of it ends more than [`HISTORY_DAYS`] before the source's time (its
/// publication date or, when that is unknown, the latest date it gives).
/// `The Tashkent Declaration, which was signed in Tashkent in January 1966`
/// and `the Soviet Union supplied Mi-8 helicopters in the 1960s` tell of
/// other signings and deliveries than a 2015 article's deal. `claim`, a
/// date claim's date: history only when the claim's date is not itself
/// history (a claim that the declaration was signed in 1965 is
/// contradicted).
fn history(
    a: &Analysis,
    e: &EventFrame,
    claim: Option<&DateValue>,
) -> Option<std::borrow::Cow<'static, str>> {
    let time = a.text.published().or_else(|| {
        a.facts
            .iter()
            .filter_map(|f| match &f.kind {
                FactKind::Date { value, .. } => value.end,
                _ => None,
            })
            .max()
    })?;
    let limit = time
        .checked_sub(jiff::Span::new().days(HISTORY_DAYS))
        .ok()?;
    let old = dated_before(e, limit);
    let claim_recent = claim.is_none_or(|c| c.start.is_some_and(|s| s >= limit));
    (old && claim_recent).then_some(std::borrow::Cow::Borrowed(
        "dated more than ten years before the story the source tells: history, \
         not the event the claim means",
    ))
}

/// How many sentences back [`continues`] looks for the event a later
/// mention goes on telling of.
const CONTINUED_SENTENCES: usize = 5;

/// Whether event `e` (fact `f` of `a`) goes on telling of an earlier event
/// of its kind whose sentence names every one of `participants`: it has no
/// agent, its object is definite (`the helicopters were transferred
/// earlier this year`), and an event with the same predicate in one of
/// the [`CONTINUED_SENTENCES`] sentences before has an object with the
/// same head noun (`Russia has delivered four Mi-35M combat helicopters to
/// Pakistan`). The later mention then has the earlier one's participants,
/// and its date or place is theirs. An agent of its own (`were delivered
/// by the US`), an indefinite object (`helicopters were transferred`),
/// another head noun (`the jets`) or a party or destination the earlier
/// event does not name (`the helicopters were sold to India`) tells of
/// another event; a location is what a later mention adds (`The agreement
/// was signed on Wednesday in Rawalpindi`).
fn continues(a: &Analysis, f: &Fact, e: &EventFrame, participants: &[Term]) -> bool {
    if participants.is_empty() || e.agent.is_some() {
        return false;
    }
    let Some(head) = e
        .object
        .as_deref()
        .and_then(|o| o.strip_prefix("the "))
        .and_then(|o| o.split(' ').next_back())
        .map(crate::claims::singular_of)
    else {
        return false;
    };
    let facts = a.facts.iter().as_slice();
    let lo = facts.partition_point(|g| g.sentence + CONTINUED_SENTENCES < f.sentence);
    let hi = facts.partition_point(|g| g.sentence < f.sentence);
    let mut names = NamesAll::new(participants);
    facts[lo..hi].iter().any(|g| match &g.kind {
        FactKind::Event(d) => {
            d.predicate == e.predicate
                && e.other_places.iter().all(|p| {
                    d.places
                        .iter()
                        .chain(&d.other_places)
                        .any(|q| q.place.name == p.place.name)
                })
                && d.object
                    .as_deref()
                    .and_then(|o| o.split(' ').next_back())
                    .is_some_and(|h| crate::claims::singular_of(h) == head)
                && names.in_sentence(a, g.sentence)
        }
        _ => false,
    })
}

/// Whether a sentence names every one of some terms, remembered for the
/// last sentence asked about: facts come in sentence order, and a long
/// sentence (a table, a page with no full stops) holds many facts, each of
/// which would otherwise search all of it again.
struct NamesAll<'t> {
    terms: &'t [Term],
    last: Option<(usize, bool)>,
}

impl<'t> NamesAll<'t> {
    fn new(terms: &'t [Term]) -> Self {
        NamesAll { terms, last: None }
    }

    /// Whether sentence `i` of `a` names every term.
    fn in_sentence(&mut self, a: &Analysis, i: usize) -> bool {
        match self.last {
            Some((last, named)) if last == i => named,
            _ => {
                let named = self.terms.iter().all(|t| t.named_in_sentence(a, i));
                self.last = Some((i, named));
                named
            }
        }
    }
}

/// A claim's term in the forms sentences are searched for, made once per
/// claim and source rather than once per fact.
#[derive(Debug)]
pub(crate) struct Term {
    /// The same number for every term of a claims file with the same forms
    /// ([`share_terms`]), under which whether a sentence names it is
    /// remembered for the other claims that name it; [`UNSHARED`] when
    /// there is none.
    id: u32,
    /// The term and its aliases, normalized.
    variants: Vec<String>,
    /// Every word whose canonical form is the term's (a few variants): a
    /// word is compared to these instead of being looked up in the aliases.
    same_canon: Vec<String>,
    /// The singular of its normalized form.
    single: String,
    /// The country code, when the term is a country (`pakistan`).
    country: Option<String>,
}

impl Term {
    fn new(aliases: &Aliases, term: &str) -> Term {
        let canon = aliases.canon(term);
        let mut variants = aliases.variants(term);
        // `Russian` (of `Russian embassy`) is named by `Russia's` too.
        let normalized = normalize_term(term);
        if let Some(country) = crate::extract::country_of_demonym(&normalized) {
            let possessive = format!("{}s", normalize_term(&country.name));
            if !variants.contains(&possessive) && possessive != format!("{normalized}s") {
                variants.push(possessive);
            }
        }
        // `variants` is the canonical form and every alias of it; of those,
        // the ones the aliases map to it are exactly the words whose
        // canonical form it is.
        let same_canon = variants
            .iter()
            .filter(|v| aliases.canon_normalized(v) == canon)
            .cloned()
            .collect();
        Term {
            id: UNSHARED,
            variants,
            same_canon,
            single: crate::claims::singular_of(&normalized),
            country: crate::extract::lookup_place(term)
                .filter(|p| p.kind == PlaceKind::Country)
                .map(|p| p.country),
        }
    }

    /// Whether sentence `i` of `a` names the term, remembered per source
    /// for every claim with the same term.
    fn named_in_sentence(&self, a: &Analysis, i: usize) -> bool {
        if self.id == UNSHARED {
            return self.named_in(a.sentence_words(i));
        }
        a.remembered_naming(self.id, i, || self.named_in(a.sentence_words(i)))
    }

    /// Whether normalized `words` name the term: the term or one of its
    /// aliases as whole words, or a word with the same canonical or
    /// singular form.
    fn named_in(&self, words: &str) -> bool {
        if self.variants.iter().any(|v| contains_words(words, v)) {
            return true;
        }
        // A word equal to a same-canon form is a variant found just above,
        // unless the form is empty.
        if self.same_canon.iter().any(String::is_empty) && words.split(' ').any(str::is_empty) {
            return true;
        }
        let single = &self.single;
        // Only words that could be a plural of it are singularized.
        // Or its possessive (`shoigu's`, normalized `shoigus`, which no
        // plural rule takes back to `shoigu`).
        let plural = |w: &str| {
            w.len() + 2 >= single.len()
                && w.len() <= single.len() + 3
                && w.as_bytes().first() == single.as_bytes().first()
                && (w.strip_suffix('s') == Some(single.as_str())
                    || crate::claims::singular_of(w) == *single)
        };
        match single.as_bytes().first() {
            None => words.split(' ').any(plural),
            // Only the words that start with its first byte: found by a
            // byte scan instead of splitting every word.
            Some(&b) => {
                let bytes = words.as_bytes();
                (0..bytes.len())
                    .filter(|&i| bytes[i] == b && (i == 0 || bytes[i - 1] == b' '))
                    .any(|i| {
                        words
                            .get(i..)
                            .and_then(|rest| rest.split(' ').next())
                            .is_some_and(plural)
                    })
            }
        }
    }
}

/// Whether `hay` (normalized words) contains `needle` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return false;
    };
    // The occurrences `str::match_indices` gives (leftmost first, each
    // search resuming after the last), found by their first byte: no
    // searcher is set up for a needle looked for in one short sentence.
    // A match of a whole string starts and ends on character boundaries,
    // and a space is one byte that no other character contains.
    let mut from = 0;
    while let Some(at) = h.get(from..).and_then(|rest| memchr::memchr(first, rest)) {
        let i = from + at;
        if !h[i..].starts_with(n) {
            from = i + 1;
            continue;
        }
        let end = i + n.len();
        if (i == 0 || h[i - 1] == b' ') && h.get(end).is_none_or(|&b| b == b' ') {
            return true;
        }
        from = end;
    }
    false
}

/// The first fact-bearing place in the text where `needle` (normalized
/// words) occurs as whole words; the span covers the matched words.
/// The words of `sent` as phrases and mentions are compared: its word
/// tokens, each split at its hyphens (`Hind-E` is `Hind` and `E`).
pub(crate) fn word_pieces(sent: &str) -> Vec<std::ops::Range<usize>> {
    // Room for a word every five bytes or so, as prose has.
    let mut out = Vec::with_capacity(sent.len() / 5);
    // Most sentences have no hyphen: each word is one piece.
    let hyphens = sent.as_bytes().contains(&b'-');
    for r in crate::extract::word_spans(sent) {
        if !hyphens {
            if !r.is_empty() {
                out.push(r);
            }
            continue;
        }
        let mut at = r.start;
        for part in sent[r].split('-') {
            if !part.is_empty() {
                out.push(at..at + part.len());
            }
            at += part.len() + 1;
        }
    }
    out
}

/// The [`word_pieces`] of a sentence and each one normalized.
fn normalized_pieces(sent: &str) -> (Vec<std::ops::Range<usize>>, Vec<String>) {
    let toks = word_pieces(sent);
    let norm = toks
        .iter()
        .map(|r| normalize_term(&sent[r.clone()]))
        .collect();
    (toks, norm)
}

/// The words of a normalized phrase, split at spaces and hyphens as
/// [`word_pieces`] splits a sentence.
pub(crate) fn phrase_words(needle: &str) -> impl Iterator<Item = &str> {
    needle.split([' ', '-']).filter(|w| !w.is_empty())
}

fn find_words(text: &crate::Text, needle: &str) -> Option<crate::Span> {
    // A hyphen joins words as a space does (`Hind-E` is `Hind E`), on
    // either side: words are split at hyphens in the phrase and the text.
    let nw: Vec<&str> = phrase_words(needle).collect();
    if nw.is_empty() {
        return None;
    }
    for s in text.sentences().iter().filter(|s| s.kind.has_facts()) {
        let sent = text.slice(s.span);
        let (toks, norm) = normalized_pieces(sent);
        for i in 0..toks.len() {
            if i + nw.len() <= toks.len() && nw.iter().enumerate().all(|(k, w)| norm[i + k] == *w) {
                let start = s.span.start + toks[i].start;
                let end = s.span.start + toks[i + nw.len() - 1].end;
                return Some(crate::Span::new(start, end));
            }
        }
    }
    None
}

/// Whether `term` names a model (`mi-35`, `f-16`, `s-400`): a letter and
/// a digit.
pub(crate) fn is_designation(term: &str) -> bool {
    term.bytes().any(|b| b.is_ascii_digit()) && term.bytes().any(|b| b.is_ascii_alphabetic())
}

/// Whether a claim counting a model (`Mi-35 count = 4`) is about a count
/// that names it as a qualifier (`4 Mi-35 helicopters`): what is counted is
/// one of that model each.
fn counts_designation(aliases: &Aliases, counted: &str, qualifiers: &[String]) -> bool {
    !qualifiers.is_empty()
        && is_designation(&aliases.canon(counted))
        && qualifiers
            .iter()
            .any(|q| is_designation(q) && names_qualifier(aliases, q, counted))
}

fn same_term(aliases: &Aliases, a: &str, b: &str) -> bool {
    let (ca, cb) = (aliases.canon(a), aliases.canon(b));
    ca == cb || crate::claims::singular_of(&ca) == crate::claims::singular_of(&cb)
}

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same_qualifier(aliases: &Aliases, fact: &str, claim: &str) -> bool {
    let (cf, cc) = (aliases.canon(fact), aliases.canon(claim));
    cf == cc || squash(&cf) == squash(&cc)
}

/// The model a variant designation is of (`mi-35m`: `mi-35`), when it
/// ends in one to three letters after a digit.
pub(crate) fn base_model(designation: &str) -> Option<&str> {
    let base = designation.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let tail = designation.len() - base.len();
    ((1..=3).contains(&tail) && base.ends_with(|c: char| c.is_ascii_digit())).then_some(base)
}

/// Whether the fact's qualifier is the claim's, or a variant of the model
/// the claim names: the claim's designation with up to three letters after
/// its digits (`mi-35m`, `f-16c`, `su-30mki` are a `Mi-35`, an `F-16`, a
/// `Su-30`; `mi-171` is no `Mi-17`, and a `Mi-35` is no `Mi-35M`).
fn names_qualifier(aliases: &Aliases, fact: &str, claim: &str) -> bool {
    if same_qualifier(aliases, fact, claim) {
        return true;
    }
    let (sf, sc) = (squash(&aliases.canon(fact)), squash(&aliases.canon(claim)));
    is_designation(&sc)
        && sc.ends_with(|c: char| c.is_ascii_digit())
        && sf.strip_prefix(sc.as_str()).is_some_and(|tail| {
            (1..=3).contains(&tail.len()) && tail.bytes().all(|b| b.is_ascii_alphabetic())
        })
}

/// Whether the claim's qualifier words (`hind e`, `mi-35`) are all stated:
/// as a whole qualifier of the fact (or an alias of one), or word by word.
fn qualifiers_match(aliases: &Aliases, claim: &[String], fact: &[String]) -> bool {
    if claim.is_empty() {
        return true;
    }
    let phrase = claim.join(" ");
    if fact.iter().any(|fq| names_qualifier(aliases, fq, &phrase)) {
        return true;
    }
    let words: Vec<String> = fact.iter().flat_map(|q| q.split(' ')).map(squash).collect();
    claim.iter().all(|cq| {
        fact.iter().any(|fq| names_qualifier(aliases, fq, cq))
            || cq.split(' ').all(|w| words.contains(&squash(w)))
    })
}

fn demonym_match(word: &str, claim_word: &str) -> bool {
    let a = crate::extract::country_of_demonym(word).map(|p| normalize_term(&p.name));
    let b = crate::extract::country_of_demonym(claim_word).map(|p| normalize_term(&p.name));
    a.as_deref() == Some(claim_word) || b.as_deref() == Some(word) || (a.is_some() && a == b)
}

/// Whether two person names name the same person, allowing for
/// transliteration (Sergei/Sergey), case, and a claim that gives only the
/// surname or the full name.
pub(crate) fn same_person(claim: &str, fact: &str) -> bool {
    same_person_normalized(&normalize_term(claim), &normalize_term(fact))
}

/// [`same_person`] of two names already normalized.
fn same_person_normalized(claim: &str, fact: &str) -> bool {
    // Surnames (last tokens) must agree; every other claim token must match
    // some fact token.
    let (c_first, c_last) = match claim.bytes().rposition(|b| b == b' ') {
        Some(i) => (Some(&claim[..i]), &claim[i + 1..]),
        None => (None, claim),
    };
    let f_last = last_token(fact);
    if !similar_token(c_last, f_last) {
        return false;
    }
    c_first.is_none_or(|first| {
        first
            .split(' ')
            .all(|t| fact.split(' ').any(|u| similar_token(t, u)))
    })
}

/// A normalized title with the chief executive in one form: `CEO`,
/// `chief executive officer` and `chief executive` are one title.
fn fold_title(title: &str) -> String {
    let padded = format!(" {title} ");
    let folded = padded
        .replace(" chief executive officer ", " ceo ")
        .replace(" chief executive ", " ceo ");
    folded.trim().to_string()
}

/// Whether the name `fact` is part of the name `claim` (both normalized):
/// the same surname, and every other word of `fact` some word of `claim`
/// (`asif` or `khawaja asif` of `khawaja muhammad asif`).
fn name_within(claim: &str, fact: &str) -> bool {
    let (c_last, f_last) = (last_token(claim), last_token(fact));
    similar_token(c_last, f_last)
        && fact
            .split(' ')
            .all(|u| claim.split(' ').any(|t| similar_token(t, u)))
}

fn last_token(name: &str) -> &str {
    // A byte search: names are short, too short for `rsplit` to pay.
    name.bytes()
        .rposition(|b| b == b' ')
        .map_or(name, |i| &name[i + 1..])
}

fn similar_token(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // The same rejections as below, without collecting chars (ASCII: one
    // byte per char).
    if a.is_ascii()
        && b.is_ascii()
        && (a.len() < 4
            || b.len() < 4
            || a.len().abs_diff(b.len()) > 1
            || a.as_bytes()[0] != b.as_bytes()[0])
    {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        // Names compared by the byte, as the chars below would be.
        return within(a.as_bytes(), b.as_bytes(), 1 + usize::from(a.len() >= 8));
    }
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ca.len() < 4 || cb.len() < 4 || ca.len().abs_diff(cb.len()) > 1 || ca[0] != cb[0] {
        return false;
    }
    within(&ca, &cb, 1 + usize::from(ca.len() >= 8))
}

/// Whether the edit distance of `a` and `b` is at most `limit`.
pub(crate) fn within<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> bool {
    // Two rows, reused: names are short, and this runs for every name of a
    // source against every name claimed. On the stack for a name of up to
    // [`SHORT_NAME`] characters (nearly all), allocated for a longer one.
    let (mut short, mut long);
    let (prev, cur) = if b.len() < SHORT_NAME {
        short = [[0; SHORT_NAME]; 2];
        let [prev, cur] = &mut short;
        (&mut prev[..=b.len()], &mut cur[..=b.len()])
    } else {
        long = vec![0; 2 * (b.len() + 1)];
        long.split_at_mut(b.len() + 1)
    };
    within_in(a, b, limit, prev, cur)
}

/// Names shorter than this many characters are compared with no
/// allocation ([`within`]).
const SHORT_NAME: usize = 32;

/// [`within`] with two rows of `b.len() + 1` cells to work in: the
/// Levenshtein distance, row by row, given up once a whole row exceeds
/// `limit` (a row's least cell never decreases from one row to the next,
/// so the distance, a cell of the last row, would exceed it too).
fn within_in<'r, T: PartialEq>(
    a: &[T],
    b: &[T],
    limit: usize,
    mut prev: &'r mut [usize],
    mut cur: &'r mut [usize],
) -> bool {
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut least = cur[0];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            least = least.min(cur[j + 1]);
        }
        if least > limit {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= limit
}

/// The interval an amount allows, as (low, high, low inclusive, high inclusive).
///
/// `nearly 8` allows what is close to 8 (within a tenth, as `about`) and
/// under it: it implies `< 8` and `~ 8`, never `= 8`. See [`reach`] for
/// what it excludes.
fn interval(a: &Amount) -> (f64, f64, bool, bool) {
    let v = a.value;
    match (a.bound, a.upper) {
        (_, Some(u)) => (v, u, true, true),
        (Bound::Exact, None) => (v, v, true, true),
        (Bound::Approx, None) => (v * 0.9, v * 1.1, true, true),
        (Bound::Nearly, None) if v > 0.0 => (v * 0.9, v, true, false),
        (Bound::Nearly, None) => (v * 1.1, v * 0.9, true, true),
        (Bound::AtLeast, None) => (v, f64::INFINITY, true, true),
        (Bound::MoreThan, None) => (v, f64::INFINITY, false, true),
        (Bound::AtMost, None) => (f64::NEG_INFINITY, v, true, true),
        (Bound::LessThan, None) => (f64::NEG_INFINITY, v, true, false),
    }
}

/// The interval outside which a stated amount excludes a value: the one
/// it allows ([`interval`]), but for an estimate just under a value, which
/// is read widely, since a writer rounds up to say it: `nearly 8` excludes
/// neither 8 itself nor the whole number below it (`= 8` and `= 7` are not
/// contradicted, only not supported), and excludes 6 or 9.
fn reach(a: &Amount) -> (f64, f64, bool, bool) {
    let v = a.value;
    match (a.bound, a.upper) {
        (Bound::Nearly, None) if v > 0.0 => {
            let low = if v >= 1.0 && v.fract() == 0.0 {
                (v * 0.9).min(v - 1.0)
            } else {
                v * 0.9
            };
            (low, v, true, true)
        }
        _ => interval(a),
    }
}

/// Compares a claimed amount with a stated one.
pub(crate) fn compare_amounts(claim: &Amount, fact: &Amount) -> (Relation, Option<Note>) {
    if claim.unit != fact.unit {
        return (Relation::Neither, Some("a different unit".into()));
    }
    let (cl, ch, cli, chi) = interval(claim);
    let (fl, fh, fli, fhi) = interval(fact);
    let eq = |x: f64, y: f64| {
        x == y
            || (x.is_finite()
                && y.is_finite()
                && (x - y).abs() <= 1e-9 * x.abs().max(y.abs()).max(1.0))
    };
    // The stated amount implies the claim.
    let low_ok = fl > cl || (eq(fl, cl) && (cli || !fli));
    let high_ok = fh < ch || (eq(fh, ch) && (chi || !fhi));
    if low_ok && high_ok {
        return (Relation::Match, None);
    }
    if claim.bound == Bound::Exact && fact.bound == Bound::Approx && eq(claim.value, fact.value) {
        return (
            Relation::Match,
            Some("the source gives it as approximate".into()),
        );
    }
    // Both approximate: the source's round figure within the claim's range
    // (`about $153 million` of `~ $150m`).
    if claim.bound == Bound::Approx
        && fact.bound == Bound::Approx
        && claim.upper.is_none()
        && fact.upper.is_none()
        && (cl..=ch).contains(&fact.value)
    {
        return (
            Relation::Match,
            Some("both approximate, the source's figure within the claim's range".into()),
        );
    }
    // Disjoint: the stated amount excludes the claim.
    let (fl, fh, fli, fhi) = reach(fact);
    let disjoint =
        fh < cl || ch < fl || (eq(fh, cl) && !(fhi && cli)) || (eq(ch, fl) && !(chi && fli));
    if disjoint {
        return (
            Relation::Conflict,
            Some(format!("the source says {}", crate::extract::describe_amount(fact)).into()),
        );
    }
    (
        Relation::Neither,
        Some(
            format!(
                "the source says {}, which neither confirms nor excludes it",
                crate::extract::describe_amount(fact)
            )
            .into(),
        ),
    )
}

/// Compares a claimed place with a place of the event.
pub(crate) fn compare_places(
    aliases: &Aliases,
    claim: &PlaceName,
    fact: &PlaceMention,
) -> Relation {
    let f = &fact.place;
    if aliases.canon(&claim.name) == aliases.canon(&f.name) {
        return Relation::Match;
    }
    let Some(c) = &claim.info else {
        return Relation::Neither;
    };
    if c.name == f.name && c.country == f.country {
        return Relation::Match;
    }
    match (c.kind, f.kind) {
        // The claim names the country the stated city or region is in.
        (PlaceKind::Country, _) if f.country == c.country => Relation::Match,
        (PlaceKind::Country, _) => Relation::Conflict,
        // The source names only the country of the claimed city: no way to tell.
        (_, PlaceKind::Country) if f.country == c.country => Relation::Neither,
        (_, PlaceKind::Country) => Relation::Conflict,
        (PlaceKind::City, PlaceKind::City) => Relation::Conflict,
        (PlaceKind::Region, PlaceKind::Region) => Relation::Conflict,
        _ if f.country != c.country => Relation::Conflict,
        _ => Relation::Neither,
    }
}

/// Compares dates one of which is a deadline (`by 2017`: no later than
/// its end): a date after the other's deadline conflicts with it, a date
/// (or deadline) within the claim's deadline matches it, and a deadline
/// says nothing about which day before it (`by 2017` neither supports nor
/// contradicts `in 2017`). A weekday or month without a year is never
/// compared with a deadline.
fn compare_deadlines(claim: &DateValue, fact: &DateValue) -> Relation {
    let (Some(ce), Some(fe)) = (claim.end, fact.end) else {
        return Relation::Neither;
    };
    if claim.start.is_some_and(|cs| fe < cs) || fact.start.is_some_and(|fs| ce < fs) {
        Relation::Conflict
    } else if claim.is_deadline() && fe <= ce {
        Relation::Match
    } else {
        Relation::Neither
    }
}

/// Compares a claimed date with a date of the event.
/// Whether event `e` has dates, all of them ending before `limit`.
fn dated_before(e: &EventFrame, limit: jiff::civil::Date) -> bool {
    !e.dates.is_empty()
        && e.dates
            .iter()
            .all(|d| d.value.end.is_some_and(|end| end < limit))
}

/// The day of the month a claim's date names without a year (`August 18`,
/// `18th August`, `Wednesday, August 19`), which its [`DateValue`] does
/// not keep.
fn yearless_day(claim: &DateValue, written: &str) -> Option<i8> {
    if claim.granularity != Granularity::Day || claim.start.is_some() || claim.month.is_none() {
        return None;
    }
    written
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|w| {
            let digits = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
            (digits.len() <= 2 && !digits.is_empty()).then(|| digits.parse::<i8>().ok())?
        })
        .find(|d| (1..=31).contains(d))
}

/// [`compare_dates`]' relation `rel` of a claim's date that names `day`
/// of its month without a year: the months agree, so the day decides, on
/// a fact of one day; a fact of a whole month neither supports nor
/// contradicts it.
fn compare_day(rel: Relation, day: Option<i8>, fact: &DateValue) -> Relation {
    match (rel, day) {
        (Relation::Match, Some(d)) => match fact.start.zip(fact.end) {
            Some((fs, fe)) if fs == fe => {
                if fs.day() == d {
                    Relation::Match
                } else {
                    Relation::Conflict
                }
            }
            _ => Relation::Neither,
        },
        _ => rel,
    }
}

pub(crate) fn compare_dates(claim: &DateValue, fact: &DateValue) -> Relation {
    if claim.is_deadline() || fact.is_deadline() {
        return compare_deadlines(claim, fact);
    }
    match (claim.start.zip(claim.end), fact.start.zip(fact.end)) {
        (Some((cs, ce)), Some((fs, fe))) => {
            if cs <= fs && fe <= ce {
                Relation::Match
            } else if fe < cs || ce < fs {
                Relation::Conflict
            } else {
                Relation::Neither
            }
        }
        // The claim names a weekday (or month) without a year.
        (None, Some((fs, fe))) => {
            if let Some(w) = claim.weekday {
                if fs == fe {
                    return if fs.weekday() == w {
                        Relation::Match
                    } else {
                        Relation::Conflict
                    };
                }
                return Relation::Neither;
            }
            if let Some(m) = claim.month {
                if fs.month() == fe.month() && fs.year() == fe.year() {
                    return if fs.month() == m {
                        Relation::Match
                    } else {
                        Relation::Conflict
                    };
                }
            }
            Relation::Neither
        }
        // The source names a weekday (or month) it cannot place in time.
        (Some((cs, ce)), None) => {
            if let Some(w) = fact.weekday {
                if cs == ce && cs.weekday() != w {
                    return Relation::Conflict;
                }
            }
            Relation::Neither
        }
        (None, None) => {
            if let (Some(a), Some(b)) = (claim.weekday, fact.weekday) {
                return if a == b {
                    Relation::Match
                } else {
                    Relation::Conflict
                };
            }
            if let (Some(a), Some(b)) = (claim.month, fact.month) {
                if claim.granularity == Granularity::Month && fact.granularity == Granularity::Month
                {
                    return if a == b {
                        Relation::Match
                    } else {
                        Relation::Conflict
                    };
                }
            }
            Relation::Neither
        }
    }
}

#[cfg(test)]
mod tests {
    use super::contains_words;

    /// `contains_words` as it was written first, on `str::match_indices`.
    fn reference(hay: &str, needle: &str) -> bool {
        !needle.is_empty()
            && hay.match_indices(needle).any(|(i, _)| {
                let before = hay[..i].chars().next_back();
                let after = hay[i + needle.len()..].chars().next();
                before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
            })
    }

    #[test]
    fn contains_words_finds_what_match_indices_finds() {
        let hays = [
            "",
            "a",
            "ab ab ab",
            "xab ab ab",
            "the su-30 deal",
            "münchen münch münchen",
            "é a éa aé a",
            "aaa aa a",
            "rostec rostecs rostec",
            "russia and pakistan signed",
        ];
        let needles = [
            "",
            "a",
            "aa",
            "ab",
            "ab ab",
            "b a",
            "é",
            "a é",
            "münch",
            "münchen",
            "rostec",
            "pakistan",
            "and pakistan",
            "signed",
            "su-30",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(
                    contains_words(hay, needle),
                    reference(hay, needle),
                    "{hay:?} {needle:?}"
                );
            }
        }
    }
}
