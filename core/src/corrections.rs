//! An analyst's corrections to extracted events, kept in a sidecar file (never in the article
//! folder) and applied again on every load: reject an event, set its place, date, kind or
//! status, or merge events into one. Events are named by their stable ids
//! (`strike-ganja-2020-10-04`, from the extractor's reading), so a correction keeps applying as
//! long as the articles give that event; one whose event is gone is reported as stale and kept.
//!
//! The file:
//!
//! ```json
//! {"version": 1,
//!  "corrections": [
//!    {"event": "strike-kapan-2021-05-11", "reject": true},
//!    {"event": "strike-ganja-2020-10-04", "set": {"place": "Ganja", "date": "2020-10-05"}},
//!    {"event": "deployment-lachin-2020-11", "set": {"date": {"start": "2020-11-10", "end": "2020-11-12"}}},
//!    {"merge": ["strike-shusha-2020-10-08", "strike-stepanakert-2020-10-08"]}
//!  ],
//!  "note": "checked against the ministry's bulletins"}
//! ```

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::gazetteer::Gazetteer;
use crate::model::{
    Corrected, DateSource, DateSpan, Event, EventKind, Original, Precision, Status,
};

/// The only version of the format so far.
pub const VERSION: u32 = 1;

/// A corrections file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// The format's version: 1.
    pub version: u32,
    /// The corrections, applied in order.
    pub corrections: Vec<Correction>,
    /// Free text for the analyst.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One correction.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Correction {
    /// Drop the event: not a strike or deployment, or not one the articles report.
    Reject {
        /// The event's id.
        event: String,
        /// Always true.
        reject: bool,
    },
    /// Change what the extractor read.
    Set {
        /// The event's id.
        event: String,
        /// The new values.
        set: Changes,
    },
    /// Make several events one (the first keeps its id and takes the others' sources).
    Merge {
        /// The events' ids, at least two.
        merge: Vec<String>,
    },
}

/// The values a correction sets; those left out stay as they were.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Changes {
    /// A gazetteer place name ("Ganja", "Aghdam (Tovuz)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// A day ("2020-10-04") or a range of days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<DateSet>,
    /// Strike or deployment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<EventKind>,
    /// Reported, claimed or denied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
}

/// A corrected date: one day, or the first and last days of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DateSet {
    /// One day.
    Day(NaiveDate),
    /// From `start` to `end`, both included.
    Range {
        /// The first day.
        start: NaiveDate,
        /// The last day.
        end: NaiveDate,
    },
}

impl DateSet {
    /// The span the event gets: day-precise up to a week, month-precise beyond.
    fn span(self) -> DateSpan {
        match self {
            Self::Day(d) => DateSpan::day(d, DateSource::Explicit),
            Self::Range { start, end } => {
                let (start, end) = (start.min(end), start.max(end));
                let precision = if (end - start).num_days() <= 7 {
                    Precision::Day
                } else {
                    Precision::Month
                };
                DateSpan::range(start, end, precision, DateSource::Explicit)
            }
        }
    }
}

