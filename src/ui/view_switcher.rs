//! The views, as toggle buttons: one is pressed.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::i18n::Text;
use crate::state::ViewKind;
use crate::view::{default_bridge_years, view_name};

/// The view switcher.
#[component]
pub fn ViewSwitcher() -> impl IntoView {
    let context = use_app_context();
    let lang = context.lang;
    let current = Memo::new(move |_| context.view.with(|view| view.view));
    view! {
        <nav class="view-switcher" aria-label=move || Text::ViewsLabel.get(lang.get())>
            {ViewKind::ALL.iter().map(|&kind| view! {
                <button
                    type="button"
                    data-view=kind.key()
                    aria-pressed=move || (current.get() == kind).to_string()
                    on:click=move |_| context.change_view_with(|catalog, view| {
                        let ends = default_bridge_years(catalog, view);
                        view.switch_view(kind, ends);
                    })
                >
                    {move || view_name(kind).get(lang.get())}
                </button>
            }).collect_view()}
        </nav>
    }
}
