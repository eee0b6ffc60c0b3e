//! Reading one content file into a document: front matter, topics, tasks and mentions, each
//! kept with its position so that later stages can report problems at the right line.

use crate::content::links::ContentIndex;
use crate::content::markdown::{self, resolve_mention, tokenize, MentionTarget, Renderer, Token};
use crate::content::source::{toml_date, SourceFile};
use crate::dates::Due;
use crate::error::Diagnostic;
use crate::paths::{is_safe_segment, slugify};
use chrono::NaiveDate;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

/// Where the front matter and the body lie in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub toml: Range<usize>,
    pub body: Range<usize>,
}

/// Finds the TOML front matter between the first two `+++` lines.
pub fn split_front_matter(file: &SourceFile) -> Result<FrontMatter, Diagnostic> {
    let text = &file.text;
    if text.trim().is_empty() {
        return Err(file.error(
            0..0,
            "the file is empty; it must start with front matter between +++ lines",
        ));
    }
    let mut lines = line_ranges(text);
    let Some(first) = lines.next() else {
        return Err(file.error(0..0, "the file is empty"));
    };
    if text[first.clone()].trim_end() != "+++" {
        return Err(file.error(
            first.start..first.end,
            "expected `+++` on the first line, opening the front matter (title, date, ...)",
        ));
    }
    let toml_start = first.end + newline_len(text, first.end);
    for line in lines {
        if text[line.clone()].trim_end() == "+++" {
            let body_start = line.end + newline_len(text, line.end);
            return Ok(FrontMatter {
                toml: toml_start..line.start,
                body: body_start..text.len(),
            });
        }
    }
    Err(file.error(
        first.start..first.end,
        "the front matter opened here is never closed: add a line with `+++` after it",
    ))
}

/// Byte ranges of the lines of `text`, without their line endings.
fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = start..end.min(text.len());
        let content_end = if text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start = end + 1;
        Some(line.start..content_end.max(line.start))
    })
}

fn newline_len(text: &str, at: usize) -> usize {
    if text[at..].starts_with("\r\n") {
        2
    } else if text[at..].starts_with('\n') {
        1
    } else {
        0
    }
}

/// A person as content refers to them, resolved against people.toml.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    pub listed: bool,
}

