//! Who owns an action item, wherever a recap tool writes it: "(Name, Name)" at the end,
//! "Name to …", "Name will …", "[Name, Name] …", "Owner: Name", "@Name", "— Name", an e-mail
//! address. "Team", "the team", "all" and "everyone" name no person.

/// A task's text with its owners taken out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Owned {
    /// Names as written (an e-mail address becomes the name in it).
    pub owners: Vec<String>,
    /// The team, or everyone, was named as an owner.
    pub with_team: bool,
    /// The text without the owners, starting with a capital letter.
    pub text: String,
}

/// Verbs that end a list of owners at the start of an item: "Sam and Ana to …".
const LEADING_VERBS: &[&str] = &[
    "to ",
    "will ",
    "should ",
    "must ",
    "needs to ",
    "need to ",
    "agreed to ",
    "has to ",
    "have to ",
    "shall ",
    "owns ",
    "takes ",
    "is going to ",
    "are going to ",
    "volunteered to ",
    "offered to ",
    // Dutch, French, German: "Jan zal …", "Marie va …", "Marie s'occupe de …", "Jonas wird …".
    "zal ",
    "zullen ",
    "gaat ",
    "gaan ",
    "moet ",
    "moeten ",
    "neemt ",
    "va ",
    "vont ",
    "doit ",
    "doivent ",
    "s'occupe de ",
    "s’occupe de ",
    "se charge de ",
    "prend ",
    "wird ",
    "werden ",
    "soll ",
    "sollen ",
    "muss ",
    "kümmert sich um ",
    "übernimmt ",
];

/// A name as written, or the name inside an e-mail address ("ana.ferreira@x.com" → "Ana
/// Ferreira").
fn person_name(word: &str) -> Option<String> {
    let word = word
        .trim()
        .trim_matches(|c: char| c == '*' || c == '_' || c == '"' || c == '<' || c == '>');
    // "@Sam Peeters", as tl;dv writes an owner.
    let word = word.strip_prefix('@').unwrap_or(word);
    if name_of_address(word).is_some() {
        return Some(word.to_string());
    }
    let words: Vec<&str> = word.split_whitespace().collect();
    // "Pieter De Smet", "Anna van der Berg", "Jean de la Fontaine": particles inside a name.
    let particle = |w: &str| PARTICLES.contains(&w.to_lowercase().as_str());
    let plausible = (1..=5).contains(&words.len())
        && !words.iter().enumerate().any(|(i, w)| {
            // "NB" in capitals is someone's initials; "Nb:" or "nb" opens a note.
            let initials = words.len() == 1 && w.len() >= 2 && w.chars().all(char::is_uppercase);
            not_a_name(&w.to_lowercase()) && !(i > 0 && particle(w)) && !initials
        })
        && words.iter().enumerate().all(|(i, w)| {
            // "mevrouw Bosmans", "monsieur Dubois": a title in lower case before a surname.
            let title = i == 0 && words.len() > 1 && is_title(w);
            (w.chars().next().is_some_and(char::is_uppercase) || i > 0 && particle(w) || title)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
        })
        && words.last().is_some_and(|w| !particle(w))
        // "API-koppeling", "IT-manager": capitals run together before a word in lower case
        // make a compound noun; "DUPONT" and "McNeil" are names.
        && !words.iter().any(|w| compound_with_acronym(w))
        // "Orvanta AB" is a company; "AB" alone is Anna Becker's initials.
        && !(words.len() > 1 && words.last().is_some_and(|w| is_company_form(w)))
        && !names_a_date(word);
    plausible.then(|| word.to_string())
}

/// Whether `word` joins an acronym to a word in lower case ("API-koppeling", "OT-zone").
fn compound_with_acronym(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let capitals_together = chars
        .windows(2)
        .any(|pair| pair[0].is_uppercase() && pair[1].is_uppercase());
    capitals_together && chars.iter().any(|c| c.is_lowercase())
}

