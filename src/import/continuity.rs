//! Linking an imported recap's tasks to the open tasks of the same account it repeats: recaps
//! list open items again each week, and a repeated item written with the earlier task's id is
//! one task continued (its history and slips kept), not a second one.

use super::files::{self, Change};
use crate::content::source::MAX_FILE_BYTES;
use crate::dates::Due;
use crate::error::{Error, Result};
use crate::model::threads::title_words;
use crate::model::{account_slug, Site};
use crate::paths::slugify;
use chrono::NaiveDate;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// An open task of an earlier meeting, as a recap may repeat it.
#[derive(Debug, Clone)]
pub struct EarlierTask {
    /// Its `{#id}`, if it has one.
    pub id: Option<String>,
    pub title: String,
    /// Owner ids, sorted.
    pub owners: Vec<String>,
    pub due: Option<Due>,
    pub meeting: String,
    pub meeting_date: NaiveDate,
    /// The meeting file, relative to the site, and the task's first line in it.
    pub source: PathBuf,
    pub line: usize,
}

/// The open tasks a recap may continue, and the ids already taken.
#[derive(Debug, Default, Clone)]
pub struct Earlier {
    pub tasks: Vec<EarlierTask>,
    pub taken_ids: HashSet<String>,
}

impl Earlier {
    /// The open tasks, in their latest state, of the meetings of `account` (or of those without
    /// one) before `date`.
    pub fn of(site: &Site, account: Option<&str>, date: NaiveDate) -> Earlier {
        let wanted = account.map(account_slug);
        let tasks = site
            .current_tasks()
            .filter_map(|t| {
                let task = &site.tasks[t];
                let meeting = &site.meetings[task.meeting];
                let same_account = meeting.account.as_deref().map(account_slug) == wanted;
                if task.done || !same_account || meeting.date >= date {
                    return None;
                }
                let mut owners: Vec<String> = task.owners.iter().map(|p| p.id.clone()).collect();
                owners.sort();
                Some(EarlierTask {
                    id: task.named.then(|| task.id.clone()),
                    title: task.title.clone(),
                    owners,
                    due: task.due,
                    meeting: meeting.slug.clone(),
                    meeting_date: meeting.date,
                    source: meeting.source.clone(),
                    line: task.line,
                })
            })
            .collect();
        Earlier {
            tasks,
            taken_ids: site.thread_by_id.keys().cloned().collect(),
        }
    }
}

/// A recap task written as the continuation of an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub title: String,
    pub id: String,
    pub meeting: String,
    pub old_due: Option<String>,
    pub new_due: Option<String>,
    /// The earlier task had no id: its line gets this one, so that both are one task.
    pub earlier_gets_id: Option<(PathBuf, usize)>,
}

/// A recap task that could continue more than one earlier task: not linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguity {
    pub title: String,
    /// (title, meeting) of each candidate.
    pub candidates: Vec<(String, String)>,
}

/// How alike two titles are, from 0 to 1: the share of their words in common, or 0.75 when
/// every word of the earlier title is in the recap's task (title and text).
fn likeness(earlier: &[String], title: &[String], text: &[String]) -> f64 {
    if earlier.is_empty() || title.is_empty() {
        return 0.0;
    }
    let common = earlier.iter().filter(|w| title.contains(w)).count();
    let union = earlier.len() + title.len() - common;
    let share = common as f64 / union as f64;
    let contained = earlier.len() >= 2 && earlier.iter().all(|w| text.contains(w));
    if contained {
        share.max(0.75)
    } else {
        share
    }
}

/// Titles at least this alike may be the same task.
const ALIKE: f64 = 0.5;
/// The best candidate must lead the next by this much to be chosen.
const CLEAR_LEAD: f64 = 0.2;
/// Ids made from titles keep at most this many bytes, cut at a hyphen.
const ID_BYTES: usize = 48;

/// Links recap tasks to earlier ones, one at a time, and gives ids to the tasks it creates.
pub(crate) struct Linker<'a> {
    earlier: &'a Earlier,
    /// Earlier tasks already continued by a task of this recap.
    used: HashSet<usize>,
    taken: HashSet<String>,
    pub links: Vec<Link>,
    pub ambiguous: Vec<Ambiguity>,
}

