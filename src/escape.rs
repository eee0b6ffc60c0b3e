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

/// Bytes that may start something [`html_replacement`] changes: the five markup characters,
/// ASCII control characters but tab and line breaks, DEL, and 0xC2, the first byte of the C1
/// control characters (U+0080 to U+009F). Every other byte is copied as it is, in runs.
const MAY_CHANGE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = !matches!(byte, 0x09 | 0x0a | 0x0d);
        byte += 1;
    }
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0x7f] = true;
    table[0xc2] = true;
    table
};

/// Walks `text`, handing `emit` runs of text to copy and the replacements of the characters
/// that change, in order.
fn escape_into<E>(text: &str, mut emit: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    let mut at = 0;
    while at < bytes.len() {
        if !MAY_CHANGE[bytes[at] as usize] {
            at += 1;
            continue;
        }
        // A byte in the table starts a character (0xC2 is never a continuation byte).
        let c = text[at..].chars().next().unwrap_or_default();
        if let Some(replacement) = html_replacement(c) {
            emit(&text[plain_from..at])?;
            emit(replacement)?;
            plain_from = at + c.len_utf8();
        }
        at += c.len_utf8();
    }
    emit(&text[plain_from..])
}

/// Escapes text for HTML element content and quoted attribute values.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let _: Result<(), ()> = escape_into(text, |part| {
        out.push_str(part);
        Ok(())
    });
    out
}

/// [`escape_html`] for Tera's autoescaping, writing runs of plain text in one piece.
pub(crate) fn write_escaped_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    escape_into(text, |part| out.write_all(part.as_bytes()))
}

/// Escapes text for XML (the feed, the sitemap): as HTML, and a carriage return as a reference,
/// since XML parsers would otherwise turn it into a line feed.
pub(crate) fn escape_xml(text: &str) -> String {
    escape_html(text).replace('\r', "&#13;")
}

/// The text of HTML as a reader sees it: tags removed (blocks and line breaks separate words,
/// inline tags such as links and emphasis do not), character references decoded, white space
/// single. What search indexes, and what the customer edition's scan reads.
pub(crate) fn html_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            // An unclosed tag runs to the end.
            rest = "";
            break;
        };
        let name = after[..close].trim_start_matches('/');
        let name = name.split([' ', '/']).next().unwrap_or_default();
        if !matches!(
            name,
            "a" | "em" | "strong" | "code" | "span" | "mark" | "s" | "sup" | "sub"
        ) {
            text.push(' ');
        }
        rest = &after[close + 1..];
    }
    text.push_str(rest);
    let decoded = if text.contains('&') {
        unescape_references(&text)
    } else {
        text
    };
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Character references decoded: the named ones HTML text commonly holds, and numeric ones.
pub(crate) fn unescape_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Bytes, not a slice of the text: the twelfth byte may fall inside a character.
        let end = rest.bytes().take(12).position(|byte| byte == b';');
        match end.and_then(|end| reference(&rest[1..end]).map(|c| (c, end))) {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition: every character through [`html_replacement`], one at a time.
    fn reference(text: &str) -> String {
        text.chars()
            .map(|c| html_replacement(c).map_or_else(|| c.to_string(), str::to_string))
            .collect()
    }

    #[test]
    fn the_byte_scan_escapes_every_character_as_the_table_says() {
        let every_char: String = (0u32..0x3000)
            .chain([0xfeff, 0xfffd, 0x1f600])
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(escape_html(&every_char), reference(&every_char));
        for text in [
            "",
            "plain",
            "a<b>&\"c'",
            "\u{85}x\u{9f}\u{a0}é\u{7f}\t\n\r\u{1}",
            "ĂÂ\u{80}",
        ] {
            assert_eq!(escape_html(text), reference(text), "{text:?}");
            let mut written = Vec::new();
            write_escaped_html(text, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), reference(text));
        }
        assert_eq!(
            escape_html("<a href=\"x\">&</a>"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }

    /// An ampersand followed by any text, with a character of any width at any of the bytes a
    /// reference may span, decodes without a panic; escaped text decodes back to itself.
    #[test]
    fn references_decode_whatever_follows_an_ampersand() {
        for c in ['é', '€', '😀', ';', '&', 'a'] {
            for before in 0..14 {
                let text = format!("&{}{c};&amp;{c}", "x".repeat(before));
                let decoded = unescape_references(&text);
                assert!(decoded.contains(c), "{text:?} → {decoded:?}");
            }
        }
        let text = "Cc : Céline <c@x.be>; Lefèvre & \"Aurélie\" — 5 < 6";
        assert_eq!(unescape_references(&escape_html(text)), text);
    }
}
