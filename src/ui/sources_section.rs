//! Every figure of the chosen years with its status, derivation, quote and link.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::i18n::Text;
use crate::view::{year_sources, Citation, FigureEntry};

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

fn entry_view(
    entry: FigureEntry,
    how_label: &'static str,
    source_label: &'static str,
) -> impl IntoView {
    view! {
        <li class=format!("figure depth-{}", entry.depth.min(4)) data-status=entry.status_key>
            <div class="figure-head">
                <span class="figure-label">{entry.label}</span>
                <span class="figure-amount">{entry.amount}</span>
                <span class=format!("status status-{}", entry.status_key)>{entry.status_label}</span>
            </div>
            {entry.how.map(|how| view! { <p class="how">{how_label}" "{how}</p> })}
            {entry.note.map(|note| view! { <p class="figure-note">{note}</p> })}
            {(!entry.citations.is_empty()).then(|| view! {
                <ul class="citations" aria-label=source_label>
                    {entry.citations.into_iter().map(citation_view).collect_view()}
                </ul>
            })}
        </li>
    }
}

/// The sources section.
#[component]
pub fn SourcesSection() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let years = Memo::new(move |_| {
        let lang = context.lang();
        let chosen = context.view.with(|view| view.years.clone());
        context.catalog.with(|catalog| {
            catalog
                .chosen(&chosen)
                .into_iter()
                .map(|loaded| year_sources(loaded, lang))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{move || Text::SourcesTitle.get(lang())}</h2>
            <p>{move || Text::SourcesIntro.get(lang())}</p>
            {move || {
                let lang = lang();
                years.get().into_iter().map(|year| view! {
                    <details class="year-sources" data-year=year.year>
                        <summary><strong>{year.year}</strong>": "{year.title}</summary>
                        <p class="parties">{year.parties}</p>
                        {year.note.map(|note| view! { <p class="year-note">{note}</p> })}
                        <ul class="figures">
                            {year.entries.into_iter().map(|entry| entry_view(entry, Text::HowDerived.get(lang), Text::SourceLabel.get(lang))).collect_view()}
                        </ul>
                        {(!year.findings.is_empty()).then(|| view! {
                            <div class="findings">
                                <h3>{Text::FindingsTitle.get(lang)}</h3>
                                <p>{Text::FindingsIntro.get(lang)}</p>
                                <ul>
                                    {year.findings.into_iter().map(|finding| view! {
                                        <li class:contradiction=finding.contradiction>{finding.message}</li>
                                    }).collect_view()}
                                </ul>
                            </div>
                        })}
                    </details>
                }).collect_view()
            }}
        </section>
    }
}
