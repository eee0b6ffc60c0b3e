//! The example site at the repository root, built as of 24 Nov 2025: every page kind exists, every
//! link resolves, owner pages list exactly their tasks, and builds are reproducible.

use crate::common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const MEETING: &str = "meetings/2025-11-18-account-team/";

fn tasks_json(out: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(out.join("tasks.json")).unwrap();
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn every_page_kind_is_written() {
    let (_dir, out) = build_example();
    for page in [
        "index.html",
        "meetings/index.html",
        &format!("{MEETING}index.html"),
        &format!("{MEETING}proximus-package-deal-progress/index.html"),
        "topics/index.html",
        "initiatives/index.html",
        "initiatives/package-deal/index.html",
        "owners/index.html",
        "owners/sigi/index.html",
        "owners/sigi/calendar.ics",
        "calendar/index.html",
        "calendar/2025-11/index.html",
        "calendar/2025-12/index.html",
        "calendar/2026-01/index.html",
        "calendar.ics",
        "feed.xml",
        "tasks.json",
        "sitemap.xml",
        "404.html",
        "static/style.css",
    ] {
        assert!(out.join(page).is_file(), "missing {page}");
    }
}

#[test]
fn the_sample_meeting_has_its_topics_tasks_and_deadlines() {
    let (_dir, out) = build_example();
    let meeting = html(&out.join(MEETING).join("index.html"));
    // The recap's eleven topics, and the team's own view of the Clear Media escalation.
    assert_eq!(select(&meeting, "section.topic[id^=topic-]").len(), 12);
    assert_eq!(select(&meeting, "section.topic h2 .tag-internal").len(), 1);
    let tasks = tasks_json(&out);
    assert_eq!(tasks.len(), 25);
    let due: BTreeMap<String, (String, String)> = tasks
        .iter()
        .filter(|t| !t["due"].is_null())
        .map(|t| {
            (
                t["title"].as_str().unwrap().to_string(),
                (
                    t["due"].as_str().unwrap().to_string(),
                    t["due_precision"].as_str().unwrap().to_string(),
                ),
            )
        })
        .collect();
    let expected: BTreeMap<String, (String, String)> = [
        (
            "Package deal closure (Windows 365, Entra ID, Intune, Netskope)",
            "2025-11-30",
            "day",
        ),
        (
            "Nokia-Microsoft co-innovation and CTO engagement",
            "2025-12-09",
            "day",
        ),
        (
            "Cloudera modernization and NIT milestones",
            "2025-12-05",
            "day",
        ),
        (
            "Digital and TV domain stakeholder engagement",
            "2026-01-31",
            "month",
        ),
    ]
    .into_iter()
    .map(|(t, d, p)| (t.to_string(), (d.to_string(), p.to_string())))
    .collect();
    assert_eq!(due, expected);
    // Deadline order, undated last.
    let dates: Vec<&str> = tasks.iter().filter_map(|t| t["due"].as_str()).collect();
    assert_eq!(
        dates,
        ["2025-11-30", "2025-12-05", "2025-12-09", "2026-01-31"]
    );
    assert!(tasks[4..].iter().all(|t| t["due"].is_null()));
    // "Q3 next fiscal year" cannot be dated without fiscal_year_start: it stays undated.
    let servicenow = tasks
        .iter()
        .find(|t| t["title"] == "ServiceNow marketplace transaction closure")
        .unwrap();
    assert!(servicenow["due"].is_null());
}

#[test]
fn each_owner_page_lists_exactly_that_persons_tasks() {
    let (_dir, out) = build_example();
    let mut by_owner: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut shared_by: BTreeMap<String, usize> = BTreeMap::new();
    for task in tasks_json(&out) {
        let owners = task["owners"].as_array().unwrap();
        let title = task["title"].as_str().unwrap().to_string();
        shared_by.insert(title.clone(), owners.len());
        for owner in owners {
            by_owner
                .entry(owner.as_str().unwrap().to_string())
                .or_default()
                .insert(title.clone());
        }
    }
    assert_eq!(by_owner.len(), 19, "owners: {:?}", by_owner.keys());
    assert!(by_owner.contains_key("frederik") && !by_owner.contains_key("fred"));
    for (owner, titles) in &by_owner {
        let page = html(&out.join("owners").join(owner).join("index.html"));
        let shown: BTreeSet<String> = select(&page, "li.task .task-title a")
            .iter()
            .map(text)
            .collect();
        assert_eq!(&shown, titles, "owner page of {owner}");
        // A card on the owner's own page names who shares the task ("with Nathan"), not them.
        for card in select(&page, "li.task") {
            let title = text(&select_in(&card, ".task-title a")[0]);
            let named = select_in(&card, ".owners .person").len();
            assert_eq!(named, shared_by[&title] - 1, "{owner}: {title}");
            let owners_text = select_in(&card, ".owners")
                .iter()
                .map(text)
                .collect::<String>();
            assert_eq!(
                owners_text.starts_with("with "),
                named > 0,
                "{owner}: {title}"
            );
        }
    }
}

#[test]
fn every_internal_link_resolves_and_none_is_absolute() {
    let (_dir, out) = build_example();
    let mut checked = 0;
    for file in walkdir(&out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let doc = html(&file);
        let ids: BTreeSet<String> = select(&doc, "[id]")
            .iter()
            .map(|e| e.value().attr("id").unwrap().to_string())
            .collect();
        for element in select(&doc, "a[href], link[href], script[src]") {
            let target = element
                .value()
                .attr("href")
                .or_else(|| element.value().attr("src"))
                .unwrap();
            // The 404 page is served at any depth, so its links start from the site's path
            // (base_url's); every other page links relatively and works from disk.
            let not_found = file.ends_with("404.html") && !target.starts_with('#');
            if not_found {
                let inside = target.strip_prefix("/briefings/");
                assert!(
                    inside.is_some(),
                    "404.html: {target} is not under /briefings/"
                );
                let path = inside
                    .unwrap_or_default()
                    .split(['#', '?'])
                    .next()
                    .unwrap_or_default();
                assert!(out.join(path).is_file(), "404.html: broken link {target}");
                checked += 1;
                continue;
            }
            assert!(
                !target.starts_with('/'),
                "{}: absolute link {target}",
                file.display()
            );
            let has_scheme = target.split_once(':').is_some_and(|(scheme, _)| {
                !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphabetic())
            });
            if has_scheme {
                assert!(
                    ["http:", "https:", "mailto:", "webcal:"]
                        .iter()
                        .any(|s| target.starts_with(s)),
                    "{}: unexpected scheme in {target}",
                    file.display()
                );
                continue;
            }
            let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
            // The theme's files carry their fingerprint as a query ("style.css?v=…").
            let path = path.split('?').next().unwrap_or_default();
            if path.is_empty() {
                assert!(ids.contains(fragment), "{}: no #{fragment}", file.display());
                continue;
            }
            let resolved = file.parent().unwrap().join(path);
            assert!(
                resolved.is_file(),
                "{}: broken link {target}",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 1000, "only {checked} links checked");
}

#[test]
fn builds_are_byte_for_byte_reproducible() {
    let (_a, first) = build_example();
    let (_b, second) = build_example();
    assert_eq!(snapshot(&first), snapshot(&second));
}

#[test]
fn tasks_json_command_prints_what_the_site_holds() {
    let (_dir, out) = build_example();
    let from_command = tasks_json_of(&example_root());
    let from_site: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("tasks.json")).unwrap()).unwrap();
    assert_eq!(from_command, from_site);
}

