//! The `claimcheck` binary: flags, exit codes and the choice of printer.
//! No pipeline logic lives here; everything goes through the library.
//!
//! Exit codes: 0 every claim holds, 1 some claim does not, 2 the run could
//! not happen (bad input). A closed pipe counts as success.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
    },
    /// Print the facts extracted from one source, with line:column.
    Facts {
        /// Source id from the manifest (or a path to a text file).
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (out, code) = match cli.command {
        Command::Check {
            claims,
            seeds,
            format,
        } => match claimcheck::check(&claims, &seeds) {
            Ok(run) => {
                let text = match format {
                    Format::Human => claimcheck::report::human::render(&run.outcomes),
                    Format::Json => claimcheck::report::json::render(&run.outcomes),
                };
                (text, if run.all_hold() { 0 } else { 1 })
            }
            Err(errors) => return fail(&errors.to_string()),
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

fn fail(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(2)
}

fn facts(source: &str, seeds: &std::path::Path, format: Format) -> Result<String, String> {
    let sources =
        claimcheck::Sources::load(seeds).map_err(|es| claimcheck::Errors(es).to_string())?;
    let Some(src) = sources.get(source) else {
        let known: Vec<&str> = sources.iter().map(|s| s.id().as_str()).collect();
        return Err(format!(
            "error: unknown source `{source}`: expected one of {}",
            known.join(", ")
        ));
    };
    let a = claimcheck::Analysis::of(src);
    Ok(match format {
        Format::Human => claimcheck::report::human::facts(&a, src),
        Format::Json => claimcheck::report::json::facts(&a, src),
    })
}
