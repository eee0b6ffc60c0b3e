//! Recaps written from each tool's public description, in four languages, by writers who never
//! saw dossier's code (`tests/fixtures/import/recaps/SET/`, each set with the truth a careful
//! reader wrote by hand and the sources it followed), imported one at a time into an empty site
//! and measured as `bench/import_accuracy.py` measures: tasks found, owners right, deadlines
//! right, deadlines guessed where the recap gives none, junk tasks, meeting date read. The table
//! is printed per set; each set is held to the level it reached, so that no change takes it back.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    recaps: usize,
    tasks: usize,
    found: usize,
    owners: usize,
    dated: usize,
    dues: usize,
    guessed: usize,
    junk: usize,
    dates: usize,
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// Imports one recap as a user would (no --date unless the recap states none), and the tasks
/// the site then lists, with whether the meeting's date was read.
fn import(recap: &Path, date: &str) -> (bool, Vec<Value>) {
    let site = Fixture::empty()
        .with(
            "site.toml",
            "title = \"Recaps\"\nbase_url = \"https://example.test/\"\ntimezone = \"Europe/Brussels\"\n",
        )
        .with("content/people.toml", "");
    let recap = recap.to_str().unwrap();
    let first = site.run(&["import", recap]);
    let (date_read, imported) = if first.status.success() {
        let meetings = std::fs::read_dir(site.root().join("content/meetings")).unwrap();
        let name = meetings
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .find(|n| n.ends_with(".md"))
            .unwrap();
        (name.starts_with(date), true)
    } else {
        (
            false,
            site.run(&["import", recap, "--date", date])
                .status
                .success(),
        )
    };
    if !imported {
        return (false, Vec::new());
    }
    let output = site.run(&["tasks", "--json", "--all", "--today", "2026-09-01"]);
    assert!(output.status.success(), "{recap}: {}", stderr(&output));
    let tasks: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let tasks = match tasks {
        Value::Object(mut map) => map.remove("tasks").unwrap_or_default(),
        other => other,
    };
    (date_read, tasks.as_array().cloned().unwrap_or_default())
}

fn due_of(task: &Value) -> Option<String> {
    let due = task["due"].as_str()?;
    Some(match task["due_precision"].as_str() {
        Some("month") => due[..7].to_string(),
        _ => due.to_string(),
    })
}

fn measure(set: &Path) -> Tally {
    let truth: toml::Table =
        toml::from_str(&std::fs::read_to_string(set.join("truth.toml")).unwrap()).unwrap();
    let meta = truth
        .get("meta")
        .and_then(|m| m.as_table())
        .cloned()
        .unwrap_or_default();
    let mut tally = Tally::default();
    for (name, wanted) in truth.iter().filter(|(name, _)| *name != "meta") {
        let recap: PathBuf = std::fs::read_dir(set)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_stem().is_some_and(|s| s == name.as_str()))
            .unwrap_or_else(|| panic!("{name}: no recap file"));
        let date = meta[name]["date"].as_str().unwrap();
        let (date_read, got) = import(&recap, date);
        let wanted = wanted.as_array().unwrap();
        let mut used = vec![false; got.len()];
        tally.recaps += 1;
        tally.dates += usize::from(date_read);
        for want in wanted {
            tally.tasks += 1;
            let key = want["task"].as_str().unwrap().to_lowercase();
            let due = want.get("due").and_then(|d| d.as_str());
            tally.dated += usize::from(due.is_some());
            let Some(i) = (0..got.len()).find(|&i| {
                !used[i]
                    && got[i]["title"]
                        .as_str()
                        .unwrap()
                        .to_lowercase()
                        .contains(&key)
            }) else {
                continue;
            };
            used[i] = true;
            tally.found += 1;
            let want_value = serde_json::to_value(want).unwrap();
            tally.owners += usize::from(owner_ids(&want_value) == owner_ids(&got[i]));
            match (due, due_of(&got[i])) {
                (Some(due), Some(got)) => tally.dues += usize::from(due == got),
                (None, Some(_)) => tally.guessed += 1,
                _ => {}
            }
        }
        tally.junk += used.iter().filter(|u| !**u).count();
    }
    tally
}

