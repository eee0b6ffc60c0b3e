//! Stage 3, beside the pages: the site's other files, written from the model (iCalendar, Atom
//! and sitemap, tasks.json, the search index).

pub mod feed;
pub mod ics;
pub mod search;
