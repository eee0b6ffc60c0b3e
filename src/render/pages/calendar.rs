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

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        paging::list_keys(renderer.calendar_list().len(), renderer.paginate_by())
    }

    fn url(&self, _: &Site, key: &Key) -> Option<String> {
        Some(paging::page_url(self.folder(), key))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        Some((
            renderer.page_title("preview_calendar_title", key),
            renderer.word("preview_calendar", None, &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.calendar_page(paging::page_number(key)))
    }
}

/// Every deadline of the site, as an agenda, with the months that have pages; a long agenda
/// goes on over numbered pages (`calendar/2/`), the done tasks after the open ones.
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
    pagination: paging::Pagination,
}

impl Renderer<'_> {
    /// Every current task of the site, made into an agenda once for all the calendar's pages.
    fn calendar_list(&self) -> &AgendaList {
        let site = self.site;
        self.values
            .calendar
            .get_or_init(|| AgendaList::of(site, site.current_tasks()))
    }

    fn calendar_page(&self, number: usize) -> CalendarPage {
        let site = self.site;
        let list = self.calendar_list();
        let (agenda, done_tasks) = self.agenda_part(list, number);
        CalendarPage {
            agenda,
            done_tasks,
            open_count: list.agenda.open_count(),
            compact: site.tasks.len() > COMPACT_LISTS_FROM,
            // The ways into the calendar (months, one person's) head its first page only.
            months: if number == 1 {
                month_links(self.deadlines(), site)
            } else {
                Vec::new()
            },
            owners: if number == 1 {
                self.calendar_owners()
            } else {
                Vec::new()
            },
            pagination: paging::pagination(
                urls::CALENDAR,
                number,
                paging::page_count(list.len(), self.paginate_by()),
            ),
        }
    }

    /// Those who owe something open, to see one person's deadlines.
    fn calendar_owners(&self) -> Vec<PersonValue> {
        let site = self.site;
        site.by_person
            .iter()
            .filter(|(_, index)| index.open_count(site) > 0)
            .filter_map(|(id, _)| self.person(id))
            .collect()
    }
}
