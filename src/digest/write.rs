//! A digest as an e-mail: HTML that Outlook's Word-based renderer shows as meant (one table of
//! 600 pixels, inline styles only, no script, no image, no web font) and the same in plain text.
//! Every word from the site is escaped.

use super::{AccountPart, Digest, Line, Note};
use crate::escape::escape_html;
use crate::render::words::count_of as count;
use std::fmt::Write;

const RED: &str = "#b42318";
const MUTED: &str = "#5b6472";
const INK: &str = "#1b1f24";
const RULE: &str = "#d8dde3";
/// Where the site's link goes in the closing sentence: a character no word file holds.
const SITE_MARK: &str = "\u{e000}";
const FONT: &str = "font-family:Segoe UI,Helvetica,Arial,sans-serif";

/// The sections of an account's part, in the order a reader acts on them: the key of each
/// one's heading, its lines, and whether it is an alarm.
fn sections(part: &AccountPart) -> [(&'static str, &[Line], bool); 7] {
    [
        ("digest_overdue", &part.overdue, true),
        ("digest_this_week", &part.this_week, false),
        ("digest_next_week", &part.next_week, false),
        ("digest_waiting", &part.waiting, false),
        ("digest_new_later", &part.new, false),
        ("digest_slipped", &part.slipped, false),
        ("digest_done", &part.done, false),
    ]
}

/// The subject line: what needs doing first.
pub(crate) fn subject(digest: &Digest) -> String {
    let overdue = digest.count(|part| part.overdue.len());
    let this_week = digest.count(|part| part.this_week.len());
    let mut counts = Vec::new();
    if overdue > 0 {
        counts.push(
            digest
                .words
                .text("digest_count_overdue", count(overdue), &[]),
        );
    }
    if this_week > 0 {
        counts.push(
            digest
                .words
                .text("digest_count_this_week", count(this_week), &[]),
        );
    }
    if counts.is_empty() {
        counts.push(digest.words.text("digest_nothing_due", None, &[]));
    }
    let language = digest.words.language();
    digest.words.text(
        "digest_subject",
        None,
        &[
            ("site", digest.site_title.clone()),
            ("day", crate::dates::day_label(digest.week.start, language)),
            ("counts", counts.join(", ")),
        ],
    )
}

fn first_name(digest: &Digest) -> &str {
    digest
        .person
        .name
        .split_whitespace()
        .next()
        .unwrap_or(&digest.person.name)
}

/// "Hello Ann," and "Your week in Site, as of Mon 7 Dec 2026.", as the two opening lines.
fn greeting(digest: &Digest) -> [String; 2] {
    let day = crate::dates::day_label(digest.week.day, digest.words.language());
    [
        digest.words.text(
            "digest_hello",
            None,
            &[("name", first_name(digest).to_string())],
        ),
        digest.words.text(
            "digest_intro",
            None,
            &[("site", digest.site_title.clone()), ("day", day)],
        ),
    ]
}

fn account_name<'p>(digest: &Digest, part: &'p AccountPart) -> std::borrow::Cow<'p, str> {
    match &part.account {
        Some(name) => name.into(),
        None => digest.words.text("digest_other_meetings", None, &[]).into(),
    }
}

/// What a line says after its title: deadline, lateness, who shares it, where it was said.
fn details(digest: &Digest, line: &Line) -> String {
    let language = digest.words.language();
    let mut parts = Vec::new();
    if line.new {
        parts.push(digest.words.text("digest_new", None, &[]));
    }
    if let Some(due) = &line.due {
        let due = digest
            .words
            .text("due_date", None, &[("date", due.clone())]);
        parts.push(match line.days_late {
            0 => due,
            late => format!("{due}, {}", digest.words.text("days_late", Some(late), &[])),
        });
    }
    match &line.note {
        Some(Note::Was(date)) => parts.push(digest.words.text(
            "digest_was",
            None,
            &[("date", date.clone())],
        )),
        Some(Note::Said(text)) => parts.push(text.clone()),
        None => {}
    }
    if !line.with.is_empty() {
        parts.push(
            digest
                .words
                .text("digest_with", None, &[("names", line.with.join(", "))]),
        );
    }
    parts.push(digest.words.text(
        "digest_from",
        None,
        &[
            ("meeting", line.meeting.clone()),
            (
                "day",
                crate::dates::short_day_label(line.meeting_date, language),
            ),
        ],
    ));
    parts.join(" · ")
}

