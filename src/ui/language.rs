//! The choice of language, above the widget, where there is more than one,
//! and switching to another.

use yew::prelude::*;

use super::state::{Action, State};
use crate::platform::packs;
use crate::text::{Lang, fill, ui};

/// The language list: `lang` is the page's, `loading` one whose texts are
/// being fetched (shown as chosen meanwhile). A plain function rather than a
/// component: it holds no state, and a component costs code in every build.
pub fn picker(
    lang: Lang,
    loading: Option<Lang>,
    offered: &[Lang],
    onchange: &Callback<Lang>,
) -> Html {
    let onchange = {
        let chosen = onchange.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(l) = Lang::from_tag(&value) {
                chosen.emit(l);
            }
        })
    };
    let shown = loading.unwrap_or(lang);
    html! {
        <div class="cs-toolbar">
            <label class="cs-label-inline" for="cs-lang">{ lang.text(ui::APP_LANGUAGE) }</label>
            <select id="cs-lang" class="cs-select" {onchange} aria-describedby="cs-lang-status">
                { for offered.iter().map(|l| html! {
                    <option value={l.code()} lang={l.code()} selected={*l == shown}>{ l.name() }</option>
                }) }
            </select>
            <span id="cs-lang-status" class="cs-hint cs-lang-status" aria-live="polite">
                if let Some(l) = loading {
                    { fill(lang.text(ui::APP_LANGUAGE_LOADING), &[("name", l.name())]) }
                }
            </span>
        </div>
    }
}

/// Another language: at once if its texts are here, else after fetching its
/// pack; the answers stay as they are either way.
pub fn switch(state: &UseReducerHandle<State>) -> Callback<Lang> {
    let state = state.clone();
    Callback::from(move |lang: Lang| {
        if lang.is_available() {
            state.dispatch(Action::SetLang(lang));
            return;
        }
        state.dispatch(Action::LoadLang(lang));
        let state = state.clone();
        wasm_bindgen_futures::spawn_local(async move {
            state.dispatch(match packs::fetch(lang).await {
                Ok(()) => Action::LangLoaded(lang),
                Err(()) => Action::LangFailed(lang),
            });
        });
    })
}
