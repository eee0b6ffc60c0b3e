//! Stage 3, beside the pages: the site's other files, written from the model (iCalendar, Atom
//! and sitemap, tasks.json, the search index, each owner's open tasks for the dashboard).

pub(crate) mod feed;
pub(crate) mod ics;
pub(crate) mod owner_tasks;
pub(crate) mod search;

/// What the previous build published that this one continues: the revision of each calendar
/// event and the date of each feed entry.
#[derive(Debug, Default)]
pub(crate) struct Previous {
    pub calendar: ics::CalendarHistory,
    pub feed: feed::FeedHistory,
}

impl Previous {
    /// From the previous build's calendar.ics and feed.xml, when there were any.
    pub(crate) fn from_files(calendar: Option<&str>, feed: Option<&str>) -> Previous {
        Previous {
            calendar: calendar
                .map(ics::CalendarHistory::parse)
                .unwrap_or_default(),
            feed: feed.map(feed::FeedHistory::parse).unwrap_or_default(),
        }
    }
}

/// Script text that calls `callee` with `arguments` written as JSON: data a page loads with a
/// `<script>` element, which works from a web server and from disk alike (search, "your week").
pub(crate) fn script_call(callee: &str, arguments: &[serde_json::Value]) -> String {
    let arguments: Vec<String> = arguments.iter().map(|a| a.to_string()).collect();
    let text = script_safe(arguments.join(","));
    format!("{callee}({text});\n")
}

/// JSON is JavaScript but for these two characters in older engines.
pub(crate) fn script_safe(json: String) -> String {
    if json.contains(['\u{2028}', '\u{2029}']) {
        json.replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029")
    } else {
        json
    }
}
