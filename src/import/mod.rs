//! `dossier import`: a recap as meeting tools send it, turned into a meeting file, with owners
//! matched to people.toml and deadlines in words turned into `due:`.

pub mod deadlines;
pub mod recap;

use crate::content::config::SiteConfig;
use crate::content::people::{mention_key, People, Person, Resolved, PEOPLE_FILE};
use crate::content::source::SourceFile;
use crate::error::{Diagnostic, Error, Result};
use crate::paths::slugify;
use crate::plural;
use crate::site_paths::inside_site;
use crate::site_paths::MEETINGS_DIR;
use chrono::NaiveDate;
use deadlines::{Found, Reading};
use recap::{opening_names, opening_names_lenient, Recap, RecapTask};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub root: PathBuf,
    /// A file, or `-` for standard input.
    pub input: PathBuf,
    pub date: Option<NaiveDate>,
    pub account: Option<String>,
    pub dry_run: bool,
    pub force: bool,
}

/// What an import did, for the report.
#[derive(Debug, Default)]
pub struct ImportReport {
    pub title: String,
    pub date: Option<NaiveDate>,
    /// Relative to the site root.
    pub path: PathBuf,
    pub meeting_file: String,
    pub topics: usize,
    pub tasks: usize,
    pub placed: usize,
    pub people_added: Vec<(String, String)>,
    /// (task title, token, words)
    pub deadlines: Vec<(String, String, String)>,
    /// (task title, why)
    pub undated: Vec<(String, String)>,
    /// (name as written, where, candidate ids)
    pub ambiguous: Vec<(String, String, Vec<String>)>,
}

/// People as the importer matches them: people.toml plus the people this recap adds.
struct Directory {
    people: People,
    added: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Match {
    Person(String),
    Ambiguous(Vec<String>),
    Unknown,
}

impl Directory {
    /// By id, name or alias; then a lone first name that only one person has.
    fn find(&self, name: &str) -> Match {
        match self.people.resolve(name) {
            Resolved::Person(person) => return Match::Person(person.id.clone()),
            Resolved::Ambiguous(ids) => {
                return Match::Ambiguous(ids.into_iter().map(str::to_string).collect())
            }
            Resolved::Unknown => {}
        }
        if name.split_whitespace().count() != 1 {
            return Match::Unknown;
        }
        let key = mention_key(name);
        let by_first_name: Vec<String> = self
            .people
            .iter()
            .filter(|p| {
                p.name
                    .split_whitespace()
                    .next()
                    .is_some_and(|first| mention_key(first) == key)
            })
            .map(|p| p.id.clone())
            .collect();
        match by_first_name.len() {
            0 => Match::Unknown,
            1 => Match::Person(by_first_name.into_iter().next().unwrap_or_default()),
            _ => Match::Ambiguous(by_first_name),
        }
    }

