//! The viewer's side of an analyst's corrections: which file holds the open folder's
//! corrections (by default one per folder in the app's data directory, never in the article
//! folder; or a file the user chose), reading it on every load, writing it after every change,
//! and keeping the extractor's own reading of the events they touch so that any correction can
//! be taken back.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use karabakh_core::corrections::{self, Applied, Correction, Corrections};
use karabakh_core::gazetteer::GAZETTEER;
use karabakh_core::model::{Dataset, Event};

use crate::state::Origin;

/// The default corrections file of `origin` under the app's data directory `data_dir`.
pub fn default_path(data_dir: &Path, origin: &Origin) -> PathBuf {
    let name = match origin {
        Origin::Bundled => "bundled-seeds.json".to_owned(),
        Origin::Folder(folder) => {
            let folder = folder.canonicalize().unwrap_or_else(|_| folder.clone());
            corrections::sidecar_file_name(&folder)
        }
    };
    data_dir.join("corrections").join(name)
}

/// The corrections of the data on screen, and where they are kept.
#[derive(Debug, Default)]
pub struct Sidecar {
    /// The file they are read from and written to; `None`: kept in memory only.
    pub path: Option<PathBuf>,
    /// The corrections, in the order they apply.
    pub file: Corrections,
    /// Why the file could not be read: it is left untouched and nothing is written to it
    /// until the corrections are saved elsewhere.
    pub unreadable: Option<String>,
    /// Why the last write failed, if it did.
    pub write_error: Option<String>,
    /// What the last application did (stale corrections are listed, and kept).
    pub applied: Applied,
    /// Corrections taken back, most recent last, for redo.
    undone: Vec<Correction>,
    /// The extractor's own reading of every event the corrections name (as they were before
    /// any correction): all that is needed to apply a changed list again. Only these are
    /// kept twice, not the whole dataset.
    originals: Vec<Event>,
}

impl Sidecar {
    /// Corrections kept in memory only, none yet.
    pub fn in_memory() -> Self {
        Self {
            file: empty(),
            ..Self::default()
        }
    }

    /// The corrections in the file at `path`: none yet when it does not exist; when it cannot
    /// be read, none, with the reason, and the file is left as it is.
    pub fn open(path: PathBuf) -> Self {
        let mut sidecar = Self::in_memory();
        match std::fs::read_to_string(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => sidecar.unreadable = Some(e.to_string()),
            Ok(text) => match Corrections::parse(&text, &GAZETTEER) {
                Ok(file) => sidecar.file = file,
                Err(e) => sidecar.unreadable = Some(e.to_string()),
            },
        }
        sidecar.path = Some(path);
        sidecar
    }

    /// Applies the corrections to freshly extracted data (a load, or the folder changed).
    pub fn correct(&mut self, dataset: &mut Dataset) {
        let named: HashSet<&str> = self.file.corrections.iter().flat_map(event_ids).collect();
        self.originals = dataset
            .events
            .iter()
            .filter(|e| named.contains(e.id.as_str()))
            .cloned()
            .collect();
        self.applied = if self.file.corrections.is_empty() {
            Applied::default()
        } else {
            corrections::apply(&mut dataset.events, &self.file, &GAZETTEER)
        };
    }

    /// Applies the corrections again to the data they were applied to, after they changed:
    /// the events they touched are put back as extracted first.
    pub fn recorrect(&mut self, dataset: &mut Dataset) {
        let originals = std::mem::take(&mut self.originals);
        let touched: HashSet<&str> = originals.iter().map(|e| e.id.as_str()).collect();
        dataset.events.retain(|e| !touched.contains(e.id.as_str()));
        dataset.events.extend(originals);
        karabakh_core::extract::sort_events(&mut dataset.events);
        self.correct(dataset);
    }

    /// Adds a correction and writes the file.
    pub fn push(&mut self, correction: Correction) {
        self.file.corrections.push(correction);
        self.undone.clear();
        self.save();
    }

    /// Takes back the last correction; `None` when there is none.
    pub fn undo(&mut self) -> Option<&Correction> {
        let last = self.file.corrections.pop()?;
        self.undone.push(last);
        self.save();
        self.undone.last()
    }

    /// Makes the last correction taken back again; `None` when there is none.
    pub fn redo(&mut self) -> Option<&Correction> {
        let again = self.undone.pop()?;
        self.file.corrections.push(again);
        self.save();
        self.file.corrections.last()
    }

    /// Whether there is a correction to take back, and one to make again.
    pub fn can_undo_redo(&self) -> (bool, bool) {
        (!self.file.corrections.is_empty(), !self.undone.is_empty())
    }

    /// Removes the correction at `index` (any of them, not only the last).
    pub fn remove(&mut self, index: usize) -> Option<Correction> {
        (index < self.file.corrections.len()).then(|| {
            let removed = self.file.corrections.remove(index);
            self.undone.clear();
            self.save();
            removed
        })
    }

    /// Removes every correction that sets or rejects the event `id` (merges stay).
    pub fn restore_event(&mut self, id: &str) -> usize {
        let before = self.file.corrections.len();
        self.file.corrections.retain(|c| match c {
            Correction::Reject { event, .. } | Correction::Set { event, .. } => event != id,
            Correction::Merge { .. } => true,
        });
        let removed = before - self.file.corrections.len();
        if removed > 0 {
            self.undone.clear();
            self.save();
        }
        removed
    }

