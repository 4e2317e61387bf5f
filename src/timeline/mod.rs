//! Time: the cursor and its modes (day, window, cumulative) and what is highlighted at the
//! cursor (here, pure); the commands that move the cursor and run playback ([`control`], pure);
//! the histogram ([`histogram`], pure); and the bottom panel that draws them ([`panel`]).

pub mod control;
pub mod histogram;
pub mod panel;

pub use control::TimeCommand;
pub use histogram::{BinSize, Histogram};

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use karabakh_core::model::{DateSpan, Precision};

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
    /// The days the histogram and slider show, zoomed or panned by the user (`None`: the
    /// data's dense part).
    #[serde(default)]
    pub shown: Option<(NaiveDate, NaiveDate)>,
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
            shown: None,
        }
    }
}

/// Whether a date is only rough: a month, a year, or a span of more than a week. Such an event
/// covers many days and is listed and drawn apart from the events of the day.
///
/// ```
/// use chrono::NaiveDate;
/// use karabakh_atlas::timeline::is_rough;
/// use karabakh_core::model::{DateSource, DateSpan, Precision};
/// let d = |m, day| NaiveDate::from_ymd_opt(2020, m, day).expect("a real date");
/// assert!(!is_rough(&DateSpan::day(d(10, 4), DateSource::Explicit)));
/// assert!(is_rough(&DateSpan::range(d(10, 1), d(10, 31), Precision::Month, DateSource::Explicit)));
/// assert!(is_rough(&DateSpan::range(d(10, 11), d(10, 20), Precision::Day, DateSource::Explicit)));
/// assert!(!is_rough(&DateSpan::range(d(10, 16), d(10, 17), Precision::Day, DateSource::Explicit)));
/// ```
pub fn is_rough(date: &DateSpan) -> bool {
    date.precision != Precision::Day || (date.end - date.start).num_days() > 6
}

/// How strongly an event is highlighted at the cursor: `None` when it is not, else 0..=1
/// (cumulative mode fades events by age over a year, never below 0.25).
///
/// ```
/// use chrono::NaiveDate;
/// use karabakh_core::model::{DateSpan, DateSource};
/// use karabakh_atlas::timeline::{highlight, TimeState};
/// let d = |m, day| NaiveDate::from_ymd_opt(2020, m, day).expect("a real date");
/// let state = TimeState { cursor: Some(d(10, 4)), ..TimeState::default() };
/// assert_eq!(highlight(Some(DateSpan::day(d(10, 4), DateSource::Explicit)), &state), Some(1.0));
/// assert_eq!(highlight(Some(DateSpan::day(d(10, 3), DateSource::Explicit)), &state), None);
/// ```
pub fn highlight(date: Option<DateSpan>, time: &TimeState) -> Option<f32> {
    let date = date?;
    shows(date, time).then(|| match (time.mode, time.cursor) {
        (TimeMode::Cumulative, Some(cursor)) => {
            let age = (cursor - date.end).num_days().max(0) as f32;
            (1.0 - age / 365.0).max(0.25)
        }
        _ => 1.0,
    })
}

/// Whether an event dated `date` is shown at the time `time` ([`highlight`] without the fade).
pub fn shows(date: DateSpan, time: &TimeState) -> bool {
    let Some(cursor) = time.cursor else {
        return false;
    };
    match time.mode {
        TimeMode::Day => date.contains(cursor),
        TimeMode::Window => {
            let half = Duration::days(i64::from(time.window_days));
            date.start <= cursor + half && cursor - half <= date.end
        }
        TimeMode::Cumulative => date.start <= cursor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use karabakh_core::model::DateSource;

    #[track_caller]
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day)
            .unwrap_or_else(|| panic!("no such test date: {}-{}-{}", y, m, day))
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
}
