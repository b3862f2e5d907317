//! Browser services, below the interface: everything that touches the
//! page outside Yew's rendering. Nothing here knows the interface or the
//! entry points that start it.

pub mod embed;
pub mod packs;
pub mod storage;

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::{JsCast, JsValue};
use yew::NodeRef;

/// Moves keyboard focus to an element the interface rendered.
pub fn focus(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Folds a `<details>` element the interface rendered: its open state is
/// the reader's, which a render leaves as it is.
pub fn fold(node: &NodeRef) {
    if let Some(el) = node.cast::<web_sys::Element>() {
        let _ = el.remove_attribute("open");
    }
}

/// Moves focus to the first element under `root` that matches `selector`;
/// inside a host's page, also scrolls it to the middle of the view if
/// something of the host (a sticky header, say) covers it where the browser
/// put it. On the widget's own page nothing can, and the check (a hit test
/// of the new page) is left out. Returns the element, if found.
pub fn focus_within(root: &NodeRef, selector: &str, in_host: bool) -> Option<web_sys::Element> {
    let el = root
        .cast::<web_sys::Element>()?
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    // A new question takes over the last one's heading: one still focused
    // (after the browser's Back, say) is left and focused again, for screen
    // readers to announce the new one.
    let focused: Option<web_sys::Element> = el.owner_document().and_then(|d| d.active_element());
    if focused.as_deref() == Some(&*el) {
        let _ = el.blur();
    }
    let _ = el.focus();
    if in_host && is_covered(&el) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }
    Some(el.into())
}

/// Whether the point at the start of `el` shows something else (within the
/// widget's document or shadow root).
fn is_covered(el: &web_sys::HtmlElement) -> bool {
    let rect = el.get_bounding_client_rect();
    let (x, y) = (rect.left() + 2.0, rect.top() + 2.0);
    let root = el.get_root_node();
    let top = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.element_from_point(x as f32, y as f32),
        None => gloo::utils::document().element_from_point(x as f32, y as f32),
    };
    match top {
        Some(top) => !el.contains(Some(&top)) && !top.contains(Some(el)),
        None => true,
    }
}

/// Runs `f` once the browser has painted the next frame: for work the user
/// does not see, which would otherwise hold back the new page.
pub fn after_paint(f: impl FnOnce() + 'static) {
    paint_then(Box::new(f));
}

thread_local! {
    /// What waits for the next frame, in the order asked.
    static FOR_FRAME: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
    /// What has seen its frame painted and waits for its turn.
    static PAINTED: RefCell<VecDeque<Box<dyn FnOnce()>>> = const { RefCell::new(VecDeque::new()) };
}

// One frame callback however many wait, so that the frame that paints the
// new page runs as little as possible before its paint; then one task for
// each, in order, so that what one of them has rendered is done before the
// next runs (an outcome is whole before the host hears of it).
fn paint_then(f: Box<dyn FnOnce()>) {
    let first = FOR_FRAME.with_borrow_mut(|waiting| {
        waiting.push(f);
        waiting.len() == 1
    });
    if first {
        let frame = wasm_bindgen::closure::Closure::once_into_js(|| {
            let painted = FOR_FRAME.take();
            let idle = PAINTED.with_borrow_mut(|ready| {
                let idle = ready.is_empty();
                ready.extend(painted);
                idle
            });
            if idle {
                run_next();
            }
        });
        let _ = gloo::utils::window().request_animation_frame(frame.unchecked_ref());
    }
}

// The next task runs the first that waits for its turn, then goes on.
fn run_next() {
    gloo::timers::callback::Timeout::new(0, || {
        if let Some(f) = PAINTED.with_borrow_mut(VecDeque::pop_front) {
            f();
        }
        if PAINTED.with_borrow(|ready| !ready.is_empty()) {
            run_next();
        }
    })
    .forget();
}

/// Runs `f` once `ms` milliseconds have passed, unless what this returns is
/// dropped first.
pub fn after(ms: u32, f: impl FnOnce() + 'static) -> Later {
    let f: Box<dyn FnOnce()> = Box::new(f);
    Later(gloo::timers::callback::Timeout::new(ms, f))
}

