//! An item's owners after a label: "Owner: Sam", "(Assignee: Ana)", "Qui : Kevin et Nicolas",
//! "| Owners: Sam, Bo |", the list ending where the label's line goes on to something else.

use super::names::{self, fold};
use super::{add, name_list, Owned};

/// Labels that name an item's owner, in the four languages, folded ("Owner: Sam",
/// "Verantwoordelijke: Sofie").
pub(crate) const OWNER_FIELDS: &[&str] = &[
    "owner",
    "owners",
    "assignee",
    "assignees",
    "assigned to",
    "responsible",
    "eigenaar",
    "verantwoordelijke",
    "toegewezen aan",
    "responsable",
    "assigne a",
    "porteur",
    "porteuse",
    "pilote",
    "responsables",
    "actiehouder",
    "trekker",
    "verantwortliche",
    "verantwortlicher",
    "action owner",
    "verantwortlich",
    "zustandig",
    "zugewiesen an",
    // "Who: Sam", "Qui : Kevin et Nicolas".
    "who",
    "wie",
    "qui",
    "wer",
];

/// Labels that are also common words ("projet pilote", "trekker"): an owner's label only where
/// it opens the text or follows a separator.
const ONLY_OPENING: &[&str] = &["pilote", "trekker"];

/// Where an owner's label is in `text`: where it starts and where its colon ends. A label is
/// one of `OWNER_FIELDS` in up to three words before a colon ("Owner:", "Assigned to:", "Qui :",
/// "**Verantwoordelijke:**"), or "assigned to" without one.
pub(crate) fn owner_label(text: &str) -> Option<(usize, usize)> {
    for (colon, _) in text.match_indices(':') {
        let before = &text[..colon];
        let words: Vec<(usize, &str)> = before
            .split_whitespace()
            .map(|word| (word.as_ptr() as usize - before.as_ptr() as usize, word))
            .collect();
        for count in (1..=3.min(words.len())).rev() {
            let (start, _) = words[words.len() - count];
            let label = fold(before[start..].trim_matches(|c: char| !c.is_alphanumeric()));
            let start = start + before[start..].len()
                - before[start..]
                    .trim_start_matches(['(', '[', '*', '|'])
                    .len();
            // "Projet pilote : …" is no owner's label; "Pilote : M. Bastin" opening a line is.
            let preceding = before[..start].trim_end();
            let opens = preceding.is_empty()
                || preceding.ends_with(['(', '[', '*', '|', '–', '—', '-', ';', ',']);
            let known = OWNER_FIELDS.contains(&label.as_str())
                && (opens || !ONLY_OPENING.contains(&label.as_str()));
            if known {
                // "**Owner:** Sam": the bold's end goes with the label.
                let after = &text[colon + 1..];
                let bold = after.len() - after.trim_start_matches('*').len();
                return Some((start, colon + 1 + bold));
            }
        }
    }
    let lower = text.to_ascii_lowercase();
    let at = lower.find("assigned to ")?;
    Some((at, at + "assigned to".len()))
}

/// "… Owner: Sam", "(Assignee: Ana)", "| Owners: Sam, Bo |".
pub(super) fn labelled_owners(owned: &mut Owned) {
    let Some((at, start)) = owner_label(&owned.text) else {
        return;
    };
    let rest = &owned.text[start..];
    let end = list_end(rest)
        .or_else(|| rest.to_lowercase().find(" due"))
        .or_else(|| rest.to_lowercase().find(" by "))
        .unwrap_or(rest.len());
    // "Porteuse : Mme Moreau, d'ici le 27 novembre": the names, then the deadline.
    let (list, end) = match name_list(&rest[..end]) {
        Some(list) => (list, end),
        None => match super::names_then_deadline(&rest[..end]) {
            Some(found) => found,
            None => return,
        },
    };
    let mut before = owned.text[..at].trim_end().to_string();
    // The bracket or dash that introduced the label goes with it.
    let opened = before.ends_with(['(', '[']);
    before = before
        .trim_end_matches(['(', '[', '—', '–', '-', '|', ',', ';'])
        .trim_end()
        .to_string();
    let mut after = rest[end..].trim_start();
    if opened {
        after = after.trim_start_matches([')', ']']).trim_start();
    }
    let after = after
        .trim_start_matches(['.', ';', ',', '·', '•'])
        .trim_start();
    let text = format!("{before} {after}").trim().to_string();
    add(owned, list);
    owned.text = text;
}

/// Where a list of owners after a label ends: at a bracket, a bar, a semicolon, a dash, a
/// middle dot ("Assignee: Kim · Due date: Feb 5") or a full stop, but not at the dot of a
/// title or an initial ("Dhr. Claes", "M. Hublet").
fn list_end(rest: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = rest[from..]
        .find(['(', ')', '[', ']', '|', ';', '.', '—', '–', '·', '•'])
        .map(|at| from + at)
    {
        // "Thomas (Corvana) + Joke": a name's company in brackets, and the list goes on.
        if let Some(close) = aside_in_a_list(&rest[at..]) {
            from = at + close;
            continue;
        }
        let word = rest[..at].rsplit(' ').next().unwrap_or_default();
        let abbreviation = rest[at..].starts_with(". ")
            && (names::is_title(word)
                || word.chars().count() == 1 && word.chars().all(char::is_uppercase));
        if !abbreviation {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Where a bracketed aside after a name ends ("(Corvana) + Joke", "(IT), Nadia") when more
/// names follow it.
fn aside_in_a_list(text: &str) -> Option<usize> {
    let close = text.strip_prefix('(')?.find(')')? + 2;
    let aside = &text[1..close - 1];
    let after = text[close..].trim_start();
    let goes_on = after.starts_with(['+', ',', '&', '/'])
        || ["en ", "et ", "and ", "und "]
            .iter()
            .any(|and| after.starts_with(and));
    (aside.split_whitespace().count() <= 3 && goes_on).then_some(close)
}
