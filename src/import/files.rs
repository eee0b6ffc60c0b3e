//! The files an import reads and writes on the site's side (the new meeting, people.toml, the
//! earlier meetings whose tasks get an id), and the recap it reads.
//!
//! Written all or none, and never through a link: each folder is resolved inside the site
//! (`inside_site`), and the file itself must be a plain file or nothing, since writing to a link
//! changes the file it leads to, and renaming over one replaces a link someone made. Each file is
//! written whole to a hidden temporary file created new beside it and flushed to disk; only when
//! all are written are they renamed into place, and a rename that fails undoes the ones before
//! it. Nothing is left behind on a failure.

use crate::error::{Diagnostic, Error, Result};
use crate::site_paths::inside_site;
use std::ffi::{OsStr, OsString};
use std::fs::{File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Temporary files an import leaves while it writes end with this; they are hidden (their names
/// start with a dot), so that a build never reads one.
const TEMPORARY_SUFFIX: &str = ".dossier-import";

/// What is at a place an import writes.
#[derive(Debug)]
pub(super) enum Found {
    Nothing,
    /// A plain file, as it was when the import looked.
    File(Metadata),
    /// A symbolic link, and where it leads.
    Link(PathBuf),
    /// A folder, a pipe, a device or a socket.
    Other,
}

/// A file of the site an import may write: its real folder and what is there now.
#[derive(Debug)]
pub(super) struct Target {
    /// Relative to the site root, as shown in messages.
    pub(super) relative: PathBuf,
    real_root: PathBuf,
    /// The folder, every link on the way resolved inside the site.
    dir: PathBuf,
    name: OsString,
    pub(super) found: Found,
}

/// Where `relative` would be written in the site at `root`, and what is there. Its folders may be
/// links that stay inside the site; one that leaves it is an error.
pub(super) fn locate(root: &Path, relative: &Path) -> Result<Target> {
    let (Some(parent), Some(name)) = (relative.parent(), relative.file_name()) else {
        return Err(Error::Content(vec![Diagnostic::file(
            relative,
            "is not a file's name",
        )]));
    };
    let real_root = root.canonicalize().map_err(|e| Error::read(root, e))?;
    let dir = inside_site(root, parent)?;
    let full = dir.join(name);
    let found = match std::fs::symlink_metadata(&full) {
        Ok(metadata) if metadata.file_type().is_symlink() => {
            // A dangling link leads where it names, from its folder.
            let leads_to = full
                .canonicalize()
                .unwrap_or_else(|_| dir.join(std::fs::read_link(&full).unwrap_or_default()));
            Found::Link(leads_to)
        }
        Ok(metadata) if metadata.is_file() => Found::File(metadata),
        Ok(_) => Found::Other,
        Err(e) if e.kind() == io::ErrorKind::NotFound => Found::Nothing,
        Err(e) => return Err(Error::read(relative, e)),
    };
    Ok(Target {
        relative: relative.to_path_buf(),
        real_root,
        dir,
        name: name.to_os_string(),
        found,
    })
}

impl Target {
    fn full(&self) -> PathBuf {
        self.dir.join(&self.name)
    }

    /// Refuses what an import never writes over: a link (leading out of the site or not), a
    /// folder, pipe or device. A plain file or nothing is fine.
    pub(super) fn refuse_links(&self) -> Result<()> {
        match &self.found {
            Found::Nothing | Found::File(_) => Ok(()),
            Found::Link(leads_to) if !leads_to.starts_with(&self.real_root) => {
                Err(Error::OutsideSite {
                    link: self.relative.clone(),
                    target: leads_to.clone(),
                })
            }
            Found::Link(leads_to) => Err(Error::Content(vec![Diagnostic::file(
                &self.relative,
                format!(
                    "is a symbolic link (to {}); dossier import writes only plain files, never through a link: put the file itself here",
                    leads_to
                        .strip_prefix(&self.real_root)
                        .unwrap_or(leads_to)
                        .display()
                ),
            )])),
            Found::Other => Err(Error::Content(vec![Diagnostic::file(
                &self.relative,
                "is not a plain file (a folder, pipe or device); dossier import writes only plain files",
            )])),
        }
    }

    /// The file's text as it is now (`None` when there is none), read without following a link,
    /// and refused above `limit` bytes or when it is not UTF-8.
    pub(super) fn read_text(&self, limit: u64) -> Result<Option<String>> {
        self.refuse_links()?;
        if !matches!(self.found, Found::File(_)) {
            return Ok(None);
        }
        let file = open_plain(&self.full(), &self.relative, false)?;
        let size = file.metadata().ok().map(|m| m.len());
        let bytes = read_bounded(file, size, &self.relative, limit, |size| {
            Error::Content(vec![Diagnostic::file(
                &self.relative,
                format!("file is {size}; dossier import reads at most {limit} bytes of it"),
            )])
        })?;
        String::from_utf8(bytes).map(Some).map_err(|e| {
            Error::Content(vec![Diagnostic::file(
                &self.relative,
                format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
            )])
        })
    }
}

/// Opens `path` for reading only if it is a plain file: a named pipe is refused rather than
/// waited on, a device (`/dev/zero`) rather than read forever. With `follow_links` false, a
/// link is not opened at all.
pub(super) fn open_plain(path: &Path, shown: &Path, follow_links: bool) -> Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Opening a pipe for reading waits for a writer; without blocking it opens at once, and is
        // refused below.
        let mut flags = rustix::fs::OFlags::NONBLOCK;
        if !follow_links {
            flags |= rustix::fs::OFlags::NOFOLLOW;
        }
        options.custom_flags(flags.bits() as i32);
    }
    #[cfg(not(unix))]
    let _ = follow_links;
    let file = options.open(path).map_err(|e| Error::read(shown, e))?;
    let metadata = file.metadata().map_err(|e| Error::read(shown, e))?;
    if !metadata.is_file() {
        return Err(Error::read(
            shown,
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("it is {}, not a plain file", kind_of(&metadata)),
            ),
        ));
    }
    Ok(file)
}

