//! An account's briefing: who owes what, its initiatives and its meetings.

use super::*;

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
        (0..renderer.site.accounts.len()).map(Key::Index).collect()
    }

    fn url(&self, site: &Site, key: &Key) -> Option<String> {
        Some(urls::account(&site.accounts[key.index()?].slug))
    }

    fn reached_by(&self, site: &Site, reach: &Reach, key: &Key) -> Option<bool> {
        Some(reach.accounts.contains(&site.accounts[key.index()?].slug))
    }

    fn preview(&self, renderer: &Renderer, key: &Key) -> Option<(String, String)> {
        let account = &renderer.site.accounts[key.index()?];
        Some((
            account.name.clone(),
            renderer.word(
                "preview_account",
                Some(account.meetings.len()),
                &[("name", account.name.clone())],
            ),
        ))
    }

    fn context(&self, renderer: &Renderer, key: &Key) -> Option<Context> {
        variables(&renderer.account_page(key.index()?))
    }
}

/// An account's page, a briefing before meeting the customer: who owes what (by owner, most
/// urgent first), the initiatives, the meetings.
#[derive(Serialize)]
struct AccountPage<'a> {
    account_name: &'a str,
    open_count: usize,
    owners: Vec<OwnerGroup>,
    /// Open tasks nobody is named for.
    unowned: Vec<TaskValue>,
    slipping: Vec<SlippingTask>,
    initiatives: Vec<BadgeValue>,
    meetings: Vec<MeetingValue>,
}

/// One owner's open tasks of the account, in deadline order.
#[derive(Serialize)]
struct OwnerGroup {
    person: Option<PersonValue>,
    tasks: Vec<TaskValue>,
}

impl Renderer<'_> {
    fn account_page(&self, a: usize) -> AccountPage<'_> {
        let site = self.site;
        let account = &site.accounts[a];
        let open: Vec<usize> = account
            .tasks
            .iter()
            .copied()
            .filter(|&t| !site.tasks[t].done)
            .collect();
        // Each owner once, with their open tasks of this account in deadline order; owners by
        // their most pressing deadline (overdue ones come first by themselves), undated last.
        // Nothing here depends on the day, so the page reads true on any day.
        let mut by_owner: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut unowned = Vec::new();
        for &t in &open {
            let owners = &site.tasks[t].owners;
            if owners.is_empty() {
                unowned.push(t);
            }
            for owner in owners {
                by_owner.entry(owner.id.as_str()).or_default().push(t);
            }
        }
        let mut owners: Vec<(&str, Vec<usize>)> = by_owner.into_iter().collect();
        owners.sort_by_key(|(_, tasks)| {
            let first = site.tasks[tasks[0]].due.map(|d| d.date);
            (first.is_none(), first)
        });
        AccountPage {
            account_name: &account.name,
            open_count: open.len(),
            owners: owners
                .iter()
                .map(|(id, tasks)| OwnerGroup {
                    person: self.person(id),
                    tasks: self.tasks_of(tasks),
                })
                .collect(),
            unowned: self.tasks_of(&unowned),
            slipping: self.slipping(&account.tasks),
            initiatives: self.initiative_badges(&account.initiatives),
            meetings: self.meetings_of(account.meetings.iter().copied()),
        }
    }
}
