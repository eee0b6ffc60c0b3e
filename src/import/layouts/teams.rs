//! Microsoft Teams (Copilot, Loop, Outlook): the recap of the sample — a title, `Topics:` with
//! headings, summaries and `Point: text` lines, `Tasks:` with titles and owners in parentheses —
//! and its variant with "Meeting notes" and "Follow-up tasks" sections.

use super::{first_marker, has_line, Layout};
use crate::import::input::RecapText;
use crate::import::recap::{self, Recap, RecapError, Section};

pub(super) struct TeamsCopilot;

impl Layout for TeamsCopilot {
    fn name(&self) -> &'static str {
        "teams"
    }
    fn tool(&self) -> &'static str {
        "Microsoft Teams (Copilot recap)"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        // The recap writes its sections with a colon ("Topics:"); other tools' plain
        // "Topics" headings are theirs.
        let sections: Vec<Section> = text
            .lines()
            .filter(|line| line.trim_end().ends_with(':'))
            .filter_map(recap::section_of)
            .collect();
        (sections.contains(&Section::Topics) && sections.contains(&Section::Tasks))
            .then(|| (10, "a `Topics:` line and a `Tasks:` line".to_string()))
    }
    fn read(&self, input: &RecapText) -> Result<Recap, RecapError> {
        recap::parse(&input.text)
    }
}

pub(super) struct TeamsNotes;

impl Layout for TeamsNotes {
    fn name(&self) -> &'static str {
        "teams-notes"
    }
    fn tool(&self) -> &'static str {
        "Microsoft Teams (meeting notes)"
    }
    fn recognise(&self, text: &str) -> Option<(u32, String)> {
        if has_line(text, "meeting notes") && has_line(text, "follow-up tasks") {
            return Some((
                9,
                "\"Meeting notes\" and \"Follow-up tasks\" sections".into(),
            ));
        }
        first_marker(text, &["microsoft teams", "copilot", "intelligent recap"]).map(|why| (6, why))
    }
}
