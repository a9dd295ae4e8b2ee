//! A list of figures, each with its status, derivation, note, and sources
//! with their quotes and links. Used by the sources section and behind every
//! table cell.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::view::{Citation, FigureEntry};

fn citation_view(citation: Citation) -> impl IntoView {
    view! {
        <li class="citation">
            {citation.claim.map(|claim| view! { <span class="claim">{claim}</span>" "})}
            <span class="publisher">{citation.publisher}</span>
            ": "
            {match citation.url {
                // Only http(s) addresses reach this point; anything else stays plain text.
                Some(url) => view! { <a href=url rel="noopener noreferrer external">{citation.title}</a> }.into_any(),
                None => view! { <cite>{citation.title}</cite> }.into_any(),
            }}
            {citation.quote.map(|quote| view! { <blockquote lang="sv">"”"{quote}"”"</blockquote> })}
        </li>
    }
}

fn entry_view(entry: FigureEntry, lang: Lang) -> impl IntoView {
    view! {
        <li class=format!("figure depth-{}", entry.depth.min(4)) data-status=entry.status_key>
            <div class="figure-head">
                <span class="figure-label">{entry.label}</span>
                <span class="figure-amount">{entry.amount}</span>
                <span class=format!("status status-{}", entry.status_key)>{entry.status_label}</span>
            </div>
            {entry.how.map(|how| view! { <p class="how">{Text::HowDerived.get(lang)}" "{how}</p> })}
            {entry.note.map(|note| view! { <p class="figure-note">{note}</p> })}
            {(!entry.citations.is_empty()).then(|| view! {
                <ul class="citations" aria-label=Text::SourceLabel.get(lang)>
                    {entry.citations.into_iter().map(citation_view).collect_view()}
                </ul>
            })}
        </li>
    }
}

/// The figures as a list.
#[component]
pub fn FigureList(entries: Vec<FigureEntry>, lang: Lang) -> impl IntoView {
    view! {
        <ul class="figures">
            {entries.into_iter().map(|entry| entry_view(entry, lang)).collect_view()}
        </ul>
    }
}
