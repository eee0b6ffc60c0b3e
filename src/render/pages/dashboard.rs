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
            format!(
                "Account briefings: {} meetings, their topics, who owes what and by when.",
                site.meetings.len()
            ),
        ))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, _: &Key) -> Option<()> {
        renderer.dashboard(context);
        Some(())
    }
}

impl Renderer<'_> {
    /// Dashboard page: fills `context`.
    pub(super) fn dashboard(&self, context: &mut Context) {
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
        context.insert(
            "window_dues",
            &window
                .iter()
                .filter_map(|&t| site.tasks[t].due.map(|d| d.token()))
                .collect::<Vec<_>>()
                .join(" "),
        );
        context.insert("compact", &(site.tasks.len() > COMPACT_LISTS_FROM));
        context.insert_value("pool", self.tasks_of(&pool));
        context.insert("list_limit", &DASHBOARD_TASKS);
        let open = site
            .tasks
            .iter()
            .filter(|t| t.is_current() && !t.done)
            .count();
        context.insert_value(
            "meetings",
            (0..site.meetings.len().min(5))
                .map(|m| self.meeting(m))
                .collect::<Vec<_>>()
                .into(),
        );
        // The dashboard is a glance: the most overdue and the next few; the calendar
        // has them all.
        context.insert_value(
            "overdue",
            self.tasks_of(&overdue[..overdue.len().min(DASHBOARD_TASKS)]),
        );
        context.insert_value(
            "upcoming",
            self.tasks_of(&upcoming[..upcoming.len().min(DASHBOARD_TASKS)]),
        );
        context.insert("upcoming_count", &upcoming.len());
        context.insert_value(
            "initiatives",
            site.initiatives
                .iter()
                .enumerate()
                .filter(|(_, i)| i.status == crate::content::initiative::Status::Active)
                .map(|(i, _)| self.initiative(i))
                .collect::<Vec<_>>()
                .into(),
        );
        // Undated tasks have a place: how many, and the ones waiting longest.
        let undated = site.undated_open();
        context.insert_value(
            "undated",
            self.tasks_of(&undated[..undated.len().min(DASHBOARD_TASKS / 2)]),
        );
        context.insert("undated_count", &undated.len());
        context.insert("meeting_count", &site.meetings.len());
        context.insert("open_count", &open);
        context.insert("overdue_count", &overdue.len());
        context.insert("people_count", &site.people.len());
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
