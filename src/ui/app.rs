//! The widget's root: holds the state, keeps the browser's history in step,
//! moves focus on every step, and shows the page the state names.

use yew::prelude::*;

use super::check::CheckPage;
use super::interruption::InterruptionPage;
use super::notice::NoticeBanner;
use super::outcome::OutcomePage;
use super::question::QuestionPage;
use super::settings::Settings;
use super::share::ShareLink;
use super::start::StartPage;
use super::state::{Action, Notice, Page, Startup, State};
use crate::rules::content::node;
use crate::rules::saved::Saved;
use crate::text::{Lang, fill, ui};
use crate::web;
use crate::web::storage::{self, StorageError};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub startup: Startup,
}

fn page_title(state: &State) -> String {
    let lang = state.lang;
    let heading = match state.page {
        Page::Start => lang.text(ui::START_TITLE).to_owned(),
        Page::Check => lang.text(ui::CHECK_TITLE).to_owned(),
        Page::Outcome(_) => crate::rules::explain(&state.answers)
            .map(|e| crate::rules::report::outcome_title(lang, &e))
            .unwrap_or_default(),
        Page::Question(n) | Page::Interruption(n) => lang.text(node(n).title).to_owned(),
    };
    let title = format!("{heading} – {}", lang.text(ui::APP_NAME));
    if state.error {
        fill(lang.text(ui::QUESTION_ERROR_TITLE), &[("title", &title)])
    } else {
        title
    }
}

/// The history entries of the widget's own page: the page the current entry
/// names, and a page shown whose entry waits for the next paint.
#[derive(Default)]
struct Entries {
    current: Option<Page>,
    pending: Option<Page>,
}

