//! "Mer": the tools few visitors need (own files, embedding), below the
//! chart and the table so the first screen is the answer.

use leptos::prelude::*;

use super::context::use_app_context;
use super::embed_panel::EmbedPanel;
use super::own_files::OwnFilesPanel;
use crate::i18n::Text;

/// The section with own files and embedding.
#[component]
pub fn MoreSection() -> impl IntoView {
    let context = use_app_context();
    view! {
        <section class="more-section" aria-labelledby="more-title">
            <h2 id="more-title">{move || Text::MoreTitle.get(context.lang())}</h2>
            <OwnFilesPanel/>
            <EmbedPanel/>
        </section>
    }
}
