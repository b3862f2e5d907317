//! The outcome: the verdict first, then why, what would change it, what to
//! do next, whom to contact, and the sources.

use yew::prelude::*;

use crate::rules::content::{AUTHORITIES, CONTENT_VERSION, authority, node};
use crate::rules::record::{Record, open_point_lines, outcome_summary, outcome_title};
use crate::rules::{Answer, Explanation, LeadsTo, Status, Step, explain::outcome_class};
use crate::text::{Lang, fill, meta, ui};
use crate::web;

use super::check::AnswerList;
use super::parts::{BackLink, Heading, cites, rich, rich_text, status_badge};
use super::settings::Settings;
use super::state::State;

#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    pub state: State,
    pub onback: Callback<()>,
    pub onrestart: Callback<()>,
    pub onmemberstate: Callback<Option<&'static str>>,
}

fn answer_text(lang: Lang, step: &Step, answer: &Answer) -> String {
    node(step.question).answer_text(lang, answer)
}

fn question_text(lang: Lang, step: &Step) -> &'static str {
    lang.text(node(step.question).title)
}

/// For each decisive answer, the other answers that could change the class
/// of the result, and where they lead.
fn changes(lang: Lang, e: &Explanation) -> Vec<(String, Vec<String>)> {
    e.steps
        .iter()
        .filter(|s| s.decisive)
        .map(|step| {
            let instead = fill(
                lang.text(ui::OUTCOME_INSTEAD),
                &[
                    ("answer", &answer_text(lang, step, &step.answer)),
                    ("question", question_text(lang, step)),
                ],
            );
            let lines = step
                .alternatives
                .iter()
                .filter_map(|alt| {
                    let answer = answer_text(lang, step, &alt.answer);
                    match &alt.leads_to {
                        LeadsTo::Outcome(o) => {
                            let class = outcome_class(*o).filter(|c| *c != e.class)?;
                            Some(fill(
                                lang.text(ui::OUTCOME_ALTERNATIVE),
                                &[("answer", &answer), ("result", lang.text(class.label()))],
                            ))
                        }
                        LeadsTo::Questions { possible, .. } => {
                            possible.iter().any(|c| c != e.class).then(|| {
                                let results: Vec<&str> =
                                    possible.iter().map(|c| lang.text(c.label())).collect();
                                fill(
                                    lang.text(ui::OUTCOME_ALTERNATIVE_MORE),
                                    &[
                                        ("answer", &answer),
                                        ("results", &results.join(lang.text(meta::LIST_SEPARATOR))),
                                    ],
                                )
                            })
                        }
                    }
                })
                .collect();
            (instead, lines)
        })
        .collect()
}

