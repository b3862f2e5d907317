//! The choice of the user's Member State, whose authority grants
//! authorisations: asked before the result, and changeable on it.

use yew::prelude::*;

use crate::rules::MemberState;
use crate::text::{Lang, ui};

#[derive(Properties, PartialEq)]
pub struct MemberStateProps {
    pub lang: Lang,
    pub selected: Option<MemberState>,
    pub onchange: Callback<Option<MemberState>>,
}

#[function_component(MemberStateField)]
pub fn member_state_field(props: &MemberStateProps) -> Html {
    let t = |id| props.lang.text(id);
    let onchange = props.onchange.reform(|ev: Event| {
        let value = ev
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        MemberState::from_code(&value)
    });
    html! {
        <div class="cs-form-group cs-contact">
            <label class="cs-label" for="cs-member-state">{ t(ui::OUTCOME_STATE_LABEL) }</label>
            <div id="cs-member-state-hint" class="cs-hint">{ t(ui::OUTCOME_STATE_HINT) }</div>
            <select class="cs-select" id="cs-member-state" aria-describedby="cs-member-state-hint" {onchange}>
                <option value="" selected={props.selected.is_none()}>{ t(ui::OUTCOME_STATE_CHOOSE) }</option>
                { for MemberState::by_name(props.lang).map(|m| html! {
                    <option value={m.code()} selected={props.selected == Some(m)}>{ t(m.authority().state_name) }</option>
                }) }
            </select>
        </div>
    }
}
