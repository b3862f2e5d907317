//! The reference scenarios: each product and transaction, answered as that
//! exporter truthfully would, must reach its expected outcome and citation.

use crate::common::{answers, cite_tokens, outcome_of};
use cyberscreen_core::rules::Explanation;
use cyberscreen_core::rules::OutcomeClass::{self, *};
use cyberscreen_core::rules::about::About;
use cyberscreen_core::rules::content::{node, node_by_key, provision};
use cyberscreen_core::rules::report::{Report, open_point_lines};
use cyberscreen_core::text::{Lang, TextId, ui};

type Given = Vec<(&'static str, &'static str)>;

/// An export out of the EU to `destination`, with no letter from the
/// authority and no known military or weapons end use (Article 4).
fn export(destination: &'static str, rest: &[(&'static str, &'static str)]) -> Given {
    let mut given = vec![
        ("activity", "export"),
        ("destination", destination),
        ("authority-informed", "no"),
        ("aware-military", "no"),
    ];
    given.extend_from_slice(rest);
    given
}

/// Every element of Art. 2(20) answered "yes", after a screen of software
/// that fits none of the descriptions.
const CSI_SOFTWARE: [(&str, &str); 7] = [
    ("form", "software"),
    ("screen-software", "none"),
    ("csi-designed", "yes"),
    ("csi-covert", "yes"),
    ("csi-persons", "yes"),
    ("csi-data", "yes"),
    ("csi-ict", "yes"),
];

/// Due diligence done, no warning sign, nothing known or suspected.
const DILIGENT: [(&str, &str); 5] = [
    ("due-diligence", "yes"),
    ("red-flags", "none"),
    ("aware", "no"),
    ("suspicion", "no"),
    ("published", "no"),
];

/// An IMSI catcher that reads phone identifiers (5A001.f.2), not excluded.
const IMSI_CATCHER: [(&str, &str); 4] = [
    ("form", "equipment"),
    ("screen-equipment", "mobile"),
    ("eq-mobile", "identifiers"),
    ("eq-mobile-excluded", "no"),
];

fn check(
    given: &[(&str, &str)],
    class: OutcomeClass,
    outcome: &str,
    cited: &[&str],
) -> Explanation {
    let e = outcome_of(given);
    assert_eq!(e.class, class, "outcome {}", node(e.outcome).key);
    assert_eq!(node(e.outcome).key, outcome);
    let tokens = cite_tokens(&e);
    for c in cited {
        assert!(tokens.contains(c), "{c} not cited; cited: {tokens:?}");
    }
    e
}

/// A listed outcome names the one entry that matched, and cites no other.
fn entry_of(e: &Explanation) -> &'static str {
    let entry = provision(e.entry.expect("a listed outcome names its entry").provision).token;
    let entries: Vec<&str> = e
        .cites
        .iter()
        .map(|p| provision(*p))
        .filter(|p| p.kind == cyberscreen_core::rules::ProvisionKind::Entry)
        .map(|p| p.token)
        .collect();
    assert_eq!(entries, vec![entry], "one deciding entry");
    entry
}

fn notes(e: &Explanation) -> Vec<&'static str> {
    e.notes.iter().map(|n| n.key).collect()
}

#[test]
fn p01_imsi_catcher_for_foreign_police_is_listed_5a001f() {
    let given = export("other", &IMSI_CATCHER);
    let e = check(&given, Listed, "listed", &["5A001.f.2", "Art.3(1)"]);
    assert!(entry_of(&e).starts_with("5A001.f"));
    // A letter under Article 5(1) or 10 would change the ground of the
    // authorisation, not that one is needed: not a change to list. One
    // under Article 4(1) would bar the general authorisations: listed.
    let report = Report::new(&answers(&given), Lang::En, None, &About::default()).unwrap();
    let letter = Lang::En.text(node(node_by_key("authority-informed").unwrap()).point());
    let leads_to = |class: OutcomeClass| {
        report
            .changes
            .iter()
            .filter(|c| c.instead.contains(letter))
            .flat_map(|c| &c.results)
            .any(|line| line.ends_with(Lang::En.text(class.label())))
    };
    assert!(leads_to(Art4Licence));
    assert!(!leads_to(Art5Licence) && !leads_to(Art10Licence));
}

