//! A file the user wrote, kept with its text so that every later stage can point into it.

use crate::error::{Diagnostic, Error, Severity};
use crate::site_paths::inside_site;
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// Content files above this size are refused: nobody writes a 10 MiB meeting note by hand, and a
/// stray export or binary dropped into content/ should not take the build down.
pub(crate) const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root, as shown in messages.
    pub path: PathBuf,
    pub text: Arc<str>,
    /// Byte offsets where lines start, built on first use: a file with thousands of tasks asks
    /// for thousands of line numbers, and counting from the start each time would be quadratic.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    /// Reads `root/relative`, refusing files outside the site (through a symbolic link), too
    /// large or not UTF-8.
    pub fn read(root: &Path, relative: &Path) -> Result<SourceFile, Error> {
        let full = inside_site(root, relative)?;
        let metadata = std::fs::metadata(&full).map_err(|e| Error::read(relative, e))?;
        if metadata.len() > MAX_FILE_BYTES {
            return Err(Error::Content(vec![Diagnostic::file(
                relative,
                format!(
                    "file is {} bytes; content files are limited to {MAX_FILE_BYTES} bytes",
                    metadata.len()
                ),
            )]));
        }
        let bytes = std::fs::read(&full).map_err(|e| Error::read(relative, e))?;
        Self::from_bytes(relative, bytes).map_err(|d| Error::Content(vec![d]))
    }

    /// Takes a file's bytes; invalid UTF-8 is reported at the line and column where it starts.
    pub fn from_bytes(relative: &Path, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
        match String::from_utf8(bytes) {
            Ok(mut text) => {
                if text.starts_with('\u{feff}') {
                    text.drain(..3);
                }
                let file = SourceFile::new(relative, text);
                // Control characters are forbidden in HTML and XML; refuse them where they are
                // rather than publish pages a browser or feed reader rejects.
                if let Some((at, c)) = file
                    .text
                    .char_indices()
                    .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
                {
                    return Err(file.error(
                        at..at + c.len_utf8(),
                        format!(
                            "control character U+{:04X} in the text; remove it (it is often pasted in invisibly)",
                            u32::from(c)
                        ),
                    ));
                }
                Ok(file)
            }
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let bytes = e.into_bytes();
                let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
                Err(Diagnostic::error(
                    relative,
                    &text,
                    valid..valid,
                    "the file is not valid UTF-8 here; save it as UTF-8",
                ))
            }
        }
    }

    pub fn new(relative: &Path, text: String) -> SourceFile {
        SourceFile {
            path: relative.to_path_buf(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// The 1-based line holding byte `offset`, and the offset where that line starts.
    pub fn line_at(&self, offset: usize) -> (usize, usize) {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let index = starts.partition_point(|&start| start <= offset).max(1) - 1;
        (index + 1, starts[index])
    }

    fn diagnostic(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, line_start) = self.line_at(span.start.min(self.text.len()));
        Diagnostic::on_line(
            severity, &self.path, &self.text, line, line_start, span, message,
        )
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Error, span, message)
    }

    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Warning, span, message)
    }

    /// Deserialises the TOML held in `range` of the file; errors point into the file itself, not
    /// into the TOML block, so a front-matter typo on line 3 is reported on line 3.
    pub fn parse_toml<T: DeserializeOwned>(&self, range: Range<usize>) -> Result<T, Diagnostic> {
        let toml_text = &self.text[range.clone()];
        toml::from_str(toml_text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let mut message = e.message().trim().to_string();
            // `date = "2026-11-20"`: TOML reads a quoted date as text.
            if let Some(quoted) = message
                .strip_prefix("invalid type: string \"")
                .and_then(|rest| rest.strip_suffix("\", expected a TOML datetime"))
            {
                message = format!("a date is written without quotes: {quoted}, not \"{quoted}\"");
            }
            self.error(range.start + span.start..range.start + span.end, message)
        })
    }

    /// The byte offset in this file of a span inside the TOML block that starts at `base`.
    pub fn toml_span(&self, base: usize, span: Range<usize>) -> Range<usize> {
        base + span.start..base + span.end
    }
}

/// A TOML date (`date = 2025-11-20`) as a calendar date; times and offsets are refused since a
/// meeting or target is a day.
pub(crate) fn toml_date(
    file: &SourceFile,
    base: usize,
    value: &toml::Spanned<toml::value::Datetime>,
) -> Result<NaiveDate, Diagnostic> {
    let span = file.toml_span(base, value.span());
    let datetime = value.get_ref();
    match (datetime.date, datetime.time) {
        (Some(date), None) => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .ok_or_else(|| file.error(span, format!("{date} is not a real date"))),
        _ => Err(file.error(span, "expected a date like 2025-11-20, without a time")),
    }
}
