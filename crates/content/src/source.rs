//! The shapes of the files under `content/`, as written there.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeFile {
    pub start: String,
    #[serde(default)]
    pub mark: Vec<MarkSrc>,
    pub node: Vec<NodeSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkSrc {
    pub id: String,
    pub about: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeSrc {
    pub id: String,
    pub kind: String,
    #[serde(default)]
    pub section: Option<String>,
    #[serde(default)]
    pub class: Option<String>,
    /// Another node whose texts this one shows.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub cites: Vec<String>,
    #[serde(default)]
    pub options: Vec<OptionSrc>,
    #[serde(default)]
    pub exclusive: Vec<OptionSrc>,
    #[serde(default)]
    pub then: Option<String>,
    #[serde(default)]
    pub marks: Vec<String>,
    #[serde(default)]
    pub routes: Vec<RouteSrc>,
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub names_entry: bool,
    #[serde(default)]
    pub notes: Vec<NoteSrc>,
    #[serde(default)]
    pub open_marks: Vec<String>,
}

#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSrc {
    pub answer: String,
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub cites: Vec<String>,
    #[serde(default)]
    pub marks: Vec<String>,
    /// Whether the answer leaves a point open (default: only "not_sure").
    #[serde(default)]
    pub open: Option<bool>,
    /// Open only if this mark stands at the end of the path.
    #[serde(default)]
    pub open_if: Option<String>,
    #[serde(default)]
    pub entry: Option<String>,
    #[serde(default)]
    pub entry_is: Vec<String>,
    #[serde(default)]
    pub all: bool,
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteSrc {
    #[serde(default, rename = "if")]
    pub when: Vec<String>,
    pub next: String,
    #[serde(default)]
    pub marks: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoteSrc {
    pub id: String,
    #[serde(default, rename = "if")]
    pub when: Vec<String>,
    #[serde(default)]
    pub cites: Vec<String>,
    /// Said before the steps, as a warning: the path's facts may forbid
    /// the export outright.
    #[serde(default)]
    pub warning: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcesFile {
    pub document: Vec<DocumentSrc>,
    pub provision: Vec<ProvisionSrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSrc {
    pub id: String,
    pub url: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvisionSrc {
    pub id: String,
    pub doc: String,
    pub status: String,
    pub kind: String,
    #[serde(default)]
    pub applies_to: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthoritiesFile {
    pub authority: Vec<AuthoritySrc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthoritySrc {
    pub state: String,
    pub url: String,
    pub status: String,
    #[serde(default)]
    pub contact: Vec<ContactSrc>,
}

/// A way to reach an authority: where to apply, where to ask for a
/// classification, its e-mail address or phone number.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactSrc {
    pub kind: String,
    pub value: String,
    pub status: String,
    /// Where the value was confirmed, for a reviewer.
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VersionFile {
    pub content_version: String,
    pub digest: String,
}
