//! A recap's text as lines a reader can act on: headings (Markdown, bold, underlined, a label
//! with a colon, a known section name, a short line over a list or a paragraph), list items (with
//! their checkbox), table rows and paragraphs; timestamps taken out and counted first. And the
//! words that name sections and tool boilerplate.

pub(super) use super::boilerplate::*;
use super::lexicon::*;
use crate::import::owners::OWNER_FIELDS;
use regex::Regex;
use std::sync::OnceLock;

mod aligned;
mod classify;
use aligned::aligned_table;
mod outline;
use classify::{classify, is_item_field, is_owner_or_due_field, task_record};
use outline::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Line {
    Heading(String),
    Item {
        nested: bool,
        /// Columns before the bullet (a tab counts two): what the item is nested in.
        indent: usize,
        done: bool,
        /// Written with a box or a to-do keyword ("[ ]", "☐", "TODO", "LATER"): a task
        /// wherever it stands.
        marked: bool,
        text: String,
    },
    Row(Vec<String>),
    Paragraph(String),
    /// The line of underscores Outlook writes above a message it forwards or a text pasted
    /// into a mail: what follows is no signature.
    MessageBreak,
}

/// A list item: its indentation and its text, without a checkbox. Minutes typed in Word
/// number their points "1.", "a)" or "(b)".
pub(super) fn bullet() -> Option<&'static Regex> {
    static BULLET: OnceLock<Option<Regex>> = OnceLock::new();
    BULLET
        .get_or_init(|| {
            Regex::new(r"^(\s*)(?:(?:[-*•–+◦▪·○●■▸►‣⁃➢→]|\d{1,2}[.)]|[a-zA-Z]\)|\((?:\d{1,2}|[a-zA-Z])\))\s+(?:\[([ xX])\]\s*)?|([☐☑☒✓✔✅⬜□])\s*|\[([ xX])\]\s+)(.*)$").ok()
        })
        .as_ref()
}

pub(super) fn timestamps() -> &'static [Regex] {
    static PATTERNS: OnceLock<Vec<Regex>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        [
            // "… - WATCH (30:47)", as Fathom writes it: the dash goes with the link.
            r"\s+[-–—·|]\s+(?:VIEW|View|WATCH|Watch)\s*[\(\[]\s*\d{1,2}:\d{2}(?::\d{2})?\s*[\)\]]",
            // "**[00:47:05](https://tldv.io/…?t=2825)**": a timestamp linked to the moment in
            // the recording, the link and its bold with it.
            r"\s*\**\[\s*\d{1,2}:\d{2}(?::\d{2})?\s*\]\([^)\s]*\)\**",
            // (00:12:34), [12:34], (1:02:03 - 1:05:00), [WATCH 12:41], (00:02:40 · BEKIJK)
            r"\s*(?:VIEW|View|WATCH|Watch|Play|▶)?\s*[\(\[]\s*(?:VIEW|View|WATCH|Watch|Play|▶)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*[-–]\s*\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*[·|-]\s*\p{Lu}{4,9})?\s*[\)\]]",
            // "… tegen 3/2 (BEKIJK)": the link to the moment in the recording, in the
            // recap's language, without its time.
            r"\s*[\(\[](?:VIEW|WATCH|PLAY|BEKIJK|BEKIJKEN|AFSPELEN|REGARDER|VOIR|LIRE|ANSEHEN|ANSCHAUEN|ABSPIELEN)[\)\]]\s*$",
            // 00:12:34 at the start of a line, as transcripts and outlines write it
            r"^\d{1,2}:\d{2}(?::\d{2})?\s*(?:[-–:|]\s*)?",
        ]
        .iter()
        .filter_map(|p| Regex::new(p).ok())
        .collect()
    })
}

/// The text without timestamps, and how many it had.
pub(super) fn without_timestamps(text: &str) -> (String, usize) {
    let mut text = text.to_string();
    let mut count = 0;
    for pattern in timestamps() {
        count += pattern.find_iter(&text).count();
        text = pattern.replace_all(&text, "").into_owned();
    }
    (without_citation(text.trim()).to_string(), count)
}

/// The sentence without the number of the source Copilot cites after it ("… tegen eind deze
/// week. 11"): a number after a full stop ends no sentence people write.
fn without_citation(text: &str) -> &str {
    match text.rsplit_once(". ") {
        Some((sentence, number))
            if (1..=3).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit()) =>
        {
            &text[..sentence.len() + 1]
        }
        _ => text,
    }
}

