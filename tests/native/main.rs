//! The widget's native tests, one binary: what its own pages show before the
//! code runs (`prerender`, which `make tree` blesses), and that every text is
//! shown somewhere (`texts`).
#![cfg(not(target_arch = "wasm32"))]

mod prerender;
mod texts;
