//! `dossier check --edition customer`: proof that the customer edition holds nothing marked
//! internal. Every internal paragraph, point, task title and name is taken from the sources
//! (with its file and line), the customer edition is built in memory, and every byte it would
//! write is scanned for them, after undoing what each format does to text (HTML tags and
//! entities, JSON and iCalendar escapes, line folding, case and spacing).

use crate::build::write_everything;
use crate::content::config::Edition;
use crate::content::front_matter::split_front_matter;
use crate::content::load::{customer_account, in_account, read_documents, DocCache, LoadOptions};
use crate::content::meeting::MeetingDoc;
use crate::content::people::People;
use crate::content::source::SourceFile;
use crate::error::{Diagnostic, Error, Result};
use crate::formats::Previous;
use crate::model::load::load_site;
use crate::output::Output;
use crate::render::theme::StaticFile;
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
pub(crate) struct Fragment {
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
pub(crate) fn diagnostics(leaks: &[Leak]) -> Vec<Diagnostic> {
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
pub(crate) fn scan(root: &Path, load: &LoadOptions) -> Result<ScanReport> {
    let (fragments, addresses) = internal_fragments(root, load)?;
    let customer = LoadOptions {
        edition: Edition::Customer,
        keep_history: false,
        ..load.clone()
    };
    let loaded = load_site(root, &customer)?;
    let site = &loaded.site;
    // The customer edition's meetings name no recap: site_theme adds none, and the scan sees
    // exactly what a build of it would write.
    let theme = super::site_theme(root, site)?;
    let templates = Templates::new(site, &theme)?;
    let renderer = Renderer::new(site, &templates);
    let pages = renderer.pages();
    let scanner = Scanner::new(&fragments, &addresses)?;
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
        fragments: fragments.len() + addresses.len(),
        files,
        leaks: scanner.into_leaks(),
    })
}