    fn add(&mut self, name: &str) -> String {
        let base = slugify(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.people.get(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        let person = Person {
            id: id.clone(),
            name: name.to_string(),
            role: None,
            aliases: Vec::new(),
            listed: true,
        };
        self.people.insert(person.clone());
        self.added.push(person);
        id
    }
}

/// Escapes what Markdown or dossier would otherwise read as markup, so recap text shows as
/// written: HTML, emphasis, links, heading attributes.
/// `@` and the colon of `due:` too, so that recap text never names an owner or a deadline.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let due_colon = c == ':'
            && out
                .len()
                .checked_sub(3)
                .and_then(|start| out.get(start..))
                .is_some_and(|tail| tail.eq_ignore_ascii_case("due"));
        if due_colon
            || matches!(
                c,
                '\\' | '*'
                    | '_'
                    | '`'
                    | '['
                    | ']'
                    | '<'
                    | '>'
                    | '{'
                    | '}'
                    | '|'
                    | '@'
                    | '&'
                    | '~'
                    | '#'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escaped text that starts a line in the meeting file, with its first characters escaped
/// too where they would make the line a list item, a heading underline or a numbered item
/// ("- ", "=== ", "2025. ").
fn escape_line_start(escaped: &str) -> String {
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let at = if escaped.starts_with(['-', '+', '=']) {
        0
    } else if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        digits
    } else {
        return escaped.to_string();
    };
    format!("{}\\{}", &escaped[..at], &escaped[at..])
}

/// The meeting date written in a recap title: "18 November 2025", "November 18, 2025",
/// "2025-11-18". Ok(None) when the title only names a month.
fn date_in_title(title: &str) -> std::result::Result<Option<NaiveDate>, String> {
    let reference = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
    let found = deadlines::find(title, reference, None);
    for item in &found {
        if let Reading::Due(due) = item.reading {
            if due.precision == crate::dates::Precision::Day && has_year(&item.words) {
                return Ok(Some(due.date));
            }
        }
    }
    // "18 November 2025" or "November 18, 2025": the day and month, then the year after them.
    let words: Vec<&str> = title
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for window in words.windows(3) {
        let candidates = [
            format!("{} {}", window[0], window[1]),
            format!("{} {}", window[1], window[0]),
        ];
        if let Ok(year) = window[2].parse::<i32>() {
            for candidate in candidates {
                for item in deadlines::find(&candidate, reference, None) {
                    if let Reading::Due(due) = item.reading {
                        if due.precision == crate::dates::Precision::Day {
                            use chrono::Datelike;
                            return Ok(NaiveDate::from_ymd_opt(
                                year,
                                due.date.month(),
                                due.date.day(),
                            ));
                        }
                    }
                }
            }
        }
    }
    Err("the title gives no day".into())
}

/// Whether the words hold a full ISO date (eight digits), not only a day and month.
fn has_year(words: &str) -> bool {
    words.chars().filter(char::is_ascii_digit).count() >= 8
}

/// The title without the month and year that meeting tools append, for the file name.
fn file_slug(title: &str) -> String {
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let slug = slugify(title);
    let kept: Vec<&str> = slug
        .split('-')
        .filter(|part| !months.contains(part) && !part.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let joined = kept.join("-");
    if joined.is_empty() {
        "meeting".into()
    } else {
        joined
    }
}

/// Words that say what a topic or task is about, for placing tasks under topics.
fn key_words(text: &str) -> BTreeSet<String> {
    const COMMON: &[&str] = &[
        "with", "from", "that", "this", "about", "their", "into", "update", "updates", "follow",
        "status", "progress", "meeting",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(|w| w.to_lowercase())
        .map(|w| w.strip_suffix('s').map(str::to_string).unwrap_or(w))
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(&w.as_str()))
        .collect()
}

/// The topics' key words, indexed by word, so that placing a task looks only at the topics
/// that share a word with it, not at every topic.
struct TopicWords<'a> {
    topics: usize,
    by_word: HashMap<&'a str, Vec<usize>>,
}

impl<'a> TopicWords<'a> {
    fn new(topics: &'a [BTreeSet<String>]) -> Self {
        let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
        for (index, words) in topics.iter().enumerate() {
            for word in words {
                by_word.entry(word.as_str()).or_default().push(index);
            }
        }
        TopicWords {
            topics: topics.len(),
            by_word,
        }
    }

    /// The topic a task belongs to: the one whose title and point titles share the most words
    /// with the task's title, when at least two words and no other topic ties. Otherwise the
    /// meeting.
    fn place(&self, task: &RecapTask) -> Option<usize> {
        if self.topics == 0 {
            return None;
        }
        let mut scores: HashMap<usize, usize> = HashMap::new();
        for word in key_words(&task.title) {
            for &topic in self.by_word.get(word.as_str()).into_iter().flatten() {
                *scores.entry(topic).or_default() += 1;
            }
        }
        let best = scores.values().copied().max()?;
        let mut leaders = scores.iter().filter(|(_, &score)| score == best);
        let (&topic, _) = leaders.next()?;
        (best >= 2 && leaders.next().is_none()).then_some(topic)
    }
}

/// A recap's text as a meeting file, with people matched against `people`; the people it adds
/// are in the report. Touches no file: [`import`] writes what this returns.
pub fn convert(
    input_name: &Path,
    text: &str,
    date: Option<NaiveDate>,
    account: Option<&str>,
    people: People,
    config: &SiteConfig,
) -> Result<(ImportReport, Vec<Person>)> {
    let recap = recap::parse(text).map_err(|e| {
        Error::Content(vec![Diagnostic::file(input_name, e.message).at_line(e.line)])
    })?;
    let date = match date {
        Some(date) => date,
        None => match date_in_title(&recap.title) {
            Ok(Some(date)) => date,
            _ => {
                return Err(Error::Usage(format!(
                "the title \"{}\" gives no full date; pass the meeting date with --date YYYY-MM-DD",
                recap.title
            )))
            }
        },
    };
    let mut directory = Directory {
        people,
        added: Vec::new(),
    };
    let mut report = ImportReport {
        title: recap.title.clone(),
        date: Some(date),
        topics: recap.topics.len(),
        tasks: recap.tasks.len(),
        ..ImportReport::default()
    };
    register_people(&recap, &mut directory);
    report.meeting_file = write_meeting(&recap, date, account, config, &mut directory, &mut report);
    report.path = Path::new(MEETINGS_DIR).join(format!("{date}-{}.md", file_slug(&recap.title)));
    report.people_added = directory
        .added
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    Ok((report, directory.added))
}

pub fn import(options: &ImportOptions) -> Result<ImportReport> {
    let config = SiteConfig::load(&options.root)?;
    let (input_name, bytes) = read_input(&options.input)?;
    let input = SourceFile::from_bytes(&input_name, bytes).map_err(|d| Error::Content(vec![d]))?;
    let people = People::load(&options.root)?;
    let (report, added) = convert(
        &input_name,
        &input.text,
        options.date,
        options.account.as_deref(),
        people,
        &config,
    )?;
    let path = report.path.clone();
    if options.dry_run {
        return Ok(report);
    }
    let full = inside_site(&options.root, &path)?;
    if full.exists() && !options.force {
        return Err(Error::Content(vec![Diagnostic::file(
            &path,
            "already exists; dossier import never overwrites (pass --force to replace it, or --dry-run to see the result)",
        )]));
    }
    if !added.is_empty() {
        add_to_people_file(&options.root, &added, &input_name)?;
    }
    if let Some(dir) = full.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    }
    std::fs::write(&full, &report.meeting_file).map_err(|e| Error::write(&path, e))?;
    Ok(report)
}

fn read_input(input: &Path) -> Result<(PathBuf, Vec<u8>)> {
    if input == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| Error::read(Path::new("<stdin>"), e))?;
        Ok((PathBuf::from("<stdin>"), bytes))
    } else {
        let bytes = std::fs::read(input).map_err(|e| Error::read(input, e))?;
        Ok((input.to_path_buf(), bytes))
    }
}

