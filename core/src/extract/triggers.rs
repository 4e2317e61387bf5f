//! Trigger words found in a text ([`find_triggers`]; the whole-text scanner finds the same
//! spellings faster for the bundled gazetteer) and whether each is used as its [`Form`] requires:
//! "targeted" with an object, "entered" with a force in the sentence, "hit" after a weapon.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::lexicon::{FORCE_NOUNS, Form, STEMS, TRIGGERS, Trigger, WEAPONS};
use super::words::{Word, on_word_boundaries, words, words_after, words_before, words_rev};
use crate::model::EventKind;

/// The trigger automaton: ASCII case-insensitive, leftmost-longest.
#[allow(clippy::expect_used)] // constant patterns
pub(crate) static TRIGGER_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(TRIGGERS.iter().map(|t| t.text))
        .expect("trigger automaton")
});

/// A trigger found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TriggerHit {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Index into [`TRIGGERS`].
    pub trigger: usize,
}

impl TriggerHit {
    /// The lexicon entry.
    pub fn def(&self) -> Trigger {
        TRIGGERS.get(self.trigger).copied().unwrap_or(Trigger {
            text: "",
            kind: EventKind::Strike,
            form: Form::Plain,
        })
    }
}

#[allow(clippy::expect_used)] // constant patterns
pub(super) static STEM_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(STEMS)
        .expect("stem automaton")
});

/// Trigger words of `text` on word boundaries.
pub(crate) fn find_triggers(text: &str) -> Vec<TriggerHit> {
    if !may_have_trigger(text) {
        return Vec::new();
    }
    TRIGGER_AUTOMATON
        .find_iter(text)
        .filter(|m| on_word_boundaries(text, m.start(), m.end()))
        .map(|m| TriggerHit {
            start: m.start(),
            end: m.end(),
            trigger: m.pattern().as_usize(),
        })
        .collect()
}

/// The first, cheapest pass: false when `text` holds no trigger stem at all.
pub(super) fn may_have_trigger(text: &str) -> bool {
    STEM_AUTOMATON.is_match(text)
}

#[allow(clippy::expect_used)] // constant patterns
pub(super) static FORCE_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(FORCE_NOUNS)
        .expect("force automaton")
});

/// Whether a weapon is named within the three words before `at` ("Rockets also hit …").
pub(crate) fn weapon_before(sentence: &str, at: usize) -> bool {
    words_rev(sentence.get(..at).unwrap_or_default())
        .take(3)
        .any(|w| WEAPONS.contains(&&*w))
}

/// Whether "by" and a weapon follow within a few words ("hit by a Scud missile").
pub(crate) fn weapon_after_by(sentence: &str, end: usize) -> bool {
    let mut after = words(sentence.get(end..).unwrap_or_default()).take(5);
    after.next().is_some_and(|w| w == "by") && after.any(|w| WEAPONS.contains(&w.as_str()))
}

/// Whether a weapon is named within `n` words after byte `end` ("fired a Scud-B ballistic
/// missile").
pub(crate) fn weapon_after(sentence: &str, end: usize, n: usize) -> bool {
    words(sentence.get(end..).unwrap_or_default())
        .take(n)
        .any(|w| WEAPONS.contains(&w.as_str()))
}

