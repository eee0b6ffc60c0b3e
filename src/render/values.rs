//! The shared parts of pages made from the model's entities: a meeting, topic, task or
//! initiative as the templates see it (the types are in `cards.rs`). Each is made once, on
//! first use, and shared by every page that shows it.

use super::cards::*;
use super::*;
use crate::language::Language;

/// The template values of a site's meetings, topics and tasks, made on first use. `serve`
/// keeps them between rebuilds and carries over those of the meetings an edit did not touch.
#[derive(Default)]
pub(crate) struct Values {
    pub(super) tasks: Vec<OnceLock<TaskValue>>,
    /// A meeting's title, address and date, as tasks and topics link to it.
    pub(super) meeting_links: Vec<OnceLock<MeetingLinkValue>>,
    pub(super) meetings: Vec<OnceLock<MeetingValue>>,
    /// Per meeting, per topic.
    pub(super) topics: Vec<Vec<OnceLock<TopicValue>>>,
    /// Every topic in the order the topics pages list them, made once for all those pages.
    pub(super) topic_lists: OnceLock<Vec<TopicList>>,
    /// The calendar's agenda, made once for all its pages.
    pub(super) calendar: OnceLock<AgendaList>,
}

/// An agenda's open tasks, then the done ones: one list, which long lists cut into pages.
pub(super) struct AgendaList {
    pub(super) agenda: Agenda,
    pub(super) done: Vec<usize>,
}

impl AgendaList {
    /// The agenda of `tasks` (in deadline order) and those of them that are done.
    pub(super) fn of(site: &Site, tasks: impl Iterator<Item = usize> + Clone) -> AgendaList {
        AgendaList {
            agenda: Agenda::of(site, tasks.clone()),
            done: tasks.filter(|&t| site.tasks[t].done).collect(),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.agenda.open_count() + self.done.len()
    }
}

/// The topics listed under one initiative (`None`: under none), as (meeting, topic).
pub(super) struct TopicList {
    pub(super) initiative: Option<usize>,
    pub(super) topics: Vec<(usize, usize)>,
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
            topic_lists: OnceLock::new(),
            calendar: OnceLock::new(),
        }
    }
}

pub(super) use crate::dates::day_label as date_label;

/// `December 2026`.
pub(super) use crate::dates::month_label;

/// `2026-12`.
pub(super) fn month_key(month: NaiveDate) -> String {
    month.format("%Y-%m").to_string()
}

/// A file's last commit as pages show it: "Last edited Mon 3 Nov 2025 by Ann".
pub(super) fn last_edit(edit: Option<&LastEdit>, language: Language) -> Option<LastEditLine<'_>> {
    edit.map(|edit| LastEditLine {
        date: edit.date.to_string(),
        date_label: date_label(edit.date, language),
        author: edit.author.as_str(),
    })
}

pub(super) fn lazy_values<T>(count: usize) -> Vec<OnceLock<T>> {
    (0..count).map(|_| OnceLock::new()).collect()
}

pub(super) fn carry<T: Clone>(from: &OnceLock<T>, to: &OnceLock<T>) {
    if let Some(value) = from.get() {
        let _ = to.set(value.clone());
    }
}

/// Links to the month pages that hold deadlines, and to the current month's, with how many open
/// deadlines each holds.
pub(super) fn month_links(deadlines: &agenda::Deadlines, site: &Site) -> Vec<MonthLink> {
    let this_month = month_start(site.today);
    deadlines
        .months
        .iter()
        // A chip for a month without deadlines is a link to an empty page: the months that
        // hold some, and the current one, which the reader looks for first.
        .filter(|&&month| month == this_month || !deadlines.in_month(month).is_empty())
        .map(|&month| MonthLink {
            url: urls::month(month),
            label: month_label(month, site.config.language),
            open_count: deadlines
                .in_month(month)
                .iter()
                .filter(|&&t| !site.tasks[t].done)
                .count(),
            month: month_key(month),
            current: month == this_month,
        })
        .collect()
}

/// The names of the weekdays in the order a month grid shows them.
pub(super) fn weekday_names(grid: &agenda::MonthGrid, language: Language) -> Vec<&'static str> {
    let mut day = grid.first_weekday;
    (0..7)
        .map(|_| {
            let name = language.weekday(day);
            day = day.succ();
            name
        })
        .collect()
}

/// A person as pages show them, from the site's people and the edition's pages.
pub(super) fn person_value(
    person: &crate::content::people::Person,
    owner_pages: bool,
) -> PersonValue {
    Shown::of(&PersonCard {
        id: &person.id,
        name: &person.name,
        role: person.role.as_deref(),
        listed: person.listed,
        url: owner_pages.then(|| urls::owner(&person.id)),
    })
}

