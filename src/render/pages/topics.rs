//! Every topic, grouped by initiative.

use super::*;

/// A list of topics longer than this shows them as rows rather than cards.
const CARDS_AT_MOST: usize = 12;

pub(super) struct Topics;

impl PageKind for Topics {
    fn name(&self) -> &'static str {
        "topics"
    }

    fn template(&self) -> &'static str {
        "topics.html"
    }

    fn folder(&self) -> &'static str {
        urls::TOPICS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        paging::list_keys(renderer.topic_count(), renderer.paginate_by())
    }

    fn url(&self, _: &Site, key: &Key) -> Option<String> {
        Some(paging::page_url(self.folder(), key))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        Some((
            renderer.page_title("topics", key),
            renderer.word("preview_topics", None, &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.topics_list(paging::page_number(key)))
    }
}

/// The topics page: each topic once, under its initiative, then those of none.
#[derive(Serialize)]
struct TopicsPage<'a> {
    groups: Vec<TopicGroup<'a>>,
    loose_as_rows: bool,
    loose: TopicsShown<'a>,
    topic_count: usize,
    pagination: paging::Pagination,
}

#[derive(Serialize)]
struct TopicGroup<'a> {
    initiative: InitiativeValue,
    /// Whether `topics` are rows rather than cards.
    as_rows: bool,
    topics: TopicsShown<'a>,
}

/// A long list shows each topic as a row (title, meeting date) rather than a card, from a
/// value made for the row only: at 10,000 meetings the cards of every topic took 1.6 s to
/// make for this one page.
#[derive(Serialize)]
#[serde(untagged)]
enum TopicsShown<'a> {
    Cards(Vec<TopicValue>),
    Rows(Vec<TopicRow<'a>>),
}

#[derive(Serialize)]
struct TopicRow<'a> {
    title: &'a str,
    url: String,
    meeting: MeetingLinkValue,
}

impl Renderer<'_> {
    fn topic_count(&self) -> usize {
        self.site.meetings.iter().map(|m| m.topics.len()).sum()
    }

    /// Page `number` of the topics: each topic once, under its initiative (an initiative's
    /// topics may go on over the next page, under its heading again), then those of none.
    fn topics_list(&self, number: usize) -> TopicsPage<'_> {
        let total = self.topic_count();
        let per_page = self.paginate_by();
        let shown = paging::items_of(number, total, per_page);
        let mut groups: Vec<TopicGroup> = Vec::new();
        let mut loose = Vec::new();
        let lists = self.topics_by_initiative();
        let parts = paging::parts_in(lists.iter().map(|list| list.topics.as_slice()), &shown);
        for (which, here) in parts {
            match lists[which].initiative {
                Some(i) => {
                    let (as_rows, topics) = self.topic_rows_or_cards(here);
                    groups.push(TopicGroup {
                        initiative: self.initiative(i),
                        as_rows,
                        topics,
                    });
                }
                None => loose = here.to_vec(),
            }
        }
        let (loose_as_rows, loose) = self.topic_rows_or_cards(&loose);
        TopicsPage {
            groups,
            loose_as_rows,
            loose,
            topic_count: total,
            pagination: paging::pagination(
                urls::TOPICS,
                number,
                paging::page_count(total, per_page),
            ),
        }
    }

    /// Every topic in the order the topics pages list them: each initiative's, newest first,
    /// then those of no initiative, in meeting order; made once for all the pages.
    fn topics_by_initiative(&self) -> &[TopicList] {
        self.values.topic_lists.get_or_init(|| self.topic_lists())
    }

    fn topic_lists(&self) -> Vec<TopicList> {
        let site = self.site;
        // Each topic once: under the initiative its heading names, else the first one a task
        // of it follows (the initiative pages list it on every timeline it is part of).
        let mut home: HashMap<(usize, usize), usize> = HashMap::new();
        for (i, initiative) in site.initiatives.iter().enumerate() {
            for &(m, t) in &initiative.topics {
                let own =
                    site.meetings[m].topics[t].initiative.as_deref() == Some(&initiative.slug);
                if own {
                    home.insert((m, t), i);
                } else {
                    home.entry((m, t)).or_insert(i);
                }
            }
        }
        let mut lists = Vec::new();
        for (i, initiative) in site.initiatives.iter().enumerate() {
            let mut newest_first: Vec<(usize, usize)> = initiative
                .topics
                .iter()
                .copied()
                .filter(|key| home.get(key) == Some(&i))
                .collect();
            newest_first.reverse();
            lists.push(TopicList {
                initiative: Some(i),
                topics: newest_first,
            });
        }
        let loose: Vec<(usize, usize)> = site
            .meetings
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| meeting.topics.iter().enumerate().map(move |(t, _)| (m, t)))
            .filter(|key| !home.contains_key(key))
            .collect();
        lists.push(TopicList {
            initiative: None,
            topics: loose,
        });
        lists
    }

    /// Topics as rows when there are more than [`CARDS_AT_MOST`], else as cards; says which.
    fn topic_rows_or_cards(&self, topics: &[(usize, usize)]) -> (bool, TopicsShown<'_>) {
        if topics.len() <= CARDS_AT_MOST {
            return (false, TopicsShown::Cards(self.topic_list(topics)));
        }
        let rows = topics
            .iter()
            .map(|&(m, t)| TopicRow {
                title: &self.site.meetings[m].topics[t].title,
                url: self.site.topic_url(m, t),
                meeting: self.meeting_link(m),
            })
            .collect();
        (true, TopicsShown::Rows(rows))
    }
}
