//! A view's numbers in a real table: sortable by any column, every amount a
//! button that opens the figures and sources behind it in a dialog.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_app_context;
use super::figure_list::FigureList;
use crate::i18n::Text;
use crate::state::ViewKind;
use crate::view::{CellStatus, DataRow, DataTable, FigureEntry, SortOrder};

/// Focuses a table's sort button for `column`.
fn focus_sort_button(view_key: &str, column: usize) {
    let selector = format!("[data-table=\"{view_key}\"] .sort-button[data-column=\"{column}\"]");
    let button = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector(&selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = button {
        let _ = button.focus();
    }
}

/// What the details panel shows.
#[derive(Clone, PartialEq)]
struct Selected {
    title: String,
    entries: Vec<FigureEntry>,
}

/// The table of a view. The view's key names it in element ids and tests.
#[component]
pub fn DataTableView(#[prop(into)] table: Signal<DataTable>, view: ViewKind) -> impl IntoView {
    let view_key = view.key();
    let context = use_app_context();
    let lang = move || context.lang();
    let order = RwSignal::new(SortOrder::Natural);
    let order_signal = order;
    let selected: RwSignal<Option<Selected>> = RwSignal::new(None);
    let title_id = format!("table-{view_key}-title");
    let (region_label, table_label) = (title_id.clone(), title_id.clone());

    let dialog_id = format!("cell-details-{view_key}");
    let dialog_title_id = format!("cell-details-{view_key}-title");
    let dialog_label = dialog_title_id.clone();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The cell button that opened the dialog gets the focus back when it closes.
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    let on_closed = move |_| {
        selected.set(None);
        if let Some(button) = opener.get_value() {
            let _ = button.set_attribute("aria-expanded", "false");
            let _ = button.focus();
        }
    };
    let row_view = move |row: &DataRow, columns: &[String]| {
        let controls = format!("cell-details-{view_key}");
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
                        let spoken = cell.status.and_then(|status| status.spoken(lang())).map(|word| format!("{text} ({word})"));
                        let open = move |event: leptos::ev::MouseEvent| {
                            let button = event.current_target().and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
                            // Set on the element, not bound to a signal: a binding in
                            // every cell would be one more reactive node per cell each
                            // time the table is redrawn.
                            if let Some(button) = &button {
                                let _ = button.set_attribute("aria-expanded", "true");
                            }
                            opener.set_value(button);
                            selected.set(Some(details.clone()));
                            if let Some(dialog) = dialog.get_untracked() {
                                if !dialog.open() {
                                    let _ = dialog.show_modal();
                                }
                            }
                        };
                        view! {
                            <button
                                type="button"
                                class="cell-button"
                                aria-label=spoken
                                aria-haspopup="dialog"
                                aria-expanded="false"
                                aria-controls=controls.clone()
                                on:click=open
                            >
                                {text}
                            </button>
                        }.into_any()
                    };
                    view! { <td class="number" data-status=cell.status.map(CellStatus::key).unwrap_or("")>{content}</td> }
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
                            // Redrawn whole when the columns or the order change: the
                            // marks are plain values, not bindings that would pile up.
                            {move || {
                                let order = order.get();
                                table.with(|t| t.columns.iter().enumerate().map(|(index, column)| {
                                    let header = column.header.clone();
                                    let sorted = order.aria(index);
                                    let mark = match sorted {
                                        "descending" => "▼",
                                        "ascending" => "▲",
                                        _ => "↕",
                                    };
                                    view! {
                                        <th scope="col" class="number" aria-sort=sorted>
                                            <button type="button" class="sort-button" data-column=index on:click=move |_| {
                                                order_signal.update(|o| *o = o.next(index));
                                                // The header is drawn anew: the focus goes to the same button.
                                                request_animation_frame(move || focus_sort_button(view_key, index));
                                            }>
                                                {header}
                                                <span class="sort-mark" aria-hidden="true">{mark}</span>
                                            </button>
                                        </th>
                                    }
                                }).collect_view())
                            }}
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
            // A modal dialog: it takes the focus, is announced with its
            // heading, closes with Esc, and gives the focus back to its cell.
            <dialog class="cell-details" id=dialog_id node_ref=dialog aria-labelledby=dialog_label on:close=on_closed>
                <div class="cell-details-head">
                    <h3 id=dialog_title_id>{move || selected.with(|shown| shown.as_ref().map(|shown| format!("{} {}", Text::CellSourcesTitle.get(lang()), shown.title)))}</h3>
                    <button type="button" class="close" on:click=move |_| close()>{move || Text::Close.get(lang())}</button>
                </div>
                {move || selected.get().map(|details| view! { <FigureList entries=details.entries lang=lang()/> })}
            </dialog>
        </section>
    }
    .into_any()
}
