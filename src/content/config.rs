//! site.toml: the site's settings.

use crate::content::source::{toml_date, SourceFile};
use crate::dates::parse_weekday;
use crate::error::{Diagnostic, Error};
use crate::language::Language;
use chrono::{NaiveDate, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::path::Path;
use toml::Spanned;

pub(crate) const CONFIG_FILE: &str = "site.toml";

#[derive(Debug, Clone, PartialEq, Hash)]
pub struct SiteConfig {
    pub title: String,
    /// Always ends in `/`; used only where a URL must be absolute (feed, .ics, sitemap).
    pub base_url: String,
    /// Whether site.toml gives `base_url` (else it is `http://localhost/`).
    pub base_url_given: bool,
    pub theme: String,
    pub timezone: Tz,
    /// A pinned reference date, for reproducible builds of old notes.
    pub today: Option<NaiveDate>,
    /// Month (1–12) the fiscal year starts in; used by `import` for "Q3 next fiscal year".
    pub fiscal_year_start: Option<u32>,
    /// Pass raw HTML in Markdown through instead of showing it as text.
    pub allow_html: bool,
    /// Show on meeting and initiative pages when their file was last committed, and by whom,
    /// where the site is a git repository.
    pub last_edited: bool,
    /// First day of the week in calendars.
    pub week_start: Weekday,
    /// How `import` reads a numeric date like 03/04: `Some(true)` for day first
    /// (`date_order = "day-month"`), `Some(false)` for month first; unset, a date that reads
    /// either way is left undated unless the recap shows its own order.
    pub day_first: Option<bool>,
    /// Which deadlines the .ics calendars hold (`[calendar]`).
    pub calendar: CalendarWindow,
    /// Meetings in the Atom feed, newest first (`[feed] entries`).
    pub feed_entries: usize,
    /// Items on one page of a long list (`paginate_by`, 100 by default; 0 puts every item on
    /// one page): the meetings and topics indexes.
    pub paginate_by: usize,
    /// What `dossier check` says about the settings themselves.
    pub warnings: Vec<Diagnostic>,
    /// The edition this configuration builds (`for_edition`), and what each edition sets.
    pub edition: Edition,
    pub editions: EditionSettings,
    /// Said on every page of the edition, when set (the customer edition always says which it is).
    pub banner: Option<String>,
    /// The language pages, calendar and feed are written in (`language = "nl"`); English when
    /// site.toml names none.
    pub language: Language,
    /// How `dossier digest --send` reaches the mail server (`[mail]`).
    pub mail: Option<MailSettings>,
}

/// `[mail]` in site.toml: the SMTP server the weekly digest is sent through. The password is
/// never in a file: it is read from the environment variable `password_env` names.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MailSettings {
    pub server: String,
    #[serde(default = "MailSettings::default_port")]
    pub port: u16,
    /// `starttls` (the default: plain connection made secure before anything is said),
    /// `tls` (secure from the start, port 465) or `none` (a relay on this machine).
    #[serde(default)]
    pub security: MailSecurity,
    /// The sender, as `Name <address>` or an address.
    pub from: String,
    /// Who to log in as; without it, no login.
    pub username: Option<String>,
    /// The environment variable that holds the password.
    #[serde(default = "MailSettings::default_password_env")]
    pub password_env: String,
    /// Refused with a clear error: a password kept in site.toml would be in git.
    #[serde(default)]
    password: Option<Spanned<String>>,
}

impl MailSettings {
    fn default_port() -> u16 {
        587
    }

    fn default_password_env() -> String {
        "DOSSIER_SMTP_PASSWORD".to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailSecurity {
    #[default]
    Starttls,
    Tls,
    None,
}

/// Who a build is for: the account team (everything written), or the customer (nothing marked
/// internal: no page, link, entry or word of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Edition {
    #[default]
    Internal,
    Customer,
}

impl Edition {
    pub fn name(self) -> &'static str {
        match self {
            Edition::Internal => "internal",
            Edition::Customer => "customer",
        }
    }

    /// Whether content marked internal is left out.
    pub fn hides_internal(self) -> bool {
        self == Edition::Customer
    }
}

