//! The list of every meeting, newest first.

use super::*;

pub(super) struct Meetings;

impl PageKind for Meetings {
    fn name(&self) -> &'static str {
        "meetings"
    }

    fn template(&self) -> &'static str {
        "meetings.html"
    }

    fn folder(&self) -> &'static str {
        urls::MEETINGS
    }

    fn preview(&self, renderer: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            renderer.word("meetings", None, &[]),
            renderer.word("preview_meetings", None, &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, _: &Key) -> Option<Context> {
        variables(&MeetingsPage {
            meetings: renderer.meetings_of(0..renderer.site.meetings.len()),
        })
    }
}

/// Every meeting, newest first.
#[derive(Serialize)]
struct MeetingsPage {
    meetings: Vec<MeetingValue>,
}
