//! The widget's state and the one place it changes (a reducer): components
//! only render it and send actions.

use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Reducible;

use crate::rules::content::{self, START};
use crate::rules::{Answers, Choice, End, Kind, NodeId, walk};
use crate::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    Question(NodeId),
    Interruption(NodeId),
    Outcome(NodeId),
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub page: Page,
    pub answers: Answers,
    /// The option marked on the current question, not yet confirmed.
    pub selected: Option<Choice>,
    /// "Continue" was pressed with nothing selected.
    pub error: bool,
    /// The user's Member State (ISO code), for the authority on outcomes.
    pub member_state: Option<&'static str>,
    /// Red flags ticked on an outcome, by key.
    pub red_flags: BTreeSet<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Start,
    Select(Choice),
    /// "Continue" on a question: confirms the selection, or shows an error.
    Confirm,
    /// "Continue" on an interruption.
    Proceed,
    Back,
    Restart,
    SetLang(Lang),
    SetMemberState(Option<&'static str>),
    ToggleRedFlag(&'static str),
}

impl State {
    pub fn new(lang: Lang) -> Self {
        State {
            lang,
            page: Page::Start,
            answers: Answers::default(),
            selected: None,
            error: false,
            member_state: None,
            red_flags: BTreeSet::new(),
        }
    }

    fn show(mut self, page: Page) -> Self {
        self.selected = match page {
            Page::Question(q) => self.answers.get(q),
            _ => None,
        };
        self.error = false;
        self.page = page;
        self
    }

    /// The node shown now, if any.
    fn current(&self) -> Option<NodeId> {
        match self.page {
            Page::Start => None,
            Page::Question(n) | Page::Interruption(n) | Page::Outcome(n) => Some(n),
        }
    }

    fn apply(self, action: Action) -> Self {
        match action {
            Action::Start => self.show(page_of(START)),
            Action::Select(choice) => State {
                selected: Some(choice),
                ..self
            },
            Action::Confirm => match (self.page, self.selected) {
                (Page::Question(q), Some(choice)) => {
                    let mut next = self;
                    if next.answers.set(q, choice).is_err() {
                        return next;
                    }
                    let page = page_after(&next.answers, q);
                    next.show(page)
                }
                (Page::Question(_), None) => State {
                    error: true,
                    ..self
                },
                _ => self,
            },
            Action::Proceed => match self.page {
                Page::Interruption(n) => {
                    let page = page_after(&self.answers, n);
                    self.show(page)
                }
                _ => self,
            },
            Action::Back => {
                let page = self
                    .current()
                    .map_or(Page::Start, |n| page_before(&self.answers, n));
                self.show(page)
            }
            Action::Restart => State::new(self.lang),
            Action::SetLang(lang) => State { lang, ..self },
            Action::SetMemberState(member_state) => State {
                member_state,
                ..self
            },
            Action::ToggleRedFlag(key) => {
                let mut next = self;
                if !next.red_flags.remove(key) {
                    next.red_flags.insert(key);
                }
                next
            }
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

fn page_of(node: NodeId) -> Page {
    match content::node(node).kind {
        Kind::Question(_) => Page::Question(node),
        Kind::Interruption { .. } => Page::Interruption(node),
        Kind::Outcome(_) => Page::Outcome(node),
    }
}

/// The page after `node` on the current path: one step at a time, so that
/// answers kept from earlier are shown again rather than skipped.
fn page_after(answers: &Answers, node: NodeId) -> Page {
    let w = walk(answers);
    let end = match w.end {
        End::Ask(n) | End::Outcome(n) => n,
    };
    let next = w
        .path
        .iter()
        .position(|n| *n == node)
        .and_then(|i| w.path.get(i + 1))
        .copied()
        .unwrap_or(end);
    page_of(next)
}

/// The page before `node` on the current path; the start page before the first.
fn page_before(answers: &Answers, node: NodeId) -> Page {
    let w = walk(answers);
    let upto = w
        .path
        .iter()
        .position(|n| *n == node)
        .unwrap_or(w.path.len());
    w.path[..upto].last().map_or(Page::Start, |n| page_of(*n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::content::node_by_key;

    fn id(key: &str) -> NodeId {
        node_by_key(key).unwrap()
    }

    fn run(actions: &[Action]) -> State {
        actions
            .iter()
            .cloned()
            .fold(State::new(Lang::En), State::apply)
    }

    #[test]
    fn continue_without_an_answer_shows_an_error_and_stays() {
        let s = run(&[Action::Start, Action::Confirm]);
        assert_eq!(s.page, Page::Question(START));
        assert!(s.error);
        let s = s.apply(Action::Select(Choice::Export));
        let s = s.apply(Action::Confirm);
        assert_eq!(s.page, Page::Question(id("authority-informed")));
        assert!(!s.error);
    }

    #[test]
    fn interruption_comes_before_its_outcome_and_back_returns_with_the_answer() {
        let s = run(&[
            Action::Start,
            Action::Select(Choice::Export),
            Action::Confirm,
            Action::Select(Choice::Yes),
            Action::Confirm,
        ]);
        assert_eq!(s.page, Page::Interruption(id("informed-stop")));
        let s = s.apply(Action::Proceed);
        assert_eq!(s.page, Page::Outcome(id("licence-informed")));
        let s = s.apply(Action::Back).apply(Action::Back);
        assert_eq!(s.page, Page::Question(id("authority-informed")));
        assert_eq!(
            s.selected,
            Some(Choice::Yes),
            "the earlier answer is preselected"
        );
        let s = s.apply(Action::Back).apply(Action::Back);
        assert_eq!(s.page, Page::Start);
    }

    #[test]
    fn an_answer_the_question_does_not_offer_is_not_recorded() {
        let s = run(&[
            Action::Start,
            Action::Select(Choice::Forensic),
            Action::Confirm,
        ]);
        assert_eq!(s.page, Page::Question(START));
        assert!(s.answers.is_empty());
    }

    #[test]
    fn restart_keeps_only_the_language() {
        let s = run(&[
            Action::SetLang(Lang::En),
            Action::Start,
            Action::ToggleRedFlag("x"),
            Action::Restart,
        ]);
        assert_eq!(s, State::new(Lang::En));
    }
}
