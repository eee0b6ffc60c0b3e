//! `dossier build`: load, model, render and write, with a report of what was done.
//!
//! A build into a folder an earlier build made renders only the pages an edit of meeting
//! files reaches and writes only the files whose bytes changed, from what the earlier build
//! left in its cache ([`cache`]); anything else, or `--clean`, renders every page into a
//! fresh folder swapped in at the end. Both give the same bytes.

pub(crate) mod cache;
mod fresh;
pub(crate) mod leaks;
pub(crate) mod progress;
mod site_files;

use crate::content::config::Edition;
use crate::content::load::LoadOptions;
use crate::error::{CacheWarning, Diagnostic, Error, Result};
use crate::formats::Previous;
use crate::model::load::{load_site, Loaded};
use crate::model::reach::{Footprints, Reach};
use crate::model::Site;
use crate::output::{
    check_target, previous_file, Changes, Output, OutputLock, Staged, Staging, MARKER,
};
use crate::render::theme::Theme;
use crate::render::{Page, Renderer, Templates};
use crate::urls;
use cache::BuildCache;
use progress::Progress;
use rayon::prelude::*;
pub(crate) use site_files::{expected_files, write_site_files};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Default: `public/` in the site folder.
    pub out: Option<PathBuf>,
    pub load: LoadOptions,
    /// Replace an existing output folder that dossier did not make.
    pub force: bool,
    /// Render every page, whatever the last build left.
    pub clean: bool,
    /// Called when another build of the same output folder runs; this one waits for it.
    pub on_wait: Option<fn(&Path)>,
    /// Moved on as the build goes, for whoever shows it.
    pub progress: Option<Arc<Progress>>,
}

#[derive(Debug)]
pub struct BuildReport {
    pub meetings: usize,
    pub topics: usize,
    pub tasks: usize,
    pub pages: usize,
    pub files: usize,
    /// How much was done: every page into a fresh folder, or only what the edits reached.
    pub work: Work,
    pub elapsed: Duration,
    pub out: PathBuf,
    pub warnings: Vec<Diagnostic>,
    /// Files and folders of the site's cache that were not trusted, and what was done with
    /// them.
    pub cache_warnings: Vec<CacheWarning>,
    /// How long each stage took, for `--verbose`.
    pub phases: Vec<Phase>,
}

/// One stage of a build, for `--verbose`.
#[derive(Debug, Clone, Copy)]
pub struct Phase {
    pub name: &'static str,
    pub took: Duration,
    /// The process's peak resident memory at the stage's end, in bytes, where the system tells.
    pub peak_memory: Option<u64>,
}

/// What a build rendered and wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Work {
    /// Every page rendered into a fresh folder, swapped in at the end, for this reason.
    Full(FullBecause),
    /// Only the pages the edited meetings reach were rendered.
    Incremental {
        meetings_changed: usize,
        pages_rendered: usize,
        files_written: usize,
        files_removed: usize,
    },
}

impl Work {
    /// Nothing changed since the last build: nothing rendered, written or removed.
    pub const UP_TO_DATE: Work = Work::Incremental {
        meetings_changed: 0,
        pages_rendered: 0,
        files_written: 0,
        files_removed: 0,
    };
}

/// Why a build rendered every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FullBecause {
    /// `--clean`.
    Asked,
    /// No cache of an earlier build of this folder, or one made from other inputs: another
    /// dossier, configuration, people, initiatives, theme, options or day.
    NoUsableCache,
}

/// Times the stages of a build.
struct Stopwatch {
    last: Instant,
    phases: Vec<Phase>,
}

impl Stopwatch {
    fn start() -> Self {
        Stopwatch {
            last: Instant::now(),
            phases: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.phases.push(Phase {
            name,
            took: now - self.last,
            peak_memory: peak_memory(),
        });
        self.last = now;
    }
}

/// The peak resident memory of this process so far (`VmHWM`), on systems with `/proc`.
fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes * 1024)
}

/// What both kinds of build work from.
struct Prepared<'a> {
    root: &'a Path,
    target: &'a Path,
    loaded: &'a Loaded,
    theme: &'a Theme,
    renderer: &'a Renderer<'a>,
    previous: &'a Previous,
    progress: Option<&'a Progress>,
}

