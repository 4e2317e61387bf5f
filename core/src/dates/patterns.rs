//! The date patterns: a capturing pattern for each family of date expression (compiled at
//! run time from [`super::sources`]), the combined pattern that finds where to look and the set
//! that says which families match in a window (compiled by the build script, loaded here),
//! literal gates that rule out families a window cannot hold, and small helpers over capture
//! groups.

use std::sync::LazyLock;

use regex_automata::dfa::{Automaton, dense, regex::Regex};
use regex_automata::{Input, PatternSet};

use super::sources;

/// A dense DFA read in place from the binary (or compiled, then leaked, when it cannot be).
pub(super) type Dfa = dense::DFA<&'static [u32]>;

/// The families of date expression, each one capturing pattern.
pub(super) struct Patterns {
    /// Every pattern below in one alternation without captures: one fast pass finds where to look.
    pub(super) any: Regex<Dfa>,
    /// The same patterns as a set, in the order of [`Patterns::families`]: which of them match
    /// somewhere in a window, or at its start, so that only those run their capture search
    /// there.
    set: Dfa,
    /// "4 October", "the 3rd of October 2020", "the first of March", "third day of October".
    pub(super) day_month: Capturing,
    /// "October 4", "Sept. 27, 2020", "March first", "February the 15th".
    pub(super) month_day: Capturing,
    /// "13-15 July", "from 13 to 15 July", "between 8 and 10 February", "the night of 12 to 13
    /// September", "30 September to 2 October".
    pub(super) day_range: Capturing,
    /// "July 13-15", "October 16-17, 2020", "September 30 to October 2".
    pub(super) month_day_range: Capturing,
    /// "October 2020", "mid-October 2020", "the end of March of 2021".
    pub(super) month_year: Capturing,
    /// "in March", "mid-October", "since April", "end of April", "last September".
    pub(super) month_only: Capturing,
    /// "in 2020", "since 1994", "in early 2021", "mid-2021", "the 1990s".
    pub(super) year: Capturing,
    /// "2020-09-27", "27.09.2020", "27/09/2020", "09/27/2020" (month first only when the day
    /// cannot be a month).
    pub(super) numeric: Capturing,
    /// "yesterday", "on Saturday", "last Tuesday", "two days ago", "the past three days"…
    pub(super) relative: Capturing,
    /// "into a fifth day", "the 15th day of the war".
    pub(super) day_of_fighting: Capturing,
    /// "the first Tuesday of October", "last Monday of March".
    pub(super) nth_weekday: Capturing,
    /// "on the 15th", "Friday the 18th" (of the month of the reference date).
    pub(super) ordinal_day: Capturing,
    /// "in the summer of 2020", "winter 2021".
    pub(super) season: Capturing,
    /// A month named alone, capitalised ("…shelled Ganja March.").
    pub(super) bare_month: Capturing,
    /// "the last day of October", "the first week of May 2021".
    pub(super) month_portion: Capturing,
}

/// The combined pattern and the set as the build script compiled them from the same sources;
/// `None` if they cannot be read, and they are then compiled here.
fn built_automata() -> Option<(Regex<Dfa>, Dfa)> {
    use crate::built::{DATES_ANY_FORWARD, DATES_ANY_REVERSE, DATES_SET, load};
    let any = Regex::builder().build_from_dfas(load(DATES_ANY_FORWARD)?, load(DATES_ANY_REVERSE)?);
    Some((any, load(DATES_SET)?))
}

/// How many families of date expression there are.
const FAMILIES: usize = 15;

/// Which families match in a window (somewhere, or at its start: see
/// [`Patterns::families_in`]), as a set of their places in [`Patterns::families`].
pub(super) struct Families(PatternSet);

impl Families {
    pub(super) fn new() -> Self {
        Families(PatternSet::new(FAMILIES))
    }

    /// Whether family `i` matches.
    pub(super) fn matched(&self, i: usize) -> bool {
        regex_automata::PatternID::new(i).is_ok_and(|id| self.0.contains(id))
    }

    /// Whether any family matches.
    pub(super) fn matched_any(&self) -> bool {
        !self.0.is_empty()
    }
}

impl Patterns {
    /// Finds which families match somewhere in `window` (or, `at_start`, at its start), in
    /// `families` (cleared first). Were the search to fail (the set's DFA never quits), every
    /// family counts as matching.
    pub(super) fn families_in(&self, window: &str, at_start: bool, families: &mut Families) {
        families.0.clear();
        let input = Input::new(window).anchored(if at_start {
            regex_automata::Anchored::Yes
        } else {
            regex_automata::Anchored::No
        });
        if self
            .set
            .try_which_overlapping_matches(&input, &mut families.0)
            .is_err()
        {
            for i in 0..self.set.pattern_len() {
                if let Ok(id) = regex_automata::PatternID::new(i) {
                    let _ = families.0.try_insert(id);
                }
            }
        }
    }

