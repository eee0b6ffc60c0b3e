//! Nothing escapes and nothing is lost: symbolic links, oversized files, and a build killed
//! midway.

mod common;

use common::*;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Runs a build and fails the test if it does not finish in time (a hang).
fn build_within(site: &Fixture, limit: Duration) -> std::process::Output {
    let mut child = dossier()
        .args(["build", "--today", "2025-11-24", "--root"])
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            panic!("the build did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
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
fn a_build_killed_midway_leaves_the_previous_site_and_the_next_build_cleans_up() {
    let site = Fixture::valid();
    for i in 0..800 {
        site.write(
            &format!("content/meetings/2025-10-{:02}-m{i}.md", i % 28 + 1),
            &MEETING.replace("Weekly", &format!("Meeting {i}")),
        );
    }
    assert!(build_within(&site, Duration::from_secs(120))
        .status
        .success());
    let before = snapshot(&site.public());

    site.write(M, &MEETING.replace("Weekly", "Changed"));
    let mut child = dossier()
        .args(["build", "--today", "2025-11-24", "--root"])
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
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    let meeting =
        std::fs::read_to_string(site.public().join("meetings/2025-11-20-weekly/index.html"))
            .unwrap();
    assert!(meeting.contains("Changed"));
}

const M: &str = "content/meetings/2025-11-20-weekly.md";
