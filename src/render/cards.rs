//! The template contract: what a template finds in each part that several pages show (a
//! task card, a topic card, a meeting, a person). Each part is a typed struct, made once per
//! entity by `values.rs` and shared, as a [`Shown`] value, by every page that shows it; each
//! page kind's own variables are a struct in its file under `pages/`. A field here is a
//! variable a template may use; a name not here is a typo.

use serde::{Serialize, Serializer};
use std::marker::PhantomData;
use tera::Value;

/// A part made once into Tera's form and placed, without copying, into every page that shows
/// it. `T` is the struct it was made from: what a template finds in it.
pub(crate) struct Shown<T> {
    value: Value,
    made_from: PhantomData<fn() -> T>,
}

/// A part, with its type as [`Shown`] names it (the same type without its borrow).
pub(crate) trait Part: Serialize {
    type Named: 'static;
}

macro_rules! parts {
    ($($part:ident),*) => {
        $(impl Part for $part<'_> {
            type Named = $part<'static>;
        })*
    };
}

parts!(
    PersonCard,
    MeetingLink,
    MeetingCard,
    TaskCard,
    TopicCard,
    InitiativeBadge,
    InitiativeCard
);

impl<T> Shown<T> {
    pub(crate) fn of<P: Part<Named = T>>(part: &P) -> Self {
        Shown {
            value: Value::from_serializable(part),
            made_from: PhantomData,
        }
    }
}

impl<T> Clone for Shown<T> {
    fn clone(&self) -> Self {
        Shown {
            value: self.value.clone(),
            made_from: PhantomData,
        }
    }
}

impl<T> Serialize for Shown<T> {
    /// Into Tera's form, the value made before is shared, not serialized again.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

/// HTML the site made itself (rendered Markdown): placed in the page as it is.
pub(crate) struct Html<'a>(pub &'a str);

impl Serialize for Html<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Value::safe_string(self.0).serialize(serializer)
    }
}

pub(crate) type PersonValue = Shown<PersonCard<'static>>;
pub(crate) type MeetingLinkValue = Shown<MeetingLink<'static>>;
pub(crate) type MeetingValue = Shown<MeetingCard<'static>>;
pub(crate) type TaskValue = Shown<TaskCard<'static>>;
pub(crate) type TopicValue = Shown<TopicCard<'static>>;
pub(crate) type BadgeValue = Shown<InitiativeBadge<'static>>;
pub(crate) type InitiativeValue = Shown<InitiativeCard<'static>>;

fn is_false(flag: &bool) -> bool {
    !flag
}

/// Someone named in the site, as a chip.
#[derive(Serialize)]
pub(crate) struct PersonCard<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub role: Option<&'a str>,
    /// Whether people.toml lists them, rather than a meeting only mentioning them.
    pub listed: bool,
    /// Their owner page; none in an edition without owner pages (the customer's), where who
    /// owes what shows with each task and not as the team's workload.
    pub url: Option<String>,
}

/// A meeting as tasks and topics link to it.
#[derive(Serialize)]
pub(crate) struct MeetingLink<'a> {
    pub title: &'a str,
    pub url: String,
    /// `2026-12-01`.
    pub date: String,
    /// `Tue 1 Dec 2026`.
    pub date_label: String,
}

/// A file's last commit: "Last edited Mon 3 Nov 2025 by Ann".
#[derive(Serialize)]
pub(crate) struct LastEditLine<'a> {
    pub date: String,
    pub date_label: String,
    pub author: &'a str,
}

/// A meeting as lists show it.
#[derive(Serialize)]
pub(crate) struct MeetingCard<'a> {
    pub title: &'a str,
    pub slug: &'a str,
    pub url: String,
    pub date: String,
    pub date_label: String,
    pub account: Option<&'a str>,
    pub account_url: Option<String>,
    pub last_edit: Option<LastEditLine<'a>>,
    /// The imported recap the meeting was made from, published beside it.
    pub recap_url: Option<String>,
    pub tags: &'a [String],
    pub summary: &'a str,
    pub topic_count: usize,
    pub task_count: usize,
    /// Tasks open now: one a later meeting marked done is not.
    pub open_count: usize,
    /// Marked internal (shown in the internal edition only); absent when not.
    #[serde(skip_serializing_if = "is_false")]
    pub internal: bool,
}

/// The topic a task belongs to, as its card links to it.
#[derive(Serialize)]
pub(crate) struct TopicLink<'a> {
    pub title: &'a str,
    pub url: String,
}

