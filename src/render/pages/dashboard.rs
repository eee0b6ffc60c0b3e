//! The dashboard: counts, what is overdue and due soon, the latest meetings, the active
//! initiatives.

use super::*;

pub(super) struct Dashboard;

impl PageKind for Dashboard {
    fn name(&self) -> &'static str {
        "dashboard"
    }

    fn template(&self) -> &'static str {
        "index.html"
    }

    fn folder(&self) -> &'static str {
        urls::DASHBOARD
    }

    fn preview(&self, renderer: &Renderer, _: &Key) -> Option<(String, String)> {
        let site = renderer.site;
        Some((
            site.config.title.clone(),
            renderer.word("preview_dashboard", Some(site.meetings.len()), &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, _: &Key) -> Option<Context> {
        variables(&renderer.dashboard())
    }
}

/// The dashboard: what is overdue and due soon, the latest meetings, the active initiatives.
/// The theme's script brings its lists up to the reader's day from `pool` and `window_dues`.
#[derive(Serialize)]
struct DashboardPage<'a> {
    /// The deadlines (as `data-due` tokens) of the open tasks of the window the script
    /// recomputes, from which it counts.
    window_dues: String,
    /// Whether lists show one line per task rather than cards.
    compact: bool,
    /// Every task the script may show on a later day of its window.
    pool: Vec<TaskValue>,
    /// Tasks per list.
    list_limit: usize,
    meetings: Vec<MeetingValue>,
    overdue: Vec<TaskValue>,
    upcoming: Vec<TaskValue>,
    upcoming_count: usize,
    initiatives: Vec<InitiativeValue>,
    undated: Vec<TaskValue>,
    undated_count: usize,
    meeting_count: usize,
    open_count: usize,
    overdue_count: usize,
    people_count: usize,
    /// Who may ask for their own week ("who are you?"): everyone who owes a task, where the
    /// edition has owner pages; empty otherwise, and the panel is left out.
    readers: Vec<Reader<'a>>,
    /// Where the team follows several accounts: each at a glance. Empty for one.
    accounts: Vec<super::accounts::AccountRow<'a>>,
}

#[derive(Serialize)]
struct Reader<'a> {
    id: &'a str,
    name: &'a str,
}

impl Renderer<'_> {
    fn dashboard(&self) -> DashboardPage<'_> {
        let site = self.site;
        let overdue: Vec<usize> = (0..site.tasks.len())
            .filter(|&i| site.tasks[i].overdue)
            .collect();
        let upcoming =
            site.open_due_between(site.today, site.today + chrono::Days::new(UPCOMING_DAYS));
        // Every open deadline the script may count on a later day of the window it recomputes.
        let window = site.open_due_between(
            site.today,
            recompute_until(site) + chrono::Days::new(UPCOMING_DAYS),
        );
        let pool = self.dashboard_pool(&overdue, &window);
        let undated = site.undated_open();
        DashboardPage {
            window_dues: window
                .iter()
                .filter_map(|&t| site.tasks[t].due.map(|d| d.token()))
                .collect::<Vec<_>>()
                .join(" "),
            compact: site.tasks.len() > COMPACT_LISTS_FROM,
            pool: self.tasks_of(&pool),
            list_limit: DASHBOARD_TASKS,
            meetings: self.meetings_of(0..site.meetings.len().min(5)),
            // The dashboard is a glance: the most overdue and the next few; the calendar
            // has them all.
            overdue: self.tasks_of(&overdue[..overdue.len().min(DASHBOARD_TASKS)]),
            upcoming: self.tasks_of(&upcoming[..upcoming.len().min(DASHBOARD_TASKS)]),
            upcoming_count: upcoming.len(),
            initiatives: site
                .initiatives
                .iter()
                .enumerate()
                .filter(|(_, i)| i.status == crate::content::initiative::Status::Active)
                .map(|(i, _)| self.initiative(i))
                .collect(),
            // Undated tasks have a place: how many, and the ones waiting longest.
            undated: self.tasks_of(&undated[..undated.len().min(DASHBOARD_TASKS / 2)]),
            undated_count: undated.len(),
            meeting_count: site.meetings.len(),
            open_count: site
                .tasks
                .iter()
                .filter(|t| t.is_current() && !t.done)
                .count(),
            overdue_count: overdue.len(),
            people_count: site.people.len(),
            readers: if site.has_owner_pages() {
                site.people
                    .values()
                    .filter(|person| {
                        site.by_person
                            .get(&person.id)
                            .is_some_and(|i| !i.tasks.is_empty())
                    })
                    .map(|person| Reader {
                        id: &person.id,
                        name: &person.name,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            accounts: if site.has_accounts_index() && site.accounts.len() > 1 {
                self.account_rows()
            } else {
                Vec::new()
            },
        }
    }

    /// The tasks the script may have to show in the dashboard's lists on a later day of the
    /// window it recomputes: the first overdue ones, each day's first few deadlines of the
    /// window (a list shows no more than that from one day), and the first few after it.
    /// `window` holds the window's open deadlines, from which the counts come (`window_dues`).
    fn dashboard_pool(&self, overdue: &[usize], window: &[usize]) -> Vec<usize> {
        let site = self.site;
        let until = recompute_until(site);
        let mut pool: Vec<usize> = overdue[..overdue.len().min(DASHBOARD_TASKS)].to_vec();
        let mut day = (site.today, 0);
        let mut after_window = 0;
        for &t in window {
            let Some(due) = site.tasks[t].due else {
                continue;
            };
            if due.date > until {
                after_window += 1;
                if after_window > DASHBOARD_TASKS {
                    break;
                }
            } else {
                day = if day.0 == due.date {
                    (day.0, day.1 + 1)
                } else {
                    (due.date, 1)
                };
                if day.1 > DASHBOARD_TASKS {
                    continue;
                }
            }
            pool.push(t);
        }
        pool
    }
}
