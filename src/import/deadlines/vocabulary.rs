//! The words of deadlines in English, Dutch, French and German: month and weekday names, the
//! phrase patterns (most specific first) and the rule each stands for. `deadlines.rs` reads
//! what a pattern found into a date.

use chrono::Weekday;
use regex::Regex;
use std::sync::OnceLock;

/// Month names and their abbreviations in English, Dutch, French and German.
pub(super) const MONTH: &str = r"(january|february|march|april|may|june|july|august|september|october|november|december|januari|februari|maart|mei|juni|juli|augustus|oktober|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|januar|j[äa]nner|februar|m[äa]rz|maerz|dezember|janv|f[ée]vr|avr|juil|mrt|okt|dez|d[ée]c|m[äa]r|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?";
/// A day of the month: "3", "3rd", "1er" (French), "15." (German).
pub(super) const DAY: &str = r"(\d{1,2})(?:st|nd|rd|th|er)?\.?";
/// Weekday names in English, Dutch, French and German.
pub(super) const WEEKDAY: &str = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)";
/// Words before a deadline that say "by" or "on", in the four languages.
pub(super) const BY: &str = r"(?:by|on|until|till|due|before|for|tegen|voor|vóór|op|tot|uiterlijk|ten\s+laatste|d['’]ici|avant|pour|le|au|jusqu['’]au|bis|zum|am|vor|sp[äa]testens)";

/// A deadline's label before its colon, in the four languages: "Deadline:", "Échéance :",
/// "Pour quand :", "Termin:", "Wanneer:".
pub(super) const DUE_LABEL: &str =
    r"(?:deadline|due\s+date|[ée]ch[ée]ance|pour\s+quand|wanneer|termin|frist|bis\s+wann)";

/// The month a name or abbreviation means, in any of the four languages.
pub(super) fn month_number(name: &str) -> Option<u32> {
    let name = deunicode::deunicode(name.trim_end_matches('.')).to_ascii_lowercase();
    // Longer prefixes first where a shorter one would take another month's name.
    let months = [
        ("juin", 6),
        ("juil", 7),
        ("jan", 1),
        ("feb", 2),
        ("fev", 2),
        ("mar", 3),
        ("mae", 3),
        ("maa", 3),
        ("mrt", 3),
        ("apr", 4),
        ("avr", 4),
        ("may", 5),
        ("mei", 5),
        ("mai", 5),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("aou", 8),
        ("sep", 9),
        ("oct", 10),
        ("okt", 10),
        ("nov", 11),
        ("dec", 12),
        ("dez", 12),
    ];
    months
        .iter()
        .find(|(prefix, _)| name.starts_with(prefix))
        .map(|(_, number)| *number)
}

/// A count of days, weeks or months, in figures or in words of the four languages.
const COUNT: &str = r"(a|an|one|two|three|four|five|six|een|één|twee|drie|vier|vijf|zes|un|une|deux|trois|quatre|cinq|six|quinze|einem|einer|eine|zwei|drei|vier|fünf|sechs|\d+)";

pub(super) fn number_word(word: &str) -> Option<u64> {
    match word.to_lowercase().as_str() {
        "a" | "an" | "one" | "een" | "één" | "un" | "une" | "einem" | "einer" | "eine" => Some(1),
        "two" | "twee" | "deux" | "zwei" => Some(2),
        "three" | "drie" | "trois" | "drei" => Some(3),
        "four" | "vier" | "quatre" => Some(4),
        "five" | "vijf" | "cinq" | "fünf" => Some(5),
        "six" | "zes" | "sechs" => Some(6),
        // "dans quinze jours" is French for a fortnight.
        "quinze" => Some(15),
        other => other.parse().ok(),
    }
}

/// The patterns, most specific first; a later pattern never reads words an earlier one took.
pub(super) struct Patterns {
    pub(super) rules: Vec<(Regex, Rule)>,
}

#[derive(Clone, Copy)]
pub(super) enum Rule {
    Iso,
    IsoSlash,
    DayMonthYear,
    MonthDayYear,
    NumericWithYear,
    NumericSlash,
    NumericDots,
    PartOfMonth,
    PartOfQuarter,
    Tomorrow,
    Today,
    EndOfWeek,
    EndOfMonth,
    IsoWeek,
    Weekday,
    /// A weekday of the week after the meeting's: "volgende week dinsdag".
    WeekdayNextWeek,
    MonthDayRange,
    DayMonthRange,
    EndOfMonthName,
    EndOfNextMonth,
    MonthDay,
    DayMonth,
    Fiscal,
    FiscalNamed,
    CalendarQuarter,
    ThisWeek,
    NextWeek,
    InPeriod,
    InMonth,
    Holiday,
    /// A day with a weekday in its name that is no weekday of the week: "Black Friday",
    /// "Paasmaandag", "lundi de Pâques". Read first, so that its weekday is not.
    NamedDay,
    /// A day of the month alone after a deadline word: "by the 15th", "d'ici le 15".
    DayOfMonth,
}

