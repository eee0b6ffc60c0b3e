//! serve's HTTP side: requests for the private folder's files, bounded in size, number and
//! time; live reload through server-sent events; nothing outside the folder.

use super::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Component;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::request::{parse_request, AllowedHosts, Refusal, Request};

const LIVE_JS: &str = include_str!("live.js");
const EVENTS: &str = "/__dossier/events";
const SCRIPT: &str = "/__dossier/live.js";
/// Connections served at once (open pages' event streams included); more are answered 503.
const MAX_CONNECTIONS: usize = 64;
/// The request line and headers together; a browser sends well under 2 KiB.
const MAX_REQUEST_HEAD: usize = 16 * 1024;
/// Pages up to this size are read to add the live-reload script; larger ones (a generated
/// report in `static/`) are sent as they are.
const MAX_RELOADED_PAGE: u64 = 8 * 1024 * 1024;
/// How long a client may take to take in each [`WRITE_CHUNK`] of an answer before its connection
/// is given up: a download nobody reads would otherwise hold one of [`MAX_CONNECTIONS`] for
/// ever. A timeout on each write is not enough: the kernel keeps taking a few KiB from a
/// stalled connection every few seconds (measured: 276 KB in 20 s), so no write ever times out.
const WRITE_DEADLINE: Duration = Duration::from_secs(10);
/// What a file is sent in, and the most of it held in memory per connection.
const WRITE_CHUNK: usize = 256 * 1024;
/// How long a client may take to send its request line and headers.
const REQUEST_DEADLINE: Duration = Duration::from_secs(10);

/// Answers connections one thread each, at most [`MAX_CONNECTIONS`] at once; more are told
/// to come back (503).
pub(super) fn accept(listener: &TcpListener, shared: &Arc<Shared>) {
    let hosts = match listener.local_addr() {
        Ok(address) => Arc::new(AllowedHosts::of(address)),
        Err(_) => return,
    };
    let open_connections = Arc::new(AtomicUsize::new(0));
    for mut stream in listener.incoming().flatten() {
        if open_connections.load(Ordering::Acquire) >= MAX_CONNECTIONS {
            let _ = stream.write_all(
                b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\nConnection: close\r\n\r\n",
            );
            continue;
        }
        open_connections.fetch_add(1, Ordering::AcqRel);
        let shared = Arc::clone(shared);
        let hosts = Arc::clone(&hosts);
        let open = Arc::clone(&open_connections);
        std::thread::spawn(move || {
            let _ = respond(stream, &shared, &hosts);
            open.fetch_sub(1, Ordering::AcqRel);
        });
    }
}

/// Answers a refused request with why, in plain text.
fn refuse(stream: TcpStream, refusal: &Refusal, hosts: &AllowedHosts) -> std::io::Result<()> {
    let (status, text) = match refusal {
        Refusal::TooLarge => (
            "431 Request Header Fields Too Large",
            "request too large or too slow\n".to_string(),
        ),
        Refusal::Malformed(why) => (
            "400 Bad Request",
            format!("bad request: {why}\n{}", hosts.explanation()),
        ),
        Refusal::Version => (
            "505 HTTP Version Not Supported",
            "HTTP/1.1 only\n".to_string(),
        ),
        Refusal::Method => ("405 Method Not Allowed", "GET only\n".to_string()),
        Refusal::Host => ("403 Forbidden", hosts.explanation()),
        Refusal::CrossSite => (
            "403 Forbidden",
            "dossier serve answers other web sites' pages only by opening a page in a tab.\n"
                .to_string(),
        ),
    };
    send(
        stream,
        status,
        "text/plain; charset=utf-8",
        text.as_bytes(),
        false,
    )
}

