//! Compiles the automata that need no run-time input into dense DFAs and writes them, serialized
//! for the target, to `OUT_DIR`, where the crate includes them and loads them without work:
//! the whole-text automaton (the trigger spellings of `src/extract/trigger_table.rs` and the
//! names of the gazetteer's regions and capitals, `scanner.dfa`), which otherwise takes a few
//! hundred milliseconds to determinize, and the date finder's combined pattern and family set
//! (`src/dates/sources.rs`; `dates_*.dfa`), which otherwise each reader thread determinizes
//! lazily as it meets new text.

use std::error::Error;
use std::path::PathBuf;

use regex_automata::dfa::dense;

#[path = "src/extract/scanner_dfa.rs"]
mod scanner_dfa;

#[path = "src/dates/sources.rs"]
mod date_sources;

/// The trigger table, read for its spellings only (kinds and forms matter at run time).
mod table {
    pub(super) const S: () = ();
    pub(super) const D: () = ();
    pub(super) const P: () = ();
    pub(super) const T: () = ();
    pub(super) const F: () = ();
    pub(super) const I: () = ();
    pub(super) const N: () = ();
    pub(super) const W: () = ();
    pub(super) const M: () = ();
    pub(super) const A: () = ();

    pub(super) const fn t(text: &'static str, _kind: (), _form: ()) -> &'static str {
        text
    }

    pub(super) const TRIGGERS: &[&str] = &include!("src/extract/trigger_table.rs");
}

fn main() -> Result<(), Box<dyn Error>> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let gazetteer = manifest.join("../assets/gazetteer.json");
    for input in [
        "src/extract/trigger_table.rs",
        "src/extract/scanner_dfa.rs",
        "src/dates/sources.rs",
    ] {
        println!("cargo::rerun-if-changed={input}");
    }
    println!("cargo::rerun-if-changed={}", gazetteer.display());

    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(&gazetteer)?)?;
    let mut spellings: Vec<&str> = table::TRIGGERS.to_vec();
    for e in &entries {
        let text = |key: &str| {
            e.get(key)
                .and_then(serde_json::Value::as_str)
                .unwrap_or_default()
        };
        let alt_names = e
            .get("alt_names")
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(serde_json::Value::as_str);
        spellings.extend(scanner_dfa::counted_spellings(
            text("kind"),
            text("name"),
            alt_names,
        ));
    }
    let order = scanner_dfa::longest_first(&spellings);
    let dfa = scanner_dfa::compile(&spellings, &order)?;
    write(&dfa, "scanner.dfa")?;

    let stripped = date_sources::stripped(&date_sources::pattern_sources(
        &date_sources::ordinal_alternation(),
    ));
    let any = date_sources::compile_any(&stripped)?;
    write(any.forward(), "dates_any_forward.dfa")?;
    write(any.reverse(), "dates_any_reverse.dfa")?;
    write(&date_sources::compile_set(&stripped)?, "dates_set.dfa")?;
    Ok(())
}

/// Writes `dfa`, serialized for the target, to `OUT_DIR/name`.
fn write(dfa: &dense::DFA<Vec<u32>>, name: &str) -> Result<(), Box<dyn Error>> {
    let (bytes, pad) = if std::env::var("CARGO_CFG_TARGET_ENDIAN")? == "big" {
        dfa.to_bytes_big_endian()
    } else {
        dfa.to_bytes_little_endian()
    };
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join(name);
    std::fs::write(out, bytes.get(pad..).unwrap_or_default())?;
    Ok(())
}
