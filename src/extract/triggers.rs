//! Event trigger words (one Aho-Corasick automaton, also the prefilter that decides whether an
//! article needs any further work) and the cues around them: modality (threats, plans,
//! hypotheticals, negation), attribution (claims), and the sides named as actor or target.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::model::EventKind;

/// How a trigger word must be used to report an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// A verb or event noun: "shelled", "bombardment", "deployed".
    Plain,
    /// Only as a verb with an object: "targeted Ganja", not "targeted operations".
    Transitive,
    /// A movement verb that needs a force noun in the sentence: "sent troops", "entered".
    NeedsForce,
    /// An intransitive movement with an implied place: "moving in" (the place of the previous trigger).
    Intransitive,
    /// A force noun that reports a deployment only when a place follows a locative preposition:
    /// "peacekeepers in Nagorno-Karabakh", "a base in Gyumri".
    PrepNoun,
    /// A plain verb that reports a strike only after a weapon: "rockets also hit Martuni".
    NeedsWeapon,
}

/// One trigger spelling.
#[derive(Clone, Copy, Debug)]
pub struct Trigger {
    /// Lower-case spelling.
    pub text: &'static str,
    /// What it reports.
    pub kind: EventKind,
    /// How it must be used.
    pub form: Form,
}

const fn t(text: &'static str, kind: EventKind, form: Form) -> Trigger {
    Trigger { text, kind, form }
}

use EventKind::{Deployment as D, Strike as S};
use Form::{
    Intransitive as I, NeedsForce as F, NeedsWeapon as W, Plain as P, PrepNoun as N,
    Transitive as T,
};

