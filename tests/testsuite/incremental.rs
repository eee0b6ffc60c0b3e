//! `serve` rebuilds only what an edit reaches. These tests make every kind of edit to a site
//! with several meetings, initiatives and people, rebuild incrementally, and compare the
//! result byte for byte with a clean `dossier build` of the same files.

use chrono::NaiveDate;
use dossier::LoadOptions;
use dossier::Session;
use dossier::{build, BuildOptions, BuildReport, Work};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const PEOPLE: &str = "[ann]\nname = \"Ann Aerts\"\n\n[bob]\nname = \"Bob Bauer\"\n\n[cem]\nname = \"Cem Claes\"\n\n[dia]\nname = \"Dia Dubois\"\n\n[eva]\nname = \"Eva Engel\"\n\n[fay]\nname = \"Fay Fischer\"\n";
const INITIATIVES: [&str; 3] = ["alpha", "beta", "gamma"];
const PEOPLE_IDS: [&str; 5] = ["Ann", "Bob", "Cem", "Dia", "Eva"];

fn meeting_slug(n: usize) -> String {
    format!("{}-weekly-{n}", meeting_date(n))
}

fn meeting_date(n: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 8, 4).unwrap() + chrono::Days::new(7 * n as u64)
}

/// Meeting `n`: three topics spread over the initiatives, tasks with owners and deadlines
/// over several months (the first topic's continued across three meetings by its id), and a
/// meeting-level task.
/// The customers the meetings are with: one in four meetings names none.
const ACCOUNTS: [&str; 3] = ["Northwind", "Contoso", "Fabrikam"];

fn meeting(n: usize) -> String {
    let account = if n % 4 == 3 {
        String::new()
    } else {
        format!("account = \"{}\"\n", ACCOUNTS[n % 3])
    };
    let mut text = format!(
        "+++\ntitle = \"Weekly {n}\"\ndate = {}\n{account}attendees = [\"{}\"]\n+++\nIntro of week {n}.\n\n",
        meeting_date(n),
        PEOPLE_IDS[n % 5].to_lowercase()
    );
    for topic in 0..3 {
        let initiative = if topic == 2 && n.is_multiple_of(2) {
            String::new()
        } else {
            format!(" {{initiative={}}}", INITIATIVES[(n + topic) % 3])
        };
        let due = meeting_date(n) + chrono::Days::new(10 + 9 * topic as u64);
        let id = if topic == 0 {
            format!(" {{#carry-{}}}", n / 3)
        } else {
            String::new()
        };
        text.push_str(&format!(
            "## Topic {topic} of week {n}{initiative}\n@{} and @{} discussed point {topic}.\n\n- [ ] **Task {n}.{topic}:** follow up. @{} due:{due}{id}\n\n",
            PEOPLE_IDS[(n + topic) % 5],
            PEOPLE_IDS[(n + topic + 1) % 5],
            PEOPLE_IDS[(n + 2 * topic) % 5],
        ));
    }
    text.push_str(&format!(
        "## Tasks\n- [x] **Wrap up week {n}.** @{}\n",
        PEOPLE_IDS[(n + 3) % 5]
    ));
    text
}

struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    fn new(meetings: usize) -> Site {
        let site = Site {
            dir: tempfile::tempdir().unwrap(),
        };
        site.write("site.toml", crate::common::SITE_TOML);
        site.write("content/people.toml", PEOPLE);
        for slug in INITIATIVES {
            site.write(
                &format!("content/initiatives/{slug}.md"),
                &format!(
                    "+++\ntitle = \"Initiative {slug}\"\nowners = [\"fay\"]\n+++\nAbout {slug}.\n"
                ),
            );
        }
        for n in 0..meetings {
            site.write(&Self::meeting_path(n), &meeting(n));
        }
        site
    }

    fn meeting_path(n: usize) -> String {
        format!("content/meetings/{}.md", meeting_slug(n))
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    fn write(&self, path: &str, text: &str) {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }

    /// Links the introduction of week 2 to the meeting file at `path`; returns its file name.
    fn link_week_2_to(&self, path: &str) -> String {
        let name = Path::new(path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        self.edit(
            &Self::meeting_path(2),
            "Intro of week 2.",
            &format!("Intro of week 2, see [week 4]({name})."),
        );
        name
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.root().join(path)).unwrap()
    }

    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    fn options() -> LoadOptions {
        LoadOptions {
            today: NaiveDate::from_ymd_opt(2025, 10, 1),
            ..LoadOptions::default()
        }
    }

    fn session(&self) -> Session {
        let mut session = Session::new(
            &self.root(),
            &self.dir.path().join("served"),
            Self::options(),
        )
        .unwrap();
        let report = session.rebuild(&[], &mut |_| {}).unwrap();
        assert!(report.full);
        session
    }

    /// A dossier build into `out`, incremental unless `clean`.
    fn build_into(&self, out: &Path, clean: bool) -> BuildReport {
        self.build_with(out, clean, Self::options())
    }

    /// An incremental build into `out` as of another day than the tests'.
    fn build_on(&self, out: &Path, day: NaiveDate) -> BuildReport {
        let load = LoadOptions {
            today: Some(day),
            ..LoadOptions::default()
        };
        self.build_with(out, false, load)
    }

    fn build_with(&self, out: &Path, clean: bool, load: LoadOptions) -> BuildReport {
        build(&BuildOptions {
            root: self.root(),
            out: Some(out.to_path_buf()),
            load,
            force: false,
            clean,
            on_wait: None,
            progress: None,
        })
        .unwrap()
    }

    /// A clean build of the files as they are now.
    /// A build into a new folder: no previous calendar or feed to continue from, as in serve.
    fn clean_build(&self) -> PathBuf {
        let out = self.dir.path().join("clean");
        if out.exists() {
            std::fs::remove_dir_all(&out).unwrap();
        }
        build(&BuildOptions {
            root: self.root(),
            out: Some(out.clone()),
            load: Self::options(),
            force: false,
            clean: false,
            on_wait: None,
            progress: None,
        })
        .unwrap();
        out
    }
}

/// Every file below `dir` but dossier's marker and the 404 page (serve's links from `/`, a
/// build's from base_url's path), with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().is_file() && entry.file_name() != "404.html")
        .map(|entry| {
            let relative = entry.path().strip_prefix(dir).unwrap();
            (
                relative.to_string_lossy().into_owned(),
                std::fs::read(entry.path()).unwrap(),
            )
        })
        .filter(|(path, _)| path != dossier::MARKER)
        .collect()
}

fn page_count(dir: &Path) -> usize {
    files(dir).keys().filter(|p| p.ends_with(".html")).count()
}

/// Rebuilds after `paths` changed and checks the served folder equals a clean build; returns
/// whether the rebuild was incremental and how many pages it rendered.
fn rebuild_and_compare(
    site: &Site,
    session: &mut Session,
    paths: &[&str],
    what: &str,
) -> (bool, usize) {
    let changed: Vec<PathBuf> = paths.iter().map(|p| site.root().join(p)).collect();
    let mut shown = false;
    let report = session
        .rebuild(&changed, &mut |_| shown = true)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(shown, "{what}: the edited pages were never announced");
    assert_same_files(&files(&site.clean_build()), &files(session.out()), what);
    (!report.full, report.pages_rendered)
}

/// What an edit does, the edit, and the files it touches.
type Edit<'a> = (&'static str, Box<dyn Fn() + 'a>, Vec<String>);

/// What an edit does, and the edit.
type NamedEdit<'a> = (&'static str, Box<dyn Fn() + 'a>);

