//! Everything the UI can ask for, as one [`Command`] type. Panels push commands; the app applies
//! them in one place (`AtlasApp::apply`), between frames.

use std::path::PathBuf;

use crate::map::MapView;
use crate::state::Filters;
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
}

impl From<TimeCommand> for Command {
    fn from(command: TimeCommand) -> Self {
        Self::Time(command)
    }
}