/// A heading's name as the section lists hold it: lower case, without marks around it.
pub(crate) fn section_name(text: &str) -> String {
    let text = text.trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    // "4. Actions", "3.2) Actiepunten", "IV. Actions": the outline's number is no part of it.
    let text = outline_number(text).map_or(text, |number| text[number.len()..].trim_start());
    // "Deelnemers (6)", "Action items (4)", "Aufgaben (Was – Wer – Bis wann)": a count or the
    // columns after the name.
    let text = match text.split_once(" (") {
        Some((name, aside)) if aside.ends_with(')') && !name.trim().is_empty() => name,
        _ => text,
    };
    text.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .replace('’', "'")
}

/// Whether the heading or label `text`, folded as `section_name` folds it and without
/// accents, is one of `names`.
pub(super) fn named_one_of(text: &str, names: &[&str]) -> bool {
    let folded = deunicode::deunicode(&section_name(text)).to_lowercase();
    names.contains(&folded.as_str())
}

/// Whether `text` is nothing but a section's name: "Actiepunten", "Action items", "Deelnemers".
fn is_bare_section_name(text: &str) -> bool {
    let name = section_name(text);
    let folded = deunicode::deunicode(&name);
    [
        TASK_SECTIONS,
        ATTENDEE_SECTIONS,
        DISCUSSION_SECTIONS,
        TASK_WORDS,
        ATTENDEE_WORDS,
    ]
    .iter()
    .any(|names| names.contains(&name.as_str()) || names.contains(&folded.as_str()))
}

pub(super) fn is_section(text: &str) -> bool {
    section_kind(&section_name(text)).is_some()
}

/// What a section holds, by its heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionKind {
    Tasks,
    Attendees,
    Discussion,
    /// The previous meeting's actions, reviewed: notes here, even in a table of actions.
    EarlierMeeting,
    /// What each speaker said, line by line: the tool's record, not the recap's notes.
    Transcript,
}

/// What a section holds, by its name (`section_name`): first the names tools use, then the
/// words any of the four languages uses for tasks or attendees in a short heading. Discussion
/// is known by name only: its words ("notes", "summary") also start recaps' titles, and a
/// heading not known is a topic, which is what discussion becomes anyway. None for a topic's
/// own heading.
pub(crate) fn section_kind(name: &str) -> Option<SectionKind> {
    if TASK_SECTIONS.contains(&name) {
        return Some(SectionKind::Tasks);
    }
    if ATTENDEE_SECTIONS.contains(&name) {
        return Some(SectionKind::Attendees);
    }
    if DISCUSSION_SECTIONS.contains(&name) {
        return Some(SectionKind::Discussion);
    }
    let folded = deunicode::deunicode(name).to_lowercase().replace('’', "'");
    let words: Vec<&str> = folded
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|word| !word.is_empty())
        .collect();
    // A topic's heading says what it is about, and a recap's title when it met: a section's
    // heading is a few words, and never dated.
    if words.len() > 7 || folded.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let has = |phrases: &[&str]| {
        phrases.iter().any(|phrase| {
            let phrase: Vec<&str> = phrase.split(' ').collect();
            words
                .windows(phrase.len())
                .any(|window| window == phrase.as_slice())
        })
    };
    let compound = words
        .iter()
        .any(|word| TASK_COMPOUNDS.iter().any(|part| word.contains(part)));
    // "Opvolging acties vorige stuurgroep", "Actions from the previous meeting": the last
    // meeting's tasks, reviewed; they were that meeting's, and are its notes here.
    // "Suivi des actions du COPIL précédent" says more words than a section's name does.
    if has(EARLIER_MEETING_WORDS) {
        return Some(SectionKind::EarlierMeeting);
    }
    // "Transcript", "Volledige transcriptie", "Transkript (Auszug)".
    if words.len() <= 3 && has(TRANSCRIPT_WORDS) {
        return Some(SectionKind::Transcript);
    }
    if words.len() > 5 {
        return None;
    }
    // "Réunion de suivi", "Opvolging overleg": a meeting held to follow up, which is a title.
    const FOLLOW_UP_MEETING: &[&str] = &[
        "reunion",
        "meeting",
        "call",
        "vergadering",
        "overleg",
        "besprechung",
        "sitzung",
        "point",
    ];
    let follow_up_meeting = has(&["suivi", "opvolging"]) && has(FOLLOW_UP_MEETING);
    if follow_up_meeting {
        None
    } else if has(TASK_WORDS) || compound {
        Some(SectionKind::Tasks)
    } else if has(ATTENDEE_WORDS) {
        Some(SectionKind::Attendees)
    } else {
        None
    }
}

