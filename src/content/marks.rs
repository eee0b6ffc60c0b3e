//! Which parts of a Markdown body are internal, decided once for every reader: the customer
//! edition blanks them before the body is parsed, the internal edition hides only the markers,
//! and the leak check looks for their words in the customer edition.
//!
//! It fails closed. A marker is found by its spelling wherever it stands (any heading level, a
//! point, a task, a paragraph, a code span, a comment), after folding what a reader cannot see
//! (invisible characters, compatibility forms such as full-width braces, case), and it is
//! either read with certainty or an error at its line. Likewise any `{...}` block of
//! attributes dossier does not understand, any fence named like `internal` but not exactly
//! it, and any fence left open: text that was maybe meant to stay internal never reaches a
//! customer because of how it was spelled.

use crate::content::markdown;
use std::ops::Range;
use structure::{is_closed, structure, CodeBlock, Heading, Structure};
use unicode_normalization::UnicodeNormalization;

/// The class that marks a heading, point, task or paragraph internal.
pub(crate) const INTERNAL_CLASS: &str = ".internal";

/// Which kind of file a body belongs to: the attributes each position takes differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyOf {
    Meeting,
    Initiative,
}

/// What a body marks internal, and what is wrong with its markers.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Marking {
    /// Whole lines of the body that the customer edition leaves out, sorted and disjoint.
    pub internal: Vec<Range<usize>>,
    /// Marker blocks no other reader cuts from the text (on points and paragraphs, and on an
    /// initiative's tasks): blanked in every edition so that no page shows `{.internal}`.
    pub markers: Vec<Range<usize>>,
    /// Errors, each at its range of the body.
    pub errors: Vec<(Range<usize>, String)>,
}

impl Marking {
    /// Whether the body has anything the customer edition leaves out.
    pub fn hides_anything(&self) -> bool {
        !self.internal.is_empty()
    }

    /// The internal lines as ranges of the whole file, whose body starts at `body_start`.
    pub fn shifted(&self, body_start: usize) -> Vec<Range<usize>> {
        self.internal
            .iter()
            .map(|range| body_start + range.start..body_start + range.end)
            .collect()
    }
}

/// `text` with every byte in `ranges` but line ends made a space: positions, lines and
/// columns stay where they were, so later diagnostics point at the file as written.
pub fn blank(text: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in ranges {
        let range = range.start.min(bytes.len())..range.end.min(bytes.len());
        for byte in &mut bytes[range] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
    }
    // Only whole characters are blanked (ranges start and end on characters), and a space
    // is one byte: the result is UTF-8; the lossy conversion never replaces anything.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A character no reader sees: zero-width, joiners, direction marks, soft hyphen, variation
/// selectors, tags. A marker written with one inside is still a marker.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Whether a line may spell a brace or a fence once folded: plain ASCII without `{`, a
/// backtick or a tilde cannot (a full-width or small brace is not ASCII), so most lines are
/// skipped without folding.
fn may_hold_marks(line: &str) -> bool {
    !line.is_ascii() || line.contains(['{', '`', '~'])
}

/// The lines of `body` that may spell a mark, each folded (`folded_chars`), with the bytes of
/// the body each character came from.
fn folded_lines(body: &str) -> impl Iterator<Item = Vec<(char, Range<usize>)>> + '_ {
    body.split_inclusive('\n')
        .scan(0, |line_start, line| {
            let start = *line_start;
            *line_start += line.len();
            Some((start, line))
        })
        .filter(|(_, line)| may_hold_marks(line))
        .map(|(start, line)| folded_chars(line.trim_end_matches(['\n', '\r']), start))
}

/// A line as a reader sees it, one folded character at a time with the bytes it came from:
/// invisible characters dropped, compatibility forms (full-width braces) made plain, lower case.
fn folded_chars(line: &str, start: usize) -> Vec<(char, Range<usize>)> {
    let mut out = Vec::with_capacity(line.len());
    for (at, c) in line.char_indices() {
        if is_invisible(c) {
            continue;
        }
        let span = start + at..start + at + c.len_utf8();
        let mut one = [0u8; 4];
        for folded in c.encode_utf8(&mut one).nfkc().flat_map(char::to_lowercase) {
            if !is_invisible(folded) {
                out.push((folded, span.clone()));
            }
        }
    }
    out
}

