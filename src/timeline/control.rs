//! The commands that move the time cursor and run playback, and the one function that applies
//! them to a [`TimeState`]. Pure: no UI, unit-tested here.

use chrono::{Duration, NaiveDate};

use karabakh_core::model::Dataset;

use super::histogram::neighbour_event_day;
use super::{TimeMode, TimeState};

/// Everything that changes the time cursor, its mode or playback.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimeCommand {
    /// Move the cursor to a day (clamped to the data).
    SetDate(NaiveDate),
    /// Move the cursor by days (negative: back).
    StepDays(i64),
    /// Cursor to the first day of the data.
    JumpStart,
    /// Cursor to the last day of the data.
    JumpEnd,
    /// Cursor to the next (or previous) day on which an event starts.
    NeighbourEvent {
        /// Next rather than previous.
        forward: bool,
    },
    /// Day, window or cumulative.
    SetMode(TimeMode),
    /// Window half-width, days.
    SetWindowDays(u32),
    /// Start or stop playback (from the first day when the cursor is at the last).
    TogglePlay,
    /// Playback speed, days per second.
    SetSpeed(f32),
    /// Playback time passed, seconds: advances the cursor while playing, stops at the end.
    Tick(f64),
    /// Show these days on the histogram and slider (at least a week, within a year of the
    /// data), or the default range.
    Show(Option<(NaiveDate, NaiveDate)>),
}

/// `(a, b)` in order, at least a week long and within a year of the data's `range`.
fn shown_range(
    (a, b): (NaiveDate, NaiveDate),
    range: Option<(NaiveDate, NaiveDate)>,
) -> Option<(NaiveDate, NaiveDate)> {
    let (first, last) = range?;
    let margin = Duration::days(365);
    let (mut a, mut b) = (a.min(b).max(first - margin), a.max(b).min(last + margin));
    if (b - a).num_days() < 7 {
        let middle = a + Duration::days((b - a).num_days() / 2);
        a = middle - Duration::days(3);
        b = middle + Duration::days(4);
    }
    Some((a, b))
}

impl TimeState {
    /// Applies one command against the dates of `dataset`.
    pub fn apply(&mut self, command: TimeCommand, dataset: &Dataset) {
        self.apply_within(command, dataset, dataset.date_range());
    }

    /// [`TimeState::apply`] with the data's date range already known (the viewer keeps it, so
    /// that a command costs no pass over every event).
    pub fn apply_within(
        &mut self,
        command: TimeCommand,
        dataset: &Dataset,
        range: Option<(NaiveDate, NaiveDate)>,
    ) {
        self.apply_to_cursor(command, dataset, range);
        if matches!(command, TimeCommand::Show(_)) {
            return;
        }
        // a zoomed range follows a moving cursor past its edges, keeping its length
        if let (Some((a, b)), Some(c)) = (self.shown, self.cursor) {
            if c < a {
                self.shown = Some((c, b - (a - c)));
            } else if c > b {
                self.shown = Some((a + (c - b), c));
            }
        }
    }

    /// The command itself, before the zoomed range catches up with the cursor.
    fn apply_to_cursor(
        &mut self,
        command: TimeCommand,
        dataset: &Dataset,
        range: Option<(NaiveDate, NaiveDate)>,
    ) {
        let clamp = |d: NaiveDate| range.map_or(d, |(a, b)| d.clamp(a, b));
        match command {
            TimeCommand::SetDate(d) => self.cursor = Some(clamp(d)),
            TimeCommand::StepDays(n) => {
                if let Some(c) = self.cursor {
                    self.cursor = Some(clamp(c + Duration::days(n)));
                }
            }
            TimeCommand::JumpStart => self.cursor = range.map(|r| r.0),
            TimeCommand::JumpEnd => self.cursor = range.map(|r| r.1),
            TimeCommand::NeighbourEvent { forward } => {
                if let Some(d) = self
                    .cursor
                    .and_then(|c| neighbour_event_day(dataset, c, forward))
                {
                    self.cursor = Some(d);
                }
            }
            TimeCommand::SetMode(mode) => self.mode = mode,
            TimeCommand::SetWindowDays(n) => self.window_days = n.clamp(1, 365),
            TimeCommand::TogglePlay => {
                self.playing = !self.playing;
                self.play_carry = 0.0;
                if self.playing && self.cursor == range.map(|r| r.1) {
                    self.cursor = range.map(|r| r.0);
                }
            }
            TimeCommand::SetSpeed(s) => self.days_per_second = s.clamp(0.25, 120.0),
            TimeCommand::Tick(seconds) => self.tick(seconds, range),
            TimeCommand::Show(shown) => self.shown = shown.and_then(|s| shown_range(s, range)),
        }
    }

