//! A topic's page: its discussion, tasks, the meeting's other topics and the same initiative
//! around it.

use super::*;
use crate::model::reach::topic_key;
use crate::model::{related_window, window};

pub(super) struct Topic;

impl PageKind for Topic {
    fn name(&self) -> &'static str {
        "topic"
    }

    fn template(&self) -> &'static str {
        "topic.html"
    }

    fn folder(&self) -> &'static str {
        urls::MEETINGS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        renderer
            .site
            .meetings
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| (0..meeting.topics.len()).map(move |t| Key::Topic(m, t)))
            .collect()
    }

    fn url(&self, site: &Site, key: &Key) -> Option<String> {
        let (m, t) = key.topic()?;
        Some(site.topic_url(m, t))
    }

    fn reached_by(&self, site: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        let (m, t) = key.topic()?;
        Some(reach.topics.contains(&topic_key(site, m, t)))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let (m, t) = key.topic()?;
        let meeting = &renderer.site.meetings[m];
        let topic = &meeting.topics[t];
        let fallback = format!("A topic of {} ({}).", meeting.title, meeting.date);
        Some((topic.title.clone(), summary_or(&topic.summary, fallback)))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, key: &Key) -> Option<()> {
        let (m, t) = key.topic()?;
        renderer.topic_page(context, &m, &t);
        Some(())
    }

    fn meeting_of(&self, key: &Key) -> Option<usize> {
        key.topic().map(|(m, _)| m)
    }
}

impl Renderer<'_> {
    /// Topic page: fills `context`.
    pub(super) fn topic_page(&self, context: &mut Context, m: &usize, t: &usize) {
        let site = self.site;
        let meeting = &site.meetings[*m];
        context.insert_value("topic", self.topic(*m, *t));
        // Who took part: those named in the discussion; an owner named only in a task is
        // shown with the task.
        context.insert_value(
            "discussed_by",
            self.person_list(&meeting.topics[*t].discussed_by),
        );
        context.insert_value(
            "body_html",
            Value::safe_string(&meeting.topics[*t].body_html),
        );
        context.insert_value("meeting", self.meeting(*m));
        // The topics around this one; the meeting's page lists them all.
        let around = window(*t, meeting.topics.len(), SIBLINGS_EACH_SIDE);
        context.insert_value(
            "siblings",
            around
                .filter(|i| i != t)
                .map(|i| self.topic(*m, i))
                .collect::<Vec<_>>()
                .into(),
        );
        context.insert("siblings_total", &meeting.topics.len().saturating_sub(1));
        // The same initiative in the meetings just before and after this one; the
        // initiative's page has the whole timeline.
        let timeline: &[(usize, usize)] = meeting.topics[*t]
            .initiative
            .as_ref()
            .and_then(|slug| site.initiative_index(slug))
            .map_or(&[], |i| site.initiatives[i].topics.as_slice());
        let related: Vec<(usize, usize)> = match timeline.iter().position(|&p| p == (*m, *t)) {
            Some(at) => timeline[related_window(at, timeline.len())]
                .iter()
                .copied()
                .filter(|&p| p != (*m, *t))
                .collect(),
            None => Vec::new(),
        };
        context.insert("related_total", &timeline.len().saturating_sub(1));
        context.insert_value("related", self.topic_list(&related));
    }
}
