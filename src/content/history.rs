//! When each content file was last committed, and by whom, where the site is kept in git: read
//! with one `git log` over the history of `content/` (one call per file takes seconds on a large
//! site), kept in the site's cache folder with the commit it was read at, so that the next build
//! reads only the commits made since. Without git, or outside a repository, there is nothing to
//! say and nothing fails.

use crate::site_paths::cache_dir;
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
pub fn last_edits(root: &Path, keep: bool) -> HashMap<PathBuf, LastEdit> {
    let Some(head) = git(root, &["rev-parse", "--verify", "-q", "HEAD"]) else {
        return HashMap::new();
    };
    let head = head.trim().to_string();
    let kept = keep.then(|| Kept::read(root)).flatten();
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
    head: String,
    edits: HashMap<PathBuf, LastEdit>,
}

/// The cache's file in the site's cache folder.
const KEPT_FILE: &str = "git-history.json";

impl Kept {
    fn read(root: &Path) -> Option<Kept> {
        let text = std::fs::read(root.join(crate::site_paths::CACHE_DIR).join(KEPT_FILE)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    fn write(&self, root: &Path) -> std::io::Result<()> {
        let path = cache_dir(root)?.join(KEPT_FILE);
        let temporary = path.with_extension("part");
        std::fs::write(&temporary, serde_json::to_vec(self)?)?;
        std::fs::rename(&temporary, &path)
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
