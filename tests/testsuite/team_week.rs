//! The team's week from the terminal: `dossier done` closes tasks in place, `dossier tasks`
//! narrows to one account or to the reader, and pages say when a task was done.

use crate::common::{dossier, html, select, stderr, stdout, text};
use std::path::{Path, PathBuf};

/// A copy of `tests/sites/small` in a temporary folder, to edit.
fn small_site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(
        &crate::common::example_root().join("tests/sites/small"),
        &root,
    );
    (dir, root)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn run_in(root: &Path, args: &[&str]) -> std::process::Output {
    dossier()
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("DOSSIER_ME")
        .env("XDG_CONFIG_HOME", root.join("no-config"))
        .output()
        .unwrap()
}

const REVIEW: &str = "content/meetings/2025-11-20-review.md";

#[test]
fn done_ticks_the_latest_mention_and_writes_the_day_changing_nothing_else() {
    let (_dir, root) = small_site();
    let before = std::fs::read_to_string(root.join(REVIEW)).unwrap();
    let kickoff_before =
        std::fs::read(root.join("content/meetings/2025-11-10-kickoff.md")).unwrap();
    // `contract-draft` is written in both meetings: the later mention is the one closed.
    let output = run_in(
        &root,
        &[
            "done",
            "contract-draft",
            "draft-the-survey",
            "--on",
            "2025-12-15",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(
        report.contains("Share the contract draft") && report.contains("3 days late"),
        "{report}"
    );
    assert!(report.contains(&format!("{REVIEW}:17")), "{report}");
    let after = std::fs::read_to_string(root.join(REVIEW)).unwrap();
    let expected = before
        .replace(
            "- [ ] **Share the contract draft:** legal asked for a week more. @Chidi due:2025-12-12 {#contract-draft}",
            "- [x] **Share the contract draft:** legal asked for a week more. @Chidi due:2025-12-12 {#contract-draft} done:2025-12-15",
        )
        .replace(
            "  - [ ] **Draft the survey** @Chidi due:2025-11-24",
            "  - [x] **Draft the survey** @Chidi due:2025-11-24 done:2025-12-15",
        );
    assert_ne!(
        before, expected,
        "the fixture changed: the test must follow it"
    );
    assert_eq!(after, expected);
    assert_eq!(
        std::fs::read(root.join("content/meetings/2025-11-10-kickoff.md")).unwrap(),
        kickoff_before,
        "the earlier mention is left as written"
    );

    // Closing again changes nothing and says so.
    let again = run_in(&root, &["done", "contract-draft"]);
    assert!(again.status.success());
    assert!(
        stdout(&again).contains("already done"),
        "{}",
        stdout(&again)
    );
    assert_eq!(
        std::fs::read_to_string(root.join(REVIEW)).unwrap(),
        expected
    );

    // The pages say when, and how late.
    let out = root.join("public");
    let build = run_in(&root, &["build", "--today", "2025-12-20"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let page = html(&out.join("tasks/contract-draft/index.html"));
    let done: Vec<String> = select(&page, ".done-on").iter().map(text).collect();
    assert!(
        done.iter()
            .any(|t| t.contains("done Mon 15 Dec 2025") && t.contains("3 days late")),
        "{done:?}"
    );
    let tasks: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("tasks.json")).unwrap()).unwrap();
    let closed = tasks
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "contract-draft")
        .unwrap();
    assert_eq!(closed["done"], true);
    assert_eq!(closed["done_on"], "2025-12-15");
}

#[test]
fn an_unknown_id_changes_no_file_even_beside_a_known_one() {
    let (_dir, root) = small_site();
    let before = crate::common::snapshot(&root.join("content"));
    let output = run_in(&root, &["done", "draft-the-survey", "no-such-task"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no task `no-such-task`"),
        "{}",
        stderr(&output)
    );
    assert_eq!(crate::common::snapshot(&root.join("content")), before);
    // `tasks --done` is the same command.
    let output = run_in(
        &root,
        &[
            "tasks",
            "--done",
            "draft-the-survey",
            "--today",
            "2025-11-21",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::read_to_string(root.join(REVIEW))
        .unwrap()
        .contains("- [x] **Draft the survey** @Chidi due:2025-11-24 done:2025-11-21"));
}

#[test]
fn tasks_narrow_to_an_account_and_to_the_reader_with_file_and_line() {
    let (_dir, root) = small_site();
    let all = stdout(&run_in(&root, &["tasks", "--today", "2025-11-24"]));
    assert!(all.contains(&format!("{REVIEW}:10")), "{all}");
    // The reader, from DOSSIER_ME or the user's configuration.
    let mine = dossier()
        .args(["tasks", "--mine", "--today", "2025-11-24", "--root"])
        .arg(&root)
        .env("DOSSIER_ME", "ana")
        .output()
        .unwrap();
    let mine = stdout(&mine);
    assert!(mine.contains("Plan the HR start"), "{mine}");
    assert!(!mine.contains("Collect feedback"), "{mine}");
    let config = root.join("config-home");
    std::fs::create_dir_all(config.join("dossier")).unwrap();
    std::fs::write(config.join("dossier/config.toml"), "[me]\nid = \"bo\"\n").unwrap();
    let configured = dossier()
        .args(["tasks", "--mine", "--today", "2025-11-24", "--root"])
        .arg(&root)
        .env_remove("DOSSIER_ME")
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    let configured = stdout(&configured);
    assert!(configured.contains("Collect feedback"), "{configured}");
    assert!(!configured.contains("Plan the HR start"), "{configured}");
    let nobody = run_in(&root, &["tasks", "--mine"]);
    assert_eq!(nobody.status.code(), Some(2));
    assert!(
        stderr(&nobody).contains("DOSSIER_ME"),
        "{}",
        stderr(&nobody)
    );
    // An account, by name or slug; an unknown one is named with those there are.
    let initech = stdout(&run_in(
        &root,
        &["tasks", "--account", "initech", "--today", "2025-11-24"],
    ));
    assert!(initech.contains("Plan the HR start"), "{initech}");
    let unknown = run_in(&root, &["tasks", "--account", "Globex"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        stderr(&unknown).contains("known: Initech"),
        "{}",
        stderr(&unknown)
    );
}
