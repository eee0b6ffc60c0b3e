use super::*;

/// Section headings in English, Dutch, French and German, as tools and people write them.
#[test]
fn sections_are_known_in_four_languages() {
    let table = [
        ("Follow-up tasks", Some(SectionKind::Tasks)),
        ("Action items", Some(SectionKind::Tasks)),
        ("Suggested next steps", Some(SectionKind::Tasks)),
        ("To-dos", Some(SectionKind::Tasks)),
        ("Taken voor opvolging", Some(SectionKind::Tasks)),
        ("Taken", Some(SectionKind::Tasks)),
        ("Actiepunten", Some(SectionKind::Tasks)),
        ("Volgende stappen", Some(SectionKind::Tasks)),
        ("Tâches de suivi", Some(SectionKind::Tasks)),
        ("Tâches", Some(SectionKind::Tasks)),
        ("Prochaines étapes suggérées", Some(SectionKind::Tasks)),
        ("Actions à mener", Some(SectionKind::Tasks)),
        ("Folgeaufgaben", Some(SectionKind::Tasks)),
        ("Nächste Schritte", Some(SectionKind::Tasks)),
        ("Aufgaben", Some(SectionKind::Tasks)),
        ("Deelnemers", Some(SectionKind::Attendees)),
        ("Participants", Some(SectionKind::Attendees)),
        ("Teilnehmer", Some(SectionKind::Attendees)),
        ("Meeting notes", Some(SectionKind::Discussion)),
        // Topics, not sections: what they are about comes first, or they are dated.
        ("Follow-up process", None),
        ("Transactions overview", None),
        ("Next steps for the 3 December workshop", None),
        (
            "Pricing and discount tasks for the Q3 renewal with Globex",
            None,
        ),
        // A meeting held to follow up is a title; the follow-up alone is the tasks.
        ("Réunion de suivi", None),
        ("Opvolging overleg", None),
        ("Suivi", Some(SectionKind::Tasks)),
        ("Transkript", Some(SectionKind::Transcript)),
        ("Volledige transcriptie", Some(SectionKind::Transcript)),
        ("Transcription (extrait)", Some(SectionKind::Transcript)),
        ("Transcript excerpt", Some(SectionKind::Transcript)),
    ];
    for (heading, expected) in table {
        assert_eq!(section_kind(&section_name(heading)), expected, "{heading}");
    }
}

#[test]
fn an_action_point_label_marks_a_task_and_a_word_that_only_looks_like_one_does_not() {
    let marked = |line: &str| match &lines(line).0[..] {
        [Line::Item { marked, text, .. }] => Some((*marked, text.clone())),
        _ => None,
    };
    assert_eq!(
        marked("- AP: EM -> voorstel"),
        Some((true, "EM -> voorstel".into()))
    );
    assert_eq!(
        marked("- AP ik: offerte opvragen"),
        Some((true, "ik: offerte opvragen".into()))
    );
    assert_eq!(marked("- ACTIE: Jan belt"), Some((true, "Jan belt".into())));
    assert_eq!(
        marked("- TODO SD: planning"),
        Some((true, "SD: planning".into()))
    );
    assert_eq!(
        marked("- AP team happy with the approvals"),
        Some((false, "AP team happy with the approvals".into()))
    );
    assert_eq!(
        marked("- Action items were reviewed: none left"),
        Some((false, "Action items were reviewed: none left".into()))
    );
}

#[test]
fn a_heading_between_equals_signs_is_one_and_a_line_of_them_no_text() {
    let (lines, _) = lines("== Aktionspunkte ==\n- Anne: Sizing\n=== Notizen ===\nA = B == C\n");
    assert_eq!(lines[0], Line::Heading("Aktionspunkte".into()));
    assert_eq!(lines[2], Line::Heading("Notizen".into()));
    assert_eq!(lines[3], Line::Paragraph("A = B == C".into()));
}

/// tl;dv links each note's time to the moment in the recording: the link goes with the time.
#[test]
fn a_timestamp_linked_to_the_recording_goes_with_its_link() {
    assert_eq!(
        without_timestamps(
            "- [ ] **[00:47:05](https://tldv.example/m/1?t=2825)** Nicolas enverra le PRA."
        ),
        ("- [ ] Nicolas enverra le PRA.".to_string(), 1)
    );
}

/// Fathom's next steps: each person's name indented over their items, indented deeper. A name
/// left of the item above is none of that item.
#[test]
fn a_name_left_of_the_item_above_is_not_its_detail() {
    let (lines, _) = lines("Volgende stappen\n\n  Pieter Janssens\n    - Offerte bezorgen.\n\n  An Verbruggen\n    - Budget vragen.\n");
    assert!(
        !lines
            .iter()
            .any(|line| matches!(line, Line::Item { text, .. } if text == "An Verbruggen")),
        "{lines:?}"
    );
}
