//! The record a user keeps: a JSON file that can be imported again, and a
//! readable Markdown document in the user's language.

use std::fmt::Write as _;

use super::content::{self, CONTENT_VERSION, DOCUMENTS, SECTIONS, node, node_by_key, provision};
use super::engine::{Answers, walk};
use super::explain::{Explanation, explain};
use super::json::{self, JsonError, Value, quote};
use super::model::{Answer, NodeId, Status};
use super::saved::{Saved, answer_keys, is_plain};
use crate::text::{Lang, TextId, fill, ui};

pub const FORMAT: &str = "cyberscreen-record";
/// The record format written now. Version 1 (before content version
/// 2026.12.01-1) kept ticked red flags apart from the answers; it is still read.
pub const FORMAT_VERSION: u32 = 2;
const _: () = assert!(FORMAT_VERSION == 2, "import reads versions 1 and 2");

/// The checklist of warning signs, whose ticks version 1 kept apart.
const RED_FLAGS: &str = "red-flags";

/// Everything a record holds; the outcome and its reasons are derived.
#[derive(Clone, Debug, PartialEq)]
pub struct Record<'a> {
    pub answers: &'a Answers,
    pub lang: Lang,
    pub member_state: Option<&'static str>,
    /// When it was made, written in the record's language.
    pub created: String,
}

/// A record read back: the answers to restore, and what it said its
/// outcome was, to compare.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub saved: Saved,
    pub recorded_class: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    TooLarge,
    NotJson,
    /// JSON, but not a record of this widget (or of a format it cannot read).
    NotARecord,
}

/// The answered pages on the current path, grouped by section in the order
/// the tree names the sections.
pub fn answered_by_section(answers: &Answers) -> Vec<(TextId, Vec<(NodeId, Answer)>)> {
    let path = path_answers(answers);
    SECTIONS
        .iter()
        .filter_map(|(section, title)| {
            let rows: Vec<(NodeId, Answer)> = path
                .iter()
                .copied()
                .filter(|(n, _)| node(*n).ask().is_some_and(|a| a.section == *section))
                .collect();
            (!rows.is_empty()).then_some((*title, rows))
        })
        .collect()
}

