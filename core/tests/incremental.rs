//! Incremental updates: after files are added, changed, moved and removed (and a row of
//! `articles.csv` edited), `LoadedFolder::update` with the changed paths reads only those
//! files, and its dataset equals a fresh load of the folder as it now is.

// the benchmarks' article generator writes the test folder; only part of it is used here
#[allow(dead_code)]
#[path = "../../benches/support/generator.rs"]
mod generator;

use std::path::{Path, PathBuf};

use karabakh_core::corpus::ReadOptions;
use karabakh_core::export::to_json;
use karabakh_core::load::{LoadedFolder, Progress, UpdateSummary, load_folder};

fn fresh_json(root: &Path) -> String {
    let dataset =
        load_folder(root, ReadOptions::default(), &Progress::default(), false).unwrap_or_default();
    to_json(&dataset).unwrap_or_default()
}

fn files_of(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

#[test]
fn update_equals_fresh_load_and_reads_only_changed_files() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let root = dir.path().join("news");
    generator::write_corpus(&root, 40, 11)?;
    let mut folder =
        LoadedFolder::load(&root, ReadOptions::default(), &Progress::default(), false)?;
    assert_eq!(to_json(&folder.dataset())?, fresh_json(&root));
    let before = to_json(&folder.dataset())?;

    let txt = files_of(&root);
    assert!(txt.len() >= 4, "the generator wrote .txt articles");
    let (changed, removed, moved) = (&txt[0], &txt[1], &txt[2]);
    // a new article in a new subfolder
    std::fs::create_dir_all(root.join("late"))?;
    let added = root.join("late/2020-10-04-ganja.txt");
    std::fs::write(
        &added,
        "Ganja came under Armenian missile fire on Sunday, Azerbaijan's defence ministry said.\n",
    )?;
    // an article rewritten
    std::fs::write(
        changed,
        "Armenian forces shelled Tartar on 12 October 2020, the ministry said.\n",
    )?;
    // one removed, one moved
    std::fs::remove_file(removed)?;
    let moved_to = root
        .join("late")
        .join(moved.file_name().unwrap_or_default());
    std::fs::rename(moved, &moved_to)?;
    // an articles.csv row re-dated (the file itself untouched)
    let csv = std::fs::read_to_string(root.join("articles.csv"))?;
    let touched: Vec<String> = [changed, removed, moved]
        .iter()
        .filter_map(|p| p.strip_prefix(&root).ok())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let row = csv
        .lines()
        .skip(1)
        .find(|line| !touched.iter().any(|t| line.starts_with(t.as_str())))
        .unwrap_or_default()
        .to_owned();
    let redated_file = row.split(',').next().unwrap_or_default().to_owned();
    let redated = csv.replace(&row, &format!("{redated_file},2019-01-01,generated"));
    std::fs::write(root.join("articles.csv"), redated)?;

    let summary = folder.update(
        &[
            added.clone(),
            changed.clone(),
            removed.clone(),
            moved.clone(),
            moved_to.clone(),
            root.join("articles.csv"),
        ],
        &Progress::default(),
    )?;
    let after = to_json(&folder.dataset())?;
    assert_eq!(after, fresh_json(&root), "update equals a fresh load");
    assert_ne!(after, before, "the changes show");
    let redated_rows = usize::from(!row.is_empty());
    assert_eq!(
        summary,
        UpdateSummary {
            // the added, the changed, the moved (under its new name) and the re-dated file
            reread: 3 + redated_rows,
            // the removed file and the moved file's old name
            removed: 2,
        }
    );
    assert!(after.contains("late/2020-10-04-ganja.txt"));
    assert!(after.contains("Tartar"));
    Ok(())
}

#[test]
fn a_changed_directory_rereads_what_is_under_it() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let root = dir.path().join("news");
    std::fs::create_dir_all(root.join("a/b"))?;
    std::fs::write(
        root.join("a/b/one.txt"),
        "Armenian forces shelled Tartar on 12 October 2020.\n",
    )?;
    std::fs::write(
        root.join("two.txt"),
        "Azerbaijani drones struck Stepanakert on 4 October 2020.\n",
    )?;
    let mut folder =
        LoadedFolder::load(&root, ReadOptions::default(), &Progress::default(), false)?;
    std::fs::write(
        root.join("a/b/one.txt"),
        "Russian peacekeepers entered Lachin on 1 December 2020.\n",
    )?;
    let summary = folder.update(&[root.join("a")], &Progress::default())?;
    assert_eq!(summary.reread, 1);
    assert_eq!(to_json(&folder.dataset())?, fresh_json(&root));
    // nothing changed, nothing read
    let summary = folder.update(&[], &Progress::default())?;
    assert_eq!(summary, UpdateSummary::default());
    Ok(())
}

#[test]
fn an_update_of_a_vanished_folder_is_an_error_and_keeps_the_data() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let root = dir.path().join("news");
    std::fs::create_dir_all(&root)?;
    std::fs::write(
        root.join("one.txt"),
        "Armenian forces shelled Tartar on 12 October 2020.\n",
    )?;
    let mut folder =
        LoadedFolder::load(&root, ReadOptions::default(), &Progress::default(), false)?;
    let before = to_json(&folder.dataset())?;
    std::fs::remove_dir_all(&root)?;
    assert!(
        folder
            .update(std::slice::from_ref(&root), &Progress::default())
            .is_err()
    );
    assert_eq!(to_json(&folder.dataset())?, before);
    Ok(())
}
