//! Starting the widget on a page of its own: `index.html`, or `embed.html`
//! inside a host's iframe.

use crate::rules::saved::{DecodeError, Saved};
use crate::text::Lang;
use crate::ui::settings::Settings;
use crate::ui::state::{Source, Startup};
use crate::ui::{App, AppProps};

use super::{embed, storage};

/// The id of the element the widget's own pages mount it into.
pub const ROOT_ID: &str = "cyberscreen";
/// Where answers are remembered; a custom element with an `id` adds it.
pub(super) const STORAGE_KEY: &str = "cyberscreen";

/// The language the host asked for, else the browser's preference.
pub(super) fn language(settings: &Settings) -> Lang {
    settings.lang.unwrap_or_else(|| {
        let preferred = super::preferred_languages();
        Lang::negotiate(preferred.iter().map(String::as_str))
    })
}

/// Settings from `(name, value)` pairs; what is not taken is reported on
/// the console for the host's developers.
pub(super) fn settings_from(pairs: &[(String, String)]) -> Settings {
    let (settings, warnings) = Settings::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    super::warn_all(&warnings);
    settings
}

/// The answers remembered on this device under `key`, if any.
pub(super) fn remembered(key: &str) -> Option<(Source, Result<Saved, DecodeError>)> {
    match storage::load(key) {
        Ok(Some(stored)) => Some((Source::Device, Saved::decode(&stored))),
        Ok(None) | Err(_) => None,
    }
}

/// Mounts the widget into `#cyberscreen`, replacing what the page showed
/// while the code loaded; a page without it (a host using the custom
/// element) is left alone.
///
/// On `index.html`, settings come from the element's `data-` attributes and
/// answers from a share link's fragment, or else from this device if the
/// user asked to be remembered. On `embed.html` (`data-embed`), the fragment
/// holds the host's settings instead.
pub fn start() {
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        return;
    };
    let framed = root.has_attribute("data-embed");
    let fragment = super::fragment();
    let settings = settings_from(&if framed {
        super::fragment_pairs(&fragment)
    } else {
        root.get_attribute_names()
            .iter()
            .filter_map(|name| name.as_string())
            .filter_map(|name| {
                let key = name.strip_prefix("data-")?.to_owned();
                let value = root.get_attribute(&name)?;
                (key != "embed").then_some((key, value))
            })
            .collect()
    });

    // A fragment that names none of the encoding's fields is the page's own.
    let is_link = fragment
        .split('&')
        .any(|f| f.starts_with("v=") || f.starts_with("a="));
    let saved = if !framed && is_link {
        Some((Source::Link, Saved::decode(&fragment)))
    } else {
        remembered(STORAGE_KEY)
    };
    if let Some(origin) = settings.parent_origin.clone().filter(|_| framed) {
        embed::report_height(origin);
    }
    let startup = Startup {
        lang: language(&settings),
        saved,
        settings,
        owns_page: !framed,
        storage_key: STORAGE_KEY.into(),
    };
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, AppProps { startup }).render();
}
