//! One pass over a meeting body's Markdown events: sections, task items, mentions and
//! deadlines, one method per kind of event.

use super::*;
use crate::content::markdown::Comments;
use pulldown_cmark::CowStr;

/// The state of a pass over a meeting's body.
pub(super) struct BodyScan<'r, 'a> {
    reader: &'r MeetingReader<'a>,
    source: &'r SourceFile,
    body: &'r str,
    /// Where the body starts in the file, for positions in diagnostics.
    base: usize,
    meeting_date: Option<NaiveDate>,
    diagnostics: &'r mut Vec<Diagnostic>,
    sections: Vec<Section>,
    /// The list items open around the current event, innermost last.
    items: Vec<Item>,
    tasks: Vec<OpenTask>,
    in_heading: bool,
    /// The first paragraph of the current section, while it is read.
    paragraph: Option<String>,
    code_block: bool,
    /// Where the open link started, in the innermost task's plain text and in the body.
    link_start: Option<(usize, usize)>,
    comments: Comments,
}

impl<'r, 'a> BodyScan<'r, 'a> {
    pub(super) fn new(
        reader: &'r MeetingReader<'a>,
        source: &'r SourceFile,
        body: &'r str,
        base: usize,
        meeting_date: Option<NaiveDate>,
        diagnostics: &'r mut Vec<Diagnostic>,
    ) -> Self {
        BodyScan {
            reader,
            source,
            body,
            base,
            meeting_date,
            diagnostics,
            sections: vec![Section::new(SectionKind::Intro, 0..0)],
            items: Vec::new(),
            tasks: Vec::new(),
            in_heading: false,
            paragraph: None,
            code_block: false,
            link_start: None,
            comments: Comments::default(),
        }
    }

