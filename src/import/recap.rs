//! The plain-text recap that meeting tools send: a title line, `Topics:` with headings, summaries
//! and indented `Point: text` lines, then `Tasks:` with `Title:` lines and descriptions that end in
//! the owners in parentheses. Read leniently: exports vary in line endings, indentation, bullets
//! and section names.

/// A recap as read, before any matching of people or dates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Recap {
    pub title: String,
    /// The meeting date the recap states, and the words it was read from.
    pub date: Option<(chrono::NaiveDate, String)>,
    pub topics: Vec<RecapTopic>,
    pub tasks: Vec<RecapTask>,
    /// What was left out on purpose (timestamps, boilerplate), for the report.
    pub left_out: Vec<String>,
    /// Whether numeric dates give the day first, when the recap's layout or its own dates say.
    pub day_first: Option<bool>,
    /// The language it is written in.
    pub language: crate::import::language::Language,
    /// Who the recap says took part (attendees, invited, the e-mail's sender and recipients),
    /// as written in full.
    pub participants: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RecapTopic {
    pub title: String,
    pub summary: String,
    /// (point title, point text)
    pub points: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RecapTask {
    pub title: String,
    pub description: String,
    /// The names in the trailing parentheses, as written; "the team" is not among them.
    pub owners: Vec<String>,
    /// The owners list named "the team" too.
    pub with_team: bool,
    /// Ticked off in the recap (`- [x]`).
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Preamble,
    Topics,
    Tasks,
}

/// The section a line opens, in any of the four languages ("Topics:", "Onderwerpen:",
/// "Tâches :", "Aufgaben:").
pub(crate) fn section_of(line: &str) -> Option<Section> {
    use crate::import::layouts::lines;
    let name = lines::section_name(line.trim().trim_end_matches(':'));
    let folded = deunicode::deunicode(&name);
    if crate::import::layouts::lexicon::TOPIC_SECTIONS.contains(&folded.as_str()) {
        return Some(Section::Topics);
    }
    (lines::section_kind(&name) == Some(lines::SectionKind::Tasks)).then_some(Section::Tasks)
}

/// A line split into its indentation and bullet, and its text.
struct Line<'a> {
    indented: bool,
    bulleted: bool,
    text: &'a str,
}

fn classify(raw: &str) -> Line<'_> {
    let indented = raw.starts_with('\t') || raw.starts_with("  ");
    let trimmed = raw.trim();
    let (bulleted, text) = match trimmed
        .strip_prefix("- ")
        .or_else(|| trimmed.strip_prefix("• "))
        .or_else(|| trimmed.strip_prefix("* "))
        .or_else(|| trimmed.strip_prefix("– "))
    {
        Some(rest) => (true, rest.trim()),
        None => (false, trimmed),
    };
    Line {
        indented,
        bulleted,
        text,
    }
}

/// `Title: text` with a short title, as points and one-line tasks are written.
fn labelled(text: &str) -> Option<(&str, &str)> {
    let (label, rest) = text.split_once(": ")?;
    let label = label.trim();
    (!label.is_empty() && label.chars().count() <= 100 && !label.contains(". "))
        .then_some((label, rest.trim()))
}

fn heading(text: &str) -> Option<&str> {
    text.strip_suffix(':')
        .map(str::trim)
        .filter(|t| !t.is_empty())
}

fn append(target: &mut String, text: &str) {
    if !target.is_empty() {
        target.push(' ');
    }
    target.push_str(text.trim());
}

/// Problems that make a recap unreadable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RecapError {
    pub line: usize,
    pub message: String,
}

pub(crate) fn parse(text: &str) -> Result<Recap, RecapError> {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut recap = Recap::default();
    let mut section = Section::Preamble;
    let mut saw_section = false;
    for raw in text.lines() {
        let line = classify(raw);
        if line.text.is_empty() {
            continue;
        }
        if let Some(next) = section_of(line.text) {
            section = next;
            saw_section = true;
            continue;
        }
        match section {
            Section::Preamble => {
                if recap.title.is_empty() {
                    let title = line.text.trim_end_matches(':').trim();
                    let title = [
                        "Topics discussed in ",
                        "Topics discussed at ",
                        "Recap of ",
                        "Summary of ",
                    ]
                    .iter()
                    .find_map(|prefix| strip_prefix_ignore_case(title, prefix))
                    .unwrap_or(title);
                    recap.title = title.trim().to_string();
                }
            }
            Section::Topics => topic_line(&mut recap.topics, &line),
            Section::Tasks => task_line(&mut recap.tasks, &line),
        }
    }
    if !saw_section {
        return Err(RecapError {
            line: 1,
            message: "no `Topics:` or `Tasks:` line: this does not look like a meeting recap"
                .into(),
        });
    }
    if recap.title.is_empty() {
        return Err(RecapError {
            line: 1,
            message: "no title line before `Topics:`".into(),
        });
    }
    for task in &mut recap.tasks {
        split_owners(task);
    }
    Ok(recap)
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.get(..prefix.len())
        .filter(|head| head.eq_ignore_ascii_case(prefix))
        .map(|_| &text[prefix.len()..])
}

