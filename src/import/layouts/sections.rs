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
use crate::import::owners::{group_heading, mail_domains, name_list, task_owners, Gazetteer};
use crate::import::recap::{Recap, RecapTopic};

/// What one tool does its own way.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Style {
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
    pub(crate) const PLAIN: Style = Style {
        title_prefixes: &[],
        title_suffixes: &[],
        mentions: false,
        month_first: false,
    };
    /// Dates as US tools write them: 11/17/2026 is 17 November.
    pub(crate) const MONTH_FIRST: Style = Style {
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
    /// Left out, and counted in the report; a heading the sections know ends it.
    Transcript,
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
    /// Lines of a transcript, left out.
    transcript_lines: usize,
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
    /// The row being read gives its owners in a column of their own.
    owners_from_column: bool,
    /// Under a heading about the previous meeting: its actions, reviewed, are notes.
    earlier_meeting: bool,
    /// Under "Verontschuldigd" or "Excusés": the heading, for the people listed.
    excused_heading: Option<String>,
    /// Past a mail's closing: the signature and footer, left out.
    signature: bool,
    /// The recap opens with a mail's headers (From, Van, De, Von).
    mail_headers: bool,
    /// A chat's messages, each with its writer, read for tasks once all are in.
    chat: chat::Chat,
    /// Who sent the mail: the "I" of "I'll send it", "je m'en charge", "(ik)".
    sender: Option<String>,
    /// Whom the mail is to, the "you" of its requests.
    recipients: Vec<String>,
    /// A section of tasks was read; without one, the tasks are in the notes.
    saw_task_section: bool,
    /// Days from the mail's sending back to the meeting, when its first lines say ("the
    /// meeting yesterday": 1, "today": 0).
    days_before_sending: Option<u64>,
    /// The weekday the mail names its meeting by ("notre réunion de lundi").
    meeting_weekday: Option<chrono::Weekday>,
    /// The recap's language, for the words that mean another thing in another one.
    language: crate::import::language::Language,
    /// Past the start of an earlier mail quoted below this one's tasks.
    quoted_history: bool,
    /// The recap is a mail that replies rather than forwards (an .eml whose subject does not
    /// say "Fwd:"): a message quoted below its tasks is history.
    a_reply: bool,
    /// "[ML]": how the writer marks their answers inside the mail they quote.
    inline_mark: Option<String>,
    /// Points of a list of tasks that say they are done or dropped ("[FAIT] …", a "Closed"
    /// cell): kept in the notes, not tasks.
    settled: Vec<String>,
    /// The topics written before a message the mail passes on: the sender's own words, whose
    /// points are read for tasks whatever the message below holds.
    own_topics: Option<usize>,
    /// How many tasks there were when the current section of tasks began.
    tasks_before_section: usize,
    /// The section of tasks writes each as a title line over its sentence, as the Teams
    /// recap does ("Herziene offerte" / "Sofie stuurt de offerte vrijdag").
    titled_tasks: bool,
    /// A task's title line, waiting for its sentence.
    pending_title: Option<String>,
}

/// The names the whole recap gives before its lines are read: mail domains, full names it
/// repeats, its common words, companies by legal form or in brackets after a name, and the
/// people of a mail's headers.
fn gazetteer_of(input: &RecapText) -> Gazetteer {
    let mut known = Gazetteer::default();
    for domain in mail_domains(&input.addresses.join(" ")) {
        known.add_domain(&domain);
    }
    for name in crate::import::owners::repeated_full_names(&input.text) {
        known.add_seen(&name);
    }
    known.set_language(input.language);
    known.add_common_words(&input.text);
    for company in crate::import::owners::companies_by_legal_form(&input.text)
        .into_iter()
        .chain(crate::import::owners::companies_in_asides(&input.text))
    {
        known.add_company(&company);
    }
    // Those it names with their initials took part, as those of its headers did.
    for name in crate::import::owners::named_with_initials(&input.text) {
        known.add(&name);
    }
    // "Zoom <no-reply@zoom.us>" sent it; no one of that name took part.
    for name in input.people.iter().filter(|name| !is_tool_name(name)) {
        known.add(name);
    }
    known
}

