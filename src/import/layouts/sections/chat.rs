//! A chat exported or copied as text, as a team keeps its account's group in WhatsApp:
//! "[05/10/2026, 16:43:12] Elise Wouters: POC AVD neem ik op mij. Ik stuur Kurt het testplan
//! tegen donderdag". Each message has its own writer, so "ik" is a different person on each
//! line; the meeting is the day a message says it was ("Goeie meeting vandaag"), and what was
//! said before that day is context, never a task.

use super::Reader;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// One message: its day, who wrote it, what it says.
pub(super) struct Message<'a> {
    pub day: NaiveDate,
    pub writer: &'a str,
    pub text: &'a str,
}

/// The chat's messages, read whole before any is taken for a task: a message's day says
/// whether it was written before the meeting only once a later one says which day that was.
#[derive(Default)]
pub(super) struct Chat {
    /// Each message, in order.
    messages: Vec<Kept>,
    /// The day a message said the meeting was: "meeting vandaag", "réunion aujourd'hui".
    meeting: Option<NaiveDate>,
    /// The replies in a thread under a recap posted in a channel: "on it", "will send it
    /// Monday as promised" take on the recap's tasks again; only a question put to someone
    /// and the answer that takes it on are tasks of their own.
    pub(super) under_a_post: bool,
}

/// A message kept until the chat is read whole.
struct Kept {
    day: NaiveDate,
    writer: String,
    text: String,
    /// Not the message that says the meeting was today: it opens the list of what was
    /// promised.
    may_hold_tasks: bool,
}

/// A chat message's line: WhatsApp's on iOS ("[05/10/2026, 16:43:12] Name: text") and Android
/// ("05/10/2026, 16:43 - Name: text"), dotted German dates, a 12-hour clock. The day is read
/// day first, as Belgian phones write it, unless its numbers say otherwise.
pub(super) fn message(line: &str) -> Option<Message<'_>> {
    static LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"^\u{200e}?\[?(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4}),?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?\]?\s*(?:[-–]\s+)?([^:\[\]]+?):\s+(.+)$",
        )
        .ok()
    });
    let caps = LINE.as_ref()?.captures(line.trim())?;
    let number = |i: usize| caps[i].parse::<u32>().ok();
    let (first, second) = (number(1)?, number(2)?);
    let year = number(3)?;
    let year = i32::try_from(if year < 100 { 2000 + year } else { year }).ok()?;
    let (day, month) = if second > 12 {
        (second, first)
    } else {
        (first, second)
    };
    // A writer's name is short; its length is checked here rather than counted in the
    // pattern, where a counted class of every character is slow to build.
    let writer = caps.get(4)?.as_str().trim();
    if writer.chars().count() > 60 {
        return None;
    }
    Some(Message {
        day: NaiveDate::from_ymd_opt(year, month, day)?,
        writer,
        text: caps.get(5)?.as_str().trim(),
    })
}

/// What the app writes itself: that the chat is encrypted, who made the group, a photo left out
/// of the export.
fn said_by_the_app(text: &str) -> bool {
    const APP: &[&str] = &[
        "end-to-end",
        "versleuteld",
        "chiffrés de bout en bout",
        "ende-zu-ende",
        "omitted",
        "weggelaten",
        "omis",
        "weggelassen",
        "<media",
        "heeft deze groep aangemaakt",
        "created group",
        "created this group",
        "a créé ce groupe",
        "hat die gruppe erstellt",
        "this message was deleted",
        "dit bericht is verwijderd",
    ];
    let lower = text.to_lowercase();
    text.starts_with('\u{200e}') || APP.iter().any(|said| lower.contains(said))
}

