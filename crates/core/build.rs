//! Compiles the content under `content/` (at the repository root, where
//! reviewers find it) into the tables this crate includes; the compiler and
//! its checks are the `cyberscreen-content` crate.

use std::path::Path;

fn main() {
    let root =
        Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")).join("../..");
    println!("cargo:rerun-if-changed={}", root.join("content").display());
    let files = cyberscreen_content::Files::read(&root).expect("the files under content/");
    let out = match cyberscreen_content::compile(&files) {
        Ok(out) => out,
        Err(errors) => panic!("the content does not compile:\n- {}", errors.join("\n- ")),
    };
    let dir = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).to_owned();
    std::fs::write(dir.join("tree.rs"), out.tree_rs).expect("write tree.rs");
    std::fs::write(dir.join("texts.rs"), out.texts_rs).expect("write texts.rs");
    std::fs::write(dir.join("text_tables.rs"), out.text_tables_rs).expect("write text_tables.rs");
    for (code, pack) in &out.packs {
        std::fs::write(dir.join(format!("texts-{code}.txt")), pack).expect("write a language pack");
    }
}
