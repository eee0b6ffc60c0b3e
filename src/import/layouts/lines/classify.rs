//! One line of a recap, alone, as a heading, a table row, a list item or a paragraph.

use super::*;
use regex::Captures;

/// One non-empty line (not underlined) as a heading, a table row, a list item or a paragraph;
/// `None` for a table's separator row or an empty item.
pub(super) fn classify(line: &str) -> Option<Line> {
    let trimmed = line.trim();
    // "Nr | Wat | Wie | Tegen wanneer": a table typed in a mail, without the outer bars (its
    // header may start with "#").
    let typed_table = trimmed.matches(" | ").count() >= 2;
    // "A-13\tTransmettre le planning…\tL. Mathy\t18/12/2026": a Word or Excel table pasted
    // as text keeps a tab between its cells.
    if trimmed.matches('\t').count() >= 2 {
        let cells: Vec<String> = trimmed
            .split('\t')
            .map(|cell| cell.trim().to_string())
            .collect();
        return Some(Line::Row(cells));
    }
    if let Some(heading) = trimmed.strip_prefix('#').filter(|_| !typed_table) {
        return Some(Line::Heading(
            heading.trim_start_matches('#').trim().to_string(),
        ));
    }
    if let Some(heading) = wiki_heading(trimmed) {
        return Some(Line::Heading(heading.to_string()));
    }
    if let Some(bold) = bold_line(trimmed) {
        return Some(Line::Heading(bold.trim().trim_end_matches(':').to_string()));
    }
    if trimmed.starts_with('|') || typed_table {
        return table_row(trimmed);
    }
    if let Some(caps) = bullet().and_then(|b| b.captures(line)) {
        return list_item(&caps);
    }
    Some(heading_or_paragraph(trimmed))
}

/// "== Action items ==": a heading as MediaWiki writes it, and tools that export in its way.
fn wiki_heading(trimmed: &str) -> Option<&str> {
    let level = trimmed.chars().take_while(|c| *c == '=').count();
    let inner = trimmed.get(level..)?.strip_suffix(&"=".repeat(level))?;
    ((2..=6).contains(&level) && !inner.trim().is_empty() && !inner.contains('='))
        .then(|| inner.trim())
}

/// "**Decisions**", "__Actions:__": a line that is bold as a whole.
fn bold_line(trimmed: &str) -> Option<&str> {
    let unlabelled = trimmed.trim_end_matches(':');
    unlabelled
        .strip_prefix("**")
        .and_then(|t| t.strip_suffix("**"))
        .or_else(|| {
            unlabelled
                .strip_prefix("__")
                .and_then(|t| t.strip_suffix("__"))
        })
        .filter(|bold| !bold.contains("**"))
}

/// A table's row as its cells; `None` for the separator under its header.
fn table_row(trimmed: &str) -> Option<Line> {
    let cells: Vec<String> = trimmed
        .trim_matches('|')
        .split('|')
        .map(|cell| cell.trim().to_string())
        .collect();
    let separator = cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
    (!separator).then_some(Line::Row(cells))
}

/// A line the bullet pattern matched, as an item with its checkbox read, or as a heading where
/// it holds only a section's name.
fn list_item(caps: &Captures) -> Option<Line> {
    let indent = caps
        .get(1)
        .map_or(0, |m| m.as_str().replace('\t', "  ").len());
    let (done, boxed, text) = checkbox(caps);
    let (done, marked, text) = match to_do_keyword(text) {
        Some((keyword_done, rest)) => (done || keyword_done, true, rest),
        None => (done, boxed, text),
    };
    // "- ## Backup renewal": an outliner's heading is a block like any other.
    if let Some(heading) = text.strip_prefix('#') {
        let heading = heading.trim_start_matches('#');
        if heading.starts_with(' ') && !heading.trim().is_empty() {
            return Some(Line::Heading(heading.trim().to_string()));
        }
    }
    // "✅ Actiepunten", "• Action items:": a section's name alone behind a tick or a
    // bullet ("• Afspraken rond de pilootfase" is a point).
    let name = text.trim_end_matches(':');
    if indent == 0 && is_bare_section_name(name) {
        return Some(Line::Heading(name.trim().to_string()));
    }
    let text = text.to_string();
    (!text.is_empty()).then_some(Line::Item {
        nested: indent >= 2,
        indent,
        done,
        marked,
        text,
    })
}

