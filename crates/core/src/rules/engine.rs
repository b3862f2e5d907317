//! From answers to the next question or an outcome.

use super::content::{self, NODES, START};
use super::model::{Choice, Kind, NodeId};

/// The answers given so far, one slot per node.
///
/// Answers to questions that a later change took off the path are kept: if
/// the user changes back, they are still there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    given: Vec<Option<Choice>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The node is not a question.
    NotAQuestion,
    /// The question does not offer this answer.
    NotOffered,
}

impl Default for Answers {
    fn default() -> Self {
        Answers {
            given: vec![None; NODES.len()],
        }
    }
}

impl Answers {
    pub fn get(&self, question: NodeId) -> Option<Choice> {
        self.given.get(usize::from(question.0)).copied().flatten()
    }

    /// Records an answer, if the question offers it.
    pub fn set(&mut self, question: NodeId, choice: Choice) -> Result<(), AnswerError> {
        let q = content::node(question)
            .question()
            .ok_or(AnswerError::NotAQuestion)?;
        q.option(choice).ok_or(AnswerError::NotOffered)?;
        self.given[usize::from(question.0)] = Some(choice);
        Ok(())
    }

    pub fn clear(&mut self, question: NodeId) {
        if let Some(slot) = self.given.get_mut(usize::from(question.0)) {
            *slot = None;
        }
    }

    /// Every recorded answer, on the current path or not.
    pub fn iter(&self) -> impl Iterator<Item = (NodeId, Choice)> + '_ {
        self.given
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.map(|c| (NodeId(i as u16), c)))
    }

    pub fn is_empty(&self) -> bool {
        self.given.iter().all(Option::is_none)
    }
}

/// Where the answers lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// Every node passed, in order: answered questions and interruptions.
    pub path: Vec<NodeId>,
    pub end: End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// This question has no answer yet.
    Ask(NodeId),
    Outcome(NodeId),
}

/// Follows the answers from the start of the tree.
pub fn walk(answers: &Answers) -> Walk {
    walk_from(START, answers, None)
}

/// Follows the answers from `from`, with `instead` replacing one answer.
pub(crate) fn walk_from(
    from: NodeId,
    answers: &Answers,
    instead: Option<(NodeId, Choice)>,
) -> Walk {
    let mut path = Vec::new();
    let mut at = from;
    // The tree is acyclic (checked by `validate`), so a walk visits each node
    // at most once; the bound only keeps a broken tree from hanging.
    for _ in 0..NODES.len() {
        let next = match &content::node(at).kind {
            Kind::Outcome(_) => break,
            Kind::Interruption { next, .. } => *next,
            Kind::Question(q) => {
                let choice = match instead {
                    Some((node, choice)) if node == at => Some(choice),
                    _ => answers.get(at),
                };
                match choice.and_then(|c| q.option(c)) {
                    Some(opt) => opt.next,
                    None => {
                        return Walk {
                            path,
                            end: End::Ask(at),
                        };
                    }
                }
            }
        };
        path.push(at);
        at = next;
    }
    let end = match content::node(at).kind {
        Kind::Outcome(_) => End::Outcome(at),
        _ => End::Ask(at),
    };
    Walk { path, end }
}
