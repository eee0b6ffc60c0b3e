//! Deadlines written in words ("before the end of November", "Dec 4-5", "next week") read
//! relative to the meeting date. What cannot be read with certainty is reported, never guessed.

use crate::dates::{last_day_of_month, Due, Precision};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A deadline phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The words it was read from, as written.
    pub words: String,
    pub span: Range<usize>,
    pub reading: Reading,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    Due(Due),
    /// Recognised as a deadline, but not datable with certainty; says why.
    Uncertain(String),
}

/// Month names and their abbreviations in English, Dutch, French and German.
const MONTH: &str = r"(january|february|march|april|may|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|januar|j[äa]nner|februar|m[äa]rz|maerz|dezember|janv|f[ée]vr|avr|juil|mrt|okt|dez|d[ée]c|m[äa]r|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?";
/// A day of the month: "3", "3rd", "1er" (French), "15." (German).
const DAY: &str = r"(\d{1,2})(?:st|nd|rd|th|er)?\.?";
/// Weekday names in English, Dutch, French and German.
const WEEKDAY: &str = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)";
/// Words before a deadline that say "by" or "on", in the four languages.
const BY: &str = r"(?:by|on|until|till|due|before|for|tegen|voor|op|tot|uiterlijk|ten\s+laatste|d['’]ici|avant|pour|le|au|jusqu['’]au|bis|zum|am|vor|sp[äa]testens)";

/// The month a name or abbreviation means, in any of the four languages.
fn month_number(name: &str) -> Option<u32> {
    let name = deunicode::deunicode(name.trim_end_matches('.')).to_ascii_lowercase();
    // Longer prefixes first where a shorter one would take another month's name.
    let months = [
        ("juin", 6),
        ("juil", 7),
        ("jan", 1),
        ("feb", 2),
        ("fev", 2),
        ("mar", 3),
        ("mae", 3),
        ("maa", 3),
        ("mrt", 3),
        ("apr", 4),
        ("avr", 4),
        ("may", 5),
        ("mei", 5),
        ("mai", 5),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("aou", 8),
        ("sep", 9),
        ("oct", 10),
        ("okt", 10),
        ("nov", 11),
        ("dec", 12),
        ("dez", 12),
    ];
    months
        .iter()
        .find(|(prefix, _)| name.starts_with(prefix))
        .map(|(_, number)| *number)
}

fn number_word(word: &str) -> Option<u64> {
    match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        other => other.parse().ok(),
    }
}

/// The patterns, most specific first; a later pattern never reads words an earlier one took.
struct Patterns {
    rules: Vec<(Regex, Rule)>,
}

