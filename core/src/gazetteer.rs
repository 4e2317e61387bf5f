//! The place gazetteer (compiled in from `assets/gazetteer.json`, which `scripts/build_assets.py`
//! derives from the curated list, Who's On First and dr5hn: every town and village of Armenia
//! and Azerbaijan) and place matching on word boundaries.
//!
//! Text is folded ([`fold`]: lower case, diacritics removed, `ə`→`e`, `ı`→`i`, apostrophes
//! inside words dropped, hyphens as spaces) with a map back to the original byte offsets. Names
//! are looked up where a capitalised word starts, in a hash table of every folded name and
//! alternate spelling (English renderings of Azerbaijani names, Armenian-era names, Russian and
//! Armenian script), longest first; a table of first words rules most words out with one
//! lookup. A name inside a longer name ("Verin Aghdam") does not match alone.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
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
    /// The district (Azerbaijan) or province (Armenia) the place lies in, as the gazetteer's
    /// district and province entries name it without "District" or "Province".
    #[serde(default)]
    pub admin: Option<String>,
    /// Inhabitants, where known.
    #[serde(default)]
    pub population: Option<u32>,
    /// A low-value record (ruins, shrines, old village sites): the last choice among homonyms.
    #[serde(default)]
    pub minor: bool,
    /// Every spelling of the place needs a place context (see `context_names`).
    #[serde(default)]
    pub context: bool,
    /// Spellings that are also English words, people's names or very short: such a spelling
    /// names the place only where the sentence treats it as one ("the village of Gosh",
    /// "shelled Bank", "Sis and Kut").
    #[serde(default)]
    pub context_names: Vec<String>,
    /// The name in English, Azerbaijani, Armenian and Russian, where known.
    #[serde(default)]
    pub names: Names,
}

/// A place's name in the languages of the region and in English.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Names {
    /// English.
    pub en: Option<String>,
    /// Azerbaijani (Latin script).
    pub az: Option<String>,
    /// Armenian (Armenian script).
    pub hy: Option<String>,
    /// Russian (Cyrillic script).
    pub ru: Option<String>,
}

impl Entry {
    /// Great-circle distance to `other`, kilometres.
    pub fn distance_km(&self, other: &Entry) -> f64 {
        use geo::{Distance, Haversine, Point};
        Haversine.distance(
            Point::new(self.lon, self.lat),
            Point::new(other.lon, other.lat),
        ) / 1000.0
    }

    /// How prominent the place is among places of the same name: cities before towns before
    /// villages; then places in the conflict zone (Karabakh, the districts around it and the
    /// Armenian border provinces), where this conflict's reports are; then more inhabitants;
    /// minor records last.
    pub fn prominence(&self) -> (bool, u8, bool, u32) {
        let kind = match self.kind {
            PlaceKind::City => 4,
            PlaceKind::Town => 3,
            PlaceKind::Village => 1,
            _ => 2,
        };
        let zone = self
            .admin
            .as_deref()
            .is_some_and(|a| CONFLICT_ZONE.contains(&a));
        (!self.minor, kind, zone, self.population.unwrap_or(0))
    }

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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceMention<'g> {
    /// Byte offset in the original text.
    pub start: usize,
    /// Byte offset one past the end in the original text.
    pub end: usize,
    /// Every entry this spelling may name (more than one when ambiguous).
    pub candidates: &'g [usize],
    /// The spelling is also an ordinary word or a person's name: a place only in a place context.
    pub needs_context: bool,
}

/// Gazetteer entries plus the tables of their folded spellings.
pub struct Gazetteer {
    /// All entries, in asset order (curated first).
    pub entries: Vec<Entry>,
    /// Every folded spelling and its pattern number.
    spellings: FxHashMap<Box<str>, u32>,
    /// The first word of every folded spelling, and the byte length of the longest spelling
    /// that starts with it.
    first_words: FxHashMap<Box<str>, usize>,
    /// For each pattern, the entries it names.
    pattern_entries: Vec<Vec<usize>>,
    /// For each pattern, whether it needs a place context for every entry it names.
    pattern_context: Vec<bool>,
    /// The first entry of each canonical name.
    by_name: FxHashMap<String, usize>,
}

