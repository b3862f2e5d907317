//! The tree as a whole: its shape, every path through it, and the engine's
//! behaviour on any input.
//!
//! Paths are explored as the engine's states (`rules::paths`): a walk
//! depends only on its cursor, so visiting every reachable cursor with every
//! answer covers every path. What a property needs to know of the path
//! behind a cursor is kept beside it (`Facts`), read from the answers'
//! names, not from the marks the tree sets, so that the tree cannot pass a
//! property by marking itself.

use std::collections::{HashMap, HashSet};

use crate::common::answers;
use cyberscreen_core::rules::content::{self, MARKS, NODES, node, node_by_key, provision};
use cyberscreen_core::rules::engine::holds;
use cyberscreen_core::rules::paths::{answers_at, path_lengths};
use cyberscreen_core::rules::validate::validate;
use cyberscreen_core::rules::{
    Answer, Answers, Choice, Cursor, End, EntryTrait, EntryTraits, Explanation, Kind, LeadsTo,
    Marks, MemberState, NodeId, Open, OutcomeClass, ProvisionKind, Section, Target, explain, walk,
};
use cyberscreen_core::text::{Lang, ui};
use proptest::prelude::*;

#[test]
fn tree_has_no_problems() {
    let problems = validate();
    let named: Vec<String> = problems.iter().map(|p| format!("{p:?}")).collect();
    assert!(problems.is_empty(), "{named:#?}");
}

/// The elements of Art. 2(20), in the order the tree asks them.
const ELEMENTS: [&str; 5] = [
    "csi-designed",
    "csi-covert",
    "csi-persons",
    "csi-data",
    "csi-ict",
];
/// A "No" on these may be qualified by the product types of section 2.2.
const QUALIFIED: u8 = 0b10110;
/// The Annex IV entries among the cyber-surveillance entries (Annex IV,
/// Part I, "Cryptanalysis").
const ANNEX_IV: [&str; 4] = ["5A004.a", "5D002.a.3.a", "5D002.c.3.a", "5E002.a"];

/// What a path has said, by the answers' names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
struct Facts {
    /// A question of the Annex I screen answered "I'm not sure".
    unsure_in_screen: bool,
    /// The kinds of item ticked as exported, and the screens answered.
    forms: u8,
    screens: u8,
    /// Elements of Art. 2(20) asked, answered "No", answered "not sure".
    asked: u8,
    no: u8,
    unsure: u8,
    /// The product is, or may be, a type section 2.2 discusses.
    singled_out: bool,
    /// Some answer gives the authority something to settle.
    to_settle: bool,
    /// The path left the definition questions having skipped an element
    /// after an unsure answer, with no definite "No".
    skipped: bool,
}

const FORMS: [&str; 3] = ["equipment", "software", "technology"];
const SCREENS: [&str; 3] = ["screen-equipment", "screen-software", "screen-technology"];

fn key_of(c: Choice) -> &'static str {
    c.key()
}

impl Facts {
    fn after(mut self, from: &Cursor, answer: Option<Answer>, to: &Cursor) -> Facts {
        let n = node(from.at);
        let keys: Vec<&str> = match answer {
            Some(Answer::One(c)) => vec![key_of(c)],
            Some(Answer::Ticked(set)) => set.iter().map(|i| key_of(n.offers()[i].choice)).collect(),
            None => Vec::new(),
        };
        let section = n.ask().map(|a| a.section);
        let is_question = matches!(n.kind, Kind::Question(_));
        if n.key == "form" {
            for (i, f) in FORMS.iter().enumerate() {
                if keys.contains(f) || keys == ["not_sure"] {
                    self.forms |= 1 << i;
                }
            }
        }
        if let Some(i) = SCREENS.iter().position(|s| *s == n.key) {
            self.screens |= 1 << i;
        }
        if section == Some(Section::Listing) && is_question && keys == ["not_sure"] {
            self.unsure_in_screen = true;
        }
        if let Some(i) = ELEMENTS.iter().position(|e| *e == n.key) {
            self.asked |= 1 << i;
            match keys.as_slice() {
                ["no"] => self.no |= 1 << i,
                ["not_sure"] => self.unsure |= 1 << i,
                _ => {}
            }
        }
        if n.key.starts_with("type-") && keys != ["none"] && !keys.is_empty() {
            self.singled_out = true;
        }
        if (is_question || n.key == "red-flags")
            && (keys == ["not_sure"]
                || (matches!(n.key, "suspicion" | "published") && keys == ["yes"])
                || (n.key == "authority-informed" && keys == ["national"])
                || (n.key == "red-flags" && keys != ["none"])
                || (n.key.contains("-release")
                    && !matches!(keys.as_slice(), ["no"] | ["not_sure"])))
        {
            self.to_settle = true;
        }
        let leaving = section == Some(Section::Definition)
            && node(to.at)
                .ask()
                .is_none_or(|a| a.section != Section::Definition);
        if leaving && self.unsure != 0 && self.asked != 0b11111 && !self.definite_no() {
            self.skipped = true;
        }
        self
    }

