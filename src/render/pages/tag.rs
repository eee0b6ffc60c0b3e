//! A tag's page: the meetings that carry it, newest first.

use super::*;

pub(super) struct Tag;

impl PageKind for Tag {
    fn name(&self) -> &'static str {
        "tag"
    }

    fn template(&self) -> &'static str {
        "tag.html"
    }

    fn folder(&self) -> &'static str {
        urls::TAGS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        renderer.site.tags.keys().cloned().map(Key::Name).collect()
    }

    fn url(&self, _: &Site, key: &Key) -> Option<String> {
        Some(urls::tag(key.name()?))
    }

    fn reached_by(&self, _: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        Some(reach.tags.contains(key.name()?))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let (name, meetings) = renderer
            .site
            .tags
            .get(key.name()?)
            .map_or(("", 0), |(n, m)| (n.as_str(), m.len()));
        Some((
            renderer.word("preview_tag_title", None, &[("name", name.to_string())]),
            renderer.word("preview_tag", Some(meetings), &[("name", name.to_string())]),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.tag_page(key.name()?))
    }
}

/// A tag's page: its meetings, newest first.
#[derive(Serialize)]
struct TagPage<'a> {
    /// The tag as first written.
    tag_name: &'a str,
    meetings: Vec<MeetingValue>,
}

impl Renderer<'_> {
    fn tag_page(&self, slug: &str) -> TagPage<'_> {
        let (name, meetings) = self
            .site
            .tags
            .get(slug)
            .map_or(("", &[][..]), |(name, meetings)| {
                (name.as_str(), meetings.as_slice())
            });
        TagPage {
            tag_name: name,
            meetings: self.meetings_of(meetings.iter().copied()),
        }
    }
}
