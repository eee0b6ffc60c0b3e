//! The reader most layouts share: a recap as headings, paragraphs, list items and table rows,
//! read into topics and tasks by what its section headings say. Each tool's file says how to
//! recognise it and what is particular to it ([`Style`]); the reading is here once.
//!
//! Nothing is dropped: a section with an unknown name is a topic, text before the first heading
//! goes into a "Notes" topic, attendees into a "Participants" topic. Only timestamps and tool
//! boilerplate are left out, and counted in the report.

use super::lines::*;
use super::title::*;
use crate::import::input::RecapText;
use crate::import::owners::{attendee_names, group_heading, name_list, task_owners, Gazetteer};
use crate::import::recap::{Recap, RecapTask, RecapTopic};

/// What one tool does its own way.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// Labels before the title ("Meeting summary for ").
    pub title_prefixes: &'static [&'static str],
    /// Boilerplate after the title (" - Notes by Gemini").
    pub title_suffixes: &'static [&'static str],
    /// `@Name` names an owner.
    pub mentions: bool,
    /// Numeric dates are written month first (03/04/2026 is 4 March), as Zoom does.
    pub month_first: bool,
}

impl Style {
    /// Nothing particular.
    pub const PLAIN: Style = Style {
        title_prefixes: &[],
        title_suffixes: &[],
        mentions: false,
        month_first: false,
    };
    /// Dates as US tools write them: 11/17/2026 is 17 November.
    pub const MONTH_FIRST: Style = Style {
        month_first: true,
        ..Style::PLAIN
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Preamble,
    Discussion,
    Tasks,
    Attendees,
}

struct Reader<'a> {
    style: &'a Style,
    recap: Recap,
    section: Section,
    /// The heading of the current discussion section, the title of its topic when text comes
    /// before any sub-heading.
    section_title: String,
    topic: Option<usize>,
    group: Option<(Vec<String>, bool)>,
    table: Option<Table>,
    timestamps: usize,
    boilerplate: Vec<String>,
    metadata_dates: Vec<String>,
    /// The names the recap gives of who took part, read before the tasks that name them.
    known: Gazetteer,
    /// The indentation of the item the last task came from; `None` after a heading, where
    /// items start anew.
    task_indent: Option<usize>,
    /// Lines before the first section that hold a full date ("Tuesday, March 9, 2027 | 1:00
    /// PM", a properties row), in order: where the meeting's date stands when no label says.
    preamble_dates: Vec<String>,
    /// When a mail pasted as text says it was sent: the last hint for the meeting's date.
    sent_dates: Vec<String>,
    lines_seen: usize,
    /// Past a mail's closing: the signature and footer, left out.
    signature: bool,
    /// The recap opens with a mail's headers (From, Van, De, Von).
    mail_headers: bool,
    /// Who sent the mail: the "I" of "I'll send it", "je m'en charge", "(ik)".
    sender: Option<String>,
    /// A section of tasks was read; without one, the tasks are in the notes.
    saw_task_section: bool,
    /// Days from the mail's sending back to the meeting, when its first lines say ("the
    /// meeting yesterday": 1, "today": 0).
    days_before_sending: Option<u64>,
}

/// A table of action items: which column holds what.
#[derive(Debug, Clone, Copy)]
struct Table {
    task: Option<usize>,
    owner: Option<usize>,
    due: Option<usize>,
}

impl Table {
    fn of(header: &[String]) -> Table {
        let find = |names: &[&str]| {
            header.iter().position(|cell| {
                let cell = deunicode::deunicode(&section_name(cell));
                names.iter().any(|n| cell.contains(n))
            })
        };
        Table {
            task: find(&[
                "action",
                "task",
                "item",
                "what",
                "description",
                "to-do",
                "todo",
                "actie",
                "taak",
                "wat",
                "tache",
                "quoi",
                "aufgabe",
                "massnahme",
                "was",
            ]),
            owner: find(&[
                "owner",
                "assignee",
                "who",
                "responsible",
                "assigned",
                "eigenaar",
                "verantwoordelijke",
                "wie",
                "responsable",
                "qui",
                "porteur",
                "verantwortlich",
                "wer",
                "zustandig",
            ]),
            due: find(&[
                "due", "deadline", "when", "date", "by", "tegen", "wanneer", "datum", "echeance",
                "quand", "frist", "termin", "fallig", "bis",
            ]),
        }
    }