    /// A "No" on an element that no product type can qualify.
    fn definite_no(&self) -> bool {
        self.no & !QUALIFIED != 0 || (self.no != 0 && !self.singled_out)
    }

    /// Every kind of item exported was screened, with no unsure answer.
    fn screened_definitely(&self) -> bool {
        !self.unsure_in_screen && self.forms & !self.screens == 0
    }
}

/// A state of the exploration: where the walk stands, what the path said,
/// and (for the first path that reached it) the answers given.
struct Explored {
    outcomes: Vec<(Cursor, Facts, Answers)>,
    states: usize,
}

/// Every reachable (cursor, facts), each once, with one path to it.
fn explore_all() -> &'static Explored {
    static ONCE: std::sync::OnceLock<Explored> = std::sync::OnceLock::new();
    ONCE.get_or_init(|| {
        let mut seen: HashSet<(Cursor, Facts)> = HashSet::new();
        let mut outcomes = Vec::new();
        let start = Cursor::start().expect("the tree starts somewhere");
        let mut stack = vec![(start, Facts::default(), Answers::default())];
        while let Some((cursor, facts, given)) = stack.pop() {
            if !seen.insert((cursor, facts)) {
                continue;
            }
            match node(cursor.at).kind {
                Kind::Outcome(_) => outcomes.push((cursor, facts, given)),
                Kind::Interruption { .. } => {
                    let next = cursor.proceed().expect("an interruption leads on");
                    stack.push((next, facts.after(&cursor, None, &next), given));
                }
                _ => {
                    for a in answers_at(&cursor) {
                        let next = cursor
                            .answer(&a)
                            .unwrap_or_else(|b| panic!("{b:?} from {}", node(cursor.at).key));
                        let mut g = given.clone();
                        g.set(cursor.at, a).expect("the page takes its own answers");
                        stack.push((next, facts.after(&cursor, Some(a), &next), g));
                    }
                }
            }
        }
        Explored {
            outcomes,
            states: seen.len(),
        }
    })
}

fn class_at(c: &Cursor) -> OutcomeClass {
    node(c.at).outcome().expect("an outcome").class
}

#[test]
fn every_path_ends_in_an_outcome_that_its_answers_explain() {
    let x = explore_all();
    assert!(x.states > 1000, "only {} states", x.states);
    for (cursor, _, given) in &x.outcomes {
        let w = walk(given);
        assert_eq!(
            w.end,
            End::Outcome(cursor.at),
            "the walk reaches the explored outcome"
        );
        let e = explain(given).expect("an outcome has an explanation");
        assert_eq!(
            e.steps.len(),
            w.path.iter().filter(|p| p.answer.is_some()).count()
        );
        assert!(!e.cites.is_empty());
        assert!(
            e.steps.iter().any(|s| s.decisive),
            "nothing decided {}",
            node(e.outcome).key
        );
    }
}

#[test]
fn not_csi_needs_a_definite_no_on_an_element_and_on_every_entry_screened() {
    let mut seen = 0;
    for (cursor, facts, _) in &explore_all().outcomes {
        if class_at(cursor) == OutcomeClass::NotCsi {
            seen += 1;
            assert!(facts.definite_no(), "{facts:?}");
            assert!(facts.screened_definitely(), "{facts:?}");
        }
    }
    assert!(seen > 0);
}

