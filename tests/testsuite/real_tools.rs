//! The built site checked by the tools real readers use: the W3C Nu HTML checker, Python's
//! icalendar (as calendar clients parse .ics) and feedparser. Each check is skipped, with a
//! message, when its tool is not installed; `.ci/run` installs them all.

use crate::common::*;
use std::path::PathBuf;
use std::process::Command;

fn vnu_jar() -> Option<PathBuf> {
    let jar = std::env::var_os("VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| example_root().join("node_modules/vnu-jar/build/dist/vnu.jar"));
    let check = "pages valid HTML by the W3C Nu checker";
    if !jar.is_file() {
        skip_for_want_of_tool(
            check,
            &format!("vnu.jar at {} (npm install vnu-jar)", jar.display()),
        );
        None
    } else if tool_available(check, "java", &["-version"], "java (Java 17 runs vnu.jar)") {
        Some(jar)
    } else {
        None
    }
}

/// Runs the Nu HTML checker on every page below `dir`; fails on any error it reports.
fn assert_valid_html(jar: &std::path::Path, dir: &std::path::Path) {
    let output = Command::new("java")
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html"])
        .arg(dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "Nu HTML checker found errors:\n{}{}",
        stdout(&output),
        stderr(&output)
    );
}

#[test]
fn every_page_is_valid_html() {
    let Some(jar) = vnu_jar() else { return };
    let (_dir, out) = build_example();
    assert_valid_html(&jar, &out);
}

#[test]
fn hostile_content_still_gives_valid_html() {
    let Some(jar) = vnu_jar() else { return };
    let site = Fixture::valid().with(
        "content/meetings/2025-11-20-weekly.md",
        "+++\ntitle = \"<script>x</script> & \\\"q\\\"\"\ndate = 2025-11-20\n+++\n## A <b>topic</b> {#a}\n<div onclick=\"x\">raw</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: A footnote.\n\n- [ ] **Task <i>x</i>** @Sigi @Nobody due:2025-12\n",
    );
    assert!(site.build().status.success());
    assert_valid_html(&jar, &site.public());
}

/// Runs one of the Python checkers in tests/tools on the built example site, when Python has
/// the library it needs; returns what it printed.
fn python_check(module: &str, script: &str, args: &[&str]) -> Option<String> {
    let check = format!("{script} on the example site");
    let import = format!("import {module}");
    let missing = format!("Python's {module} (pip install {module})");
    if !tool_available(&check, "python3", &["-c", &import], &missing) {
        return None;
    }
    let (_dir, out) = build_example();
    Some(python_check_in(&out, script, args))
}

/// Runs one of the Python checkers in tests/tools on the site built into `out`.
fn python_check_in(out: &std::path::Path, script: &str, args: &[&str]) -> String {
    let mut all: Vec<&std::ffi::OsStr> = vec![out.as_os_str()];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    run_checker("python3", script, &all)
}

/// Tasks continued across meetings (tests/sites/continuity): the task pages and the meeting
/// pages' changes are valid HTML, and the calendar (one event per continued task) and
/// tasks.json (with history and slips) read with the real tools.
#[test]
fn continued_tasks_give_valid_pages_a_calendar_and_tasks_json_the_real_tools_accept() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let built = dossier()
        .args(["build", "--today", "2026-12-10", "--root"])
        .arg(example_root().join("tests/sites/continuity"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", stderr(&built));
    if let Some(jar) = vnu_jar() {
        assert_valid_html(&jar, &out);
    }
    let check = "the continuity site's calendars read by Python's icalendar";
    let import = ["-c", "import icalendar"];
    if tool_available(
        check,
        "python3",
        &import,
        "Python's icalendar (pip install icalendar)",
    ) {
        let printed = python_check_in(&out, "check_calendar.py", &["--today", "2026-12-10"]);
        assert!(
            printed.contains(
                "calendar.ics: 7 events; 3 owner calendars match their tasks; 5 task calendars"
            ),
            "{printed}"
        );
    }
    let check = "the continuity site's tasks.json checked against its schema";
    let import = ["-c", "import jsonschema"];
    if tool_available(
        check,
        "python3",
        &import,
        "Python's jsonschema (pip install jsonschema)",
    ) {
        let printed = python_check_in(&out, "check_tasks_json.py", &[]);
        assert!(
            printed.contains("tasks.json: 7 tasks match the schema"),
            "{printed}"
        );
    }
}

/// Runs `program` on a script of tests/tools with `args`; fails on a failing exit status and
/// returns what it printed.
fn run_checker(program: &str, script: &str, args: &[&std::ffi::OsStr]) -> String {
    let output = Command::new(program)
        .arg(example_root().join("tests/tools").join(script))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    stdout(&output)
}

#[test]
fn calendars_parse_with_python_icalendar() {
    if let Some(printed) =
        python_check("icalendar", "check_calendar.py", &["--today", "2025-11-24"])
    {
        assert!(
            printed.contains("calendar.ics: 4 events; 35 owner calendars"),
            "{printed}"
        );
    }
}

#[test]
fn the_feed_parses_with_feedparser() {
    if let Some(printed) = python_check("feedparser", "check_feed.py", &["1"]) {
        assert!(printed.contains("Atom 1.0, 1 entries"), "{printed}");
    }
}

#[test]
fn tasks_json_matches_its_schema() {
    if let Some(printed) = python_check("jsonschema", "check_tasks_json.py", &[]) {
        assert!(
            printed.contains("tasks.json: 25 tasks match the schema"),
            "{printed}"
        );
    }
}

#[test]
fn the_sitemap_is_an_index_of_files_within_the_protocol_limit() {
    if let Some(printed) = python_check("xml", "check_sitemap.py", &["68"]) {
        assert!(printed.contains("sitemap: 1 files, 68 URLs"), "{printed}");
    }
}

#[test]
fn calendars_parse_with_ical_js() {
    let module = example_root().join("node_modules/ical.js");
    let check = "calendars read by ical.js";
    if !module.is_dir() {
        skip_for_want_of_tool(check, "ical.js (npm install ical.js)");
        return;
    }
    if !tool_available(check, "node", &["--version"], "node") {
        return;
    }
    let (_dir, out) = build_example();
    let printed = run_checker("node", "check_calendar_icaljs.mjs", &[out.as_os_str()]);
    assert!(
        printed.contains("ical.js: 36 calendars, 11 events, all parsed"),
        "{printed}"
    );
}

#[test]
fn the_deploy_guides_pipelines_parse_and_its_commands_run() {
    let check = "the deploy guide's pipelines parsed and its commands run";
    if !tool_available(
        check,
        "python3",
        &["-c", "import yaml, aiosmtpd"],
        "PyYAML and aiosmtpd (pip install pyyaml aiosmtpd)",
    ) {
        return;
    }
    let binary = std::path::Path::new(env!("CARGO_BIN_EXE_dossier"));
    let root = example_root();
    let printed = run_checker(
        "python3",
        "check_deploy_guide.py",
        &[binary.as_os_str(), root.as_os_str()],
    );
    assert!(
        printed.contains("4 pipelines parse, 9 dossier commands run"),
        "{printed}"
    );
}
