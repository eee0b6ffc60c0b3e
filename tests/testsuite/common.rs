//! Helpers shared by the integration tests: running the binary, making fixture sites, reading
//! the built HTML.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary under test; `DOSSIER_TEST_BINARY` runs the same tests on another build (an
/// earlier commit's, to see a regression test fail before its fix).
pub fn dossier() -> Command {
    match std::env::var_os("DOSSIER_TEST_BINARY") {
        Some(binary) => Command::new(binary),
        None => Command::new(env!("CARGO_BIN_EXE_dossier")),
    }
}

/// The example site at the repository root.
pub fn example_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn run(args: &[&str]) -> Output {
    dossier().args(args).output().expect("run dossier")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Builds the example site into a fresh temporary folder, as of 24 Nov 2025.
pub fn build_example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let output = dossier()
        .args(["build", "--today", "2025-11-24", "--out"])
        .arg(&out)
        .arg("--root")
        .arg(example_root())
        .output()
        .unwrap();
    assert!(output.status.success(), "build failed: {}", stderr(&output));
    (dir, out)
}

/// A small site written into a temporary folder. `valid()` is `tests/sites/minimal/`, whose
/// files are also here as constants for tests that change one of them.
pub struct Fixture {
    pub dir: tempfile::TempDir,
}

pub const SITE_TOML: &str = include_str!("../sites/minimal/site.toml");
pub const PEOPLE_TOML: &str = include_str!("../sites/minimal/content/people.toml");
pub const MEETING: &str = include_str!("../sites/minimal/content/meetings/2025-11-20-weekly.md");
pub const INITIATIVE: &str = include_str!("../sites/minimal/content/initiatives/deal.md");

impl Fixture {
    /// A valid one-meeting site.
    pub fn valid() -> Fixture {
        Fixture::empty()
            .with("site.toml", SITE_TOML)
            .with("content/people.toml", PEOPLE_TOML)
            .with("content/meetings/2025-11-20-weekly.md", MEETING)
            .with("content/initiatives/deal.md", INITIATIVE)
    }

    pub fn empty() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn with(self, path: &str, content: &str) -> Fixture {
        self.write(path, content);
        self
    }

    pub fn write(&self, path: &str, content: &str) {
        let full = self.dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, content).unwrap();
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn public(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        dossier()
            .args(args)
            .arg("--root")
            .arg(self.root())
            .output()
            .unwrap()
    }

    pub fn build(&self) -> Output {
        self.run(&["build", "--today", "2025-11-24"])
    }
}

/// Every file below `dir`, relative, sorted, with its bytes.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir(dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

pub fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

pub fn html(path: &Path) -> scraper::Html {
    scraper::Html::parse_document(&std::fs::read_to_string(path).unwrap())
}

pub fn select<'a>(doc: &'a scraper::Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = scraper::Selector::parse(css).unwrap();
    doc.select(&selector).collect()
}

/// The elements below `element` that `css` selects.
pub fn select_in<'a>(element: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = scraper::Selector::parse(css).unwrap();
    element.select(&selector).collect()
}

pub fn text(element: &scraper::ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `program` runs with `args` and succeeds; asks nothing else.
pub fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Whether the real tool a check needs is here (`program args` succeeds). When it is not, the
/// check is recorded as skipped for want of `missing`, or fails where `DOSSIER_REQUIRE_TOOLS`
/// is set, as CI sets it.
pub fn tool_available(check: &str, program: &str, args: &[&str], missing: &str) -> bool {
    let here = runs(program, args);
    if !here {
        skip_for_want_of_tool(check, missing);
    }
    here
}

/// The checks skipped in this run, each with what it lacked; printed when the test binary exits.
static SKIPPED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Records that `check` did not run because `missing`, a tool `.ci/run` installs, is not here;
/// with `DOSSIER_REQUIRE_TOOLS` set the check fails instead.
pub fn skip_for_want_of_tool(check: &str, missing: &str) {
    assert!(
        std::env::var_os("DOSSIER_REQUIRE_TOOLS").is_none(),
        "{check}: {missing} is missing and DOSSIER_REQUIRE_TOOLS is set"
    );
    record_skip(check, missing);
}

/// Records that `check` did not run because this machine does not allow what it needs
/// (`reason`); not a tool to install, so it fails under no setting.
pub fn skip_for_want_of(check: &str, reason: &str) {
    record_skip(check, reason);
}

fn record_skip(check: &str, reason: &str) {
    // A passing test's stderr is captured by the harness, so a skip said there is never seen;
    // the list is printed after the harness's summary instead, when the process exits.
    static PRINT_AT_EXIT: std::sync::Once = std::sync::Once::new();
    PRINT_AT_EXIT.call_once(|| {
        extern "C" {
            fn atexit(callback: extern "C" fn()) -> std::ffi::c_int;
        }
        // SAFETY: atexit is the C library's, which every Rust program on these platforms links;
        // the callback neither unwinds nor touches thread-local state.
        unsafe {
            atexit(print_skipped);
        }
    });
    if let Ok(mut skipped) = SKIPPED.lock() {
        skipped.push(format!("{check} (missing: {reason})"));
    }
}

extern "C" fn print_skipped() {
    let Ok(mut skipped) = SKIPPED.lock() else {
        return;
    };
    skipped.sort();
    skipped.dedup();
    eprintln!(
        "\nSKIPPED {} check(s) for want of a tool or a permission; `.ci/run` installs the tools, and \
         DOSSIER_REQUIRE_TOOLS=1 fails a check whose tool is missing:",
        skipped.len()
    );
    for line in skipped.iter() {
        eprintln!("  SKIPPED {line}");
    }
}

/// What `dossier tasks --json` prints for the site at `root`, as of 24 Nov 2025.
/// The owner ids of a task in tasks.json or of a truth entry (both hold `owners` as a list of
/// ids), sorted, so that two can be compared whatever order they were written in.
pub fn owner_ids(task: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = task["owners"]
        .as_array()
        .map(|owners| {
            owners
                .iter()
                .filter_map(|o| o.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    ids
}

pub fn tasks_json_of(root: &Path) -> serde_json::Value {
    let output = dossier()
        .args(["tasks", "--json", "--today", "2025-11-24", "--root"])
        .arg(root)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

/// Waits for `child`, killing it and failing the test when it runs past `limit`: a command
/// that hangs (on a FIFO, an endless read, a server that should not have started) fails the
/// test with `what` instead of hanging the suite.
pub fn finish_within(
    mut child: std::process::Child,
    limit: std::time::Duration,
    what: &str,
) -> Output {
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("{what}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Every file below `out` (relative path), with the text a reader or a client takes from it
/// (`leaks::readable`) and its bytes as written, in lower case.
pub fn output_texts(out: &Path) -> Vec<(String, String, String)> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let bytes = std::fs::read(e.path()).unwrap();
            let text = dossier::readable(&relative, &bytes);
            let raw = String::from_utf8_lossy(&bytes).to_lowercase();
            (relative, text, raw)
        })
        .collect()
}