/// The lines of a recap, with the timestamps taken out (and counted) first, so that
/// "**Topic** (02:15)" is still a heading.
pub(super) fn lines(text: &str) -> (Vec<Line>, usize) {
    let (cleaned, timestamps) = cleaned_lines(text);
    let raw: Vec<&str> = cleaned.iter().map(String::as_str).collect();
    let mut reading = Reading::default();
    let mut skip = 0;
    for (i, line) in raw.iter().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if is_rule(trimmed) {
            if trimmed.len() >= 10 && trimmed.chars().all(|c| c == '_') {
                reading.out.push(Line::MessageBreak);
            }
            continue;
        }
        if let Some((used, rows)) = aligned_table(&raw[i..]) {
            reading.rows(rows);
            skip = used - 1;
            continue;
        }
        let underlined = raw.get(i + 1).map(|next| next.trim()).is_some_and(|next| {
            next.len() >= 3 && (next.chars().all(|c| c == '=') || next.chars().all(|c| c == '-'))
        });
        if underlined {
            reading.out.push(Line::Heading(trimmed.to_string()));
            skip = 1;
            continue;
        }
        reading.read(line, &raw[i + 1..]);
    }
    let mut out = reading.out;
    lists_start_where_they_are(&mut out);
    headings_over_lists(&mut out);
    headings_over_paragraphs(&mut out);
    (out, timestamps)
}

/// Each line without its timestamps (counted) and without Markdown's escapes ("\\[Laura\\]
/// Envoyer …", as Markdown exports write it): read as shown.
fn cleaned_lines(text: &str) -> (Vec<String>, usize) {
    let mut timestamps = 0;
    let cleaned = text
        .lines()
        .map(|line| {
            let indent = &line[..line.len() - line.trim_start().len()];
            let (text, count) = without_timestamps(line);
            timestamps += count;
            unescaped(&format!("{indent}{text}"))
        })
        .collect();
    (cleaned, timestamps)
}

/// A rule ("---", "━━━━", "───") separates parts and says nothing.
fn is_rule(trimmed: &str) -> bool {
    trimmed.chars().count() >= 3
        && trimmed.chars().all(|c| "-—–━─═_*=~·•+|: ".contains(c))
        && trimmed.chars().any(|c| !"|: ".contains(c))
}

/// The lines read so far, and what the last of them say about how the next one goes on.
#[derive(Default)]
struct Reading {
    out: Vec<Line>,
    /// Where the text of the last item starts, in characters from the line's start.
    item_column: Option<usize>,
    /// Where the value of the last aligned label line starts ("Datum:      vrijdag …").
    value_column: Option<usize>,
    /// The number of the last numbered heading ("2" for "2. Werfconnectiviteit").
    outline: Option<String>,
}

impl Reading {
    /// A table's rows, read whole: nothing after them goes on in them.
    fn rows(&mut self, rows: Vec<Line>) {
        self.out.extend(rows);
        self.item_column = None;
        self.value_column = None;
    }

