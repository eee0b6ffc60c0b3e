//! What serve reads of a request before it answers: the request line and headers, parsed
//! strictly, and whether the request is for this preview at all (its Host, and fetch metadata
//! that says another web site made it).

use std::net::SocketAddr;

/// The names a request may be addressed to. A page on any web site can make its own name
/// resolve to 127.0.0.1 (DNS rebinding) and then read the answers as its own; the Host it
/// sends is still its own name, so only the loopback names are answered, as Vite's and
/// webpack's dev servers do.
pub(super) struct AllowedHosts {
    pub(super) port: u16,
    /// Listening on an address other machines reach (`--bind`): they ask for it by address.
    /// An address is never a rebinding attacker's name, so any address is answered.
    pub(super) addresses_too: bool,
}

impl AllowedHosts {
    pub(super) fn of(listening: SocketAddr) -> AllowedHosts {
        AllowedHosts {
            port: listening.port(),
            addresses_too: !listening.ip().is_loopback(),
        }
    }

    /// Whether a Host header names this server: a loopback name, with no port or the served
    /// one, in any case.
    pub(super) fn allow(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        let (name, port) = match host.strip_prefix('[') {
            Some(bracketed) => match bracketed.split_once(']') {
                Some((address, "")) => (address, None),
                Some((address, rest)) => match rest.strip_prefix(':') {
                    Some(port) => (address, Some(port)),
                    None => return false,
                },
                None => return false,
            },
            None => match host.split_once(':') {
                Some((name, port)) => (name, Some(port)),
                None => (host.as_str(), None),
            },
        };
        let port_matches = port.is_none_or(|port| {
            port.is_empty()
                || (port.bytes().all(|b| b.is_ascii_digit()) && port.parse() == Ok(self.port))
        });
        let bracketed = host.starts_with('[');
        let name_matches = if bracketed {
            name == "::1" || (self.addresses_too && name.parse::<std::net::Ipv6Addr>().is_ok())
        } else {
            name == "localhost"
                || name == "127.0.0.1"
                || (self.addresses_too && name.parse::<std::net::Ipv4Addr>().is_ok())
        };
        port_matches && name_matches
    }

    /// Why a request was refused, for whoever opened it.
    pub(super) fn explanation(&self) -> String {
        let port = self.port;
        let addresses = if self.addresses_too {
            ", or an IP address of this machine"
        } else {
            ""
        };
        format!(
            "dossier serve answers only requests for localhost, 127.0.0.1 or [::1] (port {port}){addresses}, so that no other web site can read the preview under its own name.\nOpen http://localhost:{port}/ instead.\n"
        )
    }
}

/// A request serve answers.
#[derive(Debug, PartialEq)]
pub(super) struct Request<'a> {
    pub(super) path: &'a str,
    pub(super) head_only: bool,
}

/// Why a request is not answered.
#[derive(Debug, PartialEq)]
pub(super) enum Refusal {
    TooLarge,
    Malformed(&'static str),
    Version,
    Method,
    /// For another name than this server's own.
    Host,
    /// Made by a page of another site for something other than opening a page.
    CrossSite,
}

/// Reads the request line and headers: only GET and HEAD of a path, in HTTP/1.0 or 1.1, with
/// exactly one Host (HTTP/1.0 may leave it out) that [`AllowedHosts`] answers. Anything a
/// parser could read two ways (folded or spaced header names, a stray CR) is refused.
/// The headers a request is judged by: where it says it is sent to, and its fetch metadata.
struct Headers<'a> {
    host: Option<&'a str>,
    fetch_site: Option<&'a str>,
    fetch_mode: Option<&'a str>,
    fetch_dest: Option<&'a str>,
}

