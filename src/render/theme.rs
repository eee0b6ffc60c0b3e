//! Templates and static files: the site's own `templates/` and `static/` first, then the theme's.
//! The default theme is also compiled into the binary, so a site without a `themes/` folder
//! (or one made by `dossier init`) builds as it is.

use crate::content::source::SourceFile;
use crate::error::{Diagnostic, Error, Result};
use crate::language::Language;
use crate::render::words::Words;
use crate::site_paths::{files_under, inside_site, FoundFile, LinksMayLead};
use crate::urls;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The default theme, as shipped: (path inside the theme, content), every file of
/// `themes/default/`, listed by `build.rs`.
pub(crate) const DEFAULT_THEME: &[(&str, &str)] =
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// Where a theme's files come from.
pub(crate) struct Theme {
    /// Template name (`meeting.html`) to its text, site overrides applied.
    pub templates: BTreeMap<String, (PathBuf, String)>,
    /// Output path (`static/style.css` for the theme's, `robots.txt` for the site's) to where
    /// its bytes are.
    pub static_files: BTreeMap<String, StaticFile>,
    /// The theme's words in the site's language.
    pub words: Words,
}

/// A static file: bytes in memory (the default theme's, compiled in; the script's words, made
/// for the site's language) or a file of the site, copied as a stream so that a large file is
/// never held in memory.
#[derive(Debug, Clone)]
pub(crate) enum StaticFile {
    InMemory(std::borrow::Cow<'static, [u8]>),
    /// The file's real path, checked to be inside the site.
    OnDisk(PathBuf),
}

impl StaticFile {
    /// `paths::stable_hash` of the file's bytes, read as a stream; None when it cannot be read
    /// (copying it reports the problem).
    pub(crate) fn stable_hash(&self) -> Option<u64> {
        use std::io::Read;
        let mut file = match self {
            StaticFile::InMemory(bytes) => return Some(crate::paths::stable_hash(bytes)),
            StaticFile::OnDisk(path) => std::fs::File::open(path).ok()?,
        };
        let mut hash = crate::paths::STABLE_HASH_START;
        let mut buffer = vec![0; 64 * 1024];
        loop {
            match file.read(&mut buffer).ok()? {
                0 => return Some(hash),
                read => hash = crate::paths::stable_hash_on(hash, &buffer[..read]),
            }
        }
    }
}

impl Theme {
    pub(crate) fn load(root: &Path, theme: &str, language: Language) -> Result<Theme> {
        let theme_dir = Path::new("themes").join(theme);
        let words = words_of(root, theme, language)?;
        let mut templates = BTreeMap::new();
        let mut static_files = BTreeMap::new();
        if inside_site(root, &theme_dir)?.is_dir() {
            for file in files_in(root, &theme_dir.join("templates"))? {
                let text = template_text(root, &file)?;
                templates.insert(file.name, (file.relative, text));
            }
            for file in files_in(root, &theme_dir.join("static"))? {
                static_files.insert(urls::theme_file(&file.name), on_disk(root, &file.relative)?);
            }
            // A theme copied before a page kind was added has no template for it: the page
            // comes from the built-in one rather than failing the build.
            for (path, content) in DEFAULT_THEME {
                if let Some(name) = path.strip_prefix("templates/") {
                    templates.entry(name.to_string()).or_insert_with(|| {
                        (
                            PathBuf::from("themes/default").join(path),
                            content.to_string(),
                        )
                    });
                }
            }
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
                    static_files.insert(
                        urls::theme_file(name),
                        StaticFile::InMemory(content.as_bytes().into()),
                    );
                }
            }
        } else {
            return Err(Error::Content(vec![Diagnostic::file(
                Path::new(crate::content::config::CONFIG_FILE),
                format!(
                    "theme `{theme}` does not exist: expected a folder {} (key `theme`)",
                    theme_dir.display()
                ),
            )]));
        }
        for file in files_in(root, Path::new("templates"))? {
            let text = template_text(root, &file)?;
            templates.insert(file.name, (file.relative, text));
        }
        add_site_static_files(root, &mut static_files)?;
        static_files.insert(
            urls::theme_file("words.js"),
            StaticFile::InMemory(words.script_file().into()),
        );
        Ok(Theme {
            templates,
            static_files,
            words,
        })
    }
}

/// The site's static/, published at the root of the output (robots.txt, favicon.ico,
/// web.config), over the theme's files when it has the same path.
fn add_site_static_files(
    root: &Path,
    static_files: &mut BTreeMap<String, StaticFile>,
) -> Result<()> {
    let mut clashes = Vec::new();
    for file in files_in(root, Path::new("static"))? {
        if super::pages::is_generated(&file.name) {
            clashes.push(Diagnostic::file(
                &file.relative,
                format!(
                    "this file would be published at /{}, which dossier writes itself; move it to another name",
                    file.name
                ),
            ));
            continue;
        }
        static_files.insert(file.name, on_disk(root, &file.relative)?);
    }
    if clashes.is_empty() {
        Ok(())
    } else {
        Err(Error::Content(clashes))
    }
}

