//! Deadlines written in words ("before the end of November", "Dec 4-5", "next week") read
//! relative to the meeting date. What cannot be read with certainty is reported, never guessed.

use crate::dates::{last_day_of_month, Due, Precision};
use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use std::ops::Range;

mod around;
mod vocabulary;
use around::{about_the_past, date_of_something, starts_then, words_before, DEADLINE_BEFORE};
use vocabulary::*;

/// A deadline phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The words it was read from, as written.
    pub words: String,
    pub span: Range<usize>,
    pub reading: Reading,
    /// Said as a deadline: "bis 21.12", "tegen vrijdag", "d'ici le 15", not "im Januar".
    pub introduced: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reading {
    Due(Due),
    /// Recognised as a deadline, but not datable with certainty; says why.
    Uncertain(String),
}

/// The date with this month and day nearest to `from`, in its year or the one before or after:
/// "5 January" in a December meeting is next January, "12 October" in a November one is last
/// October (a date of the past, which is no deadline). A date is never moved a year forward
/// only to make it lie ahead.
fn next_occurrence(from: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [from.year() - 1, from.year(), from.year() + 1]
        .into_iter()
        .filter_map(|year| NaiveDate::from_ymd_opt(year, month, day))
        .min_by_key(|date| ((*date - from).num_days().abs(), *date < from))
}

