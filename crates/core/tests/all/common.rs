//! Helpers shared by the native test files.
#![allow(dead_code)]

use cyberscreen_core::rules::content::{node_by_key, provision};
use cyberscreen_core::rules::saved::answer_of;
use cyberscreen_core::rules::{Answers, Explanation, explain};
use cyberscreen_core::text::Moment;

/// When a record in a test was made: 26 November 2026, 21:46 in Berlin.
pub const WHEN: Moment = Moment {
    year: 2026,
    month: 11,
    day: 26,
    hour: 21,
    minute: 46,
    offset_minutes: 60,
};

/// Answers given by node key and answer name, as in `content/tree.toml`;
/// a checklist's items are joined by `+`.
pub fn answers(given: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::default();
    for (node, answer) in given {
        let id = node_by_key(node).unwrap_or_else(|| panic!("no node {node}"));
        let names: Vec<String> = answer.split('+').map(str::to_owned).collect();
        let a = answer_of(id, &names).unwrap_or_else(|| panic!("{node} does not take {answer}"));
        answers.set(id, a).unwrap();
    }
    answers
}

pub fn outcome_of(given: &[(&str, &str)]) -> Explanation {
    explain(&answers(given)).unwrap_or_else(|| {
        panic!(
            "these answers reach no outcome; next: {:?}",
            cyberscreen_core::rules::walk(&answers(given)).end
        )
    })
}

/// The `data-cites` tokens of an explanation.
pub fn cite_tokens(e: &Explanation) -> Vec<&'static str> {
    e.cites.iter().map(|p| provision(*p).token).collect()
}

/// For every outcome state the tree can reach (a page and what the path
/// established), the answers of one path that reaches it: a sample that
/// takes every route through the tree at least once.
pub fn sample_paths() -> &'static [Answers] {
    use cyberscreen_core::rules::content::node;
    use cyberscreen_core::rules::paths::answers_at;
    use cyberscreen_core::rules::{Cursor, Kind};
    static ONCE: std::sync::OnceLock<Vec<Answers>> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::new();
        let mut stack = vec![(Cursor::start().unwrap(), Answers::default())];
        while let Some((cursor, given)) = stack.pop() {
            if !seen.insert(cursor) {
                continue;
            }
            match node(cursor.at).kind {
                Kind::Outcome(_) => out.push(given),
                Kind::Interruption { .. } => stack.push((cursor.proceed().unwrap(), given)),
                _ => {
                    for a in answers_at(&cursor) {
                        let mut g = given.clone();
                        g.set(cursor.at, a).unwrap();
                        stack.push((cursor.answer(&a).unwrap(), g));
                    }
                }
            }
        }
        out
    })
}