/// Every kind of edit of meeting files, in an order where each applies to the site of a
/// 12-meeting [`Site`] after the ones before it.
fn meeting_edits(site: &Site) -> Vec<Edit<'_>> {
    let m5: &str = Site::meeting_path(5).leak();
    let m6: &str = Site::meeting_path(6).leak();
    let m7: &str = Site::meeting_path(7).leak();
    let m8: &str = Site::meeting_path(8).leak();
    let m9: &str = Site::meeting_path(9).leak();
    let m11: &str = Site::meeting_path(11).leak();
    vec![
        (
            "a meeting's title",
            Box::new(move || site.edit(m5, "title = \"Weekly 5\"", "title = \"Renamed five\"")),
            vec![m5.to_string()],
        ),
        (
            "a topic's text",
            Box::new(move || site.edit(m5, "discussed point 1", "argued about point 1")),
            vec![m5.to_string()],
        ),
        (
            "a task's owner",
            Box::new(move || site.edit(m7, "follow up. @Cem", "follow up. @Eva")),
            vec![m7.to_string()],
        ),
        (
            "a deadline into another month",
            Box::new(move || site.edit(m7, "due:2025-10-02", "due:2025-12-02")),
            vec![m7.to_string()],
        ),
        (
            "a deadline far ahead, adding months",
            Box::new(move || site.edit(m5, "due:2025-09-", "due:2026-06-")),
            vec![m5.to_string()],
        ),
        (
            "a task done",
            Box::new(move || site.edit(m7, "- [ ] **Task 7.0", "- [x] **Task 7.0")),
            vec![m7.to_string()],
        ),
        (
            "a topic moved to another initiative",
            Box::new(move || site.edit(m5, "{initiative=gamma}", "{initiative=alpha}")),
            vec![m5.to_string()],
        ),
        (
            "a topic's initiative removed",
            Box::new(move || site.edit(m7, " {initiative=alpha}", "")),
            vec![m7.to_string()],
        ),
        (
            "a meeting's date, moving it among the others",
            Box::new(move || site.edit(m5, "date = 2025-09-08", "date = 2025-10-20")),
            vec![m5.to_string()],
        ),
        (
            "a meeting moved to another account",
            Box::new(move || site.edit(m5, "account = \"Fabrikam\"", "account = \"Northwind\"")),
            vec![m5.to_string()],
        ),
        (
            "an account's name written another way by its newest meeting",
            Box::new(move || site.edit(m8, "account = \"Fabrikam\"", "account = \"FABRIKAM\"")),
            vec![m8.to_string()],
        ),
        (
            "a meeting's account removed",
            Box::new(move || site.edit(m9, "account = \"Northwind\"\n", "")),
            vec![m9.to_string()],
        ),
        (
            "the only meeting of a new account",
            Box::new(move || site.edit(m6, "account = \"Northwind\"", "account = \"Tailspin\"")),
            vec![m6.to_string()],
        ),
        (
            "a new meeting",
            Box::new(move || site.write("content/meetings/2025-10-22-extra.md", &meeting(30))),
            vec!["content/meetings/2025-10-22-extra.md".into()],
        ),
        (
            "a meeting deleted",
            Box::new(move || std::fs::remove_file(site.root().join(m11)).unwrap()),
            vec![m11.to_string()],
        ),
        (
            "a person only this meeting names",
            Box::new(move || site.edit(m7, "follow up. @Eva", "follow up. @Zoe")),
            vec![m7.to_string()],
        ),
        (
            "that person gone again",
            Box::new(move || site.edit(m7, "follow up. @Zoe", "follow up. @Dia")),
            vec![m7.to_string()],
        ),
        (
            "a meeting made a draft",
            Box::new(move || site.edit(m7, "+++\nIntro", "draft = true\n+++\nIntro")),
            vec![m7.to_string()],
        ),
        (
            "a draft published again",
            Box::new(move || site.edit(m7, "draft = true\n", "")),
            vec![m7.to_string()],
        ),
        (
            "a tag given to a meeting",
            Box::new(move || {
                site.edit(
                    m9,
                    "+++\nIntro of week 9.",
                    "tags = [\"steering\"]\n+++\nIntro of week 9.",
                )
            }),
            vec![m9.to_string()],
        ),
        (
            "a second meeting with that tag, written another way",
            Box::new(move || {
                site.edit(
                    m6,
                    "+++\nIntro of week 6.",
                    "tags = [\"Steering\"]\n+++\nIntro of week 6.",
                )
            }),
            vec![m6.to_string()],
        ),
        (
            "the first meeting with it renamed",
            Box::new(move || site.edit(m9, "title = \"Weekly 9\"", "title = \"Steering nine\"")),
            vec![m9.to_string()],
        ),
        (
            "the latest mention of a continued task moves its deadline later",
            Box::new(move || {
                site.edit(m8, "due:2025-10-09 {#carry-2}", "due:2025-11-20 {#carry-2}")
            }),
            vec![m8.to_string()],
        ),
        (
            "a continued task's first mention loses its id",
            Box::new(move || site.edit(m6, " {#carry-2}", "")),
            vec![m6.to_string()],
        ),
        (
            "a task takes the id of a task of older meetings",
            Box::new(move || {
                site.edit(
                    m9,
                    "**Task 9.1:** follow up.",
                    "**Task 9.1:** follow up. {#carry-0}",
                )
            }),
            vec![m9.to_string()],
        ),
        (
            "the latest mention of a continued task removed with its meeting",
            Box::new(move || std::fs::remove_file(site.root().join(m8)).unwrap()),
            vec![m8.to_string()],
        ),
    ]
}

