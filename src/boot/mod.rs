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
use crate::ui::state::{Device, Notice, Source, Startup};

/// Where answers are remembered; a custom element with an `id` adds it.
pub const STORAGE_KEY: &str = "cyberscreen";

/// Where the widget starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// `index.html` (or `embed.html` opened on its own): settings from the
    /// root's `data-` attributes, answers from a share link, else from this
    /// device.
    Page,
    /// `index.html` inside another site's frame, where no header forbade
    /// it. That site could trick a click on "Forget my answers" or read the
    /// step count from its history: the widget keeps nothing on this device
    /// there, leaves history and title alone, and offers a tab of its own.
    FramedPage,
    /// `embed.html` inside a host's frame: settings from the fragment, which
    /// is then no share link. `framer` is the origin of the page that frames
    /// it, where the browser tells it (`location.ancestorOrigins`: Chromium,
    /// Safari).
    Frame { framer: Option<String> },
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
/// device holds under a key (`Err` where storage cannot be read).
pub fn startup(
    inputs: PageInputs,
    stored: impl FnOnce(&str) -> Result<Option<String>, ()>,
) -> (Startup, Vec<String>) {
    let PageInputs {
        lang,
        place,
        attributes,
        fragment,
        fragment_pairs,
    } = inputs;
    let pairs: Vec<(String, String)> = match &place {
        Place::Frame { .. } => fragment_pairs,
        Place::Page | Place::FramedPage => attributes
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
    let (mut settings, mut warnings) =
        Settings::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    // A frame whose settings name a parent origin other than the page that
    // frames it is another site showing a portal's address (its contacts,
    // its theme) as its own: none of them is taken.
    if let (
        Place::Frame {
            framer: Some(framer),
        },
        Some(parent),
    ) = (&place, settings.parent_origin.as_deref())
        && framer != parent
    {
        warnings.push(format!(
            "cyberscreen: the page framing the widget is {framer}, not the parent-origin {parent}; every setting is ignored"
        ));
        settings = Settings::default();
    }
    let storage_key = match &place {
        Place::FramedPage => None,
        Place::Element { id: Some(id) } if !id.is_empty() => Some(format!("{STORAGE_KEY}:{id}")),
        _ => Some(STORAGE_KEY.to_owned()),
    };
    let mut notices = Vec::new();
    let held = match &storage_key {
        None => Ok(None),
        Some(key) => stored(key),
    };
    let held = match held {
        Ok(held) => held,
        Err(()) => {
            // Said on the widget's own page; a host's frame or element often
            // has no storage, and the user learns it on ticking "Remember".
            if place == Place::Page {
                notices.push(Notice::StorageUnavailable);
            }
            None
        }
    };
    // Decoded once: what the device holds, and the answers if no link is given.
    let held = held.map(|text| Saved::decode(&text));
    let device = match &held {
        None => Device::Empty,
        Some(Ok(_)) => Device::Answers,
        Some(Err(_)) => Device::Unreadable,
    };
    let link = match place {
        Place::Page | Place::FramedPage => share_link(&fragment),
        Place::Frame { .. } | Place::Element { .. } => None,
    };
    let saved = match link {
        Some(link) => Some((Source::Link, Saved::decode(&link))),
        None => held.map(|decoded| (Source::Device, decoded)),
    };
    if place == Place::FramedPage {
        notices.push(Notice::Framed);
    }
    let startup = Startup {
        // A language whose pack did not arrive is none to start in.
        lang: Some(lang).filter(|l| l.is_available()).unwrap_or(Lang::En),
        saved,
        settings,
        owns_page: place == Place::Page,
        whole_document: !matches!(place, Place::Element { .. }),
        storage_key,
        device,
        notices,
    };
    (startup, warnings)
}

/// The share link a page's fragment holds, if it holds one: a fragment that
/// names none of the encoding's fields is the page's own. A mail program or
/// a link shortener may have percent-encoded the whole of it once.
pub fn share_link(fragment: &str) -> Option<String> {
    let is_link = |f: &str| {
        f.split('&')
            .any(|f| f.starts_with("v=") || f.starts_with("a="))
    };
    if is_link(fragment) {
        return Some(fragment.to_owned());
    }
    percent_decoded(fragment).filter(|decoded| is_link(decoded))
}

/// `text` with each `%XX` turned into its byte; none if that is no UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&first, tail)) = rest.split_first() {
        let hex = |b: u8| (b as char).to_digit(16);
        match tail {
            [a, b, after @ ..] if first == b'%' && hex(*a).is_some() && hex(*b).is_some() => {
                bytes.push((hex(*a)? * 16 + hex(*b)?) as u8);
                rest = after;
            }
            _ => {
                bytes.push(first);
                rest = tail;
            }
        }
    }
    String::from_utf8(bytes).ok()
}

/// Reports settings that were not taken, for the host's developers.
fn warn_all(warnings: &[String]) {
    for w in warnings {
        web_sys::console::warn_1(&w.into());
    }
}

