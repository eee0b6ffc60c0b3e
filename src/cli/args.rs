//! The command line's arguments and their help, as clap reads them.

use crate::content::config::Edition;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// Turn a folder of meeting notes into an intranet site of account briefings.
///
/// A site is a folder with site.toml, content/people.toml, content/meetings/*.md and
/// content/initiatives/*.md. `dossier build` writes it to public/ as plain HTML that works
/// from a web server, a file share or straight from disk.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    /// The site's folder (the one holding site.toml).
    #[arg(long, global = true, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// Print only warnings and errors: no summary, progress or waiting lines (as cargo -q).
    #[arg(short, long, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "Examples:
  dossier build                         build ./ into ./public
  dossier build --today 2025-11-24      as if today were 24 Nov 2025 (overdue, this week, ...)
  dossier check                         validate everything, write nothing (for CI)
  dossier tasks --owner sigi --overdue  what Sigi owes that has slipped
  dossier tasks --format json           the task list for scripts (docs/tasks.schema.json)
  dossier tasks --mine --account Proximus
                                        what I owe on one account (DOSSIER_ME=sigi)
  dossier done send-the-offer           tick the task, write done:DATE in its file
  dossier digest --send                 mail every owner their week (Monday 07:00 in CI)
  dossier build -u https://staging.intranet.acme.be/briefings/ -o /srv/staging
                                        the same site for another address
  dossier import recap.txt --date 2025-11-18 --account Proximus
                                        a recap from the meeting tool into a meeting file";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into public/ (or --out).
    ///
    /// Into a folder an earlier build made, only the pages that show an edited meeting are
    /// rendered and only files whose bytes changed are written, once every page rendered; a
    /// change to site.toml, people, initiatives, the theme, the options or the day renders
    /// everything. The first build, and --clean, write the whole site beside the old one and
    /// swap it in at the end. Either way a failed build leaves the previous site untouched.
    ///
    /// On a terminal, a build that takes more than a moment shows its stage and how many pages
    /// it has rendered; DOSSIER_PROGRESS=always prints the stages in a log too. -v times each
    /// stage and gives its peak memory.
    Build(BuildArgs),
    /// Build, serve on 127.0.0.1, rebuild on every save and reload the open pages.
    ///
    /// The site is built into a private temporary folder: public/ is never touched. A build
    /// error is printed and shown over the page, and cleared by the next good save.
    Serve(ServeArgs),
    /// Validate everything a build reads, and render every page, without writing anything.
    ///
    /// Reports every problem of every file in one run, errors and warnings. Exit status 1 on
    /// any error; warnings fail only with --strict (as CI should run it).
    Check(CheckArgs),
    /// Create a new site in DIR: site.toml, people.toml, a sample meeting and initiative.
    ///
    /// The default theme is built in; the site builds at once. DIR (default: the current
    /// folder) must be new or empty but for a .git folder. site.toml gets the system's time
    /// zone (TZ, else the system setting). With --empty, no example content: for a team that
    /// starts by importing its recaps.
    Init {
        /// The folder to create the site in (default: the current folder).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// No example meeting, initiative or people.
        #[arg(long)]
        empty: bool,
        /// Where the site will be published, e.g. https://intranet.acme.be/briefings/: the
        /// address calendar subscriptions, the feed and the sitemap link to. Without it
        /// site.toml gets a placeholder that `dossier check` reports until it is set.
        #[arg(long, value_name = "URL")]
        base_url: Option<String>,
    },
    /// Create a new meeting or initiative file from a template; never overwrites.
    New {
        #[command(subcommand)]
        kind: NewCommand,
    },
    /// Turn a meeting recap, as meeting tools send it, into a meeting file.
    ///
    /// Reads recaps from Microsoft Teams (Copilot, Loop, Outlook), Zoom AI Companion, Google
    /// Meet's Notes by Gemini, Otter.ai, Fireflies.ai, Webex AI Assistant, Fathom, tl;dv and
    /// Markdown notes (Confluence, Notion, Obsidian), as text, Markdown, .html, .eml or .docx,
    /// and a tracker's export of tasks as .csv (Jira, Planner: a row a task); the layout is
    /// recognised from the text (--format names one). Every section becomes a topic; action
    /// items become tasks with their owners ("Name to ...", "[Name]", "(Name)", "Owner:
    /// Name", "@Name") matched to content/people.toml, new people added to it, and
    /// deadlines in words ("by Friday", "EOW", "15.12.", "before the end of November") as
    /// `due:`. Nothing is guessed: what cannot be dated with certainty stays undated, an
    /// ambiguous first name stays text, and the report says so. Never overwrites a file.
    Import(ImportArgs),
    /// Print a completion script for a shell.
    ///
    /// bash: `dossier completion bash > /etc/bash_completion.d/dossier`; zsh: `dossier
    /// completion zsh > "${fpath[1]}/_dossier"`; fish: `dossier completion fish >
    /// ~/.config/fish/completions/dossier.fish`; PowerShell: `dossier completion powershell |
    /// Out-String | Invoke-Expression` in your profile.
    Completion {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// List tasks in the terminal, grouped as overdue, today, this week, next week, later.
    ///
    /// Shows open tasks; --all adds done ones. --json prints the objects of tasks.json (all
    /// tasks, done included, unless filtered). Each line ends with the task's id and the file
    /// and line it is written on.
    Tasks(TasksArgs),
    /// Close tasks: tick each one's latest mention and write the day it was done.
    ///
    /// `- [ ] Send the offer @sigi due:2026-12-01` becomes `- [x] Send the offer @sigi
    /// due:2026-12-01 done:2026-12-04`; nothing else in the file changes, byte for byte. IDs
    /// are those `dossier tasks` and tasks.json show. All are found before any file is
    /// written: one unknown id changes nothing.
    Done(DoneArgs),
    /// Each owner's week as an e-mail: what they owe, what is new, what slipped, what was done.
    ///
    /// For every person who owns a task (or --owner), seen from --week (default today): overdue,
    /// due this week and next week, and the undated tasks that have waited longest; then what
    /// is new for them, what slipped and what was done in the seven days before; grouped by
    /// account, every line linking to its page at base_url. A person with nothing owed and
    /// nothing new gets nothing. People marked `external = true` in people.toml get theirs from
    /// the customer edition. Without --out or --send, prints the plain-text digests.
    ///
    /// --send mails each one to the person's `email` in people.toml through the SMTP server of
    /// `[mail]` in site.toml (server, port, security = "starttls" | "tls" | "none", from,
    /// username); the password is read from the environment variable DOSSIER_SMTP_PASSWORD (or
    /// the one `password_env` names), never from a file. People without an address are listed.
    Digest(DigestArgs),
}

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// Only this person's digest (id, name or alias).
    #[arg(long, value_name = "ID")]
    pub owner: Option<String>,
    /// The day the digest is made for (default: today in the site's timezone).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub week: Option<NaiveDate>,
    /// Write ID.html and ID.txt for each person into this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Send each digest by e-mail, as [mail] in site.toml says.
    #[arg(long)]
    pub send: bool,
}

