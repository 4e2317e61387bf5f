//! The data model shared by the extractor, the CLI and the viewer: articles, places, dated
//! events with their evidence, per-file problems, and the [`Dataset`] with its time queries.
//!
//! Everything here is plain data (serde) with no UI in it. Dates are calendar days
//! ([`chrono::NaiveDate`]); an event date is an inclusive interval with a [`Precision`].

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// What happened: an attack by fire, or forces moved into or stationed at a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Shelling, artillery, missile, drone or air strike, bombardment, opening fire.
    Strike,
    /// Troops, peacekeepers, monitors or mercenaries moved into or stationed at a place.
    Deployment,
}

impl EventKind {
    /// Lower-case English name, as in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Strike => "strike",
            Self::Deployment => "deployment",
        }
    }
}

/// How the reporting text stands behind an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Stated as fact by the text.
    Reported,
    /// Attributed to a party or hedged ("claims", "allegedly", "reportedly").
    Claimed,
    /// Claimed by one side and denied by another.
    Denied,
}

impl Status {
    /// Lower-case English name, as in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Reported => "reported",
            Self::Claimed => "claimed",
            Self::Denied => "denied",
        }
    }
}

/// How finely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day (or a span of a few days, such as "this weekend").
    Day,
    /// A month, or part of one ("in mid-October").
    Month,
    /// A year.
    Year,
}

/// Where an event date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A calendar date written in the text ("4 October", "in March 2022").
    Explicit,
    /// A date relative to the article's date ("yesterday", "on Saturday", "the fifth day of fighting").
    Relative,
    /// The date of the dated heading or post the sentence sits under.
    Section,
    /// The article's publication date, for a sentence that gives no date of its own.
    Published,
}

/// An inclusive interval of days with its precision and provenance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DateSpan {
    /// First day (inclusive).
    pub start: NaiveDate,
    /// Last day (inclusive); never before `start`.
    pub end: NaiveDate,
    /// How finely the date is known.
    pub precision: Precision,
    /// Where the date came from.
    #[serde(rename = "from")]
    pub source: DateSource,
}

impl DateSpan {
    /// A single day.
    pub fn day(date: NaiveDate, source: DateSource) -> Self {
        Self {
            start: date,
            end: date,
            precision: Precision::Day,
            source,
        }
    }

    /// The interval `start..=end`, swapped if given backwards.
    pub fn range(
        start: NaiveDate,
        end: NaiveDate,
        precision: Precision,
        source: DateSource,
    ) -> Self {
        let (start, end) = if end < start {
            (end, start)
        } else {
            (start, end)
        };
        Self {
            start,
            end,
            precision,
            source,
        }
    }

    /// Whether `date` lies inside the interval.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Length in days (1 for a single day).
    pub fn len_days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }
}

/// The publication date of an article, as precise as its source gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Published {
    /// `YYYY-MM-DD`.
    Day(NaiveDate),
    /// `YYYY-MM`: year and month.
    Month(i32, u32),
    /// `YYYY`.
    Year(i32),
}

