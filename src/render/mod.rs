//! Stage three: pages from the site model through Tera. Every entity is turned into a template
//! value once; pages are rendered in parallel from small contexts that share those values.

pub mod theme;

use crate::content::markdown::ROOT_PLACEHOLDER;
use crate::content::meeting::PersonRef;
use crate::dates::month_start;
use crate::error::{Error, Result};
use crate::model::agenda::{self, Agenda};
use crate::model::Site;
use crate::paths::root_prefix;
use crate::render::theme::Theme;
use crate::urls;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;
use tera::{Context, Kwargs, State, Tera, Value};

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

/// Topics of the same initiative shown on a topic page, before and after it.
pub const RELATED_EACH_SIDE: usize = 3;
/// Other topics of the same meeting shown on a topic page, on each side of it: a meeting
/// with thousands of topics must not make every topic page list every other one.
const SIBLINGS_EACH_SIDE: usize = 5;
/// Participants named on a topic in lists (cards, the meeting page); the topic's own page
/// names them all.
const PARTICIPANTS_IN_LISTS: usize = 8;
/// Tasks per list on the dashboard.
const DASHBOARD_TASKS: usize = 12;
/// Topics on an owner page.
const OWNER_TOPICS: usize = 24;
/// From this many tasks on, agendas list one line per task instead of a card.
const COMPACT_LISTS_FROM: usize = 80;

fn map(entries: Vec<(&'static str, Value)>) -> Value {
    let map: BTreeMap<&'static str, Value> = entries.into_iter().collect();
    Value::from(map)
}

fn opt<T: Into<Value>>(value: Option<T>) -> Value {
    value.map_or_else(Value::none, Into::into)
}

fn date_label(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// The theme's templates, compiled once, with the values every page shares. Kept by `serve`
/// between rebuilds that change only content.
pub struct Templates {
    tera: Tera,
    /// Template name to its file, for error messages.
    template_paths: BTreeMap<String, PathBuf>,
}

impl Templates {
    pub fn new(site: &Site, theme: &Theme) -> Result<Self> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(crate::escape::write_escaped_html);
        let templates: Vec<(String, String)> = theme
            .templates
            .iter()
            .map(|(name, (_, text))| (name.clone(), text.clone()))
            .collect();
        // Filters first: Tera checks at compile time that every filter a template uses exists.
        tera.register_filter("relink", relink);
        tera.register_filter("url", url);
        let template_paths: BTreeMap<String, PathBuf> = theme
            .templates
            .iter()
            .map(|(name, (path, _))| (name.clone(), path.clone()))
            .collect();
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(&e, &template_paths))?;
        tera.global_context()
            .insert("site_title", &site.config.title);
        tera.global_context()
            .insert("today", &date_label(site.today));
        tera.global_context()
            .insert("today_iso", &site.today.to_string());
        // Calendar apps subscribe to webcal:// addresses; the published site is at base_url.
        let webcal = match site.config.base_url.split_once("://") {
            Some((_, rest)) => format!("webcal://{rest}"),
            None => site.config.base_url.clone(),
        };
        tera.global_context().insert("webcal_base", &webcal);
        Ok(Templates {
            tera,
            template_paths,
        })
    }
}

/// Renders the pages of one site. Each meeting, topic, task and initiative becomes a template
/// value the first time a page needs it, and is shared by every later page: a full build
/// converts each once, a rebuild after an edit only those its pages show.
pub struct Renderer<'s> {
    pub site: &'s Site,
    templates: &'s Templates,
    people: BTreeMap<String, Value>,
    values: Values,
    initiatives: Vec<OnceLock<Value>>,
    deadlines: OnceLock<agenda::Deadlines>,
}

/// The template values of a site's meetings, topics and tasks, made on first use. `serve`
/// keeps them between rebuilds and carries over those of the meetings an edit did not touch.
#[derive(Default)]
pub struct Values {
    tasks: Vec<OnceLock<Value>>,
    /// A meeting's title, address and date, as tasks and topics link to it.
    meeting_links: Vec<OnceLock<Value>>,
    meetings: Vec<OnceLock<Value>>,
    /// Per meeting, per topic.
    topics: Vec<Vec<OnceLock<Value>>>,
}

impl Values {
    fn unmade(site: &Site) -> Values {
        Values {
            tasks: lazy_values(site.tasks.len()),
            meeting_links: lazy_values(site.meetings.len()),
            meetings: lazy_values(site.meetings.len()),
            topics: site
                .meetings
                .iter()
                .map(|meeting| lazy_values(meeting.topics.len()))
                .collect(),
        }
    }
}

