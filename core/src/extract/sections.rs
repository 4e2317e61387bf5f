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

#[allow(clippy::expect_used)] // constant pattern
pub(super) static OUTBREAK_TODAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:broke|broken|erupted|began|begun|started|flared)\b[^.!?\n]{0,80}\b(?:today|this morning)\b|\b(?:today|this morning)\b[^.!?\n]{0,40}\b(?:broke out|erupted|began)\b").expect("outbreak")
});

/// The date of an event and, when written in its sentence, the byte range of the date words;
/// `None` instead when the sentence is about the future.
pub(super) type EventDate = (Option<DateSpan>, Option<(usize, usize)>);

impl ArticleContext<'_> {
    /// Reference dates of sections: a dated heading, a day count from the outbreak
    /// ("the fifth day"), the outbreak itself ("broke out today"), else the section above.
    pub(super) fn section_dates(&mut self) {
        let sections = self.layout.sections.clone();
        let heading_dates: Vec<Option<NaiveDate>> = sections
            .iter()
            .map(|s| {
                s.heading
                    .and_then(|(a, b)| self.text.get(a..b))
                    .and_then(|h| dates::first_heading_date(h, self.year_hint))
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
            let known = known.or(if i == 0 { published_day } else { None });
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
        for (i, _) in sections.iter().enumerate() {
            let own = if let Some(d) = heading_dates.get(i).copied().flatten() {
                Some((Reference::day(d), DateSource::Section))
            } else if let (Some(n), Some(o)) = (day_counts.get(i).copied().flatten(), self.outbreak)
            {
                Some((
                    Reference::day(o + Duration::days(i64::from(n.max(1)) - 1)),
                    DateSource::Section,
                ))
            } else if let (true, Some(o), true) = (
                outbreak_today.get(i).copied().unwrap_or(false),
                self.outbreak,
                i > 0,
            ) {
                Some((Reference::day(o), DateSource::Section))
            } else {
                None
            };
            let reference = own.or(previous);
            self.section_refs.push(reference);
            previous = reference;
        }
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
        let reference = section.map(|(r, _)| r);
        let found = self.dates_of(index);
        let year_hint = found
            .iter()
            .find_map(|d| match d.value {
                DateValue::Day { year: Some(y), .. }
                | DateValue::Month { year: Some(y), .. }
                | DateValue::Year(y) => Some(y),
                _ => None,
            })
            .or(self.year_hint);
        let nearest = found
            .iter()
            .filter(|d| d.role != DateRole::Bound)
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
            if let Some(span) = dates::resolve(d.value, reference, year_hint, self.outbreak) {
                if self.after_publication(&span) {
                    return None;
                }
                return Some((Some(span), Some((d.start, d.end))));
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
            let carried = self
                .dates_of(prev_index)
                .iter()
                .rfind(|d| d.role == DateRole::At);
            if let Some(span) =
                carried.and_then(|d| dates::resolve(d.value, reference, year_hint, self.outbreak))
                && !self.after_publication(&span)
            {
                return Some((Some(span), None));
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
        Some((from_section, None))
    }

    pub(super) fn after_publication(&self, span: &DateSpan) -> bool {
        self.published
            .is_some_and(|p| span.start > p.end + Duration::days(1))
    }
}
