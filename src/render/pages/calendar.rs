//! Every open deadline by urgency, with the calendars to subscribe to.

use super::*;

pub(super) struct Calendar;

impl PageKind for Calendar {
    fn name(&self) -> &'static str {
        "calendar"
    }

    fn template(&self) -> &'static str {
        "calendar.html"
    }

    fn folder(&self) -> &'static str {
        urls::CALENDAR
    }

    fn preview(&self, _: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            "Deadlines".into(),
            "Every open deadline, by urgency, with calendars to subscribe to.".into(),
        ))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, _: &Key) -> Option<()> {
        renderer.calendar_page(context);
        Some(())
    }
}

impl Renderer<'_> {
    /// Calendar page: fills `context`.
    pub(super) fn calendar_page(&self, context: &mut Context) {
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
    }
}
