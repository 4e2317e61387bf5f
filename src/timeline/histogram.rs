//! The histogram under the timeline: events per day, week or month (the bin chosen from the
//! span of the data), the busiest day, and the days on which events start.

use chrono::{Datelike, Duration, NaiveDate};

use karabakh_core::model::{Dataset, EventKind, Precision};

/// Histogram bin width, chosen from the span of the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinSize {
    /// One bar per day (spans up to ~4 months).
    Day,
    /// One bar per week (up to ~3 years).
    Week,
    /// One bar per month.
    Month,
}

/// Events per bin, by kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// Bin width.
    pub bin: BinSize,
    /// First day of the data.
    pub first: NaiveDate,
    /// Last day of the data.
    pub last: NaiveDate,
    /// (first day of bin, strikes, deployments), in order.
    pub bins: Vec<(NaiveDate, u32, u32)>,
}

fn bin_start(date: NaiveDate, bin: BinSize) -> NaiveDate {
    match bin {
        BinSize::Day => date,
        BinSize::Week => date - Duration::days(i64::from(date.weekday().num_days_from_monday())),
        BinSize::Month => date.with_day(1).unwrap_or(date),
    }
}

fn next_bin(date: NaiveDate, bin: BinSize) -> NaiveDate {
    match bin {
        BinSize::Day => date + Duration::days(1),
        BinSize::Week => date + Duration::days(7),
        BinSize::Month => date
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(date + Duration::days(31)),
    }
}

/// Counts dated events per bin (an event counts in the bin of its first day; month- and
/// year-precision events are drawn as spans separately). `None` without dated events.
pub fn histogram(dataset: &Dataset) -> Option<Histogram> {
    let (first, last) = dataset.date_range()?;
    let span = (last - first).num_days();
    let bin = if span <= 120 {
        BinSize::Day
    } else if span <= 3 * 366 {
        BinSize::Week
    } else {
        BinSize::Month
    };
    let mut bins = Vec::new();
    let mut at = bin_start(first, bin);
    while at <= last && bins.len() < 100_000 {
        bins.push((at, 0, 0));
        at = next_bin(at, bin);
    }
    for e in &dataset.events {
        let Some(d) = e.date.filter(|d| d.precision == Precision::Day) else {
            continue;
        };
        let key = bin_start(d.start, bin);
        if let Ok(i) = bins.binary_search_by_key(&key, |b| b.0)
            && let Some(b) = bins.get_mut(i)
        {
            match e.kind {
                EventKind::Strike => b.1 += 1,
                EventKind::Deployment => b.2 += 1,
            }
        }
    }
    Some(Histogram {
        bin,
        first,
        last,
        bins,
    })
}

/// The day-precision day with the most events: where the slider starts on a new dataset.
pub fn busiest_day(dataset: &Dataset) -> Option<NaiveDate> {
    let mut counts: std::collections::BTreeMap<NaiveDate, usize> =
        std::collections::BTreeMap::new();
    for d in dataset
        .events
        .iter()
        .filter_map(|e| e.date)
        .filter(|d| d.precision == Precision::Day)
    {
        *counts.entry(d.start).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|(d, n)| (*n, std::cmp::Reverse(*d)))
        .map(|(d, _)| d)
}

/// The first day on which some event starts strictly after (`forward`) or before `from`.
pub fn neighbour_event_day(dataset: &Dataset, from: NaiveDate, forward: bool) -> Option<NaiveDate> {
    let starts = dataset
        .events
        .iter()
        .filter_map(|e| e.date.map(|d| d.start));
    if forward {
        starts.filter(|&d| d > from).min()
    } else {
        starts.filter(|&d| d < from).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use karabakh_core::model::{DateSource, DateSpan, Event, Place, PlaceKind, Status};

    #[track_caller]
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day)
            .unwrap_or_else(|| panic!("no such test date: {}-{}-{}", y, m, day))
    }

    fn event(kind: EventKind, start: NaiveDate) -> Event {
        Event {
            id: String::new(),
            kind,
            place: Place {
                name: "Ganja".into(),
                lat: 40.68,
                lon: 46.36,
                kind: PlaceKind::City,
            },
            date: Some(DateSpan::day(start, DateSource::Explicit)),
            actor: None,
            target: None,
            status: Status::Reported,
            confidence: 0.9,
            sources: Vec::new(),
        }
    }

    #[test]
    fn histogram_bins_follow_span() {
        let short = Dataset {
            events: vec![
                event(EventKind::Strike, d(2020, 9, 27)),
                event(EventKind::Deployment, d(2020, 9, 27)),
                event(EventKind::Strike, d(2020, 10, 4)),
            ],
            ..Dataset::default()
        };
        let h = histogram(&short);
        assert_eq!(h.as_ref().map(|h| h.bin), Some(BinSize::Day));
        assert_eq!(h.as_ref().map(|h| h.bins.len()), Some(8));
        assert_eq!(
            h.as_ref().and_then(|h| h.bins.first().copied()),
            Some((d(2020, 9, 27), 1, 1))
        );
        let three_years = Dataset {
            events: vec![
                event(EventKind::Strike, d(2020, 9, 27)),
                event(EventKind::Strike, d(2023, 9, 19)),
            ],
            ..Dataset::default()
        };
        assert_eq!(histogram(&three_years).map(|h| h.bin), Some(BinSize::Week));
        let long = Dataset {
            events: vec![
                event(EventKind::Strike, d(2020, 1, 1)),
                event(EventKind::Strike, d(2023, 9, 19)),
            ],
            ..Dataset::default()
        };
        assert_eq!(histogram(&long).map(|h| h.bin), Some(BinSize::Month));
        assert!(histogram(&Dataset::default()).is_none());
        assert_eq!(busiest_day(&short), Some(d(2020, 9, 27)));
    }

    #[test]
    fn next_and_previous_event() {
        let ds = Dataset {
            events: vec![
                event(EventKind::Strike, d(2020, 9, 27)),
                event(EventKind::Strike, d(2020, 10, 4)),
            ],
            ..Dataset::default()
        };
        assert_eq!(
            neighbour_event_day(&ds, d(2020, 9, 27), true),
            Some(d(2020, 10, 4))
        );
        assert_eq!(
            neighbour_event_day(&ds, d(2020, 10, 4), false),
            Some(d(2020, 9, 27))
        );
        assert_eq!(neighbour_event_day(&ds, d(2020, 10, 4), true), None);
    }
}
