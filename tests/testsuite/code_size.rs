//! The sizes that keep the code readable (ARCHITECTURE.md): no function outside tests of 80
//! lines or more, no source file over 700 lines. (Template lines: `render/theme.rs`.)

use std::path::{Path, PathBuf};

const LONGEST_FUNCTION: usize = 79;
const LONGEST_FILE: usize = 700;

fn files(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(&path, extension));
        } else if path.extension().is_some_and(|e| e == extension) {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// `code` with every string, character literal and comment made spaces (line ends kept), so
/// that braces and `fn` are only the code's own.
fn code_only(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = chars.clone();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for c in out.iter_mut().take(to.min(chars.len())).skip(from) {
            if *c != '\n' {
                *c = ' ';
            }
        }
    };
    let starts = |at: usize, s: &str| {
        s.chars()
            .enumerate()
            .all(|(i, c)| chars.get(at + i) == Some(&c))
    };
    let find = |from: usize, s: &str| (from..chars.len()).find(|&at| starts(at, s));
    let mut at = 0;
    while at < chars.len() {
        let before_is_word = at > 0 && (chars[at - 1].is_alphanumeric() || chars[at - 1] == '_');
        let end = if starts(at, "//") {
            find(at, "\n").unwrap_or(chars.len())
        } else if starts(at, "/*") {
            find(at + 2, "*/").map_or(chars.len(), |e| e + 2)
        } else if chars[at] == 'r'
            && !before_is_word
            && matches!(chars.get(at + 1), Some('"' | '#'))
        {
            let hashes = chars[at + 1..].iter().take_while(|c| **c == '#').count();
            if chars.get(at + 1 + hashes) != Some(&'"') {
                at += 1;
                continue;
            }
            let closing = format!("\"{}", "#".repeat(hashes));
            find(at + 2 + hashes, &closing).map_or(chars.len(), |e| e + closing.len())
        } else if chars[at] == '"' {
            let mut e = at + 1;
            while e < chars.len() && chars[e] != '"' {
                e += if chars[e] == '\\' { 2 } else { 1 };
            }
            e + 1
        } else if chars[at] == '\'' {
            // A character literal ('{', '\n', '\u{2019}'), not a lifetime ('a).
            match (chars.get(at + 1), chars.get(at + 2)) {
                (Some('\\'), _) => find(at + 2, "'").map_or(at + 1, |e| e + 1),
                (Some(_), Some('\'')) => at + 3,
                _ => at + 1,
            }
        } else {
            at += 1;
            continue;
        };
        blank(&mut out, at, end);
        at = end.max(at + 1);
    }
    out.into_iter().collect()
}

/// Each function with a body in `code` (before its `#[cfg(test)]` module): its name, first line
/// and length in lines.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let code = code.split("#[cfg(test)]").next().unwrap_or(code);
    let code = code_only(code);
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut search = 0;
    while let Some(offset) = code[search..].find("fn ") {
        let at = search + offset;
        search = at + 3;
        if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
            continue;
        }
        let name: String = code[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let (Some(open), semicolon) = (code[at..].find('{'), code[at..].find(';')) else {
            continue;
        };
        if semicolon.is_some_and(|semicolon| semicolon < open) {
            continue;
        }
        let mut depth = 0;
        let mut close = at + open;
        for (i, byte) in bytes.iter().enumerate().skip(at + open) {
            match byte {
                b'{' => depth += 1,
                b'}' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                close = i;
                break;
            }
        }
        let first = code[..at].matches('\n').count() + 1;
        let last = code[..close].matches('\n').count() + 1;
        found.push((name, first, last - first + 1));
    }
    found
}

#[test]
fn the_function_reader_counts_braces_of_code_only() {
    let code = "fn short() {\n    let s = \"}}}\";\n    let c = '}';\n    // }\n}\n\nfn long<'a>(x: &'a str) {\n    let r = r#\"{\"#;\n\n\n    /* { */\n}\nfn declared();\n#[cfg(test)]\nfn in_tests() {\n}\n";
    assert_eq!(
        functions(code),
        vec![("short".to_string(), 1, 5), ("long".to_string(), 7, 6)]
    );
}

#[test]
fn no_function_outside_tests_is_80_lines_or_more() {
    let src = crate::common::example_root().join("src");
    let mut long = Vec::new();
    let mut counted = 0;
    for file in files(&src, "rs") {
        let relative = file.strip_prefix(&src).unwrap().display().to_string();
        // Unit tests and the generated recaps the importer is measured on are tables, not logic.
        if relative.ends_with("tests.rs") || relative.contains("simulate") {
            continue;
        }
        for (name, line, length) in functions(&std::fs::read_to_string(&file).unwrap()) {
            counted += 1;
            if length > LONGEST_FUNCTION {
                long.push(format!("src/{relative}:{line}: `{name}` is {length} lines"));
            }
        }
    }
    assert!(counted > 500, "only {counted} functions were found");
    assert!(
        long.is_empty(),
        "functions of {} lines or more (split them along what they do):\n{}",
        LONGEST_FUNCTION + 1,
        long.join("\n")
    );
}

#[test]
fn no_source_file_is_over_700_lines() {
    let src = crate::common::example_root().join("src");
    let long: Vec<String> = files(&src, "rs")
        .into_iter()
        .filter_map(|file| {
            let lines = std::fs::read_to_string(&file).unwrap().lines().count();
            (lines > LONGEST_FILE).then(|| format!("{}: {lines} lines", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "{}", long.join("\n"));
}
