//! Share links, saved progress and records: what is written can be read
//! back to the same outcome, old links and records still open, and anything
//! else is refused without a panic.

use crate::common::{answers, sample_paths};
use cyberscreen_core::rules::about::{About, Field, MAX_CHARS};
use cyberscreen_core::rules::content::{
    CONTENT_VERSION, NODES, START, node, node_by_key, provision,
};
use cyberscreen_core::rules::record::{Record, RecordError, import};
use cyberscreen_core::rules::saved::{DecodeError, MAX_LEN, Saved, answer_of};
use cyberscreen_core::rules::{
    Answer, Choice, Kind, MemberState, OutcomeClass, Status, explain, json,
};
use cyberscreen_core::text::Lang;
use proptest::prelude::*;

#[test]
fn a_link_says_what_the_check_is_about_only_when_asked_and_keeps_any_text() {
    let given = answers(&[("activity", "export"), ("destination", "other")]);
    let mut about = About::default();
    about.set(Field::Product, "Zellscout 4.2 – “Ü” & co = 100% #1 +x ☃");
    about.set(Field::Customer, "A/B; C?");
    let plain = Saved::of(&given, "de", None, Some("check"));
    assert!(!plain.encode().contains("product="));
    let link = plain.clone().with_about(&about).encode();
    // Nothing a URL or this format gives a meaning to is left as it is.
    let value = link
        .split('&')
        .find_map(|f| f.strip_prefix("product="))
        .expect("the product");
    assert!(
        value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
        "{value}"
    );
    let back = Saved::decode(&link).expect("a link");
    assert_eq!(back.about, about);
    assert_eq!(back.answers, plain.answers);
    // A broken escape, a raw character, text that is not UTF-8 or a field
    // given twice is not a link of ours.
    for bad in [
        "&product=%E",
        "&product=%ZZ",
        "&product=a b",
        "&product=%C3",
        "&product=a&product=b",
        "&colour=red",
    ] {
        assert_eq!(
            Saved::decode(&format!("{}{bad}", plain.encode())),
            Err(DecodeError::Damaged),
            "{bad}"
        );
    }
    // Every field at its longest, each character escaped, still fits.
    let mut full = About::default();
    for f in Field::ALL {
        full.set(f, &"€".repeat(MAX_CHARS));
    }
    let long = plain.with_about(&full).encode();
    assert!(long.len() <= MAX_LEN, "{}", long.len());
    assert_eq!(Saved::decode(&long).map(|s| s.about), Ok(full));
}

#[test]
fn every_route_survives_a_share_link() {
    assert!(sample_paths().len() > 100, "{}", sample_paths().len());
    for given in sample_paths() {
        let saved = Saved::of(given, "de", MemberState::from_code("FR"), Some("check"));
        let text = saved.encode();
        assert!(
            text.len() < MAX_LEN / 2,
            "{} characters: {text}",
            text.len()
        );
        let back = Saved::decode(&format!("#{text}")).expect("our own encoding decodes");
        assert_eq!(back, saved);
        let restored = back.restore();
        assert_eq!(&restored.answers, given);
        assert!(restored.unusable.is_empty() && restored.other_version.is_none());
    }
}

#[test]
fn every_route_survives_a_record() {
    for given in sample_paths() {
        let record = Record {
            answers: given,
            lang: Lang::En,
            member_state: MemberState::from_code("DE"),
            created: crate::common::WHEN,
            about: &About::default(),
        };
        let json = record.to_json();
        let imported = import(&json).expect("our own record imports");
        let restored = imported.saved.restore();
        let e = explain(given).unwrap();
        let back = explain(&restored.answers).unwrap();
        assert_eq!(
            (back.class, back.outcome, back.cites.clone()),
            (e.class, e.outcome, e.cites.clone())
        );
        assert_eq!(imported.recorded_class, Some(e.class));
        assert_eq!(imported.saved.member_state.as_deref(), Some("DE"));
        assert!(record.to_markdown().contains(CONTENT_VERSION));
    }
}