    /// One line that is neither empty, a rule nor underlined; `rest` are the lines after it.
    fn read(&mut self, line: &str, rest: &[&str]) {
        let trimmed = line.trim();
        if let Some(title) = numbered_heading(trimmed, rest) {
            self.outline = trimmed
                .split_once(['.', ')'])
                .map(|(number, _)| number.to_string());
            self.out.push(Line::Heading(title));
            return;
        }
        // "2.1 Vanaf december …" under "2. Werfconnectiviteit": a point of that heading,
        // its sentence going on under its first letter.
        let point = self
            .outline
            .as_deref()
            .and_then(|number| outline_point(line, number));
        let classified = match &point {
            Some(text) => Some(Line::Item {
                nested: false,
                indent: indent_of(line),
                done: false,
                marked: false,
                text: text.to_string(),
            }),
            None => classify(line).map(|classified| match classified {
                // "    Referentiecase bouwsector" over "        Wouter Lippens zal …": in an
                // outline pasted with its indentation, a short line over deeper text is that
                // text's title.
                Line::Paragraph(text)
                    if is_short_line(&text) && outlines_deeper_text(line, rest) =>
                {
                    Line::Heading(text)
                }
                other => other,
            }),
        };
        // A title with no label over "Assignee: …" and "Due date: …", as a tracker (Asana,
        // Jira, Planner) mails the tasks it made: an item, whose fields follow. A sentence over
        // "Responsable : Mme Piron." is minutes saying who answers for it, no record.
        let classified = match classified {
            // A short title over fields is taken for an outline's heading first.
            Some(Line::Paragraph(text) | Line::Heading(text))
                if !line.starts_with([' ', '\t'])
                    && !is_section(&text)
                    && labelled(&text).is_none()
                    && !text.ends_with(['.', '!', '?', ':', ';'])
                    && text.split_whitespace().count() <= 20
                    && rest
                        .iter()
                        .find(|next| !next.trim().is_empty())
                        .is_some_and(|next| is_owner_or_due_field(next)) =>
            {
                Some(Line::Item {
                    nested: false,
                    indent: 0,
                    done: false,
                    marked: true,
                    text,
                })
            }
            other => other,
        };
        let wraps_item = self.wraps_item(line, classified.as_ref());
        if self.goes_on_value(line, classified.as_ref()) {
            return;
        }
        self.item_column = match &classified {
            Some(Line::Item { text, .. }) if point.is_some() => {
                Some(line.chars().count() - text.chars().count())
            }
            Some(Line::Item { .. }) => text_column(line),
            Some(Line::Paragraph(_)) if wraps_item => self.item_column,
            _ => None,
        };
        self.place(line, classified, wraps_item);
    }

    /// "- Le projet … par les sites de Mons et de" over "  La Louvière ; …": an item's
    /// sentence wrapped by a mail program goes on under its first letter.
    fn wraps_item(&self, line: &str, classified: Option<&Line>) -> bool {
        match (classified, self.out.last()) {
            (Some(Line::Paragraph(text)), Some(Line::Item { text: above, .. })) => {
                self.item_column == Some(indent_of(line))
                    && above.chars().count() >= 40
                    && !above.ends_with(['.', '!', '?', ':', ';'])
                    && !is_item_field(text)
                    && sentence_goes_on(above, text)
            }
            _ => false,
        }
    }

    /// "Aanwezig:         Geert …, Annelies …," over "                  Kurt …": a value
    /// of a block of aligned labels goes on at its column. Joins the line to that value, and
    /// says whether it did.
    fn goes_on_value(&mut self, line: &str, classified: Option<&Line>) -> bool {
        let goes_on = self.value_column == Some(indent_of(line))
            && matches!(classified, Some(Line::Paragraph(text)) if labelled(text).is_none());
        self.value_column = match classified {
            Some(Line::Paragraph(_)) if goes_on => self.value_column,
            Some(Line::Paragraph(_)) => aligned_value_column(line),
            _ => None,
        };
        let Some(Line::Paragraph(text)) = classified.filter(|_| goes_on) else {
            return false;
        };
        // "… Kurt Vermeulen – Vanhaverbeke Bouw" over "Jens Vandamme (JV), …": the next of a
        // list, not more of the company's name.
        let listed = self.out.last().is_some_and(|last| {
            matches!(last, Line::Paragraph(above) if above.contains(',') && !above.ends_with(','))
        });
        let separator = if listed && text.starts_with(char::is_uppercase) {
            ", "
        } else {
            " "
        };
        join_with(&mut self.out, separator, text);
        true
    }

    /// Whether `line` starts left of the last item's bullet.
    fn dedented_from_item(&self, line: &str) -> bool {
        matches!(self.out.last(), Some(Line::Item { indent, .. }) if indent_of(line) < *indent)
    }

