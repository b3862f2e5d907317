//! A stop the law imposes whatever follows, as a GOV.UK interruption card:
//! the page's colour changes so that the reader notices it is not one more
//! question.

use yew::prelude::*;

use crate::rules::StopNode;
use crate::text::{Lang, ui};

use super::parts::{BackLink, Heading, any_marked, cites, marks_note, rich};

#[derive(Properties, PartialEq)]
pub struct InterruptionProps {
    pub lang: Lang,
    pub node: StopNode,
    pub onproceed: Callback<()>,
    pub onback: Callback<()>,
}

#[function_component(InterruptionPage)]
pub fn interruption_page(props: &InterruptionProps) -> Html {
    let lang = props.lang;
    let n = props.node.node();
    let body = props.node.body();
    let onclick = props.onproceed.reform(|_: MouseEvent| ());
    html! {
        <div class="cs-page cs-interruption">
            <BackLink {lang} onback={props.onback.clone()} />
            <div class="cs-interruption-card">
                <Heading title=true>{ lang.text(n.title) }</Heading>
                { rich(lang, body) }
                { cites(lang, n.cites) }
                if any_marked(n.cites) { { marks_note(lang) } }
                <button type="button" class="cs-button cs-button-inverse" {onclick}>{ lang.text(ui::INTERRUPTION_CONTINUE) }</button>
            </div>
        </div>
    }
}
