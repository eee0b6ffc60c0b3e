//! What the site publishes besides pages, as clients read it: the calendar's window, the feed's
//! entries and dates, the sitemap's files.

use crate::common::*;

const M: &str = "content/meetings/2025-11-20-weekly.md";

fn read(site: &Fixture, file: &str) -> String {
    std::fs::read_to_string(site.public().join(file)).unwrap()
}

#[test]
fn calendars_hold_the_deadlines_of_their_window_and_site_toml_sets_it() {
    let meeting = MEETING.replace(
        "- [ ] **Close it:**",
        "- [ ] **Renew in two years:** later. @Sigi due:2027-11-30\n- [ ] **Close it:**",
    );
    let site = Fixture::valid().with(M, &meeting);
    assert!(site.build().status.success(), "{}", stderr(&site.build()));
    let calendar = read(&site, "calendar.ics");
    assert!(calendar.contains("SUMMARY:Close it"), "{calendar}");
    assert!(!calendar.contains("Renew in two years"), "beyond 120 days");
    // The task is still on the site's pages and in tasks.json.
    assert!(read(&site, "tasks.json").contains("Renew in two years"));
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[calendar]\nfuture_days = 800\n"),
    );
    assert!(site.build().status.success());
    assert!(read(&site, "calendar.ics").contains("Renew in two years"));
    // An unknown key in the table is an error at its place, not ignored.
    site.write(
        "site.toml",
        &format!("{SITE_TOML}\n[calendar]\nfuture_day = 800\n"),
    );
    let output = site.build();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("site.toml:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_open_task_overdue_since_before_the_window_stays_in_every_calendar_up_to_a_cap() {
    // 230 open tasks overdue since long before the window, and one done long ago.
    let mut tasks = String::new();
    for n in 0..230 {
        let day = 1 + n % 28;
        let month = 1 + (n / 28) % 9;
        tasks.push_str(&format!(
            "- [ ] **Old task {n}** @Sigi due:2024-{month:02}-{day:02}\n"
        ));
    }
    tasks.push_str("- [x] **Done long ago** @Sigi due:2024-03-01\n");
    let meeting = MEETING.replace("## Tasks\n", &format!("## Tasks\n{tasks}"));
    let site = Fixture::valid().with(M, &meeting);
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    for calendar in ["calendar.ics", "owners/sigi/calendar.ics"] {
        let text = read(&site, calendar);
        let events = text.matches("BEGIN:VEVENT").count();
        let old = text.matches("SUMMARY:Old task").count();
        // The 200 most recently due are kept one by one, the other 30 counted in one event.
        assert_eq!(old, 200, "{calendar}");
        assert!(
            text.contains("SUMMARY:and 30 more overdue tasks"),
            "{calendar}"
        );
        assert!(
            text.contains("SUMMARY:Old task 229"),
            "the latest due are kept"
        );
        assert!(
            !text.contains("SUMMARY:Old task 0\r\n"),
            "the oldest are counted"
        );
        assert!(
            !text.contains("Done long ago"),
            "a done task keeps to the window"
        );
        assert!(events >= 201, "{calendar}: {events}");
    }
}

#[test]
fn a_feed_entry_is_updated_when_its_meeting_changes_and_the_feed_keeps_its_length() {
    let site = Fixture::valid();
    assert!(site.build().status.success());
    let updated = |feed: &str| {
        let entry = feed.split("<entry>").nth(1).unwrap();
        let start = entry.find("<updated>").unwrap() + "<updated>".len();
        entry[start..start + 20].to_string()
    };
    assert_eq!(updated(&read(&site, "feed.xml")), "2025-11-20T00:00:00Z");
    assert!(site
        .run(&["build", "--today", "2025-11-27"])
        .status
        .success());
    assert_eq!(updated(&read(&site, "feed.xml")), "2025-11-20T00:00:00Z");
    site.write(M, &MEETING.replacen("## ", "## Renamed ", 1));
    assert!(site
        .run(&["build", "--today", "2025-11-27"])
        .status
        .success());
    let feed = read(&site, "feed.xml");
    assert_eq!(updated(&feed), "2025-11-27T00:00:00Z");
    assert!(feed.contains("<author><name>Fixture briefings</name></author>"));
    // Only the latest meetings, as many as site.toml says.
    for day in 21..=25 {
        site.write(
            &format!("content/meetings/2025-11-{day}-sync.md"),
            &format!("+++\ntitle = \"Sync {day}\"\ndate = 2025-11-{day}\n+++\nNotes.\n"),
        );
    }
    site.write("site.toml", &format!("{SITE_TOML}\n[feed]\nentries = 3\n"));
    assert!(site.build().status.success());
    let feed = read(&site, "feed.xml");
    assert_eq!(feed.matches("<entry>").count(), 3);
    assert!(feed.contains("Sync 25") && !feed.contains("Sync 22"));
}

