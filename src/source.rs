//! A file the user wrote, kept with its text so that every later stage can point into it.

use crate::error::{Diagnostic, Error};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Content files above this size are refused: nobody writes a 10 MiB meeting note by hand, and a
/// stray export or binary dropped into content/ should not take the build down.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root, as shown in messages.
    pub path: PathBuf,
    pub text: String,
}

impl SourceFile {
    /// Reads `root/relative`, refusing files that are too large or not UTF-8.
    pub fn read(root: &Path, relative: &Path) -> Result<SourceFile, Error> {
        let full = root.join(relative);
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
                Ok(SourceFile {
                    path: relative.to_path_buf(),
                    text,
                })
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

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, &self.text, span, message)
    }

    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.path, &self.text, span, message)
    }

    /// Deserialises the TOML held in `range` of the file; errors point into the file itself, not
    /// into the TOML block, so a front-matter typo on line 3 is reported on line 3.
    pub fn parse_toml<T: DeserializeOwned>(&self, range: Range<usize>) -> Result<T, Diagnostic> {
        let toml_text = &self.text[range.clone()];
        toml::from_str(toml_text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let message = e.message().trim().to_string();
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
pub fn toml_date(
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
