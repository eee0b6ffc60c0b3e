//! `dossier import`: the sample recap gives the same meeting as the hand-written example, and
//! recaps of other shapes give the meeting files kept beside them in tests/fixtures/import.
//! Set DOSSIER_BLESS=1 to rewrite the expected files after a deliberate change, then review
//! the diff.

use crate::common::*;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    example_root().join("tests/fixtures/import")
}

/// Compares `actual` with the expected file, or writes it when blessing.
fn expect_file(name: &str, actual: &str) {
    let path = fixtures().join(name);
    if std::env::var_os("DOSSIER_BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no {}; run with DOSSIER_BLESS=1 to create it",
            path.display()
        )
    });
    assert_eq!(actual, expected, "{name} differs");
}

/// A site with the fixture's people, ready for an import.
fn site_for(people: Option<&str>, extra_config: &str) -> Fixture {
    let site = Fixture::empty().with("site.toml", &format!("{SITE_TOML}{extra_config}"));
    if let Some(people) = people {
        site.write(
            "content/people.toml",
            &std::fs::read_to_string(fixtures().join(people)).unwrap(),
        );
    }
    site
}

/// Imports a fixture recap and checks the meeting file, the report and people.toml.
fn check_case(
    case: &str,
    recap: &str,
    args: &[&str],
    people: Option<&str>,
    extra_config: &str,
) -> Fixture {
    let site = site_for(people, extra_config);
    let mut command =
        site.run(&[&["import", fixtures().join(recap).to_str().unwrap()], args].concat());
    if !command.status.success() {
        command.stdout.clear();
        panic!("import of {recap} failed: {}", stderr(&command));
    }
    let written: Vec<PathBuf> = walkdir(&site.root().join("content/meetings"));
    assert_eq!(written.len(), 1, "{written:?}");
    let meeting = std::fs::read_to_string(&written[0]).unwrap();
    expect_file(&format!("{case}.expected.md"), &meeting);
    expect_file(&format!("{case}.report.txt"), &stdout(&command));
    let people = site.root().join("content/people.toml");
    if people.is_file() {
        expect_file(
            &format!("{case}.people.toml"),
            &std::fs::read_to_string(people).unwrap(),
        );
    }
    // What was imported builds.
    let build = site.build();
    assert!(build.status.success(), "{}", stderr(&build));
    site
}

#[test]
fn crlf_bom_bullets_accents_and_relative_deadlines() {
    check_case(
        "acme",
        "acme-crlf-bullets.txt",
        &["--account", "Acme"],
        None,
        "",
    );
}

#[test]
fn fiscal_quarters_stay_undated_without_a_fiscal_year() {
    check_case("globex", "globex-fiscal.txt", &[], None, "");
}

#[test]
fn fiscal_quarters_resolve_with_a_fiscal_year_start() {
    check_case(
        "globex-fy7",
        "globex-fiscal.txt",
        &[],
        None,
        "fiscal_year_start = 7\n",
    );
}

