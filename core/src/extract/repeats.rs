//! What one article says twice or only in passing, removed once all its sentences are read: a
//! headline or heading repeating an event the body reports, a month-long summary of days the
//! article reports one by one ("four attacks on Ganja in October 2020"), an undated repeat of a
//! dated event, and history told in passing by its year ("the city was captured in 1992" in a
//! report of 2020).

use chrono::Duration;

use super::Mention;
use crate::model::{DateSource, EventKind, Precision};

/// How far before the article's latest day an event told by its year is history.
const HISTORY: Duration = Duration::days(2 * 365);

/// Drops from `mentions` the repeats and background of one article. `from_heading[i]` says
/// whether mention `i` comes from a heading line; `published_end` is the last day the
/// publication date may stand for; `covers(a, b)` whether place `a` is place `b` or an area
/// holding it (a headline's "villages in Tavush" and the body's Chinari).
pub(super) fn drop_repeats(
    mentions: &mut Vec<Mention>,
    from_heading: &[bool],
    published_end: Option<chrono::NaiveDate>,
    covers: impl Fn(usize, usize) -> bool,
) {
    let same = |a: &Mention, b: &Mention| a.kind == b.kind && a.place == b.place;
    let body: Vec<(EventKind, usize)> = mentions
        .iter()
        .zip(from_heading)
        .filter(|(_, heading)| !**heading)
        .map(|(m, _)| (m.kind, m.place))
        .collect();
    let days: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.date.is_some_and(|d| d.precision == Precision::Day))
        .collect();
    let latest = days
        .iter()
        .filter_map(|m| m.date.map(|d| d.end))
        .chain(published_end)
        .max();
    let keep: Vec<bool> = mentions
        .iter()
        .zip(from_heading)
        .map(|(m, heading)| {
            if *heading
                && body
                    .iter()
                    .any(|&(kind, place)| kind == m.kind && covers(m.place, place))
            {
                return false;
            }
            match m.date {
                None => !mentions.iter().any(|o| o.date.is_some() && same(o, m)),
                // the headline's "are shelling Jermuk" dated by publication, the body's "On 13
                // September" the same event
                Some(d) if d.source == DateSource::Published => !mentions.iter().any(|o| {
                    same(o, m)
                        && o.date.is_some_and(|od| {
                            od.source != DateSource::Published
                                && od.precision == Precision::Day
                                && (od.start - d.start).num_days().abs() <= 2
                        })
                }),
                Some(d) if d.precision != Precision::Day => {
                    let summary = days
                        .iter()
                        .any(|o| same(o, m) && o.date.is_some_and(|od| d.contains(od.start)));
                    // a year told in passing ("captured in 1992"); a month is a timeline's
                    // entry ("April 2016: forces capture Lelatepe") and stays
                    let history = d.precision == Precision::Year
                        && latest.is_some_and(|l| d.end + HISTORY < l);
                    !(summary || history)
                }
                Some(_) => true,
            }
        })
        .collect();
    let mut flags = keep.into_iter();
    mentions.retain(|_| flags.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Source, Status};
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("no such test date"))
    }

    fn mention(place: usize, date: Option<DateSpan>) -> Mention {
        Mention {
            kind: EventKind::Strike,
            place,
            date,
            actor: None,
            target: None,
            status: Status::Reported,
            confidence: 0.8,
            source: Source {
                article: "a.txt".into(),
                sentence: "".into(),
                start: 0,
                end: 0,
                place_note: None,
                actor: None,
                date_note: None,
                highlights: Box::default(),
            },
        }
    }

    #[test]
    fn repeats_and_history_go() {
        let oct = DateSpan::range(
            day(2020, 10, 1),
            day(2020, 10, 31),
            Precision::Month,
            DateSource::Explicit,
        );
        let y1992 = DateSpan::range(
            day(1992, 1, 1),
            day(1992, 12, 31),
            Precision::Year,
            DateSource::Explicit,
        );
        let d4 = DateSpan::day(day(2020, 10, 4), DateSource::Explicit);
        let mut mentions = vec![
            mention(1, Some(d4)),    // a heading: the body says it too
            mention(1, Some(oct)),   // a summary of the days below
            mention(1, Some(d4)),    // the body
            mention(1, None),        // an undated repeat
            mention(2, Some(y1992)), // history
            mention(3, None),        // undated, but nothing else says it
        ];
        drop_repeats(
            &mut mentions,
            &[true, false, false, false, false, false],
            None,
            |a, b| a == b,
        );
        let left: Vec<(usize, Option<DateSpan>)> =
            mentions.iter().map(|m| (m.place, m.date)).collect();
        assert_eq!(left, [(1, Some(d4)), (3, None)]);
    }
}
