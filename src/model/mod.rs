//! The site model: every meeting, topic, task, person and initiative, resolved and indexed once.
//! The renderer only reads it.

pub mod agenda;
pub mod load;

use crate::content::config::SiteConfig;
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

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub today: NaiveDate,
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
    pub summary: String,
    pub topics: Vec<Topic>,
    /// Tasks under `## Tasks` (indices into `Site::tasks`).
    pub tasks: Vec<usize>,
    pub source: PathBuf,
}

#[derive(Debug)]
pub struct Topic {
    pub slug: String,
    pub title: String,
    pub initiative: Option<String>,
    pub body_html: Arc<str>,
    pub summary: String,
    pub participants: Vec<PersonRef>,
    pub tasks: Vec<usize>,
}

#[derive(Debug)]
pub struct Task {
    pub title: String,
    pub detail_html: Arc<str>,
    pub owners: Vec<PersonRef>,
    pub due: Option<Due>,
    pub done: bool,
    pub overdue: bool,
    pub meeting: usize,
    pub topic: Option<usize>,
    pub initiative: Option<String>,
    /// Stable across builds and edits of other tasks: meeting, topic and title.
    pub uid: String,
    pub line: usize,
}

impl Task {
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
                tasks: Vec::new(),
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
                title: task.title,
                detail_html: task.detail_html,
                owners: task.owners,
                due: task.due,
                done: task.done,
                meeting: meeting_index,
                topic: task.topic,
                uid: format!("{uid}@dossier"),
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
            summary: doc.summary,
            topics,
            tasks: meeting_tasks,
            source: doc.source.path,
        };
        (meeting, tasks)
    }
}

impl Site {
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

    pub fn initiative_index(&self, slug: &str) -> Option<usize> {
        self.initiative_by_slug.get(slug).copied()
    }