#[test]
fn every_kind_of_meeting_edit_gives_the_same_site_as_a_clean_build() {
    let site = Site::new(12);
    let mut session = site.session();
    let total_pages = page_count(session.out());
    let edits = meeting_edits(&site);
    for (what, edit, paths) in &edits {
        edit();
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let (incremental, rendered) = rebuild_and_compare(&site, &mut session, &paths, what);
        assert!(incremental, "{what}: expected an incremental rebuild");
        assert!(
            rendered < total_pages,
            "{what}: rendered {rendered} of {total_pages} pages"
        );
    }
}

#[test]
fn changes_beyond_meetings_rebuild_everything_and_match_a_clean_build() {
    let site = Site::new(6);
    let mut session = site.session();
    let m2 = Site::meeting_path(2);

    site.edit("content/people.toml", "Bob Bauer", "Robert Bauer");
    let (incremental, _) = rebuild_and_compare(
        &site,
        &mut session,
        &["content/people.toml"],
        "a person's name",
    );
    assert!(!incremental);

    site.edit(
        "content/initiatives/beta.md",
        "Initiative beta",
        "Beta programme",
    );
    let (incremental, _) = rebuild_and_compare(
        &site,
        &mut session,
        &["content/initiatives/beta.md"],
        "an initiative's title",
    );
    assert!(!incremental);

    // A link to another meeting's file, then that file renamed: the meeting with the link is
    // read again and warned about, though it did not change.
    let m4 = Site::meeting_path(4);
    let m4_name = site.link_week_2_to(&m4);
    rebuild_and_compare(
        &site,
        &mut session,
        &[m2.as_str()],
        "a link to another meeting",
    );
    let renamed = "content/meetings/2025-09-01-renamed.md";
    std::fs::rename(site.root().join(&m4), site.root().join(renamed)).unwrap();
    let report = session
        .rebuild(
            &[site.root().join(&m4), site.root().join(renamed)],
            &mut |_| {},
        )
        .unwrap();
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.path == Path::new(&m2) && w.message.contains(&m4_name)),
        "{:?}",
        report.warnings
    );
    rebuild_and_compare(&site, &mut session, &[], "the renamed meeting");
    site.edit(
        &m2,
        &format!("[week 4]({m4_name})"),
        "[week 4](2025-09-01-renamed.md)",
    );
    rebuild_and_compare(&site, &mut session, &[m2.as_str()], "the link fixed");

    // A broken meeting, then the fix: the rebuild after a failure renders everything.
    site.edit(&m2, "date = ", "date = not-a-date ");
    assert!(session
        .rebuild(&[site.root().join(&m2)], &mut |_| {})
        .is_err());
    site.edit(&m2, "date = not-a-date ", "date = ");
    let (incremental, _) = rebuild_and_compare(&site, &mut session, &[m2.as_str()], "the fix");
    assert!(!incremental);
}

