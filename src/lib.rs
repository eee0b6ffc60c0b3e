//! dossier: a static site generator for account-team briefings.
//!
//! A build runs in stages, one folder each: [`content`] reads the files into documents,
//! [`model`] resolves them into an immutable [`model::Site`], [`render`] turns that into pages
//! with Tera and [`formats`] into the other files (iCalendar, Atom, tasks.json, search index),
//! and [`output`] writes them safely. [`serve`] and [`import`] stand beside the build; [`cli`] is
//! the command line on top. ARCHITECTURE.md has the map and the rules between the stages.

pub mod build;
pub mod cli;
pub mod content;
pub mod dates;
pub mod error;
pub mod escape;
pub mod formats;
pub mod import;
pub mod model;
pub mod output;
pub mod paths;
pub mod render;
pub mod serve;
pub mod site_paths;
pub mod urls;

/// "1 meeting", "2 meetings".
pub(crate) fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}
