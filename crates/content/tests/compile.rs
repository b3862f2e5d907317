//! The compiler on small contents of its own: a sound one compiles, and each
//! kind of mistake a reviewer could make is refused with a message that
//! names it.

use cyberscreen_content::{Files, compile};

const TREE: &str = r#"
start = "kind"

[[mark]]
id = "m"
about = "A mark."

[[node]]
id = "kind"
kind = "checklist"
section = "listing"
cites = ["P"]
options = [
  { answer = "first", next = "ask", marks = ["m"] },
  { answer = "second" },
]
exclusive = [{ answer = "none" }]
then = "route"

[[node]]
id = "ask"
kind = "question"
section = "listing"
cites = ["P"]
options = [
  { answer = "yes", next = "done", entry = "E", entry_is = ["annex-iv"] },
  { answer = "no", next = "continue" },
]

[[node]]
id = "route"
kind = "junction"
routes = [
  { if = ["m"], next = "done" },
  { next = "done" },
]

[[node]]
id = "done"
kind = "outcome"
class = "LISTED"
names_entry = true
cites = ["P"]
notes = [{ id = "n", if = ["!m", "entry.annex-iv"] }]
"#;

const SOURCES: &str = r#"
provision = [
  { id = "P", doc = "d", status = "verified", kind = "law" },
  { id = "E", doc = "d", status = "verified", kind = "entry" },
]

[[document]]
id = "d"
url = "https://example.org"
"#;

const AUTHORITIES: &str = r#"
[[authority]]
state = "DE"
url = "https://example.org"
status = "verified"
"#;

const VERSION: &str = "content_version = \"2026.01.31-1\"\ndigest = \"0\"\n";

const EN: &str = r#"
[meta]
code = "en"
name = "English"

[answer]
yes = "Yes"
no = "No"
none = "None"

[section]
activity = "Activity"
authority = "Authority"
listing = "Listing"
definition = "Definition"
diligence = "Diligence"

[class]
LISTED = "Listed"
INTRA-EU-LICENCE = "Intra-EU"
ART4-LICENCE = "Art. 4 licence"
ART4-NOTIFY = "Art. 4 notify"
ART5-LICENCE = "Art. 5 licence"
ART10-LICENCE = "Art. 10 licence"
ART5-NOTIFY = "Art. 5 notify"
ART5-DUE-DILIGENCE = "Due diligence"
NOT-CSI = "Not a CSI"
CONSULT = "Consult"
OUT-OF-SCOPE-ACTIVITY = "Out of scope"

[doc.d]
title = "Document"
version = "Version {v}"

[cite]
P = "Provision"
E = "Entry"

[state]
DE = "Germany"

[authority]
DE = "Authority"

[note]
n = "A note."

[node.kind]
title = "Which?"
hint = "Tick."

[node.kind.options]
first = "First"
second = "Second"

[node.ask]
title = "Ask?"
hint = "Hint."

[node.done]
title = "Done, {entry}"
summary = "Summary."
next_steps = """
- First step.
- Second step.
"""
"#;

const STATEMENT: &str = "# Statement\n\nIt covers the widget.\n";

fn files(tree: &str, en: &str, de: Option<&str>) -> Files {
    let mut f = vec![
        ("content/tree.toml".to_owned(), tree.to_owned()),
        ("content/sources.toml".to_owned(), SOURCES.to_owned()),
        (
            "content/authorities.toml".to_owned(),
            AUTHORITIES.to_owned(),
        ),
        ("content/version.toml".to_owned(), VERSION.to_owned()),
        ("content/text/en.toml".to_owned(), en.to_owned()),
        (
            "content/accessibility/en.md".to_owned(),
            STATEMENT.to_owned(),
        ),
    ];
    if let Some(de) = de {
        f.push(("content/text/de.toml".to_owned(), de.to_owned()));
        f.push((
            "content/accessibility/de.md".to_owned(),
            STATEMENT.to_owned(),
        ));
    }
    Files(f)
}