/// Adds everyone the recap names as a participant or owner who is not in people.toml yet; full
/// names first, so that a lone "Patrick" is then seen to match two people.
fn register_people(recap: &Recap, directory: &mut Directory) {
    let mut names: Vec<String> = Vec::new();
    for topic in &recap.topics {
        names.extend(opening_names(&topic.summary).0);
    }
    for task in &recap.tasks {
        names.extend(task.owners.iter().cloned());
    }
    names.sort_by_key(|name| std::cmp::Reverse(name.split_whitespace().count()));
    for name in names {
        if directory.find(&name) == Match::Unknown {
            directory.add(&name);
        }
    }
}

/// Writes the opening names of a text as mentions: "@sigi, @olivia and Patrick discussed …".
/// In a summary (`participants`) the opening names the topic's participants; in a point, only
/// names of people already known become mentions.
fn mention_opening(
    text: &str,
    directory: &Directory,
    place: &str,
    report: &mut ImportReport,
    participants: bool,
) -> String {
    let (names, end) = if participants {
        opening_names(text)
    } else {
        opening_names_lenient(text)
    };
    if names.is_empty() {
        return escape_markdown(text);
    }
    let opening = &text[..end];
    let mut out = String::new();
    let mut cursor = 0;
    for name in &names {
        let Some(at) = opening[cursor..].find(name.as_str()).map(|i| i + cursor) else {
            continue;
        };
        out.push_str(&escape_markdown(&opening[cursor..at]));
        match directory.find(name) {
            Match::Person(id) => out.push_str(&format!("@{id}")),
            Match::Ambiguous(ids) => {
                if participants {
                    report
                        .ambiguous
                        .push((name.clone(), place.to_string(), ids));
                }
                out.push_str(&escape_markdown(name));
            }
            Match::Unknown => out.push_str(&escape_markdown(name)),
        }
        cursor = at + name.len();
    }
    out.push_str(&escape_markdown(&text[cursor..]));
    out
}