/// What a build wrote, for its report and the cache it leaves.
struct Written {
    work: Work,
    pages: usize,
    /// Every file of the site now, relative to the output folder.
    files: Vec<String>,
    /// What the site shows of its meetings, for the cache the next build reads; none when no
    /// meeting changed, so that the cache read stays true.
    footprints: Option<Footprints>,
    /// The files an incremental build replaced, removed once the cache is written.
    replaced: Option<Staged>,
    lock: OutputLock,
}

/// What the previous build published in `target` that this one continues: calendar
/// revisions and feed dates.
fn previously_published(target: &Path) -> Previous {
    Previous::from_files(
        previous_file(target, urls::CALENDAR_FILE).as_deref(),
        previous_file(target, urls::FEED_FILE).as_deref(),
    )
}

/// Writes the cache the next build reads, then lets go of the files an incremental build
/// replaced and of the output's lock; gives the pages rendered and the work done. A cache that
/// cannot be written costs the next build time, never this build its site.
fn keep_cache(
    root: &Path,
    target: &Path,
    inputs: u64,
    loaded: &Loaded,
    written: Written,
) -> (usize, Work, bool) {
    let stamps = cache::output_stamps(target);
    // With no meeting changed, the cache the build read still stands.
    let mut cached = written.footprints.is_none() && stamps.is_some();
    if let (Some(footprints), Some(stamps)) = (written.footprints, stamps) {
        let cache = BuildCache::new(inputs, stamps, loaded, footprints, written.files);
        cached = cache.write(root, target).is_ok();
    }
    drop(written.replaced);
    drop(written.lock);
    (written.pages, written.work, cached)
}

/// Keeps what the build was made from and what it reported (see [`fresh`]), for the next
/// build to compare before it reads anything.
fn keep_sources(
    root: &Path,
    target: &Path,
    loaded: &Loaded,
    (made_with, files_read): (u64, fresh::Stamps),
    (pages, files): (usize, usize),
) {
    let Some(output) = cache::output_stamps(target) else {
        return;
    };
    let site = &loaded.site;
    let report = fresh::KeptReport {
        meetings: site.meetings.len(),
        topics: site.meetings.iter().map(|m| m.topics.len()).sum(),
        tasks: site.tasks.len(),
        pages,
        files,
        warnings: loaded.warnings.iter().map(Into::into).collect(),
    };
    if let Some(sources) = fresh::Sources::new(made_with, site, files_read, output, report) {
        BuildCache::keep_sources(root, target, &sources);
    }
}

/// The last build's report, when nothing it was made from changed since: the options, the
/// day, this binary and the stamp of every file it read.
fn still_up_to_date(
    options: &BuildOptions,
    target: &Path,
    made_with: u64,
    files_read: &fresh::Stamps,
) -> Option<fresh::KeptReport> {
    if options.clean {
        return None;
    }
    let kept = fresh::read(&options.root, target)?;
    kept.still_hold(&options.root, made_with, &options.load, files_read, target)
        .then_some(kept.report)
}

/// The report of a build that found the output up to date without reading the site.
fn up_to_date(
    kept: fresh::KeptReport,
    out: PathBuf,
    started: Instant,
    phases: Vec<Phase>,
) -> BuildReport {
    BuildReport {
        meetings: kept.meetings,
        topics: kept.topics,
        tasks: kept.tasks,
        pages: kept.pages,
        files: kept.files,
        work: Work::UP_TO_DATE,
        elapsed: started.elapsed(),
        out,
        warnings: kept.warnings.into_iter().map(Diagnostic::from).collect(),
        cache_warnings: Vec::new(),
        phases,
    }
}

/// Where a build writes without `--out`: `public/`, or for a customer's edition a folder of
/// its own, never the team's nor another account's: one command must not overwrite the site
/// another is for.
fn default_output(options: &BuildOptions) -> PathBuf {
    options
        .root
        .join(match (options.load.edition, &options.load.account) {
            (Edition::Internal, _) => "public".to_string(),
            (Edition::Customer, None) => "public-customer".to_string(),
            (Edition::Customer, Some(account)) => {
                format!("public-customer-{}", crate::paths::account_slug(account))
            }
        })
}

/// The output folder a build writes, checked, and held against other builds of it.
fn locked_output(options: &BuildOptions) -> Result<(PathBuf, OutputLock)> {
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| default_output(options));
    let target = check_target(&options.root, &out, options.force)?;
    let lock = OutputLock::acquire(&target, || {
        if let Some(on_wait) = options.on_wait {
            on_wait(&target)
        }
    })?;
    Ok((target, lock))
}

