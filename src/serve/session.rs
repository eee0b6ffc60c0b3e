//! Rebuilds for `serve`: after an edit of meeting files, only the pages that show something of
//! those meetings are rendered again, and only the files whose bytes changed are written.
//!
//! The pages an edit reaches are found by `model::reach` from the model before and after it,
//! and each page kind says which of them it shows (`render::Page::reached_by`). Anything else
//! (people, initiatives, configuration, templates, a new day) rebuilds every page, which still
//! writes only what changed.

use crate::build::{expected_files, write_everything, write_pages, write_reached};
use crate::content::load::{DocCache, LoadOptions};
use crate::error::{Diagnostic, Result};
use crate::formats::Previous;
use crate::model::load::load_site_with;
use crate::model::reach::{Footprints, Reach};
use crate::model::Site;
use crate::output::LiveOutput;
use crate::render::theme::Theme;
use crate::render::{Page, Renderer, Templates, Values};
use crate::site_paths::MEETINGS_DIR;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A site kept in memory between rebuilds, written into a private folder.
pub struct Session {
    /// The site folder, canonical: watchers report changes under it.
    root: PathBuf,
    /// The site folder as given.
    given_root: PathBuf,
    load: LoadOptions,
    docs: DocCache,
    output: LiveOutput,
    /// The last build that was written completely; `None` after a failure, so that the next
    /// rebuild renders everything.
    last: Option<LastBuild>,
}

struct LastBuild {
    site: Site,
    templates: Templates,
    values: Values,
    static_names: Vec<String>,
}

/// What a rebuild did.
#[derive(Debug)]
pub struct RebuildReport {
    /// Whether every page was rendered (the first build, or a change beyond meeting files).
    pub full: bool,
    pub pages_rendered: usize,
    pub pages: usize,
    pub files_removed: usize,
    pub elapsed: Duration,
    pub warnings: Vec<Diagnostic>,
}

impl Session {
    /// A session writing into `out`, which is emptied first (it must be dossier's own).
    pub fn new(root: &Path, out: &Path, load: LoadOptions) -> Result<Session> {
        Ok(Session {
            root: root
                .canonicalize()
                .map_err(|e| crate::error::Error::read(root, e))?,
            given_root: root.to_path_buf(),
            load,
            docs: DocCache::keeping(),
            output: LiveOutput::create(out)?,
            last: None,
        })
    }

    pub fn out(&self) -> &Path {
        self.output.dir()
    }

    /// Brings the output up to date with the files, given the paths the watcher saw change
    /// (files are also compared with what was read before, so a missed path is still found).
    /// A change to anything but meeting files renders every page. `shown` is called once the
    /// edited meetings' own pages are written, before the pages that list them, so that the
    /// page being edited can be shown at once.
    pub fn rebuild(
        &mut self,
        changed: &[PathBuf],
        shown: &mut dyn FnMut(&[String]),
    ) -> Result<RebuildReport> {
        let started = Instant::now();
        let meetings = self.root.join(MEETINGS_DIR);
        let mut everything = false;
        for path in changed {
            let path = path.canonicalize().unwrap_or_else(|_| path.clone());
            let relative = path
                .strip_prefix(&self.root)
                .or_else(|_| path.strip_prefix(&self.given_root));
            everything |= !path.starts_with(&meetings)
                && !path.starts_with(self.given_root.join(MEETINGS_DIR));
            if let Ok(relative) = relative {
                self.docs.invalidate(relative);
            }
        }
        let result = self.try_rebuild(everything, shown);
        if result.is_err() {
            // The output may be partly written: render everything next time.
            self.last = None;
        }
        result.map(|report| RebuildReport {
            elapsed: started.elapsed(),
            ..report
        })
    }

