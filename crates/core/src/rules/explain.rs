//! Why an outcome was reached, what was checked, and what would change it.

use super::content::{self, LOOP_OF, NODES};
use super::engine::{Answers, End, holds, walk, walk_with};
use super::model::{
    Answer, Classes, Entry, Items, Kind, Marks, NodeId, Note, Open, OutcomeClass, ProvisionId,
    ProvisionKind, Section, Target,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub outcome: NodeId,
    pub class: OutcomeClass,
    /// Every answered page on the path, in order.
    pub steps: Vec<Step>,
    /// The outcome's provisions, the entry that matched, those behind each
    /// decisive answer, and those of the notes that apply.
    pub cites: Vec<ProvisionId>,
    /// The Annex I entry that matched, where the outcome names one.
    pub entry: Option<Entry>,
    /// Where no entry matched: the Annex I entries the user answered.
    pub screened: Vec<ProvisionId>,
    /// What to do first, as the path's facts call for it.
    pub notes: Vec<&'static Note>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub question: NodeId,
    pub answer: Answer,
    /// Another answer here could have led to another class of outcome.
    pub decisive: bool,
    /// The answer leaves a point open, for the authority to settle.
    pub open: bool,
    /// Where each other answer would have led, the rest unchanged.
    pub alternatives: Vec<Alternative>,
    /// The checklist item this page was asked for, if any.
    pub item: Option<(NodeId, u8)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternative {
    pub answer: Answer,
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
    let o = content::node(outcome).outcome()?;
    let class = o.class;
    let marks = walk.cursor.marks;
    let entry = if o.names_entry {
        walk.cursor.entry
    } else {
        None
    };
    let steps: Vec<Step> = walk
        .path
        .iter()
        .filter_map(|passed| {
            let answer = passed.answer?;
            let node = content::node(passed.node);
            let alternatives: Vec<Alternative> = alternatives(passed.node, &answer)
                .into_iter()
                .map(|alt| Alternative {
                    answer: alt,
                    leads_to: leads_to(answers, passed.node, alt),
                })
                .collect();
            let decisive = alternatives
                .iter()
                .any(|a| a.leads_to.could_differ_from(class));
            let open = node.chosen(&answer).any(|opt| {
                let own = match opt.open {
                    Open::Never => false,
                    Open::Always => true,
                    Open::If(m) => marks.has(m),
                };
                own || opt.marks.0 & o.open_marks.0 != 0
            });
            Some(Step {
                question: passed.node,
                answer,
                decisive,
                open,
                alternatives,
                item: passed.item,
            })
        })
        .collect();

    // The entry's item: the steps asked for the checklist item that matched.
    let deciding_item = entry.and_then(|_| {
        steps
            .iter()
            .rev()
            .find(|s| node_offers_entry(s))
            .and_then(|s| s.item)
    });
    let mut cites = Vec::new();
    let mut push = |list: &[ProvisionId]| {
        for p in list {
            if !cites.contains(p) {
                cites.push(*p);
            }
        }
    };
    push(content::node(outcome).cites);
    if let Some(e) = entry {
        push(&[e.provision]);
    }
    for step in steps.iter().filter(|s| s.decisive) {
        let node = content::node(step.question);
        let grounds = node.grounds(&step.answer);
        let in_screen = node.ask().is_some_and(|a| a.section == Section::Listing);
        if entry.is_some() && in_screen {
            // A listed outcome rests on its one entry, and on the answers
            // that kept it (no exclusion, no release): not on the entries
            // other items were checked against.
            if step.item.is_some() && step.item == deciding_item {
                let own: Vec<ProvisionId> = grounds
                    .into_iter()
                    .filter(|p| content::provision(*p).kind != ProvisionKind::Entry)
                    .collect();
                push(&own);
            }
        } else {
            push(&grounds);
        }
    }
    let notes: Vec<&'static Note> = o
        .notes
        .iter()
        .filter(|n| holds(n.tests, marks, walk.cursor.entry))
        .collect();
    for n in &notes {
        push(n.cites);
    }
    let screened = if entry.is_some() {
        Vec::new()
    } else {
        screened_entries(&walk.path.iter().map(|p| p.node).collect::<Vec<_>>())
    };
    Some(Explanation {
        outcome,
        class,
        steps,
        cites,
        entry,
        screened,
        notes,
    })
}

fn node_offers_entry(step: &Step) -> bool {
    content::node(step.question)
        .chosen(&step.answer)
        .any(|o| o.entry.is_some())
}

/// The Annex I entries that the screens on this path asked about: every
/// item of each screen was answered, ticked and checked or not ticked.
fn screened_entries(path: &[NodeId]) -> Vec<ProvisionId> {
    let mut out = Vec::new();
    for &n in path {
        let node = content::node(n);
        let Kind::Checklist(c) = &node.kind else {
            continue;
        };
        for p in c.items.iter().flat_map(|i| i.cites) {
            if content::provision(*p).kind == ProvisionKind::Entry && !out.contains(p) {
                out.push(*p);
            }
        }
    }
    out
}

impl Explanation {
    /// The answers that leave a point open: the open points.
    pub fn open_points(&self) -> impl Iterator<Item = &Step> {
        self.steps.iter().filter(|s| s.open)
    }

    /// The tokens of the provisions cited, as in `data-cites`.
    pub fn cite_tokens(&self) -> Vec<&'static str> {
        self.cites
            .iter()
            .map(|p| content::provision(*p).token)
            .collect()
    }
}

