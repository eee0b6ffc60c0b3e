//! A recap file as text, whatever it came as: plain text or Markdown, HTML (a page saved from
//! Loop or Outlook), an e-mail (`.eml`, its HTML or text part) or a Word document (`.docx`, as
//! Google Docs exports "Notes by Gemini"). Chosen by content first, so a file saved with the
//! wrong extension still reads. HTML, e-mail and Word are read by crates made for them; what
//! comes out is Markdown-like text: `#` headings, `- ` items, one paragraph a line.

use chrono::NaiveDate;
use std::io::Read;

/// What a recap was given as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InputKind {
    Text,
    Html,
    Email,
    Word,
}

/// A recap's text, with what its container said about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RecapText {
    pub kind: InputKind,
    pub text: String,
    /// An e-mail's subject, which often is the only place the title stands.
    pub subject: Option<String>,
    /// An e-mail's date: the day the recap was sent, a hint for the meeting date.
    pub sent: Option<NaiveDate>,
    /// The names an e-mail's From, To and Cc give: who took part, as far as the mail says.
    pub people: Vec<String>,
    /// The names of an e-mail's To: whom "could you", "pourriez-vous", "könnten Sie" asks.
    pub recipients: Vec<String>,
    /// The mail addresses of its From, To and Cc, whose domains name the companies that met.
    pub addresses: Vec<String>,
    /// The language it is written in, told once from its text.
    pub language: crate::import::language::Language,
}

/// Why a file could not be read as a recap at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InputError(pub String);

/// How large a recap may be, and what the limit is for, in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SizeLimit {
    pub bytes: u64,
    pub of: &'static str,
}

/// Text, HTML and e-mail recaps above this are refused: a recap is a few pages, and reading
/// HTML or an e-mail takes tens of times its size in memory.
pub(crate) const MAX_RECAP_BYTES: u64 = 16 * 1024 * 1024;
/// A Word file may carry pictures beside its text, which are never read.
pub(crate) const MAX_WORD_FILE_BYTES: u64 = 32 * 1024 * 1024;
/// The text of a Word file, unpacked: its `word/document.xml`. A zip of a few kilobytes can
/// unpack to gigabytes.
pub(crate) const MAX_WORD_XML_BYTES: u64 = 64 * 1024 * 1024;

impl SizeLimit {
    const RECAP: SizeLimit = SizeLimit {
        bytes: MAX_RECAP_BYTES,
        of: "text, HTML and e-mail recaps",
    };
    const WORD: SizeLimit = SizeLimit {
        bytes: MAX_WORD_FILE_BYTES,
        of: "Word files",
    };
}

/// The limit for a recap that starts with `head` (its first bytes); `extension` as for
/// [`decode`].
pub(crate) fn size_limit(head: &[u8], extension: &str) -> SizeLimit {
    if is_word(head, extension) {
        SizeLimit::WORD
    } else {
        SizeLimit::RECAP
    }
}

fn is_word(head: &[u8], extension: &str) -> bool {
    head.starts_with(b"PK\x03\x04") || extension == "docx"
}

/// The recap in `bytes`; `extension` (lower case, without the dot) breaks ties.
pub(crate) fn decode(bytes: &[u8], extension: &str) -> Result<RecapText, InputError> {
    if is_word(bytes, extension) {
        return word(bytes);
    }
    let text = utf8(bytes)?;
    if extension == "eml" || looks_like_email(text) {
        return email(bytes);
    }
    if matches!(extension, "html" | "htm") || looks_like_html(text) {
        return Ok(RecapText::of(InputKind::Html, html(text)));
    }
    if matches!(extension, "csv" | "tsv") {
        if let Some(table) = crate::import::exported_table::as_markdown(text) {
            return Ok(RecapText::of(InputKind::Text, table));
        }
    }
    Ok(RecapText::of(
        InputKind::Text,
        properties_as_labels(&normalise_lines(text)),
    ))
}