#[test]
fn an_edit_renders_a_small_part_of_a_larger_site() {
    let site = Site::new(40);
    let mut session = site.session();
    let total = page_count(session.out());
    let m20 = Site::meeting_path(20);
    site.edit(&m20, "title = \"Weekly 20\"", "title = \"Week twenty\"");
    let (incremental, rendered) =
        rebuild_and_compare(&site, &mut session, &[m20.as_str()], "a title");
    assert!(incremental);
    // Its meeting and 3 topics, 2 neighbours, the related topics around its 3 topics, 5 owners,
    // 3 initiatives, a few months, 6 lists: well under half of the site's pages.
    assert!(rendered * 3 < total, "rendered {rendered} of {total}");
}

/// Every file below `dir` but dossier's marker, with its bytes.
fn all_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = files(dir);
    if let Ok(bytes) = std::fs::read(dir.join("404.html")) {
        files.insert("404.html".into(), bytes);
    }
    files
}

/// Asserts two output folders hold the same files with the same bytes.
fn assert_same_site(clean: &Path, incremental: &Path, what: &str) {
    assert_same_files(&all_files(clean), &all_files(incremental), what);
}

/// Asserts the files of an incremental build are those of a clean one, byte for byte.
fn assert_same_files(
    clean: &BTreeMap<String, Vec<u8>>,
    incremental: &BTreeMap<String, Vec<u8>>,
    what: &str,
) {
    let missing: Vec<&String> = clean
        .keys()
        .filter(|k| !incremental.contains_key(*k))
        .collect();
    let extra: Vec<&String> = incremental
        .keys()
        .filter(|k| !clean.contains_key(*k))
        .collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{what}: missing {missing:?}, extra {extra:?}"
    );
    let differing: Vec<&String> = clean
        .iter()
        .filter(|(path, bytes)| incremental.get(*path) != Some(*bytes))
        .map(|(path, _)| path)
        .collect();
    assert!(differing.is_empty(), "{what}: stale files {differing:?}");
}

