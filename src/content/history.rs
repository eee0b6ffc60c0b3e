//! When each content file was last committed, and by whom, where the site is kept in git: read
//! with one `git log` over the history of `content/` (one call per file takes seconds on a large
//! site), kept in the site's cache folder with the commit it was read at, so that the next build
//! reads only the commits made since. Without git, or outside a repository, there is nothing to
//! say and nothing fails.

use crate::error::KeptFileProblem;
use crate::site_paths::{cache_dir, existing_cache_dir, read_kept_file, write_kept_file};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The last commit that changed a file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LastEdit {
    /// The author's date, in the author's own time zone.
    pub date: NaiveDate,
    pub author: String,
}

/// Separates commits in the log's output, and the date from the author within one.
const COMMIT_MARK: char = '\u{1e}';
const FIELD_MARK: char = '\u{1f}';

/// The last edit of every file below `root/content` that git has a commit for, by its path
/// relative to `root`. With `keep`, what was read is kept in the site's cache folder and the
/// next call reads only the commits since.
pub(crate) fn last_edits(root: &Path, keep: bool) -> HashMap<PathBuf, LastEdit> {
    let Some(head) = git(root, &["rev-parse", "--verify", "-q", "HEAD"]) else {
        return HashMap::new();
    };
    let head = head.trim().to_string();
    // A kept history that is not dossier's counts as none: the whole log is read again.
    let kept = keep.then(|| Kept::read(root).ok().flatten()).flatten();
    let edits = match kept {
        Some(kept) if kept.head == head => return kept.edits,
        // Only what came after the commit read last time, when it is still in the history.
        Some(kept) if git(root, &["merge-base", "--is-ancestor", &kept.head, &head]).is_some() => {
            let Some(newer) = log(root, Some(&format!("{}..{head}", kept.head))) else {
                return kept.edits;
            };
            let mut edits = kept.edits;
            edits.extend(newer);
            edits
        }
        _ => log(root, None).unwrap_or_default(),
    };
    if keep {
        // A cache that cannot be written costs the next build time, never this one its site.
        let _ = (Kept {
            format: KEPT_FORMAT,
            head,
            edits: edits.clone(),
        })
        .write(root);
    }
    edits
}

/// What was read, and at which commit.
#[derive(Serialize, Deserialize)]
struct Kept {
    /// Histories kept before the format had a number are of the first format.
    #[serde(default = "first_format")]
    format: u32,
    head: String,
    edits: HashMap<PathBuf, LastEdit>,
}

/// The format number of a kept history, read alone.
#[derive(Deserialize)]
struct FormatOnly {
    #[serde(default = "first_format")]
    format: u32,
}

/// Raised whenever what the kept history holds changes.
const KEPT_FORMAT: u32 = 1;

fn first_format() -> u32 {
    1
}

/// The cache's file in the site's cache folder.
pub(crate) const KEPT_FILE: &str = "git-history.json";

/// The largest kept history read: the 10,000-meeting corpus's is about 1 MB (see
/// docs/decisions.md); anything far larger is not dossier's.
pub(crate) const KEPT_LIMIT: u64 = 64 * 1024 * 1024;

/// Why the kept history in the site's cache folder would not be trusted, if it would not: a
/// build discards such a history, with a warning, before it reads the site.
pub(crate) fn kept_problem(root: &Path) -> Option<KeptFileProblem> {
    Kept::read(root).err()
}

impl Kept {
    /// The kept history: none when there is none, an error when there is one that is not
    /// dossier's (a link, not a plain file, too big, unreadable, another format).
    fn read(root: &Path) -> Result<Option<Kept>, KeptFileProblem> {
        let Some(dir) = existing_cache_dir(root) else {
            return Ok(None);
        };
        let Some(bytes) = read_kept_file(&dir.join(KEPT_FILE), KEPT_LIMIT)? else {
            return Ok(None);
        };
        let kept: Kept = serde_json::from_slice(&bytes).map_err(|e| {
            // Another format may not read as this one: its number says which it is.
            match serde_json::from_slice::<FormatOnly>(&bytes) {
                Ok(other) if other.format != KEPT_FORMAT => KeptFileProblem::OtherVersion,
                _ => KeptFileProblem::Unparsable(e.to_string()),
            }
        })?;
        if kept.format != KEPT_FORMAT {
            return Err(KeptFileProblem::OtherVersion);
        }
        Ok(Some(kept))
    }

    fn write(&self, root: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec(self)?;
        if bytes.len() as u64 > KEPT_LIMIT {
            // The next build would refuse it; it reads the whole log instead.
            return Ok(());
        }
        write_kept_file(&cache_dir(root)?.join(KEPT_FILE), &bytes)
    }
}

/// The last edits named by the commits of `range` (all of HEAD's history when none).
fn log(root: &Path, range: Option<&str>) -> Option<HashMap<PathBuf, LastEdit>> {
    let mut args = vec!["log", "--no-color", "--relative", "--name-only"];
    args.push("--format=%x1e%aI%x1f%an");
    args.extend(range);
    args.extend(["--", "content"]);
    git(root, &args).map(|text| parse_log(&text))
}

/// What git prints for `args` in the site's folder; None when git is missing, the folder is no
/// repository, or the command fails.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        // Names as they are (not quoted octal), and nothing from the user's pager or colours.
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Reads `git log --name-only` output, newest commit first: the first commit that names a file
/// is its last edit.
fn parse_log(log: &str) -> HashMap<PathBuf, LastEdit> {
    let mut edits = HashMap::new();
    for commit in log.split(COMMIT_MARK).filter(|c| !c.trim().is_empty()) {
        let mut lines = commit.lines();
        let Some((date, author)) = lines.next().and_then(|l| l.split_once(FIELD_MARK)) else {
            continue;
        };
        let Some(date) = date
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            continue;
        };
        for name in lines.map(str::trim).filter(|l| !l.is_empty()) {
            edits
                .entry(PathBuf::from(name))
                .or_insert_with(|| LastEdit {
                    date,
                    author: author.trim().to_string(),
                });
        }
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_commit_naming_a_file_is_its_last_edit() {
        let log = "\u{1e}2025-11-20T09:00:00+01:00\u{1f}Ann Smith\n\ncontent/meetings/b.md\n\n\
                   \u{1e}2025-11-03T17:30:00-05:00\u{1f}Bo\n\ncontent/meetings/a.md\ncontent/meetings/b.md\n\
                   \u{1e}not a date\u{1f}Cy\n\ncontent/meetings/c.md\n";
        let edits = parse_log(log);
        let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
        assert_eq!(
            edits[Path::new("content/meetings/b.md")],
            LastEdit {
                date: day("2025-11-20"),
                author: "Ann Smith".into()
            }
        );
        assert_eq!(edits[Path::new("content/meetings/a.md")].author, "Bo");
        assert_eq!(
            edits[Path::new("content/meetings/a.md")].date,
            day("2025-11-03")
        );
        assert!(!edits.contains_key(Path::new("content/meetings/c.md")));
    }

    #[test]
    fn outside_a_repository_there_is_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert!(last_edits(dir.path(), true).is_empty());
        assert!(!dir.path().join(crate::site_paths::CACHE_DIR).exists());
    }
}
