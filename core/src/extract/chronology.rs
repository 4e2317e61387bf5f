//! The conflict's named periods, a small built-in chronology: the four-day war of April 2016,
//! the July 2020 Tovuz clashes, the 44-day war of 2020, the September 2022 attack on Armenia,
//! the Lachin corridor blockade and the September 2023 offensive. An article that names one
//! ("the 44-day war", "Four years have passed since the April war") or whose yearless dates
//! fall inside one gets its year from it.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::{Datelike, NaiveDate};

/// One named period of the conflict.
#[derive(Debug)]
pub(crate) struct Period {
    /// How the period is called in plain words.
    pub(crate) name: &'static str,
    /// First day, (year, month, day).
    pub(crate) first: (i32, u32, u32),
    /// Last day, (year, month, day).
    pub(crate) last: (i32, u32, u32),
    /// Lower-case phrases that name it.
    pub(crate) cues: &'static [&'static str],
}

/// The periods, oldest first.
pub(crate) const PERIODS: &[Period] = &[
    Period {
        name: "the four-day war of April 2016",
        first: (2016, 4, 1),
        last: (2016, 4, 5),
        cues: &[
            "four-day war",
            "four day war",
            "4-day war",
            "april war",
            "april 2016 war",
        ],
    },
    Period {
        name: "the Tovuz clashes of July 2020",
        first: (2020, 7, 12),
        last: (2020, 7, 16),
        cues: &[
            "tovuz clashes",
            "tovuz battles",
            "tovuz fighting",
            "july clashes",
        ],
    },
    Period {
        name: "the 44-day war of 2020",
        first: (2020, 9, 27),
        last: (2020, 11, 10),
        cues: &[
            "44-day war",
            "44 day war",
            "44 days",
            "second karabakh war",
            "second nagorno-karabakh war",
            "second nagorno karabakh war",
            "second artsakh war",
            "patriotic war",
            "six-week war",
            "autumn war",
            "2020 war",
            "2020 karabakh war",
        ],
    },
    Period {
        name: "the September 2022 attack on Armenia",
        first: (2022, 9, 12),
        last: (2022, 9, 14),
        cues: &[
            "september 2022 attack",
            "september 2022 aggression",
            "two-day war",
        ],
    },
    Period {
        name: "the Lachin corridor blockade",
        first: (2022, 12, 12),
        last: (2023, 9, 30),
        cues: &[
            "blockade of the lachin corridor",
            "lachin corridor blockade",
            "blockade of artsakh",
            "blockade of nagorno-karabakh",
        ],
    },
    Period {
        name: "the September 2023 offensive",
        first: (2023, 9, 19),
        last: (2023, 9, 20),
        cues: &[
            "anti-terrorist operation",
            "anti-terror operation",
            "anti-terrorist measures",
            "one-day war",
            "24-hour war",
            "lightning offensive",
        ],
    },
];

impl Period {
    fn day(ymd: (i32, u32, u32)) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2)
    }

    /// The year the period started.
    pub(crate) fn year(&self) -> i32 {
        self.first.0
    }

    /// The year in which `month` (and `day`, when known) falls inside the period, if any.
    pub(crate) fn year_of(&self, month: u32, day: Option<u32>) -> Option<i32> {
        let (first, last) = (Self::day(self.first)?, Self::day(self.last)?);
        (first.year()..=last.year()).find(|&year| match day {
            Some(d) => NaiveDate::from_ymd_opt(year, month, d)
                .is_some_and(|date| first <= date && date <= last),
            None => {
                let start = NaiveDate::from_ymd_opt(year, month, 1);
                let end = start.and_then(|s| s.checked_add_months(chrono::Months::new(1)));
                matches!((start, end), (Some(s), Some(e)) if s <= last && first < e)
            }
        })
    }
}