/// The answered pages on the path, in order.
fn path_answers(answers: &Answers) -> Vec<(NodeId, Answer)> {
    walk(answers)
        .path
        .into_iter()
        .filter_map(|p| p.answer.map(|a| (p.node, a)))
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

/// The outcome's heading, with the entry that matched where it names one.
pub fn outcome_title(lang: Lang, e: &Explanation) -> String {
    fill(
        lang.text(node(e.outcome).title),
        &[("entry", &entry_label(lang, e))],
    )
}

/// The outcome's summary, with the entry that matched where it names one.
pub fn outcome_summary(lang: Lang, e: &Explanation) -> String {
    let summary = node(e.outcome)
        .outcome()
        .map_or("", |o| lang.text(o.summary));
    fill(summary, &[("entry", &entry_label(lang, e))])
}

fn entry_label(lang: Lang, e: &Explanation) -> String {
    e.entry
        .map(|en| lang.text(provision(en.provision).label).to_owned())
        .unwrap_or_default()
}

/// The open points, as the drafted question puts them: each question with
/// the answer given.
pub fn open_point_lines(lang: Lang, e: &Explanation) -> Vec<String> {
    e.open_points()
        .map(|s| {
            let q = node(s.question);
            fill(
                lang.text(ui::OUTCOME_DRAFT_POINT),
                &[
                    ("question", lang.text(q.title)),
                    ("answer", &q.answer_text(lang, &s.answer)),
                ],
            )
        })
        .collect()
}

impl Record<'_> {
    pub fn to_json(&self) -> String {
        let lang = self.lang;
        let mut s = String::from("{\n");
        let _ = writeln!(
            s,
            "  \"format\": {},\n  \"format_version\": {FORMAT_VERSION},",
            quote(FORMAT)
        );
        let _ = writeln!(s, "  \"content_version\": {},", quote(CONTENT_VERSION));
        let _ = writeln!(s, "  \"created\": {},", quote(&self.created));
        let _ = writeln!(s, "  \"language\": {},", quote(lang.code()));
        let ms = self.member_state.map_or("null".to_owned(), quote);
        let _ = writeln!(s, "  \"member_state\": {ms},\n  \"answers\": [");
        let answers = path_answers(self.answers);
        let mut flags = Vec::new();
        for (i, (n, a)) in answers.iter().enumerate() {
            let q = node(*n);
            let keys = answer_keys(*n, a);
            let answer = match a {
                Answer::One(_) => quote(&keys[0]),
                Answer::Ticked(_) => format!(
                    "[{}]",
                    keys.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ")
                ),
            };
            if q.key == RED_FLAGS && matches!(a, Answer::Ticked(_)) {
                flags = keys.clone();
            }
            let _ = writeln!(
                s,
                "    {{\"question\": {}, \"answer\": {answer}, \"question_text\": {}, \"answer_text\": {}}}{}",
                quote(q.key),
                quote(lang.text(q.title)),
                quote(&q.answer_text(lang, a)),
                if i + 1 < answers.len() { "," } else { "" }
            );
        }
        s.push_str("  ],\n");
        if let Some(e) = explain(self.answers) {
            let cites: Vec<String> = e.cite_tokens().into_iter().map(quote).collect();
            let entry = e
                .entry
                .map_or("null".to_owned(), |en| quote(provision(en.provision).token));
            let _ = writeln!(
                s,
                "  \"outcome\": {{\"node\": {}, \"class\": {}, \"title\": {}, \"entry\": {entry}, \"cites\": [{}]}},",
                quote(node(e.outcome).key),
                quote(e.class.code()),
                quote(&outcome_title(lang, &e)),
                cites.join(", ")
            );
        }
        let flags: Vec<String> = flags.iter().map(|f| quote(f)).collect();
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
            let _ = write!(
                s,
                "\n## {}\n\n**{}** — {} [{}]\n\n{}\n\n",
                t(ui::OUTCOME_HEADING),
                outcome_title(lang, e),
                t(e.class.label()),
                e.class.code(),
                outcome_summary(lang, e)
            );
            let _ = writeln!(s, "## {}\n", t(ui::OUTCOME_NEXT_STEPS));
            for n in &e.notes {
                let _ = writeln!(s, "- {}", t(n.text));
            }
            if let Some(o) = node(e.outcome).outcome() {
                let _ = writeln!(s, "{}", t(o.next_steps).trim());
            }
            let _ = writeln!(s, "\n## {}\n", t(ui::OUTCOME_WHY));
            for step in e.steps.iter().filter(|s| s.decisive) {
                let q = node(step.question);
                let _ = writeln!(
                    s,
                    "- {}",
                    fill(
                        t(ui::OUTCOME_ANSWERED),
                        &[
                            ("answer", &q.answer_text(lang, &step.answer)),
                            ("question", t(q.title))
                        ]
                    )
                );
            }
            if !e.screened.is_empty() {
                let _ = writeln!(s, "\n## {}\n", t(ui::OUTCOME_ENTRIES));
                for p in e.screened.iter().map(|p| provision(*p)) {
                    let _ = writeln!(s, "- {} [{}]", t(p.label), p.token);
                }
                let _ = writeln!(s, "\n{}", t(ui::OUTCOME_ENTRIES_HINT));
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
            for (n, a) in rows {
                let q = node(n);
                let _ = writeln!(
                    s,
                    "- {}  \n  **{}**",
                    t(q.title),
                    answer_marked(lang, n, &a)
                );
            }
        }
        let _ = writeln!(s, "\n## {}\n", t(ui::RECORD_OPEN_POINTS));
        let open: Vec<String> = e.iter().flat_map(|e| open_point_lines(lang, e)).collect();
        if open.is_empty() {
            let _ = writeln!(s, "- {}", t(ui::RECORD_NONE));
        }
        for line in open {
            let _ = writeln!(s, "- {line}");
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

/// An answer's words, each option followed by its status where it is not
/// verified (as the warning signs are).
fn answer_marked(lang: Lang, n: NodeId, a: &Answer) -> String {
    let q = node(n);
    let parts: Vec<String> = q
        .chosen(a)
        .map(|o| {
            marked(
                lang,
                lang.text(o.label),
                o.status.unwrap_or(Status::Verified),
            )
        })
        .collect();
    parts.join(lang.text(crate::text::meta::LIST_SEPARATOR))
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
    // A version this widget does not know is not read as if it were one it does.
    let format_version = v.get("format_version").and_then(Value::as_number);
    if !matches!(format_version, Some("1") | Some("2")) {
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
        let key = a
            .get("question")
            .and_then(Value::as_str)
            .filter(|k| is_plain(k));
        let names: Option<Vec<String>> = match a.get("answer") {
            Some(Value::String(one)) => Some(vec![one.clone()]),
            Some(Value::Array(many)) => {
                many.iter().map(|m| m.as_str().map(str::to_owned)).collect()
            }
            _ => None,
        };
        match (key, names) {
            (Some(k), Some(n))
                if !n.is_empty() && n.len() <= 32 && n.iter().all(|x| is_plain(x)) =>
            {
                answers.push((k.to_owned(), n));
            }
            _ => return Err(RecordError::NotARecord),
        }
    }
    // Version 1 kept the ticked red flags beside the answers.
    let flags: Vec<String> = v
        .get("red_flags")
        .and_then(Value::as_array)
        .unwrap_or_default()
        .iter()
        .filter_map(|f| f.as_str().filter(|k| is_plain(k)).map(str::to_owned))
        .take(32)
        .collect();
    if !flags.is_empty()
        && node_by_key(RED_FLAGS).is_some()
        && !answers.iter().any(|(k, _)| k == RED_FLAGS)
    {
        answers.push((RED_FLAGS.to_owned(), flags));
    }
    Ok(Imported {
        saved: Saved {
            version,
            lang: field("language"),
            member_state: field("member_state"),
            at: None,
            answers,
        },
        recorded_class: v
            .get("outcome")
            .and_then(|o| o.get("class"))
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}
