//! Every account, with what a reader choosing one wants to know: when the team last met it,
//! what is open and what is late, and the next deadline.

use super::*;

pub(super) struct Accounts;

impl PageKind for Accounts {
    fn name(&self) -> &'static str {
        "accounts"
    }

    fn template(&self) -> &'static str {
        "accounts.html"
    }

    fn folder(&self) -> &'static str {
        urls::ACCOUNTS
    }

    fn keys(&self, renderer: &Renderer) -> Vec<Key> {
        if renderer.site.has_accounts_index() {
            vec![Key::Only]
        } else {
            Vec::new()
        }
    }

    fn preview(&self, renderer: &Renderer, _: &Key) -> Option<(String, String)> {
        Some((
            renderer.word("accounts", None, &[]),
            renderer.word("preview_accounts", Some(renderer.site.accounts.len()), &[]),
        ))
    }

    fn context(&self, renderer: &Renderer, _: &Key) -> Option<Context> {
        variables(&renderer.accounts_list())
    }
}

/// Every account, by name.
#[derive(Serialize)]
struct AccountsPage<'a> {
    accounts: Vec<AccountRow<'a>>,
}

/// One account at a glance, as the accounts index and the dashboard list it.
#[derive(Serialize)]
pub(super) struct AccountRow<'a> {
    name: &'a str,
    url: String,
    meeting_count: usize,
    last_meeting: Option<MeetingLinkValue>,
    open_count: usize,
    overdue_count: usize,
    /// The earliest deadline of its open tasks from today on.
    next_due: Option<String>,
    next_due_label: Option<String>,
    /// The deadlines the theme's script needs to bring the overdue count and the next
    /// deadline up to the reader's day, as on the owners list.
    dues: String,
    initiative_count: usize,
}

impl Renderer<'_> {
    fn accounts_list(&self) -> AccountsPage<'_> {
        AccountsPage {
            accounts: self.account_rows(),
        }
    }

    /// Every account at a glance, by name.
    pub(super) fn account_rows(&self) -> Vec<AccountRow<'_>> {
        let site = self.site;
        let mut accounts: Vec<AccountRow> = site
            .accounts
            .iter()
            .map(|account| {
                let open = || {
                    account
                        .tasks
                        .iter()
                        .map(|&t| &site.tasks[t])
                        .filter(|task| !task.done)
                };
                // The account's tasks are in deadline order.
                let next = open()
                    .filter_map(|task| task.due)
                    .find(|due| due.date >= site.today);
                AccountRow {
                    name: &account.name,
                    url: urls::account(&account.slug),
                    meeting_count: account.meetings.len(),
                    last_meeting: account.meetings.first().map(|&m| self.meeting_link(m)),
                    open_count: open().count(),
                    overdue_count: open().filter(|task| task.overdue).count(),
                    next_due: next.map(|due| due.token()),
                    next_due_label: next.map(|due| due.label(site.config.language)),
                    dues: self
                        .coming_deadlines(&account.tasks)
                        .iter()
                        .map(|due| due.token())
                        .collect::<Vec<_>>()
                        .join(" "),
                    initiative_count: account.initiatives.len(),
                }
            })
            .collect();
        accounts.sort_by_cached_key(|row| row.name.to_lowercase());
        accounts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index and the accounts' own pages share their folder; the index is at the folder.
    #[test]
    fn the_index_is_the_folder_of_the_accounts_pages() {
        assert_eq!(urls::ACCOUNTS, "accounts/");
        assert!(urls::account("acme").starts_with(Accounts.folder()));
        assert!(KINDS.iter().any(|kind| kind.name() == Accounts.name()));
    }
}
