//! The whole-text pass: a set of literal spellings found ASCII-case-insensitively,
//! leftmost-longest and without overlaps, by a dense DFA (regex-automata) that walks two halves
//! of the text at once.
//!
//! Every byte of every article goes through this pass, so it sets the floor of extraction
//! speed. A DFA step is one table load that depends on the previous one; walking two
//! independent halves interleaved lets the CPU overlap the two chains of loads: in a prototype
//! on the generated corpus, 385 MB/s against 266 for one walk and 300 for the Aho-Corasick DFA
//! used before. The halves are split near the middle at a line break, full stop or comma
//! that no spelling contains, so the matches are exactly those of one walk over the whole text.
//!
//! The article automaton (triggers and counted region names) is compiled at build time by
//! `core/build.rs` and loaded here without work; [`scanner_dfa`](super::scanner_dfa) says how.

use regex_automata::Anchored;
use regex_automata::dfa::{Automaton, dense};
use regex_automata::util::primitives::StateID;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::lexicon::TRIGGERS;
use super::scanner_dfa;
use super::triggers::{TriggerHit, find_triggers};
use super::words::on_word_boundaries;
use crate::gazetteer::{GAZETTEER, Gazetteer};

/// One spelling found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last.
    pub end: usize,
    /// Index of the spelling in the list the scanner was built from.
    pub pattern: usize,
}

/// A compiled set of spellings, over a DFA owned (`Vec<u32>`) or loaded from static bytes.
pub struct Scanner<T = Vec<u32>> {
    dfa: dense::DFA<T>,
    start: StateID,
    /// Original index of each DFA pattern (the DFA holds them longest first).
    original: Vec<usize>,
    /// Byte length of each DFA pattern.
    lengths: Vec<usize>,
    /// Bytes no spelling contains (line break, full stop, comma), where a text may be split.
    splits: Vec<u8>,
}

impl Scanner {
    /// Compiles `spellings` (matched ASCII-case-insensitively); `None` if the DFA cannot be
    /// built or has no single start state.
    #[cfg(test)]
    pub fn new<S: AsRef<str>>(spellings: &[S]) -> Option<Self> {
        let order = scanner_dfa::longest_first(spellings);
        let dfa = scanner_dfa::compile(spellings, &order).ok()?;
        Scanner::with_dfa(dfa, spellings, order)
    }
}

impl<T: AsRef<[u32]>> Scanner<T> {
    /// A scanner over `dfa`, compiled from `spellings` taken in `order`; `None` if the DFA has
    /// no single start state or does not hold one pattern per spelling.
    fn with_dfa<S: AsRef<str>>(
        dfa: dense::DFA<T>,
        spellings: &[S],
        order: Vec<usize>,
    ) -> Option<Self> {
        if dfa.pattern_len() != spellings.len() {
            return None;
        }
        let start = dfa.universal_start_state(Anchored::No)?;
        let lengths = order
            .iter()
            .filter_map(|&i| spellings.get(i))
            .map(|s| s.as_ref().len())
            .collect();
        let splits = [b'\n', b'.', b',']
            .into_iter()
            .filter(|b| !spellings.iter().any(|s| s.as_ref().as_bytes().contains(b)))
            .collect();
        Some(Self {
            dfa,
            start,
            original: order,
            lengths,
            splits,
        })
    }

    /// The split byte nearest the middle of `hay` (the second walk starts on it), or its end.
    fn split_point(&self, hay: &[u8]) -> usize {
        let half = hay.len() / 2;
        let (forward, backward) = match self.splits.as_slice() {
            &[a, b, c] => (
                hay.get(half..).and_then(|r| memchr::memchr3(a, b, c, r)),
                hay.get(..half).and_then(|r| memchr::memrchr3(a, b, c, r)),
            ),
            &[a, ..] => (
                hay.get(half..).and_then(|r| memchr::memchr(a, r)),
                hay.get(..half).and_then(|r| memchr::memrchr(a, r)),
            ),
            [] => (None, None),
        };
        match (forward.map(|i| half + i), backward) {
            (Some(f), Some(b)) if half - b < f - half => b,
            (Some(f), _) => f,
            (None, Some(b)) => b,
            (None, None) => hay.len(),
        }
    }

