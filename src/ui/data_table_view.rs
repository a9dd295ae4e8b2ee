//! A view's numbers in a real table: sortable by any column, every amount a
//! button that opens the figures and sources behind it in a dialog.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;
use super::context::{use_app_context, AppContext};
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

/// What the parts of one table share: its model and order, and its dialog.
/// Rows and cells are keyed by what they show (`view::ShownRow`, …): a
/// toggle draws only the cells it changes, and a sorted row is moved, not
/// drawn again.
#[derive(Clone, Copy)]
struct TableParts {
    view_key: &'static str,
    table: Signal<DataTable>,
    order: RwSignal<SortOrder>,
    context: AppContext,
    dialog: NodeRef<leptos::html::Dialog>,
    selected: RwSignal<Option<Selected>>,
    /// The cell button that opened the dialog: it gets the focus back.
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl TableParts {
    /// The column headers, each a sort button.
    fn headers(self) -> impl IntoView {
        let columns: Items = Arc::new(move || {
            self.table.with(|t| {
                t.shown_columns(self.order.get())
                    .into_iter()
                    .map(KeyedItem::Column)
                    .collect()
            })
        });
        let header: ItemView = Arc::new(move |item| match item {
            KeyedItem::Column(column) => self.header(column).into_any(),
            _ => ().into_any(),
        });
        keyed_items(columns, header)
    }

    /// A header is drawn anew when its text or its sort mark changes; the
    /// sort it asks for is by its column's place at the time of the click.
    fn header(self, column: ShownColumn) -> impl IntoView {
        let mark = column.mark();
        let key = column.key.clone();
        let sort = move |_| {
            let Some(index) = self.table.with_untracked(|t| t.column_index(&key)) else {
                return;
            };
            self.order.update(|order| *order = order.next(index));
            // A new mark is a new header: the focus goes to the same button.
            let (view_key, key) = (self.view_key, key.clone());
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
    }

    /// The rows of the body or the footer. A row has reactive parts (its
    /// cells): it gets an owner of its own under `parent` (the table's),
    /// which goes with the row.
    fn rows(self, place: RowPlace, parent: Option<Owner>) -> impl IntoView {
        let rows: Items = Arc::new(move || {
            self.table.with(|t| {
                t.shown_rows(place, self.order.get())
                    .into_iter()
                    .map(KeyedItem::Row)
                    .collect()
            })
        });
        let row: ItemView = Arc::new(move |item| {
            let KeyedItem::Row(row) = item else {
                return ().into_any();
            };
            with_own_owner(&parent, || self.row(row).into_any())
        });
        keyed_items(rows, row)
    }

    fn row(self, row: ShownRow) -> impl IntoView {
        let (place, key, cell_row) = (row.place, row.key.clone(), row.key.clone());
        let cells: Items = Arc::new(move || {
            self.table.with(|t| {
                t.shown_cells(place, &key, self.context.lang())
                    .into_iter()
                    .map(KeyedItem::Cell)
                    .collect()
            })
        });
        let cell: ItemView = Arc::new(move |item| match item {
            KeyedItem::Cell(cell) => self.cell(place, cell_row.clone(), cell).into_any(),
            _ => ().into_any(),
        });
        view! {
            <tr data-kind=row.kind.key() data-key=row.key>
                <th scope="row">{row.label}</th>
                {keyed_items(cells, cell)}
            </tr>
        }
    }

    /// A cell is a button when figures back it; what its dialog lists is
    /// looked up when it opens, so a cell is drawn anew only when what it
    /// shows changes.
    fn cell(self, place: RowPlace, row: String, cell: ShownCell) -> impl IntoView {
        let content = if cell.opens {
            let column = cell.column.clone();
            view! {
                <button
                    type="button"
                    class="cell-button"
                    aria-label=cell.spoken
                    aria-haspopup="dialog"
                    aria-expanded="false"
                    aria-controls=format!("cell-details-{}", self.view_key)
                    on:click=move |event| self.open_cell(&event, place, &row, &column)
                >
                    {cell.text}
                </button>
            }
            .into_any()
        } else {
            view! { <span>{cell.text}</span> }.into_any()
        };
        view! { <td class="number" data-status=cell.status.map(CellStatus::key).unwrap_or("")>{content}</td> }
    }

    /// Opens the dialog for the cell a click was on.
    fn open_cell(self, event: &leptos::ev::MouseEvent, place: RowPlace, row: &str, column: &str) {
        let button = event
            .current_target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok());
        // Set on the element, not bound to a signal: a binding in every cell
        // would be one more reactive node per cell.
        if let Some(button) = &button {
            let _ = button.set_attribute("aria-expanded", "true");
        }
        self.open(place, row, column, button);
    }

    /// Opens the dialog with the figures behind the cell of `row` and
    /// `column`; `opener` gets the focus back when it closes.
    fn open(self, place: RowPlace, row: &str, column: &str, opener: Option<web_sys::HtmlElement>) {
        let details = self.table.with_untracked(|t| {
            t.cell(place, row, column)
                .map(|(row, column, cell)| Selected {
                    title: format!("{}, {}", row.label, column.header),
                    entries: cell.figures.clone(),
                })
        });
        let Some(details) = details else { return };
        self.opener.set_value(opener);
        self.selected.set(Some(details));
        if let Some(dialog) = self.dialog.get_untracked() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        }
    }

