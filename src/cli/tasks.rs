//! `dossier tasks`: the agenda in the terminal, or as JSON for scripts.

use crate::content::people::Resolved;
use crate::dates::Bucket;
use crate::error::{terminal_safe, Error, Result};
use crate::formats::feed::tasks_json;
use crate::model::agenda::Agenda;
use crate::model::{Site, Task};
use crate::render::words::{count_of, Words};
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

#[derive(Debug, Clone, Default)]
pub(super) struct TaskFilter {
    /// A person id, name or alias.
    pub owner: Option<String>,
    pub initiative: Option<String>,
    /// An account's name or slug.
    pub account: Option<String>,
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
    // The account's meetings, once: a task belongs to the account of its meeting.
    let account_meetings: Option<HashSet<usize>> = match &filter.account {
        Some(name) => Some(
            site.accounts[find_account(site, name)?]
                .meetings
                .iter()
                .copied()
                .collect(),
        ),
        None => None,
    };
    Ok(site
        .current_tasks()
        .filter(|&i| {
            let task = &site.tasks[i];
            account_meetings
                .as_ref()
                .is_none_or(|meetings| meetings.contains(&task.meeting))
                && owner
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

/// How many current tasks' ids end in each last part, counted once for a whole listing: what
/// makes a task's short id its own.
pub(super) struct ShortIds<'s> {
    shared: HashMap<&'s str, usize>,
}

impl<'s> ShortIds<'s> {
    pub(super) fn of(site: &'s Site) -> Self {
        let mut shared: HashMap<&str, usize> = HashMap::new();
        for i in site.current_tasks() {
            *shared.entry(last_part(&site.tasks[i].id)).or_default() += 1;
        }
        ShortIds { shared }
    }

    /// The last part of a task's id (its title's slug, `send-the-offer`) where no other
    /// current task's id ends the same, else its whole id: what the terminal shows and
    /// `dossier done` takes.
    pub(super) fn of_task<'a>(&self, task: &'a Task) -> &'a str {
        let last = last_part(&task.id);
        if self.shared.get(last) == Some(&1) {
            last
        } else {
            &task.id
        }
    }
}

fn last_part(id: &str) -> &str {
    id.rsplit('.').next().unwrap_or(id)
}

/// The current task (its latest mention) that `written` names: by its whole id, or by the
/// last part of it when one task's id ends so.
pub(super) fn find_task<'a>(site: &'a Site, written: &str) -> Result<&'a Task> {
    let current = || site.current_tasks().map(|i| &site.tasks[i]);
    if let Some(task) = current().find(|task| task.id == written) {
        return Ok(task);
    }
    let matching: Vec<&Task> = current()
        .filter(|task| last_part(&task.id) == written)
        .collect();
    match matching.as_slice() {
        [one] => Ok(one),
        [] => {
            let short = ShortIds::of(site);
            let mut near: Vec<&str> = current()
                .filter(|task| !task.done && task.id.contains(written))
                .map(|task| short.of_task(task))
                .collect();
            near.sort_unstable();
            let hint = match near.as_slice() {
                [] => "`dossier tasks` lists the open tasks with their ids".to_string(),
                some => format!("did you mean {}?", some.join(", ")),
            };
            Err(Error::Usage(format!("no task `{written}`: {hint}")))
        }
        many => Err(Error::Usage(format!(
            "`{written}` is the end of several tasks' ids; give the whole one: {}",
            many.iter()
                .map(|task| task.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn find_account(site: &Site, name: &str) -> Result<usize> {
    site.account_named(name).ok_or_else(|| {
        let known: Vec<&str> = site.accounts.iter().map(|a| a.name.as_str()).collect();
        Error::Usage(format!(
            "no account `{name}`; known: {}",
            if known.is_empty() {
                "none (no meeting names an `account`)".to_string()
            } else {
                known.join(", ")
            }
        ))
    })
}

/// Who "me" is for `--mine`: DOSSIER_ME, else `id` in the `[me]` table of the user's
/// configuration (`$XDG_CONFIG_HOME/dossier/config.toml`, or `~/.config/dossier/config.toml`).
pub(super) fn me() -> Result<String> {
    if let Some(me) = std::env::var("DOSSIER_ME")
        .ok()
        .filter(|me| !me.trim().is_empty())
    {
        return Ok(me.trim().to_string());
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|dir| !dir.is_empty())
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".config"))
        })
        .map(|dir| dir.join("dossier/config.toml"));
    let missing = || {
        Error::Usage(
            "--mine needs to know who you are: set DOSSIER_ME to your id in people.toml, or write `[me]` and `id = \"YOUR-ID\"` in ~/.config/dossier/config.toml".to_string(),
        )
    };
    let Some(path) = config.filter(|path| path.is_file()) else {
        return Err(missing());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| Error::read(&path, e))?;
    let table: toml::Table = toml::from_str(&text)
        .map_err(|e| Error::Usage(format!("{}: {}", path.display(), e.message())))?;
    table
        .get("me")
        .and_then(|me| me.get("id"))
        .and_then(toml::Value::as_str)
        .map(str::to_string)
        .ok_or_else(missing)
}

/// The id of the person `written` names (id, name or alias).
pub(super) fn resolve_owner(site: &Site, written: &str) -> Result<String> {
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
    words: &Words,
    selected: &[usize],
    filter: &TaskFilter,
    color: bool,
) -> String {
    let style = Style { on: color };
    let agenda = Agenda::of(site, selected.iter().copied());
    let short = ShortIds::of(site);
    let mut rows: Vec<(String, Vec<[String; 4]>, Bucket)> = Vec::new();
    for group in &agenda.groups {
        let lines = group
            .tasks
            .iter()
            .map(|&i| row(site, words, &short, i))
            .collect();
        rows.push((
            words.bucket_title(&group.bucket),
            lines,
            group.bucket.clone(),
        ));
    }
    if filter.all {
        let done: Vec<[String; 4]> = selected
            .iter()
            .filter(|&&i| site.tasks[i].done)
            .map(|&i| row(site, words, &short, i))
            .collect();
        if !done.is_empty() {
            rows.push((words.text("done", None, &[]), done, Bucket::Undated));
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
                Bucket::Overdue => style.paint("31", &due),
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
    let day = crate::dates::day_label(site.today, words.language());
    let _ = writeln!(
        out,
        "{}, {} ({})",
        words.text("open_task_count", count_of(open), &[]),
        words.text("overdue_count", count_of(overdue), &[]),
        words.text("today_is", None, &[("day", day)]),
    );
    out
}

fn row(site: &Site, words: &Words, short: &ShortIds, index: usize) -> [String; 4] {
    let task = &site.tasks[index];
    let mut due = task.due.map_or_else(
        || words.text("no_deadline_lower", None, &[]),
        |d| d.label(words.language()),
    );
    if task.overdue {
        let late = words.text("days_late_short", Some(task.days_late(site.today)), &[]);
        due.push_str(&format!(" ({late})"));
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
    let place = format!(
        "{}  {}:{}",
        short.of_task(task),
        site.meetings[task.meeting].source.display(),
        task.line
    );
    [due, title, owners, place]
}
