//! Google Meet "Notes by Gemini" (a Google Doc, as .docx or copied text): the title with the
//! date and time, "Summary" with a paragraph per topic under a bold heading, "Details" with
//! timestamps, "Suggested next steps" as `[Name, Name] Title: detail`.

use super::{Style, Tool};

pub(super) const GEMINI: Tool = Tool {
    name: "gemini",
    tool: "Google Meet (Notes by Gemini)",
    markers: &["notes by gemini", "gemini"],
    sections: &["Suggested next steps"],
    style: Style {
        title_suffixes: &[" - Notes by Gemini", " – Notes by Gemini"],
        ..Style::PLAIN
    },
};