/// The words of `language` for the site at `root` and its theme `theme`: what pages, the
/// digest and the terminal say.
pub(crate) fn words_of(root: &Path, theme: &str, language: Language) -> Result<Words> {
    let theme_dir = Path::new("themes").join(theme);
    Words::read(language, &words_files(root, &theme_dir, language)?)
}

/// The files that hold the words of `language`, each over the one before: the default theme's,
/// the site's theme's (when it has its own), the site's own `i18n/`.
fn words_files(
    root: &Path,
    theme_dir: &Path,
    language: Language,
) -> Result<Vec<(PathBuf, String)>> {
    let name = format!("i18n/{}.toml", language.code());
    let mut layers: Vec<(PathBuf, String)> = DEFAULT_THEME
        .iter()
        .filter(|(path, _)| *path == name)
        .map(|(path, text)| (PathBuf::from("themes/default").join(path), text.to_string()))
        .collect();
    for relative in [theme_dir.join(&name), PathBuf::from(&name)] {
        if inside_site(root, &relative)?.is_file() {
            let source = SourceFile::read(root, &relative)?;
            layers.push((relative, source.text.to_string()));
        }
    }
    Ok(layers)
}

/// The files below a folder of the site (templates, static files); any link out of that
/// folder stops the build.
fn files_in(root: &Path, dir: &Path) -> Result<Vec<FoundFile>> {
    match files_under(root, dir, LinksMayLead::WithinTheFolder) {
        (files, problems) if problems.is_empty() => Ok(files),
        (_, problems) => Err(Error::Content(problems)),
    }
}

fn on_disk(root: &Path, relative: &Path) -> Result<StaticFile> {
    inside_site(root, relative).map(StaticFile::OnDisk)
}

/// A template's text, read like any source file (inside the site, size-limited, UTF-8).
fn template_text(root: &Path, file: &FoundFile) -> Result<String> {
    let source = SourceFile::read(root, &file.relative)?;
    Ok(source.text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_default_theme_is_compiled_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default");
        let mut on_disk: Vec<String> = files_in(&dir, Path::new(""))
            .unwrap()
            .into_iter()
            .map(|file| file.name)
            .collect();
        let mut embedded: Vec<String> = DEFAULT_THEME.iter().map(|(p, _)| p.to_string()).collect();
        on_disk.sort();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    /// Every word a reader sees comes from the language files (`t(key=…)`): what is left of a
    /// template without its Tera tags, comments and HTML tags holds no word, and no attribute
    /// a reader hears or sees (`aria-label`, `title`, `placeholder`, `alt`) holds one either.
    #[test]
    fn every_word_of_the_default_templates_is_translated() {
        let tera = regex::Regex::new(r"(?s)\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}").unwrap();
        // What a reader types (`account = "…"`) is the same in every language.
        let tag = regex::Regex::new(r"(?s)<code>.*?</code>|<[^>]*>").unwrap();
        let spoken =
            regex::Regex::new(r#"(?:aria-label|title|placeholder|alt)="[^"]*\p{L}"#).unwrap();
        let word = regex::Regex::new(r"\p{L}{2,}").unwrap();
        // Names that are the same in every language: file formats and the tool's own name.
        let same_everywhere = [
            "ics", "json", "tasks", "dossier", "Outlook", "Google", "Apple",
        ];
        let mut untranslated = Vec::new();
        for (path, text) in DEFAULT_THEME.iter().filter(|(p, _)| p.ends_with(".html")) {
            let without_tera = tera.replace_all(text, " ");
            for attribute in spoken.find_iter(&without_tera) {
                untranslated.push(format!("{path}: {}", attribute.as_str()));
            }
            let visible = tag.replace_all(&without_tera, " ");
            for found in word.find_iter(&visible) {
                if !same_everywhere.contains(&found.as_str()) {
                    untranslated.push(format!("{path}: {}", found.as_str()));
                }
            }
        }
        assert!(untranslated.is_empty(), "{untranslated:#?}");
    }

    /// A template on one long line makes every diff of it unreadable. A line is wrapped where a
    /// Tera tag starts (`{%-` or `{{-` then trims the break away) or, in text, after `{#- #}`, so
    /// the output keeps its bytes.
    #[test]
    fn no_template_line_is_over_160_characters() {
        let too_long: Vec<String> = DEFAULT_THEME
            .iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .flat_map(|(path, text)| {
                text.lines()
                    .enumerate()
                    .filter(|(_, line)| line.chars().count() > 160)
                    .map(move |(number, line)| {
                        format!("{path}:{}: {} characters", number + 1, line.chars().count())
                    })
            })
            .collect();
        assert!(too_long.is_empty(), "{too_long:#?}");
    }
}
