//! The Monday inbox: the recaps a command line names (files, folders, a Maildir), the ones
//! imported before (their bytes are kept in `content/recaps/`), and the name a kept recap gets.

use super::*;

/// The extension the kept recap gets: its own when import reads that kind, else the kind's.
pub(super) fn kept_extension(name: &Path, kind: input::InputKind) -> String {
    let own = extension_of(name);
    if crate::content::meeting::RECAP_EXTENSIONS.contains(&own.as_str()) {
        return own;
    }
    match kind {
        input::InputKind::Email => "eml",
        input::InputKind::Html => "html",
        input::InputKind::Word => "docx",
        input::InputKind::Text => "txt",
    }
    .to_string()
}

/// The recaps `inputs` name: files as given, and in each folder (a Maildir's `cur` and `new`
/// too) the files import reads, by name; `-` (standard input) only alone. Links are not
/// followed into folders.
pub(crate) fn recap_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    if inputs.len() > 1 && inputs.iter().any(|input| input == Path::new("-")) {
        return Err(Error::Usage(
            "`-` reads one recap from standard input; name files or folders instead".into(),
        ));
    }
    let mut files = Vec::new();
    for input in inputs {
        if !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut found: Vec<PathBuf> = walkdir::WalkDir::new(input)
            .follow_links(false)
            .into_iter()
            .filter_map(|entry| entry.ok())
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| entry.into_path())
            .filter(|path| {
                let hidden = path
                    .file_name()
                    .is_some_and(|name| name.to_string_lossy().starts_with('.'));
                let readable = crate::content::meeting::RECAP_EXTENSIONS
                    .contains(&extension_of(path).as_str());
                let in_maildir = path
                    .parent()
                    .and_then(|folder| folder.file_name())
                    .is_some_and(|folder| folder == "cur" || folder == "new");
                !hidden && (readable || in_maildir)
            })
            .collect();
        if found.is_empty() {
            return Err(Error::Usage(format!(
                "{} holds no recap (files ending in .{})",
                input.display(),
                crate::content::meeting::RECAP_EXTENSIONS.join(", .")
            )));
        }
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// The meeting a recap with these very bytes was imported as, from the recaps kept beside the
/// meetings: importing the Monday inbox twice makes no second meeting.
pub(super) fn already_imported(root: &Path, bytes: &[u8]) -> Result<Option<PathBuf>> {
    // Never through a link out of the site.
    let folder = crate::site_paths::inside_site(root, Path::new(RECAPS_DIR))?;
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok(None);
    };
    let mut kept: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_ok_and(|t| t.is_file()))
        .map(|entry| entry.path())
        .collect();
    kept.sort();
    for path in kept {
        let same_size = std::fs::metadata(&path).is_ok_and(|m| m.len() == bytes.len() as u64);
        if same_size && std::fs::read(&path).map_err(|e| Error::read(&path, e))? == bytes {
            let meeting = path
                .file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return Ok(Some(Path::new(MEETINGS_DIR).join(format!("{meeting}.md"))));
        }
    }
    Ok(None)
}
