//! Who owns a task without being a person: a team ("het Lumeco-team", "l'équipe
//! dispatch"), a department ("Support Orvanta") or a company ("Corvana Systems", "Brantix NV").

use super::names::is_title;

/// Whether `name` is a team, a department or a company rather than a person.
pub(super) fn is_team(name: &str) -> bool {
    let name = name.trim().trim_start_matches("the ").trim();
    // "Ridgeline team", "het Lumeco-team", "l'équipe Lumeco", "das Projektteam".
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    // "Servicedesk Velthem", "Support Orvanta", "de helpdesk": a department, not a person.
    const DEPARTMENTS: &[&str] = &[
        "servicedesk",
        "service desk",
        "helpdesk",
        "support",
        "boekhouding",
        "comptabilité",
        "buchhaltung",
        "finance",
        "legal",
        "juridique",
        "aankoop",
        "achats",
        "einkauf",
    ];
    let department =
        |w: &&str| DEPARTMENTS.contains(w) || w.ends_with("team") || w.ends_with("abteilung");
    let named_team = words.len() <= 3
        && (words
            .last()
            .is_some_and(|w| department(w) || *w == "équipe")
            || words
                .first()
                .is_some_and(|w| ["l'équipe", "l’équipe", "team"].contains(w) || department(w)));
    if named_team {
        return true;
    }
    // "Corvana Systems", "Corvana Academy", "Brantix NV": a company or one of its parts.
    if is_company(name, &words) {
        return true;
    }
    matches!(
        name.to_lowercase().as_str(),
        "team"
            | "the team"
            | "all"
            | "everyone"
            | "everybody"
            | "both"
            | "we"
            | "us"
            | "nous"
            | "wij"
            | "we zelf"
            | "wir"
            | "all of us"
            | "whole team"
            | "account team"
            | "het team"
            | "iedereen"
            | "l'équipe"
            | "l’équipe"
            | "équipe"
            | "tous"
            | "tout le monde"
            | "das team"
            | "the group"
            | "group"
            | "de groep"
            | "groep"
            | "le groupe"
            | "groupe"
            | "die gruppe"
            | "gruppe"
            | "alle"
    )
}

/// "Corvana Systems", "Brantix NV", "Groupe Ardelis", "Zorggroep Denderstreek": a company or
/// one of its parts, by its last word or its first; `words` are `name`'s in lower case.
fn is_company(name: &str, words: &[&str]) -> bool {
    // A name is capitalised: "Send pricing for Autopilot services" is a task, not a company.
    let capitalised = name.split_whitespace().rev().skip(1).all(|word| {
        word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || [
                "de", "van", "der", "den", "du", "des", "la", "le", "&", "and", "und", "en", "et",
            ]
            .contains(&word)
    });
    let company = words.len() >= 2
        && capitalised
        && words
            .last()
            .is_some_and(|w| is_company_form(w) || COMPANY_NOUNS.contains(w));
    // "Groupe Ardelis", "Gruppe Hartmann", "Groep Vandamme": a group of companies.
    // "Zorggroep Denderstreek", "Bauunternehmensgruppe Hartmann": the same, in one word.
    let group = words.len() >= 2
        && ["groupe", "group", "groep", "gruppe"]
            .iter()
            .any(|noun| words[0].ends_with(noun))
        && capitalised;
    company || group
}

/// Words that end a company's or an institution's name ("Corvana Systems", "Lumeco Group"),
/// never a person's.
const COMPANY_NOUNS: &[&str] = &[
    "systems",
    "solutions",
    "group",
    "groep",
    "groupe",
    "gruppe",
    "consulting",
    "services",
    "software",
    "technologies",
    "networks",
    "logistics",
    "logistiek",
    "logistique",
    "academy",
    "holding",
    "partners",
    "labs",
    "industries",
    "international",
];

/// The companies a text names with their legal form ("Tolvane IT Services SA" in a
/// signature, "Solvimo SA" in a title), without it: an owner of that name is no person. The
/// form counts only as such companies write it ("SA", "GmbH"), never as a word of a sentence
/// ("sa", "as", "co").
pub(crate) fn companies_by_legal_form(text: &str) -> Vec<String> {
    let mut companies = Vec::new();
    for line in text.lines() {
        let raw: Vec<&str> = line.split_whitespace().collect();
        let words: Vec<&str> = raw
            .iter()
            .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '&'))
            .collect();
        for (at, form) in words.iter().enumerate() {
            // "Dries Coppens (SA, Kernwerk)": a role in brackets after a name, not its form.
            let apart = raw[at].starts_with(['(', '['])
                || at > 0 && raw[at - 1].ends_with([')', ']', ',', ';']);
            let written_as_form = !apart
                && form.chars().count() >= 2
                && (form.chars().all(|c| c.is_uppercase())
                    || ["GmbH", "Ltd", "Inc", "Corp", "Sàrl", "SàRL"].contains(form));
            if !written_as_form || !is_company_form(form) {
                continue;
            }
            let name: Vec<&str> = words[..at]
                .iter()
                .rev()
                .take(3)
                .take_while(|word| word.chars().next().is_some_and(char::is_uppercase))
                .copied()
                .collect();
            if let Some(first) = name.last() {
                let company = name.iter().rev().copied().collect::<Vec<_>>().join(" ");
                if !is_title(first) && !companies.contains(&company) {
                    companies.push(company);
                }
            }
        }
    }
    companies
}

/// The companies a text names in brackets after someone's name, in its prose as in its lists:
/// "Mehdi El Amrani (Datavance)", "Thomas (Corvana)": one capitalised word. An aside in
/// capitals alone ("(CFO)", "(IT)") is a role.
pub(crate) fn companies_in_asides(text: &str) -> Vec<String> {
    let mut companies: Vec<String> = Vec::new();
    for (open, _) in text.match_indices(" (") {
        // One word, read only as far as it goes: "Notetaker (Joris Van Acker)" names a person
        // in its brackets, and a bracket never closed costs no scan to the text's end.
        let inner = text[open + 2..].trim_start();
        let length = inner
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(inner.len());
        let (aside, after) = inner.split_at(length);
        if !after.trim_start().starts_with(')') {
            continue;
        }
        let after_a_name = text[..open]
            .split_whitespace()
            .next_back()
            .is_some_and(|word| word.starts_with(char::is_uppercase) && !is_title(word));
        let a_name = aside.chars().count() >= 3 && aside.starts_with(char::is_uppercase);
        let a_role = aside.chars().all(|c| c.is_uppercase());
        // "Jullie (Thomas)" where the recap writes "Thomas Reyniers": a first name.
        let a_first_name = || {
            text.match_indices(aside).any(|(at, _)| {
                text[at + aside.len()..]
                    .strip_prefix(' ')
                    .is_some_and(|rest| rest.starts_with(char::is_uppercase))
            })
        };
        if after_a_name
            && a_name
            && !a_role
            && !companies.iter().any(|known| known == aside)
            && !a_first_name()
        {
            companies.push(aside.to_string());
        }
    }
    companies
}

/// "Orvanta SA", "Brantix NV", "Müller GmbH": the legal form that ends a company's name.
pub(super) fn is_company_form(word: &str) -> bool {
    const FORMS: &[&str] = &[
        "sa", "nv", "bv", "bvba", "srl", "sprl", "sc", "scrl", "cv", "vzw", "asbl", "gmbh", "ag",
        "kg", "ltd", "inc", "llc", "plc", "corp", "co", "ab", "as", "oy", "spa", "sas", "sarl",
    ];
    FORMS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}