/// The fixture with the file at `path` in place of its own (or added).
fn with(mut files: Files, path: &str, text: &str) -> Files {
    files.0.retain(|(p, _)| p != path);
    files.0.push((path.to_owned(), text.to_owned()));
    files
}

fn errors_of(files: &Files) -> String {
    compile(files)
        .err()
        .map(|e| e.join("\n"))
        .unwrap_or_default()
}

#[test]
fn each_language_has_its_accessibility_statement_and_no_other() {
    let mut f = files(TREE, EN, None);
    f.0.retain(|(p, _)| p != "content/accessibility/en.md");
    assert!(
        errors_of(&f).contains("content/accessibility/en.md: missing: every language"),
        "{}",
        errors_of(&f)
    );
    let extra = with(
        files(TREE, EN, None),
        "content/accessibility/xx.md",
        STATEMENT,
    );
    assert!(errors_of(&extra).contains(
        "content/accessibility/xx.md: a statement in a language that content/text/ does not have"
    ));
}

#[test]
fn a_statement_becomes_html_with_its_title_and_lead() {
    let text = "# Title & more\n\nFirst line\nof the lead, see [WCAG](https://www.w3.org/TR/WCAG22/).\n\n## Tested\n\n- one\n- two, [the check](index.html)\n";
    let out = compile(&with(
        files(TREE, EN, None),
        "content/accessibility/en.md",
        text,
    ))
    .expect("compiles");
    let (code, s) = &out.statements[0];
    assert_eq!(code, "en");
    assert_eq!(s.title, "Title & more");
    assert_eq!(s.lead, "First line of the lead, see WCAG.");
    assert_eq!(
        s.body,
        "<h1 class=\"cs-title\">Title &amp; more</h1>\
         <p>First line of the lead, see <a href=\"https://www.w3.org/TR/WCAG22/\">WCAG</a>.</p>\
         <h2 class=\"cs-heading\">Tested</h2>\
         <ul class=\"cs-list\"><li>one</li><li>two, <a href=\"index.html\">the check</a></li></ul>"
    );
}

#[test]
fn what_the_statements_markdown_does_not_have_is_refused_with_its_line() {
    for (line, expected) in [
        ("### Deeper", "only `# ` and `## ` headings"),
        ("* star", "list items start with `- `"),
        ("1. first", "numbered lists are not read"),
        ("Some **bold** text", "emphasis, code and HTML are not read"),
        ("<b>html</b>", "emphasis, code and HTML are not read"),
        (
            "See [this](http://example.org)",
            "neither https nor a page beside this one",
        ),
        (
            "See [this](javascript:alert(1))",
            "neither https nor a page beside this one",
        ),
        (
            "A [bracket without a link",
            "a `[` that opens no `[text](address)` link",
        ),
        (
            "# A second title",
            "the title (`# `) comes once, on the first line",
        ),
    ] {
        let text = format!("# Title\n\n{line}\n");
        let found = errors_of(&with(
            files(TREE, EN, None),
            "content/accessibility/en.md",
            &text,
        ));
        assert!(
            found.contains("content/accessibility/en.md, line 3: ") && found.contains(expected),
            "{line:?}: {found}"
        );
    }
    let untitled = errors_of(&with(
        files(TREE, EN, None),
        "content/accessibility/en.md",
        "Text only.\n",
    ));
    assert!(
        untitled.contains("content/accessibility/en.md: no title"),
        "{untitled}"
    );
}

#[test]
fn a_content_version_names_the_day_of_its_release() {
    let out = compile(&files(TREE, EN, None)).expect("compiles");
    assert!(
        out.tree_rs
            .contains("Day { year: 2026, month: 1, day: 31 }")
    );
    for bad in [
        "1",
        "2026.1.31-1",
        "2026.13.01-1",
        "2026.01.31",
        "2026.01.31-x",
    ] {
        let version = format!("content_version = \"{bad}\"\ndigest = \"0\"\n");
        let found = errors_of(&with(
            files(TREE, EN, None),
            "content/version.toml",
            &version,
        ));
        assert!(
            found.contains("is not of the form YYYY.MM.DD-N"),
            "{bad}: {found}"
        );
    }
}

