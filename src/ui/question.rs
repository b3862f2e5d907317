//! One question per page, GOV.UK style: the question is the heading and the
//! legend; a hint; what the answer depends on, on the page itself; the
//! answers (radios, or checkboxes with the answers that stand alone after
//! "or"); help in the same place on every step. An Annex I screen also has
//! a search box that filters its descriptions by the reader's own words.

use yew::prelude::*;

use crate::rules::content::choice;
use crate::rules::{Answer, AskNode, Choice, Offered, Opt};
use crate::text::{Lang, fill, ui};

use super::parts::{BackLink, Heading, any_marked, cites, mark_symbol, marks_note, rich};
use super::screen_search::{Search, is_screen, search_box, status, use_after_pause};

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub lang: Lang,
    pub node: AskNode,
    pub selected: Option<Answer>,
    pub error: bool,
    pub onselect: Callback<Choice>,
    pub ontoggle: Callback<usize>,
    pub onconfirm: Callback<()>,
    pub onback: Callback<()>,
    /// "Save and come back later", where the answers may be remembered.
    #[prop_or_default]
    pub onsave: Option<Callback<()>>,
    /// The answers were just saved from this page.
    #[prop_or_default]
    pub saved: bool,
}

/// One answer on the page: a radio, or a checkbox for a checklist's item.
struct Control<'a> {
    lang: Lang,
    /// The page's id prefix; the control's id adds its position.
    base: &'a str,
    index: usize,
    checkbox: bool,
    checked: bool,
    onchange: Callback<Event>,
    node_ref: NodeRef,
    /// Left out of view by the search (never while ticked).
    hidden: bool,
}

