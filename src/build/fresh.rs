//! Whether an output is up to date without reading the site: a build that changes nothing
//! should cost the files' metadata, not their parsing.
//!
//! After each build that leaves a cache, the build also leaves what it was made from as the
//! system sees it: the size, modification time and inode of every file a build reads (site.toml,
//! `content/`, `templates/`, `static/`, `themes/`, and git's refs where the pages show the last
//! edit), the options, the day and this binary, with the report the build printed. The next
//! build compares those first; only when every one is the same does it stop there, with the
//! same report. Anything it cannot compare (a file it cannot stat, a git history outside the
//! site folder) sends the build the long way, which decides as before.
//!
//! The file is written after the build's cache and removed before it, so that it never
//! outlives the cache it stands for ([`super::cache::BuildCache::forget`]).

use super::cache::{self, FileStamp};
use crate::content::load::LoadOptions;
use crate::error::{Diagnostic, Severity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Raised whenever what the file holds changes.
const FORMAT: u32 = 1;

/// A file modified this close before its stamp was taken may change again within the same
/// tick of a coarse clock (FAT and HFS+ count seconds) and keep its size: its stamp proves
/// nothing, and no sources are kept (git's "racy" files, treated the same way).
const RACY_NANOS: u128 = 2_000_000_000;

/// The folders of the site a build reads, besides site.toml.
const READ_FOLDERS: [&str; 4] = ["content", "templates", "static", "themes"];

/// What a build was made from, as the file system tells without reading, and what it reported.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct Sources {
    format: u32,
    /// A hash of the binary, the options and the output folder.
    made_with: u64,
    /// The day the pages were made for, and how it was found: pinned by an option or
    /// site.toml, or today in the site's time zone.
    today: chrono::NaiveDate,
    pinned_today: Option<chrono::NaiveDate>,
    timezone: String,
    /// Every file read, by path relative to the site; `None` for an entry that is no plain file.
    files: Vec<(String, Option<FileStamp>)>,
    /// Whether the pages show git's last edits: the refs are then among `files`, and a site
    /// whose history lives outside its folder is never taken as up to date.
    shows_history: bool,
    /// The output's own files a build reads, as the build left them.
    output: BTreeMap<String, FileStamp>,
    pub report: KeptReport,
}

/// The figures and warnings a build printed, to print again.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct KeptReport {
    pub meetings: usize,
    pub topics: usize,
    pub tasks: usize,
    pub pages: usize,
    pub files: usize,
    pub warnings: Vec<KeptDiagnostic>,
}

/// A warning as kept: every field [`Diagnostic`] prints with.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct KeptDiagnostic {
    path: PathBuf,
    line: usize,
    column: usize,
    width: usize,
    message: String,
    source_line: Option<String>,
    snippet_column: usize,
    snippet_width: usize,
}

impl From<&Diagnostic> for KeptDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        KeptDiagnostic {
            path: d.path.clone(),
            line: d.line,
            column: d.column,
            width: d.width,
            message: d.message.clone(),
            source_line: d.source_line.clone(),
            snippet_column: d.snippet_column,
            snippet_width: d.snippet_width,
        }
    }
}

impl From<KeptDiagnostic> for Diagnostic {
    fn from(d: KeptDiagnostic) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            path: d.path,
            line: d.line,
            column: d.column,
            width: d.width,
            message: d.message,
            source_line: d.source_line,
            snippet_column: d.snippet_column,
            snippet_width: d.snippet_width,
        }
    }
}

/// What a build is made with besides the site's files: this binary, the options, the output.
pub(crate) fn made_with(options: &LoadOptions, output: &Path) -> u64 {
    cache::fingerprint(&(
        FORMAT,
        env!("CARGO_PKG_VERSION"),
        cache::binary_stamp(),
        options,
        output.to_string_lossy(),
    ))
}

/// The stamps of every file a build of `root` reads, in order; git's refs too when the site
/// folder holds its repository.
pub(crate) struct Stamps {
    files: Vec<(String, Option<FileStamp>)>,
    /// When the stamps were taken, in nanoseconds since the Unix epoch.
    taken_at: u128,
}

pub(crate) fn stamps(root: &Path) -> Stamps {
    let taken_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    let mut files = Vec::new();
    let add = |files: &mut Vec<_>, path: &Path| {
        if let Ok(relative) = path.strip_prefix(root) {
            files.push((relative.to_string_lossy().into_owned(), FileStamp::of(path)));
        }
    };
    add(&mut files, &root.join("site.toml"));
    let git = root.join(".git");
    let folders = READ_FOLDERS
        .iter()
        .map(|folder| root.join(folder))
        .chain([git.join("refs")]);
    for folder in folders.filter(|folder| folder.is_dir()) {
        for entry in WalkDir::new(&folder)
            .follow_links(false)
            .sort_by_file_name()
        {
            match entry {
                Ok(entry) if !entry.file_type().is_dir() => add(&mut files, entry.path()),
                Ok(_) => {}
                // An entry that cannot be listed is never the same as before.
                Err(_) => files.push((String::new(), None)),
            }
        }
    }
    for file in ["HEAD", "packed-refs", "logs/HEAD"] {
        add(&mut files, &git.join(file));
    }
    Stamps { files, taken_at }
}

impl Sources {
    /// What to keep of a build made from `read`; none when a file was modified too close
    /// before its stamp was taken to be known by it.
    pub(crate) fn new(
        made_with: u64,
        site: &crate::model::Site,
        read: Stamps,
        output: BTreeMap<String, FileStamp>,
        report: KeptReport,
    ) -> Option<Sources> {
        let racy = read.files.iter().any(|(_, stamp)| {
            stamp.is_some_and(|stamp| stamp.modified_nanos() + RACY_NANOS > read.taken_at)
        });
        if racy {
            return None;
        }
        let files = read.files;
        let pinned_today = site.config.today;
        Some(Sources {
            format: FORMAT,
            made_with,
            today: site.today,
            pinned_today,
            timezone: site.config.timezone.name().to_string(),
            files,
            shows_history: site.meetings.iter().any(|m| m.last_edit.is_some())
                || site.initiatives.iter().any(|i| i.last_edit.is_some()),
            output,
            report,
        })
    }

    /// Whether the output at `output` is what a build of the site would make now.
    pub(crate) fn still_hold(
        &self,
        root: &Path,
        made_with: u64,
        options: &LoadOptions,
        read: &Stamps,
        output: &Path,
    ) -> bool {
        let files = &read.files;
        let Ok(timezone) = self.timezone.parse::<chrono_tz::Tz>() else {
            return false;
        };
        let today = crate::dates::resolve_today(
            options.today.or(self.pinned_today),
            timezone,
            chrono::Utc::now(),
        );
        let history_inside = !self.shows_history || root.join(".git").is_dir();
        self.format == FORMAT
            && self.made_with == made_with
            && self.today == today
            && history_inside
            && files.iter().all(|(path, _)| !path.is_empty())
            && self.files == *files
            && cache::output_stamps(output).as_ref() == Some(&self.output)
    }
}

/// The kept sources of the last build of `output`, if any reads as this dossier's.
pub(crate) fn read(root: &Path, output: &Path) -> Option<Sources> {
    let bytes = cache::read_sources_file(root, output)?;
    serde_json::from_slice::<Sources>(&bytes).ok()
}
