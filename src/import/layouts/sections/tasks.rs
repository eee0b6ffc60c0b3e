//! How the shared reader makes tasks: from a table's rows, from an item or a paragraph (with the
//! title line the recap gives it), and from the notes of a recap that has no section of tasks.

use super::super::lines::*;
use super::items::*;
use super::mail::{first_person, first_person_plural, second_person, second_person_subject};
use super::standing::{standing, standing_word, Standing};
use super::table::*;
use super::{Reader, Section};
use crate::import::owners::{
    has_labelled_owner, name_list, names_in_their_place, starts_with_owner_label, task_owners,
    Gazetteer, Owned,
};
use crate::import::recap::RecapTask;

impl Reader<'_> {
    /// A table's row: who took part, a task, or a point of the topic.
    pub(super) fn row(&mut self, cells: Vec<String>) {
        if self.attendees_row(&cells) {
            return;
        }
        if self.earlier_meeting {
            self.row_as_point(&cells);
            return;
        }
        // "| ☐ | Send the plan by Friday |": a layout table drawing a checklist, read as its
        // items are in a list.
        if !self.table.is_some_and(|table| table.holds_tasks()) {
            if let Some((done, text)) = checklist_row(&cells) {
                self.table = None;
                self.item(false, 0, (done, true), &text);
                return;
            }
        }
        match self.table {
            None => self.first_row(cells),
            Some(table) if !table.holds_tasks() => self.row_as_point(&cells),
            Some(table) => self.task_row(table, &cells),
        }
    }

    /// Reads a row that names who took part, and says whether it was one: a page's property
    /// ("| Attendees | @Greta Olsen @Irene Kowal |") or a row of a table of attendees.
    fn attendees_row(&mut self, cells: &[String]) -> bool {
        if let [label, value, ..] = cells {
            let label = section_name(label);
            if section_kind(&label) == Some(SectionKind::Attendees) && !value.is_empty() {
                self.attendees(value);
                return true;
            }
        }
        if self.section != Section::Attendees {
            return false;
        }
        // A table of who took part: the name in its first column, under a header row.
        let first = cells.first().map(|c| section_name(c)).unwrap_or_default();
        let header = [
            "name",
            "naam",
            "nom",
            "who",
            "wie",
            "qui",
            "wer",
            "participant",
            "deelnemer",
            "teilnehmer",
            "attendee",
        ]
        .contains(&first.as_str());
        if !header {
            self.attendees(cells.first().map_or("", String::as_str));
        }
        true
    }

    /// The first row of a table: its header, or in a section of tasks a first task whose
    /// columns its cells tell; otherwise the table holds no tasks and the row is a paragraph.
    fn first_row(&mut self, cells: Vec<String>) {
        let table = Table::of(&cells);
        let tasks = if self.section == Section::Discussion {
            table.holds_tasks_in_discussion()
        } else {
            table.holds_tasks()
        };
        if tasks {
            self.table = Some(table);
            return;
        }
        if self.section == Section::Tasks {
            let any_day = self.any_day();
            // Whether a date is there, not what it means: the meeting's day may be unread yet.
            let is_deadline =
                |cell: &str| !crate::import::deadlines::find(cell, any_day, None).is_empty();
            let is_names = |cell: &str| {
                !cell.contains(|c: char| c.is_ascii_digit())
                    && name_list(cell).is_some_and(|(names, _)| !names.is_empty())
            };
            if let Some(table) = Table::without_header(&cells, is_deadline, is_names) {
                self.table = Some(table);
                self.row(cells);
                return;
            }
        }
        self.table = Some(Table {
            task: None,
            owner: None,
            due: None,
            names_actions: false,
        });
        self.paragraph(&cells.join(" — "));
    }

    /// A row of a table of tasks: its text, its deadline's cell and its owners' cell.
    fn task_row(&mut self, table: Table, cells: &[String]) {
        let cell = |index: Option<usize>| {
            index
                .and_then(|i| cells.get(i))
                .map(|c| c.trim().to_string())
                .unwrap_or_default()
        };
        let mut text = cell(table.task);
        // "Closed" in a column of its own, "☑" in a column of boxes.
        let settled = cells.iter().enumerate().any(|(i, cell)| {
            Some(i) != table.task
                && (matches!(
                    standing_word(cell),
                    Some(Standing::Done | Standing::Dropped)
                ) || box_cell(cell) == Some(true))
        });
        if settled {
            self.settled.push(text);
            return;
        }
        let due = cell(table.due);
        if !due.is_empty() && !says_no_deadline(&due) {
            text = with_due_cell(&text, &due, self.known.language(), self.any_day());
        }
        // "@Nele Smets @Joris Van Damme": mentions side by side are a list.
        let owner = cell(table.owner).replace(" @", ", ");
        // "ik", "Sie", "nous" in the owner's column: the writer, the one reader, the team.
        let group = match self.pronoun_owner(&owner) {
            Some(group) => Some(group),
            // "TBD", "n.v.t.": the column says no one has it yet.
            None if is_nobody(&owner) => Some((Vec::new(), false)),
            None => names_in_their_place(&owner),
        };
        self.owners_from_column = group.is_some();
        let saved = std::mem::replace(&mut self.group, group);
        self.task(&text);
        self.group = saved;
        self.owners_from_column = false;
    }

    /// Who a pronoun standing for an owner is: the writer ("ik", "moi", "ich") or the mail's one
    /// reader ("u", "vous", "Sie"); None for a name or a team ("wij", "nous", "wir" are the
    /// team's by `name_list`).
    pub(super) fn pronoun_owner(&self, cell: &str) -> Option<(Vec<String>, bool)> {
        let cell = cell.trim().to_lowercase();
        use super::mail::{READER, WRITER};
        if WRITER.contains(&cell.as_str()) {
            Some((self.sender.iter().cloned().collect(), false))
        } else if READER.contains(&cell.as_str()) {
            match self.recipients.as_slice() {
                [one] => Some((vec![one.clone()], false)),
                _ => Some((Vec::new(), false)),
            }
        } else {
            None
        }
    }

    /// A row of a table that holds no tasks: one point of the current topic.
    fn row_as_point(&mut self, cells: &[String]) {
        let topic = self.current_topic();
        self.recap.topics[topic]
            .points
            .push((String::new(), cells.join(" — ")));
    }

    pub(super) fn task(&mut self, text: &str) {
        self.titled_task(None, text);
    }

    /// A task from its text, under the title line the recap gives it, if any.
    pub(super) fn titled_task(&mut self, heading: Option<String>, raw_text: &str) {
        let (standing, raw_text) = standing(raw_text);
        if standing != Standing::Open {
            self.settled.push(raw_text);
            return;
        }
        let raw_text = self.known.in_name_order(&raw_text);
        let raw_text = raw_text.as_str();
        let text = &without_action_label(raw_text);
        // A table's column of owners says who; capitalised words of the task's own cell
        // ("Liste der Log-Quellen bereitstellen") are no one.
        let owned = if self.owners_from_column {
            Owned {
                text: text.trim().to_string(),
                ..Owned::default()
            }
        } else {
            task_owners(
                &owner_label_as_lead(text, &self.known),
                self.style.mentions,
                &self.known,
            )
        };
        let (mut owners, mut with_team) = (owned.owners, owned.with_team);
        let mut text_after_owners = owned.text;
        // "Bart en ik plannen …", "Julie et moi organisons …": the names, then the writer.
        if let Some(rest) = after_writer_pronoun(&text_after_owners).filter(|_| !owners.is_empty())
        {
            owners.extend(self.sender.clone());
            text_after_owners = rest.to_string();
        }
        if owners.is_empty() && !with_team {
            if let Some((names, team)) = &self.group {
                owners = names.clone();
                with_team = *team;
            }
        }
        if owners.is_empty() && !with_team && first_person(text) {
            owners.extend(self.sender.clone());
        } else if owners.is_empty() && !with_team && first_person_plural(text) {
            with_team = true;
        } else if owners.is_empty()
            && !with_team
            && (second_person(text) || second_person_subject(text))
        {
            // "Pourriez-vous …" to one reader is theirs; to several, it names no one.
            // A team's address ("Équipe Infrastructure") is no one person.
            if let [reader] = self.recipients.as_slice() {
                if name_list(reader).is_some_and(|(names, team)| !team && names.len() == 1) {
                    owners.push(reader.clone());
                }
            }
        }
        let (owners, company) = without_companies(owners, &self.known);
        with_team |= company;
        let text = with_deadline_column_read(&text_after_owners);
        // "[Atlassian]" alone: a link's label taken for an owner leaves no task; nor does a
        // link alone under a title ("Bekijk de recap in Teams:" over its address).
        let link_only = !text.contains(' ') && text.contains("://");
        // "👍 3  ✅ 1": reactions under a post, no words.
        if link_only || heading.is_none() && !text.chars().any(char::is_alphabetic) {
            self.boilerplate.push(raw_text.to_string());
            return;
        }
        let (title, description) = match heading {
            Some(heading) => (heading, text),
            None => self.title_and_description(text),
        };
        self.recap.tasks.push(RecapTask {
            title,
            description,
            owners,
            with_team,
            done: false,
        });
    }

    fn title_and_description(&self, text: String) -> (String, String) {
        match labelled(&text) {
            // Gemini's "Send Renewal Quote: Send the revised renewal quote to Fiona by Friday":
            // the sentence says all the label does and more, but the label is what the tool and
            // its readers call the task (three sets of truth, written by three people, search
            // by its words), so it stays where both fit on a list's line and the sentence does not
            // hold it as written ("Roadmap deck: Share the roadmap deck …" says it twice).
            Some((label, rest)) if says_all_of(rest, label) => match title_of(rest) {
                (sentence, more)
                    if !sentence.ends_with('…')
                        && !sentence.to_lowercase().contains(&label.to_lowercase())
                        && label.chars().count() + sentence.chars().count() <= TITLE_WIDTH =>
                {
                    (format!("{label}: {sentence}"), more)
                }
                whole => whole,
            },
            // "Offerte aanpassen: De aangepaste offerte … tegen vrijdag naar Koen sturen.": the
            // label names the task, the sentence says which one; the title keeps both while
            // they fit on a line of a list.
            Some((label, rest)) => match title_of(rest) {
                (sentence, more)
                    if !sentence.ends_with('…')
                        && label.chars().count() + sentence.chars().count() <= TITLE_WIDTH =>
                {
                    (format!("{label}: {sentence}"), more)
                }
                _ => (label.to_string(), rest.to_string()),
            },
            None => title_of(&text),
        }
    }

    /// Whether `text` names who owes it, and whether it gives a deadline: what tells a task from
    /// a sentence of the notes.
    pub(super) fn owner_and_deadline(&self, text: &str) -> (bool, bool) {
        let sender = self.sender.is_some();
        owner_and_deadline(
            text,
            &self.known,
            self.style.mentions,
            sender,
            self.any_day(),
        )
    }

    /// The meeting's day when known, else an ordinary one: for asking whether a deadline
    /// phrase is there.
    fn any_day(&self) -> chrono::NaiveDate {
        self.recap
            .date
            .as_ref()
            .map(|(date, _)| *date)
            .or_else(|| chrono::NaiveDate::from_ymd_opt(2026, 1, 5))
            .unwrap_or_default()
    }

    /// A recap with no section of tasks (a mail that lists what each will do under the topic
    /// it belongs to): the points that name their owner and a deadline, or open with an owner
    /// and a verb of intent ("Céline va préparer …"), are its tasks.
    /// Whether a sentence of the notes is a task: someone named (or the writer, or the one
    /// reader) does something with a deadline, says they will, or is asked to; or the team
    /// will by a day; and it is no report of what was said, no courtesy, no line of a tool.
    pub(super) fn says_a_task(&self, text: &str) -> bool {
        let (known, mentions, sender) = (&self.known, self.style.mentions, self.sender.is_some());
        let (owned_by_someone, dated) =
            owner_and_deadline(text, known, mentions, sender, self.any_day());
        let owned = task_owners(text, mentions, known);
        let intent = owned.text.len() + 3 < text.len() && opens_with_intent(text);
        // "Op basis daarvan voeren we in week 51 een site survey uit": the team's, where
        // the sentence says it will, not that it will not.
        let team = first_person_plural(text) && dated && !negated(text);
        let nobody_named = passive(text) && dated && !negated(text);
        // "Kunnen jullie de offerte herbekijken vóór 29/01?" to several readers: a task, even
        // with no one to own it.
        let asked_of_the_readers =
            (second_person(text) || second_person_subject(text)) && dated && !negated(text);
        (owned_by_someone && (dated || intent || first_person(text) || second_person(text))
            || team
            || nobody_named
            || asked_of_the_readers)
            && !reports_speech(text)
            // "I take in charge the renewal of the licences, which expire on 31/01" is still
            // a promise; "leur contrat se termine le 31/12" alone is context.
            && (!states_an_end(text) || first_person(text))
            && !is_boilerplate(text)
            && !minds_its_manners(text)
            && !names_another_section(text)
    }

    pub(super) fn tasks_from_points(
        &mut self,
        topics: std::ops::Range<usize>,
        only_labelled: bool,
    ) {
        // Out of the recap while its sentences are weighed, which reads the rest of it.
        let mut all_topics = std::mem::take(&mut self.recap.topics);
        let is_task = |text: &str| self.says_a_task(text);

        let mut tasks = Vec::new();
        // A point or a paragraph of a mail written as prose: "Ik bezorg jullie tegen vrijdag
        // een offerte." in the middle of it is a task, which moves out of the notes.
        let task_sentences = |text: &str, tasks: &mut Vec<String>| -> String {
            // A short point whose label names who does what it says, not a line that is only
            // a label ("**Who:** Elliot (AE), …") nor minutes of what someone said.
            let labelled = || {
                let parts = sentences(text);
                has_labelled_owner(text)
                    && !starts_with_owner_label(text)
                    && parts.len() <= 3
                    && !parts.first().is_some_and(|first| reports_speech(first))
                    && !is_boilerplate(text)
            };
            if only_labelled && labelled() {
                // The point whole: its label and deadline are sentences of their own.
                tasks.push(text.to_string());
                return String::new();
            }
            if only_labelled {
                return text.to_string();
            }
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
        for topic in &mut all_topics[topics] {
            for (label, text) in &mut topic.points {
                if label.is_empty() {
                    *text = task_sentences(text, &mut tasks);
                } else if !only_labelled && weighs_under(label, &self.known) {
                    // "Bij punt 3: niet Koen maar ikzelf neem de testplanning op.": a label of
                    // what the point is about, over a sentence that may be a task.
                    let whole = format!("{label}: {text}");
                    let kept = task_sentences(&whole, &mut tasks);
                    if kept != whole {
                        *label = String::new();
                        *text = kept;
                    }
                }
            }
            topic
                .points
                .retain(|(label, text)| !(label.is_empty() && text.is_empty()));
            topic.summary = task_sentences(&topic.summary, &mut tasks);
        }
        self.recap.topics = all_topics;
        for text in tasks {
            self.task(&text);
        }
    }
}

