#![no_main]
//! The recap importer on any text: it reads what it can and never panics, and what it writes is
//! a meeting file that reads back without errors of its own making.

use chrono::NaiveDate;
use dossier::SiteConfig;
use dossier::MeetingReader;
use dossier::{convert, Request};
use dossier::People;
use dossier::SourceFile;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|text: &str| {
    let config = SiteConfig::parse(&SourceFile::new(
        Path::new("site.toml"),
        "title = \"t\"\nfiscal_year_start = 7\n".into(),
    ))
    .expect("a valid site.toml");
    let date = NaiveDate::from_ymd_opt(2025, 11, 18);
    let request = Request {
        name: Path::new("recap.txt"),
        bytes: text.as_bytes(),
        date,
        account: Some("Acme"),
        format: None,
        earlier: &dossier::Earlier::default(),
    };
    let Ok((report, _)) = convert(&request, People::default(), &config) else {
        return;
    };
    let file = SourceFile::new(Path::new("content/meetings/m.md"), report.meeting_file.clone());
    let people = People::default();
    let reader = MeetingReader::alone(&people, false);
    let parsed = reader.read(file, "m".into());
    assert!(parsed.doc.is_some(), "imported file does not read back:\n{}\n{:?}", report.meeting_file, parsed.diagnostics);
});
