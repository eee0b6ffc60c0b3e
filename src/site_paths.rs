//! Where a site's sources are, and the site folder as a trust boundary. Every file dossier reads or writes on the site's side
//! resolves, symbolic links followed, to a place inside the site folder; a link that leaves it is
//! an error that names the link, and the file behind it is never opened, so no message can echo
//! what it holds.

use crate::error::{Diagnostic, Error, KeptFileProblem, Result};
use crate::paths::{is_safe_segment, slugify};
use std::ffi::OsStr;
use std::path::{Component, Path, PathBuf};

/// Where meetings and initiatives are, relative to the site root.
pub(crate) const MEETINGS_DIR: &str = "content/meetings";
pub(crate) const INITIATIVES_DIR: &str = "content/initiatives";
/// The recaps meetings were imported from, as the tools sent them (`dossier import` keeps them).
pub(crate) const RECAPS_DIR: &str = "content/recaps";

/// A Markdown file found under a content folder.
#[derive(Debug, Clone)]
pub struct ContentFile {
    /// Relative to the site root.
    pub path: PathBuf,
    pub slug: String,
}

/// Every `.md` file below `root/dir`, sorted, with its slug. Symbolic links are followed only
/// when they stay inside the site; loops are reported; editor files are skipped.
pub(crate) fn markdown_files(root: &Path, dir: &Path) -> Result<Vec<ContentFile>> {
    let (found, mut problems) = files_under(root, dir, LinksMayLead::InsideTheSite);
    let mut files = Vec::with_capacity(found.len());
    for file in found {
        let path = Path::new(&file.name);
        if path.extension().is_none_or(|ext| ext != "md") {
            continue;
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_safe_segment(&stem) || stem != slugify(&stem) {
            problems.push(Diagnostic::file(
                &file.relative,
                format!(
                    "the file name is the page address and must be a slug: rename it to {}.md",
                    slugify(&stem)
                ),
            ));
            continue;
        }
        files.push(ContentFile {
            path: file.relative,
            slug: stem,
        });
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Error::Content(problems))
    }
}

/// Resolves `relative` (a path inside the site at `root`) to its real place, refusing any
/// symbolic link on the way that leads out of the site. The path need not exist: the part that
/// does is checked, and what is below it can only be created inside.
pub(crate) fn inside_site(root: &Path, relative: &Path) -> Result<PathBuf> {
    let real_root = root.canonicalize().map_err(|e| Error::read(root, e))?;
    let mut real = real_root.clone();
    let mut shown = PathBuf::new();
    let mut components = relative.components();
    while let Some(component) = components.next() {
        let part = match component {
            Component::Normal(part) => part,
            Component::CurDir => continue,
            _ => {
                return Err(Error::OutsideSite {
                    link: relative.to_path_buf(),
                    target: root.join(relative),
                })
            }
        };
        shown.push(part);
        let next = real.join(part);
        match std::fs::symlink_metadata(&next) {
            Ok(metadata) if metadata.file_type().is_symlink() => {
                let target = next.canonicalize().unwrap_or_else(|_| {
                    // A dangling link: name where it points, resolved against its folder.
                    let pointed = std::fs::read_link(&next).unwrap_or_default();
                    lexically_normal(&real.join(pointed))
                });
                if !target.starts_with(&real_root) {
                    return Err(Error::OutsideSite {
                        link: shown,
                        target,
                    });
                }
                real = target;
            }
            Ok(_) => real = next,
            Err(_) => {
                // Not there (yet): nothing below it can be a link.
                real = next;
                real.extend(components);
                return Ok(real);
            }
        }
    }
    Ok(real)
}

/// `path` with `.` and `..` worked out on the text alone (for a link whose target is missing).
fn lexically_normal(path: &Path) -> PathBuf {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal
}

/// A file found below a folder of the site.
#[derive(Debug, Clone)]
pub(crate) struct FoundFile {
    /// Relative to the site root, as shown in messages.
    pub relative: PathBuf,
    /// Relative to the folder that was walked, with `/` separators.
    pub name: String,
}

/// Every file below `dir` (relative to the site root), sorted by name, with the problems met:
/// symbolic links that leave the site, link loops, unreadable entries. Hidden files and the
/// files editors leave beside the ones being edited (lock links, backups, swap files) are
/// skipped. A missing folder has no files.
/// Where a link below a folder may lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinksMayLead {
    /// Anywhere inside the site: sources, which are read, not published as they are.
    InsideTheSite,
    /// Only within the folder: files published as they are (`static/`), which must never
    /// copy the notes, the caches or site.toml into the output.
    WithinTheFolder,
}