/// A call waiting its time: dropping it cancels the call.
pub struct Later(#[allow(dead_code)] gloo::timers::callback::Timeout);

pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

/// The moment now, on the user's clock.
pub fn now() -> crate::text::Moment {
    let d = js_sys::Date::new_0();
    crate::text::Moment {
        year: d.get_full_year(),
        month: d.get_month() + 1,
        day: d.get_date(),
        hour: d.get_hours(),
        minute: d.get_minutes(),
        // The browser gives minutes west of UTC.
        offset_minutes: -(d.get_timezone_offset() as i32),
    }
}

/// Offers `content` as a file to save. Made in the browser: nothing is sent.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    // The browser reads the blob after the click returns: release it later.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Puts `text` on the clipboard; false where the browser does not allow it
/// (an insecure context, or a frame without `clipboard-write`).
pub async fn copy_text(text: &str) -> bool {
    let navigator = gloo::utils::window().navigator();
    let Some(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(JsValue::is_object)
    else {
        return false;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Reads a file the user picked, up to `limit` bytes, as text. The returned
/// reader must be kept alive until `done` is called.
pub fn read_text(
    file: web_sys::File,
    limit: usize,
    done: impl FnOnce(Result<String, ReadError>) + 'static,
) -> Option<gloo::file::callbacks::FileReader> {
    let file = gloo::file::File::from(file);
    if file.size() > limit as u64 {
        done(Err(ReadError::TooLarge));
        return None;
    }
    Some(gloo::file::callbacks::read_as_text(&file, move |result| {
        done(result.map_err(|_| ReadError::Unreadable))
    }))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    TooLarge,
    Unreadable,
}

/// Browser history for the steps of the check. Entries carry the step in
/// their state only: the page's URL, which may be a host's, stays as it is.
pub mod history {
    use gloo::events::EventListener;
    use wasm_bindgen::{JsCast, JsValue};

    fn history() -> Option<web_sys::History> {
        gloo::utils::window().history().ok()
    }

    pub fn push(step: &str) {
        if let Some(h) = history() {
            let _ = h.push_state(&JsValue::from_str(step), "");
        }
    }

    /// Takes the fragment out of the current entry's address.
    pub fn drop_fragment() {
        let location = gloo::utils::window().location();
        let (Ok(path), Ok(query)) = (location.pathname(), location.search()) else {
            return;
        };
        if let Some(h) = history() {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
        }
    }

    pub fn replace(step: &str) {
        if let Some(h) = history() {
            let _ = h.replace_state(&JsValue::from_str(step), "");
        }
    }

    /// Calls `f` with the step of each entry the user goes back or forward to.
    pub fn listen(f: impl Fn(String) + 'static) -> EventListener {
        EventListener::new(&gloo::utils::window(), "popstate", move |event| {
            let step = event
                .dyn_ref::<web_sys::PopStateEvent>()
                .and_then(|e| e.state().as_string());
            if let Some(step) = step {
                f(step);
            }
        })
    }
}

/// The URL fragment the page was opened with, without the `#`.
pub fn fragment() -> String {
    let hash = gloo::utils::window().location().hash().unwrap_or_default();
    hash.strip_prefix('#').unwrap_or(&hash).to_owned()
}

/// This page's address without its fragment.
pub fn page_address() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// This page's address with `fragment` in place of its own.
pub fn link_with_fragment(fragment: &str) -> String {
    format!("{}#{fragment}", page_address())
}

/// `key=value` pairs of a URL fragment, with values percent-decoded.
pub fn fragment_pairs(fragment: &str) -> Vec<(String, String)> {
    fragment
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| {
            let v = js_sys::decode_uri_component(v).map_or_else(|_| v.to_owned(), String::from);
            (k.to_owned(), v)
        })
        .collect()
}

/// Reloads the page when its fragment changes to one that `reload` accepts
/// (a share link pasted into the open tab), for as long as the page lives.
pub fn on_fragment_change(reload: impl Fn(&str) -> bool + 'static) {
    let window = gloo::utils::window();
    gloo::events::EventListener::new(&window, "hashchange", move |_| {
        if reload(&fragment()) {
            let _ = gloo::utils::window().location().reload();
        }
    })
    .forget();
}

/// The origin of the page that frames this one, where the browser tells it
/// (`location.ancestorOrigins`, which Firefox lacks); read through `Reflect`
/// to spare a web-sys feature for one string.
pub fn framer_origin() -> Option<String> {
    let location = gloo::utils::window().location();
    let origins = js_sys::Reflect::get(&location, &"ancestorOrigins".into()).ok()?;
    js_sys::Reflect::get(&origins, &0.into()).ok()?.as_string()
}

/// Whether this page is shown inside another's frame.
pub fn in_frame() -> bool {
    let window = gloo::utils::window();
    window
        .parent()
        .ok()
        .flatten()
        .is_some_and(|parent| !js_sys::Object::is(&parent, &window))
}

#[cfg(test)]
mod tests {
    /// The layers' rule, as the compiler cannot see it within one crate:
    /// the browser services never reach up into the interface or the
    /// entry points that start it.
    #[test]
    fn nothing_here_imports_the_interface_or_the_entry_points() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/platform");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                // The code, without this test's own words.
                let code = source.split("#[cfg(test)]").next().unwrap();
                for layer in ["crate::ui", "crate::boot", "crate::{", "super::super"] {
                    assert!(!code.contains(layer), "{} names {layer}", path.display());
                }
                files += 1;
            }
        }
        assert!(files >= 4, "{files} files read");
    }
}
