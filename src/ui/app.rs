//! The widget's root: holds the state, moves focus on every step, and shows
//! the page the state names.

use yew::prelude::*;

use super::interruption::InterruptionPage;
use super::outcome::OutcomePage;
use super::question::QuestionPage;
use super::start::StartPage;
use super::state::{Action, Page, State};
use crate::rules::content::node;
use crate::text::{Lang, fill, ui};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub lang: Lang,
}

fn page_title(state: &State) -> String {
    let lang = state.lang;
    let heading = match state.page {
        Page::Start => lang.text(ui::START_TITLE),
        Page::Question(n) | Page::Interruption(n) | Page::Outcome(n) => lang.text(node(n).title),
    };
    let title = format!("{heading} – {}", lang.text(ui::APP_NAME));
    if state.error {
        fill(lang.text(ui::QUESTION_ERROR_TITLE), &[("title", &title)])
    } else {
        title
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer_eq(|| State::new(props.lang));
    let ready = use_state_eq(|| false);
    let root = use_node_ref();
    let first_render = use_mut_ref(|| true);

    {
        let ready = ready.clone();
        use_effect_with((), move |_| ready.set(true));
    }
    {
        // On every step after the first, focus goes to the new heading, or to
        // the error summary, so that screen readers announce it.
        let root = root.clone();
        let title = page_title(&state);
        use_effect_with((state.page, state.error), move |(_, error)| {
            crate::web::set_title(&title);
            if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
                crate::web::focus_within(
                    &root,
                    if *error {
                        ".cs-error-summary"
                    } else {
                        ".cs-title"
                    },
                );
            }
        });
    }

    let send = |make: fn(()) -> Action| {
        let state = state.clone();
        Callback::from(move |()| state.dispatch(make(())))
    };
    let onback = send(|_| Action::Back);
    let lang = state.lang;
    let page = match state.page {
        Page::Start => html! { <StartPage {lang} onstart={send(|_| Action::Start)} /> },
        Page::Question(n) => {
            let dispatch = state.clone();
            html! {
                <QuestionPage {lang} node={n} selected={state.selected} error={state.error}
                    onselect={Callback::from(move |c| dispatch.dispatch(Action::Select(c)))}
                    onconfirm={send(|_| Action::Confirm)} onback={onback.clone()} />
            }
        }
        Page::Interruption(n) => html! {
            <InterruptionPage {lang} node={n} onproceed={send(|_| Action::Proceed)} onback={onback.clone()} />
        },
        Page::Outcome(_) => {
            let (s1, s2) = (state.clone(), state.clone());
            html! {
                <OutcomePage state={(*state).clone()} onback={onback.clone()} onrestart={send(|_| Action::Restart)}
                    onmemberstate={Callback::from(move |m| s1.dispatch(Action::SetMemberState(m)))}
                    onredflag={Callback::from(move |f| s2.dispatch(Action::ToggleRedFlag(f)))} />
            }
        }
    };
    let onlang = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(lang) = Lang::from_tag(&value) {
                state.dispatch(Action::SetLang(lang));
            }
        })
    };

    html! {
        <div class="cs" ref={root} lang={lang.code()} data-state={if *ready { "ready" } else { "loading" }}>
            if Lang::ALL.len() > 1 {
                <div class="cs-toolbar">
                    <label class="cs-label-inline" for="cs-lang">{ lang.text(ui::APP_LANGUAGE) }</label>
                    <select id="cs-lang" class="cs-select" onchange={onlang}>
                        { for Lang::ALL.iter().map(|l| html! {
                            <option value={l.code()} selected={*l == lang}>{ l.name() }</option>
                        }) }
                    </select>
                </div>
            }
            <main class="cs-main">{ page }</main>
        </div>
    }
}
