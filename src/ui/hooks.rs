//! The widget's effects on the browser, one hook each: the step's history
//! entry and focus, the tab's title, the outcome's announcement to a host,
//! and remembering on this device. Each reads the state and sends actions; none
//! decides anything.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::state::{Action, Notice, Page, State};
use crate::platform::storage::{self, StorageError};
use crate::platform::{self, embed, history};
use crate::rules::content::node;
use crate::rules::saved::Saved;
use crate::text::{fill, ui};

type Handle = UseReducerHandle<State>;

/// Marks the widget ready once it is interactive, and applies the host's
/// theme to its root. The root's `data-state` says which.
#[hook]
pub fn use_ready(root: &NodeRef, theme: &[(&'static str, String)]) -> bool {
    let ready = use_state_eq(|| false);
    {
        let (ready, root, theme) = (ready.clone(), root.clone(), theme.to_vec());
        use_effect_with((), move |_| {
            ready.set(true);
            if let Some(root) = root.cast::<web_sys::HtmlElement>() {
                embed::apply_theme(&root, &theme);
            }
        });
    }
    *ready
}

/// The history entries of the widget's own page: the page the current entry
/// names, and a page shown whose entry waits for the next paint.
#[derive(Default)]
struct Entries {
    current: Option<Page>,
    pending: Option<Page>,
}

impl Entries {
    fn push(&mut self, page: Page) {
        if self.current != Some(page) {
            history::push(page.step());
            self.current = Some(page);
        }
    }
}

/// On the widget's own page, every step gets its own history entry and
/// Back and Forward go to the step they name. On every page, focus goes to
/// the new step's heading (or the error summary), so that screen readers
/// announce it; inside a host, scrolled into view if the host covers it.
#[hook]
pub fn use_step_history(state: &Handle, root: &NodeRef, owns_page: bool) {
    let entries = use_mut_ref(Entries::default);
    let mounted = use_mut_ref(|| false);
    {
        let (state, entries) = (state.clone(), entries.clone());
        use_effect_with((), move |_| {
            let listener = owns_page.then(|| {
                history::listen(move |step| {
                    if let Some(page) = Page::from_step(&step) {
                        *entries.borrow_mut() = Entries {
                            current: Some(page),
                            pending: None,
                        };
                        state.dispatch(Action::GoTo(page));
                    }
                })
            });
            move || drop(listener)
        });
    }
    let root = root.clone();
    use_effect_with((state.page, state.error), move |&(page, error)| {
        let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
        if owns_page {
            record_step(&entries, page, first);
        }
        if !first {
            let target = if error {
                ".cs-error-summary"
            } else {
                ".cs-title"
            };
            platform::focus_within(&root, target, !owns_page);
        }
    });
}

fn record_step(entries: &Rc<RefCell<Entries>>, page: Page, first: bool) {
    let mut e = entries.borrow_mut();
    if first {
        history::replace(page.step());
        e.current = Some(page);
        return;
    }
    // Making an entry takes the browser a few milliseconds, so it waits
    // until the new page is painted. A step still waiting for its entry
    // gets it now: none is left out.
    if let Some(earlier) = e.pending.replace(page) {
        e.push(earlier);
    }
    let entries = entries.clone();
    platform::after_paint(move || {
        let mut e = entries.borrow_mut();
        if let Some(page) = e.pending.take() {
            e.push(page);
        }
    });
}

/// The tab's title names the step, in the user's language, where the widget
/// is the page. Like the history entry, it can wait until the page is painted.
#[hook]
pub fn use_document_title(state: &State, owns_page: bool) {
    use_effect_with(page_title(state), move |title| {
        if owns_page {
            let title = title.clone();
            platform::after_paint(move || platform::set_title(&title));
        }
    });
}

fn page_title(state: &State) -> String {
    let lang = state.lang;
    let heading = match state.page {
        Page::Start => lang.text(ui::START_TITLE).to_owned(),
        Page::Check => lang.text(ui::CHECK_TITLE).to_owned(),
        Page::Outcome(_) => crate::rules::explain(&state.answers)
            .map(|e| crate::rules::report::outcome_title(lang, &e))
            .unwrap_or_default(),
        Page::Question(n) | Page::Interruption(n) => lang.text(node(n).title).to_owned(),
    };
    let title = format!("{heading} – {}", lang.text(ui::APP_NAME));
    if state.error {
        fill(lang.text(ui::QUESTION_ERROR_TITLE), &[("title", &title)])
    } else {
        title
    }
}

/// Hosts may act on an outcome the user reaches: tell them which, and on
/// what basis. One the widget starts on (answers remembered on this device,
/// or a link) is not announced: a page that frames the widget would learn
/// it without the user doing anything.
#[hook]
pub fn use_outcome_announcement(state: &State, root: &NodeRef, parent_origin: Option<String>) {
    let started = use_mut_ref(|| false);
    let (root, answers) = (root.clone(), state.answers.clone());
    use_effect_with(state.page, move |page| {
        let first = !std::mem::replace(&mut *started.borrow_mut(), true);
        if first {
            return;
        }
        if let (Page::Outcome(_), Some(e), Some(root)) = (
            page,
            crate::rules::explain(&answers),
            root.cast::<web_sys::Element>(),
        ) {
            embed::announce_outcome(
                &root,
                e.class.code(),
                &e.cite_tokens(),
                parent_origin.as_deref(),
            );
        }
    });
}

/// What "Remember my answers" needs: the box's change and "Forget my answers".
pub struct Remembering {
    pub onchange: Callback<Event>,
    pub onforget: Callback<MouseEvent>,
}

/// Keeps the answers on this device under `key` while the user asks for it;
/// where storage refuses, remembering is switched off and the user told.
#[hook]
pub fn use_remembered(state: &Handle, key: &str) -> Remembering {
    // The answers as text: what is remembered on this device and shared by link.
    let encoded = Saved::of(
        &state.answers,
        state.lang.code(),
        state.member_state,
        Some(state.page.step()),
    )
    .encode();
    {
        let (state, key) = (state.clone(), key.to_owned());
        use_effect_with(
            (encoded.clone(), state.remember),
            move |(encoded, remember)| {
                if *remember && storage::save(&key, encoded).is_err() {
                    state.dispatch(Action::SetRemember(false));
                    state.dispatch(Action::Notify(Notice::StorageFull));
                }
            },
        );
    }
    let onchange = {
        let (state, key) = (state.clone(), key.to_owned());
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            if !on {
                // Unticking forgets; if the copy cannot be removed, the box
                // stays ticked, as the device still holds the answers.
                match storage::forget(&key) {
                    Ok(()) => state.dispatch(Action::SetRemember(false)),
                    Err(_) => state.dispatch(Action::Forgotten(false)),
                }
                return;
            }
            match storage::save(&key, &encoded) {
                Ok(()) => state.dispatch(Action::SetRemember(true)),
                Err(e) => {
                    state.dispatch(Action::SetRemember(false));
                    state.dispatch(Action::Notify(match e {
                        StorageError::Unavailable => Notice::StorageUnavailable,
                        StorageError::Full => Notice::StorageFull,
                    }));
                }
            }
        })
    };
    let onforget = {
        let (state, key) = (state.clone(), key.to_owned());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Forgotten(storage::forget(&key).is_ok()))
        })
    };
    Remembering { onchange, onforget }
}
