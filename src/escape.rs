//! Escaping text for the formats dossier writes: HTML (pages and Tera's autoescape) and XML
//! (the feed and sitemap). One table of replacements serves both.

/// What a character becomes in HTML text and quoted attributes: markup characters as
/// references, control characters (forbidden in HTML and XML, possible through TOML escapes)
/// dropped, the rest as is.
fn html_replacement(c: char) -> Option<&'static str> {
    match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        '\t' | '\n' | '\r' => None,
        c if c.is_control() => Some(""),
        _ => None,
    }
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut plain_from = 0;
    for (at, c) in text.char_indices() {
        if let Some(replacement) = html_replacement(c) {
            out.push_str(&text[plain_from..at]);
            out.push_str(replacement);
            plain_from = at + c.len_utf8();
        }
    }
    out.push_str(&text[plain_from..]);
    out
}

/// [`escape_html`] for Tera's autoescaping, writing runs of plain text in one piece.
pub fn write_escaped_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut plain_from = 0;
    for (at, c) in text.char_indices() {
        if let Some(replacement) = html_replacement(c) {
            out.write_all(&text.as_bytes()[plain_from..at])?;
            out.write_all(replacement.as_bytes())?;
            plain_from = at + c.len_utf8();
        }
    }
    out.write_all(&text.as_bytes()[plain_from..])
}

/// Escapes text for XML (the feed, the sitemap): as HTML, and a carriage return as a reference,
/// since XML parsers would otherwise turn it into a line feed.
pub fn escape_xml(text: &str) -> String {
    escape_html(text).replace('\r', "&#13;")
}
