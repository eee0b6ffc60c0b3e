//! An owner's page: their agenda, done tasks, topics and initiatives (not in the customer edition).

use super::*;

pub(super) struct Owner;

impl PageKind for Owner {
    fn name(&self) -> &'static str {
        "owner"
    }

    fn template(&self) -> &'static str {
        "owner.html"
    }

    fn folder(&self) -> &'static str {
        urls::OWNERS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        let site = renderer.site;
        if site.has_owner_pages() {
            site.people.keys().cloned().map(Key::Name).collect()
        } else {
            Vec::new()
        }
    }

    fn url(&self, _: &Site, key: &Key) -> Option<String> {
        Some(urls::owner(key.name()?))
    }

    fn reached_by(&self, _: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        Some(reach.people.contains(key.name()?))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let id = key.name()?;
        let site = renderer.site;
        let name = site.people.get(id).map_or(id, |p| p.name.as_str());
        Some((
            name.to_string(),
            renderer.word("preview_owner", None, &[("name", name.to_string())]),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.owner_page(key.name()?))
    }
}

/// A person's page: what they owe, by when; what they did; where they took part.
#[derive(Serialize)]
struct OwnerPage {
    person: Option<PersonValue>,
    agenda: Vec<AgendaGroup>,
    done_tasks: Vec<TaskValue>,
    open_count: usize,
    /// Whether lists show one line per task rather than cards.
    compact: bool,
    overdue_count: usize,
    /// The latest few topics they took part in, newest first; `topic_count` in all.
    topics: Vec<TopicValue>,
    topic_count: usize,
    initiatives: Vec<BadgeValue>,
}

impl Renderer<'_> {
    fn owner_page(&self, id: &str) -> OwnerPage {
        let site = self.site;
        let index = site.by_person.get(id);
        let task_ids = index.map(|i| i.tasks.as_slice()).unwrap_or_default();
        let agenda = Agenda::of(site, task_ids.iter().copied());
        let done: Vec<usize> = task_ids
            .iter()
            .copied()
            .filter(|&t| site.tasks[t].done)
            .collect();
        let mut topics = index.map(|i| i.topics.clone()).unwrap_or_default();
        topics.sort_by_key(|&(m, t)| (m, t));
        OwnerPage {
            person: self.person(id),
            agenda: self.agenda_groups(&agenda),
            done_tasks: self.tasks_of(&done),
            open_count: agenda.open_count(),
            compact: task_ids.len() > COMPACT_LISTS_FROM,
            overdue_count: agenda.overdue_count(site),
            topics: self.topic_list(&topics[..topics.len().min(OWNER_TOPICS)]),
            topic_count: topics.len(),
            initiatives: self.initiative_badges(index.map_or(&[][..], |i| &i.initiatives)),
        }
    }
}