    /// Assembles the model. Errors are references that do not resolve (an initiative that does
    /// not exist); they come back with the file and line of the reference.
    pub fn assemble(
        config: SiteConfig,
        people: People,
        mut meeting_docs: Vec<MeetingDoc>,
        mut initiative_docs: Vec<InitiativeDoc>,
        today: NaiveDate,
    ) -> Result<Site, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        meeting_docs.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.slug.cmp(&a.slug)));
        initiative_docs.sort_by(|a, b| {
            (!a.status.is_open(), &a.title, &a.slug).cmp(&(!b.status.is_open(), &b.title, &b.slug))
        });
        let initiative_slugs: HashMap<&str, usize> = initiative_docs
            .iter()
            .enumerate()
            .map(|(i, doc)| (doc.slug.as_str(), i))
            .collect();

        for doc in &meeting_docs {
            let references = doc
                .topics
                .iter()
                .filter_map(|t| t.initiative.as_ref())
                .chain(doc.tasks.iter().filter_map(|t| t.initiative.as_ref()));
            for reference in references {
                {
                    if !initiative_slugs.contains_key(reference.slug.as_str()) {
                        let known: Vec<&str> =
                            initiative_docs.iter().map(|i| i.slug.as_str()).collect();
                        errors.push(doc.source.error(
                            reference.span.clone(),
                            format!(
                                "no initiative `{}`: add content/initiatives/{}.md{}",
                                reference.slug,
                                slugify(&reference.slug),
                                if known.is_empty() {
                                    String::new()
                                } else {
                                    format!(" or use one of: {}", known.join(", "))
                                }
                            ),
                        ));
                    }
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }

        let mut everyone: BTreeMap<String, Person> =
            people.iter().map(|p| (p.id.clone(), p.clone())).collect();
        let mut note_person = |person: &PersonRef| {
            if !everyone.contains_key(&person.id) {
                everyone.insert(
                    person.id.clone(),
                    Person {
                        id: person.id.clone(),
                        name: person.name.clone(),
                        role: None,
                        aliases: Vec::new(),
                        listed: false,
                    },
                );
            }
        };

        let mut tasks: Vec<Task> = Vec::new();
        let mut meetings: Vec<Meeting> = Vec::with_capacity(meeting_docs.len());
        let mut initiatives: Vec<Initiative> = initiative_docs
            .into_iter()
            .map(|doc| {
                doc.owners.iter().for_each(&mut note_person);
                Initiative {
                    slug: doc.slug,
                    title: doc.title,
                    status: doc.status,
                    owners: doc.owners,
                    account: doc.account,
                    target: doc.target,
                    body_html: doc.body_html,
                    summary: doc.summary,
                    topics: Vec::new(),
                    tasks: Vec::new(),
                }
            })
            .collect();

        // Each meeting on its own, in parallel, with task indices local to it until joined.
        let built: Vec<(Meeting, Vec<Task>)> = meeting_docs
            .into_par_iter()
            .enumerate()
            .map(|(meeting_index, doc)| Meeting::resolve(meeting_index, doc, today))
            .collect();
        for (mut meeting, meeting_tasks) in built {
            for topic in &meeting.topics {
                topic.participants.iter().for_each(&mut note_person);
            }
            meeting.attendees.iter().for_each(&mut note_person);
            for task in &meeting_tasks {
                task.owners.iter().for_each(&mut note_person);
            }
            let offset = tasks.len();
            let lists = meeting
                .topics
                .iter_mut()
                .map(|topic| &mut topic.tasks)
                .chain(std::iter::once(&mut meeting.tasks));
            for list in lists {
                list.iter_mut().for_each(|index| *index += offset);
            }
            tasks.extend(meeting_tasks);
            meetings.push(meeting);
        }

        // Deadline order: dated by last allowed day, undated last; then newest meeting first, so
        // equal deadlines list the freshest commitment first; then as written.
        let mut order: Vec<usize> = (0..tasks.len()).collect();
        order.sort_by(|&a, &b| {
            let (ta, tb) = (&tasks[a], &tasks[b]);
            (ta.due.is_none(), ta.due, ta.meeting, a).cmp(&(
                tb.due.is_none(),
                tb.due,
                tb.meeting,
                b,
            ))
        });
        let mut new_index = vec![0; tasks.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut slots: Vec<Option<Task>> = tasks.into_iter().map(Some).collect();
        let tasks: Vec<Task> = order.iter().filter_map(|&old| slots[old].take()).collect();
        for meeting in &mut meetings {
            remap(&mut meeting.tasks, &new_index);
            for topic in &mut meeting.topics {
                remap(&mut topic.tasks, &new_index);
            }
        }

        // Initiative timelines, oldest meeting first, and their tasks.
        let initiative_at: HashMap<String, usize> = initiatives
            .iter()
            .enumerate()
            .map(|(i, initiative)| (initiative.slug.clone(), i))
            .collect();
        for (meeting_index, meeting) in meetings.iter().enumerate().rev() {
            for (topic_index, topic) in meeting.topics.iter().enumerate() {
                // A topic belongs to its own initiative and to those its tasks name.
                let mut linked: Vec<usize> = topic
                    .initiative
                    .iter()
                    .chain(
                        topic
                            .tasks
                            .iter()
                            .filter_map(|&t| tasks[t].initiative.as_ref()),
                    )
                    .filter_map(|slug| initiative_at.get(slug).copied())
                    .collect();
                linked.sort_unstable();
                linked.dedup();
                for i in linked {
                    initiatives[i].topics.push((meeting_index, topic_index));
                }
            }
        }
        for (task_index, task) in tasks.iter().enumerate() {
            if let Some(&i) = task.initiative.as_ref().and_then(|s| initiative_at.get(s)) {
                initiatives[i].tasks.push(task_index);
            }
        }

        // Per person: tasks (deadline order), topics (newest first), initiatives. Filled through
        // positions found by hashing: a site has hundreds of thousands of references to people.
        let position: HashMap<&str, usize> = everyone
            .keys()
            .enumerate()
            .map(|(n, id)| (id.as_str(), n))
            .collect();
        let index_of = |person: &PersonRef| position.get(person.id.as_str()).copied();
        let per_person = || -> Vec<Vec<usize>> { vec![Vec::new(); everyone.len()] };
        // Three independent passes, run side by side.
        let tasks_of = || {
            let mut lists = per_person();
            for (task_index, task) in tasks.iter().enumerate() {
                for n in task.owners.iter().filter_map(index_of) {
                    lists[n].push(task_index);
                }
            }
            lists
        };
        let topics_of = || {
            let mut lists: Vec<Vec<(usize, usize)>> = vec![Vec::new(); everyone.len()];
            for (meeting_index, meeting) in meetings.iter().enumerate() {
                for (topic_index, topic) in meeting.topics.iter().enumerate() {
                    for n in topic.participants.iter().filter_map(index_of) {
                        lists[n].push((meeting_index, topic_index));
                    }
                }
            }
            lists
        };
        let initiatives_of = || {
            let mut lists = per_person();
            for (initiative_index, initiative) in initiatives.iter().enumerate() {
                let participants = initiative
                    .topics
                    .iter()
                    .flat_map(|&(m, t)| meetings[m].topics[t].participants.iter());
                let task_owners = initiative
                    .tasks
                    .iter()
                    .flat_map(|&t| tasks[t].owners.iter());
                let involved = initiative
                    .owners
                    .iter()
                    .chain(participants)
                    .chain(task_owners);
                for n in involved.filter_map(index_of) {
                    // Initiatives are visited in order, so a repeat is always the last entry.
                    if lists[n].last() != Some(&initiative_index) {
                        lists[n].push(initiative_index);
                    }
                }
            }
            lists
        };
        let (task_lists, (topic_lists, initiative_lists)) =
            rayon::join(tasks_of, || rayon::join(topics_of, initiatives_of));
        let indexes = task_lists
            .into_iter()
            .zip(topic_lists)
            .zip(initiative_lists)
            .map(|((tasks, topics), initiatives)| PersonIndex {
                tasks,
                topics,
                initiatives,
            });
        let by_person: BTreeMap<String, PersonIndex> =
            everyone.keys().cloned().zip(indexes).collect();

        Ok(Site {
            config,
            today,
            people: everyone,
            meetings,
            initiatives,
            tasks,
            by_person,
            initiative_by_slug: initiative_at,
        })
    }
}

fn remap(indices: &mut [usize], new_index: &[usize]) {
    for index in indices.iter_mut() {
        *index = new_index[*index];
    }
}