fn errors(tree: &str, en: &str, de: Option<&str>) -> String {
    compile(&files(tree, en, de))
        .err()
        .map(|e| e.join("\n"))
        .unwrap_or_default()
}

#[test]
fn a_sound_content_compiles_to_tables() {
    let out = compile(&files(TREE, EN, None)).expect("the fixture compiles");
    for expected in [
        "pub static NODES",
        "Kind::Checklist",
        "Kind::Junction",
        "Target::Continue",
        "EntryTraits(1)",
        "negated: true",
        "pub static LOOP_OF",
    ] {
        assert!(out.tree_rs.contains(expected), "{expected} missing");
    }
    assert!(out.texts_rs.contains("pub enum Lang"));
}

#[test]
fn a_target_that_does_not_exist_is_refused() {
    let e = errors(
        &TREE.replace("next = \"done\", entry", "next = \"nowhere\", entry"),
        EN,
        None,
    );
    assert!(e.contains("leads to unknown node \"nowhere\""), "{e}");
}

#[test]
fn a_citation_that_does_not_exist_is_refused() {
    let e = errors(
        &TREE.replacen("cites = [\"P\"]", "cites = [\"Q\"]", 1),
        EN,
        None,
    );
    assert!(e.contains("cites unknown provision \"Q\""), "{e}");
}

#[test]
fn an_unknown_mark_or_trait_is_refused() {
    let e = errors(
        &TREE.replace("marks = [\"m\"]", "marks = [\"x\"]"),
        EN,
        None,
    );
    assert!(e.contains("unknown mark \"x\""), "{e}");
    let e = errors(
        &TREE.replace("entry_is = [\"annex-iv\"]", "entry_is = [\"annex-v\"]"),
        EN,
        None,
    );
    assert!(e.contains("unknown entry trait \"annex-v\""), "{e}");
}

#[test]
fn an_entry_must_be_an_annex_i_entry() {
    let e = errors(&TREE.replace("entry = \"E\"", "entry = \"P\""), EN, None);
    assert!(e.contains("P is not an Annex I entry"), "{e}");
}

#[test]
fn continue_is_only_for_what_a_checklist_asks() {
    let tree = TREE.replace(
        "  { if = [\"m\"], next = \"done\" },\n",
        "  { if = [\"m\"], next = \"continue\" },\n",
    );
    let e = errors(&tree, EN, None);
    assert!(
        e.contains("node route continues, but no checklist's items lead to it"),
        "{e}"
    );
}

#[test]
fn a_junction_ends_in_a_route_without_tests() {
    let e = errors(
        &TREE.replace(
            "  { next = \"done\" },\n]",
            "  { if = [\"m\"], next = \"done\" },\n]",
        ),
        EN,
        None,
    );
    assert!(e.contains("the last route must have no tests"), "{e}");
}

#[test]
fn a_node_twice_or_an_answer_twice_is_refused() {
    let e = errors(
        &format!("{TREE}\n[[node]]\nid = \"done\"\nkind = \"outcome\"\nclass = \"CONSULT\"\n"),
        EN,
        None,
    );
    assert!(e.contains("node done twice"), "{e}");
    let e = errors(
        &TREE.replace(
            "{ answer = \"no\", next = \"continue\" }",
            "{ answer = \"yes\", next = \"continue\" }",
        ),
        EN,
        None,
    );
    assert!(e.contains("answer yes twice"), "{e}");
}

#[test]
fn a_missing_text_is_refused() {
    let e = errors(TREE, &EN.replace("hint = \"Hint.\"\n", ""), None);
    assert!(e.contains("lacks node.ask.hint"), "{e}");
}

