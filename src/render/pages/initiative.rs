//! An initiative's page: its timeline of topics, its tasks and how their deadlines moved.

use super::*;

pub(super) struct Initiative;

impl PageKind for Initiative {
    fn name(&self) -> &'static str {
        "initiative"
    }

    fn template(&self) -> &'static str {
        "initiative.html"
    }

    fn folder(&self) -> &'static str {
        urls::INITIATIVES
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        (0..renderer.site.initiatives.len())
            .map(Key::Index)
            .collect()
    }

    fn url(&self, site: &Site, key: &Key) -> Option<String> {
        Some(urls::initiative(&site.initiatives[key.index()?].slug))
    }

    fn reached_by(&self, site: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        Some(
            reach
                .initiatives
                .contains(&site.initiatives[key.index()?].slug),
        )
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let initiative = &renderer.site.initiatives[key.index()?];
        let status = renderer.status_label(initiative.status);
        let fallback = renderer.word("preview_initiative", None, &[("status", status)]);
        Some((
            initiative.title.clone(),
            summary_or(&initiative.summary, fallback),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.initiative_page(key.index()?))
    }
}

/// An initiative's page: its text, its timeline of topics, its tasks and how they moved.
#[derive(Serialize)]
struct InitiativePage<'a> {
    initiative: InitiativeValue,
    body_html: &'a str,
    timeline: Vec<TopicValue>,
    open_tasks: Vec<TaskValue>,
    done_tasks: Vec<TaskValue>,
    slipping: Vec<SlippingTask>,
    history: super::history::HistorySummary,
}

impl Renderer<'_> {
    fn initiative_page(&self, i: usize) -> InitiativePage<'_> {
        let site = self.site;
        let initiative = &site.initiatives[i];
        let (open, done): (Vec<usize>, Vec<usize>) =
            initiative.tasks.iter().partition(|&&t| !site.tasks[t].done);
        InitiativePage {
            initiative: self.initiative(i),
            body_html: &initiative.body_html,
            timeline: self.topic_list(&initiative.topics),
            open_tasks: self.tasks_of(&open),
            done_tasks: self.tasks_of(&done),
            slipping: self.slipping(&initiative.tasks),
            history: self.task_history_summary(&initiative.tasks),
        }
    }
}
