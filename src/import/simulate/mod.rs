//! A recap simulator: from a truth (the meeting's date, who took part, the topics, the tasks
//! with their owners and deadlines) it writes the recap as each tool lays it out, in English,
//! Dutch, French and German, with seeded variation in every slot (how an owner is named, how a
//! deadline is phrased, bullets, indentation, headings, footers), then imports it and compares
//! what came out with the truth. `cargo test` runs a few hundred and holds the importer to its
//! bar per layout and language; the ignored test prints the table for as many as asked:
//!
//! ```text
//! DOSSIER_SIMULATE=5000 cargo test --release --lib simulate::accuracy_table -- --ignored --nocapture
//! ```

mod layouts;
mod measure;
mod words;

use chrono::{Datelike, Days, NaiveDate, Weekday};
pub(super) use layouts::Layout;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum Lang {
    En,
    Nl,
    Fr,
    De,
}

impl Lang {
    pub(super) const ALL: [Lang; 4] = [Lang::En, Lang::Nl, Lang::Fr, Lang::De];
    pub(super) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// The language whose day and month names the recaps are written with.
    pub(super) fn language(self) -> crate::language::Language {
        use crate::language::Language;
        match self {
            Lang::En => Language::English,
            Lang::Nl => Language::Dutch,
            Lang::Fr => Language::French,
            Lang::De => Language::German,
        }
    }
}

/// A small seeded generator (SplitMix64): the same seed writes the same recaps on every
/// machine, so a failure names a seed that reproduces it.
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// How a recap names a task's owners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum OwnerForm {
    /// "Sam will …", "Sam and Ana to …", "The team will …".
    Lead,
    /// "… (Sam, Ana)".
    Parentheses,
    /// "[Sam Peeters] …".
    Brackets,
    /// "… — Owner: Sam".
    Label,
    /// An indented "Owner: Sam" line under the item.
    FieldLine,
    /// "@Sam Peeters …".
    Mention,
    /// "… – Sam".
    Dash,
    /// "Sam: …" before the item's text.
    Colon,
    /// "…: Sam et Ana" after the item's text, as people write minutes.
    TrailingColon,
    /// "… → Sam".
    Arrow,
    /// "Offerte – Sam Peeters – tegen vrijdag": columns between dashes.
    Columns,
    /// A heading with the owner's name over their items.
    Group,
    /// A table's Owner column.
    Table,
    /// Nobody is named.
    Nobody,
}

/// How a recap writes the name of a person it lists in full elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum NameStyle {
    /// "Sam Peeters".
    Full,
    /// "Sam".
    First,
    /// "SP", as people sign minutes.
    Initials,
    /// "Dhr. Peeters", "Mme Dubois", "Frau Weber".
    Title,
}

/// How a recap phrases a task's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum DueForm {
    Weekday,
    NextWeekWeekday,
    DayMonth,
    Numeric,
    Iso,
    EndOfMonth,
    EndOfWeek,
    /// "Anfang Februar", "début février": the month.
    StartOfMonth,
    /// "in zwei Wochen", "binnen drie weken": that many weeks after the meeting.
    InWeeks,
    /// "d'ici le 15", "by the 15th": the next such day of the month.
    DayOfMonth,
    /// Sounds like a deadline, gives no date: the import must leave it undated.
    Vague,
    None,
}

/// A deadline as the truth knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Due {
    Day(NaiveDate),
    Month(i32, u32),
}

#[derive(Debug, Clone)]
pub(super) struct TruthTask {
    /// The phrase the recap writes.
    pub phrase: &'static str,
    /// The phrase after its subject, the verb conjugated; empty where the language has none.
    pub acts: &'static str,
    /// Words the imported title must contain (lower case).
    pub key: &'static str,
    /// Indexes into `Truth::people`.
    pub owners: Vec<usize>,
    pub team: bool,
    pub owner_form: OwnerForm,
    /// How each owner's name is written (the recap lists them in full).
    pub name_style: NameStyle,
    pub due_form: DueForm,
    /// The words of the deadline, as the recap writes them.
    pub due_words: String,
    pub due: Option<Due>,
    /// A date in the past the item mentions, which is no deadline.
    pub past: Option<String>,
}

#[derive(Debug, Clone)]
pub(super) struct Truth {
    pub seed: u64,
    pub lang: Lang,
    pub layout: Layout,
    pub date: NaiveDate,
    pub title: String,
    pub people: Vec<&'static str>,
    pub topics: Vec<(&'static str, &'static str)>,
    pub tasks: Vec<TruthTask>,
}

impl Truth {
    pub(super) fn id_of(&self, person: usize) -> String {
        crate::paths::slugify(self.people[person])
    }
    /// How the recap writes a person as an owner.
    pub(super) fn owner_name(&self, task: &TruthTask, person: usize) -> String {
        let full = self.people[person];
        match task.name_style {
            NameStyle::Full => full.to_string(),
            NameStyle::First => full.split(' ').next().unwrap_or(full).to_string(),
            NameStyle::Initials => initials(full),
            NameStyle::Title => {
                let title = words::of(self.lang).titles[person % 2];
                let surname = full.split_once(' ').map_or(full, |(_, surname)| surname);
                format!("{title} {surname}")
            }
        }
    }
}

