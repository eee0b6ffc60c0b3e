use super::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Reads a phrase as of Tuesday 18 November 2025, the sample meeting.
fn due(phrase: &str, fiscal: Option<u32>) -> Option<String> {
    let found = find(phrase, date(2025, 11, 18), fiscal);
    deadline_of(&found).map(|(_, due)| due.token())
}

#[test]
fn phrases_read_relative_to_the_meeting() {
    let table = [
        ("close it before the end of November", Some("2025-11-30")),
        ("book the room by end Nov", Some("2025-11-30")),
        ("send the SOW by W49", Some("2025-12-05")),
        ("by the end of the month", Some("2025-11-30")),
        ("before the end of next month", Some("2025-12-31")),
        (
            "the meeting with CTO Gert on December 9th",
            Some("2025-12-09"),
        ),
        ("the milestone (Dec 4-5)", Some("2025-12-05")),
        ("on 4–5 December", Some("2025-12-05")),
        ("by March 31st", Some("2026-03-31")),
        ("on 31 March", Some("2026-03-31")),
        ("reach out to Paulo in January", Some("2026-01")),
        ("by February 2027", Some("2027-02")),
        ("ship it on 2026-05-15", Some("2026-05-15")),
        ("feedback this week", Some("2025-11-21")),
        ("next week", Some("2025-11-28")),
        ("in two weeks", Some("2025-12-02")),
        ("in 3 days", Some("2025-11-21")),
        ("in a month", Some("2025-12-18")),
        ("Q2 2026", Some("2026-Q2")),
        // Sixteen days before the meeting: a review that took place, never moved a year ahead.
        ("the November 2nd review", None),
        ("since the 12 Oct incident", None),
        ("after the 3 March go-live", None),
        // The day something starts.
        ("àpd 1/12 is Geert hun enige contactpersoon", None),
        ("vanaf 15 december neemt Luc over", None),
        ("à partir du 1er décembre", None),
        ("ab 1.12. ist Jan zuständig", None),
        // The date of something the task names, not when it is due.
        (
            "update the plan with the new go-live date of 1 December",
            None,
        ),
        (
            "planning bijwerken met de nieuwe go-livedatum van 1 december",
            None,
        ),
        (
            "intégrer le gel des mises en production du 14 au 31 décembre",
            None,
        ),
        ("die Unterlagen der Sitzung vom 12. Dezember ergänzen", None),
        // … unless the task is due at that thing.
        (
            "budget goedkeuren, uiterlijk op het directiecomité van 15 december",
            Some("2025-12-15"),
        ),
        (
            "present it at the steering committee of 15 December",
            Some("2025-12-15"),
        ),
        ("avant la réunion du 15 décembre", Some("2025-12-15")),
        (
            "de firmware bijwerken in het weekend van 9 januari",
            Some("2026-01-09"),
        ),
        // A month ahead across the new year is next year's.
        ("by 5 January", Some("2026-01-05")),
        ("end of February", Some("2026-02-28")),
        ("once the export is available", None),
        ("before Easter", None),
        ("December or January go-live", None),
        ("Q3 next fiscal year", None),
    ];
    for (phrase, expected) in table {
        assert_eq!(due(phrase, None).as_deref(), expected, "{phrase}");
    }
}

