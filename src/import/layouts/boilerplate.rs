//! What a recap holds that is not the meeting's: the tool's name and its sentences about
//! itself, rows of tabs, footnote marks, a document kind standing as a title, a mail's closing.

use super::lexicon::*;
use super::lines::named_one_of;
use regex::Regex;
use std::sync::OnceLock;

/// A line that is only the name of the tool that wrote the recap: its logo's text, as a mail
/// or a copied page keeps it above the title or below the notes.
pub(super) fn is_tool_name(text: &str) -> bool {
    const TOOLS: &[&str] = &[
        "zoom",
        "webex",
        "fireflies",
        "fireflies.ai",
        "otter",
        "otter.ai",
        "fathom",
        "tl;dv",
        "tldv",
        "copilot",
        "microsoft copilot",
        "gemini",
        "google meet",
        "microsoft teams",
        "teams",
        "notion",
        "notion ai",
        "loop",
        "microsoft loop",
        "confluence",
        "read ai",
        "read.ai",
        "avoma",
        "grain",
        "sembly",
        "tactiq",
        "bluedot",
    ];
    let name = text
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != ';' && c != '.')
        .to_lowercase();
    TOOLS.contains(&name.as_str())
}

/// A title that names only the kind of document: the meeting's own name follows it.
pub(super) fn is_generic_title(text: &str) -> bool {
    const GENERIC: &[&str] = &[
        "meeting report",
        "meeting-bericht",
        "meetingbericht",
        "besprechungsbericht",
        "meeting recap",
        "meeting notes",
        "verslag",
        "vergaderverslag",
        "notulen",
        "compte rendu",
        "compte-rendu",
        "proces-verbal",
        "resume de reunion",
        "protokoll",
    ];
    named_one_of(text, GENERIC)
}

pub(super) fn is_boilerplate(text: &str) -> bool {
    let lower = text.to_lowercase();
    let short = text.chars().count() < 200;
    short && (BOILERPLATE.iter().any(|b| lower.contains(b)) || about_the_tool(&lower))
        || is_reference_mark(text)
        || is_navigation_row(text)
        || short && says_who_wrote_it(&lower)
        || short && wishes_well(&lower)
        || asks_for_a_rating(text)
        || short && is_link_label(text)
        || is_reply_count(text)
}

/// "Hoe goed waren deze notities? 👍 👎", "Copilot · Hat Ihnen diese Zusammenfassung
/// geholfen? 👍 👎": a tool asking for a rating, in any language.
fn asks_for_a_rating(text: &str) -> bool {
    text.contains('👍') && text.contains('👎')
}

/// "Share: https://…", "Opname: https://…": a label and an address, and nothing else.
fn is_link_label(text: &str) -> bool {
    super::lines::labelled(text).is_some_and(|(_, value)| {
        !value.contains(' ') && (value.contains("://") || value.starts_with("www."))
    })
}

/// "Verslag opgemaakt door Joke – graag opmerkingen binnen de week", "Rédigé par Camille",
/// "Minutes taken by Sam": who wrote the minutes, under them; no task and no topic.
fn says_who_wrote_it(lower: &str) -> bool {
    opens_with_any(lower, WRITTEN_BY)
}

/// Who wrote the minutes, by a line that says so ("Notes prises par Aurélie Mathy",
/// "Verslaggever:  Femke Wouters", "Protokollführer: Jens Brandt"): the "I" of its tasks
/// ("Vérifier les sauvegardes → moi") when no mail's sender is.
pub(super) fn minute_taker(text: &str) -> Option<String> {
    const TAKER_LABELS: &[&str] = &[
        "verslaggever",
        "verslag",
        "notulen",
        "redaction",
        "redacteur",
        "redactrice",
        "secretaire",
        "protokollfuhrer",
        "protokollfuhrerin",
        "protokoll",
        "schriftfuhrer",
        "minutes",
        "minute taker",
        "note taker",
        "notes",
        "notities",
        "notizen",
        "auteur",
        "author",
        "autor",
        "verfasser",
        "scribe",
    ];
    text.lines()
        .find_map(|line| {
            let lower = line.trim().to_lowercase();
            let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
            let after = match WRITTEN_BY.iter().find(|words| lower.starts_with(*words)) {
                Some(words) => line
                    .trim()
                    .get(line.trim().len() - lower.len() + words.len()..)?,
                None => {
                    let (label, value) = super::lines::labelled(line.trim())?;
                    let label = deunicode::deunicode(label).to_lowercase();
                    TAKER_LABELS.contains(&label.as_str()).then_some(value)?
                }
            };
            let name = crate::import::owners::attendee_names(after.trim_start_matches([':', ' ']))
                .into_iter()
                .next()?;
            (name.split_whitespace().count() >= 2).then_some(name)
        })
        .or_else(|| text.lines().find_map(taker_in_brackets))
        .or_else(|| chat_poster(text))
}

