//! Folder → articles: walking (recursive, deterministic, symlink loops caught), file-type and
//! size checks before anything is opened, decoding, HTML to text, publication dates, and one
//! [`Problem`] per file that cannot be read. Nothing is ever written into the folder.

pub mod decode;
pub mod html;
pub mod language;
pub mod metadata;

use rustc_hash::{FxHashMap, FxHashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::{Article, Problem, Published, PublishedFrom};
use metadata::CsvEntry;

/// Default limit on the size of one article file: 20 MB.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// File extensions read as articles.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Options for reading a folder.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    /// Files larger than this are skipped with a problem.
    pub max_file_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// Why a folder could not be read at all (per-file trouble is a [`Problem`] instead).
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The path does not exist.
    #[error("{0}: no such folder")]
    Missing(PathBuf),
    /// The path is not a directory.
    #[error("{0}: not a folder")]
    NotAFolder(PathBuf),
    /// The directory cannot be listed.
    #[error("{0}: cannot read the folder: {1}")]
    Unreadable(PathBuf, std::io::Error),
}

/// The files of a folder that may be articles, listed before reading.
#[derive(Debug, Default)]
pub struct Listing {
    /// Candidate article files: (absolute path, path relative to the folder with `/`).
    pub files: Vec<(PathBuf, String)>,
    /// `articles.csv` entries keyed by relative path.
    pub csv: FxHashMap<String, CsvEntry>,
    /// Problems found while listing (loops, unreadable directories, skipped file types, bad CSV rows).
    pub problems: Vec<Problem>,
}

impl Listing {
    /// Every listed file read as an article, in parallel and in listing order; files that
    /// cannot be read are left out (a loader reports them; benchmarks and profiles need only
    /// the articles).
    pub fn read_articles(&self, options: ReadOptions) -> Vec<Article> {
        use rayon::prelude::*;
        self.files
            .par_iter()
            .filter_map(|(path, rel)| {
                read_article(path, rel, self.csv.get(rel), options)
                    .ok()
                    .map(|(article, _)| article)
            })
            .collect()
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    // a path the walk built from names is already clean: with `/` as separator and in UTF-8,
    // it is its own relative name
    if std::path::MAIN_SEPARATOR == '/'
        && let Some(name) = rel.to_str()
    {
        return name.to_owned();
    }
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The key that sorts relative paths by name at every level, as a walk that sorts each folder
/// would meet them ("a/b.txt" before "a.txt", since folder `a` sorts before `a.txt`): the path
/// with `/` as the smallest byte.
fn listing_key(rel: &str) -> Vec<u8> {
    rel.bytes().map(|b| if b == b'/' { 0 } else { b }).collect()
}

/// Lists a folder recursively in a deterministic order (sorted by name at every level).
/// Follows symlinks but reports loops; skips hidden entries; never opens a file that is not
/// a regular file (FIFOs, sockets and devices are problems, so nothing can hang).
pub fn list_folder(root: &Path) -> Result<Listing, CorpusError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => CorpusError::Missing(root.to_owned()),
        _ => CorpusError::Unreadable(root.to_owned(), e),
    })?;
    if !meta.is_dir() {
        return Err(CorpusError::NotAFolder(root.to_owned()));
    }
    std::fs::read_dir(root).map_err(|e| CorpusError::Unreadable(root.to_owned(), e))?;
    let mut listing = Listing::default();
    // every articles.csv, with its depth: each describes the files under its own folder
    let mut csvs: Vec<(usize, PathBuf, String)> = Vec::new();
    // listed in the order the folders give, then sorted once: sorting in the walk compares
    // whole entries, parsing their names each time, and cost as much as listing them
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .max_depth(512)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| ".".to_owned());
                let problem = if err.loop_ancestor().is_some() {
                    "symbolic link loop: skipped".to_owned()
                } else if let Some(io) = err.io_error() {
                    format!("cannot read: {io}")
                } else {
                    format!("cannot read: {err}")
                };
                listing.problems.push(Problem { path, problem });
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        let rel = relative(root, entry.path());
        if entry.file_name().eq_ignore_ascii_case("articles.csv") {
            csvs.push((entry.depth(), entry.path().to_owned(), rel));
            continue;
        }
        let extension = entry.path().extension().unwrap_or_default();
        if !ARTICLE_EXTENSIONS
            .iter()
            .any(|e| extension.eq_ignore_ascii_case(e))
        {
            let what = if extension.is_empty() {
                "no extension".to_owned()
            } else {
                format!(".{}", extension.to_string_lossy().to_ascii_lowercase())
            };
            listing.problems.push(Problem {
                path: rel,
                problem: format!(
                    "skipped: not an article file ({what}); articles are .txt, .md or .html"
                ),
            });
            continue;
        }
        if !file_type.is_file() {
            listing.problems.push(Problem {
                path: rel,
                problem: "skipped: not a regular file (pipe, socket or device)".to_owned(),
            });
            continue;
        }
        listing.files.push((entry.into_path(), rel));
    }
    listing
        .files
        .sort_by_cached_key(|(_, rel)| listing_key(rel));
    listing
        .problems
        .sort_by_cached_key(|p| listing_key(&p.path));
    // the deeper a table, the closer to its files: it wins over its parents' for them
    csvs.sort_by_cached_key(|(depth, _, rel)| (*depth, listing_key(rel)));
    let mut described_by: FxHashMap<String, String> = FxHashMap::default();
    for (_, path, rel) in &csvs {
        let folder = rel
            .rsplit_once('/')
            .map_or(String::new(), |(f, _)| format!("{f}/"));
        let entries = read_csv(path, rel, &mut listing.problems);
        described_by.reserve(entries.len());
        listing.csv.reserve(entries.len());
        for (file, entry) in entries {
            let file = format!("{folder}{file}");
            described_by.insert(file.clone(), rel.clone());
            listing.csv.insert(file, entry);
        }
    }
    // rows naming no article file here: a typo, or a file moved away
    let mut present = FxHashSet::with_capacity_and_hasher(listing.files.len(), Default::default());
    present.extend(listing.files.iter().map(|(_, rel)| rel.as_str()));
    let mut unmatched: Vec<(&String, &String)> = described_by
        .iter()
        .filter(|(file, _)| !present.contains(file.as_str()))
        .map(|(file, csv)| (csv, file))
        .collect();
    unmatched.sort();
    for (csv, file) in unmatched {
        listing.problems.push(Problem {
            path: csv.clone(),
            problem: format!("names `{file}`, which is no article file in the folder"),
        });
    }
    Ok(listing)
}

