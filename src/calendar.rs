//! Deadlines as people look at them: an agenda grouped by urgency, month grids, and iCalendar
//! files for Outlook and Google Calendar.

use crate::dates::{month_start, week_start, Bucket, Precision};
use crate::model::{Site, Task};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use tera::Value;

/// Open tasks grouped as Overdue, Today, This week, Next week, Later (by month), Undated.
pub struct Agenda {
    pub groups: Vec<AgendaGroup>,
}

pub struct AgendaGroup {
    pub bucket: Bucket,
    /// Task indices in deadline order.
    pub tasks: Vec<usize>,
}

impl Agenda {
    /// The agenda of the open tasks among `tasks` (indices into `site.tasks`, in deadline order).
    pub fn of(site: &Site, tasks: impl Iterator<Item = usize>) -> Agenda {
        let mut groups: BTreeMap<Bucket, Vec<usize>> = BTreeMap::new();
        for index in tasks {
            let task = &site.tasks[index];
            if task.done {
                continue;
            }
            let bucket = Bucket::of(task.due, site.today, site.config.week_start);
            groups.entry(bucket).or_default().push(index);
        }
        Agenda {
            groups: groups
                .into_iter()
                .map(|(bucket, tasks)| AgendaGroup { bucket, tasks })
                .collect(),
        }
    }

    pub fn open_count(&self) -> usize {
        self.groups.iter().map(|g| g.tasks.len()).sum()
    }

    pub fn overdue_count(&self, site: &Site) -> usize {
        self.groups
            .iter()
            .flat_map(|g| &g.tasks)
            .filter(|&&t| site.tasks[t].overdue)
            .count()
    }
}

/// Months on each side of the current one that get a page even when they hold no deadline.
const CONTINUOUS_MONTHS: u32 = 12;

/// The site's deadlines by month, computed once for all month pages.
pub struct Deadlines {
    /// Every month that gets a grid page: the current month and every month within a year of
    /// it between the earliest and the latest deadline, with no gaps, and beyond that the
    /// months that hold a deadline. Previous/next lead from one to the next in this list.
    pub months: Vec<NaiveDate>,
    /// Tasks due in each month (first day of the month), in deadline order.
    by_month: BTreeMap<NaiveDate, Vec<usize>>,
}

impl Deadlines {
    pub fn of(site: &Site) -> Deadlines {
        let mut by_month: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        for (index, task) in site.tasks.iter().enumerate() {
            if let Some(due) = task.due {
                by_month
                    .entry(month_start(due.date))
                    .or_default()
                    .push(index);
            }
        }
        let current = month_start(site.today);
        let first = by_month
            .keys()
            .next()
            .map_or(current, |m| (*m).min(current));
        let last = by_month
            .keys()
            .next_back()
            .map_or(current, |m| (*m).max(current));
        // Every month near today, then only the months that hold a deadline: a typo like
        // due:2925-11-28 must not make ten thousand empty month pages.
        let near = |months: u32, later: bool| {
            let moved = if later {
                current.checked_add_months(Months::new(months))
            } else {
                current.checked_sub_months(Months::new(months))
            };
            moved.unwrap_or(current)
        };
        let span_start = first.max(near(CONTINUOUS_MONTHS, false));
        let span_end = last.min(near(CONTINUOUS_MONTHS, true));
        let mut months: BTreeSet<NaiveDate> = by_month.keys().copied().collect();
        let mut month = span_start;
        while month <= span_end {
            months.insert(month);
            match month.checked_add_months(Months::new(1)) {
                Some(next) => month = next,
                None => break,
            }
        }
        let months = months.into_iter().collect();
        Deadlines { months, by_month }
    }

    pub fn in_month(&self, month: NaiveDate) -> &[usize] {
        self.by_month.get(&month).map_or(&[], Vec::as_slice)
    }

    /// Links to every month page with how many open deadlines each holds.
    pub fn month_links(&self, site: &Site) -> Vec<Value> {
        self.months
            .iter()
            .map(|&month| {
                let open = self
                    .in_month(month)
                    .iter()
                    .filter(|&&t| !site.tasks[t].done)
                    .count();
                let entries: BTreeMap<&str, Value> = [
                    ("url", format!("calendar/{}/", month.format("%Y-%m")).into()),
                    ("label", month.format("%B %Y").to_string().into()),
                    ("open_count", open.into()),
                    ("current", (month == month_start(site.today)).into()),
                ]
                .into_iter()
                .collect();
                Value::from(entries)
            })
            .collect()
    }
}

pub struct Day {
    pub date: NaiveDate,
    pub in_month: bool,
    pub tasks: Vec<usize>,
}

/// A month as weeks of days, each day with the tasks due on it.
pub struct MonthGrid {
    pub first_weekday: chrono::Weekday,
    pub weeks: Vec<Vec<Day>>,
    /// Tasks due "by the end of" this month or a quarter ending in it, listed under the grid.
    pub month_level: Vec<usize>,
    pub previous: Option<NaiveDate>,
    pub next: Option<NaiveDate>,
}