#[derive(Debug, Args)]
pub struct DoneArgs {
    /// The ids of the tasks to close.
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// The day they were done (default: today in the site's timezone).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub on: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Show every warning (not only the first few), how long each stage took and the build's
    /// peak memory.
    #[arg(short, long)]
    pub verbose: bool,
    /// Where to write the site.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Publish for this address instead of site.toml's base_url (a staging copy, say): the
    /// address calendar subscriptions, the feed and the sitemap link to.
    #[arg(short = 'u', long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The reference date for "overdue" and "this week" (default: site.toml `today`, else the
    /// current date in the site's timezone).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// Include meetings marked `draft = true`.
    #[arg(long)]
    pub drafts: bool,
    /// Replace an output folder that dossier did not create.
    #[arg(long)]
    pub force: bool,
    /// Render every page, whatever an earlier build left (its cache is in .dossier-cache/).
    #[arg(long)]
    pub clean: bool,
    #[command(flatten)]
    pub edition: EditionArgs,
}

/// Which edition a command builds, previews or checks.
#[derive(Debug, Args)]
pub struct EditionArgs {
    /// Who the site is for: `internal` (everything written) or `customer` (one account's
    /// notes, and nothing marked internal: no page, link, search entry, event or word of it;
    /// it builds into public-customer/ unless --out).
    #[arg(long, value_name = "EDITION", default_value = "internal")]
    pub edition: Edition,
    /// The account a customer edition shows, by name or slug (`--account acme-corp`): its
    /// meetings and initiatives only. Required when the site holds several accounts and
    /// site.toml's [editions.customer] names none; builds into public-customer-SLUG/.
    #[arg(long, value_name = "SLUG")]
    pub account: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on; 0 picks a free one.
    #[arg(short, long, default_value_t = 1111)]
    pub port: u16,
    /// Serve as if published at this address (the absolute links of calendars and the feed).
    #[arg(short = 'u', long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The address to listen on; anything but 127.0.0.1 opens the site to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Show the meetings marked `draft = true` too.
    #[arg(long)]
    pub drafts: bool,
    /// The reference date for "overdue" and "this week" (default: site.toml `today`, else the
    /// current date in the site's timezone).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// Preview an edition: `--edition customer --account SLUG` serves what that customer
    /// would see.
    #[command(flatten)]
    pub edition: EditionArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail on warnings too (a mention of someone not in people.toml, a deadline before its
    /// meeting, a base_url still on a placeholder): for CI.
    #[arg(long)]
    pub strict: bool,
    /// The reference date for "overdue" (default: site.toml `today`, else the current date in
    /// the site's timezone).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// Check the meetings marked `draft = true` too.
    #[arg(long)]
    pub drafts: bool,
    /// `json` prints the problems as a JSON array (path, line, column, severity, message)
    /// for CI annotations.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Check as published at this address instead of site.toml's base_url.
    #[arg(short = 'u', long, value_name = "URL")]
    pub base_url: Option<String>,
    /// `--edition customer [--account SLUG]` also builds that customer edition in memory and
    /// scans every file of it for the text and addresses of everything marked internal (and
    /// of other accounts), failing on any found.
    #[command(flatten)]
    pub edition: EditionArgs,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Recaps: files (.txt, .md, .html, .eml, .docx, .csv), folders of them (a Maildir too), or
    /// `-` to read one from standard input. A recap imported before is skipped.
    #[arg(required = true, num_args = 1.., value_name = "RECAP")]
    pub recaps: Vec<PathBuf>,
    /// The meeting date (default: a full date in the recap's title).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// The account the meeting was about.
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// Print the meeting file instead of writing it (and people.toml is left alone).
    #[arg(long)]
    pub dry_run: bool,
    /// Replace an existing meeting file.
    #[arg(long)]
    pub force: bool,
    /// Read the recap as this tool's layout instead of recognising it from its text.
    #[arg(long, value_name = "TOOL", value_parser = clap::builder::PossibleValuesParser::new(crate::import::layouts::format_names()))]
    pub format: Option<String>,
}

#[derive(Debug, Args)]
pub struct TasksArgs {
    /// Only tasks of this person (id, name or alias).
    #[arg(long, value_name = "ID")]
    pub owner: Option<String>,
    /// Only tasks of this initiative.
    #[arg(long, value_name = "SLUG")]
    pub initiative: Option<String>,
    /// Only tasks of this account's meetings (name or slug).
    #[arg(long, value_name = "NAME")]
    pub account: Option<String>,
    /// Only my tasks: the person DOSSIER_ME names (id, name or alias), else `me` in the
    /// [me] table of ~/.config/dossier/config.toml.
    #[arg(long, conflicts_with = "owner")]
    pub mine: bool,
    /// Close these tasks instead of listing them, as `dossier done ID…` does.
    #[arg(long, value_name = "ID", num_args = 1..)]
    pub done: Vec<String>,
    /// Only overdue tasks.
    #[arg(long)]
    pub overdue: bool,
    /// Only tasks due before this date.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub due_before: Option<NaiveDate>,
    /// The reference date for "overdue".
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// Include done tasks.
    #[arg(long)]
    pub all: bool,
    /// `json` prints the objects of tasks.json (docs/tasks.schema.json) instead of the agenda.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The same as --format json (the earlier spelling, kept).
    #[arg(long, hide = true)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// content/meetings/DATE-TITLE.md, dated today in the site's timezone unless --date.
    Meeting {
        /// The meeting's title; its slug names the file.
        title: String,
        /// The meeting's date (default: today in the site's timezone).
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
        /// The account the meeting is about, written in its front matter.
        #[arg(long, value_name = "NAME")]
        account: Option<String>,
        /// Open the new file in $VISUAL or $EDITOR.
        #[arg(long)]
        edit: bool,
    },
    /// content/initiatives/TITLE.md.
    Initiative {
        /// The initiative's title; its slug names the file and is what topics link with.
        title: String,
        /// Open the new file in $VISUAL or $EDITOR.
        #[arg(long)]
        edit: bool,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command, with the names of the commands above it.
    fn commands(command: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
        out.push((path.clone(), command.clone()));
        for sub in command.get_subcommands() {
            commands(sub, format!("{path} {}", sub.get_name()), out);
        }
    }

    #[test]
    fn every_command_argument_and_option_says_what_it_does() {
        let mut all = Vec::new();
        commands(&Cli::command(), "dossier".to_string(), &mut all);
        assert!(all.len() > 12, "{}", all.len());
        let mut silent = Vec::new();
        for (path, command) in &all {
            if command.get_about().is_none()
                && path != "dossier help"
                && !path.starts_with("dossier help ")
            {
                silent.push(format!("{path}: no description"));
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if matches!(id, "help" | "version") {
                    continue;
                }
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    silent.push(format!("{path}: `{id}` has no description"));
                }
            }
        }
        assert!(silent.is_empty(), "{}", silent.join("\n"));
    }

    /// `-v` explains a build's stages and warnings; on any other command it would do nothing.
    #[test]
    fn verbose_is_offered_only_where_it_changes_something() {
        let mut all = Vec::new();
        commands(&Cli::command(), "dossier".to_string(), &mut all);
        let with_verbose: Vec<&str> = all
            .iter()
            .filter(|(_, command)| command.get_arguments().any(|arg| arg.get_id() == "verbose"))
            .map(|(path, _)| path.as_str())
            .collect();
        assert_eq!(with_verbose, ["dossier build"]);
    }
}