/// Reads the header lines strictly: no folded lines, a token before each colon, one Host.
fn headers<'a>(lines: impl Iterator<Item = &'a str>) -> Result<Headers<'a>, Refusal> {
    let mut found = Headers {
        host: None,
        fetch_site: None,
        fetch_mode: None,
        fetch_dest: None,
    };
    for line in lines {
        if line.starts_with([' ', '\t']) {
            return Err(Refusal::Malformed("folded header lines are not accepted"));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(Refusal::Malformed("a header line without a colon"));
        };
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return Err(Refusal::Malformed("a header name that is not a token"));
        }
        let value = Some(value.trim_matches([' ', '\t']));
        if name.eq_ignore_ascii_case("host") {
            if found.host.is_some() {
                return Err(Refusal::Malformed("more than one Host header"));
            }
            found.host = value;
        } else if name.eq_ignore_ascii_case("sec-fetch-site") {
            found.fetch_site = found.fetch_site.or(value);
        } else if name.eq_ignore_ascii_case("sec-fetch-mode") {
            found.fetch_mode = found.fetch_mode.or(value);
        } else if name.eq_ignore_ascii_case("sec-fetch-dest") {
            found.fetch_dest = found.fetch_dest.or(value);
        }
    }
    Ok(found)
}

pub(super) fn parse_request<'a>(
    head: &'a str,
    hosts: &AllowedHosts,
) -> Result<Request<'a>, Refusal> {
    // RFC 9110 lets a server refuse NUL, CR and the other controls rather than guess.
    if head
        .lines()
        .any(|line| line.chars().any(|c| c.is_control() && c != '\t'))
    {
        return Err(Refusal::Malformed("a control character in the request"));
    }
    let mut lines = head.lines();
    let request_line = lines.next().unwrap_or_default();
    let parts: Vec<&str> = request_line.split(' ').collect();
    let [method, target, version] = parts[..] else {
        return Err(Refusal::Malformed(
            "the request line is not METHOD PATH VERSION",
        ));
    };
    match version {
        "HTTP/1.1" | "HTTP/1.0" => {}
        other if other.starts_with("HTTP/") => return Err(Refusal::Version),
        _ => {
            return Err(Refusal::Malformed(
                "the request line is not METHOD PATH VERSION",
            ))
        }
    }
    let Headers {
        host,
        fetch_site,
        fetch_mode,
        fetch_dest,
    } = headers(lines)?;
    match host {
        Some(host) if !hosts.allow(host) => return Err(Refusal::Host),
        None if version == "HTTP/1.1" => {
            return Err(Refusal::Malformed(
                "an HTTP/1.1 request needs a Host header",
            ))
        }
        _ => {}
    }
    if !from_the_preview_or_opened(fetch_site, fetch_mode, fetch_dest) {
        return Err(Refusal::CrossSite);
    }
    let head_only = match method {
        "GET" => false,
        "HEAD" => true,
        _ => return Err(Refusal::Method),
    };
    if !target.starts_with('/') {
        return Err(Refusal::Malformed("the target is not a path"));
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    Ok(Request { path, head_only })
}

/// Whether a browser's request comes from the preview's own pages, or opens a page (a typed
/// address, a bookmark, a link followed from elsewhere), by its fetch metadata. A page of
/// another site can still ask for the preview's files under 127.0.0.1, and read a script's
/// effects: `<script src=".../search/d-0.js">` would hand the briefings' text to its own
/// `dossierSearch`. Such requests say `Sec-Fetch-Site: cross-site` (or `same-site`, another
/// port of the same host); they are answered only when they open a page in a tab, whose text
/// the other site cannot read. Clients that send no fetch metadata are not browsers' pages.
pub(super) fn from_the_preview_or_opened(
    site: Option<&str>,
    mode: Option<&str>,
    dest: Option<&str>,
) -> bool {
    let is =
        |value: Option<&str>, wanted: &str| value.is_some_and(|v| v.eq_ignore_ascii_case(wanted));
    site.is_none()
        || is(site, "same-origin")
        || is(site, "none")
        || (is(mode, "navigate") && is(dest, "document"))
}

