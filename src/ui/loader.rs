//! Loads the manifest, then every agreement it lists, each on its own, so one
//! bad file only ever costs its own year.

use leptos::prelude::*;

use super::browser;
use super::context::AppContext;
use crate::catalog::Catalog;
use crate::state::ViewState;
use crate::view::reconcile;

/// Starts loading: at once from the files the page carries when it carries
/// them all (the first view is then drawn in the same task, as the build drew
/// it), else by fetching each one; returns at once.
pub fn start_loading(context: AppContext, years_given: bool, bundled: Option<Catalog>) {
    match bundled {
        Some(catalog) => take_whole(context, catalog, years_given),
        None => fetch_all(context, years_given),
    }
}

/// Shows a whole catalog: what the address asks for and the data cannot show
/// is replaced by what is shown, with a notice.
fn take_whole(context: AppContext, catalog: Catalog, years_given: bool) {
    let years = catalog.listed_years();
    context.catalog.set(catalog);
    keep_listed_years(context, &years, years_given);
    context.pending.set(0);
    reconcile_with_data(context);
}

/// The years asked for that the data does not list are dropped, with a
/// notice, and (when the address named them) the address rewritten.
fn keep_listed_years(context: AppContext, years: &[u16], years_given: bool) {
    let mut notices = Vec::new();
    context
        .view
        .update(|view| notices = view.retain_available(years));
    if !notices.is_empty() {
        context.notices.update(|all| all.extend(notices));
        if years_given {
            browser::replace_query(&context.view.with_untracked(ViewState::to_query));
        }
    }
}

/// At build time every file is given: nothing is fetched.
#[cfg(not(target_arch = "wasm32"))]
fn fetch_all(_context: AppContext, _years_given: bool) {}

/// Fetches the manifest, then every file it lists, each on its own.
#[cfg(target_arch = "wasm32")]
fn fetch_all(context: AppContext, years_given: bool) {
    use crate::catalog::{SeriesKind, MANIFEST_ADDRESS as MANIFEST};
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
        keep_listed_years(context, &manifest.years(), years_given);
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
    browser::forget_query_soon();
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
