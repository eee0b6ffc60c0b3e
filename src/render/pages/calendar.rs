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

    fn preview(&self, renderer: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            renderer.word("preview_calendar_title", None, &[]),
            renderer.word("preview_calendar", None, &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, _: &Key) -> Option<Context> {
        variables(&renderer.calendar_page())
    }
}

/// Every deadline of the site, as an agenda, with the months that have pages.
#[derive(Serialize)]
struct CalendarPage {
    agenda: Vec<AgendaGroup>,
    done_tasks: Vec<TaskValue>,
    open_count: usize,
    /// Whether lists show one line per task rather than cards.
    compact: bool,
    months: Vec<MonthLink>,
    /// Those who owe something open, to filter by.
    owners: Vec<PersonValue>,
}

impl Renderer<'_> {
    fn calendar_page(&self) -> CalendarPage {
        let site = self.site;
        let agenda = Agenda::of(site, site.current_tasks());
        let done: Vec<usize> = site
            .current_tasks()
            .filter(|&t| site.tasks[t].done)
            .collect();
        CalendarPage {
            agenda: self.agenda_groups(&agenda),
            done_tasks: self.tasks_of(&done),
            open_count: agenda.open_count(),
            compact: site.tasks.len() > COMPACT_LISTS_FROM,
            months: month_links(self.deadlines(), site),
            owners: site
                .by_person
                .iter()
                .filter(|(_, index)| index.open_count(site) > 0)
                .filter_map(|(id, _)| self.person(id))
                .collect(),
        }
    }
}