    fn holds_tasks(&self) -> bool {
        self.task.is_some() && (self.owner.is_some() || self.due.is_some())
    }
}

/// Reads a recap in the shared way.
pub fn read(input: &RecapText, style: &Style) -> Recap {
    // A tool that writes US dates in English writes the day first in Dutch, French and German
    // ("Vergadersamenvatting voor … (04/02/2027 14:00)" is 4 February).
    let language = crate::import::language::detect(&input.text);
    let style = &Style {
        month_first: style.month_first && language.day_first().is_none(),
        ..*style
    };
    let mut reader = Reader {
        style,
        recap: Recap::default(),
        section: Section::Preamble,
        section_title: String::new(),
        topic: None,
        group: None,
        table: None,
        timestamps: 0,
        boilerplate: Vec::new(),
        metadata_dates: Vec::new(),
        known: Gazetteer::default(),
        task_indent: None,
        preamble_dates: Vec::new(),
        sent_dates: Vec::new(),
        lines_seen: 0,
        signature: false,
        mail_headers: false,
        saw_task_section: false,
        sender: input
            .people
            .first()
            .filter(|name| !is_tool_name(name))
            .cloned(),
        days_before_sending: None,
    };
    if let Some(sent) = input.sent {
        reader.sent_dates.push(sent.to_string());
    }
    if let Some(subject) = &input.subject {
        reader.recap.title = subject.clone();
    }
    for name in crate::import::owners::repeated_full_names(&input.text) {
        reader.known.add_seen(&name);
    }
    // "Zoom <no-reply@zoom.us>" sent it; no one of that name took part.
    for name in input.people.iter().filter(|name| !is_tool_name(name)) {
        reader.known.add(name);
    }
    let (lines, timestamps) = lines(&input.text);
    reader.timestamps = timestamps;
    for line in lines {
        reader.line(line);
    }
    reader.finish(input)
}

