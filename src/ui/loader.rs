//! Loads the manifest, then every agreement it lists, each on its own, so one
//! bad file only ever costs its own year.

use leptos::prelude::*;

use super::browser;
use super::context::AppContext;
use crate::view::reconcile;

#[cfg(target_arch = "wasm32")]
const MANIFEST: &str = "data/index.json";

/// At build time the whole catalog is given at once (see [`super::prerender`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn start_loading(context: AppContext, _years_given: bool) {
    let Some(catalog) = super::prerender::take_catalog() else {
        return;
    };
    let years = catalog.listed_years();
    context.catalog.set(catalog);
    let mut notices = Vec::new();
    context
        .view
        .update(|view| notices = view.retain_available(&years));
    context.notices.update(|all| all.extend(notices));
    context.pending.set(0);
    reconcile_with_data(context);
}

/// Starts loading; returns at once.
#[cfg(target_arch = "wasm32")]
pub fn start_loading(context: AppContext, years_given: bool) {
    use crate::catalog::SeriesKind;
    use crate::model::Limits;
    use leptos::task::spawn_local;

    spawn_local(async move {
        let limit = Limits::default().max_bytes;
        let text = browser::fetch_bytes(MANIFEST, limit).await;
        context
            .catalog
            .update(|catalog| catalog.add_manifest(MANIFEST, text));
        let Some(manifest) = context
            .catalog
            .with_untracked(|catalog| catalog.manifest.clone())
        else {
            context.pending.set(0);
            return;
        };
        let mut notices = Vec::new();
        context
            .view
            .update(|view| notices = view.retain_available(&manifest.years()));
        if !notices.is_empty() {
            context.notices.update(|all| all.extend(notices));
            if years_given {
                browser::replace_query(
                    &context
                        .view
                        .with_untracked(crate::state::ViewState::to_query),
                );
            }
        }
        context.pending.set(manifest.agreements.len() + 2);
        for (kind, file) in [
            (SeriesKind::Kpi, manifest.kpi.clone()),
            (SeriesKind::Population, manifest.population.clone()),
        ] {
            spawn_local(async move {
                let text = browser::fetch_bytes(&format!("data/{file}"), limit).await;
                context
                    .catalog
                    .update(|catalog| catalog.add_series(kind, &file, text));
                context
                    .pending
                    .update(|pending| *pending = pending.saturating_sub(1));
                if context.pending.get_untracked() == 0 {
                    reconcile_with_data(context);
                }
            });
        }
        for entry in manifest.agreements {
            spawn_local(async move {
                let text = browser::fetch_bytes(&format!("data/{}", entry.file), limit).await;
                context
                    .catalog
                    .update(|catalog| catalog.add_agreement(&entry, text));
                context
                    .pending
                    .update(|pending| *pending = pending.saturating_sub(1));
                if context.pending.get_untracked() == 0 {
                    reconcile_with_data(context);
                }
            });
        }
    });
}

/// Once everything is in: what the address asks for and the data cannot
/// show is replaced by what is shown, with a notice, and the address
/// rewritten to match.
fn reconcile_with_data(context: AppContext) {
    let mut state = context.view.get_untracked();
    let notices = context
        .catalog
        .with_untracked(|catalog| reconcile(&mut state, catalog));
    if notices.is_empty() {
        return;
    }
    browser::replace_query(&state.to_query());
    context.set_view(state);
    context.notices.update(|all| all.extend(notices));
}

/// Restores the view from the address (after back/forward).
#[cfg(target_arch = "wasm32")]
pub fn restore_from_address(context: AppContext) {
    let parsed = crate::state::parse_query(&browser::current_query());
    let mut state = parsed.state;
    let mut notices = parsed.notices;
    let years = context
        .catalog
        .with_untracked(|catalog| catalog.listed_years());
    if !years.is_empty() {
        notices.extend(state.retain_available(&years));
    }
    if context.pending.get_untracked() == 0 {
        notices.extend(
            context
                .catalog
                .with_untracked(|catalog| reconcile(&mut state, catalog)),
        );
    }
    if !notices.is_empty() {
        browser::replace_query(&state.to_query());
    }
    context.set_view(state);
    context.notices.set(notices);
}
