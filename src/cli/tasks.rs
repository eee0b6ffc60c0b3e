//! `dossier tasks`: the agenda in the terminal, or as JSON for scripts.

use crate::content::people::Resolved;
use crate::dates::Bucket;
use crate::error::{terminal_safe, Error, Result};
use crate::formats::feed::tasks_json;
use crate::model::agenda::Agenda;
use crate::model::Site;
use chrono::NaiveDate;
use std::fmt::Write;

#[derive(Debug, Clone, Default)]
pub(super) struct TaskFilter {
    /// A person id, name or alias.
    pub owner: Option<String>,
    pub initiative: Option<String>,
    pub overdue: bool,
    /// Only tasks whose deadline falls before this day.
    pub due_before: Option<NaiveDate>,
    /// Include done tasks in the terminal view (JSON always includes them unless filtered).
    pub all: bool,
}

/// The indices of the tasks that pass the filter, in deadline order.
pub(super) fn select(site: &Site, filter: &TaskFilter) -> Result<Vec<usize>> {
    let owner = match &filter.owner {
        Some(written) => Some(resolve_owner(site, written)?),
        None => None,
    };
    if let Some(slug) = &filter.initiative {
        if site.initiative_index(slug).is_none() {
            let known: Vec<&str> = site.initiatives.iter().map(|i| i.slug.as_str()).collect();
            return Err(Error::Usage(format!(
                "no initiative `{slug}`; known: {}",
                if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                }
            )));
        }
    }
    Ok(site
        .current_tasks()
        .filter(|&i| {
            let task = &site.tasks[i];
            owner
                .as_ref()
                .is_none_or(|id| task.owners.iter().any(|p| &p.id == id))
                && filter
                    .initiative
                    .as_ref()
                    .is_none_or(|slug| task.initiative.as_ref() == Some(slug))
                && (!filter.overdue || task.overdue)
                && filter
                    .due_before
                    .is_none_or(|before| task.due.is_some_and(|d| d.date < before))
        })
        .collect())
}

fn resolve_owner(site: &Site, written: &str) -> Result<String> {
    let key = crate::paths::slugify(written);
    if site.people.contains_key(&key) {
        return Ok(key);
    }
    let mut people = crate::content::people::People::default();
    for person in site.people.values() {
        people.insert(person.clone());
    }
    match people.resolve(written) {
        Resolved::Person(person) => Ok(person.id.clone()),
        Resolved::Ambiguous(ids) => Err(Error::Usage(format!(
            "`{written}` could be any of: {}; pass the id",
            ids.join(", ")
        ))),
        Resolved::Unknown => Err(Error::Usage(format!(
            "nobody called `{written}`; see content/people.toml or the owners page"
        ))),
    }
}

pub(super) fn json(site: &Site, selected: &[usize]) -> String {
    tasks_json(site, selected.iter().map(|&i| &site.tasks[i]))
}

/// ANSI styles, or nothing when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// The agenda as aligned text: one group per bucket, one line per task.
pub(super) fn agenda_text(
    site: &Site,
    selected: &[usize],
    filter: &TaskFilter,
    color: bool,
) -> String {
    let style = Style { on: color };
    let agenda = Agenda::of(site, selected.iter().copied());
    let mut rows: Vec<(String, Vec<[String; 4]>, Bucket)> = Vec::new();
    for group in &agenda.groups {
        let lines = group.tasks.iter().map(|&i| row(site, i)).collect();
        rows.push((group.bucket.title(), lines, group.bucket.clone()));
    }
    if filter.all {
        let done: Vec<[String; 4]> = selected
            .iter()
            .filter(|&&i| site.tasks[i].done)
            .map(|&i| row(site, i))
            .collect();
        if !done.is_empty() {
            rows.push(("Done".into(), done, Bucket::Undated));
        }
    }
    let widths = (0..3).map(|c| {
        rows.iter()
            .flat_map(|(_, lines, _)| lines.iter().map(move |l| l[c].chars().count()))
            .max()
            .unwrap_or(0)
    });
    let widths: Vec<usize> = widths.collect();
    let mut out = String::new();
    for (title, lines, bucket) in &rows {
        let _ = writeln!(out, "{} ({})", style.paint("1", title), lines.len());
        for line in lines {
            let due = format!("{:width$}", line[0], width = widths[0]);
            let due = match bucket {
                Bucket::Overdue if title != "Done" => style.paint("31", &due),
                Bucket::Today => style.paint("33", &due),
                _ => due,
            };
            let _ = writeln!(
                out,
                "  {due}  {:w1$}  {:w2$}  {}",
                line[1],
                line[2],
                style.paint("2", &line[3]),
                w1 = widths[1],
                w2 = widths[2],
            );
        }
        out.push('\n');
    }
    let open = agenda.open_count();
    let overdue = agenda.overdue_count(site);
    let _ = writeln!(
        out,
        "{open} open task{}, {overdue} overdue (today is {})",
        if open == 1 { "" } else { "s" },
        site.today.format("%a %-d %b %Y")
    );
    out
}

fn row(site: &Site, index: usize) -> [String; 4] {
    let task = &site.tasks[index];
    let mut due = task
        .due
        .map_or_else(|| "no deadline".to_string(), |d| d.label());
    if task.overdue {
        due.push_str(&format!(" ({}d late)", task.days_late(site.today)));
    }
    let mut title: String = terminal_safe(&task.title).chars().take(60).collect();
    if task.title.chars().count() > 60 {
        title.push('…');
    }
    if task.done {
        title = format!("✓ {title}");
    }
    let owners = task
        .owners
        .iter()
        .map(|p| terminal_safe(&p.name))
        .collect::<Vec<_>>()
        .join(", ");
    [due, title, owners, site.task_url(task)]
}
