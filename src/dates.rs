//! Deadlines and the calendar arithmetic around them: `due:` tokens, "today" in the site's
//! timezone, weeks and agenda buckets.

use crate::language::{fill, Language};
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc, Weekday};
use chrono_tz::Tz;
use serde::Serialize;
use std::fmt;

/// How precisely a deadline was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Quarter,
}

/// A deadline. `date` is the last day it allows: the day itself, or the period's last day for
/// `due:2025-12` and `due:2025-Q4`, so comparisons and sorting need no special cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Due {
    pub date: NaiveDate,
    pub precision: Precision,
}

impl PartialOrd for Due {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Due {
    /// By last allowed day; on the same day the precise deadline comes first.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.date, self.precision).cmp(&(other.date, other.precision))
    }
}

impl Due {
    /// Parses the part after `due:`: `YYYY-MM-DD`, `YYYY-MM` or `YYYY-Qn`.
    pub fn parse(text: &str) -> Result<Due, String> {
        let expected = "expected due:YYYY-MM-DD, due:YYYY-MM or due:YYYY-Qn";
        let mut parts = text.split('-');
        let (Some(year), Some(second)) = (parts.next(), parts.next()) else {
            return Err(format!("`due:{text}` is not a deadline; {expected}"));
        };
        let third = parts.next();
        if parts.next().is_some() || year.len() != 4 || !all_digits(year) {
            return Err(format!("`due:{text}` is not a deadline; {expected}"));
        }
        let year: i32 = year
            .parse()
            .map_err(|_| format!("bad year in `due:{text}`"))?;
        if let Some(quarter) = second.strip_prefix(['Q', 'q']) {
            return match (quarter, third) {
                ("1" | "2" | "3" | "4", None) => {
                    let quarter: u32 = quarter.parse().unwrap_or(1);
                    let date = last_day_of_month(year, quarter * 3)
                        .ok_or_else(|| format!("`due:{text}` is out of range"))?;
                    Ok(Due {
                        date,
                        precision: Precision::Quarter,
                    })
                }
                _ => Err(format!("`due:{text}`: a quarter is Q1 to Q4")),
            };
        }
        if second.len() != 2 || !all_digits(second) {
            return Err(format!("`due:{text}` is not a deadline; {expected}"));
        }
        let month: u32 = second.parse().unwrap_or(0);
        if !(1..=12).contains(&month) {
            return Err(format!("`due:{text}`: there is no month {month}"));
        }
        match third {
            None => Ok(Due {
                date: last_day_of_month(year, month)
                    .ok_or_else(|| format!("`due:{text}` is out of range"))?,
                precision: Precision::Month,
            }),
            Some(day) if day.len() == 2 && all_digits(day) => {
                let day: u32 = day.parse().unwrap_or(0);
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(|date| Due {
                        date,
                        precision: Precision::Day,
                    })
                    .ok_or_else(|| format!("`due:{text}` is not a real date"))
            }
            Some(_) => Err(format!("`due:{text}` is not a deadline; {expected}")),
        }
    }

    /// The token as written in content: `2025-11-28`, `2025-11` or `2025-Q4`.
    pub fn token(&self) -> String {
        match self.precision {
            Precision::Day => self.date.format("%Y-%m-%d").to_string(),
            Precision::Month => self.date.format("%Y-%m").to_string(),
            Precision::Quarter => format!("{}-Q{}", self.date.year(), quarter_of(self.date)),
        }
    }

    /// For people: "Fri 28 Nov 2025", "by end of December 2025", "by end of Q4 2025", in the
    /// site's language ("eind december 2025", "fin T4 2025").
    pub fn label(&self, language: Language) -> String {
        let patterns = language.date_patterns();
        let year = self.date.year().to_string();
        match self.precision {
            Precision::Day => day_label(self.date, language),
            Precision::Month => fill(
                patterns.month_end,
                &[
                    ("month", language.month(self.date.month())),
                    ("year", &year),
                ],
            ),
            Precision::Quarter => fill(
                patterns.quarter_end,
                &[
                    ("quarter", &quarter_of(self.date).to_string()),
                    ("year", &year),
                ],
            ),
        }
    }

