//! The first stop of the keyboard: straight to the chart, past the header
//! and the view and year choices.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::i18n::Text;

/// The skip link; visible only when it has the focus.
#[component]
pub fn SkipLink() -> impl IntoView {
    let context = use_app_context();
    view! {
        <a class="skip-link" href="#charts">{move || Text::SkipToChart.get(context.lang())}</a>
    }
}