pub(crate) fn text(digest: &Digest) -> String {
    let [hello, intro] = greeting(digest);
    let mut out = format!("{hello}\n\n{intro}\n\n");
    for part in &digest.parts {
        let name = account_name(digest, part);
        let _ = writeln!(out, "{name}\n{}\n", "=".repeat(name.chars().count()));
        for (key, lines, _) in sections(part) {
            if lines.is_empty() {
                continue;
            }
            let _ = writeln!(
                out,
                "{} ({})",
                digest.words.text(key, None, &[]),
                lines.len()
            );
            for line in lines {
                let _ = writeln!(
                    out,
                    "- {}\n  {}\n  {}",
                    line.title,
                    details(digest, line),
                    line.url
                );
            }
            out.push('\n');
        }
        if part.later > 0 {
            let _ = writeln!(
                out,
                "{}\n",
                digest.words.text("digest_later", count(part.later), &[])
            );
        }
    }
    if let Some(page) = &digest.owner_page {
        let _ = writeln!(
            out,
            "{}: {page}",
            digest.words.text("digest_everything", None, &[])
        );
    }
    let sent_by = digest
        .words
        .text("digest_sent_by", None, &[("site", digest.site_url.clone())]);
    let _ = writeln!(out, "-- \n{sent_by}");
    out
}

/// One account's part of the HTML: its heading, each section with its lines, the count of
/// what is due later.
fn html_part(digest: &Digest, part: &AccountPart, body: &mut String) {
    let name = account_name(digest, part);
    let _ = write!(
        body,
        "<tr><td style=\"padding:16px 24px 0;{FONT}\"><h2 style=\"margin:0;font-size:18px;color:{INK};\
         border-bottom:1px solid {RULE};padding-bottom:4px\">{}</h2></td></tr>",
        escape_html(&name)
    );
    for (key, lines, alarming) in sections(part) {
        if lines.is_empty() {
            continue;
        }
        let colour = if alarming { RED } else { INK };
        let _ = write!(
            body,
            "<tr><td style=\"padding:12px 24px 0;{FONT}\"><h3 style=\"margin:0 0 4px;font-size:14px;\
             color:{colour}\">{} ({})</h3>",
            escape_html(&digest.words.text(key, None, &[])),
            lines.len()
        );
        for line in lines {
            let _ = write!(
                body,
                "<p style=\"margin:0 0 8px;font-size:14px;line-height:1.4\"><a href=\"{}\" \
                 style=\"color:#0b57d0;text-decoration:underline\">{}</a><br>\
                 <span style=\"color:{MUTED};font-size:13px\">{}</span></p>",
                escape_html(&line.url),
                escape_html(&line.title),
                escape_html(&details(digest, line))
            );
        }
        body.push_str("</td></tr>");
    }
    if part.later > 0 {
        let _ = write!(
            body,
            "<tr><td style=\"padding:4px 24px 0;{FONT};font-size:13px;color:{MUTED}\">{}</td></tr>",
            escape_html(&digest.words.text("digest_later", count(part.later), &[]))
        );
    }
}

pub(crate) fn html(digest: &Digest) -> String {
    let mut body = String::new();
    let [hello, intro] = greeting(digest);
    let _ = write!(
        body,
        "<tr><td style=\"padding:24px 24px 8px;{FONT};color:{INK};font-size:15px;line-height:1.5\">\
         <p style=\"margin:0 0 4px\">{}</p><p style=\"margin:0;color:{MUTED}\">{}</p></td></tr>",
        escape_html(&hello),
        escape_html(&intro),
    );
    for part in &digest.parts {
        html_part(digest, part, &mut body);
    }
    let everything = digest.owner_page.as_ref().map_or(String::new(), |page| {
        format!(
            "<a href=\"{}\" style=\"color:#0b57d0\">{}</a> · ",
            escape_html(page),
            escape_html(&digest.words.text("digest_everything", None, &[]))
        )
    });
    // The site's name is a link inside the sentence: the sentence is escaped with a mark where
    // the name goes, and the link put there.
    let link = format!(
        "<a href=\"{}\" style=\"color:#0b57d0\">{}</a>",
        escape_html(&digest.site_url),
        escape_html(&digest.site_title)
    );
    let sent_by = escape_html(&digest.words.text(
        "digest_sent_by",
        None,
        &[("site", SITE_MARK.to_string())],
    ))
    .replacen(SITE_MARK, &link, 1);
    let _ = write!(
        body,
        "<tr><td style=\"padding:20px 24px 24px;{FONT};font-size:13px;color:{MUTED}\">{everything}{sent_by}</td></tr>"
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title></head>\
         <body style=\"margin:0;padding:0;background:#f3f5f7\">\
         <table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" \
         style=\"background:#f3f5f7\"><tr><td align=\"center\" style=\"padding:16px 8px\">\
         <table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" \
         style=\"width:100%;max-width:600px;background:#ffffff;border:1px solid {RULE}\">{body}</table>\
         </td></tr></table></body></html>\n",
        digest.words.language().code(),
        escape_html(&subject(digest))
    )
}