    /// The first day of the period the deadline names, for calendar clients that show a span.
    pub fn period_start(&self) -> NaiveDate {
        match self.precision {
            Precision::Day => self.date,
            Precision::Month => self.date.with_day(1).unwrap_or(self.date),
            Precision::Quarter => {
                let first_month = (quarter_of(self.date) - 1) * 3 + 1;
                NaiveDate::from_ymd_opt(self.date.year(), first_month, 1).unwrap_or(self.date)
            }
        }
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.token())
    }
}

fn all_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

pub(crate) fn quarter_of(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3 + 1
}

/// The last day of a month, or None when the year is out of chrono's range.
pub(crate) fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

/// The first day of the month `date` is in.
pub(crate) fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// "Today" for a build: the explicit date if one was given, else the current date where the team
/// works, which differs from UTC's around midnight.
pub(crate) fn resolve_today(
    pinned: Option<NaiveDate>,
    timezone: Tz,
    now: DateTime<Utc>,
) -> NaiveDate {
    pinned.unwrap_or_else(|| now.with_timezone(&timezone).date_naive())
}

/// The first day of the week containing `date`.
pub(crate) fn week_start(date: NaiveDate, first_day: Weekday) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday() - first_day.num_days_from_monday()) % 7;
    date - Days::new(u64::from(back))
}

/// Where a deadline falls in an agenda, seen from `today`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Bucket {
    Overdue,
    Today,
    ThisWeek,
    NextWeek,
    /// Later, grouped by the month the deadline falls in (first day of that month).
    Later(NaiveDate),
    Undated,
}

impl Bucket {
    pub(crate) fn of(due: Option<Due>, today: NaiveDate, first_day: Weekday) -> Bucket {
        let Some(due) = due else {
            return Bucket::Undated;
        };
        let this_week = week_start(today, first_day);
        let next_week = this_week + Days::new(7);
        let after_next = next_week + Days::new(7);
        match due.date {
            d if d < today => Bucket::Overdue,
            d if d == today => Bucket::Today,
            d if d < next_week => Bucket::ThisWeek,
            d if d < after_next => Bucket::NextWeek,
            d => Bucket::Later(month_start(d)),
        }
    }

    /// The group's heading in English, as the terminal's agenda writes it; pages take the
    /// theme's words (`Words::bucket_title`).
    pub(crate) fn title(&self) -> String {
        match self {
            Bucket::Overdue => "Overdue".into(),
            Bucket::Today => "Today".into(),
            Bucket::ThisWeek => "This week".into(),
            Bucket::NextWeek => "Next week".into(),
            Bucket::Later(month) => month_label(*month, Language::English),
            Bucket::Undated => "No deadline".into(),
        }
    }

    pub(crate) fn key(&self) -> String {
        match self {
            Bucket::Overdue => "overdue".into(),
            Bucket::Today => "today".into(),
            Bucket::ThisWeek => "this-week".into(),
            Bucket::NextWeek => "next-week".into(),
            Bucket::Later(month) => month.format("later-%Y-%m").to_string(),
            Bucket::Undated => "undated".into(),
        }
    }
}

/// Whether an open task with this deadline has slipped. A task due today is not overdue.
pub(crate) fn is_overdue(due: Option<Due>, done: bool, today: NaiveDate) -> bool {
    !done && due.is_some_and(|due| due.date < today)
}

/// Parses a weekday name from site.toml (`week_start = "sunday"`).
pub(crate) fn parse_weekday(name: &str) -> Option<Weekday> {
    match name.to_ascii_lowercase().as_str() {
        "monday" | "mon" => Some(Weekday::Mon),
        "tuesday" | "tue" => Some(Weekday::Tue),
        "wednesday" | "wed" => Some(Weekday::Wed),
        "thursday" | "thu" => Some(Weekday::Thu),
        "friday" | "fri" => Some(Weekday::Fri),
        "saturday" | "sat" => Some(Weekday::Sat),
        "sunday" | "sun" => Some(Weekday::Sun),
        _ => None,
    }
}

