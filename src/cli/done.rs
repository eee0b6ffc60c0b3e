//! `dossier done ID…`: ticks a task's latest mention in its meeting file and writes the day it
//! was done, as org-mode and Obsidian Tasks close a task in place. Nothing else in the file
//! changes: the edit is two places of one line, so a diff shows exactly what was closed.

use crate::content::markdown;
use crate::error::{terminal_safe, Error, Result};
use crate::model::{Site, Task};
use crate::site_paths::{inside_site, write_kept_file};
use chrono::NaiveDate;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What closing one task did.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Closed {
    /// Ticked now, on `day`.
    Ticked,
    /// It was ticked already; the file was left as it was.
    AlreadyDone,
}

/// One line of `dossier done`'s report.
pub(super) struct Report {
    pub id: String,
    pub title: String,
    pub place: String,
    pub closed: Closed,
    /// Days after its deadline it was closed, when it was late.
    pub days_late: Option<i64>,
}

impl Report {
    pub(super) fn line(&self, day: NaiveDate) -> String {
        let what = match self.closed {
            Closed::Ticked => crate::dates::done_on_label(day, crate::language::Language::English),
            Closed::AlreadyDone => "already done, left as it was".to_string(),
        };
        let late = match self.days_late {
            Some(1) => ", 1 day late".to_string(),
            Some(days) if days > 1 => format!(", {days} days late"),
            _ => String::new(),
        };
        format!(
            "✓ {} ({}): {what}{late}  {}",
            terminal_safe(&self.title),
            self.id,
            self.place
        )
    }
}

/// Closes the tasks named by `ids` (as `dossier tasks` and tasks.json give them) on `day`,
/// each in its latest mention. Every id is found before any file is written: one unknown id
/// changes nothing.
pub(super) fn close(
    site: &Site,
    root: &Path,
    ids: &[String],
    day: NaiveDate,
) -> Result<Vec<Report>> {
    let mut found: Vec<&Task> = Vec::new();
    for id in ids {
        let task = super::tasks::find_task(site, id)?;
        if !found.iter().any(|known| std::ptr::eq(*known, task)) {
            found.push(task);
        }
    }
    let mut by_file: BTreeMap<&PathBuf, Vec<&Task>> = BTreeMap::new();
    for task in &found {
        by_file
            .entry(&site.meetings[task.meeting].source)
            .or_default()
            .push(task);
    }
    let short = super::tasks::ShortIds::of(site);
    let mut reports = Vec::new();
    for (source, tasks) in by_file {
        let path = inside_site(root, source)?;
        let mut text = std::fs::read_to_string(&path).map_err(|e| Error::read(&path, e))?;
        let mut changed = false;
        for task in tasks {
            let place = format!("{}:{}", source.display(), task.line);
            let closed = match tick(&text, task.line, day) {
                Ok(Some(ticked)) => {
                    text = ticked;
                    changed = true;
                    Closed::Ticked
                }
                Ok(None) => Closed::AlreadyDone,
                Err(why) => return Err(Error::Usage(format!("{place}: {why}"))),
            };
            let days_late = task
                .due
                .filter(|_| closed == Closed::Ticked)
                .map(|due| (day - due.date).num_days())
                .filter(|days| *days > 0);
            reports.push(Report {
                id: short.of_task(task).to_string(),
                title: task.title.clone(),
                place,
                closed,
                days_late,
            });
        }
        if changed {
            write_kept_file(&path, text.as_bytes()).map_err(|e| Error::Write {
                path: path.clone(),
                source: e,
            })?;
        }
    }
    Ok(reports)
}

/// `text` with the task item on line `line` (counted from 1) ticked and ` done:DAY` after its
/// own text, where owners and deadlines are written; `None` when it is ticked already.
fn tick(text: &str, line: usize, day: NaiveDate) -> std::result::Result<Option<String>, String> {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = text.get(start..).unwrap_or_default();
    let first_line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let Some(marker) = checkbox_at(first_line) else {
        return Err(format!(
            "line {line} is not a task (`- [ ]`): the file changed since it was read; run the command again"
        ));
    };
    if first_line[marker..].starts_with("[x]") || first_line[marker..].starts_with("[X]") {
        return Ok(None);
    }
    let own_end = own_text_end(text, start).unwrap_or(start + first_line.len());
    // The last line of the item's own text that holds anything.
    let last_line_start = text[..own_end]
        .trim_end()
        .rfind('\n')
        .map_or(0, |at| at + 1)
        .max(start);
    let last_line_end = own_end.min(
        text[last_line_start..]
            .find('\n')
            .map_or(text.len(), |at| last_line_start + at),
    );
    // The date goes before what ends the line: its `\r`, and the two spaces or the backslash
    // of a hard line break, which must stay last to keep breaking the line.
    let content = text[last_line_start..last_line_end].trim_end_matches('\r');
    let kept = content.trim_end_matches([' ', '\t']);
    let kept = kept.strip_suffix('\\').unwrap_or(kept);
    let insert_at = last_line_start + kept.len();
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..start + marker + 1]);
    out.push('x');
    out.push_str(&text[start + marker + 2..insert_at]);
    out.push_str(&format!(" done:{day}"));
    out.push_str(&text[insert_at..]);
    Ok(Some(out))
}

/// Where the own text of the list item on the line starting at `line_start` ends: at the end
/// of the item, or where a list nested in it starts (its items are tasks of their own).
fn own_text_end(text: &str, line_start: usize) -> Option<usize> {
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |at| line_start + at);
    let mut item: Option<std::ops::Range<usize>> = None;
    for (event, range) in Parser::new_ext(text, markdown::options()).into_offset_iter() {
        match (&event, &item) {
            (Event::Start(Tag::Item), None) if (line_start..line_end).contains(&range.start) => {
                item = Some(range);
            }
            (Event::Start(Tag::List(_)), Some(whole)) => return Some(range.start.min(whole.end)),
            (Event::End(TagEnd::Item), Some(whole)) => return Some(whole.end),
            _ => {}
        }
    }
    item.map(|whole| whole.end)
}

