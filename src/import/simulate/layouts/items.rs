//! How the simulator writes a task: its phrase with its deadline and the past date it
//! mentions, its owner in the form the truth chose, and the list, groups or table of them.

use super::{capitalised, Writer};
use crate::import::simulate::{DueForm, Lang, OwnerForm, Rng, TruthTask};
use std::fmt::Write;

impl Writer<'_> {
    /// The item's phrase with the past date it mentions and its deadline words.
    pub(super) fn phrase(&self, task: &TruthTask, with_due: bool) -> String {
        self.phrase_from(task.phrase, task, with_due)
    }

    /// `words` (the task's phrase, or its conjugated form) with the past date and deadline.
    fn phrase_from(&self, words: &str, task: &TruthTask, with_due: bool) -> String {
        let mut text = words.to_string();
        if let Some(past) = &task.past {
            let _ = write!(text, " ({past})");
        }
        if with_due && !task.due_words.is_empty() {
            if task.due_form == DueForm::Iso {
                let label = self.words.due_labels[0];
                let _ = write!(text, " ({label}: {})", task.due_words);
            } else {
                let _ = write!(text, " {}", task.due_words);
            }
        }
        text
    }

    /// One task as the layout's item: its line, and the indented lines under it.
    pub(super) fn item(&self, task: &TruthTask, rng: &mut Rng) -> (String, Vec<String>) {
        let names = self.names(task);
        let owner_label = *rng.pick(self.words.owner_labels);
        match task.owner_form {
            // "Bram stuurt de offerte", "Maxime enverra le devis": the verb conjugated after
            // the name, with no "will" to find.
            OwnerForm::Lead
                if !task.team && names.len() == 1 && !task.acts.is_empty() && rng.chance(50) =>
            {
                let acts = self.phrase_from(task.acts, task, true);
                (format!("{} {acts}.", names[0]), Vec::new())
            }
            OwnerForm::Lead => {
                let template = if task.team {
                    *rng.pick(self.words.team_will)
                } else if names.len() > 1 {
                    *rng.pick(self.words.two_will)
                } else {
                    *rng.pick(self.words.one_will)
                };
                let line = template
                    .replace("{A}", names.first().map_or("", String::as_str))
                    .replace("{B}", names.get(1).map_or("", String::as_str))
                    .replace("{P}", &self.phrase(task, true));
                (format!("{line}."), Vec::new())
            }
            OwnerForm::Parentheses => {
                let list = if rng.chance(50) {
                    names.join(", ")
                } else {
                    self.joined(&names)
                };
                (
                    format!("{}. ({list})", capitalised(&self.phrase(task, true))),
                    Vec::new(),
                )
            }
            OwnerForm::Brackets => {
                let title = capitalised(task.key);
                (
                    format!(
                        "[{}] {title}: {}.",
                        names.join(", "),
                        self.phrase(task, true)
                    ),
                    Vec::new(),
                )
            }
            OwnerForm::Label => {
                let line = capitalised(&self.phrase(task, true));
                let list = names.join(", ");
                if rng.chance(50) {
                    (format!("{line} — {owner_label}: {list}"), Vec::new())
                } else {
                    (format!("{line} ({owner_label}: {list})"), Vec::new())
                }
            }
            // Copilot's "Stefan Krüger – bis Fr., 30.10." under the task: no label at all.
            OwnerForm::FieldLine if rng.chance(30) => {
                let mut field = names.join(", ");
                if !task.due_words.is_empty() {
                    let _ = write!(field, " – {}", task.due_words);
                }
                (capitalised(&self.phrase(task, false)), vec![field])
            }
            OwnerForm::FieldLine => {
                let dated_field = task.due.is_some() && rng.chance(50);
                let mut fields = vec![format!("{owner_label}: {}", names.join(", "))];
                if dated_field {
                    let due_label = *rng.pick(self.words.due_labels);
                    let due_field = format!("{due_label}: {}", task.due_words);
                    // Minutes typed in Word put both on one line: "Wie: Sofie – Timing: …".
                    if rng.chance(30) {
                        fields[0].push_str(&format!(" – {due_field}"));
                    } else {
                        fields.push(due_field);
                    }
                }
                (capitalised(&self.phrase(task, !dated_field)), fields)
            }
            OwnerForm::Mention => {
                let mention = format!("@{}", names.join(" @"));
                if rng.chance(50) {
                    (format!("{mention} {}", self.phrase(task, true)), Vec::new())
                } else {
                    (
                        format!("{} {mention}", capitalised(&self.phrase(task, true))),
                        Vec::new(),
                    )
                }
            }
            OwnerForm::Dash => (
                format!(
                    "{} – {}",
                    capitalised(&self.phrase(task, true)),
                    names.join(", ")
                ),
                Vec::new(),
            ),
            OwnerForm::Colon => (
                format!("{}: {}", names.join(", "), self.phrase(task, true)),
                Vec::new(),
            ),
            OwnerForm::TrailingColon => (
                format!(
                    "{}: {}",
                    capitalised(&self.phrase(task, true)),
                    self.joined(&names)
                ),
                Vec::new(),
            ),
            OwnerForm::Arrow => (
                format!(
                    "{} {} {}",
                    capitalised(&self.phrase(task, true)),
                    rng.pick(&["→", "->", "=>"]),
                    names.join(", ")
                ),
                Vec::new(),
            ),
            OwnerForm::Columns => {
                let mut line = format!(
                    "{} – {}",
                    capitalised(&self.phrase(task, false)),
                    names.join(", ")
                );
                if !task.due_words.is_empty() {
                    let _ = write!(line, " – {}", task.due_words);
                }
                (line, Vec::new())
            }
            OwnerForm::Group | OwnerForm::Table | OwnerForm::Nobody => (
                format!("{}.", capitalised(&self.phrase(task, true))),
                Vec::new(),
            ),
        }
    }

    /// The tasks as a list with `bullet`, grouped under owner headings where the truth says so,
    /// or as a table.
    pub(super) fn task_list(&self, out: &mut String, bullet: &str, rng: &mut Rng) {
        let tasks = &self.truth.tasks;
        if tasks
            .first()
            .is_some_and(|t| t.owner_form == OwnerForm::Table)
        {
            let (task_col, owner_col, due_col) = match self.lang {
                Lang::En => ("Action", "Owner", "Due"),
                Lang::Nl => ("Actie", "Eigenaar", "Deadline"),
                Lang::Fr => ("Action", "Responsable", "Échéance"),
                Lang::De => ("Aufgabe", "Verantwortlich", "Frist"),
            };
            let _ = writeln!(
                out,
                "| {task_col} | {owner_col} | {due_col} |\n|---|---|---|"
            );
            for task in tasks {
                let owner = self.names(task).join(", ");
                let _ = writeln!(
                    out,
                    "| {} | {owner} | {} |",
                    capitalised(&self.phrase(task, false)),
                    task.due_words
                );
            }
            return;
        }
        if tasks
            .first()
            .is_some_and(|t| t.owner_form == OwnerForm::Group)
        {
            let mut groups: Vec<(String, Vec<&TruthTask>)> = Vec::new();
            for task in tasks {
                let name = self.names(task).join(", ");
                match groups.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, list)) => list.push(task),
                    None => groups.push((name, vec![task])),
                }
            }
            // The unowned last, under the tool's own words for them.
            groups.sort_by_key(|(name, _)| name.is_empty());
            for (name, list) in groups {
                let heading = if name.is_empty() {
                    match self.lang {
                        Lang::En => "Unassigned".to_string(),
                        Lang::Nl => "Niet toegewezen".to_string(),
                        Lang::Fr => "Non attribué".to_string(),
                        Lang::De => "Nicht zugewiesen".to_string(),
                    }
                } else {
                    name
                };
                match rng.below(3) {
                    0 => {
                        let _ = writeln!(out, "**{heading}**");
                    }
                    1 => {
                        let _ = writeln!(out, "{heading}:");
                    }
                    _ => {
                        let _ = writeln!(out, "{heading}");
                    }
                }
                for task in list {
                    let (line, _) = self.item(task, rng);
                    let _ = writeln!(out, "{bullet}{line}");
                }
                out.push('\n');
            }
            return;
        }
        let numbered = bullet == "1. ";
        for (n, task) in tasks.iter().enumerate() {
            let (line, fields) = self.item(task, rng);
            let box_ = if rng.chance(20) { "[ ] " } else { "" };
            if numbered {
                let _ = writeln!(out, "{}. {line}", n + 1);
            } else {
                let _ = writeln!(out, "{bullet}{box_}{line}");
            }
            let indent = if numbered { "   " } else { "  " };
            for field in fields {
                let _ = writeln!(out, "{indent}{field}");
            }
        }
    }
}
