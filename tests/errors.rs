//! Broken and hostile input: every error names file, line and column, exits with status 1, and
//! leaves the previously built site untouched.

mod common;

use common::*;

/// Builds the valid fixture, breaks it with `edit`, builds again and checks the failure.
fn assert_fails_keeping_site(path: &str, content: &str, location: &str, words: &str) {
    let site = Fixture::valid();
    let first = site.build();
    assert!(first.status.success(), "{}", stderr(&first));
    let before = snapshot(&site.public());

    site.write(path, content);
    let output = site.build();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{message}");
    assert!(
        message.contains(location),
        "expected {location} in:\n{message}"
    );
    assert!(message.contains(words), "expected {words:?} in:\n{message}");
    assert_eq!(
        snapshot(&site.public()),
        before,
        "the previous site changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
}

const M: &str = "content/meetings/2025-11-20-weekly.md";

#[test]
fn unknown_front_matter_key() {
    let text = MEETING.replace("date = ", "dat = ");
    assert_fails_keeping_site(M, &text, &format!("{M}:3:1"), "dat");
}

#[test]
fn impossible_deadline() {
    let text = MEETING.replace("due:2025-11-28", "due:2025-02-30");
    assert_fails_keeping_site(M, &text, &format!("{M}:8:33"), "not a real date");
}

#[test]
fn impossible_month_deadline() {
    let text = MEETING.replace("due:2025-11-28", "due:2025-13");
    assert_fails_keeping_site(M, &text, &format!("{M}:8:33"), "no month 13");
}

#[test]
fn impossible_meeting_date() {
    let text = MEETING.replace("date = 2025-11-20", "date = 2025-02-30");
    assert_fails_keeping_site(M, &text, &format!("{M}:3:"), "2025-02-30");
}

#[test]
fn missing_title() {
    let text = MEETING.replace("title = \"Weekly\"\n", "");
    assert_fails_keeping_site(M, &text, &format!("{M}:"), "title");
}

#[test]
fn unterminated_string() {
    let text = MEETING.replace("title = \"Weekly\"", "title = \"Weekly");
    assert_fails_keeping_site(M, &text, &format!("{M}:2:"), "");
}

#[test]
fn missing_closing_front_matter_marker() {
    assert_fails_keeping_site(
        M,
        "+++\ntitle = \"x\"\ndate = 2025-11-20\n## Topic\n",
        &format!("{M}:1:1"),
        "never closed",
    );
}

#[test]
fn empty_file() {
    assert_fails_keeping_site(M, "", &format!("{M}:1:1"), "empty");
}

#[test]
fn unknown_initiative() {
    let text = MEETING.replace("{initiative=deal}", "{initiative=dael}");
    assert_fails_keeping_site(M, &text, &format!("{M}:5:21"), "no initiative `dael`");
}

#[test]
fn duplicate_topic_ids() {
    let text = format!("{MEETING}\n## Deal\nagain\n");
    assert_fails_keeping_site(
        M,
        &text,
        &format!("{M}:13:1"),
        "second topic with the id `deal`",
    );
}

#[test]
fn unknown_site_setting() {
    let text = format!("{SITE_TOML}colour = \"blue\"\n");
    assert_fails_keeping_site("site.toml", &text, "site.toml:4:1", "colour");
}

#[test]
fn person_without_name() {
    let text = format!("{PEOPLE_TOML}\n[karla]\nrole = \"Security\"\n");
    assert_fails_keeping_site("content/people.toml", &text, "content/people.toml:", "name");
}

#[test]
fn invalid_utf8_is_reported_where_it_starts() {
    let site = Fixture::valid();
    std::fs::write(site.root().join(M), b"+++\ntitle = \"caf\xe9\"\n").unwrap();
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!("{M}:2:13")),
        "{}",
        stderr(&output)
    );
}

