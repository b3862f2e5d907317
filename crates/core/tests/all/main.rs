//! The core's native tests, in one binary: the reference scenarios, the
//! properties of every path, the content's version and exports, and links
//! and records old and new. Native only: they read files and explore
//! every path.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod content;
mod saved;
mod scenarios;
mod tree;
