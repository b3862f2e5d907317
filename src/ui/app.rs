//! The widget's root: holds the state, wires the hooks that keep the browser
//! in step with it, and shows the page the state names.

use yew::prelude::*;

use super::check::CheckPage;
use super::footer::footer;
use super::hooks::{
    use_document_title, use_outcome_announcement, use_ready, use_remembered, use_step_history,
};
use super::interruption::InterruptionPage;
use super::language;
use super::notice::NoticeBanner;
use super::outcome::OutcomePage;
use super::prepared::use_made_ahead;
use super::question::QuestionPage;
use super::remember::remember_box;
use super::settings::Settings;
use super::share::{self, ShareLink};
use super::start::StartPage;
use super::state::{Action, Page, Startup, State};
use crate::platform::packs;
use crate::text::ui;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub startup: Startup,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let Startup {
        owns_page,
        whole_document,
        settings,
        storage_key,
        ..
    } = &props.startup;
    let (owns_page, whole_document) = (*owns_page, *whole_document);
    let state = use_reducer_eq(|| State::start(props.startup.clone()));
    let root = use_node_ref();
    let ready = use_ready(&root, &settings.theme);
    // First of what waits for the paint: "See the result" may come at once.
    use_made_ahead(&state);
    use_step_history(&state, &root, owns_page, settings.parent_origin.clone());
    use_document_title(&state, owns_page);
    use_outcome_announcement(&state, &root, settings.parent_origin.clone());
    let remembering = use_remembered(&state, storage_key.as_deref());
    let onlang = language::switch(&state);

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
    // Only the pages that offer the link ask the browser for the page's address.
    let share = || {
        html! { if owns_page {
            <ShareLink {lang} link={share::link(&state, false)}
                with_about={(!state.about.is_empty()).then(|| share::link(&state, true))} />
        } }
    };
    let page = match state.page {
        Page::Start => {
            html! { <StartPage {lang} onstart={send(|_| Action::Start)} ondispatch={dispatch.clone()} /> }
        }
        // Not keyed: the next question takes over this one's elements, which
        // costs less than building its page anew. What belongs to one
        // question (its inputs, its search, its unfolded help) starts again
        // on the next.
        Page::Question(n) => html! {
            <QuestionPage {lang} node={n} selected={state.selected} error={state.error}
                onselect={dispatch.reform(Action::Select)} ontoggle={dispatch.reform(Action::Toggle)}
                onconfirm={send(|_| Action::Confirm)} onback={onback.clone()}
                onsave={storage_key.is_some().then(|| remembering.onsave.clone())}
                saved={state.saved_here()} />
        },
        Page::Interruption(n) => html! {
            <InterruptionPage {lang} node={n} onproceed={send(|_| Action::Proceed)} onback={onback.clone()} />
        },
        Page::Check => html! { <>
            <CheckPage {lang} answers={state.answers.clone()} onchange={dispatch.reform(Action::Change)}
                member_state={state.member_state} onmemberstate={dispatch.reform(Action::SetMemberState)}
                oncontinue={send(|_| Action::SeeResult)} onback={onback.clone()} />
            { share() }
        </> },
        Page::Outcome(_) => html! { <>
            <OutcomePage state={(*state).clone()} onback={onback.clone()}
                onmemberstate={dispatch.reform(Action::SetMemberState)}
                onabout={dispatch.reform(|(field, value)| Action::SetAbout(field, value))} />
            { share() }
            // Last, after the link that keeps these answers.
            <div class="cs-restart cs-no-print">
                <button type="button" class="cs-button cs-button-secondary"
                    onclick={send(|_| Action::Restart).reform(|_: MouseEvent| ())}>{ lang.text(ui::OUTCOME_RESTART) }</button>
            </div>
        </> },
    };
    let offered = packs::offered();

    html! {
        <ContextProvider<Settings> context={settings.clone()}>
        <div class="cs" ref={root} lang={lang.code()} data-state={if ready { "ready" } else { "loading" }}>
            // The main landmark only where the widget is the whole document (a
            // host has its own), around all it shows: nothing is left outside
            // a landmark.
            <@{if whole_document { "main" } else { "div" }} class="cs-main">
                if offered.len() > 1 {
                    { language::picker(lang, state.loading, &offered, &onlang) }
                }
                if !state.notices.is_empty() {
                    <NoticeBanner {lang} notices={state.notices.clone()} ondismiss={send(|_| Action::DismissNotices)} />
                }
                { page }
                if let Some(key) = storage_key {
                    { remember_box(&state, key, remembering) }
                }
                { footer(lang) }
            </@>
        </div>
        </ContextProvider<Settings>>
    }
}
