//! The names a recap gives of people: who took part (its attendee lists and mail headers,
//! the `Gazetteer` owners are matched against first), the full names it writes, and the one
//! full name a lone first name stands for.

pub(super) use super::not_names::not_a_name;
use super::*;

/// The names the recap itself gives: who took part, who was invited, who the e-mail went to.
/// An owner written by first name is matched against them first, an item that opens with one
/// of them ("Yves transmettra le contrat") is theirs, and "@Nina Petrova" is one mention.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Gazetteer {
    /// Full names as written, without duplicates: who took part.
    names: Vec<String>,
    /// Full names the text writes more than once, which may be people or companies: known
    /// where an item opens with them, never listed as participants.
    seen: Vec<String>,
    /// Companies the attendee lists name ("Ana (Orvanta)", "Pour Orvanta : …"): an owner of
    /// that name is a team, not a person.
    companies: Vec<String>,
    /// The parts of the recap's title that may name companies ("Transport Maesschalck x
    /// Tessaro"): a company unless the recap names a person so.
    title_parts: Vec<String>,
    /// The companies of the recap's mail addresses, squashed ("hofterlozorg"): "Hof ter Lo"
    /// is the company whose domain its letters begin.
    domains: Vec<String>,
    /// Words the text writes in lower case or after an article ("das Angebot", "de offerte"),
    /// folded: nouns and verbs, never someone's first name.
    common_words: std::collections::HashSet<String>,
    /// The recap's language, whose verbs tell a lone first name from a noun.
    language: crate::import::language::Language,
}