impl<'a> Linker<'a> {
    pub(crate) fn new(earlier: &'a Earlier) -> Self {
        Linker {
            earlier,
            used: HashSet::new(),
            taken: earlier.taken_ids.clone(),
            links: Vec::new(),
            ambiguous: Vec::new(),
        }
    }

    /// The id to write on a recap task: an earlier task's, when the recap clearly repeats it
    /// (same owners, or none on either side, and a title alike), else a new one.
    pub(crate) fn id_for(
        &mut self,
        title: &str,
        description: &str,
        owners: &[String],
        due: Option<Due>,
    ) -> String {
        let mut owners = owners.to_vec();
        owners.sort();
        let title_set = title_words(title);
        let text_set = title_words(&format!("{title} {description}"));
        let mut scored: Vec<(f64, usize)> = self
            .earlier
            .tasks
            .iter()
            .enumerate()
            .filter(|(n, task)| {
                !self.used.contains(n)
                    && (task.owners.is_empty() || owners.is_empty() || task.owners == owners)
            })
            .map(|(n, task)| {
                let earlier = title_words(&task.title);
                (likeness(&earlier, &title_set, &text_set), n)
            })
            .filter(|(score, _)| *score >= ALIKE)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let chosen = match scored.as_slice() {
            [] => None,
            [(_, only)] => Some(*only),
            [(best, first), (next, _), ..] if best - next >= CLEAR_LEAD => Some(*first),
            candidates => {
                self.ambiguous.push(Ambiguity {
                    title: title.to_string(),
                    candidates: candidates
                        .iter()
                        .map(|&(_, n)| {
                            let task = &self.earlier.tasks[n];
                            (task.title.clone(), task.meeting.clone())
                        })
                        .collect(),
                });
                None
            }
        };
        let Some(n) = chosen else {
            return self.new_id(title);
        };
        self.used.insert(n);
        let task = &self.earlier.tasks[n];
        let (id, earlier_gets_id) = match &task.id {
            Some(id) => (id.clone(), None),
            None => (
                self.new_id(&task.title),
                Some((task.source.clone(), task.line)),
            ),
        };
        self.links.push(Link {
            title: title.to_string(),
            id: id.clone(),
            meeting: task.meeting.clone(),
            old_due: task.due.map(|d| d.token()),
            new_due: due.map(|d| d.token()),
            earlier_gets_id,
        });
        id
    }

    /// An id from a title (without the deadline a recap writes into it), not taken by another
    /// task of the site or of this recap.
    fn new_id(&mut self, title: &str) -> String {
        // The words a recap's title adds to say when: "… by Nov 20", "… by end of month".
        const DEADLINE_WORDS: &str =
            "by before on until due eow eod eom end of the next this week \
             month today tomorrow monday tuesday wednesday thursday friday jan feb mar apr jun jul \
             aug sep sept oct nov dec";
        let is_deadline_word = |word: &str| {
            DEADLINE_WORDS.split_whitespace().any(|w| w == word)
                || super::MONTH_NAMES.contains(&word)
        };
        let slug = slugify(title);
        let mut words: Vec<&str> = slug
            .split('-')
            .filter(|word| !word.chars().all(|c| c.is_ascii_digit()))
            .collect();
        while words.len() > 1 && words.last().is_some_and(|w| is_deadline_word(w)) {
            words.pop();
        }
        let mut base = words.join("-");
        if base.len() > ID_BYTES {
            let cut = base[..ID_BYTES].rfind('-').unwrap_or(ID_BYTES);
            base.truncate(cut);
        }
        if base.is_empty() {
            base = "task".to_string();
        }
        let mut id = base.clone();
        let mut suffix = 2;
        while !self.taken.insert(id.clone()) {
            id = format!("{base}-{suffix}");
            suffix += 1;
        }
        id
    }
}

/// The earlier meeting files with the first line of each task a link continues ended with its
/// new id (a line that already holds an id is left alone); written by the caller with the
/// meeting, all or none.
#[derive(Debug, Default)]
pub(super) struct EarlierIds {
    pub(super) changes: Vec<Change>,
    /// The lines changed, as `file:line`.
    pub(super) lines: Vec<String>,
    /// The ids not added, as `file:line {#id}`, with why: a meeting that is a link is not
    /// written through.
    pub(super) not_added: Vec<(String, String)>,
}

