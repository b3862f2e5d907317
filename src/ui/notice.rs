//! Messages about what happened to the user's answers.

use yew::prelude::*;

use super::parts::Heading;

use super::state::{Notice, Source};
use crate::platform;
use crate::rules::content::CONTENT_VERSION;
use crate::text::{Lang, fill, ui};

fn message(lang: Lang, notice: &Notice) -> String {
    let t = |id| lang.text(id);
    match notice {
        Notice::Restored(Source::Link) => t(ui::NOTICE_RESTORED_LINK).into(),
        Notice::Restored(Source::Device) => t(ui::NOTICE_RESTORED_DEVICE).into(),
        Notice::Restored(Source::Record) => t(ui::NOTICE_RESTORED_RECORD).into(),
        Notice::LinkDamaged => t(ui::NOTICE_LINK_DAMAGED).into(),
        Notice::ImportTooLarge => t(ui::IMPORT_TOO_LARGE).into(),
        Notice::ImportNotRecord => t(ui::IMPORT_NOT_RECORD).into(),
        Notice::ImportNewerFormat(version) => fill(
            t(ui::IMPORT_NEWER_FORMAT),
            &[("version", &version.to_string())],
        ),
        Notice::ImportUnreadable => t(ui::IMPORT_UNREADABLE).into(),
        Notice::ImportOtherOutcome { recorded, now } => fill(
            t(ui::IMPORT_OTHER_OUTCOME),
            &[("recorded", t(recorded.label())), ("now", t(now.label()))],
        ),
        Notice::OtherVersion(version) => fill(
            t(ui::NOTICE_OTHER_VERSION),
            &[("version", version), ("current", CONTENT_VERSION)],
        ),
        Notice::Dropped(count) => fill(t(ui::NOTICE_DROPPED), &[("count", &count.to_string())]),
        Notice::LanguageUnknown => fill(t(ui::NOTICE_LANGUAGE_UNKNOWN), &[("name", lang.name())]),
        Notice::StateUnknown => t(ui::NOTICE_STATE_UNKNOWN).into(),
        Notice::StorageUnavailable => t(ui::NOTICE_STORAGE_UNAVAILABLE).into(),
        Notice::StorageFull => t(ui::NOTICE_STORAGE_FULL).into(),
        Notice::StorageCorrupted => t(ui::NOTICE_STORAGE_CORRUPTED).into(),
        Notice::Forgotten => t(ui::NOTICE_FORGOTTEN).into(),
        Notice::ForgetFailed => t(ui::NOTICE_FORGET_FAILED).into(),
        Notice::LanguageFailed(wanted) => fill(
            t(ui::NOTICE_LANGUAGE_FAILED),
            &[("name", wanted.name()), ("current", lang.name())],
        ),
        Notice::RememberedKept => t(ui::NOTICE_REMEMBERED_KEPT).into(),
        Notice::Framed => t(ui::NOTICE_FRAMED).into(),
    }
}

/// Good news is announced politely; anything the user must act on is an alert.
fn is_problem(notice: &Notice) -> bool {
    !matches!(notice, Notice::Restored(_) | Notice::Forgotten)
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub notices: Vec<Notice>,
    pub ondismiss: Callback<()>,
}

#[function_component(NoticeBanner)]
pub fn notice_banner(props: &NoticeProps) -> Html {
    let lang = props.lang;
    let onclick = props.ondismiss.reform(|_: MouseEvent| ());
    let problem = props.notices.iter().any(is_problem);
    html! {
        <div class={classes!("cs-notice", problem.then_some("cs-notice-problem"))}
            role={if problem { "alert" } else { "status" }}>
            <Heading depth=1 class="cs-notice-title">{ lang.text(ui::NOTICE_TITLE) }</Heading>
            { for props.notices.iter().map(|n| html! {
                <p>
                    { message(lang, n) }
                    if *n == Notice::Framed {
                        // A tab of its own, where the framing site cannot reach it.
                        { " " }<a href={platform::page_address()} target="_blank" rel="noopener noreferrer">{ lang.text(ui::NOTICE_FRAMED_OPEN) }</a>
                    }
                </p>
            }) }
            <button type="button" class="cs-link" {onclick}>{ lang.text(ui::NOTICE_DISMISS) }</button>
        </div>
    }
}
