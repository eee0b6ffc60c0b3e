//! What a typed outline says by its layout: headings numbered "2." over points "2.1", a short
//! line over deeper text, and labels aligned in a block whose values go on under their column.

use super::*;

/// The number a typed outline puts before a heading ("4. ", "3.2) ", "IV. "), with its space.
pub(super) fn outline_number(text: &str) -> Option<&str> {
    static NUMBER: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    NUMBER
        .get_or_init(|| regex::Regex::new(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)]) +").ok())
        .as_ref()?
        .find(text)
        .filter(|number| number.end() < text.len())
        .map(|number| number.as_str())
}

/// "4. Plan d'action", "2. Points abordés": a numbered line that names a section, or that a
/// list of another kind or a table follows, is a heading of minutes, not an item.
pub(super) fn numbered_heading(line: &str, rest: &[&str]) -> Option<String> {
    let (number, title) = line.split_once(['.', ')'])?;
    let numbered = (1..=2).contains(&number.len()) && number.chars().all(|c| c.is_ascii_digit());
    let title = title.strip_prefix(' ')?.trim().trim_end_matches(':').trim();
    if !numbered || title.is_empty() || title.chars().count() > 60 || title.ends_with('.') {
        return None;
    }
    let next = rest.iter().map(|l| l.trim()).find(|l| !l.is_empty());
    // "2. Werfconnectiviteit" over "2.1 Vanaf december …": the heading of its points.
    let over_its_points = next.is_some_and(|next| outline_point(next, number).is_some());
    let other_list = next.is_some_and(|next| {
        next.starts_with(['-', '*', '•', '–'])
            || next.matches(" | ").count() >= 2
            || next.matches('\t').count() >= 2
            || next.starts_with('|')
    });
    let names_a_section = section_kind(&section_name(title)).is_some();
    // "3. Netwerk magazijn" over a paragraph of minutes: a short title, then text that is
    // neither indented nor another item.
    let over_a_paragraph = title.split_whitespace().count() <= 6
        && rest
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|next| {
                !next.starts_with([' ', '\t'])
                    && !next.trim_start().starts_with(|c: char| c.is_ascii_digit())
                    && !next.trim_start().starts_with(['-', '*', '•', '–', '|'])
                    && next.trim().chars().count() > title.chars().count()
            });
    (other_list || names_a_section || over_a_paragraph || over_its_points)
        .then(|| title.to_string())
}

/// Where the value of a label line aligned with others starts ("Aanwezig:         Geert"):
/// after a short label, its colon and at least two spaces.
pub(super) fn aligned_value_column(line: &str) -> Option<usize> {
    let (label, value) = line.split_once(':')?;
    let gap = value.len() - value.trim_start().len();
    let short_label = !label.trim().is_empty() && label.split_whitespace().count() <= 3;
    (short_label && gap >= 2 && !value.trim().is_empty()).then(|| label.chars().count() + 1 + gap)
}

/// The text of an outline's point numbered under heading `number` ("2.1 Vanaf …", "2.3. De
/// …" under "2."), never a date ("15.12. Termin" under no heading 15).
pub(super) fn outline_point<'a>(line: &'a str, number: &str) -> Option<&'a str> {
    let rest = line.trim_start().strip_prefix(number)?.strip_prefix('.')?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = rest[digits..].strip_prefix('.').unwrap_or(&rest[digits..]);
    let text = rest.strip_prefix([' ', '\t'])?.trim_start();
    (!text.is_empty()).then_some(text)
}

/// Whether the next line with text is indented deeper than `line` and is no list item.
pub(super) fn outlines_deeper_text(line: &str, rest: &[&str]) -> bool {
    rest.iter()
        .find(|next| !next.trim().is_empty())
        .is_some_and(|next| {
            indent_of(next) > indent_of(line) && matches!(classify(next), Some(Line::Paragraph(_)))
        })
}
