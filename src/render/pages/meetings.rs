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

    fn preview(&self, _: &Renderer, _: &Key) -> Option<(String, String)> {
        Some(("Meetings".into(), "Every meeting, newest first.".into()))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, _: &Key) -> Option<()> {
        renderer.meetings_list(context);
        Some(())
    }
}

impl Renderer<'_> {
    /// Meetings page: fills `context`.
    pub(super) fn meetings_list(&self, context: &mut Context) {
        let site = self.site;
        context.insert_value(
            "meetings",
            (0..site.meetings.len())
                .map(|m| self.meeting(m))
                .collect::<Vec<_>>()
                .into(),
        );
    }
}
