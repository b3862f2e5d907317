//! The widget's state and the one place it changes (a reducer): components
//! only render it and send actions.

use std::rc::Rc;

use yew::Reducible;

use crate::rules::about::{About, Field};
use crate::rules::content::{self, START};
use crate::rules::record::{Imported, RecordError};
use crate::rules::saved::{DecodeError, Saved};
use crate::rules::{
    Answer, Answers, AskNode, Choice, End, Items, MemberState, NodeId, OutcomeClass, OutcomeNode,
    Shown, StopNode, explain, walk,
};
use crate::text::Lang;

use super::settings::Settings;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Start,
    Question(AskNode),
    Interruption(StopNode),
    /// Check your answers, before the outcome.
    Check,
    Outcome(OutcomeNode),
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

/// What this device holds under the widget's key, as far as it knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Device {
    /// Nothing (or nothing the widget looked for).
    #[default]
    Empty,
    /// Answers of this check, restored or written by it: the widget may
    /// replace them as the user asked, and "Forget my answers" removes them.
    Answers,
    /// Something the widget cannot read: damaged, or another application's
    /// data under the same name. Replaced only when the user agrees.
    Unreadable,
}

/// A message about something that happened to the user's answers, or that
/// the user must know before going on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Restored(Source),
    LinkDamaged,
    ImportTooLarge,
    ImportNotRecord,
    /// A record of a format this version cannot read.
    ImportNewerFormat(u32),
    ImportUnreadable,
    /// The imported record's outcome differs from the current one.
    ImportOtherOutcome {
        recorded: OutcomeClass,
        now: OutcomeClass,
    },
    /// The answers were given under another content version: each is shown
    /// again to confirm.
    OtherVersion(String),
    /// Answers that no longer fit any question were left out.
    Dropped(usize),
    /// The answers named a language or a Member State this version does not
    /// know: said without quoting the link's or file's text, which could say
    /// anything under the widget's name.
    LanguageUnknown,
    StateUnknown,
    StorageUnavailable,
    StorageFull,
    /// What this device had stored could not be read; it was left as it is.
    StorageCorrupted,
    Forgotten,
    /// "Forget my answers" could not remove them from this device.
    ForgetFailed,
    /// The texts of this language could not be fetched: the check stays in
    /// the language it was in.
    LanguageFailed(Lang),
    /// A link was opened while other answers are remembered on this device:
    /// those were left as they are.
    RememberedKept,
    /// The widget's own page is shown inside another site's frame: it keeps
    /// nothing on this device there, and offers to open in a tab of its own.
    Framed,
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
    /// The widget is all its document holds (its own page, also inside a
    /// frame): its root is the document's main landmark. A host's element
    /// sits in the host's own.
    pub whole_document: bool,
    /// Where answers are remembered on this device, if the user asks; none
    /// where the widget must keep nothing.
    pub storage_key: Option<String>,
    /// What this device held under that key.
    pub device: Device,
    /// What the user must know before anything else.
    pub notices: Vec<Notice>,
}