/// The other answers a page offers: each other option; for a checklist,
/// each item ticked or unticked in turn, and each exclusive answer.
fn alternatives(node: NodeId, answer: &Answer) -> Vec<Answer> {
    match (&content::node(node).kind, answer) {
        (Kind::Question(q), _) => q
            .options
            .iter()
            .map(|o| Answer::One(o.choice))
            .filter(|a| a != answer)
            .collect(),
        (Kind::Checklist(c), _) => {
            let ticked = match answer {
                Answer::Ticked(set) => *set,
                Answer::One(_) => Items::NONE,
            };
            (0..c.items.len())
                .map(|i| ticked.toggled(i))
                .filter(|set| !set.is_empty())
                .map(Answer::Ticked)
                .chain(c.exclusive.iter().map(|o| Answer::One(o.choice)))
                .filter(|a| a != answer)
                .collect()
        }
        _ => Vec::new(),
    }
}

fn leads_to(answers: &Answers, node: NodeId, answer: Answer) -> LeadsTo {
    let walk = walk_with(answers, Some((node, answer)));
    match walk.end {
        End::Outcome(o) => LeadsTo::Outcome(o),
        End::Ask(next) => LeadsTo::Questions {
            next,
            possible: reachable_classes_given(next, walk.cursor.marks),
        },
    }
}

pub fn outcome_class(node: NodeId) -> Option<OutcomeClass> {
    content::node(node).outcome().map(|o| o.class)
}

/// The nodes one step on from `at`, whatever the answers and marks:
/// `continue` leads to every item of the checklist it returns to, and to
/// what follows that checklist.
pub fn successors(at: NodeId) -> &'static [NodeId] {
    graph().successors(at)
}

/// The tree's edges and, for each node, the marks that some answer from
/// there on can set: made once, as an outcome's explanation asks for them
/// from many nodes.
struct Graph {
    /// Each node's successors, one after the other; node `n`'s are
    /// `edges[starts[n]..starts[n + 1]]`.
    edges: Vec<NodeId>,
    starts: Vec<usize>,
    settable: Vec<Marks>,
}

impl Graph {
    fn new() -> Self {
        let mut edges = Vec::new();
        let mut starts = vec![0];
        for i in 0..NODES.len() {
            edges.extend(edges_of(NodeId(i as u16)));
            starts.push(edges.len());
        }
        let mut graph = Graph {
            edges,
            starts,
            settable: Vec::new(),
        };
        graph.settable = (0..NODES.len())
            .map(|i| {
                let mut m = Marks::NONE;
                graph.visit(NodeId(i as u16), |n| m = m.with(marks_set_at(n)), None);
                m
            })
            .collect();
        graph
    }

    fn successors(&self, at: NodeId) -> &[NodeId] {
        let i = usize::from(at.0);
        &self.edges[self.starts[i]..self.starts[i + 1]]
    }