/// Districts and provinces where this conflict's strikes and deployments are reported: former
/// Nagorno-Karabakh and the districts around it, the Azerbaijani districts on the front and
/// the border, the Armenian border provinces.
const CONFLICT_ZONE: &[&str] = &[
    "Khojaly",
    "Khojavend",
    "Shusha",
    "Lachin",
    "Kalbajar",
    "Aghdam",
    "Fuzuli",
    "Jabrayil",
    "Qubadli",
    "Zangilan",
    "Tartar",
    "Barda",
    "Aghjabadi",
    "Goranboy",
    "Tovuz",
    "Gadabay",
    "Dashkasan",
    "Aghstafa",
    "Gazakh",
    "Nakhchivan AR",
    "Syunik",
    "Vayots Dzor",
    "Gegharkunik",
    "Tavush",
    "Ararat",
];

/// Words that make a longer name of the one after them: "Verin Aghdam" is not Aghdam.
const QUALIFIERS: &[&str] = &[
    "verin", "nerkin", "yukhari", "yuxari", "yukhary", "ashagi", "ashaghi", "asagi", "ashagy",
    "boyuk", "bolshoy", "kichik", "kicik", "malyy", "nor", "hin", "mets", "pokr", "upper", "lower",
    "old", "new", "greater", "little", "yeni", "kohne", "orta", "bala", "north", "south", "east",
    "west", "northern", "southern",
];

/// The gazetteer asset, parsed once.
pub static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let entries: Vec<Entry> =
        serde_json::from_str(include_str!("../../assets/gazetteer.json")).unwrap_or_default();
    Gazetteer::new(entries)
});

