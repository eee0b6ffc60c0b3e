//! The search index: every word of the site, in small script files the pages load on demand.
//!
//! Script files rather than JSON fetched at run time, so that search also works when the site
//! is opened from disk, where browsers refuse fetch(). A page loads `search/index.js` (the list
//! of files), then only the term files of the words typed (`search/t-KEY.js`, all the terms
//! starting with KEY and the documents each stands in) and the document files of the results
//! shown (`search/d-N.js`: title, address, date and text for the snippet). `dossier.js`
//! reads them; the folding and plural rules below are written once more there.

use super::{script_call, script_safe};
use crate::content::markdown::ROOT_PLACEHOLDER;
use crate::model::{Site, Task};
use crate::urls::{self, SEARCH_DIR};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::json;
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// A term file is split by one more letter of its terms' prefix when it would be larger: a
/// query loads one per word, and two words should stay well under 300 kB.
const TERM_FILE_BYTES: usize = 48 * 1024;
/// Documents are cut into files of about this size; a page of results loads a few.
const DOC_FILE_BYTES: usize = 8 * 1024;
/// Characters of a document's text kept for snippets; every word is indexed regardless.
const SNIPPET_SOURCE_CHARS: usize = 1500;

/// Words too common to find anything by; never indexed, dropped from queries.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is",
    "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "were", "will", "with",
];

/// What a document is; the order is the index's (`dossier.js` names them).
#[derive(Debug, Clone, Copy)]
enum Kind {
    Meeting = 0,
    Topic = 1,
    Task = 2,
    Person = 3,
    Initiative = 4,
    Account = 5,
}

/// Where in a document a word stands; results rank title matches first, then names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Title = 0,
    Name = 1,
    Body = 2,
}

struct Doc {
    kind: Kind,
    title: String,
    url: String,
    date: String,
    context: String,
    text: String,
    /// A task's deadline and whether it is done, which a result shows beside it.
    task: Option<TaskState>,
}

struct TaskState {
    /// The deadline as tasks.json writes it (`2025-12-09`, `2025-12`, `2025-Q4`), or empty.
    due: String,
    done: bool,
}

/// Lowercase, accents and other marks removed, and the few letters that do not decompose
/// spelled out: "Élodie" → "elodie", "Straße" → "strasse".
pub(crate) fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut folded = String::with_capacity(text.len());
    for c in text.to_lowercase().nfd() {
        match c {
            '\u{300}'..='\u{36f}' => {}
            'ß' => folded.push_str("ss"),
            'æ' => folded.push_str("ae"),
            'œ' => folded.push_str("oe"),
            'ø' => folded.push('o'),
            'ł' => folded.push('l'),
            'đ' => folded.push('d'),
            'ı' => folded.push('i'),
            _ => folded.push(c),
        }
    }
    folded
}

