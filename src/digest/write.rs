//! A digest as an e-mail: HTML that Outlook's Word-based renderer shows as meant (one table of
//! 600 pixels, inline styles only, no script, no image, no web font) and the same in plain text.
//! Every word from the site is escaped.

use super::{AccountPart, Digest, Line};
use crate::escape::escape_html;
use std::fmt::Write;

const RED: &str = "#b42318";
const MUTED: &str = "#5b6472";
const INK: &str = "#1b1f24";
const RULE: &str = "#d8dde3";
const FONT: &str = "font-family:Segoe UI,Helvetica,Arial,sans-serif";

/// The sections of an account's part, in the order a reader acts on them.
fn sections(part: &AccountPart) -> [(&'static str, &[Line], bool); 7] {
    [
        ("Overdue", &part.overdue, true),
        ("Due this week", &part.this_week, false),
        ("Due next week", &part.next_week, false),
        ("Waiting longest, no deadline", &part.waiting, false),
        ("New for you, due later", &part.new, false),
        ("Slipped this week", &part.slipped, false),
        ("Done this week", &part.done, false),
    ]
}

/// The subject line: what needs doing first.
pub(crate) fn subject(digest: &Digest) -> String {
    let overdue = digest.count(|part| part.overdue.len());
    let this_week = digest.count(|part| part.this_week.len());
    let mut counts = Vec::new();
    if overdue > 0 {
        counts.push(format!("{overdue} overdue"));
    }
    if this_week > 0 {
        counts.push(format!("{this_week} due this week"));
    }
    if counts.is_empty() {
        counts.push("nothing due this week".to_string());
    }
    format!(
        "{}: your week of {} ({})",
        digest.site_title,
        digest.week.start.format("%-d %b %Y"),
        counts.join(", ")
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

/// What a line says after its title: deadline, lateness, who shares it, where it was said.
fn details(line: &Line) -> String {
    let mut parts = Vec::new();
    if line.new {
        parts.push("new".to_string());
    }
    match (&line.due, line.days_late) {
        (Some(due), 0) => parts.push(format!("due {due}")),
        (Some(due), 1) => parts.push(format!("due {due}, 1 day late")),
        (Some(due), late) => parts.push(format!("due {due}, {late} days late")),
        (None, _) => {}
    }
    if let Some(note) = &line.note {
        parts.push(note.clone());
    }
    if !line.with.is_empty() {
        parts.push(format!("with {}", line.with.join(", ")));
    }
    parts.push(format!(
        "from {}, {}",
        line.meeting,
        line.meeting_date.format("%-d %b")
    ));
    parts.join(" · ")
}

pub(crate) fn text(digest: &Digest) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Hello {},\n\nYour week in {}, as of {}.\n",
        first_name(digest),
        digest.site_title,
        crate::dates::day_label(digest.week.day, crate::language::Language::English)
    );
    for part in &digest.parts {
        let name = part.account.as_deref().unwrap_or("Other meetings");
        let _ = writeln!(out, "{name}\n{}\n", "=".repeat(name.chars().count()));
        for (title, lines, _) in sections(part) {
            if lines.is_empty() {
                continue;
            }
            let _ = writeln!(out, "{title} ({})", lines.len());
            for line in lines {
                let _ = writeln!(out, "- {}\n  {}\n  {}", line.title, details(line), line.url);
            }
            out.push('\n');
        }
        if part.later > 0 {
            let _ = writeln!(
                out,
                "And {} due later.\n",
                crate::plural(part.later, "task")
            );
        }
    }
    if let Some(page) = &digest.owner_page {
        let _ = writeln!(out, "Everything you owe: {page}");
    }
    let _ = writeln!(out, "-- \nSent by dossier from {}", digest.site_url);
    out
}

pub(crate) fn html(digest: &Digest) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        "<tr><td style=\"padding:24px 24px 8px;{FONT};color:{INK};font-size:15px;line-height:1.5\">\
         <p style=\"margin:0 0 4px\">Hello {},</p>\
         <p style=\"margin:0;color:{MUTED}\">Your week in {}, as of {}.</p></td></tr>",
        escape_html(first_name(digest)),
        escape_html(&digest.site_title),
        escape_html(&crate::dates::day_label(digest.week.day, crate::language::Language::English)),
    );
    for part in &digest.parts {
        let name = part.account.as_deref().unwrap_or("Other meetings");
        let _ = write!(
            body,
            "<tr><td style=\"padding:16px 24px 0;{FONT}\"><h2 style=\"margin:0;font-size:18px;color:{INK};\
             border-bottom:1px solid {RULE};padding-bottom:4px\">{}</h2></td></tr>",
            escape_html(name)
        );
        for (title, lines, alarming) in sections(part) {
            if lines.is_empty() {
                continue;
            }
            let colour = if alarming { RED } else { INK };
            let _ = write!(
                body,
                "<tr><td style=\"padding:12px 24px 0;{FONT}\"><h3 style=\"margin:0 0 4px;font-size:14px;\
                 color:{colour}\">{title} ({})</h3>",
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
                    escape_html(&details(line))
                );
            }
            body.push_str("</td></tr>");
        }
        if part.later > 0 {
            let _ = write!(
                body,
                "<tr><td style=\"padding:4px 24px 0;{FONT};font-size:13px;color:{MUTED}\">And {} due later.</td></tr>",
                crate::plural(part.later, "task")
            );
        }
    }
    let everything = digest.owner_page.as_ref().map_or(String::new(), |page| {
        format!(
            "<a href=\"{}\" style=\"color:#0b57d0\">Everything you owe</a> · ",
            escape_html(page)
        )
    });
    let _ = write!(
        body,
        "<tr><td style=\"padding:20px 24px 24px;{FONT};font-size:13px;color:{MUTED}\">\
         {everything}sent by dossier from <a href=\"{}\" style=\"color:#0b57d0\">{}</a></td></tr>",
        escape_html(&digest.site_url),
        escape_html(&digest.site_title)
    );
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\"><title>{}</title></head>\
         <body style=\"margin:0;padding:0;background:#f3f5f7\">\
         <table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" \
         style=\"background:#f3f5f7\"><tr><td align=\"center\" style=\"padding:16px 8px\">\
         <table role=\"presentation\" width=\"600\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" \
         style=\"width:100%;max-width:600px;background:#ffffff;border:1px solid {RULE}\">{body}</table>\
         </td></tr></table></body></html>\n",
        escape_html(&subject(digest))
    )
}
