//! The choice of the user's Member State, whose authority grants
//! authorisations: asked before the result, and changeable on it.

use yew::prelude::*;

use crate::rules::Authority;
use crate::rules::content::AUTHORITIES;
use crate::text::{Lang, ui};

#[derive(Properties, PartialEq)]
pub struct MemberStateProps {
    pub lang: Lang,
    pub selected: Option<&'static str>,
    pub onchange: Callback<Option<&'static str>>,
}

/// The Member States with an authority, in the order of their names in the
/// reader's language.
fn states_by_name(lang: Lang) -> impl Iterator<Item = &'static Authority> {
    lang.states_by_name()
        .iter()
        .map(|&i| &AUTHORITIES[usize::from(i)])
}

#[function_component(MemberStateField)]
pub fn member_state_field(props: &MemberStateProps) -> Html {
    let t = |id| props.lang.text(id);
    let onchange = props.onchange.reform(|ev: Event| {
        let value = ev
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        AUTHORITIES
            .iter()
            .find(|a| a.state == value)
            .map(|a| a.state)
    });
    html! {
        <div class="cs-form-group cs-contact">
            <label class="cs-label" for="cs-member-state">{ t(ui::OUTCOME_STATE_LABEL) }</label>
            <div id="cs-member-state-hint" class="cs-hint">{ t(ui::OUTCOME_STATE_HINT) }</div>
            <select class="cs-select" id="cs-member-state" aria-describedby="cs-member-state-hint" {onchange}>
                <option value="" selected={props.selected.is_none()}>{ t(ui::OUTCOME_STATE_CHOOSE) }</option>
                { for states_by_name(props.lang).map(|a| html! {
                    <option value={a.state} selected={props.selected == Some(a.state)}>{ t(a.state_name) }</option>
                }) }
            </select>
        </div>
    }
}
