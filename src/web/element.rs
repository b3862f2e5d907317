//! The entry point for the `<cyber-screen>` custom element: its module
//! (`cyberscreen-element.js`) creates an open shadow root and calls
//! `mountElement` with the element's attributes; `destroy` cleans up when
//! the element is removed.

use wasm_bindgen::prelude::*;

use crate::ui::state::Startup;
use crate::ui::{App, AppProps};

use super::mount::{self, STORAGE_KEY};

/// The attributes the element reads; others (class, style, …) are the host's.
const ATTRIBUTES: &[&str] = &[
    "lang",
    "member-state",
    "heading-level",
    "contact-name",
    "contact-url",
    "contact-email",
    "contact-phone",
];

/// One mounted widget.
#[wasm_bindgen]
pub struct Widget {
    app: Option<yew::AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the widget and frees what it held.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Takes a language's pack, fetched by the element's module; whether it fit.
#[wasm_bindgen(js_name = loadPack)]
pub fn load_pack(lang: &str, pack: &str) -> bool {
    crate::text::Lang::from_tag(lang).is_some_and(|l| super::packs::take(l, pack))
}

/// Where the languages' packs are, for switching: `{"de": {"href", "integrity"}, …}`.
#[wasm_bindgen(js_name = setPacks)]
pub fn set_packs(places: &str) {
    super::packs::set_places(places);
}

/// Mounts a widget into `root` (a node inside the element's shadow root), in
/// `lang`, whose pack the module loaded (the element's `lang`, else the
/// browser's preference, else English). `attributes` lists the element's
/// `[name, value]` pairs; `id` keeps the answers of several widgets on one
/// page apart when remembered.
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(
    root: web_sys::Element,
    attributes: js_sys::Array,
    id: Option<String>,
    lang: &str,
) -> Widget {
    let pairs: Vec<(String, String)> = attributes
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .filter(|(name, _)| ATTRIBUTES.contains(&name.as_str()))
        .collect();
    let settings = mount::settings_from(&pairs);
    let storage_key = match id.filter(|id| !id.is_empty()) {
        Some(id) => format!("{STORAGE_KEY}:{id}"),
        None => STORAGE_KEY.to_owned(),
    };
    let lang = crate::text::Lang::from_tag(lang)
        .filter(|l| l.is_available())
        .unwrap_or(crate::text::Lang::En);
    let startup = Startup {
        lang,
        saved: mount::remembered(&storage_key),
        settings,
        owns_page: false,
        storage_key,
    };
    let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { startup }).render();
    Widget { app: Some(app) }
}
