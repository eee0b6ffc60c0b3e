//! What a build remembers for the next build of the same output folder, so that the next one
//! renders only the pages an edit reaches and writes only the files whose bytes changed.
//!
//! The cache lives in the site folder (`.dossier-cache/`, which ignores itself in git), never
//! in the output, which is published. It is trusted only while everything it was made from
//! holds: the same dossier binary, configuration, people, initiatives, theme, options and day,
//! and the same output folder, known by its marker file, which only a full build replaces. An
//! incremental build removes the cache before it changes the output and writes it again after,
//! so a build killed in between leaves no cache, and the next build renders everything into a
//! fresh folder and swaps it in, repairing whatever the killed one left half done.

use crate::content::load::{LoadOptions, SourceStamp};
use crate::model::load::Loaded;
use crate::model::reach::Footprints;
use crate::output::{modified_nanos, MARKER};
use crate::render::theme::{StaticFile, Theme};
use crate::urls;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

use crate::site_paths::cache_dir;
pub use crate::site_paths::CACHE_DIR;

/// Raised whenever what the cache holds, or how it is read, changes.
const FORMAT: u32 = 3;

/// The largest cache file read: one for 10,000 meetings is about 15 MB.
const CACHE_LIMIT: u64 = 1024 * 1024 * 1024;

/// What a build of one output folder leaves for the next.
#[derive(Debug, Serialize, Deserialize)]
pub struct BuildCache {
    format: u32,
    /// A hash of everything pages are made from besides meeting files.
    pub inputs: u64,
    /// The files of the output a build reads (its marker, and the calendar and feed that
    /// revisions continue from), as the build that wrote this cache left them.
    pub output: BTreeMap<String, FileStamp>,
    /// Each meeting file, by path relative to the site.
    pub meetings: BTreeMap<String, SourceStamp>,
    /// A hash of each person as pages show them (people named only in meetings included).
    pub people: BTreeMap<String, u64>,
    /// What the site showed of each meeting.
    pub footprints: Footprints,
    /// Every file the build wrote, relative to the output folder.
    pub files: Vec<String>,
}

/// The files of the output a build reads: the marker, written once by each full build, tells
/// whether the output is still the one the cache describes; the calendar and the feed are
/// what the next build continues from.
const READ_FROM_OUTPUT: [&str; 3] = [MARKER, urls::CALENDAR_FILE, urls::FEED_FILE];

/// A plain file known by its size, modification time and (on Unix) inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileStamp {
    len: u64,
    modified_nanos: u128,
    inode: u64,
}

/// The stamps of the files a build reads from `output`, or `None` when it has no marker.
pub fn output_stamps(output: &Path) -> Option<BTreeMap<String, FileStamp>> {
    let stamps: BTreeMap<String, FileStamp> = READ_FROM_OUTPUT
        .iter()
        .filter_map(|name| Some((name.to_string(), FileStamp::of(&output.join(name))?)))
        .collect();
    stamps.contains_key(MARKER).then_some(stamps)
}

impl FileStamp {
    /// The stamp of a plain file; none for a link or a missing file.
    fn of(path: &Path) -> Option<FileStamp> {
        let metadata = fs::symlink_metadata(path).ok()?;
        if !metadata.is_file() {
            return None;
        }
        let modified_nanos = modified_nanos(&metadata)?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&metadata);
        #[cfg(not(unix))]
        let inode = 0;
        Some(FileStamp {
            len: metadata.len(),
            modified_nanos,
            inode,
        })
    }
}

impl BuildCache {
    pub fn new(
        inputs: u64,
        output: BTreeMap<String, FileStamp>,
        loaded: &Loaded,
        footprints: Footprints,
        mut files: Vec<String>,
    ) -> BuildCache {
        files.sort_unstable();
        BuildCache {
            format: FORMAT,
            inputs,
            output,
            meetings: loaded.meeting_sources.clone(),
            people: people_hashes(loaded),
            footprints,
            files,
        }
    }

    /// The cache left by the last build of `output`, if there is one this build can trust:
    /// same inputs, same output folder, its calendar and feed as that build left them.
    /// Anything unreadable counts as no cache.
    pub fn read(root: &Path, output: &Path, inputs: u64) -> Option<BuildCache> {
        let path = cache_file(root, output);
        let metadata = fs::symlink_metadata(&path).ok()?;
        if !metadata.is_file() || metadata.len() > CACHE_LIMIT {
            return None;
        }
        let bytes = fs::read(&path).ok()?;
        let cache: BuildCache = serde_json::from_slice(&bytes).ok()?;
        let trusted = cache.format == FORMAT
            && cache.inputs == inputs
            && output_stamps(output).as_ref() == Some(&cache.output);
        trusted.then_some(cache)
    }

    /// Writes the cache for the next build of `output`, replacing the old one in one step.
    pub fn write(&self, root: &Path, output: &Path) -> std::io::Result<()> {
        let dir = cache_dir(root)?;
        forget_gone_outputs(&dir);
        let path = cache_file(root, output);
        let temporary = path.with_extension("part");
        fs::write(&temporary, serde_json::to_vec(self)?)?;
        fs::rename(&temporary, &path)?;
        // Which output the cache is of, so that the cache goes when the output does.
        fs::write(
            path.with_extension(OUTPUT_NOTE),
            output.to_string_lossy().as_bytes(),
        )
    }

