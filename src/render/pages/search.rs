//! The search results page, `search/?q=…`: every result of a query, at an address a reader
//! can keep and share. The theme's script reads the query from the address and searches the
//! index beside the page; the page itself holds only the form, so it is the same for every
//! query and every build that changes no word of the theme.

use super::*;

pub(super) struct Search;

impl PageKind for Search {
    fn name(&self) -> &'static str {
        "search"
    }

    fn template(&self) -> &'static str {
        "search.html"
    }

    fn folder(&self) -> &'static str {
        urls::SEARCH_DIR
    }

    /// Content reaches the page only through the index beside it.
    fn reached_by(&self, _: &Site, _: &Reach, _: &Key) -> Option<bool> {
        Some(false)
    }

    fn preview(&self, renderer: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            renderer.word("search_page_title", None, &[]),
            renderer.word("preview_search", None, &[]),
        ))
    }

    /// The page shows only what every page does.
    fn context(&self, _: &Renderer, _: &Key) -> Option<Context> {
        Some(Context::new())
    }

    /// A page of results differs with each query; search engines have nothing to list.
    fn in_sitemap(&self) -> bool {
        false
    }
}
