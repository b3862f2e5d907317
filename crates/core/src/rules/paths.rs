//! Every path through the tree, explored as the states the engine passes.
//!
//! A walk depends on nothing but its cursor (the page, the marks set, the
//! entry matched and the checklist being asked), so exploring every cursor
//! reachable by some answers, each answer at each, covers every path. What
//! a check needs to know of the path behind a cursor it keeps in `facts`,
//! folded answer by answer; a cursor is explored once per distinct facts.

use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use super::content;
use super::engine::{Broken, Cursor};
use super::model::{Answer, Items, Kind};

/// Every answer the page at `cursor` takes: each option; for a checklist,
/// every non-empty set of items and each exclusive answer.
pub fn answers_at(cursor: &Cursor) -> Vec<Answer> {
    match &content::node(cursor.at).kind {
        Kind::Question(q) => q.options.iter().map(|o| Answer::One(o.choice)).collect(),
        Kind::Checklist(c) => (1..=Items::all(c.items.len()).0)
            .map(|bits| Answer::Ticked(Items(bits)))
            .chain(c.exclusive.iter().map(|o| Answer::One(o.choice)))
            .collect(),
        _ => Vec::new(),
    }
}

/// One move of a walk: from a page, by an answer (none for an interruption).
#[derive(Clone, Copy, Debug)]
pub struct Move<'a, F> {
    pub from: &'a Cursor,
    pub facts: &'a F,
    pub answer: Option<Answer>,
}

/// What the exploration found.
#[derive(Debug, Default)]
pub struct Explored {
    /// Distinct (cursor, facts) pairs visited.
    pub states: usize,
    /// Moves that led nowhere.
    pub broken: Vec<Broken>,
}

/// Explores every reachable cursor. `fold` gives the facts after a move;
/// `at_outcome` is called once for each distinct (outcome cursor, facts).
pub fn explore<F, Fold, Out>(start: F, mut fold: Fold, mut at_outcome: Out) -> Explored
where
    F: Clone + Eq + Hash,
    Fold: FnMut(Move<'_, F>) -> F,
    Out: FnMut(&Cursor, &F),
{
    let mut found = Explored::default();
    let first = match Cursor::start() {
        Ok(c) => c,
        Err(b) => {
            found.broken.push(b);
            return found;
        }
    };
    let mut seen: HashSet<(Cursor, F)> = HashSet::new();
    let mut stack = vec![(first, start)];
    while let Some((cursor, facts)) = stack.pop() {
        if !seen.insert((cursor, facts.clone())) {
            continue;
        }
        let node = content::node(cursor.at);
        let moves: Vec<(Option<Answer>, Result<Cursor, Broken>)> = match node.kind {
            Kind::Outcome(_) => {
                at_outcome(&cursor, &facts);
                continue;
            }
            Kind::Interruption { .. } => vec![(None, cursor.proceed())],
            _ => answers_at(&cursor)
                .into_iter()
                .map(|a| (Some(a), cursor.answer(&a)))
                .collect(),
        };
        for (answer, next) in moves {
            match next {
                Ok(next) => {
                    let f = fold(Move {
                        from: &cursor,
                        facts: &facts,
                        answer,
                    });
                    stack.push((next, f));
                }
                Err(b) => found.broken.push(b),
            }
        }
    }
    found.states = seen.len();
    found
}

/// How many paths there are, by the number of pages answered on them
/// (questions and checklists; interruptions are not counted).
pub fn path_lengths() -> Vec<u128> {
    fn go(cursor: Cursor, memo: &mut HashMap<Cursor, Vec<u128>>) -> Vec<u128> {
        if let Some(done) = memo.get(&cursor) {
            return done.clone();
        }
        let node = content::node(cursor.at);
        let out = match node.kind {
            Kind::Outcome(_) => vec![1],
            Kind::Interruption { .. } => cursor
                .proceed()
                .map_or_else(|_| Vec::new(), |n| go(n, memo)),
            _ => {
                let mut sum: Vec<u128> = Vec::new();
                for a in answers_at(&cursor) {
                    let Ok(next) = cursor.answer(&a) else {
                        continue;
                    };
                    let sub = go(next, memo);
                    if sum.len() < sub.len() + 1 {
                        sum.resize(sub.len() + 1, 0);
                    }
                    for (len, n) in sub.iter().enumerate() {
                        sum[len + 1] = sum[len + 1].saturating_add(*n);
                    }
                }
                sum
            }
        };
        memo.insert(cursor, out.clone());
        out
    }
    match Cursor::start() {
        Ok(c) => go(c, &mut HashMap::new()),
        Err(_) => Vec::new(),
    }
}
