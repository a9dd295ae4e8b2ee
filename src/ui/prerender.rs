//! Build-time rendering of the app's own components into HTML (Leptos
//! `ssr`, natively), so that `index.html` shows the first view before any
//! script has run. The page's address, width and data are set here for the
//! duration of one render; the browser calls read them instead of a window.

use std::cell::RefCell;

use leptos::prelude::*;

use super::App;
use crate::catalog::Catalog;

/// What one render sees in place of a browser.
struct Page {
    query: String,
    chart_width: u32,
    catalog: Option<Catalog>,
}

thread_local! {
    static PAGE: RefCell<Page> = const {
        RefCell::new(Page { query: String::new(), chart_width: 1000, catalog: None })
    };
}

/// Renders the whole app as HTML for the address `query` (with its `?`, or
/// empty), charts drawn `chart_width` wide, with everything in `catalog`
/// loaded.
pub fn render_app(catalog: Catalog, query: &str, chart_width: u32) -> String {
    PAGE.with(|page| {
        *page.borrow_mut() = Page {
            query: query.to_owned(),
            chart_width,
            catalog: Some(catalog),
        }
    });
    let owner = Owner::new();
    let html = owner.with(|| view! { <App/> }.to_html());
    drop(owner);
    html
}

/// The address being rendered.
pub fn query() -> String {
    PAGE.with(|page| page.borrow().query.clone())
}

/// The chart width being rendered.
pub fn chart_width() -> u32 {
    PAGE.with(|page| page.borrow().chart_width)
}

/// The catalog being rendered, taken once by the loader.
pub fn take_catalog() -> Option<Catalog> {
    PAGE.with(|page| page.borrow_mut().catalog.take())
}

/// No file is fetched while rendering: the catalog is given whole.
pub fn file(_url: &str) -> Option<String> {
    None
}
