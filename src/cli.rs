//! The command line: argument definitions and the one place where errors are printed.

use crate::build::progress::Progress;
use crate::build::{self, BuildOptions};
use crate::content::config::Edition;
use crate::content::load::LoadOptions;
use crate::error::{terminal_safe, Diagnostic, Error};
use crate::model::load::load_site;
use crate::plural;
use crate::serve::ServeEvent;
use crate::tasks::{self, TaskFilter};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// What serve reports, as printed.
fn say_serve(event: ServeEvent<'_>) {
    match event {
        ServeEvent::NotWatching => {
            eprintln!("warning: cannot watch for changes; restart serve after editing")
        }
        ServeEvent::Listening { root, url } => {
            println!("Serving {} on {url} (Ctrl-C to stop)", root.display());
            let _ = std::io::Write::flush(&mut std::io::stdout());
        }
        ServeEvent::Built { pages, elapsed } => {
            println!("Built {pages} pages in {} ms", elapsed.as_millis())
        }
        ServeEvent::Rebuilt {
            pages_rendered,
            pages,
            elapsed,
            edited_after,
        } => println!(
            "Rebuilt {pages_rendered} of {pages} pages in {} ms, the edited pages in {} ms",
            elapsed.as_millis(),
            edited_after.as_millis()
        ),
        ServeEvent::Warnings(warnings) => {
            for warning in warnings {
                eprintln!("{warning}");
            }
        }
        ServeEvent::Failed(error) => eprintln!("{}", terminal_safe(error)),
    }
}

/// With --quiet: the address (tests and scripts read it) and errors only.
fn say_serve_quietly(event: ServeEvent<'_>) {
    if matches!(event, ServeEvent::Listening { .. } | ServeEvent::Failed(_)) {
        say_serve(event);
    }
}

/// How often a log (`DOSSIER_PROGRESS=always` without a terminal) gets a stage's count.
const LOG_PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// A build's progress drawn on one line of the terminal by a thread of its own, once the build
/// has taken longer than a moment; the line is cleared when this is dropped.
struct ProgressLine {
    stop: Option<mpsc::Sender<()>>,
    drawer: Option<JoinHandle<()>>,
}

/// Shows `progress` on standard error when it is a terminal (not with `--quiet`), or, with
/// `DOSSIER_PROGRESS=always`, as plain lines wherever standard error goes (logs, tests).
fn show_progress(progress: &Arc<Progress>, quiet: bool) -> Option<ProgressLine> {
    let always = std::env::var_os("DOSSIER_PROGRESS").is_some_and(|value| value == "always");
    let terminal = std::io::stderr().is_terminal();
    if quiet || !(terminal || always) {
        return None;
    }
    // On a terminal a quick build draws nothing; in a log every stage is worth a line.
    let (delay, tick) = if terminal {
        (Duration::from_millis(400), Duration::from_millis(100))
    } else {
        (Duration::ZERO, Duration::from_millis(5))
    };
    let progress = Arc::clone(progress);
    let (stop, stopped) = mpsc::channel::<()>();
    let drawer = std::thread::spawn(move || {
        let started = Instant::now();
        let mut shown = progress.snapshot();
        let mut shown_at = started;
        let mut drawn = false;
        while let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(tick) {
            let now = progress.snapshot();
            let line = now.line();
            if started.elapsed() < delay || line.is_empty() || now == shown {
                continue;
            }
            if terminal {
                eprint!("\r\x1b[2K{line}");
                drawn = true;
            } else if now.stage != shown.stage || shown_at.elapsed() >= LOG_PROGRESS_EVERY {
                // A log gets every stage, and its count at most once a second.
                eprintln!("{line}");
            } else {
                continue;
            }
            shown = now;
            shown_at = Instant::now();
        }
        if drawn {
            eprint!("\r\x1b[2K");
        }
    });
    Some(ProgressLine {
        stop: Some(stop),
        drawer: Some(drawer),
    })
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        // Dropping the sender wakes the drawer, which clears its line and ends.
        drop(self.stop.take());
        if let Some(drawer) = self.drawer.take() {
            let _ = drawer.join();
        }
    }
}

