//! Stage one: read every file of a site, in parallel, into documents, collecting every problem
//! so that one run reports them all.

use crate::config::SiteConfig;
use crate::content::{InitiativeDoc, MeetingDoc, MeetingReader, Parsed};
use crate::dates::resolve_today;
use crate::error::{Diagnostic, Error, Result};
use crate::links::ContentIndex;
use crate::markdown::Renderer;
use crate::model::Site;
use crate::paths::{is_safe_segment, slugify};
use crate::people::People;
use crate::source::SourceFile;
use chrono::{NaiveDate, Utc};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub const MEETINGS_DIR: &str = "content/meetings";
pub const INITIATIVES_DIR: &str = "content/initiatives";

/// What a load needs to know beyond the files.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub today: Option<NaiveDate>,
    pub drafts: bool,
}

/// A loaded site and the warnings met on the way.
pub struct Loaded {
    pub site: Site,
    pub warnings: Vec<Diagnostic>,
}

/// Reads and resolves the whole site at `root`.
pub fn load_site(root: &Path, options: &LoadOptions) -> Result<Loaded> {
    let config = SiteConfig::load(root)?;
    let people = People::load(root)?;
    let today = resolve_today(options.today.or(config.today), config.timezone, Utc::now());

    let meeting_files = markdown_files(root, Path::new(MEETINGS_DIR))?;
    let initiative_files = markdown_files(root, Path::new(INITIATIVES_DIR))?;
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    diagnostics.extend(duplicate_slugs(&meeting_files, "meetings"));
    diagnostics.extend(duplicate_slugs(&initiative_files, "initiatives"));

    let links = ContentIndex::new(&meeting_files, &initiative_files);
    let reader = MeetingReader {
        renderer: Renderer {
            people: &people,
            allow_html: config.allow_html,
            links: None,
        },
        links: Some(&links),
    };
    let meetings: Vec<Parsed<MeetingDoc>> = meeting_files
        .par_iter()
        .map(|file| match read_file(root, file) {
            Ok(source) => reader.read(source, file.slug.clone()),
            Err(diagnostic) => failed(diagnostic),
        })
        .collect();
    let initiatives: Vec<Parsed<InitiativeDoc>> = initiative_files
        .par_iter()
        .map(|file| match read_file(root, file) {
            Ok(source) => reader.read_initiative(source, file.slug.clone()),
            Err(diagnostic) => failed(diagnostic),
        })
        .collect();

    let mut meeting_docs = Vec::with_capacity(meetings.len());
    for parsed in meetings {
        diagnostics.extend(parsed.diagnostics);
        meeting_docs.extend(parsed.doc.filter(|doc| options.drafts || !doc.draft));
    }
    let mut initiative_docs = Vec::with_capacity(initiatives.len());
    for parsed in initiatives {
        diagnostics.extend(parsed.diagnostics);
        initiative_docs.extend(parsed.doc);
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Error::Content(sorted(diagnostics)));
    }
    let site = Site::assemble(config, people, meeting_docs, initiative_docs, today)
        .map_err(|errors| Error::Content(sorted(errors)))?;
    Ok(Loaded {
        site,
        warnings: sorted(diagnostics),
    })
}

fn failed<T>(diagnostic: Diagnostic) -> Parsed<T> {
    Parsed {
        doc: None,
        diagnostics: vec![diagnostic],
    }
}

fn sorted(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    diagnostics
}

/// A Markdown file found under a content folder.
#[derive(Debug, Clone)]
pub struct ContentFile {
    /// Relative to the site root.
    pub path: PathBuf,
    pub slug: String,
}

fn read_file(root: &Path, file: &ContentFile) -> Result<SourceFile, Diagnostic> {
    match SourceFile::read(root, &file.path) {
        Ok(source) => Ok(source),
        Err(Error::Content(mut diagnostics)) if !diagnostics.is_empty() => {
            Err(diagnostics.swap_remove(0))
        }
        Err(other) => Err(Diagnostic::file(&file.path, other.to_string())),
    }
}

/// Every `.md` file below `root/dir`, sorted, with its slug. Symbolic links are followed only
/// when they stay inside the site; loops are detected by walkdir and reported.
pub fn markdown_files(root: &Path, dir: &Path) -> Result<Vec<ContentFile>> {
    let full_dir = root.join(dir);
    if !full_dir.is_dir() {
        return Ok(Vec::new());
    }
    let canonical_root = root.canonicalize().map_err(|e| Error::read(root, e))?;
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for entry in walkdir::WalkDir::new(&full_dir)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .unwrap_or(dir)
                    .to_path_buf();
                let message = if e.loop_ancestor().is_some() {
                    "symbolic link loop; remove the link".to_string()
                } else {
                    format!("cannot read: {e}")
                };
                problems.push(Diagnostic::file(&path, message));
                continue;
            }
        };
        let relative = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if entry.path_is_symlink() {
            let inside = entry
                .path()
                .canonicalize()
                .map(|target| target.starts_with(&canonical_root))
                .unwrap_or(false);
            if !inside {
                problems.push(Diagnostic::file(
                    &relative,
                    "symbolic link to outside the site; dossier only reads files inside the site folder",
                ));
                continue;
            }
        }
        let is_markdown = entry.path().extension().is_some_and(|ext| ext == "md");
        if !entry.file_type().is_file() || !is_markdown {
            continue;
        }
        let stem = entry
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !is_safe_segment(&stem) || stem != slugify(&stem) {
            problems.push(Diagnostic::file(
                &relative,
                format!(
                    "the file name is the page address and must be a slug: rename it to {}.md",
                    slugify(&stem)
                ),
            ));
            continue;
        }
        files.push(ContentFile {
            path: relative,
            slug: stem,
        });
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(Error::Content(problems))
    }
}

fn duplicate_slugs(files: &[ContentFile], kind: &str) -> Vec<Diagnostic> {
    let mut first: HashMap<&str, &Path> = HashMap::new();
    let mut problems = Vec::new();
    for file in files {
        if let Some(other) = first.insert(&file.slug, &file.path) {
            problems.push(Diagnostic::file(
                &file.path,
                format!(
                    "{kind}/{}/ is claimed by this file and by {}; rename one of them",
                    file.slug,
                    other.display()
                ),
            ));
        }
    }
    problems
}
