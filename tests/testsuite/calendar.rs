//! Deadlines: agenda groups, month grids, calendar files that stay stable, and the terminal agenda.

use crate::common::*;

const M: &str = "content/meetings/2025-11-20-weekly.md";

const MEETING: &str = "+++
title = \"Weekly\"
date = 2025-11-20
+++
## Deal {initiative=deal}
@Sigi and @Manon met.

- [ ] **Send the offer:** now. @Manon due:2025-11-21
- [ ] **Call the customer:** today. @Sigi due:2025-11-24
- [ ] **Sign:** this week. @Sigi due:2025-11-28
- [ ] **Kick-off:** next week. @Manon due:2025-12-02
- [ ] **Review:** in December. @Sigi due:2025-12
- [ ] **Plan the year:** some time. @Manon
- [x] **Confirm.** @Sigi due:2025-11-19
";

/// The titles of the tasks a `dossier tasks --json` run printed.
fn json_titles(output: &std::process::Output) -> Vec<String> {
    let tasks: serde_json::Value = serde_json::from_str(&stdout(output)).unwrap();
    tasks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap().to_string())
        .collect()
}

fn site() -> Fixture {
    Fixture::valid().with(M, MEETING)
}

fn group_titles(doc: &scraper::Html) -> Vec<(String, Vec<String>)> {
    select(doc, "section.agenda-group")
        .iter()
        .map(|group| {
            let heading = group
                .select(&scraper::Selector::parse("h2").unwrap())
                .next()
                .unwrap();
            let title = heading.text().next().unwrap_or_default().trim().to_string();
            let tasks = group
                .select(&scraper::Selector::parse(".task-title a").unwrap())
                .map(|a| text(&a))
                .collect();
            (title, tasks)
        })
        .collect()
}

