//! `dossier serve`: pages served on 127.0.0.1, rebuilt on save, errors shown and cleared, and
//! nothing outside the site served.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// A running `dossier serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        // As Ctrl-C would: the server removes its private folder.
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while self.child.try_wait().ok().flatten().is_none()
            && started.elapsed() < Duration::from_secs(5)
        {
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(site: &Fixture) -> Server {
    let mut child = dossier()
        .args(["serve", "--port", "0", "--today", "2025-11-24", "--root"])
        .arg(site.root())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines.next().expect("serve printed its address").unwrap();
        if let Some(rest) = line.split("http://").nth(1) {
            break rest
                .trim_end_matches(|c: char| !c.is_ascii_digit())
                .to_string();
        }
    };
    // Keep reading stdout so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, address }
}

/// GET a path as sent, without normalising it; returns the status code and the body.
fn get(server: &Server, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .unwrap_or("0")
        .parse()
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn wait_for(server: &Server, path: &str, wanted: &str, within: Duration) -> Duration {
    let started = Instant::now();
    loop {
        if get(server, path).1.contains(wanted) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < within,
            "{path} did not show {wanted:?} within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

const M: &str = "content/meetings/2025-11-20-weekly.md";

#[test]
fn serves_pages_and_shows_a_save_within_two_seconds() {
    let site = Fixture::valid();
    let server = serve(&site);
    let (status, body) = get(&server, "/");
    assert_eq!(status, 200);
    assert!(body.contains("<script src=\"/__dossier/live.js\"></script></body>"));
    assert_eq!(get(&server, "/meetings/2025-11-20-weekly/").0, 200);
    assert_eq!(get(&server, "/__dossier/live.js").0, 200);
    assert_eq!(get(&server, "/meetings/nope/").0, 404);

    site.write(
        M,
        &MEETING.replace("title = \"Weekly\"", "title = \"Edited while serving\""),
    );
    wait_for(
        &server,
        "/meetings/2025-11-20-weekly/",
        "Edited while serving",
        Duration::from_secs(2),
    );
    // The edited page is written first; a page that lists it, asked for right after, waits for
    // the rest of the rebuild instead of being served stale.
    for list in ["/meetings/", "/"] {
        let (status, body) = get(&server, list);
        assert_eq!(status, 200);
        assert!(body.contains("Edited while serving"), "{list} is stale");
    }
    assert!(!site.public().exists(), "serve wrote into public/");
}

#[test]
fn stopping_leaves_public_as_it_was() {
    let site = Fixture::valid();
    assert!(site.build().status.success());
    let before = snapshot(&site.public());
    let server = serve(&site);
    site.write(
        M,
        &MEETING.replace("title = \"Weekly\"", "title = \"Changed\""),
    );
    wait_for(
        &server,
        "/meetings/2025-11-20-weekly/",
        "Changed",
        Duration::from_secs(2),
    );
    drop(server);
    assert_eq!(snapshot(&site.public()), before);
}

#[test]
fn refuses_paths_out_of_the_site() {
    let site = Fixture::valid();
    let server = serve(&site);
    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fsite.toml",
        "/static/..\\..\\site.toml",
    ] {
        let (status, body) = get(&server, path);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("Fixture briefings\"\nbase_url"),
            "{path} leaked site.toml"
        );
    }
}

#[test]
fn a_broken_file_shows_its_error_and_a_fixed_one_clears_it() {
    let site = Fixture::valid();
    let server = serve(&site);
    let mut events = TcpStream::connect(&server.address).unwrap();
    write!(events, "GET /__dossier/events HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(events);
    let mut read_until = |wanted: &str| -> String {
        let mut seen = String::new();
        while !seen.contains(wanted) {
            let mut line = String::new();
            reader.read_line(&mut line).expect("an event in time");
            seen.push_str(&line);
        }
        seen
    };
    read_until(": connected");

    site.write(M, &MEETING.replace("due:2025-11-28", "due:2025-02-30"));
    let failure = read_until("\n\n");
    assert!(failure.contains("event: failure"), "{failure}");
    assert!(
        failure.contains(&format!("data: {M}:8:33: error")),
        "{failure}"
    );
    // The last good site is still served meanwhile.
    assert_eq!(get(&server, "/meetings/2025-11-20-weekly/").0, 200);

    site.write(M, MEETING);
    let fixed = read_until("\n\n");
    assert!(fixed.contains("event: reload"), "{fixed}");
}
