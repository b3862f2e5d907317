//! "Remember my answers" on this device, and "Forget my answers" while they are.

use yew::prelude::*;

use super::hooks::Remembering;
use crate::text::{Lang, ui};

/// The box, ticked while the answers are remembered. A plain function rather
/// than a component: it holds no state.
pub fn remember_box(lang: Lang, remember: bool, remembering: Remembering) -> Html {
    let t = |id| lang.text(id);
    html! {
        <div class="cs-remember cs-no-print">
            <div class="cs-checkbox">
                <input class="cs-checkbox-input" type="checkbox" id="cs-remember" checked={remember}
                    aria-describedby="cs-remember-hint" onchange={remembering.onchange} />
                <label class="cs-checkbox-label" for="cs-remember">{ t(ui::STORAGE_REMEMBER) }</label>
                <div id="cs-remember-hint" class="cs-hint">{ t(ui::STORAGE_REMEMBER_HINT) }</div>
            </div>
            if remember {
                <button type="button" class="cs-link" onclick={remembering.onforget}>{ t(ui::STORAGE_FORGET) }</button>
            }
        </div>
    }
}
