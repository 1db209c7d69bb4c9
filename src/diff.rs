//! Semantic diff between two versions of a source: which facts were added,
//! removed or changed, which claims' verdicts moved, and a word-level diff of
//! each changed sentence.
//!
//! Facts are compared as position-free [`FactRecord`]s, so a cosmetic edit
//! (line endings, wrapping, quotes, spaces, boilerplate) yields an empty diff.
//! Each record has a *key* that names what the fact is about without its
//! value (a quantity's counted noun and qualifiers, a place's role and event,
//! a date's event, a quote's words, a person's name, an event's predicate and
//! agent) and a *value*. Old and new facts with the same key pair up as
//! *changed* (`quantity helicopter [mi-35]: 4 → 5`) rather than as one removed
//! and one added fact.
//!
//! Alignment runs in three passes: identical facts in identical sentences,
//! then identical facts anywhere (a moved paragraph changes nothing), then
//! facts of the same kind and key, preferring the most similar sentence.
//! What is left is added or removed. Facts are a multiset: a sentence that
//! repeats a fact stated elsewhere is still reported when dropped.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use similar::{ChangeTag, DiffOp, TextDiff};

use crate::claims::Verdict;
use crate::extract::{Change, Fact, FactKind, PlaceRole, describe_amount, describe_date};
use crate::verify::{Analysis, ClaimOutcome, SetOutcome, VerdictRef};

/// One fact without positions, as compared by the diff and kept in the lock
/// file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FactRecord {
    /// The kind ([`FactKind::name`]).
    pub kind: String,
    /// What the fact is about, without its value (`helicopter [mi-35]`).
    pub key: String,
    /// Its value (`4`, `Rawalpindi (city, Pakistan)`, `asserted object="..."`).
    pub value: String,
    /// The whole fact as [`Fact::describe`] renders it.
    pub fact: String,
    /// Index of its sentence in the content lines (see [`content_lines`]),
    /// if it has one.
    pub sentence: Option<usize>,
}

impl FactRecord {
    /// The line hashed into the facts digest: everything but the sentence.
    pub fn digest_line(&self) -> String {
        format!("{}\t{}\t{}\t{}", self.kind, self.key, self.value, self.fact)
    }
}

/// The fact-bearing sentences of a source, one per entry, as in
/// [`crate::Text::content`].
pub fn content_lines(a: &Analysis) -> Vec<String> {
    a.text
        .sentences()
        .iter()
        .filter(|s| s.kind.has_facts())
        .map(|s| a.text.slice(s.span).to_string())
        .collect()
}