#[test]
fn every_error_of_a_run_is_reported() {
    let site = Fixture::valid();
    site.write(M, &MEETING.replace("due:2025-11-28", "due:2025-02-30"));
    site.write(
        "content/meetings/2025-11-27-weekly.md",
        &MEETING.replace("date = ", "dat = "),
    );
    let output = site.build();
    let message = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(message.contains(&format!("{M}:8:33")), "{message}");
    assert!(
        message.contains("content/meetings/2025-11-27-weekly.md:3:1"),
        "{message}"
    );
    assert!(message.contains("2 errors found"), "{message}");
    assert!(!site.public().exists(), "a failed first build wrote a site");
}

#[test]
fn errors_show_the_line_and_a_caret() {
    let site = Fixture::valid().with(M, &MEETING.replace("due:2025-11-28", "due:2025-02-30"));
    let message = stderr(&site.build());
    let expected = format!(
        "8 | - [ ] **Close it:** now. @Manon due:2025-02-30\n  | {}{}",
        " ".repeat(32),
        "^".repeat(14)
    );
    assert!(message.contains(&expected), "{message}");
}

#[test]
fn unknown_people_warn_but_still_get_an_owner_page_and_fail_check() {
    let site = Fixture::valid().with(M, &MEETING.replace("@Manon due", "@Karla due"));
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(&format!("{M}:8:26: warning")),
        "{}",
        stderr(&output)
    );
    assert!(site.public().join("owners/karla/index.html").is_file());
    let check = site.run(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stderr(&check).contains(&format!("{M}:8:26: error")),
        "{}",
        stderr(&check)
    );
}

#[test]
fn output_folders_that_would_lose_files_are_refused() {
    let site = Fixture::valid();
    for out in [".", "content", "content/meetings", ".."] {
        let output = site.run(&["build", "--out", &site.root().join(out).to_string_lossy()]);
        assert_eq!(output.status.code(), Some(1), "--out {out}");
        assert!(stderr(&output).contains("refusing"), "{}", stderr(&output));
    }
    assert!(site
        .root()
        .join("content/meetings/2025-11-20-weekly.md")
        .is_file());

    let foreign = site.root().join("mine");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "keep me").unwrap();
    let output = site.run(&["build", "--out", &foreign.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(foreign.join("notes.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let output = run(&["build", "--no-such-flag"]);
    assert_eq!(output.status.code(), Some(2));
    let site = Fixture::valid();
    let output = site.run(&["tasks", "--owner", "nobody"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
}

#[test]
fn a_missing_site_toml_says_what_to_do() {
    let site = Fixture::empty();
    let output = site.build();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("dossier init"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_missing_theme_is_an_error() {
    let site = Fixture::valid().with("site.toml", &format!("{SITE_TOML}theme = \"fancy\"\n"));
    let output = site.build();
    assert_ne!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("theme `fancy` does not exist"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn template_errors_name_the_template_file_and_line() {
    let site = Fixture::valid().with("templates/topic.html", "{% extends \"base.html\" %}\n{% block main %}\n{{ topic.title | nosuchfilter }}\n{% endblock main %}\n");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("templates/topic.html:3:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn hostile_text_is_shown_as_text() {
    let hostile = "+++\ntitle = \"<script>alert(1)</script> & \\\"quotes\\\"\"\ndate = 2025-11-20\n+++\n## <img src=x onerror=alert(1)> topic\n<script>alert(2)</script>\n\n[click](javascript:alert(3))\n\n- [ ] **<b onmouseover=alert(4)>Task</b>** @Sigi due:2025-12-01\n";
    let site = Fixture::valid().with(M, hostile);
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    for file in walkdir(&site.public())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let doc = html(&file);
        for script in select(&doc, "script") {
            assert!(
                script
                    .value()
                    .attr("src")
                    .is_some_and(|s| s.ends_with("static/dossier.js")),
                "{}",
                file.display()
            );
        }
        assert!(select(&doc, "img").is_empty(), "{}", file.display());
        for element in select(&doc, "*") {
            for (name, value) in element.value().attrs() {
                assert!(!name.starts_with("on"), "{}: {name}", file.display());
                assert!(
                    !value.trim_start().to_lowercase().starts_with("javascript:"),
                    "{}",
                    file.display()
                );
            }
        }
    }
    let meeting =
        std::fs::read_to_string(site.public().join("meetings/2025-11-20-weekly/index.html"))
            .unwrap();
    assert!(meeting.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}