#[test]
fn due_diligence_outcomes_rest_on_a_screen_without_doubt_and_every_element_met() {
    for (cursor, facts, _) in &explore_all().outcomes {
        if matches!(
            class_at(cursor),
            OutcomeClass::Art5DueDiligence | OutcomeClass::Art5Notify
        ) {
            assert!(facts.screened_definitely(), "{facts:?}");
            assert_eq!(
                (facts.asked, facts.no, facts.unsure),
                (0b11111, 0, 0),
                "{facts:?}"
            );
            assert!(!facts.singled_out);
        }
    }
}

/// A letter from the authority would require an authorisation for any
/// item (Articles 4(1), 5(1), 10): unsure of one, no path ends on a result
/// that says the item needs none.
#[test]
fn an_unsure_letter_never_ends_on_a_result_a_letter_would_change() {
    let letter = node_by_key("authority-informed").unwrap();
    let mut seen = 0;
    for (cursor, _, given) in &explore_all().outcomes {
        if given.get(letter) != Some(Answer::One(content::choice::NOT_SURE)) {
            continue;
        }
        seen += 1;
        assert!(
            !matches!(
                class_at(cursor),
                OutcomeClass::NotCsi | OutcomeClass::Art5DueDiligence
            ),
            "{}",
            node(cursor.at).key
        );
    }
    assert!(seen > 0);
}

#[test]
fn no_element_is_skipped_after_an_unsure_answer_unless_a_definite_no_settled_it() {
    for (_, facts, _) in &explore_all().outcomes {
        assert!(!facts.skipped, "{facts:?}");
    }
}

#[test]
fn a_consult_always_has_something_for_the_authority_to_settle_and_names_it() {
    for (cursor, facts, given) in &explore_all().outcomes {
        if class_at(cursor) != OutcomeClass::Consult {
            continue;
        }
        assert!(facts.to_settle || facts.singled_out, "{facts:?}");
        let e = explain(given).unwrap();
        let open: Vec<&str> = e.open_points().map(|s| node(s.question).key).collect();
        assert!(!open.is_empty(), "{}", node(e.outcome).key);
        // Every "I'm not sure" on the path is an open point, and the draft
        // to the authority names each with the answer given.
        for s in e
            .steps
            .iter()
            .filter(|s| s.answer == Answer::One(content::choice::NOT_SURE))
        {
            if matches!(node(s.question).kind, Kind::Question(_)) {
                assert!(s.open, "{} unsure but not open", node(s.question).key);
            }
        }
        let lines = cyberscreen_core::rules::report::open_point_lines(Lang::En, &e);
        for s in e.open_points() {
            let question = Lang::En.text(node(s.question).point());
            assert!(
                lines.iter().any(|l| l.contains(question)),
                "{question} not in the draft"
            );
        }
    }
}

/// Every question is quoted away from the page that asked it (the check
/// page, the result, the record): one whose English title leans on that
/// page ("below", "these", "this “No”") says itself in words that stand
/// alone. One that can stay open is also put to the authority, in a letter
/// where "you" would be the authority: it speaks of the exporter.
#[test]
fn every_question_stands_alone_where_it_is_quoted() {
    let leans = |t: &str| {
        ["below", "these", "this “No”"]
            .iter()
            .any(|w| t.contains(w))
    };
    let addresses = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "you" | "You" | "your" | "Your"))
    };
    for n in NODES.iter().filter(|n| n.ask().is_some()) {
        let point = Lang::En.text(n.point());
        assert!(!leans(point), "{}: quoted as “{point}”", n.key);
        if n.offers().iter().any(|o| o.open != Open::Never) {
            assert!(
                !addresses(point),
                "{}: put to the authority as “{point}”",
                n.key
            );
        }
    }
}

