//! Stage four: writing the site. Pages go into a fresh folder beside the output, which replaces
//! the old output only when everything was written; a failed or interrupted build leaves the
//! previous site as it was.

use crate::error::{Error, Result};
use crate::theme::StaticFile;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

/// Marks a folder as made by dossier, and so safe to replace.
pub const MARKER: &str = ".dossier-build";
const STAGING_TAG: &str = ".dossier-staging-";
const RETIRED_TAG: &str = ".dossier-retired-";

/// A build's output folder while it is written.
pub struct Staging {
    target: PathBuf,
    staging: PathBuf,
    committed: bool,
    _lock: OutputLock,
}

/// Folders of the operating system that no site is ever written over, whatever `--force` says.
const SYSTEM_FOLDERS: &[&str] = &[
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/home",
    "/lib",
    "/lib32",
    "/lib64",
    "/libx32",
    "/media",
    "/mnt",
    "/opt",
    "/proc",
    "/root",
    "/run",
    "/sbin",
    "/snap",
    "/srv",
    "/sys",
    "/tmp",
    "/usr",
    "/var",
    "/var/tmp",
    "/private",
    "/private/tmp",
    "/private/var",
    "/Applications",
    "/Library",
    "/System",
    "/Users",
    "/Volumes",
    "/cores",
];

/// Refuses output folders whose replacement would lose the user's files: the site itself, its
/// sources (wherever links put them), the filesystem root, system folders, the home folder, and
/// every folder above the site, the home folder or the current folder. `force` only allows
/// replacing a folder of the user's that holds nothing of the above.
pub fn check_target(site_root: &Path, target: &Path, force: bool) -> Result<PathBuf> {
    let refuse = |reason: &str| Error::UnsafeOutput {
        path: target.to_path_buf(),
        reason: reason.to_string(),
    };
    let root = site_root
        .canonicalize()
        .map_err(|e| Error::read(site_root, e))?;
    let target = absolute(target).map_err(|e| Error::read(target, e))?;
    if target.parent().is_none() {
        return Err(refuse("it is the filesystem root"));
    }
    let is_system = SYSTEM_FOLDERS.iter().any(|folder| {
        let folder = Path::new(folder);
        target == folder || folder.canonicalize().is_ok_and(|real| real == target)
    });
    if is_system {
        return Err(refuse("it is a folder of the operating system"));
    }
    let home = std::env::var_os("HOME").and_then(|home| PathBuf::from(home).canonicalize().ok());
    if let Some(home) = &home {
        if *home == target {
            return Err(refuse("it is your home folder"));
        }
        if home.starts_with(&target) {
            return Err(refuse("it holds your home folder"));
        }
    }
    if root.starts_with(&target) {
        return Err(refuse("it is the site folder or a folder above it"));
    }
    if let Ok(current) = std::env::current_dir().and_then(|dir| dir.canonicalize()) {
        if current.starts_with(&target) {
            return Err(refuse("it is the current folder or a folder above it"));
        }
    }
    for source in SOURCE_DIRS {
        let in_site = root.join(source);
        // A source folder reached through a link is guarded where it really is too.
        let real = in_site.canonicalize().unwrap_or_else(|_| in_site.clone());
        for folder in [&in_site, &real] {
            if target.starts_with(folder) {
                return Err(refuse(&format!("it is inside the site's {source}/ folder")));
            }
            if folder.starts_with(&target) {
                return Err(refuse(&format!("it holds the site's {source}/ folder")));
            }
        }
    }
    if target.is_file() {
        return Err(refuse("it is a file"));
    }
    if target.is_dir() && !target.join(MARKER).is_file() && !force {
        let empty = fs::read_dir(&target)
            .map(|mut entries| entries.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err(refuse(
                "the folder exists, is not empty and was not made by dossier; pass --force to replace it",
            ));
        }
    }
    Ok(target)
}

/// The folders of a site that hold what its authors wrote.
pub const SOURCE_DIRS: &[&str] = &["content", "themes", "templates", "static", ".git"];

/// The absolute, normalised form of a path whose last parts may not exist yet.
fn absolute(path: &Path) -> std::io::Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut existing = joined.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut result = existing.canonicalize()?;
    for part in rest.into_iter().rev() {
        match Path::new(&part).components().next() {
            Some(Component::ParentDir) => {
                result.pop();
            }
            Some(Component::CurDir) => {}
            _ => result.push(part),
        }
    }
    Ok(result)
}

