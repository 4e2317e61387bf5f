//! Finding date expressions: the combined pattern marks windows, then each family's
//! capturing pattern runs there (anchored first) and code turns its groups into a
//! [`DateValue`] and a [`DateRole`]; overlaps are resolved leftmost-longest.

use chrono::{NaiveDate, Weekday};

use super::patterns::{Caps, Families, GATES, PATTERNS, has_digit, leftmost, matches};
use super::sources::ORDINALS;
use super::{DateMention, DateRole, DateValue, MonthPart, Relative, Season};

/// Finds every date expression in `text`, leftmost-longest, without overlaps.
///
/// ```
/// use karabakh_core::dates::{find_dates, DateValue};
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
        let mut end = (m.end() + 40).min(text.len());
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
    let mut families = Families::new();
    for (lo, hi) in windows {
        let window = text.get(lo..hi).unwrap_or_default();
        // anchored first, only the families that match at the window's start (only their
        // capture searches run); when code rejects what matched there ("in March" before a
        // year), a later start in the window may hold the date ("March 2022"): search it all,
        // with the families that match anywhere in it
        let before = found.len();
        p.families_in(window, true, &mut families);
        if families.matched_any() {
            find_in_window(text, (lo, hi), true, &families, &mut found);
        }
        if found.len() == before {
            p.families_in(window, false, &mut families);
            if families.matched_any() {
                find_in_window(text, (lo, hi), false, &families, &mut found);
            }
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
        // "on Saturday, October 17", "overnight October 16-17": the calendar date says it
        let absolute = matches!(d.value, DateValue::Day { .. } | DateValue::Days { .. });
        if let Some(k) = kept.last()
            && absolute
            && matches!(k.value, DateValue::Relative(_))
            && k.role != DateRole::Future
            && text
                .get(k.end..d.start)
                .is_some_and(|gap| gap.trim_matches([' ', ',']).is_empty() || gap.trim() == "on")
        {
            kept.pop();
        }
        kept.push(d);
    }
    kept
}

/// One window of the text where the combined pattern matched, with the gates that say which
/// families it can hold.
struct Window<'a> {
    /// The whole text (for the words before a date).
    full: &'a str,
    /// Offset of the window in `full`.
    lo: usize,
    /// The window.
    text: &'a str,
    /// Only matches starting at the window's start.
    anchored: bool,
    /// The window holds an ASCII digit.
    digits: bool,
    /// The window holds a month abbreviation.
    months: bool,
    /// The families whose pattern matches in the window: at its start when `anchored`,
    /// anywhere otherwise.
    families: &'a Families,
}

impl Window<'_> {
    fn matches(&self, re: &super::patterns::Capturing) -> Vec<Caps<'_>> {
        if PATTERNS
            .family_of(re)
            .is_some_and(|i| !self.families.matched(i))
        {
            return Vec::new();
        }
        matches(re, self.text, self.anchored)
    }

    /// The role of a date starting at window offset `start`, from the word before it.
    fn role_at(&self, start: usize) -> DateRole {
        role_from_context(self.full, start + self.lo)
    }

    fn push(
        &self,
        found: &mut Vec<DateMention>,
        start: usize,
        end: usize,
        value: DateValue,
        role: DateRole,
    ) {
        found.push(DateMention {
            start: start + self.lo,
            end: end + self.lo,
            value,
            role,
        });
    }
}

