//! The tree, exported for review: JSON for tools, a Mermaid diagram, and a
//! Markdown document that a compliance officer can read from top to bottom.
//! The committed copies under `docs/` are checked against these in the tests.

use std::fmt::Write as _;

use super::content::{self, CONTENT_VERSION, DOCUMENTS, PROVISIONS, START, node, provision};
use super::json::quote;
use super::model::{Kind, Node, NodeId, ProvisionId, Status};
use crate::text::Lang;

fn tokens(list: &[ProvisionId]) -> Vec<&'static str> {
    list.iter().map(|p| provision(*p).token).collect()
}

fn json_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn status_key(s: Status) -> &'static str {
    match s {
        Status::Verified => "verified",
        Status::Secondary => "secondary",
        Status::Unverified => "unverified",
    }
}

/// The structure of the tree with its English texts, as JSON.
pub fn to_json() -> String {
    let en = Lang::En;
    let mut s = String::new();
    let _ = writeln!(s, "{{\n  \"content_version\": {},", quote(CONTENT_VERSION));
    let _ = writeln!(
        s,
        "  \"start\": {},\n  \"documents\": [",
        quote(node(START).key)
    );
    for (i, d) in DOCUMENTS.iter().enumerate() {
        let _ = writeln!(
            s,
            "    {{\"id\": {}, \"title\": {}, \"version\": {}, \"url\": {}}}{}",
            quote(d.key),
            quote(en.text(d.title)),
            quote(en.text(d.version)),
            quote(d.url),
            if i + 1 < DOCUMENTS.len() { "," } else { "" }
        );
    }
    s.push_str("  ],\n  \"provisions\": [\n");
    for (i, p) in PROVISIONS.iter().enumerate() {
        let _ = writeln!(
            s,
            "    {{\"id\": {}, \"document\": {}, \"status\": {}, \"label\": {}}}{}",
            quote(p.token),
            quote(content::document(p.doc).key),
            quote(status_key(p.status)),
            quote(en.text(p.label)),
            if i + 1 < PROVISIONS.len() { "," } else { "" }
        );
    }
    s.push_str("  ],\n  \"nodes\": [\n");
    let ids: Vec<NodeId> = content::node_ids().collect();
    for (i, id) in ids.iter().enumerate() {
        let n = node(*id);
        let _ = write!(
            s,
            "    {{\"id\": {}, \"title\": {}, \"cites\": {}, ",
            quote(n.key),
            quote(en.text(n.title)),
            json_list(&tokens(n.cites))
        );
        match &n.kind {
            Kind::Question(q) => {
                s.push_str("\"kind\": \"question\", \"options\": [");
                let opts: Vec<String> = q
                    .options
                    .iter()
                    .map(|o| {
                        format!(
                            "{{\"answer\": {}, \"label\": {}, \"next\": {}, \"cites\": {}}}",
                            quote(o.choice.key()),
                            quote(en.text(o.label)),
                            quote(node(o.next).key),
                            json_list(&tokens(o.cites))
                        )
                    })
                    .collect();
                s.push_str(&opts.join(", "));
                s.push_str("]}");
            }
            Kind::Interruption { next, .. } => {
                let _ = write!(
                    s,
                    "\"kind\": \"interruption\", \"next\": {}}}",
                    quote(node(*next).key)
                );
            }
            Kind::Outcome(o) => {
                let _ = write!(
                    s,
                    "\"kind\": \"outcome\", \"class\": {}}}",
                    quote(o.class.code())
                );
            }
        }
        s.push_str(if i + 1 < ids.len() { ",\n" } else { "\n" });
    }
    s.push_str("  ]\n}\n");
    s
}

/// A Mermaid flowchart: questions as boxes, outcomes as rounded boxes with
/// their class, edges labelled with the answer.
pub fn to_mermaid() -> String {
    let mut s =
        format!("%% cyberscreen decision tree, content version {CONTENT_VERSION}\nflowchart TD\n");
    let mid = |n: &Node| n.key.replace('-', "_");
    for id in content::node_ids() {
        let n = node(id);
        let _ = match &n.kind {
            Kind::Question(_) => writeln!(s, "  {}[\"{}\"]", mid(n), n.key),
            Kind::Interruption { .. } => writeln!(s, "  {}[/\"{} (stop)\"/]", mid(n), n.key),
            Kind::Outcome(o) => writeln!(s, "  {}([\"{}: {}\"])", mid(n), o.class.code(), n.key),
        };
    }
    for id in content::node_ids() {
        let n = node(id);
        match &n.kind {
            Kind::Question(q) => {
                for o in q.options {
                    let _ = writeln!(
                        s,
                        "  {} -->|{}| {}",
                        mid(n),
                        o.choice.key(),
                        mid(node(o.next))
                    );
                }
            }
            Kind::Interruption { next, .. } => {
                let _ = writeln!(s, "  {} --> {}", mid(n), mid(node(*next)));
            }
            Kind::Outcome(_) => {}
        }
    }
    s
}

/// Every node with its English texts and citations, for review.
pub fn to_markdown() -> String {
    let en = Lang::En;
    let mut s = format!(
        "# The cyberscreen decision tree, content version {CONTENT_VERSION}\n\n\
         Generated from `content/` by `make tree`; do not edit by hand. \
         Statements resting on a provision marked *unverified* or *secondary* are shown to users as such.\n\n## Sources\n\n"
    );
    for d in DOCUMENTS {
        let _ = writeln!(
            s,
            "- {} ({}). {}",
            en.text(d.title),
            d.url,
            en.text(d.version)
        );
    }
    let cite_list = |list: &[ProvisionId]| -> String {
        let items: Vec<String> = list
            .iter()
            .map(|p| {
                let p = provision(*p);
                match p.status {
                    Status::Verified => format!("{} [`{}`]", en.text(p.label), p.token),
                    other => format!(
                        "{} [`{}`, {}]",
                        en.text(p.label),
                        p.token,
                        status_key(other)
                    ),
                }
            })
            .collect();
        items.join("; ")
    };
    s.push_str("\n## Nodes\n");
    for id in content::node_ids() {
        let n = node(id);
        let _ = write!(s, "\n### `{}`: {}\n\n", n.key, en.text(n.title));
        if !n.cites.is_empty() {
            let _ = writeln!(s, "Cites: {}\n", cite_list(n.cites));
        }
        match &n.kind {
            Kind::Question(q) => {
                let _ = writeln!(s, "{}\n", en.text(q.hint));
                for text in [q.help, q.falls_in, q.falls_out].into_iter().flatten() {
                    let _ = writeln!(s, "{}\n", en.text(text).trim());
                }
                for o in q.options {
                    let _ = write!(s, "- **{}** → `{}`", en.text(o.label), node(o.next).key);
                    if !o.cites.is_empty() {
                        let _ = write!(s, " ({})", cite_list(o.cites));
                    }
                    s.push('\n');
                }
            }
            Kind::Interruption { body, next } => {
                let _ = writeln!(
                    s,
                    "{}\n\nThen → `{}`",
                    en.text(*body).trim(),
                    node(*next).key
                );
            }
            Kind::Outcome(o) => {
                let _ = writeln!(
                    s,
                    "Class: **{}**\n\n{}\n\n{}",
                    o.class.code(),
                    en.text(o.summary),
                    en.text(o.next_steps).trim()
                );
                if let Some(also) = o.also {
                    let _ = writeln!(s, "\n{}", en.text(also));
                }
            }
        }
    }
    s
}
