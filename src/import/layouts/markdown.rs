//! Markdown pasted from Confluence, Notion or Obsidian: `#` headings, `## Action items` with
//! `- [ ] @Name task 22 Jan 2027`, tables of actions with Owner and Due columns.

use super::{Layout, Style};

pub(super) struct Markdown;

impl Layout for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }
    fn tool(&self) -> &'static str {
        "Markdown notes (Confluence, Notion, Obsidian)"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        let headings = text.lines().any(|l| l.trim_start().starts_with('#'));
        let checkboxes = text.contains("- [ ]") || text.contains("- [x]");
        let table = text.lines().any(|l| l.trim_start().starts_with('|'));
        match (headings, checkboxes || table) {
            (true, true) => Some((7, "Markdown headings with checkboxes or a table".into())),
            (true, false) => Some((4, "Markdown headings".into())),
            (false, true) => Some((4, "Markdown checkboxes or a table".into())),
            _ => None,
        }
    }
    fn style(&self) -> Style {
        Style {
            mentions: true,
            ..Style::default()
        }
    }
}
