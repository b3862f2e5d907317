//! The share link: the answers in the URL fragment, which browsers never
//! send; with a button that copies it and says so.

use yew::prelude::*;

use super::parts::Heading;
use super::state::State;

use crate::platform;
use crate::rules::saved::Saved;
use crate::text::{Lang, ui};

/// This page's address with the answers in its fragment, opening on the
/// check-your-answers page; with what the check is about if `about`.
pub fn link(state: &State, about: bool) -> String {
    let saved = Saved::of(
        &state.answers,
        state.lang.code(),
        state.member_state,
        Some("check"),
    );
    let saved = if about {
        saved.with_about(&state.about)
    } else {
        saved
    };
    platform::link_with_fragment(&saved.encode())
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub lang: Lang,
    pub link: String,
    /// The link with what the check is about, where the user filled any of
    /// it in: offered, never chosen for them.
    #[prop_or_default]
    pub with_about: Option<String>,
}

/// What the last press of "Copy link" did.
#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Done,
    Refused,
}

#[function_component(ShareLink)]
pub fn share_link(props: &ShareProps) -> Html {
    let t = |id| props.lang.text(id);
    let copied = use_state_eq(|| Copied::Not);
    let about = use_state_eq(|| false);
    let input = use_node_ref();
    let link = match &props.with_about {
        Some(with_about) if *about => with_about.clone(),
        _ => props.link.clone(),
    };
    {
        // A new link is not the one copied.
        let copied = copied.clone();
        use_effect_with(link.clone(), move |_| copied.set(Copied::Not));
    }
    let ontoggle = {
        let about = about.clone();
        Callback::from(move |_: Event| about.set(!*about))
    };
    let oncopy = {
        let (copied, input, link) = (copied.clone(), input.clone(), link.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, input, link) = (copied.clone(), input.clone(), link.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if platform::copy_text(&link).await {
                    copied.set(Copied::Done);
                } else {
                    // Selected, the link is one key press from the clipboard.
                    if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                        let _ = el.focus();
                        el.select();
                    }
                    copied.set(Copied::Refused);
                }
            });
        })
    };
    html! {
        <div class="cs-share cs-no-print">
            <Heading depth=1 class="cs-heading">{ t(ui::SHARE_HEADING) }</Heading>
            <label class="cs-label" for="cs-share-link">{ t(ui::SHARE_LABEL) }</label>
            <div id="cs-share-hint" class="cs-hint">{ t(ui::SHARE_HINT) }</div>
            <input ref={input} class="cs-input" type="text" id="cs-share-link" readonly=true
                aria-describedby="cs-share-hint" value={link} />
            if props.with_about.is_some() {
                <div class="cs-checkbox cs-share-about">
                    <input class="cs-checkbox-input" type="checkbox" id="cs-share-about" checked={*about}
                        onchange={ontoggle} />
                    <label class="cs-checkbox-label" for="cs-share-about">{ t(ui::SHARE_ABOUT) }</label>
                </div>
            }
            <button type="button" class="cs-button cs-button-secondary cs-copy" onclick={oncopy}>{ t(ui::SHARE_COPY) }</button>
            <p class="cs-hint cs-copy-status" role="status">
                { match *copied {
                    Copied::Not => "",
                    Copied::Done => t(ui::SHARE_COPIED),
                    Copied::Refused => t(ui::SHARE_COPY_REFUSED),
                } }
            </p>
        </div>
    }
}
