//! `Site::assemble`, in its steps: check references, resolve each meeting (in parallel), name
//! everyone mentioned, join the meetings' tasks, put tasks in deadline order, follow
//! initiatives across meetings, and index what each person owes and took part in.

use super::*;

impl Site {
    /// Assembles the model. Errors are references that do not resolve (an initiative that does
    /// not exist); they come back with the file and line of the reference.
    pub fn assemble(
        config: SiteConfig,
        people: People,
        mut meeting_docs: Vec<MeetingDoc>,
        mut initiative_docs: Vec<InitiativeDoc>,
        today: NaiveDate,
    ) -> Result<Site, Vec<Diagnostic>> {
        meeting_docs.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.slug.cmp(&a.slug)));
        initiative_docs.sort_by(|a, b| {
            (!a.status.is_open(), &a.title, &a.slug).cmp(&(!b.status.is_open(), &b.title, &b.slug))
        });
        let errors = unresolved_initiatives(&meeting_docs, &initiative_docs);
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut initiatives: Vec<Initiative> =
            initiative_docs.into_iter().map(Initiative::from).collect();
        // Each meeting on its own, in parallel, with task indices local to it until joined.
        let resolved: Vec<(Meeting, Vec<Task>)> = meeting_docs
            .into_par_iter()
            .enumerate()
            .map(|(meeting_index, doc)| Meeting::resolve(meeting_index, doc, today))
            .collect();
        let everyone = everyone_named(
            &people,
            config.edition.hides_internal(),
            &initiatives,
            &resolved,
        );
        let (mut meetings, tasks) = join(resolved);
        let mut tasks = in_deadline_order(tasks, &mut meetings);
        let (threads, thread_by_id) = threads::follow_threads(&mut tasks);
        let initiative_by_slug = follow_initiatives(&mut initiatives, &meetings, &tasks);
        let by_person = index_people(&everyone, &meetings, &initiatives, &tasks);
        let (accounts, account_by_slug) =
            gather_accounts(&meetings, &initiatives, &tasks, &initiative_by_slug);
        let previous_in_account = threads::previous_in_account(&meetings);
        let mut tags: BTreeMap<String, (String, Vec<usize>)> = BTreeMap::new();
        for (m, meeting) in meetings.iter().enumerate() {
            for name in &meeting.tags {
                let (_, list) = tags
                    .entry(tag_slug(name))
                    .or_insert_with(|| (name.clone(), Vec::new()));
                if list.last() != Some(&m) {
                    list.push(m);
                }
            }
        }
        Ok(Site {
            config,
            today,
            today_pinned: false,
            people: everyone,
            meetings,
            initiatives,
            tasks,
            by_person,
            initiative_by_slug,
            accounts,
            account_by_slug,
            threads,
            thread_by_id,
            previous_in_account,
            tags,
        })
    }
}

impl From<InitiativeDoc> for Initiative {
    fn from(doc: InitiativeDoc) -> Initiative {
        Initiative {
            slug: doc.slug,
            title: doc.title,
            status: doc.status,
            owners: doc.owners,
            account: doc.account,
            target: doc.target,
            body_html: doc.body_html,
            summary: doc.summary,
            source: doc.source.path,
            last_edit: None,
            internal: doc.internal,
            topics: Vec::new(),
            tasks: Vec::new(),
        }
    }
}

/// An error for every `{initiative=slug}` that names no initiative file.
fn unresolved_initiatives(
    meeting_docs: &[MeetingDoc],
    initiative_docs: &[InitiativeDoc],
) -> Vec<Diagnostic> {
    let known: Vec<&str> = initiative_docs.iter().map(|i| i.slug.as_str()).collect();
    let exists: std::collections::HashSet<&str> = known.iter().copied().collect();
    let mut errors = Vec::new();
    for doc in meeting_docs {
        let references = doc
            .topics
            .iter()
            .filter_map(|t| t.initiative.as_ref())
            .chain(doc.tasks.iter().filter_map(|t| t.initiative.as_ref()));
        for reference in references {
            if exists.contains(reference.slug.as_str()) {
                continue;
            }
            errors.push(doc.source.error(
                reference.span.clone(),
                format!(
                    "no initiative `{}`: add content/initiatives/{}.md{}",
                    reference.slug,
                    slugify(&reference.slug),
                    if known.is_empty() {
                        String::new()
                    } else {
                        format!(" or use one of: {}", known.join(", "))
                    }
                ),
            ));
        }
    }
    errors
}

