//! The report of an outcome: everything the result page says, in the order
//! it says it, built once from the answers. The page renders it; the
//! Markdown record is written from it, so both carry the same facts.

use super::about::{About, Field};
use super::content::{CONTENT_VERSION, choice, node, provision};
use super::engine::Answers;
use super::explain::{Explanation, LeadsTo, Step, explain, outcome_class};
use super::model::{
    Answer, Authority, Classes, MemberState, NodeId, Note, OutcomeClass, ProvisionId, Section,
};
use crate::text::markup::{Block, blocks};
use crate::text::{Lang, TextId, fill, meta, ui};

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub lang: Lang,
    pub outcome: NodeId,
    pub class: OutcomeClass,
    /// The provisions cited, as in `data-cites`.
    pub cite_tokens: Vec<&'static str>,
    pub title: String,
    /// The Annex I entry that matched, where the outcome names one.
    pub entry: Option<ProvisionId>,
    /// That entry's description, said under the heading.
    pub entry_label: Option<&'static str>,
    /// Said before the steps: the destination may forbid the export.
    pub warnings: Vec<&'static Note>,
    /// What you need to do: at most three steps.
    pub steps: Vec<&'static str>,
    /// What does not fit the steps.
    pub more: Option<&'static str>,
    pub authority: Option<&'static Authority>,
    /// The other points the path's facts call for.
    pub points: Vec<&'static Note>,
    /// Where the authority is to settle it: a question to send.
    pub draft: Option<String>,
    pub summary: String,
    /// The deciding answers, each with the provisions behind it.
    pub why: Vec<Reason>,
    /// For each deciding answer, the other answers that would change the class.
    pub changes: Vec<Change>,
    /// Where no entry matched: the Annex I entries checked.
    pub screened: Vec<ProvisionId>,
    /// What the list of screened entries does and does not say: another
    /// text where one of them was left open.
    pub screened_hint: TextId,
    pub open_points: Vec<String>,
    pub sources: Vec<ProvisionId>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub text: String,
    pub grounds: Vec<ProvisionId>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub instead: String,
    pub results: Vec<String>,
}

impl Report {
    /// The report of the outcome the answers reach; `None` while a question
    /// is still open.
    pub fn new(
        answers: &Answers,
        lang: Lang,
        member_state: Option<MemberState>,
        about: &About,
    ) -> Option<Self> {
        let e = explain(answers)?;
        let o = node(e.outcome).outcome()?;
        let (warnings, points) = e.notes.iter().partition(|n| n.warning);
        let steps = blocks(lang.text(o.next_steps))
            .into_iter()
            .flat_map(|b| match b {
                Block::List(items) => items,
                Block::Paragraph(p) => vec![p],
            })
            .collect();
        let why = e
            .steps
            .iter()
            .filter(|s| s.decisive)
            .map(|s| Reason {
                text: fill(
                    lang.text(ui::OUTCOME_ANSWERED),
                    &[
                        ("answer", &answer_text(lang, s)),
                        ("question", lang.text(node(s.question).point())),
                    ],
                ),
                grounds: node(s.question).grounds(&s.answer),
            })
            .collect();
        // The question names the product and the parties where the user
        // said what the record is about, and asks for them where not.
        let draft = (e.class == OutcomeClass::Consult).then(|| {
            let product = about
                .get(Field::Product)
                .unwrap_or(lang.text(ui::OUTCOME_DRAFT_PRODUCT));
            let parties: Vec<&str> = [Field::Customer, Field::Destination]
                .into_iter()
                .filter_map(|f| about.get(f))
                .collect();
            let parties = if parties.is_empty() {
                lang.text(ui::OUTCOME_DRAFT_PARTIES).to_owned()
            } else {
                parties.join(", ")
            };
            fill(
                lang.text(ui::OUTCOME_DRAFT_TEXT),
                &[
                    ("version", CONTENT_VERSION),
                    ("product", product),
                    ("parties", &parties),
                    ("points", &draft_points(lang, &e)),
                ],
            )
        });
        Some(Report {
            lang,
            outcome: e.outcome,
            class: e.class,
            cite_tokens: e.cite_tokens(),
            title: outcome_title(lang, &e),
            entry: e.entry.map(|en| en.provision),
            entry_label: e.entry.map(|en| lang.text(provision(en.provision).label)),
            warnings,
            steps,
            more: o.more.map(|m| lang.text(m)),
            authority: member_state.map(MemberState::authority),
            points,
            draft,
            summary: outcome_summary(lang, &e),
            why,
            changes: changes(lang, &e),
            screened: e.screened.clone(),
            screened_hint: if e.open_points().any(|s| {
                node(s.question)
                    .ask()
                    .is_some_and(|a| a.section == Section::Listing)
            }) {
                ui::OUTCOME_ENTRIES_HINT_OPEN
            } else {
                ui::OUTCOME_ENTRIES_HINT
            },
            open_points: open_point_lines(lang, &e),
            sources: e.cites.clone(),
        })
    }

