//! The viewer's state: the dataset on screen with the tables derived from it, the persisted
//! view (map, time, filters, folders), the analyst's corrections, the selection and what is open. Panels read it; only the
//! app changes it, by applying commands.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use karabakh_core::contest::{Contest, Side};
use karabakh_core::corpus::ReadOptions;
use karabakh_core::load::Progress;
use karabakh_core::model::{Dataset, EventKind, Status};
use karabakh_core::names::NameLanguage;

use crate::map::MapView;
use crate::sidecar::Sidecar;
use crate::table::EventTable;
use crate::timeline::{self, Histogram, TimeMode, TimeState};

/// A load running in the background, as the panels show it.
pub struct LoadStatus {
    /// The folder being read.
    pub folder: PathBuf,
    /// Shared progress and cancel flag.
    pub progress: Arc<Progress>,
}

/// Where the dataset on screen came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The seed articles compiled into the binary.
    Bundled,
    /// A folder on disk.
    Folder(PathBuf),
}

impl Origin {
    /// A short name for the title bar.
    pub fn label(&self) -> String {
        match self {
            Self::Bundled => "Bundled seed articles".to_owned(),
            Self::Folder(p) => p.display().to_string(),
        }
    }
}

/// Which events the list and map show, persisted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// Show strikes.
    pub strikes: bool,
    /// Show deployments.
    pub deployments: bool,
    /// Show reported events.
    pub reported: bool,
    /// Show claimed events.
    pub claimed: bool,
    /// Show denied events.
    pub denied: bool,
    /// Case-insensitive text searched in place, actor, target and sentences.
    pub search: String,
    /// Show events dated only roughly (a month, a year, a span of over a week) in Day and
    /// Window modes, where they would otherwise show on every day they cover.
    #[serde(default = "shown")]
    pub rough: bool,
    /// Only events whose dates overlap these days (first, last), when set; undated events are
    /// then left out.
    #[serde(default)]
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// Sides whose events are hidden.
    #[serde(default)]
    pub hidden_sides: Vec<Side>,
    /// Only contested events: claims another side denied, and reports naming different sides.
    #[serde(default)]
    pub contested_only: bool,
}

fn shown() -> bool {
    true
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            strikes: true,
            deployments: true,
            reported: true,
            claimed: true,
            denied: true,
            search: String::new(),
            rough: true,
            dates: None,
            hidden_sides: Vec::new(),
            contested_only: false,
        }
    }
}

impl Filters {
    /// Whether an event passes the kind, status and text filters.
    pub fn passes(&self, event: &karabakh_core::model::Event) -> bool {
        let kind = match event.kind {
            EventKind::Strike => self.strikes,
            EventKind::Deployment => self.deployments,
        };
        let status = match event.status {
            Status::Reported => self.reported,
            Status::Claimed => self.claimed,
            Status::Denied => self.denied,
        };
        if !(kind && status) {
            return false;
        }
        if !self.hidden_sides.is_empty()
            && self
                .hidden_sides
                .contains(&Side::of(event.actor.as_deref()))
        {
            return false;
        }
        if let Some((first, last)) = self.dates
            && !event
                .date
                .is_some_and(|d| d.start <= last && first <= d.end)
        {
            return false;
        }
        let needle = self.search.trim().to_lowercase();
        needle.is_empty()
            || event.place.name.to_lowercase().contains(&needle)
            || event
                .actor
                .as_deref()
                .is_some_and(|a| a.to_lowercase().contains(&needle))
            || event
                .target
                .as_deref()
                .is_some_and(|a| a.to_lowercase().contains(&needle))
            || event.sources.iter().any(|s| {
                s.sentence.to_lowercase().contains(&needle)
                    || s.article.to_lowercase().contains(&needle)
            })
    }
}

