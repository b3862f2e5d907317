//! The tree, exported for review: JSON for tools, a Mermaid diagram, and a
//! Markdown document that a compliance officer can read from top to bottom.
//! The committed copies under `docs/` are checked against these in the tests.

use std::fmt::Write as _;

use super::content::{self, CONTENT_VERSION, DOCUMENTS, MARKS, PROVISIONS, START, node, provision};
use super::json::quote;
use super::model::{
    Atom, EntryTrait, EntryTraits, Kind, Node, Open, Opt, ProvisionId, Route, Status, Target, Test,
};
use crate::text::Lang;

fn tokens(list: &[ProvisionId]) -> Vec<&'static str> {
    list.iter().map(|p| provision(*p).token).collect()
}

fn json_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", quoted.join(", "))
}

fn target_key(t: Target) -> &'static str {
    match t {
        Target::Node(n) => node(n).key,
        Target::Continue => "continue",
    }
}

fn mark_keys(bits: u32) -> Vec<&'static str> {
    MARKS
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & (1 << i) != 0)
        .map(|(_, m)| m.key)
        .collect()
}

fn trait_keys(t: EntryTraits) -> Vec<&'static str> {
    EntryTrait::ALL
        .iter()
        .filter(|x| t.has(EntryTraits::of(**x)))
        .map(|x| x.code())
        .collect()
}

fn test_keys(tests: &[Test]) -> Vec<String> {
    tests
        .iter()
        .map(|t| {
            let atom = match t.atom {
                Atom::Mark(m) => MARKS[usize::from(m.0)].key.to_owned(),
                Atom::Entry(traits) => format!("entry.{}", trait_keys(traits).join("+")),
            };
            if t.negated { format!("!{atom}") } else { atom }
        })
        .collect()
}

fn open_key(o: Open) -> String {
    match o {
        Open::Never => "never".into(),
        Open::Always => "always".into(),
        Open::If(m) => format!("if {}", MARKS[usize::from(m.0)].key),
    }
}

fn opt_json(en: Lang, o: &Opt) -> String {
    let mut s = format!(
        "{{\"answer\": {}, \"label\": {}, \"next\": {}, \"cites\": {}",
        quote(o.choice.key()),
        quote(en.text(o.label)),
        quote(target_key(o.next)),
        json_list(&tokens(o.cites))
    );
    if o.marks.0 != 0 {
        let _ = write!(s, ", \"marks\": {}", json_list(&mark_keys(o.marks.0)));
    }
    if o.open != Open::Never {
        let _ = write!(s, ", \"open\": {}", quote(&open_key(o.open)));
    }
    if let Some(e) = o.entry {
        let _ = write!(
            s,
            ", \"entry\": {}, \"entry_is\": {}",
            quote(provision(e.provision).token),
            json_list(&trait_keys(e.traits))
        );
    }
    if o.all {
        s.push_str(", \"all\": true");
    }
    s.push('}');
    s
}

