//! The widget's state and the one place it changes (a reducer): components
//! only render it and send actions.

use std::rc::Rc;

use yew::Reducible;

use crate::rules::content::{self, RED_FLAGS, START};
use crate::rules::record::{Imported, RecordError};
use crate::rules::saved::{DecodeError, Saved};
use crate::rules::{Answers, Choice, End, Kind, NodeId, OutcomeClass, explain, walk};
use crate::text::Lang;

use super::settings::Settings;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    Question(NodeId),
    Interruption(NodeId),
    /// Check your answers, before the outcome.
    Check,
    Outcome(NodeId),
}

/// Where restored answers came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A share link's fragment.
    Link,
    /// Answers remembered on this device.
    Device,
    /// An imported record file.
    Record,
}

/// A message about something that happened to the user's answers, or that
/// the user must know before going on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Restored(Source),
    LinkDamaged,
    ImportTooLarge,
    ImportNotRecord,
    ImportUnreadable,
    /// The imported record's outcome differs from the current one.
    ImportOtherOutcome {
        recorded: String,
        now: OutcomeClass,
    },
    /// The answers were given under another content version: each is shown
    /// again to confirm.
    OtherVersion(String),
    /// Answers that no longer fit any question were left out.
    Dropped(usize),
    LanguageUnknown(String),
    StateUnknown(String),
    StorageUnavailable,
    StorageFull,
    /// What this device had stored could not be read; it was left as it is.
    StorageCorrupted,
    Forgotten,
}

/// What the page gave the widget when it started.
#[derive(Clone, Debug, PartialEq)]
pub struct Startup {
    pub lang: Lang,
    /// Answers to restore, or what went wrong reading them.
    pub saved: Option<(Source, Result<Saved, DecodeError>)>,
    pub settings: Settings,
    /// The widget is the page (`index.html`): each step gets a browser
    /// history entry and the document title follows it. A host page's
    /// history and title stay the host's.
    pub owns_page: bool,
    /// Where answers are remembered on this device, if the user asks.
    pub storage_key: String,
}

