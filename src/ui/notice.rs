//! Messages about what happened to the user's data.

use yew::prelude::*;

use super::state::Notice;
use crate::rules::content::CONTENT_VERSION;
use crate::text::{Lang, fill, ui};

fn message(lang: Lang, notice: &Notice) -> Vec<String> {
    let t = |id| lang.text(id);
    match notice {
        Notice::ImportTooLarge => vec![t(ui::IMPORT_TOO_LARGE).into()],
        Notice::ImportNotRecord => vec![t(ui::IMPORT_NOT_RECORD).into()],
        Notice::ImportUnreadable => vec![t(ui::IMPORT_UNREADABLE).into()],
        Notice::ImportOtherOutcome { recorded, now } => vec![fill(
            t(ui::IMPORT_OTHER_OUTCOME),
            &[("recorded", recorded), ("now", t(now.label()))],
        )],
        Notice::OtherVersion { version, dropped } => {
            let mut lines = vec![fill(
                t(ui::NOTICE_OTHER_VERSION),
                &[("version", version), ("current", CONTENT_VERSION)],
            )];
            if *dropped > 0 {
                lines.push(fill(
                    t(ui::NOTICE_DROPPED),
                    &[("count", &dropped.to_string())],
                ));
            }
            lines
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub notice: Notice,
    pub ondismiss: Callback<()>,
}

#[function_component(NoticeBanner)]
pub fn notice_banner(props: &NoticeProps) -> Html {
    let lang = props.lang;
    let onclick = props.ondismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="cs-notice" role="alert">
            <h2 class="cs-notice-title">{ lang.text(ui::NOTICE_TITLE) }</h2>
            { for message(lang, &props.notice).into_iter().map(|m| html! { <p>{ m }</p> }) }
            <button type="button" class="cs-link" {onclick}>{ lang.text(ui::NOTICE_DISMISS) }</button>
        </div>
    }
}
