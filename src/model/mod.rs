//! The site model: every meeting, topic, task, person and initiative, resolved and indexed once.
//! The renderer only reads it.

pub(crate) mod agenda;
mod assemble;
pub(crate) mod load;
pub(crate) mod reach;
pub(crate) mod threads;

use crate::content::config::SiteConfig;
use crate::content::history::LastEdit;
use crate::content::initiative::{InitiativeDoc, Status};
use crate::content::meeting::{MeetingDoc, PersonRef};
use crate::content::people::{People, Person};
use crate::dates::{is_overdue, Due};
use crate::error::Diagnostic;
use crate::paths::slugify;
use crate::urls;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
pub(crate) use threads::Thread;

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub today: NaiveDate,
    /// The day comes from site.toml's `today`: the pages are read as on that day, and the
    /// theme's script does not bring them up to the reader's.
    pub today_pinned: bool,
    /// Everyone with an owner page: people.toml plus anyone mentioned but not listed.
    pub people: BTreeMap<String, Person>,
    /// Newest first.
    pub meetings: Vec<Meeting>,
    /// Open ones first, then by title.
    pub initiatives: Vec<Initiative>,
    /// In deadline order, undated last.
    pub tasks: Vec<Task>,
    /// What each person owes and takes part in, by person id.
    pub by_person: BTreeMap<String, PersonIndex>,
    /// Initiative slug to its index in `initiatives`.
    pub initiative_by_slug: HashMap<String, usize>,
    /// Every account a meeting or an initiative names, by name.
    pub accounts: Vec<Account>,
    /// Account slug to its index in `accounts`.
    pub account_by_slug: HashMap<String, usize>,
    /// Tasks with an id, followed across meetings, by id.
    pub threads: Vec<Thread>,
    /// Task id to its index in `threads`.
    pub thread_by_id: HashMap<String, usize>,
    /// Each meeting's previous meeting of the same account (index into `meetings`).
    pub previous_in_account: Vec<Option<usize>>,
    /// Every tag meetings carry, by slug: its name as the newest meeting writes it, and its
    /// meetings, newest first.
    pub tags: BTreeMap<String, (String, Vec<usize>)>,
}

/// A customer the team meets: the meetings and initiatives whose `account` names it (names
/// that give the same slug are one account).
#[derive(Debug)]
pub struct Account {
    pub slug: String,
    /// As its newest meeting writes it (or its first initiative, without meetings).
    pub name: String,
    /// Newest first (indices into `Site::meetings`).
    pub meetings: Vec<usize>,
    /// The initiatives that name it and those its meetings' topics and tasks follow, in the
    /// site's order of initiatives.
    pub initiatives: Vec<usize>,
    /// The tasks of its meetings, in deadline order.
    pub tasks: Vec<usize>,
}

#[derive(Debug)]
pub struct Meeting {
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
    pub account: Option<String>,
    pub tags: Vec<String>,
    pub attendees: Vec<PersonRef>,
    pub intro_html: Arc<str>,
    /// What stands under `## Tasks` besides the tasks.
    pub tasks_notes_html: Arc<str>,
    pub summary: String,
    pub topics: Vec<Topic>,
    /// Tasks under `## Tasks` (indices into `Site::tasks`).
    pub tasks: Vec<usize>,
    pub source: PathBuf,
    /// Its file's last commit, where the site is a git repository.
    pub last_edit: Option<LastEdit>,
    /// `internal = true` (in the internal edition; the customer edition has none).
    pub internal: bool,
    /// The recap it was imported from, relative to the site root (the team's edition only).
    pub recap: Option<PathBuf>,
}

#[derive(Debug)]
pub struct Topic {
    pub slug: String,
    pub title: String,
    pub initiative: Option<String>,
    pub body_html: Arc<str>,
    pub summary: String,
    pub participants: Vec<PersonRef>,
    /// The participants named in the discussion rather than only in a task.
    pub discussed_by: Vec<PersonRef>,
    pub tasks: Vec<usize>,
    /// Marked `{.internal}` (in the internal edition; the customer edition has none).
    pub internal: bool,
}

#[derive(Debug)]
pub struct Task {
    pub title: String,
    pub detail_html: Arc<str>,
    pub owners: Vec<PersonRef>,
    pub due: Option<Due>,
    pub done: bool,
    /// The day a done task was done, where its text says (`done:YYYY-MM-DD`).
    pub done_on: Option<NaiveDate>,
    pub overdue: bool,
    pub meeting: usize,
    pub topic: Option<usize>,
    pub initiative: Option<String>,
    /// Stable across builds and edits of other tasks: its `{#id}`, or else meeting, topic and
    /// title (`2025-11-18-sync.pricing.send-the-offer`). The basis of the calendar UID.
    pub id: String,
    /// Whether `id` was written (`{#id}`): the task may continue in other meetings.
    pub named: bool,
    /// Index into `Site::threads`, for a task with an id.
    pub thread: Option<usize>,
    /// A later meeting mentions the same task: lists of what is owed show that mention.
    pub superseded: bool,
    /// Owned by people the edition does not name: shown as owned by the account team.
    pub team_owned: bool,
    /// Marked `{.internal}` (in the internal edition; the customer edition has none).
    pub internal: bool,
    pub line: usize,
}

