//! Tasks continued across meetings. A task ending in `{#id}` is the same task wherever that id
//! stands: its mentions, oldest meeting first, are its history, and the latest is its state.
//! A deadline moved later from one mention to the next is a slip; other owners, a
//! reassignment. Each meeting page compares the meeting with the previous one of its account.

use super::*;
use crate::content::meeting::TaskDoc;

/// One task followed across the meetings that mention it.
#[derive(Debug)]
pub struct Thread {
    pub id: String,
    /// Every mention, oldest meeting first (indices into `Site::tasks`); the last is its state.
    pub mentions: Vec<usize>,
    /// How many times its deadline moved later.
    pub slips: usize,
    /// How many times its owners changed.
    pub reassignments: usize,
}

impl Thread {
    pub fn latest(&self) -> usize {
        self.mentions[self.mentions.len() - 1]
    }

    pub fn first(&self) -> usize {
        self.mentions[0]
    }
}

/// What one mention of a continued task changed from the mention before it.
#[derive(Debug, Clone, Copy)]
pub struct Change {
    /// The mention before (index into `Site::tasks`).
    pub previous: usize,
    /// The earlier deadline, when this mention moves it later.
    pub slipped_from: Option<Due>,
    pub reassigned: bool,
    /// Done in this mention, open in the one before.
    pub completed: bool,
}

impl Change {
    fn between(previous_index: usize, previous: &Task, task: &Task) -> Change {
        let slipped_from = match (previous.due, task.due) {
            (Some(before), Some(now)) if now.date > before.date => Some(before),
            _ => None,
        };
        let ids = |task: &Task| -> Vec<String> {
            let mut ids: Vec<String> = task.owners.iter().map(|p| p.id.clone()).collect();
            ids.sort();
            ids
        };
        Change {
            previous: previous_index,
            slipped_from,
            reassigned: ids(previous) != ids(task),
            completed: task.done && !previous.done,
        }
    }
}

/// What changed in a meeting since the previous meeting of the same account.
#[derive(Debug, Default)]
pub struct SinceLast {
    /// The previous meeting of the account (index into `Site::meetings`).
    pub previous: Option<usize>,
    /// Tasks raised here, open.
    pub added: Vec<usize>,
    /// Tasks done here: raised done, or open when last mentioned.
    pub done: Vec<usize>,
    /// Tasks whose deadline moved later here, with the deadline before.
    pub slipped: Vec<(usize, Due)>,
    /// Tasks given to other owners here.
    pub reassigned: Vec<usize>,
    /// Tasks open in the previous meeting that this one does not mention (by id, or by title
    /// for tasks without one).
    pub unmentioned: Vec<usize>,
}

impl SinceLast {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.done.is_empty()
            && self.slipped.is_empty()
            && self.reassigned.is_empty()
            && self.unmentioned.is_empty()
    }
}

/// For each meeting, the one before it among those of its account (or among those without
/// one), from the meetings' order (newest first).
pub(super) fn previous_in_account(meetings: &[Meeting]) -> Vec<Option<usize>> {
    let mut later: HashMap<Option<String>, usize> = HashMap::new();
    let mut previous = vec![None; meetings.len()];
    // Oldest first: each meeting is the previous one of the next meeting of its account seen.
    for (m, meeting) in meetings.iter().enumerate().rev() {
        let account = meeting.account.as_deref().map(account_slug);
        if let Some(before) = later.insert(account, m) {
            previous[m] = Some(before);
        }
    }
    previous
}

