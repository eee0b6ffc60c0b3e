//! An incremental build's output: the files whose bytes changed are gathered in memory while
//! pages render, and only when everything rendered are they put in place, in two steps.
//!
//! [`Changes::stage`] checks every place (a folder or a link on the way, or a folder where a
//! file goes, fails here) and writes every changed file into a staging folder beside the
//! output, as a full build does; the published site is not touched, and a failure removes the
//! staging folder. [`Staged::commit`] then renames each file over its place, the old one kept
//! in the staging folder (a second name of the same file, or a copy where the filesystem has
//! no hard links) until every file is in place and every stale file moved aside; a rename
//! that fails puts back each file already renamed. So a failed build leaves the published
//! site byte for byte as it was, and nothing of its own in it or beside it. Only a build
//! killed while it renames leaves a mix of old and new files (each whole); the build removes
//! its cache before it commits, so the next build renders everything into a fresh folder and
//! swaps it in (see `build::cache`), and removes the staging folder the killed one left.

use super::staging::make_staging_folder;
use super::{inside_output, remove_emptied_folders, remove_tree, Output};
use crate::error::{Error, Result};
use crate::render::theme::StaticFile;
use crate::site_paths::read_kept_file;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The changes to an existing output folder of dossier's, gathered before any is made.
pub(crate) struct Changes {
    dir: PathBuf,
    pending: Mutex<Vec<(String, Vec<u8>)>>,
    /// Folders of the output checked to be real folders, not links.
    checked: Mutex<HashSet<PathBuf>>,
}

impl Changes {
    pub(crate) fn new(dir: &Path) -> Changes {
        Changes {
            dir: dir.to_path_buf(),
            pending: Mutex::new(Vec::new()),
            checked: Mutex::new(HashSet::new()),
        }
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Vec<(String, Vec<u8>)>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The path of `relative` in the output, refused when a folder on the way is a link (a
    /// write or removal through it would reach outside) or anything but a folder.
    fn checked_path(&self, relative: &str) -> Result<PathBuf> {
        let relative = inside_output(relative)?;
        let mut folder = self.dir.clone();
        if let Some(parents) = relative.parent() {
            for part in parents.components() {
                folder.push(part);
                if self.checked.lock().is_ok_and(|c| c.contains(&folder)) {
                    continue;
                }
                match fs::symlink_metadata(&folder) {
                    Ok(m) if m.is_dir() => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                    _ => {
                        return Err(Error::UnsafeOutput {
                            path: folder,
                            reason: "it is not a folder dossier made; run `dossier build --clean`"
                                .into(),
                        })
                    }
                }
                if let Ok(mut checked) = self.checked.lock() {
                    checked.insert(folder.clone());
                }
            }
        }
        Ok(self.dir.join(relative))
    }

    /// How many files are waiting to be written.
    pub(crate) fn len(&self) -> usize {
        self.pending().len()
    }

    /// Writes every changed file and removes the files in `stale` (files the previous build
    /// wrote that this one does not), with the folders they leave empty: all of it, or, when
    /// anything fails, none of it (see the module's comment for the one exception).
    #[cfg(test)]
    fn apply(self, stale: &[String]) -> Result<()> {
        self.stage(stale)?.commit()
    }

    /// Checks every place the changes go and every stale file, and writes the changed files
    /// into a staging folder beside the output; nothing of the published site changes.
    pub(crate) fn stage(self, stale: &[String]) -> Result<Staged> {
        let pending = std::mem::take(&mut *self.pending());
        let mut files = Vec::with_capacity(pending.len());
        for (key, (relative, _)) in pending.iter().enumerate() {
            let path = self.checked_path(relative)?;
            refuse_folder_at(&path)?;
            let new_folder = path
                .parent()
                .is_some_and(|parent| fs::symlink_metadata(parent).is_err());
            files.push(StagedFile {
                key,
                path,
                new_folder,
            });
        }
        let mut stale_files = Vec::with_capacity(stale.len());
        for (n, relative) in stale.iter().enumerate() {
            let path = self.checked_path(relative)?;
            refuse_folder_at(&path)?;
            let exists = fs::symlink_metadata(&path).is_ok();
            stale_files.push((pending.len() + n, path, exists));
        }
        let staged = Staged {
            folder: make_staging_folder(&self.dir)?,
            dir: self.dir,
            files,
            stale: stale_files,
        };
        staged
            .files
            .par_iter()
            .zip(pending.par_iter())
            .try_for_each(|(file, (_, bytes))| staged.write_new(file, bytes))?;
        Ok(staged)
    }
}

impl Output for Changes {
    /// Keeps the bytes unless the file in the output already holds them (a plain file only:
    /// a link is never read, and is replaced).
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.checked_path(relative)?;
        let same = fs::symlink_metadata(&path)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && read_kept_file(&path, bytes.len() as u64)
                .is_ok_and(|old| old.as_deref() == Some(bytes));
        if !same {
            self.pending().push((relative.to_string(), bytes.to_vec()));
        }
        Ok(())
    }

    fn copy(&self, relative: &str, source: &StaticFile) -> Result<()> {
        match source {
            StaticFile::InMemory(bytes) => self.write(relative, bytes),
            StaticFile::OnDisk(from) => {
                let bytes = fs::read(from).map_err(|e| Error::read(from, e))?;
                self.write(relative, &bytes)
            }
        }
    }
}

/// A file may replace a file or a link, never a folder: a folder where dossier puts a file is
/// someone's, and the build stops before it changes anything.
fn refuse_folder_at(path: &Path) -> Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(Error::UnsafeOutput {
            path: path.to_path_buf(),
            reason: "a folder stands where dossier puts a file; move it away, or run `dossier build --clean`"
                .into(),
        });
    }
    Ok(())
}

