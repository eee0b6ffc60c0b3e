use super::*;

fn owners(item: &str) -> (Vec<String>, bool, String) {
    let owned = task_owners(item, true);
    (owned.owners, owned.with_team, owned.text)
}

#[test]
fn every_place_tools_put_owners() {
    let table: &[(&str, &[&str], bool, &str)] = &[
        (
            "Send the offer by March 31st. (Sam, Zoë and the team)",
            &["Sam", "Zoë"],
            true,
            "Send the offer by March 31st.",
        ),
        (
            "Sam to send the offer by Friday",
            &["Sam"],
            false,
            "Send the offer by Friday",
        ),
        (
            "Sam Peeters and Ana will review the draft",
            &["Sam Peeters", "Ana"],
            false,
            "Review the draft",
        ),
        ("Team to book the venue", &[], true, "Book the venue"),
        (
            "[Sam, Ana Lucía Ferreira] Pricing: send the revised quote",
            &["Sam", "Ana Lucía Ferreira"],
            false,
            "Pricing: send the revised quote",
        ),
        (
            "Send the revised quote. Owner: Ana",
            &["Ana"],
            false,
            "Send the revised quote.",
        ),
        (
            "Update the runbook (Assignee: Bo Li) by Friday",
            &["Bo Li"],
            false,
            "Update the runbook by Friday",
        ),
        (
            "@sam send the deck 22 Jan 2027",
            &["sam"],
            false,
            "Send the deck 22 Jan 2027",
        ),
        (
            "Book the room — Ana Lucía",
            &["Ana Lucía"],
            false,
            "Book the room",
        ),
        (
            "ana.ferreira@example.com to share the slides",
            &["ana.ferreira@example.com"],
            false,
            "Share the slides",
        ),
        ("Everyone to read the memo", &[], true, "Read the memo"),
        (
            "Fix it before the milestone (Dec 4-5)",
            &[],
            false,
            "Fix it before the milestone (Dec 4-5)",
        ),
        (
            "Microsoft and Nokia are to be compared",
            &[],
            false,
            "Microsoft and Nokia are to be compared",
        ),
        (
            "Follow up with the customer on the pilot",
            &[],
            false,
            "Follow up with the customer on the pilot",
        ),
        (
            "Prepare the plan - draft first",
            &[],
            false,
            "Prepare the plan - draft first",
        ),
    ];
    for (item, names, team, text) in table {
        let (found, found_team, rest) = owners(item);
        assert_eq!(found, *names, "{item}");
        assert_eq!(found_team, *team, "{item}");
        assert_eq!(rest, *text, "{item}");
    }
}

#[test]
fn group_headings_are_names_only() {
    assert_eq!(
        group_heading("**Sam Peeters**"),
        Some((vec!["Sam Peeters".into()], false))
    );
    assert_eq!(group_heading("Ana:"), Some((vec!["Ana".into()], false)));
    assert_eq!(group_heading("Next steps for the pilot"), None);
}