/// Every trigger spelling. Longer spellings win over their prefixes ("drone strikes" over "strikes").
pub const TRIGGERS: &[Trigger] = &[
    // strikes
    t("shelled", S, P),
    t("shelling", S, P),
    t("shellings", S, P),
    t("shells", S, P),
    t("shell", S, T),
    t("struck", S, T),
    t("strike", S, P),
    t("strikes", S, P),
    t("airstrike", S, P),
    t("airstrikes", S, P),
    t("air strike", S, P),
    t("air strikes", S, P),
    t("drone strike", S, P),
    t("drone strikes", S, P),
    t("missile strike", S, P),
    t("missile strikes", S, P),
    t("artillery strike", S, P),
    t("artillery strikes", S, P),
    t("attack", S, P),
    t("attacks", S, P),
    t("attacked", S, P),
    t("attacking", S, P),
    t("bombed", S, P),
    t("bombing", S, P),
    t("bombings", S, P),
    t("bombarded", S, P),
    t("bombardment", S, P),
    t("bombardments", S, P),
    t("bombarding", S, P),
    t("bombard", S, P),
    t("pounded", S, T),
    t("pounding", S, T),
    t("opened fire", S, P),
    t("exchanged fire", S, P),
    t("exchanging fire", S, P),
    t("exchange of fire", S, P),
    t("exchanges of fire", S, P),
    t("open fire", S, P),
    t("opening fire", S, P),
    t("fired at", S, P),
    t("fired on", S, P),
    t("fired upon", S, P),
    t("fired rockets", S, P),
    t("fired missiles", S, P),
    t("fired shells", S, P),
    t("fired artillery", S, P),
    t("fired mortars", S, P),
    t("under fire", S, P),
    t("artillery fire", S, P),
    t("mortar fire", S, P),
    t("rocket fire", S, P),
    t("sniper fire", S, P),
    t("gunfire", S, P),
    t("heavy fire", S, P),
    t("small arms fire", S, P),
    t("small-arms fire", S, P),
    t("machine-gun fire", S, P),
    t("targeted", S, T),
    t("targeting", S, T),
    t("missile hit", S, P),
    t("missiles hit", S, P),
    t("rocket hit", S, P),
    t("rockets hit", S, P),
    t("shell hit", S, P),
    t("drone hit", S, P),
    t("drones hit", S, P),
    t("air raid", S, P),
    t("air raids", S, P),
    t("rocket attack", S, P),
    // deployments
    t("deployed", D, P),
    t("deploying", D, P),
    t("deployment", D, P),
    t("deployments", D, P),
    t("deploy", D, P),
    t("redeployed", D, P),
    t("dispatched", D, P),
    t("dispatching", D, P),
    t("dispatch", D, F),
    t("sent", D, F),
    t("sending", D, F),
    t("send", D, F),
    t("moved", D, F),
    t("transferred", D, F),
    t("transferring", D, F),
    t("transporting", D, F),
    t("transported", D, F),
    t("relocated", D, F),
    t("brought", D, F),
    t("moved into", D, F),
    t("moving into", D, F),
    t("moved in", D, I),
    t("moving in", D, I),
    t("rolled into", D, F),
    t("rolled in", D, I),
    t("marched into", D, F),
    t("marched in", D, I),
    t("entered", D, F),
    t("entering", D, F),
    t("advanced into", D, F),
    t("advanced on", D, F),
    t("advanced toward", D, F),
    t("advanced towards", D, F),
    t("advanced up to", D, F),
    t("advancing into", D, F),
    t("advancing on", D, F),
    t("advancing toward", D, F),
    t("advancing towards", D, F),
    t("crossed into", D, F),
    t("crossing into", D, F),
    t("pushed into", D, F),
    t("arrived in", D, F),
    t("arrived at", D, F),
    t("arriving in", D, F),
    t("arrive in", D, F),
    t("stationed", D, P),
    t("positioned", D, F),
    t("garrisoned", D, P),
    t("took control of", D, P),
    t("taken control of", D, P),
    t("taking control of", D, P),
    t("take control of", D, P),
    t("established control over", D, P),
    t("captured", D, P),
    t("capturing", D, P),
    t("capture of", D, P),
    t("seized", D, P),
    t("recaptured", D, P),
    t("liberated", D, P),
    t("subjected to fire", S, P),
    t("subjected to intense fire", S, P),
    t("subjected to shelling", S, P),
    t("fire was opened", S, P),
    t("hit", S, W),
    t("landed", S, W),
    t("fell", S, W),
    t("retook", D, P),
    t("retaken", D, P),
    t("took over", D, P),
    t("overran", D, P),
    t("liberation of", D, P),
    t("takeover of", D, P),
    t("handed over", D, P),
    t("returned to", D, F),
    t("peacekeepers", D, N),
    t("peacekeeping contingent", D, N),
    t("peacekeeping force", D, N),
    t("peacekeeping forces", D, N),
    t("peacekeeping mission", D, N),
    t("monitors", D, N),
    t("monitoring mission", D, N),
    t("observer mission", D, N),
    t("mission", D, N),
    t("military base", D, N),
    t("observation post", D, N),
    t("observation posts", D, N),
    t("base", D, N),
    t("bases", D, N),
    t("contingent", D, N),
    t("mercenaries", D, N),
    t("reinforcements", D, N),
];

/// Force nouns that make a movement verb a deployment.
pub const FORCE_NOUNS: &[&str] = &[
    "troops",
    "soldiers",
    "forces",
    "units",
    "peacekeepers",
    "reinforcements",
    "fighters",
    "mercenaries",
    "servicemen",
    "army",
    "contingent",
    "tanks",
    "battalion",
    "battalions",
    "brigade",
    "brigades",
    "personnel",
    "monitors",
    "observers",
    "military",
    "armour",
    "armor",
    "armored",
    "armoured",
    "convoy",
    "division",
    "special forces",
    "commandos",
    "paratroopers",
];

/// The trigger automaton: ASCII case-insensitive, leftmost-longest.
#[allow(clippy::expect_used)] // constant patterns
pub static TRIGGER_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(TRIGGERS.iter().map(|t| t.text))
        .expect("trigger automaton")
});

/// A trigger found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TriggerHit {
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
        TRIGGERS.get(self.trigger).copied().unwrap_or(t("", S, P))
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Stems of every trigger, few enough for the SIMD (Teddy) searcher: the first, fastest pass.
const STEMS: &[&str] = &[
    "shell",
    "strike",
    "struck",
    "attack",
    "bomb",
    "fire",
    "target",
    "pound",
    "hit",
    "raid",
    "deploy",
    "dispatch",
    "sent",
    "send",
    "moved",
    "moving",
    "transport",
    "transfer",
    "relocat",
    "brought",
    "rolled",
    "marched",
    "enter",
    "arriv",
    "advanc",
    "crossed into",
    "crossing into",
    "pushed into",
    "station",
    "positioned",
    "garrison",
    "control",
    "captur",
    "seiz",
    "liberat",
    "takeover",
    "handed",
    "returned",
    "peacekeep",
    "monitor",
    "mission",
    "base",
    "observation post",
    "contingent",
    "mercenar",
    "reinforcement",
    "retook",
    "retaken",
    "landed",
    "fell",
    "took over",
    "overran",
];

