//! The numbers of the charts in a real table.

use leptos::prelude::*;

use super::context::use_app_context;
use crate::view::{comparison_table, RowKind};

/// The comparison table.
#[component]
pub fn ComparisonTable() -> impl IntoView {
    let context = use_app_context();
    let table = Memo::new(move |_| {
        let lang = context.lang();
        let years = context.view.with(|view| view.years.clone());
        context.catalog.with(|catalog| {
            let chosen = catalog.chosen(&years);
            context
                .comparison
                .with(|comparison| comparison_table(comparison, &chosen, lang))
        })
    });
    view! {
        <section class="table-section">
            // The heading stays outside the scrolling box so it is always readable on phones.
            <h2 id="comparison-table-title">{move || table.with(|t| t.caption.clone())}</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="comparison-table-title">
                <table class="comparison" aria-labelledby="comparison-table-title">
                    <thead>
                        <tr>
                            <th scope="col">{move || table.with(|t| t.corner.clone())}</th>
                            {move || table.with(|t| t.years.iter().map(|year| view! { <th scope="col" class="number">{year.clone()}</th> }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || table.with(|t| t.rows.iter().map(|row| {
                            let class = match row.kind {
                                RowKind::Recipient => "row-recipient",
                                RowKind::NotBrokenDown => "row-rest",
                                RowKind::Total => "row-total",
                                RowKind::Change => "row-change",
                            };
                            view! {
                                <tr class=class>
                                    <th scope="row">{row.label.clone()}</th>
                                    {row.cells.iter().map(|cell| view! {
                                        <td class="number" data-status=cell.status.unwrap_or("")>{cell.text.clone()}</td>
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
            <p class="table-note">{move || table.with(|t| t.note.clone())}</p>
        </section>
    }
}
