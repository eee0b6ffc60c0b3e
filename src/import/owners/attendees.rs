//! Who a recap's attendee lists and mail headers name: the people, without their roles,
//! companies or addresses, and the companies they name beside them.

use super::names::{fold, is_title};
use super::*;

/// Attendees as a recap lists them: "Ana Ferreira (Contoso), @Bo Li – architect; Sam
/// <sam@x.com>": the names, without company, role, address or mention sign.
pub(crate) fn attendee_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let text = surname_first_addresses(text);
    let text = [" and ", " en ", " et ", " und ", " @"]
        .iter()
        .fold(text, |text, word| text.replace(word, ", "));
    for part in text.split([',', ';', '\n', '·', '|']) {
        let mut part = part
            .trim()
            .trim_start_matches(['-', '*', '•', '@'])
            .replace("[[", "")
            .replace("]]", "")
            .trim()
            .to_string();
        // "Name (Company)", "Name <address>", "Name – role".
        for open in ['(', '<', '['] {
            if let Some(at) = part.find(open) {
                let address = part[at..].trim_matches(['<', '>', ' ']).to_string();
                part.truncate(at);
                if part.trim().is_empty() {
                    if let Some(name) = name_of_address(&address) {
                        part = name;
                    }
                }
            }
        }
        for dash in [" – ", " — ", " - "] {
            if let Some(at) = part.find(dash) {
                // "Wout (delivery lead) – Wout Peeters": the display name, then the full one.
                part = match fuller_name(&part[..at], &part[at + dash.len()..]) {
                    Some(full) => full,
                    None => part[..at].to_string(),
                };
            }
        }
        let part = part.trim().trim_matches(['"', '\'', '*', '_']).trim();
        let part = part.strip_prefix('@').unwrap_or(part);
        // "Pour l'Étude : Me Anne Lefèvre", "Voor Orvanta: Jan": the side's label goes.
        let part = match part.rsplit_once(':') {
            // "**Présents :** Mme Caroline Delhaye": the label's bold goes with it.
            Some((_, name)) if !name.trim().is_empty() => {
                name.trim().trim_matches(['"', '\'', '*', '_']).trim()
            }
            _ => part,
        };
        // "M. Gérard Wilmotte", "Me Anne Lefèvre": the person, without the title.
        let part = match part.split_once(' ') {
            Some((title, rest)) if is_title(title) && rest.split_whitespace().count() >= 2 => rest,
            _ => part,
        };
        let as_address = name_of_address(part);
        let name = as_address.or_else(|| person_name(part));
        let role = |name: &str| {
            ROLES.contains(&fold(name).as_str())
                || fold(name)
                    .split([' ', '-'])
                    .any(|word| JOB_WORDS.contains(&word))
        };
        if let Some(name) = name.filter(|n| !is_team(n) && !role(n)) {
            names.push(name);
        } else if let Some(run) = run_of_full_names(part) {
            names.extend(run.into_iter().filter(|n| !role(n)));
        }
    }
    names
}

/// The full name after a dash that writes out the name before it: "Wout" – "Wout Peeters",
/// "@Lien" – "Lien Claes", as a chat's display name is followed by whom it stands for.
fn fuller_name(short: &str, after: &str) -> Option<String> {
    let short = short.trim().trim_start_matches('@');
    let first = short.split_whitespace().next()?;
    let full = person_name(after.trim())?;
    (full.split_whitespace().count() >= 2
        && full.split_whitespace().next() == Some(first)
        && full.len() > short.len())
    .then_some(full)
}

/// The companies an attendee list names: "Ana Ferreira (Contoso)", "Pour Orvanta : Véronique
/// Dumont", "Voor Brantix: Jan", without their legal form ("Brantix NV" → "Brantix").
pub(crate) fn attendee_companies(text: &str) -> Vec<String> {
    let mut companies = Vec::new();
    // "(achats) – Benoît Lambert, …": a person after a dash is none of the companies.
    let people = attendee_names(text);
    let mut add = |candidate: &str| {
        let words: Vec<&str> = candidate
            .split_whitespace()
            .filter(|w| !super::is_company_form(w))
            .collect();
        let company = words.join(" ");
        let capitalised = words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        // "Koen Lambrechts (KL)": initials in brackets are the person's, not a company.
        let initials = words.len() == 1
            && (2..=4).contains(&company.chars().count())
            && company.chars().all(char::is_uppercase);
        let plausible = (1..=3).contains(&words.len())
            && capitalised
            && !initials
            && !people.contains(&company)
            && !company.chars().any(|c| c.is_ascii_digit() || c == '@')
            && !ROLES.contains(&fold(&company).as_str());
        if plausible && !companies.contains(&company) {
            companies.push(company);
        }
    };
    // "Caroline Delhaye (directrice administrative, Solvimo)": each part of what the brackets
    // hold, the role among them too, which is no company by its lower case or its words.
    let bracketed = text
        .split('(')
        .skip(1)
        .filter_map(|rest| rest.split_once(')').map(|(inside, _)| inside));
    for inside in bracketed {
        for piece in inside.split([',', ';']) {
            add(piece.trim());
        }
    }
    for part in text.split([',', ';', '\n', '·', '|']) {
        // "Koen Lambrechts (KL) – Sentryx Networks": the company after the name's dash.
        if let Some((before, after)) = part.split_once(" – ").or_else(|| part.split_once(" - ")) {
            let job = fold(after)
                .split([' ', '-'])
                .any(|w| JOB_WORDS.contains(&w));
            let before = before.split(['(', '<']).next().unwrap_or_default();
            if !job && fuller_name(before, after).is_none() {
                add(after.trim());
            }
        }
        let side = part
            .split_once(':')
            .map(|(label, _)| label.trim())
            .and_then(|label| {
                ["pour ", "voor ", "for ", "für ", "van ", "de ", "von "]
                    .iter()
                    .find_map(|word| {
                        label
                            .to_lowercase()
                            .starts_with(word)
                            .then(|| &label[word.len()..])
                    })
            });
        if let Some(company) = side {
            add(company.trim_start_matches("l'").trim_start_matches("l’"));
        }
    }
    companies
}

