//! A recap sent in two languages one after the other, as Belgian teams write to bilingual
//! readers ("*** Version française ci-dessous ***", then the Dutch text, a rule, the same in
//! French): the second is a translation of the first, and reading it would make every task
//! twice.

use regex::Regex;
use std::sync::LazyLock;

/// The text up to where its translation starts, and how many lines of translation follow;
/// the whole text and 0 when it says of no translation below.
pub(super) fn without_translation(text: &str) -> (&str, usize) {
    static ANNOUNCED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?im)^\W*(?:(?:version|versie|fassung|text|tekst|texte)\s+\p{L}+|\p{L}+\s+(?:version|versie|fassung|text|tekst|texte)|english|fran[cç]ais|nederlands|deutsch|en|fr|nl|de)\s*(?:ci-dessous|plus bas|hieronder|verderop|below|further down|unten|weiter unten)\b",
        )
        .ok()
    });
    static SEPARATOR: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?im)^\s*(?:[-=_*~–—]{5,}|[-=_*~\[(–—\s]*(?:fr|nl|en|de|fran[cç]ais|nederlands|english|deutsch|version fran[cç]aise|nederlandse versie|english version|deutsche fassung)[-=_*~\])–—\s:]*)\s*$",
        )
        .ok()
    });
    let Some(announced) = ANNOUNCED.as_ref().and_then(|re| re.find(text)) else {
        return (text, 0);
    };
    // The first separator after some text of the first language.
    let after = announced.end();
    let Some(separator) = SEPARATOR.as_ref().and_then(|re| {
        re.find_iter(&text[after..])
            .find(|m| !text[after..after + m.start()].trim().is_empty())
    }) else {
        return (text, 0);
    };
    let cut = after + separator.start();
    (
        &text[..cut],
        text[cut..].lines().filter(|l| !l.trim().is_empty()).count(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_translation_below_a_rule_is_left_out() {
        let text = "*** Version française ci-dessous ***\nBeste Marc,\n- Arnaud: specs tegen 25/03.\n\n------------\nCher Marc,\n- Arnaud : specs d'ici le 25/03.\n";
        let (kept, left) = without_translation(text);
        assert!(kept.contains("specs tegen 25/03"), "{kept}");
        assert!(!kept.contains("Cher Marc"), "{kept}");
        assert_eq!(left, 3);
        let headed =
            "(English below)\nHallo allen,\n- Jan: offerte.\n\nEN\nHi all,\n- Jan: quote.\n";
        let (kept, _) = without_translation(headed);
        assert!(!kept.contains("Hi all"), "{kept}");
    }

    #[test]
    fn a_recap_in_one_language_is_kept_whole() {
        for text in [
            "Hallo allen,\n- Jan: offerte.\n\n----------\nMet vriendelijke groet,\nJan\n",
            "See below for the actions.\n\n-----\n- Jan: quote.\n",
            "FR below is the region code.\n",
        ] {
            assert_eq!(without_translation(text), (text, 0), "{text}");
        }
    }
}