/// The position-free records of every fact of `a`, in text order.
pub fn records(a: &Analysis) -> Vec<FactRecord> {
    // Sentence index in the text -> index among content lines.
    let mut content_index = BTreeMap::new();
    let mut n = 0;
    for (i, s) in a.text.sentences().iter().enumerate() {
        if s.kind.has_facts() {
            content_index.insert(i, n);
            n += 1;
        }
    }
    a.facts
        .iter()
        .map(|f| {
            let (key, value) = key_value(a, f);
            FactRecord {
                kind: f.kind.name().to_string(),
                key,
                value,
                fact: f.describe(),
                sentence: content_index.get(&f.sentence).copied(),
            }
        })
        .collect()
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// The alignment key and the value of a fact.
fn key_value(a: &Analysis, f: &Fact) -> (String, String) {
    let said = f
        .said_by
        .as_ref()
        .map(|b| format!(" — said by {b}"))
        .unwrap_or_default();
    let (key, value) = match &f.kind {
        FactKind::Quantity(q) => {
            let mut key = q.counted.clone().unwrap_or_else(|| "(uncounted)".into());
            if !q.qualifiers.is_empty() {
                let _ = write!(key, " [{}]", q.qualifiers.join(", "));
            }
            let mut v = describe_amount(&q.amount);
            match q.change {
                Some(Change::Increase) => v.push_str(" (increase)"),
                Some(Change::Decrease) => v.push_str(" (decrease)"),
                None => {}
            }
            (key, v)
        }
        FactKind::Date { value, event } => (
            match event {
                Some(e) => format!("of `{e}`"),
                None => "(no event)".into(),
            },
            describe_date(value),
        ),
        FactKind::Place { place, role, event } => {
            let role = match role {
                PlaceRole::Dateline => "dateline",
                PlaceRole::EventLocation => "location",
                PlaceRole::Mention => "mention",
            };
            let key = match event {
                Some(e) => format!("{role} of `{e}`"),
                None => role.to_string(),
            };
            (
                key,
                format!(
                    "{} ({}, {})",
                    place.name,
                    format!("{:?}", place.kind).to_lowercase(),
                    place.country
                ),
            )
        }
        FactKind::Person(p) => {
            let roles: Vec<String> = p
                .roles
                .iter()
                .map(|r| match &r.of {
                    Some(of) => format!("{} of {of}", r.title),
                    None => r.title.clone(),
                })
                .collect();
            (
                p.name.clone(),
                if roles.is_empty() {
                    "(no role)".into()
                } else {
                    roles.join("; ")
                },
            )
        }
        FactKind::Organisation(o) => (
            o.name.clone(),
            if o.aliases.is_empty() {
                "(no alias)".into()
            } else {
                format!("also {}", o.aliases.join(", "))
            },
        ),
        FactKind::Quote(q) => {
            let words = a.text.as_str().get(q.span.range()).unwrap_or("");
            (
                format!("\"{}\"", lower(words)),
                format!("speaker {}", q.speaker.as_deref().unwrap_or("(unknown)")),
            )
        }
        FactKind::Event(e) => {
            let key = match &e.agent {
                Some(ag) => format!("`{}` agent=\"{ag}\"", e.predicate),
                None => format!("`{}`", e.predicate),
            };
            let mut v = e.factuality.as_str().to_string();
            if let Some(o) = &e.object {
                let _ = write!(v, " object=\"{o}\"");
            }
            for p in &e.places {
                let _ = write!(v, " in={}", p.place.name);
            }
            for d in &e.dates {
                let _ = write!(v, " when={}", describe_date(&d.value));
            }
            (key, v)
        }
    };
    (key, format!("{value}{said}"))
}

/// A change of one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactChange {
    /// A fact only the new version states.
    Added(FactRecord),
    /// A fact only the old version states.
    Removed(FactRecord),
    /// The same thing with another value.
    Changed {
        /// Before.
        old: FactRecord,
        /// After.
        new: FactRecord,
    },
}

impl FactChange {
    /// The kind of fact that changed.
    pub fn kind(&self) -> &str {
        match self {
            FactChange::Added(f) | FactChange::Removed(f) => &f.kind,
            FactChange::Changed { new, .. } => &new.kind,
        }
    }

    /// One line: `+ quantity 5 helicopter`, `- place ...`,
    /// `~ quantity helicopter [mi-35]: 4 → 5`.
    pub fn line(&self) -> String {
        match self {
            FactChange::Added(f) => format!("+ {}", f.fact),
            FactChange::Removed(f) => format!("- {}", f.fact),
            FactChange::Changed { old, new } if old.key == new.key && old.value == new.value => {
                format!("~ {}", word_diff(&old.fact, &new.fact))
            }
            FactChange::Changed { old, new } => {
                let key = if old.key == new.key {
                    new.key.clone()
                } else {
                    word_diff(&old.key, &new.key)
                };
                format!(
                    "~ {} {key}: {}",
                    new.kind,
                    value_change(&old.value, &new.value)
                )
            }
        }
    }
}

/// `4 → 5` for short values; an inline word diff for long ones, where only
/// a word or two moved (`[-asserted-]{+negated+} object="the deal" …`).
fn value_change(old: &str, new: &str) -> String {
    if old == new {
        new.to_string()
    } else if old.chars().count() <= 60 && new.chars().count() <= 60 {
        format!("{old} → {new}")
    } else {
        word_diff(old, new)
    }
}

