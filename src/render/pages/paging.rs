//! Long lists on numbered pages (`meetings/`, `meetings/2/`, …), as Zola and Hugo paginate a
//! section: `paginate_by` items a page, each page linked to its neighbours and to the first and
//! last, so that no page of a list grows with the site.

use super::*;
use std::ops::Range;

/// The pages of a list of `total` items: page 1 at the list's own address, the others
/// numbered from 2. An empty list still has its one page.
pub(super) fn list_keys(total: usize, per_page: usize) -> Vec<Key> {
    (1..=page_count(total, per_page))
        .map(|number| match number {
            1 => Key::Only,
            n => Key::Page(n),
        })
        .collect()
}

pub(super) fn page_count(total: usize, per_page: usize) -> usize {
    if per_page == 0 {
        1
    } else {
        total.div_ceil(per_page).max(1)
    }
}

/// Which page of its list a key is.
pub(super) fn page_number(key: &Key) -> usize {
    match key {
        Key::Page(n) | Key::IndexPage(_, n) => *n,
        _ => 1,
    }
}

/// The items of page `number`.
pub(super) fn items_of(number: usize, total: usize, per_page: usize) -> Range<usize> {
    if per_page == 0 {
        return 0..total;
    }
    let start = ((number - 1) * per_page).min(total);
    start..(start + per_page).min(total)
}

/// The part of each of `lists`, laid end to end, that falls in `shown`: (which list, its
/// part) for each list that has a part there. A list grouped under headings is cut this way,
/// so that a group that goes on over the next page is under its heading again.
pub(super) fn parts_in<'a, T>(
    lists: impl IntoIterator<Item = &'a [T]>,
    shown: &Range<usize>,
) -> Vec<(usize, &'a [T])> {
    let mut at = 0;
    let mut parts = Vec::new();
    for (which, list) in lists.into_iter().enumerate() {
        let from = shown.start.clamp(at, at + list.len()) - at;
        let to = shown.end.clamp(at, at + list.len()) - at;
        at += list.len();
        if from < to {
            parts.push((which, &list[from..to]));
        }
    }
    parts
}

/// How a page of a list links to the others: the template's `pagination`.
#[derive(Serialize)]
pub(super) struct Pagination {
    number: usize,
    count: usize,
    previous: Option<String>,
    next: Option<String>,
    /// The first, the last, and the two on each side of this one; `None` where pages are left
    /// out between them.
    pages: Vec<Option<PageLink>>,
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    url: String,
    current: bool,
}

/// Pages on each side of the current one that the list of pages names.
const NEIGHBOURS: usize = 2;

pub(super) fn pagination(folder: &str, number: usize, count: usize) -> Pagination {
    let link = |n: usize| PageLink {
        number: n,
        url: urls::list_page(folder, n),
        current: n == number,
    };
    let mut pages = Vec::new();
    for n in 1..=count {
        let shown = n == 1 || n == count || n.abs_diff(number) <= NEIGHBOURS;
        if shown {
            pages.push(Some(link(n)));
        } else if pages.last().is_some_and(Option::is_some) {
            pages.push(None);
        }
    }
    Pagination {
        number,
        count,
        previous: (number > 1).then(|| urls::list_page(folder, number - 1)),
        next: (number < count).then(|| urls::list_page(folder, number + 1)),
        pages,
    }
}

impl Renderer<'_> {
    /// Items on a page of a long list (site.toml's `paginate_by`).
    pub(super) fn paginate_by(&self) -> usize {
        self.site.config.paginate_by
    }

    /// The part of an agenda on page `number`: the part of each group that falls on it, under
    /// the group's heading, then the done tasks that do.
    pub(super) fn agenda_part(
        &self,
        list: &AgendaList,
        number: usize,
    ) -> (Vec<AgendaGroup>, Vec<TaskValue>) {
        let shown = items_of(number, list.len(), self.paginate_by());
        let groups = &list.agenda.groups;
        let lists = groups
            .iter()
            .map(|group| group.tasks.as_slice())
            .chain([list.done.as_slice()]);
        let mut open = Vec::new();
        let mut done = Vec::new();
        for (which, part) in parts_in(lists, &shown) {
            match groups.get(which) {
                Some(group) => open.push(self.agenda_group(&group.bucket, part)),
                None => done = self.tasks_of(part),
            }
        }
        (open, done)
    }

    /// A list's title, with its page's number after the first: "Meetings, page 2".
    pub(super) fn page_title(&self, list: &str, key: &Key) -> String {
        self.numbered_title(self.word(list, None, &[]), key)
    }

    /// `title` on the first page of its list, "`title`, page N" on the others.
    pub(super) fn numbered_title(&self, title: String, key: &Key) -> String {
        match page_number(key) {
            1 => title,
            n => self.word(
                "list_page_title",
                None,
                &[("list", title), ("n", n.to_string())],
            ),
        }
    }
}

/// The address of a page of the list at `folder`.
pub(super) fn page_url(folder: &str, key: &Key) -> String {
    urls::list_page(folder, page_number(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_cut_into_pages_of_its_size_and_never_into_none() {
        assert_eq!(page_count(0, 100), 1);
        assert_eq!(page_count(100, 100), 1);
        assert_eq!(page_count(101, 100), 2);
        assert_eq!(page_count(5000, 0), 1);
        assert_eq!(items_of(2, 250, 100), 100..200);
        assert_eq!(items_of(3, 250, 100), 200..250);
        assert_eq!(items_of(1, 250, 0), 0..250);
        assert_eq!(list_keys(250, 100), [Key::Only, Key::Page(2), Key::Page(3)]);
        // Every item is on exactly one page, whatever the sizes.
        for total in 0..60 {
            for per_page in 1..12 {
                let mut seen = Vec::new();
                for key in list_keys(total, per_page) {
                    seen.extend(items_of(page_number(&key), total, per_page));
                }
                assert_eq!(
                    seen,
                    (0..total).collect::<Vec<_>>(),
                    "{total} by {per_page}"
                );
            }
        }
    }

    #[test]
    fn a_page_links_its_neighbours_the_first_and_the_last() {
        let shown = |p: &Pagination| {
            p.pages
                .iter()
                .map(|page| page.as_ref().map_or(0, |page| page.number))
                .collect::<Vec<_>>()
        };
        let middle = pagination("meetings/", 10, 20);
        assert_eq!(shown(&middle), [1, 0, 8, 9, 10, 11, 12, 0, 20]);
        assert_eq!(middle.previous.as_deref(), Some("meetings/9/"));
        assert_eq!(middle.next.as_deref(), Some("meetings/11/"));
        let first = pagination("meetings/", 1, 3);
        assert_eq!(shown(&first), [1, 2, 3]);
        assert_eq!(first.previous, None);
        assert_eq!(
            first.pages[0].as_ref().map(|p| p.url.as_str()),
            Some("meetings/")
        );
    }
}
