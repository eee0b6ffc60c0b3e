//! Nothing escapes and nothing is lost: symbolic links, oversized files, and a build killed
//! midway.

use crate::common::*;
use std::collections::BTreeMap;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Runs a build and fails the test if it does not finish in time (a hang).
fn build_within(site: &Fixture, limit: Duration) -> std::process::Output {
    let child = dossier()
        .args(["build", "--today", "2025-11-24", "--root"])
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish_within(
        child,
        limit,
        &format!("the build did not finish within {limit:?}"),
    )
}

#[test]
fn symlinks_out_of_the_site_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), MEETING).unwrap();
    let site = Fixture::valid();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        site.root().join("content/meetings/2025-11-21-secret.md"),
    )
    .unwrap();
    let output = build_within(&site, Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(
            "content/meetings/2025-11-21-secret.md:1:1: error: symbolic link to outside the site"
        ),
        "{}",
        stderr(&output)
    );
    assert!(!site.public().exists());
}

#[test]
fn symlinks_inside_the_site_are_followed() {
    let site = Fixture::valid().with("notes/shared.md", &MEETING.replace("Weekly", "Shared"));
    std::os::unix::fs::symlink(
        site.root().join("notes/shared.md"),
        site.root().join("content/meetings/2025-11-22-shared.md"),
    )
    .unwrap();
    let output = build_within(&site, Duration::from_secs(20));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(site
        .public()
        .join("meetings/2025-11-22-shared/index.html")
        .is_file());
}

