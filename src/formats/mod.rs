//! Stage 3, beside the pages: the site's other files, written from the model (iCalendar, Atom
//! and sitemap, tasks.json, the search index, each owner's open tasks for the dashboard).

pub(crate) mod feed;
pub(crate) mod ics;
pub(crate) mod owner_tasks;
pub(crate) mod search;

/// What the previous build published that this one continues: the revision of each calendar
/// event and the date of each feed entry.
#[derive(Debug, Default)]
pub(crate) struct Previous {
    pub calendar: ics::CalendarHistory,
    pub feed: feed::FeedHistory,
}

impl Previous {
    /// From the previous build's calendar.ics and feed.xml, when there were any.
    pub(crate) fn from_files(calendar: Option<&str>, feed: Option<&str>) -> Previous {
        Previous {
            calendar: calendar
                .map(ics::CalendarHistory::parse)
                .unwrap_or_default(),
            feed: feed.map(feed::FeedHistory::parse).unwrap_or_default(),
        }
    }
}
