//! Starting a site and adding files: `dossier init` and `dossier new`.

use crate::common::*;

#[test]
fn init_makes_a_site_that_builds_and_checks_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("briefings");
    let output = run(&[
        "init",
        site.to_str().unwrap(),
        "--base-url",
        "https://intranet.acme.test/briefings/",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    for file in [
        "site.toml",
        "content/people.toml",
        "content/initiatives/cloud-migration.md",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    let check = run(&["check", "--strict", "--root", site.to_str().unwrap()]);
    assert!(check.status.success(), "{}", stderr(&check));
    let build = run(&["build", "--root", site.to_str().unwrap()]);
    assert!(build.status.success(), "{}", stderr(&build));
    let doc = html(&site.join("public/initiatives/cloud-migration/index.html"));
    assert_eq!(
        select(&doc, ".timeline h3").len(),
        1,
        "the sample meeting links the initiative"
    );
    assert_eq!(select(&doc, "li.task").len(), 1);
}

#[test]
fn init_without_an_address_builds_and_check_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("briefings");
    let output = run(&["init", site.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("Set base_url in site.toml"));
    let build = run(&["build", "--root", site.to_str().unwrap()]);
    assert!(build.status.success(), "{}", stderr(&build));
    let check = run(&["check", "--strict", "--root", site.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    let message = stderr(&check);
    assert!(
        message.contains("site.toml:2:12: ") && message.contains("a placeholder"),
        "{message}"
    );
    let refused = run(&[
        "init",
        dir.path().join("other").to_str().unwrap(),
        "--base-url",
        "intranet/briefings",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(!dir.path().join("other/site.toml").exists());
}

#[test]
fn init_without_a_folder_starts_the_site_here_in_the_systems_timezone() {
    let dir = tempfile::tempdir().unwrap();
    // A repository made first, as a team does: `git init && dossier init`.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let output = dossier()
        .arg("init")
        .current_dir(dir.path())
        .env("TZ", "America/New_York")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Next: dossier build"),
        "{}",
        stdout(&output)
    );
    let config = std::fs::read_to_string(dir.path().join("site.toml")).unwrap();
    assert!(
        config.contains("timezone = \"America/New_York\""),
        "{config}"
    );
    let build = run(&["build", "--root", dir.path().to_str().unwrap()]);
    assert!(build.status.success(), "{}", stderr(&build));
    // A zone dossier does not know is not written: the system's setting or UTC is.
    let other = tempfile::tempdir().unwrap();
    let output = run_with_tz(other.path(), "Mars/Olympus");
    assert!(output.status.success(), "{}", stderr(&output));
    let config = std::fs::read_to_string(other.path().join("site.toml")).unwrap();
    assert!(!config.contains("Mars"), "{config}");
}

fn run_with_tz(dir: &std::path::Path, tz: &str) -> std::process::Output {
    dossier()
        .arg("init")
        .arg(dir)
        .env("TZ", tz)
        .output()
        .unwrap()
}

#[test]
fn new_meeting_takes_its_account_and_opens_in_the_editor() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(run(&["init", site.to_str().unwrap(), "--empty"])
        .status
        .success());
    // An editor that writes a topic into the file it is given, as a writer would.
    let editor = dir.path().join("editor.sh");
    std::fs::write(
        &editor,
        "#!/bin/sh\nprintf '\\n## Written in the editor\\n' >> \"$1\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let output = dossier()
        .args([
            "new",
            "meeting",
            "Globex sync",
            "--date",
            "2026-12-01",
            "--account",
            "Globex NV",
            "--edit",
            "--root",
        ])
        .arg(&site)
        .env_remove("VISUAL")
        .env("EDITOR", &editor)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let text =
        std::fs::read_to_string(site.join("content/meetings/2026-12-01-globex-sync.md")).unwrap();
    assert!(text.contains("\naccount = \"Globex NV\"\n"), "{text}");
    assert!(text.ends_with("## Written in the editor\n"), "{text}");
    let build = run(&["build", "--root", site.to_str().unwrap()]);
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(site.join("public/accounts/globex-nv/index.html").is_file());
    // Without an editor set, the file is made and the error says where it is.
    let output = dossier()
        .args([
            "new",
            "meeting",
            "Second",
            "--date",
            "2026-12-02",
            "--edit",
            "--root",
        ])
        .arg(&site)
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("set EDITOR"),
        "{}",
        stderr(&output)
    );
    assert!(site.join("content/meetings/2026-12-02-second.md").is_file());
}

#[test]
fn init_refuses_a_folder_with_files() {
    let site = Fixture::empty().with("notes.txt", "mine");
    let output = run(&["init", site.root().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not empty"), "{}", stderr(&output));
    assert!(!site.root().join("site.toml").exists());
    assert_eq!(
        std::fs::read_to_string(site.root().join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn new_meeting_is_dated_today_in_the_site_and_never_overwrites() {
    let site = Fixture::valid().with("site.toml", &format!("{SITE_TOML}today = 2025-11-24\n"));
    let output = site.run(&["new", "meeting", "Quarterly review: Q4"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = site
        .root()
        .join("content/meetings/2025-11-24-quarterly-review-q4.md");
    assert_eq!(stdout(&output).trim(), path.to_str().unwrap());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("+++\ntitle = \"Quarterly review: Q4\"\ndate = 2025-11-24\n"),
        "{text}"
    );

    std::fs::write(&path, "my notes").unwrap();
    let again = site.run(&["new", "meeting", "Quarterly review: Q4"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("never overwrites"),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes");

    let dated = site.run(&["new", "meeting", "Kick-off", "--date", "2026-01-05"]);
    assert!(dated.status.success());
    assert!(site
        .root()
        .join("content/meetings/2026-01-05-kick-off.md")
        .is_file());
}

#[test]
fn new_files_build_and_check_points_at_their_template_text() {
    let site = Fixture::valid();
    assert!(site
        .run(&["new", "meeting", "Weekly", "--date", "2025-12-01"])
        .status
        .success());
    assert!(site
        .run(&["new", "initiative", "Data platform"])
        .status
        .success());
    assert!(site
        .root()
        .join("content/initiatives/data-platform.md")
        .is_file());
    let build = site.build();
    assert!(build.status.success(), "{}", stderr(&build));
    // Until the placeholders are replaced, check says where they are, and nothing else.
    let check = site.run(&["check", "--strict"]);
    let message = stderr(&check);
    assert_eq!(check.status.code(), Some(1), "{message}");
    assert_eq!(
        message.matches("text from the template").count(),
        3,
        "{message}"
    );
    assert!(message.contains("3 errors found"), "{message}");
    let meeting = site.root().join("content/meetings/2025-12-01-weekly.md");
    let filled = std::fs::read_to_string(&meeting)
        .unwrap()
        .replace("## First topic", "## Budget")
        .replace("Who discussed what.", "@sigi presented the budget.")
        .replace(
            "- **A point:** what was said.",
            "- **Cuts:** two projects stop.",
        );
    std::fs::write(&meeting, filled).unwrap();
    let check = site.run(&["check", "--strict"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

/// Text in every position a writer may put it (before the first topic, between and inside
/// tasks, nested lists, quotes, tables, under `## Tasks`) appears on the meeting's page.
#[test]
fn every_word_written_appears_on_a_page() {
    let body = "Opening words before anything.\n\n\
## Alpha topic\nTopic prose here.\n\n> Quoted wisdom inside.\n\n| Column | Other |\n|---|---|\n| tabled value | second cell |\n\n\
- plain bullet thought\n  - nested bullet idea\n\n- [ ] **Write report:** with details here. @sigi due:2025-12-01\n  - [ ] **Inner step:** smaller piece. @manon\n  continuing explanation line\n\n\
Between paragraph words.\n\n## Tasks\n- [ ] **Meeting task:** final duty. @sigi\n\nStray paragraph under tasks.\n\n> Tasks quote remark.\n\n| Tasks | Table |\n|---|---|\n| taskcell alpha | taskcell beta |\n\n- loose bullet remainder\n";
    let site = Fixture::valid().with(
        "content/meetings/2025-11-20-weekly.md",
        &format!("+++\ntitle = \"Weekly\"\ndate = 2025-11-20\n+++\n{body}"),
    );
    let build = site.build();
    assert!(build.status.success(), "{}", stderr(&build));
    let page = std::fs::read_to_string(site.public().join("meetings/2025-11-20-weekly/index.html"))
        .unwrap();
    let tag = regex::Regex::new(r"<[^>]+>").unwrap();
    let shown = tag.replace_all(&page, " ").to_lowercase();
    let words: Vec<&str> = body
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 4)
        .filter(|w| !matches!(*w, "sigi" | "manon" | "Tasks"))
        .collect();
    assert!(words.len() > 40, "{}", words.len());
    let missing: Vec<&&str> = words
        .iter()
        .filter(|w| !shown.contains(&w.to_lowercase()))
        .collect();
    assert!(missing.is_empty(), "not on the meeting page: {missing:?}");
}
