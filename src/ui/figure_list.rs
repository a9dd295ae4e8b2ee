//! A list of figures, each with its status, derivation, note, and sources
//! with their quotes and links. Used by the sources section and behind every
//! table cell. The number as written is marked inside its quote, the source's
//! title links to its page, and a derived figure's inputs open in place.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::view::{Citation, FigureEntry, InputEntry, Quote};

fn quote_view(quote: Quote) -> impl IntoView {
    let marked = (!quote.marked.is_empty()).then(|| view! { <mark>{quote.marked}</mark> });
    view! { <blockquote lang="sv">"”"{quote.before}{marked}{quote.after}"”"</blockquote> }
}

fn citation_view(citation: Citation, lang: Lang) -> impl IntoView {
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
            {citation.seed.map(|seed| view! {
                " "<span class="seed">"("{Text::SeedSource.get(lang)}" "<code>{seed}</code>")"</span>
            })}
            {citation.quote.map(quote_view)}
        </li>
    }
}

/// The figure without its inputs: also how an input is shown when opened.
fn entry_body(entry: FigureEntry, lang: Lang) -> AnyView {
    view! {
        <div class="figure-head">
            <span class="figure-label">{entry.label}</span>
            <span class="figure-amount">{entry.amount}</span>
            <span class=format!("status status-{}", entry.status.key())>{entry.status_label}</span>
        </div>
        {entry.how.map(|how| view! { <p class="how">{Text::HowDerived.get(lang)}" "{how}</p> })}
        {entry.note.map(|note| view! { <p class="figure-note">{note}</p> })}
        {(!entry.citations.is_empty()).then(|| view! {
            <ul class="citations" aria-label=Text::SourceLabel.get(lang)>
                {entry.citations.into_iter().map(|citation| citation_view(citation, lang)).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

fn input_view(input: InputEntry, lang: Lang) -> impl IntoView {
    let status = input.entry.status.key();
    view! {
        <li>
            <details class="input">
                <summary>{input.summary}</summary>
                <div class="figure" data-status=status>{entry_body(input.entry, lang)}</div>
            </details>
        </li>
    }
}

fn entry_view(mut entry: FigureEntry, lang: Lang) -> impl IntoView {
    let inputs = std::mem::take(&mut entry.inputs);
    let class = format!(
        "figure depth-{}{}",
        entry.depth.min(4),
        if entry.of_which { " of-which" } else { "" }
    );
    let status = entry.status.key();
    view! {
        <li class=class data-status=status>
            {entry_body(entry, lang)}
            {(!inputs.is_empty()).then(|| view! {
                <div class="inputs">
                    <p class="inputs-title">{Text::ComputedFrom.get(lang)}</p>
                    <ul>{inputs.into_iter().map(|input| input_view(input, lang)).collect_view()}</ul>
                </div>
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