/// What a file that is not a plain file is, in words.
fn kind_of(metadata: &Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if metadata.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// At most `limit` bytes from `reader`, whose size is `known` when it is a file; more is the
/// error `too_large` makes from the size in words ("20000000 bytes", or "more than 16777216
/// bytes" when the size is not known beforehand).
pub(super) fn read_bounded(
    mut reader: impl Read,
    known: Option<u64>,
    shown: &Path,
    limit: u64,
    too_large: impl Fn(String) -> Error,
) -> Result<Vec<u8>> {
    if let Some(size) = known.filter(|&size| size > limit) {
        return Err(too_large(format!("{size} bytes")));
    }
    let mut bytes = Vec::with_capacity(known.unwrap_or(0).min(limit) as usize);
    (&mut reader)
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::read(shown, e))?;
    if bytes.len() as u64 > limit {
        // The file grew while it was read, or a stream has no size to ask for.
        return Err(too_large(format!("more than {limit} bytes")));
    }
    Ok(bytes)
}

/// A file to write: where, its whole new contents, and whether a plain file there is replaced.
#[derive(Debug)]
pub(super) struct Change {
    pub(super) target: Target,
    /// Text for the files import writes, the recap's own bytes for the one it keeps.
    pub(super) contents: Vec<u8>,
    /// False for a new meeting: an import never overwrites one unless told to.
    pub(super) replace: bool,
}

/// Writes every change, or none of them.
pub(super) fn write_all(changes: &[Change]) -> Result<()> {
    write_all_with(changes, &mut |_| Ok(()))
}