/// The specific patterns over `full[lo..hi]` (only at its start when `anchored`), with offsets
/// into `full`. Literal gates skip the families the window cannot hold: the capture searches
/// are the slow part.
fn find_in_window(
    full: &str,
    (lo, hi): (usize, usize),
    anchored: bool,
    families: &Families,
    found: &mut Vec<DateMention>,
) {
    let Some(text) = full.get(lo..hi) else { return };
    let lower = text.to_ascii_lowercase();
    let w = Window {
        full,
        lo,
        text,
        anchored,
        digits: has_digit(text),
        months: GATES.months.find(&lower).is_some(),
        families,
    };
    if w.digits && text.bytes().any(|b| matches!(b, b'-' | b'/' | b'.')) {
        numeric_dates(&w, found);
    }
    if w.digits && w.months {
        day_and_month_dates(&w, found);
        day_range_dates(&w, found);
        month_year_dates(&w, found);
    }
    if w.months {
        month_only_dates(&w, found);
        month_portion_dates(&w, found);
        nth_weekday_dates(&w, found);
        bare_month_dates(&w, found);
        if !w.digits {
            // "March first", "the first of March"
            day_and_month_dates(&w, found);
        }
    }
    if w.digits {
        year_dates(&w, found);
        ordinal_day_dates(&w, found);
        season_dates(&w, found);
    }
    if GATES.relative.find(&lower).is_some() {
        relative_dates(&w, found);
    }
    if lower.contains("day") {
        day_of_fighting_dates(&w, found);
    }
}

/// "2020-09-27", "27.09.2020", "27/09/2020".
fn numeric_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.numeric) {
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
        let (Ok(year), Ok(mut month), Ok(mut day)) =
            (y.parse::<i32>(), mo.parse::<u32>(), d.parse::<u32>())
        else {
            continue;
        };
        // day first, as this region's press writes; month first only when the day cannot be
        // a month ("09/27/2020")
        if c.name("dd").is_some() && month > 12 && day <= 12 {
            std::mem::swap(&mut month, &mut day);
        }
        if NaiveDate::from_ymd_opt(year, month, day).is_some() {
            let value = DateValue::Day {
                year: Some(year),
                month,
                day,
            };
            w.push(found, m.start(), m.end(), value, w.role_at(m.start()));
        }
    }
}

fn year_of(c: &Caps<'_>) -> Option<i32> {
    c.name("year").and_then(|y| y.as_str().parse::<i32>().ok())
}

/// "4 October", "the 3rd of October 2020", "October 4", "Sept. 27, 2020".
fn day_and_month_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for re in [&PATTERNS.day_month, &PATTERNS.month_day] {
        for c in w.matches(re) {
            let (Some(m), Some(mon), Some(day)) =
                (c.get(0), c.name("mon"), c.name("day").or(c.name("dword")))
            else {
                continue;
            };
            if !plausible_month(w.text, mon.start(), mon.end()) {
                continue;
            }
            let (Some(month), Some(day)) =
                (month_number(mon.as_str()), ordinal_number(day.as_str()))
            else {
                continue;
            };
            if !(1..=31).contains(&day) {
                continue;
            }
            let value = DateValue::Day {
                year: year_of(&c),
                month,
                day,
            };
            w.push(found, m.start(), m.end(), value, w.role_at(m.start()));
        }
    }
}

/// "13-15 July", "from 13 to 15 July", "between 8 and 10 February", "the night of 12 to 13
/// September", "30 September to 2 October", "July 13-15", "September 30 to October 2".
fn day_range_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for re in [&PATTERNS.day_range, &PATTERNS.month_day_range] {
        for c in w.matches(re) {
            let (Some(m), Some(mon), Some(d1), Some(d2)) =
                (c.get(0), c.name("mon"), c.name("d1"), c.name("d2"))
            else {
                continue;
            };
            if !plausible_month(w.text, mon.start(), mon.end()) {
                continue;
            }
            let Some(named) = month_number(mon.as_str()) else {
                continue;
            };
            let other = c
                .name("m1")
                .or(c.name("m2"))
                .and_then(|x| month_number(x.as_str()));
            let (Some(first), Some(last)) =
                (ordinal_number(d1.as_str()), ordinal_number(d2.as_str()))
            else {
                continue;
            };
            // "30 September to 2 October": m1 is the first month; "September 30 to October 2":
            // m2 is the last month
            let (month, last_month) = match (c.name("m1"), other) {
                (Some(_), Some(first_month)) => (first_month, named),
                (None, Some(last_month)) => (named, last_month),
                _ => (named, named),
            };
            let ordered = (month, first) < (last_month, last);
            if !(1..=31).contains(&first) || !(1..=31).contains(&last) || !ordered {
                continue;
            }
            let value = DateValue::Days {
                year: year_of(&c),
                month,
                first,
                last_month,
                last,
            };
            w.push(found, m.start(), m.end(), value, w.role_at(m.start()));
        }
    }
}

