//! Resolving a date expression against the reference date of its text (a section's date or
//! the publication date): calendar arithmetic by chrono, yearless dates placed in the most
//! recent past year, relative dates counted back from the reference.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use super::find::find_dates;
use super::patterns::has_digit;
use super::{DateValue, MonthPart, Reference, Relative, Season};
use crate::model::{DateSource, DateSpan, Precision};

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

/// The year for a yearless month/day: the most recent occurrence not after the reference (a
/// day of slack for time zones: "February 15" in an article of 12 February 2013 is 15 February
/// 2012), else the stated `year_hint`.
fn infer_year(
    month: u32,
    day: u32,
    reference: Option<Reference>,
    year_hint: Option<i32>,
) -> Option<i32> {
    if let Some(r) = reference {
        let year = r.end.year();
        let candidate = NaiveDate::from_ymd_opt(year, month, day.min(28))?;
        return Some(if candidate > r.end + Duration::days(1) {
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
        DateValue::Days {
            year,
            month,
            first,
            last_month,
            last,
        } => {
            let year = year.or_else(|| infer_year(last_month, last, reference, year_hint))?;
            let first_year = if last_month < month { year - 1 } else { year };
            Some(DateSpan::range(
                NaiveDate::from_ymd_opt(first_year, month, first)?,
                NaiveDate::from_ymd_opt(year, last_month, last)?,
                Precision::Day,
                explicit,
            ))
        }
        DateValue::NthWeekday {
            year,
            month,
            weekday,
            nth,
        } => {
            let on = |year: i32| {
                if nth == 0 {
                    let last = last_day_of_month(year, month)?;
                    let back = (7 + last.weekday().num_days_from_monday()
                        - weekday.num_days_from_monday())
                        % 7;
                    Some(last - Duration::days(i64::from(back)))
                } else {
                    NaiveDate::from_weekday_of_month_opt(
                        year,
                        month,
                        weekday,
                        u8::try_from(nth).ok()?,
                    )
                }
            };
            let day = match (year, reference) {
                (Some(y), _) => on(y)?,
                (None, Some(r)) => {
                    let this_year = on(r.end.year())?;
                    if this_year > r.end + Duration::days(1) {
                        on(r.end.year() - 1)?
                    } else {
                        this_year
                    }
                }
                (None, None) => on(year_hint?)?,
            };
            Some(DateSpan::day(day, explicit))
        }
        DateValue::Season { year, season } => {
            let (start, end) = match season {
                Season::Spring => ((year, 3), (year, 5)),
                Season::Summer => ((year, 6), (year, 8)),
                Season::Autumn => ((year, 9), (year, 11)),
                Season::Winter => ((year, 12), (year + 1, 2)),
            };
            Some(DateSpan::range(
                NaiveDate::from_ymd_opt(start.0, start.1, 1)?,
                last_day_of_month(end.0, end.1)?,
                Precision::Month,
                explicit,
            ))
        }
        DateValue::OrdinalDay(day) => {
            let r = reference?;
            let this_month = NaiveDate::from_ymd_opt(r.end.year(), r.end.month(), day);
            let date = match this_month {
                Some(d) if d <= r.end + Duration::days(1) => d,
                _ => {
                    let previous = NaiveDate::from_ymd_opt(r.end.year(), r.end.month(), 1)?
                        .checked_sub_months(Months::new(1))?;
                    NaiveDate::from_ymd_opt(previous.year(), previous.month(), day)?
                }
            };
            Some(DateSpan::day(date, relative))
        }
        DateValue::YearPart { year, part } => {
            let (first, last) = match part {
                MonthPart::Early => (1, 4),
                MonthPart::Mid => (5, 8),
                MonthPart::Late => (9, 12),
            };
            Some(DateSpan::range(
                NaiveDate::from_ymd_opt(year, first, 1)?,
                last_day_of_month(year, last)?,
                Precision::Month,
                explicit,
            ))
        }
        DateValue::Decade(start) => Some(DateSpan::range(
            NaiveDate::from_ymd_opt(start, 1, 1)?,
            NaiveDate::from_ymd_opt(start + 9, 12, 31)?,
            Precision::Year,
            explicit,
        )),
        DateValue::MonthPortion {
            year,
            month,
            week,
            which,
        } => {
            let year = year.or_else(|| infer_year(month, 28, reference, year_hint))?;
            let last = last_day_of_month(year, month)?;
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            Some(match (week, which) {
                (false, _) => DateSpan::day(last, explicit),
                (true, 0) => {
                    DateSpan::range(last - Duration::days(6), last, Precision::Day, explicit)
                }
                (true, n) => {
                    let start = first + Duration::days(7 * i64::from(n - 1));
                    DateSpan::range(
                        start,
                        (start + Duration::days(6)).min(last),
                        Precision::Day,
                        explicit,
                    )
                }
            })
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
                Relative::LastWeekday(wd) => {
                    let back = (7 + r.end.weekday().num_days_from_monday()
                        - wd.num_days_from_monday())
                        % 7;
                    let back = if back == 0 { 7 } else { back };
                    DateSpan::day(r.end - Duration::days(i64::from(back)), relative)
                }
                Relative::PastDays(n) => {
                    let n = i64::from(n.max(1));
                    let precision = if n <= 7 {
                        Precision::Day
                    } else {
                        Precision::Month
                    };
                    DateSpan::range(r.end - Duration::days(n - 1), r.end, precision, relative)
                }
                Relative::PastMonths(n) => DateSpan::range(
                    r.end.checked_sub_months(Months::new(n.max(1)))?,
                    r.end,
                    Precision::Month,
                    relative,
                ),
                Relative::ThisYear => DateSpan::range(
                    NaiveDate::from_ymd_opt(r.end.year(), 1, 1)?,
                    r.end,
                    Precision::Year,
                    relative,
                ),
                Relative::LastMonthPart(part) => {
                    let first = NaiveDate::from_ymd_opt(r.end.year(), r.end.month(), 1)?
                        .checked_sub_months(Months::new(1))?;
                    let (s, e) = month_span(first.year(), first.month(), Some(part))?;
                    DateSpan::range(s, e, Precision::Month, relative)
                }
                Relative::ThisMonthPart(part) => {
                    let (s, e) = month_span(r.end.year(), r.end.month(), Some(part))?;
                    DateSpan::range(s, e.min(r.end).max(s), Precision::Month, relative)
                }
                // without an earlier date in the story, counted from the reference; a day after
                // it would be the future
                Relative::Told(n) if n > 0 => return None,
                Relative::Told(n) => shift(-n, Precision::Day),
                Relative::DayOfFighting(_) => return None,
            })
        }
    }
}

/// The first complete date (with a year) in `text`: for datelines and dated headings.
///
/// ```
/// use karabakh_core::dates::first_full_date;
/// assert_eq!(first_full_date("Azerbaijan-Armenia Update: 28 September, 2020").map(|d| d.to_string()),
///            Some("2020-09-28".to_owned()));
/// ```
pub fn first_full_date(text: &str) -> Option<NaiveDate> {
    // every year the patterns read is 19xx or 20xx: without one, no full date (cheaper to
    // check than to search)
    let has_year = text.as_bytes().windows(4).any(|w| {
        matches!(w, [b'1', b'9', a, b] | [b'2', b'0', a, b] if a.is_ascii_digit() && b.is_ascii_digit())
    });
    if !has_year {
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
