//! Date expressions in English news text and their resolution to day intervals.
//!
//! [`find_dates`] finds absolute ("4 October", "Sept. 27, 2020", "in mid-October"), partial
//! ("in March", "in 2020") and relative ("yesterday", "on Saturday", "the previous day",
//! "the fifth day of fighting") expressions; [`resolve`] turns one into a [`DateSpan`] given the
//! reference date of the text around it. Calendar arithmetic is chrono's.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use regex::Regex;

use crate::model::{DateSource, DateSpan, Precision};

/// Part of a month named by "early", "mid" or "late".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthPart {
    /// Days 1–10.
    Early,
    /// Days 11–20.
    Mid,
    /// Day 21 to the end.
    Late,
}

/// A relative date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relative {
    /// "today", "tonight", "this morning".
    Today,
    /// "yesterday", "last night", "the previous day", "the day before".
    Yesterday,
    /// "N days ago".
    DaysAgo(i64),
    /// "on Saturday", "Saturday's": that day or the most recent one before the reference.
    Weekday(Weekday),
    /// "last week".
    LastWeek,
    /// "this week", "earlier this week".
    ThisWeek,
    /// "this weekend", "last weekend" (the most recent Saturday and Sunday).
    Weekend,
    /// "last month".
    LastMonth,
    /// "this month", "earlier this month".
    ThisMonth,
    /// "last year", "the previous year".
    LastYear,
    /// "in September of the previous year", "last September".
    MonthLastYear(u32),
    /// "the fifth day of fighting": day N counted from the outbreak (day 1).
    DayOfFighting(u32),
    /// "three weeks ago": the week N weeks before the reference.
    WeeksAgo(u32),
    /// "two months ago", "a year ago": the month that many months before the reference.
    MonthsAgo(u32),
}

/// What a date expression says, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateValue {
    /// A day of a month, with or without a year.
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// A month, or part of one, with or without a year.
    Month {
        year: Option<i32>,
        month: u32,
        part: Option<MonthPart>,
    },
    /// A year.
    Year(i32),
    /// Relative to the reference date.
    Relative(Relative),
}

/// How a date expression relates to the events of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateRole {
    /// The time of what the sentence reports.
    At,
    /// "since …", "until …", "before …": a bound, not the time of the event.
    Bound,
    /// "tomorrow", "next week": the future.
    Future,
}

/// A date expression found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the expression in the searched text.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// What it says.
    pub value: DateValue,
    /// How it relates to the sentence's events.
    pub role: DateRole,
}

const MONTH: &str = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const ORDINALS: &[&str] = &[
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

struct Patterns {
    /// Every pattern below in one alternation without captures: one fast pass finds where to look.
    any: Regex,
    day_month: Capturing,
    month_day: Capturing,
    month_year: Capturing,
    month_only: Capturing,
    year: Capturing,
    numeric: Capturing,
    relative: Capturing,
    day_of_fighting: Capturing,
}

/// A pattern with named groups, run anchored at a place the combined pattern found.
type Capturing = regex_automata::meta::Regex;

/// One match of a [`Capturing`] pattern in `text`, with `regex`-like accessors.
struct Caps<'t> {
    text: &'t str,
    caps: regex_automata::util::captures::Captures,
}

/// A matched group.
#[derive(Clone, Copy)]
struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn as_str(&self) -> &'t str {
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
    fn get(&self, index: usize) -> Option<Group<'t>> {
        self.group(self.caps.get_group(index))
    }
    fn name(&self, name: &str) -> Option<Group<'t>> {
        self.group(self.caps.get_group_by_name(name))
    }
}

/// The match of `re` that starts at the start of `text` (`anchored`), or all its matches.
fn matches<'t>(re: &Capturing, text: &'t str, anchored: bool) -> Vec<Caps<'t>> {
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
fn leftmost<'t>(re: &Capturing, text: &'t str) -> Option<Caps<'t>> {
    let mut caps = re.create_captures();
    re.search_captures(&regex_automata::Input::new(text), &mut caps);
    caps.is_match().then_some(Caps { text, caps })
}