/// "Olivier Maes  4:12 PM", "[09:41] Sarah Leclercq": who posted a recap copied out of a chat
/// (Slack, Teams), by the header over its first message.
fn chat_poster(text: &str) -> Option<String> {
    static HEADER: OnceLock<Option<Regex>> = OnceLock::new();
    let header = HEADER
        .get_or_init(|| {
            Regex::new(
                r"^(?:\[\d{1,2}:\d{2}(?:\s?[AP]M)?\]\s*(?P<after>\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+){1,2})\s*$|(?P<before>\p{Lu}[\p{L}'-]+(?:\s\p{Lu}[\p{L}'-]+){1,2})\s{2,}\d{1,2}:\d{2}(?:\s?[AP]M)?\s*(?:\(.*\))?$)",
            )
            .ok()
        })
        .as_ref()?;
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .take(6)
        .find_map(|line| {
            let caps = header.captures(line)?;
            caps.name("after")
                .or_else(|| caps.name("before"))
                .map(|name| name.as_str().to_string())
        })
}

/// "Jan Vermeulen (JV, AM, notities)", "Karel Vercruysse (KV) - delivery lead (verslag)": an
/// attendee the list marks as the one who took the notes.
fn taker_in_brackets(line: &str) -> Option<String> {
    const TAKER_MARKS: &[&str] = &[
        "notities",
        "notulen",
        "verslag",
        "notulist",
        "notes",
        "minutes",
        "scribe",
        "notizen",
        "protokoll",
        "pv",
        "proces-verbal",
        "compte rendu",
        "secretaire",
    ];
    let value = super::lines::labelled(line.trim()).map_or(line.trim(), |(_, value)| value);
    let mut start = 0;
    for (open, _) in value.match_indices('(') {
        let close = open + value[open..].find(')')?;
        let marks_taker = value[open + 1..close].split(',').any(|part| {
            TAKER_MARKS.contains(&deunicode::deunicode(part.trim()).to_lowercase().as_str())
        });
        if marks_taker {
            // The name before the brackets, or, where a role and company stand between
            // ("… - delivery lead, Mandeldata (verslag)"), the first of the line.
            let before = value[start..open].rsplit(',').next().unwrap_or_default();
            let names = crate::import::owners::attendee_names;
            let name = names(before)
                .into_iter()
                .next()
                .filter(|name| name.split_whitespace().count() >= 2)
                .or_else(|| names(value).into_iter().next())?;
            return (name.split_whitespace().count() >= 2).then_some(name);
        }
        start = close + 1;
    }
    None
}

const WRITTEN_BY: &[&str] = &[
    "verslag opgemaakt door",
    "verslag opgesteld door",
    "verslag door",
    "notulen opgemaakt door",
    "genotuleerd door",
    "opgemaakt door",
    "opgesteld door",
    "rédigé par",
    "redige par",
    "compte rendu rédigé",
    "procès-verbal rédigé",
    "pv rédigé",
    "minutes taken by",
    "minutes by",
    "notes taken by",
    "written by",
    "prepared by",
    "protokoll erstellt",
    "protokolliert von",
    "verfasst von",
    "erstellt von",
    "notes prises par",
    "notulist",
    "notities door",
    "notities van",
    "notizen von",
    "transkript und notizen von",
    "transcript and notes by",
    "notes by",
];

