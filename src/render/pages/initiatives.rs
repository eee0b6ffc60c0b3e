//! The list of initiatives followed across meetings.

use super::*;

pub(super) struct Initiatives;

impl PageKind for Initiatives {
    fn name(&self) -> &'static str {
        "initiatives"
    }

    fn template(&self) -> &'static str {
        "initiatives.html"
    }

    fn folder(&self) -> &'static str {
        urls::INITIATIVES
    }

    fn preview(&self, _: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            "Initiatives".into(),
            "The initiatives followed across meetings.".into(),
        ))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, _: &Key) -> Option<()> {
        renderer.initiatives_list(context);
        Some(())
    }
}

impl Renderer<'_> {
    /// Initiatives page: fills `context`.
    pub(super) fn initiatives_list(&self, context: &mut Context) {
        let site = self.site;
        context.insert_value(
            "initiatives",
            (0..site.initiatives.len())
                .map(|i| self.initiative(i))
                .collect::<Vec<_>>()
                .into(),
        );
    }
}
