//! Who owes what: every owner with their open and overdue tasks (not in the customer edition).

use super::*;

pub(super) struct Owners;

impl PageKind for Owners {
    fn name(&self) -> &'static str {
        "owners"
    }

    fn template(&self) -> &'static str {
        "owners.html"
    }

    fn folder(&self) -> &'static str {
        urls::OWNERS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        if renderer.site.has_owner_pages() {
            vec![Key::Only]
        } else {
            Vec::new()
        }
    }

    fn preview(&self, renderer: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            renderer.word("owners", None, &[]),
            renderer.word("preview_owners", None, &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, _: &Key) -> Option<Context> {
        variables(&renderer.owners_list())
    }
}

/// Everyone who owes something, most overdue first, then the nearest deadline.
#[derive(Serialize)]
struct OwnersPage {
    owners: Vec<OwnerRow>,
    /// Those with nothing open.
    clear: Vec<OwnerRow>,
}

#[derive(Serialize)]
struct OwnerRow {
    /// Their place by id, which the script sorts by last.
    rank: usize,
    person: PersonValue,
    open_count: usize,
    overdue_count: usize,
    undated_count: usize,
    done_count: usize,
    next_due: Option<String>,
    next_due_date: Option<String>,
    /// The deadlines of the open tasks of the script's window, and the first after it.
    dues: String,
    topic_count: usize,
}

impl Renderer<'_> {
    fn owners_list(&self) -> OwnersPage {
        let site = self.site;
        // (overdue, next deadline, place by id, open, row)
        let mut rows: Vec<(usize, Option<NaiveDate>, usize, usize, OwnerRow)> = site
            .by_person
            .iter()
            .enumerate()
            .filter_map(|(rank, (id, index))| {
                let coming = self.coming_deadlines(&index.tasks);
                let overdue = index.overdue_count(site);
                let next = coming.first().map(|d| d.date);
                let open = index.open_count(site);
                let row = OwnerRow {
                    rank,
                    person: self.person(id)?,
                    open_count: open,
                    overdue_count: overdue,
                    undated_count: index
                        .tasks
                        .iter()
                        .filter(|&&t| site.tasks[t].is_open_undated())
                        .count(),
                    done_count: index.tasks.len() - open,
                    next_due: coming.first().map(|d| d.label(site.config.language)),
                    next_due_date: coming.first().map(|d| d.date.to_string()),
                    dues: coming
                        .iter()
                        .map(|d| d.token())
                        .collect::<Vec<_>>()
                        .join(" "),
                    topic_count: index.topics.len(),
                };
                Some((overdue, next, rank, open, row))
            })
            .collect();
        // What needs attention first: the most overdue, then the nearest deadline; the
        // theme's script sorts the same way on a later day. Those with nothing open apart.
        rows.sort_by_key(|&(overdue, next, rank, _, _)| {
            (std::cmp::Reverse(overdue), next.is_none(), next, rank)
        });
        let (owing, clear): (Vec<_>, Vec<_>) = rows.into_iter().partition(|row| row.3 > 0);
        OwnersPage {
            owners: owing.into_iter().map(|row| row.4).collect(),
            clear: clear.into_iter().map(|row| row.4).collect(),
        }
    }

    /// The deadlines of the open tasks among `tasks` (in deadline order) from today to the end
    /// of the window the script recomputes, and the first one after it: what an owners-list
    /// row needs to show its next deadline on any day of the window.
    pub(super) fn coming_deadlines(&self, tasks: &[usize]) -> Vec<crate::dates::Due> {
        let site = self.site;
        let until = recompute_until(site);
        let mut coming = Vec::new();
        let dues = tasks
            .iter()
            .filter(|&&t| !site.tasks[t].done)
            .filter_map(|&t| site.tasks[t].due)
            .filter(|due| due.date >= site.today);
        for due in dues {
            coming.push(due);
            if due.date > until {
                break;
            }
        }
        coming
    }
}
