//! What only paper shows: the view's address and the day it was printed, so
//! a printout can be traced back to the view.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::embed::full_app_url;
use crate::i18n::Text;

/// The print-only line under the view.
#[component]
pub fn PrintNote() -> impl IntoView {
    let context = use_app_context();
    let address = move || {
        // Only on paper: it follows the view a frame later (`settled_view`).
        context
            .settled_view
            .with(|view| context.page_url.with(|url| full_app_url(url, view)))
    };
    view! {
        <p class="print-only print-note">
            {move || Text::PrintAddress.get(context.lang())}{address}
            <br/>
            {move || Text::PrintedOn.get(context.lang())}{move || context.today.get()}
        </p>
    }
}
