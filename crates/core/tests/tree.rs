//! The tree as a whole: its shape, every path through it, and the engine's
//! behaviour on any input.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::answers;
use cyberscreen_core::rules::content::{self, NODES, START, document, node, provision};
use cyberscreen_core::rules::validate::validate;
use cyberscreen_core::rules::{
    Answers, Choice, End, Kind, LeadsTo, NodeId, OutcomeClass, explain, walk,
};
use proptest::prelude::*;

#[test]
fn tree_has_no_problems() {
    let problems = validate();
    let named: Vec<String> = problems.iter().map(|p| format!("{p:?}")).collect();
    assert!(problems.is_empty(), "{named:#?}");
}

/// Every complete sequence of answers from the start, by depth-first search.
fn all_paths() -> Vec<Vec<(NodeId, Choice)>> {
    fn go(at: NodeId, path: &mut Vec<(NodeId, Choice)>, out: &mut Vec<Vec<(NodeId, Choice)>>) {
        match &node(at).kind {
            Kind::Outcome(_) => out.push(path.clone()),
            Kind::Interruption { next, .. } => go(*next, path, out),
            Kind::Question(q) => {
                for opt in q.options {
                    path.push((at, opt.choice));
                    go(opt.next, path, out);
                    path.pop();
                }
            }
        }
    }
    let mut out = Vec::new();
    go(START, &mut Vec::new(), &mut out);
    out
}

fn answers_of(path: &[(NodeId, Choice)]) -> Answers {
    let mut a = Answers::default();
    for (q, c) in path {
        a.set(*q, *c).expect("options come from the tree");
    }
    a
}

#[test]
fn every_path_ends_in_an_explained_outcome() {
    let paths = all_paths();
    assert!(paths.len() > 100, "only {} paths", paths.len());
    for path in &paths {
        let a = answers_of(path);
        let w = walk(&a);
        assert!(
            matches!(w.end, End::Outcome(_)),
            "{path:?} ends at {:?}",
            w.end
        );
        let e = explain(&a).expect("an outcome has an explanation");
        assert_eq!(e.steps.len(), path.len(), "every answer is explained");
        assert!(!e.cites.is_empty());
        assert!(
            e.steps.iter().any(|s| s.decisive),
            "{path:?}: nothing decided it"
        );
    }
}

#[test]
fn unsure_never_ends_in_not_csi() {
    for path in all_paths() {
        if path.iter().any(|(_, c)| *c == Choice::NotSure) {
            let e = explain(&answers_of(&path)).unwrap();
            assert_ne!(e.class, OutcomeClass::NotCsi, "{path:?}");
        }
    }
}

#[test]
fn listed_outcomes_name_an_annex_i_entry() {
    for path in all_paths() {
        let e = explain(&answers_of(&path)).unwrap();
        if e.class == OutcomeClass::Listed {
            let entries: Vec<_> = e
                .cites
                .iter()
                .map(|p| provision(*p))
                .filter(|p| document(p.doc).key == "annex1" && p.token.starts_with(['4', '5']))
                .collect();
            assert!(!entries.is_empty(), "{path:?}");
        }
    }
}

#[test]
fn every_outcome_class_is_reachable() {
    let mut seen = std::collections::BTreeSet::new();
    for path in all_paths() {
        seen.insert(explain(&answers_of(&path)).unwrap().class);
    }
    assert_eq!(seen.len(), OutcomeClass::ALL.len(), "{seen:?}");
}

#[test]
fn an_unanswered_question_is_asked() {
    let a = answers(&[("activity", "export")]);
    let w = walk(&a);
    assert_eq!(
        w.end,
        End::Ask(content::node_by_key("authority-informed").unwrap())
    );
    assert_eq!(w.path, vec![START]);
    assert!(explain(&a).is_none());
}

#[test]
fn answers_off_the_path_are_kept_and_ignored() {
    let mut a = answers(&[
        ("activity", "export"),
        ("authority-informed", "no"),
        ("listing", "none_of_these"),
    ]);
    let listing = content::node_by_key("listing").unwrap();
    let activity = content::node_by_key("activity").unwrap();
    a.set(activity, Choice::IntraEu).unwrap();
    assert_eq!(explain(&a).unwrap().class, OutcomeClass::OutOfScopeActivity);
    assert_eq!(
        a.get(listing),
        Some(Choice::NoneOfThese),
        "kept for a change back"
    );
    a.set(activity, Choice::Export).unwrap();
    assert_eq!(
        walk(&a).end,
        End::Ask(content::node_by_key("csi-designed").unwrap())
    );
}