/// Whether `text` reads as a date at all: "Anfang Januar", "Ende November", "Next Friday",
/// "pour lundi".
fn names_a_date(text: &str) -> bool {
    // Whether it reads as a date at all; the day it would be is of no matter.
    let any_day = chrono::NaiveDate::default();
    !crate::import::deadlines::find(text, any_day, None).is_empty()
}

/// The name in an e-mail address ("ana.ferreira@x.com" → "Ana Ferreira"); `None` for text that
/// is not an address.
pub(crate) fn name_of_address(text: &str) -> Option<String> {
    let (local, domain) = text.split_once('@')?;
    if local.is_empty() || !domain.contains('.') || text.contains(char::is_whitespace) {
        return None;
    }
    let name: Vec<String> = local
        .split(['.', '_', '-'])
        .filter(|part| !part.is_empty() && !part.chars().any(|c| c.is_ascii_digit()))
        .map(capitalised)
        .collect();
    (!name.is_empty()).then(|| name.join(" "))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Sam, Ana and the team": the people, and whether the team was named. `None` when any part is
/// not a name, so that "(Dec 4-5)" or "Microsoft and Nokia to" are not owners.
pub(crate) fn name_list(text: &str) -> Option<(Vec<String>, bool)> {
    let parts: Vec<&str> = text
        .split([',', ';', '&', '/', '+'])
        .flat_map(|part| {
            // "and" in the four languages: "Jan en Els", "Marie et Paul", "Jonas und Lea".
            part.split(" and ")
                .flat_map(|p| p.split(" en "))
                .flat_map(|p| p.split(" et "))
                .flat_map(|p| p.split(" und "))
        })
        .map(|name| name.trim().trim_start_matches("and ").trim())
        // "Thomas (Corvana)": the company in brackets after a name is not the name; a word in
        // lower case there ("Transcript (fragment)") says the line is no name.
        .map(|name| match name.split_once(" (") {
            Some((name, aside))
                if aside.ends_with(')') && aside.starts_with(char::is_uppercase) =>
            {
                name.trim()
            }
            _ => name,
        })
        .filter(|name| !name.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    let mut names = Vec::new();
    let mut team = false;
    for part in parts {
        if is_team(part) {
            team = true;
        } else {
            names.push(person_name(part)?);
        }
    }
    Some((names, team))
}

/// As [`name_list`], where only names can stand (an owners' column, a list of attendees), and
/// also "Laura Van den Bossche Dries Wuyts": full names side by side with nothing between
/// them, as a page's name chips become text.
pub(crate) fn names_in_their_place(text: &str) -> Option<(Vec<String>, bool)> {
    name_list(text).or_else(|| run_of_full_names(text).map(|names| (names, false)))
}

/// Full names side by side: each a first name, its particles and one surname; `None` unless
/// the words split into such names and nothing is left.
fn run_of_full_names(text: &str) -> Option<Vec<String>> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 4 {
        return None;
    }
    let particle = |w: &str| PARTICLES.contains(&w.to_lowercase().as_str());
    let mut names = Vec::new();
    let mut start = 0;
    while start < words.len() {
        let mut end = start + 1;
        while end < words.len() && particle(words[end]) {
            end += 1;
        }
        let name = words.get(start..=end)?.join(" ");
        names.push(person_name(&name)?);
        start = end + 1;
    }
    Some(names)
}

/// Owners named by a bold or labelled line heading a group of items ("**Sam Peeters**",
/// "Ana:"), when the line is nothing but names.
pub(crate) fn group_heading(text: &str) -> Option<(Vec<String>, bool)> {
    let text = text
        .trim()
        .trim_matches('*')
        .trim()
        .trim_end_matches(':')
        .trim();
    if text.chars().count() > 60 {
        return None;
    }
    name_list(text)
}

/// "niet Koen maar ikzelf neem de testplanning op", "pas Marc mais Julie", "not Koen but Els",
/// "nicht Herr Adam, sondern ich": the one named before the contrast is the one who does not
/// do it; the text without them.
fn without_the_one_not_doing_it(text: &str) -> String {
    static CONTRAST: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i:\b(?:niet|pas|not|nicht)\s+)(?:(?i:herr|frau|mevrouw|meneer|madame|monsieur|mr\.?|ms\.?)\s+)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)?\s*,?\s+(?i:maar|mais|but|sondern)\s+",
        )
        .ok()
    });
    match CONTRAST.as_ref() {
        Some(contrast) => contrast.replace(text, "").into_owned(),
        None => text.to_string(),
    }
}

