//! Machine-readable outputs: the Atom feed of meetings, the sitemap and tasks.json.

use crate::escape::escape_xml;
use crate::model::{Site, Task};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// What the previous build's feed said of each entry: its title and content, and the date it
/// was last updated, so that `updated` moves when a meeting changes and only then.
#[derive(Debug, Default)]
pub(crate) struct FeedHistory {
    entries: HashMap<String, (String, String)>,
}

impl FeedHistory {
    /// Reads the entries of a feed dossier wrote; anything else is skipped.
    pub(crate) fn parse(text: &str) -> FeedHistory {
        let between = |block: &str, open: &str, close: &str| {
            let start = block.find(open)? + open.len();
            let end = block[start..].find(close)? + start;
            Some(block[start..end].to_string())
        };
        let entries = text
            .split("<entry>")
            .skip(1)
            .filter_map(|block| {
                let id = between(block, "<id>", "</id>")?;
                let updated = between(block, "<updated>", "</updated>")?;
                let seen = format!(
                    "{}\n{}",
                    between(block, "<title>", "</title>")?,
                    between(block, "<content type=\"html\">", "</content>")?
                );
                Some((id, (seen, updated)))
            })
            .collect();
        FeedHistory { entries }
    }

    /// When an entry was last updated: as before if its title and content are the same, today
    /// if they changed, the meeting's date if it is new.
    fn updated(&self, id: &str, seen: &str, meeting_date: NaiveDate, today: NaiveDate) -> String {
        match self.entries.get(id) {
            Some((before, updated)) if before == seen => updated.clone(),
            Some(_) => format!("{}T00:00:00Z", today.max(meeting_date)),
            None => format!("{meeting_date}T00:00:00Z"),
        }
    }
}

/// An Atom feed (RFC 4287) of the latest meetings (site.toml `[feed] entries`), newest first,
/// with absolute links. The author is the team, named by the site's title.
pub(crate) fn atom(site: &Site, history: &FeedHistory) -> String {
    let base = &site.config.base_url;
    let team = escape_xml(&site.config.title);
    let mut entries = String::new();
    let mut feed_updated = String::new();
    for (index, meeting) in site
        .meetings
        .iter()
        .enumerate()
        .take(site.config.feed_entries)
    {
        let link = escape_xml(&format!("{base}{}", site.meeting_url(index)));
        let topics: Vec<String> = meeting
            .topics
            .iter()
            .map(|t| format!("<li>{}</li>", escape_xml(&t.title)))
            .collect();
        let content = escape_xml(&format!(
            "<p>{}</p><ul>{}</ul>",
            escape_xml(&meeting.summary),
            topics.join("")
        ));
        let title = escape_xml(&meeting.title);
        let updated = history.updated(
            &link,
            &format!("{title}\n{content}"),
            meeting.date,
            site.today,
        );
        feed_updated = feed_updated.max(updated.clone());
        entries.push_str(&format!(
            "  <entry>\n    <title>{title}</title>\n    <id>{link}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n    <published>{}T00:00:00Z</published>\n    <updated>{updated}</updated>\n    <author><name>{team}</name></author>\n    <summary>{}</summary>\n    <content type=\"html\">{content}</content>\n  </entry>\n",
            meeting.date,
            escape_xml(&meeting.summary),
        ));
    }
    if feed_updated.is_empty() {
        feed_updated = format!("{}T00:00:00Z", site.today);
    }
    let base = escape_xml(base);
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{team}</title>\n  <id>{base}</id>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{base}\"/>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}feed.xml\"/>\n  <updated>{feed_updated}</updated>\n  <author><name>{team}</name></author>\n  <generator>dossier</generator>\n{entries}</feed>\n",
        site.config.language.code()
    )
}

/// URLs per sitemap file: the sitemap protocol allows 50,000.
pub(crate) const SITEMAP_URLS: usize = 50_000;

/// One sitemap file of the site's pages (relative addresses, each with the day it last changed
/// when that is known).
pub(crate) fn sitemap_urls(site: &Site, pages: &[(String, Option<NaiveDate>)]) -> String {
    sitemap_xml(site, "urlset", "url", pages)
}

/// sitemap.xml: the index of the sitemap files, each with the latest change it lists.
pub(crate) fn sitemap_index(site: &Site, parts: &[(String, Option<NaiveDate>)]) -> String {
    sitemap_xml(site, "sitemapindex", "sitemap", parts)
}

/// A sitemap document: `<list>` of `<item>`s, each an absolute address and its `lastmod`.
fn sitemap_xml(
    site: &Site,
    list: &str,
    item: &str,
    entries: &[(String, Option<NaiveDate>)],
) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<{list} xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    );
    for (address, changed) in entries {
        let loc = escape_xml(&format!("{}{address}", site.config.base_url));
        let lastmod = changed.map_or(String::new(), |day| format!("<lastmod>{day}</lastmod>"));
        out.push_str(&format!("  <{item}><loc>{loc}</loc>{lastmod}</{item}>\n"));
    }
    out.push_str(&format!("</{list}>\n"));
    out
}

