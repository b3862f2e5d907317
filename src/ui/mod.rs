//! The Yew interface: it renders `state::State` and sends `state::Action`s.
//! All texts come from `crate::text`; all decisions from `crate::rules`.

mod app;
mod check;
pub mod failure;
mod footer;
mod hooks;
mod interruption;
mod language;
mod member_state;
mod notice;
mod outcome;
mod parts;
mod prepared;
mod question;
mod remember;
mod screen_search;
pub mod settings;
mod share;
mod start;
pub mod state;

pub use app::{App, AppProps};
