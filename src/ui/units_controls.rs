//! Units for every view: current or fixed prices (with the price year), and
//! per inhabitant.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::choice_group::{ChoiceGroup, ChoiceOption};
use super::context::use_app_context;
use crate::analysis::Prices;
use crate::i18n::Text;
use crate::view::price_years;

/// The units controls.
#[component]
pub fn UnitsControls() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let text = move |text: Text| Signal::derive(move || text.get(lang()).to_string());
    let prices = Signal::derive(move || match context.view.with(|view| view.units.prices) {
        Prices::Current => "current",
        Prices::Fixed { .. } => "fixed",
    });
    let pick_prices = move |key: &'static str| {
        context.change_view(|view| {
            view.units.prices = if key == "fixed" {
                Prices::Fixed { base: None }
            } else {
                Prices::Current
            };
        })
    };
    let base_years = Memo::new(move |_| context.derive(price_years));
    let on_base = move |event: leptos::ev::Event| {
        let Some(select) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        if let Ok(year) = select.value().parse::<u16>() {
            context.change_view(|view| view.units.prices = Prices::Fixed { base: Some(year) });
        }
    };
    let per_inhabitant = move || context.view.with(|view| view.units.per_inhabitant);
    // An embedded chart shows the units its address gives; changing them is
    // for the full app.
    if context.view.with_untracked(|view| view.embed) {
        return ().into_any();
    }
    view! {
        <div class="controls units">
            <ChoiceGroup
                name="prices"
                legend=text(Text::UnitsLabel)
                options=vec![
                    ChoiceOption { key: "current", label: text(Text::PricesCurrent) },
                    ChoiceOption { key: "fixed", label: text(Text::PricesFixed) },
                ]
                selected=prices
                pick=pick_prices
            />
            <label class="select-label">
                <span>{move || Text::BaseYear.get(lang())}</span>
                <select name="base" prop:disabled=move || prices.get() != "fixed" on:change=on_base>
                    {move || base_years.get().into_iter().map(|year| view! {
                        <option value=year.year.to_string() prop:selected=year.chosen>{year.label}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="choice checkbox">
                <input
                    type="checkbox"
                    name="per-inhabitant"
                    prop:checked=per_inhabitant
                    on:change=move |_| context.change_view(|view| view.units.per_inhabitant = !view.units.per_inhabitant)
                />
                <span>{move || Text::PerInhabitant.get(lang())}</span>
            </label>
        </div>
    }
    .into_any()
}
