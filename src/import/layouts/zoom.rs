//! Zoom AI Companion summary e-mails: "Meeting summary for TITLE (MM/DD/YYYY)", "Quick recap",
//! "Next steps" as bullets ("Name to … by Friday"), "Summary" with sub-headings per topic.

use super::{Style, Tool};

pub(super) const ZOOM: Tool = Tool {
    name: "zoom",
    tool: "Zoom AI Companion",
    markers: &["meeting summary for", "ai companion"],
    sections: &["Quick recap"],
    style: Style {
        title_prefixes: &["meeting summary for"],
        ..Style::MONTH_FIRST
    },
};
