//! The meeting file an import writes: topics with their points, tasks placed under the topic
//! they belong to, names as mentions, deadlines as `due:`, and recap text escaped so that it
//! shows as written.

use super::directory::Match;
use super::recap::RecapTopic;
use super::*;
use chrono::Datelike;

/// Escapes what Markdown or dossier would otherwise read as markup, so recap text shows as
/// written: HTML, emphasis, links, heading attributes.
/// `@` and the colon of `due:` too, so that recap text never names an owner or a deadline.
/// A brace that would spell the internal marker becomes a character reference.
pub(super) fn escape_markdown(text: &str) -> String {
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
    // A recap's own `{.internal}` is text, not the team's marker: an escaped brace would still
    // spell the marker, which the build refuses; a character reference does not.
    let mut spellings = crate::content::marks::marker_spellings(&out);
    spellings.sort_by_key(|span| std::cmp::Reverse(span.start));
    for span in spellings {
        if let Some(brace) = out[span.start..].chars().next() {
            let escaped_from = if out[..span.start].ends_with('\\') {
                span.start - 1
            } else {
                span.start
            };
            let reference = format!("&#{};", u32::from(brace));
            out.replace_range(escaped_from..span.start + brace.len_utf8(), &reference);
        }
    }
    out
}

/// Escaped text that starts a line in the meeting file, with its first characters escaped
/// too where they would make the line a list item, a heading underline or a numbered item
/// ("- ", "=== ", "2025. ").
pub(super) fn escape_line_start(escaped: &str) -> String {
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

/// Words that say what a topic or task is about, for placing tasks under topics.
pub(super) fn key_words(text: &str) -> BTreeSet<String> {
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
pub(super) struct TopicWords<'a> {
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

/// Writes the opening names of a text as mentions: "@sigi, @olivia and Patrick discussed …".
/// In a summary (`participants`) the opening names the topic's participants; in a point, only
/// names of people already known become mentions.
pub(super) fn mention_opening(
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
            Match::Person(id) => {
                out.push_str(&format!("@{id}"));
                report.record_match(name, &id, directory);
            }
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

pub(super) fn write_meeting(
    recap: &Recap,
    date: NaiveDate,
    account: Option<&str>,
    config: &SiteConfig,
    directory: &mut Directory,
    linker: &mut Linker,
    report: &mut ImportReport,
) -> Result<String> {
    let mut out = front_matter(
        &recap.title,
        date,
        account,
        report.kept_recap_name().as_deref(),
    )?;
    // Numeric dates: the site's order, else the one the recap shows, else its language's.
    let deadline_context = deadlines::Context {
        meeting: date,
        fiscal_start: config.fiscal_year_start,
        day_first: config
            .day_first
            .or(recap.day_first)
            .or(recap.language.day_first()),
    };

    let (placed, meeting_level) = tasks_by_topic(recap);
    report.placed = recap.tasks.len() - meeting_level.len();

    let directory = &*directory;
    let mut write_tasks = |out: &mut String, tasks: &[&RecapTask], report: &mut ImportReport| {
        for task in tasks {
            out.push_str(&task_line(
                task,
                &deadline_context,
                directory,
                linker,
                report,
            ));
        }
    };
    let mut slugs_taken = HashSet::new();
    for (index, topic) in recap.topics.iter().enumerate() {
        let _ = write!(out, "\n## {}", escape_markdown(&topic.title));
        let natural = slugify(&topic.title);
        let slug = unique_slug(&natural, index, &mut slugs_taken);
        if slug != natural {
            let _ = write!(out, " {{#{slug}}}");
        }
        out.push('\n');
        write_topic_text(&mut out, topic, directory, report);
        if let Some(tasks) = placed.get(&index) {
            out.push('\n');
            write_tasks(&mut out, tasks, report);
        }
    }
    if !meeting_level.is_empty() {
        out.push_str("\n## Tasks\n");
        write_tasks(&mut out, &meeting_level, report);
    }
    Ok(out)
}

/// The recap's tasks under the topic whose words they share, by the topic's index, and those
/// of no topic, which go under `## Tasks`.
fn tasks_by_topic(recap: &Recap) -> (HashMap<usize, Vec<&RecapTask>>, Vec<&RecapTask>) {
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
    (placed, meeting_level)
}

/// The meeting's front matter between its `+++` lines, written by toml_edit so that no title or
/// account, whatever it holds, adds a key or a table. Each value is one line: a line break in a
/// title is an accident of the file it came from, and a multi-line string could hold a `+++`
/// line that would close the front matter early.
pub(super) fn front_matter(
    title: &str,
    date: NaiveDate,
    account: Option<&str>,
    recap: Option<&str>,
) -> Result<String> {
    let year = u16::try_from(date.year())
        .ok()
        .filter(|year| *year <= 9999)
        .ok_or_else(|| {
            Error::Usage(format!(
                "the meeting date {date} is not in the years 0 to 9999; pass it with --date YYYY-MM-DD"
            ))
        })?;
    let mut document = toml_edit::DocumentMut::new();
    document["title"] = toml_edit::value(one_line(title));
    document["date"] = toml_edit::value(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year,
            // A month is at most 12 and a day 31.
            month: date.month() as u8,
            day: date.day() as u8,
        }),
        time: None,
        offset: None,
    });
    if let Some(account) = account {
        document["account"] = toml_edit::value(one_line(account));
    }
    if let Some(recap) = recap {
        document["recap"] = toml_edit::value(recap);
    }
    Ok(format!("+++\n{document}+++\n"))
}

