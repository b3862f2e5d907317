//! Language packs in the browser: where each language's texts are (a file
//! of the widget's own, with its integrity hash), and fetching one when the
//! user switches language. The page's loader (or the custom element's
//! module) chose and loaded the first before the code started.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::rules::json::{self, Value};
use crate::text::{Lang, pack};

/// A pack's address and integrity hash.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Place {
    href: String,
    integrity: String,
}

thread_local! {
    static PLACES: RefCell<Vec<(Lang, Place)>> = const { RefCell::new(Vec::new()) };
}

/// The id of the page's JSON block that lists the packs (`index.html`,
/// `embed.html`).
const PAGE_LIST_ID: &str = "cyberscreen-packs";

/// Takes the packs' places from the page's list, if it has one (a host's
/// page with the custom element has not: its module calls `set_places`).
pub fn from_page() {
    if let Some(list) = gloo::utils::document().get_element_by_id(PAGE_LIST_ID) {
        set_places(&list.text_content().unwrap_or_default());
    }
}

/// Takes the packs' places from `{"de": {"href": …, "integrity": …}, …}`;
/// what is not of that shape is left out.
pub fn set_places(config: &str) {
    let Ok(Value::Object(fields)) = json::parse(config) else {
        return;
    };
    let places = fields
        .iter()
        .filter_map(|(code, v)| {
            let lang = Lang::from_tag(code)?;
            let href = v.get("href")?.as_str()?.to_owned();
            let integrity = v.get("integrity")?.as_str()?.to_owned();
            Some((lang, Place { href, integrity }))
        })
        .collect();
    PLACES.with(|p| *p.borrow_mut() = places);
}

/// Takes `text` as `lang`'s pack; whether it was one.
pub fn take(lang: Lang, text: &str) -> bool {
    pack::load(lang, text).is_ok()
}

/// The languages the user may switch to: those loaded, and those with a pack
/// to fetch.
pub fn offered() -> Vec<Lang> {
    Lang::ALL
        .iter()
        .copied()
        .filter(|l| l.is_available() || PLACES.with(|p| p.borrow().iter().any(|(x, _)| x == l)))
        .collect()
}

/// Fetches and loads `lang`'s pack from where the widget's files are, checked
/// against its integrity hash. The request carries nothing of the user's:
/// its address is fixed per language, with no query and no body.
pub async fn fetch(lang: Lang) -> Result<(), ()> {
    if lang.is_available() {
        return Ok(());
    }
    let place = PLACES.with(|p| {
        p.borrow()
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, place)| place.clone())
    });
    let place = place.ok_or(())?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_integrity(&place.integrity);
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let promise = gloo::utils::window().fetch_with_str_and_init(&place.href, &init);
    let response: web_sys::Response = JsFuture::from(promise)
        .await
        .map_err(drop)?
        .dyn_into()
        .map_err(drop)?;
    if !response.ok() {
        return Err(());
    }
    let text = JsFuture::from(response.text().map_err(drop)?)
        .await
        .map_err(drop)?;
    let text = text.as_string().ok_or(())?;
    if take(lang, &text) { Ok(()) } else { Err(()) }
}

/// The address of a file `name` of the widget's own, beside its packs: a
/// host's page has its own address, and the widget's files are elsewhere.
pub fn beside(name: &str) -> String {
    let dir = PLACES.with(|p| {
        p.borrow()
            .first()
            .map(|(_, place)| directory(&place.href).to_owned())
    });
    format!("{}{name}", dir.unwrap_or_default())
}

/// `href` up to and including its last `/`, or nothing for a bare name.
fn directory(href: &str) -> &str {
    href.rfind('/').map_or("", |i| &href[..=i])
}

#[cfg(test)]
mod tests {
    use super::directory;

    #[test]
    fn a_file_beside_the_packs_is_in_their_directory() {
        assert_eq!(directory("texts-de-0123.txt"), "");
        assert_eq!(
            directory("https://widget.example/v1/texts-de-0123.txt"),
            "https://widget.example/v1/"
        );
    }
}