#[test]
fn a_listed_outcome_names_exactly_one_deciding_entry() {
    let mut seen = 0;
    for (cursor, _, given) in &explore_all().outcomes {
        let o = node(cursor.at).outcome().unwrap();
        if !o.names_entry {
            continue;
        }
        seen += 1;
        let e: Explanation = explain(given).unwrap();
        let entry = e.entry.expect("the outcome names its entry");
        let entries: Vec<&str> = e
            .cites
            .iter()
            .map(|p| provision(*p))
            .filter(|p| p.kind == ProvisionKind::Entry)
            .map(|p| p.token)
            .collect();
        assert_eq!(entries, vec![provision(entry.provision).token]);
    }
    assert!(seen > 10);
}

#[test]
fn no_path_offers_eu001_for_an_annex_iv_item() {
    for (cursor, _, _) in &explore_all().outcomes {
        let Some(entry) = cursor.entry else { continue };
        let token = provision(entry.provision).token;
        let annex_iv = ANNEX_IV.contains(&token);
        assert_eq!(
            annex_iv,
            entry.traits.has(EntryTraits::of(EntryTrait::AnnexIv)),
            "{token}: its Annex IV trait"
        );
        let o = node(cursor.at).outcome().unwrap();
        let applies: Vec<&str> = o
            .notes
            .iter()
            .filter(|n| holds(n.tests, cursor.marks, cursor.entry))
            .map(|n| n.key)
            .collect();
        if annex_iv {
            assert!(
                !applies.iter().any(|k| k.contains("eu001")),
                "{token}: {applies:?}"
            );
            // Where a sanctions ban applies, the result says the export is
            // prohibited instead.
            if class_at(cursor) == OutcomeClass::Listed && node(cursor.at).key != "listed-banned" {
                assert!(
                    applies.contains(&"no-general-authorisation"),
                    "{token}: {applies:?}"
                );
            }
        }
    }
}

#[test]
fn every_outcome_class_is_reachable() {
    let classes: HashSet<OutcomeClass> = explore_all()
        .outcomes
        .iter()
        .map(|(c, _, _)| class_at(c))
        .collect();
    assert_eq!(classes.len(), OutcomeClass::ALL.len(), "{classes:?}");
}

/// An exclusion is asked only where its Note applies: only after an answer
/// matching an entry the Note names.
#[test]
fn exclusions_are_asked_only_where_their_note_applies() {
    let notes_of = |id: NodeId| -> Vec<&'static cyberscreen_core::rules::Provision> {
        node(id)
            .cites
            .iter()
            .map(|p| provision(*p))
            .filter(|p| p.kind == ProvisionKind::Note)
            .collect()
    };
    let mut asked = 0;
    for id in content::node_ids() {
        for opt in node(id).offers() {
            let Target::Node(next) = opt.next else {
                continue;
            };
            let notes = notes_of(next);
            if notes.is_empty() || node(next).ask().is_none() {
                continue;
            }
            asked += 1;
            let entry = opt.entry.unwrap_or_else(|| {
                panic!(
                    "{} leads to the exclusion {} without matching an entry",
                    node(id).key,
                    node(next).key
                )
            });
            for note in notes {
                assert!(
                    note.applies_to.contains(&entry.provision),
                    "{}: {} does not apply to {}",
                    node(next).key,
                    note.token,
                    provision(entry.provision).token
                );
            }
        }
    }
    assert!(asked >= 8, "{asked}");
    // Jamming and detection (5A001.f.3, f.4) are never excluded.
    let mobile = node_by_key("eq-mobile").unwrap();
    for key in ["jamming", "detection"] {
        let opt = node(mobile).option(Choice::from_key(key).unwrap()).unwrap();
        let Target::Node(next) = opt.next else {
            panic!()
        };
        assert!(notes_of(next).is_empty(), "{key} leads to an exclusion");
    }
}

