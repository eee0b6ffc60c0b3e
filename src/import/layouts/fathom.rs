//! Fathom summaries: "Meeting Purpose", "Key Takeaways", topic sections, "Next Steps" grouped
//! by person.

use super::{first_marker, has_line, Layout, Style};

pub struct Fathom;

impl Layout for Fathom {
    fn name(&self) -> &'static str {
        "fathom"
    }
    fn tool(&self) -> &'static str {
        "Fathom"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        if let Some(why) = first_marker(text, &["fathom"]) {
            return Some((10, why));
        }
        (has_line(text, "meeting purpose") && has_line(text, "key takeaways")).then(|| {
            (
                7,
                "\"Meeting Purpose\" and \"Key Takeaways\" sections".to_string(),
            )
        })
    }
    fn style(&self) -> Style {
        Style {
            month_first: true,
            ..Style::default()
        }
    }
}
