//! The pure core of cyberscreen: the decision tree (compiled from
//! `content/` at build time), the engine that walks answers through it, the
//! explanation of an outcome, records and share links, and every text in
//! every language. Nothing here knows of the web; the widget crate renders it.

pub mod rules;
pub mod text;
