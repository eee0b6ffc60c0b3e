//! An item's text as a task: its title and the rest, an owner written before it or under it,
//! and a recap's prose split into sentences that may be tasks.

use super::super::lines::{labelled, named_one_of, section_kind, section_name, SectionKind};
use crate::import::owners::OWNER_FIELDS;
use crate::import::owners::{name_list, Gazetteer};

/// The sentences of a paragraph: ending in ".", "!" or "?" before a capital, never after a
/// number or a short abbreviation ("op 12/10. De", "Dr. Lindner").
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    // "Sehr geehrter Herr Kohnen, Ich kläre …": the greeting a mail opens with is a sentence of
    // its own.
    if let Some(end) = greeting_end(text) {
        out.push(text[..end].trim());
        start = end;
    }
    let bytes = text.as_bytes();
    for (at, c) in text.char_indices() {
        if !matches!(c, '.' | '!' | '?') || at + 2 > text.len() || bytes.get(at + 1) != Some(&b' ')
        {
            continue;
        }
        let next_word = text[at + 2..].split(' ').next().unwrap_or_default();
        let next_capital = next_word.chars().next().is_some_and(char::is_uppercase);
        let word = text[start..at].rsplit(' ').next().unwrap_or_default();
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        // "op 31/12. Ik neem" ends a sentence; "am 20. Januar" and "Dr. Lindner" do not.
        let title = crate::import::owners::is_title(word) || is_abbreviation(word);
        // "… plant Jef het overleg met hen in. Nog …": a short word in lower case ends a
        // sentence (Dutch and German leave a verb's particle last); "z.B." and "Dr." do not.
        let particle = (2..=3).contains(&letters)
            && word.chars().all(char::is_lowercase)
            && !word.contains('.');
        // "… an das ERP. Herr Pankert …": a word in capitals ends a sentence too.
        let acronym = letters >= 2
            && !word.contains('.')
            && word
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
        // "… vor Ort. Könnten Sie": a short noun ends one too, unless it is written short.
        let short_noun =
            letters == 3 && word.starts_with(char::is_uppercase) && !word.contains('.');
        let ends = c != '.'
            || (letters > 3 || particle || acronym || short_noun) && !title
            || letters == 0
                && word.chars().any(|c| c.is_ascii_digit())
                && !crate::import::deadlines::is_month_name(next_word);
        if next_capital && ends {
            out.push(text[start..=at].trim());
            start = at + 2;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(text[start..].trim());
    }
    out
}

/// Where the greeting that opens `text` ends ("Dag Joris, ", "Bonjour Madame, "): after its
/// comma, when a capital follows.
fn greeting_end(text: &str) -> Option<usize> {
    const GREETINGS: &[&str] = &[
        "sehr geehrte",
        "liebe",
        "hallo",
        "guten tag",
        "dag ",
        "beste ",
        "hoi ",
        "bonjour",
        "bonsoir",
        "cher ",
        "chère ",
        "chers ",
        "madame",
        "monsieur",
        "hi ",
        "hello",
        "dear ",
        "good morning",
        "geachte",
    ];
    let lower = text.to_lowercase();
    if !GREETINGS.iter().any(|greeting| lower.starts_with(greeting)) {
        return None;
    }
    let comma = text.find(", ")?;
    let next = text[comma + 2..].chars().next()?;
    (comma < 60 && next.is_uppercase()).then_some(comma + 2)
}

/// Whether `word` is written short with a dot that ends no sentence: "(incl. VPN)", "bijv.
/// Outlook", "inkl. Lizenzen", "env. Mons".
fn is_abbreviation(word: &str) -> bool {
    const SHORTENED: &[&str] = &[
        "incl", "excl", "approx", "bijv", "resp", "evt", "ong", "ongev", "betr", "zgn", "vgl",
        "inkl", "exkl", "bzw", "ggf", "usw", "evtl", "env", "cf", "etc", "min", "max", "ca", "nr",
        "tel", "vs", "ref", "st", "co", "fax", "abt", "inc", "ltd",
    ];
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    SHORTENED.contains(&word.to_lowercase().as_str())
}

