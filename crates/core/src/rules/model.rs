//! The shapes of the tree. The data itself is in `content/tree.toml`; the
//! tables are generated from it by the content compiler (`crates/content`).

pub use super::vocab::*;
use crate::text::{Lang, TextId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub(crate) u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvisionId(pub(crate) u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocId(pub(crate) u8);

/// An answer's name, as written in `content/tree.toml` (`yes`, `not_sure`,
/// `export`, …): one id per name, shared by every question that offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Choice(pub(crate) u16);

impl Choice {
    /// The name used in `content/tree.toml`, links, records and exports.
    pub fn key(self) -> &'static str {
        super::content::CHOICES[usize::from(self.0)]
    }

    pub fn from_key(key: &str) -> Option<Choice> {
        super::content::CHOICES
            .iter()
            .position(|k| *k == key)
            .map(|i| Choice(i as u16))
    }

    pub fn all() -> impl Iterator<Item = Choice> {
        (0..super::content::CHOICES.len()).map(|i| Choice(i as u16))
    }
}

/// A fact a path establishes, named in `content/tree.toml` under `[[mark]]`:
/// answers set marks, and junctions and outcome notes read them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MarkId(pub(crate) u8);

/// A set of marks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Marks(pub u32);

impl Marks {
    pub const NONE: Marks = Marks(0);

    /// The set of one mark.
    pub const fn of(m: MarkId) -> Marks {
        Marks(1 << m.0)
    }

    pub fn has(self, m: MarkId) -> bool {
        self.0 & (1 << m.0) != 0
    }

    pub fn with(self, other: Marks) -> Marks {
        Marks(self.0 | other.0)
    }
}

/// The traits a matching Annex I entry brings with it for the advice: a set
/// of `EntryTrait`s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntryTraits(pub u8);

const _: () = assert!(
    EntryTrait::ALL.len() <= 8,
    "EntryTraits holds at most 8 traits"
);

impl EntryTraits {
    pub const fn of(t: EntryTrait) -> EntryTraits {
        EntryTraits(1 << t as u8)
    }

    pub fn has(self, t: EntryTraits) -> bool {
        self.0 & t.0 == t.0
    }
}

/// The Annex I entry an answer says the item matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Entry {
    pub provision: ProvisionId,
    pub traits: EntryTraits,
}

/// One fact a condition tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Atom {
    Mark(MarkId),
    Entry(EntryTraits),
}

/// A test of the path so far: `atom` holds, or (with `negated`) does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Test {
    pub atom: Atom,
    pub negated: bool,
}

/// Where an answer leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Node(NodeId),
    /// Back to the checklist whose ticked item led here: its next ticked
    /// item, or what follows the checklist.
    Continue,
}

#[derive(Debug)]
pub struct Node {
    /// Stable name, as written in `content/tree.toml`.
    pub key: &'static str,
    /// The question, the interruption's heading, or the outcome's verdict.
    pub title: TextId,
    pub cites: &'static [ProvisionId],
    pub kind: Kind,
}

#[derive(Debug)]
pub enum Kind {
    /// One answer out of several.
    Question(Question),
    /// Any number of items ticked, or one of the exclusive answers.
    Checklist(Checklist),
    /// Not a page: the first route whose tests hold leads on.
    Junction(&'static [Route]),
    /// A stop the law imposes whatever follows; one way on.
    Interruption {
        body: TextId,
        next: NodeId,
    },
    Outcome(Outcome),
}

/// What every page that asks something shows.
#[derive(Debug)]
pub struct Ask {
    pub section: Section,
    pub hint: TextId,
    /// What the answer depends on, shown on the page itself.
    pub criteria: Option<TextId>,
    /// What the question means, in plain words (folded).
    pub help: Option<TextId>,
    pub falls_in: Option<TextId>,
    pub falls_out: Option<TextId>,
    /// The question standing alone, where its title leans on the page
    /// ("below", "these"): as it is quoted away from its page (the check
    /// page, the result, the record and the question to the authority).
    pub point: Option<TextId>,
}

#[derive(Debug)]
pub struct Question {
    pub ask: Ask,
    pub options: &'static [Opt],
}

#[derive(Debug)]
pub struct Checklist {
    pub ask: Ask,
    /// The items, in the order they are checked.
    pub items: &'static [Opt],
    /// Answers that stand alone, such as "None of these".
    pub exclusive: &'static [Opt],
    /// Set when the checklist is answered.
    pub marks: Marks,
    /// Where the walk goes after the last ticked item.
    pub then: NodeId,
}

/// When an answer leaves a point open, to be settled by the authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Open {
    Never,
    Always,
    /// When this mark stands at the end of the path.
    If(MarkId),
}