#[test]
fn topics_of_an_initiative_form_its_timeline() {
    let (_dir, out) = build_example();
    let page = html(&out.join("initiatives/databricks-modernisation/index.html"));
    let timeline: Vec<String> = select(&page, ".timeline h3").iter().map(text).collect();
    assert_eq!(timeline, ["Data, AI, and cloud migration updates"]);
    let open: Vec<String> = select(&page, "li.task .task-title a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(
        open,
        [
            "Cloudera modernization and NIT milestones",
            "Cloudera to Databricks and Teradata modernization TCO meeting"
        ]
    );
}

/// The README's first command builds the example as it was meant to be read: site.toml pins its
/// day, and the pages tell the theme's script to keep it; a day given on the command line is
/// a build "as if today were", which the script brings up to the reader's day.
#[test]
fn the_example_pins_its_day_and_a_day_on_the_command_line_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let pinned = dir.path().join("pinned");
    let output = dossier()
        .args(["build", "--out"])
        .arg(&pinned)
        .arg("--root")
        .arg(example_root())
        .output()
        .unwrap();
    assert!(output.status.success(), "build failed: {}", stderr(&output));
    let body = |out: &Path| {
        let html = std::fs::read_to_string(out.join("index.html")).unwrap();
        let start = html.find("<body").unwrap();
        html[start..start + html[start..].find('>').unwrap()].to_string()
    };
    assert!(
        body(&pinned).contains("data-built=\"2025-11-24\""),
        "{}",
        body(&pinned)
    );
    assert!(body(&pinned).contains(" data-pinned"), "{}", body(&pinned));
    let (_dir, out) = build_example();
    assert!(!body(&out).contains("data-pinned"), "{}", body(&out));
}