/// Logseq's and Dataview's properties ("attendees:: [[Ann Peeters]], [[Tom]]", indented under
/// a block) as the labelled lines other notes write ("attendees: Ann Peeters, Tom"), at the
/// line's start: they say what the page is about, not more of the block above. Properties
/// that only file the page ("type::", "tags::") go.
fn properties_as_labels(text: &str) -> String {
    const FILING: &[&str] = &[
        "type",
        "tags",
        "tag",
        "alias",
        "aliases",
        "id",
        "collapsed",
        "template",
        "public",
        "icon",
        "filters",
        "heading",
        "created",
        "updated",
        "cssclass",
        "cssclasses",
    ];
    if !text.contains(":: ") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let property = line.trim().split_once(":: ").filter(|(key, _)| {
            !key.is_empty()
                && key.len() <= 30
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        });
        match property {
            Some((key, _)) if FILING.contains(&key.to_lowercase().as_str()) => continue,
            Some((key, value)) => {
                let value = value.replace("[[", "").replace("]]", "");
                out.push_str(&format!("{key}: {value}"));
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

impl RecapText {
    fn of(kind: InputKind, text: String) -> Self {
        RecapText {
            kind,
            language: crate::import::language::detect(&text),
            text,
            subject: None,
            sent: None,
            people: Vec::new(),
            recipients: Vec::new(),
            addresses: Vec::new(),
        }
    }
}

fn utf8(bytes: &[u8]) -> Result<&str, InputError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => Err(InputError(format!(
            "not valid UTF-8 at byte {}: save the recap as UTF-8 text, or give the .html, .eml or .docx file",
            e.valid_up_to()
        ))),
    }
}

/// Line endings as `\n`, non-breaking spaces as spaces, no trailing spaces. One pass, one
/// copy: a recap of megabytes is not copied once per rule.
fn normalise_lines(text: &str) -> String {
    /// Ends the line that starts at `line_start` without its trailing spaces.
    fn end_line(out: &mut String, line_start: &mut usize) {
        let kept = *line_start + out[*line_start..].trim_end().len();
        out.truncate(kept);
        out.push('\n');
        *line_start = out.len();
    }
    let mut out = String::with_capacity(text.len() + 1);
    let mut line_start = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                end_line(&mut out, &mut line_start);
            }
            '\n' | '\u{2028}' => end_line(&mut out, &mut line_start),
            '\u{a0}' => out.push(' '),
            c => out.push(c),
        }
    }
    if out.len() > line_start {
        end_line(&mut out, &mut line_start);
    }
    out
}

fn looks_like_email(text: &str) -> bool {
    let head: Vec<&str> = text.lines().take_while(|l| !l.trim().is_empty()).collect();
    let header = |name: &str| {
        head.iter().any(|line| {
            line.get(..name.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(name))
        })
    };
    header("From:") && (header("Subject:") || header("MIME-Version:") || header("Content-Type:"))
}

fn looks_like_html(text: &str) -> bool {
    // The start only: lowering the whole recap's case would copy all of it.
    let head: String = text.trim_start().chars().take(2000).collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<')
            && [
                "<p", "<div", "<h1", "<h2", "<h3", "<ul", "<ol", "<table", "<body",
            ]
            .iter()
            .any(|tag| head.contains(tag)))
}

/// HTML as Markdown-like text: headings, list items and table rows each on a line.
fn html(text: &str) -> String {
    // Wide enough that no paragraph is wrapped: a recap line is one statement.
    const NO_WRAP: usize = 100_000;
    let text = tables_as_rows(text);
    // A link is its text: the footnotes of addresses ("[1]: /display/~jdeclercq") are no
    // part of the meeting.
    let rendered = html2text::config::plain()
        .link_footnotes(false)
        .string_from_read(text.as_bytes(), NO_WRAP)
        .unwrap_or_else(|_| text.to_string());
    normalise_lines(&layout_rows_as_lines(&rendered))
}

/// Where a row's cell broke its line (`<br>`, a paragraph), kept through the rendering.
const CELL_BREAK: char = '\u{e000}';

