//! Folder → [`Dataset`]: list, then read, decode and extract every article in parallel
//! (rayon), reporting progress and honouring cancellation; merge the mentions into events.
//! A [`LoadedFolder`] keeps each file's mentions so that, when files change, only those are
//! read again ([`LoadedFolder::update`]). Used by the CLI and by the viewer alike.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::corpus::metadata::CsvEntry;
use crate::corpus::{self, CorpusError, ReadOptions};
use crate::extract::{self, Mention};
use crate::model::{Article, Dataset, Problem};

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

/// What one file gave.
#[derive(Clone, Debug)]
enum Outcome {
    /// The article (text dropped unless kept), a caveat, and its event mentions.
    Read(Article, Option<Problem>, Vec<Mention>),
    /// Why it could not be read.
    Failed(Problem),
}

/// A folder read once, with what every file gave, ready to take changes.
#[derive(Debug)]
pub struct LoadedFolder {
    root: PathBuf,
    options: ReadOptions,
    keep_text: bool,
    /// Problems of the listing itself (loops, skipped file types, bad CSV rows).
    listing_problems: Vec<Problem>,
    csv: FxHashMap<String, CsvEntry>,
    /// Relative paths in listing order.
    order: Vec<String>,
    files: HashMap<String, Outcome>,
}

/// What an update did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UpdateSummary {
    /// Files read again (new or changed).
    pub reread: usize,
    /// Files gone since the last read.
    pub removed: usize,
}

/// A thread pool for reading folders: four reads in flight per core, at the lowest priority.
/// Four rather than eight: as fast with a cold cache on 107,000 files (12.6 s against 13.2 s
/// here), and with eight the viewer's frames sometimes waited 45-70 ms during a load (sixteen
/// threads on two cores share the allocator's arenas with the UI thread).
fn reading_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        rayon::ThreadPoolBuilder::new()
            .num_threads((cores * 4).clamp(4, 32))
            .thread_name(|i| format!("reader-{i}"))
            // below the UI thread: a viewer stays responsive while a folder loads; with nothing
            // else to run (the CLI), the readers have the cores to themselves anyway. Where the
            // system refuses, they keep the normal priority.
            .start_handler(|_| {
                let _ = thread_priority::set_current_thread_priority(
                    thread_priority::ThreadPriority::Min,
                );
            })
            .build()
            .ok()
    })
    .as_ref()
}

/// Reads and extracts a whole folder. `keep_text` keeps article texts in memory (the viewer
/// re-reads files on demand instead, so large corpora stay small).
pub fn load_folder(
    root: &Path,
    options: ReadOptions,
    progress: &Progress,
    keep_text: bool,
) -> Result<Dataset, LoadError> {
    // the extractor's automata build while the folder is listed and read
    std::thread::spawn(extract::prepare);
    // no table of files kept for updates: outcomes go to the dataset in listing order
    let listing = corpus::list_folder(root)?;
    let all: Vec<&(PathBuf, String)> = listing.files.iter().collect();
    let read = read_files(&all, &listing.csv, options, keep_text, progress)?;
    Ok(assemble(
        listing.problems,
        read.into_iter().flatten().map(|(_, outcome)| outcome),
    ))
}

/// Reads and extracts `files` in parallel, in their order; `None` for files skipped after a
/// cancel (the whole read is then `Cancelled`).
fn read_files(
    files: &[&(PathBuf, String)],
    csv: &FxHashMap<String, CsvEntry>,
    options: ReadOptions,
    keep_text: bool,
    progress: &Progress,
) -> Result<Vec<Option<(String, Outcome)>>, LoadError> {
    progress.total.store(files.len(), Ordering::Relaxed);
    let read_one = |(path, rel): &&(PathBuf, String)| {
        if progress.cancelled() {
            return None;
        }
        let outcome = match corpus::read_article(path, rel, csv.get(rel), options) {
            Ok((mut article, mut note)) => {
                // an article in another language is listed, not read for events
                let other_language = corpus::language::not_english(&article.text);
                let mentions = match other_language {
                    Some(why) => {
                        let problem = match note.take() {
                            Some(n) => format!("{why}; {}", n.problem),
                            None => why,
                        };
                        note = Some(Problem {
                            path: rel.clone(),
                            problem,
                        });
                        Vec::new()
                    }
                    None => extract::extract_article(&article),
                };
                progress
                    .bytes
                    .fetch_add(article.text.len(), Ordering::Relaxed);
                if !keep_text {
                    article.text = String::new();
                }
                Outcome::Read(article, note, mentions)
            }
            Err(e) => Outcome::Failed(Problem {
                path: rel.clone(),
                problem: e.to_string(),
            }),
        };
        progress.done.fetch_add(1, Ordering::Relaxed);
        Some((rel.clone(), outcome))
    };
    // Reading is partly waiting on the disk: with a cold cache, more reads in flight than
    // cores make a large load faster, and cost nothing when warm.
    let read: Vec<Option<(String, Outcome)>> = match reading_pool() {
        Some(pool) => pool.install(|| files.par_iter().map(read_one).collect()),
        None => files.par_iter().map(read_one).collect(),
    };
    if progress.cancelled() {
        return Err(LoadError::Cancelled);
    }
    Ok(read)
}

