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

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        paging::list_keys(renderer.site.meetings.len(), renderer.paginate_by())
    }

    fn url(&self, _: &Site, key: &Key) -> Option<String> {
        Some(paging::page_url(self.folder(), key))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        Some((
            renderer.page_title("meetings", key),
            renderer.word("preview_meetings", None, &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        let total = renderer.site.meetings.len();
        let per_page = renderer.paginate_by();
        let number = paging::page_number(key);
        variables(&MeetingsPage {
            meetings: renderer.meetings_of(paging::items_of(number, total, per_page)),
            meeting_count: total,
            pagination: paging::pagination(
                self.folder(),
                number,
                paging::page_count(total, per_page),
            ),
        })
    }
}

/// A page of meetings, newest first.
#[derive(Serialize)]
struct MeetingsPage {
    meetings: Vec<MeetingValue>,
    meeting_count: usize,
    pagination: paging::Pagination,
}
