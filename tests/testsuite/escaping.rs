//! Text from content comes out as the same text in every format, and never as markup: HTML,
//! JSON, XML (feed and sitemap) and iCalendar, with `<script>`, quotes, `&`, `]]>`, CR/LF and
//! U+2028 in titles.

use crate::common::*;
use serde_json::Value;

/// A meeting title, topic and task title that try every escape at once.
const NASTY: &str = "<script>alert(\"x\")</script> & 'q' ]]> \u{2028} end";

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn site() -> Fixture {
    let meeting = format!(
        "+++\ntitle = {}\ndate = 2025-11-20\n+++\n## {} {{#nasty}}\nText.\n\n- [ ] **{}** @Sigi due:2025-12-01\n",
        toml_string(&format!("{NASTY} line one\r\nline two")),
        NASTY.replace('<', "\\<").replace('>', "\\>").replace('*', "\\*"),
        NASTY.replace('<', "\\<").replace('>', "\\>"),
    );
    let site = Fixture::valid().with("content/meetings/2025-11-20-weekly.md", &meeting);
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    site
}

/// Task titles have their white space folded to single spaces (U+2028 is white
/// space); everything else comes through.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn meeting_title() -> String {
    format!("{NASTY} line one\r\nline two")
}

#[test]
fn html_shows_the_text_and_runs_nothing() {
    let site = site();
    let doc = html(&site.public().join("meetings/2025-11-20-weekly/index.html"));
    let h1 = select(&doc, "h1")[0].text().collect::<String>();
    // HTML parsers turn CR LF into LF.
    assert_eq!(h1, meeting_title().replace("\r\n", "\n"));
    let topic = select(&doc, "section.topic h2 a")[0]
        .text()
        .collect::<String>();
    assert_eq!(topic, NASTY);
    let task = select(&doc, ".task-title a")[0].text().collect::<String>();
    assert_eq!(task, folded(NASTY));
    for script in select(&doc, "script") {
        assert!(script.value().attr("src").is_some());
    }
}

#[test]
fn json_holds_the_same_text() {
    let site = site();
    let tasks: Value =
        serde_json::from_str(&std::fs::read_to_string(site.public().join("tasks.json")).unwrap())
            .unwrap();
    assert_eq!(tasks[0]["title"], folded(NASTY));
}

#[test]
fn xml_parses_and_holds_the_same_text() {
    let site = site();
    let feed = std::fs::read_to_string(site.public().join("feed.xml")).unwrap();
    let doc = roxmltree::Document::parse(&feed).expect("feed.xml is well-formed XML");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("entry"))
        .and_then(|entry| entry.children().find(|n| n.has_tag_name("title")))
        .and_then(|t| t.text())
        .unwrap();
    assert_eq!(title, meeting_title());
    let sitemap = std::fs::read_to_string(site.public().join("sitemap.xml")).unwrap();
    roxmltree::Document::parse(&sitemap).expect("sitemap.xml is well-formed XML");
}

#[test]
fn icalendar_holds_the_same_text() {
    let site = site();
    let ics = std::fs::read_to_string(site.public().join("calendar.ics")).unwrap();
    let unfolded = ics.replace("\r\n ", "");
    let summary = unfolded
        .split("\r\n")
        .find_map(|line| line.strip_prefix("SUMMARY:"))
        .unwrap();
    let unescaped = summary
        .replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\");
    assert_eq!(unescaped, folded(NASTY));
    let description = unfolded
        .split("\r\n")
        .find_map(|line| line.strip_prefix("DESCRIPTION:"))
        .unwrap();
    assert!(!description.contains('\r') && !description.contains('\n'));
    assert!(description.contains("line one\\nline two"), "{description}");
}

#[test]
fn control_characters_are_refused_where_they_are() {
    let site = Fixture::valid().with(
        "content/meetings/2025-11-20-weekly.md",
        "+++\ntitle = \"ok\"\ndate = 2025-11-20\n+++\nA bell \u{7} here.\n",
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("content/meetings/2025-11-20-weekly.md:5:8: error: control character U+0007"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn escaped_control_characters_in_toml_are_dropped_from_pages() {
    let site = Fixture::valid().with(
        "content/meetings/2025-11-20-weekly.md",
        "+++\ntitle = \"bell\\u0007 here\"\ndate = 2025-11-20\n+++\n## Tasks\n- [ ] **x** @Sigi due:2025-12-01\n",
    );
    assert!(site.build().status.success());
    let page = std::fs::read_to_string(site.public().join("meetings/2025-11-20-weekly/index.html"))
        .unwrap();
    assert!(!page.contains('\u{7}'));
    let feed = std::fs::read_to_string(site.public().join("feed.xml")).unwrap();
    roxmltree::Document::parse(&feed).expect("feed.xml stays well-formed");
}

#[test]
fn the_search_index_is_scripts_holding_the_same_text() {
    let site = site();
    let dir = site.public().join("search");
    let mut documents = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        // The results page (index.html) stands beside the index's scripts.
        if path.extension().is_some_and(|e| e == "html") {
            continue;
        }
        let script = std::fs::read_to_string(&path).unwrap();
        assert!(
            !script.contains('\u{2028}'),
            "{}: U+2028 is escaped for older JavaScript engines",
            path.display()
        );
        // Each file is one call with JSON arguments.
        let arguments = script
            .strip_prefix("dossierSearch.")
            .and_then(|rest| rest.split_once('('))
            .and_then(|(_, rest)| rest.trim_end().strip_suffix(");"))
            .expect("one call");
        let parsed: Value = serde_json::from_str(&format!("[{arguments}]")).unwrap();
        if path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("d-")
        {
            documents.extend(parsed[1].as_array().unwrap().iter().cloned());
        }
    }
    assert_eq!(documents[0][1], meeting_title());
    assert_eq!(documents[1][1], NASTY);
    assert!(
        documents[1][2].as_str().unwrap().ends_with("/nasty/"),
        "a custom id is kept"
    );
    assert_eq!(documents[2][1], folded(NASTY));
}

#[test]
fn terminal_escapes_in_content_are_shown_not_obeyed() {
    // TOML escapes put control characters into names and titles that no editor shows.
    let site = Fixture::valid()
        .with(
            "content/people.toml",
            "[sigi]\nname = \"Sigi\\u001b[2J\\u001b]0;owned\\u0007\"\n\n[manon]\nname = \"Manon\"\n\n[patrick-faut]\nname = \"Patrick Faut\"\n",
        )
        .with(
            "content/meetings/2025-11-21-escape.md",
            "+++\ntitle = \"Escape\"\ndate = 2025-11-21\n+++\n## Topic\n- [ ] **Wipe &#27;[2J the screen** @Sigi due:2025-12-01\n",
        );
    let output = site.run(&["tasks", "--today", "2025-11-24"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Sigi\\u{1b}[2J"), "{text}");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );

    // And in an error snippet: a lone CR would send the cursor back over the message.
    site.write(
        "content/meetings/2025-11-21-escape.md",
        "+++\ntitle = \"Escape\"\ndate = 2025-11-21\n+++\n## Topic\n- [ ] **Fake\rerror: all fine** due:2025-02-30\n",
    );
    let output = site.run(&["build"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("Fake\\u{d}error: all fine"), "{err}");
    assert!(!err.contains('\r'), "{err:?}");
}
