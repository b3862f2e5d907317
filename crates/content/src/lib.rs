//! The content compiler: turns the reviewable content under `content/` into
//! the static Rust tables that `cyberscreen-core` is built with.
//!
//! The tree, the provisions it cites, the authorities and every text live in
//! TOML files that a compliance officer can read. The compiler checks what
//! can be checked per reference and fails otherwise: every target, citation,
//! mark and text exists; every language has every text with the same
//! placeholders; `continue` is only used inside the items of a checklist;
//! junctions end in a route without tests. Properties of whole paths
//! (reachability, cycles, what every path ends in) are checked by
//! `rules::validate` in the core's tests.

mod source;
pub mod statement;
// The closed sets the core's code is written against (classes, statuses,
// sections, kinds, traits): one definition, read here for their words. The
// core uses more of it than the compiler does.
#[allow(dead_code)]
#[path = "../../core/src/rules/vocab.rs"]
mod vocab;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use source::*;
use vocab::*;

/// The reference language: every key it has is a key of the tables.
pub const REFERENCE: &str = "en";

/// The content, as files: each path (relative to the repository root, as in
/// `content/tree.toml`) with its text.
#[derive(Clone, Debug, Default)]
pub struct Files(pub Vec<(String, String)>);

impl Files {
    /// Every file under `root/content` that the compiler reads.
    pub fn read(root: &Path) -> std::io::Result<Files> {
        let mut files = Vec::new();
        for name in [
            "tree.toml",
            "sources.toml",
            "authorities.toml",
            "version.toml",
        ] {
            let path = format!("content/{name}");
            files.push((path.clone(), std::fs::read_to_string(root.join(&path))?));
        }
        files.extend(Self::each_in(root, "content/text", "toml")?);
        files.extend(Self::each_in(root, "content/accessibility", "md")?);
        Ok(Files(files))
    }

    /// Every `*.ext` file in `root/dir`, by name, as `(dir/name, text)`.
    fn each_in(root: &Path, dir: &str, ext: &str) -> std::io::Result<Vec<(String, String)>> {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap_or_default().to_string_lossy();
                Ok((format!("{dir}/{name}"), std::fs::read_to_string(&p)?))
            })
            .collect()
    }

    fn get(&self, path: &str) -> Result<&str, String> {
        self.0
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, t)| t.as_str())
            .ok_or_else(|| format!("{path}: missing"))
    }
}

/// What the compiler writes: `tree.rs` (the tree, sources, authorities and
/// the content version), `texts.rs` (the languages and the names of the
/// texts), `text_tables.rs` (every language's texts, for native builds) and
/// one language pack per language (`(code, pack)`), which the browser loads.
#[derive(Clone, Debug)]
pub struct Output {
    pub tree_rs: String,
    pub texts_rs: String,
    pub text_tables_rs: String,
    pub packs: Vec<(String, String)>,
    /// Each language's accessibility statement, for its page.
    pub statements: Vec<(String, statement::Statement)>,
}

/// Compiles the content, or says everything that is wrong with it.
pub fn compile(files: &Files) -> Result<Output, Vec<String>> {
    let mut errors = Errors::default();
    let parsed = parse(files).map_err(|e| vec![e])?;
    let langs = &parsed.langs;
    let Some(reference) = langs.iter().find(|(c, _)| c == REFERENCE).map(|(_, t)| t) else {
        return Err(vec![format!(
            "content/text/{REFERENCE}.toml: the reference language is missing"
        )]);
    };
    check_languages(langs, reference, &mut errors);
    check_steps(langs, &mut errors);
    let statements = statements(files, langs, &mut errors);
    let keys: Vec<&String> = reference.keys().collect();
    let index: BTreeMap<&str, usize> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let mut texts = TextRefs {
        index: &index,
        used: BTreeSet::new(),
        errors: &mut errors,
    };
    let tree_rs = Generator::new(&parsed, &mut texts).run();
    let used = std::mem::take(&mut texts.used);
    let released = match release_day(&parsed.version.content_version) {
        Some([year, month, day]) => format!(
            "/// The day of this content's release, from its version.\n\
             pub const CONTENT_UPDATED: crate::text::Day = crate::text::Day {{ year: {year}, month: {month}, day: {day} }};\n"
        ),
        None => {
            errors.push(format!(
                "content/version.toml: content_version {:?} is not of the form YYYY.MM.DD-N (the day of the release, then its number that day)",
                parsed.version.content_version
            ));
            String::new()
        }
    };
    errors.into_result()?;
    let digest = fnv1a(&parsed.digest_input);
    let meta = format!(
        "{released}pub const CONTENT_VERSION: &str = {:?};\n\
         /// Digest of everything under `content/` as built.\n\
         pub const CONTENT_DIGEST: &str = \"{digest:016x}\";\n\
         /// Digest recorded beside the content version in `content/version.toml`.\n\
         pub const RECORDED_DIGEST: &str = {:?};\n",
        parsed.version.content_version, parsed.version.digest
    );
    let states: Vec<&str> = parsed
        .authorities
        .authority
        .iter()
        .map(|a| a.state.as_str())
        .collect();
    let (texts_rs, text_tables_rs) = gen_texts(langs, &keys, &used, &states);
    let packs = langs
        .iter()
        .map(|(code, table)| {
            let texts: Vec<&str> = keys
                .iter()
                .map(|k| table.get(k.as_str()).map_or("", String::as_str))
                .collect();
            (
                code.clone(),
                pack(code, &parsed.version.content_version, &texts),
            )
        })
        .collect();
    Ok(Output {
        tree_rs: meta + &tree_rs,
        texts_rs,
        text_tables_rs,
        packs,
        statements,
    })
}