#[test]
fn an_outcome_says_what_to_do_in_one_to_three_steps_in_every_language() {
    let four = EN.replace("- Second step.\n", "- Second.\n- Third.\n- Fourth.\n");
    let e = errors(TREE, &four, None);
    assert!(
        e.contains("content/text/en.toml: node.done.next_steps must be a list of 1 to 3 steps, each a line starting with \"- \" (it has 4)"),
        "{e}"
    );
    let prose = EN.replace("- First step.\n- Second step.\n", "Do this.\n");
    assert!(errors(TREE, &prose, None).contains("(it has 0)"));
    let de = EN
        .replace("code = \"en\"", "code = \"de\"")
        .replace("- Second step.\n", "");
    let e = errors(TREE, EN, Some(&de));
    assert!(
        e.contains(
            "content/text/de.toml: node.done.next_steps lists 1 step(s), content/text/en.toml 2"
        ),
        "{e}"
    );
}

#[test]
fn a_translation_must_have_every_text_with_the_same_placeholders() {
    let de = EN
        .replace("code = \"en\"", "code = \"de\"")
        .replace("Done, {entry}", "Fertig");
    let e = errors(TREE, EN, Some(&de));
    assert!(
        e.contains("content/text/de.toml: node.done.title has other placeholders than en"),
        "{e}"
    );
    let de = EN
        .replace("code = \"en\"", "code = \"de\"")
        .replace("n = \"A note.\"\n", "");
    let e = errors(TREE, EN, Some(&de));
    assert!(e.contains("content/text/de.toml lacks note.n"), "{e}");
    let de = format!(
        "{}\n[extra]\nkey = \"x\"\n",
        EN.replace("code = \"en\"", "code = \"de\"")
    );
    let e = errors(TREE, EN, Some(&de));
    assert!(e.contains("extra.key is not a key of en"), "{e}");
}

#[test]
fn an_unknown_field_or_kind_is_refused() {
    let e = errors(
        &TREE.replace("kind = \"question\"", "kind = \"quiz\""),
        EN,
        None,
    );
    assert!(e.contains("unknown kind \"quiz\""), "{e}");
    let e = errors(
        &TREE.replace("then = \"route\"", "then = \"route\"\nnext = \"done\""),
        EN,
        None,
    );
    assert!(e.contains("a checklist has no next"), "{e}");
    let e = errors(
        &TREE.replace("names_entry = true", "names_entry = true\nwhatever = 1"),
        EN,
        None,
    );
    assert!(e.contains("unknown field `whatever`"), "{e}");
}

#[test]
fn a_misspelt_word_of_a_closed_set_is_refused_with_the_words_it_knows() {
    for (from, to, says) in [
        (
            "section = \"listing\"",
            "section = \"listings\"",
            "content/tree.toml: node kind: unknown section \"listings\" (one of: activity, authority, listing, definition, diligence)",
        ),
        (
            "class = \"LISTED\"",
            "class = \"LISTD\"",
            "content/tree.toml: node done: unknown outcome class \"LISTD\" (one of: LISTED, INTRA-EU-LICENCE,",
        ),
        (
            "entry_is = [\"annex-iv\"]",
            "entry_is = [\"annex-4\"]",
            "unknown entry trait \"annex-4\" (one of: annex-iv, eu007-excluded, cat5-part2)",
        ),
    ] {
        let e = errors(&TREE.replace(from, to), EN, None);
        assert!(e.contains(says), "{to}: {e}");
    }
    let sources = SOURCES.replace(
        "status = \"verified\", kind = \"law\"",
        "status = \"checked\", kind = \"rule\"",
    );
    let mut f = files(TREE, EN, None);
    if let Some((_, text)) = f.0.iter_mut().find(|(p, _)| p == "content/sources.toml") {
        *text = sources;
    }
    let e = errors_of(&f);
    assert!(e.contains("provision P: unknown verification status \"checked\" (one of: verified, secondary, unverified)"), "{e}");
    assert!(
        e.contains(
            "provision P: unknown kind \"rule\" (one of: law, entry, note, definition, guideline)"
        ),
        "{e}"
    );
}