impl MonthGrid {
    pub fn of(site: &Site, deadlines: &Deadlines, month: NaiveDate) -> MonthGrid {
        let all_months = &deadlines.months;
        let position = all_months.iter().position(|m| *m == month);
        let previous = position
            .and_then(|p| p.checked_sub(1))
            .map(|p| all_months[p]);
        let next = position.and_then(|p| all_months.get(p + 1).copied());

        let first_weekday = site.config.week_start;
        let month_end = month
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(month);
        let mut by_day: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        let mut month_level = Vec::new();
        for &index in deadlines.in_month(month) {
            let Some(due) = site.tasks[index].due else {
                continue;
            };
            match due.precision {
                Precision::Day => by_day.entry(due.date).or_default().push(index),
                Precision::Month | Precision::Quarter => month_level.push(index),
            }
        }
        let mut weeks = Vec::new();
        let mut day = week_start(month, first_weekday);
        while day <= month_end {
            let mut week = Vec::with_capacity(7);
            for _ in 0..7 {
                week.push(Day {
                    date: day,
                    in_month: day.month() == month.month(),
                    tasks: by_day.remove(&day).unwrap_or_default(),
                });
                day = day + Days::new(1);
            }
            weeks.push(week);
        }
        MonthGrid {
            first_weekday,
            weeks,
            month_level,
            previous,
            next,
        }
    }

    pub fn weekday_names(&self) -> Vec<Value> {
        let mut day = self.first_weekday;
        (0..7)
            .map(|_| {
                let name = weekday_name(day);
                day = day.succ();
                Value::from(name)
            })
            .collect()
    }
}

fn weekday_name(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "Monday",
        chrono::Weekday::Tue => "Tuesday",
        chrono::Weekday::Wed => "Wednesday",
        chrono::Weekday::Thu => "Thursday",
        chrono::Weekday::Fri => "Friday",
        chrono::Weekday::Sat => "Saturday",
        chrono::Weekday::Sun => "Sunday",
    }
}

/// An iCalendar (RFC 5545) file with one all-day event per dated task among `tasks`.
///
/// Every byte depends only on the content: the DTSTAMP is the meeting's date (when the
/// commitment was made), not the build time, so rebuilding changes nothing and calendar clients
/// do not see phantom updates.
pub fn ics(site: &Site, tasks: impl Iterator<Item = usize>, name: &str) -> String {
    let mut out = String::new();
    let mut line = |text: &str| fold_line(&mut out, text);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//dossier//dossier 0.1//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line(&format!("X-WR-CALNAME:{}", escape_text(name)));
    line(&format!("X-WR-TIMEZONE:{}", site.config.timezone.name()));
    for index in tasks {
        let task = &site.tasks[index];
        let Some(due) = task.due else { continue };
        event(site, task, due, &mut line);
    }
    line("END:VCALENDAR");
    out
}

fn event(site: &Site, task: &Task, due: crate::dates::Due, line: &mut impl FnMut(&str)) {
    let meeting = &site.meetings[task.meeting];
    let link = format!("{}{}", site.config.base_url, site.task_url(task));
    let owners: Vec<&str> = task.owners.iter().map(|p| p.name.as_str()).collect();
    let mut description = String::new();
    if !owners.is_empty() {
        description.push_str(&format!("Owners: {}\n", owners.join(", ")));
    }
    if due.precision != Precision::Day {
        description.push_str(&format!("Deadline: {}\n", due.label()));
    }
    description.push_str(&format!("From: {} ({})\n", meeting.title, meeting.date));
    description.push_str(&link);
    let summary = if task.done {
        format!("✓ {}", task.title)
    } else {
        task.title.clone()
    };
    line("BEGIN:VEVENT");
    line(&format!("UID:{}", escape_text(&task.uid)));
    line(&format!(
        "DTSTAMP:{}T000000Z",
        meeting.date.format("%Y%m%d")
    ));
    line(&format!("DTSTART;VALUE=DATE:{}", due.date.format("%Y%m%d")));
    line(&format!(
        "DTEND;VALUE=DATE:{}",
        (due.date + Days::new(1)).format("%Y%m%d")
    ));
    line(&format!("SUMMARY:{}", escape_text(&summary)));
    line(&format!("DESCRIPTION:{}", escape_text(&description)));
    line(&format!("URL:{}", link.replace(['\r', '\n'], "")));
    line(&format!(
        "STATUS:{}",
        if task.done { "CANCELLED" } else { "CONFIRMED" }
    ));
    line("TRANSP:TRANSPARENT");
    if !task.owners.is_empty() {
        line(&format!(
            "CATEGORIES:{}",
            task.owners
                .iter()
                .map(|p| escape_text(&p.name))
                .collect::<Vec<_>>()
                .join(",")
        ));
    }
    line("END:VEVENT");
}

/// TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence,
/// with CRLF endings.
fn fold_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let text = format!("SUMMARY:{}", "é".repeat(60));
        fold_line(&mut out, &text);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{text}\r\n"));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text("a,b;c\\d\r\ne\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }
}
