//! Units for every view: current or fixed prices (with the price year), and
//! per inhabitant.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::choice_group::ChoiceGroup;
use super::context::use_app_context;
use crate::analysis::PriceBasis;
use crate::i18n::Text;
use crate::view::price_years;

/// The units controls.
#[component]
pub fn UnitsControls() -> impl IntoView {
    let context = use_app_context();
    let lang = context.lang;
    let basis = Memo::new(move |_| context.view.with(|view| view.units.prices.basis()));
    let base_years = Memo::new(move |_| context.derive(price_years));
    let on_base = move |event: leptos::ev::Event| {
        let year = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|select| select.value().parse::<u16>().ok());
        if let Some(year) = year {
            context.change_view(|view| view.set_price_year(year));
        }
    };
    let per_inhabitant = Memo::new(move |_| context.view.with(|view| view.units.per_inhabitant));
    // An embedded chart shows the units its address gives; changing them is
    // for the full app.
    if context.view.with_untracked(|view| view.embed) {
        return ().into_any();
    }
    view! {
        <div class="controls units">
            <ChoiceGroup
                name="prices"
                legend=Text::UnitsLabel
                options=vec![(PriceBasis::Current, Text::PricesCurrent), (PriceBasis::Fixed, Text::PricesFixed)]
                selected=basis
                pick=move |basis| context.change_view(|view| view.set_price_basis(basis))
            />
            <label class="select-label">
                <span>{move || Text::BaseYear.get(lang.get())}</span>
                <select name="base" disabled=basis.get_untracked() != PriceBasis::Fixed prop:disabled=move || basis.get() != PriceBasis::Fixed on:change=on_base>
                    {move || base_years.get().into_iter().map(|year| view! {
                        <option value=year.year.to_string() selected=year.chosen prop:selected=year.chosen>{year.label}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="choice checkbox">
                <input
                    type="checkbox"
                    name="per-inhabitant"
                    checked=per_inhabitant.get_untracked()
                    prop:checked=per_inhabitant
                    on:change=move |_| context.change_view(|view| view.toggle_per_inhabitant())
                />
                <span>{move || Text::PerInhabitant.get(lang.get())}</span>
            </label>
        </div>
    }
    .into_any()
}