fn answer(c: Control<'_>, opt: &Opt) -> Html {
    let Control {
        lang,
        base,
        index,
        checkbox,
        checked,
        onchange,
        node_ref,
        hidden,
    } = c;
    let id = format!("{base}-{index}");
    let hint_id = format!("{id}-hint");
    let mark_id = format!("{id}-mark");
    let mark = opt.status.and_then(|s| s.mark().map(|m| (s, m)));
    let described_by = [
        opt.hint.map(|_| hint_id.clone()),
        mark.map(|_| mark_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let (kind, class) = if checkbox {
        ("checkbox", "cs-checkbox")
    } else {
        ("radio", "cs-radio")
    };
    // Each input is a question's own (keyed by its id): one taken over from
    // the last page could, as it joins this page's group while still
    // ticked, untick the answer given here.
    html! {
        <div class={classes!(class, (opt.choice == choice::NOT_SURE).then_some("cs-radio-unsure"))} {hidden}>
            <input key={id.clone()} class={format!("{class}-input")} type={kind} id={id.clone()} name={base.to_owned()}
                value={opt.choice.key()} {checked}
                aria-describedby={(!described_by.is_empty()).then_some(described_by)}
                ref={node_ref} {onchange} />
            // The symbol is seen at the end of the label; its word describes
            // the answer rather than naming it.
            <label class={format!("{class}-label")} for={id}>
                { lang.text(opt.label) }
                if let Some((status, _)) = mark { { mark_symbol(lang, status) } }
            </label>
            if let Some((_, m)) = mark {
                <span id={mark_id} class="cs-visually-hidden">{ lang.text(m.word) }</span>
            }
            if let Some(h) = opt.hint {
                <div id={hint_id} class={classes!("cs-hint", format!("{class}-hint"))}>{ lang.text(h) }</div>
            }
        </div>
    }
}

#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionProps) -> Html {
    let lang = props.lang;
    let t = |id| lang.text(id);
    let n = props.node.node();
    let ask = props.node.ask();
    let first = use_node_ref();
    let help = use_node_ref();
    let search = use_state(Search::default);
    // Each question starts with its help folded and no search, also where
    // its page takes over the last one's elements. A search left behind is
    // dropped before the new page is painted.
    {
        let (help, search) = (help.clone(), search.clone());
        use_effect_with(n.key, move |_| {
            crate::platform::fold(&help);
            if *search != Search::default() {
                search.set(Search::default());
            }
        });
    }
    let (items, alone, checklist): (&[Opt], &[Opt], bool) = match props.node.offered() {
        Offered::One(options) => (options, &[], false),
        Offered::Ticked { items, alone } => (items, alone, true),
    };
    let base = format!("cs-{}", n.key);
    let hint_id = format!("{base}-hint");
    let criteria_id = format!("{base}-criteria");
    let error_id = format!("{base}-error");
    let described_by = [
        Some(hint_id.clone()),
        ask.criteria.map(|_| criteria_id.clone()),
        props.error.then(|| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    // The message names the way out where the page has one: the answer
    // that stands alone, or "I'm not sure".
    let unsure = items.iter().find(|o| o.choice == choice::NOT_SURE);
    let error_text = match (alone.first(), unsure) {
        (Some(none), _) if checklist => fill(
            t(ui::QUESTION_ERROR_SELECT_MANY),
            &[("none", t(none.label))],
        ),
        (_, Some(unsure)) => fill(
            t(ui::QUESTION_ERROR_SELECT_UNSURE),
            &[("unsure", t(unsure.label))],
        ),
        _ => t(ui::QUESTION_ERROR_SELECT).to_owned(),
    };
    let options_marked = items
        .iter()
        .chain(alone)
        .any(|o| o.status.and_then(|s| s.mark()).is_some());
    let basis = n.basis();
    let basis_marked = any_marked(&basis);
    let onsubmit = props.onconfirm.reform(|e: SubmitEvent| e.prevent_default());
    // The summary's link moves focus to the answers without touching the URL,
    // which may belong to a host page.
    let onerrorlink = {
        let first = first.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            crate::platform::focus(&first);
        })
    };
    let is = |c: Choice| props.selected == Some(Answer::One(c));
    let ticked = |i: usize| matches!(props.selected, Some(Answer::Ticked(set)) if set.has(i));
    let node_ref = |i: usize| {
        if i == 0 {
            first.clone()
        } else {
            NodeRef::default()
        }
    };
    let control = |index: usize, checked: bool, onchange: Callback<Event>, hidden: bool| Control {
        lang,
        base: &base,
        index,
        checkbox: checklist,
        checked,
        onchange,
        node_ref: node_ref(index),
        hidden: hidden && !checked,
    };
    // The search: each item that does not match is out of view, and so is
    // "None of these", which needs every description read.
    let screen = checklist && is_screen(items);
    let filter = search.filter(lang, items, screen);
    let filtering = filter.filtering;
    let said = use_after_pause(status(lang, &search, &filter));
    // The click is handled before the form would submit, so that "Continue"
    // (and Enter, which clicks it) also works in a frame sandboxed without
    // allow-forms, where submission is blocked. While the search hides
    // descriptions, it shows them all first: an unticked one counts as "no".
    let onclick = {
        let (search, onconfirm) = (search.clone(), props.onconfirm.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if filtering {
                search.set(Search::cleared());
            } else {
                onconfirm.emit(());
            }
        })
    };
    let one = |i: usize, opt: &Opt| {
        let c = opt.choice;
        answer(
            control(
                i,
                is(c),
                props.onselect.reform(move |_: Event| c),
                filtering && !opt.all,
            ),
            opt,
        )
    };
    let ticks: Vec<bool> = (0..items.len()).map(ticked).collect();
    let search_box = screen.then(|| search_box(lang, &base, &search, ticks, said));

    html! {
        <div class="cs-page">
            <BackLink {lang} onback={props.onback.clone()} />
            if props.error {
                <div class="cs-error-summary" role="alert" tabindex="-1" aria-labelledby={format!("{base}-error-summary")}>
                    <Heading depth=1 id={format!("{base}-error-summary")} class="cs-error-summary-title">{ t(ui::QUESTION_ERROR_SUMMARY) }</Heading>
                    <ul class="cs-error-summary-list">
                        <li><a href={format!("#{base}-0")} onclick={onerrorlink}>{ error_text.clone() }</a></li>
                    </ul>
                </div>
            }
            <form class="cs-form" novalidate=true {onsubmit}>
                <div class={classes!("cs-form-group", props.error.then_some("cs-form-group-error"))}>
                    <fieldset class="cs-fieldset" aria-describedby={described_by}>
                        <legend class="cs-legend">
                            <Heading title=true>{ t(n.title) }</Heading>
                        </legend>
                        <div id={hint_id} class="cs-hint">{ t(ask.hint) }</div>
                        if let Some(criteria) = ask.criteria {
                            <div id={criteria_id} class="cs-criteria">{ rich(lang, criteria) }</div>
                        }
                        if props.error {
                            <p id={error_id} class="cs-error-message">
                                <span class="cs-visually-hidden">{ t(ui::QUESTION_ERROR_PREFIX) }</span>
                                { " " }{ error_text }
                            </p>
                        }
                        { search_box }
                        <div class={if checklist { "cs-checkboxes" } else { "cs-radios" }}>
                            if checklist {
                                { for items.iter().enumerate().map(|(i, opt)| {
                                    answer(control(i, ticked(i), props.ontoggle.reform(move |_: Event| i), !filter.shown[i]), opt)
                                }) }
                                <div class="cs-or">{ t(ui::QUESTION_OR) }</div>
                                { for alone.iter().enumerate().map(|(j, opt)| one(items.len() + j, opt)) }
                                if filtering {
                                    if let Some(none) = alone.iter().find(|o| !o.all) {
                                        <p class="cs-hint">{ fill(t(ui::QUESTION_SEARCH_CLEAR_FOR), &[("none", t(none.label))]) }</p>
                                    }
                                }
                            } else {
                                { for items.iter().enumerate().map(|(i, opt)| one(i, opt)) }
                            }
                        </div>
                        if options_marked { { marks_note(lang) } }
                    </fieldset>
                </div>
                <details class="cs-details" ref={help}>
                        <summary class="cs-details-summary">{ t(ui::QUESTION_HELP) }</summary>
                        <div class="cs-details-text">
                            if let Some(help) = ask.help { { rich(lang, help) } }
                            if let Some(f) = ask.falls_in {
                                <Heading depth=1 class="cs-small-heading">{ t(ui::QUESTION_FALLS_IN) }</Heading>
                                { rich(lang, f) }
                            }
                            if let Some(f) = ask.falls_out {
                                <Heading depth=1 class="cs-small-heading">{ t(ui::QUESTION_FALLS_OUT) }</Heading>
                                { rich(lang, f) }
                            }
                            <Heading depth=1 class="cs-small-heading">{ t(ui::QUESTION_LEGAL_BASIS) }</Heading>
                            { cites(lang, &basis) }
                            if basis_marked { { marks_note(lang) } }
                        </div>
                </details>
                <div class="cs-button-group">
                    <button type="submit" class="cs-button" {onclick}>{ t(ui::QUESTION_CONTINUE) }</button>
                    if let Some(onsave) = &props.onsave {
                        <button type="button" class="cs-button cs-button-secondary"
                            onclick={onsave.reform(|_: MouseEvent| ())}>{ t(ui::QUESTION_SAVE) }</button>
                    }
                </div>
                // Always there, so that the confirmation is announced.
                <p class="cs-saved" role="status">
                    if props.saved { { t(ui::QUESTION_SAVED) } }
                </p>
            </form>
        </div>
    }
}
