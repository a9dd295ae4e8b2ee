//! "Bädda in": the iframe snippet for the current view, ready to paste.

use leptos::prelude::*;

use super::context::use_app_context;
use super::copy_button::CopyButton;
use crate::embed::embed_snippet;
use crate::i18n::Text;

/// The embed panel of the full app.
#[component]
pub fn EmbedPanel() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    // Below the table: it follows the view a frame later (`settled_view`).
    let snippet = move || {
        context.settled_view.with(|view| {
            context
                .page_url
                .with(|url| embed_snippet(url, view, Text::AppTitle.get(view.lang)))
        })
    };
    view! {
        <details class="embed-panel">
            <summary>{move || Text::EmbedTitle.get(lang())}</summary>
            <p>{move || Text::EmbedIntro.get(lang())}</p>
            <label class="snippet-label">
                <span>{move || Text::EmbedCode.get(lang())}</span>
                <textarea class="snippet" readonly rows="4" spellcheck="false" prop:value=snippet></textarea>
            </label>
            // Refused, the code is still in the field above, to copy by hand.
            <p class="copy-row">
                <CopyButton text=snippet label=Text::CopyCode failed=Text::CopyCodeFailed class="copy-code"/>
            </p>
        </details>
    }
}
