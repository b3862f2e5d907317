//! What the widget's own pages show before the code runs is rendered from
//! the same components and text tables: the start page in each language, so
//! that it can be read while the code loads, and the message for when the
//! code cannot start.
//! With CYBERSCREEN_BLESS=1 in the environment, the test writes them there.

use cyberscreen::text::Lang;
use cyberscreen::ui::failure::failure_template;
use cyberscreen::ui::state::Startup;
use cyberscreen::ui::{App, AppProps};

const INDEX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
/// The start page of each language but English, made from the components.
const START_PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/boot/start");

/// Replaces what stands between `open` and `close` in `page`.
fn with_region(page: &str, open: &str, close: &str, content: &str) -> String {
    let start = page
        .find(open)
        .unwrap_or_else(|| panic!("index.html lacks {open}"))
        + open.len();
    let end = start
        + page[start..]
            .find(close)
            .unwrap_or_else(|| panic!("index.html lacks {close}"));
    format!("{}{content}{}", &page[..start], &page[end..])
}

/// The start page in `lang`, as the widget's own page first shows it.
async fn start_page(lang: Lang) -> String {
    let startup = Startup {
        owns_page: true,
        whole_document: true,
        ..Startup::plain(lang)
    };
    let page = yew::LocalServerRenderer::<App>::with_props(AppProps { startup })
        .hydratable(false)
        .render()
        .await;
    assert!(page.contains("data-state=\"loading\""), "{page}");
    page
}

/// Writes `fresh` to `path` with CYBERSCREEN_BLESS set, else checks that
/// the file holds it.
fn bless_or_check(path: &str, current: Option<&str>, fresh: &str) {
    if std::env::var_os("CYBERSCREEN_BLESS").is_some() {
        std::fs::write(path, fresh).unwrap();
        return;
    }
    assert!(
        current == Some(fresh),
        "{path} is stale: run `make tree` and commit the result"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn index_html_holds_the_start_page_and_the_failure_message() {
    let index = std::fs::read_to_string(INDEX).unwrap();
    let fresh = with_region(
        &index,
        "<div id=\"cyberscreen\" class=\"cs-host\">",
        "</div>\n  <template id=\"cyberscreen-failed\">",
        &start_page(Lang::En).await,
    );
    let fresh = with_region(
        &fresh,
        "<template id=\"cyberscreen-failed\">",
        "</template>",
        &failure_template(),
    );
    bless_or_check(INDEX, Some(&index), &fresh);
}

/// The other languages' start pages, which the build puts into a page of
/// their own (`index.<lang>.html`), so that a reader sees their language
/// from the first paint.
#[tokio::test(flavor = "current_thread")]
async fn each_language_has_its_start_page() {
    for lang in Lang::ALL.iter().filter(|l| **l != Lang::En) {
        let path = format!("{START_PAGES}/{}.html", lang.code());
        let current = std::fs::read_to_string(&path).ok();
        let fresh = start_page(*lang).await + "\n";
        bless_or_check(&path, current.as_deref(), &fresh);
    }
}
