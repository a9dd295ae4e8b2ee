//! A button that copies a text to the clipboard and says how that went, in
//! a status line. Where the browser refuses, `fallback` shows the text in a
//! field to copy by hand (the embed code has its own field already).

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::context::use_app_context;
use crate::i18n::Text;

/// The copy button. `text` is read when pressed; `failed` says what to do
/// when copying was refused.
#[component]
pub fn CopyButton(
    text: impl Fn() -> String + Copy + Send + Sync + 'static,
    label: Text,
    failed: Text,
    class: &'static str,
    #[prop(optional)] fallback: bool,
) -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    // None: not tried yet; Some(copied): what the last try came to.
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    let copy = move |_| {
        let value = text();
        spawn_local(async move { copied.set(Some(browser::copy_text(&value).await)) });
    };
    view! {
        <button type="button" class=class on:click=copy>{move || label.get(lang())}</button>
        <span class="copy-status" role="status">
            {move || match copied.get() {
                None => "",
                Some(true) => Text::Copied.get(lang()),
                Some(false) => failed.get(lang()),
            }}
        </span>
        <Show when=move || fallback && copied.get() == Some(false)>
            <input class="copy-fallback" type="text" readonly aria-label=move || label.get(lang()) prop:value=text/>
        </Show>
    }
}
