//! The rules between the stages (ARCHITECTURE.md), read from the source: a stage never imports
//! a later one, only render/ uses Tera, only cli/ prints, and only urls.rs spells a page address.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The part of the crate a file belongs to: its folder under src/, or its own name for a file
/// at the top.
fn part_of(relative: &Path) -> String {
    let mut components = relative.components();
    let first = components.next().unwrap().as_os_str().to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// What each part may import besides itself: the modules every stage shares, and the stages
/// before it. The commands (cli, build, tasks, scaffold) and serve may import anything.
fn allowed(part: &str) -> Option<Vec<&'static str>> {
    const SHARED: &[&str] = &[
        "dates",
        "error",
        "escape",
        "paths",
        "site_paths",
        "urls",
        "plural",
    ];
    let earlier: &[&str] = match part {
        "dates" | "error" | "escape" | "paths" | "site_paths" | "urls" | "content" => &[],
        "model" => &["content"],
        // Import reads the site's open tasks to link the ones a recap repeats.
        "import" => &["content", "model"],
        "render" | "formats" => &["content", "model"],
        // Static files are copied as the theme found them.
        "output" => &["render"],
        _ => return None,
    };
    Some(SHARED.iter().chain(earlier).copied().collect())
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

/// The crate modules a file names (`crate::x`), leaving out its tests, which may use anything.
fn imports(code: &str) -> BTreeSet<String> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    let mut names = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            names.insert(name);
        }
        rest = after;
    }
    names
}

#[test]
fn no_stage_imports_a_later_one_only_render_uses_tera_only_cli_prints_only_urls_spells_addresses() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    let files = rust_files(&src);
    assert!(files.len() > 30, "the source was not found");
    for file in files {
        let relative = file.strip_prefix(&src).unwrap().to_path_buf();
        let code = std::fs::read_to_string(&file).unwrap();
        let part = part_of(&relative);
        if let Some(allowed) = allowed(&part) {
            for name in imports(&code) {
                if name != part && !allowed.contains(&name.as_str()) {
                    broken.push(format!("{}: imports crate::{name}", relative.display()));
                }
            }
        }
        // A module's `tests.rs` is test code throughout (its parent declares it under
        // `#[cfg(test)]`); elsewhere the tests follow the first `#[cfg(test)]`.
        let test_file = relative.file_name().is_some_and(|name| name == "tests.rs");
        let non_test = if test_file {
            ""
        } else {
            code.split("#[cfg(test)]").next().unwrap_or(&code)
        };
        if part != "render" && (non_test.contains("tera::") || non_test.contains("use tera")) {
            broken.push(format!("{}: uses tera outside render/", relative.display()));
        }
        let prints = ["println!", "eprintln!", "print!(", "eprint!("]
            .iter()
            .any(|call| non_test.contains(call));
        if part != "cli" && prints {
            broken.push(format!("{}: prints; only cli/ does", relative.display()));
        }
        let spells_an_address = [
            "\"meetings/",
            "\"owners/",
            "\"initiatives/",
            "\"calendar/",
            "\"topics/",
        ]
        .iter()
        .any(|address| non_test.contains(address));
        if part != "urls" && spells_an_address {
            broken.push(format!(
                "{}: spells a page address; urls.rs does",
                relative.display()
            ));
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

#[test]
fn the_rule_reader_sees_imports() {
    let names = imports(
        "use crate::model::Site;\nfn f() { crate::render::x(); }\n#[cfg(test)]\nuse crate::cli;",
    );
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["model".to_string(), "render".to_string()]
    );
    assert_eq!(part_of(Path::new("content/meeting.rs")), "content");
    assert_eq!(part_of(Path::new("site_paths.rs")), "site_paths");
}
