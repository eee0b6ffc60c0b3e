//! A build's output: written into a staging folder beside the target, under a lock, and
//! swapped in at the end.

use super::{has_marker, inside_output, is_running, remove_tree, Output, MARKER};
use crate::error::{Error, Result};
use crate::render::theme::StaticFile;
use std::fs;
use std::path::{Path, PathBuf};

const STAGING_TAG: &str = ".dossier-staging-";
const RETIRED_TAG: &str = ".dossier-retired-";

/// A build's output folder while it is written.
pub(crate) struct Staging {
    target: PathBuf,
    staging: PathBuf,
    committed: bool,
    /// Held until the build is done with the output, cache included (see [`Staging::commit`]).
    lock: Option<OutputLock>,
}

/// The right to replace one output folder, held from the start of a build to its end: a
/// second build of the same folder waits for the first, so neither removes the other's files.
/// The lock is an advisory lock on the folder holding the output, released by the operating
/// system when its holder exits, however it exits.
pub(crate) struct OutputLock {
    _file: fs::File,
    target: PathBuf,
}

impl OutputLock {
    /// Takes the lock for `target`, calling `on_wait` first when another build holds it, then
    /// repairs what an interrupted build left: a site moved aside and not put back is restored
    /// before anything else happens, and staging folders of builds that are gone are removed.
    pub(crate) fn acquire(target: &Path, on_wait: impl FnOnce()) -> Result<OutputLock> {
        let (parent, name) = parent_and_name(target);
        fs::create_dir_all(&parent).map_err(|e| Error::write(&parent, e))?;
        let path = lock_path(&parent, &name);
        let file = open_for_lock(&path).map_err(|e| Error::write(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                on_wait();
                file.lock().map_err(|e| Error::write(&path, e))?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(Error::write(&path, e)),
        }
        restore_retired(&parent, &name, target)?;
        remove_leftovers(&parent, &name);
        Ok(OutputLock {
            _file: file,
            target: target.to_path_buf(),
        })
    }
}

/// What is locked: on Unix the folder holding the output itself, so that no lock file is left
/// beside it; elsewhere a lock file there.
#[cfg(unix)]
fn lock_path(parent: &Path, _name: &str) -> PathBuf {
    parent.to_path_buf()
}

#[cfg(not(unix))]
fn lock_path(parent: &Path, name: &str) -> PathBuf {
    parent.join(format!(".{name}.dossier-lock"))
}

#[cfg(unix)]
fn open_for_lock(path: &Path) -> std::io::Result<fs::File> {
    fs::File::open(path)
}

#[cfg(not(unix))]
fn open_for_lock(path: &Path) -> std::io::Result<fs::File> {
    // A link at the lock's name is removed, never opened through.
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        fs::remove_file(path)?;
    }
    fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}

/// The folder holding `target` and the target's own name.
fn parent_and_name(target: &Path) -> (PathBuf, String) {
    let parent = target.parent().unwrap_or(Path::new(".")).to_path_buf();
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    (parent, name)
}

/// Makes this process's staging folder beside `target`, with dossier's marker, so that a
/// build that stops before removing it leaves something the next build removes (see
/// [`OutputLock::acquire`]). Whatever an earlier process of the same id left there goes first
/// (a link itself, never what it leads to).
pub(super) fn make_staging_folder(target: &Path) -> Result<PathBuf> {
    let (parent, name) = parent_and_name(target);
    let staging = parent.join(format!(".{name}{STAGING_TAG}{}", std::process::id()));
    if fs::symlink_metadata(&staging).is_ok() {
        remove_tree(&staging).map_err(|e| Error::write(&staging, e))?;
    }
    fs::create_dir(&staging).map_err(|e| Error::write(&staging, e))?;
    let marked = fs::write(
        staging.join(MARKER),
        "This folder is written by dossier build and replaced on every build.\n",
    );
    if let Err(e) = marked {
        let _ = fs::remove_dir_all(&staging);
        return Err(Error::write(&staging, e));
    }
    Ok(staging)
}

impl Staging {
    /// Creates the staging folder beside the locked output.
    pub(crate) fn begin(lock: OutputLock) -> Result<Staging> {
        let staging = make_staging_folder(&lock.target)?;
        Ok(Staging {
            target: lock.target.clone(),
            staging,
            committed: false,
            lock: Some(lock),
        })
    }

