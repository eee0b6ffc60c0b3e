//! A person's open tasks as a script (`owners/ID/tasks.js`): what the dashboard's "your week"
//! loads once the reader has said who they are. A script, not JSON, so that it loads from a
//! web server and from disk alike, as the search index does.

use crate::model::Site;
use serde::Serialize;

/// One open task, with short keys: a person may owe hundreds.
#[derive(Serialize)]
struct Row<'a> {
    /// Title.
    t: &'a str,
    /// The page that shows it, from the site's root.
    u: String,
    /// The deadline's token (`2026-12-04`, `2026-12`, `2026-Q4`), empty when undated.
    d: String,
    /// The meeting that last mentioned it.
    m: &'a str,
}

/// `dossierMine("ID", [...])`: the person's open tasks in deadline order, undated last.
pub(crate) fn script(site: &Site, id: &str) -> String {
    let rows: Vec<Row> = site
        .by_person
        .get(id)
        .map_or(&[][..], |index| index.tasks.as_slice())
        .iter()
        .map(|&index| &site.tasks[index])
        .filter(|task| task.is_current() && !task.done)
        .map(|task| Row {
            t: &task.title,
            u: site.task_url(task),
            d: task.due.map(|due| due.token()).unwrap_or_default(),
            m: &site.meetings[task.meeting].title,
        })
        .collect();
    let rows = serde_json::to_value(&rows).unwrap_or_default();
    super::script_call("dossierMine", &[serde_json::Value::from(id), rows])
}
