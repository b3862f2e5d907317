//! From answers to the next question or an outcome.
//!
//! A walk is a cursor moved page by page: at each question or checklist the
//! answer given moves it on; marks the answers set are carried along, and
//! junctions read them. Nothing else is remembered, so everything a later
//! step can depend on is in the cursor (the tests explore every cursor the
//! tree can reach).

use super::content::{self, NODES, START};
use super::model::{Answer, Atom, Entry, Items, Kind, Marks, NodeId, Target, Test};

/// The answers given so far, one slot per node.
///
/// Answers to questions that a later change took off the path are kept: if
/// the user changes back, they are still there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers {
    given: Vec<Option<Answer>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The node asks nothing.
    NotAQuestion,
    /// The node does not offer this answer.
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
    pub fn get(&self, node: NodeId) -> Option<Answer> {
        self.given.get(usize::from(node.0)).copied().flatten()
    }

    /// Records an answer, if the node offers it.
    pub fn set(&mut self, node: NodeId, answer: Answer) -> Result<(), AnswerError> {
        let n = content::node(node);
        if n.ask().is_none() {
            return Err(AnswerError::NotAQuestion);
        }
        if !n.accepts(&answer) {
            return Err(AnswerError::NotOffered);
        }
        self.given[usize::from(node.0)] = Some(answer);
        Ok(())
    }

    pub fn clear(&mut self, node: NodeId) {
        if let Some(slot) = self.given.get_mut(usize::from(node.0)) {
            *slot = None;
        }
    }

    /// Every recorded answer, on the current path or not.
    pub fn iter(&self) -> impl Iterator<Item = (NodeId, Answer)> + '_ {
        self.given
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.map(|a| (NodeId(i as u16), a)))
    }

    pub fn is_empty(&self) -> bool {
        self.given.iter().all(Option::is_none)
    }
}

/// A checklist whose ticked items are being asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loop {
    pub checklist: NodeId,
    /// The item being asked now.
    pub item: u8,
    /// The ticked items still to ask.
    pub pending: Items,
}

/// Where a walk stands: on a page (a question, checklist, interruption or
/// outcome, never a junction), with what the path so far has established.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cursor {
    pub at: NodeId,
    pub marks: Marks,
    /// The Annex I entry the item being asked has matched.
    pub entry: Option<Entry>,
    pub looping: Option<Loop>,
}

/// The tree led nowhere: `continue` outside a checklist's items, or a run
/// of junctions without end. `rules::validate` shows no path does this.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broken(pub NodeId);

/// Whether every test holds for these marks and this entry.
pub fn holds(tests: &[Test], marks: Marks, entry: Option<Entry>) -> bool {
    tests.iter().all(|t| {
        let fact = match t.atom {
            Atom::Mark(m) => marks.has(m),
            Atom::Entry(traits) => entry.is_some_and(|e| e.traits.has(traits)),
        };
        fact != t.negated
    })
}

impl Cursor {
    /// The first page.
    pub fn start() -> Result<Cursor, Broken> {
        Cursor {
            at: START,
            marks: Marks::NONE,
            entry: None,
            looping: None,
        }
        .settle()
    }

    /// Follows junctions until a page.
    fn settle(mut self) -> Result<Cursor, Broken> {
        for _ in 0..NODES.len() {
            let Kind::Junction(routes) = content::node(self.at).kind else {
                if content::node(self.at).outcome().is_some() {
                    self.looping = None;
                }
                return Ok(self);
            };
            let route = routes
                .iter()
                .find(|r| holds(r.tests, self.marks, self.entry))
                .ok_or(Broken(self.at))?;
            self.marks = self.marks.with(route.marks);
            self = self.to(route.next)?;
        }
        Err(Broken(self.at))
    }

    /// Moves to `target` without settling.
    fn to(mut self, target: Target) -> Result<Cursor, Broken> {
        match target {
            Target::Node(n) => {
                self.at = n;
                Ok(self)
            }
            Target::Continue => {
                let lp = self.looping.ok_or(Broken(self.at))?;
                self.entry = None;
                self.next_item(lp)
            }
        }
    }

    /// The next ticked item of `lp` that asks something, else what follows
    /// its checklist.
    fn next_item(mut self, lp: Loop) -> Result<Cursor, Broken> {
        let Kind::Checklist(c) = &content::node(lp.checklist).kind else {
            return Err(Broken(lp.checklist));
        };
        for i in lp.pending.iter() {
            if let Some(Target::Node(n)) = c.items.get(i).map(|o| o.next) {
                self.at = n;
                self.looping = Some(Loop {
                    checklist: lp.checklist,
                    item: i as u8,
                    pending: Items(lp.pending.0 & !((2u64 << i) - 1) as u32),
                });
                return Ok(self);
            }
        }
        self.at = c.then;
        self.looping = None;
        Ok(self)
    }

