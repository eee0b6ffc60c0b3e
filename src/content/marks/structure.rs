//! The structure of a body as pulldown-cmark reads it: where its headings, points, paragraphs,
//! code and footnotes lie, so that a marker is read by the block it stands in.

use crate::content::markdown;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Debug)]
pub(super) struct Heading {
    pub(super) level: usize,
    pub(super) range: Range<usize>,
    /// What pulldown-cmark read as its attributes, as written: `.class`, `#id`, `key=value`.
    pub(super) attributes: Vec<String>,
}

#[derive(Debug)]
pub(super) struct Block {
    pub(super) range: Range<usize>,
    pub(super) task: bool,
}

#[derive(Debug)]
pub(super) struct CodeBlock {
    pub(super) range: Range<usize>,
    /// The info string of a fenced block; None for an indented one.
    pub(super) info: Option<String>,
}

/// The structure of a body as pulldown-cmark reads it: where each kind of block lies.
#[derive(Debug, Default)]
pub(super) struct Structure {
    pub(super) headings: Vec<Heading>,
    pub(super) items: Vec<Block>,
    pub(super) paragraphs: Vec<Range<usize>>,
    pub(super) code_blocks: Vec<CodeBlock>,
    /// Code spans, raw HTML (comments too) and tables: text where no marker is read.
    pub(super) opaque: Vec<Range<usize>>,
    pub(super) footnote_references: Vec<(String, Range<usize>)>,
    pub(super) footnote_definitions: Vec<(String, Range<usize>)>,
}

pub(super) fn structure(body: &str) -> Structure {
    let mut found = Structure::default();
    let mut open_items: Vec<usize> = Vec::new();
    let mut open_footnote: Option<(String, usize)> = None;
    for (event, range) in Parser::new_ext(body, markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let mut attributes: Vec<String> =
                    classes.iter().map(|class| format!(".{class}")).collect();
                attributes.extend(id.map(|id| format!("#{id}")));
                attributes.extend(attrs.iter().map(|(key, value)| match value {
                    Some(value) => format!("{key}={value}"),
                    None => key.to_string(),
                }));
                found.headings.push(Heading {
                    level: heading_level(level),
                    range,
                    attributes,
                });
            }
            Event::Start(Tag::Item) => {
                open_items.push(found.items.len());
                found.items.push(Block { range, task: false });
            }
            Event::End(TagEnd::Item) => {
                open_items.pop();
            }
            Event::TaskListMarker(_) => {
                if let Some(&item) = open_items.last() {
                    found.items[item].task = true;
                }
            }
            Event::Start(Tag::Paragraph) => found.paragraphs.push(range),
            Event::Start(Tag::CodeBlock(kind)) => found.code_blocks.push(CodeBlock {
                range,
                info: match kind {
                    CodeBlockKind::Fenced(info) => Some(info.to_string()),
                    CodeBlockKind::Indented => None,
                },
            }),
            Event::Code(_)
            | Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Start(Tag::Table(_)) => found.opaque.push(range),
            Event::FootnoteReference(label) => {
                found.footnote_references.push((label.to_string(), range))
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                open_footnote = Some((label.to_string(), range.start));
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                if let Some((label, start)) = open_footnote.take() {
                    found.footnote_definitions.push((label, start..range.end));
                }
            }
            _ => {}
        }
    }
    found
}

fn heading_level(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Where a fenced block's opening fence stands and whether a closing fence ends it.
pub(super) fn is_closed(body: &str, block: &CodeBlock) -> bool {
    let text = &body[block.range.clone()];
    let opening = text.trim_start();
    let Some(fence) = opening.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return true;
    };
    let length = opening.chars().take_while(|c| *c == fence).count();
    let Some((_, last)) = text.rsplit_once('\n') else {
        return false;
    };
    let last = last.trim();
    last.len() >= length && last.chars().all(|c| c == fence)
}