    /// Writes one file at a relative path.
    pub(crate) fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.staging.join(inside_output(relative)?);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
        }
        fs::write(&path, bytes).map_err(|e| Error::write(&path, e))
    }

    /// Puts the new site in place of the old one. Where the system can swap two folders in one
    /// step, it does, so that there is never a moment without a site; elsewhere the old site is
    /// moved aside first, and a build that finds it there puts it back (see
    /// [`OutputLock::acquire`]). Returns the lock, still held.
    pub(crate) fn commit(mut self) -> Result<OutputLock> {
        self.swap_in()?;
        self.lock
            .take()
            .ok_or_else(|| Error::write(&self.target, std::io::Error::other("the lock was lost")))
    }

    fn swap_in(&mut self) -> Result<()> {
        let target_exists = fs::symlink_metadata(&self.target).is_ok();
        if target_exists {
            match exchange(&self.staging, &self.target) {
                Ok(()) => {
                    // The staging name now holds the old site.
                    self.committed = true;
                    let _ = remove_tree(&self.staging);
                    return Ok(());
                }
                Err(e) if exchange_unsupported(&e) => {}
                Err(e) => return Err(Error::write(&self.target, e)),
            }
        }
        let (parent, name) = parent_and_name(&self.target);
        let retired = parent.join(format!(".{name}{RETIRED_TAG}{}", std::process::id()));
        if target_exists {
            fs::rename(&self.target, &retired).map_err(|e| Error::write(&self.target, e))?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            if target_exists {
                // Put the previous site back rather than leave nothing.
                let _ = fs::rename(&retired, &self.target);
            }
            return Err(Error::write(&self.target, e));
        }
        self.committed = true;
        if target_exists {
            let _ = remove_tree(&retired);
        }
        Ok(())
    }
}

/// Swaps two folders in one step.
#[cfg(any(target_os = "linux", target_os = "android", target_vendor = "apple"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(std::io::Error::from)
}

#[cfg(not(any(target_os = "linux", target_os = "android", target_vendor = "apple")))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Whether a failed exchange means only that this system or filesystem cannot swap.
fn exchange_unsupported(error: &std::io::Error) -> bool {
    if error.kind() == std::io::ErrorKind::Unsupported {
        return true;
    }
    #[cfg(unix)]
    {
        use rustix::io::Errno;
        let code = error.raw_os_error();
        [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP]
            .iter()
            .any(|errno| Some(errno.raw_os_error()) == code)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// A site moved aside by a build that stopped before putting the new one in place goes back,
/// when nothing took its place. Only a real folder with dossier's marker is one: a link under
/// that name is never put in place of the site.
fn restore_retired(parent: &Path, name: &str, target: &Path) -> Result<()> {
    if fs::symlink_metadata(target).is_ok() {
        return Ok(());
    }
    let prefix = format!(".{name}{RETIRED_TAG}");
    let newest = fs::read_dir(parent)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| entry.file_name().to_string_lossy().starts_with(&prefix))
        .filter(is_folder_of_dossiers)
        .max_by_key(|entry| entry.metadata().and_then(|m| m.modified()).ok());
    if let Some(retired) = newest {
        fs::rename(retired.path(), target).map_err(|e| Error::write(target, e))?;
    }
    Ok(())
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

impl Output for Staging {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        Staging::write(self, relative, bytes)
    }

    fn copy(&self, relative: &str, source: &StaticFile) -> Result<()> {
        match source {
            StaticFile::InMemory(bytes) => self.write(relative, bytes),
            StaticFile::OnDisk(from) => {
                let path = self.staging.join(inside_output(relative)?);
                if let Some(dir) = path.parent() {
                    fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
                }
                fs::copy(from, &path)
                    .map(drop)
                    .map_err(|e| Error::write(&path, e))
            }
        }
    }
}

/// Removes staging and retired folders of earlier builds of `name` that were killed midway.
/// Only real folders carrying dossier's marker are touched (a link under such a name is left
/// alone, and never followed), and only when the process that made them is gone (the lock
/// already keeps live builds of the same output apart; this keeps apart a build of an older
/// dossier that took no lock).
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefixes = [
        format!(".{name}{STAGING_TAG}"),
        format!(".{name}{RETIRED_TAG}"),
    ];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(owner) = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str()))
        else {
            continue;
        };
        if is_folder_of_dossiers(&entry) && !is_running(owner) {
            let _ = remove_tree(&entry.path());
        }
    }
}

/// Whether an entry beside the output is a folder (not a link to one) with dossier's marker.
fn is_folder_of_dossiers(entry: &fs::DirEntry) -> bool {
    entry.file_type().is_ok_and(|kind| kind.is_dir()) && has_marker(&entry.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_stay_inside_and_dropping_leaves_the_old_site() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join(MARKER), "").unwrap();
        fs::write(out.join("index.html"), "old").unwrap();
        let staging = Staging::begin(OutputLock::acquire(&out, || {}).unwrap()).unwrap();
        assert!(staging.write("../escape.html", b"x").is_err());
        assert!(staging.write("/etc/x", b"x").is_err());
        staging.write("index.html", b"new").unwrap();
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        let leftovers = fs::read_dir(site.path()).unwrap().count();
        assert_eq!(leftovers, 1, "only public/ remains");

        let staging = Staging::begin(OutputLock::acquire(&out, || {}).unwrap()).unwrap();
        staging.write("index.html", b"new").unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(fs::read_dir(site.path()).unwrap().count(), 1);
    }
}