/// "Mijn collega Koen Lambrechts voorziet …", "Ma collègue Julie envoie …", "Our colleague
/// Sam sends …": the name the sentence opens with, once the words that say who they are go.
fn without_colleague_before_name(owned: &mut Owned) {
    static COLLEAGUE: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^(?i:mijn|onze|ons|my|our|mon|ma|notre|mein|meine|unser|unsere)\s+(?i:collega|collegas|collègue|collegue|colleague|kollege|kollegin)\s+(\p{Lu})",
        )
        .ok()
    });
    let Some(caps) = COLLEAGUE.as_ref().and_then(|re| re.captures(&owned.text)) else {
        return;
    };
    if let Some(name) = caps.get(1) {
        owned.text = owned.text[name.start()..].to_string();
    }
}

/// Takes the owners out of an action item. `@Name` names an owner where the layout writes
/// owners that way (`read_mentions`) or where the recap names that person; elsewhere an `@`
/// is text.
pub(crate) fn task_owners(item: &str, read_mentions: bool, known: &Gazetteer) -> Owned {
    let mut owned = Owned {
        text: item.trim().to_string(),
        ..Owned::default()
    };
    owned.text = without_the_one_not_doing_it(&owned.text);
    without_colleague_before_name(&mut owned);
    bracketed_names(&mut owned);
    labelled_owners(&mut owned);
    mentions(&mut owned, read_mentions, known);
    trailing_parentheses(&mut owned);
    dash_columns(&mut owned, known);
    trailing_dash_name(&mut owned, known);
    trailing_sentence_names(&mut owned, known);
    if owned.owners.is_empty() && !owned.with_team {
        trailing_colon_names(&mut owned, known);
    }
    if owned.owners.is_empty() && !owned.with_team {
        leading_dash_names(&mut owned, known);
    }
    if owned.owners.is_empty() && !owned.with_team {
        leading_names(&mut owned);
    }
    if owned.owners.is_empty() && !owned.with_team {
        leading_known_names(&mut owned, known);
    }
    if owned.owners.is_empty() && !owned.with_team {
        leading_first_name(&mut owned, known);
    }
    if owned.owners.is_empty() && !owned.with_team {
        inner_parentheses(&mut owned, known);
    }
    if owned.owners.is_empty() && !owned.with_team {
        introduced_known_names(&mut owned, known);
    }

    owned.text = capitalised(
        owned
            .text
            .trim()
            .trim_start_matches([':', '-', '–', '—'])
            .trim(),
    );
    owned
}

/// Whether `text` opens with an owner's label ("**Who:** Elliot, Nadia").
pub(crate) fn starts_with_owner_label(text: &str) -> bool {
    owner_label(text).is_some_and(|(at, _)| {
        text[..at]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .is_empty()
    })
}

/// Whether `text` names its owner after a label ("Wie: Hilde Maes", "Responsable : Kevin").
pub(crate) fn has_labelled_owner(text: &str) -> bool {
    let mut owned = Owned {
        text: text.to_string(),
        ..Owned::default()
    };
    labelled_owners(&mut owned);
    !owned.owners.is_empty() || owned.with_team
}

fn add(owned: &mut Owned, (names, team): (Vec<String>, bool)) {
    for name in names {
        if !owned.owners.contains(&name) {
            owned.owners.push(name);
        }
    }
    owned.with_team |= team;
}

