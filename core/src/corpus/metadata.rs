//! Publication dates and titles: `articles.csv`, front matter, datelines and file names.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::dates::first_full_date;
use crate::model::{Problem, Published};

/// One row of `articles.csv`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvEntry {
    /// Publication date.
    pub published: Option<Published>,
    /// Title, if given.
    pub title: Option<String>,
    /// Outlet, if given.
    pub source: Option<String>,
    /// URL, if given.
    pub url: Option<String>,
}

/// Reads `articles.csv` text: a header row with `file` and `published` (and optionally
/// `title`, `source`, `url`). Bad rows become problems naming the line; good rows are kept.
pub fn parse_articles_csv(
    text: &str,
    csv_path: &str,
) -> (FxHashMap<String, CsvEntry>, Vec<Problem>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // room for a row a line: the table is not grown again and again
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let mut entries = FxHashMap::with_capacity_and_hasher(lines, Default::default());
    let mut problems = Vec::new();
    let mut problem = |line: u64, message: String| {
        problems.push(Problem {
            path: csv_path.to_owned(),
            problem: format!("line {line}: {message}"),
        });
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect::<Vec<_>>(),
        Err(e) => {
            problem(1, format!("unreadable header: {e}"));
            return (entries, problems);
        }
    };
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(file_col), Some(published_col)) = (
        column("file").or(column("path")),
        column("published").or(column("date")),
    ) else {
        problem(
            1,
            "the header needs `file` and `published` columns".to_owned(),
        );
        return (entries, problems);
    };
    let (title_col, source_col, url_col) = (column("title"), column("source"), column("url"));
    // one record read into again and again
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problem(line, format!("unreadable row: {e}"));
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        let field = |col: Option<usize>| {
            col.and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let Some(mut file) = field(Some(file_col)) else {
            problem(line, "no file name".to_owned());
            continue;
        };
        let published = match field(Some(published_col)) {
            None => None,
            Some(raw) => match Published::parse(&raw) {
                Some(p) => Some(p),
                None => {
                    problem(
                        line,
                        format!("`{raw}` is not a date (YYYY-MM-DD, YYYY-MM or YYYY) for {file}"),
                    );
                    None
                }
            },
        };
        let entry = CsvEntry {
            published,
            title: field(title_col),
            source: field(source_col),
            url: field(url_col),
        };
        if file.contains('\\') {
            file = file.replace('\\', "/");
        }
        if file.starts_with("./") {
            file = file.trim_start_matches("./").to_owned();
        }
        entries.insert(file, entry);
    }
    (entries, problems)
}

/// Front matter of a Markdown article.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `date:` / `date =`.
    pub published: Option<Published>,
    /// `title:` / `title =`.
    pub title: Option<String>,
    /// Byte length of the front matter block, to strip it from the text.
    pub len: usize,
}

/// Reads a leading `---` YAML or `+++` TOML block for `date` and `title`.
///
/// ```
/// let fm = karabakh_core::corpus::metadata::front_matter("---\ntitle: \"Shelling\"\ndate: 2020-10-17T08:00:00Z\n---\nText");
/// assert_eq!(fm.published.map(|p| p.to_string()), Some("2020-10-17".to_owned()));
/// assert_eq!(fm.title.as_deref(), Some("Shelling"));
/// ```
pub fn front_matter(text: &str) -> FrontMatter {
    let text_start = text.strip_prefix('\u{feff}').unwrap_or(text);
    let offset = text.len() - text_start.len();
    let Some(fence) = ["---", "+++"]
        .into_iter()
        .find(|f| text_start.starts_with(f))
    else {
        return FrontMatter::default();
    };
    let Some(first_newline) = text_start.find('\n') else {
        return FrontMatter::default();
    };
    if text_start.get(..first_newline).map(str::trim_end) != Some(fence) {
        return FrontMatter::default();
    }
    let body_start = first_newline + 1;
    let mut pos = body_start;
    let mut result = FrontMatter::default();
    for line in text_start
        .get(body_start..)
        .unwrap_or_default()
        .split_inclusive('\n')
    {
        pos += line.len();
        let trimmed = line.trim();
        if trimmed == fence {
            result.len = offset + pos;
            return result;
        }
        let Some((key, value)) = trimmed.split_once(':').or_else(|| trimmed.split_once('=')) else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "date" | "published" | "pubdate" | "publishdate" | "published_at" => {
                result.published = value
                    .get(..10)
                    .and_then(Published::parse)
                    .or_else(|| Published::parse(value))
                    .or_else(|| first_full_date(value).map(Published::Day));
            }
            "title" => result.title = (!value.is_empty()).then(|| value.to_owned()),
            _ => {}
        }
    }
    FrontMatter::default()
}

