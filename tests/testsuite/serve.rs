//! `dossier serve`: pages served on 127.0.0.1, rebuilt on save, errors shown and cleared, and
//! nothing outside the site served.

use crate::common::*;
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
    serve_in(site, &std::env::temp_dir())
}

/// Serves with `temp` as the system's temporary folder.
fn serve_in(site: &Fixture, temp: &std::path::Path) -> Server {
    let mut child = dossier()
        .args(["serve", "--port", "0", "--today", "2025-11-24", "--root"])
        .arg(site.root())
        .env("TMPDIR", temp)
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

/// GET a path as sent, without normalising it; returns the status code and the body. A
/// connection the server refused at its limit may be reset before its answer is read: status 0.
fn get(server: &Server, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    let sent = write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    );
    let mut response = String::new();
    if sent.is_err() || stream.read_to_string(&mut response).is_err() {
        return (0, String::new());
    }
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

/// The server's event stream, connected.
fn events(server: &Server) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET /__dossier/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )
    .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    BufReader::new(stream)
}

/// Reads the event stream byte by byte (a CR stays as sent) until it has read `wanted`.
fn read_until(reader: &mut BufReader<TcpStream>, wanted: &str) -> String {
    let mut seen = Vec::new();
    while !seen.ends_with(wanted.as_bytes()) {
        let mut byte = [0u8];
        reader.read_exact(&mut byte).expect("an event in time");
        seen.push(byte[0]);
    }
    String::from_utf8(seen).unwrap()
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
    let (status, missing) = get(&server, "/meetings/nope/deeper/");
    assert_eq!(status, 404);
    // Served at any depth, the 404 page links from the site's root, where serve has it.
    assert!(missing.contains("href=\"/static/style.css?v="), "{missing}");
    assert_eq!(get(&server, "/static/style.css").0, 200);
    // The fingerprint is a query: the same file answers.
    assert_eq!(get(&server, "/static/style.css?v=0123456789").0, 200);

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
    let mut reader = events(&server);
    let mut read_until = |wanted: &str| read_until(&mut reader, wanted);
    read_until(": connected\n\n");

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

/// The folders serve keeps in `temp`.
fn serve_folders(temp: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(temp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("dossier-serve-")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn the_private_folder_is_new_each_run_readable_by_its_owner_only_and_removed() {
    use std::os::unix::fs::PermissionsExt;
    let temp = tempfile::tempdir().unwrap();
    // What another user could have made under a predictable name does not stop serve, and a
    // folder that a killed serve left is removed.
    let planted = temp.path().join("dossier-serve-0000000000000000");
    std::fs::create_dir(&planted).unwrap();
    let stale = temp.path().join("dossier-serve-stale");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(
        stale.join(".dossier-build"),
        "written by dossier serve\npid 999999999\n",
    )
    .unwrap();
    let site = Fixture::valid();
    let first = serve_in(&site, temp.path());
    let second = serve_in(&site, temp.path());
    assert_eq!(get(&first, "/").0, 200);
    assert_eq!(get(&second, "/").0, 200);
    let folders = serve_folders(temp.path());
    assert!(!folders.contains(&stale), "the stale folder stayed");
    let ours: Vec<_> = folders.iter().filter(|f| **f != planted).collect();
    assert_eq!(ours.len(), 2, "one folder per run: {folders:?}");
    for folder in &ours {
        let mode = std::fs::metadata(folder).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{}", folder.display());
    }
    drop(first);
    drop(second);
    assert_eq!(serve_folders(temp.path()), [planted], "removed on exit");
}

/// Sends raw bytes and returns the whole response.
fn exchange(server: &Server, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(&server.address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let _ = stream.write_all(request);
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

#[test]
fn requests_are_bounded_in_size_and_number_and_redirects_stay_on_the_host() {
    let site = Fixture::valid();
    let server = serve(&site);
    let huge = format!("GET / HTTP/1.1\r\nX-Fill: {}\r\n\r\n", "a".repeat(1 << 20));
    let started = Instant::now();
    let response = exchange(&server, huge.as_bytes());
    assert!(response.starts_with("HTTP/1.1 431"), "{response:.80}");
    assert!(started.elapsed() < Duration::from_secs(5));

    let response = exchange(
        &server,
        b"GET //meetings HTTP/1.1\r\nHost: localhost\r\n\r\n",
    );
    assert!(
        response.contains("\r\nLocation: /meetings/\r\n"),
        "{response}"
    );

    // Clients that connect and send nothing hold at most the connection limit.
    let idle: Vec<TcpStream> = (0..80)
        .map(|_| TcpStream::connect(&server.address).unwrap())
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let response = exchange(&server, b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assert!(response.starts_with("HTTP/1.1 503"), "{response:.80}");
    drop(idle);
    wait_for(&server, "/", "Fixture briefings", Duration::from_secs(5));
}

#[test]
fn a_carriage_return_in_a_source_line_cannot_forge_an_event_field() {
    let site = Fixture::valid();
    let server = serve(&site);
    let mut reader = events(&server);
    read_until(&mut reader, ": connected\n\n");
    site.write(
        M,
        &MEETING.replace(
            "due:2025-11-28",
            "due:2025-02-30 \revent: reload\rdata: forged",
        ),
    );
    let event = read_until(&mut reader, "\n\n");
    assert!(event.starts_with("event: failure\n"), "{event:?}");
    // As a browser reads it: a line ends at CR, LF or CRLF; every line must be a data field.
    let fields: Vec<&str> = event.trim_end().split(['\r', '\n']).skip(1).collect();
    assert!(fields.len() > 3);
    for field in fields {
        assert!(
            field.starts_with("data: ") || field == "data:",
            "forged field {field:?} in {event:?}"
        );
    }
}

/// The status code of a raw response.
fn status_of(response: &str) -> u16 {
    response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

#[test]
fn only_requests_for_the_local_host_are_answered_so_dns_rebinding_reads_nothing() {
    let site = Fixture::valid();
    let server = serve(&site);
    let port = server.address.rsplit(':').next().unwrap().to_string();
    let paths = [
        "/",
        "/meetings/2025-11-20-weekly/",
        "/static/style.css",
        "/__dossier/live.js",
        "/__dossier/events",
        "/meetings/nope/",
    ];
    // What a page on another site reaches after its name is made to point at 127.0.0.1.
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        "localhost.evil.example".to_string(),
        format!("localhost.evil.example:{port}"),
        "127.0.0.1.nip.io".to_string(),
        format!("127.0.0.1.nip.io:{port}"),
        "localhost:1".to_string(),
        format!("localhost:{port}x"),
        format!("[::1]:{port}.evil.example"),
        "localhost@evil.example".to_string(),
        String::new(),
    ] {
        for path in paths {
            let response = exchange(
                &server,
                format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
                    .as_bytes(),
            );
            let status = status_of(&response);
            assert!(
                matches!(status, 400 | 403 | 421),
                "Host {host:?} {path}: {response:.200}"
            );
            assert!(response.contains("text/plain"), "{response:.300}");
            for allowed in ["localhost", "127.0.0.1", "[::1]"] {
                assert!(response.contains(allowed), "{response}");
            }
            assert!(
                !response.contains("Fixture"),
                "Host {host:?} {path} read the site"
            );
            assert!(!response.contains("event-stream"), "{response:.300}");
        }
    }
    // No Host at all, or two, in HTTP/1.1 is refused too.
    for request in [
        "GET / HTTP/1.1\r\nConnection: close\r\n\r\n".to_string(),
        "GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n".to_string(),
        "GET / HTTP/1.1\r\nHost: evil.example\r\nHost: localhost\r\n\r\n".to_string(),
        "GET /__dossier/events HTTP/1.1\r\n\r\n".to_string(),
    ] {
        let response = exchange(&server, request.as_bytes());
        assert_eq!(status_of(&response), 400, "{request:?}: {response:.200}");
        assert!(!response.contains("Fixture"), "{request:?} read the site");
    }

    for host in [
        "localhost".to_string(),
        "LocalHost".to_string(),
        format!("localhost:{port}"),
        "127.0.0.1".to_string(),
        format!("127.0.0.1:{port}"),
        "[::1]".to_string(),
        format!("[::1]:{port}"),
        format!("[::1]:{port}"),
    ] {
        let response = exchange(
            &server,
            format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
        );
        assert_eq!(status_of(&response), 200, "Host {host:?}: {response:.200}");
        assert!(response.contains("Fixture briefings"), "Host {host:?}");
    }
    // The event stream answers an allowed host.
    let mut stream = TcpStream::connect(&server.address).unwrap();
    write!(
        stream,
        "GET /__dossier/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
    )
    .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let connected = read_until(&mut reader, ": connected\n\n");
    assert!(connected.starts_with("HTTP/1.1 200"), "{connected}");
}

#[test]
fn edits_are_seen_after_content_or_its_meetings_folder_is_removed_and_made_again() {
    let site = Fixture::valid();
    let server = serve(&site);
    let page = "/meetings/2025-11-20-weekly/";
    for (folder, files) in [
        (
            "content",
            vec![
                ("content/people.toml", PEOPLE_TOML),
                ("content/initiatives/deal.md", INITIATIVE),
                (M, MEETING),
            ],
        ),
        ("content/meetings", vec![(M, MEETING)]),
    ] {
        std::fs::remove_dir_all(site.root().join(folder)).unwrap();
        wait_for(&server, page, "Page not found", Duration::from_secs(5));
        for (path, text) in files {
            site.write(path, text);
        }
        wait_for(&server, page, "Weekly", Duration::from_secs(5));
        // Then a save in the folder made again.
        let title = format!("Saved after {folder} came back");
        site.write(
            M,
            &MEETING.replace("title = \"Weekly\"", &format!("title = \"{title}\"")),
        );
        wait_for(&server, page, &title, Duration::from_secs(5));
    }
}

#[test]
fn static_and_templates_folders_made_after_start_are_served_and_watched() {
    let site = Fixture::valid();
    let server = serve(&site);
    assert_eq!(get(&server, "/notes.txt").0, 404);
    site.write("static/notes.txt", "first words");
    wait_for(&server, "/notes.txt", "first words", Duration::from_secs(5));
    site.write("static/notes.txt", "second words");
    wait_for(
        &server,
        "/notes.txt",
        "second words",
        Duration::from_secs(5),
    );
    site.write("static/deeper/more.txt", "in a folder made later");
    wait_for(
        &server,
        "/deeper/more.txt",
        "in a folder made later",
        Duration::from_secs(5),
    );

    let not_found = |words: &str| {
        format!(
            "{{% extends \"base.html\" %}}{{% block main %}}<h1>{words}</h1>{{% endblock main %}}"
        )
    };
    site.write("templates/404.html", &not_found("Lost here"));
    wait_for(&server, "/nowhere/", "Lost here", Duration::from_secs(5));
    site.write("templates/404.html", &not_found("Lost again"));
    wait_for(&server, "/nowhere/", "Lost again", Duration::from_secs(5));
}

/// The most memory the process has held so far (VmHWM), in KiB.
fn peak_memory_kib(server: &Server) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .expect("VmHWM in /proc")
}

/// Downloads a path to the end; returns the Content-Length sent and the body's length.
fn download(address: &str, path: &str) -> (u64, u64) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    let mut reader = BufReader::new(stream);
    let mut length = None;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        if line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().ok();
        }
    }
    let body = std::io::copy(&mut reader, &mut std::io::sink()).unwrap();
    (length.expect("a Content-Length"), body)
}

#[test]
fn large_files_are_streamed_in_bounded_memory() {
    const SIZE: u64 = 50 << 20;
    let site = Fixture::valid();
    site.write("static/big.bin", "");
    std::fs::File::options()
        .write(true)
        .open(site.root().join("static/big.bin"))
        .unwrap()
        .set_len(SIZE)
        .unwrap();
    // A page too large to read for the reload script is sent as it is.
    site.write("static/huge.html", "<html><body>");
    std::fs::File::options()
        .write(true)
        .open(site.root().join("static/huge.html"))
        .unwrap()
        .set_len(9 << 20)
        .unwrap();
    let server = serve(&site);
    assert_eq!(get(&server, "/").0, 200);
    let before = peak_memory_kib(&server);

    let downloads: Vec<_> = (0..4)
        .map(|_| {
            let address = server.address.clone();
            std::thread::spawn(move || download(&address, "/big.bin"))
        })
        .collect();
    for download in downloads {
        assert_eq!(download.join().unwrap(), (SIZE, SIZE));
    }
    let grown = peak_memory_kib(&server).saturating_sub(before);
    assert!(
        grown < 16 * 1024,
        "four downloads of a 50 MB file took {grown} KiB more memory"
    );

    assert_eq!(download(&server.address, "/huge.html"), (9 << 20, 9 << 20));
    let response = exchange(
        &server,
        b"HEAD /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n",
    );
    assert!(
        response.contains(&format!("\r\nContent-Length: {SIZE}\r\n")),
        "{response}"
    );
    assert!(response.ends_with("\r\n\r\n"), "HEAD sent a body");
}

#[test]
fn other_web_sites_cannot_include_the_search_index_as_a_script() {
    let site = Fixture::valid();
    let server = serve(&site);
    let request = |path: &str, fetch_metadata: &str| {
        exchange(
            &server,
            format!(
                "GET {path} HTTP/1.1\r\nHost: {}\r\n{fetch_metadata}\r\n",
                server.address
            )
            .as_bytes(),
        )
    };
    let (status, index) = get(&server, "/search/index.js");
    assert_eq!(status, 200);
    assert!(index.contains("dossierSearch."), "{index:.200}");
    // `<script src="http://127.0.0.1:1111/search/d-0.js">` on any web site would hand the
    // briefings' text to that site's own `dossierSearch`.
    for (path, metadata) in [
        (
            "/search/index.js",
            "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: script\r\n",
        ),
        (
            "/search/d-0.js",
            "Sec-Fetch-Site: same-site\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: script\r\n",
        ),
        (
            "/tasks.json",
            "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\n",
        ),
        (
            "/__dossier/events",
            "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\n",
        ),
        (
            "/",
            "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: iframe\r\n",
        ),
    ] {
        let response = request(path, metadata);
        assert_eq!(
            status_of(&response),
            403,
            "{path} {metadata:?}: {response:.300}"
        );
        assert!(!response.contains("dossierSearch"), "{path}");
        assert!(!response.contains("Fixture"), "{path}");
    }
    // The preview's own pages, a link followed from elsewhere, and clients that send no fetch
    // metadata are answered.
    for (path, metadata) in [
        (
            "/search/index.js",
            "Sec-Fetch-Site: same-origin\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: script\r\n",
        ),
        (
            "/",
            "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n",
        ),
        (
            "/",
            "Sec-Fetch-Site: none\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n",
        ),
        ("/search/index.js", ""),
    ] {
        let response = request(path, metadata);
        assert_eq!(status_of(&response), 200, "{path} {metadata:?}: {response:.300}");
    }
}

#[test]
fn dossiers_own_files_in_the_served_folder_are_not_served() {
    let site = Fixture::valid();
    let server = serve(&site);
    for path in [
        "/.dossier-build",
        "/%2edossier-build",
        "/meetings/.x.dossier-part",
    ] {
        let (status, body) = get(&server, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("pid"), "{path}: {body}");
    }
}

#[test]
fn a_client_that_stops_reading_gives_its_connection_back() {
    let site = Fixture::valid();
    site.write("static/big.bin", "");
    std::fs::File::options()
        .write(true)
        .open(site.root().join("static/big.bin"))
        .unwrap()
        .set_len(64 << 20)
        .unwrap();
    let server = serve(&site);
    assert_eq!(get(&server, "/").0, 200);
    // Every connection the server allows, each asking for a large file and reading nothing.
    let stalled: Vec<TcpStream> = (0..64)
        .map(|_| {
            let mut stream = TcpStream::connect(&server.address).unwrap();
            write!(stream, "GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
            stream
        })
        .collect();
    let full = (0..50).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        exchange(&server, b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").starts_with("HTTP/1.1 503")
    });
    assert!(full, "the stalled downloads never filled the server");
    // They are given up after a while; the server answers again while they are still open.
    wait_for(&server, "/", "Fixture briefings", Duration::from_secs(20));
    drop(stalled);
}

#[test]
fn a_request_that_is_not_text_is_answered_400() {
    let site = Fixture::valid();
    let server = serve(&site);
    for request in [
        b"GET /\xff HTTP/1.1\r\nHost: localhost\r\n\r\n".as_slice(),
        b"GET / HTTP/1.1\r\nHost: localhost\r\nX: \xc0\xae\r\n\r\n",
        // A TLS greeting sent to the plain-text port.
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
    ] {
        let response = exchange(&server, request);
        assert_eq!(status_of(&response), 400, "{request:?}: {response:.200}");
    }
}
