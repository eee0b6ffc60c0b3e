//! The deadline calendars: RFC 5545 iCalendar files, one all-day event per dated task.

use crate::dates::{Due, Precision};
use crate::language::fill;
use crate::model::{Site, Task};
use crate::paths::stable_hash;
use chrono::{Datelike, Days, NaiveDate, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};
use std::collections::HashMap;

/// How often subscribers should fetch the calendar again: the site is rebuilt daily at least
/// (docs/guide/publishing.md), and Outlook and Apple Calendar otherwise wait as long as a week.
const REFRESH: &str = "PT6H";

/// What the calendar of the previous build said of each event, so that an event's SEQUENCE
/// and LAST-MODIFIED move when its date, title or state changes, and only then. Read from the
/// previous build's calendar.ics in the output folder; empty for a first build.
#[derive(Debug, Default)]
pub(crate) struct CalendarHistory {
    events: HashMap<String, Revision>,
}

#[derive(Debug, Clone, PartialEq)]
struct Revision {
    /// DTSTART, SUMMARY and STATUS lines as written.
    fingerprint: String,
    sequence: u32,
    modified: String,
}

impl CalendarHistory {
    /// Reads the events of a calendar dossier wrote; anything it does not recognise is skipped.
    pub(crate) fn parse(text: &str) -> CalendarHistory {
        let unfolded = text.replace("\r\n ", "").replace("\r\n\t", "");
        let mut events = HashMap::new();
        for block in unfolded.split("BEGIN:VEVENT").skip(1) {
            let block = block.split("END:VEVENT").next().unwrap_or_default();
            let field = |name: &str| {
                block
                    .split("\r\n")
                    .find_map(|line| line.strip_prefix(name))
                    .map(str::to_string)
            };
            let (Some(uid), Some(modified)) = (field("UID:"), field("LAST-MODIFIED:")) else {
                continue;
            };
            let sequence = field("SEQUENCE:").and_then(|s| s.parse().ok()).unwrap_or(0);
            let fingerprint = fingerprint(
                &field("DTSTART;VALUE=DATE:").unwrap_or_default(),
                &field("SUMMARY:").unwrap_or_default(),
                &field("STATUS:").unwrap_or_default(),
            );
            events.insert(
                uid,
                Revision {
                    fingerprint,
                    sequence,
                    modified,
                },
            );
        }
        CalendarHistory { events }
    }

    /// The revision of an event as it is now: the previous one if nothing a subscriber sees
    /// changed, the next one (dated `today`) if it did, the first (dated `first_seen`) if new.
    fn revision(
        &self,
        uid: &str,
        fingerprint: String,
        first_seen: NaiveDate,
        today: NaiveDate,
    ) -> Revision {
        match self.events.get(uid) {
            Some(previous) if previous.fingerprint == fingerprint => previous.clone(),
            Some(previous) => Revision {
                fingerprint,
                sequence: previous.sequence + 1,
                modified: stamp(today.max(first_seen)),
            },
            None => Revision {
                fingerprint,
                sequence: 0,
                modified: stamp(first_seen),
            },
        }
    }
}

fn fingerprint(start: &str, summary: &str, status: &str) -> String {
    format!("{start}\n{summary}\n{status}")
}

fn stamp(date: NaiveDate) -> String {
    format!("{}T000000Z", date.format("%Y%m%d"))
}

/// The calendar UID of a task: a hash of its stable id, at the site's host, so that two
/// sites never share one.
pub(crate) fn event_uid(site: &Site, task: &Task) -> String {
    format!(
        "{:016x}@{}",
        stable_hash(task.id.as_bytes()),
        site.config.base_host()
    )
}

/// Whether a task's deadline falls in the window calendars carry (site.toml `[calendar]`).
pub(crate) fn in_window(site: &Site, due: Due) -> bool {
    let window = site.config.calendar;
    let from = site.today - Days::new(u64::from(window.past_days));
    let until = site.today + Days::new(u64::from(window.future_days));
    due.date >= from && due.period_start() <= until
}