#[derive(Debug)]
pub struct Opt {
    pub choice: Choice,
    pub next: Target,
    /// Provisions that make this answer lead where it leads.
    pub cites: &'static [ProvisionId],
    pub marks: Marks,
    pub open: Open,
    /// The Annex I entry this answer matches, if any.
    pub entry: Option<Entry>,
    /// An exclusive answer that stands for every item ticked.
    pub all: bool,
    /// How far the statement the answer makes was checked, where not verified.
    pub status: Option<Status>,
    pub label: TextId,
    pub hint: Option<TextId>,
}

#[derive(Debug)]
pub struct Route {
    /// All must hold; none for the last route.
    pub tests: &'static [Test],
    pub next: Target,
    pub marks: Marks,
}

#[derive(Debug)]
pub struct Outcome {
    pub class: OutcomeClass,
    pub summary: TextId,
    /// What to do, as at most three steps (the compiler counts them).
    pub next_steps: TextId,
    /// Advice that does not fit the steps, shown folded below them.
    pub more: Option<TextId>,
    /// The outcome names the Annex I entry that matched.
    pub names_entry: bool,
    /// What to do first, where the path's facts call for it.
    pub notes: &'static [Note],
    /// Answers that set one of these marks are open points here.
    pub open_marks: Marks,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Note {
    pub key: &'static str,
    /// Shown before the steps: the destination may forbid the export.
    pub warning: bool,
    pub tests: &'static [Test],
    pub text: TextId,
    pub cites: &'static [ProvisionId],
}

/// What a mark stands for; reviewers read `about` in the exports.
#[derive(Debug)]
pub struct MarkInfo {
    pub key: &'static str,
    pub about: &'static str,
}

impl Node {
    /// What this node asks, if it is a page with answers.
    /// The question standing alone, as it is quoted away from its page: its
    /// `point` where its title leans on the page, else its title.
    pub fn point(&self) -> TextId {
        self.ask().and_then(|a| a.point).unwrap_or(self.title)
    }

    pub fn ask(&self) -> Option<&Ask> {
        match &self.kind {
            Kind::Question(q) => Some(&q.ask),
            Kind::Checklist(c) => Some(&c.ask),
            _ => None,
        }
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.kind {
            Kind::Outcome(o) => Some(o),
            _ => None,
        }
    }

    /// Every answer this node offers: options, or items then exclusive answers.
    pub fn offers(&self) -> &'static [Opt] {
        match &self.kind {
            Kind::Question(q) => q.options,
            Kind::Checklist(c) => c.items,
            _ => &[],
        }
    }

