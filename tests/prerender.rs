//! What `index.html` shows before the code runs is rendered from the same
//! components and text tables: the start page, so that it can be read while
//! the code loads, and the message for when the code cannot start.
//! With CYBERSCREEN_BLESS=1 in the environment, the test writes them there.
#![cfg(not(target_arch = "wasm32"))]

use cyberscreen::text::Lang;
use cyberscreen::ui::failure::failure_template;
use cyberscreen::ui::state::Startup;
use cyberscreen::ui::{App, AppProps};

const INDEX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");

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

#[tokio::test(flavor = "current_thread")]
async fn index_html_holds_the_start_page_and_the_failure_message() {
    let startup = Startup {
        owns_page: true,
        ..Startup::plain(Lang::En)
    };
    let start_page = yew::LocalServerRenderer::<App>::with_props(AppProps { startup })
        .hydratable(false)
        .render()
        .await;
    assert!(
        start_page.contains("data-state=\"loading\""),
        "{start_page}"
    );

    let index = std::fs::read_to_string(INDEX).unwrap();
    let fresh = with_region(
        &index,
        "<div id=\"cyberscreen\" class=\"cs-host\">",
        "</div>\n  <template id=\"cyberscreen-failed\">",
        &start_page,
    );
    let fresh = with_region(
        &fresh,
        "<template id=\"cyberscreen-failed\">",
        "</template>",
        &failure_template(),
    );
    if std::env::var_os("CYBERSCREEN_BLESS").is_some() {
        std::fs::write(INDEX, fresh).unwrap();
        return;
    }
    assert!(
        index == fresh,
        "index.html is stale: run `make tree` and commit the result"
    );
}
