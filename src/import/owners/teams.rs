//! Who owns a task without being a person: a team ("het Lumeco-team", "l'équipe
//! dispatch"), a department ("Support Orvanta") or a company ("Corvana Systems", "Brantix NV").

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
    let company = words.len() >= 2
        && words
            .last()
            .is_some_and(|w| is_company_form(w) || COMPANY_NOUNS.contains(w));
    if company {
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

/// "Orvanta SA", "Brantix NV", "Müller GmbH": the legal form that ends a company's name.
pub(super) fn is_company_form(word: &str) -> bool {
    const FORMS: &[&str] = &[
        "sa", "nv", "bv", "bvba", "srl", "sprl", "sc", "scrl", "cv", "vzw", "asbl", "gmbh", "ag",
        "kg", "ltd", "inc", "llc", "plc", "corp", "co", "ab", "as", "oy", "spa", "sas", "sarl",
    ];
    FORMS.contains(&word.trim_end_matches('.').to_lowercase().as_str())
}
