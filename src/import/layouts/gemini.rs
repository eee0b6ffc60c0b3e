//! Google Meet "Notes by Gemini" (a Google Doc, as .docx or copied text): the title with the
//! date and time, "Summary" with a paragraph per topic under a bold heading, "Details" with
//! timestamps, "Suggested next steps" as `[Name, Name] Title: detail`.

use super::{first_marker, has_line, Layout, Style};

pub struct Gemini;

impl Layout for Gemini {
    fn name(&self) -> &'static str {
        "gemini"
    }
    fn tool(&self) -> &'static str {
        "Google Meet (Notes by Gemini)"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        if let Some(why) = first_marker(text, &["notes by gemini", "gemini"]) {
            return Some((10, why));
        }
        has_line(text, "suggested next steps")
            .then(|| (8, "a \"Suggested next steps\" section".to_string()))
    }
    fn style(&self) -> Style {
        Style {
            title_suffixes: &[" - Notes by Gemini", " – Notes by Gemini"],
            ..Style::default()
        }
    }
}
