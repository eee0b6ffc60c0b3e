//! Reading a task's text: where its title ends, which words at its end are its owners and
//! deadline, and the lines it takes in its topic.

use crate::content::markdown::{tokenize, Token};
use crate::dates::Due;
use chrono::NaiveDate;
use std::ops::Range;

/// Deadlines this many years after their meeting are taken for typos.
const FAR_DEADLINE_YEARS: u32 = 5;

/// Why a deadline looks like a typo, if it does: before the meeting (for an open task) or
/// years after it.
pub(crate) fn implausible_deadline(
    due: &Due,
    meeting_date: Option<NaiveDate>,
    done: bool,
) -> Option<&'static str> {
    let meeting = meeting_date?;
    if !done && due.date < meeting {
        return Some("this deadline is before the meeting's date; a typo in the year or month?");
    }
    let far = meeting.checked_add_months(chrono::Months::new(12 * FAR_DEADLINE_YEARS))?;
    (due.date > far)
        .then_some("this deadline is more than five years after the meeting; a typo in the year?")
}

/// What to write instead of `due:WRITTEN` when it is no deadline: the same date in the form a
/// deadline takes, when the words say which date that is.
pub(crate) fn due_hint(written: &str) -> String {
    let numbers: Vec<&str> = written
        .split(['/', '.', '-'])
        .filter(|n| !n.is_empty())
        .collect();
    let all_numbers = numbers.len() == 3
        && numbers
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_digit()));
    let iso = |year: &str, month: &str, day: &str| {
        let (month, day): (u32, u32) = (month.parse().unwrap_or(0), day.parse().unwrap_or(0));
        format!("due:{year}-{month:02}-{day:02}")
    };
    if all_numbers {
        let (a, b, c) = (numbers[0], numbers[1], numbers[2]);
        if a.len() == 4 {
            return format!("write it as {}", iso(a, b, c));
        }
        if c.len() == 4 {
            let (first, second): (u32, u32) = (a.parse().unwrap_or(0), b.parse().unwrap_or(0));
            if written.contains('.') || first > 12 {
                return format!("write it as {}", iso(c, b, a));
            }
            if second > 12 {
                return format!("write it as {}", iso(c, a, b));
            }
            return format!(
                "write it as {} (day first) or {} (month first)",
                iso(c, b, a),
                iso(c, a, b)
            );
        }
    }
    "a deadline is a date: due:YYYY-MM-DD, due:YYYY-MM or due:YYYY-Qn (words such as \"tomorrow\" are read by `dossier import`, not in meeting files)".to_string()
}

/// Where the first sentence of `text` ends (just after its full stop), not counting a full stop
/// inside a protected range (a link or a code span).
pub(crate) fn first_sentence_end(text: &str, protected: &[Range<usize>]) -> Option<usize> {
    text.match_indices(". ")
        .map(|(at, _)| at)
        .find(|at| !protected.iter().any(|range| range.contains(at)))
        .map(|at| at + 1)
}

/// The text with its first letter in upper case: after "**Title:**" the rest reads as a sentence.
pub(crate) fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// A task title without the punctuation that ends a bold lead-in ("Close the deal:").
pub(crate) fn clean_title(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches([':', '.', ' ', ';', ','])
        .to_string()
}

/// Splits off the run of `@owner`, `due:` and `done:` words that ends a task, the way people
/// write "… @Sigi @Oana due:2025-11-28".
pub(crate) fn split_trailing_metadata(text: &str) -> (&str, &str) {
    let mut end = text.trim_end().len();
    loop {
        let head = text[..end].trim_end();
        let word_start = head.rfind(char::is_whitespace).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &head[word_start..];
        // The last word may end the sentence ("… @patrick-faut."); before it, a word with
        // punctuation ("and @Matthias. @Sigi") belongs to the prose.
        let is_last = head.len() == text.trim_end().len();
        let bare = if is_last {
            word.trim_end_matches('.')
        } else {
            word
        };
        let is_meta = match tokenize(bare).as_slice() {
            [(range, Token::Mention(_) | Token::Due(_) | Token::Done(_))] => {
                range.len() == bare.len()
            }
            _ => false,
        };
        if word.is_empty() || !is_meta {
            return (&text[..end], &text[end..]);
        }
        end = word_start;
    }
}

/// The attribute blocks in a task's text: `{initiative=slug}`, `{#id}`, or both in one block
/// (`{#id initiative=slug}`), wherever they stand. Braces holding anything else are text.
#[derive(Debug, Default)]
pub(crate) struct TaskAttributes {
    /// The last `initiative=` value and where it stands in the text.
    pub initiative: Option<(String, Range<usize>)>,
    /// The last `#id` and where it stands in the text (after the `#`).
    pub id: Option<(String, Range<usize>)>,
    /// The blocks, braces included, in order: what the task's shown text leaves out.
    pub blocks: Vec<Range<usize>>,
    /// `.internal`: the team's own task.
    pub internal: bool,
    /// Words of a block that look like attributes but are none dossier knows (`.interal`,
    /// `owner=x`), with where they stand: a marker mistyped must fail, not publish.
    pub unknown: Vec<(String, Range<usize>)>,
}

