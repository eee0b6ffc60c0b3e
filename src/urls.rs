//! Every address of the built site, relative to its root: the one place that spells them. A
//! page's address is a folder (`meetings/SLUG/`), written as `ADDRESS` + `index.html`.

use chrono::NaiveDate;

pub(crate) const DASHBOARD: &str = "";
pub(crate) const MEETINGS: &str = "meetings/";
pub(crate) const TOPICS: &str = "topics/";
pub(crate) const INITIATIVES: &str = "initiatives/";
pub(crate) const OWNERS: &str = "owners/";
pub(crate) const CALENDAR: &str = "calendar/";
/// The folder of account pages (there is no page at this address itself).
pub(crate) const ACCOUNTS: &str = "accounts/";
/// The folder of continued tasks' pages (no page at this address itself either).
pub(crate) const TASKS: &str = "tasks/";

/// The site's calendar of every deadline, its feed, task list, sitemap and search index.
pub(crate) const CALENDAR_FILE: &str = "calendar.ics";
pub(crate) const FEED_FILE: &str = "feed.xml";
pub(crate) const TASKS_FILE: &str = "tasks.json";
pub(crate) const SITEMAP_FILE: &str = "sitemap.xml";
/// The search index: a folder of script files, `index.js` first.
pub(crate) const SEARCH_DIR: &str = "search/";
pub(crate) const NOT_FOUND_FILE: &str = "404.html";

/// The sitemap files `SITEMAP_FILE` (an index) lists, numbered from 1.
pub(crate) fn sitemap_part(number: usize) -> String {
    format!("sitemap-{number}.xml")
}

/// Page `number` of a long list at `folder` (`meetings/`): the folder itself for the first,
/// `meetings/2/` for the second, as Zola and Hugo number them.
pub(crate) fn list_page(folder: &str, number: usize) -> String {
    if number <= 1 {
        folder.to_string()
    } else {
        format!("{folder}{number}/")
    }
}

pub(crate) fn meeting(slug: &str) -> String {
    format!("{MEETINGS}{slug}/")
}

/// Where the recap a meeting was imported from is published: beside its page, as the file it
/// was. An HTML recap is published as text, so that nothing in it runs on the site.
pub(crate) fn meeting_recap(slug: &str, recap: &std::path::Path) -> String {
    let extension = recap
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => format!("{MEETINGS}{slug}/recap.{extension}.txt"),
        _ => format!("{MEETINGS}{slug}/recap.{extension}"),
    }
}

pub(crate) fn topic(meeting_slug: &str, topic_slug: &str) -> String {
    format!("{MEETINGS}{meeting_slug}/{topic_slug}/")
}

pub(crate) fn initiative(slug: &str) -> String {
    format!("{INITIATIVES}{slug}/")
}

/// Where an account's briefing page is (its slug, see `model::account_slug`).
pub(crate) fn account(slug: &str) -> String {
    format!("{ACCOUNTS}{slug}/")
}

/// The folder of tag pages.
pub(crate) const TAGS: &str = "tags/";

/// The meetings with one tag (its slug, see `model::tag_slug`).
pub(crate) fn tag(slug: &str) -> String {
    format!("{TAGS}{slug}/")
}

/// The history of a task with an id (`{#id}`).
pub(crate) fn task(id: &str) -> String {
    format!("{TASKS}{id}/")
}

/// A task's deadline as a one-event iCalendar file, beside its page.
pub(crate) fn task_calendar(id: &str) -> String {
    format!("{TASKS}{id}/task.ics")
}

pub(crate) fn owner(id: &str) -> String {
    format!("{OWNERS}{id}/")
}

/// One owner's open tasks as a script, for the dashboard's "your week".
pub(crate) fn owner_tasks_script(id: &str) -> String {
    format!("{OWNERS}{id}/tasks.js")
}

/// One owner's deadlines as iCalendar.
pub(crate) fn owner_calendar(id: &str) -> String {
    format!("{OWNERS}{id}/calendar.ics")
}

/// One month's grid of deadlines.
pub(crate) fn month(first_day: NaiveDate) -> String {
    format!("{CALENDAR}{}/", first_day.format("%Y-%m"))
}

/// A static file of the theme or the site.
/// Where the theme's own file `name` (its `static/` folder) is published. The site's
/// `static/` files are published at the root under their own names.
pub(crate) fn theme_file(name: &str) -> String {
    format!("static/{name}")
}

/// Whether `path` (relative to the output) is a site-wide file dossier writes, or a folder
/// of its own besides the pages' (`search/`, `.dossier*`). The pages' folders are the page
/// kinds' (`render::pages::is_generated` asks both).
pub(crate) fn is_site_file(path: &str) -> bool {
    let first = path.split('/').next().unwrap_or_default();
    SEARCH_DIR.trim_end_matches('/') == first
        || [
            CALENDAR_FILE,
            FEED_FILE,
            TASKS_FILE,
            SITEMAP_FILE,
            NOT_FOUND_FILE,
            "index.html",
        ]
        .contains(&path)
        || (path.starts_with("sitemap-") && path.ends_with(".xml"))
        || path.starts_with(".dossier")
}

/// The file a page's address is written to.
pub(crate) fn page_file(address: &str) -> String {
    if address.is_empty() {
        "index.html".to_string()
    } else {
        format!("{address}index.html")
    }
}
