//! The start page: what the check is, for whom, and its legal basis.

use yew::prelude::*;

use crate::rules::content::{CONTENT_VERSION, DOCUMENTS};
use crate::text::{Lang, fill, ui};

use super::parts::rich;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    pub onstart: Callback<()>,
}

#[function_component(StartPage)]
pub fn start_page(props: &StartProps) -> Html {
    let t = |id| props.lang.text(id);
    let onclick = props.onstart.reform(|_: MouseEvent| ());
    html! {
        <div class="cs-page">
            <h1 class="cs-title" tabindex="-1">{ t(ui::START_TITLE) }</h1>
            <p class="cs-lead">{ t(ui::START_LEAD) }</p>
            <p>{ t(ui::START_WHO) }</p>
            <p>{ t(ui::START_TIME) }</p>
            <h2>{ t(ui::START_HAVE_HEADING) }</h2>
            { rich(props.lang, ui::START_HAVE) }
            <p class="cs-privacy">{ t(ui::START_PRIVACY) }</p>
            <button type="button" class="cs-button cs-button-start" {onclick}>{ t(ui::START_START) }</button>
            <h2>{ t(ui::START_SOURCES_HEADING) }</h2>
            <ul class="cs-sources">
                { for DOCUMENTS.iter().map(|d| html! {
                    <li>
                        <a href={d.url} rel="noopener noreferrer" target="_blank">{ t(d.title) }</a>
                        <br />
                        <span class="cs-hint">{ t(d.version) }</span>
                    </li>
                }) }
            </ul>
            <p class="cs-hint">{ fill(t(ui::START_RULES_VERSION), &[("version", CONTENT_VERSION)]) }</p>
            <p class="cs-hint">{ t(ui::START_NOT_ADVICE) }</p>
        </div>
    }
}