/// "[Sam, Ana] Send the deck", as Gemini writes next steps.
fn bracketed_names(owned: &mut Owned) {
    let Some(rest) = owned.text.strip_prefix('[') else {
        return;
    };
    let Some(close) = rest.find(']') else { return };
    // "[Someone in Leeds-Boardroom-3]": Gemini could not tell who; nobody is named.
    let inside = rest[..close].trim().to_lowercase();
    let someone = ["someone", "iemand", "quelqu'un", "quelqu’un", "jemand"]
        .iter()
        .any(|word| inside.starts_with(word));
    if someone {
        owned.text = rest[close + 1..].to_string();
        return;
    }
    if let Some(list) = name_list(&rest[..close]) {
        let after = rest[close + 1..].to_string();
        add(owned, list);
        owned.text = after;
    }
}

/// "@Sam", "@ana.ferreira" and "@Nina Petrova": mentions, as Markdown notes and Loop write
/// owners. A mention of more than one word is taken whole when the recap names that person.
fn mentions(owned: &mut Owned, read_mentions: bool, known: &Gazetteer) {
    if !owned.text.contains('@') {
        return;
    }
    let words: Vec<&str> = owned.text.split(' ').collect();
    let mut kept = Vec::new();
    let mut found = Vec::new();
    let mut i = 0;
    let mut after_mention = false;
    while i < words.len() {
        let word = words[i];
        let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
        let Some(name) = bare
            .strip_prefix('@')
            .filter(|name| name.chars().next().is_some_and(char::is_alphabetic))
        else {
            // "@Dries & @Sarah": the word between two mentions goes with them.
            let joins = is_conjunction(word)
                && after_mention
                && words.get(i + 1).is_some_and(|next| next.starts_with('@'));
            if !joins {
                kept.push(word);
            }
            after_mention = false;
            i += 1;
            continue;
        };
        after_mention = true;
        let mut run = vec![name];
        run.extend(words[i + 1..].iter().take(3).copied());
        match known.longest_at(&run) {
            Some(n) => {
                let name = run[..n].join(" ");
                found.push(name.trim_end_matches([',', '.', ';', ':', ')']).to_string());
                i += n;
            }
            None if read_mentions => {
                found.push(name.to_string());
                i += 1;
            }
            None => {
                kept.push(word);
                i += 1;
            }
        }
    }
    if !found.is_empty() {
        let text = kept.join(" ");
        add(owned, (found, false));
        owned.text = text;
    }
}

/// "… before the deadline. (Manon, Robbie and the team)".
fn trailing_parentheses(owned: &mut Owned) {
    let text = owned.text.trim_end().trim_end_matches('.');
    let Some(inner) = text.strip_suffix(')') else {
        return;
    };
    let Some(open) = inner.rfind('(') else { return };
    if let Some(list) = name_list(&inner[open + 1..]) {
        let before = inner[..open].trim_end().to_string();
        add(owned, list);
        owned.text = before;
    }
}

/// "… doorsturen (Wouter) – tegen vrijdag": parentheses in the middle that hold only names the
/// recap gives.
fn inner_parentheses(owned: &mut Owned, known: &Gazetteer) {
    let Some(open) = owned.text.find('(') else {
        return;
    };
    let Some(close) = owned.text[open..].find(')').map(|at| open + at) else {
        return;
    };
    let Some((names, team)) = name_list(&owned.text[open + 1..close]) else {
        return;
    };
    if !names.iter().all(|name| known.knows(name)) {
        return;
    }
    let text = format!(
        "{} {}",
        owned.text[..open].trim_end(),
        owned.text[close + 1..].trim_start()
    );
    add(owned, (names, team));
    owned.text = text.trim().to_string();
}

/// "Ben Adeyemi – Send the rate limits", as Fathom writes an owner before an item; "EM ->
/// voorstel …", as notes typed during a meeting point from the owner to the action.
fn leading_dash_names(owned: &mut Owned, known: &Gazetteer) {
    for dash in [" – ", " — ", " - ", " -> ", " → ", " => "] {
        let Some((head, rest)) = owned.text.split_once(dash) else {
            continue;
        };
        if let Some(list) = name_list(head).filter(|(names, team)| {
            *team
                || names
                    .iter()
                    .all(|n| n.split_whitespace().count() >= 2 || known.knows(n))
        }) {
            let rest = rest.trim().to_string();
            add(owned, list);
            owned.text = rest;
            return;
        }
    }
}