/// `text` on one line: each line break (and each character that ends a line somewhere) a space.
fn one_line(text: &str) -> String {
    text.replace(
        [
            '\n', '\r', '\u{0b}', '\u{0c}', '\u{85}', '\u{2028}', '\u{2029}',
        ],
        " ",
    )
}

/// A topic's address: from its title, or `topic-N` when the title makes none, with a number
/// added when an earlier topic has it, so that the file always builds.
fn unique_slug(natural: &str, index: usize, taken: &mut HashSet<String>) -> String {
    let base = if natural.is_empty() { "topic" } else { natural };
    let mut slug = if natural.is_empty() {
        format!("topic-{}", index + 1)
    } else {
        natural.to_string()
    };
    let mut suffix = 2;
    while !taken.insert(slug.clone()) {
        slug = format!("{base}-{suffix}");
        suffix += 1;
    }
    slug
}

/// A topic's summary and points, names at their start written as mentions.
fn write_topic_text(
    out: &mut String,
    topic: &RecapTopic,
    directory: &Directory,
    report: &mut ImportReport,
) {
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
        let text = mention_opening(text, directory, &place, report, false);
        if title.is_empty() {
            let _ = writeln!(out, "- {}", escape_line_start(&text));
        } else {
            let _ = writeln!(out, "- **{}:** {text}", escape_markdown(title));
        }
    }
}

/// The ids of the people the task's owners are, and the names that are nobody's (unknown,
/// or two people's), which the task's text keeps.
fn owners_found(
    task: &RecapTask,
    directory: &Directory,
    report: &mut ImportReport,
) -> (Vec<String>, Vec<String>) {
    let mut owner_ids = Vec::new();
    let mut unmatched = Vec::new();
    for name in &task.owners {
        match directory.find(name) {
            Match::Person(id) => {
                report.record_match(name, &id, directory);
                owner_ids.push(id);
            }
            Match::Ambiguous(ids) => {
                report
                    .ambiguous
                    .push((name.clone(), format!("task \"{}\"", task.title), ids));
                unmatched.push(name.clone());
            }
            Match::Unknown => unmatched.push(name.clone()),
        }
    }
    (owner_ids, unmatched)
}

pub(super) fn task_line(
    task: &RecapTask,
    deadline_context: &deadlines::Context,
    directory: &Directory,
    linker: &mut Linker,
    report: &mut ImportReport,
) -> String {
    let (owner_ids, unmatched) = owners_found(task, directory, report);
    let owners: Vec<String> = owner_ids.iter().map(|id| format!("@{id}")).collect();
    let mut description = escape_markdown(&task.description);
    if task.with_team || !unmatched.is_empty() {
        let mut also = unmatched;
        if task.with_team {
            also.push("the team".into());
        }
        let _ = write!(description, " (with {})", escape_markdown(&also.join(", ")));
    }
    let words = format!("{} {}", task.title, task.description);
    let found: Vec<Found> = deadlines::find_in(&words, deadline_context);
    let mark = if task.done { "x" } else { " " };
    let mut line = if description.trim().is_empty() {
        format!("- [{mark}] **{}**", escape_markdown(&task.title))
    } else {
        format!(
            "- [{mark}] **{}:** {}",
            escape_markdown(&task.title),
            description.trim()
        )
    };
    if !owners.is_empty() {
        let _ = write!(line, " {}", owners.join(" "));
    }
    let deadline = deadlines::deadline_of(&found);
    let id = linker.id_for(
        &task.title,
        &task.description,
        &owner_ids,
        deadline.as_ref().map(|(_, due)| *due),
    );
    match deadline {
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
    let _ = write!(line, " {{#{id}}}");
    line.push('\n');
    line
}
