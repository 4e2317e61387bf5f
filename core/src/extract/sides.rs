//! The sides of the conflict named around a trigger: the actor (the nearest side before it in
//! its clause, or after "by") and the target (a side named just after it).

use super::modality::clause_start;
use super::words::{Word, words, words_after, words_rev};

/// The side a word names, if any.
pub(crate) fn side_of(word: &str) -> Option<&'static str> {
    Some(match word {
        "azerbaijan" | "azerbaijan's" | "azerbaijani" | "azerbaijanis" | "azeri" | "azeris"
        | "azerbaijani-backed" => "Azerbaijan",
        "armenia" | "armenia's" | "armenian" | "armenians" => "Armenia",
        "separatist" | "separatists" | "artsakh" | "artsakh's" | "karabakh-armenian" => "Karabakh",
        "russia" | "russia's" | "russian" | "russians" => "Russia",
        "turkey" | "turkey's" | "turkish" | "türkiye" => "Turkey",
        "eu" | "euma" | "european" => "EU",
        _ => return None,
    })
}

/// The actor: the nearest side named before the trigger in its clause, or after "by".
pub(crate) fn actor(
    sentence: &str,
    trigger_start: usize,
    trigger_end: usize,
) -> Option<&'static str> {
    let after = sentence.get(trigger_end..).unwrap_or_default();
    let after_words = words_after(after, 4);
    match after_words.as_slice() {
        // "shelled by Armenian artillery", "fire from Azerbaijani positions"
        [by, rest @ ..] if matches!(by.as_str(), "by" | "from") => {
            if let Some(side) = rest.iter().find_map(|w| side_of(w)) {
                return Some(side);
            }
        }
        // "the missile attack of Armenia on Ganja" (not "shelling of Armenian positions")
        [of, side, on, ..]
            if of == "of" && matches!(on.as_str(), "on" | "against" | "at" | "upon") =>
        {
            if let Some(side) = side_of(side) {
                return Some(side);
            }
        }
        _ => {}
    }
    // the nearest side before the trigger, preferring its own clause ("Azerbaijan accused Armenia
    // of …"); a side that only speaks ("the ministry said missiles fired at …") or is the
    // subject of another verb ("Azerbaijan presented evidence of the attack", "ministers spoke
    // after the attack") did not strike
    let start = clause_start(sentence, trigger_start);
    let window = sentence.get(start..trigger_start).unwrap_or_default();
    let mut later: Option<Word<'_>> = None;
    for w in words_rev(window) {
        if let Some(side) = side_of(&w) {
            return Some(side);
        }
        let determiner = later.as_ref().is_some_and(|l| {
            matches!(
                l.as_str(),
                "the" | "a" | "an" | "this" | "that" | "these" | "those"
            )
        });
        if is_speech_or_frame(&w) || (determiner && matches!(w.as_str(), "of" | "about" | "on")) {
            return None;
        }
        later = Some(w);
    }
    words_rev(sentence.get(..start).unwrap_or_default()).find_map(|w| side_of(&w))
}

/// A word after which, reading back from a trigger, a side is not the one that acted: the
/// speaker of reported speech, or the subject of a clause the trigger is only the time of.
fn is_speech_or_frame(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "told"
            | "stated"
            | "according"
            | "after"
            | "following"
            | "before"
            | "since"
            | "amid"
            | "despite"
    )
}

/// The side a mission, its monitors, peacekeepers or bases belong to: "EUMA patrols … from
/// bases in Kapan" is the EU's deployment, "the Russian peacekeeping contingent" Russia's.
pub(crate) fn mission_owner(sentence: &str) -> Option<&'static str> {
    words(sentence).find_map(|w| match w.as_str() {
        "eu" | "euma" | "european" | "eumm" => Some("EU"),
        "russian" | "russia's" | "russia" => Some("Russia"),
        "osce" => Some("OSCE"),
        "un" | "unmis" | "united" => Some("UN"),
        "cstc" | "csto" => Some("CSTO"),
        _ => None,
    })
}

/// The sides that deny, named before the denial verb ("Armenia denied", "Turkey and
/// Azerbaijan have denied", "The Armenian side rejected"); empty when the sentence does not say.
pub(crate) fn deniers(sentence: &str) -> Vec<&'static str> {
    let mut sides = Vec::new();
    for w in words(sentence) {
        if matches!(
            w.as_str(),
            "denied"
                | "denies"
                | "deny"
                | "rejected"
                | "rejects"
                | "refuted"
                | "refutes"
                | "dismissed"
                | "issued"
                | "denial"
        ) {
            return sides;
        }
        // the capitals stand for their governments when they deny
        let capital = match w.as_str() {
            "baku" | "baku's" => Some("Azerbaijan"),
            "yerevan" | "yerevan's" => Some("Armenia"),
            _ => None,
        };
        if let Some(s) = side_of(&w).or(capital)
            && !sides.contains(&s)
        {
            sides.push(s);
        }
    }
    Vec::new()
}

/// The target: the first side named within a few words after the trigger.
pub(crate) fn target(sentence: &str, trigger_end: usize) -> Option<&'static str> {
    let after = sentence.get(trigger_end..).unwrap_or_default();
    words(after).take(6).find_map(|w| side_of(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_before_and_target_after() {
        let s = "Azeri Ministry of Defense claims that Armenian soldiers supposedly opened fire at Azeri troops in Gadabay.";
        let at = s.find("opened").unwrap_or(0);
        assert_eq!(actor(s, at, at + 11), Some("Armenia"));
        assert_eq!(target(s, at + 11), Some("Azerbaijan"));
        let s = "Ganja was hit by Armenian missiles.";
        let at = s.find("hit").unwrap_or(0);
        assert_eq!(actor(s, at, at + 3), Some("Armenia"));
    }
}