fn write_meeting(
    recap: &Recap,
    date: NaiveDate,
    account: Option<&str>,
    config: &SiteConfig,
    directory: &mut Directory,
    report: &mut ImportReport,
) -> String {
    let mut out = String::new();
    out.push_str("+++\n");
    let _ = writeln!(out, "title = {}", toml::Value::String(recap.title.clone()));
    let _ = writeln!(out, "date = {date}");
    if let Some(account) = account {
        let _ = writeln!(
            out,
            "account = {}",
            toml::Value::String(account.to_string())
        );
    }
    out.push_str("+++\n");

    let topic_words: Vec<BTreeSet<String>> = recap
        .topics
        .iter()
        .map(|t| {
            let mut words = key_words(&t.title);
            for (point, _) in &t.points {
                words.extend(key_words(point));
            }
            words
        })
        .collect();
    let mut placed: HashMap<usize, Vec<&RecapTask>> = HashMap::new();
    let mut meeting_level: Vec<&RecapTask> = Vec::new();
    let index = TopicWords::new(&topic_words);
    for task in &recap.tasks {
        match index.place(task) {
            Some(topic) => placed.entry(topic).or_default().push(task),
            None => meeting_level.push(task),
        }
    }
    report.placed = recap.tasks.len() - meeting_level.len();

    let mut slugs_taken = HashSet::new();
    for (index, topic) in recap.topics.iter().enumerate() {
        let _ = write!(out, "\n## {}", escape_markdown(&topic.title));
        // A topic whose title makes no address, or the address of an earlier topic, gets
        // one of its own, so that the file always builds.
        let natural = slugify(&topic.title);
        let mut slug = if natural.is_empty() {
            format!("topic-{}", index + 1)
        } else {
            natural.clone()
        };
        let mut suffix = 2;
        while !slugs_taken.insert(slug.clone()) {
            slug = format!(
                "{}-{suffix}",
                if natural.is_empty() {
                    "topic"
                } else {
                    &natural
                }
            );
            suffix += 1;
        }
        if slug != natural {
            let _ = write!(out, " {{#{slug}}}");
        }
        out.push('\n');
        if !topic.summary.is_empty() {
            let place = format!("topic \"{}\"", topic.title);
            let summary = mention_opening(&topic.summary, directory, &place, report, true);
            let at_start = summary.starts_with('@');
            out.push_str(&if at_start {
                summary
            } else {
                escape_line_start(&summary)
            });
            out.push('\n');
        }
        if !topic.points.is_empty() {
            out.push('\n');
        }
        for (title, text) in &topic.points {
            let place = format!("point \"{title}\"");
            let _ = writeln!(
                out,
                "- **{}:** {}",
                escape_markdown(title),
                mention_opening(text, directory, &place, report, false)
            );
        }
        if let Some(tasks) = placed.get(&index) {
            out.push('\n');
            for task in tasks {
                out.push_str(&task_line(task, date, config, directory, report));
            }
        }
    }
    if !meeting_level.is_empty() {
        out.push_str("\n## Tasks\n");
        for task in meeting_level {
            out.push_str(&task_line(task, date, config, directory, report));
        }
    }
    out
}

fn task_line(
    task: &RecapTask,
    date: NaiveDate,
    config: &SiteConfig,
    directory: &Directory,
    report: &mut ImportReport,
) -> String {
    let mut owners = Vec::new();
    let mut unmatched = Vec::new();
    for name in &task.owners {
        match directory.find(name) {
            Match::Person(id) => owners.push(format!("@{id}")),
            Match::Ambiguous(ids) => {
                report
                    .ambiguous
                    .push((name.clone(), format!("task \"{}\"", task.title), ids));
                unmatched.push(name.clone());
            }
            Match::Unknown => unmatched.push(name.clone()),
        }
    }
    let mut description = escape_markdown(&task.description);
    if task.with_team || !unmatched.is_empty() {
        let mut also = unmatched;
        if task.with_team {
            also.push("the team".into());
        }
        let _ = write!(description, " (with {})", escape_markdown(&also.join(", ")));
    }
    let words = format!("{} {}", task.title, task.description);
    let found: Vec<Found> = deadlines::find(&words, date, config.fiscal_year_start);
    let mut line = format!(
        "- [ ] **{}:** {}",
        escape_markdown(&task.title),
        description.trim()
    );
    if !owners.is_empty() {
        let _ = write!(line, " {}", owners.join(" "));
    }
    match deadlines::deadline_of(&found) {
        Some((from, due)) => {
            let _ = write!(line, " due:{}", due.token());
            report.deadlines.push((
                task.title.clone(),
                due.token(),
                from.words.trim_end_matches('.').to_string(),
            ));
        }
        None => {
            let why = found
                .iter()
                .find_map(|f| match &f.reading {
                    Reading::Uncertain(reason) => Some(format!("\"{}\": {reason}", f.words)),
                    Reading::Due(_) => None,
                })
                .unwrap_or_else(|| "no deadline given".into());
            report.undated.push((task.title.clone(), why));
        }
    }
    line.push('\n');
    line
}

