//! The words around a date that say what it is: of the past ("since the 12 Oct incident"),
//! when something starts ("vanaf januari"), the date of a thing the task names ("la panne du 3
//! novembre"), or a deadline ("by", "tegen", "d'ici").

use std::ops::Range;

/// Words that, just before or after a date, make it a date of the past or of something else
/// than the task: "agreed in September", "signed on 2 May", "last Friday", "two weeks ago",
/// "since the 12 Oct incident", "after the 3 March go-live", in the four languages.
pub(super) const PAST_BEFORE: &[&str] = &[
    "agreed",
    "discussed",
    "decided",
    "signed",
    "started",
    "happened",
    // Not "met": it is Dutch for "with" ("bevestigen met finance tegen vrijdag").
    "held",
    "was",
    "were",
    "since",
    "last",
    "received",
    "launched",
    "completed",
    "finished",
    "presented",
    "began",
    "occurred",
    "took",
    "after",
    "following",
    "sinds",
    "na",
    "vorige",
    "afgelopen",
    "depuis",
    "apres",
    "dernier",
    "derniere",
    "seit",
    "nach",
    "letzten",
    "letzte",
    // The day something starts ("àpd 1/11 is Geert hun enige contactpersoon", "vanaf 1
    // januari", "à partir du 1er", "starting 1 Nov"), not one to meet. Not the German "ab":
    // it ends a verb as often ("stimme … ab und melde mich bis Freitag").
    "vanaf",
    "apd",
    "partir",
    "starting",
    "effective",
];

/// Words that make the date after them a deadline, which no earlier word then undoes.
pub(super) const DEADLINE_BEFORE: &[&str] = &[
    "by",
    "before",
    "until",
    "till",
    "due",
    "deadline",
    "tegen",
    "voor",
    "uiterlijk",
    "tot",
    "avant",
    "d'ici",
    "pour",
    "jusqu'au",
    "bis",
    "vor",
    "spatestens",
    // "ten laatste op 9 maart"
    "laatste",
    "frist",
];

/// A word folded and without punctuation around it ("d'ici" keeps its apostrophe).
pub(super) fn bare(word: &str) -> String {
    deunicode::deunicode(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .to_lowercase()
}

/// Up to `count` words before `span`, nearest first, bare.
pub(super) fn words_before(text: &str, span: &Range<usize>, count: usize) -> Vec<String> {
    text[..span.start]
        .split_whitespace()
        .rev()
        .take(count)
        .map(bare)
        .collect()
}

pub(super) fn about_the_past(text: &str, span: &Range<usize>, particle_may_precede: bool) -> bool {
    // Up to four words back ("depuis la panne du 3 novembre"), stopping at a word that makes
    // it a deadline ("since the outage, by 3 March").
    for (back, word) in words_before(text, span, 4).into_iter().enumerate() {
        if DEADLINE_BEFORE.contains(&word.as_str()) {
            break;
        }
        if back == 0 && particle_may_precede && matches!(word.as_str(), "na" | "nach") {
            continue;
        }
        if PAST_BEFORE.contains(&word.as_str()) {
            return true;
        }
    }
    let after = text[span.end..]
        .split_whitespace()
        .next()
        .map(bare)
        .unwrap_or_default();
    after == "ago" || after == "geleden"
}

/// Whether the date is when something starts, not when it is due: "neemt vanaf januari de
/// projectleiding over", "à partir du 4 janvier", "ab 1. Februar", "starting March 1".
pub(super) fn starts_then(text: &str, span: &Range<usize>) -> bool {
    let words = words_before(text, span, 2);
    let first = words.first().map(String::as_str);
    matches!(
        first,
        Some("vanaf" | "ab" | "starting" | "effective" | "from")
    ) && !matches!(
        words.get(1).map(String::as_str),
        Some("ready" | "available")
    ) || matches!(first, Some("de" | "du" | "d"))
        && words.get(1).is_some_and(|word| word == "partir")
}

/// Words that make the date after them a date of the thing before: "the go-live date of 1
/// December", "la panne du 3 novembre", "die Sitzung vom 12. März", and the start of a span
/// ("du 14 au 31 décembre").
pub(super) const OF_BEFORE: &[&str] = &["of", "from", "van", "du", "des", "vom"];

/// Words before an "of" date that make it the task's deadline after all: "present it at the
/// steering committee of 15 December", "op het directiecomité van 15 december".
pub(super) const AT_BEFORE: &[&str] = &[
    "at", "on", "op", "bij", "tijdens", "lors", "auf", "am", "zur",
];

/// Whether the date at `span` is the date of something the task names rather than when the
/// task is due: "met de nieuwe go-livedatum van 1 december", "le gel du 14 au 31 décembre".
/// A deadline word or an "at" a few words back keeps it a deadline ("uiterlijk op het
/// directiecomité van 15 december").
pub(super) fn date_of_something(text: &str, span: &Range<usize>) -> bool {
    let words = words_before(text, span, 8);
    let is_number = |w: &String| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    // "du 14 au 31 décembre", "van 14 tot 31 december", "vom 14. bis 31. Dezember".
    let span_end = words.len() >= 3
        && ["au", "tot", "to", "bis", "until", "-"].contains(&words[0].as_str())
        && is_number(&words[1])
        && OF_BEFORE.contains(&words[2].as_str());
    let of = words
        .first()
        .is_some_and(|w| OF_BEFORE.contains(&w.as_str()));
    if !(of || span_end) {
        return false;
    }
    // "in het weekend van 9 januari", "the week of 12 January": when the task is done.
    const PERIODS: &[&str] = &[
        "week",
        "weekend",
        "semaine",
        "woche",
        "wochenende",
        "day",
        "dag",
    ];
    if of && words.get(1).is_some_and(|w| PERIODS.contains(&w.as_str())) {
        return false;
    }
    let start = if span_end { 3 } else { 1 };
    !words
        .iter()
        .skip(start)
        .take(6)
        .any(|w| DEADLINE_BEFORE.contains(&w.as_str()) || AT_BEFORE.contains(&w.as_str()))
}
