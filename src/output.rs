//! Stage four: writing the site. Pages go into a fresh folder beside the output, which replaces
//! the old output only when everything was written; a failed or interrupted build leaves the
//! previous site as it was.

use crate::error::{Error, Result};
use std::fs;
use std::path::{Component, Path, PathBuf};

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

    /// Writes one file at a relative path. The path is built by dossier from checked slugs; it
    /// is checked once more here so that nothing is ever written outside the output.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<()> {
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
        let path = self.staging.join(relative_path);
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
}
