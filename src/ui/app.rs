//! The root component: state from the address, loading, and the page layout.

use leptos::ev;
use leptos::prelude::*;

use super::about_data::AboutDataSection;
use super::alerts::Alerts;
use super::breakdown_page::BreakdownPage;
use super::bridge_page::BridgePage;
use super::browser;
use super::compare_page::ComparePage;
use super::context::provide_app_context;
use super::embed_note::EmbedNote;
use super::embed_panel::EmbedPanel;
use super::footer::Footer;
use super::header::Header;
use super::loader::{restore_from_address, start_loading};
use super::own_files::{load_addresses, load_files, OwnFilesPanel};
use super::sources_section::SourcesSection;
use super::trend_page::TrendPage;
use super::units_controls::UnitsControls;
use super::view_switcher::ViewSwitcher;
use crate::i18n::Text;
use crate::state::{parse_query, ViewKind};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let context = provide_app_context();
    let parsed = parse_query(&browser::current_query());
    let data_urls = parsed.state.data.clone();
    context.view.set(parsed.state);
    context.notices.set(parsed.notices);
    start_loading(context, parsed.years_given);
    load_addresses(context, data_urls);

    // The handles live as long as the page: the app is never unmounted.
    let popstate = window_event_listener(ev::popstate, move |_| restore_from_address(context));
    // Files dropped anywhere on the page are read as the visitor's own; the
    // browser must not open them instead.
    let dragover = window_event_listener(ev::dragover, move |event| event.prevent_default());
    let drop = window_event_listener(ev::drop, move |event| {
        event.prevent_default();
        if let Some(files) = event.data_transfer().and_then(|transfer| transfer.files()) {
            load_files(context, files);
        }
    });
    std::mem::forget((dragover, drop));
    let resize = window_event_listener(ev::resize, move |_| {
        context.chart_width.set(browser::chart_width())
    });
    std::mem::forget((popstate, resize));

    Effect::new(move |_| {
        let lang = context.lang();
        browser::set_document_language(lang.code(), Text::AppTitle.get(lang));
    });

    let page = move || context.view.with(|view| view.view);
    let embedded = move || context.view.with(|view| view.embed);
    Effect::new(move |_| browser::mark_embedded(embedded()));
    if context.view.with_untracked(|view| view.embed) {
        browser::report_height_to_host();
    }
    let full_app_only = move |content: fn() -> AnyView| move || (!embedded()).then(content);
    view! {
        {full_app_only(|| view! { <Header/> }.into_any())}
        <main id="main">
            <Alerts/>
            {full_app_only(|| view! { <ViewSwitcher/><UnitsControls/><OwnFilesPanel/><EmbedPanel/> }.into_any())}
            {move || match page() {
                ViewKind::Compare => view! { <ComparePage/> }.into_any(),
                ViewKind::Trend => view! { <TrendPage/> }.into_any(),
                ViewKind::Breakdown => view! { <BreakdownPage/> }.into_any(),
                ViewKind::Bridge => view! { <BridgePage/> }.into_any(),
            }}
            {move || if embedded() { view! { <EmbedNote/> }.into_any() } else { view! { <SourcesSection/><AboutDataSection/> }.into_any() }}
        </main>
        {full_app_only(|| view! { <Footer/> }.into_any())}
    }
}