/// Joins the tasks that share an id into threads: sets each task's thread and whether a later
/// mention supersedes it (a superseded mention is no longer overdue: its latest one says).
pub(super) fn follow_threads(tasks: &mut [Task]) -> (Vec<Thread>, HashMap<String, usize>) {
    let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, task) in tasks.iter().enumerate() {
        if task.named {
            by_id.entry(task.id.as_str()).or_default().push(index);
        }
    }
    let mut threads: Vec<Thread> = by_id
        .into_iter()
        .map(|(id, mut mentions)| {
            // Meetings are newest first: the highest meeting index is the oldest mention.
            mentions.sort_by_key(|&t| std::cmp::Reverse(tasks[t].meeting));
            Thread {
                id: id.to_string(),
                mentions,
                slips: 0,
                reassignments: 0,
            }
        })
        .collect();
    for (thread_index, thread) in threads.iter_mut().enumerate() {
        for pair in thread.mentions.windows(2) {
            let change = Change::between(pair[0], &tasks[pair[0]], &tasks[pair[1]]);
            thread.slips += usize::from(change.slipped_from.is_some());
            thread.reassignments += usize::from(change.reassigned);
        }
        let latest = thread.latest();
        for &mention in &thread.mentions {
            let task = &mut tasks[mention];
            task.thread = Some(thread_index);
            if mention != latest {
                task.superseded = true;
                task.overdue = false;
            }
        }
    }
    let by_id = threads
        .iter()
        .enumerate()
        .map(|(n, thread)| (thread.id.clone(), n))
        .collect();
    (threads, by_id)
}

impl Site {
    /// What a mention of a continued task changed from the one before it; None for a first
    /// mention and a task without an id.
    pub fn change(&self, task_index: usize) -> Option<Change> {
        let thread = &self.threads[self.tasks[task_index].thread?];
        let at = thread.mentions.iter().position(|&t| t == task_index)?;
        let previous = *thread.mentions.get(at.checked_sub(1)?)?;
        Some(Change::between(
            previous,
            &self.tasks[previous],
            &self.tasks[task_index],
        ))
    }

    /// Whether a task is open now: its latest mention is not done.
    pub fn is_open_now(&self, task_index: usize) -> bool {
        let task = &self.tasks[task_index];
        match self.thread_of(task) {
            Some(thread) => !self.tasks[thread.latest()].done,
            None => !task.done,
        }
    }

    /// The thread of a task, if it has an id.
    pub fn thread_of(&self, task: &Task) -> Option<&Thread> {
        task.thread.map(|t| &self.threads[t])
    }

    /// Every task of a meeting, its topics' first, as written.
    pub fn meeting_tasks(&self, meeting: usize) -> impl Iterator<Item = usize> + '_ {
        self.meeting_tasks_of(&self.meetings[meeting])
    }

    pub fn meeting_tasks_of<'a>(&self, meeting: &'a Meeting) -> impl Iterator<Item = usize> + 'a {
        meeting
            .topics
            .iter()
            .flat_map(|topic| topic.tasks.iter().copied())
            .chain(meeting.tasks.iter().copied())
    }

    /// The meeting before this one among those of its account (or, for a meeting without
    /// one, among the meetings without one).
    pub fn previous_of_account(&self, meeting: usize) -> Option<usize> {
        self.previous_in_account[meeting]
    }

    /// What changed in a meeting since the previous one of its account.
    pub fn since_last(&self, meeting: usize) -> SinceLast {
        let Some(previous) = self.previous_of_account(meeting) else {
            return SinceLast::default();
        };
        let mut since = SinceLast {
            previous: Some(previous),
            ..SinceLast::default()
        };
        let here: Vec<usize> = self.meeting_tasks(meeting).collect();
        let titles_before: std::collections::HashSet<String> = self
            .meeting_tasks(previous)
            .filter(|&t| self.tasks[t].thread.is_none())
            .map(|t| slugify(&self.tasks[t].title))
            .collect();
        for &t in &here {
            let task = &self.tasks[t];
            match self.change(t) {
                None if task.done => since.done.push(t),
                // Written again without an id: the same task by its title, not a new one.
                None if task.thread.is_none() && titles_before.contains(&slugify(&task.title)) => {}
                None => since.added.push(t),
                Some(change) => {
                    if change.completed {
                        since.done.push(t);
                    }
                    if let Some(before) = change.slipped_from {
                        since.slipped.push((t, before));
                    }
                    if change.reassigned {
                        since.reassigned.push(t);
                    }
                }
            }
        }
        let threads_here: std::collections::HashSet<usize> =
            here.iter().filter_map(|&t| self.tasks[t].thread).collect();
        let titles_here: std::collections::HashSet<String> = here
            .iter()
            .map(|&t| slugify(&self.tasks[t].title))
            .collect();
        for t in self.meeting_tasks(previous) {
            let task = &self.tasks[t];
            let mentioned = match task.thread {
                Some(thread) => threads_here.contains(&thread),
                None => titles_here.contains(&slugify(&task.title)),
            };
            if !task.done && !mentioned {
                since.unmentioned.push(t);
            }
        }
        since
    }
}

