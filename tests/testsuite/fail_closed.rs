//! The customer edition fails closed: every way of writing internal text that we know of is
//! either an error at its line or absent from every file of the customer edition, and a seeded
//! generator writes meetings with markers at random places and nestings to find the ways we
//! do not know of.

use crate::common::{stderr, Fixture};
use std::path::Path;

const SITE: &str = "title = \"Globex briefings\"\nbase_url = \"https://intranet.example.test/\"\ntimezone = \"Europe/Brussels\"\nlast_edited = false\n";
const PEOPLE: &str = "[ann]\nname = \"Ann Aerts\"\n\n[dana]\nname = \"Dana Whitfield\"\ninternal = true\n\n[gus]\nname = \"Gus Globex\"\n";
const MEETING: &str = "content/meetings/2026-11-16-sync.md";
const FRONT: &str = "+++\ntitle = \"Globex sync\"\ndate = 2026-11-16\naccount = \"Globex\"\n+++\n";
/// Lines of the front matter above: the body's first line is line 6 of the file.
const FRONT_LINES: usize = 5;

fn site(body: &str) -> Fixture {
    site_with_title(body, "Globex sync")
}

fn site_with_title(body: &str, title: &str) -> Fixture {
    Fixture::empty()
        .with("site.toml", SITE)
        .with("content/people.toml", PEOPLE)
        .with(MEETING, &format!("{}{body}", FRONT.replace("Globex sync", title)))
        .with(
            "content/meetings/2026-11-02-war-room.md",
            "+++\ntitle = \"War room\"\ndate = 2026-11-02\naccount = \"Globex\"\ninternal = true\n+++\nThe floor is fixed.\n",
        )
}

fn files(out: &Path) -> Vec<(String, String, String)> {
    crate::common::output_texts(out)
}

/// Builds one edition of the site into `out-EDITION/`: what the build said, and where.
fn build_edition(site: &Fixture, edition: &str) -> (std::process::Output, std::path::PathBuf) {
    let out = site.root().join(format!("out-{edition}"));
    let output = site.run(&[
        "build",
        "--today",
        "2026-11-20",
        "--edition",
        edition,
        "--out",
        out.to_str().unwrap(),
    ]);
    (output, out)
}

fn build(site: &Fixture, edition: &str) -> Result<Vec<(String, String, String)>, String> {
    let (output, out) = build_edition(site, edition);
    if output.status.success() {
        Ok(files(&out))
    } else {
        Err(stderr(&output))
    }
}

/// The files that hold `word`, in their text or as written.
fn holders(files: &[(String, String, String)], word: &str) -> Vec<String> {
    let word = word.to_lowercase();
    files
        .iter()
        .filter(|(_, text, raw)| text.contains(&word) || raw.contains(&word))
        .map(|(path, _, _)| path.clone())
        .collect()
}

enum Expect {
    /// The build stops with an error at this line of the body (1 is the body's first line).
    ErrorAt(usize),
    /// Both editions build; the words are in the team's and in no file of the customer's.
    Absent(&'static [&'static str]),
}
use Expect::*;

