//! Every user-visible text, in every language, from `content/text/*.toml`.
//!
//! The tables are compiled in: a lookup is an array index, and a language is
//! added by adding its file (`build.rs` refuses a file that lacks a text or
//! changes a placeholder).

pub mod markup;

/// A text, the same in every language's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextId(pub u16);

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

impl Lang {
    pub fn text(self, id: TextId) -> &'static str {
        self.table()[usize::from(id.0)]
    }

    /// The language's own name for itself.
    pub fn name(self) -> &'static str {
        self.text(meta::NAME)
    }

    /// The language of a tag such as `de`, `de-AT` or `FR`; `None` if there
    /// is no table for it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim();
        Lang::ALL
            .iter()
            .copied()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The first of the user's preferred languages that has a table, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
