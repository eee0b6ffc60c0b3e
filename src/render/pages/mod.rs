//! Every page kind, one file each, behind one trait. A kind says where its pages are, which
//! pages the site has, what each shows (its template's context), what an edit of some
//! meetings reaches, and how a link to it previews; the registry [`KINDS`] lists them, and
//! the reserved folders, the snapshot list and the tests derive from it. Adding a page kind
//! is a file here, a line in [`KINDS`], its template and its tests.

use super::cards::*;
use super::values::{month_key, month_label, month_links, weekday_names, AgendaList, TopicList};
use super::*;
use crate::model::reach::Reach;
use serde::Serialize;

mod account;
mod accounts;
mod calendar;
mod dashboard;
mod initiative;
mod initiatives;
mod meeting;
mod meetings;
mod month;
mod not_found;
mod owner;
mod owners;
mod paging;
mod search;
mod tag;
mod task;
mod topic;
mod topics;

/// Every page kind, in the order their pages are listed (in the sitemap too).
pub(crate) static KINDS: &[&dyn PageKind] = &[
    &dashboard::Dashboard,
    &meetings::Meetings,
    &topics::Topics,
    &initiatives::Initiatives,
    &calendar::Calendar,
    &not_found::NotFound,
    &owners::Owners,
    &accounts::Accounts,
    &search::Search,
    &meeting::Meeting,
    &topic::Topic,
    &initiative::Initiative,
    &owner::Owner,
    &account::Account,
    &task::Task,
    &tag::Tag,
    &month::Month,
];

/// Which page of its kind a page is: nothing (the kind has one page), an index into one of
/// the site's lists, a meeting's topic, a name (a person's id, a tag's slug) or a month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Key {
    Only,
    Index(usize),
    Topic(usize, usize),
    Name(String),
    Month(NaiveDate),
    /// Page 2 or later of a long list (the first is `Only`).
    Page(usize),
    /// Page 2 or later of the list on the page of `Index` (the first is `Index`).
    IndexPage(usize, usize),
}

impl Key {
    fn index(&self) -> Option<usize> {
        match self {
            Key::Index(i) | Key::IndexPage(i, _) => Some(*i),
            _ => None,
        }
    }
    fn topic(&self) -> Option<(usize, usize)> {
        match self {
            Key::Topic(m, t) => Some((*m, *t)),
            _ => None,
        }
    }
    fn name(&self) -> Option<&str> {
        match self {
            Key::Name(name) => Some(name),
            _ => None,
        }
    }
    fn month(&self) -> Option<NaiveDate> {
        match self {
            Key::Month(month) => Some(*month),
            _ => None,
        }
    }
}

/// A kind of page. The methods that take a [`Key`] are given only keys the kind's own
/// [`PageKind::keys`] made; `None` from one of them is a key of another kind.
pub(crate) trait PageKind: Sync {
    /// What the kind is called (`meeting`, `tag`): its snapshot's name.
    fn name(&self) -> &'static str;
    /// The template its pages are rendered with.
    fn template(&self) -> &'static str;
    /// The folder its pages are in (`meetings/`), reserved for dossier's own pages; `""` for
    /// the pages at the site's root.
    fn folder(&self) -> &'static str;
    /// The kind's pages in the site; by default one, at the kind's folder.
    fn keys(&self, _renderer: &Renderer) -> Vec<Key> {
        vec![Key::Only]
    }
    /// The folder address of a page, relative to the site's root.
    fn url(&self, _site: &Site, _key: &Key) -> Option<String> {
        Some(self.folder().to_string())
    }
    /// Whether the page, of the site after an edit, shows something the edit changed; a page
    /// that lists the whole site does.
    fn reached_by(&self, _site: &Site, _reach: &Reach, _key: &Key) -> Option<bool> {
        Some(true)
    }
    /// The page's title and a sentence or two, for link previews.
    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)>;
    /// What the page shows: its template's variables, made from a struct of the kind's own
    /// (with [`variables`]), which lists them.
    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context>;
    /// The meeting whose own page this is (a meeting's or one of its topics'), which serve
    /// rewrites first after an edit of it.
    fn meeting_of(&self, _key: &Key) -> Option<usize> {
        None
    }
    /// The day the page last changed, where its content says so (the sitemap's `lastmod`).
    fn changed_on(&self, site: &Site, key: &Key) -> Option<NaiveDate> {
        self.meeting_of(key).map(|m| site.meetings[m].date)
    }
    /// The file the page is written to, relative to the output.
    fn file(&self, url: &str) -> String {
        urls::page_file(url)
    }
    /// The way back from the page to the site's root, which its links start with.
    fn root(&self, _templates: &Templates, url: &str) -> String {
        root_prefix(url)
    }
    /// Whether the sitemap lists the page.
    fn in_sitemap(&self) -> bool {
        true
    }
}

/// One page to render: its kind and which of that kind's pages it is.
#[derive(Clone)]
pub(crate) struct Page {
    kind: &'static dyn PageKind,
    key: Key,
}

impl PartialEq for Page {
    fn eq(&self, other: &Page) -> bool {
        self.kind.name() == other.kind.name() && self.key == other.key
    }
}

impl std::fmt::Debug for Page {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}({:?})", self.kind.name(), self.key)
    }
}

impl Page {
    /// Whether this page, of the site after an edit, shows something the edit changed.
    pub(crate) fn reached_by(&self, site: &Site, reach: &Reach) -> bool {
        self.kind.reached_by(site, reach, &self.key).unwrap_or(true)
    }

    /// The meeting whose own page this is, if it is a meeting's or a topic's.
    pub(crate) fn meeting(&self) -> Option<usize> {
        self.kind.meeting_of(&self.key)
    }

