//! The command line: `karabakh-atlas [FOLDER]` opens the viewer; `karabakh-atlas extract FOLDER`
//! prints the events of a folder as a table or JSON and writes GeoJSON or CSV for other tools.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use karabakh_core::corpus::ReadOptions;
use karabakh_core::corrections::{self, Corrections};
use karabakh_core::export;
use karabakh_core::gazetteer::GAZETTEER;
use karabakh_core::load::{self, Progress};
use karabakh_core::model::{Dataset, EventKind, iso};

/// The arguments of `karabakh-atlas`.
#[derive(Parser)]
#[command(
    name = "karabakh-atlas",
    version,
    about = "Map and chronology of reported strikes and deployments in the Armenia–Azerbaijan conflict"
)]
pub struct Args {
    /// What to run; without one, the viewer opens.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// Folder of articles to open in the viewer (default: the last folder, else the bundled seeds).
    pub folder: Option<PathBuf>,
}

/// The subcommands.
#[derive(Subcommand)]
pub enum CliCommand {
    /// Extract strikes and deployments from a folder of articles.
    Extract(ExtractArgs),
}

/// The arguments of `extract`.
#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Folder of .txt, .md and .html articles (with an optional articles.csv).
    folder: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// Write the output to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also write the events as GeoJSON points (for QGIS and kepler.gl) to this file.
    #[arg(long)]
    geojson: Option<PathBuf>,
    /// Also write the events as CSV with ACLED-like columns to this file.
    #[arg(long)]
    csv: Option<PathBuf>,
    /// Skip files larger than this many megabytes.
    #[arg(long, default_value_t = 20)]
    max_file_mb: u64,
    /// Show a progress bar on standard error while reading.
    #[arg(long)]
    progress: bool,
    /// Apply an analyst's corrections file (see the README: reject, set, merge); corrected
    /// events carry their original reading in the JSON, GeoJSON and CSV.
    #[arg(long)]
    corrections: Option<PathBuf>,
}

/// Why `extract` failed, and so its exit status.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The folder cannot be read or the arguments are wrong: exit status 2.
    #[error("{0}")]
    Input(String),
    /// An output could not be written: exit status 1.
    #[error(transparent)]
    Output(#[from] anyhow::Error),
}

impl CliError {
    /// The process exit status for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Input(_) => 2,
            Self::Output(_) => 1,
        }
    }
}

/// Runs a subcommand.
pub fn run(command: CliCommand) -> Result<(), CliError> {
    match command {
        CliCommand::Extract(args) => extract(&args),
    }
}

fn extract(args: &ExtractArgs) -> Result<(), CliError> {
    let options = ReadOptions {
        max_file_bytes: args.max_file_mb.saturating_mul(1024 * 1024),
    };
    let progress = Progress::default();
    let finished = AtomicBool::new(false);
    let loaded = std::thread::scope(|scope| {
        if args.progress {
            scope.spawn(|| draw_progress(&progress, &finished));
        }
        let loaded = load::load_folder(&args.folder, options, &progress, false);
        finished.store(true, Ordering::Relaxed);
        loaded
    });
    let mut dataset = loaded.map_err(|e| CliError::Input(e.to_string()))?;
    if let Some(path) = &args.corrections {
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError::Input(format!("cannot read {}: {e}", path.display())))?;
        let file = Corrections::parse(&text, &GAZETTEER)
            .map_err(|e| CliError::Input(format!("{}: {e}", path.display())))?;
        let applied = corrections::apply(&mut dataset.events, &file, &GAZETTEER);
        if !applied.stale.is_empty() {
            let list: Vec<String> = applied
                .stale
                .iter()
                .map(|(n, id)| format!("#{n} ({id})"))
                .collect();
            let n = applied.stale.len();
            eprintln!(
                "{n} {} no longer {} an event (kept in the file): {}",
                if n == 1 { "correction" } else { "corrections" },
                if n == 1 { "matches" } else { "match" },
                list.join(", ")
            );
        }
    }
    if let Some(path) = &args.geojson {
        let geojson = export::to_geojson(&dataset.events);
        write_file(path, &format!("{geojson:#}\n"))?;
    }
    if let Some(path) = &args.csv {
        let text = export::to_csv(&dataset.events).context("cannot write CSV")?;
        write_file(path, &text)?;
    }
    match &args.out {
        Some(path) => {
            let written = std::fs::File::create(path)
                .and_then(|file| write_output(&dataset, args.json, output_buffer(file)));
            written.with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => {
            let out = output_buffer(std::io::stdout().lock());
            // a closed pipe (`extract … | head`) ends the output quietly
            let _ = write_output(&dataset, args.json, out);
        }
    }
    Ok(())
}

