//! The record a user keeps: a JSON file that can be imported again, and a
//! readable Markdown document in the user's language.

use std::fmt::Write as _;

use super::about::{About, Field};
use super::content::{CONTENT_VERSION, DOCUMENTS, SECTIONS, node, node_by_key, provision};
use super::engine::{Answers, walk};
use super::json::{self, JsonError, Value, quote};
use super::model::{Answer, MemberState, NodeId, OutcomeClass, ProvisionId, Status};
use super::report::Report;
use super::saved::{Saved, answer_keys, is_plain};
use crate::text::{Lang, Moment, TextId, fill, ui};

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
    pub member_state: Option<MemberState>,
    /// When it was made: in ISO 8601 in the JSON, in the record's language
    /// in the Markdown.
    pub created: Moment,
    /// What it is about, as far as the user said.
    pub about: &'a About,
}

/// A record read back: the answers to restore, and what it said its
/// outcome was, to compare.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The answers, and what the record is about.
    pub saved: Saved,
    pub recorded_class: Option<OutcomeClass>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    TooLarge,
    NotJson,
    /// JSON, but not a record of this widget.
    NotARecord,
    /// A record of a format newer than this version reads.
    NewerFormat(u32),
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
/// as the page says it beside its mark.
fn marked(lang: Lang, text: &str, status: Status) -> String {
    match status.mark() {
        Some(mark) => format!("{text} ({})", lang.text(mark.word)),
        None => text.to_owned(),
    }
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
        let _ = writeln!(s, "  \"created\": {},", quote(&self.created.iso8601()));
        let _ = writeln!(s, "  \"language\": {},", quote(lang.code()));
        let ms = self
            .member_state
            .map_or("null".to_owned(), |m| quote(m.code()));
        let about: Vec<String> = self
            .about
            .filled()
            .map(|(f, v)| format!("{}: {}", quote(f.key()), quote(v)))
            .collect();
        let _ = writeln!(s, "  \"member_state\": {ms},");
        let _ = writeln!(
            s,
            "  \"about\": {{{}}},\n  \"answers\": [",
            about.join(", ")
        );
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
                quote(lang.text(q.point())),
                quote(&q.answer_text(lang, a)),
                if i + 1 < answers.len() { "," } else { "" }
            );
        }
        s.push_str("  ],\n");
        if let Some(r) = Report::new(self.answers, lang, self.member_state, self.about) {
            let cites: Vec<String> = r.cite_tokens.iter().map(|c| quote(c)).collect();
            let entry = r
                .entry
                .map_or("null".to_owned(), |p| quote(provision(p).token));
            let _ = writeln!(
                s,
                "  \"outcome\": {{\"node\": {}, \"class\": {}, \"title\": {}, \"entry\": {entry}, \"cites\": [{}]}},",
                quote(node(r.outcome).key),
                quote(r.class.code()),
                quote(&r.title),
                cites.join(", ")
            );
        }
        let flags: Vec<String> = flags.iter().map(|f| quote(f)).collect();
        let _ = writeln!(s, "  \"red_flags\": [{}]\n}}", flags.join(", "));
        s
    }

    /// The record as a document to read, print or file: the report in the
    /// order of the result page, then every answer.
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
            fill(t(ui::RECORD_CREATED), &[("date", &lang.date(self.created))])
        );
        for (field, value) in self.about.filled() {
            let _ = writeln!(s, "- {}: {value}", t(field.label()));
        }
        let report = Report::new(self.answers, lang, self.member_state, self.about);
        if let Some(r) = &report {
            report_markdown(&mut s, r);
        }
        let _ = writeln!(s, "\n## {}", t(ui::RECORD_ANSWERS));
        for (title, rows) in answered_by_section(self.answers) {
            let _ = writeln!(s, "\n### {}\n", t(title));
            for (n, a) in rows {
                let q = node(n);
                let _ = writeln!(
                    s,
                    "- {}  \n  **{}**",
                    t(q.point()),
                    answer_marked(lang, n, &a)
                );
            }
        }
        let heading = report
            .as_ref()
            .map_or(ui::RECORD_OPEN_POINTS, Report::open_points_heading);
        let _ = writeln!(s, "\n## {}\n", t(heading));
        let open = report.map(|r| r.open_points).unwrap_or_default();
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