    /// The heading of the open points: on a result that one definite "no"
    /// settles, they are answers kept on file, not points for the authority.
    pub fn open_points_heading(&self) -> TextId {
        if self.class == OutcomeClass::NotCsi {
            ui::RECORD_UNSURE_POINTS
        } else {
            ui::RECORD_OPEN_POINTS
        }
    }

    /// Every statement of the report as plain text, for a reader of the
    /// page or the record to find: what both must carry.
    pub fn facts(&self) -> Vec<String> {
        let t = |id: TextId| self.lang.text(id).to_owned();
        let label = |p: &ProvisionId| t(provision(*p).label);
        let mut out = vec![self.title.clone(), t(self.class.label())];
        out.extend(self.entry_label.map(str::to_owned));
        out.extend(self.warnings.iter().map(|n| t(n.text)));
        out.extend(self.steps.iter().map(|s| (*s).to_owned()));
        out.extend(self.more.map(str::to_owned));
        out.extend(self.points.iter().map(|n| t(n.text)));
        if let Some(a) = self.authority {
            out.push(t(a.name));
            // A page is named by its label; an address or number is given.
            out.extend(a.contacts.iter().map(|c| {
                if c.is_page() {
                    t(c.label())
                } else {
                    c.line(self.lang)
                }
            }));
        }
        out.push(self.summary.clone());
        if !self.why.is_empty() {
            out.push(t(ui::OUTCOME_WHY_LEAD));
        }
        out.extend(self.why.iter().map(|r| r.text.clone()));
        for c in &self.changes {
            out.push(c.instead.clone());
            out.extend(c.results.iter().cloned());
        }
        if !self.screened.is_empty() {
            out.push(t(self.screened_hint));
        }
        out.extend(self.screened.iter().map(label));
        out.extend(self.open_points.iter().cloned());
        out.extend(self.sources.iter().map(label));
        out
    }
}

fn answer_text(lang: Lang, step: &Step) -> String {
    node(step.question).answer_text(lang, &step.answer)
}

/// The outcome's heading, with the number of the entry that matched where
/// it names one (its description follows the heading).
pub fn outcome_title(lang: Lang, e: &Explanation) -> String {
    let token = e.entry.map_or("", |en| provision(en.provision).token);
    fill(lang.text(node(e.outcome).title), &[("entry", token)])
}

/// The outcome's summary, with the entry that matched where it names one.
fn outcome_summary(lang: Lang, e: &Explanation) -> String {
    let summary = node(e.outcome)
        .outcome()
        .map_or("", |o| lang.text(o.summary));
    fill(
        summary,
        &[
            ("entry", &entry_label(lang, e)),
            ("cause", &open_cause(lang, e)),
        ],
    )
}

/// Why the answers leave the result open: an "I'm not sure" that decides it,
/// an answer that raises a point only the authority can settle, or both.
/// Unsure answers that decide only together count as one that decides.
fn open_cause(lang: Lang, e: &Explanation) -> String {
    let unsure = |s: &Step| s.answer == Answer::One(choice::NOT_SURE);
    let definite = e.open_points().any(|s| !unsure(s));
    let unsure_decides = e.open_points().any(|s| unsure(s) && s.decisive)
        || (!definite && e.open_points().any(unsure));
    let causes = [
        unsure_decides.then_some(ui::OUTCOME_CAUSE_UNSURE),
        (definite || !unsure_decides).then_some(ui::OUTCOME_CAUSE_OPEN),
    ];
    let said: Vec<&str> = causes
        .into_iter()
        .flatten()
        .map(|id| lang.text(id))
        .collect();
    said.join(" ")
}

