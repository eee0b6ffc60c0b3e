//! `dossier init` and `dossier new`: files to start from, never written over existing ones.

use crate::content::config::{SiteConfig, CONFIG_FILE};
use crate::content::people::PEOPLE_FILE;
use crate::dates::resolve_today;
use crate::error::{Diagnostic, Error, Result};
use crate::paths::slugify;
use crate::site_paths::inside_site;
use crate::site_paths::{INITIATIVES_DIR, MEETINGS_DIR};
use chrono::{NaiveDate, Utc};
use std::path::{Path, PathBuf};

const SITE_TOML: &str = r#"title = "Account briefings"
base_url = "https://intranet.example.com/briefings/"  # only for absolute URLs: feeds, .ics, sitemap
timezone = "{timezone}"   # IANA name; decides "today"
# theme = "default"            # the built-in theme; or a folder under themes/
# today = 2025-11-24           # pin the reference date; default: the build date in `timezone`
# week_start = "monday"        # first day of the week in calendars
# fiscal_year_start = 7        # month the fiscal year starts, for "Q3 next fiscal year" in imports
# date_order = "day-month"     # how imports read 03/04: "day-month" (3 April) or "month-day"
# allow_html = false           # pass raw HTML in Markdown through instead of showing it as text
"#;

const PEOPLE_TOML: &str = r#"# Everyone the notes mention. The table key is the id used in @mentions and the address of
# the person's owner page; aliases are other ways of writing the name.

[alex]
name = "Alex Martin"
role = "Account executive"

[sam]
name = "Sam Peeters"
aliases = ["Sammy"]
role = "Solution architect"
"#;

const INITIATIVE: &str = r#"+++
title = "Cloud migration"
status = "active"          # active | paused | won | lost | done
owners = ["alex"]
account = "Example Corp"
target = {target}
+++
Why this initiative exists and what done looks like. Topics of meetings link here with
`{initiative=cloud-migration}` after their heading.
"#;

/// A new meeting file: front matter, one topic, tasks.
fn meeting_text(title: &str, date: NaiveDate, example: bool) -> String {
    let title_toml = toml::Value::String(title.to_string());
    if !example {
        return format!(
            "+++\ntitle = {title_toml}\ndate = {date}\n# account = \"\"\n# tags = []\n+++\n<!-- Each \"## \" heading is a topic; add {{initiative=slug}} to link it to an initiative.\n     Mention people with @id (content/people.toml). A task is \"- [ ] **Title:** text\",\n     ending with its owners and deadline: @id due:YYYY-MM-DD (or due:YYYY-MM). -->\n\n## First topic\nWho discussed what.\n\n- **A point:** what was said.\n\n## Tasks\n"
        );
    }
    let due = date + chrono::Days::new(7);
    format!(
        "+++\ntitle = {title_toml}\ndate = {date}\naccount = \"Example Corp\"\ntags = [\"weekly\"]\n+++\nA short introduction, before the first topic.\n\n## Migration planning {{initiative=cloud-migration}}\n@alex and @sam reviewed the migration plan.\n\n- **Timeline:** @sam proposed three waves, the first before the end of the month.\n- **Budget:** @alex confirmed the budget.\n\n- [ ] **Send the wave plan:** share the plan with the customer. @sam due:{due}\n\n## Tasks\n- [ ] **Book the kick-off:** find a date with the customer. @alex due:{month}\n- [x] **Share last week's minutes.** @alex\n",
        month = date.format("%Y-%m")
    )
}

/// people.toml of a site started with `--empty`: what the file is for, and nobody in it.
const EMPTY_PEOPLE_TOML: &str = r#"# Everyone the notes mention. The table key is the id used in @mentions and the address of
# the person's owner page; aliases are other ways of writing the name. `dossier import` adds
# the people a recap names.
"#;

/// Creates a new site in `dir`, which must not exist or be empty: with an example meeting,
/// initiative and people, or with none (`empty`), for a team that starts from its recaps.
/// The placeholder `base_url` of a new site, reported by `dossier check` until it is changed.
const PLACEHOLDER_BASE_URL: &str = "https://intranet.example.com/briefings/";

/// The system's time zone, as an IANA name dossier knows: `TZ` where it names one, else the
/// system's setting, else UTC.
pub(super) fn system_timezone() -> chrono_tz::Tz {
    let named = |name: &str| {
        name.trim()
            .trim_start_matches(':')
            .parse::<chrono_tz::Tz>()
            .ok()
    };
    std::env::var("TZ")
        .ok()
        .and_then(|tz| named(&tz))
        .or_else(|| {
            iana_time_zone::get_timezone()
                .ok()
                .and_then(|tz| named(&tz))
        })
        .unwrap_or(chrono_tz::UTC)
}

