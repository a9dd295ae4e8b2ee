//! The views, as toggle buttons: one is pressed.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::i18n::Text;
use crate::state::ViewKind;
use crate::view::view_name;

/// The view switcher.
#[component]
pub fn ViewSwitcher() -> impl IntoView {
    let context = use_app_context();
    view! {
        <nav class="view-switcher" aria-label=move || Text::ViewsLabel.get(context.lang())>
            {ViewKind::ALL.iter().map(|&kind| view! {
                <button
                    type="button"
                    data-view=kind.key()
                    aria-pressed=move || (context.view.with(|view| view.view) == kind).to_string()
                    on:click=move |_| {
                        // A bridge's years go into the address at once, so the link names them.
                        let (from, to) = context.derive(|catalog, view| {
                            let ends = crate::view::bridge_endpoints(catalog, view);
                            let year = |end: Option<crate::view::Endpoint>| end.map(|end| end.loaded.agreement.year);
                            (year(ends.from), year(ends.to))
                        });
                        context.change_view(|view| {
                            view.view = kind;
                            if kind == ViewKind::Bridge {
                                view.from = view.from.or(from);
                                view.to = view.to.or(to);
                            }
                        })
                    }
                >
                    {move || view_name(kind).get(context.lang())}
                </button>
            }).collect_view()}
        </nav>
    }
}
