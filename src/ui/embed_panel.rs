//! "Bädda in": the iframe snippet for the current view, ready to paste.

use leptos::prelude::*;

use super::context::use_app_context;
use super::copy_button::CopyButton;
use crate::embed::embed_snippet;
use crate::i18n::Text;
use crate::state::Theme;

/// The embed panel of the full app.
#[component]
pub fn EmbedPanel() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    // Below the table: it follows the view a frame later (`settled_view`).
    // How the embed should look on its host: chosen here, written into the
    // snippet's address (`theme=`, `header=0`), not into this page's view.
    let theme = RwSignal::new(Theme::Auto);
    let headings = RwSignal::new(true);
    let snippet = move || {
        context.settled_view.with(|view| {
            let mut embedded = view.clone();
            embedded.theme = theme.get();
            embedded.header = headings.get();
            context
                .page_url
                .with(|url| embed_snippet(url, &embedded, Text::AppTitle.get(view.lang)))
        })
    };
    let theme_choice = move |choice: Theme, label: Text| {
        view! {
            <label>
                <input
                    type="radio"
                    name="embed-theme"
                    value=choice.key()
                    prop:checked=move || theme.get() == choice
                    on:change=move |_| theme.set(choice)
                />
                {move || label.get(lang())}
            </label>
        }
    };
    view! {
        <details class="embed-panel">
            <summary>{move || Text::EmbedTitle.get(lang())}</summary>
            <p>{move || Text::EmbedIntro.get(lang())}</p>
            <fieldset class="embed-options">
                <legend>{move || Text::EmbedTheme.get(lang())}</legend>
                {theme_choice(Theme::Auto, Text::ThemeAuto)}
                {theme_choice(Theme::Light, Text::ThemeLight)}
                {theme_choice(Theme::Dark, Text::ThemeDark)}
            </fieldset>
            <p class="embed-headings">
                <label>
                    <input
                        type="checkbox"
                        name="embed-header"
                        prop:checked=move || headings.get()
                        on:change=move |event| headings.set(event_target_checked(&event))
                    />
                    {move || Text::EmbedHeader.get(lang())}
                </label>
            </p>
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