#[allow(clippy::expect_used)] // constant pattern
static FILE_NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)",
    )
    .expect("file-name date pattern")
});

/// A date in a file name: `2020-10-17-shelling.txt`, `report_20201017.md`.
///
/// ```
/// use karabakh_core::corpus::metadata::file_name_date;
/// assert_eq!(file_name_date("news/20201017_ganja.txt").map(|d| d.to_string()), Some("2020-10-17".to_owned()));
/// assert_eq!(file_name_date("000_dcad66cb0b1d9cac.txt"), None);
/// ```
pub fn file_name_date(path: &str) -> Option<NaiveDate> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let c = FILE_NAME_DATE.captures(name)?;
    let number = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    NaiveDate::from_ymd_opt(i32::try_from(number(1)?).ok()?, number(2)?, number(3)?)
}

// ASCII word boundaries (`(?-u:\b)`): with Unicode ones the search leaves the DFA for the
// slow NFA simulation on any text with a non-ASCII letter, that is on most real articles.
// Case is ignored for the cue words and month names only: a place in capitals before a comma
// ("BAKU,") is a dateline, a capitalised word before one ("Meanwhile,", "On Sunday,") is not;
// a weekday first is one when a date follows it ("Sunday, 27 September 2020 –"), not when a
// sentence goes on ("Sunday saw shelling …").
#[allow(clippy::expect_used)] // constant pattern
static DATELINE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:(?-u:\b)(?:published|posted|updated|date|dated)(?-u:\b))|\||(?i:\(\s*(?:reuters|afp|ap|tass|apa|trend|armenpress|azertac|news\.am)\s*\))|^\p{Lu}[\p{Lu} ]{2,30},|(?i:^\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|^\s*\d{1,2}[./]\d{1,2}[./]\d{4}|^\s*(?:19|20)\d\d-\d\d-\d\d|(?i:^\s*(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)")
        .expect("dateline pattern")
});

/// A publication date on one of the first lines: "Published 17 October 2020",
/// "Oct 17, 2020 | 10:32", "BAKU, Oct 17, 2020 (Reuters) –", a date alone on a line.
///
/// ```
/// use karabakh_core::corpus::metadata::dateline_date;
/// assert_eq!(dateline_date("Title\nPublished 17 October 2020\nBody").map(|d| d.to_string()), Some("2020-10-17".to_owned()));
/// assert_eq!(dateline_date("The war began on 27 September 2020 and lasted 44 days."), None);
/// assert_eq!(dateline_date("- Date: 4 October 2020, 8 October 2020"), None);
/// ```
pub fn dateline_date(text: &str) -> Option<NaiveDate> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(6)
        .find_map(|line| {
            let line = line.trim();
            // a dateline's date stands at its start ("BAKU, Oct 17, 2020 (Reuters) – …"): a
            // paragraph is searched no further than its first words
            let head = line
                .char_indices()
                .nth(120)
                .map_or(line, |(i, _)| line.get(..i).unwrap_or(line));
            // A sentence that merely mentions a date is not a dateline: the line must be a few
            // words, or carry a dateline cue (published, |, an agency, a capitalised place
            // first). Checked first: it is cheaper than finding the date.
            if line.split_whitespace().nth(8).is_some() && !DATELINE_HINT.is_match(head) {
                return None;
            }
            let date = first_full_date(head)?;
            // an infobox field ("- Date: 4 October 2020, 8 October 2020") dates events, not
            // the article
            let bullet = line.starts_with(['-', '*', '•']);
            let full_dates = crate::dates::find_dates(head)
                .iter()
                .filter(|d| matches!(d.value, crate::dates::DateValue::Day { year: Some(_), .. }))
                .count();
            (!bullet && full_dates <= 1).then_some(date)
        })
}