/// What survives a restart (the dataset does not).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Persisted {
    /// Map pan and zoom.
    pub map: MapView,
    /// Slider date, mode and speed.
    pub time: TimeState,
    /// List and map filters.
    pub filters: Filters,
    /// Most recent first.
    pub recent_folders: Vec<PathBuf>,
    /// The folder open at exit (`None`: the bundled seeds).
    pub last_folder: Option<PathBuf>,
    /// Whether the map legend is folded away (settings saved before it existed show it).
    #[serde(default)]
    pub legend_hidden: bool,
    /// Whether the user folded or unfolded the legend; until then it is unfolded only on a map
    /// large enough to leave most of it free.
    #[serde(default)]
    pub legend_chosen: bool,
    /// Whether the side panel (filters, list, evidence) is folded away to give the map room.
    #[serde(default)]
    pub list_hidden: bool,
    /// Corrections files the user chose (File › Corrections), by article folder; other folders
    /// keep theirs in the app's data directory.
    #[serde(default)]
    pub corrections_files: Vec<(PathBuf, PathBuf)>,
    /// Which names places are shown by (map, lists, evidence, table).
    #[serde(default)]
    pub names: NameLanguage,
    /// Whether markers take the colour of the side that struck or deployed, not of their kind.
    #[serde(default)]
    pub colour_by_side: bool,
}

impl Persisted {
    /// The corrections file the user chose for `folder`, if any.
    pub fn corrections_file(&self, folder: &Path) -> Option<&PathBuf> {
        self.corrections_files
            .iter()
            .find(|(f, _)| f == folder)
            .map(|(_, file)| file)
    }

    /// Remembers `file` as `folder`'s corrections file.
    pub fn choose_corrections_file(&mut self, folder: PathBuf, file: PathBuf) {
        self.corrections_files.retain(|(f, _)| *f != folder);
        self.corrections_files.push((folder, file));
    }
}

impl Persisted {
    /// Settings from their saved text: defaults when there is none, defaults and a notice
    /// when it cannot be read.
    pub fn restore(saved: Option<&str>) -> (Self, Option<String>) {
        match saved.map(serde_json::from_str::<Self>) {
            None => (Self::default(), None),
            Some(Ok(v)) => (v, None),
            Some(Err(_)) => (
                Self::default(),
                Some("Saved settings could not be read; starting with defaults.".to_owned()),
            ),
        }
    }
}

/// An article opened in full.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleView {
    /// Path relative to the dataset's folder.
    pub path: String,
    /// Title, if known.
    pub title: Option<String>,
    /// The text, or why it cannot be shown.
    pub text: Result<String, String>,
    /// The sentence to show, byte range into the text.
    pub focus: (usize, usize),
    /// Scroll to the sentence on the next frame.
    pub scroll_pending: bool,
    /// A warning when the file no longer holds the sentence.
    pub changed: bool,
}

/// A dataset with the tables the panels derive from it.
pub struct Prepared {
    dataset: Dataset,
    histogram: Option<Histogram>,
    timeline_spans: Vec<(NaiveDate, NaiveDate, EventKind)>,
    places: Vec<karabakh_core::model::Place>,
    event_place: Vec<usize>,
    undated: Vec<usize>,
    busiest_day: Option<NaiveDate>,
    events_per_article: Vec<u32>,
    contested: Vec<Option<Contest>>,
    sides: Vec<Side>,
}

impl Prepared {
    /// The dataset these tables were derived from.
    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// Derives the histogram, spans, place index, undated list and busiest day.
    pub fn new(dataset: Dataset) -> Self {
        let timeline_spans = dataset
            .events
            .iter()
            .filter_map(|e| {
                e.date
                    .filter(|d| d.precision != karabakh_core::model::Precision::Day)
                    .map(|d| (d.start, d.end, e.kind))
            })
            .collect();
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut places = Vec::new();
        let event_place = dataset
            .events
            .iter()
            .map(|e| {
                *index.entry(e.place.name.as_str()).or_insert_with(|| {
                    places.push(e.place.clone());
                    places.len() - 1
                })
            })
            .collect();
        // how many events each article gave (an event counts once per article it cites)
        let article_index: std::collections::HashMap<&str, usize> = dataset
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.path.as_str(), i))
            .collect();
        let mut events_per_article = vec![0u32; dataset.articles.len()];
        let mut cited: Vec<usize> = Vec::new();
        for e in &dataset.events {
            cited.clear();
            cited.extend(
                e.sources
                    .iter()
                    .filter_map(|s| article_index.get(&*s.article).copied()),
            );
            cited.sort_unstable();
            cited.dedup();
            for &a in &cited {
                if let Some(n) = events_per_article.get_mut(a) {
                    *n += 1;
                }
            }
        }
        drop(article_index);
        Self {
            events_per_article,
            contested: karabakh_core::contest::contested(&dataset.events),
            sides: {
                let mut present = [false; Side::ALL.len()];
                for e in &dataset.events {
                    let side = Side::of(e.actor.as_deref());
                    if let Some(n) = Side::ALL.iter().position(|s| *s == side) {
                        present[n] = true;
                    }
                }
                Side::ALL
                    .into_iter()
                    .zip(present)
                    .filter(|(_, p)| *p)
                    .map(|(s, _)| s)
                    .collect()
            },
            histogram: timeline::histogram::histogram(&dataset),
            timeline_spans,
            places,
            event_place,
            undated: dataset.undated(),
            busiest_day: timeline::histogram::busiest_day(&dataset),
            dataset,
        }
    }
}