impl Gazetteer {
    pub(crate) fn add(&mut self, name: &str) {
        let name = name.trim();
        if !name.is_empty() && !self.names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            self.names.push(name.to_string());
        }
    }

    pub(crate) fn add_seen(&mut self, name: &str) {
        if !self.seen.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            self.seen.push(name.to_string());
        }
    }

    pub(crate) fn add_company(&mut self, company: &str) {
        let company = fold(company);
        if !company.is_empty() && !self.companies.contains(&company) {
            self.companies.push(company);
        }
    }

    pub(crate) fn add_domain(&mut self, domain: &str) {
        let squashed = squash(domain);
        if !squashed.is_empty() && !self.domains.contains(&squashed) {
            self.domains.push(squashed);
        }
    }

    /// The sides of a title that name who met ("Kaasmakerij Ter Walle – kwartaaloverleg",
    /// "Transport Maesschalck x Tessaro | opvolging"): a few capitalised words each.
    pub(crate) fn add_title(&mut self, title: &str) {
        // "TR: Résumé de réunion pour « Logistique Hennuyère – revue T4 »": what the quotes
        // hold, after any reply or forward mark.
        let title = title
            .split_once(['«', '“', '"'])
            .map_or(title, |(_, quoted)| quoted);
        let mut title = title.trim();
        while let Some((mark, rest)) = title.split_once(':') {
            let mark = mark.trim().to_lowercase();
            if !["re", "fw", "fwd", "tr", "aw", "wg", "antw", "doorst"].contains(&mark.as_str()) {
                break;
            }
            title = rest.trim();
        }
        let who = title
            .split(['–', '—', '|', ':'])
            .next()
            .unwrap_or_default()
            .split(" - ")
            .next()
            .unwrap_or_default();
        for side in who.split(['/', '&']).flat_map(|s| s.split(" x ")) {
            let side = side.trim();
            let words = side.split_whitespace().count();
            let capitalised = side.chars().next().is_some_and(char::is_uppercase);
            if (1..=4).contains(&words)
                && capitalised
                && !side.contains(|c: char| c.is_ascii_digit())
            {
                self.title_parts.push(fold(side));
            }
        }
    }

    /// Whether `name` is a company the recap names, with or without its legal form: in its
    /// attendee lists, its mail addresses, an "Account:" line or its title.
    pub(crate) fn is_company(&self, name: &str) -> bool {
        let folded = fold(name);
        let squashed = squash(&folded);
        let names_it = |company: &String| {
            *company == folded
                // "Sentryx" for "Sentryx Networks": a company is also called by its first word,
                // "Ter Walle" for "Kaasmakerij Ter Walle" by the words after its trade.
                || company.contains(' ')
                    && (company.split_whitespace().next() == Some(folded.as_str())
                        || squashed.len() >= 5 && company.ends_with(&format!(" {folded}")))
        };
        // "Hof ter Lo" for the mail domain "hofterlo-zorg".
        let owns_a_domain = squashed.len() >= 5
            && self
                .domains
                .iter()
                .any(|domain| domain.starts_with(&squashed));
        // A name the attendee lists give is a person's, whatever the title says; a name the
        // text only repeats ("Ter Walle bevestigt …") may be the company's.
        let attends = self.names.iter().any(|n| fold(n) == folded);
        self.companies.iter().any(names_it)
            || !attends && (owns_a_domain || self.title_parts.iter().any(names_it))
    }

    /// Learns which words of `text` are common words: written in lower case somewhere, or
    /// after an article or a possessive of the recap's language (set first).
    pub(crate) fn add_common_words(&mut self, text: &str) {
        let determiners = determiners(self.language);
        for line in text.lines() {
            let words = line
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| !w.is_empty());
            let mut after_article = false;
            for word in words {
                let folded = fold(word);
                if after_article || word.chars().next().is_some_and(char::is_lowercase) {
                    self.common_words.insert(folded.clone());
                }
                after_article = determiners.contains(&folded.as_str());
            }
        }
    }

    /// Whether `word` may be a first name written alone ("Bram", "Maxime"): a capitalised word
    /// the text never writes as a common word.
    pub(crate) fn may_be_first_name(&self, word: &str) -> bool {
        let folded = fold(word);
        word.chars().count() >= 3
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && !self.common_words.contains(&folded)
            && !not_a_name(&folded)
            && !self.is_company(word)
    }

    pub(crate) fn set_language(&mut self, language: crate::import::language::Language) {
        self.language = language;
    }

    pub(crate) fn language(&self) -> crate::import::language::Language {
        self.language
    }

    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    /// Whether `name` is someone the recap names: a full name, or a first name one participant
    /// alone has.
    pub(crate) fn knows(&self, name: &str) -> bool {
        let key = fold(name);
        if key.is_empty() {
            return false;
        }
        if self.names.iter().chain(&self.seen).any(|n| fold(n) == key) {
            return true;
        }
        let has_first_name =
            |n: &&String| n.split_whitespace().next().is_some_and(|f| fold(f) == key);
        match self.names.iter().filter(has_first_name).count() {
            1 => return true,
            0 => {}
            _ => return false,
        }
        // "Lien stuurt de offerte" where the summary twice writes "Lien Vermeulen" and no
        // attendee list is given: the one full name of the text that starts with it.
        if self.seen.iter().filter(has_first_name).count() == 1 {
            return true;
        }
        self.names.iter().filter(|n| stands_for(name, n)).count() == 1
    }

    /// Whether `name` is one who took part, as written, by first name or short form; a name
    /// the text only repeats (a person or a company) is not.
    pub(crate) fn is_participant(&self, name: &str) -> bool {
        let key = fold(name);
        let first_name = |n: &&String| n.split_whitespace().next().is_some_and(|f| fold(f) == key);
        !key.is_empty()
            && !self.is_company(name)
            && (self.names.iter().any(|n| fold(n) == key)
                || self.names.iter().filter(first_name).count() == 1
                || self.names.iter().filter(|n| stands_for(name, n)).count() == 1)
    }

    /// The longest run of words at the start of `words` that is a known name.
    pub(super) fn longest_at(&self, words: &[&str]) -> Option<usize> {
        (1..=words.len().min(4)).rev().find(|&n| {
            let candidate = words[..n]
                .join(" ")
                .trim_end_matches([',', '.', ':', ';'])
                .to_string();
            self.knows(&candidate)
        })
    }
}

/// Articles and possessives of each language, folded: the word after one is a noun. Per
/// language, since the German "an" (to) and the French "de" (of) come before names.
fn determiners(language: crate::import::language::Language) -> &'static [&'static str] {
    use crate::import::language::Language;
    match language {
        Language::English => &[
            "the", "a", "an", "this", "that", "our", "your", "their", "its",
        ],
        Language::Dutch => &[
            "de", "het", "een", "deze", "dit", "die", "dat", "onze", "uw", "hun",
        ],
        Language::French => &[
            "le", "la", "les", "l", "un", "une", "ce", "cet", "cette", "ces", "du", "des", "au",
            "aux", "notre", "votre", "leur",
        ],
        Language::German => &[
            "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer",
            "dieser", "diese", "dieses", "unser", "unsere", "ihre", "vom", "zum", "zur", "im",
        ],
    }
}

/// "Henrard" in "Mme Henrard", "Wilmotte" in "G. Wilmotte": the surname after a title or an
/// initial.
fn surname_after_title(written: &str) -> Option<&str> {
    let (head, surname) = written.trim().split_once(' ')?;
    let letter = head.strip_suffix('.').unwrap_or(head);
    let initial = letter.chars().count() == 1 && letter.starts_with(char::is_uppercase);
    (is_title(head) || initial).then_some(surname.trim())
}