impl std::str::FromStr for Edition {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "internal" => Ok(Edition::Internal),
            "customer" => Ok(Edition::Customer),
            other => Err(format!(
                "no edition `{other}`: the editions are `internal` (everything) and `customer` (nothing marked internal)"
            )),
        }
    }
}

/// `[editions.internal]` and `[editions.customer]` in site.toml.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct EditionSettings {
    pub internal: EditionSetting,
    pub customer: EditionSetting,
}

/// What one edition changes: its title, address, banner and language, and (the customer
/// edition) the account it shows when the command names none.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EditionSetting {
    pub title: Option<String>,
    pub base_url: Option<Spanned<String>>,
    pub banner: Option<String>,
    pub account: Option<String>,
    /// The customer reads the edition in their language, the team theirs.
    pub language: Option<Language>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawEditions {
    #[serde(default)]
    internal: EditionSetting,
    #[serde(default)]
    customer: EditionSetting,
}

/// The deadlines a calendar subscription carries: those from `past_days` before today to
/// `future_days` after it, open or done. Calendar clients cap a subscription's size (Google
/// Calendar at 1 MB); the site's pages list everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CalendarWindow {
    pub past_days: u32,
    pub future_days: u32,
}

impl Default for CalendarWindow {
    fn default() -> Self {
        CalendarWindow {
            past_days: 30,
            future_days: 120,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFeed {
    entries: usize,
}

/// Items on a page of a long list: a page of a hundred meetings reads and prints well, and at
/// 10,000 meetings no page of the list is over 100 kB.
const DEFAULT_PAGINATE_BY: usize = 100;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: String,
    base_url: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    timezone: Option<Spanned<String>>,
    today: Option<Spanned<toml::value::Datetime>>,
    fiscal_year_start: Option<Spanned<i64>>,
    allow_html: Option<bool>,
    last_edited: Option<bool>,
    week_start: Option<Spanned<String>>,
    date_order: Option<Spanned<String>>,
    calendar: Option<CalendarWindow>,
    feed: Option<RawFeed>,
    paginate_by: Option<usize>,
    editions: Option<RawEditions>,
    language: Option<Language>,
    mail: Option<MailSettings>,
}

impl SiteConfig {
    pub fn load(root: &Path) -> Result<SiteConfig, Error> {
        let path = Path::new(CONFIG_FILE);
        if !root.join(path).is_file() {
            return Err(Error::Usage(format!(
                "no {CONFIG_FILE} in {}: run dossier in a site folder, pass --root DIR, or create one with `dossier init DIR`",
                root.display()
            )));
        }
        let file = SourceFile::read(root, path)?;
        let config = Self::parse(&file).map_err(|d| Error::Content(vec![d]))?;
        // The default theme is built in; any other must be a folder of the site.
        if config.theme != "default" && !root.join("themes").join(&config.theme).is_dir() {
            let span = file
                .text
                .find(&format!("\"{}\"", config.theme))
                .map_or(0..0, |at| at..at + config.theme.len() + 2);
            return Err(Error::Content(vec![file.error(
                span,
                format!(
                    "theme `{}` does not exist: expected a folder themes/{}/ (or remove the key to use the built-in default theme)",
                    config.theme, config.theme
                ),
            )]));
        }
        Ok(config)
    }

    /// The same settings published at another address (`--base-url`): site.toml's own address
    /// and what was said about it no longer apply.
    pub fn with_base_url(mut self, url: &str) -> Result<SiteConfig, Error> {
        self.base_url = absolute_base_url(url).ok_or_else(|| {
            Error::Usage(format!(
                "--base-url {url}: expected an absolute http(s) address, like https://intranet.acme.be/briefings/"
            ))
        })?;
        self.base_url_given = true;
        self.warnings.clear();
        Ok(self)
    }

    /// The host the site is published on, as written (`intranet.acme.be`).
    pub fn base_host(&self) -> &str {
        url_parts(&self.base_url).0
    }

    /// The path the site is published under (`/briefings/`).
    pub fn base_path(&self) -> &str {
        url_parts(&self.base_url).1
    }

    pub fn parse(file: &SourceFile) -> Result<SiteConfig, Diagnostic> {
        let raw: RawConfig = file.parse_toml(0..file.text.len())?;
        let (base_url, warnings) = base_url_of(file, &raw.base_url)?;

        let timezone = timezone_of(file, &raw.timezone)?;

        let today = raw
            .today
            .as_ref()
            .map(|value| toml_date(file, 0, value))
            .transpose()?;

        let fiscal_year_start = fiscal_year_start_of(file, &raw.fiscal_year_start)?;

        let week_start = week_start_of(file, &raw.week_start)?;

        let day_first = day_first_of(file, &raw.date_order)?;

        let theme = theme_of(file, &raw.theme)?;
        if let Some(password) = raw.mail.as_ref().and_then(|mail| mail.password.as_ref()) {
            return Err(file.error(
                file.toml_span(0, password.span()),
                format!(
                    "no password in site.toml, which is shared and kept in git: put it in the environment variable {} (or the one `password_env` names) where the digest is sent",
                    MailSettings::default_password_env()
                ),
            ));
        }
        let editions = raw.editions.unwrap_or_default();
        for setting in [&editions.internal, &editions.customer] {
            base_url_of(file, &setting.base_url)?;
        }

        Ok(SiteConfig {
            title: raw.title,
            base_url,
            base_url_given: raw.base_url.is_some(),
            theme,
            timezone,
            today,
            fiscal_year_start,
            allow_html: raw.allow_html.unwrap_or(false),
            last_edited: raw.last_edited.unwrap_or(true),
            week_start,
            day_first,
            calendar: raw.calendar.unwrap_or_default(),
            feed_entries: raw.feed.map_or(50, |feed| feed.entries),
            paginate_by: raw.paginate_by.unwrap_or(DEFAULT_PAGINATE_BY),
            warnings,
            edition: Edition::Internal,
            editions: EditionSettings {
                internal: editions.internal,
                customer: editions.customer,
            },
            banner: None,
            language: raw.language.unwrap_or_default(),
            mail: raw.mail,
        })
    }

    /// The settings of one edition: its title, address and banner over the site's. The
    /// customer edition always has a banner, so that no page of it passes for the team's.
    pub fn for_edition(mut self, edition: Edition) -> SiteConfig {
        let setting = match edition {
            Edition::Internal => self.editions.internal.clone(),
            Edition::Customer => self.editions.customer.clone(),
        };
        self.edition = edition;
        if let Some(title) = setting.title {
            self.title = title;
        }
        if let Some(url) = setting
            .base_url
            .as_ref()
            .and_then(|u| absolute_base_url(u.get_ref()))
        {
            self.base_url = url;
            self.base_url_given = true;
        }
        if let Some(language) = setting.language {
            self.language = language;
        }
        self.banner = setting.banner.or_else(|| {
            (edition == Edition::Customer).then(|| customer_banner(self.language).to_string())
        });
        self
    }
}

/// The banner a customer edition carries when site.toml gives it none.
fn customer_banner(language: Language) -> &'static str {
    match language {
        Language::English => "Customer edition",
        Language::Dutch => "Editie voor de klant",
        Language::French => "Édition client",
        Language::German => "Kundenausgabe",
    }
}

/// Hosts reserved for documentation (RFC 2606): a `base_url` on one of them is the placeholder
/// of `dossier init`, and every absolute link (calendar subscriptions, feed, sitemap) points
/// nowhere.
const PLACEHOLDER_HOSTS: &[&str] = &["example.com", "example.net", "example.org"];

/// `base_url` in site.toml, checked, with a warning when it is still a placeholder.
fn base_url_of(
    file: &SourceFile,
    value: &Option<Spanned<String>>,
) -> Result<(String, Vec<Diagnostic>), Diagnostic> {
    let Some(url) = value else {
        return Ok(("http://localhost/".to_string(), Vec::new()));
    };
    let span = file.toml_span(0, url.span());
    let Some(text) = absolute_base_url(url.get_ref()) else {
        return Err(file.error(
            span,
            "base_url must be an absolute http(s) URL, like \"https://intranet.example.com/briefings/\"",
        ));
    };
    let host = url_parts(&text).0.to_ascii_lowercase();
    let placeholder = PLACEHOLDER_HOSTS
        .iter()
        .any(|p| host == *p || host.ends_with(&format!(".{p}")));
    let warnings = if placeholder {
        vec![file.warning(
            span,
            format!(
                "base_url is still on {host}, a placeholder: calendar subscriptions, the feed and the sitemap will link there; set it to the address the site is published at"
            ),
        )]
    } else {
        Vec::new()
    };
    Ok((text, warnings))
}

/// An http(s) address, trimmed and ending in `/`; `None` for anything else.
fn absolute_base_url(text: &str) -> Option<String> {
    let text = text.trim();
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    Some(if text.ends_with('/') {
        text.to_string()
    } else {
        format!("{text}/")
    })
}

/// The host (after any user name, without the port) and the path of an absolute address.
fn url_parts(url: &str) -> (&str, &str) {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let (authority, path) = match rest.find(['/', '?', '#']) {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, "/"),
    };
    let host_and_port = authority.rsplit('@').next().unwrap_or_default();
    let host = host_and_port.split(':').next().unwrap_or_default();
    (host, path)
}

