//! Where a file goes when no save dialog can ask (a desktop without a file-dialog service): the
//! user's Documents folder for exports and Pictures for map images, a dated name that does not
//! overwrite, and never inside the folder of articles being read. Also reads a typed folder
//! path ("~/news"). Pure but for the user-folder lookup in [`UserDirs::of_this_user`].

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

/// The user's folders a save can fall back to.
#[derive(Clone, Debug, Default)]
pub struct UserDirs {
    /// Documents (XDG_DOCUMENTS_DIR on Linux).
    pub documents: Option<PathBuf>,
    /// Pictures (XDG_PICTURES_DIR on Linux).
    pub pictures: Option<PathBuf>,
    /// The home folder.
    pub home: Option<PathBuf>,
    /// The app's own data folder, used when the others are the article folder.
    pub data: Option<PathBuf>,
}

impl UserDirs {
    /// This user's folders, as the platform names them.
    pub fn of_this_user() -> Self {
        Self {
            documents: dirs::document_dir(),
            pictures: dirs::picture_dir(),
            home: dirs::home_dir(),
            data: dirs::data_dir().map(|d| d.join("karabakh-atlas").join("saved")),
        }
    }
}

/// What is being saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveKind {
    /// Events, as GeoJSON.
    Events,
    /// A PNG of the map.
    MapImage,
    /// A folder of PNG frames, one per day or week.
    Frames,
}

/// The file a save without a dialog writes: `karabakh-atlas-events-2026-11-30.geojson` in
/// Documents (events) or `karabakh-atlas-map-2026-11-30.png` in Pictures (images), each falling
/// back to Documents, then home; numbered ("…-2.png") when the name is taken; in the app's own
/// data folder when each of those is, or lies in, the open article folder. `None` when this user
/// has none of these folders.
pub fn fallback_path(
    kind: SaveKind,
    dirs: &UserDirs,
    article_folder: Option<&Path>,
    today: NaiveDate,
    exists: impl Fn(&Path) -> bool,
) -> Option<PathBuf> {
    let (preferred, stem, extension) = match kind {
        SaveKind::Events => (&dirs.documents, "karabakh-atlas-events", "geojson"),
        SaveKind::MapImage => (&dirs.pictures, "karabakh-atlas-map", "png"),
        SaveKind::Frames => (&dirs.pictures, "karabakh-atlas-frames", ""),
    };
    let in_articles = |d: &PathBuf| article_folder.is_some_and(|a| d.starts_with(a));
    let folder = [preferred, &dirs.documents, &dirs.home]
        .into_iter()
        .flatten()
        .find(|d| !in_articles(d))
        .or(dirs.data.as_ref())?;
    let day = today.format("%Y-%m-%d");
    (1..10_000)
        .map(|n| {
            let number = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            // a folder has no extension
            let dot = if extension.is_empty() { "" } else { "." };
            let name = format!("{stem}-{day}{number}{dot}{extension}");
            folder.join(name)
        })
        .find(|p| !exists(p))
}

/// A folder path as a user types it: trimmed, quotes around it dropped, a leading `~` read as
/// the home folder. `None` when nothing was typed.
pub fn typed_folder(text: &str, home: Option<&Path>) -> Option<PathBuf> {
    let text = text.trim();
    let text = text
        .strip_prefix(['"', '\''])
        .and_then(|t| t.strip_suffix(['"', '\'']))
        .unwrap_or(text)
        .trim();
    if text.is_empty() {
        return None;
    }
    match (text.strip_prefix('~'), home) {
        (Some(""), Some(home)) => Some(home.to_path_buf()),
        (Some(rest), Some(home)) if rest.starts_with('/') => {
            Some(home.join(rest.trim_start_matches('/')))
        }
        _ => Some(PathBuf::from(text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dirs() -> UserDirs {
        UserDirs {
            documents: Some("/home/ana/Documents".into()),
            pictures: Some("/home/ana/Pictures".into()),
            home: Some("/home/ana".into()),
            data: Some("/home/ana/.local/share/karabakh-atlas/saved".into()),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default()
    }

    #[test]
    fn events_go_to_documents_and_images_to_pictures_with_a_dated_name() {
        let none = |_: &Path| false;
        assert_eq!(
            fallback_path(SaveKind::Events, &dirs(), None, today(), none),
            Some("/home/ana/Documents/karabakh-atlas-events-2026-11-30.geojson".into())
        );
        assert_eq!(
            fallback_path(SaveKind::MapImage, &dirs(), None, today(), none),
            Some("/home/ana/Pictures/karabakh-atlas-map-2026-11-30.png".into())
        );
    }

    #[test]
    fn a_taken_name_is_numbered_and_nothing_is_overwritten() {
        let taken = |p: &Path| !p.to_string_lossy().ends_with("-3.png");
        assert_eq!(
            fallback_path(SaveKind::MapImage, &dirs(), None, today(), taken),
            Some("/home/ana/Pictures/karabakh-atlas-map-2026-11-30-3.png".into())
        );
    }

    #[test]
    fn missing_folders_fall_back_and_the_article_folder_is_never_written() {
        let none = |_: &Path| false;
        let no_pictures = UserDirs {
            pictures: None,
            ..dirs()
        };
        assert_eq!(
            fallback_path(SaveKind::MapImage, &no_pictures, None, today(), none),
            Some("/home/ana/Documents/karabakh-atlas-map-2026-11-30.png".into())
        );
        // articles kept in Documents: the export goes home
        let articles = Path::new("/home/ana/Documents");
        assert_eq!(
            fallback_path(SaveKind::Events, &dirs(), Some(articles), today(), none),
            Some("/home/ana/karabakh-atlas-events-2026-11-30.geojson".into())
        );
        // articles in the home folder itself: the app's data folder
        let home = Path::new("/home/ana");
        let saved = fallback_path(SaveKind::Events, &dirs(), Some(home), today(), none);
        assert!(
            saved
                .as_ref()
                .is_some_and(|p| p.starts_with("/home/ana/.local")),
            "{saved:?}"
        );
        let nothing = UserDirs::default();
        assert_eq!(
            fallback_path(SaveKind::Events, &nothing, None, today(), none),
            None
        );
    }

    #[test]
    fn typed_paths_expand_the_home_folder_and_drop_quotes() {
        let home = Some(Path::new("/home/ana"));
        assert_eq!(
            typed_folder("  ~/news/2020 ", home),
            Some("/home/ana/news/2020".into())
        );
        assert_eq!(typed_folder("~", home), Some("/home/ana".into()));
        assert_eq!(
            typed_folder("'/data/my articles'", home),
            Some("/data/my articles".into())
        );
        assert_eq!(typed_folder("~bob/x", home), Some("~bob/x".into()));
        assert_eq!(typed_folder("   ", home), None);
    }
}
