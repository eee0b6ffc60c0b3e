//! A chat copied from Teams or Slack as text: each message opens with a line that names its
//! writer, the time on that line ("Verbruggen, Lien  2:05 PM", "Aurélie Dumont  14 h 14") or on
//! the next ("Elke Maes" / "gisteren 16:41"), then its lines. It is rewritten as the lines of
//! an exported chat (`[dd/mm/yyyy, hh:mm] Writer: text`, one per line of a message), which
//! `chat.rs` reads, so that every chat gives each writer their own "ik".
//!
//! A copied chat says no year and often no day ("15:02" today, "gisteren", "5/10"): its days
//! are only put in order, in a year no recap is from ([`ORDER_ONLY_YEAR`]), and never said to
//! be the meeting's date.

use super::mail::{TODAY, YESTERDAY};
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The year of days known only by their order (the year before holds the days a chat gave
/// only as day and month).
const ORDER_ONLY_YEAR: i32 = 1970;

/// Whether a chat's day is known only by its order among the others.
pub(super) fn is_order_only(day: NaiveDate) -> bool {
    (ORDER_ONLY_YEAR - 1..=ORDER_ONLY_YEAR).contains(&day.year())
}

/// Messages a text must have to be read as a chat.
const AT_LEAST: usize = 3;

/// Lines a chat's longest message may have. A longer one is a recap posted in a channel
/// ("Camille Dumont  4:12 PM" over headings and a list of action items), read by its
/// structure instead.
const LONGEST_MESSAGE: usize = 10;

/// What a text's copied messages were read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Too few messages, or a long one with too few replies below it: the text as it was.
    NoChat,
    /// A chat: every message one.
    Chat,
    /// A recap posted in a channel, as it was, and the replies in its thread as a chat.
    ThreadUnderAPost,
}

/// Replies a recap posted in a channel must have below it to be read as its thread.
const THREAD_AT_LEAST: usize = 2;

/// One copied message: the line its opening is on, and its lines as an exported chat's.
struct Copied {
    start: usize,
    lines: Vec<String>,
    body: usize,
}

/// The text with a copied chat's messages as exported chat lines; as it was otherwise. A
/// recap posted in a channel ("Slackbot  14:42" over headings and action items) stays as it
/// is, and the short replies in its thread below it become chat lines, so that "kan je ook de
/// referentiecase toevoegen?" / "Doe ik, tegen maandag" is read as a question taken on.
pub(super) fn as_message_lines(text: &str) -> (Cow<'_, str>, Kind) {
    let lines: Vec<&str> = text.lines().collect();
    let mut before: Vec<String> = Vec::new();
    let mut messages: Vec<Copied> = Vec::new();
    let mut writers: Vec<String> = Vec::new();
    let mut said: Vec<String> = Vec::new();
    let mut current: Option<(String, String)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if let Some((writer, when, taken)) = header(line, lines.get(i + 1).map(|l| l.trim())) {
            // A second opening before any line is a quoted message.
            let quoted = messages.last().is_some_and(|message| message.body == 0);
            if !quoted {
                if !writers.contains(&writer) {
                    writers.push(writer.clone());
                }
                current = Some((writer, stamp_of(&when)));
                messages.push(Copied {
                    start: i,
                    lines: Vec::new(),
                    body: 0,
                });
            }
            i += taken;
            continue;
        }
        i += 1;
        let (Some((writer, stamp)), Some(message)) = (&current, messages.last_mut()) else {
            before.push(line.to_string());
            continue;
        };
        let text = without_edit_mark(line);
        if is_day(text) {
            // Between messages, a day says when they were written: the meeting's date, maybe.
            message.lines.push(text.to_string());
            continue;
        }
        // A quoted message repeats its writer's name and what they said; a reaction ("👍 1")
        // is the app's.
        let quoted = writer_name(text).is_some_and(|name| writers.contains(&name))
            || said.iter().any(|s| s == text);
        if text.is_empty() || quoted || !text.chars().any(char::is_alphabetic) {
            continue;
        }
        message.body += 1;
        said.push(text.to_string());
        message.lines.push(format!("{stamp} {writer}: {text}"));
    }
    if messages.len() < AT_LEAST {
        return (Cow::Borrowed(text), Kind::NoChat);
    }
    fn as_chat(messages: &[Copied]) -> impl Iterator<Item = String> + '_ {
        messages.iter().flat_map(|m| m.lines.iter().cloned())
    }
    match messages.iter().rposition(|m| m.body > LONGEST_MESSAGE) {
        None => {
            let chat = before.into_iter().chain(as_chat(&messages));
            (Cow::Owned(chat.collect::<Vec<_>>().join("\n")), Kind::Chat)
        }
        Some(last_long) if messages.len() - last_long > THREAD_AT_LEAST => {
            let thread = &messages[last_long + 1..];
            let posted = lines[..thread[0].start].iter().map(|line| line.to_string());
            let text = posted.chain(as_chat(thread)).collect::<Vec<_>>().join("\n");
            (Cow::Owned(text), Kind::ThreadUnderAPost)
        }
        Some(_) => (Cow::Borrowed(text), Kind::NoChat),
    }
}

