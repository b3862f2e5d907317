//! Starting the widget on the page.

use crate::rules::saved::Saved;
use crate::text::Lang;
use crate::ui::state::{Source, Startup};
use crate::ui::{App, AppProps};

use super::storage;

/// The id of the element the standalone page mounts the widget into.
pub const ROOT_ID: &str = "cyberscreen";

/// Mounts the widget into `#cyberscreen`, replacing what the page showed
/// while the code loaded. Its `data-lang` attribute, if valid, picks the
/// language; otherwise the browser's preferences do. Answers come from a
/// share link's fragment, or else from this device if the user asked to be
/// remembered.
pub fn start() {
    let document = gloo::utils::document();
    let Some(root) = document.get_element_by_id(ROOT_ID) else {
        web_sys::console::error_1(
            &format!("cyberscreen: no element #{ROOT_ID} to mount into").into(),
        );
        return;
    };
    let lang = root
        .get_attribute("data-lang")
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_else(|| {
            let preferred = super::preferred_languages();
            Lang::negotiate(preferred.iter().map(String::as_str))
        });
    // A fragment that names none of the encoding's fields is the page's own.
    let fragment = super::fragment();
    let ours = fragment
        .split('&')
        .any(|f| f.starts_with("v=") || f.starts_with("a="));
    let saved = if ours {
        Some((Source::Link, Saved::decode(&fragment)))
    } else {
        match storage::load() {
            Ok(Some(stored)) => Some((Source::Device, Saved::decode(&stored))),
            Ok(None) | Err(_) => None,
        }
    };
    root.set_inner_html("");
    let startup = Startup { lang, saved };
    yew::Renderer::<App>::with_root_and_props(root, AppProps { startup }).render();
}
