//! Checks on the shape of the tree that `build.rs` cannot make per reference.

use super::content::{self, PROVISIONS, RED_FLAGS, START};
use super::explain::reachable_classes;
use super::model::{Choice, Kind, NodeId, OutcomeClass, ProvisionId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No answers lead from the start to this node.
    Unreachable(NodeId),
    /// This node can be reached again from itself.
    Cycle(NodeId),
    /// A question or outcome without any citation.
    Uncited(NodeId),
    /// A provision that nothing cites.
    UnusedProvision(ProvisionId),
    /// No outcome has this class.
    MissingClass(OutcomeClass),
    /// "I'm not sure" here can still end in "not a cyber-surveillance item".
    UnsureReachesNotCsi(NodeId),
}

/// Every problem found; an empty list means the tree is sound.
pub fn validate() -> Vec<Problem> {
    let mut problems = Vec::new();
    let ids: Vec<NodeId> = content::node_ids().collect();

    let mut reached = vec![false; ids.len()];
    let mut stack = vec![START];
    while let Some(at) = stack.pop() {
        if !std::mem::replace(&mut reached[usize::from(at.0)], true) {
            stack.extend(content::node(at).successors());
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
        if node.cites.is_empty() && !matches!(node.kind, Kind::Interruption { .. }) {
            problems.push(Problem::Uncited(id));
        }
        if let Some(q) = node.question()
            && let Some(unsure) = q.option(Choice::NotSure)
            && reachable_classes(unsure.next).contains(OutcomeClass::NotCsi)
        {
            problems.push(Problem::UnsureReachesNotCsi(id));
        }
    }

    let mut cited = vec![false; PROVISIONS.len()];
    let mut mark = |list: &[ProvisionId]| list.iter().for_each(|p| cited[usize::from(p.0)] = true);
    for &id in &ids {
        let node = content::node(id);
        mark(node.cites);
        if let Some(q) = node.question() {
            q.options.iter().for_each(|o| mark(o.cites));
        }
    }
    RED_FLAGS.iter().for_each(|f| mark(f.cites));
    problems.extend(
        cited
            .iter()
            .enumerate()
            .filter(|(_, c)| !**c)
            .map(|(i, _)| Problem::UnusedProvision(ProvisionId(i as u16))),
    );

    let classes = reachable_classes(START);
    problems.extend(
        OutcomeClass::ALL
            .iter()
            .filter(|c| !classes.contains(**c))
            .map(|c| Problem::MissingClass(*c)),
    );
    problems
}

/// Nodes that lie on a cycle (depth-first search with three colours).
fn cycles(ids: &[NodeId]) -> Vec<NodeId> {
    #[derive(Clone, Copy, PartialEq)]
    enum Colour {
        New,
        Open,
        Done,
    }
    let mut colour = vec![Colour::New; ids.len()];
    let mut found = Vec::new();
    for &root in ids {
        if colour[usize::from(root.0)] != Colour::New {
            continue;
        }
        // Each frame: a node and its successors still to visit.
        let mut stack = vec![(root, content::node(root).successors().collect::<Vec<_>>())];
        colour[usize::from(root.0)] = Colour::Open;
        while let Some((at, rest)) = stack.last_mut() {
            match rest.pop() {
                Some(next) => match colour[usize::from(next.0)] {
                    Colour::New => {
                        colour[usize::from(next.0)] = Colour::Open;
                        let succ = content::node(next).successors().collect();
                        stack.push((next, succ));
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
