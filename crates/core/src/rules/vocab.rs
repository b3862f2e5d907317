//! The closed sets that `content/` and the code both name, each defined once:
//! a member's name for the code and its word for the content (and for links,
//! records and exports). The content compiler reads the content's words with
//! this same file (it includes it by path), so a set grows in one place and a
//! word the tables do not know is the compiler's plain error, not rustc's.
//!
//! Plain Rust without imports, as two crates compile it.

/// Defines an enum with `ALL` (in definition order), `code()` and `from_code()`.
macro_rules! closed_set {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every member, in the order of its definition.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Its word, as `content/` writes it.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// The member a word names; none for a word this version does not know.
            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|m| m.code() == code)
            }
        }
    };
}

closed_set! {
    /// The outcome classes; their codes are the `data-outcome` values hosts read.
    OutcomeClass {
        Listed = "LISTED",
        IntraEuLicence = "INTRA-EU-LICENCE",
        Art4Licence = "ART4-LICENCE",
        Art4Notify = "ART4-NOTIFY",
        Art5Licence = "ART5-LICENCE",
        Art10Licence = "ART10-LICENCE",
        Art5Notify = "ART5-NOTIFY",
        Art5DueDiligence = "ART5-DUE-DILIGENCE",
        NotCsi = "NOT-CSI",
        Consult = "CONSULT",
        OutOfScopeActivity = "OUT-OF-SCOPE-ACTIVITY",
    }
}

closed_set! {
    /// How far a statement was checked against the official text.
    Status {
        /// Read in the official text (or a faithful copy of it).
        Verified = "verified",
        /// Confirmed only through a secondary source.
        Secondary = "secondary",
        /// Not confirmed: shown to users as unverified.
        Unverified = "unverified",
    }
}

closed_set! {
    /// Groups of questions, in the order the check-your-answers page shows them.
    Section {
        Activity = "activity",
        Authority = "authority",
        Listing = "listing",
        Definition = "definition",
        Diligence = "diligence",
    }
}

closed_set! {
    /// What kind of provision a citation is.
    ProvisionKind {
        /// An article or annex of the Regulation, or a sanctions regulation.
        Law = "law",
        /// An Annex I entry: what a listed item is listed under.
        Entry = "entry",
        /// An Annex I note that takes items out of an entry.
        Note = "note",
        /// An Annex I definition or general note.
        Definition = "definition",
        /// A section of the Commission's guidelines.
        Guideline = "guideline",
    }
}

closed_set! {
    /// A way to reach an authority.
    ContactKind {
        /// Where to apply for an authorisation (a licence).
        Apply = "apply",
        /// Where to ask whether an item is listed (a classification or advice).
        Classification = "classification",
        Email = "email",
        Phone = "phone",
    }
}

closed_set! {
    /// What a matching Annex I entry brings with it for the advice.
    EntryTrait {
        /// In Annex IV: a transfer licence inside the EU, and no general
        /// export authorisation of any kind (Annex II, Section I).
        AnnexIv = "annex-iv",
        /// Software or technology that EU007 excludes by name.
        Eu007Excluded = "eu007-excluded",
        /// Category 5 Part 2 (information security): Art. 11(8).
        Cat5Part2 = "cat5-part2",
    }
}
