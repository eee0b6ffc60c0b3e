//! What an edition shows of the site's files: which account a customer edition is for, which
//! files it leaves out (internal, drafts, other accounts), and links to those as text.

use super::{read_file, LoadOptions};
use crate::content::config::SiteConfig;
use crate::content::initiative::InitiativeDoc;
use crate::content::links::{ContentIndex, Withheld};
use crate::content::meeting::{MeetingDoc, Parsed};
use crate::content::source::SourceFile;
use crate::error::{Diagnostic, Error, Result};
use crate::site_paths::{markdown_files, ContentFile, INITIATIVES_DIR, MEETINGS_DIR};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// What an edition shows: drafts or not, internal files or not, and which account's files.
pub(super) struct Shown {
    drafts: bool,
    hide_internal: bool,
    account: Option<String>,
}

impl Shown {
    /// For a customer edition, the account it shows: the one chosen, else the only one the
    /// shown files name.
    pub(super) fn of<'a>(
        config: &SiteConfig,
        options: &LoadOptions,
        meetings: impl Iterator<Item = (&'a ContentFile, &'a Marks)>,
        initiatives: impl Iterator<Item = (&'a ContentFile, &'a Marks)>,
    ) -> Result<Shown> {
        let hide_internal = options.edition.hides_internal();
        let account = if hide_internal {
            let accounts = meetings
                .filter(|(_, marks)| options.drafts || !marks.draft)
                .chain(initiatives)
                .filter(|(_, marks)| !marks.internal)
                .filter_map(|(_, marks)| marks.account.as_deref());
            let chosen = options
                .account
                .as_deref()
                .or(config.editions.customer.account.as_deref());
            customer_account(accounts, chosen)?
        } else {
            None
        };
        Ok(Shown {
            drafts: options.drafts,
            hide_internal,
            account,
        })
    }

    /// The index links are resolved against: a link to a file this edition leaves out is
    /// text.
    pub(super) fn links<'a>(
        &self,
        meeting_files: &[ContentFile],
        initiative_files: &[ContentFile],
        found: impl Iterator<Item = (&'a ContentFile, &'a Marks)> + Clone,
    ) -> ContentIndex {
        let marked = |mark: &dyn Fn(&Marks) -> bool| -> Vec<&ContentFile> {
            found
                .clone()
                .filter(|(_, marks)| mark(marks))
                .map(|(file, _)| file)
                .collect()
        };
        let mut links = ContentIndex::new(meeting_files, initiative_files);
        if self.hide_internal {
            links = links.hiding(&marked(&|marks| marks.internal), Withheld::Internal);
            // A customer edition holds its account's files only: the others are left out like
            // internal ones, and links to them are text.
            let other_accounts =
                marked(&|marks| !in_account(&self.account, marks.account.as_deref()));
            links = links.hiding(&other_accounts, Withheld::Internal);
        }
        if !self.drafts {
            links = links.hiding(&marked(&|marks| marks.draft), Withheld::Draft);
        }
        links
    }

    /// The documents this edition shows, their problems added to `diagnostics`. A topic or
    /// task that follows an initiative left out stays, without naming it.
    pub(super) fn keep(
        &self,
        meetings: Vec<Parsed<MeetingDoc>>,
        initiatives: Vec<Parsed<InitiativeDoc>>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Vec<MeetingDoc>, Vec<InitiativeDoc>) {
        let mut meeting_docs = Vec::with_capacity(meetings.len());
        for parsed in meetings {
            diagnostics.extend(parsed.diagnostics);
            meeting_docs.extend(parsed.doc.filter(|doc| {
                (self.drafts || !doc.draft)
                    && !(self.hide_internal && doc.internal)
                    && in_account(&self.account, doc.account.as_deref())
            }));
        }
        let mut initiative_docs = Vec::with_capacity(initiatives.len());
        let mut hidden = HashSet::new();
        for parsed in initiatives {
            diagnostics.extend(parsed.diagnostics);
            match parsed.doc {
                Some(doc)
                    if self.hide_internal
                        && (doc.internal || !in_account(&self.account, doc.account.as_deref())) =>
                {
                    hidden.insert(doc.slug);
                }
                Some(doc) => initiative_docs.push(doc),
                None => {}
            }
        }
        if !hidden.is_empty() {
            for doc in &mut meeting_docs {
                let references = doc
                    .topics
                    .iter_mut()
                    .map(|topic| &mut topic.initiative)
                    .chain(doc.tasks.iter_mut().map(|task| &mut task.initiative));
                for reference in references {
                    if reference.as_ref().is_some_and(|r| hidden.contains(&r.slug)) {
                        *reference = None;
                    }
                }
            }
        }
        (meeting_docs, initiative_docs)
    }
}