pub(crate) fn files_under(
    root: &Path,
    dir: &Path,
    links: LinksMayLead,
) -> (Vec<FoundFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let real_dir = match inside_site(root, dir) {
        Ok(real) => real,
        Err(error) => return (files, vec![error.into_diagnostic(dir)]),
    };
    if !real_dir.is_dir() {
        return (files, problems);
    }
    let Ok(real_root) = root.canonicalize() else {
        return (files, problems);
    };
    let mut walk = walkdir::WalkDir::new(&real_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| entry.depth() == 0 || !is_editor_or_hidden(entry.file_name()));
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(&real_dir);
                if path.file_name().is_some_and(is_editor_or_hidden) {
                    continue;
                }
                let relative = dir.join(path.strip_prefix(&real_dir).unwrap_or(path));
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop; remove the link".to_string()
                } else {
                    format!("cannot read: {e}")
                };
                problems.push(Diagnostic::file(&relative, message));
                continue;
            }
        };
        let inner = entry.path().strip_prefix(&real_dir).unwrap_or(entry.path());
        let relative = dir.join(inner);
        if entry.path_is_symlink() {
            // A link is published as what it leads to: it may lead only within the folder
            // being published. Elsewhere in the site are the notes themselves (a link to
            // content/ would publish every internal line), the caches and site.toml.
            let refused = refused_link(entry.path(), &relative, dir, &real_dir, &real_root, links);
            if let Some(problem) = refused {
                problems.push(problem);
                // Nothing below a refused folder link is read either.
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                continue;
            }
        }
        if entry.file_type().is_file() {
            files.push(FoundFile {
                name: inner.to_string_lossy().replace('\\', "/"),
                relative,
            });
        }
    }
    (files, problems)
}

/// Why the link at `path` (shown as `relative`) may not be published: it leads out of `dir`
/// (`real_dir`) to elsewhere in the site (unless `links` allows it), out of the site, or
/// nowhere readable.
fn refused_link(
    path: &Path,
    relative: &Path,
    dir: &Path,
    real_dir: &Path,
    real_root: &Path,
    links: LinksMayLead,
) -> Option<Diagnostic> {
    match path.canonicalize() {
        Ok(target) if target.starts_with(real_dir) => None,
        Ok(target)
            if target.starts_with(real_root) && links == LinksMayLead::InsideTheSite =>
        {
            None
        }
        Ok(target) if target.starts_with(real_root) => Some(Diagnostic::file(
            relative,
            format!(
                "this link leads out of {} to {}, which would be published as it is; copy the file in, or link within {}",
                dir.display(),
                target.strip_prefix(real_root).unwrap_or(&target).display(),
                dir.display()
            ),
        )),
        Ok(target) => Some(
            Error::OutsideSite {
                link: relative.to_path_buf(),
                target,
            }
            .into_diagnostic(dir),
        ),
        Err(e) => Some(Diagnostic::file(relative, format!("cannot read: {e}"))),
    }
}

/// Names of files nobody means to publish: hidden files (`.x`, macOS's `._x` and Emacs's `.#x`
/// lock links among them), backups (`x~`, `#x#`) and swap files (`.x.swp`).
pub(crate) fn is_editor_or_hidden(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".swx")
}

/// The folder of the site that holds dossier's caches (builds, git history); it ignores itself
/// in git.
pub(crate) const CACHE_DIR: &str = ".dossier-cache";

/// The site's cache folder, made with its `.gitignore` if it is not there yet. A link or
/// anything else but a folder at its name is refused, never written through.
pub(crate) fn cache_dir(root: &Path) -> std::io::Result<PathBuf> {
    let dir = root.join(CACHE_DIR);
    if existing_cache_dir(root).is_none() {
        // Another build may make it at the same time; what counts is what is there after.
        let _ = std::fs::create_dir(&dir);
        if existing_cache_dir(root).is_none() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{CACHE_DIR} is a link or not a folder"),
            ));
        }
    }
    let ignore = dir.join(".gitignore");
    if !std::fs::symlink_metadata(&ignore).is_ok_and(|m| m.is_file()) {
        write_kept_file(
            &ignore,
            b"# Build caches of dossier, made again by any build.\n*\n",
        )?;
    }
    Ok(dir)
}

/// The site's cache folder when it is one: a folder of the site, not a link to one.
pub(crate) fn existing_cache_dir(root: &Path) -> Option<PathBuf> {
    let dir = root.join(CACHE_DIR);
    std::fs::symlink_metadata(&dir)
        .is_ok_and(|m| m.is_dir())
        .then_some(dir)
}

/// Reads a file dossier keeps for itself (a cache, a file of its previous build): none when
/// it is missing; refused when it is a link (never followed), not a plain file (a FIFO would
/// block the build, a device never end) or longer than `limit` bytes.
pub(crate) fn read_kept_file(path: &Path, limit: u64) -> Result<Option<Vec<u8>>, KeptFileProblem> {
    use std::io::Read;
    let metadata = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(KeptFileProblem::Unreadable(e)),
        Ok(metadata) => metadata,
    };
    plain_within(&metadata, limit)?;
    // Opened without following a link or waiting for a FIFO's writer, and looked at again
    // once open: the name may lead elsewhere since.
    let file = open_no_follow(path).map_err(KeptFileProblem::Unreadable)?;
    let opened = file.metadata().map_err(KeptFileProblem::Unreadable)?;
    plain_within(&opened, limit)?;
    let mut bytes = Vec::with_capacity(opened.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(KeptFileProblem::Unreadable)?;
    let len = bytes.len() as u64;
    if len > limit {
        return Err(KeptFileProblem::TooBig { len, limit });
    }
    Ok(Some(bytes))
}

