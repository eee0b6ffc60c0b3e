//! tl;dv notes: topic headings with timestamped bullets, "Action items" with names.

use super::{Style, Tool};

pub(super) const TLDV: Tool = Tool {
    name: "tldv",
    tool: "tl;dv",
    markers: &["tl;dv", "tldv"],
    sections: &[],
    style: Style::MONTH_FIRST,
};