#[test]
fn p02_implant_platform_is_listed_4d004() {
    let given = export(
        "other",
        &[
            ("form", "software"),
            ("screen-software", "intrusion"),
            ("sw-intrusion", "yes"),
            ("sw-intrusion-excluded", "no"),
            ("sw-intrusion-release", "no"),
        ],
    );
    let e = check(&given, Listed, "listed", &["4D004"]);
    assert_eq!(entry_of(&e), "4D004");
    assert!(notes(&e).contains(&"eu007-excluded"));
}

#[test]
fn p03_phone_unlocking_forensic_kit_is_listed_5a004b() {
    let given = export(
        "other",
        &[
            ("form", "equipment"),
            ("screen-equipment", "forensic"),
            ("eq-forensic-how", "other"),
            ("eq-forensic", "yes"),
            ("eq-forensic-excluded", "no"),
        ],
    );
    let e = check(&given, Listed, "listed", &["5A004.b"]);
    assert_eq!(entry_of(&e), "5A004.b");
}

#[test]
fn p04_qoe_probe_is_excluded_from_5a001j_and_not_csi() {
    let given = export(
        "other",
        &[
            ("form", "equipment"),
            ("screen-equipment", "ip_network"),
            ("eq-ip-network", "yes"),
            ("eq-ip-network-excluded", "yes"),
            ("csi-designed", "no"),
            ("type-designed", "none"),
        ],
    );
    let e = check(&given, NotCsi, "not-csi", &["Art.2(20)", "5A001.j.note"]);
    assert!(e.open_points().next().is_none());
}

#[test]
fn p05_open_parental_control_is_not_covert() {
    let given = export(
        "other",
        &[
            ("form", "software"),
            ("screen-software", "none"),
            ("csi-designed", "yes"),
            ("csi-covert", "no"),
            ("type-covert", "none"),
        ],
    );
    check(&given, NotCsi, "not-csi", &["Art.2(20)", "GL.1.2.2"]);
}

#[test]
fn p06_stalkerware_without_red_flags_needs_ongoing_due_diligence() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.extend(DILIGENT);
    let e = check(
        &given,
        Art5DueDiligence,
        "due-diligence-ongoing",
        &["Art.5(2)", "GL.3"],
    );
    assert!(!e.screened.is_empty(), "the entries answered are listed");
    assert!(!notes(&e).contains(&"oj-unchecked"));
    let report = Report::new(&answers(&given), Lang::En, None, &About::default()).unwrap();
    assert_eq!(report.screened_hint, ui::OUTCOME_ENTRIES_HINT);
}

#[test]
fn p06_an_exporter_who_has_not_checked_the_official_journal_gets_a_step_not_a_consult() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.extend(DILIGENT);
    given.retain(|(k, _)| *k != "published");
    given.push(("published", "not_checked"));
    let e = check(
        &given,
        Art5DueDiligence,
        "due-diligence-ongoing",
        &["Art.5(6)"],
    );
    assert!(notes(&e).contains(&"oj-unchecked"));
    assert!(e.open_points().next().is_none());
}

