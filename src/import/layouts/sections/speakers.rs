//! A tool that cannot tell voices apart writes "Speaker 2"; where the recap itself says who that
//! is ("Speaker 2 (Pieter De Smet) walked through …"), every "Speaker 2" of it is that person,
//! so that "Speaker 2 to draft the checklist" has an owner. A speaker the recap never names
//! stays "Speaker 3": no owner is guessed.

use regex::{Captures, Regex};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The words the tools write for an unnamed voice, in the four languages.
const SPEAKER: &str = r"(?:Speaker|Spreker|Sprecher(?:in)?|Intervenant(?:e)?|Locuteur|Orateur|Participant|Deelnemer|Teilnehmer(?:in)?)\s+\d{1,2}";

/// The text with each speaker the recap names replaced by the name, and "Speaker 2 (Pieter De
/// Smet)" by the name alone.
pub(super) fn named_speakers(text: &str) -> Cow<'_, str> {
    static NAMED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b({SPEAKER})\s*[(\[]\s*(\p{{Lu}}[\p{{L}}'’-]+(?:\s+(?:(?:van|de|der|den|le|la|du|von|ter|vande|vanden)\s+)*\p{{Lu}}[\p{{L}}'’-]+)+)\s*[)\]]"
        ))
        .ok()
    });
    static ANY: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(&format!(r"\b({SPEAKER})\b")).ok());
    let (Some(named), Some(any)) = (NAMED.as_ref(), ANY.as_ref()) else {
        return Cow::Borrowed(text);
    };
    let mut names: HashMap<String, String> = HashMap::new();
    let mut twice_named = Vec::new();
    for caps in named.captures_iter(text) {
        let speaker = normal(&caps[1]);
        let name = caps[2].to_string();
        match names.get(&speaker) {
            Some(known) if *known != name => twice_named.push(speaker),
            _ => {
                names.insert(speaker, name);
            }
        }
    }
    // Two names for one voice: the tool mixed them up, and neither is sure.
    for speaker in twice_named {
        names.remove(&speaker);
    }
    if names.is_empty() {
        return Cow::Borrowed(text);
    }
    // The name for a speaker the recap names; anything else as it was.
    let mut name_of = |caps: &Captures| {
        names
            .get(&normal(&caps[1]))
            .cloned()
            .unwrap_or_else(|| caps[0].to_string())
    };
    let once = named.replace_all(text, &mut name_of);
    Cow::Owned(any.replace_all(&once, &mut name_of).into_owned())
}

/// "Speaker  2" and "speaker 2" are one voice.
fn normal(speaker: &str) -> String {
    speaker
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_speaker_the_recap_names_is_that_person_everywhere() {
        let text = "- Speaker 2 (Pieter De Smet) walked through the cut-over.\n[ ] Speaker 2 to draft the checklist.\n[ ] Speaker 3 to send the list.";
        assert_eq!(
            named_speakers(text),
            "- Pieter De Smet walked through the cut-over.\n[ ] Pieter De Smet to draft the checklist.\n[ ] Speaker 3 to send the list."
        );
        assert_eq!(
            named_speakers(
                "Intervenant 1 [Élodie Marchal] a présenté. Intervenant 1 enverra le devis."
            ),
            "Élodie Marchal a présenté. Élodie Marchal enverra le devis."
        );
    }

    #[test]
    fn a_speaker_named_two_ways_or_never_stays_a_speaker() {
        let text =
            "Speaker 1 (Ann Peeters) opened; Speaker 1 (Bram Claes) closed. Speaker 1 to call.";
        assert_eq!(named_speakers(text), text);
        let text = "Speaker 4 to send the plan (today).";
        assert_eq!(named_speakers(text), text);
    }
}