impl Published {
    /// The days this publication date may stand for.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            Self::Day(d) => Some((d, d)),
            Self::Month(y, m) => {
                let start = NaiveDate::from_ymd_opt(y, m, 1)?;
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)?
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)?
                };
                Some((start, next.pred_opt()?))
            }
            Self::Year(y) => Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            )),
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (surrounding space ignored).
    ///
    /// ```
    /// use karabakh_core::model::Published;
    /// assert_eq!(Published::parse("2025-07").map(|p| p.to_string()), Some("2025-07".to_owned()));
    /// assert!(Published::parse("2025-13").is_none());
    /// ```
    pub fn parse(text: &str) -> Option<Self> {
        use chrono::format::{Item, Numeric, Pad, Parsed};
        // what `"%Y-%m-%d"` reads, given as items: not parsed from a format string each time
        const DAY: [Item<'static>; 5] = [
            Item::Numeric(Numeric::Year, Pad::Zero),
            Item::Literal("-"),
            Item::Numeric(Numeric::Month, Pad::Zero),
            Item::Literal("-"),
            Item::Numeric(Numeric::Day, Pad::Zero),
        ];
        let text = text.trim();
        let mut parts = text.split('-');
        let first = parts.next()?;
        let year: i32 = first.parse().ok()?;
        if !(1900..=2200).contains(&year) || first.len() != 4 {
            return None;
        }
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Some(Self::Year(year)),
            (Some(month), None, _) => {
                let month: u32 = month.parse().ok()?;
                NaiveDate::from_ymd_opt(year, month, 1)?;
                Some(Self::Month(year, month))
            }
            (Some(_), Some(_), None) => {
                let mut parsed = Parsed::new();
                chrono::format::parse(&mut parsed, text, DAY.iter()).ok()?;
                Some(Self::Day(parsed.to_naive_date().ok()?))
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for Published {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Self::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Self::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl From<NaiveDate> for Published {
    fn from(date: NaiveDate) -> Self {
        Self::Day(date)
    }
}

/// Where an article's publication date was learnt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedFrom {
    /// `articles.csv` beside the articles, or an HTML `<meta>` publication time.
    Metadata,
    /// A `date:` line in leading YAML (`---`) or TOML (`+++`) front matter.
    FrontMatter,
    /// A dated line near the top of the text ("Published 17 October 2020").
    Dateline,
    /// A date in the file name (`2020-10-17`, `20201017`).
    FileName,
}

impl PublishedFrom {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Metadata => "metadata",
            Self::FrontMatter => "front_matter",
            Self::Dateline => "dateline",
            Self::FileName => "file_name",
        }
    }
}

/// One article read from the folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Path relative to the opened folder, with `/` separators.
    pub path: String,
    /// Title from metadata, front matter, HTML `<title>` or the first short line.
    pub title: Option<String>,
    /// Publication date, if any source gives one.
    pub published: Option<Published>,
    /// Where `published` came from.
    pub published_from: Option<PublishedFrom>,
    /// Outlet from `articles.csv`, if given.
    pub source: Option<String>,
    /// Where the article was published, from `articles.csv`, if given.
    pub url: Option<String>,
    /// The decoded, NFC-normalised article text (empty once dropped to save memory).
    pub text: String,
}

/// What a gazetteer place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceKind {
    /// A city.
    City,
    /// A town.
    Town,
    /// A village.
    Village,
    /// An Azerbaijani district (rayon).
    District,
    /// An Armenian province (marz).
    Province,
    /// A region such as Nagorno-Karabakh or Nakhchivan.
    Region,
    /// A country.
    Country,
    /// The Lachin corridor.
    Corridor,
    /// A lake, mountain or bridge.
    Landmark,
}

impl PlaceKind {
    /// Lower-case English name, as in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::City => "city",
            Self::Town => "town",
            Self::Village => "village",
            Self::District => "district",
            Self::Province => "province",
            Self::Region => "region",
            Self::Country => "country",
            Self::Corridor => "corridor",
            Self::Landmark => "landmark",
        }
    }

    /// Whether the place is an area drawn as such on the map rather than a point.
    pub fn is_area(self) -> bool {
        matches!(
            self,
            Self::District | Self::Province | Self::Region | Self::Country
        )
    }

    /// Smaller is more specific: towns before districts before regions before countries.
    pub fn specificity_rank(self) -> u8 {
        match self {
            Self::Village | Self::Landmark => 0,
            Self::Town | Self::City => 1,
            Self::Corridor => 2,
            Self::District | Self::Province => 3,
            Self::Region => 4,
            Self::Country => 5,
        }
    }
}

/// A place events are located at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Canonical English name.
    pub name: String,
    /// Latitude in degrees (WGS84).
    pub lat: f64,
    /// Longitude in degrees (WGS84).
    pub lon: f64,
    /// What kind of place it is.
    pub kind: PlaceKind,
}

