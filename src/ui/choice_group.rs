//! A labelled group of radio buttons: the accessible way to pick one of a few.

use leptos::prelude::*;

use crate::i18n::Text;
use crate::keyed::Keyed;

/// A fieldset of radio buttons, one per option of a keyed enum (`Dimension`,
/// `PriceBasis`, …). Each radio's value is the option's key; `selected` is
/// the chosen option and `pick` is called with the one the visitor picks.
#[component]
pub fn ChoiceGroup<T: Keyed>(
    name: &'static str,
    legend: Text,
    options: Vec<(T, Text)>,
    #[prop(into)] selected: Signal<T>,
    pick: impl Fn(T) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = super::context::use_app_context().lang;
    view! {
        <fieldset class="choice-group" data-choice=name>
            <legend>{move || legend.get(lang.get())}</legend>
            {options.into_iter().map(|(option, label)| {
                view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name
                            value=option.key()
                            checked=selected.get_untracked() == option
                            prop:checked=move || selected.get() == option
                            on:change=move |_| pick(option)
                        />
                        <span>{move || label.get(lang.get())}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
