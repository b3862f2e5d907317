//! The shapes of the tree. The data itself is in `content/tree.toml`.

use crate::text::{Lang, TextId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProvisionId(pub u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocId(pub u8);

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
    Question(Question),
    /// A stop the law imposes whatever follows; one way on.
    Interruption {
        body: TextId,
        next: NodeId,
    },
    Outcome(Outcome),
}

#[derive(Debug)]
pub struct Question {
    pub section: Section,
    pub hint: TextId,
    /// What the question means, in plain words.
    pub help: Option<TextId>,
    pub falls_in: Option<TextId>,
    pub falls_out: Option<TextId>,
    pub options: &'static [Opt],
}

#[derive(Debug)]
pub struct Opt {
    pub choice: Choice,
    pub next: NodeId,
    /// Provisions that make this answer lead where it leads.
    pub cites: &'static [ProvisionId],
    pub label: TextId,
    pub hint: Option<TextId>,
}

#[derive(Debug)]
pub struct Outcome {
    pub class: OutcomeClass,
    pub summary: TextId,
    pub next_steps: TextId,
    pub also: Option<TextId>,
}

impl Node {
    pub fn question(&self) -> Option<&Question> {
        match &self.kind {
            Kind::Question(q) => Some(q),
            _ => None,
        }
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.kind {
            Kind::Outcome(o) => Some(o),
            _ => None,
        }
    }

    /// This question's option for `choice`, if it offers it.
    pub fn option(&self, choice: Choice) -> Option<&Opt> {
        self.question()?.option(choice)
    }

    /// The words of this question's option for `choice` in `lang`; empty if
    /// it offers none.
    pub fn answer_text(&self, lang: Lang, choice: Choice) -> &'static str {
        self.option(choice).map_or("", |o| lang.text(o.label))
    }

    /// The provisions behind answering `choice` here: the option's own, or
    /// else the question's.
    pub fn grounds(&self, choice: Choice) -> &'static [ProvisionId] {
        match self.option(choice) {
            Some(o) if !o.cites.is_empty() => o.cites,
            _ => self.cites,
        }
    }

    /// Every provision behind this node: its own, then those its options add
    /// (such as the notes that exclude items), each once.
    pub fn basis(&self) -> Vec<ProvisionId> {
        let options = self.question().map_or(&[][..], |q| q.options);
        let mut all = self.cites.to_vec();
        for p in options.iter().flat_map(|o| o.cites) {
            if !all.contains(p) {
                all.push(*p);
            }
        }
        all
    }

    /// The nodes one step on.
    pub fn successors(&self) -> impl Iterator<Item = NodeId> + '_ {
        let (opts, next): (&[Opt], Option<NodeId>) = match &self.kind {
            Kind::Question(q) => (q.options, None),
            Kind::Interruption { next, .. } => (&[], Some(*next)),
            Kind::Outcome(_) => (&[], None),
        };
        opts.iter().map(|o| o.next).chain(next)
    }
}

impl Question {
    pub fn option(&self, choice: Choice) -> Option<&Opt> {
        self.options.iter().find(|o| o.choice == choice)
    }
}

/// Every answer any question offers. A question lists the ones it accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Choice {
    Yes,
    No,
    NotSure,
    Export,
    IntraEu,
    OtherActivity,
    Intrusion,
    Interception,
    IpNetwork,
    LeaMonitoring,
    Cryptanalysis,
    Forensic,
    Related,
    NoneOfThese,
    Excluded,
    Disclosure,
    ForensicTechnology,
}

impl Choice {
    pub const ALL: &'static [Choice] = &[
        Choice::Yes,
        Choice::No,
        Choice::NotSure,
        Choice::Export,
        Choice::IntraEu,
        Choice::OtherActivity,
        Choice::Intrusion,
        Choice::Interception,
        Choice::IpNetwork,
        Choice::LeaMonitoring,
        Choice::Cryptanalysis,
        Choice::Forensic,
        Choice::Related,
        Choice::NoneOfThese,
        Choice::Excluded,
        Choice::Disclosure,
        Choice::ForensicTechnology,
    ];

    /// The name used in `content/tree.toml`, records and exports.
    pub fn key(self) -> &'static str {
        match self {
            Choice::Yes => "yes",
            Choice::No => "no",
            Choice::NotSure => "not_sure",
            Choice::Export => "export",
            Choice::IntraEu => "intra_eu",
            Choice::OtherActivity => "other_activity",
            Choice::Intrusion => "intrusion",
            Choice::Interception => "interception",
            Choice::IpNetwork => "ip_network",
            Choice::LeaMonitoring => "lea_monitoring",
            Choice::Cryptanalysis => "cryptanalysis",
            Choice::Forensic => "forensic",
            Choice::Related => "related",
            Choice::NoneOfThese => "none_of_these",
            Choice::Excluded => "excluded",
            Choice::Disclosure => "disclosure",
            Choice::ForensicTechnology => "forensic_technology",
        }
    }

    pub fn from_key(key: &str) -> Option<Choice> {
        Choice::ALL.iter().copied().find(|c| c.key() == key)
    }
}