impl Startup {
    /// A widget with nothing given but a language.
    pub fn plain(lang: Lang) -> Startup {
        Startup {
            lang,
            saved: None,
            settings: Settings::default(),
            owns_page: false,
            storage_key: "cyberscreen".into(),
        }
    }
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
    /// Red flags ticked on an outcome, by key, in the checklist's order.
    pub red_flags: Vec<&'static str>,
    /// Set while changing an answer from the check page: the path as it was,
    /// so that newly opened questions are asked before returning there.
    pub returning: Option<Vec<NodeId>>,
    pub notices: Vec<Notice>,
    /// The user asked to keep the answers on this device.
    pub remember: bool,
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
    /// "Change" on the check page.
    Change(NodeId),
    /// "See your result" on the check page.
    SeeResult,
    /// The browser's back or forward button named this page.
    GoTo(Page),
    Import(Result<Imported, RecordError>),
    Notify(Notice),
    DismissNotices,
    SetRemember(bool),
    /// The stored answers were removed: start afresh.
    Forgotten,
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
            red_flags: Vec::new(),
            returning: None,
            notices: Vec::new(),
            remember: false,
        }
    }

    /// The state to begin with: fresh, or restored from a link or this device.
    pub fn start(startup: Startup) -> Self {
        let fresh = State {
            member_state: startup.settings.member_state,
            ..State::new(startup.lang)
        };
        match startup.saved {
            None => fresh,
            Some((source, Ok(saved))) => State {
                remember: source == Source::Device,
                ..fresh.restore(&saved, source)
            },
            Some((source, Err(_))) => State {
                notices: vec![match source {
                    Source::Device => Notice::StorageCorrupted,
                    Source::Link | Source::Record => Notice::LinkDamaged,
                }],
                ..fresh
            },
        }
    }

    /// Takes over decoded answers. Those from another content version are
    /// shown again one by one; nothing unknown is taken silently.
    fn restore(self, saved: &Saved, source: Source) -> Self {
        let mut notices = Vec::new();
        let lang = match saved.lang.as_deref() {
            None => self.lang,
            Some(tag) => Lang::from_tag(tag).unwrap_or_else(|| {
                notices.push(Notice::LanguageUnknown(tag.to_owned()));
                self.lang
            }),
        };
        let given = saved.member_state.as_deref().and_then(|code| {
            let found = content::authority(code).map(|a| a.state);
            if found.is_none() {
                notices.push(Notice::StateUnknown(code.to_owned()));
            }
            found
        });
        let member_state = given.or(self.member_state);
        let restored = saved.restore();
        if !restored.unusable.is_empty() {
            notices.push(Notice::Dropped(restored.unusable.len()));
        }
        let answers = restored.answers;
        let page = match &restored.other_version {
            Some(_) if answers.is_empty() => Page::Start,
            Some(_) => Page::Question(START),
            None => match saved.at.as_deref().and_then(Page::from_step) {
                Some(page) => valid_page(&answers, page),
                None => valid_page(&answers, Page::Check),
            },
        };
        match restored.other_version {
            Some(version) => notices.insert(0, Notice::OtherVersion(version)),
            None => notices.insert(0, Notice::Restored(source)),
        }
        State {
            lang,
            member_state,
            answers,
            notices,
            ..State::new(lang)
        }
        .show(page)
    }

    fn notify(mut self, notice: Notice) -> Self {
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
        self
    }

    fn show(mut self, page: Page) -> Self {
        if !matches!(page, Page::Question(_) | Page::Interruption(_)) {
            self.returning = None;
        }
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
            Page::Start | Page::Check => None,
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
                    let page = match &next.returning {
                        Some(before) => page_returning(&next.answers, q, before),
                        None => page_after(&next.answers, q),
                    };
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
                let page = match self.page {
                    Page::Outcome(_) => Page::Check,
                    Page::Check => last_on_path(&self.answers),
                    _ => self
                        .current()
                        .map_or(Page::Start, |n| page_before(&self.answers, n)),
                };
                self.show(page)
            }
            Action::Restart => State {
                remember: self.remember,
                ..State::new(self.lang)
            },
            Action::Change(q) => {
                let before = walk(&self.answers).path;
                let mut next = self.show(Page::Question(q));
                next.returning = Some(before);
                next
            }
            Action::SeeResult => match walk(&self.answers).end {
                End::Outcome(o) => self.show(Page::Outcome(o)),
                End::Ask(q) => self.show(Page::Question(q)),
            },
            Action::GoTo(page) => {
                let page = valid_page(&self.answers, page);
                self.show(page)
            }
            Action::Import(Ok(imported)) => {
                let mut next = State::new(self.lang).restore(&imported.saved, Source::Record);
                next.red_flags = checklist(|key| imported.red_flags.contains(&key));
                let now = explain(&next.answers).map(|e| e.class);
                if let (Some(recorded), Some(now)) = (imported.recorded_class, now)
                    && recorded != now.code()
                    && !next
                        .notices
                        .iter()
                        .any(|n| matches!(n, Notice::OtherVersion(_)))
                {
                    next.notices
                        .push(Notice::ImportOtherOutcome { recorded, now });
                }
                next
            }
            Action::Import(Err(e)) => self.notify(match e {
                RecordError::TooLarge => Notice::ImportTooLarge,
                RecordError::NotJson | RecordError::NotARecord => Notice::ImportNotRecord,
            }),
            Action::Notify(notice) => self.notify(notice),
            Action::DismissNotices => State {
                notices: Vec::new(),
                ..self
            },
            Action::SetRemember(remember) => State { remember, ..self },
            Action::Forgotten => State {
                notices: vec![Notice::Forgotten],
                ..State::new(self.lang)
            },
            Action::SetLang(lang) => State { lang, ..self },
            Action::SetMemberState(member_state) => State {
                member_state,
                ..self
            },
            Action::ToggleRedFlag(key) => {
                let red_flags = checklist(|k| (k == key) != self.red_flags.contains(&k));
                State { red_flags, ..self }
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

impl Page {
    /// The name of the page in the browser's history.
    pub fn step(self) -> &'static str {
        match self {
            Page::Start => "start",
            Page::Check => "check",
            Page::Question(n) | Page::Interruption(n) | Page::Outcome(n) => content::node(n).key,
        }
    }

    pub fn from_step(step: &str) -> Option<Page> {
        match step {
            "start" => Some(Page::Start),
            "check" => Some(Page::Check),
            key => content::node_by_key(key).map(page_of),
        }
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
/// answers kept from earlier are shown again rather than skipped. The check
/// page comes before the outcome.
fn page_after(answers: &Answers, node: NodeId) -> Page {
    let w = walk(answers);
    let next = w
        .path
        .iter()
        .position(|n| *n == node)
        .and_then(|i| w.path.get(i + 1));
    next.map_or(page_at(w.end), |n| page_of(*n))
}

/// Where the path ends: its open question, or the check page before the outcome.
fn page_at(end: End) -> Page {
    match end {
        End::Ask(q) => Page::Question(q),
        End::Outcome(_) => Page::Check,
    }
}

/// After a change made from the check page: the first question or stop the
/// change newly opened, else back to the check page.
fn page_returning(answers: &Answers, changed: NodeId, before: &[NodeId]) -> Page {
    let w = walk(answers);
    let after = w.path.iter().skip_while(|n| **n != changed).skip(1);
    let new = after.into_iter().find(|n| !before.contains(n));
    new.map_or(page_at(w.end), |n| page_of(*n))
}

/// The last page of the path before the check page.
fn last_on_path(answers: &Answers) -> Page {
    walk(answers)
        .path
        .last()
        .map_or(Page::Start, |n| page_of(*n))
}

/// A page the history names, if the current answers still lead there;
/// otherwise the nearest page that they do lead to.
fn valid_page(answers: &Answers, page: Page) -> Page {
    let w = walk(answers);
    let on_path = |n: NodeId| w.path.contains(&n) || matches!(w.end, End::Ask(q) if q == n);
    match (page, w.end) {
        (Page::Start, _) => Page::Start,
        (Page::Question(n) | Page::Interruption(n), _) if on_path(n) => page,
        (Page::Outcome(o), End::Outcome(end)) if o == end => page,
        (_, end) => page_at(end),
    }
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

/// The keys of the checklist's red flags that `ticked` holds, in its order.
fn checklist(ticked: impl Fn(&'static str) -> bool) -> Vec<&'static str> {
    RED_FLAGS
        .iter()
        .map(|f| f.key)
        .filter(|k| ticked(k))
        .collect()
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
        assert_eq!(s.page, Page::Check);
        let s = s.apply(Action::SeeResult);
        assert_eq!(s.page, Page::Outcome(id("licence-informed")));
        let s = s.apply(Action::Back);
        assert_eq!(s.page, Page::Check);
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

    pub(super) fn answer_all(s: State, choices: &[Choice]) -> State {
        choices
            .iter()
            .fold(s, |s, c| s.apply(Action::Select(*c)).apply(Action::Confirm))
    }

    #[test]
    fn a_change_from_the_check_page_asks_newly_opened_questions_then_returns() {
        let s = answer_all(
            run(&[Action::Start]),
            &[Choice::Export, Choice::No, Choice::NoneOfThese, Choice::No],
        );
        assert_eq!(s.page, Page::Check);
        // Changing the product description opens the 5A001.f question.
        let s = s.apply(Action::Change(id("listing")));
        assert_eq!(s.selected, Some(Choice::NoneOfThese));
        let s = answer_all(s, &[Choice::Interception]);
        assert_eq!(s.page, Page::Question(id("interception")));
        let s = answer_all(s, &[Choice::Excluded]);
        assert_eq!(s.page, Page::Check, "csi-designed was answered before");
        // A change that opens nothing new returns at once.
        let s = answer_all(s.apply(Action::Change(id("csi-designed"))), &[Choice::No]);
        assert_eq!(s.page, Page::Check);
        assert_eq!(s.returning, None);
    }

    #[test]
    fn history_cannot_reach_a_page_the_answers_do_not_lead_to() {
        let s = answer_all(run(&[Action::Start]), &[Choice::IntraEu]);
        assert_eq!(s.page, Page::Check);
        let s = s.apply(Action::GoTo(Page::Question(id("csi-covert"))));
        assert_eq!(s.page, Page::Check);
        let s = s.apply(Action::GoTo(Page::Question(START)));
        assert_eq!(s.page, Page::Question(START));
        assert_eq!(s.selected, Some(Choice::IntraEu));
    }

    fn started(source: Source, text: &str) -> State {
        State::start(Startup {
            saved: Some((source, Saved::decode(text))),
            ..Startup::plain(Lang::En)
        })
    }

    #[test]
    fn a_link_restores_answers_and_the_page() {
        let link = Saved::of(
            &answer_all(run(&[Action::Start]), &[Choice::Export, Choice::No]).answers,
            "en",
            Some("DE"),
            Some("listing"),
        )
        .encode();
        let s = started(Source::Link, &link);
        assert_eq!(s.page, Page::Question(id("listing")));
        assert_eq!(s.member_state, Some("DE"));
        assert_eq!(s.notices, vec![Notice::Restored(Source::Link)]);
        assert!(!s.remember, "a link never turns remembering on");
        let s = started(Source::Device, &link);
        assert!(s.remember);
    }

    #[test]
    fn a_damaged_link_or_corrupted_storage_starts_fresh_and_says_so() {
        let s = started(Source::Link, "v=1&a=activity");
        assert_eq!((s.page, s.answers.is_empty()), (Page::Start, true));
        assert_eq!(s.notices, vec![Notice::LinkDamaged]);
        let s = started(Source::Device, "{\"foreign\": true}");
        assert_eq!(s.notices, vec![Notice::StorageCorrupted]);
        assert!(!s.remember, "the stored copy is left alone");
    }

    #[test]
    fn another_version_unknown_language_and_state_are_reported() {
        let s = started(Source::Link, "v=1999.1&lang=xx&ms=ZZ&a=activity:x,gone:y");
        assert_eq!(
            s.page,
            Page::Question(START),
            "answers are confirmed one by one"
        );
        assert_eq!(s.selected, Some(Choice::Export));
        assert_eq!(
            s.notices,
            vec![
                Notice::OtherVersion("1999.1".into()),
                Notice::LanguageUnknown("xx".into()),
                Notice::StateUnknown("ZZ".into()),
                Notice::Dropped(1),
            ]
        );
        assert_eq!((s.lang, s.member_state), (Lang::En, None));
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
    fn restart_keeps_the_language_and_remembering() {
        let s = run(&[
            Action::SetLang(Lang::En),
            Action::Start,
            Action::ToggleRedFlag(RED_FLAGS[0].key),
            Action::Restart,
        ]);
        assert_eq!(s, State::new(Lang::En));
    }

    #[test]
    fn red_flags_toggle_in_the_checklist_order_and_unknown_keys_are_ignored() {
        let (first, last) = (RED_FLAGS[0].key, RED_FLAGS[RED_FLAGS.len() - 1].key);
        let s = run(&[
            Action::ToggleRedFlag(last),
            Action::ToggleRedFlag("no-such-flag"),
            Action::ToggleRedFlag(first),
        ]);
        assert_eq!(s.red_flags, vec![first, last]);
        let s = run(&[
            Action::ToggleRedFlag(last),
            Action::ToggleRedFlag(first),
            Action::ToggleRedFlag(last),
        ]);
        assert_eq!(s.red_flags, vec![first]);
    }
}