/// The report's sections, as the result page shows them.
fn report_markdown(s: &mut String, r: &Report) {
    let lang = r.lang;
    let t = |id| lang.text(id);
    let bullets = |s: &mut String, lines: &mut dyn Iterator<Item = String>| {
        for line in lines {
            let _ = writeln!(s, "- {line}");
        }
    };
    let sources = |list: &[ProvisionId]| -> Vec<String> {
        list.iter()
            .map(|p| provision(*p))
            .map(|p| marked(lang, t(p.label), p.status))
            .collect()
    };
    let _ = write!(
        s,
        "\n## {}\n\n**{}** — {}\n\n",
        t(ui::OUTCOME_HEADING),
        r.title,
        t(r.class.label()),
    );
    if let Some(label) = r.entry_label {
        let _ = writeln!(s, "{label}\n");
    }
    for w in &r.warnings {
        let _ = writeln!(s, "> {}\n", t(w.text));
    }
    let _ = writeln!(s, "## {}\n", t(ui::OUTCOME_NEXT_STEPS));
    for (i, step) in r.steps.iter().enumerate() {
        let _ = writeln!(s, "{}. {step}", i + 1);
    }
    if let Some(more) = r.more {
        let _ = writeln!(s, "\n{}: {more}", t(ui::OUTCOME_MORE));
    }
    if !r.points.is_empty() {
        let _ = writeln!(s, "\n## {}\n", t(ui::OUTCOME_POINTS));
        bullets(s, &mut r.points.iter().map(|n| t(n.text).to_owned()));
    }
    let _ = writeln!(s, "\n## {}\n", t(ui::OUTCOME_CONTACT));
    match r.authority {
        Some(a) => {
            let name = marked(lang, t(a.name), a.status);
            let line = fill(
                t(ui::RECORD_AUTHORITY),
                &[("state", t(a.state_name)), ("name", &name), ("url", a.url)],
            );
            let _ = writeln!(s, "- {line}");
            for contact in a.contacts {
                let _ = writeln!(
                    s,
                    "  - {}",
                    marked(lang, &contact.line(lang), contact.status)
                );
            }
        }
        None => {
            let _ = writeln!(s, "- {}", t(ui::OUTCOME_STATE_HINT));
        }
    }
    if let Some(draft) = &r.draft {
        let _ = writeln!(s, "\n## {}\n\n{}", t(ui::OUTCOME_DRAFT), draft.trim());
    }
    let _ = writeln!(s, "\n## {}\n\n{}\n", t(ui::OUTCOME_WHY), r.summary);
    if !r.why.is_empty() {
        let _ = writeln!(s, "{}\n", t(ui::OUTCOME_WHY_LEAD));
    }
    bullets(s, &mut r.why.iter().map(|w| w.text.clone()));
    let _ = writeln!(s, "\n## {}\n", t(ui::OUTCOME_CHANGE));
    if r.changes.is_empty() {
        let _ = writeln!(s, "{}", t(ui::OUTCOME_CHANGE_NONE));
    }
    for c in &r.changes {
        let _ = writeln!(s, "- {}", c.instead);
        for line in &c.results {
            let _ = writeln!(s, "  - {line}");
        }
    }
    if !r.screened.is_empty() {
        let _ = writeln!(s, "\n## {}\n", t(ui::OUTCOME_ENTRIES));
        bullets(s, &mut sources(&r.screened).into_iter());
        let _ = writeln!(s, "\n{}", t(r.screened_hint));
    }
    let _ = writeln!(
        s,
        "\n## {}\n\n{}",
        t(ui::OUTCOME_ALSO),
        t(ui::OUTCOME_SIDE_CHECKS).trim()
    );
    let _ = writeln!(s, "\n## {}\n", t(ui::OUTCOME_SOURCES));
    bullets(s, &mut sources(&r.sources).into_iter());
    let _ = writeln!(s, "\n{}", t(ui::OUTCOME_UNVERIFIED_NOTE));
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

/// A format version above this one's, as a whole number of at most four
/// digits (summed by hand: parsing would cost the wasm its number code).
fn newer_format(number: &str) -> Option<RecordError> {
    if !(1..=4).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let version = number.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    (version > FORMAT_VERSION).then_some(RecordError::NewerFormat(version))
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
    match v.get("format_version").and_then(Value::as_number) {
        Some("1" | "2") => {}
        Some(other) => return Err(newer_format(other).unwrap_or(RecordError::NotARecord)),
        None => return Err(RecordError::NotARecord),
    }
    // Names only, as in a link: these are shown in notices ("recorded under
    // version …"), so free text (a page of it, or direction marks) is not
    // one of our records.
    let field = |name| match v.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if is_plain(s) => Ok(Some(s.clone())),
        Some(_) => Err(RecordError::NotARecord),
    };
    let version = field("content_version")?.ok_or(RecordError::NotARecord)?;
    let (lang, member_state) = (field("language")?, field("member_state")?);
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
    // What the record is about, each field cleaned as if typed; a record
    // without it (before content version 2026.12.02-2) is about nothing named.
    let mut about = About::default();
    for field in Field::ALL {
        let value = v.get("about").and_then(|a| a.get(field.key()));
        if let Some(value) = value.and_then(Value::as_str) {
            about.set(field, value);
        }
    }
    Ok(Imported {
        saved: Saved {
            version,
            lang,
            member_state,
            at: None,
            answers,
            about,
        },
        // Only compared with the class now reached, and named by its label
        // if it differs: the file's text never reaches the page as prose.
        recorded_class: v
            .get("outcome")
            .and_then(|o| o.get("class"))
            .and_then(Value::as_str)
            .and_then(OutcomeClass::from_code),
    })
}
