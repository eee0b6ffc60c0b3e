//! Tasks continued across meetings (`tests/sites/continuity`: three meetings of one account).
//! "Close the package deal" is raised, re-dated, then done; "Send the security
//! questionnaire" is reassigned; "Book the steering committee" is carried unchanged; "Sign
//! the data processing agreement" slips twice and stays open; "Share the roadmap deck" is
//! written twice without an id.

use crate::common::{dossier, html, select, stderr, text};
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sites/continuity")
}

/// The fixture built as of 10 Dec 2026, into a temporary folder.
fn built() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let output = dossier()
        .args(["build", "--today", "2026-12-10", "--root"])
        .arg(fixture())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    (dir, out)
}

fn page(out: &Path, address: &str) -> scraper::Html {
    html(&out.join(address).join("index.html"))
}

/// The texts of the elements `css` selects.
fn texts(doc: &scraper::Html, css: &str) -> Vec<String> {
    select(doc, css).iter().map(text).collect()
}

fn task_titles(doc: &scraper::Html) -> Vec<String> {
    texts(doc, "li.task .task-title a")
}

#[test]
fn a_continued_task_gets_a_page_with_its_history_as_a_timeline() {
    let (_dir, out) = built();
    let deal = page(&out, "tasks/close-package-deal");
    assert_eq!(
        texts(&deal, "h1"),
        ["Close the package deal"],
        "titled as last mentioned"
    );
    let changes = texts(&deal, ".timeline .history-change strong");
    assert_eq!(changes, ["Raised", "Deadline moved", "Done"]);
    let moved = texts(&deal, ".timeline .history-change")[1].clone();
    assert!(
        moved.contains("Fri 30 Oct 2026 → Fri 27 Nov 2026"),
        "{moved}"
    );
    let dates = texts(&deal, ".timeline .timeline-date time");
    assert_eq!(
        dates,
        ["Mon 12 Oct 2026", "Mon 9 Nov 2026", "Mon 7 Dec 2026"]
    );
    // Where it stands: the latest mention, done.
    assert_eq!(select(&deal, "section li.task.is-done").len(), 1);

    let questionnaire = page(&out, "tasks/security-questionnaire");
    let changes = texts(&questionnaire, ".timeline .history-change");
    assert!(
        changes[1].starts_with("Reassigned")
            && changes[1].contains("from Bo Jansen to Chidi Okafor"),
        "{changes:?}"
    );
    let steering = page(&out, "tasks/steering-committee");
    assert_eq!(
        texts(&steering, ".timeline .history-change strong"),
        ["Raised", "Carried, unchanged"]
    );
    // A task without an id has no page.
    assert!(!out.join("tasks/share-the-roadmap-deck").exists());
}

#[test]
fn owner_pages_list_a_continued_task_once_in_its_latest_state() {
    let (_dir, out) = built();
    let ana = task_titles(&page(&out, "owners/ana"));
    let count = |titles: &[String], title: &str| titles.iter().filter(|t| *t == title).count();
    assert_eq!(count(&ana, "Close the package deal"), 1, "{ana:?}");
    assert_eq!(
        count(&ana, "Sign the data processing agreement"),
        1,
        "{ana:?}"
    );
    let ana_page = page(&out, "owners/ana");
    let dpa_row = select(&ana_page, "li.task")
        .into_iter()
        .map(|row| text(&row))
        .find(|row| row.contains("Sign the data processing agreement"))
        .unwrap();
    assert!(
        dpa_row.contains("Fri 8 Jan 2027")
            && dpa_row.contains("raised Mon 12 Oct 2026 · slipped 2×"),
        "{dpa_row}"
    );
    // Reassigned: Chidi owes it now, Bo no longer.
    let chidi = task_titles(&page(&out, "owners/chidi"));
    assert_eq!(count(&chidi, "Send the security questionnaire"), 1);
    assert_eq!(count(&chidi, "Book the steering committee"), 1);
    let bo = task_titles(&page(&out, "owners/bo"));
    assert_eq!(count(&bo, "Send the security questionnaire"), 0, "{bo:?}");
    // Without an id, the same words twice are two tasks (and `dossier check` says so).
    assert_eq!(count(&bo, "Share the roadmap deck"), 2, "{bo:?}");
    // The calendar holds one event per continued task.
    let calendar = std::fs::read_to_string(out.join("calendar.ics")).unwrap();
    assert_eq!(
        calendar
            .matches("SUMMARY:Sign the data processing agreement")
            .count(),
        1
    );
}

