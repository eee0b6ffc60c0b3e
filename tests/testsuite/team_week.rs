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

/// The small site with addresses, an internal topic and a customer's person (Chidi, marked
/// `external`), for the digest.
fn digest_site() -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = small_site();
    std::fs::write(
        root.join("content/people.toml"),
        "[ana]\nname = \"Ana Pereira\"\nemail = \"ana@team.example.com\"\n\n\
         [bo]\nname = \"Bo\"\naliases = [\"Bob\"]\n\n\
         [chidi]\nname = \"Chidi\"\nemail = \"chidi@initech.example.com\"\nexternal = true\n",
    )
    .unwrap();
    let review = root.join(REVIEW);
    let text = std::fs::read_to_string(&review).unwrap();
    std::fs::write(
        &review,
        text.replace(
            "## Budget\n",
            "## Margin talk {.internal}\nOur floor is SECRET-FLOOR-42.\n\n- [ ] **Ask SECRET-TASK-7 about the floor** @Chidi @Ana due:2025-11-25\n\n## Budget\n",
        ),
    )
    .unwrap();
    (dir, root)
}

/// A free port on 127.0.0.1: bound, read, released.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A real SMTP server (Python's aiosmtpd) on 127.0.0.1, storing what it receives in a Maildir;
/// stopped when dropped.
struct SmtpServer {
    child: std::process::Child,
    port: u16,
    maildir: tempfile::TempDir,
}

impl SmtpServer {
    fn start() -> Option<SmtpServer> {
        if !crate::common::tool_available(
            "digest sent to a real SMTP server",
            "python3",
            &["-c", "import aiosmtpd"],
            "Python's aiosmtpd (pip install aiosmtpd)",
        ) {
            return None;
        }
        let maildir = tempfile::tempdir().unwrap();
        let port = free_port();
        let child = std::process::Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir.path().join("mail"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let server = SmtpServer {
            child,
            port,
            maildir,
        };
        let started = std::time::Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < std::time::Duration::from_secs(20),
                "aiosmtpd did not start"
            );
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        Some(server)
    }

