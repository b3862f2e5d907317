//! The start page: what the check is, for whom, and its legal basis.

use yew::prelude::*;

use crate::platform::{self, ReadError};
use crate::rules::content::DOCUMENTS;
use crate::rules::{json, record};
use crate::text::{Lang, ui};

use super::parts::{Heading, rich};
use super::state::{Action, Notice};

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    pub onstart: Callback<()>,
    /// Receives the outcome of importing a record.
    pub ondispatch: Callback<Action>,
}

#[function_component(StartPage)]
pub fn start_page(props: &StartProps) -> Html {
    let t = |id| props.lang.text(id);
    let onclick = props.onstart.reform(|_: MouseEvent| ());
    // The reader must live until the file is read.
    let reader = use_mut_ref(|| None);
    let onimport = {
        let ondispatch = props.ondispatch.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let ondispatch = ondispatch.clone();
            *reader.borrow_mut() = platform::read_text(file, json::MAX_LEN, move |result| {
                ondispatch.emit(match result {
                    Ok(text) => Action::Import(Box::new(record::import(&text))),
                    Err(ReadError::TooLarge) => Action::Notify(Notice::ImportTooLarge),
                    Err(ReadError::Unreadable) => Action::Notify(Notice::ImportUnreadable),
                })
            });
            input.set_value("");
        })
    };
    html! {
        <div class="cs-page">
            <Heading title=true>{ t(ui::START_TITLE) }</Heading>
            <p class="cs-lead">{ t(ui::START_LEAD) }</p>
            <p>{ t(ui::START_WHO) }</p>
            <p>{ t(ui::START_TIME) }</p>
            <Heading depth=1 class="cs-heading">{ t(ui::START_HAVE_HEADING) }</Heading>
            { rich(props.lang, ui::START_HAVE) }
            <p class="cs-privacy">{ t(ui::START_PRIVACY) }</p>
            <button type="button" class="cs-button cs-button-start" {onclick}>{ t(ui::START_START) }</button>
            <div class="cs-form-group cs-import">
                <label class="cs-label" for="cs-import">{ t(ui::IMPORT_LABEL) }</label>
                <div id="cs-import-hint" class="cs-hint">{ t(ui::IMPORT_HINT) }</div>
                <input class="cs-file" type="file" id="cs-import" accept=".json,application/json"
                    aria-describedby="cs-import-hint" onchange={onimport} />
            </div>
            <Heading depth=1 class="cs-heading">{ t(ui::START_SOURCES_HEADING) }</Heading>
            <ul class="cs-sources">
                { for DOCUMENTS.iter().map(|d| html! {
                    <li>
                        <a href={d.url} rel="noopener noreferrer" target="_blank">{ t(d.title) }</a>
                        <br />
                        <span class="cs-hint">{ t(d.version) }</span>
                    </li>
                }) }
            </ul>
            <p class="cs-hint">{ t(ui::START_NOT_ADVICE) }</p>
        </div>
    }
}