/// Folds one character for matching, appending it to `out`.
fn fold_char(c: char, out: &mut String) {
    match c {
        'ə' | 'Ə' | 'ǝ' => out.push('e'),
        'ı' | 'İ' => out.push('i'),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        'և' => out.push_str("եւ"),
        _ if is_hyphen(c) => out.push(' '),
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        _ => {
            for d in c.nfd().filter(|d| !is_combining_mark(*d)) {
                out.extend(d.to_lowercase());
            }
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–')
}

/// Folds `text` for matching: lower case, no diacritics, `ə`→`e`, `ı`→`i`, an apostrophe
/// between letters dropped ("Step’anavan" = "Stepanavan"; a possessive "’s" stays apart),
/// hyphens as spaces ("Verin-Dvin" = "Verin Dvin"), runs of spaces as one. Returns the folded
/// text and, when it is not byte-for-byte aligned with the input, the original offset of every
/// folded byte (and of its end).
///
/// ```
/// use karabakh_core::gazetteer::fold;
/// assert_eq!(fold("Xankəndi, Şuşa").0, "xankendi, susa");
/// assert_eq!(fold("Step’anavan and Verin-Dvin’s").0, "stepanavan and verin dvin’s");
/// ```
pub fn fold(text: &str) -> (String, Option<Vec<u32>>) {
    let simple = text.is_ascii() && !text.contains(['\'', '`']) && !text.contains("  ");
    if simple {
        let folded = text
            .bytes()
            .map(|b| {
                if b == b'-' {
                    ' '
                } else {
                    char::from(b.to_ascii_lowercase())
                }
            })
            .collect();
        return (folded, None);
    }
    let mut out = String::with_capacity(text.len());
    let mut map: Vec<u32> = Vec::with_capacity(text.len() + 1);
    fold_span(text, 0, text.len(), &mut out, &mut map);
    (out, Some(map))
}

/// Folds `text[start..end]` into `out` exactly as [`fold`] folds that part of the whole text
/// (the characters on either side still count), and pushes to `map` the offset in `text` of
/// every folded byte and, last, of `end`.
fn fold_span(text: &str, start: usize, end: usize, out: &mut String, map: &mut Vec<u32>) {
    let Some(span) = text.get(start..end) else {
        return;
    };
    let mut previous: Option<char> = text.get(..start).and_then(|b| b.chars().next_back());
    for (offset, c) in span.char_indices() {
        let offset = offset + start;
        let origin = u32::try_from(offset).unwrap_or(u32::MAX);
        // most characters: ASCII that is no apostrophe, space, tab or hyphen folds to itself
        if c.is_ascii() && !matches!(c, '\'' | '`' | ' ' | '\t' | '-') {
            out.push(c.to_ascii_lowercase());
            map.push(origin);
            previous = Some(c);
            continue;
        }
        let mut after = text
            .get(offset + c.len_utf8()..)
            .map(str::chars)
            .into_iter()
            .flatten();
        let next = after.next();
        if is_apostrophe(c) && previous.is_some_and(char::is_alphabetic) {
            let after_next = after.next();
            let possessive = next.is_some_and(|n| n == 's' || n == 'S')
                && !after_next.is_some_and(char::is_alphanumeric);
            if next.is_some_and(|n| n.is_alphabetic() || is_hyphen(n)) && !possessive {
                previous = Some(c);
                continue;
            }
        }
        if (c == ' ' || c == '\t') && previous.is_some_and(|p| p == ' ' || p == '\t') {
            previous = Some(c);
            continue;
        }
        let before = out.len();
        if c == '\t' {
            out.push(' ');
        } else {
            fold_char(c, out);
        }
        map.resize(map.len() + (out.len() - before), origin);
        previous = Some(c);
    }
    map.push(u32::try_from(end).unwrap_or(u32::MAX));
}

/// Folds a gazetteer spelling: as [`fold`], with every apostrophe dropped (a name never ends in
/// a possessive), as the build script folds them.
fn fold_name(name: &str) -> String {
    fold(name.trim())
        .0
        .chars()
        .filter(|&c| !is_apostrophe(c))
        .collect()
}

impl Gazetteer {
    /// Builds the tables of every entry's folded spellings.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut spellings: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut pattern_entries: Vec<Vec<usize>> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(&e.name).chain(&e.alt_names) {
                let folded = fold_name(name);
                if folded.chars().count() < 3 || folded.contains('(') {
                    continue;
                }
                let next = u32::try_from(pattern_entries.len()).unwrap_or(u32::MAX);
                let pattern = *spellings.entry(folded.into_boxed_str()).or_insert(next) as usize;
                if pattern == pattern_entries.len() {
                    pattern_entries.push(Vec::new());
                }
                if let Some(slot) = pattern_entries.get_mut(pattern)
                    && !slot.contains(&i)
                {
                    slot.push(i);
                }
            }
        }
        let mut by_pattern: Vec<&str> = vec![""; pattern_entries.len()];
        for (spelling, &pattern) in &spellings {
            if let Some(slot) = by_pattern.get_mut(pattern as usize) {
                *slot = spelling;
            }
        }
        // a spelling needs a place context when every place it names is marked so, or lists it
        // among its names that are also ordinary words or people's names
        let risky: Vec<Vec<String>> = entries
            .iter()
            .map(|e| e.context_names.iter().map(|n| fold_name(n)).collect())
            .collect();
        let pattern_context = by_pattern
            .iter()
            .zip(&pattern_entries)
            .map(|(spelling, named)| {
                named.iter().all(|&i| {
                    entries.get(i).is_some_and(|e| e.context)
                        || risky
                            .get(i)
                            .is_some_and(|r| r.iter().any(|n| n == spelling))
                })
            })
            .collect();
        let mut first_words: FxHashMap<Box<str>, usize> = FxHashMap::default();
        for spelling in &by_pattern {
            let longest = first_words.entry(first_word(spelling).into()).or_default();
            *longest = (*longest).max(spelling.len());
        }
        let mut by_name = FxHashMap::default();
        for (i, e) in entries.iter().enumerate() {
            by_name.entry(e.name.clone()).or_insert(i);
        }
        Self {
            entries,
            spellings,
            first_words,
            pattern_entries,
            pattern_context,
            by_name,
        }
    }

    /// The entry with this canonical name.
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.by_name.get(name).copied()
    }

    /// The entry at `index`.
    pub fn entry(&self, index: usize) -> Option<&Entry> {
        self.entries.get(index)
    }

    /// Places whose name or another spelling of it begins with `query` (or has a word that
    /// does), for a user picking a place: exact names first, then names that begin with it,
    /// then names with a word that does; each group by [`Entry::prominence`], at most `limit`.
    ///
    /// ```
    /// use karabakh_core::gazetteer::GAZETTEER;
    /// let found = GAZETTEER.search("xankendi", 5);
    /// let first = GAZETTEER.entry(found[0]).map(|e| e.name.as_str());
    /// assert_eq!(first, Some("Stepanakert"));
    /// assert!(GAZETTEER.search("", 5).is_empty());
    /// ```
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let query = fold_name(query);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let word_start = format!(" {query}");
        // (rank: 0 exact, 1 prefix, 2 a word's prefix; entry)
        let mut best: FxHashMap<usize, u8> = FxHashMap::default();
        let mut consider = |rank: u8, entries: &[usize]| {
            for &i in entries {
                let r = best.entry(i).or_insert(rank);
                *r = (*r).min(rank);
            }
        };
        for (spelling, &pattern) in &self.spellings {
            let rank = if **spelling == *query {
                0
            } else if spelling.starts_with(&*query) {
                1
            } else if spelling.contains(&word_start) {
                2
            } else {
                continue;
            };
            if let Some(entries) = self.pattern_entries.get(pattern as usize) {
                consider(rank, entries);
            }
        }
        // display names of homonyms ("Aghdam (Tovuz)") are not spellings: match them by name
        for (name, &i) in &self.by_name {
            if name.contains('(') && fold_name(name).starts_with(&*query) {
                consider(1, &[i]);
            }
        }
        let mut found: Vec<(u8, usize)> = best.into_iter().map(|(i, r)| (r, i)).collect();
        found.sort_by(|a, b| {
            let prominence = |i: usize| self.entries.get(i).map(Entry::prominence);
            a.0.cmp(&b.0)
                .then_with(|| prominence(b.1).cmp(&prominence(a.1)))
                .then_with(|| a.1.cmp(&b.1))
        });
        found.into_iter().take(limit).map(|(_, i)| i).collect()
    }

    /// Finds place names in `text` on word boundaries. Latin-script names must start with a
    /// capital letter in the original text (so "sus" or "kut" in prose are not places).
    pub fn find(&self, text: &str) -> Vec<PlaceMention<'_>> {
        let mut found = Vec::new();
        // the folded text of one word, then of the stretch a name starting there may take
        let (mut folded, mut map) = (String::new(), Vec::new());
        // names start at a capitalised word (or "lake", "mount" in lower case): fold and look
        // up only there, which skips the lower-case prose between
        let mut cursor = 0usize;
        let bytes = text.as_bytes();
        let mut next = 0usize;
        while let Some(start) = next_name_start(bytes, next) {
            next = start + 1;
            let generic_initial = matches!(bytes.get(start), Some(b'l' | b'm' | b'r'));
            if start < cursor || (generic_initial && !generic_at(text, start)) {
                continue;
            }
            let Some(first) = text.get(start..).and_then(|r| r.chars().next()) else {
                continue;
            };
            let mut before = text.get(..start).unwrap_or_default().chars().rev();
            let (previous, before_previous) = (before.next(), before.next());
            if !first.is_alphanumeric() || !word_starts(before_previous, previous, first) {
                continue;
            }
            if first.is_lowercase() && !generic_at(text, start) {
                continue;
            }
            // the first word, as folding reads it: a run of ASCII letters and digits is
            // lower-cased on the stack; anything else (an apostrophe between letters is part
            // of the word) is folded
            let ascii_end = bytes
                .get(start..)
                .unwrap_or_default()
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .map_or(text.len(), |i| start + i);
            let mut lowered = arrayvec::ArrayString::<32>::new();
            let plain_word = bytes
                .get(ascii_end)
                .is_none_or(|&b| b.is_ascii() && !matches!(b, b'\'' | b'`'))
                && ascii_end - start <= lowered.capacity();
            let key = if plain_word {
                // fits, as just checked
                let _ = lowered.try_push_str(text.get(start..ascii_end).unwrap_or_default());
                lowered.make_ascii_lowercase();
                lowered.as_str()
            } else {
                let word_end = text
                    .get(start..)
                    .unwrap_or_default()
                    .char_indices()
                    .find(|&(_, c)| {
                        !(c.is_alphanumeric() || is_combining_mark(c) || is_apostrophe(c))
                    })
                    .map_or(text.len(), |(i, _)| start + i);
                fold_window(text, start, word_end, &mut folded, &mut map);
                first_word(&folded)
            };
            let Some(&longest) = self.first_words.get(key) else {
                continue;
            };
            let found_here = if plain_word && longest == key.len() {
                // no spelling goes past this plain word: it is the spelling or none is
                self.spellings.get(key).map(|&p| (ascii_end, p))
            } else {
                self.longest_spelling_at(text, start, longest, &mut folded, &mut map)
            };
            let Some((end, pattern)) = found_here else {
                continue;
            };
            let pattern = pattern as usize;
            if qualified(text, start) {
                continue;
            }
            let Some(candidates) = self.pattern_entries.get(pattern) else {
                continue;
            };
            let villages_only = candidates.iter().all(|&c| {
                self.entries
                    .get(c)
                    .is_some_and(|e| e.kind == PlaceKind::Village)
            });
            // "Grand Bazar", "Victory Park"; "REUTERS/ARTEM MIKRYUKOV"
            let written = text.get(start..end).unwrap_or_default();
            let all_caps = written.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !written.chars().any(char::is_lowercase);
            let settlements_only = candidates.iter().all(|&c| {
                self.entries
                    .get(c)
                    .is_some_and(|e| matches!(e.kind, PlaceKind::Village | PlaceKind::Town))
            });
            if (villages_only && inside_proper_name(text, start)) || (settlements_only && all_caps)
            {
                continue;
            }
            cursor = end;
            found.push(PlaceMention {
                start,
                end,
                candidates,
                needs_context: self.pattern_context.get(pattern).copied().unwrap_or(false),
            });
        }
        found
    }
}

