//! The theme's words in the site's language, as Zola and Hugo keep them: one file per
//! language, `i18n/<code>.toml`, in the theme (the default theme's are compiled in), and a
//! site's own `i18n/<code>.toml` over it, to change a word or add one for its own templates.
//! Templates say `{{ t(key="no_deadline") }}`, `{{ t(key="days_late", n=task.days_late) }}`
//! or `{{ t(key="subscribe", name=person.name) }}`; the theme's script reads the `[script]`
//! table from `static/words.js`.

use crate::content::source::SourceFile;
use crate::dates::Bucket;
use crate::error::{Error, Result};
use crate::language::{fill, DatePatterns, Language};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A word or phrase: one text, or one per plural form, with `{n}` for the count and `{name}`
/// for any other value the template gives.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub(crate) enum Text {
    Plain(String),
    Counted { one: String, other: String },
}

/// What a key of a words file holds: a word, or (`[script]`) a table of the script's words.
#[derive(Deserialize)]
#[serde(untagged)]
enum Entry {
    Word(Text),
    Table(BTreeMap<String, Text>),
}

/// A length (of a list, a part) as the count a word is said for.
pub(crate) fn count_of(length: usize) -> Option<i64> {
    Some(i64::try_from(length).unwrap_or(i64::MAX))
}

/// Every word of the theme in one language.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    language: Language,
    page: BTreeMap<String, Text>,
    script: BTreeMap<String, Text>,
}

impl Words {
    /// The words of `language` from its files, each over the one before: the default theme's,
    /// the site's theme's, the site's own.
    pub(crate) fn read(language: Language, layers: &[(PathBuf, String)]) -> Result<Words> {
        let mut words = Words {
            language,
            ..Words::default()
        };
        for (path, text) in layers {
            let file = SourceFile::new(path, text.clone());
            let read: BTreeMap<String, Entry> = file
                .parse_toml(0..file.text.len())
                .map_err(|problem| Error::Content(vec![problem]))?;
            for (key, entry) in read {
                match entry {
                    Entry::Table(script) if key == "script" => words.script.extend(script),
                    Entry::Word(text) => {
                        words.page.insert(key, text);
                    }
                    Entry::Table(_) => {
                        let at = file.text.find(key.as_str()).unwrap_or(0);
                        return Err(Error::Content(vec![file.error(
                            at..at + key.len(),
                            format!("`{key}` is a table; only [script] may be one: a word is a string or {{ one = \"…\", other = \"…\" }}"),
                        )]));
                    }
                }
            }
        }
        Ok(words)
    }

    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// The text of `key` for `count`, with each `{name}` of `values` put in; None when the
    /// language has no such word.
    pub(crate) fn say(
        &self,
        key: &str,
        count: Option<i64>,
        values: &[(&str, String)],
    ) -> Option<String> {
        let text = match (self.page.get(key)?, count) {
            (Text::Plain(text), _) => text,
            (Text::Counted { one, .. }, Some(n)) if self.language.takes_singular(n) => one,
            (Text::Counted { other, .. }, _) => other,
        };
        let n = count.map(|n| self.language.count(n));
        let values: Vec<(&str, &str)> = n
            .iter()
            .map(|n| ("n", n.as_str()))
            .chain(values.iter().map(|(name, value)| (*name, value.as_str())))
            .collect();
        Some(fill(text, &values))
    }

    /// The text of `key` as [`Words::say`] gives it, or the key itself where no file has it:
    /// the default theme's words are the first layer of every site's, so a key of the
    /// default theme is never missing.
    pub(crate) fn text(&self, key: &str, count: Option<i64>, values: &[(&str, String)]) -> String {
        self.say(key, count, values)
            .unwrap_or_else(|| key.to_string())
    }

    /// The heading of an agenda's group: the theme's word for it ("Te laat", "Deze week"), or
    /// the month standing alone; English where the theme's words lack one.
    pub(crate) fn bucket_title(&self, bucket: &Bucket) -> String {
        let key = match bucket {
            Bucket::Later(month) => return crate::dates::month_label(*month, self.language),
            Bucket::Overdue => "overdue_heading",
            Bucket::Today => "today",
            Bucket::ThisWeek => "this_week",
            Bucket::NextWeek => "next_week",
            Bucket::Undated => "no_deadline",
        };
        self.say(key, None, &[]).unwrap_or_else(|| bucket.title())
    }

    /// The text of `key` as written, its `{…}` left in, for one and for other counts (the same
    /// text twice for a word that is not counted).
    pub(crate) fn forms(&self, key: &str) -> Option<[String; 2]> {
        match self.page.get(key)? {
            Text::Plain(text) => Some([text.clone(), text.clone()]),
            Text::Counted { one, other } => Some([one.clone(), other.clone()]),
        }
    }

    /// `static/words.js`: the script's words and how its language counts, as the theme's
    /// script reads them (`window.dossierWords`).
    pub(crate) fn script_file(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct ScriptWords<'a> {
            lang: &'static str,
            words: &'a BTreeMap<String, Text>,
            dates: ScriptDates,
        }
        let words = ScriptWords {
            lang: self.language.code(),
            words: &self.script,
            dates: ScriptDates::of(self),
        };
        // Serialising a map of strings cannot fail; an empty object keeps the script's English.
        let json = serde_json::to_string(&words).unwrap_or_else(|_| "{}".to_string());
        format!("window.dossierWords = {json};\n").into_bytes()
    }
}