#[derive(Clone, Copy)]
enum Rule {
    Iso,
    IsoSlash,
    DayMonthYear,
    MonthDayYear,
    NumericWithYear,
    NumericSlash,
    NumericDots,
    PartOfMonth,
    PartOfQuarter,
    Tomorrow,
    Today,
    EndOfWeek,
    EndOfMonth,
    IsoWeek,
    Weekday,
    /// A weekday of the week after the meeting's: "volgende week dinsdag".
    WeekdayNextWeek,
    MonthDayRange,
    DayMonthRange,
    EndOfMonthName,
    EndOfNextMonth,
    MonthDay,
    DayMonth,
    Fiscal,
    FiscalNamed,
    CalendarQuarter,
    ThisWeek,
    NextWeek,
    InPeriod,
    InMonth,
    Holiday,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let rule = |pattern: String, rule: Rule| {
            // The patterns are constants of this file, tested below.
            Regex::new(&format!("(?i){pattern}")).map(|re| (re, rule))
        };
        let rules = [
            rule(r"\b(\d{4})-(\d{2})-(\d{2})\b".into(), Rule::Iso),
            rule(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b".into(), Rule::IsoSlash),
            rule(
                format!(r"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b"),
                Rule::DayMonthYear,
            ),
            rule(
                format!(r"\b{MONTH}\s+{DAY},?\s+(\d{{4}})\b"),
                Rule::MonthDayYear,
            ),
            rule(
                r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4}|\d{2})\b".into(),
                Rule::NumericWithYear,
            ),
            rule(
                format!(r"\b{BY}\s+(\d{{1,2}})/(\d{{1,2}})\b"),
                Rule::NumericSlash,
            ),
            rule(r"\b(\d{1,2})\.(\d{1,2})\.(?:[^\d]|$)".into(), Rule::NumericDots),
            rule(
                format!(r"\b(early|mid|late)[\s-]+{MONTH}"),
                Rule::PartOfMonth,
            ),
            rule(
                r"\b(early|mid|late)[\s-]+(?:Q[1-4]|quarter)\b".into(),
                Rule::PartOfQuarter,
            ),
            rule(r"\b(?:tomorrow|morgen|demain)\b".into(), Rule::Tomorrow),
            rule(
                r"\b(?:today|EOD|COB|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+business|vandaag|aujourd['’]hui|heute)\b".into(),
                Rule::Today,
            ),
            rule(
                r"\b(?:eind|einde|eind\s+van|einde\s+van|het\s+einde\s+van|fin|fin\s+de|la\s+fin\s+de|ende|ende\s+der)\s+(?:deze\s+|de\s+|la\s+|cette\s+|dieser\s+)?(?:week|semaine|woche)\b".into(),
                Rule::EndOfWeek,
            ),
            rule(
                r"\b(?:eind|einde|eind\s+van|einde\s+van|het\s+einde\s+van|fin|fin\s+du|la\s+fin\s+du|ende|ende\s+des)\s+(?:deze\s+|de\s+)?(?:maand|mois|monats)\b|\bmonatsende\b".into(),
                Rule::EndOfMonth,
            ),
            rule(
                format!(r"\b(?:(?:volgende|komende)\s+week\s+{WEEKDAY}|(?:n[äa]chste|kommende)\s+woche\s+{WEEKDAY}|{WEEKDAY}\s+(?:de\s+la\s+semaine\s+prochaine|in\s+der\s+n[äa]chsten\s+woche))\b"),
                Rule::WeekdayNextWeek,
            ),
            rule(
                r"\b(?:(?:before\s+|by\s+)?EOW|(?:before\s+|by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|week'?s\s+end)\b".into(),
                Rule::EndOfWeek,
            ),
            rule(
                r"\b(?:(?:before\s+|by\s+)?EOM|month[\s-]end|(?:before\s+|by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month)\b".into(),
                Rule::EndOfMonth,
            ),
            rule(
                r"\b(?:CW|KW|wk|week|semaine|woche)\s?(\d{1,2})\b".into(),
                Rule::IsoWeek,
            ),
            rule(
                r"\b(?:(by|on|until|till|before|next|this|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b".into(),
                Rule::Weekday,
            ),
            rule(
                r"\b(by|on|until|till|before|next|this|coming)\s+(mon|tue|tues|wed|thu|thur|thurs|fri)\b\.?".into(),
                Rule::Weekday,
            ),
            // Dutch and German put "next" before the day, French after it.
            rule(
                format!(r"\b(?:(tegen|voor|op|tot|uiterlijk|volgende|komende|deze|d['’]ici|avant|pour|jusqu['’]à|bis|am|vor|n[äa]chsten|kommenden|diesen)\s+)?{WEEKDAY}(\s+prochain)?\b"),
                Rule::Weekday,
            ),
            rule(
                format!(r"\b{MONTH}\s+{DAY}\s*(?:-|–|to)\s*{DAY}\b"),
                Rule::MonthDayRange,
            ),
            rule(
                format!(r"\b{DAY}\s*(?:-|–|to)\s*{DAY}\s+(?:of\s+)?{MONTH}"),
                Rule::DayMonthRange,
            ),
            rule(
                format!(r"\b(?:before\s+|by\s+)?the\s+end\s+of\s+{MONTH}"),
                Rule::EndOfMonthName,
            ),
            rule(
                format!(r"\b(?:eind|einde|eind\s+van|einde\s+van|het\s+einde\s+van|fin|fin\s+de|fin\s+d['’]|la\s+fin\s+de|la\s+fin\s+d['’]|ende|ende\s+des)\s*{MONTH}"),
                Rule::EndOfMonthName,
            ),
            rule(
                r"\b(?:before\s+|by\s+)?the\s+end\s+of\s+next\s+month\b".into(),
                Rule::EndOfNextMonth,
            ),
            rule(format!(r"\b{MONTH}\s+{DAY}\b"), Rule::MonthDay),
            rule(format!(r"\b{DAY}\s+(?:of\s+)?{MONTH}"), Rule::DayMonth),
            rule(
                r"\bQ([1-4])\s+(next|this)\s+fiscal(?:\s+year)?\b".into(),
                Rule::Fiscal,
            ),
            rule(
                r"\b(?:Q([1-4])\s+FY\s?(\d{2,4})|FY\s?(\d{2,4})\s+Q([1-4]))\b".into(),
                Rule::FiscalNamed,
            ),
            rule(r"\bQ([1-4])\s+(\d{4})\b".into(), Rule::CalendarQuarter),
            rule(
                r"\b(?:(?:by\s+the\s+end\s+of\s+)?this\s+week|deze\s+week|cette\s+semaine|diese\s+woche)\b".into(),
                Rule::ThisWeek,
            ),
            rule(
                r"\b(?:next\s+week|volgende\s+week|komende\s+week|(?:la\s+)?semaine\s+prochaine|n[äa]chste\s+woche|kommende\s+woche)\b".into(),
                Rule::NextWeek,
            ),
            rule(
                r"\bin\s+(a|an|one|two|three|four|five|six|\d+)\s+(day|week|month)s?\b".into(),
                Rule::InPeriod,
            ),
            rule(
                format!(r"\b(?:in|by|during)\s+{MONTH}(?:\s+(\d{{4}}))?\b"),
                Rule::InMonth,
            ),
            rule(
                r"\b(before|by|after|around|until|for|voor|tegen|na|avant|pour|apr[èe]s|vor|bis|nach)\s+(easter|christmas|new\s+year'?s?(?:\s+eve)?|the\s+holidays|summer|kerstmis|kerst|nieuwjaar|pasen|no[ëe]l|nouvel\s+an|p[âa]ques|weihnachten|neujahr|silvester|ostern)\b".into(),
                Rule::Holiday,
            ),
        ];
        Patterns {
            rules: rules.into_iter().flatten().collect(),
        }
    })
}