pub(super) fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        // In this order: the first rule to read a phrase reads it. The patterns are constants
        // of this file, tested below.
        let rules = written_dates()
            .into_iter()
            .chain(weeks_and_weekdays())
            .chain(months_and_periods())
            .filter_map(|(pattern, rule)| {
                Regex::new(&format!("(?i){pattern}"))
                    .ok()
                    .map(|re| (re, rule))
            });
        Patterns {
            rules: rules.collect(),
        }
    })
}

/// Dates with a year or in numbers, parts of months and quarters, tomorrow and today.
fn written_dates() -> Vec<(String, Rule)> {
    vec![
        (r"\b(\d{4})-(\d{2})-(\d{2})\b".into(), Rule::Iso),
        (r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b".into(), Rule::IsoSlash),
        (
            format!(r"\b{DAY}\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b"),
            Rule::DayMonthYear,
        ),
        (
            format!(r"\b{MONTH}\s+{DAY},?\s+(\d{{4}})\b"),
            Rule::MonthDayYear,
        ),
        (
            r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4}|\d{2})\b".into(),
            Rule::NumericWithYear,
        ),
        // "12-01-2027": with dashes only with a full year ("4-5 December" is a span).
        (
            r"\b(\d{1,2})(-)(\d{1,2})-(\d{4})\b".into(),
            Rule::NumericWithYear,
        ),
        // "op donderdag 17/12", "mardi 15/12": the date, which the weekday only names.
        (
            format!(
                r"\b(?:{BY}\s+)?{},?\s+(\d{{1,2}})/(\d{{1,2}})\b",
                WEEKDAY.replacen('(', "(?:", 1)
            ),
            Rule::NumericSlash,
        ),
        // "tegen 27/11", and after a deadline's label: "Tegen: 27/11", "Échéance : 20/11".
        (
            format!(r"\b(?:{BY}|{DUE_LABEL})(?:\s*:\s*|\s+)(\d{{1,2}})/(\d{{1,2}})\b"),
            Rule::NumericSlash,
        ),
        (r"\b(\d{1,2})\.(\d{1,2})\.(?:[^\d]|$)".into(), Rule::NumericDots),
        // "bis 22.01" without its last dot, after a word that makes a deadline.
        (
            format!(r"\b(?:{BY}|{DUE_LABEL})(?:\s*:\s*|\s+)(\d{{1,2}})\.(\d{{1,2}})(?:[\s,;)]|$)"),
            Rule::NumericDots,
        ),
        (
            format!(r"\b(early|mid|late|begin|half|eind|d[ée]but|mi|fin|anfang|mitte)[\s-]+{MONTH}"),
            Rule::PartOfMonth,
        ),
        (
            r"\b(early|mid|late)[\s-]+(?:Q[1-4]|quarter)\b".into(),
            Rule::PartOfQuarter,
        ),
        (r"\b(?:tomorrow|morgen|demain)\b".into(), Rule::Tomorrow),
        (
            r"\b(?:today|EOD|COB|end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+business|vandaag|aujourd['’]hui|heute)\b".into(),
            Rule::Today,
        ),
        // "fin de semaine prochaine", "eind volgende week", "Ende nächster Woche": the end of
        // the week after, read before "fin de semaine" would take this week's.
        (
            r"\b(?:eind|einde|eind\s+van|einde\s+van|het\s+einde\s+van|fin|fin\s+de|la\s+fin\s+de|ende|ende\s+der)\s+(?:de\s+|la\s+)?(?:volgende\s+week|komende\s+week|semaine\s+prochaine|n[äa]chste[nr]?\s+woche|kommende[nr]?\s+woche)\b".into(),
            Rule::NextWeek,
        ),
    ]
}

