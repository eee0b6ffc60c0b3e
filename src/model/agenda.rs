//! Deadlines as people look at them: an agenda grouped by urgency, and month grids. Queries
//! on the model; the pages and calendars that show them are made elsewhere.

use crate::dates::{month_start, week_start, Bucket, Precision};
use crate::model::Site;
use chrono::{Datelike, Days, Months, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// Open tasks grouped as Overdue, Today, This week, Next week, Later (by month), Undated.
pub(crate) struct Agenda {
    pub groups: Vec<AgendaGroup>,
}

pub(crate) struct AgendaGroup {
    pub bucket: Bucket,
    /// Task indices in deadline order.
    pub tasks: Vec<usize>,
}

impl Agenda {
    /// The agenda of the open tasks among `tasks` (indices into `site.tasks`, in deadline order).
    pub(crate) fn of(site: &Site, tasks: impl Iterator<Item = usize>) -> Agenda {
        let mut groups: BTreeMap<Bucket, Vec<usize>> = BTreeMap::new();
        for index in tasks {
            let task = &site.tasks[index];
            if task.done || !task.is_current() {
                continue;
            }
            let bucket = Bucket::of(task.due, site.today, site.config.week_start);
            groups.entry(bucket).or_default().push(index);
        }
        Agenda {
            groups: groups
                .into_iter()
                .map(|(bucket, tasks)| AgendaGroup { bucket, tasks })
                .collect(),
        }
    }

    pub(crate) fn open_count(&self) -> usize {
        self.groups.iter().map(|g| g.tasks.len()).sum()
    }

    pub(crate) fn overdue_count(&self, site: &Site) -> usize {
        self.groups
            .iter()
            .flat_map(|g| &g.tasks)
            .filter(|&&t| site.tasks[t].overdue)
            .count()
    }
}

/// Months on each side of the current one that get a page even when they hold no deadline.
const CONTINUOUS_MONTHS: u32 = 12;

/// The site's deadlines by month, computed once for all month pages.
pub(crate) struct Deadlines {
    /// Every month that gets a grid page: the current month and every month within a year of
    /// it between the earliest and the latest deadline, with no gaps, and beyond that the
    /// months that hold a deadline. Previous/next lead from one to the next in this list.
    pub months: Vec<NaiveDate>,
    /// Tasks due in each month (first day of the month), in deadline order.
    by_month: BTreeMap<NaiveDate, Vec<usize>>,
}

impl Deadlines {
    pub(crate) fn of(site: &Site) -> Deadlines {
        let mut by_month: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        for (index, task) in site.tasks.iter().enumerate() {
            if let Some(due) = task.due.filter(|_| task.is_current()) {
                by_month
                    .entry(month_start(due.date))
                    .or_default()
                    .push(index);
            }
        }
        let current = month_start(site.today);
        let first = by_month
            .keys()
            .next()
            .map_or(current, |m| (*m).min(current));
        let last = by_month
            .keys()
            .next_back()
            .map_or(current, |m| (*m).max(current));
        // Every month near today, then only the months that hold a deadline: a typo like
        // due:2925-11-28 must not make ten thousand empty month pages.
        let near = |months: u32, later: bool| {
            let moved = if later {
                current.checked_add_months(Months::new(months))
            } else {
                current.checked_sub_months(Months::new(months))
            };
            moved.unwrap_or(current)
        };
        let span_start = first.max(near(CONTINUOUS_MONTHS, false));
        let span_end = last.min(near(CONTINUOUS_MONTHS, true));
        let mut months: BTreeSet<NaiveDate> = by_month.keys().copied().collect();
        let mut month = span_start;
        while month <= span_end {
            months.insert(month);
            match month.checked_add_months(Months::new(1)) {
                Some(next) => month = next,
                None => break,
            }
        }
        let months = months.into_iter().collect();
        Deadlines { months, by_month }
    }

    pub(crate) fn in_month(&self, month: NaiveDate) -> &[usize] {
        self.by_month.get(&month).map_or(&[], Vec::as_slice)
    }
}

pub(crate) struct Day {
    pub date: NaiveDate,
    pub in_month: bool,
    pub tasks: Vec<usize>,
}

/// A month as weeks of days, each day with the tasks due on it.
pub(crate) struct MonthGrid {
    pub first_weekday: chrono::Weekday,
    pub weeks: Vec<Vec<Day>>,
    /// Tasks due "by the end of" this month or a quarter ending in it, listed under the grid.
    pub month_level: Vec<usize>,
    pub previous: Option<NaiveDate>,
    pub next: Option<NaiveDate>,
}

impl MonthGrid {
    pub(crate) fn of(site: &Site, deadlines: &Deadlines, month: NaiveDate) -> MonthGrid {
        let all_months = &deadlines.months;
        let position = all_months.iter().position(|m| *m == month);
        let previous = position
            .and_then(|p| p.checked_sub(1))
            .map(|p| all_months[p]);
        let next = position.and_then(|p| all_months.get(p + 1).copied());

        let first_weekday = site.config.week_start;
        let month_end = month
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(month);
        let mut by_day: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        let mut month_level = Vec::new();
        for &index in deadlines.in_month(month) {
            let Some(due) = site.tasks[index].due else {
                continue;
            };
            match due.precision {
                Precision::Day => by_day.entry(due.date).or_default().push(index),
                Precision::Month | Precision::Quarter => month_level.push(index),
            }
        }
        let mut weeks = Vec::new();
        let mut day = week_start(month, first_weekday);
        while day <= month_end {
            let mut week = Vec::with_capacity(7);
            for _ in 0..7 {
                week.push(Day {
                    date: day,
                    in_month: day.month() == month.month(),
                    tasks: by_day.remove(&day).unwrap_or_default(),
                });
                day = day + Days::new(1);
            }
            weeks.push(week);
        }
        MonthGrid {
            first_weekday,
            weeks,
            month_level,
            previous,
            next,
        }
    }
}
