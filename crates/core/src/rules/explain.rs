//! Why an outcome was reached, and what would change it.

use super::content::{self, NODES};
use super::engine::{Answers, End, walk, walk_from};
use super::model::{Choice, Classes, Kind, NodeId, OutcomeClass, ProvisionId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub outcome: NodeId,
    pub class: OutcomeClass,
    /// Every answered question on the path, in order.
    pub steps: Vec<Step>,
    /// The outcome's provisions, then those behind each decisive answer.
    pub cites: Vec<ProvisionId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub question: NodeId,
    pub choice: Choice,
    /// Another answer here could have led to another class of outcome.
    pub decisive: bool,
    /// Where each other answer would have led, the rest unchanged.
    pub alternatives: Vec<Alternative>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative {
    pub choice: Choice,
    pub leads_to: LeadsTo,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LeadsTo {
    /// With the other answers as given, this outcome.
    Outcome(NodeId),
    /// Questions not yet answered come first; these classes are possible.
    Questions { next: NodeId, possible: Classes },
}

impl LeadsTo {
    fn could_differ_from(&self, class: OutcomeClass) -> bool {
        match self {
            LeadsTo::Outcome(o) => outcome_class(*o) != Some(class),
            LeadsTo::Questions { possible, .. } => possible.iter().any(|c| c != class),
        }
    }
}

/// The explanation of the outcome the answers reach; `None` while a question
/// is still open.
pub fn explain(answers: &Answers) -> Option<Explanation> {
    let walk = walk(answers);
    let End::Outcome(outcome) = walk.end else {
        return None;
    };
    let class = outcome_class(outcome)?;
    let steps: Vec<Step> = walk
        .path
        .iter()
        .filter_map(|&question| {
            let q = content::node(question).question()?;
            let choice = answers.get(question)?;
            let alternatives: Vec<Alternative> = q
                .options
                .iter()
                .filter(|o| o.choice != choice)
                .map(|o| Alternative {
                    choice: o.choice,
                    leads_to: leads_to(answers, question, o.choice),
                })
                .collect();
            let decisive = alternatives
                .iter()
                .any(|a| a.leads_to.could_differ_from(class));
            Some(Step {
                question,
                choice,
                decisive,
                alternatives,
            })
        })
        .collect();

    let mut cites = Vec::new();
    let mut push = |list: &[ProvisionId]| {
        for p in list {
            if !cites.contains(p) {
                cites.push(*p);
            }
        }
    };
    push(content::node(outcome).cites);
    for step in steps.iter().filter(|s| s.decisive) {
        push(content::node(step.question).grounds(step.choice));
    }
    Some(Explanation {
        outcome,
        class,
        steps,
        cites,
    })
}

impl Explanation {
    /// The questions answered "I'm not sure": the open points.
    pub fn unsure(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| s.choice == Choice::NotSure)
    }

    /// The tokens of the provisions cited, as in `data-cites`.
    pub fn cite_tokens(&self) -> Vec<&'static str> {
        self.cites
            .iter()
            .map(|p| content::provision(*p).token)
            .collect()
    }
}

fn leads_to(answers: &Answers, question: NodeId, choice: Choice) -> LeadsTo {
    let walk = walk_from(question, answers, Some((question, choice)));
    match walk.end {
        End::Outcome(o) => LeadsTo::Outcome(o),
        End::Ask(next) => LeadsTo::Questions {
            next,
            possible: reachable_classes(next),
        },
    }
}

pub fn outcome_class(node: NodeId) -> Option<OutcomeClass> {
    content::node(node).outcome().map(|o| o.class)
}

/// The outcome classes that some answers from `from` on can reach.
pub fn reachable_classes(from: NodeId) -> Classes {
    let mut seen = vec![false; NODES.len()];
    let mut stack = vec![from];
    let mut classes = Classes::default();
    while let Some(at) = stack.pop() {
        if std::mem::replace(&mut seen[usize::from(at.0)], true) {
            continue;
        }
        let node = content::node(at);
        if let Kind::Outcome(o) = &node.kind {
            classes.insert(o.class);
        }
        stack.extend(node.successors());
    }
    classes
}