    /// Every spelling in `text`, leftmost-longest, in text order.
    pub fn find_all(&self, text: &str) -> Vec<Found> {
        let hay = text.as_bytes();
        let mid = self.split_point(hay);
        let mut a = Walk::new(self, hay, 0, mid);
        let mut b = Walk::new(self, hay, mid, hay.len());
        let dfa = &self.dfa;
        while let (Some(ra), Some(rb)) = (hay.get(a.pos..a.end), hay.get(b.pos..b.end)) {
            // the hot loop: both walks step together until either meets a special state
            let (mut sa, mut sb, mut stepped) = (a.state, b.state, 0);
            let mut special = None;
            for (&x, &y) in ra.iter().zip(rb) {
                let na = dfa.next_state(sa, x);
                let nb = dfa.next_state(sb, y);
                if dfa.is_special_state(na) || dfa.is_special_state(nb) {
                    special = Some((na, nb));
                    break;
                }
                sa = na;
                sb = nb;
                stepped += 1;
            }
            a.state = sa;
            b.state = sb;
            a.pos += stepped;
            b.pos += stepped;
            match special {
                Some((na, nb)) => {
                    a.take(na);
                    b.take(nb);
                }
                None => break,
            }
        }
        a.finish();
        b.finish();
        let mut found = a.found;
        found.append(&mut b.found);
        found
            .into_iter()
            .filter_map(|(end, p)| {
                let len = *self.lengths.get(p)?;
                Some(Found {
                    start: end.checked_sub(len)?,
                    end,
                    pattern: *self.original.get(p)?,
                })
            })
            .collect()
    }
}

/// One walk of the DFA over `hay[pos..end]`.
struct Walk<'a, T> {
    scanner: &'a Scanner<T>,
    hay: &'a [u8],
    pos: usize,
    end: usize,
    state: StateID,
    /// The longest match so far of the spelling being read: (end, DFA pattern).
    pending: Option<(usize, usize)>,
    found: Vec<(usize, usize)>,
}

impl<'a, T: AsRef<[u32]>> Walk<'a, T> {
    fn new(scanner: &'a Scanner<T>, hay: &'a [u8], pos: usize, end: usize) -> Self {
        Self {
            scanner,
            hay,
            pos,
            end,
            state: scanner.start,
            pending: None,
            found: Vec::new(),
        }
    }

    fn byte(&self) -> Option<&u8> {
        if self.pos < self.end {
            self.hay.get(self.pos)
        } else {
            None
        }
    }

    /// Moves to `next`, the state after reading the byte at `pos`. Match states are entered
    /// one byte after the match ends; the dead state means the pending match is final.
    fn take(&mut self, next: StateID) {
        let dfa = &self.scanner.dfa;
        if dfa.is_match_state(next) {
            self.pending = Some((self.pos, dfa.match_pattern(next, 0).as_usize()));
            self.state = next;
            self.pos += 1;
        } else if dfa.is_dead_state(next) || dfa.is_quit_state(next) {
            match self.pending.take() {
                Some((end, p)) => {
                    self.found.push((end, p));
                    // the next search starts where this match ended
                    self.pos = end;
                }
                None => self.pos += 1,
            }
            self.state = self.scanner.start;
        } else {
            self.state = next;
            self.pos += 1;
        }
    }