/// Everything the panels draw from.
pub struct AppState {
    /// The dataset on screen.
    pub dataset: Arc<Dataset>,
    /// Bumped whenever `dataset` changes (keys the caches).
    pub generation: u64,
    /// Where it came from.
    pub origin: Origin,
    /// Persisted view state.
    pub view: Persisted,
    /// The selected event (index into `dataset.events`).
    pub selected: Option<usize>,
    /// Events highlighted at the cursor and passing the filters, by first day, the roughly
    /// dated last.
    pub visible: Vec<usize>,
    /// Events passing the filters at any date.
    pub filtered: Vec<usize>,
    /// Every distinct place of the dataset, and for each event the index of its place in it
    /// (so per-frame grouping by place needs no string comparisons).
    pub places: Vec<karabakh_core::model::Place>,
    /// Index into `places` for each event.
    pub event_place: Vec<usize>,
    /// Indices of the undated events.
    pub undated: Vec<usize>,
    /// How many of `visible` are roughly dated (they come last).
    pub visible_rough: usize,
    /// `filtered`'s dated events by first day, the exactly dated then the roughly dated (an
    /// interval index: in Cumulative mode the visible events are a prefix of each).
    by_start: (Vec<usize>, Vec<usize>),
    /// The places of `filtered` (the map's faint context), each once.
    pub filtered_places: Vec<karabakh_core::model::Place>,
    /// Histogram of the dataset.
    pub histogram: Option<Histogram>,
    /// Month- and year-precision events as (start, end, kind), drawn as spans on the timeline.
    pub timeline_spans: Vec<(NaiveDate, NaiveDate, EventKind)>,
    /// A load in progress: which folder, and its progress.
    pub loading: Option<LoadStatus>,
    /// A message for the user (load failures, dialog hints, reset settings).
    pub notice: Option<String>,
    /// The full-article window.
    pub article: Option<ArticleView>,
    /// Whether the problems window is open.
    pub show_problems: bool,
    /// Whether the list of loaded articles is open.
    pub show_articles: bool,
    /// For each of the dataset's articles, how many events it gave.
    pub events_per_article: Vec<u32>,
    /// Whether the About window (version, data sources and their credits) is open.
    pub show_about: bool,
    /// The analyst's corrections of this data, and the file that keeps them.
    pub sidecar: Sidecar,
    /// Whether the corrections window is open.
    pub show_corrections: bool,
    /// The events table: its order, rows and marks.
    pub table: EventTable,
    /// For each event, why it is contested, if it is.
    pub contested: Vec<Option<Contest>>,
    /// How many events are contested.
    pub contested_count: usize,
    /// The histogram's counts of every event, as the loader made them (the histogram shows
    /// those the filters pass).
    histogram_days: Vec<(NaiveDate, u32, u32)>,
    /// The sides the events name, in [`Side::ALL`] order.
    pub sides: Vec<Side>,
    /// A frame export in progress: frames written, and to write.
    pub frames_progress: Option<(usize, usize)>,
    /// The time saved at the last exit, put back when the first folder of the session has
    /// loaded (the bundled seeds are shown, and move the cursor, until then).
    pub restore: Option<TimeState>,
    /// Whether the map is to be fitted to its panel in the next frame (at a first start, and
    /// on Reset view: only the panel knows its size).
    pub fit_map: bool,
    /// Whether the folder dialog is open.
    pub dialog_open: bool,
    /// A map image being saved: the map shows its caption until the picture is taken (the frame
    /// after the request).
    pub capture: Option<PathBuf>,
    visible_key: Option<(u64, Option<NaiveDate>, TimeMode, u32, Filters)>,
}

