//! Quality on the development set: 21 real article excerpts with a careful reader's gold
//! (`../shared/eval/dev`, third-party text kept there as test data, never copied here), scored
//! by the shared scorer `../shared/eval/score.py`. Fails below the floor reached: F1 0.97 and
//! date accuracy 0.97.

use std::path::PathBuf;
use std::process::Command;

use karabakh_core::corpus::ReadOptions;
use karabakh_core::export::to_json;
use karabakh_core::load::{Progress, load_folder};

const F1_FLOOR: f64 = 0.97;
const DATE_FLOOR: f64 = 0.97;

/// The value of `key=` in the scorer's summary line.
fn figure(summary: &str, key: &str) -> f64 {
    summary
        .split_whitespace()
        .find_map(|w| w.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {key} in the scorer's output: {summary}"))
}

#[test]
fn development_set_scores_above_the_floor() {
    let eval = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/eval");
    let dataset = load_folder(
        &eval.join("dev/articles"),
        ReadOptions::default(),
        &Progress::default(),
        false,
    )
    .unwrap_or_else(|e| panic!("cannot read the development set: {e}"));
    let json = to_json(&dataset).unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let predicted = dir.path().join("dev.json");
    std::fs::write(&predicted, json).unwrap_or_else(|e| panic!("{e}"));
    let output = Command::new("python3")
        .arg(eval.join("score.py"))
        .arg(eval.join("dev/gold.json"))
        .arg(&predicted)
        .arg("--verbose")
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 for the shared scorer: {e}"));
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}");
    let summary = report
        .lines()
        .find(|l| l.starts_with("precision="))
        .unwrap_or_else(|| panic!("no summary from the scorer: {report}"));
    let (f1, date) = (figure(summary, "f1"), figure(summary, "date_acc"));
    assert!(f1 >= F1_FLOOR, "F1 {f1:.3} below {F1_FLOOR}:\n{report}");
    assert!(
        date >= DATE_FLOOR,
        "date accuracy {date:.3} below {DATE_FLOOR}:\n{report}"
    );
}
