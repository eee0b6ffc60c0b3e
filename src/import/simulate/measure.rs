//! Imports a simulated recap in process, as `dossier import` would into an empty site, reads
//! the meeting file it wrote as a build would, and counts what it got right per layout,
//! language, owner form and deadline form.

use super::{Due, DueForm, Lang, Layout, NameStyle, OwnerForm, Rng, Truth};
use crate::content::config::SiteConfig;
use crate::content::meeting::MeetingReader;
use crate::content::people::People;
use crate::content::source::SourceFile;
use crate::dates::Precision;
use crate::import::continuity::Earlier;
use crate::import::{convert, Request};
use chrono::Datelike;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// Counts for one row of the table.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Tally {
    pub recaps: usize,
    pub tasks: usize,
    pub found: usize,
    pub owners: usize,
    pub dated: usize,
    pub dues: usize,
    pub guessed: usize,
    pub junk: usize,
    pub dates: usize,
    pub failed: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.recaps += other.recaps;
        self.tasks += other.tasks;
        self.found += other.found;
        self.owners += other.owners;
        self.dated += other.dated;
        self.dues += other.dues;
        self.guessed += other.guessed;
        self.junk += other.junk;
        self.dates += other.dates;
        self.failed += other.failed;
    }
    pub(super) fn owners_rate(&self) -> f64 {
        rate(self.owners, self.tasks)
    }
    pub(super) fn dues_rate(&self) -> f64 {
        rate(self.dues, self.dated)
    }
    pub(super) fn found_rate(&self) -> f64 {
        rate(self.found, self.tasks)
    }
}

