//! Owners written after the item's text: in a column between dashes, after a dash or an
//! arrow (with the words that say they take it on: "s'en charge", "à faire par"), after the
//! last colon; the deadline that follows them stays in the text.

use super::*;

/// "Offerte Defender – Lotte Janssens – 30/11": an item written as columns between dashes,
/// the owners in one of them (not the first), wherever it stands.
pub(super) fn dash_columns(owned: &mut Owned, known: &Gazetteer) {
    let Some(dash) = [" – ", " — ", " - "]
        .into_iter()
        .find(|dash| owned.text.matches(dash).count() >= 2)
    else {
        return;
    };
    let columns: Vec<&str> = owned.text.split(dash).collect();
    let owners_at = columns.iter().skip(1).position(|column| {
        name_list(column.trim().trim_end_matches('.')).is_some_and(|(names, team)| {
            (team || !names.is_empty())
                && names
                    .iter()
                    .all(|n| n.split_whitespace().count() >= 2 || known.knows(n))
        })
    });
    let Some(at) = owners_at.map(|i| i + 1) else {
        return;
    };
    let Some(list) = name_list(columns[at].trim().trim_end_matches('.')) else {
        return;
    };
    let rest: Vec<&str> = columns
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at)
        .map(|(_, column)| column.trim())
        .collect();
    let text = rest.join(dash);
    add(owned, list);
    owned.text = text;
}

/// "Send the deck — Sam", "Book the room - Ana Lucía", "Offerte sturen → Koen".
pub(super) fn trailing_dash_name(owned: &mut Owned, known: &Gazetteer) {
    for dash in [" — ", " – ", " - ", " → ", " -> ", " => ", " ⇒ "] {
        let Some(at) = owned.text.rfind(dash) else {
            continue;
        };
        let tail = owned.text[at + dash.len()..].trim().trim_end_matches('.');
        if let Some(list) = name_list(tail) {
            let before = owned.text[..at].trim_end().to_string();
            add(owned, list);
            owned.text = before;
            return;
        }
        // "… – Sophie s'en charge, pour lundi", "… – à faire par Thibault", "… – Caroline
        // (service juridique), avant fin novembre": after a dash, names said to take it on,
        // then the deadline, which stays in the text.
        // "– Orvanta, d'ici la fin du mois" names a company as often as a person: a name
        // written alone must be one who took part.
        let taken_on = names_then_deadline_said(tail).filter(|((names, _), _, said)| {
            *said || names.iter().all(|name| known.is_participant(name))
        });
        if let Some((list, names_end, _)) = taken_on {
            let text = format!(
                "{}, {}",
                owned.text[..at].trim_end(),
                tail[names_end..].trim_start_matches([',', ' '])
            );
            add(owned, list);
            owned.text = text.trim_end_matches([',', ' ']).to_string();
            return;
        }
        // "… -> Lies, ten laatste woensdag", "… → Jérôme – d'ici vendredi": after an arrow,
        // the names up to a comma or a dash, then the deadline.
        let arrow = !matches!(dash, " — " | " – " | " - ");
        let names_end = [", ", " – ", " — ", " - "]
            .iter()
            .filter_map(|separator| tail.find(separator).map(|at| (at, *separator)))
            .min();
        let split = names_end
            .map(|(end, separator)| (&tail[..end], separator, &tail[end + separator.len()..]));
        if let Some((names, separator, rest)) = split.filter(|_| arrow) {
            if let Some(list) = name_list(names) {
                let text = format!("{}{separator}{rest}", owned.text[..at].trim_end());
                add(owned, list);
                owned.text = text;
                return;
            }
        }
    }
}

/// Words around names that say they take a task on: "à faire par Thibault", "Sophie s'en
/// charge", "Jonas neemt dit op".
const TAKEN_BY: &[&str] = &[
    "à faire par ",
    "a faire par ",
    "fait par ",
    "par ",
    "door ",
    "te doen door ",
    "durch ",
    "done by ",
    "by ",
];
const TAKES_IT: &[&str] = &[
    " s'en charge",
    " s’en charge",
    " s'en occupe",
    " s’en occupe",
    " se charge",
    " neemt dit op",
    " neemt het op",
    " neemt op",
    " zorgt ervoor",
    " zorgt daarvoor",
    " übernimmt",
    " kümmert sich",
    " kümmert sich darum",
    " takes it",
    " owns it",
    " handles it",
    " will do it",
];

