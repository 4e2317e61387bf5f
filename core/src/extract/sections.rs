//! Time at the level of the article and the sentence: datelines, the reference date of each
//! section (a dated heading, a count of days from the outbreak, "broke out today", else the
//! section above or the publication date), and the date of each event.

use std::sync::LazyLock;

use chrono::{Duration, NaiveDate};
use regex::Regex;

use super::context::ArticleContext;
use super::layout::Sentence;
use super::triggers::TriggerHit;
use crate::dates::{self, DateRole, DateValue, Reference};
use crate::model::{DateSource, DateSpan, Precision};

#[allow(clippy::expect_used)] // constant pattern
pub(super) static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\p{Lu}[\p{L}'’ .-]{1,40}(?:,[^\n()–—]{1,40}?)?\s*(?:\([^)\n]{1,60}\))?\s*(?:[–—]|--?)\s+").expect("dateline")
});

// ASCII word boundaries (`(?-u:\b)`): with Unicode ones the search leaves the DFA for the
// slow NFA simulation on any text with a non-ASCII letter, that is on most real articles
#[allow(clippy::expect_used)] // constant pattern
pub(super) static OUTBREAK_TODAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:broke|broken|erupted|began|begun|started|flared)(?-u:\b)[^.!?\n]{0,80}(?-u:\b)(?:today|this morning)(?-u:\b)|(?-u:\b)(?:today|this morning)(?-u:\b)[^.!?\n]{0,40}(?-u:\b)(?:broke out|erupted|began)(?-u:\b)").expect("outbreak")
});

/// The date of an event: its span (`None`: undated), the byte range of the date words when
/// written in its sentence, and where the date came from in plain words.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct EventDate {
    pub(super) span: Option<DateSpan>,
    pub(super) words: Option<(usize, usize)>,
    pub(super) note: Option<String>,
}

/// A day, or a span of days, as "17 Oct 2020" or "1–31 Oct 2020".
pub(super) fn day_range_text(r: Reference) -> String {
    if r.start == r.end {
        r.start.format("%-d %b %Y").to_string()
    } else {
        format!(
            "{} – {}",
            r.start.format("%-d %b %Y"),
            r.end.format("%-d %b %Y")
        )
    }
}

