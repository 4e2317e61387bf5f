//! The histogram under the timeline: events per day, binned by day, week or month for the range
//! shown (the bin chosen from its span), the default range without far outliers, the busiest
//! day, and the days on which events start.

use chrono::{Datelike, Duration, NaiveDate};

use karabakh_core::model::{Dataset, Event, EventKind, Precision};

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

/// Events per day by kind, the data's range and its dense part: what the histogram draws for
/// any range shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Histogram {
    /// First day of the data.
    pub first: NaiveDate,
    /// Last day of the data.
    pub last: NaiveDate,
    /// (day, strikes, deployments) for every day on which a day-precision event starts, in
    /// order.
    pub days: Vec<(NaiveDate, u32, u32)>,
    /// The range shown by default: the data without its far outliers (a 1992 event among
    /// 2020 reporting would leave every real event in the last pixels).
    pub dense: (NaiveDate, NaiveDate),
    /// Events starting before and after `dense`.
    pub outside: (usize, usize),
}

impl Histogram {
    /// The bin width for a range of `days` days: days up to ~4 months, weeks up to ~3 years,
    /// then months.
    pub fn bin_for(days: i64) -> BinSize {
        if days <= 120 {
            BinSize::Day
        } else if days <= 3 * 366 {
            BinSize::Week
        } else {
            BinSize::Month
        }
    }

    /// Events per bin over `from..=to`: (first day of bin, strikes, deployments), every bin of
    /// the range present, in order.
    pub fn bins(&self, from: NaiveDate, to: NaiveDate) -> (BinSize, Vec<(NaiveDate, u32, u32)>) {
        let bin = Self::bin_for((to - from).num_days());
        let mut bins = Vec::new();
        let mut at = bin_start(from, bin);
        while at <= to && bins.len() < 10_000 {
            bins.push((at, 0, 0));
            at = next_bin(at, bin);
        }
        let lo = self.days.partition_point(|(d, _, _)| *d < from);
        for &(day, strikes, deployments) in self.days.get(lo..).unwrap_or_default() {
            if day > to {
                break;
            }
            let key = bin_start(day, bin);
            if let Ok(i) = bins.binary_search_by_key(&key, |b| b.0)
                && let Some(b) = bins.get_mut(i)
            {
                b.1 += strikes;
                b.2 += deployments;
            }
        }
        (bin, bins)
    }
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

/// (day, strikes, deployments) for every day on which one of `events` dated to the day
/// starts, in order.
pub fn day_counts<'a>(events: impl Iterator<Item = &'a Event>) -> Vec<(NaiveDate, u32, u32)> {
    let mut days: std::collections::BTreeMap<NaiveDate, (u32, u32)> =
        std::collections::BTreeMap::new();
    for e in events {
        let Some(d) = e.date.filter(|d| d.precision == Precision::Day) else {
            continue;
        };
        let count = days.entry(d.start).or_default();
        match e.kind {
            EventKind::Strike => count.0 += 1,
            EventKind::Deployment => count.1 += 1,
        }
    }
    days.into_iter().map(|(d, (s, p))| (d, s, p)).collect()
}

/// Counts dated events per day (an event counts on its first day; month- and year-precision
/// events are drawn as spans separately). `None` without dated events.
pub fn histogram(dataset: &Dataset) -> Option<Histogram> {
    let (first, last) = dataset.date_range()?;
    let days = day_counts(dataset.events.iter());
    let starts: Vec<NaiveDate> = {
        let mut starts: Vec<NaiveDate> = dataset
            .events
            .iter()
            .filter_map(|e| e.date.map(|d| d.start))
            .collect();
        starts.sort_unstable();
        starts
    };
    let (dense, outside) = dense_range(&starts).unwrap_or(((first, last), (0, 0)));
    // a few days of data still get a week's axis, centred on them
    let short = 6 - (dense.1 - dense.0).num_days();
    let dense = if short > 0 {
        let before = Duration::days(short / 2);
        (dense.0 - before, dense.1 + Duration::days(short) - before)
    } else {
        dense
    };
    Some(Histogram {
        first,
        last,
        days,
        dense,
        outside,
    })
}

