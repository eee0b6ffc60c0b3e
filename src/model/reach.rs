//! What an edit of some meetings reaches: the meetings, topics, initiatives, people and months
//! whose pages show something of them, found from what the site showed of them before and
//! after the edit ([`Footprints`]). `serve` keeps the site before the edit in memory; `build`
//! keeps its footprints in the build cache. Both render only the pages these reach; tests
//! compare the result with a clean build after every kind of edit.

use crate::dates::month_start;
use crate::model::{account_slug, related_window, tag_slug, Site};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// What an edit of some meetings reaches, as the keys pages are made from. Each page kind
/// says which of them it shows (`render::Page::reached_by`), in a match the compiler keeps
/// complete when a page kind is added.
#[derive(Debug, Default)]
pub(crate) struct Reach {
    /// Meetings by slug: the edited ones and those beside them, which link to them by title.
    pub meetings: HashSet<String>,
    /// The meetings whose own values change: the edited ones and those that continue their
    /// tasks (they say what became of them).
    pub touched: BTreeSet<String>,
    /// Topics by meeting and topic slug.
    pub topics: HashSet<(String, String)>,
    pub initiatives: BTreeSet<String>,
    /// People whose pages and calendars change.
    pub people: BTreeSet<String>,
    /// Accounts by slug.
    pub accounts: BTreeSet<String>,
    /// Tasks with an id, by id.
    pub tasks: BTreeSet<String>,
    /// Tags by slug.
    pub tags: BTreeSet<String>,
    /// Months whose deadlines change.
    pub months: BTreeSet<NaiveDate>,
    /// The list of months changed: every month page links to the ones before and after.
    pub every_month: bool,
}

/// What one version of a site shows of its meetings, in the terms [`Reach`] needs: enough to
/// find what an edit reaches without the site itself.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Footprints {
    /// Meeting slugs in the site's order: a meeting's page links to the ones beside it.
    pub order: Vec<String>,
    /// What each meeting shows, by slug (those asked for).
    pub meetings: BTreeMap<String, MeetingFootprint>,
    /// Each initiative's timeline, as topic keys in order.
    pub timelines: BTreeMap<String, Vec<(String, String)>>,
    /// The months with a grid page.
    pub months: Vec<NaiveDate>,
    /// The meetings that mention each task id: a mention changes the others' pages (which
    /// say what became of it) and the task's own.
    pub threads: BTreeMap<String, Vec<String>>,
    /// Each meeting's next meeting of the same account, whose page says what changed since it.
    pub next_in_account: BTreeMap<String, String>,
}

/// The people, topics, initiatives and deadline months one meeting shows.
#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct MeetingFootprint {
    /// The slug of its account.
    pub account: Option<String>,
    pub people: BTreeSet<String>,
    /// Topic slugs.
    pub topics: Vec<String>,
    pub initiatives: BTreeSet<String>,
    pub months: BTreeSet<NaiveDate>,
    /// The ids of its tasks that have one.
    pub tasks: BTreeSet<String>,
    /// The slugs of its tags.
    #[serde(default)]
    pub tags: BTreeSet<String>,
}

impl MeetingFootprint {
    /// What `meeting` shows of the rest of `site`: its account, people, topics, initiatives,
    /// the months of its deadlines, its tasks with ids and its tags.
    fn of(site: &Site, meeting: &crate::model::Meeting) -> MeetingFootprint {
        let people = meeting.attendees.iter().chain(
            meeting
                .topics
                .iter()
                .flat_map(|topic| topic.participants.iter()),
        );
        let mut footprint = MeetingFootprint {
            account: meeting.account.as_deref().map(account_slug),
            people: people.map(|p| p.id.clone()).collect(),
            topics: meeting.topics.iter().map(|t| t.slug.clone()).collect(),
            initiatives: meeting
                .topics
                .iter()
                .filter_map(|t| t.initiative.clone())
                .collect(),
            months: BTreeSet::new(),
            tasks: BTreeSet::new(),
            tags: meeting.tags.iter().map(|t| tag_slug(t)).collect(),
        };
        let tasks = meeting
            .topics
            .iter()
            .flat_map(|topic| topic.tasks.iter())
            .chain(meeting.tasks.iter());
        for &index in tasks {
            let task = &site.tasks[index];
            footprint
                .people
                .extend(task.owners.iter().map(|p| p.id.clone()));
            footprint.initiatives.extend(task.initiative.clone());
            if task.named {
                footprint.tasks.insert(task.id.clone());
            }
            if let Some(due) = task.due {
                footprint.months.insert(month_start(due.date));
            }
        }
        footprint
    }
}

