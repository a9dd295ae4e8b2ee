//! "Bädda in": the iframe snippet for the current view, ready to paste.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::context::use_app_context;
use crate::embed::embed_snippet;
use crate::i18n::Text;

/// The embed panel of the full app.
#[component]
pub fn EmbedPanel() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let snippet = move || {
        context
            .view
            .with(|view| embed_snippet(&browser::page_url(), view, Text::AppTitle.get(view.lang)))
    };
    // None: not copied yet; Some(copied): what the last try came to.
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let copy = move |_| {
        let code = snippet();
        spawn_local(async move { copied.set(Some(browser::copy_text(&code).await)) });
    };
    view! {
        <details class="embed-panel">
            <summary>{move || Text::EmbedTitle.get(lang())}</summary>
            <p>{move || Text::EmbedIntro.get(lang())}</p>
            <label class="snippet-label">
                <span>{move || Text::EmbedCode.get(lang())}</span>
                <textarea class="snippet" readonly rows="4" spellcheck="false" prop:value=snippet></textarea>
            </label>
            <p class="copy-row">
                <button type="button" class="copy-code" on:click=copy>{move || Text::CopyCode.get(lang())}</button>
                " "
                <span class="copy-status" role="status">{move || match copied.get() {
                    None => String::new(),
                    Some(true) => Text::Copied.get(lang()).to_string(),
                    // The code is in the field above, to select and copy by hand.
                    Some(false) => Text::CopyCodeFailed.get(lang()).to_string(),
                }}</span>
            </p>
        </details>
    }
}