/// "What would change the result" says once where answers lead: the seven
/// warning signs, each of which would lead to asking the authority, are one
/// line; "Yes" and "I'm not sure" on awareness lead to two places.
#[test]
fn p06_answers_that_would_lead_to_the_same_result_are_said_together() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.extend(DILIGENT);
    let report = Report::new(&answers(&given), Lang::En, None, &About::default()).unwrap();
    let change = |key: &str| {
        let title = Lang::En.text(node(node_by_key(key).unwrap()).point());
        report
            .changes
            .iter()
            .find(|c| c.instead.contains(title))
            .unwrap_or_else(|| panic!("no change for {key}"))
    };
    let flags = change("red-flags");
    assert_eq!(flags.results.len(), 1, "{:?}", flags.results);
    for item in node(node_by_key("red-flags").unwrap()).offers() {
        assert!(
            flags.results[0].contains(Lang::En.text(item.label).trim_end_matches('.')),
            "{:?}",
            flags.results
        );
    }
    assert!(flags.results[0].ends_with(Lang::En.text(Consult.label())));
    assert_eq!(
        change("aware").results.len(),
        2,
        "{:?}",
        change("aware").results
    );
}

#[test]
fn p07_stalkerware_for_repressive_agency_must_be_notified() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.extend([
        ("due-diligence", "yes"),
        ("red-flags", "prior-misuse+security-end-user"),
        ("aware", "yes"),
    ]);
    check(&given, Art5Notify, "notify", &["Art.5(2)"]);
}

#[test]
fn p07_an_exporter_who_knows_must_notify_even_before_due_diligence() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.extend([
        ("due-diligence", "no"),
        ("red-flags", "none"),
        ("aware", "yes"),
    ]);
    check(&given, Art5Notify, "notify", &["Art.5(2)"]);
}

#[test]
fn p08_authority_informed_exporter_needs_licence() {
    check(
        &[
            ("activity", "export"),
            ("destination", "other"),
            ("authority-informed", "repression"),
        ],
        Art5Licence,
        "licence-informed",
        &["Art.5(1)"],
    );
}

#[test]
fn p09_unsure_if_specially_designed_goes_on_and_consults_on_every_open_point() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.retain(|(k, _)| *k != "csi-designed");
    given.push(("csi-designed", "not_sure"));
    let e = check(&given, Consult, "consult", &["Art.2(20)", "GL.1.2.1"]);
    let open: Vec<&str> = e.open_points().map(|s| node(s.question).key).collect();
    assert_eq!(open, vec!["csi-designed"]);
    assert_eq!(
        e.steps
            .iter()
            .filter(|s| node(s.question).key.starts_with("csi-"))
            .count(),
        5,
        "every element is asked"
    );
    let lines = open_point_lines(Lang::En, &e);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0]
            .contains(Lang::En.text(node(e.steps.iter().find(|s| s.open).unwrap().question).title))
    );
    assert!(lines[0].contains("I'm not sure"));
}

#[test]
fn p09_two_unsure_elements_are_both_put_to_the_authority() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.retain(|(k, _)| *k != "csi-designed" && *k != "csi-data");
    given.extend([("csi-designed", "not_sure"), ("csi-data", "not_sure")]);
    let e = check(&given, Consult, "consult", &["GL.1.2.1", "GL.1.2.4"]);
    assert_eq!(open_point_lines(Lang::En, &e).len(), 2);
}

#[test]
fn p10_vulnerability_report_to_vendor_is_not_csi() {
    let given = export(
        "other",
        &[
            ("form", "technology"),
            ("screen-technology", "intrusion"),
            ("tech-intrusion", "develop_intrusion"),
            ("tech-intrusion-excluded", "yes"),
            ("csi-designed", "no"),
            ("type-designed", "none"),
        ],
    );
    check(&given, NotCsi, "not-csi", &["4E001.note1", "Art.2(20)"]);
}

#[test]
fn p11_enterprise_firewall_is_not_csi_and_points_to_encryption() {
    let given = export(
        "other",
        &[
            ("form", "equipment+software"),
            ("screen-equipment", "none"),
            ("screen-software", "none"),
            ("csi-designed", "no"),
            ("type-designed", "none"),
        ],
    );
    let e = check(&given, NotCsi, "not-csi", &["Art.2(20)", "Art.3(1)"]);
    let screened: Vec<&str> = e.screened.iter().map(|p| provision(*p).token).collect();
    assert!(
        screened.contains(&"4A005") && screened.contains(&"4D004"),
        "{screened:?}"
    );
    let side = Lang::En.text(ui::OUTCOME_SIDE_CHECKS);
    assert!(side.contains("Category 5 Part 2"), "{side}");
}

