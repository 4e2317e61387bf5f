//! The sources of the date patterns, one per family of date expression, and how the two
//! automata without captures are compiled from them: the combined pattern that finds where to
//! look and the set that tells which families match in a window. The build script
//! (`core/build.rs`) compiles those two once, at build time, and the date finder loads them
//! (see [`super::patterns`]); the capturing patterns are compiled at run time from the same
//! sources. This file uses nothing of the crate, as the build script includes it too.

use regex_automata::MatchKind;
use regex_automata::dfa::{StartKind, dense, regex};

/// Ordinal words, first to thirty-first, as dates and day counts write them.
pub const ORDINALS: &[&str] = &[
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
];

/// The ordinal words as one alternation, longest first (so that "twenty-first" is not read
/// as "twenty").
pub fn ordinal_alternation() -> String {
    let mut ordinals: Vec<&str> = ORDINALS.to_vec();
    ordinals.sort_by_key(|o| std::cmp::Reverse(o.len()));
    ordinals.join("|")
}

/// Each family's pattern without its named groups, closed on its own line (a verbose
/// pattern's last line may end in a comment).
pub fn stripped(sources: &[String]) -> Vec<String> {
    sources
        .iter()
        .map(|p| format!("(?:{}\n)", strip_groups(p)))
        .collect()
}

/// The combined pattern: every family in one leftmost-first alternation, as a forward and a
/// reverse dense DFA (the forward one finds where a match ends, the reverse one where it
/// starts).
pub fn compile_any(stripped: &[String]) -> Result<regex::Regex, Box<dense::BuildError>> {
    regex::Builder::new()
        .dense(dense::Config::new().minimize(true))
        .build(&stripped.join("|"))
        .map_err(Box::new)
}

/// The families as a set: a dense DFA that reports every family matching anywhere in a
/// haystack, or at its start in an anchored search (pattern `k` is family `k`).
pub fn compile_set(stripped: &[String]) -> Result<dense::DFA<Vec<u32>>, Box<dense::BuildError>> {
    dense::Builder::new()
        .configure(
            dense::Config::new()
                .match_kind(MatchKind::All)
                .start_kind(StartKind::Both)
                .minimize(true)
                .accelerate(false),
        )
        .build_many(stripped)
        .map_err(Box::new)
}