    /// Reads the whole body: its sections and its tasks.
    pub(super) fn run(mut self) -> (Vec<Section>, Vec<OpenTask>) {
        let body = self.body;
        for (event, range) in Parser::new_ext(body, markdown::options()).into_offset_iter() {
            // Raw HTML is shown as text unless the site allows it, so it is text here too: a
            // title "Plan for <ACME> rollout" keeps its `<ACME>`. Comments are notes to
            // writers, left out of pages as well.
            let event = match event {
                Event::InlineHtml(html) | Event::Html(html)
                    if !self.reader.renderer.allow_html && !self.comments.is_comment(&html) =>
                {
                    Event::Text(html)
                }
                other => other,
            };
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H2,
                    id,
                    classes,
                    attrs,
                }) => self.heading_start(id, classes, attrs, range),
                Event::End(TagEnd::Heading(HeadingLevel::H2)) => self.heading_end(range),
                Event::Start(Tag::Link { dest_url, .. }) => self.link(&dest_url, range),
                Event::End(TagEnd::Link) => self.link_end(),
                Event::Start(Tag::CodeBlock(_)) => self.code_block = true,
                Event::End(TagEnd::CodeBlock) => self.code_block = false,
                Event::Start(Tag::Paragraph) => self.paragraph_start(),
                Event::End(TagEnd::Paragraph) => self.paragraph_end(),
                Event::Start(Tag::Item) => self.items.push(Item { range, task: None }),
                Event::TaskListMarker(done) => self.task_marker(done),
                Event::End(TagEnd::Item) => self.item_end(),
                Event::Start(Tag::Strong) => self.strong_start(),
                Event::End(TagEnd::Strong) => self.strong_end(range),
                Event::Text(text) if !self.code_block => self.text(&text, range),
                Event::Code(code) => self.code(&code, range),
                Event::SoftBreak | Event::HardBreak => self.line_break(),
                _ => {}
            }
        }
        if let Some(last) = self.sections.last_mut() {
            last.content.end = body.len();
        }
        (self.sections, self.tasks)
    }

    fn section(&mut self) -> &mut Section {
        let last = self.sections.len() - 1;
        &mut self.sections[last]
    }

    /// A `## ` heading starts a section; `{initiative=slug}` links it to an initiative.
    fn heading_start(
        &mut self,
        id: Option<CowStr<'_>>,
        classes: Vec<CowStr<'_>>,
        attrs: Vec<(CowStr<'_>, Option<CowStr<'_>>)>,
        range: Range<usize>,
    ) {
        if let Some(current) = self.sections.last_mut() {
            current.content.end = range.start;
        }
        let mut section = Section::new(SectionKind::Topic, range.clone());
        section.explicit_id = id.map(|id| id.to_string());
        // Other classes are reported with the body's markers (`content::marks`).
        section.internal = classes.iter().any(|class| class.as_ref() == "internal");
        for (key, value) in attrs {
            if key.as_ref() == "initiative" {
                let slug = value.map(|v| v.to_string()).unwrap_or_default();
                let heading_text = &self.body[range.clone()];
                let span =
                    heading_text
                        .find(&format!("initiative={slug}"))
                        .map_or(range.clone(), |at| {
                            let start = range.start + at + "initiative=".len();
                            start..start + slug.len()
                        });
                section.initiative = Some(SlugRef {
                    slug,
                    span: self.base + span.start..self.base + span.end,
                });
            }
        }
        self.sections.push(section);
        self.in_heading = true;
    }

    fn heading_end(&mut self, range: Range<usize>) {
        self.in_heading = false;
        let section = self.section();
        section.title = section.title.trim().to_string();
        section.content = range.end..range.end;
        if is_task_heading(&section.title) {
            section.kind = SectionKind::Tasks;
        }
    }

    /// A link is checked; inside a task, no sentence ends within it.
    fn link(&mut self, destination: &str, range: Range<usize>) {
        self.reader.check_link(
            self.source,
            destination,
            self.base + range.start..self.base + range.end,
            self.diagnostics,
        );
        if let Some(task) = innermost_task(&mut self.items) {
            self.link_start = Some((task.plain.len(), range.start));
            task.source_protected.push(range);
        }
    }

    fn link_end(&mut self) {
        if let (Some((plain_start, _)), Some(task)) =
            (self.link_start.take(), innermost_task(&mut self.items))
        {
            task.plain_protected.push(plain_start..task.plain.len());
        }
    }

    /// The first paragraph of a section outside lists is its summary.
    fn paragraph_start(&mut self) {
        if self.items.is_empty() && self.section().first_paragraph.is_none() {
            self.paragraph = Some(String::new());
        }
    }

    fn paragraph_end(&mut self) {
        if let Some(text) = self.paragraph.take() {
            self.section().first_paragraph = Some(text);
        }
    }

    /// Every task-list item is a task; one nested in another ends the outer one's own text
    /// at the line it starts on.
    fn task_marker(&mut self, done: bool) {
        let section = self.sections.len() - 1;
        let body = self.body;
        if let Some((item, outer)) = self.items.split_last_mut() {
            let line_start = body[..item.range.start].rfind('\n').map_or(0, |i| i + 1);
            if let Some(parent) = innermost_task(outer) {
                parent.own_end.get_or_insert(line_start);
            }
            item.task = Some(OpenTask {
                item: item.range.clone(),
                done,
                section,
                seen_content: false,
                in_title: false,
                bold_title: None,
                title_end: None,
                plain: String::new(),
                plain_protected: Vec::new(),
                source_protected: Vec::new(),
                mentions: Vec::new(),
                due: None,
                done_on: None,
                own_end: None,
            });
        }
    }

    fn item_end(&mut self) {
        if let Some(Item {
            task: Some(task), ..
        }) = self.items.pop()
        {
            self.sections[task.section]
                .task_lines
                .push(whole_lines(self.body, task.item.start..task.end()));
            self.tasks.push(task);
        }
    }

    /// Bold text before anything else in a task is its title.
    fn strong_start(&mut self) {
        if let Some(task) = innermost_task(&mut self.items) {
            if !task.seen_content {
                task.in_title = true;
                task.bold_title = Some(String::new());
            }
            task.seen_content = true;
        }
    }

    fn strong_end(&mut self, range: Range<usize>) {
        if let Some(task) = innermost_task(&mut self.items) {
            if task.in_title {
                task.in_title = false;
                task.title_end = Some(range.end);
            }
        }
    }

    /// Text: a heading's title, or words with mentions and deadlines in them.
    fn text(&mut self, text: &str, range: Range<usize>) {
        // Positions are exact when the text is written as is (no entities).
        let written_as_is = self.body[range.clone()] == *text;
        if self.in_heading {
            // A heading names people as any text does: by name, and never by the id of
            // someone this edition does not name (it would reach the topic's address).
            let escaped = markdown::starts_escaped(self.body, &range);
            for (token_range, token) in markdown::tokenize_text(text, escaped) {
                let shown = match token {
                    Token::Mention(written) => {
                        let offset = self.base
                            + range.start
                            + if written_as_is { token_range.start } else { 0 };
                        self.mention(written, offset)
                    }
                    Token::Text(plain) => plain.to_string(),
                    Token::Due(value) => format!("due:{value}"),
                    Token::Done(value) => format!("done:{value}"),
                };
                self.section().title.push_str(&shown);
            }
            return;
        }
        let escaped = markdown::starts_escaped(self.body, &range);
        for (token_range, token) in markdown::tokenize_text(text, escaped) {
            let offset = if written_as_is {
                self.base + range.start + token_range.start
            } else {
                self.base + range.start
            };
            let span = offset..offset + token_range.len();
            let shown = match token {
                Token::Text(plain) => plain.to_string(),
                Token::Mention(written) => self.mention(written, offset),
                Token::Due(value) => {
                    self.deadline(value, span);
                    String::new()
                }
                Token::Done(value) => {
                    self.done_on(value, span);
                    String::new()
                }
            };
            self.push_shown(&shown, None);
        }
    }

    /// A mention belongs to its section and to the task it stands in; it reads as the name.
    fn mention(&mut self, written: &str, offset: usize) -> String {
        self.section().mentions.push((written.to_string(), offset));
        match innermost_task(&mut self.items) {
            Some(task) => task.mentions.push((written.to_string(), offset)),
            None => self.section().discussion.push(written.to_string()),
        }
        match resolve_mention(self.reader.renderer.people, written) {
            Some(MentionTarget::Person { internal: true, .. })
                if self.reader.renderer.hide_internal =>
            {
                markdown::ACCOUNT_TEAM.to_string()
            }
            Some(MentionTarget::Person { name, .. }) => name,
            _ => format!("@{written}"),
        }
    }

    /// A `done:` word is the day the task it stands in was done; the first one counts.
    fn done_on(&mut self, value: &str, span: Range<usize>) {
        let day = match markdown::parse_done(value) {
            Ok(day) => day,
            Err(message) => {
                self.diagnostics.push(self.source.error(span, message));
                return;
            }
        };
        let Some(task) = innermost_task(&mut self.items) else {
            let why = "`done:` outside a task: it records the day a task (`- [x]`) was done";
            self.diagnostics
                .push(self.source.warning(span, why.to_string()));
            return;
        };
        if !task.done {
            let why =
                "`done:` on an open task: tick it (`- [x]`) if it is done, or take the date away";
            let warning = self.source.warning(span, why.to_string());
            self.diagnostics.push(warning);
        } else if task.done_on.is_none() {
            task.done_on = Some(day);
        }
    }

    /// A `due:` word is the deadline of the task it stands in; the first one counts.
    fn deadline(&mut self, value: &str, span: Range<usize>) {
        match Due::parse(value) {
            Ok(due) => {
                if let Some(task) = innermost_task(&mut self.items) {
                    if let Some(why) = implausible_deadline(&due, self.meeting_date, task.done) {
                        self.diagnostics.push(self.source.warning(span, why));
                    }
                    task.due.get_or_insert(due);
                }
            }
            Err(message) => {
                // The whole word as written: `due:2026/11/27` stops the token at the slash.
                let rest = &self.source.text[span.end..];
                let more = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, ')' | ',' | ';'))
                    .unwrap_or(rest.len());
                let written = format!("{value}{}", rest[..more].trim_end_matches('.'));
                let span = span.start..span.end + written.len() - value.len();
                // A date in the right form but not in the calendar keeps the parser's reason
                // ("no month 13"); another form gets the form it meant.
                let other_form = written.contains(['/', '.'])
                    || written
                        .chars()
                        .any(|c| c.is_alphabetic() && c != 'Q' && c != 'q');
                let message = if other_form {
                    format!(
                        "`due:{written}` is not a deadline; {}",
                        crate::content::task_text::due_hint(&written)
                    )
                } else {
                    message
                };
                self.diagnostics.push(self.source.error(span, message));
            }
        }
    }

    /// Inline code reads as its text; no sentence ends inside it.
    fn code(&mut self, code: &str, range: Range<usize>) {
        if self.in_heading {
            self.section().title.push_str(code);
            return;
        }
        self.push_shown(code, Some(range));
    }

    fn line_break(&mut self) {
        if let Some(text) = self.paragraph.as_mut() {
            text.push(' ');
        }
        if let Some(task) = innermost_task(&mut self.items) {
            task.plain.push(' ');
        }
    }

    /// Text as a reader sees it, added to the summary being read and to the innermost task
    /// (and its title while in it); `protected` is the body range of a code span.
    fn push_shown(&mut self, shown: &str, protected: Option<Range<usize>>) {
        if let Some(text) = self.paragraph.as_mut() {
            text.push_str(shown);
        }
        if let Some(task) = innermost_task(&mut self.items) {
            task.seen_content = true;
            if let Some(range) = protected {
                task.plain_protected
                    .push(task.plain.len()..task.plain.len() + shown.len());
                task.source_protected.push(range);
            }
            task.plain.push_str(shown);
            if task.in_title {
                if let Some(title) = task.bold_title.as_mut() {
                    title.push_str(shown);
                }
            }
        }
    }
}
