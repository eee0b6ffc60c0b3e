//! A table of actions: which of its columns holds the task, its owner and its deadline,
//! told by the header's words or, without a header, by what the first row holds.

use super::super::lexicon::{ACTION_COLUMNS, DUE_COLUMNS, OWNER_COLUMNS, TASK_COLUMNS};
use super::super::lines::section_name;

/// A table of action items: which column holds what.
#[derive(Debug, Clone, Copy)]
pub(super) struct Table {
    pub(super) task: Option<usize>,
    pub(super) owner: Option<usize>,
    pub(super) due: Option<usize>,
    /// The task column says "action" or "task", not only "item" or "what".
    pub(super) names_actions: bool,
}

impl Table {
    pub(super) fn of(header: &[String]) -> Table {
        let cells: Vec<String> = header
            .iter()
            .map(|cell| deunicode::deunicode(&section_name(cell)))
            .collect();
        let find = |names: &[&str]| column_named(&cells, names);
        Table {
            names_actions: find(ACTION_COLUMNS).is_some(),
            task: find(TASK_COLUMNS),
            owner: find(OWNER_COLUMNS),
            due: find(DUE_COLUMNS),
        }
    }

    /// A table of tasks typed without a header ("AP-07 | 4G-routers bestellen | RG | tegen 2
    /// december"), known by its first row: the longest cell is the task, a short cell of names
    /// its owners, and a cell that is a deadline, or says there is none ("asap", "–"), its due.
    /// None when the row does not read so.
    pub(super) fn without_header(
        cells: &[String],
        is_deadline: impl Fn(&str) -> bool,
        is_names: impl Fn(&str) -> bool,
    ) -> Option<Table> {
        if cells.len() < 3 {
            return None;
        }
        let words = |cell: &String| cell.split_whitespace().count();
        let task = (0..cells.len()).max_by_key(|&i| cells[i].chars().count())?;
        if words(&cells[task]) < 3 {
            return None;
        }
        let undated = |cell: &str| {
            let cell = cell.trim().to_lowercase();
            says_no_deadline(&cell)
                || ["asap", "z.s.m.", "zsm", "dès que possible", "sofort"].contains(&cell.as_str())
        };
        let others = || (0..cells.len()).filter(move |&i| i != task);
        let due = others().find(|&i| is_deadline(&cells[i]) || undated(&cells[i]))?;
        let owner = others().find(|&i| i != due && words(&cells[i]) <= 4 && is_names(&cells[i]));
        Some(Table {
            task: Some(task),
            owner,
            due: Some(due),
            names_actions: true,
        })
    }

    pub(super) fn holds_tasks(&self) -> bool {
        self.task.is_some() && (self.owner.is_some() || self.due.is_some())
    }

    /// Under a heading of discussion, a table of "Item | Who | Notes" is who presented what (a
    /// wiki's meeting template); it holds tasks when a column says so or gives deadlines.
    pub(super) fn holds_tasks_in_discussion(&self) -> bool {
        self.holds_tasks() && (self.names_actions || self.due.is_some())
    }
}

/// The column whose header (folded) is one of `names`: a header that holds a name as whole
/// words first ("Due date" before "Updated", which holds "date" only inside a word), then one
/// that holds it anywhere ("Zieldatum"); among those, the name earlier in `names`, then the
/// column further left. A column of ids, keys or addresses ("Task ID", "Issue key", "Assignee
/// Email") is never one: an export's tables have them beside the columns that matter.
fn column_named(cells: &[String], names: &[&str]) -> Option<usize> {
    const NOT_CONTENT: &[&str] = &["id", "key", "email", "e-mail", "url", "link", "nr", "no"];
    cells
        .iter()
        .enumerate()
        .filter_map(|(at, cell)| {
            let words: Vec<&str> = cell
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|word| !word.is_empty())
                .collect();
            let content = !words.iter().any(|word| NOT_CONTENT.contains(word));
            content.then(|| (at, cell, format!(" {} ", words.join(" "))))
        })
        .flat_map(|(at, cell, padded)| {
            names.iter().enumerate().filter_map(move |(rank, name)| {
                if padded.contains(&format!(" {name} ")) {
                    Some((0, rank, at))
                } else {
                    cell.contains(name).then_some((1, rank, at))
                }
            })
        })
        .min()
        .map(|(_, _, at)| at)
}

/// Whether a deadline cell says the row has none: "–", "/", "n.v.t.", "TBD".
pub(super) fn says_no_deadline(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty() && cell.chars().all(|c| "-–—/ ".contains(c))
        || ["n.v.t.", "nvt", "n/a", "n.a.", "tbd"].contains(&cell.to_lowercase().as_str())
}
