//! The people an import matches names against: people.toml plus those the recap adds, and
//! how the added ones are written back to people.toml.

use super::files::{self, Change};
use super::*;
use crate::content::source::MAX_FILE_BYTES;

/// People as the importer matches them: people.toml plus the people this recap adds.
pub(super) struct Directory {
    pub(super) people: People,
    pub(super) added: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Match {
    Person(String),
    Ambiguous(Vec<String>),
    Unknown,
}

impl Directory {
    /// By id, name or alias; then a lone first name that only one person has.
    pub(super) fn find(&self, name: &str) -> Match {
        // An address is known as an alias, or by the name in it.
        if let Some(address_name) = super::owners::name_of_address(name) {
            return match self.people.resolve(name) {
                Resolved::Person(person) => Match::Person(person.id.clone()),
                _ => self.find(&address_name),
            };
        }
        match self.people.resolve(name) {
            Resolved::Person(person) => return Match::Person(person.id.clone()),
            Resolved::Ambiguous(ids) => {
                return Match::Ambiguous(ids.into_iter().map(str::to_string).collect())
            }
            Resolved::Unknown => {}
        }
        // "MV" or "Dhr. Claes": the one person those initials or that surname stand for.
        let by_short_form: Vec<String> = self
            .people
            .iter()
            .filter(|p| super::owners::stands_for(name, &p.name))
            .map(|p| p.id.clone())
            .collect();
        if !by_short_form.is_empty() {
            return one_or_ambiguous(by_short_form);
        }
        if name.split_whitespace().count() != 1 {
            return Match::Unknown;
        }
        let key = mention_key(name);
        let by_first_name: Vec<String> = self
            .people
            .iter()
            .filter(|p| {
                p.name
                    .split_whitespace()
                    .next()
                    .is_some_and(|first| mention_key(first) == key)
            })
            .map(|p| p.id.clone())
            .collect();
        one_or_ambiguous(by_first_name)
    }

