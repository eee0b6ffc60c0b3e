//! Stage 1: files to documents. Reads every source file of the site (site.toml, people.toml,
//! meetings, initiatives), in parallel, into documents with their diagnostics. Markdown is
//! turned into HTML here, once. Nothing here knows about pages, templates or the site model.

pub mod config;
pub mod front_matter;
pub mod history;
pub mod initiative;
pub mod links;
pub mod load;
pub mod markdown;
pub mod marks;
pub mod meeting;
pub mod people;
pub mod source;
pub mod task_text;
