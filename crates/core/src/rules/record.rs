//! The record a user keeps: a JSON file that can be imported again, and a
//! readable Markdown document in the user's language.

use std::fmt::Write as _;

use super::content::{self, CONTENT_VERSION, DOCUMENTS, RED_FLAGS, SECTIONS, node, provision};
use super::engine::{Answers, walk};
use super::explain::explain;
use super::json::{self, JsonError, Value, quote};
use super::model::{Choice, NodeId, Status};
use super::saved::Saved;
use crate::text::{Lang, TextId, fill, ui};

pub const FORMAT: &str = "cyberscreen-record";

/// Everything a record holds; the outcome and its reasons are derived.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'a> {
    pub answers: &'a Answers,
    pub lang: Lang,
    pub member_state: Option<&'static str>,
    pub red_flags: Vec<&'static str>,
    /// When it was made, written in the record's language.
    pub created: String,
}

/// A record read back: the answers to restore, and what it said its
/// outcome was, to compare.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub saved: Saved,
    pub red_flags: Vec<&'static str>,
    pub recorded_class: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    TooLarge,
    NotJson,
    /// JSON, but not a record of this widget.
    NotARecord,
}

/// The answered questions on the current path, grouped by section in the
/// order the tree names the sections.
pub fn answered_by_section(answers: &Answers) -> Vec<(TextId, Vec<(NodeId, Choice)>)> {
    let path = path_answers(answers);
    SECTIONS
        .iter()
        .filter_map(|(section, title)| {
            let rows: Vec<(NodeId, Choice)> = path
                .iter()
                .copied()
                .filter(|(n, _)| node(*n).question().is_some_and(|q| q.section == *section))
                .collect();
            (!rows.is_empty()).then_some((*title, rows))
        })
        .collect()
}

/// The answered questions on the path, in order.
fn path_answers(answers: &Answers) -> Vec<(NodeId, Choice)> {
    walk(answers)
        .path
        .into_iter()
        .filter_map(|n| answers.get(n).map(|c| (n, c)))
        .collect()
}

/// `text`, and after it the word for its status where it is not verified,
/// as the page shows it in a badge.
fn marked(lang: Lang, text: &str, status: Status) -> String {
    match status.mark() {
        Some(mark) => format!("{text} ({})", lang.text(mark)),
        None => text.to_owned(),
    }
}