#[test]
fn the_sitemap_is_an_index_of_dated_pages() {
    let site = Fixture::valid();
    assert!(site.build().status.success());
    let index = read(&site, "sitemap.xml");
    assert!(index.contains("<sitemapindex"), "{index}");
    assert!(index.contains(
        "<loc>https://briefings.example.test/b/sitemap-1.xml</loc><lastmod>2025-11-20</lastmod>"
    ));
    let part = read(&site, "sitemap-1.xml");
    assert!(part.contains("<loc>https://briefings.example.test/b/meetings/2025-11-20-weekly/</loc><lastmod>2025-11-20</lastmod>"), "{part}");
    assert!(!part.contains("404"));
    assert!(
        !part.contains("search/"),
        "a results page is not a page to list: {part}"
    );
}

#[test]
fn the_search_results_page_is_built_in_every_edition_and_linked_from_every_page() {
    let site = Fixture::valid();
    for edition in ["internal", "customer"] {
        let built = site.run(&["build", "--today", "2025-11-24", "--edition", edition]);
        assert!(
            built.status.success(),
            "{}",
            String::from_utf8_lossy(&built.stderr)
        );
        let page = read(&site, "search/index.html");
        // The script reads `q` from the address and fills the list beside the index's files.
        for part in [
            "<form class=\"search-page\" id=\"search-page\" role=\"search\" hidden>",
            "name=\"q\" type=\"search\"",
            "<ol class=\"search-page-results\" id=\"search-page-results\"></ol>",
            "<noscript>",
        ] {
            assert!(page.contains(part), "{edition}: {part}\n{page}");
        }
        assert!(site.public().join("search/index.js").is_file());
        for file in ["index.html", "meetings/2025-11-20-weekly/index.html"] {
            let depth = file.matches('/').count();
            let link = format!(
                "<a href=\"{}search/index.html\">Search</a>",
                "../".repeat(depth)
            );
            assert!(
                read(&site, file).contains(&link),
                "{edition} {file}: {link}"
            );
        }
    }
}

