//! "Remember my answers" on this device, and "Forget my answers" while the
//! device holds them.

use yew::prelude::*;

use super::hooks::Remembering;
use super::state::{Device, State};
use crate::text::{fill, ui};

/// The box, ticked while the answers are remembered; where the device holds
/// something the check cannot read, ticking it first asks whether to
/// replace that. A plain function rather than a component: it holds no state.
pub fn remember_box(state: &State, key: &str, remembering: Remembering) -> Html {
    let t = |id| state.lang.text(id);
    html! {
        <div class="cs-remember cs-no-print">
            <div class="cs-checkbox">
                <input class="cs-checkbox-input" type="checkbox" id="cs-remember" checked={state.remember}
                    aria-describedby="cs-remember-hint" onchange={remembering.onchange} />
                <label class="cs-checkbox-label" for="cs-remember">{ t(ui::STORAGE_REMEMBER) }</label>
                <div id="cs-remember-hint" class="cs-hint">{ t(ui::STORAGE_REMEMBER_HINT) }</div>
            </div>
            if state.replacing {
                <div class="cs-replace" role="alert">
                    <p>{ fill(t(ui::STORAGE_REPLACE_QUESTION), &[("name", key)]) }</p>
                    <div class="cs-button-group">
                        <button type="button" class="cs-button cs-button-secondary" onclick={remembering.onreplace}>{ t(ui::STORAGE_REPLACE) }</button>
                        <button type="button" class="cs-link" onclick={remembering.onkeep}>{ t(ui::STORAGE_KEEP) }</button>
                    </div>
                </div>
            }
            if state.remember || state.device == Device::Answers {
                <button type="button" class="cs-link" onclick={remembering.onforget}>{ t(ui::STORAGE_FORGET) }</button>
            }
        </div>
    }
}
