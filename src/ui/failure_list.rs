//! Files that could not be read, each with every problem found.

use leptos::prelude::*;

use crate::catalog::LoadFailure;
use crate::i18n::Lang;

/// The failures as a list: a headline per file, then its problems.
#[component]
pub fn FailureList(failures: Vec<LoadFailure>, lang: Lang) -> impl IntoView {
    view! {
        <ul>
            {failures.into_iter().map(|failure| view! {
                <li>
                    <strong>{failure.headline(lang)}</strong>
                    <ul class="problems">
                        {failure.details(lang).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                </li>
            }).collect_view()}
        </ul>
    }
}