/// Everyone with an owner page: people.toml, then anyone an initiative, topic, attendee list
/// or task names who is not in it, under the name first written for them.
fn everyone_named(
    people: &People,
    hide_internal: bool,
    initiatives: &[Initiative],
    resolved: &[(Meeting, Vec<Task>)],
) -> BTreeMap<String, Person> {
    let mut everyone: BTreeMap<String, Person> = people
        .iter()
        .filter(|p| !(hide_internal && p.internal))
        .map(|p| (p.id.clone(), p.clone()))
        .collect();
    let mentioned = initiatives
        .iter()
        .flat_map(|initiative| initiative.owners.iter())
        .chain(resolved.iter().flat_map(|(meeting, tasks)| {
            let participants = meeting.topics.iter().flat_map(|t| t.participants.iter());
            let owners = tasks.iter().flat_map(|t| t.owners.iter());
            participants.chain(meeting.attendees.iter()).chain(owners)
        }));
    for person in mentioned {
        everyone.entry(person.id.clone()).or_insert_with(|| Person {
            id: person.id.clone(),
            name: person.name.clone(),
            role: None,
            aliases: Vec::new(),
            listed: false,
            internal: false,
            email: None,
            external: false,
        });
    }
    everyone
}

/// The meetings with their tasks in one list, task indices shifted to it.
fn join(resolved: Vec<(Meeting, Vec<Task>)>) -> (Vec<Meeting>, Vec<Task>) {
    let mut tasks: Vec<Task> = Vec::new();
    let mut meetings: Vec<Meeting> = Vec::with_capacity(resolved.len());
    for (mut meeting, meeting_tasks) in resolved {
        let offset = tasks.len();
        let lists = meeting
            .topics
            .iter_mut()
            .map(|topic| &mut topic.tasks)
            .chain(std::iter::once(&mut meeting.tasks));
        for list in lists {
            list.iter_mut().for_each(|index| *index += offset);
        }
        tasks.extend(meeting_tasks);
        meetings.push(meeting);
    }
    (meetings, tasks)
}

