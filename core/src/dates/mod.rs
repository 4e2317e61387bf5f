//! Date expressions in English news text and their resolution to day intervals.
//!
//! [`find_dates`] finds absolute ("4 October", "Sept. 27, 2020", "in mid-October"), partial
//! ("in March", "in 2020") and relative ("yesterday", "on Saturday", "the previous day",
//! "the fifth day of fighting") expressions; [`resolve`] turns one into a [`DateSpan`] given the
//! reference date of the text around it. `patterns` holds the regular expressions, `find`
//! one function per family of expression, `resolve` the calendar arithmetic
//! (chrono's).

mod find;
mod patterns;
mod resolve;
mod sources;

use chrono::{NaiveDate, Weekday};

pub use find::{day_of_fighting, find_dates, month_number};
pub use resolve::{first_full_date, first_heading_date, resolve};

#[cfg(doc)]
use crate::model::DateSpan;

/// Builds the date patterns now instead of on first use.
pub fn prepare() {
    patterns::prepare();
}

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
    /// "last Tuesday", "this past Monday", "the previous Friday": the most recent such day
    /// strictly before the reference (a week back when the reference is that weekday).
    LastWeekday(Weekday),
    /// "the past three days", "the last two weeks" (in days), "the past week": the days up to
    /// the reference.
    PastDays(u32),
    /// "the past two months": the months up to the reference.
    PastMonths(u32),
    /// "earlier this year", "this year": the reference's year up to the reference.
    ThisYear,
    /// "late last month", "at the beginning of last month".
    LastMonthPart(MonthPart),
    /// "at the end of the month", "the beginning of this month": part of the reference's month.
    ThisMonthPart(MonthPart),
    /// "the following day", "two days later", "a day earlier", "the previous day", "that
    /// night": days after (or before) the date the story told last; resolved against the
    /// reference only when the story has told none.
    Told(i64),
}

