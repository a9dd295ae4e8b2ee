//! Every keyed list of the app (the years to choose, the table's headers,
//! rows and cells, the sources' year panels) as one list type. A keyed list
//! keeps an item's elements while the item's key stays the same; its
//! diffing code is compiled once for each type of list, so one type for all
//! keeps the wasm smaller (measured: ≈ 8 KB gzip for the table's three).

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;
use leptos::tachys::view::keyed::keyed;

use crate::i18n::Lang;
use crate::view::{ShownCell, ShownColumn, ShownRow, YearSources};

/// An item of one of the app's keyed lists, keyed by what it shows.
#[derive(Clone, PartialEq, Eq, Hash)]
pub enum KeyedItem {
    /// A year to choose.
    Year(u16),
    /// A table's column header.
    Column(ShownColumn),
    /// A table's row, without its cells.
    Row(ShownRow),
    /// A table's cell.
    Cell(ShownCell),
    /// A year's sources panel, in a language.
    Sources(Lang, YearSources),
}

/// What a list holds now; read in a reactive context, so the list follows it.
pub type Items = Arc<dyn Fn() -> Vec<KeyedItem> + Send + Sync>;

/// How an item is drawn.
pub type ItemView = Arc<dyn Fn(KeyedItem) -> AnyView + Send + Sync>;

/// A list that draws an item when it appears, moves it when it moves, and
/// keeps its elements while it stays.
///
/// No item gets a reactive owner of its own here (`<For>` gives each one):
/// an owner keeps a pointer to every child it ever had until it goes
/// itself, so table cells that come and go with each toggle would pile up
/// for as long as the page is open. An item with reactive parts (a row
/// with its cells, a year's checkbox) is drawn [`with_own_owner`].
pub fn keyed_items(items: Items, view: ItemView) -> impl IntoView {
    move || {
        let view = view.clone();
        keyed(items(), KeyedItem::clone, move |_, item| {
            (no_cleanup, view(item))
        })
    }
}

fn no_cleanup(_: usize) {}

/// Draws an item's view under an owner of its own, a child of `parent`
/// (the component that holds the list, taken with `Owner::current()` when
/// it is made): the item's reactive parts live as long as it is shown.
pub fn with_own_owner(parent: &Option<Owner>, view: impl FnOnce() -> AnyView) -> AnyView {
    let owner = parent
        .as_ref()
        .map_or_else(Owner::new, |parent| parent.with(Owner::new));
    let drawn = owner.with(view);
    OwnedView::new_with_owner(drawn, owner).into_any()
}
