use super::*;

/// The line (1-based) each error of `body` stands on.
fn error_lines(body: &str, of: BodyOf) -> Vec<usize> {
    mark(body, of)
        .errors
        .iter()
        .map(|(range, _)| body[..range.start].matches('\n').count() + 1)
        .collect()
}

/// What the customer edition keeps of `body`.
fn customer(body: &str, of: BodyOf) -> String {
    let marking = mark(body, of);
    assert!(marking.errors.is_empty(), "{body:?}: {:?}", marking.errors);
    blank(body, &marking.internal)
}

/// Markdown inputs and the line of the error each must give: every spelling of the marker
/// that is not read with certainty stops the build at its line.
#[test]
fn a_marker_not_read_with_certainty_is_an_error_at_its_line() {
    let cases: &[(&str, usize)] = &[
        ("Intro\n\n## Pricing {.internal} {#pricing}\nfloor 9%\n", 3),
        ("## X {.internal} ##\nfloor\n", 1),
        ("## X {.internal} <!-- note -->\nfloor\n", 1),
        ("## X {.inter\u{200B}nal}\nfloor\n", 1),
        ("## X {.Internal}\nfloor\n", 1),
        ("## X \\{.internal}\nfloor\n", 1),
        ("## X {.interal}\nfloor\n", 1),
        ("## X {.internal-only}\nfloor\n", 1),
        ("## X {internal}\nfloor\n", 1),
        ("## X ｛.internal｝\nfloor\n", 1),
        ("## X {.secret}\nfloor\n", 1),
        ("- [ ] **Task** @ann {.intenral}\n", 1),
        ("- a point {owner=ann}\n", 1),
        ("text\n\n```{.internal}\nfloor\n```\n", 3),
        ("text\n\n```internal-notes\nfloor\n```\n", 3),
        ("text\n\n```internal notes\nfloor\n```\n", 3),
        ("text\n\n```Internal\nfloor\n```\n", 3),
        ("## A\n\n```internal\nfloor\n\n## B\nmore\n", 3),
        ("- [ ] **Task** @ann\n\n      ```internal\n      floor_price is 9% [walk-away]\n      ```\n", 3),
        ("Say `{.internal}` here\n", 1),
        ("Say <!-- {.internal} --> here\n", 1),
        ("| a | b {.internal} |\n|---|---|\n| c | d |\n", 1),
        ("# Whole {.internal}\nfloor\n", 1),
    ];
    for (body, line) in cases {
        assert_eq!(
            error_lines(body, BodyOf::Meeting),
            vec![*line],
            "{body:?}: {:?}",
            mark(body, BodyOf::Meeting).errors
        );
    }
}

/// Markdown inputs and the words the customer edition must not hold, and those it must.
#[test]
fn what_a_marker_marks_stays_out_with_all_it_holds() {
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "## Deal\nopen\n\n### Pricing {.internal}\nfloor\n\n### Next\nplan\n",
            &["floor", "Pricing"],
            &["open", "Next", "plan"],
        ),
        (
            "## Tasks {.internal}\nnotes floor\n- [ ] call @ann\n\n## Next\nplan\n",
            &["floor", "call"],
            &["Next", "plan"],
        ),
        (
            "## Deal\n- public point\n- floor point {.internal}\n  - nested floor\n  - [ ] nested task\n- other\n",
            &["floor point", "nested floor", "nested task"],
            &["public point", "other"],
        ),
        (
            "## Deal\n- [ ] outer {.internal}\n  - [ ] inner task\n- [ ] public task\n",
            &["outer", "inner task"],
            &["public task"],
        ),
        (
            "## Deal\nopen text\n\nThe floor is 9%. {.internal}\n\nclosing\n",
            &["floor"],
            &["open text", "closing"],
        ),
        (
            "## Pricing {.internal}\nSee[^f].\n\n## Public\nok\n\n[^f]: floor note\n",
            &["floor note", "See"],
            &["Public", "ok"],
        ),
        (
            "## Deal\n- [ ] **Task** @ann\n  ```internal\n  floor_price is 9% [walk-away]\n  ```\n- [ ] other\n",
            &["floor_price", "walk-away"],
            &["Task", "other"],
        ),
        (
            "## Deal\n~~~internal\nfloor\n~~~\nafter\n",
            &["floor"],
            &["after"],
        ),
        (
            "Pricing {.internal}\n---\nfloor\n\nNext\n---\nplan\n",
            &["floor", "Pricing"],
            &["Next", "plan"],
        ),
    ];
    for (body, hidden, kept) in cases {
        let shown = customer(body, BodyOf::Meeting);
        for word in *hidden {
            assert!(!shown.contains(word), "{body:?} keeps {word:?}: {shown:?}");
        }
        for word in *kept {
            assert!(shown.contains(word), "{body:?} lost {word:?}: {shown:?}");
        }
        assert_eq!(
            shown.lines().count(),
            body.lines().count(),
            "lines stay in place"
        );
    }
}

#[test]
fn an_initiative_reads_markers_on_headings_points_tasks_and_paragraphs() {
    let body = "Background.\n\n## Pricing {.internal}\nfloor\n\n## Plan\n- [ ] secret step {.internal}\n- [ ] public step\n";
    let shown = customer(body, BodyOf::Initiative);
    assert!(
        !shown.contains("floor") && !shown.contains("secret step"),
        "{shown}"
    );
    assert!(shown.contains("public step") && shown.contains("Background"));
    // An initiative's task is not read as a meeting's: its marker is cut in every edition.
    assert_eq!(mark(body, BodyOf::Initiative).markers.len(), 1);
    assert_eq!(
        error_lines("## Plan {initiative=x}\n", BodyOf::Initiative),
        vec![1]
    );
}

#[test]
fn braces_that_are_no_attributes_are_text_and_code_is_code() {
    for body in [
        "Budget {maybe} and {x: 1}\n",
        "```json\n{\"a\": {\"b\": 1}}\n```\n",
        "```css\n#main {display: none}\n```\n",
        "Snippet: `{#id .class}`\n",
        "## Heading {#my-id}\n",
        "## Topic {initiative=deal .internal}\n",
        "- [ ] **Task** {#t-1} @ann {initiative=deal}\n",
    ] {
        assert_eq!(
            error_lines(body, BodyOf::Meeting),
            Vec::<usize>::new(),
            "{body:?}"
        );
    }
}

#[test]
fn blanking_keeps_every_position_and_line() {
    let text = "a\ncafé {.internal}\nb\n";
    let range = whole_lines(text, &(2..3));
    let out = blank(text, &[range]);
    assert_eq!(out.len(), text.len());
    assert_eq!(
        out,
        format!("a\n{}\nb\n", " ".repeat("café {.internal}".len()))
    );
}

/// A seeded generator: bodies with markers at random places and nestings, each hidden word
/// written under exactly one internal mark. Whatever is internal is out of the customer's
/// text; whatever is not stays.
#[test]
fn generated_bodies_keep_internal_words_out_and_public_words_in() {
    let mut seed = 0x5eed_u64;
    for round in 0..400 {
        let (body, hidden, kept) = super::generated::body(&mut seed);
        let marking = mark(&body, BodyOf::Meeting);
        assert!(
            marking.errors.is_empty(),
            "round {round}: {body}\n{:?}",
            marking.errors
        );
        let shown = blank(&body, &marking.internal);
        for word in &hidden {
            assert!(
                !shown.contains(word.as_str()),
                "round {round}: {word} shown\n{body}"
            );
        }
        for word in &kept {
            assert!(
                shown.contains(word.as_str()),
                "round {round}: {word} lost\n{body}"
            );
        }
    }
}
