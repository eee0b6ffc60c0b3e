//! Stage three: pages from the site model through Tera. Every entity is turned into a template
//! value once; pages are rendered in parallel from small contexts that share those values.

mod cards;
mod history;
pub(crate) mod pages;
pub(crate) use pages::Page;
mod values;
pub(crate) mod words;
use cards::{BadgeValue, InitiativeValue, PersonValue};
pub(crate) use values::Values;
use values::{carry, date_label, lazy_values};
pub(crate) mod theme;

use crate::content::history::LastEdit;
use crate::content::markdown::ROOT_PLACEHOLDER;
use crate::content::meeting::PersonRef;
use crate::dates::{month_start, Bucket};
use crate::error::{Error, Result};
use crate::model::agenda::{self, Agenda};
use crate::model::Site;
use crate::paths::root_prefix;
use crate::render::theme::{StaticFile, Theme};
use crate::urls;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::OnceLock;
use tera::{Context, Kwargs, State, Tera, Value};

/// Other topics of the same meeting shown on a topic page, on each side of it: a meeting
/// with thousands of topics must not make every topic page list every other one.
const SIBLINGS_EACH_SIDE: usize = 5;
/// Participants named on a topic in lists (cards, the meeting page); the topic's own page
/// names them all.
const PARTICIPANTS_IN_LISTS: usize = 8;
/// Tasks per list on the dashboard.
const DASHBOARD_TASKS: usize = 12;
/// Topics on an owner page.
const OWNER_TOPICS: usize = 24;
/// From this many tasks on, agendas list one line per task instead of a card.
const COMPACT_LISTS_FROM: usize = 80;
/// Days after the build for which the theme's script can bring every date-dependent part of
/// a page up to the reader's day. Owner, agenda and month pages hold all they need at any
/// date; the dashboard and the owners list carry the deadlines of this window (and two weeks
/// more for "next 14 days") rather than every deadline of the site. Four weeks of deadlines
/// keep the dashboard of a 10,000-meeting site under 150 kB.
const RECOMPUTE_DAYS: u64 = 28;
/// The dashboard's "Due in the next 14 days".
const UPCOMING_DAYS: u64 = 14;

/// The theme's templates, compiled once, with the values every page shares. Kept by `serve`
/// between rebuilds that change only content.
pub(crate) struct Templates {
    tera: Tera,
    /// Template name to its file, for error messages.
    template_paths: BTreeMap<String, PathBuf>,
    /// The path the site is published under (`/briefings/`): the 404 page is served at any
    /// depth, so its links start from here rather than from its own address.
    site_path: String,
    /// The theme's words, for what pages say outside their templates (descriptions, states).
    words: std::sync::Arc<words::Words>,
}

impl Templates {
    pub(crate) fn new(site: &Site, theme: &Theme) -> Result<Self> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(crate::escape::write_escaped_html);
        let templates: Vec<(String, String)> = theme
            .templates
            .iter()
            .map(|(name, (_, text))| (name.clone(), text.clone()))
            .collect();
        // Filters first: Tera checks at compile time that every filter a template uses exists.
        tera.register_filter("relink", relink);
        tera.register_filter("url", url);
        tera.register_filter("tag_url", tag_url);
        // A bare count on a page ("12 overdue" in a table cell) is grouped as the words' {n} are.
        let language = site.config.language;
        tera.register_filter("count", move |n: i64, _: Kwargs, _: &State| {
            language.count(n)
        });
        let words = std::sync::Arc::new(theme.words.clone());
        let said = std::sync::Arc::clone(&words);
        tera.register_function("t", move |kwargs: Kwargs, _: &State| say(&said, &kwargs));
        let fingerprints = Fingerprints::of(theme);
        tera.register_filter(
            "asset",
            move |path: &str, kwargs: Kwargs, state: &State| -> String {
                let link = url(path, kwargs, state);
                match fingerprints.of_file(path) {
                    Some(fingerprint) => format!("{link}?v={fingerprint}"),
                    None => link,
                }
            },
        );
        let template_paths: BTreeMap<String, PathBuf> = theme
            .templates
            .iter()
            .map(|(name, (path, _))| (name.clone(), path.clone()))
            .collect();
        tera.add_raw_templates(templates)
            .map_err(|e| template_error(&e, &template_paths))?;
        tera.global_context()
            .insert("site_title", &site.config.title);
        tera.global_context()
            .insert("edition", site.config.edition.name());
        tera.global_context().insert("banner", &site.config.banner);
        tera.global_context()
            .insert("accounts_index", &site.has_accounts_index());
        tera.global_context()
            .insert("lang", site.config.language.code());
        tera.global_context()
            .insert("today", &date_label(site.today, site.config.language));
        tera.global_context()
            .insert("today_iso", &site.today.to_string());
        tera.global_context()
            .insert("today_pinned", &site.today_pinned);
        // Printed after each "5 days late", so that paper says from which day it counts.
        tera.global_context().insert(
            "today_short",
            &crate::dates::short_day_label(site.today, site.config.language),
        );
        // What the theme's script needs to recompute "today" in the reader's browser.
        tera.global_context()
            .insert("timezone", site.config.timezone.name());
        tera.global_context()
            .insert("week_start", &site.config.week_start.num_days_from_sunday());
        tera.global_context()
            .insert("recompute_until", &recompute_until(site).to_string());
        // Calendar apps subscribe to webcal:// addresses; the published site is at base_url.
        let webcal = match site.config.base_url.split_once("://") {
            Some((_, rest)) => format!("webcal://{rest}"),
            None => site.config.base_url.clone(),
        };
        tera.global_context().insert("webcal_base", &webcal);
        Ok(Templates {
            tera,
            template_paths,
            site_path: site.config.base_path().to_string(),
            words,
        })
    }

    /// For `serve`, which serves the site at `/` whatever `base_url` says.
    pub(crate) fn served_at_root(mut self) -> Self {
        self.site_path = "/".to_string();
        self
    }
}