impl Reader<'_> {
    fn line(&mut self, line: Line) {
        let text = match &line {
            Line::Heading(t) | Line::Paragraph(t) => t.clone(),
            Line::Item { text, .. } => text.clone(),
            Line::Row(cells) => cells.join(" | "),
        };
        // A forwarded or quoted mail below the signature starts the notes again.
        if self.signature && starts_a_message(&text) {
            self.signature = false;
        }
        if self.signature {
            self.boilerplate.push(text);
            return;
        }
        // "Met vriendelijke groet": the rest is the sender's signature and the mail's footer.
        if is_closing(&text) && !self.recap.title.is_empty() {
            self.signature = true;
            self.boilerplate.push(text);
            return;
        }
        if is_tool_name(&text) || is_boilerplate(&text) && !self.recap.title.is_empty() {
            self.boilerplate.push(text);
            return;
        }
        if !matches!(line, Line::Row(_)) {
            self.table = None;
        }
        // The first lines, before any task: where a tool puts the meeting's facts, in a line
        // of their own, a table of properties, or under the title's first paragraph.
        self.lines_seen += 1;
        let early = self.lines_seen <= 20 && self.section != Section::Tasks;
        if early && self.days_before_sending.is_none() {
            self.days_before_sending = days_before_sending(&text);
        }
        // A mail's "Sent:" header is when it went out, not when the team met.
        let sent_header = text.split_once(':').is_some_and(|(label, _)| {
            let label = section_name(label);
            ["sent", "verzonden", "envoyé", "envoye", "gesendet"].contains(&label.as_str())
                || self.mail_headers && ["date", "datum"].contains(&label.as_str())
        });
        if early && !sent_header && meeting_date(&text, Some(!self.style.month_first)).is_some() {
            self.preamble_dates.push(text.clone());
        }
        match line {
            Line::Heading(text) => self.heading(&text),
            Line::Paragraph(text) => self.paragraph(&text),
            Line::Item {
                nested,
                indent,
                done,
                text,
            } => self.item(nested, indent, done, &text),
            Line::Row(cells) => self.row(cells),
        }
    }

    /// Text without emphasis, wiki-link brackets ("[[Nadia Voss]]") or Dataview's double
    /// colon ("[owner:: Elliot]"): what is left is what a reader sees.
    fn clean(&mut self, text: &str) -> String {
        text.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
            .replace("**", "")
            .replace("[[", "")
            .replace("]]", "")
            .replace(":: ", ": ")
    }

    fn heading(&mut self, text: &str) {
        // Tools decorate headings with emoji: "🔐 Penetration test findings".
        let text = self
            .clean(text)
            .trim_start_matches(|c: char| !c.is_alphanumeric() && !"\"'(“".contains(c))
            .trim()
            .to_string();
        if text.is_empty() {
            return;
        }
        let name = section_name(&text);
        // "Meeting summary" above the meeting's name, as Webex writes it, is no title.
        if self.recap.title.is_empty() && !is_section(&name) {
            self.recap.title = text;
            return;
        }
        let kind = section_kind(&name);
        if kind == Some(SectionKind::Tasks) {
            self.section = Section::Tasks;
            self.saw_task_section = true;
            self.group = None;
            return;
        }
        if kind == Some(SectionKind::Attendees) {
            self.section = Section::Attendees;
            return;
        }
        if kind == Some(SectionKind::Discussion) {
            self.section = Section::Discussion;
            self.section_title = text;
            self.topic = None;
            return;
        }
        self.task_indent = None;
        if self.section == Section::Tasks {
            if let Some(group) = self.owner_heading(&text) {
                self.group = Some(group);
                return;
            }
        }
        self.section = Section::Discussion;
        self.new_topic(text);
    }

    /// A line over a person's items that names them: a full name, or a name the recap gives
    /// ("Vermeldingen" or "Unassigned" alone is no one).
    fn owner_heading(&self, text: &str) -> Option<(Vec<String>, bool)> {
        // "Unassigned", "Non attribué": a group of items nobody owns.
        if is_nobody(text) {
            return Some((Vec::new(), false));
        }
        // Among the tasks, a lone capitalised word over items is the person they are for
        // ("Julien" over his next steps); elsewhere only a full or known name is.
        let among_tasks = self.section == Section::Tasks;
        group_heading(text).filter(|(names, team)| {
            (*team || !names.is_empty())
                && names.iter().all(|name| {
                    name.split_whitespace().count() >= 2 || self.known.knows(name) || among_tasks
                })
        })
    }

    fn new_topic(&mut self, title: String) -> usize {
        self.recap.topics.push(RecapTopic {
            title,
            ..RecapTopic::default()
        });
        let index = self.recap.topics.len() - 1;
        self.topic = Some(index);
        index
    }

    /// The topic text goes into: the current one, or one named after the section.
    fn current_topic(&mut self) -> usize {
        if let Some(topic) = self.topic {
            return topic;
        }
        let title = match self.section {
            Section::Discussion if !self.section_title.is_empty() => self.section_title.clone(),
            _ => "Notes".to_string(),
        };
        self.new_topic(title)
    }

    fn paragraph(&mut self, raw: &str) {
        // A mail pasted with its headers ("De : …", "Objet : …") starts with them, not its title.
        if self.recap.title.is_empty() && !is_mail_header(raw) {
            self.recap.title = self.clean(raw);
            return;
        }
        if self.metadata(raw) {
            return;
        }
        let text = self.clean(raw);
        if text.is_empty() {
            return;
        }
        match self.section {
            Section::Tasks => {
                if let Some(group) = self.owner_heading(&text) {
                    self.group = Some(group);
                    self.task_indent = None;
                } else {
                    self.task(&text);
                }
            }
            Section::Attendees => self.attendees(&text),
            Section::Preamble | Section::Discussion => {
                let topic = self.current_topic();
                let topic = &mut self.recap.topics[topic];
                if topic.points.is_empty() {
                    append(&mut topic.summary, &text);
                } else {
                    topic.points.push((String::new(), text));
                }
            }
        }
    }

    /// "Date: …", "Attendees: …", "Title: …" lines, and a line before the first section that
    /// is only a date ("Wed, Nov 11, 2026 3:00 PM · 45 mins"): the meeting's facts, not its notes.
    fn metadata(&mut self, raw: &str) -> bool {
        // "Wed, Nov 11, 2026 3:00 PM" alone; "Verzonden: …" is a label's, read below.
        let unlabelled = raw
            .split_once(':')
            .is_none_or(|(before, _)| before.chars().any(|c| c.is_ascii_digit()));
        let only_a_date = self.section == Section::Preamble
            && unlabelled
            && raw.chars().count() <= 60
            && meeting_date(raw, Some(!self.style.month_first)).is_some();
        if only_a_date {
            self.metadata_dates.push(raw.to_string());
            return true;
        }
        // Gemini's "Invited Ana Ferreira, Bo Li" has no colon.
        if let Some(list) = invited_list(raw) {
            self.attendees(list);
            return true;
        }
        let Some((label, value)) = raw.split_once(':') else {
            return false;
        };
        let label = section_name(label);
        let value = value.trim().to_string();
        // Headers of a mail pasted as text, in the four languages: who it went to, when and
        // what about, before the first section only.
        let header = self.section == Section::Preamble;
        match label.as_str() {
            // In a mail's headers, its date is when it was sent, not when the team met.
            "date" | "datum" | "envoye" | "envoyé" if header && self.mail_headers => {
                self.sent_dates.push(value);
                true
            }
            "date" | "when" | "time" | "meeting date" | "date and time" | "scheduled" | "datum"
            | "wanneer" | "quand" | "wann" | "termin" => {
                self.metadata_dates.push(value);
                true
            }
            "sent" | "verzonden" | "envoyé" | "gesendet" if header => {
                self.sent_dates.push(value);
                true
            }
            "title" | "meeting" | "meeting title" | "subject" | "titel" | "titre" => {
                self.recap.title = value;
                true
            }
            "onderwerp" | "objet" | "betreff" if header => {
                self.recap.title = value;
                true
            }
            "from" | "to" | "cc" | "bcc" | "van" | "aan" | "de" | "à" | "a" | "von" | "an"
            | "kopie"
                if header =>
            {
                self.mail_headers = true;
                if matches!(label.as_str(), "from" | "van" | "de" | "von") && self.sender.is_none()
                {
                    self.sender = attendee_names(&value).into_iter().next();
                }
                self.attendees(&value);
                true
            }
            _ if section_kind(&label) == Some(SectionKind::Attendees) => {
                self.attendees(&value);
                true
            }
            _ => false,
        }
    }

    fn attendees(&mut self, text: &str) {
        for name in attendee_names(text) {
            self.known.add(&name);
        }
        let index = match self
            .recap
            .topics
            .iter()
            .position(|t| t.title == "Participants")
        {
            Some(index) => index,
            None => {
                self.recap.topics.push(RecapTopic {
                    title: "Participants".into(),
                    ..RecapTopic::default()
                });
                self.recap.topics.len() - 1
            }
        };
        let topic = &mut self.recap.topics[index];
        if !topic.summary.is_empty() {
            topic.summary.push_str(", ");
        }
        topic.summary.push_str(text.trim());
    }

    fn item(&mut self, nested: bool, indent: usize, done: bool, raw: &str) {
        let text = self.clean(raw);
        if text.is_empty() {
            return;
        }
        // Deeper than the task above: its detail or field; as deep, or under a new owner's
        // heading: a task of its own.
        let under_task = self.task_indent.is_some_and(|above| indent > above);
        match self.section {
            Section::Tasks => match self.recap.tasks.last_mut() {
                Some(task) if nested && under_task => {
                    // "Owner: Sam" under the item is its owner, not more of its text.
                    let field = task_owners(&text, false, &self.known);
                    // "Verantwoordelijke: Sofie – voor eind december": the owner, and the rest
                    // stays text (with its deadline).
                    // Fathom's "Rob Keane · WATCH" under the item: names alone, its owner.
                    let names_alone = name_list(
                        text.trim_end_matches(|c: char| !c.is_alphanumeric())
                            .trim_end_matches("WATCH")
                            .trim_end_matches("VIEW")
                            .trim_end_matches(['·', '|', '-', '–', ' ']),
                    )
                    .filter(|(names, team)| !names.is_empty() || *team);
                    if let (Some((names, team)), true) = (&names_alone, task.owners.is_empty()) {
                        task.owners = names.clone();
                        task.with_team = *team;
                        return;
                    }
                    let labelled_owner =
                        is_owner_field(&text) && (!field.owners.is_empty() || field.with_team);
                    if labelled_owner && task.owners.is_empty() && !task.with_team {
                        task.owners = field.owners;
                        task.with_team = field.with_team;
                        if !field.text.trim().is_empty() {
                            append(&mut task.description, &field.text);
                        }
                    } else {
                        append(&mut task.description, &text);
                    }
                }
                _ => {
                    self.task(&text);
                    self.task_indent = Some(indent);
                    if let Some(task) = self.recap.tasks.last_mut() {
                        task.done = done;
                    }
                }
            },
            Section::Attendees => self.attendees(&text),
            Section::Preamble | Section::Discussion => {
                let topic = self.current_topic();
                let points = &mut self.recap.topics[topic].points;
                // A sentence nested under a point is a point of its own ("• Budget" over
                // "- Hélène confirmera le budget d'ici le 30 octobre"); a fragment continues it.
                let sentence = text.chars().next().is_some_and(char::is_uppercase)
                    && text.chars().count() >= 20;
                match points.last_mut() {
                    Some((_, point)) if nested && !sentence => append(point, &text),
                    _ => points.push(match labelled(&text) {
                        Some((label, rest)) => (label.to_string(), rest.to_string()),
                        None => (String::new(), text),
                    }),
                }
            }
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        // A page's properties: "| Attendees | @Greta Olsen @Irene Kowal |", "| Date | … |".
        if let [label, value, ..] = cells.as_slice() {
            let label = section_name(label);
            if section_kind(&label) == Some(SectionKind::Attendees) && !value.is_empty() {
                self.attendees(value);
                return;
            }
        }
        let Some(table) = self.table else {
            let table = Table::of(&cells);
            if table.holds_tasks() {
                self.table = Some(table);
                return;
            }
            self.table = Some(Table {
                task: None,
                owner: None,
                due: None,
            });
            self.paragraph(&cells.join(" — "));
            return;
        };
        let cell = |index: Option<usize>| {
            index
                .and_then(|i| cells.get(i))
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        if !table.holds_tasks() {
            let text = cells.join(" — ");
            let topic = self.current_topic();
            self.recap.topics[topic].points.push((String::new(), text));
            return;
        }
        let mut text = cell(table.task);
        let due = cell(table.due);
        if !due.is_empty() && due != "-" {
            text = format!("{text} by {due}");
        }
        let owner = cell(table.owner);
        let group = name_list(&owner);
        let saved = std::mem::replace(&mut self.group, group);
        self.task(&text);
        self.group = saved;
    }

    fn task(&mut self, text: &str) {
        let text = &without_action_label(text);
        let owned = task_owners(&owner_label_as_lead(text), self.style.mentions, &self.known);
        let (mut owners, mut with_team) = (owned.owners, owned.with_team);
        if owners.is_empty() && !with_team {
            if let Some((names, team)) = &self.group {
                owners = names.clone();
                with_team = *team;
            }
        }
        if owners.is_empty() && !with_team && first_person(text) {
            owners.extend(self.sender.clone());
        }
        let (title, description) = match labelled(&owned.text) {
            // Gemini's "Send Renewal Quote: Send the revised renewal quote to Fiona by Friday":
            // the sentence says all the title does and more, and is what people search for.
            Some((label, rest)) if says_all_of(rest, label) => title_of(rest),
            Some((label, rest)) => (label.to_string(), rest.to_string()),
            None => title_of(&owned.text),
        };
        self.recap.tasks.push(RecapTask {
            title,
            description,
            owners,
            with_team,
            done: false,
        });
    }

    fn finish(mut self, input: &RecapText) -> Recap {
        self.recap.participants = self.known.names().to_vec();
        self.recap.title = clean_title(&self.recap.title, self.style);
        let mut candidates: Vec<String> = vec![self.recap.title.clone()];
        candidates.extend(input.subject.clone());
        candidates.append(&mut self.metadata_dates);
        candidates.append(&mut self.preamble_dates);
        let stated = candidates.iter().find_map(|text| {
            meeting_date(text, Some(!self.style.month_first)).map(|d| (d, text.clone()))
        });
        // A mail that says only when it was sent: the meeting was that day, or the day before
        // when its first lines say "yesterday".
        let back = self.days_before_sending.unwrap_or(0);
        let sent = self.sent_dates.iter().find_map(|text| {
            let date = meeting_date(text, Some(!self.style.month_first))?;
            let words = match back {
                0 => format!("{text} (the day it was sent)"),
                n => format!("{text}, less {n} day (\"yesterday\")"),
            };
            Some((date.checked_sub_days(chrono::Days::new(back))?, words))
        });
        self.recap.date = stated.or(sent);
        self.recap.title = without_date(&self.recap.title);
        self.recap.day_first = if self.style.month_first {
            Some(false)
        } else {
            self.recap
                .date
                .as_ref()
                .and_then(|(_, words)| numeric_order(words))
        };
        if self.timestamps > 0 {
            self.recap
                .left_out
                .push(format!("{} timestamps", self.timestamps));
        }
        if !self.saw_task_section {
            self.tasks_from_points();
        }
        // Gemini lists its next steps twice (quick notes, full notes): the same task once.
        let mut seen = std::collections::HashSet::new();
        self.recap.tasks.retain(|task| {
            seen.insert((
                task.title.clone(),
                task.description.clone(),
                task.owners.clone(),
            ))
        });
        for line in self.boilerplate {
            self.recap.left_out.push(format!("\"{line}\""));
        }
        self.recap
    }

    /// A recap with no section of tasks (a mail that lists what each will do under the topic
    /// it belongs to): the points that name their owner and a deadline, or open with an owner
    /// and a verb of intent ("Céline va préparer …"), are its tasks.
    fn tasks_from_points(&mut self) {
        let any_day = self
            .recap
            .date
            .as_ref()
            .map(|(date, _)| *date)
            // Whether a phrase is there, not what it means, is asked: any ordinary day serves.
            .or_else(|| chrono::NaiveDate::from_ymd_opt(2026, 1, 5))
            .unwrap_or_default();
        let is_task = |text: &str| {
            let owned = task_owners(text, self.style.mentions, &self.known);
            let owned_by_someone = !owned.owners.is_empty()
                || owned.with_team
                || self.sender.is_some() && first_person(text);
            let dated = crate::import::deadlines::find(text, any_day, None)
                .iter()
                .any(|found| matches!(found.reading, crate::import::deadlines::Reading::Due(_)));
            let intent = owned.text.len() + 3 < text.len() && opens_with_intent(text);
            owned_by_someone && (dated || intent || first_person(text))
        };
        let mut tasks = Vec::new();
        // A point or a paragraph of a mail written as prose: "Ik bezorg jullie tegen vrijdag
        // een offerte." in the middle of it is a task, which moves out of the notes.
        let task_sentences = |text: &str, tasks: &mut Vec<String>| -> String {
            let mut kept = Vec::new();
            for sentence in sentences(text) {
                if is_task(sentence) {
                    tasks.push(sentence.to_string());
                } else {
                    kept.push(sentence);
                }
            }
            kept.join(" ")
        };
        for topic in &mut self.recap.topics {
            for (label, text) in &mut topic.points {
                if label.is_empty() {
                    *text = task_sentences(text, &mut tasks);
                }
            }
            topic
                .points
                .retain(|(label, text)| !(label.is_empty() && text.is_empty()));
            topic.summary = task_sentences(&topic.summary, &mut tasks);
        }
        for text in tasks {
            self.task(&text);
        }
    }
}

/// The sentences of a paragraph: ending in ".", "!" or "?" before a capital, never after a
/// number or a short abbreviation ("op 12/10. De", "Dr. Lindner").
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (at, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') || at + 2 > text.len() || bytes.get(at + 1) != Some(&b' ')
        {
            continue;
        }
        let next_word = text[at + 2..].split(' ').next().unwrap_or_default();
        let next_capital = next_word.chars().next().is_some_and(char::is_uppercase);
        let word = text[start..at].rsplit(' ').next().unwrap_or_default();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // "op 31/12. Ik neem" ends a sentence; "am 20. Januar" and "Dr. Lindner" do not.
        let ends = c != '.'
            || letters > 3
            || letters == 0
                && word.chars().any(|c| c.is_ascii_digit())
                && !crate::import::deadlines::is_month_name(next_word);
        if next_capital && ends {
            out.push(text[start..=at].trim());
            start = at + 2;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// Whether a sentence's owner is followed by a verb that says what they will do ("will",
/// "to", "zal", "va", "wird"), not what they did.
fn opens_with_intent(text: &str) -> bool {
    const INTENT: &[&str] = &[
        " will ",
        " to ",
        " shall ",
        " zal ",
        " zullen ",
        " gaat ",
        " gaan ",
        " moet ",
        " va ",
        " vont ",
        " doit ",
        " s'occupe ",
        " se charge ",
        " wird ",
        " werden ",
        " soll ",
        " muss ",
        " kümmert ",
    ];
    let head: String = text.chars().take(60).collect::<String>().to_lowercase();
    INTENT.iter().any(|verb| head.contains(verb))
}

/// How many days before a mail was sent its meeting took place, when a line says: "yesterday",
/// "gisteren", "hier", "gestern" (one), "today", "vandaag", "aujourd'hui", "heute" (none).
fn days_before_sending(text: &str) -> Option<u64> {
    let lower = format!(" {} ", text.to_lowercase());
    let has = |words: &[&str]| {
        words.iter().any(|word| {
            lower.contains(&format!(" {word} "))
                || lower.contains(&format!(" {word},"))
                || lower.contains(&format!(" {word}."))
                || lower.contains(&format!(" {word}middag"))
                || lower.contains(&format!(" {word}avond"))
        })
    };
    if has(&["yesterday", "gisteren", "hier", "gestern"]) {
        Some(1)
    } else if has(&[
        "today",
        "vandaag",
        "vanmorgen",
        "vanmiddag",
        "aujourd'hui",
        "heute",
        "heutigen",
    ]) {
        Some(0)
    } else {
        None
    }
}

/// The first line of a message forwarded or quoted in a mail: its "From:" header (in the four
/// languages) or the line mail programs put above it.
fn starts_a_message(text: &str) -> bool {
    const MARKERS: &[&str] = &[
        "forwarded message",
        "original message",
        "begin forwarded message",
        "doorgestuurd bericht",
        "oorspronkelijk bericht",
        "message transféré",
        "message d'origine",
        "weitergeleitete nachricht",
        "ursprüngliche nachricht",
    ];
    let lower = text.to_lowercase();
    let header = lower.split_once(':').is_some_and(|(label, value)| {
        ["from", "van", "de", "von"].contains(&label.trim()) && value.contains('@')
    });
    header || MARKERS.iter().any(|marker| lower.contains(marker))
}

/// "From: …", "Van: …", "Objet : …": a line of a mail's headers, in the four languages.
fn is_mail_header(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "from",
        "to",
        "cc",
        "bcc",
        "sent",
        "date",
        "subject",
        "van",
        "aan",
        "verzonden",
        "datum",
        "onderwerp",
        "de",
        "à",
        "envoyé",
        "objet",
        "von",
        "an",
        "gesendet",
        "betreff",
        "kopie",
    ];
    line.split_once(':').is_some_and(|(label, value)| {
        LABELS.contains(&section_name(label).as_str()) && !value.trim().is_empty()
    })
}

/// Whether the writer of a mail names themself as the owner: "I'll send …", "je m'en charge",
/// "(ik)", "ich übernehme", in the four languages.
fn first_person(text: &str) -> bool {
    let lower = format!(" {} ", text.to_lowercase().replace('’', "'"));
    const OPENINGS: &[&str] = &[" i'll ", " i will ", " i ", " ik ", " je ", " j'", " ich "];
    const ANYWHERE: &[&str] = &[
        "(ik)",
        "(ikzelf)",
        "(moi)",
        "(me)",
        "(ich)",
        ": ik",
        ": moi",
        ": ich",
        ": me ",
        "je m'en charge",
        "je m'en occupe",
        "je m'occupe",
        "ik neem",
        "neem ik",
        "doe ik",
        "ich übernehme",
        "übernehme ich",
        "i'll take",
        "i will take",
        "moi-même",
        "ikzelf",
    ];
    OPENINGS.iter().any(|opening| lower.starts_with(opening))
        || ANYWHERE.iter().any(|words| lower.contains(words))
}

/// "Unassigned", "Non attribué", "Niet toegewezen", "Nicht zugewiesen", "Others": a heading
/// over items nobody owns.
fn is_nobody(text: &str) -> bool {
    const NOBODY: &[&str] = &[
        "unassigned",
        "no owner",
        "others",
        "other",
        "non attribue",
        "non assigne",
        "sans responsable",
        "autres",
        "niet toegewezen",
        "geen eigenaar",
        "overige",
        "nicht zugewiesen",
        "ohne zuordnung",
        "sonstige",
        "sonstiges",
    ];
    let name = deunicode::deunicode(&section_name(text)).to_lowercase();
    NOBODY.contains(&name.as_str())
}

/// Whether `text` holds every word of `label` (of four letters or more), so that the label
/// can go without anything being lost.
fn says_all_of(text: &str, label: &str) -> bool {
    let text = text.to_lowercase();
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect();
    !words.is_empty() && words.iter().all(|word| text.contains(word.as_str()))
}

/// "Actie: …", "Action : …", "To-do: …": a label that says only that the line is a task.
fn without_action_label(text: &str) -> String {
    const LABELS: &[&str] = &[
        "action",
        "actie",
        "aktion",
        "todo",
        "to-do",
        "to do",
        "task",
        "taak",
        "tache",
        "aufgabe",
        "ap",
        "action item",
        "actiepunt",
    ];
    match text.split_once(':') {
        Some((label, rest))
            if LABELS.contains(&deunicode::deunicode(label.trim()).to_lowercase().as_str())
                && !rest.trim().is_empty() =>
        {
            rest.trim().to_string()
        }
        _ => text.to_string(),
    }
}

/// "Owner: Sam", "Verantwoordelijke: Sofie – …": a line under an item that names its owner.
fn is_owner_field(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "owner",
        "owners",
        "assignee",
        "assignees",
        "assigned to",
        "responsible",
        "eigenaar",
        "verantwoordelijke",
        "toegewezen aan",
        "responsable",
        "assigne a",
        "porteur",
        "verantwortlich",
        "zustandig",
        "zugewiesen an",
        "who",
        "wie",
        "qui",
        "wer",
    ];
    text.split_once(':').is_some_and(|(label, _)| {
        LABELS.contains(&deunicode::deunicode(label.trim()).to_lowercase().as_str())
    })
}

/// The names after "Invited" (or "Uitgenodigd", "Invités", "Eingeladen") opening a line.
fn invited_list(line: &str) -> Option<&str> {
    let (first, rest) = line.trim().split_once(' ')?;
    let first = section_name(first);
    (section_kind(&first) == Some(SectionKind::Attendees) && rest.contains(char::is_uppercase))
        .then_some(rest)
}

fn append(target: &mut String, text: &str) {
    if !target.is_empty() {
        target.push(' ');
    }
    target.push_str(text.trim());
}

/// "Ana Lucía Ferreira: share the draft", "Tom: Send the proposal", as Webex and Zoom write an
/// owner before an item: a label that is nothing but names reads as "Tom to send the
/// proposal". A title ("Sponsor update: Inform the sponsor", "Send Renewal Quote: …") is no
/// list of names: it has a word in lower case or a verb.
fn owner_label_as_lead(text: &str) -> String {
    let Some((label, rest)) = text.split_once(": ") else {
        return text.to_string();
    };
    let names = name_list(label)
        .filter(|(names, team)| !names.is_empty() || *team)
        .filter(|(names, _)| names.iter().all(|n| n.split_whitespace().count() <= 3));
    if names.is_some() && !rest.trim().is_empty() {
        format!("{label} to {}", lower_first(rest))
    } else {
        text.to_string()
    }
}

/// "Send the proposal" → "send the proposal", as it reads after "Tom to".
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A one-line item as a title and the rest: its first sentence, at most about 80 characters.
fn title_of(text: &str) -> (String, String) {
    let text = text.trim();
    // A full stop after a word, not after a number ("20. Januar", "15.09.") or an
    // abbreviation ("Dr. Lindner", "z.B. ").
    let sentence_end = text
        .match_indices(". ")
        .map(|(at, _)| at)
        .filter(|&at| {
            let word = text[..at].rsplit(' ').next().unwrap_or_default();
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            letters > 3 && !word.contains('.') || word.ends_with(')')
        })
        .find(|&at| at >= 12)
        .unwrap_or(text.len());
    let (first, rest) = text.split_at(sentence_end);
    let first = first.trim_end_matches('.');
    if first.chars().count() <= 90 {
        return (
            first.to_string(),
            rest.trim_start_matches('.').trim().to_string(),
        );
    }
    // A long sentence: the title is its opening words, the whole sentence the description.
    let mut title = String::new();
    for word in first.split_whitespace() {
        if title.chars().count() + word.chars().count() > 70 {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    (
        format!("{}…", title.trim_end_matches([',', ';', ':'])),
        text.to_string(),
    )
}

#[cfg(test)]
mod tests;