impl Startup {
    /// A widget with nothing given but a language.
    pub fn plain(lang: Lang) -> Startup {
        Startup {
            lang,
            saved: None,
            settings: Settings::default(),
            owns_page: false,
            whole_document: false,
            storage_key: Some("cyberscreen".into()),
            device: Device::Empty,
            notices: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub page: Page,
    pub answers: Answers,
    /// What is marked on the current page, not yet confirmed.
    pub selected: Option<Answer>,
    /// "Continue" was pressed with nothing selected.
    pub error: bool,
    /// The user's Member State (ISO code), for the authority on outcomes.
    pub member_state: Option<MemberState>,
    /// The Member State the host preset: a fresh start comes back to it.
    pub host_member_state: Option<MemberState>,
    /// Set while changing an answer from the check page: the path as it was,
    /// so that newly opened questions are asked before returning there.
    pub returning: Option<Vec<NodeId>>,
    pub notices: Vec<Notice>,
    /// The user asked to keep the answers on this device.
    pub remember: bool,
    /// The language whose texts are being fetched, if any.
    pub loading: Option<Lang>,
    /// What the record is about, as the user wrote it (kept in memory only,
    /// and in the record files).
    pub about: About,
    /// What this device holds under the widget's key.
    pub device: Device,
    /// "Remember" was ticked where the device holds something unreadable:
    /// the user is asked whether to replace it.
    pub replacing: bool,
    /// The page where "Save and come back later" last stored the answers:
    /// it confirms so there while they are remembered.
    pub saved_on: Option<Page>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Start,
    /// An option of a question, or an exclusive answer of a checklist.
    Select(Choice),
    /// An item of a checklist ticked or unticked.
    Toggle(usize),
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
    /// A record read back (boxed: it is far larger than any other action).
    Import(Box<Result<Imported, RecordError>>),
    Notify(Notice),
    DismissNotices,
    /// Remembering switched on (the answers are stored now) or off.
    SetRemember(bool),
    /// "Save and come back later" stored the answers.
    SavedForLater,
    /// What the device holds now, after storing or removing failed or worked.
    DeviceHolds(Device),
    /// Whether to ask before replacing what the device holds and cannot read.
    AskReplace(bool),
    /// "Forget my answers": whether they were removed from this device.
    /// If so, the check starts afresh.
    Forgotten(bool),
    /// Show this language (its texts are here).
    SetLang(Lang),
    /// This language's texts are being fetched.
    LoadLang(Lang),
    /// This language's texts arrived: shown if it is still the one asked for.
    LangLoaded(Lang),
    /// This language's texts could not be fetched (said only if it is still
    /// the one asked for).
    LangFailed(Lang),
    SetMemberState(Option<MemberState>),
    /// A field of what the record is about, as typed.
    SetAbout(Field, String),
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
            host_member_state: None,
            returning: None,
            notices: Vec::new(),
            remember: false,
            loading: None,
            about: About::default(),
            device: Device::Empty,
            replacing: false,
            saved_on: None,
        }
    }

    /// Whether "Save and come back later" stored the answers from this very
    /// page, and they are still remembered.
    pub fn saved_here(&self) -> bool {
        self.remember && self.saved_on == Some(self.page)
    }

    /// The state to begin with: fresh, or restored from a link or this device.
    pub fn start(startup: Startup) -> Self {
        let fresh = State {
            member_state: startup.settings.member_state,
            host_member_state: startup.settings.member_state,
            device: startup.device,
            ..State::new(startup.lang)
        };
        let mut state = match startup.saved {
            None => fresh,
            Some((source, Ok(saved))) => {
                let restored = fresh.restore(&saved, source);
                let read_back = restored.notices.first() == Some(&Notice::Restored(Source::Device));
                match source {
                    // Answers read back from this device are being remembered;
                    // a copy the tree cannot take is no answers of this check.
                    Source::Device if read_back => State {
                        remember: true,
                        ..restored
                    },
                    Source::Device if restored.notices.contains(&Notice::StorageCorrupted) => {
                        State {
                            device: Device::Unreadable,
                            ..restored
                        }
                    }
                    Source::Link if restored.device == Device::Answers => {
                        restored.notify(Notice::RememberedKept)
                    }
                    _ => restored,
                }
            }
            Some((source, Err(_))) => match source {
                Source::Device => State {
                    device: Device::Unreadable,
                    ..fresh
                }
                .notify(Notice::StorageCorrupted),
                Source::Link | Source::Record => fresh.notify(Notice::LinkDamaged),
            },
        };
        for notice in startup.notices {
            state = state.notify(notice);
        }
        state
    }

    /// A fresh check in this language, with what the host preset.
    fn fresh(&self) -> Self {
        State {
            member_state: self.host_member_state,
            host_member_state: self.host_member_state,
            device: self.device,
            ..State::new(self.lang)
        }
    }

