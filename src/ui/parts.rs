//! Small pieces shared by the pages.

use yew::prelude::*;

use crate::rules::content::{document, provision};
use crate::rules::{ProvisionId, Status};
use crate::text::markup::{Block, blocks};
use crate::text::{Lang, TextId, fill, ui};

use super::settings::Settings;

/// A long text from the tables: paragraphs and lists.
pub fn rich(lang: Lang, id: TextId) -> Html {
    rich_text(lang.text(id))
}

/// A long text made at run time (filled placeholders).
pub fn rich_text(text: &str) -> Html {
    blocks(text)
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(p) => html! { <p>{ p }</p> },
            Block::List(items) => html! {
                <ul class="cs-list">{ for items.into_iter().map(|i| html! { <li>{ i }</li> }) }</ul>
            },
        })
        .collect()
}

/// A small mark beside a statement not checked against the official text:
/// a symbol for the eye, explained by `marks_note`, and its word for
/// screen readers (and as a tooltip).
pub fn status_mark(lang: Lang, status: Status) -> Html {
    let Some(mark) = status.mark() else {
        return Html::default();
    };
    html! {
        <span>
            { mark_symbol(lang, status) }
            <span class="cs-visually-hidden">{ format!(" ({})", lang.text(mark.word)) }</span>
        </span>
    }
}

/// The symbol alone, hidden from screen readers: for a place (such as an
/// answer's label) whose word is given elsewhere.
pub fn mark_symbol(lang: Lang, status: Status) -> Html {
    let Some(mark) = status.mark() else {
        return Html::default();
    };
    let warn = status == Status::Unverified;
    html! {
        <span class={classes!("cs-mark", warn.then_some("cs-mark-warn"))} title={lang.text(mark.word)}
            aria-hidden="true">{ lang.text(mark.symbol) }</span>
    }
}

/// Whether any of the provisions carries a mark.
pub fn any_marked(list: &[ProvisionId]) -> bool {
    list.iter().any(|p| provision(*p).status.mark().is_some())
}

/// The one note that explains the marks, for a page that shows them.
pub fn marks_note(lang: Lang) -> Html {
    let t = |id| lang.text(id);
    let note = fill(
        t(ui::OUTCOME_MARKS_NOTE),
        &[
            ("secondary", t(ui::OUTCOME_SECONDARY_SYMBOL)),
            ("unverified", t(ui::OUTCOME_UNVERIFIED_SYMBOL)),
        ],
    );
    html! { <p class="cs-hint cs-marks-note">{ note }</p> }
}

/// Provisions as a list of labelled links to the official texts.
pub fn cites(lang: Lang, list: &[ProvisionId]) -> Html {
    html! {
        <ul class="cs-cites">
            { for list.iter().map(|p| {
                let p = provision(*p);
                html! {
                    <li>
                        <a href={document(p.doc).url} rel="noopener noreferrer" target="_blank">
                            { lang.text(p.label) }
                        </a>
                        { status_mark(lang, p.status) }
                    </li>
                }
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
pub struct BackProps {
    pub lang: Lang,
    pub onback: Callback<()>,
}

/// The "Back" link at the top of every step.
#[function_component(BackLink)]
pub fn back_link(props: &BackProps) -> Html {
    let onclick = props.onback.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="cs-back" {onclick}>{ props.lang.text(ui::QUESTION_BACK) }</button>
    }
}

#[derive(Properties, PartialEq)]
pub struct HeadingProps {
    /// Levels below the page title: 0 for the title itself.
    #[prop_or_default]
    pub depth: u8,
    /// The page title, where focus moves on each step.
    #[prop_or_default]
    pub title: bool,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub children: Html,
}

/// A heading at the level the host's outline asks for (see `Settings`).
#[function_component(Heading)]
pub fn heading(props: &HeadingProps) -> Html {
    let settings = use_context::<Settings>().unwrap_or_default();
    let depth = if props.title { 0 } else { props.depth };
    html! {
        <@{settings.heading(depth)} id={props.id.clone()}
            class={classes!(props.title.then_some("cs-title"), props.class.clone())}
            tabindex={props.title.then_some("-1")}>
            { props.children.clone() }
        </@>
    }
}
