//! The date patterns: regular expressions in verbose form for each family of date
//! expression, one combined pattern without captures that finds where to look, literal gates
//! that rule out families a window cannot hold, and small helpers over capture groups.

use std::sync::LazyLock;

use regex::Regex;

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
];

pub(super) struct Patterns {
    /// Every pattern below in one alternation without captures: one fast pass finds where to look.
    pub(super) any: Regex,
    pub(super) day_month: Capturing,
    pub(super) month_day: Capturing,
    pub(super) month_year: Capturing,
    pub(super) month_only: Capturing,
    pub(super) year: Capturing,
    pub(super) numeric: Capturing,
    pub(super) relative: Capturing,
    pub(super) day_of_fighting: Capturing,
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
    pub(super) fn name(&self, name: &str) -> Option<Group<'t>> {
        self.group(self.caps.get_group_by_name(name))
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
    let re = |p: &str| Regex::new(p).expect("date pattern");
    let cap = |p: &str| Capturing::new(p).expect("date pattern");
    let ord = ORDINALS.join("|");
    let sources = pattern_sources(&ord);
    let stripped: Vec<String> = sources
        .iter()
        .map(|p| format!("(?:{}\n)", strip_groups(p)))
        .collect();
    let any = re(&stripped.join("|"));
    let [
        day_month,
        month_day,
        month_year,
        month_only,
        year,
        numeric,
        relative,
        day_of_fighting,
    ] = sources;
    Patterns {
        any,
        day_month: cap(&day_month),
        month_day: cap(&month_day),
        month_year: cap(&month_year),
        month_only: cap(&month_only),
        year: cap(&year),
        numeric: cap(&numeric),
        relative: cap(&relative),
        day_of_fighting: cap(&day_of_fighting),
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

/// A month name or abbreviation, with an optional full stop ("Sept.").
const MONTH: &str = r"
    (?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?
           |sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

/// The capturing patterns, in verbose syntax (`(?x)`: whitespace and `#` comments ignored),
/// ASCII-only (`-u`), case-insensitive. `ord` is the alternation of ordinal words.
fn pattern_sources(ord: &str) -> [String; 8] {
    let day_month = format!(
        r"(?xi-u)
        (?-u:\b) (?P<day>\d{{1,2}}) (?:st|nd|rd|th)?      # 4, 4th
        \s+ (?:of\s+)? {MONTH}                            # October, of Oct.
        (?: ,?\s+ (?P<year>(?:19|20)\d\d) )?              # , 2020
        (?-u:\b)"
    );
    let month_day = format!(
        r"(?xi-u)
        (?-u:\b) {MONTH} \s+                              # October, Sept.
        (?P<day>\d{{1,2}}) (?:st|nd|rd|th)? (?-u:\b)      # 4, 4th
        (?: ,?\s+ (?P<year>(?:19|20)\d\d) (?-u:\b) )?     # , 2020"
    );
    let month_year = format!(
        r"(?xi-u)
        (?-u:\b)
        (?: (?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of
                    |the\s+start\s+of) [\s-]+ )?          # mid-, the end of
        {MONTH} (?:\s+of)? ,?\s+                          # October, October of
        (?P<year>(?:19|20)\d\d) (?-u:\b)                  # 2020"
    );
    let month_only = format!(
        r"(?xi-u)
        (?-u:\b)
        (?P<prep>in|since|during|until|by|from|early|mid|late|last|this
                |the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of) [\s-]+
        {MONTH} (?-u:\b)                                  # in March, mid-October"
    );
    let year = r"(?xi-u)
        (?-u:\b)
        (?P<prep>in|during|of|since|until|by|from|throughout) \s+
        (?:early\s+|mid-|late\s+)?                        # in early 2021
        (?P<year>(?:19|20)\d\d) (?-u:\b)"
        .to_owned();
    let numeric = r"(?xi-u)
        (?-u:\b)
        (?: (?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)               # 2020-09-27
          | (?P<dd>\d{1,2})[./](?P<dm>\d{1,2})[./](?P<dy>(?:19|20)\d\d)   # 27.09.2020, 27/09/2020
        )
        (?-u:\b)"
        .to_owned();
    let relative = r"(?xi-u)
        (?-u:\b)
        (?P<rel>
            today | tonight | this\s+(?:morning|afternoon|evening)
          | yesterday | last\s+night | overnight
          | the\s+(?:previous|preceding)\s+(?:day|night|evening) | the\s+day\s+before
          | (?P<n>two|three|four|five|six|\d)\s+days\s+ago
          | (?P<an>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})
            \s+(?P<unit>weeks?|months?|years?)\s+ago
          | (?:on\s+)? (?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)
            (?:'s|’s)?                                    # Saturday's attacks
          | last\s+week | (?:earlier\s+)?this\s+week
          | (?:this|last|over\s+the|at\s+the)\s+weekend
          | last\s+month | (?:earlier\s+)?this\s+month
          | last\s+year | the\s+previous\s+year
          | in\s+(?P<pm>january|february|march|april|may|june|july|august|september|october
                       |november|december)
            \s+of\s+(?:the\s+)?(?:previous|last)\s+year
          | last\s+(?P<lm>january|february|march|april|june|july|august|september|october
                         |november|december)
          # the future: found so that a sentence about it reports no event
          | tomorrow
          | next\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)
          | in\s+the\s+coming\s+(?:days|weeks)
        )
        (?-u:\b)"
        .to_owned();
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
    [
        day_month,
        month_day,
        month_year,
        month_only,
        year,
        numeric,
        relative,
        day_of_fighting,
    ]
}