    /// The range a timeline shows: `shown`, or else `dense`.
    pub fn shown_or(&self, dense: (NaiveDate, NaiveDate)) -> (NaiveDate, NaiveDate) {
        self.shown.unwrap_or(dense)
    }

    /// Playback: whole days of `seconds × speed` (fractions carried), stopping on the last day.
    fn tick(&mut self, seconds: f64, range: Option<(NaiveDate, NaiveDate)>) {
        if !self.playing {
            return;
        }
        self.play_carry += seconds.max(0.0) * f64::from(self.days_per_second);
        let whole = self.play_carry.floor();
        self.play_carry -= whole;
        if let (Some(c), Some((_, end))) = (self.cursor, range) {
            let next = c + Duration::days(whole as i64);
            self.cursor = Some(next.min(end));
            if next >= end {
                self.playing = false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use karabakh_core::model::{DateSource, DateSpan, Event, EventKind, Place, PlaceKind, Status};

    #[track_caller]
    fn d(text: &str) -> NaiveDate {
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => date,
            Err(e) => panic!("bad test date {text:?}: {e}"),
        }
    }

    fn dataset(days: &[&str]) -> Dataset {
        let events = days
            .iter()
            .map(|day| Event {
                id: format!("e-{day}"),
                kind: EventKind::Strike,
                place: Place {
                    name: "Ganja".into(),
                    lat: 40.68,
                    lon: 46.36,
                    kind: PlaceKind::City,
                },
                date: Some(DateSpan::day(d(day), DateSource::Explicit)),
                actor: None,
                target: None,
                status: Status::Reported,
                confidence: 0.9,
                sources: Vec::new(),
                original: None,
            })
            .collect();
        Dataset {
            events,
            ..Dataset::default()
        }
    }

    fn at(cursor: &str) -> TimeState {
        TimeState {
            cursor: Some(d(cursor)),
            ..TimeState::default()
        }
    }

    #[test]
    fn steps_and_jumps_stay_inside_the_data() {
        let data = dataset(&["2020-09-27", "2020-10-04", "2020-11-10"]);
        let mut t = at("2020-10-01");
        t.apply(TimeCommand::StepDays(7), &data);
        assert_eq!(t.cursor, Some(d("2020-10-08")));
        t.apply(TimeCommand::StepDays(-100), &data);
        assert_eq!(t.cursor, Some(d("2020-09-27")));
        t.apply(TimeCommand::SetDate(d("2021-01-01")), &data);
        assert_eq!(t.cursor, Some(d("2020-11-10")));
        t.apply(TimeCommand::JumpStart, &data);
        assert_eq!(t.cursor, Some(d("2020-09-27")));
        t.apply(TimeCommand::JumpEnd, &data);
        assert_eq!(t.cursor, Some(d("2020-11-10")));
    }

    #[test]
    fn neighbour_event_moves_to_event_days_only() {
        let data = dataset(&["2020-09-27", "2020-10-04", "2020-11-10"]);
        let mut t = at("2020-09-28");
        t.apply(TimeCommand::NeighbourEvent { forward: true }, &data);
        assert_eq!(t.cursor, Some(d("2020-10-04")));
        t.apply(TimeCommand::NeighbourEvent { forward: true }, &data);
        assert_eq!(t.cursor, Some(d("2020-11-10")));
        // nothing after the last event: the cursor stays
        t.apply(TimeCommand::NeighbourEvent { forward: true }, &data);
        assert_eq!(t.cursor, Some(d("2020-11-10")));
        t.apply(TimeCommand::NeighbourEvent { forward: false }, &data);
        assert_eq!(t.cursor, Some(d("2020-10-04")));
    }

    #[test]
    fn playback_advances_by_whole_days_and_stops_at_the_end() {
        let data = dataset(&["2020-09-27", "2020-10-04"]);
        let mut t = at("2020-09-27");
        t.apply(TimeCommand::SetSpeed(2.0), &data);
        t.apply(TimeCommand::TogglePlay, &data);
        assert!(t.playing);
        t.apply(TimeCommand::Tick(0.25), &data); // half a day: carried
        assert_eq!(t.cursor, Some(d("2020-09-27")));
        t.apply(TimeCommand::Tick(0.25), &data);
        assert_eq!(t.cursor, Some(d("2020-09-28")));
        t.apply(TimeCommand::Tick(10.0), &data);
        assert_eq!(t.cursor, Some(d("2020-10-04")));
        assert!(!t.playing, "playback stops on the last day");
        // play again from the end: starts over from the first day
        t.apply(TimeCommand::TogglePlay, &data);
        assert!(t.playing);
        assert_eq!(t.cursor, Some(d("2020-09-27")));
    }

    #[test]
    fn ticks_while_paused_change_nothing() {
        let data = dataset(&["2020-09-27", "2020-10-04"]);
        let mut t = at("2020-09-30");
        t.apply(TimeCommand::Tick(5.0), &data);
        assert_eq!(t.cursor, Some(d("2020-09-30")));
    }

    #[test]
    fn mode_window_and_speed_are_bounded() {
        let data = dataset(&["2020-09-27"]);
        let mut t = TimeState::default();
        t.apply(TimeCommand::SetMode(TimeMode::Window), &data);
        assert_eq!(t.mode, TimeMode::Window);
        t.apply(TimeCommand::SetWindowDays(0), &data);
        assert_eq!(t.window_days, 1);
        t.apply(TimeCommand::SetWindowDays(10_000), &data);
        assert_eq!(t.window_days, 365);
        t.apply(TimeCommand::SetSpeed(1e6), &data);
        assert!((t.days_per_second - 120.0).abs() < f32::EPSILON);
    }

    #[test]
    fn a_shown_range_is_ordered_at_least_a_week_and_near_the_data() {
        let data = dataset(&["2020-09-27", "2020-11-10"]);
        let mut t = at("2020-10-01");
        t.apply(
            TimeCommand::Show(Some((d("2020-10-20"), d("2020-10-01")))),
            &data,
        );
        assert_eq!(t.shown, Some((d("2020-10-01"), d("2020-10-20"))));
        t.apply(
            TimeCommand::Show(Some((d("2020-10-05"), d("2020-10-06")))),
            &data,
        );
        assert_eq!(t.shown.map(|(a, b)| (b - a).num_days()), Some(7));
        t.apply(
            TimeCommand::Show(Some((d("1990-01-01"), d("2020-10-06")))),
            &data,
        );
        assert_eq!(t.shown.map(|s| s.0), Some(d("2019-09-28")));
        t.apply(TimeCommand::Show(None), &data);
        assert_eq!(t.shown, None);
    }

    #[test]
    fn a_zoomed_range_follows_the_cursor() {
        let data = dataset(&["2020-09-27", "2020-11-10"]);
        let mut t = at("2020-10-01");
        t.apply(
            TimeCommand::Show(Some((d("2020-09-28"), d("2020-10-05")))),
            &data,
        );
        t.apply(TimeCommand::StepDays(7), &data);
        assert_eq!(t.cursor, Some(d("2020-10-08")));
        assert_eq!(t.shown, Some((d("2020-10-01"), d("2020-10-08"))));
        t.apply(TimeCommand::JumpStart, &data);
        assert_eq!(t.shown, Some((d("2020-09-27"), d("2020-10-04"))));
        // zooming or panning away from the cursor leaves it out of view
        t.apply(
            TimeCommand::Show(Some((d("2020-11-01"), d("2020-11-10")))),
            &data,
        );
        assert_eq!(t.shown, Some((d("2020-11-01"), d("2020-11-10"))));
    }
}
