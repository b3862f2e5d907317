//! Starting the widget on a page of its own: `index.html`, or `embed.html`
//! inside a host's iframe.

use wasm_bindgen::prelude::*;

use crate::platform::{self, embed};
use crate::text::Lang;
use crate::ui::{App, AppProps};

use super::{PageInputs, Place};
use crate::ui::state::Source;

/// The id of the element the widget's own pages mount it into.
pub const ROOT_ID: &str = "cyberscreen";

/// Starts the widget on its own page, in `lang`, whose pack the loader
/// fetched with the page (`loader.js` chose it: the host's `lang`, the
/// link's, the browser's preference, else English).
#[wasm_bindgen(js_name = startPage)]
pub fn start_page(lang: &str, pack: &str) -> Result<(), JsValue> {
    let lang = Lang::from_tag(lang).ok_or("unknown language")?;
    if !platform::packs::take(lang, pack) {
        return Err("the language pack does not fit this version".into());
    }
    start(lang);
    Ok(())
}

/// Mounts the widget into `#cyberscreen`, replacing what the page showed
/// while the code loaded; a page without it (a host using the custom
/// element) is left alone.
fn start(lang: Lang) {
    let Some(root) = gloo::utils::document().get_element_by_id(ROOT_ID) else {
        return;
    };
    // The iframe page takes a host's settings only inside a frame: opened
    // on its own, from a crafted link, it would show whatever contacts the
    // link named under the widget's own address. It is then the plain page.
    let embed_page = root.has_attribute("data-embed");
    let in_frame = platform::in_frame();
    let framed = embed_page && in_frame;
    if embed_page && !framed {
        web_sys::console::warn_1(
            &"cyberscreen: embed.html is not in a frame; the settings in its address are ignored"
                .into(),
        );
    }
    let fragment = platform::fragment();
    let inputs = PageInputs {
        lang,
        place: match (embed_page, in_frame) {
            (true, true) => Place::Frame {
                framer: platform::framer_origin(),
            },
            (false, true) => Place::FramedPage,
            (_, false) => Place::Page,
        },
        attributes: root
            .get_attribute_names()
            .iter()
            .filter_map(|name| name.as_string())
            .filter_map(|name| {
                let value = root.get_attribute(&name)?;
                Some((name, value))
            })
            .collect(),
        fragment_pairs: platform::fragment_pairs(&fragment),
        fragment,
    };
    let place = inputs.place.clone();
    let (startup, warnings) = super::startup(inputs, super::stored);
    super::warn_all(&warnings);
    if let Some(origin) = startup.settings.parent_origin.clone().filter(|_| framed) {
        embed::report_height(root.clone(), origin);
    }
    if place == Place::Page {
        // The answers leave the address once read, so that they stay out of
        // the browser's history and its sync; the share box makes the link
        // again. A link pasted into this tab later starts the page afresh
        // on it, as opening it in a new tab would.
        if matches!(startup.saved, Some((Source::Link, _))) {
            platform::history::drop_fragment();
        }
        platform::on_fragment_change(|fragment| super::share_link(fragment).is_some());
    }
    // Emptied node by node: assigning HTML is refused under Trusted Types.
    root.replace_children_with_node_0();
    yew::Renderer::<App>::with_root_and_props(root, AppProps { startup }).render();
}