impl DateSet {
    /// A date as an analyst types it: a day ("2020-10-05", "5 Oct 2020"), a range of days
    /// ("2020-10-05 to 2020-10-07", "5–7 Oct 2020" written with both ends in full), a month
    /// ("October 2020", "2020-10") or a year ("2020").
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use karabakh_core::corrections::DateSet;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2020, m, day).unwrap();
    /// assert_eq!(DateSet::parse("5 Oct 2020"), Some(DateSet::Day(d(10, 5))));
    /// assert_eq!(
    ///     DateSet::parse("2020-10-05 to 7 October 2020"),
    ///     Some(DateSet::Range { start: d(10, 5), end: d(10, 7) })
    /// );
    /// assert_eq!(
    ///     DateSet::parse("Oct 2020"),
    ///     Some(DateSet::Range { start: d(10, 1), end: d(10, 31) })
    /// );
    /// assert_eq!(DateSet::parse("2020").map(|s| s.first()), Some(d(1, 1)));
    /// assert_eq!(DateSet::parse("next week"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let day = |t: &str| {
            let t = t.trim();
            NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .or_else(|| crate::dates::first_full_date(t))
        };
        for separator in [" to ", " until ", "..", " – ", " — ", " - ", "–", "—"] {
            if let Some((a, b)) = text.split_once(separator)
                && let (Some(start), Some(end)) = (day(a), day(b))
            {
                let (start, end) = (start.min(end), start.max(end));
                return Some(if start == end {
                    Self::Day(start)
                } else {
                    Self::Range { start, end }
                });
            }
        }
        if let Some(d) = day(text) {
            return Some(Self::Day(d));
        }
        let month = |year: i32, month: u32| {
            let start = NaiveDate::from_ymd_opt(year, month, 1)?;
            let end = start
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?;
            Some(Self::Range { start, end })
        };
        if let Some((y, m)) = text.split_once('-')
            && let (Ok(y), Ok(m)) = (y.parse::<i32>(), m.parse::<u32>())
            && y > 999
        {
            return month(y, m);
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            [year] if year.len() == 4 => {
                let year: i32 = year.parse().ok()?;
                Some(Self::Range {
                    start: NaiveDate::from_ymd_opt(year, 1, 1)?,
                    end: NaiveDate::from_ymd_opt(year, 12, 31)?,
                })
            }
            [name, year] if year.len() == 4 => {
                month(year.parse().ok()?, crate::dates::month_number(name)?)
            }
            _ => None,
        }
    }

    /// The first day.
    pub fn first(self) -> NaiveDate {
        match self {
            Self::Day(d) => d,
            Self::Range { start, .. } => start,
        }
    }
}

/// The file name of a folder's corrections in the app's data directory: the folder's name (made
/// safe) and a hash of its whole path, so two folders of the same name keep apart and the same
/// folder finds its file again on every run.
///
/// ```
/// use std::path::Path;
/// use karabakh_core::corrections::sidecar_file_name;
/// let a = sidecar_file_name(Path::new("/home/ana/news/Karabakh 2020"));
/// assert!(a.starts_with("Karabakh-2020-") && a.ends_with(".json"));
/// assert_eq!(a, sidecar_file_name(Path::new("/home/ana/news/Karabakh 2020")));
/// assert_ne!(a, sidecar_file_name(Path::new("/home/ana/old/Karabakh 2020")));
/// ```
pub fn sidecar_file_name(folder: &std::path::Path) -> String {
    let name: String = folder
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    // FNV-1a: fixed by its definition, so the name is the same on every run and build
    let hash = folder
        .as_os_str()
        .as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
    let name = if name.is_empty() {
        "folder".to_owned()
    } else {
        name
    };
    format!("{name}-{hash:016x}.json")
}

/// Why a corrections file cannot be used, in one line.
#[derive(Debug, thiserror::Error)]
pub enum CorrectionsError {
    /// Not JSON of the documented shape.
    #[error("{0}")]
    Malformed(String),
    /// A version this build does not know.
    #[error("version {0} is not supported (this build reads version {VERSION})")]
    Version(u32),
    /// A correction that can never apply.
    #[error("correction {index}: {why}")]
    Invalid {
        /// 1-based position in the file.
        index: usize,
        /// What is wrong.
        why: String,
    },
}

