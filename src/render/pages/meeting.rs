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
        let day = values::date_label(meeting.date, renderer.site.config.language);
        let fallback = renderer.word(
            "preview_meeting",
            Some(meeting.topics.len()),
            &[("day", day)],
        );
        Some((
            meeting.title.clone(),
            summary_or(&meeting.summary, fallback),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.meeting_page(key.index()?))
    }

    fn meeting_of(&self, key: &Key) -> Option<usize> {
        key.index()
    }
}

/// A meeting's page.
#[derive(Serialize)]
struct MeetingPage<'a> {
    meeting: MeetingValue,
    /// The meeting's text before its first topic, rendered (to go through `relink`).
    intro_html: &'a str,
    /// The text of its tasks section that is no task, rendered.
    tasks_notes_html: &'a str,
    attendees: Vec<PersonValue>,
    topics: Vec<TopicValue>,
    /// Each topic's body, rendered, in the order of `topics`.
    topic_bodies: Vec<Html<'a>>,
    /// The tasks outside any topic.
    tasks: Vec<TaskValue>,
    /// The meetings just before and after this one, by date.
    previous: Option<MeetingValue>,
    next: Option<MeetingValue>,
    since: Option<super::history::SinceLast>,
}

impl Renderer<'_> {
    fn meeting_page(&self, m: usize) -> MeetingPage<'_> {
        let site = self.site;
        let meeting = &site.meetings[m];
        MeetingPage {
            meeting: self.meeting(m),
            intro_html: &meeting.intro_html,
            tasks_notes_html: &meeting.tasks_notes_html,
            attendees: self.person_list(&meeting.attendees),
            topics: (0..meeting.topics.len())
                .map(|t| self.topic(m, t))
                .collect(),
            topic_bodies: meeting
                .topics
                .iter()
                .map(|topic| Html(&topic.body_html))
                .collect(),
            tasks: self.tasks_of(&meeting.tasks),
            previous: (m + 1 < site.meetings.len()).then(|| self.meeting(m + 1)),
            next: m.checked_sub(1).map(|n| self.meeting(n)),
            since: self.since_last(m),
        }
    }
}
