//! dossier: a static site generator for account-team briefings.
//!
//! A build runs in stages, one module each: [`load`] reads the files ([`config`], [`people`],
//! [`content`]), [`model`] resolves them into a [`model::Site`], [`render`] turns that into pages
//! with Tera ([`calendar`] and [`feed`] for the other formats), and [`output`] writes them
//! safely. [`cli`] is the command line on top.

pub mod build;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod error;
pub mod feed;
pub mod import;
pub mod links;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod paths;
pub mod people;
pub mod rebuild;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site_paths;
pub mod source;
pub mod tasks;
pub mod theme;

/// "1 meeting", "2 meetings".
pub(crate) fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}
