//! The integration tests, as one binary (as cargo and mdBook do): each module runs the built
//! `dossier` on the example site or on fixture sites and inspects what it wrote.

// A test binary is nobody's API, and a test that cannot unwrap has already failed.
#![allow(unreachable_pub, clippy::unwrap_used)]

mod architecture;
mod authoring;
mod calendar;
mod check;
mod code_size;
mod common;
mod continuity;
mod editions;
mod errors;
mod escaping;
mod example_site;
mod fail_closed;
mod import;
mod import_inbox;
mod import_recaps;
mod incremental;
mod languages;
mod publishing;
mod real_tools;
mod safety;
mod script_rules;
mod serve;
mod snapshots;
mod team_week;
