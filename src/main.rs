//! Command line: `karabakh-atlas [FOLDER]` opens the viewer; `extract` prints events;
//! `bench` measures extraction speed on a generated corpus; `generate` writes that corpus.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use karabakh_atlas::corpus::ReadOptions;
use karabakh_atlas::load::{self, Progress};

#[derive(Parser)]
#[command(
    name = "karabakh-atlas",
    version,
    about = "Map and chronology of reported strikes and deployments in the Armenia–Azerbaijan conflict"
)]
struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// Folder of articles to open in the viewer (default: the last folder, else the bundled seeds).
    folder: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Extract strikes and deployments from a folder of articles.
    Extract {
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
    },
    /// Measure extraction speed (MB/s) on a generated corpus.
    Bench {
        /// Megabytes of text to generate.
        #[arg(long, default_value_t = 64)]
        mb: usize,
        /// Seed for the generator.
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
    /// Measure the viewer's CPU time per frame on a synthetic dataset (no window needed).
    BenchUi {
        /// Number of events.
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// Frames to time.
        #[arg(long, default_value_t = 300)]
        frames: usize,
    },
    /// Open a folder in the viewer headless, as a user would, and time the load.
    BenchLoad {
        /// Folder of articles.
        folder: PathBuf,
    },
    /// Write a generated corpus of articles (with articles.csv) into a new folder.
    Generate {
        /// Destination folder (created; must not exist or be empty).
        dir: PathBuf,
        /// Number of articles.
        #[arg(long, default_value_t = 1000)]
        articles: usize,
        /// Seed for the generator.
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Extract {
            folder,
            json,
            out,
            geojson,
            csv,
            max_file_mb,
            progress,
        }) => extract(
            &folder,
            json,
            out,
            Exports { geojson, csv },
            max_file_mb,
            progress,
        ),
        Some(Command::Bench { mb, seed }) => {
            karabakh_atlas::bench::run(mb, seed);
            ExitCode::SUCCESS
        }
        Some(Command::BenchUi { events, frames }) => {
            karabakh_atlas::bench::run_ui(events, frames);
            ExitCode::SUCCESS
        }
        Some(Command::BenchLoad { folder }) => {
            karabakh_atlas::bench::run_load(&folder);
            ExitCode::SUCCESS
        }
        Some(Command::Generate {
            dir,
            articles,
            seed,
        }) => match karabakh_atlas::bench::write_corpus(&dir, articles, seed) {
            Ok(bytes) => {
                println!(
                    "wrote {articles} articles ({:.1} MB) to {}",
                    bytes as f64 / 1e6,
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("karabakh-atlas: {e:#}");
                ExitCode::from(2)
            }
        },
        None => karabakh_atlas::app::run(args.folder),
    }
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

/// Extra files `extract` writes.
struct Exports {
    geojson: Option<PathBuf>,
    csv: Option<PathBuf>,
}

fn write_file(path: &std::path::Path, text: &str) -> bool {
    match std::fs::write(path, text) {
        Ok(()) => true,
        Err(e) => {
            eprintln!("karabakh-atlas: cannot write {}: {e}", path.display());
            false
        }
    }
}

fn extract(
    folder: &std::path::Path,
    json: bool,
    out: Option<PathBuf>,
    exports: Exports,
    max_file_mb: u64,
    show_progress: bool,
) -> ExitCode {
    let options = ReadOptions {
        max_file_bytes: max_file_mb.saturating_mul(1024 * 1024),
    };
    let progress = Progress::default();
    let finished = AtomicBool::new(false);
    let loaded = std::thread::scope(|scope| {
        if show_progress {
            scope.spawn(|| draw_progress(&progress, &finished));
        }
        let loaded = load::load_folder(folder, options, &progress, false);
        finished.store(true, Ordering::Relaxed);
        loaded
    });
    let dataset = match loaded {
        Ok(d) => d,
        Err(e) => {
            eprintln!("karabakh-atlas: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &exports.geojson {
        let geojson = karabakh_atlas::export::to_geojson(&dataset.events);
        if !write_file(path, &format!("{geojson:#}\n")) {
            return ExitCode::from(1);
        }
    }
    if let Some(path) = &exports.csv {
        match karabakh_atlas::export::to_csv(&dataset.events) {
            Ok(text) if write_file(path, &text) => {}
            Ok(_) => return ExitCode::from(1),
            Err(e) => {
                eprintln!("karabakh-atlas: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let text = if json {
        match karabakh_atlas::cli::to_json(&dataset) {
            Ok(t) => t + "\n",
            Err(e) => {
                eprintln!("karabakh-atlas: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        karabakh_atlas::cli::to_table(&dataset)
    };
    match out {
        Some(path) => {
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("karabakh-atlas: cannot write {}: {e}", path.display());
                return ExitCode::from(1);
            }
        }
        None => print!("{text}"),
    }
    ExitCode::SUCCESS
}