/// Appends new people to people.toml, keeping its comments and order.
fn add_to_people_file(root: &Path, added: &[Person], source: &Path) -> Result<()> {
    let path = inside_site(root, Path::new(PEOPLE_FILE))?;
    let text = if path.is_file() {
        std::fs::read_to_string(&path).map_err(|e| Error::read(Path::new(PEOPLE_FILE), e))?
    } else {
        String::new()
    };
    let mut document: toml_edit::DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| {
            let span = e.span().unwrap_or(0..0);
            Error::Content(vec![Diagnostic::error(
                Path::new(PEOPLE_FILE),
                &text,
                span,
                e.message().to_string(),
            )])
        })?;
    for (index, person) in added.iter().enumerate() {
        let mut table = toml_edit::Table::new();
        table["name"] = toml_edit::value(person.name.clone());
        if index == 0 {
            // The file name only: the comment should not depend on where the recap was saved.
            let name = source.file_name().map_or_else(
                || source.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let gap = if text.trim().is_empty() { "" } else { "\n" };
            table
                .decor_mut()
                .set_prefix(format!("{gap}# Added by `dossier import {name}`.\n"));
        } else {
            table.decor_mut().set_prefix("\n");
        }
        document.insert(&person.id, toml_edit::Item::Table(table));
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    }
    std::fs::write(&path, document.to_string()).map_err(|e| Error::write(Path::new(PEOPLE_FILE), e))
}

impl ImportReport {
    pub fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Imported \"{}\" ({}) → {}",
            self.title,
            self.date.map(|d| d.to_string()).unwrap_or_default(),
            self.path.display()
        );
        let _ = writeln!(
            out,
            "  {}, {} ({} under their topic, {} under ## Tasks)",
            plural(self.topics, "topic"),
            plural(self.tasks, "task"),
            self.placed,
            self.tasks - self.placed
        );
        if !self.people_added.is_empty() {
            let names: Vec<String> = self
                .people_added
                .iter()
                .map(|(id, name)| format!("{name} ({id})"))
                .collect();
            let _ = writeln!(out, "  People added to {PEOPLE_FILE}: {}", names.join(", "));
        }
        if !self.deadlines.is_empty() {
            let _ = writeln!(out, "  Deadlines inferred:");
            for (task, token, words) in &self.deadlines {
                let _ = writeln!(out, "    due:{token:<10}  {task}  (from \"{words}\")");
            }
        }
        if !self.undated.is_empty() {
            let _ = writeln!(out, "  Left undated:");
            for (task, why) in &self.undated {
                let _ = writeln!(out, "    {task}: {why}");
            }
        }
        for (name, place, ids) in &self.ambiguous {
            let _ = writeln!(
                out,
                "  Ambiguous: \"{name}\" in {place} could be {}; left as text",
                ids.join(" or ")
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_give_full_dates_only() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date_in_title("Weekly sync 2026-03-03"), Ok(day(2026, 3, 3)));
        assert_eq!(
            date_in_title("Acme Meeting 3 March 2026"),
            Ok(day(2026, 3, 3))
        );
        assert_eq!(
            date_in_title("Acme Meeting March 3, 2026"),
            Ok(day(2026, 3, 3))
        );
        assert!(date_in_title("Proximus Account Team Meeting November 2025").is_err());
    }

    #[test]
    fn file_names_drop_the_month_and_year() {
        assert_eq!(
            file_slug("Proximus Account Team Meeting November 2025"),
            "proximus-account-team-meeting"
        );
        assert_eq!(file_slug("2025"), "meeting");
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(
            escape_markdown("<script>*x*{#a}"),
            "\\<script\\>\\*x\\*\\{\\#a\\}"
        );
        assert_eq!(
            escape_markdown("AT&amp;T ~~x~~ C #"),
            "AT\\&amp;T \\~\\~x\\~\\~ C \\#"
        );
        assert_eq!(escape_line_start("- item"), "\\- item");
        assert_eq!(escape_line_start("2025. A year"), "2025\\. A year");
        assert_eq!(escape_line_start("Plain - text"), "Plain - text");
        assert_eq!(escape_markdown("@admin due:2099"), "\\@admin due\\:2099");
        assert_eq!(escape_markdown("café: ok"), "café: ok");
    }
}