    /// Puts a classified line after the others, or onto the last one it goes on.
    fn place(&mut self, line: &str, classified: Option<Line>, wraps_item: bool) {
        let under_item = matches!(self.out.last(), Some(Line::Item { .. }));
        let indented = line.starts_with([' ', '\t']);
        // "Task: Envoyer l'offre" over "Assigned to: …" and "Due date: …", as a CRM writes a
        // record: an item, whose fields follow.
        let record = match &classified {
            Some(Line::Paragraph(text)) if !wraps_item => task_record(text).map(str::to_string),
            _ => None,
        };
        if let Some(title) = record {
            self.out.push(Line::Item {
                nested: false,
                indent: indent_of(line),
                done: false,
                marked: false,
                text: title,
            });
            return;
        }
        match classified {
            Some(Line::Paragraph(text)) if wraps_item => join_to_last(&mut self.out, &text),
            // An indented line under an item, or a field of it ("Owner: Sam", "Due: 1/12"),
            // belongs to that item: its detail, its owner, its deadline.
            // A line less indented than the item is none of it: "  An Verbruggen" over her
            // items, after "    - …" of the one before.
            Some(Line::Paragraph(text))
                if under_item
                    && (indented && !self.dedented_from_item(line) || is_item_field(&text)) =>
            {
                // Deeper than the item, however the two are indented: "  Task: …" over
                // "  Due date: …".
                let item_indent = match self.out.last() {
                    Some(Line::Item { indent, .. }) => *indent,
                    _ => 0,
                };
                self.out.push(Line::Item {
                    nested: true,
                    indent: indent_of(line).max(item_indent + 2),
                    done: false,
                    marked: false,
                    text,
                })
            }
            // A line wrapped by a mail program goes on in lower case: "Controleer belangrijke
            // / informatie in de opname."
            // The first line is the title, and a date under it ("dinsdag 3 november 2026
            // 09:30") is the meeting's, not more of the title.
            Some(Line::Paragraph(text))
                if !indented
                    && self.out.len() > 1
                    && text.starts_with(char::is_lowercase)
                    && continues(self.out.last())
                    && super::meeting_date(&text, None).is_none() =>
            {
                join_to_last(&mut self.out, &text)
            }
            other => self.out.extend(other),
        }
    }
}

/// Puts `text` after the last line's, a paragraph's or an item's, as more of its sentence.
fn join_to_last(out: &mut [Line], text: &str) {
    join_with(out, " ", text);
}

fn join_with(out: &mut [Line], separator: &str, text: &str) {
    if let Some(Line::Paragraph(before) | Line::Item { text: before, .. }) = out.last_mut() {
        before.push_str(separator);
        before.push_str(text);
    }
}

/// Whether the line before, a paragraph or an item, stops mid-sentence.
fn continues(before: Option<&Line>) -> bool {
    match before {
        // A wrapped line is long; a label's line ("Onderwerp: …") is one line, whatever
        // follows it ("webex by CISCO").
        Some(Line::Paragraph(text) | Line::Item { text, .. }) => {
            !text.ends_with(['.', '!', '?', ':', ';', ')'])
                && text.chars().count() >= 50
                && labelled(text).is_none()
        }
        _ => false,
    }
}

/// Whether `next` goes on with the sentence `above` broke off: it starts in lower case or with
/// a number, or `above` stops on a comma, a dash or a word that needs more ("Mons et de" over
/// "La Louvière"). A name under an item ("Rob Keane · WATCH") is its owner, not more of it.
fn sentence_goes_on(above: &str, next: &str) -> bool {
    const NEED_MORE: &[&str] = &[
        "a", "an", "and", "the", "of", "to", "for", "with", "in", "on", "at", "by", "de", "du",
        "des", "la", "le", "les", "et", "à", "pour", "avec", "en", "van", "voor", "met", "het",
        "een", "op", "te", "und", "der", "die", "das", "den", "zu", "mit", "für", "von",
    ];
    let last = above.rsplit(' ').next().unwrap_or_default().to_lowercase();
    next.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit())
        || above.ends_with([',', '–', '—', '-', '(', '&', '+'])
        || NEED_MORE.contains(&last.as_str())
}

/// Where a list item's text starts, after its indentation and bullet ("  - " is 4, "1. " 3).
fn text_column(line: &str) -> Option<usize> {
    let text = bullet()?.captures(line)?.get(5)?;
    Some(indent_of(line) + line[..text.start()].trim_start().chars().count())
}

/// How far `line` is indented, a tab counting two spaces as in a list item's bullet.
fn indent_of(line: &str) -> usize {
    let lead = &line[..line.len() - line.trim_start().len()];
    lead.replace('\t', "  ").len()
}