#[test]
fn base_url_can_be_given_per_build_and_short_flags_work() {
    let site = Fixture::valid();
    let staging = site.root().join("staging");
    let output = site.run(&[
        "build",
        "--today",
        "2025-11-24",
        "-u",
        "https://staging.example.test/b",
        "-o",
        staging.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let feed = std::fs::read_to_string(staging.join("feed.xml")).unwrap();
    assert!(
        feed.contains("<id>https://staging.example.test/b/</id>"),
        "{feed}"
    );
    let calendar = std::fs::read_to_string(staging.join("calendar.ics")).unwrap();
    assert!(calendar.contains("@staging.example.test\r\n"), "{calendar}");
    let refused = site.run(&[
        "build",
        "-u",
        "staging.example.test",
        "-o",
        staging.to_str().unwrap(),
    ]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
}

#[test]
fn json_output_has_one_spelling_and_the_old_one_still_works() {
    let site = Fixture::valid();
    let new = site.run(&["tasks", "--today", "2025-11-24", "--format", "json"]);
    let old = site.run(&["tasks", "--today", "2025-11-24", "--json"]);
    assert!(new.status.success(), "{}", stderr(&new));
    assert_eq!(stdout(&new), stdout(&old));
    let tasks: serde_json::Value = serde_json::from_str(&stdout(&new)).unwrap();
    assert_eq!(tasks[0]["id"], "2025-11-20-weekly.deal.close-it");
    assert_eq!(
        tasks[0]["url"],
        "https://briefings.example.test/b/meetings/2025-11-20-weekly/deal/"
    );
}

#[test]
fn completion_scripts_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let output = run(&["completion", shell]);
        assert!(output.status.success(), "{shell}: {}", stderr(&output));
        assert!(stdout(&output).contains("import"), "{shell}");
    }
}

#[test]
fn the_sites_static_folder_is_published_at_the_root() {
    let site = Fixture::valid()
        .with("static/robots.txt", "User-agent: *\nDisallow: /\n")
        .with("static/static/style.css", "body { color: red }\n");
    assert!(site.build().status.success(), "{}", stderr(&site.build()));
    assert_eq!(read(&site, "robots.txt"), "User-agent: *\nDisallow: /\n");
    // A file at the theme's path replaces the theme's.
    assert_eq!(read(&site, "static/style.css"), "body { color: red }\n");
    assert!(site.public().join("static/dossier.js").is_file());
}

/// The theme's files are linked with a fingerprint of their bytes, so that a long cache of
/// `static/` is safe: a changed file is a new address, an unchanged one the same.
#[test]
fn the_themes_files_are_linked_with_a_fingerprint_of_their_bytes() {
    let stylesheet = |site: &Fixture| {
        let page = read(site, "index.html");
        let start = page
            .find("href=\"static/style.css?v=")
            .expect("a fingerprinted link");
        page[start..start + page[start..].find('>').unwrap()].to_string()
    };
    let plain = Fixture::valid();
    assert!(plain.build().status.success(), "{}", stderr(&plain.build()));
    let again = Fixture::valid();
    assert!(again.build().status.success(), "{}", stderr(&again.build()));
    assert_eq!(stylesheet(&plain), stylesheet(&again));
    let red = Fixture::valid().with("static/static/style.css", "body { color: red }\n");
    assert!(red.build().status.success(), "{}", stderr(&red.build()));
    assert_ne!(stylesheet(&plain), stylesheet(&red));
    // Every page links the same address, whatever its depth.
    let meetings = read(&red, "meetings/index.html");
    let fingerprint = stylesheet(&red).split("?v=").nth(1).unwrap().to_string();
    assert!(meetings.contains(&format!("../static/style.css?v={fingerprint}")));
}

/// What dossier writes itself cannot be replaced from static/: not a site-wide file, and not a
/// page of any kind, whichever kind builds first. Each clash is named, all in one run.
#[test]
fn a_static_file_at_any_generated_address_is_refused_with_its_path() {
    let generated = [
        "feed.xml",
        "calendar.ics",
        "sitemap.xml",
        "tasks.json",
        "index.html",
        "404.html",
        "meetings/index.html",
        "meetings/2025-11-03-acme-weekly/index.html",
        "topics/index.html",
        "owners/ana/index.html",
        "initiatives/index.html",
        "accounts/acme/index.html",
        "tags/security/index.html",
        "tasks/some-task/index.html",
        "calendar/index.html",
        "calendar/2025-11/index.html",
    ];
    let mut clash = Fixture::valid().with("static/robots.txt", "User-agent: *\n");
    for path in generated {
        clash = clash.with(&format!("static/{path}"), "<p>mine</p>");
    }
    let output = clash.build();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    for path in generated {
        assert!(
            stderr(&output).contains(&format!(
                "static/{path}:1:1: error: this file would be published at /{path}"
            )),
            "{path} is not refused:\n{}",
            stderr(&output)
        );
    }
    assert!(
        !stderr(&output).contains("robots.txt"),
        "{}",
        stderr(&output)
    );
    assert!(
        !clash.public().exists(),
        "a refused build wrote {}",
        clash.public().display()
    );
}

#[test]
fn every_page_says_what_it_is_to_link_previews() {
    let (_dir, out) = build_example();
    let mut pages = 0;
    for file in walkdir(&out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let doc = html(&file);
        let meta = |selector: &str| {
            select(&doc, selector)
                .first()
                .and_then(|m| m.value().attr("content"))
                .unwrap_or_default()
                .to_string()
        };
        let description = meta("meta[name=description]");
        assert!(
            !description.is_empty() && description.chars().count() <= 201,
            "{}: description {description:?}",
            file.display()
        );
        assert_eq!(meta("meta[property='og:description']"), description);
        assert!(
            !meta("meta[property='og:title']").is_empty(),
            "{}",
            file.display()
        );
        assert!(
            meta("meta[property='og:url']").starts_with("https://intranet.example.test/briefings/"),
            "{}",
            file.display()
        );
        pages += 1;
    }
    assert_eq!(pages, 70);
    let topic = html(
        &out.join("meetings/2025-11-18-account-team/proximus-package-deal-progress/index.html"),
    );
    let title = select(&topic, "meta[property='og:title']")[0]
        .value()
        .attr("content")
        .unwrap()
        .to_string();
    assert_eq!(title, "Proximus package deal progress");
}

#[test]
fn each_account_gets_a_briefing_page_linked_from_its_meetings() {
    let site = Fixture::valid()
        .with(
            "content/meetings/2025-11-20-weekly.md",
            &MEETING.replace("date = 2025-11-20\n", "date = 2025-11-20\naccount = \"ACME Corp.\"\n"),
        )
        .with(
            "content/meetings/2025-11-06-kickoff.md",
            "+++\ntitle = \"Kickoff\"\ndate = 2025-11-06\naccount = \"Acme Corp\"\n+++\n## Scope\n@Sigi presented.\n\n- [ ] **Send the plan:** to the CIO. @Sigi due:2025-11-10\n- [ ] **Book the workshop.** @Sigi @Manon due:2025-12-15\n- [ ] **Find a room.**\n- [x] **Share slides.** @Manon\n",
        )
        .with(
            "content/meetings/2025-11-13-other.md",
            "+++\ntitle = \"Globex sync\"\ndate = 2025-11-13\naccount = \"Globex\"\n+++\n## Pricing\n- [ ] **Quote.** @Manon due:2025-11-30\n",
        )
        .with(
            "content/initiatives/rollout.md",
            "+++\ntitle = \"Rollout\"\naccount = \"Acme Corp\"\n+++\nThe rollout.\n",
        );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));

    // "ACME Corp." and "Acme Corp" are one account, named as its newest meeting writes it.
    let accounts: Vec<String> = std::fs::read_dir(site.public().join("accounts"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(accounts, ["acme-corp", "globex"]);
    // The index lists each account once, by name, linked, and every page links to it.
    let index = html(&site.public().join("accounts/index.html"));
    let listed: Vec<String> = select(&index, "tbody th a").iter().map(text).collect();
    assert_eq!(listed, ["ACME Corp.", "Globex"]);
    let dashboard = html(&site.public().join("index.html"));
    let nav: Vec<String> = select(&dashboard, ".site-nav a").iter().map(text).collect();
    assert!(nav.contains(&"Accounts".to_string()), "{nav:?}");
    let page = html(&site.public().join("accounts/acme-corp/index.html"));
    assert_eq!(text(&select(&page, "h1")[0]), "ACME Corp.");

    // Who owes what: each open task of this account once, with all its owners, in deadline
    // order; done tasks and other accounts' tasks (Manon's quote for Globex) left out.
    let rows: Vec<String> = select(&page, "table.owed tbody tr")
        .iter()
        .map(|row| {
            let cells: Vec<String> = row
                .select(&scraper::Selector::parse("td, th").unwrap())
                .map(|cell| text(&cell))
                .collect();
            cells[..3].join(" | ")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "Mon 10 Nov 2025 | Send the plan | Sigi",
            "Fri 28 Nov 2025 | Close it | Manon",
            "Mon 15 Dec 2025 | Book the workshop | Sigi, Manon",
            "No deadline | Find a room | No owner named"
        ]
    );
    // The briefing opens with what is overdue or due soon, as of the day it was built.
    let urgent: Vec<String> = select(&page, "#urgent-heading ~ .agenda section:not([hidden]) h3")
        .iter()
        .map(text)
        .collect();
    assert_eq!(urgent, ["Overdue 1", "This week 1"]);
    // A deadline of the weeks after is carried, hidden, for the script to show on a later day.
    let carried: Vec<String> = select(&page, "#urgent-heading ~ .agenda section[hidden] h3")
        .iter()
        .map(text)
        .collect();
    assert_eq!(carried, ["December 2025 1"]);

    // Its initiatives: the one that names it and the one its meetings' topics follow.
    let initiatives: Vec<String> = select(&page, "#initiatives-heading + ul > li > a:first-child")
        .iter()
        .map(text)
        .collect();
    assert_eq!(initiatives, ["Rollout", "The deal"]);
    let meetings: Vec<String> = select(&page, "#meetings-heading + ol a")
        .iter()
        .map(text)
        .collect();
    assert_eq!(meetings, ["Weekly", "Kickoff"]);

    // Meetings and initiatives link to it.
    for (from, href) in [
        (
            "meetings/2025-11-06-kickoff/index.html",
            "../../accounts/acme-corp/index.html",
        ),
        ("meetings/index.html", "../accounts/acme-corp/index.html"),
        (
            "initiatives/rollout/index.html",
            "../../accounts/acme-corp/index.html",
        ),
    ] {
        let page = html(&site.public().join(from));
        let links: Vec<String> = select(&page, "main a")
            .iter()
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect();
        assert!(links.iter().any(|l| l == href), "{from}: {links:?}");
    }
    let sitemap = std::fs::read_to_string(site.public().join("sitemap-1.xml")).unwrap();
    assert!(sitemap.contains("accounts/acme-corp/"), "{sitemap}");
}

#[test]
fn a_theme_copied_before_a_page_kind_existed_still_builds_it_from_the_built_in_template() {
    let site = Fixture::valid().with(
        "content/meetings/2025-11-20-weekly.md",
        &MEETING.replace(
            "date = 2025-11-20\n",
            "date = 2025-11-20\naccount = \"Initech\"\n",
        ),
    );
    let theme = example_root().join("themes/default");
    for entry in walkdir(&theme) {
        let relative = entry
            .strip_prefix(&theme)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if relative != "templates/account.html" {
            site.write(
                &format!("themes/default/{relative}"),
                &std::fs::read_to_string(&entry).unwrap(),
            );
        }
    }
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = html(&site.public().join("accounts/initech/index.html"));
    assert_eq!(text(&select(&page, "h1")[0]), "Initech");
}

/// Runs git in the fixture's folder as a fixed author at a fixed date.
fn git(site: &Fixture, args: &[&str], author: &str, date: &str) {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(site.root())
        .args([
            "-c",
            "user.email=team@example.test",
            "-c",
            &format!("user.name={author}"),
        ])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
}

#[test]
fn meeting_and_initiative_pages_say_when_their_file_was_last_committed_and_by_whom() {
    if !tool_available(
        "pages say when their file was last committed",
        "git",
        &["--version"],
        "git",
    ) {
        return;
    }
    let site = Fixture::valid();
    let last_edit = |page: &str| {
        let page = html(&site.public().join(page));
        select(&page, ".last-edit").first().map(text)
    };
    // Not a repository: nothing is said, and nothing fails.
    assert!(site.build().status.success());
    assert_eq!(last_edit("meetings/2025-11-20-weekly/index.html"), None);

    git(
        &site,
        &["init", "-q"],
        "Ann Smith",
        "2025-11-03T10:00:00+01:00",
    );
    git(
        &site,
        &["add", "content"],
        "Ann Smith",
        "2025-11-03T10:00:00+01:00",
    );
    git(
        &site,
        &["commit", "-qm", "first"],
        "Ann Smith",
        "2025-11-03T10:00:00+01:00",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        last_edit("meetings/2025-11-20-weekly/index.html").as_deref(),
        Some("Last edited Mon 3 Nov 2025 by Ann Smith")
    );
    assert_eq!(
        last_edit("initiatives/deal/index.html").as_deref(),
        Some("Last edited Mon 3 Nov 2025 by Ann Smith")
    );

    // A commit that changes only the meeting: an incremental build renders its page again
    // (its text is the same as the last build saw), and matches a clean build.
    site.write(
        "content/meetings/2025-11-20-weekly.md",
        &MEETING.replace("met.", "met again."),
    );
    assert!(site.build().status.success());
    git(
        &site,
        &["commit", "-qam", "second"],
        "Bo \"Ops\" & Co",
        "2025-11-21T18:00:00-05:00",
    );
    let output = site.build();
    assert!(
        stdout(&output).contains("1 meeting changed"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        last_edit("meetings/2025-11-20-weekly/index.html").as_deref(),
        Some("Last edited Fri 21 Nov 2025 by Bo \"Ops\" & Co")
    );
    assert_eq!(
        last_edit("initiatives/deal/index.html").as_deref(),
        Some("Last edited Mon 3 Nov 2025 by Ann Smith")
    );
    let clean = site.root().join("clean");
    let output = site.run(&[
        "build",
        "--today",
        "2025-11-24",
        "--clean",
        "-o",
        clean.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    for page in [
        "meetings/2025-11-20-weekly/index.html",
        "initiatives/deal/index.html",
    ] {
        assert_eq!(
            std::fs::read(site.public().join(page)).unwrap(),
            std::fs::read(clean.join(page)).unwrap(),
            "{page}: the incremental build and a clean one"
        );
    }
    let raw = std::fs::read_to_string(site.public().join("meetings/2025-11-20-weekly/index.html"))
        .unwrap();
    assert!(
        raw.contains("Bo &quot;Ops&quot; &amp; Co"),
        "the name is escaped"
    );

    // History rewritten: the commit read last time is gone, so all of it is read again.
    git(
        &site,
        &[
            "commit",
            "-q",
            "--amend",
            "--reset-author",
            "-m",
            "second, amended",
        ],
        "Cy",
        "2025-11-22T09:00:00+01:00",
    );
    assert!(site.build().status.success());
    assert_eq!(
        last_edit("meetings/2025-11-20-weekly/index.html").as_deref(),
        Some("Last edited Sat 22 Nov 2025 by Cy")
    );

    // site.toml can leave it out.
    site.write("site.toml", &format!("{SITE_TOML}last_edited = false\n"));
    assert!(site.build().status.success());
    assert_eq!(last_edit("meetings/2025-11-20-weekly/index.html"), None);
}

/// The topics index lists each topic once, under the initiative its heading names, or the
/// first one a task of it follows; a topic no initiative follows is "not part of one".
#[test]
fn the_topics_index_lists_each_topic_once() {
    let site = crate::common::Fixture::valid()
        .with(
            "content/initiatives/other.md",
            "+++\ntitle = \"Other\"\n+++\nAnother one.\n",
        )
        .with(
            "content/meetings/2025-11-21-more.md",
            "+++\ntitle = \"More\"\ndate = 2025-11-21\n+++\n## Followed by a task\nText.\n\n- [ ] **Do it** @Sigi due:2025-12-01 {initiative=other}\n\n## Both {initiative=deal}\nText.\n\n- [ ] **Also** @Sigi due:2025-12-02 {initiative=other}\n\n## Neither\nText.\n",
        );
    let output = site.build();
    assert!(
        output.status.success(),
        "{}",
        crate::common::stderr(&output)
    );
    let page = crate::common::html(&site.public().join("topics/index.html"));
    let titles: Vec<String> =
        crate::common::select(&page, ".group h3 a, .group .topic-rows a:first-child")
            .iter()
            .map(crate::common::text)
            .collect();
    for title in ["Followed by a task", "Both", "Neither"] {
        assert_eq!(
            titles.iter().filter(|t| *t == title).count(),
            1,
            "{title}: {titles:?}"
        );
    }
    let group_of = |title: &str| -> String {
        crate::common::select(&page, "section.group")
            .into_iter()
            .find(|g| crate::common::text(g).contains(title))
            .and_then(|g| {
                let h2 = scraper::Selector::parse("h2").unwrap();
                g.select(&h2).next().map(|h| crate::common::text(&h))
            })
            .unwrap_or_default()
    };
    assert!(
        group_of("Both").starts_with("The deal"),
        "{}",
        group_of("Both")
    );
    assert!(group_of("Followed by a task").starts_with("Other"));
    assert!(group_of("Neither").starts_with("Not part of an initiative"));
}

/// The owners list puts what needs attention first (the most overdue; the script and the
/// read-later browser test check the rest of the order) and the people who owe nothing apart.
#[test]
fn owners_are_listed_by_what_needs_attention() {
    // On 10 Dec 2025 three deadlines of the example have passed.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let built = crate::common::dossier()
        .args(["build", "--today", "2025-12-10", "--root"])
        .arg(crate::common::example_root())
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", crate::common::stderr(&built));
    let page = crate::common::html(&out.join("owners/index.html"));
    let overdue: Vec<i64> = crate::common::select(&page, "table[data-owners] tbody tr")
        .iter()
        .map(|row| row.value().attr("data-overdue").unwrap().parse().unwrap())
        .collect();
    assert!(overdue.len() > 5);
    assert!(overdue[0] > 0, "someone overdue comes first: {overdue:?}");
    assert!(overdue.windows(2).all(|w| w[0] >= w[1]), "{overdue:?}");
    // Apart: exactly the people with no open task, by the tasks.json of the same build.
    let ids = |css: &str| -> std::collections::BTreeSet<String> {
        let link = scraper::Selector::parse("th a").unwrap();
        crate::common::select(&page, css)
            .iter()
            .map(|row| {
                let href = row
                    .select(&link)
                    .next()
                    .unwrap()
                    .value()
                    .attr("href")
                    .unwrap();
                href.trim_end_matches("/index.html")
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    let owing = ids("table[data-owners] tbody tr");
    let clear = ids("#clear-heading ~ .table-wrap tbody tr");
    let tasks: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("tasks.json")).unwrap()).unwrap();
    let with_open_tasks: std::collections::BTreeSet<String> = tasks
        .as_array()
        .unwrap()
        .iter()
        .filter(|task| task["done"] == false)
        .flat_map(|task| task["owners"].as_array().unwrap().iter())
        .map(|owner| owner.as_str().unwrap().to_string())
        .collect();
    assert!(!clear.is_empty());
    assert_eq!(owing, with_open_tasks);
    assert!(clear.is_disjoint(&with_open_tasks), "{clear:?}");
}

/// Tags lead to a page of the meetings that carry them; tags written differently are one.
#[test]
fn each_tag_has_a_page_of_its_meetings_linked_from_them() {
    let site = crate::common::Fixture::valid()
        .with(
            "content/meetings/2025-11-21-more.md",
            "+++\ntitle = \"Steering\"\ndate = 2025-11-21\ntags = [\"Weekly\", \"steering\"]\n+++\n## A topic\nText.\n",
        )
        .with(
            "content/meetings/2025-11-14-before.md",
            "+++\ntitle = \"Earlier\"\ndate = 2025-11-14\ntags = [\"weekly\"]\n+++\n## A topic\nText.\n",
        );
    let output = site.build();
    assert!(
        output.status.success(),
        "{}",
        crate::common::stderr(&output)
    );
    let page = crate::common::html(&site.public().join("tags/weekly/index.html"));
    let listed: Vec<String> = crate::common::select(&page, "main ol.plain-list li a")
        .iter()
        .map(crate::common::text)
        .collect();
    assert_eq!(
        listed,
        ["Steering", "Earlier"],
        "newest first, both spellings"
    );
    let meeting =
        std::fs::read_to_string(site.public().join("meetings/2025-11-21-more/index.html")).unwrap();
    assert!(
        meeting.contains("href=\"../../tags/weekly/index.html\">Weekly</a>"),
        "{meeting}"
    );
    assert!(site.public().join("tags/steering/index.html").is_file());
}

/// A site of `meetings` meetings (one topic each) besides the fixture's, listed `per_page` to
/// a page.
fn site_of(meetings: usize, per_page: usize) -> Fixture {
    let site = Fixture::valid();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write("site.toml", &format!("paginate_by = {per_page}\n{toml}"));
    for n in 1..=meetings {
        site.write(
            &format!("content/meetings/2025-10-{:02}-review-{n}.md", 1 + n % 28),
            &format!("+++\ntitle = \"Review {n}\"\ndate = 2025-10-{:02}\naccount = \"Acme\"\n+++\n## Round {n}\nThe renewal.\n\n- [ ] **Renew part {n}.** @Sigi due:2025-12-{:02}\n", 1 + n % 28, n),
        );
    }
    site
}

/// The titles a list's pages show, page by page, following each page's "next" link from the
/// first, and the number of pages each says it is one of.
fn list_pages(site: &Fixture, folder: &str, item: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut path = site.public().join(folder).join("index.html");
    loop {
        let page = html(&path);
        pages.push(select(&page, item).iter().map(text).collect());
        let next = select(&page, "nav.pagination a[rel=next]");
        let Some(next) = next.first().and_then(|a| a.value().attr("href")) else {
            break;
        };
        path = path.parent().unwrap().join(next);
        assert!(path.is_file(), "{next} from page {}", pages.len());
    }
    pages
}

#[test]
fn long_lists_are_paginated_each_item_once_and_the_pages_linked_in_order() {
    let site = site_of(12, 5);
    let built = site.build();
    assert!(built.status.success(), "{}", stderr(&built));
    let meetings = list_pages(&site, "meetings", ".meeting-index h2");
    assert_eq!(meetings.iter().map(Vec::len).collect::<Vec<_>>(), [5, 5, 3]);
    let mut all: Vec<String> = meetings.concat();
    assert_eq!(all.len(), 13);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 13, "each meeting on one page");
    let second = std::fs::read_to_string(site.public().join("meetings/2/index.html")).unwrap();
    assert!(second.contains("<title>Meetings, page 2 · "), "{second}");
    assert!(second.contains("13 meetings in all; page 2 of 3."));
    assert!(
        second.contains("<a href=\"../../meetings/2/index.html\" aria-current=\"page\">2</a>"),
        "{second}"
    );
    let topics = list_pages(&site, "topics", ".topic-rows a, .topic-card-title a");
    assert_eq!(topics.len(), 3, "{topics:?}");
    let mut all_topics: Vec<String> = topics.concat();
    let count = all_topics.len();
    all_topics.sort();
    all_topics.dedup();
    assert_eq!((count, all_topics.len()), (13, 13), "{topics:?}");
    // The calendar's agenda and an account's table of who owes what go on over pages too,
    // each task on one page.
    let agenda = list_pages(&site, "calendar", ".task-title a, .task-row > a");
    let mut all_tasks: Vec<String> = agenda.concat();
    let count = all_tasks.len();
    all_tasks.sort();
    all_tasks.dedup();
    assert!(agenda.len() > 2, "{agenda:?}");
    assert_eq!(count, all_tasks.len(), "{agenda:?}");
    assert!((1..=12).all(|n| all_tasks.contains(&format!("Renew part {n}"))));
    let owed = list_pages(&site, "accounts/acme", "table.owed tbody th a");
    assert_eq!(owed.iter().map(Vec::len).collect::<Vec<_>>(), [5, 5, 2]);
    let second = std::fs::read_to_string(site.public().join("accounts/acme/2/index.html")).unwrap();
    assert!(second.contains("<title>Acme, page 2 · "), "{second}");
    assert!(second.contains("6–10 of 12"), "{second}");
    // A shorter list leaves no page behind.
    for n in 3..=12 {
        std::fs::remove_file(site.root().join(format!(
            "content/meetings/2025-10-{:02}-review-{n}.md",
            1 + n % 28
        )))
        .unwrap();
    }
    assert!(site.build().status.success());
    assert!(!site.public().join("meetings/2/index.html").exists());
    assert!(!site.public().join("accounts/acme/2/index.html").exists());
    let one = std::fs::read_to_string(site.public().join("meetings/index.html")).unwrap();
    assert!(
        !one.contains("class=\"pagination\""),
        "one page needs no links to others"
    );
}
