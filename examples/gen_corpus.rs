//! Generates a deterministic benchmark corpus from the seed articles.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --size 10MB --out target/corpus
//! cargo run --release --example gen_corpus -- --sources 10000 --out target/corpus
//! claimcheck check --seeds target/corpus/10MB --claims target/corpus/10MB-claims
//! ```
//!
//! Writes `OUT/NAME/` (one article file of a few KB per source and a
//! `sources.toml` manifest listing them) and `OUT/NAME-claims/claims.toml`
//! (1,000 claims by default, `--claims N`). NAME is the size given
//! (`10MB`) or `<N>src`. Sizes are decimal: 1MB = 1,000,000 bytes.
//!
//! Each article is a variation of a seed article: numbers, capitalized names,
//! weekdays and months are replaced, paragraphs and sentences reordered,
//! boilerplate lines (links, share prompts, copyright) mixed in, and a few
//! sentences made from templates added, so that claims built from the same
//! vocabulary find something to support or contradict. The output depends
//! only on the seeds and the options (`--seed N` changes the PRNG seed).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// splitmix64: small, fast, good enough, and stable across platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

const FIRST: &[&str] = &[
    "Ahmed", "Maria", "John", "Elena", "Wei", "Fatima", "Carlos", "Anna", "Sergei", "Priya",
    "David", "Amina", "Hiroshi", "Olga", "Michael", "Nadia", "Rahul", "Laura", "Omar", "Grace",
];
const LAST: &[&str] = &[
    "Khan", "Petrov", "Smith", "Garcia", "Chen", "Ivanova", "Okafor", "Rossi", "Nakamura",
    "Haddad", "Kowalski", "Mehta", "Johnson", "Silva", "Novak", "Andersen", "Rahman", "Dubois",
    "Moreau", "Fischer",
];
const CITIES: &[&str] = &[
    "Islamabad",
    "Moscow",
    "Lahore",
    "Karachi",
    "London",
    "Paris",
    "Berlin",
    "Tokyo",
    "Delhi",
    "Beijing",
    "Cairo",
    "Nairobi",
    "Madrid",
    "Rome",
    "Washington",
    "Ottawa",
    "Canberra",
    "Ankara",
    "Tehran",
    "Kabul",
];
const COUNTRIES: &[&str] = &[
    "Pakistan",
    "Russia",
    "India",
    "China",
    "France",
    "Germany",
    "Japan",
    "Egypt",
    "Kenya",
    "Spain",
    "Italy",
    "Canada",
    "Australia",
    "Turkey",
    "Iran",
    "Brazil",
];
const ORGS: &[&str] = &[
    "Rostec",
    "Reuters",
    "the United Nations",
    "the World Bank",
    "Interpol",
    "Airbus",
    "Gazprom",
    "the Red Cross",
    "Amnesty International",
    "the IMF",
];
const ROLES: &[&str] = &[
    "Defence Minister",
    "Foreign Minister",
    "Prime Minister",
    "President",
    "spokesman",
    "Finance Minister",
    "chief executive",
    "ambassador",
    "army chief",
    "senior analyst",
];
const THINGS: &[&str] = &[
    "helicopters",
    "tanks",
    "aircraft",
    "ships",
    "missiles",
    "people",
    "soldiers",
    "trucks",
    "drones",
    "contracts",
];
const VERBS: &[&str] = &[
    "signed",
    "announced",
    "held",
    "opened",
    "launched",
    "approved",
];
const OBJECTS: &[&str] = &[
    "the agreement",
    "the deal",
    "talks",
    "an inquiry",
    "the summit",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const BOILERPLATE: &[&str] = &[
    "Read more: Officials say talks will continue next week",
    "Follow us on Twitter for the latest updates.",
    "Share this article on Facebook",
    "Copyright 2015 All rights reserved.",
    "Advertisement",
    "Click here to subscribe to our newsletter.",
    "Contact us at newsdesk@example.com",
];

struct Opts {
    seeds: PathBuf,
    out: PathBuf,
    bytes: Option<u64>,
    sources: Option<usize>,
    claims: usize,
    seed: u64,
    name: String,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let up = s.trim().to_ascii_uppercase();
    let (num, mult) = if let Some(n) = up.strip_suffix("GB") {
        (n, 1_000_000_000)
    } else if let Some(n) = up.strip_suffix("MB") {
        (n, 1_000_000)
    } else if let Some(n) = up.strip_suffix("KB") {
        (n, 1_000)
    } else {
        (up.as_str(), 1)
    };
    num.trim()
        .parse::<u64>()
        .map(|n| n * mult)
        .map_err(|_| format!("bad size {s:?}: expected e.g. 10MB"))
}

fn parse_args() -> Result<Opts, String> {
    let mut o = Opts {
        seeds: PathBuf::from("seeds"),
        out: PathBuf::from("target/corpus"),
        bytes: None,
        sources: None,
        claims: 1000,
        seed: 42,
        name: String::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--seeds" => o.seeds = PathBuf::from(val()?),
            "--out" => o.out = PathBuf::from(val()?),
            "--size" => {
                let v = val()?;
                o.bytes = Some(parse_size(&v)?);
                o.name = v;
            }
            "--sources" => {
                let v = val()?;
                o.sources = Some(v.parse().map_err(|_| format!("bad --sources {v:?}"))?);
                o.name = format!("{v}src");
            }
            "--claims" => {
                let v = val()?;
                o.claims = v.parse().map_err(|_| format!("bad --claims {v:?}"))?;
            }
            "--seed" => {
                let v = val()?;
                o.seed = v.parse().map_err(|_| format!("bad --seed {v:?}"))?;
            }
            "--name" => o.name = val()?,
            _ => {
                return Err(format!(
                    "unknown argument {a:?}; usage: gen_corpus (--size 10MB | --sources N) \
                     [--out DIR] [--seeds DIR] [--claims N] [--seed N] [--name NAME]"
                ));
            }
        }
    }
    if o.bytes.is_none() && o.sources.is_none() {
        o.bytes = Some(1_000_000);
        o.name = "1MB".into();
    }
    Ok(o)
}

