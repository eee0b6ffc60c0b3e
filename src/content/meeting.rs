//! Reading one content file into a document: front matter, topics, tasks and mentions, each
//! kept with its position so that later stages can report problems at the right line.

mod checks;
mod edition;
mod scan;
pub(crate) use checks::RECAP_EXTENSIONS;
#[cfg(test)]
pub(crate) use checks::TEMPLATE_PHRASES;
use checks::{check_task, check_task_ids, date_matches_name, kept_recap, template_text};

use crate::content::front_matter::split_front_matter;
use crate::content::links::{ContentIndex, Withheld};
use crate::content::markdown::{self, resolve_mention, tokenize, MentionTarget, Renderer, Token};
use crate::content::marks::{self, BodyOf, Marking};
use crate::content::people::People;
use crate::content::source::{toml_date, SourceFile};
use crate::content::task_text::{
    clean_title, first_sentence_end, implausible_deadline, position_before_cuts, sentence_case,
    split_trailing_metadata, task_attributes, whole_lines, without_ranges,
};
use crate::dates::Due;
use crate::error::Diagnostic;
use crate::paths::{is_safe_segment, slugify};
use chrono::NaiveDate;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// A person as content refers to them, resolved against people.toml.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PersonRef {
    pub id: String,
    pub name: String,
    pub listed: bool,
}