/// What a record is about survives the JSON file, is written into the
/// Markdown, and comes back cleaned whatever the file says.
#[test]
fn what_a_record_is_about_survives_it_and_is_cleaned_on_import() {
    let given = &sample_paths()[0];
    let mut about = About::default();
    about.set(Field::Product, "CellScout 4.2 \"Pro\"");
    about.set(Field::Customer, "Ministério da Justiça, Brasília");
    about.set(Field::CheckedBy, "A. Export-Manager");
    let record = Record {
        answers: given,
        lang: Lang::En,
        member_state: None,
        created: crate::common::WHEN,
        about: &about,
    };
    let json = record.to_json();
    assert!(
        json.contains("\"created\": \"2026-11-26T21:46+01:00\""),
        "ISO 8601 in the JSON: {json}"
    );
    assert!(
        record.to_markdown().contains("26 November 2026, 21:46"),
        "the reader's words in the Markdown"
    );
    let imported = import(&json).expect("our own record imports");
    assert_eq!(imported.saved.about, about);
    let markdown = record.to_markdown();
    for line in [
        "- Product name and version: CellScout 4.2 \"Pro\"",
        "- Customer: Ministério da Justiça, Brasília",
        "- Check made by: A. Export-Manager",
    ] {
        assert!(markdown.contains(line), "{line}");
    }
    assert!(
        !markdown.contains("Your internal reference"),
        "an empty field is left out"
    );
    // A record written elsewhere: too long, control characters, not text,
    // a key given twice (the last one counts, as in JSON.parse).
    let hostile = record.to_json().replace(
        "\"about\": {",
        &format!(
            "\"about\": {{\"reference\": \"{}\", \"customer\": \"a\\u0007b\\nc\", \"destination\": 7, \"product\": \"first\", ",
            "r".repeat(5000)
        ),
    );
    let imported = import(&hostile).expect("still a record");
    assert_eq!(
        imported
            .saved
            .about
            .get(Field::Reference)
            .map(|r| r.chars().count()),
        Some(MAX_CHARS)
    );
    assert_eq!(
        imported.saved.about.get(Field::Customer),
        Some("Ministério da Justiça, Brasília")
    );
    assert_eq!(imported.saved.about.get(Field::Destination), None);
    assert_eq!(
        imported.saved.about.get(Field::Product),
        Some("CellScout 4.2 \"Pro\"")
    );
    let alone = record
        .to_json()
        .replace("\"customer\": \"Ministério da Justiça, Brasília\", ", "");
    let cleaned = import(&alone.replace(
        "\"about\": {",
        "\"about\": {\"customer\": \"a\\u0007b\\n  c\", ",
    ))
    .expect("a record");
    assert_eq!(cleaned.saved.about.get(Field::Customer), Some("a b c"));
}

/// The question drafted for the authority names the product and the parties
/// where the user said what the record is about, and asks for them where not.
#[test]
fn the_drafted_question_names_the_product_and_the_parties_given() {
    use cyberscreen_core::rules::OutcomeClass;
    use cyberscreen_core::rules::report::Report;
    let given = sample_paths()
        .iter()
        .find(|g| explain(g).is_some_and(|e| e.class == OutcomeClass::Consult))
        .expect("a path to CONSULT");
    let draft = |about: &About| {
        Report::new(given, Lang::En, None, about)
            .and_then(|r| r.draft)
            .expect("a consult drafts a question")
    };
    assert!(
        draft(&About::default()).contains(
            "We plan to export [describe the product] to [customer, end user and country]."
        )
    );
    let mut about = About::default();
    about.set(Field::Product, "CellScout 4.2");
    about.set(Field::Customer, "Policía Federal");
    about.set(Field::Destination, "Brazil");
    assert!(draft(&about).contains("We plan to export CellScout 4.2 to Policía Federal, Brazil."));
}