    /// The capturing patterns, in the order of their sources (and of [`Patterns::set`]).
    fn families(&self) -> [&Capturing; FAMILIES] {
        [
            &self.day_month,
            &self.month_day,
            &self.day_range,
            &self.month_day_range,
            &self.month_year,
            &self.month_only,
            &self.year,
            &self.numeric,
            &self.relative,
            &self.day_of_fighting,
            &self.nth_weekday,
            &self.ordinal_day,
            &self.season,
            &self.bare_month,
            &self.month_portion,
        ]
    }

    /// The place of `re` in [`Patterns::set`].
    pub(super) fn family_of(&self, re: &Capturing) -> Option<usize> {
        self.families().iter().position(|f| std::ptr::eq(*f, re))
    }
}

/// A pattern with named groups, run anchored at a place the combined pattern found.
pub(super) type Capturing = regex_automata::meta::Regex;

/// One match of a [`Capturing`] pattern in `text`, with `regex`-like accessors.
pub(super) struct Caps<'t> {
    text: &'t str,
    caps: regex_automata::util::captures::Captures,
}

/// A matched group.
#[derive(Clone, Copy)]
pub(super) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub(super) fn start(&self) -> usize {
        self.start
    }
    pub(super) fn end(&self) -> usize {
        self.end
    }
    pub(super) fn as_str(&self) -> &'t str {
        self.text.get(self.start..self.end).unwrap_or_default()
    }
}

impl<'t> Caps<'t> {
    fn group(&self, span: Option<regex_automata::Span>) -> Option<Group<'t>> {
        span.map(|s| Group {
            text: self.text,
            start: s.start,
            end: s.end,
        })
    }
    /// The whole match (`0`).
    pub(super) fn get(&self, index: usize) -> Option<Group<'t>> {
        self.group(self.caps.get_group(index))
    }
    /// The group called `name`: found among the pattern's few group names in turn, which
    /// costs less than hashing the name for the captures' own table.
    pub(super) fn name(&self, name: &str) -> Option<Group<'t>> {
        let pattern = self.caps.pattern()?;
        let index = self
            .caps
            .group_info()
            .pattern_names(pattern)
            .position(|n| n == Some(name))?;
        self.get(index)
    }
}

/// The match of `re` that starts at the start of `text` (`anchored`), or all its matches.
pub(super) fn matches<'t>(re: &Capturing, text: &'t str, anchored: bool) -> Vec<Caps<'t>> {
    if anchored {
        let mut caps = re.create_captures();
        let input = regex_automata::Input::new(text).anchored(regex_automata::Anchored::Yes);
        re.search_captures(&input, &mut caps);
        return if caps.is_match() {
            vec![Caps { text, caps }]
        } else {
            Vec::new()
        };
    }
    re.captures_iter(text)
        .map(|caps| Caps { text, caps })
        .collect()
}

/// The leftmost match of `re` anywhere in `text`.
pub(super) fn leftmost<'t>(re: &Capturing, text: &'t str) -> Option<Caps<'t>> {
    let mut caps = re.create_captures();
    re.search_captures(&regex_automata::Input::new(text), &mut caps);
    caps.is_match().then_some(Caps { text, caps })
}

#[allow(clippy::expect_used)] // the patterns are constants, checked by every test
pub(super) static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    // a lazy DFA cache big enough for a capturing pattern not to be rebuilt over and over; no
    // prefilter: the searches run anchored, or over a window a few words long, where a literal
    // search saves nothing, and finding the literals was most of building the patterns (95 M
    // instructions with it, 35 M without)
    let cache = 16 * 1024 * 1024;
    let cap = |p: &str| {
        Capturing::builder()
            .configure(
                Capturing::config()
                    .hybrid_cache_capacity(cache)
                    .auto_prefilter(false),
            )
            .build(p)
            .expect("date pattern")
    };
    let sources = sources::pattern_sources(&sources::ordinal_alternation());
    let (any, set) = built_automata().unwrap_or_else(|| {
        let stripped = sources::stripped(&sources);
        let any = sources::compile_any(&stripped).expect("date patterns");
        let any: &'static Regex = Box::leak(Box::new(any));
        let set = sources::compile_set(&stripped).expect("date patterns");
        let set: &'static dense::DFA<Vec<u32>> = Box::leak(Box::new(set));
        let any = Regex::builder().build_from_dfas(any.forward().as_ref(), any.reverse().as_ref());
        (any, set.as_ref())
    });
    let [
        day_month,
        month_day,
        day_range,
        month_day_range,
        month_year,
        month_only,
        year,
        numeric,
        relative,
        day_of_fighting,
        nth_weekday,
        ordinal_day,
        season,
        bare_month,
        month_portion,
    ] = sources;
    Patterns {
        any,
        set,
        day_month: cap(&day_month),
        month_day: cap(&month_day),
        day_range: cap(&day_range),
        month_day_range: cap(&month_day_range),
        month_year: cap(&month_year),
        month_only: cap(&month_only),
        year: cap(&year),
        numeric: cap(&numeric),
        relative: cap(&relative),
        day_of_fighting: cap(&day_of_fighting),
        nth_weekday: cap(&nth_weekday),
        ordinal_day: cap(&ordinal_day),
        season: cap(&season),
        bare_month: cap(&bare_month),
        month_portion: cap(&month_portion),
    }
});