/// "the first Tuesday of October", "the last Monday of March 2021".
fn nth_weekday_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.nth_weekday) {
        let (Some(m), Some(nth), Some(wd), Some(mon)) =
            (c.get(0), c.name("nth"), c.name("nwd"), c.name("mon"))
        else {
            continue;
        };
        let nth = match nth.as_str().to_ascii_lowercase().as_str() {
            "last" => 0,
            other => ordinal_number(other).unwrap_or(1),
        };
        if let (Some(weekday), Some(month)) = (weekday(wd.as_str()), month_number(mon.as_str())) {
            let value = DateValue::NthWeekday {
                year: year_of(&c),
                month,
                weekday,
                nth,
            };
            w.push(found, m.start(), m.end(), value, w.role_at(m.start()));
        }
    }
}

/// "on the 15th", unless a month follows ("on the 15th of March" is a day and month).
fn ordinal_day_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.ordinal_day) {
        let (Some(m), Some(od)) = (c.get(0), c.name("od")) else {
            continue;
        };
        let rest = w.text.get(m.end()..).unwrap_or_default().trim_start();
        let rest = rest.strip_prefix("of ").unwrap_or(rest);
        if month_number(rest.get(..3).unwrap_or_default()).is_some() {
            continue;
        }
        if let Some(day) = ordinal_number(od.as_str()).filter(|d| (1..=31).contains(d)) {
            w.push(
                found,
                m.start(),
                m.end(),
                DateValue::OrdinalDay(day),
                DateRole::At,
            );
        }
    }
}

/// "the summer of 2020", "winter 2021".
fn season_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.season) {
        let (Some(m), Some(season), Some(year)) = (c.get(0), c.name("season"), year_of(&c)) else {
            continue;
        };
        let season = match season.as_str().to_ascii_lowercase().as_str() {
            "spring" => Season::Spring,
            "summer" => Season::Summer,
            "winter" => Season::Winter,
            _ => Season::Autumn,
        };
        let value = DateValue::Season { year, season };
        w.push(found, m.start(), m.end(), value, w.role_at(m.start()));
    }
}

/// A capitalised month alone: "…shelled Ganja March." (its year from the context); not one
/// naming something ("the April War", "the March Declaration").
fn bare_month_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.bare_month) {
        let (Some(m), Some(month)) = (
            c.get(0),
            c.name("bare").and_then(|b| month_number(b.as_str())),
        ) else {
            continue;
        };
        let before = w.full.get(..m.start() + w.lo).unwrap_or_default();
        let after = w.text.get(m.end()..).unwrap_or_default().trim_start();
        let previous = before
            .trim_end()
            .rsplit(|ch: char| !ch.is_alphanumeric())
            .next();
        let next = after
            .split(|ch: char| !ch.is_alphanumeric())
            .next()
            .unwrap_or_default();
        let naming = previous.is_some_and(|p| p.eq_ignore_ascii_case("the"))
            || next.chars().next().is_some_and(char::is_uppercase)
            || matches!(
                next.to_ascii_lowercase().as_str(),
                "war"
                    | "offensive"
                    | "clashes"
                    | "escalation"
                    | "events"
                    | "agreement"
                    | "statement"
                    | "declaration"
                    | "ceasefire"
                    | "elections"
                    | "revolution"
            );
        if naming {
            continue;
        }
        let value = DateValue::Month {
            year: None,
            month,
            part: None,
        };
        w.push(found, m.start(), m.end(), value, w.role_at(m.start()));
    }
}

/// "October 2020", "mid-October 2020", "the end of March of 2021".
fn month_year_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.month_year) {
        let (Some(m), Some(mon)) = (c.get(0), c.name("mon")) else {
            continue;
        };
        if !plausible_month(w.text, mon.start(), mon.end()) {
            continue;
        }
        let part = c.name("part").map(|x| month_part(x.as_str()));
        if let Some(month) = month_number(mon.as_str()) {
            let value = DateValue::Month {
                year: year_of(&c),
                month,
                part,
            };
            w.push(found, m.start(), m.end(), value, w.role_at(m.start()));
        }
    }
}