#[test]
fn the_agenda_groups_open_tasks_by_urgency() {
    let site = site();
    assert!(site.build().status.success());
    let doc = html(&site.public().join("calendar/index.html"));
    let groups = group_titles(&doc);
    let expected: Vec<(String, Vec<String>)> = [
        ("Overdue", vec!["Send the offer"]),
        ("Today", vec!["Call the customer"]),
        ("This week", vec!["Sign"]),
        ("Next week", vec!["Kick-off"]),
        ("December 2025", vec!["Review"]),
        ("No deadline", vec!["Plan the year"]),
    ]
    .into_iter()
    .map(|(t, v)| (t.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(groups, expected);
    // Overdue entries say how late they are; month deadlines read as such.
    let overdue = text(&select(&doc, "#overdue .late")[0]);
    assert_eq!(overdue, "3 days late");
    // Undated tasks say how long they have waited (the meeting of 20 Nov, seen on 24 Nov).
    assert_eq!(text(&select(&doc, "#undated .age")[0]), "raised 4 days ago");
    assert!(text(&select(&doc, "#later-2025-12 .due")[0]).contains("by end of December 2025"));
    // Done tasks are kept apart.
    let done: Vec<String> = select(&doc, "details.done-list .task-title a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(done, ["Confirm"]);
}

#[test]
fn owner_pages_carry_the_same_agenda_for_one_person() {
    let site = site();
    assert!(site.build().status.success());
    let doc = html(&site.public().join("owners/manon/index.html"));
    let titles: Vec<String> = group_titles(&doc).into_iter().map(|(t, _)| t).collect();
    assert_eq!(titles, ["Overdue", "Next week", "No deadline"]);
    let subscribe = select(&doc, "a.button")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(
        subscribe,
        "webcal://briefings.example.test/b/owners/manon/calendar.ics"
    );
    let download = select(&doc, "a[download]")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_string();
    assert_eq!(download, "calendar.ics");
}

#[test]
fn month_grids_mark_today_overdue_and_month_deadlines() {
    let site = site();
    assert!(site.build().status.success());
    let doc = html(&site.public().join("calendar/2025-11/index.html"));
    let today = select(&doc, "td.is-today time");
    assert_eq!(today.len(), 1);
    assert_eq!(today[0].value().attr("datetime"), Some("2025-11-24"));
    // Weeks start on Monday: the first cell is Monday 27 October.
    let first = select(&doc, "td time")[0]
        .value()
        .attr("datetime")
        .unwrap()
        .to_string();
    assert_eq!(first, "2025-10-27");
    assert_eq!(select(&doc, "td li.is-overdue").len(), 1);
    let december = html(&site.public().join("calendar/2025-12/index.html"));
    let month_level: Vec<String> = select(&december, "#month-level-heading + ul .task-title a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(month_level, ["Review"]);
    assert!(!site.public().join("calendar/2026-01").exists());
}

#[test]
fn weeks_can_start_on_sunday() {
    let site = site().with(
        "site.toml",
        &format!("{SITE_TOML}week_start = \"sunday\"\n"),
    );
    assert!(site.build().status.success());
    let doc = html(&site.public().join("calendar/2025-11/index.html"));
    let first = select(&doc, "td time")[0]
        .value()
        .attr("datetime")
        .unwrap()
        .to_string();
    assert_eq!(first, "2025-10-26");
    assert_eq!(text(&select(&doc, "thead th")[0]), "Sun");
}

/// The events of the site's calendar, each as its properties (name, with parameters, to value).
fn calendar_events(site: &Fixture) -> Vec<std::collections::BTreeMap<String, String>> {
    let ics = std::fs::read_to_string(site.public().join("calendar.ics")).unwrap();
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT")
        .skip(1)
        .map(|event| {
            event
                .split("\r\n")
                .filter_map(|line| line.split_once(':'))
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect()
        })
        .collect()
}

/// (SUMMARY, UID) of each event, sorted.
fn uids(site: &Fixture) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = calendar_events(site)
        .into_iter()
        .map(|event| (event["SUMMARY"].clone(), event["UID"].clone()))
        .collect();
    pairs.sort();
    pairs
}

#[test]
fn event_uids_survive_edits_of_other_tasks() {
    let site = site();
    assert!(site.build().status.success());
    let before = uids(&site);
    assert_eq!(before.len(), 6, "{before:?}");
    site.write(
        M,
        &MEETING
            .replace("- [ ] **Sign:** this week. @Sigi due:2025-11-28\n", "")
            .replace(
                "- [ ] **Send the offer:**",
                "- [ ] **Warm up:** first. @Sigi due:2025-11-22\n- [ ] **Send the offer:**",
            ),
    );
    assert!(site.build().status.success());
    let after = uids(&site);
    for (summary, uid) in &before {
        if summary != "Sign" {
            assert!(
                after.contains(&(summary.clone(), uid.clone())),
                "{summary} changed its UID"
            );
        }
    }
}

/// Each event's SUMMARY with its SEQUENCE and LAST-MODIFIED, sorted.
fn revisions(site: &Fixture) -> Vec<(String, String, String)> {
    let mut found: Vec<(String, String, String)> = calendar_events(site)
        .into_iter()
        .map(|event| {
            (
                event["SUMMARY"].clone(),
                event["SEQUENCE"].clone(),
                event["LAST-MODIFIED"].clone(),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn an_event_is_revised_when_its_date_title_or_state_changes_and_only_then() {
    let site = site();
    assert!(site.build().status.success());
    let first = revisions(&site);
    assert!(first
        .iter()
        .all(|(_, sequence, modified)| sequence == "0" && modified == "20251120T000000Z"));
    let calendar = std::fs::read(site.public().join("calendar.ics")).unwrap();
    // The same input again: not a byte changes.
    assert!(site
        .run(&["build", "--today", "2025-11-26"])
        .status
        .success());
    assert_eq!(
        std::fs::read(site.public().join("calendar.ics")).unwrap(),
        calendar
    );
    // A moved deadline, a task done and an owner changed, on 26 Nov.
    site.write(
        M,
        &MEETING
            .replace("@Sigi due:2025-11-28", "@Sigi due:2025-12-05")
            .replace(
                "- [ ] **Call the customer:**",
                "- [x] **Call the customer:**",
            )
            .replace(
                "next week. @Manon due:2025-12-02",
                "next week. @Sigi due:2025-12-02",
            ),
    );
    assert!(site
        .run(&["build", "--today", "2025-11-26"])
        .status
        .success());
    let revised = revisions(&site);
    let of = |summary: &str| {
        revised
            .iter()
            .find(|(s, _, _)| s == summary)
            .map(|(_, sequence, modified)| (sequence.as_str(), modified.as_str()))
            .unwrap()
    };
    assert_eq!(of("Sign"), ("1", "20251126T000000Z"));
    assert_eq!(of("✓ Call the customer"), ("1", "20251126T000000Z"));
    // A new owner is not a new date, title or state.
    assert_eq!(of("Kick-off"), ("0", "20251120T000000Z"));
    assert_eq!(of("Send the offer"), ("0", "20251120T000000Z"));
    let ics = std::fs::read_to_string(site.public().join("calendar.ics")).unwrap();
    assert!(!ics.contains("CANCELLED"), "done is not cancelled");
    // Once more, later, with nothing changed: the revisions stay.
    assert!(site
        .run(&["build", "--today", "2025-11-28"])
        .status
        .success());
    assert_eq!(revisions(&site), revised);
}

#[test]
fn calendar_text_is_escaped_and_lines_are_folded() {
    let site = Fixture::valid().with(
        M,
        "+++\ntitle = \"Weekly\"\ndate = 2025-11-20\n+++\n## Tasks\n- [ ] **Agree on price, scope; and the \\\\ backslash with a title long enough to need folding twice over** @Sigi due:2025-12-01\n",
    );
    assert!(site.build().status.success());
    let ics = std::fs::read_to_string(site.public().join("calendar.ics")).unwrap();
    assert!(!ics.replace("\r\n", "").contains('\n'), "lines end in CRLF");
    assert!(ics.split("\r\n").all(|l| l.len() <= 75));
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("SUMMARY:Agree on price\\, scope\\; and the \\\\ backslash"),
        "{unfolded}"
    );
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20251201\r\nDTEND;VALUE=DATE:20251202"));
}

#[test]
fn the_terminal_agenda_filters_and_aligns() {
    let site = site();
    let output = site.run(&["tasks", "--today", "2025-11-24", "--owner", "Manon"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
    assert!(out.starts_with("Overdue (1)\n"), "{out}");
    assert!(out.contains("Send the offer"));
    assert!(
        !out.contains("Call the customer"),
        "Sigi's task shown for Manon"
    );
    assert!(
        out.trim_end()
            .ends_with("3 open tasks, 1 overdue (today is Mon 24 Nov 2025)"),
        "{out}"
    );
    // Columns line up: every task line has its title at the same column.
    let columns: Vec<usize> = out
        .lines()
        .filter(|l| l.starts_with("  "))
        .map(|l| {
            l.find(|c: char| c.is_alphabetic() && l.find("  ").is_some())
                .unwrap_or(0)
        })
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{out}");

    let overdue = site.run(&["tasks", "--today", "2025-11-24", "--overdue", "--json"]);
    let titles = json_titles(&overdue);
    assert_eq!(titles, ["Send the offer"]);

    let before = site.run(&[
        "tasks",
        "--today",
        "2025-11-24",
        "--due-before",
        "2025-11-28",
        "--json",
    ]);
    let titles = json_titles(&before);
    assert_eq!(titles, ["Confirm", "Send the offer", "Call the customer"]);
}

#[test]
fn today_comes_from_the_site_when_not_given() {
    let site = site().with("site.toml", &format!("{SITE_TOML}today = 2025-12-03\n"));
    let output = site.run(&["tasks", "--json", "--overdue"]);
    let titles = json_titles(&output);
    assert_eq!(
        titles,
        ["Send the offer", "Call the customer", "Sign", "Kick-off"]
    );
}