fn lazy_values(count: usize) -> Vec<OnceLock<Value>> {
    (0..count).map(|_| OnceLock::new()).collect()
}

fn carry(from: &OnceLock<Value>, to: &OnceLock<Value>) {
    if let Some(value) = from.get() {
        let _ = to.set(value.clone());
    }
}

impl<'s> Renderer<'s> {
    pub fn new(site: &'s Site, templates: &'s Templates) -> Self {
        Self::with_values(site, templates, Values::unmade(site))
    }

    /// A renderer using values made for this same site before.
    pub fn with_values(site: &'s Site, templates: &'s Templates, values: Values) -> Self {
        let people: BTreeMap<String, Value> = site
            .people
            .values()
            .map(|person| {
                (
                    person.id.clone(),
                    map(vec![
                        ("id", person.id.as_str().into()),
                        ("name", person.name.as_str().into()),
                        ("role", opt(person.role.as_deref())),
                        ("listed", person.listed.into()),
                        ("url", urls::owner(&person.id).into()),
                    ]),
                )
            })
            .collect();
        Renderer {
            deadlines: OnceLock::new(),
            site,
            templates,
            people,
            values,
            initiatives: lazy_values(site.initiatives.len()),
        }
    }

    /// Makes the value of every meeting, topic and task, in parallel: for a build of every page,
    /// which needs them all, rather than one page's thread making them one by one.
    pub fn make_all_values(&self) {
        (0..self.site.meetings.len()).into_par_iter().for_each(|m| {
            self.meeting(m);
            for t in 0..self.site.meetings[m].topics.len() {
                self.topic(m, t);
            }
        });
        (0..self.site.tasks.len()).into_par_iter().for_each(|t| {
            self.task(t);
        });
    }

    /// The values made so far, to be kept for the next rebuild.
    pub fn into_values(self) -> Values {
        self.values
    }

    /// Takes over the values `before` made for meetings not in `changed`: with the same people,
    /// initiatives and day, a meeting that did not change shows the same everywhere. Its tasks
    /// keep their order among themselves, so they pair up in order.
    pub fn carry_over(&self, before: &Renderer, changed: &BTreeSet<String>) {
        let old_position: HashMap<&str, usize> = before
            .site
            .meetings
            .iter()
            .enumerate()
            .map(|(m, meeting)| (meeting.slug.as_str(), m))
            .collect();
        let (old, new) = (&before.values, &self.values);
        for (m, meeting) in self.site.meetings.iter().enumerate() {
            if changed.contains(&meeting.slug) {
                continue;
            }
            let Some(&o) = old_position.get(meeting.slug.as_str()) else {
                continue;
            };
            let old_meeting = &before.site.meetings[o];
            carry(&old.meetings[o], &new.meetings[m]);
            carry(&old.meeting_links[o], &new.meeting_links[m]);
            for (t, topic) in meeting.topics.iter().enumerate() {
                carry(&old.topics[o][t], &new.topics[m][t]);
                for (&a, &b) in old_meeting.topics[t].tasks.iter().zip(&topic.tasks) {
                    carry(&old.tasks[a], &new.tasks[b]);
                }
            }
            for (&a, &b) in old_meeting.tasks.iter().zip(&meeting.tasks) {
                carry(&old.tasks[a], &new.tasks[b]);
            }
        }
    }

    /// The site's deadlines by month.
    pub fn deadlines(&self) -> &agenda::Deadlines {
        self.deadlines
            .get_or_init(|| agenda::Deadlines::of(self.site))
    }

    fn person_list(&self, refs: &[PersonRef]) -> Value {
        refs.iter()
            .filter_map(|p| self.people.get(&p.id).cloned())
            .collect::<Vec<_>>()
            .into()
    }

    fn initiative_link(&self, slug: &Option<String>) -> Value {
        slug.as_ref()
            .and_then(|slug| self.site.initiative_index(slug))
            .map_or_else(Value::none, |i| self.initiative_badge(i))
    }

    /// An initiative as a link with its status, from its own file only: pages that show it so
    /// do not change when a meeting changes its counts.
    fn initiative_badge(&self, i: usize) -> Value {
        map(self.initiative_badge_entries(i))
    }

    fn initiative_badge_entries(&self, i: usize) -> Vec<(&'static str, Value)> {
        let initiative = &self.site.initiatives[i];
        vec![
            ("slug", initiative.slug.as_str().into()),
            ("title", initiative.title.as_str().into()),
            ("url", urls::initiative(&initiative.slug).into()),
            (
                "status",
                format!("{:?}", initiative.status).to_lowercase().into(),
            ),
            ("status_label", initiative.status.label().into()),
        ]
    }

