//! Starting the widget on the page.

use crate::text::Lang;
use crate::ui::{App, AppProps};

/// The id of the element the standalone page mounts the widget into.
pub const ROOT_ID: &str = "cyberscreen";

/// Mounts the widget into `#cyberscreen`, replacing what the page showed
/// while the code loaded. Its `data-lang` attribute, if valid, picks the
/// language; otherwise the browser's preferences do.
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
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, AppProps { lang }).render();
}