#[test]
fn every_class_and_section_needs_its_name() {
    let e = errors(
        TREE,
        &EN.replace("CONSULT = \"Consult\"\n", "")
            .replace("diligence = \"Diligence\"\n", ""),
        None,
    );
    assert!(e.contains("class.CONSULT"), "{e}");
    assert!(e.contains("section.diligence"), "{e}");
}

#[test]
fn answer_names_of_one_character_are_refused() {
    let e = errors(
        &TREE.replace("answer = \"second\"", "answer = \"s\""),
        &EN.replace("second = \"Second\"", "s = \"Second\""),
        None,
    );
    assert!(
        e.contains("answer names have two characters or more"),
        "{e}"
    );
}

#[test]
fn each_language_gets_a_pack_of_its_texts_in_table_order() {
    let de = EN
        .replace("code = \"en\"", "code = \"de\"")
        .replace("name = \"English\"", "name = \"Deutsch\"")
        .replace("\"Ask?\"", "\"Fragen?\"");
    let out = compile(&files(TREE, EN, Some(&de))).expect("the fixture compiles");
    let codes: Vec<&str> = out.packs.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["en", "de"]);
    let (_, pack) = &out.packs[1];
    let mut lines = pack.splitn(5, '\n');
    assert_eq!(lines.next(), Some("cyberscreen-texts 1"));
    assert_eq!(lines.next(), Some("de"));
    assert_eq!(lines.next(), Some("2026.01.31-1"));
    let count: usize = lines.next().unwrap().parse().unwrap();
    let texts: Vec<&str> = lines.next().unwrap().split('\u{1f}').collect();
    assert_eq!(texts.len(), count);
    assert!(texts.contains(&"Fragen?") && texts.contains(&"Deutsch"));
    assert!(!texts.contains(&"Ask?"));
    // The texts are not compiled into the structure the browser build uses.
    assert!(!out.texts_rs.contains("Fragen?"));
    assert!(out.text_tables_rs.contains("Fragen?"));
}

#[test]
fn a_text_holding_the_packs_separator_is_refused() {
    let e = errors(TREE, &EN.replace("\"A note.\"", "\"A\\u001Fnote.\""), None);
    assert!(
        e.contains("content/text/en.toml: note.n holds the control character U+001F"),
        "{e}"
    );
}

#[test]
fn an_authoritys_contact_must_be_of_its_kind_and_name_its_source() {
    let contact = |kind: &str, value: &str, source: &str| {
        format!(
            "{AUTHORITIES}\n[[authority.contact]]\nkind = \"{kind}\"\nvalue = \"{value}\"\nstatus = \"verified\"\nsource = \"{source}\"\n"
        )
    };
    let compiled = |authorities: String| {
        let mut f = files(TREE, EN, None);
        f.0[2].1 = authorities;
        compile(&f).map(|_| ()).map_err(|e| e.join("\n"))
    };
    let source = "https://example.org/contact";
    for (kind, value) in [
        ("apply", "https://example.org/apply"),
        ("classification", "https://example.org/ask"),
        ("email", "export@example.org"),
        ("phone", "+49 30 1234 5678"),
    ] {
        assert_eq!(compiled(contact(kind, value, source)), Ok(()), "{kind}");
    }
    for (kind, value, wrong) in [
        ("apply", "http://example.org/apply", "is no apply contact"),
        (
            "classification",
            "https:///ask",
            "is no classification contact",
        ),
        (
            "email",
            "export@example.org?cc=x@y.org",
            "is no email contact",
        ),
        ("phone", "030 1234", "is no phone contact"),
        ("fax", "+49 30 1", "unknown contact kind"),
    ] {
        let errors = compiled(contact(kind, value, source)).unwrap_err();
        assert!(errors.contains(wrong), "{kind} {value}: {errors}");
    }
    let errors = compiled(contact("phone", "+49 30 1", "a friend")).unwrap_err();
    assert!(errors.contains("names no source address"), "{errors}");
}
