//! The command line: running the commands and the one place where errors are printed; the
//! arguments are in `args.rs`.

mod args;
mod digest;
mod done;
mod scaffold;
mod tasks;
pub use args::*;

use crate::build::progress::Progress;
use crate::build::{self, BuildOptions};
use crate::content::config::Edition;
use crate::content::load::LoadOptions;
use crate::error::{terminal_safe, Diagnostic, Error};
use crate::model::load::load_site;
use crate::plural;
use crate::serve::ServeEvent;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use tasks::TaskFilter;

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
            "… and {} more warnings (--verbose shows them all, and so does `dossier check`)",
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
            let timezone = scaffold::system_timezone();
            let written = scaffold::init(dir, timezone, *empty, base_url.as_deref())?;
            if !cli.quiet {
                println!(
                    "Created a site in {} (timezone {}, from this system; site.toml sets it):",
                    dir.display(),
                    timezone.name()
                );
                for path in written {
                    println!("  {}", path.display());
                }
                if base_url.is_none() {
                    println!(
                        "Set base_url in site.toml to the address the site will be published at (dossier check reminds you)."
                    );
                }
                let cd = match dir.as_os_str() == "." {
                    true => String::new(),
                    false => format!("cd {} && ", dir.display()),
                };
                if *empty {
                    println!(
                        "Next: {cd}dossier import RECAP (a recap from Teams, Zoom, Gemini, ...), then dossier build"
                    );
                } else {
                    println!("Next: {cd}dossier build, then open public/index.html");
                }
            }
            Ok(())
        }
        Command::New { kind } => {
            let (kind, title, date, account, edit) = match kind {
                NewCommand::Meeting {
                    title,
                    date,
                    account,
                    edit,
                } => (
                    scaffold::NewKind::Meeting,
                    title,
                    *date,
                    account.as_deref(),
                    *edit,
                ),
                NewCommand::Initiative { title, edit } => {
                    (scaffold::NewKind::Initiative, title, None, None, *edit)
                }
            };
            let path = cli
                .root
                .join(scaffold::new_file(&cli.root, kind, title, date, account)?);
            println!("{}", path.display());
            if edit {
                scaffold::open_in_editor(&path)?;
            }
            Ok(())
        }
        Command::Import(args) => import_command(cli, args),
        Command::Tasks(args) => tasks_command(cli, args),
        Command::Done(args) => done_command(cli, &args.ids, args.on),
        Command::Digest(args) => digest::run(cli, args),
        Command::Completion { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "dossier", &mut std::io::stdout());
            Ok(())
        }
    }
}

impl EditionArgs {
    /// The account asked for; only a customer edition shows one account.
    fn account(&self) -> Result<Option<String>, Error> {
        match (&self.account, self.edition) {
            (Some(account), Edition::Internal) => Err(Error::Usage(format!(
                "--account {account} chooses what a customer edition shows; add --edition customer (the team's edition holds every account)"
            ))),
            (account, _) => Ok(account.clone()),
        }
    }
}