/// Named groups become plain groups, for the combined pattern.
pub fn strip_groups(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = rest.find("(?P<") {
        out.push_str(rest.get(..i).unwrap_or_default());
        out.push_str("(?:");
        let after = rest.get(i + 4..).unwrap_or_default();
        rest = after
            .get(after.find('>').map_or(0, |j| j + 1)..)
            .unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// A month name or abbreviation with an optional full stop ("Sept."), captured as `group`.
fn month(group: &str) -> String {
    format!(
        r"(?P<{group}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?
           |sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    )
}

/// A day of the month in digits, with an optional ordinal suffix ("4", "4th"), as `group`.
fn day(group: &str) -> String {
    format!(r"(?P<{group}>\d{{1,2}})(?:st|nd|rd|th)?")
}

const WEEKDAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const MONTH_NAMES: &str =
    "january|february|march|april|may|june|july|august|september|october|november|december";
const COUNTS: &str =
    r"a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|\d{1,2}";
/// Words that mark part of a month: "mid-October", "the end of April", "at the beginning of".
const MONTH_PART: &str = r"early|mid|late|(?:at\s+)?(?:the\s+)?(?:end|beginning|start|middle)\s+of";

/// The capturing patterns, in verbose syntax (`(?x)`: whitespace and `#` comments ignored),
/// ASCII-only (`-u`), case-insensitive unless a group says otherwise. `ord` is the alternation
/// of ordinal words.
pub fn pattern_sources(ord: &str) -> [String; 15] {
    let (mon, m1, m2) = (month("mon"), month("m1"), month("m2"));
    let (d, d1, d2) = (day("day"), day("d1"), day("d2"));
    let year = r"(?P<year>(?:19|20)\d\d)";
    let day_month = format!(
        r"(?xi-u)
        (?-u:\b)
        (?: {d} (?:\s+day)? \s+ (?:of\s+)?                 # 4, 4th, 3rd day of
          | (?:the\s+)? (?P<dword>{ord}) (?:\s+day)? \s+ of\s+   # the first of, third day of
        )
        {mon} (?: ,?\s+ {year} )? (?-u:\b)                # October, October 2020"
    );
    let month_day = format!(
        r"(?xi-u)
        (?-u:\b) {mon} \s+ (?:the\s+)?                    # October, February the
        (?: {d} | (?P<dword>{ord}) ) (?-u:\b)             # 4, 4th, first
        (?: ,?\s+ {year} (?-u:\b) )?                      # , 2020"
    );
    let day_range = format!(
        r"(?xi-u)
        (?-u:\b)
        (?: from\s+ | between\s+ | (?:on\s+)?the\s+night\s+of\s+ )?
        {d1} (?: \s+ (?:of\s+)? {m1} )?                  # 13, 30 September
        \s* (?: - | – | — | to | and | until | till | through | into ) \s*
        {d2} \s+ (?:of\s+)? {mon}                         # 15 July
        (?: ,?\s+ {year} )? (?-u:\b)"
    );
    let month_day_range = format!(
        r"(?xi-u)
        (?-u:\b) {mon} \s+ {d1}                           # July 13
        \s* (?: - | – | — | to | and | until | through ) \s*
        (?: {m2} \s+ )? {d2} (?-u:\b)                     # 15, October 2
        (?: ,?\s+ {year} (?-u:\b) )?"
    );
    let month_year = format!(
        r"(?xi-u)
        (?-u:\b)
        (?: (?P<part>{MONTH_PART}) [\s-]+ )?              # mid-, the end of
        {mon} (?:\s+of)? ,?\s+                            # October, October of
        {year} (?-u:\b)                                   # 2020"
    );
    let month_only = format!(
        r"(?xi-u)
        (?-u:\b)
        (?P<prep>in|since|during|until|by|from|last|this|{MONTH_PART}) [\s-]+
        {mon} (?-u:\b)                                    # in March, mid-October"
    );
    let year_only = format!(
        r"(?xi-u)
        (?-u:\b)
        (?: (?P<prep>in|during|of|since|until|by|from|throughout) \s+
            (?: (?P<ypart>{MONTH_PART}) [\s-]+ )?          # in early 2021
            (?P<year>(?:19|20)\d\d)
          | (?P<ypart2>{MONTH_PART}) [\s-]+ (?P<year2>(?:19|20)\d\d)    # mid-2021, the end of 2021
          | (?:in\s+)? the \s+ (?P<decade>(?:19|20)\d0)s  # the 1990s
        )
        (?-u:\b)"
    );
    let numeric = r"(?xi-u)
        (?-u:\b)
        (?: (?P<iy>(?:19|20)\d\d)[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})     # 2020-09-27
          | (?P<dd>\d{1,2})[./-](?P<dm>\d{1,2})[./-](?P<dy>(?:19|20)\d\d)     # 27.09.2020
        )
        (?-u:\b)"
        .to_owned();
    let relative = format!(
        r"(?xi-u)
        (?-u:\b)
        (?P<rel>
            the\s+day\s+before\s+yesterday
          | today | tonight | this\s+(?:morning|afternoon|evening)
          | yesterday | last\s+night | overnight
          # told from the date before them in the story
          | (?P<later>(?:the\s+)?(?:following|next)\s+(?:day|morning|evening|night)
              | the\s+day\s+after)
          | (?P<ln>{COUNTS})\s+days?\s+later
          | (?P<en>{COUNTS})\s+days?\s+(?:earlier|before)
          | (?P<same>(?:later\s+)?that\s+(?:day|night|evening|morning|afternoon)
              | the\s+same\s+(?:day|night|evening))
          | (?P<before>the\s+(?:previous|preceding)\s+(?:day|night|evening) | the\s+day\s+before)
          | (?P<n>{COUNTS})\s+days?\s+ago
          | (?P<an>{COUNTS})\s+(?P<unit>weeks?|months?|years?|fortnights?)\s+ago
          | (?:the\s+)?(?:last|past|previous)\s+(?P<pn>{COUNTS})\s+(?P<punit>days|weeks|months)
          | (?:the\s+)?past\s+(?P<pw>week|month|year)
          | (?:the\s+)?previous\s+(?P<prev>week|month|year)
          | (?:last|this\s+past|the\s+previous)\s+(?P<lwd>{WEEKDAYS})
          | (?:on\s+)? (?P<wd>{WEEKDAYS}) (?:'s|’s)?       # Saturday's attacks
          | (?:on|last|this\s+past)\s+ (?P<wda>mon|tues?|wed|thu(?:rs?)?|fri|sat|sun) \.?
          | last\s+week | (?:earlier\s+)?this\s+week
          | (?:this|last|over\s+the|at\s+the)\s+weekend
          | (?P<lmp>early|late|mid|(?:at\s+)?the\s+(?:end|beginning|start|middle)\s+of)[\s-]+last\s+month
          | last\s+month | (?:earlier\s+)?this\s+month
          | (?:at\s+)?the\s+(?P<tmp>end|beginning|start|middle)\s+of\s+(?:the|this)\s+month
          | (?:earlier\s+)?this\s+year
          | last\s+year | the\s+previous\s+year
          | in\s+(?P<pm>{MONTH_NAMES})\s+of\s+(?:the\s+)?(?:previous|last)\s+year
          | last\s+(?P<lm>january|february|march|april|june|july|august|september|october
                         |november|december)
          # the future: found so that a sentence about it reports no event
          | tomorrow
          | next\s+(?:week|month|year|{WEEKDAYS})
          | in\s+the\s+coming\s+(?:days|weeks|months)
          | in\s+(?:a|one|two|three|four|five|\d{{1,2}})\s+(?:days?|weeks?|months?)
        )
        (?-u:\b)"
    );
    let day_of_fighting = format!(
        r"(?xi-u)
        (?-u:\b)
        (?: (?:into|on|for)\s+(?:its|a|the)\s+                            # into a fifth day
            (?P<o1>{ord}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day
          | (?:the|its)\s+(?P<o2>{ord}|\d{{1,2}}(?:st|nd|rd|th))\s+day\s+of\s+(?:the\s+)?
            (?:fighting|war|clashes|hostilities|conflict|offensive|operation)  # the 5th day of the war
          | day\s+(?P<o3>\d{{1,2}})\s+of\s+(?:the\s+)?
            (?:fighting|war|clashes|hostilities|conflict|offensive)          # day 5 of the fighting
        )
        (?-u:\b)"
    );
    let month_portion = format!(
        r"(?xi-u)
        (?-u:\b) (?:the\s+)?
        (?P<which>first|second|third|fourth|last) \s+ (?P<unit>day|week) \s+ of \s+
        {mon} (?: ,?\s+ {year} )? (?-u:\b)               # the last day of October, first week of May"
    );
    let nth_weekday = format!(
        r"(?xi-u)
        (?-u:\b) (?:the\s+)?
        (?P<nth>first|second|third|fourth|last) \s+ (?P<nwd>{WEEKDAYS}) \s+ (?:of|in) \s+
        {mon} (?: ,?\s+ {year} )? (?-u:\b)               # the first Tuesday of October"
    );
    let ordinal_day = format!(
        r"(?xi-u)
        (?-u:\b) (?: on | (?:{WEEKDAYS}) ,? ) \s+ the \s+
        (?P<od>\d{{1,2}}(?:st|nd|rd|th)) (?-u:\b)        # on the 15th, Friday the 18th"
    );
    let season = r"(?xi-u)
        (?-u:\b) (?:in\s+)? (?:the\s+)?
        (?P<season>spring|summer|autumn|fall|winter) \s+ (?:of\s+)?
        (?P<year>(?:19|20)\d\d) (?-u:\b)                 # the summer of 2020"
        .to_owned();
    // case-sensitive: a capitalised month alone ("May" is left to the patterns with a day or
    // a preposition, as it is also a verb)
    let bare_month = r"(?x-u)
        (?-u:\b)
        (?P<bare>January|February|March|April|June|July|August|September|October|November
                |December)
        (?-u:\b)"
        .to_owned();
    [
        day_month,
        month_day,
        day_range,
        month_day_range,
        month_year,
        month_only,
        year_only,
        numeric,
        relative,
        day_of_fighting,
        nth_weekday,
        ordinal_day,
        season,
        bare_month,
        month_portion,
    ]
}
