//! Browser glue: everything that touches the page outside Yew's rendering.

pub mod mount;

use wasm_bindgen::JsCast;
use yew::NodeRef;

/// Moves keyboard focus to an element the interface rendered.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Moves focus to the first element under `root` that matches `selector`.
pub fn focus_within(root: &NodeRef, selector: &str) {
    let found = root
        .cast::<web_sys::Element>()
        .and_then(|r| r.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = found {
        let _ = el.focus();
    }
}

pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

/// The browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    gloo::utils::window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}
