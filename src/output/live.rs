//! serve's output: a private folder updated in place.

use super::{
    has_marker, inside_output, is_running, modified_nanos, remove_emptied_folders, replace_file,
    Output, MARKER,
};
use crate::error::{Error, Result};
use crate::render::theme::StaticFile;
use crate::site_paths::read_kept_file;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The private folder `serve` writes into and serves from, updated in place: a file is
/// written only when its bytes changed, through a temporary file renamed over the old one so
/// that a page is never served half-written, and only files this folder's owner wrote are ever
/// removed.
pub(crate) struct LiveOutput {
    dir: PathBuf,
    /// Every file written, with the fingerprint of its bytes.
    written: Mutex<HashMap<String, Fingerprint>>,
}

/// What a written file is known by, to tell whether it must be written again: bytes by their
/// length and 64-bit XXH3 hash (a change goes unseen with a chance of one in 2^64 per write),
/// a copied file by its length and modification time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fingerprint {
    Bytes(usize, u64),
    File(u64, u128),
}

impl Fingerprint {
    fn of_file(metadata: &fs::Metadata) -> Fingerprint {
        Fingerprint::File(metadata.len(), modified_nanos(metadata).unwrap_or(0))
    }

    fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint::Bytes(bytes.len(), xxhash_rust::xxh3::xxh3_64(bytes))
    }
}

impl LiveOutput {
    /// Starts with an empty folder at `dir`. A folder already there is used when empty, and
    /// removed when it carries dossier's marker; anything else is refused.
    pub(crate) fn create(dir: &Path) -> Result<LiveOutput> {
        let empty = fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_none());
        if dir.exists() && !empty {
            if !has_marker(dir) {
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

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    fn written(&self) -> std::sync::MutexGuard<'_, HashMap<String, Fingerprint>> {
        self.written.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Removes every file written earlier that is not in `keep`, and the folders left empty.
    /// Returns how many files were removed.
    pub(crate) fn retain(&self, keep: &HashSet<String>) -> usize {
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
            // Folders that held only this page go too.
            remove_emptied_folders(&path, &self.dir);
        }
        stale.len()
    }
}

impl LiveOutput {
    /// Puts a file in place unless the same fingerprint was written there last: `fill` writes
    /// the bytes into a new temporary file, renamed over the old one.
    fn replace(
        &self,
        relative: &str,
        fingerprint: Fingerprint,
        fill: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
    ) -> Result<()> {
        if self.written().get(relative) == Some(&fingerprint) {
            return Ok(());
        }
        replace_file(&self.dir.join(inside_output(relative)?), fill)?;
        self.written().insert(relative.to_string(), fingerprint);
        Ok(())
    }
}

impl Output for LiveOutput {
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        self.replace(relative, Fingerprint::of(bytes), |file| {
            std::io::Write::write_all(file, bytes)
        })
    }

    fn copy(&self, relative: &str, source: &StaticFile) -> Result<()> {
        match source {
            StaticFile::InMemory(bytes) => self.write(relative, bytes),
            StaticFile::OnDisk(from) => {
                // A file on disk is known by its size and time, so it is not read to compare.
                let metadata = fs::metadata(from).map_err(|e| Error::read(from, e))?;
                let fingerprint = Fingerprint::of_file(&metadata);
                self.replace(relative, fingerprint, |file| {
                    std::io::copy(&mut fs::File::open(from)?, file).map(drop)
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
pub(crate) fn private_folder() -> Result<PathBuf> {
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
        let marker = read_kept_file(&entry.path().join(MARKER), 4096)
            .ok()
            .flatten();
        let owner = marker.and_then(|bytes| {
            String::from_utf8_lossy(&bytes)
                .lines()
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[cfg(unix)]
    #[test]
    fn a_link_at_a_temporary_name_is_replaced_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("theirs"), "theirs").unwrap();
        let out = LiveOutput::create(&dir.path().join("served")).unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("theirs"),
            out.dir().join(".c.txt.dossier-part"),
        )
        .unwrap();
        out.write("c.txt", b"mine").unwrap();
        assert_eq!(
            fs::read_to_string(outside.path().join("theirs")).unwrap(),
            "theirs"
        );
        let written = fs::symlink_metadata(out.dir().join("c.txt")).unwrap();
        assert!(written.is_file());
        assert!(!out.dir().join(".c.txt.dossier-part").exists());
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
