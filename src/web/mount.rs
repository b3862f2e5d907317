//! Starting the widget on a page of its own: `index.html`, or `embed.html`
//! inside a host's iframe.

use wasm_bindgen::prelude::*;

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

/// Starts the widget on its own page, in `lang`, whose pack the loader
/// fetched with the page (`loader.js` chose it: the host's `lang`, the
/// link's, the browser's preference, else English).
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(lang: &str, pack: &str) -> Result<(), JsValue> {
    let lang = Lang::from_tag(lang).ok_or("unknown language")?;
    if !super::packs::take(lang, pack) {
        return Err("the language pack does not fit this version".into());
    }
    start(lang);
    Ok(())
}

/// Mounts the widget into `#cyberscreen`, replacing what the page showed
/// while the code loaded; a page without it (a host using the custom
/// element) is left alone.
///
/// On `index.html`, settings come from the element's `data-` attributes and
/// answers from a share link's fragment, or else from this device if the
/// user asked to be remembered. On `embed.html` (`data-embed`), the fragment
/// holds the host's settings instead.
/// Whether this page is shown inside another's frame.
fn in_frame() -> bool {
    let window = gloo::utils::window();
    window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window))
}

fn start(lang: Lang) {
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        return;
    };
    // The iframe page takes a host's settings only inside a frame: opened
    // on its own, from a crafted link, it would show whatever contacts the
    // link named under the widget's own address. It is then the plain page.
    let framed = root.has_attribute("data-embed") && in_frame();
    if root.has_attribute("data-embed") && !framed {
        web_sys::console::warn_1(
            &"cyberscreen: embed.html is not in a frame; the settings in its address are ignored"
                .into(),
        );
    }
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
        embed::report_height(root.clone(), origin);
    }
    let startup = Startup {
        lang,
        saved,
        settings,
        owns_page: !framed,
        storage_key: STORAGE_KEY.into(),
    };
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, AppProps { startup }).render();
}
