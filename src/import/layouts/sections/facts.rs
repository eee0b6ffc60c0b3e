//! The meeting's facts as a recap states them: "Date: …", "Attendees: …", "Title: …" lines,
//! the title itself, and the lists of who took part (with their companies and mail domains).

use super::super::lines::*;
use super::{invited_list, Reader, Section};
use crate::import::layouts::title::{numeric_order, numeric_order_throughout, without_date};
use crate::import::layouts::{meeting_date, meeting_date_in_line, RecapText};
use crate::import::owners::{attendee_companies, attendee_names, mail_domains};
use crate::import::recap::RecapTopic;

/// Labels that say when the meeting was ("Date:", "Datum:", "Quand :"), folded.
pub(super) const DATE_LABELS: &[&str] = &[
    "date",
    "when",
    "time",
    "meeting date",
    "date and time",
    "scheduled",
    "datum",
    "wanneer",
    "quand",
    "wann",
    "termin",
];

/// Labels that name the customer ("Account:", "Klant:"), folded.
pub(super) const ACCOUNT_LABELS: &[&str] = &["account", "klant", "client", "kunde", "customer"];

/// Whether `text` names someone with their initials in brackets after the name ("Ronny Smets
/// (RS, zaakvoerder)"): people, not a company.
fn gives_initials(text: &str) -> bool {
    text.match_indices(" (").any(|(open, _)| {
        let name: Vec<&str> = text[..open]
            .rsplit([',', ':'])
            .next()
            .unwrap_or_default()
            .split_whitespace()
            .collect();
        let initials = text[open + 2..]
            .split([',', ')'])
            .next()
            .unwrap_or_default();
        name.len() >= 2 && crate::import::owners::stands_for(initials, &name.join(" "))
    })
}

/// Whether `text` opens with one of `labels` ("**Datum:** vr 11 dec. 2026").
pub(super) fn labelled_with(text: &str, labels: &[&str]) -> bool {
    labelled(text).is_some_and(|(label, _)| labels.contains(&section_name(label).as_str()))
}

impl Reader<'_> {
    /// "Date: …", "Attendees: …", "Title: …" lines, and a line before the first section that
    /// is only a date ("Wed, Nov 11, 2026 3:00 PM · 45 mins"): the meeting's facts, not its notes.
    pub(super) fn metadata(&mut self, raw: &str) -> bool {
        if self.section == Section::Preamble && self.only_a_date(raw) {
            self.metadata_dates.push(raw.to_string());
            return true;
        }
        // Gemini's "Invited Ana Ferreira, Bo Li" has no colon.
        if let Some(list) = invited_list(raw) {
            self.attendees(list);
            return true;
        }
        let Some((label, value)) = raw.split_once(':') else {
            return false;
        };
        let label = section_name(label);
        // "**Von:** Matthias Reiter": the label's closing emphasis stands after its colon.
        let value = value
            .trim()
            .trim_start_matches(['*', '_'])
            .trim()
            .to_string();
        // Headers of a mail pasted as text, in the four languages: who it went to, when and
        // what about, before the first section only.
        let header = self.section == Section::Preamble;
        match label.as_str() {
            // In a mail's headers, its date is when it was sent, not when the team met.
            "date" | "datum" | "envoye" | "envoyé" if header && self.mail_headers => {
                self.sent_dates.push(value);
                true
            }
            label if DATE_LABELS.contains(&label) => {
                self.metadata_dates.push(value);
                true
            }
            "sent" | "verzonden" | "envoyé" | "gesendet" if header => {
                self.sent_dates.push(value);
                true
            }
            "title" | "meeting" | "meeting title" | "subject" | "titel" | "titre" => {
                self.set_title(value);
                true
            }
            // "**Account:** Ter Walle": the customer, a company that may own tasks.
            // "klant: Ronny Smets (RS, zaakvoerder), Griet Aerts (GA, office mgr)": who came
            // for the customer, known by the initials the brackets give.
            label if ACCOUNT_LABELS.contains(&label) && gives_initials(&value) => {
                self.attendees(&value);
                true
            }
            label if ACCOUNT_LABELS.contains(&label) => {
                self.known.add_company(&value);
                false
            }
            "onderwerp" | "objet" | "betreff" if header => {
                self.set_title(value);
                true
            }
            "from" | "to" | "cc" | "bcc" | "van" | "aan" | "de" | "à" | "a" | "von" | "an"
            | "kopie"
                if header =>
            {
                self.mail_header(&label, &value);
                true
            }
            _ if section_kind(&label) == Some(SectionKind::Attendees) => {
                self.attendees(&value);
                true
            }
            _ if is_excused(&label) && !value.is_empty() => {
                self.excused_heading =
                    Some(raw.split(':').next().unwrap_or(raw).trim().to_string());
                self.attendees(&value);
                self.excused_heading = None;
                true
            }
            _ => false,
        }
    }

    /// A mail's "From:", "To:" or "Cc:" header pasted as text: its sender, its readers, and
    /// everyone in it as an attendee.
    fn mail_header(&mut self, label: &str, value: &str) {
        self.mail_headers = true;
        if matches!(label, "from" | "van" | "de" | "von") && self.sender.is_none() {
            self.sender = attendee_names(value).into_iter().next();
        }
        if matches!(label, "to" | "aan" | "à" | "a" | "an") && self.recipients.is_empty() {
            self.recipients = attendee_names(value);
        }
        self.attendees(value);
    }

    /// "Wed, Nov 11, 2026 3:00 PM" alone; "Verzonden: …" is a label's, read by `metadata`.
    fn only_a_date(&self, raw: &str) -> bool {
        let unlabelled = raw
            .split_once(':')
            .is_none_or(|(before, _)| before.chars().any(|c| c.is_ascii_digit()));
        unlabelled
            && raw.chars().count() <= 60
            && meeting_date(raw, Some(!self.style.month_first)).is_some()
    }

    /// Whether `text` is the recap's title: the first line, or the line after a title that
    /// only says what kind of document this is ("Meeting-Bericht", "Compte rendu").
    pub(super) fn takes_title(&self, text: &str) -> bool {
        // "Aanwezig: Geert, Kurt" under "Verslag" is who met, not what the meeting was.
        let names_a_section =
            labelled(text).is_some_and(|(label, _)| section_kind(&section_name(label)).is_some());
        self.recap.title.is_empty()
            || self.lines_seen <= 4
                && is_generic_title(&self.recap.title)
                && !is_generic_title(text)
                && !names_a_section
                // "Ich kläre intern … und melde mich bis Ende nächster Woche.": a sentence.
                && !text.ends_with(['.', '?', '!'])
                && meeting_date(text, None).is_none()
    }

    /// The recap's title, whose sides may name the companies that met.
    pub(super) fn set_title(&mut self, title: String) {
        self.known.add_title(&title);
        self.recap.title = title;
    }

    pub(super) fn attendees(&mut self, text: &str) {
        for name in attendee_names(text) {
            self.known.add(&name);
        }
        for company in attendee_companies(text) {
            self.known.add_company(&company);
        }
        for domain in mail_domains(text) {
            self.known.add_domain(&domain);
        }
        let title = self
            .excused_heading
            .clone()
            .unwrap_or_else(|| "Participants".to_string());
        let index = match self.recap.topics.iter().position(|t| t.title == title) {
            Some(index) => index,
            None => {
                self.recap.topics.push(RecapTopic {
                    title,
                    ..RecapTopic::default()
                });
                self.recap.topics.len() - 1
            }
        };
        let topic = &mut self.recap.topics[index];
        if !topic.summary.is_empty() {
            topic.summary.push_str(", ");
        }
        // The page lists who took part, not their mail addresses: a header's recipients
        // ("Vogt, Matthias <…>") as the names read from it; a list as written, with its roles.
        if text.contains('@') {
            topic.summary.push_str(&attendee_names(text).join(", "));
        } else {
            topic.summary.push_str(text.trim());
        }
    }
}

