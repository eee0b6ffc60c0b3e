//! Errors and diagnostics. Every failure travels up as an [`Error`] and is rendered once, in
//! `cli::run`; content problems carry a [`Diagnostic`] that points at file, line and column.

use std::fmt;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use unicode_width::UnicodeWidthStr;

/// How serious a diagnostic is: errors stop the build, warnings are printed and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A problem in a file the user wrote, with the position to fix it at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root.
    pub path: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// How many characters the caret underlines (at least one).
    pub width: usize,
    pub message: String,
    /// The offending line, shown under the message as rustc does; a long line only around
    /// the problem.
    pub source_line: Option<String>,
    /// Where the caret goes under `source_line`, in terminal cells: its 1-based column and
    /// its width.
    #[serde(skip)]
    pub snippet_column: usize,
    #[serde(skip)]
    pub snippet_width: usize,
}

/// Characters of a long line shown before and after the problem.
const SNIPPET_BEFORE: usize = 60;
const SNIPPET_AFTER: usize = 100;

/// The part of a line shown under a message, as a terminal shows it (tabs as four spaces), with
/// the caret's column in it and its width in terminal cells (a CJK character takes two): the
/// whole line when short, else a window around the problem marked with `…`. Thousands of
/// problems on one long pasted line must not each carry a copy of the line.
fn snippet(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let start = floor_char_boundary(line, start.min(line.len()));
    let end = floor_char_boundary(line, end.clamp(start, line.len()));
    let (from, to) = if line.len() <= SNIPPET_BEFORE + SNIPPET_AFTER {
        (0, line.len())
    } else {
        let from = line[..start]
            .char_indices()
            .rev()
            .take(SNIPPET_BEFORE)
            .last()
            .map_or(start, |(at, _)| at);
        let to = line[start..]
            .char_indices()
            .nth(SNIPPET_AFTER)
            .map_or(line.len(), |(at, _)| start + at);
        (from, to)
    };
    let as_shown = |text: &str| text.replace('\t', "    ");
    let mut shown = String::new();
    let mut caret = 1;
    if from > 0 {
        shown.push('…');
        caret += 1;
    }
    caret += as_shown(&line[from..start]).width();
    let width = as_shown(&line[start..end.min(to)]).width().max(1);
    shown.push_str(&as_shown(&line[from..to]));
    if to < line.len() {
        shown.push('…');
    }
    (shown, caret, width)
}

impl Diagnostic {
    /// A diagnostic for the byte range `span` of `source`, the full text of `path`.
    pub fn at(
        severity: Severity,
        path: &Path,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line = source[..start].matches('\n').count() + 1;
        Self::on_line(severity, path, source, line, line_start, span, message)
    }

    /// As [`Diagnostic::at`], for a caller that already knows the line the span starts on and
    /// where that line starts (a file with a line index), so no scan from the file's start.
    pub fn on_line(
        severity: Severity,
        path: &Path,
        source: &str,
        line: usize,
        line_start: usize,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line_start = line_start.min(start);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let column = source[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(source, span.end.clamp(start, line_end));
        let width = source[start..end].chars().count().max(1);
        let line_text = source[line_start..line_end].trim_end_matches('\r');
        let (source_line, snippet_column, snippet_width) =
            snippet(line_text, start - line_start, end - line_start);
        Diagnostic {
            severity,
            path: path.to_path_buf(),
            line,
            column,
            width,
            message: message.into(),
            source_line: Some(source_line),
            snippet_column,
            snippet_width,
        }
    }

    /// An error at a byte range of a file.
    pub fn error(
        path: &Path,
        source: &str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self::at(Severity::Error, path, source, span, message)
    }

    /// A problem with a whole file (unreadable, empty, not UTF-8), with no line to show.
    pub fn file(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            width: 1,
            message: message.into(),
            source_line: None,
            snippet_column: 1,
            snippet_width: 1,
        }
    }

    /// The same diagnostic placed on a line (for inputs read line by line).
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = line;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The same diagnostic raised to an error (`dossier check` is strict about warnings).
    pub fn into_error(mut self) -> Self {
        self.severity = Severity::Error;
        self
    }
}

