//! Checks on the tree as a whole, which the content compiler cannot make per
//! reference: its shape, and what every path through it ends in.

use super::content::{self, NODES, PROVISIONS, START};
use super::engine::Broken;
use super::explain::successors;
use super::model::{Answer, Kind, Marks, NodeId, Open, OutcomeClass, ProvisionId, Section, Target};
use super::paths::{Move, explore};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No answers lead from the start to this node.
    Unreachable(NodeId),
    /// This node can be reached again from itself.
    Cycle(NodeId),
    /// A page without any citation.
    Uncited(NodeId),
    /// A provision that nothing cites.
    UnusedProvision(ProvisionId),
    /// No path ends in this class.
    MissingClass(OutcomeClass),
    /// Some answers lead nowhere from here (a dead end).
    DeadEnd(NodeId),
    /// A path ends in "not a cyber-surveillance item" without a definite
    /// "No" on an element of Article 2(20), or with an Annex I entry left
    /// open: an unsure answer alone must never lead there.
    NotCsiWithoutDefiniteNo(NodeId),
}

/// Every problem found; an empty list means the tree is sound.
pub fn validate() -> Vec<Problem> {
    let mut problems = Vec::new();
    let ids: Vec<NodeId> = content::node_ids().collect();

    let mut reached = vec![false; ids.len()];
    let mut stack = vec![START];
    while let Some(at) = stack.pop() {
        if !std::mem::replace(&mut reached[usize::from(at.0)], true) {
            stack.extend(successors(at));
        }
    }
    problems.extend(
        ids.iter()
            .filter(|id| !reached[usize::from(id.0)])
            .map(|id| Problem::Unreachable(*id)),
    );
    problems.extend(cycles(&ids).into_iter().map(Problem::Cycle));

    for &id in &ids {
        let node = content::node(id);
        if node.cites.is_empty()
            && matches!(
                node.kind,
                Kind::Question(_) | Kind::Checklist(_) | Kind::Outcome(_)
            )
        {
            problems.push(Problem::Uncited(id));
        }
    }

    let mut cited = vec![false; PROVISIONS.len()];
    let mut mark = |list: &[ProvisionId]| list.iter().for_each(|p| cited[usize::from(p.0)] = true);
    for &id in &ids {
        let node = content::node(id);
        mark(&node.basis());
        if let Some(o) = node.outcome() {
            o.notes.iter().for_each(|n| mark(n.cites));
        }
    }
    for p in PROVISIONS {
        mark(p.applies_to);
    }
    problems.extend(
        cited
            .iter()
            .enumerate()
            .filter(|(_, c)| !**c)
            .map(|(i, _)| Problem::UnusedProvision(ProvisionId(i as u16))),
    );

    let mut classes = super::model::Classes::default();
    let mut not_csi = Vec::new();
    let found = explore(Definite::default(), Definite::fold, |cursor, facts| {
        let Some(o) = content::node(cursor.at).outcome() else {
            return;
        };
        classes.insert(o.class);
        if o.class == OutcomeClass::NotCsi
            && !facts.settles(cursor.marks)
            && !not_csi.contains(&cursor.at)
        {
            not_csi.push(cursor.at);
        }
    });
    let mut dead: Vec<NodeId> = found.broken.iter().map(|Broken(n)| *n).collect();
    dead.sort();
    dead.dedup();
    problems.extend(dead.into_iter().map(Problem::DeadEnd));
    problems.extend(not_csi.into_iter().map(Problem::NotCsiWithoutDefiniteNo));
    problems.extend(
        OutcomeClass::ALL
            .iter()
            .filter(|c| !classes.contains(**c))
            .map(|c| Problem::MissingClass(*c)),
    );
    problems
}

/// What a path has established for the NOT-CSI rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
struct Definite {
    /// An answer in the Annex I screen left a point open.
    open_in_screen: bool,
    /// A "No" on an element of Article 2(20) that is never open.
    no: bool,
    /// The marks that make the other "No" answers on elements open.
    no_open_if: Marks,
}

impl Definite {
    fn fold(m: Move<'_, Definite>) -> Definite {
        let mut f = *m.facts;
        let Some(answer) = m.answer else {
            return f;
        };
        let node = content::node(m.from.at);
        let Some(section) = node.ask().map(|a| a.section) else {
            return f;
        };
        for opt in node.chosen(&answer) {
            match section {
                Section::Listing => f.open_in_screen |= opt.open != Open::Never,
                Section::Definition
                    if is_element(node.key) && answer == Answer::One(content::choice::NO) =>
                {
                    match opt.open {
                        Open::Never => f.no = true,
                        Open::If(mark) => f.no_open_if = f.no_open_if.with(Marks(1 << mark.0)),
                        Open::Always => {}
                    }
                }
                _ => {}
            }
        }
        f
    }

    /// Whether the path settles "not a cyber-surveillance item": no open
    /// point in the screen, and a "No" on an element that stays definite.
    fn settles(&self, marks: Marks) -> bool {
        !self.open_in_screen && (self.no || self.no_open_if.0 & !marks.0 != 0)
    }
}

/// The questions on the elements of Article 2(20) cite it.
fn is_element(key: &str) -> bool {
    content::node_by_key(key).is_some_and(|id| {
        content::node(id)
            .cites
            .iter()
            .any(|p| content::provision(*p).token == "Art.2(20)")
    })
}

/// Nodes that lie on a cycle (depth-first search with three colours), over
/// the edges that answers and routes name; `continue` goes on to a later
/// item or out of the checklist, never back.
fn cycles(ids: &[NodeId]) -> Vec<NodeId> {
    fn direct(at: NodeId) -> Vec<NodeId> {
        let node = content::node(at);
        let mut out: Vec<NodeId> = node
            .offers()
            .iter()
            .filter_map(|o| match o.next {
                Target::Node(n) => Some(n),
                Target::Continue => None,
            })
            .collect();
        match &node.kind {
            Kind::Checklist(c) => out.push(c.then),
            Kind::Junction(routes) => out.extend(routes.iter().filter_map(|r| match r.next {
                Target::Node(n) => Some(n),
                Target::Continue => None,
            })),
            Kind::Interruption { next, .. } => out.push(*next),
            _ => {}
        }
        out
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        New,
        Open,
        Done,
    }
    let mut colour = vec![Colour::New; NODES.len()];
    let mut found = Vec::new();
    for &root in ids {
        if colour[usize::from(root.0)] != Colour::New {
            continue;
        }
        let mut stack = vec![(root, direct(root))];
        colour[usize::from(root.0)] = Colour::Open;
        while let Some((at, rest)) = stack.last_mut() {
            match rest.pop() {
                Some(next) => match colour[usize::from(next.0)] {
                    Colour::New => {
                        colour[usize::from(next.0)] = Colour::Open;
                        stack.push((next, direct(next)));
                    }
                    Colour::Open => found.push(next),
                    Colour::Done => {}
                },
                None => {
                    colour[usize::from(at.0)] = Colour::Done;
                    stack.pop();
                }
            }
        }
    }
    found
}