/// One task as tasks.json and `dossier tasks --json` show it.
#[derive(Debug, Serialize)]
pub(crate) struct TaskRecord<'a> {
    /// Stable across builds: the meeting, topic and title (the calendar UID's basis).
    pub id: &'a str,
    pub title: &'a str,
    pub owners: Vec<&'a str>,
    pub due: Option<String>,
    pub due_precision: Option<crate::dates::Precision>,
    pub done: bool,
    /// The day a done task was done (`done:YYYY-MM-DD`); absent where the text does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_on: Option<String>,
    pub overdue: bool,
    pub meeting: &'a str,
    pub topic: Option<&'a str>,
    pub initiative: Option<&'a str>,
    pub url: String,
    /// Every mention, oldest meeting first; one for a task without an id.
    pub history: Vec<MentionRecord<'a>>,
    /// How many times its deadline moved later from one mention to the next.
    pub slips: usize,
}

/// One meeting's word on a task, in tasks.json's `history`.
#[derive(Debug, Serialize)]
pub(crate) struct MentionRecord<'a> {
    pub meeting: &'a str,
    pub date: String,
    pub due: Option<String>,
    pub owners: Vec<&'a str>,
    pub done: bool,
}

impl<'a> MentionRecord<'a> {
    fn of(site: &'a Site, task: &'a Task) -> Self {
        let meeting = &site.meetings[task.meeting];
        MentionRecord {
            meeting: &meeting.slug,
            date: meeting.date.to_string(),
            due: task.due.map(|d| d.date.to_string()),
            owners: task.owners.iter().map(|p| p.id.as_str()).collect(),
            done: task.done,
        }
    }
}

impl<'a> TaskRecord<'a> {
    pub(crate) fn of(site: &'a Site, task: &'a Task) -> Self {
        let meeting = &site.meetings[task.meeting];
        let url = site.task_url(task);
        let thread = site.thread_of(task);
        let history = match thread {
            Some(thread) => thread
                .mentions
                .iter()
                .map(|&t| MentionRecord::of(site, &site.tasks[t]))
                .collect(),
            None => vec![MentionRecord::of(site, task)],
        };
        TaskRecord {
            history,
            slips: thread.map_or(0, |thread| thread.slips),
            id: &task.id,
            title: &task.title,
            owners: task.owners.iter().map(|p| p.id.as_str()).collect(),
            due: task.due.map(|d| d.date.to_string()),
            due_precision: task.due.map(|d| d.precision),
            done: task.done,
            done_on: task
                .done_on
                .filter(|_| task.done)
                .map(|day| day.to_string()),
            overdue: task.overdue,
            meeting: &meeting.slug,
            topic: task.topic.map(|t| meeting.topics[t].slug.as_str()),
            initiative: task.initiative.as_deref(),
            // Absolute when the site says where it is published.
            url: if site.config.base_url_given {
                format!("{}{url}", site.config.base_url)
            } else {
                url
            },
        }
    }
}

/// A JSON array of tasks, one object per line for readable diffs.
pub(crate) fn tasks_json<'a>(site: &'a Site, tasks: impl Iterator<Item = &'a Task>) -> String {
    // One record per line, written straight into the file's text: at 45,000 tasks the lines
    // joined after the fact held three copies of 23 MB at once.
    let mut json = Vec::with_capacity(tasks.size_hint().0 * 700);
    json.push(b'[');
    for (n, task) in tasks.enumerate() {
        json.extend_from_slice(if n == 0 { b"\n" } else { b",\n" });
        // Writing into a Vec cannot fail, and a TaskRecord always serializes.
        let _ = serde_json::to_writer(&mut json, &TaskRecord::of(site, task));
    }
    json.extend_from_slice(if json.len() == 1 { b"]\n" } else { b"\n]\n" });
    // serde_json writes UTF-8 only; were it ever not, the text is kept, not dropped.
    String::from_utf8(json)
        .unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::config::SiteConfig;
    use crate::content::meeting::MeetingReader;
    use crate::content::people::People;
    use crate::content::source::SourceFile;
    use std::path::Path;

    fn site_of(meetings: &[&str]) -> Site {
        let config = SiteConfig::parse(&SourceFile::new(
            Path::new("site.toml"),
            "title = \"T\"\nbase_url = \"https://example.org/\"\n".into(),
        ))
        .expect("config");
        let people = People::default();
        let reader = MeetingReader::alone(&people, false);
        let docs = meetings
            .iter()
            .enumerate()
            .map(|(n, text)| {
                let path = format!("content/meetings/m{n}.md");
                let source = SourceFile::new(Path::new(&path), text.to_string());
                reader.read(source, format!("m{n}")).doc.expect("meeting")
            })
            .collect();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
        Site::assemble(config, people, docs, Vec::new(), today).expect("site")
    }

    #[test]
    fn tasks_json_is_an_array_with_one_task_per_line() {
        let empty = site_of(&[]);
        assert_eq!(tasks_json(&empty, empty.tasks.iter()), "[]\n");

        let site = site_of(&["+++\ntitle = \"Sync\"\ndate = 2026-11-20\n+++\n## Plan\n- [ ] Send the offer @ann due:2026-12-01\n- [x] Book a room @bo\n"]);
        let text = tasks_json(&site, site.tasks.iter());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert_eq!((lines[0], lines[3]), ("[", "]"));
        assert!(lines[1].ends_with(',') && !lines[2].ends_with(','));
        let parsed: Vec<serde_json::Value> = serde_json::from_str(&text).expect("valid JSON");
        let titles: Vec<&str> = parsed.iter().filter_map(|t| t["title"].as_str()).collect();
        assert_eq!(titles, ["Send the offer ann", "Book a room bo"]);
        assert!(text.ends_with("]\n"));
    }
}
