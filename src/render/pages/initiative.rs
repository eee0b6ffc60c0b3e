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
        let fallback = format!("{} initiative.", initiative.status.label());
        Some((
            initiative.title.clone(),
            summary_or(&initiative.summary, fallback),
        ))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, key: &Key) -> Option<()> {
        renderer.initiative_page(context, &key.index()?);
        Some(())
    }
}

impl Renderer<'_> {
    /// Initiative page: fills `context`.
    pub(super) fn initiative_page(&self, context: &mut Context, i: &usize) {
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
    }
}
