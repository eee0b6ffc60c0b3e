//! Broken and hostile input: every error names file, line and column, exits with status 1, and
//! leaves the previously built site untouched.

use crate::common::*;

/// Everything below the site folder except the built site, to prove nothing else was written.
fn sources(site: &Fixture) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    snapshot(site.root())
        .into_iter()
        .filter(|(path, _)| !path.starts_with("public"))
        .collect()
}

/// Builds the valid fixture, breaks it with `files`, builds again and checks the failure: exit
/// 1, the position in the message, the previous site byte-identical, nothing written anywhere
/// else.
fn assert_fails_keeping_site(
    case: &str,
    files: &[(std::path::PathBuf, Vec<u8>)],
    location: &str,
    words: &str,
) {
    let site = Fixture::valid();
    let first = site.build();
    assert!(first.status.success(), "{}", stderr(&first));
    let before = snapshot(&site.public());

    for (path, content) in files {
        let full = site.root().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }
    let files_before = sources(&site);
    let output = site.build();
    let message = stderr(&output);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{case} ({location}, {words}): {message}"
    );
    assert!(
        message.contains(location),
        "expected {location} in:\n{message}"
    );
    assert!(message.contains(words), "expected {words:?} in:\n{message}");
    assert_eq!(
        snapshot(&site.public()),
        before,
        "{case}: the previous site changed"
    );
    assert_eq!(
        sources(&site),
        files_before,
        "{case}: files outside public/ changed"
    );
}

const M: &str = "content/meetings/2025-11-20-weekly.md";

/// One case of `tests/sites-invalid/`: the files it puts over the valid site, and what the
/// error must say (`expected.toml`: `location`, the path with line and column, and `words`).
struct InvalidCase {
    name: String,
    files: Vec<(std::path::PathBuf, Vec<u8>)>,
    location: String,
    words: String,
}

fn invalid_cases() -> Vec<InvalidCase> {
    let cases_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites-invalid");
    let mut cases: Vec<InvalidCase> = std::fs::read_dir(&cases_dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .map(|dir| {
            let expected: toml::Table =
                toml::from_str(&std::fs::read_to_string(dir.join("expected.toml")).unwrap())
                    .unwrap();
            let field = |name: &str| expected[name].as_str().unwrap().to_string();
            InvalidCase {
                name: dir.file_name().unwrap().to_string_lossy().into_owned(),
                files: snapshot(&dir)
                    .into_iter()
                    .filter(|(path, _)| path.as_os_str() != "expected.toml")
                    .collect(),
                location: field("location"),
                words: field("words"),
            }
        })
        .collect();
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

#[test]
fn every_broken_input_is_reported_at_its_place_and_nothing_is_lost() {
    let cases = invalid_cases();
    assert!(
        cases.len() >= 24,
        "tests/sites-invalid/ holds {} cases",
        cases.len()
    );
    for case in cases {
        assert!(
            !case.files.is_empty(),
            "{}: no file to break the site with",
            case.name
        );
        assert_fails_keeping_site(&case.name, &case.files, &case.location, &case.words);
    }
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
    let check = site.run(&["check", "--strict"]);
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
                script.value().attr("src").is_some_and(
                    |s| s.contains("static/dossier.js?v=") || s.contains("static/words.js?v=")
                ),
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

#[test]
fn a_backslash_in_a_topic_id_never_reaches_a_path() {
    // pulldown-cmark does not read `{#a\b}` as an id: attributes it does not read are an
    // error at their line (they may have been meant to hide something), and nothing is written.
    let site = Fixture::valid().with(M, &MEETING.replace("{initiative=deal}", "{#a\\b}"));
    let output = site.build();
    assert!(!output.status.success());
    let errors = stderr(&output);
    assert!(
        errors.contains("2025-11-20-weekly.md:5:9: error: these attributes are not read"),
        "{errors}"
    );
    assert!(!site.public().exists());
}
