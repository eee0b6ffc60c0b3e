//! The Monday inbox: `dossier import` on many recaps or a folder, a recap imported before
//! skipped, and each recap kept in `content/recaps/` and published beside its meeting's page
//! in the team's edition only.

use crate::common::*;
use std::path::{Path, PathBuf};

fn tool_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/tools")
}

fn site() -> Fixture {
    Fixture::empty()
        .with(
            "site.toml",
            "title = \"Inbox\"\nbase_url = \"https://example.test/\"\ntimezone = \"Europe/Brussels\"\n",
        )
        .with("content/people.toml", "")
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A folder of recaps is imported in one run, each kept byte for byte; the same folder again
/// is all skipped and changes nothing; one bad file fails alone, named, and the rest still
/// import.
#[test]
fn a_folder_imports_each_recap_once_and_keeps_it() {
    let site = site();
    let inbox = site.root().join("inbox");
    std::fs::create_dir_all(inbox.join("cur")).unwrap();
    for name in [
        "zoom-renewal.txt",
        "gemini-northwind.txt",
        "zoom-fabrikam.eml",
    ] {
        std::fs::copy(tool_fixtures().join(name), inbox.join(name)).unwrap();
    }
    // A Maildir message has no extension.
    std::fs::copy(
        tool_fixtures().join("webex-adatum.txt"),
        inbox.join("cur/1733130000.M1P1.host:2,S"),
    )
    .unwrap();
    std::fs::write(inbox.join("notes.jpg"), "not a recap").unwrap();

    let inbox_arg = inbox.to_str().unwrap();
    let first = site.run(&["import", inbox_arg]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("4 of 4 recaps imported, 0 skipped as imported before, 0 failed"),
        "{}",
        stderr(&first)
    );
    let meetings = names_in(&site.root().join("content/meetings"));
    let recaps = names_in(&site.root().join("content/recaps"));
    assert_eq!(meetings.len(), 4, "{meetings:?}");
    assert_eq!(recaps.len(), 4, "{recaps:?}");
    // Each kept recap has its meeting's name and the recap's own bytes.
    for meeting in &meetings {
        let text =
            std::fs::read_to_string(site.root().join("content/meetings").join(meeting)).unwrap();
        let stem = meeting.trim_end_matches(".md");
        let kept = recaps
            .iter()
            .find(|r| r.starts_with(stem))
            .unwrap_or_else(|| panic!("{stem} {recaps:?}"));
        assert!(text.contains(&format!("recap = \"{kept}\"")), "{text}");
    }
    let zoom_kept = recaps.iter().find(|r| r.ends_with(".eml")).unwrap();
    assert_eq!(
        std::fs::read(site.root().join("content/recaps").join(zoom_kept)).unwrap(),
        std::fs::read(tool_fixtures().join("zoom-fabrikam.eml")).unwrap()
    );

    let before = snapshot(&site.root().join("content"));
    let again = site.run(&["import", inbox_arg]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        stdout(&again).matches("Skipped").count(),
        4,
        "{}",
        stdout(&again)
    );
    assert_eq!(
        snapshot(&site.root().join("content")),
        before,
        "a second import changed files"
    );

    // A file import cannot read fails on its own line; the others are still imported.
    std::fs::write(inbox.join("empty.txt"), "").unwrap();
    std::fs::copy(
        tool_fixtures().join("otter-tailspin.txt"),
        inbox.join("otter.txt"),
    )
    .unwrap();
    let mixed = site.run(&["import", inbox_arg]);
    assert_eq!(mixed.status.code(), Some(1), "{}", stderr(&mixed));
    assert!(stderr(&mixed).contains("empty.txt"), "{}", stderr(&mixed));
    assert!(
        stderr(&mixed).contains("1 of 6 recaps imported, 4 skipped as imported before, 1 failed"),
        "{}",
        stderr(&mixed)
    );
    assert_eq!(names_in(&site.root().join("content/meetings")).len(), 5);
}

/// The team's edition publishes the kept recap beside the meeting's page and links to it; an
/// HTML recap is published as text; the customer edition has neither the file nor the link.
#[test]
fn the_kept_recap_is_linked_from_its_meeting_in_the_teams_edition_only() {
    let site = site();
    for name in ["zoom-renewal.txt", "teams-loop.html"] {
        let path = tool_fixtures().join(name);
        let import = site.run(&["import", path.to_str().unwrap(), "--account", "Acme"]);
        assert!(import.status.success(), "{}", stderr(&import));
    }
    let build = site.run(&["build", "--today", "2026-11-20"]);
    assert!(build.status.success(), "{}", stderr(&build));
    let mut published = Vec::new();
    for meeting in names_in(&site.public().join("meetings")) {
        let folder = site.public().join("meetings").join(&meeting);
        if !folder.is_dir() {
            continue;
        }
        let recap = names_in(&folder)
            .into_iter()
            .find(|n| n.starts_with("recap."));
        let Some(recap) = recap else { continue };
        let page = std::fs::read_to_string(folder.join("index.html")).unwrap();
        assert!(
            page.contains(&format!("meetings/{meeting}/{recap}")),
            "{page}"
        );
        published.push(recap);
    }
    published.sort();
    assert_eq!(published, ["recap.html.txt", "recap.txt"]);

    let out = site.root().join("customer");
    let customer = site.run(&[
        "build",
        "--today",
        "2026-11-20",
        "--edition",
        "customer",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(customer.status.success(), "{}", stderr(&customer));
    let all: Vec<PathBuf> = walkdir::WalkDir::new(site.root().join("customer"))
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .collect();
    assert!(
        all.iter().all(|p| !p.to_string_lossy().contains("recap.")),
        "{all:?}"
    );
    for page in all
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        assert!(
            !std::fs::read_to_string(page)
                .unwrap()
                .contains("original recap"),
            "{}",
            page.display()
        );
    }
}

/// `recap` in front matter names a file in content/recaps/ by its bare name: a path, a hidden
/// file or another kind is an error at its line, and a missing file fails the build.
#[test]
fn a_recap_named_outside_its_folder_is_an_error_at_its_line() {
    for (written, message) in [
        ("../../site.toml", "by its name alone"),
        ("/etc/passwd", "by its name alone"),
        ("..\\\\secret.txt", "by its name alone"),
        (".hidden.txt", "by its name alone"),
        ("notes.sh", "by its name alone"),
    ] {
        let site = site().with(
            "content/meetings/2026-11-20-sync.md",
            &format!(
                "+++\ntitle = \"Sync\"\ndate = 2026-11-20\nrecap = \"{written}\"\n+++\nText.\n"
            ),
        );
        let build = site.run(&["build", "--today", "2026-11-20"]);
        assert_eq!(
            build.status.code(),
            Some(1),
            "{written}: {}",
            stderr(&build)
        );
        assert!(
            stderr(&build).contains("2026-11-20-sync.md:4:"),
            "{written}: {}",
            stderr(&build)
        );
        assert!(
            stderr(&build).contains(message),
            "{written}: {}",
            stderr(&build)
        );
    }
    let site = site().with(
        "content/meetings/2026-11-20-sync.md",
        "+++\ntitle = \"Sync\"\ndate = 2026-11-20\nrecap = \"gone.txt\"\n+++\nText.\n",
    );
    let build = site.run(&["build", "--today", "2026-11-20"]);
    assert_eq!(build.status.code(), Some(1), "{}", stderr(&build));
    assert!(
        stderr(&build).contains("content/recaps/gone.txt, which is not a file"),
        "{}",
        stderr(&build)
    );
}

/// An owner the recap names by first name alone, with no full name anywhere in it, is added
/// (the task keeps its owner) and the report asks for a look before anything else.
#[test]
fn an_owner_known_by_first_name_alone_is_reported_for_a_look() {
    let site = site();
    let recap = site.root().join("recap.txt");
    std::fs::write(
        &recap,
        "Pilot review 12 November 2026\n\nAttendees: Ana Ferreira, Bo Lindqvist\n\nAction items\n- Ana to send the pilot plan by Friday\n- Kwame to book the room\n",
    )
    .unwrap();
    let output = site.run(&["import", recap.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let report = stdout(&output);
    let check = report
        .lines()
        .position(|l| {
            l.contains("Check: owner \"Kwame\" is a first name the recap gives no full name for")
        })
        .unwrap_or_else(|| panic!("{report}"));
    let added = report
        .lines()
        .position(|l| l.contains("People added"))
        .unwrap();
    assert!(check < added, "the check comes first: {report}");
    assert!(!report.contains("Check: owner \"Ana\""), "{report}");
}