/// Deadline order: dated by last allowed day, undated last; then newest meeting first, so
/// equal deadlines list the freshest commitment first; then as written. The meetings' task
/// indices follow.
fn in_deadline_order(tasks: Vec<Task>, meetings: &mut [Meeting]) -> Vec<Task> {
    let mut order: Vec<usize> = (0..tasks.len()).collect();
    order.sort_by(|&a, &b| {
        let (ta, tb) = (&tasks[a], &tasks[b]);
        (ta.due.is_none(), ta.due, ta.meeting, a).cmp(&(tb.due.is_none(), tb.due, tb.meeting, b))
    });
    let mut new_index = vec![0; tasks.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut slots: Vec<Option<Task>> = tasks.into_iter().map(Some).collect();
    let tasks: Vec<Task> = order.iter().filter_map(|&old| slots[old].take()).collect();
    for meeting in meetings {
        remap(&mut meeting.tasks, &new_index);
        for topic in &mut meeting.topics {
            remap(&mut topic.tasks, &new_index);
        }
    }
    tasks
}

/// Initiative timelines, oldest meeting first, and their tasks; returns where each
/// initiative is by slug.
fn follow_initiatives(
    initiatives: &mut [Initiative],
    meetings: &[Meeting],
    tasks: &[Task],
) -> HashMap<String, usize> {
    let initiative_at: HashMap<String, usize> = initiatives
        .iter()
        .enumerate()
        .map(|(i, initiative)| (initiative.slug.clone(), i))
        .collect();
    for (meeting_index, meeting) in meetings.iter().enumerate().rev() {
        for (topic_index, topic) in meeting.topics.iter().enumerate() {
            // A topic belongs to its own initiative and to those its tasks name.
            let mut linked: Vec<usize> = topic
                .initiative
                .iter()
                .chain(
                    topic
                        .tasks
                        .iter()
                        .filter_map(|&t| tasks[t].initiative.as_ref()),
                )
                .filter_map(|slug| initiative_at.get(slug).copied())
                .collect();
            linked.sort_unstable();
            linked.dedup();
            for i in linked {
                initiatives[i].topics.push((meeting_index, topic_index));
            }
        }
    }
    for (task_index, task) in tasks.iter().enumerate().filter(|(_, t)| t.is_current()) {
        if let Some(&i) = task.initiative.as_ref().and_then(|s| initiative_at.get(s)) {
            initiatives[i].tasks.push(task_index);
        }
    }
    initiative_at
}

/// Per person: tasks (deadline order), topics (newest first), initiatives. Filled through
/// positions found by hashing: a site has hundreds of thousands of references to people.
fn index_people(
    everyone: &BTreeMap<String, Person>,
    meetings: &[Meeting],
    initiatives: &[Initiative],
    tasks: &[Task],
) -> BTreeMap<String, PersonIndex> {
    let position: HashMap<&str, usize> = everyone
        .keys()
        .enumerate()
        .map(|(n, id)| (id.as_str(), n))
        .collect();
    let index_of = |person: &PersonRef| position.get(person.id.as_str()).copied();
    let per_person = || -> Vec<Vec<usize>> { vec![Vec::new(); everyone.len()] };
    // Three independent passes, run side by side.
    let tasks_of = || {
        let mut lists = per_person();
        for (task_index, task) in tasks.iter().enumerate().filter(|(_, t)| t.is_current()) {
            for n in task.owners.iter().filter_map(index_of) {
                lists[n].push(task_index);
            }
        }
        lists
    };
    let topics_of = || {
        let mut lists: Vec<Vec<(usize, usize)>> = vec![Vec::new(); everyone.len()];
        for (meeting_index, meeting) in meetings.iter().enumerate() {
            for (topic_index, topic) in meeting.topics.iter().enumerate() {
                for n in topic.participants.iter().filter_map(index_of) {
                    lists[n].push((meeting_index, topic_index));
                }
            }
        }
        lists
    };
    let initiatives_of = || {
        let mut lists = per_person();
        for (initiative_index, initiative) in initiatives.iter().enumerate() {
            let participants = initiative
                .topics
                .iter()
                .flat_map(|&(m, t)| meetings[m].topics[t].participants.iter());
            let task_owners = initiative
                .tasks
                .iter()
                .flat_map(|&t| tasks[t].owners.iter());
            let involved = initiative
                .owners
                .iter()
                .chain(participants)
                .chain(task_owners);
            for n in involved.filter_map(index_of) {
                // Initiatives are visited in order, so a repeat is always the last entry.
                if lists[n].last() != Some(&initiative_index) {
                    lists[n].push(initiative_index);
                }
            }
        }
        lists
    };
    let (task_lists, (topic_lists, initiative_lists)) =
        rayon::join(tasks_of, || rayon::join(topics_of, initiatives_of));
    let indexes = task_lists
        .into_iter()
        .zip(topic_lists)
        .zip(initiative_lists)
        .map(|((tasks, topics), initiatives)| PersonIndex {
            tasks,
            topics,
            initiatives,
        });
    everyone.keys().cloned().zip(indexes).collect()
}

/// Every account meetings and initiatives name, sorted by name, with what each holds.
fn gather_accounts(
    meetings: &[Meeting],
    initiatives: &[Initiative],
    tasks: &[Task],
    initiative_at: &HashMap<String, usize>,
) -> (Vec<Account>, HashMap<String, usize>) {
    let mut accounts: Vec<Account> = Vec::new();
    let mut by_slug: HashMap<String, usize> = HashMap::new();
    let mut account_of = |name: &str| {
        let slug = account_slug(name);
        *by_slug.entry(slug.clone()).or_insert_with(|| {
            accounts.push(Account {
                slug,
                name: name.to_string(),
                meetings: Vec::new(),
                initiatives: Vec::new(),
                tasks: Vec::new(),
            });
            accounts.len() - 1
        })
    };
    // Meetings are newest first: the first to name an account gives its name.
    let meeting_account: Vec<Option<usize>> = meetings
        .iter()
        .map(|meeting| meeting.account.as_deref().map(&mut account_of))
        .collect();
    let named_by_initiative: Vec<Option<usize>> = initiatives
        .iter()
        .map(|initiative| initiative.account.as_deref().map(&mut account_of))
        .collect();
    for (m, account) in meeting_account.iter().enumerate() {
        if let Some(a) = account {
            accounts[*a].meetings.push(m);
        }
    }
    let mut followed: Vec<std::collections::BTreeSet<usize>> =
        vec![Default::default(); accounts.len()];
    for (i, account) in named_by_initiative.iter().enumerate() {
        if let Some(a) = account {
            followed[*a].insert(i);
        }
    }
    for (i, initiative) in initiatives.iter().enumerate() {
        for &(m, _) in &initiative.topics {
            if let Some(a) = meeting_account[m] {
                followed[a].insert(i);
            }
        }
    }
    // Its meetings' tasks, and the initiatives a task names without its topic following it.
    for (t, task) in tasks.iter().enumerate() {
        let Some(a) = meeting_account[task.meeting] else {
            continue;
        };
        if task.is_current() {
            accounts[a].tasks.push(t);
        }
        if let Some(&i) = task.initiative.as_ref().and_then(|s| initiative_at.get(s)) {
            followed[a].insert(i);
        }
    }
    for (account, initiatives) in accounts.iter_mut().zip(followed) {
        account.initiatives = initiatives.into_iter().collect();
    }
    // By name, then slug; indices into the list are rebuilt after sorting.
    accounts
        .sort_by(|a, b| (a.name.to_lowercase(), &a.slug).cmp(&(b.name.to_lowercase(), &b.slug)));
    let by_slug = accounts
        .iter()
        .enumerate()
        .map(|(a, account)| (account.slug.clone(), a))
        .collect();
    (accounts, by_slug)
}
