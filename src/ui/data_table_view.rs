//! A view's numbers in a real table: sortable by any column, every amount a
//! button that opens the figures and sources behind it in a dialog.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_app_context;
use super::figure_list::FigureList;
use super::keyed_items::{keyed_items, with_own_owner, ItemView, Items, KeyedItem};
use crate::i18n::Text;
use crate::state::ViewKind;
use crate::view::{
    CellStatus, DataTable, FigureEntry, RowPlace, ShownCell, ShownColumn, ShownRow, SortOrder,
};

/// Focuses a table's sort button for the column `key` (compared as text,
/// not put into a selector: a column's key may come from a visitor's file).
fn focus_sort_button(view_key: &str, key: &str) {
    let selector = format!("[data-table=\"{view_key}\"] .sort-button");
    let Some(buttons) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.query_selector_all(&selector).ok())
    else {
        return;
    };
    let button = (0..buttons.length())
        .filter_map(|index| buttons.item(index)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|button| button.get_attribute("data-column").as_deref() == Some(key));
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
    // A header is redrawn when its text or its sort mark changes; the sort
    // it asks for is by its column's place at the time of the click.
    let header_view = move |column: ShownColumn| {
        let mark = match column.sort {
            "descending" => "▼",
            "ascending" => "▲",
            _ => "↕",
        };
        let key = column.key.clone();
        let sort = move |_| {
            let Some(index) = table.with_untracked(|t| t.column_index(&key)) else {
                return;
            };
            order.update(|o| *o = o.next(index));
            // A new mark is a new header: the focus goes to the same button.
            let key = key.clone();
            request_animation_frame(move || focus_sort_button(view_key, &key));
        };
        view! {
            <th scope="col" class="number" aria-sort=column.sort>
                <button type="button" class="sort-button" data-column=column.key on:click=sort>
                    {column.header}
                    <span class="sort-mark" aria-hidden="true">{mark}</span>
                </button>
            </th>
        }
    };
    // A cell is a button when figures back it; its dialog's content is
    // looked up when it opens, so a cell is redrawn only when what it
    // shows changes (see `view::ShownCell`).
    let cell_view = move |place: RowPlace, row_key: String, cell: ShownCell| {
        let content = if cell.opens {
            let column = cell.column.clone();
            let open = move |event: leptos::ev::MouseEvent| {
                let details = table.with_untracked(|t| {
                    t.cell(place, &row_key, &column)
                        .map(|(row, column, cell)| Selected {
                            title: format!("{}, {}", row.label, column.header),
                            entries: cell.figures.clone(),
                        })
                });
                let Some(details) = details else { return };
                let button = event
                    .current_target()
                    .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
                // Set on the element, not bound to a signal: a binding in
                // every cell would be one more reactive node per cell.
                if let Some(button) = &button {
                    let _ = button.set_attribute("aria-expanded", "true");
                }
                opener.set_value(button);
                selected.set(Some(details));
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
                    aria-label=cell.spoken
                    aria-haspopup="dialog"
                    aria-expanded="false"
                    aria-controls=format!("cell-details-{view_key}")
                    on:click=open
                >
                    {cell.text}
                </button>
            }
            .into_any()
        } else {
            view! { <span>{cell.text}</span> }.into_any()
        };
        view! { <td class="number" data-status=cell.status.map(CellStatus::key).unwrap_or("")>{content}</td> }
    };
    // Rows and cells keyed by what they show: a toggle draws only the cells
    // it changes, and a sorted row is moved, not drawn again.
    let header_item: ItemView = Arc::new(move |item| match item {
        KeyedItem::Column(column) => header_view(column).into_any(),
        _ => ().into_any(),
    });
    // A row has reactive parts (its list of cells): it gets an owner of its
    // own under the table's, which goes with the row.
    let parent = Owner::current();
    let row_view = move |row: ShownRow| {
        let (place, key, cell_row) = (row.place, row.key.clone(), row.key.clone());
        let cells: Items = Arc::new(move || {
            table.with(|t| {
                t.shown_cells(place, &key, lang())
                    .into_iter()
                    .map(KeyedItem::Cell)
                    .collect()
            })
        });
        let cell_item: ItemView = Arc::new(move |item| match item {
            KeyedItem::Cell(cell) => cell_view(place, cell_row.clone(), cell).into_any(),
            _ => ().into_any(),
        });
        view! {
            <tr data-kind=row.kind.key() data-key=row.key>
                <th scope="row">{row.label}</th>
                {keyed_items(cells, cell_item)}
            </tr>
        }
    };
    let row_item: ItemView = Arc::new(move |item| {
        let KeyedItem::Row(row) = item else {
            return ().into_any();
        };
        with_own_owner(&parent, || row_view(row).into_any())
    });
    let rows = move |place: RowPlace| {
        let items: Items = Arc::new(move || {
            table.with(|t| {
                t.shown_rows(place, order.get())
                    .into_iter()
                    .map(KeyedItem::Row)
                    .collect()
            })
        });
        keyed_items(items, row_item.clone())
    };
    let columns: Items = Arc::new(move || {
        table.with(|t| {
            t.shown_columns(order.get())
                .into_iter()
                .map(KeyedItem::Column)
                .collect()
        })
    });

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
                            {keyed_items(columns, header_item)}
                        </tr>
                    </thead>
                    <tbody>{rows(RowPlace::Body)}</tbody>
                    <tfoot>{rows(RowPlace::Footer)}</tfoot>
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