/// "Ich wünsche Ihnen … eine ruhige Adventszeit", "Je vous souhaite une bonne fin de
/// semaine", "Prettige feestdagen": a mail's good wishes, which the writer owes no one.
fn wishes_well(lower: &str) -> bool {
    const WISHES: &[&str] = &[
        "ich wünsche",
        "wir wünschen",
        "je vous souhaite",
        "je te souhaite",
        "nous vous souhaitons",
        "ik wens",
        "wij wensen",
        "we wensen",
        "i wish you",
        "we wish you",
        "wishing you",
        "fijne feestdagen",
        "prettige feestdagen",
        "joyeuses fêtes",
        "bonnes fêtes",
        "frohe weihnachten",
        "schöne feiertage",
        "frohe festtage",
        "happy holidays",
        "merry christmas",
    ];
    opens_with_any(lower, WISHES)
}

/// Whether `lower`, past any leading marks, opens with one of `phrases`.
fn opens_with_any(lower: &str, phrases: &[&str]) -> bool {
    let lower = lower
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .replace('’', "'");
    phrases.iter().any(|words| lower.starts_with(words))
}

/// "Je reviens vers vous suite à notre réunion de lundi", "Je reste à votre disposition",
/// "Je vous joins le rapport", "Aarzel niet om …": what a mail says to be polite or to point at
/// its attachment or the message it passes on, which owes nothing. Not a line to leave out: in a list of tasks it is
/// where the list ends.
pub(super) fn minds_its_manners(text: &str) -> bool {
    let lower = text.to_lowercase();
    const MANNERS: &[&str] = &[
        "je reviens vers vous",
        "je reste ",
        "nous restons ",
        "je vous joins",
        "vous trouverez ci-joint",
        "vous trouverez en pièce jointe",
        "n'hésitez pas",
        "aarzel niet",
        "in bijlage vind",
        "in bijlage stuur ik",
        "ik blijf ter beschikking",
        "zögern sie nicht",
        "ich stehe ihnen",
        "im anhang finden",
        "anbei sende ich",
        "i remain available",
        "please find attached",
        "feel free to",
        "don't hesitate",
        "do not hesitate",
        // What the mail passes on, now: "Je vous transfère le récapitulatif", "Hieronder de
        // notities", "Here are the notes".
        "je vous transfère",
        "je vous transfere",
        "je te transfère",
        "je vous fais suivre",
        "ci-dessous",
        "voici le ",
        "voici la ",
        "voici les ",
        "hieronder",
        "hierbij de ",
        "hierbij het ",
        "below is",
        "below are",
        "below you",
        "i'm forwarding",
        "i am forwarding",
        "forwarding you",
        "here is the",
        "here are the",
        "anbei die",
        "anbei der",
        "anbei das",
        "nachfolgend",
        "unten finden",
        "ich leite ",
    ];
    opens_with_any(&lower, MANNERS)
}

/// A tool's row of tabs or links: "Recap · Opname en transcriptie · Inhoud · Aanwezigheid",
/// "Vermeldingen (3) · Hoofdstukken (5) · Sprekers (5)". A few words a part, no sentence, no
/// date or time (the meeting's facts are written the same way).
fn is_navigation_row(text: &str) -> bool {
    if is_row_of_links(text) || is_row_of_buttons(text) {
        return true;
    }
    let parts: Vec<&str> = text.split('·').map(str::trim).collect();
    parts.len() >= 3
        && parts.iter().all(|part| {
            let words = part.trim_end_matches(|c: char| c.is_ascii_digit() || "() ".contains(c));
            !part.is_empty()
                && part.split_whitespace().count() <= 4
                && !part.ends_with(['.', '!', '?'])
                && !words.contains(|c: char| c.is_ascii_digit() || c == ':')
        })
}