/// The day a content version names, as `[year, month, day]`: versions are
/// `YYYY.MM.DD-N`.
fn release_day(version: &str) -> Option<[u32; 3]> {
    let (date, number) = version.split_once('-')?;
    number.parse::<u32>().ok()?;
    let mut parts = date.split('.');
    let mut next = |len: usize| {
        let p = parts
            .next()
            .filter(|p| p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))?;
        p.parse::<u32>().ok()
    };
    let day = [next(4)?, next(2)?, next(2)?];
    (parts.next().is_none() && (1..=12).contains(&day[1]) && (1..=31).contains(&day[2]))
        .then_some(day)
}

/// Each language's accessibility statement, rendered: one for every
/// language of the texts, and none for a language without them.
fn statements(
    files: &Files,
    langs: &[(String, BTreeMap<String, String>)],
    errors: &mut Errors,
) -> Vec<(String, statement::Statement)> {
    const DIR: &str = "content/accessibility/";
    let mut out = Vec::new();
    for (code, _) in langs {
        let path = format!("{DIR}{code}.md");
        match files.get(&path) {
            Ok(text) => match statement::render(&path, text) {
                Ok(s) => out.push((code.clone(), s)),
                Err(found) => found.into_iter().for_each(|e| errors.push(e)),
            },
            Err(_) => errors.push(format!(
                "{path}: missing: every language of content/text/ has its accessibility statement"
            )),
        }
    }
    for (path, _) in &files.0 {
        let Some(code) = path.strip_prefix(DIR).and_then(|n| n.strip_suffix(".md")) else {
            continue;
        };
        if !langs.iter().any(|(c, _)| c == code) {
            errors.push(format!(
                "{path}: a statement in a language that content/text/ does not have"
            ));
        }
    }
    out
}

#[derive(Default)]
struct Errors(Vec<String>);

impl Errors {
    fn push(&mut self, e: String) {
        self.0.push(e);
    }

    fn into_result(self) -> Result<(), Vec<String>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

struct Parsed {
    tree: TreeFile,
    sources: SourcesFile,
    authorities: AuthoritiesFile,
    version: VersionFile,
    langs: Vec<(String, BTreeMap<String, String>)>,
    digest_input: Vec<u8>,
}

fn parse(files: &Files) -> Result<Parsed, String> {
    let mut digest_input = Vec::new();
    let mut read = |path: &str, digest: bool| -> Result<String, String> {
        let text = files.get(path)?;
        if digest {
            digest_input.extend_from_slice(path.as_bytes());
            digest_input.extend_from_slice(text.as_bytes());
        }
        Ok(text.to_owned())
    };
    fn de<T: for<'de> serde::Deserialize<'de>>(path: &str, text: &str) -> Result<T, String> {
        toml::from_str(text).map_err(|e| format!("{path}: {e}"))
    }
    let tree = de("content/tree.toml", &read("content/tree.toml", true)?)?;
    let sources = de("content/sources.toml", &read("content/sources.toml", true)?)?;
    let authorities = de(
        "content/authorities.toml",
        &read("content/authorities.toml", true)?,
    )?;
    let mut langs = Vec::new();
    let mut text_files: Vec<&(String, String)> = files
        .0
        .iter()
        .filter(|(p, _)| p.starts_with("content/text/"))
        .collect();
    text_files.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, _) in text_files {
        let text = read(path, true)?;
        let code = path
            .trim_start_matches("content/text/")
            .trim_end_matches(".toml")
            .to_owned();
        let table: toml::Table = de(path, &text)?;
        let mut flat = BTreeMap::new();
        flatten("", &toml::Value::Table(table), &mut flat, path)?;
        langs.push((code, flat));
    }
    langs.sort_by_key(|(code, _)| (code != REFERENCE, code.clone()));
    // The statements are rendered later; here they only count for the digest.
    for (path, _) in files
        .0
        .iter()
        .filter(|(p, _)| p.starts_with("content/accessibility/"))
    {
        read(path, true)?;
    }
    let version = de(
        "content/version.toml",
        &read("content/version.toml", false)?,
    )?;
    Ok(Parsed {
        tree,
        sources,
        authorities,
        version,
        langs,
        digest_input,
    })
}

fn flatten(
    prefix: &str,
    value: &toml::Value,
    out: &mut BTreeMap<String, String>,
    path: &str,
) -> Result<(), String> {
    match value {
        // A multi-line text ends in a line break, which is not part of it;
        // spaces are (a list separator such as "; " ends in one).
        toml::Value::String(s) => {
            out.insert(prefix.to_owned(), s.trim_end_matches('\n').to_owned());
            Ok(())
        }
        toml::Value::Table(t) => t.iter().try_for_each(|(k, v)| {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            flatten(&key, v, out, path)
        }),
        _ => Err(format!("{path}: {prefix} must be a string")),
    }
}

fn check_languages(
    langs: &[(String, BTreeMap<String, String>)],
    reference: &BTreeMap<String, String>,
    errors: &mut Errors,
) {
    for (code, table) in langs {
        let file = format!("content/text/{code}.toml");
        for key in ["meta.name", "meta.code"] {
            if !table.contains_key(key) {
                errors.push(format!("{file} lacks {key}"));
            }
        }
        if table.get("meta.code").is_some_and(|c| c != code) {
            errors.push(format!("{file}: meta.code is not {code:?}"));
        }
        for (key, text) in reference {
            match table.get(key) {
                None => errors.push(format!("{file} lacks {key}")),
                Some(theirs) if theirs.trim().is_empty() => {
                    errors.push(format!("{file}: {key} is empty"))
                }
                Some(theirs)
                    if !key.starts_with("meta.") && placeholders(text) != placeholders(theirs) =>
                {
                    errors.push(format!(
                        "{file}: {key} has other placeholders than {REFERENCE}"
                    ))
                }
                Some(_) => {}
            }
        }
        for (key, text) in table {
            if text.contains(PACK_SEPARATOR) {
                errors.push(format!("{file}: {key} holds the control character U+001F"));
            }
        }
        for key in table.keys().filter(|k| !reference.contains_key(*k)) {
            errors.push(format!("{file}: {key} is not a key of {REFERENCE}"));
        }
    }
}

