//! One month's grid of deadlines.

use super::*;

pub(super) struct Month;

impl PageKind for Month {
    fn name(&self) -> &'static str {
        "month"
    }

    fn template(&self) -> &'static str {
        "month.html"
    }

    fn folder(&self) -> &'static str {
        urls::CALENDAR
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        renderer
            .deadlines()
            .months
            .iter()
            .copied()
            .map(Key::Month)
            .collect()
    }

    fn url(&self, _: &Site, key: &Key) -> Option<String> {
        Some(urls::month(key.month()?))
    }

    fn reached_by(&self, _: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        let month = key.month()?;
        Some(reach.every_month || reach.months.contains(&month))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let label = month_label(key.month()?, renderer.site.config.language);
        let text = renderer.word("preview_month", None, &[("month", label.clone())]);
        Some((label, text))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.month_page(key.month()?))
    }
}

/// A month's deadlines as a grid of weeks.
#[derive(Serialize)]
struct MonthPage {
    /// `December 2026`.
    month_label: String,
    /// `2026-12`.
    month: String,
    weekdays: Vec<&'static str>,
    weeks: Vec<Vec<DayCell>>,
    /// Tasks due in the month as a whole (`due: 2026-12`).
    month_tasks: Vec<TaskValue>,
    deadline_count: usize,
    /// The months before and after that have pages, as `month` and `month_label` are.
    previous: Option<String>,
    previous_label: Option<String>,
    next: Option<String>,
    next_label: Option<String>,
}

#[derive(Serialize)]
struct DayCell {
    /// `4`.
    day: String,
    date: String,
    /// `Friday 4 December`.
    label: String,
    in_month: bool,
    today: bool,
    past: bool,
    tasks: Vec<TaskValue>,
}

impl Renderer<'_> {
    fn month_page(&self, month: NaiveDate) -> MonthPage {
        let site = self.site;
        let language = site.config.language;
        let grid = agenda::MonthGrid::of(site, self.deadlines(), month);
        let weeks = grid
            .weeks
            .iter()
            .map(|week| {
                week.iter()
                    .map(|day| DayCell {
                        day: day.date.format("%-d").to_string(),
                        date: day.date.to_string(),
                        label: crate::dates::long_day_label(day.date, language),
                        in_month: day.in_month,
                        today: day.date == site.today,
                        past: day.date < site.today,
                        tasks: self.tasks_of(&day.tasks),
                    })
                    .collect()
            })
            .collect();
        let deadline_count = grid.month_level.len()
            + grid
                .weeks
                .iter()
                .flatten()
                .filter(|d| d.in_month)
                .map(|d| d.tasks.len())
                .sum::<usize>();
        MonthPage {
            month_label: month_label(month, language),
            month: month_key(month),
            weekdays: weekday_names(&grid, language),
            weeks,
            month_tasks: self.tasks_of(&grid.month_level),
            deadline_count,
            previous: grid.previous.map(month_key),
            previous_label: grid.previous.map(|m| month_label(m, language)),
            next: grid.next.map(month_key),
            next_label: grid.next.map(|m| month_label(m, language)),
        }
    }
}
