//! What a host page may set, read once from raw key/value pairs (element
//! attributes, `data-` attributes or an iframe's fragment) into a checked
//! value. An invalid value falls back to the default with a warning.

use crate::rules::content::authority;
use crate::text::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub lang: Option<Lang>,
    pub member_state: Option<&'static str>,
    /// The level of the widget's page headings (1 to 6), so that they fit
    /// the host page's outline.
    pub heading_level: u8,
    /// The embedding association's own help desk, shown on outcomes.
    pub contact: Option<Contact>,
    /// An iframe's parent, the only origin the widget posts messages to.
    pub parent_origin: Option<String>,
    /// Theme values for a widget in an iframe, where the host's CSS cannot
    /// reach: (custom property, value).
    pub theme: Vec<(&'static str, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Contact {
    pub name: String,
    pub url: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            member_state: None,
            heading_level: 1,
            contact: None,
            parent_origin: None,
            theme: Vec::new(),
        }
    }
}

/// The settings a host may give, with the theme property each theme setting sets.
const THEME: &[(&str, &str)] = &[
    ("accent", "--cs-accent"),
    ("font", "--cs-font"),
    ("radius", "--cs-radius"),
    ("spacing", "--cs-space"),
];

fn is_origin(v: &str) -> bool {
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"));
    rest.is_some_and(|host| {
        !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
    })
}

fn is_url(v: &str) -> bool {
    v.len() <= 500
        && (v.starts_with("https://") || v.starts_with("http://"))
        && !v.chars().any(|c| c.is_whitespace() || "<>\"'`".contains(c))
}

fn is_email(v: &str) -> bool {
    v.len() <= 254
        && v.split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
        && !v.chars().any(|c| c.is_whitespace() || "<>\"'`".contains(c))
}

fn is_phone(v: &str) -> bool {
    (3..=32).contains(&v.len())
        && v.chars()
            .all(|c| c.is_ascii_digit() || " +()-/.".contains(c))
}

fn is_colour(v: &str) -> bool {
    v.strip_prefix('#')
        .is_some_and(|h| matches!(h.len(), 3 | 6) && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_length(v: &str) -> bool {
    let number = v.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &v[number.len()..];
    matches!(unit, "px" | "rem" | "em")
        && !number.is_empty()
        && number.len() <= 6
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// A font list: names in any script, quotes, commas, spaces and hyphens. The
/// value is set through the CSSOM, never spliced into a stylesheet.
fn is_font(v: &str) -> bool {
    (1..=200).contains(&v.len())
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || !c.is_ascii() || " ,-_\"'".contains(c))
}

impl Settings {
    /// Reads settings from key/value pairs; returns them and a warning for
    /// each value that was not taken.
    pub fn parse<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (Settings, Vec<String>) {
        let mut s = Settings::default();
        let mut contact = Contact::default();
        let mut warnings = Vec::new();
        for (key, value) in pairs {
            let value = value.trim();
            let ok = match key {
                "lang" => Lang::from_tag(value).map(|l| s.lang = Some(l)).is_some(),
                "member-state" => authority(&value.to_ascii_uppercase())
                    .map(|a| s.member_state = Some(a.state))
                    .is_some(),
                "heading-level" => match value.parse::<u8>() {
                    Ok(n @ 1..=6) => {
                        s.heading_level = n;
                        true
                    }
                    _ => false,
                },
                "contact-name" if (1..=120).contains(&value.chars().count()) => {
                    contact.name = value.to_owned();
                    true
                }
                "contact-url" if is_url(value) => {
                    contact.url = Some(value.to_owned());
                    true
                }
                "contact-email" if is_email(value) => {
                    contact.email = Some(value.to_owned());
                    true
                }
                "contact-phone" if is_phone(value) => {
                    contact.phone = Some(value.to_owned());
                    true
                }
                "parent-origin" if is_origin(value.trim_end_matches('/')) => {
                    s.parent_origin = Some(value.trim_end_matches('/').to_owned());
                    true
                }
                _ => match THEME.iter().find(|(name, _)| *name == key) {
                    Some((name, property)) => {
                        let valid = match *name {
                            "accent" => is_colour(value),
                            "font" => is_font(value),
                            _ => is_length(value),
                        };
                        if valid {
                            s.theme.push((property, value.to_owned()));
                        }
                        valid
                    }
                    None => false,
                },
            };
            if !ok {
                warnings.push(format!(
                    "cyberscreen: ignored setting {key}=\"{value}\"; the default applies"
                ));
            }
        }
        if !contact.name.is_empty() {
            s.contact = Some(contact);
        } else if contact != Contact::default() {
            warnings.push("cyberscreen: a contact needs contact-name; it is not shown".to_owned());
        }
        (s, warnings)
    }

    /// The heading level for `depth` below the page title, at most 6.
    pub fn heading(&self, depth: u8) -> &'static str {
        ["h1", "h2", "h3", "h4", "h5", "h6"]
            [usize::from((self.heading_level + depth).clamp(1, 6) - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_settings_are_taken() {
        let (s, warnings) = Settings::parse([
            ("lang", "de-AT"),
            ("member-state", "fr"),
            ("heading-level", "3"),
            ("contact-name", "Export desk, Example Association"),
            ("contact-url", "https://example.org/export"),
            ("contact-email", "export@example.org"),
            ("contact-phone", "+49 30 1234-56"),
            ("parent-origin", "https://portal.example.org/"),
            ("accent", "#005ea5"),
            ("radius", "4px"),
        ]);
        assert_eq!(warnings, Vec::<String>::new());
        assert_eq!(s.lang, Some(Lang::De));
        assert_eq!(s.member_state, Some("FR"));
        assert_eq!(
            (s.heading(0), s.heading(1), s.heading(5)),
            ("h3", "h4", "h6")
        );
        assert_eq!(s.contact.unwrap().phone.as_deref(), Some("+49 30 1234-56"));
        assert_eq!(
            s.parent_origin.as_deref(),
            Some("https://portal.example.org")
        );
        assert_eq!(
            s.theme,
            vec![
                ("--cs-accent", "#005ea5".into()),
                ("--cs-radius", "4px".into())
            ]
        );
    }

    #[test]
    fn invalid_settings_fall_back_with_a_warning() {
        let (s, warnings) = Settings::parse([
            ("lang", "tlh"),
            ("member-state", "XX"),
            ("heading-level", "9"),
            ("contact-url", "javascript:alert(1)"),
            ("parent-origin", "*"),
            ("accent", "red; background: url(x)"),
            ("spacing", "calc(1px)"),
            ("colour", "#fff"),
        ]);
        assert_eq!(s, Settings::default());
        assert_eq!(warnings.len(), 8);
    }

    #[test]
    fn font_lists_take_names_in_any_script_and_nothing_that_could_end_the_value() {
        for good in [
            "Inter, Arial, sans-serif",
            "'Noto Sans JP', \"Yu Gothic\"",
            "微软雅黑, Zapf-Dingbats",
        ] {
            assert!(is_font(good), "{good}");
        }
        for bad in ["Arial; color: red", "a{}", "url(x)", "Arial\\", ""] {
            assert!(!is_font(bad), "{bad}");
        }
    }

    #[test]
    fn a_contact_without_a_name_is_not_shown() {
        let (s, warnings) = Settings::parse([("contact-email", "a@b.eu")]);
        assert_eq!(s.contact, None);
        assert_eq!(warnings.len(), 1);
    }
}
