//! The start page is in `index.html` as served, rendered from the same
//! component with the same texts, so that it shows while the code loads.
//! With CYBERSCREEN_BLESS=1 in the environment, the test writes it there.
#![cfg(not(target_arch = "wasm32"))]

use cyberscreen::text::Lang;
use cyberscreen::ui::state::Startup;
use cyberscreen::ui::{App, AppProps};

const OPEN: &str = "<div id=\"cyberscreen\" class=\"cs-host\">";
const CLOSE: &str = "</div>\n  <template id=\"cyberscreen-failed\">";

#[tokio::test(flavor = "current_thread")]
async fn index_html_holds_the_start_page() {
    let startup = Startup {
        owns_page: true,
        ..Startup::plain(Lang::En)
    };
    let html = yew::LocalServerRenderer::<App>::with_props(AppProps { startup })
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("data-state=\"loading\""), "{html}");

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
    let index = std::fs::read_to_string(path).unwrap();
    let start = index.find(OPEN).expect("index.html has the mount point") + OPEN.len();
    let end = start
        + index[start..]
            .find(CLOSE)
            .expect("index.html has the failure template");
    if std::env::var_os("CYBERSCREEN_BLESS").is_some() {
        let fresh = format!("{}{html}{}", &index[..start], &index[end..]);
        std::fs::write(path, fresh).unwrap();
        return;
    }
    assert!(
        index[start..end] == html,
        "index.html's start page is stale: run `make tree` and commit the result"
    );
}