/// The changed files written into a staging folder beside the output, and the stale files
/// found: nothing of the published site has changed yet. Dropped, it removes its folder.
///
/// The staging folder is flat (`new-KEY`, and `old-KEY` for what a place held while it is
/// replaced), each file known by a number: mirroring the output's folders there cost a folder
/// made and removed for each topic page.
pub(crate) struct Staged {
    folder: PathBuf,
    /// The output folder.
    dir: PathBuf,
    files: Vec<StagedFile>,
    /// Each stale file's key, its place, and whether a file is there.
    stale: Vec<(usize, PathBuf, bool)>,
}

struct StagedFile {
    key: usize,
    path: PathBuf,
    /// Whether the file's folder in the output is made for it (and goes if the build fails).
    new_folder: bool,
}

/// A place changed by [`Staged::commit`], and how to change it back.
struct Placed<'a> {
    path: &'a Path,
    old: Old,
    new_folder: bool,
}

/// What stood at a place before.
enum Old {
    /// Nothing.
    Nothing,
    /// A file, kept in the staging folder.
    Kept(PathBuf),
    /// Something that could not be kept (neither a second name nor a copy could be made).
    Lost,
}

impl Staged {
    fn new_file(&self, key: usize) -> PathBuf {
        self.folder.join(format!("new-{key}"))
    }

    fn old_file(&self, key: usize) -> PathBuf {
        self.folder.join(format!("old-{key}"))
    }

