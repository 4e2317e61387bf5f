//! Time at the level of the document, for an article without a publication date: a byline
//! ("admin April 29, 2016", "22 November, 2021 20:45") dates the article itself; otherwise the
//! year of a yearless date comes from the article's clues — full dates and years in the body,
//! years in the title and headings, the conflict's named periods ("the 44-day war", "Four years
//! have passed since the April war") — and from which named period the date falls in.

use chrono::NaiveDate;

use super::chronology::{self, PERIODS};
use crate::dates::{DateValue, find_dates};

/// One clue to the article's year.
#[derive(Clone, Debug, PartialEq)]
struct YearClue {
    year: i32,
    /// How much it counts: a byline 5, a full date 3, a named period 3, a month and year 2, a
    /// year in a heading 2, "in 2020" 1, "four years since the April war" 3.
    weight: f32,
    /// The words that gave it, for the evidence.
    words: String,
}

/// What the article says about its own time.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct DocumentTime {
    clues: Vec<YearClue>,
    /// The named periods the article mentions, by name.
    named: Vec<&'static str>,
    /// A byline date and its words, which stands for the publication date.
    pub(super) byline: Option<(NaiveDate, String)>,
}

/// How much a named period counts for a date inside it; more when the article names it.
const PERIOD_FIT: f32 = 2.5;
const NAMED_PERIOD_FIT: f32 = 4.0;

impl DocumentTime {
    /// Reads the clues of `text` (called only for articles without a publication date).
    pub(super) fn gather(text: &str) -> Self {
        let mut time = Self::default();
        let named = chronology::named_in(text);
        if !named.is_empty() {
            let lower = text.to_lowercase();
            let since = time.years_since_periods(&lower, &named);
            for (period, cue) in named {
                time.named.push(period.name);
                // "four years since the April war" names the war as the past, not as the story
                if !since.iter().any(|p| std::ptr::eq(*p, period)) {
                    time.clue(period.year(), 3.0, format!("'{cue}'"));
                }
            }
        }
        // every clue here holds a year: only the lines with four digits in a row are read
        for line in lines_with_year_digits(text) {
            let line = line.trim();
            let short = line.chars().count() <= 100 && !line.ends_with('.');
            let dates = find_dates(line);
            for d in &dates {
                let words = line.get(d.start..d.end).unwrap_or_default();
                match d.value {
                    DateValue::Day {
                        year: Some(year),
                        month,
                        day,
                    } => {
                        let date = NaiveDate::from_ymd_opt(year, month, day);
                        if let Some(date) = date.filter(|_| time.byline.is_none())
                            && is_byline(line, d.start, d.end)
                        {
                            time.byline = Some((date, words.to_owned()));
                            time.clue(year, 5.0, format!("'{words}'"));
                        } else {
                            time.clue(year, 3.0, format!("'{words}'"));
                        }
                    }
                    DateValue::Days {
                        year: Some(year), ..
                    } => time.clue(year, 3.0, format!("'{words}'")),
                    DateValue::Month {
                        year: Some(year), ..
                    }
                    | DateValue::Season { year, .. } => time.clue(year, 2.0, format!("'{words}'")),
                    DateValue::Year(year) => time.clue(year, 1.0, format!("'{words}'")),
                    _ => {}
                }
            }
            // a year alone in a title or heading: "Ganja 2020", "= 2020 Ganja missile attacks ="
            if short {
                for year in bare_years(line) {
                    let inside = dates.iter().any(|d| {
                        line.get(d.start..d.end)
                            .is_some_and(|w| w.contains(&year.to_string()))
                    });
                    if !inside {
                        time.clue(year, 2.0, format!("'{line}'"));
                    }
                }
            }
        }
        time
    }

    fn clue(&mut self, year: i32, weight: f32, words: String) {
        self.clues.push(YearClue {
            year,
            weight,
            words,
        });
    }

    /// "Four years have passed since the April war", "three years after the 44-day war": the
    /// article's own year. Returns the periods so named.
    fn years_since_periods(
        &mut self,
        lower: &str,
        periods: &[(&'static chronology::Period, &'static str)],
    ) -> Vec<&'static chronology::Period> {
        let mut named = Vec::new();
        for (period, cue, at) in chronology::cue_occurrences(lower, periods) {
            let before = lower.get(..at).unwrap_or_default();
            let window = before
                .get(before.len().saturating_sub(60)..)
                .or(Some(before))
                .unwrap_or_default();
            if !(window.contains("since") || window.contains("after")) {
                continue;
            }
            let count = window.split_whitespace().find_map(count_word);
            if let Some(n) = count.filter(|_| window.contains("year")) {
                let phrase = lower
                    .get(at.saturating_sub(window.len())..at + cue.len())
                    .unwrap_or(cue)
                    .trim();
                self.clue(period.year() + n, 3.0, format!("'{phrase}'"));
                named.push(period);
            }
        }
        named
    }

    /// The year of a yearless `month` (and `day`), and the words that gave it.
    pub(super) fn year_for(&self, month: u32, day: Option<u32>) -> Option<(i32, String)> {
        let mut scores: Vec<(i32, f32, String, f32)> = Vec::new();
        let mut add =
            |year: i32, weight: f32, words: &str| match scores.iter_mut().find(|s| s.0 == year) {
                Some(s) => {
                    s.1 += weight;
                    if weight > s.3 {
                        s.2 = words.to_owned();
                        s.3 = weight;
                    }
                }
                None => scores.push((year, weight, words.to_owned(), weight)),
            };
        for c in &self.clues {
            add(c.year, c.weight, &c.words);
        }
        for period in PERIODS {
            if let Some(year) = period.year_of(month, day) {
                let fit = if self.named.contains(&period.name) {
                    NAMED_PERIOD_FIT
                } else {
                    PERIOD_FIT
                };
                add(year, fit, &format!("the date falling in {}", period.name));
            }
        }
        scores
            .into_iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
            .map(|(year, _, words, _)| (year, words))
    }
}

