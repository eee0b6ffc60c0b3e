#![no_main]
//! A whole site of one meeting: load, model and render every page (no writing), on any text.

use dossier::check;
use dossier::LoadOptions;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn site() -> &'static tempfile::TempDir {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary folder");
        // No git history: a git call per input would slow fuzzing for nothing.
        std::fs::write(dir.path().join("site.toml"), "title = \"Fuzz\"\nlast_edited = false\n")
            .expect("site.toml");
        std::fs::create_dir_all(dir.path().join("content/meetings")).expect("folders");
        std::fs::create_dir_all(dir.path().join("content/initiatives")).expect("folders");
        std::fs::write(
            dir.path().join("content/initiatives/deal.md"),
            "+++\ntitle = \"Deal\"\n+++\n",
        )
        .expect("initiative");
        std::fs::write(dir.path().join("content/people.toml"), "[sigi]\nname = \"Sigi\"\n").expect("people");
        dir
    })
}

fuzz_target!(|bytes: &[u8]| {
    let root = site().path();
    std::fs::write(root.join("content/meetings/2025-11-18-m.md"), bytes).expect("meeting");
    let options = LoadOptions {
        today: chrono::NaiveDate::from_ymd_opt(2025, 11, 24),
        drafts: true,
        base_url: None,
        keep_history: false,
        // The customer edition reads the site twice (both editions) and scans the output.
        edition: dossier::Edition::Customer,
        account: None,
    };
    // Errors are fine; panics and hangs are what this looks for.
    let _ = check(root, &options);
});
