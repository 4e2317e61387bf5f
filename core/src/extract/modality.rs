//! How a sentence stands behind its trigger: stated as fact, or a threat, plan, question or
//! condition ([`Framing::Modal`]), or negated ([`Framing::Negated`]); attributed to a party
//! (a claim) or denied by another; a withdrawal rather than an arrival; a photo caption.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};

use super::lexicon::{CLAIM_CUES, CLAUSE_BREAKS, SUBORDINATORS, is_modal_cue, is_negation_cue};
use super::words::{Word, words};

#[allow(clippy::expect_used)] // constant patterns
pub(super) static CLAUSE_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(CLAUSE_BREAKS)
        .expect("clause automaton")
});

/// The clause breaks reversed: searched backwards from a trigger, the first break met is the
/// one that ends last, so the search stops at the trigger's own clause instead of reading the
/// sentence from its start. Byte-wise and ASCII-case-insensitive, as [`CLAUSE_AUTOMATON`].
#[allow(clippy::expect_used)] // constant patterns
static CLAUSE_BREAKS_BACKWARDS: LazyLock<regex_automata::dfa::dense::DFA<Vec<u32>>> =
    LazyLock::new(|| {
        use regex_automata::{dfa::dense, nfa::thompson, util::syntax};
        let patterns: Vec<String> = CLAUSE_BREAKS
            .iter()
            .map(|b| regex_syntax::escape(b))
            .collect();
        dense::Builder::new()
            .syntax(syntax::Config::new().case_insensitive(true).unicode(false))
            .thompson(thompson::Config::new().reverse(true))
            .build_many(&patterns)
            .expect("reverse clause automaton")
    });

/// Start of the clause that holds byte `at` of `sentence`: the end of the last clause break
/// before it, or 0.
pub(crate) fn clause_start(sentence: &str, at: usize) -> usize {
    use regex_automata::{Input, dfa::Automaton};
    let Some(before) = sentence.get(..at) else {
        return 0;
    };
    // the match found is the break that ends last; its pattern says how long it is
    match CLAUSE_BREAKS_BACKWARDS.try_search_rev(&Input::new(before)) {
        Ok(Some(m)) => CLAUSE_BREAKS
            .get(m.pattern().as_usize())
            .map_or(0, |b| m.offset() + b.len()),
        _ => 0,
    }
}

/// How a trigger is framed by the words before it in its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Framing {
    /// Stated as having happened.
    Factual,
    /// Future, threat, plan, condition, possibility: not an event.
    Modal,
    /// Negated or denied: not an event.
    Negated,
}

/// Framing of the trigger at `trigger_start` in `sentence` from its clause.
pub(crate) fn framing(sentence: &str, trigger_start: usize) -> Framing {
    if sentence
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('?')
    {
        return Framing::Modal;
    }
    let window = sentence
        .get(clause_start(sentence, trigger_start)..trigger_start)
        .unwrap_or_default();
    for word in words(window) {
        let w = word.as_str();
        if is_negation_cue(w) || w.ends_with("n't") {
            return Framing::Negated;
        }
        if w == "may" && month_may(window, &word) {
            continue;
        }
        if is_modal_cue(w) || w.ends_with("'ll") || w.ends_with("'d") {
            return Framing::Modal;
        }
    }
    // "to" + a base-form trigger after an intention verb is caught above; "in order to" here,
    // compared only where an "i" or "I" starts it (found by a SIMD search)
    let bytes = window.as_bytes();
    if memchr::memchr2_iter(b'i', b'I', bytes).any(|at| {
        bytes
            .get(at..at + 11)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"in order to"))
    }) {
        return Framing::Modal;
    }
    Framing::Factual
}

/// Whether the word "may" of `window` is the month: capitalised and next to a number or after
/// "in", "on", "of", "since", "early", "mid" or "late" ("On 5 May, …", "in May").
fn month_may(window: &str, word: &Word<'_>) -> bool {
    window.match_indices("May").any(|(i, _)| {
        let before = window.get(..i).unwrap_or_default().trim_end();
        let after = window.get(i + 3..).unwrap_or_default();
        let next_is_number = after
            .trim_start_matches([' ', ','])
            .starts_with(|c: char| c.is_ascii_digit());
        let previous = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let boundary = !after.starts_with(|c: char| c.is_alphanumeric());
        boundary
            && (next_is_number
                || previous.chars().next().is_some_and(|c| c.is_ascii_digit())
                || matches!(
                    previous.as_str(),
                    "in" | "on" | "of" | "since" | "early" | "mid" | "late" | "during" | "last"
                ))
    }) && word.as_str() == "may"
}