#[allow(clippy::expect_used)] // the patterns are constants, checked by every test
static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("date pattern");
    let cap = |p: &str| Capturing::new(p).expect("date pattern");
    let ord = ORDINALS.join("|");
    let sources = pattern_sources(&ord);
    let stripped: Vec<String> = sources
        .iter()
        .map(|p| strip_groups(p.trim_start_matches("(?i-u)")))
        .collect();
    let any = re(&format!(
        "(?i-u){}",
        stripped
            .iter()
            .map(|p| format!("(?:{p})"))
            .collect::<Vec<_>>()
            .join("|")
    ));
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
struct Gates {
    /// The month abbreviations, a prefix of every month name.
    months: aho_corasick::packed::Searcher,
    /// A word of every relative expression ("day" covers the weekdays, "today", "yesterday").
    relative: aho_corasick::packed::Searcher,
}

/// Short windows are searched by Rabin-Karp, longer ones by SIMD (Teddy).
#[allow(clippy::expect_used)] // constant literals
static GATES: LazyLock<Gates> = LazyLock::new(|| {
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
fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// Builds the date patterns now instead of on first use.
pub fn prepare() {
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

fn pattern_sources(ord: &str) -> [String; 8] {
    [
        format!(r"(?i-u)(?-u:\b)(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<year>(?:19|20)\d\d))?(?-u:\b)"),
        format!(r"(?i-u)(?-u:\b){MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?\s+(?P<year>(?:19|20)\d\d)(?-u:\b))?"),
        format!(
            r"(?i-u)(?-u:\b)(?:(?P<part>early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)[\s-]+)?{MONTH}(?:\s+of)?,?\s+(?P<year>(?:19|20)\d\d)(?-u:\b)"
        ),
        format!(r"(?i-u)(?-u:\b)(?P<prep>in|since|during|until|by|from|early|mid|late|last|this|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of)[\s-]+{MONTH}(?-u:\b)"),
        r"(?i-u)(?-u:\b)(?P<prep>in|during|of|since|until|by|from|throughout)\s+(?:early\s+|mid-|late\s+)?(?P<year>(?:19|20)\d\d)(?-u:\b)".to_owned(),
        r"(?-u:\b)(?:(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d)|(?P<dd>\d{1,2})[./](?P<dm>\d{1,2})[./](?P<dy>(?:19|20)\d\d))(?-u:\b)".to_owned(),
        "(?i-u)(?-u:\\b)(?P<rel>today|tonight|this\\s+(?:morning|afternoon|evening)|yesterday|last\\s+night|overnight|the\\s+(?:previous|preceding)\\s+(?:day|night|evening)|the\\s+day\\s+before|(?P<n>two|three|four|five|six|\\d)\\s+days\\s+ago|(?P<an>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+(?P<unit>weeks?|months?|years?)\\s+ago|(?:on\\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s|’s)?|last\\s+week|(?:earlier\\s+)?this\\s+week|(?:this|last|over\\s+the|at\\s+the)\\s+weekend|last\\s+month|(?:earlier\\s+)?this\\s+month|last\\s+year|the\\s+previous\\s+year|in\\s+(?P<pm>january|february|march|april|may|june|july|august|september|october|november|december)\\s+of\\s+(?:the\\s+)?(?:previous|last)\\s+year|last\\s+(?P<lm>january|february|march|april|june|july|august|september|october|november|december)|tomorrow|next\\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in\\s+the\\s+coming\\s+(?:days|weeks))(?-u:\\b)"
        .to_owned(),
        format!(
            r"(?i-u)(?-u:\b)(?:(?:into|on|for)\s+(?:its|a|the)\s+(?P<o1>{ord}|\d{{1,2}}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day|(?:the|its)\s+(?P<o2>{ord}|\d{{1,2}}(?:st|nd|rd|th))\s+day\s+of\s+(?:the\s+)?(?:fighting|war|clashes|hostilities|conflict|offensive|operation)|day\s+(?P<o3>\d{{1,2}})\s+of\s+(?:the\s+)?(?:fighting|war|clashes|hostilities|conflict|offensive))(?-u:\b)"
        ),
    ]
}

/// The first "Nth day of fighting" in `text`, for section dating.
pub fn day_of_fighting(text: &str) -> Option<u32> {
    // only where an ordinal or a number stands next to "day"
    let plausible = memchr::memmem::find_iter(text.as_bytes(), b" day").any(|i| {
        let before = text.get(..i).unwrap_or_default();
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or_default();
        let after = text.get(i + 4..).unwrap_or_default();
        ORDINALS.iter().any(|o| o.eq_ignore_ascii_case(word))
            || (word.len() > 2 && word.as_bytes().first().is_some_and(u8::is_ascii_digit))
            || after.trim_start().starts_with(|c: char| c.is_ascii_digit())
    });
    if !plausible {
        return None;
    }
    let c = leftmost(&PATTERNS.day_of_fighting, text)?;
    ordinal_number(c.name("o1").or(c.name("o2")).or(c.name("o3"))?.as_str())
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| lower.starts_with(m))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn ordinal_number(text: &str) -> Option<u32> {
    let lower = text.to_ascii_lowercase();
    if let Some(i) = ORDINALS.iter().position(|o| *o == lower) {
        return u32::try_from(i + 1).ok();
    }
    lower
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()
}

fn weekday(name: &str) -> Option<Weekday> {
    name.to_ascii_lowercase().get(..3)?.parse().ok()
}

fn small_number(text: &str) -> Option<i64> {
    match text.to_ascii_lowercase().as_str() {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        digits => digits.parse().ok(),
    }
}

/// "a", "two" … "ten" or digits as a count.
fn count_word(text: &str) -> Option<u32> {
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    let lower = text.to_ascii_lowercase();
    if lower == "a" || lower == "an" {
        return Some(1);
    }
    words
        .iter()
        .position(|w| *w == lower)
        .and_then(|i| u32::try_from(i + 1).ok())
        .or_else(|| lower.parse().ok())
}

/// Whether the words just before `start` make the date a bound ("since", "until", "before").
fn role_from_context(text: &str, start: usize) -> DateRole {
    let before = text
        .get(..start)
        .unwrap_or_default()
        .trim_end()
        .to_ascii_lowercase();
    let last_word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    match last_word {
        "since" | "until" | "till" | "before" | "after" | "by" | "from" | "ahead" => {
            DateRole::Bound
        }
        _ => DateRole::At,
    }
}

/// A lone "May" is a month only when capitalised and not the modal verb ("may be").
fn plausible_month(text: &str, start: usize, end: usize) -> bool {
    let word = text.get(start..end).unwrap_or_default();
    !word.to_ascii_lowercase().starts_with("may") || word.starts_with('M')
}

/// Finds every date expression in `text`, leftmost-longest, without overlaps.
///
/// ```
/// use karabakh_atlas::extract::dates::{find_dates, DateValue};
/// let found = find_dates("Ganja was shelled on October 11, 2020.");
/// assert_eq!(found[0].value, DateValue::Day { year: Some(2020), month: 10, day: 11 });
/// ```
pub fn find_dates(text: &str) -> Vec<DateMention> {
    let p = &*PATTERNS;
    // One pass of the combined pattern; the specific patterns then run only where it matched,
    // anchored there, each over a window reaching a little past its match (they may match
    // longer than the alternative the combined pattern chose).
    let mut windows: Vec<(usize, usize)> = Vec::new();
    for m in p.any.find_iter(text) {
        let mut end = (m.end() + 24).min(text.len());
        while end < text.len()
            && (!text.is_char_boundary(end)
                || text
                    .get(end..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric))
        {
            end += 1;
        }
        windows.push((m.start(), end));
    }
    let mut found: Vec<DateMention> = Vec::new();
    for (lo, hi) in windows {
        // anchored first; when code rejects what matched there ("in March" before a year),
        // a later start in the window may hold the date ("March 2022"): search it all
        let before = found.len();
        find_in_window(text, lo, hi, true, &mut found);
        if found.len() == before {
            find_in_window(text, lo, hi, false, &mut found);
        }
    }
    // Leftmost-longest without overlaps; more specific values win ties.
    found.sort_by_key(|d| (d.start, std::cmp::Reverse(d.end)));
    found.dedup_by_key(|d| (d.start, d.end));
    let mut kept: Vec<DateMention> = Vec::with_capacity(found.len());
    for d in found {
        if kept.last().is_some_and(|k| d.start < k.end) {
            continue;
        }
        kept.push(d);
    }
    kept
}

/// The specific patterns over `text[lo..hi]` (only at its start when `anchored`), with offsets
/// into `text`.
fn find_in_window(full: &str, lo: usize, hi: usize, anchored: bool, found: &mut Vec<DateMention>) {
    let p = &*PATTERNS;
    let Some(text) = full.get(lo..hi) else { return };
    let mut push = |start: usize, end: usize, value: DateValue, role: DateRole| {
        found.push(DateMention {
            start: start + lo,
            end: end + lo,
            value,
            role,
        });
    };
    let role_from_context = |_: &str, start: usize| role_from_context(full, start + lo);
    // literal gates: the capture searches below are the slow part, so skip the impossible ones
    let digits = has_digit(text);
    let lower = text.to_ascii_lowercase();
    let days = lower.contains("day");
    // every month pattern names a month; every relative one holds one of these words
    let months = GATES.months.find(&lower).is_some();
    let relative = GATES.relative.find(&lower).is_some();
    let numeric = digits && text.bytes().any(|b| matches!(b, b'-' | b'/' | b'.'));
    let year_of = |c: &Caps<'_>| c.name("year").and_then(|y| y.as_str().parse::<i32>().ok());
    for c in numeric
        .then(|| matches(&p.numeric, text, anchored))
        .into_iter()
        .flatten()
    {
        let Some(m) = c.get(0) else { continue };
        let (y, mo, d) = if let (Some(y), Some(mo), Some(d)) =
            (c.name("iy"), c.name("im"), c.name("id"))
        {
            (y.as_str(), mo.as_str(), d.as_str())
        } else if let (Some(y), Some(mo), Some(d)) = (c.name("dy"), c.name("dm"), c.name("dd")) {
            (y.as_str(), mo.as_str(), d.as_str())
        } else {
            continue;
        };
        if let (Ok(year), Ok(month), Ok(day)) = (y.parse(), mo.parse(), d.parse())
            && NaiveDate::from_ymd_opt(year, month, day).is_some()
        {
            push(
                m.start(),
                m.end(),
                DateValue::Day {
                    year: Some(year),
                    month,
                    day,
                },
                role_from_context(text, m.start()),
            );
        }
    }
    for re in [&p.day_month, &p.month_day]
        .into_iter()
        .filter(|_| digits && months)
    {
        for c in matches(re, text, anchored) {
            let (Some(m), Some(mon), Some(day)) = (c.get(0), c.name("mon"), c.name("day")) else {
                continue;
            };
            if !plausible_month(text, mon.start(), mon.end()) {
                continue;
            }
            let (Some(month), Ok(day)) = (month_number(mon.as_str()), day.as_str().parse::<u32>())
            else {
                continue;
            };
            if !(1..=31).contains(&day) {
                continue;
            }
            push(
                m.start(),
                m.end(),
                DateValue::Day {
                    year: year_of(&c),
                    month,
                    day,
                },
                role_from_context(text, m.start()),
            );
        }
    }
    for c in (digits && months)
        .then(|| matches(&p.month_year, text, anchored))
        .into_iter()
        .flatten()
    {
        let (Some(m), Some(mon)) = (c.get(0), c.name("mon")) else {
            continue;
        };
        if !plausible_month(text, mon.start(), mon.end()) {
            continue;
        }
        let part = c.name("part").map(|x| month_part(x.as_str()));
        if let Some(month) = month_number(mon.as_str()) {
            push(
                m.start(),
                m.end(),
                DateValue::Month {
                    year: year_of(&c),
                    month,
                    part,
                },
                role_from_context(text, m.start()),
            );
        }
    }
    for c in months
        .then(|| matches(&p.month_only, text, anchored))
        .into_iter()
        .flatten()
    {
        let (Some(m), Some(mon), Some(prep)) = (c.get(0), c.name("mon"), c.name("prep")) else {
            continue;
        };
        if !plausible_month(text, mon.start(), mon.end()) {
            continue;
        }
        // "in March 2022": the month with its year is found by the month-year pattern
        let rest = text
            .get(m.end()..)
            .unwrap_or_default()
            .trim_start_matches([',', ' ']);
        if rest.len() >= 4 && rest.as_bytes().iter().take(4).all(u8::is_ascii_digit) {
            continue;
        }
        let prep = prep.as_str().to_ascii_lowercase();
        let part = match prep.as_str() {
            "early" | "mid" | "late" | "the end of" | "the beginning of" | "the middle of" => {
                Some(month_part(&prep))
            }
            _ => None,
        };
        let role = match prep.as_str() {
            "since" | "until" | "by" | "from" => DateRole::Bound,
            _ => DateRole::At,
        };
        let value = match (prep.as_str(), month_number(mon.as_str())) {
            ("last", Some(month)) => DateValue::Relative(Relative::MonthLastYear(month)),
            (_, Some(month)) => DateValue::Month {
                year: None,
                month,
                part,
            },
            _ => continue,
        };
        push(m.start(), m.end(), value, role);
    }
    for c in digits
        .then(|| matches(&p.year, text, anchored))
        .into_iter()
        .flatten()
    {
        let (Some(m), Some(y), Some(prep)) = (c.get(0), c.name("year"), c.name("prep")) else {
            continue;
        };
        let Ok(year) = y.as_str().parse() else {
            continue;
        };
        let role = match prep.as_str().to_ascii_lowercase().as_str() {
            "since" | "until" | "by" | "from" => DateRole::Bound,
            _ => DateRole::At,
        };
        push(m.start(), m.end(), DateValue::Year(year), role);
    }
    for c in relative
        .then(|| matches(&p.relative, text, anchored))
        .into_iter()
        .flatten()
    {
        let (Some(m), Some(rel)) = (c.get(0), c.name("rel")) else {
            continue;
        };
        let lower = rel.as_str().to_ascii_lowercase();
        let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        let (value, role) = if let Some(wd) = c.name("wd").and_then(|w| weekday(w.as_str())) {
            (Relative::Weekday(wd), role_from_context(text, m.start()))
        } else if let Some(n) = c.name("n").and_then(|n| small_number(n.as_str())) {
            (Relative::DaysAgo(n), DateRole::At)
        } else if let (Some(n), Some(unit)) = (
            c.name("an").and_then(|n| count_word(n.as_str())),
            c.name("unit"),
        ) {
            let unit = unit.as_str().to_ascii_lowercase();
            let value = if unit.starts_with("week") {
                Relative::WeeksAgo(n)
            } else if unit.starts_with("month") {
                Relative::MonthsAgo(n)
            } else {
                Relative::MonthsAgo(n.saturating_mul(12))
            };
            (value, DateRole::At)
        } else if let Some(mo) = c
            .name("pm")
            .or(c.name("lm"))
            .and_then(|x| month_number(x.as_str()))
        {
            (Relative::MonthLastYear(mo), DateRole::At)
        } else {
            match lower.as_str() {
                "today" | "tonight" | "this morning" | "this afternoon" | "this evening" => {
                    (Relative::Today, DateRole::At)
                }
                "yesterday"
                | "last night"
                | "overnight"
                | "the previous day"
                | "the previous night"
                | "the previous evening"
                | "the preceding day"
                | "the preceding night"
                | "the preceding evening"
                | "the day before" => (Relative::Yesterday, DateRole::At),
                "last week" => (Relative::LastWeek, DateRole::At),
                "this week" | "earlier this week" => (Relative::ThisWeek, DateRole::At),
                "this weekend" | "last weekend" | "over the weekend" | "at the weekend" => {
                    (Relative::Weekend, DateRole::At)
                }
                "last month" => (Relative::LastMonth, DateRole::At),
                "this month" | "earlier this month" => (Relative::ThisMonth, DateRole::At),
                "last year" | "the previous year" => (Relative::LastYear, DateRole::At),
                _ => (Relative::Today, DateRole::Future),
            }
        };
        push(m.start(), m.end(), DateValue::Relative(value), role);
    }
    for c in days
        .then(|| matches(&p.day_of_fighting, text, anchored))
        .into_iter()
        .flatten()
    {
        let (Some(m), Some(o)) = (c.get(0), c.name("o1").or(c.name("o2")).or(c.name("o3"))) else {
            continue;
        };
        if let Some(n) = ordinal_number(o.as_str()) {
            push(
                m.start(),
                m.end(),
                DateValue::Relative(Relative::DayOfFighting(n)),
                DateRole::At,
            );
        }
    }
}

fn month_part(text: &str) -> MonthPart {
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("mid") || lower.contains("middle") {
        MonthPart::Mid
    } else if lower.starts_with("late") || lower.contains("end") {
        MonthPart::Late
    } else {
        MonthPart::Early
    }
}

/// The days a text's "now" may stand for: a publication date or a section date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// First possible day.
    pub start: NaiveDate,
    /// Last possible day.
    pub end: NaiveDate,
}

impl Reference {
    /// A reference known to the day.
    pub fn day(date: NaiveDate) -> Self {
        Self {
            start: date,
            end: date,
        }
    }

    fn is_day(&self) -> bool {
        self.start == self.end
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

fn month_span(year: i32, month: u32, part: Option<MonthPart>) -> Option<(NaiveDate, NaiveDate)> {
    let last = last_day_of_month(year, month)?;
    let day = |d: u32| NaiveDate::from_ymd_opt(year, month, d);
    Some(match part {
        None => (day(1)?, last),
        Some(MonthPart::Early) => (day(1)?, day(10)?),
        Some(MonthPart::Mid) => (day(11)?, day(20)?),
        Some(MonthPart::Late) => (day(21)?, last),
    })
}

/// The year for a yearless month/day: the most recent occurrence not after the reference
/// (a few days of slack for a date just after publication), else the stated `year_hint`.
fn infer_year(
    month: u32,
    day: u32,
    reference: Option<Reference>,
    year_hint: Option<i32>,
) -> Option<i32> {
    if let Some(r) = reference {
        let year = r.end.year();
        let candidate = NaiveDate::from_ymd_opt(year, month, day.min(28))?;
        return Some(if candidate > r.end + Duration::days(7) {
            year - 1
        } else {
            year
        });
    }
    year_hint
}

/// Resolves a date expression to a day interval.
///
/// `reference` is the date of the surrounding text (section or publication date);
/// `year_hint` a year stated nearby; `outbreak` day 1 of the fighting, for "the fifth day".
/// Returns `None` where the date cannot be fixed without guessing (no year, no reference).
pub fn resolve(
    value: DateValue,
    reference: Option<Reference>,
    year_hint: Option<i32>,
    outbreak: Option<NaiveDate>,
) -> Option<DateSpan> {
    let explicit = DateSource::Explicit;
    let relative = DateSource::Relative;
    match value {
        DateValue::Day { year, month, day } => {
            let year = year.or_else(|| infer_year(month, day, reference, year_hint))?;
            Some(DateSpan::day(
                NaiveDate::from_ymd_opt(year, month, day)?,
                explicit,
            ))
        }
        DateValue::Month { year, month, part } => {
            let year = year.or_else(|| infer_year(month, 1, reference, year_hint))?;
            let (start, end) = month_span(year, month, part)?;
            Some(DateSpan::range(start, end, Precision::Month, explicit))
        }
        DateValue::Year(year) => Some(DateSpan::range(
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
            Precision::Year,
            explicit,
        )),
        DateValue::Relative(Relative::DayOfFighting(n)) => {
            let day = outbreak? + Duration::days(i64::from(n.max(1)) - 1);
            Some(DateSpan::day(day, relative))
        }
        DateValue::Relative(rel) => {
            let r = reference?;
            let shift = |days: i64, precision_if_day: Precision| {
                let precision = if r.is_day() {
                    precision_if_day
                } else {
                    Precision::Month
                };
                DateSpan::range(
                    r.start - Duration::days(days),
                    r.end - Duration::days(days),
                    precision,
                    relative,
                )
            };
            Some(match rel {
                Relative::Today => shift(0, Precision::Day),
                Relative::Yesterday => shift(1, Precision::Day),
                Relative::DaysAgo(n) => shift(n, Precision::Day),
                Relative::Weekday(wd) => {
                    if !r.is_day() {
                        return Some(DateSpan::range(
                            r.start - Duration::days(6),
                            r.end,
                            Precision::Month,
                            relative,
                        ));
                    }
                    let back = (7 + r.end.weekday().num_days_from_monday()
                        - wd.num_days_from_monday())
                        % 7;
                    DateSpan::day(r.end - Duration::days(i64::from(back)), relative)
                }
                Relative::LastWeek => {
                    let monday = r.end
                        - Duration::days(i64::from(r.end.weekday().num_days_from_monday()) + 7);
                    DateSpan::range(monday, monday + Duration::days(6), Precision::Day, relative)
                }
                Relative::ThisWeek => {
                    let monday =
                        r.end - Duration::days(i64::from(r.end.weekday().num_days_from_monday()));
                    DateSpan::range(monday, r.end, Precision::Day, relative)
                }
                Relative::Weekend => {
                    let back = (7 + r.end.weekday().num_days_from_monday()
                        - Weekday::Sat.num_days_from_monday())
                        % 7;
                    let saturday = r.end - Duration::days(i64::from(back));
                    DateSpan::range(
                        saturday,
                        (saturday + Duration::days(1)).min(r.end.max(saturday)),
                        Precision::Day,
                        relative,
                    )
                }
                Relative::WeeksAgo(n) => {
                    let day = r.end - Duration::weeks(i64::from(n));
                    let monday =
                        day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
                    DateSpan::range(monday, monday + Duration::days(6), Precision::Day, relative)
                }
                Relative::MonthsAgo(n) => {
                    let first = NaiveDate::from_ymd_opt(r.end.year(), r.end.month(), 1)?
                        .checked_sub_months(Months::new(n))?;
                    let (s, e) = month_span(first.year(), first.month(), None)?;
                    DateSpan::range(s, e, Precision::Month, relative)
                }
                Relative::LastMonth => {
                    let first = NaiveDate::from_ymd_opt(r.end.year(), r.end.month(), 1)?
                        .checked_sub_months(Months::new(1))?;
                    let (s, e) = month_span(first.year(), first.month(), None)?;
                    DateSpan::range(s, e, Precision::Month, relative)
                }
                Relative::ThisMonth => {
                    let (s, _) = month_span(r.end.year(), r.end.month(), None)?;
                    DateSpan::range(s, r.end, Precision::Month, relative)
                }
                Relative::LastYear => DateSpan::range(
                    NaiveDate::from_ymd_opt(r.end.year() - 1, 1, 1)?,
                    NaiveDate::from_ymd_opt(r.end.year() - 1, 12, 31)?,
                    Precision::Year,
                    relative,
                ),
                Relative::MonthLastYear(month) => {
                    let (s, e) = month_span(r.end.year() - 1, month, None)?;
                    DateSpan::range(s, e, Precision::Month, relative)
                }
                Relative::DayOfFighting(_) => return None,
            })
        }
    }
}

/// The first complete date (with a year) in `text`: for datelines and dated headings.
///
/// ```
/// use karabakh_atlas::extract::dates::first_full_date;
/// assert_eq!(first_full_date("Azerbaijan-Armenia Update: 28 September, 2020").map(|d| d.to_string()),
///            Some("2020-09-28".to_owned()));
/// ```
pub fn first_full_date(text: &str) -> Option<NaiveDate> {
    if !has_digit(text) {
        return None;
    }
    find_dates(text).into_iter().find_map(|d| match d.value {
        DateValue::Day {
            year: Some(year),
            month,
            day,
        } => NaiveDate::from_ymd_opt(year, month, day),
        _ => None,
    })
}

/// The first date in `text` with at least a year and month, day-precise where possible; a
/// yearless day is completed from `year_hint`.
pub fn first_heading_date(text: &str, year_hint: Option<i32>) -> Option<NaiveDate> {
    if !has_digit(text) {
        return None;
    }
    find_dates(text).into_iter().find_map(|d| match d.value {
        DateValue::Day { year, month, day } => {
            NaiveDate::from_ymd_opt(year.or(year_hint)?, month, day)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn one(text: &str, reference: NaiveDate) -> Option<DateSpan> {
        let found = find_dates(text);
        let first = found.first()?;
        resolve(first.value, Some(Reference::day(reference)), None, None)
    }

    #[test]
    fn absolute_forms() {
        let r = d(2020, 10, 20);
        for (text, want) in [
            ("on 4 October", d(2020, 10, 4)),
            ("October 11", d(2020, 10, 11)),
            ("13 September 2022", d(2022, 9, 13)),
            ("28 September, 2020", d(2020, 9, 28)),
            ("on September 19", d(2020, 9, 19)),
            ("Sept. 27", d(2020, 9, 27)),
            ("2020-09-27", d(2020, 9, 27)),
            ("27.09.2020", d(2020, 9, 27)),
            ("the 3rd of October", d(2020, 10, 3)),
        ] {
            let got = one(text, r);
            assert_eq!(got.map(|s| (s.start, s.end)), Some((want, want)), "{text}");
        }
    }

    #[test]
    fn yearless_date_after_publication_is_last_year() {
        assert_eq!(
            one("on December 30", d(2021, 1, 3)).map(|s| s.start),
            Some(d(2020, 12, 30))
        );
    }

    #[test]
    fn partial_dates_are_intervals() {
        let r = d(2020, 11, 20);
        let mid = one("fighting in mid-October", r);
        assert_eq!(
            mid.map(|s| (s.start, s.end, s.precision)),
            Some((d(2020, 10, 11), d(2020, 10, 20), Precision::Month))
        );
        let march = one("since March when", r);
        assert_eq!(
            march.map(|s| (s.start, s.end)),
            Some((d(2020, 3, 1), d(2020, 3, 31)))
        );
        let late = one("in late July 2022", r);
        assert_eq!(
            late.map(|s| (s.start, s.end)),
            Some((d(2022, 7, 21), d(2022, 7, 31)))
        );
        let with_year = one("in March 2022", r);
        assert_eq!(
            with_year.map(|s| (s.start, s.end)),
            Some((d(2022, 3, 1), d(2022, 3, 31)))
        );
        let year = one("in 2020", r);
        assert_eq!(
            year.map(|s| (s.start, s.end, s.precision)),
            Some((d(2020, 1, 1), d(2020, 12, 31), Precision::Year))
        );
    }

    #[test]
    fn relative_forms() {
        let monday = d(2020, 10, 5);
        for (text, start, end) in [
            ("today", monday, monday),
            ("yesterday", d(2020, 10, 4), d(2020, 10, 4)),
            ("the previous day", d(2020, 10, 4), d(2020, 10, 4)),
            ("Saturday’s attacks", d(2020, 10, 3), d(2020, 10, 3)),
            ("on Monday", monday, monday),
            ("this weekend", d(2020, 10, 3), d(2020, 10, 4)),
            ("last week", d(2020, 9, 28), d(2020, 10, 4)),
            (
                "In September of the previous year",
                d(2019, 9, 1),
                d(2019, 9, 30),
            ),
            ("two days ago", d(2020, 10, 3), d(2020, 10, 3)),
        ] {
            assert_eq!(
                one(text, monday).map(|s| (s.start, s.end)),
                Some((start, end)),
                "{text}"
            );
        }
    }

    #[test]
    fn day_of_fighting_counts_from_outbreak() {
        let found = find_dates("Fighting has continued into a fifth day");
        let value = found.first().map(|f| f.value);
        assert_eq!(value, Some(DateValue::Relative(Relative::DayOfFighting(5))));
        let span = value.and_then(|v| resolve(v, None, None, Some(d(2020, 9, 27))));
        assert_eq!(span.map(|s| s.start), Some(d(2020, 10, 1)));
        assert!(matches!(
            find_dates("the fifteenth day of the war")
                .first()
                .map(|f| f.value),
            Some(DateValue::Relative(Relative::DayOfFighting(15)))
        ));
    }

    #[test]
    fn bounds_and_future_are_marked() {
        assert_eq!(
            find_dates("since the ceasefire of November 2020")
                .first()
                .map(|f| f.role),
            Some(DateRole::At)
        );
        assert_eq!(
            find_dates("since March").first().map(|f| f.role),
            Some(DateRole::Bound)
        );
        assert_eq!(
            find_dates("talks tomorrow").first().map(|f| f.role),
            Some(DateRole::Future)
        );
    }

    #[test]
    fn modal_may_is_not_a_month() {
        assert!(find_dates("Azerbaijan may strike again").is_empty());
        assert!(!find_dates("in May 2021").is_empty());
    }

    #[test]
    fn yearless_without_reference_stays_undated() {
        let found = find_dates("on 4 October");
        assert_eq!(
            found
                .first()
                .and_then(|f| resolve(f.value, None, None, None)),
            None
        );
    }
}