/// Every internal fragment of the site's sources, read as the internal edition reads them:
/// the passages, and the addresses of what is internal (a page named after an internal
/// meeting, topic, initiative, task or person names it).
pub(crate) fn internal_fragments(
    root: &Path,
    load: &LoadOptions,
) -> Result<(Vec<Fragment>, Vec<Fragment>)> {
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
    for doc in documents.initiatives.iter().filter(|doc| !doc.internal) {
        internal_lines(
            &doc.source,
            &doc.internal_ranges,
            &documents.people,
            &mut fragments,
        );
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
    let chosen = load
        .account
        .as_deref()
        .or(documents.config.editions.customer.account.as_deref());
    let accounts = documents
        .meetings
        .iter()
        .filter(|doc| !doc.internal)
        .filter_map(|doc| doc.account.as_deref())
        .chain(
            documents
                .initiatives
                .iter()
                .filter(|doc| !doc.internal)
                .filter_map(|doc| doc.account.as_deref()),
        );
    let account = customer_account(accounts, chosen)?;
    Ok((fragments, internal_addresses(&documents, &account)))
}

/// The addresses of everything internal: an output that names one names what it leaves out.
/// The files of other accounts are named by their addresses only: their passages may well
/// read like this account's ("Next sync in two weeks").
fn internal_addresses(
    documents: &crate::content::load::Documents,
    account: &Option<String>,
) -> Vec<Fragment> {
    use crate::urls;
    let mut out = Vec::new();
    let mut address = |address: String, source: &Path, line: usize| {
        out.push(Fragment {
            folded: address.to_lowercase(),
            source: source.to_path_buf(),
            line,
        })
    };
    // A task continued in a public mention is public under its id.
    let public_ids: BTreeSet<&str> = documents
        .meetings
        .iter()
        .filter(|doc| !doc.internal)
        .flat_map(|doc| doc.tasks.iter().filter(|task| !task.internal))
        .filter_map(|task| task.id.as_ref().map(|id| id.slug.as_str()))
        .collect();
    for doc in &documents.meetings {
        let path = &doc.source.path;
        if doc.internal || !in_account(account, doc.account.as_deref()) {
            address(urls::meeting(&doc.slug), path, 1);
        }
        if let Some(other) = doc
            .account
            .as_deref()
            .filter(|name| !in_account(account, Some(name)))
        {
            address(urls::account(&crate::paths::account_slug(other)), path, 1);
        }
        for topic in doc.topics.iter().filter(|t| doc.internal || t.internal) {
            address(urls::topic(&doc.slug, &topic.slug), path, topic.line);
        }
        for task in &doc.tasks {
            let hidden = doc.internal
                || task.internal
                || task
                    .topic
                    .is_some_and(|topic| doc.topics.get(topic).is_some_and(|t| t.internal));
            if let Some(id) = task
                .id
                .as_ref()
                .filter(|id| hidden && !public_ids.contains(id.slug.as_str()))
            {
                address(urls::task(&id.slug), path, task.line);
            }
        }
    }
    for doc in documents
        .initiatives
        .iter()
        .filter(|doc| doc.internal || !in_account(account, doc.account.as_deref()))
    {
        address(urls::initiative(&doc.slug), &doc.source.path, 1);
    }
    let people_file = Path::new(crate::content::people::PEOPLE_FILE);
    for person in documents.people.iter().filter(|person| person.internal) {
        address(urls::owner(&person.id), people_file, 1);
    }
    out
}

/// An internal meeting whole; otherwise the lines its markers make internal
/// (`content::marks`, the reading every edition uses).
fn meeting_fragments(doc: &MeetingDoc, people: &People, out: &mut Vec<Fragment>) {
    let text = &doc.source.text;
    let path = &doc.source.path;
    if doc.internal {
        let title_line = text
            .lines()
            .position(|l| l.starts_with("title"))
            .unwrap_or(0);
        add(&doc.title, path, title_line + 1, out);
        add_lines(text, whole_body(&doc.source), path, people, out);
        return;
    }
    internal_lines(&doc.source, &doc.internal_ranges, people, out);
}

/// The fragments of the internal lines of a file, given as byte ranges.
fn internal_lines(
    source: &SourceFile,
    ranges: &[std::ops::Range<usize>],
    people: &People,
    out: &mut Vec<Fragment>,
) {
    for range in ranges {
        let first = source.line_at(range.start).0.saturating_sub(1);
        let last = source
            .line_at(range.end.saturating_sub(1).max(range.start))
            .0;
        add_lines(&source.text, first..last, &source.path, people, out);
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

/// Text as a reader tells it apart: compatibility forms made plain (NFKC), invisible
/// characters and Markdown's punctuation dropped (a passage reads the same as code, emphasis
/// or a link), lower case, single spaces. Sources and outputs are folded alike.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let plain: String = text
        .nfkc()
        .filter(|c| {
            !crate::content::marks::is_invisible(*c)
                && !matches!(c, '*' | '_' | '`' | '[' | ']' | '~' | '\\' | '|')
        })
        .flat_map(char::to_lowercase)
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// What a file says inside its markup, which `readable` leaves out: attribute values (a
/// link's title, an image's alt text, a page's description) and comments, with every tag's
/// brackets, quotes and `=` as spaces; only for HTML and XML files.
pub(crate) fn inside_markup(path: &str, bytes: &[u8]) -> Option<String> {
    if !(path.ends_with(".html") || path.ends_with(".xml")) {
        return None;
    }
    let text = String::from_utf8_lossy(bytes).replace(['<', '>', '"', '\'', '='], " ");
    Some(fold(&crate::escape::unescape_references(&text)))
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
    /// Addresses are looked for in the file as written, where links keep them.
    addresses: &'f [Fragment],
    address_automaton: AhoCorasick,
    leaks: Mutex<BTreeSet<Leak>>,
    files: std::sync::atomic::AtomicUsize,
}

impl<'f> Scanner<'f> {
    fn new(fragments: &'f [Fragment], addresses: &'f [Fragment]) -> Result<Scanner<'f>> {
        let searcher = |fragments: &[Fragment]| {
            AhoCorasick::new(fragments.iter().map(|f| f.folded.as_str())).map_err(|e| {
                Error::Internal(format!("the internal text could not be searched for: {e}"))
            })
        };
        Ok(Scanner {
            fragments,
            automaton: searcher(fragments)?,
            addresses,
            address_automaton: searcher(addresses)?,
            leaks: Mutex::new(BTreeSet::new()),
            files: std::sync::atomic::AtomicUsize::new(0),
        })
    }

    fn scan(&self, relative: &str, bytes: &[u8]) {
        self.files
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut found: Vec<&Fragment> = Vec::new();
        if !self.fragments.is_empty() {
            let texts = [
                Some(readable(relative, bytes)),
                inside_markup(relative, bytes),
            ];
            let hits: BTreeSet<usize> = texts
                .iter()
                .flatten()
                .flat_map(|text| self.automaton.find_overlapping_iter(text))
                .map(|m| m.pattern().as_usize())
                .collect();
            found.extend(hits.into_iter().map(|n| &self.fragments[n]));
        }
        if !self.addresses.is_empty() {
            let text = String::from_utf8_lossy(bytes)
                .replace("\\/", "/")
                .to_lowercase();
            let hits: BTreeSet<usize> = self
                .address_automaton
                .find_overlapping_iter(&text)
                .map(|m| m.pattern().as_usize())
                .collect();
            found.extend(hits.into_iter().map(|n| &self.addresses[n]));
        }
        if found.is_empty() {
            return;
        }
        let mut leaks = self.leaks.lock().unwrap_or_else(|e| e.into_inner());
        for fragment in found {
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
            StaticFile::InMemory(bytes) => self.scan(relative, bytes),
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
    fn text_inside_markup_is_read_too() {
        let page =
            br#"<p><a href="x" title="The floor is 18&#37;">sheet</a><!-- Dana says no --></p>"#;
        let inside = inside_markup("a.html", page).unwrap_or_default();
        assert!(inside.contains("the floor is 18%"), "{inside}");
        assert!(inside.contains("dana says no"), "{inside}");
        assert!(!readable("a.html", page).contains("floor"));
        assert_eq!(inside_markup("t.json", page), None);
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
