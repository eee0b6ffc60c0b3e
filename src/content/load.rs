//! Read every file of a site, in parallel, into documents, collecting every problem so that
//! one run reports them all; serve keeps the documents between runs in a [`DocCache`].

use crate::content::config::{Edition, SiteConfig};
use crate::content::history::{last_edits, LastEdit};
use crate::content::initiative::InitiativeDoc;
use crate::content::links::ContentIndex;
use crate::content::markdown::Renderer;
use crate::content::meeting::{MeetingDoc, MeetingReader, Parsed};
use crate::content::people::People;
use crate::content::source::SourceFile;
use crate::error::{Diagnostic, Error, Result};
use crate::site_paths::{markdown_files, ContentFile, INITIATIVES_DIR, MEETINGS_DIR};
use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

mod edition;
pub(crate) use edition::{customer_account, edition_account, in_account};
use edition::{Marks, Shown};

/// What a load needs to know beyond the files.
#[derive(Debug, Clone, Default, Hash)]
pub struct LoadOptions {
    pub today: Option<NaiveDate>,
    pub drafts: bool,
    /// Publish for this address instead of site.toml's `base_url` (staging, production).
    pub base_url: Option<String>,
    /// Keep what git's history says in the site's cache folder, so that the next load reads
    /// only the commits made since (builds and serve; `check` writes nothing).
    pub keep_history: bool,
    /// Who the site is for: the customer edition leaves out everything marked internal.
    pub edition: Edition,
    /// The account a customer edition shows (`--account`, a name or its slug); required when
    /// the site has more than one and site.toml's `[editions.customer]` names none.
    pub account: Option<String>,
}

/// Parsed documents kept between loads by `serve`: a file is parsed again only when its size
/// or modification time changed, or what it was read against did (the people, the
/// configuration, the set of content files its links may name).
#[derive(Default)]
pub(crate) struct DocCache {
    /// Whether documents are kept for the next load; a one-off build does not pay for copies.
    keep: bool,
    read_against: Option<(SiteConfig, People, ContentIndex)>,
    meetings: HashMap<PathBuf, Cached<MeetingDoc>>,
    initiatives: HashMap<PathBuf, Cached<InitiativeDoc>>,
}

/// A file's size and modification time when it was read.
type Stamp = (u64, Option<SystemTime>);
/// A stamp no file has.
const STALE: Stamp = (u64::MAX, None);

struct Cached<T> {
    stamp: Stamp,
    parsed: Parsed<T>,
}

impl<T> Cached<T> {
    /// Whether the document depends on which content files exist.
    fn names_content_files(&self, source: impl Fn(&T) -> &SourceFile) -> bool {
        !self.parsed.diagnostics.is_empty()
            || self
                .parsed
                .doc
                .as_ref()
                .is_none_or(|doc| names_content_files(source(doc)))
    }
}

impl DocCache {
    /// Drops what was parsed against another configuration or other people, and the
    /// documents whose links may name a file that came or went; whether anything beyond the
    /// meetings may have changed.
    fn forget_what_was_read_against(
        &mut self,
        config: &SiteConfig,
        people: &People,
        links: &ContentIndex,
    ) -> bool {
        match &self.read_against {
            Some((c, p, _)) if c != config || p != people => {
                self.meetings.clear();
                self.initiatives.clear();
                true
            }
            Some((_, _, l)) => {
                if l != links {
                    self.meetings
                        .retain(|_, c| !c.names_content_files(|d: &MeetingDoc| &d.source));
                    self.initiatives
                        .retain(|_, c| !c.names_content_files(|d: &InitiativeDoc| &d.source));
                }
                false
            }
            None => true,
        }
    }

    /// A cache that keeps what it reads for the next load.
    pub(crate) fn keeping() -> DocCache {
        DocCache {
            keep: true,
            ..DocCache::default()
        }
    }

    /// Marks a file (relative to the site) as changed, so that the next load reads it again
    /// whatever its stamp (a file saved twice within the clock's resolution keeps its stamp),
    /// or reports it gone.
    pub(crate) fn invalidate(&mut self, path: &Path) {
        if let Some(cached) = self.meetings.get_mut(path) {
            cached.stamp = STALE;
        }
        if let Some(cached) = self.initiatives.get_mut(path) {
            cached.stamp = STALE;
        }
    }
}