/// The lines of `text` (as [`str::lines`] gives them) that hold four digits in a row (a
/// year), in order; one pass over the bytes instead of one per line.
fn lines_with_year_digits(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let mut run = 0;
        while let Some(&b) = bytes.get(at) {
            at += 1;
            run = if b.is_ascii_digit() { run + 1 } else { 0 };
            if run == 4 {
                let start = memchr::memrchr(b'\n', bytes.get(..at)?).map_or(0, |i| i + 1);
                let end = memchr::memchr(b'\n', bytes.get(at..)?).map_or(bytes.len(), |i| at + i);
                at = end;
                let line = text.get(start..end)?;
                // a line break "\r\n" is not part of the line; a last bare "\r" is
                return Some(match line.strip_suffix('\r') {
                    Some(stripped) if end < bytes.len() => stripped,
                    _ => line,
                });
            }
        }
        None
    })
}

/// Years standing alone in a line ("Ganja 2020"), 1990–2039.
fn bare_years(line: &str) -> Vec<i32> {
    line.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|y| (1990..2040).contains(y))
        .collect()
}

/// A byline: a short line that is little more than the date, with a time, an author's handle
/// or "published"/"updated"; never an infobox field ("- Date: …").
fn is_byline(line: &str, start: usize, end: usize) -> bool {
    if line.chars().count() > 70 || line.starts_with('-') || line.to_lowercase().contains("date:") {
        return false;
    }
    let rest = format!(
        "{} {}",
        line.get(..start).unwrap_or_default(),
        line.get(end..).unwrap_or_default()
    );
    let lower = rest.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != ':')
        .filter(|w| !w.is_empty())
        .collect();
    let time = words.iter().any(|w| {
        let mut parts = w.split(':');
        matches!((parts.next(), parts.next()), (Some(h), Some(m)) if !h.is_empty() && h.len() <= 2 && m.len() == 2 && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit()))
    });
    let marker = words.iter().any(|w| {
        matches!(
            *w,
            "admin" | "by" | "published" | "posted" | "updated" | "am" | "pm" | "gmt" | "utc"
        )
    });
    words.len() <= 6 && (time || marker || words.is_empty())
}

/// "a", "one" … "ten" or digits as a count of years.
fn count_word(word: &str) -> Option<i32> {
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    match word {
        "a" | "an" => Some(1),
        w => words
            .iter()
            .position(|x| *x == w)
            .and_then(|i| i32::try_from(i + 1).ok())
            .or_else(|| w.parse().ok().filter(|n| (1..=50).contains(n))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_dates_the_article() {
        let t = DocumentTime::gather(
            "Clashes on the border\nadmin April 29, 2016\n\nArmenian forces shelled Talish on Tuesday.",
        );
        assert_eq!(t.byline.map(|b| b.0), NaiveDate::from_ymd_opt(2016, 4, 29));
        let t = DocumentTime::gather("Shelling resumes\n22 November, 2021 20:45\n");
        assert_eq!(t.byline.map(|b| b.0), NaiveDate::from_ymd_opt(2021, 11, 22));
        // an infobox field is not a byline
        let t = DocumentTime::gather("- Date: 4 October 2020, 8 October 2020\n");
        assert!(t.byline.is_none());
    }

    #[test]
    fn the_year_comes_from_titles_periods_and_the_chronology() {
        let title = DocumentTime::gather("Ganja 2020\n\nOn October 04, a civilian was killed.");
        assert_eq!(title.year_for(10, Some(4)).map(|y| y.0), Some(2020));
        let named = DocumentTime::gather("The definitive moments of the second Artsakh war.");
        assert_eq!(named.year_for(9, Some(29)).map(|y| y.0), Some(2020));
        // no clue at all: the date falls in the 44-day war
        let none = DocumentTime::gather("Shusha came under fire on 29 October.");
        let (year, words) = none.year_for(10, Some(29)).unwrap_or_default();
        assert_eq!(year, 2020);
        assert!(words.contains("44-day war"), "{words}");
        // a history year in passing does not outweigh the chronology
        let history = DocumentTime::gather(
            "The city was captured in 1992. Fighting erupted near the city on 29 October.",
        );
        assert_eq!(history.year_for(10, Some(29)).map(|y| y.0), Some(2020));
    }

    proptest::proptest! {
        #[test]
        fn the_lines_with_years_are_those_lines_gives(
            parts in proptest::collection::vec("[0-9]{1,5}|[a-z ]{1,4}|\n|\r\n|\r|é", 0..30)
        ) {
            let text = parts.concat();
            let expected: Vec<&str> = text
                .lines()
                .filter(|l| l.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit)))
                .collect();
            let found: Vec<&str> = lines_with_year_digits(&text).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn years_since_a_named_period() {
        let t = DocumentTime::gather(
            "Four years have passed since the April war. On 2 April soldiers died; on 1 June a \
             memorial opened.",
        );
        // a date inside the war is the war's; another date is the article's own year
        assert_eq!(t.year_for(4, Some(2)).map(|y| y.0), Some(2016));
        let (year, words) = t.year_for(6, Some(1)).unwrap_or_default();
        assert_eq!(year, 2020);
        assert!(
            words.contains("four years have passed since the april war"),
            "{words}"
        );
    }
}