/// An answer that takes on what was asked ("doe ik", "ok, komt in orde", "on it", "ok je m'en
/// occupe", "mach ich"): what it says after that, if anything.
fn taken_on(sentence: &str) -> Option<String> {
    const TAKEN: &[&str] = &[
        "doe ik",
        "neem ik",
        "komt in orde",
        "ik doe",
        "ik neem",
        "ik pak",
        "ok",
        "oké",
        "okay",
        "on it",
        "will do",
        "i'll take",
        "i can take",
        "i'll do",
        "sure",
        "je m'en occupe",
        "je m'en charge",
        "je prends",
        "d'accord",
        "ça marche",
        "mach ich",
        "übernehme ich",
        "ich übernehme",
        "erledige ich",
        "geht klar",
    ];
    let lower = sentence.trim().to_lowercase();
    if lower.split_whitespace().count() > 12 {
        return None;
    }
    let mut rest = lower.as_str();
    let mut took = false;
    while let Some(after) = TAKEN.iter().find_map(|taken| {
        rest.strip_prefix(*taken)
            .filter(|after| after.is_empty() || after.starts_with(|c: char| !c.is_alphanumeric()))
    }) {
        took = true;
        rest = after.trim_start_matches(|c: char| !c.is_alphanumeric());
    }
    took.then(|| rest.to_string())
}

/// Whether an answer that takes something on says a task of its own ("Komt in orde, ik
/// bereid de verlenging voor tegen 13/10") rather than only taking on what was asked ("doe
/// ik", "I can take that, will revert by Monday").
fn says_more(rest: &str) -> bool {
    const BACK: &[&str] = &[
        "that", "it", "this", "dat", "het", "ça", "cela", "das", "es",
    ];
    let first = rest.split_whitespace().next().unwrap_or_default();
    // "Doe ik, tegen maandag heb je die versie": when it will be done, not something more.
    let opens_with_when = crate::import::deadlines::find(rest, NaiveDate::default(), None)
        .first()
        .is_some_and(|found| found.span.start == 0);
    rest.split_whitespace().count() >= 3
        && !BACK.contains(&first.trim_matches(','))
        && !opens_with_when
}

/// A message that says the meeting was today: "Goeie meeting vandaag", "merci pour la réunion
/// d'aujourd'hui", "Besprechung heute".
fn says_the_meeting_was_today(text: &str) -> bool {
    static TODAY: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:meeting|vergadering|overleg|afspraak|bezoek|call|réunion|reunion|rendez-vous|rdv|besprechung|termin|treffen)\b[^.!?\n]*\b(?:today|vandaag|aujourd['’]hui|ce matin|cet après-midi|heute|this morning|vanmorgen|vanochtend|vanmiddag)\b|\b(?:today|vandaag|aujourd['’]hui|heute)\b[^.!?\n]*\b(?:meeting|vergadering|overleg|call|réunion|besprechung)\b",
        )
        .ok()
    });
    TODAY.as_ref().is_some_and(|re| re.is_match(text))
}

impl Chat {
    /// The meeting's day: the one a message said it was, or else the day most was written.
    pub(super) fn meeting_day(&self) -> Option<NaiveDate> {
        self.meeting.or_else(|| {
            let mut counts: std::collections::BTreeMap<NaiveDate, usize> = Default::default();
            for kept in &self.messages {
                *counts.entry(kept.day).or_default() += 1;
            }
            counts
                .into_iter()
                .max_by_key(|&(day, n)| (n, std::cmp::Reverse(day)))
                .map(|(day, _)| day)
        })
    }
}