fn stamp(path: &Path) -> Stamp {
    std::fs::metadata(path).map_or((0, None), |m| (m.len(), m.modified().ok()))
}

/// Parses the files of one kind through the cache, from what [`find`] read of them; returns the
/// parsed documents and the slugs of files read anew or gone.
fn read_cached<T: Clone + Send + Sync>(
    root: &Path,
    files: &[ContentFile],
    found: Vec<Found>,
    cache: &mut HashMap<PathBuf, Cached<T>>,
    keep: bool,
    read: impl Fn(SourceFile, String) -> Parsed<T> + Sync,
) -> (Vec<Parsed<T>>, BTreeSet<String>) {
    // Copies of cached documents are made here, in parallel, too.
    let read: Vec<Result<Parsed<T>, Cached<T>>> = files
        .par_iter()
        .zip(found)
        .map(|(file, found)| {
            if let Some(cached) = cache.get(&file.path).filter(|c| c.stamp == found.stamp) {
                return Ok(cached.parsed.clone());
            }
            // Not read ahead when the cache held it then: a change to the files its links may
            // name, or to the configuration, has dropped it since.
            let source = found.source.unwrap_or_else(|| read_file(root, file));
            let parsed = match source {
                Ok(source) => read(source, file.slug.clone()),
                Err(diagnostic) => failed(diagnostic),
            };
            Err(Cached {
                stamp: found.stamp,
                parsed,
            })
        })
        .collect();
    let mut previous = std::mem::take(cache);
    let mut changed = BTreeSet::new();
    let mut parsed = Vec::with_capacity(files.len());
    for (file, read) in files.iter().zip(read) {
        match read {
            Ok(copy) => {
                parsed.push(copy);
                if let Some(entry) = previous.remove(&file.path) {
                    cache.insert(file.path.clone(), entry);
                }
            }
            Err(fresh) => {
                changed.insert(file.slug.clone());
                if keep {
                    parsed.push(fresh.parsed.clone());
                    cache.insert(file.path.clone(), fresh);
                } else {
                    parsed.push(fresh.parsed);
                }
            }
        }
    }
    // What is left was not found this time: deleted or renamed.
    changed.extend(
        previous
            .keys()
            .filter_map(|path| path.file_stem())
            .map(|stem| stem.to_string_lossy().into_owned()),
    );
    (parsed, changed)
}

/// Every document of the site, read, with the warnings met on the way.
pub(crate) struct Documents {
    pub config: SiteConfig,
    pub people: People,
    pub meetings: Vec<MeetingDoc>,
    pub initiatives: Vec<InitiativeDoc>,
    /// Sorted by file and position.
    pub warnings: Vec<Diagnostic>,
    /// Slugs of the meeting files read anew (new or changed) or gone since the cache's last
    /// load: all of them when nothing was cached.
    pub changed_meetings: BTreeSet<String>,
    /// Whether anything besides meeting files changed since the cache's last load: the
    /// configuration, people or an initiative.
    pub others_changed: bool,
    /// What each meeting file held, by its path relative to the site: a build compares them
    /// with the previous build's to find the meetings that changed.
    pub meeting_sources: BTreeMap<String, SourceStamp>,
    /// A hash of everything read besides meeting files (configuration, people, initiatives):
    /// when it changes, a build renders every page.
    pub others_hash: u64,
    /// The last commit of each content file, by path relative to the site, where the site is
    /// a git repository.
    pub last_edits: HashMap<PathBuf, LastEdit>,
}

/// A meeting file as a build remembers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SourceStamp {
    pub slug: String,
    /// A 64-bit XXH3 hash of the file's text.
    pub hash: u64,
    /// Whether its text may link to other content files, and so reads differently when the
    /// set of files changes.
    pub names_content_files: bool,
}

impl SourceStamp {
    /// The file's text and its last commit: a commit changes what its page says.
    fn of(source: &SourceFile, slug: &str, last_edit: Option<&LastEdit>) -> SourceStamp {
        let mut hash = xxhash_rust::xxh3::Xxh3::new();
        hash.update(source.text.as_bytes());
        if let Some(edit) = last_edit {
            hash.update(format!("\0{}\0{}", edit.date, edit.author).as_bytes());
        }
        SourceStamp {
            slug: slug.to_string(),
            hash: hash.digest(),
            names_content_files: names_content_files(source),
        }
    }
}

