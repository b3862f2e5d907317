//! Helpers shared by the native test files.
#![allow(dead_code)]

use cyberscreen_core::rules::content::{node_by_key, provision};
use cyberscreen_core::rules::{Answers, Choice, Explanation, explain};

/// Answers given by node key and answer key, as in `content/tree.toml`.
pub fn answers(given: &[(&str, &str)]) -> Answers {
    let mut answers = Answers::default();
    for (node, choice) in given {
        let id = node_by_key(node).unwrap_or_else(|| panic!("no node {node}"));
        let choice = Choice::from_key(choice).unwrap_or_else(|| panic!("no answer {choice}"));
        answers
            .set(id, choice)
            .unwrap_or_else(|e| panic!("{node} does not take {choice:?}: {e:?}"));
    }
    answers
}

pub fn outcome_of(given: &[(&str, &str)]) -> Explanation {
    explain(&answers(given)).expect("these answers reach an outcome")
}

/// The `data-cites` tokens of an explanation.
pub fn cite_tokens(e: &Explanation) -> Vec<&'static str> {
    e.cites.iter().map(|p| provision(*p).token).collect()
}
