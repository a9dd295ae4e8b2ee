//! What only paper shows: the view's address and the day it was printed, so
//! a printout can be traced back to the view.

use leptos::prelude::*;

use super::browser;
use super::context::use_app_context;
use crate::embed::full_app_url;

/// The print-only line under the view.
#[component]
pub fn PrintNote() -> impl IntoView {
    let context = use_app_context();
    let address = move || {
        context
            .view
            .with(|view| full_app_url(&browser::page_url(), view))
    };
    let date = browser::today();
    view! {
        <p class="print-only print-note">
            {move || context.lang().pick("Adress: ", "Address: ")}{address}
            <br/>
            {move || context.lang().pick("Utskriven ", "Printed ")}{date.clone()}
        </p>
    }
}