/// "TODO Send the deck", "LATER …", "DONE …": the keywords Logseq and org-mode open a task
/// with; whether it says done, and the text after it.
fn to_do_keyword(text: &str) -> Option<(bool, &str)> {
    const OPEN: &[&str] = &["TODO", "LATER", "NOW", "DOING", "WAITING", "IN-PROGRESS"];
    // "AP: EM -> voorstel …", "ACTIE Jan: …", "AP ik: …": how notes typed during a meeting
    // mark an action point, as a label ("AP team happy" is the accounts-payable team).
    const LABELS: &[&str] = &["AP", "ACTIE", "ACTION", "AKTION", "TO-DO", "TODO"];
    const DONE: &[&str] = &["DONE", "CANCELED", "CANCELLED"];
    let (keyword, rest) = text.split_once(' ')?;
    let rest = rest.trim_start();
    if rest.is_empty() {
        return None;
    }
    let label = match keyword.strip_suffix(':') {
        Some(label) => Some(label),
        None => rest
            .split_whitespace()
            .next()
            .filter(|owner| owner.ends_with(':') && owner.chars().count() <= 20)
            .map(|_| keyword),
    };
    if label.is_some_and(|label| LABELS.contains(&label)) {
        return Some((false, rest));
    }
    if OPEN.contains(&keyword) {
        Some((false, rest))
    } else if DONE.contains(&keyword) {
        Some((true, rest))
    } else {
        None
    }
}

/// Whether an item is ticked, whether it has a box at all, and its text without the boxes:
/// "[x]" or "☑" as its bullet, a box after the bullet ("• ☐ Send the deck"), or both.
fn checkbox<'a>(caps: &Captures<'a>) -> (bool, bool, &'a str) {
    let boxed = [2, 3, 4].iter().any(|&group| caps.get(group).is_some());
    let done = [2, 4].iter().any(|&group| {
        caps.get(group)
            .is_some_and(|m| m.as_str().eq_ignore_ascii_case("x"))
    }) || caps
        .get(3)
        .is_some_and(|m| !matches!(m.as_str(), "☐" | "⬜" | "□"));
    let text = caps.get(5).map_or("", |m| m.as_str()).trim();
    let (done, boxed, text) = match text.chars().next() {
        Some(c @ ('☐' | '☑' | '☒' | '✓' | '✔' | '✅' | '⬜' | '□')) => (
            done || !matches!(c, '☐' | '⬜' | '□'),
            true,
            text[c.len_utf8()..].trim(),
        ),
        _ => (done, boxed, text),
    };
    // "- [ ] [ ] Send the deck": a box pasted into a list that makes its own.
    match text.get(..3).map(str::to_ascii_lowercase).as_deref() {
        Some("[ ]") => (done, true, text[3..].trim()),
        Some("[x]") => (true, true, text[3..].trim()),
        _ => (done, boxed, text),
    }
}

/// A plain line: a label alone ("Actions:") or a section's name is a heading, the rest a
/// paragraph.
fn heading_or_paragraph(trimmed: &str) -> Line {
    let label_only = trimmed.ends_with(':')
        && trimmed.chars().count() <= 60
        && !trimmed[..trimmed.len() - 1].contains(':');
    // "Onderwerp: actiepuntenlijst" is a label and its value, whatever the value names.
    let labelled = trimmed.trim_end_matches(':').contains(':');
    // "convenu, voici un petit récapitulatif." goes on a sentence: no section's name.
    let words = trimmed.split_whitespace().count();
    let sentence =
        words >= 3 && (trimmed.ends_with('.') || trimmed.starts_with(char::is_lowercase));
    if label_only || !labelled && !sentence && is_section(trimmed) && trimmed.chars().count() <= 40
    {
        return Line::Heading(trimmed.trim_end_matches(':').trim().to_string());
    }
    Line::Paragraph(trimmed.to_string())
}

/// "Owner: Sam", "Échéance : 15/12", "Priority: High": a line that is one field of the item
/// above.
pub(super) fn is_item_field(text: &str) -> bool {
    field_label(text).is_some_and(|label| {
        [OWNER_FIELDS, DUE_FIELDS, RECORD_FIELDS]
            .iter()
            .any(|fields| fields.contains(&label.as_str()))
    })
}

/// "  Assignee: Sophie Lemaire", "Due date: Feb 5": a field that says who or by when, as a
/// tracker's mail writes it under each task's title.
pub(super) fn is_owner_or_due_field(line: &str) -> bool {
    field_label(line).is_some_and(|label| {
        [OWNER_FIELDS, DUE_FIELDS]
            .iter()
            .any(|fields| fields.contains(&label.as_str()))
    })
}

/// The label of a line that is a label and a value, folded to lower-case ASCII.
fn field_label(text: &str) -> Option<String> {
    let (label, value) = text.split_once(':')?;
    (!value.trim().is_empty()).then(|| deunicode::deunicode(&section_name(label)).to_lowercase())
}

/// The task of a record's first line, "Task: Envoyer l'offre", "Taak: …", "Aufgabe: …".
pub(super) fn task_record(text: &str) -> Option<&str> {
    let (label, value) = text.split_once(':')?;
    let label = deunicode::deunicode(&section_name(label)).to_lowercase();
    let value = value.trim();
    (TASK_RECORD_LABELS.contains(&label.as_str()) && value.split_whitespace().count() >= 2)
        .then_some(value)
}
