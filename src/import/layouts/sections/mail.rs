//! What a recap that came as a mail says by being one: its headers, its sender (the "I" of its
//! tasks), when it was sent against when the team met, and where a forwarded message starts.

use super::super::lines::section_name;
use crate::import::language::Language;

/// "Yesterday" in the four languages, but for the French "hier", which is "here" in Dutch and
/// German.
pub(super) const YESTERDAY: &[&str] = &["yesterday", "gisteren", "gestern"];

/// "Today" in the four languages.
pub(super) const TODAY: &[&str] = &["today", "vandaag", "aujourd'hui", "heute"];

/// How many days before a mail was sent its meeting took place, when a line says: "yesterday",
/// "gisteren", "hier", "gestern" (one), "today", "vandaag", "aujourd'hui", "heute" (none).
/// "hier" counts in French only: in German and Dutch it is "here" ("Hier die Zusammenfassung").
pub(super) fn days_before_sending(text: &str, language: Language) -> Option<u64> {
    let lower = format!(" {} ", text.to_lowercase());
    let has = |words: &[&str]| {
        words.iter().any(|word| {
            lower.contains(&format!(" {word} "))
                || lower.contains(&format!(" {word},"))
                || lower.contains(&format!(" {word}."))
                || lower.contains(&format!(" {word}middag"))
                || lower.contains(&format!(" {word}avond"))
        })
    };
    let french_yesterday = language == Language::French && has(&["hier"]);
    if french_yesterday || has(YESTERDAY) {
        Some(1)
    } else if has(TODAY) || has(&["vanmorgen", "vanmiddag", "heutigen"]) {
        Some(0)
    } else {
        None
    }
}

/// Whether `text` asks the mail's reader to do it: "Pourriez-vous me transmettre …", "Kunt u …",
/// "Könnten Sie …", "Could you …". "Vous trouverez ci-dessous" and "Merci de me faire part de
/// vos remarques" are a mail's manners, not a task.
pub(super) fn second_person(text: &str) -> bool {
    let lower = text.to_lowercase().replace('’', "'");
    // Asked anywhere in the sentence; at its start also without the space after.
    const ANYWHERE: &[&str] = &[
        "pourriez-vous",
        "pouvez-vous",
        "pourrais-tu",
        "peux-tu",
        "kunt u ",
        "zou u ",
        "kan jij ",
        "kun jij ",
        "kunnen jullie ",
        "zouden jullie ",
        "willen jullie ",
        "könntet ihr ",
        "könnt ihr ",
        "könnten sie ",
        "können sie ",
        "würden sie ",
        "could you ",
        "can you ",
        "would you ",
    ];
    // Asked only at the start: "dan kan je …" in the middle says something else.
    const OPENINGS: &[&str] = &["kan u", "wilt u", "kan je", "kun je", "zou je", "wil je"];
    // "@Dries please book the slot": asked of the one the point opens with.
    let asked_by_mention = lower.starts_with('@')
        && [
            " please ",
            " pls ",
            " graag ",
            " svp ",
            " bitte ",
            " merci de ",
        ]
        .iter()
        .any(|words| lower.contains(words));
    asked_by_mention
        || OPENINGS.iter().any(|opening| lower.starts_with(opening))
        || ANYWHERE
            .iter()
            .any(|words| lower.starts_with(words.trim_end()) || lower.contains(words))
        || in_a_column(&lower, READER)
}

/// How the writer names themself, the mail's reader and their team, standing for an owner.
pub(super) const WRITER: &[&str] = &[
    "ik",
    "ikzelf",
    "moi",
    "moi-même",
    "ich",
    "i",
    "me",
    "myself",
];
pub(super) const READER: &[&str] = &["u", "jij", "je", "vous", "toi", "sie", "du", "you"];

/// Whether the sentence's subject is the mail's reader ("Jij bezorgt ons tegen 15 december
/// …", "Vous nous envoyez …"): theirs when it gives a deadline, as a name would make it.
pub(super) fn second_person_subject(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "jij ",
        "u ",
        "vous nous ",
        "vous me ",
        "you will ",
        "you'll ",
    ]
    .iter()
    .any(|opening| lower.starts_with(opening))
}

/// Whether a pronoun stands alone in a column of the line, between dashes or after the last
/// ("Angebot … – ich – bis Freitag", "Offerte … — u"), or after an owner's label ("Qui : moi",
/// "Wie: u"): who owes it.
fn in_a_column(lower: &str, pronouns: &[&str]) -> bool {
    let lower = format!(" {} ", lower.trim());
    let between_dashes = ["–", "—", "-", "|"].iter().any(|dash| {
        pronouns.iter().any(|pronoun| {
            lower.contains(&format!(" {dash} {pronoun} {dash} "))
                || lower.ends_with(&format!(" {dash} {pronoun} "))
        })
    });
    // The owner's label is read as everywhere else (`owner_label`), then the pronoun after it.
    let labelled = || {
        crate::import::owners::owner_label(&lower).is_some_and(|(_, end)| {
            let value = lower[end..].trim_start();
            pronouns.iter().any(|pronoun| {
                value.strip_prefix(pronoun).is_some_and(|after| {
                    after.is_empty() || after.starts_with([' ', ',', '.', ';', ')'])
                })
            })
        })
    };
    between_dashes || labelled()
}