/// Every phrase the importer promises, read as of Tuesday 18 November 2025.
#[test]
fn the_phrases_recap_tools_write() {
    let table = [
        ("by Friday", Some("2025-11-21")),
        ("Sam to send the deck Friday", Some("2025-11-21")),
        ("this Friday", Some("2025-11-21")),
        ("on Monday", Some("2025-11-24")),
        ("by Mon.", Some("2025-11-24")),
        ("next Tuesday", Some("2025-11-25")),
        ("by Tuesday", Some("2025-11-25")),
        ("tomorrow", Some("2025-11-19")),
        ("EOD", Some("2025-11-18")),
        ("by end of day", Some("2025-11-18")),
        ("by EOW", Some("2025-11-21")),
        ("before the end of the week", Some("2025-11-21")),
        ("end of week", Some("2025-11-21")),
        ("by end of month", Some("2025-11-30")),
        ("EOM", Some("2025-11-30")),
        ("at month-end", Some("2025-11-30")),
        ("by 12/15", Some("2025-12-15")),
        ("by the 15th", Some("2025-12-15")),
        ("by the 25th.", Some("2025-11-25")),
        ("d'ici le 15", Some("2025-12-15")),
        ("tegen de 20ste", Some("2025-11-20")),
        ("bis zum 30.", Some("2025-11-30")),
        ("d'ici le 15 janvier", Some("2026-01-15")),
        ("for the 15 participants", None),
        ("voor de 5 pilootgebruikers", None),
        ("vóór 30/11", Some("2025-11-30")),
        ("fin de semaine prochaine", Some("2025-11-28")),
        ("tegen eind volgende week", Some("2025-11-28")),
        ("bis Ende nächster Woche", Some("2025-11-28")),
        ("fin de semaine", Some("2025-11-21")),
        ("d'ici le 15, merci", Some("2025-12-15")),
        ("pour le 1er", Some("2025-12-01")),
        (
            "Frau Weber wird bis zum 28. das Angebot senden",
            Some("2025-11-28"),
        ),
        ("spätestens am 16.", Some("2025-12-16")),
        ("due 15.12.", Some("2025-12-15")),
        ("until 15.12.2025", Some("2025-12-15")),
        ("by 12/15/2025", Some("2025-12-15")),
        ("22 Jan 2027", Some("2027-01-22")),
        ("d'ici février", Some("2026-02")),
        ("tegen februari", Some("2026-02")),
        ("January 22, 2027", Some("2027-01-22")),
        ("2025/12/01", Some("2025-12-01")),
        ("mid-January", Some("2026-01-15")),
        ("early December", Some("2025-12")),
        ("late December", Some("2025-12-31")),
        ("early Q1", None),
        ("CW 5", Some("2026-01-30")),
        ("KW 50", Some("2025-12-12")),
        ("in week 48", Some("2025-11-28")),
        ("before Christmas", Some("2025-12-24")),
        ("by New Year", Some("2025-12-31")),
        ("before Easter", None),
        ("as agreed in September", None),
        ("the contract signed on 2 May", None),
        ("the export of 2025-09-01", None),
        ("the call last Friday", None),
        ("two weeks ago", None),
        ("by 3/4", None),
        ("a half 1/2 of it", None),
        // The date a weekday only names, and the phrase said as a deadline over a mention.
        ("komt op donderdag 27/11 langs", Some("2025-11-27")),
        ("tegen vrijdag 28 november", Some("2025-11-28")),
        (
            "Freigabe im Januar (Samstag) – bis 21.12",
            Some("2025-12-21"),
        ),
        ("by end of day Monday", Some("2025-11-24")),
        // When something starts is no deadline.
        ("neemt vanaf januari de leiding over", None),
        ("à partir du 4 décembre", None),
        ("ab 1. Dezember", None),
    ];
    for (phrase, expected) in table {
        assert_eq!(due(phrase, None).as_deref(), expected, "{phrase}");
    }
}

#[test]
fn numeric_dates_follow_the_site_order() {
    let read = |phrase, day_first| {
        let context = Context {
            meeting: date(2025, 11, 18),
            fiscal_start: None,
            day_first,
        };
        deadline_of(&find_in(phrase, &context)).map(|(_, due)| due.token())
    };
    assert_eq!(read("by 3/4", Some(true)).as_deref(), Some("2026-04-03"));
    assert_eq!(read("by 3/4", Some(false)).as_deref(), Some("2026-03-04"));
    let found = find("by 3/4", date(2025, 11, 18), None);
    assert!(matches!(&found[0].reading, Reading::Uncertain(why) if why.contains("date_order")));
}

#[test]
fn the_latest_deadline_of_a_task_wins() {
    let text =
        "ensure feedback is received this week, and close the deal before the end of November";
    assert_eq!(due(text, None).as_deref(), Some("2025-11-30"));
    let text = "prepare the meeting on December 9th and gather topics for the December 1st event";
    assert_eq!(due(text, None).as_deref(), Some("2025-12-09"));
}

