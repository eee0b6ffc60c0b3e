//! Fathom summaries: "Meeting Purpose", "Key Takeaways", topic sections, "Next Steps" grouped
//! by person.

use super::{Style, Tool};

pub(super) const FATHOM: Tool = Tool {
    name: "fathom",
    tool: "Fathom",
    markers: &["fathom"],
    sections: &["Meeting Purpose", "Key Takeaways"],
    style: Style::MONTH_FIRST,
};