impl ArticleContext<'_> {
    /// Reference dates of sections: a dated heading, a day count from the outbreak
    /// ("the fifth day"), the outbreak itself ("broke out today"), else the section above.
    pub(super) fn section_dates(&mut self) {
        let sections = self.layout.sections.clone();
        let heading_dates: Vec<Option<(NaiveDate, String)>> = sections
            .iter()
            .map(|s| {
                let heading = s.heading.and_then(|(a, b)| self.text.get(a..b))?;
                let date = self.heading_date(heading)?;
                Some((date, heading.trim().to_owned()))
            })
            .collect();
        let day_counts: Vec<Option<u32>> = sections
            .iter()
            .map(|s| {
                let body = self.text.get(s.start..s.end).unwrap_or_default();
                dates::day_of_fighting(body)
            })
            .collect();
        // "broke out today" only matters on pages that count days of fighting
        let counting = day_counts.iter().any(Option::is_some);
        let outbreak_today: Vec<bool> = sections
            .iter()
            .map(|s| {
                let body = self.text.get(s.start..s.end).unwrap_or_default();
                counting
                    && (body.contains("today") || body.contains("morning"))
                    && OUTBREAK_TODAY.is_match(body)
            })
            .collect();
        let published_day = self.published.filter(|r| r.start == r.end).map(|r| r.start);
        // Outbreak from a section whose date is known.
        for (i, known) in heading_dates.iter().enumerate() {
            let known = known
                .as_ref()
                .map(|k| k.0)
                .or(if i == 0 { published_day } else { None });
            let Some(date) = known else { continue };
            if let Some(n) = day_counts.get(i).copied().flatten() {
                self.outbreak = Some(date - Duration::days(i64::from(n.max(1)) - 1));
                break;
            }
            if outbreak_today.get(i).copied().unwrap_or(false) {
                self.outbreak = Some(date);
                break;
            }
        }
        let mut previous: Option<(Reference, DateSource)> =
            self.published.map(|r| (r, DateSource::Published));
        let mut previous_note = self.published_note.clone();
        for (i, _) in sections.iter().enumerate() {
            let count = day_counts.get(i).copied().flatten();
            let (own, note) = if let Some((d, heading)) = heading_dates.get(i).cloned().flatten() {
                (
                    Some((Reference::day(d), DateSource::Section)),
                    Some(format!("the section heading '{heading}'")),
                )
            } else if let (Some(n), Some(o)) = (count, self.outbreak) {
                (
                    Some((
                        Reference::day(o + Duration::days(i64::from(n.max(1)) - 1)),
                        DateSource::Section,
                    )),
                    Some(format!(
                        "day {n} of the fighting, counted from its start on {}",
                        o.format("%-d %b %Y")
                    )),
                )
            } else if let (true, Some(o), true) = (
                outbreak_today.get(i).copied().unwrap_or(false),
                self.outbreak,
                i > 0,
            ) {
                (
                    Some((Reference::day(o), DateSource::Section)),
                    Some(format!(
                        "the outbreak of fighting on {}",
                        o.format("%-d %b %Y")
                    )),
                )
            } else {
                (None, None)
            };
            let reference = own.or(previous);
            let note = if own.is_some() {
                note
            } else {
                previous_note.clone()
            };
            self.section_refs.push(reference);
            self.section_notes.push(note.clone());
            previous = reference;
            previous_note = note;
        }
    }

    /// The first day-precise date of a heading line, its year completed from the publication
    /// date or, without one, from the article's clues.
    fn heading_date(&self, heading: &str) -> Option<NaiveDate> {
        if !heading.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        dates::find_dates(heading)
            .into_iter()
            .find_map(|d| match d.value {
                DateValue::Day { year, month, day } => {
                    let year = year.or(self.year_hint).or_else(|| {
                        self.document
                            .as_ref()
                            .and_then(|doc| doc.year_for(month, Some(day)))
                            .map(|y| y.0)
                    })?;
                    NaiveDate::from_ymd_opt(year, month, day)
                }
                _ => None,
            })
    }

    /// The date expressions of sentence `index`, computed once.
    pub(super) fn dates_of(&self, index: usize) -> &[dates::DateMention] {
        match self.sentence_dates.get(index) {
            Some(cell) => cell.get_or_init(|| {
                let s = self.layout.sentences.get(index);
                s.and_then(|s| self.text.get(s.start..s.end))
                    .map(dates::find_dates)
                    .unwrap_or_default()
            }),
            None => &[],
        }
    }

    pub(super) fn section_ref(&self, section: usize) -> Option<(Reference, DateSource)> {
        self.section_refs.get(section).copied().flatten()
    }

    /// Resolves a date expression of sentence `index` against the section's reference date;
    /// a yearless date without one takes its year from another date of the sentence, else from
    /// the article's clues. Returns the span and, where the year or day came from elsewhere,
    /// where in plain words.
    fn resolve_in_context(
        &self,
        d: &dates::DateMention,
        index: usize,
        section: usize,
    ) -> Option<(DateSpan, Option<String>)> {
        let reference = self.section_ref(section).map(|(r, _)| r);
        let reference_note = || self.section_notes.get(section).cloned().flatten();
        let yearless = match d.value {
            DateValue::Day {
                year: None,
                month,
                day,
            }
            | DateValue::Days {
                year: None,
                last_month: month,
                last: day,
                ..
            } => Some((month, Some(day))),
            DateValue::Month {
                year: None, month, ..
            }
            | DateValue::NthWeekday {
                year: None, month, ..
            }
            | DateValue::MonthPortion {
                year: None, month, ..
            } => Some((month, None)),
            _ => None,
        };
        if let DateValue::Relative(dates::Relative::Told(n)) = d.value
            && let Some((base, words)) = self.date_told_before(index, d.start, section)
        {
            let day = base.start + Duration::days(n);
            let span = DateSpan::day(day, DateSource::Relative);
            return Some((span, Some(format!("counted from '{words}' told before"))));
        }
        let relative = matches!(d.value, DateValue::Relative(_) | DateValue::OrdinalDay(_));
        if let (Some((month, day)), None) = (yearless, reference) {
            let sentence_year = self.dates_of(index).iter().find_map(|o| match o.value {
                DateValue::Day { year: Some(y), .. }
                | DateValue::Days { year: Some(y), .. }
                | DateValue::Month { year: Some(y), .. }
                | DateValue::Year(y) => Some(y),
                _ => None,
            });
            let (year, note) = match sentence_year {
                Some(y) => (y, None),
                None => {
                    let (y, words) = self.document.as_ref()?.year_for(month, day)?;
                    (y, Some(format!("year {y} from {words}")))
                }
            };
            let span = dates::resolve(d.value, None, Some(year), self.outbreak)?;
            return Some((span, note));
        }
        let span = dates::resolve(d.value, reference, self.year_hint, self.outbreak)?;
        let note = match (yearless.is_some() || relative, reference_note()) {
            (true, Some(r)) if relative => Some(format!("counted from {r}")),
            (true, Some(r)) => Some(format!("year from {r}")),
            _ if matches!(
                d.value,
                DateValue::Relative(dates::Relative::DayOfFighting(_))
            ) =>
            {
                self.outbreak.map(|o| {
                    format!(
                        "counted from the start of the fighting on {}",
                        o.format("%-d %b %Y")
                    )
                })
            }
            _ => None,
        };
        Some((span, note))
    }

    /// The last day-precise date the story told before byte `at` of sentence `index`: earlier in
    /// the sentence, else in the four sentences before it in its section; with its words.
    fn date_told_before(
        &self,
        index: usize,
        at: usize,
        section: usize,
    ) -> Option<(DateSpan, String)> {
        let section_index = self.layout.sentences.get(index)?.section;
        for i in (index.saturating_sub(4)..=index).rev() {
            let s = self.layout.sentences.get(i)?;
            if s.section != section_index || s.heading {
                break;
            }
            let stext = self.text.get(s.start..s.end).unwrap_or_default();
            // the last day-precise date before it: a calendar date, a weekday, "yesterday"
            let told = self
                .dates_of(i)
                .iter()
                .rev()
                .filter(|d| i < index || d.end <= at)
                .filter(|d| !matches!(d.value, DateValue::Relative(dates::Relative::Told(_))))
                .find_map(|d| {
                    let (span, _) = self.resolve_in_context(d, i, section)?;
                    (span.precision == Precision::Day && span.start == span.end).then(|| {
                        (
                            span,
                            stext.get(d.start..d.end).unwrap_or_default().to_owned(),
                        )
                    })
                });
            if told.is_some() {
                return told;
            }
        }
        None
    }

    /// The event date: a date in the sentence, else one carried from the paragraph's previous
    /// sentences, else the section's or the publication date. `None` (outer) means the
    /// sentence is about the future and reports no event.
    pub(super) fn date_for(
        &self,
        index: usize,
        sentence: &Sentence,
        hit: &TriggerHit,
    ) -> Option<EventDate> {
        let section = self.section_ref(sentence.section);
        let found = self.dates_of(index);
        let stext = self
            .text
            .get(sentence.start..sentence.end)
            .unwrap_or_default();
        let nearest = found
            .iter()
            .filter(|d| d.role != DateRole::Bound)
            .filter(|d| !dates_another_act(stext, d))
            .min_by_key(|d| {
                if d.end <= hit.start {
                    hit.start - d.end
                } else {
                    d.start.saturating_sub(hit.end)
                }
            });
        if let Some(d) = nearest {
            if d.role == DateRole::Future {
                return None;
            }
            if let Some((span, note)) = self.resolve_in_context(d, index, sentence.section) {
                if self.after_publication(&span) {
                    return None;
                }
                return Some(EventDate {
                    span: Some(span),
                    words: Some((d.start, d.end)),
                    note,
                });
            }
        }
        // carried from the paragraph
        for prev_index in (index.saturating_sub(3)..index).rev() {
            if self
                .layout
                .sentences
                .get(prev_index)
                .is_none_or(|p| p.paragraph != sentence.paragraph)
            {
                continue;
            }
            let Some(prev) = self.layout.sentences.get(prev_index) else {
                continue;
            };
            let prev_text = self.text.get(prev.start..prev.end).unwrap_or_default();
            // the last date of the sentence, the one with a year when there is one ("April 2016:
            // … the April War")
            let at_dates: Vec<&dates::DateMention> = self
                .dates_of(prev_index)
                .iter()
                .filter(|d| d.role == DateRole::At && !dates_another_act(prev_text, d))
                .collect();
            let carried = at_dates
                .iter()
                .rev()
                .find(|d| has_year(d.value))
                .or(at_dates.last())
                .copied();
            if let Some(d) = carried
                && let Some((span, note)) = self.resolve_in_context(d, prev_index, sentence.section)
                && !self.after_publication(&span)
            {
                let words = prev_text.get(d.start..d.end).unwrap_or_default();
                let mut text = format!("from '{words}' in an earlier sentence of the paragraph");
                if let Some(n) = note {
                    text = format!("{text}; {n}");
                }
                return Some(EventDate {
                    span: Some(span),
                    words: None,
                    note: Some(text),
                });
            }
        }
        let from_section = section.map(|(r, source)| {
            let precision = if r.start == r.end {
                Precision::Day
            } else if r.start.format("%Y").to_string() == r.end.format("%Y").to_string()
                && (r.end - r.start).num_days() > 31
            {
                Precision::Year
            } else {
                Precision::Month
            };
            DateSpan::range(r.start, r.end, precision, source)
        });
        let note = self
            .section_notes
            .get(sentence.section)
            .cloned()
            .flatten()
            .map(|n| format!("{n}: no date in the sentence"));
        Some(EventDate {
            span: from_section,
            words: None,
            note,
        })
    }

    pub(super) fn after_publication(&self, span: &DateSpan) -> bool {
        self.published
            .is_some_and(|p| span.start > p.end + Duration::days(1))
    }
}

