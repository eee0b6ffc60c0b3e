#![no_main]
//! The front-matter splitter and the TOML reading behind it, on any bytes.

use dossier::split_front_matter;
use dossier::SourceFile;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let Ok(file) = SourceFile::from_bytes(Path::new("m.md"), bytes.to_vec()) else {
        return;
    };
    if let Ok(front) = split_front_matter(&file) {
        assert!(front.toml.end <= front.body.start && front.body.end == file.text.len());
        let _ = file.parse_toml::<toml::Table>(front.toml);
    }
});