/// The rows of one `articles.csv` (file names relative to its folder); its problems are added
/// to `problems`.
fn read_csv(path: &Path, rel: &str, problems: &mut Vec<Problem>) -> FxHashMap<String, CsvEntry> {
    match std::fs::read(path) {
        Ok(bytes) => match decode::decode(&bytes) {
            Ok(decoded) => {
                let (entries, found) = metadata::parse_articles_csv(&decoded.text, rel);
                problems.extend(found);
                return entries;
            }
            Err(e) => problems.push(Problem {
                path: rel.to_owned(),
                problem: format!("cannot read articles.csv: {e}"),
            }),
        },
        Err(e) => problems.push(Problem {
            path: rel.to_owned(),
            problem: format!("cannot read articles.csv: {e}"),
        }),
    }
    FxHashMap::default()
}

/// Why one file was not loaded.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// Larger than the limit.
    #[error("too large: {size} bytes (limit {limit} bytes); skipped")]
    TooLarge {
        /// Size of the file.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Nothing in it but whitespace.
    #[error("empty file")]
    Empty,
    /// Not text.
    #[error("binary file, not text; skipped")]
    Binary,
    /// Vanished or unreadable.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// No longer a regular file when opened.
    #[error("skipped: not a regular file (pipe, socket or device)")]
    NotRegular,
}

/// A loaded article and the caveat, if any, to report about it.
pub type Loaded = (Article, Option<Problem>);

/// Reads, decodes and dates one article file.
pub fn read_article(
    path: &Path,
    rel: &str,
    csv: Option<&CsvEntry>,
    options: ReadOptions,
) -> Result<Loaded, FileError> {
    let bytes = read_limited(path, options.max_file_bytes)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    let decoded = decode::decode_owned(bytes).map_err(|_| FileError::Binary)?;
    article_from_text(decoded, rel, csv)
}