/// What a record says of itself is shown in notices: only names are taken,
/// as in a link, and free text makes it no record of ours.
#[test]
fn a_record_whose_version_language_or_state_is_free_text_is_refused() {
    let given = &sample_paths()[0];
    let json = Record {
        answers: given,
        lang: Lang::En,
        member_state: MemberState::from_code("DE"),
        created: crate::common::WHEN,
        about: &About::default(),
    }
    .to_json();
    let long = "x".repeat(200_000);
    for (from, to) in [
        (
            format!("\"content_version\": \"{CONTENT_VERSION}\""),
            format!("\"content_version\": \"{long}\""),
        ),
        (
            "\"language\": \"en\"".to_owned(),
            "\"language\": \"en\\u202e\"".to_owned(),
        ),
        (
            "\"member_state\": \"DE\"".to_owned(),
            "\"member_state\": \"Bundesamt – official\"".to_owned(),
        ),
        (
            "\"member_state\": \"DE\"".to_owned(),
            "\"member_state\": 49".to_owned(),
        ),
    ] {
        assert!(json.contains(&from), "{from}");
        assert_eq!(
            import(&json.replace(&from, &to)).map(|_| ()),
            Err(RecordError::NotARecord),
            "{to:.60}"
        );
    }
    let class = json.replace("\"class\": \"", "\"class\": \"<b>\u{202e}");
    assert_eq!(import(&class).expect("still a record").recorded_class, None);
    // A name, but no class of ours: nothing of it is shown.
    let claim = json.replace("\"class\": \"", "\"class\": \"BAFA-CONFIRMED-NO-LICENCE-");
    assert_eq!(import(&claim).expect("still a record").recorded_class, None);
}

/// What the page marks as unverified or secondary, the record marks too:
/// the provisions, the warning signs and the authority.
#[test]
fn the_written_record_keeps_every_status_mark() {
    let mark = |status: Status| {
        status
            .mark()
            .map(|m| format!(" ({})", Lang::En.text(m.word)))
    };
    let flags = node(node_by_key("red-flags").unwrap());
    let (i, flag) = flags
        .offers()
        .iter()
        .enumerate()
        .find(|(_, f)| f.status == Some(Status::Unverified))
        .unwrap();
    let state = "GR";
    assert_eq!(
        MemberState::from_code(state).unwrap().authority().status,
        Status::Unverified
    );
    let mut with_flag = 0;
    for given in sample_paths() {
        let mut given = given.clone();
        let ticked = answer_of(
            node_by_key("red-flags").unwrap(),
            &[flag.choice.key().to_owned()],
        )
        .unwrap();
        assert_eq!(
            ticked,
            Answer::Ticked(cyberscreen_core::rules::Items(1 << i))
        );
        if given.get(node_by_key("red-flags").unwrap()).is_some() {
            given
                .set(node_by_key("red-flags").unwrap(), ticked)
                .unwrap();
        }
        let markdown = Record {
            answers: &given,
            lang: Lang::En,
            member_state: MemberState::from_code(state),
            created: crate::common::WHEN,
            about: &About::default(),
        }
        .to_markdown();
        for p in explain(&given).unwrap().cites.iter().map(|p| provision(*p)) {
            let line = format!(
                "- {}{}\n",
                Lang::En.text(p.label),
                mark(p.status).unwrap_or_default(),
            );
            assert!(markdown.contains(&line), "{line}");
        }
        let a = MemberState::from_code(state).unwrap().authority();
        assert!(markdown.contains(&format!(
            "{}{}",
            Lang::En.text(a.name),
            mark(a.status).unwrap()
        )));
        if cyberscreen_core::rules::walk(&given).passes(node_by_key("red-flags").unwrap()) {
            with_flag += 1;
            assert!(markdown.contains(&format!(
                "{}{}",
                Lang::En.text(flag.label),
                mark(Status::Unverified).unwrap()
            )));
        }
        assert!(
            markdown.contains(Lang::En.text(cyberscreen_core::text::ui::OUTCOME_UNVERIFIED_NOTE))
        );
    }
    assert!(with_flag > 0);
}

