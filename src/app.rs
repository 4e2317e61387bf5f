//! The eframe application: drains the background loader and the folder dialog, applies the
//! commands the panels emitted last frame (the only place state changes), then draws the
//! panels. No parsing and no geometry here.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, atomic::Ordering};
use std::time::Duration;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::ReadOptions;
use crate::load::{LoadError, LoadedFolder, Progress};
use crate::map::MapView;
use crate::model::{Dataset, EventKind, Status};
use crate::timeline::{self, Histogram, TimeMode, TimeState};
use crate::ui::{self, Command};
use crate::watch::{FolderWatch, WatchOutcome};

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
        }
    }
}

impl Filters {
    /// Whether an event passes the kind, status and text filters.
    pub fn passes(&self, event: &crate::model::Event) -> bool {
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

/// A load running in the background.
pub struct Loading {
    /// The folder being read.
    pub folder: PathBuf,
    /// Shared progress and cancel flag.
    pub progress: Arc<Progress>,
    receiver: Receiver<Result<(FolderWatch, Prepared), LoadError>>,
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
    places: Vec<crate::model::Place>,
    event_place: Vec<usize>,
    undated: Vec<usize>,
    busiest_day: Option<NaiveDate>,
}

impl Prepared {
    /// Derives the histogram, spans, place index, undated list and busiest day.
    pub fn new(dataset: Dataset) -> Self {
        let timeline_spans = dataset
            .events
            .iter()
            .filter_map(|e| {
                e.date
                    .filter(|d| d.precision != crate::model::Precision::Day)
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
        Self {
            histogram: timeline::histogram(&dataset),
            timeline_spans,
            places,
            event_place,
            undated: dataset.undated(),
            busiest_day: timeline::busiest_day(&dataset),
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
    /// Events highlighted at the cursor and passing the filters, in dataset order.
    pub visible: Vec<usize>,
    /// Events passing the filters at any date.
    pub filtered: Vec<usize>,
    /// Every distinct place of the dataset, and for each event the index of its place in it
    /// (so per-frame grouping by place needs no string comparisons).
    pub places: Vec<crate::model::Place>,
    /// Index into `places` for each event.
    pub event_place: Vec<usize>,
    /// Indices of the undated events.
    pub undated: Vec<usize>,
    /// The places of `filtered` (the map's faint context), each once.
    pub filtered_places: Vec<crate::model::Place>,
    /// Histogram of the dataset.
    pub histogram: Option<Histogram>,
    /// Month- and year-precision events as (start, end, kind), drawn as spans on the timeline.
    pub timeline_spans: Vec<(NaiveDate, NaiveDate, EventKind)>,
    /// A load in progress.
    pub loading: Option<Loading>,
    /// A message for the user (load failures, dialog hints, reset settings).
    pub notice: Option<String>,
    /// The full-article window.
    pub article: Option<ArticleView>,
    /// Whether the problems window is open.
    pub show_problems: bool,
    /// Whether the folder dialog is open.
    pub dialog_open: bool,
    /// A map image to save from the frame being drawn (the map shows its caption).
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
            places: Vec::new(),
            event_place: Vec::new(),
            undated: Vec::new(),
            histogram: None,
            timeline_spans: Vec::new(),
            loading: None,
            notice: None,
            article: None,
            show_problems: false,
            dialog_open: false,
            capture: None,
            visible_key: None,
        };
        state.set_dataset(dataset);
        state
    }

    fn set_dataset(&mut self, dataset: Dataset) {
        self.set_prepared(Prepared::new(dataset));
    }

    /// Shows a dataset whose derived tables are already computed (a loader thread does that,
    /// so that a large folder arrives without a long frame).
    fn set_prepared(&mut self, prepared: Prepared) {
        let Prepared {
            dataset,
            histogram,
            timeline_spans,
            places,
            event_place,
            undated,
            busiest_day,
        } = prepared;
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
    pub fn update_dataset(&mut self, dataset: Dataset) {
        let selected_id = self
            .selected
            .and_then(|i| self.dataset.events.get(i))
            .map(|e| e.id.clone());
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
            self.filtered = self
                .dataset
                .events
                .iter()
                .enumerate()
                .filter(|(_, e)| self.view.filters.passes(e))
                .map(|(i, _)| i)
                .collect();
            let mut places: Vec<crate::model::Place> = Vec::new();
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
        }
        let events = &self.dataset.events;
        self.visible = self
            .filtered
            .iter()
            .copied()
            .filter(|&i| {
                events
                    .get(i)
                    .is_some_and(|e| timeline::highlight(e.date, t).is_some())
            })
            .collect();
        self.visible_key = Some(key);
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        let range = self.dataset.date_range();
        let clamp = |d: NaiveDate| range.map_or(d, |(a, b)| d.clamp(a, b));
        let time = &mut self.view.time;
        match command {
            Command::SetDate(d) => time.cursor = Some(clamp(d)),
            Command::StepDays(n) => {
                if let Some(c) = time.cursor {
                    time.cursor = Some(clamp(c + chrono::Duration::days(n)));
                }
            }
            Command::JumpStart => time.cursor = range.map(|r| r.0),
            Command::JumpEnd => time.cursor = range.map(|r| r.1),
            Command::NeighbourEvent { forward } => {
                if let Some(d) = time
                    .cursor
                    .and_then(|c| timeline::neighbour_event_day(&self.dataset, c, forward))
                {
                    time.cursor = Some(d);
                }
            }
            Command::SetMode(mode) => time.mode = mode,
            Command::SetWindowDays(n) => time.window_days = n.clamp(1, 365),
            Command::TogglePlay => {
                time.playing = !time.playing;
                time.play_carry = 0.0;
                if time.playing && time.cursor == range.map(|r| r.1) {
                    time.cursor = range.map(|r| r.0);
                }
            }
            Command::SetSpeed(s) => time.days_per_second = s.clamp(0.25, 120.0),
            Command::Tick(seconds) => {
                if time.playing {
                    time.play_carry += seconds * f64::from(time.days_per_second);
                    let whole = time.play_carry.floor();
                    time.play_carry -= whole;
                    if let (Some(c), Some((_, end))) = (time.cursor, range) {
                        let next = c + chrono::Duration::days(whole as i64);
                        time.cursor = Some(next.min(end));
                        if next >= end {
                            time.playing = false;
                        }
                    }
                }
            }
            Command::Select(i) => {
                self.selected = i.filter(|&i| i < self.dataset.events.len());
            }
            Command::SetFilters(f) => self.view.filters = f,
            Command::SetMapView(v) => self.view.map = v,
            Command::ResetMapView => self.view.map = MapView::default(),
            Command::ShowProblems(show) => self.show_problems = show,
            Command::OpenArticle { event, source } => self.open_article(event, source),
            Command::CloseArticle => self.article = None,
            Command::ArticleScrolled => {
                if let Some(a) = &mut self.article {
                    a.scroll_pending = false;
                }
            }
            Command::DismissNotice => self.notice = None,
            // handled by the app, which owns the loader and the dialog
            Command::OpenFolder(_)
            | Command::PickFolder
            | Command::CancelLoad
            | Command::OpenBundled
            | Command::PickExport { .. }
            | Command::PickMapImage => {}
            Command::SaveMapImage(path) => self.capture = Some(path),
            Command::ExportTo { path, visible_only } => self.export(&path, visible_only),
        }
        self.refresh_visible();
    }

    /// Writes the visible (or all) events to `path` and says how it went.
    fn export(&mut self, path: &Path, visible_only: bool) {
        let events: Vec<crate::model::Event> = if visible_only {
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
            Ok(format!("{:#}\n", crate::export::to_geojson(&events)))
        } else {
            crate::export::to_csv(&events).map_err(|e| e.to_string())
        };
        self.notice = Some(
            match text.and_then(|t| std::fs::write(path, t).map_err(|e| e.to_string())) {
                Ok(()) => format!("Exported {} events to {}.", events.len(), path.display()),
                Err(e) => format!("Cannot export to {}: {e}", path.display()),
            },
        );
    }

    fn open_article(&mut self, event: usize, source: usize) {
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
            Origin::Bundled => crate::seeds::text(&src.article)
                .ok_or_else(|| "this bundled article is missing".to_owned()),
            Origin::Folder(root) => read_again(root, &src.article),
        };
        let focus = (src.start as usize, src.end as usize);
        let changed = text
            .as_ref()
            .is_ok_and(|t| t.get(focus.0..focus.1) != Some(src.sentence.as_str()));
        self.article = Some(ArticleView {
            path: src.article.clone(),
            title,
            text,
            focus,
            scroll_pending: true,
            changed,
        });
    }
}

/// Re-reads an article from disk for the article window (texts are not kept in memory).
fn read_again(root: &Path, rel: &str) -> Result<String, String> {
    let path = root.join(rel);
    crate::corpus::read_article(&path, rel, None, ReadOptions::default())
        .map(|(a, _)| a.text)
        .map_err(|e| {
            format!(
                "{}: {e} (the file may have been moved or deleted since loading)",
                path.display()
            )
        })
}

/// The viewer application.
pub struct AtlasApp {
    /// All state the panels draw.
    pub state: AppState,
    commands: Vec<Command>,
    dialog: Option<Receiver<Option<PathBuf>>>,
    export_dialog: Option<(Receiver<Option<PathBuf>>, SaveTarget)>,
    /// A map image being written: where, and how it went.
    map_image: Option<Receiver<Result<PathBuf, String>>>,
    last_frame: Option<f64>,
    /// The open folder, watched for changes (none for the bundled seeds).
    watch: Option<FolderWatch>,
}

const STATE_KEY: &str = "karabakh-atlas-state";

/// What a save dialog is choosing a file for.
#[derive(Clone, Copy, Debug)]
enum SaveTarget {
    /// Events as GeoJSON or CSV.
    Events {
        /// Only what the filters and time mode show.
        visible_only: bool,
    },
    /// A PNG of the map.
    MapImage,
}

/// Crops the map out of a screenshot of the window and writes it as a PNG.
fn save_map_image(
    image: &egui::ColorImage,
    rect: egui::Rect,
    pixels_per_point: f32,
    path: &Path,
) -> Result<(), String> {
    let window = egui::Rect::from_min_size(
        egui::Pos2::ZERO,
        egui::vec2(image.width() as f32, image.height() as f32) / pixels_per_point,
    );
    let rect = rect.intersect(window);
    if !rect.is_positive() {
        return Err("the map is outside the window".to_owned());
    }
    let map = image.region(&rect, Some(pixels_per_point));
    let rgba: Vec<u8> = map.pixels.iter().flat_map(|c| c.to_array()).collect();
    let (w, h) = (
        u32::try_from(map.width()).map_err(|e| e.to_string())?,
        u32::try_from(map.height()).map_err(|e| e.to_string())?,
    );
    let bytes = crate::export::png_bytes(w, h, &rgba).map_err(|e| e.to_string())?;
    std::fs::write(path, bytes).map_err(|e| e.to_string())
}

impl AtlasApp {
    /// An app showing `dataset` with `view`; `folder` is loaded in the background if given.
    pub fn new(dataset: Dataset, origin: Origin, view: Persisted) -> Self {
        Self {
            state: AppState::new(dataset, origin, view),
            commands: Vec::new(),
            dialog: None,
            export_dialog: None,
            map_image: None,
            last_frame: None,
            watch: None,
        }
    }

    /// The app as started from the desktop: restored settings, then `folder`, the last folder,
    /// or the bundled seeds.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, folder: Option<PathBuf>) -> Self {
        let (view, notice) =
            Persisted::restore(cc.storage.and_then(|s| s.get_string(STATE_KEY)).as_deref());
        let target = folder.or_else(|| view.last_folder.clone());
        let mut app = Self::new(crate::seeds::dataset(), Origin::Bundled, view);
        app.state.notice = notice;
        if let Some(folder) = target {
            app.open_folder(folder, cc.egui_ctx.clone());
        }
        app
    }

    /// Starts loading `folder` in the background (cancelling any load in progress). The
    /// current dataset stays on screen until the new one is ready. Used by the dialog, drops,
    /// the command line and the recent-folders menu alike.
    pub fn open_folder(&mut self, folder: PathBuf, ctx: egui::Context) {
        if let Some(old) = self.state.loading.take() {
            old.progress.cancel.store(true, Ordering::Relaxed);
        }
        let progress = Arc::new(Progress::default());
        let (sender, receiver) = channel();
        let thread_progress = Arc::clone(&progress);
        let thread_folder = folder.clone();
        let thread_ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("folder-loader".to_owned())
            .spawn(move || {
                let result = LoadedFolder::load(
                    &thread_folder,
                    ReadOptions::default(),
                    &thread_progress,
                    false,
                )
                .map(|loaded| {
                    let dataset = loaded.dataset();
                    // set up the watch here: adding inotify watches walks the whole tree
                    let wake = thread_ctx.clone();
                    let watch = FolderWatch::start(loaded, move || wake.request_repaint());
                    (watch, Prepared::new(dataset))
                });
                let _ = sender.send(result);
                thread_ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.state.loading = Some(Loading {
                    folder,
                    progress,
                    receiver,
                })
            }
            Err(e) => self.state.notice = Some(format!("Cannot start loading: {e}")),
        }
    }

    /// Waits for the background load to finish (tests and benchmarks).
    pub fn wait_for_load(&mut self) {
        while self.state.loading.is_some() {
            self.poll_loader();
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn poll_loader(&mut self) {
        let Some(loading) = &self.state.loading else {
            return;
        };
        match loading.receiver.try_recv() {
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.state.notice = Some("Loading stopped unexpectedly.".to_owned());
                self.state.loading = None;
            }
            Ok(result) => {
                let folder = loading.folder.clone();
                self.state.loading = None;
                match result {
                    Ok((watch, prepared)) => {
                        let (articles, events, problems) = (
                            prepared.dataset.articles.len(),
                            prepared.dataset.events.len(),
                            prepared.dataset.problems.len(),
                        );
                        self.state.notice = (articles == 0).then(|| {
                            format!(
                                "{} holds no readable articles (.txt, .md, .html).",
                                folder.display()
                            )
                        });
                        if problems > 0 && articles > 0 {
                            let files = if problems == 1 { "file" } else { "files" };
                            self.state.notice = Some(format!(
                                "Loaded {articles} articles, {events} events; {problems} {files} had problems (see Problems)."
                            ));
                        }
                        self.state.set_prepared(prepared);
                        if let Some(e) = &watch.error {
                            self.state.notice = Some(format!(
                                "Not watching {} for changes: {e}",
                                folder.display()
                            ));
                        }
                        self.watch = Some(watch);
                        self.state.origin = Origin::Folder(folder.clone());
                        self.state.view.last_folder = Some(folder.clone());
                        self.state.view.recent_folders.retain(|f| f != &folder);
                        self.state.view.recent_folders.insert(0, folder);
                        self.state.view.recent_folders.truncate(8);
                    }
                    Err(LoadError::Cancelled) => {
                        self.state.notice = Some(
                            "Loading cancelled; the previous articles stay on screen.".to_owned(),
                        )
                    }
                    Err(e) => self.state.notice = Some(format!("Cannot open the folder: {e}")),
                }
            }
        }
    }

    fn poll_dialog(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.dialog else { return };
        match rx.try_recv() {
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) | Ok(None) => {
                self.dialog = None;
                self.state.dialog_open = false;
                self.state.notice = Some(
                    "No folder was chosen. If no dialog appeared, this system has no file-dialog service: drop a folder on the window, or start with `karabakh-atlas FOLDER`.".to_owned(),
                );
            }
            Ok(Some(folder)) => {
                self.dialog = None;
                self.state.dialog_open = false;
                self.open_folder(folder, ctx.clone());
            }
        }
    }

    /// Runs the native folder dialog on its own thread: every backend blocks while open.
    fn pick_folder(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let start = self.state.view.last_folder.clone();
        let spawned = std::thread::Builder::new()
            .name("folder-dialog".to_owned())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new().set_title("Open a folder of articles");
                if let Some(dir) = start {
                    dialog = dialog.set_directory(dir);
                }
                let _ = sender.send(dialog.pick_folder());
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.dialog = Some(receiver);
            self.state.dialog_open = true;
        }
    }

    /// The save dialog for exports, on its own thread like the folder dialog.
    fn pick_save(&mut self, ctx: &egui::Context, target: SaveTarget) {
        if self.export_dialog.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("save-dialog".to_owned())
            .spawn(move || {
                let dialog = match target {
                    SaveTarget::Events { .. } => rfd::FileDialog::new()
                        .set_title("Export events")
                        .set_file_name("events.geojson")
                        .add_filter("GeoJSON (QGIS, kepler.gl)", &["geojson"])
                        .add_filter("CSV (ACLED-like columns)", &["csv"]),
                    SaveTarget::MapImage => rfd::FileDialog::new()
                        .set_title("Save map image")
                        .set_file_name("karabakh-atlas-map.png")
                        .add_filter("PNG image", &["png"]),
                };
                let _ = sender.send(dialog.save_file());
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.export_dialog = Some((receiver, target));
        }
    }

    fn poll_export_dialog(&mut self) {
        let Some((rx, target)) = &self.export_dialog else {
            return;
        };
        let target = *target;
        match rx.try_recv() {
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) | Ok(None) => {
                self.export_dialog = None;
                self.state.notice = Some("Nothing saved: no file was chosen (this system may have no file-dialog service).".to_owned());
            }
            Ok(Some(path)) => {
                self.export_dialog = None;
                self.commands.push(match target {
                    SaveTarget::Events { visible_only } => Command::ExportTo { path, visible_only },
                    SaveTarget::MapImage => Command::SaveMapImage(path),
                });
            }
        }
    }

    /// Asks for a screenshot of the frame just drawn (the map with its caption); the map's
    /// part of it is encoded and written on a background thread.
    fn request_map_image(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(hit) = ctx.data(|d| d.get_temp::<crate::map::MapHit>(crate::map::map_hit_id()))
        else {
            self.state.notice = Some("The map is not on screen; nothing saved.".to_owned());
            return;
        };
        let rect = hit.projection.rect;
        let pixels_per_point = ctx.pixels_per_point();
        let (sender, receiver) = channel();
        let wake = ctx.clone();
        let callback = egui::ScreenshotCallback::new(move |image: Arc<egui::ColorImage>| {
            let _ = std::thread::Builder::new()
                .name("map-image".to_owned())
                .spawn(move || {
                    let result = save_map_image(&image, rect, pixels_per_point, &path)
                        .map(|()| path.clone())
                        .map_err(|e| {
                            format!("Cannot save the map image to {}: {e}", path.display())
                        });
                    let _ = sender.send(result);
                    wake.request_repaint();
                });
        });
        ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(callback));
        self.map_image = Some(receiver);
        ctx.request_repaint();
    }

