//! A labelled group of radio buttons: the accessible way to pick one of a few.

use leptos::prelude::*;

/// One option of a group.
#[derive(Clone)]
pub struct ChoiceOption {
    /// The value (goes into the address).
    pub key: &'static str,
    /// The label, in the current language.
    pub label: Signal<String>,
}

/// A fieldset of radio buttons. `selected` names the chosen key; `pick` is
/// called with the key the visitor picks.
#[component]
pub fn ChoiceGroup(
    name: &'static str,
    #[prop(into)] legend: Signal<String>,
    options: Vec<ChoiceOption>,
    #[prop(into)] selected: Signal<&'static str>,
    pick: impl Fn(&'static str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <fieldset class="choice-group" data-choice=name>
            <legend>{move || legend.get()}</legend>
            {options.into_iter().map(|option| {
                let key = option.key;
                view! {
                    <label class="choice">
                        <input
                            type="radio"
                            name=name
                            value=key
                            prop:checked=move || selected.get() == key
                            on:change=move |_| pick(key)
                        />
                        <span>{move || option.label.get()}</span>
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
