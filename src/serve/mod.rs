//! `dossier serve`: build into a private folder, serve it on 127.0.0.1, rebuild on every save
//! and reload the open pages through server-sent events. The site's own output folder is never
//! touched, so stopping the server leaves it as it was.

mod http;
mod request;
pub(crate) mod session;

use crate::content::load::LoadOptions;
use crate::error::{Error, Result};
use crate::output;
use crate::serve::session::Session;
use std::collections::HashSet;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub open: bool,
    pub load: LoadOptions,
    /// Tells the person at the terminal what happens; serve prints nothing itself.
    pub report: fn(ServeEvent<'_>),
}

/// What serve has to say while it runs.
#[derive(Debug)]
pub(crate) enum ServeEvent<'a> {
    /// Changes cannot be watched: the site is served as first built.
    NotWatching,
    Listening {
        root: &'a Path,
        url: &'a str,
    },
    Built {
        pages: usize,
        elapsed: Duration,
    },
    /// An incremental rebuild; `edited_after` is when the edited pages were shown.
    Rebuilt {
        pages_rendered: usize,
        pages: usize,
        elapsed: Duration,
        edited_after: Duration,
    },
    Warnings(&'a [crate::error::Diagnostic]),
    /// A rebuild failed; the error is shown over the open pages too.
    Failed(&'a str),
}

/// What the open pages are told: a new build, or why there is none.
#[derive(Debug, Clone, Default)]
struct Status {
    generation: u64,
    /// The error of the last build, shown over the page until a build succeeds.
    error: Option<String>,
    /// While a rebuild writes the pages that list an edit, after the edited pages: the files
    /// already up to date. Requests for other files wait, so no page is served stale after
    /// the reload.
    settling: Option<HashSet<String>>,
}

struct Shared {
    report: fn(ServeEvent<'_>),
    status: Mutex<Status>,
    changed: Condvar,
    out: PathBuf,
}

/// Editors save in bursts (write, rename, temp files); wait this long for the burst to end.
const QUIET: Duration = Duration::from_millis(40);

pub(crate) fn serve(options: &ServeOptions) -> Result<()> {
    // Watchers report canonical paths; the session compares them with the site's.
    let root = options
        .root
        .canonicalize()
        .map_err(|e| Error::read(&options.root, e))?;
    let out = output::private_folder()?;
    let _removed_on_return = RemovedOnDrop(out.clone());
    // Ctrl-C or a terminate signal: remove the private folder (never public/) and stop.
    let cleanup = out.clone();
    let _ = ctrlc::set_handler(move || {
        let _ = std::fs::remove_dir_all(&cleanup);
        std::process::exit(0);
    });
    crate::content::load::edition_account(&root, &options.load)?;
    let mut session = Session::new(&root, &out, options.load.clone())?;
    let shared = Arc::new(Shared {
        report: options.report,
        status: Mutex::new(Status::default()),
        changed: Condvar::new(),
        out,
    });
    let watching = start_watching(&root);
    if watching.is_none() {
        (options.report)(ServeEvent::NotWatching);
    }
    rebuild(&mut session, &[], &shared);

    let listener = TcpListener::bind(SocketAddr::new(options.bind, options.port)).map_err(|e| {
        Error::Usage(format!(
            "cannot listen on {}:{}: {e} (choose another --port)",
            options.bind, options.port
        ))
    })?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::Internal(format!("the listening socket has no address: {e}")))?;
    let url = format!("http://{address}/");
    (options.report)(ServeEvent::Listening {
        root: &options.root,
        url: &url,
    });
    if options.open {
        // The system's way to open a page: xdg-open, open, or start on Windows.
        let _ = opener::open_browser(&url);
    }

    if let Some((mut watcher, events)) = watching {
        let watch_shared = Arc::clone(&shared);
        std::thread::spawn(move || {
            // The watcher lives as long as this thread.
            rebuild_on_changes(&root, &mut watcher, &events, &mut session, &watch_shared)
        });
    }

    http::accept(&listener, &shared);
    Ok(())
}

/// Removes the private folder when serve returns with an error.
struct RemovedOnDrop(PathBuf);

impl Drop for RemovedOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Shared {
    fn status(&self) -> std::sync::MutexGuard<'_, Status> {
        self.status.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn rebuild(session: &mut Session, changed: &[PathBuf], shared: &Shared) {
    let started = Instant::now();
    let mut shown_after = None;
    // Until the edited pages are written, every request waits: a page read from disk before
    // then could be new while the lists that show it are not.
    shared.status().settling = Some(HashSet::new());
    let result = session.rebuild(changed, &mut |up_to_date: &[String]| {
        // The edited pages are written: reload the open pages now; the lists follow.
        let mut status = shared.status();
        status.generation += 1;
        status.error = None;
        status.settling = Some(up_to_date.iter().cloned().collect());
        shown_after = Some(started.elapsed());
        shared.changed.notify_all();
    });
    let mut status = shared.status();
    status.settling = None;
    match result {
        Ok(report) => {
            (shared.report)(ServeEvent::Warnings(&report.warnings));
            (shared.report)(match shown_after {
                Some(edited_after) if !report.full => ServeEvent::Rebuilt {
                    pages_rendered: report.pages_rendered,
                    pages: report.pages,
                    elapsed: report.elapsed,
                    edited_after,
                },
                _ => ServeEvent::Built {
                    pages: report.pages,
                    elapsed: report.elapsed,
                },
            });
        }
        Err(error) => {
            let text = error.to_string();
            (shared.report)(ServeEvent::Failed(&text));
            status.generation += 1;
            status.error = Some(text);
        }
    }
    shared.changed.notify_all();
}

type Events = std::sync::mpsc::Receiver<notify::Result<notify::Event>>;

/// The folders of a site that a build reads, each watched with everything below it. The site
/// folder itself is watched alone: a recursive watch of it would also watch the output folders,
/// one inotify watch for each of their thousands of page folders.
const SOURCE_FOLDERS: [&str; 4] = ["content", "templates", "themes", "static"];

/// Starts watching the site's sources; done before the first build, so that no save made while
/// it runs is missed.
fn start_watching(root: &Path) -> Option<(notify::RecommendedWatcher, Events)> {
    use notify::Watcher;
    let (sender, receiver) = std::sync::mpsc::channel::<notify::Result<notify::Event>>();
    let mut watcher = notify::recommended_watcher(sender).ok()?;
    // site.toml, and the source folders as they are made, removed or renamed.
    watcher
        .watch(root, notify::RecursiveMode::NonRecursive)
        .ok()?;
    for folder in SOURCE_FOLDERS {
        watch_folder(&mut watcher, &root.join(folder));
    }
    Some((watcher, receiver))
}

/// Watches a source folder and everything below it, when it is there. A watch ends with the
/// folder it watches, so a folder made after start, or removed and made again, is watched
/// anew when the site folder's watch sees it appear.
fn watch_folder(watcher: &mut impl notify::Watcher, folder: &Path) {
    if folder.is_dir() {
        let _ = watcher.watch(folder, notify::RecursiveMode::Recursive);
    }
}

/// Rebuilds after each burst of changes.
fn rebuild_on_changes(
    root: &Path,
    watcher: &mut impl notify::Watcher,
    events: &Events,
    session: &mut Session,
    shared: &Shared,
) {
    while let Ok(first) = events.recv() {
        let mut changed: Vec<PathBuf> = relevant_paths(&first, root);
        let mut appeared: Vec<PathBuf> = appeared_source_folders(&first, root);
        // Wait for the burst to end, then build once.
        while let Ok(next) = events.recv_timeout(QUIET) {
            changed.extend(relevant_paths(&next, root));
            appeared.extend(appeared_source_folders(&next, root));
        }
        appeared.sort();
        appeared.dedup();
        // Watched before the rebuild reads them: a file saved in between is read by the
        // rebuild, one saved after is seen by the watch.
        for folder in &appeared {
            watch_folder(watcher, folder);
        }
        if !changed.is_empty() {
            changed.sort();
            changed.dedup();
            rebuild(session, &changed, shared);
        }
    }
}

/// The paths of an event that may change the site: site.toml and what is in the source
/// folders, but not reads, editors' temporary files, or anything else in the site folder (the
/// output folders, the build cache, a README).
fn relevant_paths(event: &notify::Result<notify::Event>, root: &Path) -> Vec<PathBuf> {
    let Ok(event) = event else { return Vec::new() };
    if event.need_rescan() {
        // Events were lost: any file may have changed, and a change beyond meetings reads all.
        return vec![root.join(crate::content::config::CONFIG_FILE)];
    }
    if event.kind.is_access() {
        return Vec::new();
    }
    event
        .paths
        .iter()
        .filter(|path| is_relevant(path, root))
        .cloned()
        .collect()
}

fn is_relevant(path: &Path, root: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|name| name.to_string_lossy().starts_with('.'));
    let editor_temp = path.file_name().is_some_and(|name| {
        let name = name.to_string_lossy();
        name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp")
    });
    let read_by_builds = path == root.join(crate::content::config::CONFIG_FILE)
        || SOURCE_FOLDERS
            .iter()
            .any(|folder| path.starts_with(root.join(folder)));
    read_by_builds && !hidden && !editor_temp
}

/// The source folders an event shows appearing: made, or renamed into place. A lost event
/// (the kernel's queue overflowed) may have been one of them.
fn appeared_source_folders(event: &notify::Result<notify::Event>, root: &Path) -> Vec<PathBuf> {
    use notify::event::{EventKind, ModifyKind};
    let Ok(event) = event else { return Vec::new() };
    let folders = SOURCE_FOLDERS.iter().map(|folder| root.join(folder));
    if event.need_rescan() {
        return folders.collect();
    }
    if !matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(ModifyKind::Name(_))
    ) {
        return Vec::new();
    }
    folders
        .filter(|folder| event.paths.contains(folder))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, EventKind, ModifyKind, RemoveKind, RenameMode};

    #[test]
    fn only_site_toml_and_the_source_folders_start_a_rebuild() {
        let root = Path::new("/site");
        for relevant in [
            "site.toml",
            "content",
            "content/meetings/2025-11-20-weekly.md",
            "content/people.toml",
            "templates/base.html",
            "themes/mine/static/a.css",
            "static/robots.txt",
        ] {
            assert!(is_relevant(&root.join(relevant), root), "{relevant}");
        }
        for ignored in [
            "public/index.html",
            "public-customer/index.html",
            ".dossier-cache/cache.json",
            "README.md",
            "contents/x.md",
            "content/meetings/.2025-11-20-weekly.md.swp",
            "content/meetings/2025-11-20-weekly.md~",
        ] {
            assert!(!is_relevant(&root.join(ignored), root), "{ignored}");
        }
    }

    #[test]
    fn a_source_folder_made_or_renamed_into_place_is_watched_again() {
        let root = Path::new("/site");
        let event =
            |kind: EventKind, path: &str| Ok(notify::Event::new(kind).add_path(root.join(path)));
        let made = event(EventKind::Create(CreateKind::Folder), "content");
        assert_eq!(appeared_source_folders(&made, root), [root.join("content")]);
        let renamed = event(
            EventKind::Modify(ModifyKind::Name(RenameMode::To)),
            "static",
        );
        assert_eq!(
            appeared_source_folders(&renamed, root),
            [root.join("static")]
        );
        for (kind, path) in [
            (EventKind::Remove(RemoveKind::Folder), "content"),
            (EventKind::Create(CreateKind::Folder), "public"),
            (EventKind::Create(CreateKind::Folder), "content/meetings"),
        ] {
            assert!(appeared_source_folders(&event(kind, path), root).is_empty());
        }
        let overflow =
            Ok(notify::Event::new(EventKind::Other).set_flag(notify::event::Flag::Rescan));
        assert_eq!(
            appeared_source_folders(&overflow, root).len(),
            SOURCE_FOLDERS.len()
        );
        assert_eq!(relevant_paths(&overflow, root), [root.join("site.toml")]);
    }
}