/// Text made safe to print on a terminal: control characters (an escape sequence, a lone
/// carriage return that would overwrite the line) are shown as `\u{1b}` instead of acting.
/// Line feeds and tabs stay.
pub(crate) fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let acts = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(acts) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if acts(c) {
            safe.push_str(&c.escape_unicode().to_string());
        } else {
            safe.push(c);
        }
    }
    std::borrow::Cow::Owned(safe)
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        // The first line is `path:line:col: severity: message` so editors and CI annotations can
        // jump to it; the snippet below is for people.
        writeln!(
            f,
            "{}:{}:{}: {label}: {}",
            terminal_safe(&self.path.to_string_lossy()),
            self.line,
            self.column,
            terminal_safe(&self.message)
        )?;
        if let Some(source_line) = &self.source_line {
            let gutter = self.line.to_string().len();
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{} | {}", self.line, terminal_safe(source_line))?;
            write!(
                f,
                "{:gutter$} | {}{}",
                "",
                " ".repeat(self.snippet_column.saturating_sub(1)),
                "^".repeat(self.snippet_width)
            )?;
        }
        Ok(())
    }
}

/// Everything that can stop a command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Problems in the user's files, all of them, so one run shows everything to fix.
    #[error("{}", render_diagnostics(.0))]
    Content(Vec<Diagnostic>),
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    /// A template that does not compile or render; Tera's report names the template and line.
    #[error("template error: {0}")]
    Template(String),
    /// An output folder dossier refuses to write, for the user's safety.
    #[error("refusing to write the site to {}: {reason}", path.display())]
    UnsafeOutput { path: PathBuf, reason: String },
    /// The command line is not usable as given: a flag, a value or the place it was run from.
    /// A problem in the site's files is `Content`, with its position.
    #[error("{0}")]
    Usage(String),
    /// Something that should not fail did (a search structure too large to build, a socket
    /// without an address): not the user's input, and said as such.
    #[error("internal failure: {0}")]
    Internal(String),
    /// A symbolic link that leads out of the site folder, which is never followed.
    #[error("{}: {}", link.display(), outside_message(target))]
    OutsideSite { link: PathBuf, target: PathBuf },
}

/// Why a file dossier keeps for itself (a build cache, the git history it read, the note
/// naming a cache's output) is not trusted. Such a file is never followed out of the site,
/// never read when it is not a plain file, and never read past a size dossier would write.
#[derive(Debug, thiserror::Error)]
pub enum KeptFileProblem {
    #[error("it is a symbolic link")]
    Link,
    #[error("it is not a folder")]
    NotFolder,
    #[error("it is not a plain file (a folder, FIFO, socket or device)")]
    NotPlainFile,
    #[error("it is {len} bytes, more than dossier writes there ({limit} at most)")]
    TooBig { len: u64, limit: u64 },
    #[error("it cannot be read ({0})")]
    Unreadable(io::Error),
    #[error("it does not read as dossier's ({0})")]
    Unparsable(String),
    #[error("another version of dossier wrote it")]
    OtherVersion,
}

/// What a build did with a kept file or folder it did not trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remedy {
    /// Removed; what it held is made again (a build cache missing means every page rendered).
    Removed,
    /// The link itself was removed, never what it leads to; a folder is made in its place.
    LinkRemoved,
    /// Left as it is: the build neither reads nor keeps a cache there.
    LeftAlone,
    /// Could not be removed; it is not read.
    Ignored,
}

impl fmt::Display for Remedy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Remedy::Removed => "it was removed, and dossier makes a new one when it needs one",
            Remedy::LinkRemoved => {
                "the link was removed (not what it leads to) and a folder of the site takes its place"
            }
            Remedy::LeftAlone => {
                "it was left as it is, and this build neither reads nor keeps a cache (move it away to have one)"
            }
            Remedy::Ignored => "it could not be removed, and is not read",
        })
    }
}

/// A kept file or folder a build did not trust, and what it did instead: a warning, since the
/// build goes on without it.
#[derive(Debug, thiserror::Error)]
#[error("{}: {problem}; {remedy}", path.display())]
pub struct CacheWarning {
    /// Relative to the site root.
    pub path: PathBuf,
    pub problem: KeptFileProblem,
    pub remedy: Remedy,
}

impl CacheWarning {
    /// A file of the cache folder (`name` in it) found wrong, and removed if `removed`.
    pub fn in_cache(name: &str, problem: KeptFileProblem, removed: bool) -> CacheWarning {
        CacheWarning {
            path: Path::new(crate::site_paths::CACHE_DIR).join(name),
            problem,
            remedy: if removed {
                Remedy::Removed
            } else {
                Remedy::Ignored
            },
        }
    }
}

fn outside_message(target: &Path) -> String {
    format!(
        "symbolic link to outside the site folder ({}); dossier reads and writes only inside the site folder (copy the files in instead)",
        target.display()
    )
}

