//! `dossier digest`: each owner's week, as an e-mail. What they owe (overdue, this week, next
//! week, and what has waited longest without a deadline), what is new for them, what slipped
//! and what was done in the seven days before, grouped by account; written as e-mail-ready HTML
//! and plain text (`write.rs`) and sent by SMTP (`send.rs`).

pub(crate) mod send;
pub(crate) mod write;

use crate::content::config::Edition;
use crate::content::load::LoadOptions;
use crate::content::people::Person;
use crate::dates::{week_start, Bucket};
use crate::error::Result;
use crate::language::Language;
use crate::model::load::load_site;
use crate::model::{Site, Task};
use crate::render::theme::words_of;
use crate::render::words::Words;
use crate::urls;
use chrono::{Days, NaiveDate};
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

/// How many undated tasks a digest lists, those waiting longest first.
const WAITING_SHOWN: usize = 5;

/// The seven days a digest looks back on, and the day it is made.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Week {
    /// The day the digest is made for: what is overdue and due is seen from it.
    pub day: NaiveDate,
    /// The first day of its week in the site's calendar.
    pub start: NaiveDate,
    /// New, slipped and done count from this day (a week before `day`) on.
    pub since: NaiveDate,
}

impl Week {
    pub(crate) fn of(site: &Site, day: NaiveDate) -> Week {
        Week {
            day,
            start: week_start(day, site.config.week_start),
            since: day - Days::new(7),
        }
    }

    fn holds(&self, date: NaiveDate) -> bool {
        self.since < date && date <= self.day
    }
}

/// One task as a digest lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    pub title: String,
    /// The page that shows it, absolute (`base_url` and its address).
    pub url: String,
    pub due: Option<String>,
    pub days_late: i64,
    /// The meeting that last mentioned it, and when.
    pub meeting: String,
    pub meeting_date: NaiveDate,
    /// Also owed by these (names), when shared.
    pub with: Vec<String>,
    /// For a slipped task, the deadline before; for a done one, the day it was done.
    pub note: Option<Note>,
    /// Raised in the week: said where it is listed, so that no task is listed twice.
    pub new: bool,
}

/// What a line adds about a slip or a finish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Note {
    /// The deadline before it slipped, as a label ("was Fri 4 Dec 2026").
    Was(String),
    /// Said as it is ("done Fri 4 Dec 2026").
    Said(String),
}

/// One account's part of a digest (or the part of meetings without an account).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct AccountPart {
    pub account: Option<String>,
    pub overdue: Vec<Line>,
    pub this_week: Vec<Line>,
    pub next_week: Vec<Line>,
    /// Open without a deadline, waiting longest first.
    pub waiting: Vec<Line>,
    /// Open and dated after next week: counted, not listed.
    pub later: usize,
    /// Raised in the week and due after next week: listed only here.
    pub new: Vec<Line>,
    pub slipped: Vec<Line>,
    pub done: Vec<Line>,
}

impl AccountPart {
    /// Whether this part asks anything of its reader: something owed or new.
    fn asks_anything(&self) -> bool {
        !(self.overdue.is_empty()
            && self.this_week.is_empty()
            && self.next_week.is_empty()
            && self.waiting.is_empty()
            && self.new.is_empty())
    }
}

/// One person's week.
#[derive(Debug, Clone)]
pub(crate) struct Digest {
    pub person: Person,
    pub site_title: String,
    pub site_url: String,
    /// The page of everything the person owes, where the edition has owner pages (the
    /// customer edition has none).
    pub owner_page: Option<String>,
    pub week: Week,
    /// By account name, meetings without an account last.
    pub parts: Vec<AccountPart>,
    /// The theme's words in the language of the site (or of the customer edition) it comes
    /// from: a Dutch site's digest is in Dutch.
    pub words: Arc<Words>,
}

impl Digest {
    /// Whether there is anything to send: an owner with nothing owed and nothing new gets no
    /// mail.
    pub(crate) fn asks_anything(&self) -> bool {
        self.parts.iter().any(AccountPart::asks_anything)
    }

    pub(crate) fn count(&self, of: impl Fn(&AccountPart) -> usize) -> usize {
        self.parts.iter().map(of).sum()
    }
}

/// `person`'s week in `site`, seen from `week.day`, said in `words`.
pub(crate) fn digest_of(site: &Site, person: &Person, week: Week, words: &Arc<Words>) -> Digest {
    let mut parts: Vec<AccountPart> = Vec::new();
    for (index, task) in site.tasks.iter().enumerate() {
        if !task.owners.iter().any(|owner| owner.id == person.id) {
            continue;
        }
        let meeting = &site.meetings[task.meeting];
        let account = meeting.account.clone();
        let part = match parts.iter().position(|part| part.account == account) {
            Some(at) => &mut parts[at],
            None => {
                parts.push(AccountPart {
                    account,
                    ..AccountPart::default()
                });
                let last = parts.len() - 1;
                &mut parts[last]
            }
        };
        place(site, person, week, words.language(), part, index);
    }
    for part in &mut parts {
        part.waiting.sort_by_key(|line| line.meeting_date);
        part.waiting.truncate(WAITING_SHOWN);
    }
    parts.retain(|part| part.asks_anything() || !part.done.is_empty());
    parts.sort_by(|a, b| (a.account.is_none(), &a.account).cmp(&(b.account.is_none(), &b.account)));
    Digest {
        person: person.clone(),
        site_title: site.config.title.clone(),
        site_url: site.config.base_url.clone(),
        owner_page: (!site.config.edition.hides_internal()).then(|| {
            format!(
                "{}{}",
                site.config.base_url,
                urls::owner(&person.id).trim_start_matches('/')
            )
        }),
        week,
        parts,
        words: Arc::clone(words),
    }
}

