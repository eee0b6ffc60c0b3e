//! The page a web server shows for an address the site does not have.

use super::*;

pub(super) struct NotFound;

impl PageKind for NotFound {
    fn name(&self) -> &'static str {
        "not-found"
    }

    fn template(&self) -> &'static str {
        "404.html"
    }

    fn folder(&self) -> &'static str {
        ""
    }

    fn reached_by(&self, _: &Site, _: &Reach, _: &Key) -> Option<bool> {
        Some(false)
    }

    fn preview(&self, renderer: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            renderer.word("preview_not_found_title", None, &[]),
            renderer.word("preview_not_found", None, &[]),
        ))
    }

    /// The page shows only what every page does.
    fn context(&self, _: &Renderer, _: &Key) -> Option<Context> {
        Some(Context::new())
    }

    fn file(&self, _: &str) -> String {
        urls::NOT_FOUND_FILE.to_string()
    }

    /// The page is served at any depth, so its links start from where the site is published.
    fn root(&self, templates: &Templates, _: &str) -> String {
        templates.site_path.clone()
    }

    fn in_sitemap(&self) -> bool {
        false
    }
}
