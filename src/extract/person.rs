//! People with their titles and roles, and organisations.
//!
//! Works over the whole text so that later short mentions (`General Sharif`,
//! `the minister`) link to the full name given earlier.
//!
//! # How people are found
//!
//! Only sentences whose paragraph kind carries facts are read. Each sentence
//! is cut into word tokens; a *name* is a run of capitalized tokens that are
//! not common words, titles, organisation words, countries, demonyms, months
//! or days. A name is taken as a person only with evidence:
//!
//! * a title chain before it: `Chief of Army Staff General Raheel Sharif`,
//!   `Russian Defence Minister Sergei Shoigu`, `Russia's President Vladimir
//!   Putin`, `former Prime Minister Benazir Bhutto`, `Dr. Ayesha Khan`;
//! * an apposition after it: `Zafar Hilaly, a former senior Pakistani
//!   diplomat`, `Sergey Chemezov, CEO of Rostec`, `X, who heads Y`;
//! * an apposition before it: `CEO of Russia's Rostec hi-tech corporation,
//!   Sergey Chemezov,`, `the Ambassador of the Russian Federation to
//!   Pakistan, His Excellency Mr. Alexey Dedov,` (a posting after the
//!   owner, a style before the name);
//! * `counterpart` before a name: the office of the last person named
//!   before in the sentence, of the demonym's country (`Defence Minister
//!   X met his Russian counterpart General Sergei Shoigu` → `defence
//!   minister` of `russia`);
//! * a speech context for names of two words or more: `Ahmed Khan said`,
//!   `said Ahmed Khan`, `quoted Ahmed Khan`, `according to Ahmed Khan`.
//!
//! Role normalization: a title is lowercase, abbreviations spelled out
//! (`Gen.` → `general`), modifiers kept (`former senior diplomat`). A country
//! given as a demonym, a possessive or a noun before the title goes to
//! [`Role::of`] and out of the title (`a former senior Pakistani diplomat` →
//! `former senior diplomat` of `pakistan`); an explicit `of`/`at`/`for`
//! phrase after the title wins over it (`CEO of Rostec` → `ceo` of `rostec`),
//! read past a lowercase description ending in an organisation noun
//! (`head of the Russian state conglomerate Rostec` → `head` of `rostec`).
//! `Minister of Defence` is written `defence minister`.
//!
//! Short mentions link to earlier people: a full name again, a surname alone
//! (to the most recent person with that surname), a title and surname
//! (`General Sharif`: the most recent one with a `general` role; a person
//! with other roles only is not merged, a new person is made instead), and
//! title-only anaphora (`the minister`: the most recent person with a role
//! ending in the words `minister`; `the prime minister` does not link to a
//! `chief minister`). A surname seen before its full name is merged into
//! the full name when exactly one person has that surname.
//!
//! # How organisations are found
//!
//! * capitalized multi-word names holding an organisation word (`Foreign
//!   Ministry`, `Shanghai Cooperation Organization`, `Pakistan Air Force`);
//!   a leading possessive country is dropped (`Russia's Foreign Ministry` →
//!   `Foreign Ministry`: whose it is is not recorded), a leading demonym is
//!   kept as written (`Russian Foreign Ministry`);
//! * an acronym defined in parentheses after a name (`... (SCO)` → alias);
//! * well-known news outlets, agencies and groups (`Reuters`, `the Wall
//!   Street Journal` / `WSJ`, `the Taliban`, `NATO`), from a list below;
//! * hyphenated South-Asian and Arabic group names (`Lashkar-e-Islam`);
//! * a capitalized word in organisation context: after a possessive country
//!   with an organisation noun close after (`Russia's Rostec hi-tech
//!   corporation` → `Rostec`), or after `claimed by`.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::place::{PlaceKind, country_of_demonym, is_calendar, is_english_word, lookup_place};
use crate::span::Span;
use crate::text::{ParagraphKind, Text};

/// A role or title held by a person.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Role {
    /// The title, lowercase, without the organisation or country
    /// (`defence minister`, `chief of army staff`, `ceo`, `former senior diplomat`).
    pub title: String,
    /// Whose role it is, lowercase, when said (`russia`, `rostec`, `pakistan`).
    pub of: Option<String>,
    /// Where the role is stated.
    pub span: Span,
}

/// A person named in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    /// The fullest form of the name in the text (`Raheel Sharif`), without titles.
    pub name: String,
    /// Roles and titles, in order of first statement, without repeats.
    pub roles: Vec<Role>,
    /// Every mention (full or short) in order.
    pub mentions: Vec<Span>,
}

/// An organisation named in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Organisation {
    /// The fullest form of the name (`Shanghai Cooperation Organization`).
    pub name: String,
    /// Short forms used in the text (`SCO`, `WSJ`).
    pub aliases: Vec<String>,
    /// Every mention in order.
    pub mentions: Vec<Span>,
}

// ---------------------------------------------------------------------------
// Lexicons (data, not code).

/// Titles that may stand before a name or head an apposition, lowercase,
/// words separated by one space. Longest match wins.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    // government and politics
    "president", "vice president", "vice-president", "president-elect", "prime minister",
    "premier", "chancellor", "minister", "chief minister", "secretary", "secretary of state",
    "secretary-general", "secretary general", "under secretary", "undersecretary", "governor",
    "lieutenant governor", "mayor", "senator", "congressman", "congresswoman", "lawmaker",
    "legislator", "parliamentarian", "mp", "speaker", "chairman", "chairwoman", "chairperson",
    "ambassador", "envoy", "high commissioner", "commissioner", "consul", "consul general",
    "diplomat", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
    "national security adviser", "national security advisor", "official", "aide", "leader",
    "opposition leader", "attorney general", "chief justice", "justice", "judge", "prosecutor",
    "king", "queen", "prince", "princess", "crown prince", "emir", "sultan", "sheikh",
    "president of the republic",
    // corporate
    "ceo", "cfo", "coo", "cto", "chief executive", "chief executive officer",
    "chief financial officer", "chief operating officer", "managing director",
    "executive director", "director", "director general", "director-general", "head",
    "founder", "co-founder", "owner", "chief", "boss", "executive", "vice chairman",
    "deputy chairman", "general manager", "manager", "board member",
    // expertise and press
    "analyst", "expert", "economist", "professor", "researcher", "scientist", "scholar",
    "research fellow", "senior fellow", "visiting fellow",
    "editor", "editor-in-chief", "correspondent", "journalist", "reporter", "columnist",
    "lawyer", "attorney", "activist", "historian", "author", "strategist", "consultant",
    // military and police
    "commander", "commander-in-chief", "chief of army staff", "chief of the army staff",
    "chief of naval staff", "chief of the naval staff", "chief of air staff",
    "chief of the air staff", "chief of staff", "chief of general staff",
    "chief of the general staff", "chief of defence staff", "chief of the defence staff",
    "chairman of the joint chiefs of staff", "chairman joint chiefs of staff committee",
    "general", "lieutenant general", "lieutenant-general", "major general", "major-general",
    "brigadier general", "brigadier", "colonel", "lieutenant colonel", "major", "captain",
    "lieutenant", "sergeant", "corporal", "admiral", "vice admiral", "rear admiral",
    "air marshal", "air chief marshal", "air vice marshal", "field marshal", "marshal",
    "commodore", "air commodore", "police chief", "inspector general", "inspector",
    "superintendent", "colonel general", "colonel-general", "attache", "attaché",
    // religion and honorifics that are roles
    "pope", "cardinal", "bishop", "archbishop", "imam", "cleric", "rabbi", "reverend",
    "doctor", "dr", "prof", "sir", "lord", "lady", "dame",
    // abbreviations (normalized by ABBREVIATIONS)
    "gen", "col gen", "lt gen", "lt-gen", "maj gen", "maj-gen", "brig", "col", "lt col", "lt", "maj",
    "capt", "sgt", "adm", "cmdr", "cdr", "gov", "sen", "rep", "rev", "pres",
];

/// Spelled-out forms of abbreviated titles.
#[rustfmt::skip]
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("gen", "general"),
    ("col gen", "colonel general"),
    ("colonel-general", "colonel general"),
    ("attaché", "attache"),
    ("lt gen", "lieutenant general"),
    ("lt-gen", "lieutenant general"),
    ("lieutenant-general", "lieutenant general"),
    ("maj gen", "major general"),
    ("maj-gen", "major general"),
    ("major-general", "major general"),
    ("brig", "brigadier"),
    ("col", "colonel"),
    ("lt col", "lieutenant colonel"),
    ("lt", "lieutenant"),
    ("maj", "major"),
    ("capt", "captain"),
    ("sgt", "sergeant"),
    ("adm", "admiral"),
    ("cmdr", "commander"),
    ("cdr", "commander"),
    ("gov", "governor"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("rev", "reverend"),
    ("pres", "president"),
    ("dr", "doctor"),
    ("prof", "professor"),
    ("vice-president", "vice president"),
    ("director-general", "director general"),
    ("secretary general", "secretary-general"),
    ("chief of the army staff", "chief of army staff"),
    ("chief of the naval staff", "chief of naval staff"),
    ("chief of the air staff", "chief of air staff"),
    ("chief of the general staff", "chief of general staff"),
    ("chief of the defence staff", "chief of defence staff"),
    ("advisor", "adviser"),
];

/// Honorifics that mark a name but are no role.
#[rustfmt::skip]
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "messrs"];

/// Titles that may follow portfolio words (`Defence Minister`) or take a
/// portfolio after `of`/`for` (`Minister for Foreign Affairs`).
#[rustfmt::skip]
const PORTFOLIO_HEADS: &[&str] = &[
    "minister", "secretary", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson",
    "chief", "official", "commissioner", "envoy", "committee chairman", "analyst", "attache",
    "attaché", "correspondent", "expert", "consultant",
];

/// Military ranks: a person's grade, never what an organisation or owner
/// word before them is of (`Ground Forces Col Gen X`: the title before the
/// owner is the role, the rank only a rank).
#[rustfmt::skip]
const RANKS: &[&str] = &[
    "general", "colonel general", "lieutenant general", "major general", "brigadier general",
    "brigadier", "colonel", "lieutenant colonel", "major", "captain", "lieutenant", "sergeant",
    "corporal", "admiral", "vice admiral", "rear admiral", "air marshal", "air chief marshal",
    "air vice marshal", "field marshal", "marshal", "commodore", "air commodore",
];

/// Words naming a government portfolio or a service.
#[rustfmt::skip]
const PORTFOLIOS: &[&str] = &[
    "defence", "defense", "foreign", "affairs", "interior", "home", "finance", "economy",
    "economic", "trade", "commerce", "industry", "industries", "information", "petroleum", "oil",
    "energy", "power", "water", "railways", "railway", "health", "education", "law", "justice",
    "planning", "development", "agriculture", "food", "culture", "tourism", "labour", "labor",
    "environment", "climate", "science", "technology", "communications", "transport",
    "aviation", "housing", "religious", "security", "production", "state", "federal",
    "provincial", "military", "army", "navy", "naval", "air", "intelligence", "police",
    "party", "opposition", "human", "rights", "revenue", "treasury", "privatisation",
    "privatization", "parliamentary", "cabinet", "government", "ministry", "office",
    "national", "internal", "external", "public", "works", "overseas", "maritime",
    "operations", "homeland",
];

/// Modifiers kept in front of a title (`former`, `senior`).
#[rustfmt::skip]
const MODIFIERS: &[&str] = &[
    "former", "late", "acting", "interim", "outgoing", "incoming", "deputy", "vice", "senior",
    "retired", "top", "assistant", "associate", "joint", "principal", "special", "veteran",
    "leading", "prominent", "ex", "current", "caretaker", "junior", "chief", "then",
    "longtime", "long-time", "serving", "sitting", "newly", "appointed", "elected",
];

/// Capitalized words that name no person (sentence-initial function words,
/// calendar words, frequent headline words).
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "both", "all", "some", "many", "most",
    "several", "few", "his", "her", "their", "its", "our", "my", "your", "in", "on", "at", "by",
    "for", "from", "with", "without", "after", "before", "during", "since", "until", "while",
    "when", "where", "what", "which", "who", "whom", "whose", "why", "how", "if", "but", "and",
    "or", "nor", "yet", "so", "as", "also", "however", "meanwhile", "moreover", "besides",
    "last", "next", "early", "earlier", "later", "now", "then", "today", "yesterday",
    "tomorrow", "read", "more", "see", "watch", "related", "photo", "file", "according",
    "experts", "officials", "there", "here", "it", "he", "she", "they", "we", "i", "you", "one",
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "not", "no", "yes", "under", "over", "about", "against", "between", "among", "through",
    "into", "to", "of", "up", "down", "out", "off", "new", "old", "cold", "war", "north",
    "south", "east", "west", "northern", "southern", "eastern", "western", "central", "asian",
    "european", "african", "arab", "middle", "islamic", "muslim", "christian",
    "hindu", "sunni", "shia", "shiite", "god", "allah", "prophet", "ramazan", "ramadan",
    "eid", "christmas", "easter", "contact", "share", "follow", "click", "subscribe", "update",
    "updated", "posted", "published", "copyright", "breaking", "exclusive", "live", "video",
    "pictures", "opinion", "editorial", "analysis", "comment", "report", "news", "story",
    "such", "other", "another", "each", "every", "any", "only", "just", "even", "still",
    "already", "again", "once", "twice", "though", "although", "because", "despite",
    "unless", "whether", "instead", "indeed", "thus", "hence", "therefore", "first",
    "second", "third", "final", "us", "un", "eu", "uk", "ap", "afp", "hind", "internet",
    "twitter", "facebook", "president", "parliament", "senate", "congress", "government",
    "state", "republic", "kingdom", "federal", "national", "international", "global",
    "russian", "pakistani", "american", "chinese", "indian", "afghan",
];

/// Capitalized words that make a name an organisation.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "ministry", "ministries", "corporation", "corp", "organization", "organisation", "agency",
    "council", "party", "army", "journal", "times", "post", "bank", "group", "fund", "company",
    "inc", "ltd", "llc", "plc", "gmbh", "university", "college", "institute", "commission",
    "committee", "department", "office", "force", "forces", "navy", "association",
    "federation", "union", "league", "authority", "bureau", "court", "assembly", "senate",
    "police", "service", "services", "foundation", "center", "centre", "network", "herald",
    "tribune", "telegraph", "gazette", "express", "airlines", "airways", "holdings",
    "industries", "technologies", "systems", "motors", "exchange", "board", "alliance",
    "coalition", "movement", "brigade", "brigades", "corps", "command", "secretariat",
    "academy", "hospital", "trust", "society", "agencies", "consortium", "institution",
    "parliament", "congress", "cabinet", "directorate", "guard", "guards", "intelligence",
    "marines", "press", "news", "broadcasting", "television", "radio", "tv", "daily",
    "observer", "chronicle", "monitor", "review", "magazine", "enterprises", "industry",
    "laboratories", "labs", "partners", "capital", "securities", "insurance", "energy",
    "petroleum", "oil", "gas", "electric", "telecom", "communications", "pharmaceuticals",
];

/// Lowercase nouns that show a nearby capitalized word names an organisation.
#[rustfmt::skip]
const ORG_NOUNS: &[&str] = &[
    "corporation", "company", "firm", "group", "giant", "conglomerate", "maker",
    "manufacturer", "agency", "bank", "carrier", "airline", "party", "outlet", "newspaper",
    "daily", "broadcaster", "network", "militants", "outfit", "faction", "organisation",
    "organization", "consortium", "holding", "concern", "exporter", "producer", "operator",
    "lender", "insurer", "startup", "supplier", "contractor", "corp",
];

/// First words of hyphenated South-Asian and Arabic organisation names
/// (`Lashkar-e-...`, `Tehreek-i-...`).
#[rustfmt::skip]
const ORG_PREFIXES: &[&str] = &[
    "lashkar", "jaish", "tehreek", "tehrik", "jamaat", "jamiat", "hizb", "harkat",
    "sipah", "ansar", "majlis", "muttahida", "tanzeem", "tanzim", "jundallah",
    "hizbul", "harakat", "ittehad", "tahreek", "markaz", "anjuman", "sunni", "ahle", "ahl",
];

/// Well-known outlets, agencies and groups: (full name, short forms).
#[rustfmt::skip]
const KNOWN_ORGS: &[(&str, &[&str])] = &[
    ("Reuters", &[]),
    ("Agence France-Presse", &["AFP"]),
    ("Associated Press", &["AP"]),
    ("Indo-Asian News Service", &["IANS"]),
    ("Press Trust of India", &["PTI"]),
    ("Asian News International", &["ANI"]),
    ("Associated Press of Pakistan", &["APP"]),
    ("Xinhua", &[]),
    ("TASS", &["ITAR-TASS"]),
    ("RIA Novosti", &[]),
    ("Interfax", &[]),
    ("Sputnik", &[]),
    ("Bloomberg", &[]),
    ("Al Jazeera", &[]),
    ("British Broadcasting Corporation", &["BBC"]),
    ("Cable News Network", &["CNN"]),
    ("Wall Street Journal", &["WSJ"]),
    ("New York Times", &["NYT"]),
    ("Washington Post", &[]),
    ("Financial Times", &["FT"]),
    ("Dawn", &[]),
    ("Kyodo", &[]),
    ("Yonhap", &[]),
    ("Anadolu", &[]),
    ("Taliban", &[]),
    ("al-Qaeda", &["al Qaeda", "Al-Qaeda", "Al Qaeda", "al-Qaida"]),
    ("Islamic State", &["ISIS", "ISIL", "IS", "Daesh"]),
    ("Hamas", &[]),
    ("Hezbollah", &[]),
    ("North Atlantic Treaty Organization", &["NATO", "Nato"]),
    ("United Nations", &["UN", "U.N."]),
    ("European Union", &["EU"]),
    ("International Monetary Fund", &["IMF"]),
    ("World Bank", &[]),
    ("Inter-Services Intelligence", &["ISI"]),
    ("Inter-Services Public Relations", &["ISPR"]),
    ("Central Intelligence Agency", &["CIA"]),
    ("Federal Bureau of Investigation", &["FBI"]),
    ("Pentagon", &[]),
    ("Kremlin", &[]),
    ("Rosoboronexport", &[]),
];