impl AppState {
    /// A state showing `dataset`.
    pub fn new(dataset: Dataset, origin: Origin, view: Persisted) -> Self {
        let mut state = Self {
            dataset: Arc::new(Dataset::default()),
            generation: 0,
            origin,
            view,
            selected: None,
            visible: Vec::new(),
            filtered: Vec::new(),
            filtered_places: Vec::new(),
            by_start: (Vec::new(), Vec::new()),
            visible_rough: 0,
            places: Vec::new(),
            event_place: Vec::new(),
            undated: Vec::new(),
            histogram: None,
            timeline_spans: Vec::new(),
            loading: None,
            notice: None,
            article: None,
            show_problems: false,
            show_articles: false,
            events_per_article: Vec::new(),
            show_about: false,
            sidecar: Sidecar::in_memory(),
            show_corrections: false,
            table: EventTable::default(),
            contested: Vec::new(),
            contested_count: 0,
            histogram_days: Vec::new(),
            sides: Vec::new(),
            frames_progress: None,
            fit_map: false,
            restore: None,
            dialog_open: false,
            capture: None,
            visible_key: None,
        };
        state.set_dataset(dataset);
        state
    }

    pub fn set_dataset(&mut self, dataset: Dataset) {
        self.set_prepared(Prepared::new(dataset));
    }

    /// Shows a dataset whose derived tables are already computed (a loader thread does that,
    /// so that a large folder arrives without a long frame).
    pub fn set_prepared(&mut self, prepared: Prepared) {
        let Prepared {
            dataset,
            histogram,
            timeline_spans,
            places,
            event_place,
            undated,
            busiest_day,
            events_per_article,
            contested,
            sides,
        } = prepared;
        self.contested_count = contested.iter().filter(|c| c.is_some()).count();
        self.contested = contested;
        self.sides = sides;
        self.events_per_article = events_per_article;
        self.histogram_days = histogram
            .as_ref()
            .map(|h| h.days.clone())
            .unwrap_or_default();
        self.histogram = histogram;
        self.timeline_spans = timeline_spans;
        // keep the slider where it was if something happens there in the new data,
        // else start on the busiest day
        let range = dataset.date_range();
        let time = self.view.time;
        let shows_events = |c: NaiveDate| {
            let at = TimeState {
                cursor: Some(c),
                ..time
            };
            dataset
                .events
                .iter()
                .any(|e| timeline::highlight(e.date, &at).is_some())
        };
        self.view.time.cursor = match (self.view.time.cursor, range) {
            (Some(c), Some((a, b))) if a <= c && c <= b && shows_events(c) => Some(c),
            (_, Some((a, _))) => busiest_day.or(Some(a)),
            (c, None) => c,
        };
        // a zoomed range stays if it still shows some of the data
        let overlaps =
            |(a, b): (NaiveDate, NaiveDate)| range.is_some_and(|(f, l)| a <= l && f <= b);
        if !self.view.time.shown.is_some_and(overlaps) {
            self.view.time.shown = None;
        }
        self.places = places;
        self.event_place = event_place;
        self.undated = undated;
        let old = std::mem::replace(&mut self.dataset, Arc::new(dataset));
        // freeing a large dataset takes milliseconds: do it off the UI thread
        if old.events.len() > 10_000 {
            let _ = std::thread::Builder::new()
                .name("dataset-drop".to_owned())
                .spawn(move || drop(old));
        }
        self.generation += 1;
        self.selected = None;
        self.article = None;
        self.refresh_visible();
    }

    /// Replaces the dataset after the open folder changed on disk: the slider stays where the
    /// user left it (within the new date range), the selection follows its event if it still
    /// exists, and an open article stays open.
    pub fn update_dataset(&mut self, mut dataset: Dataset) {
        self.sidecar.correct(&mut dataset);
        let selected_id = self.selected_id();
        self.replace_dataset(dataset, selected_id);
    }

    /// What the user should know about the corrections just read: a file that cannot be read
    /// (left untouched), or corrections whose events are gone (kept).
    pub fn corrections_notice(&self) -> Option<String> {
        let sidecar = &self.sidecar;
        if let (Some(why), Some(path)) = (&sidecar.unreadable, &sidecar.path) {
            return Some(format!(
                "The corrections file {} cannot be read ({why}); it is left as it is, and new corrections are not saved until you save them elsewhere (File › Corrections…).",
                path.display()
            ));
        }
        match sidecar.applied.stale.len() {
            0 => None,
            1 => Some(
                "1 correction no longer matches an event; it is kept (File › Corrections…)."
                    .to_owned(),
            ),
            n => Some(format!(
                "{n} corrections no longer match an event; they are kept (File › Corrections…)."
            )),
        }
    }