/// Whether a word, stripped of the marks around it, is the marker or a spelling of it
/// (`internal`, `Internal`, `interal`, `internal-only`, `intern`, `interne`).
fn names_internal(word: &str) -> bool {
    let core: String = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    core.contains("intern")
        || (core.len() >= 5 && strsim::damerau_levenshtein(&core, "internal") <= 2)
}

/// `#id`, `.class` or `key=value`: a block of only these is attributes.
fn looks_like_attribute(word: &str) -> bool {
    word.len() > 1 && (word.starts_with('#') || word.starts_with('.'))
        || word.split_once('=').is_some_and(|(key, _)| {
            !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// Where `text` still spells a marker or an internal fence, by the reading `mark` uses: what
/// the customer edition reads must have none left (the fuzz target's invariant).
pub fn marker_spellings(text: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = groups(text)
        .into_iter()
        .filter(|group| group.marker)
        .map(|group| group.span)
        .collect();
    found.extend(marker_fences(text).into_iter().map(|(span, _)| span));
    found
}

/// A `{...}` block on one line, as found by its spelling.
#[derive(Debug)]
struct Group {
    /// The bytes of the body from `{` to `}`.
    span: Range<usize>,
    /// Its words, folded.
    words: Vec<String>,
    /// Written plainly: nothing in it was invisible, a compatibility form or upper case.
    plain: bool,
    /// One of its words names the marker.
    marker: bool,
}

/// Every `{...}` block of attributes or marker in `body`, line by line.
fn groups(body: &str) -> Vec<Group> {
    let mut found = Vec::new();
    for chars in folded_lines(body) {
        let mut open: Option<usize> = None;
        for (index, (c, _)) in chars.iter().enumerate() {
            match c {
                '{' => open = Some(index),
                '}' => {
                    if let Some(start) = open.take() {
                        let inner: String =
                            chars[start + 1..index].iter().map(|(c, _)| *c).collect();
                        let words: Vec<String> =
                            inner.split_whitespace().map(str::to_string).collect();
                        let marker = words.iter().any(|word| names_internal(word));
                        let attributes = !words.is_empty()
                            && words.iter().all(|word| looks_like_attribute(word));
                        let escaped = body[..chars[start].1.start].ends_with('\\');
                        // `\{` writes a brace as text; a marker so written is still a
                        // marker (pulldown-cmark even reads a heading's block after it).
                        if marker || (attributes && !escaped) {
                            let span = chars[start].1.start..chars[index].1.end;
                            let written = &body[span.clone()];
                            let folded: String =
                                chars[start..=index].iter().map(|(c, _)| *c).collect();
                            found.push(Group {
                                span,
                                words,
                                // `\{` asks for a brace as text, and pulldown-cmark still
                                // reads a heading's block after it: neither reading is certain.
                                plain: written == folded && !escaped,
                                marker,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
    }
    found
}

/// A fence written on a line (three or more backticks or tildes) followed by a word that
/// names the marker: where it stands, and the info string as folded.
fn marker_fences(body: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    for chars in folded_lines(body) {
        let text: String = chars.iter().map(|(c, _)| *c).collect();
        let positions: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        let mut index = 0;
        while index < chars.len() {
            let c = chars[index].0;
            let run = chars[index..].iter().take_while(|(d, _)| *d == c).count();
            if (c == '`' || c == '~') && run >= 3 {
                let after = positions.get(index + run).copied().unwrap_or(text.len());
                let info = text[after..].trim_start();
                let word = info.split_whitespace().next().unwrap_or_default();
                if names_internal(word) || info.starts_with('{') && names_internal(info) {
                    let end = chars.last().map_or(chars[index].1.end, |(_, raw)| raw.end);
                    let span = chars[index].1.start..end;
                    found.push((span, info.trim().to_string()));
                }
            }
            index += run.max(1);
        }
    }
    found
}

fn contains(range: &Range<usize>, at: usize) -> bool {
    range.start <= at && at < range.end
}

/// The smallest of `ranges` that holds `at`.
fn innermost<T>(blocks: &[T], range_of: impl Fn(&T) -> &Range<usize>, at: usize) -> Option<&T> {
    blocks
        .iter()
        .filter(|block| contains(range_of(block), at))
        .min_by_key(|block| range_of(block).len())
}

/// From the start of the line holding `range.start` to the end of the line holding the
/// last byte of `range`.
fn whole_lines(body: &str, range: &Range<usize>) -> Range<usize> {
    let start = body[..range.start.min(body.len())]
        .rfind('\n')
        .map_or(0, |at| at + 1);
    let last = range.end.max(range.start + 1).min(body.len());
    let end = body[last.saturating_sub(1)..]
        .find('\n')
        .map_or(body.len(), |at| last.saturating_sub(1) + at + 1);
    start..end.max(start)
}

/// Reads where `body` marks text internal, and every marker it cannot read with certainty.
pub fn mark(body: &str, of: BodyOf) -> Marking {
    if !body.lines().any(may_hold_marks) {
        // No brace and no fence: nothing to read, and no need to parse.
        return Marking::default();
    }
    let structure = structure(body);
    let mut reading = Reading::new(body, of, &structure);
    reading.read_fences();
    let all_groups = groups(body);
    for (index, group) in all_groups.iter().enumerate() {
        reading.read_group(group, &all_groups[index + 1..]);
    }
    reading.add_internal_footnotes();
    reading.finish()
}

/// One body being read: what it marks internal so far, and the errors found.
struct Reading<'a> {
    body: &'a str,
    of: BodyOf,
    structure: &'a Structure,
    /// The ```internal blocks: everything inside them is internal, whatever it says.
    internal_blocks: Vec<&'a CodeBlock>,
    internal: Vec<Range<usize>>,
    marking: Marking,
}

impl<'a> Reading<'a> {
    fn new(body: &'a str, of: BodyOf, structure: &'a Structure) -> Self {
        let internal_blocks: Vec<&CodeBlock> = structure
            .code_blocks
            .iter()
            .filter(|block| block.info.as_deref().map(str::trim) == Some(markdown::INTERNAL_FENCE))
            .collect();
        let internal = internal_blocks
            .iter()
            .map(|block| whole_lines(body, &block.range))
            .collect();
        Reading {
            body,
            of,
            structure,
            internal_blocks,
            internal,
            marking: Marking::default(),
        }
    }

    fn error(&mut self, span: Range<usize>, why: String) {
        self.marking.errors.push((span, why));
    }

    fn in_internal_block(&self, at: usize) -> bool {
        self.internal_blocks
            .iter()
            .any(|block| contains(&block.range, at))
    }

    /// ```internal exactly marks a block; a fence named like it is an error, and so is any
    /// fence left open, which would take the rest of the file with it.
    fn read_fences(&mut self) {
        let (body, structure) = (self.body, self.structure);
        for block in &structure.code_blocks {
            if block.info.is_some() && !is_closed(body, block) {
                let opening = whole_lines(body, &(block.range.start..block.range.start + 1));
                self.error(
                    block.range.start..opening.end.saturating_sub(1).max(block.range.start),
                    "this fenced block is never closed: close it with the same fence on a line of its own (an open fence takes the rest of the file with it)".to_string(),
                );
            }
        }
        for (span, info) in marker_fences(body) {
            let opens_internal_block = self.internal_blocks.iter().any(|block| {
                block.range.start == span.start
                    || (contains(&block.range, span.start) && span.start != block.range.start)
            });
            if opens_internal_block && info == markdown::INTERNAL_FENCE {
                continue;
            }
            if self
                .internal_blocks
                .iter()
                .any(|block| contains(&block.range, span.start) && block.range.start != span.start)
            {
                // Written inside internal notes: it is internal whatever it says.
                continue;
            }
            let why = if structure
                .code_blocks
                .iter()
                .any(|block| block.range.start == span.start)
            {
                format!(
                    "a fenced block named `{info}`: did you mean `{}`? (only ```{} marks internal notes; the build stops rather than publish notes that may be meant to stay internal)",
                    markdown::INTERNAL_FENCE,
                    markdown::INTERNAL_FENCE
                )
            } else {
                format!(
                    "`{info}` after a fence is not read as internal notes here (it is not a fence of its own line, or it is indented as code): put ```{} at the start of a line, indented like the text around it",
                    markdown::INTERNAL_FENCE
                )
            };
            self.error(span, why);
        }
    }

    /// An attribute block or marker, read by the block it stands in; `later` are the groups
    /// after it in the body.
    fn read_group(&mut self, group: &Group, later: &[Group]) {
        let at = group.span.start;
        if self.in_internal_block(at) {
            return;
        }
        let structure = self.structure;
        let in_code = structure
            .code_blocks
            .iter()
            .any(|block| contains(&block.range, at));
        let in_opaque = structure.opaque.iter().any(|range| contains(range, at));
        if in_code || in_opaque {
            // Attributes in code are code (`{#id .class}` in a snippet); a marker there is
            // read by no one and published as written.
            if group.marker {
                self.error(
                    group.span.clone(),
                    "a marker inside code, a table or HTML is not read: it would be published as written. Mark the heading, point, task or paragraph it belongs to, or put the text in a ```internal block".to_string(),
                );
            }
            return;
        }
        match innermost(&structure.headings, |h| &h.range, at) {
            Some(heading) => self.read_heading_group(group, later, heading),
            None => self.read_block_group(group),
        }
    }

    fn read_heading_group(&mut self, group: &Group, later: &[Group], heading: &Heading) {
        let last_on_heading = !later
            .iter()
            .any(|next| contains(&heading.range, next.span.start));
        let parsed =
            last_on_heading && group.plain && same_words(&group.words, &heading.attributes);
        let allowed: &[&str] = match (self.of, heading.level) {
            (BodyOf::Meeting, 2) => &[INTERNAL_CLASS, "#", "initiative="],
            _ => &[INTERNAL_CLASS, "#"],
        };
        if !parsed {
            self.error(group.span.clone(), heading_not_read(group));
        } else if let Some(unknown) = unknown_word(&group.words, allowed) {
            self.error(group.span.clone(), unknown_attribute(&unknown, allowed));
        } else if group.words.iter().any(|w| w == INTERNAL_CLASS) {
            if heading.level == 1 && self.of == BodyOf::Meeting {
                self.error(
                    group.span.clone(),
                    "`.internal` on a `#` heading: a meeting's topics are `## ` headings; mark the topic (`## Title {.internal}`), or the whole meeting with `internal = true` in its front matter".to_string(),
                );
                return;
            }
            let end = self
                .structure
                .headings
                .iter()
                .filter(|next| {
                    next.range.start > heading.range.start && next.level <= heading.level
                })
                .map(|next| next.range.start)
                .min()
                .unwrap_or(self.body.len());
            self.internal
                .push(whole_lines(self.body, &(heading.range.start..end)));
        }
    }

    /// A group on a point, a task or a paragraph.
    fn read_block_group(&mut self, group: &Group) {
        let at = group.span.start;
        let item = innermost(&self.structure.items, |i| &i.range, at);
        let (position, allowed): (&str, &[&str]) = match (item, self.of) {
            (Some(item), BodyOf::Meeting) if item.task => {
                ("a task", &[INTERNAL_CLASS, "#", "initiative="])
            }
            (Some(_), _) => ("a point", &[INTERNAL_CLASS]),
            (None, _) => ("a paragraph", &[INTERNAL_CLASS]),
        };
        if !group.plain {
            self.error(group.span.clone(), not_plain(group));
            return;
        }
        if let Some(unknown) = unknown_word(&group.words, allowed) {
            let mut why = unknown_attribute(&unknown, allowed);
            if allowed.len() == 1 && !unknown.starts_with('.') {
                why = format!("{why} ({position} takes only `{INTERNAL_CLASS}`)");
            }
            self.error(group.span.clone(), why);
            return;
        }
        let meeting_task = self.of == BodyOf::Meeting && item.is_some_and(|item| item.task);
        if !meeting_task {
            // A meeting's task reader cuts its own blocks; nothing else does.
            self.marking.markers.push(group.span.clone());
        }
        if group.words.iter().any(|w| w == INTERNAL_CLASS) {
            let range = match item {
                Some(item) => item.range.clone(),
                None => self
                    .structure
                    .paragraphs
                    .iter()
                    .filter(|p| contains(p, at))
                    .min_by_key(|p| p.len())
                    .cloned()
                    .unwrap_or(at..group.span.end),
            };
            self.internal.push(whole_lines(self.body, &range));
        }
    }

    /// A footnote written for internal text is internal, wherever it is defined.
    fn add_internal_footnotes(&mut self) {
        let structure = self.structure;
        loop {
            let before = self.internal.len();
            for (label, reference) in &structure.footnote_references {
                if !self
                    .internal
                    .iter()
                    .any(|range| contains(range, reference.start))
                {
                    continue;
                }
                for (defined, range) in &structure.footnote_definitions {
                    let lines = whole_lines(self.body, range);
                    if defined == label
                        && !self
                            .internal
                            .iter()
                            .any(|r| r.start <= lines.start && lines.end <= r.end)
                    {
                        self.internal.push(lines);
                    }
                }
            }
            if self.internal.len() == before {
                break;
            }
        }
    }

    fn finish(self) -> Marking {
        let mut marking = self.marking;
        marking.internal = merged(self.internal);
        marking.errors.sort_by_key(|(range, _)| range.start);
        // One error for one place: a fence named `{.internal}` is one mistake, not two.
        let mut reported_to = 0;
        marking.errors.retain(|(range, _)| {
            let new = range.start >= reported_to;
            reported_to = reported_to.max(range.end);
            new
        });
        marking
    }
}

/// Whether the words of a block are the attributes pulldown-cmark read, in any order.
fn same_words(words: &[String], attributes: &[String]) -> bool {
    let mut a: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut b: Vec<&str> = attributes.iter().map(String::as_str).collect();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

/// The first word not among `allowed` (`#` and `initiative=` stand for any id and slug).
fn unknown_word(words: &[String], allowed: &[&str]) -> Option<String> {
    words
        .iter()
        .find(|word| {
            !allowed.iter().any(|known| {
                if known.ends_with('=') || *known == "#" {
                    word.starts_with(known) && word.len() > known.len()
                } else {
                    word == known
                }
            })
        })
        .cloned()
}

fn unknown_attribute(word: &str, allowed: &[&str]) -> String {
    let takes = allowed
        .iter()
        .map(|known| match *known {
            "#" => "`#id`".to_string(),
            "initiative=" => "`initiative=slug`".to_string(),
            other => format!("`{other}`"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    if names_internal(word) {
        format!("unknown attribute `{word}`: did you mean `{INTERNAL_CLASS}`? (the build stops rather than publish what it may be meant to hide)")
    } else {
        format!("unknown attribute `{word}`: this takes {takes}; write `\\{{` for a brace in text")
    }
}

fn not_plain(group: &Group) -> String {
    if group.marker {
        format!("a marker written with invisible characters, another case or look-alike characters: write `{{{INTERNAL_CLASS}}}` exactly (the build stops rather than publish what it may be meant to hide)")
    } else {
        "attributes written with invisible characters, another case or look-alike characters: write them plainly".to_string()
    }
}

fn heading_not_read(group: &Group) -> String {
    if !group.plain {
        return not_plain(group);
    }
    if group.marker {
        format!("this marker is not read as one: a heading's attributes are one block at its very end, e.g. `## Pricing {{{INTERNAL_CLASS} #pricing}}`, with no closing `#`s, comment or second block after it (the build stops rather than publish what it may be meant to hide)")
    } else {
        "these attributes are not read: a heading's attributes are one block at its very end, with no closing `#`s, comment or second block after it".to_string()
    }
}

/// Sorted, with overlapping and touching ranges joined.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|range| range.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// Bodies made from a seed, for the property tests and the fuzz target.
#[doc(hidden)]
pub mod generated;
mod structure;

#[cfg(test)]
mod tests;