/// Literal gates: a pattern is run over a window only when the window (lower-cased) holds a
/// word that every match of the pattern contains.
pub(super) struct Gates {
    /// The month abbreviations, a prefix of every month name.
    pub(super) months: aho_corasick::packed::Searcher,
    /// A word of every relative expression ("day" covers the weekdays, "today", "yesterday").
    pub(super) relative: aho_corasick::packed::Searcher,
}

/// Short windows are searched by Rabin-Karp, longer ones by SIMD (Teddy).
#[allow(clippy::expect_used)] // constant literals
pub(super) static GATES: LazyLock<Gates> = LazyLock::new(|| {
    let searcher =
        |words: &[&str]| aho_corasick::packed::Searcher::new(words.iter()).expect("date gate");
    Gates {
        months: searcher(&[
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ]),
        relative: searcher(&[
            "day",
            "tonight",
            "tomorrow",
            "this",
            "last",
            "overnight",
            "previous",
            "preceding",
            "ago",
            "week",
            "next",
            "coming",
            "past",
            "month",
            "year",
            "mon",
            "tue",
            "wed",
            "thu",
            "fri",
            "sat",
            "sun",
            " in ",
        ]),
    }
});

/// Whether `text` holds an ASCII digit: every day, year and numeric date needs one.
pub(super) fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// Builds the date patterns now instead of on first use.
pub(super) fn prepare() {
    LazyLock::force(&PATTERNS);
    LazyLock::force(&GATES);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped() -> Vec<String> {
        sources::stripped(&sources::pattern_sources(&sources::ordinal_alternation()))
    }

    #[test]
    fn the_built_automata_are_what_the_sources_compile_to() {
        let stripped = stripped();
        let any = sources::compile_any(&stripped).expect("compile");
        let set = sources::compile_set(&stripped).expect("compile");
        let (built_any, built_set) = built_automata().expect("the built automata load");
        assert_eq!(
            built_any.forward().to_bytes_native_endian(),
            any.forward().to_bytes_native_endian()
        );
        assert_eq!(
            built_any.reverse().to_bytes_native_endian(),
            any.reverse().to_bytes_native_endian()
        );
        assert_eq!(
            built_set.to_bytes_native_endian(),
            set.to_bytes_native_endian()
        );
    }

    /// The DFAs find what the same patterns find through the `regex` crate: the combined
    /// pattern the same matches, the set the same families.
    #[test]
    fn the_automata_agree_with_the_regex_crate() {
        let stripped = stripped();
        let combined = regex::Regex::new(&stripped.join("|")).expect("combined");
        let set = regex::RegexSet::new(&stripped).expect("set");
        let at_start: Vec<String> = stripped.iter().map(|s| format!("^{s}")).collect();
        let set_at_start = regex::RegexSet::new(&at_start).expect("set");
        let p = &*PATTERNS;
        let mut families = Families::new();
        let text = "Shelling hit Tegh on 4 October 2020 and again on October 16-17, 2020; two days \
            ago, on the 15th day of the war, 27.09.2020, in the summer of 2020, the first Tuesday \
            of October, last week, the last day of October, March, from 13 to 15 July, into a \
            fifth day, Friday the 18th, in mid-2021, the 1990s, on Saturday — 30 September – 2 \
            October. Nothing dated here at all. Last May, next month, in 2 weeks.";
        let spans = |it: &mut dyn Iterator<Item = (usize, usize)>| it.collect::<Vec<_>>();
        let found = spans(&mut p.any.find_iter(text).map(|m| (m.start(), m.end())));
        let expected = spans(&mut combined.find_iter(text).map(|m| (m.start(), m.end())));
        assert_eq!(found, expected);
        assert!(found.len() > 15, "{found:?}");
        // every window of a few sizes, at every character boundary: the families matching
        // anywhere in it, and those matching at its start
        let (mut windows, mut starts) = (0, 0);
        for (lo, _) in text.char_indices() {
            for len in [8, 20, 45] {
                let Some(window) = (lo + len..=text.len())
                    .find(|&hi| text.is_char_boundary(hi))
                    .and_then(|hi| text.get(lo..hi))
                else {
                    continue;
                };
                for (anchored, set) in [(false, &set), (true, &set_at_start)] {
                    p.families_in(window, anchored, &mut families);
                    let expected = set.matches(window);
                    for i in 0..FAMILIES {
                        assert_eq!(
                            families.matched(i),
                            expected.matched(i),
                            "{window:?} {i} {anchored}"
                        );
                    }
                    assert_eq!(families.matched_any(), expected.matched_any());
                    if anchored {
                        starts += usize::from(expected.matched_any());
                    } else {
                        windows += usize::from(expected.matched_any());
                    }
                }
            }
        }
        assert!(windows > 100, "{windows}");
        assert!(starts > 30 && starts < windows, "{starts} {windows}");
    }
}
