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
            format!(
                "The briefing on {}: {} meetings, who owes what, and the initiatives.",
                account.name,
                account.meetings.len()
            ),
        ))
    }

    fn fill(&self, renderer: &Renderer, context: &mut Context, key: &Key) -> Option<()> {
        renderer.account_page(context, key.index()?);
        Some(())
    }
}

impl Renderer<'_> {
    /// Account page: fills `context`. A briefing before meeting the
    /// customer: who owes what (by owner, most urgent first), the initiatives, the meetings.
    pub(super) fn account_page(&self, context: &mut Context, a: usize) {
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
        let owner_groups: Vec<Value> = owners
            .iter()
            .map(|(id, tasks)| {
                map(vec![
                    (
                        "person",
                        self.people.get(*id).cloned().unwrap_or_else(Value::none),
                    ),
                    ("tasks", self.tasks_of(tasks)),
                ])
            })
            .collect();
        context.insert("account_name", &account.name);
        context.insert("open_count", &open.len());
        context.insert_value("owners", owner_groups.into());
        context.insert_value("unowned", self.tasks_of(&unowned));
        context.insert_value("slipping", self.slipping(&account.tasks));
        context.insert_value("initiatives", self.initiative_badges(&account.initiatives));
        context.insert_value(
            "meetings",
            account
                .meetings
                .iter()
                .map(|&m| self.meeting(m))
                .collect::<Vec<_>>()
                .into(),
        );
    }
}