/// Weeks and their ends, the end of this month, week numbers, weekdays and spans of days.
fn weeks_and_weekdays() -> Vec<(String, Rule)> {
    vec![
        (
            r"\b(?:eind|einde|eind\s+van|einde\s+van|het\s+einde\s+van|fin|fin\s+de|la\s+fin\s+de|ende|ende\s+der)\s+(?:deze\s+|de\s+|la\s+|cette\s+|dieser\s+)?(?:week|semaine|woche)\b".into(),
            Rule::EndOfWeek,
        ),
        (
            r"\b(?:eind|einde|eind\s+van|einde\s+van|het\s+einde\s+van|fin|fin\s+du|la\s+fin\s+du|ende|ende\s+des)\s+(?:deze\s+|de\s+)?(?:maand|mois|monats)\b|\bmonatsende\b".into(),
            Rule::EndOfMonth,
        ),
        (
            format!(r"\b(?:(?:next|volgende|komende)\s+week(?:\s+on)?\s+{WEEKDAY}|(?:n[äa]chste|kommende)\s+woche\s+{WEEKDAY}|{WEEKDAY}\s+(?:of\s+next\s+week|next\s+week|volgende\s+week|van\s+volgende\s+week|de\s+la\s+semaine\s+prochaine|in\s+der\s+n[äa]chsten\s+woche|n[äa]chster\s+woche))\b"),
            Rule::WeekdayNextWeek,
        ),
        (
            r"\b(?:(?:before\s+|by\s+)?EOW|(?:before\s+|by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?week|week'?s\s+end)\b".into(),
            Rule::EndOfWeek,
        ),
        (
            r"\b(?:(?:before\s+|by\s+)?EOM|month[\s-]end|(?:before\s+|by\s+)?(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month)\b".into(),
            Rule::EndOfMonth,
        ),
        (
            r"\b(?:CW|KW|wk|week|semaine|woche)\s?(\d{1,2})\b".into(),
            Rule::IsoWeek,
        ),
        // "pour S7", "by S7" (semaine 7): the letter alone only after a word that makes it a
        // deadline, so that an "S3" bucket is no week.
        // "by W47", as planners write a week.
        (
            r"(?i:\b(?:by|in|tegen|voor|uiterlijk|pour|avant|d'ici|bis)\s+)W(\d{1,2})\b".into(),
            Rule::IsoWeek,
        ),
        (
            r"(?i:\b(?:by|tegen|voor|uiterlijk|pour|avant|d'ici|bis)\s+)S(\d{1,2})\b".into(),
            Rule::IsoWeek,
        ),
        (
            r"\b(?:black\s+friday|cyber\s+monday|good\s+friday|easter\s+monday|whit\s+monday|blue\s+monday|ash\s+wednesday|maundy\s+thursday|goede\s+vrijdag|witte\s+donderdag|paasmaandag|pinkstermaandag|aswoensdag|vendredi\s+saint|jeudi\s+saint|lundi\s+de\s+p[âa]ques|lundi\s+de\s+pentec[ôo]te|mercredi\s+des\s+cendres|karfreitag|gr[üu]ndonnerstag|ostermontag|pfingstmontag|aschermittwoch|rosenmontag)\b".into(),
            Rule::NamedDay,
        ),
        (
            r"\b(?:(by|on|until|till|before|next|this|coming)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b".into(),
            Rule::Weekday,
        ),
        (
            r"\b(by|on|until|till|before|next|this|coming)\s+(mon|tue|tues|wed|thu|thur|thurs|fri)\b\.?".into(),
            Rule::Weekday,
        ),
        // Dutch and German put "next" before the day, French after it.
        (
            format!(r"\b(?:(tegen|voor|op|tot|uiterlijk|volgende|komende|deze|d['’]ici|avant|pour|jusqu['’]à|bis|am|vor|n[äa]chsten|kommenden|diesen)\s+)?{WEEKDAY}(\s+prochain)?\b"),
            Rule::Weekday,
        ),
        (
            format!(r"\b{MONTH}\s+{DAY}\s*(?:-|–|to)\s*{DAY}\b"),
            Rule::MonthDayRange,
        ),
        (
            format!(r"\b{DAY}\s*(?:-|–|to)\s*{DAY}\s+(?:of\s+)?{MONTH}"),
            Rule::DayMonthRange,
        ),
    ]
}