fn topic_line(topics: &mut Vec<RecapTopic>, line: &Line) {
    let is_heading = !line.indented && !line.bulleted && line.text.ends_with(':');
    if let (true, Some(title)) = (is_heading, heading(line.text)) {
        topics.push(RecapTopic {
            title: title.to_string(),
            ..RecapTopic::default()
        });
        return;
    }
    let Some(topic) = topics.last_mut() else {
        // Text before the first heading: a topic without a name.
        topics.push(RecapTopic {
            title: "Notes".into(),
            summary: line.text.to_string(),
            points: Vec::new(),
        });
        return;
    };
    let as_point = line.indented || line.bulleted || !topic.points.is_empty();
    match (as_point, labelled(line.text)) {
        (true, Some((title, text))) => topic.points.push((title.to_string(), text.to_string())),
        _ => match topic.points.last_mut() {
            Some((_, text)) if line.indented || line.bulleted => append(text, line.text),
            _ => append(&mut topic.summary, line.text),
        },
    }
}

fn task_line(tasks: &mut Vec<RecapTask>, line: &Line) {
    let pending_description = tasks.last().is_some_and(|t| t.description.is_empty());
    if !pending_description {
        if let Some(title) = heading(line.text) {
            tasks.push(RecapTask {
                title: title.to_string(),
                ..RecapTask::default()
            });
            return;
        }
        if let Some((title, description)) = labelled(line.text) {
            if tasks.last().is_none_or(|t| !t.description.is_empty()) && !line.indented {
                tasks.push(RecapTask {
                    title: title.to_string(),
                    description: description.to_string(),
                    ..RecapTask::default()
                });
                return;
            }
        }
    }
    match tasks.last_mut() {
        Some(task) => append(&mut task.description, line.text),
        None => tasks.push(RecapTask {
            title: first_sentence(line.text),
            description: line.text.to_string(),
            ..RecapTask::default()
        }),
    }
}

fn first_sentence(text: &str) -> String {
    text.split(". ")
        .next()
        .unwrap_or(text)
        .trim_end_matches('.')
        .to_string()
}

/// Takes the owners out of a task description, wherever the recap put them.
fn split_owners(task: &mut RecapTask) {
    let owned = super::owners::task_owners(
        &task.description,
        false,
        &super::owners::Gazetteer::default(),
    );
    task.owners = owned.owners;
    task.with_team = owned.with_team;
    task.description = owned.text;
}

/// Verbs that end the list of names opening a summary ("Sam, Sigi, and Patrick discussed …").
fn is_reporting_verb(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    word.ends_with("ed")
        || matches!(
            word.as_str(),
            "gave"
                | "met"
                | "spoke"
                | "led"
                | "ran"
                | "took"
                | "brought"
                | "went"
                | "held"
                | "made"
                | "said"
                | "told"
                | "wrote"
                | "sent"
                | "saw"
                | "began"
                | "thought"
        )
}

/// The names that open a text, with the byte length of that opening: "Sigi, Olivia, Manon, and
/// Oana discussed …" gives the four names. Nothing when the names are not followed by a verb
/// ("Microsoft and Nokia are collaborating" names no people).
pub(crate) fn opening_names(text: &str) -> (Vec<String>, usize) {
    names_before(text, is_reporting_verb)
}

/// As [`opening_names`], ending at any word in lower case: for texts in which only names of
/// people already known are turned into mentions ("Maria expects a fix").
pub(crate) fn opening_names_lenient(text: &str) -> (Vec<String>, usize) {
    names_before(text, |word| {
        word.chars().next().is_some_and(char::is_lowercase)
    })
}

/// Capitalised words that open a sentence without naming anyone: "Four hundred mailboxes …".
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "Our", "We", "They", "It", "All", "Both",
    "Each", "Some", "Most", "Many", "Several", "No", "Every", "One", "Two", "Three", "Four",
    "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twelve", "Half", "Finance", "Legal",
];

