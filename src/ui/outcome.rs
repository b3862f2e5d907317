//! The outcome, as its report tells it: the verdict, what you need to do,
//! whom to contact, then why, what would change it, and the sources.

use yew::prelude::*;

use crate::platform;
use crate::rules::about::{Field, MAX_CHARS};
use crate::rules::content::CONTENT_VERSION;
use crate::rules::record::Record;
use crate::rules::{MemberState, Note, Status};
use crate::text::{fill, ui};

use super::check::AnswerList;
use super::member_state::MemberStateField;
use super::parts::{
    BackLink, Heading, any_marked, cites, marks_note, rich, rich_text, status_mark,
};
use super::prepared;
use super::settings::Settings;
use super::state::State;

#[derive(Properties, PartialEq)]
pub struct OutcomeProps {
    pub state: State,
    pub onback: Callback<()>,
    pub onmemberstate: Callback<Option<MemberState>>,
    pub onabout: Callback<(Field, String)>,
}

#[function_component(OutcomePage)]
pub fn outcome_page(props: &OutcomeProps) -> Html {
    let state = &props.state;
    let settings = use_context::<Settings>().unwrap_or_default();
    let lang = state.lang;
    // The moment the outcome was reached, written once per language.
    let reached = *use_memo((), |()| platform::now());
    let created = (*use_memo(lang, move |lang| lang.date(reached))).clone();
    let t = |id| lang.text(id);
    // The top of the page, from the verdict to whom to contact, is painted
    // first; the rest follows in the next frame, so that a slow device shows
    // the result within a few frames. Until then the page says it is busy,
    // and carries no `data-outcome`: a reader of that hook finds it whole.
    let complete = use_state_eq(|| false);
    {
        let complete = complete.clone();
        use_effect_with((), move |()| {
            platform::after_paint(move || complete.set(true));
        });
    }
    let report = prepared::report(state);
    let Some(r) = report.as_ref() else {
        return Html::default();
    };
    // The files are made when asked for, not on every render; named after
    // the product and the day.
    let day = reached.day();
    let download = |extension: &'static str| {
        let state = state.clone();
        let file = format!("{}.{extension}", state.about.file_stem(&day));
        Callback::from(move |_: MouseEvent| {
            let record = Record {
                answers: &state.answers,
                lang: state.lang,
                member_state: state.member_state,
                created: reached,
                about: &state.about,
            };
            let _ = match extension {
                "json" => platform::download(&file, "application/json", &record.to_json()),
                _ => {
                    platform::download(&file, "text/markdown;charset=utf-8", &record.to_markdown())
                }
            };
        })
    };
    let (ondownload_md, ondownload_json) = (download("md"), download("json"));
    let onprint = Callback::from(|_: MouseEvent| platform::print());

    let note = |n: &&Note| html! { <li data-note={n.key}>{ t(n.text) }</li> };

    html! {
        <div class="cs-page cs-outcome" aria-busy={(!*complete).then_some("true")}
            data-outcome={complete.then(|| r.class.code())} data-cites={complete.then(|| r.cite_tokens.join(" "))}>
            <BackLink {lang} onback={props.onback.clone()} />
            <div class="cs-print-only cs-record-head">
                <p class="cs-record-title">{ t(ui::RECORD_HEADING) }</p>
                <p>{ fill(t(ui::RECORD_CREATED), &[("date", &created)]) }{ " · " }{ fill(t(ui::START_RULES_VERSION), &[("version", CONTENT_VERSION)]) }</p>
                if !state.about.is_empty() {
                <dl class="cs-summary">
                    { for state.about.filled().map(|(field, value)| html! {
                        <div class="cs-summary-row">
                            <dt class="cs-summary-key">{ t(field.label()) }</dt>
                            <dd class="cs-summary-value">{ value }</dd>
                        </div>
                    }) }
                </dl>
                }
            </div>
            <p class="cs-caption">{ t(ui::OUTCOME_HEADING) }</p>
            <Heading title=true>{ &r.title }</Heading>
            if let Some(label) = r.entry_label {
                <p class="cs-entry">{ label }</p>
            }
            // Who decides, named with the verdict; the section below has
            // the details and the choice of Member State.
            if let Some(a) = r.authority {
                <p class="cs-verdict-authority">
                    { fill(t(ui::OUTCOME_AUTHORITY_LINE), &[("state", t(a.state_name))]) }{ " " }
                    <a href={a.url} rel="noopener noreferrer" target="_blank">{ t(a.name) }</a>
                </p>
            }

            { for r.warnings.iter().map(|n| html! {
                <div class="cs-warning" data-note={n.key}>
                    <span class="cs-warning-icon" aria-hidden="true">{ "!" }</span>
                    <p class="cs-warning-text">
                        <span class="cs-visually-hidden">{ t(ui::OUTCOME_WARNING) }{ " " }</span>
                        { t(n.text) }
                    </p>
                </div>
            }) }

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_NEXT_STEPS) }</Heading>
            <ol class="cs-list cs-steps">
                { for r.steps.iter().map(|step| html! { <li>{ *step }</li> }) }
            </ol>
            if let Some(more) = r.more {
                <details class="cs-details">
                    <summary class="cs-details-summary">{ t(ui::OUTCOME_MORE) }</summary>
                    <div class="cs-details-text">{ rich_text(more) }</div>
                </details>
            }

            if !r.points.is_empty() {
                <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_POINTS) }</Heading>
                <ul class="cs-list cs-notes">{ for r.points.iter().map(note) }</ul>
            }

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_CONTACT) }</Heading>
            // Above what it shows, which then appears below the choice
            // rather than pushing it down.
            <MemberStateField {lang} selected={state.member_state} onchange={props.onmemberstate.clone()} />
            // Always there, so that the authority of a newly chosen Member
            // State is announced.
            <div aria-live="polite">
            if let Some(a) = r.authority {
                <div class="cs-authority">
                    <p>
                        <a href={a.url} rel="noopener noreferrer" target="_blank">{ t(a.name) }</a>
                        { " " }{ status_mark(lang, a.status) }
                    </p>
                    if !a.contacts.is_empty() {
                        <ul class="cs-list cs-contacts">{ for a.contacts.iter().map(|r| html! {
                            <li>
                                <a href={r.href()} rel="noopener noreferrer" target="_blank">
                                    { if r.is_page() { t(r.label()).to_owned() } else { r.line(lang) } }
                                </a>
                                { " " }{ status_mark(lang, r.status) }
                            </li>
                        }) }</ul>
                        // A contact's mark is explained here where no
                        // marked source explains it further down.
                        if a.contacts.iter().any(|c| c.status.mark().is_some()) && !any_marked(&r.sources) {
                            { marks_note(lang) }
                        }
                    }
                    <p class="cs-hint">{ t(match a.status {
                        Status::Verified => ui::OUTCOME_AUTHORITY_CHECKED,
                        Status::Secondary => ui::OUTCOME_AUTHORITY_SECONDARY,
                        Status::Unverified => ui::OUTCOME_AUTHORITY_UNVERIFIED,
                    }) }</p>
                </div>
            }
            </div>
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


            if *complete {
            if let Some(draft) = &r.draft {
                <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_DRAFT) }</Heading>
                <div class="cs-draft">{ rich_text(draft) }</div>
            }

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_WHY) }</Heading>
            <p class="cs-tag" data-class={r.class.code()}>{ t(r.class.label()) }</p>
            <p>{ &r.summary }</p>
            if !r.why.is_empty() {
                <p>{ t(ui::OUTCOME_WHY_LEAD) }</p>
            }
            <ul class="cs-why">
                { for r.why.iter().map(|reason| html! {
                    <li>{ &reason.text }{ cites(lang, &reason.grounds) }</li>
                }) }
            </ul>

            <details class="cs-details">
                <summary class="cs-details-summary">{ t(ui::OUTCOME_CHANGE) }</summary>
                <div class="cs-details-text">
                    if r.changes.is_empty() {
                        <p>{ t(ui::OUTCOME_CHANGE_NONE) }</p>
                    } else {
                        <ul class="cs-list cs-changes">
                            { for r.changes.iter().map(|c| html! {
                                <li>
                                    { &c.instead }
                                    <ul class="cs-list">{ for c.results.iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                                </li>
                            }) }
                        </ul>
                    }
                </div>
            </details>

            if !r.screened.is_empty() {
                <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_ENTRIES) }</Heading>
                { cites(lang, &r.screened) }
                <p class="cs-hint">{ t(r.screened_hint) }</p>
            }

            <Heading depth=1 class="cs-heading">{ t(ui::OUTCOME_ALSO) }</Heading>
            { rich(lang, ui::OUTCOME_SIDE_CHECKS) }

            // The answers were checked before the result; folded here, they
            // are printed in full.
            <details class="cs-details cs-answers-folded">
                <summary class="cs-details-summary">{ t(ui::RECORD_ANSWERS) }</summary>
                <div class="cs-details-text">
                    <AnswerList {lang} answers={state.answers.clone()} nested=true />
                </div>
            </details>

            <Heading depth=2 class="cs-small-heading">{ t(r.open_points_heading()) }</Heading>
            <ul class="cs-list cs-open-points">
                if r.open_points.is_empty() {
                    <li>{ t(ui::RECORD_NONE) }</li>
                }
                { for r.open_points.iter().map(|line| html! { <li>{ line }</li> }) }
            </ul>

            // The values are printed in the record's head.
            <div class="cs-about cs-no-print">
                <Heading depth=1 class="cs-heading">{ t(ui::ABOUT_HEADING) }</Heading>
                <p class="cs-hint">{ t(ui::ABOUT_HINT) }</p>
                { for Field::ALL.into_iter().map(|field| {
                    let id = format!("cs-about-{}", field.key());
                    // Taken when the field is left, not on every key: the
                    // page is rendered again with each change.
                    let onchange = props.onabout.reform(move |ev: Event| {
                        (field, ev.target_unchecked_into::<web_sys::HtmlInputElement>().value())
                    });
                    html! {
                        <div class="cs-form-group">
                            <label class="cs-label" for={id.clone()}>{ t(field.label()) }</label>
                            <input class="cs-input" type="text" {id} maxlength={MAX_CHARS.to_string()}
                                autocomplete="off" value={state.about.get(field).unwrap_or_default().to_owned()} {onchange} />
                        </div>
                    }
                }) }
            </div>

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
            if any_marked(&r.sources) { { marks_note(lang) } }
            { cites(lang, &r.sources) }
            <p class="cs-hint">{ fill(t(ui::START_RULES_VERSION), &[("version", CONTENT_VERSION)]) }</p>
            <p class="cs-advice">{ t(ui::OUTCOME_NOT_ADVICE) }</p>
            <div class="cs-print-only cs-signature">
                <p>{ t(ui::RECORD_REVIEWER) }</p>
                <p>{ t(ui::RECORD_DATE) }</p>
                <p>{ t(ui::RECORD_SIGNATURE) }</p>
            </div>
            }
        </div>
    }
}