/// Whether a point's label leaves its sentences to be weighed as tasks: "Bij punt 3", "Budget",
/// not a chat's writer (whose messages the chat has read), a decision ("Beschluss:") or a
/// word for information.
fn weighs_under(label: &str, known: &Gazetteer) -> bool {
    const SAID_AS_SETTLED: &[&str] = &[
        "decision",
        "decisions",
        "decided",
        "agreed",
        "besluit",
        "beslissing",
        "beslist",
        "decision prise",
        "decide",
        "beschluss",
        "entscheidung",
        "beschlossen",
        "info",
        "fyi",
        "ter info",
        "pour info",
        "zur info",
        "note",
        "nota",
        "remarque",
        "hinweis",
        "context",
        "contexte",
        "kontext",
    ];
    let folded = deunicode::deunicode(&label.trim().to_lowercase());
    !known.knows(label) && !SAID_AS_SETTLED.contains(&folded.as_str())
}

/// A task's cell with its row's deadline cell, read as one sentence in the recap's language:
/// "Nettoyer les doublons d'ici fin janvier", "Offerte sturen tegen 30/11"; a cell that says
/// its own "by" ("Avant le prochain COPIL du 14/01") or is no date ("Dès que possible")
/// follows a dash.
fn with_due_cell(
    task: &str,
    due: &str,
    language: crate::import::language::Language,
    any_day: chrono::NaiveDate,
) -> String {
    use crate::import::language::Language;
    let first =
        deunicode::deunicode(due.split_whitespace().next().unwrap_or_default()).to_lowercase();
    const SAYS_WHEN: &[&str] = &[
        "by",
        "before",
        "until",
        "tegen",
        "voor",
        "uiterlijk",
        "ten",
        "avant",
        "d'ici",
        "pour",
        "des",
        "bis",
        "vor",
        "spatestens",
        "asap",
        "zsm",
        "binnen",
        "within",
        "dans",
        "innerhalb",
        "sous",
    ];
    // "février", "Fin janvier", "end of month", "KW 3": a cell a deadline can be read from.
    let dated = !crate::import::deadlines::find(due, any_day, None).is_empty()
        || due.chars().any(|c| c.is_ascii_digit())
        || due.split_whitespace().any(|word| {
            crate::import::deadlines::is_month_name(&deunicode::deunicode(word).to_lowercase())
        });
    if SAYS_WHEN.contains(&first.as_str()) || !dated {
        return format!("{task} — {due}");
    }
    let by = match language {
        Language::English => "by",
        Language::Dutch => "tegen",
        Language::French => "d'ici",
        Language::German => "bis",
    };
    let mut letters = due.chars();
    let due = match letters.next() {
        Some(first) if letters.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(letters).collect()
        }
        _ => due.to_string(),
    };
    format!("{task} {by} {due}")
}

