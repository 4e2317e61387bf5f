//! Every word list the extractor reads, in one place. A legend:
//!
//! - [`TRIGGERS`]: the words that report an event, with the kind they report and the [`Form`]
//!   their use must have ("shelled" as it stands; "targeted" only with an object; "entered" only
//!   with a force in the sentence); [`STEMS`] a stem of each, for the cheap first pass.
//! - [`FORCE_NOUNS`] (troops, peacekeepers…) and [`WEAPONS`] (rockets, drones…): what makes a
//!   movement verb a deployment and "hit" or "fell" a strike.
//! - Cue words: `is_modal_cue` (threats, plans, conditions: not events), `is_negation_cue`
//!   (denied or negated: not events), [`CLAIM_CUES`] (attributed or hedged: claimed events);
//!   [`CLAUSE_BREAKS`] bound the window these cues are read in.
//! - Place grammar: `is_locative` prepositions that govern a place, `is_skippable` words that
//!   may stand between a preposition and its place, `is_non_event_verb` verbs whose place is
//!   not an event's ("fled to", "met in"), `is_speaker` who speaks from a place,
//!   [`ANAPHORA`] that point back at a place ("the town").
//!
//! Side names (actor and target) are in `sides`; caption cues in `modality`.

use crate::model::{EventKind, PlaceKind};

/// How a trigger word must be used to report an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Form {
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
    /// A plain verb that reports a strike only with a weapon named before it ("rockets also hit
    /// Martuni"), after it ("fired a Scud missile at") or after "by" ("hit by a drone").
    NeedsWeapon,
    /// A verb of movement used of forces: right after a force noun or "then", "further",
    /// "had", and heading somewhere ("into", "toward", "kilometres") within a few words —
    /// "troops advanced several kilometres into", not "received advanced systems".
    Movement,
    /// "fire" aimed at something ("began to fire intensively at the positions"): after "to",
    /// "began" or "continued", or with a weapon in the sentence, and "at", "on" or "upon" close
    /// after.
    AimedFire,
}

/// One trigger spelling.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Trigger {
    /// Lower-case spelling.
    pub(crate) text: &'static str,
    /// What it reports.
    pub(crate) kind: EventKind,
    /// How it must be used.
    pub(crate) form: Form,
}

pub(super) const fn t(text: &'static str, kind: EventKind, form: Form) -> Trigger {
    Trigger { text, kind, form }
}

use EventKind::{Deployment as D, Strike as S};
use Form::{
    AimedFire as A, Intransitive as I, Movement as M, NeedsForce as F, NeedsWeapon as W,
    Plain as P, PrepNoun as N, Transitive as T,
};

/// Every trigger spelling. Longer spellings win over their prefixes ("drone strikes" over "strikes").
pub(crate) const TRIGGERS: &[Trigger] = &include!("trigger_table.rs");