/// The weekday a mail names its meeting by ("suite à notre réunion de lundi", "ons overleg
/// van dinsdag", "unser Gespräch am Mittwoch", "our meeting on Thursday"): the meeting was the
/// last such day the mail was sent on or after.
pub(super) fn meeting_weekday(text: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    const MEETINGS: &[&str] = &[
        "réunion",
        "reunion",
        "rencontre",
        "rendez-vous",
        "échange",
        "entretien",
        "atelier",
        "workshop",
        "meeting",
        "call",
        "overleg",
        "vergadering",
        "gesprek",
        "bespreking",
        "afspraak",
        "bezoek",
        "kick-off",
        "kickoff",
        "besprechung",
        "termin",
        "treffen",
        "gespräch",
        "sitzung",
        "session",
    ];
    const DAYS: &[(&str, chrono::Weekday)] = &[
        ("monday", Mon),
        ("tuesday", Tue),
        ("wednesday", Wed),
        ("thursday", Thu),
        ("friday", Fri),
        ("maandag", Mon),
        ("dinsdag", Tue),
        ("woensdag", Wed),
        ("donderdag", Thu),
        ("vrijdag", Fri),
        ("lundi", Mon),
        ("mardi", Tue),
        ("mercredi", Wed),
        ("jeudi", Thu),
        ("vendredi", Fri),
        ("montag", Mon),
        ("dienstag", Tue),
        ("mittwoch", Wed),
        ("donnerstag", Thu),
        ("freitag", Fri),
    ];
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|word| !word.is_empty())
        .collect();
    words.iter().enumerate().find_map(|(i, word)| {
        if !MEETINGS.contains(word) {
            return None;
        }
        // "réunion de lundi", "overleg van afgelopen dinsdag", "meeting on Thursday".
        words[i + 1..].iter().take(3).find_map(|next| {
            DAYS.iter()
                .find(|(name, _)| name == next)
                .map(|(_, day)| *day)
        })
    })
}

/// The first line of a message forwarded or quoted in a mail: its "From:" header (in the four
/// languages) or the line mail programs put above it.
/// "Op ma 23 nov. 2026 schreef Tom …:", "Le lun. 9 nov. 2026, … a écrit :", "On Mon, … wrote:",
/// "Am … schrieb …:": the line a mail program puts above the message it quotes in a reply.
pub(super) fn starts_a_quote(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let ends = lower.trim_end_matches(':').trim_end();
    let opens = ["op ", "le ", "on ", "am "]
        .iter()
        .any(|w| lower.starts_with(w));
    opens
        && (ends.ends_with("schreef")
            || ends.ends_with("a écrit")
            || ends.ends_with("wrote")
            || ends.ends_with("schrieb")
            || lower.contains(" schreef ")
            || lower.contains(" wrote")
            || lower.contains(" a écrit"))
        && text.trim_end().ends_with(':')
}

