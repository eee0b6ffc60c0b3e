#![no_main]
//! A meeting file through the whole reader: topics, tasks, mentions, deadlines, Markdown.

use dossier::MeetingReader;
use dossier::{People, Person};
use dossier::SourceFile;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|bytes: &[u8]| {
    let Ok(file) = SourceFile::from_bytes(Path::new("content/meetings/m.md"), bytes.to_vec()) else {
        return;
    };
    let mut people = People::default();
    for (id, name) in [("sigi", "Sigi"), ("patrick-faut", "Patrick Faut")] {
        people.insert(Person {
            id: id.into(),
            name: name.into(),
            role: None,
            aliases: vec!["Pat".into()],
            listed: true,
            internal: false,
            email: None,
            external: false,
        });
    }
    for allow_html in [false, true] {
        let reader = MeetingReader::alone(&people, allow_html);
        let parsed = reader.read(file.clone(), "m".into());
        for diagnostic in &parsed.diagnostics {
            // Every diagnostic renders, with a position inside the file.
            assert!(diagnostic.line >= 1);
            let _ = diagnostic.to_string();
        }
        if let Some(doc) = parsed.doc {
            for topic in &doc.topics {
                assert!(dossier::is_safe_segment(&topic.slug));
                if !allow_html {
                    assert!(!topic.body_html.contains("<script"));
                }
            }
        }
    }
});
