//! cyberscreen: a self-check, in the browser, of whether a product is a
//! cyber-surveillance item under Regulation (EU) 2021/821.
//!
//! Layers (see ARCHITECTURE.md): `rules` and `text` are pure and know nothing
//! of the web; `ui` renders state with Yew; `platform` holds the browser services
//! below it, `boot` the entry points above it.

pub use cyberscreen_core::{rules, text};
pub mod boot;
pub mod platform;
pub mod ui;