/// "in March", "mid-October", "since April", "last September" (a month without a year).
fn month_only_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.month_only) {
        let (Some(m), Some(mon), Some(prep)) = (c.get(0), c.name("mon"), c.name("prep")) else {
            continue;
        };
        if !plausible_month(w.text, mon.start(), mon.end()) {
            continue;
        }
        // "in March 2022": the month with its year is found by the month-year pattern
        let rest = w
            .text
            .get(m.end()..)
            .unwrap_or_default()
            .trim_start_matches([',', ' ']);
        if rest.len() >= 4 && rest.as_bytes().iter().take(4).all(u8::is_ascii_digit) {
            continue;
        }
        let prep = prep
            .as_str()
            .to_ascii_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let part = match prep.as_str() {
            "in" | "since" | "during" | "until" | "by" | "from" | "last" | "this" => None,
            _ => Some(month_part(&prep)),
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
        w.push(found, m.start(), m.end(), value, role);
    }
}

/// "in 2020", "since 1994", "throughout early 2021".
fn year_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.year) {
        let Some(m) = c.get(0) else { continue };
        let year = |name: &str| c.name(name).and_then(|y| y.as_str().parse::<i32>().ok());
        let value = if let Some(decade) = year("decade") {
            DateValue::Decade(decade)
        } else if let Some(y) = year("year").or_else(|| year("year2")) {
            match c.name("ypart").or(c.name("ypart2")) {
                Some(part) => DateValue::YearPart {
                    year: y,
                    part: month_part(part.as_str()),
                },
                None => DateValue::Year(y),
            }
        } else {
            continue;
        };
        let prep = c.name("prep").map(|p| p.as_str().to_ascii_lowercase());
        let role = match prep.as_deref() {
            Some("since" | "until" | "by" | "from") => DateRole::Bound,
            _ => DateRole::At,
        };
        w.push(found, m.start(), m.end(), value, role);
    }
}

/// "the last day of October", "the first week of May 2021".
fn month_portion_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.month_portion) {
        let (Some(m), Some(which), Some(unit), Some(mon)) =
            (c.get(0), c.name("which"), c.name("unit"), c.name("mon"))
        else {
            continue;
        };
        let Some(month) = month_number(mon.as_str()) else {
            continue;
        };
        let which = match which.as_str().to_ascii_lowercase().as_str() {
            "last" => 0,
            other => ordinal_number(other).unwrap_or(1),
        };
        let week = unit.as_str().eq_ignore_ascii_case("week");
        if !week && which != 0 {
            continue; // "the first day of October" is a day and month
        }
        let value = DateValue::MonthPortion {
            year: year_of(&c),
            month,
            week,
            which,
        };
        w.push(found, m.start(), m.end(), value, w.role_at(m.start()));
    }
}