/// The points the authority is asked to settle: the open points, or else
/// the answer that led here.
fn draft_points(lang: Lang, e: &Explanation) -> String {
    let mut lines = open_point_lines(lang, e);
    if lines.is_empty()
        && let Some(s) = e.steps.last()
    {
        let q = node(s.question);
        lines.push(fill(
            lang.text(ui::OUTCOME_DRAFT_POINT),
            &[
                ("question", lang.text(q.title)),
                ("answer", &q.answer_text(lang, &s.answer)),
            ],
        ));
    }
    lines
        .iter()
        .map(|l| format!("- {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[function_component(OutcomePage)]
pub fn outcome_page(props: &OutcomeProps) -> Html {
    let state = &props.state;
    let settings = use_context::<Settings>().unwrap_or_default();
    let lang = state.lang;
    // The moment the outcome was reached, written once per language.
    let reached = *use_memo((), |()| web::now());
    let created = (*use_memo(lang, move |lang| lang.date(reached))).clone();
    let t = |id| lang.text(id);
    let Some(e) = crate::rules::explain(&state.answers) else {
        return Html::default();
    };
    let n = node(e.outcome);
    let Some(o) = n.outcome() else {
        return Html::default();
    };
    let tokens = e.cite_tokens();
    let changes = changes(lang, &e);
    let open = open_point_lines(lang, &e);
    let title = outcome_title(lang, &e);
    let onstate = props.onmemberstate.reform(|ev: Event| {
        let value = ev
            .target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value();
        AUTHORITIES
            .iter()
            .find(|a| a.state == value)
            .map(|a| a.state)
    });
    let onrestart = props.onrestart.reform(|_: MouseEvent| ());
    // The files are made when asked for, not on every render.
    let download = |extension: &'static str| {
        let state = state.clone();
        let created = created.clone();
        let file = format!(
            "cyberscreen-record-{}.{extension}",
            e.class.code().to_ascii_lowercase()
        );
        Callback::from(move |_: MouseEvent| {
            let record = Record {
                answers: &state.answers,
                lang: state.lang,
                member_state: state.member_state,
                created: created.clone(),
            };
            let _ = match extension {
                "json" => web::download(&file, "application/json", &record.to_json()),
                _ => web::download(&file, "text/markdown;charset=utf-8", &record.to_markdown()),
            };
        })
    };
    let (ondownload_md, ondownload_json) = (download("md"), download("json"));
    let onprint = Callback::from(|_: MouseEvent| web::print());

    html! {
        <div class="cs-page cs-outcome" data-outcome={e.class.code()} data-cites={tokens.join(" ")}>
            <BackLink {lang} onback={props.onback.clone()} />
            <div class="cs-print-only cs-record-head">
                <p class="cs-record-title">{ t(ui::RECORD_HEADING) }</p>
                <p>{ fill(t(ui::RECORD_CREATED), &[("date", &created)]) }{ " · " }{ fill(t(ui::START_RULES_VERSION), &[("version", CONTENT_VERSION)]) }</p>
            </div>
            <p class="cs-caption">{ t(ui::OUTCOME_HEADING) }</p>
            <Heading title=true>{ title }</Heading>
            <p class="cs-tag" data-class={e.class.code()}>{ t(e.class.label()) }</p>
            <p class="cs-lead">{ outcome_summary(lang, &e) }</p>

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_WHY) }</Heading>
            <ul class="cs-why">
                { for e.steps.iter().filter(|s| s.decisive).map(|s| {
                    let list = node(s.question).grounds(&s.answer);
                    html! {
                        <li>
                            { fill(t(ui::OUTCOME_ANSWERED), &[("answer", &answer_text(lang, s, &s.answer)), ("question", question_text(lang, s))]) }
                            { cites(lang, &list) }
                        </li>
                    }
                }) }
            </ul>

            <details class="cs-details">
                <summary class="cs-details-summary">{ t(ui::OUTCOME_CHANGE) }</summary>
                <div class="cs-details-text">
                    if changes.is_empty() {
                        <p>{ t(ui::OUTCOME_CHANGE_NONE) }</p>
                    } else {
                        <ul class="cs-list cs-changes">
                            { for changes.into_iter().map(|(instead, lines)| html! {
                                <li>
                                    { instead }
                                    <ul class="cs-list">{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                                </li>
                            }) }
                        </ul>
                    }
                </div>
            </details>

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_NEXT_STEPS) }</Heading>
            if !e.notes.is_empty() {
                <ul class="cs-list cs-notes">
                    { for e.notes.iter().map(|note| html! { <li data-note={note.key}>{ t(note.text) }</li> }) }
                </ul>
            }
            { rich(lang, o.next_steps) }

            if !e.screened.is_empty() {
                <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_ENTRIES) }</Heading>
                { cites(lang, &e.screened) }
                <p class="cs-hint">{ t(ui::OUTCOME_ENTRIES_HINT) }</p>
            }

            if e.class == crate::rules::OutcomeClass::Consult {
                <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_DRAFT) }</Heading>
                <div class="cs-draft">
                    { rich_text(&fill(t(ui::OUTCOME_DRAFT_TEXT), &[("version", CONTENT_VERSION), ("points", &draft_points(lang, &e))])) }
                </div>
            }

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_CONTACT) }</Heading>
            <div class="cs-form-group">
                <label class="cs-label" for="cs-member-state">{ t(ui::OUTCOME_STATE_LABEL) }</label>
                <div id="cs-member-state-hint" class="cs-hint">{ t(ui::OUTCOME_STATE_HINT) }</div>
                <select class="cs-select" id="cs-member-state" aria-describedby="cs-member-state-hint" onchange={onstate}>
                    <option value="" selected={state.member_state.is_none()}>{ t(ui::OUTCOME_STATE_CHOOSE) }</option>
                    { for AUTHORITIES.iter().map(|a| html! {
                        <option value={a.state} selected={state.member_state == Some(a.state)}>{ t(a.state_name) }</option>
                    }) }
                </select>
            </div>
            if let Some(a) = state.member_state.and_then(authority) {
                <div class="cs-authority" aria-live="polite">
                    <p>
                        <a href={a.url} rel="noopener noreferrer" target="_blank">{ t(a.name) }</a>
                        { " " }{ status_badge(lang, a.status) }
                    </p>
                    <p class="cs-hint">{ t(match a.status {
                        Status::Verified => ui::OUTCOME_AUTHORITY_CHECKED,
                        Status::Secondary => ui::OUTCOME_AUTHORITY_SECONDARY,
                        Status::Unverified => ui::OUTCOME_AUTHORITY_UNVERIFIED,
                    }) }</p>
                </div>
            }

            if let Some(c) = &settings.contact {
                <div class="cs-host-contact">
                    <Heading depth=2 class="cs-small-heading">{ t(ui::OUTCOME_HOST_CONTACT) }</Heading>
                    <p>
                        if let Some(url) = &c.url {
                            <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ &c.name }</a>
                        } else {
                            { &c.name }
                        }
                    </p>
                    if let Some(email) = &c.email {
                        <p><a href={format!("mailto:{email}")}>{ email }</a></p>
                    }
                    if let Some(phone) = &c.phone {
                        <p><a href={format!("tel:{}", phone.replace(' ', ""))}>{ phone }</a></p>
                    }
                </div>
            }

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_ALSO) }</Heading>
            if let Some(also) = o.also { { rich(lang, also) } }
            { rich(lang, ui::OUTCOME_SIDE_CHECKS) }

            <Heading depth=1 class="cs-heading">{ t(ui::RECORD_ANSWERS) }</Heading>
            <AnswerList {lang} answers={state.answers.clone()} nested=true />

            <Heading depth=2 class="cs-small-heading">{ t(ui::RECORD_OPEN_POINTS) }</Heading>
            <ul class="cs-list cs-open-points">
                if open.is_empty() {
                    <li>{ t(ui::RECORD_NONE) }</li>
                }
                { for open.into_iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>

            <div class="cs-no-print">
                <Heading depth=1 class="cs-heading">{ t(ui::RECORD_KEEP) }</Heading>
                <p class="cs-hint">{ t(ui::RECORD_KEEP_HINT) }</p>
                <div class="cs-button-group">
                    <button type="button" class="cs-button cs-button-secondary" onclick={onprint}>{ t(ui::RECORD_PRINT) }</button>
                    <button type="button" class="cs-button cs-button-secondary" onclick={ondownload_md}>{ t(ui::RECORD_DOWNLOAD_MD) }</button>
                    <button type="button" class="cs-button cs-button-secondary" onclick={ondownload_json}>{ t(ui::RECORD_DOWNLOAD_JSON) }</button>
                </div>
            </div>

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_SOURCES) }</Heading>
            { cites(lang, &e.cites) }
            <p class="cs-hint">{ fill(t(ui::START_RULES_VERSION), &[("version", CONTENT_VERSION)]) }</p>
            <p class="cs-hint">{ t(ui::OUTCOME_UNVERIFIED_NOTE) }</p>
            <p class="cs-advice">{ t(ui::OUTCOME_NOT_ADVICE) }</p>
            <div class="cs-print-only cs-signature">
                <p>{ t(ui::RECORD_REVIEWER) }</p>
                <p>{ t(ui::RECORD_DATE) }</p>
                <p>{ t(ui::RECORD_SIGNATURE) }</p>
            </div>
            <button type="button" class="cs-button cs-button-secondary" onclick={onrestart}>{ t(ui::OUTCOME_RESTART) }</button>
        </div>
    }
}