/// A reference to an initiative, kept with its position until the initiatives are known.
#[derive(Debug, Clone)]
pub struct InitiativeRef {
    pub slug: String,
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct TaskDoc {
    pub title: String,
    /// The task's text after its title, as HTML, without the trailing owners and deadline.
    pub detail_html: Arc<str>,
    pub owners: Vec<PersonRef>,
    pub due: Option<Due>,
    pub done: bool,
    /// Index into the meeting's topics; None for meeting-level tasks.
    pub topic: Option<usize>,
    /// `{initiative=slug}` written on the task itself, for a topic that spans several threads.
    pub initiative: Option<InitiativeRef>,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct TopicDoc {
    pub slug: String,
    pub title: String,
    pub initiative: Option<InitiativeRef>,
    pub body_html: Arc<str>,
    /// The first paragraph as plain text, shortened, for lists and feeds.
    pub summary: String,
    pub participants: Vec<PersonRef>,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct MeetingDoc {
    pub source: SourceFile,
    pub slug: String,
    pub title: String,
    pub date: NaiveDate,
    pub account: Option<String>,
    pub tags: Vec<String>,
    pub attendees: Vec<PersonRef>,
    pub draft: bool,
    pub intro_html: Arc<str>,
    pub summary: String,
    pub topics: Vec<TopicDoc>,
    pub tasks: Vec<TaskDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingFront {
    title: String,
    date: Spanned<toml::value::Datetime>,
    account: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    attendees: Vec<Spanned<String>>,
    #[serde(default)]
    draft: bool,
}

/// The result of reading a file: the document if it could be read, and everything to report.
#[derive(Clone)]
pub struct Parsed<T> {
    pub doc: Option<T>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Headings that hold meeting-level tasks rather than a topic.
fn is_task_heading(title: &str) -> bool {
    let title = title.trim().trim_end_matches(':').trim();
    title.eq_ignore_ascii_case("tasks") || title.eq_ignore_ascii_case("action items")
}

const SUMMARY_CHARS: usize = 240;

fn shorten(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SUMMARY_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SectionKind {
    Intro,
    Topic,
    Tasks,
}

/// A `## ` section while the body is read.
struct Section {
    kind: SectionKind,
    title: String,
    explicit_id: Option<String>,
    initiative: Option<InitiativeRef>,
    heading: Range<usize>,
    content: Range<usize>,
    mentions: Vec<(String, usize)>,
    first_paragraph: Option<String>,
    task_lines: Vec<Range<usize>>,
}

impl Section {
    fn new(kind: SectionKind, heading: Range<usize>) -> Self {
        Section {
            kind,
            title: String::new(),
            explicit_id: None,
            initiative: None,
            content: heading.end..heading.end,
            heading,
            mentions: Vec::new(),
            first_paragraph: None,
            task_lines: Vec::new(),
        }
    }
}

/// A task item while it is read.
struct OpenTask {
    item: Range<usize>,
    done: bool,
    section: usize,
    seen_content: bool,
    in_title: bool,
    bold_title: Option<String>,
    title_end: Option<usize>,
    plain: String,
    /// Where in `plain` and in the body links and code spans lie: a sentence does not end
    /// inside them ("Call [Dr. Smith](…)").
    plain_protected: Vec<Range<usize>>,
    source_protected: Vec<Range<usize>>,
    mentions: Vec<(String, usize)>,
    due: Option<Due>,
    /// Where the task's own text ends when a task list is nested in it: the nested items are
    /// tasks of their own.
    own_end: Option<usize>,
}

impl OpenTask {
    /// The end of the task's own text in the body.
    fn end(&self) -> usize {
        self.own_end.unwrap_or(self.item.end)
    }
}

struct Item {
    range: Range<usize>,
    task: Option<OpenTask>,
}

/// Reads meeting files.
pub struct MeetingReader<'a> {
    pub renderer: Renderer<'a>,
    /// The site's content files, to check and rewrite links between them.
    pub links: Option<&'a ContentIndex>,
}

impl MeetingReader<'_> {
    /// The renderer for one file: links to other content files resolve from where it lies.
    fn renderer_for<'s>(&'s self, path: &'s Path) -> Renderer<'s> {
        Renderer {
            links: self.links.map(|index| (index, path)),
            ..self.renderer
        }
    }

    /// A warning for each link to a content file that does not exist.
    fn check_link(
        &self,
        source: &SourceFile,
        url: &str,
        span: Range<usize>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        if let Some(Err(why)) = self
            .links
            .and_then(|index| index.resolve(&source.path, url))
        {
            diagnostics.push(source.warning(span, why));
        }
    }

    pub fn read(&self, source: SourceFile, slug: String) -> Parsed<MeetingDoc> {
        let mut diagnostics = Vec::new();
        let path = source.path.clone();
        let renderer = self.renderer_for(&path);
        let front = match split_front_matter(&source) {
            Ok(front) => front,
            Err(d) => {
                return Parsed {
                    doc: None,
                    diagnostics: vec![d],
                }
            }
        };
        let meta: MeetingFront = match source.parse_toml(front.toml.clone()) {
            Ok(meta) => meta,
            Err(d) => {
                return Parsed {
                    doc: None,
                    diagnostics: vec![d],
                }
            }
        };
        let date = match toml_date(&source, front.toml.start, &meta.date) {
            Ok(date) => Some(date),
            Err(d) => {
                diagnostics.push(d);
                None
            }
        };
        let attendees = meta
            .attendees
            .iter()
            .filter_map(|name| {
                let span = source.toml_span(front.toml.start, name.span());
                self.person(&source, name.get_ref(), span, &mut diagnostics)
            })
            .collect();

        let body = &source.text[front.body.clone()];
        let base = front.body.start;
        let (sections, open_tasks) = self.scan_body(&source, body, base, date, &mut diagnostics);

        // Topics, in order, with their slugs checked.
        let mut topics: Vec<TopicDoc> = Vec::new();
        let mut topic_of_section = vec![None; sections.len()];
        for (index, section) in sections.iter().enumerate() {
            if section.kind != SectionKind::Topic {
                continue;
            }
            let heading_span = base + section.heading.start..base + section.heading.end;
            let slug = match &section.explicit_id {
                Some(id) => id.clone(),
                None => slugify(&section.title),
            };
            if !is_safe_segment(&slug) || (section.explicit_id.is_some() && slug != slugify(&slug))
            {
                diagnostics.push(source.error(
                    heading_span,
                    format!(
                        "topic id `{slug}` cannot be used in an address: use letters, digits and hyphens, e.g. {{#{}}}",
                        slugify(&section.title)
                    ),
                ));
                continue;
            }
            if topics.iter().any(|t| t.slug == slug) {
                diagnostics.push(source.error(
                    heading_span,
                    format!(
                        "a second topic with the id `{slug}` in this meeting; give one of them another id with {{#other-id}}"
                    ),
                ));
                continue;
            }
            topic_of_section[index] = Some(topics.len());
            let participants = self.people_of(&source, &section.mentions, &mut diagnostics);
            topics.push(TopicDoc {
                slug,
                title: section.title.clone(),
                initiative: section.initiative.clone(),
                body_html: renderer
                    .block(&without_ranges(body, &section.content, &section.task_lines))
                    .into(),
                summary: shorten(section.first_paragraph.as_deref().unwrap_or_default()),
                participants,
                line: source.line_at(base + section.heading.start).0,
            });
        }

        let tasks = open_tasks
            .into_iter()
            .map(|task| {
                let topic = topic_of_section[task.section];
                self.finish_task(&renderer, &source, body, base, task, topic)
            })
            .collect();

        let intro = &sections[0];
        let intro_html = renderer.block(&without_ranges(body, &intro.content, &intro.task_lines));
        // Intro mentions are checked like any other.
        self.people_of(&source, &intro.mentions, &mut diagnostics);
        for section in sections.iter().filter(|s| s.kind == SectionKind::Tasks) {
            self.people_of(&source, &section.mentions, &mut diagnostics);
        }
        let summary = shorten(
            intro
                .first_paragraph
                .as_deref()
                .or_else(|| topics.first().map(|t| t.summary.as_str()))
                .unwrap_or_default(),
        );

        let doc = date.map(|date| MeetingDoc {
            slug,
            title: meta.title,
            date,
            account: meta.account,
            tags: meta.tags,
            attendees,
            draft: meta.draft,
            intro_html: intro_html.into(),
            summary,
            topics,
            tasks,
            source,
        });
        Parsed { doc, diagnostics }
    }

    /// One pass over the Markdown events: sections, task items, mentions and deadlines.
    fn scan_body(
        &self,
        source: &SourceFile,
        body: &str,
        base: usize,
        meeting_date: Option<NaiveDate>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Vec<Section>, Vec<OpenTask>) {
        let mut sections = vec![Section::new(SectionKind::Intro, 0..0)];
        let mut items: Vec<Item> = Vec::new();
        let mut tasks: Vec<OpenTask> = Vec::new();
        let mut in_heading = false;
        let mut paragraph: Option<String> = None;
        let mut code_block = false;

        let mut link_start: Option<(usize, usize)> = None;
        let mut comments = markdown::Comments::default();
        for (event, range) in Parser::new_ext(body, markdown::options()).into_offset_iter() {
            let section_index = sections.len() - 1;
            // Raw HTML is shown as text unless the site allows it, so it is text here too: a
            // title "Plan for <ACME> rollout" keeps its `<ACME>`. Comments are notes to
            // writers, left out of pages as well.
            let event = match event {
                Event::InlineHtml(html) | Event::Html(html)
                    if !self.renderer.allow_html && !comments.is_comment(&html) =>
                {
                    Event::Text(html)
                }
                other => other,
            };
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    id,
                    attrs,
                    ..
                }) => {
                    if let Some(current) = sections.last_mut() {
                        current.content.end = range.start;
                    }
                    let mut section = Section::new(SectionKind::Topic, range.clone());
                    section.explicit_id = id.map(|id| id.to_string());
                    for (key, value) in attrs {
                        if key.as_ref() == "initiative" {
                            let slug = value.map(|v| v.to_string()).unwrap_or_default();
                            let heading_text = &body[range.clone()];
                            let span = heading_text.find(&format!("initiative={slug}")).map_or(
                                range.clone(),
                                |at| {
                                    let start = range.start + at + "initiative=".len();
                                    start..start + slug.len()
                                },
                            );
                            section.initiative = Some(InitiativeRef {
                                slug,
                                span: base + span.start..base + span.end,
                            });
                        }
                    }
                    sections.push(section);
                    in_heading = true;
                }
                Event::End(TagEnd::Heading(HeadingLevel::H2)) => {
                    in_heading = false;
                    if let Some(section) = sections.last_mut() {
                        section.title = section.title.trim().to_string();
                        section.content = range.end..range.end;
                        if is_task_heading(&section.title) {
                            section.kind = SectionKind::Tasks;
                        }
                    }
                }
                Event::Start(Tag::Link { dest_url, .. }) => {
                    self.check_link(
                        source,
                        &dest_url,
                        base + range.start..base + range.end,
                        diagnostics,
                    );
                    if let Some(task) = innermost_task(&mut items) {
                        link_start = Some((task.plain.len(), range.start));
                        task.source_protected.push(range.clone());
                    }
                }
                Event::End(TagEnd::Link) => {
                    if let (Some((plain_start, _)), Some(task)) =
                        (link_start.take(), innermost_task(&mut items))
                    {
                        task.plain_protected.push(plain_start..task.plain.len());
                    }
                }
                Event::Start(Tag::CodeBlock(_)) => code_block = true,
                Event::End(TagEnd::CodeBlock) => code_block = false,
                Event::Start(Tag::Paragraph)
                    if items.is_empty() && sections[section_index].first_paragraph.is_none() =>
                {
                    paragraph = Some(String::new());
                }
                Event::End(TagEnd::Paragraph) => {
                    if let Some(text) = paragraph.take() {
                        sections[section_index].first_paragraph = Some(text);
                    }
                }
                Event::Start(Tag::Item) => items.push(Item {
                    range: range.clone(),
                    task: None,
                }),
                Event::TaskListMarker(done) => {
                    // Every task-list item is a task; one nested in another ends the outer
                    // one's own text at the line it starts on.
                    if let Some((item, outer)) = items.split_last_mut() {
                        let line_start = body[..item.range.start].rfind('\n').map_or(0, |i| i + 1);
                        if let Some(parent) = innermost_task(outer) {
                            parent.own_end.get_or_insert(line_start);
                        }
                        item.task = Some(OpenTask {
                            item: item.range.clone(),
                            done,
                            section: section_index,
                            seen_content: false,
                            in_title: false,
                            bold_title: None,
                            title_end: None,
                            plain: String::new(),
                            plain_protected: Vec::new(),
                            source_protected: Vec::new(),
                            mentions: Vec::new(),
                            due: None,
                            own_end: None,
                        });
                    }
                }
                Event::End(TagEnd::Item) => {
                    if let Some(Item {
                        task: Some(task), ..
                    }) = items.pop()
                    {
                        sections[task.section]
                            .task_lines
                            .push(whole_lines(body, task.item.start..task.end()));
                        tasks.push(task);
                    }
                }
                Event::Start(Tag::Strong) => {
                    if let Some(task) = innermost_task(&mut items) {
                        if !task.seen_content {
                            task.in_title = true;
                            task.bold_title = Some(String::new());
                        }
                        task.seen_content = true;
                    }
                }
                Event::End(TagEnd::Strong) => {
                    if let Some(task) = innermost_task(&mut items) {
                        if task.in_title {
                            task.in_title = false;
                            task.title_end = Some(range.end);
                        }
                    }
                }
                Event::Text(text) if !code_block => {
                    if in_heading {
                        sections[section_index].title.push_str(&text);
                        continue;
                    }
                    // Positions are exact when the text is written as is (no entities).
                    let written_as_is = body[range.clone()] == *text;
                    let escaped = markdown::starts_escaped(body, &range);
                    for (token_range, token) in markdown::tokenize_text(&text, escaped) {
                        let offset = if written_as_is {
                            base + range.start + token_range.start
                        } else {
                            base + range.start
                        };
                        let shown = match token {
                            Token::Text(plain) => plain.to_string(),
                            Token::Mention(written) => {
                                sections[section_index]
                                    .mentions
                                    .push((written.to_string(), offset));
                                if let Some(task) = innermost_task(&mut items) {
                                    task.mentions.push((written.to_string(), offset));
                                }
                                match resolve_mention(self.renderer.people, written) {
                                    Some(MentionTarget::Person { name, .. }) => name,
                                    _ => format!("@{written}"),
                                }
                            }
                            Token::Due(value) => {
                                match Due::parse(value) {
                                    Ok(due) => {
                                        if let Some(task) = innermost_task(&mut items) {
                                            if let Some(why) =
                                                implausible_deadline(&due, meeting_date, task.done)
                                            {
                                                diagnostics.push(source.warning(
                                                    offset..offset + token_range.len(),
                                                    why,
                                                ));
                                            }
                                            task.due.get_or_insert(due);
                                        }
                                    }
                                    Err(message) => diagnostics.push(
                                        source.error(offset..offset + token_range.len(), message),
                                    ),
                                }
                                String::new()
                            }
                        };
                        if let Some(text) = paragraph.as_mut() {
                            text.push_str(&shown);
                        }
                        if let Some(task) = innermost_task(&mut items) {
                            task.seen_content = true;
                            task.plain.push_str(&shown);
                            if task.in_title {
                                if let Some(title) = task.bold_title.as_mut() {
                                    title.push_str(&shown);
                                }
                            }
                        }
                    }
                }
                Event::Code(code) => {
                    if in_heading {
                        sections[section_index].title.push_str(&code);
                        continue;
                    }
                    if let Some(text) = paragraph.as_mut() {
                        text.push_str(&code);
                    }
                    if let Some(task) = innermost_task(&mut items) {
                        task.seen_content = true;
                        task.plain_protected
                            .push(task.plain.len()..task.plain.len() + code.len());
                        task.source_protected.push(range.clone());
                        task.plain.push_str(&code);
                        if task.in_title {
                            if let Some(title) = task.bold_title.as_mut() {
                                title.push_str(&code);
                            }
                        }
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(text) = paragraph.as_mut() {
                        text.push(' ');
                    }
                    if let Some(task) = innermost_task(&mut items) {
                        task.plain.push(' ');
                    }
                }
                _ => {}
            }
        }
        if let Some(last) = sections.last_mut() {
            last.content.end = body.len();
        }
        (sections, tasks)
    }

    fn finish_task(
        &self,
        renderer: &Renderer,
        source: &SourceFile,
        body: &str,
        base: usize,
        task: OpenTask,
        topic: Option<usize>,
    ) -> TaskDoc {
        let item_end = task.end();
        let item_text = &body[task.item.start..item_end];
        let after_marker = task.item.start + item_text.find(']').map_or(0, |i| i + 1);
        let (title, detail_start) = match (&task.bold_title, task.title_end) {
            (Some(bold), Some(end)) if !bold.trim().is_empty() => (clean_title(bold), end),
            _ => {
                let plain = task.plain.trim_end();
                let sentence_end =
                    first_sentence_end(plain, &task.plain_protected).unwrap_or(plain.len());
                let title = clean_title(&plain[..sentence_end]);
                // The detail starts after the first sentence in the source too.
                let source_rest = &body[after_marker..item_end];
                let protected: Vec<Range<usize>> = task
                    .source_protected
                    .iter()
                    .map(|r| {
                        r.start.saturating_sub(after_marker)..r.end.saturating_sub(after_marker)
                    })
                    .collect();
                let skip = first_sentence_end(source_rest, &protected).unwrap_or(source_rest.len());
                (title, after_marker + skip)
            }
        };
        let detail_source = &body[detail_start.min(item_end)..item_end];
        // `{initiative=slug}` is taken out wherever it stands; the text around it stays.
        let mut initiative = None;
        let mut cut: Option<Range<usize>> = None;
        if let Some(at) = detail_source.rfind("{initiative=") {
            let value_start = at + "{initiative=".len();
            if let Some(len) = detail_source[value_start..].find('}') {
                let start = base + detail_start + value_start;
                initiative = Some(InitiativeRef {
                    slug: detail_source[value_start..value_start + len]
                        .trim()
                        .to_string(),
                    span: start..start + len,
                });
                cut = Some(at..value_start + len + 1);
            }
        }
        let detail_text: std::borrow::Cow<str> = match &cut {
            Some(cut) => format!(
                "{}{}",
                &detail_source[..cut.start],
                &detail_source[cut.end..]
            )
            .into(),
            None => detail_source.into(),
        };
        let (detail, trailing) = split_trailing_metadata(&detail_text);
        // Where the trailing words start in the body.
        let cut_before_trailing = cut
            .as_ref()
            .filter(|cut| cut.start <= detail.len())
            .map_or(0, |cut| cut.len());
        let trailing_start = base + detail_start + detail.len() + cut_before_trailing;
        let trailing_mentions: Vec<&str> = tokenize(trailing)
            .into_iter()
            .filter_map(|(_, t)| match t {
                Token::Mention(written) => Some(written),
                _ => None,
            })
            .collect();
        // Owners are the people named at the end of the task ("... @Sigi @Oana due:..."); a task
        // that names nobody there is owned by everyone it mentions.
        let owner_mentions: Vec<(String, usize)> = if trailing_mentions.is_empty() {
            task.mentions.clone()
        } else {
            task.mentions
                .iter()
                .filter(|(written, offset)| {
                    *offset >= trailing_start && trailing_mentions.contains(&written.as_str())
                })
                .cloned()
                .collect()
        };
        // Unknown names were already reported with the section's mentions.
        let owners = self.people_of(source, &owner_mentions, &mut Vec::new());
        TaskDoc {
            title,
            detail_html: renderer
                .inline(&sentence_case(
                    detail.trim().trim_start_matches([':', '.', '-']).trim(),
                ))
                .into(),
            owners,
            due: task.due,
            done: task.done,
            topic,
            initiative,
            line: source.line_at(base + task.item.start).0,
        }
    }

    /// Resolves mentions to people, in order of first mention, warning about unknown and
    /// ambiguous names at their position.
    fn people_of(
        &self,
        source: &SourceFile,
        mentions: &[(String, usize)],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Vec<PersonRef> {
        let mut people: Vec<PersonRef> = Vec::new();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for (written, offset) in mentions {
            let span = *offset..*offset + written.len() + 1;
            if let Some(person) = self.person(source, written, span, diagnostics) {
                if seen.insert(person.id.clone()) {
                    people.push(person);
                }
            }
        }
        people
    }

    fn person(
        &self,
        source: &SourceFile,
        written: &str,
        span: Range<usize>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<PersonRef> {
        match resolve_mention(self.renderer.people, written) {
            Some(MentionTarget::Person { id, name, listed }) => {
                if !listed {
                    diagnostics.push(source.warning(
                        span,
                        format!(
                            "`{written}` is not in content/people.toml; add [{id}] there (they still get an owner page)"
                        ),
                    ));
                }
                Some(PersonRef { id, name, listed })
            }
            Some(MentionTarget::Ambiguous(ids)) => {
                diagnostics.push(source.warning(
                    span,
                    format!(
                        "`{written}` could be any of {}; write the id instead",
                        ids.join(", ")
                    ),
                ));
                None
            }
            None => None,
        }
    }
}

/// Deadlines this many years after their meeting are taken for typos.
const FAR_DEADLINE_YEARS: u32 = 5;

/// Why a deadline looks like a typo, if it does: before the meeting (for an open task) or
/// years after it.
fn implausible_deadline(
    due: &Due,
    meeting_date: Option<NaiveDate>,
    done: bool,
) -> Option<&'static str> {
    let meeting = meeting_date?;
    if !done && due.date < meeting {
        return Some("this deadline is before the meeting's date; a typo in the year or month?");
    }
    let far = meeting.checked_add_months(chrono::Months::new(12 * FAR_DEADLINE_YEARS))?;
    (due.date > far)
        .then_some("this deadline is more than five years after the meeting; a typo in the year?")
}

/// Where the first sentence of `text` ends (just after its full stop), not counting a full stop
/// inside a protected range (a link or a code span).
fn first_sentence_end(text: &str, protected: &[Range<usize>]) -> Option<usize> {
    text.match_indices(". ")
        .map(|(at, _)| at)
        .find(|at| !protected.iter().any(|range| range.contains(at)))
        .map(|at| at + 1)
}

fn innermost_task(items: &mut [Item]) -> Option<&mut OpenTask> {
    items.iter_mut().rev().find_map(|item| item.task.as_mut())
}

/// The text with its first letter in upper case: after "**Title:**" the rest reads as a sentence.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// A task title without the punctuation that ends a bold lead-in ("Close the deal:").
fn clean_title(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([':', '.', ' ', ';', ','])
        .to_string()
}

/// Splits off the run of `@owner` and `due:` words that ends a task, the way people write
/// "… @Sigi @Oana due:2025-11-28".
pub fn split_trailing_metadata(text: &str) -> (&str, &str) {
    let mut end = text.trim_end().len();
    loop {
        let head = text[..end].trim_end();
        let word_start = head.rfind(char::is_whitespace).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &head[word_start..];
        // The last word may end the sentence ("… @patrick-faut."); before it, a word with
        // punctuation ("and @Matthias. @Sigi") belongs to the prose.
        let is_last = head.len() == text.trim_end().len();
        let bare = if is_last {
            word.trim_end_matches('.')
        } else {
            word
        };
        let is_meta = match tokenize(bare).as_slice() {
            [(range, Token::Mention(_) | Token::Due(_))] => range.len() == bare.len(),
            _ => false,
        };
        if word.is_empty() || !is_meta {
            return (&text[..end], &text[end..]);
        }
        end = word_start;
    }
}

/// The source with the given ranges cut out, limited to `within`.
fn without_ranges(text: &str, within: &Range<usize>, cut: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(within.len());
    let mut at = within.start;
    let mut sorted: Vec<&Range<usize>> = cut.iter().collect();
    sorted.sort_by_key(|range| range.start);
    for range in sorted {
        if range.start < within.start || range.end > within.end {
            continue;
        }
        if range.start >= at {
            out.push_str(&text[at..range.start]);
        }
        at = at.max(range.end);
    }
    out.push_str(&text[at.min(within.end)..within.end]);
    out
}

/// Extends a range to whole lines, including the final line break.
fn whole_lines(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = if range.end > 0 && text[..range.end].ends_with('\n') {
        range.end
    } else {
        text[range.end..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i + 1)
    };
    start..end
}

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
            title: meta.title,
            status: meta.status,
            owners,
            account: meta.account,
            target,
            body_html: renderer.block(body),
            summary: shorten(&summary),
            source,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::people::{People, Person};

    fn people() -> People {
        let mut people = People::default();
        for (id, name, aliases) in [
            ("sigi", "Sigi", vec![]),
            ("manon", "Manon", vec![]),
            ("oana", "Oana", vec![]),
            ("robbie", "Robbie", vec!["Robby".to_string()]),
            ("patrick-faut", "Patrick Faut", vec![]),
        ] {
            people.insert(Person {
                id: id.into(),
                name: name.into(),
                role: None,
                aliases,
                listed: true,
            });
        }
        people
    }

    const MEETING: &str = "+++
title = \"Proximus account team meeting, November 2025\"
date = 2025-11-20
account = \"Proximus\"
tags = [\"monthly\"]
+++
Optional introduction, before the first topic.

## Proximus package deal progress {initiative=package-deal}
@Sigi, @Olivia, @Manon and @Oana discussed the status of the package deal.

- **Mac exception negotiations:** @Olivia and @Sigi explained that ...
- **Intune and Netskope testing:** @Manon reported ...

- [ ] **Close the package deal:** coordinate with @Robby and @Karla on DLP and Netskope. @Manon due:2025-11-28

## Tasks
- [ ] **Backbone Excel file:** send a message to LM or Helen. @Sigi @Oana due:2025-11-28
- [x] **Confirm the ServiceNow deal with Barco.** @patrick-faut
";

    fn read(text: &str) -> Parsed<MeetingDoc> {
        let people = people();
        let reader = MeetingReader {
            renderer: Renderer {
                people: &people,
                allow_html: false,
                links: None,
            },
            links: None,
        };
        reader.read(
            SourceFile::new(std::path::Path::new("content/meetings/m.md"), text.into()),
            "m".into(),
        )
    }

    #[test]
    fn the_spec_example_reads_as_specified() {
        let parsed = read(MEETING);
        let doc = parsed.doc.unwrap();
        assert_eq!(doc.topics.len(), 1);
        let topic = &doc.topics[0];
        assert_eq!(topic.slug, "proximus-package-deal-progress");
        assert_eq!(topic.initiative.as_ref().unwrap().slug, "package-deal");
        let ids: Vec<_> = topic.participants.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["sigi", "olivia", "manon", "oana", "robbie", "karla"]);
        assert!(topic.body_html.contains("Mac exception negotiations"));
        assert!(!topic.body_html.contains("Close the package deal"));

        assert_eq!(doc.tasks.len(), 3);
        let close = &doc.tasks[0];
        assert_eq!(close.title, "Close the package deal");
        let owners: Vec<_> = close.owners.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(owners, ["manon"]);
        assert_eq!(close.due.unwrap().token(), "2025-11-28");
        assert_eq!(close.topic, Some(0));
        assert!(!close.done);
        assert_eq!(close.line, 15);
        assert!(
            close.detail_html.starts_with("Coordinate with <a"),
            "{}",
            close.detail_html
        );

        let backbone = &doc.tasks[1];
        assert_eq!(backbone.title, "Backbone Excel file");
        let owners: Vec<_> = backbone.owners.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(owners, ["sigi", "oana"]);
        assert_eq!(backbone.topic, None);
        assert_eq!(&*backbone.detail_html, "Send a message to LM or Helen.");

        let confirm = &doc.tasks[2];
        assert_eq!(confirm.title, "Confirm the ServiceNow deal with Barco");
        assert!(confirm.done);
        assert_eq!(confirm.owners[0].id, "patrick-faut");
        assert_eq!(confirm.due, None);

        // Olivia and Karla are not in people.toml: warned about where they are written.
        let warnings: Vec<_> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.line, d.column, d.is_error()))
            .collect();
        assert!(warnings.contains(&(10, 8, false)), "{warnings:?}");
    }