    fn exclusive(&self) -> &'static [Opt] {
        match &self.kind {
            Kind::Checklist(c) => c.exclusive,
            _ => &[],
        }
    }

    /// This node's answer named `choice`, if it offers it.
    pub fn option(&self, choice: Choice) -> Option<&'static Opt> {
        self.offers()
            .iter()
            .chain(self.exclusive())
            .find(|o| o.choice == choice)
    }

    /// The words of `answer` in `lang`: an option's label, or the labels of
    /// the items ticked, joined.
    pub fn answer_text(&self, lang: Lang, answer: &Answer) -> String {
        match answer {
            Answer::One(c) => self
                .option(*c)
                .map_or("", |o| lang.text(o.label))
                .to_owned(),
            Answer::Ticked(set) => {
                let labels: Vec<&str> = self
                    .offers()
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| set.has(*i))
                    // A label written as a sentence loses its full stop
                    // in the list, which the separator then carries.
                    .map(|(_, o)| {
                        let label = lang.text(o.label);
                        label.strip_suffix('.').unwrap_or(label)
                    })
                    .collect();
                labels.join(lang.text(crate::text::meta::LIST_SEPARATOR))
            }
        }
    }

    /// The provisions behind answering `answer` here: the options' own, or
    /// else the node's.
    pub fn grounds(&self, answer: &Answer) -> Vec<ProvisionId> {
        let own: Vec<ProvisionId> = self
            .chosen(answer)
            .flat_map(|o| o.cites.iter().copied())
            .collect();
        if own.is_empty() {
            self.cites.to_vec()
        } else {
            dedup(own)
        }
    }

    /// The options `answer` picks here.
    pub fn chosen<'a>(&'a self, answer: &'a Answer) -> impl Iterator<Item = &'static Opt> + 'a {
        let (one, set) = match answer {
            Answer::One(c) => (self.option(*c), Items::NONE),
            Answer::Ticked(set) => (None, *set),
        };
        one.into_iter().chain(
            self.offers()
                .iter()
                .enumerate()
                .filter(move |(i, _)| set.has(*i))
                .map(|(_, o)| o),
        )
    }

    /// Every provision behind this node: its own, then those its answers add
    /// (such as the notes that exclude items), each once.
    pub fn basis(&self) -> Vec<ProvisionId> {
        let mut all = self.cites.to_vec();
        all.extend(
            self.offers()
                .iter()
                .chain(self.exclusive())
                .flat_map(|o| o.cites),
        );
        dedup(all)
    }

    /// Whether `answer` is one this node can take.
    pub fn accepts(&self, answer: &Answer) -> bool {
        match (&self.kind, answer) {
            (Kind::Question(q), Answer::One(c)) => q.options.iter().any(|o| o.choice == *c),
            (Kind::Checklist(c), Answer::One(x)) => c.exclusive.iter().any(|o| o.choice == *x),
            (Kind::Checklist(c), Answer::Ticked(set)) => !set.is_empty() && set.fits(c.items.len()),
            _ => false,
        }
    }
}

fn dedup(list: Vec<ProvisionId>) -> Vec<ProvisionId> {
    let mut out = Vec::with_capacity(list.len());
    for p in list {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// The items ticked on a checklist, by position.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Items(pub u32);

impl Items {
    pub const NONE: Items = Items(0);

    pub fn all(count: usize) -> Items {
        Items(((1u64 << count) - 1) as u32)
    }

    pub fn has(self, i: usize) -> bool {
        i < 32 && self.0 & (1 << i) != 0
    }

    pub fn toggled(self, i: usize) -> Items {
        if i < 32 {
            Items(self.0 ^ (1 << i))
        } else {
            self
        }
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Only positions below `count`.
    pub fn fits(self, count: usize) -> bool {
        self.0 & !Items::all(count).0 == 0
    }

    /// The positions, lowest first.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..32).filter(move |i| self.has(*i))
    }
}

/// An answer to a question (one option) or a checklist (items ticked, or one
/// exclusive answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    One(Choice),
    Ticked(Items),
}

/// A set of outcome classes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(u16);

const _: () = assert!(
    OutcomeClass::ALL.len() <= 16,
    "Classes holds at most 16 classes"
);

impl Classes {
    pub fn insert(&mut self, class: OutcomeClass) {
        self.0 |= 1 << class as u8;
    }

    pub fn contains(self, class: OutcomeClass) -> bool {
        self.0 & (1 << class as u8) != 0
    }

    pub fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }

    /// The classes in the set, in the order of `OutcomeClass::ALL`.
    pub fn iter(self) -> impl Iterator<Item = OutcomeClass> {
        OutcomeClass::ALL
            .iter()
            .copied()
            .filter(move |c| self.contains(*c))
    }
}

impl OutcomeClass {
    /// Its name, in the reader's words.
    pub fn label(self) -> TextId {
        super::content::CLASS_LABELS[self as usize]
    }

    /// Whether a result of class `other` asks the same of the reader: an
    /// export authorisation on another ground. Not so for a letter under
    /// Article 4(1) on a listed item, which bars the Union general export
    /// authorisations (Annex II): an individual one is needed then.
    pub fn asks_the_same_as(self, other: OutcomeClass) -> bool {
        use OutcomeClass::*;
        let export = |c| matches!(c, Listed | Art4Licence | Art5Licence | Art10Licence);
        self == other || (export(self) && export(other) && (self, other) != (Listed, Art4Licence))
    }
}

