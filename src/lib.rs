//! Karabakh Atlas, the viewer: a map and chronology of the strikes and deployments that
//! [`karabakh_core`] extracts from a folder of articles, and the `extract` command line.
//!
//! Layers, each using only those below it: [`style`], the pure parts of [`timeline`] and
//! [`map`] (time state and commands, histogram, projection, basemap) → [`state`] (with the
//! corrections in [`sidecar`] and the events table's order in [`table`]) → [`command`]
//! → the panels ([`ui`], `map::panel`, `timeline::panel`) → [`app`], which applies commands and
//! owns background work. [`cli`] prints what the core produces.

pub mod app;
pub mod cli;
pub mod command;
pub mod map;
pub mod save_location;
pub mod sidecar;
pub mod state;
pub mod style;
pub mod table;
pub mod timeline;
pub mod ui;
