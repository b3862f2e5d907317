//! The share link: the answers in the URL fragment, which browsers never send.

use yew::prelude::*;

use super::parts::Heading;

use crate::text::{Lang, ui};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub lang: Lang,
    pub link: String,
}

#[function_component(ShareLink)]
pub fn share_link(props: &ShareProps) -> Html {
    let t = |id| props.lang.text(id);
    html! {
        <div class="cs-share cs-no-print">
            <Heading depth=1 class="cs-heading">{ t(ui::SHARE_HEADING) }</Heading>
            <label class="cs-label" for="cs-share-link">{ t(ui::SHARE_LABEL) }</label>
            <div id="cs-share-hint" class="cs-hint">{ t(ui::SHARE_HINT) }</div>
            <input class="cs-input" type="text" id="cs-share-link" readonly=true
                aria-describedby="cs-share-hint" value={props.link.clone()} />
        </div>
    }
}
