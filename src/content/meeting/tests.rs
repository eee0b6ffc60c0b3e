//! The meeting reader on small meetings: the spec's example, positions of errors, tasks.
use super::*;
use crate::content::people::{People, Person};

fn people() -> People {
    let mut people = People::default();
    for (id, name, aliases) in [
        ("sigi", "Sigi", vec![]),
        ("manon", "Manon", vec![]),
        ("oana", "Oana", vec![]),
        ("robbie", "Robbie", vec!["Robby".to_string()]),
        ("patrick-faut", "Patrick Faut", vec![]),
    ] {
        people.insert(Person {
            id: id.into(),
            name: name.into(),
            role: None,
            aliases,
            listed: true,
            internal: false,
            email: None,
            external: false,
        });
    }
    people
}

const MEETING: &str = "+++
title = \"Proximus account team meeting, November 2025\"
date = 2025-11-20
account = \"Proximus\"
tags = [\"monthly\"]
+++
Optional introduction, before the first topic.

## Proximus package deal progress {initiative=package-deal}
@Sigi, @Olivia, @Manon and @Oana discussed the status of the package deal.

- **Mac exception negotiations:** @Olivia and @Sigi explained that ...
- **Intune and Netskope testing:** @Manon reported ...

- [ ] **Close the package deal:** coordinate with @Robby and @Karla on DLP and Netskope. @Manon due:2025-11-28

## Tasks
- [ ] **Backbone Excel file:** send a message to LM or Helen. @Sigi @Oana due:2025-11-28
- [x] **Confirm the ServiceNow deal with Barco.** @patrick-faut
";

fn read(text: &str) -> Parsed<MeetingDoc> {
    let people = people();
    let reader = MeetingReader::alone(&people, false);
    reader.read(
        SourceFile::new(std::path::Path::new("content/meetings/m.md"), text.into()),
        "m".into(),
    )
}

#[test]
fn the_spec_example_reads_as_specified() {
    let parsed = read(MEETING);
    let doc = parsed.doc.unwrap();
    assert_eq!(doc.topics.len(), 1);
    let topic = &doc.topics[0];
    assert_eq!(topic.slug, "proximus-package-deal-progress");
    assert_eq!(topic.initiative.as_ref().unwrap().slug, "package-deal");
    let ids: Vec<_> = topic.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["sigi", "olivia", "manon", "oana", "robbie", "karla"]);
    // Robby and Karla are named only in the task: they owe it, they did not discuss it.
    let discussed: Vec<_> = topic.discussed_by.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(discussed, ["sigi", "olivia", "manon", "oana"]);
    assert!(topic.body_html.contains("Mac exception negotiations"));
    assert!(!topic.body_html.contains("Close the package deal"));

    assert_eq!(doc.tasks.len(), 3);
    let close = &doc.tasks[0];
    assert_eq!(close.title, "Close the package deal");
    let owners: Vec<_> = close.owners.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(owners, ["manon"]);
    assert_eq!(close.due.unwrap().token(), "2025-11-28");
    assert_eq!(close.topic, Some(0));
    assert!(!close.done);
    assert_eq!(close.line, 15);
    assert!(
        close.detail_html.starts_with("Coordinate with <a"),
        "{}",
        close.detail_html
    );

    let backbone = &doc.tasks[1];
    assert_eq!(backbone.title, "Backbone Excel file");
    let owners: Vec<_> = backbone.owners.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(owners, ["sigi", "oana"]);
    assert_eq!(backbone.topic, None);
    assert_eq!(&*backbone.detail_html, "Send a message to LM or Helen.");

    let confirm = &doc.tasks[2];
    assert_eq!(confirm.title, "Confirm the ServiceNow deal with Barco");
    assert!(confirm.done);
    assert_eq!(confirm.owners[0].id, "patrick-faut");
    assert_eq!(confirm.due, None);

    // Olivia and Karla are not in people.toml: warned about where they are written.
    let warnings: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column, d.is_error()))
        .collect();
    assert!(warnings.contains(&(10, 8, false)), "{warnings:?}");
}