impl Record<'_> {
    pub fn to_json(&self) -> String {
        let lang = self.lang;
        let mut s = String::from("{\n");
        let _ = writeln!(
            s,
            "  \"format\": {},\n  \"format_version\": 1,",
            quote(FORMAT)
        );
        let _ = writeln!(s, "  \"content_version\": {},", quote(CONTENT_VERSION));
        let _ = writeln!(s, "  \"created\": {},", quote(&self.created));
        let _ = writeln!(s, "  \"language\": {},", quote(lang.code()));
        let ms = self.member_state.map_or("null".to_owned(), quote);
        let _ = writeln!(s, "  \"member_state\": {ms},\n  \"answers\": [");
        let answers = path_answers(self.answers);
        for (i, (n, c)) in answers.iter().enumerate() {
            let q = node(*n);
            let _ = writeln!(
                s,
                "    {{\"question\": {}, \"answer\": {}, \"question_text\": {}, \"answer_text\": {}}}{}",
                quote(q.key),
                quote(c.key()),
                quote(lang.text(q.title)),
                quote(q.answer_text(lang, *c)),
                if i + 1 < answers.len() { "," } else { "" }
            );
        }
        s.push_str("  ],\n");
        if let Some(e) = explain(self.answers) {
            let cites: Vec<String> = e.cite_tokens().into_iter().map(quote).collect();
            let _ = writeln!(
                s,
                "  \"outcome\": {{\"node\": {}, \"class\": {}, \"title\": {}, \"cites\": [{}]}},",
                quote(node(e.outcome).key),
                quote(e.class.code()),
                quote(lang.text(node(e.outcome).title)),
                cites.join(", ")
            );
        }
        let flags: Vec<String> = self.red_flags.iter().map(|f| quote(f)).collect();
        let _ = writeln!(s, "  \"red_flags\": [{}]\n}}", flags.join(", "));
        s
    }

    /// The record as a document to read, print or file.
    pub fn to_markdown(&self) -> String {
        let lang = self.lang;
        let t = |id| lang.text(id);
        let mut s = format!("# {}\n\n", t(ui::RECORD_HEADING));
        let _ = writeln!(
            s,
            "- {}",
            fill(t(ui::START_RULES_VERSION), &[("version", CONTENT_VERSION)])
        );
        let _ = writeln!(
            s,
            "- {}",
            fill(t(ui::RECORD_CREATED), &[("date", &self.created)])
        );
        if let Some(a) = self.member_state.and_then(content::authority) {
            let name = marked(lang, t(a.name), a.status);
            let authority = fill(
                t(ui::RECORD_AUTHORITY),
                &[("state", t(a.state_name)), ("name", &name), ("url", a.url)],
            );
            let _ = writeln!(s, "- {authority}");
        }
        let e = explain(self.answers);
        if let Some(e) = &e {
            let n = node(e.outcome);
            let _ = write!(
                s,
                "\n## {}\n\n**{}** — {} [{}]\n\n",
                t(ui::OUTCOME_HEADING),
                t(n.title),
                t(e.class.label()),
                e.class.code()
            );
            if let Some(o) = n.outcome() {
                let _ = write!(s, "{}\n\n{}\n\n", t(o.summary), t(o.next_steps).trim());
            }
            let _ = writeln!(s, "## {}\n", t(ui::OUTCOME_WHY));
            for step in e.steps.iter().filter(|s| s.decisive) {
                let q = node(step.question);
                let _ = writeln!(
                    s,
                    "- {}",
                    fill(
                        t(ui::OUTCOME_ANSWERED),
                        &[
                            ("answer", q.answer_text(lang, step.choice)),
                            ("question", t(q.title))
                        ]
                    )
                );
            }
            let _ = writeln!(s, "\n## {}\n", t(ui::OUTCOME_SOURCES));
            for p in e.cites.iter().map(|p| provision(*p)) {
                let _ = writeln!(s, "- {} [{}]", marked(lang, t(p.label), p.status), p.token);
            }
            let _ = writeln!(s, "\n{}", t(ui::OUTCOME_UNVERIFIED_NOTE));
        }
        let _ = writeln!(s, "\n## {}", t(ui::RECORD_ANSWERS));
        for (title, rows) in answered_by_section(self.answers) {
            let _ = writeln!(s, "\n### {}\n", t(title));
            for (n, c) in rows {
                let q = node(n);
                let _ = writeln!(s, "- {}  \n  **{}**", t(q.title), q.answer_text(lang, c));
            }
        }
        let _ = writeln!(s, "\n## {}\n", t(ui::RECORD_RED_FLAGS));
        let ticked: Vec<_> = RED_FLAGS
            .iter()
            .filter(|f| self.red_flags.contains(&f.key))
            .collect();
        if ticked.is_empty() {
            let _ = writeln!(s, "- {}", t(ui::RECORD_NONE));
        }
        for f in ticked {
            let _ = writeln!(s, "- {}", marked(lang, t(f.text), f.status));
        }
        let _ = writeln!(s, "\n## {}\n", t(ui::RECORD_OPEN_POINTS));
        let open: Vec<_> = e.iter().flat_map(|e| e.unsure()).collect();
        if open.is_empty() {
            let _ = writeln!(s, "- {}", t(ui::RECORD_NONE));
        }
        for step in open {
            let _ = writeln!(s, "- {}", t(node(step.question).title));
        }
        let _ = writeln!(s, "\n## {}\n", t(ui::START_SOURCES_HEADING));
        for d in DOCUMENTS {
            let _ = writeln!(s, "- {} ({}). {}", t(d.title), d.url, t(d.version));
        }
        let _ = write!(
            s,
            "\n{} ______________________  {} ____________  {} ______________________\n\n{}\n",
            t(ui::RECORD_REVIEWER),
            t(ui::RECORD_DATE),
            t(ui::RECORD_SIGNATURE),
            t(ui::OUTCOME_NOT_ADVICE)
        );
        s
    }
}

/// Reads a record file. The answers it holds go through the same checks as a
/// share link (`Saved::restore`).
pub fn import(text: &str) -> Result<Imported, RecordError> {
    let v = json::parse(text).map_err(|e| match e {
        JsonError::TooLong => RecordError::TooLarge,
        _ => RecordError::NotJson,
    })?;
    if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(RecordError::NotARecord);
    }
    let field = |name| v.get(name).and_then(Value::as_str).map(str::to_owned);
    let version = field("content_version").ok_or(RecordError::NotARecord)?;
    let mut answers = Vec::new();
    for a in v
        .get("answers")
        .and_then(Value::as_array)
        .ok_or(RecordError::NotARecord)?
    {
        let key = a.get("question").and_then(Value::as_str);
        let choice = a
            .get("answer")
            .and_then(Value::as_str)
            .and_then(Choice::from_key);
        match (key, choice) {
            (Some(k), Some(c)) => answers.push((k.to_owned(), c)),
            _ => return Err(RecordError::NotARecord),
        }
    }
    let red_flags = v
        .get("red_flags")
        .and_then(Value::as_array)
        .unwrap_or_default()
        .iter()
        .filter_map(|f| {
            let key = f.as_str()?;
            RED_FLAGS.iter().find(|r| r.key == key).map(|r| r.key)
        })
        .collect();
    Ok(Imported {
        saved: Saved {
            version,
            lang: field("language"),
            member_state: field("member_state"),
            at: None,
            answers,
        },
        red_flags,
        recorded_class: v
            .get("outcome")
            .and_then(|o| o.get("class"))
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}
