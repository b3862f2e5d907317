//! Check your answers: every answer on the path, grouped by section, each
//! with a "Change" link; the Member State; then the result.

use yew::prelude::*;

use crate::rules::content::node;
use crate::rules::record::answered_by_section;
use crate::rules::{Answers, MemberState, NodeId};
use crate::text::{Lang, fill, ui};

use super::member_state::MemberStateField;
use super::parts::{BackLink, Heading};

#[derive(Properties, PartialEq)]
pub struct AnswerListProps {
    pub lang: Lang,
    pub answers: Answers,
    /// With it, each row has a "Change" link.
    #[prop_or_default]
    pub onchange: Option<Callback<NodeId>>,
    /// Under a heading of its own, the sections are one level lower.
    #[prop_or_default]
    pub nested: bool,
}

/// The answers as summary lists, one per section.
#[function_component(AnswerList)]
pub fn answer_list(props: &AnswerListProps) -> Html {
    let lang = props.lang;
    let t = |id| lang.text(id);
    html! {
        <div class="cs-answers">
            { for answered_by_section(&props.answers).into_iter().map(|(title, rows)| html! {
                <>
                    <Heading depth={if props.nested { 2 } else { 1 }} class="cs-answers-section">{ t(title) }</Heading>
                    <dl class="cs-summary">
                        { for rows.into_iter().map(|(n, a)| {
                            let q = node(n);
                            let label = q.answer_text(lang, &a);
                            html! {
                                <div class="cs-summary-row">
                                    <dt class="cs-summary-key">{ t(q.point()) }</dt>
                                    <dd class="cs-summary-value">{ label }</dd>
                                    if let Some(onchange) = &props.onchange {
                                        <dd class="cs-summary-actions">
                                            <button type="button" class="cs-link" onclick={onchange.reform(move |_: MouseEvent| n)}>
                                                { t(ui::CHECK_CHANGE) }
                                                <span class="cs-visually-hidden">
                                                    { " " }{ fill(t(ui::CHECK_CHANGE_HIDDEN), &[("question", t(q.point()))]) }
                                                </span>
                                            </button>
                                        </dd>
                                    }
                                </div>
                            }
                        }) }
                    </dl>
                </>
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckProps {
    pub lang: Lang,
    pub answers: Answers,
    pub onchange: Callback<NodeId>,
    pub member_state: Option<MemberState>,
    pub onmemberstate: Callback<Option<MemberState>>,
    pub oncontinue: Callback<()>,
    pub onback: Callback<()>,
}

#[function_component(CheckPage)]
pub fn check_page(props: &CheckProps) -> Html {
    let lang = props.lang;
    let onclick = props.oncontinue.reform(|_: MouseEvent| ());
    html! {
        <div class="cs-page cs-check">
            <BackLink {lang} onback={props.onback.clone()} />
            <Heading title=true>{ lang.text(ui::CHECK_TITLE) }</Heading>
            <AnswerList {lang} answers={props.answers.clone()} onchange={props.onchange.clone()} />
            // Asked here, so that the result names the authority to contact.
            <MemberStateField {lang} selected={props.member_state} onchange={props.onmemberstate.clone()} />
            <button type="button" class="cs-button" {onclick}>{ lang.text(ui::CHECK_CONTINUE) }</button>
        </div>
    }
}