#[test]
fn p12_imsi_catcher_to_another_member_state_is_not_an_export() {
    let e = check(
        &[
            ("activity", "intra_eu"),
            ("form", "equipment"),
            ("screen-equipment", "mobile"),
            ("eq-mobile", "identifiers"),
            ("eq-mobile-excluded", "no"),
        ],
        OutOfScopeActivity,
        "intra-eu-listed",
        &["Art.11(1)", "Art.11(9)", "Art.27"],
    );
    assert!(entry_of(&e).starts_with("5A001.f"));
}

#[test]
fn p13_red_team_framework_is_listed_4d004_whatever_its_use() {
    let given = export(
        "other",
        &[
            ("form", "software"),
            ("screen-software", "intrusion"),
            ("sw-intrusion", "yes"),
            ("sw-intrusion-excluded", "no"),
            ("sw-intrusion-release", "no"),
        ],
    );
    let e = check(&given, Listed, "listed", &["4D004", "AnnexII.G"]);
    assert_eq!(entry_of(&e), "4D004");
    assert!(notes(&e).contains(&"eu001-elsewhere"));
}

#[test]
fn p14_password_recovery_sold_to_anyone_is_listed_5d002c3a_without_general_authorisation() {
    let given = export(
        "other",
        &[
            ("form", "software"),
            ("screen-software", "cryptanalysis"),
            ("sw-cryptanalysis", "performs"),
            ("sw-cryptanalysis-release", "no"),
        ],
    );
    let e = check(&given, Listed, "listed", &["5D002.c.3.a", "AnnexIV"]);
    assert_eq!(entry_of(&e), "5D002.c.3.a");
    let n = notes(&e);
    assert!(n.contains(&"no-general-authorisation"), "{n:?}");
    assert!(!n.iter().any(|k| k.starts_with("eu001")), "{n:?}");
}

#[test]
fn p15_passcode_cracking_forensic_kit_is_5a004a_and_never_offered_eu001() {
    let given = export(
        "eu001",
        &[
            ("form", "equipment"),
            ("screen-equipment", "cryptanalysis+forensic"),
            ("eq-cryptanalysis", "yes"),
        ],
    );
    let e = check(&given, Listed, "listed", &["5A004.a"]);
    assert_eq!(entry_of(&e), "5A004.a");
    let n = notes(&e);
    assert!(n.contains(&"no-general-authorisation"), "{n:?}");
    assert!(!n.iter().any(|k| k.starts_with("eu001")), "{n:?}");
}

#[test]
fn p16_imsi_catcher_software_for_someone_elses_radio_is_listed_5d001c() {
    let given = export(
        "other",
        &[
            ("form", "software"),
            ("screen-software", "mobile"),
            ("sw-mobile", "intercept"),
            ("sw-mobile-excluded", "no"),
            ("sw-mobile-release", "no"),
        ],
    );
    let e = check(&given, Listed, "listed", &["5D001.c"]);
    assert_eq!(entry_of(&e), "5D001.c");
}

#[test]
fn p17_dpi_with_an_intelligence_module_is_listed_5a001j() {
    let given = export(
        "other",
        &[
            ("form", "equipment"),
            ("screen-equipment", "ip_network"),
            ("eq-ip-network", "yes"),
            ("eq-ip-network-excluded", "no"),
        ],
    );
    let e = check(&given, Listed, "listed", &["5A001.j"]);
    assert_eq!(entry_of(&e), "5A001.j");
}

