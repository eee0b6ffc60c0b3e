//! Fireflies.ai notes: "Overview", "Notes" with topic headings and timestamps, "Action items"
//! grouped under each person's bold name.

use super::{Style, Tool};

pub(super) const FIREFLIES: Tool = Tool {
    name: "fireflies",
    tool: "Fireflies.ai",
    markers: &["fireflies"],
    sections: &[],
    style: Style::MONTH_FIRST,
};