    fn poll_map_image(&mut self) {
        let Some(rx) = &self.map_image else { return };
        match rx.try_recv() {
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.map_image = None;
                self.state.notice = Some("The map image could not be taken.".to_owned());
            }
            Ok(result) => {
                self.map_image = None;
                self.state.notice = Some(match result {
                    Ok(path) => format!("Saved the map image to {}.", path.display()),
                    Err(e) => e,
                });
            }
        }
    }

    /// Waits until a requested map image is written (tests).
    pub fn wait_for_map_image(&mut self, timeout: Duration) {
        let started = std::time::Instant::now();
        while self.map_image.is_some() && started.elapsed() < timeout {
            self.poll_map_image();
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn handle_drops(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            let folder = if path.is_dir() {
                path
            } else {
                path.parent().map(Path::to_path_buf).unwrap_or(path)
            };
            self.open_folder(folder, ctx.clone());
        }
    }

    /// Applies a finished update of the watched folder.
    fn poll_watch(&mut self, ctx: &egui::Context) {
        let Some(watch) = &mut self.watch else { return };
        match watch.poll() {
            Some(WatchOutcome::Updated(dataset, summary)) => {
                if summary.reread + summary.removed > 0 {
                    let n = |k: usize| match k {
                        0 => "none".to_owned(),
                        1 => "1 file".to_owned(),
                        k => format!("{k} files"),
                    };
                    self.state.notice = Some(format!(
                        "{} changed on disk: {} read again, {} gone.",
                        watch.root().display(),
                        n(summary.reread),
                        n(summary.removed)
                    ));
                }
                self.state.update_dataset(dataset);
            }
            Some(WatchOutcome::Failed(e)) => {
                self.state.notice = Some(format!(
                    "Could not read the changes in {}: {e}. The articles on screen are as last read.",
                    watch.root().display()
                ));
            }
            None => {}
        }
        if watch.busy() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    /// The folder being watched for changes, if any.
    pub fn watched_folder(&self) -> Option<&Path> {
        self.watch.as_ref().map(FolderWatch::root)
    }

    /// One frame: inputs, commands, then drawing. Public so tests drive exactly this.
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.poll_loader();
        self.poll_watch(&ctx);
        self.poll_dialog(&ctx);
        self.poll_export_dialog();
        self.poll_map_image();
        self.handle_drops(&ctx);
        let now = ctx.input(|i| i.time);
        let dt = self.last_frame.map_or(0.0, |t| (now - t).clamp(0.0, 0.5));
        self.last_frame = Some(now);
        if self.state.view.time.playing {
            self.commands.push(Command::Tick(dt));
            ctx.request_repaint();
        }
        if self.state.loading.is_some()
            || self.dialog.is_some()
            || self.export_dialog.is_some()
            || self.map_image.is_some()
        {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        ui::keyboard(&ctx, &mut self.commands);
        for command in std::mem::take(&mut self.commands) {
            match command {
                Command::OpenFolder(folder) => self.open_folder(folder, ctx.clone()),
                Command::PickFolder => self.pick_folder(&ctx),
                Command::CancelLoad => {
                    if let Some(l) = &self.state.loading {
                        l.progress.cancel.store(true, Ordering::Relaxed);
                    }
                }
                Command::PickExport { visible_only } => {
                    self.pick_save(&ctx, SaveTarget::Events { visible_only })
                }
                Command::PickMapImage => self.pick_save(&ctx, SaveTarget::MapImage),
                Command::OpenBundled => {
                    if let Some(l) = self.state.loading.take() {
                        l.progress.cancel.store(true, Ordering::Relaxed);
                    }
                    self.state.set_dataset(crate::seeds::dataset());
                    self.watch = None;
                    self.state.origin = Origin::Bundled;
                    self.state.view.last_folder = None;
                }
                other => self.state.apply(other),
            }
        }
        self.state.refresh_visible();
        ui::root_ui(ui, &self.state, &mut self.commands);
        if let Some(path) = self.state.capture.take() {
            self.request_map_image(&ctx, path);
        }
        if !self.commands.is_empty() {
            ctx.request_repaint();
        }
    }

    /// Queues a command as if a panel had emitted it (tests).
    pub fn push(&mut self, command: Command) {
        self.commands.push(command);
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Ok(text) = serde_json::to_string(&self.state.view) {
            storage.set_string(STATE_KEY, text);
        }
    }
}

/// Opens the viewer window.
pub fn run(folder: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Karabakh Atlas")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([480.0, 360.0])
            .with_drag_and_drop(true)
            .with_app_id("karabakh-atlas"),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Karabakh Atlas",
        options,
        Box::new(move |cc| Ok(Box::new(AtlasApp::from_creation(cc, folder)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("karabakh-atlas: cannot open a window: {e}");
            ExitCode::from(1)
        }
    }
}
