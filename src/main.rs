//! The `claimcheck` binary: flags, exit codes and the choice of printer.
//! No pipeline logic lives here; everything goes through the library.
//!
//! Exit codes: 0 every claim holds, 1 some claim does not, 2 the run could
//! not happen (bad input). A closed pipe counts as success.
//!
//! `check --locked` also fails (1) when a fact or verdict moved since the
//! lock file, or the lock or snapshots hold orphans; a missing or unreadable
//! lock file is bad input (2). `diff` exits 0 when no fact or verdict moved,
//! 1 when one did; `lock` exits 0 after writing the lock file.

use std::io::{IsTerminal as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

#[derive(Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Check factual claims against their news sources"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Verify every claim against every source.
    Check {
        /// Directory of claims files (*.toml).
        #[arg(long, default_value = "claims")]
        claims: PathBuf,
        /// Directory of sources with their sources.toml manifest.
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Also fail when a source's facts or a claim's verdict moved since
        /// the lock file, or when the lock or snapshots hold orphans.
        #[arg(long)]
        locked: bool,
        /// The lock file (default: `<seeds>/claimcheck.lock`).
        #[arg(long)]
        lock: Option<PathBuf>,
        /// Snapshot directory scanned for orphans with `--locked`.
        #[arg(long, default_value = "tests/snapshots")]
        snapshots: PathBuf,
        /// Worker threads (default: one per core). Output is the same for
        /// any count.
        #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
        threads: Option<u16>,
        /// Where extracted facts are cached between runs, so unchanged
        /// sources are not extracted again.
        #[arg(long, default_value_os_t = claimcheck::FactsCache::default_dir())]
        cache: PathBuf,
        /// Extract every source again; neither read nor write the cache.
        #[arg(long)]
        no_cache: bool,
        /// Keep each claim's verdicts in a temporary file (in `$TMPDIR`)
        /// rather than in memory until the report is written: for archive
        /// runs whose verdicts would not fit (a thousand claims over 100 MB
        /// of articles: 0.16 GB in memory, packed, 0.1 GB with this), in
        /// about 1.5 times the time. Not with `--locked`.
        #[arg(long)]
        low_memory: bool,
    },
    /// Record the current facts and verdicts of every source in the lock
    /// file, accepting what moved.
    Lock {
        /// Directory of claims files (*.toml).
        #[arg(long, default_value = "claims")]
        claims: PathBuf,
        /// Directory of sources with their sources.toml manifest.
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// The lock file (default: `<seeds>/claimcheck.lock`).
        #[arg(long)]
        lock: Option<PathBuf>,
        /// Where extracted facts are cached between runs (as for `check`).
        #[arg(long, default_value_os_t = claimcheck::FactsCache::default_dir())]
        cache: PathBuf,
        /// Extract every source again; neither read nor write the cache.
        #[arg(long)]
        no_cache: bool,
    },
    /// Semantic diff of two versions of a source: facts added, removed and
    /// changed, claims whose verdict moved, changed sentences word by word.
    Diff {
        /// The old version (a text file).
        old: PathBuf,
        /// The new version (a text file).
        new: PathBuf,
        /// Source id for claims and relative dates (default: the manifest
        /// entry whose file is NEW's or OLD's file name, else NEW's stem).
        #[arg(long)]
        source: Option<String>,
        /// Publication date (YYYY-MM-DD) when the manifest does not give one.
        #[arg(long)]
        published: Option<String>,
        /// Directory of claims files (skipped when missing).
        #[arg(long, default_value = "claims")]
        claims: PathBuf,
        /// Directory with the sources.toml manifest (skipped when unreadable).
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
    },
    /// Print the facts extracted from one source, with line:column.
    Facts {
        /// Source id from the manifest, or a path to a text file (its
        /// manifest entry gives its date; a file not in the manifest has none).
        source: String,
        /// Directory of sources with their sources.toml manifest.
        #[arg(long, default_value = "seeds")]
        seeds: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
    /// JUnit XML (check only; `facts` prints human text).
    Junit,
    /// GitHub Actions annotations (check only; `facts` prints human text).
    Github,
}

/// Has mimalloc give memory back to the system as soon as it is freed,
/// rather than a second later: a `--low-memory` run frees each chunk's
/// verdicts on another thread than the one that made them, and with the
/// delay a 100 MB run peaks at 240 MB instead of 150 MB, for about 6% more
/// wall time.
fn purge_at_once() {
    // `mi_option_purge_delay` (milliseconds; 1,000 in the mimalloc the
    // crate builds): the options are not exported as constants. The
    // neighbouring options default to 0 or 1, so a smaller value means the
    // numbering moved, and nothing is set.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // SAFETY: mimalloc's options are integers read and written without
    // synchronisation; this runs on the main thread before any worker
    // thread is started, and reads and writes one option.
    unsafe {
        if libmimalloc_sys::mi_option_get(PURGE_DELAY) >= 10 {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
        }
    }
}

// The run makes and frees millions of small allocations (facts, evidence,
// per-source indexes), from two threads at once.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Check {
        low_memory: true, ..
    } = &cli.command
    {
        purge_at_once();
    }
    let (out, code) = match cli.command {
        Command::Check {
            claims,
            seeds,
            format,
            locked,
            lock,
            snapshots,
            threads,
            cache,
            no_cache,
            low_memory,
        } => match with_threads(threads, || {
            let cache = (!no_cache).then(|| claimcheck::FactsCache::new(cache));
            let bar = Bar::new();
            // Only the lock comparison needs every source's facts. The
            // reports written claim by claim unpack each claim's verdicts
            // as they go, or, with `--low-memory`, read them back from a
            // temporary file: an archive's verdicts can be many times the
            // size of its articles.
            let keep = match (locked, low_memory) {
                (true, _) => claimcheck::Keep::LockViews,
                (false, false) => claimcheck::Keep::Packed,
                (false, true) => claimcheck::Keep::Spilled,
            };
            let run = claimcheck::check_with(&claims, &seeds, cache.as_ref(), keep, &bar);
            bar.bar.finish_and_clear();
            let run = run.map_err(|errors| errors.to_string())?;
            let report = if locked {
                let path = lock.unwrap_or_else(|| seeds.join(claimcheck::LOCK_FILE));
                match claimcheck::Lock::load(&path) {
                    Ok(l) => Some(claimcheck::lock::compare(&l, &path, &run, Some(&snapshots))),
                    Err(e) => {
                        return Err(format!(
                            "{e}\nhint: create the lock file with `claimcheck lock`"
                        ));
                    }
                }
            } else {
                None
            };
            let r = report.as_ref();
            let ok = run.all_hold() && r.is_none_or(claimcheck::LockReport::ok);
            let code = if ok { 0 } else { 1 };
            // The reports that can be archive-sized are written as they
            // are made, in the same pool as the run.
            let stream = |write: &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>| {
                let mut out = std::io::BufWriter::new(std::io::stdout().lock());
                match write(&mut out).and_then(|()| out.flush()) {
                    Ok(()) => Ok((String::new(), code)),
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok((String::new(), 0)),
                    Err(e) => Err(format!("error: cannot write output: {e}")),
                }
            };
            // The outcomes, packed, spilled or whole.
            let outcomes = run.report_outcomes();
            let result = match (format, r) {
                (Format::Human, None) => {
                    stream(&|w| claimcheck::report::human::write_outcomes(outcomes, w))
                }
                (Format::Json, None) => {
                    stream(&|w| claimcheck::report::json::write_outcomes(outcomes, w))
                }
                (Format::Human, Some(r)) => {
                    let mut t = claimcheck::report::human::render(&run.outcomes);
                    t.push_str(&claimcheck::lock::render(r));
                    Ok((t, code))
                }
                (Format::Json, Some(r)) => {
                    Ok((claimcheck::report::json_locked(&run.outcomes, r), code))
                }
                (Format::Junit, r) => {
                    stream(&|w| claimcheck::report::junit::write_outcomes(outcomes, r, w))
                }
                (Format::Github, r) => claimcheck::report::github::render_outcomes(outcomes, r)
                    .map(|t| (t, code))
                    .map_err(|e| format!("error: cannot read back the outcomes: {e}")),
            };
            // The process ends once the result is printed: freeing the run's
            // millions of small allocations one by one would only delay it
            // (0.4 to 0.8 s on a 10 MB archive). The memory goes back to the
            // system at exit.
            drop(report);
            std::mem::forget(run);
            result
        }) {
            Ok(done) => done,
            Err(msg) => return fail(&msg),
        },
        Command::Lock {
            claims,
            seeds,
            lock,
            cache,
            no_cache,
        } => {
            let cache = (!no_cache).then(|| claimcheck::FactsCache::new(cache));
            let bar = Bar::new();
            let run = claimcheck::check_with(
                &claims,
                &seeds,
                cache.as_ref(),
                claimcheck::Keep::LockViews,
                &bar,
            );
            bar.bar.finish_and_clear();
            match run {
                Ok(run) => {
                    let path = lock.unwrap_or_else(|| seeds.join(claimcheck::LOCK_FILE));
                    let mut text = String::new();
                    // The old lock is compared and dropped before the new
                    // one is made: an archive's locks are large.
                    if let Ok(old) = claimcheck::Lock::load(&path) {
                        let r = claimcheck::lock::compare(&old, &path, &run, None);
                        text.push_str("accepting what moved since the previous lock:");
                        text.push_str(&claimcheck::lock::render_changes(&r));
                    }
                    let new = claimcheck::Lock::of(&run);
                    if let Err(e) = new.save(&path) {
                        return fail(&format!("error: {e}"));
                    }
                    text.push_str(&format!(
                        "wrote {} ({} sources)\n",
                        path.display(),
                        new.sources().len()
                    ));
                    (text, 0)
                }
                Err(errors) => return fail(&errors.to_string()),
            }
        }
        Command::Diff {
            old,
            new,
            source,
            published,
            claims,
            seeds,
        } => match diff(&old, &new, source, published, &claims, &seeds) {
            Ok((text, moved)) => (text, if moved { 1 } else { 0 }),
            Err(msg) => return fail(&msg),
        },
        Command::Facts {
            source,
            seeds,
            format,
        } => match facts(&source, &seeds, format) {
            Ok(text) => (text, 0),
            Err(msg) => return fail(&msg),
        },
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::from(code),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("error: cannot write output: {e}")),
    }
}

