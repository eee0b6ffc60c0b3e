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
//!
//! The cache folder and every file in it obey the site's boundary: the folder is used only as
//! a folder of the site (a link there is removed, never followed), and its files are read only
//! as plain files of a sane size, never through a link. A cache that breaks any of that, or
//! does not read as this dossier's, is discarded with a [`CacheWarning`] and the build renders
//! everything ([`inspect`], [`BuildCache::read`]).

use crate::content::history;
use crate::content::load::{LoadOptions, SourceStamp};
use crate::error::{CacheWarning, KeptFileProblem, Remedy};
use crate::model::load::Loaded;
use crate::model::reach::Footprints;
use crate::output::{has_marker, modified_nanos, MARKER};
use crate::render::theme::{StaticFile, Theme};
use crate::urls;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use xxhash_rust::xxh3::{xxh3_64, Xxh3};

pub(crate) use crate::site_paths::CACHE_DIR;
use crate::site_paths::{
    cache_dir, existing_cache_dir, plain_within, read_kept_file, write_kept_file,
};

/// Raised whenever what the cache holds, or how it is read, changes.
const FORMAT: u32 = 3;

/// The largest build cache read or written: the 10,000-meeting corpus's is 19 MB (see
/// docs/decisions.md), so this leaves room for sites more than ten times that size.
const CACHE_LIMIT: u64 = 256 * 1024 * 1024;

/// The largest note naming a cache's output (a path), or `.gitignore`, read.
const NOTE_LIMIT: u64 = 64 * 1024;

/// What a build of one output folder leaves for the next.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct BuildCache {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct FileStamp {
    len: u64,
    modified_nanos: u128,
    inode: u64,
}

/// The stamps of the files a build reads from `output`, or `None` when it has no marker.
pub(crate) fn output_stamps(output: &Path) -> Option<BTreeMap<String, FileStamp>> {
    let stamps: BTreeMap<String, FileStamp> = READ_FROM_OUTPUT
        .iter()
        .filter_map(|name| Some((name.to_string(), FileStamp::of(&output.join(name))?)))
        .collect();
    stamps.contains_key(MARKER).then_some(stamps)
}

impl FileStamp {
    /// When the file was last modified, in nanoseconds since the Unix epoch.
    pub(crate) fn modified_nanos(&self) -> u128 {
        self.modified_nanos
    }

