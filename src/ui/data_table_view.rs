//! A view's numbers in a real table: sortable by any column, every amount a
//! button that shows the figures and sources behind it, with CSV and JSON
//! downloads.

use leptos::prelude::*;

use super::browser;
use super::context::use_app_context;
use super::figure_list::FigureList;
use crate::i18n::Text;
use crate::view::{
    file_name, to_csv, to_json, DataRow, DataTable, DownloadKind, FigureEntry, SortOrder,
};

/// The status a table cell is marked with, in words, for those who cannot see
/// the mark.
fn status_word(status: Option<&str>, lang: crate::i18n::Lang) -> Option<&'static str> {
    match status? {
        "disputed" => Some(Text::StatusDisputed.get(lang)),
        "derived" => Some(Text::StatusDerived.get(lang)),
        _ => None,
    }
}

/// What the details panel shows.
#[derive(Clone, PartialEq)]
struct Selected {
    title: String,
    entries: Vec<FigureEntry>,
}

/// The table of a view. `view_key` names the view in downloads; `description`
/// goes into the JSON download.
#[component]
pub fn DataTableView(
    #[prop(into)] table: Signal<DataTable>,
    view_key: &'static str,
    #[prop(into)] description: Signal<String>,
) -> impl IntoView {
    let context = use_app_context();
    let lang = move || context.lang();
    let order = RwSignal::new(SortOrder::Natural);
    let selected: RwSignal<Option<Selected>> = RwSignal::new(None);
    let title_id = format!("table-{view_key}-title");
    let (region_label, table_label) = (title_id.clone(), title_id.clone());

    let name = move |kind: DownloadKind| {
        context.derive(|catalog, view| {
            file_name(
                view,
                view_key,
                &catalog.converter(view.units).file_key(),
                kind,
            )
        })
    };
    let download_csv = move |_| {
        let csv = table.with_untracked(|table| to_csv(table, view_key));
        // A byte-order mark, so spreadsheet programs read the Swedish letters right.
        browser::download_text(
            &name(DownloadKind::Csv),
            DownloadKind::Csv.mime(),
            &format!("\u{feff}{csv}"),
        );
    };
    let download_json = move |_| {
        let json =
            table.with_untracked(|table| to_json(table, view_key, &description.get_untracked()));
        browser::download_text(&name(DownloadKind::Json), DownloadKind::Json.mime(), &json);
    };

    let row_view = move |row: &DataRow, columns: &[String]| {
        let label = row.label.clone();
        view! {
            <tr data-kind=row.kind.key() data-key=row.key.clone()>
                <th scope="row">{row.label.clone()}</th>
                {row.cells.iter().zip(columns).map(|(cell, column)| {
                    let text = cell.text.clone();
                    let content = if cell.figures.is_empty() {
                        view! { <span>{text}</span> }.into_any()
                    } else {
                        let details = Selected { title: format!("{label}, {column}"), entries: cell.figures.clone() };
                        // The marks (* †) are for the eye; screen readers hear the word.
                        let spoken = status_word(cell.status, lang()).map(|word| format!("{text} ({word})"));
                        view! {
                            <button type="button" class="cell-button" aria-label=spoken on:click=move |_| selected.set(Some(details.clone()))>
                                {text}
                            </button>
                        }.into_any()
                    };
                    view! { <td class="number" data-status=cell.status.unwrap_or("")>{content}</td> }
                }).collect_view()}
            </tr>
        }
    };

    // An embedded chart shows only the chart; the table is in the full app.
    // (Embedding is decided by the address the frame was opened with.)
    if context.view.with_untracked(|view| view.embed) {
        return ().into_any();
    }
    view! {
        <section class="table-section" data-table=view_key>
            // The heading stays outside the scrolling box so it is always readable on phones.
            <h2 id=title_id>{move || table.with(|t| t.title.clone())}</h2>
            <p class="table-unit">{move || table.with(|t| t.unit.clone())}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=region_label>
                <table class="data-table" aria-labelledby=table_label>
                    <thead>
                        <tr>
                            <th scope="col">{move || table.with(|t| t.corner.clone())}</th>
                            {move || table.with(|t| t.columns.iter().enumerate().map(|(index, column)| {
                                let header = column.header.clone();
                                view! {
                                    <th scope="col" class="number" aria-sort=move || order.get().aria(index)>
                                        <button type="button" class="sort-button" on:click=move |_| order.update(|o| *o = o.next(index))>
                                            {header}
                                            <span class="sort-mark" aria-hidden="true">{move || match order.get().aria(index) {
                                                "descending" => "▼",
                                                "ascending" => "▲",
                                                _ => "↕",
                                            }}</span>
                                        </button>
                                    </th>
                                }
                            }).collect_view())}
                        </tr>
                    </thead>
                    <tbody>
                        {move || table.with(|t| {
                            let columns: Vec<String> = t.columns.iter().map(|c| c.header.clone()).collect();
                            t.sorted_rows(order.get()).into_iter().map(|row| row_view(row, &columns)).collect_view()
                        })}
                    </tbody>
                    <tfoot>
                        {move || table.with(|t| {
                            let columns: Vec<String> = t.columns.iter().map(|c| c.header.clone()).collect();
                            t.footer.iter().map(|row| row_view(row, &columns)).collect_view()
                        })}
                    </tfoot>
                </table>
            </div>
            <p class="table-note">{move || table.with(|t| t.note.clone())}" "{move || Text::SortHint.get(lang())}</p>
            {move || selected.get().map(|details| view! {
                <div class="cell-details" role="region" aria-label=details.title.clone()>
                    <div class="cell-details-head">
                        <h3>{Text::CellSourcesTitle.get(lang())}" "{details.title.clone()}</h3>
                        <button type="button" on:click=move |_| selected.set(None)>{Text::Close.get(lang())}</button>
                    </div>
                    <FigureList entries=details.entries lang=lang()/>
                </div>
            })}
            <div class="downloads" role="group" aria-label=move || Text::Downloads.get(lang())>
                <span class="downloads-label">{move || Text::Downloads.get(lang())}":"</span>
                <button type="button" data-download="csv" on:click=download_csv>{move || Text::DownloadCsv.get(lang())}</button>
                <button type="button" data-download="json" on:click=download_json>{move || Text::DownloadJson.get(lang())}</button>
            </div>
        </section>
    }
    .into_any()
}
