//! One question per page, GOV.UK style: the question is the heading and the
//! legend; a hint; the answers; help in the same place on every step.

use yew::prelude::*;

use crate::rules::content::node;
use crate::rules::{Choice, NodeId};
use crate::text::{Lang, ui};

use super::parts::{BackLink, Heading, cites, rich};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub lang: Lang,
    pub node: NodeId,
    pub selected: Option<Choice>,
    pub error: bool,
    pub onselect: Callback<Choice>,
    pub onconfirm: Callback<()>,
    pub onback: Callback<()>,
}

#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionProps) -> Html {
    let lang = props.lang;
    let t = |id| lang.text(id);
    let n = node(props.node);
    let first_radio = use_node_ref();
    let Some(q) = n.question() else {
        return Html::default();
    };
    let base = format!("cs-{}", n.key);
    let hint_id = format!("{base}-hint");
    let error_id = format!("{base}-error");
    let described_by = if props.error {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    let onsubmit = props.onconfirm.reform(|e: SubmitEvent| e.prevent_default());
    // The click is handled before the form would submit, so that "Continue"
    // (and Enter, which clicks it) also works in a frame sandboxed without
    // allow-forms, where submission is blocked.
    let onclick = props.onconfirm.reform(|e: MouseEvent| e.prevent_default());
    // The summary's link moves focus to the answers without touching the URL,
    // which may belong to a host page.
    let onerrorlink = {
        let first_radio = first_radio.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            crate::web::focus(&first_radio);
        })
    };

    html! {
        <div class="cs-page">
            <BackLink {lang} onback={props.onback.clone()} />
            if props.error {
                <div class="cs-error-summary" role="alert" tabindex="-1" aria-labelledby={format!("{base}-error-summary")}>
                    <Heading depth=1 id={format!("{base}-error-summary")} class="cs-error-summary-title">{ t(ui::QUESTION_ERROR_SUMMARY) }</Heading>
                    <ul class="cs-error-summary-list">
                        <li><a href={format!("#{base}-0")} onclick={onerrorlink}>{ t(ui::QUESTION_ERROR_SELECT) }</a></li>
                    </ul>
                </div>
            }
            <form class="cs-form" novalidate=true {onsubmit}>
                <div class={classes!("cs-form-group", props.error.then_some("cs-form-group-error"))}>
                    <fieldset class="cs-fieldset" aria-describedby={described_by}>
                        <legend class="cs-legend">
                            <Heading title=true>{ t(n.title) }</Heading>
                        </legend>
                        <div id={hint_id} class="cs-hint">{ t(q.hint) }</div>
                        if props.error {
                            <p id={error_id} class="cs-error-message">
                                <span class="cs-visually-hidden">{ t(ui::QUESTION_ERROR_PREFIX) }</span>
                                { " " }{ t(ui::QUESTION_ERROR_SELECT) }
                            </p>
                        }
                        <div class="cs-radios">
                            { for q.options.iter().enumerate().map(|(i, opt)| {
                                let id = format!("{base}-{i}");
                                let choice = opt.choice;
                                let onchange = props.onselect.reform(move |_: Event| choice);
                                let node_ref = if i == 0 { first_radio.clone() } else { NodeRef::default() };
                                let opt_hint_id = format!("{id}-hint");
                                html! {
                                    <div class={classes!("cs-radio", (choice == Choice::NotSure).then_some("cs-radio-unsure"))}>
                                        <input class="cs-radio-input" type="radio" id={id.clone()} name={base.clone()}
                                            value={choice.key()} checked={props.selected == Some(choice)}
                                            aria-describedby={opt.hint.map(|_| opt_hint_id.clone())}
                                            ref={node_ref} {onchange} />
                                        <label class="cs-radio-label" for={id}>{ t(opt.label) }</label>
                                        if let Some(h) = opt.hint {
                                            <div id={opt_hint_id} class="cs-hint cs-radio-hint">{ t(h) }</div>
                                        }
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
                <details class="cs-details">
                    <summary class="cs-details-summary">{ t(ui::QUESTION_HELP) }</summary>
                    <div class="cs-details-text">
                        if let Some(help) = q.help { { rich(lang, help) } }
                        if let Some(f) = q.falls_in {
                            <Heading depth=1 class="cs-small-heading">{ t(ui::QUESTION_FALLS_IN) }</Heading>
                            { rich(lang, f) }
                        }
                        if let Some(f) = q.falls_out {
                            <Heading depth=1 class="cs-small-heading">{ t(ui::QUESTION_FALLS_OUT) }</Heading>
                            { rich(lang, f) }
                        }
                        <Heading depth=1 class="cs-small-heading">{ t(ui::QUESTION_LEGAL_BASIS) }</Heading>
                        { cites(lang, &n.basis()) }
                    </div>
                </details>
                <button type="submit" class="cs-button" {onclick}>{ t(ui::QUESTION_CONTINUE) }</button>
            </form>
        </div>
    }
}
