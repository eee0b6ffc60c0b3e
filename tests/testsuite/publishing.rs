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
}
