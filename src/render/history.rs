//! The contexts of what tasks did across meetings: a continued task's page, the "since the
//! last meeting" block of a meeting page, and the slips of an initiative's or account's tasks.

use super::values::{map, opt};
use super::*;

impl Renderer<'_> {
    /// What changed since the previous meeting of the account, for the top of a meeting page.
    pub(super) fn since_last(&self, m: usize) -> Value {
        let site = self.site;
        let since = site.since_last(m);
        let Some(previous) = since.previous else {
            return Value::none();
        };
        let slipped: Vec<Value> = since
            .slipped
            .iter()
            .map(|&(t, before)| {
                map(vec![
                    ("task", self.task(t)),
                    ("from_label", before.label().into()),
                ])
            })
            .collect();
        let reassigned: Vec<Value> = since
            .reassigned
            .iter()
            .filter_map(|&t| {
                let change = site.change(t)?;
                Some(map(vec![
                    ("task", self.task(t)),
                    (
                        "from",
                        self.person_list(&site.tasks[change.previous].owners),
                    ),
                ]))
            })
            .collect();
        map(vec![
            ("previous", self.meeting_link(previous)),
            ("empty", since.is_empty().into()),
            ("added", self.tasks_of(&since.added)),
            ("done", self.tasks_of(&since.done)),
            ("slipped", slipped.into()),
            ("reassigned", reassigned.into()),
            ("unmentioned", self.tasks_of(&since.unmentioned)),
        ])
    }

    /// How the deadlines of `tasks` moved over their meetings: slips (since the month of the
    /// first) and reassignments, for an initiative's page.
    pub(super) fn task_history_summary(&self, tasks: &[usize]) -> Value {
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
        map(vec![
            ("slips", slips.into()),
            (
                "since_label",
                opt(first_slip.map(|d| d.format("%B %Y").to_string())),
            ),
            ("reassignments", reassignments.into()),
        ])
    }

    /// Open tasks among `tasks` whose deadline moved later, most moved first, with the
    /// deadline they were first given.
    pub(super) fn slipping(&self, tasks: &[usize]) -> Value {
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
                    .map(|due| due.label());
                map(vec![
                    ("task", self.task(t)),
                    ("slips", slips.into()),
                    ("first_due_label", opt(first_due)),
                ])
            })
            .collect::<Vec<_>>()
            .into()
    }
}
