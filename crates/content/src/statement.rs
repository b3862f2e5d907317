//! The accessibility statement, `content/accessibility/<language>.md`, in a
//! small Markdown subset that a reviewer reads as plain text: `# ` the title
//! (once, on the first line), `## ` headings, paragraphs, `- ` list items and
//! `[text](address)` links to an https address or to a page beside it. It is
//! turned into HTML here, at build time, so that its page runs no code. The
//! markup a writer would most likely reach for and the subset lacks (deeper
//! headings, other list marks, `**` emphasis, code, HTML, quotes, tables) is
//! refused rather than shown as typed.

use std::fmt::Write as _;

/// A statement, ready for its page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The title, as plain text (for the page's `<title>`).
    pub title: String,
    /// The first paragraph, as plain text (for the page's description).
    pub lead: String,
    /// Everything, the title included, as HTML in the widget's classes.
    pub body: String,
}

enum Block {
    Paragraph(Vec<String>),
    List(Vec<String>),
}

/// Renders the statement at `path`, or says what in it is not of the subset.
pub fn render(path: &str, text: &str) -> Result<Statement, Vec<String>> {
    let mut errors = Vec::new();
    let mut body = String::new();
    let mut title = None;
    let mut lead = None;
    let mut open: Option<Block> = None;
    let close = |open: &mut Option<Block>, body: &mut String, lead: &mut Option<String>| match open
        .take()
    {
        Some(Block::Paragraph(lines)) => {
            let text = lines.join(" ");
            let (html, plain) = inline(&text);
            lead.get_or_insert(plain);
            let _ = write!(body, "<p>{html}</p>");
        }
        Some(Block::List(items)) => {
            body.push_str("<ul class=\"cs-list\">");
            for item in items {
                let _ = write!(body, "<li>{}</li>", inline(&item).0);
            }
            body.push_str("</ul>");
        }
        None => {}
    };
    for (i, line) in text.lines().enumerate() {
        let at = |what: &str| format!("{path}, line {}: {what}", i + 1);
        let line = line.trim_end();
        if let Some(refused) = unsupported(line) {
            errors.push(at(refused));
            continue;
        }
        if line.is_empty() {
            close(&mut open, &mut body, &mut lead);
        } else if let Some(heading) = line.strip_prefix("# ") {
            close(&mut open, &mut body, &mut lead);
            if i != 0 || title.is_some() {
                errors.push(at("the title (`# `) comes once, on the first line"));
            }
            title = Some(inline(heading).1);
            let _ = write!(body, "<h1 class=\"cs-title\">{}</h1>", inline(heading).0);
        } else if let Some(heading) = line.strip_prefix("## ") {
            close(&mut open, &mut body, &mut lead);
            let _ = write!(body, "<h2 class=\"cs-heading\">{}</h2>", inline(heading).0);
        } else if let Some(item) = line.strip_prefix("- ") {
            match &mut open {
                Some(Block::List(items)) => items.push(item.to_owned()),
                _ => {
                    close(&mut open, &mut body, &mut lead);
                    open = Some(Block::List(vec![item.to_owned()]));
                }
            }
        } else {
            match &mut open {
                Some(Block::Paragraph(lines)) => lines.push(line.to_owned()),
                // A line after a list item continues it.
                Some(Block::List(items)) => {
                    if let Some(last) = items.last_mut() {
                        last.push(' ');
                        last.push_str(line.trim_start());
                    }
                }
                None => open = Some(Block::Paragraph(vec![line.to_owned()])),
            }
        }
        if let Err(e) = links(line) {
            errors.push(at(&e));
        }
    }
    close(&mut open, &mut body, &mut lead);
    let Some(title) = title else {
        errors.push(format!(
            "{path}: no title: the first line is `# ` and the title"
        ));
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Statement {
        title,
        lead: lead.unwrap_or_default(),
        body,
    })
}

/// Why a line is not of the subset, if it is not.
fn unsupported(line: &str) -> Option<&'static str> {
    let start = line.trim_start();
    if start.starts_with("###") {
        Some("only `# ` and `## ` headings are read")
    } else if start.starts_with("* ") || start.starts_with("+ ") {
        Some("list items start with `- `")
    } else if start
        .split_once(". ")
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        Some("numbered lists are not read: use `- `")
    } else if start.starts_with('>') || start.starts_with('|') || start.starts_with("```") {
        Some("quotes, tables and code blocks are not read")
    } else if line.contains("**") || line.contains('`') || line.contains('<') {
        Some("emphasis, code and HTML are not read: write plain text")
    } else {
        None
    }
}

/// Checks the links of a line: closed, with an address of the two kinds.
fn links(line: &str) -> Result<(), String> {
    let mut rest = line;
    while let Some(start) = rest.find('[') {
        let after = &rest[start..];
        let Some((_, href, next)) = link(after) else {
            return Err("a `[` that opens no `[text](address)` link".to_owned());
        };
        if !address_is_allowed(href) {
            return Err(format!(
                "the address {href:?} is neither https nor a page beside this one (`name.html`)"
            ));
        }
        rest = next;
    }
    Ok(())
}

/// `[text](href)` at the start of `s`: the text, the address and what follows.
fn link(s: &str) -> Option<(&str, &str, &str)> {
    let s = s.strip_prefix('[')?;
    let (text, rest) = s.split_once("](")?;
    let (href, rest) = rest.split_once(')')?;
    (!text.is_empty() && !text.contains('[')).then_some((text, href, rest))
}

fn address_is_allowed(href: &str) -> bool {
    let plain = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\'')
    };
    match href.strip_prefix("https://") {
        Some(rest) => plain(rest),
        None => {
            href.ends_with(".html")
                && href
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
        }
    }
}

/// A line's HTML and its plain text.
fn inline(text: &str) -> (String, String) {
    let mut html = String::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('[') {
        let Some((label, href, next)) = link(&rest[start..]) else {
            break;
        };
        html.push_str(&escape(&rest[..start]));
        plain.push_str(&rest[..start]);
        let _ = write!(html, "<a href=\"{}\">{}</a>", escape(href), escape(label));
        plain.push_str(label);
        rest = next;
    }
    html.push_str(&escape(rest));
    plain.push_str(rest);
    (html, plain)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The statements as JSON, `{"en": {"title": …, "lead": …, "body": …}, …}`,
/// for the build of `dist/`, which puts each on a page of its own.
pub fn to_json(statements: &[(String, Statement)]) -> String {
    let quote = |s: &str| {
        let mut q = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => q.push_str("\\\""),
                '\\' => q.push_str("\\\\"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(q, "\\u{:04x}", c as u32);
                }
                c => q.push(c),
            }
        }
        q.push('"');
        q
    };
    let entries: Vec<String> = statements
        .iter()
        .map(|(code, s)| {
            format!(
                "{}: {{\"title\": {}, \"lead\": {}, \"body\": {}}}",
                quote(code),
                quote(&s.title),
                quote(&s.lead),
                quote(&s.body)
            )
        })
        .collect();
    format!("{{{}}}\n", entries.join(", "))
}
