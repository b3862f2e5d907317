//! The search box of an Annex I screen: it filters the screen's
//! descriptions by the reader's own words. Kept on its page only (a new
//! question starts without one), it never hides what is ticked, and never
//! lets a description the reader did not see count as "no".

use yew::prelude::*;

use crate::platform;
use crate::rules::content::{SEARCH_WORDS, provision};
use crate::rules::{Opt, ProvisionKind};
use crate::text::{Lang, fill, search, ui};

#[derive(Clone, Default, PartialEq)]
pub struct Search {
    query: String,
    /// The items ticked when the query last changed: they stay in view until
    /// it changes again, even once unticked, so that focus is not lost.
    kept: Vec<bool>,
    /// "Continue" was pressed while filtering: the search was cleared, for
    /// every description to be read before one left unticked counts as "no".
    cleared: bool,
}

/// What the search leaves in view.
pub struct Filter {
    /// Some description is out of view.
    pub filtering: bool,
    /// Each item matches the query (all do without one).
    matching: Vec<bool>,
    /// Each item is in view: it matches, or was ticked when the query changed.
    pub shown: Vec<bool>,
}

impl Search {
    /// The screen's items as this search leaves them; none filtered where
    /// the page is no screen.
    pub fn filter(&self, lang: Lang, items: &[Opt], screen: bool) -> Filter {
        let words = search::words(&self.query);
        let filtering = screen && !words.is_empty();
        let matching: Vec<bool> = items
            .iter()
            .map(|o| !filtering || search::matches(&words, &searched(lang, o)))
            .collect();
        let shown = (0..items.len())
            .map(|i| matching[i] || self.kept.get(i) == Some(&true))
            .collect();
        Filter {
            filtering,
            matching,
            shown,
        }
    }

    /// After "Continue" while filtering: every description in view again,
    /// and the reader told why.
    pub fn cleared() -> Search {
        Search {
            cleared: true,
            ..Search::default()
        }
    }
}

/// An Annex I screen: a checklist whose every item stands for entries.
pub fn is_screen(items: &[Opt]) -> bool {
    !items.is_empty()
        && items.iter().all(|o| {
            o.cites
                .iter()
                .any(|p| provision(*p).kind == ProvisionKind::Entry)
        })
}

/// What the search looks in for an item: its words, its hint, the other
/// names it goes by and the names of its entries, in the reader's language.
fn searched(lang: Lang, opt: &Opt) -> Vec<String> {
    let entries = opt.cites.iter().map(|p| provision(*p).label);
    let words = SEARCH_WORDS
        .iter()
        .find(|(label, _)| *label == opt.label)
        .map(|(_, words)| *words);
    std::iter::once(opt.label)
        .chain(opt.hint)
        .chain(words)
        .chain(entries)
        .map(|id| search::fold(lang.text(id)))
        .collect()
}

/// What the search finds, in words: how many descriptions match, or that
/// none does; nothing without a query.
pub fn status(lang: Lang, search: &Search, filter: &Filter) -> String {
    let found = filter.matching.iter().filter(|m| **m).count();
    let query = search.query.trim();
    match (filter.filtering, found) {
        (false, _) => String::new(),
        (true, 0) => fill(lang.text(ui::QUESTION_SEARCH_NOTHING), &[("query", query)]),
        (true, found) => fill(
            lang.text(ui::QUESTION_SEARCH_COUNT),
            &[
                ("shown", &found.to_string()),
                ("total", &filter.matching.len().to_string()),
                ("query", query),
            ],
        ),
    }
}

/// How long the reader pauses before the count is announced.
const SETTLE_MS: u32 = 1000;

/// `text` once it has stayed the same for a pause: a live region that
/// changed on every key would make a screen reader interrupt itself at each
/// letter. Silence needs no pause: a search dropped says nothing at once.
#[hook]
pub fn use_after_pause(text: String) -> String {
    let said = use_state_eq(String::new);
    {
        let said = said.clone();
        use_effect_with(text, move |text| {
            let later = if text.is_empty() {
                said.set(String::new());
                None
            } else {
                let text = text.clone();
                Some(platform::after(SETTLE_MS, move || said.set(text)))
            };
            move || drop(later)
        });
    }
    (*said).clone()
}

/// The box, with `said`, the count of what matches as announced, and, after
/// "Continue" while filtering, why every description is back. `ticks` are
/// the items ticked now, kept in view when the query changes.
pub fn search_box(
    lang: Lang,
    base: &str,
    search: &UseStateHandle<Search>,
    ticks: Vec<bool>,
    said: String,
) -> Html {
    let t = |id| lang.text(id);
    let id = format!("{base}-search");
    let hint_id = format!("{id}-hint");
    let oninput = {
        let search = search.clone();
        Callback::from(move |e: InputEvent| {
            search.set(Search {
                query: e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
                kept: ticks.clone(),
                cleared: false,
            });
        })
    };
    // Enter in the box searches; it does not answer the question.
    let onkeydown = Callback::from(|e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
        }
    });
    html! {
        <div class="cs-search">
            <label class="cs-label" for={id.clone()}>{ t(ui::QUESTION_SEARCH) }</label>
            <div id={hint_id.clone()} class="cs-hint">{ t(ui::QUESTION_SEARCH_HINT) }</div>
            <input class="cs-input" type="search" {id} autocomplete="off"
                aria-describedby={hint_id} value={search.query.clone()} {oninput} {onkeydown} />
            <p class="cs-search-status" role="status">{ said }</p>
            if search.cleared {
                <p class="cs-search-cleared" role="alert">{ t(ui::QUESTION_SEARCH_READ_ALL) }</p>
            }
        </div>
    }
}
