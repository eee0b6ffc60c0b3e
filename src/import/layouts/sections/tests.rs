use super::*;
use chrono::NaiveDate;

#[test]
fn patterns_compile() {
    assert!(bullet().is_some_and(|b| b.is_match("- item")));
    assert_eq!(timestamps().len(), 2);
}

#[test]
fn timestamps_go_and_are_counted() {
    assert_eq!(
        without_timestamps("Pricing was agreed (00:12:34)."),
        ("Pricing was agreed.".to_string(), 1)
    );
    assert_eq!(
        without_timestamps("12:34 - Sam opened"),
        ("Sam opened".to_string(), 1)
    );
    assert_eq!(
        without_timestamps("Call at 10:30 CET"),
        ("Call at 10:30 CET".to_string(), 0)
    );
}

#[test]
fn titles_lose_labels_boilerplate_and_dates() {
    let style = Style::default();
    assert_eq!(
        without_date(&clean_title(
            "Meeting summary for Acme sync (11/18/2025)",
            &style
        )),
        "Acme sync"
    );
    assert_eq!(
        without_date(&clean_title(
            "Acme sync - 2025/11/18 10:00 CET - Notes by Gemini",
            &style
        )),
        "Acme sync"
    );
    assert_eq!(without_date("Q4 review"), "Q4 review");
}

#[test]
fn meeting_dates_in_every_form() {
    let day = NaiveDate::from_ymd_opt(2025, 11, 18);
    for text in [
        "11/18/2025",
        "Nov 18, 2025",
        "Tuesday, November 18, 2025 3:00 PM",
        "18 November 2025",
        "2025-11-18",
        "2025/11/18 10:00 CET",
        "18.11.2025",
    ] {
        assert_eq!(meeting_date(text, Some(false)), day, "{text}");
    }
    assert_eq!(
        meeting_date("03/04/2026", Some(false)),
        NaiveDate::from_ymd_opt(2026, 3, 4)
    );
    assert_eq!(
        meeting_date("03/04/2026", Some(true)),
        NaiveDate::from_ymd_opt(2026, 4, 3)
    );
    assert_eq!(meeting_date("November 2025", Some(false)), None);
}