/// The owners that are people, and whether a company was among them: "Orvanta" in the owner's
/// column, where the attendees are "Ana (Orvanta)", is the company, which the task's team is.
pub(super) fn without_companies(mut owners: Vec<String>, known: &Gazetteer) -> (Vec<String>, bool) {
    let named = owners.len();
    owners.retain(|owner| !known.is_company(owner));
    let company = owners.len() < named;
    (owners, company)
}

/// Whether `text` names who owes it (`sender`: the mail has a sender, the "I" of "I'll send"),
/// and whether it gives a deadline (read as of `any_day`: whether a phrase is there, not what
/// it means, is asked).
fn owner_and_deadline(
    text: &str,
    known: &Gazetteer,
    mentions: bool,
    sender: bool,
    any_day: chrono::NaiveDate,
) -> (bool, bool) {
    let owned = task_owners(text, mentions, known);
    let owned_by_someone = !owned.owners.is_empty()
        || owned.with_team
        || sender && (first_person(text) || second_person(text) || second_person_subject(text));
    let dated = crate::import::deadlines::find(text, any_day, None)
        .iter()
        .any(|found| matches!(found.reading, crate::import::deadlines::Reading::Due(_)));
    (owned_by_someone, dated)
}

/// The text after "ik", "moi", "ich" or "I" where it opens it: what is left of "Bart en ik
/// plannen …" once the names before it are read.
fn after_writer_pronoun(text: &str) -> Option<&str> {
    let (first, rest) = text.split_once(' ')?;
    ["ik", "moi", "ich", "i"]
        .contains(&first.to_lowercase().as_str())
        .then_some(rest.trim_start())
}