    /// Walks the rest alone and settles the match pending at the end.
    fn finish(&mut self) {
        loop {
            while let Some(&x) = self.byte() {
                let next = self.scanner.dfa.next_state(self.state, x);
                self.take(next);
            }
            let eoi = self.scanner.dfa.next_eoi_state(self.state);
            if self.scanner.dfa.is_match_state(eoi) {
                self.pending = Some((self.end, self.scanner.dfa.match_pattern(eoi, 0).as_usize()));
            }
            match self.pending.take() {
                Some((end, p)) => {
                    self.found.push((end, p));
                    self.state = self.scanner.start;
                    if end >= self.end {
                        return;
                    }
                    self.pos = end;
                }
                None => return,
            }
        }
    }
}

/// Trigger words plus the region names (and the two capitals) of the gazetteer in one
/// automaton: a single pass over an article finds its triggers and counts what it is about.
struct Scan {
    scanner: Scanner<&'static [u32]>,
    /// Gazetteer entry of each name pattern (patterns after the triggers).
    entries: Vec<usize>,
}

/// The article automaton's spellings, in pattern order: the triggers, then the counted names,
/// with the gazetteer entry of each name.
fn article_spellings() -> (Vec<&'static str>, Vec<usize>) {
    let mut patterns: Vec<&str> = TRIGGERS.iter().map(|t| t.text).collect();
    let mut entries = Vec::new();
    for (i, e) in GAZETTEER.entries.iter().enumerate() {
        let kind = if e.kind == crate::model::PlaceKind::Region {
            "region"
        } else {
            ""
        };
        let names =
            scanner_dfa::counted_spellings(kind, &e.name, e.alt_names.iter().map(String::as_str));
        entries.extend(std::iter::repeat_n(i, names.len()));
        patterns.extend(names);
    }
    (patterns, entries)
}

static ARTICLE_SCAN: LazyLock<Option<Scan>> = LazyLock::new(|| {
    let (patterns, entries) = article_spellings();
    let order = scanner_dfa::longest_first(&patterns);
    // the automaton the build script compiled from these very spellings; compiled here only
    // if it cannot be loaded
    let built = crate::built::load(crate::built::SCANNER)
        .and_then(|dfa| Scanner::with_dfa(dfa, &patterns, order.clone()));
    let scanner = match built {
        Some(scanner) => scanner,
        None => {
            let dfa: &'static dense::DFA<Vec<u32>> =
                Box::leak(Box::new(scanner_dfa::compile(&patterns, &order).ok()?));
            Scanner::with_dfa(dfa.as_ref(), &patterns, order)?
        }
    };
    Some(Scan { scanner, entries })
});

/// The triggers of `text` and how often each region, Baku and Yerevan are named in it.
pub(super) fn scan(text: &str, gazetteer: &Gazetteer) -> (Vec<TriggerHit>, BTreeMap<usize, usize>) {
    let mut counts = BTreeMap::new();
    let scan = ARTICLE_SCAN
        .as_ref()
        .filter(|_| std::ptr::eq(gazetteer, &*GAZETTEER));
    let Some(scan) = scan else {
        return (find_triggers(text), counts);
    };
    let n_triggers = TRIGGERS.len();
    let mut hits = Vec::new();
    for m in scan.scanner.find_all(text) {
        if m.pattern < n_triggers {
            if on_word_boundaries(text, m.start, m.end) {
                hits.push(TriggerHit {
                    start: m.start,
                    end: m.end,
                    trigger: m.pattern,
                });
            }
        } else if let Some(&e) = scan.entries.get(m.pattern - n_triggers) {
            *counts.entry(e).or_default() += 1;
        }
    }
    (hits, counts)
}

