//! Tasks written as a tool lays out a record: a table of boxes and items, a CRM's task record
//! with its fields on the lines below.

use super::tests::recap_of;

/// A mail's layout table that draws a checklist, a box in one cell and the item in the next
/// (no header row): each row is an item, a ticked one done; "Organized by" names one who took
/// part and heads nothing; "Speaker 2 (Pieter De Smet)" says who Speaker 2 is.
#[test]
fn a_table_of_boxes_is_a_checklist() {
    let html = "<p>Organized by Hanne Jacobs</p><h3>Overview</h3><ul><li>Speaker 2 (Pieter De Smet) showed the plan.</li></ul><h3>Action Items</h3><table><tr><td>&#9744;</td><td>Hanne Jacobs to share the wave plan by Friday.</td></tr><tr><td>&#9744;</td><td>Speaker 2 to draft the checklist.</td></tr><tr><td>&#9745;</td><td>Hanne Jacobs to send the NDA.</td></tr></table>";
    let recap = recap_of(html, "html");
    let tasks: Vec<(String, Vec<String>, bool)> = recap
        .tasks
        .iter()
        .map(|t| (t.title.clone(), t.owners.clone(), t.done))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "Share the wave plan by Friday".to_string(),
                vec!["Hanne Jacobs".to_string()],
                false
            ),
            (
                "Draft the checklist".to_string(),
                vec!["Pieter De Smet".to_string()],
                false
            ),
            (
                "Send the NDA".to_string(),
                vec!["Hanne Jacobs".to_string()],
                true
            ),
        ]
    );
    assert!(
        recap.topics.iter().all(|t| !t.title.contains("Organized")),
        "{:?}",
        recap.topics
    );
}

/// A CRM's task records ("Task:", then its fields, indented as the first line is) are one
/// task each, and the next meeting is none.
#[test]
fn a_task_record_is_one_task_with_its_fields() {
    let text = "Sync\nDate: 17/09/2026\n\nFollow-up tasks\n\n  Task: Envoyer l'offre pour le support\n  Type: To-do   Priority: High\n  Assigned to: Camille Lefèvre\n  Due date: Sep 22, 2026 9:00 AM\n\n  Taak: Offerte sturen naar Jan\n  Toegewezen aan: Bram Peeters\n\nProchaine réunion le jeudi 1er octobre à 10h.\n";
    let recap = recap_of(text, "txt");
    let tasks: Vec<(String, Vec<String>)> = recap
        .tasks
        .iter()
        .map(|t| (t.title.clone(), t.owners.clone()))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "Envoyer l'offre pour le support".to_string(),
                vec!["Camille Lefèvre".to_string()]
            ),
            (
                "Offerte sturen naar Jan".to_string(),
                vec!["Bram Peeters".to_string()]
            ),
        ],
        "{:?}",
        recap.tasks
    );
    assert!(
        recap.tasks[0].description.contains("Sep 22, 2026"),
        "{:?}",
        recap.tasks[0]
    );
}

/// A tracker's mail (Asana, Jira) draws each task as a row of one cell: its title as a link,
/// "Assignee: … · Due date: …" and more on the lines below. Each is one task with its owner;
/// "Unassigned" is no one; the tasks under "Assigned to you" are the mail's one reader's.
#[test]
fn a_trackers_mail_gives_each_task_its_assignee() {
    let mail = "From: Noor (Asana) <no-reply@asana.example>\r\nTo: Jonas Weber <jonas@x.example>\r\nSubject: Noor added 3 tasks to Hoeve\r\nDate: Tue, 26 Jan 2027 17:00:00 +0100\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<table><tr><td><b>Noor Claes</b> added 3 tasks to <b>Hoeve</b></td></tr>\
        <tr><td>ASSIGNED TO YOU</td></tr>\
        <tr><td><a href=\"https://app.asana.example/1\">Send the data processing agreement</a><br><span>Due date: Jan 29</span></td></tr>\
        <tr><td>OTHER NEW TASKS</td></tr>\
        <tr><td><a href=\"https://app.asana.example/2\">Inventory the store switches</a><br><span>Assignee: Unassigned &middot; Due date: Feb 12</span><br><span>Project: Hoeve</span></td></tr>\
        <tr><td><a href=\"https://app.asana.example/3\">Migrate the shared drive</a><br><span>Assignee: Kim Vercammen &middot; Due date: Feb 19</span></td></tr></table>";
    let recap = recap_of(mail, "eml");
    let tasks: Vec<(&str, &[String])> = recap
        .tasks
        .iter()
        .map(|t| (t.title.as_str(), t.owners.as_slice()))
        .collect();
    assert_eq!(
        tasks,
        [
            (
                "Send the data processing agreement",
                &["Jonas Weber".to_string()][..]
            ),
            ("Inventory the store switches", &[][..]),
            (
                "Migrate the shared drive",
                &["Kim Vercammen".to_string()][..]
            ),
        ]
    );
}
