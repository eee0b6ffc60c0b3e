//! `dossier check --edition customer`: proof that the customer edition holds nothing marked
//! internal. Every internal paragraph, point, task title and name is taken from the sources
//! (with its file and line), the customer edition is built in memory, and every byte it would
//! write is scanned for them, after undoing what each format does to text (HTML tags and
//! entities, JSON and iCalendar escapes, line folding, case and spacing).

use crate::build::write_everything;
use crate::content::config::Edition;
use crate::content::front_matter::split_front_matter;
use crate::content::load::{read_documents, DocCache, LoadOptions};
use crate::content::meeting::MeetingDoc;
use crate::content::people::People;
use crate::content::source::SourceFile;
use crate::error::{Diagnostic, Error, Result};
use crate::formats::Previous;
use crate::model::load::load_site;
use crate::output::Output;
use crate::render::theme::{StaticFile, Theme};
use crate::render::{Renderer, Templates};
use aho_corasick::AhoCorasick;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Words a fragment needs to be looked for: shorter ones ("Tasks", "Budget") are words any
/// page may hold for reasons of its own.
const MIN_WORDS: usize = 2;
/// Characters a one-word fragment needs, for the same reason.
const MIN_CHARS: usize = 16;

/// A piece of internal text, as the scan looks for it and where it was written.
#[derive(Debug, Clone)]
pub struct Fragment {
    /// Folded: lower case, single spaces, no Markdown.
    pub folded: String,
    pub source: PathBuf,
    pub line: usize,
}

/// Internal text found in a file of the customer edition.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Leak {
    pub source: PathBuf,
    pub line: usize,
    pub fragment: String,
    /// The output file, relative to the site's root.
    pub output: String,
}

/// Files named in a report of one passage; the rest are counted.
const FILES_NAMED: usize = 3;

/// One error per internal passage found, at the line it was written on, naming the files of
/// the customer edition that hold it.
pub fn diagnostics(leaks: &[Leak]) -> Vec<Diagnostic> {
    let mut by_passage: std::collections::BTreeMap<(&Path, usize, &str), Vec<&str>> =
        Default::default();
    for leak in leaks {
        by_passage
            .entry((&leak.source, leak.line, &leak.fragment))
            .or_default()
            .push(&leak.output);
    }
    by_passage
        .into_iter()
        .map(|((source, line, fragment), outputs)| {
            let mut named = outputs[..outputs.len().min(FILES_NAMED)].join(", ");
            if outputs.len() > FILES_NAMED {
                named.push_str(&format!(" and {} more", outputs.len() - FILES_NAMED));
            }
            Diagnostic::file(
                source,
                format!("internal text in the customer edition: \"{fragment}\" is in {named}"),
            )
            .at_line(line)
        })
        .collect()
}

/// What a scan looked for, in how many files, and what it found.
#[derive(Debug)]
pub struct ScanReport {
    pub fragments: usize,
    pub files: usize,
    pub leaks: Vec<Leak>,
}

/// Builds the customer edition of the site at `root` in memory and finds every place it
/// holds internal text.
pub fn scan(root: &Path, load: &LoadOptions) -> Result<ScanReport> {
    let fragments = internal_fragments(root, load)?;
    let customer = LoadOptions {
        edition: Edition::Customer,
        keep_history: false,
        ..load.clone()
    };
    let loaded = load_site(root, &customer)?;
    let site = &loaded.site;
    let theme = Theme::load(root, &site.config.theme)?;
    let templates = Templates::new(site, &theme)?;
    let renderer = Renderer::new(site, &templates);
    let pages = renderer.pages();
    let scanner = Scanner::new(&fragments)?;
    write_everything(
        &renderer,
        &pages,
        &theme,
        &Previous::default(),
        &scanner,
        None,
    )?;
    let files = scanner.files.load(std::sync::atomic::Ordering::Relaxed);
    Ok(ScanReport {
        fragments: fragments.len(),
        files,
        leaks: scanner.into_leaks(),
    })
}

/// Every internal fragment of the site's sources, read as the internal edition reads them.
pub fn internal_fragments(root: &Path, load: &LoadOptions) -> Result<Vec<Fragment>> {
    let internal = LoadOptions {
        edition: Edition::Internal,
        keep_history: false,
        ..load.clone()
    };
    let documents = read_documents(root, &internal, &mut DocCache::default())?;
    let mut fragments = Vec::new();
    for doc in &documents.meetings {
        meeting_fragments(doc, &documents.people, &mut fragments);
    }
    for doc in documents.initiatives.iter().filter(|doc| doc.internal) {
        add(&doc.title, &doc.source.path, 2, &mut fragments);
        let body = whole_body(&doc.source);
        add_lines(
            &doc.source.text,
            body,
            &doc.source.path,
            &documents.people,
            &mut fragments,
        );
    }
    for person in documents.people.iter().filter(|person| person.internal) {
        add(
            &person.name,
            Path::new(crate::content::people::PEOPLE_FILE),
            1,
            &mut fragments,
        );
    }
    // The same text written twice is looked for once, at its first place.
    let mut seen = BTreeSet::new();
    fragments.retain(|fragment| seen.insert(fragment.folded.clone()));
    Ok(fragments)
}

