//! cyberscreen: a self-check, in the browser, of whether a product is a
//! cyber-surveillance item under Regulation (EU) 2021/821.
//!
//! Layers (see ARCHITECTURE.md): `rules` and `text` are pure and know nothing
//! of the web; `ui` renders state with Yew; `web` is the browser glue.

pub use cyberscreen_core::{rules, text};
pub mod ui;
pub mod web;