/// The leaks we found, as Markdown, and what each must give.
#[test]
fn each_known_leak_is_an_error_at_its_line_or_absent_from_every_customer_file() {
    let cases: &[(&str, &str, Expect)] = &[
        ("`#` heading", "## Deal\nok\n\n# Pricing {.internal}\nfloorsecret\n", ErrorAt(4)),
        ("`###` heading", "## Deal\nok\n\n### Pricing {.internal}\nfloorsecret here\n\n## Next\nplan\n", Absent(&["floorsecret"])),
        ("`## Tasks {.internal}`", "## Deal\nok\n\n## Tasks {.internal}\nnotes floorsecret\n\n- [ ] **Call taskalpha** @ann due:2026-11-30\n", Absent(&["floorsecret", "taskalpha"])),
        ("a point", "## Deal\n- public point\n- floorsecret is 9% {.internal}\n", Absent(&["floorsecret"])),
        ("a task nested in an internal task", "## Deal\n- [ ] **Outer taskalpha** @ann {.internal}\n  - [ ] **Inner floorsecret** @ann due:2026-11-30\n- [ ] **Public one** @gus\n", Absent(&["floorsecret", "taskalpha"])),
        ("a footnote of an internal topic", "## Pricing {.internal}\nSee the note[^n].\n\n## Public\nok\n\n[^n]: floorsecret explained\n", Absent(&["floorsecret"])),
        ("a link title in an internal topic", "## Pricing {.internal}\nSee [the sheet](https://example.test/sheet \"floorsecret title\") and [more][m].\n\n[m]: https://example.test/m \"linksecret\"\n\n## Public\nok\n", Absent(&["floorsecret", "linksecret"])),
        ("a meeting title naming an internal person", "## Deal\nok\n", Absent(&["dana"])),
        ("a second block on a heading", "## Deal\nok\n\n## Pricing {.internal} {#pricing}\nfloorsecret\n", ErrorAt(4)),
        ("closing hashes", "## Pricing {.internal} ##\nfloorsecret\n", ErrorAt(1)),
        ("a trailing comment", "## Pricing {.internal} <!-- keep -->\nfloorsecret\n", ErrorAt(1)),
        ("a zero-width space", "## Pricing {.inter\u{200B}nal}\nfloorsecret\n", ErrorAt(1)),
        ("a backslash", "## Pricing \\{.internal}\nfloorsecret\n", ErrorAt(1)),
        ("a fence `{.internal}`", "## Deal\n\n```{.internal}\nfloorsecret\n```\n", ErrorAt(3)),
        ("a fence `internal-notes`", "## Deal\n\n```internal-notes\nfloorsecret\n```\n", ErrorAt(3)),
        ("a fence in a task indented 4 spaces", "## Deal\n- [ ] **Send it** @ann\n    ```internal\n    floor_price is 9% [walk-away]\n    ```\n- [ ] **Other** @gus\n", Absent(&["floor_price", "walk-away", "floorprice"])),
        ("a fence in a task indented by a tab", "## Deal\n- [ ] **Send it** @ann\n\t```internal\n\tfloor_price is 9% [walk-away]\n\t```\n", Absent(&["floor_price", "walk-away", "floorprice"])),
        ("a fence in a nested task", "## Deal\n- [ ] **Send it** @ann\n  - [ ] **Nested** @gus\n    ```internal\n    floorsecret *9%* [walk-away]\n    ```\n", Absent(&["floorsecret", "walk-away"])),
        ("an unclosed fence", "## Deal\nok\n\n```internal\nfloorsecret\n\n## Later\n- [ ] **Later task** @ann due:2026-11-30\n", ErrorAt(4)),
        ("an internal person in a heading", "## Call with @dana\nok\n", Absent(&["dana"])),
        ("an internal person in a task title", "## Deal\n- [ ] **Call @dana back** @ann due:2026-11-30\n", Absent(&["dana"])),
        ("a link to an internal meeting with a query", "## Deal\nSee [the room](2026-11-02-war-room.md?x=1) and [again](./2026-11-02-war-room.md#floor).\n", Absent(&["war-room"])),
        ("an unknown attribute on a paragraph", "## Deal\nThe floor. {.secret}\n", ErrorAt(2)),
        ("a marker in code", "## Deal\nWrite `{.internal}` to hide.\n", ErrorAt(2)),
    ];
    let mut failures = Vec::new();
    for (name, body, expect) in cases {
        let site = if name.starts_with("a meeting title") {
            site_with_title(body, "Call with @dana")
        } else {
            site(body)
        };
        let team = build(&site, "internal");
        let customer = build(&site, "customer");
        match expect {
            ErrorAt(line) => {
                let at = format!("2026-11-16-sync.md:{}:", line + FRONT_LINES);
                for (edition, result) in [("internal", &team), ("customer", &customer)] {
                    match result {
                        Err(errors) if errors.contains(&at) && errors.contains("error") => {}
                        Err(errors) => {
                            failures.push(format!("{name} ({edition}): no error at {at}: {errors}"))
                        }
                        Ok(_) => failures.push(format!("{name} ({edition}): built")),
                    }
                }
                // check says the same, before anything is built.
                let check = site.run(&["check", "--today", "2026-11-20", "--edition", "customer"]);
                if check.status.success() || !stderr(&check).contains(&at) {
                    failures.push(format!("{name}: check: {}", stderr(&check)));
                }
            }
            Absent(words) => {
                let (team, customer) = match (team, customer) {
                    (Ok(team), Ok(customer)) => (team, customer),
                    (team, customer) => {
                        failures.push(format!(
                            "{name}: a build failed: {:?} {:?}",
                            team.err(),
                            customer.err()
                        ));
                        continue;
                    }
                };
                for word in *words {
                    let shown = holders(&customer, word);
                    if !shown.is_empty() {
                        failures.push(format!("{name}: `{word}` in {shown:?}"));
                    }
                    if holders(&team, word).is_empty()
                        && !word.contains('_')
                        && *word != "floorprice"
                    {
                        failures.push(format!(
                            "{name}: `{word}` is in no file of the team's edition"
                        ));
                    }
                }
                let check = site.run(&["check", "--today", "2026-11-20", "--edition", "customer"]);
                if !check.status.success() {
                    failures.push(format!("{name}: check fails: {}", stderr(&check)));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Meetings from a seed, with markers at random places and nestings: no hidden word reaches
/// any file of the customer edition, every public word does, and the team's edition has both.
/// Bounded here; the fuzz target `customer_edition` runs the reading on any input.
#[test]
fn generated_meetings_keep_every_internal_word_out_and_every_public_word_in() {
    let rounds: u64 = std::env::var("DOSSIER_PROPERTY_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    let mut counts = (0, 0);
    for round in 0..rounds {
        let mut seed = 0xD055_1E00 + round;
        let (body, hidden, kept) = dossier::generated::body(&mut seed);
        let site = site(&body);
        let team =
            build(&site, "internal").unwrap_or_else(|e| panic!("round {round}: {e}\n{body}"));
        let customer =
            build(&site, "customer").unwrap_or_else(|e| panic!("round {round}: {e}\n{body}"));
        for word in &hidden {
            let shown = holders(&customer, word);
            assert!(
                shown.is_empty(),
                "round {round}: {word} in {shown:?}\n{body}"
            );
            assert!(
                !holders(&team, word).is_empty(),
                "round {round}: {word} lost in the team's edition\n{body}"
            );
        }
        for word in &kept {
            assert!(
                !holders(&customer, word).is_empty(),
                "round {round}: {word} lost\n{body}"
            );
        }
        counts.0 += hidden.len();
        counts.1 += kept.len();
    }
    eprintln!(
        "generated meetings: {rounds} rounds, {} internal words absent, {} public words present",
        counts.0, counts.1
    );
}

fn two_accounts() -> Fixture {
    Fixture::empty()
        .with("site.toml", SITE)
        .with("content/people.toml", PEOPLE)
        .with(MEETING, &format!("{FRONT}## Renewal\n@gus confirmed the globexword date.\n\n- [ ] **Send the globexpaper** @ann due:2026-11-19\n"))
        .with(
            "content/meetings/2026-11-17-initech.md",
            "+++\ntitle = \"Initech kickoff\"\ndate = 2026-11-17\naccount = \"Initech\"\n+++\n## Scope\nInitech wants the initechword rollout.\n\n- [ ] **Draft the initechplan** @ann due:2026-11-30\n",
        )
        .with(
            "content/meetings/2026-11-18-no-account.md",
            "+++\ntitle = \"Team offsite\"\ndate = 2026-11-18\n+++\n## Plans\nThe offsiteword agenda.\n",
        )
        .with(
            "content/initiatives/initech-rollout.md",
            "+++\ntitle = \"Initech rollout\"\naccount = \"Initech\"\n+++\nThe initechinitiative background.\n",
        )
}

#[test]
fn a_customer_edition_shows_one_account_and_a_site_of_several_must_say_which() {
    let site = two_accounts();
    // Without --account, a site of two accounts gives no customer edition at all.
    for command in [&["build"][..], &["check"], &["serve", "--port", "0"]] {
        let mut args = command.to_vec();
        args.extend(["--today", "2026-11-20", "--edition", "customer"]);
        let output = run_for_at_most(&site, &args, std::time::Duration::from_secs(20));
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let errors = stderr(&output);
        assert!(
            errors.contains("--account")
                && errors.contains("globex (Globex)")
                && errors.contains("initech (Initech)"),
            "{errors}"
        );
    }
    assert!(!site.root().join("public-customer").exists());

    let output = site.run(&[
        "build",
        "--today",
        "2026-11-20",
        "--edition",
        "customer",
        "--account",
        "Globex",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = site.root().join("public-customer-globex");
    let customer = files(&out);
    for word in ["globexword", "globexpaper", "Gus Globex"] {
        assert!(!holders(&customer, word).is_empty(), "{word} missing");
    }
    for word in [
        "initechword",
        "initechplan",
        "initechinitiative",
        "Initech kickoff",
        "offsiteword",
        "2026-11-17-initech",
        "initech-rollout",
        "accounts/initech",
        "owners/",
    ] {
        let shown = holders(&customer, word);
        assert!(shown.is_empty(), "{word} in {shown:?}");
    }
    // The team's workload is not the customer's: no owner pages or calendars; names are text.
    assert!(!out.join("owners").exists());
    let meeting = std::fs::read_to_string(out.join("meetings/2026-11-16-sync/index.html")).unwrap();
    assert!(
        meeting.contains("Ann Aerts")
            && meeting.contains("<span class=\"mention\">Gus Globex</span>")
    );

    let check = site.run(&[
        "check",
        "--today",
        "2026-11-20",
        "--edition",
        "customer",
        "--account",
        "initech",
    ]);
    assert!(check.status.success(), "{}", stderr(&check));

    let unknown = site.run(&["build", "--edition", "customer", "--account", "acme"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("`acme`") && stderr(&unknown).contains("initech (Initech)"));
    let internal = site.run(&["build", "--account", "globex"]);
    assert_eq!(internal.status.code(), Some(2));
    assert!(
        stderr(&internal).contains("--edition customer"),
        "{}",
        stderr(&internal)
    );

    // site.toml may name the account; the edition then builds where it always did.
    site.write(
        "site.toml",
        &format!("{SITE}\n[editions.customer]\naccount = \"Initech\"\n"),
    );
    let output = site.run(&["build", "--today", "2026-11-20", "--edition", "customer"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let customer = files(&site.root().join("public-customer"));
    assert!(!holders(&customer, "initechplan").is_empty());
    assert!(holders(&customer, "globexword").is_empty());
}

/// Runs dossier on the site, failing the test after `limit`: a serve that starts when it
/// should not fails the test instead of hanging it.
fn run_for_at_most(
    site: &Fixture,
    args: &[&str],
    limit: std::time::Duration,
) -> std::process::Output {
    let child = crate::common::dossier()
        .args(args)
        .arg("--root")
        .arg(site.root())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    crate::common::finish_within(child, limit, &format!("dossier {args:?} did not stop"))
}

#[test]
fn a_link_in_static_publishes_nothing_from_outside_static() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "outsidesecret").unwrap();
    let site = site("## Deal\nok\n")
        .with("static/logo.txt", "logo")
        .with("static/img/a.txt", "a");
    let link = |target: &Path, name: &str| {
        std::os::unix::fs::symlink(target, site.root().join("static").join(name)).unwrap()
    };
    // Within static/: published as what it leads to.
    link(&site.root().join("static/logo.txt"), "logo-again.txt");
    let output = site.run(&["build", "--today", "2026-11-20", "--edition", "customer"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(site.root().join("public-customer/logo-again.txt")).unwrap(),
        "logo"
    );
    // To the notes, the site's settings, or a folder outside the site: an error, nothing published.
    link(&site.root().join("content"), "notes");
    link(&site.root().join("site.toml"), "settings.txt");
    link(outside.path(), "elsewhere");
    for edition in ["customer", "internal"] {
        let (output, out) = build_edition(&site, edition);
        assert_eq!(output.status.code(), Some(1), "{edition}");
        let errors = stderr(&output);
        for name in ["static/notes", "static/settings.txt", "static/elsewhere"] {
            assert!(errors.contains(name), "{edition}: {name}: {errors}");
        }
        assert!(!out.exists(), "{edition}: nothing is written");
    }
}
