//! Times each extraction stage over the generated corpus, or over the articles of a folder
//! named by `STAGES_DIR` (real text from `make_corpus.py`), a profiling aid, not a test:
//! `cargo run --release --example stages [extract]`. Instructions on real text:
//! `STAGES_DIR=/tmp/corpus4 STAGES_REPS=1 valgrind --tool=callgrind
//! --toggle-collect='*timed_extract*' target/release/examples/stages extract`.

// only part of the generator is needed here; the benchmarks use the rest
#[allow(dead_code)]
#[path = "../benches/support/generator.rs"]
mod generator;

use std::time::Instant;
fn main() {
    // STAGES_MB sets the corpus size (default 16), STAGES_REPS the extract-only repetitions (4)
    let env = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let arts = match std::env::var("STAGES_DIR") {
        Ok(dir) => read_folder(std::path::Path::new(&dir)),
        Err(_) => generator::generate(env("STAGES_MB", 16) * 1_000_000, 7),
    };
    let mb = arts.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    // `stages extract` times (and lets a profiler see) the whole pipeline alone
    let only_extract = std::env::args().nth(1).as_deref() == Some("extract");
    if only_extract {
        // warm the lazily built automata and patterns outside the measured function
        for a in arts.iter().take(300) {
            karabakh_core::extract::extract_article(a);
        }
        for _ in 0..env("STAGES_REPS", 4) {
            let t = Instant::now();
            let n = timed_extract(&arts);
            println!(
                "extract    {:7.1} MB/s ({n})",
                mb / t.elapsed().as_secs_f64()
            );
        }
        return;
    }
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| karabakh_core::gazetteer::GAZETTEER.find(&a.text).len())
        .sum();
    println!(
        "gazetteer  {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| {
            karabakh_core::extract::layout::layout(&a.text)
                .sentences
                .len()
        })
        .sum();
    println!(
        "layout     {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| karabakh_core::dates::find_dates(&a.text).len())
        .sum();
    println!(
        "dates      {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let n: usize = arts
        .iter()
        .map(|a| karabakh_core::extract::extract_article(a).len())
        .sum();
    println!(
        "extract    {:7.1} MB/s ({n})",
        mb / t.elapsed().as_secs_f64()
    );
}

/// The measured loop, a function of its own so that `valgrind --toggle-collect` can find it.
#[inline(never)]
fn timed_extract(arts: &[karabakh_core::model::Article]) -> usize {
    arts.iter()
        .map(|a| karabakh_core::extract::extract_article(a).len())
        .sum()
}

/// The articles of `folder` as the extractor gets them (unreadable files left out).
fn read_folder(folder: &std::path::Path) -> Vec<karabakh_core::model::Article> {
    match karabakh_core::corpus::list_folder(folder) {
        Ok(listing) => listing.read_articles(karabakh_core::corpus::ReadOptions::default()),
        Err(e) => {
            eprintln!("{e}");
            Vec::new()
        }
    }
}
