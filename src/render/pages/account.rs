//! An account's briefing, read before meeting the customer: what changed since its last
//! meeting, what is overdue or due soon, its initiatives, who owes what, its meetings.

use super::*;

/// Tasks each of the briefing's "overdue" and "due soon" groups shows; the table below lists
/// every one.
const URGENT_AT_MOST: usize = 15;

/// Days after the build whose deadlines the briefing carries, hidden, so that read on a later
/// day the script shows what has come due by then.
const URGENT_CARRIED_DAYS: u64 = 60;

pub(super) struct Account;

impl PageKind for Account {
    fn name(&self) -> &'static str {
        "account"
    }

    fn template(&self) -> &'static str {
        "account.html"
    }

    fn folder(&self) -> &'static str {
        urls::ACCOUNTS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        let per_page = renderer.paginate_by();
        (0..renderer.site.accounts.len())
            .flat_map(|a| {
                let pages =
                    renderer.account_page_count(a, renderer.account_open(a).len(), per_page);
                (1..=pages).map(move |number| match number {
                    1 => Key::Index(a),
                    n => Key::IndexPage(a, n),
                })
            })
            .collect()
    }

    fn url(&self, site: &Site, key: &Key) -> Option<String> {
        let slug = &site.accounts[key.index()?].slug;
        Some(urls::list_page(
            &urls::account(slug),
            paging::page_number(key),
        ))
    }

    fn reached_by(&self, site: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        Some(reach.accounts.contains(&site.accounts[key.index()?].slug))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let account = &renderer.site.accounts[key.index()?];
        Some((
            renderer.numbered_title(account.name.clone(), key),
            renderer.word(
                "preview_account",
                Some(account.meetings.len()),
                &[("name", account.name.clone())],
            ),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.account_page(key.index()?, paging::page_number(key)))
    }
}

/// A page of an account's briefing. The first holds the briefing; the table of who owes what
/// and the list of meetings go on over the next pages when they are long.
#[derive(Serialize)]
struct AccountPage<'a> {
    account_name: &'a str,
    account_url: String,
    open_count: usize,
    meeting_count: usize,
    latest: Option<MeetingLinkValue>,
    /// What the account's latest meeting changed since the one before it (first page only).
    since: Option<super::history::SinceLast>,
    /// Overdue, due today, this week and next week, each with its first few tasks; then,
    /// hidden, the later groups up to [`URGENT_CARRIED_DAYS`].
    urgent: Vec<UrgentGroup>,
    /// The tasks of those groups they leave out.
    urgent_left_out: usize,
    slipping: Vec<SlippingTask>,
    initiatives: Vec<AccountInitiative>,
    /// Open tasks on this page, each once with all its owners, in deadline order.
    owed: Vec<TaskValue>,
    /// The position of the first task of `owed` in the whole table, from 1.
    owed_from: usize,
    meetings: Vec<MeetingValue>,
    meetings_from: usize,
    pagination: paging::Pagination,
}

#[derive(Serialize)]
struct UrgentGroup {
    #[serde(flatten)]
    group: AgendaGroup,
    /// Due after next week: carried for a later day, not shown on the build's.
    later: bool,
}

/// An initiative the account follows, with its next open deadline in the account.
#[derive(Serialize)]
struct AccountInitiative {
    initiative: BadgeValue,
    open_count: usize,
    next: Option<TaskValue>,
}

impl Renderer<'_> {
    /// The account's open tasks that lists of what is owed show, in deadline order.
    fn account_open(&self, a: usize) -> Vec<usize> {
        let site = self.site;
        site.accounts[a]
            .tasks
            .iter()
            .copied()
            .filter(|&t| !site.tasks[t].done && site.tasks[t].is_current())
            .collect()
    }

    /// The pages of an account with `open` open tasks: as many as its table or its list of
    /// meetings needs.
    fn account_page_count(&self, a: usize, open: usize, per_page: usize) -> usize {
        let meetings = self.site.accounts[a].meetings.len();
        paging::page_count(open.max(meetings), per_page)
    }

    fn account_page(&self, a: usize, number: usize) -> AccountPage<'_> {
        let site = self.site;
        let account = &site.accounts[a];
        let open = self.account_open(a);
        let per_page = self.paginate_by();
        let owed = paging::items_of(number, open.len(), per_page);
        let meetings = paging::items_of(number, account.meetings.len(), per_page);
        let first = number == 1;
        let latest = account.meetings.first().copied();
        // The briefing's blocks are on the first page only, and made for it only.
        let (urgent, urgent_left_out) = if first {
            self.urgent(&Agenda::of(site, open.iter().copied()))
        } else {
            (Vec::new(), 0)
        };
        AccountPage {
            account_name: &account.name,
            account_url: urls::account(&account.slug),
            open_count: open.len(),
            meeting_count: account.meetings.len(),
            latest: latest.map(|m| self.meeting_link(m)),
            since: latest.filter(|_| first).and_then(|m| self.since_last(m)),
            urgent,
            urgent_left_out,
            slipping: if first {
                self.slipping(&open)
            } else {
                Vec::new()
            },
            initiatives: if first {
                self.account_initiatives(a, &open)
            } else {
                Vec::new()
            },
            owed_from: owed.start + 1,
            owed: self.tasks_of(&open[owed]),
            meetings_from: meetings.start + 1,
            meetings: self.meetings_of(account.meetings[meetings].iter().copied()),
            pagination: paging::pagination(
                &urls::account(&account.slug),
                number,
                self.account_page_count(a, open.len(), per_page),
            ),
        }
    }

    /// The agenda's groups up to the end of next week, each cut to its first few tasks, and
    /// how many tasks that leaves out; then the later ones up to [`URGENT_CARRIED_DAYS`].
    fn urgent(&self, agenda: &Agenda) -> (Vec<UrgentGroup>, usize) {
        let carried_until = self.site.today + chrono::Days::new(URGENT_CARRIED_DAYS);
        let mut left_out = 0;
        let mut groups = Vec::new();
        for group in &agenda.groups {
            let soon = matches!(
                group.bucket,
                Bucket::Overdue | Bucket::Today | Bucket::ThisWeek | Bucket::NextWeek
            );
            let carried = matches!(group.bucket, Bucket::Later(month) if month <= carried_until);
            if !soon && !carried {
                continue;
            }
            let shown = group.tasks.len().min(URGENT_AT_MOST);
            if soon {
                left_out += group.tasks.len() - shown;
            }
            groups.push(UrgentGroup {
                group: self.agenda_group(&group.bucket, &group.tasks[..shown]),
                later: !soon,
            });
        }
        (groups, left_out)
    }

    fn account_initiatives(&self, a: usize, open: &[usize]) -> Vec<AccountInitiative> {
        let site = self.site;
        site.accounts[a]
            .initiatives
            .iter()
            .map(|&i| {
                let slug = site.initiatives[i].slug.as_str();
                let mut theirs = open
                    .iter()
                    .copied()
                    .filter(|&t| site.tasks[t].initiative.as_deref() == Some(slug));
                let next = theirs.clone().find(|&t| site.tasks[t].due.is_some());
                AccountInitiative {
                    initiative: self.initiative_badge(i),
                    open_count: theirs.by_ref().count(),
                    next: next.map(|t| self.task(t)),
                }
            })
            .collect()
    }
}