impl Reader<'_> {
    /// The meeting's date: stated in the title, subject or a labelled line; else a date in the
    /// first lines near the day the mail went out; else that day. And the order its numeric
    /// dates without a year follow.
    pub(super) fn read_meeting_date(&mut self, input: &RecapText) {
        let day_first = Some(!self.style.month_first);
        // A mail that says only when it was sent: the meeting was that day, or the day before
        // when its first lines say "yesterday".
        let weekday = self.meeting_weekday;
        let sent = self.sent_dates.iter().find_map(|text| {
            let date = meeting_date(text, day_first)?;
            // "Notre réunion de lundi": the last Monday the mail was sent on or after.
            let (back, words) = match (weekday, self.days_before_sending) {
                (Some(day), _) => {
                    let back = u64::from(
                        (7 + chrono::Datelike::weekday(&date).num_days_from_monday()
                            - day.num_days_from_monday())
                            % 7,
                    );
                    (back, format!("{text}, its meeting the {day} before"))
                }
                (None, Some(n)) if n > 0 => (n, format!("{text}, less {n} day (\"yesterday\")")),
                _ => (0, format!("{text} (the day it was sent)")),
            };
            Some((date.checked_sub_days(chrono::Days::new(back))?, words))
        });
        let mut candidates: Vec<String> = vec![self.recap.title.clone()];
        candidates.extend(input.subject.clone());
        candidates.append(&mut self.metadata_dates);
        let read_in = |order: Option<bool>| {
            candidates
                .iter()
                .find_map(|text| meeting_date(text, order).map(|d| (d, text.clone())))
        };
        // "Meeting summary for … (09/08/2026)" in a mail sent on 8 September: of the two ways
        // to read a date, the one nearer the day the mail went out.
        let stated = match (read_in(day_first), read_in(day_first.map(|b| !b)), &sent) {
            (Some(usual), Some(other), Some((sent, _)))
                if (other.0 - *sent).num_days().abs() < (usual.0 - *sent).num_days().abs() =>
            {
                Some(other)
            }
            (usual, ..) => usual,
        };
        // A date in the first lines is the meeting's when no line says so, unless the mail
        // went out a month away from it ("the contract signed on 15/03/2022").
        let near_sending = |date: chrono::NaiveDate| {
            sent.as_ref()
                .is_none_or(|(sent, _)| (*sent - date).num_days().abs() <= 31)
        };
        let early = self.preamble_dates.iter().find_map(|text| {
            meeting_date_in_line(text, day_first)
                .filter(|date| near_sending(*date))
                .map(|d| (d, text.clone()))
        });
        self.recap.date = stated.or(early).or(sent);
        self.recap.title = without_date(&self.recap.title);
        self.recap.day_first = if self.style.month_first {
            Some(false)
        } else {
            self.recap
                .date
                .as_ref()
                .and_then(|(_, words)| numeric_order(words))
                .or_else(|| numeric_order_throughout(&input.text))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::gives_initials;

    #[test]
    fn people_with_their_initials_are_no_company() {
        assert!(gives_initials(
            "Ronny Smets (RS, zaakvoerder), Griet Aerts (GA, office mgr)"
        ));
        assert!(gives_initials("Dhr. X, Griet Aerts (GA)"));
        assert!(!gives_initials("Bouwgroep Smets (Turnhout)"));
        assert!(!gives_initials("Groenten Vanhoutte-Coopman (GVC nv)"));
        assert!(!gives_initials("Acme"));
    }
}