/// How the script writes dates and names the agenda's groups: the same patterns, names and
/// titles as the pages (`language.rs`, `dates.rs`).
#[derive(Serialize)]
struct ScriptDates {
    patterns: DatePatterns,
    /// Sunday first, as the script's `getUTCDay()` counts.
    weekdays_short: Vec<&'static str>,
    weekdays: Vec<&'static str>,
    months: Vec<&'static str>,
    months_short: Vec<&'static str>,
    buckets: BTreeMap<String, String>,
}

impl ScriptDates {
    fn of(words: &Words) -> ScriptDates {
        use chrono::Weekday;
        let language = words.language;
        let week = [
            Weekday::Sun,
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
        ];
        let buckets = [
            Bucket::Overdue,
            Bucket::Today,
            Bucket::ThisWeek,
            Bucket::NextWeek,
            Bucket::Undated,
        ]
        .iter()
        .map(|bucket| (bucket.key(), words.bucket_title(bucket)))
        .collect();
        ScriptDates {
            patterns: language.date_patterns(),
            weekdays_short: week.iter().map(|&d| language.weekday_short(d)).collect(),
            weekdays: week.iter().map(|&d| language.weekday(d)).collect(),
            months: (1..=12).map(|m| language.month(m)).collect(),
            months_short: (1..=12).map(|m| language.month_short(m)).collect(),
            buckets,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::theme::DEFAULT_THEME;
    use std::collections::BTreeSet;

    fn built_in(language: Language) -> Words {
        let path = format!("i18n/{}.toml", language.code());
        let text = DEFAULT_THEME
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, text)| text.to_string())
            .expect("the default theme has every language");
        Words::read(language, &[(PathBuf::from(path), text)]).expect("the theme's words read")
    }

    #[test]
    fn every_language_has_every_word_of_english_and_no_other() {
        let english = built_in(Language::English);
        let keys = |words: &Words| -> (BTreeSet<String>, BTreeSet<String>) {
            (
                words.page.keys().cloned().collect(),
                words.script.keys().cloned().collect(),
            )
        };
        for language in Language::ALL {
            let words = built_in(language);
            assert_eq!(keys(&words), keys(&english), "{language:?}");
            for (key, text) in words.page.iter().chain(&words.script) {
                let counted = matches!(
                    english.page.get(key).or(english.script.get(key)),
                    Some(Text::Counted { .. })
                );
                assert_eq!(
                    matches!(text, Text::Counted { .. }),
                    counted,
                    "{language:?} {key}"
                );
            }
        }
    }

    #[test]
    fn a_count_is_written_with_the_languages_thousands() {
        assert_eq!(
            built_in(Language::Dutch).say("open_task_count", Some(1873), &[]),
            Some("1.873 open taken".to_string())
        );
        assert_eq!(
            built_in(Language::English).say("open_task_count", Some(44_981), &[]),
            Some("44,981 open tasks".to_string())
        );
    }

    #[test]
    fn a_count_takes_the_languages_plural_and_values_are_put_in() {
        let layer = r#"
days_late = { one = "{n} jour de retard", other = "{n} jours de retard" }
subscribe = "S'abonner aux échéances de {name}"
[script]
overdue = "En retard"
"#;
        let words = Words::read(
            Language::French,
            &[(PathBuf::from("i18n/fr.toml"), layer.into())],
        )
        .expect("words");
        assert_eq!(
            words.say("days_late", Some(0), &[]).as_deref(),
            Some("0 jour de retard")
        );
        assert_eq!(
            words.say("days_late", Some(3), &[]).as_deref(),
            Some("3 jours de retard")
        );
        assert_eq!(
            words
                .say("subscribe", None, &[("name", "Ann".into())])
                .as_deref(),
            Some("S'abonner aux échéances de Ann")
        );
        assert_eq!(words.say("missing", None, &[]), None);
        let script = String::from_utf8(words.script_file()).expect("utf-8");
        assert!(script.contains(r#""lang":"fr""#), "{script}");
        assert!(script.contains(r#""overdue":"En retard""#), "{script}");
    }

    #[test]
    fn a_sites_file_changes_a_word_and_a_broken_one_is_an_error_at_its_line() {
        let theme = (
            PathBuf::from("i18n/nl.toml"),
            "overdue = \"Te laat\"\nmeetings = \"Vergaderingen\"\n".to_string(),
        );
        let site = (
            PathBuf::from("i18n/nl.toml"),
            "overdue = \"Over tijd\"\n".to_string(),
        );
        let words = Words::read(Language::Dutch, &[theme.clone(), site]).expect("words");
        assert_eq!(
            words.say("overdue", None, &[]).as_deref(),
            Some("Over tijd")
        );
        assert_eq!(
            words.say("meetings", None, &[]).as_deref(),
            Some("Vergaderingen")
        );
        let broken = (
            PathBuf::from("i18n/nl.toml"),
            "overdue = \"Te laat\"\nmeetings = 3\n".to_string(),
        );
        match Words::read(Language::Dutch, &[theme, broken]) {
            Err(Error::Content(problems)) => assert_eq!(problems[0].line, 2, "{problems:?}"),
            other => panic!("expected an error at its line, got {other:?}"),
        }
    }
}