fn main() {
    let opts = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    if let Err(e) = run(&opts) {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn run(o: &Opts) -> Result<(), String> {
    let seeds =
        claimcheck::Sources::load(&o.seeds).map_err(|es| claimcheck::Errors(es).to_string())?;
    let seed_texts: Vec<String> = seeds.iter().map(|s| s.text().to_string()).collect();
    if seed_texts.is_empty() {
        return Err("no seed articles".into());
    }
    let dir = o.out.join(&o.name);
    let claims_dir = o.out.join(format!("{}-claims", o.name));
    // Start clean: a stale article would be an unlisted file.
    for d in [&dir, &claims_dir] {
        if d.exists() {
            std::fs::remove_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
        }
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let mut rng = Rng(o.seed);
    let mut manifest = String::from("# Generated by examples/gen_corpus.rs; do not edit.\n");
    let mut total: u64 = 0;
    let mut n = 0usize;
    loop {
        let done = match (o.sources, o.bytes) {
            (Some(k), _) => n >= k,
            (None, Some(b)) => total >= b,
            (None, None) => true,
        };
        if done {
            break;
        }
        let base = &seed_texts[n % seed_texts.len()];
        let article = vary(&mut rng, base);
        let id = format!("a{n:06}");
        let file = format!("{id}.txt");
        write(&dir.join(&file), &article)?;
        total += article.len() as u64;
        let published = if rng.chance(15) {
            "unknown".to_string()
        } else {
            format!(
                "{}-{:02}-{:02}",
                2005 + rng.below(20),
                1 + rng.below(12),
                1 + rng.below(28)
            )
        };
        let _ = write!(
            manifest,
            "\n[[source]]\nid = \"{id}\"\nfile = \"{file}\"\noutlet = \"Generated {}\"\npublished = \"{published}\"\n",
            1 + rng.below(20)
        );
        n += 1;
    }
    write(&dir.join(claimcheck::MANIFEST), &manifest)?;
    write(&claims_dir.join("claims.toml"), &claims(&mut rng, o.claims))?;
    eprintln!(
        "wrote {n} articles ({total} bytes) to {} and {} claims to {}",
        dir.display(),
        o.claims,
        claims_dir.display()
    );
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// One article: a varied copy of `base` with template sentences and
/// boilerplate mixed in.
fn vary(rng: &mut Rng, base: &str) -> String {
    let lines: Vec<&str> = base.lines().filter(|l| !l.trim().is_empty()).collect();
    // Keep the head (headline, dateline paragraph) first; shuffle the body.
    let head = lines.len().min(2);
    let mut body: Vec<String> = lines[head..]
        .iter()
        .map(|l| shuffle_sentences(rng, l))
        .collect();
    if rng.chance(70) {
        rng.shuffle(&mut body);
    }
    for _ in 0..(2 + rng.below(5)) {
        let at = rng.below(body.len() + 1);
        body.insert(at, template(rng));
    }
    for _ in 0..rng.below(4) {
        let at = rng.below(body.len() + 1);
        body.insert(at, rng.pick(BOILERPLATE).to_string());
    }
    let mut out = String::new();
    for l in lines[..head].iter() {
        out.push_str(l);
        out.push_str("\n\n");
    }
    for l in &body {
        out.push_str(l);
        out.push_str("\n\n");
    }
    replace_words(rng, &out)
}

/// Reorders the sentences of a paragraph now and then.
fn shuffle_sentences(rng: &mut Rng, para: &str) -> String {
    if !rng.chance(30) {
        return para.to_string();
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let b = para.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'.'
            && b.get(i + 1) == Some(&b' ')
            && b.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        {
            parts.push(&para[start..=i]);
            start = i + 2;
        }
    }
    parts.push(&para[start..]);
    rng.shuffle(&mut parts);
    parts.join(" ")
}

/// A sentence built from the shared vocabulary, so generated claims find
/// facts.
fn template(rng: &mut Rng) -> String {
    let person = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let n = 2 + rng.below(40);
    match rng.below(6) {
        0 => format!(
            "{person}, the {} of {}, said on {} that {} would buy {n} {}.",
            rng.pick(ROLES),
            rng.pick(COUNTRIES),
            rng.pick(WEEKDAYS),
            rng.pick(COUNTRIES),
            rng.pick(THINGS)
        ),
        1 => format!(
            "The agreement was {} in {} on {}, officials said.",
            rng.pick(VERBS),
            rng.pick(CITIES),
            rng.pick(WEEKDAYS)
        ),
        2 => format!(
            "At least {n} {} were reported in {} on {} {}, according to {}.",
            rng.pick(THINGS),
            rng.pick(CITIES),
            rng.pick(MONTHS),
            1 + rng.below(28),
            rng.pick(ORGS)
        ),
        3 => format!(
            "\"We will not accept {} on these terms,\" {person} told reporters in {}.",
            rng.pick(OBJECTS),
            rng.pick(CITIES)
        ),
        4 => format!(
            "{} {} {} with {} in {} {}.",
            rng.pick(COUNTRIES),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(COUNTRIES),
            rng.pick(MONTHS),
            2005 + rng.below(20)
        ),
        _ => format!(
            "{} {person} said the {} had grown by {n} per cent since {}.",
            rng.pick(ROLES),
            rng.pick(THINGS),
            2000 + rng.below(20)
        ),
    }
}

/// Replaces digits, weekdays, months and some capitalized words.
fn replace_words(rng: &mut Rng, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<(String, String)> = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c.is_ascii_digit() {
            let len = rest
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len());
            let digits = &rest[..len];
            if len == 4 && (digits.starts_with("19") || digits.starts_with("20")) {
                let _ = write!(out, "{}", 1995 + rng.below(30));
            } else if len <= 9 && rng.chance(60) {
                // Another number with as many digits, no leading zero.
                let lo = 10u64.pow(len as u32 - 1);
                let v = lo + rng.next() % (9 * lo);
                let _ = write!(out, "{}", if len == 1 { 1 + v % 9 } else { v });
            } else {
                out.push_str(digits);
            }
            rest = &rest[len..];
        } else if c.is_alphabetic() {
            let len = rest
                .find(|c: char| !c.is_alphanumeric() && c != '\'')
                .unwrap_or(rest.len());
            let word = &rest[..len];
            rest = &rest[len..];
            if WEEKDAYS.contains(&word) {
                out.push_str(rng.pick(WEEKDAYS));
            } else if MONTHS.contains(&word) && word != "May" {
                out.push_str(rng.pick(MONTHS));
            } else if c.is_uppercase()
                && word.len() >= 4
                && word.chars().skip(1).all(char::is_lowercase)
            {
                if let Some((_, to)) = map.iter().find(|(from, _)| from == word) {
                    out.push_str(to);
                } else {
                    let to = if rng.chance(25) {
                        match rng.below(3) {
                            0 => rng.pick(LAST).to_string(),
                            1 => rng.pick(CITIES).to_string(),
                            _ => rng.pick(COUNTRIES).to_string(),
                        }
                    } else {
                        word.to_string()
                    };
                    out.push_str(&to);
                    map.push((word.to_string(), to));
                }
            } else {
                out.push_str(word);
            }
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The claims file: aliases and `count` compact claims over the vocabulary.
fn claims(rng: &mut Rng, count: usize) -> String {
    let mut s = String::from(
        "# Generated by examples/gen_corpus.rs; do not edit.\n\n[aliases]\n\
         agreement = [\"deal\", \"accord\", \"pact\"]\n\
         \"United States\" = [\"US\", \"U.S.\", \"USA\"]\n\n[claims]\n",
    );
    for i in 0..count {
        let stmt = match rng.below(100) {
            0..=19 => format!(
                "{} count {} {}",
                singular(rng.pick(THINGS)),
                rng.pick(&["=", ">=", "~", "<"]),
                2 + rng.below(40)
            ),
            20..=34 => format!("{} in {}", rng.pick(VERBS), rng.pick(CITIES)),
            35..=44 => format!("{} on {}", rng.pick(VERBS), rng.pick(WEEKDAYS)),
            45..=49 => format!(
                "{} in {} {}",
                rng.pick(VERBS),
                rng.pick(MONTHS),
                2005 + rng.below(20)
            ),
            50..=64 => format!(
                "{} {} is {}",
                rng.pick(FIRST),
                rng.pick(LAST),
                rng.pick(ROLES)
            ),
            65..=69 => format!(
                "{} {} said \"will not accept {}\"",
                rng.pick(FIRST),
                rng.pick(LAST),
                rng.pick(OBJECTS)
            ),
            70..=79 => format!("{} will buy {}", rng.pick(COUNTRIES), rng.pick(THINGS)),
            80..=89 => format!("mentions {}", rng.pick(ORGS).trim_start_matches("the ")),
            90..=98 => format!("contains \"{} {}\"", rng.pick(VERBS), rng.pick(OBJECTS)),
            _ => format!("matches /{}-[0-9]+/", rng.pick(&["Mi", "Su", "JF"])),
        };
        let _ = writeln!(s, "c{i:04} = '{stmt}'");
    }
    s
}

fn singular(w: &str) -> &str {
    match w {
        "people" => "people",
        "aircraft" => "aircraft",
        _ => w.strip_suffix('s').unwrap_or(w),
    }
}
