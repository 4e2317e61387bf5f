//! Karabakh Atlas: reads a folder of news articles about the Armenia–Azerbaijan conflict and
//! finds every reported strike and deployment with its place and date, for a map and timeline
//! viewer and for scripts.
//!
//! The core ([`corpus`], [`extract`], [`model`], [`load`]) has no UI in it; [`app`], [`map`],
//! [`timeline`] and [`ui`] draw what it produces; [`cli`] prints it.

pub mod app;
pub mod bench;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod load;
pub mod map;
pub mod model;
pub mod seeds;
pub mod timeline;
pub mod ui;
pub mod watch;
