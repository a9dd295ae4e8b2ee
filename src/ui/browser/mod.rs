//! The browser calls the app makes, a file a concern: fetching with limits
//! (`fetch`), the address and its history (`address`), when work runs
//! (`timing`), downloads and object URLs (`downloads`), the clipboard
//! (`clipboard`), the page around the app (`page`), and the observers that
//! follow sizes (`sizes`).
//!
//! Each call fails soft: a missing `window` or a refused call never panics.
//! A call whose answer the page drawn at build time could ask for (the
//! address, the bundled data, the date, a timer) has one signature and two
//! bodies, the browser's and an inert one; the others are made only by
//! effects and events, which do not run at build time (the page's address,
//! width and data come in the `PageEnvironment`).

// Natively only the inert bodies are called: the rest is there, unused.
#![cfg_attr(
    not(target_arch = "wasm32"),
    allow(dead_code, unused_variables, unused_imports)
)]

mod address;
mod clipboard;
mod downloads;
mod fetch;
mod page;
mod sizes;
mod timing;

pub use address::{
    current_query, forget_query_soon, page_url, push_query, replace_query, replace_query_soon,
    resolve_against_page,
};
pub use clipboard::copy_text;
pub use downloads::{download_png, download_text};
pub use fetch::fetch_bytes;
pub use page::{
    bundled_file, element_by_selector, first_chart_width, is_bundled, mark_embedded,
    mark_without_headings, set_document_language, set_theme, set_title, today,
};
pub use sizes::{report_height_to_host, watch_box_width};
pub use timing::{after_next_paint, TimeSlice};
