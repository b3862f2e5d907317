//! Every text in the tables is shown somewhere: by the content tables, by
//! the core, or by the interface.

use std::path::Path;

use cyberscreen::text::{CONTENT_KEYS, KEYS};

/// Every text is shown somewhere: the content tables refer to it, or the
/// interface names it in the source code.
#[test]
fn every_text_is_used() {
    let mut sources = String::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("src"), root.join("crates/core/src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                sources.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    let unused: Vec<&str> = KEYS
        .iter()
        .enumerate()
        .filter(|(i, key)| {
            if CONTENT_KEYS.contains(i) || key.starts_with("meta.") {
                return false;
            }
            let Some((module, rest)) = key.split_once('.') else {
                return true;
            };
            let name = rest.replace(['.', '-'], "_").to_uppercase();
            !sources.contains(&format!("{module}::{name}"))
        })
        .map(|(_, k)| *k)
        .collect();
    assert!(unused.is_empty(), "texts nothing shows: {unused:?}");
}