/// Whether a sentence's owner is followed by a verb that says what they will do ("will",
/// "to", "zal", "va", "wird"), not what they did.
pub(super) fn opens_with_intent(text: &str) -> bool {
    const INTENT: &[&str] = &[
        " will ",
        " to ",
        " shall ",
        " zal ",
        " zullen ",
        " gaat ",
        " gaan ",
        " moet ",
        " va ",
        " vont ",
        " doit ",
        " s'occupe ",
        " se charge ",
        " wird ",
        " werden ",
        " soll ",
        " muss ",
        " kümmert ",
        // Dutch, French and German say what someone will do in the present tense: "Lies
        // regelt tegen 18/12 …", "Marie envoie …", "Herr Becker prüft …".
        " zorgt ",
        " zorgen ",
        " regelt ",
        " regelen ",
        " bezorgt ",
        " bezorgen ",
        " levert ",
        " bekijkt ",
        " bekijken ",
        " stuurt ",
        " neemt ",
        " maakt ",
        " plant ",
        " bereidt ",
        " contacteert ",
        " controleert ",
        " onderzoekt ",
        " werkt ",
        " voert ",
        " envoie ",
        " envoient ",
        " prépare ",
        " préparent ",
        " organise ",
        " transmet ",
        " fournit ",
        " vérifie ",
        " contacte ",
        " planifie ",
        " enverra ",
        " fera ",
        " transmettra ",
        " préparera ",
        " organisera ",
        " vérifiera ",
        " reviendra ",
        " schickt ",
        " sendet ",
        " liefert ",
        " prüft ",
        " klärt ",
        " erstellt ",
        " bereitet ",
        " organisiert ",
        " übernimmt ",
        " kontaktiert ",
    ];
    let head: String = text.chars().take(60).collect::<String>().to_lowercase();
    INTENT.iter().any(|verb| head.contains(verb))
}

/// Whether a sentence says what someone said, asked or wished ("Geert vroeg ook of …",
/// "Mme Delhaye souhaite que …", "Herr Gruber erklärte …"): reported, never their task, whatever
/// date it names.
pub(super) fn reports_speech(text: &str) -> bool {
    const SAID: &[&str] = &[
        " vroeg ",
        " vraagt of ",
        " vertelde ",
        " zei ",
        " zegt ",
        " gaf aan ",
        " geeft aan ",
        " meldde ",
        " legde uit ",
        " wil ",
        " wilde ",
        " wenst ",
        " vindt ",
        " merkte op ",
        " rappelle ",
        " a rappelé ",
        " explique ",
        " a expliqué ",
        " souhaite ",
        " a demandé ",
        " demande si ",
        " indique ",
        " a indiqué ",
        " trouve ",
        " fragte ",
        " sagte ",
        " erklärte ",
        " erklärt ",
        " wünscht ",
        " möchte ",
        " berichtete ",
        " asked ",
        " said ",
        " explained ",
        " wants ",
        " mentioned ",
        " noted ",
    ];
    let head: String = format!(
        " {}",
        text.chars().take(60).collect::<String>().to_lowercase()
    );
    SAID.iter().any(|verb| head.contains(verb))
}

/// Whether a sentence says when something ends ("leur contrat se termine le 31/12", "het
/// contract loopt af op 31/03", "the licence expires on 30/06"): a date of the customer's
/// situation, which no one has to meet.
pub(super) fn states_an_end(text: &str) -> bool {
    const ENDS: &[&str] = &[
        " loopt af",
        " afloopt",
        " vervalt ",
        " se termine ",
        " prend fin ",
        " expire ",
        " arrive à échéance",
        " expires ",
        " runs out ",
        " ends on ",
        " endet ",
        " läuft aus",
        " ausläuft",
    ];
    let lower = format!(" {} ", text.to_lowercase());
    ENDS.iter().any(|end| lower.contains(end))
}