#[test]
fn a_month_only_title_needs_a_date() {
    let site = site_for(None, "");
    let recap = fixtures().join("initech-month-title.txt");
    let output = site.run(&["import", recap.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--date"), "{}", stderr(&output));
    check_case(
        "initech",
        "initech-month-title.txt",
        &["--date", "2025-12-01"],
        None,
        "",
    );
}

#[test]
fn an_ambiguous_first_name_is_left_as_text_and_people_toml_keeps_its_comments() {
    let site = check_case(
        "umbrella",
        "umbrella-ambiguous.txt",
        &[],
        Some("umbrella-people.toml"),
        "",
    );
    let people = std::fs::read_to_string(site.root().join("content/people.toml")).unwrap();
    assert!(
        people.starts_with("# Umbrella account team\n[anna-berg]"),
        "{people}"
    );
    assert!(people.contains("# joined in 2025"));
}

#[test]
fn hostile_text_is_imported_as_text() {
    let site = check_case("hostile", "hostile.txt", &[], None, "");
    for file in walkdir(&site.public())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let doc = html(&file);
        assert!(
            select(&doc, "img, iframe, b").is_empty(),
            "{}",
            file.display()
        );
        for script in select(&doc, "script") {
            assert!(script.value().attr("src").is_some(), "{}", file.display());
        }
        assert!(select(&doc, "a[href^='javascript']").is_empty());
    }
    let tasks: Value =
        serde_json::from_str(&std::fs::read_to_string(site.public().join("tasks.json")).unwrap())
            .unwrap();
    let task = &tasks[0];
    assert_eq!(task["title"], "<script>Task</script>");
    assert_eq!(
        task["owners"],
        serde_json::json!(["eve"]),
        "@admin in the text is not an owner"
    );
    // The date is read from the words as any date would be, but `due:` in the text is no token:
    // the written file carries exactly one, the importer's.
    assert_eq!(task["due"], "2099-01-01");
    let meeting = std::fs::read_to_string(
        site.root()
            .join("content/meetings/2026-02-02-script-alert-script-meeting.md"),
    )
    .unwrap();
    assert_eq!(meeting.matches(" due:").count(), 1, "{meeting}");
    assert!(!site.public().join("owners/admin").exists());
}

#[test]
fn never_overwrites_without_force_and_dry_run_writes_nothing() {
    let site = site_for(None, "");
    let recap = fixtures().join("globex-fiscal.txt");
    let recap = recap.to_str().unwrap();
    let dry = site.run(&["import", recap, "--dry-run"]);
    assert!(dry.status.success());
    assert!(stdout(&dry).starts_with("+++\ntitle = \"Globex Account Review 10 February 2026\""));
    assert!(
        !site.root().join("content").exists(),
        "a dry run wrote files"
    );
    assert!(site.run(&["import", recap]).status.success());
    let meeting = site
        .root()
        .join("content/meetings/2026-02-10-globex-account-review.md");
    let first = std::fs::read_to_string(&meeting).unwrap();
    // The same recap again: recognised and skipped, nothing written.
    let again = site.run(&["import", recap]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stdout(&again).contains("Skipped"), "{}", stdout(&again));
    assert!(stdout(&again)
        .contains("already imported as content/meetings/2026-02-10-globex-account-review.md"));
    assert_eq!(std::fs::read_to_string(&meeting).unwrap(), first);
    // Another recap of the same meeting: refused, never overwritten.
    let edited = site.root().join("edited.txt");
    let mut text = std::fs::read_to_string(fixtures().join("globex-fiscal.txt")).unwrap();
    text.push_str("\nOne more line.\n");
    std::fs::write(&edited, text).unwrap();
    let other = site.run(&["import", edited.to_str().unwrap()]);
    assert_eq!(other.status.code(), Some(1));
    assert!(
        stderr(&other).contains("never overwrites"),
        "{}",
        stderr(&other)
    );
    assert_eq!(std::fs::read_to_string(&meeting).unwrap(), first);
    assert!(site
        .run(&["import", edited.to_str().unwrap(), "--force"])
        .status
        .success());
}

#[test]
fn reads_standard_input() {
    let site = site_for(None, "");
    let mut child = dossier()
        .args(["import", "-", "--dry-run", "--root"])
        .arg(site.root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(&std::fs::read(fixtures().join("globex-fiscal.txt")).unwrap())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("## Marketplace Pipeline"));
}

/// Task facts comparable between the import and the hand-written example: the title's slug,
/// the owners, the deadline.
fn task_facts(site_root: &Path) -> BTreeMap<String, (Vec<String>, Value, Value)> {
    let tasks = tasks_json_of(site_root);
    tasks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let mut owners: Vec<String> = t["owners"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_str().unwrap().to_string())
                .collect();
            owners.sort();
            let title = dossier::slugify(t["title"].as_str().unwrap())
                // The example corrects the recap's product names.
                .replace("windows-65-enter-id", "windows-365-entra-id");
            (
                title,
                (owners, t["due"].clone(), t["due_precision"].clone()),
            )
        })
        .collect()
}