/// Runs `f` in a pool of `threads` workers (the default pool when `None`).
fn with_threads<T: Send>(threads: Option<u16>, f: impl FnOnce() -> T + Send) -> T {
    match threads.map(|n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(n))
            .build()
    }) {
        Some(Ok(pool)) => pool.install(f),
        // No pool could be made: the default one does the same work.
        _ => f(),
    }
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(2)
}

fn facts(source: &str, seeds: &std::path::Path, format: Format) -> Result<String, String> {
    let path = std::path::Path::new(source);
    let manifest = claimcheck::Sources::load(seeds);
    let src = match &manifest {
        Ok(sources) => sources.get(source),
        Err(_) => None,
    };
    let from_file;
    let src = match src {
        Some(src) => src,
        // A file: its manifest entry (for its date) when it has one, else
        // the file alone, whose relative dates stay unresolved.
        None if path.is_file() => {
            let same = |s: &&claimcheck::Source| {
                std::fs::canonicalize(s.path()).ok() == std::fs::canonicalize(path).ok()
            };
            match manifest.as_ref().ok().and_then(|m| m.iter().find(same)) {
                Some(entry) => entry,
                None => {
                    let id = path
                        .file_stem()
                        .map_or_else(|| "source".into(), |s| s.to_string_lossy().into_owned());
                    let text = read_article(path)?;
                    from_file = claimcheck::Source::from_file(
                        &id,
                        path,
                        claimcheck::Published::Unknown,
                        text,
                    );
                    &from_file
                }
            }
        }
        None => {
            return Err(match manifest {
                Ok(sources) => {
                    let known: Vec<&str> = sources.iter().map(|s| s.id().as_str()).collect();
                    format!(
                        "error: unknown source `{source}`: expected a file or one of {}",
                        known.join(", ")
                    )
                }
                Err(es) => claimcheck::Errors(es).to_string(),
            });
        }
    };
    let a = claimcheck::Analysis::of(src);
    Ok(match format {
        Format::Json => claimcheck::report::json::facts(&a, src),
        Format::Human | Format::Junit | Format::Github => claimcheck::report::human::facts(&a, src),
    })
}