impl LoadedFolder {
    /// Lists and reads every article of `root` in parallel.
    pub fn load(
        root: &Path,
        options: ReadOptions,
        progress: &Progress,
        keep_text: bool,
    ) -> Result<Self, LoadError> {
        // the extractor's automata build while the folder is listed and read
        std::thread::spawn(extract::prepare);
        let mut folder = Self {
            root: root.to_owned(),
            options,
            keep_text,
            listing_problems: Vec::new(),
            csv: FxHashMap::default(),
            order: Vec::new(),
            files: HashMap::new(),
        };
        folder.refresh(None, progress)?;
        Ok(folder)
    }

    /// The folder this was read from.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Takes changes: lists the folder again, reads the files that are new, that lie at or
    /// under one of `changed` (paths reported by a watcher, absolute or relative to the
    /// folder), or whose `articles.csv` row changed, and forgets the files that are gone.
    /// The result equals a fresh load of the folder as it now is.
    pub fn update(
        &mut self,
        changed: &[PathBuf],
        progress: &Progress,
    ) -> Result<UpdateSummary, LoadError> {
        let canonical = self.root.canonicalize().ok();
        let dirty: BTreeSet<String> = changed
            .iter()
            .filter_map(|p| {
                let rel = p
                    .strip_prefix(&self.root)
                    .ok()
                    .or_else(|| canonical.as_deref().and_then(|c| p.strip_prefix(c).ok()))
                    .unwrap_or(p);
                let rel = rel.to_string_lossy().replace('\\', "/");
                (!rel.is_empty()).then_some(rel)
            })
            .collect();
        self.refresh(Some(&dirty), progress)
    }

    /// Lists the folder and reads the files that need it (all of them when `dirty` is None).
    fn refresh(
        &mut self,
        dirty: Option<&BTreeSet<String>>,
        progress: &Progress,
    ) -> Result<UpdateSummary, LoadError> {
        let listing = corpus::list_folder(&self.root)?;
        let is_dirty = |rel: &str| {
            dirty.is_none_or(|d| {
                d.iter().any(|p| {
                    rel.strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
                })
            })
        };
        let to_read: Vec<&(PathBuf, String)> = listing
            .files
            .iter()
            .filter(|(_, rel)| {
                !self.files.contains_key(rel)
                    || is_dirty(rel)
                    || self.csv.get(rel) != listing.csv.get(rel)
            })
            .collect();
        let read = read_files(
            &to_read,
            &listing.csv,
            self.options,
            self.keep_text,
            progress,
        )?;
        let reread = read.len();
        let present: std::collections::HashSet<&str> =
            listing.files.iter().map(|(_, rel)| rel.as_str()).collect();
        let before = self.files.len();
        self.files.retain(|rel, _| present.contains(rel.as_str()));
        let kept = self.files.len();
        self.files.extend(read.into_iter().flatten());
        self.order = listing.files.iter().map(|(_, rel)| rel.clone()).collect();
        self.csv = listing.csv;
        self.listing_problems = listing.problems;
        Ok(UpdateSummary {
            reread,
            removed: before - kept,
        })
    }

    /// The dataset as of the last load or update.
    pub fn dataset(&self) -> Dataset {
        let outcomes = self.order.iter().filter_map(|rel| self.files.get(rel));
        assemble(self.listing_problems.clone(), outcomes.cloned())
    }

    /// The dataset, consuming what was kept for updates (no copies: the CLI's path).
    pub fn into_dataset(mut self) -> Dataset {
        let mut files = std::mem::take(&mut self.files);
        let outcomes = self.order.iter().filter_map(|rel| files.remove(rel));
        assemble(std::mem::take(&mut self.listing_problems), outcomes)
    }
}

/// Articles, problems (sorted by path) and merged events from the files' outcomes in listing
/// order.
fn assemble(listing_problems: Vec<Problem>, outcomes: impl Iterator<Item = Outcome>) -> Dataset {
    let mut dataset = Dataset {
        problems: listing_problems,
        ..Dataset::default()
    };
    // each file's mentions are merged, and freed, one file after another
    let mut mentions = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Read(article, note, found) => {
                dataset.articles.push(article);
                dataset.problems.extend(note);
                mentions.push(found);
            }
            Outcome::Failed(problem) => dataset.problems.push(problem),
        }
    }
    dataset.problems.sort_by(|a, b| a.path.cmp(&b.path));
    dataset.events = extract::merge_batches(mentions);
    dataset
}