impl Corrections {
    /// Reads a corrections file's text, checking every correction against the gazetteer.
    pub fn parse(text: &str, gazetteer: &Gazetteer) -> Result<Self, CorrectionsError> {
        let file: Self =
            serde_json::from_str(text).map_err(|e| CorrectionsError::Malformed(e.to_string()))?;
        if file.version != VERSION {
            return Err(CorrectionsError::Version(file.version));
        }
        for (i, c) in file.corrections.iter().enumerate() {
            let invalid = |why: String| CorrectionsError::Invalid { index: i + 1, why };
            match c {
                Correction::Reject { reject: false, .. } => {
                    return Err(invalid("\"reject\" must be true".to_owned()));
                }
                Correction::Set { set, .. } => {
                    if let Some(place) = &set.place
                        && gazetteer.by_name(place).is_none()
                    {
                        return Err(invalid(format!(
                            "no place named '{place}' in the gazetteer"
                        )));
                    }
                    if *set == Changes::default() {
                        return Err(invalid("\"set\" changes nothing".to_owned()));
                    }
                }
                Correction::Merge { merge } if merge.len() < 2 => {
                    return Err(invalid("\"merge\" needs at least two events".to_owned()));
                }
                _ => {}
            }
        }
        Ok(file)
    }

    /// The file as written: pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// What applying corrections did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Corrections that found their events.
    pub applied: usize,
    /// Corrections naming an event the articles no longer give (1-based positions, with the
    /// missing ids): kept in the file, listed for the analyst.
    pub stale: Vec<(usize, String)>,
}

/// Applies `corrections` to `events` in order: rejected and merged-away events are removed,
/// changed ones keep their id and carry the extractor's reading in [`Event::original`]. The
/// events stay sorted as the extractor sorts them (date, place, kind).
pub fn apply(events: &mut Vec<Event>, corrections: &Corrections, gazetteer: &Gazetteer) -> Applied {
    let index: HashMap<String, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let mut removed = vec![false; events.len()];
    let mut result = Applied::default();
    for (n, correction) in corrections.corrections.iter().enumerate() {
        let find = |id: &String| index.get(id).copied().filter(|&i| !removed[i]);
        match correction {
            Correction::Reject { event, .. } => match find(event) {
                Some(i) => {
                    removed[i] = true;
                    result.applied += 1;
                }
                None => result.stale.push((n + 1, event.clone())),
            },
            Correction::Set { event, set } => match find(event) {
                Some(i) => {
                    if let Some(e) = events.get_mut(i) {
                        remember_original(e);
                        if let Some(p) = set.place.as_deref().and_then(|p| gazetteer.by_name(p))
                            && let Some(entry) = gazetteer.entry(p)
                        {
                            e.place = entry.place();
                        }
                        if let Some(d) = set.date {
                            e.date = Some(d.span());
                        }
                        if let Some(k) = set.kind {
                            e.kind = k;
                        }
                        if let Some(s) = set.status {
                            e.status = s;
                        }
                    }
                    result.applied += 1;
                }
                None => result.stale.push((n + 1, event.clone())),
            },
            Correction::Merge { merge } => {
                let found: Vec<usize> = merge.iter().filter_map(find).collect();
                let missing: Vec<&str> = merge
                    .iter()
                    .filter(|id| find(id).is_none())
                    .map(String::as_str)
                    .collect();
                if !missing.is_empty() || found.len() < 2 {
                    result.stale.push((n + 1, missing.join(", ")));
                    continue;
                }
                let (&keep, rest) = found.split_first().unwrap_or((&0, &[]));
                let mut taken = Vec::new();
                for &i in rest {
                    removed[i] = true;
                    if let Some(e) = events.get_mut(i) {
                        taken.append(&mut e.sources);
                    }
                }
                if let Some(e) = events.get_mut(keep) {
                    remember_original(e);
                    for s in taken {
                        if !e.sources.contains(&s) {
                            e.sources.push(s);
                        }
                    }
                }
                result.applied += 1;
            }
        }
    }
    let mut i = 0;
    events.retain(|_| {
        let keep = !removed[i];
        i += 1;
        keep
    });
    crate::extract::sort_events(events);
    result
}

/// Keeps the extractor's reading of `event`, once (a second correction keeps the first's).
fn remember_original(event: &mut Event) {
    if event.original.is_none() {
        event.original = Some(Corrected(Box::new(Original {
            kind: event.kind,
            place: event.place.clone(),
            date: event.date,
            status: event.status,
        })));
    }
}