/// The last reader's day for which the pages hold what the script needs to recompute them.
fn recompute_until(site: &Site) -> NaiveDate {
    site.today + chrono::Days::new(RECOMPUTE_DAYS)
}

/// Renders the pages of one site. Each meeting, topic, task and initiative becomes a template
/// value the first time a page needs it, and is shared by every later page: a full build
/// converts each once, a rebuild after an edit only those its pages show.
pub(crate) struct Renderer<'s> {
    pub site: &'s Site,
    templates: &'s Templates,
    people: BTreeMap<String, PersonValue>,
    values: Values,
    initiatives: Vec<OnceLock<InitiativeValue>>,
    initiative_badges: Vec<OnceLock<BadgeValue>>,
    deadlines: OnceLock<agenda::Deadlines>,
}

impl<'s> Renderer<'s> {
    /// An initiative's state in the site's language ("Active", "Actief").
    pub(crate) fn status_label(&self, status: crate::content::initiative::Status) -> String {
        self.word(
            &format!("status_{}", status.label().to_lowercase()),
            None,
            &[],
        )
    }

    /// The theme's words in the site's language.
    pub(crate) fn words(&self) -> &words::Words {
        &self.templates.words
    }

    /// The theme's word `key` for the count `n`, with `values` put in; the key itself where
    /// the language has no such word (the default theme has every word it asks for).
    pub(crate) fn word(&self, key: &str, n: Option<usize>, values: &[(&str, String)]) -> String {
        let count = n.and_then(|n| i64::try_from(n).ok());
        self.templates
            .words
            .say(key, count, values)
            .unwrap_or_else(|| key.to_string())
    }

    pub(crate) fn new(site: &'s Site, templates: &'s Templates) -> Self {
        Self::with_values(site, templates, Values::unmade(site))
    }

    /// A renderer using values made for this same site before.
    pub(crate) fn with_values(site: &'s Site, templates: &'s Templates, values: Values) -> Self {
        let owner_pages = site.has_owner_pages();
        let people = site
            .people
            .values()
            .map(|person| (person.id.clone(), values::person_value(person, owner_pages)))
            .collect();
        Renderer {
            deadlines: OnceLock::new(),
            site,
            templates,
            people,
            values,
            initiatives: lazy_values(site.initiatives.len()),
            initiative_badges: lazy_values(site.initiatives.len()),
        }
    }

    /// Makes the value of every meeting, topic and task, in parallel: for a build of every page,
    /// which needs them all, rather than one page's thread making them one by one.
    pub(crate) fn make_all_values(&self) {
        (0..self.site.meetings.len()).into_par_iter().for_each(|m| {
            self.meeting(m);
            for t in 0..self.site.meetings[m].topics.len() {
                self.topic(m, t);
            }
        });
        (0..self.site.tasks.len()).into_par_iter().for_each(|t| {
            self.task(t);
        });
    }

    /// The values made so far, to be kept for the next rebuild.
    pub(crate) fn into_values(self) -> Values {
        self.values
    }

    /// Takes over the values `before` made for meetings not in `changed`: with the same people,
    /// initiatives and day, a meeting that did not change shows the same everywhere. Its tasks
    /// keep their order among themselves, so they pair up in order.
    pub(crate) fn carry_over(&self, before: &Renderer, changed: &BTreeSet<String>) {
        let old_position: HashMap<&str, usize> = before
            .site
            .meetings
            .iter()
            .enumerate()
            .map(|(m, meeting)| (meeting.slug.as_str(), m))
            .collect();
        let (old, new) = (&before.values, &self.values);
        for (m, meeting) in self.site.meetings.iter().enumerate() {
            if changed.contains(&meeting.slug) {
                continue;
            }
            let Some(&o) = old_position.get(meeting.slug.as_str()) else {
                continue;
            };
            let old_meeting = &before.site.meetings[o];
            carry(&old.meetings[o], &new.meetings[m]);
            carry(&old.meeting_links[o], &new.meeting_links[m]);
            for (t, topic) in meeting.topics.iter().enumerate() {
                carry(&old.topics[o][t], &new.topics[m][t]);
                for (&a, &b) in old_meeting.topics[t].tasks.iter().zip(&topic.tasks) {
                    carry(&old.tasks[a], &new.tasks[b]);
                }
            }
            for (&a, &b) in old_meeting.tasks.iter().zip(&meeting.tasks) {
                carry(&old.tasks[a], &new.tasks[b]);
            }
        }
    }

