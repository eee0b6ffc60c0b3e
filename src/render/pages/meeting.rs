//! A meeting's page: its topics, tasks and what changed since the account's previous meeting.

use super::*;

pub(super) struct Meeting;

impl PageKind for Meeting {
    fn name(&self) -> &'static str {
        "meeting"
    }

    fn template(&self) -> &'static str {
        "meeting.html"
    }

    fn folder(&self) -> &'static str {
        urls::MEETINGS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        (0..renderer.site.meetings.len()).map(Key::Index).collect()
    }

    fn url(&self, site: &Site, key: &Key) -> Option<String> {
        Some(site.meeting_url(key.index()?))
    }

    fn reached_by(&self, site: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        Some(reach.meetings.contains(&site.meetings[key.index()?].slug))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let meeting = &renderer.site.meetings[key.index()?];
        let fallback = format!(
            "{}: {} topics.",
            values::date_label(meeting.date),
            meeting.topics.len()
        );
        Some((
            meeting.title.clone(),
            summary_or(&meeting.summary, fallback),
        ))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, key: &Key) -> Option<()> {
        renderer.meeting_page(context, &key.index()?);
        Some(())
    }

    fn meeting_of(&self, key: &Key) -> Option<usize> {
        key.index()
    }
}

impl Renderer<'_> {
    /// Meeting page: fills `context`.
    pub(super) fn meeting_page(&self, context: &mut Context, m: &usize) {
        let site = self.site;
        let meeting = &site.meetings[*m];
        context.insert_value("meeting", self.meeting(*m));
        context.insert("intro_html", &*meeting.intro_html);
        context.insert("tasks_notes_html", &*meeting.tasks_notes_html);
        context.insert_value("attendees", {
            meeting
                .attendees
                .iter()
                .filter_map(|p| self.people.get(&p.id).cloned())
                .collect::<Vec<_>>()
                .into()
        });
        context.insert_value(
            "topics",
            (0..meeting.topics.len())
                .map(|t| self.topic(*m, t))
                .collect::<Vec<_>>()
                .into(),
        );
        context.insert_value(
            "topic_bodies",
            meeting
                .topics
                .iter()
                .map(|topic| Value::safe_string(&topic.body_html))
                .collect::<Vec<_>>()
                .into(),
        );
        context.insert_value("tasks", self.tasks_of(&meeting.tasks));
        context.insert_value(
            "previous",
            opt((m + 1 < site.meetings.len()).then(|| self.meeting(m + 1))),
        );
        context.insert_value("next", opt(m.checked_sub(1).map(|n| self.meeting(n))));
        context.insert_value("since", self.since_last(*m));
    }
}