/// The companies of the mail addresses in `text`: the part of each domain before its ending,
/// as written ("sofie.vandamme@hofterlo-zorg.be" gives "hofterlo-zorg"), unless it is a mail
/// provider's.
pub(crate) fn mail_domains(text: &str) -> Vec<String> {
    let mut domains = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || "<>,;()".contains(c)) {
        let Some((_, domain)) = word.split_once('@') else {
            continue;
        };
        let labels: Vec<&str> = domain.split('.').collect();
        let Some(company) = labels
            .len()
            .checked_sub(2)
            .map(|i| labels[i].to_lowercase())
        else {
            continue;
        };
        if company.len() >= 3
            && !MAIL_PROVIDERS.contains(&company.as_str())
            && !domains.contains(&company)
        {
            domains.push(company);
        }
    }
    domains
}

/// Domains of mail that say nothing of the sender's company.
const MAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "live",
    "yahoo",
    "icloud",
    "proton",
    "protonmail",
    "telenet",
    "skynet",
    "proximus",
    "gmx",
    "web",
    "orange",
    "free",
    "zoom",
    "webex",
    "teams",
    "microsoft",
    "google",
    "example",
];

/// What attendee lists say after a name ("Ana Ferreira · Organizer"), folded.
const ROLES: &[&str] = &[
    "organizer",
    "organiser",
    "host",
    "co-host",
    "presenter",
    "required",
    "optional",
    "guest",
    "organisator",
    "gastheer",
    "presentator",
    "vereist",
    "optioneel",
    "gast",
    "organisateur",
    "hote",
    "presentateur",
    "obligatoire",
    "facultatif",
    "invite",
    "moi-meme",
    "organisatorin",
    "moderator",
    "erforderlich",
    "gastgeber",
];

/// Words of a job title written beside a name in an attendee list ("Leitung Konstruktion",
/// "IT-Leitung", "Account Manager"), folded: no part of a name.
const JOB_WORDS: &[&str] = &[
    "leitung",
    "leiter",
    "leiterin",
    "manager",
    "director",
    "directeur",
    "directrice",
    "head",
    "lead",
    "architect",
    "architekt",
    "engineer",
    "consultant",
    "einkauf",
    "vertrieb",
    "verantwoordelijke",
    "responsable",
    "chef",
    "hoofd",
    "sales",
    "it",
];

/// Outlook writes recipients surname first: "Vogt, Matthias <matthias.vogt@…>; Albers, Frank
/// Dr. <…>". Each such name is turned to "Matthias Vogt", without its title, so that the comma
/// inside it does not make two people of one.
fn surname_first_addresses(text: &str) -> String {
    static PATTERN: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    // "Hofbauer Verena <verena.hofbauer@…>", as Outlook shows names in Austria and Germany:
    // swapped where the address writes them the other way round.
    static WITHOUT_COMMA: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(pattern) = PATTERN
        .get_or_init(|| regex::Regex::new(r"([^,;<>:]+),\s*([^,;<>:]+?)\s*(<[^>]+>)").ok())
        .as_ref()
    else {
        return text.to_string();
    };
    let text = match WITHOUT_COMMA
        .get_or_init(|| {
            regex::Regex::new(r"\b(\p{Lu}[\p{L}'-]+) (\p{Lu}[\p{L}'-]+)\s*(<[^>]+>)").ok()
        })
        .as_ref()
    {
        Some(two_words) => two_words
            .replace_all(text, |caps: &regex::Captures| {
                let swapped = format!("{} {}", &caps[2], &caps[1]);
                if address_writes(&caps[3], &swapped) {
                    format!("{swapped} {}", &caps[3])
                } else {
                    caps[0].to_string()
                }
            })
            .into_owned(),
        None => text.to_string(),
    };
    pattern
        .replace_all(&text, |caps: &regex::Captures| {
            let (surname, given, address) = (caps[1].trim(), caps[2].trim(), &caps[3]);
            let given: Vec<&str> = given.split_whitespace().filter(|w| !is_title(w)).collect();
            let written = format!("{} {surname}", given.join(" "));
            // Only where the address says the same name: "Team, Sales <sales@…>" stays.
            if address_writes(address, &written) {
                format!("{written} {address}")
            } else {
                caps[0].to_string()
            }
        })
        .into_owned()
}

/// Whether the mail address `<…>` writes `name`: "jana.krueger@…" is how an address writes
/// Jana Krüger.
fn address_writes(address: &str, name: &str) -> bool {
    let loose = |name: &str| {
        fold(name)
            .replace("ue", "u")
            .replace("oe", "o")
            .replace("ae", "a")
    };
    name_of_address(address.trim_matches(['<', '>']))
        .is_some_and(|from_address| loose(&from_address) == loose(name))
}

impl Gazetteer {
    /// `text` with the people it names surname first, as a directory lists them ("Claes, Wim"),
    /// named as the recap names them elsewhere ("Wim Claes").
    pub(crate) fn in_name_order(&self, text: &str) -> String {
        let mut text = text.to_string();
        for name in self.names() {
            if let Some((first, last)) = name.split_once(' ') {
                let reversed = format!("{last}, {first}");
                if text.contains(&reversed) {
                    text = text.replace(&reversed, name);
                }
            }
        }
        text
    }
}
