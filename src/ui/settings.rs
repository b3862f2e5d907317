//! What a host page may set, read once from raw key/value pairs (element
//! attributes, `data-` attributes or an iframe's fragment) into a checked
//! value. An invalid value falls back to the default with a warning.

use crate::rules::MemberState;
use crate::text::Lang;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub lang: Option<Lang>,
    pub member_state: Option<MemberState>,
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

/// Every setting a host may give, by name, as EMBEDDING.md's settings table
/// lists them (a test compares the two).
pub const NAMES: &[&str] = &[
    "lang",
    "member-state",
    "heading-level",
    "contact-name",
    "contact-url",
    "contact-email",
    "contact-phone",
    "parent-origin",
    "accent",
    "font",
    "radius",
    "spacing",
];

/// The theme settings, with the custom property each sets.
const THEME: &[(&str, &str)] = &[
    ("accent", "--cs-accent"),
    ("font", "--cs-font"),
    ("radius", "--cs-radius"),
    ("spacing", "--cs-space"),
];

/// A domain name: labels of letters, digits and hyphens, joined by dots.
fn is_domain(v: &str) -> bool {
    (1..=253).contains(&v.len())
        && v.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

/// A host, with a port if any: a domain name, or an IPv6 address in brackets.
fn is_host(v: &str) -> bool {
    let (host_ok, port) = match v.strip_prefix('[') {
        // An IPv6 address is in brackets, for its own colons.
        Some(rest) => match rest.split_once(']') {
            Some((ip, port)) => (
                !ip.is_empty() && ip.bytes().all(|b| b.is_ascii_hexdigit() || b == b':'),
                port,
            ),
            None => return false,
        },
        None => {
            let (host, port) = v.split_at(v.find(':').unwrap_or(v.len()));
            (is_domain(host), port)
        }
    };
    host_ok
        && (port.is_empty()
            || port.strip_prefix(':').is_some_and(|p| {
                (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
            }))
}

/// The part of an http(s) address after the scheme.
fn after_scheme(v: &str) -> Option<&str> {
    v.strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
}

/// An origin, such as `https://portal.example.org:8443`: no path, no user.
fn is_origin(v: &str) -> bool {
    after_scheme(v).is_some_and(is_host)
}

/// An http(s) address with a host (and no user name before it, which could
/// make one host look like another).
fn is_url(v: &str) -> bool {
    v.len() <= 500
        && !v
            .chars()
            .any(|c| c.is_whitespace() || "<>\"'`\\".contains(c))
        && after_scheme(v).is_some_and(|rest| {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            is_host(host)
        })
}

/// An e-mail address for a `mailto:` link: a plain local part and a domain,
/// so that nothing can add a subject, a body or another recipient.
fn is_email(v: &str) -> bool {
    v.len() <= 254
        && v.split_once('@').is_some_and(|(local, domain)| {
            (1..=64).contains(&local.len())
                && local
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._+-".contains(&b))
                && domain.contains('.')
                && is_domain(domain)
        })
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

/// A length the layout can take: below 100 px, or below 5 em or rem (a huge
/// one would push the widget off the page).
fn is_length(v: &str) -> bool {
    let number = v.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = &v[number.len()..];
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let whole_ok = match unit {
        "px" => (1..=2).contains(&whole.len()),
        "em" | "rem" => whole.len() == 1 && whole.as_bytes()[0] <= b'4',
        _ => false,
    };
    whole_ok && digits(whole) && digits(fraction) && fraction.len() <= 3 && !number.ends_with('.')
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
            if !NAMES.contains(&key) {
                warnings.push(format!("cyberscreen: unknown setting {key}; it is ignored"));
                continue;
            }
            let ok = match key {
                "lang" => Lang::from_tag(value).map(|l| s.lang = Some(l)).is_some(),
                "member-state" => MemberState::from_code(&value.to_ascii_uppercase())
                    .map(|m| s.member_state = Some(m))
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

    /// Whether the custom element reads the attribute `name`: every setting
    /// but the iframe's (its parent's origin, and the theme, which an
    /// element takes from the host's CSS).
    pub fn for_element(name: &str) -> bool {
        NAMES.contains(&name)
            && name != "parent-origin"
            && !THEME.iter().any(|(theme, _)| *theme == name)
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
        assert_eq!(s.member_state, MemberState::from_code("FR"));
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
    fn addresses_and_lengths_are_what_they_claim_and_nothing_more() {
        for good in [
            "https://portal.example.org",
            "http://127.0.0.1:8081",
            "https://[::1]:8443",
            "https://xn--bcher-kva.example",
        ] {
            assert!(is_origin(good), "{good}");
        }
        for bad in [
            "https://",
            "https://a:b:c",
            "https://portal.example.org/path",
            "https://user@portal.example.org",
            "https://[::1",
            "https://a..b",
            "https://a:123456",
            "ftp://example.org",
        ] {
            assert!(!is_origin(bad), "{bad}");
        }
        for good in [
            "https://example.org/export?lang=de#desk",
            "http://example.org:8080/",
        ] {
            assert!(is_url(good), "{good}");
        }
        for bad in [
            "https://",
            "https:///path",
            "https://bank.example@evil.example/",
            "https://a b",
            "javascript:alert(1)",
            "https://example.org\\x",
        ] {
            assert!(!is_url(bad), "{bad}");
        }
        assert!(is_email("export.desk+eu@example.org"));
        for bad in [
            "a@b.eu?subject=hi",
            "a@b.eu&cc=c@d.eu",
            "a@b.eu,c@d.eu",
            "a%40b@c.eu",
            "@b.eu",
            "a@b",
            "a@@b.eu",
            "a@b..eu",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        for good in ["4px", "99px", "0.5em", "1.25rem", "4.999em"] {
            assert!(is_length(good), "{good}");
        }
        for bad in [
            "999999em", "100px", "5em", "12rem", "1.em", ".5em", "1.2345em", "px", "4pt", "-1px",
        ] {
            assert!(!is_length(bad), "{bad}");
        }
    }

    /// Each name is taken (a bad value is "ignored", not "unknown"), a name
    /// that is none is reported as such, and EMBEDDING.md documents exactly
    /// these names.
    #[test]
    fn the_names_taken_are_the_names_documented() {
        for name in NAMES {
            let (_, warnings) = Settings::parse([(*name, "\u{1}")]);
            assert!(
                warnings.iter().all(|w| w.contains("ignored setting")),
                "{name}: {warnings:?}"
            );
        }
        let (_, warnings) = Settings::parse([("colour", "#fff")]);
        assert_eq!(
            warnings,
            ["cyberscreen: unknown setting colour; it is ignored"]
        );
        let guide = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/EMBEDDING.md"));
        let table = guide
            .split("## Settings")
            .nth(1)
            .unwrap()
            .split("\n\n")
            .nth(1)
            .unwrap();
        let mut documented: Vec<&str> = table
            .lines()
            .skip(2)
            .filter_map(|row| row.split('|').nth(1))
            .flat_map(|cell| cell.split('`').skip(1).step_by(2))
            .collect();
        documented.sort_unstable();
        let mut names = NAMES.to_vec();
        names.sort_unstable();
        assert_eq!(documented, names);
    }

    #[test]
    fn a_contact_without_a_name_is_not_shown() {
        let (s, warnings) = Settings::parse([("contact-email", "a@b.eu")]);
        assert_eq!(s.contact, None);
        assert_eq!(warnings.len(), 1);
    }
}