fn render_diagnostics(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&diagnostic.to_string());
        out.push_str("\n\n");
    }
    out.push_str(&crate::plural(errors, "error"));
    if warnings > 0 {
        out.push_str(&format!(" and {}", crate::plural(warnings, "warning")));
    }
    out.push_str(" found; nothing was written");
    out
}

impl Error {
    /// The process exit status the spec assigns: 1 for content and I/O, 2 for usage.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// The problem as a diagnostic on a file: on the link itself for a link out of the site,
    /// else on `path`.
    pub fn into_diagnostic(self, path: &Path) -> Diagnostic {
        match self {
            Error::OutsideSite { link, target } => {
                Diagnostic::file(&link, outside_message(&target))
            }
            Error::Content(mut diagnostics) if diagnostics.len() == 1 => diagnostics.swap_remove(0),
            other => Diagnostic::file(path, other.to_string()),
        }
    }

    pub fn read(path: &Path, source: io::Error) -> Self {
        Error::Read {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn write(path: &Path, source: io::Error) -> Self {
        Error::Write {
            path: path.to_path_buf(),
            source,
        }
    }
}

pub(crate) type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_is_counted_in_characters_on_the_right_line() {
        let source = "a = 1\nbé = \"x\"\nzz = 2\n";
        let offset = source.find("\"x\"").unwrap();
        let d = Diagnostic::error(Path::new("f.toml"), source, offset..offset + 3, "bad");
        assert_eq!((d.line, d.column, d.width), (2, 6, 3));
        assert_eq!(d.source_line.as_deref(), Some("bé = \"x\""));
        let shown = d.to_string();
        assert!(shown.starts_with("f.toml:2:6: error: bad\n"), "{shown}");
        assert!(shown.ends_with("  |      ^^^"), "{shown}");
    }

    #[test]
    fn control_characters_in_a_snippet_do_not_reach_the_terminal() {
        let source = "title = \"\x1b]0;owned\x07 x\rforged\"\n";
        let d = Diagnostic::error(Path::new("f.toml"), source, 0..5, "bad \x1b[2J");
        let shown = d.to_string();
        assert!(!shown.contains('\x1b') && !shown.contains('\x07') && !shown.contains('\r'));
        assert!(
            shown.contains("\\u{1b}]0;owned\\u{7} x\\u{d}forged"),
            "{shown}"
        );
        assert_eq!(terminal_safe("plain\ttext\n"), "plain\ttext\n");
    }

    #[test]
    fn a_long_line_is_shown_around_the_problem() {
        let line = format!("{}@nobody{}", "a ".repeat(5_000), " b".repeat(5_000));
        let at = line.find("@nobody").unwrap();
        let d = Diagnostic::error(Path::new("f.md"), &line, at..at + 7, "unknown");
        assert_eq!((d.line, d.column, d.width), (1, at + 1, 7));
        let snippet = d.source_line.as_deref().unwrap();
        assert!(snippet.len() < 200, "{snippet}");
        assert!(snippet.starts_with('…') && snippet.ends_with('…'));
        let shown = d.to_string();
        let caret_line = shown.lines().last().unwrap();
        let snippet_line = shown.lines().nth(2).unwrap();
        let caret_at = caret_line.find('^').unwrap();
        let under: String = snippet_line.chars().skip(caret_at).take(7).collect();
        assert_eq!(under, "@nobody", "{shown}");
    }

    #[test]
    fn the_caret_stands_under_the_problem_after_tabs_and_wide_characters() {
        for line in [
            "\tx = 会议 @nobody here",
            "日本語の会議 @nobody here",
            "a\t\tb @nobody",
        ] {
            let at = line.find("@nobody").unwrap();
            let d = Diagnostic::error(Path::new("f.md"), line, at..at + 7, "unknown");
            let shown = d.to_string();
            let lines: Vec<&str> = shown.lines().collect();
            let (snippet, carets) = (lines[2], lines[3]);
            let caret_cells = carets.find('^').unwrap();
            // Cells before the caret are the cells of the snippet's text before the name.
            let name_at = snippet.find("@nobody").unwrap();
            assert_eq!(snippet[..name_at].width(), caret_cells, "{shown}");
            assert_eq!(carets.matches('^').count(), 7, "{shown}");
            assert!(!snippet.contains('\t'));
        }
    }

    #[test]
    fn span_past_the_end_is_clamped() {
        let d = Diagnostic::error(Path::new("f"), "abc", 10..12, "eof");
        assert_eq!((d.line, d.column), (1, 4));
    }
}