/// Answers one HTTP/1.1 request; the connection is closed after it, except for the event stream.
fn respond(stream: TcpStream, shared: &Shared, hosts: &AllowedHosts) -> std::io::Result<()> {
    let head = match read_request_head(&stream)? {
        Ok(head) => head,
        Err(refusal) => return refuse(stream, &refusal, hosts),
    };
    let Request { path, head_only } = match parse_request(&head, hosts) {
        Ok(request) => request,
        Err(refusal) => return refuse(stream, &refusal, hosts),
    };
    match path {
        EVENTS => return events(stream, shared),
        SCRIPT => {
            return send(
                stream,
                "200 OK",
                "text/javascript; charset=utf-8",
                LIVE_JS.as_bytes(),
                head_only,
            )
        }
        _ => {}
    }
    match resolve(&shared.out, path) {
        Resolved::File(file) => {
            wait_until_current(shared, &file);
            let kind = content_type(&file);
            let mut opened = std::fs::File::open(&file)?;
            let length = opened.metadata()?.len();
            if kind.starts_with("text/html") && length <= MAX_RELOADED_PAGE {
                let mut page = Vec::new();
                (&mut opened)
                    .take(MAX_RELOADED_PAGE)
                    .read_to_end(&mut page)?;
                send(stream, "200 OK", &kind, &with_live_reload(page), head_only)
            } else {
                send_file(stream, &kind, opened, length, head_only)
            }
        }
        Resolved::Folder(location) => {
            let head = format!(
                "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            let mut stream = stream;
            write_within_deadline(&mut stream, head.as_bytes())
        }
        Resolved::Missing => {
            let page =
                std::fs::read(shared.out.join(crate::urls::NOT_FOUND_FILE)).unwrap_or_else(|_| {
                    b"<!DOCTYPE html><title>Not found</title><p>Not found</p>".to_vec()
                });
            send(
                stream,
                "404 Not Found",
                "text/html; charset=utf-8",
                &with_live_reload(page),
                head_only,
            )
        }
    }
}

/// Reads the request line and headers: at most [`MAX_REQUEST_HEAD`] bytes within
/// [`REQUEST_DEADLINE`], in UTF-8.
fn read_request_head(stream: &TcpStream) -> std::io::Result<Result<String, Refusal>> {
    let deadline = Instant::now() + REQUEST_DEADLINE;
    let mut reader = BufReader::new(stream.try_clone()?.take(MAX_REQUEST_HEAD as u64));
    let mut head = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(Err(Refusal::TooLarge));
        }
        stream.set_read_timeout(Some(left))?;
        let start = head.len();
        match reader.read_until(b'\n', &mut head) {
            Ok(0) => return Ok(Err(Refusal::TooLarge)),
            Ok(_) if !head.ends_with(b"\n") => return Ok(Err(Refusal::TooLarge)),
            Ok(_) if start > 0 && matches!(&head[start..], b"\r\n" | b"\n") => {
                head.truncate(start);
                return Ok(String::from_utf8(head)
                    .map_err(|_| Refusal::Malformed("the request is not UTF-8 text")));
            }
            Ok(_) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                return Ok(Err(Refusal::TooLarge))
            }
            Err(e) => return Err(e),
        }
    }
}

/// Waits while a rebuild is still writing the pages that list an edit, unless `file` is one of
/// those already written.
fn wait_until_current(shared: &Shared, file: &Path) {
    let relative = file
        .strip_prefix(&shared.out)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let status = shared.status();
    let _ = shared
        .changed
        .wait_timeout_while(status, Duration::from_secs(30), |status| {
            status
                .settling
                .as_ref()
                .is_some_and(|current| !current.contains(&relative))
        });
}

enum Resolved {
    File(PathBuf),
    /// A folder asked for without its trailing slash: where to redirect.
    Folder(String),
    Missing,
}

/// The file an URL path names inside `root`, refusing anything that would leave it: `..` in
/// any spelling (`%2e%2e`, backslashes), and symbolic links that point outside. Names that
/// start with a dot are dossier's own (the folder's marker, files being written): a build
/// never publishes one.
fn resolve(root: &Path, url_path: &str) -> Resolved {
    let Some(decoded) = percent_decode(url_path) else {
        return Resolved::Missing;
    };
    if decoded.contains('\\') || decoded.contains('\0') {
        return Resolved::Missing;
    }
    let mut path = root.to_path_buf();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) if part.to_string_lossy().starts_with('.') => {
                return Resolved::Missing
            }
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return Resolved::Missing,
        }
    }
    let (Ok(real_root), Ok(real)) = (root.canonicalize(), path.canonicalize()) else {
        return Resolved::Missing;
    };
    if !real.starts_with(&real_root) {
        return Resolved::Missing;
    }
    if real.is_dir() {
        if !url_path.ends_with('/') {
            // One leading slash: `//meetings/` would send the browser to a host `meetings`.
            return Resolved::Folder(format!("/{}/", url_path.trim_start_matches('/')));
        }
        let index = real.join("index.html");
        return if index.is_file() {
            Resolved::File(index)
        } else {
            Resolved::Missing
        };
    }
    if real.is_file() {
        Resolved::File(real)
    } else {
        Resolved::Missing
    }
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            // from_str_radix would also take a sign: `%+2` is no escape.
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type of a served file, by its extension; text in UTF-8, as dossier writes it.
fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(mime.subtype().as_str(), "javascript" | "json" | "xml")
        || mime.suffix().is_some_and(|suffix| {
            suffix == mime_guess::mime::XML || suffix == mime_guess::mime::JSON
        });
    if textual {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    }
}

/// The live-reload script goes into pages only as they are served, never into built files.
fn with_live_reload(mut html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT}\"></script>");
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    html.splice(at..at, tag.into_bytes());
    html
}

fn response_head(status: &str, kind: &str, length: u64) -> String {
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {length}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
    )
}