/// "Fwd: …", "TR : …", "WG: …": a mail's subject that says it passes a message on.
pub(super) fn says_forwarded(subject: &str) -> bool {
    let lower = subject.trim_start().to_lowercase();
    ["fwd", "fw", "tr", "wg", "doorst", "forward", "trans"]
        .iter()
        .any(|prefix| {
            lower
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
}

/// The line a mail program writes above a message passed on ("---------- Forwarded message
/// ---------", "Begin forwarded message:"), in the four languages, in lower case.
const FORWARD_MARKERS: &[&str] = &[
    "forwarded message",
    "doorgestuurd bericht",
    "message transféré",
    "weitergeleitete nachricht",
];

/// The line Outlook writes above the mail a reply answers ("-----Original Message-----"), in
/// the four languages, in lower case.
const REPLY_MARKERS: &[&str] = &[
    "original message",
    "oorspronkelijk bericht",
    "message d'origine",
    "ursprüngliche nachricht",
];

fn holds_one_of(text: &str, markers: &[&str]) -> bool {
    let lower = text.to_lowercase();
    markers.iter().any(|marker| lower.contains(marker))
}

/// "---------- Forwarded message ---------", "Doorgestuurd bericht": a message passed on, whose
/// text is the recap, unlike one quoted in a reply.
pub(super) fn is_forward_marker(text: &str) -> bool {
    holds_one_of(text, FORWARD_MARKERS)
}

/// "-----Original Message-----", "-----Oorspronkelijk bericht-----": the line Outlook writes
/// above the mail a reply answers, which is history, whatever the reply's subject says.
pub(super) fn is_reply_marker(text: &str) -> bool {
    holds_one_of(text, REPLY_MARKERS)
}

/// Where a message the mail carries starts: its marker line, or its "From:" header.
pub(super) fn starts_a_message(text: &str) -> bool {
    let lower = text.to_lowercase();
    // "**De :** Microsoft Teams <…@…>": a mail pasted from Outlook as HTML sets its labels in bold.
    let header = lower.split_once(':').is_some_and(|(label, value)| {
        ["from", "van", "de", "von"].contains(&section_name(label).as_str()) && value.contains('@')
    });
    header
        || FORWARD_MARKERS
            .iter()
            .chain(REPLY_MARKERS)
            .any(|marker| lower.contains(marker))
}

/// "From: …", "Van: …", "Objet : …": a line of a mail's headers, in the four languages.
pub(super) fn is_mail_header(line: &str) -> bool {
    const LABELS: &[&str] = &[
        "from",
        "to",
        "cc",
        "bcc",
        "sent",
        "date",
        "subject",
        "van",
        "aan",
        "verzonden",
        "datum",
        "onderwerp",
        "de",
        "à",
        "envoyé",
        "objet",
        "von",
        "an",
        "gesendet",
        "betreff",
        "kopie",
    ];
    line.split_once(':').is_some_and(|(label, value)| {
        LABELS.contains(&section_name(label).as_str()) && !value.trim().is_empty()
    })
}

/// Whether the writer of a mail names themself as the owner: "I'll send …", "je m'en charge",
/// "(ik)", "ich übernehme", in the four languages.
/// Whether the writer's team says it will do it: "maken wij begin januari een planning op",
/// "Nous envoyons …", "Wir prüfen …". These pronouns are only ever the subject ("ons", "uns"
/// are the object); "nous" is the subject where it opens the sentence.
pub(super) fn first_person_plural(text: &str) -> bool {
    let lower = format!(" {} ", text.to_lowercase());
    [" wij ", " wir ", " we "]
        .iter()
        .any(|word| lower.contains(word))
        || lower.starts_with(" nous ")
}

pub(super) fn first_person(text: &str) -> bool {
    let lower = format!(" {} ", text.to_lowercase().replace('’', "'"));
    // "Ik: offerte opvragen", "Moi : relancer …": the writer as the point's label.
    const OPENINGS: &[&str] = &[
        " i'll ", " i will ", " i ", " ik ", " je ", " j'", " ich ", " ik: ", " moi: ", " moi : ",
        " ich: ", " me: ",
    ];
    const ANYWHERE: &[&str] = &[
        "(ik)",
        "(ikzelf)",
        "(moi)",
        "(me)",
        "(ich)",
        "-> ik",
        "→ ik",
        "-> moi",
        "→ moi",
        "-> me ",
        "-> ich",
        "→ ich",
        ": ik",
        ": moi",
        ": ich",
        ": me ",
        "je m'en charge",
        "je m'en occupe",
        "je m'occupe",
        "ik neem",
        "neem ik",
        "doe ik",
        "ich übernehme",
        "übernehme ich",
        "i'll take",
        "i will take",
        "moi-même",
        "ikzelf",
    ];
    // "Ik heb hem nagelezen", "J'ai relu le compte rendu": what the writer did, not owes
    // ("I have to send" still owes).
    const DONE: &[&str] = &[
        " ik heb ",
        " ik had ",
        " i have ",
        " i've ",
        " i had ",
        " j'ai ",
        " ich habe ",
        " ich hatte ",
    ];
    let did = DONE.iter().any(|opening| lower.starts_with(opening))
        && ![" have to ", " heb ik nog ", " ai encore ", " habe noch "]
            .iter()
            .any(|words| lower.contains(words));
    // "Komt in orde, ik bereid …", "OK, I'll send …": a short answer, then the writer.
    let after_answer = lower.split_once(", ").and_then(|(answer, rest)| {
        (answer.split_whitespace().count() <= 4).then(|| format!(" {rest}"))
    });
    let answered = after_answer.is_some_and(|rest| {
        OPENINGS.iter().any(|opening| rest.starts_with(opening))
            && !DONE.iter().any(|opening| rest.starts_with(opening))
    });
    !did && (OPENINGS.iter().any(|opening| lower.starts_with(opening)) || answered)
        || ANYWHERE.iter().any(|words| lower.contains(words))
        || in_a_column(&lower, WRITER)
}

/// "[ML]" where the writer (Mathieu Lejeune) opens two lines or more with their initials in
/// brackets: the mark of their answers inside the mail they quote.
pub(super) fn inline_answers_mark(text: &str, writer: Option<&str>) -> Option<String> {
    let writer = writer?;
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for line in text.lines() {
        let Some(rest) = line.trim_start().strip_prefix('[') else {
            continue;
        };
        let Some((initials, _)) = rest.split_once(']') else {
            continue;
        };
        if (2..=4).contains(&initials.chars().count())
            && crate::import::owners::stands_for(initials, writer)
        {
            *counts.entry(initials).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, count)| *count >= 2)
        .max_by_key(|(_, count)| *count)
        .map(|(initials, _)| format!("[{initials}]"))
}

#[cfg(test)]
mod tests;
