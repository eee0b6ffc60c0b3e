//! Two editions from one set of notes: the team's (everything) and the customer's (nothing
//! marked internal). A marker in every position (meeting, topic, task, notes block,
//! initiative, person) is built into both, and every output format is read for its text.

use crate::common::{dossier, stderr, stdout, Fixture};
use std::path::Path;

const SITE: &str = "title = \"Globex briefings\"\nbase_url = \"https://intranet.example.test/globex/\"\ntimezone = \"Europe/Brussels\"\nlast_edited = false\n\n[editions.customer]\ntitle = \"Globex shared notes\"\nbase_url = \"https://share.example.test/globex/\"\nbanner = \"Shared with Globex\"\n";

const PEOPLE: &str = "[ann]\nname = \"Ann Aerts\"\n\n[dana]\nname = \"Dana Whitfield\"\ninternal = true\n\n[gus]\nname = \"Gus Globex\"\n";

const RENEWAL: &str =
    "+++\ntitle = \"Contract renewal\"\nowners = [\"ann\"]\n+++\nRenewing the support contract.\n";

const WAR_ROOM: &str = "+++\ntitle = \"Margin war room\"\nowners = [\"ann\", \"dana\"]\ninternal = true\n+++\nHolding the price floor through the renewal.\n";

const SYNC: &str = "+++\ntitle = \"Globex sync\"\ndate = 2026-11-16\naccount = \"Globex\"\nattendees = [\"ann\", \"dana\", \"gus\"]\n+++\nA monthly sync with Globex.\n\n## Renewal status {initiative=renewal}\n@gus confirmed the renewal date. @dana joined the call.\n\n```internal\nKeep the price sheet away from procurement.\n```\n\n- [ ] **Send the renewal paper** @ann due:2026-11-27\n- [ ] **Check the approval chain** @ann due:2026-11-28 {.internal}\n- [ ] **Send the price sheet** @dana due:2026-11-29\n\n## Margin tactics {initiative=war-room}\nWe talked through the tactics.\n\n## Discount strategy {.internal}\nTheir budget owner dislikes long contracts.\n\n- [ ] **Draft the discount ladder** @ann due:2026-11-30\n\n## Tasks\n- [ ] **Book the next sync** @gus due:2026-12-14\n\nSee [the escalation](2026-11-18-escalation.md) for the rest.\n";

const ESCALATION: &str = "+++\ntitle = \"Pricing escalation with finance\"\ndate = 2026-11-18\naccount = \"Globex\"\ninternal = true\n+++\nFinance wants a fifteen percent floor.\n\n## Floor\n- [ ] **Ask finance for the floor** @ann due:2026-12-02\n";

fn site() -> Fixture {
    Fixture::empty()
        .with("site.toml", SITE)
        .with("content/people.toml", PEOPLE)
        .with("content/initiatives/renewal.md", RENEWAL)
        .with("content/initiatives/war-room.md", WAR_ROOM)
        .with("content/meetings/2026-11-16-globex-sync.md", SYNC)
        .with("content/meetings/2026-11-18-escalation.md", ESCALATION)
}

/// Every file of a built site with the text a reader or a client would take from it.
fn texts(out: &Path) -> Vec<(String, String)> {
    crate::common::output_texts(out)
        .into_iter()
        .map(|(path, text, _)| (path, text))
        .collect()
}

fn build(site: &Fixture, edition: &str, out: &str) -> std::path::PathBuf {
    let out = site.root().join(out);
    let output = site.run(&[
        "build",
        "--today",
        "2026-11-20",
        "--edition",
        edition,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    out
}

/// Where each kind of file is: which files of the site hold a text.
fn holders<'a>(files: &'a [(String, String)], text: &str) -> Vec<&'a str> {
    let text = text.to_lowercase();
    files
        .iter()
        .filter(|(_, t)| t.contains(&text))
        .map(|(path, _)| path.as_str())
        .collect()
}