/// Builds this module's automata and patterns now (see `extract::prepare`).
pub(crate) fn prepare() {
    LazyLock::force(&FILE_NAME_DATE);
    LazyLock::force(&DATELINE_HINT);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_good_and_bad() {
        let text = "\u{feff}file,published,title\na.txt,2020-10-05,Hello\nb.txt,yesterday,Bad\n,2020-01-01,\nc.txt,2025-07,\n\"d.txt,2020\n";
        let (entries, problems) = parse_articles_csv(text, "articles.csv");
        assert_eq!(
            entries.get("a.txt").and_then(|e| e.published),
            Published::parse("2020-10-05")
        );
        assert_eq!(
            entries
                .get("a.txt")
                .and_then(|e| e.title.clone())
                .as_deref(),
            Some("Hello")
        );
        assert_eq!(
            entries.get("c.txt").and_then(|e| e.published),
            Some(Published::Month(2025, 7))
        );
        assert!(entries.get("b.txt").is_some_and(|e| e.published.is_none()));
        assert!(
            problems
                .iter()
                .any(|p| p.problem.contains("line 3") && p.problem.contains("yesterday")),
            "{problems:?}"
        );
        assert!(
            problems.iter().any(|p| p.problem.contains("no file name")),
            "{problems:?}"
        );
    }

    #[test]
    fn csv_without_columns_is_one_problem() {
        let (entries, problems) = parse_articles_csv("name,when\nx,y\n", "articles.csv");
        assert!(entries.is_empty());
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn toml_front_matter() {
        let fm = front_matter("+++\ntitle = \"Kapan\"\ndate = 2021-05-12\n+++\nBody");
        assert_eq!(fm.published, Published::parse("2021-05-12"));
        assert_eq!(fm.title.as_deref(), Some("Kapan"));
        assert_eq!(
            fm.len,
            "+++\ntitle = \"Kapan\"\ndate = 2021-05-12\n+++\n".len()
        );
    }

    #[test]
    fn unterminated_front_matter_is_ignored() {
        assert_eq!(
            front_matter("---\ndate: 2020-01-01\nno end"),
            FrontMatter::default()
        );
    }

    #[test]
    fn datelines() {
        for (text, want) in [
            ("Oct 17, 2020 | 10:32 AM\nArtillery fire", "2020-10-17"),
            ("BAKU, Oct 17, 2020 (Reuters) - Ganja was hit", "2020-10-17"),
            ("Shelling resumes\n17.10.2020\nText", "2020-10-17"),
            (
                "STEPANAKERT, 5 October 2020 – Shells fell on the town through the night, its mayor told reporters.",
                "2020-10-05",
            ),
            (
                "Martuni, 5 October 2020\nShells fell on the town.",
                "2020-10-05",
            ),
            (
                "Sunday, 4 October 2020 – Shells fell on Stepanakert through the night, its mayor told reporters.",
                "2020-10-04",
            ),
            (
                "Mon. Oct 5, 2020 — Shells fell on Stepanakert through the night, its mayor told reporters.",
                "2020-10-05",
            ),
        ] {
            assert_eq!(
                dateline_date(text).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{text}"
            );
        }
        // a lead that opens with a capitalised word and a comma, or with a weekday and no date
        // after it, is no dateline, whatever date it names: its event's date is not the
        // article's
        for text in [
            "Meanwhile, Azerbaijani forces shelled the town of Martuni on 5 October 2020 and again the next day, officials said.",
            "On Sunday, 27 September 2020, Azerbaijan launched an offensive along the whole line of contact, the ministry said.",
            "Sunday saw the heaviest shelling of Stepanakert since 27 September 2020, when the war began, officials said.",
        ] {
            assert_eq!(dateline_date(text), None, "{text}");
        }
    }
}
