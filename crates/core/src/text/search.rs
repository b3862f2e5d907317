//! Finding a description by the reader's own words: each word typed must be
//! in one of the texts searched, whatever its case or accents ("uberwachung"
//! and "Ueberwachung" find "Überwachung", "securite" finds "sécurité").

/// The query's words, folded; none for a blank query.
pub fn words(query: &str) -> Vec<String> {
    fold(query)
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Spaces, punctuation and quotes: what words of these languages are not
/// made of. (Unicode's tables of letters would weigh kilobytes.)
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        !c.is_ascii_alphanumeric()
    } else {
        // No-break and thin spaces, dashes, curly quotes, the ellipsis,
        // guillemets.
        matches!(c, '\u{a0}' | '\u{2009}'..='\u{202f}' | '«' | '»')
    }
}

/// Whether every word is in one of the texts (folded with `fold`).
pub fn matches(words: &[String], texts: &[String]) -> bool {
    // Byte windows rather than `str::contains`, whose searcher would add
    // its code to every download for texts of a few hundred bytes.
    let within = |text: &str, word: &str| {
        text.as_bytes()
            .windows(word.len())
            .any(|w| w == word.as_bytes())
    };
    words.iter().all(|w| texts.iter().any(|t| within(t, w)))
}

/// Lower case without accents, with ß as "ss". An "e" after "a", "o" or "u"
/// is dropped, as German writes "ue" for "ü" where a keyboard has none; so
/// œ and æ are "o" and "a", as "oe" and "ae" become. Query and texts are
/// folded alike, so a match is lost nowhere. Only the letters of the
/// widget's languages are folded: a table of all of Unicode would weigh more
/// than the whole search.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, 'e' | 'E' | 'È'..='Ë' | 'è'..='ë') && out.ends_with(['a', 'o', 'u']) {
            continue;
        }
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'À'..='Å' | 'à'..='å' => out.push('a'),
            'Ç' | 'ç' => out.push('c'),
            'È'..='Ë' | 'è'..='ë' => out.push('e'),
            'Ì'..='Ï' | 'ì'..='ï' => out.push('i'),
            'Ñ' | 'ñ' => out.push('n'),
            'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => out.push('o'),
            'Ù'..='Ü' | 'ù'..='ü' => out.push('u'),
            'Ý' | 'ý' | 'ÿ' | 'Ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            'Œ' | 'œ' => out.push('o'),
            'Æ' | 'æ' => out.push('a'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_accents_do_not_matter() {
        assert_eq!(
            fold("Überwachung SÉCURITÉ Straße Œuvre"),
            "uberwachung securite strasse ouvre"
        );
        assert_eq!(
            fold("Ueberwachung Passwoerter"),
            fold("Überwachung Passwörter")
        );
        let texts = [fold("Fängt Mobilfunk ab (etwa ein IMSI-Catcher)")];
        assert!(matches(&words("imsi catcher"), &texts));
        assert!(matches(&words("IMSI-Catcher"), &texts));
        assert!(matches(&words("fangt"), &texts));
    }

    #[test]
    fn every_word_must_be_found_and_a_blank_query_finds_everything() {
        let texts = [fold("Intercepts mobile calls"), fold("over the air")];
        assert!(matches(&words("mobile air"), &texts), "in any of the texts");
        assert!(!matches(&words("mobile satellite"), &texts));
        assert!(words("  , - ").is_empty());
        assert!(matches(&words(""), &texts));
    }
}