#[test]
fn p18_visible_face_recognition_is_never_settled_by_a_no_on_covert() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.retain(|(k, _)| *k != "csi-covert");
    given.extend([("csi-covert", "no"), ("type-covert", "face")]);
    given.extend(DILIGENT);
    let e = check(&given, Consult, "consult", &["GL.2.2"]);
    let open: Vec<&str> = e.open_points().map(|s| node(s.question).key).collect();
    assert!(open.contains(&"csi-covert"), "{open:?}");
    // The type that keeps it open is named to the authority, and the
    // summary says that a definite answer, not an "I'm not sure", left it.
    assert!(open.contains(&"type-covert"), "{open:?}");
    let draft = said_first(&given, ui::OUTCOME_CAUSE_OPEN, ui::OUTCOME_CAUSE_UNSURE)
        .draft
        .unwrap();
    // In words that stand alone: the page's "Before this “No” settles it"
    // means nothing in a letter.
    let type_covert = node(node_by_key("type-covert").unwrap());
    assert!(
        draft.contains(Lang::En.text(type_covert.point())),
        "{draft}"
    );
    assert!(!draft.contains(Lang::En.text(type_covert.title)), "{draft}");
    assert!(draft.contains("Guidelines, section 2.2"), "{draft}");
}

/// The report, whose summary begins with the cause `said` and does not
/// name `unsaid`.
fn said_first(given: &[(&str, &str)], said: TextId, unsaid: TextId) -> Report {
    let report = Report::new(&answers(given), Lang::En, None, &About::default()).unwrap();
    assert!(
        report.summary.starts_with(Lang::En.text(said)),
        "{}",
        report.summary
    );
    assert!(
        !report.summary.contains(Lang::En.text(unsaid)),
        "{}",
        report.summary
    );
    report
}

/// An "I'm not sure" that decides the result is named as the cause.
#[test]
fn an_unsure_answer_that_decides_is_said_to_be_why_the_authority_is_asked() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.retain(|(k, _)| *k != "csi-covert");
    given.extend([("csi-covert", "not_sure")]);
    given.extend(DILIGENT);
    check(&given, Consult, "consult", &["Art.12(2)"]);
    said_first(&given, ui::OUTCOME_CAUSE_UNSURE, ui::OUTCOME_CAUSE_OPEN);

    // An unsure answer that another answer would not have changed is no
    // cause: here grounds for suspecting lead to the authority anyway.
    let mut given = export("other", &CSI_SOFTWARE);
    given.extend([
        ("due-diligence", "not_sure"),
        ("red-flags", "none"),
        ("aware", "no"),
        ("suspicion", "yes"),
    ]);
    check(&given, Consult, "consult", &["Art.5(3)"]);
    said_first(&given, ui::OUTCOME_CAUSE_OPEN, ui::OUTCOME_CAUSE_UNSURE);
}

#[test]
fn p19_exploit_development_course_is_listed_4e001c_not_technical_assistance() {
    let given = export(
        "other",
        &[
            ("form", "technology"),
            ("screen-technology", "intrusion"),
            ("tech-intrusion", "develop_intrusion"),
            ("tech-intrusion-excluded", "no"),
            ("tech-intrusion-release", "no"),
        ],
    );
    let e = check(&given, Listed, "listed", &["4E001.c"]);
    assert_eq!(entry_of(&e), "4E001.c");
}

#[test]
fn p20_cryptanalysis_appliance_to_another_member_state_needs_a_transfer_licence() {
    let e = check(
        &[
            ("activity", "intra_eu"),
            ("form", "equipment"),
            ("screen-equipment", "cryptanalysis"),
            ("eq-cryptanalysis", "yes"),
        ],
        IntraEuLicence,
        "intra-eu-licence",
        &["Art.11(1)", "AnnexIV", "5A004.a"],
    );
    assert_eq!(entry_of(&e), "5A004.a");
}

#[test]
fn p21_a_letter_about_a_military_end_use_needs_a_licence_whatever_the_product() {
    check(
        &[
            ("activity", "export"),
            ("destination", "other"),
            ("authority-informed", "military"),
        ],
        Art4Licence,
        "licence-military",
        &["Art.4(1)", "Art.3(2)"],
    );
}

