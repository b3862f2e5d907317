//! What a record is about, in the user's words: the product, a reference,
//! the customer, the destination and who made the check. Every field is
//! optional, kept only where the user puts it, and cleaned on the way in
//! (typed, imported or read back) so that what is shown is short text.

use crate::text::{TextId, ui};

/// The longest value kept, in characters: a product name and version, a
/// reference or a company name fit; a pasted document does not.
pub const MAX_CHARS: usize = 120;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Product,
    Reference,
    Customer,
    Destination,
    CheckedBy,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Product,
        Field::Reference,
        Field::Customer,
        Field::Destination,
        Field::CheckedBy,
    ];

    /// Its name in the JSON record.
    pub fn key(self) -> &'static str {
        match self {
            Field::Product => "product",
            Field::Reference => "reference",
            Field::Customer => "customer",
            Field::Destination => "destination",
            Field::CheckedBy => "checked_by",
        }
    }

    pub fn label(self) -> TextId {
        match self {
            Field::Product => ui::ABOUT_PRODUCT,
            Field::Reference => ui::ABOUT_REFERENCE,
            Field::Customer => ui::ABOUT_CUSTOMER,
            Field::Destination => ui::ABOUT_DESTINATION,
            Field::CheckedBy => ui::ABOUT_CHECKED_BY,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct About {
    values: [Option<String>; 5],
}

impl About {
    pub fn get(&self, field: Field) -> Option<&str> {
        self.values[field.index()].as_deref()
    }

    /// Sets a field to `value`, cleaned: control characters become spaces,
    /// runs of spaces one, at most `MAX_CHARS` characters; empty clears it.
    pub fn set(&mut self, field: Field, value: &str) {
        let mut clean = String::with_capacity(value.len().min(MAX_CHARS * 4));
        for c in value.chars() {
            let c = if c.is_control() { ' ' } else { c };
            if c == ' ' && (clean.is_empty() || clean.ends_with(' ')) {
                continue;
            }
            if clean.chars().count() == MAX_CHARS {
                break;
            }
            clean.push(c);
        }
        let clean = clean.trim_end();
        self.values[field.index()] = (!clean.is_empty()).then(|| clean.to_owned());
    }

    pub fn is_empty(&self) -> bool {
        self.values.iter().all(Option::is_none)
    }

    /// The fields filled in, in their order.
    pub fn filled(&self) -> impl Iterator<Item = (Field, &str)> {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.get(f).map(|v| (f, v)))
    }

    /// A file name's stem: `cyberscreen-record`, the product (its letters
    /// and digits, the rest as dashes) and the date (`YYYY-MM-DD`).
    pub fn file_stem(&self, date: &str) -> String {
        let mut stem = String::from("cyberscreen-record");
        if let Some(product) = self.get(Field::Product) {
            stem.push('-');
            // Letters beyond ASCII are kept as they are: lowering them would
            // take Unicode's case tables into the download.
            for c in product.chars() {
                if c.is_ascii_alphanumeric() || !c.is_ascii() {
                    stem.push(c.to_ascii_lowercase());
                } else if !stem.ends_with('-') {
                    stem.push('-');
                }
            }
            while stem.ends_with('-') {
                stem.pop();
            }
        }
        format!("{stem}-{date}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_cleaned_limited_and_cleared_when_empty() {
        let mut a = About::default();
        a.set(Field::Product, "  Cell\tScout\n  4.2 ");
        assert_eq!(a.get(Field::Product), Some("Cell Scout 4.2"));
        a.set(Field::Customer, &"x".repeat(10_000));
        assert_eq!(
            a.get(Field::Customer).map(|v| v.chars().count()),
            Some(MAX_CHARS)
        );
        a.set(Field::Product, " \u{7} ");
        assert_eq!(a.get(Field::Product), None);
        assert!(!a.is_empty());
        a.set(Field::Customer, "");
        assert!(a.is_empty());
    }

    #[test]
    fn the_file_is_named_after_the_product_and_the_date() {
        let mut a = About::default();
        assert_eq!(a.file_stem("2026-12-02"), "cyberscreen-record-2026-12-02");
        a.set(Field::Product, "CellScout Pro / 4.2 (ÜberEdition)");
        assert_eq!(
            a.file_stem("2026-12-02"),
            "cyberscreen-record-cellscout-pro-4-2-Überedition-2026-12-02"
        );
    }
}