#[test]
fn the_sample_imports_as_the_hand_written_example_meeting() {
    let site = Fixture::empty()
        .with(
            "site.toml",
            &std::fs::read_to_string(example_root().join("site.toml")).unwrap(),
        )
        .with(
            "content/people.toml",
            &std::fs::read_to_string(example_root().join("content/people.toml")).unwrap(),
        );
    let sample = example_root().join("../shared/samples/proximus-account-team-2025-11.txt");
    if !sample.is_file() {
        let check = "the shared sample recap imported";
        skip_for_want_of(check, &format!("the sample recap at {}", sample.display()));
        return;
    }
    let output = site.run(&[
        "import",
        sample.to_str().unwrap(),
        "--date",
        "2025-11-18",
        "--account",
        "Proximus",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    assert!(report.contains("11 topics, 25 tasks"), "{report}");
    assert!(
        !report.contains("People added"),
        "everyone is in the example's people.toml: {report}"
    );
    assert!(report.contains("\"Q3 next fiscal year\""), "{report}");

    let imported = task_facts(site.root());
    let example = task_facts(&example_root());
    assert_eq!(imported.len(), 25);
    assert_eq!(imported, example);

    let topic_slugs = |root: &Path| -> Vec<String> {
        // The customer edition: the recap's topics, without the team's internal one.
        let build = dossier()
            .args([
                "build",
                "--today",
                "2025-11-24",
                "--edition",
                "customer",
                "--root",
            ])
            .arg(root)
            .arg("--out")
            .arg(root.join("out"))
            .output()
            .unwrap();
        assert!(build.status.success(), "{}", stderr(&build));
        let meetings = root.join("out/meetings");
        let meeting = std::fs::read_dir(&meetings)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.is_dir())
            .unwrap();
        let mut slugs: Vec<String> = std::fs::read_dir(meeting)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_dir())
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        slugs.sort();
        slugs
    };
    let example_copy = tempfile::tempdir().unwrap();
    for file in [
        "site.toml",
        "content/people.toml",
        "content/meetings/2025-11-18-account-team.md",
    ] {
        let target = example_copy.path().join(file);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(example_root().join(file), target).unwrap();
    }
    for file in std::fs::read_dir(example_root().join("content/initiatives")).unwrap() {
        let file = file.unwrap().path();
        let target = example_copy
            .path()
            .join("content/initiatives")
            .join(file.file_name().unwrap());
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(file, target).unwrap();
    }
    let imported_topics = topic_slugs(site.root());
    assert_eq!(imported_topics.len(), 11);
    assert_eq!(imported_topics, topic_slugs(example_copy.path()));
}

/// The visible text of a built page, white space folded.
fn page_text(path: &Path) -> String {
    let html = std::fs::read_to_string(path).unwrap();
    let document = scraper::Html::parse_document(&html);
    let selector = scraper::Selector::parse("main").unwrap();
    let text: String = document
        .select(&selector)
        .flat_map(|main| main.text())
        .collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_import_builds_and_shows_the_recap_text_as_written() {
    let long_title = format!("Roadmap {}", "and more detail ".repeat(20));
    let recap = format!(
        "Topics discussed in Initech review 18 November 2025\n\nTopics:\nPricing:\nSigi and Tom discussed AT&amp;T and ~~old~~ prices.\n\tNumbers: 2025. A good year.\nPricing:\nThe second pricing talk, about C # and #hashtags.\n???:\n+ a summary that looks like a list item.\n{long_title}:\nSigi discussed it.\n\nTasks:\nSend the AT&amp;T quote:\nSend it with the ~~struck~~ price. (Sigi)\n"
    );
    let site = site_for(None, "");
    site.write("content/people.toml", "[sigi]\nname = \"Sigi\"\n");
    site.write("recap.txt", &recap);
    let imported = site.run(&["import", site.root().join("recap.txt").to_str().unwrap()]);
    assert!(imported.status.success(), "{}", stderr(&imported));
    let build = site.build();
    assert!(
        build.status.success(),
        "the import does not build: {}",
        stderr(&build)
    );
    let meetings = site.public().join("meetings");
    let slug = std::fs::read_dir(&meetings)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("2025-11-18"))
        .unwrap();
    let text = page_text(&meetings.join(&slug).join("index.html"));
    for written in [
        "AT&amp;T and ~~old~~ prices",
        "2025. A good year.",
        "C # and #hashtags",
        "+ a summary that looks like a list item.",
        "Send the AT&amp;T quote",
        "~~struck~~ price",
        long_title.trim(),
    ] {
        assert!(
            text.contains(written),
            "{written:?} is not shown as written in: {text}"
        );
    }
    let topics = std::fs::read_dir(meetings.join(&slug)).unwrap().count();
    assert_eq!(
        topics, 6,
        "four topics with pages of their own, the meeting page and the recap it came from"
    );
}

/// The fixture recaps of every tool in `tests/fixtures/import/tools/`, by file name.
fn tool_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join("tools"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && path.file_name().unwrap() != "truth.toml")
        .collect();
    files.sort();
    files
}

