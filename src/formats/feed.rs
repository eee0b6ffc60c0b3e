//! Machine-readable outputs: the Atom feed of meetings, the sitemap and tasks.json.

use crate::escape::escape_xml;
use crate::model::{Site, Task};
use serde::Serialize;

/// An Atom feed (RFC 4287) of meetings, newest first, with absolute links.
pub fn atom(site: &Site) -> String {
    let base = &site.config.base_url;
    let updated = site
        .meetings
        .first()
        .map_or_else(|| site.today.to_string(), |m| m.date.to_string());
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!(
        "  <title>{}</title>\n",
        escape_xml(&site.config.title)
    ));
    out.push_str(&format!("  <id>{}</id>\n", escape_xml(base)));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape_xml(base)
    ));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}feed.xml\"/>\n",
        escape_xml(base)
    ));
    out.push_str(&format!("  <updated>{updated}T00:00:00Z</updated>\n"));
    out.push_str("  <generator>dossier</generator>\n");
    for (index, meeting) in site.meetings.iter().enumerate() {
        let link = format!("{base}{}", site.meeting_url(index));
        let topics: Vec<String> = meeting
            .topics
            .iter()
            .map(|t| format!("<li>{}</li>", escape_xml(&t.title)))
            .collect();
        let content = format!(
            "<p>{}</p><ul>{}</ul>",
            escape_xml(&meeting.summary),
            topics.join("")
        );
        out.push_str("  <entry>\n");
        out.push_str(&format!(
            "    <title>{}</title>\n",
            escape_xml(&meeting.title)
        ));
        out.push_str(&format!("    <id>{}</id>\n", escape_xml(&link)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape_xml(&link)
        ));
        out.push_str(&format!(
            "    <published>{}T00:00:00Z</published>\n",
            meeting.date
        ));
        out.push_str(&format!(
            "    <updated>{}T00:00:00Z</updated>\n",
            meeting.date
        ));
        out.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            escape_xml(meeting.account.as_deref().unwrap_or(&site.config.title))
        ));
        out.push_str(&format!(
            "    <summary>{}</summary>\n",
            escape_xml(&meeting.summary)
        ));
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape_xml(&content)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// sitemap.xml with every HTML page's absolute address.
pub fn sitemap(site: &Site, urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape_xml(&format!("{}{url}", site.config.base_url))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// One task as tasks.json and `dossier tasks --json` show it.
#[derive(Debug, Serialize)]
pub struct TaskRecord<'a> {
    pub title: &'a str,
    pub owners: Vec<&'a str>,
    pub due: Option<String>,
    pub due_precision: Option<crate::dates::Precision>,
    pub done: bool,
    pub overdue: bool,
    pub meeting: &'a str,
    pub topic: Option<&'a str>,
    pub initiative: Option<&'a str>,
    pub url: String,
}

impl<'a> TaskRecord<'a> {
    pub fn of(site: &'a Site, task: &'a Task) -> Self {
        let meeting = &site.meetings[task.meeting];
        TaskRecord {
            title: &task.title,
            owners: task.owners.iter().map(|p| p.id.as_str()).collect(),
            due: task.due.map(|d| d.date.to_string()),
            due_precision: task.due.map(|d| d.precision),
            done: task.done,
            overdue: task.overdue,
            meeting: &meeting.slug,
            topic: task.topic.map(|t| meeting.topics[t].slug.as_str()),
            initiative: task.initiative.as_deref(),
            url: site.task_url(task),
        }
    }
}

/// A JSON array of tasks, one object per line for readable diffs.
pub fn tasks_json<'a>(site: &'a Site, tasks: impl Iterator<Item = &'a Task>) -> String {
    let lines: Vec<String> = tasks
        .map(|task| serde_json::to_string(&TaskRecord::of(site, task)).unwrap_or_default())
        .collect();
    if lines.is_empty() {
        return "[]\n".to_string();
    }
    format!("[\n{}\n]\n", lines.join(",\n"))
}
