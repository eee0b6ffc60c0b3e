//! Zoom AI Companion summary e-mails: "Meeting summary for TITLE (MM/DD/YYYY)", "Quick recap",
//! "Next steps" as bullets ("Name to … by Friday"), "Summary" with sub-headings per topic.

use super::{first_marker, has_line, Layout, Style};

pub struct Zoom;

impl Layout for Zoom {
    fn name(&self) -> &'static str {
        "zoom"
    }
    fn tool(&self) -> &'static str {
        "Zoom AI Companion"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        if let Some(why) = first_marker(text, &["meeting summary for", "ai companion"]) {
            return Some((10, why));
        }
        has_line(text, "quick recap").then(|| (8, "a \"Quick recap\" section".to_string()))
    }
    fn style(&self) -> Style {
        Style {
            title_prefixes: &["meeting summary for"],
            month_first: true,
            ..Style::default()
        }
    }
}
