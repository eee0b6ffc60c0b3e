//! Rebuilds for `serve`: after an edit of meeting files, only the pages that show something of
//! those meetings are rendered again, and only the files whose bytes changed are written.
//!
//! The pages a meeting reaches are found from the model before and after the edit: its own
//! meeting and topic pages, the meetings beside it, the pages of the people and initiatives it
//! names, the topics shown beside its topics, the months of its deadlines and the site-wide
//! lists. Anything else (people, initiatives, configuration, templates, a new day) rebuilds
//! every page, which still writes only what changed. Tests compare the result with a clean
//! build after every kind of edit.

use crate::build::{site_documents, write_everything, write_pages, write_site_files};
use crate::content::load::{DocCache, LoadOptions};
use crate::dates::month_start;
use crate::error::{Diagnostic, Result};
use crate::model::load::load_site_with;
use crate::model::Site;
use crate::output::{LiveOutput, MARKER};
use crate::render::theme::Theme;
use crate::render::{related_window, Page, Renderer, Templates, Values};
use crate::site_paths::MEETINGS_DIR;
use crate::urls;
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashSet};
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
        let theme = Theme::load(&self.root, &site.config.theme)?;
        let templates = Templates::new(&site, &theme)?;
        let renderer = Renderer::new(&site, &templates);
        renderer.make_all_values();
        let pages = renderer.pages();
        write_everything(&renderer, &pages, &theme, &self.output)?;
        let static_names: Vec<String> = theme.static_files.into_keys().collect();
        let removed = self
            .output
            .retain(&expected_files(&renderer, &pages, &static_names));
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
            warnings: loaded.warnings,
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
        let first: Vec<Page> = site
            .meetings
            .iter()
            .enumerate()
            .filter(|(_, meeting)| changed.contains(&meeting.slug))
            .flat_map(|(m, meeting)| {
                std::iter::once(Page::Meeting(m))
                    .chain((0..meeting.topics.len()).map(move |t| Page::Topic(m, t)))
            })
            .collect();
        write_pages(after, &first, &self.output)?;
        shown(
            &first
                .iter()
                .map(|page| after.path(page))
                .collect::<Vec<_>>(),
        );

        // Then what lists them, with the values of unchanged meetings taken over.
        let before = Renderer::with_values(&last.site, &last.templates, last_values);
        after.carry_over(&before, changed);
        let pages = after.pages();
        let reach = Reach::of(&before, after, changed);
        let rest: Vec<Page> = pages
            .iter()
            .filter(|page| !first.contains(page) && reach.urls.contains(&after.url(page)))
            .cloned()
            .collect();
        let owners: Vec<&String> = reach
            .people
            .iter()
            .filter(|id| site.by_person.contains_key(*id))
            .collect();
        let (pages_written, others_written) = rayon::join(
            || write_pages(after, &rest, &self.output),
            || write_site_files(after, &pages, &owners, &self.output),
        );
        pages_written?;
        others_written?;
        let removed = self
            .output
            .retain(&expected_files(after, &pages, &last.static_names));
        Ok((first.len() + rest.len(), removed, pages.len()))
    }
}

/// Every file a build of the site writes, relative to the output folder.
fn expected_files(renderer: &Renderer, pages: &[Page], static_names: &[String]) -> HashSet<String> {
    let site = renderer.site;
    let mut files: HashSet<String> = HashSet::with_capacity(pages.len() + site.by_person.len() + 8);
    files.extend(pages.iter().map(|page| renderer.path(page)));
    files.extend(
        site_documents(renderer, pages)
            .into_iter()
            .map(|(path, _)| path.to_string()),
    );
    files.insert(MARKER.to_string());
    files.extend(site.by_person.keys().map(|id| urls::owner_calendar(id)));
    files.extend(static_names.iter().map(|name| urls::static_file(name)));
    files
}

/// What an edit of some meetings reaches: page addresses and people whose calendars change.
struct Reach {
    urls: HashSet<String>,
    people: BTreeSet<String>,
}

/// What one version of the site shows of the edited meetings.
#[derive(Default)]
struct Touched {
    urls: HashSet<String>,
    people: BTreeSet<String>,
    initiatives: BTreeSet<String>,
    months: BTreeSet<NaiveDate>,
}

