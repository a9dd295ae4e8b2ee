//! Shows its content only when some chosen year is loaded; otherwise says
//! why nothing is shown.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::i18n::Text;

/// Guards a view that shows the chosen years.
#[component]
pub fn ChosenYears(children: ChildrenFn) -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let none_chosen = move || context.view.with(|view| view.years.is_empty());
    // Chosen years may still be loading, or may all have failed (the alert says why).
    let none_loaded =
        move || context.derive(|catalog, view| catalog.chosen(&view.years).is_empty());
    let still_loading = move || context.pending.get() > 0;
    let children = StoredValue::new(children);
    view! {
        <Show
            when=move || !none_chosen()
            fallback=move || view! { <p class="empty-state">{move || Text::NoYearsChosen.get(lang())}</p> }
        >
            <Show
                when=move || !none_loaded()
                fallback=move || view! {
                    <Show when=move || !still_loading()>
                        <p class="empty-state">{move || Text::NoChosenYearLoaded.get(lang())}</p>
                    </Show>
                }
            >
                {children.read_value()()}
            </Show>
        </Show>
    }
}