/// Whether a document's links may name other content files (the `.md` files of meetings and
/// initiatives), so that it must be read again when those files change.
fn names_content_files(source: &SourceFile) -> bool {
    source.text.contains(".md")
}

/// Reads every file of the site at `root`, parsing only the files the cache does not hold.
/// Any error in any file fails the whole read, with every problem found.
pub(crate) fn read_documents(
    root: &Path,
    options: &LoadOptions,
    cache: &mut DocCache,
) -> Result<Documents> {
    let config = edition_config(root, options)?;
    let (people, people_errors) = people_or_errors(root)?;
    // git reads the history while the files are parsed.
    let history = config
        .last_edited
        .then(|| history_in_background(root, options.keep_history));

    let (meeting_files, initiative_files) = content_files(root)?;
    let mut diagnostics: Vec<Diagnostic> = config.warnings.clone();
    let people_read = people_errors.is_empty();
    diagnostics.extend(people_errors);
    diagnostics.extend(duplicate_slugs(&meeting_files, "meetings"));
    diagnostics.extend(duplicate_slugs(&initiative_files, "initiatives"));
    let hide = options.edition.hides_internal();
    let (found_meetings, found_initiatives) =
        found_files(root, (&meeting_files, &initiative_files), cache, hide);
    let (shown, links) = shown_and_links(
        &config,
        options,
        (&meeting_files, &found_meetings),
        (&initiative_files, &found_initiatives),
    )?;
    let mut others_changed = cache.forget_what_was_read_against(&config, &people, &links);

    let keep = cache.keep;
    let reader = MeetingReader {
        renderer: Renderer::for_site(&people, &config, hide),
        links: Some(&links),
        people_read,
    };
    let (meetings, changed_meetings) = read_cached(
        root,
        &meeting_files,
        found_meetings,
        &mut cache.meetings,
        keep,
        |source, slug| reader.read(source, slug),
    );
    let (initiatives, changed_initiatives) = read_cached(
        root,
        &initiative_files,
        found_initiatives,
        &mut cache.initiatives,
        keep,
        |source, slug| reader.read_initiative(source, slug),
    );
    others_changed |= !changed_initiatives.is_empty();
    if keep {
        cache.read_against = Some((config.clone(), people.clone(), links.clone()));
    }

    let last_edits = history
        .and_then(|thread| thread.join().ok())
        .unwrap_or_default();
    let meeting_sources = source_stamps(&meeting_files, &meetings, &last_edits);
    let others_hash = others_hash(&config, &people, &initiatives, &last_edits);
    let (meeting_docs, initiative_docs) = shown.keep(meetings, initiatives, &mut diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Error::Content(sorted(diagnostics)));
    }
    Ok(Documents {
        config,
        people,
        meetings: meeting_docs,
        initiatives: initiative_docs,
        warnings: sorted(diagnostics),
        changed_meetings,
        others_changed,
        meeting_sources,
        others_hash,
        last_edits,
    })
}

/// people.toml, or nobody and its errors: an error in it is reported with every other problem,
/// and the meetings are still read (against nobody), so that one run shows everything to fix.
fn people_or_errors(root: &Path) -> Result<(People, Vec<Diagnostic>)> {
    match People::load(root) {
        Ok(people) => Ok((people, Vec::new())),
        Err(Error::Content(found)) => Ok((People::default(), found)),
        Err(other) => Err(other),
    }
}

/// Each file's last commit, read from git on a thread of its own while the files are parsed.
fn history_in_background(
    root: &Path,
    keep: bool,
) -> std::thread::JoinHandle<HashMap<PathBuf, LastEdit>> {
    let root = root.to_path_buf();
    std::thread::spawn(move || last_edits(&root, keep))
}