impl std::fmt::Display for FactChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line())
    }
}

fn ratio(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    TextDiff::from_words(a, b).ratio()
}

/// Aligns two fact lists (see the module docs); `old_sentences` and
/// `new_sentences` are the content lines the records' `sentence` indices
/// point into.
pub fn diff_facts(
    old: &[FactRecord],
    old_sentences: &[String],
    new: &[FactRecord],
    new_sentences: &[String],
) -> Vec<FactChange> {
    fn sentence_of(s: &[String], i: Option<usize>) -> &str {
        i.and_then(|i| s.get(i)).map_or("", String::as_str)
    }
    // Each fact's sentence, borrowed (a text with no sentence break is one
    // sentence holding thousands of facts), and a number per distinct
    // sentence text, so that sentences are compared by number.
    let old_s: Vec<&str> = old
        .iter()
        .map(|f| sentence_of(old_sentences, f.sentence))
        .collect();
    let new_s: Vec<&str> = new
        .iter()
        .map(|f| sentence_of(new_sentences, f.sentence))
        .collect();
    // Numbered sentence by sentence, not fact by fact: hashing a long
    // sentence once per fact in it would be quadratic again. No sentence
    // reads as the empty one, number 0.
    let mut ids: HashMap<&str, usize> = HashMap::from([("", 0)]);
    let (mut old_numbers, mut new_numbers) = (Vec::new(), Vec::new());
    for (sentences, numbers) in [
        (old_sentences, &mut old_numbers),
        (new_sentences, &mut new_numbers),
    ] {
        for t in sentences {
            let next = ids.len();
            numbers.push(*ids.entry(t.as_str()).or_insert(next));
        }
    }
    let id = |numbers: &[usize], f: &FactRecord| {
        f.sentence
            .and_then(|i| numbers.get(i))
            .copied()
            .unwrap_or(0)
    };
    let old_id: Vec<usize> = old.iter().map(|f| id(&old_numbers, f)).collect();
    let new_id: Vec<usize> = new.iter().map(|f| id(&new_numbers, f)).collect();
    // Sentence similarity, cached per sentence pair: a large diff compares
    // many facts of the same few sentences.
    let mut cache: BTreeMap<(Option<usize>, Option<usize>), f32> = BTreeMap::new();
    let mut sim = |i: usize, j: usize| -> f32 {
        let key = (old[i].sentence, new[j].sentence);
        *cache
            .entry(key)
            .or_insert_with(|| ratio(old_s[i], new_s[j]))
    };
    let mut old_used = vec![false; old.len()];
    let mut new_used = vec![false; new.len()];
    // The new facts by what they say (kind, key, value and description:
    // the same fact), by kind and key, and by kind, each
    // list in order: every pass below looks at the first or best new fact
    // of a list, and a source of many facts made a scan of all of them per
    // old fact quadratic.
    let mut same: HashMap<(&str, &str, &str, &str), Vec<usize>> = HashMap::new();
    let mut keyed: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    let mut kinds: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, n) in new.iter().enumerate() {
        same.entry((&n.kind, &n.key, &n.value, &n.fact))
            .or_default()
            .push(j);
        keyed.entry((&n.kind, &n.key)).or_default().push(j);
        kinds.entry(&n.kind).or_default().push(j);
    }
    let none: &[usize] = &[];
    // Pass 1: the same fact in the same sentence; pass 2: the same fact anywhere.
    for same_sentence in [true, false] {
        for (i, o) in old.iter().enumerate() {
            if old_used[i] {
                continue;
            }
            let candidates = same.get(&(&o.kind, &o.key, &o.value, &o.fact));
            let found = candidates
                .map_or(none, Vec::as_slice)
                .iter()
                .find(|&&j| !new_used[j] && (!same_sentence || new_id[j] == old_id[i]));
            if let Some(&j) = found {
                old_used[i] = true;
                new_used[j] = true;
            }
        }
    }
    // Pass 3: same kind and key, the most similar sentence first.
    let mut changes = Vec::new();
    for (i, o) in old.iter().enumerate() {
        if old_used[i] {
            continue;
        }
        let mut best: Option<(usize, f32)> = None;
        for &j in keyed.get(&(&o.kind, &o.key)).map_or(none, Vec::as_slice) {
            if new_used[j] {
                continue;
            }
            let r = sim(i, j);
            if best.is_none_or(|(_, b)| r > b) {
                best = Some((j, r));
            }
        }
        if let Some((j, _)) = best {
            old_used[i] = true;
            new_used[j] = true;
            changes.push((
                i,
                FactChange::Changed {
                    old: o.clone(),
                    new: new[j].clone(),
                },
            ));
        }
    }
    // Pass 4: same kind in similar sentences (an edit inside a quote moves
    // its key, the quoted words).
    for (i, o) in old.iter().enumerate() {
        if old_used[i] {
            continue;
        }
        let mut best: Option<(usize, f32)> = None;
        for &j in kinds.get(o.kind.as_str()).map_or(none, Vec::as_slice) {
            if new_used[j] || old_s[i].is_empty() {
                continue;
            }
            let r = sim(i, j);
            if r >= 0.6 && best.is_none_or(|(_, b)| r > b) {
                best = Some((j, r));
            }
        }
        if let Some((j, _)) = best {
            old_used[i] = true;
            new_used[j] = true;
            changes.push((
                i,
                FactChange::Changed {
                    old: o.clone(),
                    new: new[j].clone(),
                },
            ));
        }
    }
    for (i, o) in old.iter().enumerate() {
        if !old_used[i] {
            changes.push((i, FactChange::Removed(o.clone())));
        }
    }
    let mut out: Vec<FactChange> = {
        changes.sort_by_key(|(i, _)| *i);
        changes.into_iter().map(|(_, c)| c).collect()
    };
    for (j, n) in new.iter().enumerate() {
        if !new_used[j] {
            out.push(FactChange::Added(n.clone()));
        }
    }
    out
}