#[allow(clippy::expect_used)] // constant patterns
static STEM_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(STEMS)
        .expect("stem automaton")
});

/// Trigger words of `text` on word boundaries.
pub fn find_triggers(text: &str) -> Vec<TriggerHit> {
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
fn may_have_trigger(text: &str) -> bool {
    STEM_AUTOMATON.is_match(text)
}

/// Whether `start..end` of `text` is a whole word (hyphenated words count as one).
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    !is_word_char(before) && !is_word_char(after)
}

/// Whether `text` contains any trigger spelling at all (word boundaries not checked).
pub fn has_trigger(text: &str) -> bool {
    may_have_trigger(text) && TRIGGER_AUTOMATON.is_match(text)
}

fn is_word_part(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// A normalised word: lower-case, typographic apostrophes straightened. Borrowed when the
/// text already is so, kept inline when short, allocated only for long non-ASCII words.
#[derive(Clone, Debug)]
pub enum Word<'a> {
    /// The text itself.
    Borrowed(&'a str),
    /// A short lower-cased ASCII copy.
    Inline([u8; 24], u8),
    /// Anything else.
    Owned(String),
}

impl std::ops::Deref for Word<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Word::Borrowed(s) => s,
            Word::Inline(buf, len) => buf
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Word::Owned(s) => s,
        }
    }
}

impl PartialEq<str> for Word<'_> {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for Word<'_> {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl Word<'_> {
    /// The word as a string slice.
    pub fn as_str(&self) -> &str {
        self
    }
}

fn normal_word(w: &str) -> Word<'_> {
    if !w.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return Word::Borrowed(w);
    }
    if w.is_ascii() && w.len() <= 24 {
        let mut buf = [0u8; 24];
        for (d, b) in buf.iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        return Word::Inline(buf, u8::try_from(w.len()).unwrap_or(0));
    }
    Word::Owned(w.to_lowercase().replace('’', "'"))
}

/// Lower-case words of `text` (apostrophes kept inside words, typographic ones straightened).
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    text.split(|c: char| !is_word_part(c))
        .filter(|w| !w.is_empty())
        .map(normal_word)
}

/// The words of `text` from the last one backwards.
pub fn words_rev(text: &str) -> impl Iterator<Item = Word<'_>> + '_ {
    text.rsplit(|c: char| !is_word_part(c))
        .filter(|w| !w.is_empty())
        .map(normal_word)
}