/// The next date with this month and day on or after `from`.
fn next_occurrence(from: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(from.year(), month, day);
    match this_year {
        Some(date) if date >= from => Some(date),
        _ => NaiveDate::from_ymd_opt(from.year() + 1, month, day),
    }
}

/// The first day of the next month named `month` (this month counts) from `from`.
fn next_month(from: NaiveDate, month: u32) -> Option<NaiveDate> {
    let year = if month < from.month() {
        from.year() + 1
    } else {
        from.year()
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn friday_of_week(date: NaiveDate) -> NaiveDate {
    let monday = date - Days::new(u64::from(date.weekday().num_days_from_monday()));
    monday + Days::new(u64::from(Weekday::Fri.num_days_from_monday()))
}

fn day(date: NaiveDate) -> Reading {
    Reading::Due(Due {
        date,
        precision: Precision::Day,
    })
}

/// The last day of a fiscal quarter as a deadline: quarter precision when fiscal quarters line up
/// with calendar quarters, the exact day otherwise.
fn fiscal_quarter(fiscal_start: u32, fiscal_year_end: i32, quarter: u32) -> Option<Reading> {
    // A fiscal year is named after the calendar year it ends in (FY26 = Jul 2025 – Jun 2026).
    let first_year = if fiscal_start == 1 {
        fiscal_year_end
    } else {
        fiscal_year_end - 1
    };
    let start = NaiveDate::from_ymd_opt(first_year, fiscal_start, 1)?
        .checked_add_months(Months::new((quarter - 1) * 3))?;
    let last_month = start.checked_add_months(Months::new(2))?;
    let last = last_day_of_month(last_month.year(), last_month.month())?;
    let precision = if fiscal_start % 3 == 1 {
        Precision::Quarter
    } else {
        Precision::Day
    };
    Some(Reading::Due(Due {
        date: last,
        precision,
    }))
}

fn fiscal_year_of(date: NaiveDate, fiscal_start: u32) -> i32 {
    if fiscal_start == 1 || date.month() < fiscal_start {
        date.year()
    } else {
        date.year() + 1
    }
}

/// What a phrase is read against: the meeting's day, the month the fiscal year starts, and
/// whether a numeric date like 03/04 gives the day first (`None`: unknown, so refused as
/// ambiguous unless one number is over 12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub meeting: NaiveDate,
    pub fiscal_start: Option<u32>,
    pub day_first: Option<bool>,
}

/// A numeric day and month whose order is known from the numbers or from the context.
fn day_and_month(first: u32, second: u32, day_first: Option<bool>) -> Result<(u32, u32), Reading> {
    match (first > 12, second > 12, day_first) {
        (true, false, _) => Ok((first, second)),
        (false, true, _) => Ok((second, first)),
        (false, false, _) if first == second => Ok((first, second)),
        (false, false, Some(true)) => Ok((first, second)),
        (false, false, Some(false)) => Ok((second, first)),
        _ => Err(Reading::Uncertain(
            "a numeric date that reads either way (day/month or month/day): set date_order in site.toml".into(),
        )),
    }
}

/// The next `weekday` after `from`; with `next`, the one in the week after `from`'s week.
fn weekday_after(from: NaiveDate, weekday: Weekday, next_week: bool) -> NaiveDate {
    let monday = from - Days::new(u64::from(from.weekday().num_days_from_monday()));
    if next_week {
        return monday + Days::new(7 + u64::from(weekday.num_days_from_monday()));
    }
    let this_week = monday + Days::new(u64::from(weekday.num_days_from_monday()));
    if this_week > from {
        this_week
    } else {
        this_week + Days::new(7)
    }
}

fn weekday_named(name: &str) -> Option<Weekday> {
    let name = name.trim_end_matches('.').to_lowercase();
    [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
        ("maa", Weekday::Mon),
        ("din", Weekday::Tue),
        ("woe", Weekday::Wed),
        ("don", Weekday::Thu),
        ("vri", Weekday::Fri),
        ("zat", Weekday::Sat),
        ("zon", Weekday::Sun),
        ("lun", Weekday::Mon),
        ("mar", Weekday::Tue),
        ("mer", Weekday::Wed),
        ("jeu", Weekday::Thu),
        ("ven", Weekday::Fri),
        ("sam", Weekday::Sat),
        ("dim", Weekday::Sun),
        ("die", Weekday::Tue),
        ("mit", Weekday::Wed),
        ("fre", Weekday::Fri),
        ("sonnabend", Weekday::Sat),
        ("son", Weekday::Sun),
    ]
    .into_iter()
    .filter(|(prefix, _)| name.starts_with(prefix))
    .max_by_key(|(prefix, _)| prefix.len())
    .map(|(_, day)| day)
}

/// Friday of ISO week `week`: of the meeting's year, or the next year's when that week has
/// passed.
fn friday_of_iso_week(meeting: NaiveDate, week: u32) -> Option<NaiveDate> {
    let of_year = |year| NaiveDate::from_isoywd_opt(year, week, Weekday::Fri);
    let this_year = of_year(meeting.iso_week().year())?;
    if this_year >= meeting - Days::new(7) {
        Some(this_year)
    } else {
        of_year(meeting.iso_week().year() + 1)
    }
}

fn full_year(year: i32) -> i32 {
    if year < 100 {
        2000 + year
    } else {
        year
    }
}

fn read(rule: Rule, caps: &regex::Captures, context: &Context) -> Option<Reading> {
    let meeting = context.meeting;
    let text = |i: usize| caps.get(i).map(|m| m.as_str()).unwrap_or("");
    let num = |i: usize| text(i).parse::<u32>().ok();
    match rule {
        Rule::Iso | Rule::IsoSlash => {
            NaiveDate::from_ymd_opt(text(1).parse().ok()?, num(2)?, num(3)?).map(day)
        }
        Rule::DayMonthYear => {
            NaiveDate::from_ymd_opt(text(3).parse().ok()?, month_number(text(2))?, num(1)?).map(day)
        }
        Rule::MonthDayYear => {
            NaiveDate::from_ymd_opt(text(3).parse().ok()?, month_number(text(1))?, num(2)?).map(day)
        }
        Rule::NumericWithYear => {
            let day_first = if text(2) == "." {
                Some(true)
            } else {
                context.day_first
            };
            let (d, m) = match day_and_month(num(1)?, num(3)?, day_first) {
                Ok(order) => order,
                Err(uncertain) => return Some(uncertain),
            };
            NaiveDate::from_ymd_opt(full_year(text(4).parse().ok()?), m, d).map(day)
        }
        // "tegen 5/2", "pour le 5/2", "bis 5/2": where the words are not English, so is the
        // order (day first), whatever the recap's other dates left open.
        Rule::NumericSlash => {
            match day_and_month(num(1)?, num(2)?, slash_order(text(0), context)) {
                Ok((d, m)) => next_occurrence(meeting, m, d).map(day),
                Err(uncertain) => Some(uncertain),
            }
        }
        // Dots always give the day first (15.12.), as everywhere they are written.
        Rule::NumericDots => next_occurrence(meeting, num(2)?, num(1)?).map(day),
        Rule::PartOfMonth => {
            let first = next_month(meeting, month_number(text(2))?)?;
            let date = match text(1).to_ascii_lowercase().as_str() {
                "early" => first.with_day(10)?,
                "mid" => first.with_day(15)?,
                _ => last_day_of_month(first.year(), first.month())?,
            };
            Some(day(date))
        }
        Rule::MonthDayRange => next_occurrence(meeting, month_number(text(1))?, num(3)?).map(day),
        Rule::DayMonthRange => next_occurrence(meeting, month_number(text(3))?, num(2)?).map(day),
        Rule::MonthDay => next_occurrence(meeting, month_number(text(1))?, num(2)?).map(day),
        Rule::DayMonth => next_occurrence(meeting, month_number(text(2))?, num(1)?).map(day),
        Rule::EndOfMonthName => {
            let first = next_month(meeting, month_number(text(1))?)?;
            last_day_of_month(first.year(), first.month()).map(day)
        }
        Rule::EndOfNextMonth => {
            let next = meeting.checked_add_months(Months::new(1))?;
            last_day_of_month(next.year(), next.month()).map(day)
        }
        Rule::InMonth => {
            let month = month_number(text(1))?;
            let first = match caps.get(2) {
                Some(year) => NaiveDate::from_ymd_opt(year.as_str().parse().ok()?, month, 1)?,
                None => next_month(meeting, month)?,
            };
            Some(Reading::Due(Due {
                date: last_day_of_month(first.year(), first.month())?,
                precision: Precision::Month,
            }))
        }
        Rule::EndOfMonth
        | Rule::EndOfWeek
        | Rule::InPeriod
        | Rule::IsoWeek
        | Rule::NextWeek
        | Rule::PartOfQuarter
        | Rule::ThisWeek
        | Rule::Today
        | Rule::Tomorrow
        | Rule::Weekday
        | Rule::WeekdayNextWeek => read_relative(rule, caps, context),
        Rule::CalendarQuarter | Rule::Fiscal | Rule::FiscalNamed | Rule::Holiday => {
            read_period(rule, caps, context)
        }
    }
}

/// Phrases counted from the meeting day: weekdays, weeks, "tomorrow", "in two weeks".
fn read_relative(rule: Rule, caps: &regex::Captures, context: &Context) -> Option<Reading> {
    let meeting = context.meeting;
    let text = |i: usize| caps.get(i).map(|m| m.as_str()).unwrap_or("");
    let num = |i: usize| text(i).parse::<u32>().ok();
    match rule {
        Rule::PartOfQuarter => Some(Reading::Uncertain(
            "a part of a quarter: too vague for a day, give a date or the quarter".into(),
        )),
        Rule::Tomorrow => meeting.checked_add_days(Days::new(1)).map(day),
        Rule::Today => Some(day(meeting)),
        Rule::EndOfWeek => Some(day(friday_of_week(meeting))),
        Rule::EndOfMonth => last_day_of_month(meeting.year(), meeting.month()).map(day),
        Rule::IsoWeek => friday_of_iso_week(meeting, num(1)?).map(day),
        Rule::Weekday => {
            let weekday = weekday_named(text(2))?;
            let next = [
                "next",
                "volgende",
                "komende",
                "nachsten",
                "nächsten",
                "kommenden",
            ];
            let next_week = next.iter().any(|word| text(1).eq_ignore_ascii_case(word))
                || !text(3).trim().is_empty();
            Some(day(weekday_after(meeting, weekday, next_week)))
        }
        Rule::WeekdayNextWeek => {
            let named = (1..=3).map(text).find(|name| !name.is_empty())?;
            let weekday = weekday_named(named)?;
            let monday =
                meeting + Days::new(7 - u64::from(meeting.weekday().num_days_from_monday()));
            Some(day(
                monday + Days::new(u64::from(weekday.num_days_from_monday()))
            ))
        }
        Rule::ThisWeek => Some(day(friday_of_week(meeting))),
        Rule::NextWeek => Some(day(friday_of_week(meeting + Days::new(7)))),
        Rule::InPeriod => {
            let n = number_word(text(1))?;
            let date = match text(2).to_ascii_lowercase().as_str() {
                "day" => meeting.checked_add_days(Days::new(n))?,
                "week" => meeting.checked_add_days(Days::new(n * 7))?,
                _ => meeting.checked_add_months(Months::new(u32::try_from(n).ok()?))?,
            };
            Some(day(date))
        }
        _ => None,
    }
}

/// Quarters, fiscal quarters and holidays.
fn read_period(rule: Rule, caps: &regex::Captures, context: &Context) -> Option<Reading> {
    let meeting = context.meeting;
    let fiscal_start = context.fiscal_start;
    let text = |i: usize| caps.get(i).map(|m| m.as_str()).unwrap_or("");
    let num = |i: usize| text(i).parse::<u32>().ok();
    let no_fiscal = || {
        Reading::Uncertain(
            "a fiscal quarter: set fiscal_year_start (the month the fiscal year starts) in site.toml".into(),
        )
    };
    match rule {
        Rule::CalendarQuarter => {
            let date = last_day_of_month(text(2).parse().ok()?, num(1)? * 3)?;
            Some(Reading::Due(Due {
                date,
                precision: Precision::Quarter,
            }))
        }
        Rule::Fiscal => {
            let Some(start) = fiscal_start else {
                return Some(no_fiscal());
            };
            let current = fiscal_year_of(meeting, start);
            let year = if text(2).eq_ignore_ascii_case("next") {
                current + 1
            } else {
                current
            };
            fiscal_quarter(start, year, num(1)?)
        }
        Rule::FiscalNamed => {
            let Some(start) = fiscal_start else {
                return Some(no_fiscal());
            };
            let (quarter, year) = match caps.get(1) {
                Some(q) => (q.as_str().parse().ok()?, text(2)),
                None => (num(4)?, text(3)),
            };
            let year: i32 = year.parse().ok()?;
            let year = if year < 100 { 2000 + year } else { year };
            fiscal_quarter(start, year, quarter)
        }
        Rule::Holiday => {
            let holiday = text(2).to_ascii_lowercase();
            let holiday = deunicode::deunicode(&holiday);
            let before = matches!(
                deunicode::deunicode(text(1)).to_ascii_lowercase().as_str(),
                "before" | "by" | "until" | "voor" | "tegen" | "avant" | "vor" | "bis"
            );
            let christmas = ["christmas", "kerst", "noel", "weihnachten"];
            let new_year = ["new", "nieuwjaar", "nouvel", "neujahr", "silvester"];
            let fixed = if christmas.iter().any(|name| holiday.starts_with(name)) {
                Some((12, if before { 24 } else { 25 }))
            } else if new_year.iter().any(|name| holiday.starts_with(name)) {
                Some((12, 31))
            } else {
                None
            };
            match fixed {
                Some((m, d)) => next_occurrence(meeting, m, d).map(day),
                None => Some(Reading::Uncertain(
                    "a holiday or season, whose date varies".into(),
                )),
            }
        }
        _ => None,
    }
}

/// The order of a "by 5/2" date: day first after a Dutch, French or German word.
fn slash_order(words: &str, context: &Context) -> Option<bool> {
    let english = ["by", "on", "until", "till", "due", "before", "for"];
    let first = words.split_whitespace().next().unwrap_or_default();
    if english.iter().any(|word| first.eq_ignore_ascii_case(word)) {
        context.day_first
    } else {
        Some(true)
    }
}

/// Every deadline phrase in `text`, in the order they appear.
pub fn find(text: &str, meeting: NaiveDate, fiscal_start: Option<u32>) -> Vec<Found> {
    find_in(
        text,
        &Context {
            meeting,
            fiscal_start,
            day_first: None,
        },
    )
}

/// Words that, just before or after a date, make it a date of the past or of something else
/// than the task: "agreed in September", "signed on 2 May", "last Friday", "two weeks ago".
const PAST_BEFORE: &[&str] = &[
    "agreed",
    "discussed",
    "decided",
    "signed",
    "started",
    "happened",
    "met",
    "held",
    "was",
    "were",
    "since",
    "last",
    "received",
    "launched",
    "completed",
    "finished",
    "presented",
    "began",
    "occurred",
    "took",
];

fn about_the_past(text: &str, span: &Range<usize>) -> bool {
    const PREPOSITIONS: &[&str] = &["on", "in", "at", "from", "of", "around", "during"];
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    // The word before the date, past a preposition ("signed on 2 May").
    let before = text[..span.start]
        .split_whitespace()
        .rev()
        .map(bare)
        .find(|w| !PREPOSITIONS.contains(&w.as_str()))
        .unwrap_or_default();
    let after = text[span.end..]
        .split_whitespace()
        .next()
        .map(bare)
        .unwrap_or_default();
    PAST_BEFORE.contains(&before.as_str()) || after == "ago"
}

/// Every deadline phrase in `text` read in `context`, in the order they appear. Dates of the
/// past ("agreed in September", a full date before the meeting) are no deadline.
pub fn find_in(text: &str, context: &Context) -> Vec<Found> {
    let meeting = context.meeting;
    let mut taken: Vec<Range<usize>> = Vec::new();
    let mut found = Vec::new();
    for (regex, rule) in &patterns().rules {
        for caps in regex.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let span = whole.range();
            if taken
                .iter()
                .any(|t| t.start < span.end && span.start < t.end)
            {
                continue;
            }
            if about_the_past(text, &span) {
                taken.push(span);
                continue;
            }
            if let Some(mut reading) = read(*rule, &caps, context) {
                if matches!(reading, Reading::Due(due) if due.date < meeting) {
                    reading = Reading::Uncertain("a date before the meeting".into());
                }
                taken.push(span.clone());
                found.push(Found {
                    words: whole.as_str().trim().to_string(),
                    span,
                    reading,
                });
            }
        }
    }
    found.sort_by_key(|f| f.span.start);
    found
}

/// The deadline a task gets: the latest one it names, since earlier dates in a task are its steps
/// ("feedback this week, close before the end of November").
pub fn deadline_of(found: &[Found]) -> Option<(&Found, Due)> {
    found
        .iter()
        .filter_map(|f| match &f.reading {
            Reading::Due(due) => Some((f, *due)),
            Reading::Uncertain(_) => None,
        })
        .max_by_key(|(_, due)| *due)
}

#[cfg(test)]
mod tests;
