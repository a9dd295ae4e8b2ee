//! The page footer.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::i18n::Text;

/// The footer. `offline_file`: the app runs from the single offline file,
/// which does not offer itself.
#[component]
pub fn Footer(offline_file: bool) -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    view! {
        <footer class="site-footer">
            <p>
                {move || Text::FooterText.get(lang())}" "
                <a href="data/index.json">{move || Text::FooterData.get(lang())}</a>
            </p>
            // The offline file is itself that file: no link to it from inside it.
            <Show when=move || !offline_file>
                <p>
                    <a class="offline-download" href="budget-explorer-offline.html" download="budget-explorer-offline.html">
                        {move || Text::OfflineDownload.get(lang())}
                    </a>
                    " ("{move || Text::OfflineHint.get(lang())}")"
                </p>
            </Show>
        </footer>
    }
}
