//! The entry point for the `<cyber-screen>` custom element: its module
//! (`cyberscreen-element.js`) creates an open shadow root and calls
//! `mountElement` with the element's attributes; `destroy` cleans up when
//! the element is removed.

use wasm_bindgen::prelude::*;

use crate::platform::packs;
use crate::text::Lang;
use crate::ui::{App, AppProps};

use super::{PageInputs, Place};

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
    Lang::from_tag(lang).is_some_and(|l| packs::take(l, pack))
}

/// Where the languages' packs are, for switching: `{"de": {"href", "integrity"}, …}`.
#[wasm_bindgen(js_name = setPacks)]
pub fn set_packs(places: &str) {
    packs::set_places(places);
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
    let inputs = PageInputs {
        lang: Lang::from_tag(lang).unwrap_or(Lang::En),
        place: Place::Element { id },
        attributes: attributes
            .iter()
            .filter_map(|pair| {
                let pair = js_sys::Array::from(&pair);
                Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
            })
            .collect(),
        fragment: String::new(),
        fragment_pairs: Vec::new(),
    };
    let (startup, warnings) = super::startup(inputs, super::stored);
    super::warn_all(&warnings);
    let app = yew::Renderer::<App>::with_root_and_props(root, AppProps { startup }).render();
    Widget { app: Some(app) }
}