#[test]
fn p22_a_definite_no_on_covert_settles_it_and_the_unsure_answer_stays_open() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.retain(|(k, _)| !k.starts_with("csi-"));
    given.extend([
        ("csi-designed", "not_sure"),
        ("csi-covert", "no"),
        ("type-covert", "none"),
    ]);
    let e = check(&given, NotCsi, "not-csi", &["GL.1.2.2"]);
    let open: Vec<&str> = e.open_points().map(|s| node(s.question).key).collect();
    assert_eq!(open, vec!["csi-designed"]);
    // Kept on file, not put to the authority: the "no" settles the result.
    let r = Report::new(&answers(&given), Lang::En, None, &About::default()).unwrap();
    assert_eq!(r.open_points_heading(), ui::RECORD_UNSURE_POINTS);
}

/// A phone-forensics kit whose vendor ticks only the forensic description:
/// how it gets round the passcode is asked, and brute force decides 5A004.a.
#[test]
fn p15_a_forensic_kit_ticked_only_as_forensic_is_still_asked_about_code_breaking() {
    let given = export(
        "eu001",
        &[
            ("form", "equipment"),
            ("screen-equipment", "forensic"),
            ("eq-forensic-how", "cryptanalysis"),
        ],
    );
    let e = check(&given, Listed, "listed", &["5A004.a"]);
    assert_eq!(entry_of(&e), "5A004.a");
    assert!(!notes(&e).iter().any(|k| k.starts_with("eu001")));
}

/// On the way to another Member State, an open code-breaking question is not
/// dropped when a later entry matches: Annex IV may need a transfer licence.
#[test]
fn p20_an_unsure_cryptanalysis_answer_on_a_transfer_inside_the_eu_goes_to_the_authority() {
    let given = vec![
        ("activity", "intra_eu"),
        ("form", "equipment"),
        ("screen-equipment", "cryptanalysis+forensic"),
        ("eq-cryptanalysis", "not_sure"),
        ("eq-forensic-how", "other"),
        ("eq-forensic", "yes"),
        ("eq-forensic-excluded", "no"),
    ];
    let e = check(&given, Consult, "consult", &["Art.12(2)"]);
    assert!(
        e.open_points()
            .any(|s| node(s.question).key == "eq-cryptanalysis")
    );
    // The entries checked are not said to be ruled out, one of them open.
    let given = with(given, "eq-forensic-excluded", "not_sure");
    let report = Report::new(&answers(&given), Lang::En, None, &About::default()).unwrap();
    assert!(!report.screened.is_empty());
    assert_eq!(report.screened_hint, ui::OUTCOME_ENTRIES_HINT_OPEN);
}

/// Face recognition answered "No" on the first element is not settled by it.
#[test]
fn p18_a_no_on_specially_designed_for_a_type_of_section_2_2_stays_open() {
    let mut given = export("other", &CSI_SOFTWARE);
    given.retain(|(k, _)| *k != "csi-designed");
    given.extend([("csi-designed", "no"), ("type-designed", "face")]);
    given.extend(DILIGENT);
    let e = check(&given, Consult, "consult", &["GL.2.2"]);
    assert!(
        e.open_points()
            .any(|s| node(s.question).key == "csi-designed")
    );
}

/// A letter under another Member State's national control list decides,
/// as the Article 4(1) and 5(1) letters do: an authorisation is required,
/// and nothing is left for the authority to be asked about.
#[test]
fn a_letter_under_a_national_control_list_needs_an_authorisation() {
    let given = [
        ("activity", "export"),
        ("destination", "other"),
        ("authority-informed", "national"),
    ];
    let e = check(
        &given,
        Art10Licence,
        "licence-national",
        &["Art.10", "Art.9"],
    );
    assert_eq!(e.open_points().count(), 0);
    let r = Report::new(&answers(&given), Lang::En, None, &About::default()).unwrap();
    assert!(r.draft.is_none());
}