#[test]
fn internal_text_in_every_position_is_in_the_team_edition_and_in_no_file_of_the_customers() {
    let site = site();
    let team = texts(&build(&site, "internal", "team"));
    let customer = texts(&build(&site, "customer", "customer"));
    // (marker, text, kinds of file the team's edition shows it in)
    let table: &[(&str, &str, &[&str])] = &[
        (
            "meeting",
            "Pricing escalation with finance",
            &["index.html", "feed.xml", "search/"],
        ),
        (
            "meeting",
            "Finance wants a fifteen percent floor",
            &["index.html", "feed.xml"],
        ),
        (
            "meeting",
            "Ask finance for the floor",
            &["index.html", "tasks.json", ".ics", "search/"],
        ),
        ("topic", "Discount strategy", &["index.html", "search/"]),
        (
            "topic",
            "Their budget owner dislikes long contracts",
            &["index.html"],
        ),
        (
            "topic",
            "Draft the discount ladder",
            &["index.html", "tasks.json", ".ics"],
        ),
        (
            "task",
            "Check the approval chain",
            &["index.html", "tasks.json", ".ics", "search/"],
        ),
        (
            "notes block",
            "Keep the price sheet away from procurement",
            &["index.html"],
        ),
        ("initiative", "Margin war room", &["index.html", "search/"]),
        (
            "initiative",
            "Holding the price floor through the renewal",
            &["index.html"],
        ),
        ("person", "Dana Whitfield", &["index.html", "search/"]),
    ];
    for (marker, text, kinds) in table {
        let in_team = holders(&team, text);
        for kind in *kinds {
            assert!(
                in_team.iter().any(|path| path.contains(kind)),
                "{marker} \"{text}\": not in any {kind} of the team's edition: {in_team:?}"
            );
        }
        let in_customer = holders(&customer, text);
        assert!(
            in_customer.is_empty(),
            "{marker} \"{text}\" leaked into the customer edition: {in_customer:?}"
        );
    }
    // No address of an internal thing either: not the meeting, the initiative or the person.
    for address in ["2026-11-18-escalation", "war-room", "owners/dana"] {
        let found: Vec<&str> = customer
            .iter()
            .filter(|(path, text)| path.contains(address) || text.contains(address))
            .map(|(path, _)| path.as_str())
            .collect();
        assert!(found.is_empty(), "{address}: {found:?}");
    }
}

#[test]
fn the_customer_edition_keeps_the_shared_text_and_counts_only_what_it_shows() {
    let site = site();
    let out = build(&site, "customer", "customer");
    let page =
        std::fs::read_to_string(out.join("meetings/2026-11-16-globex-sync/index.html")).unwrap();
    for shared in [
        "Gus Globex confirmed the renewal date",
        "the account team joined the call",
        "Send the renewal paper",
        "Margin tactics",
        "We talked through the tactics",
        "See the escalation for the rest",
    ] {
        assert!(
            dossier::readable("index.html", page.as_bytes()).contains(&shared.to_lowercase()),
            "{shared}"
        );
    }
    // The team member's task is the account team's; the link to the internal meeting is text.
    assert!(page.contains("Send the price sheet"));
    assert!(page.contains("<span class=\"owners\">the account team</span>"));
    assert!(!page.contains("2026-11-18-escalation"));
    // Counts: three open tasks are shown (renewal paper, price sheet, next sync), so three.
    let tasks: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(out.join("tasks.json")).unwrap()).unwrap();
    assert_eq!(tasks.len(), 3, "{tasks:?}");
    let meetings = std::fs::read_to_string(out.join("meetings/index.html")).unwrap();
    assert!(
        meetings.contains("3 open"),
        "the meetings list counts what it shows"
    );
    // The edition's own title, address and banner, on every page.
    assert!(page.contains("Globex shared notes"));
    assert!(page.contains("Shared with Globex"));
    let feed = std::fs::read_to_string(out.join("feed.xml")).unwrap();
    assert!(feed.contains("https://share.example.test/globex/"));
    assert!(!feed.contains("intranet.example.test"));
    // The team's edition has no banner and its own title.
    let team = build(&site, "internal", "team");
    let team_page =
        std::fs::read_to_string(team.join("meetings/2026-11-16-globex-sync/index.html")).unwrap();
    assert!(!team_page.contains("edition-banner"));
    assert!(team_page.contains("Globex briefings"));
    assert!(team_page.contains("class=\"internal-note\""));
}

