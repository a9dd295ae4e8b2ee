//! The one-line source note and link to the full app, under an embedded chart.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::embed::full_app_url;
use crate::i18n::Text;

/// The embedded chart's footer.
#[component]
pub fn EmbedNote() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let href = move || {
        context
            .view
            .with(|view| context.page_url.with(|url| full_app_url(url, view)))
    };
    view! {
        <p class="embed-note">
            {move || Text::EmbedSource.get(lang())}" "
            <a href=href target="_blank" rel="noopener">{move || Text::EmbedFullApp.get(lang())}</a>"."
        </p>
    }
}