/// The slug of the account a customer edition of the site at `root` shows (None for the
/// team's edition, or a site that names no account). serve asks before it starts: a site of
/// several accounts is then a usage error, not a preview of errors.
pub(crate) fn edition_account(root: &Path, options: &LoadOptions) -> Result<Option<String>> {
    if !options.edition.hides_internal() {
        return Ok(None);
    }
    let config = SiteConfig::load(root)?;
    let mut accounts = Vec::new();
    for folder in [MEETINGS_DIR, INITIATIVES_DIR] {
        for file in markdown_files(root, Path::new(folder))? {
            // A file that does not read is reported by the build that follows.
            if let Ok(source) = read_file(root, &file) {
                let marks = Marks::of(&source, true);
                if !marks.internal && (options.drafts || !marks.draft) {
                    accounts.extend(marks.account);
                }
            }
        }
    }
    let chosen = options
        .account
        .as_deref()
        .or(config.editions.customer.account.as_deref());
    customer_account(accounts.iter().map(String::as_str), chosen)
}

/// Whether a file about `named` belongs in an edition of the account `slug` (every file
/// does where the edition shows no one account).
pub(crate) fn in_account(slug: &Option<String>, named: Option<&str>) -> bool {
    match slug {
        Some(slug) => named.is_some_and(|name| crate::paths::account_slug(name) == *slug),
        None => true,
    }
}

/// The slug of the account a customer edition shows: the one `chosen` (by `--account` or
/// site.toml), else the site's only one; None for a site that names no account. A site of
/// several accounts must say which: a customer never gets another's notes by default.
pub(crate) fn customer_account<'a>(
    accounts: impl Iterator<Item = &'a str>,
    chosen: Option<&str>,
) -> Result<Option<String>> {
    let mut names: BTreeMap<String, &str> = BTreeMap::new();
    for name in accounts {
        names
            .entry(crate::paths::account_slug(name))
            .or_insert(name);
    }
    let listed = || {
        names
            .iter()
            .map(|(slug, name)| format!("{slug} ({name})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match chosen {
        Some(chosen) => {
            let slug = crate::paths::account_slug(chosen);
            if names.contains_key(&slug) {
                Ok(Some(slug))
            } else if names.is_empty() {
                Err(Error::Usage(format!(
                    "no meeting or initiative names the account `{chosen}` (none names an account: write `account = \"...\"` in their front matter)"
                )))
            } else {
                Err(Error::Usage(format!(
                    "no meeting or initiative names the account `{chosen}`; this site's accounts are {}",
                    listed()
                )))
            }
        }
        None if names.len() > 1 => Err(Error::Usage(format!(
            "this site holds {} accounts, and a customer edition shows one: say which with --account SLUG (or `account` in [editions.customer] of site.toml); its accounts are {}",
            names.len(),
            listed()
        ))),
        None => Ok(names.into_keys().next()),
    }
}

/// What a file's front matter says about who may see it.
#[derive(Deserialize, Default)]
pub(super) struct Marks {
    #[serde(default)]
    pub(super) internal: bool,
    #[serde(default)]
    pub(super) draft: bool,
    /// The account it is about: a customer edition holds one account's files only.
    #[serde(default)]
    pub(super) account: Option<String>,
}

impl Marks {
    /// A parsed meeting's marks, as its front matter gave them.
    pub(super) fn of_meeting(doc: &MeetingDoc) -> Marks {
        Marks {
            internal: doc.internal,
            draft: doc.draft,
            account: doc.account.clone(),
        }
    }

    /// A parsed initiative's marks (an initiative is never a draft).
    pub(super) fn of_initiative(doc: &InitiativeDoc) -> Marks {
        Marks {
            internal: doc.internal,
            draft: false,
            account: doc.account.clone(),
        }
    }

    /// The marks in a file's front matter; none where it does not read (parsing reports it,
    /// and the build stops). The TOML is parsed here only where it names a mark, and for its
    /// `account` only where `accounts_matter` (a customer edition): most files name one, and
    /// the team's edition should not parse every front matter twice.
    pub(super) fn of(source: &SourceFile, accounts_matter: bool) -> Marks {
        let Ok(front) = crate::content::front_matter::split_front_matter(source) else {
            return Marks::default();
        };
        let toml = &source.text[front.toml];
        if !(toml.contains("internal")
            || toml.contains("draft")
            || (accounts_matter && toml.contains("account")))
        {
            return Marks::default();
        }
        toml::from_str(toml).unwrap_or_default()
    }
}
