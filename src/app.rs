//! The eframe application: owns the background work (loader, folder watch, file dialogs, map
//! image), applies the commands the panels pushed last frame in one place ([`AtlasApp::apply`]),
//! then draws the panels. No parsing and no geometry here.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::sync::{Arc, atomic::Ordering};
use std::time::{Duration, Instant};

use karabakh_core::corpus::ReadOptions;
use karabakh_core::corrections::{Correction, DateSet};
use karabakh_core::load::{LoadError, LoadedFolder, Progress};
use karabakh_core::model::Dataset;
use karabakh_core::watch::{FolderWatch, WatchOutcome};

use crate::command::Command;
use crate::save_location::{SaveKind, UserDirs, fallback_path};
use crate::sidecar::Sidecar;
use crate::state::{AppState, LoadStatus, Origin, Persisted, Prepared};
use crate::timeline::TimeCommand;
use crate::ui;

/// What the loader thread sends back: the watch on the folder, the prepared dataset with the
/// corrections applied, and those corrections.
type LoadResult = Result<(FolderWatch, Prepared, Sidecar), LoadError>;

/// The viewer application.
pub struct AtlasApp {
    /// All state the panels draw.
    pub state: AppState,
    commands: Vec<Command>,
    /// The answer of the folder-loader thread, while a load runs.
    loader: Option<Receiver<LoadResult>>,
    /// An open dialog's answer (a folder of articles, a corrections file, a folder for frames),
    /// while it is open.
    dialog: Option<(Receiver<Answer>, Pick)>,
    export_dialog: Option<(Receiver<Answer>, SaveTarget)>,
    /// A map image being written: how it went, and words to put before the outcome.
    map_image: Option<(Receiver<Result<PathBuf, String>>, &'static str)>,
    /// Words for the next map image's notice (a save without a dialog says so).
    map_image_note: &'static str,
    /// Whether the window was checked against the screen's size (once, at start).
    fitted_to_screen: bool,
    /// The size the window was asked to shrink to: the map is fitted again once it has it.
    refit_at: Option<egui::Vec2>,
    last_frame: Option<f64>,
    /// The open folder, watched for changes (none for the bundled seeds).
    watch: Option<FolderWatch>,
    /// A frame export in progress.
    frames: Option<FrameExport>,
    /// Where corrections files are kept by default (`corrections/` in it); `None`: they are
    /// kept in memory only (tests, benchmarks).
    data_dir: Option<PathBuf>,
}

const STATE_KEY: &str = "karabakh-atlas-state";

/// The notice when no dialog can choose a corrections file.
const NO_FILE_DIALOG: &str = "No file dialog could open on this system: type the corrections file's path in File › Corrections….";

/// What a file dialog answered.
#[derive(Debug)]
enum Answer {
    /// The user chose this file or folder.
    Chosen(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog appeared: this system has no file-dialog service.
    Unavailable,
}

impl Answer {
    /// Runs a (blocking) dialog. Every backend answers `None` both on a cancel and when no
    /// dialog could open; an answer quicker than any person could give means the latter.
    fn of(dialog: impl FnOnce() -> Option<PathBuf>) -> Self {
        let asked = Instant::now();
        match dialog() {
            Some(path) => Self::Chosen(path),
            None if asked.elapsed() < Duration::from_millis(300) => Self::Unavailable,
            None => Self::Cancelled,
        }
    }
}

/// What an open dialog is choosing.
#[derive(Clone, Copy, Debug)]
enum Pick {
    /// A folder of articles.
    Folder,
    /// A corrections file to read.
    CorrectionsFile,
    /// A folder to write the map's frames into.
    FramesFolder,
}

/// The most frames one export writes.
const MAX_FRAMES: usize = 1000;

/// A frame export in progress: the map drawn and saved for one day after another.
#[derive(Debug)]
struct FrameExport {
    folder: PathBuf,
    days: Vec<chrono::NaiveDate>,
    /// The next day to draw (index into `days`).
    next: usize,
    /// Frames written so far.
    written: usize,
    /// The time on screen before the export, put back after it.
    restore: crate::timeline::TimeState,
}

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
    /// The corrections.
    Corrections,
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
    let bytes = karabakh_core::export::png_bytes(w, h, &rgba).map_err(|e| e.to_string())?;
    std::fs::write(path, bytes).map_err(|e| e.to_string())
}

impl AtlasApp {
    /// An app showing `dataset` (from `origin`) with the view state `view`.
    pub fn new(dataset: Dataset, origin: Origin, view: Persisted) -> Self {
        Self {
            state: AppState::new(dataset, origin, view),
            commands: Vec::new(),
            loader: None,
            dialog: None,
            export_dialog: None,
            map_image: None,
            map_image_note: "",
            fitted_to_screen: false,
            refit_at: None,
            last_frame: None,
            watch: None,
            frames: None,
            data_dir: None,
        }
    }

