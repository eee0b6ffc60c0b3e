//! dossier: a static site generator for account-team briefings.
//!
//! A build runs in stages, one folder each: [`content`] reads the files into documents,
//! [`model`] resolves them into an immutable [`model::Site`], [`render`] turns that into pages
//! with Tera and [`formats`] into the other files (iCalendar, Atom, tasks.json, search index),
//! and [`output`] writes them safely. [`serve`] and [`import`] stand beside the build; [`cli`] is
//! the command line on top. ARCHITECTURE.md has the map and the rules between the stages.

mod build;
pub mod cli;
mod content;
mod dates;
mod digest;
mod error;
mod escape;
mod formats;
mod import;
mod language;
mod model;
mod output;
mod paths;
mod render;
mod serve;
mod site_paths;
mod urls;

// What the integration tests and fuzz targets drive directly; everything else is the crate's
// own, `pub(crate)` at most, so a change inside it is never an API change.
pub use build::leaks::readable;
pub use build::{build, check, BuildOptions, BuildReport, Work};
pub use content::config::{Edition, SiteConfig};
pub use content::front_matter::split_front_matter;
pub use content::load::LoadOptions;
pub use content::marks::{blank, generated, mark, marker_spellings, BodyOf};
pub use content::meeting::MeetingReader;
pub use content::people::{People, Person};
pub use content::source::SourceFile;
pub use import::continuity::Earlier;
pub use import::{convert, Request};
pub use output::MARKER;
pub use paths::{is_safe_segment, slugify};
pub use render::pages::page_kinds;
pub use serve::session::Session;

/// The rules `themes/default/static/dossier.js` repeats in the reader's browser (deadline
/// groups and labels, search words), for the test that runs the Rust and the script on one
/// generated table (`tests/testsuite/script_rules.rs`).
#[doc(hidden)]
pub mod script_rules {
    use crate::dates::{Bucket, Due};
    use chrono::{NaiveDate, Weekday};

    /// A deadline token's group on `today` (its key and title) and its label; `None` for a
    /// token that is no deadline.
    pub fn deadline(token: &str, today: NaiveDate, week_start: Weekday) -> Option<[String; 3]> {
        let due = Due::parse(token).ok()?;
        let bucket = Bucket::of(Some(due), today, week_start);
        Some([
            bucket.key(),
            bucket.title(),
            due.label(crate::language::Language::English),
        ])
    }

    /// The words the search index files a text under.
    pub fn search_terms(text: &str) -> Vec<String> {
        crate::formats::search::terms(text).collect()
    }

    /// `count` as each language writes it, by language code: the pages' figures, which the
    /// script writes again when it recounts on the reader's day.
    pub fn counts(count: i64) -> Vec<(&'static str, String)> {
        crate::language::Language::ALL
            .iter()
            .map(|language| (language.code(), language.count(count)))
            .collect()
    }
}

/// "1 meeting", "2 meetings".
pub(crate) fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}
