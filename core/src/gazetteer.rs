//! The place gazetteer (compiled in from `assets/gazetteer.json`) and case- and
//! diacritic-insensitive place matching on word boundaries.
//!
//! Text is folded ([`fold`]: lower case, diacritics removed, `ə`→`e`, `ı`→`i`, typographic
//! apostrophes straightened) with a map back to the original byte offsets, then searched with
//! one Aho-Corasick automaton over every folded name and alternate spelling.

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Place, PlaceKind};

/// One gazetteer entry.
#[derive(Clone, Debug, Deserialize)]
pub struct Entry {
    /// Canonical English name.
    pub name: String,
    /// Other spellings and names.
    #[serde(default)]
    pub alt_names: Vec<String>,
    /// What kind of place.
    pub kind: PlaceKind,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// ISO country code of the de jure country (`AM`, `AZ`).
    pub country: String,
}

impl Entry {
    /// The entry as a model [`Place`].
    pub fn place(&self) -> Place {
        Place {
            name: self.name.clone(),
            lat: self.lat,
            lon: self.lon,
            kind: self.kind,
        }
    }
}

/// A place name found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceMention {
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset one past the end in the original text.
    pub end: usize,
    /// Every entry this spelling may name (more than one when ambiguous).
    pub candidates: Vec<usize>,
}

/// Gazetteer entries plus the automaton over their folded spellings.
pub struct Gazetteer {
    /// All entries, in asset order (curated first).
    pub entries: Vec<Entry>,
    automaton: AhoCorasick,
    /// For each automaton pattern, the entries it names.
    pattern_entries: Vec<Vec<usize>>,
}

/// The gazetteer asset, parsed once.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let entries: Vec<Entry> =
        serde_json::from_str(include_str!("../../assets/gazetteer.json")).unwrap_or_default();
    Gazetteer::new(entries)
});

/// Folds one character for matching; returns `None` to keep it as is (lower-cased).
fn fold_char(c: char, out: &mut String) {
    match c {
        'ə' | 'Ə' => out.push('e'),
        'ı' | 'İ' => out.push('i'),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
        '‐' | '‑' | '‒' | '–' => out.push('-'),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => {
            for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
        }
    }
}

/// Folds `text` for matching: lower case, no diacritics. Returns the folded text and, when it
/// is not byte-for-byte aligned with the input, the original offset of every folded byte.
///
/// ```
/// use karabakh_core::gazetteer::fold;
/// assert_eq!(fold("Xankəndi, Şuşa").0, "xankendi, susa");
/// ```
pub fn fold(text: &str) -> (String, Option<Vec<u32>>) {
    if text.is_ascii() {
        return (text.to_ascii_lowercase(), None);
    }
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<u32> = Vec::with_capacity(text.len());
    for (offset, c) in text.char_indices() {
        let before = out.len();
        fold_char(c, &mut out);
        let origin = u32::try_from(offset).unwrap_or(u32::MAX);
        map.resize(map.len() + (out.len() - before), origin);
    }
    map.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
    (out, Some(map))
}

fn fold_name(name: &str) -> String {
    fold(name.trim()).0
}

