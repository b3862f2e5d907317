//! What a host page hears from the widget: a DOM event on the widget when an
//! outcome is reached, and, in an iframe, messages to the one parent origin
//! the host allowed (the outcome, the height to size the frame to, and where
//! each new step's heading is).
//! The widget itself sends nothing over the network.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::rules::content::CONTENT_VERSION;

fn object(fields: &[(&str, wasm_bindgen::JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in fields {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn post(parent_origin: &str, message: &js_sys::Object) {
    let window = gloo::utils::window();
    if let Ok(Some(parent)) = window.parent()
        && parent != window
    {
        let _ = parent.post_message(message, parent_origin);
    }
}

/// Announces an outcome: a `cyberscreen-outcome` event that bubbles out of
/// any shadow root from `root`, and a message to the allowed parent origin.
pub fn announce_outcome(
    root: &web_sys::Element,
    class: &str,
    cites: &[&str],
    parent_origin: Option<&str>,
) {
    let cites: js_sys::Array = cites
        .iter()
        .map(|c| wasm_bindgen::JsValue::from_str(c))
        .collect();
    let detail = object(&[
        ("outcome", class.into()),
        ("cites", cites.into()),
        ("contentVersion", CONTENT_VERSION.into()),
    ]);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("cyberscreen-outcome", &init)
    {
        let _ = root.dispatch_event(&event);
    }
    if let Some(origin) = parent_origin {
        let _ = js_sys::Reflect::set(&detail, &"type".into(), &"cyberscreen:outcome".into());
        post(origin, &detail);
    }
}

/// Tells the parent the height of the widget whenever it changes, so that
/// the host can size the iframe to its content, larger or smaller. It is the
/// height of `root`, from the top of the page, with the body's bottom margin:
/// the document's own height can never be less than the frame's, and a frame
/// sized to it would never shrink. Runs for the life of the page.
pub fn report_height(root: web_sys::Element, parent_origin: String) {
    let target = root.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let window = gloo::utils::window();
        let margin = gloo::utils::document()
            .body()
            .and_then(|body| window.get_computed_style(&body).ok().flatten())
            .and_then(|style| style.get_property_value("margin-bottom").ok())
            // Whole pixels: parsing a float would add kilobytes of code.
            .and_then(|value| value.split(['.', 'p']).next()?.parse::<u32>().ok())
            .map_or(0.0, f64::from);
        let bottom = target.get_bounding_client_rect().bottom() + window.scroll_y().unwrap_or(0.0);
        post(
            &parent_origin,
            &object(&[
                ("type", "cyberscreen:height".into()),
                ("height", (bottom + margin).ceil().into()),
            ]),
        );
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        callback.forget();
    }
}

/// Tells the parent where a new step's heading is, in pixels from the top of
/// the frame, so that it can scroll the heading into view below its own fixed
/// header, which only the host knows (scrolling from inside a frame cannot
/// see it). Sent once the new page is painted, after the height that page
/// posted: the host scrolls a frame already of its new size.
pub fn report_step(heading: web_sys::Element, parent_origin: String) {
    super::after_paint(move || {
        let top = heading.get_bounding_client_rect().top()
            + gloo::utils::window().scroll_y().unwrap_or(0.0);
        post(
            &parent_origin,
            &object(&[
                ("type", "cyberscreen:step".into()),
                ("top", top.floor().into()),
            ]),
        );
    });
}

/// Host-given theme values, set through the CSSOM (which a strict
/// style-src allows, unlike style attributes).
pub fn apply_theme(root: &web_sys::HtmlElement, theme: &[(&str, String)]) {
    for (property, value) in theme {
        let _ = root.style().set_property(property, value);
    }
}
