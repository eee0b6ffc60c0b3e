//! Stage 1: files to documents. Reads every source file of the site (site.toml, people.toml,
//! meetings, initiatives), in parallel, into documents with their diagnostics. Markdown is
//! turned into HTML here, once. Nothing here knows about pages, templates or the site model.

pub(crate) mod config;
pub(crate) mod front_matter;
pub(crate) mod history;
pub(crate) mod initiative;
pub(crate) mod links;
pub(crate) mod load;
pub(crate) mod markdown;
pub(crate) mod marks;
pub(crate) mod meeting;
pub(crate) mod people;
pub(crate) mod source;
pub(crate) mod task_text;
