//! Sides and contested events. An event's side is the actor the extractor read, grouped as an
//! analyst sorts them (Azerbaijan; Armenia; the Nagorno-Karabakh (Artsakh) authorities; Russia
//! and its peacekeepers; the EU and other monitors; other states; not stated). An event is
//! contested when it is a claim another side denied, or when its reports — its own sentences,
//! or other events of the same kind at the same place on the same days — name different sides
//! as the one who struck or deployed.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{Event, EventKind, Precision, Status};

/// The side that struck or deployed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Side {
    /// Azerbaijan's forces.
    Azerbaijan,
    /// Armenia's forces.
    Armenia,
    /// The Nagorno-Karabakh (Artsakh) authorities and their forces.
    Karabakh,
    /// Russia, and its peacekeepers.
    Russia,
    /// The EU mission and other monitors (OSCE, UN).
    Monitors,
    /// Another state (Turkey, the CSTO).
    Other,
    /// Not stated.
    Unknown,
}

impl Side {
    /// Every side, in the order of legends and filters.
    pub const ALL: [Self; 7] = [
        Self::Azerbaijan,
        Self::Armenia,
        Self::Karabakh,
        Self::Russia,
        Self::Monitors,
        Self::Other,
        Self::Unknown,
    ];

    /// The side of an event whose actor the extractor read as `actor`.
    ///
    /// ```
    /// use karabakh_core::contest::Side;
    /// assert_eq!(Side::of(Some("Karabakh")), Side::Karabakh);
    /// assert_eq!(Side::of(Some("EU")), Side::Monitors);
    /// assert_eq!(Side::of(None), Side::Unknown);
    /// ```
    pub fn of(actor: Option<&str>) -> Self {
        match actor {
            Some("Azerbaijan") => Self::Azerbaijan,
            Some("Armenia") => Self::Armenia,
            Some("Karabakh") => Self::Karabakh,
            Some("Russia") => Self::Russia,
            Some("EU" | "OSCE" | "UN") => Self::Monitors,
            Some(_) => Self::Other,
            None => Self::Unknown,
        }
    }

    /// The side in words.
    pub fn label(self) -> &'static str {
        match self {
            Self::Azerbaijan => "Azerbaijan",
            Self::Armenia => "Armenia",
            Self::Karabakh => "Nagorno-Karabakh (Artsakh)",
            Self::Russia => "Russia and its peacekeepers",
            Self::Monitors => "EU and other monitors",
            Self::Other => "Other states",
            Self::Unknown => "Side not stated",
        }
    }
}

/// Why an event is contested.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contest {
    /// A claim that another side denied.
    pub denied: bool,
    /// Its own sentences name different sides as the one who struck or deployed: for each
    /// side named, the first source (index into the event's sources) naming it.
    pub split: Vec<(Side, usize)>,
    /// Other events (indices) of the same kind, place and days whose reports name another side
    /// as the actor.
    pub disputed_by: Vec<usize>,
}