/// Whether a sentence says something will be done without saying by whom ("De offerte wordt
/// tegen vrijdag bezorgd", "Die Netzwerkpläne werden bis 21.12. nachgeliefert", "Le devis
/// sera envoyé d'ici mardi"); not where it is put off ("wordt uitgesteld tot Q2").
pub(super) fn passive(text: &str) -> bool {
    let lower = format!(" {} ", text.to_lowercase());
    let auxiliary = [
        " wordt ",
        " worden ",
        " wird ",
        " werden ",
        " sera ",
        " seront ",
        " will be ",
    ]
    .iter()
    .any(|word| lower.contains(word));
    let put_off = [
        "uitgesteld",
        "verschoven",
        "verschoben",
        "reporté",
        "repoussé",
        "postponed",
        "delayed",
        "besproken",
        "besprochen",
        "discuté",
        "discussed",
    ]
    .iter()
    .any(|word| lower.contains(word));
    auxiliary && !put_off
}

/// Whether a sentence says something is not or not yet done ("plannen we pas na …", "Wat we
/// níet doen", "nous ne …", "wir … nicht"): no commitment of the team's.
pub(super) fn negated(text: &str) -> bool {
    let lower = format!(" {} ", text.to_lowercase().replace(['í', '’'], "i"));
    // "… klaarstaat, zodat de proeven niet op productie gebeuren": a clause of purpose says
    // what should not happen, not that the work will not be done.
    let lower = [
        ", zodat ",
        ", so that ",
        " so that ",
        ", afin que ",
        ", pour que ",
        ", de sorte que ",
        ", damit ",
        ", sodass ",
    ]
    .iter()
    .filter_map(|clause| lower.find(clause))
    .min()
    .map_or(lower.as_str(), |at| &lower[..at]);
    [
        " niet ", " geen ", " nooit ", " pas na ", " ne ", " n'", " pas ", " nicht ", " kein",
        " not ", "n't ", " never ",
    ]
    .iter()
    .any(|word| lower.contains(word))
}

/// "Unassigned", "Non attribué", "Niet toegewezen", "Nicht zugewiesen", "Others": a heading
/// over items nobody owns.
pub(super) fn is_nobody(text: &str) -> bool {
    named_one_of(text, crate::import::layouts::lexicon::NOBODY)
}

/// Whether `text` holds every word of `label` (of four letters or more), so that the label
/// can go without anything being lost.
pub(super) fn says_all_of(text: &str, label: &str) -> bool {
    let text = text.to_lowercase();
    let words: Vec<String> = label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect();
    !words.is_empty() && words.iter().all(|word| text.contains(word.as_str()))
}

/// "Actie: …", "Action : …", "To-do: …": a label that says only that the line is a task.
pub(super) fn without_action_label(text: &str) -> String {
    const LABELS: &[&str] = &[
        "action",
        "actie",
        "aktion",
        "todo",
        "to-do",
        "to do",
        "task",
        "taak",
        "tache",
        "aufgabe",
        "ap",
        "action item",
        "actiepunt",
    ];
    match text.split_once(':') {
        Some((label, rest))
            if LABELS.contains(&deunicode::deunicode(label.trim()).to_lowercase().as_str())
                && !rest.trim().is_empty() =>
        {
            rest.trim().to_string()
        }
        _ => text.to_string(),
    }
}

/// "Owner: Sam", "Qui : Kevin", "Verantwoordelijke: Sofie – …": a line under an item that
/// names its owner.
pub(super) fn is_owner_field(text: &str) -> bool {
    text.split_once(':').is_some_and(|(label, _)| {
        let label = deunicode::deunicode(label.trim()).to_lowercase();
        OWNER_FIELDS.contains(&label.as_str())
    })
}

