//! How the whole-text pass's automaton is compiled from its spellings. The build script
//! (`core/build.rs`) compiles it once, at build time, from the trigger table and the gazetteer's
//! region names, so that a run starts without the few hundred milliseconds of determinization;
//! the scanner compiles other spelling lists (and the same one, when the built one cannot be
//! loaded) at run time through the same functions. This file uses nothing of the crate, as the
//! build script includes it too.

use regex_automata::MatchKind;
use regex_automata::dfa::{StartKind, dense};

/// Which places' names the whole-text pass counts besides the triggers: the regions, and the
/// two capitals, by every ASCII spelling of three letters or more. `kind` is the gazetteer kind
/// as spelled in its JSON ("region", "city", …).
pub fn counted_spellings<'a>(
    kind: &str,
    name: &'a str,
    alt_names: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    if kind != "region" && !matches!(name, "Baku" | "Yerevan") {
        return Vec::new();
    }
    std::iter::once(name)
        .chain(alt_names)
        .filter(|n| n.is_ascii() && n.len() >= 3)
        .collect()
}

/// The spellings' indices, longest first (stable among equals): leftmost-first matching over
/// this order is leftmost-longest.
pub fn longest_first<S: AsRef<str>>(spellings: &[S]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spellings.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(spellings.get(i).map_or(0, |s| s.as_ref().len())));
    order
}

/// Compiles `spellings`, taken in `order`, as ASCII-case-insensitive literals into an
/// unanchored leftmost-first dense DFA (pattern `k` of the DFA is `spellings[order[k]]`).
pub fn compile<S: AsRef<str>>(
    spellings: &[S],
    order: &[usize],
) -> Result<dense::DFA<Vec<u32>>, Box<dense::BuildError>> {
    let patterns: Vec<String> = order
        .iter()
        .filter_map(|&i| spellings.get(i))
        .map(|s| format!("(?i-u){}", regex_syntax::escape(s.as_ref())))
        .collect();
    dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::LeftmostFirst)
                .start_kind(StartKind::Unanchored)
                .accelerate(false),
        )
        .syntax(
            regex_automata::util::syntax::Config::new()
                .unicode(false)
                .utf8(false),
        )
        .build_many(&patterns)
        .map_err(Box::new)
}