fn build_command(cli: &Cli, args: &BuildArgs) -> Result<(), Error> {
    let BuildArgs {
        verbose,
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
            edition: edition.edition,
            account: edition.account()?,
        },
        force: *force,
        clean: *clean,
        on_wait: (!cli.quiet).then_some(say_waiting as fn(&std::path::Path)),
        progress: Some(progress),
    });
    // The line goes before anything else is printed, the error included.
    drop(line);
    let report = built?;
    for warning in &report.cache_warnings {
        eprintln!("{}\n", terminal_safe(&format!("warning: {warning}")));
    }
    print_warnings(&report.warnings, *verbose);
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
        if *verbose {
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
            edition: edition.edition,
            account: edition.account()?,
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
        strict,
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
            edition: edition.edition,
            account: edition.account()?,
        },
    );
    // --strict makes every warning an error, as a build for CI should see it.
    let checked = match checked {
        Ok(report) if *strict && !report.warnings.is_empty() => Err(Error::Content(
            report
                .warnings
                .into_iter()
                .map(Diagnostic::into_error)
                .collect(),
        )),
        other => other,
    };
    if *format == Format::Json {
        let problems = match &checked {
            Err(Error::Content(diagnostics)) => diagnostics.as_slice(),
            Ok(report) => report.warnings.as_slice(),
            _ => &[],
        };
        println!(
            "{}",
            serde_json::to_string_pretty(problems).unwrap_or_default()
        );
    }
    let report = checked?;
    if !cli.quiet && *format == Format::Text {
        for warning in &report.warnings {
            eprintln!("{warning}\n");
        }
        let problems = match report.warnings.len() {
            0 => "no problems found".to_string(),
            n => format!("{} (--strict fails on them)", plural(n, "warning")),
        };
        println!(
            "OK: {}, {} pages, {problems}",
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
        recaps,
        date,
        account,
        dry_run,
        force,
        format,
    } = args;
    let files = crate::import::recap_files(recaps)?;
    if files.len() > 1 && date.is_some() {
        return Err(Error::Usage(
            "--date gives one meeting's date; import recaps of different meetings without it"
                .into(),
        ));
    }
    let many = files.len() > 1;
    let (mut imported, mut skipped, mut failed) = (0, 0, Vec::new());
    for file in &files {
        let result = crate::import::import(&crate::import::ImportOptions {
            root: cli.root.clone(),
            input: file.clone(),
            date: *date,
            account: account.clone(),
            dry_run: *dry_run,
            force: *force,
            format: format.clone(),
        });
        let report = match result {
            Ok(report) => report,
            // One recap at a time: the others are still imported, and the failures told.
            Err(error) if many => {
                failed.push(crate::error::Diagnostic::file(file, error.to_string()));
                continue;
            }
            Err(error) => return Err(error),
        };
        if report.already_imported.is_some() {
            skipped += 1;
        } else {
            imported += 1;
        }
        if *dry_run {
            if report.already_imported.is_none() {
                print!("{}", report.meeting_file);
            }
            if !cli.quiet {
                eprint!("{}", terminal_safe(&report.text()));
            }
        } else if !cli.quiet {
            print!("{}", terminal_safe(&report.text()));
        }
    }
    if many && !cli.quiet {
        eprintln!(
            "{} of {} recaps {}, {skipped} skipped as imported before, {} failed",
            imported,
            files.len(),
            if *dry_run {
                "would be imported"
            } else {
                "imported"
            },
            failed.len()
        );
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Error::Content(failed))
    }
}

fn tasks_command(cli: &Cli, args: &TasksArgs) -> Result<(), Error> {
    if !args.done.is_empty() {
        return done_command(cli, &args.done, args.today);
    }
    let loaded = load_site(
        &cli.root,
        &LoadOptions {
            today: args.today,
            ..LoadOptions::default()
        },
    )?;
    let owner = match args.mine {
        true => Some(tasks::me()?),
        false => args.owner.clone(),
    };
    let filter = TaskFilter {
        owner,
        initiative: args.initiative.clone(),
        account: args.account.clone(),
        overdue: args.overdue,
        due_before: args.due_before,
        all: args.all,
    };
    let selected = tasks::select(&loaded.site, &filter)?;
    if args.json || args.format == Format::Json {
        print!("{}", tasks::json(&loaded.site, &selected));
    } else {
        let color = std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let config = &loaded.site.config;
        let words = crate::render::theme::words_of(&cli.root, &config.theme, config.language)?;
        print!(
            "{}",
            tasks::agenda_text(&loaded.site, &words, &selected, &filter, color)
        );
    }
    Ok(())
}

/// `dossier done ID…` and `dossier tasks --done ID…`: drafts are read too, so that a task in
/// a draft can be closed.
fn done_command(cli: &Cli, ids: &[String], on: Option<chrono::NaiveDate>) -> Result<(), Error> {
    let loaded = load_site(
        &cli.root,
        &LoadOptions {
            today: on,
            drafts: true,
            ..LoadOptions::default()
        },
    )?;
    let day = loaded.site.today;
    for report in done::close(&loaded.site, &cli.root, ids, day)? {
        if !cli.quiet {
            println!("{}", report.line(day));
        }
    }
    Ok(())
}