/// Writes the JSON document (as it is serialised, never held whole in memory) or the table to
/// `out`, and flushes it. Generic rather than `dyn`, so that the serialiser's many small writes
/// go straight into the buffer.
fn write_output(
    dataset: &Dataset,
    json: bool,
    mut out: impl std::io::Write,
) -> std::io::Result<()> {
    if json {
        export::write_json(dataset, &mut out)?;
        out.write_all(b"\n")?;
    } else {
        out.write_all(to_table(dataset).as_bytes())?;
    }
    out.flush()
}

/// A buffer for the output: 256 KB, so that tens of megabytes of JSON take a few hundred
/// system calls rather than thousands.
fn output_buffer<W: std::io::Write>(out: W) -> std::io::BufWriter<W> {
    std::io::BufWriter::with_capacity(256 * 1024, out)
}

fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Draws the load's progress on standard error until `finished` (indicatif hides it when
/// standard error is not a terminal).
fn draw_progress(progress: &Progress, finished: &AtomicBool) {
    let started = Instant::now();
    let bar = ProgressBar::new_spinner().with_message("listing files");
    let style = ProgressStyle::with_template(
        "{spinner} [{bar:32}] {pos}/{len} files  {msg}  {elapsed}, about {eta} left",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    let mut styled = false;
    while !finished.load(Ordering::Relaxed) {
        let total = progress.total.load(Ordering::Relaxed);
        if total > 0 && !styled {
            bar.set_style(style.clone());
            bar.set_length(total as u64);
            styled = true;
        }
        let done = progress.done.load(Ordering::Relaxed);
        if styled {
            bar.set_position(done as u64);
            let mb = progress.bytes.load(Ordering::Relaxed) as f64 / 1e6;
            let secs = started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(if done == total {
                format!("{mb:.0} MB, merging events")
            } else {
                format!("{mb:.0} MB, {:.0} MB/s", mb / secs)
            });
        }
        bar.tick();
        std::thread::sleep(Duration::from_millis(100));
    }
    bar.finish_and_clear();
    eprintln!(
        "read {} files ({:.1} MB) in {:.1} s",
        progress.done.load(Ordering::Relaxed),
        progress.bytes.load(Ordering::Relaxed) as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
}

/// The dataset as a table of events and a summary.
pub fn to_table(dataset: &Dataset) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<23}  {:<10}  {:<22}  {:<9}  {:<11}  {:>4}  {:>3}",
        "date", "kind", "place", "status", "actor", "conf", "src"
    );
    for e in &dataset.events {
        let date = match e.date {
            Some(d) if d.start == d.end => iso(d.start),
            Some(d) => format!("{}..{}", iso(d.start), iso(d.end)),
            None => "undated".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:<23}  {:<10}  {:<22}  {:<9}  {:<11}  {:>4.2}  {:>3}",
            date,
            e.kind.as_str(),
            truncate(&e.place.name, 22),
            e.status.as_str(),
            e.actor.as_deref().unwrap_or("-"),
            e.confidence,
            e.sources.len()
        );
    }
    let count = |kind: EventKind| dataset.events.iter().filter(|e| e.kind == kind).count();
    let _ = writeln!(
        out,
        "\n{} articles, {} events ({} strikes, {} deployments, {} undated), {} problems",
        dataset.articles.len(),
        dataset.events.len(),
        count(EventKind::Strike),
        count(EventKind::Deployment),
        dataset.undated().len(),
        dataset.problems.len()
    );
    for p in &dataset.problems {
        let _ = writeln!(out, "  problem: {}: {}", p.path, p.problem);
    }
    out
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n - 1).chain(std::iter::once('…')).collect()
    }
}