/// A row of one cell is a mail's layout, not a table (Asana and Jira draw each task as one:
/// its title, "Assignee: … · Due date: …", "Project: …" on lines of their own): its lines
/// as they were broken, no row. In a row of several cells a break is a space.
fn layout_rows_as_lines(rendered: &str) -> String {
    if !rendered.contains('|') {
        return rendered.to_string();
    }
    rendered
        .lines()
        .map(|line| {
            let cell = line
                .trim()
                .strip_prefix('|')
                .and_then(|rest| rest.strip_suffix('|'))
                .filter(|cell| !cell.contains(" | "));
            match cell {
                // Its first line leads; the others are its detail, as if indented under it.
                Some(cell) => cell
                    .split(CELL_BREAK)
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
                    .enumerate()
                    .map(|(at, part)| {
                        if at == 0 {
                            part.to_string()
                        } else {
                            format!("  {part}")
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                // A break at the line's start or end was a paragraph's edge, no space.
                None => {
                    let indent = &line[..line.len() - line.trim_start().len()];
                    let text = line.trim_start().trim_matches(CELL_BREAK);
                    format!("{indent}{}", text.replace(CELL_BREAK, " "))
                }
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// An HTML table's rows as paragraphs of cells between `|`, as a Markdown table is read: drawn
/// with box characters instead, a row whose cell wraps would be cut in two and its header lost.
fn tables_as_rows(html: &str) -> std::borrow::Cow<'_, str> {
    static TAGS: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let Some(tags) = TAGS
        .get_or_init(|| {
            regex::Regex::new(r"(?i)<(/?)(table|thead|tbody|tfoot|tr|td|th|p|div|br)\b[^>]*>").ok()
        })
        .as_ref()
    else {
        return std::borrow::Cow::Borrowed(html);
    };
    // Word and Outlook put a paragraph in every cell: inside a row it is a space, or each
    // cell would stand on a line of its own (marked here, and made a space once the row's
    // cells are known).
    let mut in_row = false;
    tags.replace_all(html, |caps: &regex::Captures| {
        let closing = !caps[1].is_empty();
        match (caps[2].to_ascii_lowercase().as_str(), closing) {
            ("tr", false) => {
                in_row = true;
                "<p>| ".to_string()
            }
            ("tr", true) => {
                in_row = false;
                "</p>".to_string()
            }
            ("td" | "th", true) => " | ".to_string(),
            ("p" | "div" | "br", _) if in_row => CELL_BREAK.to_string(),
            ("p" | "div" | "br", _) => caps[0].to_string(),
            _ => String::new(),
        }
    })
}

fn email(bytes: &[u8]) -> Result<RecapText, InputError> {
    let message = mail_parser::MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| InputError("an e-mail whose headers cannot be read".into()))?;
    // The part an e-mail shows: its HTML, or in an e-mail of text alone its text, read as it
    // is rather than made into HTML (as `body_html` does) and read back.
    let text = match message.html_part(0).map(|part| &part.body) {
        Some(mail_parser::PartType::Html(body)) => html(body),
        Some(mail_parser::PartType::Text(body)) => normalise_lines(body),
        _ => match message.body_text(0) {
            Some(body) => normalise_lines(&body),
            None => return Err(InputError("an e-mail with no text or HTML part".into())),
        },
    };
    // A mail pasted as text has its date as the mail program showed it ("Date: Monday, 30
    // November 2026"), which is no RFC 2822 date: read in words then.
    let sent = message
        .date()
        .and_then(|date| {
            NaiveDate::from_ymd_opt(
                i32::from(date.year),
                u32::from(date.month),
                u32::from(date.day),
            )
        })
        .or_else(|| {
            message
                .header_raw("Date")
                .and_then(|raw| crate::import::layouts::meeting_date(raw, None))
        });
    let mut people = Vec::new();
    let mut recipients = Vec::new();
    let mut mail_addresses = Vec::new();
    for (header, addresses) in [message.from(), message.to(), message.cc()]
        .into_iter()
        .enumerate()
        .filter_map(|(header, addresses)| Some((header, addresses?)))
    {
        // Mail the tool sent ("no-reply@zoom.us") names no one.
        let people_only = addresses.iter().filter(|address| {
            let local = address.address().and_then(|a| a.split('@').next());
            !local.is_some_and(|l| l.contains("reply") || l.contains("notification"))
        });
        for address in people_only {
            mail_addresses.extend(address.address().map(str::to_string));
            let name = address.name().map(str::to_string).or_else(|| {
                address
                    .address()
                    .and_then(crate::import::owners::name_of_address)
            });
            if header == 1 {
                recipients.extend(name.clone());
            }
            people.extend(name);
        }
    }
    Ok(RecapText {
        kind: InputKind::Email,
        language: crate::import::language::detect(&text),
        text,
        subject: message.subject().map(str::to_string),
        sent,
        addresses: mail_addresses,
        people,
        recipients,
    })
}

/// The paragraphs of a Word document: headings (styles `Title`, `Heading1`…) as `#` lines, list
/// paragraphs as `- ` items, tables a row per line with cells between `|`.
fn word(bytes: &[u8]) -> Result<RecapText, InputError> {
    let not_word = |why: String| InputError(format!("not a Word (.docx) document: {why}"));
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| not_word(e.to_string()))?;
    let document = archive
        .by_name("word/document.xml")
        .map_err(|e| not_word(e.to_string()))?;
    // A document is text; a bomb of a zip stops here rather than filling memory. The size the
    // zip states is checked first, then what it really unpacks to.
    let too_large = |size: String| {
        InputError(format!(
            "its text (word/document.xml) unpacks to {size}; dossier import reads at most {MAX_WORD_XML_BYTES} bytes ({} MiB) of it",
            MAX_WORD_XML_BYTES / 1024 / 1024
        ))
    };
    if document.size() > MAX_WORD_XML_BYTES {
        return Err(too_large(format!("{} bytes", document.size())));
    }
    let mut xml = String::with_capacity(document.size() as usize);
    document
        .take(MAX_WORD_XML_BYTES + 1)
        .read_to_string(&mut xml)
        .map_err(|e| not_word(e.to_string()))?;
    if xml.len() as u64 > MAX_WORD_XML_BYTES {
        return Err(too_large(format!("more than {MAX_WORD_XML_BYTES} bytes")));
    }
    word_paragraphs(&xml).map_err(not_word)
}

/// What a Word paragraph style makes of the paragraph in Markdown: a heading or an item.
fn style_prefix(style: &str) -> Option<&'static str> {
    match style {
        "title" | "heading1" => Some("# "),
        "heading2" | "subtitle" => Some("## "),
        "heading3" => Some("### "),
        "heading4" | "heading5" | "heading6" => Some("#### "),
        s if s.starts_with("list") => Some("- "),
        _ => None,
    }
}

pub(super) fn word_paragraphs(xml: &str) -> Result<RecapText, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut prefix = "";
    let mut in_text = false;
    let mut in_cell = false;
    let mut row: Vec<String> = Vec::new();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().into_inner() {
                "p" => {
                    paragraph.clear();
                    prefix = "";
                }
                "t" => in_text = true,
                "tab" => paragraph.push(' '),
                "br" => paragraph.push(' '),
                "numPr" => prefix = "- ",
                "tc" => in_cell = true,
                "pStyle" => {
                    let style = e
                        .try_get_attribute("w:val")
                        .ok()
                        .flatten()
                        .map(|a| a.value.to_ascii_lowercase())
                        .unwrap_or_default();
                    prefix = style_prefix(&style).unwrap_or(prefix);
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                paragraph.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_text => {
                match r.resolve_char_ref().map_err(|e| e.to_string())? {
                    Some(c) => paragraph.push(c),
                    None => paragraph.push_str(
                        quick_xml::escape::resolve_predefined_entity(&r).unwrap_or_default(),
                    ),
                }
            }
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_text = false,
                "p" if in_cell => {
                    row.push(paragraph.trim().to_string());
                    paragraph.clear();
                }
                "p" => {
                    let text = paragraph.trim();
                    if !text.is_empty() {
                        out.push_str(prefix);
                        out.push_str(text);
                        out.push('\n');
                    }
                    out.push('\n');
                    paragraph.clear();
                }
                "tc" => in_cell = false,
                "tr" => {
                    out.push_str(&format!("| {} |\n", row.join(" | ")));
                    row.clear();
                }
                "tbl" => out.push('\n'),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(RecapText::of(InputKind::Word, normalise_lines(&out)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_chosen_by_content() {
        assert_eq!(
            decode(b"Weekly\nTopics:\n", "txt").unwrap().kind,
            InputKind::Text
        );
        let html = decode(
            b"<div><h2>Next steps</h2><ul><li>Sam to call</li></ul></div>",
            "txt",
        )
        .unwrap();
        assert_eq!(html.kind, InputKind::Html);
        assert!(html.text.contains("Next steps"), "{}", html.text);
        assert!(html.text.contains("Sam to call"), "{}", html.text);
        let mail = b"From: a@example.com\r\nSubject: Meeting summary for Sync (11/18/2025)\r\nDate: Tue, 18 Nov 2025 17:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nQuick recap\r\nAll good.\r\n";
        let mail = decode(mail, "txt").unwrap();
        assert_eq!(mail.kind, InputKind::Email);
        assert_eq!(
            mail.subject.as_deref(),
            Some("Meeting summary for Sync (11/18/2025)")
        );
        assert_eq!(mail.sent, NaiveDate::from_ymd_opt(2025, 11, 18));
        let pasted = b"From: Ana <a@example.com>\nSubject: Recap\nDate: Monday, 30 November 2026\n\nThanks all.\n";
        assert_eq!(
            decode(pasted, "txt").unwrap().sent,
            NaiveDate::from_ymd_opt(2026, 11, 30)
        );
        assert!(mail.text.contains("All good."));
    }

    #[test]
    fn outliner_properties_become_labels() {
        assert_eq!(
            properties_as_labels(
                "type:: meeting\n- Sync\n  attendees:: [[Ann Peeters]], Tom\n\t- x\n"
            ),
            "- Sync\nattendees: Ann Peeters, Tom\n\t- x\n"
        );
        assert_eq!(properties_as_labels("Note: a :: b\n"), "Note: a :: b\n");
    }

    #[test]
    fn text_loses_bom_crlf_and_nbsp() {
        let text = decode("\u{feff}A\u{a0}B  \r\nC\r\n".as_bytes(), "txt").unwrap();
        assert_eq!(text.text, "A B\nC\n");
    }

    #[test]
    fn invalid_utf8_says_what_to_do() {
        // Lines of names read as fields only in a file named .csv.
        let names =
            b"Attendees: Ann, Tom, Els\nActions: Ann sends the offer, Tom calls, Els books\n";
        assert!(!decode(names, "txt").unwrap().text.contains('|'));
        assert!(decode(names, "csv")
            .unwrap()
            .text
            .contains("| Attendees: Ann | Tom | Els |"));
        let error = decode(b"caf\xe9", "txt").unwrap_err();
        assert!(error.0.contains("byte 3"), "{}", error.0);
    }

    #[test]
    fn word_paragraphs_keep_headings_items_and_tables() {
        let xml = r#"<w:document xmlns:w="w"><w:body>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Sync &amp; plan</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Next steps</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">[Sam] Call: </w:t></w:r><w:r><w:t>today</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Owner</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Task</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
        let text = word_paragraphs(xml).unwrap().text;
        assert!(text.contains("# Sync & plan\n"), "{text}");
        assert!(text.contains("## Next steps\n"), "{text}");
        assert!(text.contains("- [Sam] Call: today\n"), "{text}");
        assert!(text.contains("| Owner | Task |\n"), "{text}");
    }

    #[test]
    fn an_email_of_text_alone_is_read_as_its_text_not_as_html() {
        let mail = b"From: a@example.com\r\nSubject: Sync\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nQuick recap\r\nThe  table: 1 < 2 & 3 > 2.\r\n    Indented line\r\n";
        let text = decode(mail, "eml").unwrap().text;
        assert_eq!(
            text,
            "Quick recap\nThe  table: 1 < 2 & 3 > 2.\n    Indented line\n"
        );
    }

    #[test]
    fn lines_normalised_in_one_pass_are_what_the_rules_one_at_a_time_give() {
        fn by_rules(text: &str) -> String {
            let text = text.replace("\r\n", "\n").replace(['\r', '\u{2028}'], "\n");
            let mut out = String::new();
            for line in text.lines() {
                out.push_str(line.replace('\u{a0}', " ").trim_end());
                out.push('\n');
            }
            out
        }
        for text in [
            "",
            "\n",
            "\r",
            "\r\n\r",
            "a",
            "a \n",
            "a\r\nb\rc\u{2028}d",
            " \u{a0}x\u{a0} \r\n\r\n",
            "a\n\n\nb  ",
            "x\u{a0}\u{a0}",
            "tab\t\n  \n",
            "é \u{3000}\nend\u{85}",
        ] {
            assert_eq!(normalise_lines(text), by_rules(text), "{text:?}");
        }
    }

    #[test]
    fn a_broken_word_file_is_an_error() {
        assert!(decode(b"PK\x03\x04garbage", "docx").is_err());
    }
}