/// Words that say nothing about which task a title names.
const FILLER_WORDS: &[&str] = &[
    "a", "an", "and", "the", "to", "of", "for", "with", "on", "in", "at", "by", "from", "our",
    "their", "its", "is", "be", "up",
];

/// A title's words that tell tasks apart: lower case, without filler and numbers (a recap
/// writes the deadline into the title: "… by 10/30/2026"), sorted.
pub(crate) fn title_words(title: &str) -> Vec<String> {
    let mut words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty() && !word.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|word| !FILLER_WORDS.contains(&word.as_str()))
        .collect();
    words.sort();
    words.dedup();
    words
}

/// What `dossier check` says about tasks across meetings: an id that names tasks whose
/// titles share no word (a reused id, likely by mistake), and tasks without an id that
/// repeat an open task of an earlier meeting of the same account (same title words,
/// owners in common), with the edit that would make them one task.
pub(crate) fn continuity_warnings(docs: &[MeetingDoc]) -> Vec<Diagnostic> {
    let mut order: Vec<&MeetingDoc> = docs.iter().collect();
    order.sort_by(|a, b| (a.date, &a.slug).cmp(&(b.date, &b.slug)));
    let mut warnings = Vec::new();
    // By id, the last mention seen: its meeting and task.
    let mut last_by_id: HashMap<&str, (&MeetingDoc, &TaskDoc)> = HashMap::new();
    // By account and title words, the last open task without an id.
    let mut open_by_words: HashMap<(String, Vec<String>), (&MeetingDoc, &TaskDoc)> = HashMap::new();
    for doc in order {
        let account = doc.account.as_deref().map(account_slug).unwrap_or_default();
        for task in &doc.tasks {
            let words = title_words(&task.title);
            if let Some(id) = &task.id {
                if let Some((before_doc, before)) = last_by_id.insert(&id.slug, (doc, task)) {
                    let earlier = title_words(&before.title);
                    let unrelated = !words.is_empty()
                        && !earlier.is_empty()
                        && !words.iter().any(|word| earlier.contains(word));
                    if unrelated {
                        warnings.push(doc.source.warning(
                            id.span.clone(),
                            format!(
                                "the id `{}` continues \"{}\" ({}:{}), whose title shares no word with this one: if this is another task, give it its own id, e.g. {{#{}}}",
                                id.slug,
                                before.title,
                                before_doc.source.path.display(),
                                before.line,
                                slugify(&task.title)
                            ),
                        ));
                    }
                }
                continue;
            }
            if words.is_empty() {
                continue;
            }
            let key = (account.clone(), words);
            if let Some((before_doc, before)) = open_by_words.get(&key) {
                let shared_owner = before.owners.is_empty()
                    || task.owners.is_empty()
                    || task
                        .owners
                        .iter()
                        .any(|owner| before.owners.contains(owner));
                if shared_owner && before_doc.slug != doc.slug {
                    let id = slugify(&before.title);
                    warnings.push(doc.source.warning(
                        task.span.clone(),
                        format!(
                            "this looks like \"{}\", still open in {}:{}: if it is the same task, end both lines with {{#{id}}} so owners and calendars list it once, with its history; if not, give each its own id",
                            before.title,
                            before_doc.source.path.display(),
                            before.line,
                        ),
                    ));
                }
            }
            if task.done {
                open_by_words.remove(&key);
            } else {
                open_by_words.insert(key, (doc, task));
            }
        }
    }
    warnings
}