    /// A notice when the last change to the corrections could not be written.
    pub fn corrections_write_notice(&self) -> Option<String> {
        let sidecar = &self.sidecar;
        if let Some(e) = &sidecar.write_error {
            return Some(format!("Correction applied but not saved: {e}."));
        }
        sidecar.unreadable.as_ref().map(|_| {
            "Correction applied, not saved: the corrections file could not be read and is left as it is (File › Corrections… to save elsewhere).".to_owned()
        })
    }

    /// The selected event's id.
    fn selected_id(&self) -> Option<String> {
        self.selected
            .and_then(|i| self.dataset.events.get(i))
            .map(|e| e.id.clone())
    }

    /// Applies the corrections again after they changed: as an update, the slider, the
    /// selection (while its event exists) and an open article stay.
    pub fn recorrect(&mut self) {
        let selected_id = self.selected_id();
        let mut dataset = Arc::unwrap_or_clone(std::mem::take(&mut self.dataset));
        self.sidecar.recorrect(&mut dataset);
        self.replace_dataset(dataset, selected_id);
    }

    /// Shows `dataset` in place of the one on screen, keeping the slider, the selection (found
    /// by `selected_id`) and an open article.
    fn replace_dataset(&mut self, dataset: Dataset, selected_id: Option<String>) {
        let cursor = self.view.time.cursor;
        let article = self.article.take();
        self.set_dataset(dataset);
        if let (Some(c), Some((a, b))) = (cursor, self.dataset.date_range()) {
            self.view.time.cursor = Some(c.clamp(a, b));
        }
        self.selected =
            selected_id.and_then(|id| self.dataset.events.iter().position(|e| e.id == id));
        self.article = article;
        self.visible_key = None;
        self.refresh_visible();
    }

    /// Puts back a saved cursor and range where the data reaches them.
    pub fn restore_time(&mut self, saved: TimeState) {
        let Some((first, last)) = self.dataset.date_range() else {
            return;
        };
        if let Some(c) = saved.cursor.filter(|c| first <= *c && *c <= last) {
            self.view.time.cursor = Some(c);
        }
        if let Some((a, b)) = saved.shown.filter(|(a, b)| *a <= last && first <= *b) {
            self.view.time.shown = Some((a, b));
        }
        self.visible_key = None;
    }

    /// The days a frame export steps through: every day of the range shown (within a date
    /// limit), or every week when that is over three months, or fewer still to stay within
    /// `max` frames.
    pub fn frame_days(&self, max: usize) -> Vec<NaiveDate> {
        let Some((mut first, mut last)) = self
            .view
            .time
            .shown
            .or_else(|| self.histogram.as_ref().map(|h| (h.first, h.last)))
        else {
            return Vec::new();
        };
        if let Some((a, b)) = self.view.filters.dates {
            first = first.max(a);
            last = last.min(b);
        }
        let span = (last - first).num_days().max(0) as usize + 1;
        let step = if span <= 92 { 1 } else { 7 };
        let step = step.max(span.div_ceil(max.max(1)));
        (0..span)
            .step_by(step)
            .filter_map(|d| first.checked_add_days(chrono::Days::new(d as u64)))
            .collect()
    }

    /// Lists the events table's rows again when it is open and its data, filters or order
    /// changed.
    pub fn refresh_table(&mut self) {
        self.table.refresh(
            self.generation,
            &self.view.filters,
            &self.filtered,
            &self.dataset.events,
        );
    }