    pub(super) fn add(&mut self, written: &str) -> String {
        // Someone known only by address gets the name in it, and keeps the address as an alias.
        let (name, aliases) = match super::owners::name_of_address(written) {
            Some(name) => (name, vec![written.to_string()]),
            None => (written.to_string(), Vec::new()),
        };
        let name = name.as_str();
        // A name of punctuation alone makes no slug; an empty id would make people.toml unusable.
        let base = match slugify(name) {
            slug if slug.is_empty() => "person".to_string(),
            slug => slug,
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.people.get(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        let person = Person {
            id: id.clone(),
            name: name.to_string(),
            role: None,
            aliases,
            listed: true,
            internal: false,
            email: None,
            external: false,
        };
        self.people.insert(person.clone());
        self.added.push(person);
        id
    }
}

fn one_or_ambiguous(mut ids: Vec<String>) -> Match {
    match ids.len() {
        0 => Match::Unknown,
        1 => Match::Person(ids.pop().unwrap_or_default()),
        _ => Match::Ambiguous(ids),
    }
}

/// Adds everyone the recap names as a participant or owner who is not in people.toml yet; full
/// names first, so that a lone "Patrick" is then seen to match two people.
/// Returns the owners it was unsure of, with why: a first name the recap gives no full name
/// for, or a name that is none of the recap's participants. They are added all the same (a
/// task keeps its owner), and the report asks for a look.
pub(super) fn register_people(
    recap: &Recap,
    text: &str,
    directory: &mut Directory,
) -> Vec<(String, String)> {
    let owners: Vec<&String> = recap.tasks.iter().flat_map(|task| &task.owners).collect();
    let participant = |name: &str| {
        let key = mention_key(name);
        recap.participants.iter().any(|p| {
            mention_key(p) == key
                || p.split_whitespace()
                    .next()
                    .is_some_and(|first| mention_key(first) == key)
        })
    };
    let mut unsure = Vec::new();
    // Who the recap says took part, in full, so that a first name alone finds them (its
    // attendee lists were read into `participants`, "Vogt, Matthias <…>" as one person).
    let mut names: Vec<String> = recap.participants.clone();
    // Every sentence that opens with names, so that a full name written anywhere ("Priya Raman
    // raised a concern") is known before a first name alone ("Priya will confirm") is matched.
    for topic in &recap.topics {
        let texts =
            std::iter::once(&topic.summary).chain(topic.points.iter().map(|(_, text)| text));
        for sentence in texts.flat_map(|text| text.split(". ")) {
            names.extend(opening_names(sentence.trim()).0);
        }
    }
    for task in &recap.tasks {
        names.extend(task.owners.iter().cloned());
    }
    names.sort_by_key(|name| std::cmp::Reverse(name.split_whitespace().count()));
    for name in names {
        if directory.find(&name) != Match::Unknown {
            continue;
        }
        // "Jonas" owns a task and "Jonas Willems gaf een overzicht" stands in the summary:
        // the one full name the recap gives that first name is who is meant.
        match super::owners::full_name_for(&name, text) {
            Some(full) if directory.find(&full) == Match::Unknown => {
                directory.add(&full);
            }
            Some(_) => {}
            None => {
                let owner = owners.contains(&&name);
                // "Tablets met enkel toegang …": one capitalised word opening a sentence, owing
                // nothing and in no list of who took part, is no one.
                if !owner && name.split_whitespace().count() == 1 && !participant(&name) {
                    continue;
                }
                if owner && super::owners::name_of_address(&name).is_none() {
                    if name.split_whitespace().count() == 1 {
                        unsure.push((
                            name.clone(),
                            "a first name the recap gives no full name for".to_string(),
                        ));
                    } else if !recap.participants.is_empty()
                        && !participant(&name)
                        && text.matches(name.as_str()).count() < 2
                    {
                        // Written once, in the task alone, and no participant.
                        unsure.push((
                            name.clone(),
                            "named once, and none of the recap's participants".to_string(),
                        ));
                    }
                }
                directory.add(&name);
            }
        }
    }
    unsure.sort();
    unsure.dedup();
    unsure
}

/// people.toml with the new people appended, keeping its comments and order; written by the
/// caller with the meeting, all or none. Every value is written by toml_edit, so that no name
/// makes a table or a key of its own.
pub(super) fn people_file_with(root: &Path, added: &[Person], source: &Path) -> Result<Change> {
    let target = files::locate(root, Path::new(PEOPLE_FILE))?;
    let text = target.read_text(MAX_FILE_BYTES)?.unwrap_or_default();
    let mut document: toml_edit::DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| {
            let span = e.span().unwrap_or(0..0);
            Error::Content(vec![Diagnostic::error(
                Path::new(PEOPLE_FILE),
                &text,
                span,
                e.message().to_string(),
            )])
        })?;
    for (index, person) in added.iter().enumerate() {
        let mut table = toml_edit::Table::new();
        table["name"] = toml_edit::value(person.name.clone());
        if !person.aliases.is_empty() {
            table["aliases"] = toml_edit::value(toml_edit::Array::from_iter(
                person.aliases.iter().map(String::as_str),
            ));
        }
        if index == 0 {
            // The file name only: the comment should not depend on where the recap was saved.
            let name = source.file_name().map_or_else(
                || source.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let gap = if text.trim().is_empty() { "" } else { "\n" };
            table.decor_mut().set_prefix(format!(
                "{gap}# Added by `dossier import {}`.\n",
                one_line_comment(&name)
            ));
        } else {
            table.decor_mut().set_prefix("\n");
        }
        document.insert(&person.id, toml_edit::Item::Table(table));
    }
    Ok(Change {
        target,
        contents: document.to_string().into_bytes(),
        replace: true,
    })
}

/// `text` as it can stand in a TOML comment: a comment ends at the line's end and may hold no
/// control character, so line breaks (`\n`, `\r`, U+2028, U+2029) and control characters are
/// written as escapes (`\u{a}`) instead of ending it or making the file unreadable.
fn one_line_comment(text: &str) -> String {
    let mut safe = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            safe.extend(c.escape_unicode());
        } else {
            safe.push(c);
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_makes_no_slug_gets_an_id_that_people_toml_accepts() {
        let mut directory = Directory {
            people: People::default(),
            added: Vec::new(),
        };
        assert_eq!(directory.add("«»"), "person");
        assert_eq!(directory.add("—"), "person-2");
        let site = tempfile::tempdir().unwrap();
        let people = people_file_with(site.path(), &directory.added, Path::new("r.txt")).unwrap();
        files::write_all(&[people]).unwrap();
        let loaded = People::load(site.path()).unwrap();
        assert_eq!(loaded.get("person").map(|p| p.name.as_str()), Some("«»"));
        assert_eq!(loaded.get("person-2").map(|p| p.name.as_str()), Some("—"));
    }
}
