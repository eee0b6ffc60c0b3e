//! Every page kind in one place: the pages of a site, each page's address, what an edit
//! reaches, and which function fills its template's context (in `contexts.rs`). Adding a page
//! kind is a variant here, its arms in the matches below, its function and its template.

use super::values;
use super::*;
use crate::model::reach::{topic_key, Reach};

/// Characters of a page's description in link previews; search engines show about 160.
const PREVIEW_CHARS: usize = 200;

/// `text` cut to at most `limit` characters at a word, with an ellipsis when cut.
fn shortened(text: &str, limit: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= limit {
        return text;
    }
    let cut: String = text.chars().take(limit).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.']))
}

/// One page to render: its address and the data it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Dashboard,
    Meetings,
    Meeting(usize),
    Topic(usize, usize),
    Topics,
    Initiatives,
    Initiative(usize),
    Owners,
    Owner(String),
    Account(usize),
    /// A task with an id, by its index in `Site::threads`.
    Task(usize),
    /// The meetings with a tag, by the tag's slug.
    Tag(String),
    Calendar,
    Month(NaiveDate),
    NotFound,
}

impl Page {
    /// Whether this page, of the site after an edit, shows something the edit changed.
    pub fn reached_by(&self, site: &Site, reach: &Reach) -> bool {
        match self {
            Page::Dashboard
            | Page::Meetings
            | Page::Topics
            | Page::Initiatives
            | Page::Owners
            | Page::Calendar => true,
            Page::NotFound => false,
            Page::Meeting(m) => reach.meetings.contains(&site.meetings[*m].slug),
            Page::Topic(m, t) => reach.topics.contains(&topic_key(site, *m, *t)),
            Page::Initiative(i) => reach.initiatives.contains(&site.initiatives[*i].slug),
            Page::Owner(id) => reach.people.contains(id),
            Page::Account(a) => reach.accounts.contains(&site.accounts[*a].slug),
            Page::Task(t) => reach.tasks.contains(&site.threads[*t].id),
            Page::Tag(slug) => reach.tags.contains(slug),
            Page::Month(month) => reach.every_month || reach.months.contains(month),
        }
    }
}