/// Each meeting and initiative file's stamp, text and marks, taken from `cache` where the file
/// did not change.
fn found_files(
    root: &Path,
    (meeting_files, initiative_files): (&[ContentFile], &[ContentFile]),
    cache: &DocCache,
    hide: bool,
) -> (Vec<Found>, Vec<Found>) {
    let meetings = find(
        root,
        meeting_files,
        &cache.meetings,
        hide,
        Marks::of_meeting,
    );
    let initiatives = find(
        root,
        initiative_files,
        &cache.initiatives,
        hide,
        Marks::of_initiative,
    );
    (meetings, initiatives)
}

/// The site's meeting files and initiative files.
fn content_files(root: &Path) -> Result<(Vec<ContentFile>, Vec<ContentFile>)> {
    Ok((
        markdown_files(root, Path::new(MEETINGS_DIR))?,
        markdown_files(root, Path::new(INITIATIVES_DIR))?,
    ))
}

/// What the edition shows of the files found, and the index of the content files their links
/// may name (those left out show as text).
fn shown_and_links(
    config: &SiteConfig,
    options: &LoadOptions,
    (meeting_files, found_meetings): (&[ContentFile], &[Found]),
    (initiative_files, found_initiatives): (&[ContentFile], &[Found]),
) -> Result<(Shown, ContentIndex)> {
    let meetings_found = meeting_files
        .iter()
        .zip(found_meetings.iter().map(|f| &f.marks));
    let initiatives_found = initiative_files
        .iter()
        .zip(found_initiatives.iter().map(|f| &f.marks));
    let shown = Shown::of(
        config,
        options,
        meetings_found.clone(),
        initiatives_found.clone(),
    )?;
    let links = shown.links(
        meeting_files,
        initiative_files,
        meetings_found.chain(initiatives_found),
    );
    Ok((shown, links))
}

/// Each meeting's fingerprint, by its path: what an incremental build compares.
fn source_stamps(
    files: &[ContentFile],
    meetings: &[Parsed<MeetingDoc>],
    last_edits: &HashMap<PathBuf, LastEdit>,
) -> BTreeMap<String, SourceStamp> {
    files
        .iter()
        .zip(meetings)
        .filter_map(|(file, parsed)| {
            let doc = parsed.doc.as_ref()?;
            let path = file.path.to_string_lossy().into_owned();
            let edit = last_edits.get(&file.path);
            Some((path, SourceStamp::of(&doc.source, &file.slug, edit)))
        })
        .collect()
}

/// site.toml as this edition and address read it.
fn edition_config(root: &Path, options: &LoadOptions) -> Result<SiteConfig> {
    let mut config = SiteConfig::load(root)?.for_edition(options.edition);
    if options.edition.hides_internal() {
        // Commit authors are names too, and may be the team's own: the customer edition says
        // nothing of who edited what.
        config.last_edited = false;
    }
    if let Some(url) = &options.base_url {
        config = config.with_base_url(url)?;
    }
    Ok(config)
}

/// What every page outside the meetings depends on: the configuration, the people, and each
/// initiative as written and last edited.
fn others_hash(
    config: &SiteConfig,
    people: &People,
    initiatives: &[Parsed<InitiativeDoc>],
    last_edits: &HashMap<PathBuf, LastEdit>,
) -> u64 {
    let mut others = xxhash_rust::xxh3::Xxh3::new();
    config.hash(&mut others);
    // People by id only: their index by name is a HashMap, in no fixed order.
    for person in people.iter() {
        person.hash(&mut others);
    }
    for doc in initiatives.iter().filter_map(|parsed| parsed.doc.as_ref()) {
        others.update(doc.source.path.to_string_lossy().as_bytes());
        others.update(&[0]);
        others.update(doc.source.text.as_bytes());
        others.update(&[0]);
        if let Some(edit) = last_edits.get(&doc.source.path) {
            others.update(format!("{}\0{}\0", edit.date, edit.author).as_bytes());
        }
    }
    others.digest()
}

/// A content file as found before parsing.
struct Found {
    /// Taken before the file is read: a save during the read is seen next time.
    stamp: Stamp,
    /// Its text, read once, unless the cache holds the file as it is.
    source: Option<Result<SourceFile, Diagnostic>>,
    /// What it says about who may see it: links to the files this build leaves out show as
    /// text, so these are known before the first file is parsed.
    marks: Marks,
}