/// Whether the sentence attributes what it says to a party or hedges it.
pub(crate) fn is_claim(sentence: &str, trigger_start: usize) -> bool {
    // a quotation still open before the trigger (counted as bytes: a character's UTF-8 form
    // occurs nowhere but where the character is)
    let before = sentence.get(..trigger_start).unwrap_or_default().as_bytes();
    let count = |mark: &str| memchr::memmem::find_iter(before, mark.as_bytes()).count();
    let quoted_open = count("“") > count("”");
    if quoted_open {
        return true;
    }
    claim_word(sentence)
}

/// Whether a word of `sentence` is a claim cue, or "reported" after a reporter ("officials
/// reported", not "shelling was reported"). One search finds the cues in any ASCII case; only
/// those standing as whole words are read further. Exact: the cue words are plain ASCII
/// without a "k" (the Kelvin sign is the one other letter that lower-cases to ASCII), so a
/// word lower-cased to a cue is written as one; and the longest cue at a word's start is the
/// word itself when it is a cue, as no cue reaches past a word.
fn claim_word(sentence: &str) -> bool {
    let word_part = |c: Option<char>| c.is_some_and(super::words::is_word_part);
    CLAIM_WORDS.find_iter(sentence).any(|m| {
        let (before, after) = (
            sentence.get(..m.start()).unwrap_or_default(),
            sentence.get(m.end()..).unwrap_or_default(),
        );
        if word_part(before.chars().next_back()) || word_part(after.chars().next()) {
            return false;
        }
        let cue = CLAIM_CUES.get(m.pattern().as_usize()).copied();
        let previous = super::words::words_before(before, 2);
        let last = |back: usize| {
            previous
                .len()
                .checked_sub(back)
                .and_then(|i| previous.get(i))
                .map(Word::as_str)
        };
        match cue {
            // "under the statement signed on …": the agreement a handover follows, not
            // attribution
            Some("statement") => {
                !(last(1).is_some_and(|p| matches!(p, "trilateral" | "tripartite" | "joint"))
                    || (last(1) == Some("the") && last(2) == Some("under")))
            }
            Some(_) => true,
            // "reported"
            None => last(1).is_some_and(|b| {
                !matches!(
                    b,
                    "was" | "were" | "been" | "is" | "are" | "be" | "also" | "widely"
                )
            }),
        }
    })
}

/// Every claim cue, and "reported" (last), in any case; the longest at each place.
#[allow(clippy::expect_used)] // constant patterns
static CLAIM_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(CLAIM_CUES.iter().chain(&["reported"]))
        .expect("claim words")
});

/// Stems of every denial verb below (as written, like the words compared): one SIMD pass
/// (Teddy) rules most sentences out.
#[allow(clippy::expect_used)] // constant patterns
pub(super) static DENIAL_STEMS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Searcher::new(["deni", "deny", "eject", "refut", "dismissed"])
        .expect("denial searcher")
});

/// Whether the sentence denies earlier claims ("The Armenian side denied the accusations").
pub(crate) fn denies_claims(sentence: &str) -> bool {
    if DENIAL_STEMS.find(sentence).is_none() {
        return false;
    }
    let (mut denial, mut object) = (false, false);
    let mut previous_denial = false;
    for w in words(sentence) {
        // "denied targeting civilians", "denies shelling the town", "issued a denial"
        let act = w.ends_with("ing")
            && matches!(
                &*w,
                "targeting"
                    | "shelling"
                    | "attacking"
                    | "striking"
                    | "firing"
                    | "bombing"
                    | "bombarding"
                    | "hitting"
                    | "launching"
                    | "deploying"
                    | "sending"
                    | "capturing"
                    | "entering"
            );
        object |= previous_denial && act;
        object |= denial && w == "denial";
        previous_denial = matches!(&*w, "denied" | "denies" | "deny" | "denying");
        denial |= w == "issued";
        denial |= matches!(
            &*w,
            "denied"
                | "denies"
                | "deny"
                | "rejected"
                | "rejects"
                | "refuted"
                | "refutes"
                | "dismissed"
        );
        object |= matches!(
            &*w,
            "accusations"
                | "accusation"
                | "claims"
                | "claim"
                | "reports"
                | "report"
                | "allegations"
                | "allegation"
                | "it"
                | "this"
                | "charges"
        );
        if denial && object {
            return true;
        }
    }
    false
}

