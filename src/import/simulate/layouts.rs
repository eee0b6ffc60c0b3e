//! How each tool lays a recap out, after its public descriptions: where the title and date
//! stand, what its sections are called in each language, how it writes an item's owner and
//! deadline, and what it adds around them (timestamps, disclaimers, footers).

use super::words::{self, Words};
use super::{DueForm, Lang, OwnerForm, Rng, Truth, TruthTask};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layout {
    /// Teams' Copilot recap: `Topics:` and `Tasks:` with owners in parentheses.
    TeamsCopilot,
    /// Teams' meeting notes copied from Loop: "Meeting notes", "Follow-up tasks".
    TeamsNotes,
    Zoom,
    Gemini,
    Otter,
    Fireflies,
    Fathom,
    Tldv,
    Webex,
    /// Notion, Confluence or Obsidian notes in Markdown.
    Markdown,
    /// A recap a person writes and mails.
    Email,
}

impl Layout {
    pub const ALL: [Layout; 11] = [
        Layout::TeamsCopilot,
        Layout::TeamsNotes,
        Layout::Zoom,
        Layout::Gemini,
        Layout::Otter,
        Layout::Fireflies,
        Layout::Fathom,
        Layout::Tldv,
        Layout::Webex,
        Layout::Markdown,
        Layout::Email,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Layout::TeamsCopilot => "teams",
            Layout::TeamsNotes => "teams-notes",
            Layout::Zoom => "zoom",
            Layout::Gemini => "gemini",
            Layout::Otter => "otter",
            Layout::Fireflies => "fireflies",
            Layout::Fathom => "fathom",
            Layout::Tldv => "tldv",
            Layout::Webex => "webex",
            Layout::Markdown => "markdown",
            Layout::Email => "email",
        }
    }

    /// The languages the tool writes its recap in.
    pub fn languages(self) -> &'static [Lang] {
        match self {
            Layout::Otter | Layout::Fathom => &[Lang::En],
            _ => &Lang::ALL,
        }
    }

    /// Whether the recap lists who took part, so that a first name alone can be matched.
    pub fn lists_people(self) -> bool {
        matches!(
            self,
            Layout::TeamsNotes
                | Layout::Gemini
                | Layout::Fireflies
                | Layout::Tldv
                | Layout::Markdown
                | Layout::Email
        )
    }

    pub fn owner_forms(self) -> &'static [OwnerForm] {
        use OwnerForm::*;
        match self {
            Layout::TeamsCopilot => &[Parentheses, Parentheses, Nobody],
            Layout::TeamsNotes => &[Mention, Label, FieldLine, Lead, Nobody],
            Layout::Zoom => &[Lead, Lead, Lead, Nobody],
            Layout::Gemini => &[Brackets, Brackets, Brackets, Nobody],
            Layout::Otter => &[Lead, Dash, Group, Nobody],
            Layout::Fireflies => &[Group, Lead, Lead, Nobody],
            Layout::Fathom => &[Group, Lead, Nobody],
            Layout::Tldv => &[Mention, Lead, Nobody],
            Layout::Webex => &[Colon, Lead, Nobody],
            Layout::Markdown => &[Mention, FieldLine, Table, Label, Nobody],
            Layout::Email => &[Lead, Parentheses, FieldLine, Label, Dash, Table, Nobody],
        }
    }

    pub fn due_forms(self, lang: Lang) -> &'static [DueForm] {
        use DueForm::*;
        match lang {
            Lang::En => &[
                Weekday,
                NextWeekWeekday,
                DayMonth,
                Iso,
                EndOfMonth,
                EndOfWeek,
                Vague,
                None,
                None,
            ],
            _ => &[
                Weekday,
                NextWeekWeekday,
                DayMonth,
                Numeric,
                Iso,
                EndOfMonth,
                EndOfWeek,
                Vague,
                None,
            ],
        }
    }

    /// The file's extension and its text.
    pub fn write(self, truth: &Truth, rng: &mut Rng) -> (&'static str, String) {
        let words = words::of(truth.lang);
        let writer = Writer {
            truth,
            words,
            lang: truth.lang,
        };
        match self {
            Layout::TeamsCopilot => ("txt", writer.teams_copilot(rng)),
            Layout::TeamsNotes => ("txt", writer.teams_notes(rng)),
            Layout::Zoom => ("txt", writer.zoom(rng)),
            Layout::Gemini => ("txt", writer.gemini(rng)),
            Layout::Otter => ("txt", writer.otter(rng)),
            Layout::Fireflies => ("txt", writer.fireflies(rng)),
            Layout::Fathom => ("txt", writer.fathom(rng)),
            Layout::Tldv => ("md", writer.tldv(rng)),
            Layout::Webex => ("txt", writer.webex(rng)),
            Layout::Markdown => ("md", writer.markdown(rng)),
            Layout::Email => {
                if rng.chance(50) {
                    ("eml", writer.email(rng, true))
                } else {
                    ("txt", writer.email(rng, false))
                }
            }
        }
    }
}

