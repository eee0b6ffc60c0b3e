//! Sending digests by SMTP through lettre, as `[mail]` in site.toml says: one connection, one
//! message per person, each a multipart/alternative of the plain text and the HTML.

use super::Digest;
use crate::content::config::{MailSecurity, MailSettings};
use crate::error::{Error, Result};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport};

/// What sending did, person by person.
#[derive(Debug, Default)]
pub(crate) struct Sent {
    /// Ids of the people a message went to.
    pub sent: Vec<String>,
    /// Ids of the people with something to read but no `email` in people.toml.
    pub without_address: Vec<String>,
    /// Ids of the people the server refused, and why.
    pub failed: Vec<(String, String)>,
}

/// The transport `[mail]` describes, logged in with the password from the environment.
fn transport(settings: &MailSettings) -> Result<SmtpTransport> {
    let builder = match settings.security {
        MailSecurity::None => SmtpTransport::builder_dangerous(&settings.server),
        MailSecurity::Starttls => SmtpTransport::starttls_relay(&settings.server)
            .map_err(|e| Error::Usage(format!("[mail] server `{}`: {e}", settings.server)))?,
        MailSecurity::Tls => SmtpTransport::relay(&settings.server)
            .map_err(|e| Error::Usage(format!("[mail] server `{}`: {e}", settings.server)))?,
    };
    let builder = builder.port(settings.port);
    let builder = match &settings.username {
        Some(username) => {
            let password = std::env::var(&settings.password_env).map_err(|_| {
                Error::Usage(format!(
                    "[mail] logs in as `{username}`, but the environment variable {} that holds the password is not set",
                    settings.password_env
                ))
            })?;
            builder.credentials(Credentials::new(username.clone(), password))
        }
        None => builder,
    };
    Ok(builder.build())
}

fn message(from: &Mailbox, to: Mailbox, digest: &Digest) -> Result<Message> {
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(super::write::subject(digest))
        .multipart(MultiPart::alternative_plain_html(
            super::write::text(digest),
            super::write::html(digest),
        ))
        .map_err(|e| Error::Internal(format!("a digest message could not be made: {e}")))
}

/// Sends each digest that asks anything to its person's address.
pub(crate) fn send(settings: &MailSettings, digests: &[Digest]) -> Result<Sent> {
    let from: Mailbox = settings.from.parse().map_err(|e| {
        Error::Usage(format!(
            "[mail] from = \"{}\" is not an address: {e}",
            settings.from
        ))
    })?;
    let transport = transport(settings)?;
    let mut sent = Sent::default();
    for digest in digests.iter().filter(|digest| digest.asks_anything()) {
        let person = &digest.person;
        let Some(address) = &person.email else {
            sent.without_address.push(person.id.clone());
            continue;
        };
        let to = match address.parse() {
            Ok(address) => Mailbox::new(Some(person.name.clone()), address),
            Err(e) => {
                sent.failed.push((person.id.clone(), e.to_string()));
                continue;
            }
        };
        match transport.send(&message(&from, to, digest)?) {
            Ok(_) => sent.sent.push(person.id.clone()),
            Err(e) => sent.failed.push((person.id.clone(), e.to_string())),
        }
    }
    Ok(sent)
}
