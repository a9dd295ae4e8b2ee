//! The root component: state from the address, loading, and the page layout.

use leptos::ev;
use leptos::prelude::*;

use super::alerts::Alerts;
use super::browser;
use super::chart_figure::{ChartFigure, ChartKind};
use super::comparison_table::ComparisonTable;
use super::context::provide_app_context;
use super::footer::Footer;
use super::header::Header;
use super::loader::{restore_from_address, start_loading};
use super::sources_section::SourcesSection;
use super::year_picker::YearPicker;
use crate::i18n::Text;
use crate::state::parse_query;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let context = provide_app_context();
    let parsed = parse_query(&browser::current_query());
    context.view.set(parsed.state);
    context.notices.set(parsed.notices);
    start_loading(context, parsed.years_given);

    // The handles live as long as the page: the app is never unmounted.
    let popstate = window_event_listener(ev::popstate, move |_| restore_from_address(context));
    let resize = window_event_listener(ev::resize, move |_| {
        context.chart_width.set(browser::chart_width())
    });
    std::mem::forget((popstate, resize));

    Effect::new(move |_| {
        let lang = context.lang();
        browser::set_document_language(lang.code(), Text::AppTitle.get(lang));
    });

    let no_years = move || context.view.with(|view| view.years.is_empty());
    // Chosen years may still be loading, or may all have failed (the alert says why).
    let nothing_loaded = move || {
        context
            .comparison
            .with(|comparison| comparison.years.is_empty())
    };
    let still_loading = move || context.pending.get() > 0;
    view! {
        <Header/>
        <main id="main">
            <Alerts/>
            <YearPicker/>
            <Show
                when=move || !no_years()
                fallback=move || view! { <p class="empty-state">{move || Text::NoYearsChosen.get(context.lang())}</p> }
            >
                <Show
                    when=move || !nothing_loaded()
                    fallback=move || view! {
                        <Show when=move || !still_loading()>
                            <p class="empty-state">{move || Text::NoChosenYearLoaded.get(context.lang())}</p>
                        </Show>
                    }
                >
                    <div class="charts">
                        <ChartFigure kind=ChartKind::Totals/>
                        <ChartFigure kind=ChartKind::Recipients/>
                    </div>
                    <ComparisonTable/>
                </Show>
            </Show>
            <SourcesSection/>
        </main>
        <Footer/>
    }
}