/// The bytes of the regular file at `path`, if it holds no more than `limit`; never more than
/// `limit + 1` bytes are read, even if the file grows meanwhile. Opened without blocking (a
/// FIFO that slipped into the folder after listing cannot hang the read), then checked through
/// the open handle: one path lookup per file, not two.
fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, FileError> {
    let mut open = std::fs::OpenOptions::new();
    open.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut open, libc::O_NONBLOCK);
    let mut file = open.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(FileError::NotRegular);
    }
    let too_large = |size: u64| FileError::TooLarge { size, limit };
    if meta.len() > limit {
        return Err(too_large(meta.len()));
    }
    let expected = usize::try_from(meta.len()).unwrap_or(0);
    // room for one byte more than the size: a read that fills no more than the size has met the
    // end of a regular file, so most files take a single read
    let mut bytes = vec![0; expected + 1];
    let mut filled = 0;
    loop {
        match file.read(bytes.get_mut(filled..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e.into()),
        }
        if filled == expected {
            break;
        }
        if filled == bytes.len() {
            // the file grew since its size was read: read on, never past the limit
            let grown = u64::try_from(filled).unwrap_or(u64::MAX);
            if grown > limit {
                return Err(too_large(grown));
            }
            let more = (limit + 1).min(grown.saturating_mul(2));
            bytes.resize(usize::try_from(more).unwrap_or(usize::MAX), 0);
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

/// Builds an article from raw bytes: decode, HTML/front matter, title and publication date.
pub fn article_from_bytes(
    bytes: &[u8],
    rel: &str,
    csv: Option<&CsvEntry>,
) -> Result<Loaded, FileError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FileError::Empty);
    }
    let decoded = decode::decode(bytes).map_err(|_| FileError::Binary)?;
    article_from_text(decoded, rel, csv)
}

/// The article in `decoded` text: HTML or front matter, title and publication date.
fn article_from_text(
    decoded: decode::Decoded,
    rel: &str,
    csv: Option<&CsvEntry>,
) -> Result<Loaded, FileError> {
    let note = decoded.note.map(|n| Problem {
        path: rel.to_owned(),
        problem: n,
    });
    let lower = rel.to_ascii_lowercase();
    let mut text = decoded.text;
    let mut title = None;
    let mut meta_date = None;
    let mut fm_date = None;
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        let page = html::html_to_text(&text);
        title = page.title;
        meta_date = page.published.as_deref().and_then(Published::parse);
        text = page.text;
    } else {
        let fm = metadata::front_matter(&text);
        if fm.len > 0 {
            fm_date = fm.published;
            title = fm.title;
            text = text.get(fm.len..).unwrap_or_default().to_owned();
        }
    }
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let csv_date = csv.and_then(|c| c.published);
    let (published, published_from) = if let Some(p) = csv_date.or(meta_date) {
        (Some(p), Some(PublishedFrom::Metadata))
    } else if let Some(p) = fm_date {
        (Some(p), Some(PublishedFrom::FrontMatter))
    } else if let Some(d) = metadata::dateline_date(&text) {
        (Some(Published::Day(d)), Some(PublishedFrom::Dateline))
    } else if let Some(d) = metadata::file_name_date(rel) {
        (Some(Published::Day(d)), Some(PublishedFrom::FileName))
    } else {
        (None, None)
    };
    let title = csv
        .and_then(|c| c.title.clone())
        .or(title)
        .or_else(|| first_line_title(&text));
    let article = Article {
        path: rel.to_owned(),
        title,
        published,
        published_from,
        source: csv.and_then(|c| c.source.clone()),
        url: csv.and_then(|c| c.url.clone()),
        text,
    };
    Ok((article, note))
}