/// As [`write_all`], calling `before_rename` with each file's place before it is renamed there
/// (the tests make one fail, as a full disk or a lost mount would).
fn write_all_with(
    changes: &[Change],
    before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> Result<()> {
    for change in changes {
        change.target.refuse_links()?;
        if matches!(change.target.found, Found::File(_)) && !change.replace {
            return Err(Error::Content(vec![Diagnostic::file(
                &change.target.relative,
                "already exists; dossier import never overwrites it",
            )]));
        }
    }
    let mut made = MadeFolders::default();
    let mut staged = Vec::with_capacity(changes.len());
    for change in changes {
        staged.push(stage(change, &mut made)?);
    }
    commit(staged, before_rename)?;
    made.keep();
    // The renames themselves reach the disk with their folders.
    #[cfg(unix)]
    for change in changes {
        if let Ok(dir) = File::open(&change.target.dir) {
            let _ = dir.sync_all();
        }
    }
    Ok(())
}

/// A change written whole to its temporary file, ready to be renamed into place.
struct Staged<'a> {
    change: &'a Change,
    temporary: tempfile::NamedTempFile,
}

/// The start of a temporary file's name beside `name`: hidden, and saying whose it is.
fn temporary_prefix(name: &OsStr) -> String {
    format!(".{}.", name.to_string_lossy())
}

