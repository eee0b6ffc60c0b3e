//! The theme's script repeats three of dossier's rules in the reader's browser: which group a
//! deadline falls in on the reader's day (and its label), the words a search is made of, and
//! how a count is written in each language.
//! This runs the Rust (`dossier::script_rules`) and the script's `dossierRules` on one table
//! drawn from a seeded generator, and reports agreement per kind.

use crate::common::*;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::io::Write;
use std::process::{Command, Stdio};

/// A small seeded generator (xorshift64*): the same table on every run.
struct Draw(u64);

impl Draw {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }
}

/// Deadlines of every precision around a reader's day, with every first day of the week.
fn deadline_cases(draw: &mut Draw, count: usize) -> Vec<(String, NaiveDate, u32)> {
    let base = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0..count)
        .map(|_| {
            let today = base + Days::new(draw.below(365 * 5));
            let offset = draw.below(200) as i64 - 60;
            let day = today
                .checked_add_signed(chrono::Duration::days(offset))
                .unwrap();
            let token = match draw.below(3) {
                0 => day.format("%Y-%m-%d").to_string(),
                1 => day.format("%Y-%m").to_string(),
                _ => format!("{}-Q{}", day.year(), (day.month() - 1) / 3 + 1),
            };
            (token, today, draw.below(7) as u32)
        })
        .collect()
}

/// Texts of words as teams write them: accents, letters that do not decompose, combining
/// marks, plurals, digits, other scripts, punctuation and stopwords.
fn texts(draw: &mut Draw, count: usize) -> Vec<String> {
    const WORDS: &[&str] = &[
        "Élodie",
        "Straße",
        "ŒUVRE",
        "Søren",
        "Łódź",
        "Đorđe",
        "ıspanak",
        "İstanbul",
        "naïve",
        "façade",
        "companies",
        "classes",
        "analysis",
        "status",
        "deals",
        "bus",
        "the",
        "and",
        "Q4",
        "2026",
        "x",
        "a",
        "e\u{301}te\u{301}",
        "漢字",
        "Σίσυφος",
        "ΣΟΦΙΑ",
        "🙂",
        "café's",
        "follow-up",
        "PO#123",
        "ﬁnance",
        "Ångström",
        "Æsir",
        "über",
        "ÜBER",
        "ǅemal",
        "ℌilbert",
        "Ⅻ",
        "½",
        "²",
        "l'équipe",
        "d’Anvers",
        "ſtraße",
    ];
    const BETWEEN: &[&str] = &[" ", ", ", "-", ": ", "/", "\n", ". ", "_", "(", ") "];
    (0..count)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..1 + draw.below(6) {
                text.push_str(draw.pick(WORDS));
                text.push_str(draw.pick(BETWEEN));
            }
            text
        })
        .collect()
}

fn weekday(days_from_sunday: u32) -> Weekday {
    (0..days_from_sunday).fold(Weekday::Sun, |day, _| day.succ())
}

/// Runs the script's rules under Node on the table; one JSON answer per line.
const RUN_SCRIPT: &str = r#"
const fs = require("fs"), vm = require("vm");
const source = fs.readFileSync(process.argv[1], "utf8");
// The script as a page in `lang` loads it: its words (`static/words.js`) say the language.
function rulesIn(lang) {
  const context = lang ? { window: { dossierWords: { lang: lang } } } : {};
  vm.createContext(context);
  vm.runInContext(source, context);
  return context.dossierRules;
}
const rules = rulesIn();
const table = JSON.parse(fs.readFileSync(0, "utf8"));
for (const [token, today, weekStart] of table.deadlines) {
  const group = rules.bucketOf(token, today, weekStart);
  console.log(JSON.stringify([group.key, group.title, rules.dateLabel(token)]));
}
for (const text of table.texts) console.log(JSON.stringify(rules.termsOf(text)));
const languages = ["en", "nl", "fr", "de"].map(function (lang) { return [lang, rulesIn(lang)]; });
for (const n of table.counts) {
  console.log(JSON.stringify(languages.map(function ([lang, inLang]) { return [lang, inLang.count(n)]; })));
}
"#;

#[test]
fn the_script_and_dossier_group_deadlines_and_fold_words_alike() {
    if !tool_available(
        "the script's rules against the Rust",
        "node",
        &["--version"],
        "node (Node.js)",
    ) {
        return;
    }
    let mut draw = Draw(0x5eed_2026_1207);
    let deadlines = deadline_cases(&mut draw, 3000);
    let texts = texts(&mut draw, 3000);
    // Counts of every length, and the edges where a group of thousands begins.
    let counts: Vec<i64> = (0..600)
        .map(|_| {
            let digits = 1 + draw.below(8) as u32;
            draw.below(10_u64.pow(digits)) as i64
        })
        .chain([0, 999, 1_000, 9_999, 10_000, 999_999, 1_000_000])
        .collect();
    let table = serde_json::json!({
        "counts": counts,
        "deadlines": deadlines
            .iter()
            .map(|(token, today, start)| serde_json::json!([token, today.to_string(), start]))
            .collect::<Vec<_>>(),
        "texts": texts,
    });
    let script = example_root().join("themes/default/static/dossier.js");
    let mut node = Command::new("node")
        .args(["-e", RUN_SCRIPT])
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    node.stdin
        .take()
        .unwrap()
        .write_all(table.to_string().as_bytes())
        .unwrap();
    let output = node.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let answers: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(answers.len(), deadlines.len() + texts.len() + counts.len());

    let mut differing = Vec::new();
    let mut agree = [0_usize; 2];
    for ((token, today, start), answer) in deadlines.iter().zip(&answers) {
        let rust = dossier::script_rules::deadline(token, *today, weekday(*start)).unwrap();
        if serde_json::json!(rust) == *answer {
            agree[0] += 1;
        } else {
            differing.push(format!(
                "{token} on {today}, weeks from {start}: Rust {rust:?}, script {answer}"
            ));
        }
    }
    for (text, answer) in texts.iter().zip(&answers[deadlines.len()..]) {
        let rust = dossier::script_rules::search_terms(text);
        if serde_json::json!(rust) == *answer {
            agree[1] += 1;
        } else {
            differing.push(format!("{text:?}: Rust {rust:?}, script {answer}"));
        }
    }
    let mut counts_agree = 0;
    for (count, answer) in counts.iter().zip(&answers[deadlines.len() + texts.len()..]) {
        let rust = dossier::script_rules::counts(*count);
        if serde_json::json!(rust) == *answer {
            counts_agree += 1;
        } else {
            differing.push(format!("{count}: Rust {rust:?}, script {answer}"));
        }
    }
    eprintln!(
        "script rules: deadlines {}/{} agree, search words {}/{} agree, counts in four languages {}/{} agree",
        agree[0],
        deadlines.len(),
        agree[1],
        texts.len(),
        counts_agree,
        counts.len()
    );
    differing.truncate(12);
    assert!(differing.is_empty(), "{differing:#?}");
}