/// The first non-empty line when it is short enough to be a headline.
fn first_line_title(text: &str) -> Option<String> {
    // a dateline ("Published 21 November 2021") is not a title
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && metadata::dateline_date(l).is_none())?;
    (line.chars().count() <= 160 && !line.ends_with('.')).then(|| line.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_articles_csv_describes_the_files_under_its_folder() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
        };
        write(
            "articles.csv",
            "file,published\ntop.txt,2020-10-01\nsub/a.txt,2020-01-01\n",
        );
        write("top.txt", "Ganja was shelled.");
        write(
            "sub/articles.csv",
            "file,published\na.txt,2020-10-02\nmissing.txt,2020-10-03\n",
        );
        write("sub/a.txt", "Tartar was shelled.");
        let listing = list_folder(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let date = |rel: &str| listing.csv.get(rel).and_then(|c| c.published);
        assert_eq!(date("top.txt"), Published::parse("2020-10-01"));
        // the subfolder's own table wins for its files
        assert_eq!(date("sub/a.txt"), Published::parse("2020-10-02"));
        let problems: Vec<(&str, &str)> = listing
            .problems
            .iter()
            .map(|p| (p.path.as_str(), p.problem.as_str()))
            .collect();
        assert_eq!(
            problems,
            [(
                "sub/articles.csv",
                "names `sub/missing.txt`, which is no article file in the folder"
            )]
        );
    }

    #[test]
    fn listing_is_sorted_by_name_at_every_level() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let files = [
            "a.txt",
            "a-b.txt",
            "a/c/d.txt",
            "B.txt",
            "a/b.txt",
            "a/c.txt",
            "ab.md",
        ];
        for rel in files {
            let path = dir.path().join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(path, "Ganja was shelled.").unwrap_or_else(|e| panic!("{e}"));
        }
        std::fs::write(dir.path().join("a/z.png"), "").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("0.pdf"), "").unwrap_or_else(|e| panic!("{e}"));
        let listing = list_folder(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let listed: Vec<&str> = listing.files.iter().map(|(_, rel)| rel.as_str()).collect();
        // folder `a` sorts before `a-b.txt` and `a.txt`, and its files before its subfolder's
        // later names, as a walk sorting each folder meets them
        assert_eq!(
            listed,
            [
                "B.txt",
                "a/b.txt",
                "a/c/d.txt",
                "a/c.txt",
                "a-b.txt",
                "a.txt",
                "ab.md"
            ]
        );
        let skipped: Vec<&str> = listing.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(skipped, ["0.pdf", "a/z.png"]);
    }

    #[test]
    fn files_are_read_whole_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("a.txt");
        for len in [0usize, 1, 99, 100, 101, 4096] {
            let text = "x".repeat(len);
            std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
            match read_limited(&path, 100) {
                Ok(bytes) => assert!(len <= 100 && bytes == text.as_bytes(), "{len} bytes"),
                Err(FileError::TooLarge { size, limit }) => {
                    assert!(
                        len > 100 && size == len as u64 && limit == 100,
                        "{len} bytes"
                    );
                }
                Err(e) => panic!("{len} bytes: {e}"),
            }
        }
        assert!(matches!(
            read_limited(dir.path(), 100),
            Err(FileError::NotRegular | FileError::Io(_))
        ));
    }

    /// A FIFO that appears after the listing is refused at once: opening it does not wait for
    /// a writer.
    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let fifo = dir.path().join("late.txt");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        assert!(matches!(
            read_article(&fifo, "late.txt", None, ReadOptions::default()),
            Err(FileError::NotRegular)
        ));
    }

    #[test]
    fn empty_and_whitespace_files_are_problems() {
        assert!(matches!(
            article_from_bytes(b"", "a.txt", None),
            Err(FileError::Empty)
        ));
        assert!(matches!(
            article_from_bytes(b" \n\t\n", "a.txt", None),
            Err(FileError::Empty)
        ));
        assert!(matches!(
            article_from_bytes(b"<html><script>x</script></html>", "a.html", None),
            Err(FileError::Empty)
        ));
    }

    #[test]
    fn publication_date_precedence() {
        let csv = CsvEntry {
            published: Published::parse("2020-10-05"),
            ..CsvEntry::default()
        };
        let text = b"---\ndate: 2021-01-01\n---\nPublished 3 March 2022\nGanja was shelled.";
        let (a, _) =
            article_from_bytes(text, "2019-05-05.md", Some(&csv)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (a.published, a.published_from),
            (
                Published::parse("2020-10-05"),
                Some(PublishedFrom::Metadata)
            )
        );
        let (a, _) =
            article_from_bytes(text, "2019-05-05.md", None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (a.published, a.published_from),
            (
                Published::parse("2021-01-01"),
                Some(PublishedFrom::FrontMatter)
            )
        );
        assert!(a.text.starts_with("Published"), "front matter stripped");
        let (a, _) = article_from_bytes(&text[24..], "2019-05-05.md", None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (a.published, a.published_from),
            (
                Published::parse("2022-03-03"),
                Some(PublishedFrom::Dateline)
            )
        );
        let (a, _) = article_from_bytes(b"Ganja was shelled.", "news/2019-05-05-ganja.txt", None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (a.published, a.published_from),
            (
                Published::parse("2019-05-05"),
                Some(PublishedFrom::FileName)
            )
        );
        let (a, _) = article_from_bytes(b"Ganja was shelled.", "ganja.txt", None)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((a.published, a.published_from), (None, None));
    }
}