/// "Bekijk de volledige transcriptie · Open in canvas", "Vraag Fathom iets over deze meeting ·
/// Kopieer samenvatting · Deel": an app's buttons, each opening with what it does to the page
/// (view, open, copy, share, ask), in a row of two or more.
fn is_row_of_buttons(text: &str) -> bool {
    const BUTTON_VERBS: &[&str] = &[
        "view",
        "open",
        "copy",
        "share",
        "ask",
        "play",
        "watch",
        "download",
        "edit",
        "see",
        "bekijk",
        "kopieer",
        "deel",
        "vraag",
        "speel",
        "bewerk",
        "voir",
        "ouvrir",
        "copier",
        "partager",
        "demander",
        "lire",
        "regarder",
        "telecharger",
        "modifier",
        "ansehen",
        "offnen",
        "kopieren",
        "teilen",
        "fragen",
        "abspielen",
        "herunterladen",
        "bearbeiten",
    ];
    let parts: Vec<&str> = text.split(['·', '|']).map(str::trim).collect();
    parts.len() >= 2
        && parts.iter().all(|part| {
            let first = part.split_whitespace().next().unwrap_or_default();
            BUTTON_VERBS.contains(&deunicode::deunicode(&first.to_lowercase()).as_str())
                && part.split_whitespace().count() <= 7
                && !part.ends_with(['.', '!', '?'])
        })
}