/// An IMSI catcher for a buyer in Russia: the result says the export is
/// prohibited, not that an authorisation is to be applied for.
#[test]
fn a_listed_item_for_russia_is_headed_as_prohibited() {
    let given = export("dual_use_ban", &IMSI_CATCHER);
    let e = check(
        &given,
        Listed,
        "listed-banned",
        &["5A001.f.2", "Sanctions.RU", "Art.3(1)"],
    );
    assert!(entry_of(&e).starts_with("5A001.f"));
    let r = Report::new(&answers(&given), Lang::En, None, &About::default()).unwrap();
    assert!(r.title.starts_with("Export prohibited"), "{}", r.title);
    assert!(
        !r.steps.iter().any(|s| s.contains("apply to your")),
        "{:?}",
        r.steps
    );
    assert!(!notes(&e).contains(&"iran-part-a"));
}

/// `given` with the question `key` answered `answer` instead.
fn with(mut given: Given, key: &str, answer: &'static str) -> Given {
    let given_at = given.iter_mut().find(|(k, _)| *k == key);
    given_at.unwrap_or_else(|| panic!("{key} not answered")).1 = answer;
    given
}

/// `given` with the authority's letter answered "I'm not sure".
fn letter_unsure(given: Given) -> Given {
    with(given, "authority-informed", "not_sure")
}

/// Unsure whether the authority has written: the screen still classifies
/// the product, and a listed item needs an authorisation in any case.
#[test]
fn an_unsure_letter_still_lets_the_screen_find_a_listed_item() {
    let given = letter_unsure(export("other", &IMSI_CATCHER));
    let e = check(&given, Listed, "listed", &["5A001.f.2", "Art.3(1)"]);
    assert!(entry_of(&e).starts_with("5A001.f"));
}

/// What is not listed waits on the letter, which could require an
/// authorisation for it: neither a definite "No" on the definition nor due
/// diligence without a warning sign settles it, and the due-diligence
/// questions are still asked on the way.
#[test]
fn an_unsure_letter_keeps_a_non_listed_item_from_a_settled_result() {
    let mut diligent = export("other", &CSI_SOFTWARE);
    diligent.extend(DILIGENT);
    let mut not_csi = export("other", &CSI_SOFTWARE);
    not_csi.retain(|(k, _)| !k.starts_with("csi-"));
    not_csi.extend([
        ("csi-designed", "yes"),
        ("csi-covert", "no"),
        ("type-covert", "none"),
    ]);
    check(&not_csi, NotCsi, "not-csi", &["Art.2(20)"]);
    for given in [diligent, not_csi] {
        let e = check(&letter_unsure(given), Consult, "consult", &["Art.5(1)"]);
        let open: Vec<&str> = e.open_points().map(|s| node(s.question).key).collect();
        assert_eq!(open, ["authority-informed"]);
    }
}

/// Unsure what the transaction is: the screen still names the entry, and
/// the authority is asked what the transaction needs; what is not listed
/// is put to it too. To a destination under an EU ban, the ban applies
/// whatever the activity.
#[test]
fn an_unsure_activity_still_lets_the_screen_name_the_entry() {
    let unsure = |destination, rest: &[(&'static str, &'static str)]| {
        with(export(destination, rest), "activity", "not_sure")
    };
    let e = check(
        &unsure("other", &IMSI_CATCHER),
        Consult,
        "consult-listed",
        &["5A001.f.2", "Art.3(1)", "Art.11(1)"],
    );
    assert!(entry_of(&e).starts_with("5A001.f"));
    let open: Vec<&str> = e.open_points().map(|s| node(s.question).key).collect();
    assert_eq!(open, ["activity"]);
    let e = check(
        &unsure("dual_use_ban", &IMSI_CATCHER),
        Listed,
        "listed-banned",
        &["5A001.f.2"],
    );
    assert!(notes(&e).contains(&"activity-open-ban"));
    let e = check(
        &unsure("dual_use_ban", &CSI_SOFTWARE[..2]),
        Consult,
        "consult",
        &[],
    );
    let open: Vec<&str> = e.open_points().map(|s| node(s.question).key).collect();
    assert_eq!(open, ["activity"]);
    assert!(notes(&e).contains(&"ban-any"), "{:?}", notes(&e));
    // A letter decides for an export; what it means for the other
    // activities is said beside it.
    let given = with(unsure("other", &[]), "authority-informed", "military");
    let e = check(&given, Art4Licence, "licence-military", &["Art.4(1)"]);
    assert!(notes(&e).contains(&"activity-open"));
}