/// Open tasks overdue since before the window, kept as events one by one up to this many (the
/// most recently due first); the rest are counted in one event on today. At 10,000 meetings a
/// calendar then stays far below the 1 MB clients accept.
const OVERDUE_KEPT: usize = 200;

/// Whether a task is open and overdue since before the window: what a subscriber most needs
/// to see, and what the window alone would drop.
fn overdue_before_window(site: &Site, task: &Task, due: Due) -> bool {
    !task.done && task.overdue && !in_window(site, due) && due.date < site.today
}

/// What a calendar's events say around the tasks' own words, in the site's language: patterns
/// with `{names}`, `{deadline}`, `{meeting}`, `{day}`, `{n}` and `{link}` put in.
#[derive(Debug, Clone)]
pub(crate) struct CalendarWords {
    pub done: String,
    pub owners: String,
    pub deadline: String,
    pub from: String,
    /// The event counting the overdue tasks left out: for one, and for other counts.
    pub more_overdue: [String; 2],
    pub more_overdue_text: String,
}

impl Default for CalendarWords {
    /// English, as the default theme's `i18n/en.toml` says it.
    fn default() -> Self {
        CalendarWords {
            done: "Done.".into(),
            owners: "Owners: {names}".into(),
            deadline: "Deadline: {deadline}".into(),
            from: "From: {meeting} ({day})".into(),
            more_overdue: [
                "and {n} more overdue task".into(),
                "and {n} more overdue tasks".into(),
            ],
            more_overdue_text: "Overdue since before the calendar's window and left out of it, the oldest first. All of them: {link}".into(),
        }
    }
}

/// What every calendar of a build shares: the site, the previous build's revisions, the
/// site's VTIMEZONE, made once rather than once per owner's calendar, and its words.
pub(crate) struct Calendars<'s> {
    site: &'s Site,
    history: &'s CalendarHistory,
    timezone: String,
    words: CalendarWords,
}

impl<'s> Calendars<'s> {
    pub(crate) fn new(site: &'s Site, history: &'s CalendarHistory, words: CalendarWords) -> Self {
        let mut timezone = String::new();
        // The events are all-day and need no time zone; the site's zone is described anyway
        // so that a calendar with no deadline in its window still holds a component (RFC 5545).
        write_timezone(site.config.timezone, site.today.year(), &mut |text| {
            fold_line(&mut timezone, text)
        });
        Calendars {
            site,
            history,
            timezone,
            words,
        }
    }

    /// An iCalendar (RFC 5545) file with one all-day event per dated task among `tasks` within
    /// the calendar window.
    ///
    /// Every byte depends only on the content and the previous build's calendar: an event's
    /// DTSTAMP and LAST-MODIFIED are the day it was first published or last changed, so
    /// rebuilding changes nothing and calendar clients see no phantom updates.
    pub(crate) fn ics(&self, tasks: impl Iterator<Item = usize>, name: &str) -> String {
        let site = self.site;
        let mut overdue: Vec<(usize, Due)> = Vec::new();
        let mut calendar = self.head(name);
        let mut line = |text: &str| fold_line(&mut calendar, text);
        for index in tasks {
            let task = &site.tasks[index];
            let Some(due) = task.due else {
                continue;
            };
            if overdue_before_window(site, task, due) {
                overdue.push((index, due));
            } else if in_window(site, due) {
                event(site, task, due, (self.history, &self.words), &mut line);
            }
        }
        overdue.sort_by_key(|&(index, due)| (std::cmp::Reverse(due.date), index));
        for &(index, due) in overdue.iter().take(OVERDUE_KEPT) {
            event(
                site,
                &site.tasks[index],
                due,
                (self.history, &self.words),
                &mut line,
            );
        }
        if overdue.len() > OVERDUE_KEPT {
            self.more_overdue(name, overdue.len() - OVERDUE_KEPT, &mut line);
        }
        line("END:VCALENDAR");
        calendar
    }