/// "Volgende vergadering: woensdag 28/04", "Notes: …": a line whose label names a section of
/// the meeting's notes, so no task.
/// So does a sentence about the next meeting: "Prochaine réunion le jeudi 1er octobre à 10h",
/// "Next call planned on 29/09", "Nächster Jour fixe: Mittwoch, 13. Januar".
pub(super) fn names_another_section(text: &str) -> bool {
    // "Next" and a kind of meeting, in any of the four languages, as a phrase opens.
    const NEXT: &[&str] = &[
        "next",
        "volgende",
        "volgend",
        "prochaine",
        "prochain",
        "nachste",
        "nachster",
        "nachstes",
        "nachsten",
    ];
    // Words as split at hyphens: "check-in" is "check", "stand-up" "stand".
    const MEETING: &[&str] = &[
        "meeting",
        "sync",
        "call",
        "session",
        "check",
        "catch",
        "huddle",
        "stand",
        "standup",
        "vergadering",
        "afspraak",
        "overleg",
        "bijeenkomst",
        "gesprek",
        "sessie",
        "reunion",
        "seance",
        "comite",
        "point",
        "rendez",
        "rdv",
        "sitzung",
        "besprechung",
        "termin",
        "treffen",
        "jour",
        "runde",
    ];
    // "Ons volgende overleg …", "Notre prochaine réunion …", "The next call …".
    const BEFORE_IT: &[&str] = &[
        "ons", "onze", "het", "de", "our", "the", "notre", "la", "le", "unser", "unsere", "der",
        "die", "das",
    ];
    let opening: String = deunicode::deunicode(&text.to_lowercase())
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .enumerate()
        .skip_while(|(at, word)| *at == 0 && BEFORE_IT.contains(word))
        .map(|(_, word)| word)
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    let mut words = opening.split(' ');
    let next_meeting = words.next().is_some_and(|word| NEXT.contains(&word))
        && words.next().is_some_and(|word| MEETING.contains(&word));
    next_meeting
        || labelled(text).is_some_and(|(label, _)| {
            matches!(
                section_kind(&section_name(label)),
                Some(SectionKind::Discussion | SectionKind::Attendees)
            )
        })
}

/// The names after "Invited" (or "Uitgenodigd", "Invités", "Eingeladen") opening a line.
pub(super) fn invited_list(line: &str) -> Option<&str> {
    let (first, rest) = line.trim().split_once(' ')?;
    let first = section_name(first);
    (section_kind(&first) == Some(SectionKind::Attendees) && rest.contains(char::is_uppercase))
        .then_some(rest)
}

pub(super) fn append(target: &mut String, text: &str) {
    if !target.is_empty() {
        target.push(' ');
    }
    target.push_str(text.trim());
}

/// "Ana Lucía Ferreira: share the draft", "Tom: Send the proposal", as Webex and Zoom write an
/// owner before an item: a label that is nothing but names reads as "Tom to send the
/// proposal". A title ("Sponsor update: Inform the sponsor", "Send Renewal Quote: …") is no
/// list of names: it has a word in lower case or a verb.
pub(super) fn owner_label_as_lead(text: &str, known: &Gazetteer) -> String {
    let Some((label, rest)) = text.split_once(": ") else {
        return text.to_string();
    };
    // "Qui : Julien Collard — planifier …": the label says who, and is no name itself.
    if is_owner_field(text) {
        return text.to_string();
    }
    // "Back-up: jullie willen …" is a topic's label: one word is a name only where the recap
    // names that person or never writes the word in lower case.
    let a_name = |name: &String| match name.split_whitespace().count() {
        1 => known.knows(name) || known.may_be_first_name(name),
        words => words <= 3,
    };
    // "@Annelies en @Dries: PoC inplannen".
    let label = label.replace('@', "");
    let names = name_list(&label)
        .filter(|(names, team)| !names.is_empty() || *team)
        .filter(|(names, _)| names.iter().all(a_name));
    if names.is_some() && !rest.trim().is_empty() {
        format!("{label} to {}", lower_first(rest))
    } else {
        text.to_string()
    }
}

