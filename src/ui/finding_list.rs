//! Sum checks as a list: a contradiction (parts above their whole) stands out.

use leptos::prelude::*;

use crate::view::FindingEntry;

/// The findings as a list.
#[component]
pub fn FindingList(findings: Vec<FindingEntry>) -> impl IntoView {
    view! {
        <ul class="finding-list">
            {findings.into_iter().map(|finding| view! {
                <li class:contradiction=finding.contradiction>{finding.message}</li>
            }).collect_view()}
        </ul>
    }
}