/// A list indented as a whole ("    - Stijn gaf aan …" under "Stand van zaken pilot") is
/// nested in nothing: its items are nested only deeper than the first one.
fn lists_start_where_they_are(out: &mut [Line]) {
    let mut base = None;
    for line in out.iter_mut() {
        match line {
            Line::Item { nested, indent, .. } => {
                let base = *base.get_or_insert(*indent);
                *nested = *indent > base;
            }
            _ => base = None,
        }
    }
}

/// A line without Markdown's backslash escapes (`\\[`, `\\*`, `\\_`, `\\#`, `\\-`, `\\.`).
fn unescaped(line: &str) -> String {
    if !line.contains('\\') {
        return line.to_string();
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(next) if c == '\\' && next.is_ascii_punctuation() => {}
            _ => out.push(c),
        }
    }
    out
}

/// `Label: text` with a short label, as points, Gemini's next steps and metadata are written.
pub(super) fn labelled(text: &str) -> Option<(&str, &str)> {
    let (label, rest) = text.split_once(':')?;
    let label = label.trim().trim_matches('*').trim();
    let rest = rest.trim().trim_start_matches("**").trim();
    let short = !label.is_empty() && label.chars().count() <= 60 && !label.contains(". ");
    // "10:30" or "https://x" are not labels.
    let not_a_time = !rest.starts_with(|c: char| c.is_ascii_digit())
        || !label.ends_with(|c: char| c.is_ascii_digit());
    (short && not_a_time && !rest.starts_with("//") && !rest.is_empty()).then_some((label, rest))
}

/// A short line without a full stop that a list follows is that list's heading, as Fathom
/// writes topics and Otter and Fathom write a person's action items.
fn headings_over_lists(out: &mut [Line]) {
    for i in 0..out.len().saturating_sub(1) {
        let heads_a_list = matches!(out[i + 1], Line::Item { nested: false, .. });
        if let (Line::Paragraph(text), true) = (&out[i], heads_a_list) {
            let short = text.chars().count() <= 60 && !text.ends_with(['.', '!', '?', ';', ',']);
            // "Verslag:   Joke Van Hecke" over the first point is a fact of the minutes.
            let a_fact = labelled(text).is_some();
            if short && !a_fact && text.chars().next().is_some_and(char::is_uppercase) {
                out[i] = Line::Heading(text.clone());
            }
        }
    }
}

/// A short line without a colon or a full stop before a paragraph is that paragraph's
/// heading, as Gemini and copied Teams notes write topics.
fn headings_over_paragraphs(out: &mut [Line]) {
    for i in 1..out.len().saturating_sub(1) {
        let before_text = match &out[i + 1] {
            Line::Paragraph(next) => next.chars().count() >= 40 || next.ends_with('.'),
            _ => false,
        };
        // A line after one that ends in a comma goes on with its list ("…, Dhr. Luc
        // Hermans (technische dienst, LH)," over "Katrien Smets (hoofdverpleegkundige)").
        // And a line among short lines is one of a list written without bullets (names under
        // "Participants", one a line), not the heading of what follows the list.
        let continues = matches!(&out[i - 1], Line::Paragraph(before)
            if before.ends_with(',') || is_short_line(before));
        if let (Line::Paragraph(text), true, false) = (&out[i], before_text, continues) {
            let words = text.split_whitespace().count();
            let short = words <= 8
                && !text.ends_with(['.', '!', '?', ';', ','])
                && !text.contains(':')
                && !text.chars().any(|c| c.is_ascii_digit());
            if short && text.chars().next().is_some_and(char::is_uppercase) {
                out[i] = Line::Heading(text.clone());
            }
        }
    }
}

/// "Verontschuldigd", "Afwezig", "Excusés", "Entschuldigt", "Apologies": who was invited and
/// did not come.
pub(super) fn is_excused(name: &str) -> bool {
    let folded = deunicode::deunicode(name).to_lowercase();
    EXCUSED_WORDS.contains(&folded.trim())
}

/// A few words without a sentence's end: a name, a label, a list's line.
fn is_short_line(text: &str) -> bool {
    text.split_whitespace().count() <= 4 && !text.ends_with(['.', '!', '?', ':'])
}

#[cfg(test)]
mod section_tests;
