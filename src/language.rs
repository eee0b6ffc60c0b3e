//! The four languages dossier reads and writes: recaps come in them (`import`), and a site's
//! pages, calendar and feed are written in the one site.toml names (`language = "nl"`).

use chrono::Weekday;
use serde::{Deserialize, Serialize};

/// English, Dutch, French or German; written in site.toml as its ISO 639-1 code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "nl")]
    Dutch,
    #[serde(rename = "fr")]
    French,
    #[serde(rename = "de")]
    German,
}

/// `pattern` with each `{name}` of `values` put in: the date patterns below, the theme's words,
/// the calendars' words.
pub(crate) fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(pattern.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// How a language writes dates, as patterns of `{weekday}`, `{day}`, `{month}`, `{year}` and
/// `{quarter}`: one table for the pages (`dates.rs`) and the theme's script (`static/words.js`).
#[derive(Debug, Clone, Copy, Serialize)]
pub struct DatePatterns {
    /// A day, with the short names: "Fri 4 Dec 2026".
    pub day: &'static str,
    /// A day of this year, with the short month: "4 Dec".
    pub short_day: &'static str,
    /// A day heading a calendar's cell, with the full names: "Friday 4 December".
    pub long_day: &'static str,
    /// A deadline at a month's end, with the full month: "by end of December 2025".
    pub month_end: &'static str,
    /// A deadline at a quarter's end: "by end of Q4 2025".
    pub quarter_end: &'static str,
    /// The day a task was done, `{day}` the day as written above: "done Fri 4 Dec 2026".
    pub done_on: &'static str,
}

impl Language {
    pub const ALL: [Language; 4] = [
        Language::English,
        Language::Dutch,
        Language::French,
        Language::German,
    ];

    /// The ISO 639-1 code: `<html lang>`, the theme's `i18n/<code>.toml`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Dutch => "nl",
            Language::French => "fr",
            Language::German => "de",
        }
    }

    /// A count as the language writes it, its thousands grouped as CLDR (and so a browser's
    /// `toLocaleString`) groups them: `1,873` in English, `1.873` in Dutch and German, `1 873`
    /// (a narrow no-break space) in French.
    pub fn count(self, count: i64) -> String {
        let digits = count.unsigned_abs().to_string();
        let separator = match self {
            Language::English => ",",
            Language::Dutch | Language::German => ".",
            Language::French => "\u{202f}",
        };
        let mut grouped = String::new();
        for (at, digit) in digits.chars().enumerate() {
            if at > 0 && (digits.len() - at).is_multiple_of(3) {
                grouped.push_str(separator);
            }
            grouped.push(digit);
        }
        if count < 0 {
            grouped.insert(0, '-');
        }
        grouped
    }

    /// Whether a count takes the singular: CLDR's "one" category, which in French holds 0 and
    /// 1 ("0 jour", "1 jour", "2 jours") and in the three others 1 alone ("0 days").
    pub fn takes_singular(self, count: i64) -> bool {
        match self {
            Language::French => count == 0 || count == 1,
            _ => count == 1,
        }
    }

    pub fn date_patterns(self) -> DatePatterns {
        let (day, short_day, long_day) = match self {
            Language::German => (
                "{weekday}, {day}. {month} {year}",
                "{day}. {month}",
                "{weekday}, {day}. {month}",
            ),
            _ => (
                "{weekday} {day} {month} {year}",
                "{day} {month}",
                "{weekday} {day} {month}",
            ),
        };
        let (month_end, quarter_end, done_on) = match self {
            Language::English => (
                "by end of {month} {year}",
                "by end of Q{quarter} {year}",
                "done {day}",
            ),
            Language::Dutch => (
                "eind {month} {year}",
                "eind Q{quarter} {year}",
                "klaar op {day}",
            ),
            Language::French => (
                "fin {month} {year}",
                "fin T{quarter} {year}",
                "fait le {day}",
            ),
            Language::German => (
                "bis Ende {month} {year}",
                "bis Ende Q{quarter} {year}",
                "erledigt am {day}",
            ),
        };
        DatePatterns {
            day,
            short_day,
            long_day,
            month_end,
            quarter_end,
            done_on,
        }
    }

    /// A weekday's short name as a date line writes it ("Fri", "vr", "ven.", "Fr.").
    pub fn weekday_short(self, day: Weekday) -> &'static str {
        let names = match self {
            Language::English => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            Language::Dutch => ["ma", "di", "wo", "do", "vr", "za", "zo"],
            Language::French => ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
            Language::German => ["Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."],
        };
        names[day.num_days_from_monday() as usize]
    }

    /// A weekday's full name ("Friday", "vrijdag", "vendredi", "Freitag").
    pub fn weekday(self, day: Weekday) -> &'static str {
        let names = match self {
            Language::English => [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ],
            Language::Dutch => [
                "maandag",
                "dinsdag",
                "woensdag",
                "donderdag",
                "vrijdag",
                "zaterdag",
                "zondag",
            ],
            Language::French => [
                "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            ],
            Language::German => [
                "Montag",
                "Dienstag",
                "Mittwoch",
                "Donnerstag",
                "Freitag",
                "Samstag",
                "Sonntag",
            ],
        };
        names[day.num_days_from_monday() as usize]
    }

    /// A month's short name, `month` from 1 ("Nov", "nov", "nov.", "Nov.").
    pub fn month_short(self, month: u32) -> &'static str {
        let names = match self {
            Language::English => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
            Language::Dutch => [
                "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
            ],
            Language::French => [
                "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
                "nov.", "déc.",
            ],
            Language::German => [
                "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
                "Nov.", "Dez.",
            ],
        };
        names[month.clamp(1, 12) as usize - 1]
    }

    /// A month's full name, `month` from 1, as inside a sentence ("November", "november",
    /// "novembre", "November").
    pub fn month(self, month: u32) -> &'static str {
        let names = match self {
            Language::English => [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ],
            Language::Dutch => [
                "januari",
                "februari",
                "maart",
                "april",
                "mei",
                "juni",
                "juli",
                "augustus",
                "september",
                "oktober",
                "november",
                "december",
            ],
            Language::French => [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            Language::German => [
                "Januar",
                "Februar",
                "März",
                "April",
                "Mai",
                "Juni",
                "Juli",
                "August",
                "September",
                "Oktober",
                "November",
                "Dezember",
            ],
        };
        names[month.clamp(1, 12) as usize - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_by_thousands_as_each_language_writes_them() {
        assert_eq!(Language::English.count(1873), "1,873");
        assert_eq!(Language::English.count(999), "999");
        assert_eq!(Language::English.count(1_234_567), "1,234,567");
        assert_eq!(Language::Dutch.count(44_981), "44.981");
        assert_eq!(Language::German.count(100_000), "100.000");
        assert_eq!(Language::French.count(1873), "1\u{202f}873");
        assert_eq!(Language::English.count(-12_500), "-12,500");
        assert_eq!(Language::Dutch.count(0), "0");
    }

    #[test]
    fn french_counts_zero_as_singular_and_the_others_do_not() {
        assert!(Language::French.takes_singular(0));
        assert!(Language::French.takes_singular(1));
        assert!(!Language::French.takes_singular(2));
        for language in [Language::English, Language::Dutch, Language::German] {
            assert!(!language.takes_singular(0), "{language:?}");
            assert!(language.takes_singular(1), "{language:?}");
            assert!(!language.takes_singular(-1), "{language:?}");
        }
    }

    #[test]
    fn each_language_is_written_in_site_toml_as_its_code() {
        #[derive(Deserialize)]
        struct Setting {
            language: Language,
        }
        for language in Language::ALL {
            let text = format!("language = \"{}\"", language.code());
            let read: Setting = toml::from_str(&text).expect("a language code");
            assert_eq!(read.language, language);
        }
        assert!(toml::from_str::<Setting>("language = \"dutch\"").is_err());
    }
}