/// A message's opening: its writer and when, and how many lines that took.
fn header(line: &str, next: Option<&str>) -> Option<(String, String, usize)> {
    static SAME_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^(.+?)\s{2,}((?:[[:alpha:]]+\s+)?\d{1,2}(?::| h |h)\d{2}(?:\s*[AaPp][Mm])?)$")
            .ok()
    });
    if let Some(caps) = SAME_LINE.as_ref().and_then(|re| re.captures(line)) {
        let writer = writer_name(&caps[1])?;
        return Some((writer, caps[2].to_string(), 1));
    }
    let writer = writer_name(line)?;
    let when = next.filter(|next| is_time(next))?;
    Some((writer, when.to_string(), 2))
}

/// A line that is only a time, with a day before it: "15:02", "gisteren 16:41", "9/10 14:32",
/// "Yesterday 3:02 PM", "lundi 10 h 05".
fn is_time(line: &str) -> bool {
    static TIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"^(?:[[:alpha:]]+,?\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?,?\s+)?\d{1,2}(?::| h |h)\d{2}(?:\s*[AaPp][Mm])?$",
        )
        .ok()
    });
    TIME.as_ref().is_some_and(|re| re.is_match(line))
}

/// A writer as a chat names them: "Elke Maes", "Verbruggen, Lien" (as "Lien Verbruggen"),
/// "Jan Van den Broeck": capitalised words, a particle between them, no digits.
fn writer_name(text: &str) -> Option<String> {
    let text = text.trim();
    let name = match text.split_once(", ") {
        Some((last, first)) if !first.contains(' ') => format!("{first} {last}"),
        Some(_) => return None,
        None => text.to_string(),
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let particle = |w: &&str| {
        [
            "van", "de", "den", "der", "le", "la", "du", "von", "el", "da",
        ]
        .contains(w)
    };
    let fits = (1..=4).contains(&words.len())
        && name.chars().count() <= 40
        && words.first().is_some_and(capitalised)
        && words.iter().all(|w| capitalised(w) || particle(w))
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        });
    fits.then_some(name)
}

/// The exported chat's stamp for a copied message's time: its day put in order.
fn stamp_of(when: &str) -> String {
    let day = order_day(when);
    format!(
        "[{:02}/{:02}/{}, 00:00]",
        day.day(),
        day.month(),
        day.year()
    )
}

/// A day that sorts as the copied chat's days do: today, then yesterday, a weekday of this
/// week, a date of before.
fn order_day(when: &str) -> NaiveDate {
    let lower = when.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    let today = NaiveDate::from_ymd_opt(ORDER_ONLY_YEAR, 6, 15).unwrap_or_default();
    if let Some((day, month)) = day_and_month(&lower) {
        // Before any day of this week, in its own order.
        return NaiveDate::from_ymd_opt(ORDER_ONLY_YEAR - 1, month, day).unwrap_or_default();
    }
    // Before a time, "hier" is the French "yesterday" in every chat.
    let back = if YESTERDAY.contains(&first) || first == "hier" {
        1
    } else if first.chars().all(char::is_alphabetic) && !TODAY.contains(&first) {
        2
    } else {
        0
    };
    today - chrono::Days::new(back)
}

fn day_and_month(text: &str) -> Option<(u32, u32)> {
    static DATE: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"(\d{1,2})/(\d{1,2})(?:/\d{2,4})?\s").ok());
    let caps = DATE.as_ref()?.captures(text)?;
    let day = caps[1].parse().ok()?;
    let month = caps[2].parse().ok()?;
    NaiveDate::from_ymd_opt(ORDER_ONLY_YEAR - 1, month, day).map(|_| (day, month))
}

/// A line between messages that only names a day: "Wednesday, September 16", "Aujourd'hui".
fn is_day(text: &str) -> bool {
    let lower = text.to_lowercase();
    let first = lower.split([',', ' ']).next().unwrap_or_default();
    let weekday = crate::language::Language::ALL.iter().any(|language| {
        (0..7)
            .filter_map(|n| chrono::Weekday::try_from(n).ok())
            .any(|day| language.weekday(day).to_lowercase() == first)
    });
    let relative = YESTERDAY.contains(&first) || first == "hier" || TODAY.contains(&first);
    (weekday || relative) && text.split_whitespace().count() <= 4
}

