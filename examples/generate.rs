//! Writes a generated corpus of articles (with `articles.csv` and front matter) into a new
//! folder: `cargo run --release --example generate -- DIR [ARTICLES] [SEED]`.

// only part of the generator is needed here; the benchmarks use the rest
#[allow(dead_code)]
#[path = "../benches/support/generator.rs"]
mod generator;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: generate DIR [ARTICLES (1000)] [SEED (7)]");
        return ExitCode::from(2);
    };
    let number = |text: Option<String>, default: u64| text.map_or(Ok(default), |t| t.parse());
    let (Ok(articles), Ok(seed)) = (number(args.next(), 1000), number(args.next(), 7)) else {
        eprintln!("generate: ARTICLES and SEED are whole numbers");
        return ExitCode::from(2);
    };
    let articles = usize::try_from(articles).unwrap_or(usize::MAX);
    match generator::write_corpus(&dir, articles, seed) {
        Ok(bytes) => {
            println!(
                "wrote {articles} articles ({:.1} MB) to {}",
                bytes as f64 / 1e6,
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate: {e:#}");
            ExitCode::from(2)
        }
    }
}
