//! One reader per recap layout, behind one interface. A layout says how it recognises a recap
//! (from the tool's own words: "Notes by Gemini", "Meeting summary for", a `Topics:` line) and
//! how it reads it; most read through the shared [`sections`] reader with a [`Style`] of their
//! own. Adding a tool is adding a file here and a line in [`LAYOUTS`].

mod boilerplate;
mod fathom;
mod fireflies;
mod gemini;
mod generic;
pub(crate) mod lexicon;
pub(crate) mod lines;
mod markdown;
mod otter;
pub(crate) mod sections;
mod teams;
mod title;
mod tldv;
mod webex;
mod zoom;

use crate::import::input::RecapText;
use crate::import::recap::{Recap, RecapError};
pub(crate) use sections::Style;
pub(crate) use title::{meeting_date, meeting_date_in_line};

/// A recap layout: the tool that writes it, how to recognise it, how to read it.
pub(crate) trait Layout: Sync {
    /// The name `--format` takes.
    fn name(&self) -> &'static str;
    /// The tool, as the report names it.
    fn tool(&self) -> &'static str;
    /// How sure this layout is that `text` is its own (higher is surer), and what in the text
    /// says so; `None` when nothing does.
    fn recognise(&self, text: &str) -> Option<(u32, String)>;
    fn style(&self) -> Style {
        Style::default()
    }
    fn read(&self, input: &RecapText) -> Result<Recap, RecapError> {
        Ok(sections::read(input, &self.style()))
    }
}

/// Every layout, the generic one last: it reads any text with headings and lists.
pub(crate) static LAYOUTS: &[&dyn Layout] = &[
    &teams::TeamsCopilot,
    &teams::TeamsNotes,
    &zoom::ZOOM,
    &gemini::GEMINI,
    &otter::OTTER,
    &fireflies::FIREFLIES,
    &webex::WEBEX,
    &fathom::FATHOM,
    &tldv::TLDV,
    &markdown::Markdown,
    &generic::Generic,
];

/// A tool recognised by words only it writes (its name, its footer), or less surely by section
/// headings it uses, and read by the shared reader in its own [`Style`].
pub(crate) struct Tool {
    pub name: &'static str,
    pub tool: &'static str,
    /// Words in lower case, any of which marks the tool's text.
    pub markers: &'static [&'static str],
    /// Section headings that together mark the tool's text, as the tool writes them.
    pub sections: &'static [&'static str],
    pub style: Style,
}

impl Layout for Tool {
    fn name(&self) -> &'static str {
        self.name
    }
    fn tool(&self) -> &'static str {
        self.tool
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        if let Some(why) = first_marker(text, self.markers) {
            return Some((10, why));
        }
        let all_there = !self.sections.is_empty()
            && self
                .sections
                .iter()
                .all(|section| has_line(text, &section.to_lowercase()));
        let quoted: Vec<String> = self.sections.iter().map(|s| format!("\"{s}\"")).collect();
        let why = match quoted.as_slice() {
            [one] => format!("a {one} section"),
            many => format!("{} sections", many.join(" and ")),
        };
        all_there.then_some((8, why))
    }
    fn style(&self) -> Style {
        self.style
    }
}

/// The layout a recap is in: the one `forced` names, or the surest; and why.
pub(crate) fn choose(
    input: &RecapText,
    forced: Option<&str>,
) -> Result<(&'static dyn Layout, String), String> {
    if let Some(name) = forced {
        return LAYOUTS
            .iter()
            .find(|layout| layout.name() == name)
            .map(|layout| (*layout, "chosen with --format".to_string()))
            .ok_or_else(|| {
                format!(
                    "no recap format `{name}`; the formats are {}",
                    format_names().join(", ")
                )
            });
    }
    let mut text = input.text.to_lowercase();
    if let Some(subject) = &input.subject {
        text = format!("{}\n{text}", subject.to_lowercase());
    }
    let mut best: Option<(&'static dyn Layout, u32, String)> = None;
    for layout in LAYOUTS {
        if let Some((score, why)) = layout.recognise(&text) {
            if best.as_ref().is_none_or(|(_, top, _)| score > *top) {
                best = Some((*layout, score, why));
            }
        }
    }
    best.map(|(layout, _, why)| (layout, why))
        .ok_or_else(|| "no layout reads this text".to_string())
}

/// The names `--format` accepts.
pub(crate) fn format_names() -> Vec<&'static str> {
    LAYOUTS.iter().map(|layout| layout.name()).collect()
}

/// Whether a line of `text` (lower case) is exactly `line`, ignoring spaces, a colon and
/// Markdown marks around it.
pub(crate) fn has_line(text: &str, line: &str) -> bool {
    text.lines().any(|l| {
        l.trim()
            .trim_start_matches(['#', '*', '_', ' '])
            .trim_end_matches(['*', '_', ' ', ':'])
            == line
    })
}

/// The first of `markers` found in `text` (lower case), as a reason.
pub(crate) fn first_marker(text: &str, markers: &[&str]) -> Option<String> {
    markers
        .iter()
        .find(|marker| text.contains(*marker))
        .map(|marker| format!("the text says \"{marker}\""))
}