/// `dossier build` into a folder an earlier build made renders only what an edit of meetings
/// reaches; after every kind of edit, and after edits that must render everything, the folder
/// holds the same bytes as one built with `--clean` after the same edits (the same calendar
/// and feed history, as both continue from their own previous build).
#[test]
fn dossier_build_after_any_edit_writes_the_same_site_as_a_clean_build() {
    let site = Site::new(12);
    let clean = site.dir.path().join("clean-every-time");
    let incremental = site.dir.path().join("incremental");
    site.build_into(&clean, true);
    let first = site.build_into(&incremental, false);
    assert!(matches!(first.work, Work::Full(_)), "{:?}", first.work);
    let pages = first.pages;

    let unchanged = site.build_into(&incremental, false);
    assert!(
        matches!(
            unchanged.work,
            Work::Incremental {
                meetings_changed: 0,
                files_written: 0,
                ..
            }
        ),
        "{:?}",
        unchanged.work
    );

    for (what, edit, _) in &meeting_edits(&site) {
        edit();
        site.build_into(&clean, true);
        let report = site.build_into(&incremental, false);
        match report.work {
            Work::Incremental {
                pages_rendered,
                meetings_changed,
                ..
            } => {
                assert!(meetings_changed >= 1, "{what}");
                assert!(
                    pages_rendered < pages,
                    "{what}: rendered {pages_rendered} of {pages}"
                );
            }
            Work::Full(_) => panic!("{what}: expected an incremental build"),
        }
        assert_same_site(&clean, &incremental, what);
    }

    let everything: Vec<NamedEdit> = vec![
        (
            "a person's name",
            Box::new(|| site.edit("content/people.toml", "Bob Bauer", "Robert Bauer")),
        ),
        (
            "an initiative's title",
            Box::new(|| site.edit("content/initiatives/beta.md", "Initiative beta", "Beta")),
        ),
        (
            "the site's title",
            Box::new(|| site.edit("site.toml", "title = ", "title = \"Renamed\" # ")),
        ),
        (
            "a template of the site's own",
            Box::new(|| site.write("templates/partials/as_of.html", "<p>As of a day.</p>\n")),
        ),
        (
            "a static file of the site's own",
            Box::new(|| site.write("static/robots.txt", "User-agent: *\nDisallow: /\n")),
        ),
    ];
    for (what, edit) in &everything {
        edit();
        site.build_into(&clean, true);
        let report = site.build_into(&incremental, false);
        assert!(
            matches!(report.work, Work::Full(_)),
            "{what}: {:?}",
            report.work
        );
        assert_same_site(&clean, &incremental, what);
    }

    // A link to another meeting's file, then that file renamed: the meeting with the link is
    // rendered again (it now warns of a broken link) though its own file did not change.
    let m4 = Site::meeting_path(4);
    site.link_week_2_to(&m4);
    site.build_into(&clean, true);
    site.build_into(&incremental, false);
    assert_same_site(&clean, &incremental, "a link to another meeting");
    std::fs::rename(
        site.root().join(&m4),
        site.root().join("content/meetings/2025-09-01-renamed.md"),
    )
    .unwrap();
    site.build_into(&clean, true);
    let report = site.build_into(&incremental, false);
    assert!(
        matches!(report.work, Work::Incremental { .. }),
        "{:?}",
        report.work
    );
    assert_same_site(&clean, &incremental, "the linked meeting renamed");

    // Another day renders everything: overdue marks and agendas move.
    let later = site.build_on(&incremental, NaiveDate::from_ymd_opt(2025, 10, 2).unwrap());
    assert!(matches!(later.work, Work::Full(_)), "{:?}", later.work);
}

/// Every file, folder and link below `dir` (hidden ones included), with the bytes of each
/// file: a failed build must leave all of it as it was.
fn every_entry(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|entry| entry.unwrap())
        .map(|entry| {
            let relative = entry.path().strip_prefix(dir).unwrap();
            let bytes = entry
                .file_type()
                .is_file()
                .then(|| std::fs::read(entry.path()).unwrap());
            (relative.to_string_lossy().into_owned(), bytes)
        })
        .collect()
}

/// The names in a folder.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// An incremental build that fails while it writes (here a folder stands where a new page
/// goes) leaves the published site byte for byte as it was, with no temporary files in it or
/// beside it; the next build, once the way is clear, writes what a clean build would.
#[test]
fn a_failed_incremental_build_leaves_the_published_site_as_it_was() {
    let site = Site::new(12);
    let published = site.dir.path().join("published");
    site.build_into(&published, false);
    // The same site elsewhere, to build after the same edits from the same calendar and feed.
    let reference = site.dir.path().join("reference");
    let copied = std::process::Command::new("cp")
        .arg("-a")
        .arg(&published)
        .arg(&reference)
        .status()
        .unwrap();
    assert!(copied.success());

    // Renaming a meeting rewrites its pages, its neighbours, lists, calendars and the feed; a
    // new meeting adds a folder of pages. A folder in the way of the new meeting's page makes
    // the build fail only when the files are put in place.
    let m5 = Site::meeting_path(5);
    site.edit(&m5, "title = \"Weekly 5\"", "title = \"Renamed five\"");
    site.write("content/meetings/2025-10-22-extra.md", &meeting(30));
    let blocked = published.join("meetings/2025-10-22-extra/index.html");
    std::fs::create_dir_all(&blocked).unwrap();
    std::fs::write(blocked.join("in-the-way.txt"), "a folder where a page goes").unwrap();
    let before = every_entry(&published);
    let beside = names_in(site.dir.path());

    let failed = build(&BuildOptions {
        root: site.root(),
        out: Some(published.clone()),
        load: Site::options(),
        force: false,
        clean: false,
        on_wait: None,
        progress: None,
    });
    assert!(
        failed.is_err(),
        "the build went through: {:?}",
        failed.map(|r| r.work)
    );
    let after = every_entry(&published);
    let changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .collect();
    assert!(changed.is_empty(), "the failed build changed {changed:?}");
    assert_eq!(names_in(site.dir.path()), beside, "left beside the site");

    std::fs::remove_dir_all(published.join("meetings/2025-10-22-extra")).unwrap();
    site.build_into(&published, false);
    site.build_into(&reference, true);
    assert_same_site(&reference, &published, "the build after the failed one");
}