/// Reads an article named on the command line, with the limits of a
/// manifest's sources: at most [`claimcheck::MAX_SOURCE_BYTES`], text.
fn read_article(path: &std::path::Path) -> Result<String, String> {
    let fail = |e: &dyn std::fmt::Display| format!("error: {}: {e}", path.display());
    let len = std::fs::metadata(path).map_err(|e| fail(&e))?.len();
    if len > claimcheck::MAX_SOURCE_BYTES {
        return Err(fail(&format_args!(
            "file is {len} bytes: expected an article of at most {} bytes",
            claimcheck::MAX_SOURCE_BYTES
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(&e))?;
    claimcheck::decode_article(&bytes).map_err(|e| fail(&e))
}

/// `claimcheck diff OLD NEW`: the text and whether a fact or verdict moved.
fn diff(
    old: &std::path::Path,
    new: &std::path::Path,
    source: Option<String>,
    published: Option<String>,
    claims: &std::path::Path,
    seeds: &std::path::Path,
) -> Result<(String, bool), String> {
    let (old_text, new_text) = (read_article(old)?, read_article(new)?);
    let manifest = claimcheck::Sources::load(seeds).ok();
    let name = |p: &std::path::Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let entry = manifest.as_ref().and_then(|m| match &source {
        Some(id) => m.get(id),
        None => m
            .iter()
            .find(|s| s.file() == name(new) || s.file() == name(old)),
    });
    let id = source
        .or_else(|| entry.map(|e| e.id().to_string()))
        .unwrap_or_else(|| {
            new.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "source".into())
        });
    let published = match published {
        Some(p) => claimcheck::Published::On(
            p.parse()
                .map_err(|_| format!("error: invalid date {p:?}: expected YYYY-MM-DD"))?,
        ),
        None => entry.map_or(claimcheck::Published::Unknown, |e| e.published_state()),
    };
    let sets = if claims.is_dir() {
        claimcheck::ClaimSet::load_dir(claims).map_err(|es| claimcheck::Errors(es).to_string())?
    } else {
        Vec::new()
    };
    let a = claimcheck::Source::from_string(&id, published, old_text);
    let b = claimcheck::Source::from_string(&id, published, new_text);
    let d = claimcheck::diff::diff_sources(&a, &b, &sets);
    let text = format!(
        "--- {}\n+++ {}\nsource {id}, published {published}\n{}",
        old.display(),
        new.display(),
        claimcheck::diff::render(&d)
    );
    Ok((text, !d.no_fact_moved()))
}

/// A progress bar on stderr for long runs: it appears only when stderr is a
/// terminal and the run has taken longer than [`Bar::DELAY`], and is
/// cleared at the end. Reports on stdout are never touched.
struct Bar {
    bar: ProgressBar,
    started: std::time::Instant,
    /// Already shown, or never to be (stderr is not a terminal).
    settled: AtomicBool,
}

impl Bar {
    const DELAY: std::time::Duration = std::time::Duration::from_millis(300);

    fn new() -> Bar {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden());
        if let Ok(style) = ProgressStyle::with_template("{msg:18} [{bar:30}] {pos}/{len} {eta}") {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar {
            bar,
            started: std::time::Instant::now(),
            settled: AtomicBool::new(!std::io::stderr().is_terminal()),
        }
    }

    fn show_if_slow(&self) {
        if !self.settled.load(Ordering::Relaxed)
            && self.started.elapsed() >= Bar::DELAY
            && !self.settled.swap(true, Ordering::Relaxed)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    }
}

impl claimcheck::Progress for Bar {
    fn stage(&self, name: &'static str, total: usize) {
        self.bar.set_message(name);
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.bar.reset_eta();
        self.show_if_slow();
    }

    fn advance(&self, n: usize) {
        self.bar.inc(n as u64);
        self.show_if_slow();
    }

    fn done(&self) {}
}
