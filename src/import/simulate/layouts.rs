//! How each tool lays a recap out, after its public descriptions: where the title and date
//! stand, what its sections are called in each language, how it writes an item's owner and
//! deadline, and what it adds around them (timestamps, disclaimers, footers).

use super::words::{self, Words};
use super::{DueForm, Lang, OwnerForm, Rng, Truth, TruthTask};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Layout {
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
    pub(crate) const ALL: [Layout; 11] = [
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

    pub(crate) fn name(self) -> &'static str {
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
    pub(crate) fn languages(self) -> &'static [Lang] {
        match self {
            Layout::Otter | Layout::Fathom => &[Lang::En],
            _ => &Lang::ALL,
        }
    }

    /// Whether the recap lists who took part, so that a first name alone can be matched.
    pub(crate) fn lists_people(self) -> bool {
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

    /// Whether people, not a tool, write this layout.
    pub(crate) fn written_by_hand(self) -> bool {
        matches!(self, Layout::Markdown | Layout::Email)
    }

    pub(crate) fn owner_forms(self) -> &'static [OwnerForm] {
        use OwnerForm::*;
        match self {
            Layout::TeamsCopilot => &[Parentheses, Parentheses, Nobody],
            Layout::TeamsNotes => &[Mention, Label, FieldLine, Lead, Columns, Nobody],
            Layout::Zoom => &[Lead, Lead, Lead, Nobody],
            Layout::Gemini => &[Brackets, Brackets, Brackets, Nobody],
            Layout::Otter => &[Lead, Dash, Group, Nobody],
            Layout::Fireflies => &[Group, Lead, Lead, Nobody],
            Layout::Fathom => &[Group, Lead, Nobody],
            Layout::Tldv => &[Mention, Lead, Nobody],
            Layout::Webex => &[Colon, Lead, Nobody],
            Layout::Markdown => &[Mention, FieldLine, Table, Label, TrailingColon, Nobody],
            Layout::Email => &[
                Lead,
                Parentheses,
                FieldLine,
                Label,
                Dash,
                Table,
                TrailingColon,
                Arrow,
                Columns,
                Nobody,
            ],
        }
    }

    pub(crate) fn due_forms(self, lang: Lang) -> &'static [DueForm] {
        use DueForm::*;
        match lang {
            Lang::En => &[
                Weekday,
                NextWeekWeekday,
                DayMonth,
                Iso,
                EndOfMonth,
                EndOfWeek,
                StartOfMonth,
                InWeeks,
                DayOfMonth,
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
                StartOfMonth,
                InWeeks,
                DayOfMonth,
                Vague,
                None,
            ],
        }
    }

    /// The file's extension and its text.
    pub(crate) fn write(self, truth: &Truth, rng: &mut Rng) -> (&'static str, String) {
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

mod items;

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
        let language = self.lang.language();
        let (weekday, month) = (
            language.weekday(date.weekday()),
            language.month(date.month()),
        );
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
        let bullet = *rng.pick(&["• ", "- ", "○ "]);
        self.task_list(&mut out, bullet, rng);
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
