//! Answers as text, for share links, saved progress and records: a compact,
//! versioned encoding, and its decoder. The decoder takes anything (a URL
//! fragment, storage, a file), has explicit size limits, and never panics.
//!
//! Form: `v=<content version>&lang=<code>&ms=<state>&at=<node>&a=<node>:<answer>,…`
//! where an answer is an answer's name as in `content/tree.toml`, or the
//! names of the items ticked on a checklist joined by `+`. A share link whose
//! maker chose so also carries what the record is about, each field under its
//! record name (`product=…`, `customer=…`), percent-encoded. Links made before
//! content version 2026.12.01-1 wrote each answer as one character
//! (`LEGACY`); they are still read. Keys are node keys and answer names, so
//! that answers can be carried over to another content version.

use super::about::{About, Field};
use super::content::{self, CONTENT_VERSION, node_by_key};
use super::engine::Answers;
use super::model::{Answer, Choice, Items, Kind, MemberState, NodeId};

/// Longer input is refused before it is read: room for every answer and
/// for what the record is about, each of its characters escaped.
pub const MAX_LEN: usize = 8192;

/// The one-character answers of the first link format, with the names they
/// stood for (some of which no question takes any more).
const LEGACY: [(char, &str); 17] = [
    ('y', "yes"),
    ('n', "no"),
    ('u', "not_sure"),
    ('x', "export"),
    ('i', "intra_eu"),
    ('o', "other_activity"),
    ('s', "intrusion"),
    ('m', "interception"),
    ('p', "ip_network"),
    ('l', "lea_monitoring"),
    ('c', "cryptanalysis"),
    ('f', "forensic"),
    ('r', "related"),
    ('z', "none_of_these"),
    ('e', "excluded"),
    ('d', "disclosure"),
    ('t', "forensic_technology"),
];

/// What an encoding holds, checked field by field but not yet applied.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Saved {
    pub version: String,
    pub lang: Option<String>,
    pub member_state: Option<String>,
    /// The page the user was on: a node key, or `start` / `check`.
    pub at: Option<String>,
    /// Each answer: the node's key and the names of the answer (one, or
    /// the items ticked).
    pub answers: Vec<(String, Vec<String>)>,
    /// What the record is about: only in a link whose maker chose to put it
    /// there, never in what this device keeps.
    pub about: About,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLong,
    /// Not of the form above, or a field is malformed.
    Damaged,
    /// No content version: not ours.
    NoVersion,
}

/// Characters allowed in every field value: what node keys, answer names,
/// versions, language and state codes are made of. Nothing needs escaping.
pub(crate) fn is_plain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
}

/// The names an answer is written with.
pub fn answer_keys(node: NodeId, answer: &Answer) -> Vec<String> {
    match answer {
        Answer::One(c) => vec![c.key().to_owned()],
        Answer::Ticked(set) => content::node(node)
            .offers()
            .iter()
            .enumerate()
            .filter(|(i, _)| set.has(*i))
            .map(|(_, o)| o.choice.key().to_owned())
            .collect(),
    }
}

/// The answer these names give at `node`, if it takes them: one option or
/// exclusive answer, or items of a checklist.
pub fn answer_of(node: NodeId, keys: &[String]) -> Option<Answer> {
    let n = content::node(node);
    let choices: Vec<Choice> = keys
        .iter()
        .map(|k| Choice::from_key(k))
        .collect::<Option<_>>()?;
    let answer = match (&n.kind, choices.as_slice()) {
        (Kind::Question(_), [one]) => Answer::One(*one),
        (Kind::Checklist(c), [one]) if c.exclusive.iter().any(|o| o.choice == *one) => {
            Answer::One(*one)
        }
        (Kind::Checklist(c), many) => {
            let mut set = Items::NONE;
            for choice in many {
                let i = c.items.iter().position(|o| o.choice == *choice)?;
                if set.has(i) {
                    return None;
                }
                set = set.toggled(i);
            }
            Answer::Ticked(set)
        }
        _ => return None,
    };
    n.accepts(&answer).then_some(answer)
}

impl Saved {
    /// The current answers (those on the path and those kept off it).
    pub fn of(
        answers: &Answers,
        lang: &str,
        member_state: Option<MemberState>,
        at: Option<&str>,
    ) -> Saved {
        Saved {
            version: CONTENT_VERSION.to_owned(),
            lang: Some(lang.to_owned()),
            member_state: member_state.map(|m| m.code().to_owned()),
            at: at.map(str::to_owned),
            about: About::default(),
            answers: answers
                .iter()
                .map(|(n, a)| (content::node(n).key.to_owned(), answer_keys(n, &a)))
                .collect(),
        }
    }

    /// The same, with what the record is about.
    pub fn with_about(self, about: &About) -> Saved {
        Saved {
            about: about.clone(),
            ..self
        }
    }

