//! The line at the foot of every page: the rules' version and day, who
//! publishes the widget, and its accessibility statement.

use yew::prelude::*;

use crate::platform::packs;
use crate::rules::content::{CONTENT_UPDATED, CONTENT_VERSION};
use crate::text::{Lang, fill, ui};

/// The statement's page in `lang`, as the build names it.
fn statement_file(lang: Lang) -> String {
    match lang {
        Lang::En => "accessibility.html".to_owned(),
        other => format!("accessibility.{}.html", other.code()),
    }
}

pub fn footer(lang: Lang) -> Html {
    let t = |id| lang.text(id);
    let rules = fill(
        t(ui::FOOTER_RULES),
        &[
            ("version", CONTENT_VERSION),
            ("date", &lang.day(CONTENT_UPDATED)),
        ],
    );
    // In a new tab: the answers on this page stay where they are.
    html! {
        <p class="cs-hint cs-footer cs-no-print">
            { rules }{ " · " }{ t(ui::FOOTER_PUBLISHER) }{ " · " }
            <a href={packs::beside(&statement_file(lang))} target="_blank" rel="noopener noreferrer">
                { t(ui::FOOTER_ACCESSIBILITY) }
            </a>
        </p>
    }
}