/// English plurals folded onto the singular: "deals" → "deal", "companies" → "company".
fn singular(word: String) -> String {
    if word.chars().count() <= 4 {
        return word;
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    if word.ends_with("sses") {
        return word[..word.len() - 2].to_string();
    }
    if word.ends_with('s')
        && !(word.ends_with("ss") || word.ends_with("us") || word.ends_with("is"))
    {
        return word[..word.len() - 1].to_string();
    }
    word
}

/// The index terms of a text: folded words, plurals folded, stopwords left out.
pub(crate) fn terms(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(fold)
        .filter(|word| word.chars().count() > 1 && !STOPWORDS.contains(&word.as_str()))
        .map(singular)
}

/// The text of HTML that dossier wrote, as a reader sees it.
fn plain_text(html: &str) -> String {
    // Links to the site's own pages start with a placeholder that looks like a tag.
    if html.contains(ROOT_PLACEHOLDER) {
        crate::escape::html_text(&html.replace(ROOT_PLACEHOLDER, ""))
    } else {
        crate::escape::html_text(html)
    }
}

/// Every document of the site, newest meeting first (so that among equal matches the lower
/// number is the newer), with the words of each by field.
struct Collected {
    /// Each document as its entry in a document file (JSON), made where its terms are.
    docs: Vec<String>,
    /// term → (document, kind × 3 + field), documents ascending, one entry per document.
    postings: FxHashMap<String, Vec<(u32, u8)>>,
}

/// A document's entry (see [`Doc::entry`]) with its terms, each with its tag (kind × 3 +
/// field), made apart from the others so that documents are read in parallel.
type DocTerms = (String, Vec<(String, u8)>);

/// The terms of a document from its fields, each once, in the best field it stands in.
fn doc_terms(doc: Doc, fields: &[(Field, &str)], extra_terms: &[String]) -> DocTerms {
    let kind = doc.kind as u8;
    let mut seen: FxHashMap<String, Field> = FxHashMap::default();
    for (field, text) in fields {
        for term in terms(text) {
            let best = seen.entry(term).or_insert(*field);
            *best = (*best).min(*field);
        }
    }
    for term in extra_terms {
        seen.insert(term.clone(), Field::Name);
    }
    let tagged = seen
        .into_iter()
        .map(|(term, field)| (term, kind * 3 + field as u8))
        .collect();
    (doc.entry(), tagged)
}

impl Collected {
    fn add(&mut self, (doc, terms): DocTerms) {
        let number = self.docs.len() as u32;
        for (term, tag) in terms {
            self.postings.entry(term).or_default().push((number, tag));
        }
        self.docs.push(doc);
    }
}

/// A task as one document. A task continued across meetings is one result, in its latest
/// state, leading to its page; the words of every mention find it.
fn task_doc(site: &Site, task: &Task) -> (Doc, String, Vec<String>, String) {
    let owners: Vec<&str> = task.owners.iter().map(|p| p.name.as_str()).collect();
    // The deadline and whether the task is done travel beside it (see `TaskState`): the
    // script says them in the site's language and marks a late one on the reader's day.
    let context = owners.join(", ");
    let mut special: Vec<String> = task
        .owners
        .iter()
        .map(|p| format!("~owner:{}", fold(&p.id)))
        .collect();
    if !task.done {
        special.push("~open".to_string());
    }
    let text = plain_text(&task.detail_html);
    let (url, body) = match site.thread_of(task) {
        Some(thread) => {
            // The task is its thread's latest mention; the earlier ones add what they said
            // that it does not.
            let mut said = vec![text.clone()];
            for &earlier in thread
                .mentions
                .iter()
                .filter(|&&m| !std::ptr::eq(&site.tasks[m], task))
            {
                let earlier = &site.tasks[earlier];
                for words in [plain_text(&earlier.detail_html), earlier.title.clone()] {
                    if words != task.title && !said.contains(&words) {
                        said.push(words);
                    }
                }
            }
            (urls::task(&thread.id), said.join(" "))
        }
        None => (site.task_url(task), text.clone()),
    };
    let doc = Doc {
        kind: Kind::Task,
        title: task.title.clone(),
        url,
        date: site.meetings[task.meeting].date.to_string(),
        context,
        text,
        task: Some(TaskState {
            due: task.due.map(|due| due.token()).unwrap_or_default(),
            done: task.done,
        }),
    };
    (doc, owners.join(" "), special, body)
}

/// Meetings read in parallel at a time: enough to keep every core busy, few enough that
/// their terms are never all in memory at once.
const MEETINGS_PER_BATCH: usize = 256;

/// An initiative's status as the site's pages say it ("Actief" on a Dutch site).
pub(crate) type StatusLabel<'a> = &'a dyn Fn(crate::content::initiative::Status) -> String;

fn collect(site: &Site, status_label: StatusLabel) -> Collected {
    let mut collected = Collected {
        docs: Vec::new(),
        postings: FxHashMap::default(),
    };
    let mut tasks_of: Vec<Vec<usize>> = vec![Vec::new(); site.meetings.len()];
    // An earlier mention of a continued task is found through its latest one.
    for (index, task) in site.tasks.iter().enumerate() {
        if task.is_current() {
            tasks_of[task.meeting].push(index);
        }
    }
    let numbered: Vec<usize> = (0..site.meetings.len()).collect();
    for batch in numbered.chunks(MEETINGS_PER_BATCH) {
        let docs: Vec<Vec<DocTerms>> = batch
            .par_iter()
            .map(|&m| meeting_docs(site, m, &tasks_of[m]))
            .collect();
        for doc in docs.into_iter().flatten() {
            collected.add(doc);
        }
    }
    let others = initiative_docs(site, status_label)
        .into_iter()
        .chain(account_docs(site))
        .chain(person_docs(site));
    for doc in others {
        collected.add(doc);
    }
    collected
}

/// Each initiative: its title, owners and account, and its text.
fn initiative_docs(site: &Site, status_label: StatusLabel) -> Vec<DocTerms> {
    let mut docs = Vec::new();
    for initiative in &site.initiatives {
        let owners: Vec<&str> = initiative.owners.iter().map(|p| p.name.as_str()).collect();
        let names = format!(
            "{} {}",
            owners.join(" "),
            initiative.account.as_deref().unwrap_or("")
        );
        let body = plain_text(&initiative.body_html);
        docs.push(doc_terms(
            Doc {
                kind: Kind::Initiative,
                title: initiative.title.clone(),
                url: crate::urls::initiative(&initiative.slug),
                date: String::new(),
                context: status_label(initiative.status),
                text: if initiative.summary.is_empty() {
                    body.clone()
                } else {
                    initiative.summary.clone()
                },
                task: None,
            },
            &[
                (Field::Title, &initiative.title),
                (Field::Name, &names),
                (Field::Body, &body),
            ],
            &[],
        ));
    }
    docs
}

/// Each account: its name, its meetings and its initiatives.
fn account_docs(site: &Site) -> Vec<DocTerms> {
    let mut docs = Vec::new();
    for account in &site.accounts {
        let initiatives: Vec<&str> = account
            .initiatives
            .iter()
            .map(|&i| site.initiatives[i].title.as_str())
            .collect();
        let initiatives = initiatives.join(" · ");
        let meetings = format!(
            "{} {}",
            account.meetings.len(),
            if account.meetings.len() == 1 {
                "meeting"
            } else {
                "meetings"
            }
        );
        docs.push(doc_terms(
            Doc {
                kind: Kind::Account,
                title: account.name.clone(),
                url: crate::urls::account(&account.slug),
                date: account
                    .meetings
                    .first()
                    .map_or_else(String::new, |&m| site.meetings[m].date.to_string()),
                context: meetings,
                text: initiatives.clone(),
                task: None,
            },
            &[(Field::Title, &account.name), (Field::Body, &initiatives)],
            &[],
        ));
    }
    docs
}

/// Each person with an owner page: their name, id, aliases and role.
fn person_docs(site: &Site) -> Vec<DocTerms> {
    let mut docs = Vec::new();
    for person in site.people.values().filter(|_| site.has_owner_pages()) {
        let role = person.role.clone().unwrap_or_default();
        let names = format!("{} {}", person.id, person.aliases.join(" "));
        docs.push(doc_terms(
            Doc {
                kind: Kind::Person,
                title: person.name.clone(),
                url: crate::urls::owner(&person.id),
                date: String::new(),
                context: role.clone(),
                text: String::new(),
                task: None,
            },
            &[
                (Field::Title, &person.name),
                (Field::Name, &names),
                (Field::Body, &role),
            ],
            &[],
        ));
    }
    docs
}

/// The documents of meeting `m`: the meeting, its topics, then its tasks.
fn meeting_docs(site: &Site, m: usize, tasks: &[usize]) -> Vec<DocTerms> {
    let meeting = &site.meetings[m];
    let mut docs = Vec::with_capacity(1 + meeting.topics.len() + tasks.len());
    let account = meeting.account.clone().unwrap_or_default();
    let names = format!("{account} {}", meeting.tags.join(" "));
    let intro = plain_text(&meeting.intro_html);
    docs.push(doc_terms(
        Doc {
            kind: Kind::Meeting,
            title: meeting.title.clone(),
            url: site.meeting_url(m),
            date: meeting.date.to_string(),
            context: account,
            text: if intro.is_empty() {
                meeting.summary.clone()
            } else {
                intro.clone()
            },
            task: None,
        },
        &[
            (Field::Title, &meeting.title),
            (Field::Name, &names),
            (Field::Body, &intro),
        ],
        &[],
    ));
    for (t, topic) in meeting.topics.iter().enumerate() {
        let people: Vec<&str> = topic.participants.iter().map(|p| p.name.as_str()).collect();
        let people = people.join(" ");
        let body = plain_text(&topic.body_html);
        docs.push(doc_terms(
            Doc {
                kind: Kind::Topic,
                title: topic.title.clone(),
                url: site.topic_url(m, t),
                date: meeting.date.to_string(),
                context: meeting.title.clone(),
                text: body.clone(),
                task: None,
            },
            &[
                (Field::Title, &topic.title),
                (Field::Name, &people),
                (Field::Body, &body),
            ],
            &[],
        ));
    }
    for &index in tasks {
        let task = &site.tasks[index];
        let (doc, owners, special, body) = task_doc(site, task);
        docs.push(doc_terms(
            doc,
            &[
                (Field::Title, &task.title),
                (Field::Name, &owners),
                (Field::Body, &body),
            ],
            &special,
        ));
    }
    docs
}

/// A posting list as text: each document as the difference from the previous one in base 36,
/// then its kind and field as one capital letter (`A` + kind × 3 + field).
fn encode(postings: &[(u32, u8)]) -> String {
    let mut out = String::with_capacity(postings.len() * 3);
    let mut previous = 0;
    for &(doc, tag) in postings {
        push_base36(&mut out, doc - previous);
        out.push(char::from(b'A' + tag));
        previous = doc;
    }
    out
}

fn push_base36(out: &mut String, mut value: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = [0u8; 8];
    let mut count = 0;
    loop {
        digits[count] = DIGITS[(value % 36) as usize];
        count += 1;
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.extend(digits[..count].iter().rev().map(|&d| char::from(d)));
}

/// The file name of a term file: letters and digits as they are, anything else as `_` and its
/// code point in hex, so that every key is a safe file name.
fn key_file(key: &str) -> String {
    let mut name = String::from("t-");
    for c in key.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            name.push_str(&format!("_{:x}", u32::from(c)));
        }
    }
    name.push_str(".js");
    name
}