#[test]
fn impossible_deadline_is_an_error_at_its_column() {
    let text = MEETING.replace("due:2025-11-28\n\n## Tasks", "due:2025-02-30\n\n## Tasks");
    let parsed = read(&text);
    let errors: Vec<_> = parsed.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].line, errors[0].column), (15, 97));
    assert!(errors[0].message.contains("2025-02-30"));
}

#[test]
fn the_day_a_task_was_done_is_read_and_a_wrong_one_is_an_error_at_its_column() {
    let text = MEETING.replace(
        "@patrick-faut\n",
        "@patrick-faut done:2025-11-25\n- [x] **Late.** @sigi done:2025-13-01\n- [ ] **Open.** done:2025-11-25\n",
    );
    let parsed = read(&text);
    let doc = parsed.doc.as_ref().unwrap();
    let confirm = &doc.tasks[2];
    assert_eq!(confirm.done_on, NaiveDate::from_ymd_opt(2025, 11, 25));
    // The date is metadata, like owners and deadlines: no part of the shown text.
    assert!(
        !confirm.detail_html.contains("done"),
        "{}",
        confirm.detail_html
    );
    assert_eq!(doc.tasks[3].done_on, None);
    assert_eq!(
        doc.tasks[4].done_on, None,
        "an open task was done on no day"
    );
    let found: Vec<_> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column, d.is_error(), d.message.as_str()))
        .collect();
    assert!(
        found
            .iter()
            .any(
                |(line, column, error, message)| (*line, *column, *error) == (20, 23, true)
                    && message.contains("done:YYYY-MM-DD")
            ),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(line, _, error, message)| *line == 21
            && !error
            && message.contains("open task")),
        "{found:?}"
    );
}

#[test]
fn front_matter_errors_point_into_the_file() {
    let text = MEETING.replace("tags = [", "tagz = [");
    let parsed = read(&text);
    assert!(parsed.doc.is_none());
    let d = &parsed.diagnostics[0];
    assert_eq!((d.line, d.column), (5, 1));
    assert!(d.message.contains("tagz"), "{}", d.message);
}

#[test]
fn unclosed_and_missing_front_matter_are_reported() {
    let parsed = read("+++\ntitle = \"x\"\n");
    assert!(parsed.diagnostics[0].message.contains("never closed"));
    let parsed = read("title = \"x\"\n");
    assert!(parsed.diagnostics[0].message.contains("first line"));
    let parsed = read("\n  \n");
    assert!(parsed.diagnostics[0].message.contains("empty"));
}

#[test]
fn duplicate_and_unsafe_topic_ids_are_errors() {
    let text = "+++\ntitle = \"t\"\ndate = 2025-01-01\n+++\n## A\n\n## A\n\n## B {#..}\n";
    let parsed = read(text);
    let lines: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.line)
        .collect();
    assert_eq!(lines, [7, 9]);
}

#[test]
fn trailing_metadata_is_split_off() {
    assert_eq!(
        split_trailing_metadata("send it. @Sigi @Oana due:2025-11-28"),
        ("send it. ", "@Sigi @Oana due:2025-11-28")
    );
    assert_eq!(
        split_trailing_metadata("ask @Sigi about it"),
        ("ask @Sigi about it", "")
    );
    assert_eq!(
        split_trailing_metadata("with @Steven and @Matthias. @Alberto-Manuel"),
        ("with @Steven and @Matthias. ", "@Alberto-Manuel")
    );
    assert_eq!(
        split_trailing_metadata("Barco. @patrick-faut."),
        ("Barco. ", "@patrick-faut.")
    );
}

#[test]
fn a_task_without_bold_takes_its_first_sentence_as_title() {
    let text = "+++\ntitle = \"t\"\ndate = 2025-01-01\n+++\n## Tasks\n- [ ] Call the customer. Ask about the budget. @sigi due:2025-01\n";
    let doc = read(text).doc.unwrap();
    assert_eq!(doc.tasks[0].title, "Call the customer");
    assert_eq!(&*doc.tasks[0].detail_html, "Ask about the budget.");
    assert_eq!(doc.tasks[0].due.unwrap().token(), "2025-01");
}