/// "SP" for "Sam Peeters", "PDS" for "Pieter De Smet".
fn initials(full: &str) -> String {
    full.split(' ')
        .filter_map(|word| word.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

fn unique_initials(people: &[&str]) -> bool {
    let mut seen: Vec<String> = people.iter().map(|p| initials(p)).collect();
    seen.sort();
    seen.windows(2).all(|pair| pair[0] != pair[1])
}

const CUSTOMERS: &[&str] = &[
    "Brightwell",
    "Calloway",
    "Dunmore",
    "Everhart",
    "Fairbank",
    "Glenrock",
    "Hollis",
    "Ivory Bay",
    "Juniper",
    "Kestrel",
    "Larkspur",
    "Marlowe",
];

/// A truth for `layout` in `lang`, from `seed`.
pub(super) fn truth(seed: u64, layout: Layout, lang: Lang) -> Truth {
    let mut rng = Rng::new(seed);
    let words = words::of(lang);
    // A weekday meeting, Monday to Wednesday, so that "by Friday" is this week's.
    let start = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap_or_default();
    let mut date = start + Days::new(rng.below(170) as u64);
    while date.weekday().num_days_from_monday() > 2 {
        date = date + Days::new(1);
    }
    let mut people: Vec<&'static str> = Vec::new();
    let count = 3 + rng.below(3);
    while people.len() < count {
        let person = *rng.pick(words.people);
        if !people.contains(&person) {
            people.push(person);
        }
    }
    let mut topics = Vec::new();
    let mut topic_order: Vec<usize> = (0..words.topics.len()).collect();
    shuffle(&mut rng, &mut topic_order);
    for &i in topic_order.iter().take(2 + rng.below(2)) {
        topics.push((words.topics[i].title, words.topics[i].text));
    }
    let forms = layout.owner_forms();
    let mut order: Vec<usize> = (0..words.tasks.len()).collect();
    shuffle(&mut rng, &mut order);
    let group_form = forms.contains(&OwnerForm::Group) && rng.chance(40);
    let table_form = forms.contains(&OwnerForm::Table) && rng.chance(40);
    let lists_people = layout.lists_people();
    let mut tasks = Vec::new();
    for &i in order.iter().take(3 + rng.below(4)) {
        let task_words = &words.tasks[i];
        let owner_form = if group_form {
            OwnerForm::Group
        } else if table_form {
            OwnerForm::Table
        } else {
            *rng.pick(
                &forms
                    .iter()
                    .copied()
                    .filter(|f| !matches!(f, OwnerForm::Group | OwnerForm::Table))
                    .collect::<Vec<_>>(),
            )
        };
        let (owners, team) = match (owner_form, rng.below(10)) {
            (OwnerForm::Nobody, _) => (Vec::new(), false),
            (OwnerForm::Lead, 0) => (Vec::new(), true),
            // Two owners where the form can write them.
            (
                OwnerForm::Lead | OwnerForm::Parentheses | OwnerForm::Label | OwnerForm::Table,
                1 | 2,
            ) => {
                let a = rng.below(people.len());
                let b = (a + 1 + rng.below(people.len() - 1)) % people.len();
                (vec![a, b], false)
            }
            _ => (vec![rng.below(people.len())], false),
        };
        let short_names = lists_people
            && !matches!(
                owner_form,
                OwnerForm::Brackets | OwnerForm::Mention | OwnerForm::Table
            );
        // People writing minutes also sign tasks with initials or a title and surname; a
        // tool writes first names.
        let by_hand = layout.written_by_hand();
        let name_style = match rng.below(if by_hand { 8 } else { 4 }) {
            _ if !short_names => NameStyle::Full,
            0 | 1 => NameStyle::Full,
            2 | 3 => NameStyle::First,
            4 | 5 if unique_initials(&people) => NameStyle::Initials,
            6 | 7 => NameStyle::Title,
            _ => NameStyle::First,
        };
        let due_form = *rng.pick(layout.due_forms(lang));
        let (due_words, due) = deadline(&mut rng, lang, date, due_form);
        let past = rng.chance(15).then(|| {
            let day = date - Days::new(5 + rng.below(40) as u64);
            rng.pick(words.past).replace(
                "{D}",
                &words.day_month(lang, day.day(), day.month(), rng.below(2)),
            )
        });
        tasks.push(TruthTask {
            phrase: task_words.phrase,
            acts: task_words.acts,
            key: task_words.key,
            owners,
            team,
            owner_form,
            name_style,
            due_form,
            due_words,
            due,
            past,
        });
    }
    let customer = *rng.pick(CUSTOMERS);
    let title = match lang {
        Lang::En => format!("{customer} account sync"),
        Lang::Nl => format!("{customer} accountoverleg"),
        Lang::Fr => format!("{customer} point de compte"),
        Lang::De => format!("{customer} Account-Abstimmung"),
    };
    Truth {
        seed,
        lang,
        layout,
        date,
        title,
        people,
        topics,
        tasks,
    }
}

fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = rng.below(i + 1);
        items.swap(i, j);
    }
}