pub(super) fn init(
    dir: &Path,
    timezone: chrono_tz::Tz,
    empty: bool,
    base_url: Option<&str>,
) -> Result<Vec<PathBuf>> {
    let today = resolve_today(None, timezone, Utc::now());
    let site_toml = SITE_TOML.replace("{timezone}", timezone.name());
    let site_toml = match base_url {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => site_toml
            .replace(
                &format!("\"{PLACEHOLDER_BASE_URL}\""),
                &toml::Value::String(url.to_string()).to_string(),
            ),
        Some(url) => {
            return Err(Error::Usage(format!(
                "--base-url {url}: expected an absolute http(s) address, like https://intranet.acme.be/briefings/"
            )))
        }
        None => site_toml,
    };
    if dir.exists() {
        // A folder made a git repository first (`git init && dossier init`) is still new.
        let empty = std::fs::read_dir(dir)
            .map_err(|e| Error::read(dir, e))?
            .filter_map(std::result::Result::ok)
            .all(|entry| entry.file_name() == ".git");
        if !empty {
            return Err(Error::Usage(format!(
                "{} is not empty; dossier init only creates a site in a new or empty folder (a .git folder may be there)",
                dir.display()
            )));
        }
    }
    let mut files = vec![
        (PathBuf::from(CONFIG_FILE), site_toml),
        (
            PathBuf::from(".gitignore"),
            "/public\n/.dossier-cache\n".to_string(),
        ),
    ];
    if empty {
        files.push((PathBuf::from(PEOPLE_FILE), EMPTY_PEOPLE_TOML.to_string()));
        std::fs::create_dir_all(dir.join(MEETINGS_DIR))
            .map_err(|e| Error::write(&dir.join(MEETINGS_DIR), e))?;
    } else {
        files.extend([
            (PathBuf::from(PEOPLE_FILE), PEOPLE_TOML.to_string()),
            (
                Path::new(MEETINGS_DIR).join(format!("{today}-weekly-sync.md")),
                meeting_text("Weekly sync", today, true),
            ),
            (
                Path::new(INITIATIVES_DIR).join("cloud-migration.md"),
                INITIATIVE.replace("{target}", &(today + chrono::Days::new(90)).to_string()),
            ),
        ]);
    }
    let mut written = Vec::new();
    for (path, text) in files {
        write_new(&dir.join(&path), &text, &path)?;
        written.push(path);
    }
    Ok(written)
}

/// What `dossier new` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NewKind {
    Meeting,
    Initiative,
}

/// A new meeting or initiative from a template; returns its path relative to the site.
pub(super) fn new_file(
    root: &Path,
    kind: NewKind,
    title: &str,
    date: Option<NaiveDate>,
    account: Option<&str>,
) -> Result<PathBuf> {
    let config = SiteConfig::load(root)?;
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Error::Usage(format!(
            "\"{title}\" gives no file name: use letters or digits in the title"
        )));
    }
    let (path, text) = match kind {
        NewKind::Meeting => {
            let date = date.unwrap_or_else(|| resolve_today(config.today, config.timezone, Utc::now()));
            let mut text = meeting_text(title, date, false);
            if let Some(account) = account {
                let line = format!("account = {}", toml::Value::String(account.to_string()));
                text = text.replacen("# account = \"\"", &line, 1);
            }
            (Path::new(MEETINGS_DIR).join(format!("{date}-{slug}.md")), text)
        }
        NewKind::Initiative => (
            Path::new(INITIATIVES_DIR).join(format!("{slug}.md")),
            format!(
                "+++\ntitle = {}\nstatus = \"active\"          # active | paused | won | lost | done\nowners = []\n# account = \"\"\n# target = 2026-01-31\n+++\nWhat this initiative is about. Link topics to it with `{{initiative={slug}}}`.\n",
                toml::Value::String(title.to_string())
            ),
        ),
    };
    write_new(&inside_site(root, &path)?, &text, &path)?;
    Ok(path)
}

/// Opens `path` in the user's editor ($VISUAL, else $EDITOR; a value may carry arguments, as
/// `code --wait`) and waits for it to close.
pub(super) fn open_in_editor(path: &Path) -> Result<()> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|value| !value.trim().is_empty()))
        .ok_or_else(|| {
            Error::Usage(format!(
                "--edit: set EDITOR (or VISUAL) to your editor, e.g. EDITOR=nano; the file is at {}",
                path.display()
            ))
        })?;
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or_default();
    let status = std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
        .map_err(|e| Error::Usage(format!("--edit: cannot start `{editor}`: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Usage(format!(
            "--edit: `{editor}` ended with {status}; the file is at {}",
            path.display()
        )))
    }
}

/// Writes a file that must not exist yet; `create_new` makes the check and the write one step.
fn write_new(full: &Path, text: &str, shown: &Path) -> Result<()> {
    if let Some(dir) = full.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::write(dir, e))?;
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(full);
    match file {
        Ok(mut file) => std::io::Write::write_all(&mut file, text.as_bytes())
            .map_err(|e| Error::write(shown, e)),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::Content(vec![Diagnostic::file(
                shown,
                "already exists; dossier never overwrites a file (choose another title or date)",
            )]))
        }
        Err(e) => Err(Error::write(shown, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_knows_the_template_text() {
        let blank = meeting_text("T", NaiveDate::default(), false);
        let example = meeting_text("T", NaiveDate::default(), true);
        for phrase in crate::content::meeting::TEMPLATE_PHRASES {
            assert!(
                blank.contains(phrase) || example.contains(phrase),
                "{phrase}"
            );
        }
    }

    #[test]
    fn the_sample_people_are_the_ones_import_warns_about() {
        for (id, name) in crate::content::people::SAMPLE_PEOPLE {
            assert!(
                PEOPLE_TOML.contains(&format!("[{id}]\nname = \"{name}\"")),
                "{id}"
            );
        }
    }
}