    /// A calendar of one task, whatever the window: what its page offers to add to any
    /// calendar (Outlook on the web cannot subscribe to an intranet address). None when the
    /// task has no deadline.
    pub(crate) fn single(&self, index: usize) -> Option<String> {
        let task = &self.site.tasks[index];
        let due = task.due?;
        let mut calendar = self.head(&task.title);
        let mut line = |text: &str| fold_line(&mut calendar, text);
        event(self.site, task, due, (self.history, &self.words), &mut line);
        line("END:VCALENDAR");
        Some(calendar)
    }

    /// One event on today counting the overdue tasks a calendar leaves out, linking to the
    /// site's list of deadlines.
    fn more_overdue(&self, name: &str, count: usize, line: &mut impl FnMut(&str)) {
        let site = self.site;
        let pattern = &self.words.more_overdue
            [usize::from(!site.config.language.takes_singular(count as i64))];
        let summary = escape_text(&fill(pattern, &[("n", &count.to_string())]));
        let uid = format!(
            "{:016x}@{}",
            stable_hash(format!("more-overdue\n{name}").as_bytes()),
            site.config.base_host()
        );
        let link = format!("{}{}", site.config.base_url, crate::urls::CALENDAR);
        let description = fill(&self.words.more_overdue_text, &[("link", &link)]);
        let event = AllDayEvent {
            uid: &uid,
            day: site.today,
            summary: &summary,
            description: &description,
            status: "CONFIRMED",
        };
        event.write(self.history, site.today, site.today, line);
    }

    /// The calendar's properties and time zone, before its events.
    fn head(&self, name: &str) -> String {
        let site = self.site;
        let mut out = String::new();
        for text in [
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".to_string(),
            format!(
                "PRODID:-//dossier//dossier {}//EN",
                env!("CARGO_PKG_VERSION")
            ),
            "CALSCALE:GREGORIAN".to_string(),
            "METHOD:PUBLISH".to_string(),
            format!("X-WR-CALNAME:{}", escape_text(name)),
            format!("X-WR-TIMEZONE:{}", site.config.timezone.name()),
            format!("REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}"),
            format!("X-PUBLISHED-TTL:{REFRESH}"),
        ] {
            fold_line(&mut out, &text);
        }
        out.push_str(&self.timezone);
        out
    }
}

/// A VTIMEZONE for `zone` with its offset changes from the year before `year` to the year
/// after, found from the time zone database.
fn write_timezone(zone: Tz, year: i32, line: &mut impl FnMut(&str)) {
    line("BEGIN:VTIMEZONE");
    line(&format!("TZID:{}", zone.name()));
    let start = Utc.with_ymd_and_hms(year - 1, 1, 1, 0, 0, 0).single();
    let end = Utc.with_ymd_and_hms(year + 2, 1, 1, 0, 0, 0).single();
    let (Some(start), Some(end)) = (start, end) else {
        line("END:VTIMEZONE");
        return;
    };
    let first_offset = zone.offset_from_utc_datetime(&start.naive_utc());
    let mut changes = Vec::new();
    {
        let mut hour = start;
        let mut offset = first_offset;
        while hour < end {
            let next = hour + chrono::Duration::hours(1);
            let next_offset = zone.offset_from_utc_datetime(&next.naive_utc());
            if next_offset != offset {
                changes.push((next, offset, next_offset));
                offset = next_offset;
            }
            hour = next;
        }
    }
    if changes.is_empty() {
        component(
            line,
            "STANDARD",
            "19700101T000000",
            &first_offset,
            &first_offset,
        );
    }
    for (at, before, after) in changes {
        let local = (at + before.fix())
            .naive_utc()
            .format("%Y%m%dT%H%M%S")
            .to_string();
        let kind = if after.dst_offset().is_zero() {
            "STANDARD"
        } else {
            "DAYLIGHT"
        };
        component(line, kind, &local, &before, &after);
    }
    line("END:VTIMEZONE");
}