/// `timezone` in site.toml, checked.
fn timezone_of(file: &SourceFile, value: &Option<Spanned<String>>) -> Result<Tz, Diagnostic> {
    Ok(match value {
        Some(name) => name.get_ref().parse::<Tz>().map_err(|_| {
            file.error(
                file.toml_span(0, name.span()),
                format!(
                    "unknown timezone `{}`; use an IANA name such as \"Europe/Brussels\"",
                    name.get_ref()
                ),
            )
        })?,
        None => Tz::UTC,
    })
}

/// `fiscal_year_start` in site.toml, checked.
fn fiscal_year_start_of(
    file: &SourceFile,
    value: &Option<Spanned<i64>>,
) -> Result<Option<u32>, Diagnostic> {
    Ok(match value {
        Some(month) => match u32::try_from(*month.get_ref()) {
            Ok(m @ 1..=12) => Some(m),
            _ => {
                return Err(file.error(
                    file.toml_span(0, month.span()),
                    "fiscal_year_start is a month number from 1 to 12",
                ))
            }
        },
        None => None,
    })
}

/// `week_start` in site.toml, checked.
fn week_start_of(
    file: &SourceFile,
    value: &Option<Spanned<String>>,
) -> Result<Weekday, Diagnostic> {
    Ok(match value {
        Some(name) => parse_weekday(name.get_ref()).ok_or_else(|| {
            file.error(
                file.toml_span(0, name.span()),
                "week_start is a day name, such as \"monday\" or \"sunday\"",
            )
        })?,
        None => Weekday::Mon,
    })
}

