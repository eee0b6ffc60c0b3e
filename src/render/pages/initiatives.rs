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

    fn preview(&self, renderer: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            renderer.word("initiatives", None, &[]),
            renderer.word("preview_initiatives", None, &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, _: &Key) -> Option<Context> {
        variables(&InitiativesPage {
            initiatives: (0..renderer.site.initiatives.len())
                .map(|i| renderer.initiative(i))
                .collect(),
        })
    }
}

/// Every initiative.
#[derive(Serialize)]
struct InitiativesPage {
    initiatives: Vec<InitiativeValue>,
}
