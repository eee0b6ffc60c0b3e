//! What a meeting's writer meant but dossier would not read, reported as warnings: a file
//! name with another date, template placeholders, a task nobody owns, `due: DATE` with a space;
//! and the kept recap's name, refused when it is more than a bare file name.

use super::TaskDoc;
use crate::content::source::SourceFile;
use crate::error::Diagnostic;
use crate::paths::{is_safe_segment, slugify};
use chrono::NaiveDate;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Warns when a meeting's file name starts with another date than the one it states.
pub(super) fn date_matches_name(
    source: &SourceFile,
    slug: &str,
    date: NaiveDate,
    span: Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let named = slug.get(..10).and_then(|d| d.parse::<NaiveDate>().ok());
    if let Some(named) = named.filter(|&named| named != date) {
        diagnostics.push(source.warning(
            span,
            format!(
                "the file name says {named} but the meeting's date is {date}; rename the file or fix the date"
            ),
        ));
    }
}

/// Placeholder text of the `dossier new` template, which a writer means to replace. (The
/// example meeting of `dossier init` reads as a real one and is left alone, so that a new
/// site checks clean.)
pub(crate) const TEMPLATE_PHRASES: &[&str] = &[
    "## First topic",
    "Who discussed what.",
    "- **A point:** what was said.",
];

/// Warns about template text left in a meeting's body (which starts at `body_start`).
pub(super) fn template_text(
    source: &SourceFile,
    body_start: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for phrase in TEMPLATE_PHRASES {
        if let Some(at) = source.text[body_start..].find(phrase) {
            let start = body_start + at;
            diagnostics.push(source.warning(
                start..start + phrase.len(),
                "text from the template of `dossier new`: replace it with the meeting's own, or delete it",
            ));
        }
    }
}

/// What a task's writer meant but dossier would not read: a task nobody owns, a deadline
/// written `due: DATE` with a space (which is text).
pub(super) fn check_task(
    source: &SourceFile,
    item: Range<usize>,
    task: &TaskDoc,
    diagnostics: &mut Vec<Diagnostic>,
) {
    static SPACED_DUE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let text = &source.text[item.clone()];
    let first_line = item.start..item.start + text.find('\n').unwrap_or(text.len());
    if task.owners.is_empty() && !task.done && !task.team_owned {
        diagnostics.push(source.warning(
            first_line,
            "this task names no owner: end it with @id, as in `- [ ] **Send the plan:** … @sam`",
        ));
    }
    let spaced = SPACED_DUE.get_or_init(|| {
        regex::Regex::new(r"(?i)\bdue\s*:\s+(\d{4}-\d{1,2}(?:-\d{1,2})?|\d{4}-Q[1-4])\b").ok()
    });
    if let Some(found) = spaced.as_ref().and_then(|re| re.captures(text)) {
        if let (Some(whole), Some(date)) = (found.get(0), found.get(1)) {
            let span = item.start + whole.start()..item.start + whole.end();
            diagnostics.push(source.warning(
                span,
                format!(
                    "`{}` is text, not a deadline: write due:{} without a space",
                    whole.as_str(),
                    date.as_str()
                ),
            ));
        }
    }
}

/// A task's `{#id}` names its page (`tasks/ID/`) and joins its mentions across meetings: it
/// must be usable in an address and name one task of the meeting.
pub(super) fn check_task_ids(
    source: &SourceFile,
    tasks: &[TaskDoc],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for task in tasks {
        let Some(id) = &task.id else { continue };
        let fixed = slugify(&id.slug);
        if !is_safe_segment(&id.slug) || fixed != id.slug {
            let example = if fixed.is_empty() {
                slugify(&task.title)
            } else {
                fixed
            };
            diagnostics.push(source.error(
                id.span.clone(),
                format!(
                    "task id `{}` cannot be used in an address: use lower-case letters, digits and hyphens, e.g. {{#{example}}}",
                    id.slug
                ),
            ));
            continue;
        }
        if let Some(&first_line) = seen.get(id.slug.as_str()) {
            diagnostics.push(source.error(
                id.span.clone(),
                format!(
                    "a second task with the id `{}` in this meeting (the first is on line {first_line}); an id names one task, continued in later meetings",
                    id.slug
                ),
            ));
        } else {
            seen.insert(&id.slug, task.line);
        }
    }
}

/// The extensions a kept recap may have: those `dossier import` reads.
pub(crate) const RECAP_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "eml", "docx"];

/// The kept recap `recap = "…"` names: a file in `content/recaps/`, by its bare name, of a
/// kind import reads, so that no front matter can publish a file from elsewhere.
pub(super) fn kept_recap(
    source: &SourceFile,
    toml_start: usize,
    name: &Spanned<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PathBuf> {
    let written = name.get_ref();
    let extension = Path::new(written)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bare = !written.is_empty()
        && !written.starts_with('.')
        && !written.contains(['/', '\\', ':'])
        && written.chars().all(|c| !c.is_control());
    if bare && RECAP_EXTENSIONS.contains(&extension.as_str()) {
        return Some(Path::new(crate::site_paths::RECAPS_DIR).join(written));
    }
    let span = source.toml_span(toml_start, name.span());
    diagnostics.push(source.error(
        span,
        format!(
            "`recap` names a file in {}/ by its name alone (no folder), ending in .{}",
            crate::site_paths::RECAPS_DIR,
            RECAP_EXTENSIONS.join(", .")
        ),
    ));
    None
}