/// The first day of the month named `month` nearest to `from`'s month (this month counts):
/// "end of January" in November is next January, "in October" in December last October.
fn next_month(from: NaiveDate, month: u32) -> Option<NaiveDate> {
    let ahead = (month + 12 - from.month()) % 12;
    let year = match (ahead, month < from.month()) {
        // Up to six months ahead: this year or, past December, the next.
        (0..=6, true) => from.year() + 1,
        (0..=6, false) => from.year(),
        // Further ahead than back: the month that has passed.
        (_, true) => from.year(),
        (_, false) => from.year() - 1,
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
pub(crate) struct Context {
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

/// Whether `word` names a month in one of the four languages ("Januar", "déc.", "mrt").
pub(crate) fn is_month_name(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    // A prefix that names a month ("Januar", "déc") and no longer word ("Marketing").
    word.chars().count() >= 3 && word.chars().count() <= 9 && month_number(word).is_some()
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
        Rule::MonthDayRange => next_occurrence(meeting, month_number(text(1))?, num(3)?).map(day),
        Rule::DayMonthRange => next_occurrence(meeting, month_number(text(3))?, num(2)?).map(day),
        Rule::MonthDay => next_occurrence(meeting, month_number(text(1))?, num(2)?).map(day),
        Rule::DayMonth => next_occurrence(meeting, month_number(text(2))?, num(1)?).map(day),
        Rule::PartOfMonth
        | Rule::DayOfMonth
        | Rule::EndOfMonthName
        | Rule::EndOfNextMonth
        | Rule::InMonth => read_in_month(rule, caps, context),
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
        Rule::NamedDay => Some(Reading::Uncertain(
            "a named day of the year, not a day of the week".into(),
        )),
    }
}

/// Phrases within a month: a part of a named month, its end, the end of next month, a month
/// alone, a day of the month alone.
fn read_in_month(rule: Rule, caps: &regex::Captures, context: &Context) -> Option<Reading> {
    let meeting = context.meeting;
    let text = |i: usize| caps.get(i).map(|m| m.as_str()).unwrap_or("");
    let num = |i: usize| text(i).parse::<u32>().ok();
    match rule {
        Rule::PartOfMonth => {
            let first = next_month(meeting, month_number(text(2))?)?;
            let last = last_day_of_month(first.year(), first.month())?;
            let date = match deunicode::deunicode(text(1)).to_ascii_lowercase().as_str() {
                // "Early February" names no day: the month is what the recap says.
                "early" | "begin" | "debut" | "anfang" => {
                    return Some(Reading::Due(Due {
                        date: last,
                        precision: Precision::Month,
                    }))
                }
                "mid" | "half" | "mi" | "mitte" => first.with_day(15)?,
                _ => last,
            };
            Some(day(date))
        }
        // The first such day after the meeting: this month's, or the next month's.
        Rule::DayOfMonth => {
            let wanted = num(1).or(num(2))?;
            let this_month = meeting.with_day(wanted).filter(|date| *date > meeting);
            let next = meeting.checked_add_months(Months::new(1))?;
            this_month.or_else(|| next.with_day(wanted)).map(day)
        }
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
        _ => None,
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
            let unit = text(2).to_lowercase();
            let date = if ["d", "j", "t"].iter().any(|first| unit.starts_with(first)) {
                meeting.checked_add_days(Days::new(n))?
            } else if ["w", "s"].iter().any(|first| unit.starts_with(first)) {
                meeting.checked_add_days(Days::new(n * 7))?
            } else {
                meeting.checked_add_months(Months::new(u32::try_from(n).ok()?))?
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
pub(crate) fn find(text: &str, meeting: NaiveDate, fiscal_start: Option<u32>) -> Vec<Found> {
    find_in(
        text,
        &Context {
            meeting,
            fiscal_start,
            day_first: None,
        },
    )
}

/// Every deadline phrase in `text` read in `context`, in the order they appear. Dates of the
/// past ("agreed in September", a full date before the meeting) are no deadline.
pub(crate) fn find_in(text: &str, context: &Context) -> Vec<Found> {
    find_for(text, context, Purpose::Deadline)
}

/// Every date in `text`, read in `context`, in the order they appear, a date of something
/// included: "la réunion du 19 novembre 2026", "Sitzung vom 19.11.2026" say when the meeting
/// was, which is no deadline but is what a title's date is.
pub(crate) fn dates_in(text: &str, context: &Context) -> Vec<Found> {
    find_for(text, context, Purpose::Date)
}

/// What a date is looked for: a task's deadline, or any date the text states.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Deadline,
    Date,
}

fn find_for(text: &str, context: &Context, purpose: Purpose) -> Vec<Found> {
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
            // "kijkt de lijst na volgende week woensdag": "na" and "nach" are also the
            // particle of a verb ("nakijken", "nachverfolgen"); no one writes "after next
            // week's Wednesday" for a date to start from.
            // Nor in front of a phrase that says it is a deadline ("nach bis Freitag").
            let says_deadline = whole
                .as_str()
                .split_whitespace()
                .next()
                .is_some_and(|first| DEADLINE_BEFORE.contains(&first.to_lowercase().as_str()));
            let counted_forward = matches!(
                rule,
                Rule::WeekdayNextWeek | Rule::InPeriod | Rule::NextWeek | Rule::Tomorrow
            );
            let particle_may_precede = counted_forward || says_deadline;
            if purpose == Purpose::Deadline
                && (about_the_past(text, &span, particle_may_precede)
                    || date_of_something(text, &span)
                    || starts_then(text, &span))
            {
                taken.push(span);
                continue;
            }
            if let Some(mut reading) = read(*rule, &caps, context) {
                if matches!(reading, Reading::Due(due) if due.date < meeting) {
                    reading = Reading::Uncertain("a date before the meeting".into());
                }
                taken.push(span.clone());
                // "bis Ende KW 41", "tegen eind november": the word that says where in the
                // week or month stands between.
                const PART_OF: &[&str] = &[
                    "end", "eind", "einde", "fin", "ende", "begin", "debut", "anfang", "mid",
                    "midden", "mi", "mitte", "early", "late",
                ];
                let before = words_before(text, &span, 2);
                let introducing = match before.as_slice() {
                    [part, word, ..] if PART_OF.contains(&part.as_str()) => Some(word),
                    [word, ..] => Some(word),
                    [] => None,
                };
                let introduced = says_deadline
                    || introducing.is_some_and(|word| DEADLINE_BEFORE.contains(&word.as_str()));
                found.push(Found {
                    words: whole.as_str().trim().to_string(),
                    span,
                    reading,
                    introduced,
                });
            }
        }
    }
    found.sort_by_key(|f| f.span.start);
    // "tegen vrijdag 25 september", "by end of day Monday": a phrase right after one said as a
    // deadline says the same deadline more exactly.
    for i in 1..found.len() {
        let between = text.get(found[i - 1].span.end..found[i].span.start);
        if found[i - 1].introduced
            && between.is_some_and(|gap| gap.trim_matches([' ', ',']).is_empty())
        {
            found[i].introduced = true;
        }
    }
    found
}

/// The deadline a task gets: the latest one it names, since earlier dates in a task are its steps
/// ("feedback this week, close before the end of November"); of those said as a deadline, where
/// any is ("Freigabe des Wartungsfensters im Januar – bis 21.12": January is what is released).
pub(crate) fn deadline_of(found: &[Found]) -> Option<(&Found, Due)> {
    let dues = || {
        found.iter().filter_map(|f| match &f.reading {
            Reading::Due(due) => Some((f, *due)),
            Reading::Uncertain(_) => None,
        })
    };
    let said_as_deadline = dues().any(|(f, _)| f.introduced);
    dues()
        .filter(|(f, _)| f.introduced || !said_as_deadline)
        .max_by_key(|(_, due)| *due)
}

#[cfg(test)]
mod tests;
