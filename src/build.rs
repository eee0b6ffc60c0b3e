//! `dossier build`: load, model, render and write, with a report of what was done.

use crate::calendar;
use crate::error::{Diagnostic, Error, Result};
use crate::feed;
use crate::load::{load_site, LoadOptions};
use crate::output::{check_target, Staging};
use crate::render::Renderer;
use crate::theme::Theme;
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

    let loaded = load_site(root, &options.load)?;
    let site = &loaded.site;
    watch.lap("load and model");
    let theme = Theme::load(root, &site.config.theme)?;
    let renderer = Renderer::new(site, &theme)?;
    let pages = renderer.pages();
    watch.lap("templates and page data");

    let staging = Staging::begin(&target)?;
    let urls: Vec<String> = pages
        .iter()
        .filter(|p| **p != crate::render::Page::NotFound)
        .map(|p| renderer.url(p))
        .collect();
    // The site-wide files are independent of the pages: made alongside them.
    type Make<'a> = Box<dyn Fn() -> String + Sync + 'a>;
    let documents: Vec<(String, Make)> = vec![
        (
            "calendar.ics".into(),
            Box::new(|| calendar::ics(site, 0..site.tasks.len(), &site.config.title)),
        ),
        ("feed.xml".into(), Box::new(|| feed::atom(site))),
        (
            "tasks.json".into(),
            Box::new(|| feed::tasks_json(site, site.tasks.iter())),
        ),
        (
            "sitemap.xml".into(),
            Box::new(|| feed::sitemap(site, &urls)),
        ),
        (
            "search-index.js".into(),
            Box::new(|| crate::search::index_script(site)),
        ),
    ];
    let owner_calendars = |(id, index): (&String, &crate::model::PersonIndex)| {
        let name = format!(
            "{} — {}",
            site.people.get(id).map_or(id.as_str(), |p| p.name.as_str()),
            site.config.title
        );
        staging.write(
            &format!("owners/{id}/calendar.ics"),
            calendar::ics(site, index.tasks.iter().copied(), &name).as_bytes(),
        )
    };
    let (pages_written, others_written) = rayon::join(
        || {
            pages.par_iter().try_for_each(|page| {
                staging.write(&renderer.path(page), renderer.render(page)?.as_bytes())
            })
        },
        || -> Result<()> {
            documents
                .par_iter()
                .try_for_each(|(path, make)| staging.write(path, make().as_bytes()))?;
            site.by_person.par_iter().try_for_each(owner_calendars)?;
            theme
                .static_files
                .par_iter()
                .try_for_each(|(name, bytes)| staging.write(&format!("static/{name}"), bytes))
        },
    );
    pages_written?;
    others_written?;
    let files = pages.len() + documents.len() + site.by_person.len() + theme.static_files.len();
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
    let renderer = Renderer::new(&loaded.site, &theme)?;
    let pages = renderer.pages();
    pages
        .par_iter()
        .try_for_each(|page| renderer.render(page).map(drop))?;
    Ok((loaded.site.meetings.len(), pages.len()))
}