/// `date_order` in site.toml, checked.
fn day_first_of(
    file: &SourceFile,
    value: &Option<Spanned<String>>,
) -> Result<Option<bool>, Diagnostic> {
    Ok(match value {
        Some(order) => match order.get_ref().as_str() {
            "day-month" => Some(true),
            "month-day" => Some(false),
            _ => {
                return Err(file.error(
                    file.toml_span(0, order.span()),
                    "date_order is \"day-month\" (15/12) or \"month-day\" (12/15)",
                ))
            }
        },
        None => None,
    })
}

/// `theme` in site.toml, checked.
fn theme_of(file: &SourceFile, value: &Option<Spanned<String>>) -> Result<String, Diagnostic> {
    Ok(match value {
        Some(theme) => {
            let name = theme.get_ref();
            if !crate::paths::is_safe_segment(name) {
                return Err(file.error(
                    file.toml_span(0, theme.span()),
                    "theme is a folder name under themes/, without `/` or `..`",
                ));
            }
            name.clone()
        }
        None => "default".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, Diagnostic> {
        SiteConfig::parse(&SourceFile::new(
            std::path::Path::new("site.toml"),
            text.into(),
        ))
    }

    #[test]
    fn defaults_fill_what_is_left_out() {
        let config = parse("title = \"T\"\n").unwrap();
        assert_eq!(config.theme, "default");
        assert_eq!(config.base_url, "http://localhost/");
        assert_eq!(config.week_start, Weekday::Mon);
        assert!(!config.allow_html);
    }

    #[test]
    fn mail_takes_its_defaults_and_refuses_a_password_at_its_line() {
        let config =
            parse("title = \"T\"\n[mail]\nserver = \"smtp.team.example.com\"\nfrom = \"a@b.example.com\"\n")
                .unwrap();
        let mail = config.mail.unwrap();
        assert_eq!((mail.port, mail.security), (587, MailSecurity::Starttls));
        assert_eq!(mail.password_env, "DOSSIER_SMTP_PASSWORD");
        let err = parse(
            "title = \"T\"\n[mail]\nserver = \"s\"\nfrom = \"a@b.example.com\"\npassword = \"hunter2\"\n",
        )
        .unwrap_err();
        assert_eq!((err.line, err.column), (5, 12));
        assert!(
            err.message.contains("DOSSIER_SMTP_PASSWORD"),
            "{}",
            err.message
        );
        assert!(!err.message.contains("hunter2"), "{}", err.message);
        let err =
            parse("title = \"T\"\n[mail]\nserver = \"s\"\nfrom = \"a\"\nsecurity = \"ssl\"\n")
                .unwrap_err();
        assert_eq!(err.line, 5, "{}", err.message);
    }

    #[test]
    fn date_order_reads_both_orders_and_points_at_a_wrong_one() {
        assert_eq!(parse("title = \"T\"\n").unwrap().day_first, None);
        let day_month = parse("title = \"T\"\ndate_order = \"day-month\"\n").unwrap();
        assert_eq!(day_month.day_first, Some(true));
        let month_day = parse("title = \"T\"\ndate_order = \"month-day\"\n").unwrap();
        assert_eq!(month_day.day_first, Some(false));
        let err = parse("title = \"T\"\ndate_order = \"dmy\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 14));
        assert!(err.message.contains("day-month"), "{}", err.message);
    }

    #[test]
    fn the_language_is_the_sites_and_an_edition_may_have_its_own() {
        assert_eq!(
            parse("title = \"T\"\n").unwrap().language,
            Language::English
        );
        let text = "title = \"T\"\nlanguage = \"nl\"\n[editions.customer]\nlanguage = \"fr\"\n";
        let config = parse(text).unwrap();
        assert_eq!(config.language, Language::Dutch);
        let internal = config.clone().for_edition(Edition::Internal);
        assert_eq!(internal.language, Language::Dutch);
        let customer = config.for_edition(Edition::Customer);
        assert_eq!(customer.language, Language::French);
        assert_eq!(customer.banner.as_deref(), Some("Édition client"));
        let err = parse("title = \"T\"\nlanguage = \"vlaams\"\n").unwrap_err();
        assert_eq!(err.line, 2, "{err:?}");
        assert!(err.message.contains("`nl`"), "{}", err.message);
    }

    #[test]
    fn unknown_key_names_the_key_and_its_line() {
        let err = parse("title = \"T\"\ntimezon = \"Europe/Brussels\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 1));
        assert!(err.message.contains("timezon"), "{}", err.message);
    }

    #[test]
    fn bad_timezone_points_at_the_value() {
        let err = parse("title = \"T\"\ntimezone = \"Europe/Brusels\"\n").unwrap_err();
        assert_eq!((err.line, err.column), (2, 12));
        assert!(err.message.contains("Europe/Brusels"));
    }

    #[test]
    fn base_url_gets_a_trailing_slash() {
        let config = parse("title = \"T\"\nbase_url = \"https://x.example/b\"\n").unwrap();
        assert_eq!(config.base_url, "https://x.example/b/");
    }

    #[test]
    fn a_placeholder_base_url_is_a_warning_and_only_a_placeholder_is() {
        let warned = |url: &str| {
            let config = parse(&format!("title = \"T\"\nbase_url = \"{url}\"\n")).unwrap();
            config
                .warnings
                .iter()
                .any(|w| w.message.contains("a placeholder"))
        };
        assert!(warned("https://intranet.example.com/briefings/"));
        assert!(warned("https://example.org"));
        assert!(warned("http://user@EXAMPLE.NET:8080/b/"));
        assert!(!warned("https://intranet.example.test/briefings/"));
        assert!(!warned("https://notexample.com/"));
        assert!(!warned("https://example.com.acme.be/"));
    }
}