#[test]
fn check_proves_the_customer_edition_holds_nothing_internal_and_catches_a_leak() {
    let site = site();
    let output = site.run(&["check", "--today", "2026-11-20", "--edition", "customer"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stdout(&output);
    assert!(said.contains("Customer edition: "), "{said}");
    assert!(said.contains("; none found"), "{said}");

    // A template that prints internal text (as a careless theme edit could) is caught, with
    // where the text was written and where it went.
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap()
    .replace(
        "</footer>",
        "<p>Keep the price sheet away from procurement</p></footer>",
    );
    site.write("templates/base.html", &base);
    let output = site.run(&["check", "--today", "2026-11-20", "--edition", "customer"]);
    assert!(!output.status.success());
    let errors = stderr(&output);
    assert!(
        errors.contains("content/meetings/2026-11-16-globex-sync.md:13:1: error: internal text in the customer edition: \"keep the price sheet away from procurement\" is in "),
        "{errors}"
    );
    assert!(errors.contains(" more"), "many files hold it: {errors}");
}

#[test]
fn a_mistyped_marker_stops_the_build_where_it_is_written() {
    let table = [
        (
            "## Discount strategy {.internal}",
            "## Discount strategy {.internl}",
            "`.internl`: did you mean `.internal`?",
        ),
        (
            "```internal",
            "```intenal",
            "a fenced block named `intenal`: did you mean `internal`?",
        ),
        (
            "{.internal}\n- [ ] **Send the price",
            "{.interal}\n- [ ] **Send the price",
            "`.interal`: did you mean `.internal`?",
        ),
        (
            "## Margin tactics {initiative=war-room}",
            "## Margin tactics {initiative=war-room owner=ann}",
            "unknown attribute `owner=ann`",
        ),
    ];
    for (from, to, says) in table {
        let site = site().with(
            "content/meetings/2026-11-16-globex-sync.md",
            &SYNC.replacen(from, to, 1),
        );
        let output = site.run(&["build", "--today", "2026-11-20"]);
        assert!(!output.status.success(), "{to}");
        let errors = stderr(&output);
        assert!(
            errors.contains("content/meetings/2026-11-16-globex-sync.md:") && errors.contains(says),
            "{to}: {errors}"
        );
    }
}

#[test]
fn the_customer_edition_builds_into_its_own_folder_by_default() {
    let site = site();
    let output = dossier()
        .args([
            "build",
            "--today",
            "2026-11-20",
            "--edition",
            "customer",
            "--root",
        ])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site.root().join("public-customer/index.html").is_file());
    assert!(!site.root().join("public").exists());
    let wrong = site.run(&["build", "--edition", "partner"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(stderr(&wrong).contains("no edition `partner`"));
}

#[test]
fn serve_previews_the_customer_edition_and_keeps_it_after_an_edit() {
    use dossier::Edition;
    use dossier::LoadOptions;
    let site = site();
    let served = site.root().join("served");
    let mut session = dossier::Session::new(
        site.root(),
        &served,
        LoadOptions {
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 20),
            edition: Edition::Customer,
            ..LoadOptions::default()
        },
    )
    .unwrap();
    session.rebuild(&[], &mut |_| {}).unwrap();
    let internal = [
        "Keep the price sheet away",
        "Dana Whitfield",
        "Discount strategy",
    ];
    let leaked = |what: &str| -> Vec<String> {
        texts(&served)
            .into_iter()
            .filter(|(_, text)| internal.iter().any(|i| text.contains(&i.to_lowercase())))
            .map(|(path, _)| format!("{what}: {path}"))
            .collect()
    };
    assert_eq!(leaked("first build"), Vec::<String>::new());
    // An edit that adds an internal task and mentions the internal person again.
    let path = "content/meetings/2026-11-16-globex-sync.md";
    site.write(
        path,
        &SYNC
            .replace(
                "@gus confirmed the renewal date.",
                "@gus confirmed the renewal date with @dana.",
            )
            .replace(
                "## Tasks\n",
                "## Tasks\n- [ ] **Review the discount ladder** @ann due:2026-12-01 {.internal}\n",
            ),
    );
    session
        .rebuild(&[site.root().join(path)], &mut |_| {})
        .unwrap();
    assert_eq!(leaked("after the edit"), Vec::<String>::new());
    let page =
        std::fs::read_to_string(served.join("meetings/2026-11-16-globex-sync/index.html")).unwrap();
    assert!(
        page.contains("confirmed the renewal date with the account team"),
        "{page}"
    );
}