/// Each set, with the level it is held to: found, owners and deadlines right in percent, and
/// at most so many junk tasks and deadlines guessed. Issue 31's aim is owners 95 %, deadlines
/// 90 %, no junk, nothing guessed.
const SETS: &[(&str, f64, f64, f64, usize, usize)] = &[
    ("tools-en", 96.0, 93.0, 91.0, 3, 0),
    ("tools-nl-fr-de", 97.0, 95.0, 97.0, 1, 9),
    ("zoom-gemini-unprompted", 99.0, 96.0, 97.0, 3, 8),
    ("mail-fathom-meet-unprompted", 90.0, 77.0, 74.0, 7, 1),
    ("teams-nl-fr-de-unprompted", 96.0, 91.0, 79.0, 2, 0),
    ("notetakers-nl-fr-de-unprompted", 97.0, 86.0, 92.0, 6, 0),
    ("people-nl-fr-en-unprompted", 96.0, 93.0, 79.0, 4, 0),
    // Written after the fifth step and measured before it was read: 98 %, 59 %, 94 %.
    (
        "minutes-notetakers-nl-fr-unprompted",
        99.0,
        81.0,
        95.0,
        3,
        0,
    ),
    // Written after the sixth step and measured before it was read (titles alone): 89 %,
    // 77 %, 76 %, junk 11.
    ("tools-seven-nl-fr-de-unprompted", 91.0, 90.0, 75.0, 6, 0),
    // Written after the seventh step and measured before it was read: 99 %, 77 %, 79 %,
    // junk 19.
    ("tools-eight-nl-fr-de-en-unprompted", 98.0, 98.0, 95.0, 0, 0),
    // Mails as people write them, written after the eighth set's step and measured before
    // they were read: 77 %, 64 %, 69 %, junk 3, date read 7/12.
    ("mails-nl-fr-de-en-unprompted", 84.0, 80.0, 84.0, 1, 0),
    // Typed minutes, wiki pages and tools in four languages, written after the ninth set's
    // step and measured before they were read: 85 %, 67 %, 75 %, junk 20.
    ("typed-tools-nl-fr-de-en-unprompted", 98.0, 93.0, 98.0, 5, 0),
    // Follow-ups written in prose, the tasks inside sentences, written after the tenth set's
    // step and measured before they were read: 50 %, 39 %, 50 %, junk 9. The gap to close.
    ("prose-nl-fr-de-en-unprompted", 70.0, 62.0, 76.0, 8, 2),
    // Owners and deadlines written in many ways (initials after a first name, "s'en charge",
    // "Qui : moi", a role in brackets, lower-case titles), written after the eleventh set's
    // step and measured before they were read: 92 %, 76 %, 94 %, junk 0.
    ("owners-nl-fr-de-en-unprompted", 93.0, 92.0, 96.0, 1, 0),
    // Sixteen tools in four languages, written after the twelfth set's step and measured
    // before they were read: 95 %, 89 %, 86 %, junk 7, date read 15/16.
    (
        "tools-sixteen-nl-fr-de-en-unprompted",
        94.0,
        90.0,
        85.0,
        7,
        0,
    ),
    // Recaps as people forward and edit them (a reply quoting the last mail, the sender's own
    // requests above a forwarded summary, Obsidian and Logseq notes, Word minutes), written
    // with the set above and measured before they were read: 85 %, 78 %, 82 %, junk 6.
    (
        "forwarded-notes-nl-fr-de-en-unprompted",
        96.0,
        86.0,
        95.0,
        4,
        1,
    ),
    // Sixteen tools not seen before (Read.ai, Avoma, MeetGeek, Grain, Sembly, Tactiq, Krisp,
    // Jamie, Bluedot, a Slack huddle …), written after the thirteenth step and measured before
    // they were read: 96 %, 86 %, 95 %, junk 21.
    ("new-tools-nl-fr-de-en-unprompted", 94.0, 91.0, 92.0, 5, 1),
    // Recaps people wrote (prose, numbered mails, inline replies, chat, typed notes, formal
    // minutes with tables aligned by spaces, Confluence, OneNote, Notion), written with the set
    // above and measured before they were read: 63 %, 52 %, 62 %, junk 11.
    (
        "hand-written-nl-fr-de-en-unprompted",
        82.0,
        75.0,
        82.0,
        6,
        0,
    ),
    // The seven tools users name (Zoom, Gemini, Otter, Fireflies, Webex, Teams, a wiki) in
    // their other layouts, forwarded, pasted and relabelled, written after the thirteenth step
    // and measured before they were read: 81 %, 65 %, 77 %, junk 5.
    (
        "tool-layouts-nl-fr-de-en-unprompted",
        80.0,
        73.0,
        78.0,
        3,
        0,
    ),
    // Recaps people send (action tables, owner blocks, status updates, decision logs, steering
    // committees, bilingual mails), written with the set above and measured before they were
    // read: 93 %, 84 %, 85 %, junk 20.
    ("hand-sent-nl-fr-de-en-unprompted", 93.0, 88.0, 90.0, 6, 0),
    // Recaps kept outside meeting tools (a CRM's logged call, meeting note and appointment, a
    // WhatsApp group, a Teams chat, a note typed on a phone, Planner, Trello, Obsidian), written
    // from public descriptions and measured before they were read: 72 %, 63 %, 65 %, junk 28.
    // A Teams chat copied as text is read as one since the sixteenth step: three tasks more,
    // and two answers that take on a question and say more ("I'll ask the resource manager
    // …") taken for tasks of their own.
    (
        "crm-chat-phone-nl-fr-de-en-unprompted",
        78.0,
        72.0,
        74.0,
        20,
        2,
    ),
    // The note-takers again, in their other layouts (Teams' recap over Dutch, Otter's mail
    // table, Read AI, Avoma, Krisp, jamie, Loop), measured before they were read: 87 %, 78 %,
    // 87 %, junk 5.
    (
        "notetakers-second-look-nl-fr-de-en-unprompted",
        92.0,
        90.0,
        88.0,
        6,
        0,
    ),
    // Chats and exports (Teams and Slack chats copied as text, a phone note without headings,
    // Trello, Jira's CSV, an Asana mail, Confluence, OneNote, Granola, Tactiq, a customer's
    // reply, a Word report, Otter over two languages), measured before they were read: 52 %,
    // 36 %, 45 %, junk 8, guessed 3. The level reached (76 %, 61 %, 77 % once a tracker's mail
    // was read as records and a labelled point's sentences weighed), not yet the one aimed at.
    // Its eleventh junk task is the customer's correction "Point 4: … c'est Kevin Dupuis qui
    // ouvrira les flux", which the truth counts as the quoted task it corrects.
    (
        "chats-exports-nl-fr-de-en-unprompted",
        75.0,
        60.0,
        76.0,
        11,
        3,
    ),
    // Seventeenth step: fourteen recaps of the AI note-takers and mails again (Copilot in Teams in
    // Dutch and in French as a forwarded mail, Zoom AI Companion in French and as a Dutch mail,
    // Gemini in Dutch and English, Otter, Fireflies in French, Webex in Dutch, Confluence and
    // Notion, a Brussels account manager's mixed Dutch and French mail, a Loop page, German
    // minutes), measured before they were read: 91 %, 83 %, 86 %, junk 5, guessed 0; after
    // this step 95 %, 86 %, 97 %, junk 4.
    (
        "ai-notes-mail-nl-fr-de-en-unprompted",
        94.0,
        85.0,
        96.0,
        4,
        0,
    ),
    // Eighteenth step: a Slack huddle's notes with their thread, Read AI's mail, tl;dv in
    // French, Fathom in Dutch, MeetGeek in German, Teams' recap in German as Outlook HTML,
    // Google Docs' meeting notes, a French procès-verbal, a customer's reply correcting a
    // quoted recap, a phone note in French and Dutch, an Asana mail, OneNote, Webex in French,
    // Zoom's next steps; measured before they were read: 82 %, 66 %, 70 %, junk 13, guessed 0;
    // after this step 92 %, 85 %, 82 %, junk 3.
    (
        "slack-trackers-replies-nl-fr-de-en-unprompted",
        91.0,
        84.0,
        81.0,
        3,
        0,
    ),
];

#[test]
fn recaps_written_from_public_descriptions_hold_the_accuracy_reached() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/recaps");
    let mut table = String::from(
        "set                                recaps tasks  found owners   dues guessed junk  dates\n",
    );
    let mut below = Vec::new();
    for &(set, found, owners, dues, junk, guessed) in SETS {
        let t = measure(&root.join(set));
        table.push_str(&format!(
            "{set:34} {:>6} {:>5} {:>5.0}% {:>5.0}% {:>5.0}% {:>7} {:>4} {:>3}/{}\n",
            t.recaps,
            t.tasks,
            percent(t.found, t.tasks),
            percent(t.owners, t.tasks),
            percent(t.dues, t.dated),
            t.guessed,
            t.junk,
            t.dates,
            t.recaps
        ));
        if percent(t.found, t.tasks) < found
            || percent(t.owners, t.tasks) < owners
            || percent(t.dues, t.dated) < dues
            || t.junk > junk
            || t.guessed > guessed
        {
            below.push(set);
        }
    }
    println!("{table}");
    assert!(
        below.is_empty(),
        "below the level reached: {below:?}\n{table}"
    );
}