/// An internal meeting whole; otherwise its internal topics, tasks and notes blocks.
fn meeting_fragments(doc: &MeetingDoc, people: &People, out: &mut Vec<Fragment>) {
    let text = &doc.source.text;
    let path = &doc.source.path;
    let lines: Vec<&str> = text.lines().collect();
    if doc.internal {
        let title_line = lines
            .iter()
            .position(|l| l.starts_with("title"))
            .unwrap_or(0);
        add(&doc.title, path, title_line + 1, out);
        add_lines(text, whole_body(&doc.source), path, people, out);
        return;
    }
    for topic in doc.topics.iter().filter(|topic| topic.internal) {
        // From its heading to the next one.
        let start = topic.line.saturating_sub(1);
        let end = (start + 1..lines.len())
            .find(|&n| lines[n].starts_with("## "))
            .unwrap_or(lines.len());
        add_lines(text, start..end, path, people, out);
    }
    for task in doc.tasks.iter().filter(|task| task.internal) {
        add(&task.title, path, task.line, out);
        let start = task.line.saturating_sub(1);
        add_lines(text, start..start + 1, path, people, out);
    }
    // ```internal blocks, wherever they stand.
    let mut open: Option<usize> = None;
    for (n, line) in lines.iter().enumerate() {
        let fence = line.trim_start();
        match open {
            None if fence.starts_with("```")
                && fence.trim_start_matches('`').split_whitespace().next()
                    == Some(crate::content::markdown::INTERNAL_FENCE) =>
            {
                open = Some(n + 1);
            }
            Some(start) if fence.starts_with("```") => {
                add_lines(text, start..n, path, people, out);
                open = None;
            }
            _ => {}
        }
    }
}

/// The lines after the front matter (0-based), where the reader found them.
fn whole_body(source: &SourceFile) -> std::ops::Range<usize> {
    let lines = source.text.lines().count();
    let start = split_front_matter(source)
        .map_or(0, |front| source.text[..front.body.start].lines().count());
    start..lines
}

/// The fragments of lines `range` (0-based) of `text`: each line's text between its Markdown
/// marks and mentions (a mention shows as a name, or as "the account team"), and the names
/// it mentions.
fn add_lines(
    text: &str,
    range: std::ops::Range<usize>,
    path: &Path,
    people: &People,
    out: &mut Vec<Fragment>,
) {
    for (n, line) in text.lines().enumerate().skip(range.start).take(range.len()) {
        for piece in pieces(line) {
            add(&piece, path, n + 1, out);
        }
        for word in line.split_whitespace() {
            if let Some(written) = word.strip_prefix('@') {
                let written = written.trim_end_matches(|c: char| !c.is_alphanumeric());
                if let crate::content::people::Resolved::Person(person) = people.resolve(written) {
                    if person.internal {
                        add(&person.name, path, n + 1, out);
                    }
                }
            }
        }
    }
}

/// A line's text between Markdown marks, attribute blocks, deadlines and mentions.
fn pieces(line: &str) -> Vec<String> {
    let line = line
        .trim_start()
        .trim_start_matches(['#', '-', '*', '+', '>', ' '])
        .trim_start_matches("[ ]")
        .trim_start_matches("[x]")
        .trim_start_matches("[X]");
    let mut pieces = Vec::new();
    let mut current = String::new();
    let mut in_braces = false;
    for word in line.split_whitespace() {
        let breaks =
            word.starts_with('@') || word.starts_with("due:") || in_braces || word.starts_with('{');
        if word.starts_with('{') {
            in_braces = true;
        }
        if in_braces && word.ends_with('}') {
            in_braces = false;
        }
        if breaks {
            pieces.push(std::mem::take(&mut current));
            continue;
        }
        let clean: String = word
            .chars()
            .filter(|c| !matches!(c, '*' | '_' | '`' | '[' | ']'))
            .collect();
        // A link's address is not shown: `[text](url)` keeps its text.
        let clean = clean.split("](").next().unwrap_or_default().to_string();
        let clean = match clean.find('(') {
            Some(0) if clean.contains("://") => String::new(),
            _ => clean,
        };
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(&clean);
    }
    pieces.push(current);
    pieces
}