/// Script text that hands `arguments` to `dossierSearch.METHOD(...)`.
fn script(method: &str, arguments: &[serde_json::Value]) -> String {
    script_call(&format!("dossierSearch.{method}"), arguments)
}

/// Terms grouped by their first character, one more character where a group
/// would make too large a file. Returns (key, terms with their encoded postings).
fn term_files(encoded: BTreeMap<String, String>) -> Vec<(String, BTreeMap<String, String>)> {
    fn split(
        key: String,
        group: BTreeMap<String, String>,
        files: &mut Vec<(String, BTreeMap<String, String>)>,
    ) {
        let size: usize = group.iter().map(|(t, p)| t.len() + p.len() + 6).sum();
        let key_chars = key.chars().count();
        if size <= TERM_FILE_BYTES || group.len() == 1 {
            files.push((key, group));
            return;
        }
        let mut here = BTreeMap::new();
        let mut longer: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (term, postings) in group {
            match term.chars().nth(key_chars) {
                Some(next) => {
                    let child = format!("{key}{next}");
                    longer.entry(child).or_default().insert(term, postings);
                }
                None => {
                    here.insert(term, postings);
                }
            }
        }
        if !here.is_empty() {
            files.push((key, here));
        }
        for (child, terms) in longer {
            split(child, terms, files);
        }
    }
    let mut by_prefix: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (term, postings) in encoded {
        let prefix: String = term.chars().take(1).collect();
        by_prefix.entry(prefix).or_default().insert(term, postings);
    }
    let mut files = Vec::new();
    for (key, group) in by_prefix {
        split(key, group, &mut files);
    }
    files
}

