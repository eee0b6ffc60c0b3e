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
    assert!(site.run(&["check"]).status.success());
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

    let check = site.run(&["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stderr(&check).contains("2 errors found"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn json_format_lists_every_problem_for_ci_annotations() {
    let site = Fixture::valid().with(M, &MEETING.replace("@Manon due", "@Karla due"));
    let output = site.run(&["check", "--format", "json"]);
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
