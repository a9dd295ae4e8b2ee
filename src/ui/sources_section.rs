//! Every figure of the years in view with its status, derivation, quote and link.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::use_app_context;
use super::figure_list::FigureList;
use super::finding_list::FindingList;
use super::keyed_items::{keyed_items, with_own_owner, ItemView, Items, KeyedItem};
use crate::i18n::Text;
use crate::view::sources_in_view;

/// The sources section.
#[component]
pub fn SourcesSection() -> impl IntoView {
    let context = use_app_context();
    // Below the table: it follows the view a frame later, in the view's own
    // language then (`AppContext::settled_view`).
    let lang = move || context.settled_view.with(|view| view.lang);
    let years = Memo::new(move |_| context.derive_settled(sources_in_view));
    let panels: Items = Arc::new(move || {
        let lang = lang();
        years
            .get()
            .into_iter()
            .map(|year| KeyedItem::Sources(lang, year))
            .collect()
    });
    let parent = Owner::current();
    let panel: ItemView = Arc::new(move |item| {
        let KeyedItem::Sources(lang, year) = item else {
            return ().into_any();
        };
        with_own_owner(&parent, || {
            view! {
                <details class="year-sources" data-year=year.year>
                    <summary><strong>{year.year}</strong>": "{year.title}</summary>
                    <p class="parties">{year.parties}</p>
                    {year.note.map(|note| view! { <p class="year-note">{note}</p> })}
                    <FigureList entries=year.entries lang=lang/>
                    {(!year.findings.is_empty()).then(|| view! {
                        <div class="findings">
                            <h3>{Text::FindingsTitle.get(lang)}</h3>
                            <p>{Text::FindingsIntro.get(lang)}</p>
                            <FindingList findings=year.findings/>
                        </div>
                    })}
                </details>
            }
            .into_any()
        })
    });
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{move || Text::SourcesTitle.get(lang())}</h2>
            <p>{move || Text::SourcesIntro.get(lang())}</p>
            // Keyed by what a panel shows (in its language): a year toggle
            // adds or removes one year's panel, and the others (and any the
            // visitor opened) stay as they are; a panel whose figures change
            // (a bridge end that is now an own file of that year) is new.
            {keyed_items(panels, panel)}
        </section>
    }
}
