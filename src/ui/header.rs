//! The page header: title, what the site is, and the language switch.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::i18n::{Lang, Text};

/// The header.
#[component]
pub fn Header() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let other = move || match lang() {
        Lang::Sv => Lang::En,
        Lang::En => Lang::Sv,
    };
    view! {
        <header class="site-header">
            <div class="header-text">
                <h1>{move || Text::AppTitle.get(lang())}</h1>
                <p class="subtitle">{move || Text::AppSubtitle.get(lang())}</p>
            </div>
            <button
                type="button"
                class="language-switch"
                lang=move || other().code()
                on:click=move |_| context.change_view(|view| view.lang = other())
            >
                {move || Text::SwitchLanguage.get(lang())}
            </button>
        </header>
    }
}
