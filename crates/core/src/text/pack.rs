//! A language's texts as a file of their own, which the browser loads: a
//! header of four lines (`cyberscreen-texts 1`, the language's code, the
//! content version, the number of texts), then the texts in table order,
//! separated by U+001F. The content compiler writes them.

use std::sync::OnceLock;

use super::{COUNT, Lang, TextId};
use crate::rules::content::CONTENT_VERSION;

const FORMAT: &str = "cyberscreen-texts 1";
const SEPARATOR: char = '\u{1f}';

/// Why a pack was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a pack of this format.
    NotAPack,
    /// A pack of another language than the one asked for.
    OtherLanguage,
    /// Made for another content version, or with another number of texts.
    OtherVersion,
}

/// A loaded language: its texts, and where each ends.
struct Loaded {
    texts: &'static str,
    ends: Vec<u32>,
}

static LOADED: [OnceLock<Loaded>; 8] = [const { OnceLock::new() }; 8];

const _: () = assert!(Lang::ALL.len() <= 8, "LOADED holds at most 8 languages");

/// Takes a pack for `lang`, if it is one of this content version. It stays
/// for the life of the page (one per language, so the memory is bounded).
pub fn load(lang: Lang, pack: &str) -> Result<(), PackError> {
    if is_loaded(lang) {
        return Ok(());
    }
    let mut lines = pack.splitn(5, '\n');
    if lines.next() != Some(FORMAT) {
        return Err(PackError::NotAPack);
    }
    if lines.next() != Some(lang.code()) {
        return Err(PackError::OtherLanguage);
    }
    let version = lines.next();
    let count = lines.next().and_then(|c| c.parse::<usize>().ok());
    let body = lines.next().ok_or(PackError::NotAPack)?;
    if version != Some(CONTENT_VERSION) || count != Some(COUNT) {
        return Err(PackError::OtherVersion);
    }
    let mut ends = Vec::with_capacity(COUNT);
    let mut at = 0;
    for text in body.split(SEPARATOR) {
        at += text.len();
        ends.push(at as u32);
        at += SEPARATOR.len_utf8();
    }
    if ends.len() != COUNT {
        return Err(PackError::OtherVersion);
    }
    let texts: &'static str = Box::leak(body.to_owned().into_boxed_str());
    let _ = LOADED[lang as usize].set(Loaded { texts, ends });
    Ok(())
}

pub fn is_loaded(lang: Lang) -> bool {
    LOADED[lang as usize].get().is_some()
}

/// The text from `lang`'s pack, if it is loaded.
pub(super) fn text(lang: Lang, id: TextId) -> Option<&'static str> {
    let loaded = LOADED[lang as usize].get()?;
    let i = usize::from(id.0);
    let end = *loaded.ends.get(i)? as usize;
    let start = match i {
        0 => 0,
        _ => loaded.ends[i - 1] as usize + SEPARATOR.len_utf8(),
    };
    loaded.texts.get(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DE: &str = include_str!(concat!(env!("OUT_DIR"), "/texts-de.txt"));

    /// The pack the build writes holds what the compiled tables hold.
    #[test]
    fn a_pack_gives_every_text_of_its_language() {
        load(Lang::De, DE).unwrap();
        for i in 0..COUNT {
            let id = TextId(i as u16);
            let (all, ends) = Lang::De.table();
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            assert_eq!(
                text(Lang::De, id),
                Some(&all[start..ends[i] as usize]),
                "text {i}"
            );
        }
    }

    #[test]
    fn a_pack_of_another_language_version_or_format_is_refused() {
        assert_eq!(load(Lang::Fr, DE), Err(PackError::OtherLanguage));
        assert_eq!(load(Lang::Fr, "hello"), Err(PackError::NotAPack));
        let stale = DE
            .replacen(CONTENT_VERSION, "1999.1", 1)
            .replacen("\nde\n", "\nfr\n", 1);
        assert_eq!(load(Lang::Fr, &stale), Err(PackError::OtherVersion));
        let short = DE.replacen("\nde\n", "\nfr\n", 1);
        let short = &short[..short.rfind('\u{1f}').unwrap()];
        assert_eq!(load(Lang::Fr, short), Err(PackError::OtherVersion));
        assert!(!is_loaded(Lang::Fr));
    }
}