fn stage<'a>(change: &'a Change, made: &mut MadeFolders) -> Result<Staged<'a>> {
    let target = &change.target;
    let folder_shown = target.relative.parent().unwrap_or(Path::new(""));
    made.create(&target.dir)
        .map_err(|e| Error::write(folder_shown, e))?;
    let failed = |e: io::Error| Error::write(&target.relative, e);
    let prefix = temporary_prefix(&target.name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    #[cfg(unix)]
    if matches!(target.found, Found::Nothing) {
        // As a new file is made: readable as the umask allows, like any other file written.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temporary = builder.tempfile_in(&target.dir).map_err(failed)?;
    temporary.write_all(&change.contents).map_err(failed)?;
    if let Found::File(metadata) = &target.found {
        temporary
            .as_file()
            .set_permissions(metadata.permissions())
            .map_err(failed)?;
    }
    temporary.as_file().sync_all().map_err(failed)?;
    Ok(Staged { change, temporary })
}

/// Renames every staged file into place; when one fails, the ones already in place are undone:
/// a replaced file gets back its old self (kept under a second name until the end), a new one
/// is removed.
fn commit(
    staged: Vec<Staged>,
    before_rename: &mut dyn FnMut(&Path) -> io::Result<()>,
) -> Result<()> {
    let mut backups = Vec::with_capacity(staged.len());
    for file in &staged {
        let target = &file.change.target;
        backups.push(match target.found {
            Found::File(_) => Some(backup(target).map_err(|e| Error::write(&target.relative, e))?),
            _ => None,
        });
    }
    let mut done: Vec<(&Target, Option<tempfile::TempPath>)> = Vec::new();
    for (file, backup) in staged.into_iter().zip(backups) {
        let target = &file.change.target;
        let full = target.full();
        let renamed = before_rename(&full).and_then(|()| {
            if backup.is_some() {
                file.temporary.persist(&full).map(drop)
            } else {
                // Nothing was there when the import looked; a file made since is not
                // overwritten either.
                file.temporary.persist_noclobber(&full).map(drop)
            }
            .map_err(|e| e.error)
        });
        if let Err(error) = renamed {
            let not_undone = undo(done);
            let error = if not_undone.is_empty() {
                error
            } else {
                io::Error::new(
                    error.kind(),
                    format!(
                        "{error}; and {} could not be put back as it was",
                        not_undone.join(", ")
                    ),
                )
            };
            return Err(Error::write(&target.relative, error));
        }
        done.push((target, backup));
    }
    Ok(())
}

/// Puts back what `done` renamed into place, last first; returns the files it could not.
fn undo(done: Vec<(&Target, Option<tempfile::TempPath>)>) -> Vec<String> {
    let mut not_undone = Vec::new();
    for (target, backup) in done.into_iter().rev() {
        let full = target.full();
        let undone = match backup {
            Some(backup) => backup.persist(&full).map_err(|e| e.error),
            None => std::fs::remove_file(&full),
        };
        if let Err(e) = undone {
            not_undone.push(format!("{} ({e})", target.relative.display()));
        }
    }
    not_undone
}

/// A second name for a file about to be replaced, removed when dropped: a hard link, or where
/// the file system has none, a copy.
fn backup(target: &Target) -> io::Result<tempfile::TempPath> {
    let full = target.full();
    let prefix = temporary_prefix(&target.name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(TEMPORARY_SUFFIX);
    if let Ok(linked) = builder.make_in(&target.dir, |path| std::fs::hard_link(&full, path)) {
        return Ok(linked.into_temp_path());
    }
    let mut copy = builder.tempfile_in(&target.dir)?;
    let mut original = File::open(&full)?;
    io::copy(&mut original, &mut copy)?;
    copy.as_file()
        .set_permissions(original.metadata()?.permissions())?;
    copy.as_file().sync_all()?;
    Ok(copy.into_temp_path())
}

/// The folders an import made for its files, removed again (when empty) unless it succeeds.
#[derive(Default)]
struct MadeFolders {
    made: Vec<PathBuf>,
}

impl MadeFolders {
    fn create(&mut self, dir: &Path) -> io::Result<()> {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(folder) = at.filter(|f| std::fs::symlink_metadata(f).is_err()) {
            missing.push(folder.to_path_buf());
            at = folder.parent();
        }
        for folder in missing.into_iter().rev() {
            match std::fs::create_dir(&folder) {
                Ok(()) => self.made.push(folder),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && folder.is_dir() => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    fn keep(&mut self) {
        self.made.clear();
    }
}

impl Drop for MadeFolders {
    fn drop(&mut self) {
        for folder in self.made.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A site with a meeting and people.toml, and the changes an import that continues the
    /// meeting's task and adds a person would make.
    fn site_with_changes() -> (tempfile::TempDir, Vec<Change>) {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("content/meetings")).unwrap();
        fs::write(root.join("content/meetings/old.md"), "- [ ] **Call**\n").unwrap();
        fs::write(root.join("content/people.toml"), "[ana]\nname = \"Ana\"\n").unwrap();
        let change = |path: &str, text: &str, replace: bool| Change {
            target: locate(root, Path::new(path)).unwrap(),
            contents: text.as_bytes().to_vec(),
            replace,
        };
        let changes = vec![
            change("content/meetings/new.md", "- [ ] **Call** {#call}\n", false),
            change("content/meetings/old.md", "- [ ] **Call** {#call}\n", true),
            change(
                "content/people.toml",
                "[ana]\nname = \"Ana\"\n\n[bo]\nname = \"Bo\"\n",
                true,
            ),
        ];
        (site, changes)
    }

    /// Every file below `root` with its text, sorted.
    fn files_of(root: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(|entry| entry.unwrap())
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                (
                    entry
                        .path()
                        .strip_prefix(root)
                        .unwrap()
                        .display()
                        .to_string(),
                    fs::read_to_string(entry.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn every_change_is_written_and_nothing_else_is_left() {
        let (site, changes) = site_with_changes();
        write_all(&changes).unwrap();
        let written: Vec<(String, String)> = changes
            .iter()
            .map(|c| {
                (
                    c.target.relative.display().to_string(),
                    String::from_utf8(c.contents.clone()).unwrap(),
                )
            })
            .collect();
        let mut expected = written.clone();
        expected.sort();
        assert_eq!(files_of(site.path()), expected);
    }

    #[test]
    fn a_rename_that_fails_puts_back_the_files_renamed_before_it() {
        let (site, changes) = site_with_changes();
        let before = files_of(site.path());
        let mut renamed = Vec::new();
        let result = write_all_with(&changes, &mut |path| {
            renamed.push(path.to_path_buf());
            if path.ends_with("people.toml") {
                Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
            } else {
                Ok(())
            }
        });
        let error = result.unwrap_err().to_string();
        assert!(
            error.contains("content/people.toml") && error.contains("disk full"),
            "{error}"
        );
        assert_eq!(
            renamed.len(),
            3,
            "the meeting and old.md were renamed first"
        );
        assert_eq!(
            files_of(site.path()),
            before,
            "everything as it was, no file left"
        );
    }

    #[test]
    fn a_file_that_cannot_be_written_leaves_no_file_and_no_folder() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::write(root.join("site.toml"), "title = \"x\"\n").unwrap();
        let before = files_of(root);
        // The second file's name leaves no room for its temporary file's: it cannot be made.
        let long = format!("content/meetings/{}.md", "b".repeat(240));
        let changes = vec![
            Change {
                target: locate(root, Path::new("content/new/deep/a.md")).unwrap(),
                contents: "a".into(),
                replace: false,
            },
            Change {
                target: locate(root, Path::new(&long)).unwrap(),
                contents: "b".into(),
                replace: false,
            },
        ];
        assert!(write_all(&changes).is_err());
        assert_eq!(files_of(root), before);
        assert!(
            !root.join("content").exists(),
            "the folders it made are removed"
        );
    }

    #[test]
    fn links_where_a_file_would_be_written_are_refused_and_nothing_is_written() {
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret"), "key").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("content/meetings")).unwrap();
        fs::write(root.join("site.toml"), "title = \"x\"\n").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret"), root.join("content/a.md"))
            .unwrap();
        std::os::unix::fs::symlink(outside.path().join("new"), root.join("content/b.md")).unwrap();
        std::os::unix::fs::symlink("../site.toml", root.join("content/c.md")).unwrap();
        for (name, outside_the_site) in [("a.md", true), ("b.md", true), ("c.md", false)] {
            let relative = Path::new("content").join(name);
            let target = locate(root, &relative).unwrap();
            match target.refuse_links() {
                Err(Error::OutsideSite { link, .. }) if outside_the_site => {
                    assert_eq!(link, relative)
                }
                Err(Error::Content(problems)) if !outside_the_site => {
                    assert!(
                        problems[0].message.contains("symbolic link"),
                        "{problems:?}"
                    )
                }
                other => panic!("{name}: {other:?}"),
            }
            let changes = [
                Change {
                    target: locate(root, Path::new("content/meetings/new.md")).unwrap(),
                    contents: "new".into(),
                    replace: false,
                },
                Change {
                    target,
                    contents: "written through".into(),
                    replace: true,
                },
            ];
            assert!(write_all(&changes).is_err());
            assert!(!root.join("content/meetings/new.md").exists());
        }
        assert_eq!(
            fs::read_to_string(outside.path().join("secret")).unwrap(),
            "key"
        );
        assert!(!outside.path().join("new").exists());
        assert_eq!(
            fs::read_to_string(root.join("site.toml")).unwrap(),
            "title = \"x\"\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_new_one_gets_the_mode_of_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let (site, changes) = site_with_changes();
        let root = site.path();
        let people = root.join("content/people.toml");
        fs::set_permissions(&people, fs::Permissions::from_mode(0o604)).unwrap();
        // The mode a file written the usual way gets here, under this process's umask.
        fs::write(root.join("usual"), "").unwrap();
        let usual = fs::metadata(root.join("usual"))
            .unwrap()
            .permissions()
            .mode();
        let changes: Vec<Change> = changes
            .into_iter()
            .map(|c| Change {
                target: locate(root, &c.target.relative).unwrap(),
                ..c
            })
            .collect();
        write_all(&changes).unwrap();
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&people), 0o604);
        assert_eq!(mode(&root.join("content/meetings/new.md")), usual & 0o777);
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_or_a_device_is_refused_without_being_read() {
        let dir = tempfile::tempdir().unwrap();
        let pipe = dir.path().join("pipe");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &pipe,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .unwrap();
        for (path, kind) in [
            (pipe.as_path(), "named pipe"),
            (Path::new("/dev/zero"), "device"),
        ] {
            let error = open_plain(path, path, true).unwrap_err().to_string();
            assert!(error.contains(kind), "{error}");
        }
    }
}