/// End of the clause that holds byte `at` of `sentence` (the next clause break, or the end).
pub(crate) fn clause_end(sentence: &str, at: usize) -> usize {
    let after = sentence.get(at..).unwrap_or_default();
    CLAUSE_AUTOMATON
        .find(after)
        .map_or(sentence.len(), |m| at + m.start())
}

/// End of what a withdrawal word may belong to after byte `at`: the clause end, or a
/// subordinate clause's start ("entered Lachin after the residents had left").
pub(crate) fn withdrawal_window_end(sentence: &str, at: usize) -> usize {
    let end = clause_end(sentence, at);
    let after = sentence.get(at..end).unwrap_or_default();
    SUBORDINATOR_AUTOMATON
        .find(after)
        .map_or(end, |m| at + m.start())
}

#[allow(clippy::expect_used)] // constant patterns
static SUBORDINATOR_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(SUBORDINATORS)
        .expect("subordinator automaton")
});

/// Words saying a deployment is leaving, not arriving.
pub(crate) fn is_withdrawal(clause: &str) -> bool {
    // one pass for the stems of every word below rules most clauses out
    if !WITHDRAWAL_STEMS.is_match(clause) {
        return false;
    }
    words(clause).any(|w| {
        w.starts_with("withdr")
            || w.starts_with("retreat")
            || w.starts_with("evacuat")
            || w == "pulled"
            || w == "pullout"
            || w == "left"
            || w == "leave"
            || w == "leaving"
            || w == "departed"
            || w == "departure"
    })
}

/// A stem of every withdrawal word of [`is_withdrawal`], in any case.
#[allow(clippy::expect_used)] // constant patterns
static WITHDRAWAL_STEMS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build([
            "withdr", "retreat", "evacuat", "pulled", "pullout", "left", "leav", "depart",
        ])
        .expect("withdrawal stems")
});

/// Photo captions and credits are not reports.
pub(super) fn is_caption(sentence: &str) -> bool {
    let head = sentence.trim_start();
    let starts = |p: &str| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    [
        "photo",
        "image",
        "picture",
        "file photo",
        "caption",
        "video:",
        "watch:",
        "pictured",
    ]
    .iter()
    .any(|p| starts(p))
        || CAPTION_CUES.is_match(sentence)
        || sentence
            .get(sentence.len().saturating_sub(5)..)
            .is_some_and(|t| t.eq_ignore_ascii_case("/ afp"))
}

#[allow(clippy::expect_used)] // constant patterns
pub(super) static CAPTION_CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["(photo:", "getty images"])
        .expect("caption automaton")
});

/// Builds this module's automata and patterns now (see `extract::prepare`).
pub(super) fn prepare() {
    LazyLock::force(&CLAUSE_AUTOMATON);
    LazyLock::force(&CLAUSE_BREAKS_BACKWARDS);
    LazyLock::force(&CLAIM_WORDS);
    LazyLock::force(&DENIAL_STEMS);
    LazyLock::force(&SUBORDINATOR_AUTOMATON);
    LazyLock::force(&WITHDRAWAL_STEMS);
    LazyLock::force(&CAPTION_CUES);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn framing_cues() {
        let s = "Azerbaijan will destroy targets from which shelling is taking place.";
        assert_eq!(framing(s, s.find("shelling").unwrap_or(0)), Framing::Modal);
        let s = "The fighting escalated, even though Armenia denies having launched any attack on Azerbaijan.";
        assert_eq!(framing(s, s.find("attack").unwrap_or(0)), Framing::Negated);
        let s =
            "Azerbaijani forces launched an operation, using artillery to strike near the capital.";
        assert_eq!(framing(s, s.find("strike").unwrap_or(0)), Framing::Factual);
        let s = "Did Armenia shell Tartar?";
        assert_eq!(framing(s, s.find("shell").unwrap_or(0)), Framing::Modal);
    }

    #[test]
    fn in_order_to_frames_a_purpose_in_any_case() {
        for s in [
            "Units were moved in order to shell Tartar.",
            "Units were moved IN ORDER TO shell Tartar.",
            "In Order to shell Tartar, units were moved.",
        ] {
            assert_eq!(
                framing(s, s.find("shell").unwrap_or(0)),
                Framing::Modal,
                "{s}"
            );
        }
        let s = "Units were moved in order and shelled Tartar.";
        assert_eq!(framing(s, s.find("shelled").unwrap_or(0)), Framing::Factual);
    }

    #[test]
    fn claims_and_denials() {
        let s = "Azeri Ministry of Defense claims that Armenian soldiers supposedly opened fire at Azeri troops in Gadabay.";
        assert!(is_claim(s, s.find("opened").unwrap_or(0)));
        assert!(denies_claims("The Armenian side denied the accusations."));
        assert!(!is_claim("Azerbaijani troops shelled Martakert.", 18));
    }

    #[test]
    fn claim_cues_are_what_the_prefilter_can_find() {
        for cue in CLAIM_CUES {
            assert!(
                cue.bytes().all(|b| b.is_ascii_lowercase()) && !cue.contains('k'),
                "{cue}: the claim prefilter would miss it written in capitals"
            );
        }
        assert!(is_claim(
            "Officials SAID Azerbaijani troops shelled Martakert.",
            36
        ));
    }
}