fn rate(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// What went wrong with one task or recap, for the failure message.
#[derive(Debug, Clone)]
pub(super) struct Miss {
    pub seed: u64,
    pub layout: Layout,
    pub lang: Lang,
    pub what: String,
}

#[derive(Debug, Default)]
pub(super) struct Results {
    pub by_layout: BTreeMap<(Layout, Lang), Tally>,
    pub by_owner_form: BTreeMap<OwnerForm, Tally>,
    pub by_name_style: BTreeMap<NameStyle, Tally>,
    pub by_due_form: BTreeMap<DueForm, Tally>,
    pub misses: Vec<Miss>,
}

impl Results {
    pub(super) fn total(&self) -> Tally {
        let mut total = Tally::default();
        for tally in self.by_layout.values() {
            total.add(tally);
        }
        total
    }

    pub(super) fn table(&self) -> String {
        let mut out = String::new();
        let row = |out: &mut String, name: &str, t: &Tally| {
            let _ = writeln!(
                out,
                "{name:22} {:>5} {:>6} {:>6.1}% {:>6.1}% {:>6.1}% {:>7} {:>5} {:>6}/{:<5}",
                t.recaps,
                t.tasks,
                100.0 * t.found_rate(),
                100.0 * t.owners_rate(),
                100.0 * t.dues_rate(),
                t.guessed,
                t.junk,
                t.dates,
                t.recaps
            );
        };
        let header = format!(
            "{:22} {:>5} {:>6} {:>7} {:>7} {:>7} {:>7} {:>5} {:>12}\n",
            "", "recaps", "tasks", "found", "owners", "dues", "guessed", "junk", "date read"
        );
        out.push_str(&header.replacen("      ", "layout", 1));
        for ((layout, lang), tally) in &self.by_layout {
            row(
                &mut out,
                &format!("{} {}", layout.name(), lang.code()),
                tally,
            );
        }
        row(&mut out, "all", &self.total());
        let owner_rows = |out: &mut String, title: &str, rows: Vec<(String, &Tally)>| {
            let _ = writeln!(out, "\nby {title} (owners right of tasks found)");
            for (name, t) in rows {
                let _ = writeln!(
                    out,
                    "  {name:14} {:>5} tasks {:>6.1}%",
                    t.tasks,
                    100.0 * rate(t.owners, t.found)
                );
            }
        };
        let by_form = self.by_owner_form.iter();
        owner_rows(
            &mut out,
            "owner form",
            by_form.map(|(form, t)| (format!("{form:?}"), t)).collect(),
        );
        let by_style = self.by_name_style.iter();
        owner_rows(
            &mut out,
            "how a name is written",
            by_style
                .map(|(style, t)| (format!("{style:?}"), t))
                .collect(),
        );
        out.push_str("\nby deadline form (right of dated; guessed of undated)\n");
        for (form, t) in &self.by_due_form {
            let _ = writeln!(
                out,
                "  {:16} {:>5} tasks {:>6.1}% right, {} guessed",
                format!("{form:?}"),
                t.tasks,
                100.0 * t.dues_rate(),
                t.guessed
            );
        }
        out
    }
}

const SITE: &str = "title = \"Recaps\"\nbase_url = \"https://example.test/\"\n";

/// The recap's file name, bytes and the truth it was written from, for `seed`.
pub(super) fn recap(seed: u64, layout: Layout, lang: Lang) -> (Truth, String, String) {
    let truth = super::truth(seed, layout, lang);
    let mut rng = Rng::new(seed ^ 0x5EED);
    let (extension, text) = layout.write(&truth, &mut rng);
    (truth, format!("recap-{seed}.{extension}"), text)
}

/// Imports `count` recaps of each layout and language from `first_seed` on and counts.
pub(super) fn run(first_seed: u64, count: usize) -> Results {
    let mut results = Results::default();
    let config = match SiteConfig::parse(&SourceFile::new(Path::new("site.toml"), SITE.into())) {
        Ok(config) => config,
        Err(e) => panic!("the simulator's site.toml: {e:?}"),
    };
    let mut seed = first_seed;
    for layout in Layout::ALL {
        for &lang in layout.languages() {
            for _ in 0..count {
                seed += 1;
                let (truth, name, text) = recap(seed, layout, lang);
                one(&truth, &name, &text, &config, &mut results);
            }
        }
    }
    results
}

struct Imported {
    title: String,
    owners: Vec<String>,
    due: Option<crate::dates::Due>,
}

fn import(
    name: &str,
    text: &str,
    date: Option<chrono::NaiveDate>,
    config: &SiteConfig,
) -> Result<(chrono::NaiveDate, Vec<Imported>), String> {
    let earlier = Earlier::default();
    let request = Request {
        name: Path::new(name),
        bytes: text.as_bytes(),
        date,
        account: None,
        format: None,
        earlier: &earlier,
    };
    let (report, added) =
        convert(&request, People::default(), config).map_err(|e| e.to_string())?;
    let mut people = People::default();
    for person in added {
        people.insert(person);
    }
    let reader = MeetingReader::alone(&people, false);
    let parsed = reader.read(
        SourceFile::new(
            Path::new("content/meetings/m.md"),
            report.meeting_file.clone(),
        ),
        "m".into(),
    );
    let doc = parsed.doc.ok_or_else(|| {
        format!(
            "the meeting file does not read: {:?}\n{}",
            parsed.diagnostics, report.meeting_file
        )
    })?;
    let tasks = doc
        .tasks
        .iter()
        .map(|task| Imported {
            title: task.title.to_lowercase(),
            owners: task.owners.iter().map(|o| o.id.clone()).collect(),
            due: task.due,
        })
        .collect();
    Ok((doc.date, tasks))
}

fn due_matches(want: &Due, got: &crate::dates::Due) -> bool {
    match want {
        Due::Day(day) => got.precision == Precision::Day && got.date == *day,
        Due::Month(year, month) => {
            let last_day = got
                .date
                .succ_opt()
                .is_none_or(|next| next.month() != *month);
            got.date.year() == *year
                && got.date.month() == *month
                && (got.precision == Precision::Month || last_day)
        }
    }
}

fn one(truth: &Truth, name: &str, text: &str, config: &SiteConfig, results: &mut Results) {
    let mut tally = Tally {
        recaps: 1,
        tasks: truth.tasks.len(),
        ..Tally::default()
    };
    let miss = |what: String| Miss {
        seed: truth.seed,
        layout: truth.layout,
        lang: truth.lang,
        what,
    };
    let mut misses = Vec::new();
    let imported = match import(name, text, None, config) {
        Ok((date, tasks)) if date == truth.date => {
            tally.dates = 1;
            Ok(tasks)
        }
        Ok((date, _)) => {
            misses.push(miss(format!(
                "meeting date read as {date}, not {}",
                truth.date
            )));
            import(name, text, Some(truth.date), config).map(|(_, tasks)| tasks)
        }
        Err(e) => {
            misses.push(miss(format!("no date: {e}")));
            import(name, text, Some(truth.date), config).map(|(_, tasks)| tasks)
        }
    };
    let tasks = match imported {
        Ok(tasks) => tasks,
        Err(e) => {
            tally.failed = 1;
            misses.push(miss(format!("import failed: {e}")));
            Vec::new()
        }
    };
    let mut used = vec![false; tasks.len()];
    for want in &truth.tasks {
        let mut row = Tally {
            tasks: 1,
            ..Tally::default()
        };
        let found = tasks
            .iter()
            .enumerate()
            .position(|(i, t)| !used[i] && t.title.contains(want.key));
        if let Some(i) = found {
            used[i] = true;
            row.found = 1;
            let got = &tasks[i];
            let mut want_ids: Vec<String> = want.owners.iter().map(|&p| truth.id_of(p)).collect();
            let mut got_ids = got.owners.clone();
            want_ids.sort();
            got_ids.sort();
            if want_ids == got_ids {
                row.owners = 1;
            } else {
                misses.push(miss(format!(
                    "{:?} \"{}\": owners {got_ids:?}, not {want_ids:?}",
                    want.owner_form, want.key
                )));
            }
            match (&want.due, &got.due) {
                (Some(due), Some(got_due)) if due_matches(due, got_due) => row.dues = 1,
                (Some(due), got_due) => misses.push(miss(format!(
                    "{:?} \"{}\": due {got_due:?}, not {due:?}",
                    want.due_form, want.due_words
                ))),
                (None, Some(got_due)) => {
                    row.guessed = 1;
                    misses.push(miss(format!(
                        "{:?} \"{}\": guessed {got_due:?}",
                        want.due_form, want.due_words
                    )));
                }
                (None, None) => {}
            }
        } else {
            misses.push(miss(format!(
                "{:?}/{:?}: no task \"{}\"",
                want.owner_form, want.due_form, want.key
            )));
        }
        row.dated = usize::from(want.due.is_some());
        results
            .by_owner_form
            .entry(want.owner_form)
            .or_default()
            .add(&row);
        if !want.owners.is_empty() {
            results
                .by_name_style
                .entry(want.name_style)
                .or_default()
                .add(&row);
        }
        results
            .by_due_form
            .entry(want.due_form)
            .or_default()
            .add(&row);
        tally.found += row.found;
        tally.owners += row.owners;
        tally.dated += row.dated;
        tally.dues += row.dues;
        tally.guessed += row.guessed;
    }
    for (i, task) in tasks.iter().enumerate() {
        if !used[i] {
            tally.junk += 1;
            misses.push(miss(format!("junk task \"{}\"", task.title)));
        }
    }
    results
        .by_layout
        .entry((truth.layout, truth.lang))
        .or_default()
        .add(&tally);
    results.misses.extend(misses);
}
