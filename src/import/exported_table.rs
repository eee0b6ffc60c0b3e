//! A table exported from an issue tracker or a planner (Jira's "Export CSV", Planner's or
//! Asana's CSV, a spreadsheet of actions saved as CSV), read as the table of tasks a recap
//! holds: its header row names the columns (`Summary`, `Assignee`, `Due date`) as a recap's
//! table of actions does, so the same reader finds each row's title, owners and deadline.
//! Commas, semicolons (Excel in Belgium) and tabs separate; quoted fields may span lines. Only
//! a file named `.csv` or `.tsv` is read so: a recap's lines of names ("Attendees: Ann, Tom,
//! Els") would read as a table too.

use chrono::NaiveDateTime;

/// The columns whose shared value names the table as a whole: its title.
const PROJECT_COLUMNS: &[&str] = &[
    "project name",
    "project",
    "projects",
    "board",
    "plan name",
    "projet",
    "projekt",
];

/// The title of a table that names no project.
const UNNAMED: &str = "Tasks";

/// `text` as Markdown: a title and the table, one row a line, when it reads as a table (a
/// header of at least three named columns and rows of as many fields); None when it does not.
pub(crate) fn as_markdown(text: &str) -> Option<String> {
    let rows = [b',', b';', b'\t']
        .into_iter()
        .filter_map(|separator| records(text, separator))
        .max_by_key(|rows| rows[0].len())?;
    let (header, body) = rows.split_first()?;
    let kept: Vec<usize> = (0..header.len())
        .filter(|&column| body.iter().any(|row| !row[column].trim().is_empty()))
        .collect();
    let mut out = format!("# {}\n\n", title(header, body));
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    out.push_str(&line(kept.iter().map(|&c| cell(&header[c])).collect()));
    out.push_str(&line(kept.iter().map(|_| "---".to_string()).collect()));
    for row in body {
        out.push_str(&line(kept.iter().map(|&c| cell(&row[c])).collect()));
    }
    Some(out)
}

/// The records of `text` split at `separator`, when every one has as many fields as the
/// header, the header has at least three, each a short name, and there is a row under it.
fn records(text: &str, separator: u8) -> Option<Vec<Vec<String>>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(false)
        .from_reader(text.as_bytes());
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|record| record.map(|r| r.iter().map(str::to_string).collect()))
        .collect::<Result<_, _>>()
        .ok()?;
    let header = rows.first()?;
    let named = |name: &String| {
        let name = name.trim();
        !name.is_empty() && name.chars().count() <= 40 && !name.contains(['.', '!', '?'])
    };
    (rows.len() >= 2 && header.len() >= 3 && header.iter().all(named)).then_some(rows)
}

/// The value every row shares in a column that names a project, or [`UNNAMED`].
fn title(header: &[String], body: &[Vec<String>]) -> String {
    let shared = |column: usize| {
        let first = body.first()?[column].trim();
        (!first.is_empty() && body.iter().all(|row| row[column].trim() == first))
            .then(|| first.to_string())
    };
    header
        .iter()
        .position(|name| PROJECT_COLUMNS.contains(&name.trim().to_lowercase().as_str()))
        .and_then(shared)
        .unwrap_or_else(|| UNNAMED.to_string())
}

/// A field as a table cell: on one line, its pipes escaped, and a tracker's time stamp
/// ("13/Nov/26 12:00 AM") as the day it names, which no recap writes so.
fn cell(field: &str) -> String {
    let field = field.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(day) = tracker_day(&field) {
        return day;
    }
    field.replace('|', "\\|")
}

/// Jira's default date-time ("13/Nov/26 12:00 AM", "3/Nov/26 4:05 PM") as `2026-11-13`: its
/// month is a name, so its order is never in doubt.
fn tracker_day(field: &str) -> Option<String> {
    let stamp = NaiveDateTime::parse_from_str(field, "%d/%b/%y %I:%M %p").ok()?;
    Some(stamp.date().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jira_export_is_a_table_titled_by_its_project_with_days_for_time_stamps() {
        let csv = "Summary,Issue key,Assignee,Due date,Project name,Description\n\
                   Update the HLD,KAM-1,Thomas Goossens,13/Nov/26 12:00 AM,Brelco,\"Two\nlines | here\"\n\
                   Send pricing,KAM-2,Jasper Wyns,,Brelco,\n";
        let table = as_markdown(csv).unwrap();
        assert_eq!(
            table,
            "# Brelco\n\n\
             | Summary | Issue key | Assignee | Due date | Project name | Description |\n\
             | --- | --- | --- | --- | --- | --- |\n\
             | Update the HLD | KAM-1 | Thomas Goossens | 2026-11-13 | Brelco | Two lines \\| here |\n\
             | Send pricing | KAM-2 | Jasper Wyns |  | Brelco |  |\n"
        );
    }

    #[test]
    fn semicolons_separate_as_excel_writes_them_in_belgium_and_empty_columns_go() {
        let csv =
            "Actie;Wie;Tegen wanneer;Opmerking\nOfferte sturen;Ann;vrijdag;\nPlanning;Tom;;\n";
        let table = as_markdown(csv).unwrap();
        assert!(
            table.starts_with("# Tasks\n\n| Actie | Wie | Tegen wanneer |\n"),
            "{table}"
        );
        assert!(
            table.contains("| Offerte sturen | Ann | vrijdag |\n"),
            "{table}"
        );
    }

    #[test]
    fn a_file_that_is_not_a_table_is_not_read_as_one() {
        for text in [
            "Weekly sync, 3 Nov\n\nAnn, Tom and Els met.\n- Ann sends the offer\n",
            "a,b,c\n",
            "Who said what, when, and why. Then,\nAnn, Tom, Els, Bo\n",
        ] {
            assert_eq!(as_markdown(text), None, "{text}");
        }
    }
}