impl Entries {
    fn push(&mut self, page: Page) {
        if self.current != Some(page) {
            web::history::push(page.step());
            self.current = Some(page);
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let startup = &props.startup;
    let state = use_reducer_eq(|| State::start(startup.clone()));
    let ready = use_state_eq(|| false);
    let root = use_node_ref();
    let entries = use_mut_ref(Entries::default);
    let mounted = use_mut_ref(|| false);
    let owns_page = startup.owns_page;
    let key = startup.storage_key.clone();
    let settings = startup.settings.clone();

    {
        let ready = ready.clone();
        let state = state.clone();
        let entries = entries.clone();
        let root = root.clone();
        let theme = settings.theme.clone();
        use_effect_with((), move |_| {
            ready.set(true);
            if let Some(root) = root.cast::<web_sys::HtmlElement>() {
                web::embed::apply_theme(&root, &theme);
            }
            let listener = owns_page.then(|| {
                web::history::listen(move |step| {
                    if let Some(page) = Page::from_step(&step) {
                        *entries.borrow_mut() = Entries {
                            current: Some(page),
                            pending: None,
                        };
                        state.dispatch(Action::GoTo(page));
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        // The tab's title names the step, in the user's language. Like the
        // history entry, it can wait until the page is painted.
        let title = page_title(&state);
        use_effect_with(title, move |title| {
            if owns_page {
                let title = title.clone();
                web::after_paint(move || web::set_title(&title));
            }
        });
    }
    {
        // Every step gets its own history entry, and focus goes to the new
        // heading (or the error summary) so that screen readers announce it.
        let root = root.clone();
        use_effect_with((state.page, state.error), move |&(page, error)| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            if owns_page {
                let mut e = entries.borrow_mut();
                if first {
                    web::history::replace(page.step());
                    e.current = Some(page);
                } else {
                    // Making an entry takes the browser a few milliseconds, so
                    // it waits until the new page is painted. A step still
                    // waiting for its entry gets it now: none is left out.
                    if let Some(earlier) = e.pending.replace(page) {
                        e.push(earlier);
                    }
                    let entries = entries.clone();
                    web::after_paint(move || {
                        let mut e = entries.borrow_mut();
                        if let Some(page) = e.pending.take() {
                            e.push(page);
                        }
                    });
                }
            }
            if !first {
                web::focus_within(
                    &root,
                    if error {
                        ".cs-error-summary"
                    } else {
                        ".cs-title"
                    },
                    !owns_page,
                );
            }
        });
    }
    {
        // Hosts may act on an outcome the user reaches: tell them which, and
        // on what basis. One the widget starts on (answers remembered on this
        // device, or a link) is not announced: a page that frames the widget
        // would learn it without the user doing anything.
        let root = root.clone();
        let answers = state.answers.clone();
        let parent = settings.parent_origin.clone();
        let started = use_mut_ref(|| false);
        use_effect_with(state.page, move |page| {
            let first = !std::mem::replace(&mut *started.borrow_mut(), true);
            if first {
                return;
            }
            if let (Page::Outcome(_), Some(e), Some(root)) = (
                page,
                crate::rules::explain(&answers),
                root.cast::<web_sys::Element>(),
            ) {
                web::embed::announce_outcome(
                    &root,
                    e.class.code(),
                    &e.cite_tokens(),
                    parent.as_deref(),
                );
            }
        });
    }

    // The answers as text: what is remembered on this device and shared by link.
    let encoded = Saved::of(
        &state.answers,
        state.lang.code(),
        state.member_state,
        Some(state.page.step()),
    )
    .encode();
    {
        let state = state.clone();
        let key = key.clone();
        use_effect_with(
            (encoded.clone(), state.remember),
            move |(encoded, remember)| {
                if *remember && storage::save(&key, encoded).is_err() {
                    state.dispatch(Action::SetRemember(false));
                    state.dispatch(Action::Notify(Notice::StorageFull));
                }
            },
        );
    }
    let onremember = {
        let state = state.clone();
        let encoded = encoded.clone();
        let key = key.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            if !on {
                // Unticking forgets; if the copy cannot be removed, the box
                // stays ticked, as the device still holds the answers.
                match storage::forget(&key) {
                    Ok(()) => state.dispatch(Action::SetRemember(false)),
                    Err(_) => state.dispatch(Action::Forgotten(false)),
                }
                return;
            }
            match storage::save(&key, &encoded) {
                Ok(()) => state.dispatch(Action::SetRemember(true)),
                Err(e) => {
                    state.dispatch(Action::SetRemember(false));
                    state.dispatch(Action::Notify(match e {
                        StorageError::Unavailable => Notice::StorageUnavailable,
                        StorageError::Full => Notice::StorageFull,
                    }));
                }
            }
        })
    };
    let onforget = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Forgotten(storage::forget(&key).is_ok()));
        })
    };
    // Only the pages that offer the link ask the browser for the page's address.
    let share = || {
        web::link_with_fragment(
            &Saved::of(
                &state.answers,
                state.lang.code(),
                state.member_state,
                Some("check"),
            )
            .encode(),
        )
    };

    let send = |make: fn(()) -> Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(make(())))
    };
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let onback = send(|_| Action::Back);
    let lang = state.lang;
    let page = match state.page {
        Page::Start => {
            html! { <StartPage {lang} onstart={send(|_| Action::Start)} ondispatch={dispatch.clone()} /> }
        }
        // Keyed by the node, so that each question gets inputs of its own:
        // reused ones could keep the checked state of the page before.
        Page::Question(n) => html! {
            <QuestionPage key={node(n).key} {lang} node={n} selected={state.selected} error={state.error}
                onselect={dispatch.reform(Action::Select)} ontoggle={dispatch.reform(Action::Toggle)}
                onconfirm={send(|_| Action::Confirm)} onback={onback.clone()} />
        },
        Page::Interruption(n) => html! {
            <InterruptionPage {lang} node={n} onproceed={send(|_| Action::Proceed)} onback={onback.clone()} />
        },
        Page::Check => html! {
            <>
                <CheckPage {lang} answers={state.answers.clone()} onchange={dispatch.reform(Action::Change)}
                    member_state={state.member_state} onmemberstate={dispatch.reform(Action::SetMemberState)}
                    oncontinue={send(|_| Action::SeeResult)} onback={onback.clone()} />
                if owns_page { <ShareLink {lang} link={share()} /> }
            </>
        },
        Page::Outcome(_) => html! { <>
            <OutcomePage state={(*state).clone()} onback={onback.clone()} onrestart={send(|_| Action::Restart)}
                onmemberstate={dispatch.reform(Action::SetMemberState)}
                onabout={dispatch.reform(|(field, value)| Action::SetAbout(field, value))} />
            if owns_page { <ShareLink {lang} link={share()} /> }
        </> },
    };
    // Another language: at once if its texts are here, else after fetching
    // its pack; the answers stay as they are either way.
    let onlang = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let Some(lang) = Lang::from_tag(&value) else {
                return;
            };
            if lang.is_available() {
                state.dispatch(Action::SetLang(lang));
                return;
            }
            state.dispatch(Action::LoadLang(lang));
            let state = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                state.dispatch(match web::packs::fetch(lang).await {
                    Ok(()) => Action::LangLoaded(lang),
                    Err(()) => Action::LangFailed(lang),
                });
            });
        })
    };
    let languages = web::packs::offered();
    let shown = state.loading.unwrap_or(lang);

    html! {
        <ContextProvider<Settings> context={settings}>
        <div class="cs" ref={root} lang={lang.code()} data-state={if *ready { "ready" } else { "loading" }}>
            if languages.len() > 1 {
                <div class="cs-toolbar">
                    <label class="cs-label-inline" for="cs-lang">{ lang.text(ui::APP_LANGUAGE) }</label>
                    <select id="cs-lang" class="cs-select" onchange={onlang} aria-describedby="cs-lang-status">
                        { for languages.iter().map(|l| html! {
                            <option value={l.code()} lang={l.code()} selected={*l == shown}>{ l.name() }</option>
                        }) }
                    </select>
                    <span id="cs-lang-status" class="cs-hint cs-lang-status" aria-live="polite">
                        if let Some(l) = state.loading {
                            { fill(lang.text(ui::APP_LANGUAGE_LOADING), &[("name", l.name())]) }
                        }
                    </span>
                </div>
            }
            if !state.notices.is_empty() {
                <NoticeBanner {lang} notices={state.notices.clone()} ondismiss={send(|_| Action::DismissNotices)} />
            }
            // The main landmark only where the widget is the page: a host has its own.
            <@{if owns_page { "main" } else { "div" }} class="cs-main">{ page }</@>
            <div class="cs-remember cs-no-print">
                <div class="cs-checkbox">
                    <input class="cs-checkbox-input" type="checkbox" id="cs-remember" checked={state.remember}
                        aria-describedby="cs-remember-hint" onchange={onremember} />
                    <label class="cs-checkbox-label" for="cs-remember">{ lang.text(ui::STORAGE_REMEMBER) }</label>
                    <div id="cs-remember-hint" class="cs-hint">{ lang.text(ui::STORAGE_REMEMBER_HINT) }</div>
                </div>
                if state.remember {
                    <button type="button" class="cs-link" onclick={onforget}>{ lang.text(ui::STORAGE_FORGET) }</button>
                }
            </div>
        </div>
        </ContextProvider<Settings>>
    }
}