impl Renderer<'_> {
    /// Every HTML page of the site.
    pub fn pages(&self) -> Vec<Page> {
        let site = self.site;
        let mut pages = vec![
            Page::Dashboard,
            Page::Meetings,
            Page::Topics,
            Page::Initiatives,
            Page::Calendar,
            Page::NotFound,
        ];
        let owner_pages = site.has_owner_pages();
        if owner_pages {
            pages.push(Page::Owners);
        }
        pages.extend((0..site.meetings.len()).map(Page::Meeting));
        for (m, meeting) in site.meetings.iter().enumerate() {
            pages.extend((0..meeting.topics.len()).map(|t| Page::Topic(m, t)));
        }
        pages.extend((0..site.initiatives.len()).map(Page::Initiative));
        if owner_pages {
            pages.extend(site.people.keys().cloned().map(Page::Owner));
        }
        pages.extend((0..site.accounts.len()).map(Page::Account));
        pages.extend((0..site.threads.len()).map(Page::Task));
        pages.extend(site.tags.keys().cloned().map(Page::Tag));
        pages.extend(self.deadlines().months.iter().copied().map(Page::Month));
        pages
    }

    /// The output path of a page, relative to the output folder.
    pub fn path(&self, page: &Page) -> String {
        if *page == Page::NotFound {
            urls::NOT_FOUND_FILE.to_string()
        } else {
            urls::page_file(&self.url(page))
        }
    }

    /// The day a page last changed, where its content says so: a meeting's and its topics'
    /// pages change with the meeting (for the sitemap's `lastmod`).
    pub fn changed_on(&self, page: &Page) -> Option<NaiveDate> {
        match page {
            Page::Meeting(m) | Page::Topic(m, _) => Some(self.site.meetings[*m].date),
            _ => None,
        }
    }

    /// The folder address of a page, relative to the site root (`""` for the dashboard).
    pub fn url(&self, page: &Page) -> String {
        let site = self.site;
        match page {
            Page::Dashboard | Page::NotFound => urls::DASHBOARD.into(),
            Page::Meetings => urls::MEETINGS.into(),
            Page::Meeting(m) => site.meeting_url(*m),
            Page::Topic(m, t) => site.topic_url(*m, *t),
            Page::Topics => urls::TOPICS.into(),
            Page::Initiatives => urls::INITIATIVES.into(),
            Page::Initiative(i) => urls::initiative(&site.initiatives[*i].slug),
            Page::Owners => urls::OWNERS.into(),
            Page::Owner(id) => urls::owner(id),
            Page::Account(a) => urls::account(&site.accounts[*a].slug),
            Page::Task(t) => urls::task(&site.threads[*t].id),
            Page::Tag(slug) => urls::tag(slug),
            Page::Calendar => urls::CALENDAR.into(),
            Page::Month(month) => urls::month(*month),
        }
    }

    /// What a link to the page shows when pasted into Teams, Slack or a search result: its
    /// title and one or two sentences (`<meta name="description">`, Open Graph).
    fn preview(&self, page: &Page) -> (String, String) {
        let site = self.site;
        let or = |summary: &str, fallback: String| {
            if summary.trim().is_empty() {
                fallback
            } else {
                summary.to_string()
            }
        };
        let (title, description) = match page {
            Page::Dashboard => (
                site.config.title.clone(),
                format!(
                    "Account briefings: {} meetings, their topics, who owes what and by when.",
                    site.meetings.len()
                ),
            ),
            Page::Meetings => ("Meetings".into(), "Every meeting, newest first.".into()),
            Page::Meeting(m) => {
                let meeting = &site.meetings[*m];
                let fallback = format!(
                    "{}: {} topics.",
                    values::date_label(meeting.date),
                    meeting.topics.len()
                );
                (meeting.title.clone(), or(&meeting.summary, fallback))
            }
            Page::Topic(m, t) => {
                let meeting = &site.meetings[*m];
                let topic = &meeting.topics[*t];
                let fallback = format!("A topic of {} ({}).", meeting.title, meeting.date);
                (topic.title.clone(), or(&topic.summary, fallback))
            }
            Page::Topics => ("Topics".into(), "Every topic, by initiative.".into()),
            Page::Initiatives => (
                "Initiatives".into(),
                "The initiatives followed across meetings.".into(),
            ),
            Page::Initiative(i) => {
                let initiative = &site.initiatives[*i];
                let fallback = format!("{} initiative.", initiative.status.label());
                (initiative.title.clone(), or(&initiative.summary, fallback))
            }
            Page::Owners => ("Owners".into(), "Who owes what, and by when.".into()),
            Page::Owner(id) => {
                let name = site.people.get(id).map_or(id.as_str(), |p| p.name.as_str());
                (name.to_string(), format!("What {name} owes, and by when."))
            }
            Page::Account(a) => {
                let account = &site.accounts[*a];
                (
                    account.name.clone(),
                    format!(
                        "The briefing on {}: {} meetings, who owes what, and the initiatives.",
                        account.name,
                        account.meetings.len()
                    ),
                )
            }
            Page::Task(t) => {
                let thread = &site.threads[*t];
                let latest = &site.tasks[thread.latest()];
                let raised = &site.meetings[site.tasks[thread.first()].meeting];
                let state = if latest.done { "Done" } else { "Open" };
                (
                    latest.title.clone(),
                    format!(
                        "{state}. Raised {} in {}; mentioned in {} meetings; deadline moved later {} times.",
                        values::date_label(raised.date),
                        raised.title,
                        thread.mentions.len(),
                        thread.slips
                    ),
                )
            }
            Page::Tag(slug) => {
                let (name, meetings) = site
                    .tags
                    .get(slug)
                    .map_or(("", 0), |(n, m)| (n.as_str(), m.len()));
                (
                    format!("Meetings tagged {name}"),
                    format!("The {meetings} meetings tagged {name}, newest first."),
                )
            }
            Page::Calendar => (
                "Deadlines".into(),
                "Every open deadline, by urgency, with calendars to subscribe to.".into(),
            ),
            Page::Month(month) => {
                let label = month.format("%B %Y").to_string();
                (label.clone(), format!("Deadlines in {label}."))
            }
            Page::NotFound => ("Page not found".into(), "This page does not exist.".into()),
        };
        (title, shortened(&description, PREVIEW_CHARS))
    }

    pub fn render(&self, page: &Page) -> Result<String> {
        let url = self.url(page);
        let mut context = Context::new();
        let (preview_title, preview_text) = self.preview(page);
        context.insert("preview_title", &preview_title);
        context.insert("preview_text", &preview_text);
        context.insert(
            "page_address",
            &format!("{}{url}", self.site.config.base_url),
        );
        let root = match page {
            Page::NotFound => self.templates.site_path.clone(),
            _ => root_prefix(&url),
        };
        context.insert("root", &root);
        context.insert("page_url", &url);
        let template = match page {
            Page::Dashboard => self.dashboard(&mut context),
            Page::Meetings => self.meetings_list(&mut context),
            Page::Meeting(m) => self.meeting_page(&mut context, m),
            Page::Topic(m, t) => self.topic_page(&mut context, m, t),
            Page::Topics => self.topics_list(&mut context),
            Page::Initiatives => self.initiatives_list(&mut context),
            Page::Initiative(i) => self.initiative_page(&mut context, i),
            Page::Owners => self.owners_list(&mut context),
            Page::Owner(id) => self.owner_page(&mut context, id),
            Page::Account(a) => self.account_page(&mut context, *a),
            Page::Task(t) => self.task_page(&mut context, *t),
            Page::Tag(slug) => self.tag_page(&mut context, slug),
            Page::Calendar => self.calendar_page(&mut context),
            Page::Month(month) => self.month_page(&mut context, month),
            Page::NotFound => "404.html",
        };
        self.templates
            .tera
            .render(template, &context)
            .map_err(|e| template_error(&e, &self.templates.template_paths))
    }
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn previews_are_cut_at_a_word() {
        assert_eq!(shortened("  short\n text ", 200), "short text");
        assert_eq!(shortened("one two three, four", 16), "one two three…");
        assert_eq!(shortened("ééé ééé", 5), "ééé…");
    }
}