/// How a statement that is not verified is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The word the records write and screen readers say.
    pub word: TextId,
    /// The page's small symbol for it, explained once per page.
    pub symbol: TextId,
}

impl Status {
    /// The mark beside a statement that is not verified.
    pub fn mark(self) -> Option<Mark> {
        use crate::text::ui;
        let (word, symbol) = match self {
            Status::Verified => return None,
            Status::Secondary => (ui::OUTCOME_SECONDARY, ui::OUTCOME_SECONDARY_SYMBOL),
            Status::Unverified => (ui::OUTCOME_UNVERIFIED, ui::OUTCOME_UNVERIFIED_SYMBOL),
        };
        Some(Mark { word, symbol })
    }
}

#[derive(Debug)]
pub struct Document {
    pub key: &'static str,
    pub url: &'static str,
    pub title: TextId,
    /// The version and date of the text the tree encodes.
    pub version: TextId,
}

#[derive(Debug)]
pub struct Provision {
    /// Compact, space-free token, as in `data-cites`.
    pub token: &'static str,
    pub doc: DocId,
    pub status: Status,
    pub kind: ProvisionKind,
    /// For a note: the entries whose items it can take out.
    pub applies_to: &'static [ProvisionId],
    pub label: TextId,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Authority {
    /// ISO 3166-1 alpha-2 code of the Member State.
    pub state: &'static str,
    pub state_name: TextId,
    pub name: TextId,
    pub url: &'static str,
    pub status: Status,
    /// How to reach it, where its own pages say so: at most one of each kind.
    pub contacts: &'static [Contact],
}

/// A Member State the tables know, with its authority: made only from the
/// rows of `content/authorities.toml`, so its authority is always there.
#[derive(Clone, Copy, Debug)]
pub struct MemberState(&'static Authority);

// The same Member State is the same row of the tables.
impl PartialEq for MemberState {
    fn eq(&self, other: &MemberState) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for MemberState {}

impl MemberState {
    /// The Member State with this ISO code; none for one the tables lack.
    pub fn from_code(code: &str) -> Option<MemberState> {
        super::content::AUTHORITIES
            .iter()
            .find(|a| a.state == code)
            .map(MemberState)
    }

    /// Every Member State, in the order of their names in `lang`.
    pub fn by_name(lang: Lang) -> impl Iterator<Item = MemberState> {
        lang.states_by_name()
            .iter()
            .map(|&i| MemberState(&super::content::AUTHORITIES[usize::from(i)]))
    }

    /// Its ISO 3166-1 alpha-2 code, as links, records and hosts write it.
    pub fn code(self) -> &'static str {
        self.0.state
    }

    pub fn authority(self) -> &'static Authority {
        self.0
    }
}

/// A way to reach an authority, with how well it was checked.
#[derive(Debug, PartialEq, Eq)]
pub struct Contact {
    pub kind: ContactKind,
    /// A web address, an e-mail address or a phone number, as `kind` says.
    pub value: &'static str,
    pub status: Status,
}

impl Contact {
    /// What the route is, in the reader's words.
    pub fn label(&self) -> TextId {
        use crate::text::ui;
        match self.kind {
            ContactKind::Apply => ui::OUTCOME_CONTACT_APPLY,
            ContactKind::Classification => ui::OUTCOME_CONTACT_CLASSIFICATION,
            ContactKind::Email => ui::OUTCOME_CONTACT_EMAIL,
            ContactKind::Phone => ui::OUTCOME_CONTACT_PHONE,
        }
    }

    /// Label and value as one line, as a record or a link to an address gives it.
    pub fn line(&self, lang: Lang) -> String {
        crate::text::fill(
            lang.text(crate::text::ui::OUTCOME_CONTACT_LINE),
            &[("label", lang.text(self.label())), ("value", self.value)],
        )
    }

    /// Whether it is a web page (shown as a link named by its label).
    pub fn is_page(&self) -> bool {
        matches!(self.kind, ContactKind::Apply | ContactKind::Classification)
    }

    /// The address a link to it opens.
    pub fn href(&self) -> String {
        match self.kind {
            ContactKind::Apply | ContactKind::Classification => self.value.to_owned(),
            ContactKind::Email => format!("mailto:{}", self.value),
            ContactKind::Phone => format!("tel:{}", self.value.replace(' ', "")),
        }
    }
}