/// A key that sorts names as a dictionary of their language does: letters
/// with accents or umlauts beside their base letter, case ignored (DIN
/// 5007-1 for German, the usual order for French).
fn collation_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' | 'č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'š' => out.push('s'),
            'ž' => out.push('z'),
            'ß' => out.push_str("ss"),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            c => out.push(c),
        }
    }
    out
}

/// An outcome says what to do in at most this many steps: more would not
/// be read first.
const MAX_STEPS: usize = 3;

/// Each outcome's `next_steps` is a list of one to three "- " items, with as
/// many items in every language.
fn check_steps(langs: &[(String, BTreeMap<String, String>)], errors: &mut Errors) {
    let count = |text: &str| text.lines().filter(|l| l.starts_with("- ")).count();
    let Some((_, reference)) = langs.iter().find(|(c, _)| c == REFERENCE) else {
        return;
    };
    for (code, table) in langs {
        let file = format!("content/text/{code}.toml");
        for (key, text) in table {
            if !(key.starts_with("node.") && key.ends_with(".next_steps")) {
                continue;
            }
            let n = count(text);
            if n == 0 || n > MAX_STEPS || text.lines().any(|l| !l.starts_with("- ")) {
                errors.push(format!(
                    "{file}: {key} must be a list of 1 to {MAX_STEPS} steps, each a line starting with \"- \" (it has {n})"
                ));
            } else if reference.get(key).is_some_and(|r| count(r) != n) {
                errors.push(format!(
                    "{file}: {key} lists {n} step(s), content/text/{REFERENCE}.toml {}",
                    count(&reference[key])
                ));
            }
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
    errors: &'a mut Errors,
}

impl TextRefs<'_> {
    fn required(&mut self, key: &str) -> String {
        self.optional(key).unwrap_or_else(|| {
            self.errors
                .push(format!("content/text/{REFERENCE}.toml lacks {key}"));
            "TextId(0)".into()
        })
    }

    fn optional(&mut self, key: &str) -> Option<String> {
        let i = *self.index.get(key)?;
        self.used.insert(i);
        Some(format!("TextId({i})"))
    }

    fn optional_expr(&mut self, key: &str) -> String {
        self.optional(key)
            .map_or_else(|| "None".into(), |id| format!("Some({id})"))
    }
}

/// The word for "the checklist's next item", as written in the tree.
const CONTINUE: &str = "continue";

struct Generator<'a, 'b> {
    p: &'a Parsed,
    texts: &'a mut TextRefs<'b>,
    nodes: BTreeMap<&'a str, usize>,
    provisions: BTreeMap<&'a str, usize>,
    marks: BTreeMap<&'a str, usize>,
    choices: Vec<&'a str>,
    /// (label, words) of the answers that name other words to be found by.
    words: Vec<String>,
    out: String,
}

impl<'a, 'b> Generator<'a, 'b> {
    fn new(p: &'a Parsed, texts: &'a mut TextRefs<'b>) -> Self {
        let mut g = Generator {
            p,
            texts,
            nodes: BTreeMap::new(),
            provisions: BTreeMap::new(),
            marks: BTreeMap::new(),
            choices: Vec::new(),
            words: Vec::new(),
            out: String::new(),
        };
        for (i, n) in p.tree.node.iter().enumerate() {
            if g.nodes.insert(&n.id, i).is_some() {
                g.err(format!("content/tree.toml: node {} twice", n.id));
            }
        }
        for (i, pr) in p.sources.provision.iter().enumerate() {
            if g.provisions.insert(&pr.id, i).is_some() {
                g.err(format!("content/sources.toml: provision {} twice", pr.id));
            }
        }
        if p.tree.mark.len() > 32 {
            g.err("content/tree.toml: at most 32 marks".into());
        }
        for (i, m) in p.tree.mark.iter().enumerate() {
            if g.marks.insert(&m.id, i).is_some() {
                g.err(format!("content/tree.toml: mark {} twice", m.id));
            }
        }
        let mut choices = BTreeSet::new();
        for n in &p.tree.node {
            for o in n.options.iter().chain(&n.exclusive) {
                choices.insert(o.answer.as_str());
            }
        }
        // One character is how the first link format wrote an answer.
        for c in choices.iter().filter(|c| c.chars().count() < 2) {
            g.texts.errors.push(format!(
                "content/tree.toml: answer {c:?}: answer names have two characters or more"
            ));
        }
        g.choices = choices.into_iter().collect();
        g
    }

    fn err(&mut self, e: String) {
        self.texts.errors.push(e);
    }

    /// The member of a closed set that `word` names, or an error that names
    /// the words the set knows.
    fn member<T: Copy>(
        &mut self,
        all: &[T],
        code: fn(T) -> &'static str,
        what: &str,
        word: &str,
        from: &str,
    ) -> Option<T> {
        let found = all.iter().copied().find(|m| code(*m) == word);
        if found.is_none() {
            let known: Vec<&str> = all.iter().map(|m| code(*m)).collect();
            self.err(format!(
                "{from}: unknown {what} {word:?} (one of: {})",
                known.join(", ")
            ));
        }
        found
    }

    fn run(mut self) -> String {
        self.documents_and_provisions();
        self.marks_and_choices();
        self.nodes_table();
        self.labels_and_authorities();
        self.out
    }

    fn node_ref(&mut self, id: &str, from: &str) -> String {
        match self.nodes.get(id) {
            Some(i) => format!("NodeId({i})"),
            None => {
                self.err(format!(
                    "content/tree.toml: {from} leads to unknown node {id:?}"
                ));
                "NodeId(0)".into()
            }
        }
    }

    fn target(&mut self, id: &str, from: &str) -> String {
        if id == CONTINUE {
            "Target::Continue".into()
        } else {
            format!("Target::Node({})", self.node_ref(id, from))
        }
    }

    fn cites(&mut self, list: &[String], from: &str) -> String {
        let ids: Vec<String> = list
            .iter()
            .map(|c| match self.provisions.get(c.as_str()) {
                Some(i) => format!("ProvisionId({i})"),
                None => {
                    self.err(format!("{from} cites unknown provision {c:?}"));
                    "ProvisionId(0)".into()
                }
            })
            .collect();
        format!("&[{}]", ids.join(", "))
    }

    fn mark_bits(&mut self, list: &[String], from: &str) -> String {
        let mut bits = 0u32;
        for m in list {
            match self.marks.get(m.as_str()) {
                Some(i) => bits |= 1 << i,
                None => self.err(format!("{from}: unknown mark {m:?}")),
            }
        }
        format!("Marks({bits:#x})")
    }

    fn mark_id(&mut self, m: &str, from: &str) -> String {
        match self.marks.get(m) {
            Some(i) => format!("MarkId({i})"),
            None => {
                self.err(format!("{from}: unknown mark {m:?}"));
                "MarkId(0)".into()
            }
        }
    }

    fn traits(&mut self, list: &[String], from: &str) -> String {
        let mut bits = 0u8;
        for t in list {
            if let Some(t) = self.member(EntryTrait::ALL, EntryTrait::code, "entry trait", t, from)
            {
                bits |= 1 << t as u8;
            }
        }
        format!("EntryTraits({bits})")
    }

    /// `["mark", "!mark", "entry.trait", "!entry.trait"]`, all of which must hold.
    fn tests(&mut self, list: &[String], from: &str) -> String {
        let tests: Vec<String> = list
            .iter()
            .map(|t| {
                let (negated, atom) = match t.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, t.as_str()),
                };
                let atom = match atom.strip_prefix("entry.") {
                    Some(name) => format!("Atom::Entry({})", self.traits(&[name.to_owned()], from)),
                    None => format!("Atom::Mark({})", self.mark_id(atom, from)),
                };
                format!("Test {{ atom: {atom}, negated: {negated} }}")
            })
            .collect();
        format!("&[{}]", tests.join(", "))
    }

    /// The kind of a route, if its value is one of that kind: a web address
    /// with a host, an e-mail address, or a phone number in international form.
    fn contact_kind(&mut self, r: &source::ContactSrc, from: &str) -> Option<ContactKind> {
        let web = |v: &str| {
            v.strip_prefix("https://").is_some_and(|rest| {
                rest.split('/')
                    .next()
                    .is_some_and(|host| host.contains('.'))
            })
        };
        let kind = self.member(
            ContactKind::ALL,
            ContactKind::code,
            "contact kind",
            &r.kind,
            from,
        )?;
        let fits = match kind {
            ContactKind::Apply | ContactKind::Classification => web(&r.value),
            ContactKind::Email => r.value.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty()
                    && domain.contains('.')
                    && r.value
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "@._+-".contains(c))
            }),
            ContactKind::Phone => {
                r.value.starts_with('+')
                    && r.value[1..].chars().all(|c| c.is_ascii_digit() || c == ' ')
            }
        };
        if !fits {
            self.err(format!("{from}: {:?} is no {} contact", r.value, r.kind));
        }
        if !r.source.starts_with("https://") && !r.source.starts_with("http://") {
            self.err(format!(
                "{from}: contact {} names no source address",
                r.kind
            ));
        }
        Some(kind)
    }

    /// A verification status, as Rust; an unknown one is an error.
    fn status(&mut self, s: &str, from: &str) -> String {
        let status = self.member(Status::ALL, Status::code, "verification status", s, from);
        format!("Status::{:?}", status.unwrap_or(Status::Unverified))
    }

    fn documents_and_provisions(&mut self) {
        let p = self.p;
        let docs: BTreeMap<&str, usize> = p
            .sources
            .document
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut s = String::from("pub static DOCUMENTS: &[Document] = &[\n");
        for d in &p.sources.document {
            let title = self.texts.required(&format!("doc.{}.title", d.id));
            let version = self.texts.required(&format!("doc.{}.version", d.id));
            let _ = writeln!(
                s,
                "    Document {{ key: {:?}, url: {:?}, title: {title}, version: {version} }},",
                d.id, d.url
            );
        }
        s.push_str("];\n\npub static PROVISIONS: &[Provision] = &[\n");
        for pr in &p.sources.provision {
            let from = format!("content/sources.toml: provision {}", pr.id);
            let doc = docs.get(pr.doc.as_str()).copied().unwrap_or_else(|| {
                self.err(format!("{from} names unknown document {}", pr.doc));
                0
            });
            let kind = self
                .member(
                    ProvisionKind::ALL,
                    ProvisionKind::code,
                    "kind",
                    &pr.kind,
                    &from,
                )
                .unwrap_or(ProvisionKind::Law);
            if kind != ProvisionKind::Note && !pr.applies_to.is_empty() {
                self.err(format!("{from}: only notes apply to entries"));
            }
            let applies_to = self.cites(&pr.applies_to, &from);
            let label = self.texts.required(&format!("cite.{}", pr.id));
            let status = self.status(&pr.status, &from);
            let _ = writeln!(
                s,
                "    Provision {{ token: {:?}, doc: DocId({doc}), status: {status}, kind: ProvisionKind::{kind:?}, applies_to: {applies_to}, label: {label} }},",
                pr.id
            );
        }
        s.push_str("];\n\n");
        self.out.push_str(&s);
    }

    fn marks_and_choices(&mut self) {
        let mut s = String::from("pub static MARKS: &[MarkInfo] = &[\n");
        for m in &self.p.tree.mark {
            let _ = writeln!(
                s,
                "    MarkInfo {{ key: {:?}, about: {:?} }},",
                m.id,
                m.about.trim()
            );
        }
        s.push_str("];\n\n/// Every answer's name, in the order of `Choice` ids.\npub static CHOICES: &[&str] = &[\n");
        for c in &self.choices {
            let _ = writeln!(s, "    {c:?},");
        }
        s.push_str(
            "];\n\n/// The answers the code names.\npub mod choice {\n    use super::Choice;\n",
        );
        for (i, c) in self.choices.iter().enumerate() {
            let _ = writeln!(
                s,
                "    pub const {}: Choice = Choice({i});",
                c.replace('-', "_").to_uppercase()
            );
        }
        s.push_str("}\n\n");
        self.out.push_str(&s);
    }

    fn opt(&mut self, o: &OptionSrc, prefix: &str, from: &str, item: bool) -> String {
        let from = format!("{from}, answer {}", o.answer);
        let choice = self
            .choices
            .iter()
            .position(|c| *c == o.answer)
            .unwrap_or(0);
        let label = self
            .texts
            .optional(&format!("{prefix}.options.{}", o.answer))
            .unwrap_or_else(|| self.texts.required(&format!("answer.{}", o.answer)));
        let hint = self
            .texts
            .optional_expr(&format!("{prefix}.options.{}_hint", o.answer));
        // Kept beside the tree rather than in every answer: few have them.
        if let Some(words) = self
            .texts
            .optional(&format!("{prefix}.options.{}_words", o.answer))
        {
            self.words.push(format!("({label}, {words})"));
        }
        let next = match (&o.next, item) {
            (Some(n), _) => self.target(n, &from),
            (None, true) => "Target::Continue".into(),
            (None, false) => {
                self.err(format!("content/tree.toml: {from} needs next"));
                "Target::Continue".into()
            }
        };
        let open = match (&o.open, &o.open_if) {
            (_, Some(m)) => format!("Open::If({})", self.mark_id(m, &from)),
            (Some(true), None) => "Open::Always".into(),
            (Some(false), None) => "Open::Never".into(),
            (None, None) if o.answer == "not_sure" => "Open::Always".into(),
            (None, None) => "Open::Never".into(),
        };
        let entry = match &o.entry {
            Some(e) => {
                let prov = self.cites(std::slice::from_ref(e), &from);
                let is_entry = self
                    .provisions
                    .get(e.as_str())
                    .is_some_and(|i| self.p.sources.provision[*i].kind == "entry");
                if !is_entry {
                    self.err(format!(
                        "content/tree.toml: {from}: {e} is not an Annex I entry"
                    ));
                }
                let traits = self.traits(&o.entry_is, &from);
                format!(
                    "Some(Entry {{ provision: {}, traits: {traits} }})",
                    &prov[2..prov.len() - 1]
                )
            }
            None if !o.entry_is.is_empty() => {
                self.err(format!("content/tree.toml: {from}: entry_is without entry"));
                "None".into()
            }
            None => "None".into(),
        };
        let status = match &o.status {
            Some(st) => format!("Some({})", self.status(st, &from)),
            None => "None".into(),
        };
        format!(
            "Opt {{ choice: Choice({choice}), next: {next}, cites: {}, marks: {}, open: {open}, entry: {entry}, all: {}, status: {status}, label: {label}, hint: {hint} }}",
            self.cites(&o.cites, &from),
            self.mark_bits(&o.marks, &from),
            o.all,
        )
    }

    fn ask(&mut self, n: &NodeSrc, prefix: &str, from: &str) -> String {
        let section = n.section.as_deref().unwrap_or_else(|| {
            self.texts
                .errors
                .push(format!("content/tree.toml: {from} needs a section"));
            ""
        });
        let section = self
            .member(
                Section::ALL,
                Section::code,
                "section",
                section,
                &format!("content/tree.toml: {from}"),
            )
            .unwrap_or(Section::Activity);
        format!(
            "Ask {{ section: Section::{:?}, hint: {}, criteria: {}, help: {}, falls_in: {}, falls_out: {}, point: {} }}",
            section,
            self.texts.required(&format!("{prefix}.hint")),
            self.texts.optional_expr(&format!("{prefix}.criteria")),
            self.texts.optional_expr(&format!("{prefix}.help")),
            self.texts.optional_expr(&format!("{prefix}.falls_in")),
            self.texts.optional_expr(&format!("{prefix}.falls_out")),
            self.texts.optional_expr(&format!("{prefix}.point")),
        )
    }

    fn nodes_table(&mut self) {
        let p = self.p;
        let mut s = String::from("pub static NODES: &[Node] = &[\n");
        for n in &p.tree.node {
            let from = format!("node {}", n.id);
            let prefix = format!("node.{}", n.text.as_deref().unwrap_or(&n.id));
            let kind = self.kind(n, &prefix, &from);
            let title = if n.kind == "junction" {
                "TextId(0)".to_owned()
            } else {
                self.texts.required(&format!("{prefix}.title"))
            };
            let cites = self.cites(&n.cites, &from);
            let _ = writeln!(
                s,
                "    Node {{ key: {:?}, title: {title}, cites: {cites}, kind: {kind} }},",
                n.id
            );
        }
        s.push_str("];\n\n");
        let start = self.node_ref(&p.tree.start, "start");
        let _ = writeln!(s, "pub const START: NodeId = {start};\n");
        let _ = writeln!(
            s,
            "/// Other names an answer, known by its label, is found by in a search.\npub static SEARCH_WORDS: &[(TextId, TextId)] = &[{}];\n",
            self.words.join(", ")
        );
        s.push_str(&self.loops());
        self.out.push_str(&s);
    }

    fn only(&mut self, n: &NodeSrc, from: &str, fields: &[&str]) {
        let present = [
            ("options", !n.options.is_empty()),
            ("exclusive", !n.exclusive.is_empty()),
            ("routes", !n.routes.is_empty()),
            ("notes", !n.notes.is_empty()),
            ("next", n.next.is_some()),
            ("then", n.then.is_some()),
            ("class", n.class.is_some()),
            ("marks", !n.marks.is_empty()),
            ("open_marks", !n.open_marks.is_empty()),
            ("names_entry", n.names_entry),
            ("section", n.section.is_some()),
        ];
        for (name, here) in present {
            if here && !fields.contains(&name) {
                self.err(format!(
                    "content/tree.toml: {from}: a {} has no {name}",
                    n.kind
                ));
            }
        }
    }

    fn kind(&mut self, n: &NodeSrc, prefix: &str, from: &str) -> String {
        match n.kind.as_str() {
            "question" => {
                self.only(n, from, &["options", "section"]);
                if n.options.len() < 2 {
                    self.err(format!(
                        "content/tree.toml: {from}: a question needs two options or more"
                    ));
                }
                self.once(n, from);
                let opts: Vec<String> = n
                    .options
                    .iter()
                    .map(|o| self.opt(o, prefix, from, false))
                    .collect();
                format!(
                    "Kind::Question(Question {{ ask: {}, options: &[\n            {},\n        ] }})",
                    self.ask(n, prefix, from),
                    opts.join(",\n            ")
                )
            }
            "checklist" => {
                self.only(
                    n,
                    from,
                    &["options", "exclusive", "then", "marks", "section"],
                );
                if n.options.is_empty() || n.options.len() > 32 {
                    self.err(format!(
                        "content/tree.toml: {from}: a checklist has 1 to 32 items"
                    ));
                }
                if n.exclusive.is_empty() {
                    self.err(format!("content/tree.toml: {from}: a checklist needs an exclusive answer such as \"none\""));
                }
                self.once(n, from);
                for o in n
                    .exclusive
                    .iter()
                    .filter(|o| o.next.as_deref() == Some(CONTINUE))
                {
                    self.err(format!("content/tree.toml: {from}, answer {}: an exclusive answer does not continue", o.answer));
                }
                let items: Vec<String> = n
                    .options
                    .iter()
                    .map(|o| self.opt(o, prefix, from, true))
                    .collect();
                let exclusive: Vec<String> = n
                    .exclusive
                    .iter()
                    .map(|o| {
                        // An exclusive answer without its own next goes where
                        // the checklist goes after its items.
                        let o = OptionSrc {
                            next: o.next.clone().or_else(|| Some(CONTINUE.to_owned())),
                            ..o.clone()
                        };
                        self.opt(&o, prefix, from, true)
                    })
                    .collect();
                let then = match &n.then {
                    Some(t) => self.node_ref(t, from),
                    None => {
                        self.err(format!("content/tree.toml: {from}: a checklist needs then"));
                        "NodeId(0)".into()
                    }
                };
                format!(
                    "Kind::Checklist(Checklist {{ ask: {}, items: &[\n            {},\n        ], exclusive: &[{}], marks: {}, then: {then} }})",
                    self.ask(n, prefix, from),
                    items.join(",\n            "),
                    exclusive.join(", "),
                    self.mark_bits(&n.marks, from),
                )
            }
            "junction" => {
                self.only(n, from, &["routes"]);
                if n.routes.last().is_none_or(|r| !r.when.is_empty()) {
                    self.err(format!(
                        "content/tree.toml: {from}: the last route must have no tests"
                    ));
                }
                if n.routes.iter().rev().skip(1).any(|r| r.when.is_empty()) {
                    self.err(format!(
                        "content/tree.toml: {from}: only the last route may have no tests"
                    ));
                }
                let routes: Vec<String> = n
                    .routes
                    .iter()
                    .map(|r| {
                        format!(
                            "Route {{ tests: {}, next: {}, marks: {} }}",
                            self.tests(&r.when, from),
                            self.target(&r.next, from),
                            self.mark_bits(&r.marks, from)
                        )
                    })
                    .collect();
                format!(
                    "Kind::Junction(&[\n            {},\n        ])",
                    routes.join(",\n            ")
                )
            }
            "interruption" => {
                self.only(n, from, &["next"]);
                let next = match &n.next {
                    Some(t) => self.node_ref(t, from),
                    None => {
                        self.err(format!("content/tree.toml: {from}: needs next"));
                        "NodeId(0)".into()
                    }
                };
                format!(
                    "Kind::Interruption {{ body: {}, next: {next} }}",
                    self.texts.required(&format!("{prefix}.body"))
                )
            }
            "outcome" => {
                self.only(n, from, &["class", "notes", "open_marks", "names_entry"]);
                let where_ = format!("content/tree.toml: {from}");
                let class = match n.class.as_deref() {
                    Some(c) => self.member(
                        OutcomeClass::ALL,
                        OutcomeClass::code,
                        "outcome class",
                        c,
                        &where_,
                    ),
                    None => {
                        self.err(format!("{where_} needs a class"));
                        None
                    }
                };
                let class = format!("OutcomeClass::{:?}", class.unwrap_or(OutcomeClass::Consult));
                let notes: Vec<String> = n
                    .notes
                    .iter()
                    .map(|note| {
                        let nf = format!("{from}, note {}", note.id);
                        format!(
                            "Note {{ key: {:?}, warning: {}, tests: {}, text: {}, cites: {} }}",
                            note.id,
                            note.warning,
                            self.tests(&note.when, &nf),
                            self.texts.required(&format!("note.{}", note.id)),
                            self.cites(&note.cites, &nf)
                        )
                    })
                    .collect();
                format!(
                    "Kind::Outcome(Outcome {{ class: {class}, summary: {}, next_steps: {}, more: {}, names_entry: {}, notes: &[{}], open_marks: {} }})",
                    self.texts.required(&format!("{prefix}.summary")),
                    self.texts.required(&format!("{prefix}.next_steps")),
                    self.texts.optional_expr(&format!("{prefix}.more")),
                    n.names_entry,
                    notes.join(", "),
                    self.mark_bits(&n.open_marks, from),
                )
            }
            other => {
                self.err(format!("content/tree.toml: {from}: unknown kind {other:?}"));
                "Kind::Junction(&[])".into()
            }
        }
    }

    /// Each answer once per node.
    fn once(&mut self, n: &NodeSrc, from: &str) {
        let mut seen = BTreeSet::new();
        for o in n.options.iter().chain(&n.exclusive) {
            if !seen.insert(&o.answer) {
                self.err(format!(
                    "content/tree.toml: {from}: answer {} twice",
                    o.answer
                ));
            }
        }
    }

    /// For every node, the checklist whose items lead to it before they
    /// continue (a node serves at most one checklist, and a checklist's
    /// items do not lead into another); and a check that `continue` is only
    /// used where a checklist waits.
    fn loops(&mut self) -> String {
        let p = self.p;
        let successors = |n: &NodeSrc| -> Vec<String> {
            let mut out: Vec<String> = n
                .options
                .iter()
                .chain(&n.exclusive)
                .filter_map(|o| o.next.clone())
                .collect();
            out.extend(n.routes.iter().map(|r| r.next.clone()));
            out.extend(n.next.clone());
            out
        };
        // Which nodes can lead to `continue` without passing a checklist.
        let mut reaches = vec![false; p.tree.node.len()];
        loop {
            let mut changed = false;
            for (i, n) in p.tree.node.iter().enumerate() {
                if reaches[i] || n.kind == "checklist" {
                    continue;
                }
                let r = successors(n).iter().any(|t| {
                    t == CONTINUE || self.nodes.get(t.as_str()).is_some_and(|j| reaches[*j])
                });
                if r {
                    reaches[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // The checklist, and the item, each such node serves: a node serves
        // one item, so that a walk passes it at most once.
        let mut owner: Vec<Option<usize>> = vec![None; p.tree.node.len()];
        let mut item_of: Vec<Option<usize>> = vec![None; p.tree.node.len()];
        for (ci, c) in p
            .tree
            .node
            .iter()
            .enumerate()
            .filter(|(_, n)| n.kind == "checklist")
        {
            for (ii, first) in c.options.iter().enumerate() {
                let mut stack: Vec<String> = first.next.iter().cloned().collect();
                while let Some(id) = stack.pop() {
                    let Some(&i) = self.nodes.get(id.as_str()) else {
                        continue;
                    };
                    let n = &p.tree.node[i];
                    if n.kind == "checklist" {
                        self.err(format!(
                            "content/tree.toml: the items of {} lead into the checklist {id}",
                            c.id
                        ));
                        continue;
                    }
                    if !reaches[i] {
                        continue;
                    }
                    match (owner[i], item_of[i]) {
                        (Some(o), Some(it)) if o == ci && it == ii => continue,
                        (Some(o), Some(it)) => {
                            self.err(format!(
                                "content/tree.toml: node {id} serves both {} of {} and {} of {}",
                                p.tree.node[o].options[it].answer,
                                p.tree.node[o].id,
                                first.answer,
                                c.id
                            ));
                            continue;
                        }
                        _ => {
                            owner[i] = Some(ci);
                            item_of[i] = Some(ii);
                        }
                    }
                    stack.extend(successors(n));
                }
            }
        }
        for (i, n) in p.tree.node.iter().enumerate() {
            // A checklist's own items continue to its next item; anything
            // else that continues must lie on the way from such an item.
            if reaches[i] && owner[i].is_none() {
                self.err(format!(
                    "content/tree.toml: node {} continues, but no checklist's items lead to it",
                    n.id
                ));
            }
        }
        let entries: Vec<String> = owner
            .iter()
            .map(|o| o.map_or_else(|| "None".into(), |c| format!("Some(NodeId({c}))")))
            .collect();
        format!(
            "/// For each node, the checklist whose ticked items lead to it (where\n/// `continue` returns to).\npub static LOOP_OF: &[Option<NodeId>] = &[{}];\n\n",
            entries.join(", ")
        )
    }

    fn labels_and_authorities(&mut self) {
        let p = self.p;
        let mut s = String::from("pub static SECTIONS: &[(Section, TextId)] = &[\n");
        for sec in Section::ALL {
            let t = self.texts.required(&format!("section.{}", sec.code()));
            let _ = writeln!(s, "    (Section::{sec:?}, {t}),");
        }
        s.push_str("];\n\n/// Each class's name, in the order of `OutcomeClass::ALL`.\npub static CLASS_LABELS: [TextId; OutcomeClass::ALL.len()] = [\n");
        for class in OutcomeClass::ALL {
            let t = self.texts.required(&format!("class.{}", class.code()));
            let _ = writeln!(s, "    {t},");
        }
        s.push_str("];\n\npub static AUTHORITIES: &[Authority] = &[\n");
        let mut states = BTreeSet::new();
        for a in &p.authorities.authority {
            if !states.insert(&a.state) {
                self.err(format!("content/authorities.toml: {} twice", a.state));
            }
            let from = format!("content/authorities.toml: {}", a.state);
            let status = self.status(&a.status, &from);
            let mut routes = String::new();
            let mut kinds = BTreeSet::new();
            for r in &a.contact {
                let Some(kind) = self.contact_kind(r, &from) else {
                    continue;
                };
                if !kinds.insert(kind) {
                    self.err(format!("{from}: contact {} twice", r.kind));
                }
                let status = self.status(&r.status, &from);
                let _ = write!(
                    routes,
                    "Contact {{ kind: ContactKind::{kind:?}, value: {:?}, status: {status} }}, ",
                    r.value
                );
            }
            let _ = writeln!(
                s,
                "    Authority {{ state: {:?}, state_name: {}, name: {}, url: {:?}, status: {status}, contacts: &[{routes}] }},",
                a.state,
                self.texts.required(&format!("state.{}", a.state)),
                self.texts.required(&format!("authority.{}", a.state)),
                a.url,
            );
        }
        s.push_str("];\n");
        self.out.push_str(&s);
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

/// The separator between the texts of a language pack: a control character
/// that no text may contain.
pub const PACK_SEPARATOR: char = '\u{1f}';

/// A language pack: a header of four lines (the format, the language, the
/// content version, the number of texts), then every text in table order,
/// separated by `PACK_SEPARATOR`. The core reads it (`text::pack`).
pub fn pack(code: &str, version: &str, texts: &[&str]) -> String {
    let mut s = format!("cyberscreen-texts 1\n{code}\n{version}\n{}\n", texts.len());
    s.push_str(&texts.join(&PACK_SEPARATOR.to_string()));
    s
}

/// The structure of the texts (the languages, the number of texts, their
/// names in code) in `texts.rs`; the texts themselves in `text_tables.rs`,
/// which only native builds include (the browser loads one language's pack).
fn gen_texts(
    langs: &[(String, BTreeMap<String, String>)],
    keys: &[&String],
    used_by_content: &BTreeSet<usize>,
    states: &[&str],
) -> (String, String) {
    let mut s = String::new();
    let _ = writeln!(s, "pub const COUNT: usize = {};\n", keys.len());
    s.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum Lang {\n");
    for (code, _) in langs {
        let _ = writeln!(s, "    {},", camel(code));
    }
    s.push_str("}\n\nimpl Lang {\n    pub const ALL: &[Lang] = &[\n");
    for (code, _) in langs {
        let _ = writeln!(s, "        Lang::{},", camel(code));
    }
    s.push_str("    ];\n\n    pub fn code(self) -> &'static str {\n        match self {\n");
    for (code, _) in langs {
        let _ = writeln!(s, "            Lang::{} => {code:?},", camel(code));
    }
    // Each language's own name, for the language menu, whatever is loaded.
    s.push_str("        }\n    }\n\n    /// The language's own name for itself.\n    pub fn name(self) -> &'static str {\n        match self {\n");
    for (code, table) in langs {
        let name = table.get("meta.name").map_or("", String::as_str);
        let _ = writeln!(s, "            Lang::{} => {name:?},", camel(code));
    }
    // Sorted here, not in the browser: a sort and its keys would add some
    // kilobytes of code to every download.
    s.push_str("        }\n    }\n\n    /// The authorities (indices into `AUTHORITIES`) by the name of their\n    /// Member State in this language, in its dictionary order.\n    pub fn states_by_name(self) -> &'static [u8] {\n        match self {\n");
    for (code, table) in langs {
        let name = |i: &usize| {
            collation_key(
                table
                    .get(&format!("state.{}", states[*i]))
                    .map_or("", String::as_str),
            )
        };
        let mut order: Vec<usize> = (0..states.len()).collect();
        order.sort_by_cached_key(name);
        let _ = writeln!(s, "            Lang::{} => &{order:?},", camel(code));
    }
    s.push_str("        }\n    }\n}\n\n");
    s.push_str("/// Every key, in table order (for checks and tooling).\npub static KEYS: [&str; COUNT] = [\n");
    for k in keys {
        let _ = writeln!(s, "    {k:?},");
    }
    s.push_str("];\n\n");
    let _ = writeln!(
        s,
        "/// Keys that the content tables (tree, sources, authorities) refer to.\npub static CONTENT_KEYS: &[usize] = &{:?};\n",
        used_by_content.iter().collect::<Vec<_>>()
    );
    // Names for the texts the code uses directly: `ui.start.heading`
    // becomes `ui::START_HEADING`, and `meta.name` becomes `meta::NAME`.
    for module in ["ui", "meta", "answer", "class"] {
        let _ = writeln!(s, "pub mod {module} {{\n    use super::TextId;");
        for (i, k) in keys.iter().enumerate() {
            if let Some(rest) = k.strip_prefix(&format!("{module}.")) {
                let name = rest.replace(['.', '-'], "_").to_uppercase();
                let _ = writeln!(s, "    pub const {name}: TextId = TextId({i});");
            }
        }
        s.push_str("}\n\n");
    }

    // One string per language with the end of each text, rather than a
    // table of string slices: a third of the bytes, and no pointer per text.
    let mut t = String::from(
        "impl Lang {\n    fn table(self) -> (&'static str, &'static [u32; COUNT]) {\n        match self {\n",
    );
    for (code, _) in langs {
        let upper = code.to_uppercase();
        let _ = writeln!(
            t,
            "            Lang::{} => ({upper}, &{upper}_ENDS),",
            camel(code)
        );
    }
    t.push_str("        }\n    }\n}\n\n");
    for (code, table) in langs {
        let upper = code.to_uppercase();
        let mut all = String::new();
        let mut ends = Vec::with_capacity(keys.len());
        for k in keys {
            all.push_str(table.get(k.as_str()).map_or("", String::as_str));
            ends.push(u32::try_from(all.len()).unwrap_or(u32::MAX));
        }
        let _ = writeln!(t, "static {upper}: &str = {all:?};\n");
        let _ = writeln!(t, "static {upper}_ENDS: [u32; COUNT] = {ends:?};\n");
    }
    (s, t)
}

/// FNV-1a, 64 bit: enough to notice that the content changed.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::collation_key;

    #[test]
    fn names_sort_with_accented_letters_beside_their_base_letter() {
        let mut names = vec![
            "Zypern",
            "Österreich",
            "Estland",
            "Belgien",
            "Ungarn",
            "Italien",
        ];
        names.sort_by_cached_key(|n| collation_key(n));
        assert_eq!(
            names,
            [
                "Belgien",
                "Estland",
                "Italien",
                "Österreich",
                "Ungarn",
                "Zypern"
            ]
        );
        let mut names = vec![
            "Suède",
            "Espagne",
            "Slovénie",
            "Émirats",
            "Tchéquie",
            "Estonie",
        ];
        names.sort_by_cached_key(|n| collation_key(n));
        assert_eq!(
            names,
            [
                "Émirats",
                "Espagne",
                "Estonie",
                "Slovénie",
                "Suède",
                "Tchéquie"
            ]
        );
    }
}
