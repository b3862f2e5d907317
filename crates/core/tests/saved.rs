//! Share links, saved progress and records: what is written can be read
//! back to the same outcome, and anything else is refused without a panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use cyberscreen_core::rules::content::{
    CONTENT_VERSION, NODES, RED_FLAGS, START, authority, node, provision,
};
use cyberscreen_core::rules::record::{Record, RecordError, import};
use cyberscreen_core::rules::saved::{DecodeError, MAX_LEN, Saved};
use cyberscreen_core::rules::{Answers, Choice, Kind, NodeId, Status, explain, json};
use cyberscreen_core::text::Lang;
use proptest::prelude::*;

fn all_paths() -> Vec<Answers> {
    fn go(at: NodeId, answers: &mut Answers, out: &mut Vec<Answers>) {
        match &node(at).kind {
            Kind::Outcome(_) => out.push(answers.clone()),
            Kind::Interruption { next, .. } => go(*next, answers, out),
            Kind::Question(q) => {
                for opt in q.options {
                    answers.set(at, opt.choice).unwrap();
                    go(opt.next, answers, out);
                    answers.clear(at);
                }
            }
        }
    }
    let mut out = Vec::new();
    go(START, &mut Answers::default(), &mut out);
    out
}

#[test]
fn every_path_survives_a_share_link() {
    for answers in all_paths() {
        let saved = Saved::of(&answers, "de", Some("FR"), Some("check"));
        let text = saved.encode();
        assert!(text.len() < 600, "{} characters: {text}", text.len());
        let back = Saved::decode(&format!("#{text}")).expect("our own encoding decodes");
        assert_eq!(back, saved);
        let restored = back.restore();
        assert_eq!(restored.answers, answers);
        assert!(restored.unusable.is_empty() && restored.other_version.is_none());
    }
}

#[test]
fn every_path_survives_a_record() {
    for answers in all_paths() {
        let record = Record {
            answers: &answers,
            lang: Lang::En,
            member_state: Some("DE"),
            red_flags: vec!["prior-misuse"],
            created: "26 November 2026 at 21:46".into(),
        };
        let json = record.to_json();
        let imported = import(&json).expect("our own record imports");
        let restored = imported.saved.restore();
        let class = explain(&answers).unwrap().class;
        assert_eq!(explain(&restored.answers).unwrap().class, class);
        assert_eq!(imported.recorded_class.as_deref(), Some(class.code()));
        assert_eq!(imported.red_flags, vec!["prior-misuse"]);
        assert_eq!(imported.saved.member_state.as_deref(), Some("DE"));
        assert!(record.to_markdown().contains(CONTENT_VERSION));
    }
}

/// What the page marks as unverified or secondary, the record marks too:
/// the provisions, the red flags and the authority.
#[test]
fn the_written_record_keeps_every_status_mark() {
    let mark = |status: Status| status.mark().map(|m| format!(" ({})", Lang::En.text(m)));
    let flag = RED_FLAGS
        .iter()
        .find(|f| f.status == Status::Unverified)
        .unwrap();
    let state = "GR";
    assert_eq!(authority(state).unwrap().status, Status::Unverified);
    for answers in all_paths() {
        let markdown = Record {
            answers: &answers,
            lang: Lang::En,
            member_state: Some(state),
            red_flags: vec![flag.key],
            created: "26 November 2026, 21:46".into(),
        }
        .to_markdown();
        for p in explain(&answers)
            .unwrap()
            .cites
            .iter()
            .map(|p| provision(*p))
        {
            let line = format!(
                "- {}{} [{}]",
                Lang::En.text(p.label),
                mark(p.status).unwrap_or_default(),
                p.token
            );
            assert!(markdown.contains(&line), "{line}");
        }
        let a = authority(state).unwrap();
        assert!(markdown.contains(&format!(
            "{}{}",
            Lang::En.text(a.name),
            mark(a.status).unwrap()
        )));
        assert!(markdown.contains(&format!(
            "- {}{}",
            Lang::En.text(flag.text),
            mark(flag.status).unwrap()
        )));
        assert!(
            markdown.contains(Lang::En.text(cyberscreen_core::text::ui::OUTCOME_UNVERIFIED_NOTE))
        );
    }
}

#[test]
fn damaged_links_are_refused() {
    let good = Saved::of(
        &common::answers(&[("activity", "export")]),
        "en",
        None,
        None,
    )
    .encode();
    for bad in [
        "",
        "a=activity:x",
        "v=1&v=2",
        "v=1&a=activity",
        "v=1&a=activity:xx",
        "v=1&a=activity:?",
        "v=1&lang=<script>",
        "v=1&unknown=1",
        "v=1&a=a:x&a=b:y",
        "v=1&ms=DE&ms=FR",
        &good[..good.len() - 3],
    ] {
        assert!(Saved::decode(bad).is_err(), "{bad:?}");
    }
    assert_eq!(
        Saved::decode(&"x".repeat(MAX_LEN + 1)),
        Err(DecodeError::TooLong)
    );
    assert_eq!(Saved::decode("lang=en"), Err(DecodeError::NoVersion));
}

#[test]
fn answers_from_another_version_are_not_taken_as_given() {
    let restored = Saved::decode("v=2020.1&a=activity:x,gone-node:y,listing:y")
        .unwrap()
        .restore();
    assert_eq!(restored.other_version.as_deref(), Some("2020.1"));
    assert_eq!(
        restored.unusable,
        vec!["gone-node".to_owned(), "listing".to_owned()]
    );
    assert_eq!(restored.answers.get(START), Some(Choice::Export));
}

#[test]
fn a_repeated_answer_is_unusable_not_overwritten() {
    let restored = Saved::decode(&format!("v={CONTENT_VERSION}&a=activity:x,activity:i"))
        .unwrap()
        .restore();
    assert_eq!(restored.answers.get(START), Some(Choice::Export));
    assert_eq!(restored.unusable, vec!["activity".to_owned()]);
}

#[test]
fn files_that_are_not_records_are_refused() {
    assert_eq!(import("not json"), Err(RecordError::NotJson));
    assert_eq!(import("{\"hello\": 1}"), Err(RecordError::NotARecord));
    assert_eq!(
        import(
            "{\"format\": \"cyberscreen-record\", \"content_version\": \"1\", \"answers\": [{\"question\": 1}]}"
        ),
        Err(RecordError::NotARecord)
    );
    assert_eq!(
        import(&" ".repeat(json::MAX_LEN + 1)),
        Err(RecordError::TooLarge)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    #[test]
    fn any_text_decodes_or_is_refused_without_panic(s in ".{0,300}") {
        if let Ok(saved) = Saved::decode(&s) {
            let restored = saved.restore();
            prop_assert!(restored.answers.iter().count() <= NODES.len());
        }
    }

    #[test]
    fn near_misses_of_a_real_link_never_panic(cut in 0usize..200, insert in "[a-z:,&=.#-]{0,4}") {
        let good = Saved::of(&common::answers(&[("activity", "export"), ("authority-informed", "no")]), "en", Some("DE"), Some("listing")).encode();
        let cut = cut.min(good.len());
        let damaged = format!("{}{insert}{}", &good[..cut], &good[cut..]);
        let _ = Saved::decode(&damaged).map(|s| s.restore());
    }

    #[test]
    fn any_text_imports_or_is_refused_without_panic(s in "[\\[\\]{}\":,a-z0-9 \\\\-]{0,200}") {
        let _ = import(&s);
        let _ = json::parse(&s);
    }
}