/// Groups of questions, in the order the check-your-answers page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Activity,
    Authority,
    Listing,
    Definition,
    Diligence,
}

/// A set of outcome classes (seven fit in a byte).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes(u8);

const _: () = assert!(
    OutcomeClass::ALL.len() <= 8,
    "Classes holds at most 8 classes"
);

impl Classes {
    pub fn insert(&mut self, class: OutcomeClass) {
        self.0 |= 1 << class as u8;
    }

    pub fn contains(self, class: OutcomeClass) -> bool {
        self.0 & (1 << class as u8) != 0
    }

    /// The classes in the set, in the order of `OutcomeClass::ALL`.
    pub fn iter(self) -> impl Iterator<Item = OutcomeClass> {
        OutcomeClass::ALL
            .iter()
            .copied()
            .filter(move |c| self.contains(*c))
    }
}

/// The outcome classes; their codes are the `data-outcome` values hosts read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutcomeClass {
    Listed,
    Art5Licence,
    Art5Notify,
    Art5DueDiligence,
    NotCsi,
    Consult,
    OutOfScopeActivity,
}

impl OutcomeClass {
    pub const ALL: &'static [OutcomeClass] = &[
        OutcomeClass::Listed,
        OutcomeClass::Art5Licence,
        OutcomeClass::Art5Notify,
        OutcomeClass::Art5DueDiligence,
        OutcomeClass::NotCsi,
        OutcomeClass::Consult,
        OutcomeClass::OutOfScopeActivity,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutcomeClass::Listed => "LISTED",
            OutcomeClass::Art5Licence => "ART5-LICENCE",
            OutcomeClass::Art5Notify => "ART5-NOTIFY",
            OutcomeClass::Art5DueDiligence => "ART5-DUE-DILIGENCE",
            OutcomeClass::NotCsi => "NOT-CSI",
            OutcomeClass::Consult => "CONSULT",
            OutcomeClass::OutOfScopeActivity => "OUT-OF-SCOPE-ACTIVITY",
        }
    }

    pub fn label(self) -> TextId {
        use crate::text::class;
        match self {
            OutcomeClass::Listed => class::LISTED,
            OutcomeClass::Art5Licence => class::ART5_LICENCE,
            OutcomeClass::Art5Notify => class::ART5_NOTIFY,
            OutcomeClass::Art5DueDiligence => class::ART5_DUE_DILIGENCE,
            OutcomeClass::NotCsi => class::NOT_CSI,
            OutcomeClass::Consult => class::CONSULT,
            OutcomeClass::OutOfScopeActivity => class::OUT_OF_SCOPE_ACTIVITY,
        }
    }
}

/// How far a statement was checked against the official text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Read in the official text (or a faithful copy of it).
    Verified,
    /// Confirmed only through a secondary source.
    Secondary,
    /// Not confirmed: shown to users as unverified.
    Unverified,
}

impl Status {
    /// The word shown beside a statement that is not verified.
    pub fn mark(self) -> Option<TextId> {
        use crate::text::ui;
        match self {
            Status::Verified => None,
            Status::Secondary => Some(ui::OUTCOME_SECONDARY),
            Status::Unverified => Some(ui::OUTCOME_UNVERIFIED),
        }
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
    pub label: TextId,
}

#[derive(Debug)]
pub struct RedFlag {
    pub key: &'static str,
    pub text: TextId,
    pub status: Status,
    pub cites: &'static [ProvisionId],
}

#[derive(Debug)]
pub struct Authority {
    /// ISO 3166-1 alpha-2 code of the Member State.
    pub state: &'static str,
    pub state_name: TextId,
    pub name: TextId,
    pub url: &'static str,
    pub status: Status,
}
