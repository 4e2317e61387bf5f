//! Extraction speed, real text first: `cargo bench --bench extract -- FOLDER` reads a folder of
//! articles (make one of real reporting with `python3 ../shared/eval/make_corpus.py DIR 50`),
//! then prints the one-off start-up cost, MB/s on one thread and on all, and, as a reference,
//! how fast `grep -c -i -E` runs over the same files with every gazetteer spelling. After that
//! come the same figures for a generated corpus (`--mb 64 --seed 7`), labelled as such, and for
//! its front-line reports alone. Without a folder only the generated corpus is measured.

mod support;

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use karabakh_core::corpus::{ReadOptions, list_folder};
use karabakh_core::model::Article;
use support::{BenchArgs, generator, say};

/// The allocator of the shipped binary (`src/main.rs`), so that the figures are its figures.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    let args = BenchArgs::from_env();
    // the automata and tables are built once per process, on first use: time that apart
    let start = Instant::now();
    karabakh_core::extract::prepare();
    say!(
        "start-up (gazetteer, automata, date patterns; once per process): {:.3} s",
        start.elapsed().as_secs_f64()
    );
    // a smoke run (`cargo test`) reads the bundled seeds and generates 1 MB
    let folder = match (args.positional(), args.measuring) {
        (Some(folder), _) => Some(PathBuf::from(folder)),
        (None, false) => Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds")),
        (None, true) => None,
    };
    match &folder {
        Some(folder) => real_text(folder),
        None => say!(
            "no folder given: real text not measured (`cargo bench --bench extract -- DIR`, DIR from make_corpus.py)"
        ),
    }
    let mb = if args.measuring {
        args.number("mb", 64)
    } else {
        1
    };
    generated(mb, args.number("seed", 7) as u64);
}

/// Reads `folder`, measures extraction on its articles and `grep` on its files.
fn real_text(folder: &Path) {
    let start = Instant::now();
    let listing = match list_folder(folder) {
        Ok(listing) => listing,
        Err(e) => {
            say!("{e}");
            return;
        }
    };
    let listed = start.elapsed().as_secs_f64();
    let articles: Vec<Article> = listing.read_articles(ReadOptions::default());
    say!(
        "{}: {} files listed in {listed:.2} s (one thread, articles.csv read), {} articles read and decoded in {:.2} s",
        folder.display(),
        listing.files.len(),
        articles.len(),
        start.elapsed().as_secs_f64() - listed
    );
    measure("real text", &articles);
    grep_reference(folder, &listing.files);
}

/// `grep -c -i -E` over the files with every gazetteer spelling, the floor any search of these
/// names over the same bytes could hope for. Median of three runs.
fn grep_reference(folder: &Path, files: &[(PathBuf, String)]) {
    let bytes: u64 = files
        .iter()
        .filter_map(|(path, _)| std::fs::metadata(path).ok())
        .map(|m| m.len())
        .sum();
    let g = &*karabakh_core::gazetteer::GAZETTEER;
    let mut names: Vec<String> = g
        .entries
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(&e.alt_names))
        .map(|n| ere_escape(n))
        .collect();
    names.sort();
    names.dedup();
    let patterns =
        std::env::temp_dir().join(format!("karabakh-bench-names-{}", std::process::id()));
    if std::fs::write(&patterns, names.join("\n")).is_err() {
        say!("grep reference: cannot write the pattern file");
        return;
    }
    let mut times = Vec::new();
    for _ in 0..3 {
        let start = Instant::now();
        let status = std::process::Command::new("grep")
            .args(["-c", "-i", "-E", "-r", "-f"])
            .arg(&patterns)
            .arg(folder)
            .stdout(std::process::Stdio::null())
            .status();
        match status {
            // 0: lines matched, 1: none did
            Ok(s) if matches!(s.code(), Some(0 | 1)) => times.push(start.elapsed().as_secs_f64()),
            _ => {
                say!("grep reference: grep did not run");
                break;
            }
        }
    }
    let _ = std::fs::remove_file(&patterns);
    times.sort_by(f64::total_cmp);
    if let Some(&median) = times.get(times.len() / 2) {
        say!(
            "reference: grep -c -i -E -r over {} spellings, one process: {median:6.2} s  {:7.1} MB/s",
            names.len(),
            bytes as f64 / 1e6 / median
        );
    }
}

/// `text` as a POSIX extended regular expression matching it literally.
fn ere_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if r"\.[]()*+?{}|^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Prints extraction throughput for a generated corpus and for its front-line reports alone
/// (every paragraph holds a trigger).
fn generated(mb: usize, seed: u64) {
    let articles = generator::generate(mb * 1_000_000, seed);
    measure(&format!("generated mixed corpus (seed {seed})"), &articles);
    let reports: Vec<Article> = articles
        .into_iter()
        .filter(|a| a.text.contains("fighting flares"))
        .collect();
    measure(
        &format!("generated front-line reports only (seed {seed})"),
        &reports,
    );
}

fn measure(label: &str, articles: &[Article]) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mb_total = bytes as f64 / 1e6;
    say!(
        "{label}: {} articles, {mb_total:.1} MB in memory",
        articles.len()
    );
    // median of three runs: this machine's timings vary by tens of percent from run to run
    let median = |run: &dyn Fn() -> usize| {
        let mut times = Vec::new();
        let mut count = 0;
        for _ in 0..3 {
            let start = Instant::now();
            count = run();
            times.push(start.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        (times.get(1).copied().unwrap_or_default(), count)
    };
    let (single, one) = median(&|| {
        articles
            .iter()
            .map(|a| karabakh_core::extract::extract_article(a).len())
            .sum()
    });
    let (parallel, many) = median(&|| {
        articles
            .par_iter()
            .map(|a| karabakh_core::extract::extract_article(a).len())
            .sum()
    });
    let start = Instant::now();
    let mentions: Vec<_> = articles
        .par_iter()
        .flat_map(karabakh_core::extract::extract_article)
        .collect();
    let events = karabakh_core::extract::merge(mentions).len();
    let with_merge = start.elapsed().as_secs_f64();
    say!(
        "  1 thread : {single:6.2} s  {:7.1} MB/s  ({one} mentions)",
        mb_total / single
    );
    say!(
        "  {} threads: {parallel:6.2} s  {:7.1} MB/s  ({many} mentions, scaling x{:.2})",
        rayon::current_num_threads(),
        mb_total / parallel,
        single / parallel
    );
    say!("  extract + merge, all threads: {with_merge:.2} s, {events} events");
}
