//! Entry points, above the interface: the widget's own pages (`page`: the
//! page `index.html`, and `embed.html` in a host's iframe) and the
//! `<cyber-screen>` custom element (`element`). Each reads what its place
//! gives it from the browser and hands it to `startup`, which decides,
//! without the browser, what the widget starts with.

pub mod element;
pub mod page;

use crate::rules::saved::Saved;
use crate::text::Lang;
use crate::ui::settings::Settings;
use crate::ui::state::{Source, Startup};

/// Where answers are remembered; a custom element with an `id` adds it.
pub const STORAGE_KEY: &str = "cyberscreen";

/// Where the widget starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// `index.html` (or `embed.html` opened on its own): settings from the
    /// root's `data-` attributes, answers from a share link, else from this
    /// device.
    Page,
    /// `embed.html` inside a host's frame: settings from the fragment, which
    /// is then no share link.
    Frame,
    /// A host's `<cyber-screen>`: settings from its attributes; the host's
    /// fragment is none of the widget's business. An `id` keeps the answers
    /// of several widgets on one page apart.
    Element { id: Option<String> },
}

/// What a page gives the widget to start with, as read from the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageInputs {
    /// The language whose pack the loader fetched.
    pub lang: Lang,
    pub place: Place,
    /// The root's (or element's) attributes, as `(name, value)`.
    pub attributes: Vec<(String, String)>,
    /// The page's URL fragment without `#`, as it came (a share link).
    pub fragment: String,
    /// The same fragment as `(name, value)` pairs, percent-decoded (an
    /// iframe's settings).
    pub fragment_pairs: Vec<(String, String)>,
}

/// What the widget starts with, and a warning for each setting that was not
/// taken (for the host's developers' console). `stored` reads what this
/// device holds under a key.
pub fn startup(
    inputs: PageInputs,
    stored: impl FnOnce(&str) -> Option<String>,
) -> (Startup, Vec<String>) {
    let PageInputs {
        lang,
        place,
        attributes,
        fragment,
        fragment_pairs,
    } = inputs;
    let pairs: Vec<(String, String)> = match &place {
        Place::Frame => fragment_pairs,
        Place::Page => attributes
            .into_iter()
            .filter_map(|(name, value)| {
                let key = name.strip_prefix("data-")?;
                (key != "embed").then(|| (key.to_owned(), value))
            })
            .collect(),
        Place::Element { .. } => attributes
            .into_iter()
            // The element's other attributes (class, style, …) are the host's.
            .filter(|(name, _)| Settings::for_element(name))
            .collect(),
    };
    let (settings, warnings) = Settings::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let storage_key = match &place {
        Place::Element { id: Some(id) } if !id.is_empty() => format!("{STORAGE_KEY}:{id}"),
        _ => STORAGE_KEY.to_owned(),
    };
    // A fragment that names none of the encoding's fields is the page's own.
    let is_link = place == Place::Page
        && fragment
            .split('&')
            .any(|f| f.starts_with("v=") || f.starts_with("a="));
    let saved = if is_link {
        Some((Source::Link, fragment))
    } else {
        stored(&storage_key).map(|value| (Source::Device, value))
    };
    let startup = Startup {
        // A language whose pack did not arrive is none to start in.
        lang: Some(lang).filter(|l| l.is_available()).unwrap_or(Lang::En),
        saved: saved.map(|(source, text)| (source, Saved::decode(&text))),
        settings,
        owns_page: place == Place::Page,
        storage_key,
    };
    (startup, warnings)
}

/// Reports settings that were not taken, for the host's developers.
fn warn_all(warnings: &[String]) {
    for w in warnings {
        web_sys::console::warn_1(&w.into());
    }
}

/// What this device holds under `key`; nothing where storage cannot be read.
fn stored(key: &str) -> Option<String> {
    crate::platform::storage::load(key).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(place: Place, attributes: &[(&str, &str)], fragment: &str) -> PageInputs {
        let pairs = |list: &[(&str, &str)]| {
            list.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect()
        };
        PageInputs {
            lang: Lang::En,
            place,
            attributes: pairs(attributes),
            fragment: fragment.to_owned(),
            fragment_pairs: pairs(
                &fragment
                    .split('&')
                    .filter_map(|p| p.split_once('='))
                    .collect::<Vec<_>>(),
            ),
        }
    }

    fn nothing_stored(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn the_page_takes_its_data_attributes_and_a_share_link() {
        let (s, warnings) = startup(
            inputs(
                Place::Page,
                &[
                    ("id", "cyberscreen"),
                    ("data-member-state", "de"),
                    ("data-embed", ""),
                ],
                "v=1&a=zz",
            ),
            |_| panic!("a link is read before the device"),
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(s.settings.member_state, Some("DE"));
        assert!(matches!(s.saved, Some((Source::Link, Err(_)))));
        assert!(s.owns_page);
        assert_eq!(s.storage_key, STORAGE_KEY);
    }

    #[test]
    fn a_fragment_that_is_no_link_leaves_the_remembered_answers() {
        let (s, _) = startup(inputs(Place::Page, &[], "top"), |key| {
            assert_eq!(key, STORAGE_KEY);
            Some("garbage".into())
        });
        assert!(matches!(s.saved, Some((Source::Device, Err(_)))));
    }

    #[test]
    fn the_frame_takes_its_settings_from_the_fragment_never_as_a_link() {
        let (s, warnings) = startup(
            inputs(
                Place::Frame,
                &[("data-member-state", "FR")],
                "member-state=DE&a=zz&v=1",
            ),
            nothing_stored,
        );
        assert_eq!(s.settings.member_state, Some("DE"));
        assert!(s.saved.is_none(), "the host's fragment is not a share link");
        assert!(!s.owns_page);
        assert_eq!(warnings.len(), 2, "a and v are no settings: {warnings:?}");
    }

    #[test]
    fn the_element_reads_its_own_attributes_and_keeps_its_answers_apart() {
        let (s, warnings) = startup(
            inputs(
                Place::Element {
                    id: Some("second".into()),
                },
                &[
                    ("member-state", "AT"),
                    ("class", "big"),
                    ("style", "color: red"),
                    ("parent-origin", "https://portal.example"),
                    ("accent", "#f00"),
                ],
                "v=1&a=zz",
            ),
            |key| (key == "cyberscreen:second").then(|| "garbage".into()),
        );
        assert!(
            warnings.is_empty(),
            "the host's own attributes are not warned about: {warnings:?}"
        );
        assert_eq!(s.settings.member_state, Some("AT"));
        assert_eq!(
            (s.settings.parent_origin, s.settings.theme),
            (None, vec![]),
            "the iframe's settings are no element's"
        );
        assert!(
            matches!(s.saved, Some((Source::Device, _))),
            "the host's fragment is no link"
        );
        assert!(!s.owns_page);
        let (s, _) = startup(
            inputs(
                Place::Element {
                    id: Some(String::new()),
                },
                &[],
                "",
            ),
            nothing_stored,
        );
        assert_eq!(s.storage_key, STORAGE_KEY);
    }
}
