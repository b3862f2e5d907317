//! The decision logic: the tree (data from `content/`), its validation, the
//! walk from answers to an outcome, and the explanation of that outcome.
//! No web dependency; never panics on input.

pub mod about;
pub mod content;
pub mod engine;
pub mod explain;
pub mod export;
pub mod json;
pub mod model;
pub mod page;
pub mod paths;
pub mod record;
pub mod report;
pub mod saved;
pub mod validate;
pub mod vocab;

pub use engine::{AnswerError, Answers, Cursor, End, Passed, Walk, walk};
pub use explain::{Alternative, Explanation, LeadsTo, Step, explain};
pub use model::*;
pub use page::{AskNode, Offered, OutcomeNode, Shown, StopNode};
