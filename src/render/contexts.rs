//! One function per page kind that fills its template's context and names the template.

use super::values::{map, month_links, opt, weekday_names};
use super::*;
use crate::model::{related_window, window};

/// A list of topics longer than this shows them as rows rather than cards.
const CARDS_AT_MOST: usize = 12;

impl Renderer<'_> {
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
        let open = site
            .tasks
            .iter()
            .filter(|t| t.is_current() && !t.done)
            .count();
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

    /// A tag's page: its meetings, newest first.
    pub(super) fn tag_page(&self, context: &mut Context, slug: &str) -> &'static str {
        let (name, meetings) = self
            .site
            .tags
            .get(slug)
            .map_or(("", &[][..]), |(name, meetings)| {
                (name.as_str(), meetings.as_slice())
            });
        context.insert("tag_name", name);
        context.insert_value(
            "meetings",
            meetings
                .iter()
                .map(|&m| self.meeting(m))
                .collect::<Vec<_>>()
                .into(),
        );
        "tag.html"
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
        context.insert_value("since", self.since_last(*m));
        "meeting.html"
    }

    /// Topic page: fills `context`, returns the template.
    pub(super) fn topic_page(&self, context: &mut Context, m: &usize, t: &usize) -> &'static str {
        let site = self.site;
        let meeting = &site.meetings[*m];
        context.insert_value("topic", self.topic(*m, *t));
        // Who took part: those named in the discussion; an owner named only in a task is
        // shown with the task.
        context.insert_value(
            "discussed_by",
            self.person_list(&meeting.topics[*t].discussed_by),
        );
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
        // Each topic once: under the initiative its heading names, else the first one a task
        // of it follows (the initiative pages list it on every timeline it is part of).
        let mut home: HashMap<(usize, usize), usize> = HashMap::new();
        for (i, initiative) in site.initiatives.iter().enumerate() {
            for &(m, t) in &initiative.topics {
                let own =
                    site.meetings[m].topics[t].initiative.as_deref() == Some(&initiative.slug);
                if own {
                    home.insert((m, t), i);
                } else {
                    home.entry((m, t)).or_insert(i);
                }
            }
        }
        let mut groups = Vec::new();
        for (i, initiative) in site.initiatives.iter().enumerate() {
            let mut newest_first: Vec<(usize, usize)> = initiative
                .topics
                .iter()
                .copied()
                .filter(|key| home.get(key) == Some(&i))
                .collect();
            if !newest_first.is_empty() {
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
            .flat_map(|(m, meeting)| meeting.topics.iter().enumerate().map(move |(t, _)| (m, t)))
            .filter(|key| !home.contains_key(key))
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
        context.insert_value("slipping", self.slipping(&initiative.tasks));
        context.insert_value("history", self.task_history_summary(&initiative.tasks));
        "initiative.html"
    }

    /// Owners page: fills `context`, returns the template.
    pub(super) fn owners_list(&self, context: &mut Context) -> &'static str {
        let site = self.site;
        // (overdue, next deadline, place by id, open, row)
        let mut rows: Vec<(usize, Option<NaiveDate>, usize, usize, Value)> = site
            .by_person
            .iter()
            .enumerate()
            .filter_map(|(rank, (id, index))| {
                let person = self.people.get(id)?.clone();
                let coming = self.coming_deadlines(&index.tasks);
                let overdue = index.overdue_count(site);
                let next = coming.first().map(|d| d.date);
                let open = index.open_count(site);
                let row = map(vec![
                    ("rank", rank.into()),
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
                        "next_due_date",
                        opt(coming.first().map(|d| d.date.to_string())),
                    ),
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
                ]);
                Some((overdue, next, rank, open, row))
            })
            .collect();
        // What needs attention first: the most overdue, then the nearest deadline; the
        // theme's script sorts the same way on a later day. Those with nothing open apart.
        rows.sort_by_key(|&(overdue, next, rank, _, _)| {
            (std::cmp::Reverse(overdue), next.is_none(), next, rank)
        });
        let (owing, clear): (Vec<_>, Vec<_>) = rows.into_iter().partition(|row| row.3 > 0);
        let values = |rows: Vec<(usize, Option<NaiveDate>, usize, usize, Value)>| -> Value {
            rows.into_iter().map(|row| row.4).collect::<Vec<_>>().into()
        };
        context.insert_value("owners", values(owing));
        context.insert_value("clear", values(clear));
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
            self.initiative_badges(index.map_or(&[][..], |i| &i.initiatives)),
        );
        "owner.html"
    }

    /// Account page: fills `context`, returns the template. A briefing before meeting the
    /// customer: who owes what (by owner, most urgent first), the initiatives, the meetings.
    pub(super) fn account_page(&self, context: &mut Context, a: usize) -> &'static str {
        let site = self.site;
        let account = &site.accounts[a];
        let open: Vec<usize> = account
            .tasks
            .iter()
            .copied()
            .filter(|&t| !site.tasks[t].done)
            .collect();
        // Each owner once, with their open tasks of this account in deadline order; owners by
        // their most pressing deadline (overdue ones come first by themselves), undated last.
        // Nothing here depends on the day, so the page reads true on any day.
        let mut by_owner: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut unowned = Vec::new();
        for &t in &open {
            let owners = &site.tasks[t].owners;
            if owners.is_empty() {
                unowned.push(t);
            }
            for owner in owners {
                by_owner.entry(owner.id.as_str()).or_default().push(t);
            }
        }
        let mut owners: Vec<(&str, Vec<usize>)> = by_owner.into_iter().collect();
        owners.sort_by_key(|(_, tasks)| {
            let first = site.tasks[tasks[0]].due.map(|d| d.date);
            (first.is_none(), first)
        });
        let owner_groups: Vec<Value> = owners
            .iter()
            .map(|(id, tasks)| {
                map(vec![
                    (
                        "person",
                        self.people.get(*id).cloned().unwrap_or_else(Value::none),
                    ),
                    ("tasks", self.tasks_of(tasks)),
                ])
            })
            .collect();
        context.insert("account_name", &account.name);
        context.insert("open_count", &open.len());
        context.insert_value("owners", owner_groups.into());
        context.insert_value("unowned", self.tasks_of(&unowned));
        context.insert_value("slipping", self.slipping(&account.tasks));
        context.insert_value("initiatives", self.initiative_badges(&account.initiatives));
        context.insert_value(
            "meetings",
            account
                .meetings
                .iter()
                .map(|&m| self.meeting(m))
                .collect::<Vec<_>>()
                .into(),
        );
        "account.html"
    }

    /// Calendar page: fills `context`, returns the template.
    pub(super) fn calendar_page(&self, context: &mut Context) -> &'static str {
        let site = self.site;
        let agenda = Agenda::of(site, site.current_tasks());
        let done: Vec<usize> = site
            .current_tasks()
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