    /// The stamp of a plain file; none for a link or a missing file.
    pub(crate) fn of(path: &Path) -> Option<FileStamp> {
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
    pub(crate) fn new(
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
    /// same inputs, same output folder, its calendar and feed as that build left them. A cache
    /// that is no cache of dossier's (a link, not a plain file, too big, unreadable, not
    /// parsing, another format) is an error, for [`BuildCache::discard`].
    pub(crate) fn read(
        root: &Path,
        output: &Path,
        inputs: u64,
    ) -> Result<Option<BuildCache>, KeptFileProblem> {
        let Some(dir) = existing_cache_dir(root) else {
            return Ok(None);
        };
        let Some(bytes) = read_kept_file(&dir.join(cache_name(output)), CACHE_LIMIT)? else {
            return Ok(None);
        };
        let cache: BuildCache = serde_json::from_slice(&bytes).map_err(|e| {
            // Another format may not read as this one: its number says which it is.
            match serde_json::from_slice::<FormatOnly>(&bytes) {
                Ok(other) if other.format != FORMAT => KeptFileProblem::OtherVersion,
                _ => KeptFileProblem::Unparsable(e.to_string()),
            }
        })?;
        if cache.format != FORMAT {
            return Err(KeptFileProblem::OtherVersion);
        }
        let trusted =
            cache.inputs == inputs && output_stamps(output).as_ref() == Some(&cache.output);
        Ok(trusted.then_some(cache))
    }

    /// Removes the cache of `output`, which [`BuildCache::read`] found untrustworthy, and says
    /// so.
    pub(crate) fn discard(root: &Path, output: &Path, problem: KeptFileProblem) -> CacheWarning {
        let name = cache_name(output);
        let removed = existing_cache_dir(root).is_some_and(|dir| remove_entry(&dir.join(&name)));
        CacheWarning::in_cache(&name, problem, removed)
    }

    /// Writes the cache for the next build of `output`, replacing the old one in one step.
    /// Nothing is written through a link, nor when the cache folder is not a folder.
    pub(crate) fn write(&self, root: &Path, output: &Path) -> std::io::Result<()> {
        let dir = cache_dir(root)?;
        forget_gone_outputs(&dir);
        let bytes = serde_json::to_vec(self)?;
        if bytes.len() as u64 > CACHE_LIMIT {
            // The next build would refuse it; without one it renders everything.
            return Ok(());
        }
        let path = dir.join(cache_name(output));
        write_kept_file(&path, &bytes)?;
        // Which output the cache is of, so that the cache goes when the output does.
        write_kept_file(
            &path.with_extension(OUTPUT_NOTE),
            output.to_string_lossy().as_bytes(),
        )
    }

    /// Removes the cache of `output`: from here on the output may not be what it describes.
    /// The kept sources go first, so that no build takes the output as up to date without a
    /// cache behind it.
    pub(crate) fn forget(root: &Path, output: &Path) -> std::io::Result<()> {
        let Some(dir) = existing_cache_dir(root) else {
            return Ok(());
        };
        for name in [sources_name(output), cache_name(output)] {
            match fs::remove_file(dir.join(name)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
        Ok(())
    }

    /// Keeps what this build was made from (see [`super::fresh`]), after the cache it stands
    /// for. A file that cannot be written costs the next build time, never this one its site.
    pub(crate) fn keep_sources(root: &Path, output: &Path, sources: &super::fresh::Sources) {
        let Ok(dir) = cache_dir(root) else {
            return;
        };
        if let Ok(bytes) = serde_json::to_vec(sources) {
            let _ = write_kept_file(&dir.join(sources_name(output)), &bytes);
        }
    }

    /// The meetings (by slug) whose files changed, appeared or went since this cache, and,
    /// when the set of files changed, those whose links may name one of them.
    pub(crate) fn changed_meetings(&self, now: &BTreeMap<String, SourceStamp>) -> BTreeSet<String> {
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
    pub(crate) fn same_people(&self, loaded: &Loaded) -> bool {
        let now = people_hashes(loaded);
        self.people
            .iter()
            .all(|(id, hash)| now.get(id).is_none_or(|h| h == hash))
    }
}

/// The extension of the small file beside each cache naming its output folder.
const OUTPUT_NOTE: &str = "output";

/// The format number of a cache, read alone.
#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// Looks over the site's cache folder before a build reads anything in it, and removes what
/// it would not trust, with a warning each: a link in place of the folder (the link only,
/// never what it leads to); a folder's file that is a link, not a plain file, or larger than
/// dossier writes; and, when the build keeps the git history, a kept history that does not
/// read as dossier's. Anything else in place of the folder is left alone, and the build then
/// neither reads nor keeps a cache.
pub(crate) fn inspect(root: &Path, keeps_history: bool) -> Vec<CacheWarning> {
    let dir = root.join(CACHE_DIR);
    let Ok(metadata) = fs::symlink_metadata(&dir) else {
        return Vec::new();
    };
    if metadata.file_type().is_symlink() {
        let remedy = if fs::remove_file(&dir).is_ok() {
            Remedy::LinkRemoved
        } else {
            Remedy::LeftAlone
        };
        return vec![CacheWarning {
            path: PathBuf::from(CACHE_DIR),
            problem: KeptFileProblem::Link,
            remedy,
        }];
    }
    if !metadata.is_dir() {
        return vec![CacheWarning {
            path: PathBuf::from(CACHE_DIR),
            problem: KeptFileProblem::NotFolder,
            remedy: Remedy::LeftAlone,
        }];
    }
    let mut warnings = Vec::new();
    let mut discard = |name: &str, problem: KeptFileProblem| {
        let removed = remove_entry(&dir.join(name));
        warnings.push(CacheWarning::in_cache(name, problem, removed));
    };
    let mut names: Vec<(String, u64)> = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let limit = kept_limit(&name)?;
            Some((name, limit))
        })
        .collect();
    names.sort();
    for (name, limit) in names {
        let checked = match fs::symlink_metadata(dir.join(&name)) {
            Ok(metadata) => plain_within(&metadata, limit),
            Err(_) => Ok(()),
        };
        if let Err(problem) = checked {
            discard(&name, problem);
        }
    }
    if keeps_history {
        if let Some(problem) = history::kept_problem(root) {
            discard(history::KEPT_FILE, problem);
        }
    }
    warnings
}

/// The size a file of the cache folder may have, by its name; none for a name dossier does
/// not read (temporary files are replaced, never read).
fn kept_limit(name: &str) -> Option<u64> {
    if name == history::KEPT_FILE {
        Some(history::KEPT_LIMIT)
    } else if name == ".gitignore" {
        Some(NOTE_LIMIT)
    } else if let Some(rest) = name.strip_prefix("build-") {
        if rest.ends_with(".json") {
            Some(CACHE_LIMIT)
        } else if rest.ends_with(&format!(".{OUTPUT_NOTE}")) {
            Some(NOTE_LIMIT)
        } else {
            None
        }
    } else {
        None
    }
}

/// Removes an entry of the cache folder, whatever it is: a link itself (never what it leads
/// to), a FIFO, a file, or a folder with what it holds (links in it removed, not followed).
fn remove_entry(path: &Path) -> bool {
    let is_folder = fs::symlink_metadata(path).is_ok_and(|m| m.is_dir());
    let removed = if is_folder {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    };
    removed.is_ok()
}

/// Removes the caches of output folders that are gone or no longer dossier's: builds into
/// temporary folders (tests, previews) would otherwise leave a cache each, for ever. A note
/// that cannot be read as dossier's goes with its cache.
fn forget_gone_outputs(dir: &Path) {
    let notes = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == OUTPUT_NOTE));
    for note in notes {
        let gone = match read_kept_file(&note, NOTE_LIMIT) {
            Ok(Some(output)) => !has_marker(Path::new(&*String::from_utf8_lossy(&output))),
            Ok(None) => false,
            Err(_) => true,
        };
        if gone {
            let cache = note.with_extension("json");
            if let Some(name) = cache.file_name() {
                let _ =
                    fs::remove_file(cache.with_file_name(sources_beside(&name.to_string_lossy())));
            }
            let _ = fs::remove_file(&cache);
            let _ = fs::remove_file(&note);
        }
    }
}

/// A hash of what a value holds (its `Hash`, derived from its fields), not of how it prints.
pub(crate) fn fingerprint<T: Hash + ?Sized>(value: &T) -> u64 {
    let mut hash = Xxh3::new();
    value.hash(&mut hash);
    hash.finish()
}

fn people_hashes(loaded: &Loaded) -> BTreeMap<String, u64> {
    loaded
        .site
        .people
        .iter()
        .map(|(id, person)| (id.clone(), fingerprint(person)))
        .collect()
}

/// The name of the cache file of one output folder in the cache folder: several outputs of a
/// site (editions, staging and production addresses) each have their own.
fn cache_name(output: &Path) -> String {
    let key = xxh3_64(output.to_string_lossy().as_bytes());
    format!("build-{key:016x}.json")
}

/// The name of the file of one output's kept sources, beside its cache.
fn sources_name(output: &Path) -> String {
    sources_beside(&cache_name(output))
}

/// The kept sources' name for the cache file named `cache`.
fn sources_beside(cache: &str) -> String {
    cache.replace(".json", "-sources.json")
}

/// The bytes of the kept sources of `output`, when they are there as a plain file of a sane
/// size.
pub(crate) fn read_sources_file(root: &Path, output: &Path) -> Option<Vec<u8>> {
    let dir = existing_cache_dir(root)?;
    read_kept_file(&dir.join(sources_name(output)), CACHE_LIMIT)
        .ok()
        .flatten()
}

/// The running binary's size and modification time: a rebuilt dossier of the same version
/// renders everything.
pub(crate) fn binary_stamp() -> Option<(u64, Option<std::time::SystemTime>)> {
    std::env::current_exe()
        .ok()
        .and_then(|exe| fs::metadata(exe).ok())
        .map(|m| (m.len(), m.modified().ok()))
}

/// A hash of everything a page is made from besides meeting files: this dossier binary, the
/// configuration, people and initiatives, the theme, the options and the day, and the output
/// folder itself.
pub(crate) fn inputs_hash(
    loaded: &Loaded,
    theme: &Theme,
    options: &LoadOptions,
    output: &Path,
) -> u64 {
    let mut hash = Xxh3::new();
    (binary_stamp(), options, loaded.site.today).hash(&mut hash);
    let mut add = |part: &[u8]| {
        hash.update(part);
        hash.update(&[0]);
    };
    add(env!("CARGO_PKG_VERSION").as_bytes());
    add(&loaded.others_hash.to_le_bytes());
    add(output.to_string_lossy().as_bytes());
    for (name, (path, text)) in &theme.templates {
        add(name.as_bytes());
        add(path.to_string_lossy().as_bytes());
        add(text.as_bytes());
    }
    for (name, file) in &theme.static_files {
        add(name.as_bytes());
        match file {
            StaticFile::InMemory(bytes) => add(bytes),
            StaticFile::OnDisk(path) => {
                let stamp = fs::metadata(path)
                    .ok()
                    .map(|m| (m.len(), m.modified().ok()));
                add(&fingerprint(&(path, stamp)).to_le_bytes());
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
        let cache_file = |output: &Path| dir.join(cache_name(output));
        for output in [&kept, &gone] {
            let cache = cache_file(output);
            fs::write(&cache, "{}").unwrap();
            fs::write(
                cache.with_extension(OUTPUT_NOTE),
                output.to_string_lossy().as_bytes(),
            )
            .unwrap();
        }
        forget_gone_outputs(&dir);
        assert!(cache_file(&kept).exists());
        assert!(!cache_file(&gone).exists());
        assert!(!cache_file(&gone).with_extension(OUTPUT_NOTE).exists());
    }
}
