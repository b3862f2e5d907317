//! Answers as text, for share links, saved progress and records: a compact,
//! versioned encoding, and its decoder. The decoder takes anything (a URL
//! fragment, storage, a file), has explicit size limits, and never panics.
//!
//! Form: `v=<content version>&lang=<code>&ms=<state>&at=<node>&a=<node>:<code>,…`
//! where each answer code is one character (see `code`). Keys are node keys,
//! so that answers can be carried over to another content version.

use super::content::{self, CONTENT_VERSION, node_by_key};
use super::engine::Answers;
use super::model::Choice;

/// Longer input is refused before it is read.
pub const MAX_LEN: usize = 4096;

/// What an encoding holds, checked field by field but not yet applied.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Saved {
    pub version: String,
    pub lang: Option<String>,
    pub member_state: Option<String>,
    /// The page the user was on: a node key, or `start` / `check`.
    pub at: Option<String>,
    pub answers: Vec<(String, Choice)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    TooLong,
    /// Not of the form above, or a field is malformed.
    Damaged,
    /// No content version: not ours.
    NoVersion,
}

/// The one-character code of an answer in the encoding.
pub fn code(c: Choice) -> char {
    match c {
        Choice::Yes => 'y',
        Choice::No => 'n',
        Choice::NotSure => 'u',
        Choice::Export => 'x',
        Choice::IntraEu => 'i',
        Choice::OtherActivity => 'o',
        Choice::Intrusion => 's',
        Choice::Interception => 'm',
        Choice::IpNetwork => 'p',
        Choice::LeaMonitoring => 'l',
        Choice::Cryptanalysis => 'c',
        Choice::Forensic => 'f',
        Choice::Related => 'r',
        Choice::NoneOfThese => 'z',
        Choice::Excluded => 'e',
        Choice::Disclosure => 'd',
        Choice::ForensicTechnology => 't',
    }
}

fn from_code(c: char) -> Option<Choice> {
    Choice::ALL.iter().copied().find(|x| code(*x) == c)
}

/// Characters allowed in every field value: what node keys, versions,
/// language and state codes are made of. Nothing needs escaping.
fn is_plain(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
}

impl Saved {
    /// The current answers (those on the path and those kept off it).
    pub fn of(
        answers: &Answers,
        lang: &str,
        member_state: Option<&str>,
        at: Option<&str>,
    ) -> Saved {
        Saved {
            version: CONTENT_VERSION.to_owned(),
            lang: Some(lang.to_owned()),
            member_state: member_state.map(str::to_owned),
            at: at.map(str::to_owned),
            answers: answers
                .iter()
                .map(|(n, c)| (content::node(n).key.to_owned(), c))
                .collect(),
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
        let answers: Vec<String> = self
            .answers
            .iter()
            .map(|(k, c)| format!("{k}:{}", code(*c)))
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
                _ => return Err(DecodeError::Damaged),
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
        for (key, choice) in &self.answers {
            match node_by_key(key) {
                Some(id) if answers.get(id).is_none() && answers.set(id, *choice).is_ok() => {}
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

fn decode_answers(value: &str) -> Result<Vec<(String, Choice)>, DecodeError> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for pair in value.split(',') {
        let (key, c) = pair.split_once(':').ok_or(DecodeError::Damaged)?;
        let mut chars = c.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return Err(DecodeError::Damaged);
        };
        if !is_plain(key) {
            return Err(DecodeError::Damaged);
        }
        let choice = from_code(c).ok_or(DecodeError::Damaged)?;
        out.push((key.to_owned(), choice));
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
