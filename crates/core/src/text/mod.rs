//! Every user-visible text, in every language, from `content/text/*.toml`.
//!
//! A text is looked up by its index. In the browser the texts of a language
//! come from its pack (`pack`), loaded once; native builds (the tests, the
//! pre-rendered page) have every language compiled in, with the `texts`
//! feature. A language is added by adding its file: the content compiler
//! refuses one that lacks a text or changes a placeholder.

pub mod markup;
pub mod pack;
pub mod search;

/// A text, the same in every language's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextId(pub u16);

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

#[cfg(feature = "texts")]
include!(concat!(env!("OUT_DIR"), "/text_tables.rs"));

impl Lang {
    /// The text in this language; empty if the language's texts are not
    /// here (a pack not loaded: the interface only shows languages that are).
    pub fn text(self, id: TextId) -> &'static str {
        if let Some(text) = pack::text(self, id) {
            return text;
        }
        #[cfg(feature = "texts")]
        {
            let (all, ends) = self.table();
            let i = usize::from(id.0);
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            &all[start..ends[i] as usize]
        }
        #[cfg(not(feature = "texts"))]
        ""
    }

    /// Whether this language's texts are here to show.
    pub fn is_available(self) -> bool {
        cfg!(feature = "texts") || pack::is_loaded(self)
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
}

/// A day of the calendar, such as the one a content version was released on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: u32,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
}

/// A moment on the user's clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moment {
    pub year: u32,
    /// 1 to 12.
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    /// The user's offset from UTC, in minutes east.
    pub offset_minutes: i32,
}

impl Moment {
    /// The day, as `2026-03-05`: for file names.
    pub fn day(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The moment in ISO 8601, as `2026-03-05T09:07+01:00`: for a record a
    /// program reads, in any language.
    pub fn iso8601(self) -> String {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let offset = self.offset_minutes.unsigned_abs();
        format!(
            "{}T{:02}:{:02}{sign}{:02}:{:02}",
            self.day(),
            self.hour,
            self.minute,
            offset / 60,
            offset % 60
        )
    }
}

impl Lang {
    /// `at` in this language's words, such as "26 November 2026, 23:15".
    /// Made from the text tables, not the browser's date formatting, whose
    /// first use costs more than rendering a whole page.
    pub fn date(self, at: Moment) -> String {
        fill(
            self.text(meta::DATE),
            &[
                ("day", &at.day.to_string()),
                ("month", self.month(at.month)),
                ("year", &at.year.to_string()),
                ("time", &format!("{:02}:{:02}", at.hour, at.minute)),
            ],
        )
    }

    /// `day` in this language's words, such as "3 December 2026".
    pub fn day(self, day: Day) -> String {
        fill(
            self.text(meta::DAY),
            &[
                ("day", &day.day.to_string()),
                ("month", self.month(day.month)),
                ("year", &day.year.to_string()),
            ],
        )
    }

    /// The name of a month, 1 to 12.
    fn month(self, month: u32) -> &'static str {
        let index = month.clamp(1, 12) as usize - 1;
        self.text(meta::MONTHS)
            .split('|')
            .nth(index)
            .unwrap_or_default()
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
                    None => {
                        // A placeholder left unfilled is a mistake in a
                        // text or its caller; a release build shows it as is.
                        debug_assert!(false, "no value for {{{name}}} in {template:?}");
                        out.push_str(&rest[open..open + close + 2]);
                    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_names_twelve_months() {
        for lang in Lang::ALL {
            let months: Vec<_> = lang.text(meta::MONTHS).split('|').collect();
            assert_eq!(months.len(), 12, "{}", lang.code());
            assert!(
                months.iter().all(|m| !m.trim().is_empty()),
                "{}",
                lang.code()
            );
        }
    }

    /// Texts keep their spaces: a list reads "a; b", not "a;b".
    #[test]
    fn the_list_separator_keeps_its_space() {
        assert_eq!(Lang::En.text(meta::LIST_SEPARATOR), "; ");
        assert_eq!(Lang::De.text(meta::LIST_SEPARATOR), "; ");
        assert_eq!(Lang::Fr.text(meta::LIST_SEPARATOR), "\u{a0}; ");
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let at = Moment {
            year: 2026,
            month: 3,
            day: 5,
            hour: 9,
            minute: 7,
            offset_minutes: 60,
        };
        assert_eq!(Lang::En.date(at), "5 March 2026, 09:07");
        assert_eq!(Lang::De.date(at), "5. März 2026, 09:07");
        assert_eq!(Lang::Fr.date(at), "5 mars 2026, 09:07");
        let december = Moment { month: 12, ..at };
        assert_eq!(Lang::Fr.date(december), "5 décembre 2026, 09:07");
        assert_eq!(at.iso8601(), "2026-03-05T09:07+01:00");
        let west = Moment {
            offset_minutes: -210,
            ..december
        };
        assert_eq!(west.iso8601(), "2026-12-05T09:07-03:30");
        let day = Day {
            year: 2026,
            month: 12,
            day: 3,
        };
        assert_eq!(Lang::En.day(day), "3 December 2026");
        assert_eq!(Lang::De.day(day), "3. Dezember 2026");
        assert_eq!(Lang::Fr.day(day), "3 décembre 2026");
    }
}