    /// The site's deadlines by month.
    pub(crate) fn deadlines(&self) -> &agenda::Deadlines {
        self.deadlines
            .get_or_init(|| agenda::Deadlines::of(self.site))
    }
}

/// Puts the page's way back to the root into Markdown rendered with [`ROOT_PLACEHOLDER`].
fn relink(html: &str, _: Kwargs, state: &State) -> Value {
    let root: String = state
        .get::<String>("root")
        .ok()
        .flatten()
        .unwrap_or_default();
    Value::safe_string(&html.replace(ROOT_PLACEHOLDER, &root))
}

/// Fingerprints of the theme's files (`static/…`): `{{ "static/style.css" | asset }}` links to
/// `static/style.css?v=…`, so that a long cache of the theme's files is safe across upgrades
/// and theme edits. Each is hashed the first time a template links it, and only then: a large
/// file of the site's `static/` that no template names is never read for it.
struct Fingerprints {
    files: BTreeMap<String, StaticFile>,
    known: std::sync::Mutex<BTreeMap<String, Option<String>>>,
}

impl Fingerprints {
    fn of(theme: &Theme) -> Self {
        Fingerprints {
            files: theme
                .static_files
                .iter()
                .filter(|(path, _)| path.starts_with("static/"))
                .map(|(path, file)| (path.clone(), file.clone()))
                .collect(),
            known: std::sync::Mutex::default(),
        }
    }

    /// The fingerprint of the file at output path `path`; None for a path that is no theme
    /// file, or a file that cannot be read (copying it reports the problem).
    fn of_file(&self, path: &str) -> Option<String> {
        let file = self.files.get(path)?;
        let mut known = self
            .known
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        known
            .entry(path.to_string())
            .or_insert_with(|| {
                file.stable_hash()
                    .map(|hash| format!("{:010x}", hash >> 24))
            })
            .clone()
    }
}

/// A site-relative address as a link from the current page. Folders get `index.html` so links
/// work when the site is opened from disk, where a folder shows as a file listing.
fn url(path: &str, _: Kwargs, state: &State) -> String {
    let root: String = state
        .get::<String>("root")
        .ok()
        .flatten()
        .unwrap_or_default();
    if path.is_empty() || path.ends_with('/') {
        format!("{root}{path}index.html")
    } else {
        format!("{root}{path}")
    }
}

/// The site-relative address of a tag's page, from the tag as written.
fn tag_url(tag: &str, _: Kwargs, _: &State) -> String {
    urls::tag(&crate::model::tag_slug(tag))
}

/// Tera's report, which names the template, line and column and underlines the place.
fn report(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str(&format!("\n  caused by: {cause}"));
        source = cause.source();
    }
    text
}

/// `t(key=…, n=…, name=…)`: the word `key` in the site's language, for the count `n`, with each
/// other argument put in for its `{name}`. A key the language lacks stops the build, naming it.
fn say(words: &words::Words, kwargs: &Kwargs) -> tera::TeraResult<String> {
    let key: &str = kwargs.must_get("key")?;
    let count: Option<i64> = kwargs.get("n")?;
    // A number put in is a count, written as the language groups it ("1.873 taken").
    let values: Vec<(&str, String)> = kwargs
        .iter()
        .filter_map(|(name, value)| {
            let text = match value.as_i64() {
                Some(number) => words.language().count(number),
                None => value.to_string(),
            };
            Some((name.as_str()?, text))
        })
        .filter(|(name, _)| !matches!(*name, "key" | "n"))
        .collect();
    words.say(key, count, &values).ok_or_else(|| {
        tera::Error::message(format!(
            "no word `{key}` in the theme's i18n/{}.toml: add it there or in the site's own i18n/{}.toml",
            words.language().code(),
            words.language().code()
        ))
    })
}

fn template_error(error: &tera::Error, paths: &BTreeMap<String, PathBuf>) -> Error {
    let mut text = report(error);
    // Tera knows templates by name; say which file that is.
    for (name, path) in paths {
        let marker = format!("--> {name}:");
        if text.contains(&marker) {
            text = text.replace(&marker, &format!("--> {}:", path.display()));
        }
    }
    Error::Template(text)
}
