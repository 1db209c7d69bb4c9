//! Per-stage and end-to-end benchmarks (see benches/README.md).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --size 1MB --out target/corpus
//! cargo bench --bench pipeline
//! CLAIMCHECK_BENCH_CORPUS=target/corpus/10MB cargo bench --bench pipeline
//! ```

use std::path::PathBuf;
use std::sync::LazyLock;

use claimcheck::{Analysis, ClaimSet, Sources, Text};
use divan::Bencher;
use divan::counter::BytesCount;

// The binary's allocator, so that the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The corpus directory and its claims directory.
fn dirs() -> (PathBuf, PathBuf) {
    let seeds = std::env::var("CLAIMCHECK_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("target/corpus/1MB"));
    let mut claims = seeds.clone().into_os_string();
    claims.push("-claims");
    let claims = PathBuf::from(claims);
    if seeds.join(claimcheck::MANIFEST).is_file() && claims.is_dir() {
        (seeds, claims)
    } else {
        eprintln!(
            "no corpus at {}: benchmarking the seeds instead; make one with \
             `cargo run --release --example gen_corpus -- --size 1MB --out target/corpus`",
            seeds.display()
        );
        (PathBuf::from("seeds"), PathBuf::from("claims"))
    }
}

struct Corpus {
    sources: Sources,
    bytes: usize,
    sets: Vec<ClaimSet>,
    texts: Vec<Text>,
    analyses: Vec<Analysis>,
    /// Every paragraph of every text.
    paragraphs: Vec<String>,
    /// Fact-bearing sentences with their source's publication date.
    sentences: Vec<(String, Option<jiff::civil::Date>)>,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let (seeds, claims) = dirs();
    let (sources, sets) = claimcheck::load(&claims, &seeds).expect("corpus loads");
    let bytes = sources.iter().map(|s| s.text().len()).sum();
    let texts: Vec<Text> = sources.iter().map(claimcheck::normalize).collect();
    let analyses = claimcheck::analyse(&sources);
    let mut paragraphs = Vec::new();
    let mut sentences = Vec::new();
    for t in &texts {
        for p in t.paragraphs() {
            paragraphs.push(t.slice(p.span).to_string());
        }
        for s in t.sentences().iter().filter(|s| s.kind.has_facts()) {
            sentences.push((t.slice(s.span).to_string(), t.published()));
        }
    }
    Corpus {
        sources,
        bytes,
        sets,
        texts,
        analyses,
        paragraphs,
        sentences,
    }
});

fn sentence_bytes() -> usize {
    CORPUS.sentences.iter().map(|(s, _)| s.len()).sum()
}

/// Stage 2: normalization, paragraphs and sentences of every source.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn normalize(b: Bencher) {
    let c = &*CORPUS;
    b.counter(BytesCount::new(c.bytes)).bench(|| {
        c.sources
            .iter()
            .map(|s| claimcheck::normalize(s).sentences().len())
            .sum::<usize>()
    });
}

/// The sentence splitter alone, over every paragraph.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn split_sentences(b: Bencher) {
    let c = &*CORPUS;
    let n: usize = c.paragraphs.iter().map(String::len).sum();
    b.counter(BytesCount::new(n)).bench(|| {
        c.paragraphs
            .iter()
            .map(|p| claimcheck::split_sentences(p).len())
            .sum::<usize>()
    });
}

