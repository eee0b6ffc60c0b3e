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

    fn preview(&self, _: &Renderer, key: &Key) -> Option<(String, String)> {
        let label = key.month()?.format("%B %Y").to_string();
        Some((label.clone(), format!("Deadlines in {label}.")))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, key: &Key) -> Option<()> {
        renderer.month_page(context, &key.month()?);
        Some(())
    }
}

impl Renderer<'_> {
    /// Month page: fills `context`.
    pub(super) fn month_page(&self, context: &mut Context, month: &NaiveDate) {
        let site = self.site;
        let grid = agenda::MonthGrid::of(site, self.deadlines(), *month);
        let weeks: Vec<Value> = grid
            .weeks
            .iter()
            .map(|week| {
                week.iter()
                    .map(|day| {
                        map(vec![
                            ("day", day.date.format("%-d").to_string().into()),
                            ("date", day.date.to_string().into()),
                            ("label", day.date.format("%A %-d %B").to_string().into()),
                            ("in_month", day.in_month.into()),
                            ("today", (day.date == site.today).into()),
                            ("past", (day.date < site.today).into()),
                            ("tasks", self.tasks_of(&day.tasks)),
                        ])
                    })
                    .collect::<Vec<_>>()
                    .into()
            })
            .collect();
        context.insert("month_label", &month.format("%B %Y").to_string());
        context.insert("month", &month.format("%Y-%m").to_string());
        context.insert_value("weekdays", weekday_names(&grid).into());
        context.insert_value("weeks", weeks.into());
        context.insert_value("month_tasks", self.tasks_of(&grid.month_level));
        context.insert(
            "deadline_count",
            &(grid.month_level.len()
                + grid
                    .weeks
                    .iter()
                    .flatten()
                    .filter(|d| d.in_month)
                    .map(|d| d.tasks.len())
                    .sum::<usize>()),
        );
        for (key, label, month) in [
            ("previous", "previous_label", grid.previous),
            ("next", "next_label", grid.next),
        ] {
            context.insert_value(key, opt(month.map(|d| d.format("%Y-%m").to_string())));
            context.insert_value(label, opt(month.map(|d| d.format("%B %Y").to_string())));
        }
    }
}