impl Renderer<'_> {
    pub(super) fn person(&self, id: &str) -> Option<PersonValue> {
        self.people.get(id).cloned()
    }

    pub(super) fn person_list(&self, refs: &[PersonRef]) -> Vec<PersonValue> {
        refs.iter().filter_map(|p| self.person(&p.id)).collect()
    }

    pub(super) fn initiative_link(&self, slug: &Option<String>) -> Option<BadgeValue> {
        slug.as_ref()
            .and_then(|slug| self.site.initiative_index(slug))
            .map(|i| self.initiative_badge(i))
    }

    /// An initiative as a link with its status. Made once and shared by every task and topic
    /// of the initiative.
    pub(super) fn initiative_badge(&self, i: usize) -> BadgeValue {
        self.initiative_badges[i]
            .get_or_init(|| Shown::of(&self.initiative_badge_card(i)))
            .clone()
    }

    pub(super) fn initiative_badges(&self, indices: &[usize]) -> Vec<BadgeValue> {
        indices.iter().map(|&i| self.initiative_badge(i)).collect()
    }

    fn initiative_badge_card(&self, i: usize) -> InitiativeBadge<'_> {
        let initiative = &self.site.initiatives[i];
        InitiativeBadge {
            slug: &initiative.slug,
            title: &initiative.title,
            url: urls::initiative(&initiative.slug),
            status: format!("{:?}", initiative.status).to_lowercase(),
            status_label: self.status_label(initiative.status),
        }
    }

    /// The address of the page of the account `name` names.
    pub(super) fn account_url(&self, name: Option<&str>) -> Option<String> {
        name.and_then(|name| self.site.account_named(name))
            .map(|a| urls::account(&self.site.accounts[a].slug))
    }

    pub(super) fn meeting_link(&self, m: usize) -> MeetingLinkValue {
        self.values.meeting_links[m]
            .get_or_init(|| {
                let meeting = &self.site.meetings[m];
                Shown::of(&MeetingLink {
                    title: &meeting.title,
                    url: self.site.meeting_url(m),
                    date: meeting.date.to_string(),
                    date_label: date_label(meeting.date, self.site.config.language),
                })
            })
            .clone()
    }

    pub(super) fn task(&self, index: usize) -> TaskValue {
        self.values.tasks[index]
            .get_or_init(|| {
                let site = self.site;
                let task = &site.tasks[index];
                Shown::of(&TaskCard {
                    title: &task.title,
                    detail_html: &task.detail_html,
                    owners: self.person_list(&task.owners),
                    due: task.due.map(|d| d.token()),
                    due_label: task.due.map(|d| d.label(site.config.language)),
                    due_precision: task
                        .due
                        .map(|d| format!("{:?}", d.precision).to_lowercase()),
                    days_late: task.days_late(site.today),
                    age_days: site.task_age(task),
                    done: task.done,
                    done_on: task.done_on.filter(|_| task.done).map(|day| DoneOn {
                        date: day.to_string(),
                        label: date_label(day, site.config.language),
                        days_late: task.days_late_when_done().unwrap_or(0),
                    }),
                    overdue: task.overdue,
                    meeting: self.meeting_link(task.meeting),
                    topic: task.topic.map(|t| TopicLink {
                        title: &site.meetings[task.meeting].topics[t].title,
                        url: site.topic_url(task.meeting, t),
                    }),
                    initiative: self.initiative_link(&task.initiative),
                    initiative_is_topics: task.initiative.is_some()
                        && task
                            .topic
                            .map(|t| &site.meetings[task.meeting].topics[t].initiative)
                            == Some(&task.initiative),
                    url: site.task_url(task),
                    thread: self.thread_line(index),
                    team_owned: task.team_owned,
                    internal: task.internal,
                })
            })
            .clone()
    }

    /// For a task with an id: where its history is, when it was raised, how often its
    /// deadline moved, and, for a mention a later meeting superseded, what that one says.
    fn thread_line(&self, index: usize) -> Option<ThreadLine> {
        let site = self.site;
        let task = &site.tasks[index];
        let thread = site.thread_of(task)?;
        let raised = site.meetings[site.tasks[thread.first()].meeting].date;
        let later = task.superseded.then(|| {
            let latest = &site.tasks[thread.latest()];
            LaterMention {
                done: latest.done,
                due_label: latest.due.map(|d| d.label(site.config.language)),
                meeting: self.meeting_link(latest.meeting),
            }
        });
        Some(ThreadLine {
            url: urls::task(&thread.id),
            raised: raised.to_string(),
            raised_label: date_label(raised, site.config.language),
            slips: thread.slips,
            mentions: thread.mentions.len(),
            later,
        })
    }

    pub(super) fn topic(&self, m: usize, t: usize) -> TopicValue {
        self.values.topics[m][t]
            .get_or_init(|| {
                let site = self.site;
                let topic = &site.meetings[m].topics[t];
                let participants = self.person_list(&topic.participants);
                let preview = participants
                    .iter()
                    .take(PARTICIPANTS_IN_LISTS)
                    .cloned()
                    .collect();
                Shown::of(&TopicCard {
                    slug: &topic.slug,
                    title: &topic.title,
                    url: site.topic_url(m, t),
                    summary: &topic.summary,
                    participants_more: topic
                        .participants
                        .len()
                        .saturating_sub(PARTICIPANTS_IN_LISTS),
                    participants,
                    participants_preview: preview,
                    initiative: self.initiative_link(&topic.initiative),
                    meeting: self.meeting_link(m),
                    tasks: self.tasks_of(&topic.tasks),
                    // Open now: a task a later meeting marked done is not open here either.
                    open_count: topic.tasks.iter().filter(|&&i| site.is_open_now(i)).count(),
                    internal: topic.internal,
                })
            })
            .clone()
    }

    pub(super) fn meeting(&self, m: usize) -> MeetingValue {
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
                Shown::of(&MeetingCard {
                    title: &meeting.title,
                    slug: &meeting.slug,
                    url: site.meeting_url(m),
                    date: meeting.date.to_string(),
                    date_label: date_label(meeting.date, site.config.language),
                    account: meeting.account.as_deref(),
                    account_url: self.account_url(meeting.account.as_deref()),
                    last_edit: last_edit(meeting.last_edit.as_ref(), self.site.config.language),
                    recap_url: meeting
                        .recap
                        .as_ref()
                        .map(|recap| urls::meeting_recap(&meeting.slug, recap)),
                    tags: &meeting.tags,
                    summary: &meeting.summary,
                    topic_count: meeting.topics.len(),
                    task_count: count,
                    open_count: open,
                    internal: meeting.internal,
                })
            })
            .clone()
    }

    pub(super) fn meetings_of(
        &self,
        indices: impl IntoIterator<Item = usize>,
    ) -> Vec<MeetingValue> {
        indices.into_iter().map(|m| self.meeting(m)).collect()
    }

    /// An initiative as lists show it: status, counts, the last meeting that discussed it.
    pub(super) fn initiative(&self, i: usize) -> InitiativeValue {
        self.initiatives[i]
            .get_or_init(|| {
                let site = self.site;
                let initiative = &site.initiatives[i];
                Shown::of(&InitiativeCard {
                    badge: self.initiative_badge_card(i),
                    owners: self.person_list(&initiative.owners),
                    account: initiative.account.as_deref(),
                    account_url: self.account_url(initiative.account.as_deref()),
                    last_edit: last_edit(initiative.last_edit.as_ref(), self.site.config.language),
                    target: initiative.target.map(|d| d.to_string()),
                    target_label: initiative
                        .target
                        .map(|day| date_label(day, site.config.language)),
                    open: initiative.status.is_open(),
                    target_passed: initiative
                        .target
                        .is_some_and(|t| t < site.today && initiative.status.is_open()),
                    summary: &initiative.summary,
                    topic_count: initiative.topics.len(),
                    open_count: initiative
                        .tasks
                        .iter()
                        .filter(|&&i| !site.tasks[i].done)
                        .count(),
                    last_meeting: initiative.topics.last().map(|&(m, _)| self.meeting_link(m)),
                    internal: initiative.internal,
                })
            })
            .clone()
    }

    pub(super) fn tasks_of(&self, indices: &[usize]) -> Vec<TaskValue> {
        indices.iter().map(|&i| self.task(i)).collect()
    }

    pub(super) fn topic_list(&self, pairs: &[(usize, usize)]) -> Vec<TopicValue> {
        pairs.iter().map(|&(m, t)| self.topic(m, t)).collect()
    }

    pub(super) fn agenda_groups(&self, agenda: &Agenda) -> Vec<AgendaGroup> {
        agenda
            .groups
            .iter()
            .map(|group| self.agenda_group(&group.bucket, &group.tasks))
            .collect()
    }

    /// A group of an agenda with `tasks`, all of it or its part on a page.
    pub(super) fn agenda_group(&self, bucket: &Bucket, tasks: &[usize]) -> AgendaGroup {
        AgendaGroup {
            key: bucket.key(),
            title: self.words().bucket_title(bucket),
            tasks: self.tasks_of(tasks),
        }
    }
}
