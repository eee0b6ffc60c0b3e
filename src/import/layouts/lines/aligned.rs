//! A table typed with spaces, as minutes written in a text editor align it, or as Word's
//! plain-text export leaves one: a header naming the columns ("Nr.  Maßnahme  Verantw.
//! Termin"), each cell under its column's name, a long cell running into the next column and
//! a cell wrapped onto the next line under its own column.

use super::*;

/// The rows of an aligned table of tasks starting at `lines[0]`, the header first, and how
/// many lines they took; None when `lines[0]` heads no such table.
pub(super) fn aligned_table(lines: &[&str]) -> Option<(usize, Vec<Line>)> {
    let header = segments(lines.first()?);
    let columns: Vec<usize> = header.iter().map(|(column, _)| *column).collect();
    if !names_task_columns(&header) {
        return None;
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut used = 1;
    for line in &lines[1..] {
        let cells = segments(line);
        if cells.is_empty() || is_rule(line.trim()) || cells[0].0 + 2 < columns[0] {
            break;
        }
        let mut row = vec![String::new(); columns.len()];
        for (column, text) in cells {
            let index = columns
                .iter()
                .rposition(|start| *start <= column + 1)
                .unwrap_or(0);
            append(&mut row[index], &text);
        }
        let filled = row.iter().filter(|cell| !cell.is_empty()).count();
        match rows.last_mut() {
            // Nothing under the first column, or one cell alone: the row above goes on.
            Some(above) if row[0].is_empty() || filled == 1 => {
                for (cell, more) in above.iter_mut().zip(&row) {
                    append(cell, more);
                }
            }
            None if filled < 2 => return None,
            _ => rows.push(row),
        }
        used += 1;
    }
    if rows.is_empty() {
        return None;
    }
    let header = header.into_iter().map(|(_, name)| name).collect();
    let lines = std::iter::once(header).chain(rows).map(Line::Row).collect();
    Some((used, lines))
}

/// Whether a line of three or more short cells names a column of tasks and one of owners or
/// deadlines, in one of the four languages.
fn names_task_columns(header: &[(usize, String)]) -> bool {
    if header.len() < 3 || header.iter().any(|(_, cell)| cell.split(' ').count() > 3) {
        return false;
    }
    let names: Vec<String> = header
        .iter()
        .map(|(_, cell)| deunicode::deunicode(&section_name(cell)))
        .collect();
    let has = |words: &[&str]| {
        names
            .iter()
            .any(|name| words.iter().any(|word| name.contains(word)))
    };
    has(TASK_COLUMNS) && (has(OWNER_COLUMNS) || has(DUE_COLUMNS))
}

/// The line's cells, split where two spaces or more stand between words, each with the
/// column (in characters) it starts at.
fn segments(line: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if chars[at].is_whitespace() {
            at += 1;
            continue;
        }
        let start = at;
        while at < chars.len()
            && !(chars[at].is_whitespace() && chars.get(at + 1).is_none_or(|c| c.is_whitespace()))
        {
            at += 1;
        }
        out.push((start, chars[start..at].iter().collect()));
    }
    out
}

fn append(cell: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(more);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Option<Vec<Vec<String>>> {
        let lines: Vec<&str> = text.lines().collect();
        aligned_table(&lines).map(|(_, rows)| {
            rows.into_iter()
                .map(|row| match row {
                    Line::Row(cells) => cells,
                    other => panic!("not a row: {other:?}"),
                })
                .collect()
        })
    }

    #[test]
    fn a_wrapped_cell_goes_on_its_row_and_a_long_cell_keeps_its_column() {
        let table = "  Nr.  Maßnahme                               Verantw.     Termin
  3.1  Überarbeitetes Angebot zusenden        S. Kreutz    KW 49
  3.2  Bestellfreigabe durch den Einkauf der  Einkauf      bis Monatsende
       Kabelwerke einholen
  4.1  Schulungskonzept erstellen             Weserdata    nach der
                                              (Delivery)   Migration

Frage von Frau Lennertz: ist ein Notfallhandbuch enthalten?";
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(aligned_table(&lines).map(|(used, _)| used), Some(6));
        let rows = rows(table).expect("a table");
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(rows[0], ["Nr.", "Maßnahme", "Verantw.", "Termin"]);
        assert_eq!(
            rows[2],
            [
                "3.2",
                "Bestellfreigabe durch den Einkauf der Kabelwerke einholen",
                "Einkauf",
                "bis Monatsende"
            ]
        );
        assert_eq!(rows[3][2..], ["Weserdata (Delivery)", "nach der Migration"]);
    }

    #[test]
    fn a_cell_longer_than_its_column_runs_into_the_next() {
        let table = "  Wat                                  Wie    Tegen
  Offerte bijsturen (OCR apart)        SV     tegen dinsdag
  Goedkeuring budget op het comité     directiecomité klant   maart";
        let rows = rows(table).expect("a table");
        assert_eq!(
            rows[2],
            [
                "Goedkeuring budget op het comité",
                "directiecomité klant",
                "maart"
            ]
        );
    }

    #[test]
    fn aligned_labels_and_a_header_without_rows_are_no_table() {
        assert_eq!(
            rows("Datum:         Montag, 16.11.2026\nOrt:           Eupen"),
            None
        );
        assert_eq!(
            rows("  Actie    Wie    Wanneer\n\nDe rest van de tekst."),
            None
        );
        assert_eq!(
            rows("Name        Role        Company\nAnn Peeters   AM   Acme"),
            None
        );
    }
}
