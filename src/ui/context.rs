//! App-wide state: a small `Copy` struct of signals, provided once at the root.

use leptos::prelude::*;

use super::browser;
use crate::catalog::{Catalog, LoadFailure};
use crate::i18n::Lang;
use crate::state::{Notice, ViewState};
use crate::view::{ChartKey, RowPlace};

/// A chart asks the table to show the sources of a bar's cell (Enter on a
/// focused bar): the same dialog as a click on the cell, which gives the
/// focus back to the chart when it closes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourcesRequest {
    /// The chart asking: it gets the focus back.
    pub chart: ChartKey,
    /// Where the cell is.
    pub place: RowPlace,
    /// The row's key.
    pub row: String,
    /// The column's key.
    pub column: String,
}

/// The signals every component may read.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// What the visitor looks at; mirrored in the URL.
    pub view: RwSignal<ViewState>,
    /// The language alone, so that the many texts which only depend on it
    /// are not redrawn when anything else in the view changes. Kept equal to
    /// `view`'s language by [`AppContext::set_view`].
    pub lang: RwSignal<Lang>,
    /// The view as the panels below the table show it (sources, the embed
    /// code, the print note): `view` once the frame that shows a change is
    /// painted, so a toggle's frame holds only the charts and the table.
    /// Read it only for what a visitor cannot see change at once; write
    /// `view` (through [`AppContext::change_view`]), never this.
    pub settled_view: RwSignal<ViewState>,
    /// Everything loaded, and every file that failed.
    pub catalog: RwSignal<Catalog>,
    /// What was ignored in the address.
    pub notices: RwSignal<Vec<Notice>>,
    /// Files still loading.
    pub pending: RwSignal<usize>,
    /// The width charts are drawn at, in CSS pixels: their box's, measured
    /// by each chart's observer (`browser::watch_box_width`, a moment after
    /// the last resize) and set only when it really changes. Shared: the
    /// charts stand in one column, and a chart shown later starts at it.
    pub chart_width: RwSignal<u32>,
    /// Why the visitor's last files could not be read.
    pub own_failures: RwSignal<Vec<LoadFailure>>,
    /// The visitor's files being read: the number of the one being read (0
    /// when none is) and how many in all. Two numbers, not a pair: each
    /// signal type is code of its own in the wasm, and this one exists.
    pub own_reading: RwSignal<usize>,
    /// How many files of the visitor's are being read in all.
    pub own_to_read: RwSignal<usize>,
    /// Files named in the address still on their way: each one's host
    /// (`None`: this site), shown so a slow file is not a silent page.
    pub fetching: RwSignal<Vec<Option<String>>>,
    /// The page's address without query, for the links and snippets that
    /// lead back here. Empty until the app runs in a browser: the page drawn
    /// at build time cannot know where it will be hosted, and hydration
    /// needs the app's first render to be that page.
    pub page_url: RwSignal<String>,
    /// Today's date (`2026-11-24`), for printouts; empty until the app runs.
    pub today: RwSignal<String>,
    /// A chart's request to show a cell's sources; the table takes it.
    pub sources_asked: RwSignal<Option<SourcesRequest>>,
    /// The app is hydrating a page that already shows each chart drawn at
    /// build time: a chart is drawn by the app only once its input changes.
    pub charts_in_page: bool,
}

impl AppContext {
    /// The current language.
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Changes the view and keeps the address in step. Going to another view
    /// (compare, trend, …) is a new history entry, so the back button returns;
    /// a small toggle within a view (a year, a unit) replaces the current
    /// entry, so the back button is not a list of every click.
    pub fn change_view(&self, change: impl FnOnce(&mut ViewState)) {
        self.change_view_with(|_, view| change(view));
    }

    /// As [`change_view`](Self::change_view), for a change that depends on
    /// what is loaded (a bridge's default years).
    pub fn change_view_with(&self, change: impl FnOnce(&Catalog, &mut ViewState)) {
        // Change a copy, not the signal in place: `change` may read signals
        // (this one too), which an in-place update would hold locked.
        let mut next = self.view.get_untracked();
        let before = next.view;
        self.catalog
            .with_untracked(|catalog| change(catalog, &mut next));
        if next.view == before {
            browser::replace_query_soon(&next.to_query());
        } else {
            browser::push_query(&next.to_query());
        }
        self.set_view(next);
    }

    /// Shows `state`: the one way the view signal is written.
    pub fn set_view(&self, state: ViewState) {
        if self.lang.get_untracked() != state.lang {
            self.lang.set(state.lang);
        }
        self.view.set(state);
    }

    /// Makes the settled view the view now: at the start, so that the first
    /// render (the page drawn at build time, and its hydration) is one view.
    pub fn settle_now(&self) {
        self.settled_view.set(self.view.get_untracked());
    }

    /// As [`derive`](Self::derive), from the settled view.
    pub fn derive_settled<T>(&self, build: impl Fn(&Catalog, &ViewState) -> T) -> T {
        self.catalog
            .with(|catalog| self.settled_view.with(|view| build(catalog, view)))
    }

    /// Computes a view model from the catalog and the view state.
    pub fn derive<T>(&self, build: impl Fn(&Catalog, &ViewState) -> T) -> T {
        self.catalog
            .with(|catalog| self.view.with(|view| build(catalog, view)))
    }
}

/// Creates the app's signals, charts `chart_width` wide (already drawn in
/// the page when `charts_in_page`), and provides them to every component.
pub fn provide_app_context(chart_width: u32, charts_in_page: bool) -> AppContext {
    let view = RwSignal::new(ViewState::default());
    let context = AppContext {
        view,
        settled_view: RwSignal::new(ViewState::default()),
        lang: RwSignal::new(Lang::default()),
        catalog: RwSignal::new(Catalog::default()),
        notices: RwSignal::new(Vec::new()),
        pending: RwSignal::new(1),
        chart_width: RwSignal::new(chart_width),
        own_failures: RwSignal::new(Vec::new()),
        own_reading: RwSignal::new(0),
        own_to_read: RwSignal::new(0),
        fetching: RwSignal::new(Vec::new()),
        page_url: RwSignal::new(String::new()),
        today: RwSignal::new(String::new()),
        sources_asked: RwSignal::new(None),
        charts_in_page,
    };
    provide_context(context);
    context
}

/// The app's signals.
pub fn use_app_context() -> AppContext {
    expect_context::<AppContext>()
}