#[test]
fn a_symlink_loop_is_reported_not_followed_forever() {
    let site = Fixture::valid();
    std::os::unix::fs::symlink(
        site.root().join("content/meetings"),
        site.root().join("content/meetings/again"),
    )
    .unwrap();
    let output = build_within(&site, Duration::from_secs(20));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("symbolic link loop"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn oversized_files_are_refused() {
    let site = Fixture::valid();
    let mut big = MEETING.to_string();
    big.push_str(
        &"padding padding padding padding padding padding padding padding\n".repeat(170_000),
    );
    site.write("content/meetings/2025-11-23-huge.md", &big);
    let output = build_within(&site, Duration::from_secs(30));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("content/meetings/2025-11-23-huge.md:1:1: error: file is"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_build_shows_its_stages_and_counts_where_asked_and_stays_silent_in_a_pipe() {
    let site = built_site_of(150);
    site.write(M, &MEETING.replace("Weekly", "Changed"));
    let run = |args: &[&str], always: bool| {
        let mut command = dossier();
        command.args(["build", "--today", "2025-11-24", "--root"]);
        command.arg(site.root()).args(args);
        if always {
            command.env("DOSSIER_PROGRESS", "always");
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        stderr(&output)
    };
    let full = run(&["--clean"], true);
    let counts: Vec<(usize, usize)> = full
        .lines()
        .filter_map(|line| line.strip_prefix("rendering pages: "))
        .filter_map(|rest| {
            let (done, rest) = rest.split_once(" of ")?;
            let total = rest.split_once(' ')?.0;
            Some((
                done.replace(',', "").parse().ok()?,
                total.replace(',', "").parse().ok()?,
            ))
        })
        .collect();
    assert!(!counts.is_empty(), "no page count shown:\n{full}");
    assert!(
        counts.windows(2).all(|w| w[0].0 <= w[1].0) && counts.iter().all(|(d, t)| d <= t),
        "counts go up to their total: {counts:?}"
    );
    assert!(full.contains("putting the new site in place…"), "{full}");

    site.write(M, &MEETING.replace("Weekly", "Changed again"));
    let edited = run(&[], true);
    assert!(
        edited.contains("rendering the pages an edit reaches: "),
        "{edited}"
    );
    assert!(!edited.contains("rendering pages: "), "{edited}");

    // Neither a pipe without the variable nor --quiet draws anything (warnings stay).
    let drawn = |text: &str| {
        text.lines()
            .filter(|line| line.starts_with("rendering") || line.ends_with('…'))
            .count()
    };
    assert!(drawn(&full) > 0);
    site.write(M, &MEETING.replace("Weekly", "Changed once more"));
    let piped = run(&["--clean"], false);
    assert_eq!(drawn(&piped), 0, "{piped}");
    assert!(piped.contains("warning"), "{piped}");
    assert_eq!(drawn(&run(&["--clean", "-q"], true)), 0);
}

/// The valid site with `meetings` more meetings, built once.
fn built_site_of(meetings: usize) -> Fixture {
    let site = Fixture::valid();
    for i in 0..meetings {
        site.write(
            &format!("content/meetings/2025-10-{:02}-m{i}.md", i % 28 + 1),
            &MEETING.replace("Weekly", &format!("Meeting {i}")),
        );
    }
    assert!(build_within(&site, Duration::from_secs(120))
        .status
        .success());
    site
}

#[test]
fn a_build_killed_midway_leaves_the_previous_site_and_the_next_build_cleans_up() {
    let site = built_site_of(800);
    let before = snapshot(&site.public());

    site.write(M, &MEETING.replace("Weekly", "Changed"));
    let mut child = dossier()
        .args(["build", "--clean", "--today", "2025-11-24", "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once it is writing the new site.
    let started = Instant::now();
    let staging_exists = || {
        std::fs::read_dir(site.root()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".public.dossier-staging")
        })
    };
    while !staging_exists() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build finished before it could be killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no staging folder appeared"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    std::thread::sleep(Duration::from_millis(30));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(
        snapshot(&site.public()),
        before,
        "the killed build changed the site"
    );

    assert!(build_within(&site, Duration::from_secs(120))
        .status
        .success());
    let leftovers: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.') && name != ".dossier-cache")
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    let meeting =
        std::fs::read_to_string(site.public().join("meetings/2025-11-20-weekly/index.html"))
            .unwrap();
    assert!(meeting.contains("Changed"));
}

const M: &str = "content/meetings/2025-11-20-weekly.md";

/// A first line that must never appear in any output, as a private key's would.
const SECRET: &str = "-----BEGIN OPENSSH PRIVATE KEY----- not-for-the-intranet";

/// An outside folder with a secret in every kind of file a site reads.
fn outside_folder() -> tempfile::TempDir {
    let outside = tempfile::tempdir().unwrap();
    for name in ["id_rsa", "site.toml", "people.toml", "base.html"] {
        std::fs::write(outside.path().join(name), format!("{SECRET}\n")).unwrap();
    }
    for dir in [
        "templates",
        "static",
        "meetings",
        "default/templates",
        "default/static",
    ] {
        std::fs::create_dir_all(outside.path().join(dir)).unwrap();
        std::fs::write(outside.path().join(dir).join("leak.txt"), SECRET).unwrap();
    }
    std::fs::write(
        outside.path().join("meetings/2025-11-19-leak.md"),
        MEETING.replace("Weekly", SECRET),
    )
    .unwrap();
    outside
}

#[test]
fn no_file_from_outside_the_site_is_read_through_a_link() {
    // (link in the site, what it points to, extra site.toml line)
    let cases: &[(&str, &str, &str)] = &[
        ("static", "", ""),
        ("templates", "", ""),
        ("themes", "", ""),
        ("themes/mine", "default", "theme = \"mine\"\n"),
        ("content", "", ""),
        ("content/meetings", "meetings", ""),
        ("content/people.toml", "people.toml", ""),
        ("site.toml", "site.toml", ""),
        ("static/key", "id_rsa", ""),
        ("templates/base.html", "base.html", ""),
    ];
    for (link, target, extra) in cases {
        let outside = outside_folder();
        let site = Fixture::valid();
        let link_path = site.root().join(link);
        if link_path.exists() {
            if link_path.is_dir() {
                std::fs::remove_dir_all(&link_path).unwrap();
            } else {
                std::fs::remove_file(&link_path).unwrap();
            }
        }
        std::fs::create_dir_all(link_path.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(outside.path().join(target), &link_path).unwrap();
        if !extra.is_empty() && *link != "site.toml" {
            site.write("site.toml", &format!("{SITE_TOML}{extra}"));
        }
        for command in ["build", "check"] {
            let output = site.run(&[command, "--today", "2025-11-24"]);
            let err = stderr(&output);
            assert_eq!(output.status.code(), Some(1), "{link} ({command}): {err}");
            assert!(
                err.contains("symbolic link to outside the site"),
                "{link} ({command}): {err}"
            );
            assert!(!err.contains(SECRET), "{link} ({command}) echoed it: {err}");
            assert!(!site.public().exists(), "{link} ({command}) wrote a site");
        }
    }
}

#[test]
fn the_output_guard_sees_through_a_linked_content_folder() {
    let outside = outside_folder();
    let site = Fixture::valid();
    std::fs::rename(site.root().join("content"), outside.path().join("content")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("content"), site.root().join("content"))
        .unwrap();
    for out in [
        outside.path().join("content/meetings/out"),
        outside.path().to_path_buf(),
    ] {
        let output = site.run(&["build", "--force", "--out", out.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("refusing to write the site"),
            "{}",
            stderr(&output)
        );
    }
    assert!(outside
        .path()
        .join("content/meetings/2025-11-20-weekly.md")
        .is_file());
}

#[test]
fn folders_above_home_the_site_or_the_current_folder_and_system_folders_are_refused() {
    let scratch = tempfile::tempdir().unwrap();
    let home = scratch.path().join("home/user");
    let cwd = scratch.path().join("work/deep/down");
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(&cwd).unwrap();
    let site = Fixture::valid();
    let refused = [
        (scratch.path().join("home"), "holds your home folder"),
        (home.clone(), "your home folder"),
        (
            scratch.path().join("work"),
            "current folder or a folder above it",
        ),
        (cwd.clone(), "current folder"),
        (site.root().to_path_buf(), "site folder or a folder above"),
        ("/usr".into(), "folder of the operating system"),
        ("/etc".into(), "folder of the operating system"),
        ("/home".into(), "operating system"),
        ("/".into(), "filesystem root"),
    ];
    for (out, why) in refused {
        let output = dossier()
            .current_dir(&cwd)
            .env("HOME", &home)
            .args(["build", "--force", "--out"])
            .arg(&out)
            .arg("--root")
            .arg(site.root())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{}", out.display());
        assert!(
            stderr(&output).contains(why),
            "{}: {}",
            out.display(),
            stderr(&output)
        );
    }
    assert!(home.is_dir() && cwd.is_dir());
}

#[test]
fn builds_at_once_never_break_the_site_and_a_reader_always_finds_one() {
    let site = built_site_of(60);
    let expected: Vec<std::path::PathBuf> = snapshot(&site.public())
        .into_iter()
        .map(|(path, _)| path)
        .collect();

    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let stop = stop.clone();
        let index = site.public().join("index.html");
        std::thread::spawn(move || {
            let mut misses = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                if !index.is_file() {
                    misses += 1;
                }
            }
            misses
        })
    };
    for round in 0..4 {
        // Full builds (--clean, swapping folders) and incremental ones (writing in place)
        // of the same folder at once, after an edit.
        site.write(
            "content/meetings/2025-10-01-m0.md",
            &MEETING.replace("Weekly", &format!("Meeting {round}")),
        );
        let children: Vec<_> = (0..4)
            .map(|n| {
                let clean = if n % 2 == 0 { &["--clean"][..] } else { &[] };
                dossier()
                    .arg("build")
                    .args(clean)
                    .args(["--today", "2025-11-24", "--root"])
                    .arg(site.root())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(
                output.status.success(),
                "round {round}: {}",
                stderr(&output)
            );
        }
        let built: Vec<std::path::PathBuf> = snapshot(&site.public())
            .into_iter()
            .map(|(path, _)| path)
            .collect();
        assert_eq!(built, expected, "round {round}: the site is incomplete");
        let leftovers: Vec<String> = std::fs::read_dir(site.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with('.') && name != ".dossier-cache")
            .collect();
        assert!(
            leftovers.is_empty(),
            "round {round}: left behind {leftovers:?}"
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(reader.join().unwrap(), 0, "a reader found no site");
}

#[test]
fn a_site_moved_aside_by_a_crash_is_restored_before_anything_else() {
    let site = Fixture::valid();
    assert!(site.build().status.success());
    let before = snapshot(&site.public());
    // A build that stopped between moving the old site aside and putting the new one in place.
    let retired = site.root().join(".public.dossier-retired-999999999");
    std::fs::rename(site.public(), &retired).unwrap();
    // The next build fails on content, yet the site is back.
    site.write(M, "+++\ntitle = \"Broken\"\n");
    let output = site.build();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(snapshot(&site.public()), before);
    assert!(!retired.exists());
}

/// The size of every file below `dir`, added up.
fn total_bytes(dir: &std::path::Path) -> u64 {
    walkdir(dir)
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum()
}

#[test]
fn long_lines_of_mentions_and_deadlines_are_read_in_linear_time() {
    // 400,000 tokens on one line took minutes when each token rescanned its line; linear
    // reading takes seconds even in a debug build. The limit only catches the cliff.
    let site = Fixture::valid()
        .with(
            "content/meetings/2025-11-21-mentions.md",
            &format!(
                "+++\ntitle = \"Mentions\"\ndate = 2025-11-21\n+++\n## Topic\n- [ ] **Many** {}\n",
                "@Sigi ".repeat(400_000)
            ),
        )
        .with(
            "content/meetings/2025-11-22-deadlines.md",
            &format!(
                "+++\ntitle = \"Deadlines\"\ndate = 2025-11-22\n+++\n## Topic\n- [ ] **Many** {}\n",
                "due:2025-12-01 ".repeat(400_000)
            ),
        );
    let output = build_within(&site, Duration::from_secs(90));
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn thousands_of_people_in_one_topic_make_output_proportional_to_them() {
    // Each owner page listed the topic with every participant: 4,000 people made 1.1 GB.
    let people = 3_000;
    let mentions: Vec<String> = (0..people).map(|i| format!("@person{i}")).collect();
    let site = Fixture::valid().with(
        "content/meetings/2025-11-21-crowd.md",
        &format!(
            "+++\ntitle = \"Crowd\"\ndate = 2025-11-21\n+++\n## Everyone\n{}\n",
            mentions.join(" ")
        ),
    );
    let output = build_within(&site, Duration::from_secs(120));
    assert!(output.status.success(), "{}", stderr(&output));
    let per_owner = total_bytes(&site.public().join("owners")) / people as u64;
    assert!(per_owner < 40_000, "{per_owner} bytes per owner");
    let card = std::fs::read_to_string(site.public().join("owners/person7/index.html")).unwrap();
    // Counted as English groups thousands: "2,992 more".
    let rest = people - 8;
    assert!(
        card.contains(&format!("{},{:03} more</a>", rest / 1000, rest % 1000)),
        "the card names the rest by count"
    );
    // Warnings show the long line only around each name.
    assert!(
        stderr(&output).len() < 60_000,
        "{} bytes of warnings",
        stderr(&output).len()
    );
}

#[test]
fn a_topic_page_lists_the_topics_around_it_not_all_of_the_meeting() {
    let topics: String = (0..200)
        .map(|i| format!("## Topic number {i}\nText {i}.\n\n"))
        .collect();
    let site = Fixture::valid().with(
        "content/meetings/2025-11-21-long.md",
        &format!("+++\ntitle = \"Long\"\ndate = 2025-11-21\n+++\n{topics}"),
    );
    assert!(site.build().status.success());
    let page = std::fs::read_to_string(
        site.public()
            .join("meetings/2025-11-21-long/topic-number-100/index.html"),
    )
    .unwrap();
    // Links, not the page's own address in its link-preview tags.
    let listed = page
        .lines()
        .filter(|line| !line.contains("og:url"))
        .map(|line| line.matches("2025-11-21-long/topic-number-").count())
        .sum::<usize>();
    assert_eq!(listed, 10, "five topics on each side");
    assert!(page.contains("All 199 other topics of this meeting"));
}

#[test]
fn names_longer_than_a_file_name_can_be_are_cut_or_reported_with_their_position() {
    let long = "very-long-".repeat(30);
    let site = Fixture::valid().with(
        "content/meetings/2025-11-21-long.md",
        &format!(
            "+++\ntitle = \"Long\"\ndate = 2025-11-21\n+++\n## {} heading\nText @{long}x.\n\n## {} heading two\nMore.\n",
            long.replace('-', " "),
            long.replace('-', " ")
        ),
    );
    let checked = site.run(&["check"]);
    let built = site.build();
    assert!(built.status.success(), "{}", stderr(&built));
    // check fails only for the unknown person, as a warning turned error, not on the names.
    assert!(
        !stderr(&checked).contains("too long"),
        "{}",
        stderr(&checked)
    );
    let names: Vec<String> = walkdir(&site.public())
        .iter()
        .flat_map(|p| p.components().map(|c| c.as_os_str().len()).max())
        .map(|len| len.to_string())
        .collect();
    assert!(
        names.iter().all(|len| len.parse::<usize>().unwrap() <= 130),
        "{names:?}"
    );
    let topics = std::fs::read_dir(site.public().join("meetings/2025-11-21-long"))
        .unwrap()
        .count();
    assert_eq!(
        topics, 3,
        "two topics and the meeting's page, on addresses of their own"
    );

    // An id written by hand is not cut: it is reported where it stands.
    site.write(
        "content/people.toml",
        &format!("{PEOPLE_TOML}\n[{long}]\nname = \"Long\"\n"),
    );
    for command in ["check", "build"] {
        let output = site.run(&[command]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert!(
            stderr(&output).contains("content/people.toml:10:"),
            "{}",
            stderr(&output)
        );
    }
}

#[test]
fn a_deadline_years_away_is_warned_about_and_makes_no_run_of_empty_months() {
    let site = Fixture::valid().with(
        "content/meetings/2025-11-21-typo.md",
        "+++\ntitle = \"Typo\"\ndate = 2025-11-21\n+++\n## Topic\n- [ ] **Year typo** @Sigi due:2925-11-28\n- [ ] **The end of time** @Manon due:9999-12-31\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("2025-11-21-typo.md:6:27: warning: this deadline is more than five years after the meeting"),
        "{err}"
    );
    let months: Vec<String> = std::fs::read_dir(site.public().join("calendar"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.len() == 7)
        .collect();
    assert!(months.len() <= 27, "{} month pages", months.len());
    for month in ["2925-11", "9999-12", "2025-11", "2026-11"] {
        assert!(
            months.iter().any(|m| m == month),
            "{month} missing: {months:?}"
        );
    }
    // Previous/next lead across the gap.
    let page = std::fs::read_to_string(site.public().join("calendar/2925-11/index.html")).unwrap();
    assert!(
        page.contains("calendar/2026-11/") && page.contains("calendar/9999-12/"),
        "{page}"
    );
    assert!(total_bytes(&site.public()) < 5_000_000);
}

#[test]
fn files_editors_leave_beside_a_meeting_do_not_break_the_build() {
    let site = Fixture::valid();
    let dir = site.root().join("content/meetings");
    // Emacs's lock link (dangling), macOS's resource fork (binary), backups and swap files.
    std::os::unix::fs::symlink(
        "user@host.4242:1700000000",
        dir.join(".#2025-11-20-weekly.md"),
    )
    .unwrap();
    std::fs::write(
        dir.join("._2025-11-20-weekly.md"),
        [0u8, 5, 22, 7, 0, 2, 0, 0xff],
    )
    .unwrap();
    std::fs::write(dir.join("2025-11-20-weekly.md~"), "old").unwrap();
    std::fs::write(dir.join("#2025-11-20-weekly.md#"), "autosave").unwrap();
    std::fs::write(dir.join(".2025-11-20-weekly.md.swp"), [0u8, 1, 2]).unwrap();
    for command in ["check", "build"] {
        let output = site.run(&[command, "--today", "2025-11-24"]);
        assert!(output.status.success(), "{command}: {}", stderr(&output));
    }
}

#[test]
fn the_previous_calendar_is_read_only_as_dossiers_own_plain_file() {
    let site = Fixture::valid();
    assert!(site.build().status.success());
    let calendar = site.public().join("calendar.ics");
    let written = std::fs::read_to_string(&calendar).unwrap();
    // A calendar that claims 99 revisions, placed behind a link in the output folder.
    let planted = site.root().join("planted.ics");
    std::fs::write(&planted, written.replace("SEQUENCE:0", "SEQUENCE:99")).unwrap();
    std::fs::remove_file(&calendar).unwrap();
    std::os::unix::fs::symlink(&planted, &calendar).unwrap();
    assert!(site.build().status.success());
    let rebuilt = std::fs::read_to_string(&calendar).unwrap();
    assert!(rebuilt.contains("SEQUENCE:0") && !rebuilt.contains("SEQUENCE:99"));
    assert!(
        std::fs::symlink_metadata(&calendar).unwrap().is_file(),
        "the link is replaced"
    );
    // Nor in a folder that is not dossier's (no marker): a fresh build with --force.
    let foreign = site.root().join("foreign");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::write(
        foreign.join("calendar.ics"),
        written.replace("SEQUENCE:0", "SEQUENCE:99"),
    )
    .unwrap();
    let output = site.run(&[
        "build",
        "--today",
        "2025-11-24",
        "-o",
        foreign.to_str().unwrap(),
        "--force",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!std::fs::read_to_string(foreign.join("calendar.ics"))
        .unwrap()
        .contains("SEQUENCE:99"));
}

/// An incremental build removes its cache before it changes the output and writes it again
/// after. Killed in between, it leaves every file whole (old or new, each renamed into place)
/// and no cache; the next build renders everything into a fresh folder and swaps it in, which
/// repairs the site.
#[test]
fn an_incremental_build_killed_while_it_writes_is_repaired_by_the_next_build() {
    let site = built_site_of(800);
    let cache = std::fs::read_dir(site.root().join(".dossier-cache"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.extension().is_some_and(|e| e == "json"))
        .expect("a build cache");
    // Taking a topic off the initiative, or back on, changes its timeline: all 800 topic pages
    // on it are written again, in place.
    let mut on_timeline = true;
    let mut toggle = || {
        let text = std::fs::read_to_string(site.root().join(M)).unwrap();
        let (from, to) = if on_timeline {
            ("## Deal {initiative=deal}\n", "## Deal\n")
        } else {
            ("## Deal\n", "## Deal {initiative=deal}\n")
        };
        on_timeline = !on_timeline;
        site.write(M, &text.replacen(from, to, 1));
    };
    let start_build = || {
        dossier()
            .args(["build", "--today", "2025-11-24", "--root"])
            .arg(site.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    let wait_for = |what: &str, done: &dyn Fn() -> bool| {
        let started = Instant::now();
        while !done() {
            assert!(started.elapsed() < Duration::from_secs(120), "{what}");
        }
        started.elapsed()
    };

    // How long an undisturbed build spends between removing its cache and writing it again.
    toggle();
    let mut child = start_build();
    wait_for("the cache never went", &|| !cache.exists());
    let writing = wait_for("the cache never came back", &|| cache.exists());
    assert!(child.wait().unwrap().success());

    // Killed part of the way through: some pages new, some old.
    let mut mixed = false;
    for fraction in [0.5, 0.3, 0.7, 0.2, 0.8, 0.5, 0.4, 0.6] {
        let before: BTreeMap<_, _> = snapshot(&site.public()).into_iter().collect();
        toggle();
        let mut child = start_build();
        wait_for("the cache never went", &|| !cache.exists());
        std::thread::sleep(writing.mul_f64(fraction));
        child.kill().unwrap();
        child.wait().unwrap();
        if cache.exists() {
            continue; // it finished first
        }
        let killed: BTreeMap<_, _> = snapshot(&site.public()).into_iter().collect();
        for (path, bytes) in &killed {
            if path.extension().is_some_and(|e| e == "html") {
                assert!(
                    bytes.ends_with(b"</html>\n"),
                    "{} is cut short",
                    path.display()
                );
            }
        }

        let repair = build_within(&site, Duration::from_secs(120));
        assert!(repair.status.success());
        let said = String::from_utf8_lossy(&repair.stdout);
        assert!(said.contains("every page rendered"), "{said}");
        let repaired: BTreeMap<_, _> = snapshot(&site.public()).into_iter().collect();
        assert!(
            repaired
                .keys()
                .all(|path| !path.to_string_lossy().ends_with(".dossier-part")),
            "half-written files remain"
        );
        let changed: Vec<_> = repaired
            .iter()
            .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
            .collect();
        let already_new = changed
            .iter()
            .filter(|(p, b)| killed.get(*p) == Some(*b))
            .count();
        let still_old = changed
            .iter()
            .filter(|(p, _)| killed.get(*p) == before.get(*p))
            .count();
        mixed = already_new > 0 && still_old > 0;
        if mixed {
            break;
        }
    }
    assert!(mixed, "no build could be killed halfway through writing");

    let repaired = snapshot(&site.public());
    let output = dossier()
        .args(["build", "--clean", "--today", "2025-11-24", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(
        repaired == snapshot(&site.public()),
        "the repaired site differs from a clean build"
    );
}

// `dossier import`: what it writes and reads at the site's edge.

/// The recaps of tests/fixtures/import.
fn import_fixture(name: &str) -> String {
    example_root()
        .join("tests/fixtures/import")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Where importing globex-fiscal.txt writes its meeting.
const GLOBEX_MEETING: &str = "content/meetings/2026-02-10-globex-account-review.md";

/// A site whose people.toml names one person; importing globex-fiscal.txt adds more.
fn site_for_import() -> Fixture {
    Fixture::empty()
        .with("site.toml", SITE_TOML)
        .with("content/people.toml", "[sigi]\nname = \"Sigi\"\n")
}

/// A Globex site with a hand-written October meeting whose tasks the November recap continues,
/// so that importing it gives them their id.
const OCTOBER: &str = "content/meetings/2026-10-12-globex-sync.md";
const OCTOBER_TEXT: &str = "+++\ntitle = \"Globex sync\"\ndate = 2026-10-12\naccount = \"Globex\"\n+++\n## Renewal\nTalks opened.\n\n- [ ] **Close the package deal** @ana due:2026-10-30\n- [ ] **Send the security questionnaire**\n  to Globex security. @bo due:2026-11-13\n";

fn globex_site_with_october() -> Fixture {
    Fixture::empty()
        .with("site.toml", SITE_TOML)
        .with(
            "content/people.toml",
            &std::fs::read_to_string(import_fixture("continuity/people.toml")).unwrap(),
        )
        .with(OCTOBER, OCTOBER_TEXT)
}

fn import_november(site: &Fixture) -> std::process::Output {
    site.run(&[
        "import",
        &import_fixture("continuity/gemini-globex-november.txt"),
        "--account",
        "Globex",
    ])
}

/// Every entry below `dir`, links not followed: a file with its bytes, a link with where it
/// leads, a folder as itself.
fn entries(dir: &std::path::Path) -> Vec<(std::path::PathBuf, String)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let kind = path.symlink_metadata().unwrap().file_type();
            let what = if kind.is_symlink() {
                format!("link to {}", std::fs::read_link(&path).unwrap().display())
            } else if kind.is_dir() {
                stack.push(path.clone());
                "folder".to_string()
            } else {
                String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned()
            };
            found.push((path.strip_prefix(dir).unwrap().to_path_buf(), what));
        }
    }
    found.sort();
    found
}

/// Names of the files below `dir` that an import leaves while it writes.
fn import_leftovers(dir: &std::path::Path) -> Vec<String> {
    walkdir(dir)
        .into_iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|name| name.contains(".dossier-import"))
        .collect()
}

#[test]
fn import_never_writes_through_a_link_planted_where_it_writes_a_temporary_file() {
    let site = globex_site_with_october();
    // Where import once wrote the earlier meeting before renaming it over the meeting.
    let planted = site
        .root()
        .join("content/meetings/2026-10-12-globex-sync.md.dossier-import");
    std::os::unix::fs::symlink("../../site.toml", &planted).unwrap();
    let output = import_november(&site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(site.root().join("site.toml")).unwrap(),
        SITE_TOML,
        "site.toml was written through the link"
    );
    let october = site.root().join(OCTOBER);
    assert!(!october.symlink_metadata().unwrap().file_type().is_symlink());
    let text = std::fs::read_to_string(&october).unwrap();
    assert!(text.contains("{#close-the-package-deal}"), "{text}");
    assert_eq!(
        std::fs::read_link(&planted).unwrap(),
        std::path::Path::new("../../site.toml")
    );
}

#[test]
fn import_refuses_a_meeting_file_that_is_a_link_wherever_it_leads() {
    let outside = tempfile::tempdir().unwrap();
    let outside_file = outside.path().join("notes.md");
    std::fs::write(&outside_file, "mine").unwrap();
    for (leads_to, force) in [
        (outside_file.clone(), false),
        (outside_file.clone(), true),
        (outside.path().join("missing.md"), false),
        (std::path::PathBuf::from("../../site.toml"), true),
    ] {
        let site = site_for_import();
        std::fs::create_dir_all(site.root().join("content/meetings")).unwrap();
        std::os::unix::fs::symlink(&leads_to, site.root().join(GLOBEX_MEETING)).unwrap();
        let before = entries(site.root());
        let recap = import_fixture("globex-fiscal.txt");
        let mut args = vec!["import", recap.as_str()];
        if force {
            args.push("--force");
        }
        let output = site.run(&args);
        let shown = format!("{leads_to:?} (--force {force}): {}", stderr(&output));
        assert_eq!(output.status.code(), Some(1), "{shown}");
        assert!(stderr(&output).contains("symbolic link"), "{shown}");
        assert_eq!(entries(site.root()), before, "{shown}");
        assert_eq!(
            std::fs::read_link(site.root().join(GLOBEX_MEETING)).unwrap(),
            leads_to
        );
        assert_eq!(
            std::fs::read_to_string(&outside_file).unwrap(),
            "mine",
            "{shown}"
        );
        assert!(!outside.path().join("missing.md").exists(), "{shown}");
        assert_eq!(
            std::fs::read_to_string(site.root().join("site.toml")).unwrap(),
            SITE_TOML,
            "{shown}"
        );
    }
}

#[test]
fn import_refuses_content_folders_that_link_out_of_the_site() {
    for linked in ["content", "content/meetings"] {
        let outside = tempfile::tempdir().unwrap();
        let site = Fixture::empty().with("site.toml", SITE_TOML);
        let link = site.root().join(linked);
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(outside.path(), link).unwrap();
        let output = site.run(&["import", &import_fixture("globex-fiscal.txt")]);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{linked}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains(&format!("{linked}: symbolic link to outside the site")),
            "{}",
            stderr(&output)
        );
        assert!(
            walkdir(outside.path()).is_empty(),
            "{linked}: written outside"
        );
    }
}

#[test]
fn import_does_not_write_people_toml_through_a_link_inside_the_site() {
    let site = Fixture::empty()
        .with("site.toml", SITE_TOML)
        .with("shared/people.toml", "[sigi]\nname = \"Sigi\"\n");
    std::fs::create_dir_all(site.root().join("content")).unwrap();
    std::os::unix::fs::symlink(
        "../shared/people.toml",
        site.root().join("content/people.toml"),
    )
    .unwrap();
    let before = entries(site.root());
    let output = site.run(&["import", &import_fixture("globex-fiscal.txt")]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("content/people.toml:1:1: error: is a symbolic link (to shared/people.toml)"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        entries(site.root()),
        before,
        "the meeting is not written alone either"
    );
}

#[test]
fn an_earlier_meeting_that_is_a_link_is_not_written_through_and_the_report_says_so() {
    let site = globex_site_with_october().with("notes/october.md", OCTOBER_TEXT);
    std::fs::remove_file(site.root().join(OCTOBER)).unwrap();
    std::os::unix::fs::symlink("../../notes/october.md", site.root().join(OCTOBER)).unwrap();
    let output = import_november(&site);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(site.root().join("notes/october.md")).unwrap(),
        OCTOBER_TEXT
    );
    assert!(site
        .root()
        .join(OCTOBER)
        .symlink_metadata()
        .unwrap()
        .file_type()
        .is_symlink());
    let report = stdout(&output);
    assert!(
        report.contains(&format!("Earlier task not given its id, add it by hand: {OCTOBER}:9 {{#close-the-package-deal}} (is a symbolic link (to notes/october.md)")),
        "{report}"
    );
    assert!(!report.contains("Earlier tasks given their id"), "{report}");
    assert!(site
        .root()
        .join("content/meetings/2026-11-09-globex-account-sync.md")
        .is_file());
}

/// A folder made immutable (`chattr +i`), which even root cannot add a file to, until dropped.
struct Immutable(std::path::PathBuf);

impl Immutable {
    fn set(dir: &std::path::Path) -> Option<Immutable> {
        let done = std::process::Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .output()
            .is_ok_and(|o| o.status.success());
        done.then(|| Immutable(dir.to_path_buf()))
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .output();
    }
}

#[test]
fn an_import_that_cannot_write_its_meeting_leaves_people_toml_as_it_was() {
    let site = site_for_import();
    let meetings = site.root().join("content/meetings");
    std::fs::create_dir_all(&meetings).unwrap();
    let Some(immutable) = Immutable::set(&meetings) else {
        let check = "an import that cannot write its meeting";
        skip_for_want_of(check, "chattr +i on this file system");
        return;
    };
    let before = snapshot(site.root());
    let recap = import_fixture("globex-fiscal.txt");
    let output = site.run(&["import", &recap]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("content/meetings"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        snapshot(site.root()),
        before,
        "people.toml changed without its meeting"
    );
    drop(immutable);
    let again = site.run(&["import", &recap]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(site.root().join(GLOBEX_MEETING).is_file());
    assert!(import_leftovers(site.root()).is_empty());
}

/// A small tmpfs mounted for a test and unmounted when dropped; `None` where mounting is not
/// permitted.
struct SmallDisk(tempfile::TempDir);

impl SmallDisk {
    fn mount() -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then(|| SmallDisk(dir))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.0.path())
            .status();
    }
}

#[test]
fn a_full_disk_leaves_no_empty_meeting_and_people_toml_as_it_was() {
    let Some(disk) = SmallDisk::mount() else {
        skip_for_want_of("an import on a full disk", "permission to mount a tmpfs");
        return;
    };
    let root = disk.0.path().join("site");
    let site_file = |path: &str, text: &str| {
        let full = root.join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    };
    site_file("site.toml", SITE_TOML);
    site_file("content/people.toml", "[sigi]\nname = \"Sigi\"\n");
    std::fs::create_dir_all(root.join("content/meetings")).unwrap();
    // Fill the disk to its last byte.
    let filler_path = disk.0.path().join("filler");
    let mut filler = std::fs::File::create(&filler_path).unwrap();
    let block = vec![b'x'; 4096];
    while std::io::Write::write_all(&mut filler, &block).is_ok() {}
    while std::io::Write::write_all(&mut filler, b"x").is_ok() {}
    drop(filler);
    let before = snapshot(&root);
    let recap = import_fixture("globex-fiscal.txt");
    let import = || {
        dossier()
            .args(["import", &recap, "--root"])
            .arg(&root)
            .output()
            .unwrap()
    };
    let output = import();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        snapshot(&root),
        before,
        "a file was left or changed: {}",
        stderr(&output)
    );

    std::fs::remove_file(&filler_path).unwrap();
    let again = import();
    assert!(again.status.success(), "{}", stderr(&again));
    let people = std::fs::read_to_string(root.join("content/people.toml")).unwrap();
    assert!(
        people.starts_with("[sigi]\nname = \"Sigi\"\n\n# Added by"),
        "{people}"
    );
    assert!(import_leftovers(&root).is_empty());
    let build = dossier()
        .args(["check", "--today", "2026-02-11", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(build.status.success(), "{}", stderr(&build));
}

/// Runs an import with `stdin`, failing the test if it does not finish in time (a hang).
fn import_within(site: &Fixture, recap: &str, stdin: Stdio) -> std::process::Output {
    let child = dossier()
        .args(["import", recap, "--date", "2026-01-01", "--root"])
        .arg(site.root())
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish_within(
        child,
        Duration::from_secs(20),
        &format!("import {recap} did not finish: it waits on or reads what is not a file"),
    )
}

#[test]
fn a_recap_that_is_a_pipe_or_a_device_is_refused_not_waited_on() {
    let site = site_for_import();
    let pipe = site.root().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    std::os::unix::fs::symlink(&pipe, site.root().join("recap.txt")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", site.root().join("zero.txt")).unwrap();
    for (recap, says) in [
        ("recap.txt", "a named pipe (FIFO)"),
        ("zero.txt", "a device"),
    ] {
        let path = site.root().join(recap);
        let output = import_within(&site, path.to_str().unwrap(), Stdio::null());
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        assert!(
            stderr(&output).contains(&format!(
                "cannot read {}: it is {says}, not a plain file",
                path.display()
            )),
            "{}",
            stderr(&output)
        );
    }
    // Standard input stays allowed, but bounded.
    let zero = std::fs::File::open("/dev/zero").unwrap();
    let output = import_within(&site, "-", Stdio::from(zero));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("<stdin>:1:1: error: the recap is more than 16777216 bytes; dossier import reads text, HTML and e-mail recaps of at most 16777216 bytes (16 MiB)"),
        "{}",
        stderr(&output)
    );
    assert!(!site.root().join("content/meetings").exists());
}

/// Runs `dossier build` (with `args`) under a cap on its address space and a time limit, so a
/// build that reads without bound (a FIFO, `/dev/zero`) fails the test instead of hanging it or
/// taking the machine's memory.
fn build_bounded(site: &Fixture, args: &[&str]) -> std::process::Output {
    let child = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 2000000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--today", "2025-11-24"])
        .args(args)
        .arg("--root")
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish_within(
        child,
        Duration::from_secs(20),
        "the build did not finish within 20 s",
    )
}

/// The valid site as a git repository with one commit, so that a build reads the history of
/// its files and keeps it in the cache folder; none where git is missing.
fn committed_site() -> Option<Fixture> {
    if !tool_available(
        "a site's history read from git",
        "git",
        &["--version"],
        "git",
    ) {
        return None;
    }
    let site = Fixture::valid();
    for args in [
        &["init", "-q"][..],
        &["add", "."],
        &["commit", "-qm", "first"],
    ] {
        let output = std::process::Command::new("git")
            .arg("-C")
            .arg(site.root())
            .args(["-c", "user.email=team@example.test", "-c", "user.name=Ann"])
            .args(["-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
    }
    Some(site)
}

/// The build cache of the site's `public/` folder, which a first build left.
fn build_cache_of(site: &Fixture) -> std::path::PathBuf {
    std::fs::read_dir(site.root().join(".dossier-cache"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| {
            path.extension().is_some_and(|e| e == "json")
                && path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("build-")
        })
        .expect("a build cache")
}

/// Every file, folder and link below `dir`, with the bytes of each plain file and where each
/// link leads: what a build must leave as it was.
fn everything_below(dir: &std::path::Path) -> BTreeMap<std::path::PathBuf, String> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let kind = std::fs::symlink_metadata(&path).unwrap().file_type();
            let what = if kind.is_symlink() {
                format!("link to {}", std::fs::read_link(&path).unwrap().display())
            } else if kind.is_dir() {
                stack.push(path.clone());
                "folder".into()
            } else if kind.is_file() {
                String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned()
            } else {
                "special file".into()
            };
            found.insert(path.strip_prefix(dir).unwrap().to_path_buf(), what);
        }
    }
    found
}

fn mkfifo(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success(), "mkfifo {}", path.display());
}

#[test]
fn a_cache_folder_linked_out_of_the_site_is_never_written_through() {
    let outside = tempfile::tempdir().unwrap();
    // A cache of an output that is gone, as a build would remove from its own cache folder.
    std::fs::write(outside.path().join("build-0123456789abcdef.json"), "{}").unwrap();
    std::fs::write(
        outside.path().join("build-0123456789abcdef.output"),
        "/nowhere/gone",
    )
    .unwrap();
    std::fs::write(outside.path().join("notes.txt"), "mine").unwrap();
    let before = everything_below(outside.path());
    let site = committed_site().unwrap_or_else(Fixture::valid);
    std::os::unix::fs::symlink(outside.path(), site.root().join(".dossier-cache")).unwrap();

    let output = build_bounded(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(everything_below(outside.path()), before, "outside changed");
    assert!(
        stderr(&output).contains("warning: .dossier-cache: it is a symbolic link"),
        "{}",
        stderr(&output)
    );
    let cache = std::fs::symlink_metadata(site.root().join(".dossier-cache")).unwrap();
    assert!(
        cache.is_dir(),
        "the link is replaced by a folder of the site"
    );

    // The new cache folder works: nothing changed, nothing rendered.
    let again = build_bounded(&site, &[]);
    assert!(stdout(&again).contains("up to date"), "{}", stdout(&again));
    assert!(!stderr(&again).contains("warning: .dossier-cache"));
    assert_eq!(everything_below(outside.path()), before);
}

#[test]
fn a_cache_folder_that_is_not_a_folder_is_left_alone_and_the_build_keeps_no_cache() {
    let site = Fixture::valid().with(".dossier-cache", "mine");
    let output = build_bounded(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("warning: .dossier-cache: it is not a folder"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(site.root().join(".dossier-cache")).unwrap(),
        "mine"
    );
    let again = build_bounded(&site, &[]);
    assert!(
        stdout(&again).contains("every page rendered"),
        "{}",
        stdout(&again)
    );
}

#[test]
fn files_of_the_cache_folder_linked_out_of_the_site_are_never_written_through() {
    let site = committed_site().unwrap_or_else(Fixture::valid);
    assert!(build_bounded(&site, &[]).status.success());
    let cache = build_cache_of(&site);
    let outside = tempfile::tempdir().unwrap();
    let dir = site.root().join(".dossier-cache");
    let mut linked = vec![
        (cache.clone(), "cache.json"),
        (cache.with_extension("output"), "note.txt"),
        (dir.join(".gitignore"), "gitignore"),
    ];
    if dir.join("git-history.json").exists() {
        linked.push((dir.join("git-history.json"), "history.json"));
    }
    for (in_cache, name) in &linked {
        // The cache's own bytes outside, so that following the link would find them usable.
        std::fs::copy(in_cache, outside.path().join(name)).unwrap();
        std::fs::remove_file(in_cache).unwrap();
        std::os::unix::fs::symlink(outside.path().join(name), in_cache).unwrap();
    }
    // A link to where nothing is yet, which a write through it would create.
    std::fs::remove_file(dir.join(".gitignore")).unwrap();
    std::fs::remove_file(outside.path().join("gitignore")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("gitignore"), dir.join(".gitignore")).unwrap();
    let before = everything_below(outside.path());

    site.write(M, &MEETING.replace("Weekly", "Changed"));
    let output = build_bounded(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(everything_below(outside.path()), before, "outside changed");
    each_warned_and_a_plain_file_again(
        &site,
        &output,
        linked.iter().map(|(in_cache, _)| in_cache),
        "it is a symbolic link",
    );
    assert!(
        stdout(&output).contains("every page rendered"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_fifo_in_the_cache_folder_does_not_hang_the_build() {
    let Some(site) = committed_site() else {
        return;
    };
    assert!(build_bounded(&site, &[]).status.success());
    let dir = site.root().join(".dossier-cache");
    let cache = build_cache_of(&site);
    let fifos = [
        dir.join("git-history.json"),
        cache.clone(),
        cache.with_extension("output"),
    ];
    for fifo in &fifos {
        std::fs::remove_file(fifo).unwrap();
        mkfifo(fifo);
    }
    let output = build_bounded(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    each_warned_and_a_plain_file_again(&site, &output, fifos.iter(), "it is not a plain file");
}

#[test]
fn a_kept_git_history_that_is_endless_or_too_big_is_discarded_not_read() {
    let Some(site) = committed_site() else {
        return;
    };
    assert!(build_bounded(&site, &[]).status.success());
    let history = site.root().join(".dossier-cache/git-history.json");
    // As JSON: the order of its entries is not fixed.
    let read_history = || -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(&history).unwrap()).unwrap()
    };
    let kept = read_history();

    std::fs::remove_file(&history).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &history).unwrap();
    let output = build_bounded(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("warning: .dossier-cache/git-history.json: it is a symbolic link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(read_history(), kept, "read again from git");

    // 64 GiB that take no room on the disk: the size alone says it is not dossier's.
    let huge = std::fs::File::create(&history).unwrap();
    huge.set_len(1 << 36).unwrap();
    drop(huge);
    let output = build_bounded(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "warning: .dossier-cache/git-history.json: it is 68719476736 bytes, more than"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(read_history(), kept);

    std::fs::write(&history, "{\"head\": 12").unwrap();
    let output = build_bounded(&site, &[]);
    assert!(
        stderr(&output).contains("warning: .dossier-cache/git-history.json: it does not read"),
        "{}",
        stderr(&output)
    );
    assert_eq!(read_history(), kept);
}

/// Makes a cache file unusable in one way.
type Spoil<'a> = Box<dyn Fn() + 'a>;

#[test]
fn a_build_cache_that_is_not_dossiers_is_discarded_with_a_warning_and_everything_rendered() {
    let site = Fixture::valid();
    assert!(build_bounded(&site, &[]).status.success());
    let cache = build_cache_of(&site);
    let good = std::fs::read_to_string(&cache).unwrap();
    assert!(good.contains("\"format\":"), "{good}");
    let other_version = {
        let at = good.find("\"format\":").unwrap() + "\"format\":".len();
        let end = at + good[at..].find(',').unwrap();
        format!("{}999{}", &good[..at], &good[end..])
    };
    let cases: [(&str, Spoil); 3] = [
        (
            "it does not read as dossier's",
            Box::new(|| std::fs::write(&cache, &good[..good.len() / 2]).unwrap()),
        ),
        (
            "another version of dossier wrote it",
            Box::new(|| std::fs::write(&cache, &other_version).unwrap()),
        ),
        (
            "it is 68719476736 bytes, more than",
            Box::new(|| {
                std::fs::File::create(&cache)
                    .unwrap()
                    .set_len(1 << 36)
                    .unwrap()
            }),
        ),
    ];
    for (problem, spoil) in &cases {
        site.write(M, &MEETING.replace("Weekly", problem));
        spoil();
        let output = build_bounded(&site, &[]);
        assert!(output.status.success(), "{problem}: {}", stderr(&output));
        let shown = cache
            .strip_prefix(site.root())
            .unwrap()
            .display()
            .to_string();
        assert!(
            stderr(&output).contains(&format!("warning: {shown}: {problem}")),
            "{problem}: {}",
            stderr(&output)
        );
        assert!(
            stdout(&output).contains("every page rendered"),
            "{problem}: {}",
            stdout(&output)
        );
        let again = build_bounded(&site, &[]);
        assert!(stdout(&again).contains("up to date"), "{problem}");
    }
}

#[test]
fn names_beside_the_output_that_are_links_are_never_followed_or_removed_through() {
    // What a build removes or puts back beside its output, under the names of dossier's
    // staging and retired folders, is only ever a real folder of dossier's.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join(".dossier-build"), "").unwrap();
    std::fs::create_dir_all(outside.path().join("a/b")).unwrap();
    std::fs::write(outside.path().join("a/b/page.html"), "mine").unwrap();
    std::fs::write(outside.path().join("a/notes.txt"), "mine").unwrap();
    let before = everything_below(outside.path());

    let site = Fixture::valid();
    for name in [
        ".public.dossier-staging-999999999",
        ".public.dossier-retired-999999998",
    ] {
        std::os::unix::fs::symlink(outside.path(), site.root().join(name)).unwrap();
    }
    // First with no site yet (a retired site would be put back), then beside a built one.
    for round in ["no site yet", "a site there"] {
        let output = build_bounded(&site, &["--clean"]);
        assert!(output.status.success(), "{round}: {}", stderr(&output));
        assert_eq!(everything_below(outside.path()), before, "{round}");
        let public = std::fs::symlink_metadata(site.public()).unwrap();
        assert!(
            public.is_dir(),
            "{round}: the output is a folder, not a link"
        );
        assert!(site.public().join("index.html").is_file(), "{round}");
    }
}

#[test]
fn a_marker_that_is_a_link_does_not_make_a_folder_dossiers() {
    let site = Fixture::valid();
    let out = site.root().join("mine");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "mine").unwrap();
    std::fs::write(site.root().join("anything"), "").unwrap();
    std::os::unix::fs::symlink(site.root().join("anything"), out.join(".dossier-build")).unwrap();
    let output = site.run(&["build", "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("was not made by dossier"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn a_link_or_fifo_at_a_temporary_name_in_the_output_is_never_written_through() {
    let site = Fixture::valid();
    assert!(build_bounded(&site, &[]).status.success());
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("theirs.html"), "theirs").unwrap();
    let page = site.public().join("meetings/2025-11-20-weekly/index.html");
    let temporary = page.with_file_name(".index.html.dossier-part");
    std::os::unix::fs::symlink(outside.path().join("theirs.html"), &temporary).unwrap();
    mkfifo(&site.public().join(".feed.xml.dossier-part"));
    let before = everything_below(outside.path());

    site.write(M, &MEETING.replace("Weekly", "Changed"));
    let output = build_bounded(&site, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("1 meeting changed"),
        "{}",
        stdout(&output)
    );
    assert_eq!(everything_below(outside.path()), before, "outside changed");
    assert!(std::fs::symlink_metadata(&page).unwrap().is_file());
    assert!(std::fs::read_to_string(&page).unwrap().contains("Changed"));
    // What was planted is left as it was, and the build left nothing of its own.
    assert!(std::fs::symlink_metadata(&temporary)
        .unwrap()
        .file_type()
        .is_symlink());
    let litter: Vec<_> = walkdir(&site.public())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".dossier-"))
        .filter(|p| !p.ends_with(".dossier-build") && *p != temporary)
        .filter(|p| !p.ends_with(".feed.xml.dossier-part"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
}

#[test]
fn a_full_build_that_fails_while_rendering_leaves_the_site_and_nothing_beside_it() {
    let site = Fixture::valid();
    assert!(build_bounded(&site, &[]).status.success());
    let before = everything_below(&site.public());
    let beside: Vec<String> = {
        let mut names: Vec<String> = std::fs::read_dir(site.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.push("templates".into());
        names.sort();
        names
    };
    // A template that compiles and fails only when a topic page is rendered, into staging.
    site.write("templates/topic.html", "{{ no_such_value.field }}\n");
    let output = build_bounded(&site, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("no_such_value"),
        "{}",
        stderr(&output)
    );
    assert_eq!(everything_below(&site.public()), before);
    let mut after: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    after.sort();
    assert_eq!(after, beside, "left beside the site");
}

/// Each of `paths` (in the site's cache folder) is named by a warning that says `says`, and is
/// a plain file of the site again after the build.
fn each_warned_and_a_plain_file_again<'p>(
    site: &Fixture,
    output: &std::process::Output,
    paths: impl Iterator<Item = &'p std::path::PathBuf>,
    says: &str,
) {
    for path in paths {
        let shown = path
            .strip_prefix(site.root())
            .unwrap()
            .display()
            .to_string();
        assert!(
            stderr(output).contains(&format!("warning: {shown}: {says}")),
            "{shown}: {}",
            stderr(output)
        );
        assert!(
            std::fs::symlink_metadata(path).unwrap().is_file(),
            "{shown} is a file of the site again"
        );
    }
}