/// A month's end, a month and a day, fiscal and calendar quarters, periods, months, holidays
/// and, last, a day of the month alone.
fn months_and_periods() -> Vec<(String, Rule)> {
    vec![
        (
            format!(r"\b(?:before\s+|by\s+)?(?:the\s+)?end(?:\s+of)?\s+{MONTH}"),
            Rule::EndOfMonthName,
        ),
        (
            format!(r"\b(?:eind|einde|eind\s+van|einde\s+van|het\s+einde\s+van|fin|fin\s+de|fin\s+d['’]|la\s+fin\s+de|la\s+fin\s+d['’]|la\s+fin|ende|ende\s+des)\s*{MONTH}"),
            Rule::EndOfMonthName,
        ),
        (
            r"\b(?:before\s+|by\s+)?the\s+end\s+of\s+next\s+month\b".into(),
            Rule::EndOfNextMonth,
        ),
        (format!(r"\b{MONTH}\s+{DAY}\b"), Rule::MonthDay),
        (format!(r"\b{DAY}\s+(?:of\s+)?{MONTH}"), Rule::DayMonth),
        (
            r"\bQ([1-4])\s+(next|this)\s+fiscal(?:\s+year)?\b".into(),
            Rule::Fiscal,
        ),
        (
            r"\b(?:Q([1-4])\s+FY\s?(\d{2,4})|FY\s?(\d{2,4})\s+Q([1-4]))\b".into(),
            Rule::FiscalNamed,
        ),
        (r"\bQ([1-4])\s+(\d{4})\b".into(), Rule::CalendarQuarter),
        (
            r"\b(?:(?:by\s+the\s+end\s+of\s+)?this\s+week|deze\s+week|cette\s+semaine|diese\s+woche)\b".into(),
            Rule::ThisWeek,
        ),
        (
            r"\b(?:next\s+week|volgende\s+week|komende\s+week|(?:la\s+)?semaine\s+prochaine|n[äa]chste\s+woche|kommende\s+woche)\b".into(),
            Rule::NextWeek,
        ),
        (
            format!(r"\b(?:in|within|binnen|over|dans(?:\s+les)?|d['’]ici|sous|innerhalb\s+von|innert|in)\s+{COUNT}\s+(days?|weeks?|months?|dagen|dag|weken|week|maanden|maand|jours?|semaines?|mois|tagen|tage|tag|wochen|woche|monaten|monate|monat)\b"),
            Rule::InPeriod,
        ),
        (
            format!(r"(?:\b(?:in|by|during|tegen|en|im|bis)|\bd['’]ici)\s+{MONTH}(?:\s+(\d{{4}}))?\b"),
            Rule::InMonth,
        ),
        (
            r"\b(before|by|after|around|until|for|voor|tegen|na|avant|pour|apr[èe]s|vor|bis|nach)\s+(easter|christmas|new\s+year'?s?(?:\s+eve)?|the\s+holidays|summer|kerstmis|kerst|nieuwjaar|pasen|no[ëe]l|nouvel\s+an|p[âa]ques|weihnachten|neujahr|silvester|ostern)\b".into(),
            Rule::Holiday,
        ),
        // Last: "le 15 mars" and "the 15th of March" were read above with their month. The
        // number has an ordinal's ending or ends the phrase: "voor de 5 pilootgebruikers"
        // counts people, and so does "voor de 1.800 medewerkers".
        (
            r"\b(?:by\s+the|before\s+the|on\s+the|d['’]ici\s+le|avant\s+le|pour\s+le|tegen\s+de|voor\s+de|bis\s+zum|vor\s+dem|sp[äa]testens\s+(?:am|zum))\s+(?:(\d{1,2})(?:(?:st|nd|rd|th|de|ste|e|er)\b|\.(?:[^\d]|$))|(\d{1,2})\.?(?:\s*[,;)]|\s*$|\s+(?:au\s+plus\s+tard|at\s+the\s+latest|uiterlijk|ten\s+laatste|sp[äa]testens)\b))".into(),
            Rule::DayOfMonth,
        ),
    ]
}

pub(super) fn weekday_named(name: &str) -> Option<Weekday> {
    let name = name.trim_end_matches('.').to_lowercase();
    [
        ("mon", Weekday::Mon),
        ("tue", Weekday::Tue),
        ("wed", Weekday::Wed),
        ("thu", Weekday::Thu),
        ("fri", Weekday::Fri),
        ("sat", Weekday::Sat),
        ("sun", Weekday::Sun),
        ("maa", Weekday::Mon),
        ("din", Weekday::Tue),
        ("woe", Weekday::Wed),
        ("don", Weekday::Thu),
        ("vri", Weekday::Fri),
        ("zat", Weekday::Sat),
        ("zon", Weekday::Sun),
        ("lun", Weekday::Mon),
        ("mar", Weekday::Tue),
        ("mer", Weekday::Wed),
        ("jeu", Weekday::Thu),
        ("ven", Weekday::Fri),
        ("sam", Weekday::Sat),
        ("dim", Weekday::Sun),
        ("die", Weekday::Tue),
        ("mit", Weekday::Wed),
        ("fre", Weekday::Fri),
        ("sonnabend", Weekday::Sat),
        ("son", Weekday::Sun),
    ]
    .into_iter()
    .filter(|(prefix, _)| name.starts_with(prefix))
    .max_by_key(|(prefix, _)| prefix.len())
    .map(|(_, day)| day)
}
