//! people.toml and the matching of `@mentions` to people.

use crate::content::source::SourceFile;
use crate::error::{Diagnostic, Error};
use crate::paths::{is_safe_segment, slugify};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub(crate) const PEOPLE_FILE: &str = "content/people.toml";

/// The example people `dossier init` writes (id, name): a recap name that matches one of them
/// most likely means the sample was never replaced, and `import` says so.
pub(crate) const SAMPLE_PEOPLE: [(&str, &str); 2] =
    [("alex", "Alex Martin"), ("sam", "Sam Peeters")];

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Person {
    /// The table key in people.toml, and the slug of the owner page.
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    /// False for someone mentioned in content but missing from people.toml: they still get an
    /// owner page, so no task disappears, but the page says they are not listed.
    pub listed: bool,
    /// Of the account team only (`internal = true`): the customer edition leaves out their
    /// page and name, and shows what they own as owned by "the account team".
    pub internal: bool,
    /// Where `dossier digest --send` mails their week.
    pub email: Option<String>,
    /// The customer's (`external = true`): their digest is made from the customer edition, so
    /// no text marked internal reaches them.
    pub external: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    name: String,
    role: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    internal: bool,
    email: Option<toml::Spanned<String>>,
    #[serde(default)]
    external: bool,
}

/// What a mention resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved<'a> {
    Person(&'a Person),
    /// Several people answer to this name or alias; never guessed.
    Ambiguous(Vec<&'a str>),
    Unknown,
}

/// Everyone in people.toml, with an index from every way of writing a name to the person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct People {
    by_id: BTreeMap<String, Person>,
    /// Normalised id, name and aliases (see [`mention_key`]) to ids.
    by_key: HashMap<String, Vec<String>>,
}

/// The form in which names are compared: case- and accent-insensitive, spaces as hyphens, so
/// `@patrick-faut`, `@Patrick-Faut` and the name "Patrick Faut" meet.
pub(crate) fn mention_key(text: &str) -> String {
    slugify(text)
}

impl People {
    pub fn load(root: &Path) -> Result<People, Error> {
        let path = Path::new(PEOPLE_FILE);
        if !root.join(path).is_file() {
            return Ok(People::default());
        }
        let file = SourceFile::read(root, path)?;
        Self::parse(&file).map_err(Error::Content)
    }

    pub fn parse(file: &SourceFile) -> Result<People, Vec<Diagnostic>> {
        let raw: BTreeMap<toml::Spanned<String>, RawPerson> =
            file.parse_toml(0..file.text.len()).map_err(|d| vec![d])?;
        let mut people = People::default();
        let mut errors = Vec::new();
        for (id, person) in raw {
            let span = id.span();
            let id = id.into_inner();
            if !is_safe_segment(&id) || id != slugify(&id) {
                errors.push(file.error(
                    span,
                    format!(
                        "`{id}` cannot be a person id: use lowercase letters, digits and hyphens, like `{}`",
                        slugify(&id)
                    ),
                ));
                continue;
            }
            if person.internal && person.external {
                errors.push(file.error(
                    span.clone(),
                    format!("`{id}` is marked both `internal` (the account team's) and `external` (the customer's): keep one"),
                ));
            }
            let email = match person.email {
                Some(email) if !is_mail_address(email.get_ref()) => {
                    errors.push(file.error(
                        email.span(),
                        format!(
                            "`{}` is not an e-mail address (name@domain)",
                            email.get_ref()
                        ),
                    ));
                    None
                }
                email => email.map(toml::Spanned::into_inner),
            };
            people.insert(Person {
                id,
                name: person.name,
                role: person.role,
                aliases: person.aliases,
                listed: true,
                internal: person.internal,
                email,
                external: person.external,
            });
        }
        if errors.is_empty() {
            Ok(people)
        } else {
            Err(errors)
        }
    }

    /// Adds a person; the id must not be taken yet.
    pub fn insert(&mut self, person: Person) {
        let mut keys = vec![mention_key(&person.id), mention_key(&person.name)];
        keys.extend(person.aliases.iter().map(|alias| mention_key(alias)));
        keys.sort();
        keys.dedup();
        for key in keys.into_iter().filter(|key| !key.is_empty()) {
            self.by_key.entry(key).or_default().push(person.id.clone());
        }
        self.by_id.insert(person.id.clone(), person);
    }

    pub fn get(&self, id: &str) -> Option<&Person> {
        self.by_id.get(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Person> {
        self.by_id.values()
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Matches a written name (`Robby`, `patrick-faut`, `José`) to a person. An id always wins
    /// over someone else's alias, so adding an alias never silently re-routes an existing id.
    /// The person whose id, name, first name or alias is nearest to `written` when nobody
    /// answers to it: one or two typed letters off ("priay" → priya), never a guess between
    /// two people equally near.
    pub fn closest(&self, written: &str) -> Option<&Person> {
        let key = mention_key(written);
        let allowed = if key.chars().count() <= 4 { 1 } else { 2 };
        let mut best: Option<(usize, &str)> = None;
        let mut tied = false;
        for (candidate, ids) in &self.by_key {
            // The whole name, or one of its parts: "peters" is meant for Sam Peeters.
            let distance = candidate
                .split('-')
                .chain(std::iter::once(candidate.as_str()))
                .map(|part| strsim::damerau_levenshtein(&key, part))
                .min()
                .unwrap_or(usize::MAX);
            if distance > allowed || ids.len() != 1 {
                continue;
            }
            match best {
                Some((d, id)) if d == distance && id != ids[0] => tied = true,
                Some((d, _)) if d <= distance => {}
                _ => {
                    best = Some((distance, &ids[0]));
                    tied = false;
                }
            }
        }
        match (best, tied) {
            (Some((_, id)), false) => self.by_id.get(id),
            _ => None,
        }
    }

    pub fn resolve(&self, written: &str) -> Resolved<'_> {
        let key = mention_key(written);
        if let Some(person) = self.by_id.get(&key) {
            return Resolved::Person(person);
        }
        match self.by_key.get(&key).map(Vec::as_slice) {
            Some([id]) => self
                .by_id
                .get(id)
                .map_or(Resolved::Unknown, Resolved::Person),
            Some(ids) if ids.len() > 1 => {
                Resolved::Ambiguous(ids.iter().map(String::as_str).collect())
            }
            _ => Resolved::Unknown,
        }
    }
}

/// `name@domain.tld` with nothing a mail header could be broken with: one `@`, no spaces,
/// angle brackets, commas or control characters.
fn is_mail_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !text.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"')
        })
}