    fn meeting_link(&self, m: usize) -> Value {
        self.values.meeting_links[m]
            .get_or_init(|| {
                let meeting = &self.site.meetings[m];
                map(vec![
                    ("title", meeting.title.as_str().into()),
                    ("url", self.site.meeting_url(m).into()),
                    ("date", meeting.date.to_string().into()),
                    ("date_label", date_label(meeting.date).into()),
                ])
            })
            .clone()
    }

    fn task(&self, index: usize) -> Value {
        self.values.tasks[index]
            .get_or_init(|| {
                let site = self.site;
                let task = &site.tasks[index];
                let topic = task.topic.map_or_else(Value::none, |t| {
                    map(vec![
                        (
                            "title",
                            site.meetings[task.meeting].topics[t].title.as_str().into(),
                        ),
                        ("url", site.topic_url(task.meeting, t).into()),
                    ])
                });
                map(vec![
                    ("title", task.title.as_str().into()),
                    ("detail_html", (&*task.detail_html).into()),
                    ("owners", self.person_list(&task.owners)),
                    ("due", opt(task.due.map(|d| d.token()))),
                    ("due_label", opt(task.due.map(|d| d.label()))),
                    (
                        "due_precision",
                        opt(task
                            .due
                            .map(|d| format!("{:?}", d.precision).to_lowercase())),
                    ),
                    ("days_late", task.days_late(site.today).into()),
                    ("done", task.done.into()),
                    ("overdue", task.overdue.into()),
                    ("meeting", self.meeting_link(task.meeting)),
                    ("topic", topic),
                    ("initiative", self.initiative_link(&task.initiative)),
                    ("url", site.task_url(task).into()),
                ])
            })
            .clone()
    }

    fn topic(&self, m: usize, t: usize) -> Value {
        self.values.topics[m][t]
            .get_or_init(|| {
                let site = self.site;
                let topic = &site.meetings[m].topics[t];
                let open = topic.tasks.iter().filter(|&&i| !site.tasks[i].done).count();
                map(vec![
                    ("slug", topic.slug.as_str().into()),
                    ("title", topic.title.as_str().into()),
                    ("url", site.topic_url(m, t).into()),
                    ("summary", topic.summary.as_str().into()),
                    ("body_html", (&*topic.body_html).into()),
                    ("participants", self.person_list(&topic.participants)),
                    (
                        "participants_preview",
                        self.person_list(
                            &topic.participants
                                [..topic.participants.len().min(PARTICIPANTS_IN_LISTS)],
                        ),
                    ),
                    (
                        "participants_more",
                        topic
                            .participants
                            .len()
                            .saturating_sub(PARTICIPANTS_IN_LISTS)
                            .into(),
                    ),
                    ("initiative", self.initiative_link(&topic.initiative)),
                    ("meeting", self.meeting_link(m)),
                    ("tasks", self.tasks_of(&topic.tasks)),
                    ("open_count", open.into()),
                ])
            })
            .clone()
    }

    fn meeting(&self, m: usize) -> Value {
        self.values.meetings[m]
            .get_or_init(|| {
                let site = self.site;
                let meeting = &site.meetings[m];
                let all_tasks = meeting
                    .topics
                    .iter()
                    .flat_map(|t| t.tasks.iter())
                    .chain(meeting.tasks.iter());
                let (count, open) = all_tasks.fold((0usize, 0usize), |(count, open), &i| {
                    (count + 1, open + usize::from(!site.tasks[i].done))
                });
                map(vec![
                    ("title", meeting.title.as_str().into()),
                    ("slug", meeting.slug.as_str().into()),
                    ("url", site.meeting_url(m).into()),
                    ("date", meeting.date.to_string().into()),
                    ("date_label", date_label(meeting.date).into()),
                    ("account", opt(meeting.account.as_deref())),
                    ("tags", meeting.tags.clone().into()),
                    ("summary", meeting.summary.as_str().into()),
                    ("topic_count", meeting.topics.len().into()),
                    ("task_count", count.into()),
                    ("open_count", open.into()),
                ])
            })
            .clone()
    }

