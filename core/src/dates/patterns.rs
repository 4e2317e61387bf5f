//! The date patterns: regular expressions in verbose form for each family of date
//! expression, one combined pattern without captures that finds where to look, literal gates
//! that rule out families a window cannot hold, and small helpers over capture groups.

use std::sync::LazyLock;

use regex::Regex;

/// Ordinal words, first to thirty-first, as dates and day counts write them.
pub(super) const ORDINALS: &[&str] = &[
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

/// The families of date expression, each one capturing pattern.
pub(super) struct Patterns {
    /// Every pattern below in one alternation without captures: one fast pass finds where to look.
    pub(super) any: Regex,
    /// The same patterns as a set, in the order of [`Patterns::families`]: which of them match
    /// somewhere in a window, so that only those run their capture search there.
    pub(super) set: regex::RegexSet,
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

impl Patterns {
    /// The capturing patterns, in the order of their sources (and of [`Patterns::set`]).
    fn families(&self) -> [&Capturing; 15] {
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
    // a lazy DFA cache big enough for the combined pattern not to be rebuilt over and over
    let cache = 16 * 1024 * 1024;
    let re = |p: &str| {
        regex::RegexBuilder::new(p)
            .dfa_size_limit(cache)
            .build()
            .expect("date pattern")
    };
    let cap = |p: &str| {
        Capturing::builder()
            .configure(Capturing::config().hybrid_cache_capacity(cache))
            .build(p)
            .expect("date pattern")
    };
    let mut ordinals: Vec<&str> = ORDINALS.to_vec();
    ordinals.sort_by_key(|o| std::cmp::Reverse(o.len()));
    let sources = pattern_sources(&ordinals.join("|"));
    let stripped: Vec<String> = sources
        .iter()
        .map(|p| format!("(?:{}\n)", strip_groups(p)))
        .collect();
    let any = re(&stripped.join("|"));
    let set = regex::RegexSetBuilder::new(&stripped)
        .dfa_size_limit(cache)
        .build()
        .expect("date patterns");
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

/// Named groups become plain groups, for the combined pattern.
fn strip_groups(pattern: &str) -> String {
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
fn pattern_sources(ord: &str) -> [String; 15] {
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