#[cfg(test)]
mod tests {

    #[test]
    fn addresses_are_read_and_a_wrong_one_is_an_error_at_its_place() {
        for good in ["ana@team.example.com", "a.b+c@x.example.org"] {
            assert!(is_mail_address(good), "{good}");
        }
        for bad in [
            "ana",
            "ana@",
            "@x.com",
            "ana@localhost",
            "a b@x.com",
            "a@x.com>",
            "a@b@x.com",
            "a@x.com,b@y.com",
            "a@x.com\r\nBcc: c@d.com",
        ] {
            assert!(!is_mail_address(bad), "{bad}");
        }
        let file = SourceFile::new(
            Path::new("content/people.toml"),
            "[ana]\nname = \"Ana\"\nemail = \"ana at team\"\n\n[bo]\nname = \"Bo\"\nexternal = true\ninternal = true\n".into(),
        );
        let errors = People::parse(&file).unwrap_err();
        let places: Vec<(usize, usize)> = errors.iter().map(|e| (e.line, e.column)).collect();
        assert_eq!(places, [(3, 9), (5, 2)], "{errors:?}");
    }

    use super::*;

    #[test]
    fn a_typo_finds_the_person_meant_and_a_tie_finds_nobody() {
        let people = people(
            "[priya]\nname = \"Priya Raman\"\n[sam]\nname = \"Sam Peeters\"\n[sem]\nname = \"Sem Ozturk\"\n",
        );
        let closest = |written| people.closest(written).map(|p| p.id.as_str());
        assert_eq!(closest("priay"), Some("priya"));
        assert_eq!(closest("Priya-Ramen"), Some("priya"));
        assert_eq!(closest("peters"), Some("sam"));
        assert_eq!(closest("sim"), None, "sam and sem are both one letter away");
        assert_eq!(closest("zoe"), None);
    }

    fn people(text: &str) -> People {
        People::parse(&SourceFile::new(
            std::path::Path::new(PEOPLE_FILE),
            text.into(),
        ))
        .unwrap()
    }

    const SAMPLE: &str = r#"
[sigi]
name = "Sigi"
role = "Account executive"

[robbie]
name = "Robbie"
aliases = ["Robby"]

[patrick-faut]
name = "Patrick Faut"
aliases = ["Pat"]

[patrick-vangoedsenhoven]
name = "Patrick Vangoedsenhoven"
aliases = ["Pat"]

[jose]
name = "José Núñez"
"#;

    fn resolved_id(people: &People, written: &str) -> Option<String> {
        match people.resolve(written) {
            Resolved::Person(p) => Some(p.id.clone()),
            _ => None,
        }
    }

    #[test]
    fn mentions_match_ids_names_and_aliases_in_any_case() {
        let people = people(SAMPLE);
        assert_eq!(resolved_id(&people, "Sigi").as_deref(), Some("sigi"));
        assert_eq!(resolved_id(&people, "ROBBY").as_deref(), Some("robbie"));
        assert_eq!(
            resolved_id(&people, "Patrick-Faut").as_deref(),
            Some("patrick-faut")
        );
        assert_eq!(
            resolved_id(&people, "patrick-faut").as_deref(),
            Some("patrick-faut")
        );
        assert_eq!(resolved_id(&people, "jose-nunez").as_deref(), Some("jose"));
        assert_eq!(resolved_id(&people, "José-Núñez").as_deref(), Some("jose"));
        assert_eq!(people.resolve("Karla"), Resolved::Unknown);
    }

    #[test]
    fn a_shared_alias_is_ambiguous_not_guessed() {
        let people = people(SAMPLE);
        assert!(matches!(people.resolve("Pat"), Resolved::Ambiguous(ids) if ids.len() == 2));
    }

    #[test]
    fn a_person_without_name_is_an_error_on_its_table() {
        let err = People::parse(&SourceFile::new(
            std::path::Path::new(PEOPLE_FILE),
            "[sigi]\nrole = \"AE\"\n".into(),
        ))
        .unwrap_err();
        assert!(err[0].message.contains("name"), "{}", err[0].message);
    }

    #[test]
    fn ids_must_be_slugs() {
        let err = People::parse(&SourceFile::new(
            std::path::Path::new(PEOPLE_FILE),
            "[\"../evil\"]\nname = \"E\"\n".into(),
        ))
        .unwrap_err();
        assert_eq!(err[0].line, 1);
    }
}
