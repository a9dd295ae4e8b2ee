//! What the page the app runs in tells it, given once when it starts: in the
//! browser read from the window, at build time set by the renderer
//! ([`super::prerender`]). Components read it from the context, never from a
//! global, so the same components render the page at build time and hydrate
//! it in the browser.

use leptos::prelude::*;

use crate::catalog::Catalog;

/// The page's address, size and data at the start.
#[derive(Clone)]
pub struct PageEnvironment {
    /// The address's query, with its `?` (or empty).
    pub query: String,
    /// The width a chart may take at the start, in CSS pixels.
    pub chart_width: u32,
    /// Every data file, when the page carries them all (`index.html` and the
    /// offline file do): the first view is then drawn at once, with no
    /// request and nothing asynchronous, so the page drawn at build time and
    /// the app's first render are the same. `None`: the app fetches them.
    pub bundled: Option<Catalog>,
    /// Whether the app runs from the single offline file.
    pub offline_file: bool,
    /// The page already shows every chart, drawn at build time, and the app
    /// hydrates it: hydration keeps each drawing (an `inner_html` from the
    /// page), so the app need not draw one until its input changes.
    pub charts_in_page: bool,
}

impl PageEnvironment {
    /// The page as the build draws it: `query`, charts `chart_width` wide,
    /// everything in `catalog` loaded.
    pub fn drawn(query: &str, chart_width: u32, catalog: Catalog) -> PageEnvironment {
        PageEnvironment {
            query: query.to_owned(),
            chart_width,
            bundled: Some(catalog),
            offline_file: false,
            charts_in_page: false,
        }
    }

    /// The page the browser shows. Its data is read a file at a time, with
    /// the browser free between slices of a few milliseconds: a tap on a
    /// phone is not held up by the whole reading.
    #[cfg(target_arch = "wasm32")]
    pub async fn from_window() -> PageEnvironment {
        use super::browser;

        let read = |address: &str| {
            browser::bundled_file(address)
                .map(String::into_bytes)
                .ok_or(crate::catalog::FetchError::NotInPage)
        };
        let mut reading = crate::catalog::Reading::default();
        let mut slice = browser::TimeSlice::begin();
        while reading.read_next(&read) {
            slice.pause_when_long().await;
        }
        let bundled = reading.finish();
        // Only a whole set: a page that lacks a file fetches them all as usual,
        // and says so for the one that fails.
        let whole = bundled.manifest.is_some() && bundled.failures.is_empty();
        PageEnvironment {
            query: browser::current_query(),
            chart_width: browser::first_chart_width(),
            bundled: whole.then_some(bundled),
            offline_file: browser::is_bundled(),
            // Known once the start decides to hydrate (`super::start`).
            charts_in_page: false,
        }
    }
}

/// Gives `environment` to every component below.
pub fn provide_page_environment(environment: PageEnvironment) {
    provide_context(environment);
}

/// The page's environment. Every way the app is started provides it.
pub fn use_page_environment() -> PageEnvironment {
    expect_context::<PageEnvironment>()
}