fn say_waiting(out: &std::path::Path) {
    eprintln!(
        "waiting for another dossier build of {} to finish",
        out.display()
    );
}

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

    /// Print only errors.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Explain: how long each stage of a build took.
    #[arg(short, long, global = true)]
    pub verbose: bool,

    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "Examples:
  dossier build                         build ./ into ./public
  dossier build --today 2025-11-24      as if today were 24 Nov 2025 (overdue, this week, ...)
  dossier check                         validate everything, write nothing (for CI)
  dossier tasks --owner sigi --overdue  what Sigi owes that has slipped
  dossier tasks --format json           the task list for scripts (docs/tasks.schema.json)
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
    /// Stricter than build: a mention of someone missing from people.toml is an error.
    /// Exit status 1 when anything is wrong.
    Check(CheckArgs),
    /// Create a new site in DIR: site.toml, people.toml, a sample meeting and initiative.
    ///
    /// The default theme is built in; the site builds at once. DIR must be new or empty.
    /// With --empty, no example content: for a team that starts by importing its recaps.
    Init {
        /// The folder to create the site in.
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
    /// Markdown notes (Confluence, Notion, Obsidian), as text, Markdown, .html, .eml or .docx;
    /// the layout is recognised from the text (--format names one). Every section becomes a
    /// topic; action items become tasks with their owners ("Name to ...", "[Name]", "(Name)",
    /// "Owner: Name", "@Name") matched to content/people.toml, new people added to it, and
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
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// List tasks in the terminal, grouped as overdue, today, this week, next week, later.
    ///
    /// Shows open tasks; --all adds done ones. --json prints the objects of tasks.json (all
    /// tasks, done included, unless filtered).
    Tasks(TasksArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
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
    /// Who the site is for: `internal` (everything written) or `customer` (nothing marked
    /// internal: no page, link, search entry, event or word of it; it builds into
    /// public-customer/ unless --out).
    #[arg(long, value_name = "EDITION", default_value = "internal")]
    pub edition: Edition,
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
    #[arg(long)]
    pub drafts: bool,
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    /// Preview an edition: `customer` serves what the customer would see.
    #[arg(long, value_name = "EDITION", default_value = "internal")]
    pub edition: Edition,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<NaiveDate>,
    #[arg(long)]
    pub drafts: bool,
    /// `json` prints the problems as a JSON array (path, line, column, severity, message)
    /// for CI annotations.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Check as published at this address instead of site.toml's base_url.
    #[arg(short = 'u', long, value_name = "URL")]
    pub base_url: Option<String>,
    /// `customer` also builds the customer edition in memory and scans every file of it for
    /// the text of everything marked internal, failing on any found.
    #[arg(long, value_name = "EDITION", default_value = "internal")]
    pub edition: Edition,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The recap as a text file, or `-` to read standard input.
    pub recap: PathBuf,
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
        title: String,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<NaiveDate>,
    },
    /// content/initiatives/TITLE.md.
    Initiative { title: String },
}

/// Runs a command and turns its outcome into an exit status; the only place that prints errors.
pub fn run(cli: Cli) -> ExitCode {
    match execute(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", error_text(&error));
            ExitCode::from(error.exit_code())
        }
    }
}

fn error_text(error: &Error) -> String {
    let text = match error {
        Error::Content(_) => error.to_string(),
        _ => format!("error: {error}"),
    };
    terminal_safe(&text).into_owned()
}

/// Warnings shown without --verbose; a pasted export can produce thousands.
const WARNINGS_SHOWN: usize = 50;

fn print_warnings(warnings: &[Diagnostic], verbose: bool) {
    let shown = if verbose {
        warnings.len()
    } else {
        WARNINGS_SHOWN
    };
    for warning in warnings.iter().take(shown) {
        eprintln!("{warning}\n");
    }
    if warnings.len() > shown {
        eprintln!(
            "… and {} more warnings (--verbose shows them all; `dossier check` lists them as errors)",
            warnings.len() - shown
        );
    }
}