/// A sentence that was edited, added or dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceChange {
    /// The old sentence, if any.
    pub old: Option<String>,
    /// The new sentence, if any.
    pub new: Option<String>,
}

impl SentenceChange {
    /// The word-level diff, `[-old-]{+new+}` inline; a dropped sentence is
    /// wholly `[-…-]`, an added one wholly `{+…+}`.
    pub fn inline(&self) -> String {
        match (&self.old, &self.new) {
            (Some(o), Some(n)) => word_diff(o, n),
            (Some(o), None) => format!("[-{o}-]"),
            (None, Some(n)) => format!("{{+{n}+}}"),
            (None, None) => String::new(),
        }
    }
}

/// `[-old-]{+new+}` inline word diff of two sentences.
pub fn word_diff(old: &str, new: &str) -> String {
    let diff = TextDiff::from_words(old, new);
    let mut out = String::new();
    let mut run = String::new();
    let mut tag = ChangeTag::Equal;
    let flush = |out: &mut String, run: &mut String, tag: ChangeTag| {
        if run.is_empty() {
            return;
        }
        match tag {
            ChangeTag::Equal => out.push_str(run),
            ChangeTag::Delete => {
                let _ = write!(out, "[-{run}-]");
            }
            ChangeTag::Insert => {
                let _ = write!(out, "{{+{run}+}}");
            }
        }
        run.clear();
    };
    for c in diff.iter_all_changes() {
        if c.tag() != tag {
            flush(&mut out, &mut run, tag);
            tag = c.tag();
        }
        run.push_str(c.value());
    }
    flush(&mut out, &mut run, tag);
    out
}