    /// An initiative as lists show it: status, counts, the last meeting that discussed it.
    fn initiative(&self, i: usize) -> Value {
        self.initiatives[i]
            .get_or_init(|| {
                let site = self.site;
                let initiative = &site.initiatives[i];
                let open = initiative
                    .tasks
                    .iter()
                    .filter(|&&i| !site.tasks[i].done)
                    .count();
                let last = initiative.topics.last().map(|&(m, _)| self.meeting_link(m));
                let mut entries = self.initiative_badge_entries(i);
                entries.extend([
                    ("owners", self.person_list(&initiative.owners)),
                    ("account", opt(initiative.account.as_deref())),
                    ("target", opt(initiative.target.map(|d| d.to_string()))),
                    ("target_label", opt(initiative.target.map(date_label))),
                    (
                        "target_passed",
                        initiative
                            .target
                            .is_some_and(|t| t < site.today && initiative.status.is_open())
                            .into(),
                    ),
                    ("summary", initiative.summary.as_str().into()),
                    ("topic_count", initiative.topics.len().into()),
                    ("open_count", open.into()),
                    ("last_meeting", opt(last)),
                ]);
                map(entries)
            })
            .clone()
    }

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

    fn tasks_of(&self, indices: &[usize]) -> Value {
        indices
            .iter()
            .map(|&i| self.task(i))
            .collect::<Vec<_>>()
            .into()
    }

    fn topic_list(&self, pairs: &[(usize, usize)]) -> Value {
        pairs
            .iter()
            .map(|&(m, t)| self.topic(m, t))
            .collect::<Vec<_>>()
            .into()
    }

    fn agenda_value(&self, agenda: &Agenda) -> Value {
        agenda
            .groups
            .iter()
            .map(|group| {
                map(vec![
                    ("key", group.bucket.key().into()),
                    ("title", group.bucket.title().into()),
                    ("tasks", self.tasks_of(&group.tasks)),
                ])
            })
            .collect::<Vec<_>>()
            .into()
    }

