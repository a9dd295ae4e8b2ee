//! The year choices: a labelled checkbox per agreement year, and shortcuts.

use std::sync::Arc;

use leptos::prelude::*;

use super::context::use_app_context;
use super::keyed_items::{keyed_items, with_own_owner, ItemView, Items, KeyedItem};
use crate::i18n::Text;
use crate::model::Value;
use crate::state::DEFAULT_YEARS;
use crate::view::missing_years_note;

/// The year chooser.
#[component]
pub fn YearPicker() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let years: Items = Arc::new(move || {
        context.catalog.with(|catalog| {
            catalog
                .listed_years()
                .into_iter()
                .map(KeyedItem::Year)
                .collect()
        })
    });
    let parent = Owner::current();
    let year_option: ItemView = Arc::new(move |item| {
        let KeyedItem::Year(year) = item else {
            return ().into_any();
        };
        with_own_owner(&parent, || {
            let checked = move || context.view.with(|view| view.years.contains(&year));
            let failed = move || context.catalog.with(|catalog| catalog.failed(year));
            let disputed = move || {
                context.catalog.with(|catalog| {
                    catalog.agreements.get(&year).is_some_and(|loaded| {
                        matches!(loaded.agreement.total.value(), Value::Range { .. })
                    })
                })
            };
            view! {
                <label class="year-option" class:failed=failed>
                    <input
                        type="checkbox"
                        name="year"
                        value=year.to_string()
                        // The attribute for the page drawn at build time, the
                        // property for every change after.
                        checked=context.view.with_untracked(|view| view.years.contains(&year))
                        prop:checked=checked
                        disabled=failed
                        on:change=move |_| context.change_view(|view| view.toggle_year(year))
                    />
                    <span class="year-number">{year}</span>
                    <Show when=disputed>
                        <span class="year-flag">{move || Text::DisputedMarker.get(lang())}</span>
                    </Show>
                </label>
            }
            .into_any()
        })
    });
    view! {
        <fieldset class="year-picker">
            <legend>{move || Text::ChooseYears.get(lang())}</legend>
            <div class="year-row">
            <div class="year-options">
                {keyed_items(years, year_option)}
            </div>
            <div class="year-shortcuts">
                <button type="button" on:click=move |_| {
                    let all = context.catalog.with_untracked(|catalog| catalog.agreements.keys().copied().collect());
                    context.change_view(|view| view.years = all);
                }>{move || Text::SelectAllYears.get(lang())}</button>
                <button type="button" on:click=move |_| context.change_view(|view| view.years = DEFAULT_YEARS.to_vec())>
                    {move || Text::SelectDefaultYears.get(lang())}
                </button>
                <button type="button" on:click=move |_| context.change_view(|view| view.years.clear())>
                    {move || Text::ClearYears.get(lang())}
                </button>
            </div>
            </div>
            {move || context.catalog.with(|catalog| missing_years_note(&catalog.years_without_file(), lang())).map(|note| view! {
                <p class="year-note">{note}</p>
            })}
        </fieldset>
    }
}