/// The sentences that differ between two content-line lists: replaced
/// sentences pair up by similarity into edits, the rest are dropped or added.
pub fn diff_sentences(old: &[String], new: &[String]) -> Vec<SentenceChange> {
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, old, new);
    let mut out = Vec::new();
    for op in ops {
        let (olds, news) = match op {
            DiffOp::Equal { .. } => continue,
            DiffOp::Delete {
                old_index, old_len, ..
            } => (old_index..old_index + old_len, 0..0),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (0..0, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        let mut taken = vec![false; news.len()];
        for oi in olds {
            let Some(o) = old.get(oi) else { continue };
            let mut best: Option<(usize, f32)> = None;
            for (k, ni) in news.clone().enumerate() {
                let Some(n) = new.get(ni) else { continue };
                let r = ratio(o, n);
                if !taken[k] && r >= 0.5 && best.is_none_or(|(_, b)| r > b) {
                    best = Some((k, r));
                }
            }
            match best {
                Some((k, _)) => {
                    taken[k] = true;
                    out.push(SentenceChange {
                        old: Some(o.clone()),
                        new: new.get(news.start + k).cloned(),
                    });
                }
                None => out.push(SentenceChange {
                    old: Some(o.clone()),
                    new: None,
                }),
            }
        }
        for (k, ni) in news.enumerate() {
            if !taken[k] {
                out.push(SentenceChange {
                    old: None,
                    new: new.get(ni).cloned(),
                });
            }
        }
    }
    out
}

/// A claim whose verdict against a source moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictMove {
    /// `<claims file stem>::<claim id>`.
    pub claim: String,
    /// The claim's statement.
    pub statement: String,
    /// The source.
    pub source: String,
    /// The verdict before (*not mentioned* when the claim had no record:
    /// not mentioned, or not checked).
    pub before: Option<Verdict>,
    /// The verdict after (the same way).
    pub after: Option<Verdict>,
    /// The evidence before: `fact — "sentence"`.
    pub before_evidence: Vec<String>,
    /// The evidence after.
    pub after_evidence: Vec<String>,
}

impl VerdictMove {
    /// `pakistan-russia-deal::helicopters: supported → contradicted`.
    pub fn line(&self) -> String {
        let v = |v: Option<Verdict>| v.map_or("(not checked)", Verdict::as_str);
        format!(
            "{} (\"{}\") in {}: {} → {}",
            self.claim,
            self.statement,
            self.source,
            v(self.before),
            v(self.after)
        )
    }
}

/// A claim's verdict against one source, position-free, as kept in the lock
/// (which keeps no *not mentioned* verdict: a claim without a record is not
/// mentioned by the source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictRecord {
    /// `<claims file stem>::<claim id>`.
    pub claim: String,
    /// The claim's statement.
    pub statement: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Its evidence: `fact — "sentence"`.
    pub evidence: Vec<String>,
}

/// The verdicts of every claim against `source`, position-free: those
/// that are not *not mentioned* (a claim with no record is not mentioned,
/// or not checked against the source).
pub fn verdict_records(outcomes: &[SetOutcome], source: &str) -> Vec<VerdictRecord> {
    verdict_records_by_source(outcomes, &[source])
        .pop()
        .unwrap_or_default()
}

/// [`verdict_records`] of every source in `sources`, in one pass over the
/// outcomes (one list per source, in the order of `sources`).
pub fn verdict_records_by_source(
    outcomes: &[SetOutcome],
    sources: &[&str],
) -> Vec<Vec<VerdictRecord>> {
    said_by_source(outcomes, sources)
        .iter()
        .map(|said| records_of(said))
        .collect()
}

/// A verdict that is not *not mentioned*, with its claim.
pub(crate) type Said<'a> = (&'a SetOutcome, &'a ClaimOutcome, VerdictRef<'a>);

/// The verdicts of every source in `sources` that are not *not mentioned*,
/// gathered in one pass over the outcomes but not yet made into records
/// (an archive has millions: [`records_of`] makes one source's at a time).
pub(crate) fn said_by_source<'a>(
    outcomes: &'a [SetOutcome],
    sources: &[&str],
) -> Vec<Vec<Said<'a>>> {
    let at: std::collections::HashMap<&str, usize> =
        sources.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let mut out: Vec<Vec<Said<'a>>> = sources.iter().map(|_| Vec::new()).collect();
    for set in outcomes {
        for o in &set.outcomes {
            for v in o.verdicts() {
                if v.verdict == Verdict::NotMentioned {
                    continue;
                }
                if let Some(&i) = at.get(v.source.as_str()) {
                    out[i].push((set, o, v));
                }
            }
        }
    }
    out
}