    /// Keeps corrections in files under `data_dir` from now on, starting with those of the data
    /// on screen.
    pub fn with_data_dir(mut self, data_dir: PathBuf) -> Self {
        self.data_dir = Some(data_dir);
        let origin = self.state.origin.clone();
        self.state.sidecar = self.sidecar_for(&origin);
        self.state.recorrect();
        self
    }

    /// The corrections of `origin`: the file the user chose for it, else its file in the data
    /// directory, else none kept.
    fn sidecar_for(&self, origin: &Origin) -> Sidecar {
        let chosen = match origin {
            Origin::Folder(folder) => self.state.view.corrections_file(folder).cloned(),
            Origin::Bundled => None,
        };
        chosen
            .or_else(|| {
                self.data_dir
                    .as_deref()
                    .map(|d| crate::sidecar::default_path(d, origin))
            })
            .map_or_else(Sidecar::in_memory, Sidecar::open)
    }

    /// The app as started from the desktop: restored settings, then `folder`, the last folder,
    /// or the bundled seeds.
    pub fn from_creation(cc: &eframe::CreationContext<'_>, folder: Option<PathBuf>) -> Self {
        install_fonts(&cc.egui_ctx);
        let (view, notice) =
            Persisted::restore(cc.storage.and_then(|s| s.get_string(STATE_KEY)).as_deref());
        let target = folder.or_else(|| view.last_folder.clone());
        let first_start = cc.storage.and_then(|s| s.get_string(STATE_KEY)).is_none();
        let saved_time = view.time;
        let mut app = Self::new(karabakh_core::seeds::dataset(), Origin::Bundled, view);
        if let Some(data) = dirs::data_dir() {
            app = app.with_data_dir(data.join("karabakh-atlas"));
        }
        app.state.restore = target.is_some().then_some(saved_time);
        app.state.notice = notice;
        // a first start (or a reset of the settings) shows the whole region in the window
        app.state.fit_map = first_start || app.state.notice.is_some();
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
        let mut sidecar = self.sidecar_for(&Origin::Folder(folder.clone()));
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
                    let mut dataset = loaded.dataset();
                    sidecar.correct(&mut dataset);
                    // set up the watch here: adding inotify watches walks the whole tree
                    let wake = thread_ctx.clone();
                    let watch = FolderWatch::start(loaded, move || wake.request_repaint());
                    (watch, Prepared::new(dataset), sidecar)
                });
                let _ = sender.send(result);
                thread_ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.state.loading = Some(LoadStatus { folder, progress });
                self.loader = Some(receiver);
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
        let (Some(loading), Some(receiver)) = (&self.state.loading, &self.loader) else {
            return;
        };
        match receiver.try_recv() {
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                self.state.notice = Some("Loading stopped unexpectedly.".to_owned());
                self.state.loading = None;
                self.loader = None;
            }
            Ok(result) => {
                let folder = loading.folder.clone();
                self.state.loading = None;
                self.loader = None;
                match result {
                    Ok((watch, prepared, sidecar)) => {
                        let dataset = prepared.dataset();
                        let (articles, events, problems) = (
                            dataset.articles.len(),
                            dataset.events.len(),
                            dataset.problems.len(),
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
                        self.state.sidecar = sidecar;
                        if let Some(notice) = self.state.corrections_notice() {
                            self.state.notice = Some(notice);
                        }
                        self.state.set_prepared(prepared);
                        // the first folder of a session comes back at the date and range it
                        // was left at, events or not (the seeds shown meanwhile moved them)
                        if let Some(saved) = self.state.restore.take() {
                            self.state.restore_time(saved);
                        }
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
        let Some((rx, pick)) = &self.dialog else {
            return;
        };
        let pick = *pick;
        let answer = match rx.try_recv() {
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Answer::Unavailable,
            Ok(answer) => answer,
        };
        self.dialog = None;
        self.state.dialog_open = false;
        match (answer, pick) {
            (Answer::Chosen(folder), Pick::Folder) => self.open_folder(folder, ctx.clone()),
            (Answer::Chosen(file), Pick::CorrectionsFile) => {
                self.commands.push(Command::OpenCorrectionsFile(file));
            }
            (Answer::Cancelled, _) => {}
            (Answer::Unavailable, Pick::CorrectionsFile) => {
                self.state.notice = Some(NO_FILE_DIALOG.to_owned());
            }
            (Answer::Chosen(folder), Pick::FramesFolder) => {
                self.commands.push(Command::ExportFrames(folder));
            }
            (Answer::Unavailable, Pick::FramesFolder) => {
                // to Pictures (or Documents, or home), as images are saved without a dialog
                let articles = match &self.state.origin {
                    Origin::Folder(folder) => Some(folder.canonicalize().unwrap_or(folder.clone())),
                    Origin::Bundled => None,
                };
                match fallback_path(
                    SaveKind::Frames,
                    &UserDirs::of_this_user(),
                    articles.as_deref(),
                    chrono::Local::now().date_naive(),
                    Path::exists,
                ) {
                    Some(folder) => self.commands.push(Command::ExportFrames(folder)),
                    None => {
                        self.state.notice = Some(
                            "No folder dialog could open, and this user has no Pictures, Documents or home folder: no frames written.".to_owned(),
                        );
                    }
                }
            }
            (Answer::Unavailable, Pick::Folder) => {
                self.state.notice = Some(
                    "No folder dialog could open on this system: type the folder's path under File › Open path, drop the folder on the window, or start with `karabakh-atlas FOLDER`.".to_owned(),
                );
            }
        }
    }

    /// Runs the native dialog that picks what `pick` says on its own thread: every backend
    /// blocks while open.
    fn pick_folder(&mut self, ctx: &egui::Context, pick: Pick) {
        if self.dialog.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let start = match pick {
            Pick::Folder => self.state.view.last_folder.clone(),
            Pick::CorrectionsFile => self
                .state
                .sidecar
                .path
                .as_deref()
                .and_then(Path::parent)
                .map(Path::to_path_buf),
            Pick::FramesFolder => dirs::picture_dir(),
        };
        let spawned = std::thread::Builder::new()
            .name("folder-dialog".to_owned())
            .spawn(move || {
                let title = match pick {
                    Pick::Folder => "Open a folder of articles",
                    Pick::CorrectionsFile => "Open a corrections file",
                    Pick::FramesFolder => "Choose a folder for the frames",
                };
                let mut dialog = rfd::FileDialog::new().set_title(title);
                if let Some(dir) = start {
                    dialog = dialog.set_directory(dir);
                }
                let answer = match pick {
                    Pick::Folder | Pick::FramesFolder => Answer::of(|| dialog.pick_folder()),
                    Pick::CorrectionsFile => Answer::of(|| {
                        dialog
                            .add_filter("Karabakh Atlas corrections", &["json"])
                            .pick_file()
                    }),
                };
                let _ = sender.send(answer);
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.dialog = Some((receiver, pick));
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
                    SaveTarget::Corrections => rfd::FileDialog::new()
                        .set_title("Save corrections as")
                        .set_file_name("corrections.json")
                        .add_filter("Karabakh Atlas corrections", &["json"]),
                };
                let _ = sender.send(Answer::of(|| dialog.save_file()));
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
        let answer = match rx.try_recv() {
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Answer::Unavailable,
            Ok(answer) => answer,
        };
        self.export_dialog = None;
        match answer {
            Answer::Chosen(path) => self.commands.push(match target {
                SaveTarget::Events { visible_only } => Command::ExportTo { path, visible_only },
                SaveTarget::MapImage => Command::SaveMapImage(path),
                SaveTarget::Corrections => Command::SaveCorrectionsAs(path),
            }),
            Answer::Cancelled => {}
            Answer::Unavailable => self.save_without_dialog(target),
        }
    }

    /// Saves where [`fallback_path`] says (Documents, Pictures) when no dialog could ask, and
    /// says so.
    fn save_without_dialog(&mut self, target: SaveTarget) {
        const NO_DIALOG: &str = "No save dialog could open on this system. ";
        let kind = match target {
            SaveTarget::Events { .. } => SaveKind::Events,
            SaveTarget::MapImage => SaveKind::MapImage,
            SaveTarget::Corrections => {
                // they are kept already; a path typed in their window saves them elsewhere
                self.state.notice = Some(NO_FILE_DIALOG.to_owned());
                return;
            }
        };
        let articles = match &self.state.origin {
            Origin::Folder(folder) => Some(folder.canonicalize().unwrap_or(folder.clone())),
            Origin::Bundled => None,
        };
        let today = chrono::Local::now().date_naive();
        let Some(path) = fallback_path(
            kind,
            &UserDirs::of_this_user(),
            articles.as_deref(),
            today,
            Path::exists,
        ) else {
            self.state.notice = Some(format!(
                "{NO_DIALOG}Nothing saved: this user has no Documents, Pictures or home folder."
            ));
            return;
        };
        if let Some(parent) = path.parent()
            && let Err(e) = std::fs::create_dir_all(parent)
        {
            self.state.notice = Some(format!(
                "{NO_DIALOG}Nothing saved: cannot create {}: {e}",
                parent.display()
            ));
            return;
        }
        match target {
            SaveTarget::Events { visible_only } => {
                self.state.export(&path, visible_only);
                if let Some(notice) = &mut self.state.notice {
                    notice.insert_str(0, NO_DIALOG);
                }
            }
            SaveTarget::MapImage => {
                self.map_image_note = NO_DIALOG;
                self.commands.push(Command::SaveMapImage(path));
            }
            SaveTarget::Corrections => {}
        }
    }

    /// Asks for a screenshot of the frame just drawn (the map with its caption); the map's
    /// part of it is encoded and written on a background thread.
    fn request_map_image(&mut self, ctx: &egui::Context, path: PathBuf) {
        let Some(hit) = ctx.data(|d| d.get_temp::<crate::map::MapHit>(crate::map::map_hit_id()))
        else {
            self.state.notice = Some("The map is not on screen; nothing saved.".to_owned());
            self.state.capture = None;
            self.finish_frames(Some("the map is not on screen".to_owned()));
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
        self.map_image = Some((receiver, std::mem::take(&mut self.map_image_note)));
        ctx.request_repaint();
    }

    fn poll_map_image(&mut self) {
        let Some((rx, note)) = &self.map_image else {
            return;
        };
        let note = *note;
        let result = match rx.try_recv() {
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err("The map image could not be taken.".to_owned()),
            Ok(result) => result,
        };
        self.map_image = None;
        self.state.capture = None;
        // a frame of an export: counted, and the export goes on (or stops on a failure)
        if let Some(frames) = &mut self.frames {
            match result {
                Ok(_) => {
                    frames.written += 1;
                    self.state.frames_progress = Some((frames.written, frames.days.len()));
                }
                Err(e) => self.finish_frames(Some(e)),
            }
            return;
        }
        let outcome = match result {
            Ok(path) => format!("Saved the map image to {}.", path.display()),
            Err(e) => e,
        };
        self.state.notice = Some(format!("{note}{outcome}"));
    }

    /// Starts exporting a frame per day (or week) of the range shown into `folder`, which is
    /// created if need be (never inside the article folder).
    fn start_frames(&mut self, folder: PathBuf) {
        if let Some(why) = self.outside_articles(&folder.join("frame.png")) {
            self.state.notice = Some(why.replace("Corrections are", "Frames are"));
            return;
        }
        let days = self.state.frame_days(MAX_FRAMES);
        if days.is_empty() {
            self.state.notice = Some("No dated events: no frames to export.".to_owned());
            return;
        }
        if let Err(e) = std::fs::create_dir_all(&folder) {
            self.state.notice = Some(format!("Cannot create {}: {e}", folder.display()));
            return;
        }
        self.state.frames_progress = Some((0, days.len()));
        self.state.view.time.playing = false;
        self.frames = Some(FrameExport {
            folder,
            days,
            next: 0,
            written: 0,
            restore: self.state.view.time,
        });
    }

    /// Moves a frame export on: once the last frame is saved, the next day is put on the map
    /// with its caption and a picture of it asked for.
    fn step_frames(&mut self, ctx: &egui::Context) {
        let Some(frames) = &mut self.frames else {
            return;
        };
        if self.map_image.is_some() || self.state.capture.is_some() {
            return;
        }
        match frames.days.get(frames.next) {
            Some(&day) => {
                let path = frames.folder.join(format!(
                    "frame-{:04}-{}.png",
                    frames.next + 1,
                    karabakh_core::model::iso(day)
                ));
                frames.next += 1;
                self.state.view.time.cursor = Some(day);
                self.state.capture = Some(path);
                ctx.request_repaint();
            }
            None => self.finish_frames(None),
        }
    }

    /// Ends a frame export (after its last frame, on a failure, or when cancelled): the time
    /// on screen comes back, and a notice says what was written.
    fn finish_frames(&mut self, failure: Option<String>) {
        let Some(frames) = self.frames.take() else {
            return;
        };
        self.state.frames_progress = None;
        self.state.view.time = frames.restore;
        let written = format!(
            "{} of {} frames written to {}",
            frames.written,
            frames.days.len(),
            frames.folder.display()
        );
        self.state.notice = Some(match failure {
            Some(e) => format!("Frame export stopped: {e} ({written})."),
            None if frames.written == frames.days.len() => format!("Exported {written}."),
            None => format!("Frame export cancelled: {written}."),
        });
    }

    /// Whether a frame export is running (tests).
    pub fn frames_running(&self) -> bool {
        self.frames.is_some()
    }

    /// Once the screen's size is known: a window larger than the screen (the default size on a
    /// small laptop, or a size saved on a larger monitor) shrinks to fit it. A maximised or
    /// full-screen window is left as it is.
    fn fit_to_screen(&mut self, ctx: &egui::Context) {
        if let Some(size) = self.refit_at {
            let now = ctx.input(|i| i.viewport().inner_rect.map(|r| r.size()));
            if now.is_some_and(|n| (n - size).length() < 4.0) {
                // the map was fitted to the larger window of the first frame
                self.refit_at = None;
                self.state.fit_map = true;
            }
        }
        if self.fitted_to_screen {
            return;
        }
        let (monitor, inner, maximized) = ctx.input(|i| {
            let v = i.viewport();
            (
                v.monitor_size,
                v.inner_rect.map(|r| r.size()),
                v.maximized == Some(true) || v.fullscreen == Some(true),
            )
        });
        let (Some(monitor), Some(inner)) = (monitor, inner) else {
            return;
        };
        self.fitted_to_screen = true;
        if let Some(size) = fitted_window(inner, monitor).filter(|_| !maximized) {
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
            if self.state.fit_map {
                self.refit_at = Some(size);
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
        self.step_frames(&ctx);
        self.handle_drops(&ctx);
        self.fit_to_screen(&ctx);
        let now = ctx.input(|i| i.time);
        let dt = self.last_frame.map_or(0.0, |t| (now - t).clamp(0.0, 0.5));
        self.last_frame = Some(now);
        if self.state.view.time.playing {
            self.commands.push(Command::Time(TimeCommand::Tick(dt)));
            ctx.request_repaint();
        }
        if self.state.loading.is_some()
            || self.dialog.is_some()
            || self.export_dialog.is_some()
            || self.map_image.is_some()
            || self.frames.is_some()
        {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        for command in std::mem::take(&mut self.commands) {
            self.apply(&ctx, command);
        }
        self.state.refresh_visible();
        self.state.refresh_table();
        ui::root_ui(ui, &self.state, &mut self.commands);
        // the screenshot is of the frame after the request: the caption stays on the map until
        // the picture has come back
        if self.map_image.is_none()
            && let Some(path) = self.state.capture.clone()
        {
            self.request_map_image(&ctx, path);
        }
        if !self.commands.is_empty() {
            ctx.request_repaint();
        }
    }

    /// Applies one command: the only place where state changes in answer to the UI.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let state = &mut self.state;
        match command {
            Command::Time(t) => {
                // the histogram spans the data's dates: no pass over the events per command
                let range = state.histogram.as_ref().map(|h| (h.first, h.last));
                state.view.time.apply_within(t, &state.dataset, range)
            }
            Command::Select(i) => {
                state.selected = i.filter(|&i| i < state.dataset.events.len());
                // a selection's evidence is in the side panel: unfold it
                if state.selected.is_some() {
                    state.view.list_hidden = false;
                }
            }
            Command::ShowList(show) => state.view.list_hidden = !show,
            Command::SetFilters(f) => state.view.filters = f,
            Command::SetMapView(v) => {
                state.view.map = v;
                state.fit_map = false;
            }
            Command::ResetMapView => state.fit_map = true,
            Command::ShowProblems(show) => state.show_problems = show,
            Command::ShowArticles(show) => state.show_articles = show,
            Command::OpenArticleFile(i) => state.open_article_file(i),
            Command::ShowAbout(show) => state.show_about = show,
            Command::ShowLegend(show) => {
                state.view.legend_hidden = !show;
                state.view.legend_chosen = true;
            }
            Command::OpenArticle { event, source } => state.open_article(event, source),
            Command::CloseArticle => state.article = None,
            Command::ArticleScrolled => {
                if let Some(a) = &mut state.article {
                    a.scroll_pending = false;
                }
            }
            Command::DismissNotice => state.notice = None,
            Command::SaveMapImage(path) => state.capture = Some(path),
            Command::ExportTo { path, visible_only } => state.export(&path, visible_only),
            Command::OpenFolder(folder) => self.open_folder(folder, ctx.clone()),
            Command::PickFolder => self.pick_folder(ctx, Pick::Folder),
            Command::CancelLoad => {
                if let Some(l) = &state.loading {
                    l.progress.cancel.store(true, Ordering::Relaxed);
                }
            }
            Command::PickExport { visible_only } => {
                self.pick_save(ctx, SaveTarget::Events { visible_only })
            }
            Command::PickMapImage => self.pick_save(ctx, SaveTarget::MapImage),
            Command::OpenBundled => {
                if let Some(l) = state.loading.take() {
                    l.progress.cancel.store(true, Ordering::Relaxed);
                }
                self.loader = None;
                let mut sidecar = self.sidecar_for(&Origin::Bundled);
                let mut dataset = karabakh_core::seeds::dataset();
                sidecar.correct(&mut dataset);
                let state = &mut self.state;
                state.sidecar = sidecar;
                state.set_dataset(dataset);
                self.watch = None;
                state.origin = Origin::Bundled;
                state.view.last_folder = None;
                if let Some(notice) = state.corrections_notice() {
                    state.notice = Some(notice);
                }
            }
            Command::ShowCorrections(show) => state.show_corrections = show,
            Command::ShowTable(show) => state.table.open = show,
            Command::PickFramesFolder => self.pick_folder(ctx, Pick::FramesFolder),
            Command::ExportFrames(folder) => self.start_frames(folder),
            Command::CancelFrames => {
                self.finish_frames(Some("cancelled".to_owned()));
            }
            Command::SetNames(names) => state.view.names = names,
            Command::ColourBySide(by_side) => state.view.colour_by_side = by_side,
            Command::SortTable(column) => state.table.sort_by(column),
            Command::MarkTableRow(index) => state.table.toggle_mark(index),
            Command::ClearTableMarks => state.table.marked.clear(),
            Command::ShowEvent(index) => {
                if let Some(event) = state.dataset.events.get(index) {
                    state.selected = Some(index);
                    state.view.list_hidden = false;
                    // the map keeps its zoom, centred on the event
                    state.view.map.center_lon = event.place.lon;
                    state.view.map.center_lat = event.place.lat;
                    state.fit_map = false;
                    if let Some(date) = event.date {
                        let range = state.histogram.as_ref().map(|h| (h.first, h.last));
                        state.view.time.apply_within(
                            TimeCommand::SetDate(date.start),
                            &state.dataset,
                            range,
                        );
                    }
                }
            }
            Command::Correct(correction) => {
                let date = match &correction {
                    Correction::Set { set, .. } => set.date.map(DateSet::first),
                    _ => None,
                };
                state.sidecar.push(correction);
                state.recorrect();
                // a re-dated event is followed to its new date
                if let Some(date) = date {
                    let range = state.histogram.as_ref().map(|h| (h.first, h.last));
                    state
                        .view
                        .time
                        .apply_within(TimeCommand::SetDate(date), &state.dataset, range);
                }
                state.notice = state.corrections_write_notice();
            }
            Command::UndoCorrection | Command::RedoCorrection => {
                let undo = command == Command::UndoCorrection;
                let what = if undo {
                    state.sidecar.undo()
                } else {
                    state.sidecar.redo()
                }
                .map(crate::ui::describe_correction);
                state.notice = match what {
                    Some(what) => {
                        let done = if undo { "Took back" } else { "Made again" };
                        Some(format!("{done}: {what}."))
                    }
                    None if undo => Some("No correction to take back.".to_owned()),
                    None => Some("No correction to make again.".to_owned()),
                };
                state.recorrect();
                if let Some(error) = state.corrections_write_notice() {
                    state.notice = Some(error);
                }
            }
            Command::RemoveCorrection(index) => {
                if state.sidecar.remove(index).is_some() {
                    state.recorrect();
                    state.notice = state.corrections_write_notice();
                }
            }
            Command::RestoreEvent(id) => {
                if state.sidecar.restore_event(&id) > 0 {
                    state.recorrect();
                    state.notice = state.corrections_write_notice();
                }
            }
            Command::PickCorrectionsFile { save_as: true } => {
                self.pick_save(ctx, SaveTarget::Corrections);
            }
            Command::PickCorrectionsFile { save_as: false } => {
                self.pick_folder(ctx, Pick::CorrectionsFile);
            }
            Command::OpenCorrectionsFile(path) => {
                if let Some(why) = self.outside_articles(&path) {
                    self.state.notice = Some(why);
                } else if !path.is_file() {
                    self.state.notice = Some(format!(
                        "There is no corrections file at {} (to keep these corrections there, use Save here or Save as…).",
                        path.display()
                    ));
                } else {
                    let state = &mut self.state;
                    state.sidecar = Sidecar::open(path.clone());
                    state.recorrect();
                    state.notice = state.corrections_notice().or_else(|| {
                        Some(format!(
                            "Corrections from {}: {} applied.",
                            path.display(),
                            state.sidecar.applied.applied
                        ))
                    });
                    if state.sidecar.unreadable.is_none() {
                        self.remember_corrections_file(path);
                    }
                }
            }
            Command::SaveCorrectionsAs(path) => {
                if let Some(why) = self.outside_articles(&path) {
                    self.state.notice = Some(why);
                } else {
                    match self.state.sidecar.save_as(path.clone()) {
                        Ok(()) => {
                            self.state.notice = Some(format!(
                                "Corrections saved to {}; they are kept there from now on.",
                                path.display()
                            ));
                            self.remember_corrections_file(path);
                        }
                        Err(e) => self.state.notice = Some(format!("Corrections not saved: {e}")),
                    }
                }
            }
        }
        self.state.refresh_visible();
    }

    /// Why the app may not write `file` (corrections, frames): it lies in the open article
    /// folder, which the app only ever reads.
    fn outside_articles(&self, file: &Path) -> Option<String> {
        let Origin::Folder(folder) = &self.state.origin else {
            return None;
        };
        let folder = folder.canonicalize().unwrap_or_else(|_| folder.clone());
        let parent = file.parent().unwrap_or(file);
        let parent = parent
            .canonicalize()
            .unwrap_or_else(|_| parent.to_path_buf());
        parent.starts_with(&folder).then(|| {
            format!(
                "Corrections are never kept in the article folder {} (it is only read): choose a file elsewhere.",
                folder.display()
            )
        })
    }

    /// Keeps `file` as the open folder's corrections file across restarts.
    fn remember_corrections_file(&mut self, file: PathBuf) {
        if let Origin::Folder(folder) = &self.state.origin {
            let folder = folder.clone();
            self.state.view.choose_corrections_file(folder, file);
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

/// egui's fonts, and behind its proportional one (Ubuntu Light: Latin and Cyrillic) the letters
/// it lacks: Azerbaijani's `ə` (a subset of Noto Sans), Armenian script (Noto Sans Armenian),
/// and arrows and triangles (egui's own monospace font, Hack), for place names in the region's
/// languages, articles in them and the arrows of hints and headings.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    let added: [(&str, &'static [u8]); 2] = [
        (
            "Noto Sans Latin Extra",
            include_bytes!("../assets/fonts/NotoSans-LatinExtra.ttf"),
        ),
        (
            "Noto Sans Armenian",
            include_bytes!("../assets/fonts/NotoSansArmenian-Regular.ttf"),
        ),
    ];
    for (name, bytes) in added {
        fonts.font_data.insert(
            name.to_owned(),
            Arc::new(egui::FontData::from_static(bytes)),
        );
    }
    let monospace = fonts
        .families
        .get(&egui::FontFamily::Monospace)
        .and_then(|f| f.first().cloned());
    for (family, extra) in [
        (
            egui::FontFamily::Proportional,
            monospace.into_iter().collect::<Vec<_>>(),
        ),
        (egui::FontFamily::Monospace, Vec::new()),
    ] {
        let list = fonts.families.entry(family).or_default();
        list.extend(extra);
        list.extend(added.iter().map(|(name, _)| (*name).to_owned()));
    }
    ctx.set_fonts(fonts);
}

/// The window icon: packaging/karabakh-atlas.svg rendered at 128 px (`convert -background none
/// -resize 128x128 karabakh-atlas.svg -depth 8 PNG32:karabakh-atlas-128.png`).
pub fn window_icon() -> egui::IconData {
    let decoded = (|| {
        let decoder = png::Decoder::new(std::io::Cursor::new(
            &include_bytes!("../packaging/karabakh-atlas-128.png")[..],
        ));
        let mut reader = decoder.read_info().ok()?;
        let mut rgba = vec![0; reader.output_buffer_size()?];
        let info = reader.next_frame(&mut rgba).ok()?;
        (info.color_type == png::ColorType::Rgba && info.bit_depth == png::BitDepth::Eight)
            .then_some(egui::IconData {
                rgba,
                width: info.width,
                height: info.height,
            })
    })();
    decoded.unwrap_or_default()
}

/// The size a window of `inner` points should take on a screen of `monitor` points, when it
/// does not fit: 95 % of the width and 90 % of the height at most (room for panels and docks).
fn fitted_window(inner: egui::Vec2, monitor: egui::Vec2) -> Option<egui::Vec2> {
    let most = egui::vec2(monitor.x * 0.95, monitor.y * 0.9);
    (inner.x > most.x || inner.y > most.y).then(|| inner.min(most))
}

/// Opens the viewer window and runs it until it is closed.
pub fn run(folder: Option<PathBuf>) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Karabakh Atlas")
            .with_inner_size([1360.0, 860.0])
            .with_min_inner_size([480.0, 360.0])
            .with_drag_and_drop(true)
            // the .desktop entry's StartupWMClass, so that docks and alt-tab group the window
            // under the launcher's icon
            .with_app_id("karabakh-atlas")
            .with_icon(window_icon()),
        ..Default::default()
    };
    eframe::run_native(
        "Karabakh Atlas",
        options,
        Box::new(move |cc| Ok(Box::new(AtlasApp::from_creation(cc, folder)))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::MapView;
    use karabakh_core::model::EventKind;

    #[test]
    fn a_window_larger_than_the_screen_shrinks_to_fit_it() {
        let laptop = egui::vec2(1366.0, 768.0);
        let fitted = fitted_window(egui::vec2(1360.0, 860.0), laptop).unwrap_or_default();
        assert!(
            (fitted - egui::vec2(1297.7, 691.2)).length() < 0.01,
            "{fitted:?}"
        );
        assert_eq!(fitted_window(egui::vec2(1000.0, 600.0), laptop), None);
        let desktop = egui::vec2(2560.0, 1440.0);
        assert_eq!(fitted_window(egui::vec2(1360.0, 860.0), desktop), None);
    }

    #[test]
    fn the_window_icon_decodes() {
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        // not blank: the icon's outline and markers are drawn
        assert!(
            icon.rgba
                .chunks(4)
                .any(|p| p[3] == 255 && p[0] > 150 && p[1] < 100)
        );
    }

    fn seeds_app() -> (AtlasApp, egui::Context) {
        let app = AtlasApp::new(
            karabakh_core::seeds::dataset(),
            Origin::Bundled,
            Persisted::default(),
        );
        (app, egui::Context::default())
    }

    #[test]
    fn time_commands_move_the_cursor_and_refresh_the_visible_events() {
        let (mut app, ctx) = seeds_app();
        let (first, _) = app.state.dataset.date_range().unwrap_or_default();
        app.apply(&ctx, Command::Time(TimeCommand::JumpStart));
        assert_eq!(app.state.view.time.cursor, Some(first));
        let on_first: Vec<usize> = app.state.dataset.events_on(first);
        // the list orders the roughly dated events last: compare as sets
        let shown = |app: &AtlasApp| {
            let mut shown = app.state.visible.clone();
            shown.sort_unstable();
            shown
        };
        assert_eq!(shown(&app), on_first);
        app.apply(
            &ctx,
            Command::Time(TimeCommand::NeighbourEvent { forward: true }),
        );
        let next = app.state.view.time.cursor.unwrap_or_default();
        assert!(next > first);
        assert_eq!(shown(&app), app.state.dataset.events_on(next));
    }

    #[test]
    fn selection_is_checked_and_filters_apply_to_what_is_visible() {
        let (mut app, ctx) = seeds_app();
        app.apply(&ctx, Command::Select(Some(usize::MAX)));
        assert_eq!(
            app.state.selected, None,
            "an index past the events selects nothing"
        );
        app.apply(&ctx, Command::Select(Some(0)));
        assert_eq!(app.state.selected, Some(0));
        let filters = crate::state::Filters {
            strikes: false,
            ..Default::default()
        };
        app.apply(&ctx, Command::SetFilters(filters));
        assert!(app.state.filtered.iter().all(|&i| {
            app.state
                .dataset
                .events
                .get(i)
                .is_some_and(|e| e.kind == EventKind::Deployment)
        }));
        assert!(
            app.state
                .visible
                .iter()
                .all(|i| app.state.filtered.contains(i))
        );
    }

    #[test]
    fn roughly_dated_events_can_be_hidden_in_day_mode() {
        let (mut app, ctx) = seeds_app();
        let day = chrono::NaiveDate::from_ymd_opt(2020, 3, 1).unwrap_or_default();
        app.apply(&ctx, Command::Time(TimeCommand::SetDate(day)));
        app.state.refresh_visible();
        // the seeds' deployment dated only "2020" shows on 1 March 2020
        let rough_here = |app: &AtlasApp| {
            app.state.visible.iter().any(|&i| {
                app.state.dataset.events.get(i).is_some_and(|e| {
                    e.date
                        .is_some_and(|d| d.precision == karabakh_core::model::Precision::Year)
                })
            })
        };
        assert!(rough_here(&app));
        let mut filters = app.state.view.filters.clone();
        filters.rough = false;
        app.apply(&ctx, Command::SetFilters(filters));
        app.state.refresh_visible();
        assert!(!rough_here(&app));
        // Cumulative mode shows everything up to the day, however roughly dated
        app.apply(
            &ctx,
            Command::Time(TimeCommand::SetMode(crate::timeline::TimeMode::Cumulative)),
        );
        app.state.refresh_visible();
        assert!(rough_here(&app));
    }

    #[test]
    fn map_view_problems_notice_and_bundled_seeds() {
        let (mut app, ctx) = seeds_app();
        let moved = MapView {
            center_lon: 45.0,
            ..MapView::default()
        };
        app.apply(&ctx, Command::SetMapView(moved));
        assert_eq!(app.state.view.map, moved);
        // a reset fits the map to its panel, which only the next frame's map panel knows
        app.apply(&ctx, Command::ResetMapView);
        assert!(app.state.fit_map);
        let fitted = MapView::fitting(egui::vec2(600.0, 400.0));
        app.apply(&ctx, Command::SetMapView(fitted));
        assert!(!app.state.fit_map);
        assert_eq!(app.state.view.map, fitted);
        app.apply(&ctx, Command::ShowProblems(true));
        assert!(app.state.show_problems);
        app.state.notice = Some("hello".into());
        app.apply(&ctx, Command::DismissNotice);
        assert_eq!(app.state.notice, None);
        let generation = app.state.generation;
        app.apply(&ctx, Command::OpenBundled);
        assert_eq!(app.state.origin, Origin::Bundled);
        assert!(
            app.state.generation > generation,
            "the seeds were loaded again"
        );
    }

    #[test]
    fn opening_an_article_of_the_seeds_and_closing_it() {
        let (mut app, ctx) = seeds_app();
        app.apply(
            &ctx,
            Command::OpenArticle {
                event: 0,
                source: 0,
            },
        );
        let article = app.state.article.clone();
        assert!(
            article
                .as_ref()
                .is_some_and(|a| a.text.is_ok() && !a.changed)
        );
        app.apply(&ctx, Command::ArticleScrolled);
        assert!(
            app.state
                .article
                .as_ref()
                .is_some_and(|a| !a.scroll_pending)
        );
        app.apply(&ctx, Command::CloseArticle);
        assert!(app.state.article.is_none());
    }
}