/// Iran's ban leaves out certain Category 5 Part 2 items: a cryptanalysis
/// appliance for that group of destinations says so, as a point to ask.
#[test]
fn a_category_5_part_2_item_for_a_banned_destination_names_the_iran_exception() {
    let given = export(
        "dual_use_ban",
        &[
            ("form", "equipment"),
            ("screen-equipment", "cryptanalysis"),
            ("eq-cryptanalysis", "yes"),
        ],
    );
    let e = check(
        &given,
        Listed,
        "listed-banned",
        &["5A004.a", "Sanctions.IR"],
    );
    assert!(notes(&e).contains(&"iran-part-a"), "{:?}", notes(&e));
}

/// Brokering IMSI catchers for a buyer in Russia: the ban on the service
/// comes first.
#[test]
fn brokering_a_listed_item_for_russia_names_the_ban_on_the_service() {
    let e = check(
        &[
            ("activity", "other_activity"),
            ("destination", "dual_use_ban"),
            ("form", "equipment"),
            ("screen-equipment", "mobile"),
            ("eq-mobile", "identifiers"),
            ("eq-mobile-excluded", "no"),
        ],
        OutOfScopeActivity,
        "other-activity-listed",
        &["Art.6", "Sanctions.RU"],
    );
    assert!(notes(&e).contains(&"ban-services"));
}

/// An exploit course whose vendor is not sure it is in the public domain
/// stays listed.
#[test]
fn p19_an_exploit_course_unsure_of_the_public_domain_stays_listed() {
    let given = export(
        "other",
        &[
            ("form", "technology"),
            ("screen-technology", "intrusion"),
            ("tech-intrusion", "develop_intrusion"),
            ("tech-intrusion-excluded", "no"),
            ("tech-intrusion-release", "not_sure"),
        ],
    );
    let e = check(&given, Listed, "listed", &["4E001.c"]);
    assert!(
        e.open_points()
            .any(|s| node(s.question).key == "tech-intrusion-release")
    );
}

/// A device that intercepts and jams is listed as a jammer: no exclusion.
#[test]
fn a_jammer_that_also_intercepts_is_never_offered_the_interception_exclusion() {
    let given = export(
        "other",
        &[
            ("form", "equipment"),
            ("screen-equipment", "mobile"),
            ("eq-mobile", "jamming"),
        ],
    );
    let e = check(&given, Listed, "listed", &["5A001.f.3"]);
    assert!(
        !e.steps
            .iter()
            .any(|s| node(s.question).key == "eq-mobile-excluded")
    );
}

#[test]
fn an_exporter_who_knows_of_a_military_end_use_must_notify_whatever_the_product() {
    // P11's firewall, known to be for an army under an arms embargo.
    let mut given = export(
        "other",
        &[("form", "equipment"), ("screen-equipment", "none")],
    );
    given.retain(|(k, _)| *k != "aware-military");
    given.push(("aware-military", "yes"));
    let e = check(
        &given,
        Art4Notify,
        "notify-military",
        &["Art.4(2)", "Art.3(1)"],
    );
    assert!(e.entry.is_none());
    // Unsure of it: the authority is asked, and the point is named.
    given.retain(|(k, _)| *k != "aware-military");
    given.push(("aware-military", "not_sure"));
    let e = check(&given, Consult, "consult", &["Art.4(2)"]);
    let open: Vec<&str> = e.open_points().map(|s| node(s.question).key).collect();
    assert_eq!(open, vec!["aware-military"]);
}