/// A slug as written in a meeting (an initiative's, a task's id), kept with its position
/// until what it names is known.
#[derive(Debug, Clone)]
pub struct SlugRef {
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
    /// `done:YYYY-MM-DD` on a done task: the day it was done.
    pub done_on: Option<NaiveDate>,
    /// Index into the meeting's topics; None for meeting-level tasks.
    pub topic: Option<usize>,
    /// `{initiative=slug}` written on the task itself, for a topic that spans several threads.
    pub initiative: Option<SlugRef>,
    /// `{#id}`: the same id in another meeting is the same task, continued.
    pub id: Option<SlugRef>,
    /// Owned by someone of the account team only (`internal = true` in people.toml), whom the
    /// customer edition does not name: shown as owned by "the account team".
    pub team_owned: bool,
    /// `{.internal}`: the team's own; the customer edition leaves it out.
    pub internal: bool,
    pub line: usize,
    /// The first line of its item in the file, for what is said about the task as a whole.
    pub span: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct TopicDoc {
    pub slug: String,
    pub title: String,
    pub initiative: Option<SlugRef>,
    pub body_html: Arc<str>,
    /// The first paragraph as plain text, shortened, for lists and feeds.
    pub summary: String,
    pub participants: Vec<PersonRef>,
    /// The participants named in the discussion rather than only in a task.
    pub discussed_by: Vec<PersonRef>,
    pub line: usize,
    /// `{.internal}` on its heading: the customer edition leaves it out, with its tasks.
    pub internal: bool,
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
    /// `internal = true`: the team's own meeting; the customer edition leaves all of it out.
    pub internal: bool,
    /// The recap it was imported from, relative to the site root: the team's edition
    /// publishes it beside the meeting's page.
    pub recap: Option<PathBuf>,
    pub intro_html: Arc<str>,
    /// The lines of the file marked internal (`content::marks`), by byte range: what the
    /// customer edition leaves out, and the leak check looks for in it.
    pub internal_ranges: Vec<Range<usize>>,
    /// What stands under `## Tasks` besides the tasks: notes, quotes, tables, plain items.
    pub tasks_notes_html: Arc<str>,
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
    #[serde(default)]
    internal: bool,
    /// The recap this meeting was imported from, in content/recaps/ (`dossier import` keeps it).
    recap: Option<Spanned<String>>,
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

pub(crate) fn shorten(text: &str) -> String {
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
    initiative: Option<SlugRef>,
    heading: Range<usize>,
    content: Range<usize>,
    mentions: Vec<(String, usize)>,
    /// The mentions outside its tasks, as written: who took part in the discussion.
    discussion: Vec<String>,
    first_paragraph: Option<String>,
    task_lines: Vec<Range<usize>>,
    /// `{.internal}` on its heading.
    internal: bool,
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
            discussion: Vec::new(),
            first_paragraph: None,
            task_lines: Vec::new(),
            internal: false,
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
    done_on: Option<NaiveDate>,
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
    /// Whether people.toml was read: when it could not be (its own errors are reported), a
    /// mention of someone missing from it says nothing, and is not reported.
    pub people_read: bool,
}

impl<'a> MeetingReader<'a> {
    /// A reader for files on their own, outside a site: mentions resolved against `people`,
    /// links to other files left as written.
    pub fn alone(people: &'a People, allow_html: bool) -> MeetingReader<'a> {
        MeetingReader {
            renderer: Renderer {
                people,
                allow_html,
                hide_internal: false,
                links: None,
                language: crate::language::Language::English,
            },
            links: None,
            people_read: true,
        }
    }
}

impl MeetingReader<'_> {
    /// The renderer for one file: links to other content files resolve from where it lies.
    pub(crate) fn renderer_for<'s>(&'s self, path: &'s Path) -> Renderer<'s> {
        Renderer {
            links: self.links.map(|index| (index, path)),
            ..self.renderer
        }
    }

    /// A warning for each link to a content file that does not exist.
    pub(crate) fn check_link(
        &self,
        source: &SourceFile,
        url: &str,
        span: Range<usize>,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let Some(index) = self.links else { return };
        match index.withheld(&source.path, url) {
            // The customer edition says nothing of what it leaves out.
            Some(Withheld::Internal) => return,
            Some(Withheld::Draft) => {
                let why = format!(
                    "`{url}` is a draft, which this build leaves out; the link shows as its text \
                     until the draft is published (`--drafts` builds drafts too)"
                );
                diagnostics.push(source.warning(span, why));
                return;
            }
            None => {}
        }
        if let Some(Err(why)) = index.resolve(&source.path, url) {
            diagnostics.push(source.warning(span, why));
        }
    }

    pub fn read(&self, source: SourceFile, slug: String) -> Parsed<MeetingDoc> {
        let mut diagnostics = Vec::new();
        let path = source.path.clone();
        let renderer = self.renderer_for(&path);
        let read_front = split_front_matter(&source).and_then(|front| {
            let meta: MeetingFront = source.parse_toml(front.toml.clone())?;
            Ok((front, meta))
        });
        let (front, meta) = match read_front {
            Ok(read) => read,
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
        if let Some(date) = date {
            let span = source.toml_span(front.toml.start, meta.date.span());
            date_matches_name(&source, &slug, date, span, &mut diagnostics);
        }
        let marking = marks::mark(&source.text[front.body.clone()], BodyOf::Meeting);
        let source = self.edition_text(source, front.body.start, &marking, &mut diagnostics);
        template_text(&source, front.body.start, &mut diagnostics);
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
        let (sections, open_tasks) =
            scan::BodyScan::new(self, &source, body, base, date, &mut diagnostics).run();

        let (topics, topic_of_section) =
            self.topics(&renderer, &source, body, base, &sections, &mut diagnostics);

        let hide_internal = self.renderer.hide_internal;
        let tasks = open_tasks
            .into_iter()
            .filter(|task| !(hide_internal && sections[task.section].internal))
            .map(|task| {
                let topic = topic_of_section[task.section];
                let item = base + task.item.start..base + task.end();
                let doc = self.finish_task(&source, body, base, task, topic);
                check_task(&source, item, &doc, &mut diagnostics);
                doc
            })
            .filter(|task| !(hide_internal && task.internal))
            .collect::<Vec<TaskDoc>>();
        check_task_ids(&source, &tasks, &mut diagnostics);

        let intro = &sections[0];
        let intro_html = renderer.block(&without_ranges(body, &intro.content, &intro.task_lines));
        // Text a writer put among the tasks is theirs to keep: shown under the tasks.
        let tasks_notes_html: String = sections
            .iter()
            .filter(|s| s.kind == SectionKind::Tasks)
            .map(|s| renderer.block(&without_ranges(body, &s.content, &s.task_lines)))
            .collect();
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
            title: self.names_in(&meta.title),
            date,
            account: meta.account,
            tags: meta.tags,
            attendees,
            draft: meta.draft,
            internal: meta.internal,
            // The recap is the team's: the customer edition neither links nor publishes it.
            recap: meta
                .recap
                .as_ref()
                .and_then(|name| kept_recap(&source, front.toml.start, name, &mut diagnostics))
                .filter(|_| !self.renderer.hide_internal),
            intro_html: intro_html.into(),
            internal_ranges: marking.shifted(base),
            tasks_notes_html: tasks_notes_html.into(),
            summary,
            topics,
            tasks,
            source,
        });
        Parsed { doc, diagnostics }
    }

    /// The topics among `sections`, in order, with their slugs checked, and for each section
    /// the topic it became.
    fn topics(
        &self,
        renderer: &Renderer,
        source: &SourceFile,
        body: &str,
        base: usize,
        sections: &[Section],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Vec<TopicDoc>, Vec<Option<usize>>) {
        let mut topics: Vec<TopicDoc> = Vec::new();
        let mut topic_of_section = vec![None; sections.len()];
        for (index, section) in sections.iter().enumerate() {
            if section.kind != SectionKind::Topic
                || (section.internal && self.renderer.hide_internal)
            {
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
            let participants = self.people_of(source, &section.mentions, diagnostics);
            // Of the participants, those named in the discussion (not only in a task).
            let discussed_by = participants
                .iter()
                .filter(|person| {
                    section.discussion.iter().any(|written| {
                        matches!(
                            resolve_mention(self.renderer.people, written),
                            Some(MentionTarget::Person { ref id, .. }) if *id == person.id
                        )
                    })
                })
                .cloned()
                .collect();
            topics.push(TopicDoc {
                slug,
                title: section.title.clone(),
                initiative: section.initiative.clone(),
                body_html: renderer
                    .block(&without_ranges(body, &section.content, &section.task_lines))
                    .into(),
                summary: shorten(section.first_paragraph.as_deref().unwrap_or_default()),
                participants,
                discussed_by,
                line: source.line_at(base + section.heading.start).0,
                internal: section.internal,
            });
        }
        (topics, topic_of_section)
    }

    fn finish_task(
        &self,
        source: &SourceFile,
        body: &str,
        base: usize,
        task: OpenTask,
        topic: Option<usize>,
    ) -> TaskDoc {
        let renderer = self.renderer_for(&source.path);
        let item_end = task.end();
        let (title, detail_start) = task_title(&task, body);
        let detail_source = &body[detail_start.min(item_end)..item_end];
        // Attribute blocks may stand in the title too ("Call them {#call} @ann"): read over
        // the whole item, cut from the detail where they fall in it.
        let item_start = task.item.start;
        // Unknown words in its blocks were reported with the body's markers.
        let attributes = task_attributes(&body[item_start..item_end]);
        let detail_blocks: Vec<Range<usize>> = attributes
            .blocks
            .iter()
            .filter(|block| item_start + block.start >= detail_start)
            .map(|block| {
                item_start + block.start - detail_start..item_start + block.end - detail_start
            })
            .collect();
        let detail_text = without_ranges(detail_source, &(0..detail_source.len()), &detail_blocks);
        let (detail, trailing) = split_trailing_metadata(&detail_text);
        // Where the trailing words start in the body: their place in the text the blocks
        // were cut from.
        let trailing_start =
            base + detail_start + position_before_cuts(&detail_blocks, detail.len());
        let at_item = |(slug, span): (String, Range<usize>)| SlugRef {
            slug,
            span: base + item_start + span.start..base + item_start + span.end,
        };
        let owner_mentions = owner_mentions(&task.mentions, trailing, trailing_start);
        // Unknown names were already reported with the section's mentions.
        let owners = self.people_of(source, &owner_mentions, &mut Vec::new());
        let team_owned = self.renderer.hide_internal
            && owner_mentions.iter().any(|(written, _)| {
                matches!(
                    resolve_mention(self.renderer.people, written),
                    Some(MentionTarget::Person { internal: true, .. })
                )
            });
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
            done_on: task.done_on,
            topic,
            initiative: attributes.initiative.map(at_item),
            id: attributes.id.map(at_item),
            team_owned,
            internal: attributes.internal,
            line: source.line_at(base + task.item.start).0,
            span: {
                let item = &body[item_start..item_end];
                base + item_start..base + item_start + item.find('\n').unwrap_or(item.len())
            },
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

    pub(crate) fn person(
        &self,
        source: &SourceFile,
        written: &str,
        span: Range<usize>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<PersonRef> {
        match resolve_mention(self.renderer.people, written) {
            // The customer edition names no one of the team's own: not as an attendee, a
            // participant or an owner (their tasks show as the account team's).
            Some(MentionTarget::Person { internal: true, .. }) if self.renderer.hide_internal => {
                None
            }
            Some(MentionTarget::Person {
                id, name, listed, ..
            }) => {
                if !listed && self.people_read {
                    let message = match self.renderer.people.closest(written) {
                        Some(near) => format!(
                            "`{written}` is not in content/people.toml; did you mean @{} ({})?",
                            near.id, near.name
                        ),
                        None => format!(
                            "`{written}` is not in content/people.toml; add [{id}] there (they still get an owner page)"
                        ),
                    };
                    diagnostics.push(source.warning(span, message));
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

fn innermost_task(items: &mut [Item]) -> Option<&mut OpenTask> {
    items.iter_mut().rev().find_map(|item| item.task.as_mut())
}

/// A task's title (its bold lead, or its first sentence) and where its detail starts in `body`.
fn task_title(task: &OpenTask, body: &str) -> (String, usize) {
    let item_end = task.end();
    let item_text = &body[task.item.start..item_end];
    let after_marker = task.item.start + item_text.find(']').map_or(0, |i| i + 1);
    match (&task.bold_title, task.title_end) {
        (Some(bold), Some(end)) if !bold.trim().is_empty() => (clean_title(bold), end),
        _ => {
            let plain = task.plain.trim_end();
            let sentence_end =
                first_sentence_end(plain, &task.plain_protected).unwrap_or(plain.len());
            let sentence = &plain[..sentence_end];
            let blocks = task_attributes(sentence).blocks;
            let title = clean_title(&without_ranges(sentence, &(0..sentence.len()), &blocks));
            // The detail starts after the first sentence in the source too.
            let source_rest = &body[after_marker..item_end];
            let protected: Vec<Range<usize>> = task
                .source_protected
                .iter()
                .map(|r| r.start.saturating_sub(after_marker)..r.end.saturating_sub(after_marker))
                .collect();
            let skip = first_sentence_end(source_rest, &protected).unwrap_or(source_rest.len());
            (title, after_marker + skip)
        }
    }
}

/// Owners are the people named at the end of the task ("... @Sigi @Oana due:..."), which
/// starts at `trailing_start` in the file; a task that names nobody there is owned by
/// everyone it mentions.
fn owner_mentions(
    mentions: &[(String, usize)],
    trailing: &str,
    trailing_start: usize,
) -> Vec<(String, usize)> {
    let trailing_mentions: Vec<&str> = tokenize(trailing)
        .into_iter()
        .filter_map(|(_, t)| match t {
            Token::Mention(written) => Some(written),
            _ => None,
        })
        .collect();
    if trailing_mentions.is_empty() {
        return mentions.to_vec();
    }
    mentions
        .iter()
        .filter(|(written, offset)| {
            *offset >= trailing_start && trailing_mentions.contains(&written.as_str())
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests;
