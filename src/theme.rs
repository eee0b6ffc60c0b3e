//! Templates and static files: the site's own `templates/` and `static/` first, then the theme's.
//! The default theme is also compiled into the binary, so a site without a `themes/` folder
//! (or one made by `dossier init`) builds as it is.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Embeds files of themes/default by their path inside the theme.
macro_rules! default_theme {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../themes/default/", $path)))),*]
    };
}

/// The default theme, as shipped: (path inside the theme, content).
pub const DEFAULT_THEME: &[(&str, &str)] = default_theme![
    "templates/base.html",
    "templates/task.html",
    "templates/task_row.html",
    "templates/topic_card.html",
    "templates/agenda.html",
    "templates/index.html",
    "templates/meetings.html",
    "templates/meeting.html",
    "templates/topic.html",
    "templates/topics.html",
    "templates/initiatives.html",
    "templates/initiative.html",
    "templates/owners.html",
    "templates/owner.html",
    "templates/calendar.html",
    "templates/month.html",
    "templates/404.html",
    "static/style.css",
    "static/dossier.js",
    "static/favicon.svg",
];

/// Where a theme's files come from.
pub struct Theme {
    /// Template name (`meeting.html`) to its text, site overrides applied.
    pub templates: BTreeMap<String, (PathBuf, String)>,
    /// Output path under `static/` to the file's bytes.
    pub static_files: BTreeMap<String, Vec<u8>>,
}

impl Theme {
    pub fn load(root: &Path, theme: &str) -> Result<Theme> {
        let theme_dir = root.join("themes").join(theme);
        let mut templates = BTreeMap::new();
        let mut static_files = BTreeMap::new();
        if theme_dir.is_dir() {
            read_tree(
                root,
                &theme_dir.join("templates"),
                &mut |name, path, bytes| {
                    templates.insert(name, (path, text(bytes, &theme_dir)?));
                    Ok(())
                },
            )?;
            read_tree(root, &theme_dir.join("static"), &mut |name, _, bytes| {
                static_files.insert(name, bytes);
                Ok(())
            })?;
        } else if theme == "default" {
            for (path, content) in DEFAULT_THEME {
                if let Some(name) = path.strip_prefix("templates/") {
                    templates.insert(
                        name.to_string(),
                        (
                            PathBuf::from("themes/default").join(path),
                            content.to_string(),
                        ),
                    );
                } else if let Some(name) = path.strip_prefix("static/") {
                    static_files.insert(name.to_string(), content.as_bytes().to_vec());
                }
            }
        } else {
            return Err(Error::Usage(format!(
                "theme `{theme}` does not exist: expected a folder {} (site.toml, key `theme`)",
                theme_dir.display()
            )));
        }
        read_tree(root, &root.join("templates"), &mut |name, path, bytes| {
            templates.insert(name, (path, text(bytes, root)?));
            Ok(())
        })?;
        read_tree(root, &root.join("static"), &mut |name, _, bytes| {
            static_files.insert(name, bytes);
            Ok(())
        })?;
        Ok(Theme {
            templates,
            static_files,
        })
    }
}

fn text(bytes: Vec<u8>, dir: &Path) -> Result<String> {
    String::from_utf8(bytes)
        .map_err(|_| Error::Template(format!("a template under {} is not UTF-8", dir.display())))
}

/// Calls `found(name relative to dir, path relative to root, bytes)` for every file below `dir`.
fn read_tree(
    root: &Path,
    dir: &Path,
    found: &mut dyn FnMut(String, PathBuf, Vec<u8>) -> Result<()>,
) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::read(dir, e.into()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if name.split('/').any(|part| part.starts_with('.')) {
            continue;
        }
        let bytes = std::fs::read(entry.path()).map_err(|e| Error::read(entry.path(), e))?;
        let relative = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        found(name, relative, bytes)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_default_theme_is_compiled_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk = Vec::new();
        read_tree(&dir, &dir, &mut |_, path, _| {
            on_disk.push(path.to_string_lossy().replace('\\', "/"));
            Ok(())
        })
        .unwrap();
        let mut embedded: Vec<String> = DEFAULT_THEME.iter().map(|(p, _)| p.to_string()).collect();
        on_disk.sort();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }
}