/// The cache of the last build of `target`, when this build can continue from it; one it
/// cannot trust is removed, and said so in `warnings`.
fn last_build(
    root: &Path,
    target: &Path,
    inputs: u64,
    loaded: &Loaded,
    warnings: &mut Vec<CacheWarning>,
) -> Option<BuildCache> {
    BuildCache::read(root, target, inputs)
        .unwrap_or_else(|problem| {
            warnings.push(BuildCache::discard(root, target, problem));
            None
        })
        .filter(|cache| cache.same_people(loaded))
}

pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let mut watch = Stopwatch::start();
    let started = watch.last;
    let root = &options.root;
    let (target, lock) = locked_output(options)?;

    // Before anything in the cache folder is read: what is not dossier's goes first.
    let mut cache_warnings = cache::inspect(root, options.load.keep_history);

    // Nothing read has changed since the last build: its report stands.
    let (made_with, files_read) = (
        fresh::made_with(&options.load, &target),
        fresh::stamps(root),
    );
    let kept = still_up_to_date(options, &target, made_with, &files_read);
    if let Some(kept) = kept.filter(|_| cache_warnings.is_empty()) {
        watch.lap("compare the files read with the last build's");
        return Ok(up_to_date(kept, target, started, watch.phases));
    }

    let progress = options.progress.as_deref();
    progress::stage(progress, "reading the files", 0);
    let loaded = load_site(root, &options.load)?;
    let site = &loaded.site;
    watch.lap("load and model");
    let theme = site_theme(root, site)?;
    let templates = Templates::new(site, &theme)?;
    let renderer = Renderer::new(site, &templates);
    let inputs = cache::inputs_hash(&loaded, &theme, &options.load, &target);
    let last_build = (!options.clean)
        .then(|| last_build(root, &target, inputs, &loaded, &mut cache_warnings))
        .flatten();
    watch.lap("templates and cache");

    let previous = previously_published(&target);
    let prepared = Prepared {
        root,
        target: &target,
        loaded: &loaded,
        theme: &theme,
        renderer: &renderer,
        previous: &previous,
        progress,
    };
    let written = match last_build {
        Some(last) => write_changes(&prepared, &last, lock, &mut watch)?,
        None if options.clean => write_new_site(&prepared, FullBecause::Asked, lock, &mut watch)?,
        None => write_new_site(&prepared, FullBecause::NoUsableCache, lock, &mut watch)?,
    };

    progress::stage(progress, "keeping a cache for the next build", 0);
    let files = written.files.len() - 1;
    let (pages, work, cached) = keep_cache(root, &target, inputs, &loaded, written);
    if cached {
        keep_sources(
            root,
            &target,
            &loaded,
            (made_with, files_read),
            (pages, files),
        );
    }
    watch.lap("cache for the next build");

    Ok(BuildReport {
        meetings: site.meetings.len(),
        topics: site.meetings.iter().map(|m| m.topics.len()).sum(),
        tasks: site.tasks.len(),
        pages,
        files,
        work,
        elapsed: started.elapsed(),
        out: target,
        warnings: loaded.warnings,
        cache_warnings,
        phases: watch.phases,
    })
}

/// Renders every page into a fresh folder and swaps it in.
fn write_new_site(
    build: &Prepared,
    because: FullBecause,
    lock: OutputLock,
    watch: &mut Stopwatch,
) -> Result<Written> {
    let renderer = build.renderer;
    let pages = renderer.pages();
    let staging = Staging::begin(lock)?;
    let search_files = write_everything(
        renderer,
        &pages,
        build.theme,
        build.previous,
        &staging,
        build.progress,
    )?;
    watch.lap("render and write pages, calendars, feeds");
    // The swap replaces the marker, which already makes an older cache stale; the cache goes
    // too, so that no build trusts it while this one writes a new one.
    let _ = BuildCache::forget(build.root, build.target);
    progress::stage(build.progress, "putting the new site in place", 0);
    let lock = staging.commit()?;
    watch.lap("swap in the new site, remove the old");
    let static_names: Vec<String> = build.theme.static_files.keys().cloned().collect();
    let files = expected_files(renderer, &pages, &static_names, &search_files);
    Ok(Written {
        work: Work::Full(because),
        pages: pages.len(),
        files: files.into_iter().collect(),
        footprints: Some(Footprints::of(
            renderer.site,
            None,
            &renderer.deadlines().months,
        )),
        replaced: None,
        lock,
    })
}