/// What this device holds under `key`; `Err` where storage cannot be read.
fn stored(key: &str) -> Result<Option<String>, ()> {
    crate::platform::storage::load(key).map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::MemberState;

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

    fn nothing_stored(_: &str) -> Result<Option<String>, ()> {
        Ok(None)
    }

    /// Answers of this check, as remembered on a device.
    const REMEMBERED: &str = "v=2026.1&lang=en&a=activity:x";

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
            nothing_stored,
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(s.settings.member_state, MemberState::from_code("DE"));
        assert!(matches!(s.saved, Some((Source::Link, Err(_)))));
        assert!(s.owns_page && s.whole_document);
        assert_eq!(s.storage_key.as_deref(), Some(STORAGE_KEY));
        assert!(s.notices.is_empty());
    }

    #[test]
    fn a_link_percent_encoded_once_is_still_a_link() {
        let (s, _) = startup(
            inputs(Place::Page, &[], "v%3D2026.1%26a%3Dactivity%3Ax"),
            nothing_stored,
        );
        assert!(
            matches!(&s.saved, Some((Source::Link, Ok(saved))) if saved.version == "2026.1"),
            "{:?}",
            s.saved
        );
        assert_eq!(share_link("top"), None);
        assert_eq!(share_link("%FF%FEv=1"), None, "no UTF-8");
        assert_eq!(share_link("a%3D").as_deref(), Some("a="));
        assert_eq!(share_link("100%").as_deref(), None, "a lone % is kept");
    }

    #[test]
    fn a_link_leaves_the_remembered_answers_and_says_what_the_device_holds() {
        let (s, _) = startup(inputs(Place::Page, &[], "v=1&a=zz"), |_| {
            Ok(Some(REMEMBERED.into()))
        });
        assert!(matches!(s.saved, Some((Source::Link, _))));
        assert_eq!(s.device, Device::Answers);
        let (s, _) = startup(inputs(Place::Page, &[], ""), |_| {
            Ok(Some("{\"app\":1}".into()))
        });
        assert_eq!(s.device, Device::Unreadable, "another application's data");
    }

    #[test]
    fn storage_that_cannot_be_read_is_said_on_the_page_only() {
        let blocked = |_: &str| Err(());
        let (s, _) = startup(inputs(Place::Page, &[], ""), blocked);
        assert_eq!(s.notices, vec![Notice::StorageUnavailable]);
        assert_eq!(s.device, Device::Empty);
        let (s, _) = startup(inputs(Place::Frame { framer: None }, &[], ""), blocked);
        assert!(s.notices.is_empty(), "a host's frame often has no storage");
    }

    #[test]
    fn the_page_in_another_sites_frame_keeps_nothing_and_owns_nothing() {
        let (s, _) = startup(
            inputs(Place::FramedPage, &[("data-lang", "de")], "v=1&a=zz"),
            |_| panic!("a framed page does not read this device"),
        );
        assert_eq!(s.storage_key, None);
        assert!(
            !s.owns_page,
            "no history entries or title for the framer to read"
        );
        assert_eq!(s.notices, vec![Notice::Framed]);
        assert!(matches!(s.saved, Some((Source::Link, _))));
    }

    #[test]
    fn a_fragment_that_is_no_link_leaves_the_remembered_answers() {
        let (s, _) = startup(inputs(Place::Page, &[], "top"), |key| {
            assert_eq!(key, STORAGE_KEY);
            Ok(Some("garbage".into()))
        });
        assert!(matches!(s.saved, Some((Source::Device, Err(_)))));
    }

    #[test]
    fn the_frame_takes_its_settings_from_the_fragment_never_as_a_link() {
        let (s, warnings) = startup(
            inputs(
                Place::Frame { framer: None },
                &[("data-member-state", "FR")],
                "member-state=DE&a=zz&v=1",
            ),
            nothing_stored,
        );
        assert_eq!(s.settings.member_state, MemberState::from_code("DE"));
        assert!(s.saved.is_none(), "the host's fragment is not a share link");
        assert!(!s.owns_page);
        assert!(s.whole_document, "the frame's document is the widget's");
        assert_eq!(warnings.len(), 2, "a and v are no settings: {warnings:?}");
    }

    #[test]
    fn a_frame_takes_its_settings_only_from_the_parent_origin_they_name() {
        let fragment =
            "member-state=DE&contact-name=Desk&parent-origin=https%3A%2F%2Fportal.example";
        let framed_by = |framer: Option<&str>| {
            let mut i = inputs(
                Place::Frame {
                    framer: framer.map(str::to_owned),
                },
                &[],
                "",
            );
            i.fragment_pairs = vec![
                ("member-state".into(), "DE".into()),
                ("contact-name".into(), "Desk".into()),
                ("parent-origin".into(), "https://portal.example".into()),
            ];
            i.fragment = fragment.into();
            startup(i, nothing_stored)
        };
        let (s, warnings) = framed_by(Some("https://portal.example"));
        assert_eq!(s.settings.member_state, MemberState::from_code("DE"));
        assert!(warnings.is_empty(), "{warnings:?}");
        let (s, _) = framed_by(None);
        assert_eq!(
            s.settings.member_state,
            MemberState::from_code("DE"),
            "where the browser does not tell, as before"
        );
        let (s, warnings) = framed_by(Some("https://elsewhere.example"));
        assert_eq!(s.settings, Settings::default(), "nothing of the portal's");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].contains("https://elsewhere.example"),
            "{warnings:?}"
        );
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
            |key| Ok((key == "cyberscreen:second").then(|| "garbage".into())),
        );
        assert!(
            warnings.is_empty(),
            "the host's own attributes are not warned about: {warnings:?}"
        );
        assert_eq!(s.settings.member_state, MemberState::from_code("AT"));
        assert_eq!(
            (s.settings.parent_origin, s.settings.theme),
            (None, vec![]),
            "the iframe's settings are no element's"
        );
        assert!(
            matches!(s.saved, Some((Source::Device, _))),
            "the host's fragment is no link"
        );
        assert!(!s.owns_page && !s.whole_document, "in the host's page");
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
        assert_eq!(s.storage_key.as_deref(), Some(STORAGE_KEY));
    }
}