    /// Enter on a chart's bar asks for its cell's sources: the cell's
    /// dialog opens, and the focus goes back to the chart after.
    fn answer_the_charts(self) {
        let context = self.context;
        Effect::new(move |_| {
            let Some(asked) = context.sources_asked.get() else {
                return;
            };
            context.sources_asked.set(None);
            let chart = browser::element_by_selector(&format!(
                "[data-chart=\"{}\"] .chart-frame",
                asked.chart.key()
            ));
            self.open(asked.place, &asked.row, &asked.column, chart);
        });
    }

    /// The cell's sources as a modal dialog: it takes the focus, is
    /// announced with its heading, closes with Esc, and gives the focus
    /// back to its cell.
    fn dialog_view(self) -> impl IntoView {
        let lang = move || self.context.lang();
        let view_key = self.view_key;
        let title_id = format!("cell-details-{view_key}-title");
        let label_id = title_id.clone();
        let title = move || {
            self.selected.with(|shown| {
                shown
                    .as_ref()
                    .map(|shown| format!("{} {}", Text::CellSourcesTitle.get(lang()), shown.title))
            })
        };
        let close = move || {
            if let Some(dialog) = self.dialog.get_untracked() {
                dialog.close();
            }
        };
        view! {
            <dialog
                class="cell-details"
                id=format!("cell-details-{view_key}")
                node_ref=self.dialog
                aria-labelledby=label_id
                on:close=move |_| self.closed()
            >
                <div class="cell-details-head">
                    <h3 id=title_id>{title}</h3>
                    <button type="button" class="close" on:click=move |_| close()>{move || Text::Close.get(lang())}</button>
                </div>
                {move || self.selected.get().map(|details| view! { <FigureList entries=details.entries lang=lang()/> })}
            </dialog>
        }
    }

    /// The dialog closed: the cell that opened it gets the focus back.
    fn closed(self) {
        self.selected.set(None);
        if let Some(button) = self.opener.get_value() {
            let _ = button.set_attribute("aria-expanded", "false");
            let _ = button.focus();
        }
    }
}

/// The table of a view. The view's key names it in element ids and tests.
#[component]
pub fn DataTableView(#[prop(into)] table: Signal<DataTable>, view: ViewKind) -> impl IntoView {
    let context = use_app_context();
    // An embedded chart shows only the chart; the table is in the full app.
    // (Embedding is decided by the address the frame was opened with.)
    if context.view.with_untracked(|view| view.embed) {
        return ().into_any();
    }
    let view_key = view.key();
    let lang = move || context.lang();
    let parts = TableParts {
        view_key,
        table,
        order: RwSignal::new(SortOrder::Natural),
        context,
        dialog: NodeRef::new(),
        selected: RwSignal::new(None),
        opener: StoredValue::new_local(None),
    };
    let title_id = format!("table-{view_key}-title");
    let (region_label, table_label) = (title_id.clone(), title_id.clone());
    parts.answer_the_charts();
    let parent = Owner::current();
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
                            {parts.headers()}
                        </tr>
                    </thead>
                    <tbody>{parts.rows(RowPlace::Body, parent.clone())}</tbody>
                    <tfoot>{parts.rows(RowPlace::Footer, parent)}</tfoot>
                </table>
            </div>
            <p class="table-note">{move || table.with(|t| t.note.clone())}" "{move || Text::SortHint.get(lang())}</p>
            {parts.dialog_view()}
        </section>
    }
    .into_any()
}