#[test]
fn tasks_json_gives_each_continued_task_once_with_its_history_and_slips() {
    let (_dir, out) = built();
    let tasks: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(out.join("tasks.json")).unwrap()).unwrap();
    let by_id = |id: &str| -> &serde_json::Value {
        let found: Vec<&serde_json::Value> = tasks.iter().filter(|t| t["id"] == id).collect();
        assert_eq!(found.len(), 1, "{id}: {found:?}");
        found[0]
    };
    let deal = by_id("close-package-deal");
    assert_eq!(deal["done"], true);
    assert_eq!(deal["slips"], 1);
    assert_eq!(deal["meeting"], "2026-12-07-globex-sync");
    let history: Vec<(&str, &str, bool)> = deal["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["date"].as_str().unwrap(),
                m["due"].as_str().unwrap(),
                m["done"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("2026-10-12", "2026-10-30", false),
            ("2026-11-09", "2026-11-27", false),
            ("2026-12-07", "2026-11-27", true)
        ]
    );
    assert_eq!(by_id("dpa")["slips"], 2);
    let questionnaire = by_id("security-questionnaire");
    let owners: Vec<&serde_json::Value> = questionnaire["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["owners"])
        .collect();
    assert_eq!(
        owners,
        [&serde_json::json!(["bo"]), &serde_json::json!(["chidi"])]
    );
    assert_eq!(by_id("steering-committee")["slips"], 0);
    let roadmap: Vec<&serde_json::Value> = tasks
        .iter()
        .filter(|t| t["title"] == "Share the roadmap deck")
        .collect();
    assert_eq!(roadmap.len(), 2);
    assert!(roadmap
        .iter()
        .all(|t| t["history"].as_array().unwrap().len() == 1));
}

/// The "since the last meeting" block of a meeting page, as (kind, entries).
fn since_last(out: &Path, meeting: &str) -> Vec<(String, Vec<String>)> {
    let doc = page(out, &format!("meetings/{meeting}"));
    let Some(list) = select(&doc, ".since-last dl").into_iter().next() else {
        return Vec::new();
    };
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for child in list.children().filter_map(scraper::ElementRef::wrap) {
        match child.value().name() {
            "dt" => groups.push((text(&child), Vec::new())),
            _ => groups.last_mut().unwrap().1.push(text(&child)),
        }
    }
    groups
}