impl Reader<'_> {
    /// Keeps one message for [`Reader::chat_tasks`]; what the app writes itself is left out,
    /// and the group's name it writes them under is the recap's title.
    pub(super) fn chat_message(&mut self, message: Message) {
        if said_by_the_app(message.text) {
            if self.recap.title.is_empty() && !self.known.knows(message.writer) {
                self.set_title(message.writer.to_string());
            }
            self.boilerplate.push(message.text.to_string());
            return;
        }
        let says_the_day = self.chat.meeting.is_none() && says_the_meeting_was_today(message.text);
        if says_the_day {
            self.chat.meeting = Some(message.day);
            // The best title a chat without a name has.
            if self.recap.title.is_empty() {
                let first = super::items::sentences(message.text)
                    .first()
                    .map_or(message.text, |first| first)
                    .to_string();
                self.set_title(first);
            }
        }
        self.known.add(message.writer);
        self.chat.messages.push(Kept {
            day: message.day,
            writer: message.writer.to_string(),
            text: message.text.to_string(),
            may_hold_tasks: !says_the_day,
        });
    }

    /// The chat's tasks: each commitment made on the meeting's day or after it, its writer
    /// the "ik" of it; everything else, and all said before the meeting, is notes. The
    /// meeting's day is said to the reader of dates as a label would.
    pub(super) fn chat_tasks(&mut self) {
        let Some(meeting) = self.chat.meeting_day() else {
            return;
        };
        // A copied chat's days are only in order: the text says the meeting's date, if at all.
        if !super::copied_chat::is_order_only(meeting) {
            self.metadata_dates.push(meeting.to_string());
        }
        let writer = self.sender.take();
        // The last question put to the chat, and whether it was already a task (asked of
        // someone by name): an answer that takes it on is its owner's, not a task of its own.
        let mut asked: Option<(String, String, bool)> = None;
        for kept in std::mem::take(&mut self.chat.messages) {
            self.sender = Some(kept.writer.clone());
            let open = kept.may_hold_tasks && kept.day >= meeting;
            for (n, sentence) in super::items::sentences(&kept.text).into_iter().enumerate() {
                // Answered by the next one to write, or not at all.
                let answered_by_other = n == 0
                    && asked
                        .as_ref()
                        .is_some_and(|(asker, _, _)| *asker != kept.writer);
                // "Komt in orde, ik bereid de verlenging voor tegen 13/10" is a task itself.
                let taken = taken_on(sentence);
                let takes_on = taken
                    .as_deref()
                    .is_some_and(|rest| !(says_more(rest) && self.says_a_task(sentence)));
                let answer = if answered_by_other {
                    asked.take().filter(|_| takes_on)
                } else {
                    None
                };
                if let Some((_, question, was_a_task)) = answer.filter(|_| open) {
                    if !was_a_task {
                        self.task(&question);
                        if let Some(task) = self.recap.tasks.last_mut() {
                            task.owners = vec![kept.writer.clone()];
                            // "Doe ik, tegen maandag …" says when: the task's deadline is read
                            // from its description too.
                            if taken.as_deref().is_some_and(|rest| !rest.is_empty()) {
                                super::items::append(&mut task.description, sentence);
                            }
                        }
                    }
                    self.note(&kept.writer, sentence);
                    continue;
                }
                let question = sentence.trim_end().ends_with('?');
                let is_task =
                    open && (question || !self.chat.under_a_post) && self.says_a_task(sentence);
                if question {
                    asked = Some((kept.writer.clone(), sentence.to_string(), is_task));
                }
                if is_task {
                    self.task(sentence);
                } else {
                    self.note(&kept.writer, sentence);
                }
            }
        }
        self.sender = writer;
    }

    /// A point of the chat's one topic, under who wrote it; read for tasks only here.
    fn note(&mut self, writer: &str, text: &str) {
        let topic = self.current_topic();
        self.recap.topics[topic]
            .points
            .push((writer.to_string(), text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_line_gives_its_day_writer_and_text_in_each_form() {
        for (line, day, writer) in [
            (
                "[05/10/2026, 16:43:12] Elise Wouters: POC AVD neem ik op mij.",
                (2026, 10, 5),
                "Elise Wouters",
            ),
            (
                "05/10/2026, 16:43 - Maxime Renard: ok je m'en occupe",
                (2026, 10, 5),
                "Maxime Renard",
            ),
            (
                "[5.10.26, 16:43:12] Jan Heinen: Ich kümmere mich darum.",
                (2026, 10, 5),
                "Jan Heinen",
            ),
            (
                "[10/25/26, 4:43:12 PM] Sander: I'll do it",
                (2026, 10, 25),
                "Sander",
            ),
        ] {
            let message = message(line).unwrap();
            assert_eq!(
                message.day,
                NaiveDate::from_ymd_opt(day.0, day.1, day.2).unwrap(),
                "{line}"
            );
            assert_eq!(message.writer, writer, "{line}");
        }
        assert!(message("Meeting at 16:43 - agenda: none").is_none());
        assert!(message("- [ ] Jan: send the plan").is_none());
    }

    #[test]
    fn the_meeting_is_the_day_a_message_says_it_was() {
        assert!(says_the_meeting_was_today(
            "Goeie meeting vandaag bij Declercq 👌"
        ));
        assert!(says_the_meeting_was_today(
            "Merci pour la réunion d'aujourd'hui"
        ));
        assert!(!says_the_meeting_was_today("Morgen 14u in Eeklo toch?"));
    }

    fn titles_and_owners(recap: &crate::import::recap::Recap) -> Vec<(&str, &[String])> {
        recap
            .tasks
            .iter()
            .map(|t| (t.title.as_str(), t.owners.as_slice()))
            .collect()
    }

    /// Each message's "ik" is its writer; what was said before the day a message names as the
    /// meeting's is context; that message is no task, nor is a question or the next meeting.
    #[test]
    fn a_chat_gives_each_writer_their_own_commitments_from_the_meeting_on() {
        let chat = "[28/09/2026, 09:12:44] Team Declercq: \u{200e}Berichten en oproepen worden end-to-end versleuteld.\n[04/10/2026, 20:31:17] Elise Wouters: Morgen 14u in Eeklo? Ik rij met Maxime mee\n[05/10/2026, 16:41:07] Jonas Peeters: Goeie meeting vandaag bij Declercq. Even oplijsten wat we beloofd hebben\n[05/10/2026, 16:43:12] Elise Wouters: Ik stuur Kurt het testplan tegen donderdag\n[05/10/2026, 16:44:30] Maxime Renard: ok je m'en occupe, je passe la commande pour vendredi\n[05/10/2026, 16:52:09] Sander: Komt in orde, ik bereid de verlenging voor tegen 13/10\n[05/10/2026, 16:53:30] Elise Wouters: Wie laat Kurt weten dat we opkuisen?\n[06/10/2026, 08:20:12] Jonas Peeters: Volgende meeting is maandag 19/10 om 10u\n";
        let recap = super::super::tests::recap_of(chat, "txt");
        assert_eq!(
            titles_and_owners(&recap),
            [
                (
                    "Ik stuur Kurt het testplan tegen donderdag",
                    &["Elise Wouters".to_string()][..]
                ),
                (
                    "Ok je m'en occupe, je passe la commande pour vendredi",
                    &["Maxime Renard".to_string()][..]
                ),
                (
                    "Komt in orde, ik bereid de verlenging voor tegen 13/10",
                    &["Sander".to_string()][..]
                ),
            ]
        );
        assert_eq!(recap.title, "Team Declercq");
        assert_eq!(
            recap.date.map(|(date, _)| date),
            NaiveDate::from_ymd_opt(2026, 10, 5)
        );
    }

    /// A question to anyone and the answer that takes it on are one task, the answerer's; an
    /// answer to a question put to someone by name is no second task.
    #[test]
    fn an_answer_that_takes_on_a_question_makes_its_owner() {
        let copied = "Elke Maes\n15:02\nKorte recap van de call van vandaag\n\nElke Maes\n15:06\n\
                      @Pieter Wouters kan jij tegen dinsdag de schets updaten?\n\nPieter Wouters\n\
                      15:09\nok, komt in orde\n\nElke Maes\n15:12\nKan iemand tegen vrijdag de \
                      telling dubbelchecken?\n\nSofie Janssens\n15:20\ndoe ik\n";
        let recap = super::super::tests::recap_of(copied, "txt");
        assert_eq!(
            titles_and_owners(&recap),
            [
                (
                    "Kan jij tegen dinsdag de schets updaten?",
                    &["Pieter Wouters".to_string()][..]
                ),
                (
                    "Kan iemand tegen vrijdag de telling dubbelchecken?",
                    &["Sofie Janssens".to_string()][..]
                ),
            ]
        );
        assert_eq!(taken_on("ok je m'en occupe 👍").as_deref(), Some(""));
        assert!(taken_on("Okapi migration").is_none());
        assert!(says_more("ik bereid de verlenging voor tegen 13/10"));
        assert!(!says_more("that, will revert by Monday"));
    }
}