/// Stamps each file, and reads those the cache does not hold as they are now; the marks of
/// the others come from their cached documents.
fn find<T: Sync>(
    root: &Path,
    files: &[ContentFile],
    cache: &HashMap<PathBuf, Cached<T>>,
    accounts_matter: bool,
    marks_of: impl Fn(&T) -> Marks + Sync,
) -> Vec<Found> {
    files
        .par_iter()
        .map(|file| {
            let stamp = stamp(&root.join(&file.path));
            if let Some(cached) = cache.get(&file.path).filter(|c| c.stamp == stamp) {
                let marks = cached.parsed.doc.as_ref().map(&marks_of);
                return Found {
                    stamp,
                    source: None,
                    marks: marks.unwrap_or_default(),
                };
            }
            let source = read_file(root, file);
            let marks = source
                .as_ref()
                .map(|source| Marks::of(source, accounts_matter))
                .unwrap_or_default();
            Found {
                stamp,
                source: Some(source),
                marks,
            }
        })
        .collect()
}

fn failed<T>(diagnostic: Diagnostic) -> Parsed<T> {
    Parsed {
        doc: None,
        diagnostics: vec![diagnostic],
    }
}

pub(crate) fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    diagnostics
}

fn read_file(root: &Path, file: &ContentFile) -> Result<SourceFile, Diagnostic> {
    match SourceFile::read(root, &file.path) {
        Ok(source) => Ok(source),
        Err(error) => Err(error.into_diagnostic(&file.path)),
    }
}

fn duplicate_slugs(files: &[ContentFile], kind: &str) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &Path> = HashMap::new();
    let mut problems = Vec::new();
    for file in files {
        if let Some(other) = first.insert(&file.slug, &file.path) {
            problems.push(Diagnostic::file(
                &file.path,
                format!(
                    "{kind}/{}/ is claimed by this file and by {}; rename one of them",
                    file.slug,
                    other.display()
                ),
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const WEEKLY: &str = "content/meetings/2025-11-20-weekly.md";
    const NEXT: &str = "content/meetings/2025-11-27-next.md";

    fn write(root: &Path, path: &str, text: &str) {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn next_meeting(draft: bool) -> String {
        format!("+++\ntitle = \"Next\"\ndate = 2025-11-27\ndraft = {draft}\n+++\nPlanned.\n")
    }

    /// Loads the site through the cache; whether the weekly meeting's link to the next one
    /// leads to its page, and which meetings were read anew.
    fn load(root: &Path, cache: &mut DocCache) -> (bool, BTreeSet<String>) {
        let docs = read_documents(root, &LoadOptions::default(), cache).unwrap();
        let weekly = docs.meetings.iter().find(|m| m.slug == "2025-11-20-weekly");
        let links = weekly
            .unwrap()
            .intro_html
            .contains("meetings/2025-11-27-next/index.html");
        (links, docs.changed_meetings)
    }

    /// What serve does: a meeting becomes a draft and is published again, and a load in between
    /// that reads nothing anew still knows the draft from its cached document.
    #[test]
    fn a_kept_load_follows_a_meeting_becoming_a_draft_and_published_again() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        write(
            root,
            "site.toml",
            "title = \"Drafts\"\nlast_edited = false\n",
        );
        write(root, "content/people.toml", "");
        write(root, WEEKLY, "+++\ntitle = \"Weekly\"\ndate = 2025-11-20\n+++\nBefore [next week](2025-11-27-next.md).\n");
        write(root, NEXT, &next_meeting(false));
        let mut cache = DocCache::keeping();
        let all = BTreeSet::from([
            "2025-11-20-weekly".to_string(),
            "2025-11-27-next".to_string(),
        ]);
        assert_eq!(load(root, &mut cache), (true, all.clone()));

        write(root, NEXT, &next_meeting(true));
        cache.invalidate(Path::new(NEXT));
        // The weekly meeting is read again: its link now shows as text.
        assert_eq!(load(root, &mut cache), (false, all.clone()));
        assert_eq!(load(root, &mut cache), (false, BTreeSet::new()));

        write(root, NEXT, &next_meeting(false));
        cache.invalidate(Path::new(NEXT));
        assert_eq!(load(root, &mut cache), (true, all));
    }
}