    /// Every message received, as Python's `email` package reads it: recipients, subject, and
    /// each part's type and text.
    fn received(&self) -> Vec<serde_json::Value> {
        let script = r#"
import json, mailbox, sys
from email import policy
out = []
for message in mailbox.Maildir(sys.argv[1], factory=None, create=False):
    parsed = __import__("email").message_from_bytes(message.as_bytes(), policy=policy.default)
    parts = [{"type": p.get_content_type(), "text": p.get_content()}
             for p in parsed.walk() if not p.is_multipart()]
    out.append({"to": parsed["To"], "from": parsed["From"], "subject": parsed["Subject"],
                "type": parsed.get_content_type(), "parts": parts})
print(json.dumps(out))
"#;
        let output = std::process::Command::new("python3")
            .args(["-c", script])
            .arg(self.maildir.path().join("mail"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let mut messages: Vec<serde_json::Value> = serde_json::from_slice(&output.stdout).unwrap();
        messages.sort_by_key(|m| m["to"].as_str().unwrap_or_default().to_string());
        messages
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn the_digest_reaches_a_real_smtp_server_one_message_per_owner_with_both_parts() {
    let Some(server) = SmtpServer::start() else {
        return;
    };
    let (_dir, root) = digest_site();
    let site_toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    std::fs::write(
        root.join("site.toml"),
        format!(
            "{site_toml}\n[mail]\nserver = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nfrom = \"Briefings <briefings@team.example.com>\"\n",
            server.port
        ),
    )
    .unwrap();
    let output = run_in(&root, &["digest", "--send", "--week", "2025-11-24"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // Bo owes a task but has no address: listed, not sent.
    assert!(
        stderr(&output).contains("no email in people.toml: bo"),
        "{}",
        stderr(&output)
    );
    let messages = server.received();
    let recipients: Vec<&str> = messages.iter().map(|m| m["to"].as_str().unwrap()).collect();
    assert_eq!(
        recipients,
        [
            "Ana Pereira <ana@team.example.com>",
            "Chidi <chidi@initech.example.com>"
        ]
    );
    for message in &messages {
        assert_eq!(message["type"], "multipart/alternative");
        let types: Vec<&str> = message["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["type"].as_str().unwrap())
            .collect();
        assert_eq!(types, ["text/plain", "text/html"], "{message}");
        assert_eq!(message["from"], "Briefings <briefings@team.example.com>");
    }
    let text_of = |index: usize| -> String {
        messages[index]["parts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap().to_string())
            .collect()
    };
    // Ana's (the team's) shows the internal task; its page is on the site.
    let ana = text_of(0);
    assert!(ana.contains("Ask SECRET-TASK-7 about the floor"), "{ana}");
    assert!(ana.contains("Send the pilot plan"), "{ana}");
    assert!(
        ana.contains("https://intranet.example.test/small/"),
        "{ana}"
    );
    assert!(messages[0]["subject"].as_str().unwrap().contains("overdue"));
    // Chidi, the customer's, gets his week without a word of the internal topic.
    let chidi = text_of(1);
    assert!(chidi.contains("Draft the survey"), "{chidi}");
    // His contract draft is due in December: counted, not listed.
    assert!(chidi.contains("And 1 task due later."), "{chidi}");
    // The customer edition has no owner pages: his mail links none.
    assert!(!chidi.contains("/owners/"), "{chidi}");
    for secret in ["SECRET-TASK-7", "SECRET-FLOOR-42", "Margin talk"] {
        assert!(
            !chidi.contains(secret),
            "{secret} reached the customer:\n{chidi}"
        );
    }
}

#[test]
fn digests_are_written_per_owner_and_nobody_with_nothing_owed_gets_one() {
    let (dir, root) = digest_site();
    let out = dir.path().join("digests");
    let output = run_in(
        &root,
        &[
            "digest",
            "--week",
            "2026-06-01",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    // By June 2026 Ana's HR start (Q1) is overdue; Bo's and Chidi's are overdue too.
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "ana.html",
            "ana.txt",
            "bo.html",
            "bo.txt",
            "chidi.html",
            "chidi.txt"
        ]
    );
    let html_text = std::fs::read_to_string(out.join("ana.html")).unwrap();
    let page = scraper::Html::parse_document(&html_text);
    let links: Vec<String> = select(&page, "a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        links
            .iter()
            .all(|l| l.starts_with("https://intranet.example.test/small/")),
        "{links:?}"
    );
    // Closing Bo's only open task leaves him nothing owed: no digest, and he is named.
    let (_dir2, root2) = digest_site();
    let done = run_in(
        &root2,
        &[
            "done",
            "collect-feedback-from-finance",
            "--on",
            "2025-11-21",
        ],
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let output = run_in(
        &root2,
        &["digest", "--week", "2026-06-01", "--owner", "Bob"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).trim(), "");
    assert!(
        stderr(&output).contains("no digest: bo"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_digest_says_what_slipped_and_what_was_done_in_the_week() {
    let (_dir, root) = digest_site();
    let review = root.join(REVIEW);
    let text = std::fs::read_to_string(&review).unwrap();
    // The contract draft was due by the end of December; the review moves it to January.
    std::fs::write(
        &review,
        text.replace(
            "@Chidi due:2025-12-12 {#contract-draft}",
            "@Chidi due:2026-01-15 {#contract-draft}",
        )
        // Something owed this week, without which Chidi would get no digest at all.
        .replace("@Bo due:2025-11-27", "@Bo @Chidi due:2025-11-27"),
    )
    .unwrap();
    let done = run_in(&root, &["done", "draft-the-survey", "--on", "2025-11-22"]);
    assert!(done.status.success(), "{}", stderr(&done));
    let output = run_in(
        &root,
        &["digest", "--week", "2025-11-24", "--owner", "chidi"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let digest = stdout(&output);
    let section = |title: &str| -> String {
        let start = digest
            .find(title)
            .unwrap_or_else(|| panic!("no {title}:\n{digest}"));
        digest[start..].split("\n\n").next().unwrap().to_string()
    };
    let slipped = section("Slipped this week (1)");
    assert!(
        slipped.contains("Share the contract draft")
            && slipped.contains("was by end of December 2025"),
        "{slipped}"
    );
    let done = section("Done this week (1)");
    assert!(
        done.contains("Draft the survey") && done.contains("done Sat 22 Nov 2025"),
        "{done}"
    );
    // A week later, neither is news.
    let later = stdout(&run_in(
        &root,
        &["digest", "--week", "2025-12-01", "--owner", "chidi"],
    ));
    assert!(
        !later.contains("Slipped") && !later.contains("Done this week"),
        "{later}"
    );
}

#[test]
fn the_digest_and_the_agenda_are_in_the_language_of_the_site_and_of_the_customer_edition() {
    let (dir, root) = digest_site();
    let site_toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    std::fs::write(
        root.join("site.toml"),
        format!("language = \"nl\"\n{site_toml}\n[editions.customer]\nlanguage = \"fr\"\n"),
    )
    .unwrap();
    let out = dir.path().join("digests");
    let output = run_in(
        &root,
        &[
            "digest",
            "--week",
            "2025-11-24",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    // Ana is on the team: her week is in Dutch, dates and counts too.
    let ana = read("ana.txt");
    for dutch in [
        "Dag Ana,",
        "Jouw week in",
        "ma 24 nov 2025",
        "Te laat (",
        "dagen te laat",
    ] {
        assert!(ana.contains(dutch), "{dutch:?} not in:\n{ana}");
    }
    for english in [
        "Hello",
        "Overdue",
        "days late",
        "Everything you owe",
        "Sent by",
    ] {
        assert!(
            !ana.contains(english),
            "{english:?} left in English:\n{ana}"
        );
    }
    let ana_html = scraper::Html::parse_document(&read("ana.html"));
    assert_eq!(
        select(&ana_html, "html")[0].value().attr("lang"),
        Some("nl")
    );
    let title = select(&ana_html, "title")[0].text().collect::<String>();
    assert!(
        title.contains("jouw week van") && title.contains("te laat"),
        "{title}"
    );
    let footer: String = select(&ana_html, "td").last().unwrap().text().collect();
    assert!(
        footer.contains("Alles wat je moet doen")
            && footer.contains("Verstuurd door dossier vanaf"),
        "{footer}"
    );
    // Chidi is the customer's: his comes from the customer edition, in French.
    let chidi = read("chidi.txt");
    for french in [
        "Bonjour Chidi,",
        "Votre semaine dans",
        "Et 1 tâche à faire plus tard.",
    ] {
        assert!(chidi.contains(french), "{french:?} not in:\n{chidi}");
    }
    assert!(read("chidi.html").contains("<html lang=\"fr\">"));
    // The team's agenda in the terminal speaks the site's language too.
    let agenda = stdout(&run_in(&root, &["tasks", "--today", "2025-11-24"]));
    for dutch in [
        "Te laat (",
        "d te laat)",
        "open taken",
        "vandaag is ma 24 nov 2025",
    ] {
        assert!(agenda.contains(dutch), "{dutch:?} not in:\n{agenda}");
    }
}