/// A task as every list shows it.
#[derive(Serialize)]
pub(crate) struct TaskCard<'a> {
    pub title: &'a str,
    /// The task's text after its first line, rendered.
    pub detail_html: &'a str,
    pub owners: Vec<PersonValue>,
    /// The deadline as written in a `data-due` attribute (`2026-12-04`, `2026-12`, `2026-W50`).
    pub due: Option<String>,
    pub due_label: Option<String>,
    /// `day`, `week` or `month`.
    pub due_precision: Option<String>,
    pub days_late: i64,
    /// Days since the task was first raised.
    pub age_days: i64,
    pub done: bool,
    /// When a done task was done, where its text says; absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub done_on: Option<DoneOn>,
    pub overdue: bool,
    pub meeting: MeetingLinkValue,
    pub topic: Option<TopicLink<'a>>,
    pub initiative: Option<BadgeValue>,
    /// The task follows the initiative its topic follows: on the topic's own page, or its
    /// meeting's, the topic's heading has already said it.
    #[serde(skip_serializing_if = "is_false")]
    pub initiative_is_topics: bool,
    pub url: String,
    /// For a task with an id, its history; absent for the others (most tasks), which saves
    /// every task's map its room.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread: Option<ThreadLine>,
    /// Owed by a team rather than by people; absent when not.
    #[serde(skip_serializing_if = "is_false")]
    pub team_owned: bool,
    #[serde(skip_serializing_if = "is_false")]
    pub internal: bool,
}

/// The day a task was done (`done:YYYY-MM-DD`), and how late that was.
#[derive(Serialize)]
pub(crate) struct DoneOn {
    pub date: String,
    pub label: String,
    /// Whole days after the deadline; 0 when done by it or without one.
    pub days_late: i64,
}

/// Where a task with an id stands across meetings.
#[derive(Serialize)]
pub(crate) struct ThreadLine {
    /// The task's own page.
    pub url: String,
    pub raised: String,
    pub raised_label: String,
    /// How often its deadline moved later.
    pub slips: usize,
    pub mentions: usize,
    /// For a mention a later meeting superseded: what that one says.
    pub later: Option<LaterMention>,
}

/// The latest mention of a task, shown on an earlier one.
#[derive(Serialize)]
pub(crate) struct LaterMention {
    pub done: bool,
    pub due_label: Option<String>,
    pub meeting: MeetingLinkValue,
}

/// A topic as lists show it; its body is not part of it (the two pages that show a body take
/// it from the model, so no second copy of every body is kept).
#[derive(Serialize)]
pub(crate) struct TopicCard<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    pub summary: &'a str,
    pub participants: Vec<PersonValue>,
    /// The first few participants, for lists.
    pub participants_preview: Vec<PersonValue>,
    /// How many participants the preview leaves out.
    pub participants_more: usize,
    pub initiative: Option<BadgeValue>,
    pub meeting: MeetingLinkValue,
    pub tasks: Vec<TaskValue>,
    pub open_count: usize,
    #[serde(skip_serializing_if = "is_false")]
    pub internal: bool,
}

/// An initiative as a link with its status, from its own file only: pages that show it so do
/// not change when a meeting changes its counts.
#[derive(Serialize)]
pub(crate) struct InitiativeBadge<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub url: String,
    /// `active`, `paused`, `done`, `dropped`: a class name.
    pub status: String,
    pub status_label: String,
}

/// An initiative as lists show it: status, counts, the last meeting that discussed it.
#[derive(Serialize)]
pub(crate) struct InitiativeCard<'a> {
    #[serde(flatten)]
    pub badge: InitiativeBadge<'a>,
    pub owners: Vec<PersonValue>,
    pub account: Option<&'a str>,
    pub account_url: Option<String>,
    pub last_edit: Option<LastEditLine<'a>>,
    pub target: Option<String>,
    pub target_label: Option<String>,
    pub open: bool,
    pub target_passed: bool,
    pub summary: &'a str,
    pub topic_count: usize,
    pub open_count: usize,
    pub last_meeting: Option<MeetingLinkValue>,
    #[serde(skip_serializing_if = "is_false")]
    pub internal: bool,
}

/// A group of an agenda: overdue, this week, next week, later, no deadline.
#[derive(Serialize)]
pub(crate) struct AgendaGroup {
    /// `overdue`, `this-week`, …: a class name.
    pub key: String,
    pub title: String,
    pub tasks: Vec<TaskValue>,
}

/// A task whose deadline moved later, with the deadline it was first given.
#[derive(Serialize)]
pub(crate) struct SlippingTask {
    pub task: TaskValue,
    pub slips: usize,
    pub first_due_label: Option<String>,
}

/// A month in the calendar's list of months.
#[derive(Serialize)]
pub(crate) struct MonthLink {
    pub url: String,
    /// `December 2026`.
    pub label: String,
    pub open_count: usize,
    /// `2026-12`.
    pub month: String,
    pub current: bool,
}