/// Force nouns that make a movement verb a deployment.
pub(crate) const FORCE_NOUNS: &[&str] = &[
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

/// Stems of every trigger, few enough for the SIMD (Teddy) searcher: the first, fastest pass.
pub(super) const STEMS: &[&str] = &[
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
    "protect",
    "launch",
    "cross",
    "explosion",
    "shot",
];

/// Weapons that make "hit", "landed" or "fell" a strike.
pub(super) const WEAPONS: &[&str] = &[
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
    "scud",
    "scud-b",
    "tochka",
    "tochka-u",
    "iskander",
    "ballistic",
    "uav",
    "uavs",
    "howitzer",
    "howitzers",
    "rpg",
    "kamikaze",
];

/// Defines a word-list membership test as one `match` (compiled to a length switch and
/// comparisons; framing and claims look up every word of a clause).
macro_rules! cue_words {
    ($(#[$doc:meta])* $name:ident: $($word:literal),* $(,)?) => {
        $(#[$doc])*
        pub(super) fn $name(word: &str) -> bool {
            matches!(word, $($word)|*)
        }
    };
    // the words as a list, for an automaton that finds them all in one pass
    ($(#[$doc:meta])* const $list:ident: $($word:literal),* $(,)?) => {
        $(#[$doc])*
        pub(super) const $list: &[&str] = &[$($word),*];
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
    "failed",
    "fails",
    "unsuccessfully",
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
    const CLAIM_CUES:
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
    "recalled",
    "noted",
    "added",
}

/// Words that end one clause and start another, for the modality window.
pub(super) const CLAUSE_BREAKS: &[&str] = &[
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
    // a report after a denial: "rejected the accusation and said Azerbaijani troops had fired"
    " and said ",
    " and added ",
    " and claimed ",
    " and stated ",
    ", saying ",
];

/// Words after which a clause tells another happening: the window of a withdrawal ends there
/// ("troops entered Lachin after the last residents had left").
pub(super) const SUBORDINATORS: &[&str] = &[
    " after ",
    " as ",
    " when ",
    " once ",
    " because ",
    " since ",
    " before ",
    " until ",
];

cue_words! {
    /// Prepositions that govern a place ("in", "near", "towards").
    is_locative:
    "in",
    "into",
    "inside",
    "on",
    "at",
    "across",
    "against",
    "toward",
    "towards",
    "near",
    "over",
    "to",
    "throughout",
    "within",
    "around",
    "outside",
    "upon",
}

cue_words! {
    /// Words that may stand between a preposition and its place ("the occupied city of").
    is_skippable:
    "the",
    "a",
    "an",
    "southern",
    "northern",
    "eastern",
    "western",
    "central",
    "occupied",
    "city",
    "town",
    "village",
    "capital",
    "of",
    "azeri",
    "azerbaijani",
    "armenian",
    "disputed",
    "region",
    "breakaway",
    "border",
    "district",
    "province",
    "territory",
    "itself",
}

cue_words! {
    /// Verbs whose place is not where a strike or deployment happened.
    is_non_event_verb:
    "according",
    "fled",
    "flee",
    "flees",
    "fleeing",
    "escaped",
    "evacuated",
    "visited",
    "visit",
    "visiting",
    "travelled",
    "traveled",
    "met",
    "meet",
    "meeting",
    "lives",
    "lived",
    "living",
    "born",
    "exiled",
    "deported",
    "displaced",
    "welcomed",
    "hosted",
    // ceremonies and meetings held at a place
    "unveiled",
    "inaugurated",
    "held",
    "commemorated",
    "signed",
    "announced",
}

cue_words! {
    /// Who speaks from a place: "the defence ministry in Baku said", "officials in Yerevan".
    is_speaker:
    "ministry",
    "officials",
    "official",
    "authorities",
    "government",
    "sources",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "embassy",
    "correspondent",
    "reporters",
    "journalists",
    "analysts",
    "diplomats",
    "press",
    "office",
    "headquarters",
}

/// Words that point back at a place named earlier, and what kind of place they can mean.
pub(super) const ANAPHORA: &[(&str, Anaphor)] = &[
    ("the area", Anaphor::Any),
    ("the region", Anaphor::Region),
    ("the enclave", Anaphor::Region),
    ("the territory", Anaphor::Region),
    ("the city", Anaphor::Town),
    ("the town", Anaphor::Town),
    ("the village", Anaphor::Village),
    ("the settlement", Anaphor::Settlement),
    ("the district", Anaphor::District),
];

/// What an anaphoric phrase can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Anaphor {
    /// Any place but a country.
    Any,
    /// A region (Nagorno-Karabakh), or the article's main region.
    Region,
    /// A city or town.
    Town,
    /// A village.
    Village,
    /// A city, town or village.
    Settlement,
    /// A district or province.
    District,
}

impl Anaphor {
    pub(super) fn accepts(self, kind: PlaceKind) -> bool {
        match self {
            Self::Any => kind != PlaceKind::Country,
            Self::Region => kind == PlaceKind::Region,
            Self::Town => matches!(kind, PlaceKind::City | PlaceKind::Town),
            Self::Village => kind == PlaceKind::Village,
            Self::Settlement => {
                matches!(kind, PlaceKind::City | PlaceKind::Town | PlaceKind::Village)
            }
            Self::District => matches!(kind, PlaceKind::District | PlaceKind::Province),
        }
    }
}
