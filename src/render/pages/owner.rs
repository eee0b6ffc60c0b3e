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
        Some((name.to_string(), format!("What {name} owes, and by when.")))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, key: &Key) -> Option<()> {
        renderer.owner_page(context, key.name()?);
        Some(())
    }
}

impl Renderer<'_> {
    /// Owner page: fills `context`.
    pub(super) fn owner_page(&self, context: &mut Context, id: &str) {
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
        context.insert_value(
            "person",
            self.people.get(id).cloned().unwrap_or_else(Value::none),
        );
        context.insert_value("agenda", self.agenda_value(&agenda));
        context.insert_value("done_tasks", self.tasks_of(&done));
        context.insert("open_count", &agenda.open_count());
        context.insert("compact", &(task_ids.len() > COMPACT_LISTS_FROM));
        context.insert("overdue_count", &agenda.overdue_count(site));
        // Newest first (meetings are), the latest few; each links on to its meeting.
        context.insert("topic_count", &topics.len());
        context.insert_value(
            "topics",
            self.topic_list(&topics[..topics.len().min(OWNER_TOPICS)]),
        );
        context.insert_value(
            "initiatives",
            self.initiative_badges(index.map_or(&[][..], |i| &i.initiatives)),
        );
    }
}