/// Reads a recap in the shared way.
pub(crate) fn read(input: &RecapText, style: &Style) -> Recap {
    // A tool that writes US dates in English writes the day first in Dutch, French and German
    // ("Vergadersamenvatting voor … (04/02/2027 14:00)" is 4 February).
    let style = &Style {
        month_first: style.month_first && input.language.day_first().is_none(),
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
        transcript_lines: 0,
        boilerplate: Vec::new(),
        metadata_dates: Vec::new(),
        known: gazetteer_of(input),
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
        recipients: input.recipients.clone(),
        days_before_sending: None,
        meeting_weekday: None,
        language: input.language,
        quoted_history: false,
        a_reply: input.kind == crate::import::input::InputKind::Email
            && !input.subject.as_deref().is_some_and(says_forwarded),
        own_topics: None,
        tasks_before_section: 0,
        titled_tasks: false,
        pending_title: None,
        owners_from_column: false,
        earlier_meeting: false,
        excused_heading: None,
        inline_mark: None,
        settled: Vec::new(),
        chat: chat::Chat::default(),
    };
    if let Some(sent) = input.sent {
        reader.sent_dates.push(sent.to_string());
    }
    if let Some(subject) = &input.subject {
        reader.set_title(subject.clone());
    }
    if reader.sender.is_none() {
        reader.sender = super::boilerplate::minute_taker(&input.text);
    }
    reader.inline_mark = inline_answers_mark(&input.text, reader.sender.as_deref());
    let named = speakers::named_speakers(&input.text);
    let (text, translated) = translation::without_translation(&named);
    if translated > 0 {
        reader
            .recap
            .left_out
            .push(format!("its translation below, {translated} lines"));
    }
    let (text, chat) = copied_chat::as_message_lines(text);
    reader.chat.under_a_post = chat == copied_chat::Kind::ThreadUnderAPost;
    let (lines, timestamps) = lines(&text);
    reader.timestamps = timestamps;
    for line in lines {
        reader.line(line);
    }
    reader.finish(input)
}

/// The name after "Organized by", "Georganiseerd door", "Organisé par", "Organisiert von",
/// "Hosted by".
fn organizer(text: &str) -> Option<&str> {
    static ORGANIZER: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^\W*(?:organi[sz]ed\s+by|hosted\s+by|georganiseerd\s+door|organis[ée]e?\s+par|organisiert\s+von|einberufen\s+von)\s*:?\s+(\p{Lu}[\p{L}'’ -]+?)\s*$").ok()
    });
    // A name's length is checked here, not counted in the pattern: a counted class of every
    // letter makes an automaton slow to build.
    let caps = ORGANIZER.as_ref()?.captures(text.trim())?;
    caps.get(1)
        .map(|name| name.as_str())
        .filter(|name| name.chars().count() <= 60)
}