fn tasks_of(body: &str) -> Vec<TaskDoc> {
    let text = format!("+++\ntitle = \"t\"\ndate = 2025-01-01\n+++\n{body}");
    let parsed = read(&text);
    assert!(
        parsed.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        parsed.diagnostics
    );
    parsed.doc.unwrap().tasks
}

fn ids(people: &[PersonRef]) -> Vec<&str> {
    people.iter().map(|p| p.id.as_str()).collect()
}

#[test]
fn an_initiative_in_the_middle_of_a_task_keeps_the_text_after_it() {
    let tasks = tasks_of(
            "## Tasks\n- [ ] **Plan:** call them {initiative=deal} before Friday, then report. @Sigi due:2025-12-01\n",
        );
    assert_eq!(tasks[0].initiative.as_ref().unwrap().slug, "deal");
    assert_eq!(
        &*tasks[0].detail_html,
        "Call them  before Friday, then report."
    );
    assert_eq!(ids(&tasks[0].owners), ["sigi"]);
    assert_eq!(tasks[0].due.unwrap().token(), "2025-12-01");
}

#[test]
fn raw_html_in_titles_is_kept_as_text() {
    let text = "+++\ntitle = \"t\"\ndate = 2025-01-01\n+++\n## Plan for <ACME> rollout\nText.\n\n- [ ] **Ask <ACME> for the <b>date</b>** @Sigi\n- [ ] Call <ACME>. Soon.\n";
    let doc = read(text).doc.unwrap();
    assert_eq!(doc.topics[0].title, "Plan for <ACME> rollout");
    assert_eq!(doc.tasks[0].title, "Ask <ACME> for the <b>date</b>");
    assert_eq!(doc.tasks[1].title, "Call <ACME>");
}

#[test]
fn every_task_list_item_is_a_task_nested_ones_too() {
    let tasks = tasks_of(
            "## Tasks\n- [ ] **Parent:** the outer task. @Sigi due:2025-12-01\n  - [ ] **Child:** the inner task. @Manon due:2025-12-15\n  - [x] **Done child** @Oana\n- [ ] **Sibling** @Robbie\n",
        );
    let titles: Vec<&str> = tasks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    let by_title = |title: &str| tasks.iter().find(|t| t.title == title).unwrap();
    let parent = by_title("Parent");
    assert_eq!(ids(&parent.owners), ["sigi"]);
    assert_eq!(parent.due.unwrap().token(), "2025-12-01");
    assert_eq!(&*parent.detail_html, "The outer task.");
    let child = by_title("Child");
    assert_eq!(ids(&child.owners), ["manon"]);
    assert_eq!(child.due.unwrap().token(), "2025-12-15");
    assert!(by_title("Done child").done);
    assert_eq!(ids(&by_title("Sibling").owners), ["robbie"]);
}

#[test]
fn a_plain_title_does_not_end_inside_a_link_or_code() {
    let tasks = tasks_of(
            "## Tasks\n- [ ] Call [Dr. Smith](https://example.com/a.b) about `v1. 2` today. Then report. @Sigi\n",
        );
    assert_eq!(tasks[0].title, "Call Dr. Smith about v1. 2 today");
    assert_eq!(&*tasks[0].detail_html, "Then report.");
}

#[test]
fn a_task_id_at_the_end_of_the_line_is_read_and_left_out_of_the_text() {
    let tasks = tasks_of(
        "## Tasks\n- [ ] **Close the deal:** agree the price. @Sigi due:2025-12-01 {#close-deal}\n- [ ] Call them {#call-them} @Sigi\n",
    );
    assert_eq!(
        tasks[0].id.as_ref().map(|id| id.slug.as_str()),
        Some("close-deal")
    );
    assert_eq!(&*tasks[0].detail_html, "Agree the price.");
    assert_eq!(ids(&tasks[0].owners), ["sigi"]);
    assert_eq!(
        tasks[1].id.as_ref().map(|id| id.slug.as_str()),
        Some("call-them")
    );
    assert_eq!(tasks[1].title, "Call them Sigi");
}
