//! An incremental build's output: the files whose bytes changed are gathered in memory while
//! pages render, and only when everything rendered are they put in place, each through a
//! temporary file renamed over the old one. A failed render leaves the site as it was; a build
//! killed while files are put in place leaves each file whole, old or new, and no build cache,
//! so the next build renders everything into a fresh folder (see `build::cache`).

use super::{inside_output, remove_emptied_folders, replace_file, Output};
use crate::error::{Error, Result};
use crate::render::theme::StaticFile;
use rayon::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The changes to an existing output folder of dossier's, gathered before any is made.
pub struct Changes {
    dir: PathBuf,
    pending: Mutex<Vec<(String, Vec<u8>)>>,
    /// Folders of the output checked to be real folders, not links.
    checked: Mutex<HashSet<PathBuf>>,
}

/// What [`Changes::apply`] did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Applied {
    pub written: usize,
    pub removed: usize,
}

impl Changes {
    pub fn new(dir: &Path) -> Changes {
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
    pub fn len(&self) -> usize {
        self.pending().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes every changed file and removes the files in `stale` (files the previous build
    /// wrote that this one does not), with the folders they leave empty.
    pub fn apply(self, stale: &[String]) -> Result<Applied> {
        let pending = std::mem::take(&mut *self.pending());
        pending
            .par_iter()
            .try_for_each(|(relative, bytes)| self.put(relative, bytes))?;
        let mut removed = 0;
        for relative in stale {
            let path = self.checked_path(relative)?;
            if fs::symlink_metadata(&path).is_ok() {
                fs::remove_file(&path).map_err(|e| Error::write(&path, e))?;
                removed += 1;
            }
            remove_emptied_folders(&path, &self.dir);
        }
        Ok(Applied {
            written: pending.len(),
            removed,
        })
    }

    fn put(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        replace_file(&self.checked_path(relative)?, |temporary| {
            fs::write(temporary, bytes)
        })
    }
}

impl Output for Changes {
    /// Keeps the bytes unless the file in the output already holds them (a plain file only:
    /// a link is never read, and is replaced).
    fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
        let path = self.checked_path(relative)?;
        let same = fs::symlink_metadata(&path)
            .is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&path).is_ok_and(|old| old == bytes);
        if !same {
            self.pending().push((relative.to_string(), bytes.to_vec()));
        }
        Ok(())
    }

    fn copy(&self, relative: &str, source: &StaticFile) -> Result<()> {
        match source {
            StaticFile::Embedded(bytes) => self.write(relative, bytes),
            StaticFile::OnDisk(from) => {
                let bytes = fs::read(from).map_err(|e| Error::read(from, e))?;
                self.write(relative, &bytes)
            }
        }
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

        let applied = changes.apply(&["gone/index.html".into()]).unwrap();
        assert_eq!((applied.written, applied.removed), (2, 1));
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
}
