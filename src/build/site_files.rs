//! The files of a build besides pages and the search index: the site-wide documents (calendar,
//! feed, tasks.json, sitemap), each owner's calendar and open tasks, each continued task's
//! calendar; and the list of every file a build writes, from which stale ones are known.

use super::MARKER;
use crate::error::Result;
use crate::formats::{feed, ics, owner_tasks, Previous};
use crate::model::threads::Thread;
use crate::model::Site;
use crate::output::Output;
use crate::render::words::Words;
use crate::render::{Page, Renderer};
use crate::urls;
use rayon::prelude::*;
use std::collections::HashSet;

/// The continued tasks whose latest mention has a deadline: each has a one-event calendar.
fn dated_threads(site: &Site) -> impl Iterator<Item = &Thread> {
    site.threads
        .iter()
        .filter(|thread| site.tasks[thread.latest()].due.is_some())
}

/// Every file a build of the site writes, relative to the output folder, the marker included.
pub(crate) fn expected_files(
    renderer: &Renderer,
    pages: &[Page],
    static_names: &[String],
    search_files: &[String],
) -> HashSet<String> {
    let site = renderer.site;
    let mut files: HashSet<String> = HashSet::with_capacity(pages.len() + site.by_person.len() + 8);
    files.extend(pages.iter().map(|page| renderer.path(page)));
    files.extend(
        site_documents(renderer, pages, &Previous::default())
            .into_iter()
            .map(|(path, _)| path),
    );
    files.insert(MARKER.to_string());
    if site.has_owner_pages() {
        files.extend(site.by_person.keys().map(|id| urls::owner_calendar(id)));
        files.extend(site.by_person.keys().map(|id| urls::owner_tasks_script(id)));
    }
    files.extend(dated_threads(site).map(|thread| urls::task_calendar(&thread.id)));
    files.extend(static_names.iter().cloned());
    files.extend(search_files.iter().cloned());
    files
}

type Make<'a> = Box<dyn Fn() -> String + Sync + Send + 'a>;

/// What the calendars say around the tasks, in the site's language; English where the theme's
/// words lack one.
fn calendar_words(words: &Words) -> ics::CalendarWords {
    let english = ics::CalendarWords::default();
    let text = |key: &str, fallback: String| words.forms(key).map_or(fallback, |[one, _]| one);
    ics::CalendarWords {
        done: text("ics_done", english.done),
        owners: text("ics_owners", english.owners),
        deadline: text("ics_deadline", english.deadline),
        from: text("ics_from", english.from),
        more_overdue: words
            .forms("ics_more_overdue")
            .unwrap_or(english.more_overdue),
        more_overdue_text: text("ics_more_overdue_text", english.more_overdue_text),
    }
}

/// The site-wide files besides pages and owner calendars, by path, each with what makes it
/// (nothing is made until called).
fn site_documents<'a>(
    renderer: &'a Renderer,
    pages: &'a [Page],
    previous: &'a Previous,
) -> Vec<(String, Make<'a>)> {
    let site = renderer.site;
    let mut documents: Vec<(String, Make<'a>)> = vec![
        (
            urls::CALENDAR_FILE.into(),
            Box::new(|| {
                ics::Calendars::new(site, &previous.calendar, calendar_words(renderer.words()))
                    .ics(site.current_tasks(), &site.config.title)
            }),
        ),
        (
            urls::FEED_FILE.into(),
            Box::new(|| feed::atom(site, &previous.feed)),
        ),
        (
            urls::TASKS_FILE.into(),
            Box::new(|| {
                // Counted first, so that the file's buffer is made once at about its size.
                let current: Vec<usize> = site.current_tasks().collect();
                feed::tasks_json(site, current.iter().map(|&t| &site.tasks[t]))
            }),
        ),
    ];
    // The sitemap: an index, and files of at most 50,000 addresses each.
    let listed: Vec<(String, Option<chrono::NaiveDate>)> = pages
        .iter()
        .filter(|p| p.in_sitemap())
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

/// The site-wide files (see [`site_documents`]) and the calendars of the given owners, in
/// parallel.
pub(crate) fn write_site_files(
    renderer: &Renderer,
    pages: &[Page],
    owners: &[&String],
    previous: &Previous,
    out: &impl Output,
) -> Result<()> {
    let site = renderer.site;
    let owners = if site.has_owner_pages() { owners } else { &[] };
    let documents = site_documents(renderer, pages, previous);
    let calendars = ics::Calendars::new(site, &previous.calendar, calendar_words(renderer.words()));
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
        )?;
        out.write(
            &urls::owner_tasks_script(id),
            owner_tasks::script(site, id).as_bytes(),
        )
    };
    // Each continued task's deadline beside its page, for one-off adding to a calendar.
    let task_calendar = |thread: &&Thread| match calendars.single(thread.latest()) {
        Some(calendar) => out.write(&urls::task_calendar(&thread.id), calendar.as_bytes()),
        None => Ok(()),
    };
    let dated: Vec<&Thread> = dated_threads(site).collect();
    let (documents_written, (calendars_written, task_calendars_written)) = rayon::join(
        || {
            documents
                .par_iter()
                .try_for_each(|(path, make)| out.write(path, make().as_bytes()))
        },
        || {
            rayon::join(
                || owners.par_iter().try_for_each(owner_calendar),
                || dated.par_iter().try_for_each(task_calendar),
            )
        },
    );
    documents_written?;
    calendars_written?;
    task_calendars_written
}