/// Where the `[` of a task item's checkbox stands in `line`: after the indentation, any
/// block-quote marks and the bullet (`-`, `*`, `+`, `1.`, `1)`).
fn checkbox_at(line: &str) -> Option<usize> {
    let mut at = line.len() - line.trim_start_matches([' ', '\t', '>']).len();
    let after = &line[at..];
    let bullet = match after.chars().next()? {
        '-' | '*' | '+' => 1,
        c if c.is_ascii_digit() => {
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            match after[digits..].chars().next() {
                Some('.' | ')') => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    at += bullet;
    let spaces = line[at..].len() - line[at..].trim_start_matches([' ', '\t']).len();
    if spaces == 0 {
        return None;
    }
    at += spaces;
    let boxed = line[at..].get(..3)?;
    matches!(boxed, "[ ]" | "[x]" | "[X]").then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    }

    #[test]
    fn ticks_the_line_and_adds_the_day_changing_nothing_else() {
        let text = "# M\r\n\r\n- [ ] **Send** the offer @sigi due:2026-12-01 {#offer}\r\n  to Ann.\r\n\r\nNext\r\n";
        let ticked = tick(text, 3, day()).unwrap().unwrap();
        assert_eq!(
            ticked,
            "# M\r\n\r\n- [x] **Send** the offer @sigi due:2026-12-01 {#offer}\r\n  to Ann. done:2026-12-04\r\n\r\nNext\r\n"
        );
    }

    #[test]
    fn the_day_ends_the_tasks_own_text_not_a_nested_task() {
        let text = "- [ ] **Plan** the\n  launch @sigi\n  - [ ] nested @ann\n- [ ] next\n";
        assert_eq!(
            tick(text, 1, day()).unwrap().unwrap(),
            "- [x] **Plan** the\n  launch @sigi done:2026-12-04\n  - [ ] nested @ann\n- [ ] next\n"
        );
        assert_eq!(
            tick(text, 3, day()).unwrap().unwrap(),
            "- [ ] **Plan** the\n  launch @sigi\n  - [x] nested @ann done:2026-12-04\n- [ ] next\n"
        );
    }

    #[test]
    fn every_bullet_and_a_hard_break_keep_their_form() {
        let table = [
            ("  * [ ] a", "  * [x] a done:2026-12-04"),
            ("> 12) [ ] b  ", "> 12) [x] b done:2026-12-04  "),
            ("+\t[ ] c\\", "+\t[x] c done:2026-12-04\\"),
            (
                "- [ ] last line without end",
                "- [x] last line without end done:2026-12-04",
            ),
        ];
        for (line, expected) in table {
            assert_eq!(
                tick(line, 1, day()).unwrap().as_deref(),
                Some(expected),
                "{line}"
            );
        }
    }

    #[test]
    fn a_ticked_task_is_left_and_a_line_that_is_no_task_is_refused() {
        assert_eq!(tick("- [x] done already", 1, day()), Ok(None));
        assert_eq!(tick("- [X] done already", 1, day()), Ok(None));
        for line in ["text", "- no box", "-[ ] no space", "1 [ ] no dot", ""] {
            assert!(tick(line, 1, day()).is_err(), "{line}");
        }
        assert!(tick("- [ ] a", 5, day()).is_err());
    }

    /// Any task of any file: the edit is the box ticked and the day inserted once, on the
    /// task's line or on a line of text that goes on its item (never past the next item or a
    /// nested one); nothing else changes.
    #[test]
    fn over_generated_files_the_edit_is_the_box_and_the_day_in_the_tasks_own_text() {
        let pieces = [
            "- [ ] task",
            "text",
            "",
            "  - [ ] nested  ",
            "1. [ ] numbered\r",
            "- [x] done",
            "é ünïcode - [ ]",
            "> - [ ] quoted",
            "  more text\\",
            "* [ ] star",
        ];
        let is_item = |line: &str| {
            let line = line.trim_start_matches([' ', '>']);
            line.starts_with(['-', '*']) || line.starts_with("1.")
        };
        let mut seed = 7u64;
        let mut ticked_count = 0;
        for _ in 0..1000 {
            let lines: Vec<&str> = (0..7)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    pieces[(seed >> 33) as usize % pieces.len()]
                })
                .collect();
            let text = lines.join("\n");
            for line in 1..=lines.len() {
                let Ok(Some(ticked)) = tick(&text, line, day()) else {
                    continue;
                };
                ticked_count += 1;
                let at = ticked.find(" done:2026-12-04").unwrap();
                let restored = format!("{}{}", &ticked[..at], &ticked[at + 16..]);
                let before: Vec<&str> = text.split('\n').collect();
                let after: Vec<&str> = restored.split('\n').collect();
                assert_eq!(before.len(), after.len(), "{text:?}");
                for (n, (b, a)) in before.iter().zip(&after).enumerate() {
                    if n + 1 == line {
                        assert_eq!(a.replacen("[x]", "[ ]", 1), *b, "{text:?}");
                    } else {
                        assert_eq!(a, b, "{text:?}");
                    }
                }
                let day_line = ticked[..at].matches('\n').count() + 1;
                assert!(day_line >= line, "{text:?} {line}");
                for between in before.iter().take(day_line).skip(line) {
                    assert!(
                        !is_item(between),
                        "{text:?}: the day went past line {line} to {day_line}"
                    );
                }
            }
        }
        assert!(ticked_count > 1000, "{ticked_count}");
    }
}