/// The right to replace one output folder, held from the start of a build to its end: a
/// second build of the same folder waits for the first, so neither removes the other's files.
/// The lock is an advisory lock on the folder holding the output, released by the operating
/// system when its holder exits, however it exits.
pub struct OutputLock {
    _file: fs::File,
    target: PathBuf,
}

impl OutputLock {
    /// Takes the lock for `target`, calling `on_wait` first when another build holds it, then
    /// repairs what an interrupted build left: a site moved aside and not put back is restored
    /// before anything else happens, and staging folders of builds that are gone are removed.
    pub fn acquire(target: &Path, on_wait: impl FnOnce()) -> Result<OutputLock> {
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

impl Staging {
    /// Creates the staging folder beside the locked output.
    pub fn begin(lock: OutputLock) -> Result<Staging> {
        let (parent, name) = parent_and_name(&lock.target);
        let staging = parent.join(format!(".{name}{STAGING_TAG}{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging).map_err(|e| Error::write(&staging, e))?;
        }
        fs::create_dir(&staging).map_err(|e| Error::write(&staging, e))?;
        fs::write(
            staging.join(MARKER),
            "This folder is written by dossier build and replaced on every build.\n",
        )
        .map_err(|e| Error::write(&staging, e))?;
        Ok(Staging {
            target: lock.target.clone(),
            staging,
            committed: false,
            _lock: lock,
        })
    }

    /// Writes one file at a relative path.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.staging.join(inside_output(relative)?);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
        }
        fs::write(&path, bytes).map_err(|e| Error::write(&path, e))
    }

    /// Puts the new site in place of the old one. Where the system can swap two folders in one
    /// step, it does, so that there is never a moment without a site; elsewhere the old site is
    /// moved aside first, and a build that finds it there puts it back (see
    /// [`OutputLock::acquire`]).
    pub fn commit(mut self) -> Result<()> {
        let target_exists = fs::symlink_metadata(&self.target).is_ok();
        if target_exists {
            match exchange(&self.staging, &self.target) {
                Ok(()) => {
                    // The staging name now holds the old site.
                    self.committed = true;
                    let _ = fs::remove_dir_all(&self.staging);
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
            let _ = fs::remove_dir_all(&retired);
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
/// when nothing took its place.
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
        .filter(|entry| entry.path().join(MARKER).is_file())
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

/// Where a build's files go.
pub trait Output: Sync {
    /// Writes one file at a path relative to the output folder.
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()>;

    /// Copies a static file to a path relative to the output folder.
    fn copy(&self, relative: &str, source: &StaticFile) -> Result<()>;
}

impl Output for Staging {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        Staging::write(self, relative, bytes)
    }

    fn copy(&self, relative: &str, source: &StaticFile) -> Result<()> {
        match source {
            StaticFile::Embedded(bytes) => self.write(relative, bytes),
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

/// A relative output path, checked: paths are built by dossier from checked slugs, and are
/// checked once more here so that nothing is ever written outside the output.
fn inside_output(relative: &str) -> Result<&Path> {
    let relative_path = Path::new(relative);
    let inside = relative_path
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !inside || relative.is_empty() {
        return Err(Error::UnsafeOutput {
            path: relative_path.to_path_buf(),
            reason: "the path would leave the output folder".into(),
        });
    }
    Ok(relative_path)
}

/// The private folder `serve` writes into and serves from, updated in place: a file is
/// written only when its bytes changed, through a temporary file renamed over the old one so
/// that a page is never served half-written, and only files this folder's owner wrote are ever
/// removed.
pub struct LiveOutput {
    dir: PathBuf,
    /// Every file written, with the fingerprint of its bytes.
    written: Mutex<HashMap<String, Fingerprint>>,
}

/// A file's length and a hash of its bytes. The hash is a chain of bijections over 8-byte
/// words, so two inputs of the same length that differ anywhere always hash differently:
/// a changed page is never mistaken for an unchanged one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint(usize, u64);

impl Fingerprint {
    /// A file on disk by its size and modification time (nanoseconds since the epoch).
    fn of_file(metadata: &fs::Metadata) -> Fingerprint {
        let nanos = metadata
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as u64);
        Fingerprint(metadata.len() as usize, nanos)
    }

    fn of(bytes: &[u8]) -> Fingerprint {
        const ODD: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut state: u64 = 0;
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut buffer = [0u8; 8];
            buffer.copy_from_slice(word);
            state = (state.rotate_left(5) ^ u64::from_le_bytes(buffer)).wrapping_mul(ODD);
        }
        let mut tail = [0u8; 8];
        tail[..words.remainder().len()].copy_from_slice(words.remainder());
        state = (state.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(ODD);
        Fingerprint(bytes.len(), state)
    }
}

impl LiveOutput {
    /// Starts with an empty folder at `dir`. A folder already there is used when empty, and
    /// removed when it carries dossier's marker; anything else is refused.
    pub fn create(dir: &Path) -> Result<LiveOutput> {
        let empty = fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none());
        if dir.exists() && !empty {
            if !dir.join(MARKER).is_file() {
                return Err(Error::UnsafeOutput {
                    path: dir.to_path_buf(),
                    reason: "the folder exists and was not made by dossier".into(),
                });
            }
            fs::remove_dir_all(dir).map_err(|e| Error::write(dir, e))?;
        }
        fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
        fs::write(
            dir.join(MARKER),
            format!(
                "This folder is written by dossier serve and removed when it stops.\n{SERVE_OWNER}{}\n",
                std::process::id()
            ),
        )
        .map_err(|e| Error::write(dir, e))?;
        Ok(LiveOutput {
            dir: dir.to_path_buf(),
            written: Mutex::new(HashMap::new()),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn written(&self) -> std::sync::MutexGuard<'_, HashMap<String, Fingerprint>> {
        self.written.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Removes every file written earlier that is not in `keep`, and the folders left empty.
    /// Returns how many files were removed.
    pub fn retain(&self, keep: &HashSet<String>) -> usize {
        let mut written = self.written();
        let stale: Vec<String> = written
            .keys()
            .filter(|path| !keep.contains(*path))
            .cloned()
            .collect();
        for relative in &stale {
            written.remove(relative);
            let path = self.dir.join(relative);
            let _ = fs::remove_file(&path);
            // Folders that held only this page go too; remove_dir fails on a folder in use.
            let mut folder = path.parent();
            while let Some(dir) = folder.filter(|d| *d != self.dir) {
                if fs::remove_dir(dir).is_err() {
                    break;
                }
                folder = dir.parent();
            }
        }
        stale.len()
    }
}

impl LiveOutput {
    /// Puts a file in place unless the same fingerprint was written there last: `fill` writes
    /// the bytes into a temporary file, renamed over the old one.
    fn replace(
        &self,
        relative: &str,
        fingerprint: Fingerprint,
        fill: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<()> {
        if self.written().get(relative) == Some(&fingerprint) {
            return Ok(());
        }
        let path = self.dir.join(inside_output(relative)?);
        let dir = path.parent().unwrap_or(&self.dir);
        fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let temporary = dir.join(format!(".{name}.dossier-part"));
        fill(&temporary).map_err(|e| Error::write(&temporary, e))?;
        fs::rename(&temporary, &path).map_err(|e| Error::write(&path, e))?;
        self.written().insert(relative.to_string(), fingerprint);
        Ok(())
    }
}

impl Output for LiveOutput {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        self.replace(relative, Fingerprint::of(bytes), |temporary| {
            fs::write(temporary, bytes)
        })
    }

    fn copy(&self, relative: &str, source: &StaticFile) -> Result<()> {
        match source {
            StaticFile::Embedded(bytes) => self.write(relative, bytes),
            StaticFile::OnDisk(from) => {
                // A file on disk is known by its size and time, so it is not read to compare.
                let metadata = fs::metadata(from).map_err(|e| Error::read(from, e))?;
                let fingerprint = Fingerprint::of_file(&metadata);
                self.replace(relative, fingerprint, |temporary| {
                    fs::copy(from, temporary).map(drop)
                })
            }
        }
    }
}

const SERVE_PREFIX: &str = "dossier-serve-";
const SERVE_OWNER: &str = "pid ";

/// A new folder for `serve` in the system's temporary folder: a unique name, readable by its
/// owner only (another user of the machine must not read the briefings). Folders that earlier
/// serve processes of this user left (killed before they could remove them) are removed first.
pub fn private_folder() -> Result<PathBuf> {
    let temp = std::env::temp_dir();
    remove_stale_serve_folders(&temp);
    let mut builder = tempfile::Builder::new();
    builder.prefix(SERVE_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o700));
    }
    let dir = builder
        .tempdir_in(&temp)
        .map_err(|e| Error::write(&temp, e))?;
    Ok(dir.keep())
}

fn remove_stale_serve_folders(temp: &Path) {
    let Ok(entries) = fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry
            .file_name()
            .to_string_lossy()
            .starts_with(SERVE_PREFIX)
        {
            continue;
        }
        let Ok(metadata) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if !metadata.is_dir() || !owned_by_me(&metadata) {
            continue;
        }
        let owner = fs::read_to_string(entry.path().join(MARKER))
            .ok()
            .and_then(|text| {
                text.lines()
                    .find_map(|line| line.strip_prefix(SERVE_OWNER).map(str::to_string))
            });
        if owner.is_some_and(|pid| !is_running(&pid)) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(unix)]
fn owned_by_me(metadata: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    metadata.uid() == rustix::process::geteuid().as_raw()
}

#[cfg(not(unix))]
fn owned_by_me(_: &fs::Metadata) -> bool {
    true
}

/// Removes staging and retired folders of earlier builds of `name` that were killed midway.
/// Only folders carrying dossier's marker are touched, and only when the process that made
/// them is gone (the lock already keeps live builds of the same output apart; this keeps
/// apart a build of an older dossier that took no lock).
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
        if entry.path().join(MARKER).is_file() && !is_running(owner) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether the process whose id is `pid` (as written in a folder name) still runs; this one
/// does not count, since its own leftovers are from an earlier process with the same id.
fn is_running(pid: &str) -> bool {
    let Ok(pid) = pid.parse::<u32>() else {
        return false;
    };
    if pid == std::process::id() {
        return false;
    }
    #[cfg(unix)]
    {
        rustix::process::Pid::from_raw(pid as i32)
            .is_some_and(|pid| rustix::process::test_kill_process(pid).is_ok())
    }
    #[cfg(not(unix))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_site_its_sources_and_parents() {
        let site = tempfile::tempdir().unwrap();
        fs::create_dir(site.path().join("content")).unwrap();
        for bad in [
            site.path().to_path_buf(),
            site.path().join("content"),
            site.path().join("content/meetings/out"),
            site.path().parent().unwrap().to_path_buf(),
            site.path().join("public/../.."),
            PathBuf::from("/"),
        ] {
            assert!(
                check_target(site.path(), &bad, true).is_err(),
                "{}",
                bad.display()
            );
        }
        assert!(check_target(site.path(), &site.path().join("public"), false).is_ok());
    }

    #[test]
    fn a_foreign_folder_needs_force() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(check_target(site.path(), &out, false).is_err());
        assert!(check_target(site.path(), &out, true).is_ok());
    }

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

    #[test]
    fn a_live_folder_writes_only_changes_and_removes_only_its_own_files() {
        let dir = tempfile::tempdir().unwrap();
        let foreign = dir.path().join("mine");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "mine").unwrap();
        assert!(
            LiveOutput::create(&foreign).is_err(),
            "not dossier's folder"
        );

        let out = LiveOutput::create(&dir.path().join("served")).unwrap();
        out.write("a/b/index.html", b"one").unwrap();
        out.write("c.txt", b"same").unwrap();
        assert!(out.write("../escape", b"x").is_err());
        // Bytes already written are not written again.
        fs::write(out.dir().join("c.txt"), "touched by hand").unwrap();
        out.write("c.txt", b"same").unwrap();
        assert_eq!(
            fs::read_to_string(out.dir().join("c.txt")).unwrap(),
            "touched by hand"
        );
        out.write("a/b/index.html", b"two").unwrap();
        assert_eq!(
            fs::read_to_string(out.dir().join("a/b/index.html")).unwrap(),
            "two"
        );

        fs::write(out.dir().join("placed.txt"), "not written by dossier").unwrap();
        let keep: HashSet<String> = ["c.txt".to_string()].into();
        assert_eq!(out.retain(&keep), 1);
        assert!(!out.dir().join("a").exists(), "emptied folders go");
        assert!(out.dir().join("c.txt").exists());
        assert!(
            out.dir().join("placed.txt").exists(),
            "only its own files are removed"
        );
        assert!(out.dir().join(MARKER).exists());
        let no_temporaries = walkdir::WalkDir::new(out.dir())
            .into_iter()
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().ends_with(".dossier-part"));
        assert!(no_temporaries);
    }

    #[test]
    fn fingerprints_of_equal_lengths_differ_when_any_byte_does() {
        let base = b"0123456789abcdef0123456789abcdef!".to_vec();
        for at in 0..base.len() {
            for bit in 0..8 {
                let mut changed = base.clone();
                changed[at] ^= 1 << bit;
                assert_ne!(
                    Fingerprint::of(&base),
                    Fingerprint::of(&changed),
                    "{at}:{bit}"
                );
            }
        }
        assert_ne!(Fingerprint::of(b"ab"), Fingerprint::of(b"ab\0"));
        assert_eq!(Fingerprint::of(b"same"), Fingerprint::of(b"same"));
    }
}