/// A day as pages write it: `Fri 4 Dec 2026`, `vr 4 dec 2026`, `ven. 4 déc. 2026`,
/// `Fr., 4. Dez. 2026`.
pub(crate) fn day_label(date: NaiveDate, language: Language) -> String {
    fill(
        language.date_patterns().day,
        &[
            ("weekday", language.weekday_short(date.weekday())),
            ("day", &date.day().to_string()),
            ("month", language.month_short(date.month())),
            ("year", &date.year().to_string()),
        ],
    )
}

/// The day a task was done, as its line says it: `done Fri 4 Dec 2026`.
pub(crate) fn done_on_label(day: NaiveDate, language: Language) -> String {
    fill(
        language.date_patterns().done_on,
        &[("day", &day_label(day, language))],
    )
}

/// A day of this year, as after "5 days late": `4 Dec`, `4 déc.`, `4. Dez.`.
pub(crate) fn short_day_label(date: NaiveDate, language: Language) -> String {
    fill(
        language.date_patterns().short_day,
        &[
            ("day", &date.day().to_string()),
            ("month", language.month_short(date.month())),
        ],
    )
}

/// A day heading a calendar's cell: `Friday 4 December`, `vendredi 4 décembre`,
/// `Freitag, 4. Dezember`.
pub(crate) fn long_day_label(date: NaiveDate, language: Language) -> String {
    fill(
        language.date_patterns().long_day,
        &[
            ("weekday", language.weekday(date.weekday())),
            ("day", &date.day().to_string()),
            ("month", language.month(date.month())),
        ],
    )
}

