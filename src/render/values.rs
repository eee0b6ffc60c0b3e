//! Template values made from the model's entities: a meeting, topic, task or initiative as the
//! templates see it. Each is made once, on first use, and shared by every page that shows it.

use super::*;

/// The template values of a site's meetings, topics and tasks, made on first use. `serve`
/// keeps them between rebuilds and carries over those of the meetings an edit did not touch.
#[derive(Default)]
pub(crate) struct Values {
    pub(super) tasks: Vec<OnceLock<Value>>,
    /// A meeting's title, address and date, as tasks and topics link to it.
    pub(super) meeting_links: Vec<OnceLock<Value>>,
    pub(super) meetings: Vec<OnceLock<Value>>,
    /// Per meeting, per topic.
    pub(super) topics: Vec<Vec<OnceLock<Value>>>,
}

impl Values {
    pub(super) fn unmade(site: &Site) -> Values {
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

pub(super) fn map(entries: Vec<(&'static str, Value)>) -> Value {
    let map: BTreeMap<&'static str, Value> = entries.into_iter().collect();
    Value::from(map)
}

/// `entries` with `key: true` when `flag` holds, and without the key otherwise: a key few
/// values have costs every value's map its room (see `Renderer::task`).
pub(super) fn flagged(
    mut entries: Vec<(&'static str, Value)>,
    key: &'static str,
    flag: bool,
) -> Vec<(&'static str, Value)> {
    if flag {
        entries.push((key, true.into()));
    }
    entries
}

pub(super) fn opt<T: Into<Value>>(value: Option<T>) -> Value {
    value.map_or_else(Value::none, Into::into)
}

pub(super) fn date_label(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// A file's last commit as pages show it: "Last edited Mon 3 Nov 2025 by Ann".
pub(super) fn last_edit(edit: Option<&LastEdit>) -> Value {
    opt(edit.map(|edit| {
        map(vec![
            ("date", edit.date.to_string().into()),
            ("date_label", date_label(edit.date).into()),
            ("author", edit.author.as_str().into()),
        ])
    }))
}

pub(super) fn lazy_values(count: usize) -> Vec<OnceLock<Value>> {
    (0..count).map(|_| OnceLock::new()).collect()
}

pub(super) fn carry(from: &OnceLock<Value>, to: &OnceLock<Value>) {
    if let Some(value) = from.get() {
        let _ = to.set(value.clone());
    }
}

/// Links to every month page with how many open deadlines each holds.
pub(super) fn month_links(deadlines: &agenda::Deadlines, site: &Site) -> Vec<Value> {
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
                ("month", month.format("%Y-%m").to_string().into()),
                ("current", (month == month_start(site.today)).into()),
            ]
            .into_iter()
            .collect();
            Value::from(entries)
        })
        .collect()
}

/// The names of the weekdays in the order a month grid shows them.
pub(super) fn weekday_names(grid: &agenda::MonthGrid) -> Vec<Value> {
    let mut day = grid.first_weekday;
    (0..7)
        .map(|_| {
            let name = agenda::weekday_name(day);
            day = day.succ();
            Value::from(name)
        })
        .collect()
}

impl Renderer<'_> {
    pub(super) fn person_list(&self, refs: &[PersonRef]) -> Value {
        refs.iter()
            .filter_map(|p| self.people.get(&p.id).cloned())
            .collect::<Vec<_>>()
            .into()
    }

    pub(super) fn initiative_link(&self, slug: &Option<String>) -> Value {
        slug.as_ref()
            .and_then(|slug| self.site.initiative_index(slug))
            .map_or_else(Value::none, |i| self.initiative_badge(i))
    }

    /// An initiative as a link with its status, from its own file only: pages that show it so
    /// do not change when a meeting changes its counts. Made once and shared by every task and
    /// topic of the initiative.
    pub(super) fn initiative_badge(&self, i: usize) -> Value {
        self.initiative_badges[i]
            .get_or_init(|| map(self.initiative_badge_entries(i)))
            .clone()
    }

    pub(super) fn initiative_badges(&self, indices: &[usize]) -> Value {
        indices
            .iter()
            .map(|&i| self.initiative_badge(i))
            .collect::<Vec<_>>()
            .into()
    }

    pub(super) fn initiative_badge_entries(&self, i: usize) -> Vec<(&'static str, Value)> {
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

    /// The address of the page of the account `name` names.
    pub(super) fn account_url(&self, name: Option<&str>) -> Value {
        opt(name
            .and_then(|name| self.site.account_named(name))
            .map(|a| urls::account(&self.site.accounts[a].slug)))
    }

    pub(super) fn meeting_link(&self, m: usize) -> Value {
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

    pub(super) fn task(&self, index: usize) -> Value {
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
                let mut entries = vec![
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
                    ("age_days", site.task_age(task).into()),
                    ("done", task.done.into()),
                    ("overdue", task.overdue.into()),
                    ("meeting", self.meeting_link(task.meeting)),
                    ("topic", topic),
                    ("initiative", self.initiative_link(&task.initiative)),
                    ("url", site.task_url(task).into()),
                ];
                // Entries most tasks lack are left out rather than false: one more entry in
                // every task's map costs 50 MB at 45,000 tasks (the map's table doubles).
                if let Some(thread) = self.thread_line(index) {
                    entries.push(("thread", thread));
                }
                let entries = flagged(entries, "team_owned", task.team_owned);
                map(flagged(entries, "internal", task.internal))
            })
            .clone()
    }

    /// For a task with an id: where its history is, when it was raised, how often its
    /// deadline moved, and, for a mention a later meeting superseded, what that one says.
    fn thread_line(&self, index: usize) -> Option<Value> {
        let site = self.site;
        let task = &site.tasks[index];
        let thread = site.thread_of(task)?;
        let raised = site.meetings[site.tasks[thread.first()].meeting].date;
        let later = task.superseded.then(|| {
            let latest = &site.tasks[thread.latest()];
            map(vec![
                ("done", latest.done.into()),
                ("due_label", opt(latest.due.map(|d| d.label()))),
                ("meeting", self.meeting_link(latest.meeting)),
            ])
        });
        Some(map(vec![
            ("url", urls::task(&thread.id).into()),
            ("raised", raised.to_string().into()),
            ("raised_label", date_label(raised).into()),
            ("slips", thread.slips.into()),
            ("mentions", thread.mentions.len().into()),
            ("later", opt(later)),
        ]))
    }

    pub(super) fn topic(&self, m: usize, t: usize) -> Value {
        self.values.topics[m][t]
            .get_or_init(|| {
                let site = self.site;
                let topic = &site.meetings[m].topics[t];
                // Open now: a task a later meeting marked done is not open here either.
                let open = topic.tasks.iter().filter(|&&i| site.is_open_now(i)).count();
                let participants = self.person_list(&topic.participants);
                let preview = if topic.participants.len() > PARTICIPANTS_IN_LISTS {
                    self.person_list(&topic.participants[..PARTICIPANTS_IN_LISTS])
                } else {
                    participants.clone()
                };
                // The body is not part of the value: the two pages that show it take it from
                // the model, so the value holds no second copy of every body of the site.
                let entries = vec![
                    ("slug", topic.slug.as_str().into()),
                    ("title", topic.title.as_str().into()),
                    ("url", site.topic_url(m, t).into()),
                    ("summary", topic.summary.as_str().into()),
                    ("participants", participants),
                    ("participants_preview", preview),
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
                ];
                map(flagged(entries, "internal", topic.internal))
            })
            .clone()
    }

    pub(super) fn meeting(&self, m: usize) -> Value {
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
                    (count + 1, open + usize::from(site.is_open_now(i)))
                });
                let entries = vec![
                    ("title", meeting.title.as_str().into()),
                    ("slug", meeting.slug.as_str().into()),
                    ("url", site.meeting_url(m).into()),
                    ("date", meeting.date.to_string().into()),
                    ("date_label", date_label(meeting.date).into()),
                    ("account", opt(meeting.account.as_deref())),
                    ("account_url", self.account_url(meeting.account.as_deref())),
                    ("last_edit", last_edit(meeting.last_edit.as_ref())),
                    (
                        "recap_url",
                        opt(meeting
                            .recap
                            .as_ref()
                            .map(|recap| crate::urls::meeting_recap(&meeting.slug, recap))
                            .as_deref()),
                    ),
                    ("tags", meeting.tags.clone().into()),
                    ("summary", meeting.summary.as_str().into()),
                    ("topic_count", meeting.topics.len().into()),
                    ("task_count", count.into()),
                    ("open_count", open.into()),
                ];
                map(flagged(entries, "internal", meeting.internal))
            })
            .clone()
    }

    /// An initiative as lists show it: status, counts, the last meeting that discussed it.
    pub(super) fn initiative(&self, i: usize) -> Value {
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
                    (
                        "account_url",
                        self.account_url(initiative.account.as_deref()),
                    ),
                    ("last_edit", last_edit(initiative.last_edit.as_ref())),
                    ("target", opt(initiative.target.map(|d| d.to_string()))),
                    ("target_label", opt(initiative.target.map(date_label))),
                    ("open", initiative.status.is_open().into()),
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
                map(flagged(entries, "internal", initiative.internal))
            })
            .clone()
    }

    pub(super) fn tasks_of(&self, indices: &[usize]) -> Value {
        indices
            .iter()
            .map(|&i| self.task(i))
            .collect::<Vec<_>>()
            .into()
    }

    pub(super) fn topic_list(&self, pairs: &[(usize, usize)]) -> Value {
        pairs
            .iter()
            .map(|&(m, t)| self.topic(m, t))
            .collect::<Vec<_>>()
            .into()
    }

    pub(super) fn agenda_value(&self, agenda: &Agenda) -> Value {
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
}
