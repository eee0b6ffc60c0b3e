//! A recap's title and meeting date: labels and boilerplate off the title, the date and time
//! tools append cut, and the meeting date read from any text that states one with its year.

use super::Style;
use crate::import::deadlines::{self, Context, Reading};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::OnceLock;

pub(super) fn clean_title(title: &str, style: &Style) -> String {
    let mut title = title.trim().trim_matches('*').trim().to_string();
    const COMMON_PREFIXES: &[&str] = &[
        "title:",
        "subject:",
        "meeting:",
        "fw:",
        "fwd:",
        "re:",
        "meeting notes:",
        "meeting summary for",
        "meeting summary:",
        "summary of",
        "recap of",
        "notes from",
        "notes:",
    ];
    loop {
        let lower = title.to_lowercase();
        let prefix = style
            .title_prefixes
            .iter()
            .chain(COMMON_PREFIXES)
            .find(|p| lower.starts_with(&p.to_lowercase()));
        match prefix {
            Some(p) => title = title[p.len()..].trim().to_string(),
            None => break,
        }
    }
    for suffix in style.title_suffixes.iter().chain(&[
        " - Notes by Gemini",
        " – Notes by Gemini",
        "Notes by Gemini",
    ]) {
        let lower = title.to_lowercase();
        if lower.ends_with(&suffix.to_lowercase()) {
            title.truncate(title.len() - suffix.len());
            title = title.trim().to_string();
        }
    }
    title
}

/// The title without the date and time tools append: "Sync (11/18/2025)", "Sync - 2025/11/18
/// 10:00 CET".
pub(super) fn without_date(title: &str) -> String {
    static DATE_TAIL: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = DATE_TAIL.get_or_init(|| {
        Regex::new(r"(?i)\s*[-–—|,]?\s*[\(\[]?\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?:\s*,?\s*\d{1,2}:\d{2}(?:\s*[ap]m)?(?:\s*[a-z]{2,5})?)?\s*[\)\]]?\s*$").ok()
    });
    let cut = match pattern {
        Some(pattern) => pattern.replace(title, "").into_owned(),
        None => title.to_string(),
    };
    let mut cut = cut
        .trim()
        .trim_end_matches(['-', '–', '—', '|', ','])
        .trim()
        .to_string();
    // "Verslag vergadering van 19/11/2026", "Sitzung vom 19.11.2026": the word that led to
    // the date goes with it.
    const LEADING_TO_DATE: &[&str] = &["van", "of", "from", "on", "op", "du", "le", "vom", "am"];
    if cut.len() < title.trim().len() {
        if let Some((head, last)) = cut.rsplit_once(' ') {
            if LEADING_TO_DATE.contains(&last.to_lowercase().as_str()) {
                cut = head.trim_end().to_string();
            }
        }
    }
    if cut.is_empty() {
        title.to_string()
    } else {
        cut
    }
}

/// The order a numeric date shows when one of its numbers is over 12: "11/18/2025" is month
/// first, "18/11/2025" day first.
pub(super) fn numeric_order(text: &str) -> Option<bool> {
    static NUMERIC: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = NUMERIC
        .get_or_init(|| Regex::new(r"\b(\d{1,2})/(\d{1,2})/\d{2,4}\b").ok())
        .as_ref()?;
    let caps = pattern.captures(text)?;
    let first: u32 = caps.get(1)?.as_str().parse().ok()?;
    let second: u32 = caps.get(2)?.as_str().parse().ok()?;
    match (first > 12, second > 12) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// The order every full numeric date of a text agrees on ("23/10/2026" and "13/11/2026" put
/// the day first), for its dates without a year ("06/11"); None when none says or they
/// disagree.
pub(super) fn numeric_order_throughout(text: &str) -> Option<bool> {
    static NUMERIC: OnceLock<Option<Regex>> = OnceLock::new();
    let pattern = NUMERIC
        .get_or_init(|| Regex::new(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b").ok())
        .as_ref()?;
    let mut orders = pattern
        .find_iter(text)
        .filter_map(|date| numeric_order(date.as_str()));
    let first = orders.next()?;
    orders.all(|order| order == first).then_some(first)
}

/// Whether date words hold a year: four digits in a row, or a numeric date's third number.
pub(super) fn states_a_year(words: &str) -> bool {
    let runs: Vec<usize> = words
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .filter(|&len| len > 0)
        .collect();
    runs.iter().any(|&len| len >= 4) || runs.len() >= 3
}

/// The meeting date a text states with its year: "11/18/2025", "Nov 18, 2025", "18 November
/// 2025", "2025-11-18", "2025/11/18". `day_first` settles 03/04/2026; `None` reads such a
/// date only when one number is over 12.
pub(crate) fn meeting_date(text: &str, day_first: Option<bool>) -> Option<NaiveDate> {
    date_with_year(text, day_first, true)
}

/// The meeting date a line of the recap's first lines states, as [`meeting_date`] reads it,
/// but never a date said as a deadline: "prolongé jusqu'au 31 janvier 2027", "bis 15.01.2027"
/// is when something ends, not when the team met.
pub(crate) fn meeting_date_in_line(text: &str, day_first: Option<bool>) -> Option<NaiveDate> {
    date_with_year(text, day_first, false)
}

fn date_with_year(text: &str, day_first: Option<bool>, deadlines_too: bool) -> Option<NaiveDate> {
    let context = Context {
        // Far in the past, so that no date is read as "before the meeting".
        meeting: NaiveDate::from_ymd_opt(1900, 1, 1)?,
        fiscal_start: None,
        day_first,
    };
    deadlines::dates_in(text, &context)
        .into_iter()
        .filter(|found| deadlines_too || !found.introduced)
        .find_map(|found| match found.reading {
            Reading::Due(due)
                if due.precision == crate::dates::Precision::Day && states_a_year(&found.words) =>
            {
                Some(due.date)
            }
            _ => None,
        })
}
