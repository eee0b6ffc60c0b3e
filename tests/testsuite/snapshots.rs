//! Snapshots of every page kind and every other file kind of the small fixture site
//! (tests/sites/small), so that a change to a template or to rendering shows up as a diff to
//! review. `DOSSIER_BLESS=1 cargo test snapshots` rewrites them after a deliberate change.

use crate::common::*;
use std::path::{Path, PathBuf};

/// The site's other files: (snapshot name, file in the built site).
const OTHER_FILES: &[(&str, &str)] = &[
    ("calendar.ics", "calendar.ics"),
    ("owner-calendar.ics", "owners/bo/calendar.ics"),
    ("task-calendar.ics", "tasks/contract-draft/task.ics"),
    ("feed.xml", "feed.xml"),
    ("tasks.json", "tasks.json"),
    ("sitemap.xml", "sitemap.xml"),
];

const TODAY: (i32, u32, u32) = (2025, 11, 24);

/// One page of every kind in the registry, the first the site has of it, as `<kind>.html`;
/// then the other files. A new page kind gets its snapshot without an edit here, and the
/// small site must have a page of it.
fn snapshot_files(site: &Path) -> Vec<(String, String)> {
    let report = dossier::check(
        site,
        &dossier::LoadOptions {
            today: chrono::NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2),
            ..dossier::LoadOptions::default()
        },
    )
    .unwrap();
    let mut files = Vec::new();
    for kind in dossier::page_kinds() {
        let first = report.page_files.iter().find(|(of, _)| *of == kind);
        let (_, file) = first.unwrap_or_else(|| {
            panic!("tests/sites/small has no {kind} page: add what makes one, for its snapshot")
        });
        files.push((format!("{kind}.html"), file.clone()));
    }
    let others = OTHER_FILES
        .iter()
        .map(|(name, file)| (name.to_string(), file.to_string()));
    files.extend(others);
    files
}

fn snapshots() -> PathBuf {
    example_root().join("tests/snapshots/small")
}

/// Where two texts first differ, as a line number and both lines.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    for number in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (None, None) => break,
            (e, a) if e == a => continue,
            (e, a) => {
                return format!(
                    "line {number}:\n  expected: {}\n  built:    {}",
                    e.unwrap_or("(end of file)"),
                    a.unwrap_or("(end of file)")
                )
            }
        }
    }
    "no line differs (line endings?)".into()
}

#[test]
fn every_page_kind_and_file_kind_matches_its_snapshot() {
    let out = tempfile::tempdir().unwrap();
    let site = example_root().join("tests/sites/small");
    let output = dossier()
        .args([
            "build",
            "--today",
            &format!("{}-{}-{}", TODAY.0, TODAY.1, TODAY.2),
            "--root",
        ])
        .arg(&site)
        .arg("--out")
        .arg(out.path().join("public"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let bless = std::env::var_os("DOSSIER_BLESS").is_some();
    let mut differing = Vec::new();
    for (name, built) in snapshot_files(&site) {
        let actual = std::fs::read_to_string(out.path().join("public").join(&built))
            .unwrap_or_else(|e| panic!("{built} was not built: {e}"));
        let path = snapshots().join(&name);
        if bless {
            std::fs::create_dir_all(snapshots()).unwrap();
            std::fs::write(&path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("no snapshot {}; run with DOSSIER_BLESS=1", path.display()));
        if expected != actual {
            differing.push(format!(
                "{name} ({built}) differs from {}, {}",
                Path::new("tests/snapshots/small").join(&name).display(),
                first_difference(&expected, &actual)
            ));
        }
    }
    assert!(
        differing.is_empty(),
        "{}\n\nReview the change; if it is meant, run DOSSIER_BLESS=1 cargo test snapshots",
        differing.join("\n")
    );
}

#[test]
fn a_difference_is_shown_at_its_line() {
    assert_eq!(
        first_difference("a\nb\nc", "a\nB\nc"),
        "line 2:\n  expected: b\n  built:    B"
    );
    assert!(first_difference("a", "a\nmore").contains("(end of file)"));
}
