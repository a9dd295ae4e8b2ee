//! The root component: state from the address, loading, and the page layout.

use leptos::prelude::*;

use super::about_data::AboutDataSection;
use super::alerts::Alerts;
use super::breakdown_page::BreakdownPage;
use super::bridge_page::BridgePage;
use super::browser;
use super::compare_page::ComparePage;
use super::context::{provide_app_context, AppContext};
use super::embed_note::EmbedNote;
use super::environment::{use_page_environment, PageEnvironment};
use super::footer::Footer;
use super::header::Header;
use super::loader::start_loading;
use super::more_section::MoreSection;
use super::own_files::{load_addresses, OwnFilesStatus};
use super::print_note::PrintNote;
use super::skip_link::SkipLink;
use super::sources_section::SourcesSection;
use super::trend_page::TrendPage;
use super::view_switcher::ViewSwitcher;
use crate::i18n::Text;
use crate::state::{parse_query, ViewKind};
use crate::view::page_title;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let environment = use_page_environment();
    let context = provide_app_context(environment.chart_width, environment.charts_in_page);
    let offline_file = environment.offline_file;
    begin(context, environment);
    // Memos, so that a year or unit toggle does not rebuild the page: the
    // control the visitor used must stay where the focus is.
    let page = Memo::new(move |_| context.view.with(|view| view.view));
    let embedded = Memo::new(move |_| context.view.with(|view| view.embed));
    keep_the_document_in_step(context, embedded);
    // Until the first files are in, one placeholder as tall as the screen
    // holds the place of the view: nothing below it is in sight to be pushed
    // about when the view appears (no layout shift while loading).
    let loaded = Memo::new(move |before: Option<&bool>| {
        before.copied().unwrap_or(false) || context.pending.get() == 0
    });
    view! {
        {full_app_only(embedded, || view! { <SkipLink/><Header/> }.into_any())}
        <main id="main">
            <Alerts/>
            {full_app_only(embedded, || view! { <OwnFilesStatus/><ViewSwitcher/> }.into_any())}
            {move || if !loaded.get() {
                view! {
                    <div class="loading-placeholder">
                        <p class="loading" role="status">{move || Text::Loading.get(context.lang())}</p>
                    </div>
                }.into_any()
            } else { match page.get() {
                ViewKind::Compare => view! { <ComparePage/> }.into_any(),
                ViewKind::Trend => view! { <TrendPage/> }.into_any(),
                ViewKind::Breakdown => view! { <BreakdownPage/> }.into_any(),
                ViewKind::Bridge => view! { <BridgePage/> }.into_any(),
            }}}
            // Most visitors never load a file of their own or embed a chart:
            // those tools wait below the table, out of the chart's way.
            {move || if embedded.get() {
                view! { <EmbedNote/> }.into_any()
            } else {
                view! { <PrintNote/><MoreSection/><SourcesSection/><AboutDataSection/> }.into_any()
            }}
        </main>
        {full_app_only(embedded, move || view! { <Footer offline_file/> }.into_any())}
    }
}

/// The app's first state: the view the address asks for (the address
/// corrected if anything in it was ignored), the bundled data, and any
/// files the address names, on their way.
fn begin(context: AppContext, environment: PageEnvironment) {
    let parsed = parse_query(&environment.query);
    let data_urls = parsed.state.data.clone();
    // The address says what is shown: whatever was left out is gone from it too.
    if !parsed.notices.is_empty() {
        browser::replace_query(&parsed.state.to_query());
    }
    context.set_view(parsed.state);
    context.notices.set(parsed.notices);
    start_loading(context, parsed.years_given, environment.bundled);
    // After the bundled data is in and the address reconciled with it (at
    // once, when the page carries the data): the first render is one view.
    context.settle_now();
    load_addresses(context, data_urls);
}

/// What follows the view outside the app's own markup: the page's address
/// and date, the settled view, and on the document its language, title,
/// theme and marks. Effects: they run in the browser only, once the page is
/// the app's (after hydration).
fn keep_the_document_in_step(context: AppContext, embedded: Memo<bool>) {
    // What the build cannot know comes in then.
    Effect::new(move |_| {
        context.page_url.set(browser::page_url());
        context.today.set(browser::today());
        watch_window(context);
    });
    // What is below the table follows the view once the frame that shows a
    // change is painted (`AppContext::settled_view`).
    Effect::new(move |_| {
        context.view.track();
        browser::after_next_paint(move || {
            let view = context.view.get_untracked();
            if context
                .settled_view
                .with_untracked(|settled| settled != &view)
            {
                context.settled_view.set(view);
            }
        });
    });
    Effect::new(move |_| browser::set_document_language(context.lang().code()));
    // Each view its own title, so tabs, bookmarks and history tell them apart.
    Effect::new(move |_| {
        context
            .view
            .with(|view| browser::set_title(&page_title(view)))
    });
    Effect::new(move |_| browser::mark_embedded(embedded.get()));
    Effect::new(move |_| browser::set_theme(context.view.with(|view| view.theme)));
    let headings = Memo::new(move |_| context.view.with(|view| view.header));
    Effect::new(move |_| browser::mark_without_headings(!headings.get()));
}

/// What only the full app shows, not an embedded chart.
fn full_app_only(
    embedded: Memo<bool>,
    content: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl Fn() -> Option<AnyView> {
    move || (!embedded.get()).then(&content)
}

/// The window's events the app follows: back and forward, files dropped on
/// the page, and (embedded) the height the host should give us. (Each chart
/// follows its own box's width: `ChartFigure`.)
/// Listeners are removed when the app's owner is disposed (which, for the
/// root, is when the page goes). Not at build time: there is no window.
fn watch_window(context: AppContext) {
    #[cfg(target_arch = "wasm32")]
    {
        use super::loader::restore_from_address;
        use super::own_files::load_files;
        use leptos::ev;

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
        let height = context
            .view
            .with_untracked(|view| view.embed)
            .then(browser::report_height_to_host)
            .flatten();
        // Owned by the app: dropped (so removed and disconnected) with it.
        let _listeners = StoredValue::new_local(height);
        on_cleanup(move || {
            popstate.remove();
            dragover.remove();
            drop.remove();
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = context;
}