#[test]
fn fiscal_quarters_need_the_fiscal_year_start() {
    let found = find("lands in Q3 next fiscal year", date(2025, 11, 18), None);
    assert!(matches!(found[0].reading, Reading::Uncertain(_)));
    assert_eq!(found[0].words, "Q3 next fiscal year");
    // July start: FY26 runs Jul 2025 – Jun 2026; next is FY27, whose Q3 is Jan–Mar 2027.
    assert_eq!(
        due("Q3 next fiscal year", Some(7)).as_deref(),
        Some("2027-Q1")
    );
    assert_eq!(due("Q1 FY27", Some(7)).as_deref(), Some("2026-Q3"));
    assert_eq!(due("FY26 Q4", Some(7)).as_deref(), Some("2026-Q2"));
    assert_eq!(
        due("Q4 this fiscal year", Some(1)).as_deref(),
        Some("2025-Q4")
    );
    // A quarter already over is no deadline.
    assert_eq!(due("Q2 this fiscal year", Some(1)), None);
    // Quarters that do not line up with calendar quarters end on an exact day.
    assert_eq!(due("Q4 FY26", Some(2)).as_deref(), Some("2026-01-31"));
}

#[test]
fn holidays_are_recognised_and_left_undated() {
    let found = find("before Easter", date(2025, 11, 18), None);
    assert_eq!(found.len(), 1);
    assert!(matches!(found[0].reading, Reading::Uncertain(_)));
}

/// A day named after a weekday is no weekday: "the Black Friday freeze" said on a Monday is not
/// that Friday, in any of the four languages.
#[test]
fn named_days_are_not_weekdays() {
    for phrase in [
        "confirm the Black Friday freeze window",
        "na Paasmaandag",
        "avant le lundi de Pâques",
        "bis Ostermontag",
        "the Cyber Monday campaign",
        "tegen Goede Vrijdag",
    ] {
        let found = find(phrase, date(2026, 9, 21), None);
        assert!(
            found.iter().all(|f| !matches!(f.reading, Reading::Due(_))),
            "{phrase}: {found:?}"
        );
    }
    let found = find("confirm by Friday", date(2026, 9, 21), None);
    assert!(matches!(found[0].reading, Reading::Due(_)));
}

#[test]
fn every_pattern_compiles() {
    assert_eq!(patterns().rules.len(), 43);
}