/// The records of one source's verdicts, in the order given.
pub(crate) fn records_of(said: &[Said]) -> Vec<VerdictRecord> {
    said.iter()
        .map(|(set, o, v)| record(&claim_name(set, o), o, v))
        .collect()
}

/// `<claims file stem>::<claim id>`.
fn claim_name(set: &SetOutcome, o: &ClaimOutcome) -> String {
    format!("{}::{}", set.name, o.claim.id)
}

/// The record of one verdict.
fn record(claim: &str, o: &ClaimOutcome, v: &VerdictRef) -> VerdictRecord {
    VerdictRecord {
        claim: claim.to_string(),
        statement: o.claim.statement.clone(),
        verdict: v.verdict,
        evidence: v
            .evidence
            .iter()
            .map(|e| format!("{} — \"{}\"", e.fact, e.sentence))
            .collect(),
    }
}

/// The verdicts that moved between two lists for one source.
pub fn diff_verdicts<'a>(
    source: &str,
    old: impl IntoIterator<Item = &'a VerdictRecord>,
    new: impl IntoIterator<Item = &'a VerdictRecord>,
) -> Vec<VerdictMove> {
    let old_by: BTreeMap<&str, &VerdictRecord> =
        old.into_iter().map(|v| (v.claim.as_str(), v)).collect();
    let new_by: BTreeMap<&str, &VerdictRecord> =
        new.into_iter().map(|v| (v.claim.as_str(), v)).collect();
    let mut out = Vec::new();
    let mut names: Vec<&str> = old_by.keys().chain(new_by.keys()).copied().collect();
    names.sort_unstable();
    names.dedup();
    // No record: not mentioned.
    let verdict = |r: Option<&&VerdictRecord>| r.map_or(Verdict::NotMentioned, |v| v.verdict);
    for name in names {
        let (o, n) = (old_by.get(name), new_by.get(name));
        if verdict(o) == verdict(n) {
            continue;
        }
        out.push(VerdictMove {
            claim: name.to_string(),
            statement: n.or(o).map(|v| v.statement.clone()).unwrap_or_default(),
            source: source.to_string(),
            before: Some(verdict(o)),
            after: Some(verdict(n)),
            before_evidence: o.map(|v| v.evidence.clone()).unwrap_or_default(),
            after_evidence: n.map(|v| v.evidence.clone()).unwrap_or_default(),
        });
    }
    out
}

/// Everything that moved in one source.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceDiff {
    /// Facts added, removed and changed.
    pub facts: Vec<FactChange>,
    /// Claims whose verdict moved.
    pub verdicts: Vec<VerdictMove>,
    /// Sentences edited, dropped or added (fact-bearing sentences only).
    pub sentences: Vec<SentenceChange>,
}

impl SourceDiff {
    /// Whether no fact and no verdict moved (sentences may still differ in
    /// wording that carries no fact).
    pub fn no_fact_moved(&self) -> bool {
        self.facts.is_empty() && self.verdicts.is_empty()
    }

    /// Whether nothing at all differs.
    pub fn is_empty(&self) -> bool {
        self.no_fact_moved() && self.sentences.is_empty()
    }
}

/// The semantic diff of two analyses of one source; `old_outcomes` and
/// `new_outcomes` are the claims verified against each (pass empty slices to
/// skip verdicts).
pub fn diff_analyses(
    old: &Analysis,
    new: &Analysis,
    old_outcomes: &[SetOutcome],
    new_outcomes: &[SetOutcome],
) -> SourceDiff {
    let (os, ns) = (content_lines(old), content_lines(new));
    let facts = diff_facts(&records(old), &os, &records(new), &ns);
    let verdicts = diff_verdicts(
        old.id().as_str(),
        &verdict_records(old_outcomes, old.id().as_str()),
        &verdict_records(new_outcomes, new.id().as_str()),
    );
    SourceDiff {
        facts,
        verdicts,
        sentences: diff_sentences(&os, &ns),
    }
}

