//! The search index: a compact JavaScript file the pages load on first use of the search box.
//! A script file rather than JSON fetched at run time, so search also works when the site is
//! opened from disk, where browsers refuse fetch().

use crate::model::Site;
use crate::paths::slugify;
use serde::Serialize;
use std::collections::HashMap;

/// Characters of a topic's summary kept for the snippet: enough to recognise it, small enough
/// that ten thousand meetings stay under 10 MB.
const SNIPPET_CHARS: usize = 36;
/// Participants of a topic in the index: the first few (who opened the discussion).
const TOPIC_PEOPLE: usize = 4;

/// A task: [meeting, topic or -1, title, owners, deadline, done].
type TaskEntry<'a> = (usize, i64, &'a str, Vec<usize>, String, u8);

/// Columns are positional and people are numbers, to keep the file small; `dossier.js` reads
/// them by position. Dates are ISO (`2025-12-09`, `2025-12`, `2025-Q4`) and labelled in the page.
#[derive(Serialize)]
struct Index<'a> {
    /// [id, name, role]
    people: Vec<(&'a str, &'a str, &'a str)>,
    /// [title, folder, date, account]
    meetings: Vec<(&'a str, &'a str, String, &'a str)>,
    /// [meeting, slug ("" when it is the title's ASCII slug), title, snippet, participants]
    topics: Vec<(usize, &'a str, &'a str, String, Vec<usize>)>,
    tasks: Vec<TaskEntry<'a>>,
    /// [slug, title, status]
    initiatives: Vec<(&'a str, &'a str, &'a str)>,
}

fn snippet(text: &str) -> String {
    let mut cut: String = text.chars().take(SNIPPET_CHARS).collect();
    if text.chars().count() > SNIPPET_CHARS {
        cut.push('…');
    }
    cut
}

pub fn index_script(site: &Site) -> String {
    let person_number: HashMap<&str, usize> = site
        .people
        .keys()
        .enumerate()
        .map(|(n, id)| (id.as_str(), n))
        .collect();
    let numbers = |people: &[crate::content::meeting::PersonRef]| -> Vec<usize> {
        people
            .iter()
            .filter_map(|p| person_number.get(p.id.as_str()).copied())
            .collect()
    };
    let index = Index {
        people: site
            .people
            .values()
            .map(|p| {
                (
                    p.id.as_str(),
                    p.name.as_str(),
                    p.role.as_deref().unwrap_or(""),
                )
            })
            .collect(),
        meetings: site
            .meetings
            .iter()
            .map(|m| {
                (
                    m.title.as_str(),
                    m.slug.as_str(),
                    m.date.to_string(),
                    m.account.as_deref().unwrap_or(""),
                )
            })
            .collect(),
        topics: site
            .meetings
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| {
                meeting.topics.iter().map(move |t| {
                    let derivable = t.title.is_ascii() && slugify(&t.title) == t.slug;
                    (
                        m,
                        if derivable { "" } else { t.slug.as_str() },
                        t.title.as_str(),
                        snippet(&t.summary),
                        numbers(&t.participants[..t.participants.len().min(TOPIC_PEOPLE)]),
                    )
                })
            })
            .collect(),
        tasks: site
            .tasks
            .iter()
            .map(|task| {
                (
                    task.meeting,
                    task.topic.map_or(-1, |t| t as i64),
                    task.title.as_str(),
                    numbers(&task.owners),
                    task.due.map(|d| d.token()).unwrap_or_default(),
                    u8::from(task.done),
                )
            })
            .collect(),
        initiatives: site
            .initiatives
            .iter()
            .map(|i| (i.slug.as_str(), i.title.as_str(), i.status.label()))
            .collect(),
    };
    let json = serde_json::to_string(&index).unwrap_or_else(|_| "{}".into());
    // JSON is JavaScript except for these two characters in older engines.
    let json = json
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!("window.dossierSearchIndex = {json};\n")
}
