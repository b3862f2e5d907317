//! Component tests in a real browser (wasm-bindgen-test, headless Chromium):
//! the widget mounts, becomes ready, and walks from the start page through a
//! question, its error state and on.
#![cfg(target_arch = "wasm32")]

use cyberscreen::text::Lang;
use cyberscreen::ui::state::Startup;
use cyberscreen::ui::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::JsValue;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn mount() -> Element {
    // As on the widget's own page, which sets the document title.
    mount_with(Startup {
        owns_page: true,
        whole_document: true,
        ..Startup::plain(Lang::En)
    })
    .await
}

async fn mount_with(startup: Startup) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { startup }).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
}

/// Waits until the next frame is painted: the widget sets the page's title
/// and history entry then.
async fn painted() {
    // Queued behind what the widget left for after the paint, each of which
    // runs in a task of its own: this resolves once all of them have run.
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        cyberscreen::platform::after_paint(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
}

#[wasm_bindgen_test]
async fn becomes_ready_on_the_start_page() {
    let root = mount().await;
    let widget = find(&root, ".cs");
    assert_eq!(widget.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(widget.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        text(&root, "h1"),
        "Check if your product could be a cyber-surveillance item under EU export rules"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn continue_without_an_answer_shows_the_error_summary_then_moves_on() {
    let root = mount().await;
    click(&root, ".cs-button-start").await;
    assert_eq!(
        text(&root, "legend h1"),
        "What do you plan to do with the product?"
    );

    click(&root, "button[type=submit]").await;
    assert_eq!(text(&root, ".cs-error-summary h2"), "There is a problem");
    assert!(
        text(&root, ".cs-error-message")
            .contains("Select the answer that fits, or “I'm not sure” if you do not know")
    );
    painted().await;
    let doc = gloo::utils::document();
    assert!(doc.title().starts_with("Error: "), "{}", doc.title());

    click(&root, "input[value=export]").await;
    assert!(
        find(&root, "input[value=export]")
            .unchecked_into::<HtmlInputElement>()
            .checked()
    );
    click(&root, "button[type=submit]").await;
    assert!(root.query_selector(".cs-error-summary").unwrap().is_none());
    assert_eq!(text(&root, "legend h1"), "Where will the items go?");

    click(&root, ".cs-back").await;
    assert!(
        find(&root, "input[value=export]")
            .unchecked_into::<HtmlInputElement>()
            .checked(),
        "going back shows the earlier answer"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn an_outcome_carries_its_class_and_citations() {
    let root = mount().await;
    click(&root, ".cs-button-start").await;
    for answer in ["export", "other", "repression"] {
        click(&root, &format!("input[value={answer}]")).await;
        click(&root, "button[type=submit]").await;
    }
    assert_eq!(text(&root, "h1"), "This export needs an authorisation");
    click(&root, ".cs-interruption .cs-button").await;
    assert_eq!(
        text(&root, "h1"),
        "Check your answers before you see your result"
    );
    assert_eq!(
        root.query_selector_all(".cs-summary-row").unwrap().length(),
        3
    );
    click(&root, ".cs-check > .cs-button").await;
    // The page is marked once whole, after its top is painted.
    assert!(root.query_selector("[data-outcome]").unwrap().is_none());
    assert!(
        root.query_selector(".cs-outcome[aria-busy=true]")
            .unwrap()
            .is_some()
    );
    painted().await;
    yew::scheduler::flush().await;
    let outcome = find(&root, "[data-outcome]");
    assert!(outcome.get_attribute("aria-busy").is_none());
    assert_eq!(
        outcome.get_attribute("data-outcome").as_deref(),
        Some("ART5-LICENCE")
    );
    let cites = outcome.get_attribute("data-cites").unwrap();
    assert!(cites.split(' ').any(|c| c == "Art.5(1)"), "{cites}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_checklist_takes_several_items_or_one_answer_that_stands_alone() {
    let root = mount().await;
    click(&root, ".cs-button-start").await;
    for answer in ["export", "other", "no"] {
        click(&root, &format!("input[value={answer}]")).await;
        click(&root, "button[type=submit]").await;
    }
    assert_eq!(
        text(&root, "legend h1"),
        "What does the transaction include?"
    );
    let checked = |value: &str| {
        find(&root, &format!("input[value={value}]"))
            .unchecked_into::<HtmlInputElement>()
            .checked()
    };
    click(&root, "button[type=submit]").await;
    assert!(text(&root, ".cs-error-message").contains("Select every answer that applies"));
    click(&root, "input[value=software]").await;
    click(&root, "input[value=technology]").await;
    assert!(checked("software") && checked("technology"));
    click(&root, "input[value=not_sure]").await;
    assert!(
        checked("not_sure") && !checked("software") && !checked("technology"),
        "the answer that stands alone clears the items"
    );
    click(&root, "input[value=software]").await;
    assert!(checked("software") && !checked("not_sure"));
    assert_eq!(
        find(&root, "input[value=software]")
            .get_attribute("type")
            .as_deref(),
        Some("checkbox")
    );
    click(&root, "button[type=submit]").await;
    assert_eq!(
        text(&root, "legend h1"),
        "Which of these could describe the software, whatever it is used for?"
    );
    root.remove();
}

/// The next question takes over this one's elements, not what the reader
/// did with them: its help starts folded, a search left behind is gone
/// when the reader comes back to its question, and ticks do not carry over.
#[wasm_bindgen_test]
async fn a_question_starts_with_its_help_folded_and_no_search() {
    let root = mount().await;
    click(&root, ".cs-button-start").await;
    for answer in ["export", "other", "no", "software"] {
        click(&root, &format!("input[value={answer}]")).await;
        click(&root, "button[type=submit]").await;
    }
    let search = || find(&root, ".cs-search input").unchecked_into::<HtmlInputElement>();
    search().set_value("IMSI");
    search()
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert!(
        root.query_selector(".cs-checkbox[hidden]")
            .unwrap()
            .is_some(),
        "the search leaves out what does not match"
    );
    find(&root, "details").set_attribute("open", "").unwrap();

    click(&root, ".cs-back").await;
    assert_eq!(
        text(&root, "legend h1"),
        "What does the transaction include?"
    );
    assert!(!find(&root, "details").has_attribute("open"), "help folded");
    click(&root, "button[type=submit]").await;
    assert_eq!(search().value(), "");
    assert!(
        root.query_selector(".cs-checkbox[hidden]")
            .unwrap()
            .is_none(),
        "every description in view again"
    );
    // From ticked checkboxes back to radios: the answer given there shows.
    click(&root, ".cs-back").await;
    click(&root, ".cs-back").await;
    assert!(
        find(&root, "input[value=no]")
            .unchecked_into::<HtmlInputElement>()
            .checked()
    );
    root.remove();
}

/// The result page shows every fact of the report the Markdown record is
/// written from (the record's side: `the_record_carries_every_fact_…`).
#[wasm_bindgen_test]
async fn the_result_page_shows_every_fact_of_its_report() {
    use cyberscreen::rules::content::CONTENT_VERSION;
    use cyberscreen::rules::report::Report;
    use cyberscreen::rules::saved::Saved;
    use cyberscreen::ui::state::Source;
    // A listed IMSI catcher, with software, for a country under EU
    // sanctions other than a dual-use ban: a warning before the steps, and a
    // point after them (the software was not checked).
    let keys: [(&str, &[&str]); 8] = [
        ("activity", &["export"]),
        ("destination", &["sanctioned"]),
        ("authority-informed", &["no"]),
        ("aware-military", &["no"]),
        ("form", &["equipment", "software"]),
        ("screen-equipment", &["mobile"]),
        ("eq-mobile", &["identifiers"]),
        ("eq-mobile-excluded", &["no"]),
    ];
    let saved = Saved {
        version: CONTENT_VERSION.into(),
        lang: None,
        member_state: Some("DE".into()),
        at: Some("listed".into()),
        about: Default::default(),
        answers: keys
            .iter()
            .map(|(k, a)| ((*k).to_owned(), a.iter().map(|n| (*n).to_owned()).collect()))
            .collect(),
    };
    let report = Report::new(
        &saved.restore().answers,
        Lang::En,
        cyberscreen::rules::MemberState::from_code("DE"),
        &Default::default(),
    )
    .expect("an outcome");
    assert!(!report.warnings.is_empty() && !report.points.is_empty());
    let root = mount_with(Startup {
        saved: Some((Source::Link, Ok(saved))),
        ..Startup::plain(Lang::En)
    })
    .await;
    painted().await;
    yew::scheduler::flush().await;
    let page = find(&root, "[data-outcome=LISTED]")
        .text_content()
        .unwrap_or_default();
    for fact in report.facts() {
        assert!(page.contains(&fact), "the page lacks {fact:?}");
    }
    // The verdict, then the warning, then the steps, then whom to contact.
    let at = |selector: &str| find(&root, selector).get_bounding_client_rect().top();
    assert!(at("h1") < at(".cs-warning"));
    assert!(at(".cs-warning") < at(".cs-steps"));
    assert!(at(".cs-steps") < at("#cs-member-state"));
    assert!(at("#cs-member-state") < at(".cs-why"));
    root.remove();
}
