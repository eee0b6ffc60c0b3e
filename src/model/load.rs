//! Loading a site: its documents read (stage 1) and resolved into the model.

use crate::content::load::{read_documents, sorted, DocCache, LoadOptions, SourceStamp};
use crate::dates::resolve_today;
use crate::error::{Diagnostic, Error, Result};
use crate::model::Site;
use chrono::Utc;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A loaded site and the warnings met on the way.
pub(crate) struct Loaded {
    pub site: Site,
    pub warnings: Vec<Diagnostic>,
    /// Slugs of the meeting files read anew (new or changed) or gone since the cache's last
    /// load: all of them when nothing was cached.
    pub changed_meetings: BTreeSet<String>,
    /// Whether anything besides meeting files changed since the cache's last load: the
    /// configuration, people or an initiative.
    pub others_changed: bool,
    /// What each meeting file held, by path relative to the site.
    pub meeting_sources: BTreeMap<String, SourceStamp>,
    /// A hash of everything read besides meeting files.
    pub others_hash: u64,
}

/// Reads and resolves the whole site at `root`.
pub(crate) fn load_site(root: &Path, options: &LoadOptions) -> Result<Loaded> {
    load_site_with(root, options, &mut DocCache::default())
}

/// Reads and resolves the site at `root`, parsing only the files the cache does not hold.
pub(crate) fn load_site_with(
    root: &Path,
    options: &LoadOptions,
    cache: &mut DocCache,
) -> Result<Loaded> {
    let mut documents = read_documents(root, options, cache)?;
    documents
        .warnings
        .extend(crate::model::threads::continuity_warnings(
            &documents.meetings,
        ));
    let config = documents.config;
    let today = resolve_today(options.today.or(config.today), config.timezone, Utc::now());
    let mut site = Site::assemble(
        config,
        documents.people,
        documents.meetings,
        documents.initiatives,
        today,
    )
    .map_err(|errors| Error::Content(sorted(errors)))?;
    site.today_pinned = options.today.is_none() && site.config.today.is_some();
    for meeting in &mut site.meetings {
        meeting.last_edit = documents.last_edits.get(&meeting.source).cloned();
    }
    for initiative in &mut site.initiatives {
        initiative.last_edit = documents.last_edits.get(&initiative.source).cloned();
    }
    Ok(Loaded {
        site,
        warnings: documents.warnings,
        changed_meetings: documents.changed_meetings,
        others_changed: documents.others_changed,
        meeting_sources: documents.meeting_sources,
        others_hash: documents.others_hash,
    })
}
