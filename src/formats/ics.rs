//! The deadline calendars: RFC 5545 iCalendar files, one event per dated task.

use crate::dates::Precision;
use crate::model::{Site, Task};
use chrono::Days;

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