    /// Whether the sitemap lists this page.
    pub(crate) fn in_sitemap(&self) -> bool {
        self.kind.in_sitemap()
    }
    /// What its kind is called (`meeting`, `tag`).
    pub(crate) fn kind_name(&self) -> &'static str {
        self.kind.name()
    }
}

/// The names of every page kind, in the registry's order.
pub fn page_kinds() -> Vec<&'static str> {
    KINDS.iter().map(|kind| kind.name()).collect()
}

/// The folders dossier writes its own pages into (`meetings/`, `tags/`, …), from the kinds.
pub(crate) fn page_folders() -> impl Iterator<Item = &'static str> {
    KINDS
        .iter()
        .map(|kind| kind.folder())
        .filter(|folder| !folder.is_empty())
}

/// Whether dossier writes `path` (relative to the output) itself: a page or a page kind's
/// folder, or a site-wide file. A file of the site's `static/` may not take such a path.
pub(crate) fn is_generated(path: &str) -> bool {
    let first = path.split('/').next().unwrap_or_default();
    page_folders().any(|folder| folder.trim_end_matches('/') == first) || urls::is_site_file(path)
}

/// A page's variables as Tera takes them. A struct always serializes to a map, so `None` is
/// a failure of ours, which [`Renderer::render`] reports.
fn variables<T: Serialize>(page: &T) -> Option<Context> {
    Context::from_serialize(page).ok()
}

/// Characters of a page's description in link previews; search engines show about 160.
const PREVIEW_CHARS: usize = 200;

/// `text` cut to at most `limit` characters at a word, with an ellipsis when cut.
fn shortened(text: &str, limit: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= limit {
        return text;
    }
    let cut: String = text.chars().take(limit).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", at_word.trim_end_matches([',', ';', ':', '.']))
}

/// A page's own summary, or `fallback` where it has none.
fn summary_or(summary: &str, fallback: String) -> String {
    if summary.trim().is_empty() {
        fallback
    } else {
        summary.to_string()
    }
}

impl Renderer<'_> {
    /// Every HTML page of the site, kind by kind.
    pub(crate) fn pages(&self) -> Vec<Page> {
        KINDS
            .iter()
            .flat_map(|&kind| {
                kind.keys(self)
                    .into_iter()
                    .map(move |key| Page { kind, key })
            })
            .collect()
    }

    /// The output path of a page, relative to the output folder.
    pub(crate) fn path(&self, page: &Page) -> String {
        page.kind.file(&self.url(page))
    }

    /// The day a page last changed, where its content says so: a meeting's and its topics'
    /// pages change with the meeting (for the sitemap's `lastmod`).
    pub(crate) fn changed_on(&self, page: &Page) -> Option<NaiveDate> {
        page.kind.changed_on(self.site, &page.key)
    }

    /// The folder address of a page, relative to the site root (`""` for the dashboard).
    pub(crate) fn url(&self, page: &Page) -> String {
        page.kind.url(self.site, &page.key).unwrap_or_default()
    }

    pub(crate) fn render(&self, page: &Page) -> Result<String> {
        let url = self.url(page);
        let mut context = page
            .kind
            .context(self, &page.key)
            .ok_or_else(|| Error::Internal(format!("the page {page:?} has no variables")))?;
        let (preview_title, preview_text) = page.kind.preview(self, &page.key).unwrap_or_default();
        context.insert("preview_title", &preview_title);
        context.insert("preview_text", &shortened(&preview_text, PREVIEW_CHARS));
        context.insert(
            "page_address",
            &format!("{}{url}", self.site.config.base_url),
        );
        context.insert("root", &page.kind.root(self.templates, &url));
        context.insert("page_url", &url);
        self.templates
            .tera
            .render(page.kind.template(), &context)
            .map_err(|e| template_error(&e, &self.templates.template_paths))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previews_are_cut_at_a_word() {
        assert_eq!(shortened("  short\n text ", 200), "short text");
        assert_eq!(shortened("one two three, four", 16), "one two three…");
        assert_eq!(shortened("ééé ééé", 5), "ééé…");
    }

    /// Each kind has its own name, template and folder, so that the reserved folders and the
    /// snapshots follow from the registry.
    #[test]
    fn every_kind_has_its_own_name_and_template() {
        let mut names: Vec<&str> = KINDS.iter().map(|kind| kind.name()).collect();
        let mut templates: Vec<&str> = KINDS.iter().map(|kind| kind.template()).collect();
        names.sort_unstable();
        names.dedup();
        templates.sort_unstable();
        templates.dedup();
        assert_eq!(names.len(), KINDS.len());
        assert_eq!(templates.len(), KINDS.len());
        for folder in page_folders() {
            assert!(folder.ends_with('/') && is_generated(folder), "{folder}");
        }
    }

    /// Every address a page kind is written to is one a static file may not take: a file of
    /// `static/` must never silently replace a page.
    #[test]
    fn every_page_address_is_generated() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        for address in [
            urls::meeting("m"),
            urls::topic("m", "t"),
            urls::initiative("i"),
            urls::account("a"),
            urls::tag("t"),
            urls::task("t"),
            urls::owner("o"),
            urls::month(day),
        ] {
            assert!(is_generated(&urls::page_file(&address)), "{address}");
        }
        for folder in page_folders() {
            assert!(is_generated(&urls::page_file(folder)), "{folder}");
        }
        assert!(is_generated(&urls::owner_calendar("o")));
        assert!(is_generated(&urls::sitemap_part(3)));
        assert!(is_generated("search/index.js") && is_generated("index.html"));
        assert!(!is_generated("robots.txt") && !is_generated("img/logo.png"));
    }
}