/// A table row that is a box and one text ("☐ | Send the plan", "[x] | Shared the NDA"): whether
/// it is ticked, and its text.
fn checklist_row(cells: &[String]) -> Option<(bool, String)> {
    let filled: Vec<&str> = cells
        .iter()
        .map(|cell| cell.trim())
        .filter(|cell| !cell.is_empty())
        .collect();
    let [first, second] = filled.as_slice() else {
        return None;
    };
    match (box_cell(first), box_cell(second)) {
        (Some(done), None) => Some((done, second.to_string())),
        (None, Some(done)) => Some((done, first.to_string())),
        _ => None,
    }
}

/// A cell that is a box and nothing else: whether it is ticked.
fn box_cell(cell: &str) -> Option<bool> {
    match cell.trim() {
        "☐" | "⬜" | "□" | "[ ]" | "[]" => Some(false),
        "☑" | "☒" | "✅" | "✔" | "✓" | "[x]" | "[X]" => Some(true),
        _ => None,
    }
}

/// A mail that lists its tasks again after saying them ("Nog even op een rij: - offerte Teams
/// Phone: Wouter, vrijdag" below "Ik stuur jullie tegen vrijdag de aangepaste offerte …"):
/// a short task whose every word the fuller one of the same owners says is that one again,
/// and goes.
pub(super) fn drop_said_again(tasks: &mut Vec<RecapTask>) {
    let texts: Vec<String> = tasks
        .iter()
        .map(|task| format!("{} {}", task.title, task.description).to_lowercase())
        .collect();
    let words: Vec<Vec<&str>> = texts.iter().map(|text| content_words(text)).collect();
    let owners: Vec<Vec<String>> = tasks.iter().map(|task| first_names(&task.owners)).collect();
    let again: Vec<bool> = (0..tasks.len())
        .map(|short| {
            !tasks[short].owners.is_empty()
                && (1..=6).contains(&words[short].len())
                && (0..tasks.len()).any(|full| {
                    full != short
                        && owners[full] == owners[short]
                        && words[full].len() > words[short].len()
                        && words[short]
                            .iter()
                            .all(|word| says_word(&texts[full], word))
                })
        })
        .collect();
    let mut flags = again.into_iter();
    tasks.retain(|_| !flags.next().unwrap_or(false));
}

/// Owners as a mail may write the same people twice ("Wouter Dierickx", then "Wouter"): by
/// their first names, in order.
fn first_names(owners: &[String]) -> Vec<String> {
    let mut names: Vec<String> = owners
        .iter()
        .filter_map(|owner| owner.split_whitespace().next())
        .map(str::to_lowercase)
        .collect();
    names.sort();
    names
}

/// The words of `text` that carry its meaning: four letters or more.
fn content_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 4)
        .collect()
}

/// Whether `text` says `word`, or both halves of it as a compound does ("nummerlijst":
/// "nummers", "lijst").
fn says_word(text: &str, word: &str) -> bool {
    if text.contains(word) {
        return true;
    }
    let letters: Vec<(usize, char)> = word.char_indices().collect();
    (4..letters.len().saturating_sub(3)).any(|cut| {
        let (head, tail) = word.split_at(letters[cut].0);
        text.contains(head) && text.contains(tail)
    })
}