/// Builds the article scanner now instead of on the first article.
pub(super) fn prepare() {
    LazyLock::force(&ARTICLE_SCAN);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &Scanner, text: &str) -> Vec<(usize, usize, usize)> {
        s.find_all(text)
            .iter()
            .map(|f| (f.start, f.end, f.pattern))
            .collect()
    }

    #[test]
    fn the_built_automaton_is_what_the_spellings_compile_to() {
        let (patterns, _) = article_spellings();
        let order = scanner_dfa::longest_first(&patterns);
        let compiled = scanner_dfa::compile(&patterns, &order).expect("compile");
        let loaded = crate::built::load(crate::built::SCANNER).expect("the built automaton loads");
        assert_eq!(
            loaded.to_bytes_native_endian(),
            compiled.to_bytes_native_endian()
        );
        assert!(ARTICLE_SCAN.is_some());
    }

    #[test]
    fn leftmost_longest_case_insensitive() {
        let s = Scanner::new(&["strike", "drone strikes", "strikes", "Armenia"]).expect("scanner");
        assert_eq!(
            spans(&s, "DRONE STRIKES on armenia; strikes"),
            [(0, 13, 1), (17, 24, 3), (26, 33, 2)]
        );
    }

    #[test]
    fn equals_aho_corasick_across_the_split() {
        let words = [
            "shelled",
            "shell",
            "ganja",
            "an",
            "a b",
            "fire",
            "opened fire",
        ];
        let s = Scanner::new(&words).expect("scanner");
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(words)
            .expect("ac");
        for text in [
            "",
            "a",
            "Shelled Ganja\nopened fire\nA B an shell",
            "opened fire\n",
            "\nopened",
            "ganjaganja\nshelledshell\n\n\nfire",
            "x\ny",
            "an\nan\nan\nan",
        ] {
            let want: Vec<(usize, usize, usize)> = ac
                .find_iter(text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            assert_eq!(spans(&s, text), want, "{text:?}");
        }
    }
}

/// The scanner against aho-corasick's leftmost-longest search, on news-like text.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const FRAGMENTS: &[&str] = &[
        "Azerbaijani forces shelled ",
        "Stepanakert",
        "Şuşa",
        "Laçın",
        "Ganja",
        "Martuni",
        "the capital",
        " on 4 October",
        " yesterday",
        " on Saturday",
        ", officials said.",
        ". ",
        "\n\n",
        "\n\n\n",
        "Update: 28 September, 2020\n",
        " will strike ",
        " denied ",
        "peacekeepers were deployed in ",
        "Nagorno-Karabakh",
        " the fifth day of fighting",
        " “missile attack on ",
        "” ",
        "the area",
        "Photo: ",
        "?",
        " in mid-October",
        " in 2020",
        "Armenia-Russia border",
        " and ",
        "Kalbajar, Khojavend",
        "’s",
        " troops ",
    ];

    fn article_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(prop_oneof![3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned), 1 => any::<String>()], 0..40)
            .prop_map(|parts| parts.concat())
    }

    fn spellings() -> Vec<&'static str> {
        TRIGGERS
            .iter()
            .map(|t| t.text)
            .chain([
                "Nagorno-Karabakh",
                "Karabakh",
                "Armenia",
                "Azerbaijan",
                "the",
                "an",
                "a b",
            ])
            .collect()
    }

    /// Both automata, built once (the DFA takes a good part of a second).
    static AUTOMATA: std::sync::LazyLock<Option<(Scanner, aho_corasick::AhoCorasick)>> =
        std::sync::LazyLock::new(|| {
            let scanner = Scanner::new(&spellings())?;
            let ac = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(spellings())
                .ok()?;
            Some((scanner, ac))
        });

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        /// The two-walk DFA finds exactly what one Aho-Corasick leftmost-longest pass finds.
        #[test]
        fn scanner_equals_aho_corasick(text in article_text()) {
            let automata = AUTOMATA.as_ref();
            prop_assert!(automata.is_some());
            if let Some((scanner, ac)) = automata {
                let want: Vec<(usize, usize, usize)> = ac
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                let got: Vec<(usize, usize, usize)> = scanner
                    .find_all(&text)
                    .iter()
                    .map(|f| (f.start, f.end, f.pattern))
                    .collect();
                prop_assert_eq!(got, want);
            }
        }
    }
}