/// "Send the proposal" → "send the proposal", as it reads after "Tom to".
pub(super) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A one-line item as a title and the rest: its first sentence, at most about 80 characters.
/// "Offerte Defender – 30/11", "Voorstel – januari": a last column between dashes that is a
/// date or a month alone is the item's deadline, as a Due column is; written "by 30/11" so
/// that it reads as one.
pub(super) fn with_deadline_column_read(text: &str) -> String {
    for dash in [" – ", " — ", " - "] {
        let Some((before, column)) = text.rsplit_once(dash) else {
            continue;
        };
        let column = column.trim().trim_end_matches('.');
        let words: Vec<&str> = column.split_whitespace().collect();
        let numeric = words.len() == 1
            && column.chars().filter(|c| matches!(c, '/' | '.')).count() >= 1
            && column
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '/' | '.'));
        let month = (1..=2).contains(&words.len())
            && crate::import::deadlines::is_month_name(words[0])
            && words
                .get(1)
                .is_none_or(|year| year.len() == 4 && year.chars().all(|c| c.is_ascii_digit()));
        if numeric || month {
            return format!("{before}{dash}by {column}");
        }
        return text.to_string();
    }
    text.to_string()
}

/// The longest title a task keeps whole: a recap's one-sentence task (a Teams follow-up, a
/// Fathom action item) is read, searched and remembered by its words, so a title cuts only a
/// sentence that would not fit two lines of a list.
pub(super) const TITLE_WIDTH: usize = 150;

pub(super) fn title_of(text: &str) -> (String, String) {
    let text = text.trim();
    // A full stop after a word, not after a number ("20. Januar", "15.09.") or an
    // abbreviation ("Dr. Lindner", "z.B. ").
    let sentence_end = text
        .match_indices(". ")
        .map(|(at, _)| at)
        .filter(|&at| {
            let word = text[..at].rsplit(' ').next().unwrap_or_default();
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            letters > 3 && !word.contains('.') && !is_abbreviation(word) || word.ends_with(')')
        })
        .find(|&at| at >= 12)
        .unwrap_or(text.len());
    let (first, rest) = text.split_at(sentence_end);
    let first = first.trim_end_matches('.');
    if first.chars().count() <= TITLE_WIDTH {
        return (
            first.to_string(),
            rest.trim_start_matches('.').trim().to_string(),
        );
    }
    // A long sentence: the title is its opening words, the whole sentence the description.
    let mut title = String::new();
    for word in first.split_whitespace() {
        if title.chars().count() + word.chars().count() > TITLE_WIDTH - 30 {
            break;
        }
        if !title.is_empty() {
            title.push(' ');
        }
        title.push_str(word);
    }
    (
        format!("{}…", title.trim_end_matches([',', ';', ':'])),
        text.to_string(),
    )
}

/// "→ Dries 📅 2026-10-23": Obsidian Tasks' dates (due, scheduled, start) set apart by a comma
/// from the words before them, as a deadline after an owner is written.
pub(super) fn obsidian_dates_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if matches!(c, '📅' | '⏳' | '🛫') {
            let kept = out.trim_end().len();
            if out[..kept].ends_with(char::is_alphanumeric) {
                out.truncate(kept);
                out.push_str(", ");
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod end_tests {
    #[test]
    fn a_date_something_ends_on_is_the_customers_situation() {
        for said in [
            "leur contrat se termine le 31/12",
            "het contract loopt af op 31/03/2027",
            "the licence expires on 30/06",
            "Der Vertrag läuft aus am 31.12.",
        ] {
            assert!(super::states_an_end(said), "{said}");
        }
        assert!(!super::states_an_end("Hugo envoie le devis d'ici jeudi"));
    }
}
