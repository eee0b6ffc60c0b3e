//! An item of a list, by the section it stands in: a task, its field, a point of the notes,
//! someone who took part.

use super::*;

impl Reader<'_> {
    /// Directly under "Agenda", before a topic's own heading.
    fn in_agenda(&self) -> bool {
        is_agenda(&self.section_title)
            && self
                .topic
                .is_none_or(|t| self.recap.topics[t].title == self.section_title)
    }

    /// An item, with whether it is ticked and whether it has a box or a to-do keyword.
    pub(super) fn item(
        &mut self,
        nested: bool,
        indent: usize,
        (done, marked): (bool, bool),
        raw: &str,
    ) {
        let text = self.clean(raw);
        if text.is_empty() {
            return;
        }
        // A line over items among the tasks ("Pricing" over its tasks) groups them; it is
        // said in the report, not kept.
        if let Some(label) = self.pending_title.take() {
            self.boilerplate.push(label);
        }
        // Deeper than the task above: its detail or field; as deep, or under a new owner's
        // heading: a task of its own.
        let under_task = self.task_indent.is_some_and(|above| indent > above);
        // "Qui : moi", "Wie: u" under the item: the writer, the mail's one reader.
        let said_by_pronoun = text
            .split_once(':')
            .filter(|_| is_owner_field(&text))
            .and_then(|(_, who)| self.pronoun_owner(who));
        match self.section {
            // "- Ons volgende overleg staat gepland op donderdag 14 januari": the list of tasks
            // has ended; the line is the mail's, as a paragraph there would be.
            Section::Tasks if !nested && names_another_section(&text) => {
                self.end_tasks();
                self.paragraph(raw);
            }
            Section::Tasks => match self.recap.tasks.last_mut() {
                Some(task) if nested && under_task => {
                    item_field(task, &text, said_by_pronoun, &self.known)
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
            // Counted in `line`, before any reading.
            Section::Transcript => {}
            // "- [ ] check the licences", "TODO @Tom to draft the runbook" among the notes: a
            // task where it stands, and what is nested under it its fields; not a point of
            // the agenda ticked as covered, nor the last meeting's action reviewed.
            Section::Preamble | Section::Discussion
                if marked && !done && !self.earlier_meeting && !self.in_agenda() =>
            {
                self.task(&text);
                self.task_indent = Some(indent);
            }
            Section::Preamble | Section::Discussion if under_task => {
                if let Some(task) = self.recap.tasks.last_mut() {
                    item_field(task, &text, said_by_pronoun, &self.known);
                }
            }
            Section::Preamble | Section::Discussion => {
                self.task_indent = None;
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
}

/// A line under a task's item: its owner ("Owner: Sam", "Rob Keane · WATCH", "Qui : moi", said
/// by `said_by_pronoun`), or more of its text.
/// "Agenda", "Tagesordnung", "Ordre du jour": a section whose boxes say what was covered.
fn is_agenda(title: &str) -> bool {
    const AGENDA: &[&str] = &[
        "agenda",
        "agendapunten",
        "dagorde",
        "ordre du jour",
        "tagesordnung",
        "traktanden",
        "agenda items",
    ];
    AGENDA.contains(&section_name(title).as_str())
}

fn item_field(
    task: &mut crate::import::recap::RecapTask,
    text: &str,
    said_by_pronoun: Option<(Vec<String>, bool)>,
    known: &Gazetteer,
) {
    // "Owner: Sam" under the item is its owner, not more of its text.
    let mut field = task_owners(text, false, known);
    if let Some((people, _)) = said_by_pronoun.filter(|_| field.owners.is_empty()) {
        field.owners = people;
        field.with_team = false;
        field.text = String::new();
    }
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
    // "Échéance : —" is a field, not a name.
    let names_alone = names_alone.filter(|_| !text.contains(':'));
    if let (Some((names, team)), true) = (names_alone, task.owners.is_empty()) {
        let (people, company) = without_companies(names, known);
        task.owners = people;
        task.with_team = team || company;
        return;
    }
    // "Stefan Krüger – bis Fr., 30.10." under the item: its owner leads the
    // line, the rest is its deadline.
    let leads_with_owner = field
        .owners
        .first()
        .is_some_and(|owner| text.trim_start_matches('@').starts_with(owner.as_str()));
    let labelled_owner =
        (is_owner_field(text) || leads_with_owner) && (!field.owners.is_empty() || field.with_team);
    // A person under the item says who more exactly than a department in
    // its title's brackets ("Rahmenvertrag prüfen (Rechtsabteilung)").
    let unowned = task.owners.is_empty() && (!task.with_team || leads_with_owner);
    if labelled_owner && unowned {
        let (people, company) = without_companies(field.owners, known);
        task.owners = people;
        task.with_team = field.with_team || company;
        if !field.text.trim().is_empty() {
            append(&mut task.description, &field.text);
        }
    } else {
        append(&mut task.description, text);
    }
}