/// The first byte at or after `from` where a place name may start. Most bytes start none:
/// lower-case ASCII letters (but the generic words' initials), ASCII spaces and punctuation,
/// UTF-8 continuation bytes; nor does any byte after an ASCII letter or digit, inside a word
/// ("Barda" at its "r", "NATO" at its "A"), which the search passes over by reading each byte
/// with the one before.
fn next_name_start(bytes: &[u8], from: usize) -> Option<usize> {
    if from == 0
        && bytes
            .first()
            .is_some_and(|&b| MAY_START_NAME[usize::from(b)])
    {
        return Some(0);
    }
    let from = from.max(1);
    bytes
        .get(from - 1..)?
        .windows(2)
        .position(|pair| {
            matches!(pair, &[before, b] if MAY_START_NAME[usize::from(b)]
                && !before.is_ascii_alphanumeric())
        })
        .map(|i| from + i)
}

/// The bytes a place name may start with: capitals and digits, the initials of the generic
/// words ("lake", "mount", "river"), and the lead bytes of non-ASCII characters.
static MAY_START_NAME: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, b'A'..=b'Z' | b'0'..=b'9' | b'l' | b'm' | b'r' | 0xC0..);
        b += 1;
    }
    table
};

/// Folds `text[start..end]` into `out` as [`fold`] folds that part of the whole text. Returns
/// whether `map` was filled with the original offset of every folded byte (and of `end`);
/// without it, folded and original offsets differ by `start` alone.
fn fold_window(text: &str, start: usize, end: usize, out: &mut String, map: &mut Vec<u32>) -> bool {
    out.clear();
    map.clear();
    let Some(span) = text.get(start..end) else {
        return false;
    };
    // plain ASCII folds byte for byte: lower case, hyphens as spaces
    let bytes = span.as_bytes();
    let after_space = start > 0 && matches!(text.as_bytes().get(start - 1), Some(b' ' | b'\t'));
    let plain = bytes.iter().enumerate().all(|(i, &b)| {
        b.is_ascii()
            && !matches!(b, b'\'' | b'`' | b'\t')
            && !(b == b' '
                && (if i == 0 {
                    after_space
                } else {
                    bytes.get(i - 1) == Some(&b' ')
                }))
    });
    if plain {
        out.push_str(span);
        out.make_ascii_lowercase();
        if span.contains('-') {
            *out = out.replace('-', " ");
        }
        return false;
    }
    fold_span(text, start, end, out, map);
    true
}

