//! Karabakh Atlas core: a folder of news articles about the Armenia–Azerbaijan conflict →
//! a [`model::Dataset`] of reported strikes and deployments, each with its place, date, status,
//! sides and the sentences that reported it. No UI: the viewer and the `extract` command both
//! sit on top of this crate.
//!
//! Layers, each using only those below it:
//!
//! ```text
//! model                         Event, Place, DateSpan, Article, Problem, Dataset
//! dates, gazetteer, names       date expressions and their resolution; place names, and
//!                               each place's names in the region's languages
//! corpus, extract               folder → articles; article → event mentions → events
//! load, watch, seeds, export    folder → Dataset; watching; bundled seeds; JSON/GeoJSON/CSV
//! corrections                   an analyst's corrections, applied to a Dataset's events
//! contest                       sides, and events the reports contest
//! alternatives                  the other places and dates of an event's sentences
//! ```

pub mod alternatives;
mod built;
pub mod contest;
pub mod corpus;
pub mod corrections;
pub mod dates;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod load;
pub mod model;
pub mod names;
pub mod seeds;
pub mod watch;
