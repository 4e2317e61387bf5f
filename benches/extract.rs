//! Extraction speed: MB/s on one thread and on all, for a generated corpus held in memory and
//! for its front-line reports alone (a trigger in most paragraphs), with the one-off cost of
//! building the automata apart. `cargo bench --bench extract -- --mb 64 --seed 7`.

mod support;

use std::time::Instant;

use rayon::prelude::*;

use karabakh_core::model::Article;
use support::{BenchArgs, generator, say};

fn main() {
    let args = BenchArgs::from_env();
    let mb = if args.measuring {
        args.number("mb", 64)
    } else {
        1
    };
    run(mb, args.number("seed", 7) as u64);
}

/// Prints extraction throughput on one core and on all cores, for the mixed corpus and for
/// its front-line reports alone (the worst case: every paragraph holds a trigger).
fn run(mb: usize, seed: u64) {
    let articles = generator::generate(mb * 1_000_000, seed);
    // the automata and patterns are built once per process, on first use: time that apart
    let start = Instant::now();
    karabakh_core::extract::prepare();
    if let Some(a) = articles.first() {
        karabakh_core::extract::extract_article(a);
    }
    say!(
        "building the automata (once per process): {:.2} s",
        start.elapsed().as_secs_f64()
    );
    measure("mixed corpus", &articles, seed);
    let reports: Vec<Article> = articles
        .into_iter()
        .filter(|a| a.text.contains("fighting flares"))
        .collect();
    measure("front-line reports only", &reports, seed);
}

fn measure(label: &str, articles: &[Article], seed: u64) {
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mb_total = bytes as f64 / 1e6;
    say!(
        "{label}: {} articles, {mb_total:.1} MB (generated, seed {seed})",
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
    let events = karabakh_core::extract::merge(
        articles
            .par_iter()
            .flat_map(karabakh_core::extract::extract_article)
            .collect::<Vec<_>>(),
    )
    .len();
    let with_merge = start.elapsed().as_secs_f64();
    say!(
        "1 thread : {single:6.2} s  {:7.1} MB/s  ({one} mentions)",
        mb_total / single
    );
    say!(
        "{} threads: {parallel:6.2} s  {:7.1} MB/s  ({many} mentions, scaling x{:.2})",
        rayon::current_num_threads(),
        mb_total / parallel,
        single / parallel
    );
    say!("extract + merge, all threads: {with_merge:.2} s, {events} events");
}
