//! App-wide state: a small `Copy` struct of signals, provided once at the root.

use leptos::prelude::*;

use super::browser;
use crate::analysis::{compare_by_recipient, Comparison};
use crate::catalog::Catalog;
use crate::i18n::Lang;
use crate::state::{Notice, ViewState};

/// The signals every component may read.
#[derive(Clone, Copy)]
pub struct AppContext {
    /// What the visitor looks at; mirrored in the URL.
    pub view: RwSignal<ViewState>,
    /// Everything loaded, and every file that failed.
    pub catalog: RwSignal<Catalog>,
    /// What was ignored in the address.
    pub notices: RwSignal<Vec<Notice>>,
    /// Files still loading.
    pub pending: RwSignal<usize>,
    /// Width available to a chart, in CSS pixels.
    pub chart_width: RwSignal<u32>,
    /// The chosen years compared; shared by the charts and the table.
    pub comparison: Memo<Comparison>,
}

impl AppContext {
    /// The current language.
    pub fn lang(&self) -> Lang {
        self.view.with(|view| view.lang)
    }

    /// Changes the view and records it as a new history entry, so the back
    /// button undoes it and the address can be shared.
    pub fn change_view(&self, change: impl FnOnce(&mut ViewState)) {
        // Change a copy, not the signal in place: `change` may read signals
        // (this one too), which an in-place update would hold locked.
        let mut next = self.view.get_untracked();
        change(&mut next);
        browser::push_query(&next.to_query());
        self.view.set(next);
    }
}

/// Creates the app's signals and provides them to every component.
pub fn provide_app_context() -> AppContext {
    let view = RwSignal::new(ViewState::default());
    let catalog = RwSignal::new(Catalog::default());
    let comparison = Memo::new(move |_| {
        let years = view.with(|view| view.years.clone());
        catalog.with(|catalog| {
            let agreements: Vec<_> = catalog
                .chosen(&years)
                .into_iter()
                .map(|loaded| &loaded.agreement)
                .collect();
            compare_by_recipient(&agreements)
        })
    });
    let context = AppContext {
        view,
        catalog,
        notices: RwSignal::new(Vec::new()),
        pending: RwSignal::new(1),
        chart_width: RwSignal::new(browser::chart_width()),
        comparison,
    };
    provide_context(context);
    context
}

/// The app's signals.
pub fn use_app_context() -> AppContext {
    expect_context::<AppContext>()
}