/// The characters of a header name (RFC 9110 `tchar`).
pub(super) fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> AllowedHosts {
        AllowedHosts::of("127.0.0.1:1111".parse().unwrap())
    }

    #[test]
    fn only_loopback_names_with_the_served_port_are_allowed_hosts() {
        let hosts = loopback();
        for allowed in [
            "localhost",
            "LOCALHOST",
            "localhost:1111",
            "localhost:",
            "127.0.0.1",
            "127.0.0.1:1111",
            "[::1]",
            "[::1]:1111",
            "127.0.0.1:01111",
        ] {
            assert!(hosts.allow(allowed), "{allowed}");
        }
        for refused in [
            "",
            "evil.example",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "localhost:1112",
            "localhost:+1111",
            "localhost:1111:1111",
            "localhost.",
            "::1",
            "[::1",
            "[::1]x",
            "[::1]:1111x",
            "127.1",
            "127.0.0.2",
            "192.168.1.5",
            "[::ffff:127.0.0.1]",
            "user@localhost",
        ] {
            assert!(!hosts.allow(refused), "{refused}");
        }
        // Listening for other machines: they ask by address, never by a name of the attacker's.
        let network = AllowedHosts::of("0.0.0.0:1111".parse().unwrap());
        for allowed in ["192.168.1.5:1111", "[fe80::1]:1111", "localhost"] {
            assert!(network.allow(allowed), "{allowed}");
        }
        for refused in ["evil.example", "192.168.1.5.nip.io", "192.168.1.5:80"] {
            assert!(!network.allow(refused), "{refused}");
        }
    }

    #[test]
    fn requests_that_could_be_read_two_ways_are_refused() {
        let hosts = loopback();
        let parse = |head: &'static str| parse_request(head, &hosts);
        assert_eq!(
            parse("GET /a/?q#f HTTP/1.1\r\nHost: localhost\r\n"),
            Ok(Request {
                path: "/a/",
                head_only: false
            })
        );
        assert_eq!(
            parse("HEAD / HTTP/1.0\r\n"),
            Ok(Request {
                path: "/",
                head_only: true
            })
        );
        assert_eq!(
            parse("GET / HTTP/1.1\r\nHost: evil.example\r\n"),
            Err(Refusal::Host)
        );
        assert_eq!(
            parse("POST / HTTP/1.1\r\nHost: localhost\r\n"),
            Err(Refusal::Method)
        );
        assert_eq!(
            parse("GET / HTTP/2.0\r\nHost: localhost\r\n"),
            Err(Refusal::Version)
        );
        for malformed in [
            "GET / HTTP/1.1\r\n",
            "GET /\r\nHost: localhost\r\n",
            "GET  / HTTP/1.1\r\nHost: localhost\r\n",
            "GET / HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n",
            "GET / HTTP/1.1\r\nHost : evil.example\r\n",
            "GET / HTTP/1.1\r\nX: a\r\n Host: evil.example\r\n",
            "GET / HTTP/1.1\r\nHost: localhost\r\nX: a\rHost: evil\r\n",
            "GET / HTTP/1.1\r\nHost localhost\r\n",
            "GET http://localhost/ HTTP/1.1\r\nHost: localhost\r\n",
            "GET * HTTP/1.1\r\nHost: localhost\r\n",
            "GET / HTTP/1.1\r\nHost: localhost\r\nX: a\0b\r\n",
            "GET / HTTP/1.1\r\nHost: localhost\r\nX: a\x0bb\r\n",
            "GET /\x01 HTTP/1.1\r\nHost: localhost\r\n",
        ] {
            assert!(
                matches!(parse(malformed), Err(Refusal::Malformed(_))),
                "{malformed:?}"
            );
        }
    }

    #[test]
    fn only_the_previews_own_requests_and_opened_pages_answer_other_sites() {
        let hosts = loopback();
        let request = |metadata: &str| {
            parse_request(
                &format!("GET / HTTP/1.1\r\nHost: localhost\r\n{metadata}"),
                &hosts,
            )
            .map(|_| ())
        };
        for answered in [
            "",
            "Sec-Fetch-Site: same-origin\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: script\r\n",
            "Sec-Fetch-Site: none\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: document\r\n",
            "sec-fetch-site: Cross-Site\r\nsec-fetch-mode: navigate\r\nsec-fetch-dest: document\r\n",
        ] {
            assert_eq!(request(answered), Ok(()), "{answered:?}");
        }
        for refused in [
            "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors\r\nSec-Fetch-Dest: script\r\n",
            "Sec-Fetch-Site: same-site\r\nSec-Fetch-Mode: cors\r\nSec-Fetch-Dest: empty\r\n",
            "Sec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: navigate\r\nSec-Fetch-Dest: iframe\r\n",
            "Sec-Fetch-Site: cross-site\r\n",
        ] {
            assert_eq!(request(refused), Err(Refusal::CrossSite), "{refused:?}");
        }
    }
}
