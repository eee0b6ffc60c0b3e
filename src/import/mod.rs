//! `dossier import`: a recap as meeting tools send it, turned into a meeting file, with owners
//! matched to people.toml and deadlines in words turned into `due:`.

pub(crate) mod continuity;
pub(crate) mod deadlines;
mod directory;
mod exported_table;
mod files;
mod inbox;
pub(crate) use inbox::recap_files;
use inbox::{already_imported, kept_extension};
pub(crate) mod input;
pub(crate) mod language;
pub(crate) mod layouts;
pub(crate) mod owners;
pub(crate) mod recap;
#[cfg(test)]
mod simulate;
mod write;

use directory::{people_file_with, register_people, Directory};
#[cfg(test)]
use write::escape_line_start;
#[cfg(test)]
use write::escape_markdown;
use write::write_meeting;

use crate::content::config::SiteConfig;
use crate::content::people::{mention_key, People, Person, Resolved, PEOPLE_FILE};
use crate::error::{Diagnostic, Error, Result};
use crate::paths::slugify;
use crate::plural;
use crate::site_paths::{MEETINGS_DIR, RECAPS_DIR};
use chrono::NaiveDate;
use continuity::{Ambiguity, Earlier, Link, Linker};
use deadlines::{Found, Reading};
use recap::{opening_names, opening_names_lenient, Recap, RecapTask};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub(crate) struct ImportOptions {
    pub root: PathBuf,
    /// A file, or `-` for standard input.
    pub input: PathBuf,
    pub date: Option<NaiveDate>,
    pub account: Option<String>,
    pub dry_run: bool,
    pub force: bool,
    /// A layout name from `layouts::format_names`, instead of recognising it.
    pub format: Option<String>,
}

/// One recap to convert: its name (for messages), its bytes, and what the command line says.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub name: &'a Path,
    pub bytes: &'a [u8],
    pub date: Option<NaiveDate>,
    pub account: Option<&'a str>,
    pub format: Option<&'a str>,
    /// The site's open tasks that the recap may continue.
    pub earlier: &'a Earlier,
}

/// What an import did, for the report.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// A dry run: nothing was written, and the report says what would be.
    pub dry_run: bool,
    /// The tool whose layout was read, and why it was chosen.
    pub layout: String,
    pub title: String,
    /// Where the meeting date came from, when not from --date.
    pub date_from: Option<String>,
    /// What was left out on purpose: timestamps, tool boilerplate.
    pub left_out: Vec<String>,
    pub date: Option<NaiveDate>,
    /// Relative to the site root.
    pub path: PathBuf,
    pub meeting_file: String,
    pub topics: usize,
    pub tasks: usize,
    pub placed: usize,
    pub people_added: Vec<(String, String)>,
    /// (task title, token, words)
    pub deadlines: Vec<(String, String, String)>,
    /// (task title, why)
    pub undated: Vec<(String, String)>,
    /// (name as written, where, candidate ids)
    pub ambiguous: Vec<(String, String, Vec<String>)>,
    /// Every name matched to a person: name as written → (id, name in people.toml).
    pub matched: std::collections::BTreeMap<String, (String, String)>,
    /// Names matched to the example people `dossier init` writes.
    pub matched_samples: BTreeSet<String>,
    /// Tasks written as the continuation of an earlier open task of the account.
    pub links: Vec<Link>,
    /// Tasks that could continue more than one earlier task, left unlinked.
    pub ambiguous_links: Vec<Ambiguity>,
    /// Earlier tasks' lines given the id of the task that continues them (`file:line`).
    pub ids_added: Vec<String>,
    /// Earlier tasks' lines not given their id (`file:line {#id}`), and why.
    pub ids_not_added: Vec<(String, String)>,
    /// Why earlier tasks were not looked at, when they were not.
    pub earlier_unread: Option<String>,
    /// Owners added as new people whom the recap does not name in full or among its
    /// participants: (name as written, why).
    pub unsure_names: Vec<(String, String)>,
    /// Where the recap itself is kept, beside the meeting (relative to the site root).
    pub kept_recap: Option<PathBuf>,
    /// The meeting this very recap was imported as before: nothing was written.
    pub already_imported: Option<PathBuf>,
}