impl Reader<'_> {
    fn line(&mut self, line: Line) {
        let text = match &line {
            Line::Heading(t) | Line::Paragraph(t) => t.clone(),
            Line::Item { text, .. } => text.clone(),
            Line::Row(cells) => cells.join(" | "),
            Line::MessageBreak => {
                self.signature = false;
                return;
            }
        };
        if self.outside_the_notes(&line, &text) {
            return;
        }
        if let Some(message) = matches!(line, Line::Paragraph(_))
            .then(|| chat::message(&text))
            .flatten()
        {
            self.chat_message(message);
            return;
        }
        // A forwarded or quoted mail below the signature starts the notes again, and so does a
        // heading: "## Kick-off" below "Viele Grüße, Matthias" is the recap the mail carries.
        if self.signature && (starts_a_message(&text) || matches!(line, Line::Heading(_))) {
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
        let before_title = self.recap.title.is_empty();
        // "**Datum:** vr 11 dec. 2026 · **Opgenomen door:** Fireflies.ai": the date the tool
        // recorded it on, beside its name.
        if (is_tool_name(&text)
            || is_tool_sentence(&text)
            || is_boilerplate(&text) && !before_title)
            && !labelled_with(&text, DATE_LABELS)
        {
            self.boilerplate.push(text);
            return;
        }
        // "Organized by Ruben Claes", as Teams and Zoom head a recap: one who took part, not a
        // heading over what follows.
        if let Some(organizer) = organizer(&text) {
            self.attendees(organizer);
            self.boilerplate.push(text);
            return;
        }
        if !matches!(line, Line::Row(_)) {
            // Text after a table of actions is the minutes' close ("Prochain comité : …"),
            // not more actions.
            if self.table.is_some_and(|table| table.holds_tasks()) && self.section == Section::Tasks
            {
                self.end_tasks();
            }
            self.table = None;
        }
        self.early_facts(&text);
        match line {
            Line::Heading(text) => self.heading(&text),
            Line::Paragraph(text) => self.paragraph(&text),
            Line::Item {
                nested,
                indent,
                done,
                marked,
                text,
            } => self.item(nested, indent, (done, marked), &text),
            Line::Row(cells) => self.row(cells),
            Line::MessageBreak => {}
        }
    }

    /// Reads a line that is not the recap's own notes, and says whether it was one: a
    /// transcript's, or the mail a reply answers (quoted with ">", or below its headers but
    /// for the writer's answers marked between its lines).
    fn outside_the_notes(&mut self, line: &Line, text: &str) -> bool {
        if self.section == Section::Transcript
            && !matches!(line, Line::Heading(heading) if is_section(heading))
        {
            self.transcript_lines += 1;
            return true;
        }
        // "> 3. Wij bezorgen jullie tegen maandag …" in a reply: the mail it answers, quoted.
        if self.a_reply && text.starts_with('>') {
            self.boilerplate.push(text.to_string());
            return true;
        }
        self.mail_below(line, text);
        if !self.quoted_history {
            return false;
        }
        // "[ML] Oui : …": the writer's answers between the lines of the mail they quote.
        match self
            .inline_mark
            .as_deref()
            .and_then(|mark| text.strip_prefix(mark))
        {
            Some(answer) => self.paragraph(answer.trim()),
            None => self.boilerplate.push(text.to_string()),
        }
        true
    }

    /// Where a message the mail carries starts: an earlier mail quoted below one whose tasks
    /// were read is history, not this meeting (left out, and said so in the report); a message
    /// passed on ends the sender's own words.
    fn mail_below(&mut self, line: &Line, text: &str) {
        // A line ending in a colon became a heading, without its colon.
        let as_written = match line {
            Line::Heading(_) => format!("{text}:"),
            _ => text.to_string(),
        };
        let passed_on = starts_a_message(text);
        let quoted = starts_a_quote(&as_written)
            || passed_on && !is_forward_marker(text) && (self.mail_headers || self.a_reply);
        // Below a mail's own notes, "-----Original Message-----" is the mail it answers (unless
        // its subject says it passes that one on), even before the mail's tasks are counted:
        // tasks in prose are read at the end.
        let answers_below_notes = is_reply_marker(text) && !self.recap.topics.is_empty();
        if quoted
            && (!self.recap.tasks.is_empty() || self.inline_mark.is_some() || answers_below_notes)
        {
            self.quoted_history = true;
        }
        if passed_on && !self.quoted_history && self.own_topics.is_none() {
            self.own_topics = Some(self.recap.topics.len());
            self.topic = None;
        }
    }

    /// The first lines, before any task: where a tool puts the meeting's facts, in a line of
    /// their own, a table of properties, or under the title's first paragraph.
    fn early_facts(&mut self, text: &str) {
        self.lines_seen += 1;
        let early = self.lines_seen <= 20 && self.section != Section::Tasks;
        if !early {
            return;
        }
        if self.days_before_sending.is_none() {
            self.days_before_sending = days_before_sending(text, self.language);
        }
        if self.meeting_weekday.is_none() {
            self.meeting_weekday = meeting_weekday(text);
        }
        // A mail's "Sent:" header is when it went out, not when the team met.
        let sent_header = text.split_once(':').is_some_and(|(label, _)| {
            let label = section_name(label);
            ["sent", "verzonden", "envoyé", "envoye", "gesendet"].contains(&label.as_str())
                || self.mail_headers && ["date", "datum"].contains(&label.as_str())
        });
        if !sent_header && meeting_date(text, Some(!self.style.month_first)).is_some() {
            self.preamble_dates.push(text.to_string());
        }
    }

    /// Text without emphasis, wiki-link brackets ("[[Nadia Voss]]") or Dataview's double
    /// colon ("[owner:: Elliot]"): what is left is what a reader sees.
    fn clean(&mut self, text: &str) -> String {
        let text = text
            .trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace())
            .replace("**", "")
            .replace("[[", "")
            .replace("]]", "")
            .replace(":: ", ": ");
        // "[Set up SSO between Entra ID and …]": a link's label alone, as a mail's HTML makes
        // each task's title a link.
        let text = match text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            Some(label) if !label.contains(['[', ']']) && label.split_whitespace().count() >= 2 => {
                label.to_string()
            }
            _ => text,
        };
        obsidian_dates_apart(&text)
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
        // "author: Ellen Jacobs", "date: …" opening a page of notes: facts, not its title.
        const PEOPLE_OF_THE_PAGE: &[&str] = &[
            "author",
            "auteur",
            "autor",
            "organizer",
            "organisateur",
            "organisator",
        ];
        let a_fact = [DATE_LABELS, ACCOUNT_LABELS, PEOPLE_OF_THE_PAGE]
            .iter()
            .any(|labels| labelled_with(raw, labels));
        if self.takes_title(raw) && !is_mail_header(raw) && !a_fact {
            let title = self.clean(raw);
            self.set_title(title);
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
            Section::Tasks if self.pending_title.is_some() => {
                let title = self.pending_title.take();
                self.titled_tasks = true;
                self.titled_task(title, &text);
            }
            // In a mail, a paragraph after a list of tasks that names no owner and no deadline
            // is the mail going on ("Als er nog iets bij moet, zeg maar."), not one more task;
            // "Volgende vergadering: woensdag 28/04/2027 om 14u00" after the list of actions is
            // a fact under a section's name. Either ends the tasks.
            Section::Tasks
                if self.task_indent.is_some()
                    && self.sender.is_some()
                    && self.owner_heading(&text).is_none()
                    && self.owner_and_deadline(&text) == (false, false)
                    || names_another_section(&text) =>
            {
                self.end_tasks();
                self.paragraph(raw);
            }
            Section::Tasks => {
                if let Some(group) = self.owner_heading(&text) {
                    self.group = Some(group);
                    self.task_indent = None;
                } else {
                    self.task(&text);
                }
            }
            Section::Attendees => self.attendees(&text),
            // Counted in `line`, before any reading.
            Section::Transcript => {}
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

    /// The tasks are over: what follows is notes, under no title of their own.
    fn end_tasks(&mut self) {
        self.section = Section::Discussion;
        self.section_title = String::new();
        self.topic = None;
    }

    fn finish(mut self, input: &RecapText) -> Recap {
        if let Some(title) = self.pending_title.take() {
            self.new_topic(title);
        }
        self.recap.participants = self.known.names().to_vec();
        self.recap.title = clean_title(&self.recap.title, self.style);
        self.chat_tasks();
        self.read_meeting_date(input);
        if self.timestamps > 0 {
            self.recap
                .left_out
                .push(format!("{} timestamps", self.timestamps));
        }
        if self.transcript_lines > 0 {
            self.recap
                .left_out
                .push(format!("a transcript of {} lines", self.transcript_lines));
        }
        self.tasks_from_notes();
        self.keep_settled_points();
        for line in self.boilerplate {
            self.recap.left_out.push(format!("\"{line}\""));
        }
        self.recap
    }

    /// The tasks in the notes' points, and each task once. Where the recap has a section of
    /// tasks, a point elsewhere is one only when a label names its owner ("Aanvulling: -
    /// Prijsvergelijking opmaken. Wie: Hilde Maes."). The sender's own points above a message
    /// passed on are read whole: "Kan jij de planning nakijken tegen 4/12?" is a task even
    /// where the message has a section of tasks.
    fn tasks_from_notes(&mut self) {
        let own = self.own_topics.unwrap_or(0);
        self.tasks_from_points(0..own, false);
        self.tasks_from_points(own..self.recap.topics.len(), self.saw_task_section);
        // Gemini lists its next steps twice (quick notes, full notes): the same task once.
        let mut seen = std::collections::HashSet::new();
        self.recap.tasks.retain(|task| {
            seen.insert((
                task.title.clone(),
                task.description.clone(),
                task.owners.clone(),
            ))
        });
        tasks::drop_said_again(&mut self.recap.tasks);
    }
}

mod facts;
use facts::{labelled_with, ACCOUNT_LABELS, DATE_LABELS};
mod chat;
mod copied_chat;
mod heading;
mod item;
mod items;
mod mail;
mod speakers;
mod standing;
mod table;
mod tasks;
mod translation;
use items::*;
use mail::*;
use table::*;
use tasks::without_companies;

#[cfg(test)]
mod record_tests;
#[cfg(test)]
mod tests;
