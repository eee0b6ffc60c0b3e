//! Webex AI Assistant meeting summaries: "Summary", "Action items" with an owner per item.

use super::{first_marker, Layout, Style};

pub struct Webex;

impl Layout for Webex {
    fn name(&self) -> &'static str {
        "webex"
    }
    fn tool(&self) -> &'static str {
        "Webex AI Assistant"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        first_marker(text, &["webex"]).map(|why| (10, why))
    }
    fn style(&self) -> Style {
        Style {
            month_first: true,
            ..Style::default()
        }
    }
}