pub(super) fn ids_for_earlier(root: &Path, links: &[Link]) -> Result<EarlierIds> {
    let mut earlier = EarlierIds::default();
    let mut by_file: std::collections::BTreeMap<&Path, Vec<(usize, &str)>> = Default::default();
    for link in links {
        if let Some((file, line)) = &link.earlier_gets_id {
            by_file
                .entry(file.as_path())
                .or_default()
                .push((*line, &link.id));
        }
    }
    for (file, lines) in by_file {
        let target = files::locate(root, file)?;
        let text = match target.refuse_links() {
            Ok(()) => target.read_text(MAX_FILE_BYTES)?,
            Err(refused) => {
                let why = refused.into_diagnostic(file).message;
                for (line, id) in lines {
                    earlier
                        .not_added
                        .push((format!("{}:{line} {{#{id}}}", file.display()), why.clone()));
                }
                continue;
            }
        };
        let Some(text) = text else {
            return Err(Error::read(
                file,
                std::io::Error::from(std::io::ErrorKind::NotFound),
            ));
        };
        let mut out = String::with_capacity(text.len() + 64);
        for (n, line) in text.split_inclusive('\n').enumerate() {
            let id = lines.iter().find(|(at, _)| *at == n + 1).map(|(_, id)| id);
            match id {
                Some(id) if !line.contains("{#") => {
                    let body = line.trim_end_matches(['\n', '\r']);
                    out.push_str(body);
                    out.push_str(&format!(" {{#{id}}}"));
                    out.push_str(&line[body.len()..]);
                    earlier.lines.push(format!("{}:{}", file.display(), n + 1));
                }
                _ => out.push_str(line),
            }
        }
        earlier.changes.push(Change {
            target,
            contents: out.into_bytes(),
            replace: true,
        });
    }
    Ok(earlier)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn earlier(titles: &[(&str, &[&str])]) -> Earlier {
        Earlier {
            tasks: titles
                .iter()
                .enumerate()
                .map(|(n, (title, owners))| EarlierTask {
                    id: (n == 0).then(|| "first".to_string()),
                    title: title.to_string(),
                    owners: owners.iter().map(|o| o.to_string()).collect(),
                    due: None,
                    meeting: format!("m{n}"),
                    meeting_date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                    source: PathBuf::from(format!("content/meetings/m{n}.md")),
                    line: 10 + n,
                })
                .collect(),
            taken_ids: ["first".to_string()].into(),
        }
    }

    #[test]
    fn a_repeated_task_takes_the_earlier_id_and_a_new_one_gets_its_own() {
        let site = earlier(&[
            ("Close the package deal", &["ana"]),
            ("Send the security questionnaire", &["bo"]),
        ]);
        let mut linker = Linker::new(&site);
        let owners = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            linker.id_for("Close package deal", "", &owners(&["ana"]), None),
            "first"
        );
        // The earlier task has no id: it gets one made from its title.
        assert_eq!(
            linker.id_for(
                "Security questionnaire",
                "send the security questionnaire",
                &[],
                None
            ),
            "send-the-security-questionnaire"
        );
        assert_eq!(
            linker.links[1].earlier_gets_id,
            Some((PathBuf::from("content/meetings/m1.md"), 11))
        );
        // Other owners: not the same task.
        assert_eq!(
            linker.id_for("Close the package deal", "", &owners(&["bo"]), None),
            "close-the-package-deal"
        );
        assert_eq!(linker.links.len(), 2);
    }

    #[test]
    fn two_equally_alike_candidates_are_reported_and_not_linked() {
        let site = earlier(&[("Send the offer", &[]), ("Send the offer", &[])]);
        let mut linker = Linker::new(&site);
        let id = linker.id_for("Send the offer", "", &[], None);
        assert_eq!(id, "send-the-offer");
        assert!(linker.links.is_empty());
        assert_eq!(linker.ambiguous.len(), 1);
        assert_eq!(linker.ambiguous[0].candidates.len(), 2);
    }
}
