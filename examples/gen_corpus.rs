//! Writes a realistic dossier site of N meetings for benchmarks, and optionally the same
//! Markdown bodies as a Hugo site, so both tools build the same notes.
//!
//! Usage: cargo run --release --example gen_corpus -- N DIR [--hugo HUGO_DIR]
//!
//! Seeded: the same N always gives the same bytes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// splitmix64: tiny, fast, and the same everywhere, so corpora are reproducible without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Anna", "Ben", "Clara", "David", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karla",
    "Lukas", "Marta", "Nadia", "Oscar", "Paula", "Quentin", "Rosa", "Sami", "Tara",
];
const LAST: &[&str] = &[
    "Aerts", "Bauer", "Claes", "Dubois", "Engel", "Fischer", "Goossens", "Hermans", "Jansen",
    "Kowalski",
];
const WORDS: &[&str] = &[
    "migration",
    "pricing",
    "contract",
    "renewal",
    "licensing",
    "security",
    "workshop",
    "pilot",
    "roadmap",
    "budget",
    "governance",
    "adoption",
    "training",
    "architecture",
    "integration",
    "timeline",
    "approval",
    "proposal",
    "assessment",
    "escalation",
    "milestone",
    "rollout",
    "dashboard",
    "pipeline",
    "forecast",
    "partner",
    "customer",
    "stakeholder",
    "workload",
    "platform",
    "network",
    "storage",
    "identity",
    "compliance",
    "backlog",
    "delivery",
    "support",
    "consumption",
    "commitment",
    "discount",
    "quote",
    "demo",
    "feedback",
    "shortlist",
    "scope",
];
const VERBS: &[&str] = &[
    "reviewed",
    "discussed",
    "confirmed",
    "questioned",
    "proposed",
    "clarified",
    "escalated",
    "summarised",
    "presented",
    "challenged",
];
const ACCOUNTS: &[&str] = &[
    "Proximus", "Telenet", "Belfius", "Colruyt", "Solvay", "Umicore",
];

struct Person {
    id: String,
    name: String,
}

