//! Build-time rendering of the app's own components into HTML (Leptos
//! `ssr`, natively), so that `index.html` shows the first view before any
//! script has run, and the browser app hydrates it (see `super::start`).
//! The page's address, width and data reach the components as their
//! [`PageEnvironment`], as they do in the browser.

use leptos::prelude::*;

use super::environment::{provide_page_environment, PageEnvironment};
use super::App;
use crate::catalog::Catalog;

/// Renders the whole app as HTML for the address `query` (with its `?`, or
/// empty), charts drawn `chart_width` wide, with everything in `catalog`
/// loaded. Leptos's markers stay: hydration finds its text nodes by them.
pub fn render_app(catalog: Catalog, query: &str, chart_width: u32) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_page_environment(PageEnvironment::drawn(query, chart_width, catalog));
        view! { <App/> }.to_html()
    });
    drop(owner);
    html
}
