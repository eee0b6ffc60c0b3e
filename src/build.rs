//! `dossier build`: load, model, render and write, with a report of what was done.

use crate::content::load::LoadOptions;
use crate::error::{Diagnostic, Error, Result};
use crate::formats::feed;
use crate::formats::ics;
use crate::formats::Previous;
use crate::model::load::load_site;
use crate::model::Site;
use crate::output::{check_target, previous_file, Output, OutputLock, Staging};
use crate::render::theme::Theme;
use crate::render::{Page, Renderer, Templates};
use crate::urls;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Default: `public/` in the site folder.
    pub out: Option<PathBuf>,
    pub load: LoadOptions,
    /// Replace an existing output folder that dossier did not make.
    pub force: bool,
    /// Called when another build of the same output folder runs; this one waits for it.
    pub on_wait: Option<fn(&Path)>,
}

#[derive(Debug)]
pub struct BuildReport {
    pub meetings: usize,
    pub topics: usize,
    pub tasks: usize,
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    pub out: PathBuf,
    pub warnings: Vec<Diagnostic>,
    /// How long each stage took, for `--verbose`.
    pub phases: Vec<(&'static str, Duration)>,
}

/// Times the stages of a build.
struct Stopwatch {
    last: Instant,
    phases: Vec<(&'static str, Duration)>,
}

impl Stopwatch {
    fn lap(&mut self, phase: &'static str) {
        let now = Instant::now();
        self.phases.push((phase, now - self.last));
        self.last = now;
    }
}

pub fn build(options: &BuildOptions) -> Result<BuildReport> {
    let started = Instant::now();
    let mut watch = Stopwatch {
        last: started,
        phases: Vec::new(),
    };
    let root = &options.root;
    let out = options.out.clone().unwrap_or_else(|| root.join("public"));
    let target = check_target(root, &out, options.force)?;
    let lock = OutputLock::acquire(&target, || {
        if let Some(on_wait) = options.on_wait {
            on_wait(&target)
        }
    })?;

    let loaded = load_site(root, &options.load)?;
    let site = &loaded.site;
    watch.lap("load and model");
    let theme = Theme::load(root, &site.config.theme)?;
    let templates = Templates::new(site, &theme)?;
    let renderer = Renderer::new(site, &templates);
    renderer.make_all_values();
    let pages = renderer.pages();
    watch.lap("templates and page data");

    // Calendar revisions and feed dates continue from what the previous build published.
    let previous = Previous::from_files(
        previous_file(&target, urls::CALENDAR_FILE).as_deref(),
        previous_file(&target, urls::FEED_FILE).as_deref(),
    );
    let staging = Staging::begin(lock)?;
    let search_files = write_everything(&renderer, &pages, &theme, &previous, &staging)?;
    let files = pages.len()
        + search_files.len()
        + site_documents(&renderer, &pages, &previous).len()
        + site.by_person.len()
        + theme.static_files.len();
    watch.lap("render and write pages, calendars, feeds");
    staging.commit()?;
    watch.lap("swap in the new site");

    Ok(BuildReport {
        meetings: site.meetings.len(),
        topics: site.meetings.iter().map(|m| m.topics.len()).sum(),
        tasks: site.tasks.len(),
        pages: pages.len(),
        files,
        elapsed: started.elapsed(),
        out: target,
        warnings: loaded.warnings,
        phases: watch.phases,
    })
}

/// Writes every page, site-wide file, owner calendar, search file and static file of the
/// site; returns the paths of the search index's files.
pub fn write_everything(
    renderer: &Renderer,
    pages: &[Page],
    theme: &Theme,
    previous: &Previous,
    out: &impl Output,
) -> Result<Vec<String>> {
    let (pages_written, others_written) = rayon::join(
        || write_pages(renderer, pages, out),
        || {
            let owners: Vec<&String> = renderer.site.by_person.keys().collect();
            let search = write_site_files(renderer, pages, &owners, previous, out)?;
            write_static_files(theme, out)?;
            Ok(search)
        },
    );
    pages_written?;
    others_written
}

/// Renders and writes pages, in parallel.
pub fn write_pages(renderer: &Renderer, pages: &[Page], out: &impl Output) -> Result<()> {
    pages
        .par_iter()
        .try_for_each(|page| out.write(&renderer.path(page), renderer.render(page)?.as_bytes()))
}

type Make<'a> = Box<dyn Fn() -> String + Sync + Send + 'a>;

/// The site-wide files besides pages and owner calendars, by path, each with what makes it
/// (nothing is made until called).
pub fn site_documents<'a>(
    renderer: &'a Renderer,
    pages: &'a [Page],
    previous: &'a Previous,
) -> Vec<(String, Make<'a>)> {
    let site = renderer.site;
    let mut documents: Vec<(String, Make<'a>)> = vec![
        (
            urls::CALENDAR_FILE.into(),
            Box::new(|| {
                ics::Calendars::new(site, &previous.calendar)
                    .ics(0..site.tasks.len(), &site.config.title)
            }),
        ),
        (
            urls::FEED_FILE.into(),
            Box::new(|| feed::atom(site, &previous.feed)),
        ),
        (
            urls::TASKS_FILE.into(),
            Box::new(|| feed::tasks_json(site, site.tasks.iter())),
        ),
    ];
    // The sitemap: an index, and files of at most 50,000 addresses each.
    let listed: Vec<(String, Option<chrono::NaiveDate>)> = pages
        .iter()
        .filter(|p| **p != Page::NotFound)
        .map(|p| (renderer.url(p), renderer.changed_on(p)))
        .collect();
    let mut parts = Vec::new();
    for (n, chunk) in listed.chunks(feed::SITEMAP_URLS).enumerate() {
        let file = urls::sitemap_part(n + 1);
        parts.push((file.clone(), chunk.iter().filter_map(|(_, day)| *day).max()));
        let chunk = chunk.to_vec();
        documents.push((file, Box::new(move || feed::sitemap_urls(site, &chunk))));
    }
    documents.push((
        urls::SITEMAP_FILE.into(),
        Box::new(move || feed::sitemap_index(site, &parts)),
    ));
    documents
}

/// The site-wide files (see [`site_documents`]), the calendars of the given owners and the
/// search index, in parallel; returns the paths of the search index's files.
pub fn write_site_files(
    renderer: &Renderer,
    pages: &[Page],
    owners: &[&String],
    previous: &Previous,
    out: &impl Output,
) -> Result<Vec<String>> {
    let site = renderer.site;
    let documents = site_documents(renderer, pages, previous);
    let calendars = ics::Calendars::new(site, &previous.calendar);
    let owner_calendar = |id: &&String| {
        let name = format!(
            "{} — {}",
            site.people
                .get(*id)
                .map_or(id.as_str(), |p| p.name.as_str()),
            site.config.title
        );
        let tasks = site
            .by_person
            .get(*id)
            .map_or(&[][..], |i| i.tasks.as_slice());
        out.write(
            &urls::owner_calendar(id),
            calendars.ics(tasks.iter().copied(), &name).as_bytes(),
        )
    };
    let (documents_written, (calendars_written, search_written)) = rayon::join(
        || {
            documents
                .par_iter()
                .try_for_each(|(path, make)| out.write(path, make().as_bytes()))
        },
        || {
            rayon::join(
                || owners.par_iter().try_for_each(owner_calendar),
                || write_search_index(site, out),
            )
        },
    );
    documents_written?;
    calendars_written?;
    search_written
}

/// The search index's files (`search/`); returns their paths.
fn write_search_index(site: &Site, out: &impl Output) -> Result<Vec<String>> {
    let mut paths = Vec::new();
    crate::formats::search::write_files(site, |path, text| {
        out.write(&path, text.as_bytes())?;
        paths.push(path);
        Ok(())
    })?;
    Ok(paths)
}

/// The theme's static files.
pub fn write_static_files(theme: &Theme, out: &impl Output) -> Result<()> {
    theme
        .static_files
        .par_iter()
        .try_for_each(|(path, file)| out.copy(path, file))
}

/// Validates the site as a build would, without writing anything. Warnings count as errors.
pub fn check(root: &Path, load: &LoadOptions) -> Result<(usize, usize)> {
    let loaded = load_site(root, load)?;
    if !loaded.warnings.is_empty() {
        return Err(Error::Content(
            loaded
                .warnings
                .into_iter()
                .map(Diagnostic::into_error)
                .collect(),
        ));
    }
    let theme = Theme::load(root, &loaded.site.config.theme)?;
    let templates = Templates::new(&loaded.site, &theme)?;
    let renderer = Renderer::new(&loaded.site, &templates);
    let pages = renderer.pages();
    pages
        .par_iter()
        .try_for_each(|page| renderer.render(page).map(drop))?;
    Ok((loaded.site.meetings.len(), pages.len()))
}