fn people() -> Vec<Person> {
    let mut people = Vec::new();
    for last in LAST {
        for first in FIRST {
            let name = format!("{first} {last}");
            people.push(Person {
                id: name.to_lowercase().replace(' ', "-"),
                name,
            });
        }
    }
    people
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut out = String::new();
    for i in 0..words {
        if i > 0 {
            out.push(' ');
        }
        let word: &&str = rng.pick(WORDS);
        out.push_str(word);
    }
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

fn date_of(index: usize) -> (i32, u32, u32) {
    // Meetings spread over about ten years, several a day.
    let day = index * 3 / 8;
    let year = 2016 + (day / 336) as i32;
    let month = (day % 336) / 28 + 1;
    let dom = day % 28 + 1;
    (year, month as u32, dom as u32)
}

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("create folder");
    }
    std::fs::write(path, text).expect("write file");
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: gen_corpus N DIR [--hugo HUGO_DIR]";
    let count: usize = args.first().and_then(|n| n.parse().ok()).expect(usage);
    let dir = PathBuf::from(args.get(1).expect(usage));
    let hugo = args
        .iter()
        .position(|a| a == "--hugo")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);

    let mut rng = Rng(0x5EED_D055_1E75);
    let people = people();
    let initiatives: Vec<(String, String)> = (1..=300)
        .map(|i| {
            (
                format!("initiative-{i:03}"),
                format!("Initiative {i}: {}", sentence(&mut rng, 3)),
            )
        })
        .collect();

    write(
        &dir.join("site.toml"),
        "title = \"Benchmark briefings\"\nbase_url = \"https://intranet.example.test/briefings/\"\ntimezone = \"Europe/Brussels\"\ntoday = 2021-06-15\n",
    );
    let mut people_toml = String::new();
    for person in &people {
        let _ = writeln!(people_toml, "[{}]\nname = \"{}\"\n", person.id, person.name);
    }
    write(&dir.join("content/people.toml"), &people_toml);
    for (slug, title) in &initiatives {
        let owner = &people[rng.below(people.len())];
        write(
            &dir.join(format!("content/initiatives/{slug}.md")),
            &format!(
                "+++\ntitle = \"{title}\"\nstatus = \"{}\"\nowners = [\"{}\"]\naccount = \"{}\"\n+++\n{}.\n",
                rng.pick(&["active", "active", "paused", "won", "done"]),
                owner.id,
                rng.pick(ACCOUNTS),
                sentence(&mut rng, 30)
            ),
        );
    }

    for index in 0..count {
        let (year, month, day) = date_of(index);
        let slug = format!("{year}-{month:02}-{day:02}-meeting-{index:05}");
        let account = rng.pick(ACCOUNTS);
        let mut body = String::new();
        let mut owners_all: Vec<&str> = Vec::new();
        let mut initiatives_all: Vec<&str> = Vec::new();
        let _ = writeln!(body, "Weekly review of the {account} account.\n");
        let topics = rng.between(4, 6);
        let tasks_total = rng.between(3, 6);
        for topic in 0..topics {
            let initiative = if rng.below(3) > 0 {
                let (slug, _) = rng.pick(&initiatives);
                initiatives_all.push(slug);
                format!(" {{initiative={slug}}}")
            } else {
                String::new()
            };
            let _ = writeln!(
                body,
                "## Topic {}: {}{initiative}",
                topic + 1,
                sentence(&mut rng, 4)
            );
            let a = &people[rng.below(people.len())];
            let b = &people[rng.below(people.len())];
            let _ = writeln!(
                body,
                "@{} and @{} {} the {} and the {}. {}. {}.\n",
                a.id,
                b.id,
                rng.pick(VERBS),
                rng.pick(WORDS),
                rng.pick(WORDS),
                sentence(&mut rng, 12),
                sentence(&mut rng, 8)
            );
            for _ in 0..3 {
                let c = &people[rng.below(people.len())];
                let _ = writeln!(
                    body,
                    "- **{}:** @{} {} that {}.",
                    sentence(&mut rng, 2),
                    c.id,
                    rng.pick(VERBS),
                    sentence(&mut rng, 9).to_lowercase()
                );
            }
            body.push('\n');
            let tasks_here = tasks_total / topics + usize::from(topic < tasks_total % topics);
            for _ in 0..tasks_here {
                let owners = rng.between(1, 3);
                let mut mention = String::new();
                for _ in 0..owners {
                    let o = &people[rng.below(people.len())];
                    owners_all.push(&o.id);
                    let _ = write!(mention, " @{}", o.id);
                }
                let due = match rng.below(6) {
                    0 => String::new(),
                    1 => {
                        let (y, m, _) = date_of(index + rng.below(600));
                        format!(" due:{y}-{m:02}")
                    }
                    _ => {
                        let (y, m, d) = date_of(index + rng.below(2000));
                        format!(" due:{y}-{m:02}-{d:02}")
                    }
                };
                let _ = writeln!(
                    body,
                    "- [{}] **{}:** {}.{mention}{due}",
                    if rng.below(4) == 0 { "x" } else { " " },
                    sentence(&mut rng, 4),
                    sentence(&mut rng, 8).to_lowercase()
                );
            }
            body.push('\n');
        }
        let title = format!("{account} account team meeting {index}");
        write(
            &dir.join(format!("content/meetings/{slug}.md")),
            &format!(
                "+++\ntitle = \"{title}\"\ndate = {year}-{month:02}-{day:02}\naccount = \"{account}\"\n+++\n{body}"
            ),
        );
        if let Some(hugo) = &hugo {
            owners_all.sort_unstable();
            owners_all.dedup();
            initiatives_all.sort_unstable();
            initiatives_all.dedup();
            let list = |items: &[&str]| {
                items
                    .iter()
                    .map(|i| format!("\"{i}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            write(
                &hugo.join(format!("content/meetings/{slug}.md")),
                &format!(
                    "+++\ntitle = \"{title}\"\ndate = {year}-{month:02}-{day:02}\nowners = [{}]\ninitiatives = [{}]\n+++\n{body}",
                    list(&owners_all),
                    list(&initiatives_all)
                ),
            );
        }
    }

    if let Some(hugo) = &hugo {
        write(
            &hugo.join("hugo.toml"),
            "baseURL = \"https://intranet.example.test/briefings/\"\ntitle = \"Benchmark briefings\"\ndisableKinds = [\"RSS\", \"sitemap\", \"robotsTXT\"]\n\n[taxonomies]\nowner = \"owners\"\ninitiative = \"initiatives\"\n\n[markup.goldmark.parser.attribute]\ntitle = true\n",
        );
        let single = "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}</p><p>{{ range .Params.owners }}<a href=\"{{ (printf \"/owners/%s/\" (urlize .)) | relURL }}\">{{ . }}</a> {{ end }}</p>{{ .Content }}</body></html>\n";
        let list = "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Date.Format \"2006-01-02\" }}</li>{{ end }}</ul></body></html>\n";
        write(&hugo.join("layouts/_default/single.html"), single);
        write(&hugo.join("layouts/_default/list.html"), list);
        write(&hugo.join("layouts/_default/taxonomy.html"), list);
        write(&hugo.join("layouts/_default/term.html"), list);
        write(&hugo.join("layouts/index.html"), list);
    }
    eprintln!("wrote {count} meetings to {}", dir.display());
}