impl Gazetteer {
    /// The longest spelling that starts at `start` and ends where a word does ("Lachin" in
    /// "Lachin districts", not a name ending inside "districts"), with its end in `text` and
    /// its pattern; `longest` is the byte length of the longest spelling its first word starts.
    /// Folds enough text for it and the character after it into the buffers given.
    fn longest_spelling_at(
        &self,
        text: &str,
        start: usize,
        longest: usize,
        folded: &mut String,
        map: &mut Vec<u32>,
    ) -> Option<(usize, u32)> {
        let mut reach = longest + 16;
        let mut mapped;
        loop {
            let mut end = (start + reach).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            mapped = fold_window(text, start, end, folded, map);
            if folded.len() >= longest + 8 || end == text.len() {
                break;
            }
            reach *= 2;
        }
        let word_char_at = |i: usize| {
            folded
                .get(i..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_alphanumeric)
        };
        let first_len = first_word(folded).len();
        let (length, pattern) = (first_len..=longest.min(folded.len()))
            .rev()
            .filter(|&i| folded.is_char_boundary(i) && !word_char_at(i))
            .find_map(|i| Some((i, *self.spellings.get(folded.get(..i)?)?)))?;
        let end = if mapped {
            map.get(length).map_or(text.len(), |&o| o as usize)
        } else {
            start + length
        };
        Some((end, pattern))
    }
}