fn entry_label(lang: Lang, e: &Explanation) -> String {
    e.entry
        .map(|en| lang.text(provision(en.provision).label).to_owned())
        .unwrap_or_default()
}

/// The open points, as the drafted question puts them: each question with
/// the answer given.
pub fn open_point_lines(lang: Lang, e: &Explanation) -> Vec<String> {
    e.open_points().map(|s| point_line(lang, s)).collect()
}

/// An answer as a point put to the authority: the question standing alone,
/// the answer, and the provisions it turns on.
fn point_line(lang: Lang, step: &Step) -> String {
    let q = node(step.question);
    let provisions: Vec<&str> = q
        .grounds(&step.answer)
        .into_iter()
        .map(|p| lang.text(provision(p).label))
        .collect();
    fill(
        lang.text(ui::OUTCOME_DRAFT_POINT),
        &[
            ("question", lang.text(q.point())),
            ("answer", &answer_text(lang, step)),
            (
                "provisions",
                &provisions.join(lang.text(meta::LIST_SEPARATOR)),
            ),
        ],
    )
}

/// The points the authority is asked to settle: the open points, or else
/// the answer that led here.
fn draft_points(lang: Lang, e: &Explanation) -> String {
    let mut lines = open_point_lines(lang, e);
    if lines.is_empty()
        && let Some(s) = e.steps.last()
    {
        lines.push(point_line(lang, s));
    }
    lines
        .iter()
        .map(|l| format!("- {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// For each decisive answer, the other answers that could change the class
/// of the result, and where they lead: answers that lead to the same place
/// are said together.
fn changes(lang: Lang, e: &Explanation) -> Vec<Change> {
    e.steps
        .iter()
        .filter(|s| s.decisive)
        .filter_map(|step| {
            let question = lang.text(node(step.question).point());
            let instead = fill(
                lang.text(ui::OUTCOME_INSTEAD),
                &[("answer", &answer_text(lang, step)), ("question", question)],
            );
            // Each place another answer leads, with the answers that lead there.
            let mut leads: Vec<(Place, Vec<String>)> = Vec::new();
            for alt in &step.alternatives {
                let Some(place) = Place::of(e.class, &alt.leads_to) else {
                    continue;
                };
                let answer = fill(
                    lang.text(ui::OUTCOME_QUOTED),
                    &[(
                        "answer",
                        &node(step.question).answer_text(lang, &alt.answer),
                    )],
                );
                match leads.iter_mut().find(|(p, _)| *p == place) {
                    Some((_, answers)) => answers.push(answer),
                    None => leads.push((place, vec![answer])),
                }
            }
            let or = format!(" {} ", lang.text(ui::QUESTION_OR));
            let results: Vec<String> = leads
                .into_iter()
                .map(|(place, answers)| place.line(lang, &answers.join(&or)))
                .collect();
            // None left: the other answers change only the ground.
            (!results.is_empty()).then_some(Change { instead, results })
        })
        .collect()
}

/// Where another answer leads, if that can change what the result asks of
/// the reader.
#[derive(PartialEq)]
enum Place {
    Result(OutcomeClass),
    /// More questions, after which these classes are possible.
    Questions(Classes),
}

impl Place {
    fn of(class: OutcomeClass, leads_to: &LeadsTo) -> Option<Place> {
        match leads_to {
            LeadsTo::Outcome(o) => outcome_class(*o)
                .filter(|c| !class.asks_the_same_as(*c))
                .map(Place::Result),
            LeadsTo::Questions { possible, .. } => possible
                .iter()
                .any(|c| c != class)
                .then_some(Place::Questions(*possible)),
        }
    }

    fn line(&self, lang: Lang, answers: &str) -> String {
        match self {
            Place::Result(c) => fill(
                lang.text(ui::OUTCOME_ALTERNATIVE),
                &[("answers", answers), ("result", lang.text(c.label()))],
            ),
            Place::Questions(possible) => {
                let results: Vec<&str> = possible.iter().map(|c| lang.text(c.label())).collect();
                fill(
                    lang.text(ui::OUTCOME_ALTERNATIVE_MORE),
                    &[
                        ("answers", answers),
                        ("results", &results.join(lang.text(meta::LIST_SEPARATOR))),
                    ],
                )
            }
        }
    }
}
