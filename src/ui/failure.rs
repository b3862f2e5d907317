//! The message shown when the code cannot start (an old browser, a CSP
//! without 'wasm-unsafe-eval', a file that fails its integrity check). It is
//! static HTML in `index.html`, one block per language, made from the text
//! tables by `tests/native/prerender.rs`; the loader shows the one that fits.

use crate::text::{Lang, ui};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The contents of `<template id="cyberscreen-failed">`.
pub fn failure_template() -> String {
    Lang::ALL
        .iter()
        .map(|lang| {
            format!(
                "\n    <div class=\"cs\" role=\"alert\" lang=\"{}\">\n      <h1 class=\"cs-title\">{}</h1>\n      <p>{}</p>\n    </div>",
                lang.code(),
                escape(lang.text(ui::APP_FAILED_TITLE)),
                escape(lang.text(ui::APP_FAILED_BODY)),
            )
        })
        .collect::<String>()
        + "\n  "
}
