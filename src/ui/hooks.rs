//! The widget's effects on the browser, one hook each: the step's history
//! entry and focus, the tab's title, the outcome's announcement to a host,
//! and remembering on this device. Each reads the state and sends actions; none
//! decides anything.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::prepared;
use super::state::{Action, Device, Notice, Page, State};
use crate::platform::storage::{self, StorageError};
use crate::platform::{self, embed, history};
use crate::rules::content::node;
use crate::rules::saved::Saved;
use crate::text::{Lang, fill, ui};

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
/// announce it; inside a host, scrolled into view if the host covers it, and
/// in an iframe its place told to the parent origin, which scrolls to it.
#[hook]
pub fn use_step_history(
    state: &Handle,
    root: &NodeRef,
    owns_page: bool,
    parent_origin: Option<String>,
) {
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
            let heading = platform::focus_within(&root, target, !owns_page);
            if let (Some(heading), Some(origin)) = (heading, &parent_origin) {
                embed::report_step(heading, origin.clone());
            }
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
/// is the page. Like the history entry, it waits until the page is painted;
/// so does the explanation an outcome's title is taken from.
#[hook]
pub fn use_document_title(state: &State, owns_page: bool) {
    let on_outcome = matches!(state.page, Page::Outcome(_));
    let shown = Shown {
        lang: state.lang,
        page: state.page,
        error: state.error,
        outcome: on_outcome.then(|| state.clone()),
    };
    use_effect_with(shown, move |shown| {
        if owns_page {
            let shown = shown.clone();
            platform::after_paint(move || platform::set_title(&shown.title()));
        }
    });
}

/// What the tab's title says: the step, and for an outcome its report.
#[derive(Clone, PartialEq)]
struct Shown {
    lang: Lang,
    page: Page,
    error: bool,
    outcome: Option<State>,
}

impl Shown {
    fn title(&self) -> String {
        let lang = self.lang;
        let heading = match self.page {
            Page::Start => lang.text(ui::START_TITLE).to_owned(),
            Page::Check => lang.text(ui::CHECK_TITLE).to_owned(),
            Page::Outcome(_) => self
                .outcome
                .as_ref()
                .and_then(|state| {
                    prepared::report(state)
                        .as_ref()
                        .as_ref()
                        .map(|r| r.title.clone())
                })
                .unwrap_or_default(),
            Page::Question(_) | Page::Interruption(_) => self
                .page
                .node()
                .map(|n| lang.text(node(n).title))
                .unwrap_or_default()
                .to_owned(),
        };
        let title = format!("{heading} – {}", lang.text(ui::APP_NAME));
        if self.error {
            fill(lang.text(ui::QUESTION_ERROR_TITLE), &[("title", &title)])
        } else {
            title
        }
    }
}

/// Hosts may act on an outcome the user reaches: tell them which, and on
/// what basis. One the widget starts on (answers remembered on this device,
/// or a link) is not announced: a page that frames the widget would learn
/// it without the user doing anything.
#[hook]
pub fn use_outcome_announcement(state: &State, root: &NodeRef, parent_origin: Option<String>) {
    let started = use_mut_ref(|| false);
    let (root, state) = (root.clone(), state.clone());
    use_effect_with(state.page, move |page| {
        let first = !std::mem::replace(&mut *started.borrow_mut(), true);
        if first {
            return;
        }
        if let (Page::Outcome(_), Some(root)) = (page, root.cast::<web_sys::Element>()) {
            // Once the outcome page is whole (it completes itself after its
            // first paint), so that a listener finds its `data-outcome`.
            let parent_origin = parent_origin.clone();
            platform::after_paint(move || {
                if let Some(r) = prepared::report(&state).as_ref() {
                    embed::announce_outcome(
                        &root,
                        r.class.code(),
                        &r.cite_tokens,
                        parent_origin.as_deref(),
                    );
                }
            });
        }
    });
}

/// What "Remember my answers" needs: the box's change, "Forget my answers",
/// the answer to "Replace what this device holds?", and "Save and come back
/// later", which turns remembering on from a question.
pub struct Remembering {
    pub onchange: Callback<Event>,
    pub onsave: Callback<()>,
    pub onforget: Callback<MouseEvent>,
    pub onreplace: Callback<MouseEvent>,
    pub onkeep: Callback<MouseEvent>,
}

/// Keeps the answers on this device under `key` while the user asks for it;
/// where storage refuses, remembering is switched off and the user told what
/// the device still holds. Where there is no key, nothing is kept.
#[hook]
pub fn use_remembered(state: &Handle, key: Option<&str>) -> Remembering {
    // The answers as text: what is remembered on this device and shared by link.
    let encoded = Saved::of(
        &state.answers,
        state.lang.code(),
        state.member_state,
        Some(state.page.step()),
    )
    .encode();
    let key = key.map(str::to_owned);
    {
        let (state, key) = (state.clone(), key.clone());
        use_effect_with(
            (encoded.clone(), state.remember),
            move |(encoded, remember)| {
                if let Some(key) = key.filter(|_| *remember)
                    && storage::save(&key, encoded).is_err()
                {
                    state.dispatch(Action::SetRemember(false));
                    state.dispatch(Action::Notify(Notice::StorageFull));
                    // What was stored before must not come back unasked.
                    forget(&state, &key, |_| None);
                }
            },
        );
    }
    let store = {
        let (state, key, encoded) = (state.clone(), key.clone(), encoded.clone());
        move || -> bool {
            let Some(key) = &key else { return false };
            match storage::save(key, &encoded) {
                Ok(()) => {
                    state.dispatch(Action::SetRemember(true));
                    true
                }
                Err(e) => {
                    state.dispatch(Action::SetRemember(false));
                    state.dispatch(Action::Notify(match e {
                        StorageError::Unavailable => Notice::StorageUnavailable,
                        StorageError::Full => Notice::StorageFull,
                    }));
                    false
                }
            }
        }
    };
    // As ticking the box, and then said where the user pressed it: also
    // once the user, asked first, lets the answers replace what the device
    // held.
    let saving = use_mut_ref(|| false);
    let onsave = {
        let (state, store, saving) = (state.clone(), store.clone(), saving.clone());
        Callback::from(move |()| {
            if state.device == Device::Unreadable && !state.remember {
                *saving.borrow_mut() = true;
                state.dispatch(Action::AskReplace(true));
            } else if store() {
                state.dispatch(Action::SavedForLater);
            }
        })
    };
    let onchange = {
        let (state, key, store) = (state.clone(), key.clone(), store.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(key) = &key else { return };
            if !input.checked() {
                // Unticking forgets; if the copy cannot be removed, the box
                // stays ticked, as the device still holds the answers.
                forget(&state, key, |done| {
                    Some(if done {
                        Action::SetRemember(false)
                    } else {
                        Action::Forgotten(false)
                    })
                });
                return;
            }
            // Ticked once the answers are stored: where storage refuses, or
            // the user is first asked, the state may not change, and the box
            // would keep the tick the click gave it.
            input.set_checked(false);
            if state.device == Device::Unreadable {
                state.dispatch(Action::AskReplace(true));
                return;
            }
            store();
        })
    };
    let onforget = {
        let (state, key) = (state.clone(), key.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(key) = &key {
                forget(&state, key, |done| Some(Action::Forgotten(done)));
            }
        })
    };
    let onreplace = {
        let (state, saving) = (state.clone(), saving.clone());
        Callback::from(move |_: MouseEvent| {
            if store() && saving.replace(false) {
                state.dispatch(Action::SavedForLater);
            }
        })
    };
    let onkeep = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            saving.replace(false);
            state.dispatch(Action::AskReplace(false));
        })
    };
    Remembering {
        onchange,
        onsave,
        onforget,
        onreplace,
        onkeep,
    }
}

/// Removes what the device holds under `key`, records what it holds then,
/// and sends what `then` makes of whether it worked (a failure it does not
/// take up is said as such).
fn forget(state: &Handle, key: &str, then: impl FnOnce(bool) -> Option<Action>) {
    let done = storage::forget(key).is_ok();
    state.dispatch(Action::DeviceHolds(if done {
        Device::Empty
    } else {
        Device::Answers
    }));
    match then(done) {
        Some(action) => state.dispatch(action),
        None if !done => state.dispatch(Action::Notify(Notice::ForgetFailed)),
        None => {}
    }
}