#[test]
fn every_mark_is_set_and_read_somewhere() {
    let mut set = 0u32;
    let mut read = 0u32;
    for n in NODES {
        for o in n.offers() {
            set |= o.marks.0;
        }
        match &n.kind {
            Kind::Checklist(c) => {
                set |= c.marks.0;
                c.exclusive.iter().for_each(|o| set |= o.marks.0);
            }
            Kind::Junction(routes) => {
                for r in routes.iter() {
                    set |= r.marks.0;
                    for t in r.tests {
                        if let cyberscreen_core::rules::Atom::Mark(m) = t.atom {
                            read |= Marks::of(m).0;
                        }
                    }
                }
            }
            Kind::Outcome(o) => {
                read |= o.open_marks.0;
                for note in o.notes {
                    for t in note.tests {
                        if let cyberscreen_core::rules::Atom::Mark(m) = t.atom {
                            read |= Marks::of(m).0;
                        }
                    }
                }
            }
            _ => {}
        }
        for o in n.offers() {
            if let cyberscreen_core::rules::Open::If(m) = o.open {
                read |= Marks::of(m).0;
            }
        }
    }
    for (i, m) in MARKS.iter().enumerate() {
        assert!(set & (1 << i) != 0, "mark {} is never set", m.key);
        assert!(read & (1 << i) != 0, "mark {} is never read", m.key);
    }
}

#[test]
fn an_unanswered_question_is_asked() {
    let a = answers(&[("activity", "export")]);
    let w = walk(&a);
    assert_eq!(w.end, End::Ask(node_by_key("destination").unwrap()));
    assert_eq!(w.nodes().collect::<Vec<_>>(), vec![content::START]);
    assert!(explain(&a).is_none());
}

#[test]
fn answers_off_the_path_are_kept_and_ignored() {
    let mut a = answers(&[
        ("activity", "export"),
        ("destination", "other"),
        ("authority-informed", "no"),
        ("form", "software"),
    ]);
    let activity = node_by_key("activity").unwrap();
    let form = node_by_key("form").unwrap();
    a.set(activity, Answer::One(Choice::from_key("intra_eu").unwrap()))
        .unwrap();
    assert_eq!(
        walk(&a).end,
        End::Ask(node_by_key("screen-software").unwrap())
    );
    a.set(activity, Answer::One(Choice::from_key("export").unwrap()))
        .unwrap();
    a.set(
        node_by_key("authority-informed").unwrap(),
        Answer::One(Choice::from_key("military").unwrap()),
    )
    .unwrap();
    assert_eq!(explain(&a).unwrap().class, OutcomeClass::Art4Licence);
    assert!(a.get(form).is_some(), "kept for a change back");
}

#[test]
fn answers_a_page_does_not_offer_are_refused() {
    let mut a = Answers::default();
    let activity = node_by_key("activity").unwrap();
    let outcome = node_by_key("consult").unwrap();
    let form = node_by_key("form").unwrap();
    let yes = Answer::One(Choice::from_key("yes").unwrap());
    assert!(a.set(activity, yes).is_err());
    assert!(a.set(outcome, yes).is_err());
    assert!(
        a.set(form, Answer::Ticked(cyberscreen_core::rules::Items::NONE))
            .is_err(),
        "nothing ticked"
    );
    assert!(
        a.set(
            form,
            Answer::Ticked(cyberscreen_core::rules::Items(1 << 20))
        )
        .is_err(),
        "no such item"
    );
    assert!(a.is_empty());
}