/// The range of sorted `starts` without far outliers, and how many fall before and after it.
/// An outlier lies more than a year, and more than three interquartile ranges, outside the
/// middle half of the dates: one 1992 event among 2020–2023 reporting is one, a long war's
/// first month is not.
pub fn dense_range(starts: &[NaiveDate]) -> Option<((NaiveDate, NaiveDate), (usize, usize))> {
    let n = starts.len();
    let (&first, &last) = (starts.first()?, starts.last()?);
    let quartile = |q: usize| starts.get((n - 1) * q / 4).copied().unwrap_or(first);
    let (q1, q3) = (quartile(1), quartile(3));
    let reach = Duration::days(((q3 - q1).num_days() * 3).max(365));
    let (lo, hi) = (q1 - reach, q3 + reach);
    let before = starts.partition_point(|d| *d < lo);
    let after = n - starts.partition_point(|d| *d <= hi);
    let inside = starts.get(before..n - after)?;
    Some((
        (
            inside.first().copied().unwrap_or(first),
            inside.last().copied().unwrap_or(last),
        ),
        (before, after),
    ))
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
            original: None,
        }
    }

    #[test]
    fn histogram_bins_follow_the_range_shown() {
        let short = Dataset {
            events: vec![
                event(EventKind::Strike, d(2020, 9, 27)),
                event(EventKind::Deployment, d(2020, 9, 27)),
                event(EventKind::Strike, d(2020, 10, 4)),
            ],
            ..Dataset::default()
        };
        let h = histogram(&short).unwrap_or_else(|| panic!("dated events"));
        let (bin, bins) = h.bins(h.first, h.last);
        assert_eq!(bin, BinSize::Day);
        assert_eq!(bins.len(), 8);
        assert_eq!(bins.first().copied(), Some((d(2020, 9, 27), 1, 1)));
        // zoomed out over three years: weeks; over four, months
        assert_eq!(h.bins(d(2020, 1, 1), d(2022, 12, 1)).0, BinSize::Week);
        let (bin, bins) = h.bins(d(2019, 1, 1), d(2023, 1, 1));
        assert_eq!(bin, BinSize::Month);
        assert_eq!(bins.iter().map(|b| b.1 + b.2).sum::<u32>(), 3);
        assert!(histogram(&Dataset::default()).is_none());
        assert_eq!(busiest_day(&short), Some(d(2020, 9, 27)));
    }

    #[test]
    fn a_single_day_of_data_gets_a_week_centred_on_it() {
        let one = Dataset {
            events: vec![event(EventKind::Strike, d(2020, 10, 4))],
            ..Dataset::default()
        };
        let h = histogram(&one).unwrap_or_else(|| panic!("dated events"));
        assert_eq!((h.first, h.last), (d(2020, 10, 4), d(2020, 10, 4)));
        assert_eq!(h.dense, (d(2020, 10, 1), d(2020, 10, 7)));
    }

    #[test]
    fn a_far_outlier_is_left_out_of_the_default_range() {
        let mut events: Vec<Event> = (0..40)
            .map(|i| event(EventKind::Strike, d(2020, 9, 27) + Duration::days(i * 20)))
            .collect();
        events.push(event(EventKind::Strike, d(1992, 5, 8)));
        let h = histogram(&Dataset {
            events,
            ..Dataset::default()
        })
        .unwrap_or_else(|| panic!("dated events"));
        assert_eq!(h.first, d(1992, 5, 8));
        assert_eq!(h.dense.0, d(2020, 9, 27));
        assert_eq!(h.outside, (1, 0));
        // a war's few first days are no outliers
        let starts = [
            d(2020, 9, 27),
            d(2020, 9, 28),
            d(2020, 10, 30),
            d(2020, 11, 9),
        ];
        assert_eq!(
            dense_range(&starts),
            Some(((d(2020, 9, 27), d(2020, 11, 9)), (0, 0)))
        );
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