impl Touched {
    fn of(site: &Site, changed: &BTreeSet<String>) -> Touched {
        let mut touched = Touched::default();
        let edited = site
            .meetings
            .iter()
            .enumerate()
            .filter(|(_, meeting)| changed.contains(&meeting.slug));
        for (m, meeting) in edited {
            touched.urls.insert(site.meeting_url(m));
            // The meetings before and after link to it by title.
            for neighbour in [m.checked_sub(1), Some(m + 1)].into_iter().flatten() {
                if neighbour < site.meetings.len() {
                    touched.urls.insert(site.meeting_url(neighbour));
                }
            }
            let people = meeting.attendees.iter().chain(
                meeting
                    .topics
                    .iter()
                    .flat_map(|topic| topic.participants.iter()),
            );
            touched.people.extend(people.map(|p| p.id.clone()));
            for (t, topic) in meeting.topics.iter().enumerate() {
                touched.urls.insert(site.topic_url(m, t));
                touched.initiatives.extend(topic.initiative.clone());
            }
            let tasks = meeting
                .topics
                .iter()
                .flat_map(|topic| topic.tasks.iter())
                .chain(meeting.tasks.iter());
            for &index in tasks {
                let task = &site.tasks[index];
                touched
                    .people
                    .extend(task.owners.iter().map(|p| p.id.clone()));
                touched.initiatives.extend(task.initiative.clone());
                if let Some(due) = task.due {
                    touched.months.insert(month_start(due.date));
                }
            }
        }
        touched
    }
}

/// The topics of an initiative's timeline, by address.
fn timeline_urls(site: &Site, initiative: usize) -> Vec<String> {
    site.initiatives[initiative]
        .topics
        .iter()
        .map(|&(m, t)| site.topic_url(m, t))
        .collect()
}

impl Reach {
    fn of(before: &Renderer, after: &Renderer, changed: &BTreeSet<String>) -> Reach {
        let mut reach = Reach {
            urls: HashSet::new(),
            people: BTreeSet::new(),
        };
        let sites = [before.site, after.site];
        let mut initiatives = BTreeSet::new();
        let mut months = BTreeSet::new();
        for site in sites {
            let touched = Touched::of(site, changed);
            reach.urls.extend(touched.urls);
            reach.people.extend(touched.people);
            initiatives.extend(touched.initiatives);
            months.extend(touched.months);
        }

        for slug in &initiatives {
            // Owner pages show initiatives by title and status, which only the initiative's
            // own file sets: they change with the people a meeting names, not with its counts.
            let positions = sites.map(|site| site.initiative_index(slug));
            let timelines = [(before.site, positions[0]), (after.site, positions[1])];
            let timeline_moved = timelines
                .iter()
                .map(|&(site, i)| i.map(|i| timeline_urls(site, i)))
                .collect::<Vec<_>>();
            let moved = timeline_moved[0] != timeline_moved[1];
            for (site, i) in timelines {
                let Some(i) = i else { continue };
                reach
                    .urls
                    .insert(urls::initiative(&site.initiatives[i].slug));
                let timeline = &site.initiatives[i].topics;
                // Topic pages show the topics just before and after them in the timeline, and
                // how long it is.
                for (at, &(m, t)) in timeline.iter().enumerate() {
                    let near_an_edit = timeline[related_window(at, timeline.len())]
                        .iter()
                        .any(|&(m, _)| changed.contains(&site.meetings[m].slug));
                    if moved || near_an_edit {
                        reach.urls.insert(site.topic_url(m, t));
                    }
                }
            }
        }

        reach
            .urls
            .extend(reach.people.iter().map(|id| urls::owner(id)));
        // Month pages link to the months before and after; when the months change, all do.
        let month_urls = |months: &[NaiveDate]| -> Vec<String> {
            months.iter().map(|&month| urls::month(month)).collect()
        };
        if before.deadlines().months != after.deadlines().months {
            reach.urls.extend(month_urls(&before.deadlines().months));
            reach.urls.extend(month_urls(&after.deadlines().months));
        } else {
            reach
                .urls
                .extend(month_urls(&months.into_iter().collect::<Vec<_>>()));
        }
        // The lists of the whole site.
        reach.urls.extend(urls::SITE_LISTS.map(String::from));
        reach
    }
}
