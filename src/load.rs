//! Folder → [`Dataset`]: list, then read, decode and extract every article in parallel
//! (rayon), reporting progress and honouring cancellation; merge the mentions into events.
//! Used by the CLI and by the viewer's background loader alike.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::corpus::{self, CorpusError, ReadOptions};
use crate::extract;
use crate::model::{Dataset, Problem};

/// Progress of a load, shared with whoever watches it.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files read so far.
    pub done: AtomicUsize,
    /// Files to read (known once the folder is listed).
    pub total: AtomicUsize,
    /// Bytes read so far.
    pub bytes: AtomicUsize,
    /// Set to stop the load early.
    pub cancel: AtomicBool,
}

impl Progress {
    /// Whether cancellation was asked for.
    pub fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Why a load produced no dataset.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The folder itself could not be read.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// The load was cancelled.
    #[error("cancelled")]
    Cancelled,
}

/// Reads and extracts a whole folder. `keep_text` keeps article texts in memory (the viewer
/// re-reads files on demand instead, so large corpora stay small).
pub fn load_folder(
    root: &Path,
    options: ReadOptions,
    progress: &Progress,
    keep_text: bool,
) -> Result<Dataset, LoadError> {
    let listing = corpus::list_folder(root)?;
    progress.total.store(listing.files.len(), Ordering::Relaxed);
    let results: Vec<_> = listing
        .files
        .par_iter()
        .map(|(path, rel)| {
            if progress.cancelled() {
                return None;
            }
            let result = corpus::read_article(path, rel, listing.csv.get(rel), options).map(
                |(mut article, note)| {
                    let mentions = extract::extract_article(&article);
                    progress
                        .bytes
                        .fetch_add(article.text.len(), Ordering::Relaxed);
                    if !keep_text {
                        article.text = String::new();
                    }
                    (article, note, mentions)
                },
            );
            progress.done.fetch_add(1, Ordering::Relaxed);
            Some((rel, result))
        })
        .collect();
    if progress.cancelled() {
        return Err(LoadError::Cancelled);
    }
    let mut dataset = Dataset {
        problems: listing.problems,
        ..Dataset::default()
    };
    let mut mentions = Vec::new();
    for (rel, result) in results.into_iter().flatten() {
        match result {
            Ok((article, note, found)) => {
                dataset.articles.push(article);
                dataset.problems.extend(note);
                mentions.extend(found);
            }
            Err(e) => dataset.problems.push(Problem {
                path: rel.clone(),
                problem: e.to_string(),
            }),
        }
    }
    dataset.problems.sort_by(|a, b| a.path.cmp(&b.path));
    dataset.events = extract::merge(mentions);
    Ok(dataset)
}