/// Sentence-level recognizers, each over every fact-bearing sentence.
mod sentence {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn numbers(b: Bencher) {
        b.counter(BytesCount::new(sentence_bytes())).bench(|| {
            CORPUS
                .sentences
                .iter()
                .map(|(s, _)| claimcheck::recognize_numbers(s).len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn quantities(b: Bencher) {
        b.counter(BytesCount::new(sentence_bytes())).bench(|| {
            CORPUS
                .sentences
                .iter()
                .map(|(s, _)| claimcheck::quantities(s).len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn dates(b: Bencher) {
        b.counter(BytesCount::new(sentence_bytes())).bench(|| {
            CORPUS
                .sentences
                .iter()
                .map(|(s, p)| claimcheck::recognize_dates(s, *p).len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn places(b: Bencher) {
        b.counter(BytesCount::new(sentence_bytes())).bench(|| {
            CORPUS
                .sentences
                .iter()
                .map(|(s, _)| claimcheck::find_places(s).len())
                .sum::<usize>()
        });
    }
}

/// Text-level recognizers, over every normalized text.
mod text {
    use super::*;

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn people(b: Bencher) {
        let c = &*CORPUS;
        b.counter(BytesCount::new(c.bytes)).bench(|| {
            c.texts
                .iter()
                .map(|t| claimcheck::people(t).len())
                .sum::<usize>()
        });
    }

    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn organisations(b: Bencher) {
        let c = &*CORPUS;
        b.counter(BytesCount::new(c.bytes)).bench(|| {
            c.texts
                .iter()
                .map(|t| claimcheck::organisations(t).len())
                .sum::<usize>()
        });
    }

    /// Quotes, given the people and organisations found beforehand.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn quotes(b: Bencher) {
        let c = &*CORPUS;
        let found: Vec<_> = c
            .texts
            .iter()
            .map(|t| (claimcheck::people(t), claimcheck::organisations(t)))
            .collect();
        b.counter(BytesCount::new(c.bytes)).bench(|| {
            c.texts
                .iter()
                .zip(&found)
                .map(|(t, (p, o))| claimcheck::quotes(t, p, o).len())
                .sum::<usize>()
        });
    }

    /// Every extractor (`extract`), one thread, on normalized texts.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn extract_all(b: Bencher) {
        let c = &*CORPUS;
        b.counter(BytesCount::new(c.bytes)).bench(|| {
            c.texts
                .iter()
                .map(|t| claimcheck::extract(t).len())
                .sum::<usize>()
        });
    }
}

/// Normalize and extract every source (`analyse`), with 1 and 2 threads.
#[divan::bench(sample_count = 10, sample_size = 1, args = [1, 2])]
fn analyse(b: Bencher, threads: usize) {
    let c = &*CORPUS;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a pool");
    b.counter(BytesCount::new(c.bytes))
        .bench(|| pool.install(|| claimcheck::analyse(&c.sources).len()));
}

/// Every claim against every analysed source, with 1 and 2 threads.
#[divan::bench(sample_count = 10, sample_size = 1, args = [1, 2])]
fn verify(b: Bencher, threads: usize) {
    let c = &*CORPUS;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a pool");
    b.bench(|| {
        pool.install(|| {
            c.sets
                .iter()
                .map(|s| claimcheck::verify(s, &c.analyses).outcomes.len())
                .sum::<usize>()
        })
    });
}

/// The whole run as `claimcheck check` does it (read files, analyse,
/// verify), default thread pool, without rendering.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn end_to_end(b: Bencher) {
    let (seeds, claims) = dirs();
    let c = &*CORPUS;
    b.counter(BytesCount::new(c.bytes)).bench(|| {
        claimcheck::check(&claims, &seeds)
            .map(|r| r.outcomes.len())
            .unwrap_or(0)
    });
}

/// Texts with no sentence break, as tables and pages scraped onto one line
/// come: every extractor works within a sentence, so these are where a step
/// that rescans the sentence for each thing found in it shows. Each shape at
/// two sizes: the throughput of the larger should be about that of the
/// smaller (work linear in the length).
mod long_sentences {
    use super::*;

    /// The words of the seed articles, shaped: `numbers` (figures joined by
    /// commas, `million`, `and`), `capitalised` (every word), `plain` (the
    /// words as they are, punctuation dropped). Deterministic.
    fn text(shape: &str, bytes: usize) -> String {
        let seeds = [
            "seeds/000_8f0059a5e111d940.txt",
            "seeds/004_fd2571bf12f2bee7.txt",
        ]
        .map(|p| std::fs::read_to_string(p).expect("the seed articles"))
        .join(" ");
        let words: Vec<&str> = seeds
            .split(|c: char| c.is_whitespace() || matches!(c, '.' | '!' | '?' | ';'))
            .filter(|w| !w.is_empty())
            .collect();
        let mut out = String::with_capacity(bytes + 32);
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        while out.len() < bytes {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let word = words[(state % words.len() as u64) as usize];
            match shape {
                "numbers" => {
                    out.push_str(&(state % 10u64.pow((state >> 40) as u32 % 9 + 1)).to_string());
                    out.push_str([" ", ", ", " million ", " and "][(state >> 20) as usize % 4]);
                }
                "capitalised" => {
                    let mut chars = word.chars();
                    out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                    out.push_str(chars.as_str());
                    out.push(' ');
                }
                _ => {
                    out.push_str(word);
                    out.push(' ');
                }
            }
        }
        out.push_str(".\n");
        out
    }

    /// Normalize and extract one such text.
    #[divan::bench(sample_count = 5, sample_size = 1, args = ["numbers", "capitalised", "plain"], consts = [25_000, 100_000])]
    fn analyse<const BYTES: usize>(b: Bencher, shape: &str) {
        let published = claimcheck::Published::On(jiff::civil::date(2015, 8, 20));
        let source = claimcheck::Source::from_string("long", published, text(shape, BYTES));
        b.counter(BytesCount::new(BYTES))
            .bench(|| claimcheck::Analysis::of(&source).facts.len());
    }
}