    /// Takes over a record read back: its answers, and what it is about.
    fn imported(self, imported: Imported) -> Self {
        // Remembering stays as the user set it: the imported answers
        // replace the remembered ones.
        let remember = self.remember;
        let mut next = State {
            remember,
            ..self.fresh()
        }
        .restore(&imported.saved, Source::Record);
        let now = explain(&next.answers).map(|e| e.class);
        if let (Some(recorded), Some(now)) = (imported.recorded_class, now)
            && recorded != now
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

    /// Takes over decoded answers. Those from another content version are
    /// shown again one by one; nothing unknown is taken silently. A link or
    /// stored copy of this version with answers the tree does not know is
    /// damaged: none of it is taken.
    fn restore(self, saved: &Saved, source: Source) -> Self {
        let restored = saved.restore();
        if restored.other_version.is_none()
            && !restored.unusable.is_empty()
            && source != Source::Record
        {
            return self.notify(match source {
                Source::Device => Notice::StorageCorrupted,
                Source::Link | Source::Record => Notice::LinkDamaged,
            });
        }
        let mut notices = Vec::new();
        // A language whose texts are not here stays out: the page's loader
        // fetched the link's language where it had one.
        let lang = match saved.lang.as_deref() {
            None => self.lang,
            Some(tag) => match Lang::from_tag(tag) {
                Some(lang) if lang.is_available() => lang,
                Some(_) => self.lang,
                None => {
                    notices.push(Notice::LanguageUnknown);
                    self.lang
                }
            },
        };
        let given = saved.member_state.as_deref().and_then(|code| {
            let found = MemberState::from_code(code);
            if found.is_none() {
                notices.push(Notice::StateUnknown);
            }
            found
        });
        let member_state = given.or(self.member_state);
        if !restored.unusable.is_empty() {
            notices.push(Notice::Dropped(restored.unusable.len()));
        }
        let answers = restored.answers;
        let page = match &restored.other_version {
            Some(_) if answers.is_empty() => Page::Start,
            Some(_) => page_of(START),
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
            remember: self.remember,
            host_member_state: self.host_member_state,
            // A link may say what the check is about; the device never does.
            about: if saved.about.is_empty() {
                self.about
            } else {
                saved.about.clone()
            },
            device: self.device,
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
            Page::Question(q) => self.answers.get(q.id()),
            _ => None,
        };
        self.error = false;
        self.page = page;
        self
    }

    fn apply(self, action: Action) -> Self {
        match action {
            Action::Start => self.show(page_of(START)),
            Action::Select(choice) => {
                let selected = match self.selected {
                    // A second click on a checklist's exclusive answer unticks it.
                    Some(Answer::One(c)) if c == choice && self.on_checklist() => None,
                    _ => Some(Answer::One(choice)),
                };
                State { selected, ..self }
            }
            Action::Toggle(item) => {
                let ticked = match self.selected {
                    Some(Answer::Ticked(set)) => set,
                    _ => Items::NONE,
                }
                .toggled(item);
                State {
                    selected: (!ticked.is_empty()).then_some(Answer::Ticked(ticked)),
                    ..self
                }
            }
            Action::Confirm => match (self.page, self.selected) {
                (Page::Question(q), Some(answer)) => {
                    let mut next = self;
                    if next.answers.set(q.id(), answer).is_err() {
                        return next;
                    }
                    let page = match &next.returning {
                        Some(before) => page_returning(&next.answers, q.id(), before),
                        None => page_after(&next.answers, q.id()),
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
                    let page = page_after(&self.answers, n.id());
                    self.show(page)
                }
                _ => self,
            },
            Action::Back => {
                let page = match self.page {
                    Page::Outcome(_) => Page::Check,
                    Page::Check => last_on_path(&self.answers),
                    _ => self
                        .page
                        .node()
                        .map_or(Page::Start, |n| page_before(&self.answers, n)),
                };
                self.show(page)
            }
            Action::Restart => State {
                remember: self.remember,
                ..self.fresh()
            },
            Action::Change(q) => {
                let before = walk(&self.answers).nodes().collect();
                let mut next = self.show(page_of(q));
                next.returning = Some(before);
                next
            }
            Action::SeeResult => match walk(&self.answers).end {
                End::Outcome(n) | End::Ask(n) => self.show(page_of(n)),
            },
            Action::GoTo(page) => {
                let page = valid_page(&self.answers, page);
                self.show(page)
            }
            Action::Import(read) => match *read {
                Ok(imported) => self.imported(imported),
                Err(e) => self.notify(match e {
                    RecordError::TooLarge => Notice::ImportTooLarge,
                    RecordError::NotJson | RecordError::NotARecord => Notice::ImportNotRecord,
                    RecordError::NewerFormat(version) => Notice::ImportNewerFormat(version),
                }),
            },
            Action::Notify(notice) => self.notify(notice),
            Action::SavedForLater => State {
                saved_on: Some(self.page),
                ..self
            },
            Action::DismissNotices => State {
                notices: Vec::new(),
                ..self
            },
            Action::SetRemember(true) => State {
                remember: true,
                device: Device::Answers,
                replacing: false,
                ..self
            },
            Action::SetRemember(false) => State {
                remember: false,
                ..self
            },
            Action::DeviceHolds(device) => State { device, ..self },
            Action::AskReplace(replacing) => State { replacing, ..self },
            Action::Forgotten(true) => State {
                notices: vec![Notice::Forgotten],
                device: Device::Empty,
                ..self.fresh()
            },
            // Nothing is claimed that did not happen: the answers stay, and
            // so does remembering, since the stored copy is still there.
            Action::Forgotten(false) => self.notify(Notice::ForgetFailed),
            Action::SetLang(lang) if lang.is_available() => State {
                lang,
                loading: None,
                ..self
            },
            Action::SetLang(_) => self,
            Action::LoadLang(lang) => State {
                loading: Some(lang),
                ..self
            },
            // A fetch the user has since moved on from changes nothing.
            Action::LangLoaded(lang) | Action::LangFailed(lang) if self.loading != Some(lang) => {
                self
            }
            Action::LangLoaded(lang) => self.apply(Action::SetLang(lang)),
            Action::LangFailed(lang) => State {
                loading: None,
                ..self
            }
            .notify(Notice::LanguageFailed(lang)),
            Action::SetMemberState(member_state) => State {
                member_state,
                ..self
            },
            Action::SetAbout(field, value) => {
                let mut about = self.about;
                about.set(field, &value);
                State { about, ..self }
            }
        }
    }

    fn on_checklist(&self) -> bool {
        matches!(self.page, Page::Question(n) if n.is_checklist())
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
            page => page.node().map_or("start", |n| content::node(n).key),
        }
    }

    /// The node it shows, if any.
    pub fn node(self) -> Option<NodeId> {
        match self {
            Page::Start | Page::Check => None,
            Page::Question(n) => Some(n.id()),
            Page::Interruption(n) => Some(n.id()),
            Page::Outcome(n) => Some(n.id()),
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

/// The page that shows `node`. Junctions are never shown (the walk passes
/// through them): a history entry naming one gets the start page.
fn page_of(node: NodeId) -> Page {
    match Shown::of(node) {
        Some(Shown::Ask(n)) => Page::Question(n),
        Some(Shown::Stop(n)) => Page::Interruption(n),
        Some(Shown::Outcome(n)) => Page::Outcome(n),
        None => Page::Start,
    }
}

/// The page after `node` on the current path: one step at a time, so that
/// answers kept from earlier are shown again rather than skipped. The check
/// page comes before the outcome.
fn page_after(answers: &Answers, node: NodeId) -> Page {
    let w = walk(answers);
    let path: Vec<NodeId> = w.nodes().collect();
    let next = path
        .iter()
        .position(|n| *n == node)
        .and_then(|i| path.get(i + 1));
    next.map_or(page_at(w.end), |n| page_of(*n))
}

/// Where the path ends: its open question, or the check page before the outcome.
fn page_at(end: End) -> Page {
    match end {
        End::Ask(q) => page_of(q),
        End::Outcome(_) => Page::Check,
    }
}

/// After a change made from the check page: the first question or stop the
/// change newly opened, else back to the check page.
fn page_returning(answers: &Answers, changed: NodeId, before: &[NodeId]) -> Page {
    let w = walk(answers);
    let new = w
        .nodes()
        .skip_while(|n| *n != changed)
        .skip(1)
        .find(|n| !before.contains(n));
    new.map_or(page_at(w.end), page_of)
}

/// The last page of the path before the check page.
fn last_on_path(answers: &Answers) -> Page {
    walk(answers).nodes().last().map_or(Page::Start, page_of)
}

/// A page the history names, if the current answers still lead there;
/// otherwise the nearest page that they do lead to.
fn valid_page(answers: &Answers, page: Page) -> Page {
    let w = walk(answers);
    let on_path = |n: NodeId| w.passes(n) || matches!(w.end, End::Ask(q) if q == n);
    match (page, w.end) {
        (Page::Start, _) => Page::Start,
        (Page::Question(_) | Page::Interruption(_), _) if page.node().is_some_and(on_path) => page,
        (Page::Outcome(o), End::Outcome(end)) if o.id() == end => page,
        (_, end) => page_at(end),
    }
}

/// The page before `node` on the current path; the start page before the first.
fn page_before(answers: &Answers, node: NodeId) -> Page {
    let path: Vec<NodeId> = walk(answers).nodes().collect();
    let upto = path.iter().position(|n| *n == node).unwrap_or(path.len());
    path[..upto].last().map_or(Page::Start, |n| page_of(*n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::content::node_by_key;
    use crate::text::Moment;

    const WHEN: Moment = Moment {
        year: 2026,
        month: 12,
        day: 2,
        hour: 9,
        minute: 5,
        offset_minutes: 0,
    };

    fn id(key: &str) -> NodeId {
        node_by_key(key).unwrap()
    }

    /// The page that shows the node `key`.
    fn shown(key: &str) -> Page {
        page_of(id(key))
    }

    fn c(key: &str) -> Choice {
        Choice::from_key(key).unwrap()
    }

    fn run(actions: &[Action]) -> State {
        actions
            .iter()
            .cloned()
            .fold(State::new(Lang::En), State::apply)
    }

    /// Answers each page in turn: an answer's name, or a checklist's items
    /// as "+"-joined names.
    /// A short walk to the check page: a listed item sent to another
    /// Member State.
    const TO_CHECK: [&str; 5] = ["intra_eu", "equipment", "mobile", "identifiers", "no"];

    pub(super) fn answer_all(s: State, answers: &[&str]) -> State {
        answers.iter().fold(s, |s, a| {
            let Page::Question(n) = s.page else {
                panic!("not on a page that asks: {:?}", s.page)
            };
            let node = n.node();
            let s = if a.contains('+')
                || node.offers().iter().any(|o| o.choice.key() == *a) && n.is_checklist()
            {
                a.split('+').fold(s, |s, item| {
                    let i = node
                        .offers()
                        .iter()
                        .position(|o| o.choice.key() == item)
                        .unwrap();
                    s.apply(Action::Toggle(i))
                })
            } else {
                s.apply(Action::Select(c(a)))
            };
            s.apply(Action::Confirm)
        })
    }

    #[test]
    fn continue_without_an_answer_shows_an_error_and_stays() {
        let s = run(&[Action::Start, Action::Confirm]);
        assert_eq!(s.page, page_of(START));
        assert!(s.error);
        let s = answer_all(s, &["export"]);
        assert_eq!(s.page, shown("destination"));
        assert!(!s.error);
    }

    #[test]
    fn interruption_comes_before_its_outcome_and_back_returns_with_the_answer() {
        let s = answer_all(run(&[Action::Start]), &["export", "other", "repression"]);
        assert_eq!(s.page, shown("informed-stop"));
        let s = s.apply(Action::Proceed);
        assert_eq!(s.page, Page::Check);
        let s = s.apply(Action::SeeResult);
        assert_eq!(s.page, shown("licence-informed"));
        let s = s.apply(Action::Back);
        assert_eq!(s.page, Page::Check);
        let s = s.apply(Action::Back).apply(Action::Back);
        assert_eq!(s.page, shown("authority-informed"));
        assert_eq!(
            s.selected,
            Some(Answer::One(c("repression"))),
            "the earlier answer is preselected"
        );
        let s = s
            .apply(Action::Back)
            .apply(Action::Back)
            .apply(Action::Back);
        assert_eq!(s.page, Page::Start);
    }

    #[test]
    fn checklist_items_tick_and_untick_and_an_exclusive_answer_clears_them() {
        let s = answer_all(run(&[Action::Start]), &["export", "other", "no"]);
        assert_eq!(s.page, shown("form"));
        let s = s.apply(Action::Toggle(0)).apply(Action::Toggle(2));
        assert_eq!(s.selected, Some(Answer::Ticked(Items(0b101))));
        let s = s.apply(Action::Toggle(0));
        assert_eq!(s.selected, Some(Answer::Ticked(Items(0b100))));
        let s = s.apply(Action::Select(c("not_sure")));
        assert_eq!(
            s.selected,
            Some(Answer::One(c("not_sure"))),
            "the exclusive answer stands alone"
        );
        let s = s.apply(Action::Toggle(1));
        assert_eq!(
            s.selected,
            Some(Answer::Ticked(Items(0b010))),
            "ticking an item clears it"
        );
        let s = s.apply(Action::Toggle(1));
        assert_eq!(s.selected, None);
        let s = s.apply(Action::Confirm);
        assert!(s.error, "nothing ticked is an error");
        let s = answer_all(s, &["software"]);
        assert_eq!(s.page, shown("screen-software"));
    }

    #[test]
    fn a_change_from_the_check_page_asks_newly_opened_questions_then_returns() {
        let s = answer_all(
            run(&[Action::Start]),
            &[
                "export", "other", "no", "software", "none", "no", "no", "none",
            ],
        );
        assert_eq!(s.page, Page::Check);
        // Ticking a description opens its questions.
        let s = s.apply(Action::Change(id("screen-software")));
        assert_eq!(s.selected, Some(Answer::One(c("none"))));
        let s = answer_all(s, &["lea_monitoring"]);
        assert_eq!(s.page, shown("sw-lea"));
        let s = answer_all(s, &["no"]);
        assert_eq!(s.page, Page::Check, "csi-designed was answered before");
        // A change that opens nothing new returns at once (here: the answer
        // shown again, as it was, confirmed).
        let s = s
            .apply(Action::Change(id("type-designed")))
            .apply(Action::Confirm);
        assert_eq!(s.page, Page::Check);
        assert_eq!(s.returning, None);
    }

    #[test]
    fn history_cannot_reach_a_page_the_answers_do_not_lead_to() {
        let s = answer_all(run(&[Action::Start]), &TO_CHECK);
        assert_eq!(s.page, Page::Check);
        let s = s.apply(Action::GoTo(shown("csi-covert")));
        assert_eq!(s.page, Page::Check);
        let s = s.apply(Action::GoTo(page_of(START)));
        assert_eq!(s.page, page_of(START));
        assert_eq!(s.selected, Some(Answer::One(c("intra_eu"))));
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
            &answer_all(run(&[Action::Start]), &["export", "other"]).answers,
            "en",
            MemberState::from_code("DE"),
            Some("authority-informed"),
        )
        .encode();
        let s = started(Source::Link, &link);
        assert_eq!(s.page, shown("authority-informed"));
        assert_eq!(s.member_state, MemberState::from_code("DE"));
        assert_eq!(s.notices, vec![Notice::Restored(Source::Link)]);
        assert!(!s.remember, "a link never turns remembering on");
        let s = started(Source::Device, &link);
        assert!(s.remember);
    }

    #[test]
    fn a_link_that_says_what_the_check_is_about_fills_those_fields() {
        let mut about = About::default();
        about.set(Field::Product, "CellScout 4.2 & Co");
        let answers = answer_all(run(&[Action::Start]), &["export", "other"]).answers;
        let saved = Saved::of(&answers, "en", None, Some("check"));
        let s = started(Source::Link, &saved.clone().with_about(&about).encode());
        assert_eq!(s.about, about);
        assert_eq!(s.answers, answers);
        assert!(started(Source::Link, &saved.encode()).about.is_empty());
    }

    #[test]
    fn what_the_device_holds_is_replaced_or_forgotten_only_as_the_user_asks() {
        let link = "v=2026.1&a=activity:x";
        // A link opened while answers are remembered says so; "Forget" stays.
        let s = State::start(Startup {
            saved: Some((Source::Link, Saved::decode(link))),
            device: Device::Answers,
            ..Startup::plain(Lang::En)
        });
        assert!(
            s.notices.contains(&Notice::RememberedKept),
            "{:?}",
            s.notices
        );
        assert_eq!((s.remember, s.device), (false, Device::Answers));
        // Unreadable data is known as such, and survives a fresh start.
        let s = started(Source::Device, "{\"app\": \"portal\"}");
        assert_eq!(s.device, Device::Unreadable);
        let s = s.apply(Action::Start).apply(Action::Restart);
        assert_eq!(s.device, Device::Unreadable);
        let asked = s.apply(Action::AskReplace(true));
        assert!(asked.replacing && !asked.remember);
        let kept = asked.clone().apply(Action::AskReplace(false));
        assert_eq!((kept.replacing, kept.device), (false, Device::Unreadable));
        // Storing, which the user agreed to, makes the device hold answers.
        let stored = asked.apply(Action::SetRemember(true));
        assert_eq!((stored.replacing, stored.device), (false, Device::Answers));
        let forgotten = stored.apply(Action::Forgotten(true));
        assert_eq!(
            (forgotten.remember, forgotten.device),
            (false, Device::Empty)
        );
    }

    #[test]
    fn notices_of_the_place_come_with_those_of_the_answers() {
        let s = State::start(Startup {
            saved: Some((Source::Link, Saved::decode("v=1&a=activity"))),
            notices: vec![Notice::Framed],
            ..Startup::plain(Lang::En)
        });
        assert_eq!(s.notices, vec![Notice::LinkDamaged, Notice::Framed]);
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

    /// A link of this version whose answers the tree does not know was cut
    /// or altered: nothing of it is taken.
    #[test]
    fn a_link_of_this_version_with_unknown_answers_is_damaged() {
        let cut = format!(
            "v={}&a=activity:exp",
            crate::rules::content::CONTENT_VERSION
        );
        let s = started(Source::Link, &cut);
        assert_eq!((s.page, s.answers.is_empty()), (Page::Start, true));
        assert_eq!(s.notices, vec![Notice::LinkDamaged]);
        let s = started(Source::Device, &cut);
        assert_eq!(s.notices, vec![Notice::StorageCorrupted]);
        assert!(!s.remember);
    }

    #[test]
    fn another_version_unknown_language_and_state_are_reported() {
        let s = started(Source::Link, "v=1999.1&lang=xx&ms=ZZ&a=activity:x,gone:y");
        assert_eq!(s.page, page_of(START), "answers are confirmed one by one");
        assert_eq!(s.selected, Some(Answer::One(c("export"))));
        assert_eq!(
            s.notices,
            vec![
                Notice::OtherVersion("1999.1".into()),
                Notice::LanguageUnknown,
                Notice::StateUnknown,
                Notice::Dropped(1),
            ]
        );
        assert_eq!((s.lang, s.member_state), (Lang::En, None));
    }

    #[test]
    fn an_answer_the_question_does_not_offer_is_not_recorded() {
        let s = run(&[Action::Start, Action::Select(c("yes")), Action::Confirm]);
        assert_eq!(s.page, page_of(START));
        assert!(s.answers.is_empty());
    }

    fn hosted(member_state: &'static str) -> State {
        State::start(Startup {
            settings: crate::ui::settings::Settings {
                member_state: MemberState::from_code(member_state),
                ..Default::default()
            },
            ..Startup::plain(Lang::De)
        })
    }

    #[test]
    fn only_the_language_last_asked_for_is_shown_when_its_texts_arrive() {
        let s = answer_all(run(&[Action::Start]), &["export"]);
        let s = s
            .apply(Action::LoadLang(Lang::Fr))
            .apply(Action::LoadLang(Lang::De));
        let s = s.apply(Action::LangLoaded(Lang::Fr));
        assert_eq!(
            (s.lang, s.loading),
            (Lang::En, Some(Lang::De)),
            "French came too late"
        );
        let s = s.apply(Action::LangFailed(Lang::Fr));
        assert!(s.notices.is_empty(), "nor is its failure told");
        let s = s.apply(Action::LangLoaded(Lang::De));
        assert_eq!((s.lang, s.loading), (Lang::De, None));
        assert_eq!(s.answers.iter().count(), 1, "the answers stay");
        // A failure of the language asked for is told, and changes nothing else.
        let s = s
            .apply(Action::LoadLang(Lang::Fr))
            .apply(Action::LangFailed(Lang::Fr));
        assert_eq!((s.lang, s.loading), (Lang::De, None));
        assert_eq!(s.notices, vec![Notice::LanguageFailed(Lang::Fr)]);
        // Choosing a language that is here ends the wait for another.
        let s = s
            .apply(Action::LoadLang(Lang::Fr))
            .apply(Action::SetLang(Lang::En))
            .apply(Action::LangLoaded(Lang::Fr));
        assert_eq!((s.lang, s.loading), (Lang::En, None));
    }

    #[test]
    fn saving_for_later_is_confirmed_on_its_page_only_while_remembered() {
        let s = answer_all(State::new(Lang::En).apply(Action::Start), &["export"])
            .apply(Action::SetRemember(true))
            .apply(Action::SavedForLater);
        assert!(s.saved_here());
        let next = answer_all(s.clone(), &["other"]);
        assert!(!next.saved_here(), "not on the next question");
        assert!(
            !s.apply(Action::SetRemember(false)).saved_here(),
            "not once forgotten"
        );
    }

    #[test]
    fn each_page_gets_the_kind_of_node_it_shows_and_a_junction_none() {
        assert!(matches!(shown("form"), Page::Question(n) if n.is_checklist()));
        assert!(matches!(shown("destination"), Page::Question(n) if !n.is_checklist()));
        assert!(matches!(shown("informed-stop"), Page::Interruption(_)));
        assert!(matches!(shown("licence-informed"), Page::Outcome(_)));
        // A history entry naming a junction (never shown) gets the start page.
        assert_eq!(Page::from_step("after-destination"), Some(Page::Start));
    }

    #[test]
    fn restart_keeps_the_language_remembering_and_the_hosts_member_state() {
        let s = hosted("DE");
        let s = answer_all(s.apply(Action::Start), &["export"]);
        let s = s
            .apply(Action::SetLang(Lang::Fr))
            .apply(Action::SetRemember(true))
            .apply(Action::SetMemberState(MemberState::from_code("AT")))
            .apply(Action::Restart);
        assert_eq!(s.page, Page::Start);
        assert!(s.answers.is_empty());
        assert_eq!(s.lang, Lang::Fr, "the language stays");
        assert!(s.remember, "remembering stays");
        assert_eq!(
            s.member_state,
            MemberState::from_code("DE"),
            "the host's Member State comes back"
        );
    }

    #[test]
    fn forgetting_keeps_the_hosts_member_state_and_a_failure_says_so() {
        let s = answer_all(hosted("DE").apply(Action::Start), &["export"])
            .apply(Action::SetRemember(true));
        let failed = s.clone().apply(Action::Forgotten(false));
        assert_eq!(failed.notices, vec![Notice::ForgetFailed]);
        assert!(
            failed.remember && !failed.answers.is_empty(),
            "nothing is claimed that did not happen"
        );
        let done = s.apply(Action::Forgotten(true));
        assert_eq!(done.notices, vec![Notice::Forgotten]);
        assert!(!done.remember && done.answers.is_empty());
        assert_eq!(done.member_state, MemberState::from_code("DE"));
    }

    #[test]
    fn what_the_record_is_about_is_kept_imported_and_forgotten_on_a_fresh_start() {
        use crate::rules::about::{About, Field};
        let s = run(&[Action::Start])
            .apply(Action::SetAbout(Field::Product, " CellScout\t4.2 ".into()));
        assert_eq!(s.about.get(Field::Product), Some("CellScout 4.2"));
        let mut about = About::default();
        about.set(Field::Reference, "EX-2026-17");
        let record = crate::rules::record::Record {
            answers: &answer_all(run(&[Action::Start]), &TO_CHECK).answers,
            lang: Lang::En,
            member_state: None,
            created: WHEN,
            about: &about,
        }
        .to_json();
        let imported = s.apply(Action::Import(Box::new(crate::rules::record::import(
            &record,
        ))));
        assert_eq!(
            imported.about, about,
            "the record's fields replace what was typed"
        );
        assert!(imported.apply(Action::Restart).about.is_empty());
    }

    #[test]
    fn importing_keeps_remembering_on_so_the_import_replaces_what_was_stored() {
        let record = short_record();
        let s = hosted("DE").apply(Action::SetRemember(true));
        let s = s.apply(Action::Import(Box::new(crate::rules::record::import(
            &record,
        ))));
        assert!(s.remember);
        assert_eq!(
            s.member_state,
            MemberState::from_code("DE"),
            "the record named none: the host's stays"
        );
        assert_eq!(s.page, Page::Check);
    }

    #[test]
    fn a_record_whose_result_differs_is_named_by_our_label_never_its_text() {
        let record = short_record();
        let now = explain(&started_from(&record).answers).unwrap().class;
        let other = OutcomeClass::ALL
            .iter()
            .copied()
            .find(|c| *c != now)
            .unwrap();
        let changed = record.replace(
            &format!("\"class\": \"{}\"", now.code()),
            &format!("\"class\": \"{}\"", other.code()),
        );
        assert_ne!(changed, record);
        assert_eq!(
            started_from(&changed).notices.last(),
            Some(&Notice::ImportOtherOutcome {
                recorded: other,
                now
            })
        );
        let claim = record.replace(
            &format!("\"class\": \"{}\"", now.code()),
            "\"class\": \"APPROVED-BY-YOUR-AUTHORITY\"",
        );
        assert!(
            !started_from(&claim)
                .notices
                .iter()
                .any(|n| matches!(n, Notice::ImportOtherOutcome { .. })),
            "a class of no version of ours is not shown"
        );
    }

    /// A record of a short walk.
    fn short_record() -> String {
        crate::rules::record::Record {
            answers: &answer_all(run(&[Action::Start]), &TO_CHECK).answers,
            lang: Lang::En,
            member_state: None,
            created: WHEN,
            about: &Default::default(),
        }
        .to_json()
    }

    fn started_from(record: &str) -> State {
        State::new(Lang::En).apply(Action::Import(Box::new(crate::rules::record::import(
            record,
        ))))
    }
}