/// One sentence that reported an event. Serialised with its trigger words as `trigger` (see
/// [`Source::trigger`]) and without the highlights.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The article's path relative to the folder (one allocation per article, shared by its
    /// sources).
    pub article: Arc<str>,
    /// The sentence, exactly `text[start..end]` of the decoded article (one allocation per
    /// sentence, shared by its triggers' sources).
    pub sentence: Arc<str>,
    /// Byte offset of the sentence start in the decoded UTF-8 text.
    pub start: u64,
    /// Byte offset one past the sentence end.
    pub end: u64,
    /// Why this place was chosen when several bear its name ("one of 3 places named Aghdam:
    /// the one in Tovuz District, which the paragraph names").
    pub place_note: Option<Box<str>>,
    /// Where the date came from when it is not written whole in the sentence ("year 2020 from
    /// 'Ganja 2020'", "counted from the publication date, 17 Oct 2020", "the section heading
    /// 'October 3': no date in the sentence"); shared by the sources of one trigger.
    pub date_note: Option<Arc<str>>,
    /// Byte ranges inside `sentence` to emphasise: the trigger words, and the place and date
    /// words when they are written in the sentence.
    pub highlights: Box<[Highlight]>,
    /// The side this sentence says struck or deployed (the event's actor is the one most of
    /// its sentences name); not in the JSON, which gives the event's.
    pub actor: Option<&'static str>,
}

impl Source {
    /// The words that triggered the event ("shelled", "deployed"): the sentence's trigger
    /// highlight, or nothing when it has none.
    pub fn trigger(&self) -> &str {
        self.highlights
            .iter()
            .find(|h| h.role == HighlightRole::Trigger)
            .and_then(|h| self.sentence.get(h.range()))
            .unwrap_or_default()
    }
}

impl Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let notes = usize::from(self.place_note.is_some()) + usize::from(self.date_note.is_some());
        let mut out = serializer.serialize_struct("Source", 5 + notes)?;
        out.serialize_field("article", &*self.article)?;
        out.serialize_field("sentence", &*self.sentence)?;
        out.serialize_field("start", &self.start)?;
        out.serialize_field("end", &self.end)?;
        out.serialize_field("trigger", self.trigger())?;
        match &self.place_note {
            Some(note) => out.serialize_field("place_note", &**note)?,
            None => out.skip_field("place_note")?,
        }
        match &self.date_note {
            Some(note) => out.serialize_field("date_note", &**note)?,
            None => out.skip_field("date_note")?,
        }
        out.end()
    }
}

/// What a highlighted stretch of an evidence sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HighlightRole {
    /// The trigger words.
    Trigger,
    /// The place name.
    Place,
    /// The date words.
    Date,
}

/// A byte range of an evidence sentence and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// Byte offset in the sentence.
    pub start: u32,
    /// Byte offset one past the end.
    pub end: u32,
    /// Trigger, place or date.
    pub role: HighlightRole,
}

impl Highlight {
    /// A highlight of `range` of the sentence (offsets past `u32::MAX` are clamped: no sentence
    /// is that long).
    pub fn new(range: std::ops::Range<usize>, role: HighlightRole) -> Self {
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Self {
            start: at(range.start),
            end: at(range.end),
            role,
        }
    }

    /// The byte range in the sentence.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A reported strike or deployment: one kind, one place, one date, with every source that reported it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Stable identifier built from kind, place and date.
    pub id: String,
    /// Strike or deployment.
    pub kind: EventKind,
    /// Where.
    pub place: Place,
    /// When, if the text allows it to be fixed.
    pub date: Option<DateSpan>,
    /// The side that struck or deployed, when stated.
    pub actor: Option<String>,
    /// The side struck or deployed against, when stated.
    pub target: Option<String>,
    /// Reported, claimed or denied.
    pub status: Status,
    /// 0..1: how sure the extractor is of kind, place and date together.
    pub confidence: f64,
    /// Every sentence that reported it.
    pub sources: Vec<Source>,
    /// The extractor's own reading, when an analyst's correction changed the event (see
    /// [`crate::corrections`]); in JSON `"corrected": true, "original": {…}`, absent otherwise.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub original: Option<Corrected>,
}

impl Event {
    /// Whether an analyst's correction changed this event.
    pub fn corrected(&self) -> bool {
        self.original.is_some()
    }

    /// The extractor's reading of a corrected event.
    pub fn original(&self) -> Option<&Original> {
        self.original.as_ref().map(|c| &*c.0)
    }
}

/// The mark of a corrected event: the extractor's reading before the correction.
#[derive(Clone, Debug, PartialEq)]
pub struct Corrected(pub Box<Original>);