/// Verbs of saying that mark a name next to them as a speaker.
#[rustfmt::skip]
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "reported",
    "reports", "noted", "notes", "explained", "explains", "warned", "warns", "insisted",
    "insists", "declared", "announced", "announces", "wrote", "writes", "claimed", "claims",
    "asked", "asks", "replied", "commented", "continued", "tweeted", "remarked", "argued",
    "argues", "acknowledged", "confirmed", "confirms", "emphasised", "emphasized", "stressed",
    "stresses", "observed", "maintained", "suggested", "recalled", "quoted", "quotes",
    "according", "urged", "vowed", "denied", "admitted", "believes", "believed", "thinks",
];

/// A small built-in table of countries and their demonyms, used besides the
/// place gazetteer (`super::place`) so that titles are read the same way
/// whether or not the gazetteer knows the word.
#[rustfmt::skip]
const COUNTRIES: &[(&str, &[&str])] = &[
    ("afghanistan", &["afghan"]),
    ("australia", &["australian"]),
    ("bangladesh", &["bangladeshi"]),
    ("brazil", &["brazilian"]),
    ("britain", &["british"]),
    ("canada", &["canadian"]),
    ("china", &["chinese"]),
    ("egypt", &["egyptian"]),
    ("france", &["french"]),
    ("germany", &["german"]),
    ("india", &["indian"]),
    ("indonesia", &["indonesian"]),
    ("iran", &["iranian"]),
    ("iraq", &["iraqi"]),
    ("israel", &["israeli"]),
    ("italy", &["italian"]),
    ("japan", &["japanese"]),
    ("jordan", &["jordanian"]),
    ("kazakhstan", &["kazakh"]),
    ("kuwait", &["kuwaiti"]),
    ("lebanon", &["lebanese"]),
    ("libya", &["libyan"]),
    ("malaysia", &["malaysian"]),
    ("mexico", &["mexican"]),
    ("nepal", &["nepalese", "nepali"]),
    ("nigeria", &["nigerian"]),
    ("north korea", &["north korean"]),
    ("pakistan", &["pakistani"]),
    ("palestine", &["palestinian"]),
    ("qatar", &["qatari"]),
    ("russia", &["russian"]),
    ("saudi arabia", &["saudi"]),
    ("south africa", &["south african"]),
    ("south korea", &["south korean", "korean"]),
    ("spain", &["spanish"]),
    ("sri lanka", &["sri lankan"]),
    ("syria", &["syrian"]),
    ("tajikistan", &["tajik"]),
    ("turkey", &["turkish"]),
    ("ukraine", &["ukrainian"]),
    ("united kingdom", &["uk"]),
    ("united states", &["american", "us", "u.s"]),
    ("uzbekistan", &["uzbek"]),
    ("vietnam", &["vietnamese"]),
    ("yemen", &["yemeni"]),
    ("america", &[]),
    ("sudan", &["sudanese"]),
    ("ethiopia", &["ethiopian"]),
    ("kenya", &["kenyan"]),
    ("poland", &["polish"]),
    ("netherlands", &["dutch"]),
    ("sweden", &["swedish"]),
    ("norway", &["norwegian"]),
    ("greece", &["greek"]),
    ("belarus", &["belarusian"]),
    ("georgia", &["georgian"]),
    ("armenia", &["armenian"]),
    ("azerbaijan", &["azerbaijani"]),
    ("myanmar", &["burmese"]),
    ("thailand", &["thai"]),
    ("philippines", &["filipino", "philippine"]),
];

/// Words of place and building names (`White House`, `Downing Street`,
/// `Line of Control`): never part of a person's name.
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "house", "street", "hill", "square", "road", "avenue", "valley", "river", "sea", "ocean",
    "gulf", "island", "islands", "mountains", "mountain", "province", "district", "city",
    "town", "region", "airport", "base", "palace", "line", "pass", "corridor", "bay", "lake",
    "port", "stadium", "hall", "tower", "bridge", "camp", "market", "mosque", "church",
    "temple", "strait", "border", "coast", "peninsula", "desert", "plaza", "park", "county",
    "state", "states", "territory", "capital", "embassy", "consulate", "headquarters",
];

/// Function and calendar words that never start an organisation's name.
#[rustfmt::skip]
const ORG_CUT: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "both", "all", "some", "his", "her",
    "their", "its", "our", "in", "on", "at", "by", "from", "with", "after", "before", "during",
    "since", "until", "while", "when", "where", "but", "and", "or", "as", "also", "however",
    "meanwhile", "last", "next", "today", "yesterday", "read", "according", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "if", "though", "although", "because", "despite", "said", "says", "like", "unlike",
];

/// Words that may follow a title used alone as an anaphor (`the minister
/// said`, `the general, who`).
#[rustfmt::skip]
const ANAPHOR_NEXT: &[&str] = &[
    "is", "was", "has", "had", "will", "would", "could", "can", "did", "does", "also", "who",
    "himself", "herself", "later", "then", "again", "too", "however", "and",
];

/// The lowercase particles names carry between capitalized words (`bin`,
/// `von der`, `de la`, `ul`); the claims parser reads names by them too.
#[rustfmt::skip]
pub(crate) const PARTICLES: &[&str] = &[
    "bin", "ibn", "bint", "al", "el", "de", "da", "di", "du", "van", "von", "der", "den", "ul",
    "ud", "abu", "la", "le", "dos", "das",
];

/// A small multiplicative hasher (as in rustc's FxHash) for the word sets:
/// built once per process from constant lists.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fx(u64);

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(FX_SEED);
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(FX_SEED);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(FX_SEED);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

pub(crate) type FxBuild = std::hash::BuildHasherDefault<Fx>;

/// A hasher for words (the word lists, the memos of [`country_of`] and
/// [`is_place`]): as [`Fx`], but eight bytes at a time where [`Fx`] takes
/// one, as a word is looked up for every token.
#[derive(Debug, Default, Clone, Copy)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        // the low bits of a product are weak (hash tables index by them):
        // the high bits are folded in
        self.0 ^ (self.0 >> 32)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0; 8];
            v.copy_from_slice(c);
            self.add(u64::from_le_bytes(v));
        }
        // the last one to seven bytes, read as two (overlapping) halves,
        // or as first, middle and last byte
        let r = chunks.remainder();
        let n = r.len();
        let half =
            |at: usize| u64::from(u32::from_le_bytes([r[at], r[at + 1], r[at + 2], r[at + 3]]));
        if n >= 4 {
            self.add(half(0) | half(n - 4) << 32);
        } else if n > 0 {
            self.add(u64::from(r[0]) | u64::from(r[n / 2]) << 8 | u64::from(r[n - 1]) << 16);
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

type WordBuild = std::hash::BuildHasherDefault<WordHasher>;
type WordSet = HashSet<&'static str, WordBuild>;

fn word_set(list: &[&'static str]) -> WordSet {
    list.iter().copied().collect()
}

/// Whether `w` is in the word set (the lists below, as sets).
fn inn(set: &WordSet, w: &str) -> bool {
    set.contains(w)
}

static ANAPHOR_NEXT_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ANAPHOR_NEXT));
static HONORIFICS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(HONORIFICS));
static MODIFIERS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(MODIFIERS));
static ORG_CUT_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ORG_CUT));
static ORG_NOUNS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ORG_NOUNS));
static ORG_PREFIXES_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ORG_PREFIXES));
static ORG_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ORG_WORDS));
static PARTICLES_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PARTICLES));
static PLACE_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PLACE_WORDS));
static PORTFOLIOS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PORTFOLIOS));
static PORTFOLIO_HEADS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PORTFOLIO_HEADS));
static SPEECH_VERBS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(SPEECH_VERBS));
static STOPWORDS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(STOPWORDS));

fn has(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

static TITLE_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(TITLES));
/// The first words of the lexicon titles, each with the most words of a
/// title starting with it: a token that starts no title is looked at no further.
static TITLE_FIRST: LazyLock<HashMap<&'static str, usize, WordBuild>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, usize, WordBuild> = HashMap::default();
    for t in TITLES {
        let n = t.split(' ').count();
        let first = t.split(' ').next().unwrap_or(t);
        let e = m.entry(first).or_insert(0);
        *e = (*e).max(n);
    }
    m
});
static MAX_TITLE_WORDS: LazyLock<usize> = LazyLock::new(|| {
    TITLES
        .iter()
        .map(|t| t.split(' ').count())
        .max()
        .unwrap_or(1)
});
/// Lowercase words that may start a title chain (see [`parse_chain`]):
/// modifiers, first words of lexicon titles, portfolios and their heads.
static CHAIN_START_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let sets: [&WordSet; 3] = [&MODIFIERS_SET, &PORTFOLIOS_SET, &PORTFOLIO_HEADS_SET];
    sets.iter()
        .flat_map(|s| s.iter().copied())
        .chain(TITLE_FIRST.keys().copied())
        .collect()
});
/// Words that are never part of a person's name: stopwords, title words,
/// organisation words, modifiers, portfolios, speech verbs and place words
/// (one look-up instead of seven).
static NOT_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let sets: [&WordSet; 7] = [
        &STOPWORDS_SET,
        &TITLE_WORDS,
        &ORG_WORDS_SET,
        &MODIFIERS_SET,
        &PORTFOLIOS_SET,
        &SPEECH_VERBS_SET,
        &PLACE_WORDS_SET,
    ];
    sets.iter().flat_map(|s| s.iter().copied()).collect()
});
/// Single words of the title lexicon: never part of a name.
static TITLE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    TITLES
        .iter()
        .chain(HONORIFICS)
        .filter(|t| !t.contains(' '))
        .copied()
        .collect()
});

/// The word classes of a token's lowercase form, as bits (see [`LEXICON`]):
/// every list a token is asked about, answered by one look-up per token
/// when the text is tokenized instead of one per list and question.
mod class {
    pub(super) const STOPWORD: u32 = 1 << 0;
    /// In [`super::TITLE_WORDS`]: a one-word title or honorific.
    pub(super) const TITLE_WORD: u32 = 1 << 1;
    pub(super) const ORG_WORD: u32 = 1 << 2;
    pub(super) const ORG_CUT: u32 = 1 << 3;
    pub(super) const ORG_NOUN: u32 = 1 << 4;
    pub(super) const MODIFIER: u32 = 1 << 5;
    pub(super) const PORTFOLIO: u32 = 1 << 6;
    pub(super) const PORTFOLIO_HEAD: u32 = 1 << 7;
    pub(super) const HONORIFIC: u32 = 1 << 8;
    pub(super) const PARTICLE: u32 = 1 << 9;
    pub(super) const SPEECH_VERB: u32 = 1 << 10;
    pub(super) const ANAPHOR_NEXT: u32 = 1 << 11;
    pub(super) const CHAIN_START: u32 = 1 << 12;
    pub(super) const NOT_NAME: u32 = 1 << 13;
    /// The first part of a hyphenated word is in [`super::ORG_PREFIXES`]
    /// (`lashkar-e-islam`).
    pub(super) const ORG_PREFIXED: u32 = 1 << 14;
    /// The most words of a lexicon title starting with this word
    /// ([`super::TITLE_FIRST`]), in the bits from here up.
    pub(super) const TITLE_LEN_SHIFT: u32 = 24;
}

/// Every word of the lists, with its classes (see [`class`]).
static LEXICON: LazyLock<HashMap<&'static str, u32, WordBuild>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, u32, WordBuild> = HashMap::default();
    let sets: [(&WordSet, u32); 14] = [
        (&STOPWORDS_SET, class::STOPWORD),
        (&TITLE_WORDS, class::TITLE_WORD),
        (&ORG_WORDS_SET, class::ORG_WORD),
        (&ORG_CUT_SET, class::ORG_CUT),
        (&ORG_NOUNS_SET, class::ORG_NOUN),
        (&MODIFIERS_SET, class::MODIFIER),
        (&PORTFOLIOS_SET, class::PORTFOLIO),
        (&PORTFOLIO_HEADS_SET, class::PORTFOLIO_HEAD),
        (&HONORIFICS_SET, class::HONORIFIC),
        (&PARTICLES_SET, class::PARTICLE),
        (&SPEECH_VERBS_SET, class::SPEECH_VERB),
        (&ANAPHOR_NEXT_SET, class::ANAPHOR_NEXT),
        (&CHAIN_START_SET, class::CHAIN_START),
        (&NOT_NAME_SET, class::NOT_NAME),
    ];
    for (set, bit) in sets {
        for w in set.iter() {
            *m.entry(w).or_default() |= bit;
        }
    }
    for (w, n) in TITLE_FIRST.iter() {
        let n = u32::try_from((*n).min(*MAX_TITLE_WORDS)).unwrap_or(0);
        *m.entry(w).or_default() |= n << class::TITLE_LEN_SHIFT;
    }
    m
});

/// A word list with a value for each word (the classes of [`LEXICON`], the
/// predicates of the event lexicon) as an open-addressing table keyed by a
/// word's length and first eight bytes, read as one number: a look-up for
/// every token, where a hash map hashes the whole word and compares it with
/// `memcmp`.
pub(super) struct LexTable<V> {
    slots: Vec<LexSlot<V>>,
    /// The word of each slot (for words longer than eight bytes).
    words: Vec<Box<str>>,
}

#[derive(Clone, Copy, Default)]
struct LexSlot<V> {
    /// [`word_head`] of the word.
    head: u64,
    /// Its length (0: an empty slot).
    len: u32,
    value: V,
}

impl<V: Copy + Default> LexTable<V> {
    /// The table of `entries`, distinct non-empty words with their values.
    pub(super) fn new<'w>(entries: impl ExactSizeIterator<Item = (&'w str, V)>) -> Self {
        // at most half full
        let size = (entries.len() * 2).next_power_of_two();
        let mut t = LexTable {
            slots: vec![LexSlot::default(); size],
            words: vec![Box::from(""); size],
        };
        for (w, value) in entries {
            assert!(!w.is_empty() && u32::try_from(w.len()).is_ok());
            let mut i = t.slot(w.as_bytes());
            while t.slots[i].len != 0 {
                i = (i + 1) & (size - 1);
            }
            t.slots[i] = LexSlot {
                head: word_head(w.as_bytes()),
                len: w.len() as u32,
                value,
            };
            t.words[i] = Box::from(w);
        }
        t
    }

    /// The first slot to look at for `w`.
    fn slot(&self, w: &[u8]) -> usize {
        let h = (word_head(w) ^ (w.len() as u64).rotate_right(8)).wrapping_mul(FX_SEED);
        (h >> 32) as usize & (self.slots.len() - 1)
    }

    /// The value of `w` (the default value when it is not listed).
    #[inline]
    pub(super) fn get(&self, w: &str) -> V {
        let b = w.as_bytes();
        let (head, mut i) = (word_head(b), self.slot(b));
        loop {
            // (by reference: a slot's value is only copied out of the one
            // that matches)
            let x = &self.slots[i];
            if x.len == 0 {
                return V::default();
            }
            if x.head == head && x.len as usize == b.len() && (b.len() <= 8 || *self.words[i] == *w)
            {
                return x.value;
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }
}

/// The first eight bytes of `w` as a number; of a shorter word, all its
/// bytes (the first and last four, or the first, middle and last), so that
/// two words of one length up to eight bytes have one head only if equal.
fn word_head(w: &[u8]) -> u64 {
    let n = w.len();
    let four = |at: usize| u64::from(u32::from_le_bytes([w[at], w[at + 1], w[at + 2], w[at + 3]]));
    if n >= 8 {
        four(0) | four(4) << 32
    } else if n >= 4 {
        four(0) | four(n - 4) << 32
    } else if n > 0 {
        u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16
    } else {
        0
    }
}

static LEX_TABLE: LazyLock<LexTable<u32>> =
    LazyLock::new(|| LexTable::new(LEXICON.iter().map(|(&w, &class)| (w, class))));

/// Whether a lowercase word is one of [`SPEECH_VERBS`].
pub(super) fn is_speech_verb(low: &str) -> bool {
    LEX_TABLE.get(low) & class::SPEECH_VERB != 0
}

/// The classes of a token's lowercase form; `hyphen`: whether it holds a
/// `-` (as the tokenizer saw).
fn classes_of(low: &str, hyphen: bool) -> u32 {
    let mut c = LEX_TABLE.get(low);
    if !hyphen {
        return c;
    }
    if let Some((first, _)) = low.split_once('-') {
        if inn(&ORG_PREFIXES_SET, first) {
            c |= class::ORG_PREFIXED;
        }
    }
    c
}

fn normalize_title(t: &str) -> String {
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == t)
        .map_or_else(|| t.to_string(), |(_, full)| (*full).to_string())
}

/// The country a word or phrase names, by the built-in table or the
/// gazetteer: `Russia` → `russia`, `Russian` → `russia`.
fn country_of(word: &str) -> Option<String> {
    memo(&COUNTRY_MEMO, word, country_of_uncached)
}

/// Whether a word names a country or region. Cities are not asked: the
/// gazetteer holds tens of thousands, many of them also given names
/// (Vladimir, Zafar) or surnames.
fn is_place(word: &str) -> bool {
    memo(&PLACE_MEMO, word, |w| {
        country_of(w).is_some() || lookup_place(w).is_some_and(|p| p.kind != PlaceKind::City)
    })
}

type Memo<V> = RefCell<HashMap<String, V, WordBuild>>;

thread_local! {
    // `country_of` and `is_place` are pure and asked of the same words again
    // and again: their answers are kept, per thread, up to `MEMO_MAX` words.
    static COUNTRY_MEMO: Memo<Option<String>> = RefCell::default();
    static PLACE_MEMO: Memo<bool> = RefCell::default();
}

const MEMO_MAX: usize = 16_384;

fn memo<V: Clone>(
    cell: &'static std::thread::LocalKey<Memo<V>>,
    key: &str,
    f: impl FnOnce(&str) -> V,
) -> V {
    if let Some(v) = cell.with(|m| m.borrow().get(key).cloned()) {
        return v;
    }
    let v = f(key);
    cell.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= MEMO_MAX {
            m.clear();
        }
        m.insert(key.to_string(), v.clone());
    });
    v
}

fn country_of_uncached(word: &str) -> Option<String> {
    let low = word.to_lowercase();
    let low = low.trim_end_matches('.');
    for (c, dems) in COUNTRIES {
        if *c == low || dems.contains(&low) {
            return Some((*c).to_string());
        }
    }
    if let Some(p) = lookup_place(word) {
        if p.kind == PlaceKind::Country {
            return Some(p.name.to_lowercase());
        }
    }
    country_of_demonym(word).map(|p| p.name.to_lowercase())
}

// ---------------------------------------------------------------------------
// Tokens.

