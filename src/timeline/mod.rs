//! Time: the cursor and its modes (day, window, cumulative), playback, what is highlighted at
//! the cursor (pure, tested), the histogram bucketing (pure, tested), and the timeline drawing.

mod draw;

pub use draw::timeline_ui;

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{Dataset, DateSpan, EventKind};

/// How the cursor selects events.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeMode {
    /// Events whose interval contains the cursor day.
    #[default]
    Day,
    /// Events overlapping the cursor ± `window_days`.
    Window,
    /// Every event up to the cursor, older ones fading.
    Cumulative,
}

impl TimeMode {
    /// Label in the UI.
    pub fn label(self) -> &'static str {
        match self {
            Self::Day => "Day",
            Self::Window => "Window",
            Self::Cumulative => "Cumulative",
        }
    }
}

/// The time cursor and playback, persisted between runs.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeState {
    /// The day the slider points at (`None` until a dataset with dates is loaded).
    pub cursor: Option<NaiveDate>,
    /// Selection mode.
    pub mode: TimeMode,
    /// Half-width of the window in window mode, days.
    pub window_days: u32,
    /// Whether playback runs.
    #[serde(skip)]
    pub playing: bool,
    /// Playback speed, days per second.
    pub days_per_second: f32,
    /// Fractional days accumulated by playback.
    #[serde(skip)]
    pub play_carry: f64,
}

impl Default for TimeState {
    fn default() -> Self {
        Self {
            cursor: None,
            mode: TimeMode::Day,
            window_days: 3,
            playing: false,
            days_per_second: 4.0,
            play_carry: 0.0,
        }
    }
}

/// How strongly an event is highlighted at the cursor: `None` when it is not, else 0..=1
/// (cumulative mode fades events by age over a year, never below 0.25).
///
/// ```
/// use chrono::NaiveDate;
/// use karabakh_atlas::model::{DateSpan, DateSource};
/// use karabakh_atlas::timeline::{highlight, TimeState};
/// let d = |m, day| NaiveDate::from_ymd_opt(2020, m, day).unwrap_or_default();
/// let state = TimeState { cursor: Some(d(10, 4)), ..TimeState::default() };
/// assert_eq!(highlight(Some(DateSpan::day(d(10, 4), DateSource::Explicit)), &state), Some(1.0));
/// assert_eq!(highlight(Some(DateSpan::day(d(10, 3), DateSource::Explicit)), &state), None);
/// ```
pub fn highlight(date: Option<DateSpan>, time: &TimeState) -> Option<f32> {
    let (date, cursor) = (date?, time.cursor?);
    match time.mode {
        TimeMode::Day => date.contains(cursor).then_some(1.0),
        TimeMode::Window => {
            let half = Duration::days(i64::from(time.window_days));
            (date.start <= cursor + half && cursor - half <= date.end).then_some(1.0)
        }
        TimeMode::Cumulative => (date.start <= cursor).then(|| {
            let age = (cursor - date.end).num_days().max(0) as f32;
            (1.0 - age / 365.0).max(0.25)
        }),
    }
}

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
        let Some(d) = e
            .date
            .filter(|d| d.precision == crate::model::Precision::Day)
        else {
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
        .filter(|d| d.precision == crate::model::Precision::Day)
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
    use crate::model::{DateSource, Event, Place, PlaceKind, Status};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
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
    fn modes() {
        let ev = Some(DateSpan::day(d(2020, 10, 4), DateSource::Explicit));
        let mut t = TimeState {
            cursor: Some(d(2020, 10, 6)),
            ..TimeState::default()
        };
        assert_eq!(highlight(ev, &t), None);
        t.mode = TimeMode::Window;
        assert_eq!(highlight(ev, &t), Some(1.0));
        t.window_days = 1;
        assert_eq!(highlight(ev, &t), None);
        t.mode = TimeMode::Cumulative;
        assert!(highlight(ev, &t).is_some_and(|w| w < 1.0 && w > 0.9));
        t.cursor = Some(d(2020, 10, 1));
        assert_eq!(highlight(ev, &t), None);
        assert_eq!(highlight(None, &t), None);
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