/// The one full name `text` writes that ends in `surname` ("Caroline Henrard (Alvéa) a
/// présenté …" for "Mme Henrard"); `None` when it writes none, or two.
fn full_name_with_surname(surname: &str, text: &str) -> Option<String> {
    let mut found: Vec<String> = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(surname).map(|at| from + at) {
        from = at + surname.len();
        let after = text[from..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let Some(first) = text[..at].strip_suffix(' ').and_then(|before| {
            before
                .rsplit(|c: char| c.is_whitespace() || "(,;:".contains(c))
                .next()
        }) else {
            continue;
        };
        if first.is_empty() || is_title(first) || first.ends_with('.') {
            continue;
        }
        if let Some(name) = person_name(&format!("{first} {surname}")) {
            if !found.contains(&name) {
                found.push(name);
            }
        }
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Words written before a surname instead of a first name, folded and without their dot:
/// "Mr Brooks", "Dhr. Claes", "Mevr. Jacobs", "M. Hublet", "Mme Lefèvre", "Frau Weber".
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "ir", "dhr", "hr", "mevr", "mw", "mevrouw", "meneer",
    "mej", "m", "mme", "mlle", "monsieur", "madame", "herr", "frau", "fr", "me",
];

/// Whether `word` is a title written before a surname ("Dhr.", "Mme", "Herr").
pub(crate) fn is_title(word: &str) -> bool {
    TITLES.contains(&fold(word).trim_end_matches('.'))
}

/// Capitals that name a department or a role, never a person's initials.
const NOT_INITIALS: &[&str] = &[
    "IT", "HR", "PM", "PMO", "CEO", "CFO", "CTO", "CIO", "CISO", "COO", "QA", "BI", "UX", "UI",
    "AI", "EU", "BE", "NL", "FR", "DE", "UK", "US", "OK", "TBD", "TBC", "NA", "RFP", "RFI", "POC",
    "SLA", "KPI", "ERP", "CRM", "SAP", "AWS", "GCP", "VPN", "SSO", "MFA", "API",
];

/// Whether `short` is a way of writing the full name `full` that people use in minutes:
/// its initials ("SP", "S.P.", "PDS" for "Pieter De Smet", "PS" too) or a title with its surname
/// ("Dhr. De Smet", "Mme Dubois").
pub(crate) fn stands_for(short: &str, full: &str) -> bool {
    let full_words: Vec<&str> = full.split_whitespace().collect();
    if full_words.len() < 2 {
        return false;
    }
    let short = short.trim();
    if let Some((first, initials)) = short.split_once(' ') {
        // "Pieter W.", "Jonas DW": the first name and the surname's initials, as a list of
        // names short of room writes them.
        let letters: String = initials.chars().filter(|c| *c != '.').collect();
        let surname_initials: String = full_words[1..]
            .iter()
            .filter_map(|word| word.chars().next())
            .collect();
        let last_initial = full_words
            .last()
            .and_then(|word| word.chars().next())
            .map(String::from)
            .unwrap_or_default();
        let abbreviated = (1..=3).contains(&letters.chars().count())
            && letters.chars().all(char::is_uppercase)
            && fold(first) == fold(full_words[0])
            && (fold(&letters) == fold(&surname_initials) || fold(&letters) == fold(&last_initial));
        if abbreviated {
            return true;
        }
    }
    if let Some((title, surname)) = short.split_once(' ') {
        let surname = fold(surname);
        let same_surname = !surname.is_empty() && fold(&full_words[1..].join(" ")) == surname;
        // "G. Wilmotte": the first name's initial ("C Henrard" as an address writes it).
        let letter = title.strip_suffix('.').unwrap_or(title);
        let initial = Some(letter).is_some_and(|letter| {
            letter.chars().count() == 1
                && full_words[0]
                    .chars()
                    .next()
                    .is_some_and(|first| fold(letter) == fold(&first.to_string()))
        });
        return same_surname && (is_title(title) || initial);
    }
    let letters: String = short.chars().filter(|c| *c != '.').collect();
    let is_initials = (2..=4).contains(&letters.chars().count())
        && letters.chars().all(char::is_uppercase)
        && !NOT_INITIALS.contains(&letters.as_str());
    if !is_initials {
        return false;
    }
    let initial = |word: &&str| word.chars().next().into_iter().flat_map(char::to_uppercase);
    let every_word: String = full_words.iter().flat_map(initial).collect();
    let without_particles: String = full_words
        .iter()
        .enumerate()
        .filter(|(i, w)| *i == 0 || !PARTICLES.contains(&w.to_lowercase().as_str()))
        .flat_map(|(_, w)| initial(w))
        .collect();
    fold(&letters) == fold(&every_word) || fold(&letters) == fold(&without_particles)
}

/// A name folded for comparison: lower case, without accents.
/// Letters and digits alone, folded: "Hof ter Lo" and "hofterlo-zorg" compared as written
/// in a domain.
fn squash(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

pub(super) fn fold(name: &str) -> String {
    deunicode::deunicode(name.trim()).to_lowercase()
}

/// Words that stand inside Dutch, Flemish, French and German surnames.
pub(super) const PARTICLES: &[&str] = &[
    "de", "van", "der", "den", "von", "du", "la", "le", "di", "da", "ter", "ten", "vanden",
    "vande", "zu", "del", "d'",
];

/// Runs of two or three capitalised words that a text writes more than once ("Hanne Peeters"
/// in the next steps and in the summary): the full names it uses, to know again where an item
/// opens with one. A name written once stays unknown: German nouns are capitalised too.
pub(crate) fn repeated_full_names(text: &str) -> Vec<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    // A run of capitals ends at punctuation: "Camille Renard (Opteam Systems)" is two runs.
    let segments = text
        .lines()
        .flat_map(|line| line.split([',', ';', '(', ')', ':', '.']));
    for segment in segments {
        let words: Vec<&str> = segment.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            let mut end = i;
            while end < words.len()
                && end - i < 4
                && (words[end].chars().next().is_some_and(char::is_uppercase)
                    || end > i && PARTICLES.contains(&words[end]))
            {
                end += 1;
            }
            if end - i >= 2 {
                let candidate = words[i..end].join(" ");
                // "L'équipe Lumeco" twice is a team, not a person.
                let name = person_name(&candidate).filter(|name| !super::is_team(name));
                if let Some(name) = name {
                    *counts.entry(name).or_default() += 1;
                }
            }
            i = end.max(i + 1);
        }
    }
    let mut names: Vec<String> = counts
        .into_iter()
        .filter(|(_, count)| *count >= 2)
        .map(|(name, _)| name)
        .collect();
    names.sort();
    names
}

/// Full names a text introduces with their initials, once being enough: "avec Claire Lambert
/// (CL), resp. infra", as a note names those it will call "CL" from then on.
pub(crate) fn named_with_initials(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices('(') {
        let after = &text[at + 1..];
        let Some(close) = after.find(')') else {
            continue;
        };
        let letters = &after[..close];
        let initials =
            (2..=4).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_uppercase());
        if !initials {
            continue;
        }
        // The capitalised words just before the bracket whose capitals are its letters, with
        // or without its particles' ("HVB" or "HVDB" for "Hugo Van den Broeck").
        let words: Vec<&str> = text[..at].split_whitespace().rev().take(5).collect();
        let (mut capitals, mut all_initials) = (String::new(), String::new());
        for (taken, word) in words.iter().enumerate() {
            let Some(first) = word.chars().next() else {
                break;
            };
            if first.is_uppercase() {
                capitals.insert(0, first);
            } else if !PARTICLES.contains(word) {
                break;
            }
            all_initials.insert_str(0, &first.to_uppercase().to_string());
            if capitals.chars().count() >= 2 && (capitals == letters || all_initials == letters) {
                let run: Vec<&str> = words[..=taken].iter().rev().copied().collect();
                if let Some(name) = person_name(&run.join(" ")).filter(|n| !super::is_team(n)) {
                    names.push(name);
                }
                break;
            }
        }
    }
    names
}