#[test]
fn damaged_links_are_refused() {
    for bad in [
        "",
        "a=activity:x",
        "v=1&v=2",
        "v=1&a=activity",
        "v=1&a=activity:",
        "v=1&a=activity:?",
        "v=1&a=form:software+",
        "v=1&lang=<script>",
        "v=1&unknown=1",
        "v=1&a=a:x&a=b:y",
        "v=1&ms=DE&ms=FR",
    ] {
        assert!(Saved::decode(bad).is_err(), "{bad:?}");
    }
    // A link cut short is refused, or gives back only answers it held: a
    // name cut in two never reads as another answer (the widget reports
    // the names it cannot use as damage).
    let full = answers(&[
        ("activity", "export"),
        ("destination", "eu001"),
        ("authority-informed", "no"),
        ("form", "software+technology"),
    ]);
    let good = Saved::of(&full, "en", MemberState::from_code("DE"), None).encode();
    for cut in 1..good.len() {
        if let Ok(s) = Saved::decode(&good[..cut]) {
            for (at, answer) in s.restore().answers.iter() {
                let kept = full.get(at) == Some(answer);
                let fewer = matches!((full.get(at), answer), (Some(Answer::Ticked(a)), Answer::Ticked(b)) if b.0 & !a.0 == 0);
                assert!(kept || fewer, "{:?} at {}", &good[..cut], node(at).key);
            }
        }
    }
    assert_eq!(
        Saved::decode(&"x".repeat(MAX_LEN + 1)),
        Err(DecodeError::TooLong)
    );
    assert_eq!(Saved::decode("lang=en"), Err(DecodeError::NoVersion));
}

/// A link of the first format, with one-character answers, from the last
/// content version that wrote them.
#[test]
fn links_of_the_first_format_still_open_and_keep_what_still_fits() {
    let restored = Saved::decode("v=2026.11.27-2&lang=de&ms=DE&at=csi-covert&a=activity:x,authority-informed:n,listing:z,csi-designed:y,csi-covert:u")
        .unwrap()
        .restore();
    assert_eq!(restored.other_version.as_deref(), Some("2026.11.27-2"));
    assert_eq!(restored.unusable, vec!["listing".to_owned()]);
    let one = |k: &str| Some(Answer::One(Choice::from_key(k).unwrap()));
    assert_eq!(restored.answers.get(START), one("export"));
    assert_eq!(
        restored
            .answers
            .get(node_by_key("authority-informed").unwrap()),
        one("no")
    );
    assert_eq!(
        restored.answers.get(node_by_key("csi-covert").unwrap()),
        one("not_sure")
    );
}

#[test]
fn answers_from_another_version_are_not_taken_as_given() {
    let restored = Saved::decode("v=2020.1&a=activity:export,gone-node:yes,form:yes")
        .unwrap()
        .restore();
    assert_eq!(restored.other_version.as_deref(), Some("2020.1"));
    assert_eq!(
        restored.unusable,
        vec!["gone-node".to_owned(), "form".to_owned()]
    );
    assert_eq!(
        restored.answers.get(START),
        Some(Answer::One(Choice::from_key("export").unwrap()))
    );
}

#[test]
fn a_repeated_answer_or_item_is_unusable_not_overwritten() {
    let restored = Saved::decode(&format!(
        "v={CONTENT_VERSION}&a=activity:export,activity:intra_eu,form:software+software"
    ))
    .unwrap()
    .restore();
    assert_eq!(
        restored.answers.get(START),
        Some(Answer::One(Choice::from_key("export").unwrap()))
    );
    assert_eq!(
        restored.unusable,
        vec!["activity".to_owned(), "form".to_owned()]
    );
}

#[test]
fn a_checklist_answer_is_items_or_one_exclusive_answer_never_both() {
    let form = node_by_key("form").unwrap();
    let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(matches!(
        answer_of(form, &names(&["software", "technology"])),
        Some(Answer::Ticked(_))
    ));
    assert!(matches!(
        answer_of(form, &names(&["not_sure"])),
        Some(Answer::One(_))
    ));
    assert_eq!(answer_of(form, &names(&["not_sure", "software"])), None);
    assert_eq!(answer_of(form, &names(&["yes"])), None);
    assert!(matches!(node(form).kind, Kind::Checklist(_)));
}

