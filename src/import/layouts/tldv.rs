//! tl;dv notes: topic headings with timestamped bullets, "Action items" with names.

use super::{first_marker, Layout, Style};

pub struct Tldv;

impl Layout for Tldv {
    fn name(&self) -> &'static str {
        "tldv"
    }
    fn tool(&self) -> &'static str {
        "tl;dv"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        first_marker(text, &["tl;dv", "tldv"]).map(|why| (10, why))
    }
    fn style(&self) -> Style {
        Style {
            month_first: true,
            ..Style::default()
        }
    }
}