#[test]
fn each_meeting_page_starts_with_what_changed_since_the_last_meeting_of_its_account() {
    let (_dir, out) = built();
    let first = page(&out, "meetings/2026-10-12-globex-sync");
    assert!(
        select(&first, ".since-last").is_empty(),
        "the first meeting has nothing before it"
    );

    let second = since_last(&out, "2026-11-09-globex-sync");
    let kinds: Vec<&str> = second.iter().map(|(kind, _)| kind.as_str()).collect();
    assert_eq!(kinds, ["Slipped", "Reassigned"], "{second:?}");
    assert_eq!(
        second[0].1,
        [
            "Close the package deal Fri 30 Oct 2026 → Fri 27 Nov 2026",
            "Sign the data processing agreement Fri 20 Nov 2026 → Fri 4 Dec 2026"
        ]
    );
    assert_eq!(
        second[1].1,
        ["Send the security questionnaire Bo Jansen → Chidi Okafor"]
    );

    let third = since_last(&out, "2026-12-07-globex-sync");
    let group = |kind: &str| -> Vec<String> {
        third
            .iter()
            .find(|(k, _)| k == kind)
            .map(|(_, entries)| entries.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        group("Added"),
        ["Plan the rollout due Fri 15 Jan 2027 · Bo Jansen"]
    );
    assert_eq!(group("Done"), ["Close the package deal · Ana Pereira"]);
    assert_eq!(
        group("Slipped"),
        ["Sign the data processing agreement Fri 4 Dec 2026 → Fri 8 Jan 2027"]
    );
    let unmentioned: Vec<String> = group("Open, not mentioned")
        .iter()
        .map(|entry| entry.split(" due ").next().unwrap().to_string())
        .collect();
    assert_eq!(
        unmentioned,
        [
            "Send the security questionnaire",
            "Book the steering committee",
            "Share the roadmap deck"
        ]
    );
}

#[test]
fn account_and_initiative_pages_show_what_slipped() {
    let (_dir, out) = built();
    let account = page(&out, "accounts/globex");
    let slipping = texts(&account, "#slipping-heading + p + ul.changes li");
    assert_eq!(
        slipping,
        ["Sign the data processing agreement slipped 2×: first due Fri 20 Nov 2026, now Fri 8 Jan 2027 · Ana Pereira"],
        "done tasks are not slipping, whatever their history"
    );
    // Who owes what lists each continued task once, as its latest mention says it.
    let chidi: Vec<String> = texts(&account, "table.owed tbody tr")
        .into_iter()
        .filter(|row| row.contains("Chidi"))
        .collect();
    assert_eq!(chidi.len(), 2, "{chidi:?}");

    let initiative = page(&out, "initiatives/renewal");
    assert_eq!(
        texts(&initiative, ".history-summary"),
        ["Across its meetings, deadlines slipped 3 times since November 2026 and tasks changed hands once."]
    );
}

#[test]
fn check_warns_about_a_repeated_task_without_an_id_and_an_id_reused_for_another_task() {
    let output = dossier()
        .args(["check", "--strict", "--today", "2026-12-10", "--root"])
        .arg(fixture())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let errors = stderr(&output);
    assert!(
        errors.contains("content/meetings/2026-11-09-globex-sync.md:15:1")
            && errors.contains("this looks like \"Share the roadmap deck\", still open in content/meetings/2026-10-12-globex-sync.md:15")
            && errors.contains("end both lines with {#share-the-roadmap-deck}"),
        "{errors}"
    );
    assert_eq!(errors.matches("this looks like").count(), 1, "{errors}");

    // The suggested edit silences it; an id reused for an unrelated task is reported at the id.
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), site.path());
    let edit = |file: &str, from: &str, to: &str| {
        let path = site.path().join("content/meetings").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from));
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    for file in ["2026-10-12-globex-sync.md", "2026-11-09-globex-sync.md"] {
        edit(
            file,
            "**Share the roadmap deck** @bo due:2026-11-20",
            "**Share the roadmap deck** @bo due:2026-11-20 {#share-the-roadmap-deck}",
        );
    }
    edit(
        "2026-12-07-globex-sync.md",
        "{#plan-rollout}",
        "{#steering-committee}",
    );
    let output = dossier()
        .args(["check", "--strict", "--today", "2026-12-10", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    let errors = stderr(&output);
    assert!(!errors.contains("this looks like"), "{errors}");
    assert!(
        errors.contains("content/meetings/2026-12-07-globex-sync.md:10:49: ")
            && errors
                .contains("the id `steering-committee` continues \"Book the steering committee\"")
            && errors.contains("give it its own id, e.g. {#plan-the-rollout}"),
        "{errors}"
    );
}

#[test]
fn a_task_id_that_is_no_address_or_used_twice_in_a_meeting_is_an_error_at_the_id() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), site.path());
    let path = site
        .path()
        .join("content/meetings/2026-12-07-globex-sync.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text
        .replace("{#plan-rollout}", "{#Plan_Rollout}")
        .replace("{#dpa}", "{#close-package-deal}");
    std::fs::write(&path, text).unwrap();
    let output = dossier()
        .args(["build", "--today", "2026-12-10", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let errors = stderr(&output);
    assert!(
        errors.contains("2026-12-07-globex-sync.md:10:49: error: task id `Plan_Rollout` cannot be used in an address")
            && errors.contains("e.g. {#plan-rollout}"),
        "{errors}"
    );
    assert!(
        errors.contains("a second task with the id `close-package-deal` in this meeting (the first is on line 9)"),
        "{errors}"
    );
}

/// The fixture's files, without the build cache that tests building it in place write at the
/// same time (a file of it renamed while it is listed would fail the copy).
fn copy_dir(from: &Path, to: &Path) {
    let sources = walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|entry| entry.file_name() != ".dossier-cache");
    for entry in sources {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The arguments of a search script's one call (`dossierSearch.docs(0,[…]);`), as JSON.
fn script_arguments(path: &Path) -> Vec<serde_json::Value> {
    let script = std::fs::read_to_string(path).unwrap();
    let open = script.find('(').unwrap();
    let close = script.rfind(')').unwrap();
    serde_json::from_str(&format!("[{}]", &script[open + 1..close])).unwrap()
}

/// Every document of the search index, in its order: `[kind, title, url, date, context, text]`.
fn search_documents(out: &Path) -> Vec<serde_json::Value> {
    let mut documents = Vec::new();
    for number in 0.. {
        let file = out.join(format!("search/d-{number}.js"));
        if !file.is_file() {
            break;
        }
        let arguments = script_arguments(&file);
        documents.extend(arguments[1].as_array().unwrap().iter().cloned());
    }
    documents
}

/// The titles and addresses of the documents a folded term stands in, read from the term files
/// as the theme's script reads them: documents as base-36 differences, each closed by a tag.
fn search_term(out: &Path, term: &str) -> Vec<(String, String)> {
    let documents = search_documents(out);
    let mut found = Vec::new();
    for entry in std::fs::read_dir(out.join("search")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.starts_with("t-") {
            continue;
        }
        let arguments = script_arguments(&path);
        let Some(postings) = arguments[1].get(term).and_then(|p| p.as_str()) else {
            continue;
        };
        let (mut document, mut digits) = (0, String::new());
        for c in postings.chars() {
            if c.is_ascii_uppercase() {
                document += u32::from_str_radix(&digits, 36).unwrap() as usize;
                digits.clear();
                let entry = &documents[document];
                found.push((
                    entry[1].as_str().unwrap().to_string(),
                    entry[2].as_str().unwrap().to_string(),
                ));
            } else {
                digits.push(c);
            }
        }
    }
    found.dedup();
    found
}

/// Search shows a continued task once, as it stands now, leading to its page; what an earlier
/// meeting said of it still finds it.
#[test]
fn search_finds_a_continued_task_once_by_the_words_of_any_mention() {
    let (_dir, out) = built();
    // A task's document ends with its deadline and whether it is done.
    let tasks: Vec<(String, String, String)> = search_documents(&out)
        .iter()
        .filter(|doc| doc[0] == 2)
        .map(|doc| {
            let field = |n: usize| doc[n].as_str().unwrap().to_string();
            let state = if doc[7] == 1 { "done" } else { "open" };
            (field(1), field(2), format!("{} {state}", field(6)))
        })
        .collect();
    let deal: Vec<_> = tasks
        .iter()
        .filter(|(title, ..)| title == "Close the package deal")
        .collect();
    assert_eq!(deal.len(), 1, "{tasks:?}");
    assert_eq!(deal[0].1, "tasks/close-package-deal/");
    assert!(deal[0].2.ends_with("done"), "{:?}", deal[0]);
    let dpa: Vec<_> = tasks
        .iter()
        .filter(|(title, ..)| title == "Sign the data processing agreement")
        .collect();
    assert_eq!(dpa.len(), 1, "{tasks:?}");
    assert!(dpa[0].2 == "2027-01-08 open", "{:?}", dpa[0]);
    // "agree the bundle and the price" was said in October only; "legal review" in November.
    // (The topic where it was said is found too.)
    for word in ["bundle", "legal"] {
        let found = search_term(&out, word);
        let deal: Vec<_> = found
            .iter()
            .filter(|(title, _)| title == "Close the package deal")
            .collect();
        assert_eq!(
            deal,
            [&(
                "Close the package deal".to_string(),
                "tasks/close-package-deal/".to_string()
            )],
            "{word}: {found:?}"
        );
    }
    // A task written twice without an id is two tasks, as on every list.
    let roadmap = tasks
        .iter()
        .filter(|(title, ..)| title == "Share the roadmap deck")
        .count();
    assert_eq!(roadmap, 2, "{tasks:?}");
}