fn execute(cli: &Cli) -> Result<(), Error> {
    match &cli.command {
        Command::Build(args) => build_command(cli, args),
        Command::Check(args) => check_command(cli, args),
        Command::Serve(args) => serve_command(cli, args),
        Command::Init {
            dir,
            empty,
            base_url,
        } => {
            let today = chrono::Utc::now().date_naive();
            let written = crate::scaffold::init(dir, today, *empty, base_url.as_deref())?;
            if !cli.quiet {
                println!("Created a site in {}:", dir.display());
                for path in written {
                    println!("  {}", path.display());
                }
                if base_url.is_none() {
                    println!(
                        "Set base_url in site.toml to the address the site will be published at (dossier check reminds you)."
                    );
                }
                if *empty {
                    println!(
                        "Next: cd {} && dossier import RECAP (a recap from Teams, Zoom, Gemini, ...), then dossier build",
                        dir.display()
                    );
                } else {
                    println!(
                        "Next: cd {} && dossier build, then open public/index.html",
                        dir.display()
                    );
                }
            }
            Ok(())
        }
        Command::New { kind } => {
            let (kind, title, date) = match kind {
                NewCommand::Meeting { title, date } => {
                    (crate::scaffold::NewKind::Meeting, title, *date)
                }
                NewCommand::Initiative { title } => {
                    (crate::scaffold::NewKind::Initiative, title, None)
                }
            };
            let path = crate::scaffold::new_file(&cli.root, kind, title, date)?;
            println!("{}", cli.root.join(path).display());
            Ok(())
        }
        Command::Import(args) => import_command(cli, args),
        Command::Tasks(args) => tasks_command(cli, args),
        Command::Completion { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "dossier", &mut std::io::stdout());
            Ok(())
        }
    }
}

fn build_command(cli: &Cli, args: &BuildArgs) -> Result<(), Error> {
    let BuildArgs {
        out,
        base_url,
        today,
        drafts,
        force,
        clean,
        edition,
    } = args;
    let progress = Arc::new(Progress::default());
    let line = show_progress(&progress, cli.quiet);
    let built = build::build(&BuildOptions {
        root: cli.root.clone(),
        out: out.clone(),
        load: LoadOptions {
            today: *today,
            drafts: *drafts,
            base_url: base_url.clone(),
            keep_history: true,
            edition: *edition,
        },
        force: *force,
        clean: *clean,
        on_wait: (!cli.quiet).then_some(say_waiting as fn(&std::path::Path)),
        progress: Some(progress),
    });
    // The line goes before anything else is printed, the error included.
    drop(line);
    let report = built?;
    print_warnings(&report.warnings, cli.verbose);
    if !cli.quiet {
        println!(
            "Built {}, {}, {}: {} pages, {} files in {} ms → {}",
            plural(report.meetings, "meeting"),
            plural(report.topics, "topic"),
            plural(report.tasks, "task"),
            report.pages,
            report.files,
            report.elapsed.as_millis(),
            report.out.display()
        );
        println!("  {}", work_done(&report.work));
        if cli.verbose {
            for phase in &report.phases {
                let memory = phase.peak_memory.map_or(String::new(), |bytes| {
                    format!("  (peak {} MB)", bytes / 1_000_000)
                });
                println!(
                    "  {:>7.1} ms  {}{memory}",
                    phase.took.as_secs_f64() * 1000.0,
                    phase.name
                );
            }
        }
        if !report.warnings.is_empty() {
            println!(
                "{} warning(s); `dossier check` treats them as errors",
                report.warnings.len()
            );
        }
    }
    Ok(())
}