    fn write_new(&self, file: &StagedFile, bytes: &[u8]) -> Result<()> {
        let path = self.new_file(file.key);
        // The staging folder is new: nothing can stand at the name yet.
        fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut new| std::io::Write::write_all(&mut new, bytes))
            .map_err(|e| Error::write(&path, e))
    }

    /// Renames every file into place and moves every stale file aside; a failure puts back
    /// everything done. The renames run in parallel, as each is independent of the others and
    /// whatever was done is put back together. The old files go when this is dropped (after
    /// the build has written its cache, so that the cache is missing no longer than it must).
    pub(crate) fn commit(&self) -> Result<()> {
        let mut failures = Vec::new();
        let mut done = Vec::with_capacity(self.files.len() + self.stale.len());
        let placed: Vec<Result<Placed>> =
            self.files.par_iter().map(|file| self.place(file)).collect();
        sort_out(placed, &mut done, &mut failures);
        if failures.is_empty() {
            let moved: Vec<Result<Placed>> = self
                .stale
                .par_iter()
                .filter(|(_, _, exists)| *exists)
                .map(|(key, path, _)| self.move_aside(*key, path))
                .collect();
            sort_out(moved, &mut done, &mut failures);
        }
        if let Some(error) = failures.into_iter().next() {
            self.roll_back(done);
            return Err(error);
        }
        for (_, path, _) in &self.stale {
            remove_emptied_folders(path, &self.dir);
        }
        Ok(())
    }

    /// Renames one staged file over its place, the old file kept first.
    fn place<'a>(&self, file: &'a StagedFile) -> Result<Placed<'a>> {
        let old = self.keep(file.key, &file.path);
        let new = self.new_file(file.key);
        let renamed = match file.path.parent().filter(|_| file.new_folder) {
            Some(dir) => fs::create_dir_all(dir).and_then(|()| fs::rename(&new, &file.path)),
            None => fs::rename(&new, &file.path),
        };
        if let Err(e) = renamed {
            if let Old::Kept(kept) = &old {
                let _ = fs::remove_file(kept);
            }
            if file.new_folder {
                remove_emptied_folders(&file.path, &self.dir);
            }
            return Err(Error::write(&file.path, e));
        }
        Ok(Placed {
            path: &file.path,
            old,
            new_folder: file.new_folder,
        })
    }

    /// Keeps what stands at `path` in the staging folder while it is still in place: a second
    /// name of the same file (a link is kept as the link), or a copy of a plain file where the
    /// filesystem makes no second names.
    fn keep(&self, key: usize, path: &Path) -> Old {
        let kept = self.old_file(key);
        match fs::hard_link(path, &kept) {
            Ok(()) => Old::Kept(kept),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Old::Nothing,
            Err(_) => {
                let plain = fs::symlink_metadata(path).is_ok_and(|m| m.is_file());
                if plain && fs::copy(path, &kept).is_ok() {
                    Old::Kept(kept)
                } else {
                    Old::Lost
                }
            }
        }
    }

    /// Moves a stale file out of the output into the staging folder.
    fn move_aside<'a>(&self, key: usize, path: &'a Path) -> Result<Placed<'a>> {
        let kept = self.old_file(key);
        fs::rename(path, &kept).map_err(|e| Error::write(path, e))?;
        Ok(Placed {
            path,
            old: Old::Kept(kept),
            new_folder: false,
        })
    }

    /// Puts back what [`Staged::commit`] did.
    fn roll_back(&self, done: Vec<Placed>) {
        for placed in done {
            match placed.old {
                Old::Kept(kept) => {
                    let _ = fs::rename(&kept, placed.path);
                }
                Old::Nothing => {
                    let _ = fs::remove_file(placed.path);
                    if placed.new_folder {
                        remove_emptied_folders(placed.path, &self.dir);
                    }
                }
                // Nothing to put back: the next build, without a cache, renders everything.
                Old::Lost => {}
            }
        }
    }
}

