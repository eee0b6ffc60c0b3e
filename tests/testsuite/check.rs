//! `dossier check`: the gate for CI.

use crate::common::*;
use serde_json::Value;

const M: &str = "content/meetings/2025-11-20-weekly.md";

#[test]
fn links_to_content_files_lead_to_their_pages() {
    let site = Fixture::valid().with(
        "content/meetings/2025-11-27-next.md",
        "+++\ntitle = \"Next\"\ndate = 2025-11-27\n+++\nFollows [last week](2025-11-20-weekly.md) on [the deal](../initiatives/deal.md#risks).\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let doc = html(&site.public().join("meetings/2025-11-27-next/index.html"));
    let hrefs: Vec<String> = select(&doc, ".prose a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(
        hrefs,
        [
            "../../meetings/2025-11-20-weekly/index.html",
            "../../initiatives/deal/index.html#risks"
        ]
    );
    for href in &hrefs {
        let path = href.split('#').next().unwrap();
        assert!(
            site.public()
                .join("meetings/2025-11-27-next")
                .join(path)
                .is_file(),
            "{href}"
        );
    }
    assert!(site.run(&["check", "--strict"]).status.success());
}

/// A draft is left out until it is published: a link to it shows as its text, says why at its
/// line, and leads to the draft's page once drafts are built.
#[test]
fn links_to_a_draft_show_as_text_until_drafts_are_built() {
    let site = Fixture::valid()
        .with(
            "content/meetings/2025-11-27-next.md",
            "+++\ntitle = \"Next\"\ndate = 2025-11-27\ndraft = true\n+++\nPlanned.\n",
        )
        .with(
            M,
            &MEETING.replace(
                "@Sigi and @Manon met.",
                "@Sigi and @Manon met, before [next week](2025-11-27-next.md#plan).",
            ),
        );
    let page = site.public().join("meetings/2025-11-20-weekly/index.html");
    let build = site.build();
    assert!(build.status.success(), "{}", stderr(&build));
    assert!(
        stderr(&build).contains(&format!(
            "{M}:6:30: warning: `2025-11-27-next.md#plan` is a draft, which this build leaves out"
        )),
        "{}",
        stderr(&build)
    );
    let doc = html(&page);
    let prose = select(&doc, ".prose")
        .iter()
        .map(text)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(prose.contains("before next week."), "{prose}");
    let to_the_draft = |doc: &scraper::Html| -> Vec<String> {
        select(doc, ".prose a")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .filter(|href| href.contains("2025-11-27-next"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(to_the_draft(&doc), Vec::<String>::new());
    assert!(!site.public().join("meetings/2025-11-27-next").exists());
    assert!(!site.run(&["check", "--strict"]).status.success());

    let with_drafts = site.run(&["build", "--today", "2025-11-24", "--drafts"]);
    assert!(with_drafts.status.success(), "{}", stderr(&with_drafts));
    assert!(!stderr(&with_drafts).contains("is a draft"));
    assert_eq!(
        to_the_draft(&html(&page)),
        ["../../meetings/2025-11-27-next/index.html#plan"]
    );
    assert!(site
        .public()
        .join("meetings/2025-11-27-next/index.html")
        .is_file());
}

#[test]
fn broken_links_and_early_deadlines_warn_in_build_and_fail_check() {
    let site = Fixture::valid().with(
        M,
        &MEETING
            .replace(
                "@Sigi and @Manon met.",
                "@Sigi and @Manon met, see [the plan](../initiatives/plan.md).",
            )
            .replace("due:2025-11-28", "due:2024-11-28"),
    );
    let build = site.build();
    assert!(build.status.success(), "{}", stderr(&build));
    let message = stderr(&build);
    assert!(
        message.contains(&format!(
            "{M}:6:27: warning: `../initiatives/plan.md` names"
        )),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "{M}:8:33: warning: this deadline is before the meeting's date"
        )),
        "{message}"
    );

    let check = site.run(&["check", "--strict"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stderr(&check).contains("2 errors found"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn an_error_in_people_toml_hides_no_error_of_the_meetings() {
    let site = Fixture::valid()
        .with(
            "content/people.toml",
            "[sigi]\nname = \"Sigi\"\n[Bad Id]\nname = \"x\"\n",
        )
        .with(M, &MEETING.replace("due:2025-11-28", "due:2025-02-30"));
    let check = site.run(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    let said = stderr(&check);
    assert!(said.contains("content/people.toml:3:"), "{said}");
    assert!(
        said.contains(&format!("{M}:")) && said.contains("2025-02-30"),
        "{said}"
    );
    // Read against nobody, the meeting's mentions are not reported as missing people.
    assert!(!said.contains("is not in content/people.toml"), "{said}");
    assert!(said.contains("2 errors found"), "{said}");
}

#[test]
fn warnings_are_listed_and_fail_check_only_with_strict() {
    let site = Fixture::valid().with(M, &MEETING.replace("@Manon due", "@Karla due"));
    let check = site.run(&["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        stderr(&check).contains(&format!("{M}:8:26: warning")),
        "{}",
        stderr(&check)
    );
    assert!(
        stdout(&check).contains("1 warning (--strict fails on them)"),
        "{}",
        stdout(&check)
    );
    let json = site.run(&["check", "--format", "json"]);
    assert!(json.status.success());
    let problems: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(problems[0]["severity"], "warning");
    assert_eq!(problems[0]["line"], 8);
    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        stderr(&strict).contains(&format!("{M}:8:26: error")),
        "{}",
        stderr(&strict)
    );
}

#[test]
fn json_format_lists_every_problem_for_ci_annotations() {
    let site = Fixture::valid().with(M, &MEETING.replace("@Manon due", "@Karla due"));
    let output = site.run(&["check", "--strict", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let problems: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let problem = &problems[0];
    assert_eq!(problem["path"], M);
    assert_eq!(problem["line"], 8);
    assert_eq!(problem["column"], 26);
    assert_eq!(problem["severity"], "error");
    assert!(problem["message"].as_str().unwrap().contains("Karla"));

    let clean = Fixture::valid().run(&["check", "--format", "json"]);
    assert!(clean.status.success());
    assert_eq!(stdout(&clean).trim(), "[]");
}

/// What a writer meant but dossier would not read: each is a warning at its place (an error for
/// a `due:` word that is no deadline), the build still succeeds for warnings, and `check` fails.
#[test]
fn every_near_miss_is_reported_at_its_place_with_what_to_write() {
    let meeting = |from: &str, to: &str| {
        assert!(MEETING.contains(from), "{from}");
        MEETING.replacen(from, to, 1)
    };
    // (file, its text, where, words, whether the build still succeeds)
    let cases: Vec<(&str, String, String, &str, bool)> = vec![
        (
            M,
            meeting(" @Manon due", " due"),
            format!("{M}:8:1"),
            "names no owner",
            true,
        ),
        (
            M,
            meeting("due:2025-11-28", "due: 2025-11-28"),
            format!("{M}:8:33"),
            "write due:2025-11-28 without a space",
            true,
        ),
        (
            M,
            meeting("due:2025-11-28", "due:2025/11/28"),
            format!("{M}:8:33"),
            "write it as due:2025-11-28",
            false,
        ),
        (
            M,
            meeting("due:2025-11-28", "due:28.11.2025"),
            format!("{M}:8:33"),
            "write it as due:2025-11-28",
            false,
        ),
        (
            M,
            meeting("due:2025-11-28", "due:tomorrow"),
            format!("{M}:8:33"),
            "a deadline is a date",
            false,
        ),
        (
            M,
            meeting("@Manon due", "@Manno due"),
            format!("{M}:8:26"),
            "did you mean @manon (Manon)?",
            true,
        ),
        (
            M,
            meeting("date = 2025-11-20", "date = 2025-11-21"),
            format!("{M}:3:8"),
            "the file name says 2025-11-20",
            true,
        ),
        (
            M,
            meeting("@Sigi and @Manon met.", "Who discussed what."),
            format!("{M}:6:1"),
            "text from the template",
            true,
        ),
        (
            M,
            meeting("date = 2025-11-20", "date = \"2025-11-20\""),
            format!("{M}:3:8"),
            "a date is written without quotes",
            false,
        ),
        (
            "site.toml",
            SITE_TOML.replace("briefings.example.test", "intranet.example.com"),
            "site.toml:2:12".to_string(),
            "base_url is still on intranet.example.com, a placeholder",
            true,
        ),
    ];
    for (path, text, location, words, builds) in cases {
        let site = Fixture::valid().with(path, &text);
        let build = site.build();
        assert_eq!(
            build.status.success(),
            builds,
            "{words}: {}",
            stderr(&build)
        );
        let check = site.run(&["check", "--strict"]);
        let message = stderr(&check);
        assert_eq!(check.status.code(), Some(1), "{words}: {message}");
        assert!(
            message.contains(&format!("{location}: ")),
            "{words}: expected {location} in\n{message}"
        );
        assert!(message.contains(words), "expected {words:?} in\n{message}");
    }
}
