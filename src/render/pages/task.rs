//! A continued task's page (`{#id}`): its state, then every mention as a timeline.

use super::*;

pub(super) struct Task;

impl PageKind for Task {
    fn name(&self) -> &'static str {
        "task"
    }

    fn template(&self) -> &'static str {
        "task_history.html"
    }

    fn folder(&self) -> &'static str {
        urls::TASKS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        (0..renderer.site.threads.len()).map(Key::Index).collect()
    }

    fn url(&self, site: &Site, key: &Key) -> Option<String> {
        Some(urls::task(&site.threads[key.index()?].id))
    }

    fn reached_by(&self, site: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        Some(reach.tasks.contains(&site.threads[key.index()?].id))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let site = renderer.site;
        let thread = &site.threads[key.index()?];
        let latest = &site.tasks[thread.latest()];
        let raised = &site.meetings[site.tasks[thread.first()].meeting];
        let key = if latest.done {
            "preview_task_done"
        } else {
            "preview_task_open"
        };
        let values = [
            ("day", values::date_label(raised.date, site.config.language)),
            ("meeting", raised.title.clone()),
            ("mentions", thread.mentions.len().to_string()),
            ("slips", thread.slips.to_string()),
        ];
        Some((latest.title.clone(), renderer.word(key, None, &values)))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.task_page(key.index()?))
    }
}

/// A continued task's page: its state, then every mention as a timeline.
#[derive(Serialize)]
struct TaskPage<'a> {
    task_id: &'a str,
    /// The latest mention, alone and as a one-card list.
    current: TaskValue,
    current_list: Vec<TaskValue>,
    mentions: Vec<Mention>,
    slips: usize,
    reassignments: usize,
    account_url: Option<String>,
    account_name: &'a str,
    /// The task's deadline as a one-event .ics, where it has one.
    calendar_url: Option<String>,
}

/// A meeting's mention of the task and what it changed.
#[derive(Serialize)]
struct Mention {
    task: TaskValue,
    first: bool,
    slipped_from: Option<String>,
    reassigned_from: Option<Vec<PersonValue>>,
    completed: bool,
    reopened: bool,
}

impl Renderer<'_> {
    fn task_page(&self, t: usize) -> TaskPage<'_> {
        let site = self.site;
        let thread = &site.threads[t];
        let mentions = thread
            .mentions
            .iter()
            .map(|&mention| {
                let change = site.change(mention);
                Mention {
                    task: self.task(mention),
                    first: change.is_none(),
                    slipped_from: change
                        .and_then(|c| c.slipped_from)
                        .map(|due| due.label(site.config.language)),
                    reassigned_from: change
                        .filter(|c| c.reassigned)
                        .map(|c| self.person_list(&site.tasks[c.previous].owners)),
                    completed: change.is_some_and(|c| c.completed),
                    reopened: change
                        .is_some_and(|c| site.tasks[c.previous].done && !site.tasks[mention].done),
                }
            })
            .collect();
        let account = site.meetings[site.tasks[thread.latest()].meeting]
            .account
            .as_deref();
        TaskPage {
            task_id: &thread.id,
            current: self.task(thread.latest()),
            current_list: vec![self.task(thread.latest())],
            mentions,
            slips: thread.slips,
            reassignments: thread.reassignments,
            account_url: self.account_url(account),
            account_name: account.unwrap_or(""),
            calendar_url: site.tasks[thread.latest()]
                .due
                .map(|_| urls::task_calendar(&thread.id)),
        }
    }
}