#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    /// Absolute span of the token (without a possessive `'s`).
    pub(super) span: Span,
    /// Lowercase form without a trailing period (borrowed from the text
    /// when it is written so, as most words and all punctuation are).
    pub(super) low: Cow<'a, str>,
    /// A word (letters or digits), not punctuation.
    pub(super) word: bool,
    /// Starts with an uppercase letter.
    pub(super) cap: bool,
    /// Followed by a possessive `'s` (or `'` after a final s).
    pub(super) poss: bool,
    /// Holds a `-` (`lashkar-e-islam`, or the punctuation `-` itself).
    pub(super) hyphen: bool,
}

impl Tok<'_> {
    pub(super) fn is(&self, w: &str) -> bool {
        self.low == w
    }
}

/// The char at byte `i` of `s` (a char boundary) and its length in bytes;
/// ASCII, most of any text, without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        (char::from(b), 1)
    } else {
        let c = s[i..].chars().next().unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

/// Whether the char at byte `i` of `s` is alphanumeric (false past the end).
#[inline]
fn alnum_at(s: &str, i: usize) -> bool {
    i < s.len() && char_at(s, i).0.is_alphanumeric()
}

/// Cuts `s` (which starts at byte `base` of the text) into word and
/// punctuation tokens.
pub(super) fn tokenize(s: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::with_capacity(s.len() / 4);
    scan_tokens(s, None, base, |t| out.push(t));
    out
}

/// [`tokenize`], each token given to `emit` in order. Reads the text by
/// bytes (runs of ASCII letters and digits eight at a time), decoding only
/// non-ASCII chars: it is run over every paragraph.
///
/// `lowered`, when given, is `s` in ASCII lowercase (same byte offsets): an
/// ASCII word borrows its lowercase form from it, where one with capitals
/// would otherwise allocate one (one word in four or five in news text).
fn scan_tokens<'a>(
    s: &'a str,
    lowered: Option<&'a str>,
    base: usize,
    mut emit: impl FnMut(Tok<'a>),
) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let (c, len) = char_at(s, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !c.is_alphanumeric() {
            emit(Tok {
                span: Span::new(base + i, base + i + len),
                low: Cow::Borrowed(&s[i..i + len]),
                word: false,
                cap: false,
                poss: false,
                hyphen: bytes[i] == b'-',
            });
            i += len;
            continue;
        }
        // letters and digits, and `-`, `'`, `.`, `&` between them; whether
        // all are ASCII
        let mut ascii = c.is_ascii();
        // (a `-` is only ever a joiner inside a word)
        let mut hyphen = false;
        let mut j = i + len;
        while j < s.len() {
            let b = bytes[j];
            if b.is_ascii_alphanumeric() {
                j = super::ascii_run_end(bytes, j, super::Run::Alphanumeric);
            } else if matches!(b, b'-' | b'\'' | b'.' | b'&') && alnum_at(s, j + 1) {
                hyphen |= b == b'-';
                j += 1;
            } else if b.is_ascii() {
                break;
            } else {
                let (cj, lj) = char_at(s, j);
                if !cj.is_alphanumeric() {
                    break;
                }
                ascii = false;
                j += lj;
            }
        }
        let mut end = j;
        let mut text = &s[i..end];
        let mut poss = false;
        // (byte tests: `str::ends_with` goes through the pattern machinery,
        // and this runs for every word)
        let tail = text.as_bytes();
        if tail.len() > 2
            && tail[tail.len() - 2] == b'\''
            && matches!(tail[tail.len() - 1], b's' | b'S')
        {
            text = &text[..text.len() - 2];
            end -= 2;
            poss = true;
        } else if tail.len() > 1 && tail.last() == Some(&b's') && bytes.get(j) == Some(&b'\'') {
            // plural possessive: `ministers'`; the apostrophe is skipped
            if !alnum_at(s, j + 1) {
                poss = true;
                j += 1;
            }
        }
        // as `super::lowercase` (an ASCII word's lowercase form is in
        // `lowered`, whether it has capitals or not)
        let mut low: Cow<'_, str> = if !ascii {
            Cow::Owned(text.to_lowercase())
        } else if let Some(l) = lowered {
            Cow::Borrowed(&l[i..i + text.len()])
        } else if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        // a trailing abbreviation period: `Mr.`, `Gen.`, `E.`, `U.S.`
        if !poss && bytes.get(j) == Some(&b'.') {
            let single = text.chars().count() == 1 && text.chars().all(char::is_uppercase);
            let abbrev = TITLE_WORDS.contains(&*low)
                && (low.len() <= 4 || inn(&HONORIFICS_SET, &low))
                || inn(&HONORIFICS_SET, &low)
                || has(&["inc", "ltd", "co", "corp", "jr", "sr", "st", "no"], &low);
            if single || abbrev || text.contains('.') {
                end += 1;
                j += 1;
            }
        }
        // (most words end in no period: left as they are)
        if low.ends_with('.') {
            let trimmed = low.len() - low.bytes().rev().take_while(|&b| b == b'.').count();
            match &mut low {
                Cow::Borrowed(b) => *b = &b[..trimmed],
                Cow::Owned(o) => o.truncate(trimmed),
            }
        }
        emit(Tok {
            span: Span::new(base + i, base + end),
            low,
            word: true,
            cap: c.is_uppercase(),
            poss,
            hyphen,
        });
        i = j;
    }
}

/// A token as the people and organisation finders read it: a [`Tok`] with
/// its word classes, looked up once.
#[derive(Debug)]
struct Word<'a> {
    span: Span,
    low: Cow<'a, str>,
    word: bool,
    cap: bool,
    poss: bool,
    /// Word classes of `low` (bits of [`class`]).
    class: u32,
    /// Whether it may be part of a name ([`is_name_token`]), once asked.
    name: std::cell::Cell<Option<bool>>,
    /// Whether it names a place, without a final period ([`Word::is_place`]),
    /// once asked.
    place: std::cell::Cell<Option<bool>>,
}

impl<'a> Word<'a> {
    fn new(t: Tok<'a>) -> Self {
        let class = classes_of(&t.low, t.hyphen);
        Word {
            span: t.span,
            low: t.low,
            word: t.word,
            cap: t.cap,
            poss: t.poss,
            class,
            name: std::cell::Cell::new(None),
            place: std::cell::Cell::new(None),
        }
    }

    /// [`is_place`] of the word as written in `text`, without a final
    /// period (asked by both finders: the answer is kept).
    fn is_place(&self, text: &str) -> bool {
        if let Some(v) = self.place.get() {
            return v;
        }
        let v = is_place(text[self.span.range()].trim_end_matches('.'));
        self.place.set(Some(v));
        v
    }

    fn is(&self, w: &str) -> bool {
        self.low == w
    }

    /// Whether its lowercase form is in a class (any of the bits of `c`).
    fn in_class(&self, c: u32) -> bool {
        self.class & c != 0
    }

    /// The most words of a lexicon title starting with it (0: none).
    fn title_len(&self) -> usize {
        (self.class >> class::TITLE_LEN_SHIFT) as usize
    }
}

/// The tokens of `s` (at `base`) with their classes; `lowered` is `s` in
/// ASCII lowercase (see [`scan_tokens`]).
fn words<'a>(s: &'a str, lowered: &'a str, base: usize) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(s.len() / 4);
    scan_tokens(s, Some(lowered), base, |t| out.push(Word::new(t)));
    out
}

/// Whether most words (of four or more) are capitalized, as in a headline.
fn title_case(t: &[Word]) -> bool {
    let words: Vec<&Word> = t
        .iter()
        .filter(|x| x.word && x.low.chars().any(char::is_alphabetic))
        .collect();
    let caps = words.iter().filter(|x| x.cap).count();
    words.len() >= 4 && caps * 10 >= words.len() * 7
}

/// Whether the token could be part of a person's name (asked of most
/// tokens several times: the answer is kept in the token).
fn is_name_token(text: &str, t: &Word) -> bool {
    if let Some(v) = t.name.get() {
        return v;
    }
    let v = is_name_token_uncached(text, t);
    t.name.set(Some(v));
    v
}

fn is_name_token_uncached(text: &str, t: &Word) -> bool {
    if !t.word {
        return false;
    }
    let raw = &text[t.span.range()];
    if !t.cap {
        return is_hyphened_particle_name(raw);
    }
    // (an ASCII word, as most are, read by bytes in one pass: the letters
    // are not needed after a digit)
    let (letters, digit) = if raw.is_ascii() {
        let (mut letters, mut digit) = (0, false);
        for &c in raw.as_bytes() {
            if c.is_ascii_digit() {
                digit = true;
                break;
            }
            letters += usize::from(c.is_ascii_alphabetic());
        }
        (letters, digit)
    } else {
        let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
        (letters, raw.chars().any(|c| c.is_ascii_digit()))
    };
    if digit {
        return false;
    }
    // initials `E.` and `K.S.` are allowed; lone letters and acronyms are not
    if letters == 1 && !raw.ends_with('.') {
        return false;
    }
    // (`U.S.`, `U.N.` are no initials)
    let initials = is_initials(raw) && !has(&["u.s", "u.k", "u.n", "e.u", "u.a.e"], &t.low);
    if letters >= 2
        && !initials
        && raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    if t.in_class(class::NOT_NAME | class::ORG_PREFIXED) {
        return false;
    }
    !t.is_place(text)
}

