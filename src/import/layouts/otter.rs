//! Otter.ai meeting notes: "Overview", "Outline" with timestamped chapters, "Action Items" with
//! an assignee per line, participants often as e-mail addresses.

use super::{Style, Tool};

pub(super) const OTTER: Tool = Tool {
    name: "otter",
    tool: "Otter.ai",
    markers: &["otter.ai", "otter ai", "otterpilot"],
    sections: &[],
    style: Style::MONTH_FIRST,
};
