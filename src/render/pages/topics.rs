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

    fn preview(&self, _: &Renderer, _: &Key) -> Option<(String, String)> {
        Some(("Topics".into(), "Every topic, by initiative.".into()))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, _: &Key) -> Option<()> {
        renderer.topics_list(context);
        Some(())
    }
}

impl Renderer<'_> {
    /// Topics page: fills `context`. A long list shows each topic as a
    /// row (title, meeting date) rather than a card, from a value made for the row only: at
    /// 10,000 meetings the cards' values of every topic took 1.6 s to make for this one page.
    pub(super) fn topics_list(&self, context: &mut Context) {
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
        let mut groups = Vec::new();
        for (i, initiative) in site.initiatives.iter().enumerate() {
            let mut newest_first: Vec<(usize, usize)> = initiative
                .topics
                .iter()
                .copied()
                .filter(|key| home.get(key) == Some(&i))
                .collect();
            if !newest_first.is_empty() {
                newest_first.reverse();
                let (as_rows, topics) = self.topic_rows_or_cards(&newest_first);
                groups.push(map(vec![
                    ("initiative", self.initiative(i)),
                    ("as_rows", as_rows.into()),
                    ("topics", topics),
                ]));
            }
        }
        let loose: Vec<(usize, usize)> = site
            .meetings
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| meeting.topics.iter().enumerate().map(move |(t, _)| (m, t)))
            .filter(|key| !home.contains_key(key))
            .collect();
        let (loose_as_rows, loose) = self.topic_rows_or_cards(&loose);
        context.insert_value("groups", groups.into());
        context.insert("loose_as_rows", &loose_as_rows);
        context.insert_value("loose", loose);
        context.insert(
            "topic_count",
            &site.meetings.iter().map(|m| m.topics.len()).sum::<usize>(),
        );
    }

    /// Topics as rows when there are more than [`CARDS_AT_MOST`], else as cards; says which.
    fn topic_rows_or_cards(&self, topics: &[(usize, usize)]) -> (bool, Value) {
        if topics.len() <= CARDS_AT_MOST {
            return (false, self.topic_list(topics));
        }
        let rows: Vec<Value> = topics
            .iter()
            .map(|&(m, t)| {
                map(vec![
                    (
                        "title",
                        self.site.meetings[m].topics[t].title.as_str().into(),
                    ),
                    ("url", self.site.topic_url(m, t).into()),
                    ("meeting", self.meeting_link(m)),
                ])
            })
            .collect();
        (true, rows.into())
    }
}