/// Whether `raw` is a run of initials, each one letter and a full stop
/// (`E.`, `K.S.`, `J.R.R.`).
fn is_initials(raw: &str) -> bool {
    raw.ends_with('.')
        && raw
            .trim_end_matches('.')
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// How many lowercase particles start at `k` (one or two: `bin`, `von
/// der`) when a name word follows them.
fn particles_before_name(text: &str, t: &[Word], k: usize) -> Option<usize> {
    let particle = |w: &Word| w.word && w.in_class(class::PARTICLE) && !w.cap;
    let n = t[k..].iter().take(2).take_while(|w| particle(w)).count();
    (n > 0 && t.get(k + n).is_some_and(|w| is_name_token(text, w))).then_some(n)
}

/// Whether `raw` is a particle joined by a hyphen to a capitalized name
/// (`el-Sisi`, `al-Assad`).
fn is_hyphened_particle_name(raw: &str) -> bool {
    // Particles are two to four letters: only the first five bytes are
    // looked at for the hyphen (most lowercase words have none).
    let Some(h) = raw.bytes().take(5).position(|b| b == b'-') else {
        return false;
    };
    let (particle, rest) = (&raw[..h], &raw[h + 1..]);
    PARTICLES.contains(&particle)
        && rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().all(char::is_alphabetic)
}

/// The end of a name run starting at `j` (exclusive), if any.
fn name_run(text: &str, t: &[Word], j: usize) -> Option<usize> {
    let mut k = j;
    let mut count = 0;
    while k < t.len() && count < 5 {
        if is_name_token(text, &t[k]) {
            count += 1;
            k += 1;
            if t[k - 1].poss {
                break;
            }
        } else if let Some(n) = (k > j).then(|| particles_before_name(text, t, k)).flatten() {
            k += n;
        } else {
            break;
        }
    }
    if count == 0 {
        return None;
    }
    // do not end on an initial
    let last = &text[t[k - 1].span.range()];
    if last.chars().filter(|c| c.is_alphabetic()).count() == 1 || is_initials(last) {
        return None;
    }
    Some(k)
}

/// The most words a lexicon title at `k` may have (0: none starts there).
fn title_max_len(t: &[Word], k: usize) -> usize {
    let Some(first) = t.get(k) else {
        return 0;
    };
    first.title_len().min(t.len() - k)
}

/// Whether the lowercase forms of `toks`, joined by spaces, are a lexicon
/// title; `buf` is scratch space.
fn in_title_lexicon(toks: &[Word], buf: &mut String) -> bool {
    buf.clear();
    for (i, x) in toks.iter().enumerate() {
        if i > 0 {
            buf.push(' ');
        }
        buf.push_str(&x.low);
    }
    TITLE_SET.contains(buf.as_str())
}

/// The length of the longest lexicon title at `k`.
fn lexicon_title_len(t: &[Word], k: usize) -> Option<usize> {
    let max = title_max_len(t, k);
    let mut buf = String::new();
    (1..=max).rev().find(|&len| {
        let toks = &t[k..k + len];
        toks.iter().all(|x| x.word) && in_title_lexicon(toks, &mut buf)
    })
}

/// A title at `k`: (normalized title, tokens used).
fn match_title(t: &[Word], k: usize) -> Option<(String, usize)> {
    if k >= t.len() {
        return None;
    }
    let mut best: Option<(String, usize)> = None;
    // lexicon, longest first
    let max = title_max_len(t, k);
    let mut buf = String::new();
    for len in (1..=max).rev() {
        let toks = &t[k..k + len];
        if toks.iter().any(|x| !x.word) || toks[..len - 1].iter().any(|x| x.poss) {
            continue;
        }
        if in_title_lexicon(toks, &mut buf) {
            best = Some((normalize_title(&buf), len));
            break;
        }
    }
    // portfolio words + head: `Defence Minister`, `Foreign Affairs Minister`
    let mut p = k;
    while p < t.len() && p - k < 3 && t[p].word && !t[p].poss && t[p].in_class(class::PORTFOLIO) {
        p += 1;
    }
    if p > k && p < t.len() && t[p].word && t[p].in_class(class::PORTFOLIO_HEAD) {
        let words: Vec<&str> = t[k..=p].iter().map(|x| x.low.as_ref()).collect();
        let mut len = p - k + 1;
        let mut title = normalize_title(&words.join(" "));
        // `Federal Minister for Defence`: the portfolio after the head too
        if let Some((portfolio, n)) = portfolio_after(t, p + 1) {
            let (head, prefix) = words.split_last().expect("a head");
            title = format!("{} {portfolio} {}", prefix.join(" "), normalize_title(head));
            len += n;
        }
        if best.as_ref().is_none_or(|b| b.1 < len) {
            best = Some((title, len));
        }
    }
    // head + of/for + portfolio: `Minister for Foreign Affairs`
    if t[k].word && t[k].in_class(class::PORTFOLIO_HEAD) {
        if let Some(prep) = t.get(k + 1) {
            if prep.is("of") || prep.is("for") {
                let mut q = k + 2;
                if t.get(q).is_some_and(|x| x.is("the")) {
                    q += 1;
                }
                let ps = q;
                while q < t.len()
                    && q - ps < 3
                    && t[q].word
                    && t[q].cap
                    && t[q].in_class(class::PORTFOLIO)
                {
                    q += 1;
                }
                let len = q - k;
                if q > ps && best.as_ref().is_none_or(|b| b.1 < len) {
                    let words: Vec<&str> = t[ps..q].iter().map(|x| x.low.as_ref()).collect();
                    best = Some((
                        format!("{} {}", words.join(" "), normalize_title(&t[k].low)),
                        len,
                    ));
                }
            }
        }
    }
    best
}

/// `for Defence`, `of the Interior` at `k`, after a portfolio head: the
/// capitalized portfolio words, lowercase, and the tokens used.
fn portfolio_after(t: &[Word], k: usize) -> Option<(String, usize)> {
    let prep = t.get(k)?;
    if !(prep.is("of") || prep.is("for")) {
        return None;
    }
    let mut q = k + 1;
    if t.get(q).is_some_and(|x| x.is("the")) {
        q += 1;
    }
    let ps = q;
    while q < t.len() && q - ps < 3 && t[q].word && t[q].cap && t[q].in_class(class::PORTFOLIO) {
        q += 1;
    }
    (q > ps).then(|| {
        let words: Vec<&str> = t[ps..q].iter().map(|x| x.low.as_ref()).collect();
        (words.join(" "), q - k)
    })
}

/// Whether the token is an acronym: two or more letters, all capitals
/// (`ISPR`, `FSMTC`).
fn is_acronym(text: &str, x: &Word) -> bool {
    let raw = &text[x.span.range()];
    x.word
        && raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// A title chain: roles found and where it ends.
#[derive(Debug)]
struct Chain {
    roles: Vec<(String, Option<String>)>,
    span: Span,
    end: usize,
    honorific: bool,
}

/// Modifiers, a country (possessive, demonym or noun), modifiers, then one
/// or more titles.
fn parse_chain(text: &str, t: &[Word], i: usize) -> Option<Chain> {
    // A chain starts with a word: a capitalized one (country, honorific,
    // title) or a modifier, title or portfolio word. Most tokens start none.
    let first = t.get(i)?;
    if !first.word || (!first.cap && !first.in_class(class::CHAIN_START)) {
        return None;
    }
    let mut k = i;
    let mut mods: Vec<String> = Vec::new();
    let mut of = None;
    let take_mods = |k: &mut usize, mods: &mut Vec<String>| {
        while *k < t.len() && t[*k].word && !t[*k].poss {
            // `a Lahore-based defence analyst`: where one works is no
            // part of the title
            if t[*k].low.ends_with("-based") && may_start_title_after_mods(t, *k + 1) {
                *k += 1;
                continue;
            }
            if !t[*k].in_class(class::MODIFIER) {
                break;
            }
            // `chief` is a title too: a modifier only before another title
            if match_title(t, *k).is_some_and(|(_, n)| n > 1)
                || (t[*k].is("chief") && match_title(t, *k + 1).is_none())
            {
                break;
            }
            mods.push(t[*k].low.to_string());
            *k += 1;
        }
    };
    take_mods(&mut k, &mut mods);
    if k < t.len() && t[k].word && t[k].cap {
        // A country at `k` (one word or two) must be followed by a title,
        // or the title starts at `k`: when no title may follow either, the
        // country look-ups (the costly part) would change nothing.
        let two = k + 1 < t.len() && t[k + 1].word && t[k + 1].cap;
        let may_title = may_start_title(t, k)
            || may_start_title_after_mods(t, k + 1)
            || (two && may_start_title_after_mods(t, k + 2));
        if !may_title {
            return None;
        }
        let raw = &text[t[k].span.range()];
        if let Some(c) = country_of(raw) {
            // a country noun must be possessive or followed by a title
            of = Some(c);
            k += 1;
        } else if k + 1 < t.len() && t[k + 1].word && t[k + 1].cap {
            // two-word countries: `Saudi Arabia's`, `South Korean`
            let two = &text[t[k].span.start..t[k + 1].span.end];
            if let Some(c) = country_of(two) {
                of = Some(c);
                k += 2;
            }
        }
    }
    take_mods(&mut k, &mut mods);
    let mut roles = Vec::new();
    let mut honorific = false;
    let start = t.get(i).map_or(0, |x| x.span.start);
    let mut end_byte = start;
    while k < t.len() {
        if t[k].word && t[k].in_class(class::HONORIFIC) && t[k].cap {
            honorific = true;
            end_byte = t[k].span.end;
            k += 1;
            break;
        }
        let Some((title, n)) = match_title(t, k) else {
            break;
        };
        // a title standing before a name is capitalized (`former Prime
        // Minister`), or an apposition (handled elsewhere)
        let mut full = mods.join(" ");
        if !full.is_empty() {
            full.push(' ');
        }
        full.push_str(&title);
        mods.clear();
        roles.push((full, of.clone()));
        end_byte = t[k + n - 1].span.end;
        k += n;
        // `Director General (Procurement) Army`: an ordinary word in
        // brackets names the branch, part of the title
        if t.get(k).is_some_and(|x| x.is("("))
            && t.get(k + 2).is_some_and(|x| x.is(")"))
            && t.get(k + 1)
                .is_some_and(|x| x.word && x.cap && !is_acronym(text, x) && is_english_word(&x.low))
            && t.get(k + 3).is_some_and(|x| x.word && x.cap)
        {
            if let Some(last) = roles.last_mut() {
                last.0 = format!("{} {}", last.0, t[k + 1].low);
            }
            k += 3;
        }
        // `Chief of Army Staff (COAS) General X`: an acronym in brackets
        if let Some(e) = paren_after(t, k).filter(|&e| t.get(e).is_some_and(|x| x.word && x.cap)) {
            k = e;
        }
        // `Lt Gen (retd) Talat Masood`: retired
        if t.get(k).is_some_and(|x| x.is("("))
            && t.get(k + 1)
                .is_some_and(|x| has(&["retd", "retired", "r"], &x.low))
            && t.get(k + 2).is_some_and(|x| x.is(")"))
        {
            if let Some(last) = roles.last_mut().filter(|r| !r.0.contains("retired")) {
                last.0 = format!("retired {}", last.0);
            }
            k += 3;
        }
        // `Director General ISPR Major General X`, `Director General
        // Procurement Army Major General X`: an acronym or a service
        // between a title and a rank is what the title is of
        if !is_rank(&roles.last().map_or(String::new(), |r| r.0.clone()))
            && t.get(k).is_some_and(|x| {
                x.cap && !x.poss && (is_acronym(text, x) || (x.word && is_org_word(x)))
            })
            && match_title(t, k + 1).is_some_and(|(title, _)| is_rank(&title))
        {
            if let Some(last) = roles.last_mut().filter(|r| r.1.is_none()) {
                last.1 = Some(t[k].low.to_string());
            }
            k += 1;
        }
        // `Commander-in-Chief of Russian Ground Forces Col Gen X`: the
        // owner of a title, then a rank
        // `Director of National Intelligence James Clapper`: the owner of
        // a title, then the name
        if let Some((owner, e)) =
            owner_before_rank(text, t, k).or_else(|| owner_before_name(text, t, k))
        {
            if let Some(last) = roles.last_mut() {
                last.1 = Some(owner);
            }
            k = e;
        }
        take_mods(&mut k, &mut mods);
        if !mods.is_empty() && match_title(t, k).is_none() {
            break;
        }
    }
    if roles.is_empty() && !honorific {
        return None;
    }
    Some(Chain {
        roles,
        span: Span::new(start, end_byte),
        end: k,
        honorific,
    })
}

/// The token after a bracketed acronym or short name at `k` (`(COAS)`,
/// `(FSVTS)`, `(Army)`): one to three capitalized words in brackets.
fn paren_after(t: &[Word], k: usize) -> Option<usize> {
    if !t.get(k)?.is("(") {
        return None;
    }
    let mut q = k + 1;
    while q < t.len() && q - k <= 3 && t[q].word && t[q].cap {
        q += 1;
    }
    (q > k + 1 && t.get(q)?.is(")")).then_some(q + 1)
}

/// Whether a normalized title is a military rank ([`RANKS`]).
fn is_rank(title: &str) -> bool {
    has(RANKS, title)
}

/// The tokens of the capitalized words after `of` at token `k` (and a
/// `the`), at most `max` of them, up to a possessive or a title: where an
/// owner may be (`of the State Bank`). `None` when token `k` is not `of`.
fn capitalized_after_of(t: &[Word], k: usize, max: usize) -> Option<std::ops::Range<usize>> {
    if !t.get(k)?.is("of") {
        return None;
    }
    let mut q = k + 1;
    if t.get(q).is_some_and(|x| x.is("the")) {
        q += 1;
    }
    let start = q;
    while q < t.len()
        && q - start < max
        && t[q].word
        && t[q].cap
        && !t[q].poss
        && match_title(t, q).is_none()
    {
        q += 1;
    }
    Some(start..q)
}

/// `of Russian Ground Forces` between a title and a rank (`Col Gen`): the
/// owner, lowercase, and the token where the rank starts.
fn owner_before_rank(text: &str, t: &[Word], k: usize) -> Option<(String, usize)> {
    let std::ops::Range { start, end: q } = capitalized_after_of(t, k, 6)?;
    if q == start || !match_title(t, q).is_some_and(|(title, _)| is_rank(&title)) {
        return None;
    }
    let name = &text[t[start].span.start..t[q - 1].span.end];
    let owner = country_of(name).unwrap_or_else(|| name.to_lowercase());
    Some((owner, q))
}

/// `of National Intelligence` between a title and a name (`Director of
/// National Intelligence James Clapper`, `Governor of the State Bank Tariq
/// Bajwa`, `Director of the FBI James Comey`): the owner, lowercase, and
/// the token where the name starts. The capitalized words after `of` are
/// the owner up to the last organisation or portfolio word or acronym
/// among them, and the name after it must be two words or more; otherwise
/// where the owner ends and the name starts is not known, and there is
/// none.
fn owner_before_name(text: &str, t: &[Word], k: usize) -> Option<(String, usize)> {
    let std::ops::Range { start, end: q } = capitalized_after_of(t, k, 8)?;
    let owner_end = (start..q).rev().find(|&p| {
        let raw = &text[t[p].span.range()];
        let acronym = raw.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && raw
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        is_org_word(&t[p]) || t[p].in_class(class::PORTFOLIO) || acronym
    })?;
    let name = owner_end + 1;
    name_run(text, t, name).filter(|&e| e >= name + 2)?;
    let owned = &text[t[start].span.start..t[owner_end].span.end];
    let owner = country_of(owned).unwrap_or_else(|| owned.to_lowercase());
    Some((owner, name))
}

/// Whether an honorific or a title ([`match_title`]) may start at `k`: a
/// word that starts a lexicon title or is an honorific, a portfolio or a
/// portfolio head (true of more words than start one).
fn may_start_title(t: &[Word], k: usize) -> bool {
    t.get(k).is_some_and(|x| {
        x.word
            && (x.title_len() > 0
                || x.in_class(class::HONORIFIC | class::PORTFOLIO | class::PORTFOLIO_HEAD))
    })
}

/// [`may_start_title`] past the modifiers at `k` (true when there are any:
/// modifiers may end before a title too).
fn may_start_title_after_mods(t: &[Word], k: usize) -> bool {
    t.get(k)
        .is_some_and(|x| x.word && !x.poss && x.in_class(class::MODIFIER))
        || may_start_title(t, k)
}

/// An `of`/`at`/`for` phrase after a title: the owner, lowercase.
/// Whether a lowercase word may describe an organisation before its name
/// (`state`, `conglomerate`, `state-run`), not start a clause or phrase
/// (`to`, `which`, `said`).
fn is_describing(x: &Word) -> bool {
    x.low.chars().all(|c| c.is_alphabetic() || c == '-')
        && (!x.in_class(class::STOPWORD)
            || has(
                &["state", "national", "federal", "international", "global"],
                &x.low,
            ))
        && !x.in_class(class::SPEECH_VERB)
        && !has(
            &[
                "to", "in", "on", "at", "by", "from", "with", "and", "or", "but", "who", "which",
                "that", "was", "is", "were", "are", "has", "had", "said", "since", "as",
            ],
            &x.low,
        )
}

fn owner_phrase(text: &str, t: &[Word], k: usize) -> Option<(String, usize)> {
    let prep = t.get(k)?;
    if !(prep.is("of") || prep.is("at") || prep.is("for") || prep.is("with")) {
        return None;
    }
    let mut q = k + 1;
    if t.get(q).is_some_and(|x| x.is("the")) {
        q += 1;
    }
    let mut country = None;
    let mut start = None;
    let mut end = q;
    while q < t.len() && q - k < 9 {
        let x = &t[q];
        if !x.word {
            break;
        }
        if x.poss {
            if let Some(c) = country_of(&text[x.span.range()]) {
                country = Some(c);
                q += 1;
                continue;
            }
        }
        if x.cap || (start.is_some() && has(&["of", "for", "and", "&"], &x.low)) {
            if start.is_none() {
                start = Some(q);
            }
            end = q + 1;
            q += 1;
            if x.poss {
                break;
            }
            continue;
        }
        break;
    }
    // `head of the Russian state conglomerate Rostec`: a description of
    // up to three lowercase words between the article (or a country, or
    // a demonym) and the organisation's name; the name is the owner
    if t.get(k + 1).is_some_and(|x| x.is("the")) || country.is_some() || start.is_some() {
        let mut d = q;
        while d < t.len()
            && d - q < 3
            && t[d].word
            && !t[d].cap
            && !t[d].poss
            && is_describing(&t[d])
        {
            d += 1;
        }
        // the description ends in an organisation noun (`conglomerate`,
        // `agency`): `minister of the interior Ahmed Khan` names no owner
        let named = d > q
            && t[d - 1].in_class(class::ORG_NOUN | class::ORG_WORD)
            && t.get(d).is_some_and(|x| {
                x.word
                    && x.cap
                    && !x.in_class(class::TITLE_WORD | class::HONORIFIC | class::STOPWORD)
                    && is_name_token(text, x)
            });
        if named {
            let mut e = d;
            while e < t.len() && e - d < 5 && t[e].word && t[e].cap {
                e += 1;
                if t[e - 1].poss {
                    break;
                }
            }
            let name = &text[t[d].span.start..t[e - 1].span.end];
            let owner = country_of(name).unwrap_or_else(|| name.to_lowercase());
            return Some((owner, e));
        }
    }
    // trim trailing connectors
    while let Some(s) = start {
        if end > s && has(&["of", "for", "and", "&"], &t[end - 1].low) {
            end -= 1;
        } else {
            break;
        }
    }
    match start {
        Some(s) if end > s => {
            let name = &text[t[s].span.start..t[end - 1].span.end];
            let owner = country_of(name).unwrap_or_else(|| name.to_lowercase());
            Some((owner, end))
        }
        _ => country.map(|c| (c, q)),
    }
}

// ---------------------------------------------------------------------------
// Organisations.

static KNOWN_RE: LazyLock<Regex> = LazyLock::new(|| known_re(r"\b"));

/// [`KNOWN_RE`] with ASCII word boundaries: the same matches in ASCII text.
/// (Only the tests still use it: [`known_in_ascii`] finds its matches.)
#[cfg(test)]
static KNOWN_RE_ASCII: LazyLock<Regex> = LazyLock::new(|| known_re(r"(?-u:\b)"));

/// The known organisations' names and short forms, longest first (in list
/// order among names of one length).
fn known_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = Vec::new();
    for (full, short) in KNOWN_ORGS {
        names.push(full);
        names.extend(short.iter());
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}

/// The known organisations' names and short forms, longest first, between
/// word boundaries `b`. A form that ends in a full stop (`U.N.`) needs none
/// after it: a space after a full stop is no word boundary.
fn known_re(b: &str) -> Regex {
    let names = known_names();
    let alts: Vec<String> = names
        .iter()
        .map(|n| {
            let word_end = n.chars().next_back().is_some_and(char::is_alphanumeric);
            format!("{}{}", regex::escape(n), if word_end { b } else { "" })
        })
        .collect();
    Regex::new(&format!(r"{b}(?:{})", alts.join("|"))).expect("valid known-org pattern")
}

/// [`known_names`] by their first byte (all are ASCII), each list longest
/// first.
static KNOWN_BY_FIRST: LazyLock<[Vec<&'static str>; 128]> = LazyLock::new(|| {
    let mut by_first: [Vec<&'static str>; 128] = std::array::from_fn(|_| Vec::new());
    for name in known_names() {
        assert!(name.is_ascii() && !name.is_empty(), "known name {name}");
        by_first[usize::from(name.as_bytes()[0])].push(name);
    }
    by_first
});

/// `(?-u:\b)`'s word bytes (ASCII letters and digits, `_`), as a table:
/// [`known_in_ascii`] asks it of every byte of every paragraph.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
        b += 1;
    }
    table
};

/// The byte ranges of the known organisations' names in `st`, an ASCII
/// text: the matches of [`known_re`] with ASCII word boundaries (leftmost
/// first, the longest name at a position, the next search after its end),
/// found by looking at each word start for the names beginning with its
/// letter, most words starting with none's. A regex spent more on this
/// than on the rest of the organisations (its literal prefilter stopped at
/// every `IS`, `AP` and `UN` in capitals).
fn known_in_ascii(st: &str) -> Vec<std::ops::Range<usize>> {
    let word = |b: u8| WORD_BYTES[usize::from(b)];
    let by_first = &*KNOWN_BY_FIRST;
    let b = st.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !word(b[i]) {
            i += 1;
            continue;
        }
        // A word starts at `i` (the byte before is none of a word, or a
        // name ending in a full stop just ended there): every name starts
        // with a letter, so a match starts where a word does. (`st` is
        // ASCII: the mask changes no byte.)
        let found = by_first[usize::from(b[i] & 0x7f)].iter().find(|name| {
            let n = name.as_bytes();
            let end = i + n.len();
            // (the second byte first: all names have two or more)
            b.get(i + 1) == n.get(1)
                && b.get(i..end) == Some(n)
                // a word boundary after a name ending in a word byte
                && (!word(n[n.len() - 1]) || b.get(end).is_none_or(|&c| !word(c)))
        });
        if let Some(name) = found {
            out.push(i..i + name.len());
            i += name.len();
            continue;
        }
        // No name here: on past the word (letters, digits and `_`).
        i += 1;
        loop {
            i = super::ascii_run_end(b, i, super::Run::Alphanumeric);
            if b.get(i) != Some(&b'_') {
                break;
            }
            i += 1;
        }
    }
    out
}

fn known_canonical(form: &str) -> Option<&'static str> {
    KNOWN_ORGS
        .iter()
        .find(|(full, short)| *full == form || short.contains(&form))
        .map(|(full, _)| *full)
}

#[derive(Debug, Default)]
struct OrgAcc {
    /// Canonical key (the full known name, or the name as found).
    key: String,
    /// Forms seen: (form, span).
    forms: Vec<(String, Span)>,
    /// The spans of `forms`, to keep them unique.
    seen: std::collections::HashSet<Span, FxBuild>,
    aliases: Vec<String>,
}

fn add_org(orgs: &mut Vec<OrgAcc>, key: &str, form: &str, span: Span, alias: Option<&str>) {
    let idx = match orgs
        .iter()
        .position(|o| o.key == key || o.aliases.iter().any(|a| a == key))
    {
        Some(i) => i,
        None => {
            orgs.push(OrgAcc {
                key: key.to_string(),
                ..OrgAcc::default()
            });
            orgs.len() - 1
        }
    };
    let o = &mut orgs[idx];
    if o.seen.insert(span) {
        o.forms.push((form.to_string(), span));
    }
    if let Some(a) = alias {
        if !o.aliases.iter().any(|x| x == a) {
            o.aliases.push(a.to_string());
        }
    }
}

fn is_org_word(t: &Word) -> bool {
    t.word && t.cap && t.in_class(class::ORG_WORD)
}

/// Whether the tokens' initials spell the acronym (loosely: in order,
/// skipping small words; the first letters agree).
fn initials_match(text: &str, toks: &[Word], acr: &str) -> bool {
    let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
    let words: Vec<&Word> = toks.iter().filter(|t| t.word && t.cap).collect();
    let (Some(&first_l), Some(first_w)) = (letters.first(), words.first()) else {
        return false;
    };
    if !text[first_w.span.range()].starts_with(first_l) {
        return false;
    }
    // every letter of the acronym found, in order, among the initials of
    // the words and of their hyphenated parts
    let mut initials = Vec::new();
    for w in &words {
        for part in text[w.span.range()].split('-') {
            if let Some(c) = part.chars().next() {
                initials.push(c.to_ascii_uppercase());
            }
        }
    }
    let mut it = initials.iter();
    letters.iter().all(|l| it.any(|c| c == l))
}

/// The stretches of text read: for each paragraph that carries facts, from
/// its first sentence's start to its last sentence's end (past a dateline).
/// Whole paragraphs, not sentences, so that a sentence split after `Mr.` or
/// `Gen.` does not cut a name from its title.
/// A unit (see [`units_with_kind`]) with its tokens, shared by the
/// organisation and people finders.
struct Unit<'a> {
    span: Span,
    kind: ParagraphKind,
    toks: Vec<Word<'a>>,
}

/// The units of `text` with their tokens; `lowered` is the whole text in
/// ASCII lowercase, which the tokens' lowercase forms borrow from.
fn tokenized_units<'a>(text: &'a Text, lowered: &'a str) -> Vec<Unit<'a>> {
    units_with_kind(text)
        .into_iter()
        .map(|(span, kind)| Unit {
            span,
            kind,
            toks: words(text.slice(span), &lowered[span.range()], span.start),
        })
        .collect()
}

fn units_with_kind(text: &Text) -> Vec<(Span, ParagraphKind)> {
    let mut out: Vec<(Span, ParagraphKind)> = Vec::new();
    let mut last_para = usize::MAX;
    for sent in text.sentences() {
        if !sent.kind.has_facts() {
            continue;
        }
        match out.last_mut() {
            Some((u, _)) if last_para == sent.paragraph => u.end = u.end.max(sent.span.end),
            _ => out.push((sent.span, sent.kind)),
        }
        last_para = sent.paragraph;
    }
    out
}

