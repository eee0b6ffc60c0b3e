//! Webex AI Assistant meeting summaries: "Summary", "Action items" with an owner per item.

use super::{Style, Tool};

pub(super) const WEBEX: Tool = Tool {
    name: "webex",
    tool: "Webex AI Assistant",
    markers: &["webex"],
    sections: &[],
    style: Style::MONTH_FIRST,
};
