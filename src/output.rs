//! Stage four: writing the site. Pages go into a fresh folder beside the output, which replaces
//! the old output only when everything was written; a failed or interrupted build leaves the
//! previous site as it was.

use crate::error::{Error, Result};
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
}

/// Refuses output folders whose replacement would lose the user's files: the site itself, its
/// sources, any folder above them, the filesystem root, the home folder.
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
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from) {
        if home.canonicalize().is_ok_and(|home| home == target) {
            return Err(refuse("it is your home folder"));
        }
    }
    if root.starts_with(&target) {
        return Err(refuse("it is the site folder or a folder above it"));
    }
    for source in ["content", "themes", "templates", "static", ".git"] {
        if target.starts_with(root.join(source)) {
            return Err(refuse(&format!("it is inside the site's {source}/ folder")));
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

impl Staging {
    /// Creates the staging folder beside `target`, removing what interrupted builds left.
    pub fn begin(target: &Path) -> Result<Staging> {
        let parent = target.parent().unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        fs::create_dir_all(parent).map_err(|e| Error::write(parent, e))?;
        remove_leftovers(parent, &name);
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
            target: target.to_path_buf(),
            staging,
            committed: false,
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

    /// Puts the new site in place of the old one.
    pub fn commit(mut self) -> Result<()> {
        let parent = self.target.parent().unwrap_or(Path::new("."));
        let name = self
            .target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let retired = parent.join(format!(".{name}{RETIRED_TAG}{}", std::process::id()));
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &retired).map_err(|e| Error::write(&self.target, e))?;
        }
        if let Err(e) = fs::rename(&self.staging, &self.target) {
            if had_old {
                // Put the previous site back rather than leave nothing.
                let _ = fs::rename(&retired, &self.target);
            }
            return Err(Error::write(&self.target, e));
        }
        self.committed = true;
        if had_old {
            let _ = fs::remove_dir_all(&retired);
        }
        Ok(())
    }
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
}

impl Output for Staging {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        Staging::write(self, relative, bytes)
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
    /// Starts with an empty folder at `dir`. A folder already there is removed only when it
    /// carries dossier's marker; anything else is refused.
    pub fn create(dir: &Path) -> Result<LiveOutput> {
        if dir.exists() {
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
            "This folder is written by dossier serve and removed when it stops.\n",
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

impl Output for LiveOutput {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let fingerprint = Fingerprint::of(bytes);
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
        fs::write(&temporary, bytes).map_err(|e| Error::write(&temporary, e))?;
        fs::rename(&temporary, &path).map_err(|e| Error::write(&path, e))?;
        self.written().insert(relative.to_string(), fingerprint);
        Ok(())
    }
}

/// Removes staging and retired folders of earlier builds of `name` that were killed midway.
/// Only folders carrying dossier's marker are touched.
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
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str()))
            && entry.path().join(MARKER).is_file()
        {
            let _ = fs::remove_dir_all(entry.path());
        }
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
        let staging = Staging::begin(&out).unwrap();
        assert!(staging.write("../escape.html", b"x").is_err());
        assert!(staging.write("/etc/x", b"x").is_err());
        staging.write("index.html", b"new").unwrap();
        drop(staging);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
        let leftovers = fs::read_dir(site.path()).unwrap().count();
        assert_eq!(leftovers, 1, "only public/ remains");

        let staging = Staging::begin(&out).unwrap();
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