impl Doc {
    /// The document as its entry in a document file: `[kind,title,url,date,context,snippet]`,
    /// and for a task `due,done` after them, with the two characters older engines do not take
    /// in a script escaped.
    fn entry(&self) -> String {
        let text: String = self.text.chars().take(SNIPPET_SOURCE_CHARS).collect();
        let mut entry = vec![
            json!(self.kind as u8),
            json!(self.title),
            json!(self.url),
            json!(self.date),
            json!(self.context),
            json!(text),
        ];
        if let Some(task) = &self.task {
            entry.extend([json!(task.due), json!(u8::from(task.done))]);
        }
        let entry = serde_json::Value::Array(entry).to_string();
        script_safe(entry)
    }
}

/// The documents in files of about [`DOC_FILE_BYTES`], each handed to `emit` as it is made;
/// returns the first document of each file.
fn document_files<E>(
    docs: &[String],
    emit: &mut impl FnMut(String, String) -> Result<(), E>,
) -> Result<Vec<usize>, E> {
    let mut starts = Vec::new();
    let mut first = 0;
    let mut chunk_bytes = 0;
    let mut write = |chunk: &[String], starts: &mut Vec<usize>, first: usize| {
        let number = starts.len();
        starts.push(first);
        let text = format!("dossierSearch.docs({number},[{}]);\n", chunk.join(","));
        emit(format!("{SEARCH_DIR}d-{number}.js"), text)
    };
    for (number, entry) in docs.iter().enumerate() {
        if chunk_bytes + entry.len() > DOC_FILE_BYTES && number > first {
            write(&docs[first..number], &mut starts, first)?;
            chunk_bytes = 0;
            first = number;
        }
        chunk_bytes += entry.len();
    }
    if docs.len() > first {
        write(&docs[first..], &mut starts, first)?;
    }
    Ok(starts)
}