    fn try_rebuild(
        &mut self,
        everything: bool,
        shown: &mut dyn FnMut(&[String]),
    ) -> Result<RebuildReport> {
        let loaded = load_site_with(&self.root, &self.load, &mut self.docs)?;
        let site = loaded.site;
        // Only meetings changed, and nothing they show of the rest: people's names (someone
        // not in people.toml is named as a meeting first writes them) and the day.
        let last = self.last.take().filter(|last| {
            !everything
                && !loaded.others_changed
                && last.site.today == site.today
                && last
                    .site
                    .people
                    .iter()
                    .all(|(id, person)| site.people.get(id).is_none_or(|now| now == person))
        });
        if let Some(mut last) = last {
            let values = std::mem::take(&mut last.values);
            let after = Renderer::new(&site, &last.templates);
            let (rendered, removed, pages) =
                self.write_changes(&last, values, &after, &loaded.changed_meetings, shown)?;
            let values = after.into_values();
            self.last = Some(LastBuild {
                site,
                values,
                ..last
            });
            return Ok(RebuildReport {
                full: false,
                pages_rendered: rendered,
                pages,
                files_removed: removed,
                elapsed: Duration::ZERO,
                warnings: loaded.warnings,
            });
        }
        self.rebuild_everything(site, loaded.warnings, shown)
    }

    /// Renders every page of `site` with its theme loaded again, and keeps what the next
    /// rebuild needs.
    fn rebuild_everything(
        &mut self,
        site: Site,
        warnings: Vec<Diagnostic>,
        shown: &mut dyn FnMut(&[String]),
    ) -> Result<RebuildReport> {
        let theme = crate::build::with_recaps(
            Theme::load(&self.root, &site.config.theme, site.config.language)?,
            &self.root,
            &site,
        )?;
        let templates = Templates::new(&site, &theme)?.served_at_root();
        let renderer = Renderer::new(&site, &templates);
        let pages = renderer.pages();
        let search_files = write_everything(
            &renderer,
            &pages,
            &theme,
            &Previous::default(),
            &self.output,
            None,
        )?;
        let static_names: Vec<String> = theme.static_files.into_keys().collect();
        let removed = self.output.retain(&expected_files(
            &renderer,
            &pages,
            &static_names,
            &search_files,
        ));
        shown(&[]);
        let count = pages.len();
        let values = renderer.into_values();
        self.last = Some(LastBuild {
            site,
            templates,
            values,
            static_names,
        });
        Ok(RebuildReport {
            full: true,
            pages_rendered: count,
            pages: count,
            files_removed: removed,
            elapsed: Duration::ZERO,
            warnings,
        })
    }

    /// Renders the pages an edit of `changed` reaches; returns the pages rendered, the files
    /// removed and the pages of the site.
    fn write_changes(
        &self,
        last: &LastBuild,
        last_values: Values,
        after: &Renderer,
        changed: &BTreeSet<String>,
        shown: &mut dyn FnMut(&[String]),
    ) -> Result<(usize, usize, usize)> {
        let site = after.site;
        // First the edited meetings' own pages, which the writer is most likely looking at.
        let first: Vec<Page> = after
            .pages()
            .into_iter()
            .filter(|page| {
                page.meeting()
                    .is_some_and(|m| changed.contains(&site.meetings[m].slug))
            })
            .collect();
        write_pages(after, &first, &self.output, None)?;
        shown(
            &first
                .iter()
                .map(|page| after.path(page))
                .collect::<Vec<_>>(),
        );

        // Then what lists them, with the values of unchanged meetings taken over.
        let before = Renderer::with_values(&last.site, &last.templates, last_values);
        let reach = Reach::of(
            &Footprints::of(before.site, Some(changed), &before.deadlines().months),
            &Footprints::of(site, Some(changed), &after.deadlines().months),
            changed,
        );
        after.carry_over(&before, &reach.touched);
        let pages = after.pages();
        let rest: Vec<Page> = pages
            .iter()
            .filter(|page| !first.contains(page) && page.reached_by(site, &reach))
            .cloned()
            .collect();
        let owners = reach.calendars(site);
        let search_files = write_reached(
            after,
            &rest,
            &pages,
            &owners,
            &Previous::default(),
            &self.output,
            None,
        )?;
        let removed = self.output.retain(&expected_files(
            after,
            &pages,
            &last.static_names,
            &search_files,
        ));
        Ok((first.len() + rest.len(), removed, pages.len()))
    }
}