fn add(text: &str, source: &Path, line: usize, out: &mut Vec<Fragment>) {
    let folded = fold(text.trim().trim_end_matches(['.', ':', ',', ';']));
    let long_enough = folded.split(' ').count() >= MIN_WORDS || folded.chars().count() >= MIN_CHARS;
    if long_enough && !folded.is_empty() {
        out.push(Fragment {
            folded,
            source: source.to_path_buf(),
            line,
        });
    }
}

/// Lower case, single spaces.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a reader of a file would see of its text: without HTML tags and entities, JSON and
/// iCalendar escapes and folded lines, then folded.
pub fn readable(path: &str, bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let text = if path.ends_with(".ics") {
        text.replace("\r\n ", "")
            .replace("\\n", " ")
            .replace("\\N", " ")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\")
    } else {
        text.into_owned()
    };
    let text = if path.ends_with(".json") || path.ends_with(".js") {
        json_unescaped(&text)
    } else {
        text
    };
    fold(&crate::escape::html_text(&text))
}

/// JSON string escapes undone (`\u00e9`, `\"`, `\n`, `\/`).
fn json_unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'r' | 't') => out.push(' '),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    Some(decoded) => out.push(decoded),
                    None => out.push(' '),
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// An output that writes nothing: it reads every file the build would write for internal
/// fragments.
struct Scanner<'f> {
    fragments: &'f [Fragment],
    automaton: AhoCorasick,
    leaks: Mutex<BTreeSet<Leak>>,
    files: std::sync::atomic::AtomicUsize,
}

impl<'f> Scanner<'f> {
    fn new(fragments: &'f [Fragment]) -> Result<Scanner<'f>> {
        let automaton =
            AhoCorasick::new(fragments.iter().map(|f| f.folded.as_str())).map_err(|e| {
                Error::Usage(format!("the internal text could not be searched for: {e}"))
            })?;
        Ok(Scanner {
            fragments,
            automaton,
            leaks: Mutex::new(BTreeSet::new()),
            files: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    fn scan(&self, relative: &str, bytes: &[u8]) {
        self.files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if self.fragments.is_empty() {
            return;
        }
        let text = readable(relative, bytes);
        let found: BTreeSet<usize> = self
            .automaton
            .find_overlapping_iter(&text)
            .map(|m| m.pattern().as_usize())
            .collect();
        if found.is_empty() {
            return;
        }
        let mut leaks = self.leaks.lock().unwrap_or_else(|e| e.into_inner());
        for n in found {
            let fragment = &self.fragments[n];
            leaks.insert(Leak {
                source: fragment.source.clone(),
                line: fragment.line,
                fragment: fragment.folded.clone(),
                output: relative.to_string(),
            });
        }
    }

    fn into_leaks(self) -> Vec<Leak> {
        self.leaks
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .collect()
    }
}

impl Output for Scanner<'_> {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        self.scan(relative, bytes);
        Ok(())
    }

    fn copy(&self, relative: &str, source: &StaticFile) -> Result<()> {
        match source {
            StaticFile::Embedded(bytes) => self.scan(relative, bytes),
            StaticFile::OnDisk(path) => {
                let bytes = std::fs::read(path).map_err(|e| Error::read(path, e))?;
                self.scan(relative, &bytes);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_each_format_does_to_text_is_undone_before_the_search() {
        assert_eq!(
            readable(
                "a.html",
                b"<p>Floor <strong>is 18%</strong> &amp; &#39;firm&#x27;</p>"
            ),
            "floor is 18% & 'firm'"
        );
        assert_eq!(
            readable("t.json", br#"{"title":"Caf\u00e9 \"floor\"\nnext"}"#),
            "{\"title\":\"café \"floor\" next\"}"
        );
        assert_eq!(
            readable(
                "c.ics",
                b"SUMMARY:Floor is 18\\, not 20 and this line is fol\r\n ded"
            ),
            "summary:floor is 18, not 20 and this line is folded"
        );
    }

    #[test]
    fn a_line_gives_its_text_between_marks_mentions_and_deadlines() {
        assert_eq!(
            pieces(
                "- [ ] **Ask the deal desk:** for an exception @dana due:2026-11-30 {.internal}"
            ),
            ["Ask the deal desk: for an exception", "", "", ""]
        );
        assert_eq!(
            pieces("@dana says the floor is 18% below list."),
            ["", "says the floor is 18% below list."]
        );
    }
}
