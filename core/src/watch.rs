//! Watches the open folder (`notify`) and, once changes have settled, re-extracts the changed
//! files on a background thread ([`LoadedFolder::update`]). The viewer polls it each frame;
//! the UI is not known here (a waker closure asks for the next frame).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::load::{LoadError, LoadedFolder, Progress, UpdateSummary};
use crate::model::Dataset;

/// How long the folder must stay quiet before changes are read (editors and copies write
/// in bursts).
pub const SETTLE: Duration = Duration::from_millis(300);

type UpdateResult = (LoadedFolder, Result<(Dataset, UpdateSummary), LoadError>);

/// What an update brought.
#[derive(Debug)]
pub enum WatchOutcome {
    /// The folder's new dataset and what was read again.
    Updated(Dataset, UpdateSummary),
    /// The update failed (the folder vanished, say); the old data stays.
    Failed(String),
}

/// The open folder, watched for changes.
pub struct FolderWatch {
    root: PathBuf,
    /// The folder's per-file results; `None` while an update runs.
    folder: Option<LoadedFolder>,
    _watcher: Option<RecommendedWatcher>,
    /// Why the folder is not watched, if it is not.
    pub error: Option<String>,
    events: Receiver<Vec<PathBuf>>,
    pending: Vec<PathBuf>,
    last_event: Option<Instant>,
    running: Option<Receiver<UpdateResult>>,
    wake: std::sync::Arc<dyn Fn() + Send + Sync>,
}

/// Whether a notify event may change what the folder holds (reads and access-time updates,
/// including our own, do not).
fn relevant(kind: &EventKind) -> bool {
    use notify::event::{MetadataKind, ModifyKind};
    match kind {
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
        EventKind::Other => false,
    }
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

impl FolderWatch {
    /// Starts watching `folder`'s root recursively; `wake` is called (from the watcher's
    /// thread) whenever something changed or an update finished.
    pub fn start(folder: LoadedFolder, wake: impl Fn() + Send + Sync + 'static) -> Self {
        let wake: std::sync::Arc<dyn Fn() + Send + Sync> = std::sync::Arc::new(wake);
        let (sender, events) = channel();
        let root = folder.root().to_owned();
        let callback_wake = std::sync::Arc::clone(&wake);
        let watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
            if let Ok(event) = result
                && relevant(&event.kind)
            {
                let paths: Vec<PathBuf> = event.paths.into_iter().filter(|p| !hidden(p)).collect();
                if !paths.is_empty() && sender.send(paths).is_ok() {
                    callback_wake();
                }
            }
        });
        let (watcher, error) = match watcher {
            Ok(mut w) => match w.watch(&root, RecursiveMode::Recursive) {
                Ok(()) => (Some(w), None),
                Err(e) => (None, Some(e.to_string())),
            },
            Err(e) => (None, Some(e.to_string())),
        };
        Self {
            root,
            folder: Some(folder),
            _watcher: watcher,
            error,
            events,
            pending: Vec::new(),
            last_event: None,
            running: None,
            wake,
        }
    }

    /// The watched folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Whether changes are waiting or being read (the caller should poll again soon).
    pub fn busy(&self) -> bool {
        !self.pending.is_empty() || self.running.is_some()
    }

    /// Marks paths as changed, as the watcher does (a manual refresh; tests).
    pub fn mark_changed(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        self.pending.extend(paths);
        self.last_event = Some(Instant::now());
    }

    /// Collects watcher events, starts an update once they have settled for [`SETTLE`], and
    /// returns the outcome of a finished update.
    pub fn poll(&mut self) -> Option<WatchOutcome> {
        while let Ok(paths) = self.events.try_recv() {
            self.mark_changed(paths);
        }
        let mut outcome = None;
        if let Some(running) = &self.running {
            match running.try_recv() {
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    self.running = None;
                    self.error = Some("the update stopped unexpectedly".to_owned());
                }
                Ok((folder, result)) => {
                    self.running = None;
                    self.folder = Some(folder);
                    outcome = Some(match result {
                        Ok((dataset, summary)) => WatchOutcome::Updated(dataset, summary),
                        Err(e) => WatchOutcome::Failed(e.to_string()),
                    });
                }
            }
        }
        let settled = self.last_event.is_some_and(|t| t.elapsed() >= SETTLE);
        if settled && !self.pending.is_empty() && self.running.is_none() {
            self.start_update();
        }
        outcome
    }

    fn start_update(&mut self) {
        let Some(mut folder) = self.folder.take() else {
            return;
        };
        let mut changed = std::mem::take(&mut self.pending);
        changed.sort();
        changed.dedup();
        let (sender, receiver) = channel();
        let wake = std::sync::Arc::clone(&self.wake);
        let spawned = std::thread::Builder::new()
            .name("folder-update".to_owned())
            .spawn(move || {
                let result = folder
                    .update(&changed, &Progress::default())
                    .map(|summary| (folder.dataset(), summary));
                let _ = sender.send((folder, result));
                wake();
            });
        match spawned {
            Ok(_) => self.running = Some(receiver),
            Err(e) => self.error = Some(format!("cannot start an update: {e}")),
        }
    }
}