fn find_orgs(text: &Text, units: &[Unit]) -> Vec<OrgAcc> {
    let s = text.as_str();
    let mut orgs: Vec<OrgAcc> = Vec::new();
    for unit in units {
        let span = unit.span;
        let st = text.slice(span);
        let t = &unit.toks[..];
        // tokens inside lexicon titles (`Chief of Army Staff`) are no
        // organisation words; portfolio titles (`Foreign Office
        // spokesman`) keep theirs
        let mut in_title = vec![false; t.len()];
        let mut k = 0;
        while k < t.len() {
            if let Some(n) = lexicon_title_len(t, k) {
                if n > 1 {
                    in_title[k..k + n].iter_mut().for_each(|x| *x = true);
                    k += n;
                    continue;
                }
            }
            k += 1;
        }
        // 1. capitalized runs with connectors holding an org word
        let mut i = 0;
        while i < t.len() {
            if !(t[i].word && t[i].cap) || in_title[i] {
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i;
            while j < t.len() {
                if t[j].word && t[j].cap && !in_title[j] {
                    j += 1;
                    if t[j - 1].poss {
                        break;
                    }
                } else if j > start
                    && t[j].word
                    && has(&["of", "for", "and", "on", "&", "de"], &t[j].low)
                    && t.get(j + 1).is_some_and(|n| n.word && n.cap)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let run = start..j;
            i = j.max(i + 1);
            // the last org word of the run
            let Some(last_org) = run.clone().rev().find(|&x| is_org_word(&t[x])) else {
                continue;
            };
            // cut the start after a possessive, at stopwords and titles
            let mut a = start;
            for (x, tok) in t.iter().enumerate().take(last_org).skip(start) {
                let cut = tok.poss
                    || tok.in_class(class::ORG_CUT)
                    || (tok.cap
                        && tok.in_class(class::TITLE_WORD)
                        && !tok.in_class(class::ORG_WORD));
                if cut {
                    a = x + 1;
                }
            }
            // `Shares of Goldman Sachs Group`: nothing before `of` names an
            // organisation, so the name starts after it
            if let Some(of) = (a..last_org).rev().find(|&x| t[x].is("of")) {
                if !(a..of).any(|x| is_org_word(&t[x])) {
                    a = of + 1;
                }
            }
            // stopwords may be kept inside (`Council on Foreign Relations`)
            while a < last_org && !t[a].cap {
                a += 1;
            }
            // extend over `of X` after the org word (`Ministry of Defence`)
            let mut b = last_org + 1;
            if b + 1 < j && has(&["of", "for", "on"], &t[b].low) {
                let mut c = b + 1;
                while c < j
                    && (t[c].cap || has(&["and", "&", "of"], &t[c].low))
                    && !t[c].in_class(class::TITLE_WORD)
                {
                    c += 1;
                    if t[c - 1].poss {
                        break;
                    }
                }
                while c > b + 1 && !t[c - 1].cap {
                    c -= 1;
                }
                if c > b + 1 {
                    b = c;
                }
            }
            let words = b - a;
            if words < 2
                && !t[a..b]
                    .iter()
                    .any(|x| has(&["inc", "ltd", "corp", "llc", "plc"], &x.low))
            {
                continue;
            }
            let span = Span::new(t[a].span.start, t[b - 1].span.end);
            let form = &s[span.range()];
            if is_place(form) {
                continue;
            }
            let key = known_canonical(form).unwrap_or(form);
            // an acronym in parentheses right after
            let alias = acronym_after(s, t, b, &t[a..b]);
            add_org(
                &mut orgs,
                key,
                form,
                span,
                alias.as_ref().map(|(a, _)| a.as_str()),
            );
            if let Some((a, sp)) = alias {
                add_org(&mut orgs, key, &a, sp, None);
            }
        }
        // 2. acronyms after names without an org word
        for b in 1..t.len() {
            if !(t[b - 1].word && t[b - 1].cap) {
                continue;
            }
            if t.get(b).is_none_or(|x| x.low != "(") {
                continue;
            }
            let mut a = b - 1;
            while a > 0
                && (t[a - 1].word
                    && t[a - 1].cap
                    && !t[a - 1].poss
                    && !t[a - 1].in_class(class::STOPWORD)
                    || (t[a - 1].word
                        && has(&["of", "for", "and", "on"], &t[a - 1].low)
                        && a >= 2
                        && t[a - 2].cap))
                && b - a < 8
            {
                a -= 1;
            }
            while a < b && !t[a].cap {
                a += 1;
            }
            if b - a < 2 {
                continue;
            }
            if let Some((acr, sp)) = acronym_after(s, t, b, &t[a..b]) {
                let span = Span::new(t[a].span.start, t[b - 1].span.end);
                let form = &s[span.range()];
                let key = known_canonical(form).unwrap_or(form);
                add_org(&mut orgs, key, form, span, Some(&acr));
                add_org(&mut orgs, key, &acr, sp, None);
            }
        }
        // 3. known outlets and groups
        let known: Vec<std::ops::Range<usize>> = if st.is_ascii() {
            known_in_ascii(st)
        } else {
            KNOWN_RE.find_iter(st).map(|m| m.range()).collect()
        };
        for m in known {
            let form = &st[m.clone()];
            // `AP` or `IS` as words of a sentence in capitals are no outlets
            if form.len() <= 2 && st.chars().filter(|c| c.is_lowercase()).count() < 3 {
                continue;
            }
            if form == "IS" || form == "Dawn" && m.start == 0 {
                continue;
            }
            // an acronym defined in this text wins over the list
            // (`Pakistan Tehreek-e-Insaf (PTI)` is no press agency)
            let defined = orgs
                .iter()
                .find(|o| o.aliases.iter().any(|a| a == form))
                .map(|o| o.key.clone());
            let Some(key) = defined.as_deref().or_else(|| known_canonical(form)) else {
                continue;
            };
            let span = Span::new(span.start + m.start, span.start + m.end);
            let alias = (key != form).then_some(form);
            let key = key.to_string();
            add_org(&mut orgs, &key, form, span, alias);
        }
        // 4. hyphenated group names, and org-context words
        for (x, tok) in t.iter().enumerate() {
            if !(tok.word && tok.cap) {
                continue;
            }
            let raw = &s[tok.span.range()];
            if tok.in_class(class::ORG_PREFIXED) && raw.split('-').count() >= 3 {
                add_org(&mut orgs, raw, raw, tok.span, None);
                continue;
            }
            // the context first: rare, and cheaper to see than a place
            let single = t.get(x + 1).is_none_or(|n| !(n.word && n.cap));
            if !single || tok.poss {
                continue;
            }
            let org_noun_near = || {
                t[x + 1..t.len().min(x + 4)]
                    .iter()
                    .any(|n| n.word && !n.cap && n.in_class(class::ORG_NOUN))
            };
            let after_country =
                || x > 0 && t[x - 1].poss && country_of(&s[t[x - 1].span.range()]).is_some();
            let claimed_by = x >= 2
                && t[x - 1].is("by")
                && has(
                    &["claimed", "owned", "run", "operated", "founded"],
                    &t[x - 2].low,
                );
            if !(claimed_by || org_noun_near() && after_country()) {
                continue;
            }
            // (a token has a final period only after an abbreviation)
            let place = || {
                if raw.ends_with('.') {
                    is_place(raw)
                } else {
                    tok.is_place(s)
                }
            };
            if !tok.in_class(class::STOPWORD | class::TITLE_WORD) && !place() {
                add_org(&mut orgs, raw, raw, tok.span, None);
            }
        }
    }
    // later mentions of every known form
    later_mentions(text, &mut orgs);
    for o in &mut orgs {
        o.forms.sort_by_key(|(_, sp)| *sp);
        // drop mentions inside longer mentions of the same org
        let spans: Vec<Span> = o.forms.iter().map(|(_, sp)| *sp).collect();
        o.forms.retain(|(_, sp)| !inside(&spans, *sp, true));
    }
    // drop orgs whose every mention lies inside another org's mention
    let mut all: Vec<(Span, usize)> = orgs
        .iter()
        .enumerate()
        .flat_map(|(i, o)| o.forms.iter().map(move |(_, s)| (*s, i)))
        .collect();
    all.sort();
    let mut keep = vec![true; orgs.len()];
    for (i, o) in orgs.iter().enumerate() {
        keep[i] = !o.forms.is_empty()
            && !o.forms.iter().all(|(_, sp)| {
                let end = all.partition_point(|(x, _)| x.start <= sp.start);
                all[..end]
                    .iter()
                    .rev()
                    .take_while(|(x, _)| x.start + MAX_MENTION >= sp.start)
                    .any(|(x, j)| *j != i && x.contains(*sp) && x != sp)
            });
    }
    let mut k = 0;
    orgs.retain(|_| {
        k += 1;
        keep[k - 1]
    });
    orgs
}

/// Adds to each organisation of `orgs` the later mentions of its forms and
/// aliases: every occurrence of one, as a whole word, in a fact-bearing
/// sentence, outside the mentions it was found at.
fn later_mentions(text: &Text, orgs: &mut [OrgAcc]) {
    let s = text.as_str();
    // Each distinct form, and the organisations that have it.
    let mut owners: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, o) in orgs.iter().enumerate() {
        let forms = o.forms.iter().map(|(f, _)| f.as_str());
        for f in forms.chain(o.aliases.iter().map(String::as_str)) {
            if !f.is_empty() {
                let list = owners.entry(f).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
    }
    let mut patterns: Vec<&str> = owners.keys().copied().collect();
    patterns.sort_unstable();
    let known: Vec<Vec<Span>> = orgs
        .iter()
        .map(|o| {
            let mut known: Vec<Span> = o.forms.iter().map(|(_, sp)| *sp).collect();
            known.sort();
            known
        })
        .collect();
    let mut found: Vec<(usize, String, Span)> = Vec::new();
    for (k, a, b) in occurrences(s, &patterns) {
        let before_ok = s[..a]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = s[b..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        let counted = || {
            text.sentence_at(a)
                .is_some_and(|i| text.sentences()[i].kind.has_facts())
        };
        if !(before_ok && after_ok && counted()) {
            continue;
        }
        let sp = Span::new(a, b);
        for &i in &owners[patterns[k]] {
            if !inside(&known[i], sp, false) {
                found.push((i, patterns[k].to_string(), sp));
            }
        }
    }
    // Each organisation's mentions are sorted by span afterwards, so the
    // order they are found in does not matter.
    for (i, form, sp) in found {
        if orgs[i].seen.insert(sp) {
            orgs[i].forms.push((form, sp));
        }
    }
}

/// Past this many bytes searched (patterns × text length), the patterns are
/// looked for in one pass rather than one pass each.
const ONE_PASS_BYTES: usize = 1 << 20;

/// Every occurrence of each pattern in `s` (pattern number, start, end), as
/// repeated `str::find`s give them: left to right, each after the end of the
/// last. In an article, a search per pattern is quickest; in a long text
/// naming many organisations, that would grow with the square of its
/// length, so all the patterns are looked for in one Aho-Corasick pass.
fn occurrences(s: &str, patterns: &[&str]) -> Vec<(usize, usize, usize)> {
    if patterns.len().saturating_mul(s.len()) <= ONE_PASS_BYTES {
        occurrences_each(s, patterns)
    } else {
        occurrences_one_pass(s, patterns)
    }
}

/// [`occurrences`], a search per pattern: `memchr`'s vectorized
/// substring search, whose non-overlapping matches are those of repeated
/// `str::find`s (a pattern is UTF-8, so it only matches at a char
/// boundary), at a fraction of the instructions per byte.
fn occurrences_each(s: &str, patterns: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (k, p) in patterns.iter().enumerate() {
        if p.is_empty() {
            continue;
        }
        for a in memchr::memmem::find_iter(s.as_bytes(), p.as_bytes()) {
            out.push((k, a, a + p.len()));
        }
    }
    out
}

/// [`occurrences`], in one pass (in another order).
fn occurrences_one_pass(s: &str, patterns: &[&str]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let searcher = aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(patterns);
    let Ok(searcher) = searcher else {
        return out;
    };
    // Where each pattern's next occurrence may start. Matches of one
    // pattern come in order of their ends, hence of their starts.
    let mut next = vec![0; patterns.len()];
    for m in searcher.find_overlapping_iter(s) {
        let (k, a, b) = (m.pattern().as_usize(), m.start(), m.end());
        if a < b && a >= next[k] {
            next[k] = b;
            out.push((k, a, b));
        }
    }
    out
}

/// `(ACR)` at token `b`: the acronym and its span, if its letters fit the name.
/// Mentions are short: containment is looked for this far back.
const MAX_MENTION: usize = 300;

/// Whether `sp` lies inside a span of `sorted` (`strict`: another span).
fn inside(sorted: &[Span], sp: Span, strict: bool) -> bool {
    let end = sorted.partition_point(|x| x.start <= sp.start);
    sorted[..end]
        .iter()
        .rev()
        .take_while(|x| x.start + MAX_MENTION >= sp.start)
        .any(|x| x.contains(sp) && (!strict || *x != sp))
}

fn acronym_after(s: &str, t: &[Word], b: usize, name: &[Word]) -> Option<(String, Span)> {
    if t.get(b)?.low != "(" || t.get(b + 2)?.low != ")" {
        return None;
    }
    let a = &t[b + 1];
    let raw = &s[a.span.range()];
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let upper = raw.chars().filter(|c| c.is_uppercase()).count();
    if !(2..=8).contains(&letters) || upper * 2 < letters + 1 || !initials_match(s, name, raw) {
        return None;
    }
    Some((raw.to_string(), a.span))
}

/// Finds the organisations of `text`.
pub fn organisations(text: &Text) -> Vec<Organisation> {
    let lowered = text.as_str().to_ascii_lowercase();
    orgs_of(text, &tokenized_units(text, &lowered))
}

fn orgs_of(text: &Text, units: &[Unit]) -> Vec<Organisation> {
    let mut orgs: Vec<Organisation> = find_orgs(text, units)
        .into_iter()
        .map(|o| {
            let aliases: Vec<String> = o.aliases.clone();
            // the fullest form seen that is not an alias
            let name = o
                .forms
                .iter()
                .map(|(f, _)| f)
                .filter(|f| !aliases.contains(f))
                .max_by_key(|f| f.len())
                .cloned()
                .or_else(|| o.forms.first().map(|(f, _)| f.clone()))
                .unwrap_or(o.key.clone());
            let aliases: Vec<String> = aliases
                .into_iter()
                .filter(|a| *a != name && o.forms.iter().any(|(f, _)| f == a))
                .collect();
            let mut mentions: Vec<Span> = o.forms.iter().map(|(_, s)| *s).collect();
            mentions.sort();
            mentions.dedup();
            Organisation {
                name,
                aliases,
                mentions,
            }
        })
        .collect();
    orgs.sort_by_key(|o| o.mentions.first().copied());
    orgs
}

// ---------------------------------------------------------------------------
// People.

/// A mention found in one sentence, before linking.
#[derive(Debug)]
struct Raw {
    /// Name span, or the title words for title-only anaphora.
    span: Span,
    /// The name as written (empty for title-only anaphora).
    name: String,
    roles: Vec<Role>,
    /// Strong evidence of a person (a title, an apposition): may start a
    /// new person even with a one-word name.
    strong: bool,
    /// Title-only anaphora: the title without modifiers.
    anaphor: Option<String>,
}

fn mk_roles(chain: &Chain) -> Vec<Role> {
    chain
        .roles
        .iter()
        .map(|(title, of)| Role {
            title: title.clone(),
            of: of.clone(),
            span: chain.span,
        })
        .collect()
}

/// `NAME is an Associate Editor with The Diplomat`: the role a copula at
/// `b` gives the name before it. The title must end the phrase (a
/// punctuation mark, an owner, `and`, `who`), so that `is a general
/// election candidate` gives none.
fn copula_after(s: &str, t: &[Word], b: usize) -> Vec<Role> {
    if !t.get(b).is_some_and(|x| x.is("is")) {
        return Vec::new();
    }
    let mut k = b + 1;
    if t.get(k).is_some_and(|x| has(&["a", "an", "the"], &x.low)) {
        k += 1;
    }
    let Some(chain) = parse_chain(s, t, k) else {
        return Vec::new();
    };
    if chain.honorific || chain.roles.is_empty() || name_run(s, t, chain.end).is_some() {
        return Vec::new();
    }
    let mut roles = mk_roles(&chain);
    let mut end = chain.end;
    if let Some((owner, e)) = owner_phrase(s, t, chain.end) {
        if let Some(last) = roles.last_mut() {
            last.of = Some(owner);
            last.span = Span::new(chain.span.start, t[e - 1].span.end);
        }
        end = e;
    }
    let closed = t
        .get(end)
        .is_none_or(|x| !x.word || has(&["and", "who", "since", "based"], &x.low));
    if closed { roles } else { Vec::new() }
}

/// An apposition after the name at `b` (`, a former senior Pakistani
/// diplomat`, `, CEO of Rostec`, `, who heads Rostec`).
fn apposition_after(s: &str, t: &[Word], b: usize) -> Vec<Role> {
    if t.get(b).is_none_or(|x| x.low != ",") {
        return Vec::new();
    }
    let mut k = b + 1;
    let Some(first) = t.get(k) else {
        return Vec::new();
    };
    if first.is("who") {
        let verb = t.get(k + 1).map(|x| x.low.as_ref()).unwrap_or("");
        let title = match verb {
            "heads" | "headed" | "runs" | "ran" => "head",
            "leads" | "led" => "leader",
            "chairs" | "chaired" => "chairman",
            "directs" | "directed" => "director",
            "commands" | "commanded" => "commander",
            "founded" => "founder",
            _ => return Vec::new(),
        };
        let mut q = k + 2;
        if t.get(q).is_some_and(|x| x.is("the")) {
            q += 1;
        }
        let mut e = q;
        while e < t.len()
            && t[e].word
            && (t[e].cap || (e > q && has(&["of", "for", "and"], &t[e].low)))
        {
            e += 1;
        }
        while e > q && !t[e - 1].cap {
            e -= 1;
        }
        if e == q {
            return Vec::new();
        }
        let owner = &s[t[q].span.start..t[e - 1].span.end];
        let of = country_of(owner).unwrap_or_else(|| owner.to_lowercase());
        return vec![Role {
            title: title.to_string(),
            of: Some(of),
            span: Span::new(t[k].span.start, t[e - 1].span.end),
        }];
    }
    if has(&["a", "an", "the"], &first.low) {
        k += 1;
    }
    let Some(chain) = parse_chain(s, t, k) else {
        return Vec::new();
    };
    if chain.honorific || chain.roles.is_empty() {
        return Vec::new();
    }
    let mut roles = mk_roles(&chain);
    let mut end = chain.end;
    if let Some(nb) = name_run(s, t, chain.end) {
        // `, Director General Procurement (Army),`: ordinary English words
        // closed by a bracket or a comma name a branch, part of the title
        let branch = nb - chain.end <= 2
            && t.get(nb).is_some_and(|x| x.is("(") || x.is(","))
            && t[chain.end..nb]
                .iter()
                .all(|x| !x.poss && is_english_word(&x.low));
        if !branch {
            // a title followed by a name is another person (`, Prime Minister X`)
            return Vec::new();
        }
        let words: Vec<&str> = t[chain.end..nb].iter().map(|x| x.low.as_ref()).collect();
        let last = roles.last_mut().expect("a role");
        last.title = format!("{} {}", last.title, words.join(" "));
        end = paren_after(t, nb).unwrap_or(nb);
        last.span = Span::new(last.span.start, t[end - 1].span.end);
        return roles;
    }
    if let Some((owner, end)) = owner_phrase(s, t, end) {
        let span = Span::new(chain.span.start, t[end - 1].span.end);
        if let Some(last) = roles.last_mut() {
            last.of = Some(owner);
            last.span = span;
        }
    }
    roles
}

fn scan_people(s: &str, t: &[Word], blocked: &[bool], orgs: &[(Span, String)], out: &mut Vec<Raw>) {
    let mut i = 0;
    while i < t.len() {
        if blocked[i] {
            i += 1;
            continue;
        }
        // title chain + name
        if let Some(chain) = parse_chain(s, t, i) {
            if let Some(b) =
                name_run(s, t, chain.end).filter(|&b| !blocked[chain.end..b].iter().any(|&x| x))
            {
                let span = Span::new(t[chain.end].span.start, t[b - 1].span.end);
                let mut roles = mk_roles(&chain);
                // `Apple Inc. Chief Executive Tim Cook`: the organisation
                // right before the title owns it
                if i > 0 && blocked[i - 1] {
                    if let Some((_, org)) = orgs.iter().find(|(o, _)| o.end == t[i - 1].span.end) {
                        for r in roles
                            .iter_mut()
                            .filter(|r| r.of.is_none() && !is_rank(&r.title))
                        {
                            r.of = Some(org.trim_end_matches('.').to_lowercase());
                        }
                    }
                } else if let Some(owner) =
                    owner_word_before(s, t, i).or_else(|| demonym_owner_before(s, t, i))
                {
                    // `Rostec CEO Sergei Chemezov`: a name no list knows
                    for r in roles
                        .iter_mut()
                        .filter(|r| r.of.is_none() && !is_rank(&r.title))
                    {
                        r.of = Some(owner.clone());
                    }
                }
                roles.extend(counterpart_role(s, t, i, out));
                if !t[b - 1].poss {
                    let after = apposition_after(s, t, b);
                    // `Dr. Sana Qureshi is a Senior Research Fellow`
                    let after = if after.is_empty() {
                        copula_after(s, t, b)
                    } else {
                        after
                    };
                    roles.extend(after);
                }
                let b = skip_roles(t, b, &roles);
                out.push(Raw {
                    span,
                    name: s[span.range()].to_string(),
                    roles,
                    strong: true,
                    anaphor: None,
                });
                i = b;
                continue;
            }
            // apposition before: `CEO of Russia's Rostec corporation, Sergey Chemezov,`
            if !chain.honorific {
                if let Some(r) = apposition_before(s, t, i, &chain, out) {
                    i = r;
                    continue;
                }
            }
            // title-only anaphora: `the minister`
            if i > 0 && t[i - 1].is("the") && chain.roles.len() == 1 {
                let next = t.get(chain.end);
                let free = next.is_none_or(|n| {
                    !n.word || n.in_class(class::SPEECH_VERB | class::ANAPHOR_NEXT)
                });
                if free {
                    // the title without its modifiers (`the former
                    // minister` → `minister`)
                    let head = chain.roles[0]
                        .0
                        .split(' ')
                        .skip_while(|w| inn(&MODIFIERS_SET, w) && *w != "chief")
                        .collect::<Vec<_>>()
                        .join(" ");
                    out.push(Raw {
                        span: chain.span,
                        name: String::new(),
                        roles: Vec::new(),
                        strong: false,
                        anaphor: Some(head),
                    });
                }
            }
            i = chain.end.max(i + 1);
            continue;
        }
        // a bare name, with or without an apposition or a speech context
        if is_name_token(s, &t[i]) && (i == 0 || !is_name_token(s, &t[i - 1])) {
            if let Some(b) = name_run(s, t, i).filter(|&b| !blocked[i..b].iter().any(|&x| x)) {
                let span = Span::new(t[i].span.start, t[b - 1].span.end);
                let roles = if t[b - 1].poss {
                    Vec::new()
                } else {
                    let mut roles = apposition_after(s, t, b);
                    roles.extend(counterpart_role(s, t, i, out));
                    // (a one-word subject may be a company: `Acme is
                    // the leader`)
                    if roles.is_empty() && b - i >= 2 {
                        roles = copula_after(s, t, b);
                    }
                    roles
                };
                let words = b - i;
                let prev = |n: usize| (i >= n).then(|| t[i - n].low.as_ref());
                let speech_after = !t[b - 1].poss
                    && t.get(b).is_some_and(|x| {
                        x.word && x.in_class(class::SPEECH_VERB) && x.low != "according"
                    });
                let speech_before = prev(1).is_some_and(|w| {
                    has(
                        &[
                            "said", "says", "quoted", "told", "added", "asked", "quoting",
                        ],
                        w,
                    )
                }) || (prev(1) == Some("to") && prev(2) == Some("according"));
                // Every bare name is a mention; this decides only whether
                // it may start a new person (strong: an apposition, or two
                // words in a speech context) or is kept only if it links to
                // one already found (see `link`), as a later `Haddad` does.
                let strong = !roles.is_empty() || (words >= 2 && (speech_after || speech_before));
                i = skip_roles(t, b, &roles);
                out.push(Raw {
                    span,
                    name: s[span.range()].to_string(),
                    roles,
                    strong,
                    anaphor: None,
                });
                continue;
            }
        }
        i += 1;
    }
}

/// `his Russian counterpart General Sergei Shoigu` (the name or its
/// title at `i`): the office (not the rank) of the last person named
/// before in the sentence, of the country the demonym names (`defence
/// minister` of `russia`, when the one before is `Defence Minister
/// Khawaja Asif`).
fn counterpart_role(s: &str, t: &[Word], i: usize, out: &[Raw]) -> Option<Role> {
    let k = i.checked_sub(1)?;
    if !t[k].is("counterpart") {
        return None;
    }
    let country = k
        .checked_sub(1)
        .filter(|&d| t[d].word && t[d].cap)
        .and_then(|d| country_of(&s[t[d].span.range()]).map(|c| (c, d)));
    let first = country.as_ref().map_or(k, |(_, d)| *d);
    let prev = out.iter().rev().find(|r| r.anaphor.is_none())?;
    let unit_start = t.first()?.span.start;
    let between = t
        .iter()
        .filter(|x| x.span.start >= prev.span.end && x.span.end <= t[first].span.start);
    if prev.span.start < unit_start || between.clone().any(|x| x.is(".")) {
        return None;
    }
    let office = prev.roles.iter().find(|r| !is_rank(&r.title))?;
    // a country's own word for its government is not the counterpart's
    // (`federal defence minister`: the Russian one is `defence minister`)
    let title = office
        .title
        .split(' ')
        .skip_while(|w| has(&["federal", "union", "provincial"], w))
        .collect::<Vec<_>>()
        .join(" ");
    Some(Role {
        title,
        of: country.map(|(c, _)| c),
        span: Span::new(t[first].span.start, t[k].span.end),
    })
}

/// The owner of a title chain starting at token `i` named by the one
/// word before it (`Rostec CEO Sergei Chemezov`, `Gazprom chief Alexei
/// Miller`): a capitalized word that could be a name, neither the first
/// word of its sentence (`Earlier CEO ...`) nor after another capitalized
/// word (`Prime Minister Nawaz Sharif aide ...`), and no month or weekday.
///
/// The first word of a sentence is capitalized whatever it is
/// (`Embattled CEO X said`): an ordinary English word there is taken only
/// when the text also writes it capitalized inside a sentence (`Apple CEO
/// X said ... shares in Apple`); another word (`Rostec CEO X`) is taken.
fn owner_word_before(s: &str, t: &[Word], i: usize) -> Option<String> {
    if i < 1 {
        return None;
    }
    let w = &t[i - 1];
    let before = t.get(i.wrapping_sub(2)).filter(|_| i >= 2);
    let month_or_day = is_calendar(&w.low);
    let ok = w.word
        && !w.poss
        && !month_or_day
        && !w.in_class(class::STOPWORD | class::TITLE_WORD | class::HONORIFIC)
        && is_name_token(s, w)
        && before.is_none_or(|b| !b.word || !b.cap);
    if !ok {
        return None;
    }
    let initial = before.is_none_or(|b| has(&[".", "!", "?", "\"", "“", "‘", "'"], &b.low));
    if initial && is_english_word(&w.low) && !capitalized_inside_sentence(s, w.span) {
        return None;
    }
    Some(w.low.to_string())
}

/// The owner of a title chain starting at token `i` named by a demonym
/// and a word before it (`Russian Helicopters CEO Alexander Mikheev`): the
/// two words, lowercase, when no capitalized word comes before them.
fn demonym_owner_before(s: &str, t: &[Word], i: usize) -> Option<String> {
    if i < 2 {
        return None;
    }
    let (d, w) = (&t[i - 2], &t[i - 1]);
    let ok = d.word
        && w.word
        && d.cap
        && w.cap
        && !d.poss
        && !w.poss
        && !is_calendar(&w.low)
        && !w.in_class(class::STOPWORD | class::TITLE_WORD | class::HONORIFIC)
        && (i < 3 || !t[i - 3].word || !t[i - 3].cap)
        && country_of_demonym(&d.low).is_some();
    ok.then(|| s[d.span.start..w.span.end].to_lowercase())
}

/// How far from a word [`capitalized_inside_sentence`] looks: more than
/// an article's length on either side.
const NEARBY: usize = 16 * 1024;

/// Whether the word at `at` is written the same way elsewhere in `text`,
/// not far from it, after a word or a comma (inside a sentence, where
/// capitals mean a name).
fn capitalized_inside_sentence(text: &str, at: Span) -> bool {
    // Looked for near the word only (a whole article, not a whole archive
    // file): a text with many such words stays linear.
    let mut from = at.start.saturating_sub(NEARBY);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at.end + NEARBY).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let s = &text[from..to];
    let at = Span::new(at.start - from, at.end - from);
    let word = &s[at.range()];
    s.match_indices(word).any(|(p, _)| {
        if p == at.start {
            return false;
        }
        let after = s[p + word.len()..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric() || c == '-') {
            return false;
        }
        let mut back = s[..p].chars().rev();
        if back.next().is_none_or(|c| !c.is_whitespace()) {
            return false;
        }
        back.find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_alphanumeric() || c == ',')
    })
}

/// The first token at or after `b` past the roles' spans.
fn skip_roles(t: &[Word], b: usize, roles: &[Role]) -> usize {
    let end = roles.iter().map(|r| r.span.end).max().unwrap_or(0);
    let mut k = b;
    while k < t.len() && t[k].span.start < end {
        k += 1;
    }
    k
}

/// `TITLE of ORG, NAME,`: pushes the person and returns where to go on.
fn apposition_before(
    s: &str,
    t: &[Word],
    i: usize,
    chain: &Chain,
    out: &mut Vec<Raw>,
) -> Option<usize> {
    // `Pakistan's army chief, X,` (a possessive owner or `the` before the
    // title): the name must close with a comma. After a preposition the
    // title is someone else (`in a letter to the president, X, a
    // lawyer, said`).
    let the_after_prep = i > 0
        && t[i - 1].is("the")
        && i >= 2
        && has(
            &[
                "to", "with", "for", "by", "from", "at", "about", "on", "against", "of", "like",
            ],
            &t[i - 2].low,
        );
    // `An army spokesman, Maj. Gen. Asim Bajwa,`: an indefinite article
    // too, when a name closes the apposition
    let bare = t.get(chain.end).is_some_and(|x| x.is(","))
        && (chain.roles.iter().any(|(_, of)| of.is_some())
            || (i > 0 && (t[i - 1].poss || has(&["the", "a", "an"], &t[i - 1].low))));
    // `CEO of Rostec, X,` names the owner; `Pakistan's ambassador to
    // Washington, X,` names a posting: the owner stays the chain's own
    let mut posting = None;
    let (owner, end) = match owner_phrase(s, t, chain.end) {
        // `Ambassador of the Russian Federation to Pakistan, X,`: a
        // posting in capitals after the owner
        Some((o, e)) if t.get(e).is_some_and(|x| x.is("to")) => {
            let mut f = e + 1;
            while f < t.len() && f - e <= 3 && t[f].word && t[f].cap {
                f += 1;
            }
            if f > e + 1 && t.get(f).is_some_and(|x| x.is(",")) {
                let words: Vec<&str> = t[e + 1..f].iter().map(|x| x.low.as_ref()).collect();
                posting = Some(format!("to {}", words.join(" ")));
                (Some(o), f)
            } else {
                (Some(o), e)
            }
        }
        Some((o, e)) => (Some(o), e),
        None if bare => (None, chain.end),
        None => {
            let prep = t.get(chain.end)?;
            if !(prep.is("to") || prep.is("in")) {
                return None;
            }
            let mut e = chain.end + 1;
            while e < t.len() && e - chain.end < 6 && t[e].word {
                e += 1;
            }
            // `Ambassador to Pakistan`: a posting named in capitals is
            // part of the title
            let named = &t[chain.end + 1..e];
            if prep.is("to")
                && !named.is_empty()
                && named.iter().all(|x| x.cap || x.is("the"))
                && named.last().is_some_and(|x| x.cap)
            {
                let words: Vec<&str> = named
                    .iter()
                    .filter(|x| !x.is("the"))
                    .map(|x| x.low.as_ref())
                    .collect();
                posting = Some(format!("to {}", words.join(" ")));
            }
            (None, e)
        }
    };
    if end <= chain.end && !bare {
        return None;
    }
    // an acronym in brackets (`(FSVTS)`), then up to the comma
    let end = paren_after(t, end).unwrap_or(end);
    let mut c = end;
    while c < t.len() && c - end < 4 && t[c].word && !t[c].cap {
        c += 1;
    }
    if t.get(c)?.low != "," {
        return None;
    }
    // a style before the name (`, His Excellency Mr. Alexey Dedov,`)
    let c1 = if t.get(c + 1).is_some_and(|x| x.is("his") || x.is("her"))
        && t.get(c + 2).is_some_and(|x| x.is("excellency"))
    {
        c + 3
    } else {
        c + 1
    };
    // a title or rank before the name (`, General Raheel Sharif,`)
    let inner = parse_chain(s, t, c1).filter(|ch| ch.end > c1);
    let n0 = inner.as_ref().map_or(c1, |ch| ch.end);
    let b = name_run(s, t, n0)?;
    let closes = if bare {
        t.get(b).is_some_and(|x| x.is(","))
    } else {
        t.get(b)
            .is_none_or(|x| !x.word || x.in_class(class::SPEECH_VERB) || x.is("had") || x.is("has"))
    };
    if !closes {
        return None;
    }
    // After a preposition, a name with a description of its own was
    // someone else than the title's holder (`in a letter to the president,
    // X, a lawyer, said`); without one it is the holder (`welcomed by the
    // Defence Minister, Khawaja Asif, on Monday`).
    if the_after_prep
        && t.get(b).is_some_and(|x| x.is(","))
        && t.get(b + 1)
            .is_some_and(|x| has(&["a", "an", "the"], &x.low))
    {
        return None;
    }
    let span = Span::new(t[n0].span.start, t[b - 1].span.end);
    let role_span = Span::new(chain.span.start, t[c - 1].span.end);
    let mut roles: Vec<Role> = chain
        .roles
        .iter()
        .map(|(title, of)| Role {
            title: title.clone(),
            of: of.clone(),
            span: role_span,
        })
        .collect();
    if let (Some(last), Some(owner)) = (roles.last_mut(), owner) {
        last.of = Some(owner);
    }
    if let (Some(last), Some(posting)) = (roles.last_mut(), posting) {
        last.title = format!("{} {posting}", last.title);
    }
    if let Some(inner) = &inner {
        roles.extend(mk_roles(inner));
    }
    out.push(Raw {
        span,
        name: s[span.range()].to_string(),
        roles,
        strong: true,
        anaphor: None,
    });
    Some(b)
}

#[derive(Debug)]
struct Acc {
    name: String,
    /// `name` in lowercase.
    lname: String,
    /// The last word of `lname` (kept: every mention is compared with every
    /// person's).
    surname: String,
    roles: Vec<Role>,
    mentions: Vec<Span>,
    last: usize,
}

/// The one item of `it`, if it has exactly one.
fn only<T>(mut it: impl Iterator<Item = T>) -> Option<T> {
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

fn add_roles(p: &mut Acc, roles: &[Role]) {
    for r in roles {
        if let Some(e) = p
            .roles
            .iter_mut()
            .find(|e| e.title == r.title && (e.of == r.of || e.of.is_none() || r.of.is_none()))
        {
            if e.of.is_none() {
                e.of.clone_from(&r.of);
            }
            continue;
        }
        p.roles.push(r.clone());
    }
}

fn role_heads(roles: &[Role]) -> Vec<&str> {
    roles
        .iter()
        .map(|r| r.title.rsplit(' ').next().unwrap_or(""))
        .collect()
}

fn compatible(p: &Acc, roles: &[Role]) -> bool {
    if roles.is_empty() || p.roles.is_empty() {
        return true;
    }
    let mine = role_heads(&p.roles);
    role_heads(roles).iter().any(|h| mine.contains(h))
}

fn link(people: &mut Vec<Acc>, raw: Raw) {
    let pos = raw.span.start;
    if let Some(head) = &raw.anaphor {
        if let Some(p) = people
            .iter_mut()
            .filter(|p| {
                p.roles.iter().any(|r| {
                    r.title == *head
                        || r.title
                            .strip_suffix(head.as_str())
                            .is_some_and(|rest| rest.ends_with(' '))
                })
            })
            .max_by_key(|p| p.last)
        {
            p.mentions.push(raw.span);
            p.last = pos;
        }
        return;
    }
    let lname = raw.name.to_lowercase();
    let words = lname.split(' ').count();
    // the same full name
    if let Some(p) = people.iter_mut().find(|p| p.lname == lname) {
        if words >= 2 || compatible(p, &raw.roles) {
            add_roles(p, &raw.roles);
            p.mentions.push(raw.span);
            p.last = pos;
            return;
        }
    }
    let surname = last_word(&lname).to_string();
    if words == 1 {
        let best = (0..people.len())
            .filter(|&i| people[i].surname == surname && compatible(&people[i], &raw.roles))
            .max_by_key(|&i| people[i].last);
        if let Some(i) = best {
            let p = &mut people[i];
            add_roles(p, &raw.roles);
            p.mentions.push(raw.span);
            p.last = pos;
            return;
        }
    } else if let Some(p) = people
        .iter_mut()
        .find(|p| !p.name.contains(' ') && p.lname == surname && compatible(p, &raw.roles))
    {
        // `President Obama` earlier, `Barack Obama` now
        p.name.clone_from(&raw.name);
        p.lname.clone_from(&lname);
        p.surname.clone_from(&surname);
        add_roles(p, &raw.roles);
        p.mentions.push(raw.span);
        p.last = pos;
        return;
    }
    if raw.strong {
        let mut p = Acc {
            name: raw.name,
            lname,
            surname,
            roles: Vec::new(),
            mentions: vec![raw.span],
            last: pos,
        };
        add_roles(&mut p, &raw.roles);
        people.push(p);
    }
}

/// Finds the people of `text`.
pub fn people(text: &Text) -> Vec<Person> {
    people_and_organisations(text).0
}

/// [`people`] and [`organisations`] of `text` at once: people are found
/// around the organisations, which are thus looked for only once.
pub(crate) fn people_and_organisations(text: &Text) -> (Vec<Person>, Vec<Organisation>) {
    people_and_organisations_lowered(text, &text.as_str().to_ascii_lowercase())
}

/// [`people_and_organisations`] with `text` in ASCII lowercase (`lowered`)
/// already made, as [`super::extract`] has it.
pub(crate) fn people_and_organisations_lowered(
    text: &Text,
    lowered: &str,
) -> (Vec<Person>, Vec<Organisation>) {
    let units = tokenized_units(text, lowered);
    let orgs = orgs_of(text, &units);
    let people = people_with(text, &orgs, &units);
    (people, orgs)
}

/// The people of `text`, given its organisations.
fn people_with(text: &Text, orgs: &[Organisation], units: &[Unit]) -> Vec<Person> {
    let s = text.as_str();
    let org_names: Vec<(Span, String)> = orgs
        .iter()
        .flat_map(|o| {
            o.mentions
                .iter()
                .map(|m| (*m, o.name.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut org_spans: Vec<Span> = org_names.iter().map(|(sp, _)| *sp).collect();
    org_spans.sort();
    let mut raws = Vec::new();
    for unit in units {
        let (kind, t) = (unit.kind, &unit.toks[..]);
        // tokens overlapping an organisation's mention (one that starts at
        // most `MAX_MENTION` bytes before): the mentions that start in
        // `[x.start - MAX_MENTION, x.end)` are `org_spans[lo..hi]`, both
        // ends moving right as the tokens do
        let first = t.first().map_or(0, |x| x.span.start);
        let mut lo = org_spans.partition_point(|o| o.start + MAX_MENTION < first);
        let mut hi = lo;
        let last = t.last().map_or(0, |x| x.span.end);
        // (most paragraphs name no organisation)
        let none = org_spans.get(lo).is_none_or(|o| o.start >= last);
        let blocked: Vec<bool> = t
            .iter()
            .map(|x| {
                if none {
                    return false;
                }
                while lo < org_spans.len() && org_spans[lo].start + MAX_MENTION < x.span.start {
                    lo += 1;
                }
                hi = hi.max(lo);
                while hi < org_spans.len() && org_spans[hi].start < x.span.end {
                    hi += 1;
                }
                org_spans[lo..hi].iter().any(|o| x.span.start < o.end)
            })
            .collect();
        let before = raws.len();
        scan_people(s, t, &blocked, &org_names, &mut raws);
        // a headline in Title Case capitalizes every word: what it names
        // may link to people found elsewhere but makes no new person
        if kind == ParagraphKind::Heading && title_case(t) {
            raws[before..].iter_mut().for_each(|r| r.strong = false);
        }
    }
    let mut acc: Vec<Acc> = Vec::new();
    let mut weak_pending = Vec::new();
    for r in raws {
        if !r.strong && r.anaphor.is_none() && !r.name.contains(' ') {
            weak_pending.push((acc.len(), r.span));
        }
        link(&mut acc, r);
    }
    // one-word people merge into the one full name with that surname
    let mut i = 0;
    while i < acc.len() {
        if !acc[i].name.contains(' ') {
            let sur = &acc[i].lname;
            let target = only(
                (0..acc.len())
                    .filter(|&j| j != i && acc[j].surname == *sur && acc[j].name.contains(' ')),
            );
            if let Some(j) = target {
                if compatible(&acc[j], &acc[i].roles) {
                    let p = acc.remove(i);
                    let j = if j > i { j - 1 } else { j };
                    add_roles(&mut acc[j], &p.roles);
                    acc[j].mentions.extend(p.mentions);
                    continue;
                }
            }
        }
        i += 1;
    }
    // weak one-word mentions before their full name (a headline surname)
    for (_, span) in weak_pending {
        let w = s[span.range()].to_lowercase();
        if let Some(j) = only((0..acc.len()).filter(|&j| acc[j].surname == w)) {
            // repeats go at the final sort and dedup
            acc[j].mentions.push(span);
        }
    }
    acc.into_iter()
        .map(|mut p| {
            p.mentions.sort();
            p.mentions.dedup();
            Person {
                name: p.name,
                roles: p.roles,
                mentions: p.mentions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// The names of known organisations found without a regex in an ASCII
    /// text are the regex's matches.
    #[test]
    fn known_names_in_ascii_are_the_regex_matches() {
        let seeds = ["000_8f0059a5e111d940.txt", "004_fd2571bf12f2bee7.txt"]
            .map(|f| std::fs::read_to_string(format!("seeds/{f}")).expect("a seed"));
        let made = [
            "ISIS, IS and ISI; ISPR. AP APP AFP (AFP) AP's _AP AP_ 1AP AP1 APPLE",
            "al-Qaeda, al Qaeda, Al-Qaeda and al-Qaida; al-Qaedas",
            "U.N. UN. UNITED U.N.x the UN's UN-backed Nato NATO-led",
            "Reuters' report, the Associated Press of Pakistan (APP), Associated Press",
            "Dawn: ITAR-TASS TASS ITAR-TASSx Xinhua1",
        ];
        let mut matched = 0;
        for st in seeds.iter().flat_map(|s| s.lines()).chain(made) {
            if !st.is_ascii() {
                continue;
            }
            let want: Vec<_> = KNOWN_RE_ASCII.find_iter(st).map(|m| m.range()).collect();
            assert_eq!(known_in_ascii(st), want, "{st}");
            matched += want.len();
        }
        assert!(matched > 20, "{matched}");
        for name in known_names() {
            assert!(
                name.starts_with(|c: char| c.is_ascii_alphabetic()),
                "{name}"
            );
        }
    }

    /// The two ways of finding organisations' later mentions find the
    /// same occurrences, overlapping patterns and repeats included.
    #[test]
    fn occurrences_in_one_pass_are_those_of_a_search_per_pattern() {
        let seeds = ["000_8f0059a5e111d940.txt", "004_fd2571bf12f2bee7.txt"]
            .map(|f| std::fs::read_to_string(format!("seeds/{f}")).expect("a seed"));
        let texts = [
            seeds[0].as_str(),
            seeds[1].as_str(),
            "AAAAA UN U.N. UNUN the UN's “UN” é UNé",
            "",
        ];
        let patterns = [
            "", "A", "AA", "AAA", "UN", "U.N.", "Russia", "Pakistan", "Rostec", "the", "é", "N",
        ];
        for text in texts {
            for n in 1..=patterns.len() {
                let some = &patterns[..n];
                let mut each = super::occurrences_each(text, some);
                let mut one = super::occurrences_one_pass(text, some);
                each.sort_unstable();
                one.sort_unstable();
                assert_eq!(each, one, "{some:?} in {:?}", &text[..text.len().min(40)]);
            }
        }
        let repeated = super::occurrences_each("AAAAA", &["AA"]);
        assert_eq!(repeated, [(0, 0, 2), (0, 2, 4)]);
    }
    use super::*;
    use crate::span::SourceId;
    use crate::text::normalize_str;

    fn t(s: &str) -> Text {
        normalize_str(SourceId::new("t"), None, s)
    }

    type Roles<'a> = &'a [(&'a str, Option<&'a str>)];
    type PersonRow<'a> = (&'a str, Roles<'a>, &'a [&'a str]);
    type GotPerson = (String, Vec<(String, Option<String>)>, Vec<String>);
    type OrgRow<'a> = (&'a str, &'a [&'a str]);

    /// `Acme CEO John Doe`: a capitalized word before a title owns it, at
    /// the start of a sentence only when the text also capitalizes it
    /// inside one.
    #[test]
    fn owner_word_at_sentence_start() {
        check_people(
            "Acme CEO Ivan Petrov said the deal was done. Parts come from the Acme plant.",
            &[("Ivan Petrov", &[("ceo", Some("acme"))], &["Ivan Petrov"])],
        );
        // an adjective opening a sentence owns nothing
        check_people(
            "The talks ended. Embattled CEO Ivan Petrov said the deal was done.",
            &[("Ivan Petrov", &[("ceo", None)], &["Ivan Petrov"])],
        );
        check_people("Acme said the deal was done. It was signed.", &[]);
        check_people(
            "Rostec CEO Ivan Petrov said the deal was done.",
            &[("Ivan Petrov", &[("ceo", Some("rostec"))], &["Ivan Petrov"])],
        );
    }

    /// `Pakistan's army chief, General X, said`: a title with a possessive
    /// owner (or `the`), then the name between commas.
    #[test]
    fn possessive_title_then_name_between_commas() {
        check_people(
            "Pakistan's army chief, General Amir Khan, said on Monday the talks went well.",
            &[(
                "Amir Khan",
                &[("army chief", Some("pakistan")), ("general", None)],
                &["Amir Khan"],
            )],
        );
        check_people(
            "Talks went on, the head of Russia's Federal Service for Arms Trade (FSAT), Ivan Petrov, said.",
            &[(
                "Ivan Petrov",
                &[("head", Some("federal service for arms trade"))],
                &["Ivan Petrov"],
            )],
        );
        check_people("Pakistan's army said on Monday the talks went well.", &[]);
        check_people(
            "The company's chief executive, Ivan Petrov, said the deal was done.",
            &[(
                "Ivan Petrov",
                &[("chief executive", None)],
                &["Ivan Petrov"],
            )],
        );
        // after a preposition the title is someone else's
        check_people(
            "In a letter to the president, Petrov, a lawyer, said the deal was done.",
            &[("Petrov", &[("lawyer", None)], &["Petrov"])],
        );
        // no closing comma: a list or a clause, no apposition
        check_people("Pakistan's army chief, Amir Khan and others met.", &[]);
    }

    /// `Chief of Army Staff (COAS) General X`: an acronym in brackets
    /// does not end the title chain.
    #[test]
    fn bracketed_acronym_inside_title_chain() {
        check_people(
            "Chief of Army Staff (COAS) General Amir Khan was also present.",
            &[(
                "Amir Khan",
                &[("chief of army staff", None), ("general", None)],
                &["Amir Khan"],
            )],
        );
        check_people("The Chief of Army Staff (COAS) was also present.", &[]);
    }

    /// `Commander-in-Chief of Russian Ground Forces Col Gen X`: the rank is
    /// a rank; the title before the owner is the role.
    #[test]
    fn title_of_owner_then_rank() {
        check_people(
            "He met Commander-in-Chief of Russian Ground Forces Col Gen Ivan Petrov.",
            &[(
                "Ivan Petrov",
                &[
                    ("commander-in-chief", Some("russian ground forces")),
                    ("colonel general", None),
                ],
                &["Ivan Petrov"],
            )],
        );
        // an organisation before a rank owns no rank
        check_people(
            "He met Acme Brig Ivan Petrov. The Acme plant was shut.",
            &[("Ivan Petrov", &[("brigadier", None)], &["Ivan Petrov"])],
        );
    }

    /// Offices named by service words after `of` (`Chief of Naval
    /// Operations`, `Secretary of Homeland Security`) are the title, not a
    /// person before the one who holds them.
    #[test]
    fn office_words_after_of_are_the_title() {
        check_people(
            "Chief of Naval Operations Adm Ivan Petrov said the navy would buy ships.",
            &[(
                "Ivan Petrov",
                &[("naval operations chief", None), ("admiral", None)],
                &["Ivan Petrov"],
            )],
        );
        check_people(
            "Secretary of Homeland Security Amir Khan visited Texas.",
            &[(
                "Amir Khan",
                &[("homeland security secretary", None)],
                &["Amir Khan"],
            )],
        );
    }

    /// `Director of National Intelligence X`: the capitalized words after
    /// `of` own the title up to the last organisation or portfolio word or
    /// acronym, and the name follows; where that is not clear (no such
    /// word, or a one-word name after it), no role is made up.
    #[test]
    fn title_of_owner_then_name() {
        check_people(
            "Director of National Intelligence Ivan Petrov said the deal was worrying.",
            &[(
                "Ivan Petrov",
                &[("director", Some("national intelligence"))],
                &["Ivan Petrov"],
            )],
        );
        check_people(
            "Governor of the State Bank Amir Khan said rates would rise.",
            &[(
                "Amir Khan",
                &[("governor", Some("state bank"))],
                &["Amir Khan"],
            )],
        );
        check_people(
            "Director of the FBI Ivan Petrov testified on Monday.",
            &[(
                "Ivan Petrov",
                &[("director", Some("fbi"))],
                &["Ivan Petrov"],
            )],
        );
        // no organisation word: owner and name cannot be told apart
        check_people("He met the President of Acme Ivan Petrov.", &[]);
    }

    /// `X, Director General Procurement (Army), said`: ordinary words after
    /// the title name a branch, not another person.
    #[test]
    fn title_with_branch_in_apposition() {
        check_people(
            "Amir Khan, Director General Procurement (Army), said the helicopters would arrive.",
            &[(
                "Amir Khan",
                &[("director general procurement", None)],
                &["Amir Khan"],
            )],
        );
        // a name after the title is another person
        check_people(
            "He met Amir Khan, Interior Minister Ahsan Iqbal, and others.",
            &[(
                "Ahsan Iqbal",
                &[("interior minister", None)],
                &["Ahsan Iqbal"],
            )],
        );
    }

    /// `, a Lahore-based defence analyst`, `, a former Australian defence
    /// attache`: a place of work is skipped; a field before `analyst` or
    /// `attache` is part of the title.
    #[test]
    fn based_and_field_titles_in_apposition() {
        check_people(
            "The deal matters, said Amir Khan, a Lahore-based defence analyst.",
            &[("Amir Khan", &[("defence analyst", None)], &["Amir Khan"])],
        );
        check_people(
            "It was signed, said John Smith, a former Australian defence attache.",
            &[(
                "John Smith",
                &[("former defence attache", Some("australia"))],
                &["John Smith"],
            )],
        );
        check_people("A Lahore-based company said the deal was done.", &[]);
    }

    /// `X is an Associate Editor with The Diplomat`.
    #[test]
    fn copula_role() {
        check_people(
            "John Smith is an Associate Editor with The Monitor. He wrote the piece.",
            &[(
                "John Smith",
                &[("associate editor", Some("monitor"))],
                &["John Smith"],
            )],
        );
        // the title must end the phrase (no role: no person either)
        check_people(
            "John Smith is a general election candidate, officials said.",
            &[],
        );
        check_people("John Smith is not a minister, officials said.", &[]);
        check_people("Acme is the leader. It sells more.", &[]);
    }

    /// (text, [(name, roles, mentions as written)])
    const PEOPLE: &[(&str, &[PersonRow])] = &[
        // Lowercase particles inside a name, alone or joined by a hyphen.
        (
            "Egyptian President Abdel Fattah el-Sisi visited Moscow on Tuesday.",
            &[(
                "Abdel Fattah el-Sisi",
                &[("president", Some("egypt"))],
                &["Abdel Fattah el-Sisi"],
            )],
        ),
        (
            "Commission President Ursula von der Leyen said nothing.",
            &[(
                "Ursula von der Leyen",
                &[("president", None)],
                &["Ursula von der Leyen"],
            )],
        ),
        (
            "Chief of Army Staff General Raheel Sharif visited Moscow in June.",
            &[(
                "Raheel Sharif",
                &[("chief of army staff", None), ("general", None)],
                &["Raheel Sharif"],
            )],
        ),
        (
            "Late last year, Russian Defence Minister Sergei Shoigu arrived in Islamabad.",
            &[(
                "Sergei Shoigu",
                &[("defence minister", Some("russia"))],
                &["Sergei Shoigu"],
            )],
        ),
        (
            "Prime Minister Nawaz Sharif met President Vladimir Putin in Ufa.",
            &[
                (
                    "Nawaz Sharif",
                    &[("prime minister", None)],
                    &["Nawaz Sharif"],
                ),
                (
                    "Vladimir Putin",
                    &[("president", None)],
                    &["Vladimir Putin"],
                ),
            ],
        ),
        (
            "Russia's President Vladimir Putin shook hands with Pakistan's Prime Minister Nawaz Sharif.",
            &[
                (
                    "Vladimir Putin",
                    &[("president", Some("russia"))],
                    &["Vladimir Putin"],
                ),
                (
                    "Nawaz Sharif",
                    &[("prime minister", Some("pakistan"))],
                    &["Nawaz Sharif"],
                ),
            ],
        ),
        (
            "Terrorism has killed leaders including former Prime Minister Benazir Bhutto in 2007.",
            &[(
                "Benazir Bhutto",
                &[("former prime minister", None)],
                &["Benazir Bhutto"],
            )],
        ),
        (
            "Mr. Ahmed Raza and Dr. Sana Mir attended the ceremony.",
            &[
                ("Ahmed Raza", &[], &["Ahmed Raza"]),
                ("Sana Mir", &[("doctor", None)], &["Sana Mir"]),
            ],
        ),
        (
            "\"It is over,\" the paper quoted Zafar Hilaly, a former senior Pakistani diplomat.",
            &[(
                "Zafar Hilaly",
                &[("former senior diplomat", Some("pakistan"))],
                &["Zafar Hilaly"],
            )],
        ),
        (
            "Sergey Chemezov, CEO of Rostec, said the deal was done.",
            &[(
                "Sergey Chemezov",
                &[("ceo", Some("rostec"))],
                &["Sergey Chemezov"],
            )],
        ),
        (
            "CEO of Russia's Rostec hi-tech corporation, Sergey Chemezov, had also said talks were held.",
            &[(
                "Sergey Chemezov",
                &[("ceo", Some("rostec"))],
                &["Sergey Chemezov"],
            )],
        ),
        (
            "Sergei Chemezov, the head of the Russian state conglomerate Rostec, was quoted as \
             saying the embargo had been lifted.",
            &[(
                "Sergei Chemezov",
                &[("head", Some("rostec"))],
                &["Sergei Chemezov"],
            )],
        ),
        (
            "Sergei Chemezov, the head of the Russian delegation, spoke.",
            &[(
                "Sergei Chemezov",
                &[("head", Some("russia"))],
                &["Sergei Chemezov"],
            )],
        ),
        (
            "A delegation, headed by the Ambassador of the Russian Federation to Pakistan, His \
             Excellency Mr. Alexey Dedov, attended the ceremony.",
            &[(
                "Alexey Dedov",
                &[("ambassador to pakistan", Some("russia"))],
                &["Alexey Dedov"],
            )],
        ),
        (
            "\"It fills a gap,\" said Lt Col (retd) Naveed Akhtar, a Karachi-based defence \
             consultant.",
            &[(
                "Naveed Akhtar",
                &[
                    ("retired lieutenant colonel", None),
                    ("defence consultant", None),
                ],
                &["Naveed Akhtar"],
            )],
        ),
        (
            "The Federal Minister for Defence, Khawaja Muhammad Asif, met his Russian \
             counterpart General Sergei Shoigu in Islamabad.",
            &[
                (
                    "Khawaja Muhammad Asif",
                    &[("federal defence minister", None)],
                    &["Khawaja Muhammad Asif"],
                ),
                (
                    "Sergei Shoigu",
                    &[("general", None), ("defence minister", Some("russia"))],
                    &["Sergei Shoigu"],
                ),
            ],
        ),
        (
            "Defence Minister Khawaja Asif arrived. His Russian counterpart General Sergei \
             Shoigu met him.",
            &[
                (
                    "Khawaja Asif",
                    &[("defence minister", None)],
                    &["Khawaja Asif"],
                ),
                ("Sergei Shoigu", &[("general", None)], &["Sergei Shoigu"]),
            ],
        ),
        (
            "Ali Khan, who heads the Pakistan Cricket Board, said the tour would go ahead.",
            &[(
                "Ali Khan",
                &[("head", Some("pakistan cricket board"))],
                &["Ali Khan"],
            )],
        ),
        (
            "Lt. Gen. Asim Bajwa, the army spokesman, briefed reporters.",
            &[(
                "Asim Bajwa",
                &[("lieutenant general", None), ("army spokesman", None)],
                &["Asim Bajwa"],
            )],
        ),
        (
            "Chief of Army Staff General Raheel Sharif met Prime Minister Nawaz Sharif on Monday. \
             Sharif later flew to Moscow. General Sharif inspected the helicopters.",
            &[
                (
                    "Raheel Sharif",
                    &[("chief of army staff", None), ("general", None)],
                    &["Raheel Sharif", "Sharif"],
                ),
                (
                    "Nawaz Sharif",
                    &[("prime minister", None)],
                    &["Nawaz Sharif", "Sharif"],
                ),
            ],
        ),
        (
            "Defence Minister Khawaja Asif visited Moscow. The minister said talks went well.",
            &[(
                "Khawaja Asif",
                &[("defence minister", None)],
                &["Khawaja Asif", "minister"],
            )],
        ),
        (
            "President Obama spoke first. Later Barack Obama left for Kenya.",
            &[(
                "Barack Obama",
                &[("president", None)],
                &["Obama", "Barack Obama"],
            )],
        ),
        (
            "Ahmed Khan said the talks were useful.",
            &[("Ahmed Khan", &[], &["Ahmed Khan"])],
        ),
        (
            "The talks were useful, said Ahmed Khan.",
            &[("Ahmed Khan", &[], &["Ahmed Khan"])],
        ),
        (
            "Minister for Foreign Affairs Sartaj Aziz left.",
            &[(
                "Sartaj Aziz",
                &[("foreign affairs minister", None)],
                &["Sartaj Aziz"],
            )],
        ),
        (
            "Apple Inc. Chief Executive Tim Cook met German Chancellor Angela Merkel in Berlin.",
            &[
                (
                    "Tim Cook",
                    &[("chief executive", Some("apple inc"))],
                    &["Tim Cook"],
                ),
                (
                    "Angela Merkel",
                    &[("chancellor", Some("germany"))],
                    &["Angela Merkel"],
                ),
            ],
        ),
        (
            "Earlier, Rostec CEO Sergei Chemezov said talks were held.",
            &[(
                "Sergei Chemezov",
                &[("ceo", Some("rostec"))],
                &["Sergei Chemezov"],
            )],
        ),
        (
            "Earlier CEO Sergei Chemezov said talks were held.",
            &[("Sergei Chemezov", &[("ceo", None)], &["Sergei Chemezov"])],
        ),
        (
            "In a speech, Modi praised the army. Narendra Modi, India's prime minister, visited Kabul.",
            &[(
                "Narendra Modi",
                &[("prime minister", Some("india"))],
                &["Modi", "Narendra Modi"],
            )],
        ),
        (
            "U.S. Secretary of State John Kerry arrived. \"Not yet,\" Kerry told reporters.",
            &[(
                "John Kerry",
                &[("secretary of state", Some("united states"))],
                &["John Kerry", "Kerry"],
            )],
        ),
        (
            "Speaking to reporters, Pakistan's ambassador to Washington, Aizaz Chaudhry, said so.",
            &[(
                "Aizaz Chaudhry",
                &[("ambassador to washington", Some("pakistan"))],
                &["Aizaz Chaudhry"],
            )],
        ),
        // a posting in capitals is part of the title
        (
            "The Russian Ambassador to Pakistan, Alexey Dedov, attended the ceremony.",
            &[(
                "Alexey Dedov",
                &[("ambassador to pakistan", Some("russia"))],
                &["Alexey Dedov"],
            )],
        ),
        // a portfolio after the head, with a word before it; a later
        // `Mr Asif` is the same person
        (
            "Federal Minister for Defence Khawaja Muhammad Asif welcomed the deal. \
             \"We want good relations,\" Mr Asif said.",
            &[(
                "Khawaja Muhammad Asif",
                &[("federal defence minister", None)],
                &["Khawaja Muhammad Asif", "Asif"],
            )],
        ),
        // an acronym or a service between a title and a rank owns the title
        (
            "Director General ISPR Major General Asim Saleem Bajwa said so.",
            &[(
                "Asim Saleem Bajwa",
                &[("director general", Some("ispr")), ("major general", None)],
                &["Asim Saleem Bajwa"],
            )],
        ),
        (
            "It was signed by Director General (Procurement) Army Major General Tahir Masood.",
            &[(
                "Tahir Masood",
                &[
                    ("director general procurement", Some("army")),
                    ("major general", None),
                ],
                &["Tahir Masood"],
            )],
        ),
        // an indefinite title in apposition before the name
        (
            "An army spokesman, Maj. Gen. Asim Bajwa, said Wednesday that it was signed.",
            &[(
                "Asim Bajwa",
                &[("army spokesman", None), ("major general", None)],
                &["Asim Bajwa"],
            )],
        ),
        // `(retd)` after a rank
        (
            "The defence analyst Lt Gen (retd) Talat Masood said it mattered.",
            &[(
                "Talat Masood",
                &[
                    ("defence analyst", None),
                    ("retired lieutenant general", None),
                ],
                &["Talat Masood"],
            )],
        ),
        // a company named by a demonym and a word
        (
            "Russian Helicopters CEO Alexander Mikheev said the firm was ready.",
            &[(
                "Alexander Mikheev",
                &[("ceo", Some("russian helicopters"))],
                &["Alexander Mikheev"],
            )],
        ),
        // initials are part of the name, never of the title
        (
            "\"It could end with jets,\" warned retired Air Marshal K.S. Verma, a former deputy \
             chief of the Indian Air Force.",
            &[(
                "K.S. Verma",
                &[
                    ("retired air marshal", None),
                    ("former deputy chief", Some("indian air force")),
                ],
                &["K.S. Verma"],
            )],
        ),
        (
            "U.S. President Barack Obama spoke.",
            &[(
                "Barack Obama",
                &[("president", Some("united states"))],
                &["Barack Obama"],
            )],
        ),
        // `X is a Y` after a title and name
        (
            "Dr. Sana Qureshi is a Senior Research Fellow at the Institute of Strategic Studies.",
            &[(
                "Sana Qureshi",
                &[
                    ("doctor", None),
                    (
                        "senior research fellow",
                        Some("institute of strategic studies"),
                    ),
                ],
                &["Sana Qureshi"],
            )],
        ),
        (
            "\"The talks were constructive,\" said Maria Zakharova, the Russian Foreign Ministry \
             spokeswoman.",
            &[(
                "Maria Zakharova",
                &[("foreign ministry spokeswoman", Some("russia"))],
                &["Maria Zakharova"],
            )],
        ),
        (
            "Saudi Crown Prince Mohammed bin Salman visited Islamabad.",
            &[(
                "Mohammed bin Salman",
                &[("crown prince", Some("saudi arabia"))],
                &["Mohammed bin Salman"],
            )],
        ),
        (
            "Trump Says Pakistan Must Do More\nU.S. President Donald Trump spoke on Monday.",
            &[(
                "Donald Trump",
                &[("president", Some("united states"))],
                &["Trump", "Donald Trump"],
            )],
        ),
        (
            "Pakistan Army Chief Meets Russian Defence Minister In Moscow\n\n\
             Defence Minister Sergei Shoigu met the general.",
            &[(
                "Sergei Shoigu",
                &[("defence minister", None)],
                &["Sergei Shoigu"],
            )],
        ),
        (
            "Chief Minister Shahbaz Sharif opened the metro. The prime minister said reforms would go on.",
            &[(
                "Shahbaz Sharif",
                &[("chief minister", None)],
                &["Shahbaz Sharif"],
            )],
        ),
        (
            "Police said Ali Raza Khan, 32, was arrested. Ms Clinton, the nominee, leads.",
            &[
                ("Ali Raza Khan", &[], &["Ali Raza Khan"]),
                ("Clinton", &[], &["Clinton"]),
            ],
        ),
        // negatives
        (
            "The leader of the party said the vote would go ahead. A senior official said so.",
            &[],
        ),
        (
            "The general election is due in May. Major reforms were promised.",
            &[],
        ),
        (
            "The White House said talks would resume. Downing Street said nothing.",
            &[],
        ),
        (
            "The Cold War rivals want four Mi-35 Hind E helicopters.",
            &[],
        ),
        (
            "Pakistan and Russia signed a deal in Rawalpindi on Wednesday.",
            &[],
        ),
        ("The general public was not told about the major thaw.", &[]),
        ("Foreign Ministry spokesman said nothing new.", &[]),
        (
            "Reuters said the deal was signed. IANS reported it too.",
            &[],
        ),
        ("Sharif visited Moscow.", &[]),
        ("The minister said nothing.", &[]),
        (
            "Both countries were negotiating. Besides helicopters, Pakistan wants more.",
            &[],
        ),
    ];

    fn check_people(input: &str, want: &[PersonRow]) {
        let text = t(input);
        let got: Vec<GotPerson> = people(&text)
            .into_iter()
            .map(|p| {
                let roles = p
                    .roles
                    .iter()
                    .map(|r| (r.title.clone(), r.of.clone()))
                    .collect();
                let ms = p
                    .mentions
                    .iter()
                    .map(|m| text.slice(*m).to_string())
                    .collect();
                (p.name, roles, ms)
            })
            .collect();
        let want: Vec<GotPerson> = want
            .iter()
            .map(|(n, roles, ms)| {
                let roles = roles
                    .iter()
                    .map(|(t, o)| ((*t).to_string(), o.map(str::to_string)))
                    .collect();
                (
                    (*n).to_string(),
                    roles,
                    ms.iter().map(|m| (*m).to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(got, want, "people of {input:?}");
    }

    #[test]
    fn people_table() {
        for (input, want) in PEOPLE {
            check_people(input, want);
        }
    }

    /// (text, [(name, aliases)])
    const ORGS: &[(&str, &[OrgRow])] = &[
        (
            "Pakistan joined the Shanghai Cooperation Organization (SCO) in 2017. The SCO met in Ufa.",
            &[("Shanghai Cooperation Organization", &["SCO"])],
        ),
        (
            "Russia's Foreign Ministry said talks continued.",
            &[("Foreign Ministry", &[])],
        ),
        (
            "The Wall Street Journal reported the deal. The WSJ quoted officials.",
            &[("Wall Street Journal", &["WSJ"])],
        ),
        (
            "CEO of Russia's Rostec hi-tech corporation, Sergey Chemezov, spoke.",
            &[("Rostec", &[])],
        ),
        (
            "An attack claimed by Lashkar-e-Islam killed eight people, Reuters reported.",
            &[("Lashkar-e-Islam", &[]), ("Reuters", &[])],
        ),
        (
            "The Taliban-linked group said it was responsible.",
            &[("Taliban", &[])],
        ),
        (
            "The State Bank of Pakistan raised its policy rate.",
            &[("State Bank of Pakistan", &[])],
        ),
        // A short form ending in a full stop, before a space: named as the
        // text names it, as every organisation is.
        (
            "The U.N. said on Monday that talks would resume.",
            &[("U.N.", &[])],
        ),
        (
            "The United Nations met in Geneva. The U.N. envoy left on Monday.",
            &[("United Nations", &["U.N."])],
        ),
        (
            "The Mi-35 is a modernised Mi-24, IANS reported.",
            &[("IANS", &[])],
        ),
        (
            "A statement by Inter-Services Public Relations (ISPR) said the ISPR chief spoke.",
            &[("Inter-Services Public Relations", &["ISPR"])],
        ),
        (
            "Officials of the Pakistan Air Force said so.",
            &[("Pakistan Air Force", &[])],
        ),
        (
            "Shares of Goldman Sachs Group Inc rose 2 percent.",
            &[("Goldman Sachs Group Inc", &[])],
        ),
        (
            "The Pakistan Tehreek-e-Insaf (PTI) protested. PTI leaders marched.",
            &[("Pakistan Tehreek-e-Insaf", &["PTI"])],
        ),
        // negatives
        ("The Cold War ended long ago.", &[]),
        ("Pakistan and Russia signed a landmark defence deal.", &[]),
        ("Chief of Army Staff General Raheel Sharif arrived.", &[]),
        (
            "Pakistan gets Mi-17 helicopters from the United States.",
            &[],
        ),
        ("Exchange of visits is an indication of progress.", &[]),
    ];

    fn check_orgs(input: &str, want: &[OrgRow]) {
        let text = t(input);
        let got: Vec<(String, Vec<String>)> = organisations(&text)
            .into_iter()
            .map(|o| (o.name, o.aliases))
            .collect();
        let want: Vec<(String, Vec<String>)> = want
            .iter()
            .map(|(n, a)| {
                (
                    (*n).to_string(),
                    a.iter().map(|x| (*x).to_string()).collect(),
                )
            })
            .collect();
        assert_eq!(got, want, "organisations of {input:?}");
    }

    #[test]
    fn organisations_table() {
        for (input, want) in ORGS {
            check_orgs(input, want);
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        for input in [
            "",
            "'s",
            "Mr.",
            "General",
            "CEO of ,",
            "\u{e9}\u{e9}'s X's Y.",
            "A (B) (",
            "Dr. E.",
            "the former",
            "Pakistan's",
            "General Sharif's",
            "\"\"\"",
            "CEO of Russia's",
            "X, who heads",
            "Y, a former",
            "ambassador to",
            "Minister for the",
            "it, Organization\u{2014}Dr former ",
        ] {
            let text = t(input);
            let ppl = people(&text);
            let orgs = organisations(&text);
            assert!(orgs.iter().all(|o| !o.name.is_empty()), "{input:?}");
            let qs = crate::extract::quotes(&text, &ppl, &orgs);
            assert!(qs.iter().all(|q| !q.span.is_empty()), "{input:?}");
        }
    }

    /// Every article under `seeds/` (and files named in `CLAIMCHECK_PEOPLE_DEBUG`,
    /// whose findings are printed): mentions are non-empty, on char
    /// boundaries, and in order; every person and organisation has a mention.
    #[test]
    fn seed_articles_give_valid_spans() {
        let mut files: Vec<String> = std::fs::read_dir("seeds")
            .map(|d| {
                d.flatten()
                    .map(|e| e.path().display().to_string())
                    .collect()
            })
            .unwrap_or_default();
        files.retain(|f| f.ends_with(".txt"));
        let debug = std::env::var("CLAIMCHECK_PEOPLE_DEBUG").unwrap_or_default();
        files.extend(
            debug
                .split(',')
                .filter(|f| !f.is_empty())
                .map(str::to_string),
        );
        for f in files {
            let Ok(raw) = std::fs::read_to_string(&f) else {
                continue;
            };
            let text = t(&raw);
            let ppl = people(&text);
            let orgs = organisations(&text);
            for p in &ppl {
                assert!(
                    !p.mentions.is_empty() && p.mentions.is_sorted(),
                    "{f}: {p:?}"
                );
                assert!(
                    p.mentions.iter().all(|m| !text.slice(*m).is_empty()),
                    "{f}: {p:?}"
                );
                if !debug.is_empty() {
                    let m: Vec<&str> = p.mentions.iter().map(|m| text.slice(*m)).collect();
                    let r: Vec<_> = p.roles.iter().map(|r| (&r.title, &r.of)).collect();
                    eprintln!("P {} {r:?} {m:?}", p.name);
                }
            }
            for o in &orgs {
                assert!(!o.mentions.is_empty() && !o.name.is_empty(), "{f}: {o:?}");
                if !debug.is_empty() {
                    eprintln!("O {} {:?} {}", o.name, o.aliases, o.mentions.len());
                }
            }
            for q in crate::extract::quotes(&text, &ppl, &orgs) {
                assert!(!text.slice(q.span).is_empty(), "{f}: {q:?}");
                if !debug.is_empty() {
                    eprintln!("Q {:?} <- {:?}", text.slice(q.span), q.speaker);
                }
            }
        }
    }
}