/// A sentence that opens with something else before its subject: "Comme convenu, Jérôme vous
/// enverra …", "As agreed, Jef will send …", or, as Dutch and German put the verb second,
/// "Zoals afgesproken bezorgt Jef …", "Bis Freitag schickt Frau Weber …". The names are
/// ones the recap gives; the sentence stays as it is.
/// So does a label before the sentence: "Hersteltest: Lotte Peeters plant …".
fn introduced_known_names(owned: &mut Owned, known: &Gazetteer) {
    let text = owned.text.clone();
    let opening = [", ", ": "]
        .iter()
        .filter_map(|separator| text.split_once(separator))
        .min_by_key(|(intro, _)| intro.len());
    if let Some((intro, rest)) = opening {
        // "Griet, jij zou nog navragen …": the person spoken to.
        const YOU: &[&str] = &[
            "jij",
            "je",
            "u",
            "tu",
            "vous",
            "du",
            "sie",
            "you",
            "could",
            "can",
            "would",
            "peux-tu",
            "pourrais-tu",
            "pourriez-vous",
            "pouvez-vous",
            "kun",
            "kan",
            "zou",
            "wil",
            "kannst",
            "könntest",
            "könnten",
            "können",
        ];
        // "Mehdi, peux-tu …": a first name the recap gives nowhere else is still the one asked.
        let a_name = known.longest_at(&[intro]).is_some()
            || !intro.contains(' ') && person_name(intro).is_some();
        let spoken_to = a_name
            && rest
                .split(' ')
                .next()
                .is_some_and(|w| YOU.contains(&w.to_lowercase().as_str()));
        if spoken_to {
            add(owned, (vec![intro.to_string()], false));
            return;
        }
        if (1..=6).contains(&intro.split_whitespace().count()) {
            let mut after = Owned {
                text: rest.to_string(),
                ..Owned::default()
            };
            leading_known_names(&mut after, known);
            if after.owners.is_empty() {
                // "Zodra we een naam hebben, plant Jef het overleg in."
                verb_then_known_name(&mut after, known, 1);
            }
            if !after.owners.is_empty() {
                add(owned, (after.owners, false));
                return;
            }
        }
    }
    verb_then_known_name(owned, known, 2);
}

/// A name the recap gives right after a verb conjugated as Dutch and German conjugate one
/// person's ("bezorgt", "schickt"), the name at word `from` or later (up to the sixth): the
/// verb second, after what opens the sentence.
fn verb_then_known_name(owned: &mut Owned, known: &Gazetteer, from: usize) {
    let text = owned.text.clone();
    let words: Vec<&str> = text.split(' ').collect();
    for at in from..words.len().min(6) {
        // The verb second, conjugated as a Dutch or German verb of one person is ("bezorgt",
        // "schickt"), right before the name; no preposition ("to", "met", "mit") is that.
        let verb = words[at - 1];
        let conjugated = verb.chars().count() >= 4
            && verb.ends_with('t')
            && verb.chars().all(char::is_lowercase);
        if !conjugated {
            continue;
        }
        // "Auf dieser Grundlage erstellt Kavenor bis KW 51 …": a company the recap names owes
        // it as the team.
        let company = words[at].trim_end_matches([',', ':']);
        if company.chars().next().is_some_and(char::is_uppercase) && known.is_company(company) {
            owned.with_team = true;
            return;
        }
        let Some(n) = known.longest_at(&words[at..]) else {
            continue;
        };
        let lower_after = words
            .get(at + n)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
        if lower_after {
            let name = words[at..at + n].join(" ");
            add(
                owned,
                (vec![name.trim_end_matches([',', ':']).to_string()], false),
            );
            return;
        }
    }
}