/// Renders the pages the edited meetings reach and the site-wide files, keeps the files whose
/// bytes changed, and only then puts them in place and removes what the site no longer has.
fn write_changes(
    build: &Prepared,
    last: &BuildCache,
    lock: OutputLock,
    watch: &mut Stopwatch,
) -> Result<Written> {
    let renderer = build.renderer;
    let site = renderer.site;
    let changed = last.changed_meetings(&build.loaded.meeting_sources);
    let pages = renderer.pages();
    let static_names: Vec<String> = build.theme.static_files.keys().cloned().collect();
    if changed.is_empty() {
        return Ok(Written {
            work: Work::UP_TO_DATE,
            pages: pages.len(),
            files: last.files.clone(),
            footprints: None,
            replaced: None,
            lock,
        });
    }
    let now = Footprints::of(site, None, &renderer.deadlines().months);
    let reach = Reach::of(&last.footprints, &now, &changed);
    let reached: Vec<Page> = pages
        .iter()
        .filter(|page| page.reached_by(site, &reach))
        .cloned()
        .collect();
    let owners = reach.calendars(site);
    let changes = Changes::new(build.target);
    let search_files = write_reached(
        renderer,
        &reached,
        &pages,
        &owners,
        build.previous,
        &changes,
        build.progress,
    )?;
    let files = expected_files(renderer, &pages, &static_names, &search_files);
    let stale: Vec<String> = last
        .files
        .iter()
        .filter(|file| !files.contains(*file))
        .cloned()
        .collect();
    let files_written = changes.len();
    watch.lap("render the pages and files an edit reaches");
    let mut replaced = None;
    if files_written > 0 || !stale.is_empty() {
        progress::stage(build.progress, "writing the files that changed", 0);
        // Written beside the output first: a failure there leaves the site and its cache.
        let staged = changes.stage(&stale)?;
        BuildCache::forget(build.root, build.target)
            .map_err(|e| Error::write(&build.root.join(cache::CACHE_DIR), e))?;
        staged.commit()?;
        replaced = Some(staged);
    }
    watch.lap("write the files that changed");
    Ok(Written {
        work: Work::Incremental {
            meetings_changed: changed.len(),
            pages_rendered: reached.len(),
            files_written,
            files_removed: stale.len(),
        },
        pages: pages.len(),
        files: files.into_iter().collect(),
        footprints: Some(now),
        replaced,
        lock,
    })
}

/// Writes every page, site-wide file, owner calendar, search file and static file of the
/// site; returns the paths of the search index's files.
pub(crate) fn write_everything(
    renderer: &Renderer,
    pages: &[Page],
    theme: &Theme,
    previous: &Previous,
    out: &impl Output,
    progress: Option<&Progress>,
) -> Result<Vec<String>> {
    // The search index first, on its own: its terms are freed before the values of every
    // page are made, so that the two never stand in memory together.
    progress::stage(progress, "making the search index", 0);
    let search_files = write_search_index(renderer, out)?;
    progress::stage(progress, "rendering pages", pages.len());
    renderer.make_all_values();
    let (pages_written, others_written) = rayon::join(
        || write_pages(renderer, pages, out, progress),
        || {
            let owners: Vec<&String> = renderer.site.by_person.keys().collect();
            write_site_files(renderer, pages, &owners, previous, out)?;
            write_static_files(theme, out)
        },
    );
    pages_written?;
    others_written?;
    Ok(search_files)
}

/// Writes the given pages, the site-wide files, the calendars of the given owners and the
/// search index, in parallel: what an edit reaches. Returns the paths of the search index's
/// files.
pub(crate) fn write_reached(
    renderer: &Renderer,
    reached: &[Page],
    pages: &[Page],
    owners: &[&String],
    previous: &Previous,
    out: &impl Output,
    progress: Option<&Progress>,
) -> Result<Vec<String>> {
    progress::stage(
        progress,
        "rendering the pages an edit reaches",
        reached.len(),
    );
    let (pages_written, (others_written, search_written)) = rayon::join(
        || write_pages(renderer, reached, out, progress),
        || {
            rayon::join(
                || write_site_files(renderer, pages, owners, previous, out),
                || write_search_index(renderer, out),
            )
        },
    );
    pages_written?;
    others_written?;
    search_written
}