    /// Writes the corrections to `path` and keeps them there from now on.
    pub fn save_as(&mut self, path: PathBuf) -> Result<(), String> {
        write(&path, &self.file)?;
        self.path = Some(path);
        self.unreadable = None;
        self.write_error = None;
        Ok(())
    }

    /// Writes the file, unless it could not be read (it is left as the user had it) or there
    /// is none. A failure is kept in `write_error`.
    fn save(&mut self) {
        if self.unreadable.is_some() {
            return;
        }
        if let Some(path) = &self.path {
            self.write_error = write(path, &self.file).err();
        }
    }

    /// Whether the corrections on screen are written anywhere.
    pub fn saved(&self) -> bool {
        self.path.is_some() && self.unreadable.is_none() && self.write_error.is_none()
    }
}

/// The ids of the events a correction names.
fn event_ids(correction: &Correction) -> Vec<&str> {
    match correction {
        Correction::Reject { event, .. } | Correction::Set { event, .. } => vec![event.as_str()],
        Correction::Merge { merge } => merge.iter().map(String::as_str).collect(),
    }
}

/// No corrections, in the current version of the format.
fn empty() -> Corrections {
    Corrections {
        version: corrections::VERSION,
        ..Corrections::default()
    }
}

/// Writes `file` to `path` through a temporary file beside it, so a crash never leaves half a
/// file.
fn write(path: &Path, file: &Corrections) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(fail)?;
    }
    let temporary = path.with_extension("json.tmp");
    std::fs::write(&temporary, file.to_json()).map_err(fail)?;
    std::fs::rename(&temporary, path).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Dataset {
        karabakh_core::seeds::dataset()
    }

    #[test]
    fn corrections_are_written_read_back_undone_and_redone() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = default_path(dir.path(), &Origin::Bundled);
        let mut data = seeds();
        let id = data.events[0].id.clone();
        let mut sidecar = Sidecar::open(path.clone());
        sidecar.correct(&mut data);
        sidecar.push(Correction::Reject {
            event: id.clone(),
            reject: true,
        });
        sidecar.recorrect(&mut data);
        assert!(data.events.iter().all(|e| e.id != id));
        assert_eq!(data.events.len(), seeds().events.len() - 1);

        let mut again = seeds();
        let mut reopened = Sidecar::open(path.clone());
        reopened.correct(&mut again);
        assert_eq!(
            again.events, data.events,
            "the file brings the rejection back"
        );

        assert!(reopened.undo().is_some());
        reopened.recorrect(&mut again);
        assert_eq!(again.events, seeds().events);
        assert!(reopened.redo().is_some());
        reopened.recorrect(&mut again);
        assert_eq!(again.events, data.events);
        assert_eq!(reopened.restore_event(&id), 1);
        reopened.recorrect(&mut again);
        assert_eq!(again.events, seeds().events);
        assert!(reopened.saved());
        // a merge, a change of place and a rejection together, then each taken back
        let ids: Vec<String> = seeds().events.iter().map(|e| e.id.clone()).collect();
        reopened.push(Correction::Merge {
            merge: vec![ids[1].clone(), ids[2].clone()],
        });
        reopened.push(Correction::Set {
            event: ids[1].clone(),
            set: karabakh_core::corrections::Changes {
                place: Some("Barda".to_owned()),
                ..Default::default()
            },
        });
        reopened.push(Correction::Reject {
            event: ids[3].clone(),
            reject: true,
        });
        reopened.recorrect(&mut again);
        assert_eq!(again.events.len(), seeds().events.len() - 2);
        assert!(
            again
                .events
                .iter()
                .any(|e| e.id == ids[1] && e.place.name == "Barda")
        );
        while reopened.undo().is_some() {
            reopened.recorrect(&mut again);
        }
        assert_eq!(again.events, seeds().events, "every correction taken back");
    }

    #[test]
    fn an_unreadable_file_is_reported_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("mine.json");
        std::fs::write(&path, "{not json").unwrap_or_else(|e| panic!("{e}"));
        let mut sidecar = Sidecar::open(path.clone());
        assert!(sidecar.unreadable.is_some());
        let mut data = seeds();
        sidecar.correct(&mut data);
        sidecar.push(Correction::Reject {
            event: data.events[0].id.clone(),
            reject: true,
        });
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            "{not json"
        );
        assert!(!sidecar.saved());
        let elsewhere = dir.path().join("kept.json");
        assert_eq!(sidecar.save_as(elsewhere.clone()), Ok(()));
        assert!(Sidecar::open(elsewhere).unreadable.is_none());
        assert!(sidecar.saved());
    }

    #[test]
    fn folders_get_files_of_their_own_outside_themselves() {
        let data = Path::new("/data");
        let a = default_path(data, &Origin::Folder(PathBuf::from("/news/a")));
        let b = default_path(data, &Origin::Folder(PathBuf::from("/old/a")));
        assert_ne!(a, b);
        assert!(a.starts_with("/data/corrections") && b.starts_with("/data/corrections"));
    }
}