    /// Recomputes the visible events when the cursor, mode, filters or dataset changed.
    pub fn refresh_visible(&mut self) {
        let t = &self.view.time;
        let key = (
            self.generation,
            t.cursor,
            t.mode,
            t.window_days,
            self.view.filters.clone(),
        );
        if self.visible_key.as_ref() == Some(&key) {
            return;
        }
        let filters_changed = self
            .visible_key
            .as_ref()
            .is_none_or(|k| k.0 != key.0 || k.4 != key.4);
        if filters_changed {
            let contested_only = self.view.filters.contested_only;
            let contested = &self.contested;
            let passes = |filters: &Filters, (i, e): &(usize, &karabakh_core::model::Event)| {
                filters.passes(e)
                    && (!contested_only || contested.get(*i).is_some_and(Option::is_some))
            };
            self.filtered = self
                .dataset
                .events
                .iter()
                .enumerate()
                .filter(|ie| passes(&self.view.filters, ie))
                .map(|(i, _)| i)
                .collect();
            // the histogram counts what the filters pass, the date limit aside (the timeline
            // dims the days outside it instead)
            if let Some(histogram) = &mut self.histogram {
                let all_dates = Filters {
                    dates: None,
                    ..self.view.filters.clone()
                };
                let f = &all_dates;
                let everything = f.strikes
                    && f.deployments
                    && f.reported
                    && f.claimed
                    && f.denied
                    && f.hidden_sides.is_empty()
                    && f.search.trim().is_empty()
                    && !contested_only;
                histogram.days = if everything {
                    // as the loader counted them: no pass over the events
                    self.histogram_days.clone()
                } else {
                    let counted = self
                        .dataset
                        .events
                        .iter()
                        .enumerate()
                        .filter(|ie| passes(&all_dates, ie))
                        .map(|(_, e)| e);
                    timeline::histogram::day_counts(counted)
                };
            }
            let mut places: Vec<karabakh_core::model::Place> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for e in self
                .filtered
                .iter()
                .filter_map(|&i| self.dataset.events.get(i))
            {
                if seen.insert(e.place.name.as_str()) {
                    places.push(e.place.clone());
                }
            }
            self.filtered_places = places;
            let events = &self.dataset.events;
            let start = |i: &usize| events.get(*i).and_then(|e| e.date).map(|d| d.start);
            let (mut rough, mut precise): (Vec<usize>, Vec<usize>) = self
                .filtered
                .iter()
                .copied()
                .filter(|i| start(i).is_some())
                .partition(|&i| {
                    events
                        .get(i)
                        .and_then(|e| e.date)
                        .as_ref()
                        .is_some_and(timeline::is_rough)
                });
            precise.sort_by_key(start);
            rough.sort_by_key(start);
            self.by_start = (precise, rough);
        }
        let events = &self.dataset.events;
        // the events of the day first, the roughly dated ones after them
        self.visible.clear();
        self.visible_rough = 0;
        if let Some(cursor) = t.cursor {
            // nothing that begins after the cursor (or the window's end) shows: only a prefix of
            // each list is looked at, and in Cumulative mode it is taken whole
            let reach = match t.mode {
                TimeMode::Window => cursor + chrono::Duration::days(i64::from(t.window_days)),
                TimeMode::Day | TimeMode::Cumulative => cursor,
            };
            let rough_shown = self.view.filters.rough || t.mode == TimeMode::Cumulative;
            for (list, shown) in [(&self.by_start.0, true), (&self.by_start.1, rough_shown)] {
                // after the first list, everything added is roughly dated
                self.visible_rough = self.visible.len();
                if !shown {
                    continue;
                }
                let date = |i: usize| events.get(i).and_then(|e| e.date);
                let n = list.partition_point(|&i| date(i).is_some_and(|d| d.start <= reach));
                let began = list.get(..n).unwrap_or_default();
                if t.mode == TimeMode::Cumulative {
                    self.visible.extend_from_slice(began);
                } else {
                    self.visible.extend(
                        began
                            .iter()
                            .copied()
                            .filter(|&i| date(i).is_some_and(|d| timeline::shows(d, t))),
                    );
                }
            }
        }
        self.visible_rough = self.visible.len().saturating_sub(self.visible_rough);
        self.visible_key = Some(key);
    }