/// "3 antwoorden", "12 replies", "2 réponses": the count of a thread's replies under a post.
pub(super) fn is_reply_count(text: &str) -> bool {
    const REPLIES: &[&str] = &[
        "reply",
        "replies",
        "antwoord",
        "antwoorden",
        "reactie",
        "reacties",
        "reponse",
        "reponses",
        "antwort",
        "antworten",
        "comment",
        "comments",
        "commentaire",
        "commentaires",
        "kommentar",
        "kommentare",
    ];
    let mut words = text.split_whitespace();
    let (Some(count), Some(word), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    count.chars().all(|c| c.is_ascii_digit())
        && REPLIES.contains(&deunicode::deunicode(&word.to_lowercase()).as_str())
}

/// "[▶ Voir l'enregistrement](https://…) · [Partager](https://…) ·…": links and what
/// separates them, nothing else.
fn is_row_of_links(text: &str) -> bool {
    let mut rest = text;
    let mut links = 0;
    let mut between = String::new();
    while let Some(open) = rest.find('[') {
        between.push_str(&rest[..open]);
        let Some(link_end) = rest[open..].find("](").and_then(|label_end| {
            rest[open + label_end..]
                .find(')')
                .map(|close| open + label_end + close + 1)
        }) else {
            return false;
        };
        links += 1;
        rest = &rest[link_end..];
    }
    between.push_str(rest);
    links >= 2
        && between
            .chars()
            .all(|c| c.is_whitespace() || "·|•-–—…,;".contains(c))
}

/// A sentence a tool writes in every recap ("AI-generated content may be inaccurate.", "Take
/// a short survey."), which is never a meeting's title, wherever it stands; a title line
/// that names the tool ("Sync - Notes by Gemini") ends in no full stop.
pub(super) fn is_tool_sentence(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.chars().count() < 200
        && text.trim_end().ends_with(['.', '?', '!'])
        && BOILERPLATE.iter().any(|b| lower.contains(b))
}

/// A line in which the tool speaks of itself: its name with what it asks of the reader
/// ("You should review Gemini's notes", "Controleer de notities van Gemini", "Geben Sie
/// Feedback zu Gemini", "View meeting recap on Fireflies").
fn about_the_tool(lower: &str) -> bool {
    const TOOLS: &[&str] = &[
        "gemini",
        "copilot",
        "zoom",
        "webex",
        "otter",
        "fireflies",
        "fathom",
        "tl;dv",
        "loop",
        "planner",
        "ai assistant",
        "ai companion",
        "notion ai",
    ];
    const ASKS: &[&str] = &[
        "review",
        "feedback",
        "accura",
        "verify",
        "view ",
        "never take notes",
        "controleer",
        "juist",
        "enquête",
        "vérifier",
        "exactitude",
        "avis",
        "prüfen",
        "richtigkeit",
        "umfrage",
        "shared in",
        "gedeeld",
        "partagé",
        "geteilt",
        "synchroni",
        "stays in sync",
        "généré",
        "gegenereerd",
        "generiert",
        "generated",
        "learn more",
        "meer informatie",
        "en savoir plus",
        "weitere informationen",
    ];
    TOOLS.iter().any(|tool| lower.contains(tool)) && ASKS.iter().any(|ask| lower.contains(ask))
}

/// "[1]" or "[2] Transcript, 00:14:05": a footnote's mark or its source line.
fn is_reference_mark(text: &str) -> bool {
    let text = text.trim();
    text.strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
        .is_some_and(|(number, rest)| {
            !number.is_empty()
                && number.chars().all(|c| c.is_ascii_digit())
                && (rest.trim().is_empty() || rest.to_lowercase().contains("transcript"))
        })
}

/// A mail's closing ("Best,", "Met vriendelijke groet", "Bien à vous", "Mit freundlichen
/// Grüßen"): what follows is its signature, not its notes.
pub(super) fn is_closing(text: &str) -> bool {
    const CLOSINGS: &[&str] = &[
        "best",
        "best regards",
        "kind regards",
        "regards",
        "cheers",
        "thanks",
        "many thanks",
        "thank you",
        "met vriendelijke groet",
        "met vriendelijke groeten",
        "vriendelijke groeten",
        "groeten",
        "mvg",
        "bien à vous",
        "bien a vous",
        "cordialement",
        "bien cordialement",
        "bonne journée",
        "bonne soirée",
        "merci",
        "mit freundlichen grüßen",
        "mit freundlichen grüssen",
        "viele grüße",
        "beste grüße",
        "liebe grüße",
        "gruß",
        "vg",
        "groetjes",
        "hartelijke groeten",
        "met hartelijke groet",
        "fijne dag",
        "fijn weekend",
        "salutations",
        "belle journée",
        "bonne fin de journée",
        "à bientôt",
        "amitiés",
        "best wishes",
        "all the best",
        "have a good weekend",
        "have a great weekend",
        "schöne grüße",
        "grüße",
    ];
    let lower = text
        .trim()
        .trim_end_matches([',', '!', '.'])
        .trim()
        .to_lowercase();
    CLOSINGS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows of links and a tool's buttons are the tool's, never a task.
    #[test]
    fn the_minute_taker_is_the_one_the_attendees_mark_or_a_line_names() {
        let table = [
            (
                "aanw: Jan Vermeulen (JV, AM, notities), Elke Mertens (EM, SA)",
                Some("Jan Vermeulen"),
            ),
            (
                "Aanwezig: Annelies Coopman (AC)\n   Karel Vercruysse (KV) - delivery lead, Mandeldata (verslag)",
                Some("Karel Vercruysse"),
            ),
            (
                "Transkript und Notizen von Lukas Heinen · erstellt mit Tactiq",
                Some("Lukas Heinen"),
            ),
            ("Présents : Anne Dubois (AD), Marc Piron (MP, DSI)", None),
            ("Notes (2 pages) on the Q3 plan", None),
            (
                "#acc-skyport\n\nOlivier Maes  4:12 PM  (Friday)\nThx all! Recap:",
                Some("Olivier Maes"),
            ),
            ("[09:41] Sarah Leclercq\nRecap van de call:", Some("Sarah Leclercq")),
            ("Weekly Sync  10:00 - 11:00\nNotes", None),
        ];
        for (text, taker) in table {
            assert_eq!(minute_taker(text).as_deref(), taker, "{text}");
        }
    }

    #[test]
    fn rows_of_links_and_buttons_are_the_tools() {
        for line in [
            "[▶ Voir l'enregistrement](https://tldv.io/app/m/1) · [Partager](https://tldv.io/s/1) ·…",
            "[Bekijk volledige transcriptie](https://app.fireflies.ai/view/1) · [Deel](https://x.test/)",
            "Ajouter aux tâches · Attribuer dans Planner",
            "Vous recevez ce récapitulatif car vous participiez à une réunion enregistrée par Fireflies.ai",
            "Bekijk de volledige transcriptie · Open in canvas",
            "Vraag Fathom iets over deze meeting · Kopieer samenvatting · Deel",
            "Je ontvangt deze e-mail omdat je deze meeting hebt opgenomen.",
            "3 antwoorden",
            "12 replies",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "Send [the deck](https://x.test/deck) to Ann by Friday",
            "[Offerte](https://x.test/o) en [planning](https://x.test/p) sturen naar Els",
            "Bekijk de offerte · Lien",
            "Open the firewall port for the VPN by Friday",
            "3 servers patchen",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }
}
