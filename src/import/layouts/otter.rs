//! Otter.ai meeting notes: "Overview", "Outline" with timestamped chapters, "Action Items" with
//! an assignee per line, participants often as e-mail addresses.

use super::{first_marker, Layout, Style};

pub struct Otter;

impl Layout for Otter {
    fn name(&self) -> &'static str {
        "otter"
    }
    fn tool(&self) -> &'static str {
        "Otter.ai"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        first_marker(text, &["otter.ai", "otter ai", "otterpilot"]).map(|why| (10, why))
    }
    fn style(&self) -> Style {
        Style {
            month_first: true,
            ..Style::default()
        }
    }
}
