//! The bundled seed articles, compiled into the binary so the viewer opens on them however it
//! is launched, and read through the same code as a folder.

use crate::corpus::{self, metadata};
use crate::extract;
use crate::model::{Dataset, Problem};

/// The seed files: (path relative to the seeds folder, contents).
pub const SEED_FILES: &[(&str, &[u8])] = &[
    (
        "000_dcad66cb0b1d9cac.txt",
        include_bytes!("../../seeds/000_dcad66cb0b1d9cac.txt"),
    ),
    (
        "001_80129e08c0ab0c93.txt",
        include_bytes!("../../seeds/001_80129e08c0ab0c93.txt"),
    ),
    (
        "002_0023f9970ac02a19.txt",
        include_bytes!("../../seeds/002_0023f9970ac02a19.txt"),
    ),
    (
        "003_db736940f6b5f4a0.txt",
        include_bytes!("../../seeds/003_db736940f6b5f4a0.txt"),
    ),
    (
        "004_4d1d5ec04f899baa.txt",
        include_bytes!("../../seeds/004_4d1d5ec04f899baa.txt"),
    ),
];

/// The seeds' `articles.csv`.
pub const SEED_CSV: &str = include_str!("../../seeds/articles.csv");

/// The dataset of the bundled seeds (texts kept: they are small).
pub fn dataset() -> Dataset {
    let (csv, mut problems) = metadata::parse_articles_csv(SEED_CSV, "articles.csv");
    let mut dataset = Dataset::default();
    let mut mentions = Vec::new();
    for (path, bytes) in SEED_FILES {
        match corpus::article_from_bytes(bytes, path, csv.get(*path)) {
            Ok((article, note)) => {
                mentions.extend(extract::extract_article(&article));
                problems.extend(note);
                dataset.articles.push(article);
            }
            Err(e) => problems.push(Problem {
                path: (*path).to_owned(),
                problem: e.to_string(),
            }),
        }
    }
    dataset.events = extract::merge(mentions);
    dataset.problems = problems;
    dataset
}

/// The text of a bundled seed article.
pub fn text(path: &str) -> Option<String> {
    let (_, bytes) = SEED_FILES.iter().find(|(p, _)| *p == path)?;
    corpus::article_from_bytes(bytes, path, None)
        .ok()
        .map(|(a, _)| a.text)
}