fn component(
    line: &mut impl FnMut(&str),
    kind: &str,
    local_start: &str,
    before: &chrono_tz::TzOffset,
    after: &chrono_tz::TzOffset,
) {
    line(&format!("BEGIN:{kind}"));
    line(&format!("DTSTART:{local_start}"));
    line(&format!("TZOFFSETFROM:{}", utc_offset(before)));
    line(&format!("TZOFFSETTO:{}", utc_offset(after)));
    if let Some(name) = after.abbreviation() {
        line(&format!("TZNAME:{}", escape_text(name)));
    }
    line(&format!("END:{kind}"));
}

/// `+0100`, `-0330`: the UTC-OFFSET value type of RFC 5545.
fn utc_offset(offset: &chrono_tz::TzOffset) -> String {
    let seconds = offset.fix().local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}{:02}", minutes / 60, minutes % 60)
}

fn event(
    site: &Site,
    task: &Task,
    due: Due,
    (history, words): (&CalendarHistory, &CalendarWords),
    line: &mut impl FnMut(&str),
) {
    let meeting = &site.meetings[task.meeting];
    let link = format!("{}{}", site.config.base_url, site.task_url(task));
    let owners: Vec<&str> = task.owners.iter().map(|p| p.name.as_str()).collect();
    let mut description = String::new();
    let mut say = |text: String| {
        description.push_str(&text);
        description.push('\n');
    };
    if task.done {
        say(words.done.clone());
    }
    if !owners.is_empty() {
        say(fill(&words.owners, &[("names", &owners.join(", "))]));
    }
    if due.precision != Precision::Day {
        let deadline = due.label(site.config.language);
        say(fill(&words.deadline, &[("deadline", &deadline)]));
    }
    let day = meeting.date.to_string();
    say(fill(
        &words.from,
        &[("meeting", &meeting.title), ("day", &day)],
    ));
    description.push_str(&link);
    // The link is in the description, which every client shows; a URL property (shown by
    // Apple Calendar only) and CATEGORIES repeating the owners would cost a fifth of the
    // calendar's size against the clients' limits.
    // A done task stays on its day, marked, rather than CANCELLED, which says it was called
    // off: subscribers see what was delivered on time and what was not.
    let (summary, status) = if task.done {
        (format!("✓ {}", task.title), "")
    } else {
        (task.title.clone(), "CONFIRMED")
    };
    let summary = escape_text(&summary);
    let event = AllDayEvent {
        uid: &event_uid(site, task),
        day: due.date,
        summary: &summary,
        description: &description,
        status,
    };
    event.write(history, meeting.date, site.today, line);
}

/// One all-day event, as every calendar writes it.
struct AllDayEvent<'a> {
    uid: &'a str,
    day: NaiveDate,
    /// Escaped already: the revision compares it as written.
    summary: &'a str,
    description: &'a str,
    /// `CONFIRMED`, or empty for none.
    status: &'a str,
}

impl AllDayEvent<'_> {
    /// Writes the event, its revision taken from `history` (first published `first_seen`).
    fn write(
        &self,
        history: &CalendarHistory,
        first_seen: NaiveDate,
        today: NaiveDate,
        line: &mut impl FnMut(&str),
    ) {
        let start = self.day.format("%Y%m%d").to_string();
        let revision = history.revision(
            self.uid,
            fingerprint(&start, self.summary, self.status),
            first_seen,
            today,
        );
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", self.uid));
        line(&format!("DTSTAMP:{}", revision.modified));
        line(&format!("LAST-MODIFIED:{}", revision.modified));
        line(&format!("SEQUENCE:{}", revision.sequence));
        line(&format!("DTSTART;VALUE=DATE:{start}"));
        line(&format!(
            "DTEND;VALUE=DATE:{}",
            (self.day + Days::new(1)).format("%Y%m%d")
        ));
        line(&format!("SUMMARY:{}", self.summary));
        line(&format!("DESCRIPTION:{}", escape_text(self.description)));
        if !self.status.is_empty() {
            line(&format!("STATUS:{}", self.status));
        }
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
}

/// TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines.
pub(crate) fn escape_text(text: &str) -> String {
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