impl ImportReport {
    /// The kept recap's file name, as the meeting's front matter names it.
    fn kept_recap_name(&self) -> Option<String> {
        self.kept_recap
            .as_ref()
            .and_then(|path| path.file_name())
            .map(|name| name.to_string_lossy().into_owned())
    }
}

/// The months as titles spell them, in lower case.
const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The title without the month and year that meeting tools append, for the file name.
fn file_slug(title: &str) -> String {
    let slug = slugify(title);
    let kept: Vec<&str> = slug
        .split('-')
        .filter(|part| !MONTH_NAMES.contains(part) && !part.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let joined = kept.join("-");
    if joined.is_empty() {
        "meeting".into()
    } else {
        joined
    }
}

/// A recap as a meeting file, with people matched against `people`; the people it adds are in
/// the report. Touches no file: [`import`] writes what this returns.
pub fn convert(
    request: &Request,
    people: People,
    config: &SiteConfig,
) -> Result<(ImportReport, Vec<Person>)> {
    let input = decode(request.name, request.bytes)?;
    convert_text(request, &input, people, config)
}

/// The recap's text, whatever file it came as.
fn decode(name: &Path, bytes: &[u8]) -> Result<input::RecapText> {
    input::decode(bytes, &extension_of(name))
        .map_err(|e| Error::Content(vec![Diagnostic::file(name, e.0)]))
}

/// A file name's extension in lower case, without the dot.
fn extension_of(name: &Path) -> String {
    name.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// As [`convert`], from the recap's text.
fn convert_text(
    request: &Request,
    input: &input::RecapText,
    people: People,
    config: &SiteConfig,
) -> Result<(ImportReport, Vec<Person>)> {
    let failed = |message: String| Error::Content(vec![Diagnostic::file(request.name, message)]);
    let (layout, why) = layouts::choose(input, request.format).map_err(failed)?;
    let mut recap = layout.read(input).map_err(|e| {
        Error::Content(vec![
            Diagnostic::file(request.name, e.message).at_line(e.line)
        ])
    })?;
    recap.language = input.language;
    if recap.title.trim().is_empty() {
        let why = if recap.tasks.is_empty() && recap.topics.is_empty() {
            "the recap is empty: no title and no text"
        } else {
            "the recap has no title: write the meeting's name on its first line"
        };
        return Err(failed(why.into()));
    }
    // The Teams recap's reader leaves the date in its title; a numeric one must be unambiguous.
    let date_from_title = layouts::meeting_date(&recap.title, None);
    let (date, date_from) = match (request.date, &recap.date, date_from_title, input.sent) {
        (Some(date), ..) => (date, None),
        (None, Some((date, words)), ..) => (*date, Some(format!("\"{words}\""))),
        (None, None, Some(date), _) => (date, Some("the title".to_string())),
        (None, None, None, Some(sent)) => (sent, Some("the e-mail's date".to_string())),
        (None, None, None, None) => {
            return Err(Error::Usage(format!(
                "the recap \"{}\" states no meeting date; pass it with --date YYYY-MM-DD",
                recap.title
            )))
        }
    };
    let mut directory = Directory {
        people,
        added: Vec::new(),
    };
    // Slugged whole, as the site reads file names: a long title is cut and given its hash.
    let stem = slugify(&format!("{date}-{}", file_slug(&recap.title)));
    let mut report = ImportReport {
        kept_recap: Some(Path::new(RECAPS_DIR).join(format!(
            "{stem}.{}",
            kept_extension(request.name, input.kind)
        ))),
        layout: format!("{} ({why})", layout.tool()),
        title: recap.title.clone(),
        date: Some(date),
        date_from,
        left_out: recap.left_out.clone(),
        topics: recap.topics.len(),
        tasks: recap.tasks.len(),
        ..ImportReport::default()
    };
    report.unsure_names = register_people(&recap, &input.text, &mut directory);
    let mut linker = Linker::new(request.earlier);
    report.meeting_file = write_meeting(
        &recap,
        date,
        request.account,
        config,
        &mut directory,
        &mut linker,
        &mut report,
    )?;
    report.links = linker.links;
    report.ambiguous_links = linker.ambiguous;
    report.path = Path::new(MEETINGS_DIR).join(format!("{stem}.md"));
    report.people_added = directory
        .added
        .iter()
        .map(|p| (p.id.clone(), p.name.clone()))
        .collect();
    Ok((report, directory.added))
}

pub(crate) fn import(options: &ImportOptions) -> Result<ImportReport> {
    let config = SiteConfig::load(&options.root)?;
    let (input_name, bytes) = read_input(&options.input)?;
    if let Some(meeting) = already_imported(&options.root, &bytes)? {
        return Ok(ImportReport {
            title: input_name.display().to_string(),
            already_imported: Some(meeting),
            dry_run: options.dry_run,
            ..ImportReport::default()
        });
    }
    // Decoded once, read twice below; the bytes are kept beside the meeting.
    let input = decode(&input_name, &bytes)?;
    let people = People::load(&options.root)?;
    // The recap's date is known only once it is read: the site's tasks are read first, all
    // of them, and those of later meetings left out by date below.
    let (site, earlier_unread) = match crate::model::load::load_site(
        &options.root,
        &crate::content::load::LoadOptions::default(),
    ) {
        Ok(loaded) => (Some(loaded.site), None),
        Err(_) => (
            None,
            Some("the site does not build (`dossier check` says why)".to_string()),
        ),
    };
    let earlier_of = |date: Option<NaiveDate>| match (&site, date) {
        (Some(site), Some(date)) => Earlier::of(site, options.account.as_deref(), date),
        _ => Earlier::default(),
    };
    let mut request = Request {
        name: &input_name,
        // Decoded above.
        bytes: &[],
        date: options.date,
        account: options.account.as_deref(),
        format: options.format.as_deref(),
        earlier: &Earlier::default(),
    };
    // A first reading finds the date (from --date, the recap or its title); the second links.
    let date = convert_text(&request, &input, people.clone(), &config)?
        .0
        .date;
    let earlier = earlier_of(date);
    request.earlier = &earlier;
    let (mut report, added) = convert_text(&request, &input, people, &config)?;
    drop(input);
    report.earlier_unread = earlier_unread;
    if options.dry_run {
        return Ok(ImportReport {
            dry_run: true,
            ..report
        });
    }
    // Everything is worked out and checked before the first byte is written.
    let meeting = files::locate(&options.root, &report.path)?;
    meeting.refuse_links()?;
    if matches!(meeting.found, files::Found::File(_)) && !options.force {
        return Err(Error::Content(vec![Diagnostic::file(
            &report.path,
            "already exists; dossier import never overwrites (pass --force to replace it, or --dry-run to see the result)",
        )]));
    }
    let mut changes = vec![files::Change {
        target: meeting,
        contents: report.meeting_file.clone().into_bytes(),
        replace: options.force,
    }];
    if let Some(kept) = &report.kept_recap {
        let target = files::locate(&options.root, kept)?;
        target.refuse_links()?;
        changes.push(files::Change {
            target,
            contents: bytes,
            replace: options.force,
        });
    }
    let earlier_ids = continuity::ids_for_earlier(&options.root, &report.links)?;
    changes.extend(earlier_ids.changes);
    if !added.is_empty() {
        changes.push(people_file_with(&options.root, &added, &input_name)?);
    }
    files::write_all(&changes)?;
    report.ids_added = earlier_ids.lines;
    report.ids_not_added = earlier_ids.not_added;
    Ok(report)
}

/// The recap's name (for messages) and bytes, from a plain file or standard input, refused
/// above the limit of its kind.
fn read_input(input: &Path) -> Result<(PathBuf, Vec<u8>)> {
    use std::io::Read;
    let (name, mut reader, size): (PathBuf, Box<dyn Read>, Option<u64>) = if input == Path::new("-")
    {
        (
            PathBuf::from("<stdin>"),
            Box::new(std::io::stdin().lock()),
            None,
        )
    } else {
        let file = files::open_plain(input, input, true)?;
        let size = file.metadata().map_err(|e| Error::read(input, e))?.len();
        (input.to_path_buf(), Box::new(file), Some(size))
    };
    // Its first bytes say what the recap is, and so which limit holds.
    let mut head = Vec::with_capacity(8);
    (&mut reader)
        .take(8)
        .read_to_end(&mut head)
        .map_err(|e| Error::read(&name, e))?;
    let limit = input::size_limit(&head, &extension_of(&name));
    let whole = std::io::Cursor::new(head).chain(reader);
    let bytes = files::read_bounded(whole, size, &name, limit.bytes, |size| {
        Error::Content(vec![Diagnostic::file(
            &name,
            format!(
                "the recap is {size}; dossier import reads {} of at most {} bytes ({} MiB)",
                limit.of,
                limit.bytes,
                limit.bytes / 1024 / 1024
            ),
        )])
    })?;
    Ok((name, bytes))
}

impl ImportReport {
    fn record_match(&mut self, written: &str, id: &str, directory: &Directory) {
        let name = directory
            .people
            .get(id)
            .map_or_else(|| id.to_string(), |person| person.name.clone());
        if crate::content::people::SAMPLE_PEOPLE.contains(&(id, name.as_str())) {
            self.matched_samples
                .insert(format!("{written} → {id} ({name})"));
        }
        self.matched
            .insert(written.to_string(), (id.to_string(), name));
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        if let Some(meeting) = &self.already_imported {
            let _ = writeln!(
                out,
                "Skipped {}: already imported as {} (the same recap is kept beside it)",
                self.title,
                meeting.display()
            );
            return out;
        }
        let _ = writeln!(
            out,
            "{} \"{}\" ({}) → {}",
            if self.dry_run {
                "Would import"
            } else {
                "Imported"
            },
            self.title,
            self.date.map(|d| d.to_string()).unwrap_or_default(),
            self.path.display()
        );
        let _ = writeln!(out, "  Read as {}", self.layout);
        if let Some(from) = &self.date_from {
            let _ = writeln!(out, "  Meeting date from {from}");
        }
        let _ = writeln!(
            out,
            "  {}, {} ({} under their topic, {} under ## Tasks)",
            plural(self.topics, "topic"),
            plural(self.tasks, "task"),
            self.placed,
            self.tasks - self.placed
        );
        // What to look at first: an owner may be the wrong person.
        for (name, why) in &self.unsure_names {
            let _ = writeln!(
                out,
                "  Check: owner \"{name}\" is {why}; added as a new person (give them aliases in {PEOPLE_FILE} if they are someone known)"
            );
        }
        if !self.people_added.is_empty() {
            let names: Vec<String> = self
                .people_added
                .iter()
                .map(|(id, name)| format!("{name} ({id})"))
                .collect();
            let added = if self.dry_run {
                "would be added"
            } else {
                "added"
            };
            let _ = writeln!(
                out,
                "  People {added} to {PEOPLE_FILE}: {}",
                names.join(", ")
            );
        }
        if !self.matched.is_empty() {
            let matches: Vec<String> = self
                .matched
                .iter()
                .map(|(written, (id, name))| format!("{written} → {id} ({name})"))
                .collect();
            let _ = writeln!(out, "  Names matched: {}", matches.join(", "));
        }
        if !self.deadlines.is_empty() {
            let _ = writeln!(out, "  Deadlines inferred:");
            for (task, token, words) in &self.deadlines {
                let _ = writeln!(out, "    due:{token:<10}  {task}  (from \"{words}\")");
            }
        }
        if !self.undated.is_empty() {
            let _ = writeln!(out, "  Left undated:");
            for (task, why) in &self.undated {
                let _ = writeln!(out, "    {task}: {why}");
            }
        }
        if !self.left_out.is_empty() {
            let _ = writeln!(out, "  Left out: {}", self.left_out.join(", "));
        }
        if !self.matched_samples.is_empty() {
            let samples: Vec<&str> = self.matched_samples.iter().map(String::as_str).collect();
            let _ = writeln!(
                out,
                "  Warning: {} matched the example people `dossier init` wrote; if they are not your team, remove them from {PEOPLE_FILE} (or start with `dossier init --empty`) and import again",
                samples.join(", ")
            );
        }
        if !self.links.is_empty() {
            let _ = writeln!(out, "  Continued from earlier meetings:");
            for link in &self.links {
                let due =
                    |due: &Option<String>| due.clone().unwrap_or_else(|| "no deadline".into());
                let moved = if link.old_due == link.new_due {
                    format!("due {}", due(&link.new_due))
                } else {
                    format!("due {} → {}", due(&link.old_due), due(&link.new_due))
                };
                let _ = writeln!(
                    out,
                    "    {{#{}}}  {}  (from {}, {moved})",
                    link.id, link.title, link.meeting
                );
            }
        }
        if self.dry_run {
            let pending: Vec<String> = self
                .links
                .iter()
                .filter_map(|link| {
                    let (file, line) = link.earlier_gets_id.as_ref()?;
                    Some(format!("{}:{line} {{#{}}}", file.display(), link.id))
                })
                .collect();
            if !pending.is_empty() {
                let _ = writeln!(
                    out,
                    "  Would end earlier tasks with their id: {}",
                    pending.join(", ")
                );
            }
        } else if !self.ids_added.is_empty() {
            let _ = writeln!(
                out,
                "  Earlier tasks given their id: {}",
                self.ids_added.join(", ")
            );
        }
        for (line, why) in &self.ids_not_added {
            let _ = writeln!(
                out,
                "  Earlier task not given its id, add it by hand: {line} ({why})"
            );
        }
        for ambiguity in &self.ambiguous_links {
            let candidates: Vec<String> = ambiguity
                .candidates
                .iter()
                .map(|(title, meeting)| format!("\"{title}\" ({meeting})"))
                .collect();
            let _ = writeln!(
                out,
                "  Not linked: \"{}\" could continue {}; add the id you mean by hand",
                ambiguity.title,
                candidates.join(" or ")
            );
        }
        if let Some(why) = &self.earlier_unread {
            let _ = writeln!(out, "  Earlier tasks not looked at: {why}");
        }
        for (name, place, ids) in &self.ambiguous {
            let _ = writeln!(
                out,
                "  Ambiguous: \"{name}\" in {place} could be {}; left as text",
                ids.join(" or ")
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_give_full_dates_only() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        let title_date = |title| layouts::meeting_date(title, None);
        assert_eq!(title_date("Weekly sync 2026-03-03"), day(2026, 3, 3));
        assert_eq!(title_date("Acme Meeting 3 March 2026"), day(2026, 3, 3));
        assert_eq!(title_date("Acme Meeting March 3, 2026"), day(2026, 3, 3));
        assert_eq!(
            title_date("Proximus Account Team Meeting November 2025"),
            None
        );
        assert_eq!(
            title_date("Sync 03/04/2026"),
            None,
            "either order: not read"
        );
    }

    #[test]
    fn file_names_drop_the_month_and_year() {
        assert_eq!(
            file_slug("Proximus Account Team Meeting November 2025"),
            "proximus-account-team-meeting"
        );
        assert_eq!(file_slug("2025"), "meeting");
    }

    #[test]
    fn markdown_is_escaped() {
        assert_eq!(
            escape_markdown("<script>*x*{#a}"),
            "\\<script\\>\\*x\\*\\{\\#a\\}"
        );
        assert_eq!(
            escape_markdown("AT&amp;T ~~x~~ C #"),
            "AT\\&amp;T \\~\\~x\\~\\~ C \\#"
        );
        assert_eq!(escape_line_start("- item"), "\\- item");
        assert_eq!(escape_line_start("2025. A year"), "2025\\. A year");
        assert_eq!(escape_line_start("Plain - text"), "Plain - text");
        assert_eq!(escape_markdown("@admin due:2099"), "\\@admin due\\:2099");
        assert_eq!(escape_markdown("café: ok"), "café: ok");
        // A recap's own marker spelling is text the build reads as text, not an error.
        for written in [
            "Pricing {.internal} note",
            "x {internal} y",
            "｛.Internal｝",
        ] {
            let escaped = escape_markdown(written);
            let marking =
                crate::content::marks::mark(&escaped, crate::content::marks::BodyOf::Meeting);
            assert!(
                marking.errors.is_empty(),
                "{written}: {escaped} {:?}",
                marking.errors
            );
        }
    }
}
