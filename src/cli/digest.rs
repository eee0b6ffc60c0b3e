//! `dossier digest`: makes each owner's week, and writes, sends or prints it.

use super::{tasks, Cli, DigestArgs};
use crate::content::config::SiteConfig;
use crate::content::load::LoadOptions;
use crate::digest::{self, write, Digest};
use crate::error::Error;
use crate::model::load::load_site;
use crate::plural;
use std::path::Path;

pub(super) fn run(cli: &Cli, args: &DigestArgs) -> Result<(), Error> {
    let team = load_site(
        &cli.root,
        &LoadOptions {
            today: args.week,
            ..LoadOptions::default()
        },
    )?
    .site;
    let only = match &args.owner {
        Some(written) => Some(tasks::resolve_owner(&team, written)?),
        None => None,
    };
    let digests = digest::digests(&cli.root, &team, only.as_deref())?;
    let (asking, quiet): (Vec<&Digest>, Vec<&Digest>) =
        digests.iter().partition(|d| d.asks_anything());
    if let Some(out) = &args.out {
        write_files(out, &asking)?;
        if !cli.quiet {
            eprintln!(
                "wrote {} to {}",
                plural(asking.len(), "digest"),
                out.display()
            );
        }
    }
    if args.send {
        send(cli, &digests)?;
    }
    if args.out.is_none() && !args.send {
        for digest in &asking {
            println!("{}", write::text(digest));
        }
    }
    if !cli.quiet && !quiet.is_empty() {
        let ids: Vec<&str> = quiet.iter().map(|d| d.person.id.as_str()).collect();
        eprintln!("nothing owed or new, no digest: {}", ids.join(", "));
    }
    Ok(())
}

/// ID.html and ID.txt for each digest, in `out`.
fn write_files(out: &Path, digests: &[&Digest]) -> Result<(), Error> {
    std::fs::create_dir_all(out).map_err(|e| Error::Write {
        path: out.to_path_buf(),
        source: e,
    })?;
    for digest in digests {
        for (extension, text) in [("html", write::html(digest)), ("txt", write::text(digest))] {
            let path = out.join(format!("{}.{extension}", digest.person.id));
            std::fs::write(&path, text).map_err(|e| Error::Write { path, source: e })?;
        }
    }
    Ok(())
}

fn send(cli: &Cli, digests: &[Digest]) -> Result<(), Error> {
    let config = SiteConfig::load(&cli.root)?;
    let Some(mail) = &config.mail else {
        return Err(Error::Usage(
            "--send needs a [mail] table in site.toml: server, port, security, from (see `dossier digest --help`)".to_string(),
        ));
    };
    let sent = digest::send::send(mail, digests)?;
    if !cli.quiet {
        eprintln!(
            "sent {}: {}",
            plural(sent.sent.len(), "digest"),
            sent.sent.join(", ")
        );
        if !sent.without_address.is_empty() {
            eprintln!(
                "not sent, no email in people.toml: {}",
                sent.without_address.join(", ")
            );
        }
    }
    if sent.failed.is_empty() {
        return Ok(());
    }
    let failures: Vec<String> = sent
        .failed
        .iter()
        .map(|(id, why)| format!("{id}: {why}"))
        .collect();
    Err(Error::Usage(format!(
        "the mail server refused {}:\n{}",
        plural(failures.len(), "digest"),
        failures.join("\n")
    )))
}