/// Every cue of every period in one ASCII-case-insensitive automaton, and for each pattern
/// its period (index into [`PERIODS`]) and words.
type Cues = (AhoCorasick, Vec<(usize, &'static str)>);

static CUES: LazyLock<Option<Cues>> = LazyLock::new(|| {
    let cues: Vec<(usize, &'static str)> = PERIODS
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.cues.iter().map(move |c| (i, *c)))
        .collect();
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(cues.iter().map(|(_, c)| c))
        .ok()?;
    Some((automaton, cues))
});

/// The periods `text` names, each once, with the first phrase that names it.
pub(crate) fn named_in(text: &str) -> Vec<(&'static Period, &'static str)> {
    let Some((automaton, cues)) = CUES.as_ref() else {
        return Vec::new();
    };
    let mut named: Vec<(&'static Period, &'static str)> = Vec::new();
    for m in automaton.find_iter(text) {
        if let Some(&(i, cue)) = cues.get(m.pattern().as_usize())
            && let Some(period) = PERIODS.get(i)
            && !named.iter().any(|(p, _)| std::ptr::eq(*p, period))
        {
            named.push((period, cue));
        }
    }
    named
}

/// Where the cues of `periods` occur in `lower` (a lower-cased text): for each period in
/// turn, each of its cues in turn, the cue's occurrences left to right without overlaps, as
/// `str::match_indices` gives them; found in one pass of the cue automaton.
pub(crate) fn cue_occurrences(
    lower: &str,
    periods: &[(&'static Period, &'static str)],
) -> Vec<(&'static Period, &'static str, usize)> {
    let Some((automaton, cues)) = CUES.as_ref() else {
        return Vec::new();
    };
    // (rank of the period in `periods`, cue index, start, end)
    let mut found: Vec<(usize, usize, usize, usize)> = Vec::new();
    for m in automaton.find_overlapping_iter(lower) {
        let pattern = m.pattern().as_usize();
        let Some(name) = cues
            .get(pattern)
            .and_then(|&(i, _)| PERIODS.get(i))
            .map(|p| p.name)
        else {
            continue;
        };
        if let Some(rank) = periods.iter().position(|(p, _)| p.name == name) {
            found.push((rank, pattern, m.start(), m.end()));
        }
    }
    found.sort_unstable();
    let mut occurrences = Vec::with_capacity(found.len());
    let mut last: Option<(usize, usize)> = None; // (pattern, end of its last occurrence)
    for (rank, pattern, start, end) in found {
        if last.is_some_and(|(p, e)| p == pattern && start < e) {
            continue;
        }
        last = Some((pattern, end));
        if let (Some((period, _)), Some(&(_, cue))) = (periods.get(rank), cues.get(pattern)) {
            occurrences.push((*period, cue, start));
        }
    }
    occurrences
}

/// Builds this module's automata and patterns now (see `extract::prepare`).
pub(super) fn prepare() {
    LazyLock::force(&CUES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_fall_in_the_periods_that_hold_them() {
        let war = &PERIODS[2];
        assert_eq!(war.year_of(10, Some(8)), Some(2020));
        assert_eq!(war.year_of(11, Some(11)), None);
        assert_eq!(war.year_of(10, None), Some(2020));
        let blockade = &PERIODS[4];
        assert_eq!(blockade.year_of(4, Some(23)), Some(2023));
        assert_eq!(blockade.year_of(12, Some(20)), Some(2022));
    }

    proptest::proptest! {
        #[test]
        fn cue_occurrences_are_each_cues_matches_in_turn(
            parts in proptest::collection::vec(
                "44 days|four-day war|april war|2020 war|2020 karabakh war|44-day war|days|war| |x",
                0..24,
            ),
            chosen in proptest::collection::vec(0..PERIODS.len(), 0..4),
        ) {
            let lower = parts.concat();
            let mut periods: Vec<(&'static Period, &'static str)> = Vec::new();
            for i in chosen {
                if let Some(p) = PERIODS.get(i).filter(|p| !periods.iter().any(|(q, _)| q.name == p.name)) {
                    periods.push((p, ""));
                }
            }
            let mut expected = Vec::new();
            for &(period, _) in &periods {
                for cue in period.cues {
                    for (at, _) in lower.match_indices(cue) {
                        expected.push((period.name, *cue, at));
                    }
                }
            }
            let found: Vec<_> = cue_occurrences(&lower, &periods)
                .into_iter()
                .map(|(p, cue, at)| (p.name, cue, at))
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn periods_are_found_by_their_names() {
        let named = named_in("The definitive moments of the Second Artsakh War. ");
        assert_eq!(named.first().map(|(p, _)| p.year()), Some(2020));
        assert!(named_in("a war of words").is_empty());
    }
}