/// A month standing alone, as a heading or a link: `November 2025`, `Novembre 2025`.
pub(crate) fn month_label(month: NaiveDate, language: Language) -> String {
    let name = language.month(month.month());
    let mut letters = name.chars();
    let capitalised: String = letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default();
    format!("{capitalised} {}", month.year())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!(
            Due::parse("2025-11-28"),
            Ok(Due {
                date: date(2025, 11, 28),
                precision: Precision::Day
            })
        );
        assert_eq!(Due::parse("2025-12").unwrap().date, date(2025, 12, 31));
        assert_eq!(Due::parse("2026-02").unwrap().date, date(2026, 2, 28));
        assert_eq!(Due::parse("2025-Q4").unwrap().date, date(2025, 12, 31));
        assert_eq!(Due::parse("2026-q1").unwrap().date, date(2026, 3, 31));
        assert_eq!(Due::parse("2026-Q2").unwrap().precision, Precision::Quarter);
    }

    #[test]
    fn leap_years_are_respected() {
        assert_eq!(Due::parse("2024-02").unwrap().date, date(2024, 2, 29));
        assert!(Due::parse("2024-02-29").is_ok());
        assert!(Due::parse("2025-02-29").is_err());
        assert!(Due::parse("2100-02-29").is_err());
        assert!(Due::parse("2000-02-29").is_ok());
    }

    #[test]
    fn rejects_impossible_and_malformed_deadlines() {
        for bad in [
            "2025-02-30",
            "2025-13",
            "2025-00",
            "2025-Q5",
            "2025-Q0",
            "2025-1-5",
            "25-01-01",
            "2025",
            "2025-11-28-1",
            "soon",
            "2025-11-xx",
        ] {
            assert!(Due::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn labels_read_as_people_say_them() {
        let label = |token: &str, language| Due::parse(token).unwrap().label(language);
        assert_eq!(label("2025-11-28", Language::English), "Fri 28 Nov 2025");
        assert_eq!(
            label("2025-12", Language::English),
            "by end of December 2025"
        );
        assert_eq!(label("2025-Q4", Language::English), "by end of Q4 2025");
        assert_eq!(label("2025-11-28", Language::Dutch), "vr 28 nov 2025");
        assert_eq!(label("2025-12", Language::Dutch), "eind december 2025");
        assert_eq!(label("2025-11-28", Language::French), "ven. 28 nov. 2025");
        assert_eq!(label("2025-Q4", Language::French), "fin T4 2025");
        assert_eq!(label("2025-11-28", Language::German), "Fr., 28. Nov. 2025");
        assert_eq!(label("2025-12", Language::German), "bis Ende Dezember 2025");
        assert_eq!(Due::parse("2025-Q4").unwrap().token(), "2025-Q4");
        assert_eq!(
            Due::parse("2025-Q4").unwrap().period_start(),
            date(2025, 10, 1)
        );
    }

    #[test]
    fn due_today_is_not_overdue_and_month_deadlines_run_to_the_month_end() {
        let today = date(2025, 11, 24);
        assert!(!is_overdue(Due::parse("2025-11-24").ok(), false, today));
        assert!(is_overdue(Due::parse("2025-11-23").ok(), false, today));
        assert!(!is_overdue(Due::parse("2025-11-23").ok(), true, today));
        assert!(!is_overdue(Due::parse("2025-11").ok(), false, today));
        assert!(is_overdue(Due::parse("2025-10").ok(), false, today));
        assert!(!is_overdue(None, false, today));
    }

    #[test]
    fn weeks_start_on_the_configured_day() {
        // 2025-11-24 is a Monday, 2025-11-30 a Sunday.
        assert_eq!(
            week_start(date(2025, 11, 24), Weekday::Mon),
            date(2025, 11, 24)
        );
        assert_eq!(
            week_start(date(2025, 11, 30), Weekday::Mon),
            date(2025, 11, 24)
        );
        assert_eq!(
            week_start(date(2025, 11, 30), Weekday::Sun),
            date(2025, 11, 30)
        );
        assert_eq!(
            week_start(date(2025, 11, 29), Weekday::Sun),
            date(2025, 11, 23)
        );
        // Across a year boundary.
        assert_eq!(
            week_start(date(2026, 1, 1), Weekday::Mon),
            date(2025, 12, 29)
        );
    }

    #[test]
    fn buckets_follow_week_boundaries() {
        let today = date(2025, 11, 26); // a Wednesday
        let bucket = |d: &str| Bucket::of(Due::parse(d).ok(), today, Weekday::Mon);
        assert_eq!(bucket("2025-11-25"), Bucket::Overdue);
        assert_eq!(bucket("2025-11-26"), Bucket::Today);
        assert_eq!(bucket("2025-11-30"), Bucket::ThisWeek);
        assert_eq!(bucket("2025-12-01"), Bucket::NextWeek);
        assert_eq!(bucket("2025-12-07"), Bucket::NextWeek);
        assert_eq!(bucket("2025-12-08"), Bucket::Later(date(2025, 12, 1)));
        assert_eq!(bucket("2025-11"), Bucket::ThisWeek);
        assert_eq!(bucket("2026-01"), Bucket::Later(date(2026, 1, 1)));
        assert_eq!(Bucket::of(None, today, Weekday::Mon), Bucket::Undated);
        // With Sunday weeks, Sunday 30 Nov already starts next week.
        assert_eq!(
            Bucket::of(Due::parse("2025-11-30").ok(), today, Weekday::Sun),
            Bucket::NextWeek
        );
    }

    #[test]
    fn today_follows_the_site_timezone_not_utc() {
        // 23:30 UTC on 24 Nov is already 25 Nov in Brussels and still 24 Nov in New York.
        let now = Utc.with_ymd_and_hms(2025, 11, 24, 23, 30, 0).unwrap();
        assert_eq!(
            resolve_today(None, chrono_tz::Europe::Brussels, now),
            date(2025, 11, 25)
        );
        assert_eq!(
            resolve_today(None, chrono_tz::America::New_York, now),
            date(2025, 11, 24)
        );
        assert_eq!(
            resolve_today(Some(date(2020, 1, 1)), chrono_tz::UTC, now),
            date(2020, 1, 1)
        );
    }
}
