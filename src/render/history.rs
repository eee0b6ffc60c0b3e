//! The contexts of what tasks did across meetings: a continued task's page, the "since the
//! last meeting" block of a meeting page, and the slips of an initiative's or account's tasks.

use super::cards::*;
use super::values::month_label;
use super::*;
use serde::Serialize;

/// What changed since the previous meeting of the account, at the top of a meeting page.
#[derive(Serialize)]
pub(super) struct SinceLast {
    previous: MeetingLinkValue,
    /// Nothing changed.
    empty: bool,
    added: Vec<TaskValue>,
    done: Vec<TaskValue>,
    slipped: Vec<Slipped>,
    reassigned: Vec<Reassigned>,
    /// Open tasks of the previous meeting this one does not mention.
    unmentioned: Vec<TaskValue>,
}

#[derive(Serialize)]
struct Slipped {
    task: TaskValue,
    from_label: String,
}

#[derive(Serialize)]
struct Reassigned {
    task: TaskValue,
    from: Vec<PersonValue>,
}

/// How the deadlines of an initiative's tasks moved over their meetings.
#[derive(Serialize)]
pub(super) struct HistorySummary {
    slips: usize,
    /// The month of the first slip.
    since_label: Option<String>,
    reassignments: usize,
}

impl Renderer<'_> {
    /// What changed since the previous meeting of the account, for the top of a meeting page.
    pub(super) fn since_last(&self, m: usize) -> Option<SinceLast> {
        let site = self.site;
        let since = site.since_last(m);
        let previous = since.previous?;
        let slipped = since
            .slipped
            .iter()
            .map(|&(t, before)| Slipped {
                task: self.task(t),
                from_label: before.label(site.config.language),
            })
            .collect();
        let reassigned = since
            .reassigned
            .iter()
            .filter_map(|&t| {
                let change = site.change(t)?;
                Some(Reassigned {
                    task: self.task(t),
                    from: self.person_list(&site.tasks[change.previous].owners),
                })
            })
            .collect();
        Some(SinceLast {
            previous: self.meeting_link(previous),
            empty: since.is_empty(),
            added: self.tasks_of(&since.added),
            done: self.tasks_of(&since.done),
            slipped,
            reassigned,
            unmentioned: self.tasks_of(&since.unmentioned),
        })
    }

    /// How the deadlines of `tasks` moved over their meetings: slips (since the month of the
    /// first) and reassignments, for an initiative's page.
    pub(super) fn task_history_summary(&self, tasks: &[usize]) -> HistorySummary {
        let site = self.site;
        let (mut slips, mut reassignments) = (0_usize, 0_usize);
        let mut first_slip: Option<NaiveDate> = None;
        let threads = tasks.iter().filter_map(|&t| site.thread_of(&site.tasks[t]));
        for thread in threads {
            for &mention in &thread.mentions {
                let Some(change) = site.change(mention) else {
                    continue;
                };
                reassignments += usize::from(change.reassigned);
                if change.slipped_from.is_some() {
                    slips += 1;
                    let date = site.meetings[site.tasks[mention].meeting].date;
                    first_slip = Some(first_slip.map_or(date, |first| first.min(date)));
                }
            }
        }
        HistorySummary {
            slips,
            since_label: first_slip.map(|month| month_label(month, site.config.language)),
            reassignments,
        }
    }

    /// Open tasks among `tasks` whose deadline moved later, most moved first, with the
    /// deadline they were first given.
    pub(super) fn slipping(&self, tasks: &[usize]) -> Vec<SlippingTask> {
        let site = self.site;
        let mut slipping: Vec<(usize, usize)> = tasks
            .iter()
            .filter_map(|&t| {
                let thread = site.thread_of(&site.tasks[t])?;
                (thread.slips > 0 && !site.tasks[t].done).then_some((t, thread.slips))
            })
            .collect();
        slipping.sort_by_key(|&(t, slips)| (std::cmp::Reverse(slips), t));
        slipping
            .iter()
            .map(|&(t, slips)| {
                let thread = site.thread_of(&site.tasks[t]);
                let first_due = thread
                    .and_then(|thread| site.tasks[thread.first()].due)
                    .map(|due| due.label(site.config.language));
                SlippingTask {
                    task: self.task(t),
                    slips,
                    first_due_label: first_due,
                }
            })
            .collect()
    }
}
