//! Meeting bodies made from a seed, with internal markers at random places and nestings, and
//! for each the words that must stay out of the customer edition and those that must stay in.
//! The unit tests, the integration test that builds whole sites and the fuzz target share it.

/// The next number of a small, fixed generator (SplitMix64): the same seed, the same bodies,
/// on every machine.
pub fn next(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *seed;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn below(seed: &mut u64, n: u64) -> u64 {
    next(seed) % n.max(1)
}

fn chance(seed: &mut u64, percent: u64) -> bool {
    below(seed, 100) < percent
}

/// The words a body holds, by where they must end up.
struct Words {
    count: usize,
    hidden: Vec<String>,
    kept: Vec<String>,
}

impl Words {
    /// A word no page holds for any other reason, noted as hidden or kept. Digits first:
    /// no reader changes their case.
    fn word(&mut self, internal: bool) -> String {
        self.count += 1;
        let word = format!(
            "{}{}w",
            self.count + 1000,
            if internal { "sec" } else { "pub" }
        );
        if internal {
            self.hidden.push(word.clone());
        } else {
            self.kept.push(word.clone());
        }
        word
    }
}

/// A spelling of the marker that must be read as one, for where it stands.
fn marker(seed: &mut u64, extra: &str) -> String {
    match below(seed, 3) {
        0 => "{.internal}".to_string(),
        1 => "{ .internal }".to_string(),
        _ if extra.is_empty() => "{.internal}".to_string(),
        _ => format!("{{.internal {extra}}}"),
    }
}

/// A body, the words it must not show a customer, and those it must.
pub fn body(seed: &mut u64) -> (String, Vec<String>, Vec<String>) {
    let mut words = Words {
        count: 0,
        hidden: Vec::new(),
        kept: Vec::new(),
    };
    let mut out = String::new();
    out.push_str(&format!("Intro {} text.\n\n", words.word(false)));
    let topics = 1 + below(seed, 4);
    for n in 0..topics {
        let internal = chance(seed, 25);
        let tasks_section = n == topics - 1 && chance(seed, 40);
        let title = if tasks_section {
            "Tasks".to_string()
        } else {
            format!("Topic {}", words.word(internal))
        };
        let mark = if internal {
            format!(" {}", marker(seed, &format!("#t{n}")))
        } else {
            String::new()
        };
        out.push_str(&format!("## {title}{mark}\n\n"));
        blocks(seed, &mut words, internal, &mut out);
        if !tasks_section && chance(seed, 40) {
            // A part of an internal topic may repeat the mark; a part of a public one
            // may have its own.
            let marked = chance(seed, if internal { 20 } else { 40 });
            let mark = if marked {
                format!(" {}", marker(seed, ""))
            } else {
                String::new()
            };
            let sub_internal = internal || !mark.is_empty();
            out.push_str(&format!("### Part {}{mark}\n\n", words.word(sub_internal)));
            blocks(seed, &mut words, sub_internal, &mut out);
        }
    }
    (out, words.hidden, words.kept)
}

/// One to three blocks: paragraphs, lists of points or tasks, internal notes.
fn blocks(seed: &mut u64, words: &mut Words, internal: bool, out: &mut String) {
    for _ in 0..1 + below(seed, 3) {
        match below(seed, 4) {
            0 => {
                let marked = chance(seed, 30);
                let hidden = internal || marked;
                let mark = if marked {
                    format!(" {}", marker(seed, ""))
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "Said {} and {}.{mark}\n\n",
                    words.word(hidden),
                    words.word(hidden)
                ));
            }
            1 => {
                out.push_str("```internal\n");
                out.push_str(&format!("note {} here\n", words.word(true)));
                out.push_str("```\n\n");
            }
            kind => {
                list(seed, words, internal, kind == 3, 0, out);
                out.push('\n');
            }
        }
    }
}

/// A list of points (or tasks), some marked, some with a list nested in them.
fn list(
    seed: &mut u64,
    words: &mut Words,
    internal: bool,
    tasks: bool,
    depth: usize,
    out: &mut String,
) {
    let indent = "  ".repeat(depth);
    for n in 0..1 + below(seed, 3) {
        let marked = chance(seed, 30);
        let hidden = internal || marked;
        let mark = if marked {
            let id = if tasks {
                format!("#k{depth}-{n}-{}", words.count)
            } else {
                String::new()
            };
            format!(" {}", marker(seed, &id))
        } else {
            String::new()
        };
        let lead = if tasks { "- [ ] " } else { "- " };
        out.push_str(&format!(
            "{indent}{lead}**Item {}** about {}{mark}\n",
            words.word(hidden),
            words.word(hidden)
        ));
        if depth < 2 && chance(seed, 30) {
            let nested_tasks = chance(seed, 50);
            list(seed, words, hidden, nested_tasks, depth + 1, out);
        }
    }
}
