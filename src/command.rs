//! Everything the UI can ask for, as one [`Command`] type. Panels push commands; the app applies
//! them in one place (`AtlasApp::apply`), between frames.

use std::path::PathBuf;

use karabakh_core::corrections::Correction;
use karabakh_core::names::NameLanguage;

use crate::map::MapView;
use crate::state::Filters;
use crate::table::TableColumn;
use crate::timeline::TimeCommand;

/// One request from the UI.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Move the time cursor, change the time mode, or run playback.
    Time(TimeCommand),
    /// Select an event (index into the dataset's events), or nothing.
    Select(Option<usize>),
    /// New filters.
    SetFilters(Filters),
    /// New map pan/zoom.
    SetMapView(MapView),
    /// Back to the whole region.
    ResetMapView,
    /// Open or close the problems window.
    ShowProblems(bool),
    /// Open or close the list of loaded articles.
    ShowArticles(bool),
    /// Show a loaded article in full (index into the dataset's articles).
    OpenArticleFile(usize),
    /// Open or close the About window.
    ShowAbout(bool),
    /// Unfold or fold away the side panel (filters, event list, evidence).
    ShowList(bool),
    /// Unfold or fold away the map legend.
    ShowLegend(bool),
    /// Show an event's source article in full.
    OpenArticle {
        /// Event index.
        event: usize,
        /// Source index within the event.
        source: usize,
    },
    /// Close the article window.
    CloseArticle,
    /// The article window scrolled to its sentence.
    ArticleScrolled,
    /// Load a folder in the background.
    OpenFolder(PathBuf),
    /// Show the folder dialog.
    PickFolder,
    /// Stop the load in progress.
    CancelLoad,
    /// Show the bundled seed articles.
    OpenBundled,
    /// Ask where to export events (a save dialog on its own thread).
    PickExport {
        /// Only what the filters and time mode show, else every event.
        visible_only: bool,
    },
    /// Write events to a file: GeoJSON for `.geojson`/`.json`, CSV otherwise.
    ExportTo {
        /// Destination.
        path: PathBuf,
        /// Only what the filters and time mode show, else every event.
        visible_only: bool,
    },
    /// Ask where to save an image of the map.
    PickMapImage,
    /// Save the map as drawn next frame (with legend and date) as a PNG file.
    SaveMapImage(PathBuf),
    /// Hide the notice.
    DismissNotice,
    /// Add an analyst's correction (reject, set, merge), write it and apply it.
    Correct(Correction),
    /// Take back the last correction.
    UndoCorrection,
    /// Make the last correction taken back again.
    RedoCorrection,
    /// Take back the correction at this position in the file.
    RemoveCorrection(usize),
    /// Take back every correction that rejects or changes the event with this id.
    RestoreEvent(String),
    /// Open or close the corrections window.
    ShowCorrections(bool),
    /// Ask for a corrections file: one to open, or where to save these.
    PickCorrectionsFile {
        /// Save the corrections there, else read that file's.
        save_as: bool,
    },
    /// Use the corrections in this file for the data on screen, from now on.
    OpenCorrectionsFile(PathBuf),
    /// Write the corrections to this file and keep them there from now on.
    SaveCorrectionsAs(PathBuf),
    /// Open or close the events table.
    ShowTable(bool),
    /// Sort the events table by this column (again: the other way).
    SortTable(TableColumn),
    /// Mark or unmark an event's row in the table (index into the dataset's events).
    MarkTableRow(usize),
    /// Unmark every row of the table.
    ClearTableMarks,
    /// Select an event, move the slider to its date and centre the map on it.
    ShowEvent(usize),
    /// Show places by their names in this language.
    SetNames(NameLanguage),
    /// Colour markers by the side that struck or deployed (else by kind).
    ColourBySide(bool),
    /// Ask for a folder to export the map's frames into.
    PickFramesFolder,
    /// Write a PNG of the map for each day (or week) of the range shown into this folder.
    ExportFrames(PathBuf),
    /// Stop a frame export.
    CancelFrames,
}

impl From<TimeCommand> for Command {
    fn from(command: TimeCommand) -> Self {
        Self::Time(command)
    }
}