    /// The page after answering `answer` here.
    pub fn answer(self, answer: &Answer) -> Result<Cursor, Broken> {
        let node = content::node(self.at);
        let mut next = self;
        match (&node.kind, answer) {
            (Kind::Question(_), Answer::One(c)) => {
                let opt = node.option(*c).ok_or(Broken(self.at))?;
                next.marks = next.marks.with(opt.marks);
                if opt.entry.is_some() {
                    next.entry = opt.entry;
                }
                next.to(opt.next)?.settle()
            }
            (Kind::Checklist(c), answer) => {
                let (ticked, extra) = match answer {
                    Answer::Ticked(set) => (*set, Marks::NONE),
                    Answer::One(x) => {
                        let opt = c
                            .exclusive
                            .iter()
                            .find(|o| o.choice == *x)
                            .ok_or(Broken(self.at))?;
                        // An answer that stands alone may lead elsewhere.
                        if let Target::Node(_) = opt.next {
                            next.marks = next.marks.with(c.marks).with(opt.marks);
                            return next.to(opt.next)?.settle();
                        }
                        let all = if opt.all {
                            Items::all(c.items.len())
                        } else {
                            Items::NONE
                        };
                        (all, opt.marks)
                    }
                };
                next.marks = next.marks.with(c.marks).with(extra);
                for i in ticked.iter() {
                    next.marks = next
                        .marks
                        .with(c.items.get(i).ok_or(Broken(self.at))?.marks);
                }
                let lp = Loop {
                    checklist: self.at,
                    item: 0,
                    pending: ticked,
                };
                next.next_item(lp)?.settle()
            }
            _ => Err(Broken(self.at)),
        }
    }

    /// The page after an interruption.
    pub fn proceed(self) -> Result<Cursor, Broken> {
        match content::node(self.at).kind {
            Kind::Interruption { next, .. } => self.to(Target::Node(next))?.settle(),
            _ => Err(Broken(self.at)),
        }
    }
}

/// A page passed on the way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passed {
    pub node: NodeId,
    /// The answer given here; none for an interruption.
    pub answer: Option<Answer>,
    /// The checklist item this page was asked for, if any.
    pub item: Option<(NodeId, u8)>,
}

/// Where the answers lead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walk {
    /// Every page passed, in order: answered questions and interruptions.
    pub path: Vec<Passed>,
    pub end: End,
    /// Where the walk stands at its end.
    pub cursor: Cursor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// This page has no (usable) answer yet.
    Ask(NodeId),
    Outcome(NodeId),
}

impl Walk {
    /// The nodes passed, in order.
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.path.iter().map(|p| p.node)
    }

    pub fn passes(&self, node: NodeId) -> bool {
        self.nodes().any(|n| n == node)
    }
}

/// Follows the answers from the start of the tree.
pub fn walk(answers: &Answers) -> Walk {
    walk_with(answers, None)
}

/// Follows the answers, with `instead` replacing one of them.
pub(crate) fn walk_with(answers: &Answers, instead: Option<(NodeId, Answer)>) -> Walk {
    let mut path = Vec::new();
    let Ok(mut at) = Cursor::start() else {
        return broken(path, START);
    };
    // Each page is passed once per walk (checked by `validate`); the bound
    // only keeps a broken tree from hanging.
    for _ in 0..NODES.len() {
        let node = content::node(at.at);
        let item = at.looping.map(|l| (l.checklist, l.item));
        let moved = match node.kind {
            Kind::Outcome(_) => {
                return Walk {
                    path,
                    end: End::Outcome(at.at),
                    cursor: at,
                };
            }
            Kind::Interruption { .. } => {
                path.push(Passed {
                    node: at.at,
                    answer: None,
                    item,
                });
                at.proceed()
            }
            _ => {
                let given = match instead {
                    Some((n, a)) if n == at.at => Some(a),
                    _ => answers.get(at.at),
                };
                let Some(answer) = given.filter(|a| node.accepts(a)) else {
                    return Walk {
                        path,
                        end: End::Ask(at.at),
                        cursor: at,
                    };
                };
                path.push(Passed {
                    node: at.at,
                    answer: Some(answer),
                    item,
                });
                at.answer(&answer)
            }
        };
        match moved {
            Ok(next) if !path.iter().any(|p| p.node == next.at) => at = next,
            _ => return broken(path, at.at),
        }
    }
    broken(path, at.at)
}

/// A tree that leads nowhere asks its last page again rather than panic
/// (`rules::validate` shows that no path of the content does this).
fn broken(path: Vec<Passed>, at: NodeId) -> Walk {
    Walk {
        path,
        end: End::Ask(at),
        cursor: Cursor {
            at,
            marks: Marks::NONE,
            entry: None,
            looping: None,
        },
    }
}