/// Each phrase kind in Dutch, French and German, read as of Tuesday 18 November 2025; the
/// English of each kind is in the tables above.
#[test]
fn the_phrases_dutch_french_and_german_recaps_write() {
    let table = [
        // a weekday
        ("tegen vrijdag", Some("2025-11-21")),
        ("pour S49", Some("2025-12-05")),
        ("the S3 bucket", None),
        // "met" is "with", not the English "we met on …".
        ("bevestigen met finance tegen vrijdag", Some("2025-11-21")),
        ("d'ici vendredi", Some("2025-11-21")),
        ("d’ici vendredi", Some("2025-11-21")),
        ("bis Freitag", Some("2025-11-21")),
        ("uiterlijk donderdag", Some("2025-11-20")),
        // a weekday of next week
        ("volgende week dinsdag", Some("2025-11-25")),
        // "na" and "nach" as the particle of "nakijken", "nachverfolgen"
        (
            "kijkt de lijst na volgende week dinsdag",
            Some("2025-11-25"),
        ),
        (
            "verfolgt den Bericht nach nächste Woche Dienstag",
            Some("2025-11-25"),
        ),
        ("na de go-live van 3 december", None),
        ("verfolgt den Bericht nach bis Freitag", Some("2025-11-21")),
        ("kijkt de offerte na tegen vrijdag", Some("2025-11-21")),
        ("kijkt de offerte na over drie weken", Some("2025-12-09")),
        (
            "kijkt de offerte na ten laatste op 9 december",
            Some("2025-12-09"),
        ),
        ("nächste Woche Dienstag", Some("2025-11-25")),
        ("mardi de la semaine prochaine", Some("2025-11-25")),
        // the end of a named month
        ("eind december", Some("2025-12-31")),
        ("voor eind januari", Some("2026-01-31")),
        ("fin janvier", Some("2026-01-31")),
        ("avant la fin de février", Some("2026-02-28")),
        ("fin d'avril", Some("2026-04-30")),
        ("bis Ende Januar", Some("2026-01-31")),
        ("Ende März", Some("2026-03-31")),
        // a day and month
        ("op 3 december", Some("2025-12-03")),
        ("pour le 3 décembre", Some("2025-12-03")),
        ("le 1er décembre", Some("2025-12-01")),
        ("am 3. Dezember", Some("2025-12-03")),
        ("bis zum 15.12.", Some("2025-12-15")),
        // a numeric day and month: day first after these words
        ("tegen 15/12", Some("2025-12-15")),
        ("pour le 05/02", Some("2026-02-05")),
        ("bis 5/2", Some("2026-02-05")),
        // weeks, months, days
        ("volgende week", Some("2025-11-28")),
        ("la semaine prochaine", Some("2025-11-28")),
        ("nächste Woche", Some("2025-11-28")),
        ("deze week", Some("2025-11-21")),
        ("cette semaine", Some("2025-11-21")),
        ("diese Woche", Some("2025-11-21")),
        ("eind deze week", Some("2025-11-21")),
        ("fin de semaine", Some("2025-11-21")),
        ("Ende der Woche", Some("2025-11-21")),
        ("eind deze maand", Some("2025-11-30")),
        ("Tegen: 27/11.", Some("2025-11-27")),
        ("Échéance : 20/12", Some("2025-12-20")),
        ("Termin: 22.12", Some("2025-12-22")),
        ("voor de 1.800 medewerkers", None),
        ("bis zum 15.", Some("2025-12-15")),
        ("fin du mois", Some("2025-11-30")),
        ("Ende des Monats", Some("2025-11-30")),
        ("morgen", Some("2025-11-19")),
        ("demain", Some("2025-11-19")),
        ("week 7", Some("2026-02-13")),
        ("semaine 7", Some("2026-02-13")),
        ("KW 7", Some("2026-02-13")),
        // a number of weeks or days, in words
        ("in zwei Wochen", Some("2025-12-02")),
        ("binnen twee weken", Some("2025-12-02")),
        ("dans deux semaines", Some("2025-12-02")),
        ("d'ici deux semaines", Some("2025-12-02")),
        ("innerhalb von drei Tagen", Some("2025-11-21")),
        ("over drie weken", Some("2025-12-09")),
        ("dans quinze jours", Some("2025-12-03")),
        ("dans les 10 jours", Some("2025-11-28")),
        // the start of a month: the month
        ("Anfang Februar", Some("2026-02")),
        ("begin februari", Some("2026-02")),
        ("début février", Some("2026-02")),
        ("bis 22.01.", Some("2026-01-22")),
        ("bis 22.01", Some("2026-01-22")),
        // holidays
        ("voor Kerstmis", Some("2025-12-24")),
        ("avant Noël", Some("2025-12-24")),
        ("vor Weihnachten", Some("2025-12-24")),
        ("voor Pasen", None),
    ];
    let mut wrong = Vec::new();
    for (phrase, expected) in table {
        let got = due(phrase, None);
        if got.as_deref() != expected {
            wrong.push(format!("{phrase}: {got:?}, expected {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Meeting dates as recaps in the four languages state them in their header.
#[test]
fn meeting_dates_in_four_languages() {
    let table = [
        ("mardi 3 novembre 2026", Some(date(2026, 11, 3))),
        ("dinsdag 15 december 2026", Some(date(2026, 12, 15))),
        ("Dienstag, 15.12.2026", Some(date(2026, 12, 15))),
        ("Tuesday, 15/12/2026", Some(date(2026, 12, 15))),
        ("le 1er février 2027", Some(date(2027, 2, 1))),
        ("15. Dezember 2026", Some(date(2026, 12, 15))),
        (
            "Mon, Feb 1, 2027 · 2:00 PM · 45 min",
            Some(date(2027, 2, 1)),
        ),
        ("jeudi 4 mars 2027 à 10h00", Some(date(2027, 3, 4))),
        ("woensdag 3 maart 2027", Some(date(2027, 3, 3))),
        ("Mittwoch, 3. März 2027", Some(date(2027, 3, 3))),
        ("27 janv. 2027", Some(date(2027, 1, 27))),
        ("05/02/2027", None),
    ];
    for (text, expected) in table {
        assert_eq!(
            crate::import::layouts::meeting_date(text, None),
            expected,
            "{text}"
        );
    }
}

#[test]
fn a_deadline_said_with_end_or_start_before_it_is_still_said_as_one() {
    // "bis Ende KW 48" is the deadline; "am 4.12." after it is when something else happens.
    let table = [
        (
            "Agenda + Demo bis Ende KW 48 fertig, der Workshop selbst ist am 4.12. in Augsburg.",
            Some("2025-11-28"),
        ),
        (
            "Offerte tegen eind november klaar, de demo is op 4 december.",
            Some("2025-11-30"),
        ),
    ];
    for (phrase, want) in table {
        assert_eq!(due(phrase, None).as_deref(), want, "{phrase}");
    }
}