impl Task {
    /// Open and without a deadline: what the "No deadline" groups list.
    pub fn is_open_undated(&self) -> bool {
        self.is_current() && !self.done && self.due.is_none()
    }

    /// The task's state as of now: not superseded by a later mention. Lists of what is owed
    /// (owners, agenda, calendars, tasks.json) show only these.
    pub fn is_current(&self) -> bool {
        !self.superseded
    }

    /// For a task done on a known day: whole days it was done after its deadline (0 or less
    /// when on time).
    pub fn days_late_when_done(&self) -> Option<i64> {
        let done_on = self.done_on.filter(|_| self.done)?;
        Some((done_on - self.due?.date).num_days().max(0))
    }

    /// Whole days past the deadline for an overdue task; 0 otherwise.
    pub fn days_late(&self, today: NaiveDate) -> i64 {
        match (self.overdue, self.due) {
            (true, Some(due)) => (today - due.date).num_days(),
            _ => 0,
        }
    }
}

#[derive(Debug)]
pub struct Initiative {
    pub slug: String,
    pub title: String,
    pub status: Status,
    pub owners: Vec<PersonRef>,
    pub account: Option<String>,
    pub target: Option<NaiveDate>,
    pub body_html: String,
    pub summary: String,
    pub source: PathBuf,
    /// Its file's last commit, where the site is a git repository.
    pub last_edit: Option<LastEdit>,
    /// `internal = true` (in the internal edition; the customer edition has none).
    pub internal: bool,
    /// (meeting, topic) indices, oldest meeting first: the initiative's timeline.
    pub topics: Vec<(usize, usize)>,
    pub tasks: Vec<usize>,
}

#[derive(Debug, Default)]
pub struct PersonIndex {
    pub tasks: Vec<usize>,
    pub topics: Vec<(usize, usize)>,
    pub initiatives: Vec<usize>,
}

impl PersonIndex {
    pub fn open_count(&self, site: &Site) -> usize {
        self.tasks.iter().filter(|&&t| !site.tasks[t].done).count()
    }

    pub fn overdue_count(&self, site: &Site) -> usize {
        self.tasks
            .iter()
            .filter(|&&t| site.tasks[t].overdue)
            .count()
    }
}

impl Meeting {
    /// A meeting of the model from its document, with its tasks; task indices count from 0.
    fn resolve(meeting_index: usize, doc: MeetingDoc, today: NaiveDate) -> (Meeting, Vec<Task>) {
        let mut topics: Vec<Topic> = doc
            .topics
            .into_iter()
            .map(|topic| Topic {
                slug: topic.slug,
                title: topic.title,
                initiative: topic.initiative.map(|r| r.slug),
                body_html: topic.body_html,
                summary: topic.summary,
                participants: topic.participants,
                discussed_by: topic.discussed_by,
                tasks: Vec::new(),
                internal: topic.internal,
            })
            .collect();
        let mut tasks = Vec::with_capacity(doc.tasks.len());
        let mut meeting_tasks = Vec::new();
        let mut uids: HashMap<String, usize> = HashMap::new();
        for task in doc.tasks {
            let topic_slug = task.topic.map_or("meeting", |t| topics[t].slug.as_str());
            let base_uid = format!("{}.{}.{}", doc.slug, topic_slug, slugify(&task.title));
            let seen = uids.entry(base_uid.clone()).or_insert(0);
            *seen += 1;
            let uid = if *seen == 1 {
                base_uid
            } else {
                format!("{base_uid}-{seen}")
            };
            let index = tasks.len();
            match task.topic {
                Some(t) => topics[t].tasks.push(index),
                None => meeting_tasks.push(index),
            }
            tasks.push(Task {
                initiative: task
                    .initiative
                    .map(|r| r.slug)
                    .or_else(|| task.topic.and_then(|t| topics[t].initiative.clone())),
                overdue: is_overdue(task.due, task.done, today),
                named: task.id.is_some(),
                id: task.id.map_or(uid, |id| id.slug),
                thread: None,
                superseded: false,
                team_owned: task.team_owned,
                internal: task.internal,
                title: task.title,
                detail_html: task.detail_html,
                owners: task.owners,
                due: task.due,
                done: task.done,
                done_on: task.done_on,
                meeting: meeting_index,
                topic: task.topic,
                line: task.line,
            });
        }
        let meeting = Meeting {
            slug: doc.slug,
            title: doc.title,
            date: doc.date,
            account: doc.account,
            tags: doc.tags,
            attendees: doc.attendees,
            intro_html: doc.intro_html,
            tasks_notes_html: doc.tasks_notes_html,
            summary: doc.summary,
            topics,
            tasks: meeting_tasks,
            source: doc.source.path,
            last_edit: None,
            internal: doc.internal,
            recap: doc.recap,
        };
        (meeting, tasks)
    }
}