/// Where `position`, counted in a text with the (sorted) `cuts` taken out, stands in the text.
pub(crate) fn position_before_cuts(cuts: &[Range<usize>], position: usize) -> usize {
    cuts.iter().fold(
        position,
        |at, cut| {
            if cut.start <= at {
                at + cut.len()
            } else {
                at
            }
        },
    )
}

pub(crate) fn task_attributes(text: &str) -> TaskAttributes {
    let mut found = TaskAttributes::default();
    let mut from = 0;
    while let Some(open) = text[from..].find('{').map(|at| from + at) {
        let close = text[open + 1..]
            .find(['}', '\n', '{'])
            .map(|at| open + 1 + at);
        let Some(close) = close.filter(|&close| text[close..].starts_with('}')) else {
            from = open + 1;
            continue;
        };
        let inner = open + 1..close;
        let words: Vec<(usize, &str)> = text[inner.clone()]
            .split_whitespace()
            .map(|word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
            .collect();
        // `#id`, `.class` or `key=value`: a block of only these is attributes.
        let looks_like_attribute = |word: &str| {
            word.len() > 1 && (word.starts_with('#') || word.starts_with('.'))
                || word.split_once('=').is_some_and(|(key, _)| {
                    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                })
        };
        if !words.is_empty() && words.iter().all(|(_, word)| looks_like_attribute(word)) {
            for (at, word) in words {
                if let Some(id) = word.strip_prefix('#') {
                    found.id = Some((id.to_string(), at + 1..at + word.len()));
                } else if let Some(slug) = word.strip_prefix("initiative=") {
                    let start = at + "initiative=".len();
                    found.initiative = Some((slug.to_string(), start..at + word.len()));
                } else if word == ".internal" {
                    found.internal = true;
                } else {
                    found.unknown.push((word.to_string(), at..at + word.len()));
                }
            }
            found.blocks.push(open..close + 1);
        }
        from = close + 1;
    }
    found
}

/// The source with the given ranges cut out, limited to `within`.
pub(crate) fn without_ranges(text: &str, within: &Range<usize>, cut: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(within.len());
    let mut at = within.start;
    let mut sorted: Vec<&Range<usize>> = cut.iter().collect();
    sorted.sort_by_key(|range| range.start);
    for range in sorted {
        if range.start < within.start || range.end > within.end {
            continue;
        }
        if range.start >= at {
            out.push_str(&text[at..range.start]);
        }
        at = at.max(range.end);
    }
    out.push_str(&text[at.min(within.end)..within.end]);
    out
}

/// Extends a range to whole lines, including the final line break.
pub(crate) fn whole_lines(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = if range.end > 0 && text[..range.end].ends_with('\n') {
        range.end
    } else {
        text[range.end..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i + 1)
    };
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_miss_deadlines_get_the_form_they_meant() {
        let table = [
            ("2026/11/27", "write it as due:2026-11-27"),
            ("2026.11.27", "write it as due:2026-11-27"),
            ("27.11.2026", "write it as due:2026-11-27"),
            ("27/11/2026", "write it as due:2026-11-27"),
            ("11/27/2026", "write it as due:2026-11-27"),
            (
                "03/04/2026",
                "write it as due:2026-04-03 (day first) or due:2026-03-04 (month first)",
            ),
        ];
        for (written, hint) in table {
            assert_eq!(due_hint(written), hint, "{written}");
        }
        assert!(due_hint("tomorrow").contains("due:YYYY-MM-DD"));
    }

    #[test]
    fn attribute_blocks_give_the_id_and_initiative_and_leave_other_braces_as_text() {
        let text = "call {them} {#close-deal} then {initiative=deal} and {#a initiative=b} {#}";
        let found = task_attributes(text);
        let (id, id_at) = found.id.clone().expect("id");
        assert_eq!((id.as_str(), &text[id_at]), ("a", "a"));
        let (slug, slug_at) = found.initiative.clone().expect("initiative");
        assert_eq!((slug.as_str(), &text[slug_at]), ("b", "b"));
        let blocks: Vec<&str> = found.blocks.iter().map(|b| &text[b.clone()]).collect();
        assert_eq!(
            blocks,
            ["{#close-deal}", "{initiative=deal}", "{#a initiative=b}"]
        );
        let cut = without_ranges(text, &(0..text.len()), &found.blocks);
        assert_eq!(cut, "call {them}  then  and  {#}");
        // "call {them} " is 12 bytes in both; " then" follows the first block.
        assert_eq!(
            position_before_cuts(&found.blocks, 12),
            12 + "{#close-deal}".len()
        );
        assert_eq!(position_before_cuts(&found.blocks, 5), 5);
        assert!(task_attributes("{unclosed #x").blocks.is_empty());
    }
}