/// Whether a date expression names its year.
fn has_year(value: DateValue) -> bool {
    matches!(
        value,
        DateValue::Day { year: Some(_), .. }
            | DateValue::Days { year: Some(_), .. }
            | DateValue::Month { year: Some(_), .. }
            | DateValue::NthWeekday { year: Some(_), .. }
            | DateValue::Year(_)
            | DateValue::Season { .. }
            | DateValue::YearPart { .. }
            | DateValue::Decade(_)
            | DateValue::MonthPortion { year: Some(_), .. }
    )
}

/// A date governed by a verb of another act: "the statement signed on November 10", "adopted
/// on", "announced on", "said on": it dates that act, not the sentence's event.
fn dates_another_act(sentence: &str, date: &dates::DateMention) -> bool {
    let before = sentence.get(..date.start).unwrap_or_default();
    let mut words = super::words::words_rev(before);
    let (Some(preposition), Some(word)) = (words.next(), words.next()) else {
        return false;
    };
    match preposition.as_str() {
        "on" => matches!(
            word.as_str(),
            "signed"
                | "adopted"
                | "announced"
                | "said"
                | "published"
                | "issued"
                | "agreed"
                | "concluded"
                | "stated"
                | "reported"
                | "declared"
        ),
        "of" => matches!(
            word.as_str(),
            "statement" | "declaration" | "agreement" | "decision" | "decree" | "resolution"
        ),
        _ => false,
    }
}

/// Builds this module's automata and patterns now (see `extract::prepare`): the dateline
/// pattern, which every article with a trigger reads. The "broke out today" cue is built on
/// first use instead (under a millisecond): only a page that counts days of fighting and says
/// "today" or "morning" reads it, and most runs meet none.
pub(super) fn prepare() {
    LazyLock::force(&DATELINE);
}
