//! Turns the reviewable content under `content/` into static Rust tables.
//!
//! The tree, the provisions it cites, the authorities and every text live in
//! TOML files that a compliance officer can read. This script checks what can
//! be checked per reference (every target, citation and text exists; every
//! language has every text with the same placeholders) and fails the build
//! otherwise. Graph properties (reachability, cycles) are checked by
//! `rules::validate` in the test suite.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TreeFile {
    start: String,
    sections: Vec<String>,
    node: Vec<NodeSrc>,
    red_flag: Vec<RedFlagSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeSrc {
    id: String,
    kind: String,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    class: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    cites: Vec<String>,
    #[serde(default)]
    options: Vec<OptionSrc>,
    #[serde(default)]
    next: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionSrc {
    answer: String,
    next: String,
    #[serde(default)]
    cites: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RedFlagSrc {
    id: String,
    status: String,
    cites: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    document: Vec<DocumentSrc>,
    provision: Vec<ProvisionSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DocumentSrc {
    id: String,
    url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProvisionSrc {
    id: String,
    doc: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthoritiesFile {
    authority: Vec<AuthoritySrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AuthoritySrc {
    state: String,
    url: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionFile {
    content_version: String,
    digest: String,
}

/// The reference language: every key it has is a key of the tables.
const REFERENCE: &str = "en";

fn main() {
    // The content sits at the root of the repository, where reviewers find
    // it; paths below are relative to that root (they are part of the digest).
    let root =
        Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")).join("../..");
    println!("cargo:rerun-if-changed={}", root.join("content").display());
    std::env::set_current_dir(&root).expect("the repository root");
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");

    let mut digest_input = Vec::new();
    let tree: TreeFile = read_toml("content/tree.toml", &mut digest_input);
    let sources: SourcesFile = read_toml("content/sources.toml", &mut digest_input);
    let authorities: AuthoritiesFile = read_toml("content/authorities.toml", &mut digest_input);
    let langs = read_languages(&mut digest_input);
    let version: VersionFile = read_toml("content/version.toml", &mut Vec::new());

    let reference = &langs
        .iter()
        .find(|(code, _)| code == REFERENCE)
        .expect("content/text/en.toml is the reference language")
        .1;
    let keys: Vec<&String> = reference.keys().collect();
    let key_index: BTreeMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    check_languages(&langs, reference);

    let mut texts = TextRefs {
        index: &key_index,
        used: BTreeSet::new(),
    };
    let tree_rs = gen_tree(&tree, &sources, &authorities, &mut texts);
    let texts_rs = gen_texts(&langs, &keys, &texts.used);

    let digest = fnv1a(&digest_input);
    let meta = format!(
        "pub const CONTENT_VERSION: &str = {:?};\n\
         /// Digest of everything under `content/` as built.\n\
         pub const CONTENT_DIGEST: &str = \"{digest:016x}\";\n\
         /// Digest recorded beside the content version in `content/version.toml`.\n\
         pub const RECORDED_DIGEST: &str = {:?};\n",
        version.content_version, version.digest
    );
    fs::write(Path::new(&out).join("tree.rs"), meta + &tree_rs).expect("write tree.rs");
    fs::write(Path::new(&out).join("texts.rs"), texts_rs).expect("write texts.rs");
}

fn read_toml<T: for<'de> Deserialize<'de>>(path: &str, digest: &mut Vec<u8>) -> T {
    let raw = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    digest.extend_from_slice(path.as_bytes());
    digest.extend_from_slice(raw.as_bytes());
    toml::from_str(&raw).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every `content/text/<code>.toml`, flattened to dotted keys, sorted by code
/// with the reference language first.
fn read_languages(digest: &mut Vec<u8>) -> Vec<(String, BTreeMap<String, String>)> {
    let mut files: Vec<_> = fs::read_dir("content/text")
        .expect("content/text")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut langs: Vec<_> = files
        .iter()
        .map(|path| {
            let code = path.file_stem().unwrap().to_string_lossy().into_owned();
            let table: toml::Table = read_toml(&path.to_string_lossy(), digest);
            let mut flat = BTreeMap::new();
            flatten("", &toml::Value::Table(table), &mut flat, path);
            (code, flat)
        })
        .collect();
    langs.sort_by_key(|(code, _)| (code != REFERENCE, code.clone()));
    langs
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>, path: &Path) {
    match value {
        toml::Value::String(s) => {
            out.insert(prefix.to_owned(), s.trim_end().to_owned());
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out, path);
            }
        }
        _ => panic!("{}: {prefix} must be a string", path.display()),
    }
}

fn check_languages(
    langs: &[(String, BTreeMap<String, String>)],
    reference: &BTreeMap<String, String>,
) {
    for (code, table) in langs {
        for key in ["meta.name", "meta.code"] {
            assert!(
                table.contains_key(key),
                "content/text/{code}.toml lacks {key}"
            );
        }
        assert_eq!(
            table["meta.code"], *code,
            "content/text/{code}.toml: meta.code"
        );
        for (key, text) in reference {
            let theirs = table
                .get(key)
                .unwrap_or_else(|| panic!("content/text/{code}.toml lacks {key}"));
            assert!(
                !theirs.trim().is_empty(),
                "content/text/{code}.toml: {key} is empty"
            );
            if key.starts_with("meta.") {
                continue;
            }
            assert_eq!(
                placeholders(text),
                placeholders(theirs),
                "content/text/{code}.toml: {key} has other placeholders than {REFERENCE}"
            );
        }
        for key in table.keys() {
            assert!(
                reference.contains_key(key),
                "content/text/{code}.toml: {key} is not a key of {REFERENCE}"
            );
        }
    }
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

struct TextRefs<'a> {
    index: &'a BTreeMap<&'a str, usize>,
    used: BTreeSet<usize>,
}

impl TextRefs<'_> {
    fn required(&mut self, key: &str) -> String {
        self.optional(key)
            .unwrap_or_else(|| panic!("content/text/{REFERENCE}.toml lacks {key}"))
    }

    fn optional(&mut self, key: &str) -> Option<String> {
        let i = *self.index.get(key)?;
        self.used.insert(i);
        Some(format!("TextId({i})"))
    }

    fn optional_expr(&mut self, key: &str) -> String {
        match self.optional(key) {
            Some(id) => format!("Some({id})"),
            None => "None".into(),
        }
    }
}

fn gen_tree(
    tree: &TreeFile,
    sources: &SourcesFile,
    authorities: &AuthoritiesFile,
    texts: &mut TextRefs,
) -> String {
    let mut s = String::new();
    let node_index: BTreeMap<&str, usize> = tree
        .node
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    assert_eq!(
        node_index.len(),
        tree.node.len(),
        "content/tree.toml: duplicate node id"
    );
    let doc_index: BTreeMap<&str, usize> = sources
        .document
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let prov_index: BTreeMap<&str, usize> = sources
        .provision
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    assert_eq!(
        prov_index.len(),
        sources.provision.len(),
        "duplicate provision id"
    );

    let node = |id: &str, from: &str| -> String {
        let i = node_index
            .get(id)
            .unwrap_or_else(|| panic!("content/tree.toml: {from} leads to unknown node {id:?}"));
        format!("NodeId({i})")
    };
    let cites = |list: &[String], from: &str| -> String {
        let ids: Vec<String> = list
            .iter()
            .map(|c| {
                let i = prov_index
                    .get(c.as_str())
                    .unwrap_or_else(|| panic!("{from} cites unknown provision {c:?}"));
                format!("ProvisionId({i})")
            })
            .collect();
        format!("&[{}]", ids.join(", "))
    };

    writeln!(s, "pub static DOCUMENTS: &[Document] = &[").unwrap();
    for d in &sources.document {
        let title = texts.required(&format!("doc.{}.title", d.id));
        let version = texts.required(&format!("doc.{}.version", d.id));
        writeln!(
            s,
            "    Document {{ key: {:?}, url: {:?}, title: {title}, version: {version} }},",
            d.id, d.url
        )
        .unwrap();
    }
    writeln!(s, "];\n\npub static PROVISIONS: &[Provision] = &[").unwrap();
    for p in &sources.provision {
        let doc = doc_index
            .get(p.doc.as_str())
            .unwrap_or_else(|| panic!("provision {} names unknown document {}", p.id, p.doc));
        let label = texts.required(&format!("cite.{}", p.id));
        writeln!(
            s,
            "    Provision {{ token: {:?}, doc: DocId({doc}), status: {}, label: {label} }},",
            p.id,
            status(&p.status)
        )
        .unwrap();
    }
    writeln!(s, "];\n").unwrap();

    writeln!(s, "pub static NODES: &[Node] = &[").unwrap();
    for n in &tree.node {
        let from = format!("node {}", n.id);
        let prefix = format!("node.{}", n.text.as_deref().unwrap_or(&n.id));
        let title = texts.required(&format!("{prefix}.title"));
        let kind = match n.kind.as_str() {
            "question" => {
                assert!(
                    n.options.len() >= 2,
                    "{from}: a question needs two options or more"
                );
                let mut seen = BTreeSet::new();
                let opts: Vec<String> = n
                    .options
                    .iter()
                    .map(|o| {
                        assert!(seen.insert(&o.answer), "{from}: answer {} twice", o.answer);
                        let label = texts
                            .optional(&format!("{prefix}.options.{}", o.answer))
                            .unwrap_or_else(|| texts.required(&format!("answer.{}", o.answer)));
                        let hint = texts.optional_expr(&format!("{prefix}.options.{}_hint", o.answer));
                        format!(
                            "Opt {{ choice: Choice::{}, next: {}, cites: {}, label: {label}, hint: {hint} }}",
                            camel(&o.answer),
                            node(&o.next, &from),
                            cites(&o.cites, &from)
                        )
                    })
                    .collect();
                let section = n
                    .section
                    .as_deref()
                    .unwrap_or_else(|| panic!("{from}: a question needs a section"));
                assert!(
                    tree.sections.iter().any(|s| s == section),
                    "{from}: unknown section {section}"
                );
                format!(
                    "Kind::Question(Question {{ section: Section::{}, hint: {}, help: {}, falls_in: {}, falls_out: {}, options: &[\n            {},\n        ] }})",
                    camel(section),
                    texts.required(&format!("{prefix}.hint")),
                    texts.optional_expr(&format!("{prefix}.help")),
                    texts.optional_expr(&format!("{prefix}.falls_in")),
                    texts.optional_expr(&format!("{prefix}.falls_out")),
                    opts.join(",\n            ")
                )
            }
            "interruption" => {
                let next = n
                    .next
                    .as_deref()
                    .unwrap_or_else(|| panic!("{from}: needs next"));
                format!(
                    "Kind::Interruption {{ body: {}, next: {} }}",
                    texts.required(&format!("{prefix}.body")),
                    node(next, &from)
                )
            }
            "outcome" => {
                let class = n
                    .class
                    .as_deref()
                    .unwrap_or_else(|| panic!("{from}: needs class"));
                format!(
                    "Kind::Outcome(Outcome {{ class: {}, summary: {}, next_steps: {}, also: {} }})",
                    outcome_class(class),
                    texts.required(&format!("{prefix}.summary")),
                    texts.required(&format!("{prefix}.next_steps")),
                    texts.optional_expr(&format!("{prefix}.also")),
                )
            }
            other => panic!("{from}: unknown kind {other}"),
        };
        assert!(
            (n.kind == "question") != n.options.is_empty(),
            "{from}: only questions have options"
        );
        writeln!(
            s,
            "    Node {{ key: {:?}, title: {title}, cites: {}, kind: {kind} }},",
            n.id,
            cites(&n.cites, &from)
        )
        .unwrap();
    }
    writeln!(s, "];\n").unwrap();
    writeln!(
        s,
        "pub const START: NodeId = {};\n",
        node(&tree.start, "start")
    )
    .unwrap();

    writeln!(s, "pub static SECTIONS: &[(Section, TextId)] = &[").unwrap();
    for sec in &tree.sections {
        let t = texts.required(&format!("section.{sec}"));
        writeln!(s, "    (Section::{}, {t}),", camel(sec)).unwrap();
    }
    writeln!(s, "];\n\npub static RED_FLAGS: &[RedFlag] = &[").unwrap();
    for f in &tree.red_flag {
        let from = format!("red flag {}", f.id);
        writeln!(
            s,
            "    RedFlag {{ key: {:?}, text: {}, status: {}, cites: {} }},",
            f.id,
            texts.required(&format!("red_flag.{}", f.id)),
            status(&f.status),
            cites(&f.cites, &from)
        )
        .unwrap();
    }
    writeln!(s, "];\n\npub static AUTHORITIES: &[Authority] = &[").unwrap();
    let mut states = BTreeSet::new();
    for a in &authorities.authority {
        assert!(states.insert(&a.state), "authority {} twice", a.state);
        writeln!(
            s,
            "    Authority {{ state: {:?}, state_name: {}, name: {}, url: {:?}, status: {} }},",
            a.state,
            texts.required(&format!("state.{}", a.state)),
            texts.required(&format!("authority.{}", a.state)),
            a.url,
            status(&a.status)
        )
        .unwrap();
    }
    writeln!(s, "];").unwrap();
    s
}

fn status(s: &str) -> &'static str {
    match s {
        "verified" => "Status::Verified",
        "secondary" => "Status::Secondary",
        "unverified" => "Status::Unverified",
        other => panic!("unknown verification status {other}"),
    }
}

fn outcome_class(s: &str) -> &'static str {
    match s {
        "LISTED" => "OutcomeClass::Listed",
        "ART5-LICENCE" => "OutcomeClass::Art5Licence",
        "ART5-NOTIFY" => "OutcomeClass::Art5Notify",
        "ART5-DUE-DILIGENCE" => "OutcomeClass::Art5DueDiligence",
        "NOT-CSI" => "OutcomeClass::NotCsi",
        "CONSULT" => "OutcomeClass::Consult",
        "OUT-OF-SCOPE-ACTIVITY" => "OutcomeClass::OutOfScopeActivity",
        other => panic!("unknown outcome class {other}"),
    }
}

fn camel(s: &str) -> String {
    s.split(['_', '-'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn gen_texts(
    langs: &[(String, BTreeMap<String, String>)],
    keys: &[&String],
    used_by_content: &BTreeSet<usize>,
) -> String {
    let mut s = String::new();
    writeln!(s, "pub const COUNT: usize = {};\n", keys.len()).unwrap();
    writeln!(
        s,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Lang {{"
    )
    .unwrap();
    for (code, _) in langs {
        writeln!(s, "    {},", camel(code)).unwrap();
    }
    writeln!(s, "}}\n\nimpl Lang {{\n    pub const ALL: &[Lang] = &[").unwrap();
    for (code, _) in langs {
        writeln!(s, "        Lang::{},", camel(code)).unwrap();
    }
    writeln!(
        s,
        "    ];\n\n    pub fn code(self) -> &'static str {{\n        match self {{"
    )
    .unwrap();
    for (code, _) in langs {
        writeln!(s, "            Lang::{} => {code:?},", camel(code)).unwrap();
    }
    // One string per language with the end of each text, rather than a
    // table of string slices: a third of the bytes, and no pointer per text.
    writeln!(s, "        }}\n    }}\n\n    fn table(self) -> (&'static str, &'static [u32; COUNT]) {{\n        match self {{").unwrap();
    for (code, _) in langs {
        let upper = code.to_uppercase();
        writeln!(
            s,
            "            Lang::{} => ({upper}, &{upper}_ENDS),",
            camel(code)
        )
        .unwrap();
    }
    writeln!(s, "        }}\n    }}\n}}\n").unwrap();
    for (code, table) in langs {
        let upper = code.to_uppercase();
        let mut all = String::new();
        let mut ends = Vec::with_capacity(keys.len());
        for k in keys {
            all.push_str(&table[k.as_str()]);
            ends.push(u32::try_from(all.len()).expect("texts of one language under 4 GiB"));
        }
        writeln!(s, "static {upper}: &str = {all:?};\n").unwrap();
        writeln!(s, "static {upper}_ENDS: [u32; COUNT] = {ends:?};\n").unwrap();
    }
    writeln!(s, "/// Every key, in table order (for checks and tooling).\npub static KEYS: [&str; COUNT] = [").unwrap();
    for k in keys {
        writeln!(s, "    {k:?},").unwrap();
    }
    writeln!(s, "];\n").unwrap();
    writeln!(
        s,
        "/// Keys that the content tables (tree, sources, authorities) refer to.\npub static CONTENT_KEYS: &[usize] = &{:?};\n",
        used_by_content.iter().collect::<Vec<_>>()
    )
    .unwrap();
    // Names for the texts the interface uses directly: `ui.start.heading`
    // becomes `ui::START_HEADING`, and `meta.name` becomes `meta::NAME`.
    for module in ["ui", "meta", "answer", "class"] {
        writeln!(s, "pub mod {module} {{\n    use super::TextId;").unwrap();
        for (i, k) in keys.iter().enumerate() {
            if let Some(rest) = k.strip_prefix(&format!("{module}.")) {
                let name = rest.replace(['.', '-'], "_").to_uppercase();
                writeln!(s, "    pub const {name}: TextId = TextId({i});").unwrap();
            }
        }
        writeln!(s, "}}\n").unwrap();
    }
    s
}

/// FNV-1a, 64 bit: enough to notice that the content changed.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