    #[test]
    fn impossible_deadline_is_an_error_at_its_column() {
        let text = MEETING.replace("due:2025-11-28\n\n## Tasks", "due:2025-02-30\n\n## Tasks");
        let parsed = read(&text);
        let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
        assert_eq!(errors.len(), 1);
        assert_eq!((errors[0].line, errors[0].column), (15, 97));
        assert!(errors[0].message.contains("2025-02-30"));
    }

    #[test]
    fn front_matter_errors_point_into_the_file() {
        let text = MEETING.replace("tags = [", "tagz = [");
        let parsed = read(&text);
        assert!(parsed.doc.is_none());
        let d = &parsed.diagnostics[0];
        assert_eq!((d.line, d.column), (5, 1));
        assert!(d.message.contains("tagz"), "{}", d.message);
    }

    #[test]
    fn unclosed_and_missing_front_matter_are_reported() {
        let parsed = read("+++\ntitle = \"x\"\n");
        assert!(parsed.diagnostics[0].message.contains("never closed"));
        let parsed = read("title = \"x\"\n");
        assert!(parsed.diagnostics[0].message.contains("first line"));
        let parsed = read("\n  \n");
        assert!(parsed.diagnostics[0].message.contains("empty"));
    }

    #[test]
    fn duplicate_and_unsafe_topic_ids_are_errors() {
        let text = "+++\ntitle = \"t\"\ndate = 2025-01-01\n+++\n## A\n\n## A\n\n## B {#..}\n";
        let parsed = read(text);
        let lines: Vec<_> = parsed
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.line)
            .collect();
        assert_eq!(lines, [7, 9]);
    }

    #[test]
    fn trailing_metadata_is_split_off() {
        assert_eq!(
            split_trailing_metadata("send it. @Sigi @Oana due:2025-11-28"),
            ("send it. ", "@Sigi @Oana due:2025-11-28")
        );
        assert_eq!(
            split_trailing_metadata("ask @Sigi about it"),
            ("ask @Sigi about it", "")
        );
        assert_eq!(
            split_trailing_metadata("with @Steven and @Matthias. @Alberto-Manuel"),
            ("with @Steven and @Matthias. ", "@Alberto-Manuel")
        );
        assert_eq!(
            split_trailing_metadata("Barco. @patrick-faut."),
            ("Barco. ", "@patrick-faut.")
        );
    }

    #[test]
    fn a_task_without_bold_takes_its_first_sentence_as_title() {
        let text = "+++\ntitle = \"t\"\ndate = 2025-01-01\n+++\n## Tasks\n- [ ] Call the customer. Ask about the budget. @sigi due:2025-01\n";
        let doc = read(text).doc.unwrap();
        assert_eq!(doc.tasks[0].title, "Call the customer");
        assert_eq!(&*doc.tasks[0].detail_html, "Ask about the budget.");
        assert_eq!(doc.tasks[0].due.unwrap().token(), "2025-01");
    }

    fn tasks_of(body: &str) -> Vec<TaskDoc> {
        let text = format!("+++\ntitle = \"t\"\ndate = 2025-01-01\n+++\n{body}");
        let parsed = read(&text);
        assert!(
            parsed.diagnostics.iter().all(|d| !d.is_error()),
            "{:?}",
            parsed.diagnostics
        );
        parsed.doc.unwrap().tasks
    }

    fn ids(people: &[PersonRef]) -> Vec<&str> {
        people.iter().map(|p| p.id.as_str()).collect()
    }

    #[test]
    fn an_initiative_in_the_middle_of_a_task_keeps_the_text_after_it() {
        let tasks = tasks_of(
            "## Tasks\n- [ ] **Plan:** call them {initiative=deal} before Friday, then report. @Sigi due:2025-12-01\n",
        );
        assert_eq!(tasks[0].initiative.as_ref().unwrap().slug, "deal");
        assert_eq!(
            &*tasks[0].detail_html,
            "Call them  before Friday, then report."
        );
        assert_eq!(ids(&tasks[0].owners), ["sigi"]);
        assert_eq!(tasks[0].due.unwrap().token(), "2025-12-01");
    }

    #[test]
    fn raw_html_in_titles_is_kept_as_text() {
        let text = "+++\ntitle = \"t\"\ndate = 2025-01-01\n+++\n## Plan for <ACME> rollout\nText.\n\n- [ ] **Ask <ACME> for the <b>date</b>** @Sigi\n- [ ] Call <ACME>. Soon.\n";
        let doc = read(text).doc.unwrap();
        assert_eq!(doc.topics[0].title, "Plan for <ACME> rollout");
        assert_eq!(doc.tasks[0].title, "Ask <ACME> for the <b>date</b>");
        assert_eq!(doc.tasks[1].title, "Call <ACME>");
    }

    #[test]
    fn every_task_list_item_is_a_task_nested_ones_too() {
        let tasks = tasks_of(
            "## Tasks\n- [ ] **Parent:** the outer task. @Sigi due:2025-12-01\n  - [ ] **Child:** the inner task. @Manon due:2025-12-15\n  - [x] **Done child** @Oana\n- [ ] **Sibling** @Robbie\n",
        );
        let titles: Vec<&str> = tasks.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles.len(), 4, "{titles:?}");
        let by_title = |title: &str| tasks.iter().find(|t| t.title == title).unwrap();
        let parent = by_title("Parent");
        assert_eq!(ids(&parent.owners), ["sigi"]);
        assert_eq!(parent.due.unwrap().token(), "2025-12-01");
        assert_eq!(&*parent.detail_html, "The outer task.");
        let child = by_title("Child");
        assert_eq!(ids(&child.owners), ["manon"]);
        assert_eq!(child.due.unwrap().token(), "2025-12-15");
        assert!(by_title("Done child").done);
        assert_eq!(ids(&by_title("Sibling").owners), ["robbie"]);
    }

    #[test]
    fn a_plain_title_does_not_end_inside_a_link_or_code() {
        let tasks = tasks_of(
            "## Tasks\n- [ ] Call [Dr. Smith](https://example.com/a.b) about `v1. 2` today. Then report. @Sigi\n",
        );
        assert_eq!(tasks[0].title, "Call Dr. Smith about v1. 2 today");
        assert_eq!(&*tasks[0].detail_html, "Then report.");
    }
}