/// The one full name `text` writes that starts with the lone first name `first` ("Jonas" →
/// "Jonas Willems"); `None` when it writes none, or more than one.
pub(crate) fn full_name_for(first: &str, text: &str) -> Option<String> {
    if let Some(surname) = surname_after_title(first) {
        return full_name_with_surname(surname, text);
    }
    if first.split_whitespace().count() != 1 || name_of_address(first).is_some() {
        return None;
    }
    let mut found: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(first) {
        let before = rest[..at].chars().next_back();
        let after_start = at + first.len();
        let tail = &rest[after_start..];
        rest = tail;
        if before.is_some_and(char::is_alphanumeric) || !tail.starts_with(' ') {
            continue;
        }
        let surname: Vec<&str> = tail
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':' | '.'))
            .skip(1)
            .take(3)
            .take_while(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || PARTICLES.contains(&w.to_lowercase().as_str())
            })
            .collect();
        // The surname ends at its last capitalised word ("De Smet", not "De Smet en").
        let end = surname
            .iter()
            .rposition(|w| w.chars().next().is_some_and(char::is_uppercase))
            .map_or(0, |i| i + 1);
        if end == 0 {
            continue;
        }
        let candidate = format!("{first} {}", surname[..end].join(" "));
        if let Some(name) = person_name(&candidate) {
            if !found.contains(&name) {
                found.push(name);
            }
        }
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}