/// Defines a word-list membership test as one `match` (compiled to a length switch and
/// comparisons; framing and claims look up every word of a clause).
macro_rules! cue_words {
    ($(#[$doc:meta])* $name:ident: $($word:literal),* $(,)?) => {
        $(#[$doc])*
        fn $name(word: &str) -> bool {
            matches!(word, $($word)|*)
        }
    };
}

cue_words! {
    /// Words that make what follows a plan, promise or possibility.
    is_modal_cue:
    "will",
    "would",
    "could",
    "might",
    "may",
    "shall",
    "should",
    "can",
    "cannot",
    "must",
    "plan",
    "plans",
    "planned",
    "planning",
    "threaten",
    "threatens",
    "threatened",
    "threatening",
    "threat",
    "threats",
    "vow",
    "vows",
    "vowed",
    "intend",
    "intends",
    "intended",
    "intention",
    "intentions",
    "ready",
    "prepared",
    "preparing",
    "prepare",
    "prepares",
    "able",
    "capable",
    "capability",
    "capabilities",
    "if",
    "unless",
    "whether",
    "aim",
    "aims",
    "aimed",
    "seek",
    "seeks",
    "sought",
    "try",
    "tries",
    "trying",
    "tried",
    "attempt",
    "attempted",
    "attempting",
    "want",
    "wants",
    "wanted",
    "goal",
    "possible",
    "possibility",
    "potential",
    "potentially",
    "risk",
    "risks",
    "fear",
    "fears",
    "feared",
    "warn",
    "warns",
    "warned",
    "warning",
    "prevent",
    "prevents",
    "avoid",
    "likely",
    "unlikely",
    "urge",
    "urged",
    "urges",
    "demand",
    "demanded",
    "demands",
    "allow",
    "hypothetical",
    "scenario",
    "expect",
    "expected",
    "expects",
    "prospect",
    "imminent",
    "ultimatum",
    "readiness",
    "considering",
    "considered",
    "mulling",
    "contemplating",
    "proposed",
    "proposal",
    "request",
    "requested",
    "requesting",
    "agreed",
    "agrees",
    "decided",
    "decides",
    "approved",
    "approves",
    "pledged",
    "promised",
    "offered",
    "going",
    "instead",
}

cue_words! {
    /// Words that negate or deny what follows.
    is_negation_cue:
    "not",
    "no",
    "never",
    "without",
    "deny",
    "denies",
    "denied",
    "denying",
    "denial",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "dismissed",
    "halt",
    "halted",
    "halts",
    "stop",
    "stopped",
    "stops",
    "cease",
    "ceased",
    "refrain",
    "refrained",
    "nor",
    "neither",
    "false",
    "fake",
    "none",
    "nothing",
    "absence",
    "fabricated",
    "disinformation",
}

cue_words! {
    /// Words that attribute a statement to a party or hedge it.
    is_claim_cue:
    "claim",
    "claims",
    "claimed",
    "claiming",
    "allegedly",
    "alleged",
    "allegation",
    "allegations",
    "alleges",
    "supposedly",
    "reportedly",
    "purportedly",
    "purported",
    "accuse",
    "accused",
    "accuses",
    "accusing",
    "accusation",
    "accusations",
    "according",
    "unconfirmed",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "said",
    "says",
    "saying",
    "stated",
    "states",
    "told",
    "reports",
    "insisted",
    "asserted",
    "blamed",
    "blames",
    "announced",
    "statement",
}

/// Words that end one clause and start another, for the modality window.
const CLAUSE_BREAKS: &[&str] = &[
    " but ",
    " while ",
    " although ",
    " though ",
    " whereas ",
    " however",
    " even though ",
    "; ",
    ": ",
    " — ",
    " – ",
    " -- ",
    // coordinated clauses: "Armenian forces withdrew from Aghdam, and Azerbaijani troops entered"
    ", and ",
];

#[allow(clippy::expect_used)] // constant patterns
static CLAUSE_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(CLAUSE_BREAKS)
        .expect("clause automaton")
});

/// Start of the clause that holds byte `at` of `sentence`.
pub fn clause_start(sentence: &str, at: usize) -> usize {
    let before = sentence.get(..at).unwrap_or_default();
    CLAUSE_AUTOMATON
        .find_overlapping_iter(before)
        .map(|m| m.end())
        .max()
        .unwrap_or(0)
}

/// How a trigger is framed by the words before it in its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framing {
    /// Stated as having happened.
    Factual,
    /// Future, threat, plan, condition, possibility: not an event.
    Modal,
    /// Negated or denied: not an event.
    Negated,
}

/// Framing of the trigger at `trigger_start` in `sentence` from its clause.
pub fn framing(sentence: &str, trigger_start: usize) -> Framing {
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
        if is_modal_cue(w) || w.ends_with("'ll") || w.ends_with("'d") {
            return Framing::Modal;
        }
    }
    // "to" + a base-form trigger after an intention verb is caught above; "in order to" here.
    if window
        .as_bytes()
        .windows(11)
        .any(|w| w.eq_ignore_ascii_case(b"in order to"))
    {
        return Framing::Modal;
    }
    Framing::Factual
}