impl Site {
    /// Whether the site has owner pages (and owner calendars, and people in its search): the
    /// team's edition does; the customer edition shows who owes what with each task, not the
    /// team's workload, so people are names there.
    pub fn has_owner_pages(&self) -> bool {
        !self.config.edition.hides_internal()
    }

    /// Whether the site lists its accounts on a page of their own: the team's edition of a
    /// site with accounts (a customer's edition shows one).
    pub fn has_accounts_index(&self) -> bool {
        !self.accounts.is_empty() && !self.config.edition.hides_internal()
    }

    pub fn meeting_url(&self, meeting: usize) -> String {
        urls::meeting(&self.meetings[meeting].slug)
    }

    pub fn topic_url(&self, meeting: usize, topic: usize) -> String {
        urls::topic(
            &self.meetings[meeting].slug,
            &self.meetings[meeting].topics[topic].slug,
        )
    }

    /// The page a task is shown on: its topic, or its meeting for meeting-level tasks.
    pub fn task_url(&self, task: &Task) -> String {
        match task.topic {
            Some(topic) => self.topic_url(task.meeting, topic),
            None => self.meeting_url(task.meeting),
        }
    }

    /// Whole days since the meeting that raised a task: how long an undated task has waited.
    pub fn task_age(&self, task: &Task) -> i64 {
        (self.today - self.meetings[task.meeting].date)
            .num_days()
            .max(0)
    }

    /// Open tasks whose deadline's last day falls within `from..=until`, in deadline order.
    pub fn open_due_between(&self, from: NaiveDate, until: NaiveDate) -> Vec<usize> {
        (0..self.tasks.len())
            .filter(|&t| {
                let task = &self.tasks[t];
                task.is_current()
                    && !task.done
                    && task.due.is_some_and(|d| d.date >= from && d.date <= until)
            })
            .collect()
    }

    /// Every task in its current state (each continued task once, as last mentioned), in
    /// deadline order.
    pub fn current_tasks(&self) -> impl Iterator<Item = usize> + Clone + '_ {
        (0..self.tasks.len()).filter(|&t| self.tasks[t].is_current())
    }

    /// Open tasks without a deadline, oldest meeting first.
    pub fn undated_open(&self) -> Vec<usize> {
        let mut undated: Vec<usize> = (0..self.tasks.len())
            .filter(|&t| self.tasks[t].is_open_undated())
            .collect();
        // Meetings are newest first: the highest meeting index raised the oldest task.
        undated.sort_by_key(|&t| std::cmp::Reverse(self.tasks[t].meeting));
        undated
    }

    pub fn initiative_index(&self, slug: &str) -> Option<usize> {
        self.initiative_by_slug.get(slug).copied()
    }

    /// The account an `account` field names.
    pub fn account_named(&self, name: &str) -> Option<usize> {
        self.account_by_slug.get(&account_slug(name)).copied()
    }
}

/// The slug of a tag's page: tags that differ in case or punctuation are one.
pub(crate) fn tag_slug(name: &str) -> String {
    slug_or(name, "tag")
}

/// The slug of an account's page: names that differ in case, accents or punctuation are one
/// account.
pub(crate) fn account_slug(name: &str) -> String {
    crate::paths::account_slug(name)
}

/// The slug of a name, or `fallback` for a name with no letter or digit in it.
fn slug_or(name: &str, fallback: &str) -> String {
    let slug = slugify(name);
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

fn remap(indices: &mut [usize], new_index: &[usize]) {
    for index in indices.iter_mut() {
        *index = new_index[*index];
    }
}

/// Topics of the same initiative shown on a topic page, before and after it.
const RELATED_EACH_SIDE: usize = 3;

/// The topics of an initiative's timeline shown beside the one at `at`: its neighbours on
/// each side. `reach` asks the same question to know which topic pages an edit reaches.
pub(crate) fn related_window(at: usize, timeline_len: usize) -> std::ops::Range<usize> {
    window(at, timeline_len, RELATED_EACH_SIDE)
}

/// `each_side` places on each side of `at` in a list of `len`, the place itself included.
pub(crate) fn window(at: usize, len: usize, each_side: usize) -> std::ops::Range<usize> {
    at.saturating_sub(each_side)..(at + 1 + each_side).min(len)
}