/// Puts one mention of a task the person owns where the digest shows it, its dates said in
/// `language`.
fn place(
    site: &Site,
    person: &Person,
    week: Week,
    language: Language,
    part: &mut AccountPart,
    index: usize,
) {
    let task = &site.tasks[index];
    let raised = site
        .thread_of(task)
        .map_or(task.meeting, |thread| site.tasks[thread.first()].meeting);
    let mentioned_on = site.meetings[task.meeting].date;
    // A mention in the week that moved the deadline later is a slip, whatever came after.
    if let Some(before) = site
        .change(index)
        .and_then(|change| change.slipped_from)
        .filter(|_| week.holds(mentioned_on))
    {
        let mut line = line_of(site, person, task, language);
        line.note = Some(Note::Was(before.label(language)));
        part.slipped.push(line);
    }
    if !task.is_current() {
        return;
    }
    if task.done {
        let done_on = task.done_on.unwrap_or(mentioned_on);
        if week.holds(done_on) {
            let mut line = line_of(site, person, task, language);
            line.note = Some(Note::Said(crate::dates::done_on_label(done_on, language)));
            part.done.push(line);
        }
        return;
    }
    let mut line = line_of(site, person, task, language);
    line.new = week.holds(site.meetings[raised].date);
    match Bucket::of(task.due, week.day, site.config.week_start) {
        Bucket::Overdue => part.overdue.push(line),
        Bucket::Today | Bucket::ThisWeek => part.this_week.push(line),
        Bucket::NextWeek => part.next_week.push(line),
        Bucket::Later(_) if line.new => part.new.push(line),
        Bucket::Later(_) => part.later += 1,
        Bucket::Undated => part.waiting.push(line),
    }
}

fn line_of(site: &Site, person: &Person, task: &Task, language: Language) -> Line {
    let meeting = &site.meetings[task.meeting];
    let address = match site.thread_of(task) {
        Some(_) => urls::task(&task.id),
        None => site.task_url(task),
    };
    Line {
        title: task.title.clone(),
        url: format!(
            "{}{}",
            site.config.base_url,
            address.trim_start_matches('/')
        ),
        due: task.due.map(|due| due.label(language)),
        days_late: task.days_late(site.today),
        meeting: meeting.title.clone(),
        meeting_date: meeting.date,
        with: task
            .owners
            .iter()
            .filter(|owner| owner.id != person.id)
            .map(|owner| owner.name.clone())
            .collect(),
        note: None,
        new: false,
    }
}

/// The people a digest is made for: `only` (an id), or everyone in people.toml who owns a
/// task, in id order.
pub(crate) fn owners(site: &Site, only: Option<&str>) -> Vec<Person> {
    let owning: HashSet<&str> = site
        .tasks
        .iter()
        .flat_map(|task| task.owners.iter().map(|owner| owner.id.as_str()))
        .collect();
    site.people
        .values()
        .filter(|person| person.listed)
        .filter(|person| only.is_none_or(|id| person.id == id))
        .filter(|person| owning.contains(person.id.as_str()))
        .cloned()
        .collect()
}

/// The digests of `team`, the team's edition of the site at `root`, for its day: of `only` (an
/// id) or of everyone who owns a task. A person marked `external` gets theirs from the
/// customer edition of each account, so that nothing marked internal reaches them.
pub(crate) fn digests(root: &Path, team: &Site, only: Option<&str>) -> Result<Vec<Digest>> {
    let options = LoadOptions {
        today: Some(team.today),
        ..LoadOptions::default()
    };
    let week = Week::of(team, team.today);
    let people = owners(team, only);
    let team_words = Arc::new(site_words(root, team)?);
    let mut customer_sites: Option<Vec<(Site, Arc<Words>)>> = None;
    let mut made = Vec::new();
    for person in people {
        if !person.external {
            made.push(digest_of(team, &person, week, &team_words));
            continue;
        }
        if customer_sites.is_none() {
            customer_sites = Some(customer_editions(root, team, &options)?);
        }
        let mut digest = Digest {
            person: person.clone(),
            site_title: team.config.title.clone(),
            site_url: team.config.base_url.clone(),
            owner_page: None,
            week,
            parts: Vec::new(),
            words: Arc::clone(&team_words),
        };
        for (site, words) in customer_sites.iter().flatten() {
            let theirs = digest_of(site, &person, week, words);
            digest.site_title = theirs.site_title;
            digest.site_url = theirs.site_url;
            digest.words = theirs.words;
            digest.parts.extend(theirs.parts);
        }
        made.push(digest);
    }
    Ok(made)
}

/// The words of `site`'s theme in its language (a customer edition's may differ).
fn site_words(root: &Path, site: &Site) -> Result<Words> {
    words_of(root, &site.config.theme, site.config.language)
}

/// The customer edition of every account of the site (of the site, where it names none), with
/// its words.
fn customer_editions(
    root: &Path,
    team: &Site,
    options: &LoadOptions,
) -> Result<Vec<(Site, Arc<Words>)>> {
    let accounts: Vec<Option<String>> = if team.accounts.is_empty() {
        vec![None]
    } else {
        team.accounts.iter().map(|a| Some(a.slug.clone())).collect()
    };
    accounts
        .into_iter()
        .map(|account| {
            let options = LoadOptions {
                edition: Edition::Customer,
                account,
                ..options.clone()
            };
            let site = load_site(root, &options)?.site;
            let words = Arc::new(site_words(root, &site)?);
            Ok((site, words))
        })
        .collect()
}