/// Analyses two versions of a source, verifies `sets` against each and
/// diffs them (what `claimcheck diff OLD NEW` prints).
pub fn diff_sources(
    old: &crate::Source,
    new: &crate::Source,
    sets: &[crate::ClaimSet],
) -> SourceDiff {
    let (a, b) = (Analysis::of(old), Analysis::of(new));
    let oa = std::slice::from_ref(&a);
    let ob = std::slice::from_ref(&b);
    let old_out: Vec<SetOutcome> = sets.iter().map(|s| crate::verify::verify(s, oa)).collect();
    let new_out: Vec<SetOutcome> = sets.iter().map(|s| crate::verify::verify(s, ob)).collect();
    diff_analyses(&a, &b, &old_out, &new_out)
}

/// The diff for people: facts, then verdicts with evidence, then sentences.
pub fn render(d: &SourceDiff) -> String {
    let mut out = String::new();
    if d.is_empty() {
        out.push_str("no change: no fact, verdict or sentence moved\n");
        return out;
    }
    if d.facts.is_empty() {
        out.push_str("no fact moved\n");
    } else {
        let _ = writeln!(out, "facts ({} moved):", d.facts.len());
        for c in &d.facts {
            let _ = writeln!(out, "  {c}");
        }
    }
    if !d.verdicts.is_empty() {
        let _ = writeln!(out, "verdicts ({} moved):", d.verdicts.len());
        for v in &d.verdicts {
            let _ = writeln!(out, "  {}", v.line());
            for e in &v.before_evidence {
                let _ = writeln!(out, "      before: {e}");
            }
            for e in &v.after_evidence {
                let _ = writeln!(out, "      after:  {e}");
            }
        }
    }
    if !d.sentences.is_empty() {
        let _ = writeln!(out, "sentences ({} changed):", d.sentences.len());
        for s in &d.sentences {
            let _ = writeln!(out, "  {}", s.inline());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(kind: &str, key: &str, value: &str, sentence: usize) -> FactRecord {
        FactRecord {
            kind: kind.into(),
            key: key.into(),
            value: value.into(),
            fact: format!("{kind} {key} {value}"),
            sentence: Some(sentence),
        }
    }

    /// (old facts, new facts, expected change lines)
    #[test]
    fn fact_alignment_table() {
        let s = vec!["a b c".to_string(), "d e f".to_string()];
        let q4 = rec("quantity", "helicopter", "4", 0);
        let q5 = rec("quantity", "helicopter", "5", 0);
        let q4b = rec("quantity", "helicopter", "4", 1);
        let pl = rec("place", "location of `sign`", "rawalpindi", 0);
        let pi = rec("place", "location of `sign`", "islamabad", 0);
        let cases: Vec<(Vec<FactRecord>, Vec<FactRecord>, Vec<&str>)> = vec![
            (vec![q4.clone()], vec![q4.clone()], vec![]),
            (
                vec![q4.clone()],
                vec![q5.clone()],
                vec!["~ quantity helicopter: 4 → 5"],
            ),
            (
                vec![q4.clone(), q4b.clone()],
                vec![q5.clone(), q4b.clone()],
                vec!["~ quantity helicopter: 4 → 5"],
            ),
            // Multiset: dropping one of two equal facts is reported.
            (
                vec![q4.clone(), q4b.clone()],
                vec![q4b.clone()],
                vec!["- quantity helicopter 4"],
            ),
            (vec![], vec![q4.clone()], vec!["+ quantity helicopter 4"]),
            (
                vec![pl.clone(), q4.clone()],
                vec![q4.clone(), pi.clone()],
                vec!["~ place location of `sign`: rawalpindi → islamabad"],
            ),
            // Different keys pair up only in similar sentences.
            (
                vec![q4.clone()],
                vec![rec("quantity", "tank", "4", 0)],
                vec!["~ quantity [-helicopter-]{+tank+}: 4"],
            ),
            // Long values show the words that moved.
            (
                vec![rec(
                    "event",
                    "`sign`",
                    "asserted object=\"the agreement\" in=Rawalpindi when=2015-08-19",
                    0,
                )],
                vec![rec(
                    "event",
                    "`sign`",
                    "negated object=\"the agreement\" in=Rawalpindi when=2015-08-19",
                    0,
                )],
                vec![
                    "~ event `sign`: [-asserted-]{+negated+} object=\"the agreement\" in=Rawalpindi when=2015-08-19",
                ],
            ),
            (
                vec![q4.clone()],
                vec![rec("quantity", "tank", "4", 1)],
                vec!["- quantity helicopter 4", "+ quantity tank 4"],
            ),
            (
                vec![q4.clone()],
                vec![rec("place", "helicopter", "4", 0)],
                vec!["- quantity helicopter 4", "+ place helicopter 4"],
            ),
        ];
        for (old, new, want) in cases {
            let got: Vec<String> = diff_facts(&old, &s, &new, &s)
                .iter()
                .map(FactChange::line)
                .collect();
            assert_eq!(got, want, "old {old:?} new {new:?}");
        }
    }

    #[test]
    fn word_diff_table() {
        let cases = [
            (
                "sale of four helicopters",
                "sale of five helicopters",
                "sale of [-four-]{+five+} helicopters",
            ),
            ("a b", "a b", "a b"),
            (
                "signed in Rawalpindi",
                "signed in Islamabad",
                "signed in [-Rawalpindi-]{+Islamabad+}",
            ),
            (
                "they signed it",
                "they did not sign it",
                "they [-signed-]{+did not sign+} it",
            ),
        ];
        for (o, n, want) in cases {
            assert_eq!(word_diff(o, n), want, "{o} -> {n}");
        }
    }

    #[test]
    fn sentence_pairs_table() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let cases: Vec<(Vec<String>, Vec<String>, Vec<&str>)> = vec![
            (
                v(&["A b c d.", "E f g."]),
                v(&["A b c d.", "E f g."]),
                vec![],
            ),
            (
                v(&["A b c d.", "E f g h."]),
                v(&["A b c d.", "E f g x."]),
                vec!["E f g [-h.-]{+x.+}"],
            ),
            (
                v(&["A b c d.", "E f g."]),
                v(&["E f g."]),
                vec!["[-A b c d.-]"],
            ),
            (v(&["A."]), v(&["A.", "Zed quux."]), vec!["{+Zed quux.+}"]),
        ];
        for (o, n, want) in cases {
            let got: Vec<String> = diff_sentences(&o, &n)
                .iter()
                .map(SentenceChange::inline)
                .collect();
            assert_eq!(got, want, "{o:?} -> {n:?}");
        }
    }

    #[test]
    fn verdict_moves_table() {
        let r = |c: &str, v: Verdict| VerdictRecord {
            claim: c.into(),
            statement: "s".into(),
            verdict: v,
            evidence: vec![],
        };
        // No record is the same as a *not mentioned* one.
        let old = vec![
            r("f::a", Verdict::Supported),
            r("f::b", Verdict::Supported),
            r("f::d", Verdict::Contradicted),
        ];
        let new = vec![
            r("f::a", Verdict::Contradicted),
            r("f::b", Verdict::Supported),
            r("f::c", Verdict::NotMentioned),
            r("f::e", Verdict::Supported),
        ];
        let got: Vec<String> = diff_verdicts("dawn", &old, &new)
            .iter()
            .map(VerdictMove::line)
            .collect();
        assert_eq!(
            got,
            vec![
                "f::a (\"s\") in dawn: supported → contradicted",
                "f::d (\"s\") in dawn: contradicted → not-mentioned",
                "f::e (\"s\") in dawn: not-mentioned → supported",
            ]
        );
    }
}
