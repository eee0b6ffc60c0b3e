//! Every page kind in one place: the pages of a site, each page's address, what an edit
//! reaches, and one function per kind that fills its template's context. Adding a page kind
//! is a variant here, its arms in the matches below, its function and its template.

use super::values::{self, map, month_links, opt, weekday_names};
use super::*;
use crate::model::reach::{topic_key, Reach};
use crate::model::{related_window, window};

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

/// A list of topics longer than this shows them as rows rather than cards.
const CARDS_AT_MOST: usize = 12;

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
            Page::Owners,
            Page::Calendar,
            Page::NotFound,
        ];
        for (m, meeting) in site.meetings.iter().enumerate() {
            pages.push(Page::Meeting(m));
            pages.extend((0..meeting.topics.len()).map(|t| Page::Topic(m, t)));
        }
        pages.extend((0..site.initiatives.len()).map(Page::Initiative));
        pages.extend(site.people.keys().cloned().map(Page::Owner));
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
            Page::Calendar => self.calendar_page(&mut context),
            Page::Month(month) => self.month_page(&mut context, month),
            Page::NotFound => "404.html",
        };
        self.templates
            .tera
            .render(template, &context)
            .map_err(|e| template_error(&e, &self.templates.template_paths))
    }

    /// Dashboard page: fills `context`, returns the template.
    pub(super) fn dashboard(&self, context: &mut Context) -> &'static str {
        let site = self.site;
        let overdue: Vec<usize> = (0..site.tasks.len())
            .filter(|&i| site.tasks[i].overdue)
            .collect();
        let upcoming =
            site.open_due_between(site.today, site.today + chrono::Days::new(UPCOMING_DAYS));
        // Every open deadline the script may count on a later day of the window it recomputes.
        let window = site.open_due_between(
            site.today,
            recompute_until(site) + chrono::Days::new(UPCOMING_DAYS),
        );
        let pool = self.dashboard_pool(&overdue, &window);
        context.insert(
            "window_dues",
            &window
                .iter()
                .filter_map(|&t| site.tasks[t].due.map(|d| d.token()))
                .collect::<Vec<_>>()
                .join(" "),
        );
        context.insert("compact", &(site.tasks.len() > COMPACT_LISTS_FROM));
        context.insert_value("pool", self.tasks_of(&pool));
        context.insert("list_limit", &DASHBOARD_TASKS);
        let open = site.tasks.iter().filter(|t| !t.done).count();
        context.insert_value(
            "meetings",
            (0..site.meetings.len().min(5))
                .map(|m| self.meeting(m))
                .collect::<Vec<_>>()
                .into(),
        );
        // The dashboard is a glance: the most overdue and the next few; the calendar
        // has them all.
        context.insert_value(
            "overdue",
            self.tasks_of(&overdue[..overdue.len().min(DASHBOARD_TASKS)]),
        );
        context.insert_value(
            "upcoming",
            self.tasks_of(&upcoming[..upcoming.len().min(DASHBOARD_TASKS)]),
        );
        context.insert("upcoming_count", &upcoming.len());
        context.insert_value(
            "initiatives",
            site.initiatives
                .iter()
                .enumerate()
                .filter(|(_, i)| i.status == crate::content::initiative::Status::Active)
                .map(|(i, _)| self.initiative(i))
                .collect::<Vec<_>>()
                .into(),
        );
        // Undated tasks have a place: how many, and the ones waiting longest.
        let undated = site.undated_open();
        context.insert_value(
            "undated",
            self.tasks_of(&undated[..undated.len().min(DASHBOARD_TASKS / 2)]),
        );
        context.insert("undated_count", &undated.len());
        context.insert("meeting_count", &site.meetings.len());
        context.insert("open_count", &open);
        context.insert("overdue_count", &overdue.len());
        context.insert("people_count", &site.people.len());
        "index.html"
    }

    /// The tasks the script may have to show in the dashboard's lists on a later day of the
    /// window it recomputes: the first overdue ones, each day's first few deadlines of the
    /// window (a list shows no more than that from one day), and the first few after it.
    /// `window` holds the window's open deadlines, from which the counts come (`window_dues`).
    fn dashboard_pool(&self, overdue: &[usize], window: &[usize]) -> Vec<usize> {
        let site = self.site;
        let until = recompute_until(site);
        let mut pool: Vec<usize> = overdue[..overdue.len().min(DASHBOARD_TASKS)].to_vec();
        let mut day = (site.today, 0);
        let mut after_window = 0;
        for &t in window {
            let Some(due) = site.tasks[t].due else {
                continue;
            };
            if due.date > until {
                after_window += 1;
                if after_window > DASHBOARD_TASKS {
                    break;
                }
            } else {
                day = if day.0 == due.date {
                    (day.0, day.1 + 1)
                } else {
                    (due.date, 1)
                };
                if day.1 > DASHBOARD_TASKS {
                    continue;
                }
            }
            pool.push(t);
        }
        pool
    }

    /// Meetings page: fills `context`, returns the template.
    pub(super) fn meetings_list(&self, context: &mut Context) -> &'static str {
        let site = self.site;
        context.insert_value(
            "meetings",
            (0..site.meetings.len())
                .map(|m| self.meeting(m))
                .collect::<Vec<_>>()
                .into(),
        );
        "meetings.html"
    }

    /// Meeting page: fills `context`, returns the template.
    pub(super) fn meeting_page(&self, context: &mut Context, m: &usize) -> &'static str {
        let site = self.site;
        let meeting = &site.meetings[*m];
        context.insert_value("meeting", self.meeting(*m));
        context.insert("intro_html", &*meeting.intro_html);
        context.insert("tasks_notes_html", &*meeting.tasks_notes_html);
        context.insert_value("attendees", {
            meeting
                .attendees
                .iter()
                .filter_map(|p| self.people.get(&p.id).cloned())
                .collect::<Vec<_>>()
                .into()
        });
        context.insert_value(
            "topics",
            (0..meeting.topics.len())
                .map(|t| self.topic(*m, t))
                .collect::<Vec<_>>()
                .into(),
        );
        context.insert_value(
            "topic_bodies",
            meeting
                .topics
                .iter()
                .map(|topic| Value::safe_string(&topic.body_html))
                .collect::<Vec<_>>()
                .into(),
        );
        context.insert_value("tasks", self.tasks_of(&meeting.tasks));
        context.insert_value(
            "previous",
            opt((m + 1 < site.meetings.len()).then(|| self.meeting(m + 1))),
        );
        context.insert_value("next", opt(m.checked_sub(1).map(|n| self.meeting(n))));
        "meeting.html"
    }

    /// Topic page: fills `context`, returns the template.
    pub(super) fn topic_page(&self, context: &mut Context, m: &usize, t: &usize) -> &'static str {
        let site = self.site;
        let meeting = &site.meetings[*m];
        context.insert_value("topic", self.topic(*m, *t));
        context.insert_value(
            "body_html",
            Value::safe_string(&meeting.topics[*t].body_html),
        );
        context.insert_value("meeting", self.meeting(*m));
        // The topics around this one; the meeting's page lists them all.
        let around = window(*t, meeting.topics.len(), SIBLINGS_EACH_SIDE);
        context.insert_value(
            "siblings",
            around
                .filter(|i| i != t)
                .map(|i| self.topic(*m, i))
                .collect::<Vec<_>>()
                .into(),
        );
        context.insert("siblings_total", &meeting.topics.len().saturating_sub(1));
        // The same initiative in the meetings just before and after this one; the
        // initiative's page has the whole timeline.
        let timeline: &[(usize, usize)] = meeting.topics[*t]
            .initiative
            .as_ref()
            .and_then(|slug| site.initiative_index(slug))
            .map_or(&[], |i| site.initiatives[i].topics.as_slice());
        let related: Vec<(usize, usize)> = match timeline.iter().position(|&p| p == (*m, *t)) {
            Some(at) => timeline[related_window(at, timeline.len())]
                .iter()
                .copied()
                .filter(|&p| p != (*m, *t))
                .collect(),
            None => Vec::new(),
        };
        context.insert("related_total", &timeline.len().saturating_sub(1));
        context.insert_value("related", self.topic_list(&related));
        "topic.html"
    }

    /// Topics page: fills `context`, returns the template. A long list shows each topic as a
    /// row (title, meeting date) rather than a card, from a value made for the row only: at
    /// 10,000 meetings the cards' values of every topic took 1.6 s to make for this one page.
    pub(super) fn topics_list(&self, context: &mut Context) -> &'static str {
        let site = self.site;
        let mut groups = Vec::new();
        for (i, initiative) in site.initiatives.iter().enumerate() {
            if !initiative.topics.is_empty() {
                let mut newest_first = initiative.topics.clone();
                newest_first.reverse();
                let (as_rows, topics) = self.topic_rows_or_cards(&newest_first);
                groups.push(map(vec![
                    ("initiative", self.initiative(i)),
                    ("as_rows", as_rows.into()),
                    ("topics", topics),
                ]));
            }
        }
        let loose: Vec<(usize, usize)> = site
            .meetings
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| {
                meeting
                    .topics
                    .iter()
                    .enumerate()
                    .filter(|(_, topic)| topic.initiative.is_none())
                    .map(move |(t, _)| (m, t))
            })
            .collect();
        let (loose_as_rows, loose) = self.topic_rows_or_cards(&loose);
        context.insert_value("groups", groups.into());
        context.insert("loose_as_rows", &loose_as_rows);
        context.insert_value("loose", loose);
        context.insert(
            "topic_count",
            &site.meetings.iter().map(|m| m.topics.len()).sum::<usize>(),
        );
        "topics.html"
    }

    /// Topics as rows when there are more than [`CARDS_AT_MOST`], else as cards; says which.
    fn topic_rows_or_cards(&self, topics: &[(usize, usize)]) -> (bool, Value) {
        if topics.len() <= CARDS_AT_MOST {
            return (false, self.topic_list(topics));
        }
        let rows: Vec<Value> = topics
            .iter()
            .map(|&(m, t)| {
                map(vec![
                    (
                        "title",
                        self.site.meetings[m].topics[t].title.as_str().into(),
                    ),
                    ("url", self.site.topic_url(m, t).into()),
                    ("meeting", self.meeting_link(m)),
                ])
            })
            .collect();
        (true, rows.into())
    }

    /// Initiatives page: fills `context`, returns the template.
    pub(super) fn initiatives_list(&self, context: &mut Context) -> &'static str {
        let site = self.site;
        context.insert_value(
            "initiatives",
            (0..site.initiatives.len())
                .map(|i| self.initiative(i))
                .collect::<Vec<_>>()
                .into(),
        );
        "initiatives.html"
    }

    /// Initiative page: fills `context`, returns the template.
    pub(super) fn initiative_page(&self, context: &mut Context, i: &usize) -> &'static str {
        let site = self.site;
        let initiative = &site.initiatives[*i];
        context.insert_value("initiative", self.initiative(*i));
        context.insert("body_html", &initiative.body_html);
        context.insert_value("timeline", self.topic_list(&initiative.topics));
        let (open, done): (Vec<usize>, Vec<usize>) =
            initiative.tasks.iter().partition(|&&t| !site.tasks[t].done);
        context.insert_value("open_tasks", self.tasks_of(&open));
        context.insert_value("done_tasks", self.tasks_of(&done));
        "initiative.html"
    }

    /// Owners page: fills `context`, returns the template.
    pub(super) fn owners_list(&self, context: &mut Context) -> &'static str {
        let site = self.site;
        let owners: Vec<Value> = site
            .by_person
            .iter()
            .filter_map(|(id, index)| {
                let person = self.people.get(id)?.clone();
                let coming = self.coming_deadlines(&index.tasks);
                Some(map(vec![
                    ("person", person),
                    ("open_count", index.open_count(site).into()),
                    ("overdue_count", index.overdue_count(site).into()),
                    (
                        "undated_count",
                        index
                            .tasks
                            .iter()
                            .filter(|&&t| site.tasks[t].is_open_undated())
                            .count()
                            .into(),
                    ),
                    (
                        "done_count",
                        (index.tasks.len() - index.open_count(site)).into(),
                    ),
                    ("next_due", opt(coming.first().map(|d| d.label()))),
                    (
                        "dues",
                        coming
                            .iter()
                            .map(|d| d.token())
                            .collect::<Vec<_>>()
                            .join(" ")
                            .into(),
                    ),
                    ("topic_count", index.topics.len().into()),
                ]))
            })
            .collect();
        context.insert_value("owners", owners.into());
        "owners.html"
    }

    /// The deadlines of the open tasks among `tasks` (in deadline order) from today to the end
    /// of the window the script recomputes, and the first one after it: what an owners-list
    /// row needs to show its next deadline on any day of the window.
    fn coming_deadlines(&self, tasks: &[usize]) -> Vec<crate::dates::Due> {
        let site = self.site;
        let until = recompute_until(site);
        let mut coming = Vec::new();
        let dues = tasks
            .iter()
            .filter(|&&t| !site.tasks[t].done)
            .filter_map(|&t| site.tasks[t].due)
            .filter(|due| due.date >= site.today);
        for due in dues {
            coming.push(due);
            if due.date > until {
                break;
            }
        }
        coming
    }

    /// Owner page: fills `context`, returns the template.
    pub(super) fn owner_page(&self, context: &mut Context, id: &str) -> &'static str {
        let site = self.site;
        let index = site.by_person.get(id);
        let task_ids = index.map(|i| i.tasks.as_slice()).unwrap_or_default();
        let agenda = Agenda::of(site, task_ids.iter().copied());
        let done: Vec<usize> = task_ids
            .iter()
            .copied()
            .filter(|&t| site.tasks[t].done)
            .collect();
        let mut topics = index.map(|i| i.topics.clone()).unwrap_or_default();
        topics.sort_by_key(|&(m, t)| (m, t));
        context.insert_value(
            "person",
            self.people.get(id).cloned().unwrap_or_else(Value::none),
        );
        context.insert_value("agenda", self.agenda_value(&agenda));
        context.insert_value("done_tasks", self.tasks_of(&done));
        context.insert("open_count", &agenda.open_count());
        context.insert("compact", &(task_ids.len() > COMPACT_LISTS_FROM));
        context.insert("overdue_count", &agenda.overdue_count(site));
        // Newest first (meetings are), the latest few; each links on to its meeting.
        context.insert("topic_count", &topics.len());
        context.insert_value(
            "topics",
            self.topic_list(&topics[..topics.len().min(OWNER_TOPICS)]),
        );
        context.insert_value(
            "initiatives",
            index
                .map(|i| {
                    i.initiatives
                        .iter()
                        .map(|&n| self.initiative_badge(n))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
                .into(),
        );
        "owner.html"
    }

    /// Calendar page: fills `context`, returns the template.
    pub(super) fn calendar_page(&self, context: &mut Context) -> &'static str {
        let site = self.site;
        let agenda = Agenda::of(site, 0..site.tasks.len());
        let done: Vec<usize> = (0..site.tasks.len())
            .filter(|&t| site.tasks[t].done)
            .collect();
        context.insert_value("agenda", self.agenda_value(&agenda));
        context.insert_value("done_tasks", self.tasks_of(&done));
        context.insert("open_count", &agenda.open_count());
        context.insert("compact", &(site.tasks.len() > COMPACT_LISTS_FROM));
        context.insert_value("months", month_links(self.deadlines(), site).into());
        context.insert_value(
            "owners",
            site.by_person
                .iter()
                .filter(|(_, index)| index.open_count(site) > 0)
                .filter_map(|(id, _)| self.people.get(id).cloned())
                .collect::<Vec<_>>()
                .into(),
        );
        "calendar.html"
    }

    /// Month page: fills `context`, returns the template.
    pub(super) fn month_page(&self, context: &mut Context, month: &NaiveDate) -> &'static str {
        let site = self.site;
        let grid = agenda::MonthGrid::of(site, self.deadlines(), *month);
        let weeks: Vec<Value> = grid
            .weeks
            .iter()
            .map(|week| {
                week.iter()
                    .map(|day| {
                        map(vec![
                            ("day", day.date.format("%-d").to_string().into()),
                            ("date", day.date.to_string().into()),
                            ("label", day.date.format("%A %-d %B").to_string().into()),
                            ("in_month", day.in_month.into()),
                            ("today", (day.date == site.today).into()),
                            ("past", (day.date < site.today).into()),
                            ("tasks", self.tasks_of(&day.tasks)),
                        ])
                    })
                    .collect::<Vec<_>>()
                    .into()
            })
            .collect();
        context.insert("month_label", &month.format("%B %Y").to_string());
        context.insert("month", &month.format("%Y-%m").to_string());
        context.insert_value("weekdays", weekday_names(&grid).into());
        context.insert_value("weeks", weeks.into());
        context.insert_value("month_tasks", self.tasks_of(&grid.month_level));
        context.insert(
            "deadline_count",
            &(grid.month_level.len()
                + grid
                    .weeks
                    .iter()
                    .flatten()
                    .filter(|d| d.in_month)
                    .map(|d| d.tasks.len())
                    .sum::<usize>()),
        );
        for (key, label, month) in [
            ("previous", "previous_label", grid.previous),
            ("next", "next_label", grid.next),
        ] {
            context.insert_value(key, opt(month.map(|d| d.format("%Y-%m").to_string())));
            context.insert_value(label, opt(month.map(|d| d.format("%B %Y").to_string())));
        }
        "month.html"
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