/// Sets every file of the site as last modified an hour ago, as files are between two builds
/// a user runs; a file modified within the last seconds is not known by its stamp.
fn age_files(root: &Path) {
    let an_hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for path in crate::common::walkdir(root) {
        if path.is_file() && !path.to_string_lossy().contains(".dossier-cache") {
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(an_hour_ago).unwrap();
        }
    }
}

/// Whether the build stopped after comparing the files' stamps, without reading the site.
fn read_nothing(report: &BuildReport) -> bool {
    let stages: Vec<&str> = report.phases.iter().map(|phase| phase.name).collect();
    stages == ["compare the files read with the last build's"]
}

/// A build after no change reads no file of the site, and says what the last one said; any
/// change the long way would see (a file's bytes at the same size and an older time, a file
/// added, the day) sends it the long way, and so does a file modified too recently to be known
/// by its stamp.
#[test]
fn a_build_after_no_change_reads_only_the_files_stamps() {
    let site = Site::new(4);
    let out = site.dir.path().join("public");
    age_files(&site.root());
    let first = site.build_into(&out, false);
    let before = crate::common::snapshot(&out);
    let again = site.build_into(&out, false);
    assert!(read_nothing(&again), "{:?}", again.phases);
    assert_eq!(crate::common::snapshot(&out), before);
    assert_eq!(
        (again.meetings, again.tasks, again.pages, again.files),
        (first.meetings, first.tasks, first.pages, first.files)
    );
    assert_eq!(
        again.work,
        Work::Incremental {
            meetings_changed: 0,
            pages_rendered: 0,
            files_written: 0,
            files_removed: 0
        }
    );

    // The same size, an older time than before: the bytes changed all the same.
    site.edit(
        &Site::meeting_path(1),
        "Intro of week 1.",
        "Intro of week 7.",
    );
    age_files(&site.root());
    let after_edit = site.build_into(&out, false);
    assert!(!read_nothing(&after_edit));
    assert!(
        matches!(
            after_edit.work,
            Work::Incremental {
                meetings_changed: 1,
                ..
            }
        ),
        "{:?}",
        after_edit.work
    );
    assert!(read_nothing(&site.build_into(&out, false)));

    // A file modified just now: the long way, until it is older.
    site.write(&Site::meeting_path(9), &meeting(9));
    assert!(!read_nothing(&site.build_into(&out, false)));
    assert!(!read_nothing(&site.build_into(&out, false)));
    age_files(&site.root());
    assert!(!read_nothing(&site.build_into(&out, false)));
    assert!(read_nothing(&site.build_into(&out, false)));

    // Another day, or --clean: the long way.
    let other_day = site.build_on(&out, NaiveDate::from_ymd_opt(2025, 10, 2).unwrap());
    assert!(!read_nothing(&other_day));
    assert!(!read_nothing(&site.build_into(&out, true)));
}
