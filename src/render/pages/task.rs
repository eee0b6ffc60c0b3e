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
        let state = if latest.done { "Done" } else { "Open" };
        Some((
            latest.title.clone(),
            format!(
                "{state}. Raised {} in {}; mentioned in {} meetings; deadline moved later {} times.",
                values::date_label(raised.date),
                raised.title,
                thread.mentions.len(),
                thread.slips
            ),
        ))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, key: &Key) -> Option<()> {
        renderer.task_page(context, key.index()?);
        Some(())
    }
}

impl Renderer<'_> {
    /// A continued task's page: its state, then every mention as a timeline.
    pub(super) fn task_page(&self, context: &mut Context, t: usize) {
        let site = self.site;
        let thread = &site.threads[t];
        let mentions: Vec<Value> = thread
            .mentions
            .iter()
            .map(|&mention| {
                let change = site.change(mention);
                let task = &site.tasks[mention];
                map(vec![
                    ("task", self.task(mention)),
                    ("first", change.is_none().into()),
                    (
                        "slipped_from",
                        opt(change.and_then(|c| c.slipped_from).map(|due| due.label())),
                    ),
                    (
                        "reassigned_from",
                        opt(change
                            .filter(|c| c.reassigned)
                            .map(|c| self.person_list(&site.tasks[c.previous].owners))),
                    ),
                    ("completed", change.is_some_and(|c| c.completed).into()),
                    (
                        "reopened",
                        change
                            .is_some_and(|c| site.tasks[c.previous].done && !task.done)
                            .into(),
                    ),
                ])
            })
            .collect();
        let latest = &site.tasks[thread.latest()];
        context.insert("task_id", &thread.id);
        context.insert_value("current", self.task(thread.latest()));
        context.insert_value("current_list", vec![self.task(thread.latest())].into());
        context.insert_value("mentions", mentions.into());
        context.insert("slips", &thread.slips);
        context.insert("reassignments", &thread.reassignments);
        context.insert_value(
            "account_url",
            self.account_url(site.meetings[latest.meeting].account.as_deref()),
        );
        context.insert(
            "account_name",
            &site.meetings[latest.meeting]
                .account
                .as_deref()
                .unwrap_or(""),
        );
    }
}
