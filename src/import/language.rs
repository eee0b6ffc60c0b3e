//! Which of the four languages a recap is written in, from its most common small words: the
//! order of numeric dates follows from it (Dutch, French and German write the day first).

pub(crate) use crate::language::Language;

impl Language {
    /// Whether numeric dates give the day first; English leaves it open (US tools write the
    /// month first, British writers the day).
    pub(crate) fn day_first(self) -> Option<bool> {
        match self {
            Language::English => None,
            _ => Some(true),
        }
    }
}

impl Language {
    /// Whether `word` has the shape of a verb written after its subject that says what the
    /// subject will do: the present of Dutch and German ("stuurt", "liefert"), the future of
    /// French ("enverra", "animeront"). English has none: "sends" has the shape of "notes",
    /// and "forecast" of "sent".
    pub(crate) fn is_verb_of_action(self, word: &str) -> bool {
        let shaped = word.chars().count() >= 4 && word.chars().all(|c| c.is_lowercase());
        shaped
            && match self {
                Language::English => false,
                Language::Dutch | Language::German => word.ends_with('t'),
                Language::French => word.ends_with("ra") || word.ends_with("ront"),
            }
    }
}

/// Words each language uses in every other sentence and the others hardly ever.
const SMALL_WORDS: [(Language, &[&str]); 4] = [
    (
        Language::English,
        &[
            "the", "and", "to", "of", "will", "with", "for", "is", "on", "by", "we", "this",
        ],
    ),
    (
        Language::Dutch,
        &[
            "de", "het", "een", "en", "van", "met", "voor", "zal", "is", "op", "we", "niet",
            "naar", "tegen", "ook",
        ],
    ),
    (
        Language::French,
        &[
            "le", "la", "les", "des", "et", "du", "pour", "avec", "est", "une", "un", "sur", "va",
            "au", "d'ici",
        ],
    ),
    (
        Language::German,
        &[
            "der", "die", "das", "und", "mit", "für", "ist", "wird", "ein", "eine", "den", "zu",
            "bis", "nicht", "auf",
        ],
    ),
];

/// The language most of `text`'s small words belong to; English when none stands out.
pub(crate) fn detect(text: &str) -> Language {
    let mut counts = [0usize; 4];
    for word in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(5000)
    {
        let word = word.to_lowercase();
        for (i, (_, words)) in SMALL_WORDS.iter().enumerate() {
            if words.contains(&word.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let (best, count) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, count)| **count)
        .map_or((0, 0), |(i, c)| (i, *c));
    // A clear lead only: a few Dutch names in an English recap make it no Dutch one.
    let second = counts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != best)
        .map(|(_, c)| *c)
        .max()
        .unwrap_or(0);
    if count >= 3 && count > second * 3 / 2 {
        SMALL_WORDS[best].0
    } else {
        Language::English
    }
}

/// "Oui : le site survey aura lieu …", "Klopt, goed gezien": an answer's first word.
pub(crate) const ANSWERS: &[&str] = &[
    "oui",
    "non",
    "ja",
    "nee",
    "nein",
    "yes",
    "exact",
    "exactement",
    "klopt",
    "inderdaad",
    "genau",
    "parfait",
    "correct",
    "okay",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recaps_are_told_apart_by_their_small_words() {
        let table = [
            ("Sam will send the revised quote to procurement by Friday and we review it.", Language::English),
            ("Wouter zal de offerte tegen vrijdag naar de klant sturen en het plan met Els bespreken.", Language::Dutch),
            ("Céline va envoyer le devis au client d'ici vendredi et partager la démo avec les achats.", Language::French),
            ("Jonas wird das Angebot bis Freitag an den Kunden senden und die Demo mit dem Einkauf planen.", Language::German),
            ("Wouter Claes, Sofie Janssens", Language::English),
        ];
        for (text, language) in table {
            assert_eq!(detect(text), language, "{text}");
        }
    }
}
