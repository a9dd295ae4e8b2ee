//! Load failures (`role="alert"`) and address notices (`role="status"`).

use leptos::prelude::*;

use super::context::use_app_context;
use super::failure_list::FailureList;
use crate::i18n::Text;

/// Every message about the data and the address.
#[component]
pub fn Alerts() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let failures = move || context.catalog.with(|catalog| catalog.failures.clone());
    let notices = move || context.notices.get();
    view! {
        <Show when=move || !failures().is_empty()>
            <div class="alert" role="alert">
                <h2>{move || Text::ErrorTitle.get(lang())}</h2>
                {move || view! { <FailureList failures=failures() lang=lang()/> }}
                <p>{move || Text::ErrorRestWorks.get(lang())}</p>
            </div>
        </Show>
        <Show when=move || !notices().is_empty()>
            <div class="notice" role="status">
                <h2>{move || Text::NoticeTitle.get(lang())}</h2>
                <ul>
                    {move || notices().iter().map(|notice| view! { <li>{notice.message(lang())}</li> }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}
