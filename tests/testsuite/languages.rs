//! A site in Dutch, French or German (`language = "nl"` in site.toml): the theme's words, its
//! dates and its script's words in that language, and an edition in its own.

use crate::common::*;
use std::path::{Path, PathBuf};

/// The example site with `language` set, built for its pinned day.
fn example_in(language: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    let config = std::fs::read_to_string(example_root().join("site.toml")).unwrap();
    // A key before the first table: after `title`, the first line.
    let (title, rest) = config.split_once('\n').unwrap();
    std::fs::write(
        root.join("site.toml"),
        format!("{title}\nlanguage = \"{language}\"\n{rest}"),
    )
    .unwrap();
    copy_dir(&example_root().join("content"), &root.join("content"));
    let output = dossier()
        .args(["build", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(output.status.success(), "build failed: {}", stderr(&output));
    let out = root.join("public");
    (dir, out)
}

fn copy_dir(from: &Path, to: &Path) {
    for file in walkdir(from) {
        let target = to.join(file.strip_prefix(from).unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&file, &target).unwrap();
    }
}

/// The plain words of a language file of the default theme, by key.
fn words(language: &str) -> Vec<(String, String)> {
    let path = example_root().join(format!("themes/default/i18n/{language}.toml"));
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    table
        .into_iter()
        .filter_map(|(key, value)| value.as_str().map(|text| (key, text.to_string())))
        .collect()
}

#[test]
fn a_site_in_each_language_says_every_word_of_the_theme_in_it() {
    let english = words("en");
    for (language, today) in [
        ("nl", "ma 24 nov 2025"),
        ("fr", "lun. 24 nov. 2025"),
        ("de", "Mo., 24. Nov. 2025"),
    ] {
        let (_dir, out) = example_in(language);
        let index = std::fs::read_to_string(out.join("index.html")).unwrap();
        assert!(
            index.contains(&format!("<html lang=\"{language}\">")),
            "{language}"
        );
        assert!(index.contains(today), "{language}: the day in its language");
        // The calendar's and the feed's words too: "Uit: <meeting>", `xml:lang`.
        let calendar = std::fs::read_to_string(out.join("calendar.ics"))
            .unwrap()
            .replace("\r\n ", "");
        let from = words(language)
            .into_iter()
            .find(|(key, _)| key == "ics_from")
            .map(|(_, text)| text.split('{').next().unwrap_or_default().to_string())
            .unwrap();
        assert!(
            calendar.contains(&format!("\\n{from}")) || calendar.contains(&format!(":{from}")),
            "{language}: {from}"
        );
        let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
        assert!(
            feed.contains(&format!("xml:lang=\"{language}\"")),
            "{language}"
        );
        // Search results say an initiative's status as its page does ("Actief").
        let active = words(language)
            .into_iter()
            .find(|(key, _)| key == "status_active")
            .map(|(_, text)| text)
            .unwrap();
        let documents: String = walkdir(&out.join("search"))
            .iter()
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("d-"))
            })
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(
            documents.contains(&format!("\"{active}\"")),
            "{language}: {active}"
        );
        let script = std::fs::read_to_string(out.join("static/words.js")).unwrap();
        assert!(
            script.contains(&format!("\"lang\":\"{language}\"")),
            "{script}"
        );
        // An English phrase of the theme that the language says otherwise is on no page. The
        // example's notes are in English: only phrases of three words or more that the notes
        // do not write themselves ("the account team" is theirs too).
        let translated = words(language);
        let notes: String = walkdir(&example_root().join("content"))
            .iter()
            .map(|file| std::fs::read_to_string(file).unwrap_or_default())
            .collect();
        let phrases: Vec<&str> = english
            .iter()
            .filter(|(key, text)| {
                text.split_whitespace().count() >= 3
                    && !text.contains(['{', '&', '\'', '"', '<'])
                    && !notes.contains(text.as_str())
                    && translated.iter().any(|(k, t)| k == key && t != text)
            })
            .map(|(_, text)| text.as_str())
            .collect();
        assert!(phrases.len() >= 10, "{language}: {phrases:?}");
        for page in walkdir(&out)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
        {
            let html = std::fs::read_to_string(&page).unwrap();
            for phrase in &phrases {
                assert!(
                    !html.contains(phrase),
                    "{language}: {} says \"{phrase}\"",
                    page.display()
                );
            }
        }
    }
}

#[test]
fn the_customer_edition_has_its_own_language() {
    let fixture = Fixture::valid()
        .with(
            "site.toml",
            "title = \"T\"\nbase_url = \"https://intranet.example.org/\"\nlanguage = \"nl\"\n[editions.customer]\nlanguage = \"fr\"\n",
        );
    let internal = fixture.run(&["build", "--today", "2025-11-24"]);
    assert!(internal.status.success(), "{}", stderr(&internal));
    let html = std::fs::read_to_string(fixture.public().join("index.html")).unwrap();
    assert!(
        html.contains("<html lang=\"nl\">"),
        "the team's edition in Dutch"
    );
    let customer = fixture.run(&["build", "--today", "2025-11-24", "--edition", "customer"]);
    assert!(customer.status.success(), "{}", stderr(&customer));
    let html = std::fs::read_to_string(fixture.root().join("public-customer/index.html")).unwrap();
    assert!(
        html.contains("<html lang=\"fr\">"),
        "the customer's edition in French"
    );
    assert!(html.contains("Édition client"), "its banner in French");
}

#[test]
fn counts_on_the_pages_are_grouped_as_each_language_groups_thousands() {
    // 1,235 open tasks (the fixture's own one too), 1,100 of them late: the dashboard's figures,
    // the owners table and the agenda's headings are read as numbers, so grouped as {n} is.
    let tasks: String = (0..1_234)
        .map(|i| {
            let due = if i < 1_100 {
                "2025-11-21"
            } else {
                "2025-12-20"
            };
            format!("- [ ] **Task {i}.** @Sigi due:{due}\n")
        })
        .collect();
    for (language, grouped) in [
        ("en", ["1,235", "1,100"]),
        ("nl", ["1.235", "1.100"]),
        ("de", ["1.235", "1.100"]),
        ("fr", ["1\u{202f}235", "1\u{202f}100"]),
    ] {
        let site = Fixture::valid()
            .with(
                "site.toml",
                &format!("language = \"{language}\"\n{SITE_TOML}"),
            )
            .with(
                "content/meetings/2025-11-20-many.md",
                &format!("+++\ntitle = \"Many\"\ndate = 2025-11-20\n+++\n## Everything\n{tasks}"),
            );
        let output = site.build();
        assert!(output.status.success(), "{}", stderr(&output));
        let read = |page: &str| std::fs::read_to_string(site.public().join(page)).unwrap();
        let [open, late] = grouped;
        let dashboard = read("index.html");
        assert!(
            dashboard.contains(&format!("<span class=\"stat-value\">{open}")),
            "{language}: the dashboard's open count"
        );
        assert!(
            dashboard.contains(&format!("{late}</span>")),
            "{language}: the dashboard's overdue count"
        );
        let owners = read("owners/index.html");
        assert!(
            owners.contains(&format!("<strong class=\"late\">{late}</strong>")),
            "{language}: the owners table's overdue cell"
        );
        assert!(
            read("owners/sigi/index.html")
                .contains(&format!("<span class=\"count\">{late}</span>")),
            "{language}: the agenda's overdue heading"
        );
    }
}