#[test]
fn what_would_change_the_outcome_is_computed_from_the_other_answers() {
    let e = crate::common::outcome_of(&[
        ("activity", "export"),
        ("destination", "other"),
        ("authority-informed", "repression"),
    ]);
    let informed = e
        .steps
        .iter()
        .find(|s| node(s.question).key == "authority-informed")
        .unwrap();
    assert!(informed.decisive);
    let no = informed
        .alternatives
        .iter()
        .find(|a| a.answer == Answer::One(Choice::from_key("no").unwrap()))
        .unwrap();
    match &no.leads_to {
        LeadsTo::Questions { next, possible } => {
            assert_eq!(node(*next).key, "form");
            assert!(
                possible.contains(OutcomeClass::Listed) && possible.contains(OutcomeClass::NotCsi)
            );
        }
        other => panic!("{other:?}"),
    }
    let unsure = informed
        .alternatives
        .iter()
        .find(|a| a.answer == Answer::One(content::choice::NOT_SURE))
        .unwrap();
    // Unsure of the letter, the screen still classifies the product; what
    // is not listed can no longer end on "not a cyber-surveillance item".
    match &unsure.leads_to {
        LeadsTo::Questions { next, possible } => {
            assert_eq!(node(*next).key, "form");
            assert!(
                possible.contains(OutcomeClass::Listed)
                    && possible.contains(OutcomeClass::Consult)
                    && !possible.contains(OutcomeClass::NotCsi)
                    && !possible.contains(OutcomeClass::Art5DueDiligence),
                "{possible:?}"
            );
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn every_choice_key_round_trips() {
    for c in Choice::all() {
        assert_eq!(Choice::from_key(c.key()), Some(c));
        assert!(
            c.key().len() > 1,
            "one-character names are the old link codes"
        );
    }
}

fn any_answers() -> impl Strategy<Value = Vec<(usize, u32, bool)>> {
    prop::collection::vec((0..NODES.len(), any::<u32>(), any::<bool>()), 0..60)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Whatever is set, in whatever order, the engine neither panics nor
    /// loops, and an outcome always comes with a consistent explanation.
    #[test]
    fn any_answers_walk_to_a_question_or_an_explained_outcome(raw in any_answers()) {
        let mut a = Answers::default();
        for (n, pick, ticked) in raw {
            let id = content::node_ids().nth(n).expect("a node");
            let answer = if ticked { Answer::Ticked(cyberscreen_core::rules::Items(pick)) } else {
                let choices: Vec<Choice> = Choice::all().collect();
                Answer::One(choices[pick as usize % choices.len()])
            };
            let _ = a.set(id, answer);
        }
        let w = walk(&a);
        prop_assert!(w.path.len() < NODES.len());
        match w.end {
            End::Ask(q) => {
                prop_assert!(node(q).ask().is_some());
                prop_assert!(explain(&a).is_none());
            }
            End::Outcome(o) => {
                let e = explain(&a).unwrap();
                prop_assert_eq!(e.outcome, o);
            }
        }
    }

    /// Random complete walks: the explanation lists every unsure answer to a
    /// question as an open point.
    #[test]
    fn random_walks_list_their_unsure_answers(picks in prop::collection::vec(any::<u32>(), 60)) {
        let mut cursor = Cursor::start().unwrap();
        let mut a = Answers::default();
        for pick in picks {
            match node(cursor.at).kind {
                Kind::Outcome(_) => break,
                Kind::Interruption { .. } => cursor = cursor.proceed().unwrap(),
                _ => {
                    let options = answers_at(&cursor);
                    let choice = options[pick as usize % options.len()];
                    a.set(cursor.at, choice).unwrap();
                    cursor = cursor.answer(&choice).unwrap();
                }
            }
        }
        if let Some(e) = explain(&a) {
            for s in &e.steps {
                if s.answer == Answer::One(content::choice::NOT_SURE) && matches!(node(s.question).kind, Kind::Question(_)) {
                    prop_assert!(s.open || e.class != OutcomeClass::Consult, "{}", node(s.question).key);
                }
            }
        }
    }
}

/// The number of pages answered on each path, over every path, and over the
/// common case: one kind of item exported, at most one description ticked
/// on each page, and no "ask me about each".
fn common_case_lengths() -> Vec<u128> {
    fn go(c: Cursor, memo: &mut HashMap<Cursor, Vec<u128>>) -> Vec<u128> {
        if let Some(d) = memo.get(&c) {
            return d.clone();
        }
        let out = match node(c.at).kind {
            Kind::Outcome(_) => vec![1],
            Kind::Interruption { .. } => go(c.proceed().unwrap(), memo),
            _ => {
                let mut sum: Vec<u128> = Vec::new();
                for a in answers_at(&c) {
                    let several = matches!(a, Answer::Ticked(s) if s.0.count_ones() > 1);
                    let all =
                        matches!(a, Answer::One(x) if node(c.at).option(x).is_some_and(|o| o.all));
                    if several || all {
                        continue;
                    }
                    let sub = go(c.answer(&a).unwrap(), memo);
                    if sum.len() < sub.len() + 1 {
                        sum.resize(sub.len() + 1, 0);
                    }
                    for (l, n) in sub.iter().enumerate() {
                        sum[l + 1] += n;
                    }
                }
                sum
            }
        };
        memo.insert(c, out.clone());
        out
    }
    go(Cursor::start().unwrap(), &mut HashMap::new())
}

fn median(lengths: &[u128]) -> usize {
    let total: u128 = lengths.iter().sum();
    let mut acc = 0;
    lengths
        .iter()
        .position(|n| {
            acc += n;
            acc * 2 >= total
        })
        .unwrap()
}

/// The start page tells users how many questions to expect: it must match
/// the tree, for the common case and for every path.
#[test]
fn the_start_page_states_how_many_questions_to_expect() {
    let all = path_lengths();
    let common = common_case_lengths();
    let (longest, usual) = (all.len() - 1, common.len() - 1);
    println!(
        "paths: {} (median {}, longest {longest}); common case: {} (median {}, longest {usual})",
        all.iter().sum::<u128>(),
        median(&all),
        common.iter().sum::<u128>(),
        median(&common)
    );
    for lang in Lang::ALL {
        let text = lang.text(ui::START_TIME);
        assert!(
            text.contains(&format!(" {usual} ")) && text.contains(&format!(" {longest} ")),
            "{}: \"{text}\" should say usually up to {usual} and at most {longest} questions",
            lang.code()
        );
    }
}

/// A page's legal basis shows the provisions behind each of its answers
/// too (the notes that exclude items), each once.
#[test]
fn a_page_shows_the_provisions_of_its_answers() {
    for n in NODES.iter().filter(|n| n.ask().is_some()) {
        let basis = n.basis();
        for p in n
            .cites
            .iter()
            .chain(n.offers().iter().flat_map(|o| o.cites))
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

/// For one path to each outcome with each combination of its notes, in
/// every language: the report says what to do in one to three steps, warns
/// before them only of what may forbid the export, and the Markdown record
/// carries every fact of the report, its sections in the page's order.
#[test]
fn the_record_carries_every_fact_of_the_report_in_the_pages_order() {
    use cyberscreen_core::rules::record::Record;
    use cyberscreen_core::rules::report::Report;
    let mut seen = HashSet::new();
    for (cursor, _, given) in &explore_all().outcomes {
        let e = explain(given).expect("an outcome");
        let notes: Vec<&str> = e.notes.iter().map(|n| n.key).collect();
        if !seen.insert((cursor.at, notes)) {
            continue;
        }
        let key = node(cursor.at).key;
        for &lang in Lang::ALL {
            let report = Report::new(
                given,
                lang,
                MemberState::from_code("DE"),
                &Default::default(),
            )
            .expect("a report");
            assert!((1..=3).contains(&report.steps.len()), "{key}");
            for w in &report.warnings {
                assert!(
                    w.key.starts_with("ban") || w.key == "sanctions-listed",
                    "{key}: {}",
                    w.key
                );
            }
            let md = Record {
                answers: given,
                lang,
                member_state: MemberState::from_code("DE"),
                created: crate::common::WHEN,
                about: &Default::default(),
            }
            .to_markdown();
            for fact in report.facts() {
                assert!(
                    md.contains(&fact),
                    "{key} ({}): the record lacks {fact:?}",
                    lang.code()
                );
            }
            let at = |id| {
                md.find(&format!("\n## {}\n", lang.text(id)))
                    .unwrap_or_else(|| panic!("{key}: no section {:?}", lang.text(id)))
            };
            let order = [
                ui::OUTCOME_NEXT_STEPS,
                ui::OUTCOME_CONTACT,
                ui::OUTCOME_WHY,
                ui::OUTCOME_CHANGE,
                ui::OUTCOME_SOURCES,
                ui::RECORD_ANSWERS,
            ]
            .map(at);
            assert!(order.is_sorted(), "{key}: sections out of order {order:?}");
            assert!(
                md.find(&report.title) < Some(order[0]),
                "{key}: the verdict comes first"
            );
        }
    }
    assert!(seen.len() > 20, "only {} outcome variants", seen.len());
}
