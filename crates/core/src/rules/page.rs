//! The nodes a reader sees, by what they show. Each is made only from a node
//! of its kind, so a page receives exactly what it renders and cannot be
//! handed a node of another kind (or a junction, which is never shown).

use super::content::node;
use super::model::{Ask, Kind, Node, NodeId, Opt};
use crate::text::TextId;

/// What a page that asks shows besides its texts.
#[derive(Clone, Copy, Debug)]
pub enum Offered {
    /// A question: one of these.
    One(&'static [Opt]),
    /// A checklist: any of the items, or one answer that stands alone.
    Ticked {
        items: &'static [Opt],
        alone: &'static [Opt],
    },
}

/// A question or a checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AskNode(NodeId);

/// An interruption: a stop the law imposes whatever follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StopNode(NodeId);

/// An outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OutcomeNode(NodeId);

/// A node that is shown, by its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    Ask(AskNode),
    Stop(StopNode),
    Outcome(OutcomeNode),
}

impl Shown {
    /// The node `id` as it is shown; none for a junction.
    pub fn of(id: NodeId) -> Option<Shown> {
        Some(match node(id).kind {
            Kind::Question(_) | Kind::Checklist(_) => Shown::Ask(AskNode(id)),
            Kind::Interruption { .. } => Shown::Stop(StopNode(id)),
            Kind::Outcome(_) => Shown::Outcome(OutcomeNode(id)),
            Kind::Junction(_) => return None,
        })
    }
}

// The nodes are only made by `Shown::of`, from a node of their kind: what
// follows cannot meet another kind.
const OF_ITS_KIND: &str = "made only from a node of its kind";

impl AskNode {
    pub fn id(self) -> NodeId {
        self.0
    }

    pub fn node(self) -> &'static Node {
        node(self.0)
    }

    pub fn ask(self) -> &'static Ask {
        self.node().ask().expect(OF_ITS_KIND)
    }

    /// The answers it offers.
    pub fn offered(self) -> Offered {
        match self.node().kind {
            Kind::Question(ref q) => Offered::One(q.options),
            Kind::Checklist(ref c) => Offered::Ticked {
                items: c.items,
                alone: c.exclusive,
            },
            _ => unreachable!("{OF_ITS_KIND}"),
        }
    }

    pub fn is_checklist(self) -> bool {
        matches!(self.node().kind, Kind::Checklist(_))
    }
}

impl StopNode {
    pub fn id(self) -> NodeId {
        self.0
    }

    pub fn node(self) -> &'static Node {
        node(self.0)
    }

    /// What the stop says, under its heading.
    pub fn body(self) -> TextId {
        match self.node().kind {
            Kind::Interruption { body, .. } => body,
            _ => unreachable!("{OF_ITS_KIND}"),
        }
    }
}

impl OutcomeNode {
    pub fn id(self) -> NodeId {
        self.0
    }
}