    pub fn render(&self, page: &Page) -> Result<String> {
        let site = self.site;
        let url = self.url(page);
        let mut context = Context::new();
        context.insert("root", &root_prefix(&url));
        context.insert("page_url", &url);
        let template = match page {
            Page::Dashboard => {
                let overdue: Vec<usize> = (0..site.tasks.len())
                    .filter(|&i| site.tasks[i].overdue)
                    .collect();
                let horizon = site.today + chrono::Days::new(14);
                let upcoming: Vec<usize> = (0..site.tasks.len())
                    .filter(|&i| {
                        let task = &site.tasks[i];
                        !task.done
                            && task
                                .due
                                .is_some_and(|d| d.date >= site.today && d.date <= horizon)
                    })
                    .collect();
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
                context.insert("meeting_count", &site.meetings.len());
                context.insert("open_count", &open);
                context.insert("overdue_count", &overdue.len());
                context.insert("people_count", &site.people.len());
                "index.html"
            }
            Page::Meetings => {
                context.insert_value(
                    "meetings",
                    (0..site.meetings.len())
                        .map(|m| self.meeting(m))
                        .collect::<Vec<_>>()
                        .into(),
                );
                "meetings.html"
            }
            Page::Meeting(m) => {
                let meeting = &site.meetings[*m];
                context.insert_value("meeting", self.meeting(*m));
                context.insert("intro_html", &*meeting.intro_html);
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
                context.insert_value("tasks", self.tasks_of(&meeting.tasks));
                context.insert_value(
                    "previous",
                    opt((m + 1 < site.meetings.len()).then(|| self.meeting(m + 1))),
                );
                context.insert_value("next", opt(m.checked_sub(1).map(|n| self.meeting(n))));
                "meeting.html"
            }
            Page::Topic(m, t) => {
                let meeting = &site.meetings[*m];
                context.insert_value("topic", self.topic(*m, *t));
                context.insert_value("meeting", self.meeting(*m));
                // The topics around this one; the meeting's page lists them all.
                let around = t.saturating_sub(SIBLINGS_EACH_SIDE)
                    ..(t + 1 + SIBLINGS_EACH_SIDE).min(meeting.topics.len());
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
                let related: Vec<(usize, usize)> =
                    match timeline.iter().position(|&p| p == (*m, *t)) {
                        Some(at) => {
                            let start = at.saturating_sub(RELATED_EACH_SIDE);
                            let end = (at + 1 + RELATED_EACH_SIDE).min(timeline.len());
                            timeline[start..end]
                                .iter()
                                .copied()
                                .filter(|&p| p != (*m, *t))
                                .collect()
                        }
                        None => Vec::new(),
                    };
                context.insert("related_total", &timeline.len().saturating_sub(1));
                context.insert_value("related", self.topic_list(&related));
                "topic.html"
            }
            Page::Topics => {
                let mut groups = Vec::new();
                for (i, initiative) in site.initiatives.iter().enumerate() {
                    if !initiative.topics.is_empty() {
                        let mut newest_first = initiative.topics.clone();
                        newest_first.reverse();
                        groups.push(map(vec![
                            ("initiative", self.initiative(i)),
                            ("topics", self.topic_list(&newest_first)),
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
                context.insert_value("groups", groups.into());
                context.insert_value("loose", self.topic_list(&loose));
                context.insert(
                    "topic_count",
                    &site.meetings.iter().map(|m| m.topics.len()).sum::<usize>(),
                );
                "topics.html"
            }
            Page::Initiatives => {
                context.insert_value(
                    "initiatives",
                    (0..site.initiatives.len())
                        .map(|i| self.initiative(i))
                        .collect::<Vec<_>>()
                        .into(),
                );
                "initiatives.html"
            }
            Page::Initiative(i) => {
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
            Page::Owners => {
                let owners: Vec<Value> = site
                    .by_person
                    .iter()
                    .filter_map(|(id, index)| {
                        let person = self.people.get(id)?.clone();
                        Some(map(vec![
                            ("person", person),
                            ("open_count", index.open_count(site).into()),
                            ("overdue_count", index.overdue_count(site).into()),
                            (
                                "done_count",
                                (index.tasks.len() - index.open_count(site)).into(),
                            ),
                            (
                                "next_due",
                                opt(index
                                    .tasks
                                    .iter()
                                    .map(|&t| &site.tasks[t])
                                    .find(|t| !t.done && t.due.is_some())
                                    .and_then(|t| t.due.map(|d| d.label()))),
                            ),
                            ("topic_count", index.topics.len().into()),
                        ]))
                    })
                    .collect();
                context.insert_value("owners", owners.into());
                "owners.html"
            }
            Page::Owner(id) => {
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
            Page::Calendar => {
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
            Page::Month(month) => {
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
            Page::NotFound => "404.html",
        };
        self.templates
            .tera
            .render(template, &context)
            .map_err(|e| template_error(&e, &self.templates.template_paths))
    }
}

/// Puts the page's way back to the root into Markdown rendered with [`ROOT_PLACEHOLDER`].
fn relink(html: &str, _: Kwargs, state: &State) -> Value {
    let root: String = state
        .get::<String>("root")
        .ok()
        .flatten()
        .unwrap_or_default();
    Value::safe_string(&html.replace(ROOT_PLACEHOLDER, &root))
}

/// A site-relative address as a link from the current page. Folders get `index.html` so links
/// work when the site is opened from disk, where a folder shows as a file listing.
fn url(path: &str, _: Kwargs, state: &State) -> String {
    let root: String = state
        .get::<String>("root")
        .ok()
        .flatten()
        .unwrap_or_default();
    if path.is_empty() || path.ends_with('/') {
        format!("{root}{path}index.html")
    } else {
        format!("{root}{path}")
    }
}

/// Tera's report, which names the template, line and column and underlines the place.
fn report(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    text
}

fn template_error(error: &tera::Error, paths: &BTreeMap<String, PathBuf>) -> Error {
    let mut text = report(error);
    // Tera knows templates by name; say which file that is.
    for (name, path) in paths {
        let marker = format!("--> {name}:");
        if text.contains(&marker) {
            text = text.replace(&marker, &format!("--> {}:", path.display()));
        }
    }
    Error::Template(text)
}

/// Links to every month page with how many open deadlines each holds.
fn month_links(deadlines: &agenda::Deadlines, site: &Site) -> Vec<Value> {
    deadlines
        .months
        .iter()
        .map(|&month| {
            let open = deadlines
                .in_month(month)
                .iter()
                .filter(|&&t| !site.tasks[t].done)
                .count();
            let entries: BTreeMap<&str, Value> = [
                ("url", urls::month(month).into()),
                ("label", month.format("%B %Y").to_string().into()),
                ("open_count", open.into()),
                ("current", (month == month_start(site.today)).into()),
            ]
            .into_iter()
            .collect();
            Value::from(entries)
        })
        .collect()
}

/// The names of the weekdays in the order a month grid shows them.
fn weekday_names(grid: &agenda::MonthGrid) -> Vec<Value> {
    let mut day = grid.first_weekday;
    (0..7)
        .map(|_| {
            let name = agenda::weekday_name(day);
            day = day.succ();
            Value::from(name)
        })
        .collect()
}
