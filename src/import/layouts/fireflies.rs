//! Fireflies.ai notes: "Overview", "Notes" with topic headings and timestamps, "Action items"
//! grouped under each person's bold name.

use super::{first_marker, Layout, Style};

pub struct Fireflies;

impl Layout for Fireflies {
    fn name(&self) -> &'static str {
        "fireflies"
    }
    fn tool(&self) -> &'static str {
        "Fireflies.ai"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        first_marker(text, &["fireflies"]).map(|why| (10, why))
    }
    fn style(&self) -> Style {
        Style {
            month_first: true,
            ..Style::default()
        }
    }
}