/// The words of a deadline of `form`, and the deadline a careful reader takes from them.
fn deadline(rng: &mut Rng, lang: Lang, meeting: NaiveDate, form: DueForm) -> (String, Option<Due>) {
    let words = words::of(lang);
    let weekday_name = |day: Weekday| lang.language().weekday(day);
    match form {
        DueForm::Weekday => {
            // Thursday or Friday of the meeting's week (it is on Monday to Wednesday).
            let day = if rng.chance(50) {
                Weekday::Thu
            } else {
                Weekday::Fri
            };
            let offset = day.num_days_from_monday() - meeting.weekday().num_days_from_monday();
            let phrase = rng.pick(words.by_weekday).replace("{W}", weekday_name(day));
            (phrase, Some(Due::Day(meeting + Days::new(offset as u64))))
        }
        DueForm::NextWeekWeekday => {
            let day = *rng.pick(&[
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ]);
            let monday = meeting - Days::new(meeting.weekday().num_days_from_monday() as u64);
            let target = monday + Days::new(7 + day.num_days_from_monday() as u64);
            let phrase = rng
                .pick(words.next_week_weekday)
                .replace("{W}", weekday_name(day));
            (phrase, Some(Due::Day(target)))
        }
        DueForm::DayMonth => {
            let target = meeting + Days::new(3 + rng.below(50) as u64);
            let written = words.day_month(lang, target.day(), target.month(), rng.below(2));
            (
                rng.pick(words.by_day_month).replace("{D}", &written),
                Some(Due::Day(target)),
            )
        }
        DueForm::Numeric => {
            let target = meeting + Days::new(3 + rng.below(50) as u64);
            let written = match lang {
                Lang::En => target.format("%Y-%m-%d").to_string(),
                Lang::De => target.format("%d.%m.%Y").to_string(),
                _ => target.format("%d/%m/%Y").to_string(),
            };
            (
                rng.pick(words.by_day_month).replace("{D}", &written),
                Some(Due::Day(target)),
            )
        }
        DueForm::Iso => {
            let target = meeting + Days::new(3 + rng.below(50) as u64);
            (
                target.format("%Y-%m-%d").to_string(),
                Some(Due::Day(target)),
            )
        }
        DueForm::EndOfMonth => month_phrase(rng, lang, meeting, words.by_end_of_month),
        DueForm::EndOfWeek => {
            let offset = 4 - meeting.weekday().num_days_from_monday();
            (
                rng.pick(words.by_end_of_week).to_string(),
                Some(Due::Day(meeting + Days::new(offset as u64))),
            )
        }
        DueForm::StartOfMonth => month_phrase(rng, lang, meeting, words.by_start_of_month),
        DueForm::InWeeks => {
            let weeks = 2 + rng.below(2);
            let phrase = rng
                .pick(words.in_weeks)
                .replace("{N}", words.two_three[weeks - 2]);
            (
                phrase,
                Some(Due::Day(meeting + Days::new(7 * weeks as u64))),
            )
        }
        DueForm::DayOfMonth => {
            let target = meeting + Days::new(3 + rng.below(25) as u64);
            let day = target.day();
            let ordinal = match (lang, day) {
                (Lang::En, 1 | 21 | 31) => format!("{day}st"),
                (Lang::En, 2 | 22) => format!("{day}nd"),
                (Lang::En, 3 | 23) => format!("{day}rd"),
                (Lang::En, _) => format!("{day}th"),
                (Lang::Nl, _) => format!("{day}e"),
                (Lang::Fr, 1) => "1er".to_string(),
                (Lang::Fr, _) => day.to_string(),
                (Lang::De, _) => format!("{day}."),
            };
            (
                rng.pick(words.by_day_of_month).replace("{N}", &ordinal),
                Some(Due::Day(target)),
            )
        }
        DueForm::Vague => (rng.pick(words.vague).to_string(), None),
        DueForm::None => (String::new(), None),
    }
}

/// One of `phrases` about the next month or the one after ("by the end of {M}", "Anfang
/// {M}"): the deadline is that month.
fn month_phrase(
    rng: &mut Rng,
    lang: Lang,
    meeting: NaiveDate,
    phrases: &[&str],
) -> (String, Option<Due>) {
    let (mut year, mut month) = (meeting.year(), meeting.month() + 1 + rng.below(2) as u32);
    if month > 12 {
        month -= 12;
        year += 1;
    }
    let phrase = rng
        .pick(phrases)
        .replace("{M}", lang.language().month(month));
    (phrase, Some(Due::Month(year, month)))
}

#[cfg(test)]
mod tests;