/// Adds what went well to `done` and what failed to `failures`.
fn sort_out<'a>(
    results: Vec<Result<Placed<'a>>>,
    done: &mut Vec<Placed<'a>>,
    failures: &mut Vec<Error>,
) {
    for result in results {
        match result {
            Ok(placed) => done.push(placed),
            Err(error) => failures.push(error),
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // The folder is flat: its files go in parallel, as freeing a file's blocks is what
        // costs (up to milliseconds each on a busy disk).
        let files: Vec<PathBuf> = fs::read_dir(&self.folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .collect();
        files.par_iter().for_each(|file| {
            let _ = fs::remove_file(file);
        });
        let _ = remove_tree(&self.folder);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_bytes_are_kept_and_nothing_is_written_before_apply() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("same.txt"), "same").unwrap();
        fs::write(dir.path().join("old.txt"), "old").unwrap();
        fs::create_dir(dir.path().join("gone")).unwrap();
        fs::write(dir.path().join("gone/index.html"), "gone").unwrap();
        let changes = Changes::new(dir.path());
        changes.write("same.txt", b"same").unwrap();
        changes.write("old.txt", b"new").unwrap();
        changes.write("a/b/index.html", b"page").unwrap();
        assert!(changes.write("../escape", b"x").is_err());
        assert_eq!(changes.len(), 2);
        assert_eq!(
            fs::read_to_string(dir.path().join("old.txt")).unwrap(),
            "old"
        );
        assert!(!dir.path().join("a").exists());

        changes.apply(&["gone/index.html".into()]).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("old.txt")).unwrap(),
            "new"
        );
        assert_eq!(
            fs::read_to_string(dir.path().join("a/b/index.html")).unwrap(),
            "page"
        );
        assert!(!dir.path().join("gone").exists(), "emptied folders go");
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_folder_in_the_output_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("index.html"), "theirs").unwrap();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        std::os::unix::fs::symlink(outside.path(), out.join("meetings")).unwrap();
        let changes = Changes::new(&out);
        assert!(changes.write("meetings/index.html", b"mine").is_err());
        let changes = Changes::new(&out);
        assert!(changes.apply(&["meetings/index.html".into()]).is_err());
        assert_eq!(
            fs::read_to_string(outside.path().join("index.html")).unwrap(),
            "theirs"
        );
    }

    /// Every entry below `dir`, with the bytes of each file.
    fn entries(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
        walkdir::WalkDir::new(dir)
            .min_depth(1)
            .sort_by_file_name()
            .into_iter()
            .map(|entry| entry.unwrap())
            .map(|entry| {
                let name = entry
                    .path()
                    .strip_prefix(dir)
                    .unwrap()
                    .display()
                    .to_string();
                let bytes = entry
                    .file_type()
                    .is_file()
                    .then(|| fs::read(entry.path()).unwrap());
                (name, bytes)
            })
            .collect()
    }

    #[test]
    fn a_rename_that_fails_puts_back_every_file_already_renamed_or_removed() {
        for blocked in ["z.txt", "new", "stale"] {
            let site = tempfile::tempdir().unwrap();
            let out = site.path().join("public");
            fs::create_dir(&out).unwrap();
            for name in ["a.txt", "b.txt", "stale.txt"] {
                fs::write(out.join(name), format!("old {name}")).unwrap();
            }
            let changes = Changes::new(&out);
            changes.write("a.txt", b"new a").unwrap();
            changes.write("b.txt", b"new b").unwrap();
            changes.write("new/c.txt", b"new c").unwrap();
            changes.write("z.txt", b"new z").unwrap();
            let staged = changes.stage(&["stale.txt".into()]).unwrap();
            assert_eq!(
                fs::read_dir(site.path()).unwrap().count(),
                2,
                "staged beside"
            );
            // Once all is staged, something comes in the way: a folder where the last file
            // goes, a file where a new folder goes, or (once every file is in place) a folder
            // where the stale file is moved aside.
            match blocked {
                "new" => fs::write(out.join(blocked), "in the way").unwrap(),
                "stale" => {
                    let staging = format!(".public.dossier-staging-{}", std::process::id());
                    // The stale file comes after the four changed ones.
                    let aside = site.path().join(staging).join("old-4/x");
                    fs::create_dir_all(aside).unwrap();
                }
                _ => fs::create_dir(out.join(blocked)).unwrap(),
            }
            let before = entries(&out);
            assert!(staged.commit().is_err(), "{blocked}");
            drop(staged);
            assert_eq!(entries(&out), before, "{blocked}");
            assert_eq!(fs::read_to_string(out.join("a.txt")).unwrap(), "old a.txt");
            let beside: Vec<_> = fs::read_dir(site.path()).unwrap().collect();
            assert_eq!(beside.len(), 1, "{blocked}: the staging folder is gone");
        }
    }

    #[test]
    fn applied_changes_leave_nothing_of_their_own_beside_the_output() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("a.txt"), "old").unwrap();
        fs::write(out.join("stale.txt"), "stale").unwrap();
        let changes = Changes::new(&out);
        changes.write("a.txt", b"new").unwrap();
        changes.apply(&["stale.txt".into()]).unwrap();
        assert_eq!(
            entries(&out),
            [("a.txt".to_string(), Some(b"new".to_vec()))]
        );
        assert_eq!(fs::read_dir(site.path()).unwrap().count(), 1);
    }
}