/// What a build did, in words: how much it rendered and why.
fn work_done(work: &build::Work) -> String {
    match work {
        build::Work::Full(build::FullBecause::Asked) => "every page rendered (--clean)".into(),
        build::Work::Full(build::FullBecause::NoUsableCache) => {
            "every page rendered: first build of this folder, or site.toml, people, \
             initiatives, theme, options, day or dossier changed"
                .into()
        }
        build::Work::Incremental {
            meetings_changed: 0,
            ..
        } => "up to date: no meeting changed since the last build".into(),
        build::Work::Incremental {
            meetings_changed,
            pages_rendered,
            files_written,
            files_removed,
        } => format!(
            "{} changed: {} rendered, {} written, {} removed",
            plural(*meetings_changed, "meeting"),
            plural(*pages_rendered, "page"),
            plural(*files_written, "file"),
            plural(*files_removed, "file"),
        ),
    }
}

fn serve_command(cli: &Cli, args: &ServeArgs) -> Result<(), Error> {
    let ServeArgs {
        port,
        base_url,
        bind,
        open,
        drafts,
        today,
        edition,
    } = args;
    crate::serve::serve(&crate::serve::ServeOptions {
        root: cli.root.clone(),
        bind: *bind,
        port: *port,
        open: *open,
        load: LoadOptions {
            today: *today,
            drafts: *drafts,
            base_url: base_url.clone(),
            keep_history: true,
            edition: *edition,
        },
        report: if cli.quiet {
            say_serve_quietly
        } else {
            say_serve
        },
    })
}

fn check_command(cli: &Cli, args: &CheckArgs) -> Result<(), Error> {
    let CheckArgs {
        today,
        drafts,
        format,
        base_url,
        edition,
    } = args;
    let checked = build::check(
        &cli.root,
        &LoadOptions {
            today: *today,
            drafts: *drafts,
            base_url: base_url.clone(),
            keep_history: false,
            edition: *edition,
        },
    );
    if *format == Format::Json {
        let problems = match &checked {
            Err(Error::Content(diagnostics)) => diagnostics.as_slice(),
            _ => &[],
        };
        println!(
            "{}",
            serde_json::to_string_pretty(problems).unwrap_or_default()
        );
    }
    let report = checked?;
    if !cli.quiet && *format == Format::Text {
        println!(
            "OK: {}, {} pages, no problems found",
            plural(report.meetings, "meeting"),
            report.pages
        );
        if let Some(scan) = &report.scan {
            println!(
                "Customer edition: {} looked for in {}; none found",
                plural(scan.fragments, "internal passage"),
                plural(scan.files, "file")
            );
        }
    }
    Ok(())
}

fn import_command(cli: &Cli, args: &ImportArgs) -> Result<(), Error> {
    let ImportArgs {
        recap,
        date,
        account,
        dry_run,
        force,
        format,
    } = args;
    let report = crate::import::import(&crate::import::ImportOptions {
        root: cli.root.clone(),
        input: recap.clone(),
        date: *date,
        account: account.clone(),
        dry_run: *dry_run,
        force: *force,
        format: format.clone(),
    })?;
    if *dry_run {
        print!("{}", report.meeting_file);
        if !cli.quiet {
            eprint!("{}", terminal_safe(&report.text()));
        }
    } else if !cli.quiet {
        print!("{}", terminal_safe(&report.text()));
    }
    Ok(())
}

fn tasks_command(cli: &Cli, args: &TasksArgs) -> Result<(), Error> {
    let TasksArgs {
        owner,
        initiative,
        overdue,
        due_before,
        today,
        all,
        format,
        json,
    } = args;
    let loaded = load_site(
        &cli.root,
        &LoadOptions {
            today: *today,
            ..LoadOptions::default()
        },
    )?;
    let filter = TaskFilter {
        owner: owner.clone(),
        initiative: initiative.clone(),
        overdue: *overdue,
        due_before: *due_before,
        all: *all,
    };
    let selected = tasks::select(&loaded.site, &filter)?;
    if *json || *format == Format::Json {
        print!("{}", tasks::json(&loaded.site, &selected));
    } else {
        let color = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        print!(
            "{}",
            tasks::agenda_text(&loaded.site, &selected, &filter, color)
        );
    }
    Ok(())
}
