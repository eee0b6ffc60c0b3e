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
        let fallback = renderer.word(
            "preview_topic",
            None,
            &[
                ("meeting", meeting.title.clone()),
                ("day", meeting.date.to_string()),
            ],
        );
        Some((topic.title.clone(), summary_or(&topic.summary, fallback)))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        let (m, t) = key.topic()?;
        variables(&renderer.topic_page(m, t))
    }

    fn meeting_of(&self, key: &Key) -> Option<usize> {
        key.topic().map(|(m, _)| m)
    }
}

/// A topic's page.
#[derive(Serialize)]
struct TopicPage<'a> {
    topic: TopicValue,
    /// Those named in the discussion; an owner named only in a task shows with the task.
    discussed_by: Vec<PersonValue>,
    body_html: Html<'a>,
    meeting: MeetingValue,
    /// The meeting's topics around this one; the meeting's page lists them all.
    siblings: Vec<TopicValue>,
    siblings_total: usize,
    /// The same initiative in the meetings just before and after this one; the initiative's
    /// page has the whole timeline.
    related: Vec<TopicValue>,
    related_total: usize,
}

impl Renderer<'_> {
    fn topic_page(&self, m: usize, t: usize) -> TopicPage<'_> {
        let site = self.site;
        let meeting = &site.meetings[m];
        let around = window(t, meeting.topics.len(), SIBLINGS_EACH_SIDE);
        let timeline: &[(usize, usize)] = meeting.topics[t]
            .initiative
            .as_ref()
            .and_then(|slug| site.initiative_index(slug))
            .map_or(&[], |i| site.initiatives[i].topics.as_slice());
        let related: Vec<(usize, usize)> = match timeline.iter().position(|&p| p == (m, t)) {
            Some(at) => timeline[related_window(at, timeline.len())]
                .iter()
                .copied()
                .filter(|&p| p != (m, t))
                .collect(),
            None => Vec::new(),
        };
        TopicPage {
            topic: self.topic(m, t),
            discussed_by: self.person_list(&meeting.topics[t].discussed_by),
            body_html: Html(&meeting.topics[t].body_html),
            meeting: self.meeting(m),
            siblings: around
                .filter(|&i| i != t)
                .map(|i| self.topic(m, i))
                .collect(),
            siblings_total: meeting.topics.len().saturating_sub(1),
            related: self.topic_list(&related),
            related_total: timeline.len().saturating_sub(1),
        }
    }
}