/// Words of five letters or more in `recap` that appear nowhere in `written` (the meeting file
/// and people.toml, without Markdown escapes), leaving out structure words and what the report
/// says was left out.
fn dropped_words(recap: &str, written: &str, report: &str) -> Vec<String> {
    const STRUCTURE: &[&str] = &[
        "summary",
        "overview",
        "action",
        "items",
        "steps",
        "suggested",
        "follow-up",
        "tasks",
        "notes",
        "details",
        "outline",
        "quick",
        "recap",
        "meeting",
        "takeaways",
        "purpose",
        "participants",
        "attendees",
        "keywords",
        "owner",
        "assignee",
        "decisions",
        "topics",
        "generated",
        "mins",
        // Team words are written as "the team".
        "everyone",
        "everybody",
    ];
    let written = written.replace('\\', "").to_lowercase();
    // What the report accounts for: the words left out, and the line the date was read from.
    let left_out = report
        .lines()
        .filter(|line| {
            let line = line.trim_start();
            line.starts_with("Left out:") || line.starts_with("Meeting date from")
        })
        .collect::<Vec<_>>()
        .join("\n")
        .to_lowercase();
    let mut dropped: Vec<String> = recap
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|word| word.trim_matches(['-', '\'']).to_lowercase())
        .filter(|word| word.chars().count() >= 5 && !word.chars().all(|c| c.is_ascii_digit()))
        .filter(|word| !STRUCTURE.contains(&word.as_str()))
        .filter(|word| !written.contains(word.as_str()) && !left_out.contains(word.as_str()))
        .collect();
    dropped.dedup();
    dropped
}

/// Every tool's fixtures import as reviewed (meeting file and report beside them in
/// `tools/expected/`; DOSSIER_BLESS=1 rewrites them), build, drop no text, and together meet
/// the bar against the hand-written `truth.toml`: every task found, owners right for ≥ 95 %,
/// deadlines right for ≥ 90 %, no deadline where the text gives none, no task invented.
#[test]
fn tool_layouts_import_as_reviewed_and_meet_the_accuracy_bar() {
    let truth: toml::Table =
        toml::from_str(&std::fs::read_to_string(fixtures().join("tools/truth.toml")).unwrap())
            .unwrap();
    let (mut tasks, mut owners_right, mut dated, mut dates_right, mut guessed) = (0, 0, 0, 0, 0);
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let addresses = regex::Regex::new(r"\S+@\S+").unwrap();
    let files = tool_fixtures();
    assert!(files.len() >= 18, "{} fixture recaps", files.len());
    for file in &files {
        let stem = file.file_stem().unwrap().to_str().unwrap().to_string();
        let site = site_for(None, "");
        let output = site.run(&["import", file.to_str().unwrap()]);
        assert!(output.status.success(), "{stem}: {}", stderr(&output));
        let written = walkdir(&site.root().join("content/meetings"));
        let meeting = std::fs::read_to_string(&written[0]).unwrap();
        let report = stdout(&output);
        expect_file(&format!("tools/expected/{stem}.md"), &meeting);
        expect_file(&format!("tools/expected/{stem}.report.txt"), &report);
        let build = site.build();
        assert!(build.status.success(), "{stem}: {}", stderr(&build));

        let extension = file.extension().unwrap().to_str().unwrap();
        if matches!(extension, "txt" | "md" | "html") {
            let recap = std::fs::read_to_string(file).unwrap();
            let recap = tags.replace_all(&recap, " ");
            // An e-mail address names a person: it is matched, not kept as text.
            let recap = addresses.replace_all(&recap, " ");
            let people = std::fs::read_to_string(site.root().join("content/people.toml"))
                .unwrap_or_default();
            let dropped = dropped_words(&recap, &format!("{meeting}\n{people}"), &report);
            assert!(dropped.is_empty(), "{stem}: text dropped: {dropped:?}");
        }

        let imported = tasks_json_of(site.root());
        let imported = imported.as_array().unwrap();
        let expected = truth[&stem].as_array().unwrap();
        assert_eq!(
            imported.len(),
            expected.len(),
            "{stem}: tasks imported {imported:#?}"
        );
        for want in expected {
            let words = want["task"].as_str().unwrap();
            let found = imported
                .iter()
                .find(|task| {
                    task["title"]
                        .as_str()
                        .unwrap()
                        .to_lowercase()
                        .contains(words)
                })
                .unwrap_or_else(|| panic!("{stem}: no task \"{words}\" in {imported:#?}"));
            tasks += 1;
            let want_value = serde_json::to_value(want).unwrap();
            let (want_owners, got_owners) = (owner_ids(&want_value), owner_ids(found));
            if want_owners == got_owners {
                owners_right += 1;
            } else {
                eprintln!("{stem}: \"{words}\" owners {got_owners:?}, expected {want_owners:?}");
            }
            // A month or quarter deadline is listed by its last day with its precision.
            let got_due = found["due"]
                .as_str()
                .map(|due| match found["due_precision"].as_str() {
                    Some("month") => &due[..7],
                    _ => due,
                });
            match want.get("due").and_then(|d| d.as_str()) {
                Some(due) => {
                    dated += 1;
                    if got_due == Some(due) {
                        dates_right += 1;
                    } else {
                        eprintln!("{stem}: \"{words}\" due {got_due:?}, expected {due}");
                    }
                }
                None if got_due.is_some() => {
                    guessed += 1;
                    eprintln!("{stem}: \"{words}\" got due {got_due:?} from nothing");
                }
                None => {}
            }
            let want_done = want.get("done").and_then(|d| d.as_bool()).unwrap_or(false);
            assert_eq!(
                found["done"].as_bool(),
                Some(want_done),
                "{stem}: \"{words}\" done"
            );
        }
    }
    let percent = |right: usize, of: usize| right as f64 * 100.0 / of as f64;
    eprintln!(
        "import accuracy over {} recaps: {tasks} tasks found, owners right {owners_right}/{tasks} ({:.1} %), deadlines right {dates_right}/{dated} ({:.1} %), deadlines guessed {guessed}",
        files.len(),
        percent(owners_right, tasks),
        percent(dates_right, dated),
    );
    assert!(percent(owners_right, tasks) >= 95.0);
    assert!(percent(dates_right, dated) >= 90.0);
    assert_eq!(guessed, 0);
}