/// For each of `events`, why it is contested, if it is. Reports of one place on the same days
/// are compared only where both are dated to a few days at most (a month-long span says nothing
/// of who struck on a given day).
pub fn contested(events: &[Event]) -> Vec<Option<Contest>> {
    let mut result: Vec<Option<Contest>> = events
        .iter()
        .map(|e| {
            let mut split: Vec<(Side, usize)> = Vec::new();
            for (i, s) in e.sources.iter().enumerate() {
                let side = Side::of(s.actor);
                if s.actor.is_some() && !split.iter().any(|(known, _)| *known == side) {
                    split.push((side, i));
                }
            }
            if split.len() < 2 {
                split.clear();
            }
            let denied = e.status == Status::Denied;
            (denied || !split.is_empty()).then(|| Contest {
                denied,
                split,
                ..Contest::default()
            })
        })
        .collect();
    // precisely dated events with a stated side, by place and kind, in order of first day
    let mut groups: HashMap<(&str, EventKind), Vec<usize>> = HashMap::new();
    for (i, e) in events.iter().enumerate() {
        let precise = e
            .date
            .is_some_and(|d| d.precision == Precision::Day && d.len_days() <= 3);
        if precise && e.actor.is_some() {
            groups.entry((&e.place.name, e.kind)).or_default().push(i);
        }
    }
    let span = |i: usize| {
        events
            .get(i)
            .and_then(|e| e.date)
            .map(|d| (d.start, d.end))
            .unwrap_or_default()
    };
    let side = |i: usize| Side::of(events.get(i).and_then(|e| e.actor.as_deref()));
    for members in groups.values_mut() {
        members.sort_by_key(|&i| span(i));
        for (n, &a) in members.iter().enumerate() {
            let (_, a_end) = span(a);
            for &b in members.iter().skip(n + 1) {
                let (b_start, _) = span(b);
                if b_start > a_end {
                    break;
                }
                if side(a) != side(b) {
                    for (x, y) in [(a, b), (b, a)] {
                        if let Some(slot) = result.get_mut(x) {
                            slot.get_or_insert_with(Contest::default)
                                .disputed_by
                                .push(y);
                        }
                    }
                }
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSource, DateSpan, Place, PlaceKind};
    use chrono::NaiveDate;

    fn event(place: &str, day: u32, actor: Option<&str>, status: Status) -> Event {
        let date =
            NaiveDate::from_ymd_opt(2020, 10, day).map(|d| DateSpan::day(d, DateSource::Explicit));
        Event {
            id: format!("strike-{place}-{day}-{actor:?}"),
            kind: EventKind::Strike,
            place: Place {
                name: place.to_owned(),
                lat: 40.0,
                lon: 46.0,
                kind: PlaceKind::City,
            },
            date,
            actor: actor.map(str::to_owned),
            target: None,
            status,
            confidence: 0.9,
            sources: Vec::new(),
            original: None,
        }
    }

    #[test]
    fn a_denied_claim_and_reports_naming_different_sides_are_contested() {
        let events = vec![
            // Ganja, 4 October: one report says Armenia struck, another Azerbaijan (each blaming
            // the other for the same shelling)
            event("Ganja", 4, Some("Armenia"), Status::Reported),
            event("Ganja", 4, Some("Azerbaijan"), Status::Claimed),
            // the same side twice is agreement, not a dispute
            event("Barda", 4, Some("Armenia"), Status::Reported),
            event("Barda", 4, Some("Armenia"), Status::Claimed),
            // another day at Ganja, and a report that names no side, dispute nothing
            event("Ganja", 9, Some("Azerbaijan"), Status::Reported),
            event("Ganja", 4, None, Status::Reported),
            // a claim denied
            event("Shusha", 8, Some("Azerbaijan"), Status::Denied),
        ];
        let contest = contested(&events);
        assert_eq!(
            contest[0],
            Some(Contest {
                disputed_by: vec![1],
                ..Contest::default()
            })
        );
        assert_eq!(
            contest[1].as_ref().map(|c| c.disputed_by.clone()),
            Some(vec![0])
        );
        assert_eq!(contest[2], None);
        assert_eq!(contest[3], None);
        assert_eq!(contest[4], None);
        assert_eq!(contest[5], None);
        assert_eq!(
            contest[6],
            Some(Contest {
                denied: true,
                ..Contest::default()
            })
        );
    }

    #[test]
    fn sentences_of_one_event_naming_different_sides_contest_it() {
        let source = |actor: Option<&'static str>| crate::model::Source {
            article: "a.txt".into(),
            sentence: "Ganja was shelled.".into(),
            start: 0,
            end: 18,
            place_note: None,
            date_note: None,
            highlights: Box::default(),
            actor,
        };
        let mut e = event("Ganja", 4, Some("Armenia"), Status::Reported);
        e.sources = vec![
            source(Some("Armenia")),
            source(None),
            source(Some("Armenia")),
        ];
        assert_eq!(contested(std::slice::from_ref(&e)), vec![None]);
        e.sources.push(source(Some("Azerbaijan")));
        assert_eq!(
            contested(&[e]),
            vec![Some(Contest {
                split: vec![(Side::Armenia, 0), (Side::Azerbaijan, 3)],
                ..Contest::default()
            })]
        );
    }
}