/// A season of a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Autumn,
    /// December to February (of the next year).
    Winter,
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
    /// A span of days: "13-15 July", "between 8 and 10 February", "30 September to 2 October"
    /// (`last_month` is the month of the last day).
    Days {
        year: Option<i32>,
        month: u32,
        first: u32,
        last_month: u32,
        last: u32,
    },
    /// "on the 15th": a day of the reference's month (of the month before, when later).
    OrdinalDay(u32),
    /// "the first Tuesday of October" (`nth` 1–4), "the last Monday of March" (`nth` 0).
    NthWeekday {
        year: Option<i32>,
        month: u32,
        weekday: Weekday,
        nth: u32,
    },
    /// "the summer of 2020".
    Season { year: i32, season: Season },
    /// "early 2021" (January–April), "mid-2021" (May–August), "the end of 2021"
    /// (September–December).
    YearPart { year: i32, part: MonthPart },
    /// "the 1990s".
    Decade(i32),
    /// "the last day of October" (`week` false, `which` 0), "the first week of May" (`week`
    /// true, `which` 1–4, 0 for the last).
    MonthPortion {
        year: Option<i32>,
        month: u32,
        week: bool,
        which: u32,
    },
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSpan, Precision};

    #[track_caller]
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day)
            .unwrap_or_else(|| panic!("no such test date: {}-{}-{}", y, m, day))
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

    /// Resolves the first date of `text` against `reference` as (first day, last day).
    fn span(text: &str, reference: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
        one(text, reference).map(|s| (s.start, s.end))
    }

    #[test]
    fn news_style_forms() {
        // Tuesday 13 October 2020
        let r = d(2020, 10, 13);
        let day = |y, m, dd| Some((d(y, m, dd), d(y, m, dd))); // one day
        let days = |a: NaiveDate, b: NaiveDate| Some((a, b));
        for (text, want) in [
            // weekdays, abbreviated, "last", the day before yesterday
            ("shelled on Mon. the town", day(2020, 10, 12)),
            ("on Thu, artillery fired", day(2020, 10, 8)),
            ("troops entered last Tuesday", day(2020, 10, 6)),
            ("the village was hit last Friday night", day(2020, 10, 9)),
            ("this past Sunday", day(2020, 10, 11)),
            ("the day before yesterday", day(2020, 10, 11)),
            // nth weekday of a month
            ("on the first Tuesday of October", day(2020, 10, 6)),
            ("on the last Monday of March", day(2020, 3, 30)),
            // ago, past, previous, earlier this…
            ("five days ago", day(2020, 10, 8)),
            ("a day ago", day(2020, 10, 12)),
            ("3 weeks ago", days(d(2020, 9, 21), d(2020, 9, 27))),
            ("a fortnight ago", days(d(2020, 9, 28), d(2020, 10, 4))),
            (
                "over the past three days",
                days(d(2020, 10, 11), d(2020, 10, 13)),
            ),
            ("in the last 2 days", days(d(2020, 10, 12), d(2020, 10, 13))),
            (
                "during the past week",
                days(d(2020, 10, 7), d(2020, 10, 13)),
            ),
            ("the previous week", days(d(2020, 10, 5), d(2020, 10, 11))),
            ("earlier this month", days(d(2020, 10, 1), d(2020, 10, 13))),
            ("earlier this year", days(d(2020, 1, 1), d(2020, 10, 13))),
            ("late last month", days(d(2020, 9, 21), d(2020, 9, 30))),
            (
                "at the beginning of the month",
                days(d(2020, 10, 1), d(2020, 10, 10)),
            ),
            // ordinals and bare days
            ("on the 5th", day(2020, 10, 5)),
            ("on the 25th", day(2020, 9, 25)),
            ("March first", day(2020, 3, 1)),
            ("the first of March", day(2020, 3, 1)),
            ("February the 15th", day(2020, 2, 15)),
            ("on the third day of October", day(2020, 10, 3)),
            // parts of periods, bare months
            ("at the end of April", days(d(2020, 4, 21), d(2020, 4, 30))),
            ("end of April", days(d(2020, 4, 21), d(2020, 4, 30))),
            ("in early October", days(d(2020, 10, 1), d(2020, 10, 10))),
            ("shelled Ganja March.", days(d(2020, 3, 1), d(2020, 3, 31))),
            ("in the summer of 2019", days(d(2019, 6, 1), d(2019, 8, 31))),
            // numeric, day first; month first only when it must be
            ("on 15.02.2013", day(2013, 2, 15)),
            ("on 15/02/2013", day(2013, 2, 15)),
            ("on 2013-02-15", day(2013, 2, 15)),
            ("on 02/15/2013", day(2013, 2, 15)),
            ("on 15-02-2013", day(2013, 2, 15)),
            // ranges
            ("July 13-15", days(d(2020, 7, 13), d(2020, 7, 15))),
            ("from 13 to 15 July", days(d(2020, 7, 13), d(2020, 7, 15))),
            (
                "between 8 and 10 February",
                days(d(2020, 2, 8), d(2020, 2, 10)),
            ),
            ("12–16 September", days(d(2020, 9, 12), d(2020, 9, 16))),
            (
                "on the night of 12 to 13 September",
                days(d(2020, 9, 12), d(2020, 9, 13)),
            ),
            (
                "overnight October 10-11",
                days(d(2020, 10, 10), d(2020, 10, 11)),
            ),
            (
                "from 30 September to 2 October",
                days(d(2020, 9, 30), d(2020, 10, 2)),
            ),
            (
                "September 30 to October 2, 2020",
                days(d(2020, 9, 30), d(2020, 10, 2)),
            ),
            // a yearless date later in the year than the reference is last year's
            ("on October 20", day(2019, 10, 20)),
            // forms of date-parser test corpora
            ("on Friday the 9th", day(2020, 10, 9)),
            ("on the last day of September", day(2020, 9, 30)),
            (
                "in the first week of September",
                days(d(2020, 9, 1), d(2020, 9, 7)),
            ),
            ("in early 2019", days(d(2019, 1, 1), d(2019, 4, 30))),
            ("by mid-2019", days(d(2019, 5, 1), d(2019, 8, 31))),
            ("at the end of 2019", days(d(2019, 9, 1), d(2019, 12, 31))),
            ("in the 1990s", days(d(1990, 1, 1), d(1999, 12, 31))),
            ("Fri, 9 Oct 2020 10:55", day(2020, 10, 9)),
            ("2019/03/15", day(2019, 3, 15)),
            ("Sept. 1st, 2020", day(2020, 9, 1)),
            ("the 3rd of March 2020", day(2020, 3, 3)),
            (
                "On 5 May, Armenian forces shelled the village.",
                day(2020, 5, 5),
            ),
        ] {
            assert_eq!(span(text, r), want, "{text}");
        }
    }

    #[test]
    fn future_forms_are_marked() {
        for text in [
            "in two days",
            "next Monday",
            "in the coming weeks",
            "tomorrow morning",
        ] {
            assert_eq!(
                find_dates(text).first().map(|f| f.role),
                Some(DateRole::Future),
                "{text}"
            );
        }
    }
}
