//! About the data: coverage per year, open questions, the statuses, how to
//! cite, the licence and the open-data downloads.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::i18n::Text;
use crate::view::about_data;

/// The section, folded by default: most visitors come for the charts.
#[component]
pub fn AboutDataSection() -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let about = Memo::new(move |_| {
        context.catalog.with(|catalog| {
            context
                .page_url
                .with(|address| about_data(catalog, address, context.lang()))
        })
    });
    view! {
        <section class="about-data" aria-labelledby="about-data-title">
            <details>
                <summary><h2 id="about-data-title">{move || Text::AboutTitle.get(lang())}</h2></summary>
                {move || {
                    let lang = lang();
                    let about = about.get();
                    view! {
                        <p>{Text::AboutIntro.get(lang)}</p>
                        {about.last_checked.map(|date| view! { <p class="last-checked">{Text::LastChecked.get(lang)}" "<time datetime=date.clone()>{date.clone()}</time></p> })}
                        <h3>{Text::CoverageTitle.get(lang)}</h3>
                        <div class="table-scroll">
                            <table class="coverage">
                                <thead><tr>
                                    <th scope="col">{Text::CoverageYear.get(lang)}</th>
                                    <th scope="col">{Text::CoverageTotal.get(lang)}</th>
                                    <th scope="col">{Text::CoverageStatus.get(lang)}</th>
                                    <th scope="col">{Text::CoverageRecipients.get(lang)}</th>
                                </tr></thead>
                                <tbody>
                                    {about.coverage.into_iter().map(|row| view! {
                                        <tr data-year=row.year class:complete=row.complete>
                                            <th scope="row">{row.year}</th>
                                            <td class="num">{row.total}</td>
                                            <td>{row.total_status}</td>
                                            <td>{row.recipients}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <h3>{Text::OpenQuestionsTitle.get(lang)}</h3>
                        <dl class="open-questions">
                            {about.open_questions.into_iter().map(|year| view! {
                                <dt>{year.year}</dt>
                                {year.questions.into_iter().map(|question| view! { <dd>{question}</dd> }).collect_view()}
                            }).collect_view()}
                        </dl>
                        <h3>{Text::StatusesTitle.get(lang)}</h3>
                        <dl class="statuses">
                            {about.statuses.into_iter().map(|(status, meaning)| view! { <dt>{status}</dt><dd>{meaning}</dd> }).collect_view()}
                        </dl>
                        <h3>{Text::CiteTitle.get(lang)}</h3>
                        <p class="citation-text">{about.citation}</p>
                        {about.licence.map(|(name, url)| view! {
                            <h3>{Text::LicenceTitle.get(lang)}</h3>
                            <p>
                                {Text::LicenceText.get(lang)}" "
                                {match url {
                                    Some(url) => view! { <a href=url rel="license noopener noreferrer external">{name}</a> }.into_any(),
                                    None => view! { <span>{name}</span> }.into_any(),
                                }}
                                ". "{Text::LicenceQuotes.get(lang)}
                            </p>
                        })}
                        <h3>{Text::OpenDataTitle.get(lang)}</h3>
                        <p>
                            {Text::OpenDataText.get(lang)}" "
                            <a href="data/figures.csv" download="figures.csv">"figures.csv"</a>
                            " · "
                            <a href="data/datapackage.json">"datapackage.json"</a>
                            " · "
                            <a href="data/index.json">"index.json"</a>
                        </p>
                    }
                }}
            </details>
        </section>
    }
}