    /// Removes the cache of `output`: from here on the output may not be what it describes.
    pub fn forget(root: &Path, output: &Path) -> std::io::Result<()> {
        match fs::remove_file(cache_file(root, output)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// The meetings (by slug) whose files changed, appeared or went since this cache, and,
    /// when the set of files changed, those whose links may name one of them.
    pub fn changed_meetings(&self, now: &BTreeMap<String, SourceStamp>) -> BTreeSet<String> {
        let before = &self.meetings;
        let mut changed: BTreeSet<String> = now
            .iter()
            .filter(|(path, stamp)| before.get(*path) != Some(*stamp))
            .map(|(_, stamp)| stamp.slug.clone())
            .collect();
        changed.extend(
            before
                .iter()
                .filter(|(path, _)| !now.contains_key(*path))
                .map(|(_, stamp)| stamp.slug.clone()),
        );
        if before.keys().ne(now.keys()) {
            let linking = before.values().chain(now.values());
            changed.extend(
                linking
                    .filter(|stamp| stamp.names_content_files)
                    .map(|stamp| stamp.slug.clone()),
            );
        }
        changed
    }

    /// Whether everyone the previous build showed is shown the same way now (people may have
    /// come or gone with the meetings that name them).
    pub fn same_people(&self, loaded: &Loaded) -> bool {
        let now = people_hashes(loaded);
        self.people
            .iter()
            .all(|(id, hash)| now.get(id).is_none_or(|h| h == hash))
    }
}

/// The extension of the small file beside each cache naming its output folder.
const OUTPUT_NOTE: &str = "output";

/// Removes the caches of output folders that are gone or no longer dossier's: builds into
/// temporary folders (tests, previews) would otherwise leave a cache each, for ever.
fn forget_gone_outputs(dir: &Path) {
    let notes = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == OUTPUT_NOTE));
    for note in notes {
        let gone = fs::read_to_string(&note)
            .map(|output| !Path::new(&output).join(MARKER).is_file())
            .unwrap_or(true);
        if gone {
            let _ = fs::remove_file(note.with_extension("json"));
            let _ = fs::remove_file(&note);
        }
    }
}

fn people_hashes(loaded: &Loaded) -> BTreeMap<String, u64> {
    loaded
        .site
        .people
        .iter()
        .map(|(id, person)| (id.clone(), xxh3_64(format!("{person:?}").as_bytes())))
        .collect()
}

/// The cache file of one output folder: several outputs of a site (editions, staging and
/// production addresses) each have their own.
fn cache_file(root: &Path, output: &Path) -> PathBuf {
    let key = xxh3_64(output.to_string_lossy().as_bytes());
    root.join(CACHE_DIR).join(format!("build-{key:016x}.json"))
}

/// A hash of everything a page is made from besides meeting files: this dossier binary, the
/// configuration, people and initiatives, the theme, the options and the day, and the output
/// folder itself.
pub fn inputs_hash(loaded: &Loaded, theme: &Theme, options: &LoadOptions, output: &Path) -> u64 {
    let mut hash = Xxh3::new();
    let mut add = |part: &[u8]| {
        hash.update(part);
        hash.update(&[0]);
    };
    add(env!("CARGO_PKG_VERSION").as_bytes());
    // The binary itself, so that a rebuilt dossier of the same version renders everything.
    let binary = std::env::current_exe()
        .ok()
        .and_then(|exe| fs::metadata(exe).ok());
    add(format!("{:?}", binary.map(|m| (m.len(), m.modified().ok()))).as_bytes());
    add(&loaded.others_hash.to_le_bytes());
    add(format!("{options:?} {}", loaded.site.today).as_bytes());
    add(output.to_string_lossy().as_bytes());
    for (name, (path, text)) in &theme.templates {
        add(name.as_bytes());
        add(path.to_string_lossy().as_bytes());
        add(text.as_bytes());
    }
    for (name, file) in &theme.static_files {
        add(name.as_bytes());
        match file {
            StaticFile::Embedded(bytes) => add(bytes),
            StaticFile::OnDisk(path) => {
                let metadata = fs::metadata(path).ok();
                add(format!(
                    "{path:?} {:?}",
                    metadata.map(|m| (m.len(), m.modified().ok()))
                )
                .as_bytes());
            }
        }
    }
    hash.digest()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caches_of_outputs_that_are_gone_are_removed_and_others_kept() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join(CACHE_DIR);
        fs::create_dir(&dir).unwrap();
        let kept = site.path().join("public");
        fs::create_dir(&kept).unwrap();
        fs::write(kept.join(MARKER), "").unwrap();
        let gone = site.path().join("preview");
        for output in [&kept, &gone] {
            let cache = cache_file(site.path(), output);
            fs::write(&cache, "{}").unwrap();
            fs::write(
                cache.with_extension(OUTPUT_NOTE),
                output.to_string_lossy().as_bytes(),
            )
            .unwrap();
        }
        forget_gone_outputs(&dir);
        assert!(cache_file(site.path(), &kept).exists());
        assert!(!cache_file(site.path(), &gone).exists());
        assert!(!cache_file(site.path(), &gone)
            .with_extension(OUTPUT_NOTE)
            .exists());
    }
}