/// Sends a file as it is on disk, in chunks: memory stays the same whatever its size and however
/// many download it at once. The file is replaced by rename when rebuilt, never rewritten, so the
/// open file keeps the length read first.
fn send_file(
    mut stream: TcpStream,
    kind: &str,
    file: std::fs::File,
    length: u64,
    head_only: bool,
) -> std::io::Result<()> {
    write_within_deadline(
        &mut stream,
        response_head("200 OK", kind, length).as_bytes(),
    )?;
    if head_only {
        return Ok(());
    }
    let mut file = file.take(length);
    let mut chunk = vec![0; WRITE_CHUNK];
    loop {
        let read = file.read(&mut chunk)?;
        if read == 0 {
            return Ok(());
        }
        write_within_deadline(&mut stream, &chunk[..read])?;
    }
}

fn send(
    mut stream: TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    write_within_deadline(
        &mut stream,
        response_head(status, kind, body.len() as u64).as_bytes(),
    )?;
    if !head_only {
        for chunk in body.chunks(WRITE_CHUNK) {
            write_within_deadline(&mut stream, chunk)?;
        }
    }
    Ok(())
}

/// Writes `bytes` (at most a [`WRITE_CHUNK`]) within [`WRITE_DEADLINE`], or fails.
fn write_within_deadline(stream: &mut TcpStream, bytes: &[u8]) -> std::io::Result<()> {
    let deadline = Instant::now() + WRITE_DEADLINE;
    let mut rest = bytes;
    while !rest.is_empty() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(std::io::ErrorKind::TimedOut.into());
        }
        stream.set_write_timeout(Some(left))?;
        match stream.write(rest) {
            Ok(0) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(written) => rest = &rest[written..],
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Server-sent events: `reload` after each good build, `failure` with the error after a bad one.
fn events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    write_within_deadline(
        &mut stream,
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n",
    )?;
    let mut seen = {
        let status = shared.status();
        if let Some(error) = &status.error {
            write_within_deadline(&mut stream, failure_event(error).as_bytes())?;
        }
        status.generation
    };
    write_within_deadline(&mut stream, b": connected\n\n")?;
    loop {
        let status = {
            let guard = shared.status();
            let (guard, _) = shared
                .changed
                .wait_timeout_while(guard, Duration::from_secs(15), |s| s.generation == seen)
                .unwrap_or_else(|e| e.into_inner());
            guard.clone()
        };
        let message = if status.generation == seen {
            ": keep-alive\n\n".to_string()
        } else {
            seen = status.generation;
            match &status.error {
                Some(error) => failure_event(error),
                None => format!("event: reload\ndata: {seen}\n\n"),
            }
        };
        write_within_deadline(&mut stream, message.as_bytes())?;
    }
}

/// The error as one `failure` event: every line of it a `data:` field. Event streams end a line
/// at CR, LF or CRLF, so a lone CR in a source line must split it too, or it would start a
/// field of its own.
fn failure_event(error: &str) -> String {
    let data: String = error
        .replace("\r\n", "\n")
        .split(['\r', '\n'])
        .map(|line| format!("data: {line}\n"))
        .collect();
    format!("event: failure\n{data}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_out_of_the_served_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("site/a")).unwrap();
        std::fs::write(dir.path().join("site/a/index.html"), "a").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "s").unwrap();
        let root = dir.path().join("site");
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt")).unwrap();
        for bad in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/a/..%5c..%5csecret.txt",
            "/link.txt",
            "/.dossier-build",
            "/%2edossier-build",
            "/a/.index.html.dossier-part",
            "/%",
            "/a%+2e",
            "/a%00",
        ] {
            assert!(matches!(resolve(&root, bad), Resolved::Missing), "{bad}");
        }
        assert!(matches!(resolve(&root, "/a/"), Resolved::File(_)));
        assert_eq!(percent_decode("/%2e%41").as_deref(), Some("/.A"));
        for not_an_escape in ["%+2e", "%-1", "%2", "%é1"] {
            assert_eq!(percent_decode(not_an_escape), None, "{not_an_escape}");
        }
        assert!(matches!(resolve(&root, "/a"), Resolved::Folder(ref to) if to == "/a/"));
    }

    #[test]
    fn content_types_come_from_the_extension_with_utf8_for_text() {
        for (name, expected) in [
            ("index.html", "text/html; charset=utf-8"),
            ("static/style.css", "text/css; charset=utf-8"),
            ("calendar.ics", "text/calendar; charset=utf-8"),
            ("tasks.json", "application/json; charset=utf-8"),
            ("feed.xml", "text/xml; charset=utf-8"),
            ("static/favicon.svg", "image/svg+xml; charset=utf-8"),
            ("static/logo.png", "image/png"),
            ("static/report.pdf", "application/pdf"),
            ("static/unknown.zz9", "application/octet-stream"),
        ] {
            assert_eq!(content_type(Path::new(name)), expected, "{name}");
        }
        assert!(content_type(Path::new("search/index.js")).ends_with("javascript; charset=utf-8"));
    }

    #[test]
    fn the_reload_script_goes_before_the_end_of_the_body() {
        let html = with_live_reload(b"<html><body><p>x</p></body></html>".to_vec());
        assert_eq!(
            String::from_utf8(html).unwrap(),
            "<html><body><p>x</p><script src=\"/__dossier/live.js\"></script></body></html>"
        );
    }
}