/// A recap in a layout no reader knows still imports: its text under topics or "Notes", its
/// items as tasks without owners, and the report says how it was read.
#[test]
fn a_recap_no_tool_wrote_still_imports_and_says_how() {
    let site = site_for(None, "");
    site.write(
        "recap.txt",
        "Catch-up with the facilities team\n\nWe went over the move.\nThe new floor opens in spring.\n\nTodo\n- call the movers about the crates\n- check the badge readers\n",
    );
    let output = site.run(&[
        "import",
        site.root().join("recap.txt").to_str().unwrap(),
        "--date",
        "2026-11-20",
        "--dry-run",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let meeting = stdout(&output);
    assert!(
        meeting.contains("## Notes\nWe went over the move. The new floor opens in spring."),
        "{meeting}"
    );
    assert!(
        meeting.contains("- [ ] **Call the movers about the crates**"),
        "{meeting}"
    );
    assert!(
        meeting.contains("- [ ] **Check the badge readers**"),
        "{meeting}"
    );
    let report = stderr(&output);
    assert!(report.contains("Read as no known tool"), "{report}");
    assert!(
        report.starts_with("Would import"),
        "a dry run says what it would do: {report}"
    );

    let forced = site.run(&[
        "import",
        site.root().join("recap.txt").to_str().unwrap(),
        "--format",
        "zoomz",
    ]);
    assert_eq!(forced.status.code(), Some(2), "{}", stderr(&forced));
    assert!(stderr(&forced).contains("zoom"), "{}", stderr(&forced));

    site.write("empty.txt", "\n\n");
    let empty = site.run(&[
        "import",
        site.root().join("empty.txt").to_str().unwrap(),
        "--date",
        "2026-11-20",
    ]);
    assert_eq!(empty.status.code(), Some(1), "{}", stderr(&empty));
    assert!(stderr(&empty).contains("empty"), "{}", stderr(&empty));
}

/// A recap imported into a fresh `dossier init` site does not quietly take the example people
/// for its own; `init --empty` starts without them.
#[test]
fn imports_into_a_new_site_do_not_mix_with_the_example() {
    let recap = fixtures().join("tools/zoom-renewal.txt");
    let parent = tempfile::tempdir().unwrap();
    for (empty, warned) in [(false, true), (true, false)] {
        let dir = parent.path().join(if empty { "empty" } else { "sample" });
        let mut init = dossier();
        init.arg("init").arg(&dir);
        if empty {
            init.arg("--empty");
        }
        let init = init.output().unwrap();
        assert!(init.status.success(), "{}", stderr(&init));
        let output = dossier()
            .arg("--root")
            .arg(&dir)
            .args(["import", recap.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let report = stdout(&output);
        assert!(report.contains("Sam Peeters → "), "{report}");
        assert_eq!(report.contains("example people"), warned, "{report}");
        let meetings = walkdir(&dir.join("content/meetings"));
        assert_eq!(meetings.len(), if empty { 1 } else { 2 }, "{meetings:?}");
        let build = dossier()
            .arg("--root")
            .arg(&dir)
            .arg("build")
            .output()
            .unwrap();
        assert!(build.status.success(), "{}", stderr(&build));
    }
}

/// A site with the continuity fixtures' people, and a recap of them imported for Globex.
fn import_globex(site: &Fixture, recap: &str, extra: &[&str]) -> String {
    let path = fixtures().join("continuity").join(recap);
    let output = site.run(
        &[
            &["import", path.to_str().unwrap(), "--account", "Globex"],
            extra,
        ]
        .concat(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    // A dry run prints the file on stdout and the report on stderr.
    format!("{}{}", stdout(&output), stderr(&output))
}

fn globex_site() -> Fixture {
    Fixture::empty().with("site.toml", SITE_TOML).with(
        "content/people.toml",
        &std::fs::read_to_string(fixtures().join("continuity/people.toml")).unwrap(),
    )
}

fn task_lines(site: &Fixture, meeting: &str) -> Vec<String> {
    std::fs::read_to_string(site.root().join("content/meetings").join(meeting))
        .unwrap()
        .lines()
        .filter(|line| line.starts_with("- ["))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_second_recap_of_an_account_continues_the_open_tasks_it_repeats() {
    // A Zoom summary, then a Gemini one a month later, of the same account.
    let site = globex_site();
    let first = import_globex(&site, "zoom-globex-october.txt", &[]);
    assert!(!first.contains("Continued from"), "{first}");
    let october = task_lines(&site, "2026-10-12-globex-account-sync.md");
    assert!(
        october.iter().all(|line| line.contains(" {#")),
        "every task it creates gets an id: {october:?}"
    );
    assert!(october[0].ends_with("@ana due:2026-10-30 {#close-the-package-deal}"));

    let second = import_globex(&site, "gemini-globex-november.txt", &[]);
    assert!(
        second.contains("  Continued from earlier meetings:\n    {#close-the-package-deal}  Close the package deal once legal has reviewed it, by 27.11.2026  (from 2026-10-12-globex-account-sync, due 2026-10-30 → 2026-11-27)\n    {#send-the-security-questionnaire}  Send the security questionnaire back to Globex by 13.11.2026  (from 2026-10-12-globex-account-sync, due 2026-11-13)\n"),
        "{second}"
    );
    // Two earlier offers are as alike as each other: reported, not linked.
    assert!(
        second.contains("Not linked: \"Send the offer: Send the updated offer to Globex\" could continue \"Send the offer to Globex purchasing by 10/23/2026\" (2026-10-12-globex-account-sync) or \"Send the offer to Globex legal by 10/23/2026\""),
        "{second}"
    );
    let november = task_lines(&site, "2026-11-09-globex-account-sync.md");
    let id_of = |title: &str| -> String {
        let line = november.iter().find(|l| l.contains(title)).unwrap();
        line[line.rfind("{#").unwrap()..].to_string()
    };
    assert_eq!(
        id_of("**Close the package deal once legal"),
        "{#close-the-package-deal}"
    );
    assert_eq!(
        id_of("**Send the offer: Send the updated offer to Globex**"),
        "{#send-the-offer-send-the-updated-offer-to-globex}"
    );
    // Other owners (Bo joined Chidi): not the same task.
    assert!(id_of("**Book the steering committee").starts_with("{#book-the-steering-committee"));

    // Built, the deal is one task with two mentions and a slip.
    let output = site.run(&["build", "--today", "2026-11-24"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let tasks: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(site.public().join("tasks.json")).unwrap())
            .unwrap();
    let deal: Vec<&Value> = tasks
        .iter()
        .filter(|t| t["id"] == "close-the-package-deal")
        .collect();
    assert_eq!(deal.len(), 1);
    assert_eq!(deal[0]["slips"], 1);
    assert_eq!(deal[0]["history"].as_array().unwrap().len(), 2);
    assert!(site
        .public()
        .join("tasks/close-the-package-deal/index.html")
        .exists());
}

#[test]
fn an_earlier_task_written_without_an_id_gets_the_id_of_the_task_that_continues_it() {
    let site = globex_site();
    let hand_written = "+++\ntitle = \"Globex sync\"\ndate = 2026-10-12\naccount = \"Globex\"\n+++\n## Renewal\nTalks opened.\n\n- [ ] **Close the package deal** @ana due:2026-10-30\n- [ ] **Send the security questionnaire**\n  to Globex security. @bo due:2026-11-13\n";
    site.write("content/meetings/2026-10-12-globex-sync.md", hand_written);
    let dry = import_globex(&site, "gemini-globex-november.txt", &["--dry-run"]);
    assert!(
        dry.contains("Would end earlier tasks with their id: content/meetings/2026-10-12-globex-sync.md:9 {#close-the-package-deal}, content/meetings/2026-10-12-globex-sync.md:10 {#send-the-security-questionnaire}"),
        "{dry}"
    );
    assert_eq!(
        std::fs::read_to_string(
            site.root()
                .join("content/meetings/2026-10-12-globex-sync.md")
        )
        .unwrap(),
        hand_written,
        "a dry run changes nothing"
    );
    let report = import_globex(&site, "gemini-globex-november.txt", &[]);
    assert!(
        report.contains("Earlier tasks given their id: content/meetings/2026-10-12-globex-sync.md:9, content/meetings/2026-10-12-globex-sync.md:10"),
        "{report}"
    );
    let earlier = task_lines(&site, "2026-10-12-globex-sync.md");
    assert_eq!(
        earlier,
        [
            "- [ ] **Close the package deal** @ana due:2026-10-30 {#close-the-package-deal}",
            "- [ ] **Send the security questionnaire** {#send-the-security-questionnaire}"
        ]
    );
    let output = site.run(&["check", "--today", "2026-11-24"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

/// The front matter of a meeting file, parsed, and the body after it.
fn front_matter_of(meeting: &str) -> (toml::Table, String) {
    let rest = meeting.strip_prefix("+++\n").expect("front matter first");
    let end = rest.find("\n+++\n").expect("front matter closed") + 1;
    (
        toml::from_str(&rest[..end]).unwrap(),
        rest[end + "+++\n".len()..].to_string(),
    )
}

/// Tables, keys and values in a recap's title, in its names and in its file's name stay text:
/// every piece of TOML an import writes is written by toml_edit, and the comment naming the
/// recap stays one line.
#[test]
fn names_titles_and_file_names_add_no_table_or_key_to_what_import_writes() {
    let site = site_for(None, "");
    site.write("content/people.toml", "[sigi]\nname = \"Sigi\"\n");
    let title = r#"Initech "review" [evil] = 'x' """ 18 November 2025"#;
    let recap = format!(
        "{title}\n\nTopics:\nPricing:\nZoë O'Neil discussed prices.\n\nTasks:\nSend the quote:\nSend it. (Zoë O'Neil, evil\"]=x@example.com)\n"
    );
    let file_name = "recap\n[evil]\nname = \"x\"\n\u{2028}\r.txt";
    let recap_path = site.root().join(file_name);
    std::fs::write(&recap_path, recap).unwrap();
    let output = site.run(&["import", recap_path.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));

    let people_text = std::fs::read_to_string(site.root().join("content/people.toml")).unwrap();
    let people: toml::Table = toml::from_str(&people_text).unwrap();
    let ids: Vec<&str> = people.keys().map(String::as_str).collect();
    assert_eq!(ids, ["evil-x", "sigi", "zoe-o-neil"], "{people_text}");
    assert_eq!(people["zoe-o-neil"]["name"].as_str(), Some("Zoë O'Neil"));
    assert_eq!(people["evil-x"]["name"].as_str(), Some("Evil\"]=x"));
    assert_eq!(
        people["evil-x"]["aliases"][0].as_str(),
        Some("evil\"]=x@example.com")
    );
    assert!(
        people_text.contains(
            "\n# Added by `dossier import recap\\u{a}[evil]\\u{a}name = \"x\"\\u{a}\\u{2028}\\u{d}.txt`.\n[zoe-o-neil]\n"
        ),
        "{people_text}"
    );

    let written = walkdir(&site.root().join("content/meetings"));
    let meeting = std::fs::read_to_string(&written[0]).unwrap();
    let (front, _) = front_matter_of(&meeting);
    assert_eq!(front["title"].as_str(), Some(title), "{meeting}");
    // Title, date, and the kept recap's bare name: no key the title could have added.
    assert_eq!(front.len(), 3, "{meeting}");
    assert!(
        front["recap"]
            .as_str()
            .is_some_and(|name| !name.contains(['/', '\\', '\n'])),
        "{meeting}"
    );
    let check = site.run(&["check", "--today", "2025-11-20"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

/// A title with line breaks (an e-mail's subject may hold them) cannot close the front matter
/// early with a `+++` line of its own.
#[test]
fn a_title_with_line_breaks_stays_inside_the_front_matter() {
    let site = site_for(None, "");
    site.write(
        "recap.eml",
        "From: a@example.com\r\nSubject: =?utf-8?q?Sync_=22A=22=0A+++=0A[evil]=0Ax_=3D_1?=\r\nDate: Tue, 18 Nov 2025 17:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nQuick recap\r\nAll good.\r\n",
    );
    let output = site.run(&[
        "import",
        site.root().join("recap.eml").to_str().unwrap(),
        "--account",
        "Acme\n+++\n[evil]",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written = walkdir(&site.root().join("content/meetings"));
    let meeting = std::fs::read_to_string(&written[0]).unwrap();
    let (front, body) = front_matter_of(&meeting);
    assert_eq!(front["title"].as_str(), Some("Sync \"A\" +++ [evil] x = 1"));
    assert_eq!(front["account"].as_str(), Some("Acme +++ [evil]"));
    assert!(!body.contains("evil"), "{meeting}");
    let check = site.run(&["check", "--today", "2025-11-20"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn a_meeting_date_past_the_year_9999_is_refused_not_written() {
    let site = site_for(None, "");
    let output = site.run(&[
        "import",
        fixtures().join("globex-fiscal.txt").to_str().unwrap(),
        "--date",
        "+10000-01-01",
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("years 0 to 9999"),
        "{}",
        stderr(&output)
    );
    assert!(!site.root().join("content").exists());
}

/// Recaps above their kind's limit are refused, with the file, its size and the limit, before
/// they are read; so is Word text that unpacks past its own.
#[test]
fn an_oversized_recap_is_refused_and_nothing_is_written() {
    let site = site_for(None, "");
    let sparse = |name: &str, size: u64| {
        let path = site.root().join(name);
        std::fs::File::create(&path).unwrap().set_len(size).unwrap();
        path
    };
    for (path, says) in [
        (
            sparse("recap.eml", 17 * 1024 * 1024),
            "the recap is 17825792 bytes; dossier import reads text, HTML and e-mail recaps of at most 16777216 bytes (16 MiB)",
        ),
        (
            sparse("recap.html", 60 * 1024 * 1024),
            "the recap is 62914560 bytes; dossier import reads text, HTML and e-mail recaps of at most 16777216 bytes (16 MiB)",
        ),
        (
            sparse("notes.docx", 33 * 1024 * 1024),
            "the recap is 34603008 bytes; dossier import reads Word files of at most 33554432 bytes (32 MiB)",
        ),
    ] {
        let output = site.run(&["import", path.to_str().unwrap(), "--date", "2026-01-01"]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let expected = format!("{}:1:1: error: {says}", path.display());
        assert!(stderr(&output).contains(&expected), "{}", stderr(&output));
    }

    // Standard input, whose size is known only by reading it.
    let mut child = dossier()
        .args(["import", "-", "--date", "2026-01-01", "--root"])
        .arg(site.root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let line = "Sam to send the offer by Friday.\n".repeat(1024);
        for _ in 0..600 {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("<stdin>:1:1: error: the recap is more than 16777216 bytes"),
        "{}",
        stderr(&output)
    );
    assert!(
        !site.root().join("content").exists(),
        "something was written"
    );
}

#[test]
fn a_word_file_whose_text_unpacks_past_its_limit_is_refused() {
    use std::io::Write;
    let site = site_for(None, "");
    let path = site.root().join("bomb.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    let spaces = vec![b' '; 1024 * 1024];
    for _ in 0..65 {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 1024 * 1024);
    let output = site.run(&["import", path.to_str().unwrap(), "--date", "2026-01-01"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("its text (word/document.xml) unpacks to 68157440 bytes; dossier import reads at most 67108864 bytes (64 MiB) of it"),
        "{}",
        stderr(&output)
    );
    assert!(!site.root().join("content").exists());
}
