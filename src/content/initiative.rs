//! An initiative file: front matter (title, status, owners, account, target) and a Markdown
//! background whose first paragraph is its summary.

use crate::content::front_matter::split_front_matter;
use crate::content::markdown;
use crate::content::marks::{self, BodyOf};
use crate::content::meeting::{shorten, MeetingReader, Parsed, PersonRef};
use crate::content::source::{toml_date, SourceFile};
use chrono::NaiveDate;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// Where an initiative stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Active,
    Paused,
    Won,
    Lost,
    Done,
}

impl Status {
    pub fn label(&self) -> &'static str {
        match self {
            Status::Active => "Active",
            Status::Paused => "Paused",
            Status::Won => "Won",
            Status::Lost => "Lost",
            Status::Done => "Done",
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, Status::Active | Status::Paused)
    }
}

#[derive(Debug, Clone)]
pub struct InitiativeDoc {
    pub source: SourceFile,
    pub slug: String,
    pub title: String,
    pub status: Status,
    pub owners: Vec<PersonRef>,
    pub account: Option<String>,
    pub target: Option<NaiveDate>,
    pub body_html: String,
    pub summary: String,
    /// `internal = true`: the team's own; the customer edition leaves it out.
    pub internal: bool,
    /// The lines of the file marked internal, by byte range (see `MeetingDoc`).
    pub internal_ranges: Vec<std::ops::Range<usize>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InitiativeFront {
    title: String,
    #[serde(default = "default_status")]
    status: Status,
    #[serde(default)]
    owners: Vec<Spanned<String>>,
    account: Option<String>,
    target: Option<Spanned<toml::value::Datetime>>,
    #[serde(default)]
    internal: bool,
}

fn default_status() -> Status {
    Status::Active
}

impl MeetingReader<'_> {
    pub fn read_initiative(&self, source: SourceFile, slug: String) -> Parsed<InitiativeDoc> {
        let mut diagnostics = Vec::new();
        let parsed = split_front_matter(&source).and_then(|front| {
            source
                .parse_toml::<InitiativeFront>(front.toml.clone())
                .map(|meta| (front, meta))
        });
        let (front, meta) = match parsed {
            Ok(parsed) => parsed,
            Err(d) => {
                return Parsed {
                    doc: None,
                    diagnostics: vec![d],
                }
            }
        };
        let target = match &meta.target {
            Some(value) => match toml_date(&source, front.toml.start, value) {
                Ok(date) => Some(date),
                Err(d) => {
                    diagnostics.push(d);
                    None
                }
            },
            None => None,
        };
        let owners = meta
            .owners
            .iter()
            .filter_map(|owner| {
                let span = source.toml_span(front.toml.start, owner.span());
                self.person(&source, owner.get_ref(), span, &mut diagnostics)
            })
            .collect();
        let marking = marks::mark(&source.text[front.body.clone()], BodyOf::Initiative);
        let source = self.edition_text(source, front.body.start, &marking, &mut diagnostics);
        let body = &source.text[front.body.clone()];
        // One pass for the summary (the first paragraph's text) and the links to check.
        let mut summary = String::new();
        let mut paragraph = ParagraphState::Before;
        for (event, range) in Parser::new_ext(body, markdown::options()).into_offset_iter() {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let span = front.body.start + range.start..front.body.start + range.end;
                    self.check_link(&source, &dest_url, span, &mut diagnostics);
                }
                Event::Start(Tag::Paragraph) if paragraph == ParagraphState::Before => {
                    paragraph = ParagraphState::Inside
                }
                Event::End(TagEnd::Paragraph) if paragraph == ParagraphState::Inside => {
                    paragraph = ParagraphState::After
                }
                Event::Text(t) | Event::Code(t) if paragraph == ParagraphState::Inside => {
                    summary.push_str(&t)
                }
                Event::SoftBreak if paragraph == ParagraphState::Inside => summary.push(' '),
                _ => {}
            }
        }
        let path = source.path.clone();
        let renderer = self.renderer_for(&path);
        let doc = InitiativeDoc {
            slug,
            title: self.names_in(&meta.title),
            status: meta.status,
            owners,
            account: meta.account,
            target,
            body_html: renderer.block(body),
            summary: shorten(&summary),
            source,
            internal: meta.internal,
            internal_ranges: marking.shifted(front.body.start),
        };
        Parsed {
            doc: Some(doc),
            diagnostics,
        }
    }
}

/// Where a pass over an initiative's body is relative to its first paragraph.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ParagraphState {
    Before,
    Inside,
    After,
}