impl Footprints {
    /// The footprints of `site`, for every meeting or only those in `only` and the meetings
    /// that continue their tasks, given the months with a grid page.
    pub(crate) fn of(
        site: &Site,
        only: Option<&BTreeSet<String>>,
        months: &[NaiveDate],
    ) -> Footprints {
        let threads: BTreeMap<String, Vec<String>> = site
            .threads
            .iter()
            .map(|thread| {
                let mut slugs: Vec<String> = thread
                    .mentions
                    .iter()
                    .map(|&t| site.meetings[site.tasks[t].meeting].slug.clone())
                    .collect();
                slugs.dedup();
                (thread.id.clone(), slugs)
            })
            .collect();
        let only: Option<BTreeSet<String>> = only.map(|only| {
            let mut with_mates = only.clone();
            for meeting in site.meetings.iter().filter(|m| only.contains(&m.slug)) {
                let ids = site
                    .meeting_tasks_of(meeting)
                    .filter_map(|t| site.tasks[t].thread);
                for thread in ids {
                    with_mates.extend(threads[&site.threads[thread].id].iter().cloned());
                }
            }
            with_mates
        });
        let next_in_account = (0..site.meetings.len())
            .filter_map(|m| {
                let previous = site.previous_of_account(m)?;
                Some((
                    site.meetings[previous].slug.clone(),
                    site.meetings[m].slug.clone(),
                ))
            })
            .collect();
        let meetings = site
            .meetings
            .iter()
            .filter(|meeting| {
                only.as_ref()
                    .is_none_or(|only| only.contains(&meeting.slug))
            })
            .map(|meeting| (meeting.slug.clone(), MeetingFootprint::of(site, meeting)))
            .collect();
        let timelines = site
            .initiatives
            .iter()
            .map(|initiative| {
                let keys = initiative
                    .topics
                    .iter()
                    .map(|&(m, t)| topic_key(site, m, t))
                    .collect();
                (initiative.slug.clone(), keys)
            })
            .collect();
        Footprints {
            order: site.meetings.iter().map(|m| m.slug.clone()).collect(),
            meetings,
            timelines,
            months: months.to_vec(),
            threads,
            next_in_account,
        }
    }
}

impl Reach {
    /// What changes between two versions of a site that differ only in the meetings `changed`
    /// (by slug), from their footprints (which must hold at least the changed meetings).
    pub(crate) fn of(before: &Footprints, after: &Footprints, changed: &BTreeSet<String>) -> Reach {
        let mut reach = Reach::default();
        let versions = [before, after];
        // A meeting that continues a task of an edited one shows what became of it.
        let mut touched = changed.clone();
        for version in versions {
            for slug in changed {
                let Some(footprint) = version.meetings.get(slug) else {
                    continue;
                };
                for id in &footprint.tasks {
                    reach.tasks.insert(id.clone());
                    for other in versions {
                        touched.extend(other.threads.get(id).into_iter().flatten().cloned());
                    }
                }
            }
        }
        for version in versions {
            reach.add_edited(version, &touched);
            for slug in changed {
                reach
                    .meetings
                    .extend(version.next_in_account.get(slug).cloned());
            }
        }
        for version in versions {
            for slug in &touched {
                if let Some(footprint) = version.meetings.get(slug) {
                    reach.tasks.extend(footprint.tasks.iter().cloned());
                }
            }
        }
        for slug in reach.initiatives.clone() {
            reach.add_timeline(versions, &slug, &touched);
        }
        reach.touched = touched;
        reach.every_month = before.months != after.months;
        reach
    }

    /// The people reached who own tasks in `site`: those whose calendars are written again.
    pub(crate) fn calendars<'a>(&'a self, site: &Site) -> Vec<&'a String> {
        self.people
            .iter()
            .filter(|id| site.by_person.contains_key(*id))
            .collect()
    }

    /// What one version of the site shows of the edited meetings.
    fn add_edited(&mut self, version: &Footprints, changed: &BTreeSet<String>) {
        let edited = version
            .order
            .iter()
            .enumerate()
            .filter(|(_, slug)| changed.contains(*slug));
        for (m, slug) in edited {
            let neighbours = [m.checked_sub(1), Some(m + 1)].into_iter().flatten();
            for shown in std::iter::once(m).chain(neighbours) {
                if let Some(slug) = version.order.get(shown) {
                    self.meetings.insert(slug.clone());
                }
            }
            let Some(footprint) = version.meetings.get(slug) else {
                continue;
            };
            self.people.extend(footprint.people.iter().cloned());
            self.accounts.extend(footprint.account.iter().cloned());
            self.tags.extend(footprint.tags.iter().cloned());
            self.topics
                .extend(footprint.topics.iter().map(|t| (slug.clone(), t.clone())));
            self.initiatives
                .extend(footprint.initiatives.iter().cloned());
            self.months.extend(footprint.months.iter().copied());
        }
    }

    /// Topic pages show the topics just before and after them in their initiative's timeline,
    /// and how long it is: those near an edited meeting, or all when the timeline changed.
    /// Owner pages show initiatives by title and status, which only the initiative's own file
    /// sets: they change with the people a meeting names, not with its counts.
    fn add_timeline(&mut self, versions: [&Footprints; 2], slug: &str, changed: &BTreeSet<String>) {
        let timelines = versions.map(|version| version.timelines.get(slug));
        let moved = timelines[0] != timelines[1];
        for timeline in timelines.into_iter().flatten() {
            for (at, key) in timeline.iter().enumerate() {
                let near_an_edit = timeline[related_window(at, timeline.len())]
                    .iter()
                    .any(|(meeting, _)| changed.contains(meeting));
                if moved || near_an_edit {
                    self.topics.insert(key.clone());
                }
            }
        }
    }
}

/// A topic by the slugs its address is made of, the same in both versions of the site.
pub(crate) fn topic_key(site: &Site, meeting: usize, topic: usize) -> (String, String) {
    let meeting = &site.meetings[meeting];
    (meeting.slug.clone(), meeting.topics[topic].slug.clone())
}