    /// Writes the visible (or all) events to `path` and says how it went.
    pub fn export(&mut self, path: &Path, visible_only: bool) {
        let events: Vec<karabakh_core::model::Event> = if visible_only {
            self.visible
                .iter()
                .filter_map(|&i| self.dataset.events.get(i).cloned())
                .collect()
        } else {
            self.dataset.events.clone()
        };
        let geojson = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("geojson") || e.eq_ignore_ascii_case("json"));
        let text = if geojson {
            Ok(format!(
                "{:#}\n",
                karabakh_core::export::to_geojson(&events)
            ))
        } else {
            karabakh_core::export::to_csv(&events).map_err(|e| e.to_string())
        };
        self.notice = Some(
            match text.and_then(|t| std::fs::write(path, t).map_err(|e| e.to_string())) {
                Ok(()) => format!("Exported {} events to {}.", events.len(), path.display()),
                Err(e) => format!("Cannot export to {}: {e}", path.display()),
            },
        );
    }

    pub fn open_article(&mut self, event: usize, source: usize) {
        let Some(src) = self
            .dataset
            .events
            .get(event)
            .and_then(|e| e.sources.get(source))
        else {
            return;
        };
        let title = self
            .dataset
            .article(&src.article)
            .and_then(|a| a.title.clone());
        let text = match &self.origin {
            Origin::Bundled => karabakh_core::seeds::text(&src.article)
                .ok_or_else(|| "this bundled article is missing".to_owned()),
            Origin::Folder(root) => read_again(root, &src.article),
        };
        let focus = (src.start as usize, src.end as usize);
        let changed = text
            .as_ref()
            .is_ok_and(|t| t.get(focus.0..focus.1) != Some(&*src.sentence));
        self.article = Some(ArticleView {
            path: src.article.to_string(),
            title,
            text,
            focus,
            scroll_pending: true,
            changed,
        });
    }
}

impl AppState {
    /// Shows a loaded article in full, from its top (an article listed in the Articles window,
    /// which may have given no event).
    pub fn open_article_file(&mut self, index: usize) {
        let Some(a) = self.dataset.articles.get(index) else {
            return;
        };
        let text = match &self.origin {
            Origin::Bundled => karabakh_core::seeds::text(&a.path)
                .ok_or_else(|| "this bundled article is missing".to_owned()),
            Origin::Folder(root) => read_again(root, &a.path),
        };
        self.article = Some(ArticleView {
            path: a.path.clone(),
            title: a.title.clone(),
            text,
            focus: (0, 0),
            scroll_pending: false,
            changed: false,
        });
    }
}

/// Re-reads an article from disk for the article window (texts are not kept in memory).
fn read_again(root: &Path, rel: &str) -> Result<String, String> {
    let path = root.join(rel);
    karabakh_core::corpus::read_article(&path, rel, None, ReadOptions::default())
        .map(|(a, _)| a.text)
        .map_err(|e| {
            format!(
                "{}: {e} (the file may have been moved or deleted since loading)",
                path.display()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use karabakh_core::model::{Event, Place, PlaceKind, Source};

    fn event(kind: EventKind, status: Status, place: &str, sentence: &str) -> Event {
        Event {
            id: format!("{}-{place}", kind.as_str()),
            kind,
            place: Place {
                name: place.into(),
                lat: 40.0,
                lon: 46.0,
                kind: PlaceKind::City,
            },
            date: None,
            actor: Some("Azerbaijan".into()),
            target: None,
            status,
            confidence: 0.8,
            sources: vec![Source {
                article: "reports/one.txt".into(),
                sentence: sentence.into(),
                start: 0,
                end: sentence.len() as u64,
                place_note: None,
                actor: Some("Azerbaijan"),
                date_note: None,
                highlights: Box::default(),
            }],
            original: None,
        }
    }

    #[test]
    fn filters_by_kind_and_status() {
        let strike = event(
            EventKind::Strike,
            Status::Claimed,
            "Ganja",
            "Ganja was shelled.",
        );
        let deployment = event(EventKind::Deployment, Status::Reported, "Lachin", "Troops.");
        let mut f = Filters::default();
        assert!(f.passes(&strike) && f.passes(&deployment));
        f.strikes = false;
        assert!(!f.passes(&strike) && f.passes(&deployment));
        f.strikes = true;
        f.claimed = false;
        assert!(!f.passes(&strike) && f.passes(&deployment));
    }

    #[test]
    fn search_looks_in_place_sides_sentences_and_article_path() {
        let e = event(
            EventKind::Strike,
            Status::Reported,
            "Ganja",
            "Missiles hit the old town.",
        );
        let search = |text: &str| {
            Filters {
                search: text.into(),
                ..Filters::default()
            }
            .passes(&e)
        };
        assert!(search("  GANJA "));
        assert!(search("azerbaijan"));
        assert!(search("old town"));
        assert!(search("reports/one"));
        assert!(!search("Shusha"));
        assert!(search(""));
    }
}