    /// Every node reachable from `from`, each once; at junctions, only the
    /// routes that `known` (the marks set, and those still settable) allows.
    fn visit(&self, from: NodeId, mut each: impl FnMut(NodeId), known: Option<(Marks, Marks)>) {
        let mut seen = vec![false; NODES.len()];
        let mut stack = vec![from];
        while let Some(at) = stack.pop() {
            if std::mem::replace(&mut seen[usize::from(at.0)], true) {
                continue;
            }
            each(at);
            match (&content::node(at).kind, known) {
                (Kind::Junction(routes), Some((set, settable))) => {
                    for r in routes.iter() {
                        let (possible, certain) = route_chance(r.tests, set, settable);
                        if possible && let Target::Node(n) = r.next {
                            stack.push(n);
                        }
                        if possible && r.next == Target::Continue {
                            stack.extend(self.successors(at));
                        }
                        if certain {
                            break;
                        }
                    }
                }
                _ => stack.extend(self.successors(at)),
            }
        }
    }
}

fn graph() -> &'static Graph {
    static GRAPH: std::sync::OnceLock<Graph> = std::sync::OnceLock::new();
    GRAPH.get_or_init(Graph::new)
}

fn edges_of(at: NodeId) -> Vec<NodeId> {
    let node = content::node(at);
    let mut targets: Vec<Target> = node.offers().iter().map(|o| o.next).collect();
    match &node.kind {
        Kind::Checklist(c) => {
            targets.extend(c.exclusive.iter().map(|o| o.next));
            targets.push(Target::Node(c.then));
        }
        Kind::Junction(routes) => targets.extend(routes.iter().map(|r| r.next)),
        Kind::Interruption { next, .. } => targets.push(Target::Node(*next)),
        _ => {}
    }
    let mut out = Vec::new();
    let mut add = |n: NodeId| {
        if !out.contains(&n) {
            out.push(n);
        }
    };
    for t in targets {
        match t {
            Target::Node(n) => add(n),
            Target::Continue => {
                let Some(owner) = LOOP_OF.get(usize::from(at.0)).copied().flatten() else {
                    continue;
                };
                if let Kind::Checklist(c) = &content::node(owner).kind {
                    for o in c.items {
                        if let Target::Node(n) = o.next {
                            add(n);
                        }
                    }
                    add(c.then);
                }
            }
        }
    }
    out
}

/// The outcome classes that some answers from `from` on can reach.
pub fn reachable_classes(from: NodeId) -> Classes {
    reachable(from, None)
}

/// As `reachable_classes`, where the path so far has set `marks`: a route
/// that needs a mark no answer from here on can set, or the absence of one
/// already set, is not taken; nor are the routes after one that certainly
/// holds.
pub fn reachable_classes_given(from: NodeId, marks: Marks) -> Classes {
    let settable = graph().settable[usize::from(from.0)];
    reachable(from, Some((marks, settable)))
}

fn reachable(from: NodeId, known: Option<(Marks, Marks)>) -> Classes {
    let mut classes = Classes::default();
    graph().visit(
        from,
        |n| {
            if let Some(o) = content::node(n).outcome() {
                classes.insert(o.class);
            }
        },
        known,
    );
    classes
}

/// Whether a route's tests can hold, and whether they certainly hold, given
/// the marks set and those that could still be set.
fn route_chance(tests: &[super::model::Test], set: Marks, settable: Marks) -> (bool, bool) {
    let mut possible = true;
    let mut certain = true;
    for t in tests {
        match t.atom {
            super::model::Atom::Mark(m) => {
                let now = set.has(m);
                let later = settable.has(m);
                if t.negated {
                    possible &= !now;
                    certain &= !now && !later;
                } else {
                    possible &= now || later;
                    certain &= now;
                }
            }
            super::model::Atom::Entry(_) => certain = false,
        }
    }
    (possible, certain && possible)
}

/// The marks an answer or route at `at` can set.
fn marks_set_at(at: NodeId) -> Marks {
    let node = content::node(at);
    let mut m = node
        .offers()
        .iter()
        .fold(Marks::NONE, |m, o| m.with(o.marks));
    match &node.kind {
        Kind::Checklist(c) => {
            m = m.with(c.marks);
            for o in c.exclusive {
                m = m.with(o.marks);
            }
        }
        Kind::Junction(routes) => {
            for r in routes.iter() {
                m = m.with(r.marks);
            }
        }
        _ => {}
    }
    m
}
