//! What an edit of some meetings reaches: the meetings, topics, initiatives, people and months
//! whose pages show something of them, found from the site before and after the edit. `serve`
//! renders only the pages these reach; tests compare the result with a clean build after every
//! kind of edit.

use crate::dates::month_start;
use crate::model::{related_window, Site};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashSet};

/// What an edit of some meetings reaches, as the keys pages are made from. Each page kind
/// says which of them it shows (`render::Page::reached_by`), in a match the compiler keeps
/// complete when a page kind is added.
#[derive(Debug, Default)]
pub struct Reach {
    /// Meetings by slug: the edited ones and those beside them, which link to them by title.
    pub meetings: HashSet<String>,
    /// Topics by meeting and topic slug.
    pub topics: HashSet<(String, String)>,
    pub initiatives: BTreeSet<String>,
    /// People whose pages and calendars change.
    pub people: BTreeSet<String>,
    /// Months whose deadlines change.
    pub months: BTreeSet<NaiveDate>,
    /// The list of months changed: every month page links to the ones before and after.
    pub every_month: bool,
}

impl Reach {
    /// What changes between `before` and `after`, two versions of a site that differ only in
    /// the meetings `changed` (by slug), given the months with a grid page in each.
    pub fn of(
        before: &Site,
        after: &Site,
        changed: &BTreeSet<String>,
        months: [&[NaiveDate]; 2],
    ) -> Reach {
        let mut reach = Reach::default();
        let sites = [before, after];
        for site in sites {
            reach.add_edited(site, changed);
        }
        for slug in reach.initiatives.clone() {
            reach.add_timeline(sites, &slug, changed);
        }
        reach.every_month = months[0] != months[1];
        reach
    }

    /// What one version of the site shows of the edited meetings.
    fn add_edited(&mut self, site: &Site, changed: &BTreeSet<String>) {
        let edited = site
            .meetings
            .iter()
            .enumerate()
            .filter(|(_, meeting)| changed.contains(&meeting.slug));
        for (m, meeting) in edited {
            let neighbours = [m.checked_sub(1), Some(m + 1)].into_iter().flatten();
            for shown in std::iter::once(m).chain(neighbours) {
                if let Some(meeting) = site.meetings.get(shown) {
                    self.meetings.insert(meeting.slug.clone());
                }
            }
            let people = meeting.attendees.iter().chain(
                meeting
                    .topics
                    .iter()
                    .flat_map(|topic| topic.participants.iter()),
            );
            self.people.extend(people.map(|p| p.id.clone()));
            for (t, topic) in meeting.topics.iter().enumerate() {
                self.topics.insert(topic_key(site, m, t));
                self.initiatives.extend(topic.initiative.clone());
            }
            let tasks = meeting
                .topics
                .iter()
                .flat_map(|topic| topic.tasks.iter())
                .chain(meeting.tasks.iter());
            for &index in tasks {
                let task = &site.tasks[index];
                self.people.extend(task.owners.iter().map(|p| p.id.clone()));
                self.initiatives.extend(task.initiative.clone());
                if let Some(due) = task.due {
                    self.months.insert(month_start(due.date));
                }
            }
        }
    }

    /// Topic pages show the topics just before and after them in their initiative's timeline,
    /// and how long it is: those near an edited meeting, or all when the timeline changed.
    /// Owner pages show initiatives by title and status, which only the initiative's own file
    /// sets: they change with the people a meeting names, not with its counts.
    fn add_timeline(&mut self, sites: [&Site; 2], slug: &str, changed: &BTreeSet<String>) {
        let timelines = sites.map(|site| {
            site.initiative_index(slug)
                .map(|i| (site, &site.initiatives[i].topics))
        });
        let keys = timelines.map(|timeline| {
            timeline.map(|(site, topics)| {
                topics
                    .iter()
                    .map(|&(m, t)| topic_key(site, m, t))
                    .collect::<Vec<_>>()
            })
        });
        let moved = keys[0] != keys[1];
        for (site, timeline) in timelines.into_iter().flatten() {
            for (at, &(m, t)) in timeline.iter().enumerate() {
                let near_an_edit = timeline[related_window(at, timeline.len())]
                    .iter()
                    .any(|&(m, _)| changed.contains(&site.meetings[m].slug));
                if moved || near_an_edit {
                    self.topics.insert(topic_key(site, m, t));
                }
            }
        }
    }
}

/// A topic by the slugs its address is made of, the same in both versions of the site.
pub fn topic_key(site: &Site, meeting: usize, topic: usize) -> (String, String) {
    let meeting = &site.meetings[meeting];
    (meeting.slug.clone(), meeting.topics[topic].slug.clone())
}