/// "yesterday", "on Saturday", "two days ago", "last week", "in September of the previous
/// year"; "tomorrow" and "next week" as the future.
fn relative_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.relative) {
        let (Some(m), Some(rel)) = (c.get(0), c.name("rel")) else {
            continue;
        };
        let lower = rel.as_str().to_ascii_lowercase();
        let lower = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        let weekday_of = |name: &str| c.name(name).and_then(|w| weekday(w.as_str()));
        let count = |name: &str| c.name(name).and_then(|n| count_word(n.as_str()));
        let (value, role) = if c.name("later").is_some() {
            (Relative::Told(1), DateRole::At)
        } else if let Some(n) = count("ln") {
            (Relative::Told(i64::from(n)), DateRole::At)
        } else if let Some(n) = count("en") {
            (Relative::Told(-i64::from(n)), DateRole::At)
        } else if c.name("same").is_some() {
            (Relative::Told(0), DateRole::At)
        } else if c.name("before").is_some() {
            (Relative::Told(-1), DateRole::At)
        } else if let Some(wd) = weekday_of("lwd") {
            (Relative::LastWeekday(wd), DateRole::At)
        } else if let Some(wd) = weekday_of("wd").or_else(|| weekday_of("wda")) {
            (Relative::Weekday(wd), w.role_at(m.start()))
        } else if let Some(n) = c.name("n").and_then(|n| count_word(n.as_str())) {
            (Relative::DaysAgo(i64::from(n)), DateRole::At)
        } else if let (Some(n), Some(unit)) = (
            c.name("an").and_then(|n| count_word(n.as_str())),
            c.name("unit"),
        ) {
            let unit = unit.as_str().to_ascii_lowercase();
            let value = if unit.starts_with("fortnight") {
                Relative::WeeksAgo(n.saturating_mul(2))
            } else if unit.starts_with("week") {
                Relative::WeeksAgo(n)
            } else if unit.starts_with("month") {
                Relative::MonthsAgo(n)
            } else {
                Relative::MonthsAgo(n.saturating_mul(12))
            };
            (value, DateRole::At)
        } else if let (Some(n), Some(unit)) = (
            c.name("pn").and_then(|n| count_word(n.as_str())),
            c.name("punit"),
        ) {
            let unit = unit.as_str().to_ascii_lowercase();
            let value = match unit.as_str() {
                "weeks" => Relative::PastDays(n.saturating_mul(7)),
                "months" => Relative::PastMonths(n),
                _ => Relative::PastDays(n),
            };
            (value, DateRole::At)
        } else if let Some(unit) = c.name("pw") {
            let value = match unit.as_str().to_ascii_lowercase().as_str() {
                "week" => Relative::PastDays(7),
                "month" => Relative::PastDays(30),
                _ => Relative::PastMonths(12),
            };
            (value, DateRole::At)
        } else if let Some(unit) = c.name("prev") {
            let value = match unit.as_str().to_ascii_lowercase().as_str() {
                "week" => Relative::LastWeek,
                "month" => Relative::LastMonth,
                _ => Relative::LastYear,
            };
            (value, DateRole::At)
        } else if let Some(part) = c.name("lmp") {
            (
                Relative::LastMonthPart(month_part(part.as_str())),
                DateRole::At,
            )
        } else if let Some(part) = c.name("tmp") {
            (
                Relative::ThisMonthPart(month_part(part.as_str())),
                DateRole::At,
            )
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
                "the day before yesterday" => (Relative::DaysAgo(2), DateRole::At),
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
                "this year" | "earlier this year" => (Relative::ThisYear, DateRole::At),
                "last year" | "the previous year" => (Relative::LastYear, DateRole::At),
                _ => (Relative::Today, DateRole::Future),
            }
        };
        w.push(found, m.start(), m.end(), DateValue::Relative(value), role);
    }
}

/// "into a fifth day", "the 15th day of the war", "day 5 of the fighting".
fn day_of_fighting_dates(w: &Window<'_>, found: &mut Vec<DateMention>) {
    for c in w.matches(&PATTERNS.day_of_fighting) {
        let (Some(m), Some(o)) = (c.get(0), c.name("o1").or(c.name("o2")).or(c.name("o3"))) else {
            continue;
        };
        // "the third day of October" is a date, not a count
        let rest = w.text.get(m.end()..).unwrap_or_default().trim_start();
        let month_follows = rest
            .strip_prefix("of ")
            .and_then(|r| r.get(..3))
            .and_then(month_number)
            .is_some();
        if let Some(n) = ordinal_number(o.as_str()).filter(|_| !month_follows) {
            let value = DateValue::Relative(Relative::DayOfFighting(n));
            w.push(found, m.start(), m.end(), value, DateRole::At);
        }
    }
}

/// The month a name or abbreviation stands for (1–12).
///
/// ```
/// assert_eq!(karabakh_core::dates::month_number("Sept."), Some(9));
/// ```
pub fn month_number(name: &str) -> Option<u32> {
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

/// "a", "two" … "twelve", "few" (3), "several" (5) or digits as a count.
fn count_word(text: &str) -> Option<u32> {
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let lower = text.to_ascii_lowercase();
    match lower.as_str() {
        "a" | "an" => return Some(1),
        "few" => return Some(3),
        "several" => return Some(5),
        _ => {}
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