/// Whether a force noun occurs in `text` as a word.
pub(crate) fn mentions_force(text: &str) -> bool {
    FORCE_AUTOMATON.find_iter(text).any(|m| {
        let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
        let after = text.get(m.end()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether a trigger is used in the way its form requires.
pub(super) fn usable_form(stext: &str, hit: &TriggerHit, all: &[TriggerHit]) -> bool {
    let def = hit.def();
    let after = stext.get(hit.end..).unwrap_or_default();
    match def.form {
        Form::Plain | Form::Intransitive => {
            // "struck a deal", "attack helicopter", "strike force" are not attacks on a place
            let next = words_after(after, 1);
            let next = next.first().map(Word::as_str).unwrap_or_default();
            !matches!(
                next,
                "deal"
                    | "agreement"
                    | "helicopter"
                    | "helicopters"
                    | "drones"
                    | "aircraft"
                    | "force"
                    | "group"
                    | "submarine"
                    | "dog"
            ) || def.kind == EventKind::Deployment
        }
        // passive: "the cathedral was targeted twice"
        Form::Transitive
            if words_before(stext.get(..hit.start).unwrap_or_default(), 1)
                .first()
                .is_some_and(|w| {
                    matches!(w.as_str(), "was" | "were" | "been" | "being" | "is" | "are")
                }) =>
        {
            true
        }
        Form::Transitive => {
            // "targeted and destroyed the airbase": the object follows the second verb
            let ahead = words_after(after, 3);
            let coordinated = ahead.first().is_some_and(|w| w == "and")
                && ahead.get(1).is_some_and(|w| w.ends_with("ed"));
            let object_at = if coordinated {
                ahead
                    .get(1)
                    .map_or(0, |w| after.find(w.as_str()).map_or(0, |i| i + w.len()))
            } else {
                0
            };
            let after = after.get(object_at..).unwrap_or_default();
            let trimmed = after.trim_start();
            let next_word = words_after(after, 1);
            let next = next_word.first().map(Word::as_str).unwrap_or_default();
            let capital = trimmed.chars().next().is_some_and(char::is_uppercase);
            (capital
                || matches!(
                    next,
                    "the"
                        | "a"
                        | "an"
                        | "its"
                        | "their"
                        | "his"
                        | "civilian"
                        | "civilians"
                        | "residential"
                        | "positions"
                        | "villages"
                        | "settlements"
                        | "military"
                        | "near"
                        | "at"
                        | "on"
                        | "across"
                        | "along"
                        | "in"
                        | "into"
                        | "inside"
                        | "targets"
                        | "sites"
                        | "areas"
                        | "infrastructure"
                        | "homes"
                        | "houses"
                        | "buildings"
                        | "facilities"
                        | "troops"
                        | "forces"
                        | "soldiers"
                        | "units"
                        | "territory"
                        | "border"
                ))
                && !matches!(next, "a" if words_after(after, 2).get(1).is_some_and(|w| w == "deal"))
        }
        Form::NeedsForce => mentions_force(stext),
        Form::NeedsWeapon => {
            weapon_before(stext, hit.start)
                || weapon_after_by(stext, hit.end)
                || (matches!(def.text, "fired" | "launched") && weapon_after(stext, hit.end, 5))
        }
        Form::Movement => {
            let before = words_before(stext.get(..hit.start).unwrap_or_default(), 1);
            let mover = before.first().is_some_and(|w| {
                FORCE_NOUNS.contains(&w.as_str())
                    || matches!(
                        w.as_str(),
                        "then" | "further" | "had" | "have" | "has" | "also"
                    )
            });
            let heading = words_after(after, 4).iter().any(|w| {
                matches!(
                    w.as_str(),
                    "into"
                        | "toward"
                        | "towards"
                        | "to"
                        | "on"
                        | "kilometres"
                        | "kilometers"
                        | "km"
                        | "further"
                        | "deep"
                        | "deeper"
                        | "north"
                        | "south"
                        | "east"
                        | "west"
                        | "inside"
                )
            });
            mover && heading
        }
        Form::AimedFire => {
            let before = words_before(stext.get(..hit.start).unwrap_or_default(), 1);
            let launched = before.first().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "to" | "began" | "continued" | "resumed" | "intensively"
                )
            });
            let aimed = words_after(after, 3)
                .iter()
                .any(|w| matches!(w.as_str(), "at" | "on" | "upon" | "toward" | "towards"));
            aimed && (launched || weapon_after(stext, 0, usize::MAX))
        }
        Form::PrepNoun => {
            // "adopted a decision establishing the EU Mission in Armenia": a document about a
            // mission, not the mission deployed
            let document = words_before(stext.get(..hit.start).unwrap_or_default(), 6)
                .iter()
                .any(|w| {
                    matches!(
                        w.as_str(),
                        "decision"
                            | "resolution"
                            | "proposal"
                            | "mandate"
                            | "establishing"
                            | "establishment"
                            | "extension"
                            | "extend"
                            | "extending"
                            | "enlarge"
                            | "enlarging"
                            | "create"
                            | "creating"
                            | "creation"
                    )
                });
            // "fired at Azeri troops in Gadabay": the force noun is a strike's target, not a deployment
            !document
                && !all.iter().any(|o| {
                    o.def().kind == EventKind::Strike
                        && o.end <= hit.start
                        && hit.start - o.end <= 40
                })
        }
    }
}

/// Builds this module's automata and patterns now (see `extract::prepare`).
pub(super) fn prepare() {
    LazyLock::force(&TRIGGER_AUTOMATON);
    LazyLock::force(&STEM_AUTOMATON);
    LazyLock::force(&FORCE_AUTOMATON);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_and_boundaries() {
        assert!(!find_triggers("Stepanakert was SHELLED overnight").is_empty());
        let hits = find_triggers("The shellfish were counterattacked; drone strikes hit Ganja.");
        let found: Vec<&str> = hits.iter().map(|h| h.def().text).collect();
        // "hit" is found here; its form (a weapon before it) is checked when linking
        assert_eq!(found, ["drone strikes", "hit"]);
        let s = "Drone strikes hit Ganja.";
        assert!(weapon_before(s, s.find("hit").unwrap_or(0)));
        let s = "Yerevan was hit by sanctions.";
        assert!(!weapon_before(s, s.find("hit").unwrap_or(0)));
    }

    #[test]
    fn every_trigger_has_a_stem() {
        for t in TRIGGERS {
            assert!(STEM_AUTOMATON.is_match(t.text), "{}", t.text);
        }
    }
}