/// The backwards clause search against reading every clause break from the sentence's start.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Clause breaks that overlap or share ends, in any case, amid other text.
    const FRAGMENTS: &[&str] = &[
        " but ",
        " BUT ",
        " though ",
        " even though ",
        " Even Though ",
        ", and ",
        ", and said ",
        " and said ",
        "; ",
        ": ",
        " — ",
        " – ",
        " -- ",
        " however",
        ", saying ",
        "shelled",
        " troops ",
        "Şuşa",
        " ",
        ",",
    ];

    /// The claim rule as first written: every word of the sentence in turn.
    fn claim_word_by_walking(sentence: &str) -> bool {
        let mut previous: Option<Word<'_>> = None;
        let mut before_previous: Option<Word<'_>> = None;
        for w in words(sentence) {
            let legal_basis = w == "statement"
                && (previous
                    .as_deref()
                    .is_some_and(|p| matches!(p, "trilateral" | "tripartite" | "joint"))
                    || (previous.as_deref() == Some("the")
                        && before_previous.as_deref() == Some("under")));
            if CLAIM_CUES.contains(&w.as_str()) && !legal_basis {
                return true;
            }
            if w == "reported"
                && previous.as_deref().is_some_and(|b| {
                    !matches!(
                        b,
                        "was" | "were" | "been" | "is" | "are" | "be" | "also" | "widely"
                    )
                })
            {
                return true;
            }
            before_previous = previous;
            previous = Some(w);
        }
        false
    }

    /// Claim words whole and inside other words, reporters, the legal-basis phrases.
    const CLAIM_FRAGMENTS: &[&str] = &[
        "said",
        "SAID",
        "unsaid",
        "said-",
        "’said",
        "reported",
        "Reported",
        "reportedly",
        "was ",
        "officials ",
        "statement",
        "statements",
        "under ",
        "the ",
        "trilateral ",
        "Joint ",
        "according",
        "accordingly",
        "claims",
        "claimsx",
        "\u{212A}",
        "ɑ",
        " ",
        ", ",
        "-",
        "'",
    ];

    /// Sentences of up to `most` parts, mostly `fragments`, sometimes any text.
    fn sentences(fragments: &'static [&'static str], most: usize) -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                4 => proptest::sample::select(fragments).prop_map(str::to_owned),
                1 => any::<String>(),
            ],
            0..most,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        #[test]
        fn claim_words_are_found_as_by_walking_every_word(sentence in sentences(CLAIM_FRAGMENTS, 16)) {
            prop_assert_eq!(claim_word(&sentence), claim_word_by_walking(&sentence), "{:?}", sentence);
        }

        #[test]
        fn clause_start_is_the_end_of_the_last_break(sentence in sentences(FRAGMENTS, 24)) {
            for at in (0..=sentence.len()).filter(|&i| sentence.is_char_boundary(i)) {
                let want = CLAUSE_AUTOMATON
                    .find_overlapping_iter(sentence.get(..at).unwrap_or_default())
                    .map(|m| m.end())
                    .max()
                    .unwrap_or(0);
                prop_assert_eq!(clause_start(&sentence, at), want, "at {} of {:?}", at, sentence);
            }
        }
    }
}
