//! What one edition reads of a file: the markers' errors reported, the internal lines blanked
//! in the customer edition, and people named in titles as that edition names them.

use super::*;

impl MeetingReader<'_> {
    /// The text of `source` as this edition reads it, with the marking's errors reported:
    /// markers no reader cuts are blanked, and in the customer edition so is everything
    /// internal, before any reader sees it. Blanking keeps every position.
    pub(crate) fn edition_text(
        &self,
        source: SourceFile,
        body_start: usize,
        marking: &Marking,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> SourceFile {
        for (range, why) in &marking.errors {
            diagnostics.push(source.error(body_start + range.start..body_start + range.end, why));
        }
        let mut blanked: Vec<Range<usize>> = marking
            .markers
            .iter()
            .map(|range| body_start + range.start..body_start + range.end)
            .collect();
        if self.renderer.hide_internal {
            blanked.extend(marking.shifted(body_start));
        }
        if blanked.is_empty() {
            return source;
        }
        SourceFile::new(&source.path, marks::blank(&source.text, &blanked))
    }

    /// `text` with each mention written as the name this edition gives the person: for a
    /// title, which is shown as text.
    pub(crate) fn names_in(&self, text: &str) -> String {
        tokenize(text)
            .into_iter()
            .map(|(_, token)| match token {
                Token::Mention(written) => match resolve_mention(self.renderer.people, written) {
                    Some(MentionTarget::Person { internal: true, .. })
                        if self.renderer.hide_internal =>
                    {
                        markdown::ACCOUNT_TEAM.to_string()
                    }
                    Some(MentionTarget::Person { name, .. }) => name,
                    _ => format!("@{written}"),
                },
                Token::Text(plain) => plain.to_string(),
                Token::Due(value) => format!("due:{value}"),
                Token::Done(value) => format!("done:{value}"),
            })
            .collect()
    }
}
