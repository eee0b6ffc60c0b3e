//! Any other text with sections and items: read by its headings and lists, unknown sections as
//! topics, the rest under "Notes".

use super::Layout;

pub(super) struct Generic;

impl Layout for Generic {
    fn name(&self) -> &'static str {
        "generic"
    }
    fn tool(&self) -> &'static str {
        "no known tool"
    }
    fn recognise(&self, _text: &str) -> Option<(u32, String)> {
        Some((
            1,
            "no tool's markers found; read by its headings and lists".into(),
        ))
    }
}