impl Gazetteer {
    /// Builds the automaton over every entry's folded spellings.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut by_spelling: HashMap<String, Vec<usize>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(&e.name).chain(&e.alt_names) {
                let folded = fold_name(name);
                if folded.chars().count() < 3 || folded.contains('(') {
                    continue;
                }
                let slot = by_spelling.entry(folded.clone()).or_insert_with(|| {
                    order.push(folded.clone());
                    Vec::new()
                });
                if !slot.contains(&i) {
                    slot.push(i);
                }
            }
        }
        let pattern_entries: Vec<Vec<usize>> = order
            .iter()
            .map(|s| by_spelling.get(s).cloned().unwrap_or_default())
            .collect();
        #[allow(clippy::expect_used)] // building from in-memory strings cannot fail at this size
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .start_kind(aho_corasick::StartKind::Both)
            .build(&order)
            .expect("gazetteer automaton");
        Self {
            entries,
            automaton,
            pattern_entries,
        }
    }

    /// The entry with this canonical name.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.name == name)
    }

    /// Finds place names in `text` on word boundaries. Latin-script names must start with a
    /// capital letter in the original text (so "sus" or "kut" in prose are not places).
    pub fn find(&self, text: &str) -> Vec<PlaceMention> {
        let (folded, map) = fold(text);
        let original = |i: usize| -> usize {
            map.as_ref()
                .and_then(|m| m.get(i))
                .map_or(i, |&o| o as usize)
        };
        let mut found = Vec::new();
        let word_char_at = |i: usize| {
            folded
                .get(i..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_alphanumeric)
        };
        for m in self.automaton.find_iter(&folded) {
            let fs = m.start();
            let before = folded.get(..fs).and_then(|s| s.chars().next_back());
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            // "Lachin districts": the longest name ends inside a word, a shorter one may not
            let mut m = m;
            while word_char_at(m.end()) {
                let input = aho_corasick::Input::new(&folded)
                    .span(fs..m.end() - 1)
                    .anchored(aho_corasick::Anchored::Yes);
                match self.automaton.find(input) {
                    Some(shorter) => m = shorter,
                    None => break,
                }
            }
            let fe = m.end();
            if word_char_at(fe) {
                continue;
            }
            let (start, end) = (original(fs), original(fe));
            let first = text.get(start..).and_then(|s| s.chars().next());
            if first.is_some_and(|c| c.is_lowercase()) {
                continue;
            }
            let Some(candidates) = self.pattern_entries.get(m.pattern().as_usize()) else {
                continue;
            };
            found.push(PlaceMention {
                start,
                end,
                candidates: candidates.clone(),
            });
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        GAZETTEER
            .find(text)
            .iter()
            .filter_map(|m| {
                m.candidates
                    .first()
                    .and_then(|&i| GAZETTEER.entries.get(i))
                    .map(|e| e.name.clone())
            })
            .collect()
    }

    #[test]
    fn asset_loads() {
        assert!(GAZETTEER.entries.len() > 300);
        assert!(GAZETTEER.by_name("Ganja").is_some());
    }

    #[test]
    fn diacritics_and_spellings() {
        assert_eq!(names("Laçın and Lacin"), ["Lachin", "Lachin"]);
        assert_eq!(
            names("Xankəndi or Stepanakert"),
            ["Stepanakert", "Stepanakert"]
        );
        assert_eq!(names("Şuşa, Shushi"), ["Shusha", "Shusha"]);
    }

    #[test]
    fn word_boundaries_and_possessives() {
        assert_eq!(names("Karabakh’s populace"), ["Nagorno-Karabakh"]);
        assert_eq!(names("Nagorno-Karabakh"), ["Nagorno-Karabakh"]);
        assert!(names("Armenian-controlled").is_empty());
        assert_eq!(names("the Lachin corridor"), ["Lachin corridor"]);
        assert_eq!(names("Aghdam district"), ["Aghdam District"]);
        // the longest spelling ("Lachin district") ends inside a word: the shorter one stands
        assert_eq!(
            names("the Kalbajar and Lachin districts"),
            ["Kalbajar", "Lachin"]
        );
    }

    #[test]
    fn lowercase_words_are_not_places() {
        assert!(names("the sus and the kut of it").is_empty());
    }

    #[test]
    fn offsets_map_back_through_folding() {
        let text = "Şuşa’s streets; Ganja";
        let found = GAZETTEER.find(text);
        let spans: Vec<&str> = found
            .iter()
            .filter_map(|m| text.get(m.start..m.end))
            .collect();
        assert_eq!(spans, ["Şuşa", "Ganja"]);
    }

    #[test]
    fn martuni_is_ambiguous() {
        let found = GAZETTEER.find("Martuni");
        assert!(found.first().is_some_and(|m| m.candidates.len() >= 2));
    }
}