#[test]
fn answers_a_question_does_not_offer_are_refused() {
    let mut a = Answers::default();
    let activity = content::node_by_key("activity").unwrap();
    let outcome = content::node_by_key("consult").unwrap();
    assert!(a.set(activity, Choice::Yes).is_err());
    assert!(a.set(outcome, Choice::Yes).is_err());
    assert!(a.is_empty());
}

#[test]
fn what_would_change_the_outcome_is_computed_from_the_other_answers() {
    let e = common::outcome_of(&[("activity", "export"), ("authority-informed", "yes")]);
    let informed = e
        .steps
        .iter()
        .find(|s| node(s.question).key == "authority-informed")
        .unwrap();
    assert!(informed.decisive);
    let no = informed
        .alternatives
        .iter()
        .find(|a| a.choice == Choice::No)
        .unwrap();
    match &no.leads_to {
        LeadsTo::Questions { next, possible } => {
            assert_eq!(node(*next).key, "listing");
            assert!(
                possible.contains(OutcomeClass::Listed) && possible.contains(OutcomeClass::NotCsi)
            );
        }
        other => panic!("{other:?}"),
    }
    let unsure = informed
        .alternatives
        .iter()
        .find(|a| a.choice == Choice::NotSure)
        .unwrap();
    assert_eq!(
        unsure.leads_to,
        LeadsTo::Outcome(content::node_by_key("consult").unwrap())
    );
}

#[test]
fn every_choice_key_round_trips() {
    for c in Choice::ALL {
        assert_eq!(Choice::from_key(c.key()), Some(*c));
    }
}

fn any_answers() -> impl Strategy<Value = Vec<(usize, usize)>> {
    prop::collection::vec((0..NODES.len(), 0..Choice::ALL.len()), 0..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever is set, in whatever order, the engine neither panics nor
    /// loops, and an outcome always comes with a consistent explanation.
    #[test]
    fn any_answers_walk_to_a_question_or_an_explained_outcome(raw in any_answers()) {
        let mut a = Answers::default();
        for (n, c) in raw {
            let _ = a.set(NodeId(n as u16), Choice::ALL[c]);
        }
        let w = walk(&a);
        prop_assert!(w.path.len() < NODES.len());
        match w.end {
            End::Ask(q) => {
                prop_assert!(node(q).question().is_some());
                prop_assert!(a.get(q).is_none());
                prop_assert!(explain(&a).is_none());
            }
            End::Outcome(o) => {
                let e = explain(&a).unwrap();
                prop_assert_eq!(e.outcome, o);
            }
        }
    }
}

/// The start page tells users how many questions to expect: it must match the tree.
#[test]
fn the_start_page_states_the_longest_path() {
    let longest = all_paths().iter().map(Vec::len).max().unwrap();
    let shortest = all_paths().iter().map(Vec::len).min().unwrap();
    for lang in cyberscreen_core::text::Lang::ALL {
        let text = lang.text(cyberscreen_core::text::ui::START_TIME);
        assert!(
            text.contains(&format!("{shortest} ")) && text.contains(&format!("{longest} ")),
            "{}: \"{text}\" should say between {shortest} and {longest} questions",
            lang.code()
        );
    }
}

/// A question's legal basis shows the provisions behind each of its options
/// too (the notes that exclude items), each once.
#[test]
fn a_question_shows_the_provisions_of_its_options() {
    for n in NODES.iter().filter(|n| n.question().is_some()) {
        let basis = n.basis();
        for p in n
            .cites
            .iter()
            .chain(n.question().unwrap().options.iter().flat_map(|o| o.cites))
        {
            assert!(basis.contains(p), "{}: {:?}", n.key, p);
        }
        let once = basis
            .iter()
            .enumerate()
            .all(|(i, p)| !basis[..i].contains(p));
        assert!(once, "{}: {:?}", n.key, basis);
    }
}
