//! The `extract --json` document of the bundled seed articles, committed as
//! `tests/golden/seeds.json`, so that any change in what the seeds produce shows in review.
//! After an intended change: `UPDATE_GOLDEN=1 cargo test -p karabakh-core --test seeds_golden`.

use std::path::PathBuf;

use karabakh_core::export::to_json;
use karabakh_core::seeds;

#[test]
fn seeds_json_matches_the_committed_golden_file() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/seeds.json");
    let json = match to_json(&seeds::dataset()) {
        Ok(text) => text + "\n",
        Err(e) => panic!("the seeds do not serialise: {e}"),
    };
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        if let Err(e) = std::fs::write(&path, &json) {
            panic!("cannot write {}: {e}", path.display());
        }
        return;
    }
    let golden = std::fs::read_to_string(&path).unwrap_or_default();
    if golden != json {
        let line = golden
            .lines()
            .zip(json.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| golden.lines().count().min(json.lines().count()));
        panic!(
            "the seeds' output differs from {} from line {} on:\n  golden: {:?}\n  now:    {:?}\n\
             If the change is intended, run with UPDATE_GOLDEN=1 and commit the file.",
            path.display(),
            line + 1,
            golden.lines().nth(line).unwrap_or("<end>"),
            json.lines().nth(line).unwrap_or("<end>")
        );
    }
}