/// Links and records that earlier versions wrote, kept as they were in
/// `tests/fixtures/`: an API boundary that must keep working.
fn fixture(name: &str) -> String {
    let path = format!("{}/../../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn class_and_entry(answers: &cyberscreen_core::rules::Answers) -> (String, String) {
    let e = explain(answers).expect("the answers reach an outcome");
    let entry = e
        .entry
        .map_or("-", |entry| provision(entry.provision).token);
    (e.class.code().to_owned(), entry.to_owned())
}

#[test]
fn links_of_earlier_versions_still_lead_where_they_led() {
    let links = fixture("links.txt");
    let mut read = 0;
    for line in links
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut fields = line.splitn(3, ' ');
        let (class, entry, link) = (
            fields.next().unwrap(),
            fields.next().unwrap(),
            fields.next().unwrap(),
        );
        let restored = Saved::decode(link)
            .unwrap_or_else(|e| panic!("{link}: {e:?}"))
            .restore();
        assert!(
            restored.unusable.is_empty(),
            "{link}: {:?}",
            restored.unusable
        );
        assert_eq!(
            class_and_entry(&restored.answers),
            (class.to_owned(), entry.to_owned()),
            "{link}"
        );
        read += 1;
    }
    assert_eq!(read, 3);
}

#[test]
fn records_of_earlier_versions_still_import_to_the_outcome_they_record() {
    for name in ["p05", "p06", "p13"] {
        let text = fixture(&format!("record-2026.12.02-3-{name}.json"));
        let imported = import(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let restored = imported.saved.restore();
        assert_eq!(restored.other_version.as_deref(), Some("2026.12.02-3"));
        let (class, entry) = class_and_entry(&restored.answers);
        assert_eq!(
            imported.recorded_class.map(OutcomeClass::code),
            Some(class.as_str()),
            "{name}"
        );
        assert!(
            text.contains(&format!("\"entry\": \"{entry}\"")) || entry == "-",
            "{name}: {entry}"
        );
        assert_eq!(
            imported.saved.about.get(Field::Product),
            Some("Golden fixture")
        );
    }
}

/// Records of the first format kept the ticked red flags beside the answers.
#[test]
fn records_of_the_first_format_still_import_with_their_red_flags() {
    let imported = import(&fixture("record-2026.11.27-2-format1.json")).unwrap();
    assert_eq!(
        imported.recorded_class,
        Some(OutcomeClass::Art5DueDiligence)
    );
    let restored = imported.saved.restore();
    let flags = restored
        .answers
        .get(node_by_key("red-flags").unwrap())
        .expect("the flags become the checklist's answer");
    let text = node(node_by_key("red-flags").unwrap()).answer_text(Lang::En, &flags);
    assert!(
        text.contains("linked to internal repression") && text.contains("Unusual delivery"),
        "{text}"
    );
}

#[test]
fn files_that_are_not_records_are_refused() {
    assert_eq!(import("not json"), Err(RecordError::NotJson));
    assert_eq!(import("{\"hello\": 1}"), Err(RecordError::NotARecord));
    let record = |version: &str, answers: &str| {
        format!(
            "{{\"format\": \"cyberscreen-record\", \"format_version\": {version}, \"content_version\": \"1\", \"answers\": [{answers}]}}"
        )
    };
    assert!(import(&record("2", "")).is_ok());
    assert_eq!(
        import(&record("99", "")),
        Err(RecordError::NewerFormat(99)),
        "a newer format is not read as this one, and the user is told why"
    );
    for not_ours in ["0", "2.5", "-1", "\"2\""] {
        assert_eq!(
            import(&record(not_ours, "")),
            Err(RecordError::NotARecord),
            "{not_ours}"
        );
    }
    assert_eq!(
        import(&record("2", "{\"question\": 1}")),
        Err(RecordError::NotARecord)
    );
    assert_eq!(
        import(&record("2", "{\"question\": \"form\", \"answer\": []}")),
        Err(RecordError::NotARecord)
    );
    assert_eq!(
        import(&" ".repeat(json::MAX_LEN + 1)),
        Err(RecordError::TooLarge)
    );
}

/// A key given twice is read as `JSON.parse` reads it: the last one wins.
#[test]
fn a_repeated_key_is_read_as_json_parse_reads_it() {
    let v = json::parse("{\"a\": 1, \"a\": \"two\"}").unwrap();
    assert_eq!(v.get("a").and_then(json::Value::as_str), Some("two"));
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
    fn near_misses_of_a_real_link_never_panic(cut in 0usize..300, insert in "[a-z:,&=.+#_-]{0,4}") {
        let good = Saved::of(&answers(&[("activity", "export"), ("destination", "other"), ("authority-informed", "no"), ("form", "software+technology")]), "en", MemberState::from_code("DE"), Some("screen-software")).encode();
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
