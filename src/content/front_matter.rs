//! The TOML front matter between `+++` lines, and where the body starts.

use crate::content::source::SourceFile;
use crate::error::Diagnostic;
use std::ops::Range;

/// Where the front matter and the body lie in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    pub toml: Range<usize>,
    pub body: Range<usize>,
}

/// Finds the TOML front matter between the first two `+++` lines.
pub fn split_front_matter(file: &SourceFile) -> Result<FrontMatter, Diagnostic> {
    let text = &file.text;
    if text.trim().is_empty() {
        return Err(file.error(
            0..0,
            "the file is empty; it must start with front matter between +++ lines",
        ));
    }
    let mut lines = line_ranges(text);
    let Some(first) = lines.next() else {
        return Err(file.error(0..0, "the file is empty"));
    };
    if text[first.clone()].trim_end() != "+++" {
        return Err(file.error(
            first.start..first.end,
            "expected `+++` on the first line, opening the front matter (title, date, ...)",
        ));
    }
    let toml_start = first.end + newline_len(text, first.end);
    for line in lines {
        if text[line.clone()].trim_end() == "+++" {
            let body_start = line.end + newline_len(text, line.end);
            return Ok(FrontMatter {
                toml: toml_start..line.start,
                body: body_start..text.len(),
            });
        }
    }
    Err(file.error(
        first.start..first.end,
        "the front matter opened here is never closed: add a line with `+++` after it",
    ))
}

/// Byte ranges of the lines of `text`, without their line endings.
fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = start..end.min(text.len());
        let content_end = if text[..end].ends_with('\r') {
            end - 1
        } else {
            end
        };
        start = end + 1;
        Some(line.start..content_end.max(line.start))
    })
}

fn newline_len(text: &str, at: usize) -> usize {
    if text[at..].starts_with("\r\n") {
        2
    } else if text[at..].starts_with('\n') {
        1
    } else {
        0
    }
}