/// Whether a word of the folded text starts at `c`, given the two characters before it: not
/// after a letter, digit or combining mark, nor after an apostrophe between letters (folding
/// drops it: "Step’anavan" is one word).
fn word_starts(before_previous: Option<char>, previous: Option<char>, c: char) -> bool {
    match previous {
        None => true,
        Some(p) if p.is_alphanumeric() || is_combining_mark(p) => false,
        Some(p) if is_apostrophe(p) => {
            !(before_previous.is_some_and(char::is_alphabetic) && c.is_alphabetic())
        }
        Some(_) => true,
    }
}

/// Whether a generic word that begins names in lower case ("lake Sevan", "mount Murov")
/// starts at `start`, followed by a space or hyphen.
fn generic_at(text: &str, start: usize) -> bool {
    let rest = text.as_bytes().get(start..).unwrap_or_default();
    let lower = |i: usize| rest.get(i).map(u8::to_ascii_lowercase);
    let word: &[u8] = match (lower(0), lower(1)) {
        (Some(b'l'), Some(b'a')) => b"lake",
        (Some(b'm'), Some(b'o')) if rest.get(5).is_some_and(u8::is_ascii_alphabetic) => b"mountain",
        (Some(b'm'), Some(b'o')) => b"mount",
        (Some(b'r'), Some(b'i')) => b"river",
        _ => return false,
    };
    rest.len() > word.len()
        && rest
            .get(..word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
        && text
            .get(start + word.len()..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| c == ' ' || c == '\t' || is_hyphen(c))
}

/// The folded text up to its first character that is not a letter or digit.
fn first_word(folded: &str) -> &str {
    // ASCII letters and digits are most of it: only the rest needs decoding
    let ascii = folded
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(folded.len());
    let rest = folded.get(ascii..).unwrap_or_default();
    if rest.as_bytes().first().is_none_or(u8::is_ascii) {
        return folded.get(..ascii).unwrap_or(folded);
    }
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .map_or(folded.len(), |i| ascii + i);
    folded.get(..end).unwrap_or(folded)
}

/// Whether a capitalised qualifier ("Verin", "Nor", "Upper") stands just before `start`: then
/// the name is part of a longer one the gazetteer does not hold.
fn qualified(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let Some(rest) = before.strip_suffix([' ', '-']) else {
        return false;
    };
    let word = rest
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    word.chars().next().is_some_and(char::is_uppercase)
        && QUALIFIERS.contains(&fold(word).0.as_str())
}

/// Whether a capitalised word other than a side's adjective or a direction stands just before
/// `start` in mid-sentence: a village name there is part of another proper name ("Grand Bazar",
/// "Victory Park").
fn inside_proper_name(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default();
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word_start = rest
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = rest.get(word_start..).unwrap_or_default();
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let sentence_start = rest
        .get(..word_start)
        .unwrap_or_default()
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '\n' | '"' | '“' | ':' | '(' | '[' | '–' | '—'
            )
        });
    let folded = fold(word).0;
    let allowed = matches!(
        folded.as_str(),
        "armenian"
            | "azerbaijani"
            | "azeri"
            | "russian"
            | "turkish"
            | "iranian"
            | "georgian"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "occupied"
            | "liberated"
            | "karabakh"
            | "village"
            | "town"
            | "city"
            | "mount"
            | "lake"
            | "river"
    );
    !sentence_start && !allowed
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

    /// Folding a stretch of a text (as the name search does at each capitalised word) gives
    /// exactly the part of the whole text's folding that comes from that stretch, whatever
    /// stands on either side: apostrophes between letters, possessives, hyphens, runs of
    /// spaces, tabs, diacritics and scripts that fold to more or fewer bytes.
    #[test]
    fn folding_a_stretch_matches_folding_the_whole() {
        let texts = [
            "Step’anavan and Verin-Dvin’s  roads, Ganja’S  O'Brien",
            "Xankəndi\t\tŞuşa – İsmayıllı, Ağdərə’s `village`  x",
            "Եղեգնաձոր և Ստեփանակերտ — Степанакерт, lake  Sevan",
            "e\u{301}cole, Ş\u{327}, d’ s’ ’s",
        ];
        for text in texts {
            let (whole, map) = fold(text);
            let map = map.unwrap_or_else(|| (0..=text.len() as u32).collect());
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&e| e >= start) {
                    let expected: String = whole
                        .char_indices()
                        .filter(|&(i, _)| {
                            map.get(i)
                                .is_some_and(|&o| (start..end).contains(&(o as usize)))
                        })
                        .map(|(_, c)| c)
                        .collect();
                    let (mut out, mut offsets) = (String::new(), Vec::new());
                    let mapped = fold_window(text, start, end, &mut out, &mut offsets);
                    assert_eq!(out, expected, "{text:?} {start}..{end}");
                    if mapped {
                        assert_eq!(offsets.len(), out.len() + 1);
                        assert_eq!(offsets.last(), Some(&(end as u32)));
                    }
                }
            }
        }
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

    #[test]
    fn transliterations_apostrophes_and_hyphens_fold_together() {
        // Azerbaijani Latin and its English renderings name one place
        assert_eq!(names("Ağcabədi and Aghjabadi"), ["Aghjabadi", "Aghjabadi"]);
        assert_eq!(names("Qubadlı, Gubadly"), ["Qubadli", "Qubadli"]);
        // the Armenian-era name of a Karabakh village
        assert_eq!(names("Aghavno"), names("Zabukh"));
        // apostrophes inside names are ignored, hyphens are spaces
        assert_eq!(names("Step’anavan"), names("Stepanavan"));
        assert!(!names("Stepanavan").is_empty());
        assert_eq!(names("Verin-Dvin"), names("Verin Dvin"));
        assert!(!names("Verin Dvin").is_empty());
    }

    #[test]
    fn a_name_inside_a_longer_name_does_not_match_alone() {
        // "Nerkin Getashen" is its own place, never Getashen
        let nerkin = names("Nerkin Getashen");
        assert_eq!(nerkin.len(), 1);
        assert_ne!(nerkin, names("Getashen"));
        // a qualifier the gazetteer does not hold with this name still blocks the shorter one
        assert!(names("Upper Aghdam").is_empty());
        // a village inside another proper name, or in capitals in a byline
        assert!(names("the Grand Bazar shopping mall").is_empty());
        assert!(names("(credit: REUTERS/ARTEM MIKRYUKOV)").is_empty());
    }

    #[test]
    fn ordinary_words_need_a_place_context() {
        let found = GAZETTEER.find("Gay");
        assert!(found.first().is_some_and(|m| m.needs_context));
        let found = GAZETTEER.find("Ganja");
        assert!(found.first().is_some_and(|m| !m.needs_context));
    }
}
