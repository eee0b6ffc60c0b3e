//! A heading, by what it names: a section of the recap, the people over a group of tasks, a
//! tracker's "Assigned to you", what was done before, or a topic of the notes.

use super::*;

impl Reader<'_> {
    pub(super) fn heading(&mut self, text: &str) {
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
        if self.takes_title(&text) && !is_section(&name) {
            self.set_title(text);
            return;
        }
        // A title line with no sentence under it was a heading after all.
        if let Some(title) = self.pending_title.take() {
            self.section = Section::Discussion;
            self.new_topic(title);
        }
        let mut kind = section_kind(&name);
        // Among tasks written as a title over a sentence, "Deelnemers pilot" is the next
        // task's title, not a second list of who took part.
        if self.section == Section::Tasks
            && self.titled_tasks
            && kind == Some(SectionKind::Attendees)
            && !self.known.names().is_empty()
            && name.split_whitespace().count() > 1
        {
            kind = None;
        }
        self.earlier_meeting = false;
        self.excused_heading = None;
        // "Verontschuldigd", "Excusés": people of the meeting who were not there, known by
        // name for the tasks they get, listed under the heading as written.
        if is_excused(&name) {
            self.section = Section::Attendees;
            self.excused_heading = Some(text);
            return;
        }
        if let Some(kind) = kind {
            self.start_section(kind, text);
            return;
        }
        let Some(text) = self.trackers_heading(&name, text) else {
            return;
        };
        self.task_indent = None;
        if self.section == Section::Tasks {
            if let Some(group) = self.owner_heading(&text) {
                self.group = Some(group);
                return;
            }
            // The first line of a section of tasks, or one like those before it, that is no
            // name: a task's title, if a sentence follows.
            if self.titled_tasks || self.recap.tasks.len() == self.tasks_before_section {
                self.pending_title = Some(text);
                return;
            }
        }
        self.group = None;
        self.section = Section::Discussion;
        self.new_topic(text);
    }

    /// A heading a tracker's mail writes over its items, started as the section it stands
    /// for; the heading back if it is none of them.
    fn trackers_heading(&mut self, name: &str, text: String) -> Option<String> {
        // "ERLEDIGT", "Done", "Afgerond" over items: what was done before; notes, as the last
        // meeting's actions are.
        if matches!(
            standing::standing_word(name),
            Some(standing::Standing::Done | standing::Standing::Dropped)
        ) {
            self.start_section(SectionKind::EarlierMeeting, text);
            return None;
        }
        // "IHNEN ZUGEWIESEN" in a tracker's mail to Jonas: his tasks, as a name over them.
        if named_one_of(
            name,
            crate::import::layouts::lexicon::ASSIGNED_TO_THE_READER,
        ) {
            self.start_section(SectionKind::Tasks, text);
            if let [reader] = self.recipients.as_slice() {
                self.group = Some((vec![reader.clone()], false));
            }
            return None;
        }
        Some(text)
    }

    /// Starts a section of the kind its heading `text` names.
    pub(super) fn start_section(&mut self, kind: SectionKind, text: String) {
        // The names over the tasks before are not over what a new section holds.
        self.group = None;
        match kind {
            SectionKind::Tasks => {
                self.section = Section::Tasks;
                self.saw_task_section = true;
                self.tasks_before_section = self.recap.tasks.len();
                self.titled_tasks = false;
            }
            SectionKind::Attendees => self.section = Section::Attendees,
            SectionKind::Discussion => {
                self.section = Section::Discussion;
                self.section_title = text;
                self.topic = None;
            }
            SectionKind::EarlierMeeting => {
                self.section = Section::Discussion;
                self.earlier_meeting = true;
                self.new_topic(text);
            }
            SectionKind::Transcript => self.section = Section::Transcript,
        }
    }

    /// A line over a person's items that names them: a full name, or a name the recap gives
    /// ("Vermeldingen" or "Unassigned" alone is no one).
    pub(super) fn owner_heading(&self, text: &str) -> Option<(Vec<String>, bool)> {
        // "Unassigned", "Non attribué": a group of items nobody owns.
        if is_nobody(text) {
            return Some((Vec::new(), false));
        }
        // Among the tasks, a lone capitalised word over items is the person they are for
        // ("Julien" over his next steps); elsewhere only a full or known name is.
        // Where tasks are written as a title over a sentence, a word over a sentence is the
        // next task's title ("Raamcontract"), unless the recap gives it as a name.
        let among_tasks = self.section == Section::Tasks && !self.titled_tasks;
        group_heading(text).filter(|(names, team)| {
            (*team || !names.is_empty())
                && names.iter().all(|name| {
                    name.split_whitespace().count() >= 2 || self.known.knows(name) || among_tasks
                })
        })
    }
}
