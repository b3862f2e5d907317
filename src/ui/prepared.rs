//! The outcome's report, made ahead: once the check page is painted, while
//! the reader looks at it, so that "See the result" has only the page to
//! draw. Kept for the last answers only.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::platform;
use crate::rules::about::About;
use crate::rules::report::Report;
use crate::rules::{Answers, MemberState};
use crate::text::Lang;

use super::state::{Page, State};

/// What a report is made from.
#[derive(PartialEq)]
struct Made {
    answers: Answers,
    lang: Lang,
    member_state: Option<MemberState>,
    about: About,
}

thread_local! {
    static LAST: RefCell<Option<(Made, Rc<Option<Report>>)>> = const { RefCell::new(None) };
}

/// The report of the outcome `state` reaches (`None` while a question is
/// open): the one made ahead if it was made from the same, else made now.
pub fn report(state: &State) -> Rc<Option<Report>> {
    let made = Made {
        answers: state.answers.clone(),
        lang: state.lang,
        member_state: state.member_state,
        about: state.about.clone(),
    };
    LAST.with_borrow_mut(|last| match last {
        Some((from, report)) if *from == made => report.clone(),
        _ => {
            let report = Rc::new(Report::new(
                &made.answers,
                made.lang,
                made.member_state,
                &made.about,
            ));
            *last = Some((made, report.clone()));
            report
        }
    })
}

/// On the check page, once it is painted, makes the report of the outcome
/// its answers reach.
#[hook]
pub fn use_made_ahead(state: &State) {
    let on_check = (state.page == Page::Check).then(|| state.clone());
    use_effect_with(on_check, |on_check| {
        if let Some(state) = on_check.clone() {
            platform::after_paint(move || drop(report(&state)));
        }
    });
}
