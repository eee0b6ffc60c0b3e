//! Links between content files: `[the deal](../initiatives/deal.md)` in Markdown points at the
//! page made from that file, and is checked to exist. Written this way, links also work when the
//! notes are read in a git host's file view.

use crate::site_paths::{ContentFile, INITIATIVES_DIR, MEETINGS_DIR};
use crate::urls;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

/// The content files of a site, by the address of their page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ContentIndex {
    meetings: HashSet<String>,
    initiatives: HashSet<String>,
    /// Files this build leaves out, and why: a link to one is shown as its text, with no
    /// address that would name it or lead nowhere.
    hidden: HashMap<PathBuf, Withheld>,
}

/// Why a build leaves a content file out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    /// `internal = true`, in the customer edition.
    Internal,
    /// `draft = true`, without `--drafts`.
    Draft,
}

impl ContentIndex {
    pub fn new(meetings: &[ContentFile], initiatives: &[ContentFile]) -> Self {
        ContentIndex {
            meetings: meetings.iter().map(|f| f.slug.clone()).collect(),
            initiatives: initiatives.iter().map(|f| f.slug.clone()).collect(),
            hidden: HashMap::new(),
        }
    }

    /// The index without `files` (paths relative to the site): links to them lead nowhere
    /// and say nothing of them.
    pub fn hiding(mut self, files: &[&ContentFile], why: Withheld) -> Self {
        for file in files {
            if file.path.starts_with(MEETINGS_DIR) {
                self.meetings.remove(&file.slug);
            } else {
                self.initiatives.remove(&file.slug);
            }
            self.hidden.insert(file.path.clone(), why);
        }
        self
    }

    /// Whether a link in the file at `from` names a file this build leaves out.
    pub fn is_hidden(&self, from: &Path, url: &str) -> bool {
        self.withheld(from, url).is_some()
    }

    /// Why this build leaves out the file a link in the file at `from` names, if it does.
    pub fn withheld(&self, from: &Path, url: &str) -> Option<Withheld> {
        if self.hidden.is_empty() {
            return None;
        }
        let path = file_part(url);
        target(from, &path).and_then(|target| self.hidden.get(&target).copied())
    }

    /// For a link in the file at `from` (relative to the site root): `None` when it is not a
    /// link to a content file (a web address, a fragment, anything not ending in `.md`);
    /// `Some(Ok(address))` with the site-relative address of the page it names;
    /// `Some(Err(why))` when it names a content file that does not exist.
    pub fn resolve(&self, from: &Path, url: &str) -> Option<Result<String, String>> {
        let fragment = url.split_once('#').map(|(_, fragment)| fragment);
        let path = file_part(url);
        let path = path.as_str();
        let has_scheme = path
            .split_once(':')
            .is_some_and(|(scheme, _)| scheme.chars().all(|c| c.is_ascii_alphanumeric()));
        if has_scheme || !path.ends_with(".md") || path.starts_with('/') {
            return None;
        }
        let Some(normal) = target(from, path) else {
            return Some(Err(format!("`{url}` leads outside the site")));
        };
        let slug = normal.file_stem()?.to_string_lossy().into_owned();
        let fragment = fragment.map(|f| format!("#{f}")).unwrap_or_default();
        if normal.starts_with(MEETINGS_DIR) && self.meetings.contains(&slug) {
            Some(Ok(format!(
                "{}{fragment}",
                urls::page_file(&urls::meeting(&slug))
            )))
        } else if normal.starts_with(INITIATIVES_DIR) && self.initiatives.contains(&slug) {
            Some(Ok(format!(
                "{}{fragment}",
                urls::page_file(&urls::initiative(&slug))
            )))
        } else {
            Some(Err(format!(
                "`{url}` names {}, which is not a meeting or initiative of this site",
                normal.display()
            )))
        }
    }
}

/// The file a link names, as a browser reads the address: without its query and fragment,
/// percent-escapes decoded (`a.md?x=1`, `a%2Emd#top` name `a.md`).
fn file_part(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let path = &url[..end];
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let escape = (bytes[at] == b'%')
            .then(|| path.get(at + 1..at + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escape {
            Some(byte) => {
                decoded.push(byte);
                at += 3;
            }
            None => {
                decoded.push(bytes[at]);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// The file a relative link in `from` names, relative to the site; None when it leads out.
fn target(from: &Path, path: &str) -> Option<PathBuf> {
    let joined = from.parent().unwrap_or(Path::new("")).join(path);
    let mut normal = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::Normal(part) => normal.push(part),
            Component::ParentDir if !normal.pop() => return None,
            _ => {}
        }
    }
    Some(normal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> ContentIndex {
        let file = |slug: &str| ContentFile {
            path: PathBuf::from(format!("x/{slug}.md")),
            slug: slug.into(),
        };
        ContentIndex::new(&[file("2025-11-18-team")], &[file("deal")])
    }

    #[test]
    fn links_to_content_files_become_page_addresses() {
        let from = Path::new("content/meetings/2025-12-01-next.md");
        let index = index();
        assert_eq!(
            index.resolve(from, "2025-11-18-team.md"),
            Some(Ok("meetings/2025-11-18-team/index.html".into()))
        );
        assert_eq!(
            index.resolve(from, "../initiatives/deal.md#risks"),
            Some(Ok("initiatives/deal/index.html#risks".into()))
        );
        assert!(matches!(
            index.resolve(from, "../initiatives/nope.md"),
            Some(Err(_))
        ));
        assert!(matches!(
            index.resolve(from, "../../../../etc/x.md"),
            Some(Err(_))
        ));
        assert_eq!(index.resolve(from, "https://example.com/a.md"), None);
        assert_eq!(index.resolve(from, "#top"), None);
        assert_eq!(index.resolve(from, "notes.txt"), None);
    }

    #[test]
    fn a_query_fragment_or_escape_does_not_hide_which_file_a_link_names() {
        let from = Path::new("content/meetings/2025-12-01-next.md");
        let file = ContentFile {
            path: PathBuf::from("content/meetings/2025-11-18-team.md"),
            slug: "2025-11-18-team".into(),
        };
        let index = index().hiding(&[&file], Withheld::Internal);
        for url in [
            "2025-11-18-team.md?x=1",
            "./2025-11-18-team.md#top",
            "2025-11-18-team%2Emd",
            "../meetings/2025-11-18-team.md?a#b",
        ] {
            assert_eq!(index.withheld(from, url), Some(Withheld::Internal), "{url}");
        }
    }
}