/// Whether a kept file, as `metadata` (not following links) shows it, may be read: a plain
/// file of at most `limit` bytes.
pub(crate) fn plain_within(
    metadata: &std::fs::Metadata,
    limit: u64,
) -> Result<(), KeptFileProblem> {
    if metadata.file_type().is_symlink() {
        Err(KeptFileProblem::Link)
    } else if !metadata.is_file() {
        Err(KeptFileProblem::NotPlainFile)
    } else if metadata.len() > limit {
        Err(KeptFileProblem::TooBig {
            len: metadata.len(),
            limit,
        })
    } else {
        Ok(())
    }
}

#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// A new, empty file at `path`: whatever stood there (a link, a FIFO, a file) is removed
/// first, and the file is made only where nothing is, so nothing is ever written through a
/// link. A folder there is not removed, and the call fails.
pub(crate) fn create_new_file(path: &Path) -> std::io::Result<std::fs::File> {
    let _ = std::fs::remove_file(path);
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

/// Puts `bytes` at `path` whole: into a new file beside it, renamed over it (which replaces a
/// link there rather than writing through it).
pub(crate) fn write_kept_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    let temporary = path.with_file_name(name);
    let written = create_new_file(&temporary)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn links_that_stay_inside_resolve_and_links_that_leave_are_named() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret"), "key").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("content/real")).unwrap();
        fs::write(root.join("content/real/a.md"), "a").unwrap();
        std::os::unix::fs::symlink("real", root.join("content/alias")).unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("static")).unwrap();
        std::os::unix::fs::symlink("../../etc", root.join("content/up")).unwrap();

        let inside = inside_site(root, Path::new("content/alias/a.md")).unwrap();
        assert_eq!(fs::read_to_string(inside).unwrap(), "a");
        assert!(inside_site(root, Path::new("content/new/file.md")).is_ok());
        for (path, link) in [
            ("static/secret", "static"),
            ("static", "static"),
            ("content/up/passwd", "content/up"),
        ] {
            match inside_site(root, Path::new(path)) {
                Err(Error::OutsideSite { link: named, .. }) => assert_eq!(named, Path::new(link)),
                other => panic!("{path}: {other:?}"),
            }
        }
        assert!(inside_site(root, Path::new("../x")).is_err());
    }

    #[test]
    fn walking_skips_editor_files_and_reports_links_out() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.md"), "key").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let dir = root.join("content/meetings");
        fs::create_dir_all(&dir).unwrap();
        for name in ["a.md", "a.md~", "._a.md", "#a.md#", ".a.md.swp"] {
            fs::write(dir.join(name), "x").unwrap();
        }
        // Emacs's lock file is a dangling link.
        std::os::unix::fs::symlink("user@host.1234:1", dir.join(".#a.md")).unwrap();
        let (files, problems) = files_under(
            root,
            Path::new("content/meetings"),
            LinksMayLead::InsideTheSite,
        );
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a.md"]);
        assert!(problems.is_empty(), "{problems:?}");

        std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.join("b.md")).unwrap();
        let (files, problems) = files_under(
            root,
            Path::new("content/meetings"),
            LinksMayLead::InsideTheSite,
        );
        assert_eq!(files.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, Path::new("content/meetings/b.md"));
        assert!(problems[0].message.contains("outside the site"));
    }

    #[test]
    fn a_linked_folder_that_leaves_is_refused_whole() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("id_rsa"), "key").unwrap();
        let site = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join("static")).unwrap();
        let (files, problems) = files_under(
            site.path(),
            Path::new("static"),
            LinksMayLead::WithinTheFolder,
        );
        assert!(files.is_empty());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, Path::new("static"));
    }

    #[cfg(unix)]
    #[test]
    fn a_kept_file_is_read_only_when_plain_and_small_and_written_never_through_a_link() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("theirs"), "theirs").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kept.json");
        assert!(matches!(read_kept_file(&path, 10), Ok(None)));
        std::os::unix::fs::symlink(outside.path().join("theirs"), &path).unwrap();
        assert!(matches!(
            read_kept_file(&path, 10),
            Err(KeptFileProblem::Link)
        ));
        write_kept_file(&path, b"mine").unwrap();
        assert_eq!(
            fs::read_to_string(outside.path().join("theirs")).unwrap(),
            "theirs"
        );
        assert_eq!(read_kept_file(&path, 10).unwrap().unwrap(), b"mine");
        assert!(matches!(
            read_kept_file(&path, 3),
            Err(KeptFileProblem::TooBig { len: 4, limit: 3 })
        ));
        fs::remove_file(&path).unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
        assert!(matches!(
            read_kept_file(&path, 10),
            Err(KeptFileProblem::NotPlainFile)
        ));
        assert!(matches!(
            read_kept_file(Path::new("/dev/zero"), 10),
            Err(KeptFileProblem::NotPlainFile)
        ));
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }
}