fn route_json(r: &Route) -> String {
    format!(
        "{{\"if\": {}, \"next\": {}, \"marks\": {}}}",
        json_list(
            &test_keys(r.tests)
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
        ),
        quote(target_key(r.next)),
        json_list(&mark_keys(r.marks.0))
    )
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
            "    {{\"id\": {}, \"document\": {}, \"status\": {}, \"kind\": {}, \"label\": {}}}{}",
            quote(p.token),
            quote(content::document(p.doc).key),
            quote(p.status.code()),
            quote(&format!("{:?}", p.kind).to_lowercase()),
            quote(en.text(p.label)),
            if i + 1 < PROVISIONS.len() { "," } else { "" }
        );
    }
    s.push_str("  ],\n  \"marks\": [\n");
    for (i, m) in MARKS.iter().enumerate() {
        let _ = writeln!(
            s,
            "    {{\"id\": {}, \"about\": {}}}{}",
            quote(m.key),
            quote(m.about),
            if i + 1 < MARKS.len() { "," } else { "" }
        );
    }
    s.push_str("  ],\n  \"nodes\": [\n");
    let ids: Vec<_> = content::node_ids().collect();
    for (i, id) in ids.iter().enumerate() {
        let n = node(*id);
        let _ = write!(
            s,
            "    {{\"id\": {}, \"cites\": {}, ",
            quote(n.key),
            json_list(&tokens(n.cites))
        );
        if !matches!(n.kind, Kind::Junction(_)) {
            let _ = write!(s, "\"title\": {}, ", quote(en.text(n.title)));
        }
        let opts = |list: &[Opt]| {
            list.iter()
                .map(|o| opt_json(en, o))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = match &n.kind {
            Kind::Question(q) => write!(
                s,
                "\"kind\": \"question\", \"options\": [{}]}}",
                opts(q.options)
            ),
            Kind::Checklist(c) => write!(
                s,
                "\"kind\": \"checklist\", \"marks\": {}, \"items\": [{}], \"exclusive\": [{}], \"then\": {}}}",
                json_list(&mark_keys(c.marks.0)),
                opts(c.items),
                opts(c.exclusive),
                quote(node(c.then).key)
            ),
            Kind::Junction(routes) => write!(
                s,
                "\"kind\": \"junction\", \"routes\": [{}]}}",
                routes.iter().map(route_json).collect::<Vec<_>>().join(", ")
            ),
            Kind::Interruption { next, .. } => {
                write!(
                    s,
                    "\"kind\": \"interruption\", \"next\": {}}}",
                    quote(node(*next).key)
                )
            }
            Kind::Outcome(o) => write!(
                s,
                "\"kind\": \"outcome\", \"class\": {}, \"names_entry\": {}, \"notes\": [{}]}}",
                quote(o.class.code()),
                o.names_entry,
                o.notes
                    .iter()
                    .map(|nt| format!(
                        "{{\"id\": {}, \"if\": {}, \"cites\": {}}}",
                        quote(nt.key),
                        json_list(
                            &test_keys(nt.tests)
                                .iter()
                                .map(String::as_str)
                                .collect::<Vec<_>>()
                        ),
                        json_list(&tokens(nt.cites))
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        s.push_str(if i + 1 < ids.len() { ",\n" } else { "\n" });
    }
    s.push_str("  ]\n}\n");
    s
}

/// A Mermaid flowchart: questions as boxes, checklists as subroutine boxes,
/// junctions as diamonds, outcomes as rounded boxes with their class; edges
/// labelled with the answer or the route's tests. `continue` is drawn as an
/// edge back to the checklist.
pub fn to_mermaid() -> String {
    let mut s =
        format!("%% cyberscreen decision tree, content version {CONTENT_VERSION}\nflowchart TD\n");
    let mid = |n: &Node| n.key.replace('-', "_");
    for id in content::node_ids() {
        let n = node(id);
        let _ = match &n.kind {
            Kind::Question(_) => writeln!(s, "  {}[\"{}\"]", mid(n), n.key),
            Kind::Checklist(_) => writeln!(s, "  {}[[\"{} (tick all that fit)\"]]", mid(n), n.key),
            Kind::Junction(_) => writeln!(s, "  {}{{\"{}\"}}", mid(n), n.key),
            Kind::Interruption { .. } => writeln!(s, "  {}[/\"{} (stop)\"/]", mid(n), n.key),
            Kind::Outcome(o) => writeln!(s, "  {}([\"{}: {}\"])", mid(n), o.class.code(), n.key),
        };
    }
    for id in content::node_ids() {
        let n = node(id);
        let back = |t: Target| match t {
            Target::Node(x) => mid(node(x)),
            Target::Continue => content::LOOP_OF[usize::from(id.0)]
                .map_or_else(|| "continue".to_owned(), |c| mid(node(c))),
        };
        match &n.kind {
            Kind::Question(q) => {
                for o in q.options {
                    let arrow = if o.next == Target::Continue {
                        "-.->"
                    } else {
                        "-->"
                    };
                    let _ = writeln!(
                        s,
                        "  {} {arrow}|{}| {}",
                        mid(n),
                        o.choice.key(),
                        back(o.next)
                    );
                }
            }
            Kind::Checklist(c) => {
                for o in c.items.iter().filter(|o| o.next != Target::Continue) {
                    let _ = writeln!(s, "  {} -->|{}| {}", mid(n), o.choice.key(), back(o.next));
                }
                let _ = writeln!(s, "  {} -->|then| {}", mid(n), mid(node(c.then)));
            }
            Kind::Junction(routes) => {
                for r in routes.iter() {
                    let label = if r.tests.is_empty() {
                        "else".to_owned()
                    } else {
                        test_keys(r.tests).join(" & ")
                    };
                    let _ = writeln!(s, "  {} -->|{}| {}", mid(n), label, back(r.next));
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

/// Every node with its English texts, routes and citations, for review.
pub fn to_markdown() -> String {
    let en = Lang::En;
    let mut s = format!(
        "# The cyberscreen decision tree, content version {CONTENT_VERSION}\n\n\
         Generated from `content/` by `make tree`; do not edit by hand. \
         Statements resting on a provision marked *unverified* or *secondary* are shown to users as such.\n\n\
         ## How to read it\n\n\
         - A **question** takes one answer; a **checklist** takes every item that fits, or one answer that stands alone \
         (such as “None of these”). The ticked items that lead somewhere are then asked in the order listed, each until \
         it reaches `continue`; after the last, the walk goes to the checklist's *then*.\n\
         - A **junction** is no page: the first route whose tests hold leads on. Tests name marks (facts the answers on \
         the path set, listed below); `!` negates; `entry.<trait>` tests the Annex I entry the path matched.\n\
         - An answer marked *open* leaves a point open: it is listed on the result and put to the authority.\n\
         - The Annex I screen covers every cyber-surveillance entry for each kind of item exported, in an order that \
         gives Annex I's own precedence and puts the most restrictive first; the first entry that definitely matches \
         decides. The elements of Article 2(20) are cumulative, in three values: a definite “No” settles, “I'm not \
         sure” leaves the element open and the walk goes on.\n\n## Sources\n\n"
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
                    other => format!("{} [`{}`, {}]", en.text(p.label), p.token, other.code()),
                }
            })
            .collect();
        items.join("; ")
    };
    s.push_str("\n## Marks\n\n");
    for m in MARKS {
        let _ = writeln!(s, "- `{}`: {}", m.key, m.about);
    }
    let write_opt = |s: &mut String, o: &Opt| {
        let _ = write!(s, "- **{}** → `{}`", en.text(o.label), target_key(o.next));
        let mut extra = Vec::new();
        if o.marks.0 != 0 {
            extra.push(format!("sets {}", mark_keys(o.marks.0).join(", ")));
        }
        match o.open {
            Open::Never => {}
            Open::Always => extra.push("open".into()),
            Open::If(m) => extra.push(format!("open if {}", MARKS[usize::from(m.0)].key)),
        }
        if let Some(e) = o.entry {
            let traits = trait_keys(e.traits);
            extra.push(if traits.is_empty() {
                format!("matches {}", provision(e.provision).token)
            } else {
                format!(
                    "matches {} ({})",
                    provision(e.provision).token,
                    traits.join(", ")
                )
            });
        }
        if o.all {
            extra.push("stands for every item ticked".into());
        }
        if let Some(st) = o.status.filter(|st| *st != Status::Verified) {
            extra.push(st.code().into());
        }
        if !o.cites.is_empty() {
            extra.push(cite_list(o.cites));
        }
        if !extra.is_empty() {
            let _ = write!(s, " ({})", extra.join("; "));
        }
        s.push('\n');
    };
    s.push_str("\n## Nodes\n");
    for id in content::node_ids() {
        let n = node(id);
        match &n.kind {
            Kind::Junction(_) => {
                let _ = write!(s, "\n### `{}` (junction)\n\n", n.key);
            }
            _ => {
                let _ = write!(s, "\n### `{}`: {}\n\n", n.key, en.text(n.title));
            }
        }
        if !n.cites.is_empty() {
            let _ = writeln!(s, "Cites: {}\n", cite_list(n.cites));
        }
        if let Some(ask) = n.ask() {
            let _ = writeln!(s, "{}\n", en.text(ask.hint));
            for text in [ask.criteria, ask.help, ask.falls_in, ask.falls_out]
                .into_iter()
                .flatten()
            {
                let _ = writeln!(s, "{}\n", en.text(text).trim());
            }
            if let Some(point) = ask.point {
                let _ = writeln!(s, "Away from its page: {}\n", en.text(point));
            }
        }
        match &n.kind {
            Kind::Question(q) => q.options.iter().for_each(|o| write_opt(&mut s, o)),
            Kind::Checklist(c) => {
                if c.marks.0 != 0 {
                    let _ = writeln!(s, "Answering sets {}.\n", mark_keys(c.marks.0).join(", "));
                }
                c.items.iter().for_each(|o| write_opt(&mut s, o));
                s.push_str("\nOr, standing alone:\n\n");
                c.exclusive.iter().for_each(|o| write_opt(&mut s, o));
                let _ = writeln!(s, "\nThen → `{}`", node(c.then).key);
            }
            Kind::Junction(routes) => {
                for r in routes.iter() {
                    let tests = if r.tests.is_empty() {
                        "otherwise".to_owned()
                    } else {
                        format!("if {}", test_keys(r.tests).join(" and "))
                    };
                    let marks = if r.marks.0 == 0 {
                        String::new()
                    } else {
                        format!(" (sets {})", mark_keys(r.marks.0).join(", "))
                    };
                    let _ = writeln!(s, "- {tests} → `{}`{marks}", target_key(r.next));
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
                    "Class: **{}**{}\n\n{}\n\n{}",
                    o.class.code(),
                    if o.names_entry {
                        " (names the entry that matched)"
                    } else {
                        ""
                    },
                    en.text(o.summary),
                    en.text(o.next_steps).trim()
                );
                if let Some(more) = o.more {
                    let _ = writeln!(s, "\nMore on what to do: {}", en.text(more));
                }
                if !o.notes.is_empty() {
                    s.push_str("\nWhere the path's facts call for it (a warning comes before the steps, other points after them):\n\n");
                    for note in o.notes {
                        let _ = write!(
                            s,
                            "- {}if {}: {}",
                            if note.warning { "warning, " } else { "" },
                            test_keys(note.tests).join(" and "),
                            en.text(note.text)
                        );
                        if !note.cites.is_empty() {
                            let _ = write!(s, " ({})", cite_list(note.cites));
                        }
                        s.push('\n');
                    }
                }
                if o.open_marks.0 != 0 {
                    let _ = writeln!(
                        s,
                        "\nOpen points here also: the answers that set {}.",
                        mark_keys(o.open_marks.0).join(", ")
                    );
                }
            }
        }
    }
    s
}
