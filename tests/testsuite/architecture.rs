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
/// before it. The commands (cli, build) and serve may import anything.
fn allowed(part: &str) -> Option<Vec<&'static str>> {
    const SHARED: &[&str] = &[
        "dates",
        "error",
        "escape",
        "paths",
        "site_paths",
        "urls",
        "plural",
        "language",
    ];
    let earlier: &[&str] = match part {
        "dates" | "error" | "escape" | "paths" | "site_paths" | "urls" | "language" | "content" => {
            &[]
        }
        "model" => &["content"],
        // Import reads the site's open tasks to link the ones a recap repeats.
        "import" => &["content", "model"],
        "render" | "formats" => &["content", "model"],
        // The digest reads the site as a build does, and writes mail, not pages.
        // The digest says the theme's words (render::words), as pages do.
        "digest" => &["content", "model", "render"],
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

/// The rows of ARCHITECTURE.md's code map: the paths its first column names (relative to
/// `src/`), and the whole row's text.
fn code_map(architecture: &str) -> Vec<(Vec<String>, String)> {
    let map = architecture
        .split("## Code map")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_default();
    map.lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let first = line.split(" | ").next().unwrap_or_default();
            let paths = first
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect();
            (paths, line.to_string())
        })
        .collect()
}

/// Whether the code map names `file` (relative to `src/`): by its path anywhere in the map, or
/// by its name in the row of a folder that holds it.
fn map_names(rows: &[(Vec<String>, String)], file: &str) -> bool {
    rows.iter().any(|(paths, text)| {
        text.contains(&format!("`{file}`"))
            || paths.iter().any(|path| {
                path.ends_with('/')
                    && file
                        .strip_prefix(path.as_str())
                        .is_some_and(|rest| text.contains(&format!("`{rest}`")))
            })
    })
}

#[test]
fn the_code_map_names_every_source_file_and_nothing_that_is_gone() {
    let root = crate::common::example_root();
    let src = root.join("src");
    let rows = code_map(&std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap());
    assert!(
        rows.len() > 40,
        "the code map was not found: {} rows",
        rows.len()
    );
    let mut wrong = Vec::new();
    for file in rust_files(&src) {
        let relative = file
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        // A module's unit tests live in its `tests.rs`; the map names the module.
        if relative.ends_with("/tests.rs") {
            continue;
        }
        if !map_names(&rows, &relative) {
            wrong.push(format!(
                "src/{relative} is not in ARCHITECTURE.md's code map"
            ));
        }
    }
    for (paths, _) in &rows {
        for path in paths {
            if !src.join(path).exists() {
                wrong.push(format!("the code map names src/{path}, which is not there"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_code_map_reader_finds_a_file_by_its_path_or_in_its_folders_row() {
    let rows = code_map(
        "## Code map\n| a | b |\n| `cli/` | `args.rs`: arguments |\n| `x.rs` | see `y/z.rs` |\n## Next\n| `w.rs` | no |",
    );
    assert!(map_names(&rows, "cli/args.rs"));
    assert!(map_names(&rows, "x.rs") && map_names(&rows, "y/z.rs"));
    assert!(!map_names(&rows, "cli/mod.rs") && !map_names(&rows, "w.rs"));
}