fn names_before(text: &str, ends_names: impl Fn(&str) -> bool) -> (Vec<String>, usize) {
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut end = 0;
    let mut offset = 0;
    for word in text.split_inclusive(' ') {
        let start = offset;
        offset += word.len();
        let bare = word.trim().trim_end_matches(',');
        if bare.eq_ignore_ascii_case("and") || bare == "&" {
            if !current.is_empty() {
                names.push(current.join(" "));
                current.clear();
            }
            continue;
        }
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if capitalised && !NOT_NAMES.contains(&bare) {
            current.push(bare);
            end = start + word.trim_end().trim_end_matches(',').len();
            if word.trim_end().ends_with(',') {
                names.push(current.join(" "));
                current.clear();
            }
            continue;
        }
        if !current.is_empty() {
            names.push(current.join(" "));
        }
        return if ends_names(bare) && !names.is_empty() {
            (names, end)
        } else {
            (Vec::new(), 0)
        };
    }
    (Vec::new(), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sample_form() {
        let text = "Topics discussed in Acme Meeting 3 March 2026\r\n\r\nTopics:\r\nDeal Progress: \r\nSam and Zoë discussed the deal.\r\n\tPricing: Sam explained the price.\r\n\tTiming: Zoë wants it soon.\r\nTasks:\r\nSend Offer: \r\nSend the offer by March 31st. (Sam, Zoë and the team)\r\nNo Owner Task:\r\nSomebody should do it.\r\n";
        let recap = parse(text).unwrap();
        assert_eq!(recap.title, "Acme Meeting 3 March 2026");
        assert_eq!(recap.topics.len(), 1);
        assert_eq!(recap.topics[0].title, "Deal Progress");
        assert_eq!(recap.topics[0].summary, "Sam and Zoë discussed the deal.");
        assert_eq!(recap.topics[0].points.len(), 2);
        assert_eq!(recap.tasks.len(), 2);
        assert_eq!(recap.tasks[0].owners, ["Sam", "Zoë"]);
        assert!(recap.tasks[0].with_team);
        assert_eq!(recap.tasks[0].description, "Send the offer by March 31st.");
        assert!(recap.tasks[1].owners.is_empty());
    }

    #[test]
    fn bullets_spaces_and_other_section_names_are_accepted() {
        let text = "\u{feff}Weekly sync\n\nTopics:\n\nBudget:\nAnna reported on the budget.\n  - Cuts: Two projects stop.\n  • Hiring: One hire.\n\nAction items:\n\n- Review budget: Check the numbers (Anna)\n- Call supplier:\n  Phone them next week. (Bo and Anna)\n";
        let recap = parse(text).unwrap();
        assert_eq!(recap.topics[0].points.len(), 2);
        assert_eq!(recap.tasks.len(), 2);
        assert_eq!(recap.tasks[0].title, "Review budget");
        assert_eq!(recap.tasks[0].owners, ["Anna"]);
        assert_eq!(recap.tasks[1].owners, ["Bo", "Anna"]);
    }

    #[test]
    fn parentheses_that_are_not_owners_stay_in_the_text() {
        let mut task = RecapTask {
            description: "Fix it before the milestone (Dec 4-5)".into(),
            ..RecapTask::default()
        };
        split_owners(&mut task);
        assert!(task.owners.is_empty());
        assert_eq!(task.description, "Fix it before the milestone (Dec 4-5)");
    }

    #[test]
    fn opening_names_stop_at_the_verb() {
        let (names, end) = opening_names("Sigi, Olivia, Manon, and Oana discussed the status");
        assert_eq!(names, ["Sigi", "Olivia", "Manon", "Oana"]);
        assert_eq!(
            &"Sigi, Olivia, Manon, and Oana discussed"[..end],
            "Sigi, Olivia, Manon, and Oana"
        );
        let (names, _) = opening_names("Alberto Manuel, Steven, and Sigi discussed");
        assert_eq!(names, ["Alberto Manuel", "Steven", "Sigi"]);
        let (names, _) = opening_names("Annelies updated the team");
        assert_eq!(names, ["Annelies"]);
        assert!(opening_names("Microsoft and Nokia are collaborating")
            .0
            .is_empty());
        assert!(opening_names("The team discussed").0.is_empty());
        assert_eq!(
            opening_names("Jean-Luc Martin said so").0,
            ["Jean-Luc Martin"]
        );
        assert!(opening_names("Maria expects a fix").0.is_empty());
        assert_eq!(opening_names_lenient("Maria expects a fix").0, ["Maria"]);
    }

    #[test]
    fn text_that_is_not_a_recap_is_refused() {
        assert!(parse("just a note\nwith lines\n").is_err());
    }
}
