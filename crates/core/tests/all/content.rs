//! The content as data: its version, its texts, and the committed exports.

use std::path::Path;

use cyberscreen_core::rules::content::{CONTENT_DIGEST, RECORDED_DIGEST};
use cyberscreen_core::rules::export;
use cyberscreen_core::text::{KEYS, Lang};

#[test]
fn content_version_is_bumped() {
    assert_eq!(
        CONTENT_DIGEST, RECORDED_DIGEST,
        "content/ changed: give content/version.toml a new content_version and set digest = \"{CONTENT_DIGEST}\""
    );
}

/// Compares a committed export with what the tree gives now; with
/// CYBERSCREEN_BLESS=1 in the environment, writes it instead.
fn check_export(path: &str, fresh: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path);
    if std::env::var_os("CYBERSCREEN_BLESS").is_some() {
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: run `make tree` and commit the result",
        path.display()
    );
}

#[test]
fn exported_tree_json_is_current() {
    let json = export::to_json();
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("the export is valid JSON");
    assert!(parsed["nodes"].as_array().is_some_and(|n| !n.is_empty()));
    check_export("docs/tree.json", &json);
}

#[test]
fn exported_diagram_is_current() {
    check_export("docs/tree.mmd", &export::to_mermaid());
}

#[test]
fn exported_review_document_is_current() {
    check_export("docs/TREE.md", &export::to_markdown());
}

#[test]
fn every_language_has_every_text() {
    for lang in Lang::ALL {
        for (i, key) in KEYS.iter().enumerate() {
            let text = lang.text(cyberscreen_core::text::TextId(i as u16));
            assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.code());
        }
    }
}