/// "Yves transmettra …", "Sofie en Jan nemen …": names the recap gives, in front of a word in
/// lower case, whatever the verb.
fn leading_known_names(owned: &mut Owned, known: &Gazetteer) {
    let words: Vec<&str> = owned.text.split(' ').collect();
    let mut names = Vec::new();
    let mut i = 0;
    while let Some(n) = known.longest_at(&words[i..]) {
        names.push(
            words[i..i + n]
                .join(" ")
                .trim_end_matches([',', ':'])
                .to_string(),
        );
        i += n;
        if words.get(i).is_some_and(|w| is_conjunction(w)) {
            i += 1;
        }
    }
    let verb_follows = words
        .get(i)
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    if names.is_empty() || !verb_follows {
        return;
    }
    let rest = words[i..].join(" ");
    add(owned, (names, false));
    owned.text = rest;
}

/// "Bram bevestigt maandag …", "Maxime partagera le rapport …", "Sven Hartmann koordiniert …":
/// a name the recap does not list, then a verb that says what they will do. The first word is
/// one the text never writes as a common word, so "Angebot folgt" has no owner.
fn leading_first_name(owned: &mut Owned, known: &Gazetteer) {
    let words: Vec<&str> = owned.text.split(' ').collect();
    let particle = |w: &str| PARTICLES.contains(&w);
    let Some(verb_at) = (1..words.len().min(5))
        .find(|&i| words[i].chars().next().is_some_and(char::is_lowercase) && !particle(words[i]))
    else {
        return;
    };
    let name = words[..verb_at].join(" ");
    // "Jan deelt" alone may be January's abbreviation; "Jan Peeters deelt" is not.
    let month = verb_at == 1 && crate::import::deadlines::is_month_name(words[0]);
    let plausible = known.language().is_verb_of_action(words[verb_at])
        && known.may_be_first_name(words[0])
        && !month
        && person_name(&name).is_some();
    if !plausible {
        return;
    }
    let rest = words[verb_at..].join(" ");
    add(owned, (vec![name], false));
    owned.text = rest;
}

/// "and", "en", "et", "und", "&", "+": the word between two names of one list.
fn is_conjunction(word: &str) -> bool {
    ["and", "en", "et", "und", "&", "+"].contains(&word.to_lowercase().as_str())
}

/// "Sam to send …", "Sam and Ana will …", "Team to …".
fn leading_names(owned: &mut Owned) {
    let lower = owned.text.to_lowercase();
    let verb = LEADING_VERBS
        .iter()
        .filter_map(|verb| lower.find(&format!(" {verb}")).map(|at| (at, *verb)))
        .min_by_key(|(at, _)| *at);
    let Some((at, verb)) = verb else { return };
    if at == 0 || at > 80 {
        return;
    }
    let Some(list) = name_list(&owned.text[..at]) else {
        return;
    };
    // "to send" and "will send" both leave "send"; "owns" and "takes" stay as the verb.
    let keep_verb = matches!(
        verb,
        "owns " | "takes " | "neemt " | "prend " | "übernimmt "
    );
    let rest_start = if keep_verb {
        at + 1
    } else {
        at + 1 + verb.len()
    };
    let rest = owned.text[rest_start..].to_string();
    add(owned, list);
    owned.text = rest;
}

mod attendees;
mod labels;
mod names;
mod not_names;
mod teams;
mod trailing;
pub(crate) use attendees::{attendee_companies, attendee_names, mail_domains};
use labels::labelled_owners;
pub(crate) use labels::owner_label;
pub(crate) use labels::OWNER_FIELDS;
pub(crate) use names::{
    full_name_for, is_title, named_with_initials, repeated_full_names, stands_for, Gazetteer,
};
use names::{not_a_name, PARTICLES};
pub(crate) use teams::{companies_by_legal_form, companies_in_asides};
use teams::{is_company_form, is_team};
use trailing::{
    dash_columns, names_then_deadline, trailing_colon_names, trailing_dash_name,
    trailing_sentence_names,
};

#[cfg(test)]
mod tests;
