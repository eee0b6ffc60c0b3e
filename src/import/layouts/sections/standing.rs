//! How an item says it stands: "[FAIT] …", "… – fait le 24/09", "… (gedaan op 19/02)", a
//! "Closed" cell, "[ANNULÉ] …". A point done or dropped by the time of the meeting is no task
//! for after it; it stays in the meeting's notes. "[EN COURS]", "[OPEN]" go and leave the task.

use super::Reader;
use crate::import::recap::RecapTopic;
use regex::Regex;
use std::sync::LazyLock;

/// Where an item stands, as its own words say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Standing {
    Open,
    Done,
    Dropped,
}

/// Words that say a point is done, folded to lower-case ASCII.
const DONE: &[&str] = &[
    "done",
    "closed",
    "completed",
    "complete",
    "finished",
    "fait",
    "termine",
    "cloture",
    "realise",
    "gedaan",
    "afgerond",
    "klaar",
    "voltooid",
    "gesloten",
    "erledigt",
    "abgeschlossen",
    "fertig",
];

/// Words that say a point was dropped.
const DROPPED: &[&str] = &[
    "cancelled",
    "canceled",
    "dropped",
    "annule",
    "abandonne",
    "geannuleerd",
    "vervallen",
    "geschrapt",
    "storniert",
    "abgesagt",
    "entfallt",
    "entfallen",
];

/// Words that say a point is still open: said, and nothing more.
const OPEN: &[&str] = &[
    "open",
    "new",
    "in progress",
    "ongoing",
    "pending",
    "todo",
    "to do",
    "en cours",
    "ouvert",
    "nouveau",
    "nouvelle",
    "a faire",
    "lopend",
    "nieuw",
    "in behandeling",
    "in uitvoering",
    "offen",
    "neu",
    "in bearbeitung",
    "laufend",
];

fn folded(text: &str) -> String {
    deunicode::deunicode(text.trim()).to_lowercase()
}

/// How a cell or a bracketed word alone says the point stands, if it does.
pub(crate) fn standing_word(text: &str) -> Option<Standing> {
    let word = folded(text.trim_matches(|c: char| !c.is_alphanumeric()));
    if DONE.contains(&word.as_str()) {
        Some(Standing::Done)
    } else if DROPPED.contains(&word.as_str()) {
        Some(Standing::Dropped)
    } else if OPEN.contains(&word.as_str()) {
        Some(Standing::Open)
    } else {
        None
    }
}

/// "[FAIT] Activation des licences (Maxime) – fait le 24/09": how the item stands, and its
/// text without the word that said so when that word opens it.
pub(crate) fn standing(text: &str) -> (Standing, String) {
    static OPENING: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:\[([^\]]{2,20})\]|([A-ZÀ-Ü][A-ZÀ-Ü ]{1,18}):)\s*").ok()
    });
    // "– fait le 24/09", "— done 12 Nov", "(gedaan op 19/02)", "(erledigt)".
    static CLOSING: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\s[–—-]\s+|\()([\p{L} ]{2,20}?)(?:\s+(?:(?:le|op|on|am|du)\s+)?\d[^()–—]{0,15})?\)?\s*\.?\s*$").ok()
    });
    let text = text.trim();
    if let Some(caps) = OPENING.as_ref().and_then(|re| re.captures(text)) {
        let word = caps
            .get(1)
            .or_else(|| caps.get(2))
            .map_or("", |m| m.as_str());
        if let Some(standing) = standing_word(word) {
            let rest = text[caps.get(0).map_or(0, |m| m.end())..].to_string();
            return (standing, rest);
        }
    }
    if let Some(caps) = CLOSING.as_ref().and_then(|re| re.captures(text)) {
        let word = caps.get(1).map_or("", |m| m.as_str());
        if let Some(standing @ (Standing::Done | Standing::Dropped)) = standing_word(word) {
            return (standing, text.to_string());
        }
    }
    (Standing::Open, text.to_string())
}

impl Reader<'_> {
    /// The points done or dropped, as a topic of the notes in the recap's language.
    pub(super) fn keep_settled_points(&mut self) {
        use crate::import::language::Language;
        if self.settled.is_empty() {
            return;
        }
        let title = match self.language {
            Language::English => "Done or dropped",
            Language::Dutch => "Gedaan of geschrapt",
            Language::French => "Fait ou abandonné",
            Language::German => "Erledigt oder entfallen",
        };
        self.recap.left_out.push(format!(
            "{} points done or dropped, kept in the notes under \"{title}\"",
            self.settled.len()
        ));
        let points = std::mem::take(&mut self.settled)
            .into_iter()
            .map(|text| (String::new(), text))
            .collect();
        self.recap.topics.push(RecapTopic {
            title: title.to_string(),
            points,
            ..RecapTopic::default()
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_says_it_is_done_or_dropped_before_or_after_its_text() {
        let cases = [
            (
                "[FAIT] Activation des licences (Maxime) – fait le 24/09.",
                Standing::Done,
            ),
            (
                "Licentie-overzicht doorsturen naar Mieke (gedaan op 19/02)",
                Standing::Done,
            ),
            ("Afspraak met ISP vastleggen (gedaan)", Standing::Done),
            (
                "[ANNULÉ] Test de bascule – reporté sine die",
                Standing::Dropped,
            ),
            ("DONE: send the deck", Standing::Done),
            ("Update the RAID log — done 12 Nov", Standing::Done),
            (
                "[EN COURS] Mise à jour de la politique (Maxime)",
                Standing::Open,
            ),
            ("Send the deck to Ana (Contoso)", Standing::Open),
            ("Prepare the go-live - Sam", Standing::Open),
            (
                "Send the offer – Olivier – fin de la semaine prochaine.",
                Standing::Open,
            ),
            ("Make sure the job is done", Standing::Open),
            ("Bestelling plaatsen (klaar tegen vrijdag)", Standing::Open),
        ];
        for (text, expected) in cases {
            assert_eq!(standing(text).0, expected, "{text}");
        }
        assert_eq!(
            standing("[EN COURS] Mise à jour (Maxime)").1,
            "Mise à jour (Maxime)"
        );
    }

    #[test]
    fn a_cell_alone_says_how_a_row_stands() {
        assert_eq!(standing_word("Closed"), Some(Standing::Done));
        assert_eq!(standing_word("Afgerond"), Some(Standing::Done));
        assert_eq!(standing_word("Open"), Some(Standing::Open));
        assert_eq!(standing_word("Annulé"), Some(Standing::Dropped));
        assert_eq!(standing_word("Arne Verstraete"), None);
    }
}
