use super::measure::{recap, run, Results};
use super::*;

/// Prints the table and the first misses of each layout and language, to say what failed.
fn explain(results: &Results) -> String {
    let mut out = results.table();
    let mut shown: std::collections::BTreeMap<(Layout, Lang), usize> = Default::default();
    out.push_str("\nfirst misses (seed: what)\n");
    for miss in &results.misses {
        let count = shown.entry((miss.layout, miss.lang)).or_default();
        if *count < 4 {
            *count += 1;
            out.push_str(&format!(
                "  {} {} seed {}: {}\n",
                miss.layout.name(),
                miss.lang.code(),
                miss.seed,
                miss.what
            ));
        }
    }
    out
}

/// The importer on recaps it was not written to: every layout in every language it comes
/// in, with owners, deadlines, bullets and headings varied by seed. Issue 31's target is
/// owners right for 98 % and deadlines for 97 % of tasks in each layout and language, nothing
/// guessed, no junk, every date read; this test holds what the importer reaches now, so that
/// no change takes it back: over all, owners 97 %, deadlines 98 %, no deadline guessed, no
/// junk task and the date of 90 % of recaps; in each layout and language, 95 % of tasks found,
/// owners right for 85 % and deadlines for 85 %.
#[test]
fn simulated_recaps_hold_the_accuracy_reached_in_every_layout_and_language() {
    let results = run(0, 6);
    let mut failures = Vec::new();
    for ((layout, lang), tally) in &results.by_layout {
        let below = tally.found_rate() < 0.95
            || tally.owners_rate() < 0.85
            || tally.dues_rate() < 0.85
            || tally.guessed > 0;
        if below {
            failures.push(format!("{} {}", layout.name(), lang.code()));
        }
    }
    let all = results.total();
    let overall = all.owners_rate() >= 0.97
        && all.dues_rate() >= 0.98
        && all.guessed == 0
        && all.junk == 0
        && all.dates as f64 >= 0.90 * all.recaps as f64;
    assert!(
        failures.is_empty() && overall,
        "below the bar: {failures:?}, over all {}\n{}",
        if overall { "held" } else { "not held" },
        explain(&results)
    );
}

/// The same seed writes the same recap, so that a seed in a failure reproduces it.
#[test]
fn a_seed_writes_the_same_recap_every_time() {
    for layout in Layout::ALL {
        let (_, name, text) = recap(7, layout, Lang::Nl);
        let (_, again_name, again) = recap(7, layout, Lang::Nl);
        assert_eq!((name, text.clone()), (again_name, again));
        let (_, _, other) = recap(8, layout, Lang::Nl);
        assert_ne!(text, other, "{}", layout.name());
    }
}

/// The table for as many recaps as `DOSSIER_SIMULATE` asks, per layout and language:
/// `DOSSIER_SIMULATE=200 cargo test --release --lib simulate::tests::accuracy_table -- --ignored --nocapture`.
/// `DOSSIER_SIMULATE_SHOW=SEED` prints the recap of one seed instead.
#[test]
#[ignore]
fn accuracy_table() {
    if let Ok(seed) = std::env::var("DOSSIER_SIMULATE_SHOW") {
        let seed: u64 = seed.parse().expect("a seed");
        let layout = std::env::var("DOSSIER_SIMULATE_LAYOUT").unwrap_or_default();
        for layout in Layout::ALL.into_iter().filter(|l| l.name() == layout) {
            for &lang in layout.languages() {
                let (truth, name, text) = recap(seed, layout, lang);
                println!("== {name} {} ==\n{text}\n{truth:#?}", lang.code());
            }
        }
        return;
    }
    let count = std::env::var("DOSSIER_SIMULATE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let results = run(1_000_000, count);
    println!("{}", explain(&results));
}