/// Makes every file of the search index and hands each to `emit` (its path relative to the
/// site's root, its text) as soon as it is made, so that the index is never whole in memory.
pub(crate) fn write_files<E>(
    site: &Site,
    status_label: StatusLabel,
    mut emit: impl FnMut(String, String) -> Result<(), E>,
) -> Result<(), E> {
    let mut collected = collect(site, status_label);
    // Each term's postings are freed as soon as they are encoded.
    let encoded: BTreeMap<String, String> = std::mem::take(&mut collected.postings)
        .into_iter()
        .map(|(term, postings)| {
            let text = encode(&postings);
            (term, text)
        })
        .collect();
    let mut shards = serde_json::Map::new();
    for (key, terms) in term_files(encoded) {
        let text = script("terms", &[json!(key), json!(terms)]);
        shards.insert(key.clone(), json!(text.len()));
        emit(format!("{SEARCH_DIR}{}", key_file(&key)), text)?;
    }
    let chunk_starts = document_files(&collected.docs, &mut emit)?;
    // The first document of each document file, as differences in base 36: thousands of
    // files at 10,000 meetings, and every query loads this list first.
    let mut starts = String::new();
    let mut previous = 0;
    for start in chunk_starts {
        if !starts.is_empty() {
            starts.push(',');
        }
        push_base36(&mut starts, (start - previous) as u32);
        previous = start;
    }
    let manifest = json!({
        "version": 1,
        "documents": collected.docs.len(),
        "terms": shards,
        "chunks": starts,
    });
    emit(
        format!("{SEARCH_DIR}index.js"),
        script("manifest", &[manifest]),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_for_case_accents_and_plurals() {
        let found: Vec<String> = terms("Élodie's DEALS with the Companies, Straße & Co.").collect();
        assert_eq!(found, ["elodie", "deal", "company", "strasse", "co"]);
    }

    #[test]
    fn postings_are_deltas_in_base36_with_a_tag() {
        assert_eq!(encode(&[(0, 0), (37, 5), (40, 14)]), "0A11F3O");
    }

    #[test]
    fn html_becomes_its_text() {
        assert_eq!(
            plain_text("<p>Ask <a href=\"<@>owners/elodie/\">Élodie</a> &amp; <em>Sam</em> &lt;now&gt;</p>"),
            "Ask Élodie & Sam <now>"
        );
    }

    #[test]
    fn large_groups_split_by_one_more_letter_and_keys_are_file_names() {
        let mut encoded = BTreeMap::new();
        for n in 0..4000 {
            encoded.insert(format!("te{n:04}x"), "0A".repeat(4));
        }
        encoded.insert("te".to_string(), "0A".to_string());
        let files = term_files(encoded);
        assert!(files.len() > 1);
        assert!(files
            .iter()
            .any(|(key, terms)| key == "te" && terms.contains_key("te")));
        assert!(files
            .iter()
            .all(|(key, terms)| terms.keys().all(|t| t.starts_with(key.as_str()))));
        assert_eq!(key_file("~o"), "t-_7eo.js");
        assert_eq!(key_file("év"), "t-_e9v.js");
    }
}