/// "Sophie s'en charge, pour lundi", "Caroline (service juridique Boréal), avant fin
/// novembre", "à faire par Thibault": the names that open `text`, said to take the task on or
/// alone, then nothing or the deadline after a comma. Gives the names and where they end.
pub(super) fn names_then_deadline(text: &str) -> Option<((Vec<String>, bool), usize)> {
    names_then_deadline_said(text).map(|(list, end, _)| (list, end))
}

/// As [`names_then_deadline`], and whether the text says the names take the task on (a verb,
/// "par", a role in brackets) rather than only writing them.
fn names_then_deadline_said(text: &str) -> Option<((Vec<String>, bool), usize, bool)> {
    let (names, end) = match text.find(", ") {
        Some(comma) => {
            let when = &text[comma + 2..];
            let dated = names_a_date(when);
            (dated || when.split_whitespace().count() <= 2).then_some((&text[..comma], comma))?
        }
        None => (text, text.len()),
    };
    let written = names;
    let lower = names.to_lowercase();
    let names = match TAKEN_BY.iter().find(|by| lower.starts_with(*by)) {
        Some(by) => &names[by.len()..],
        None => names,
    };
    let lower = names.to_lowercase();
    let names = match TAKES_IT.iter().find(|takes| lower.ends_with(*takes)) {
        Some(takes) => &names[..names.len() - takes.len()],
        None => names,
    };
    // A role or department in brackets after the name, in lower case too.
    let names = match names
        .trim_end()
        .strip_suffix(')')
        .and_then(|n| n.rsplit_once(" ("))
    {
        Some((name, _)) => name,
        None => names,
    };
    let list = name_list(names.trim()).filter(|(people, team)| !people.is_empty() || *team)?;
    Some((list, end, names.len() < written.len()))
}

/// "Send the revised SOW by Monday. Pieter Goossens", "Check the PoE budget. Assign": the owner a
/// tool writes after the item's sentence, as full names the recap gives, or the word it shows
/// where there is none.
pub(super) fn trailing_sentence_names(owned: &mut Owned, known: &Gazetteer) {
    let text = owned.text.trim_end();
    let Some(end) = [". ", "! ", "? "]
        .iter()
        .filter_map(|stop| text.rfind(stop))
        .max()
    else {
        return;
    };
    let (sentence, tail) = (&text[..=end], text[end + 1..].trim());
    if sentence.split_whitespace().count() < 3 || tail.is_empty() {
        return;
    }
    let folded = deunicode::deunicode(tail).to_lowercase();
    if crate::import::layouts::lexicon::NOBODY.contains(&folded.as_str()) {
        owned.text = sentence.to_string();
        return;
    }
    let Some((names, team)) = name_list(tail) else {
        return;
    };
    let full_and_known = |name: &String| name.contains(' ') && known.knows(name);
    if !names.is_empty() && names.iter().all(full_and_known) {
        owned.text = sentence.to_string();
        add(owned, (names, team));
    }
}

/// "Envoyer le devis pour vendredi : Thomas et Véronique", as people write minutes: names
/// after the last colon, when the recap gives them (a capitalised word after a colon is as
/// often a product or a place).
pub(super) fn trailing_colon_names(owned: &mut Owned, known: &Gazetteer) {
    let Some(at) = owned.text.rfind(':') else {
        return;
    };
    let head = owned.text[..at].trim_end();
    let tail = owned.text[at + 1..].trim().trim_end_matches('.');
    if head.split_whitespace().count() < 2 || tail.is_empty() {
        return;
    }
    let names_alone = |tail: &str| {
        name_list(tail).filter(|(names, team)| {
            (*team || !names.is_empty()) && names.iter().all(|name| known.knows(name))
        })
    };
    // "Offre définitive : Sébastien, pour vendredi": the names, then the deadline.
    let (list, rest) = match names_alone(tail) {
        Some(list) => (list, ""),
        None => {
            let Some((names, when)) = tail.split_once(", ") else {
                return;
            };
            // A deadline, read or vague ("avant les fêtes"): a few words after the names.
            let dated = names_a_date(when) || when.split_whitespace().count() <= 4;
            match names_alone(names).filter(|_| dated) {
                Some(list) => (list, when),
                None => return,
            }
        }
    };
    let text = format!("{head} {rest}").trim().to_string();
    add(owned, list);
    owned.text = text;
}