/// Whether the sentence attributes what it says to a party or hedges it.
pub fn is_claim(sentence: &str, trigger_start: usize) -> bool {
    let quoted_open = sentence
        .get(..trigger_start)
        .unwrap_or_default()
        .chars()
        .filter(|&c| c == '“')
        .count()
        > sentence
            .get(..trigger_start)
            .unwrap_or_default()
            .chars()
            .filter(|&c| c == '”')
            .count();
    if quoted_open {
        return true;
    }
    // a claim word, or "officials reported" (but not "shelling was reported")
    let mut previous: Option<Word<'_>> = None;
    for w in words(sentence) {
        if is_claim_cue(w.as_str()) {
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
        previous = Some(w);
    }
    false
}

/// Stems of every denial verb below (as written, like the words compared): one SIMD pass
/// (Teddy) rules most sentences out.
#[allow(clippy::expect_used)] // constant patterns
static DENIAL_STEMS: LazyLock<aho_corasick::packed::Searcher> = LazyLock::new(|| {
    aho_corasick::packed::Searcher::new(["deni", "deny", "eject", "refut", "dismissed"])
        .expect("denial searcher")
});

/// Whether the sentence denies earlier claims ("The Armenian side denied the accusations").
pub fn denies_claims(sentence: &str) -> bool {
    if DENIAL_STEMS.find(sentence).is_none() {
        return false;
    }
    let (mut denial, mut object) = (false, false);
    for w in words(sentence) {
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

#[allow(clippy::expect_used)] // constant patterns
static FORCE_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(FORCE_NOUNS)
        .expect("force automaton")
});

/// Weapons that make "hit", "landed" or "fell" a strike.
const WEAPONS: &[&str] = &[
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "shell",
    "shells",
    "drone",
    "drones",
    "projectile",
    "projectiles",
    "artillery",
    "bomb",
    "bombs",
    "mortar",
    "mortars",
    "munitions",
    "grad",
    "smerch",
    "strikes",
];

/// Whether a weapon is named within the three words before `at` ("Rockets also hit …").
pub fn weapon_before(sentence: &str, at: usize) -> bool {
    words_rev(sentence.get(..at).unwrap_or_default())
        .take(3)
        .any(|w| WEAPONS.contains(&&*w))
}

/// Whether "by" and a weapon follow within a few words ("hit by a Scud missile").
pub fn weapon_after_by(sentence: &str, end: usize) -> bool {
    let mut after = words(sentence.get(end..).unwrap_or_default()).take(5);
    after.next().is_some_and(|w| w == "by") && after.any(|w| WEAPONS.contains(&w.as_str()))
}

/// Whether a force noun occurs in `text` as a word.
pub fn mentions_force(text: &str) -> bool {
    FORCE_AUTOMATON.find_iter(text).any(|m| {
        let before = text.get(..m.start()).and_then(|s| s.chars().next_back());
        let after = text.get(m.end()..).and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Words saying a deployment is leaving, not arriving.
pub fn is_withdrawal(clause: &str) -> bool {
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

/// The side a word names, if any.
pub fn side_of(word: &str) -> Option<&'static str> {
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
pub fn actor(sentence: &str, trigger_start: usize, trigger_end: usize) -> Option<&'static str> {
    let after = sentence.get(trigger_end..).unwrap_or_default();
    let mut after_words = words(after).take(4);
    if matches!(after_words.next().as_deref(), Some("by" | "from"))
        && let Some(side) = after_words.find_map(|w| side_of(&w))
    {
        return Some(side);
    }
    // the nearest side before the trigger, preferring its own clause ("Azerbaijan accused Armenia of …")
    let start = clause_start(sentence, trigger_start);
    let window = sentence.get(start..trigger_start).unwrap_or_default();
    words_rev(window)
        .find_map(|w| side_of(&w))
        .or_else(|| words_rev(sentence.get(..start).unwrap_or_default()).find_map(|w| side_of(&w)))
}

/// The target: the first side named within a few words after the trigger.
pub fn target(sentence: &str, trigger_end: usize) -> Option<&'static str> {
    let after = sentence.get(trigger_end..).unwrap_or_default();
    words(after).take(6).find_map(|w| side_of(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefilter_and_boundaries() {
        assert!(has_trigger("Stepanakert was SHELLED overnight"));
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
    fn claims_and_sides() {
        let s = "Azeri Ministry of Defense claims that Armenian soldiers supposedly opened fire at Azeri troops in Gadabay.";
        let at = s.find("opened").unwrap_or(0);
        assert!(is_claim(s, at));
        assert_eq!(actor(s, at, at + 11), Some("Armenia"));
        assert_eq!(target(s, at + 11), Some("Azerbaijan"));
        assert!(denies_claims("The Armenian side denied the accusations."));
        assert!(!is_claim("Azerbaijani troops shelled Martakert.", 18));
    }
}