impl Serialize for Corrected {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("corrected", &true)?;
        map.serialize_entry("original", &*self.0)?;
        map.end()
    }
}

/// An event as the extractor read it, kept beside an analyst's correction.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Original {
    /// Strike or deployment.
    pub kind: EventKind,
    /// Where.
    pub place: Place,
    /// When.
    pub date: Option<DateSpan>,
    /// Reported, claimed or denied.
    pub status: Status,
}

/// A file that could not be read as an article, or was read with a caveat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// Path relative to the folder (or the folder itself).
    pub path: String,
    /// One clear sentence saying what is wrong.
    pub problem: String,
}

/// Everything extracted from one folder: what the viewer shows and `extract --json` prints.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// Articles in path order (texts may have been dropped to save memory).
    pub articles: Vec<Article>,
    /// Events sorted by date (undated last), place, kind.
    pub events: Vec<Event>,
    /// Per-file problems, in path order.
    pub problems: Vec<Problem>,
}

impl Dataset {
    /// The first and last day any dated event touches.
    pub fn date_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let mut dated = self.events.iter().filter_map(|e| e.date);
        let first = dated.next()?;
        Some(dated.fold((first.start, first.end), |(lo, hi), d| {
            (lo.min(d.start), hi.max(d.end))
        }))
    }

    /// Indices of the events whose interval contains `date`.
    pub fn events_on(&self, date: NaiveDate) -> Vec<usize> {
        self.events_between(date, date)
    }

    /// Indices of the events whose interval overlaps `first..=last`.
    pub fn events_between(&self, first: NaiveDate, last: NaiveDate) -> Vec<usize> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.date.is_some_and(|d| d.start <= last && first <= d.end))
            .map(|(i, _)| i)
            .collect()
    }

    /// Indices of the events with no date.
    pub fn undated(&self) -> Vec<usize> {
        self.events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.date.is_none())
            .map(|(i, _)| i)
            .collect()
    }

    /// The article with this relative path.
    pub fn article(&self, path: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.path == path)
    }
}

/// The day `date` formatted as `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_read_as_chrono_reads_year_month_day() {
        let days = [
            "2020-10-05",
            " 2020-10-05 ",
            "2020-1-5",
            "2020-10-5",
            "2020-02-29",
            "2021-02-29",
            "2020-13-01",
            "2020-00-10",
            "2020-10-00",
            "2020-10-32",
            "2020-10-05x",
            "2020-+1-05",
            "2020- 1-05",
            "2020-001-05",
            "2020-10-",
            "2020--05",
            "2020-1٠-05",
            "1900-01-01",
            "2200-12-31",
        ];
        for text in days {
            let chrono = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
            let ours = match Published::parse(text) {
                Some(Published::Day(d)) => Some(d),
                _ => None,
            };
            assert_eq!(ours, chrono, "{text:?}");
        }
    }

    #[track_caller]
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day)
            .unwrap_or_else(|| panic!("no such test date: {}-{}-{}", y, m, day))
    }

    #[test]
    fn published_month_spans_the_whole_month() {
        assert_eq!(
            Published::Month(2024, 2).span(),
            Some((d(2024, 2, 1), d(2024, 2, 29)))
        );
        assert_eq!(
            Published::Month(2020, 12).span(),
            Some((d(2020, 12, 1), d(2020, 12, 31)))
        );
    }

    #[test]
    fn published_parse_rejects_garbage() {
        assert_eq!(
            Published::parse("2020-10-05"),
            Some(Published::Day(d(2020, 10, 5)))
        );
        assert_eq!(Published::parse(" 2020 "), Some(Published::Year(2020)));
        for bad in ["", "20-10-05", "2020-02-30", "yesterday", "2020-1-1-1"] {
            assert_eq!(Published::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn date_span_range_is_ordered() {
        let s = DateSpan::range(
            d(2020, 10, 5),
            d(2020, 10, 1),
            Precision::Day,
            DateSource::Explicit,
        );
        assert!(s.start <= s.end);
        assert_eq!(s.len_days(), 5);
        assert!(s.contains(d(2020, 10, 3)));
        assert!(!s.contains(d(2020, 10, 6)));
    }
}