/// "… (modifié)", "… (edited)", "Bewerkt" on a line of its own: the app's mark that a message
/// was changed.
fn without_edit_mark(line: &str) -> &str {
    const MARKS: &[&str] = &["modifié", "edited", "bewerkt", "bearbeitet", "gewijzigd"];
    let mut text = line.trim();
    if MARKS.contains(&text.to_lowercase().as_str()) {
        return "";
    }
    for mark in MARKS {
        text = text
            .strip_suffix(&format!("({mark})"))
            .unwrap_or(text)
            .trim_end();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copied_chat_becomes_one_exported_line_per_line_of_each_message() {
        let copied = "Elke Maes\n5/10 11:20\nHoi allen, de call is woensdag.\n\nPieter Wouters\n\
                      gisteren 16:41\nja\n👍 1\n\nElke Maes\n15:02\nKorte recap van vandaag:\n\
                      - tweede site in scope\n\nVerbruggen, Lien  2:05 PM\nIk stuur de offerte \
                      (edited)\nElke Maes\nKorte recap van vandaag:\non it\n";
        let (lines, kind) = as_message_lines(copied);
        assert_eq!(kind, Kind::Chat);
        assert_eq!(
            lines.lines().collect::<Vec<_>>(),
            [
                "[05/10/1969, 00:00] Elke Maes: Hoi allen, de call is woensdag.",
                "[14/06/1970, 00:00] Pieter Wouters: ja",
                "[15/06/1970, 00:00] Elke Maes: Korte recap van vandaag:",
                "[15/06/1970, 00:00] Elke Maes: - tweede site in scope",
                "[15/06/1970, 00:00] Lien Verbruggen: Ik stuur de offerte",
                "[15/06/1970, 00:00] Lien Verbruggen: on it",
            ]
        );
    }

    #[test]
    fn a_recap_posted_in_a_channel_keeps_its_tasks_and_its_thread_gives_a_question_taken_on() {
        let posted = "#acc-hoeve\n\nSlackbot  09:12\nHuddle-notities: Hoeve – migratie\n\
                      Deelnemers\n@Mira Claes (architect)\n@Tom – Tom Wuyts\n\nSamenvatting\n\
                      De klant wil sneller migreren.\nHet budget is vrijgegeven.\n\
                      De oude server valt vaak uit.\n\nActiepunten\n\
                      ☐ @Mira Claes stuurt de offerte tegen vrijdag.\n\
                      ☐ @Tom plant een workshop begin december.\n\n\
                      Volgende huddle: donderdag 26 november om 10:00.\n\
                      Bekijk de volledige transcriptie · Open in canvas\n👍 3  ✅ 1\n\n3 antwoorden\n\n\
                      Tom Wuyts  09:20\nIk stuur de offerte mee door naar de klant.\n\n\
                      Noor Peeters  09:31\nTop! @Mira Claes kan je ook een referentie toevoegen?\n\n\
                      Mira Claes  09:40\nDoe ik, tegen maandag heb je die versie.\n";
        let recap = super::super::tests::recap_of(posted, "txt");
        let tasks: Vec<(&str, &[String], &str)> = recap
            .tasks
            .iter()
            .map(|t| {
                (
                    t.title.as_str(),
                    t.owners.as_slice(),
                    t.description.as_str(),
                )
            })
            .collect();
        assert_eq!(tasks.len(), 3, "{tasks:#?}");
        assert!(tasks[0].0.contains("offerte") && tasks[0].1 == ["Mira Claes"]);
        // "@Tom – Tom Wuyts": the display name and whom it stands for, who took part.
        assert!(
            tasks[1].0.contains("workshop") && tasks[1].1 == ["Tom"],
            "{tasks:#?}"
        );
        assert!(recap.participants.contains(&"Tom Wuyts".to_string()));
        // Asked in the thread, taken on with a day; "Ik stuur de offerte mee door" repeats.
        assert!(tasks[2].0.contains("referentie") && tasks[2].1 == ["Mira Claes"]);
        assert!(tasks[2].2.contains("tegen maandag"), "{tasks:#?}");
    }

    #[test]
    fn a_text_with_fewer_messages_or_none_is_left_as_it_is() {
        let minutes = "Aanwezig\nJan Peeters\n10:00\nnotities\n";
        assert_eq!(
            as_message_lines(minutes),
            (Cow::Borrowed(minutes), Kind::NoChat)
        );
        assert!(writer_name("Jan Peeters").is_some());
        assert!(writer_name("Actie 3").is_none());
        assert!(writer_name("Next steps for the team").is_none());
    }
}
