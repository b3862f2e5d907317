//! The Yew interface: it renders `state::State` and sends `state::Action`s.
//! All texts come from `crate::text`; all decisions from `crate::rules`.

mod app;
mod check;
pub mod failure;
mod interruption;
mod member_state;
mod notice;
mod outcome;
mod parts;
mod question;
pub mod settings;
mod share;
mod start;
pub mod state;

pub use app::{App, AppProps};