struct Writer<'a> {
    truth: &'a Truth,
    words: &'static Words,
    lang: Lang,
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Writer<'_> {
    /// "Tuesday, 15 December 2026" as the language writes a meeting's day.
    fn long_date(&self, date: NaiveDate, rng: &mut Rng) -> String {
        let weekday = self.words.weekdays[date.weekday().num_days_from_monday() as usize];
        let month = self.words.months[date.month0() as usize];
        let (d, y) = (date.day(), date.year());
        match self.lang {
            Lang::En if rng.chance(50) => format!("{weekday}, {month} {d}, {y}"),
            Lang::En => format!("{weekday}, {d} {month} {y}"),
            Lang::De => format!("{weekday}, {d}. {month} {y}"),
            _ => format!("{weekday} {d} {month} {y}"),
        }
    }

    fn numeric_date(&self, date: NaiveDate) -> String {
        match self.lang {
            Lang::En => date.format("%m/%d/%Y").to_string(),
            Lang::De => date.format("%d.%m.%Y").to_string(),
            _ => date.format("%d/%m/%Y").to_string(),
        }
    }

    fn people_line(&self) -> String {
        self.truth.people.join(", ")
    }

    fn names(&self, task: &TruthTask) -> Vec<String> {
        task.owners
            .iter()
            .map(|&p| self.truth.owner_name(task, p))
            .collect()
    }

    fn joined(&self, names: &[String]) -> String {
        match names {
            [] => String::new(),
            [one] => one.clone(),
            [first @ .., last] => format!("{} {} {last}", first.join(", "), self.words.and),
        }
    }

    /// The item's phrase with the past date it mentions and its deadline words.
    fn phrase(&self, task: &TruthTask, with_due: bool) -> String {
        let mut text = task.phrase.to_string();
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
    fn item(&self, task: &TruthTask, rng: &mut Rng) -> (String, Vec<String>) {
        let names = self.names(task);
        let owner_label = *rng.pick(self.words.owner_labels);
        match task.owner_form {
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
            OwnerForm::FieldLine => {
                let dated_field = task.due.is_some() && rng.chance(50);
                let mut fields = vec![format!("{owner_label}: {}", names.join(", "))];
                if dated_field {
                    let due_label = *rng.pick(self.words.due_labels);
                    fields.push(format!("{due_label}: {}", task.due_words));
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
            OwnerForm::Group | OwnerForm::Table | OwnerForm::Nobody => (
                format!("{}.", capitalised(&self.phrase(task, true))),
                Vec::new(),
            ),
        }
    }

    /// The tasks as a list with `bullet`, grouped under owner headings where the truth says so,
    /// or as a table.
    fn task_list(&self, out: &mut String, bullet: &str, rng: &mut Rng) {
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

    fn topics_as_paragraphs(&self, out: &mut String, style: usize) {
        for (title, text) in &self.truth.topics {
            match style {
                0 => {
                    let _ = writeln!(out, "{title}\n{text}\n");
                }
                1 => {
                    let _ = writeln!(out, "### {title}\n{text}\n");
                }
                _ => {
                    let _ = writeln!(out, "{title}: {text}\n");
                }
            }
        }
    }

    fn heading(&self, candidates: &[&'static str], rng: &mut Rng) -> &'static str {
        rng.pick::<&str>(candidates)
    }

    fn teams_copilot(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let (topics, tasks) = match self.lang {
            Lang::En => ("Topics", "Tasks"),
            Lang::Nl => ("Onderwerpen", "Taken"),
            Lang::Fr => ("Sujets", "Tâches"),
            Lang::De => ("Themen", "Aufgaben"),
        };
        let colon = if self.lang == Lang::Fr { " :" } else { ":" };
        let _ = writeln!(
            out,
            "{} {}\n",
            self.truth.title,
            self.long_date(self.truth.date, rng)
        );
        let _ = writeln!(out, "{topics}{colon}");
        for (title, text) in &self.truth.topics {
            let _ = writeln!(out, "{title}: \n{text}");
        }
        let _ = writeln!(out, "{tasks}{colon}");
        for task in &self.truth.tasks {
            let (line, _) = self.item(task, rng);
            let _ = writeln!(out, "{}: \n{line}", capitalised(task.key));
        }
        out
    }

    fn teams_notes(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let (notes, follow_up) = match self.lang {
            Lang::En => ("Meeting notes", "Follow-up tasks"),
            Lang::Nl => ("Vergadernotities", "Vervolgtaken"),
            Lang::Fr => ("Notes de réunion", "Tâches de suivi"),
            Lang::De => ("Besprechungsnotizen", "Folgeaufgaben"),
        };
        let _ = writeln!(
            out,
            "{}\n{}",
            self.truth.title,
            self.long_date(self.truth.date, rng)
        );
        let _ = writeln!(
            out,
            "{}: {}\n",
            self.heading(self.words.attendee_labels, rng),
            self.people_line()
        );
        let _ = writeln!(out, "{notes}\n");
        for (title, text) in &self.truth.topics {
            let _ = writeln!(out, "- {title}\n  - {text}");
        }
        let _ = writeln!(out, "\n{follow_up}\n");
        self.task_list(&mut out, if rng.chance(50) { "- " } else { "☐ " }, rng);
        let _ = writeln!(out, "\n{}", self.words.disclaimer);
        out
    }

    fn zoom(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let (summary_for, quick, next, summary) = match self.lang {
            Lang::En => (
                "Meeting summary for",
                "Quick recap",
                "Next steps",
                "Summary",
            ),
            Lang::Nl => (
                "Samenvatting van de vergadering voor",
                "Snel overzicht",
                "Volgende stappen",
                "Samenvatting",
            ),
            Lang::Fr => (
                "Résumé de la réunion pour",
                "Récapitulatif rapide",
                "Prochaines étapes",
                "Résumé",
            ),
            Lang::De => (
                "Besprechungszusammenfassung für",
                "Kurze Zusammenfassung",
                "Nächste Schritte",
                "Zusammenfassung",
            ),
        };
        let _ = writeln!(
            out,
            "{summary_for} {} ({})\n",
            self.truth.title,
            self.numeric_date(self.truth.date)
        );
        let _ = writeln!(out, "{quick}\n\n{}\n", self.truth.topics[0].1);
        let _ = writeln!(out, "{next}\n");
        self.task_list(&mut out, if rng.chance(50) { "• " } else { "- " }, rng);
        let _ = writeln!(out, "\n{summary}\n");
        self.topics_as_paragraphs(&mut out, 0);
        let _ = writeln!(out, "{}", self.words.disclaimer);
        out
    }

    fn gemini(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let (notes_by, invited, summary, details, next) = match self.lang {
            Lang::En => (
                "Notes by Gemini",
                "Invited",
                "Summary",
                "Details",
                "Suggested next steps",
            ),
            Lang::Nl => (
                "Notities van Gemini",
                "Uitgenodigd",
                "Samenvatting",
                "Details",
                "Voorgestelde volgende stappen",
            ),
            Lang::Fr => (
                "Notes de Gemini",
                "Invités",
                "Résumé",
                "Détails",
                "Étapes suivantes suggérées",
            ),
            Lang::De => (
                "Notizen von Gemini",
                "Eingeladen",
                "Zusammenfassung",
                "Details",
                "Vorgeschlagene nächste Schritte",
            ),
        };
        let _ = writeln!(
            out,
            "{} - {} - {notes_by}\n",
            self.truth.title,
            self.long_date(self.truth.date, rng)
        );
        let _ = writeln!(out, "{invited} {}\n", self.people_line());
        let _ = writeln!(out, "{summary}\n{}\n", self.truth.topics[0].1);
        let _ = writeln!(out, "{details}\n");
        self.topics_as_paragraphs(&mut out, 2);
        let _ = writeln!(out, "{next}\n");
        self.task_list(&mut out, "", rng);
        let _ = writeln!(out, "\n{}", self.words.disclaimer);
        out
    }

    fn otter(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}\n{} · 45 min\n",
            self.truth.title,
            self.long_date(self.truth.date, rng)
        );
        let _ = writeln!(out, "Overview\n{}\n\nOutline", self.truth.topics[0].1);
        for (title, text) in &self.truth.topics {
            let _ = writeln!(out, "{title}\n- {text} (12:0{})", rng.below(9));
        }
        let _ = writeln!(out, "\nAction Items");
        self.task_list(&mut out, "- ", rng);
        out.push_str("\nGet started with Otter: https://otter.ai\n");
        out
    }

    fn fireflies(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}\n", self.truth.title);
        let _ = writeln!(out, "Date: {}", self.long_date(self.truth.date, rng));
        let _ = writeln!(out, "Participants: {}\n", self.people_line());
        let _ = writeln!(out, "Overview\n- {}\n\nNotes", self.truth.topics[0].1);
        self.topics_as_paragraphs(&mut out, 1);
        let _ = writeln!(out, "Action items");
        self.task_list(&mut out, "", rng);
        out
    }

    fn fathom(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}\n{} · 45 mins\n",
            self.truth.title,
            self.long_date(self.truth.date, rng)
        );
        let _ = writeln!(
            out,
            "Meeting Purpose\n{}\n\nKey Takeaways",
            self.truth.topics[0].1
        );
        for (title, text) in &self.truth.topics {
            let _ = writeln!(out, "- {title}: {text}");
        }
        let _ = writeln!(out, "\nNext Steps");
        self.task_list(&mut out, "- ", rng);
        out
    }

    fn tldv(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", self.truth.title);
        let _ = writeln!(out, "**Date:** {}  ", self.long_date(self.truth.date, rng));
        let _ = writeln!(
            out,
            "**{}:** {}\n",
            self.heading(self.words.attendee_labels, rng),
            self.people_line()
        );
        let _ = writeln!(out, "## {}\n", self.heading(self.words.topic_headings, rng));
        for (title, text) in &self.truth.topics {
            let _ = writeln!(out, "### {title}\n- {text}\n");
        }
        let _ = writeln!(out, "## {}\n", self.heading(self.words.task_headings, rng));
        self.task_list(&mut out, "- [ ] ", rng);
        out.push_str("\nMeeting notes by tl;dv\n");
        out
    }

    fn webex(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let (summary, actions) = match self.lang {
            Lang::En => ("Meeting summary", "Action items"),
            Lang::Nl => ("Samenvatting van de vergadering", "Actiepunten"),
            Lang::Fr => ("Résumé de la réunion", "Actions"),
            Lang::De => ("Besprechungszusammenfassung", "Aufgaben"),
        };
        let _ = writeln!(
            out,
            "{summary}\n{}\n{}\n",
            self.truth.title,
            self.long_date(self.truth.date, rng)
        );
        self.topics_as_paragraphs(&mut out, 0);
        let _ = writeln!(out, "{actions}");
        self.task_list(&mut out, "• ", rng);
        let _ = writeln!(out, "\n{}", self.words.disclaimer);
        out
    }

    fn markdown(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "# {}\n", self.truth.title);
        if rng.chance(50) {
            let label = match self.lang {
                Lang::En => "Date",
                Lang::Nl => "Datum",
                Lang::Fr => "Date",
                Lang::De => "Datum",
            };
            let _ = writeln!(
                out,
                "| | |\n|---|---|\n| {label} | {} |\n",
                self.long_date(self.truth.date, rng)
            );
        } else {
            let _ = writeln!(out, "Date: {}\n", self.truth.date);
        }
        let _ = writeln!(
            out,
            "## {}\n",
            self.heading(self.words.attendee_labels, rng)
        );
        for person in &self.truth.people {
            let _ = writeln!(out, "- @{person}");
        }
        let _ = writeln!(
            out,
            "\n## {}\n",
            self.heading(self.words.topic_headings, rng)
        );
        for (title, text) in &self.truth.topics {
            let _ = writeln!(out, "### {title}\n{text}\n");
        }
        let _ = writeln!(out, "## {}\n", self.heading(self.words.task_headings, rng));
        self.task_list(&mut out, "- [ ] ", rng);
        out
    }

    fn email(&self, rng: &mut Rng, as_mail: bool) -> String {
        let mut out = String::new();
        let sender = self.truth.people[0];
        let address = |name: &str| {
            format!(
                "{}@example.com",
                crate::paths::slugify(name).replace('-', ".")
            )
        };
        let recipients: Vec<String> = self.truth.people[1..]
            .iter()
            .map(|p| format!("{p} <{}>", address(p)))
            .collect();
        let subject = match self.lang {
            Lang::En => "Recap",
            Lang::Nl => "Verslag",
            Lang::Fr => "Compte rendu",
            Lang::De => "Protokoll",
        };
        if as_mail {
            let sent = self.truth.date.and_hms_opt(17, 30, 0).unwrap_or_default();
            let _ = write!(
                out,
                "From: {sender} <{}>\r\nTo: {}\r\nSubject: {subject}: {}\r\nDate: {}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
                address(sender),
                recipients.join(", "),
                self.truth.title,
                sent.format("%a, %d %b %Y %H:%M:%S +0100"),
            );
        } else {
            let _ = writeln!(out, "From: {sender} <{}>", address(sender));
            let _ = writeln!(out, "To: {}", recipients.join(", "));
            let _ = writeln!(out, "Date: {}", self.long_date(self.truth.date, rng));
            let _ = writeln!(out, "Subject: {subject}: {}\n", self.truth.title);
        }
        let _ = writeln!(out, "{}\n", self.words.greeting);
        self.topics_as_paragraphs(&mut out, rng.below(3));
        let _ = writeln!(out, "{}:", self.heading(self.words.task_headings, rng));
        self.task_list(&mut out, if rng.chance(50) { "1. " } else { "- " }, rng);
        let _ = writeln!(out, "\n{}", sender.split(' ').next().unwrap_or(sender));
        if as_mail {
            out = out.replace('\n', "\r\n").replace("\r\r\n", "\r\n");
        }
        out
    }
}