/// Renders and writes pages, in parallel.
pub(crate) fn write_pages(
    renderer: &Renderer,
    pages: &[Page],
    out: &impl Output,
    progress: Option<&Progress>,
) -> Result<()> {
    pages.par_iter().try_for_each(|page| {
        out.write(&renderer.path(page), renderer.render(page)?.as_bytes())?;
        progress::advance(progress);
        Ok(())
    })
}

/// The search index's files (`search/`); returns their paths.
pub(crate) fn write_search_index(renderer: &Renderer, out: &impl Output) -> Result<Vec<String>> {
    let mut paths = Vec::new();
    let status_label = |status| renderer.status_label(status);
    crate::formats::search::write_files(renderer.site, &status_label, |path, text| {
        out.write(&path, text.as_bytes())?;
        paths.push(path);
        Ok(())
    })?;
    Ok(paths)
}

/// The theme's static files and the recaps meetings were imported from, each published beside
/// its meeting's page (the team's edition only: the customer edition's meetings have none).
/// A recap is copied as it is, never read: only a file beside its meeting, inside the site.
pub(crate) fn with_recaps(mut theme: Theme, root: &Path, site: &Site) -> Result<Theme> {
    let mut missing = Vec::new();
    for meeting in &site.meetings {
        let Some(recap) = &meeting.recap else {
            continue;
        };
        let real = crate::site_paths::inside_site(root, recap)?;
        if !real.is_file() {
            missing.push(Diagnostic::file(
                &meeting.source,
                format!(
                    "`recap` names {}, which is not a file; restore it or remove the line",
                    recap.display()
                ),
            ));
            continue;
        }
        theme.static_files.insert(
            urls::meeting_recap(&meeting.slug, recap),
            crate::render::theme::StaticFile::OnDisk(real),
        );
    }
    if missing.is_empty() {
        Ok(theme)
    } else {
        Err(Error::Content(missing))
    }
}

/// The site's theme in the site's language, with each meeting's kept recap among its files.
pub(crate) fn site_theme(root: &Path, site: &Site) -> Result<Theme> {
    with_recaps(
        Theme::load(root, &site.config.theme, site.config.language)?,
        root,
        site,
    )
}

/// The theme's static files.
pub(crate) fn write_static_files(theme: &Theme, out: &impl Output) -> Result<()> {
    theme
        .static_files
        .par_iter()
        .try_for_each(|(path, file)| out.copy(path, file))
}

/// What `dossier check` found right: the meetings and pages, and for the customer edition
/// what the scan for internal text looked at.
pub struct CheckReport {
    pub meetings: usize,
    pub pages: usize,
    /// Each page's kind and the file a build writes it to, relative to the output.
    pub page_files: Vec<(&'static str, String)>,
    pub scan: Option<leaks::ScanReport>,
    /// What a build would warn about; `dossier check --strict` fails on them.
    pub warnings: Vec<Diagnostic>,
}

/// Validates the site as a build would, without writing anything: every error of every file
/// fails it, with all of them and the warnings beside them. For the customer edition, also
/// scans everything it would write for internal text.
pub fn check(root: &Path, load: &LoadOptions) -> Result<CheckReport> {
    let loaded = load_site(root, load)?;
    let theme = site_theme(root, &loaded.site)?;
    let templates = Templates::new(&loaded.site, &theme)?;
    let renderer = Renderer::new(&loaded.site, &templates);
    let pages = renderer.pages();
    pages
        .par_iter()
        .try_for_each(|page| renderer.render(page).map(drop))?;
    let scan = if load.edition.hides_internal() {
        let report = leaks::scan(root, load)?;
        if !report.leaks.is_empty() {
            return Err(Error::Content(leaks::diagnostics(&report.leaks)));
        }
        Some(report)
    } else {
        None
    };
    Ok(CheckReport {
        meetings: loaded.site.meetings.len(),
        pages: pages.len(),
        page_files: pages
            .iter()
            .map(|page| (page.kind_name(), renderer.path(page)))
            .collect(),
        scan,
        warnings: loaded.warnings,
    })
}
