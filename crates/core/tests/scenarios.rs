//! The reference scenarios: each product and transaction, answered as that
//! exporter truthfully would, must reach its expected outcome and citation.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{cite_tokens, outcome_of};
use cyberscreen_core::rules::OutcomeClass::{self, *};
use cyberscreen_core::rules::content::node;

const EXPORT_NOT_INFORMED: [(&str, &str); 2] =
    [("activity", "export"), ("authority-informed", "no")];

fn check(given: &[(&str, &str)], class: OutcomeClass, outcome: &str, cited: &[&str]) {
    let e = outcome_of(given);
    assert_eq!(e.class, class, "outcome {}", node(e.outcome).key);
    assert_eq!(node(e.outcome).key, outcome);
    let tokens = cite_tokens(&e);
    for c in cited {
        assert!(tokens.contains(c), "{c} not cited; cited: {tokens:?}");
    }
}

fn with_export(rest: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    EXPORT_NOT_INFORMED.iter().chain(rest).copied().collect()
}

/// Every element of Art. 2(20) answered "yes".
const CSI: [(&str, &str); 6] = [
    ("listing", "none_of_these"),
    ("csi-designed", "yes"),
    ("csi-covert", "yes"),
    ("csi-persons", "yes"),
    ("csi-data", "yes"),
    ("csi-ict", "yes"),
];

#[test]
fn p01_imsi_catcher_for_foreign_police_is_listed_5a001f() {
    let given = with_export(&[("listing", "interception"), ("interception", "yes")]);
    check(
        &given,
        Listed,
        "listed-interception",
        &["5A001.f", "Art.3(1)"],
    );
}

#[test]
fn p02_implant_platform_is_listed_4a005_4d004() {
    let given = with_export(&[
        ("listing", "intrusion"),
        ("intrusion", "yes"),
        ("intrusion-release", "no"),
    ]);
    check(&given, Listed, "listed-intrusion", &["4A005", "4D004"]);
}

#[test]
fn p03_phone_unlocking_forensic_kit_is_listed_5a004b() {
    let given = with_export(&[
        ("listing", "forensic"),
        ("forensic", "yes"),
        ("forensic-release", "no"),
    ]);
    check(
        &given,
        Listed,
        "listed-forensic",
        &["5A004.b", "5D002.a.3.b", "5D002.c.3.b"],
    );
}

#[test]
fn p04_qoe_probe_is_excluded_from_5a001j_and_not_csi() {
    let given = with_export(&[
        ("listing", "ip_network"),
        ("ip-network", "excluded"),
        ("csi-designed", "no"),
    ]);
    check(&given, NotCsi, "not-csi", &["Art.2(20)", "5A001.j.note"]);
}

#[test]
fn p05_open_parental_control_is_not_covert() {
    let given = with_export(&[
        ("listing", "none_of_these"),
        ("csi-designed", "yes"),
        ("csi-covert", "no"),
    ]);
    check(&given, NotCsi, "not-csi", &["Art.2(20)", "GL.1.2.2"]);
}

#[test]
fn p06_stalkerware_without_red_flags_needs_ongoing_due_diligence() {
    let mut given = with_export(&CSI);
    given.extend([
        ("due-diligence", "yes"),
        ("aware", "no"),
        ("suspicion", "no"),
        ("published", "no"),
    ]);
    check(
        &given,
        Art5DueDiligence,
        "due-diligence-ongoing",
        &["Art.5(2)", "GL.3"],
    );
}

#[test]
fn p07_stalkerware_for_repressive_agency_must_be_notified() {
    let mut given = with_export(&CSI);
    given.extend([("due-diligence", "yes"), ("aware", "yes")]);
    check(&given, Art5Notify, "notify", &["Art.5(2)"]);
}

#[test]
fn p08_authority_informed_exporter_needs_licence() {
    check(
        &[("activity", "export"), ("authority-informed", "yes")],
        Art5Licence,
        "licence-informed",
        &["Art.5(1)"],
    );
}

#[test]
fn p09_unsure_if_specially_designed_must_consult() {
    let given = with_export(&[("listing", "none_of_these"), ("csi-designed", "not_sure")]);
    check(&given, Consult, "consult", &["Art.2(20)", "GL.1.2.1"]);
}

#[test]
fn p10_vulnerability_report_to_vendor_is_not_csi() {
    let given = with_export(&[
        ("listing", "related"),
        ("related", "disclosure"),
        ("csi-designed", "no"),
    ]);
    check(&given, NotCsi, "not-csi", &["4E001.note1", "Art.2(20)"]);
}

#[test]
fn p11_enterprise_firewall_is_not_csi_and_points_to_encryption() {
    let given = with_export(&[("listing", "none_of_these"), ("csi-designed", "no")]);
    check(&given, NotCsi, "not-csi", &["Art.2(20)"]);
    let e = outcome_of(&given);
    let also = node(e.outcome).outcome().and_then(|o| o.also);
    let text =
        cyberscreen_core::text::Lang::En.text(also.expect("not-csi says what else to check"));
    assert!(text.contains("Category 5 Part 2"), "{text}");
}

#[test]
fn p12_imsi_catcher_to_another_member_state_is_not_an_export() {
    check(
        &[("activity", "intra_eu")],
        OutOfScopeActivity,
        "intra-eu",
        &["Art.11(1)", "AnnexIV"],
    );
}