    pub fn encode(&self) -> String {
        let mut out = format!("v={}", self.version);
        for (name, value) in [
            ("lang", &self.lang),
            ("ms", &self.member_state),
            ("at", &self.at),
        ] {
            if let Some(v) = value {
                out.push_str(&format!("&{name}={v}"));
            }
        }
        for (field, value) in self.about.filled() {
            out.push_str(&format!("&{}={}", field.key(), escape(value)));
        }
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|(k, names)| format!("{k}:{}", names.join("+")))
            .collect();
        out.push_str("&a=");
        out.push_str(&answers.join(","));
        out
    }

    pub fn decode(input: &str) -> Result<Saved, DecodeError> {
        if input.len() > MAX_LEN {
            return Err(DecodeError::TooLong);
        }
        let input = input.strip_prefix('#').unwrap_or(input).trim();
        let mut saved = Saved::default();
        let mut seen_answers = false;
        for field in input.split('&') {
            let (name, value) = field.split_once('=').ok_or(DecodeError::Damaged)?;
            let slot = match name {
                "v" => {
                    if !is_plain(value) || !saved.version.is_empty() {
                        return Err(DecodeError::Damaged);
                    }
                    saved.version = value.to_owned();
                    continue;
                }
                "lang" => &mut saved.lang,
                "ms" => &mut saved.member_state,
                "at" => &mut saved.at,
                "a" => {
                    if seen_answers {
                        return Err(DecodeError::Damaged);
                    }
                    seen_answers = true;
                    saved.answers = decode_answers(value)?;
                    continue;
                }
                name => {
                    let field = Field::ALL
                        .into_iter()
                        .find(|f| f.key() == name)
                        .ok_or(DecodeError::Damaged)?;
                    let text = unescape(value).ok_or(DecodeError::Damaged)?;
                    if saved.about.get(field).is_some() {
                        return Err(DecodeError::Damaged);
                    }
                    saved.about.set(field, &text);
                    continue;
                }
            };
            if !is_plain(value) || slot.is_some() {
                return Err(DecodeError::Damaged);
            }
            *slot = Some(value.to_owned());
        }
        if saved.version.is_empty() {
            return Err(DecodeError::NoVersion);
        }
        Ok(saved)
    }

    /// Applies the answers to the current tree. Answers from another content
    /// version are never taken as given: they come back as answers to check.
    pub fn restore(&self) -> Restored {
        let mut answers = Answers::default();
        let mut unusable = Vec::new();
        for (key, names) in &self.answers {
            let node = node_by_key(key).filter(|id| answers.get(*id).is_none());
            match node.and_then(|id| answer_of(id, names).map(|a| (id, a))) {
                Some((id, a)) if answers.set(id, a).is_ok() => {}
                _ => unusable.push(key.clone()),
            }
        }
        let current = self.version == CONTENT_VERSION;
        Restored {
            answers,
            unusable,
            other_version: (!current).then(|| self.version.clone()),
        }
    }
}

/// Free text as a field value: letters, digits and `-._~` as they are,
/// every other byte as `%XX` (as `encodeURIComponent` would, so that a
/// browser leaves the link as it is).
fn escape(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// The text of an escaped value; none if it holds anything but those
/// characters and `%XX` escapes of UTF-8.
fn unescape(value: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(value.len());
    let mut rest = value.bytes();
    while let Some(b) = rest.next() {
        if b == b'%' {
            let mut digit = || char::from(rest.next()?).to_digit(16);
            let (hi, lo) = (digit()?, digit()?);
            bytes.push((hi * 16 + lo) as u8);
        } else if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            bytes.push(b);
        } else {
            return None;
        }
    }
    String::from_utf8(bytes).ok()
}

fn decode_answers(value: &str) -> Result<Vec<(String, Vec<String>)>, DecodeError> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for pair in value.split(',') {
        let (key, answer) = pair.split_once(':').ok_or(DecodeError::Damaged)?;
        if !is_plain(key) {
            return Err(DecodeError::Damaged);
        }
        let mut chars = answer.chars();
        let names = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                let (_, name) = LEGACY
                    .iter()
                    .find(|(code, _)| *code == c)
                    .ok_or(DecodeError::Damaged)?;
                vec![(*name).to_owned()]
            }
            _ => {
                let names: Vec<String> = answer.split('+').map(str::to_owned).collect();
                if names.len() > 32 || !names.iter().all(|n| is_plain(n)) {
                    return Err(DecodeError::Damaged);
                }
                names
            }
        };
        out.push((key.to_owned(), names));
        // More answers than nodes cannot be ours.
        if out.len() > content::NODES.len() {
            return Err(DecodeError::Damaged);
        }
    }
    Ok(out)
}

/// Decoded answers applied to the current tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Restored {
    pub answers: Answers,
    /// Node keys that no longer exist, do not take that answer, or repeat.
    pub unusable: Vec<String>,
    /// The content version the answers were given under, if not the current one.
    pub other_version: Option<String>,
}
